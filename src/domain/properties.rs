//! Property tests of every parser of text a person types: none panics on any string, and what
//! each accepts keeps the rules the rest of the code relies on. Case counts are bounded so the
//! whole module runs in a few seconds.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use proptest::prelude::*;

use super::guide::{parse_link, parse_title, MAX_LINK_CHARS, MAX_TITLE_CHARS};
use super::member::{
    parse_language, parse_languages, parse_topics, MAX_LANGUAGES, MAX_TOPICS, MAX_TOPIC_CHARS,
};
use super::pair::{parse_due, parse_goal_title, parse_rating, MAX_GOAL_TITLE_CHARS};
use super::schedule::Cron;
use super::timezone;

/// Any text, and text that starts like something valid and then goes wrong: the prefixes
/// steer the generator into the parsers' deeper branches (offsets, `in N weeks`, cron fields).
fn typed() -> impl Strategy<Value = String> {
    let nasty = prop_oneof![
        Just(String::new()),
        Just("é".to_string()),
        Just("€".to_string()),
        Just("\u{200b}".to_string()),
        Just("\u{202e}".to_string()),
        Just("👩‍👩‍👧".to_string()),
        Just("🇪🇸".to_string()),
        Just("\u{301}".to_string()),
        Just("@everyone".to_string()),
        Just("<@123>".to_string()),
        Just("```".to_string()),
        "[0-9+:*/,\\- ]{0,12}",
        any::<String>(),
    ];
    let prefix = prop_oneof![
        Just(""),
        Just("UTC"),
        Just("GMT"),
        Just("UTC+"),
        Just("+"),
        Just("-"),
        Just("in "),
        Just("in 3 "),
        Just("2026-"),
        Just("0 17 * * "),
        Just("*/5 "),
        Just("Europe/"),
        Just("en, "),
        Just("https://"),
        Just("http://example.com/"),
    ];
    (prefix, nasty, any::<String>()).prop_map(|(p, n, tail)| {
        let mut s = format!("{p}{n}");
        if tail.len() % 3 == 0 {
            s.push_str(&tail);
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn time_zones_never_panic_and_suggestions_respect_the_limit(text in typed(), limit in 0usize..30) {
        let _ = timezone::parse(&text);
        prop_assert!(timezone::suggest(&text, limit).len() <= limit);
    }

    #[test]
    fn accepted_topics_are_short_lower_case_distinct_tags(text in typed()) {
        if let Ok(topics) = parse_topics(&text) {
            prop_assert!(!topics.is_empty() && topics.len() <= MAX_TOPICS);
            for (i, t) in topics.iter().enumerate() {
                prop_assert!(!t.is_empty() && t.chars().count() <= MAX_TOPIC_CHARS);
                prop_assert!(!t.contains(',') && t.trim() == t);
                prop_assert_eq!(&t.to_lowercase(), t);
                prop_assert!(!topics[..i].contains(t));
            }
            // What was stored reads back the same when shown and typed again.
            prop_assert_eq!(parse_topics(&topics.join(", ")), Ok(topics));
        }
    }

    #[test]
    fn accepted_languages_are_codes(text in typed()) {
        if let Ok(code) = parse_language(&text) {
            prop_assert!((2..=3).contains(&code.len()));
            prop_assert!(code.chars().all(|c| c.is_ascii_lowercase()));
        }
        if let Ok(codes) = parse_languages(&text) {
            prop_assert!(!codes.is_empty() && codes.len() <= MAX_LANGUAGES);
            prop_assert_eq!(parse_languages(&codes.join(", ")), Ok(codes));
        }
    }

    #[test]
    fn accepted_schedules_fire_and_at_most_hourly(text in typed(), start in 0i64..4_000_000_000) {
        if let Ok(cron) = Cron::parse(&text) {
            let from = DateTime::<Utc>::from_timestamp(start, 0).unwrap();
            let first = cron.next_after(chrono_tz::UTC, from);
            prop_assert!(first.is_some(), "{text:?} accepted but never fires");
            let first = first.unwrap();
            let second = cron.next_after(chrono_tz::UTC, first).unwrap();
            prop_assert!(second - first >= Duration::hours(1), "{text:?} fires too often");
            prop_assert_eq!(Cron::parse(cron.as_str()).ok(), Some(cron));
        }
    }

    #[test]
    fn due_dates_are_never_before_today(text in typed(), day in 0i64..40_000) {
        let today = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap() + Duration::days(day);
        if let Ok(due) = parse_due(&text, today) {
            prop_assert!(due >= today);
        }
    }

    #[test]
    fn relative_due_dates_count_from_today(n in 1i64..=520, weeks in any::<bool>(), day in 0i64..40_000) {
        let today = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap() + Duration::days(day);
        let (unit, days) = if weeks { ("weeks", 7 * n) } else { ("days", n) };
        prop_assert_eq!(parse_due(&format!("in {n} {unit}"), today), Ok(today + Duration::days(days)));
    }

    #[test]
    fn goal_titles_and_ratings_stay_in_bounds(text in typed()) {
        if let Ok(title) = parse_goal_title(&text) {
            prop_assert!(!title.is_empty() && title.chars().count() <= MAX_GOAL_TITLE_CHARS);
            prop_assert_eq!(parse_goal_title(&title), Ok(title.clone()));
        }
        if let Some(r) = parse_rating(&text) {
            prop_assert!((1..=5).contains(&r));
        }
    }

    #[test]
    fn resource_titles_and_links_stay_in_bounds_and_read_back(text in typed()) {
        if let Ok(title) = parse_title(&text) {
            prop_assert!(!title.is_empty() && title.chars().count() <= MAX_TITLE_CHARS);
            prop_assert!(!title.contains('\n'));
            prop_assert_eq!(parse_title(&title), Ok(title.clone()));
        }
        if let Ok(link) = parse_link(&text) {
            prop_assert!(link.starts_with("http://") || link.starts_with("https://"));
            prop_assert!(link.chars().count() <= MAX_LINK_CHARS);
            prop_assert!(!link.chars().any(char::is_whitespace));
            prop_assert_eq!(parse_link(&link), Ok(link.clone()));
        }
    }
}

#[test]
fn every_zone_name_reads_back_as_itself() {
    for tz in chrono_tz::TZ_VARIANTS {
        assert_eq!(timezone::parse(tz.name()), Some(tz), "{}", tz.name());
    }
}

#[test]
fn whole_hour_offsets_read_as_fixed_zones() {
    use chrono::Offset as _;
    use chrono::TimeZone as _;
    let at = NaiveDate::from_ymd_opt(2026, 6, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    for hours in -12i32..=14 {
        for text in [format!("UTC{hours:+}"), format!("GMT {hours:+}:00")] {
            let tz = timezone::parse(&text).unwrap_or_else(|| panic!("{text}"));
            let offset = tz.offset_from_utc_datetime(&at).fix().local_minus_utc();
            assert_eq!(offset, hours * 3600, "{text}");
        }
    }
}
