checkins-mood-1 = 1 – struggling
checkins-mood-2 = 2 – meh
checkins-mood-3 = 3 – okay
checkins-mood-4 = 4 – good
checkins-mood-5 = 5 – great
checkins-answer-button = Answer
# The line under a prompt that lists who has answered, e.g. "Answered: @Ana ✓".
checkins-answered = **Answered:**
checkins-no-goals = No goals yet: add your first with `/goal add`.
checkins-goal = #{ $number } { $title }
checkins-goal-due = #{ $number } { $title } (due { $due })
checkins-open-goals =
    { $more ->
        [0] Open goals: { $goals }.
       *[other] Open goals: { $goals } and { $more } more.
    }
# $members: the pair's mentions joined with "and"; $until: a Unix time for a Discord timestamp.
checkins-prompt = **Check-in time**, { $members }! How is it going?
    Pick a mood, then press **Answer** to share what moved forward, what's in the way and what's next. { $goals }
    It's due <t:{ $until }:R>, but later answers still count.
checkins-reminder =
    { $members }, here's a gentle nudge. This week's check-in is still waiting for you: { $link }
    It takes a minute, and late answers count too.
checkins-modal-title = Your check-in
checkins-progress = What moved forward since last time?
checkins-progress-empty = Write a few words about what moved forward, then send the check-in again.
checkins-blockers = Anything in the way? (optional)
checkins-next-step = Your next step (optional)
checkins-mood-saved = Saved your mood: { $mood }. Press **Answer** to add a few words whenever it suits you.
checkins-mood-unchanged = Your mood is already saved as { $mood }, so nothing changed.
checkins-saved = Thanks, your check-in is saved. A short summary is now in your pair channel.
checkins-unchanged = Your check-in already says exactly this, so nothing changed.
checkins-saved-late = Thanks, your check-in is saved (marked late, which is fine). A short summary is now in your pair channel.
checkins-summary = **<@{ $user }> checked in**
checkins-summary-late = **<@{ $user }> checked in** (late)
checkins-summary-mood = **<@{ $user }> checked in**, feeling { $mood }
checkins-summary-late-mood = **<@{ $user }> checked in** (late), feeling { $mood }
checkins-summary-progress = Progress: { $text }
checkins-summary-blockers = In the way: { $text }
checkins-summary-next = Next: { $text }
checkins-not-your-checkin = This check-in is for another pair. Answer the ones in your own pair channel.
checkins-closed = This pair is no longer active, so its check-ins are closed.
checkins-only-moderators = Only moderators can start a check-in round.
checkins-no-pairs = There are no active pairs to check in with yet. Pair people with `/pair create` or `/pair suggest`.
checkins-round-started =
    { $pairs ->
        [one] Posting a check-in to { $pairs } pair now (paused pairs are skipped). Answers will come in over the next few days.
       *[other] Posting a check-in to { $pairs } pairs now (paused pairs are skipped). Answers will come in over the next few days.
    }
checkins-facilitator = This time <@{ $user }> opens the conversation: a question, a win, or what's hard this week. Next check-in it's someone else's turn.
