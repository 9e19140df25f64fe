//! Suggested matching of waiting mentees to mentors with free capacity.
//!
//! One row per waiting mentee, one column per free mentor slot; the Hungarian algorithm
//! (Kuhn–Munkres) picks the assignment that is best in this order: the most first-time pairs,
//! then the most pairs at all (re-pairs only where nothing else is possible), then the highest
//! total score, then the longest-waiting mentees. Tiered integer weights fold that order into one
//! sum, so the result is optimal rather than greedy.

use std::collections::HashSet;

use chrono::{DateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use pathfinding::prelude::{kuhn_munkres, Matrix};
use serde::{Deserialize, Serialize};

/// Local time at which a person is taken to wake up, in minutes after midnight.
const AWAKE_FROM: i32 = 9 * 60;
/// How long a person is awake (09:00–21:00), in minutes.
pub(super) const AWAKE_FOR: i32 = 12 * 60;
const DAY: i32 = 24 * 60;

/// Weights of the score parts; from config (`[matching]` section).
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Weights {
    /// Share of the mentee's topics the mentor also has.
    pub topics: f64,
    /// Hours both are awake, out of 12.
    pub overlap: f64,
    /// They share a language (always true for a proposal; kept so the weights add up sensibly).
    pub language: f64,
    /// The mentor's free fraction of capacity, which spreads mentees across mentors.
    pub load: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            topics: 3.0,
            overlap: 2.0,
            language: 1.0,
            load: 1.0,
        }
    }
}

impl Weights {
    /// Weighted average of parts in 0..=1, as a whole number 0..=100. Negative or NaN weights
    /// count as 0, so a bad config cannot push a score outside its range.
    pub(super) fn score(&self, topics: f64, overlap: f64, language: f64, load: f64) -> u32 {
        let w = |x: f64| if x > 0.0 { x } else { 0.0 };
        let parts = [
            (w(self.topics), topics),
            (w(self.overlap), overlap),
            (w(self.language), language),
            (w(self.load), load),
        ];
        let total: f64 = parts.iter().map(|(weight, _)| weight).sum();
        let sum: f64 = parts.iter().map(|(weight, part)| weight * part).sum();
        let value = 100.0 * sum / total;
        if value.is_finite() {
            value.round().clamp(0.0, 100.0) as u32
        } else {
            0
        }
    }
}

/// A person as the matcher sees them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub user_id: u64,
    /// Lower-case tags.
    pub topics: Vec<String>,
    /// Language codes like `en`.
    pub languages: Vec<String>,
    pub timezone: Tz,
}

