//! The digest on Discord: the weekly post to the digest channel (one embed with the chart) and
//! `/digest` for moderators.

use poise::serenity_prelude::{CreateAttachment, CreateEmbed, CreateEmbedFooter, Timestamp};

use super::limits;
use super::messages::digest as m;
use crate::digest::Report;

/// The digest embed; `chart` names the attached PNG shown inside it.
pub fn embed(r: &Report, chart: Option<&str>) -> CreateEmbed {
    // The fields and title take about 1,500 characters; the description gets the rest of
    // Discord's 6,000 with room to spare.
    let budget = limits::DESCRIPTION.min(limits::EMBED_TOTAL - 2_500);
    let l = r.locale;
    let mut e = CreateEmbed::new()
        .title(m::title(r))
        .description(m::description(r, budget))
        .footer(CreateEmbedFooter::new(m::footer(l, r.weeks.len())))
        .timestamp(Timestamp::from(r.now));
    for (name, this, last) in m::rows(r) {
        e = e.field(name, m::field_value(l, &this, &last), true);
    }
    if let Some(file) = chart {
        e = e.image(format!("attachment://{file}"));
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

pub fn attachment(png: Vec<u8>, alt: String, file: &str) -> CreateAttachment {
    CreateAttachment::bytes(png, file).description(alt)
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::digest::PairHealth;
    use crate::domain::health::{Assessment, Health, Reason};
    use crate::domain::metrics::{weekly, Facts, Period};
    use crate::domain::pair::{Pair, PairKind, PairStatus};

    /// A report of `red` red pairs, each with every reason at once.
    fn report(red: usize) -> Report {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap();
        let period = Period::ending(now, 8);
        let facts = Facts {
            period,
            members: vec![],
            pairs: vec![],
            messages: vec![],
            meetings: vec![],
            checkins: vec![],
            pulse: vec![],
            goals_done: vec![],
            kudos: vec![],
        };
        let health = (0..red)
            .map(|i| PairHealth {
                pair: Pair {
                    id: i as i64,
                    guild_id: 1,
                    mentor_id: Some(1_300_000_000_000_000_000 + i as u64),
                    mentee_id: Some(1_300_000_000_000_100_000 + i as u64),
                    status: PairStatus::Active,
                    channel_id: Some(1_300_000_000_000_200_000 + i as u64),
                    started_at: now,
                    paused_until: None,
                    ended_at: None,
                    end_reason: None,
                    in_thread: false,
                    kind: PairKind::Pair,
                    others: Vec::new(),
                },
                assessment: Assessment {
                    health: Health::Red,
                    reasons: vec![
                        (
                            Health::Red,
                            Reason::Quiet {
                                days: 40,
                                since_start: false,
                            },
                        ),
                        (Health::Red, Reason::Unanswered(5)),
                        (Health::Red, Reason::LowMood(1.5)),
                        (Health::Amber, Reason::GoalsOverdue(3)),
                    ],
                },
            })
            .collect();
        Report {
            guild_id: 1,
            now,
            period,
            weeks: weekly(&facts, 5),
            anonymity_min: 5,
            health,
            paused: 0,
            open_reports: 0,
            awaiting_orientation: Vec::new(),
            paused_mentors: Vec::new(),
            cycle: None,
            locale: crate::text::Locale::En,
        }
    }

    fn chars(v: &serde_json::Value) -> usize {
        v.as_str().map_or(0, |s| s.chars().count())
    }

    #[test]
    fn three_hundred_red_pairs_fit_discords_embed_limits_with_the_rest_counted() {
        let e = serde_json::to_value(embed(&report(300), Some(m::CHART_FILE))).unwrap();
        let description = chars(&e["description"]);
        assert!(description <= limits::DESCRIPTION, "{description}");
        let fields = e["fields"].as_array().unwrap();
        assert!(fields.len() <= limits::FIELDS);
        let mut total = chars(&e["title"]) + description + chars(&e["footer"]["text"]);
        for f in fields {
            assert!(chars(&f["value"]) <= limits::FIELD_VALUE);
            total += chars(&f["name"]) + chars(&f["value"]);
        }
        assert!(total <= limits::EMBED_TOTAL, "{total}");
        let text = e["description"].as_str().unwrap();
        assert_eq!(text.matches("🔴 **Red**").count(), m::RED_LISTED);
        assert!(
            text.contains("…and 292 more red pairs: `/export` lists every pair"),
            "{text}"
        );
    }

    #[test]
    fn mentors_waiting_on_orientation_are_named_after_the_red_pairs_within_the_limits() {
        let mut r = report(300);
        r.awaiting_orientation = (0..60).map(|i| 1_300_000_000_000_300_000 + i).collect();
        let e = serde_json::to_value(embed(&r, Some(m::CHART_FILE))).unwrap();
        let text = e["description"].as_str().unwrap();
        assert!(text.chars().count() <= limits::DESCRIPTION);
        let waiting = text
            .split("**Waiting on orientation** (60 mentors): ")
            .nth(1)
            .unwrap_or_else(|| panic!("{text}"));
        assert_eq!(waiting.matches("<@").count(), m::ORIENTATION_LISTED);
        assert!(waiting.contains("…and 40 more."), "{waiting}");
        assert!(
            text.contains("🔴 **Red**"),
            "the red pairs still come first"
        );
        // None waiting: not a word about it.
        let text = m::description(&report(1), limits::DESCRIPTION);
        assert!(!text.contains("orientation"), "{text}");
    }

    #[test]
    fn the_alt_text_fits_an_attachment_description_for_half_a_year() {
        let mut r = report(0);
        r.weeks = r.weeks.into_iter().cycle().take(26).collect();
        assert!(m::alt_text(&r).chars().count() <= 1024);
        assert!(m::alt_text(&r).starts_with("Chart of the last 26 weeks"));
    }
}
