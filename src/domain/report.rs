//! A problem a member raises privately with the moderators: what they may write, and whether
//! they asked to be contacted.

/// The most a report may say (Discord's paragraph field allows 4,000; a moderator reads it in
/// one embed field-sized quote).
pub const MAX_REPORT_CHARS: usize = 1000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportError {
    Empty,
    TooLong(usize),
}

/// What happened, trimmed; blank or over-long text is refused.
pub fn parse_what(text: &str) -> Result<String, ReportError> {
    let text = text.trim();
    let n = text.chars().count();
    match n {
        0 => Err(ReportError::Empty),
        n if n > MAX_REPORT_CHARS => Err(ReportError::TooLong(n)),
        _ => Ok(text.to_string()),
    }
}

/// Whether the optional "contact me?" answer says yes, in any language tandem speaks
/// (`yes`, `y`, `sí`, `si`, `oui`, `o`), ignoring case, accents of `sí` and punctuation.
pub fn wants_contact(answer: Option<&str>) -> bool {
    let Some(answer) = answer else {
        return false;
    };
    let word: String = answer
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    matches!(word.as_str(), "yes" | "y" | "sí" | "si" | "s" | "oui" | "o")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_needs_words_and_at_most_a_thousand_characters() {
        assert_eq!(parse_what("  \n "), Err(ReportError::Empty));
        assert_eq!(parse_what(" It got tense. "), Ok("It got tense.".into()));
        let long = "é".repeat(MAX_REPORT_CHARS + 1);
        assert_eq!(
            parse_what(&long),
            Err(ReportError::TooLong(MAX_REPORT_CHARS + 1))
        );
        assert!(parse_what(&"é".repeat(MAX_REPORT_CHARS)).is_ok());
    }

    #[test]
    fn yes_in_each_language_asks_for_contact_and_anything_else_does_not() {
        for yes in ["yes", " Yes! ", "y", "Sí", "si", "OUI", "oui."] {
            assert!(wants_contact(Some(yes)), "{yes}");
        }
        for no in ["", "no", "non", "maybe", "yes please no"] {
            assert!(!wants_contact(Some(no)), "{no}");
        }
        assert!(!wants_contact(None));
    }
}
