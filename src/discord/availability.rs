//! Living mentor availability on Discord: the monthly round, each mentor's DM ("Still up for
//! mentoring?" with Yes / Pause a month / Step back), the answer, and the pause when a week
//! passed without one. A mentor's own status only: their pairs are never touched or told.

use poise::serenity_prelude as serenity;
use serenity::{ComponentInteraction, CreateActionRow, CreateButton};

use super::courier::SendError;
use super::custom_id::CustomId;
use super::scheduled::Scheduled;
use super::{ack, dm, messages, pairing, quiet, Data, Error};
use crate::domain::availability::{self, Answer};
use crate::domain::schedule::{Kind, NewOccurrence, Occurrence};
use crate::jobs::Outcome;
use crate::store::{Answered, AuditEntry};
use crate::text::Locale;

use messages::availability as m;

/// The three answers under the question.
fn buttons(l: Locale, guild: u64, owner: u64, ask: i64) -> Vec<CreateActionRow> {
    let button = |answer: Answer, style| {
        CreateButton::new(CustomId::StillMentoring {
            guild,
            owner,
            ask,
            answer,
        })
        .label(m::button(l, answer))
        .style(style)
    };
    vec![CreateActionRow::Buttons(vec![
        button(Answer::Yes, serenity::ButtonStyle::Success),
        button(Answer::PauseMonth, serenity::ButtonStyle::Secondary),
        button(Answer::StepBack, serenity::ButtonStyle::Secondary),
    ])]
}

impl Scheduled {
    /// The monthly round: one question for each active mentor (each its own occurrence, so
    /// each is sent once), but not for mentors who enrolled in the last two weeks.
    #[tracing::instrument(skip_all, fields(occurrence = o.id, guild = o.guild_id))]
    pub(super) async fn availability_round(&self, o: &Occurrence) -> anyhow::Result<Outcome> {
        let since = self.clock.now() - availability::new_mentor_grace();
        let mentors = self.db.mentors_to_ask(o.guild_id, since).await?;
        if mentors.is_empty() {
            return Ok(Outcome::Skipped("no mentor to ask".into()));
        }
        tracing::info!(mentors = mentors.len(), "availability round");
        Ok(Outcome::Sent {
            message: None,
            then: mentors
                .into_iter()
                .map(|user| NewOccurrence {
                    guild_id: o.guild_id,
                    kind: Kind::AvailabilityAsk,
                    target: user,
                    scheduled_for: o.scheduled_for,
                    parent_id: Some(o.id),
                })
                .collect(),
        })
    }

    /// One mentor's question, by DM only: it is theirs alone. A mentor whose DMs are closed
    /// is not asked, so never paused for not answering.
    #[tracing::instrument(skip_all, fields(occurrence = o.id, user = o.target))]
    pub(super) async fn availability_ask(&self, o: &Occurrence) -> anyhow::Result<Outcome> {
        let (guild, user) = (o.guild_id, o.target);
        if let Some(stop) = self.anyone_left(guild, &[user]).await? {
            return Ok(stop);
        }
        let now = self.clock.now();
        let answer_by = now + chrono::Duration::days(self.settings.availability.answer_days.into());
        self.db
            .record_availability_ask(o.id, guild, user, now)
            .await?;
        let l = pairing::reader_locale(&self.db, guild, user).await;
        let name = dm::guild_name(&self.cache, serenity::GuildId::new(guild));
        let message = quiet::message()
            .content(m::ask(l, &name, answer_by))
            .components(buttons(l, guild, user, o.id));
        match self.dm_once(user, o.id, message).await {
            Ok(sent) => Ok(Outcome::Sent {
                message: Some(sent),
                then: vec![NewOccurrence {
                    guild_id: guild,
                    kind: Kind::AvailabilityExpire,
                    target: user,
                    scheduled_for: answer_by,
                    parent_id: Some(o.id),
                }],
            }),
            Err(SendError::Unavailable(why)) => Ok(Outcome::Retry(why)),
            Err(e) => Ok(Outcome::Failed(format!("DM refused: {e}"))),
        }
    }

    /// A week without an answer: the mentor is paused (no new mentees; their pairs carry on,
    /// untold), and their question says so, its buttons still there to come back.
    #[tracing::instrument(skip_all, fields(occurrence = o.id, user = o.target))]
    pub(super) async fn availability_expire(&self, o: &Occurrence) -> anyhow::Result<Outcome> {
        let Some(ask) = o.parent_id else {
            return Ok(Outcome::Skipped("no question".into()));
        };
        let entry = AuditEntry {
            guild_id: o.guild_id,
            actor_id: None,
            action: "mentor.pause".into(),
            target_id: Some(o.target),
            detail: Some("no answer to the availability question".into()),
            at: self.clock.now(),
        };
        if !self.db.pause_unanswered(ask, &entry).await? {
            return Ok(Outcome::Skipped("answered, or not active".into()));
        }
        tracing::info!("mentor paused: no answer");
        if let Some(asked) = self.db.occurrence(ask).await? {
            if let (Some(channel), Some(message)) = (asked.channel_id, asked.message_id) {
                let l = pairing::reader_locale(&self.db, o.guild_id, o.target).await;
                let name = dm::guild_name(&self.cache, serenity::GuildId::new(o.guild_id));
                let body = serde_json::json!({
                    "content": m::unanswered(l, &name),
                    "components": buttons(l, o.guild_id, o.target, ask),
                });
                let path = format!("/channels/{channel}/messages/{message}");
                // The pause stands either way; the DM only says so.
                if let Err(e) = self.courier.json(reqwest::Method::PATCH, &path, body).await {
                    tracing::warn!(error = %e, "the question could not be updated");
                }
            }
        }
        Ok(Outcome::Sent {
            message: None,
            then: Vec::new(),
        })
    }
}

/// A mentor answers (or changes the answer): stored with the status it means, and the
/// question shows what now holds, with its buttons to change it again.
pub(super) async fn answer(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
    id: (u64, u64, i64),
    answer: Answer,
) -> Result<(), Error> {
    let (guild, owner, ask) = id;
    let l = crate::discord::locale_of(&press.locale);
    let now = data.clock.now();
    let entry = AuditEntry {
        guild_id: guild,
        actor_id: Some(owner),
        action: "mentor.availability".into(),
        target_id: Some(owner),
        detail: Some(answer.as_str().into()),
        at: now,
    };
    let was_paused = match data
        .db
        .answer_availability(guild, owner, ask, answer, &entry)
        .await?
    {
        Answered::Saved { was_paused } => was_paused,
        Answered::Same => return Err(Error::user(m::SAME)),
        Answered::NotMentor => return Err(Error::user(m::NOT_A_MENTOR)),
    };
    let until = availability::after(answer, now).and_then(|(_, until)| until);
    let name = dm::guild_name(&ctx.cache, serenity::GuildId::new(guild));
    let text = m::answered(l, &name, answer, until, was_paused.is_some());
    let update = quiet::response()
        .content(text)
        .components(buttons(l, guild, owner, ask));
    ack::component(
        &ctx.http,
        press,
        serenity::CreateInteractionResponse::UpdateMessage(update),
    )
    .await?;
    Ok(())
}
