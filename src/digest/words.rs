//! The digest's words: the Markdown report, its reasons and actions, and the sentences of the
//! digest and export commands. Here, beside the report they describe, so `digest` needs
//! nothing from `discord` (which re-exports them as `messages::digest`).

use super::{PairHealth, Report};
use crate::domain::health::{Health, Reason};
use crate::domain::metrics::WeekMetrics;

pub const ONLY_MODERATORS: &str =
    "Only moderators can see the digest. Ask a moderator if you'd like to know how the \
     programme is going.";
pub const EXPORT_ONLY_MODERATORS: &str =
    "Only moderators can export the programme's data. To get your own, use `/mydata export`.";
pub const BAD_WEEKS: &str =
    "The chart covers 2 to 26 weeks. Pick a number in that range, or leave `weeks` out for 8.";
pub const CHART_FILE: &str = "digest.png";

/// The chart's file name in a scheduled digest: dated, and so also the mark that tells a
/// restarted bot this digest was posted already.
pub fn scheduled_chart_file(scheduled_for: chrono::DateTime<chrono::Utc>) -> String {
    format!("digest-{}.png", scheduled_for.format("%Y-%m-%d-%H%M"))
}

pub fn exported(at: i64) -> String {
    format!(
        "The programme's data as of <t:{at}:f>. Counts, moods and dates only: what members \
         wrote is not included. Open the files in any spreadsheet."
    )
}
/// At most this many red pairs are named in the post; the rest are counted.
pub const RED_LISTED: usize = 8;

pub fn title(r: &Report) -> String {
    format!(
        "Mentoring digest: week of {}",
        r.this_week().start.format("%-d %b %Y")
    )
}

fn days(n: u32) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

pub fn reason(r: &Reason) -> String {
    match r {
        Reason::Quiet {
            days: d,
            since_start: false,
        } => format!("no messages or meetings for {}", days(*d)),
        Reason::Quiet {
            days: d,
            since_start: true,
        } => format!(
            "no messages or meetings since they were paired {} ago",
            days(*d)
        ),
        Reason::Unanswered(1) => "last check-in unanswered".into(),
        Reason::Unanswered(n) => format!("{n} check-ins unanswered in a row"),
        Reason::LowMood(avg) => format!("low mood (average {avg:.1} of 5)"),
        Reason::MoodFalling { from, to } => format!("mood falling ({from:.1} → {to:.1})"),
        Reason::GoalsOverdue(n) => format!("{} overdue", plural(*n, "goal", "goals")),
    }
}

/// What a moderator could do first about a pair's main problem.
pub fn action(r: &Reason) -> &'static str {
    match r {
        Reason::Quiet { .. } => {
            "say hello in their channel, or ask each privately whether the pairing still works"
        }
        Reason::Unanswered(_) => {
            "ask whether the check-in time suits them; `/pair pause` gives them a break"
        }
        Reason::LowMood(_) | Reason::MoodFalling { .. } => {
            "reach out to each member privately and ask how it's going"
        }
        Reason::GoalsOverdue(_) => "help them re-date or rescope their goals",
    }
}

pub fn reasons(p: &PairHealth) -> String {
    p.assessment
        .reasons
        .iter()
        .map(|(_, r)| reason(r))
        .collect::<Vec<_>>()
        .join(", ")
}

fn who(p: &PairHealth) -> String {
    let person = |u: Option<u64>| u.map_or("(erased)".to_string(), |u| format!("<@{u}>"));
    let channel = p
        .pair
        .channel_id
        .map(|c| format!(" in <#{c}>"))
        .unwrap_or_default();
    format!(
        "{} & {}{channel}",
        person(p.pair.mentor_id),
        person(p.pair.mentee_id)
    )
}

pub fn red_line(p: &PairHealth) -> String {
    let action = p.assessment.main_reason().map(action).unwrap_or_default();
    format!(
        "🔴 **Red**: {}: {}.\n→ Suggested: {action}.",
        who(p),
        reasons(p)
    )
}

