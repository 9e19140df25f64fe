//! Mentor selection: the questions a server asks new mentors, and what counts as an answer.

/// At most this many questions (a Discord form holds five fields).
pub const MAX_QUESTIONS: usize = 5;
/// A question is a form field's label: Discord allows 45 characters.
pub const MAX_QUESTION_CHARS: usize = 45;
/// The most one answer may say.
pub const MAX_ANSWER_CHARS: usize = 1000;
/// The most a reason for declining may say (it is sent to the applicant).
pub const MAX_REASON_CHARS: usize = 300;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionError {
    TooLong(usize),
}

/// The server's questions from what a moderator typed: blank ones left out, each on one line
/// and at most [`MAX_QUESTION_CHARS`].
pub fn parse_questions(typed: &[Option<String>]) -> Result<Vec<String>, QuestionError> {
    let mut out = Vec::new();
    for text in typed.iter().flatten() {
        let q = super::member::tidy(text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let n = q.chars().count();
        if n > MAX_QUESTION_CHARS {
            return Err(QuestionError::TooLong(n));
        }
        if n > 0 {
            out.push(q);
        }
    }
    out.truncate(MAX_QUESTIONS);
    Ok(out)
}

/// The stored list (a JSON array of texts); anything unreadable reads as no questions.
pub fn stored_questions(json: Option<&str>) -> Vec<String> {
    json.and_then(|j| serde_json::from_str::<Vec<String>>(j).ok())
        .map(|mut q| {
            q.truncate(MAX_QUESTIONS);
            q
        })
        .unwrap_or_default()
}

/// An answer or a reason, trimmed; `None` when blank, an error when over `max` characters.
pub fn parse_text(text: &str, max: usize) -> Result<Option<String>, usize> {
    let t = text.trim();
    match t.chars().count() {
        0 => Ok(None),
        n if n > max => Err(n),
        _ => Ok(Some(t.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_are_tidied_blank_ones_dropped_and_long_ones_refused() {
        let typed = [
            Some("  Why do you  want to mentor? ".to_string()),
            None,
            Some("   ".to_string()),
            Some("What have you\nbuilt?".to_string()),
        ];
        assert_eq!(
            parse_questions(&typed),
            Ok(vec![
                "Why do you want to mentor?".to_string(),
                "What have you built?".to_string()
            ])
        );
        let long = "x".repeat(MAX_QUESTION_CHARS + 1);
        assert_eq!(
            parse_questions(&[Some(long)]),
            Err(QuestionError::TooLong(MAX_QUESTION_CHARS + 1))
        );
    }

    #[test]
    fn stored_questions_read_back_and_bad_json_reads_as_none() {
        let q = vec!["A?".to_string(), "B?".to_string()];
        let json = serde_json::to_string(&q).unwrap();
        assert_eq!(stored_questions(Some(&json)), q);
        assert!(stored_questions(Some("{not json")).is_empty());
        assert!(stored_questions(None).is_empty());
    }

    #[test]
    fn answers_are_trimmed_blank_is_none_and_long_is_refused() {
        assert_eq!(parse_text("  yes  ", 10), Ok(Some("yes".into())));
        assert_eq!(parse_text(" \n ", 10), Ok(None));
        assert_eq!(parse_text(&"é".repeat(11), 10), Err(11));
    }
}
