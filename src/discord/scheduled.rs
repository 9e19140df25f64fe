//! What the scheduler posts: check-in prompts, reminders, pulse questions and the digest.
//! Sends go through the [`Courier`] (paced, retried, nonce-protected).

use super::quiet;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use poise::serenity_prelude as serenity;
use serde_json::Value;
use serenity::{
    CreateActionRow, CreateAllowedMentions, CreateAttachment, CreateButton, CreateMessage, UserId,
};

use super::courier::{Courier, SendError, MISSING_ACCESS, MISSING_PERMISSIONS, UNKNOWN_CHANNEL};
use super::custom_id::{CustomId, Surface};
use super::presence::Presence;
use super::{channels, digest, dm, messages, pairing};
use crate::clock::SharedClock;
use crate::config::Settings;
use crate::domain::pair::{EndReason, PairStatus};
use crate::domain::schedule::{Kind, NewOccurrence, Occurrence};
use crate::jobs::{Deliver, Outcome};
use crate::store::Db;
use crate::text::Locale;

pub struct Scheduled {
    pub db: Db,
    pub clock: SharedClock,
    pub settings: Arc<Settings>,
    pub courier: Arc<Courier>,
    pub http: Arc<serenity::Http>,
    pub cache: Arc<serenity::Cache>,
    /// Members seen in their server recently (shared with the event handler).
    pub presence: Presence,
}

impl Deliver for Scheduled {
    async fn deliver(&self, o: Occurrence) -> anyhow::Result<Outcome> {
        // Tried before (a crash, a lost answer, a retry later than Discord remembers nonces):
        // it may be on Discord already.
        if o.attempts > 1 {
            if let Some(found) = self.posted_before(&o).await? {
                tracing::info!(
                    id = o.id,
                    kind = o.kind.as_str(),
                    "found on Discord already"
                );
                return Ok(found);
            }
        }
        match o.kind {
            Kind::Checkin => self.checkin(&o).await,
            Kind::Reminder => self.reminder(&o).await,
            Kind::Pulse => self.pulse_round(&o).await,
            Kind::PulseDm => self.pulse_question(&o).await,
            Kind::Digest => self.digest(&o).await,
            Kind::Circle => self.circle_announcement(&o).await,
            Kind::CircleReminder => self.circle_reminder(&o).await,
            Kind::CycleAsk => self.cycle_question(&o).await,
            Kind::CycleEnd => self.cycle_end(&o).await,
            Kind::CycleReport => self.cycle_report(&o).await,
            Kind::Availability => self.availability_round(&o).await,
            Kind::AvailabilityAsk => self.availability_ask(&o).await,
            Kind::AvailabilityExpire => self.availability_expire(&o).await,
        }
    }
}

/// The buttons under a check-in prompt.
pub fn checkin_buttons(l: Locale, occurrence: i64, pair: i64) -> Vec<CreateActionRow> {
    use messages::checkins as m;
    let moods = (1..=5)
        .map(|mood| {
            CreateButton::new(CustomId::CheckinMood {
                checkin: occurrence,
                mood,
            })
            .label(m::mood(l, mood))
            .style(serenity::ButtonStyle::Secondary)
        })
        .collect();
    vec![
        CreateActionRow::Buttons(moods),
        CreateActionRow::Buttons(vec![
            CreateButton::new(CustomId::CheckinAnswer {
                checkin: occurrence,
                reminder: None,
            })
            .label(m::ANSWER_BUTTON.get(l))
            .style(serenity::ButtonStyle::Primary),
            // Always there, so using it stands out to nobody.
            pairing::report_button(l, pair),
        ]),
    ]
}

/// The Answer button under a reminder; its id names the reminder too (its mark on Discord).
fn reminder_button(l: Locale, prompt: i64, reminder: i64) -> CreateActionRow {
    CreateActionRow::Buttons(vec![CreateButton::new(CustomId::CheckinAnswer {
        checkin: prompt,
        reminder: Some(reminder),
    })
    .label(messages::checkins::ANSWER_BUTTON.get(l))
    .style(serenity::ButtonStyle::Primary)])
}

