activity-meet-only-members = Only the two people in this pair can record their meetings.
activity-kudos-self = Kudos are for thanking someone else. Who helped you lately? Try `/kudos` with their name.
activity-kudos-bot = Bots don't need thanks, but people do: pick a member instead.
activity-kudos-empty = Add a few words on what you're thankful for, then try again.
activity-kudos-not-member = You can only thank people who are in this server. Pick someone from the list as you type.
activity-meet-minutes = A meeting is recorded in minutes, from 1 to 600. Try again with how long you met.
activity-kudos-too-long = Your thanks is { $chars } characters; please keep it to 200.
activity-note-too-long = Your note is { $chars } characters; please keep it to 200.
activity-minutes = { $minutes } min
activity-hours = { $hours } h
activity-hours-minutes = { $hours } h { $minutes } min
# $length and $total are durations written as above; $meetings counts this pair's meetings.
activity-meeting-recorded =
    { $meetings ->
        [one] 📅 <@{ $user }> recorded a meeting of { $length }: your first one on record. Nice work!
       *[other] 📅 <@{ $user }> recorded a meeting of { $length }: { $meetings } meetings so far, { $total } in all. Nice work!
    }
# $received counts the kudos this person has had, this one included.
activity-kudos = 🙌 **Kudos to <@{ $receiver }>** from <@{ $giver }>: { $reason }
    -# That's their { NUMBER($received, type: "ordinal") ->
        [one] { $received }st
        [two] { $received }nd
        [few] { $received }rd
       *[other] { $received }th
    } kudos. Thank someone with `/kudos`.
activity-kudos-limited = You've given { $per_day } kudos in the last 24 hours. Thank you for spreading them! You can give more <t:{ $again }:R>.
