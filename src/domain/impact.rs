//! A programme cycle's impact report: what one cycle achieved, for the moderators and for the
//! people who fund the programme. Pure: the store loads the facts, `digest::impact` words and
//! draws the result. Survey figures follow the same anonymity rule as the pulse results.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Datelike, Days, Utc};

use super::cycle::Cycle;
use super::member::{Role, Status};
use super::metrics::{median, MemberFact, Period, Pulse, WeekMetrics};
use super::pair::{EndReason, Pair, PairKind, PairStatus};

/// A goal of one of the cycle's pairs.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalFact {
    pub pair_id: i64,
    pub created_at: DateTime<Utc>,
    pub done_at: Option<DateTime<Utc>>,
}

/// One member's exit survey of one of the cycle's pairs.
#[derive(Debug, Clone, PartialEq)]
pub struct ExitFact {
    pub pair_id: i64,
    pub rating: u8,
    pub worked: Option<String>,
    pub change: Option<String>,
}

/// Everything the report is computed from.
#[derive(Debug, Clone, PartialEq)]
pub struct CycleFacts {
    pub cycle: Cycle,
    /// The end of what the report covers: the cycle's end once it ended, else now.
    pub until: DateTime<Utc>,
    /// The pairs that belonged to the cycle.
    pub pairs: Vec<Pair>,
    /// Every pair the server had (a mentee's earlier pairs say since when they waited).
    pub all_pairs: Vec<Pair>,
    pub members: Vec<MemberFact>,
    /// Goals of the cycle's pairs.
    pub goals: Vec<GoalFact>,
    /// Exit surveys of the cycle's pairs that ended by `until`.
    pub exits: Vec<ExitFact>,
    /// The weekly numbers of [`weeks_of`] the cycle.
    pub weeks: Vec<WeekMetrics>,
    pub anonymity_min: u32,
}

/// How a pair of the cycle stood when the report was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    /// Still together (active or paused): carries on into the next cycle.
    Continuing,
    Completed,
    NotAGoodFit,
    Inactive,
    Withdrawn,
    LeftServer,
    Other,
    /// The pair's channel was deleted or the bot lost it.
    ChannelLost,
}

impl Outcome {
    pub const ALL: [Outcome; 8] = [
        Outcome::Continuing,
        Outcome::Completed,
        Outcome::NotAGoodFit,
        Outcome::Inactive,
        Outcome::Withdrawn,
        Outcome::LeftServer,
        Outcome::Other,
        Outcome::ChannelLost,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Continuing => "continuing",
            Outcome::Completed => "completed",
            Outcome::NotAGoodFit => "not_a_good_fit",
            Outcome::Inactive => "inactive",
            Outcome::Withdrawn => "withdrawn",
            Outcome::LeftServer => "left_server",
            Outcome::Other => "other",
            Outcome::ChannelLost => "channel_lost",
        }
    }

    /// Kept: still together, or finished as planned.
    pub fn retained(self) -> bool {
        matches!(self, Outcome::Continuing | Outcome::Completed)
    }

    /// Where `pair` stood at `at`: an ending after that is not known yet.
    pub fn of(pair: &Pair, at: DateTime<Utc>) -> Outcome {
        if pair.status == PairStatus::Broken {
            return Outcome::ChannelLost;
        }
        match pair.ended_at.filter(|e| *e <= at) {
            None => Outcome::Continuing,
            Some(_) => match pair.end_reason {
                Some(EndReason::Completed) => Outcome::Completed,
                Some(EndReason::NotAGoodFit) => Outcome::NotAGoodFit,
                Some(EndReason::Inactive) => Outcome::Inactive,
                Some(EndReason::Withdrawn) => Outcome::Withdrawn,
                Some(EndReason::LeftServer) => Outcome::LeftServer,
                Some(EndReason::Other) | None => Outcome::Other,
            },
        }
    }
}

/// The exit surveys, shown only from the anonymity minimum of answers.
#[derive(Debug, Clone, PartialEq)]
pub struct ExitSummary {
    pub answers: u32,
    /// Whether there are enough answers to show anything but their count.
    pub shown: bool,
    pub average: Option<f64>,
    /// How many chose 1, 2, 3, 4 and 5 (all zero when not shown).
    pub ratings: [u32; 5],
    /// What worked and what to change, without names: each different comment once with how
    /// many wrote it, the most often written first, then in alphabetical order, so the order
    /// says nothing about who answered when (empty when not shown).
    pub worked: Vec<(String, u32)>,
    pub change: Vec<(String, u32)>,
}