/// The 1–5 buttons under a pulse question; `asked` (the member's own occurrence) marks the
/// message as that member's question.
pub fn pulse_buttons(l: Locale, round: i64, asked: i64) -> Vec<CreateActionRow> {
    let scale = (1..=5)
        .map(|score| {
            CreateButton::new(CustomId::PulseScore {
                round,
                score,
                asked: Some(asked),
            })
            .label(messages::pulse::scale(l, score))
            .style(serenity::ButtonStyle::Secondary)
        })
        .collect();
    vec![CreateActionRow::Buttons(scale)]
}

/// A message that a retry cannot post twice: Discord returns the first one for a repeated nonce.
fn once(occurrence: i64, message: CreateMessage) -> CreateMessage {
    message
        .nonce(serenity::Nonce::String(format!("tandem-{occurrence}")))
        .enforce_nonce(true)
}

/// The custom ids tandem understands among the buttons of a message as Discord returns it.
fn custom_ids(message: &Value) -> impl Iterator<Item = CustomId> + '_ {
    message["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().into_iter().flatten())
        .filter_map(|c| c["custom_id"].as_str())
        .filter_map(|id| CustomId::parse(Surface::Component, id).ok())
}

fn mentioning(users: &[u64]) -> CreateAllowedMentions {
    CreateAllowedMentions::new().users(users.iter().map(|u| UserId::new(*u)))
}

impl Scheduled {
    /// Posts `message` for occurrence `o`, once however often it is retried. If the bot lost
    /// access and `channel` is a pair channel, that pair is marked broken.
    pub(super) async fn post(
        &self,
        o: &Occurrence,
        channel: u64,
        message: CreateMessage,
        then: Vec<NewOccurrence>,
        pair_channel: bool,
        files: &[serenity::CreateAttachment],
    ) -> Outcome {
        let message = once(o.id, message);
        let sent = if files.is_empty() {
            self.courier.post(channel, &message).await
        } else {
            self.courier.post_with_files(channel, &message, files).await
        };
        match sent {
            Ok(id) => {
                if pair_channel {
                    self.reachable(channel).await;
                }
                Outcome::Sent {
                    message: Some((channel, id)),
                    then,
                }
            }
            Err(e) => {
                let check_in = o.kind == Kind::Checkin;
                self.failed(e, pair_channel.then_some(channel), check_in)
                    .await
            }
        }
    }

    /// What a failed send means for the occurrence, and for the pair when `channel` is its
    /// channel: gone (Unknown Channel) breaks the pair; missing permissions make it
    /// unreachable (moderators told once, tried again next round) and break it only after
    /// `jobs.unreachable_rounds` check-in rounds in a row.
    async fn failed(&self, e: SendError, channel: Option<u64>, check_in: bool) -> Outcome {
        let code = match e {
            SendError::Unavailable(why) => return Outcome::Retry(why),
            SendError::Permanent { code, .. }
                if matches!(code, UNKNOWN_CHANNEL | MISSING_ACCESS | MISSING_PERMISSIONS) =>
            {
                code
            }
            e => return Outcome::Failed(e.to_string()),
        };
        let Some(channel) = channel else {
            return Outcome::Failed(format!("no access to the channel (Discord code {code})"));
        };
        let now = self.clock.now();
        let mut broken = code == UNKNOWN_CHANNEL;
        if !broken {
            match self.db.mark_unreachable(channel, now, check_in).await {
                Ok(Some(u)) if u.rounds >= self.settings.jobs.unreachable_rounds => broken = true,
                Ok(Some(u)) if u.first => self.tell_unreachable(&u.pair, channel).await,
                Ok(_) => {}
                Err(e) => {
                    tracing::error!(error = %e, channel, "could not mark the pair unreachable")
                }
            }
        }
        if broken {
            if let Err(e) = pairing::channel_lost(&self.http, &self.db, now, channel).await {
                tracing::error!(error = %e, channel, "could not mark the pair broken");
            }
        }
        Outcome::Failed(format!("no access to the channel (Discord code {code})"))
    }

    /// Without the privileged members intent nobody tells the bot that someone left: before a
    /// round mentions or asks `users`, each is checked. Someone gone is treated as having left
    /// the programme, and the delivery stops (`Some`): skipped, or retried when Discord could
    /// not be asked.
    pub(super) async fn anyone_left(
        &self,
        guild: u64,
        users: &[u64],
    ) -> anyhow::Result<Option<Outcome>> {
        for user in users {
            match self.still_member(guild, *user).await {
                Ok(true) => {}
                Ok(false) => {
                    self.member_left(guild, *user).await?;
                    return Ok(Some(Outcome::Skipped("a member left the server".into())));
                }
                Err(SendError::Unavailable(why)) => return Ok(Some(Outcome::Retry(why))),
                // The server itself is out of reach (the bot was removed): sending says why.
                Err(_) => return Ok(None),
            }
        }
        Ok(None)
    }

