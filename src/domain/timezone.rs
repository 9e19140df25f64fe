//! Time zone names: parsing what people type and suggesting IANA names as they type.

use chrono_tz::{Tz, TZ_VARIANTS};

/// Parses a time zone the way a person might write it: an IANA name in any case
/// (`europe/berlin`), a city (`Berlin`, `new york`), or a UTC offset in whole hours (`UTC+2`,
/// `GMT-5`).
pub fn parse(input: &str) -> Option<Tz> {
    let text = input.trim();
    if text.is_empty() {
        return None;
    }
    let wanted = text.replace(' ', "_");
    if let Some(tz) = TZ_VARIANTS
        .iter()
        .find(|tz| tz.name().eq_ignore_ascii_case(&wanted))
    {
        return Some(*tz);
    }
    if let Some(tz) = parse_offset(text) {
        return Some(tz);
    }
    let mut cities = TZ_VARIANTS.iter().filter(|tz| {
        tz.name().contains('/')
            && city(tz.name()).eq_ignore_ascii_case(&wanted)
            && !tz.name().starts_with("Etc/")
    });
    match (cities.next(), cities.next()) {
        (Some(tz), None) => Some(*tz),
        // Several zones share the city name (legacy aliases): prefer a canonical region.
        (Some(a), Some(b)) => Some(if is_region(a.name()) { *a } else { *b }),
        _ => None,
    }
}

fn city(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

fn is_region(name: &str) -> bool {
    const REGIONS: [&str; 9] = [
        "Africa/",
        "America/",
        "Antarctica/",
        "Asia/",
        "Atlantic/",
        "Australia/",
        "Europe/",
        "Indian/",
        "Pacific/",
    ];
    REGIONS.iter().any(|r| name.starts_with(r))
}

/// `UTC+2`, `GMT-05`, `+3` → the fixed-offset zone (`Etc/GMT-2`: the Etc names invert the sign).
fn parse_offset(text: &str) -> Option<Tz> {
    let upper = text.to_ascii_uppercase().replace(' ', "");
    let rest = upper
        .strip_prefix("UTC")
        .or_else(|| upper.strip_prefix("GMT"))
        .unwrap_or(&upper);
    if rest.is_empty() {
        return Some(Tz::UTC);
    }
    // By character, not byte: `UTCé` must be "unknown", not a panic at a non-boundary.
    let (sign, digits) = match rest.strip_prefix('+') {
        Some(d) => ('+', d),
        None => ('-', rest.strip_prefix('-')?),
    };
    let digits = digits.strip_suffix(":00").unwrap_or(digits);
    let hours: u8 = digits.parse().ok()?;
    if hours == 0 {
        return Some(Tz::UTC);
    }
    let inverted = if sign == '+' { '-' } else { '+' };
    format!("Etc/GMT{inverted}{hours}").parse().ok()
}

/// Up to `limit` IANA names matching what the user has typed so far: names whose city or full
/// name starts with it first, then names that contain it. Empty input lists common zones.
pub fn suggest(partial: &str, limit: usize) -> Vec<&'static str> {
    let needle = partial.trim().replace(' ', "_").to_ascii_lowercase();
    if needle.is_empty() {
        return COMMON.iter().copied().take(limit).collect();
    }
    let canonical = || {
        TZ_VARIANTS
            .iter()
            .map(|tz| tz.name())
            .filter(|n| is_region(n) || n.starts_with("Etc/") || *n == "UTC")
    };
    let starts = canonical().filter(|n| {
        let lower = n.to_ascii_lowercase();
        lower.starts_with(&needle) || city(&lower).starts_with(&needle)
    });
    let contains = canonical().filter(|n| {
        let lower = n.to_ascii_lowercase();
        lower.contains(&needle)
            && !(lower.starts_with(&needle) || city(&lower).starts_with(&needle))
    });
    starts.chain(contains).take(limit).collect()
}

/// Shown before the user types anything.
const COMMON: [&str; 12] = [
    "UTC",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Madrid",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Australia/Sydney",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iana_names_parse_in_any_case() {
        assert_eq!(parse("Europe/Berlin"), Some(Tz::Europe__Berlin));
        assert_eq!(parse("europe/berlin"), Some(Tz::Europe__Berlin));
        assert_eq!(parse("America/New York"), Some(Tz::America__New_York));
    }

    #[test]
    fn cities_and_offsets_parse() {
        assert_eq!(parse("Berlin"), Some(Tz::Europe__Berlin));
        assert_eq!(parse("new york"), Some(Tz::America__New_York));
        assert_eq!(parse("UTC+2"), Some(Tz::Etc__GMTMinus2));
        assert_eq!(parse("GMT-5"), Some(Tz::Etc__GMTPlus5));
        assert_eq!(parse("utc"), Some(Tz::UTC));
    }

    #[test]
    fn nonsense_is_rejected() {
        assert_eq!(parse("Mars/Olympus"), None);
        assert_eq!(parse(""), None);
        assert_eq!(parse("UTC+99"), None);
    }

    #[test]
    fn suggestions_put_prefix_matches_first_and_respect_the_limit() {
        let s = suggest("berl", 25);
        assert_eq!(s.first(), Some(&"Europe/Berlin"));
        assert!(suggest("a", 25).len() <= 25);
        assert_eq!(suggest("", 5).len(), 5);
        assert!(suggest("york", 25).contains(&"America/New_York"));
        assert!(suggest("zzzz", 25).is_empty());
    }
}
