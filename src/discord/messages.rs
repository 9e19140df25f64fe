//! Every sentence tandem shows to people, in one place: short, plain, and saying what to do next.

/// What a person typed, as a sentence quotes it back: on one line, at most `max` characters
/// (then `…`), without the controls that make the rest of the sentence read backwards and
/// without backticks that would open a code block.
pub fn quote(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') {
            continue;
        }
        let c = match c {
            '`' => '\'',
            c if c.is_whitespace() || c.is_control() => ' ',
            c => c,
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    let out = out.trim_end();
    if out.chars().count() > max {
        format!("{}…", out.chars().take(max).collect::<String>())
    } else {
        out.to_string()
    }
}

pub mod errors {
    pub const BAD_ARGUMENT: &str =
        "One of the options didn't look right. Check them and run the command again.";
    pub const GUILD_ONLY: &str = "This command works inside a server, not in DMs.";
    pub const NOT_ALLOWED: &str = "You don't have permission to use this command.";
    /// A button or form whose custom id tandem does not understand (an old message, or a
    /// modified client).
    pub const STALE_BUTTON: &str = "That button is no longer valid. Run the command again.";
    pub const STALE_FORM: &str = "That form is no longer valid. Run the command again.";

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
    pub const CONTINUED: &str = "More commands";
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

    pub fn access_progress(done: usize, total: usize) -> String {
        format!("Giving the new moderator role access to the pair channels: {done} of {total}…")
    }

    pub const ACCESS_UNFINISHED: &str = "Discord refused some of the changes, so a few pair \
        channels may still show the old moderator role. I'll finish when I next start; to \
        finish now, run `/setup moderator_role` again.";

    pub fn access_moved(n: usize) -> String {
        match n {
            0 => "The new moderator role is set. There are no pair channels to update yet.".into(),
            1 => "Done: the new moderator role can see the 1 pair channel, the old one no longer can."
                .into(),
            n => format!(
                "Done: the new moderator role can see all {n} pair channels, the old one no longer can."
            ),
        }
    }
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
            super::quote(input, 60)
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

    pub const ENDED_CHANNELS: &str = "Ended pairs' channels";
    pub const CHECKINS: &str = "Check-ins";
    pub const PULSE: &str = "Pulse surveys";
    pub const DIGEST: &str = "Digest";
    pub const ANONYMITY: &str = "Pulse results";
    pub const ANONYMITY_TOO_LOW: &str =
        "Pulse results need at least 3 answers before they show, so nobody's answer can be \
         guessed. Choose 3 or more.";
    pub const ANONYMITY_TOO_HIGH: &str =
        "Pulse results can wait for at most 1000 answers. Choose a number from 3 to 1000.";
    pub const CHANNEL_GONE: &str =
        "I can't find that channel in this server any more. Pick one from the list as you type.";
    pub const ROLE_GONE: &str =
        "I can't find that role in this server any more. Pick one from the list as you type.";
    pub const EVERYONE_ROLE: &str =
        "The moderator role can't be the role everyone has, or every member could pair people \
         and read the digest. Pick or create a role just for moderators.";

    /// A configured channel the bot can no longer open (deleted, or out of its sight).
    pub fn channel_unreachable(place: &str) -> String {
        format!("I can't open {place} any more; it may have been deleted. Choose another with `/setup`.")
    }

    pub fn bad_schedule(
        option: &str,
        input: &str,
        e: &crate::domain::schedule::CronError,
    ) -> String {
        format!(
            "`{option}` \"{}\" does not work: {}. Fields are minute, hour, day, month, \
             weekday, in the server's time zone; `default` goes back to the standard schedule.",
            super::quote(input, 60),
            super::quote(&e.to_string(), 160)
        )
    }

    pub fn schedule_value(cron: &str, default: bool, next: Option<i64>) -> String {
        let which = if default { " (default)" } else { "" };
        match next {
            Some(t) => format!("`{cron}`{which}\nnext <t:{t}:F>"),
            None => format!("`{cron}`{which}"),
        }
    }

    pub fn anonymity_value(min: u32) -> String {
        format!("shown from {min} answers")
    }

