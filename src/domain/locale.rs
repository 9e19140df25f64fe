//! The languages tandem speaks, and which one a person, a pair or a server reads.
//!
//! Distinct from a profile's or the programme's *languages* (what people can mentor in, used
//! for matching): a locale is only the language of tandem's own words.

use std::fmt;

/// A language of the message catalogue. English is the fallback for everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Locale {
    #[default]
    En,
    Es,
    Fr,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Es, Locale::Fr];

    /// The code stored in the database and used as the catalogue's folder name.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
            Locale::Fr => "fr",
        }
    }

    /// The language's own name, as a choice in `/setup`.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Es => "Español",
            Locale::Fr => "Français",
        }
    }

    /// Discord's locale codes that read this language (for command localisations). English is
    /// the commands' base text, so it needs none.
    pub fn discord_codes(self) -> &'static [&'static str] {
        match self {
            Locale::En => &[],
            Locale::Es => &["es-ES", "es-419"],
            Locale::Fr => &["fr"],
        }
    }

    /// A stored code back to a locale; `None` for anything else.
    pub fn from_code(code: &str) -> Option<Locale> {
        Locale::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The catalogue language for a Discord client locale (`es-ES`, `es-419`, `en-GB`, `fr`),
    /// or a language code (`es`, `Es`); `None` when tandem does not speak it.
    pub fn from_discord(locale: &str) -> Option<Locale> {
        let primary = locale.split(['-', '_']).next().unwrap_or("");
        Locale::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// The language a pair channel reads: the members' own language when they all use the
    /// same one, else the server's.
    pub fn shared(members: &[Option<Locale>], server: Locale) -> Locale {
        let mut seen = members.iter();
        match seen.next() {
            Some(Some(first)) if seen.all(|l| *l == Some(*first)) => *first,
            _ => server,
        }
    }

    /// A number with this language's decimal mark and digit grouping (CLDR: English groups
    /// from four digits with a comma; Spanish only from five, with a point; French with a
    /// narrow no-break space).
    pub fn number(self, value: f64, decimals: usize) -> String {
        let text = format!("{:.*}", decimals, value.abs());
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let (group, mark, min_digits) = match self {
            Locale::En => (",", ".", 4),
            Locale::Es => (".", ",", 5),
            Locale::Fr => ("\u{202F}", ",", 5),
        };
        let mut out = String::new();
        if value < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
            out.push('-');
        }
        if whole.len() >= min_digits {
            for (i, digit) in whole.chars().enumerate() {
                if i > 0 && (whole.len() - i) % 3 == 0 {
                    out.push_str(group);
                }
                out.push(digit);
            }
        } else {
            out.push_str(whole);
        }
        if !fraction.is_empty() {
            out.push_str(mark);
            out.push_str(fraction);
        }
        out
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discord_client_locales_map_to_their_language_and_others_to_none() {
        assert_eq!(Locale::from_discord("es-ES"), Some(Locale::Es));
        assert_eq!(Locale::from_discord("es-419"), Some(Locale::Es));
        assert_eq!(Locale::from_discord("en-GB"), Some(Locale::En));
        assert_eq!(Locale::from_discord("fr"), Some(Locale::Fr));
        assert_eq!(Locale::from_discord("ES"), Some(Locale::Es));
        assert_eq!(Locale::from_discord("de"), None);
        assert_eq!(Locale::from_discord(""), None);
        for l in Locale::ALL {
            assert_eq!(Locale::from_code(l.code()), Some(l));
            for code in l.discord_codes() {
                assert_eq!(Locale::from_discord(code), Some(l));
            }
        }
    }

    #[test]
    fn a_pair_reads_its_members_language_only_when_they_share_it() {
        use Locale::*;
        assert_eq!(Locale::shared(&[Some(Es), Some(Es)], En), Es);
        assert_eq!(Locale::shared(&[Some(Es), Some(Fr)], En), En);
        assert_eq!(Locale::shared(&[Some(Es), None], Fr), Fr);
        assert_eq!(Locale::shared(&[], Fr), Fr);
    }

    #[test]
    fn numbers_use_each_languages_marks() {
        assert_eq!(Locale::En.number(1234.5, 1), "1,234.5");
        assert_eq!(Locale::Es.number(1234.5, 1), "1234,5");
        assert_eq!(Locale::Es.number(12345.0, 0), "12.345");
        assert_eq!(
            Locale::Fr.number(1234567.25, 2),
            "1\u{202F}234\u{202F}567,25"
        );
        assert_eq!(Locale::En.number(-3.26, 1), "-3.3");
        assert_eq!(Locale::En.number(-0.01, 1), "0.0");
        assert_eq!(Locale::En.number(999.0, 0), "999");
    }
}
