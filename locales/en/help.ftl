help-title = tandem: mentoring in this server
help-intro = tandem pairs mentors with mentees and gives each pair a private channel. It checks in with the pairs regularly and tells moderators how the programme is going.
help-for-everyone = Commands you can use
help-for-moderators = For moderators
help-for-admins = For admins
help-continued = More commands
help-not-set-up = This server hasn't been set up yet. Start with `/setup` to choose the digest channel, moderator role, pair category and time zone.
help-not-set-up-member = This server hasn't set up the programme yet. An admin needs to run `/setup` first.
