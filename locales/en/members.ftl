members-welcome-title = Welcome to the mentoring programme
members-expectations =
    {"**"}What we ask of you**
    • Answer the check-ins in your pair channel (a minute each; late answers still count).
    • Be kind and respectful, and keep what your partner shares between the two of you.
    • Tell your partner, or a moderator, if you need a break.
members-how-to-change =
    {"**"}Change your mind any time**
    Use `/profile view` or `/profile edit` to see or update your profile. `/withdraw` lets you leave, and `/mydata export` gives you a copy of your data.
members-data-kept =
    {"**"}What tandem keeps**
    Your profile, your check-in and survey answers, and counts of activity in your pair channel (never what you write). `/mydata delete` erases it.
members-application-title = Mentor application
members-approve = Approve
members-decline = Decline
members-decision = Decision
members-only-moderators-decide = Only moderators can approve or decline mentor applications.
members-only-moderators = Only moderators can use this command.
members-application-gone = This application no longer exists: the member has erased their data.
members-not-enrolled-self = You're not enrolled yet. Join with `/enrol mentor` or `/enrol mentee`.
members-only-own-profile = You can only view your own profile. Moderators can view anyone's.
members-which-profile = You're enrolled as both mentor and mentee. Add the `role` option to say which profile to change.
members-left-programme = You've left the programme, so there's nothing to edit. Enrol again with `/enrol` any time.
members-changed-meanwhile = Your profile changed while I was saving it (a moderator may have just made a decision about it). Nothing was changed. Run the command again.
members-nothing-to-change = Nothing to change. Add at least one option, for example `topics` or `timezone`.
members-profile-updated = Your profile is updated:
members-status = Status
members-topics = Topics
members-timezone = Time zone
members-languages = Languages
members-capacity = Mentees at once
members-goals = Goals
members-about = About
members-since = Enrolled
members-nothing-to-withdraw = You're not taking part right now, so there's nothing to withdraw from.
members-withdraw-yes = Yes, leave
members-cancel = Cancel
members-cancelled = Cancelled: nothing changed.
members-leaving = Leaving the programme…
members-not-your-button = This button belongs to someone else's message.
members-members-title = Programme members
members-mentors = Mentors
members-mentees = Mentees
members-pending-mentors = Mentor applications (oldest first)
members-waiting-mentees = Mentees waiting for a mentor (longest first)
members-none-yet = nobody yet
members-none-waiting = nobody is waiting
members-no-digest-channel = Tip: set a digest channel with `/setup` so new mentor applications are posted there. Until then, approve them with the buttons below.
members-no-topics = Add at least one topic, separated by commas, for example `rust, career, sql`.
members-too-many-topics = That's { $count } topics. Please keep it to { $max }: the ones that matter most.
members-topic-too-long = The topic "{ $topic }" is too long. Use short tags separated by commas.
members-unknown-language = I don't recognise the language "{ $language }". Use codes like `en, es, de` or names like `English`.
members-too-many-languages = That's { $count } languages. Please list up to 5.
members-capacity-out-of-range = Capacity is how many mentees you take at once. Choose from 1 to 5, not { $capacity }.
members-about-too-long = Your intro is { $chars } characters; please keep it to 300.
members-goals-too-long = Your goals are { $chars } characters; please keep them to 500.
members-goals-required = Tell us what you want to achieve in the `goals` option. It helps us find the right mentor for you.
# $option is an option's name as typed in Discord, e.g. `capacity`.
members-not-for-role =
    { $role ->
        [mentor] `{ $option }` is only for mentor profiles.
       *[mentee] `{ $option }` is only for mentee profiles.
    }
members-enrolled-pending = Thanks for offering to mentor! A moderator will review your application. I'll send you a DM with the answer, or you can check `/profile view`.
members-enrolled-mentor = You're enrolled as a mentor. A moderator will pair you with a mentee, and you'll get a private channel together.
members-enrolled-mentee = You're enrolled as a mentee. A moderator will pair you with a mentor, and you'll get a private channel together.
members-updated =
    { $role ->
        [mentor] You were already enrolled as a mentor, so I updated your profile instead.
       *[mentee] You were already enrolled as a mentee, so I updated your profile instead.
    }
members-rejoined =
    { $role ->
        [mentor] Welcome back! You're enrolled as a mentor again.
       *[mentee] Welcome back! You're enrolled as a mentee again.
    }
members-application = <@{ $user }> would like to mentor (applied <t:{ $applied }:R>). Approve or decline below.
members-application-dm = Thanks for applying to mentor in **{ $guild }**! The moderators will review your application and I'll let you know here.
members-approved-dm = Good news: you're approved as a mentor in **{ $guild }**. A moderator will pair you with a mentee soon and you'll get a private channel together.
members-declined-dm = Your mentor application in **{ $guild }** wasn't approved this time. If you have questions, ask one of the server's moderators.
members-approved-by = Approved by <@{ $moderator }> <t:{ $at }:R>.
members-declined-by = Declined by <@{ $moderator }> <t:{ $at }:R>.
members-approved = Approved: <@{ $user }> is now an active mentor.
members-declined = Declined <@{ $user }>'s application.
members-already-approved = This application was already approved.
members-already-declined = This application was already declined.
members-withdrawn-since = They have withdrawn since, so there is nothing to decide.
members-still-pending = This application is still pending.
members-not-enrolled-other = <@{ $user }> hasn't enrolled in the programme.
members-no-such-profile =
    { $role ->
        [mentor] You don't have a mentor profile. Enrol with `/enrol mentor`.
       *[mentee] You don't have a mentee profile. Enrol with `/enrol mentee`.
    }
