//! Builders for everything tandem posts, each starting with "mention nobody": text a member
//! typed (a goal title, a reason, a topic) can hold `@everyone` or `<@id>`, and Discord pings
//! whatever `allowed_mentions` does not forbid. A message that should ping its pair says whom
//! with its own `allowed_mentions`, which replaces this default. A test below keeps every
//! builder of the `discord` layer going through here.

use poise::serenity_prelude as serenity;
use serenity::CreateAllowedMentions as Mentions;

pub fn message() -> serenity::CreateMessage {
    serenity::CreateMessage::new().allowed_mentions(Mentions::new())
}

pub fn edit_message() -> serenity::EditMessage {
    serenity::EditMessage::new().allowed_mentions(Mentions::new())
}

/// An interaction's answer (a reply, or an update of the message a button was on).
pub fn response() -> serenity::CreateInteractionResponseMessage {
    serenity::CreateInteractionResponseMessage::new().allowed_mentions(Mentions::new())
}

pub fn edit_response() -> serenity::EditInteractionResponse {
    serenity::EditInteractionResponse::new().allowed_mentions(Mentions::new())
}

pub fn followup() -> serenity::CreateInteractionResponseFollowup {
    serenity::CreateInteractionResponseFollowup::new().allowed_mentions(Mentions::new())
}

#[cfg(test)]
mod tests {
    /// serenity's own constructors allow every mention the text contains; outside this file
    /// the `discord` layer builds messages only through the functions above.
    #[test]
    fn no_message_is_built_without_the_mention_nobody_default() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/discord");
        let banned = [
            "CreateMessage::new(",
            "EditMessage::new(",
            "CreateInteractionResponseMessage::new(",
            "ResponseMessage::new(",
            "EditInteractionResponse::new(",
            "CreateInteractionResponseFollowup::new(",
        ];
        let mut found = Vec::new();
        let mut dirs = vec![root];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                if path.file_name().is_some_and(|n| n == "quiet.rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for (n, line) in text.lines().enumerate() {
                    // A renamed import (`CreateMessage as Message`) would hide the constructor.
                    let renamed = banned
                        .iter()
                        .any(|b| line.contains(&format!("{} as ", b.trim_end_matches("::new("))));
                    if renamed || banned.iter().any(|b| line.contains(b)) {
                        found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                    }
                }
            }
        }
        assert!(
            found.is_empty(),
            "use discord::quiet instead:\n{}",
            found.join("\n")
        );
    }
}
