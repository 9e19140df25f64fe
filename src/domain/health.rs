//! Pair health: green, amber or red, always with the reasons, so a moderator knows what to do.

use chrono::NaiveDate;
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Health {
    Green,
    Amber,
    Red,
}

impl Health {
    pub fn as_str(self) -> &'static str {
        match self {
            Health::Green => "green",
            Health::Amber => "amber",
            Health::Red => "red",
        }
    }
}

/// When a signal turns a pair amber or red (`[health]` in the config).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// Days without a message or meeting.
    pub quiet_amber_days: u32,
    pub quiet_red_days: u32,
    /// Latest check-ins in a row that nobody answered.
    pub unanswered_amber: u32,
    pub unanswered_red: u32,
    /// How many of the latest answered check-ins the mood signals look at.
    pub mood_window: usize,
    /// Red when the average mood of that window is at or below this (needs two answers).
    pub mood_low: f64,
    /// Amber when the newer half of the window is this much below the older half.
    pub mood_drop: f64,
    /// Amber from this many goals past their due date.
    pub overdue_goals: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            quiet_amber_days: 7,
            quiet_red_days: 14,
            unanswered_amber: 1,
            unanswered_red: 2,
            mood_window: 4,
            mood_low: 2.0,
            mood_drop: 1.0,
            overdue_goals: 1,
        }
    }
}

impl Thresholds {
    /// Plain descriptions of settings that cannot work, by key.
    pub fn problems(&self) -> Vec<(&'static str, &'static str)> {
        let mut out = Vec::new();
        if self.quiet_amber_days == 0 || self.quiet_red_days <= self.quiet_amber_days {
            out.push((
                "health.quiet_red_days",
                "must be above quiet_amber_days, which must be at least 1",
            ));
        }
        if self.unanswered_amber == 0 || self.unanswered_red < self.unanswered_amber {
            out.push((
                "health.unanswered_red",
                "must be at least unanswered_amber, which must be at least 1",
            ));
        }
        if !(2..=20).contains(&self.mood_window) {
            out.push(("health.mood_window", "must be between 2 and 20"));
        }
        if !(1.0..=5.0).contains(&self.mood_low) {
            out.push(("health.mood_low", "must be between 1 and 5"));
        }
        if !(self.mood_drop > 0.0 && self.mood_drop <= 4.0) {
            out.push(("health.mood_drop", "must be above 0 and at most 4"));
        }
        if self.overdue_goals == 0 {
            out.push(("health.overdue_goals", "must be at least 1"));
        }
        out
    }
}

/// What is known about an active pair when its health is judged.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PairFacts {
    pub started: NaiveDate,
    /// The last day a member wrote in the pair channel.
    pub last_message: Option<NaiveDate>,
    /// The last day the pair recorded a meeting.
    pub last_meeting: Option<NaiveDate>,
    /// Latest check-ins in a row with no answer (prompts still within their answer window
    /// are left out by the caller).
    pub unanswered_in_row: u32,
    /// Mood of each answered check-in (average of the members who gave one), oldest first.
    pub moods: Vec<f64>,
    pub overdue_goals: u32,
}

/// Why a pair is not green.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// No message or meeting for `days` days (`since_start`: none at all since pairing).
    Quiet {
        days: u32,
        since_start: bool,
    },
    Unanswered(u32),
    LowMood(f64),
    MoodFalling {
        from: f64,
        to: f64,
    },
    GoalsOverdue(u32),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub health: Health,
    /// Worst first.
    pub reasons: Vec<(Health, Reason)>,
}

impl Assessment {
    /// The reason that decides what a moderator should do first.
    pub fn main_reason(&self) -> Option<&Reason> {
        self.reasons.first().map(|(_, r)| r)
    }
}

fn mean(xs: &[f64]) -> f64 {
    xs.iter().sum::<f64>() / xs.len() as f64
}