/// How many mentees each mentor of the cycle had.
#[derive(Debug, Clone, PartialEq)]
pub struct MentorLoad {
    pub mentors: u32,
    pub mentees: u32,
    pub most: u32,
    /// (mentees, mentors with that many), fewest first.
    pub spread: Vec<(u32, u32)>,
}

impl MentorLoad {
    pub fn average(&self) -> Option<f64> {
        (self.mentors > 0).then(|| self.mentees as f64 / self.mentors as f64)
    }
}

/// How long mentees waited for a mentor.
#[derive(Debug, Clone, PartialEq)]
pub struct Waits {
    /// Mentees paired during the cycle, and the median and longest wait before it (days).
    pub paired: u32,
    pub median_days: Option<f64>,
    pub longest_days: Option<u32>,
    /// Active mentees without a mentor when the report was made (not counting those whose
    /// last pair was completed: they finished), and the longest of their waits so far.
    pub still_waiting: u32,
    pub still_longest_days: Option<u32>,
}

/// The cycle's figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Impact {
    pub cycle: Cycle,
    pub until: DateTime<Utc>,
    /// Oldest first.
    pub weeks: Vec<WeekMetrics>,
    pub anonymity_min: u32,
    /// People who took part in one of the cycle's pairs (as mentor, as mentee, as a peer in
    /// a circle, in all; someone who left a group or circle took part too).
    pub mentors: u32,
    pub mentees: u32,
    pub peers: u32,
    pub people: u32,
    /// The cycle's pairs: those made during it, and those that came in from before.
    pub pairs: u32,
    pub new_pairs: u32,
    /// Every outcome in [`Outcome::ALL`] order, with how many pairs had it.
    pub outcomes: Vec<(Outcome, u32)>,
    pub goals_set: u32,
    pub goals_done: u32,
    /// Check-in answers expected and given over the cycle's weeks.
    pub expected_answers: u32,
    pub answers: u32,
    /// The pulse over the cycle, from the rounds with enough answers.
    pub pulse: Option<Pulse>,
    pub exit: ExitSummary,
    pub load: MentorLoad,
    pub waits: Waits,
}

impl Impact {
    pub fn retained(&self) -> u32 {
        self.outcomes
            .iter()
            .filter(|(o, _)| o.retained())
            .map(|(_, n)| n)
            .sum()
    }

    /// Share of the cycle's pairs still together or finished as planned.
    pub fn retention(&self) -> Option<f64> {
        (self.pairs > 0).then(|| self.retained() as f64 / self.pairs as f64)
    }

    pub fn answer_rate(&self) -> Option<f64> {
        (self.expected_answers > 0).then(|| self.answers as f64 / self.expected_answers as f64)
    }

    pub fn outcome(&self, o: Outcome) -> u32 {
        self.outcomes
            .iter()
            .find(|(x, _)| *x == o)
            .map_or(0, |(_, n)| *n)
    }

    /// Whole days the report covers.
    pub fn days(&self) -> i64 {
        (self.until - self.cycle.started_at).num_days().max(0)
    }
}

/// The whole weeks (Monday to Sunday, UTC, what the weekly roll-up can answer) that stand for
/// the cycle up to `until`: from the Monday of its first day, as many weeks as it mostly
/// covered (at least one).
pub fn weeks_of(cycle: &Cycle, until: DateTime<Utc>) -> Period {
    let first = cycle.started_at.date_naive();
    let monday = first - Days::new(first.weekday().num_days_from_monday().into());
    let span = (until - Period::midnight(monday)).num_hours().max(0);
    let weeks = ((span + 84) / 168).max(1);
    Period {
        end: monday + Days::new(7 * weeks as u64),
        weeks: weeks as u32,
    }
}

