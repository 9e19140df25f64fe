//! Slash commands, one file per feature.

mod checkin;
mod digest;
mod enrol;
mod export;
mod goal;
mod help;
mod kudos;
mod meet;
mod members;
mod mydata;
pub mod pair;
pub mod profile;
mod pulse;
mod setup;
mod withdraw;

use poise::serenity_prelude as serenity;

use super::access::{self, Access};
use super::{Context, Data, Error};
use crate::domain::guild::GuildSettings;
use crate::domain::timezone;

/// Every command tandem registers. Each command's `category` names its audience
/// ("Everyone", "Moderators", "Admins"); `/help` lists them by that.
pub fn all() -> Vec<poise::Command<Data, Error>> {
    vec![
        help::help(),
        enrol::enrol(),
        profile::profile(),
        withdraw::withdraw(),
        mydata::mydata(),
        members::members(),
        pair::pair(),
        goal::goal(),
        meet::meet(),
        kudos::kudos(),
        checkin::checkin(),
        pulse::pulse(),
        digest::digest(),
        export::export(),
        setup::setup(),
    ]
}

/// The server the command runs in. Every command is `guild_only`; this turns a missing guild
/// into the plain user error instead of a panic.
pub(crate) fn guild_of(ctx: Context<'_>) -> Result<serenity::GuildId, Error> {
    ctx.guild_id()
        .ok_or_else(|| Error::user(super::messages::errors::GUILD_ONLY))
}

/// The server's settings (defaults before `/setup`) if the caller moderates it; otherwise the
/// user error `refusal`. Discord shows these commands to everyone, so the check is ours.
pub(crate) async fn as_moderator(
    ctx: Context<'_>,
    refusal: &'static str,
) -> Result<GuildSettings, Error> {
    let guild = guild_of(ctx)?.get();
    let settings = ctx.data().db.guild_settings_or_new(guild).await?;
    if access::of_caller(ctx, Some(&settings)) < Access::Moderator {
        return Err(Error::user(refusal));
    }
    Ok(settings)
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