/// Judges one active pair on `today`.
pub fn assess(f: &PairFacts, today: NaiveDate, t: &Thresholds) -> Assessment {
    let mut reasons = Vec::new();

    let last = f.last_message.max(f.last_meeting);
    let since = last.unwrap_or(f.started).max(f.started);
    let days = (today - since).num_days().max(0) as u32;
    let quiet = Reason::Quiet {
        days,
        since_start: last.is_none(),
    };
    if days >= t.quiet_red_days {
        reasons.push((Health::Red, quiet));
    } else if days >= t.quiet_amber_days {
        reasons.push((Health::Amber, quiet));
    }

    let n = f.unanswered_in_row;
    if n >= t.unanswered_red {
        reasons.push((Health::Red, Reason::Unanswered(n)));
    } else if n >= t.unanswered_amber {
        reasons.push((Health::Amber, Reason::Unanswered(n)));
    }

    let window = &f.moods[f.moods.len().saturating_sub(t.mood_window)..];
    if window.len() >= 2 {
        let average = mean(window);
        let half = window.len() / 2;
        let (from, to) = (mean(&window[..half]), mean(&window[half..]));
        // A small epsilon so a threshold hit exactly is not lost to floating point.
        if average <= t.mood_low + 1e-9 {
            reasons.push((Health::Red, Reason::LowMood(average)));
        } else if from - to >= t.mood_drop - 1e-9 {
            reasons.push((Health::Amber, Reason::MoodFalling { from, to }));
        }
    }

    if f.overdue_goals >= t.overdue_goals {
        reasons.push((Health::Amber, Reason::GoalsOverdue(f.overdue_goals)));
    }

    // Stable: among equals, the order above (activity first) is kept.
    reasons.sort_by_key(|r| std::cmp::Reverse(r.0));
    Assessment {
        health: reasons.first().map_or(Health::Green, |(h, _)| *h),
        reasons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    /// A pair started on the 1st that wrote on `last_message`, judged on the 30th.
    fn quiet_since(last_message: u32) -> Assessment {
        let f = PairFacts {
            started: day(1),
            last_message: Some(day(last_message)),
            ..Default::default()
        };
        assess(&f, day(30), &Thresholds::default())
    }

    #[test]
    fn a_pair_quiet_for_six_days_is_green_and_for_seven_is_amber() {
        assert_eq!(quiet_since(24).health, Health::Green);
        let seven = quiet_since(23);
        assert_eq!(seven.health, Health::Amber);
        assert_eq!(
            seven.reasons,
            vec![(
                Health::Amber,
                Reason::Quiet {
                    days: 7,
                    since_start: false
                }
            )]
        );
    }

    #[test]
    fn a_pair_quiet_for_thirteen_days_is_amber_and_for_fourteen_is_red() {
        assert_eq!(quiet_since(17).health, Health::Amber);
        assert_eq!(quiet_since(16).health, Health::Red);
    }

    #[test]
    fn a_meeting_counts_as_activity_like_a_message() {
        let f = PairFacts {
            started: day(1),
            last_message: Some(day(2)),
            last_meeting: Some(day(28)),
            ..Default::default()
        };
        assert_eq!(
            assess(&f, day(30), &Thresholds::default()).health,
            Health::Green
        );
    }

    #[test]
    fn a_new_pair_is_judged_from_the_day_it_started() {
        let mut f = PairFacts {
            started: day(25),
            ..Default::default()
        };
        assert_eq!(
            assess(&f, day(30), &Thresholds::default()).health,
            Health::Green
        );
        f.started = day(10);
        let a = assess(&f, day(30), &Thresholds::default());
        assert_eq!(
            a.reasons,
            vec![(
                Health::Red,
                Reason::Quiet {
                    days: 20,
                    since_start: true
                }
            )]
        );
    }

    #[test]
    fn one_unanswered_check_in_is_amber_and_two_are_red() {
        let mut f = PairFacts {
            started: day(1),
            last_message: Some(day(30)),
            ..Default::default()
        };
        let t = Thresholds::default();
        assert_eq!(assess(&f, day(30), &t).health, Health::Green);
        f.unanswered_in_row = 1;
        assert_eq!(assess(&f, day(30), &t).health, Health::Amber);
        f.unanswered_in_row = 2;
        assert_eq!(
            assess(&f, day(30), &t).reasons,
            vec![(Health::Red, Reason::Unanswered(2))]
        );
    }

    #[test]
    fn an_average_mood_at_the_low_mark_is_red_and_just_above_is_not() {
        let mut f = PairFacts {
            started: day(1),
            last_message: Some(day(30)),
            moods: vec![5.0, 5.0, 2.0, 2.0, 2.0, 2.0],
            ..Default::default()
        };
        let t = Thresholds::default();
        // Only the latest four count: 2.0 on average.
        assert_eq!(
            assess(&f, day(30), &t).reasons,
            vec![(Health::Red, Reason::LowMood(2.0))]
        );
        f.moods = vec![2.0, 2.0, 2.0, 2.5];
        assert_eq!(assess(&f, day(30), &t).health, Health::Green);
    }

    #[test]
    fn a_single_low_mood_is_not_yet_a_signal() {
        let f = PairFacts {
            started: day(1),
            last_message: Some(day(30)),
            moods: vec![1.0],
            ..Default::default()
        };
        assert_eq!(
            assess(&f, day(30), &Thresholds::default()).health,
            Health::Green
        );
    }

    #[test]
    fn mood_falling_by_the_drop_is_amber_and_by_less_is_green() {
        let mut f = PairFacts {
            started: day(1),
            last_message: Some(day(30)),
            moods: vec![4.5, 4.5, 3.5, 3.5],
            ..Default::default()
        };
        let t = Thresholds::default();
        assert_eq!(
            assess(&f, day(30), &t).reasons,
            vec![(Health::Amber, Reason::MoodFalling { from: 4.5, to: 3.5 })]
        );
        f.moods = vec![4.5, 4.5, 3.6, 3.6];
        assert_eq!(assess(&f, day(30), &t).health, Health::Green);
    }

    #[test]
    fn an_overdue_goal_is_amber() {
        let f = PairFacts {
            started: day(1),
            last_message: Some(day(30)),
            overdue_goals: 1,
            ..Default::default()
        };
        assert_eq!(
            assess(&f, day(30), &Thresholds::default()).reasons,
            vec![(Health::Amber, Reason::GoalsOverdue(1))]
        );
    }

    #[test]
    fn reasons_are_listed_worst_first() {
        let f = PairFacts {
            started: day(1),
            last_message: Some(day(14)),
            unanswered_in_row: 1,
            overdue_goals: 2,
            ..Default::default()
        };
        let a = assess(&f, day(30), &Thresholds::default());
        assert_eq!(a.health, Health::Red);
        assert_eq!(
            a.reasons,
            vec![
                (
                    Health::Red,
                    Reason::Quiet {
                        days: 16,
                        since_start: false
                    }
                ),
                (Health::Amber, Reason::Unanswered(1)),
                (Health::Amber, Reason::GoalsOverdue(2)),
            ]
        );
    }

    #[test]
    fn thresholds_from_the_config_move_the_marks() {
        let t = Thresholds {
            quiet_amber_days: 3,
            quiet_red_days: 5,
            ..Default::default()
        };
        let f = PairFacts {
            started: day(1),
            last_message: Some(day(25)),
            ..Default::default()
        };
        assert_eq!(assess(&f, day(30), &t).health, Health::Red);
        assert!(t.problems().is_empty());
        let bad = Thresholds {
            quiet_red_days: 3,
            ..t
        };
        assert_eq!(bad.problems()[0].0, "health.quiet_red_days");
    }
}
