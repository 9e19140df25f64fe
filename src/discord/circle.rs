//! The mentors' circle on Discord: a week before each meeting the scheduler makes sure of the
//! mentors-only channel (made once, its members brought up to date each time), creates the
//! scheduled event in the chosen voice or stage channel and announces it; the day before it
//! reminds the mentors. Every step is safe to repeat: a retry after a crash finds the channel
//! (recorded, or by name and the bot's own overwrite), the event (the bot's, at that start)
//! and the message (the same words among the latest) instead of making them again.

use chrono::{DateTime, SecondsFormat, Utc};
use poise::serenity_prelude as serenity;
use serde_json::{json, Value};
use serenity::{CreateAllowedMentions, Permissions, UserId};

use super::courier::{SendError, UNKNOWN_CHANNEL};
use super::scheduled::Scheduled;
use super::{dm, messages, quiet};
use crate::domain::circle;
use crate::domain::guild::GuildSettings;
use crate::domain::member::{Role, Status};
use crate::domain::schedule::{Kind, NewOccurrence, Occurrence};
use crate::jobs::Outcome;

use messages::circle as m;
use reqwest::Method;

/// What each mentor may do in the mentors' channel.
const MENTOR_ALLOW: Permissions = super::pairing::MEMBER_ALLOW;
/// What the bot gives itself there. Not Manage Roles: Discord lets only administrators grant
/// that in an overwrite; the bot's server-wide Manage Roles lets it keep the member list.
const BOT_ALLOW: Permissions = super::pairing::BOT_ALLOW.union(Permissions::READ_MESSAGE_HISTORY);
/// Discord's channel types for a stage and a text channel, and a permission overwrite's
/// target types.
const STAGE: u64 = 13;
const TEXT: u64 = 0;
const ROLE_OVERWRITE: u64 = 0;
const MEMBER_OVERWRITE: u64 = 1;
/// Scheduled events' entity types and the "scheduled" status.
const STAGE_EVENT: u64 = 1;
const VOICE_EVENT: u64 = 2;
const EVENT_SCHEDULED: u64 = 1;
/// Only members of the server see the event.
const GUILD_ONLY: u64 = 2;

/// Why a step stopped the delivery.
type Stop = Outcome;

fn id_of(v: &Value) -> Option<u64> {
    v["id"].as_str()?.parse().ok()
}

/// A failed request as the delivery's outcome: later for an outage, for good otherwise.
fn stopped(e: SendError) -> Stop {
    match e {
        SendError::Unavailable(why) => Outcome::Retry(why),
        e => Outcome::Failed(e.to_string()),
    }
}

/// Discord refused for lack of permissions (or of access).
fn forbidden(e: &SendError) -> bool {
    matches!(
        e,
        SendError::Permanent { code, .. }
            if *code == super::courier::MISSING_PERMISSIONS || *code == super::courier::MISSING_ACCESS
    )
}

/// The meeting an occurrence is for, and the settings, if the circle still meets.
struct Circle {
    settings: GuildSettings,
    voice: u64,
    starts_at: DateTime<Utc>,
}

impl Scheduled {
    /// The circle an occurrence belongs to, or why it is not sent.
    async fn circle_of(&self, o: &Occurrence) -> anyhow::Result<Result<Circle, Stop>> {
        let settings = self.db.guild_settings_or_new(o.guild_id).await?;
        let (Some(_), Some(voice)) = (&settings.circle_cron, settings.circle_channel_id) else {
            return Ok(Err(Outcome::Skipped("the mentors' circle is off".into())));
        };
        let Some(starts_at) = DateTime::from_timestamp(o.target as i64, 0) else {
            return Ok(Err(Outcome::Failed("no meeting time".into())));
        };
        if starts_at <= self.clock.now() {
            return Ok(Err(Outcome::Skipped("the meeting has begun".into())));
        }
        Ok(Ok(Circle {
            settings,
            voice,
            starts_at,
        }))
    }

