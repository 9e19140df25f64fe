//! The digest's words: the Markdown report, its reasons and actions, and the sentences of the
//! digest and export commands. Here, beside the report they describe, so `digest` needs
//! nothing from `discord` (which re-exports them as `messages::digest`).

use super::{PairHealth, Report};
use crate::domain::health::{Health, Reason};
use crate::domain::metrics::WeekMetrics;
use crate::text::{self, t, unix, Key, Locale};

pub const ONLY_MODERATORS: Key = Key("digest-only-moderators");
pub const EXPORT_ONLY_MODERATORS: Key = Key("digest-export-only-moderators");
pub const BAD_WEEKS: Key = Key("digest-bad-weeks");
pub const CHART_FILE: &str = "digest.png";

/// The chart's file name in a scheduled digest: dated, and so also the mark that tells a
/// restarted bot this digest was posted already.
pub fn scheduled_chart_file(scheduled_for: chrono::DateTime<chrono::Utc>) -> String {
    format!("digest-{}.png", scheduled_for.format("%Y-%m-%d-%H%M"))
}

/// A round's question as `l` reads it: tandem's own in `l`, a configured one as written.
pub fn pulse_question(l: Locale, stored: &str) -> String {
    match crate::domain::survey::built_in_question(stored) {
        Some(1) => t!(l, "digest-pulse-question-1"),
        Some(2) => t!(l, "digest-pulse-question-2"),
        Some(3) => t!(l, "digest-pulse-question-3"),
        Some(_) => t!(l, "digest-pulse-question-4"),
        None => stored.to_string(),
    }
}

pub fn exported(l: Locale, at: i64) -> String {
    t!(l, "digest-exported", at = unix(at))
}

/// At most this many red pairs are named in the post; the rest are counted.
pub const RED_LISTED: usize = 8;

pub fn title(r: &Report) -> String {
    let l = r.locale;
    t!(l, "digest-title", week = text::date(l, r.this_week().start))
}

pub fn reason(l: Locale, r: &Reason) -> String {
    match r {
        Reason::Quiet {
            days,
            since_start: false,
        } => t!(l, "digest-reason-quiet", days = *days),
        Reason::Quiet {
            days,
            since_start: true,
        } => t!(l, "digest-reason-quiet-since-start", days = *days),
        Reason::Unanswered(n) => t!(l, "digest-reason-unanswered", count = *n),
        Reason::LowMood(avg) => t!(l, "digest-reason-low-mood", average = l.number(*avg, 1)),
        Reason::MoodFalling { from, to } => t!(
            l,
            "digest-reason-mood-falling",
            from = l.number(*from, 1),
            to = l.number(*to, 1)
        ),
        Reason::GoalsOverdue(n) => t!(l, "digest-reason-goals-overdue", count = *n),
    }
}

/// What a moderator could do first about a pair's main problem.
pub fn action(l: Locale, r: &Reason) -> String {
    match r {
        Reason::Quiet { .. } => t!(l, "digest-action-quiet"),
        Reason::Unanswered(_) => t!(l, "digest-action-unanswered"),
        Reason::LowMood(_) | Reason::MoodFalling { .. } => t!(l, "digest-action-mood"),
        Reason::GoalsOverdue(_) => t!(l, "digest-action-goals"),
    }
}

pub fn reasons(l: Locale, p: &PairHealth) -> String {
    p.assessment
        .reasons
        .iter()
        .map(|(_, r)| reason(l, r))
        .collect::<Vec<_>>()
        .join(", ")
}

