//! `/setup`: an admin chooses the digest channel, moderator role, pair category and time zone,
//! and how the programme runs (approval, orientation, languages, schedules).

use poise::serenity_prelude as serenity;

use crate::discord::channels::{self, NEEDED_IN_CATEGORY, NEEDED_IN_DIGEST};
use crate::discord::commands::{autocomplete_timezone, guild_of};
use crate::discord::{messages, pairing, Context, Error};
use crate::domain::guild::{ArchiveMode, GuildSettings, PairSpace, SettingsChange};
use crate::domain::schedule::{Cron, Kind};
use crate::domain::{circle, member, timezone};
use crate::store::AuditEntry;
use crate::text::Locale;

/// The language of tandem's own posts in shared places (the digest, moderators' notices,
/// pair channels whose members use different languages).
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum BotLanguage {
    #[name = "same as the programme's language"]
    Programme,
    #[name = "English"]
    English,
    #[name = "Español"]
    Spanish,
    #[name = "Français"]
    French,
}

impl BotLanguage {
    fn chosen(self) -> Option<Locale> {
        match self {
            BotLanguage::Programme => None,
            BotLanguage::English => Some(Locale::En),
            BotLanguage::Spanish => Some(Locale::Es),
            BotLanguage::French => Some(Locale::Fr),
        }
    }
}

/// Whether mentors approved from now on read the programme guide before they are paired.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum OrientationChoice {
    #[name = "required"]
    Required,
    #[name = "off"]
    Off,
}

/// Where new pairs talk.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum SpaceChoice {
    #[name = "channels"]
    Channels,
    #[name = "threads"]
    Threads,
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum ArchiveChoice {
    #[name = "keep read-only"]
    ReadOnly,
    #[name = "delete"]
    Delete,
}