/// The post's text above the numbers: period, health counts and the red pairs, cut to
/// `budget` characters with the rest counted.
pub fn description(r: &Report, budget: usize) -> String {
    let this = r.this_week();
    let end = this.start + chrono::Days::new(6);
    let mut out = format!(
        "{} to {} (UTC), compared with the week before.\n\n**Pairs by health:** \
         🟢 {} green · 🟠 {} amber · 🔴 {} red · ⏸️ {} paused",
        this.start.format("%a %-d %b"),
        end.format("%a %-d %b %Y"),
        r.count(Health::Green),
        r.count(Health::Amber),
        r.count(Health::Red),
        r.paused
    );
    let red: Vec<&PairHealth> = r.red().collect();
    if red.is_empty() {
        out.push_str("\nNo pair is red this week.");
        return out;
    }
    out.push_str("\n\n**Needs attention**");
    let mut shown = 0;
    for p in &red {
        let line = format!("\n{}", red_line(p));
        // Leave room for the closing "and N more" line.
        if shown == RED_LISTED || out.chars().count() + line.chars().count() + 120 > budget {
            break;
        }
        out.push_str(&line);
        shown += 1;
    }
    let more = red.len() - shown;
    if more > 0 {
        let pairs = if more == 1 { "pair" } else { "pairs" };
        out.push_str(&format!(
            "\n…and {more} more red {pairs}: `/export` lists every pair with its health \
             (pairs.csv)."
        ));
    }
    out
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

fn num(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

fn answer_rate(w: &WeekMetrics) -> String {
    match w.answer_rate() {
        Some(rate) => format!("{} ({} of {})", pct(rate), w.answers, w.expected_answers),
        None => "no check-ins".into(),
    }
}

fn waiting(w: &WeekMetrics) -> String {
    match w.longest_wait_days {
        Some(d) if w.waiting > 0 => format!("{}, longest {}", w.waiting, days(d)),
        _ => "none".into(),
    }
}

fn load(w: &WeekMetrics) -> String {
    match w.mentees_per_mentor() {
        Some(l) => format!(
            "{l:.1} mentees per mentor, {} of {} full",
            w.mentors_full, w.mentors
        ),
        None => "no active mentors".into(),
    }
}

fn pulse(r: &Report, w: &WeekMetrics) -> String {
    match (w.pulse, w.pulse_hidden) {
        (Some(p), _) => format!("{:.1} of 5 ({} answers)", p.average, p.answers),
        (None, n) if n > 0 => format!("hidden: {n} answers, shown from {}", r.anonymity_min),
        _ => "no pulse".into(),
    }
}

fn retention(w: &WeekMetrics) -> String {
    match w.retention() {
        Some(x) => format!(
            "{} ({} of {} pairs)",
            pct(x),
            w.retained,
            w.retention_cohort
        ),
        None => "no pairs that old yet".into(),
    }
}

/// (name, this week, last week) for each number of the digest.
pub fn rows(r: &Report) -> Vec<(&'static str, String, String)> {
    let (this, last) = (r.this_week(), r.last_week());
    let both = |f: &dyn Fn(&WeekMetrics) -> String| (f(this), f(last));
    let mut rows = Vec::new();
    let mut add = |name: &'static str, (a, b): (String, String)| rows.push((name, a, b));
    add(
        "Active members",
        both(&|w| format!("{} of {}", w.active_members, w.members)),
    );
    add(
        "Active pairs",
        both(&|w| format!("{} of {}", w.active_pairs, w.open_pairs)),
    );
    add("New enrolments", both(&|w| w.new_enrolments.to_string()));
    add("Mentees waiting", both(&waiting));
    add("Mentor load", both(&load));
    add("Check-ins answered", both(&answer_rate));
    add(
        "Per pair (median)",
        both(&|w| {
            let unit = |x: f64, one: &str, many: &str| {
                format!("{} {}", num(x), if x == 1.0 { one } else { many })
            };
            format!(
                "{}, {}",
                unit(w.median_messages, "message", "messages"),
                unit(w.median_meetings, "meeting", "meetings")
            )
        }),
    );
    let mut pulse_now = pulse(r, this);
    if let (Some(_), Some(trend)) = (this.pulse, r.pulse_trend()) {
        let arrow = if trend > 0.05 {
            "up"
        } else if trend < -0.05 {
            "down"
        } else {
            "steady"
        };
        pulse_now.push_str(&format!(", {arrow} {:.1} since the last one", trend.abs()));
    }
    add("Pulse", (pulse_now, pulse(r, last)));
    add("Goals done", both(&|w| w.goals_done.to_string()));
    add("Kudos", both(&|w| w.kudos.to_string()));
    add("Retention (8+ weeks)", both(&retention));
    rows
}

/// An embed field's value: this week, then last week's figure.
pub fn field_value(this: &str, last: &str) -> String {
    format!("**{this}**\nlast week: {last}")
}

pub fn footer(weeks: usize) -> String {
    format!(
        "Chart: the last {weeks} weeks. Weeks run Monday to Sunday, UTC. \
         /export has the full data."
    )
}

/// The chart's alt text: every number it shows.
pub fn alt_text(r: &Report) -> String {
    let list =
        |f: &dyn Fn(&WeekMetrics) -> String| r.weeks.iter().map(f).collect::<Vec<_>>().join(", ");
    let text =
        format!(
        "Chart of the last {} weeks, oldest first. Check-in answer rate: {}. Active pairs: {}. \
         Pulse average: {}.",
        r.weeks.len(),
        list(&|w| w.answer_rate().map_or("none".into(), pct)),
        list(&|w| w.active_pairs.to_string()),
        list(&|w| w.pulse.map_or("none".into(), |p| format!("{:.1}", p.average))),
    );
    // Discord's limit for an attachment description.
    text.chars().take(1024).collect()
}

/// The whole digest as Markdown, for `tandem digest` and the demo.
pub fn markdown(r: &Report) -> String {
    let mut out = format!("# {}\n\n{}\n\n", title(r), description(r, usize::MAX));
    out.push_str("| | this week | last week |\n|---|---|---|\n");
    for (name, this, last) in rows(r) {
        out.push_str(&format!("| {name} | {this} | {last} |\n"));
    }
    out.push_str(&format!("\n{}\n", alt_text(r)));
    out
}
