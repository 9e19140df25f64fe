//! Every sentence tandem shows to people, in one place: short, plain, and saying what to do next.

pub mod errors {
    pub const BAD_ARGUMENT: &str =
        "One of the options didn't look right. Check them and run the command again.";
    pub const GUILD_ONLY: &str = "This command works inside a server, not in DMs.";
    pub const NOT_ALLOWED: &str = "You don't have permission to use this command.";

    pub fn internal(error_id: &str) -> String {
        format!(
            "Sorry, something went wrong on our side and nothing was changed. \
             If it keeps happening, tell a moderator and mention error `{error_id}`."
        )
    }
}

pub mod help {
    pub const TITLE: &str = "tandem: mentoring in this server";
    pub const INTRO: &str = "tandem pairs mentors with mentees, gives each pair a private \
        channel, checks in with them regularly and tells moderators how the programme is going.";
    pub const FOR_EVERYONE: &str = "Commands you can use";
    pub const FOR_MODERATORS: &str = "For moderators";
    pub const FOR_ADMINS: &str = "For admins";
    pub const NOT_SET_UP: &str =
        "This server hasn't been set up yet. Start with `/setup` to choose the digest channel, \
         moderator role, pair category and time zone.";
    pub const NOT_SET_UP_MEMBER: &str =
        "This server hasn't set up the programme yet. An admin needs to run `/setup` first.";
}

pub mod setup {
    use chrono::{DateTime, Utc};
    use chrono_tz::Tz;

    pub const ADMIN_ONLY: &str =
        "Only server admins (Manage Server permission) can change tandem's setup.";
    pub const TITLE: &str = "tandem setup";
    pub const SAVED: &str = "Saved. Here is how tandem is set up now:";
    pub const UNCHANGED: &str = "Nothing changed. Here is how tandem is set up:";
    pub const CURRENT: &str =
        "Here is how tandem is set up. Run `/setup` with options to change it.";
    pub const NOT_SET: &str = "not set";
    pub const DIGEST_CHANNEL: &str = "Digest channel";
    pub const MODERATOR_ROLE: &str = "Moderator role";
    pub const PAIR_CATEGORY: &str = "Pair category";
    pub const TIMEZONE: &str = "Time zone";
    pub const STILL_TO_CHOOSE: &str = "Still to choose";
    pub const PERMISSIONS: &str = "Missing permissions";
    pub const READY: &str =
        "Everything is in place. Members can now see what they can do with `/help`.";
    pub const DIGEST_NOT_TEXT: &str =
        "The digest channel must be a text channel. Pick one where moderators can read along.";
    pub const CATEGORY_NOT_CATEGORY: &str =
        "The pair category must be a channel category (the folder-like headings in the channel list).";

    pub fn bad_timezone(input: &str) -> String {
        format!(
            "I don't know the time zone \"{}\". Pick one from the list as you type, \
             e.g. `Europe/Berlin`, `America/New_York` or `UTC+2`.",
            input.chars().take(60).collect::<String>()
        )
    }

    pub fn timezone_value(tz: Tz, now: DateTime<Utc>) -> String {
        let offset = now.with_timezone(&tz).format("%:z");
        format!("{} (UTC{offset} now)", tz.name())
    }

    pub fn still_to_choose(options: &[&str]) -> String {
        let list: Vec<String> = options.iter().map(|o| format!("`{o}`")).collect();
        format!("Run `/setup` again with {} to finish.", list.join(", "))
    }

    pub fn missing_permissions(place: &str, missing: &[&str]) -> String {
        format!(
            "In {place} I still need: **{}**. Give tandem's role these permissions there, \
             then run `/setup` to check again.",
            missing.join(", ")
        )
    }
}
