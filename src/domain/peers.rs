//! Suggested peer circles (`/pair suggest kind:circles`): the people waiting, grouped into
//! circles of a chosen size by shared topics and the hours they are awake together, each
//! circle sharing a language and nobody in it kept apart from another. Greedy and
//! deterministic: the longest-waiting person still free seeds the next circle, which takes
//! whoever fits its members best; people left over join a circle with room, or wait.

use std::collections::HashSet;

use chrono::{DateTime, Utc};

use super::matching::{
    common, count_common, overlap_minutes, Mentee, Profile, Reasons, Weights, AWAKE_FOR,
};
use super::pair::{MAX_CIRCLE, MIN_CIRCLE};

/// A proposed circle.
#[derive(Debug, Clone, PartialEq)]
pub struct CircleProposal {
    /// In the order they joined the proposal (the seed first).
    pub members: Vec<u64>,
    /// 0..=100: how well its members fit each other, on average.
    pub score: u32,
    /// Topics at least half of them share (most shared first), the hours all of them are
    /// awake together (the least of any two), and the languages they all speak.
    pub reasons: Reasons,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Circles {
    pub circles: Vec<CircleProposal>,
    /// People no circle could take (too few left, or no shared language), longest-waiting
    /// first.
    pub unmatched: Vec<u64>,
}

/// How well two people fit, 0..=1, or `None` when they may not share a circle (the same
/// person, no language in common, kept apart).
fn fit(a: &Profile, b: &Profile, apart: &HashSet<(u64, u64)>, weights: &Weights) -> Option<f64> {
    if a.id == b.id || apart.contains(&(a.id, b.id)) {
        return None;
    }
    if count_common(&a.languages, &b.languages) == 0 {
        return None;
    }
    let union = a.topics.len() + b.topics.len() - count_common(&a.topics, &b.topics);
    let topics = if union == 0 {
        0.0
    } else {
        count_common(&a.topics, &b.topics) as f64 / union as f64
    };
    let overlap = f64::from(overlap_minutes(a.awake_from, b.awake_from)) / f64::from(AWAKE_FOR);
    Some(f64::from(weights.score(topics, overlap, 1.0, 0.0)) / 100.0)
}

/// Circles of about `size` (clamped to 3..=6) from `people`; `apart` as for pairs (both
/// orders, see [`super::matching::kept_apart`]); `at` the instant for UTC offsets.
pub fn suggest_circles(
    people: &[Mentee],
    size: usize,
    apart: &HashSet<(u64, u64)>,
    weights: &Weights,
    at: DateTime<Utc>,
) -> Circles {
    let size = size.clamp(MIN_CIRCLE, MAX_CIRCLE);
    let mut order: Vec<&Mentee> = people.iter().collect();
    order.sort_by_key(|m| (m.waiting_since, m.person.user_id));
    order.dedup_by_key(|m| m.person.user_id);
    let profiles: Vec<Profile> = order.iter().map(|m| Profile::new(&m.person, at)).collect();
    let n = profiles.len();
    // Every pair's fit once: n² small numbers (600 people: 360,000).
    let mut fits: Vec<Option<f32>> = vec![None; n * n];
    for i in 0..n {
        for j in (i + 1)..n {
            let f = fit(&profiles[i], &profiles[j], apart, weights).map(|x| x as f32);
            fits[i * n + j] = f;
            fits[j * n + i] = f;
        }
    }
    let fit_of = |i: usize, j: usize| fits[i * n + j];
    // Whether `c` may join `members`: fits each of them and shares a language with all.
    let joins = |members: &[usize], c: usize| -> Option<f32> {
        let mut total = 0.0;
        for &m in members {
            total += fit_of(m, c)?;
        }
        let with_c = members.iter().copied().chain([c]);
        (!languages_of_all(with_c, &profiles).is_empty()).then_some(total)
    };

    let mut free: Vec<bool> = vec![true; n];
    let mut formed: Vec<Vec<usize>> = Vec::new();
    let mut unmatched: Vec<usize> = Vec::new();
    for seed in 0..n {
        if !free[seed] {
            continue;
        }
        free[seed] = false;
        let mut members = vec![seed];
        while members.len() < size {
            let best = (0..n)
                .filter(|&c| free[c])
                .filter_map(|c| joins(&members, c).map(|score| (c, score)))
                // The best fit; on a tie, whoever waited longest.
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            let Some((c, _)) = best else { break };
            free[c] = false;
            members.push(c);
        }
        if members.len() >= MIN_CIRCLE {
            formed.push(members);
        } else {
            // Too few fit the seed: the seed waits, the others may still join a later circle.
            for &m in &members[1..] {
                free[m] = true;
            }
            unmatched.push(seed);
        }
    }
    // Whoever is left joins the circle with room that fits them best.
    let mut still = Vec::new();
    for person in unmatched {
        let best = formed
            .iter()
            .enumerate()
            .filter(|(_, c)| c.len() < MAX_CIRCLE)
            .filter_map(|(i, c)| joins(c, person).map(|s| (i, s / c.len() as f32)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        match best {
            Some((i, _)) => formed[i].push(person),
            None => still.push(person),
        }
    }
    still.sort_unstable();

    let circles = formed
        .into_iter()
        .map(|members| {
            let mut total = 0.0;
            let mut pairs = 0;
            let mut least = AWAKE_FOR;
            for (k, &a) in members.iter().enumerate() {
                for &b in &members[k + 1..] {
                    total += f64::from(fit_of(a, b).unwrap_or(0.0));
                    pairs += 1;
                    least = least.min(overlap_minutes(
                        profiles[a].awake_from,
                        profiles[b].awake_from,
                    ));
                }
            }
            let languages = languages_of_all(members.iter().copied(), &profiles);
            CircleProposal {
                members: members.iter().map(|&m| profiles[m].id).collect(),
                score: (100.0 * total / f64::from(pairs.max(1))).round() as u32,
                reasons: Reasons {
                    shared_topics: shared_by_half(&members, &profiles),
                    overlap_hours: f64::from(least) / 60.0,
                    shared_languages: common(&languages, &languages),
                    repeat: false,
                },
            }
        })
        .collect();
    Circles {
        circles,
        unmatched: still.into_iter().map(|m| profiles[m].id).collect(),
    }
}

/// The languages every one of `members` speaks (none for no members).
fn languages_of_all<'a>(
    mut members: impl Iterator<Item = usize>,
    profiles: &[Profile<'a>],
) -> Vec<&'a str> {
    let Some(first) = members.next() else {
        return Vec::new();
    };
    let mut shared = profiles[first].languages.clone();
    for m in members {
        shared.retain(|l| profiles[m].languages.contains(l));
    }
    shared
}

/// Topics at least half of the members have, most shared first, then alphabetically (at
/// most three).
fn shared_by_half(members: &[usize], profiles: &[Profile]) -> Vec<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for &m in members {
        for t in &profiles[m].topics {
            match counts.iter_mut().find(|(x, _)| x == t) {
                Some((_, n)) => *n += 1,
                None => counts.push((t, 1)),
            }
        }
    }
    counts.retain(|(_, n)| *n >= 2 && *n * 2 >= members.len());
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    counts
        .into_iter()
        .take(3)
        .map(|(t, _)| t.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::matching::{kept_apart, Candidate};
    use chrono::TimeZone;
    use chrono_tz::Tz;

    fn at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 1, 4, 12, 0, 0).unwrap()
    }