    /// A week ahead: the channel, the event, the announcement; then the reminder is planned.
    #[tracing::instrument(skip_all, fields(occurrence = o.id, guild = o.guild_id))]
    pub(super) async fn circle_announcement(&self, o: &Occurrence) -> anyhow::Result<Outcome> {
        let c = match self.circle_of(o).await? {
            Ok(c) => c,
            Err(stop) => return Ok(stop),
        };
        let mentors = self.active_mentors(o.guild_id).await?;
        if mentors.is_empty() {
            return Ok(Outcome::Skipped("no active mentors".into()));
        }
        let (channel, stage) = match self.mentors_channel(&c, &mentors).await? {
            Ok(found) => found,
            Err(stop) => return Ok(stop),
        };
        let event = match self.event(&c, Some(stage)).await? {
            Ok(Some(event)) => event,
            Ok(None) => return Ok(Outcome::Failed("event not created".into())),
            Err(stop) => return Ok(stop),
        };
        let l = c.settings.locale();
        let link = m::event_link(o.guild_id, event);
        let text = m::announcement(l, c.starts_at.timestamp(), c.voice, &link);
        let then: Vec<NewOccurrence> = circle::reminder_at(c.starts_at, self.clock.now())
            .map(|at| NewOccurrence {
                guild_id: o.guild_id,
                kind: Kind::CircleReminder,
                target: o.target,
                scheduled_for: at,
                parent_id: Some(o.id),
            })
            .into_iter()
            .collect();
        let sent = match self.sent_before(o, channel).await {
            Ok(sent) => sent,
            Err(stop) => return Ok(stop),
        };
        let message = quiet::message().content(text.clone());
        Ok(self
            .post_once(o, channel, &sent, &text, message, then)
            .await)
    }

    /// The day before: the mentors (brought up to date) are pinged, unless the event was
    /// cancelled or deleted meanwhile.
    #[tracing::instrument(skip_all, fields(occurrence = o.id, guild = o.guild_id))]
    pub(super) async fn circle_reminder(&self, o: &Occurrence) -> anyhow::Result<Outcome> {
        let c = match self.circle_of(o).await? {
            Ok(c) => c,
            Err(stop) => return Ok(stop),
        };
        let event = match self.event(&c, None).await? {
            Ok(Some(event)) => event,
            Ok(None) => return Ok(Outcome::Skipped("the event was cancelled".into())),
            Err(stop) => return Ok(stop),
        };
        let mentors = self.active_mentors(o.guild_id).await?;
        if mentors.is_empty() {
            return Ok(Outcome::Skipped("no active mentors".into()));
        }
        let channel = match self.mentors_channel(&c, &mentors).await? {
            Ok((channel, _)) => channel,
            Err(stop) => return Ok(stop),
        };
        let l = c.settings.locale();
        let link = m::event_link(o.guild_id, event);
        let parts = m::reminder(l, c.starts_at.timestamp(), c.voice, &link, &mentors);
        let pinging = |text: &str, named: &[u64]| {
            quiet::message().content(text).allowed_mentions(
                CreateAllowedMentions::new().users(named.iter().map(|u| UserId::new(*u))),
            )
        };
        let sent = match self.sent_before(o, channel).await {
            Ok(sent) => sent,
            Err(stop) => return Ok(stop),
        };
        let (first, named) = &parts[0];
        let outcome = self
            .post_once(o, channel, &sent, first, pinging(first, named), Vec::new())
            .await;
        if !matches!(outcome, Outcome::Sent { .. }) {
            return Ok(outcome);
        }
        // The mentors one message could not hold, in more (only the first carries the
        // occurrence's nonce, so each is looked for before a retry posts it again).
        for (text, named) in &parts[1..] {
            if same_words(&sent, text).is_some() {
                continue;
            }
            if let Err(e) = self.courier.post(channel, &pinging(text, named)).await {
                return Ok(stopped(e));
            }
        }
        Ok(outcome)
    }

    async fn active_mentors(&self, guild: u64) -> anyhow::Result<Vec<u64>> {
        Ok(self
            .db
            .members_with_status(guild, Role::Mentor, Status::Active)
            .await?
            .into_iter()
            .map(|p| p.user_id)
            .collect())
    }

    /// On a retry (a crash after a send, later than Discord remembers nonces), the bot's own
    /// latest messages in `channel`, to look for what it posted before; nothing on a first try.
    async fn sent_before(&self, o: &Occurrence, channel: u64) -> Result<Vec<Value>, Stop> {
        if o.attempts <= 1 {
            return Ok(Vec::new());
        }
        let bot = self.cache.current_user().id.to_string();
        let recent = self
            .courier
            .recent_messages(channel)
            .await
            .map_err(stopped)?;
        Ok(recent
            .into_iter()
            .filter(|msg| msg["author"]["id"].as_str() == Some(bot.as_str()))
            .collect())
    }

    /// Posts `message` unless `sent` (see [`Scheduled::sent_before`]) holds the same words.
    async fn post_once(
        &self,
        o: &Occurrence,
        channel: u64,
        sent: &[Value],
        text: &str,
        message: serenity::CreateMessage,
        then: Vec<NewOccurrence>,
    ) -> Outcome {
        if let Some(id) = same_words(sent, text) {
            return Outcome::Sent {
                message: Some((channel, id)),
                then,
            };
        }
        self.post(o, channel, message, then, false, &[]).await
    }

