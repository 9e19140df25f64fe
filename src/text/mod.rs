//! The message catalogue: every sentence tandem shows, in every language it speaks, read from
//! `locales/<language>/<feature>.ftl` (Project Fluent) and built into the binary.
//!
//! A message is looked up in the reader's language, then in English; a key missing from both
//! shows as the key itself and is logged (the catalogue test keeps that from shipping).

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
pub use fluent_bundle::FluentArgs;
use fluent_bundle::{FluentResource, FluentValue};

pub use crate::domain::locale::Locale;

/// The catalogue's files, one per feature; every language has every file (a missing one does
/// not compile).
macro_rules! features {
    ($($feature:literal),* $(,)?) => {
        /// Each feature's name and its text in the order of [`Locale::ALL`].
        pub const SOURCES: &[(&str, [&str; 3])] = &[$(
            ($feature, [
                include_str!(concat!("../../locales/en/", $feature, ".ftl")),
                include_str!(concat!("../../locales/es/", $feature, ".ftl")),
                include_str!(concat!("../../locales/fr/", $feature, ".ftl")),
            ]),
        )*];
    };
}

features!(
    "common",
    "errors",
    "help",
    "setup",
    "members",
    "mydata",
    "pairs",
    "checkins",
    "pulse",
    "activity",
    "digest",
    "reports",
    "guide",
    "circle",
    "cycles",
    "impact",
    "availability",
    "commands",
);

/// A message without arguments, named once where it is declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key(pub &'static str);

impl Key {
    pub fn get(self, l: Locale) -> String {
        format(l, self.0, None)
    }
}

struct Catalogue {
    bundles: Vec<(Locale, FluentBundle<FluentResource>)>,
}

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| {
    let bundles = Locale::ALL
        .into_iter()
        .enumerate()
        .map(|(i, locale)| {
            let id = locale
                .code()
                .parse()
                .expect("a catalogue language is a language id");
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Discord shows the isolation marks Fluent puts around arguments as stray boxes on
            // some clients; quoted user text is stripped of direction controls instead.
            bundle.set_use_isolating(false);
            bundle
                .add_builtins()
                .expect("NUMBER() is added once to a new bundle");
            bundle.set_formatter(Some(match locale {
                Locale::En => |v, _| integer(Locale::En, v),
                Locale::Es => |v, _| integer(Locale::Es, v),
                Locale::Fr => |v, _| integer(Locale::Fr, v),
            }));
            for (feature, texts) in SOURCES {
                let resource =
                    FluentResource::try_new(texts[i].to_string()).unwrap_or_else(|(_, errors)| {
                        panic!("locales/{locale}/{feature}.ftl: {errors:?}")
                    });
                bundle
                    .add_resource(resource)
                    .unwrap_or_else(|e| panic!("locales/{locale}/{feature}.ftl: {e:?}"));
            }
            (locale, bundle)
        })
        .collect();
    Catalogue { bundles }
});

/// Whole numbers (counts) grouped as the language writes them; everything else as Fluent does.
fn integer(l: Locale, value: &FluentValue) -> Option<String> {
    match value {
        FluentValue::Number(n)
            if n.value.fract() == 0.0 && n.options.minimum_fraction_digits.is_none() =>
        {
            Some(l.number(n.value, 0))
        }
        _ => None,
    }
}

/// The message `id` in `l` (else English) with `args`.
pub fn format(l: Locale, id: &str, args: Option<&FluentArgs>) -> String {
    let catalogue = &*CATALOGUE;
    for locale in [l, Locale::En] {
        let Some((_, bundle)) = catalogue.bundles.iter().find(|(b, _)| *b == locale) else {
            continue;
        };
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::error!(id, %locale, ?errors, "catalogue message formatted with errors");
            debug_assert!(errors.is_empty(), "{id} in {locale}: {errors:?}");
        }
        return text.into_owned();
    }
    tracing::error!(id, %l, "catalogue message missing");
    debug_assert!(false, "catalogue message {id} missing");
    id.to_string()
}

