setup-admin-only = Only server admins (Manage Server permission) can change tandem's setup.
setup-access-unfinished = Discord refused some of the changes, so a few pair channels may still show the old moderator role. I'll finish the next time I start. To finish now, run `/setup moderator_role` again.
setup-title = tandem setup
setup-saved = Saved. Here is how tandem is set up now:
setup-unchanged = Nothing changed. Here is how tandem is set up:
setup-current = Here is how tandem is set up. Run `/setup` with options to change it.
setup-not-set = not set
setup-digest-channel = Digest channel
setup-moderator-role = Moderator role
setup-pair-category = Pair category
setup-timezone = Time zone
setup-language = Language
setup-mentor-approval = New mentors
setup-still-to-choose = Still to choose
setup-permissions = Missing permissions
setup-ready = Everything is in place. Members can now see what they can do with `/help`.
setup-digest-not-text = The digest channel must be a text channel. Pick one where moderators can read along.
setup-category-not-category = The pair category must be a channel category (the folder-like headings in the channel list).
setup-ended-channels = Ended pairs' channels
setup-checkins = Check-ins
setup-pulse = Pulse surveys
setup-digest = Digest
setup-anonymity = Pulse results
setup-anonymity-too-low = Pulse results need at least 3 answers before they show, so nobody's answer can be guessed. Choose 3 or more.
setup-anonymity-too-high = Pulse results can wait for at most 1000 answers. Choose a number from 3 to 1000.
setup-channel-gone = I can't find that channel in this server any more. Pick one from the list as you type.
setup-role-gone = I can't find that role in this server any more. Pick one from the list as you type.
setup-everyone-role = The moderator role can't be the role everyone has, or every member could pair people and read the digest. Pick or create a role just for moderators.
setup-needs-attention = Needs your attention
setup-bot-language = tandem's language
# $language: the language's own name, e.g. Español.
setup-bot-language-follows = { $language } (the programme's language)
setup-access-progress = Giving the new moderator role access to the pair channels: { $done } of { $total }…
setup-access-moved =
    { $channels ->
        [0] The new moderator role is set. There are no pair channels to update yet.
        [one] Done: the new moderator role can see the 1 pair channel, the old one no longer can.
       *[other] Done: the new moderator role can see all { $channels } pair channels, the old one no longer can.
    }
setup-bad-timezone = I don't know the time zone "{ $input }". Pick one from the list as you type, for example `Europe/Berlin`, `America/New_York` or `UTC+2`.
# e.g. "Europe/Berlin (UTC+01:00 now)"
setup-timezone-value = { $zone } (UTC{ $offset } now)
setup-approval-needed = need a moderator's approval
setup-approval-not-needed = are active at once
# $place is a channel mention.
setup-channel-unreachable = I can't open { $place } any more. It may have been deleted. Choose another with `/setup`.
setup-cron-fields = it should have 5 fields (minute hour day month weekday), like `0 17 * * Tue`
setup-cron-syntax = it could not be read; write it like `0 17 * * Tue` (minute hour day month weekday)
setup-cron-never = it never fires
setup-cron-too-often = it fires more than once an hour; choose at most hourly
setup-bad-schedule = `{ $option }` "{ $input }" does not work: { $why }. The fields are minute, hour, day, month and weekday, in the server's time zone. Use `default` to go back to the standard schedule.
setup-schedule = `{ $cron }`
setup-schedule-default = `{ $cron }` (default)
setup-schedule-next = next <t:{ $next }:F>
setup-anonymity-value = shown from { $min } answers
setup-archive-read-only = kept read-only
setup-archive-delete = deleted
setup-finish-with = Run `/setup` again with { $options } to finish.
setup-invalid-setting = `{ $option }` "{ $value }" is no longer accepted, so the default is used. Run `/setup { $option }:` with a new value to choose again.
setup-missing-permissions = In { $place } I still need: **{ $permissions }**. Give tandem's role these permissions there, then run `/setup` to check again.
setup-perm-view-channel = View Channel
setup-perm-manage-channels = Manage Channels
setup-perm-manage-roles = Manage Roles
setup-perm-send-messages = Send Messages
setup-perm-embed-links = Embed Links
setup-perm-attach-files = Attach Files
setup-perm-read-message-history = Read Message History
setup-near-channel-limit = This server has { $channels } of the { $max } channels Discord allows, and every new pair needs one. Delete or archive channels you no longer need, or new pairs will stop fitting.
setup-channels = Channels
setup-pair-space = Pair spaces
setup-pair-space-channels = a private channel each, in the pair category
setup-pair-space-threads = a private thread each, in <#{ $hub }>
setup-pair-space-threads-no-hub = a private thread each (the channel for them is not made yet)
setup-use-threads = Or choose `/setup pair_space:threads`: new pairs then get private threads, which don't count towards the limit.
setup-hub-failed = tandem could not make the channel that holds the pairs' threads, or its role. Give tandem Manage Channels and Manage Roles, then run `/setup pair_space:threads` again.
setup-hub-name = mentoring-pairs
setup-hub-topic = Each mentoring pair has its own private thread here. Only the two of them and the moderators can see it.
setup-pair-role-name = Mentoring pairs
setup-perm-manage-threads = Manage Threads
setup-perm-create-private-threads = Create Private Threads
setup-perm-send-messages-in-threads = Send Messages in Threads
setup-the-server = the server