    /// Whether `user` is still in `guild`: seen recently, or else looked up.
    async fn still_member(&self, guild: u64, user: u64) -> Result<bool, SendError> {
        let now = self.clock.now();
        if self.presence.recently(guild, user, now) {
            return Ok(true);
        }
        let member = self.courier.is_member(guild, user).await?;
        if member {
            self.presence.seen(guild, user, now);
        }
        Ok(member)
    }

    /// Someone left the server: as a withdrawal, their pairs end ("left the server", the
    /// partner is told kindly) and mentors' places are freed.
    async fn member_left(&self, guild: u64, user: u64) -> anyhow::Result<()> {
        use crate::domain::member::Status;
        tracing::info!(guild, user, "a member left the server");
        let now = self.clock.now();
        for profile in self.db.profiles_of(guild, user).await? {
            let entry = crate::store::AuditEntry {
                guild_id: guild,
                actor_id: None,
                action: "member.left".into(),
                target_id: Some(user),
                detail: Some(profile.role.as_str().into()),
                at: now,
            };
            let current = [Status::Pending, Status::Active, Status::Paused];
            self.db
                .change_status(
                    guild,
                    user,
                    profile.role,
                    &current,
                    Status::Withdrawn,
                    &entry,
                )
                .await?;
        }
        let env = pairing::Env {
            http: &self.http,
            cache: &self.cache,
            db: &self.db,
            now,
        };
        pairing::end_pairs_of(env, guild, user, None, EndReason::LeftServer).await?;
        Ok(())
    }

    /// Tells the moderators, once, which permissions the bot lacks in a pair's channel.
    async fn tell_unreachable(&self, pair: &crate::domain::pair::Pair, channel: u64) {
        let missing = channels::bot_permissions_cached(
            &self.cache,
            serenity::GuildId::new(pair.guild_id),
            serenity::ChannelId::new(channel),
        )
        .map(|have| channels::missing(have, channels::NEEDED_IN_PAIR))
        .unwrap_or_default();
        let rounds = self.settings.jobs.unreachable_rounds;
        self.tell_moderators(pair.guild_id, |l| {
            messages::pairs::unreachable(l, pair, channel, &missing, rounds)
        })
        .await;
    }

    /// A post in a pair channel worked: if the pair was unreachable, it is not any more.
    async fn reachable(&self, channel: u64) {
        if !self.db.is_unreachable(channel).await.unwrap_or(false) {
            return;
        }
        match self.db.mark_reachable(channel, self.clock.now()).await {
            Ok(Some(pair)) => {
                self.tell_moderators(pair.guild_id, |l| {
                    messages::pairs::reachable_again(l, &pair, channel)
                })
                .await;
            }
            Ok(None) => {}
            Err(e) => tracing::error!(error = %e, channel, "could not mark the pair reachable"),
        }
    }

    /// A short notice in the server's digest channel, if it has one (no pings).
    pub(super) async fn tell_moderators(&self, guild: u64, text: impl FnOnce(Locale) -> String) {
        if let Err(e) = pairing::tell_moderators(&self.http, &self.db, guild, text).await {
            tracing::error!(error = %e, guild, "could not read the settings for a notice");
        }
    }

