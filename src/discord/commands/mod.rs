//! Slash commands, one file per feature.

mod checkin;
mod digest;
mod enrol;
mod export;
mod goal;
pub mod guide;
mod help;
mod kudos;
mod meet;
mod members;
mod mydata;
pub mod pair;
mod peer_circle;
pub mod profile;
mod programme;
mod pulse;
mod report;
mod setup;
mod withdraw;

use poise::serenity_prelude as serenity;

use super::access::{self, Access, Audience};
use super::{messages, Context, Data, Error};
use crate::domain::guild::GuildSettings;
use crate::domain::pair::Pair;
use crate::domain::timezone;
use crate::text::{self, Key, Locale};

/// Every command tandem registers. Each one's audience is declared in [`AUDIENCES`]; this
/// installs the one check of it ([`admit`]) on every command that runs, and marks the commands
/// only admins may run with Manage Server so that Discord hides them from others.
pub fn all() -> Vec<poise::Command<Data, Error>> {
    let mut commands = vec![
        help::help(),
        guide::guide(),
        enrol::enrol(),
        profile::profile(),
        withdraw::withdraw(),
        mydata::mydata(),
        members::members(),
        guide::resources(),
        pair::pair(),
        peer_circle::circle(),
        goal::goal(),
        meet::meet(),
        kudos::kudos(),
        report::report(),
        checkin::checkin(),
        pulse::pulse(),
        digest::digest(),
        export::export(),
        programme::programme(),
        setup::setup(),
    ];
    for command in &mut commands {
        localise(command, "");
        install_checks(command);
        let mut leaves = Vec::new();
        leaf_names(command, "", &mut leaves);
        let admins_only = leaves
            .iter()
            .all(|name| audience_of(name).map(|r| r.audience) == Some(Audience::Admin));
        if admins_only {
            command.default_member_permissions = serenity::Permissions::MANAGE_GUILD;
        }
    }
    commands
}

/// Who may run a command (by its full name, `pair create`), and what anyone else is told.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub command: &'static str,
    pub audience: Audience,
    pub refusal: Key,
}

const fn rule(command: &'static str, audience: Audience, refusal: Key) -> Rule {
    Rule {
        command,
        audience,
        refusal,
    }
}

const fn everyone(command: &'static str) -> Rule {
    rule(command, Audience::Everyone, messages::errors::NOT_ALLOWED)
}

/// The catalogue key of a command's text: `pair create` → `command-pair-create`, its option
/// `reason` → `command-pair-end-reason`, a choice of it → `command-pair-end-reason-completed`.
pub fn catalogue_key(parts: &[&str]) -> String {
    let mut key = String::from("command");
    for part in parts {
        key.push('-');
        for c in part.chars() {
            if c.is_ascii_alphanumeric() {
                key.push(c.to_ascii_lowercase());
            } else if !key.ends_with('-') {
                key.push('-');
            }
        }
        while key.ends_with('-') {
            key.pop();
        }
    }
    key
}

/// Descriptions and choice names come from the catalogue: English as the base text, the
/// other languages as Discord's localisations (names of commands and options stay English,
/// so what the README and `/help` say works in every language).
fn localise(command: &mut poise::Command<Data, Error>, parent: &str) {
    let name = if parent.is_empty() {
        command.name.to_string()
    } else {
        format!("{parent} {}", command.name)
    };
    let key = catalogue_key(&[&name]);
    let texts = |key: &str| -> Vec<(Locale, String)> {
        Locale::ALL
            .into_iter()
            .filter_map(|l| text::lookup(l, key).map(|t| (l, t)))
            .collect()
    };
    let localised = |texts: Vec<(Locale, String)>| {
        let mut pairs = Vec::new();
        for (l, t) in texts {
            for code in l.discord_codes() {
                pairs.push((
                    std::borrow::Cow::Borrowed(*code),
                    std::borrow::Cow::Owned(t.clone()),
                ));
            }
        }
        pairs
    };
    let found = texts(&key);
    if let Some((_, en)) = found.iter().find(|(l, _)| *l == Locale::En) {
        command.description = Some(en.clone().into());
    }
    command.description_localizations = localised(found).into();
    for parameter in &mut command.parameters {
        let key = catalogue_key(&[&name, &parameter.name]);
        let found = texts(&key);
        if let Some((_, en)) = found.iter().find(|(l, _)| *l == Locale::En) {
            parameter.description = Some(en.clone().into());
        }
        parameter.description_localizations = localised(found).into();
        for choice in parameter.choices.to_mut().iter_mut() {
            let key = catalogue_key(&[&name, &parameter.name, &choice.name]);
            let found = texts(&key);
            if let Some((_, en)) = found.iter().find(|(l, _)| *l == Locale::En) {
                choice.name = en.clone().into();
            }
            choice.localizations = localised(found).into();
        }
    }
    for sub in &mut command.subcommands {
        localise(sub, &name);
    }
}