members-application-limit = You've applied to mentor { $count } times in the last 30 days, the most I can pass on. Please wait for the moderators' answer, or write to them directly.
members-mentor-profile = Mentor profile
members-mentee-profile = Mentee profile
members-status-pending = pending: waiting for a moderator's approval
members-status-active = active
members-status-paused = paused
members-status-withdrawn = left the programme
members-status-declined = application not approved
members-confirm-withdraw =
    { $roles ->
        [mentor] Leave the programme as mentor? Your pairs as mentor will end. Your profile stays, so you can come back with `/enrol`. To erase it, use `/mydata delete`.
        [mentee] Leave the programme as mentee? Your pairs as mentee will end. Your profile stays, so you can come back with `/enrol`. To erase it, use `/mydata delete`.
       *[both] Leave the programme as mentor and mentee? Your pairs as mentor and mentee will end. Your profile stays, so you can come back with `/enrol`. To erase it, use `/mydata delete`.
    }
members-withdrawn =
    { $roles ->
        [mentor] You've left the programme as mentor. Thank you for taking part! Come back any time with `/enrol`.
        [mentee] You've left the programme as mentee. Thank you for taking part! Come back any time with `/enrol`.
       *[both] You've left the programme as mentor and mentee. Thank you for taking part! Come back any time with `/enrol`.
    }
members-applied = <@{ $user }>, applied <t:{ $at }:R>
members-waiting = <@{ $user }>, waiting since <t:{ $since }:R>
members-and-more = …and { $count } more
members-answer-questions = Answer the questions
members-enrolled-questions = Thanks for offering to mentor! One more step: the moderators ask every new mentor a few questions. Press **Answer the questions** below, and your application goes to them with your answers.
members-nothing-to-answer = There is no application waiting for your answers. If you want to mentor, start with `/enrol mentor`.
members-answers-sent = Thank you! Your application and your answers are with the moderators. I'll send you a DM with the outcome.
members-answers-sent-already = You already sent your answers. The moderators have them.
members-answer-every-question = Please answer every question, then send the form again.
members-answer-too-long = One answer is { $chars } characters; please keep each to { $max }.
members-decline-title = Decline the application
members-decline-reason = A short reason (optional, sent to them)
members-decline-placeholder = For example: we need mentors for other topics right now.
members-reason-too-long = The reason is { $chars } characters; please keep it to { $max }.
members-declined-dm-reason = Your mentor application in **{ $guild }** wasn't approved this time. The moderators wrote: "{ $reason }". If you have questions, ask one of the server's moderators.
members-questions-saved = Saved. New mentors now answer these when they apply:
members-questions-unchanged = Nothing changed. New mentors answer these when they apply:
members-questions-current = New mentors answer these when they apply:
members-questions-blank = The questions were all blank, so nothing changed. Write at least one, or use `clear:True` to ask none.
members-question-too-long = A question is { $chars } characters long, but a form can show at most { $max }. Shorten it and try again.
members-no-questions = No questions yet: new mentors apply without answering any. Add some with `/programme questions q1:…`.
members-questions-need-approval = New mentors are active at once in this server, so nobody is asked yet. Turn on approval with `/setup mentor_approval:True`.
# /profile avoid: whom a member asks not to be paired with. Nobody else sees the list.
members-avoid-added = Done. You won't be paired with <@{ $user }>. They aren't told, and moderators only see that a pairing isn't possible.
members-avoid-already = <@{ $user }> is already on your list.
members-avoid-removed = <@{ $user }> can be paired with you again.
members-avoid-not-listed = <@{ $user }> isn't on your list, so nothing changed.
members-avoid-full = Your list already has { $max } people. Take someone off with `undo:True` first.
members-avoid-self = That's you. Choose someone else.
members-avoid-bot = Bots are never paired, so there's nothing to avoid.
members-avoid-not-member = I can't find that person in this server. Choose someone from the list as you type.
members-avoid-list = You asked not to be paired with: { $users }. Only you can see this list. To take someone off, use `/profile avoid user: undo:True`.
members-avoid-empty = You haven't asked to avoid anyone. If you'd rather not be paired with someone, use `/profile avoid user:`. Only you will know.
members-capacity-full =
    { $mentees ->
        [one] You have { $mentees } mentee now, and your pair carries on. You won't get a new mentee while you have { $capacity } or more.
       *[other] You have { $mentees } mentees now, and your pairs carry on. You won't get a new mentee while you have { $capacity } or more.
    }