/// The report's figures from its facts.
pub fn compute(f: &CycleFacts) -> Impact {
    let until = f.until;
    let pairs: Vec<&Pair> = f
        .pairs
        .iter()
        .filter(|p| p.status != PairStatus::Pending && p.started_at <= until)
        .collect();
    let ids: BTreeSet<i64> = pairs.iter().map(|p| p.id).collect();

    // Someone who erased their data is still one person of a pair, just not known by name.
    let mut mentors = BTreeSet::new();
    let mut mentees = BTreeSet::new();
    let mut erased = (0, 0);
    let mut peers = BTreeSet::new();
    for p in &pairs {
        match (p.kind, p.mentor_id) {
            (PairKind::Circle, _) => {}
            (_, Some(u)) => {
                mentors.insert(u);
            }
            (_, None) => erased.0 += 1,
        }
        match p.kind {
            PairKind::Pair => match p.mentee_id {
                Some(u) => {
                    mentees.insert(u);
                }
                None => erased.1 += 1,
            },
            PairKind::Group => mentees.extend(p.others.iter().copied()),
            PairKind::Circle => peers.extend(p.others.iter().copied()),
        }
    }
    let known: BTreeSet<u64> = mentors.union(&mentees).chain(&peers).copied().collect();
    let people = known.len() as u32 + erased.0 + erased.1;

    let mut outcomes: HashMap<Outcome, u32> = HashMap::new();
    for p in &pairs {
        *outcomes.entry(Outcome::of(p, until)).or_default() += 1;
    }

    let goals: Vec<&GoalFact> = f
        .goals
        .iter()
        .filter(|g| ids.contains(&g.pair_id) && g.created_at <= until)
        .collect();
    let goals_done = goals
        .iter()
        .filter(|g| g.done_at.is_some_and(|d| d <= until))
        .count() as u32;

    let expected_answers = f.weeks.iter().map(|w| w.expected_answers).sum();
    let answers = f.weeks.iter().map(|w| w.answers).sum();
    let (pulse_answers, pulse_sum) = f
        .weeks
        .iter()
        .filter_map(|w| w.pulse)
        .fold((0u32, 0.0), |(n, s), p| {
            (n + p.answers, s + p.average * f64::from(p.answers))
        });
    let pulse = (pulse_answers > 0).then(|| Pulse {
        average: pulse_sum / f64::from(pulse_answers),
        answers: pulse_answers,
    });

    Impact {
        cycle: f.cycle.clone(),
        until,
        weeks: f.weeks.clone(),
        anonymity_min: f.anonymity_min,
        mentors: mentors.len() as u32 + erased.0,
        mentees: mentees.len() as u32 + erased.1,
        peers: peers.len() as u32,
        people,
        pairs: pairs.len() as u32,
        new_pairs: pairs
            .iter()
            .filter(|p| p.started_at >= f.cycle.started_at)
            .count() as u32,
        outcomes: Outcome::ALL
            .iter()
            .map(|o| (*o, outcomes.get(o).copied().unwrap_or(0)))
            .collect(),
        goals_set: goals.len() as u32,
        goals_done,
        expected_answers,
        answers,
        pulse,
        exit: exit_summary(
            f.exits.iter().filter(|e| ids.contains(&e.pair_id)),
            f.anonymity_min,
        ),
        load: mentor_load(&pairs),
        waits: waits(f, &pairs),
    }
}

fn exit_summary<'a>(exits: impl Iterator<Item = &'a ExitFact>, min: u32) -> ExitSummary {
    let exits: Vec<&ExitFact> = exits.collect();
    let answers = exits.len() as u32;
    let shown = answers >= min.max(1);
    let mut ratings = [0u32; 5];
    let (mut worked, mut change) = (Vec::new(), Vec::new());
    if shown {
        for e in &exits {
            if (1..=5).contains(&e.rating) {
                ratings[usize::from(e.rating) - 1] += 1;
            }
            let text = |t: &Option<String>| {
                t.as_deref()
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(str::to_string)
            };
            worked.extend(text(&e.worked));
            change.extend(text(&e.change));
        }
    }
    let (worked, change) = (tally(worked), tally(change));
    let rated: u32 = ratings.iter().sum();
    let average = (rated > 0).then(|| {
        let sum: u32 = ratings
            .iter()
            .enumerate()
            .map(|(i, n)| (i as u32 + 1) * n)
            .sum();
        f64::from(sum) / f64::from(rated)
    });
    ExitSummary {
        answers,
        shown,
        average,
        ratings,
        worked,
        change,
    }
}