/// Set up tandem in this server (admins)
// Admins only, as declared in `commands::AUDIENCES` (which also has Discord hide it from
// others); that check runs before this, whatever the client showed.
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
// Each option is one slash-command option; poise needs them as parameters.
#[allow(clippy::too_many_arguments)]
pub async fn setup(
    ctx: Context<'_>,
    #[description = "Where moderators get the weekly digest and approval requests"]
    #[channel_types("Text")]
    digest_channel: Option<serenity::PartialChannel>,
    #[description = "Members with this role can pair people and read the digest"]
    moderator_role: Option<serenity::Role>,
    #[description = "Category that will hold the private pair channels"]
    #[channel_types("Category")]
    pair_category: Option<serenity::PartialChannel>,
    #[description = "The server's time zone, e.g. Europe/Berlin"]
    #[autocomplete = "autocomplete_timezone"]
    timezone: Option<String>,
    #[description = "Must moderators approve new mentors? (default: yes)"] mentor_approval: Option<
        bool,
    >,
    #[description = "Must new mentors read the programme guide before they are paired? (default: off)"]
    orientation: Option<OrientationChoice>,
    #[description = "The programme's main language, for matching, e.g. en or Spanish"]
    language: Option<String>,
    #[description = "tandem's language in the digest and shared posts (default: the programme's)"]
    bot_language: Option<BotLanguage>,
    #[description = "When a pair ends: keep its channel read-only, or delete it (default: read-only)"]
    ended_channels: Option<ArchiveChoice>,
    #[description = "Where new pairs talk: a private channel each, or a private thread each (big servers)"]
    pair_space: Option<SpaceChoice>,
    #[description = "When check-ins go out, as cron, e.g. 0 17 * * Tue (or: default)"]
    #[max_length = 100]
    checkin_schedule: Option<String>,
    #[description = "When pulse surveys go out, as cron (or: default)"]
    #[max_length = 100]
    pulse_schedule: Option<String>,
    #[description = "When the digest is posted, as cron, e.g. 0 9 * * Mon (or: default)"]
    #[max_length = 100]
    digest_schedule: Option<String>,
    #[description = "Fewest pulse answers before results are shown (3 or more)"]
    #[min = 3]
    #[max = 1000]
    pulse_anonymity: Option<i64>,
    #[description = "When the mentors' circle meets, as cron, e.g. 0 18 * * Thu (or: off)"]
    #[max_length = 100]
    mentor_circle: Option<String>,
    #[description = "The voice or stage channel the mentors' circle meets in"]
    #[channel_types("Voice", "Stage")]
    circle_channel: Option<serenity::PartialChannel>,
) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    let guild_id = guild_of(ctx)?;
    let db = &ctx.data().db;
    let stored = db.guild_settings(guild_id.get()).await?;
    // What Discord resolved may have been deleted since: refuse it before anything is saved.
    if let Some(guild) = ctx.serenity_context().cache.guild(guild_id) {
        let gone = [&digest_channel, &pair_category, &circle_channel]
            .into_iter()
            .flatten()
            .any(|c| !guild.channels.contains_key(&c.id));
        if gone {
            return Err(Error::user(messages::setup::CHANNEL_GONE));
        }
        if moderator_role
            .as_ref()
            .is_some_and(|r| !guild.roles.contains_key(&r.id))
        {
            return Err(Error::user(messages::setup::ROLE_GONE));
        }
    }
    // The @everyone role has the server's id: every member has it.
    if moderator_role
        .as_ref()
        .is_some_and(|r| r.id.get() == guild_id.get())
    {
        return Err(Error::user(messages::setup::EVERYONE_ROLE));
    }

    let change = SettingsChange {
        digest_channel_id: match digest_channel {
            Some(c)
                if !matches!(
                    c.kind,
                    serenity::ChannelType::Text | serenity::ChannelType::News
                ) =>
            {
                return Err(Error::user(messages::setup::DIGEST_NOT_TEXT))
            }
            c => c.map(|c| c.id.get()),
        },
        moderator_role_id: moderator_role.map(|r| r.id.get()),
        pair_category_id: match pair_category {
            Some(c) if c.kind != serenity::ChannelType::Category => {
                return Err(Error::user(messages::setup::CATEGORY_NOT_CATEGORY))
            }
            c => c.map(|c| c.id.get()),
        },
        timezone: match timezone.as_deref() {
            Some(text) => Some(
                timezone::parse(text)
                    .ok_or_else(|| Error::user(messages::setup::bad_timezone(l, text)))?,
            ),
            None => None,
        },
        language: match language.as_deref() {
            Some(text) => Some(
                member::parse_language(text)
                    .map_err(|e| Error::user(messages::members::profile_error(l, &e)))?,
            ),
            None => None,
        },
        bot_language: bot_language.map(BotLanguage::chosen),
        require_mentor_approval: mentor_approval,
        require_orientation: orientation.map(|o| matches!(o, OrientationChoice::Required)),
        archive_mode: ended_channels.map(|c| match c {
            ArchiveChoice::ReadOnly => ArchiveMode::ReadOnly,
            ArchiveChoice::Delete => ArchiveMode::Delete,
        }),
        pair_space: pair_space.map(|c| match c {
            SpaceChoice::Channels => PairSpace::Channels,
            SpaceChoice::Threads => PairSpace::Threads,
        }),
        checkin_cron: schedule(l, "checkin_schedule", checkin_schedule.as_deref())?,
        pulse_cron: schedule(l, "pulse_schedule", pulse_schedule.as_deref())?,
        digest_cron: schedule(l, "digest_schedule", digest_schedule.as_deref())?,
        anonymity_min: match pulse_anonymity {
            Some(n) if n < 3 => return Err(Error::user(messages::setup::ANONYMITY_TOO_LOW)),
            Some(n) if n > 1000 => return Err(Error::user(messages::setup::ANONYMITY_TOO_HIGH)),
            n => n.map(|n| n as u32),
        },
        circle_cron: circle_schedule(l, mentor_circle.as_deref())?,
        circle_channel_id: match circle_channel {
            Some(c)
                if !matches!(
                    c.kind,
                    serenity::ChannelType::Voice | serenity::ChannelType::Stage
                ) =>
            {
                return Err(Error::user(messages::circle::SETUP_NOT_VOICE))
            }
            c => c.map(|c| c.id.get()),
        },
    };

    let mut settings = stored
        .clone()
        .unwrap_or_else(|| GuildSettings::new(guild_id.get()));
    let changed = settings.apply(&change);
    if settings.circle_cron.is_some() && settings.circle_channel_id.is_none() {
        return Err(Error::user(messages::circle::SETUP_NO_CHANNEL));
    }
    let headline = if change.is_empty() {
        messages::setup::CURRENT.get(l)
    } else if changed.is_empty() && stored.is_some() {
        messages::setup::UNCHANGED.get(l)
    } else {
        let entry = AuditEntry {
            guild_id: guild_id.get(),
            actor_id: Some(ctx.author().id.get()),
            action: "settings.update".into(),
            target_id: None,
            detail: Some(format!("changed: {}", changed.join(", "))),
            at: ctx.data().clock.now(),
        };
        db.save_guild_settings(&settings, &entry).await?;
        tracing::info!(changed = ?changed, "settings saved");
        // Occurrences planned with the old schedule give way to the new one.
        let now = ctx.data().clock.now();
        for (field, kind) in [
            ("checkin_schedule", Kind::Checkin),
            ("pulse_schedule", Kind::Pulse),
            ("digest_schedule", Kind::Digest),
            ("timezone", Kind::Checkin),
            ("timezone", Kind::Pulse),
            ("timezone", Kind::Digest),
        ] {
            if changed.contains(&field) {
                db.unplan(guild_id.get(), kind, now).await?;
            }
        }
        // A circle's meetings are planned a week ahead: a new time, or none, replaces them
        // all (events already announced stay on Discord).
        if changed.contains(&"mentor_circle") || changed.contains(&"timezone") {
            db.unplan_pending(guild_id.get(), Kind::Circle).await?;
        }
        ctx.data().jobs.wake();
        if changed.contains(&"mentor_circle") && settings.circle_cron.is_some() {
            format!(
                "{}\n{}",
                messages::setup::SAVED.get(l),
                messages::circle::SETUP_SAVED_NOTE.get(l)
            )
        } else {
            messages::setup::SAVED.get(l)
        }
    };

    let mut warnings = Vec::new();
    // Threads live in a hub channel the bot makes now, so the first pair need not wait
    // and a missing permission shows here rather than at the first pairing.
    let missing = if settings.pair_space == PairSpace::Threads {
        server_permissions_missing(ctx, guild_id, channels::NEEDED_IN_HUB)
    } else {
        Vec::new()
    };
    if !missing.is_empty() {
        // Discord refuses overwrites that grant what the bot lacks: say what, first.
        warnings.push(messages::setup::missing_permissions(
            l,
            &messages::setup::THE_SERVER.get(l),
            &missing,
        ));
    } else if settings.pair_space == PairSpace::Threads {
        let bot = ctx.serenity_context().cache.current_user().id.get();
        match crate::discord::threads::ensure_hub(ctx.http(), db, &settings, bot, settings.locale())
            .await
        {
            Ok((hub, role)) => {
                settings.pair_hub_channel_id = Some(hub.get());
                settings.pair_role_id = Some(role.get());
            }
            Err(e) => {
                tracing::warn!(error = %e, "the hub of the pairs' threads was not made");
                warnings.push(messages::setup::HUB_FAILED.get(l));
            }
        }
    }
    warnings.extend(permission_warnings(ctx, guild_id, &settings).await?);
    let embed = summary(ctx, &settings, &headline, &warnings);
    ctx.send(poise::CreateReply::default().embed(embed).ephemeral(true))
        .await?;
    move_moderator_access(ctx, guild_id.get()).await
}

