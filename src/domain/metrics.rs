//! Programme metrics for the digest, week by week: pure functions over facts the store loads.
//! Weeks are whole UTC days: seven days ending the day before the digest, and the weeks before.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc};

use super::member::{Role, Status};
use super::pair::{EndReason, Pair, PairStatus};

/// Pairs started at least this many weeks before count towards retention.
pub const RETENTION_WEEKS: i64 = 8;

/// `weeks` whole weeks ending the day before `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// First day after the period.
    pub end: NaiveDate,
    pub weeks: u32,
}

impl Period {
    /// The `weeks` whole weeks, Monday to Sunday (UTC), before the week of `now`: run on a
    /// Monday the last of them ended yesterday. Whole weeks are what a weekly digest talks
    /// about, and what the stored weekly roll-up of messages can answer.
    pub fn ending(now: DateTime<Utc>, weeks: u32) -> Period {
        let today = now.date_naive();
        Period {
            end: today - Days::new(today.weekday().num_days_from_monday().into()),
            weeks: weeks.max(1),
        }
    }

    pub fn start(&self) -> NaiveDate {
        self.week_start(0)
    }

    /// First day of week `i`, 0 being the oldest.
    pub fn week_start(&self, i: usize) -> NaiveDate {
        self.end - Days::new(7 * (self.weeks as u64 - i as u64))
    }

    /// Which week `day` falls in, if in the period.
    pub fn week_of(&self, day: NaiveDate) -> Option<usize> {
        if day < self.start() || day >= self.end {
            return None;
        }
        Some(((day - self.start()).num_days() / 7) as usize)
    }

    /// Midnight UTC at the start of `day`, for comparing with stored times.
    pub fn midnight(day: NaiveDate) -> DateTime<Utc> {
        day.and_time(NaiveTime::MIN).and_utc()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MemberFact {
    pub user_id: u64,
    pub role: Role,
    pub status: Status,
    pub enrolled_at: DateTime<Utc>,
    pub capacity: Option<u32>,
}

/// A check-in prompt sent in the period and who answered it.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckinFact {
    pub pair_id: i64,
    pub week: usize,
    pub answered_by: Vec<u64>,
}

/// One pulse round in the period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PulseFact {
    pub week: usize,
    pub answers: u32,
    pub score_sum: u32,
}

