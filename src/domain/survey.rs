//! Check-in answers and pulse results.

use chrono::{DateTime, Duration, Utc};

/// What a member gave in one go: a mood from the buttons, or the modal's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckinAnswer {
    Mood(u8),
    Words {
        progress: String,
        blockers: Option<String>,
        next_step: Option<String>,
    },
}

/// Whether an answer given at `at` to a prompt scheduled for `scheduled` is late.
pub fn is_late(scheduled: DateTime<Utc>, at: DateTime<Utc>, on_time: Duration) -> bool {
    at - scheduled > on_time
}

/// One pulse round's answers, before the anonymity rule is applied.
#[derive(Debug, Clone, PartialEq)]
pub struct PulseResults {
    pub round_id: i64,
    pub question: String,
    pub started_at: DateTime<Utc>,
    pub asked: u32,
    /// How many answered 1, 2, 3, 4, 5.
    pub scores: [u32; 5],
    pub comments: Vec<String>,
}

impl PulseResults {
    pub fn answered(&self) -> u32 {
        self.scores.iter().sum()
    }

    pub fn average(&self) -> Option<f64> {
        let n = self.answered();
        (n > 0).then(|| {
            let total: u32 = self
                .scores
                .iter()
                .enumerate()
                .map(|(i, c)| (i as u32 + 1) * c)
                .sum();
            f64::from(total) / f64::from(n)
        })
    }

    /// Results may be shown only when at least `min` people answered.
    pub fn visible(&self, min: u32) -> bool {
        self.answered() >= min
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_show_only_from_the_anonymity_threshold() {
        let mut r = PulseResults {
            round_id: 1,
            question: "How useful?".into(),
            started_at: Utc::now(),
            asked: 10,
            scores: [0, 1, 1, 2, 0],
            comments: vec![],
        };
        assert_eq!(r.answered(), 4);
        assert!(!r.visible(5));
        r.scores[4] = 1;
        assert!(r.visible(5));
        assert_eq!(r.average(), Some((2.0 + 3.0 + 8.0 + 5.0) / 5.0));
    }

    #[test]
    fn an_answer_after_the_on_time_window_is_late() {
        let at = DateTime::parse_from_rfc3339("2026-11-24T17:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let window = Duration::hours(48);
        assert!(!is_late(at, at + window, window));
        assert!(is_late(at, at + window + Duration::minutes(1), window));
    }
}

/// How many pulse questions tandem has of its own (in the message catalogue).
pub const BUILT_IN_QUESTIONS: usize = 4;
const BUILT_IN_MARK: &str = "tandem:pulse-question-";

/// The questions rounds take turns with: the configured ones, else tandem's own, stored as
/// marks (`tandem:pulse-question-2`) that each reader sees in their own language.
pub fn pulse_questions(configured: &[String]) -> Vec<String> {
    if !configured.is_empty() {
        return configured.to_vec();
    }
    (1..=BUILT_IN_QUESTIONS)
        .map(|n| format!("{BUILT_IN_MARK}{n}"))
        .collect()
}

/// Which of tandem's own questions (1-based) a stored round asks, if it is one of them.
pub fn built_in_question(stored: &str) -> Option<usize> {
    stored
        .strip_prefix(BUILT_IN_MARK)?
        .parse()
        .ok()
        .filter(|n| (1..=BUILT_IN_QUESTIONS).contains(n))
}

#[cfg(test)]
mod question_tests {
    use super::*;

    #[test]
    fn without_configured_questions_rounds_ask_tandems_own_by_mark() {
        let own = pulse_questions(&[]);
        assert_eq!(own.len(), BUILT_IN_QUESTIONS);
        let numbers: Vec<_> = own.iter().map(|q| built_in_question(q)).collect();
        assert_eq!(numbers, [Some(1), Some(2), Some(3), Some(4)]);
        let mine = vec!["How is it going?".to_string()];
        assert_eq!(pulse_questions(&mine), mine);
        assert_eq!(built_in_question("How is it going?"), None);
        assert_eq!(built_in_question("tandem:pulse-question-9"), None);
    }
}
