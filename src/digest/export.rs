//! The programme's data as CSV files, for `/export` and `tandem export`. Counts, moods and
//! dates only: what members wrote in check-ins and channels is not exported.

use std::collections::HashMap;

use chrono::{DateTime, SecondsFormat, Utc};

use super::{PairHealth, Report};
use crate::store::{self, Db};

/// One CSV file.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvFile {
    pub name: &'static str,
    pub bytes: Vec<u8>,
}

pub const FILES: [&str; 5] = [
    "members.csv",
    "pairs.csv",
    "checkins.csv",
    "pulse.csv",
    "activity.csv",
];

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] store::StoreError),
    #[error("writing CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("writing CSV: {0}")]
    Io(#[from] std::io::Error),
}

fn time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// A cell a spreadsheet will not run: text starting with `=`, `+`, `-`, `@`, tab or carriage
/// return gets a leading `'` (OWASP's CSV-injection advice); numbers stay numbers.
pub(crate) fn cell(text: &str) -> std::borrow::Cow<'_, str> {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let number = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '.' | 'e' | 'E'))
        && text.parse::<f64>().is_ok();
    if risky && !number {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

fn csv_file(
    name: &'static str,
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> Result<CsvFile, ExportError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header)?;
    for row in rows {
        w.write_record(row.iter().map(|c| cell(c).into_owned()))?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(CsvFile { name, bytes })
}

/// The five CSV files of the server of `report` (whose pair health they include).
pub async fn csv_files(db: &Db, report: &Report) -> Result<Vec<CsvFile>, ExportError> {
    let guild = report.guild_id;
    let members = db.all_profiles(guild).await?;
    let members = csv_file(
        FILES[0],
        &[
            "user_id",
            "role",
            "status",
            "topics",
            "timezone",
            "languages",
            "capacity",
            "enrolled_at",
        ],
        members.into_iter().map(|p| {
            vec![
                p.user_id.to_string(),
                p.role.as_str().into(),
                p.status.as_str().into(),
                p.topics.join(" "),
                p.timezone.name().into(),
                p.languages.join(" "),
                opt(p.capacity),
                time(p.enrolled_at),
            ]
        }),
    )?;

    let pairs = db.all_pairs(guild).await?;
    let activity = db.weekly_activity(guild).await?;
    // One pass over the weekly rows and the report, not one per pair.
    let mut totals: HashMap<i64, (u32, u32)> = HashMap::new();
    for a in &activity {
        let t = totals.entry(a.pair_id).or_default();
        t.0 += a.messages;
        t.1 += a.meetings;
    }
    let health: HashMap<i64, &PairHealth> = report.health.iter().map(|h| (h.pair.id, h)).collect();
    let mut pair_rows = Vec::new();
    for p in pairs {
        let health = health.get(&p.id).copied();
        let (messages, meetings) = totals.get(&p.id).copied().unwrap_or_default();
        pair_rows.push(vec![
            p.id.to_string(),
            opt(p.mentor_id),
            opt(p.mentee_id),
            p.status_at(report.now).as_str().into(),
            time(p.started_at),
            opt(p.ended_at.map(time)),
            opt(p.end_reason.map(|r| r.as_str())),
            health.map_or(String::new(), |h| h.assessment.health.as_str().into()),
            health.map_or(String::new(), |h| super::words::reasons(report.locale, h)),
            messages.to_string(),
            meetings.to_string(),
            p.kind.as_str().into(),
            // A group's mentees, a circle's peers (a pair's two are the columns above).
            p.others
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(" "),
        ]);
    }
    let pairs = csv_file(
        FILES[1],
        &[
            "pair_id",
            "mentor_id",
            "mentee_id",
            "status",
            "started_at",
            "ended_at",
            "end_reason",
            "health",
            "health_reasons",
            "messages",
            "meetings",
            "kind",
            "members",
        ],
        pair_rows,
    )?;

    let checkins = db.export_checkins(guild).await?;
    let checkins = csv_file(
        FILES[2],
        &[
            "checkin_id",
            "pair_id",
            "sent_at",
            "user_id",
            "mood",
            "answered_at",
            "late",
            "wrote_answer",
        ],
        checkins.into_iter().map(|c| {
            vec![
                c.occurrence.to_string(),
                c.pair_id.to_string(),
                time(c.sent_at),
                opt(c.user_id),
                opt(c.mood),
                opt(c.answered_at.map(time)),
                c.late.to_string(),
                c.wrote.to_string(),
            ]
        }),
    )?;

    let min = report.anonymity_min;
    let pulse = db.pulse_totals(guild, report.now).await?;
    let pulse = csv_file(
        FILES[3],
        &["round_id", "started_at", "question", "answers", "average"],
        pulse.into_iter().map(|(id, at, question, n, sum)| {
            // Below the anonymity minimum only the count is shown, as in Discord.
            let average = (n >= min).then(|| format!("{:.2}", sum as f64 / n as f64));
            vec![
                id.to_string(),
                time(at),
                super::words::pulse_question(report.locale, &question),
                n.to_string(),
                opt(average),
            ]
        }),
    )?;

    let activity = csv_file(
        FILES[4],
        &[
            "week_start",
            "pair_id",
            "messages",
            "meetings",
            "meeting_minutes",
            "checkin_answers",
        ],
        activity.into_iter().map(|a| {
            vec![
                a.week.to_string(),
                a.pair_id.to_string(),
                a.messages.to_string(),
                a.meetings.to_string(),
                a.meeting_minutes.to_string(),
                a.checkin_answers.to_string(),
            ]
        }),
    )?;
    Ok(vec![members, pairs, checkins, pulse, activity])
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_a_spreadsheet_would_run_are_quoted_and_numbers_are_left_alone() {
        for (raw, safe) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+cmd", "'+cmd"),
            ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("-inf", "'-inf"),
            ("rust", "rust"),
            ("a=b", "a=b"),
            ("", ""),
            ("-3", "-3"),
            ("-2.50", "-2.50"),
            ("+4", "+4"),
            ("1e3", "1e3"),
        ] {
            assert_eq!(cell(raw), safe, "{raw:?}");
        }
    }
}
