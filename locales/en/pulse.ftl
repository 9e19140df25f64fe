pulse-scale-1 = 1 – not at all
pulse-scale-2 = 2 – a little
pulse-scale-3 = 3 – somewhat
pulse-scale-4 = 4 – quite
pulse-scale-5 = 5 – very
# $question is the moderators' own question, shown as they wrote it.
pulse-question = **A quick pulse from { $guild }** (anonymous)
    { $question }
    Moderators only see totals, and only once { $min } or more people have answered.
pulse-question-in-channel = <@{ $user }>, your DMs are closed, so here is the programme's quick pulse (anonymous):
    { $question }
    Moderators only see totals, and only once { $min } or more people have answered.
pulse-thanks = Thanks, you chose { $score }. Nobody sees who answered what. Want to add a comment? It's anonymous too.
pulse-score-unchanged = You already chose { $score }, so nothing changed.
pulse-comment-button = Add a comment
pulse-modal-title = Anonymous comment
pulse-comment = Anything the moderators should know?
pulse-comment-saved = Thanks, your comment is saved without your name.
pulse-score-first = Pick a number first, then add your comment.
pulse-comment-empty = The comment was empty, so nothing was saved. Write a few words, or just keep your number.
pulse-closed = This pulse question has closed, so your answer was not saved. The next one comes soon.
pulse-not-asked = This pulse question was sent to someone else.
pulse-only-moderators = Only moderators can run pulse surveys and see results.
pulse-no-round = No pulse round yet. Start one with `/pulse now`, or wait for the schedule (see `/setup`).
pulse-nobody = Nobody is active in the programme yet, so there is nobody to ask.
# $closes is a Unix time for a Discord timestamp.
pulse-still-open =
    { $answers ->
        [one] The current pulse round has { $answers } answer so far. Its results show when it closes <t:{ $closes }:R>.
       *[other] The current pulse round has { $answers } answers so far. Its results show when it closes <t:{ $closes }:R>.
    }
pulse-round-started = Pulse round started: asking { $members } active members by DM. See the totals with `/pulse results` once { $min } have answered.
pulse-hidden = **{ $question }**
    { $answered } of { $asked } answered so far. Results show once { $min } have answered, so no answer can be traced to a person.
pulse-title = Pulse: { $question }
pulse-overview = { $answered } of { $asked } answered · average **{ $average }** of 5 · asked <t:{ $started }:D>
pulse-answers = Answers
pulse-comments = Comments, in random order, without names
