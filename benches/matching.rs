//! Release benchmark of the matcher on a seeded population of 500 mentees × 200 mentors, and
//! of peer circles: 600 people waiting, grouped into circles of 4.
//! Run with `cargo bench --bench matching`.

use std::collections::HashSet;
use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Tz;
use tandem::domain::matching::{suggest, Candidate, Mentee, Mentor, Weights};
use tandem::domain::peers::suggest_circles;

const MENTEES: usize = 500;
const MENTORS: usize = 200;
const RUNS: usize = 5;
/// People waiting who are grouped into peer circles, and the circles' size.
const PEERS: usize = 600;
const CIRCLE: usize = 4;

const TOPICS: [&str; 30] = [
    "rust",
    "python",
    "go",
    "java",
    "kotlin",
    "swift",
    "typescript",
    "react",
    "vue",
    "css",
    "sql",
    "postgres",
    "kubernetes",
    "docker",
    "aws",
    "linux",
    "security",
    "testing",
    "ml",
    "data",
    "android",
    "ios",
    "gamedev",
    "embedded",
    "compilers",
    "design",
    "career",
    "writing",
    "open-source",
    "interviews",
];

const ZONES: [Tz; 20] = [
    Tz::Europe__London,
    Tz::Europe__Berlin,
    Tz::Europe__Madrid,
    Tz::Europe__Paris,
    Tz::Europe__Lisbon,
    Tz::Europe__Helsinki,
    Tz::America__New_York,
    Tz::America__Chicago,
    Tz::America__Denver,
    Tz::America__Los_Angeles,
    Tz::America__Sao_Paulo,
    Tz::America__Mexico_City,
    Tz::America__Argentina__Buenos_Aires,
    Tz::Asia__Kolkata,
    Tz::Asia__Tokyo,
    Tz::Asia__Singapore,
    Tz::Australia__Sydney,
    Tz::Pacific__Auckland,
    Tz::Pacific__Honolulu,
    Tz::Africa__Lagos,
];

fn candidate(rng: &mut fastrand::Rng, user_id: u64) -> Candidate {
    let mut topics: Vec<String> = (0..rng.usize(1..=5))
        .map(|_| TOPICS[rng.usize(..TOPICS.len())].to_string())
        .collect();
    topics.sort();
    topics.dedup();
    // Most speak English; some speak a second language, a few only another one.
    let mut languages = Vec::new();
    if rng.f64() < 0.85 {
        languages.push("en".to_string());
    }
    if languages.is_empty() || rng.f64() < 0.3 {
        languages.push(["es", "de", "fr", "pt"][rng.usize(..4)].to_string());
    }
    Candidate {
        user_id,
        topics,
        languages,
        timezone: ZONES[rng.usize(..ZONES.len())],
    }
}

fn population(at: DateTime<Utc>) -> (Vec<Mentee>, Vec<Mentor>, HashSet<(u64, u64)>) {
    let mut rng = fastrand::Rng::with_seed(0x007a_4de3);
    let mentees: Vec<Mentee> = (0..MENTEES as u64)
        .map(|i| Mentee {
            person: candidate(&mut rng, 1_000 + i),
            waiting_since: at - chrono::Duration::minutes(rng.i64(0..60 * 24 * 30)),
        })
        .collect();
    let mentors: Vec<Mentor> = (0..MENTORS as u64)
        .map(|i| {
            let capacity = rng.u8(1..=3);
            Mentor {
                person: candidate(&mut rng, 100_000 + i),
                capacity,
                load: rng.u8(0..capacity),
            }
        })
        .collect();
    let previous = (0..300)
        .map(|_| {
            let mentor = &mentors[rng.usize(..MENTORS)];
            let mentee = &mentees[rng.usize(..MENTEES)];
            (mentor.person.user_id, mentee.person.user_id)
        })
        .collect();
    (mentees, mentors, previous)
}

fn main() {
    let at = Utc.with_ymd_and_hms(2025, 3, 20, 12, 0, 0).unwrap();
    let (mentees, mentors, previous) = population(at);
    let weights = Weights::default();
    let free: u32 = mentors.iter().map(|m| u32::from(m.capacity - m.load)).sum();

    let mut best = Duration::MAX;
    let mut result = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        let matching = suggest(
            black_box(&mentees),
            black_box(&mentors),
            &previous,
            &std::collections::HashSet::new(),
            &weights,
            at,
        );
        best = best.min(start.elapsed());
        result = Some(matching);
    }
    let matching = result.expect("at least one run");
    println!(
        "matching {MENTEES} mentees x {MENTORS} mentors ({free} free slots): {:.1} ms (best of {RUNS}), {} proposals, {} unmatched, {} repeats",
        best.as_secs_f64() * 1e3,
        matching.proposals.len(),
        matching.unmatched.len(),
        matching.repeats,
    );

    circles(at, &weights);
}

/// 600 people into circles of 4: the time, how many circles and people left over, and how
/// well the circles fit (their average score, and the share whose members share a topic).
fn circles(at: DateTime<Utc>, weights: &Weights) {
    let mut rng = fastrand::Rng::with_seed(0x00c1_c1e5);
    let people: Vec<Mentee> = (0..PEERS as u64)
        .map(|i| Mentee {
            person: candidate(&mut rng, 1_000 + i),
            waiting_since: at - chrono::Duration::minutes(rng.i64(0..60 * 24 * 30)),
        })
        .collect();
    let mut best = Duration::MAX;
    let mut result = None;
    for _ in 0..RUNS {
        let start = Instant::now();
        let circles = suggest_circles(black_box(&people), CIRCLE, &HashSet::new(), weights, at);
        best = best.min(start.elapsed());
        result = Some(circles);
    }
    let c = result.expect("at least one run");
    let placed: usize = c.circles.iter().map(|c| c.members.len()).sum();
    let score: f64 =
        c.circles.iter().map(|c| f64::from(c.score)).sum::<f64>() / c.circles.len().max(1) as f64;
    let with_topic = c
        .circles
        .iter()
        .filter(|c| !c.reasons.shared_topics.is_empty())
        .count();
    let overlap: f64 = c
        .circles
        .iter()
        .map(|c| c.reasons.overlap_hours)
        .sum::<f64>()
        / c.circles.len().max(1) as f64;
    println!(
        "circles: {PEERS} people into circles of {CIRCLE}: {:.1} ms (best of {RUNS}), {} circles, {placed} people placed, {} left waiting, average score {score:.0}, {with_topic} circles ({:.0}%) share a topic by half or more, {overlap:.1} h awake together on average",
        best.as_secs_f64() * 1e3,
        c.circles.len(),
        c.unmatched.len(),
        100.0 * with_topic as f64 / c.circles.len().max(1) as f64,
    );
}
