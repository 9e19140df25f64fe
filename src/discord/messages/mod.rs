//! Every sentence tandem shows to people, in one place: short, plain, and saying what to do next.

/// What a person typed, as a sentence quotes it back: on one line, at most `max` characters
/// (then `…`), without the controls that make the rest of the sentence read backwards and
/// without backticks that would open a code block.
pub fn quote(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') {
            continue;
        }
        let c = match c {
            '`' => '\'',
            c if c.is_whitespace() || c.is_control() => ' ',
            c => c,
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    let out = out.trim_end();
    if out.chars().count() > max {
        format!("{}…", out.chars().take(max).collect::<String>())
    } else {
        out.to_string()
    }
}

use crate::text::Locale;

pub mod errors;

pub mod help;

pub mod setup;

pub mod members;

/// Lines joined one per line, cut with "…and N more" before `budget` bytes, so a list stays
/// within an embed's limits (field 1024, description 4096 characters).
pub fn fit_lines<S: AsRef<str>>(l: Locale, lines: &[S], budget: usize) -> String {
    let mut text = String::new();
    for (shown, line) in lines.iter().enumerate() {
        let line = line.as_ref();
        if text.len() + line.len() > budget {
            text.push_str(&members::and_more(l, lines.len() - shown));
            break;
        }
        text.push_str(line);
        text.push('\n');
    }
    text
}

pub mod mydata;

pub mod pairs;

#[cfg(test)]
mod tests {
    use super::fit_lines;

    #[test]
    fn long_lists_are_cut_with_a_count_of_what_was_left_out() {
        let lines = ["aaaa", "bbbb", "cccc"];
        let l = crate::text::Locale::En;
        assert_eq!(fit_lines(l, &lines, 100), "aaaa\nbbbb\ncccc\n");
        assert_eq!(fit_lines(l, &lines, 10), "aaaa\nbbbb\n…and 1 more");
    }
}

pub mod checkins;

pub mod pulse;

pub mod reports;

/// The digest's words live beside the report (`digest::words`), so `digest` imports nothing
/// from here.
pub use crate::digest::words as digest;

pub mod activity;

pub mod circle;

pub mod cycles;

pub mod guide;

pub mod availability;
