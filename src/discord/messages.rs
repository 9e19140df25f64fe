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
    pub const LANGUAGE: &str = "Language";
    pub const MENTOR_APPROVAL: &str = "New mentors";
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

    pub fn mentor_approval_value(required: bool) -> &'static str {
        if required {
            "need a moderator's approval"
        } else {
            "are active at once"
        }
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

pub mod members {
    use crate::domain::member::{ProfileError, Role, Status, MAX_TOPICS};

    pub fn profile_error(e: &ProfileError) -> String {
        match e {
            ProfileError::NoTopics => {
                "Add at least one topic, separated by commas, e.g. `rust, career, sql`.".into()
            }
            ProfileError::TooManyTopics(n) => {
                format!("That's {n} topics; {MAX_TOPICS} at most please. Keep the ones that matter most.")
            }
            ProfileError::TopicTooLong(t) => format!(
                "The topic \"{}…\" is too long. Use short tags separated by commas.",
                t.chars().take(20).collect::<String>()
            ),
            ProfileError::UnknownTimezone(tz) => format!(
                "I don't know the time zone \"{tz}\". Pick one from the list as you type, \
                 e.g. `Europe/Berlin`, `America/New_York` or `UTC+2`."
            ),
            ProfileError::UnknownLanguage(l) => format!(
                "I don't recognise the language \"{l}\". Use codes like `en, es, de` or names like `English`."
            ),
            ProfileError::TooManyLanguages(n) => {
                format!("That's {n} languages; list up to 5.")
            }
            ProfileError::CapacityOutOfRange(n) => {
                format!("Capacity is how many mentees you take at once: 1 to 5, not {n}.")
            }
            ProfileError::AboutTooLong(n) => {
                format!("Your intro is {n} characters; please keep it to 300.")
            }
            ProfileError::GoalsTooLong(n) => {
                format!("Your goals are {n} characters; please keep them to 500.")
            }
            ProfileError::GoalsRequired => {
                "Tell us what you want to achieve (the `goals` option): it helps find the right mentor."
                    .into()
            }
            ProfileError::NotForRole(field, role) => {
                format!("`{field}` is only for {role} profiles.")
            }
        }
    }