impl From<&super::member::Profile> for Candidate {
    fn from(p: &super::member::Profile) -> Self {
        Candidate {
            user_id: p.user_id,
            topics: p.topics.clone(),
            languages: p.languages.clone(),
            timezone: p.timezone,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mentee {
    pub person: Candidate,
    pub waiting_since: DateTime<Utc>,
}

/// Someone enrolled and waiting, waiting since they enrolled.
impl From<&super::member::Profile> for Mentee {
    fn from(p: &super::member::Profile) -> Self {
        Mentee {
            person: p.into(),
            waiting_since: p.enrolled_at,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mentor {
    pub person: Candidate,
    pub capacity: u8,
    /// Current active pairs; free slots are `capacity - load`.
    pub load: u8,
}

impl Mentor {
    fn free(&self) -> u8 {
        self.capacity.saturating_sub(self.load)
    }
}

/// Why a pair was proposed.
#[derive(Debug, Clone, PartialEq)]
pub struct Reasons {
    /// Sorted.
    pub shared_topics: Vec<String>,
    /// Hours both are awake (09:00–21:00 local), 0..=12, at the matching's instant.
    pub overlap_hours: f64,
    /// Sorted.
    pub shared_languages: Vec<String>,
    /// They were paired before.
    pub repeat: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub mentor_id: u64,
    pub mentee_id: u64,
    /// 0..=100.
    pub score: u32,
    pub reasons: Reasons,
}

/// Why a mentee got no proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unmatched {
    /// Some mentor speaks their language, but no such mentor had a slot left for them.
    NoFreeMentor,
    /// There are mentors, but none (full or not) shares a language with them.
    NoCommonLanguage,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Matching {
    /// Ordered by mentee `waiting_since`, then mentee id.
    pub proposals: Vec<Proposal>,
    /// Mentee ids, same order.
    pub unmatched: Vec<(u64, Unmatched)>,
    /// Mentor capacity left unused after the proposals.
    pub free_slots_left: u32,
    /// Proposals that re-pair people paired before.
    pub repeats: usize,
}

/// Most people one member can ask not to be paired with (`/profile avoid`).
pub const MAX_AVOIDED: usize = 20;

/// Who must not be paired together, from (member, person they avoid) rows: both orders, so a
/// (mentor, mentee) look-up finds a wish either of them made.
pub fn kept_apart(rows: &[(u64, u64)]) -> HashSet<(u64, u64)> {
    rows.iter().flat_map(|&(a, b)| [(a, b), (b, a)]).collect()
}

/// Suggests pairs of waiting mentees and mentors with free slots.
///
/// `previous`: (mentor_id, mentee_id) pairs that existed before (any status).
/// `apart`: (mentor_id, mentee_id) pairs never to propose (see [`kept_apart`]).
/// `at`: the instant at which UTC offsets are taken (DST matters).
/// User ids are assumed unique within `mentees` and within `mentors`; the same id may be in both.
pub fn suggest(
    mentees: &[Mentee],
    mentors: &[Mentor],
    previous: &HashSet<(u64, u64)>,
    apart: &HashSet<(u64, u64)>,
    weights: &Weights,
    at: DateTime<Utc>,
) -> Matching {
    // A canonical order makes the matrix, and so the result, independent of the input order.
    let mut mentees: Vec<&Mentee> = mentees.iter().collect();
    mentees.sort_by_key(|m| (m.waiting_since, m.person.user_id));
    let mut mentors: Vec<&Mentor> = mentors.iter().collect();
    mentors.sort_by_key(|m| m.person.user_id);

    let mentee_profiles: Vec<Profile> = mentees
        .iter()
        .map(|m| Profile::new(&m.person, at))
        .collect();
    let mentor_profiles: Vec<Profile> = mentors
        .iter()
        .map(|m| Profile::new(&m.person, at))
        .collect();

    let n_mentors = mentors.len();
    let mut cells: Vec<Option<Cell>> = Vec::with_capacity(mentees.len() * n_mentors);
    for mentee in &mentee_profiles {
        for (mentor, profile) in mentors.iter().zip(&mentor_profiles) {
            let cell = if apart.contains(&(profile.id, mentee.id)) {
                None
            } else {
                evaluate(mentee, profile, mentor, previous, weights)
            };
            cells.push(cell);
        }
    }
    let cell = |mentee: usize, mentor: usize| cells[mentee * n_mentors + mentor];

    let rows: Vec<usize> = (0..mentees.len())
        .filter(|&i| (0..n_mentors).any(|j| cell(i, j).is_some()))
        .collect();
    // k identical columns for a mentor with k free slots, but never more than the mentees it
    // could take: extra columns could not be used and only slow the algorithm down.
    let mut columns = Vec::new();
    for (j, mentor) in mentors.iter().enumerate() {
        let takers = rows.iter().filter(|&&i| cell(i, j).is_some()).count();
        columns.extend(std::iter::repeat_n(j, takers.min(mentor.free().into())));
    }

    let mut assigned: Vec<Option<usize>> = vec![None; mentees.len()];
    for (row, column) in assign(rows.len(), columns.len(), |r, c| {
        cell(rows[r], columns[c]).map(|cell| (cell, r))
    }) {
        assigned[rows[row]] = Some(columns[column]);
    }

    let mut matching = Matching {
        proposals: Vec::new(),
        unmatched: Vec::new(),
        free_slots_left: mentors.iter().map(|m| u32::from(m.free())).sum(),
        repeats: 0,
    };
    for (i, mentee) in mentee_profiles.iter().enumerate() {
        let Some(j) = assigned[i] else {
            let others = mentor_profiles.iter().filter(|m| m.id != mentee.id);
            let mut others = others.peekable();
            let reason = if others.peek().is_some()
                && others.all(|m| count_common(&mentee.languages, &m.languages) == 0)
            {
                Unmatched::NoCommonLanguage
            } else {
                Unmatched::NoFreeMentor
            };
            matching.unmatched.push((mentee.id, reason));
            continue;
        };
        let found = cell(i, j).expect("assign returns feasible cells only");
        let mentor = &mentor_profiles[j];
        matching.free_slots_left -= 1;
        matching.repeats += usize::from(found.repeat);
        matching.proposals.push(Proposal {
            mentor_id: mentor.id,
            mentee_id: mentee.id,
            score: found.score,
            reasons: Reasons {
                shared_topics: common(&mentee.topics, &mentor.topics),
                overlap_hours: f64::from(overlap_minutes(mentee.awake_from, mentor.awake_from))
                    / 60.0,
                shared_languages: common(&mentee.languages, &mentor.languages),
                repeat: found.repeat,
            },
        });
    }
    matching
}

/// Hours both people are awake (09:00–21:00 in their own zone) at the date of `at`; circular,
/// so it works across the date line (e.g. Pacific/Auckland vs Pacific/Honolulu).
pub fn awake_overlap_hours(a: Tz, b: Tz, at: DateTime<Utc>) -> f64 {
    f64::from(overlap_minutes(
        awake_from_utc(a, at),
        awake_from_utc(b, at),
    )) / 60.0
}

/// When a person in `tz` wakes, in minutes after UTC midnight (0..1440), with the offset in
/// force at `at`.
fn awake_from_utc(tz: Tz, at: DateTime<Utc>) -> i32 {
    let offset = tz
        .offset_from_utc_datetime(&at.naive_utc())
        .fix()
        .local_minus_utc()
        / 60;
    (AWAKE_FROM - offset).rem_euclid(DAY)
}

/// Overlap of two awake windows on the 24-hour circle, given when each starts (UTC minutes).
/// Working on the circle rather than on one calendar day is what makes zones on either side of
/// the date line come out right.
pub(super) fn overlap_minutes(a: i32, b: i32) -> i32 {
    let d = (b - a).rem_euclid(DAY);
    // b wakes while a is awake, and/or b's window runs past midnight into a's.
    let starts_inside = (AWAKE_FOR - d).max(0);
    let wraps_into = (d + AWAKE_FOR - DAY).max(0);
    (starts_inside + wraps_into).min(AWAKE_FOR)
}

/// A person's data prepared once, so the mentee × mentor loop only merges sorted lists.
pub(super) struct Profile<'a> {
    pub(super) id: u64,
    pub(super) topics: Vec<&'a str>,
    pub(super) languages: Vec<&'a str>,
    pub(super) awake_from: i32,
}

impl<'a> Profile<'a> {
    pub(super) fn new(person: &'a Candidate, at: DateTime<Utc>) -> Self {
        Profile {
            id: person.user_id,
            topics: sorted_unique(&person.topics),
            languages: sorted_unique(&person.languages),
            awake_from: awake_from_utc(person.timezone, at),
        }
    }
}

fn sorted_unique(items: &[String]) -> Vec<&str> {
    let mut items: Vec<&str> = items.iter().map(String::as_str).collect();
    items.sort_unstable();
    items.dedup();
    items
}

/// Items in both sorted, de-duplicated lists, in order.
fn common_iter<'a>(a: &'a [&'a str], b: &'a [&'a str]) -> impl Iterator<Item = &'a str> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < a.len() && j < b.len() {
            match a[i].cmp(b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    i += 1;
                    j += 1;
                    return Some(a[i - 1]);
                }
            }
        }
        None
    })
}

pub(super) fn count_common(a: &[&str], b: &[&str]) -> usize {
    common_iter(a, b).count()
}

pub(super) fn common(a: &[&str], b: &[&str]) -> Vec<String> {
    common_iter(a, b).map(str::to_owned).collect()
}

/// A feasible mentee–mentor pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Cell {
    score: u32,
    repeat: bool,
}

/// The pair's score, or `None` when it may not be proposed (same person, no free slot, no
/// common language).
fn evaluate(
    mentee: &Profile,
    mentor_profile: &Profile,
    mentor: &Mentor,
    previous: &HashSet<(u64, u64)>,
    weights: &Weights,
) -> Option<Cell> {
    if mentee.id == mentor_profile.id || mentor.free() == 0 {
        return None;
    }
    if count_common(&mentee.languages, &mentor_profile.languages) == 0 {
        return None;
    }
    let topics = if mentee.topics.is_empty() {
        0.0
    } else {
        count_common(&mentee.topics, &mentor_profile.topics) as f64 / mentee.topics.len() as f64
    };
    let overlap = f64::from(overlap_minutes(
        mentee.awake_from,
        mentor_profile.awake_from,
    )) / f64::from(AWAKE_FOR);
    let load = f64::from(mentor.free()) / f64::from(mentor.capacity);
    Some(Cell {
        score: weights.score(topics, overlap, 1.0, load),
        repeat: previous.contains(&(mentor_profile.id, mentee.id)),
    })
}

/// Integer weights whose sum over any assignment orders assignments lexicographically by
/// (first-time pairs, pairs, total score, how early the matched mentees are in waiting order).
#[derive(Debug, Clone, Copy)]
struct Tiers {
    first_time: i64,
    repeat: i64,
    score_unit: i64,
    /// Whether the waiting-order tie-break fits in i64 for this size (it always does in practice).
    wait_bonus: bool,
    rows: i64,
}

impl Tiers {
    /// Tiers for `rows` mentees and `columns` slots. Each tier exceeds the largest possible
    /// difference of everything below it summed over a whole assignment, so no amount of a
    /// lower tier can outweigh one unit of a higher one.
    fn new(rows: usize, columns: usize) -> Tiers {
        Self::build(rows, columns, true)
            .or_else(|| Self::build(rows, columns, false))
            .expect("matching too large for i64 weights")
    }

    fn build(rows: usize, columns: usize, wait_bonus: bool) -> Option<Tiers> {
        let k = i64::try_from(rows.min(columns)).ok()?; // most proposals possible
        let n = i64::try_from(rows).ok()?;
        // Mentee at waiting rank r gets a bonus n - r (1..=n); any assignment sums at most k*n.
        let bonus_max = if wait_bonus { k.checked_mul(n)? } else { 0 };
        let score_unit = bonus_max.checked_add(1)?;
        let fine_max = score_unit
            .checked_mul(100)?
            .checked_mul(k)?
            .checked_add(bonus_max)?;
        let repeat = fine_max.checked_add(1)?;
        let first_time = k
            .checked_mul(repeat)?
            .checked_add(fine_max)?
            .checked_add(1)?;
        let cell_max = first_time
            .checked_add(score_unit.checked_mul(100)?)?
            .checked_add(n)?;
        // The algorithm's labels stay near cell_max and it sums up to k of them: leave headroom.
        let total = cell_max.checked_mul(k.checked_add(2)?)?;
        (total <= i64::MAX / 4).then_some(Tiers {
            first_time,
            repeat,
            score_unit,
            wait_bonus,
            rows: n,
        })
    }

    /// Weight of a feasible cell for the mentee at waiting rank `rank` (always > 0).
    fn weight(&self, cell: Cell, rank: usize) -> i64 {
        let tier = if cell.repeat {
            self.repeat
        } else {
            self.first_time
        };
        let bonus = if self.wait_bonus {
            self.rows - rank as i64
        } else {
            0
        };
        tier + i64::from(cell.score) * self.score_unit + bonus
    }
}

/// Optimal assignment of `rows` (mentees, in waiting order) to `columns` (slots), where
/// `cell(r, c)` is `Some((cell, waiting rank))` for a feasible pair. Returns (row, column) pairs.
fn assign(
    rows: usize,
    columns: usize,
    cell: impl Fn(usize, usize) -> Option<(Cell, usize)>,
) -> Vec<(usize, usize)> {
    if rows == 0 || columns == 0 {
        return Vec::new();
    }
    let tiers = Tiers::new(rows, columns);
    // Infeasible cells weigh 0: every feasible one weighs more, so the algorithm only "assigns"
    // a row to an infeasible column when it has nothing better, and those are dropped.
    let weight = |r: usize, c: usize| cell(r, c).map_or(0, |(cell, rank)| tiers.weight(cell, rank));
    let pairs: Vec<(usize, usize)> = if rows <= columns {
        let matrix = Matrix::from_fn(rows, columns, |(r, c)| weight(r, c));
        let (_, chosen) = kuhn_munkres(&matrix);
        chosen.into_iter().enumerate().collect()
    } else {
        // kuhn_munkres needs rows <= columns, so slots become the rows.
        let matrix = Matrix::from_fn(columns, rows, |(c, r)| weight(r, c));
        let (_, chosen) = kuhn_munkres(&matrix);
        chosen
            .into_iter()
            .enumerate()
            .map(|(c, r)| (r, c))
            .collect()
    };
    pairs
        .into_iter()
        .filter(|&(r, c)| weight(r, c) > 0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn january() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 1, 15, 12, 0, 0).unwrap()
    }

    fn july() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 7, 15, 12, 0, 0).unwrap()
    }

    fn person(id: u64, topics: &[&str], languages: &[&str], timezone: Tz) -> Candidate {
        Candidate {
            user_id: id,
            topics: topics.iter().map(|s| s.to_string()).collect(),
            languages: languages.iter().map(|s| s.to_string()).collect(),
            timezone,
        }
    }

    /// A mentee who started waiting `days` days before `january()`.
    fn mentee(id: u64, days: i64, topics: &[&str], languages: &[&str]) -> Mentee {
        Mentee {
            person: person(id, topics, languages, Tz::UTC),
            waiting_since: january() - Duration::days(days),
        }
    }

    fn mentor(id: u64, capacity: u8, load: u8, topics: &[&str], languages: &[&str]) -> Mentor {
        Mentor {
            person: person(id, topics, languages, Tz::UTC),
            capacity,
            load,
        }
    }

    fn run(mentees: &[Mentee], mentors: &[Mentor], previous: &[(u64, u64)]) -> Matching {
        run_with(mentees, mentors, previous, &Weights::default())
    }

    fn run_with(
        mentees: &[Mentee],
        mentors: &[Mentor],
        previous: &[(u64, u64)],
        weights: &Weights,
    ) -> Matching {
        let previous: HashSet<(u64, u64)> = previous.iter().copied().collect();
        let matching = suggest(
            mentees,
            mentors,
            &previous,
            &HashSet::new(),
            weights,
            january(),
        );
        check_invariants(mentees, mentors, &previous, &matching);
        matching
    }

    /// What must hold for any input: capacity, no self-pairs, shared language, every mentee
    /// accounted for exactly once, counters consistent.
    fn check_invariants(
        mentees: &[Mentee],
        mentors: &[Mentor],
        previous: &HashSet<(u64, u64)>,
        matching: &Matching,
    ) {
        for mentor in mentors {
            let taken = matching
                .proposals
                .iter()
                .filter(|p| p.mentor_id == mentor.person.user_id)
                .count();
            assert!(
                taken <= usize::from(mentor.free()),
                "{mentor:?} over capacity"
            );
        }
        for p in &matching.proposals {
            assert_ne!(p.mentor_id, p.mentee_id);
            assert!(!p.reasons.shared_languages.is_empty());
            assert!(p.score <= 100);
            assert_eq!(
                p.reasons.repeat,
                previous.contains(&(p.mentor_id, p.mentee_id))
            );
        }
        let mut ids: Vec<u64> = matching
            .proposals
            .iter()
            .map(|p| p.mentee_id)
            .chain(matching.unmatched.iter().map(|(id, _)| *id))
            .collect();
        ids.sort_unstable();
        let mut expected: Vec<u64> = mentees.iter().map(|m| m.person.user_id).collect();
        expected.sort_unstable();
        assert_eq!(ids, expected);
        let free: u32 = mentors.iter().map(|m| u32::from(m.free())).sum();
        assert_eq!(
            matching.free_slots_left as usize,
            free as usize - matching.proposals.len()
        );
        let repeats = matching
            .proposals
            .iter()
            .filter(|p| p.reasons.repeat)
            .count();
        assert_eq!(matching.repeats, repeats);
    }

    fn total_score(matching: &Matching) -> u32 {
        matching.proposals.iter().map(|p| p.score).sum()
    }

    fn mentor_of(matching: &Matching, mentee_id: u64) -> Option<u64> {
        matching
            .proposals
            .iter()
            .find(|p| p.mentee_id == mentee_id)
            .map(|p| p.mentor_id)
    }

    const TOPICS: [&str; 6] = ["rust", "web", "ml", "db", "ops", "design"];
    const LANGUAGES: [&str; 3] = ["en", "es", "de"];
    const ZONES: [Tz; 5] = [
        Tz::UTC,
        Tz::Europe__Berlin,
        Tz::America__Los_Angeles,
        Tz::Asia__Tokyo,
        Tz::Pacific__Auckland,
    ];

    fn random_candidate(rng: &mut fastrand::Rng, id: u64) -> Candidate {
        let topics: Vec<&str> = TOPICS.iter().copied().filter(|_| rng.bool()).collect();
        let mut languages: Vec<&str> = LANGUAGES
            .iter()
            .copied()
            .filter(|_| rng.u8(..3) == 0)
            .collect();
        if languages.is_empty() && rng.bool() {
            languages.push("en");
        }
        person(id, &topics, &languages, ZONES[rng.usize(..ZONES.len())])
    }

    /// Ids overlap between mentees and mentors on purpose, so self-pairs are possible inputs.
    fn random_population(
        rng: &mut fastrand::Rng,
        n_mentees: usize,
        n_mentors: usize,
    ) -> (Vec<Mentee>, Vec<Mentor>, Vec<(u64, u64)>) {
        let mentees: Vec<Mentee> = (0..n_mentees as u64)
            .map(|id| Mentee {
                person: random_candidate(rng, id),
                // Few distinct times, so equal waiting times (tie on id) occur.
                waiting_since: january() - Duration::days(rng.i64(0..4)),
            })
            .collect();
        let mentors: Vec<Mentor> = (0..n_mentors as u64)
            .map(|i| {
                let capacity = rng.u8(0..4);
                Mentor {
                    person: random_candidate(rng, i * 2),
                    capacity,
                    load: rng.u8(0..=capacity.saturating_add(1)),
                }
            })
            .collect();
        let previous = (0..(n_mentees + n_mentors) / 3)
            .map(|_| {
                let mentor = &mentors[rng.usize(..mentors.len())];
                let mentee = &mentees[rng.usize(..mentees.len())];
                (mentor.person.user_id, mentee.person.user_id)
            })
            .collect();
        (mentees, mentors, previous)
    }

    #[test]
    fn capacity_is_never_exceeded() {
        let mentees: Vec<Mentee> = (10..20)
            .map(|id| mentee(id, 1, &["rust"], &["en"]))
            .collect();
        let mentors = vec![
            mentor(1, 3, 1, &["rust"], &["en"]),
            mentor(2, 1, 0, &["rust"], &["en"]),
            mentor(3, 2, 5, &["rust"], &["en"]),
        ];
        let matching = run(&mentees, &mentors, &[]);
        let count = |id| {
            matching
                .proposals
                .iter()
                .filter(|p| p.mentor_id == id)
                .count()
        };
        assert_eq!((count(1), count(2), count(3)), (2, 1, 0));
        assert_eq!(matching.free_slots_left, 0);
        assert_eq!(matching.unmatched.len(), 7);

        let mut rng = fastrand::Rng::with_seed(7);
        for _ in 0..50 {
            let (mentees, mentors, previous) = random_population(&mut rng, 12, 6);
            run(&mentees, &mentors, &previous); // invariants are checked inside
        }
    }

    #[test]
    fn nobody_is_paired_with_themself() {
        // Person 1 is both mentee and mentor and would be their own perfect match.
        let mentees = vec![
            mentee(1, 2, &["rust", "ml"], &["en"]),
            mentee(2, 1, &["web"], &["en"]),
        ];
        let mentors = vec![
            mentor(1, 1, 0, &["rust", "ml"], &["en"]),
            mentor(2, 1, 0, &["web"], &["en"]),
        ];
        let matching = run(&mentees, &mentors, &[]);
        assert_eq!(mentor_of(&matching, 1), Some(2));
        assert_eq!(mentor_of(&matching, 2), Some(1));

        let alone = run(
            &[mentee(1, 1, &["rust"], &["en"])],
            &[mentor(1, 2, 0, &["rust"], &["en"])],
            &[],
        );
        assert!(alone.proposals.is_empty());
        assert_eq!(alone.unmatched, vec![(1, Unmatched::NoFreeMentor)]);
    }

    #[test]
    fn previous_pairs_are_not_repeated_when_an_alternative_exists() {
        let mentees = vec![mentee(10, 1, &["rust", "ml"], &["en"])];
        // Mentor 1 is the better match but was paired with 10 before.
        let mentors = vec![
            mentor(1, 1, 0, &["rust", "ml"], &["en"]),
            mentor(2, 1, 0, &["design"], &["en"]),
        ];
        let matching = run(&mentees, &mentors, &[(1, 10)]);
        assert_eq!(mentor_of(&matching, 10), Some(2));
        assert_eq!(matching.repeats, 0);
    }

    #[test]
    fn a_previous_pair_is_repeated_when_it_is_the_only_option() {
        let mentees = vec![mentee(10, 1, &["rust"], &["en"])];
        let mentors = vec![
            mentor(1, 1, 0, &["rust"], &["en"]),
            mentor(2, 1, 0, &["rust"], &["de"]),
        ];
        let matching = run(&mentees, &mentors, &[(1, 10)]);
        assert_eq!(mentor_of(&matching, 10), Some(1));
        assert!(matching.proposals[0].reasons.repeat);
        assert_eq!(matching.repeats, 1);
    }

    #[test]
    fn a_repeat_is_only_proposed_where_it_costs_no_first_time_pair() {
        // Mentee 10 may only repeat with 1; mentee 11 is new to 1 but also fits 2. The
        // first-time count is 1 either way, so both are placed, with the one repeat.
        let mentees = vec![
            mentee(10, 2, &["rust"], &["en"]),
            mentee(11, 1, &["rust"], &["en", "de"]),
        ];
        let mentors = vec![
            mentor(1, 1, 0, &["rust"], &["en"]),
            mentor(2, 1, 0, &["rust"], &["de"]),
        ];
        let matching = run(&mentees, &mentors, &[(1, 10)]);
        assert_eq!(mentor_of(&matching, 10), Some(1));
        assert_eq!(mentor_of(&matching, 11), Some(2));
        assert_eq!(matching.repeats, 1);

        // With one slot only, the first-time pair wins even over the longer-waiting mentee.
        let matching = run(&mentees, &mentors[..1], &[(1, 10)]);
        assert_eq!(mentor_of(&matching, 11), Some(1));
        assert_eq!(matching.unmatched, vec![(10, Unmatched::NoFreeMentor)]);
        assert_eq!(matching.repeats, 0);
    }

    /// Mentees in waiting order each take the best mentor still free.
    fn greedy(mentees: &[Mentee], mentors: &[Mentor], weights: &Weights) -> u32 {
        let mut free: Vec<u8> = mentors.iter().map(Mentor::free).collect();
        let mut total = 0;
        for m in mentees {
            let mentee = Profile::new(&m.person, january());
            let best = mentors
                .iter()
                .enumerate()
                .filter(|(j, _)| free[*j] > 0)
                .filter_map(|(j, mentor)| {
                    let profile = Profile::new(&mentor.person, january());
                    evaluate(&mentee, &profile, mentor, &HashSet::new(), weights)
                        .map(|c| (c.score, j))
                })
                .max();
            if let Some((score, j)) = best {
                free[j] -= 1;
                total += score;
            }
        }
        total
    }

    #[test]
    fn optimal_assignment_beats_greedy() {
        let topics_only = Weights {
            topics: 1.0,
            overlap: 0.0,
            language: 0.0,
            load: 0.0,
        };
        // A (waiting longer): X 100, Y 75. B: X 100, Y 0. Greedy gives X to A: 100 + 0.
        let mentees = vec![
            mentee(10, 2, &["a", "b", "c", "d"], &["en"]),
            mentee(11, 1, &["e", "f"], &["en"]),
        ];
        let mentors = vec![
            mentor(1, 1, 0, &["a", "b", "c", "d", "e", "f"], &["en"]),
            mentor(2, 1, 0, &["a", "b", "c"], &["en"]),
        ];
        let matching = run_with(&mentees, &mentors, &[], &topics_only);
        assert_eq!(mentor_of(&matching, 10), Some(2));
        assert_eq!(mentor_of(&matching, 11), Some(1));
        assert_eq!(total_score(&matching), 175);
        assert_eq!(greedy(&mentees, &mentors, &topics_only), 100);
    }

    /// Sum over matched mentees of (mentee count - waiting rank): the last tie-break.
    fn waiting_bonus(mentees: &[Mentee], matched: impl Iterator<Item = u64>) -> usize {
        let mut order: Vec<&Mentee> = mentees.iter().collect();
        order.sort_by_key(|m| (m.waiting_since, m.person.user_id));
        matched
            .map(|id| order.len() - order.iter().position(|m| m.person.user_id == id).unwrap())
            .sum()
    }

    /// Best (first-time pairs, pairs, total score, waiting bonus) over every assignment, by
    /// enumeration.
    fn brute_force(
        mentees: &[Mentee],
        mentors: &[Mentor],
        previous: &HashSet<(u64, u64)>,
        weights: &Weights,
    ) -> (usize, usize, u32, usize) {
        let mut mentees: Vec<&Mentee> = mentees.iter().collect();
        mentees.sort_by_key(|m| (m.waiting_since, m.person.user_id));
        let cells: Vec<Vec<Option<Cell>>> = mentees
            .iter()
            .map(|m| {
                let mentee = Profile::new(&m.person, january());
                mentors
                    .iter()
                    .map(|mentor| {
                        let profile = Profile::new(&mentor.person, january());
                        evaluate(&mentee, &profile, mentor, previous, weights)
                    })
                    .collect()
            })
            .collect();
        let mut free: Vec<u8> = mentors.iter().map(Mentor::free).collect();
        fn go(
            i: usize,
            cells: &[Vec<Option<Cell>>],
            free: &mut [u8],
        ) -> (usize, usize, u32, usize) {
            if i == cells.len() {
                return (0, 0, 0, 0);
            }
            let mut best = go(i + 1, cells, free);
            for j in 0..free.len() {
                if let (Some(cell), true) = (cells[i][j], free[j] > 0) {
                    free[j] -= 1;
                    let (first, all, score, wait) = go(i + 1, cells, free);
                    free[j] += 1;
                    best = best.max((
                        first + usize::from(!cell.repeat),
                        all + 1,
                        score + cell.score,
                        wait + cells.len() - i,
                    ));
                }
            }
            best
        }
        go(0, &cells, &mut free)
    }

    #[test]
    fn result_matches_the_brute_force_optimum_on_small_random_cases() {
        // Language-only weights make every score tie, so the waiting-order tie-break is tested.
        let language_only = Weights {
            topics: 0.0,
            overlap: 0.0,
            language: 1.0,
            load: 0.0,
        };
        let mut rng = fastrand::Rng::with_seed(42);
        for round in 0..600 {
            let weights = if round % 2 == 0 {
                Weights::default()
            } else {
                language_only
            };
            let n_mentees = rng.usize(1..=6);
            let n_mentors = rng.usize(1..=4);
            let (mentees, mentors, previous) = random_population(&mut rng, n_mentees, n_mentors);
            let matching = run_with(&mentees, &mentors, &previous, &weights);
            let previous: HashSet<(u64, u64)> = previous.into_iter().collect();
            let got = (
                matching.proposals.len() - matching.repeats,
                matching.proposals.len(),
                total_score(&matching),
                waiting_bonus(&mentees, matching.proposals.iter().map(|p| p.mentee_id)),
            );
            assert_eq!(
                got,
                brute_force(&mentees, &mentors, &previous, &weights),
                "round {round}"
            );
        }
    }

    #[test]
    fn overlap_across_the_date_line_auckland_honolulu() {
        // January: Auckland is on NZDT (+13), awake 20:00–08:00 UTC; Honolulu (-10) is awake
        // 19:00–07:00 UTC. Both: 20:00–07:00 UTC = 11 h.
        let a = Tz::Pacific__Auckland;
        let b = Tz::Pacific__Honolulu;
        assert_eq!(awake_overlap_hours(a, b, january()), 11.0);
        assert_eq!(awake_overlap_hours(b, a, january()), 11.0);
        // July: NZST (+12), awake 21:00–09:00 UTC; with Honolulu: 21:00–07:00 UTC = 10 h.
        assert_eq!(awake_overlap_hours(a, b, july()), 10.0);
    }

    #[test]
    fn overlap_between_berlin_and_los_angeles() {
        // January: Berlin (+1) awake 08:00–20:00 UTC, Los Angeles (-8) 17:00–05:00 UTC: 3 h.
        let a = Tz::Europe__Berlin;
        let b = Tz::America__Los_Angeles;
        assert_eq!(awake_overlap_hours(a, b, january()), 3.0);
        // July: both on summer time, still 9 h apart: 3 h.
        assert_eq!(awake_overlap_hours(a, b, july()), 3.0);
        // 20 March 2025: the US has moved its clocks (since 9 March) but the EU not yet (30 March):
        // Berlin +1, Los Angeles -7, 8 h apart: 4 h.
        let gap = Utc.with_ymd_and_hms(2025, 3, 20, 12, 0, 0).unwrap();
        assert_eq!(awake_overlap_hours(a, b, gap), 4.0);
    }

    #[test]
    fn daylight_saving_time_changes_the_overlap() {
        // Tokyo (+9) has no DST. January: Berlin +1, 8 h apart: 4 h. July: Berlin +2, 7 h: 5 h.
        let a = Tz::Europe__Berlin;
        let b = Tz::Asia__Tokyo;
        assert_eq!(awake_overlap_hours(a, b, january()), 4.0);
        assert_eq!(awake_overlap_hours(a, b, july()), 5.0);
    }

    #[test]
    fn overlap_is_symmetric_and_full_in_the_same_zone() {
        assert_eq!(awake_overlap_hours(Tz::UTC, Tz::UTC, january()), 12.0);
        // Half-hour and 45-minute offsets: Kolkata +5:30, Kathmandu +5:45.
        assert_eq!(
            awake_overlap_hours(Tz::Asia__Kolkata, Tz::Asia__Kathmandu, january()),
            11.75
        );
        // 12 h apart: one wakes as the other goes to sleep.
        assert_eq!(
            awake_overlap_hours(Tz::UTC, Tz::Etc__GMTMinus12, january()),
            0.0
        );
        for a in ZONES {
            for b in ZONES {
                let ab = awake_overlap_hours(a, b, july());
                assert_eq!(ab, awake_overlap_hours(b, a, july()));
                assert!((0.0..=12.0).contains(&ab));
            }
        }
    }

    #[test]
    fn ties_are_broken_the_same_way_for_shuffled_input() {
        let mut rng = fastrand::Rng::with_seed(3);
        let (mut mentees, mut mentors, mut previous) = random_population(&mut rng, 40, 15);
        // Identical people so that many scores tie exactly.
        for id in 100..110 {
            mentees.push(mentee(id, 1, &["rust"], &["en"]));
            mentors.push(mentor(id + 1000, 1, 0, &["rust"], &["en"]));
        }
        let expected = run(&mentees, &mentors, &previous);
        for seed in 0..10 {
            let mut rng = fastrand::Rng::with_seed(seed);
            rng.shuffle(&mut mentees);
            rng.shuffle(&mut mentors);
            rng.shuffle(&mut previous);
            assert_eq!(run(&mentees, &mentors, &previous), expected);
        }
    }

    #[test]
    fn mentees_beyond_the_free_slots_get_no_free_mentor_and_the_longest_waiting_go_first() {
        // Same profile, so every score ties; only waiting time differs (13 ties with 10 on time
        // and loses on id).
        let mentees = vec![
            mentee(12, 1, &["rust"], &["en"]),
            mentee(13, 3, &["rust"], &["en"]),
            mentee(11, 5, &["rust"], &["en"]),
            mentee(10, 3, &["rust"], &["en"]),
            mentee(14, 2, &["rust"], &["en"]),
        ];
        let mentors = vec![
            mentor(1, 2, 0, &["rust"], &["en"]),
            mentor(2, 2, 1, &["rust"], &["en"]),
        ];
        let matching = run(&mentees, &mentors, &[]);
        let matched: Vec<u64> = matching.proposals.iter().map(|p| p.mentee_id).collect();
        assert_eq!(matched, vec![11, 10, 13]);
        assert_eq!(
            matching.unmatched,
            vec![(14, Unmatched::NoFreeMentor), (12, Unmatched::NoFreeMentor)]
        );
        assert_eq!(matching.free_slots_left, 0);
    }

    #[test]
    fn a_mentee_without_a_common_language_is_reported_as_such() {
        let mentees = vec![
            mentee(10, 3, &["rust"], &["ja"]),
            mentee(11, 2, &["rust"], &["es"]),
            mentee(12, 1, &["rust"], &["en"]),
        ];
        // Mentor 2 speaks Spanish but is full: 11 waits for a slot rather than a language.
        let mentors = vec![
            mentor(1, 3, 0, &["rust"], &["en"]),
            mentor(2, 1, 1, &["rust"], &["es"]),
        ];
        let matching = run(&mentees, &mentors, &[]);
        assert_eq!(mentor_of(&matching, 12), Some(1));
        assert_eq!(
            matching.unmatched,
            vec![
                (10, Unmatched::NoCommonLanguage),
                (11, Unmatched::NoFreeMentor)
            ]
        );
        assert_eq!(matching.free_slots_left, 2);
    }

    #[test]
    fn reasons_list_shared_topics_and_languages() {
        let mut m = mentee(10, 1, &["web", "rust", "ml", "rust"], &["fr", "en", "de"]);
        m.person.timezone = Tz::Europe__Berlin;
        let mut x = mentor(1, 2, 1, &["ml", "ops", "rust"], &["de", "en"]);
        x.person.timezone = Tz::Asia__Tokyo;
        let matching = run(&[m], &[x], &[]);
        let p = &matching.proposals[0];
        assert_eq!((p.mentor_id, p.mentee_id), (1, 10));
        assert_eq!(
            p.reasons,
            Reasons {
                shared_topics: vec!["ml".to_string(), "rust".to_string()],
                overlap_hours: 4.0,
                shared_languages: vec!["de".to_string(), "en".to_string()],
                repeat: false,
            }
        );
        // (3 * 2/3 + 2 * 4/12 + 1 * 1 + 1 * 1/2) / 7 = 4.1667 / 7 = 0.595...
        assert_eq!(p.score, 60);
    }

    #[test]
    fn score_is_a_weighted_average_between_0_and_100() {
        let w = Weights::default();
        assert_eq!(w.score(1.0, 1.0, 1.0, 1.0), 100);
        assert_eq!(w.score(0.0, 0.0, 0.0, 0.0), 0);
        assert_eq!(w.score(1.0, 0.0, 0.0, 0.0), 43); // 3 / 7
        let nothing = Weights {
            topics: 0.0,
            overlap: -1.0,
            language: f64::NAN,
            load: 0.0,
        };
        assert_eq!(nothing.score(1.0, 1.0, 1.0, 1.0), 0);
    }

    #[test]
    fn weights_default_and_fill_in_missing_config_keys() {
        assert_eq!(
            Weights::default(),
            Weights {
                topics: 3.0,
                overlap: 2.0,
                language: 1.0,
                load: 1.0
            }
        );
        let w: Weights = serde_json::from_str(r#"{"topics": 5.0}"#).unwrap();
        assert_eq!(
            w,
            Weights {
                topics: 5.0,
                ..Weights::default()
            }
        );
    }

    #[test]
    fn tiers_stay_within_i64_for_large_inputs() {
        let t = Tiers::new(500, 600);
        assert!(t.wait_bonus);
        // Far beyond anything the bot will see, the waiting tie-break is dropped, not the order.
        let t = Tiers::new(20_000, 20_000);
        assert!(!t.wait_bonus);
        assert!(t.first_time > 20_000 * t.repeat);
    }

    #[test]
    fn people_kept_apart_are_never_proposed_whoever_asked() {
        let mentees = [mentee(1, 3, &["rust"], &["en"])];
        let mentors = [
            mentor(10, 1, 0, &["rust"], &["en"]),
            mentor(11, 1, 0, &["go"], &["en"]),
        ];
        let best = run(&mentees, &mentors, &[]);
        assert_eq!(best.proposals[0].mentor_id, 10);
        // The mentee asked, or the mentor did: either way the other mentor is proposed.
        for row in [(1, 10), (10, 1)] {
            let apart = kept_apart(&[row]);
            let m = suggest(
                &mentees,
                &mentors,
                &HashSet::new(),
                &apart,
                &Weights::default(),
                january(),
            );
            assert_eq!(m.proposals.len(), 1);
            assert_eq!(m.proposals[0].mentor_id, 11, "{row:?}");
        }
        // Nobody else: the mentee waits, and the reason names no one.
        let apart = kept_apart(&[(1, 10)]);
        let m = suggest(
            &mentees,
            &mentors[..1],
            &HashSet::new(),
            &apart,
            &Weights::default(),
            january(),
        );
        assert!(m.proposals.is_empty());
        assert_eq!(m.unmatched, [(1, Unmatched::NoFreeMentor)]);
    }
}