/// After a new moderator role: every pair channel moves to it (paced), with progress in a
/// private message that is edited as it goes.
async fn move_moderator_access(ctx: Context<'_>, guild: u64) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    use messages::setup as m;
    let db = &ctx.data().db;
    let Some(pending) = pairing::pending_access_move(db, guild).await? else {
        return Ok(());
    };
    let total = pending.channels.len();
    let reply = |text: String| poise::CreateReply::default().content(text).ephemeral(true);
    let note = ctx.send(reply(m::access_progress(l, 0, total))).await?;
    let (tx, mut rx) = tokio::sync::watch::channel((0, total));
    let http = ctx.http();
    let sweep = async move {
        let moved = pending.apply(http, db, Some(&tx)).await;
        drop(tx);
        moved
    };
    let show = async {
        while rx.changed().await.is_ok() {
            let (done, total) = *rx.borrow_and_update();
            let _ = note
                .edit(ctx, reply(m::access_progress(l, done, total)))
                .await;
        }
    };
    let (moved, ()) = tokio::join!(sweep, show);
    let text = match moved {
        Ok(n) => m::access_moved(l, n),
        // Nothing is lost: the sweep is finished at the next start or the next `/setup`.
        Err(e) => {
            tracing::warn!(error = %e, "moderator access sweep stopped");
            m::ACCESS_UNFINISHED.get(l)
        }
    };
    note.edit(ctx, reply(text)).await?;
    Ok(())
}

