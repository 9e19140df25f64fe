//! `/programme questions`: the questions new mentors answer when they apply (moderators).

use crate::discord::commands::settings;
use crate::discord::{messages, Context, Error};
use crate::domain::application::{self, QuestionError, MAX_QUESTION_CHARS};
use crate::store::AuditEntry;

/// The mentoring programme's own settings
#[poise::command(
    slash_command,
    guild_only,
    subcommands("questions"),
    subcommand_required
)]
pub async fn programme(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// The questions new mentors answer when they apply (up to five; none to see them)
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn questions(
    ctx: Context<'_>,
    #[description = "First question (at most 45 characters)"]
    #[max_length = 100]
    q1: Option<String>,
    #[description = "Second question"]
    #[max_length = 100]
    q2: Option<String>,
    #[description = "Third question"]
    #[max_length = 100]
    q3: Option<String>,
    #[description = "Fourth question"]
    #[max_length = 100]
    q4: Option<String>,
    #[description = "Fifth question"]
    #[max_length = 100]
    q5: Option<String>,
    #[description = "Ask no questions any more"] clear: Option<bool>,
) -> Result<(), Error> {
    use messages::members as m;
    let l = crate::discord::locale(ctx);
    let settings = settings(ctx).await?;
    let typed = [q1, q2, q3, q4, q5];
    let given = typed.iter().any(Option::is_some);
    let clear = clear.unwrap_or(false);
    let new = if clear {
        Some(Vec::new())
    } else if given {
        let parsed = application::parse_questions(&typed).map_err(|e| match e {
            QuestionError::TooLong(n) => {
                Error::user(m::question_too_long(l, n, MAX_QUESTION_CHARS))
            }
        })?;
        if parsed.is_empty() {
            return Err(Error::user(m::QUESTIONS_BLANK));
        }
        Some(parsed)
    } else {
        None
    };
    let shown = match new {
        Some(list) if list != settings.application_questions => {
            let entry = AuditEntry {
                guild_id: settings.guild_id,
                actor_id: Some(ctx.author().id.get()),
                action: "settings.questions".into(),
                target_id: None,
                detail: Some(format!("{} questions", list.len())),
                at: ctx.data().clock.now(),
            };
            ctx.data()
                .db
                .set_application_questions(settings.guild_id, &list, &entry)
                .await?;
            (m::QUESTIONS_SAVED.get(l), list)
        }
        Some(list) => (m::QUESTIONS_UNCHANGED.get(l), list),
        None => (m::QUESTIONS_CURRENT.get(l), settings.application_questions),
    };
    ctx.send(
        poise::CreateReply::default()
            .content(m::questions_list(
                l,
                &shown.0,
                &shown.1,
                settings.require_mentor_approval,
            ))
            .ephemeral(true),
    )
    .await?;
    Ok(())
}
