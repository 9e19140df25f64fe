//! Discord's limits on what a message may hold, checked before sending.

/// Characters in an embed field's value.
pub const FIELD_VALUE: usize = 1024;
/// Characters in an embed's description.
pub const DESCRIPTION: usize = 4096;
/// Characters across all of an embed's text.
pub const EMBED_TOTAL: usize = 6000;
/// Fields in one embed.
pub const FIELDS: usize = 25;

/// `lines` joined by newlines into as few chunks of at most `max` characters as possible; a
/// line longer than `max` is cut.
pub fn chunks(lines: &[String], max: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in lines {
        let line: String = line.chars().take(max).collect();
        let needed =
            current.chars().count() + line.chars().count() + usize::from(!current.is_empty());
        if needed > max && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push('\n');
        }
        current.push_str(&line);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_packed_into_chunks_that_fit() {
        let lines: Vec<String> = (0..10)
            .map(|i| format!("line {i} {}", "x".repeat(90)))
            .collect();
        let parts = chunks(&lines, 250);
        assert!(parts.iter().all(|p| p.chars().count() <= 250));
        assert_eq!(parts.join("\n"), lines.join("\n"));
        assert_eq!(parts.len(), 5);
    }

    #[test]
    fn an_overlong_line_is_cut() {
        let parts = chunks(&["y".repeat(30)], 10);
        assert_eq!(parts, vec!["y".repeat(10)]);
    }
}
