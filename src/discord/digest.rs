//! The digest on Discord: the weekly post to the digest channel (one embed with the chart) and
//! `/digest` for moderators.

use poise::serenity_prelude::{
    CreateAllowedMentions, CreateAttachment, CreateEmbed, CreateEmbedFooter, CreateMessage,
    Timestamp,
};

use super::limits;
use super::messages::digest as m;
use super::scheduled::Scheduled;
use crate::digest::{self, Report};
use crate::domain::schedule::Occurrence;
use crate::jobs::Outcome;

/// The digest embed; `chart` shows the attached PNG inside it.
pub fn embed(r: &Report, chart: bool) -> CreateEmbed {
    // The fields and title take about 1,500 characters; the description gets the rest of
    // Discord's 6,000 with room to spare.
    let budget = limits::DESCRIPTION.min(limits::EMBED_TOTAL - 2_500);
    let mut e = CreateEmbed::new()
        .title(m::title(r))
        .description(m::description(r, budget))
        .footer(CreateEmbedFooter::new(m::footer(r.weeks.len())))
        .timestamp(Timestamp::from(r.now));
    for (name, this, last) in m::rows(r) {
        e = e.field(name, m::field_value(&this, &last), true);
    }
    if chart {
        e = e.image(format!("attachment://{}", m::CHART_FILE));
    }
    e
}

/// The chart as an attachment with its alt text, or `None` (logged) if it could not be drawn:
/// the numbers still go out.
pub fn chart_attachment(r: &Report) -> Option<(Vec<u8>, String)> {
    match r.chart() {
        Ok(png) => Some((png, m::alt_text(r))),
        Err(e) => {
            tracing::error!(error = %e, guild = r.guild_id, "could not draw the digest chart");
            None
        }
    }
}

pub fn attachment(png: Vec<u8>, alt: String) -> CreateAttachment {
    CreateAttachment::bytes(png, m::CHART_FILE).description(alt)
}

pub async fn post(s: &Scheduled, o: &Occurrence) -> anyhow::Result<Outcome> {
    let settings = s.db.guild_settings_or_new(o.guild_id).await?;
    let Some(channel) = settings.digest_channel_id else {
        return Ok(Outcome::Skipped("no digest channel".into()));
    };
    let report = digest::build(
        &s.db,
        &s.settings,
        &settings,
        s.clock.now(),
        digest::DEFAULT_WEEKS,
    )
    .await?;
    let chart = chart_attachment(&report);
    let mut message = CreateMessage::new()
        .embed(embed(&report, chart.is_some()))
        .allowed_mentions(CreateAllowedMentions::new());
    let mut files = Vec::new();
    if let Some((png, alt)) = chart {
        message = message.add_file(attachment(png.clone(), alt));
        files.push((m::CHART_FILE.to_string(), png));
    }
    Ok(s.post(o, channel, message, Vec::new(), false, &files).await)
}