fn who(l: Locale, p: &PairHealth) -> String {
    use crate::domain::pair::PairKind;
    let person = |u: Option<u64>| u.map_or_else(|| t!(l, "digest-erased"), |u| format!("<@{u}>"));
    if p.pair.kind != PairKind::Pair {
        let people: Vec<String> = p.pair.members().map(|u| format!("<@{u}>")).collect();
        let people = text::and_list(l, &people);
        return match p.pair.channel_id {
            Some(c) => t!(l, "digest-space-in", people = people, channel = c),
            None => people,
        };
    }
    let (mentor, mentee) = (person(p.pair.mentor_id), person(p.pair.mentee_id));
    match p.pair.channel_id {
        Some(c) => t!(
            l,
            "digest-pair-in",
            mentor = mentor,
            mentee = mentee,
            channel = c
        ),
        None => t!(l, "digest-pair", mentor = mentor, mentee = mentee),
    }
}

pub fn red_line(l: Locale, p: &PairHealth) -> String {
    let action = p
        .assessment
        .main_reason()
        .map(|r| action(l, r))
        .unwrap_or_default();
    t!(
        l,
        "digest-red-line",
        pair = who(l, p),
        reasons = reasons(l, p),
        action = action
    )
}

/// At most this many mentors waiting on orientation are named; the rest are counted.
pub const ORIENTATION_LISTED: usize = 20;

/// `<@a>, <@b>, …and N more`: at most `max` people mentioned, the rest counted.
fn mentions_cut(l: Locale, users: &[u64], max: usize) -> String {
    let mut named: Vec<String> = users.iter().take(max).map(|u| format!("<@{u}>")).collect();
    if users.len() > max {
        named.push(t!(l, "guide-digest-more", count = users.len() - max));
    }
    named.join(", ")
}

/// The mentors who cannot be paired until they read the programme guide, named (up to
/// [`ORIENTATION_LISTED`]); empty when there are none.
pub fn awaiting_orientation(r: &Report) -> String {
    let l = r.locale;
    let waiting = &r.awaiting_orientation;
    if waiting.is_empty() {
        return String::new();
    }
    t!(
        l,
        "guide-digest-waiting",
        count = waiting.len(),
        mentors = mentions_cut(l, waiting, ORIENTATION_LISTED)
    )
}

/// The paused mentors: those who did not answer the monthly question named (up to
/// [`ORIENTATION_LISTED`]), those who chose a pause counted; empty when none is paused.
pub fn paused_mentors(r: &Report) -> String {
    use crate::domain::availability::PauseReason;
    let l = r.locale;
    let silent: Vec<u64> = r
        .paused_mentors
        .iter()
        .filter(|p| p.reason == PauseReason::NoAnswer)
        .map(|p| p.user_id)
        .collect();
    let chose = r.paused_mentors.len() - silent.len();
    let mut parts = Vec::new();
    if !silent.is_empty() {
        parts.push(t!(
            l,
            "digest-paused-no-answer",
            count = silent.len(),
            mentors = mentions_cut(l, &silent, ORIENTATION_LISTED)
        ));
    }
    if chose > 0 {
        parts.push(t!(l, "digest-paused-chose", count = chose));
    }
    parts.join(" ")
}

/// The post's text above the numbers: period, health counts, the red pairs (cut to
/// `budget` characters with the rest counted) and the mentors waiting on orientation.
pub fn description(r: &Report, budget: usize) -> String {
    let orientation = awaiting_orientation(r);
    let paused = paused_mentors(r);
    let cycle = cycle_line(r);
    let rest = orientation.chars().count() + cycle.chars().count() + paused.chars().count() + 6;
    let mut out = red_pairs(r, budget.saturating_sub(rest));
    for part in [cycle, orientation, paused] {
        if !part.is_empty() {
            out.push_str("\n\n");
            out.push_str(&part);
        }
    }
    out
}

/// The running cycle: days left and, once the pairs were asked, how many have not answered.
pub fn cycle_line(r: &Report) -> String {
    let Some(c) = &r.cycle else {
        return String::new();
    };
    let l = r.locale;
    let head = t!(
        l,
        "digest-cycle",
        name = c.cycle.name.as_str(),
        days = c.days_left as usize,
        end = text::unix(c.cycle.ends_at.timestamp())
    );
    let tail = if r.now < c.cycle.ask_at() {
        t!(
            l,
            "digest-cycle-ask",
            ask = text::unix(c.cycle.ask_at().timestamp())
        )
    } else {
        t!(
            l,
            "digest-cycle-unanswered",
            waiting = c.unanswered,
            pairs = c.pairs
        )
    };
    format!("{head} {tail}")
}