    #[tracing::instrument(skip_all, fields(occurrence = o.id, pair = o.target))]
    async fn checkin(&self, o: &Occurrence) -> anyhow::Result<Outcome> {
        let now = self.clock.now();
        let Some(pair) = self.db.pair(o.target as i64).await? else {
            return Ok(Outcome::Skipped("pair gone".into()));
        };
        let status = pair.status_at(now);
        if status != PairStatus::Active {
            return Ok(Outcome::Skipped(format!("pair {status}")));
        }
        let Some(channel) = pair.channel_id else {
            return Ok(Outcome::Skipped("pair has no channel".into()));
        };
        let members: Vec<u64> = pair.members().collect();
        if let Some(stop) = self.anyone_left(o.guild_id, &members).await? {
            return Ok(stop);
        }
        let goals: Vec<_> = self
            .db
            .goals(pair.id)
            .await?
            .into_iter()
            .filter(|g| g.done_at.is_none())
            .collect();
        let posted_at = o.scheduled_for.max(now);
        let on_time = posted_at + self.settings.checkins.on_time_window();
        let l = pairing::pair_channel_locale(&self.db, &pair).await;
        let mut text = messages::checkins::prompt(l, &members, &goals, on_time.timestamp());
        // A circle's facilitator turns with each check-in it has had.
        let round = self.db.checkins_sent(pair.id).await?;
        if let Some(user) = pair.facilitator(round) {
            text = format!("{text}\n{}", messages::checkins::facilitator(l, user));
        }
        let message = quiet::message()
            .content(text)
            .components(checkin_buttons(l, o.id, pair.id))
            .allowed_mentions(mentioning(&members));
        let reminder = self.reminder_of(o, posted_at);
        Ok(self
            .post(o, channel, message, vec![reminder], true, &[])
            .await)
    }

    /// The one reminder of check-in `o`, posted at `posted_at`.
    fn reminder_of(&self, o: &Occurrence, posted_at: DateTime<Utc>) -> NewOccurrence {
        let remind_after = Duration::hours(i64::from(self.settings.checkins.remind_after_hours));
        NewOccurrence {
            guild_id: o.guild_id,
            kind: Kind::Reminder,
            target: o.target,
            scheduled_for: posted_at + remind_after,
            parent_id: Some(o.id),
        }
    }