    /// The mentors-only channel, made if there is none, with exactly the active mentors let
    /// in (besides the bot and the moderators' role); and whether the circle meets on a stage.
    async fn mentors_channel(
        &self,
        c: &Circle,
        mentors: &[u64],
    ) -> anyhow::Result<Result<(u64, bool), Stop>> {
        let guild = c.settings.guild_id;
        let channels = match self
            .courier
            .json(
                Method::GET,
                &format!("/guilds/{guild}/channels"),
                Value::Null,
            )
            .await
        {
            Ok(list) => list.as_array().cloned().unwrap_or_default(),
            Err(e) => return Ok(Err(stopped(e))),
        };
        let find = |id: u64| channels.iter().find(|ch| id_of(ch) == Some(id));
        let Some(voice) = find(c.voice) else {
            self.tell_moderators(guild, |l| m::NO_VOICE_CHANNEL.get(l))
                .await;
            return Ok(Err(Outcome::Failed(
                "the circle's voice channel is gone".into(),
            )));
        };
        let stage = voice["type"].as_u64() == Some(STAGE);
        let bot = self.cache.current_user().id.get();
        let ours = |ch: &&Value| {
            ch["type"].as_u64() == Some(TEXT)
                && ch["permission_overwrites"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|w| {
                        w["type"].as_u64() == Some(MEMBER_OVERWRITE)
                            && id_of(w) == Some(bot)
                            && allow_of(w).contains(BOT_ALLOW)
                    })
        };
        let l = c.settings.locale();
        let existing = c
            .settings
            .circle_text_channel_id
            .and_then(find)
            // Made before a crash kept the bot from recording it.
            .or_else(|| {
                let name = m::CHANNEL_NAME.get(l);
                channels
                    .iter()
                    .filter(ours)
                    .find(|ch| ch["name"].as_str() == Some(name.as_str()))
            });
        if let Some(channel) = existing {
            let id = id_of(channel).unwrap_or_default();
            if c.settings.circle_text_channel_id != Some(id) {
                self.db.set_circle_text_channel(guild, Some(id)).await?;
            }
            return Ok(match self.sync_access(id, channel, bot, mentors).await {
                Ok(()) => Ok((id, stage)),
                Err(e) if forbidden(&e) => {
                    self.tell_moderators(guild, |l| m::CANNOT_MAKE_CHANNEL.get(l))
                        .await;
                    Err(stopped(e))
                }
                Err(e) => Err(stopped(e)),
            });
        }
        let body = json!({
            "name": m::CHANNEL_NAME.get(l),
            "type": TEXT,
            "topic": m::CHANNEL_TOPIC.get(l),
            "parent_id": voice["parent_id"],
            "permission_overwrites": overwrites(&c.settings, bot, mentors),
        });
        let made = self
            .courier
            .json(Method::POST, &format!("/guilds/{guild}/channels"), body)
            .await;
        match made {
            Ok(channel) => {
                let id = id_of(&channel).unwrap_or_default();
                self.db.set_circle_text_channel(guild, Some(id)).await?;
                tracing::info!(channel = id, "made the mentors' channel");
                Ok(Ok((id, stage)))
            }
            Err(e) => {
                if forbidden(&e) {
                    self.tell_moderators(guild, |l| m::CANNOT_MAKE_CHANNEL.get(l))
                        .await;
                }
                Ok(Err(stopped(e)))
            }
        }
    }

    /// Lets in the mentors the channel lacks and takes out those who no longer mentor (only
    /// overwrites the bot gives: a moderator's own changes stay).
    async fn sync_access(
        &self,
        channel: u64,
        listed: &Value,
        bot: u64,
        mentors: &[u64],
    ) -> Result<(), SendError> {
        let granted: Vec<u64> = listed["permission_overwrites"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|w| w["type"].as_u64() == Some(MEMBER_OVERWRITE))
            .filter(|w| allow_of(w) == MENTOR_ALLOW && deny_of(w).is_empty())
            .filter_map(id_of)
            .filter(|id| *id != bot)
            .collect();
        let (add, remove) = circle::access_changes(&granted, mentors);
        for user in add {
            let body = json!({
                "type": MEMBER_OVERWRITE,
                "allow": MENTOR_ALLOW.bits().to_string(),
                "deny": "0",
            });
            let path = format!("/channels/{channel}/permissions/{user}");
            self.courier.json(Method::PUT, &path, body).await?;
        }
        for user in remove {
            let path = format!("/channels/{channel}/permissions/{user}");
            match self.courier.json(Method::DELETE, &path, Value::Null).await {
                // Someone took it away already.
                Err(SendError::Rejected { status: 404, .. }) => {}
                Err(SendError::Permanent {
                    code: UNKNOWN_CHANNEL,
                    ..
                }) => {}
                other => {
                    other?;
                }
            }
        }
        Ok(())
    }

