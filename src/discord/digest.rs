//! The moderators' weekly digest, posted by the scheduler to the digest channel.

use chrono::Duration;
use poise::serenity_prelude::{CreateAllowedMentions, CreateEmbed, CreateMessage};

use super::messages;
use super::scheduled::Scheduled;
use crate::domain::member::Status;
use crate::domain::pair::PairStatus;
use crate::domain::schedule::Occurrence;
use crate::jobs::Outcome;

/// The numbers of the week before the digest.
pub struct Week {
    pub active_pairs: usize,
    pub paused_pairs: usize,
    pub active_members: u32,
    pub waiting: usize,
    pub prompts: u32,
    pub answers: u32,
    pub pulse: Option<(String, f64, u32)>,
}

pub async fn post(s: &Scheduled, o: &Occurrence) -> anyhow::Result<Outcome> {
    let settings = s.db.guild_settings_or_new(o.guild_id).await?;
    let Some(channel) = settings.digest_channel_id else {
        return Ok(Outcome::Skipped("no digest channel".into()));
    };
    let now = s.clock.now();
    let pairs = s.db.open_pairs(o.guild_id).await?;
    let active_pairs = pairs
        .iter()
        .filter(|p| p.status_at(now) == PairStatus::Active)
        .count();
    let active_members =
        s.db.member_counts(o.guild_id)
            .await?
            .into_iter()
            .filter(|(_, status, _)| *status == Status::Active)
            .map(|(_, _, n)| n)
            .sum();
    let (prompts, answers) =
        s.db.checkin_counts(o.guild_id, now - Duration::days(7), now)
            .await?;
    let min = s.settings.anonymity_min(&settings);
    let pulse =
        s.db.latest_pulse_results(o.guild_id)
            .await?
            .filter(|r| r.visible(min))
            .and_then(|r| Some((r.question.clone(), r.average()?, r.answered())));
    let week = Week {
        active_pairs,
        paused_pairs: pairs.len() - active_pairs,
        active_members,
        waiting: s.db.waiting_mentees(o.guild_id).await?.len(),
        prompts,
        answers,
        pulse,
    };
    let m = &messages::digest::fields(&week);
    let mut embed = CreateEmbed::new()
        .title(messages::digest::TITLE)
        .description(messages::digest::period(now.timestamp()));
    for (name, value) in m {
        embed = embed.field(*name, value, true);
    }
    let message = CreateMessage::new()
        .embed(embed)
        .allowed_mentions(CreateAllowedMentions::new());
    Ok(s.post(o, channel, message, Vec::new(), false).await)
}