/// The circle's schedule: `off` turns it off.
fn circle_schedule(l: Locale, text: Option<&str>) -> Result<Option<Option<Cron>>, Error> {
    match text.map(str::trim) {
        None => Ok(None),
        Some(t) if t.eq_ignore_ascii_case("off") => Ok(Some(None)),
        Some(t) => circle::parse_schedule(t)
            .map(|c| Some(Some(c)))
            .map_err(|e| Error::user(messages::circle::bad_schedule(l, t, &e))),
    }
}

/// A schedule option: `default` goes back to the configured one.
fn schedule(l: Locale, option: &str, text: Option<&str>) -> Result<Option<Option<Cron>>, Error> {
    match text.map(str::trim) {
        None => Ok(None),
        Some(t) if t.eq_ignore_ascii_case("default") => Ok(Some(None)),
        Some(t) => Cron::parse(t)
            .map(|c| Some(Some(c)))
            .map_err(|e| Error::user(messages::setup::bad_schedule(l, option, t, &e))),
    }
}

/// The permissions of `needed` the bot lacks server-wide, as the gateway cache knows them
/// (none when the cache does not know the server yet: the next step finds out).
fn server_permissions_missing(
    ctx: Context<'_>,
    guild_id: serenity::GuildId,
    needed: serenity::Permissions,
) -> Vec<&'static str> {
    let cache = &ctx.serenity_context().cache;
    let bot = cache.current_user().id;
    let have = cache.guild(guild_id).and_then(|g| {
        let member = g.members.get(&bot)?;
        Some(g.member_permissions(member))
    });
    have.map(|have| channels::missing(have, needed))
        .unwrap_or_default()
}

/// One sentence per configured channel where the bot lacks something it will need.
async fn permission_warnings(
    ctx: Context<'_>,
    guild_id: serenity::GuildId,
    settings: &GuildSettings,
) -> Result<Vec<String>, Error> {
    let l = crate::discord::locale(ctx);
    let circle = settings
        .circle_channel_id
        .filter(|_| settings.circle_cron.is_some());
    let stage = circle.is_some_and(|c| {
        ctx.serenity_context()
            .cache
            .guild(guild_id)
            .and_then(|g| g.channels.get(&serenity::ChannelId::new(c)).map(|c| c.kind))
            == Some(serenity::ChannelType::Stage)
    });
    let hub = settings
        .pair_hub_channel_id
        .filter(|_| settings.pair_space == PairSpace::Threads);
    let checks = [
        (settings.pair_category_id, NEEDED_IN_CATEGORY),
        (hub, channels::NEEDED_IN_HUB),
        (settings.digest_channel_id, NEEDED_IN_DIGEST),
        (circle, channels::needed_for_circle(stage)),
    ];
    let mut out = Vec::new();
    for (channel, needed) in checks {
        let Some(channel) = channel.map(serenity::ChannelId::new) else {
            continue;
        };
        let have =
            match channels::bot_permissions_in(ctx.serenity_context(), guild_id, channel).await {
                Ok(have) => have,
                // Deleted by hand or out of the bot's sight: the admin can choose another.
                Err(serenity::Error::Http(e))
                    if e.status_code()
                        .is_some_and(|s| matches!(s.as_u16(), 403 | 404)) =>
                {
                    out.push(messages::setup::channel_unreachable(
                        l,
                        &format!("<#{channel}>"),
                    ));
                    continue;
                }
                Err(e) => {
                    return Err(anyhow::Error::new(e)
                        .context("checking the bot's permissions")
                        .into())
                }
            };
        let missing = channels::missing(have, needed);
        if !missing.is_empty() {
            out.push(messages::setup::missing_permissions(
                l,
                &format!("<#{channel}>"),
                &missing,
            ));
        }
    }
    Ok(out)
}

