pairs-only-moderators = Only moderators can pair people.
pairs-no-category = Pair channels need a category first. An admin can choose one with `/setup pair_category:`.
pairs-channel-failed = I couldn't create the pair's channel, so no pair was made. Check that tandem has Manage Channels and Manage Roles in the pair category (`/setup` shows what is missing). Then try again.
pairs-welcome-title = Welcome to your mentoring space
pairs-icebreakers = To get started
pairs-first-goal = First step
pairs-first-goal-text = Agree on a first goal together and add it with `/goal add title:… due:…`.
pairs-not-a-pair-channel = Use this command inside your pair's private channel.
pairs-not-your-pair = Only the two members of this pair (or a moderator) can do that here.
pairs-ended = Done: the pair has ended and both members get a short exit survey.
pairs-survey-button = Exit survey
pairs-survey-title = How was your mentoring pair?
pairs-survey-rating = Rating from 1 (poor) to 5 (great)
pairs-survey-worked = What worked well?
pairs-survey-change = What should we change?
pairs-bad-rating = The rating needs to be a whole number from 1 to 5. Press the Exit survey button again to retry.
pairs-survey-thanks = Thank you! Your answers are saved.
pairs-not-your-survey = This survey is for the two members of that pair.
pairs-refit-sent = I've told the moderators privately. Your partner won't be told why. If a moderator re-pairs you, your partner only hears that the pair ended.
pairs-refit-no-channel = The moderators haven't set up a channel where I can reach them. Please message a moderator directly.
pairs-refit-only-members = Only a member of this pair can ask for a re-pair.
pairs-repair = Re-pair
pairs-suggest-title = Suggested pairs
pairs-nothing-to-suggest = Nobody is waiting for a mentor right now, so there is nothing to suggest.
pairs-no-free-mentors = Mentees are waiting, but no active mentor has a free place. Ask mentors to raise their capacity with `/profile edit`, or approve new mentors.
pairs-unmatched = Not matched
pairs-approve-all = Approve all
pairs-discard = Discard
pairs-previous = Previous
pairs-next = Next
pairs-pick = Pick pairs to approve…
pairs-suggestion-closed = This suggestion was already approved or discarded. Run `/pair suggest` for a fresh one.
pairs-discarded = Discarded: no pairs were created.
pairs-goals-title = Your goals
pairs-no-goals = No goals yet. Add one with `/goal add`.
pairs-same-person = A mentor and a mentee have to be two different people.
pairs-mentor-not-active = <@{ $mentor }> isn't an active mentor. They can enrol with `/enrol mentor` (and may need approval first).
pairs-mentor-paused = <@{ $mentor }> has paused mentoring for now, so they don't take new mentees. They're back when they press **Yes, I'm in** on tandem's monthly question (or after a month's pause ends by itself).
pairs-mentee-not-active = <@{ $mentee }> isn't an active mentee. They can enrol with `/enrol mentee`.
pairs-mentor-full =
    { $capacity ->
        [one] <@{ $mentor }> already mentors { $capacity } mentee at once, their limit. End a pair or ask them to raise their capacity with `/profile edit`.
       *[other] <@{ $mentor }> already mentors { $capacity } mentees at once, their limit. End a pair or ask them to raise their capacity with `/profile edit`.
    }
pairs-already-paired = <@{ $mentor }> and <@{ $mentee }> are already a pair.
pairs-mentee-taken = <@{ $mentee }> already has a mentor. End that pair first if they need a new one.
pairs-rolled-back = The pair of { $people } was not finished because tandem stopped. Nothing was kept. Run `/pair create` again.
pairs-created = Paired <@{ $mentor }> (mentor) with <@{ $mentee }> (mentee) in <#{ $channel }>.
pairs-welcome = <@{ $mentor }> is the **mentor**, <@{ $mentee }> the **mentee**. This channel is private: only you two and the moderators can see it.

    {"**"}What the programme asks**
    • Meet or chat at least every two weeks, and answer the check-ins here.
    • Be kind and patient; keep what is shared here between you.
    • If it isn't working, say so: `/pair pause`, `/pair end` or, privately, `/pair refit`.
# $role is the reader's own role; $partner has the other one.
pairs-ready-dm =
    { $role ->
        [mentor] You have a mentee in { $guild }: <@{ $partner }>! Say hello in <#{ $channel }>, your private channel.
       *[mentee] You have a mentor in { $guild }: <@{ $partner }>! Say hello in <#{ $channel }>, your private channel.
    }
pairs-already-ended = This pair has already ended.
pairs-still-setting-up = This pair is still being set up. Try again in a minute.
pairs-channel-lost = This pair's channel is gone. A moderator can pair you again with `/pair create`.
pairs-not-active = This pair isn't active.
pairs-pause-weeks = Pause for 1 to 8 weeks, not { $weeks }.
pairs-paused = <@{ $by }> paused this pair until <t:{ $until }:D> (<t:{ $until }:R>). Check-ins stop until then and start again by themselves. Take care!
pairs-reason-completed = completed
pairs-reason-not-a-good-fit = not a good fit
pairs-reason-inactive = inactive
pairs-reason-withdrawn = a member left the programme
pairs-reason-left-server = a member left the server
pairs-reason-other = other
pairs-ended-here-kept = This pair has ended. Thank you both for the time you gave each other. This channel stays here, read-only, so you can look back. Please take one minute for the exit survey below: it helps the next pairs.
pairs-ended-here-deleted = This pair has ended. Thank you both for the time you gave each other. This channel will be deleted. Please take one minute for the exit survey below: it helps the next pairs.
pairs-ended-dm = Your mentoring pair with <@{ $partner }> in { $guild } has ended. Thank you! If you have a minute, the exit survey below helps the programme.
# Who a notice names when a member erased their data.
pairs-someone = someone
pairs-lacking-post = permission to post there
pairs-lacking = **{ $permissions }** there
# $mentor and $mentee are mentions (or "someone"); $lacking is one of the two above.
pairs-unreachable = I can't post in <#{ $channel }>, the channel of { $mentor } (mentor) and { $mentee } (mentee). I'm missing { $lacking }. Their check-ins try again each round and start again by themselves once that's fixed. After { $rounds } rounds in a row without access, the pair is marked broken.
pairs-reachable-again = I can post in <#{ $channel }> again: check-ins for { $mentor } and { $mentee } are back on.
pairs-partner-left-dm = <@{ $gone }> has left { $guild }, so your mentoring pair has ended. That is nobody's fault. Thank you for the time you gave. The moderators can pair you with someone new. If you have a minute, the exit survey below helps the programme.
pairs-refit-limit = You've already asked { $count } times this week. The moderators have your request and will get in touch. You can also write to them directly.
pairs-refit-request = <@{ $user }> asked, privately, for a different partner.
    Pair: <@{ $mentor }> (mentor) and <@{ $mentee }> (mentee) in <#{ $channel }>.
    Re-pair ends this pair as *not a good fit* and puts the mentee back in the queue. The other member only hears that the pair ended.
pairs-repaired = Re-paired by <@{ $moderator }>: the pair has ended and the mentee is back in the queue.
pairs-broken = The channel of { $mentor } (mentor) and { $mentee } (mentee) is gone, or I lost access to it (it was <#{ $channel }>). The pair is marked *broken* and gets no more check-ins. If they want to carry on, pair them again with `/pair create`.
pairs-suggest-intro =
    { $proposals ->
        [one] { $proposals } pair suggested. Nothing is created until you approve. Pick some in the menu to approve only those.
       *[other] { $proposals } pairs suggested. Nothing is created until you approve. Pick some in the menu to approve only those.
    }
pairs-suggest-repeats =
    { $repeats ->
        [one] ⚠️ { $repeats } of them re-pairs people who were paired before: there was no other possible mentor.
       *[other] ⚠️ { $repeats } of them re-pair people who were paired before: there was no other possible mentor.
    }
pairs-reason-topics =
    { $count ->
        [0] no shared topics
        [one] 1 shared topic ({ $topics })
       *[other] { $count } shared topics ({ $topics })
    }
pairs-reason-overlap = { $hours } h awake overlap
pairs-reason-languages = both speak { $languages }
pairs-reason-repeat = paired before
pairs-proposal = **{ $n }.** <@{ $mentor }> → <@{ $mentee }> · score { $score }
    { $reasons }
pairs-unmatched-no-free-mentor = <@{ $mentee }>: no mentor with a free place
pairs-unmatched-no-language = <@{ $mentee }>: no free mentor speaks their language
pairs-free-slots =
    { $places ->
        [one] { $places } mentor place still free after these.
       *[other] { $places } mentor places still free after these.
    }
pairs-approve-selected = Approve selected ({ $count })
pairs-page = Page { $page } of { $pages }
pairs-creating = Creating pairs… { $done } of { $total } done.
pairs-created-count =
    { $count ->
        [one] Created { $count } pair.
       *[other] Created { $count } pairs.
    }
pairs-skipped-count = Skipped { $count }:
pairs-goal-empty-title = Give the goal a short title.
pairs-goal-title-too-long = That title is { $chars } characters; please keep it to { $max }.
pairs-goal-bad-date = I can't read the date "{ $input }". Write it as `2026-12-24` or `in 3 weeks`.
pairs-goal-in-the-past = { $date } has already passed. Pick a date from today on.
pairs-goal-added = 🎯 <@{ $by }> added goal **#{ $number }: { $title }**. Mark it done with `/goal done { $number }`.
pairs-goal-added-due = 🎯 <@{ $by }> added goal **#{ $number }: { $title }**, due <t:{ $due }:D>. Mark it done with `/goal done { $number }`.
pairs-goal-done = 🎉 Goal **#{ $number }: { $title }** is done! Well done, { $members }.
pairs-goal-already-done = Goal #{ $number } is already done.
pairs-no-goal = There is no goal #{ $number } in this pair. `/goal list` shows them.
pairs-goal-line = ⬜ #{ $number } { $title }
pairs-goal-line-due = ⬜ #{ $number } { $title } · due <t:{ $due }:D>
pairs-goal-line-overdue = ⬜ #{ $number } { $title } · due <t:{ $due }:D> · overdue
pairs-goal-line-done = ✅ #{ $number } { $title } (done <t:{ $done }:D>)
pairs-icebreaker-1 = What are you hoping to get out of the next three months?
pairs-icebreaker-2 = What's something you learned recently that surprised you?
pairs-icebreaker-3 = How do you like to receive feedback: direct, gentle, written, spoken?
pairs-icebreaker-4 = What does a good week look like for you?
pairs-icebreaker-5 = Which project are you proudest of, and why?
pairs-icebreaker-6 = What's one thing you'd like to stop doing, or start doing?
pairs-icebreaker-7 = When in your week is the best time for a quick call?
pairs-if-something-is-wrong = If something feels wrong
pairs-report-hint = Press **Report a problem** (here and under every check-in) or use `/report` anywhere. Only the moderators read it, and your partner is never told.
pairs-kept-apart = <@{ $mentor }> and <@{ $mentee }> can't be paired, for a private reason. Please choose another pairing.
pairs-person-not-active = <@{ $user }> isn't active in the programme in that role. They can enrol with `/enrol` (a mentor may need approval first).
pairs-person-taken = <@{ $user }> already has an open pair, group or circle. End that one first, or choose someone else.
pairs-created-group = Made a group: <@{ $mentor }> (mentor) with { $mentees } (mentees) in <#{ $channel }>.
pairs-created-circle = Made a circle of { $peers } in <#{ $channel }>.
pairs-welcome-group = <@{ $mentor }> is the **mentor** of { $mentees }. This channel is private: only you and the moderators can see it.

    {"**"}What the programme asks**
    • Meet or chat at least every two weeks, and answer the check-ins here.
    • Be kind and patient; keep what is shared here between you.
    • If it isn't working, say so: `/pair pause`, `/pair end` or, privately, `/pair refit`.
pairs-welcome-circle = { $peers }: this is your **circle**, a few peers who learn together. Each check-in names who opens the conversation that week, and it rotates. This channel is private: only you and the moderators can see it.

    {"**"}What the programme asks**
    • Meet or chat at least every two weeks, and answer the check-ins here.
    • Be kind and patient; keep what is shared here between you.
    • If it isn't working for you, say so: `/pair end` lets you leave, `/pair refit` asks for another circle.
pairs-space-ready-dm =
    { $kind ->
        [group] You're in a mentoring group in { $guild } with { $others }! Say hello in <#{ $channel }>, your private channel.
       *[circle] You're in a peer circle in { $guild } with { $others }! Say hello in <#{ $channel }>, your private channel.
    }
pairs-space-ended-dm =
    { $kind ->
        [group] Your mentoring group in { $guild } has ended. Thank you! If you have a minute, the exit survey below helps the programme.
       *[circle] Your peer circle in { $guild } has ended. Thank you! If you have a minute, the exit survey below helps the programme.
    }
pairs-left-space = <@{ $user }> has left. The rest of you carry on together.
pairs-you-left = You've left. The others carry on, and nobody was told why. The exit survey is in your DMs if you have a minute.
pairs-left-asks-again = <@{ $user }> left their group or circle (it was <#{ $channel }>) and would like another one. They're back among the people waiting.
pairs-circle-size =
    { $count ->
        [one] A group or circle has { $min } to { $max } people (a group counts its mentor), not { $count }. Add or remove someone and try again.
       *[other] A group or circle has { $min } to { $max } people (a group counts its mentor), not { $count }. Add or remove someone and try again.
    }
pairs-circle-twice = <@{ $user }> is named twice. Name each person once.
pairs-space-kept-apart = These people can't all be together, for a private reason. Please choose another group.
pairs-space-unreachable = I can't post in <#{ $channel }>, the channel of { $people }. I'm missing { $lacking }. Their check-ins try again each round and start again by themselves once that's fixed. After { $rounds } rounds in a row without access, it is marked broken.
pairs-space-reachable-again = I can post in <#{ $channel }> again: check-ins for { $people } are back on.
pairs-space-broken = The channel of { $people } is gone, or I lost access to it (it was <#{ $channel }>). It is marked *broken* and gets no more check-ins. If they want to carry on, make the group or circle again.
pairs-circle-proposal = **{ $n }.** { $members }: score { $score } ({ $reasons })
pairs-suggest-circles-intro =
    { $circles ->
        [one] { $circles } circle suggested from the people waiting. Nothing is created until you approve. Pick some in the menu to approve only those.
       *[other] { $circles } circles suggested from the people waiting. Nothing is created until you approve. Pick some in the menu to approve only those.
    }
pairs-not-in-a-circle = <@{ $user }>: no circle fits (too few left, or no shared language)
pairs-too-few-for-circles =
    { $count ->
        [one] Only { $count } person is waiting, and a circle needs at least { $min }. Suggest pairs instead, or wait for more people.
       *[other] Only { $count } people are waiting, and a circle needs at least { $min }. Suggest pairs instead, or wait for more people.
    }
