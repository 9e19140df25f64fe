digest-only-moderators = Only moderators can see the digest. Ask a moderator if you'd like to know how the programme is going.
digest-export-only-moderators = Only moderators can export the programme's data. To get your own, use `/mydata export`.
digest-bad-weeks = The chart covers 2 to 26 weeks. Pick a number in that range, or leave `weeks` out for 8.
digest-exported = The programme's data as of <t:{ $at }:f>. Counts, moods and dates only: what members wrote is not included. Open the files in any spreadsheet.
# $week is the date the week starts, e.g. 30 Nov 2026.
digest-title = Mentoring digest: week of { $week }
digest-reason-quiet =
    { $days ->
        [one] no messages or meetings for { $days } day
       *[other] no messages or meetings for { $days } days
    }
digest-reason-quiet-since-start =
    { $days ->
        [one] no messages or meetings since they were paired { $days } day ago
       *[other] no messages or meetings since they were paired { $days } days ago
    }
digest-reason-unanswered =
    { $count ->
        [one] last check-in unanswered
       *[other] { $count } check-ins unanswered in a row
    }
digest-reason-low-mood = low mood (average { $average } of 5)
digest-reason-mood-falling = mood falling ({ $from } → { $to })
digest-reason-goals-overdue =
    { $count ->
        [one] { $count } goal overdue
       *[other] { $count } goals overdue
    }
digest-action-quiet = say hello in their channel, or ask each privately whether the pairing still works
digest-action-unanswered = ask whether the check-in time suits them, or offer a break with `/pair pause`
digest-action-mood = reach out to each member privately and ask how it's going
digest-action-goals = help them set new dates for their goals, or make the goals smaller
# Shown instead of a member who erased their data.
digest-erased = (erased)
digest-pair = { $mentor } & { $mentee }
digest-pair-in = { $mentor } & { $mentee } in <#{ $channel }>
digest-red-line = 🔴 **Red**: { $pair }: { $reasons }.
    → Suggested: { $action }.
# $from and $to are days like "Mon 30 Nov" and "Sun 6 Dec 2026".
digest-period = { $from } to { $to } (UTC), compared with the week before.
digest-health = **Pairs by health:** 🟢 { $green } green · 🟠 { $amber } amber · 🔴 { $red } red · ⏸️ { $paused } paused
digest-no-red = No pair is red this week.
digest-needs-attention = **Needs attention**
digest-more-red =
    { $count ->
        [one] …and { $count } more red pair: `/export` lists every pair with its health (pairs.csv).
       *[other] …and { $count } more red pairs: `/export` lists every pair with its health (pairs.csv).
    }
digest-percent = { $value }%
digest-answer-rate = { $rate } ({ $answers } of { $expected })
digest-no-checkins = no check-ins
digest-waiting =
    { $days ->
        [one] { $waiting }, longest { $days } day
       *[other] { $waiting }, longest { $days } days
    }
digest-none = none
digest-load = { $load } mentees per mentor, { $full } of { $mentors } full
digest-no-mentors = no active mentors
digest-pulse = { $average } of 5 ({ $answers } answers)
digest-pulse-hidden = hidden: { $answers } answers, shown from { $min }
digest-no-pulse = no pulse
digest-retention = { $rate } ({ $retained } of { $pairs } pairs)
digest-no-retention = no pairs that old yet
digest-of = { $part } of { $whole }
digest-row-active-members = Active members
digest-row-active-pairs = Active pairs
digest-row-new-enrolments = New enrolments
digest-row-waiting = Mentees waiting
digest-row-load = Mentor load
digest-row-answered = Check-ins answered
digest-row-per-pair = Per pair (median)
# $messages and $meetings are the numbers as written; the *_count ones choose the plural.
digest-per-pair = { $messages } { $messages_count ->
        [one] message
       *[other] messages
    }, { $meetings } { $meetings_count ->
        [one] meeting
       *[other] meetings
    }
digest-pulse-up = up { $change } since the last one
digest-pulse-down = down { $change } since the last one
digest-pulse-steady = steady { $change } since the last one
digest-row-pulse = Pulse
digest-row-goals-done = Goals done
digest-row-kudos = Kudos
digest-row-retention = Retention (8+ weeks)
digest-field = **{ $this }**
    last week: { $last }
digest-footer = Chart: the last { $weeks } weeks. Weeks run Monday to Sunday, UTC. /export has the full data.
digest-chart-none = none
digest-alt-text = Chart of the last { $weeks } weeks, oldest first. Check-in answer rate: { $rates }. Active pairs: { $pairs }. Pulse average: { $pulse }.
digest-this-week = this week
digest-last-week = last week
digest-chart-title =
    { $weeks ->
        [0] tandem — no weeks yet
        [one] tandem — last { $weeks } week
       *[other] tandem — last { $weeks } weeks
    }
digest-chart-no-data = no data yet
digest-chart-rate = Check-in answer rate (%)
digest-chart-rate-now = Check-in answer rate: { $rate }% this week
digest-chart-rate-none = Check-in answer rate: no check-ins due this week
digest-chart-pairs = Active pairs
digest-chart-pairs-now = Active pairs: { $pairs } this week
digest-chart-pulse = Pulse average (1–5)
digest-chart-pulse-now = Pulse average (1–5): { $average } this week
digest-chart-pulse-none = Pulse average (1–5): not available this week
# tandem's own pulse questions (servers that configure none).
digest-pulse-question-1 = How useful was mentoring for you these past two weeks?
digest-pulse-question-2 = How well is your pair working together at the moment?
digest-pulse-question-3 = How likely are you to recommend the programme to a friend?
digest-pulse-question-4 = How much did you learn these past two weeks?
digest-open-reports =
    { $count ->
        [one] 📨 **{ $count } report** from a member is not read yet: find it in this channel and press Acknowledge.
       *[other] 📨 **{ $count } reports** from members are not read yet: find them in this channel and press Acknowledge.
    }
# The running programme cycle ($end, $ask: Unix times).
digest-cycle =
    { $days ->
        [one] {"**"}{ $name }**: { $days } day left (it ends <t:{ $end }:D>).
       *[other] {"**"}{ $name }**: { $days } days left (it ends <t:{ $end }:D>).
    }
digest-cycle-ask = Pairs are asked whether to continue <t:{ $ask }:R>.
digest-cycle-unanswered =
    { $waiting ->
        [0] Every pair has said whether it continues.
        [one] { $waiting } of { $pairs } pairs hasn't said yet whether it continues: `/programme status` lists it.
       *[other] { $waiting } of { $pairs } pairs haven't said yet whether they continue: `/programme status` lists them.
    }
digest-paused-no-answer =
    { $count ->
        [one] {"**"}Paused: no answer** ({ $count } mentor): { $mentors }. They didn't answer the monthly question, so they get no new mentees until they press Yes; their pairs carry on.
       *[other] {"**"}Paused: no answer** ({ $count } mentors): { $mentors }. They didn't answer the monthly question, so they get no new mentees until they press Yes; their pairs carry on.
    }
digest-paused-chose =
    { $count ->
        [one] { $count } more mentor chose to pause or step back.
       *[other] { $count } more mentors chose to pause or step back.
    }
digest-space-in = { $people } in <#{ $channel }>