    fn person(id: u64, topics: &[&str], tz: Tz, languages: &[&str]) -> Mentee {
        Mentee {
            person: Candidate {
                user_id: id,
                topics: topics.iter().map(|t| t.to_string()).collect(),
                languages: languages.iter().map(|l| l.to_string()).collect(),
                timezone: tz,
            },
            waiting_since: at() - chrono::Duration::days(id as i64),
        }
    }

    #[test]
    fn people_who_share_topics_and_hours_end_up_together() {
        let berlin = Tz::Europe__Berlin;
        let tokyo = Tz::Asia__Tokyo;
        let people = vec![
            person(1, &["rust", "async"], berlin, &["en"]),
            person(2, &["python", "ml"], tokyo, &["en"]),
            person(3, &["rust"], berlin, &["en"]),
            person(4, &["python"], tokyo, &["en"]),
            person(5, &["rust", "async"], berlin, &["en"]),
            person(6, &["ml"], tokyo, &["en"]),
        ];
        let c = suggest_circles(&people, 3, &HashSet::new(), &Weights::default(), at());
        assert!(c.unmatched.is_empty(), "{c:?}");
        let mut groups: Vec<Vec<u64>> = c
            .circles
            .iter()
            .map(|c| {
                let mut m = c.members.clone();
                m.sort_unstable();
                m
            })
            .collect();
        groups.sort();
        assert_eq!(groups, [vec![1, 3, 5], vec![2, 4, 6]]);
        let rust = c.circles.iter().find(|c| c.members.contains(&1)).unwrap();
        assert_eq!(rust.reasons.shared_topics, ["rust", "async"]);
        assert_eq!(rust.reasons.overlap_hours, 12.0);
        assert_eq!(rust.reasons.shared_languages, ["en"]);
    }

    #[test]
    fn a_circle_shares_a_language_and_keeps_apart_who_asked() {
        let tz = Tz::Europe__Madrid;
        let people = vec![
            person(1, &["rust"], tz, &["es", "en"]),
            person(2, &["rust"], tz, &["es"]),
            person(3, &["rust"], tz, &["en"]),
            person(4, &["rust"], tz, &["es"]),
            person(5, &["rust"], tz, &["es"]),
        ];
        let apart = kept_apart(&[(4, 1)]);
        let c = suggest_circles(&people, 3, &apart, &Weights::default(), at());
        for circle in &c.circles {
            assert!(!(circle.members.contains(&1) && circle.members.contains(&4)));
            assert!(!(circle.members.contains(&2) && circle.members.contains(&3)));
            assert!(circle.members.len() >= 3, "{circle:?}");
        }
        let placed: usize = c.circles.iter().map(|c| c.members.len()).sum();
        assert_eq!(placed + c.unmatched.len(), 5);
    }

    #[test]
    fn the_few_left_over_join_a_circle_with_room_or_wait() {
        let tz = Tz::UTC;
        let people: Vec<Mentee> = (1..=9).map(|i| person(i, &["go"], tz, &["en"])).collect();
        let c = suggest_circles(&people, 4, &HashSet::new(), &Weights::default(), at());
        let sizes: Vec<usize> = c.circles.iter().map(|c| c.members.len()).collect();
        assert_eq!(sizes.iter().sum::<usize>(), 9, "{sizes:?}");
        assert!(sizes.iter().all(|s| (3..=6).contains(s)), "{sizes:?}");
        // Two people cannot make a circle: they wait.
        let two: Vec<Mentee> = (1..=2).map(|i| person(i, &["go"], tz, &["en"])).collect();
        let c = suggest_circles(&two, 4, &HashSet::new(), &Weights::default(), at());
        assert!(c.circles.is_empty());
        assert_eq!(c.unmatched, [2, 1], "longest-waiting first");
    }
}