    pub fn role_name(role: Role) -> &'static str {
        match role {
            Role::Mentor => "mentor",
            Role::Mentee => "mentee",
        }
    }

    pub const WELCOME_TITLE: &str = "Welcome to the mentoring programme";
    pub const EXPECTATIONS: &str = "**What we ask of you**\n\
        • Answer the check-ins in your pair channel (a minute each; late answers still count).\n\
        • Be kind and respectful, and keep what your partner shares between the two of you.\n\
        • Tell your partner, or a moderator, if you need a break.";
    pub const HOW_TO_CHANGE: &str = "**Change your mind any time**\n\
        `/profile view` and `/profile edit` to see or update your profile, \
        `/withdraw` to leave, `/mydata export` for a copy of your data.";
    pub const DATA_KEPT: &str = "**What tandem keeps**\n\
        Your profile, your check-in and survey answers, and counts of activity in your pair \
        channel (never what you write). `/mydata delete` erases it.";

    pub fn enrolled(role: Role, status: Status) -> String {
        match (role, status) {
            (Role::Mentor, Status::Pending) => {
                "Thanks for offering to mentor! A moderator will review your \
                application; I'll send you a DM with the outcome (or check `/profile view`)."
                    .into()
            }
            (Role::Mentor, _) => {
                "You're enrolled as a mentor. A moderator will pair you with a mentee; \
                you'll get a private channel together."
                    .into()
            }
            (Role::Mentee, _) => {
                "You're enrolled as a mentee. A moderator will pair you with a mentor; \
                you'll get a private channel together."
                    .into()
            }
        }
    }

    pub fn updated(role: Role) -> String {
        format!("You were already enrolled as a {role}, so I updated your profile instead.")
    }

    pub fn rejoined(role: Role) -> String {
        format!("Welcome back! You're enrolled as a {role} again.")
    }

    pub const APPLICATION_TITLE: &str = "Mentor application";

    pub fn application(user: u64, applied_unix: i64) -> String {
        format!("<@{user}> would like to mentor (applied <t:{applied_unix}:R>). Approve or decline below.")
    }

    pub fn application_dm(guild: &str) -> String {
        format!(
            "Thanks for applying to mentor in **{guild}**! The moderators will review your \
             application and I'll let you know here."
        )
    }

    pub fn approved_dm(guild: &str) -> String {
        format!(
            "Good news: you're approved as a mentor in **{guild}**. A moderator will pair you \
             with a mentee soon and you'll get a private channel together."
        )
    }

    pub fn declined_dm(guild: &str) -> String {
        format!(
            "Your mentor application in **{guild}** wasn't approved this time. If you have \
             questions, ask one of the server's moderators."
        )
    }

    pub const APPROVE: &str = "Approve";
    pub const DECLINE: &str = "Decline";
    pub const DECISION: &str = "Decision";

    pub fn decided(approved: bool, moderator: u64, at_unix: i64) -> String {
        let what = if approved { "Approved" } else { "Declined" };
        format!("{what} by <@{moderator}> <t:{at_unix}:R>.")
    }

    pub fn decided_private(approved: bool, user: u64) -> String {
        if approved {
            format!("Approved: <@{user}> is now an active mentor.")
        } else {
            format!("Declined <@{user}>'s application.")
        }
    }

    pub const ONLY_MODERATORS_DECIDE: &str =
        "Only moderators can approve or decline mentor applications.";
    pub const ONLY_MODERATORS: &str = "Only moderators can use this command.";

    pub fn already_decided(current: Status) -> &'static str {
        match current {
            Status::Active | Status::Paused => "This application was already approved.",
            Status::Declined => "This application was already declined.",
            Status::Withdrawn => "They have withdrawn since, so there is nothing to decide.",
            Status::Pending => "This application is still pending.",
        }
    }

    pub const APPLICATION_GONE: &str =
        "This application no longer exists: the member has erased their data.";

    pub const NOT_ENROLLED_SELF: &str =
        "You're not enrolled yet. Join with `/enrol mentor` or `/enrol mentee`.";

    pub fn not_enrolled_other(user: u64) -> String {
        format!("<@{user}> hasn't enrolled in the programme.")
    }

    pub const ONLY_OWN_PROFILE: &str =
        "You can only view your own profile. Moderators can view anyone's.";

    pub const WHICH_PROFILE: &str = "You're enrolled as both mentor and mentee. Add the `role` \
        option to say which profile to change.";

    pub fn no_such_profile(role: Role) -> String {
        format!("You don't have a {role} profile. Enrol with `/enrol {role}`.")
    }

    pub const LEFT_PROGRAMME: &str =
        "You've left the programme, so there's nothing to edit. Enrol again with `/enrol` any time.";
    pub const NOTHING_TO_CHANGE: &str =
        "Nothing to change: add at least one option (e.g. `topics` or `timezone`).";
    pub const PROFILE_UPDATED: &str = "Your profile is updated:";

    pub fn profile_title(role: Role) -> String {
        match role {
            Role::Mentor => "Mentor profile".into(),
            Role::Mentee => "Mentee profile".into(),
        }
    }

    pub fn status_line(status: Status) -> &'static str {
        match status {
            Status::Pending => "pending: waiting for a moderator's approval",
            Status::Active => "active",
            Status::Paused => "paused",
            Status::Withdrawn => "left the programme",
            Status::Declined => "application not approved",
        }
    }

    pub const STATUS: &str = "Status";
    pub const TOPICS: &str = "Topics";
    pub const TIMEZONE: &str = "Time zone";
    pub const LANGUAGES: &str = "Languages";
    pub const CAPACITY: &str = "Mentees at once";
    pub const GOALS: &str = "Goals";
    pub const ABOUT: &str = "About";
    pub const SINCE: &str = "Enrolled";

    pub const NOTHING_TO_WITHDRAW: &str =
        "You're not taking part right now, so there's nothing to withdraw from.";

    pub fn confirm_withdraw(roles: &[Role]) -> String {
        let names: Vec<&str> = roles.iter().map(|r| role_name(*r)).collect();
        format!(
            "Leave the programme as {}? Your pairings as {} will end. \
             Your profile stays so you can come back with `/enrol`; `/mydata delete` erases it.",
            names.join(" and "),
            names.join(" and ")
        )
    }

    pub const WITHDRAW_YES: &str = "Yes, leave";
    pub const CANCEL: &str = "Cancel";
    pub const CANCELLED: &str = "Cancelled: nothing changed.";

    pub fn withdrawn(roles: &[Role]) -> String {
        let names: Vec<&str> = roles.iter().map(|r| role_name(*r)).collect();
        format!(
            "You've left the programme as {}. Thank you for taking part! Come back any time with `/enrol`.",
            names.join(" and ")
        )
    }

    pub const NOT_YOUR_BUTTON: &str = "This button belongs to someone else's message.";

    // /members
    pub const MEMBERS_TITLE: &str = "Programme members";
    pub const MENTORS: &str = "Mentors";
    pub const MENTEES: &str = "Mentees";
    pub const PENDING_MENTORS: &str = "Mentor applications (oldest first)";
    pub const WAITING_MENTEES: &str = "Mentees waiting for a mentor (longest first)";
    pub const NONE_YET: &str = "nobody yet";
    pub const NONE_WAITING: &str = "nobody is waiting";
    pub const NO_DIGEST_CHANNEL: &str = "Tip: set a digest channel with `/setup` so new mentor \
        applications are posted there. Until then, approve them with the buttons below.";

    pub fn applied(user: u64, unix: i64) -> String {
        format!("<@{user}>, applied <t:{unix}:R>")
    }

    pub fn waiting(user: u64, unix: i64) -> String {
        format!("<@{user}>, waiting since <t:{unix}:R>")
    }

    pub fn and_more(n: usize) -> String {
        format!("…and {n} more")
    }
}

pub mod mydata {
    pub const EXPORT: &str =
        "Here is everything tandem keeps about you in this server, as a JSON file.";
    pub const CONFIRM_DELETE: &str = "Erase everything tandem keeps about you in this server? \
        Your profiles and activity are deleted; survey answers stay only as anonymous numbers. \
        This can't be undone.";
    pub const DELETE_YES: &str = "Erase my data";
    pub const DELETE_NO: &str = "Keep my data";
    pub const KEPT: &str = "Nothing was erased.";
    pub const ERASED: &str =
        "Done: your data in this server is erased. If you enrol again, you start fresh.";
}