    pub fn archive_value(mode: crate::domain::guild::ArchiveMode) -> &'static str {
        match mode {
            crate::domain::guild::ArchiveMode::ReadOnly => "kept read-only",
            crate::domain::guild::ArchiveMode::Delete => "deleted",
        }
    }

    pub fn still_to_choose(options: &[&str]) -> String {
        let list: Vec<String> = options.iter().map(|o| format!("`{o}`")).collect();
        format!("Run `/setup` again with {} to finish.", list.join(", "))
    }

    pub const NEEDS_ATTENTION: &str = "Needs your attention";

    /// A stored setting that is no longer accepted; the default applies meanwhile.
    pub fn invalid_setting(option: &str, value: &str, why: &str) -> String {
        format!(
            "`{option}` \"{}\" is no longer accepted ({why}), so the default is used. \
             Run `/setup {option}:` with a new value to choose again.",
            super::quote(value, 60)
        )
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
                "The topic \"{}\" is too long. Use short tags separated by commas.",
                super::quote(t, 20)
            ),
            ProfileError::UnknownTimezone(tz) => format!(
                "I don't know the time zone \"{}\". Pick one from the list as you type, \
                 e.g. `Europe/Berlin`, `America/New_York` or `UTC+2`.",
                super::quote(tz, 60)
            ),
            ProfileError::UnknownLanguage(l) => format!(
                "I don't recognise the language \"{}\". Use codes like `en, es, de` or names like `English`.",
                super::quote(l, 40)
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
    pub const CHANGED_MEANWHILE: &str =
        "Your profile changed while I was saving (a moderator may have just decided). \
         Nothing was overwritten; run the command again.";

    pub fn application_limit(n: u32) -> String {
        format!(
            "You've applied to mentor {n} times in the last 30 days, the most I can pass on. \
             Please wait for the moderators' answer, or write to them directly."
        )
    }

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
    pub const LEAVING: &str = "Leaving the programme…";

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

/// Lines joined one per line, cut with "…and N more" before `budget` bytes, so a list stays
/// within an embed's limits (field 1024, description 4096 characters).
pub fn fit_lines<S: AsRef<str>>(lines: &[S], budget: usize) -> String {
    let mut text = String::new();
    for (shown, line) in lines.iter().enumerate() {
        let line = line.as_ref();
        if text.len() + line.len() > budget {
            text.push_str(&members::and_more(lines.len() - shown));
            break;
        }
        text.push_str(line);
        text.push('\n');
    }
    text
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
    pub const ERASING: &str = "Erasing your data…";
    pub const ERASED: &str =
        "Done: your data in this server is erased. If you enrol again, you start fresh.";
    /// "Erase my data" pressed again once erased (or by someone tandem knows nothing about).
    pub const NOTHING_TO_ERASE: &str =
        "Nothing to erase: tandem keeps no data about you in this server.";
}

pub mod pairs {
    use crate::domain::matching::{Reasons, Unmatched};
    use crate::domain::member::Role;
    use crate::domain::pair::{EndReason, GoalError, PairStatus, PauseError, MAX_GOAL_TITLE_CHARS};
    use crate::store::PairRefusal;

    pub const ONLY_MODERATORS: &str = "Only moderators can pair people.";
    pub const NO_CATEGORY: &str = "Pair channels need a home first: an admin runs `/setup \
        pair_category:` to choose the category.";
    pub const CHANNEL_FAILED: &str = "I couldn't create the pair's channel, so no pair was made. \
        Check that tandem can Manage Channels and Manage Roles in the pair category (`/setup` \
        lists what is missing), then try again.";

    pub fn refused(r: PairRefusal, mentor: u64, mentee: u64) -> String {
        match r {
            PairRefusal::SamePerson => {
                "A mentor and a mentee have to be two different people.".into()
            }
            PairRefusal::NotActive(Role::Mentor) => format!(
                "<@{mentor}> isn't an active mentor. They can enrol with `/enrol mentor` \
                 (and may need approval first)."
            ),
            PairRefusal::NotActive(Role::Mentee) => {
                format!("<@{mentee}> isn't an active mentee. They can enrol with `/enrol mentee`.")
            }
            PairRefusal::MentorFull { capacity } => format!(
                "<@{mentor}> already mentors {capacity} {} at once, their limit. End a pair or \
                 ask them to raise their capacity with `/profile edit`.",
                if capacity == 1 { "mentee" } else { "mentees" }
            ),
            PairRefusal::AlreadyPaired => {
                format!("<@{mentor}> and <@{mentee}> are already a pair.")
            }
            PairRefusal::MenteeTaken => format!(
                "<@{mentee}> already has a mentor. End that pair first if they need a new one."
            ),
        }
    }

    /// To moderators, after a restart cut a pair's creation short.
    pub fn rolled_back(mentor: u64, mentee: u64) -> String {
        format!(
            "The pair of <@{mentor}> and <@{mentee}> was not finished because tandem stopped. \
             Nothing was kept; run `/pair create` again."
        )
    }

    pub fn created(mentor: u64, mentee: u64, channel: u64) -> String {
        format!("Paired <@{mentor}> (mentor) with <@{mentee}> (mentee) in <#{channel}>.")
    }

    pub const WELCOME_TITLE: &str = "Welcome to your mentoring space";

    pub fn welcome(mentor: u64, mentee: u64) -> String {
        format!(
            "<@{mentor}> is the **mentor**, <@{mentee}> the **mentee**. This channel is private: \
             only you two and the moderators can see it.\n\n\
             **What the programme asks**\n\
             • Meet or chat at least every two weeks, and answer the check-ins here.\n\
             • Be kind and patient; keep what is shared here between you.\n\
             • If it isn't working, say so: `/pair pause`, `/pair end` or, privately, `/pair refit`."
        )
    }

    pub const ICEBREAKERS: &str = "To get started";
    pub const FIRST_GOAL: &str = "First step";
    pub const FIRST_GOAL_TEXT: &str =
        "Agree on a first goal together and add it with `/goal add title:… due:…`.";

    pub fn ready_dm(guild: &str, partner: u64, channel: u64, role: Role) -> String {
        let partner_role = match role {
            Role::Mentor => "mentee",
            Role::Mentee => "mentor",
        };
        format!(
            "You have a {partner_role} in {guild}: <@{partner}>! Say hello in <#{channel}>, \
             your private channel."
        )
    }

    pub const NOT_A_PAIR_CHANNEL: &str = "Use this command inside your pair's private channel.";
    pub const NOT_YOUR_PAIR: &str =
        "Only the two members of this pair (or a moderator) can do that here.";

    pub fn not_open(status: PairStatus) -> &'static str {
        match status {
            PairStatus::Ended => "This pair has already ended.",
            PairStatus::Pending => "This pair is still being set up. Try again in a minute.",
            PairStatus::Broken => {
                "This pair's channel was lost; a moderator can pair you again with `/pair create`."
            }
            _ => "This pair isn't active.",
        }
    }

    pub fn pause_error(e: &PauseError) -> String {
        match e {
            PauseError::WeeksOutOfRange(n) => {
                format!("Pause for 1 to 8 weeks, not {n}.")
            }
            PauseError::NotActive(s) => not_open(*s).to_string(),
        }
    }

    pub fn paused(by: u64, until_unix: i64) -> String {
        format!(
            "<@{by}> paused this pair until <t:{until_unix}:D> (<t:{until_unix}:R>). Check-ins \
             stop until then and start again by themselves. Take care!"
        )
    }

    pub fn end_reason(reason: EndReason) -> &'static str {
        match reason {
            EndReason::Completed => "completed",
            EndReason::NotAGoodFit => "not a good fit",
            EndReason::Inactive => "inactive",
            EndReason::Withdrawn => "a member left the programme",
            EndReason::LeftServer => "a member left the server",
            EndReason::Other => "other",
        }
    }

    pub fn ended_here(read_only: bool) -> String {
        let after = if read_only {
            "This channel stays here, read-only, so you can look back."
        } else {
            "This channel will be deleted."
        };
        format!(
            "This pair has ended. Thank you both for the time you gave each other. {after} \
             Please take one minute for the exit survey below: it helps the next pairs."
        )
    }

    pub fn ended_dm(guild: &str, partner: u64) -> String {
        format!(
            "Your mentoring pair with <@{partner}> in {guild} has ended. Thank you! \
             If you have a minute, the exit survey below helps the programme."
        )
    }

    pub fn unreachable(
        mentor: Option<u64>,
        mentee: Option<u64>,
        channel: u64,
        missing: &[&str],
        rounds: u32,
    ) -> String {
        let who = |u: Option<u64>| u.map_or("someone".to_string(), |u| format!("<@{u}>"));
        let lacking = if missing.is_empty() {
            "permission to post there".to_string()
        } else {
            format!("**{}** there", missing.join(", "))
        };
        format!(
            "I can't post in <#{channel}>, the channel of {} (mentor) and {} (mentee): I'm \
             missing {lacking}. Their check-ins try again each round and resume by themselves \
             once that's fixed; after {rounds} rounds in a row without access the pair is \
             marked broken.",
            who(mentor),
            who(mentee)
        )
    }

    pub fn reachable_again(mentor: Option<u64>, mentee: Option<u64>, channel: u64) -> String {
        let who = |u: Option<u64>| u.map_or("someone".to_string(), |u| format!("<@{u}>"));
        format!(
            "I can post in <#{channel}> again: check-ins for {} and {} are back on.",
            who(mentor),
            who(mentee)
        )
    }

    pub fn partner_left_dm(guild: &str, gone: u64) -> String {
        format!(
            "<@{gone}> has left {guild}, so your mentoring pair has ended. That is nobody's \
             fault, and thank you for the time you gave. The moderators can pair you with \
             someone new. If you have a minute, the exit survey below helps the programme."
        )
    }

    pub const ENDED: &str = "Done: the pair has ended and both members get a short exit survey.";
    pub const SURVEY_BUTTON: &str = "Exit survey";
    pub const SURVEY_TITLE: &str = "How was your mentoring pair?";
    pub const SURVEY_RATING: &str = "Rating from 1 (poor) to 5 (great)";
    pub const SURVEY_WORKED: &str = "What worked well?";
    pub const SURVEY_CHANGE: &str = "What should we change?";
    pub const BAD_RATING: &str = "The rating needs to be a whole number from 1 to 5. \
        Press the Exit survey button again to retry.";
    pub const SURVEY_THANKS: &str = "Thank you! Your answers are saved.";
    pub const NOT_YOUR_SURVEY: &str = "This survey is for the two members of that pair.";

    pub const REFIT_SENT: &str = "I've told the moderators privately. Your partner won't be told \
        why; if a moderator re-pairs you, they'll only hear that the pair ended.";
    pub fn refit_limit(n: u32) -> String {
        format!(
            "You've already asked {n} times this week. The moderators have your request \
             and will get in touch; you can also write to them directly."
        )
    }
    pub const REFIT_NO_CHANNEL: &str = "The moderators haven't set up a channel where I can \
        reach them. Please message a moderator directly.";
    pub const REFIT_ONLY_MEMBERS: &str = "Only a member of this pair can ask for a re-pair.";

    pub fn refit_request(user: u64, mentor: u64, mentee: u64, channel: u64) -> String {
        format!(
            "<@{user}> asked, privately, for a different partner.\nPair: <@{mentor}> (mentor) \
             and <@{mentee}> (mentee) in <#{channel}>.\nRe-pair ends this pair as *not a good \
             fit* and puts the mentee back in the queue; the other member only hears that the \
             pair ended."
        )
    }

    pub const REPAIR: &str = "Re-pair";

    pub fn repaired(moderator: u64) -> String {
        format!(
            "Re-paired by <@{moderator}>: the pair has ended and the mentee is back in the queue."
        )
    }

    pub fn broken(mentor: Option<u64>, mentee: Option<u64>, channel: u64) -> String {
        let who = |u: Option<u64>| u.map_or("someone".to_string(), |u| format!("<@{u}>"));
        format!(
            "The channel of the pair {} (mentor) and {} (mentee) is gone or I lost access to it \
             (it was <#{channel}>). The pair is marked *broken* and gets no check-ins. Pair them \
             again with `/pair create` if they want to carry on.",
            who(mentor),
            who(mentee)
        )
    }

    // Suggested matching.
    pub const SUGGEST_TITLE: &str = "Suggested pairs";
    pub const NOTHING_TO_SUGGEST: &str =
        "Nobody is waiting for a mentor right now, so there is nothing to suggest.";
    pub const NO_FREE_MENTORS: &str =
        "Mentees are waiting, but no active mentor has a free place. Ask mentors to raise their \
         capacity with `/profile edit`, or approve new mentors.";

    pub fn suggest_intro(proposals: usize, repeats: usize) -> String {
        let mut s = format!(
            "{proposals} {} suggested. Nothing is created until you approve. Pick some in the \
             menu to approve only those.",
            if proposals == 1 { "pair" } else { "pairs" }
        );
        if repeats > 0 {
            s.push_str(&format!(
                "\n⚠️ {repeats} of them {} people who were paired before: there was no other \
                 possible mentor.",
                if repeats == 1 { "re-pairs" } else { "re-pair" }
            ));
        }
        s
    }

    pub fn reasons(r: &Reasons) -> String {
        let mut parts = Vec::new();
        match r.shared_topics.len() {
            0 => parts.push("no shared topics".to_string()),
            1 => parts.push(format!("1 shared topic ({})", r.shared_topics[0])),
            n => parts.push(format!(
                "{n} shared topics ({})",
                r.shared_topics.join(", ")
            )),
        }
        parts.push(format!("{:.0} h awake overlap", r.overlap_hours));
        if !r.shared_languages.is_empty() {
            parts.push(format!("both speak {}", r.shared_languages.join(", ")));
        }
        if r.repeat {
            parts.push("paired before".into());
        }
        parts.join(", ")
    }

    pub fn proposal_line(n: usize, mentor: u64, mentee: u64, score: u32, reasons: &str) -> String {
        format!("**{n}.** <@{mentor}> → <@{mentee}> · score {score}\n{reasons}")
    }

    pub fn unmatched(mentee: u64, why: &Unmatched) -> String {
        match why {
            Unmatched::NoFreeMentor => format!("<@{mentee}>: no mentor with a free place"),
            Unmatched::NoCommonLanguage => {
                format!("<@{mentee}>: no free mentor speaks their language")
            }
        }
    }

    pub const UNMATCHED: &str = "Not matched";
    pub fn free_slots(n: u32) -> String {
        format!(
            "{n} mentor {} still free after these.",
            if n == 1 { "place" } else { "places" }
        )
    }

    pub const APPROVE_ALL: &str = "Approve all";
    pub const DISCARD: &str = "Discard";
    pub const PREVIOUS: &str = "Previous";
    pub const NEXT: &str = "Next";
    pub const PICK: &str = "Pick pairs to approve…";

    pub fn approve_selected(n: usize) -> String {
        format!("Approve selected ({n})")
    }

    pub fn page(n: usize, of: usize) -> String {
        format!("Page {n} of {of}")
    }

    pub const SUGGESTION_CLOSED: &str =
        "This suggestion was already approved or discarded. Run `/pair suggest` for a fresh one.";
    pub const DISCARDED: &str = "Discarded: no pairs were created.";

    pub fn creating(done: usize, total: usize) -> String {
        format!("Creating pairs… {done} of {total} done.")
    }

    pub fn approved_summary(created: &[String], skipped: &[String]) -> String {
        let mut s = format!(
            "Created {} {}.",
            created.len(),
            if created.len() == 1 { "pair" } else { "pairs" }
        );
        for line in created {
            s.push_str(&format!("\n• {line}"));
        }
        if !skipped.is_empty() {
            s.push_str(&format!("\nSkipped {}:", skipped.len()));
            for line in skipped {
                s.push_str(&format!("\n• {line}"));
            }
        }
        s
    }

    // Goals.
    pub fn goal_error(e: &GoalError) -> String {
        match e {
            GoalError::EmptyTitle => "Give the goal a short title.".into(),
            GoalError::TitleTooLong(n) => {
                format!("That title is {n} characters; keep it to {MAX_GOAL_TITLE_CHARS}.")
            }
            GoalError::BadDate(t) => format!(
                "I can't read the date \"{}\". Write it as `2026-12-24` or `in 3 weeks`.",
                super::quote(t, 30)
            ),
            GoalError::DueInThePast(d) => {
                format!("{d} has already passed. Pick a date from today on.")
            }
        }
    }

    pub fn goal_added(number: i64, title: &str, due_unix: Option<i64>, by: u64) -> String {
        let due = due_unix.map_or(String::new(), |d| format!(", due <t:{d}:D>"));
        format!("🎯 <@{by}> added goal **#{number}: {title}**{due}. Mark it done with `/goal done {number}`.")
    }

    pub fn goal_done(number: i64, title: &str, members: &[u64]) -> String {
        let names: Vec<String> = members.iter().map(|u| format!("<@{u}>")).collect();
        format!(
            "🎉 Goal **#{number}: {title}** is done! Well done, {}.",
            names.join(" and ")
        )
    }

    pub fn goal_already_done(number: i64) -> String {
        format!("Goal #{number} is already done.")
    }

    pub fn no_goal(number: i64) -> String {
        format!("There is no goal #{number} in this pair. `/goal list` shows them.")
    }

    pub const GOALS_TITLE: &str = "Your goals";
    pub const NO_GOALS: &str = "No goals yet. Add one with `/goal add`.";

    pub fn goal_line(
        number: i64,
        title: &str,
        due_unix: Option<i64>,
        done_unix: Option<i64>,
        overdue: bool,
    ) -> String {
        match done_unix {
            Some(d) => format!("✅ #{number} {title} (done <t:{d}:D>)"),
            None => {
                let due = due_unix.map_or(String::new(), |d| format!(" · due <t:{d}:D>"));
                let late = if overdue { " · overdue" } else { "" };
                format!("⬜ #{number} {title}{due}{late}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fit_lines;

    #[test]
    fn long_lists_are_cut_with_a_count_of_what_was_left_out() {
        let lines = ["aaaa", "bbbb", "cccc"];
        assert_eq!(fit_lines(&lines, 100), "aaaa\nbbbb\ncccc\n");
        assert_eq!(fit_lines(&lines, 10), "aaaa\nbbbb\n…and 1 more");
    }
}

pub mod checkins {
    use crate::domain::pair::Goal;

    /// Mood buttons carry words, not only numbers or colours.
    pub const MOODS: [&str; 5] = [
        "1 – struggling",
        "2 – meh",
        "3 – okay",
        "4 – good",
        "5 – great",
    ];
    pub const ANSWER_BUTTON: &str = "Answer";
    /// Starts the line the bot rewrites as people answer.
    pub const STATUS_MARK: &str = "\n\n**Answered:** ";

    pub fn prompt(members: &[u64], goals: &[Goal], on_time_until: i64) -> String {
        let who: Vec<String> = members.iter().map(|u| format!("<@{u}>")).collect();
        let goals = if goals.is_empty() {
            "No goals yet: add your first with `/goal add`.".to_string()
        } else {
            let list: Vec<String> = goals
                .iter()
                .take(5)
                .map(|g| {
                    let title: String = g.title.chars().take(80).collect();
                    match g.due {
                        Some(d) => format!("#{} {title} (due {d})", g.number),
                        None => format!("#{} {title}", g.number),
                    }
                })
                .collect();
            let more = goals.len().saturating_sub(5);
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            format!("Open goals: {}{more}.", list.join(" · "))
        };
        format!(
            "**Check-in time**, {}! How is it going?\n\
             Pick a mood, then press **Answer** to say what moved, what's in the way and \
             what's next. {goals}\nBest before <t:{on_time_until}:R>; later answers still count.",
            who.join(" and ")
        )
    }

    /// The prompt with its status line: who has answered (never what).
    pub fn with_status(content: &str, answered: &[u64]) -> String {
        let body = content.split(STATUS_MARK).next().unwrap_or(content);
        if answered.is_empty() {
            return body.to_string();
        }
        let who: Vec<String> = answered.iter().map(|u| format!("<@{u}> ✓")).collect();
        format!("{body}{STATUS_MARK}{}", who.join(" "))
    }

    pub fn reminder(users: &[u64], link: &str) -> String {
        let who: Vec<String> = users.iter().map(|u| format!("<@{u}>")).collect();
        format!(
            "{}, a gentle nudge: this week's check-in is still waiting for you: {link}\n\
             It takes a minute, and late answers count too.",
            who.join(" and ")
        )
    }

    pub const MODAL_TITLE: &str = "Your check-in";
    pub const PROGRESS: &str = "What moved forward since last time?";
    pub const PROGRESS_EMPTY: &str =
        "Write a few words about what moved forward, then send the check-in again.";
    pub const BLOCKERS: &str = "Anything in the way? (optional)";
    pub const NEXT_STEP: &str = "Your next step (optional)";

    pub fn mood_saved(mood: u8) -> String {
        format!(
            "Saved your mood: {}. Press **Answer** to add a few words, whenever suits you.",
            MOODS[usize::from(mood.clamp(1, 5)) - 1]
        )
    }

    /// The same mood pressed again: nothing is saved again.
    pub fn mood_unchanged(mood: u8) -> String {
        format!(
            "Your mood is already saved as {}, so nothing changed.",
            MOODS[usize::from(mood.clamp(1, 5)) - 1]
        )
    }

    pub const SAVED: &str = "Thanks, your check-in is saved. A short summary is now in your \
        pair channel.";
    /// The same words sent again (a double submit): no second summary.
    pub const UNCHANGED: &str = "Your check-in already says exactly this, so nothing changed.";
    pub const SAVED_LATE: &str = "Thanks, your check-in is saved (marked late, which is fine). \
        A short summary is now in your pair channel.";

    pub fn summary(
        user: u64,
        mood: Option<i64>,
        progress: &str,
        blockers: Option<&str>,
        next_step: Option<&str>,
        late: bool,
    ) -> String {
        let cut = |s: &str| -> String {
            let mut t: String = s.chars().take(500).collect();
            if s.chars().count() > 500 {
                t.push('…');
            }
            t.replace('\n', " ")
        };
        let mood = mood
            .and_then(|m| MOODS.get((m as usize).wrapping_sub(1)))
            .map(|m| format!(", feeling {m}"))
            .unwrap_or_default();
        let late = if late { " (late)" } else { "" };
        let mut out = format!(
            "**<@{user}> checked in**{late}{mood}\n> Progress: {}",
            cut(progress)
        );
        if let Some(b) = blockers {
            out.push_str(&format!("\n> In the way: {}", cut(b)));
        }
        if let Some(n) = next_step {
            out.push_str(&format!("\n> Next: {}", cut(n)));
        }
        out
    }

    pub const NOT_YOUR_CHECKIN: &str =
        "This check-in is for another pair. Answer the ones in your own pair channel.";
    pub const CLOSED: &str = "This pair is no longer active, so its check-ins are closed.";
    pub const ONLY_MODERATORS: &str = "Only moderators can start a check-in round.";
    pub const NO_PAIRS: &str =
        "There are no active pairs to check in with yet. Pair people with `/pair create` or `/pair suggest`.";

    pub fn round_started(pairs: u64) -> String {
        let noun = if pairs == 1 { "pair" } else { "pairs" };
        format!(
            "Posting a check-in to {pairs} {noun} now (paused pairs are skipped). \
             Answers come in over the next days."
        )
    }
}

pub mod pulse {
    use crate::domain::survey::PulseResults;

    pub const SCALE: [&str; 5] = [
        "1 – not at all",
        "2 – a little",
        "3 – somewhat",
        "4 – quite",
        "5 – very",
    ];

    pub fn question(guild: &str, question: &str, min: u32) -> String {
        format!(
            "**A quick pulse from {guild}** (anonymous)\n{question}\n\
             Moderators only see totals, and only once {min} or more people have answered."
        )
    }

    pub fn question_in_channel(user: u64, question: &str, min: u32) -> String {
        format!(
            "<@{user}>, your DMs are closed, so here is the programme's quick pulse (anonymous):\n\
             {question}\nModerators only see totals, and only once {min} or more people have \
             answered."
        )
    }

    pub fn thanks(score: u8) -> String {
        format!(
            "Thanks, you chose {}. Nobody sees who answered what. \
             Want to add a comment? It's anonymous too.",
            SCALE[usize::from(score.clamp(1, 5)) - 1]
        )
    }

    /// The same score pressed again: nothing is saved again (the comment button comes along).
    pub fn score_unchanged(score: u8) -> String {
        format!(
            "You already chose {}, so nothing changed.",
            SCALE[usize::from(score.clamp(1, 5)) - 1]
        )
    }

    pub const COMMENT_BUTTON: &str = "Add a comment";
    pub const MODAL_TITLE: &str = "Anonymous comment";
    pub const COMMENT: &str = "Anything the moderators should know?";
    pub const COMMENT_SAVED: &str = "Thanks, your comment is saved without your name.";
    pub const SCORE_FIRST: &str = "Pick a number first, then add your comment.";
    pub const COMMENT_EMPTY: &str =
        "The comment was empty, so nothing was saved. Write a few words, or just keep your number.";
    pub const CLOSED: &str =
        "This pulse question has closed, so your answer was not saved. The next one comes soon.";
    pub const NOT_ASKED: &str = "This pulse question was sent to someone else.";
    pub const ONLY_MODERATORS: &str = "Only moderators can run pulse surveys and see results.";
    pub const NO_ROUND: &str =
        "No pulse round yet. Start one with `/pulse now`, or wait for the schedule (see `/setup`).";
    pub const NOBODY: &str = "Nobody is active in the programme yet, so there is nobody to ask.";

    /// Scores of a round are shown only once it closes, so no single answer can be worked
    /// out by looking before and after it.
    pub fn still_open(answers: u32, closes_at: i64) -> String {
        let answers = match answers {
            1 => "1 answer".to_string(),
            n => format!("{n} answers"),
        };
        format!(
            "The current pulse round has {answers} so far. Its results show when it closes \
             <t:{closes_at}:R>."
        )
    }

    pub fn round_started(members: usize, min: u32) -> String {
        format!(
            "Pulse round started: asking {members} active members by DM. \
             See the totals with `/pulse results` once {min} have answered."
        )
    }

    pub fn hidden(r: &PulseResults, min: u32) -> String {
        format!(
            "**{}**\n{} of {} answered so far. Results show once {min} have, so no answer can \
             be traced to a person.",
            r.question,
            r.answered(),
            r.asked
        )
    }

    pub fn title(r: &PulseResults) -> String {
        let q: String = r.question.chars().take(240).collect();
        format!("Pulse: {q}")
    }

    pub fn overview(r: &PulseResults) -> String {
        let avg = r.average().unwrap_or_default();
        format!(
            "{} of {} answered · average **{avg:.1}** of 5 · asked <t:{}:D>",
            r.answered(),
            r.asked,
            r.started_at.timestamp()
        )
    }

    pub const ANSWERS: &str = "Answers";

    pub fn distribution(r: &PulseResults) -> String {
        let max = r.scores.iter().copied().max().unwrap_or(0).max(1);
        SCALE
            .iter()
            .zip(r.scores)
            .rev()
            .map(|(label, n)| {
                let bar = "█".repeat((n * 10).div_ceil(max) as usize);
                format!("`{label:<15}` {bar} {n}")
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub const COMMENTS: &str = "Comments, in random order, without names";
}

/// The digest's words live beside the report (`digest::words`), so `digest` imports nothing
/// from here.
pub use crate::digest::words as digest;

pub mod activity {
    pub const MEET_ONLY_MEMBERS: &str =
        "Only the two people in this pair can record their meetings.";
    pub const KUDOS_SELF: &str =
        "Kudos are for thanking someone else. Who helped you lately? Try `/kudos` with their name.";
    pub const KUDOS_BOT: &str = "Bots don't need thanks, but people do: pick a member instead.";
    pub const KUDOS_EMPTY: &str = "Add a few words on what you're thankful for, then try again.";
    pub const KUDOS_NOT_MEMBER: &str =
        "You can only thank people who are in this server. Pick someone from the list as you type.";
    pub const MEET_MINUTES: &str =
        "A meeting is recorded in minutes, from 1 to 600. Try again with how long you met.";

    pub fn kudos_too_long(chars: usize) -> String {
        format!("Your thanks is {chars} characters; please keep it to 200.")
    }

    pub fn note_too_long(chars: usize) -> String {
        format!("Your note is {chars} characters; please keep it to 200.")
    }

    fn duration(minutes: u32) -> String {
        match (minutes / 60, minutes % 60) {
            (0, m) => format!("{m} min"),
            (h, 0) => format!("{h} h"),
            (h, m) => format!("{h} h {m} min"),
        }
    }

    pub fn meeting_recorded(
        user: u64,
        minutes: u32,
        total: (u32, u32),
        note: Option<&str>,
    ) -> String {
        let (n, all) = total;
        let note = note.map(|t| format!("\n> {t}")).unwrap_or_default();
        let so_far = if n == 1 {
            "your first one on record".to_string()
        } else {
            format!("{n} meetings so far, {} in all", duration(all))
        };
        format!(
            "📅 <@{user}> recorded a meeting of {}: {so_far}. Nice work!{note}",
            duration(minutes)
        )
    }

    fn ordinal(n: u32) -> String {
        let suffix = match (n % 10, n % 100) {
            (1, 11) | (2, 12) | (3, 13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        format!("{n}{suffix}")
    }

    pub fn kudos(giver: u64, receiver: u64, reason: &str, received: u32) -> String {
        format!(
            "🙌 **Kudos to <@{receiver}>** from <@{giver}>: {reason}\n\
             -# That's their {} kudos. Thank someone with `/kudos`.",
            ordinal(received)
        )
    }

    pub fn kudos_limited(per_day: u32, again_at: i64) -> String {
        format!(
            "You've given {per_day} kudos in the last 24 hours, thank you for spreading them! \
             You can give more <t:{again_at}:R>."
        )
    }
}
