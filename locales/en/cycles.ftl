# Programme cycles (/programme start, /programme status): a term or cohort with an end date.
# $end, $start and $ask are Unix times (Discord timestamps); $name is a cycle's name.
cycles-ask = The cycle **{ $name }** ends <t:{ $end }:R>, on <t:{ $end }:D>. Would you like to continue together into the next cycle, or finish? Either of you can answer, and change it until the end.
cycles-continue-button = Continue together
cycles-finish-button = Finish at the end
cycles-chosen-continue = <@{ $user }> chose to **continue** into the next cycle. Either of you can change it until <t:{ $end }:F>.
cycles-chosen-finish = <@{ $user }> chose to **finish** when the cycle ends. Either of you can change it until <t:{ $end }:F>.
cycles-choice-closed = This cycle has ended, so the choice can't be changed any more.
cycles-not-your-pair = Only the two members of this pair can answer this.
cycles-ended =
    { $finished ->
        [one] The cycle **{ $name }** has ended. { $finished } pair finished and { $continued } continue. Start the next cycle with `/programme start`. The impact report follows <t:{ $report }:R>, once the exit surveys are in; `/programme report` shows it now.
       *[other] The cycle **{ $name }** has ended. { $finished } pairs finished and { $continued } continue. Start the next cycle with `/programme start`. The impact report follows <t:{ $report }:R>, once the exit surveys are in; `/programme report` shows it now.
    }
cycles-started =
    { $pairs ->
        [one] Cycle **{ $name }** started. It ends <t:{ $end }:F>. { $pairs } open pair joined it, and new pairs join it too. Each pair is asked <t:{ $ask }:R> whether to continue or finish.
       *[other] Cycle **{ $name }** started. It ends <t:{ $end }:F>. { $pairs } open pairs joined it, and new pairs join it too. Each pair is asked <t:{ $ask }:R> whether to continue or finish.
    }
cycles-running = The cycle **{ $name }** runs until <t:{ $end }:F>. You can start the next one when it has ended.
cycles-name-empty = Give the cycle a name, for example `Spring 2027`.
cycles-name-too-long = That name is { $chars } characters; please keep it to { $max }.
cycles-bad-weeks = A cycle lasts from 1 to { $max } weeks. Choose a number in that range.
cycles-status-none = No cycle is running, so pairs simply carry on. Start one with `/programme start name weeks`.
cycles-status =
    { $days ->
        [one] **{ $name }** started <t:{ $start }:D> and ends <t:{ $end }:F>: { $days } day left. Pairs are asked whether to continue <t:{ $ask }:R>.
       *[other] **{ $name }** started <t:{ $start }:D> and ends <t:{ $end }:F>: { $days } days left. Pairs are asked whether to continue <t:{ $ask }:R>.
    }
cycles-status-counts = { $pairs } pairs · { $staying } continue · { $finish } finish · { $waiting } not answered yet
cycles-status-waiting = Not answered yet
cycles-status-everyone-answered = Every pair has answered.
cycles-pair-line = { $mentor } and { $mentee }
cycles-same-continue = Your pair already chose to continue. To change it, press **Finish at the end**.
cycles-same-finish = Your pair already chose to finish. To change it, press **Continue together**.