/// Each different comment (whatever its case and spacing) once, with how often it was written.
fn tally(comments: Vec<String>) -> Vec<(String, u32)> {
    let mut seen: BTreeMap<String, (String, u32)> = BTreeMap::new();
    for c in comments {
        let key = c
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        seen.entry(key).or_insert((c, 0)).1 += 1;
    }
    let mut out: Vec<(String, u32)> = seen.into_values().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

fn mentor_load(pairs: &[&Pair]) -> MentorLoad {
    let mut by_mentor: BTreeMap<u64, BTreeSet<Option<u64>>> = BTreeMap::new();
    let mut anonymous = 0;
    for p in pairs {
        match p.mentor_id {
            // An erased mentee still counts once per pair.
            Some(m) => {
                let set = by_mentor.entry(m).or_default();
                if p.kind == PairKind::Group {
                    set.extend(p.others.iter().map(|u| Some(*u)));
                } else if p.mentee_id.is_some() {
                    set.insert(p.mentee_id);
                } else {
                    set.insert(Some(u64::MAX - p.id as u64));
                }
            }
            None if p.kind == PairKind::Circle => {}
            None => anonymous += 1,
        }
    }
    let mut spread: BTreeMap<u32, u32> = BTreeMap::new();
    for mentees in by_mentor.values() {
        *spread.entry(mentees.len() as u32).or_default() += 1;
    }
    // A mentor who erased their data counts as one mentor of one mentee per pair.
    if anonymous > 0 {
        *spread.entry(1).or_default() += anonymous;
    }
    let mentees = spread.iter().map(|(k, n)| k * n).sum();
    MentorLoad {
        mentors: spread.values().sum(),
        mentees,
        most: spread.keys().next_back().copied().unwrap_or(0),
        spread: spread.into_iter().collect(),
    }
}

/// Waits before the pairs made during the cycle, and of those still waiting at its end.
fn waits(f: &CycleFacts, pairs: &[&Pair]) -> Waits {
    let enrolled: HashMap<u64, DateTime<Utc>> = f
        .members
        .iter()
        .filter(|m| m.role == Role::Mentee)
        .map(|m| (m.user_id, m.enrolled_at))
        .collect();
    // Waiting since enrolment, or since the mentee's last pair before `at` ended.
    let since = |mentee: u64, at: DateTime<Utc>| -> Option<DateTime<Utc>> {
        let enrolled = *enrolled.get(&mentee)?;
        let previous = f
            .all_pairs
            .iter()
            .filter(|p| {
                (p.mentee_id == Some(mentee) || p.others.contains(&mentee)) && p.started_at < at
            })
            .filter_map(|p| p.ended_at.filter(|e| *e <= at))
            .max();
        Some(previous.map_or(enrolled, |e| e.max(enrolled)))
    };
    let days =
        |from: DateTime<Utc>, to: DateTime<Utc>| (to - from).num_hours().max(0) as f64 / 24.0;

    let mut paired = Vec::new();
    for p in pairs.iter().filter(|p| p.started_at >= f.cycle.started_at) {
        // A pair's mentee, and each mentee or peer of a group or circle, had waited.
        for mentee in p.mentee_id.into_iter().chain(p.others.iter().copied()) {
            if let Some(from) = since(mentee, p.started_at) {
                paired.push(days(from, p.started_at));
            }
        }
    }
    let longest = paired
        .iter()
        .copied()
        .fold(None, |m: Option<f64>, d| Some(m.map_or(d, |m| m.max(d))));

    let open_at = |p: &Pair| {
        p.status != PairStatus::Broken
            && p.status != PairStatus::Pending
            && p.started_at <= f.until
            && p.ended_at.is_none_or(|e| e > f.until)
    };
    let mut still = Vec::new();
    for m in &f.members {
        if m.role != Role::Mentee || m.status != Status::Active || m.enrolled_at > f.until {
            continue;
        }
        let has_pair = f.all_pairs.iter().any(|p| {
            (p.mentee_id == Some(m.user_id) || p.others.contains(&m.user_id)) && open_at(p)
        });
        // Someone whose last pair was completed finished the programme: not waiting.
        let last = f
            .all_pairs
            .iter()
            .filter(|p| p.mentee_id == Some(m.user_id) || p.others.contains(&m.user_id))
            .filter(|p| p.ended_at.is_some_and(|e| e <= f.until))
            .max_by_key(|p| p.ended_at);
        let finished = last.is_some_and(|p| p.end_reason == Some(EndReason::Completed));
        if has_pair || finished {
            continue;
        }
        if let Some(from) = since(m.user_id, f.until) {
            still.push(days(from, f.until));
        }
    }
    let whole = |d: f64| d.floor() as u32;
    Waits {
        paired: paired.len() as u32,
        median_days: (!paired.is_empty()).then(|| median(&mut paired)),
        longest_days: longest.map(whole),
        still_waiting: still.len() as u32,
        still_longest_days: still.iter().copied().reduce(f64::max).map(whole),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        format!("{s}T09:00:00Z").parse().unwrap()
    }

    fn cycle() -> Cycle {
        Cycle {
            id: 7,
            guild_id: 1,
            name: "Spring".into(),
            started_at: t("2027-01-04"),
            ends_at: t("2027-03-01"),
            ended_at: Some(t("2027-03-01")),
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

    fn ended(mut p: Pair, at: &str, reason: EndReason) -> Pair {
        p.status = PairStatus::Ended;
        p.ended_at = Some(t(at));
        p.end_reason = Some(reason);
        p
    }

    fn mentee(user_id: u64, enrolled: &str) -> MemberFact {
        MemberFact {
            user_id,
            role: Role::Mentee,
            status: Status::Active,
            enrolled_at: t(enrolled),
            capacity: None,
        }
    }

    fn exit(pair_id: i64, rating: u8, worked: &str) -> ExitFact {
        ExitFact {
            pair_id,
            rating,
            worked: (!worked.is_empty()).then(|| worked.to_string()),
            change: None,
        }
    }

    fn facts() -> CycleFacts {
        let before = pair(1, 11, 21, "2026-12-01");
        let finished = ended(
            pair(2, 11, 22, "2027-01-11"),
            "2027-03-01",
            EndReason::Completed,
        );
        let misfit = ended(
            pair(3, 12, 23, "2027-01-11"),
            "2027-02-01",
            EndReason::NotAGoodFit,
        );
        let refit = pair(4, 13, 23, "2027-02-08");
        let mut erased = pair(5, 13, 0, "2027-01-18");
        erased.mentee_id = None;
        let mut lost = pair(6, 14, 25, "2027-01-18");
        lost.status = PairStatus::Broken;
        // Ended after the cycle's end: it was still together when the cycle ended.
        let later = ended(
            pair(8, 12, 27, "2027-01-25"),
            "2027-03-10",
            EndReason::Withdrawn,
        );
        let pairs = vec![before, finished, misfit, refit, erased, lost, later];
        CycleFacts {
            cycle: cycle(),
            until: t("2027-03-01"),
            all_pairs: pairs.clone(),
            pairs,
            members: vec![
                mentee(21, "2026-11-20"),
                mentee(22, "2027-01-04"),
                mentee(23, "2027-01-01"),
                mentee(25, "2027-01-15"),
                mentee(26, "2027-02-19"),
                mentee(27, "2027-01-20"),
            ],
            goals: vec![
                GoalFact {
                    pair_id: 2,
                    created_at: t("2027-01-12"),
                    done_at: Some(t("2027-02-12")),
                },
                GoalFact {
                    pair_id: 4,
                    created_at: t("2027-02-09"),
                    done_at: None,
                },
                // Done after the report's end: not done within the cycle.
                GoalFact {
                    pair_id: 1,
                    created_at: t("2027-01-05"),
                    done_at: Some(t("2027-03-02")),
                },
            ],
            exits: vec![
                exit(2, 5, "the weekly calls"),
                exit(2, 4, ""),
                exit(3, 2, ""),
            ],
            weeks: Vec::new(),
            anonymity_min: 3,
        }
    }

    #[test]
    fn outcomes_count_each_pair_once_as_it_stood_at_the_end() {
        let i = compute(&facts());
        assert_eq!(i.pairs, 7);
        assert_eq!(i.new_pairs, 6);
        assert_eq!(i.outcome(Outcome::Continuing), 4, "1, 4, 5 and 8");
        assert_eq!(i.outcome(Outcome::Completed), 1);
        assert_eq!(i.outcome(Outcome::NotAGoodFit), 1);
        assert_eq!(i.outcome(Outcome::ChannelLost), 1);
        assert_eq!(i.outcome(Outcome::Withdrawn), 0);
        assert_eq!(i.outcomes.iter().map(|(_, n)| n).sum::<u32>(), 7);
        assert_eq!(i.retained(), 5);
        assert!((i.retention().unwrap() - 5.0 / 7.0).abs() < 1e-9);
    }

    #[test]
    fn people_are_counted_once_each_and_an_erased_one_still_counts() {
        let i = compute(&facts());
        // Mentors 11–14; mentees 21, 22, 23 (twice), 25, 27 and one erased.
        assert_eq!((i.mentors, i.mentees, i.people), (4, 6, 10));
        assert_eq!(i.load.mentors, 4);
        assert_eq!(i.load.mentees, 7, "13 had 23 and the erased mentee");
        assert_eq!(i.load.most, 2);
        assert_eq!(i.load.spread, vec![(1, 1), (2, 3)]);
    }

    #[test]
    fn goals_count_what_was_set_and_done_by_the_end() {
        let i = compute(&facts());
        assert_eq!((i.goals_set, i.goals_done), (3, 1));
    }

    #[test]
    fn exit_surveys_show_only_from_the_anonymity_minimum() {
        let i = compute(&facts());
        assert_eq!(i.exit.answers, 3);
        assert!(i.exit.shown);
        assert_eq!(i.exit.ratings, [0, 1, 0, 1, 1]);
        assert!((i.exit.average.unwrap() - 11.0 / 3.0).abs() < 1e-9);
        assert_eq!(i.exit.worked, [("the weekly calls".to_string(), 1)]);
        let mut f = facts();
        f.anonymity_min = 4;
        let hidden = compute(&f).exit;
        assert_eq!((hidden.answers, hidden.shown), (3, false));
        assert_eq!((hidden.average, hidden.ratings), (None, [0; 5]));
        assert!(hidden.worked.is_empty());
    }

    #[test]
    fn the_same_comment_is_shown_once_with_how_many_wrote_it_most_written_first() {
        let comments = ["b", "The  calls", "a", "the calls", " the calls "];
        let tallied = tally(comments.iter().map(|c| c.to_string()).collect());
        assert_eq!(
            tallied,
            [
                ("The  calls".to_string(), 3),
                ("a".into(), 1),
                ("b".into(), 1)
            ]
        );
    }

    #[test]
    fn waits_run_from_enrolment_or_the_last_pair_to_the_next_pair() {
        let w = compute(&facts()).waits;
        // 22: 7 days; 23: 10 days, then again 7 days after pair 3 ended; 25: 3 days;
        // 27: 5 days. The erased mentee is not known.
        assert_eq!(w.paired, 5);
        assert_eq!(w.median_days, Some(7.0));
        assert_eq!(w.longest_days, Some(10));
        // On 1 Mar: 26 enrolled on 19 Feb (10 days) and 25 lost the pair's channel, so waits
        // since enrolling on 15 Jan (45 days); 22 completed a pair that day, so is not waiting.
        assert_eq!((w.still_waiting, w.still_longest_days), (2, Some(45)));
    }

    #[test]
    fn the_weeks_of_a_cycle_are_the_whole_weeks_it_mostly_covers() {
        let c = cycle();
        let p = weeks_of(&c, c.ends_at);
        assert_eq!((p.start(), p.weeks), (t("2027-01-04").date_naive(), 8));
        // Started on a Thursday: the Monday before, and as many weeks as it mostly covered.
        let mut c = cycle();
        c.started_at = t("2027-01-07");
        c.ends_at = t("2027-03-04");
        let p = weeks_of(&c, c.ends_at);
        assert_eq!((p.start(), p.weeks), (t("2027-01-04").date_naive(), 8));
        // A report on the first day still has a week.
        assert_eq!(weeks_of(&c, c.started_at).weeks, 1);
    }
}