    /// Looks for `o`'s message among the latest in the channels it may be in, by the mark
    /// each kind carries (a custom id naming the occurrence, or the digest's dated chart).
    /// Found: what sending would have recorded. `None`: not there, send it.
    async fn posted_before(&self, o: &Occurrence) -> anyhow::Result<Option<Outcome>> {
        // Where to look, and the mark that tells this occurrence's message.
        type Mark = Box<dyn Fn(&Value) -> bool + Send + Sync>;
        let (channels, mark): (Vec<u64>, Mark) = match o.kind {
            Kind::Checkin | Kind::Reminder => {
                let channel = self
                    .db
                    .pair(o.target as i64)
                    .await?
                    .and_then(|p| p.channel_id);
                let (id, prompt) = (o.id, o.parent_id.unwrap_or(0));
                let mark: Mark = if o.kind == Kind::Checkin {
                    Box::new(move |m| {
                        custom_ids(m).any(
                            |c| matches!(c, CustomId::CheckinMood { checkin, .. } if checkin == id),
                        )
                    })
                } else {
                    let answer = CustomId::CheckinAnswer {
                        checkin: prompt,
                        reminder: Some(id),
                    };
                    Box::new(move |m| custom_ids(m).any(|c| c == answer))
                };
                (channel.into_iter().collect(), mark)
            }
            Kind::CycleAsk => {
                let Some(pair) = self.db.pair(o.target as i64).await? else {
                    return Ok(None);
                };
                let cycle = self.db.running_cycle(pair.guild_id).await?.map(|c| c.id);
                let target = o.target as i64;
                let mark: Mark = Box::new(move |m| {
                    custom_ids(m).any(|c| {
                        matches!(c, CustomId::CycleChoice { cycle: c, pair, .. }
                            if Some(c) == cycle && pair == target)
                    })
                });
                (pair.channel_id.into_iter().collect(), mark)
            }
            Kind::PulseDm => {
                // By DM, or in a pair channel when DMs were closed.
                let mut channels = match self.courier.dm_channel(o.target).await {
                    Ok(c) => vec![c],
                    Err(SendError::Unavailable(why)) => return Ok(Some(Outcome::Retry(why))),
                    Err(_) => Vec::new(),
                };
                let pairs = self.db.open_pairs_of(o.guild_id, o.target).await?;
                channels.extend(pairs.iter().filter_map(|p| p.channel_id));
                let (id, round) = (o.id, o.parent_id.unwrap_or(0));
                let mark: Mark = Box::new(move |m| {
                    custom_ids(m).any(|c| {
                        matches!(c, CustomId::PulseScore { round: r, asked: Some(a), .. }
                            if r == round && a == id)
                    })
                });
                (channels, mark)
            }
            Kind::AvailabilityAsk => {
                let channel = match self.courier.dm_channel(o.target).await {
                    Ok(c) => c,
                    Err(SendError::Unavailable(why)) => return Ok(Some(Outcome::Retry(why))),
                    Err(_) => return Ok(None),
                };
                let id = o.id;
                let mark: Mark = Box::new(move |m| {
                    custom_ids(m)
                        .any(|c| matches!(c, CustomId::StillMentoring { ask, .. } if ask == id))
                });
                (vec![channel], mark)
            }
            Kind::Digest | Kind::CycleReport => {
                let settings = self.db.guild_settings_or_new(o.guild_id).await?;
                let file = if o.kind == Kind::Digest {
                    messages::digest::scheduled_chart_file(o.scheduled_for)
                } else {
                    match self.db.cycle(o.target as i64).await? {
                        Some(cycle) => crate::digest::impact::file_name(&cycle, "png"),
                        None => return Ok(None),
                    }
                };
                let mark: Mark = Box::new(move |m| {
                    m["attachments"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .any(|a| a["filename"].as_str() == Some(file.as_str()))
                });
                (settings.digest_channel_id.into_iter().collect(), mark)
            }
            // A round posts nothing itself; starting it again is harmless. The circle's
            // steps each look for what they made before (see `circle.rs`).
            // A cycle's end posts nothing itself (the pairs' endings are each done once).
            // A round and a pause post nothing of their own (the pause's edit is harmless
            // to repeat).
            Kind::Pulse
            | Kind::Circle
            | Kind::CircleReminder
            | Kind::CycleEnd
            | Kind::Availability
            | Kind::AvailabilityExpire => return Ok(None),
        };
        let bot = self.cache.current_user().id.to_string();
        for channel in channels {
            let recent = match self.courier.recent_messages(channel).await {
                Ok(list) => list,
                Err(SendError::Unavailable(why)) => return Ok(Some(Outcome::Retry(why))),
                // No access any more: sending will find out and say so.
                Err(_) => continue,
            };
            let found = recent
                .iter()
                .find(|m| m["author"]["id"].as_str() == Some(bot.as_str()) && mark(m))
                .and_then(|m| m["id"].as_str()?.parse::<u64>().ok());
            if let Some(id) = found {
                let then = match o.kind {
                    Kind::Checkin => {
                        vec![self.reminder_of(o, o.scheduled_for.max(self.clock.now()))]
                    }
                    _ => Vec::new(),
                };
                return Ok(Some(Outcome::Sent {
                    message: Some((channel, id)),
                    then,
                }));
            }
        }
        Ok(None)
    }

    /// A DM to `user` for the occurrence `occurrence`, which a retry cannot post twice:
    /// (channel, message).
    pub(super) async fn dm_once(
        &self,
        user: u64,
        occurrence: i64,
        message: CreateMessage,
    ) -> Result<(u64, u64), SendError> {
        let channel = self.courier.dm_channel(user).await?;
        let id = self
            .courier
            .post(channel, &once(occurrence, message))
            .await?;
        Ok((channel, id))
    }

    /// The weekly digest, posted to the moderators' channel.
    async fn digest(&self, o: &Occurrence) -> anyhow::Result<Outcome> {
        let settings = self.db.guild_settings_or_new(o.guild_id).await?;
        let Some(channel) = settings.digest_channel_id else {
            return Ok(Outcome::Skipped("no digest channel".into()));
        };
        let report = crate::digest::build(
            &self.db,
            &self.settings,
            &settings,
            self.clock.now(),
            crate::digest::DEFAULT_WEEKS,
        )
        .await?;
        let file = messages::digest::scheduled_chart_file(o.scheduled_for);
        let files: Vec<CreateAttachment> = digest::chart_attachment(&report)
            .map(|(png, alt)| digest::attachment(png, alt, &file))
            .into_iter()
            .collect();
        let message = quiet::message().embed(digest::embed(
            &report,
            (!files.is_empty()).then_some(file.as_str()),
        ));
        Ok(self
            .post(o, channel, message, Vec::new(), false, &files)
            .await)
    }

    #[tracing::instrument(skip_all, fields(occurrence = o.id, pair = o.target))]
    async fn reminder(&self, o: &Occurrence) -> anyhow::Result<Outcome> {
        let now = self.clock.now();
        let prompt = match o.parent_id {
            Some(id) => self.db.occurrence(id).await?,
            None => None,
        };
        let (Some(prompt), Some(pair)) = (prompt, self.db.pair(o.target as i64).await?) else {
            return Ok(Outcome::Skipped("check-in gone".into()));
        };
        if pair.status_at(now) != PairStatus::Active {
            return Ok(Outcome::Skipped("pair not active".into()));
        }
        let (Some(channel), Some(message)) = (prompt.channel_id, prompt.message_id) else {
            return Ok(Outcome::Skipped("check-in was not posted".into()));
        };
        let answered = self.db.checkin_answered(prompt.id).await?;
        let waiting: Vec<u64> = pair.members().filter(|u| !answered.contains(u)).collect();
        if waiting.is_empty() {
            return Ok(Outcome::Skipped("everyone answered".into()));
        }
        let link = format!(
            "https://discord.com/channels/{}/{channel}/{message}",
            pair.guild_id
        );
        let l = pairing::pair_channel_locale(&self.db, &pair).await;
        let text = messages::checkins::reminder(l, &waiting, &link);
        let reply = quiet::message()
            .content(text)
            .components(vec![reminder_button(l, prompt.id, o.id)])
            .allowed_mentions(mentioning(&waiting));
        Ok(self.post(o, channel, reply, Vec::new(), true, &[]).await)
    }

    /// A pulse round: one question for every active member, each its own occurrence.
    #[tracing::instrument(skip_all, fields(occurrence = o.id, guild = o.guild_id))]
    async fn pulse_round(&self, o: &Occurrence) -> anyhow::Result<Outcome> {
        let members = self.db.active_member_ids(o.guild_id).await?;
        if members.is_empty() {
            return Ok(Outcome::Skipped("nobody active".into()));
        }
        self.db
            .start_pulse_round(
                o.id,
                o.guild_id,
                &crate::domain::survey::pulse_questions(&self.settings.pulse.questions),
                self.clock.now(),
                chrono::Duration::hours(self.settings.pulse.window_hours.into()),
            )
            .await?;
        tracing::info!(members = members.len(), "pulse round started");
        Ok(Outcome::Sent {
            message: None,
            then: members
                .into_iter()
                .map(|user| NewOccurrence {
                    guild_id: o.guild_id,
                    kind: Kind::PulseDm,
                    target: user,
                    scheduled_for: o.scheduled_for,
                    parent_id: Some(o.id),
                })
                .collect(),
        })
    }

    /// One member's pulse question: by DM, or in their pair channel when DMs are closed.
    #[tracing::instrument(skip_all, fields(occurrence = o.id, user = o.target))]
    async fn pulse_question(&self, o: &Occurrence) -> anyhow::Result<Outcome> {
        let Some(round) = o.parent_id else {
            return Ok(Outcome::Skipped("no round".into()));
        };
        let Some((guild_id, question)) = self.db.pulse_round(round).await? else {
            return Ok(Outcome::Skipped("round gone".into()));
        };
        let user = o.target;
        if let Some(stop) = self.anyone_left(guild_id, &[user]).await? {
            return Ok(stop);
        }
        let settings = self.db.guild_settings_or_new(guild_id).await?;
        let min = self.settings.anonymity_min(&settings);
        let guild = dm::guild_name(&self.cache, serenity::GuildId::new(guild_id));
        let l = pairing::member_locale(&self.db, guild_id, user)
            .await
            .unwrap_or(settings.locale());
        let by_dm = quiet::message()
            .content(messages::pulse::question(l, &guild, &question, min))
            .components(pulse_buttons(l, round, o.id));
        let dm_error = match self.dm_once(user, o.id, by_dm).await {
            Ok(sent) => {
                return Ok(Outcome::Sent {
                    message: Some(sent),
                    then: Vec::new(),
                })
            }
            Err(e) => e,
        };
        if let SendError::Unavailable(why) = dm_error {
            return Ok(Outcome::Retry(why));
        }
        // DMs closed: the pair channel is private to the pair, so ask there.
        let pairs = self.db.open_pairs_of(guild_id, user).await?;
        let Some(channel) = pairs.iter().find_map(|p| p.channel_id) else {
            return Ok(Outcome::Failed(format!(
                "DM refused ({dm_error}) and no pair channel to ask in"
            )));
        };
        let here = quiet::message()
            .content(messages::pulse::question_in_channel(
                l, user, &question, min,
            ))
            .components(pulse_buttons(l, round, o.id))
            .allowed_mentions(mentioning(&[user]));
        Ok(self.post(o, channel, here, Vec::new(), true, &[]).await)
    }
}
