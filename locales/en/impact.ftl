# A programme cycle's impact report (at a cycle's end, /programme report, tandem report): a
# one-page picture, Markdown and CSV for the people who fund the programme.
# $name is the cycle's name; $from, $to, $end and $date are written-out dates.
impact-title = { $name }: impact report
impact-span =
    { $weeks ->
        [one] { $from } to { $to } · 1 week
       *[other] { $from } to { $to } · { $weeks } weeks
    }
impact-span-running = { $from } to { $to } so far · the cycle ends { $end }
impact-made = Made by tandem on { $date }.
impact-footnote = Pulse and exit-survey figures are shown only when at least { $min } people answered, and comments carry no names. Weeks run Monday to Sunday (UTC).
impact-days =
    { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
impact-none = –
impact-section-glance = At a glance
impact-glance-people =
    { $people ->
        [one] **{ $people } person** took part
       *[other] **{ $people } people** took part
    } ({ $mentors ->
        [one] { $mentors } mentor
       *[other] { $mentors } mentors
    }, { $mentees ->
        [one] { $mentees } mentee
       *[other] { $mentees } mentees
    }{ $peers ->
        [0] {""}
        [one] , { $peers } in a peer circle
       *[other] , { $peers } in peer circles
    }) in { $pairs ->
        [one] { $pairs } pair
       *[other] { $pairs } pairs
    }, { $new } of them new this cycle.
impact-glance-retention = **{ $rate }** of the pairs stayed together or finished as planned ({ $kept } of { $pairs }).
impact-glance-goals = **{ $done } of { $set }** goals were reached.
impact-glance-answers = **{ $rate }** of check-ins were answered ({ $answers } of { $expected }).
impact-glance-no-checkins = No check-ins were due during the cycle.
impact-glance-pulse = The pulse survey averaged **{ $average } out of 5** ({ $answers } answers).
impact-glance-pulse-hidden = No pulse round had { $min } answers, so no pulse average is shown.
impact-glance-exit = The exit survey averaged **{ $average } out of 5** ({ $answers } answers).
impact-glance-exit-hidden =
    { $answers ->
        [one] The exit survey has 1 answer so far. Its figures are shown from { $min } answers.
       *[other] The exit survey has { $answers } answers so far. Its figures are shown from { $min } answers.
    }
impact-waits = { $paired } mentees were matched during the cycle, after a median wait of { $median } (the longest: { $longest }).
impact-waits-none = No mentee was matched during the cycle.
impact-waits-still =
    { $count ->
        [one] 1 mentee is still waiting, for { $longest } so far.
       *[other] { $count } mentees are still waiting, the longest for { $longest } so far.
    }
impact-waits-nobody = Nobody is waiting to be matched.
impact-load = { $mentors } mentors guided { $mentees } mentees: { $average } each on average, { $most } at most.
impact-load-none = No mentor had a pair in this cycle.
impact-load-row =
    { $mentors ->
        [one] { $label }: 1 mentor
       *[other] { $label }: { $mentors } mentors
    }
impact-load-label =
    { $mentees ->
        [one] 1 mentee
       *[other] { $mentees } mentees
    }
impact-section-weeks = Week by week
impact-col-week = Week of
impact-col-active = Members taking part
impact-col-answered = Check-ins answered
impact-col-pulse = Pulse (1–5)
impact-chart-active = Members taking part
impact-chart-answered = Check-ins answered
impact-chart-pulse = Pulse average (1–5)
impact-section-outcomes = How the pairs stand at the end
impact-outcome-continuing = Continuing together
impact-outcome-completed = Finished as planned
impact-outcome-not-a-good-fit = Not a good fit
impact-outcome-inactive = Went quiet
impact-outcome-withdrawn = Someone withdrew
impact-outcome-left-server = Someone left the server
impact-outcome-other = Other reason
impact-outcome-channel-lost = Channel lost
impact-retention-note = { $kept } of { $pairs } pairs ({ $rate }) stayed together or finished as planned.
impact-section-load = Mentor load
impact-section-waits = Waiting to be matched
impact-section-exit = Exit survey
impact-rating = { $score } out of 5
impact-section-said = What members said
impact-exit-worked = What worked
impact-exit-change = What to change
impact-exit-no-comments = No comments.
impact-comments-hidden = Comments are shown when at least { $min } people have answered the exit survey.
impact-quote = “{ $text }”
impact-quote-many = “{ $text }” ({ $count } people)
impact-more-comments = …and { $count } more in the CSV file.
impact-tile-people = people took part: { $mentors } mentors, { $mentees } mentees{ $peers ->
        [0] {""}
       *[other] , { $peers } in circles
    }
impact-tile-pairs =
    { $pairs ->
        [one] pair, { $new } new this cycle
       *[other] pairs, { $new } new this cycle
    }
impact-tile-retention = of pairs stayed together or finished as planned
impact-tile-goals-value = { $done } / { $set }
impact-tile-goals = goals reached
impact-tile-answered = of check-ins answered
impact-tile-pulse = pulse average, out of 5
impact-tile-pulse-hidden = pulse: shown from { $min } answers a round
impact-tile-exit = exit survey, out of 5 ({ $answers } answers)
impact-tile-exit-hidden = exit survey: { $answers } answers so far
impact-tile-wait = median wait to be matched
impact-post = The picture is one page to pass on to the people who fund the programme. The CSV file has every number.
impact-no-cycle = No cycle has run here yet. Start one with `/programme start name weeks`. Its impact report comes a week after its end, and `/programme report` shows it at any time.
impact-unknown-cycle = That is not one of this server's cycles. Pick one from the list, or leave `cycle` out for the latest.
impact-cycle-choice = { $name } (started { $date })