/// The audience of every command that runs, declared here and nowhere else: [`admit`] checks
/// it before the command's body runs and `/help` lists commands by it. A command missing here
/// is refused (and a test fails).
pub const AUDIENCES: &[Rule] = {
    use messages::{activity, checkins, digest, guide, members, pairs, pulse, setup};
    use Audience::{Admin, Moderator, PairMember, PairMemberOnly};
    &[
        everyone("help"),
        everyone("enrol mentor"),
        everyone("enrol mentee"),
        // Viewing someone else's profile is for moderators: the body checks that option.
        everyone("profile view"),
        everyone("profile edit"),
        // Private to the caller: the list and its changes are only ever shown to them.
        everyone("profile avoid"),
        everyone("withdraw"),
        everyone("mydata export"),
        everyone("mydata delete"),
        everyone("kudos"),
        everyone("report"),
        everyone("guide"),
        rule("members", Moderator, members::ONLY_MODERATORS),
        rule("resources add", Moderator, guide::ONLY_MODERATORS),
        rule("resources remove", Moderator, guide::ONLY_MODERATORS),
        rule("resources list", Moderator, guide::ONLY_MODERATORS),
        rule("pair create", Moderator, pairs::ONLY_MODERATORS),
        rule("pair suggest", Moderator, pairs::ONLY_MODERATORS),
        rule("circle create", Moderator, pairs::ONLY_MODERATORS),
        rule("pair pause", PairMember, pairs::NOT_YOUR_PAIR),
        rule("pair end", PairMember, pairs::NOT_YOUR_PAIR),
        rule("pair refit", PairMemberOnly, pairs::REFIT_ONLY_MEMBERS),
        rule("goal add", PairMember, pairs::NOT_YOUR_PAIR),
        rule("goal done", PairMember, pairs::NOT_YOUR_PAIR),
        rule("goal list", PairMember, pairs::NOT_YOUR_PAIR),
        rule("meet", PairMemberOnly, activity::MEET_ONLY_MEMBERS),
        rule("checkin now", Moderator, checkins::ONLY_MODERATORS),
        rule("pulse now", Moderator, pulse::ONLY_MODERATORS),
        rule("pulse results", Moderator, pulse::ONLY_MODERATORS),
        rule("digest", Moderator, digest::ONLY_MODERATORS),
        rule("export", Moderator, digest::EXPORT_ONLY_MODERATORS),
        rule("programme questions", Moderator, members::ONLY_MODERATORS),
        rule("programme start", Moderator, members::ONLY_MODERATORS),
        rule("programme status", Moderator, members::ONLY_MODERATORS),
        rule("programme report", Moderator, members::ONLY_MODERATORS),
        rule("setup", Admin, setup::ADMIN_ONLY),
    ]
};

/// The declared audience of the command named `qualified_name`.
pub fn audience_of(qualified_name: &str) -> Option<&'static Rule> {
    AUDIENCES.iter().find(|r| r.command == qualified_name)
}

/// Full names of the commands under `command` that run (those without subcommands).
fn leaf_names(command: &poise::Command<Data, Error>, parent: &str, out: &mut Vec<String>) {
    let name = if parent.is_empty() {
        command.name.to_string()
    } else {
        format!("{parent} {}", command.name)
    };
    if command.subcommands.is_empty() {
        out.push(name);
    } else {
        for sub in &command.subcommands {
            leaf_names(sub, &name, out);
        }
    }
}

/// Puts [`admit`] on every command under `command` that runs.
fn install_checks(command: &mut poise::Command<Data, Error>) {
    if command.subcommands.is_empty() {
        command.checks.push(|ctx| Box::pin(admit(ctx)));
    }
    for sub in &mut command.subcommands {
        install_checks(sub);
    }
}

