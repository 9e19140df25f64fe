# The programme guide (/guide), the resources moderators keep for it (/resources), and the
# orientation a server may require of new mentors (/setup orientation).
guide-title = Programme guide
guide-intro = Welcome! This is how mentoring works in **{ $guild }**. It takes two minutes to read.
guide-mentors-heading = What we ask of mentors
guide-mentors =
    • Make time for your mentee: meet or write regularly, and answer the check-ins in your pair channel.
    • Listen first and share what you know; your mentee sets the goals.
    • If you need a break, or it isn't working, say so early. `/pair pause` or a moderator can help.
guide-mentees-heading = What we ask of mentees
guide-mentees =
    • Bring a goal, even a small one, and add it with `/goal add`.
    • Answer the check-ins and tell your mentor what would help you.
    • Your mentor gives their time freely: let them know when you can't make it.
guide-conduct-heading = Code of conduct
guide-conduct =
    • Be kind, patient and respectful. No harassment, no discrimination.
    • Keep to what you agreed together, and say no politely when something doesn't suit you.
    • If something feels wrong, tell a moderator. Asking is always fine.
guide-confidentiality-heading = Confidentiality
guide-confidentiality =
    • What your partner shares stays between the two of you, unless someone is at risk.
    • Moderators look at pair channels only to help. tandem counts messages but never reads them.
    • `/mydata export` shows what tandem keeps about you; `/mydata delete` erases it.
guide-resources-heading = Resources
guide-resources-continued = Resources (continued)
guide-no-resources = The moderators haven't added any resources yet.
# $title is what a moderator typed (already made safe), $url a web link.
guide-resource = • { $title }: { $url }
# The same line as moderators see it, with who it is for.
guide-resource-for = • { $title }: { $url } ({ $audience })
guide-audience =
    { $audience ->
        [mentors] for mentors
        [mentees] for mentees
       *[everyone] for everyone
    }
guide-read-button = I've read it
guide-owed-note = {"**"}One step left**: once you've read this guide, press **I've read it** below. Then a moderator can pair you with a mentee.
guide-dm-approved = Good news: you're approved as a mentor in **{ $guild }**. Before you're paired with a mentee, please read the programme guide below and press **I've read it**.
guide-dm-enrolled = Welcome, mentor! Before you're paired with a mentee in **{ $guild }**, please read the programme guide below and press **I've read it**.
guide-enrol-note =
    {"**"}One step left**
    Read the programme guide (I've sent it to you by DM, and `/guide` shows it here) and press **I've read it**. Then a moderator can pair you with a mentee.
guide-read-thanks = Thank you for reading the guide! A moderator can pair you with a mentee now.
guide-read-already = You already confirmed you read the guide on <t:{ $at }:D>. There's nothing more to do.
guide-read-not-mentor = You're not a mentor in that server any more, so there's nothing to confirm.
# /pair create and Approve on a /pair suggest preview.
guide-mentor-not-oriented = <@{ $mentor }> still has to read the programme guide. They can be paired once they press "I've read it" (in my DM, or with `/guide`).
guide-suggest-left-out =
    { $count ->
        [one] { $count } mentor with a free place is left out until they've read the guide.
       *[other] { $count } mentors with free places are left out until they've read the guide.
    }
guide-suggest-all-waiting =
    { $count ->
        [one] The only mentor with a free place hasn't read the programme guide yet. They can be paired once they press "I've read it".
       *[other] None of the { $count } mentors with free places has read the programme guide yet. They can be paired once they press "I've read it".
    }
# /resources
guide-resources-only-moderators = Only moderators can change the programme's resources. Everyone sees them with `/guide`.
guide-title-empty = Give the resource a title, for example "Mentor handbook".
guide-title-too-long = That title is { $chars } characters; please keep it to { $max }.
guide-link-empty = Add the resource's web address, starting with https://.
guide-not-a-link = "{ $link }" isn't a web address. Paste the whole link, starting with https://.
guide-not-web = Only web links can be added (starting with https:// or http://), not "{ $scheme }" links.
guide-link-too-long = That link is { $chars } characters; please keep it to { $max }. A shorter link to the same page works too.
guide-full = This server already has { $max } resources, the most the guide can show. Remove one with `/resources remove` first.
guide-added = Added resource #{ $id } ({ $audience }): "{ $title }". Members see it with `/guide`.
guide-no-resource = There's no resource #{ $id } in this server. `/resources list` shows their numbers.
guide-removed = Removed resource #{ $id }: "{ $title }".
guide-list-title = Programme resources
guide-list-empty = No resources yet. Add one with `/resources add`.
guide-list-line = `#{ $id }` { $title }: { $url } ({ $audience }, added <t:{ $at }:D>)
guide-list-footer = { $count } of { $max } resources. To remove one, give its number to `/resources remove`.
# /setup
guide-setup-orientation = Orientation
guide-setup-orientation-required = new mentors read the guide before pairing
guide-setup-orientation-off = off
# The weekly digest.
guide-digest-waiting =
    { $count ->
        [one] {"**"}Waiting on orientation** ({ $count } mentor): { $mentors }. They can't be paired until they've read the guide.
       *[other] {"**"}Waiting on orientation** ({ $count } mentors): { $mentors }. They can't be paired until they've read the guide.
    }
guide-digest-more =
    { $count ->
        [one] …and { $count } more
       *[other] …and { $count } more
    }
# /profile view and /members, while a server requires orientation.
guide-profile-heading = Orientation
guide-profile-owed = Still to read the programme guide. Open it with `/guide` and press **I've read it**; then this mentor can be paired.
guide-members-heading = Waiting on orientation
