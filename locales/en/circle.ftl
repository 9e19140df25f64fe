# The mentors' circle (/setup mentor_circle): a regular meeting of all active mentors, as a
# Discord event, announced in a mentors-only channel a week ahead and recalled the day before.
# $start is a Unix time (shown as a Discord timestamp), $voice a channel id, $link the event's
# web link.
circle-event-name = Mentors' circle
circle-event-description = An open meeting for all mentors of { $guild }. Share what works, ask about what doesn't. Come when you can: nobody keeps track.
# The mentors-only channel's name (lower case, no spaces: a Discord channel name).
circle-channel-name = mentors-circle
circle-channel-topic = For mentors: the mentors' circle and news for mentors. tandem keeps this list of members up to date.
circle-announcement = **Mentors' circle**: <t:{ $start }:F> (<t:{ $start }:R>) in <#{ $voice }>. Share what works and ask about what doesn't. Come when you can: nobody keeps track. Event: { $link }
circle-reminder = Reminder: the mentors' circle is <t:{ $start }:R>, at <t:{ $start }:t> in <#{ $voice }>. Event: { $link }
# Notices to moderators when the circle cannot go ahead.
circle-no-voice-channel = The mentors' circle has no channel to meet in any more. Choose a voice or stage channel with `/setup circle_channel`.
circle-cannot-create-event = I couldn't create the mentors' circle event. Give tandem **Create Events**, and **View Channel** and **Connect** in <#{ $voice }>, then it goes ahead next time.
circle-cannot-make-channel = I couldn't make the mentors-only channel for the circle. Give tandem **Manage Channels** and **Manage Roles**, then it goes ahead next time.
# /setup
circle-setup-field = Mentors' circle
circle-setup-off = off
circle-setup-value = `{ $cron }` in <#{ $voice }>, next <t:{ $next }:F>
circle-setup-value-no-next = `{ $cron }` in <#{ $voice }>
circle-setup-no-channel = Choose where the circle meets too: add `circle_channel` with a voice or stage channel.
circle-setup-not-voice = The circle meets in a voice or stage channel. Pick one of those for `circle_channel`.
circle-setup-bad-schedule = `mentor_circle` "{ $input }" does not work: { $why }. Write it like `0 18 * * Thu` (minute hour day month weekday, in the server's time zone), or `off`.
circle-setup-too-often = it meets more than once a week; the circle can meet at most weekly
circle-setup-saved-note = Each meeting becomes a Discord event a week before it starts, announced in a mentors-only channel that I make and keep up to date. Turning it off keeps events already announced; cancel them in the server's Events if needed.