fn summary(
    ctx: Context<'_>,
    s: &GuildSettings,
    headline: &str,
    warnings: &[String],
) -> serenity::CreateEmbed {
    let l = crate::discord::locale(ctx);
    use messages::setup as m;
    let or_not_set = |v: Option<String>| v.unwrap_or_else(|| m::NOT_SET.get(l));
    let mut embed = serenity::CreateEmbed::new()
        .title(m::TITLE.get(l))
        .description(headline)
        .field(
            m::DIGEST_CHANNEL.get(l),
            or_not_set(s.digest_channel_id.map(|c| format!("<#{c}>"))),
            true,
        )
        .field(
            m::MODERATOR_ROLE.get(l),
            or_not_set(s.moderator_role_id.map(|r| format!("<@&{r}>"))),
            true,
        )
        .field(
            m::PAIR_CATEGORY.get(l),
            or_not_set(s.pair_category_id.map(|c| format!("<#{c}>"))),
            true,
        )
        .field(
            m::TIMEZONE.get(l),
            m::timezone_value(l, s.timezone, ctx.data().clock.now()),
            true,
        )
        .field(m::LANGUAGE.get(l), format!("`{}`", s.language), true)
        .field(
            m::BOT_LANGUAGE.get(l),
            m::bot_language_value(l, s.bot_language, s.locale()),
            true,
        )
        .field(
            m::MENTOR_APPROVAL.get(l),
            m::mentor_approval_value(s.require_mentor_approval).get(l),
            true,
        )
        .field(
            messages::guide::SETUP_ORIENTATION.get(l),
            messages::guide::orientation_value(s.require_orientation).get(l),
            true,
        )
        .field(
            m::ENDED_CHANNELS.get(l),
            m::archive_value(s.archive_mode).get(l),
            true,
        )
        .field(
            m::PAIR_SPACE.get(l),
            m::pair_space_value(l, s.pair_space, s.pair_hub_channel_id),
            true,
        );
    let data = ctx.data();
    let now = data.clock.now();
    for (name, kind, own) in [
        (m::CHECKINS.get(l), Kind::Checkin, &s.checkin_cron),
        (m::PULSE.get(l), Kind::Pulse, &s.pulse_cron),
        (m::DIGEST.get(l), Kind::Digest, &s.digest_cron),
    ] {
        // Every scheduled kind has a schedule: the server's own or the configured default.
        let Some(cron) = crate::jobs::cron_for(&data.settings, s, kind) else {
            continue;
        };
        let next = cron.next_after(s.timezone, now).map(|t| t.timestamp());
        let value = m::schedule_value(l, cron.as_str(), own.is_none(), next);
        embed = embed.field(name, value, true);
    }
    let circle = match (&s.circle_cron, s.circle_channel_id) {
        (Some(cron), Some(voice)) => {
            let next = cron.next_after(s.timezone, now).map(|t| t.timestamp());
            messages::circle::setup_value(l, cron.as_str(), voice, next)
        }
        _ => messages::circle::SETUP_OFF.get(l),
    };
    embed = embed.field(messages::circle::SETUP_FIELD.get(l), circle, true);
    let anonymity = data.settings.anonymity_min(s);
    embed = embed.field(m::ANONYMITY.get(l), m::anonymity_value(l, anonymity), true);
    if !s.invalid.is_empty() {
        let lines: Vec<String> = s
            .invalid
            .iter()
            .map(|i| m::invalid_setting(l, i.field, &i.value))
            .collect();
        embed = embed.field(
            m::NEEDS_ATTENTION.get(l),
            messages::fit_lines(l, &lines, 1000),
            false,
        );
    }
    let missing = s.missing();
    if !missing.is_empty() {
        embed = embed.field(
            m::STILL_TO_CHOOSE.get(l),
            m::still_to_choose(l, &missing),
            false,
        );
    }
    if !warnings.is_empty() {
        embed = embed.field(m::PERMISSIONS.get(l), warnings.join("\n"), false);
    }
    // New pairs need a channel each: near Discord's limit, say so before it is reached.
    let channels = ctx
        .serenity_context()
        .cache
        .guild(serenity::GuildId::new(s.guild_id))
        .map(|g| g.channels.len());
    if let Some(n) = channels.filter(|n| crate::domain::pair::near_channel_limit(*n)) {
        let mut text = m::near_channel_limit(l, n);
        if s.pair_space == PairSpace::Channels {
            text = format!("{text} {}", m::USE_THREADS.get(l));
        }
        embed = embed.field(m::CHANNELS.get(l), text, false);
    }
    if missing.is_empty() && warnings.is_empty() && s.invalid.is_empty() {
        embed = embed.footer(serenity::CreateEmbedFooter::new(m::READY.get(l)));
    }
    embed
}