    /// The bot's event for this meeting: found among the server's events (scheduled, not
    /// cancelled), or made when `create` says on a stage or not. `Ok(None)`: there is none.
    async fn event(
        &self,
        c: &Circle,
        create: Option<bool>,
    ) -> anyhow::Result<Result<Option<u64>, Stop>> {
        let guild = c.settings.guild_id;
        let path = format!("/guilds/{guild}/scheduled-events");
        let events = match self.courier.json(Method::GET, &path, Value::Null).await {
            Ok(list) => list.as_array().cloned().unwrap_or_default(),
            Err(e) => return Ok(Err(stopped(e))),
        };
        let bot = self.cache.current_user().id.get();
        let found = events.iter().find(|e| {
            e["creator_id"].as_str().and_then(|s| s.parse().ok()) == Some(bot)
                && e["status"].as_u64() == Some(EVENT_SCHEDULED)
                && e["scheduled_start_time"]
                    .as_str()
                    .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
                    .is_some_and(|t| t == c.starts_at)
        });
        if let Some(event) = found {
            return Ok(Ok(id_of(event)));
        }
        let Some(stage) = create else {
            return Ok(Ok(None));
        };
        let l = c.settings.locale();
        let guild_name = dm::guild_name(&self.cache, serenity::GuildId::new(guild));
        let body = json!({
            "name": m::EVENT_NAME.get(l),
            "description": m::event_description(l, &guild_name),
            "scheduled_start_time": c.starts_at.to_rfc3339_opts(SecondsFormat::Secs, true),
            "privacy_level": GUILD_ONLY,
            "entity_type": if stage { STAGE_EVENT } else { VOICE_EVENT },
            "channel_id": c.voice.to_string(),
        });
        match self.courier.json(Method::POST, &path, body).await {
            Ok(event) => {
                tracing::info!(event = ?id_of(&event), "mentors' circle event created");
                Ok(Ok(id_of(&event)))
            }
            Err(e) => {
                if forbidden(&e) {
                    let voice = c.voice;
                    self.tell_moderators(guild, |l| m::cannot_create_event(l, voice))
                        .await;
                }
                Ok(Err(stopped(e)))
            }
        }
    }
}

/// The message among `sent` that says exactly `text`.
fn same_words(sent: &[Value], text: &str) -> Option<u64> {
    sent.iter()
        .find(|msg| msg["content"].as_str() == Some(text))
        .and_then(id_of)
}

fn bits(v: &Value) -> Permissions {
    let n = v
        .as_str()
        .and_then(|s| s.parse().ok())
        .or_else(|| v.as_u64())
        .unwrap_or(0);
    Permissions::from_bits_truncate(n)
}

fn allow_of(overwrite: &Value) -> Permissions {
    bits(&overwrite["allow"])
}

fn deny_of(overwrite: &Value) -> Permissions {
    bits(&overwrite["deny"])
}

/// The mentors' channel's overwrites: hidden from everyone, open to the bot, the moderators'
/// role and each active mentor.
fn overwrites(settings: &GuildSettings, bot: u64, mentors: &[u64]) -> Vec<Value> {
    let overwrite = |id: u64, kind: u64, allow: Permissions, deny: Permissions| {
        json!({
            "id": id.to_string(),
            "type": kind,
            "allow": allow.bits().to_string(),
            "deny": deny.bits().to_string(),
        })
    };
    let none = Permissions::empty();
    let mut out = vec![
        overwrite(
            settings.guild_id,
            ROLE_OVERWRITE,
            none,
            Permissions::VIEW_CHANNEL,
        ),
        overwrite(bot, MEMBER_OVERWRITE, BOT_ALLOW, none),
    ];
    if let Some(role) = settings.moderator_role_id {
        out.push(overwrite(role, ROLE_OVERWRITE, MENTOR_ALLOW, none));
    }
    out.extend(
        mentors
            .iter()
            .map(|m| overwrite(*m, MEMBER_OVERWRITE, MENTOR_ALLOW, none)),
    );
    out
}