/// Everything the weekly numbers are computed from.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    pub period: Period,
    pub members: Vec<MemberFact>,
    /// Every pair the server ever had.
    pub pairs: Vec<Pair>,
    /// (pair, member, week, messages).
    pub messages: Vec<(i64, u64, usize, u32)>,
    /// (pair, who recorded it, week), one per meeting.
    pub meetings: Vec<(i64, Option<u64>, usize)>,
    pub checkins: Vec<CheckinFact>,
    pub pulse: Vec<PulseFact>,
    /// The week of each goal done.
    pub goals_done: Vec<usize>,
    /// The week of each kudos.
    pub kudos: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pulse {
    pub average: f64,
    pub answers: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WeekMetrics {
    pub start: NaiveDate,
    /// Members who wrote in their pair channel, answered a check-in or recorded a meeting.
    pub active_members: u32,
    /// Active and paused members enrolled by the end of the week.
    pub members: u32,
    /// Open pairs with any of that activity.
    pub active_pairs: u32,
    /// Pairs open at the end of the week.
    pub open_pairs: u32,
    pub new_enrolments: u32,
    /// Mentees without a mentor at the end of the week, and the longest wait in days.
    pub waiting: u32,
    pub longest_wait_days: Option<u32>,
    /// Active mentors at the end of the week, the mentees they had, and how many were full.
    pub mentors: u32,
    pub mentored: u32,
    pub mentors_full: u32,
    /// Check-in answers expected (two per prompt) and given.
    pub expected_answers: u32,
    pub answers: u32,
    /// Medians over the pairs open at the end of the week.
    pub median_messages: f64,
    pub median_meetings: f64,
    /// Only rounds with at least the anonymity minimum of answers count.
    pub pulse: Option<Pulse>,
    /// Answers of rounds this week that stayed hidden (too few).
    pub pulse_hidden: u32,
    pub goals_done: u32,
    pub kudos: u32,
    /// Pairs started at least eight weeks before the end of the week, and those of them still
    /// open (or completed) then.
    pub retention_cohort: u32,
    pub retained: u32,
}

impl WeekMetrics {
    pub fn answer_rate(&self) -> Option<f64> {
        (self.expected_answers > 0).then(|| self.answers as f64 / self.expected_answers as f64)
    }

    pub fn retention(&self) -> Option<f64> {
        (self.retention_cohort > 0).then(|| self.retained as f64 / self.retention_cohort as f64)
    }

    pub fn mentees_per_mentor(&self) -> Option<f64> {
        (self.mentors > 0).then(|| self.mentored as f64 / self.mentors as f64)
    }
}

/// Whether a pair was running at `t` (broken pairs never count: their channel is gone).
fn open_at(p: &Pair, t: DateTime<Utc>) -> bool {
    p.status != PairStatus::Broken && p.started_at < t && p.ended_at.is_none_or(|e| e >= t)
}

pub fn median(values: &mut [f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    }
}

/// The numbers of every week of the period, oldest first.
pub fn weekly(f: &Facts, anonymity_min: u32) -> Vec<WeekMetrics> {
    (0..f.period.weeks as usize)
        .map(|w| week(f, w, anonymity_min))
        .collect()
}

fn week(f: &Facts, w: usize, anonymity_min: u32) -> WeekMetrics {
    let start = f.period.week_start(w);
    let end = Period::midnight(start + Days::new(7));
    let start_t = Period::midnight(start);

    let open: Vec<&Pair> = f.pairs.iter().filter(|p| open_at(p, end)).collect();

    let mut active_members = BTreeSet::new();
    let mut active_pairs = BTreeSet::new();
    let mut messages: HashMap<i64, u32> = HashMap::new();
    let mut meetings: HashMap<i64, u32> = HashMap::new();
    for &(pair, user, wk, n) in &f.messages {
        if wk == w {
            active_members.insert(user);
            active_pairs.insert(pair);
            *messages.entry(pair).or_default() += n;
        }
    }
    for &(pair, user, wk) in &f.meetings {
        if wk == w {
            active_members.extend(user);
            active_pairs.insert(pair);
            *meetings.entry(pair).or_default() += 1;
        }
    }
    // A check-in asks everyone in its pair, group or circle.
    let sizes: HashMap<i64, u32> = f.pairs.iter().map(|p| (p.id, p.size() as u32)).collect();
    let (mut expected_answers, mut answers) = (0, 0);
    for c in f.checkins.iter().filter(|c| c.week == w) {
        let size = sizes.get(&c.pair_id).copied().unwrap_or(2);
        expected_answers += size;
        answers += (c.answered_by.len() as u32).min(size);
        active_members.extend(c.answered_by.iter().copied());
        if !c.answered_by.is_empty() {
            active_pairs.insert(c.pair_id);
        }
    }

    let mut per_pair_messages: Vec<f64> = open
        .iter()
        .map(|p| *messages.get(&p.id).unwrap_or(&0) as f64)
        .collect();
    let mut per_pair_meetings: Vec<f64> = open
        .iter()
        .map(|p| *meetings.get(&p.id).unwrap_or(&0) as f64)
        .collect();

    let enrolled_by_end = |m: &&MemberFact| m.enrolled_at < end;
    let members: BTreeSet<u64> = f
        .members
        .iter()
        .filter(enrolled_by_end)
        .filter(|m| matches!(m.status, Status::Active | Status::Paused))
        .map(|m| m.user_id)
        .collect();
    let new_enrolments: BTreeSet<u64> = f
        .members
        .iter()
        .filter(|m| m.enrolled_at >= start_t && m.enrolled_at < end)
        .map(|m| m.user_id)
        .collect();

    // Mentees without an open pair at the end of the week, waiting since they enrolled or
    // since their last pair ended, whichever is later.
    let mut waits = Vec::new();
    for m in f.members.iter().filter(enrolled_by_end) {
        if m.role != Role::Mentee || m.status != Status::Active {
            continue;
        }
        let theirs = || {
            f.pairs
                .iter()
                .filter(|p| p.mentee_id == Some(m.user_id) || p.others.contains(&m.user_id))
        };
        if theirs().any(|p| open_at(p, end)) {
            continue;
        }
        let since = theirs()
            .filter_map(|p| p.ended_at.filter(|e| *e < end))
            .max()
            .map_or(m.enrolled_at, |e| e.max(m.enrolled_at));
        waits.push((end - since).num_days().max(0) as u32);
    }

    let mut mentors = 0;
    let mut mentors_full = 0;
    let mut mentored = 0;
    for m in f.members.iter().filter(enrolled_by_end) {
        if m.role != Role::Mentor || m.status != Status::Active {
            continue;
        }
        let load: u32 = open
            .iter()
            .filter(|p| p.mentor_id == Some(m.user_id))
            .map(|p| p.mentees().len().max(1) as u32)
            .sum();
        mentors += 1;
        mentored += load;
        if m.capacity.is_some_and(|c| load >= c) {
            mentors_full += 1;
        }
    }

    let (mut pulse_answers, mut pulse_sum, mut pulse_hidden) = (0, 0, 0);
    for p in f.pulse.iter().filter(|p| p.week == w) {
        if p.answers >= anonymity_min {
            pulse_answers += p.answers;
            pulse_sum += p.score_sum;
        } else {
            pulse_hidden += p.answers;
        }
    }

    let cohort_start = end - chrono::Duration::weeks(RETENTION_WEEKS);
    let cohort: Vec<&Pair> = f
        .pairs
        .iter()
        .filter(|p| p.status != PairStatus::Broken && p.started_at <= cohort_start)
        .collect();
    let retained = cohort
        .iter()
        .filter(|p| open_at(p, end) || p.end_reason == Some(EndReason::Completed))
        .count();

    WeekMetrics {
        start,
        active_members: active_members.len() as u32,
        members: members.len() as u32,
        active_pairs: active_pairs.len() as u32,
        open_pairs: open.len() as u32,
        new_enrolments: new_enrolments.len() as u32,
        waiting: waits.len() as u32,
        longest_wait_days: waits.iter().max().copied(),
        mentors,
        mentored,
        mentors_full,
        expected_answers,
        answers,
        median_messages: median(&mut per_pair_messages),
        median_meetings: median(&mut per_pair_meetings),
        pulse: (pulse_answers > 0).then(|| Pulse {
            average: pulse_sum as f64 / pulse_answers as f64,
            answers: pulse_answers,
        }),
        pulse_hidden,
        goals_done: f.goals_done.iter().filter(|g| **g == w).count() as u32,
        kudos: f.kudos.iter().filter(|k| **k == w).count() as u32,
        retention_cohort: cohort.len() as u32,
        retained: retained as u32,
    }
}

/// The change of the latest shown pulse average against the one shown before it.
pub fn pulse_trend(weeks: &[WeekMetrics]) -> Option<f64> {
    let mut shown = weeks.iter().rev().filter_map(|w| w.pulse);
    let latest = shown.next()?;
    let before = shown.next()?;
    Some(latest.average - before.average)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pair::PairKind;

    fn t(s: &str) -> DateTime<Utc> {
        format!("{s}T12:00:00Z").parse().unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn member(user_id: u64, role: Role, enrolled: &str, capacity: Option<u32>) -> MemberFact {
        MemberFact {
            user_id,
            role,
            status: Status::Active,
            enrolled_at: t(enrolled),
            capacity,
        }
    }

    fn pair(id: i64, mentor: u64, mentee: u64, started: &str) -> Pair {
        Pair {
            id,
            guild_id: 1,
            mentor_id: Some(mentor),
            mentee_id: Some(mentee),
            status: PairStatus::Active,
            channel_id: Some(100 + id as u64),
            started_at: t(started),
            paused_until: None,
            ended_at: None,
            end_reason: None,
            in_thread: false,
            kind: PairKind::Pair,
            others: Vec::new(),
        }
    }

    /// Two weeks ending Sunday 22 Nov 2026 (weeks start Mon 9 and Mon 16 Nov). Hand-computed
    /// expectations are in the test below.
    fn fixture() -> Facts {
        let mut ended = pair(3, 12, 22, "2026-08-01");
        ended.status = PairStatus::Ended;
        ended.ended_at = Some(t("2026-11-10"));
        ended.end_reason = Some(EndReason::NotAGoodFit);
        let mut completed = pair(4, 13, 23, "2026-07-01");
        completed.status = PairStatus::Ended;
        completed.ended_at = Some(t("2026-10-01"));
        completed.end_reason = Some(EndReason::Completed);
        Facts {
            period: Period {
                end: d("2026-11-23"),
                weeks: 2,
            },
            members: vec![
                member(11, Role::Mentor, "2026-08-01", Some(1)),
                member(12, Role::Mentor, "2026-08-01", Some(2)),
                member(21, Role::Mentee, "2026-08-01", None),
                member(22, Role::Mentee, "2026-08-01", None),
                member(24, Role::Mentee, "2026-11-17", None),
                member(25, Role::Mentee, "2026-11-02", None),
            ],
            pairs: vec![
                pair(1, 11, 21, "2026-09-01"),
                pair(2, 12, 25, "2026-11-18"),
                ended,
                completed,
            ],
            messages: vec![(1, 11, 0, 4), (1, 21, 0, 2), (1, 11, 1, 10), (2, 25, 1, 3)],
            meetings: vec![(1, Some(21), 1), (2, None, 1), (2, None, 1)],
            checkins: vec![
                CheckinFact {
                    pair_id: 1,
                    week: 0,
                    answered_by: vec![11],
                },
                CheckinFact {
                    pair_id: 1,
                    week: 1,
                    answered_by: vec![11, 21],
                },
                CheckinFact {
                    pair_id: 2,
                    week: 1,
                    answered_by: vec![],
                },
            ],
            pulse: vec![
                PulseFact {
                    week: 0,
                    answers: 4,
                    score_sum: 16,
                },
                PulseFact {
                    week: 1,
                    answers: 5,
                    score_sum: 19,
                },
            ],
            goals_done: vec![1, 1, 0],
            kudos: vec![1],
        }
    }

    #[test]
    fn the_weeks_of_a_period_are_whole_days_before_the_digest() {
        // Any day of the week of 23 Nov gives the same whole weeks before it.
        for day in ["2026-11-23", "2026-11-25", "2026-11-29"] {
            let p = Period::ending(t(day), 2);
            assert_eq!(
                (p.start(), p.end),
                (d("2026-11-09"), d("2026-11-23")),
                "{day}"
            );
        }
        let p = Period::ending(t("2026-11-23"), 2);
        assert_eq!(p.start(), d("2026-11-09"));
        assert_eq!(p.week_start(1), d("2026-11-16"));
        assert_eq!(p.week_of(d("2026-11-15")), Some(0));
        assert_eq!(p.week_of(d("2026-11-22")), Some(1));
        assert_eq!(p.week_of(d("2026-11-23")), None);
        assert_eq!(p.week_of(d("2026-11-08")), None);
    }

    #[test]
    fn weekly_numbers_match_the_hand_computed_fixture() {
        let weeks = weekly(&fixture(), 5);
        let (last, this) = (&weeks[0], &weeks[1]);

        // Week of 9 Nov: pair 1 open (pair 3 ended on the 10th); 11 and 21 wrote, 11 answered.
        assert_eq!(last.start, d("2026-11-09"));
        assert_eq!(
            (last.active_members, last.active_pairs, last.open_pairs),
            (2, 1, 1)
        );
        assert_eq!((last.answers, last.expected_answers), (1, 2));
        assert_eq!(last.median_messages, 6.0);
        // Mentees 22 (pair ended on the 10th, so waiting 5.5 days) and 25 (enrolled on the
        // 2nd: 13.5 days) wait; 24 had not enrolled yet.
        assert_eq!((last.waiting, last.longest_wait_days), (2, Some(13)));
        // Mentor 11 is full (1 of 1), mentor 12 has none.
        assert_eq!((last.mentors, last.mentored, last.mentors_full), (2, 1, 1));
        // 4 pulse answers stay hidden below the minimum of 5.
        assert_eq!((last.pulse, last.pulse_hidden), (None, 4));
        assert_eq!(
            (last.goals_done, last.kudos, last.new_enrolments),
            (1, 0, 0)
        );
        // Started by 21 Sep: pairs 1, 3 and 4; pair 1 is open and pair 4 completed.
        assert_eq!((last.retention_cohort, last.retained), (3, 2));

        // Week of 16 Nov: pairs 1 and 2 open, both active; 11, 21, 25 took part.
        assert_eq!(this.start, d("2026-11-16"));
        assert_eq!(
            (this.active_members, this.active_pairs, this.open_pairs),
            (3, 2, 2)
        );
        assert_eq!((this.answers, this.expected_answers), (2, 4));
        assert_eq!(this.answer_rate(), Some(0.5));
        assert_eq!(this.median_messages, 6.5);
        assert_eq!(this.median_meetings, 1.5);
        assert_eq!(this.new_enrolments, 1);
        // 22 waits 12.5 days; 24 enrolled on the 17th (5.5 days); 25 is paired now.
        assert_eq!((this.waiting, this.longest_wait_days), (2, Some(12)));
        assert_eq!((this.mentors, this.mentored, this.mentors_full), (2, 2, 1));
        assert_eq!(
            this.pulse,
            Some(Pulse {
                average: 3.8,
                answers: 5
            })
        );
        assert_eq!((this.goals_done, this.kudos), (2, 1));
        assert_eq!(this.members, 6);
        assert_eq!(pulse_trend(&weeks), None);
    }

    #[test]
    fn the_pulse_trend_compares_the_two_latest_shown_averages() {
        let mut f = fixture();
        f.pulse[0].answers = 5;
        f.pulse[0].score_sum = 20;
        let trend = pulse_trend(&weekly(&f, 5)).unwrap();
        assert!((trend - -0.2).abs() < 1e-9, "{trend}");
    }

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(median(&mut [5.0, 1.0, 3.0, 2.0]), 2.5);
        assert_eq!(median(&mut [4.0, 1.0, 3.0]), 3.0);
        assert_eq!(median(&mut []), 0.0);
    }
}