/// The message `id` in `l`, or `None` when neither `l` nor English has it (for the optional
/// texts of command localisations).
pub fn lookup(l: Locale, id: &str) -> Option<String> {
    let (_, bundle) = CATALOGUE.bundles.iter().find(|(b, _)| *b == l)?;
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, None, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// A calendar date as the language writes it (`24 Dec 2026`, `24 dic 2026`).
pub fn date(l: Locale, d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    t!(
        l,
        "common-date",
        day = d.day(),
        month = month(l, d.month()),
        year = d.year().to_string()
    )
}

/// A date with its weekday (`Mon 30 Nov`), and the year when `with_year`.
pub fn day(l: Locale, d: chrono::NaiveDate, with_year: bool) -> String {
    use chrono::Datelike;
    let weekday = match d.weekday() {
        chrono::Weekday::Mon => t!(l, "common-mon"),
        chrono::Weekday::Tue => t!(l, "common-tue"),
        chrono::Weekday::Wed => t!(l, "common-wed"),
        chrono::Weekday::Thu => t!(l, "common-thu"),
        chrono::Weekday::Fri => t!(l, "common-fri"),
        chrono::Weekday::Sat => t!(l, "common-sat"),
        chrono::Weekday::Sun => t!(l, "common-sun"),
    };
    let (day, month) = (d.day(), month(l, d.month()));
    if with_year {
        let year = d.year().to_string();
        t!(
            l,
            "common-weekday-date",
            weekday = weekday,
            day = day,
            month = month,
            year = year
        )
    } else {
        t!(
            l,
            "common-weekday-day",
            weekday = weekday,
            day = day,
            month = month
        )
    }
}

/// A date without its year (`30 Nov`), as on a chart's axis.
pub fn day_month(l: Locale, d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    t!(
        l,
        "common-day-month",
        day = d.day(),
        month = month(l, d.month())
    )
}

/// The short name of month `m` (1–12).
fn month(l: Locale, m: u32) -> String {
    match m {
        1 => t!(l, "common-jan"),
        2 => t!(l, "common-feb"),
        3 => t!(l, "common-mar"),
        4 => t!(l, "common-apr"),
        5 => t!(l, "common-may"),
        6 => t!(l, "common-jun"),
        7 => t!(l, "common-jul"),
        8 => t!(l, "common-aug"),
        9 => t!(l, "common-sep"),
        10 => t!(l, "common-oct"),
        11 => t!(l, "common-nov"),
        _ => t!(l, "common-dec"),
    }
}

/// `A`, `A and B`, `A, B and C` in the language's words.
pub fn and_list<S: AsRef<str>>(l: Locale, items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => {
            let first: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            t!(
                l,
                "common-and",
                first = first.join(", "),
                last = last.as_ref()
            )
        }
    }
}

/// An argument for a message: counts stay numbers (they choose plural forms); ids, times and
/// names are text (a snowflake as a Fluent number would lose digits).
pub trait Arg {
    fn value(self) -> FluentValue<'static>;
}

macro_rules! as_number {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn value(self) -> FluentValue<'static> {
                FluentValue::from(self)
            }
        }
    )*};
}
as_number!(u8, u16, u32, usize, i32, f64);

impl Arg for &&str {
    fn value(self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

impl Arg for String {
    fn value(self) -> FluentValue<'static> {
        FluentValue::from(self)
    }
}

impl Arg for &str {
    fn value(self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

impl Arg for &String {
    fn value(self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}

/// Text that must show digit for digit (a Discord id, a Unix time).
pub struct Raw(pub String);

impl Arg for Raw {
    fn value(self) -> FluentValue<'static> {
        FluentValue::from(self.0)
    }
}

impl Arg for u64 {
    fn value(self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

/// A Unix time for a Discord timestamp (`<t:{ $at }:R>`), digit for digit. Counts read from
/// the database are `i64` too, so an `i64` must say which it is: `unix(t)` or `n as usize`.
pub fn unix(t: i64) -> Raw {
    Raw(t.to_string())
}

/// The message in a language, by its id (a literal) with its named arguments. The catalogue
/// test reads these calls and checks each id exists with exactly these argument names.
macro_rules! t {
    ($l:expr, $id:literal $(,)?) => {
        $crate::text::format($l, $id, None)
    };
    ($l:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::text::FluentArgs::new();
        $( args.set(stringify!($name), $crate::text::Arg::value($value)); )+
        $crate::text::format($l, $id, Some(&args))
    }};
}
pub(crate) use t;