fn red_pairs(r: &Report, budget: usize) -> String {
    let l = r.locale;
    let this = r.this_week();
    let end = this.start + chrono::Days::new(6);
    let mut out = t!(
        l,
        "digest-period",
        from = text::day(l, this.start, false),
        to = text::day(l, end, true)
    );
    out.push_str("\n\n");
    out.push_str(&t!(
        l,
        "digest-health",
        green = r.count(Health::Green),
        amber = r.count(Health::Amber),
        red = r.count(Health::Red),
        paused = r.paused
    ));
    if r.open_reports > 0 {
        out.push_str(&format!(
            "\n{}",
            t!(l, "digest-open-reports", count = r.open_reports)
        ));
    }
    let red: Vec<&PairHealth> = r.red().collect();
    if red.is_empty() {
        out.push_str(&format!("\n{}", t!(l, "digest-no-red")));
        return out;
    }
    out.push_str(&format!("\n\n{}", t!(l, "digest-needs-attention")));
    let mut shown = 0;
    for p in &red {
        let line = format!("\n{}", red_line(l, p));
        // Leave room for the closing "and N more" line.
        if shown == RED_LISTED || out.chars().count() + line.chars().count() + 160 > budget {
            break;
        }
        out.push_str(&line);
        shown += 1;
    }
    let more = red.len() - shown;
    if more > 0 {
        out.push_str(&format!("\n{}", t!(l, "digest-more-red", count = more)));
    }
    out
}

/// A share as a percentage in the reader's language ("50%", "50 %").
pub(crate) fn pct(l: Locale, x: f64) -> String {
    t!(l, "digest-percent", value = l.number(x * 100.0, 0))
}

fn num(l: Locale, x: f64) -> String {
    l.number(x, if x.fract() == 0.0 { 0 } else { 1 })
}

fn answer_rate(l: Locale, w: &WeekMetrics) -> String {
    match w.answer_rate() {
        Some(rate) => t!(
            l,
            "digest-answer-rate",
            rate = pct(l, rate),
            answers = w.answers,
            expected = w.expected_answers
        ),
        None => t!(l, "digest-no-checkins"),
    }
}

fn waiting(l: Locale, w: &WeekMetrics) -> String {
    match w.longest_wait_days {
        Some(d) if w.waiting > 0 => t!(l, "digest-waiting", waiting = w.waiting, days = d),
        _ => t!(l, "digest-none"),
    }
}

fn load(l: Locale, w: &WeekMetrics) -> String {
    match w.mentees_per_mentor() {
        Some(load) => t!(
            l,
            "digest-load",
            load = l.number(load, 1),
            full = w.mentors_full,
            mentors = w.mentors
        ),
        None => t!(l, "digest-no-mentors"),
    }
}

fn pulse(l: Locale, r: &Report, w: &WeekMetrics) -> String {
    match (w.pulse, w.pulse_hidden) {
        (Some(p), _) => t!(
            l,
            "digest-pulse",
            average = l.number(p.average, 1),
            answers = p.answers
        ),
        (None, n) if n > 0 => t!(l, "digest-pulse-hidden", answers = n, min = r.anonymity_min),
        _ => t!(l, "digest-no-pulse"),
    }
}

fn retention(l: Locale, w: &WeekMetrics) -> String {
    match w.retention() {
        Some(x) => t!(
            l,
            "digest-retention",
            rate = pct(l, x),
            retained = w.retained,
            pairs = w.retention_cohort
        ),
        None => t!(l, "digest-no-retention"),
    }
}