/// What [`admit`] found, for the command's body: the server's settings (defaults before
/// `/setup`) and, for a pair audience, the pair of the channel.
struct Admitted {
    settings: GuildSettings,
    pair: Option<Pair>,
}

/// The one access check, run by poise before a command's body (before `pre_command` defers a
/// private reply, so a refusal is the private first answer). A refusal is a user error with the
/// declared sentence; poise hands it to `on_error` as `CommandCheckFailed`.
async fn admit(ctx: Context<'_>) -> Result<bool, Error> {
    // Suggesting time zones reveals nothing; the command itself is checked when it runs.
    if let poise::Context::Application(a) = ctx {
        if matches!(
            a.interaction_type,
            poise::CommandInteractionType::Autocomplete
        ) {
            return Ok(true);
        }
    }
    let name = &ctx.command().qualified_name;
    let Some(rule) = audience_of(name) else {
        return Err(Error::Internal(anyhow::anyhow!(
            "no audience declared for /{name}"
        )));
    };
    if rule.audience == Audience::Everyone {
        return Ok(true);
    }
    let guild = guild_of(ctx)?.get();
    let db = &ctx.data().db;
    let settings = db.guild_settings_or_new(guild).await?;
    let caller = access::of_caller(ctx, Some(&settings));
    let pair = if rule.audience.is_pair() {
        let pair = db
            .pair_by_channel(ctx.channel_id().get())
            .await?
            .filter(|p| p.guild_id == guild)
            .ok_or_else(|| Error::user(messages::pairs::NOT_A_PAIR_CHANNEL))?;
        let member = pair.is_member(ctx.author().id.get());
        let moderator = rule.audience == Audience::PairMember && caller >= Access::Moderator;
        if !member && !moderator {
            return Err(Error::user(rule.refusal));
        }
        Some(pair)
    } else {
        if caller < rule.audience.level() {
            return Err(Error::user(rule.refusal));
        }
        None
    };
    ctx.set_invocation_data(Admitted { settings, pair }).await;
    Ok(true)
}

/// The server the command runs in. Every command is `guild_only`; this turns a missing guild
/// into the plain user error instead of a panic.
pub(crate) fn guild_of(ctx: Context<'_>) -> Result<serenity::GuildId, Error> {
    ctx.guild_id()
        .ok_or_else(|| Error::user(super::messages::errors::GUILD_ONLY))
}

/// Whether a user chosen in a command's user option is a member of the server: Discord
/// resolves the member along with the user only while they are in it.
pub(crate) fn in_server(ctx: Context<'_>, user: &serenity::User) -> bool {
    match ctx {
        poise::Context::Application(a) => {
            a.interaction.data.resolved.members.contains_key(&user.id)
        }
        poise::Context::Prefix(_) => true,
    }
}

/// The server's settings (defaults before `/setup`): as the access check read them, or read now.
pub(crate) async fn settings(ctx: Context<'_>) -> Result<GuildSettings, Error> {
    if let Some(admitted) = ctx.invocation_data::<Admitted>().await {
        return Ok(admitted.settings.clone());
    }
    let guild = guild_of(ctx)?.get();
    Ok(ctx.data().db.guild_settings_or_new(guild).await?)
}

/// The pair whose channel a pair command runs in, as the access check found it (the caller may
/// act on it), and the server's settings.
pub(crate) async fn pair_here(ctx: Context<'_>) -> Result<(Pair, GuildSettings), Error> {
    let admitted = ctx.invocation_data::<Admitted>().await;
    match admitted.as_deref() {
        Some(Admitted {
            settings,
            pair: Some(pair),
        }) => Ok((pair.clone(), settings.clone())),
        _ => Err(Error::Internal(anyhow::anyhow!(
            "/{} acts on a pair but is not declared for a pair audience",
            ctx.command().qualified_name
        ))),
    }
}

/// IANA time zone names matching what the user has typed (at most 25, Discord's limit).
pub(crate) async fn autocomplete_timezone(
    _ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let choices = timezone::suggest(partial, 25)
        .into_iter()
        .map(serenity::AutocompleteChoice::from)
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}