/// (name, this week, last week) for each number of the digest.
pub fn rows(r: &Report) -> Vec<(String, String, String)> {
    let l = r.locale;
    let (this, last) = (r.this_week(), r.last_week());
    let both = |f: &dyn Fn(&WeekMetrics) -> String| (f(this), f(last));
    let mut rows = Vec::new();
    let mut add = |name: String, (a, b): (String, String)| rows.push((name, a, b));
    add(
        t!(l, "digest-row-active-members"),
        both(&|w| t!(l, "digest-of", part = w.active_members, whole = w.members)),
    );
    add(
        t!(l, "digest-row-active-pairs"),
        both(&|w| t!(l, "digest-of", part = w.active_pairs, whole = w.open_pairs)),
    );
    add(
        t!(l, "digest-row-new-enrolments"),
        both(&|w| l.number(f64::from(w.new_enrolments), 0)),
    );
    add(t!(l, "digest-row-waiting"), both(&|w| waiting(l, w)));
    add(t!(l, "digest-row-load"), both(&|w| load(l, w)));
    add(t!(l, "digest-row-answered"), both(&|w| answer_rate(l, w)));
    add(
        t!(l, "digest-row-per-pair"),
        both(&|w| {
            t!(
                l,
                "digest-per-pair",
                messages = num(l, w.median_messages),
                meetings = num(l, w.median_meetings),
                messages_count = w.median_messages,
                meetings_count = w.median_meetings
            )
        }),
    );
    let mut pulse_now = pulse(l, r, this);
    if let (Some(_), Some(trend)) = (this.pulse, r.pulse_trend()) {
        let change = l.number(trend.abs(), 1);
        let trend = if trend > 0.05 {
            t!(l, "digest-pulse-up", change = change)
        } else if trend < -0.05 {
            t!(l, "digest-pulse-down", change = change)
        } else {
            t!(l, "digest-pulse-steady", change = change)
        };
        pulse_now.push_str(&format!(", {trend}"));
    }
    add(t!(l, "digest-row-pulse"), (pulse_now, pulse(l, r, last)));
    add(
        t!(l, "digest-row-goals-done"),
        both(&|w| l.number(f64::from(w.goals_done), 0)),
    );
    add(
        t!(l, "digest-row-kudos"),
        both(&|w| l.number(f64::from(w.kudos), 0)),
    );
    add(t!(l, "digest-row-retention"), both(&|w| retention(l, w)));
    rows
}

/// An embed field's value: this week, then last week's figure.
pub fn field_value(l: Locale, this: &str, last: &str) -> String {
    t!(l, "digest-field", this = this, last = last)
}

pub fn footer(l: Locale, weeks: usize) -> String {
    t!(l, "digest-footer", weeks = weeks)
}

/// The chart's alt text: every number it shows.
pub fn alt_text(r: &Report) -> String {
    let l = r.locale;
    let list =
        |f: &dyn Fn(&WeekMetrics) -> String| r.weeks.iter().map(f).collect::<Vec<_>>().join(", ");
    let none = t!(l, "digest-chart-none");
    let text = t!(
        l,
        "digest-alt-text",
        weeks = r.weeks.len(),
        rates = list(&|w| w.answer_rate().map_or(none.clone(), |x| pct(l, x))),
        pairs = list(&|w| w.active_pairs.to_string()),
        pulse = list(&|w| w.pulse.map_or(none.clone(), |p| l.number(p.average, 1)))
    );
    // Discord's limit for an attachment description.
    text.chars().take(1024).collect()
}

/// The whole digest as Markdown, for `tandem digest` and the demo.
pub fn markdown(r: &Report) -> String {
    let l = r.locale;
    let mut out = format!("# {}\n\n{}\n\n", title(r), description(r, usize::MAX));
    out.push_str(&format!(
        "| | {} | {} |\n|---|---|---|\n",
        t!(l, "digest-this-week"),
        t!(l, "digest-last-week")
    ));
    for (name, this, last) in rows(r) {
        out.push_str(&format!("| {name} | {this} | {last} |\n"));
    }
    out.push_str(&format!("\n{}\n", alt_text(r)));
    out
}
