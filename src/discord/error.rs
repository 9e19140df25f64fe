//! Errors of command handlers: user errors are shown as they are (short, ephemeral, saying what
//! to do); internal errors are logged with context and an error id, and the user sees only an
//! apology with that id.

use poise::serenity_prelude as serenity;
use poise::FrameworkError;

use super::{messages, Data};
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Something the user can fix; the text comes from `messages` and is shown as is.
    #[error("{0}")]
    User(String),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl Error {
    pub fn user(message: impl Into<String>) -> Error {
        Error::User(message.into())
    }
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        Error::Internal(anyhow::Error::new(e).context("database"))
    }
}

impl From<serenity::Error> for Error {
    fn from(e: serenity::Error) -> Self {
        Error::Internal(anyhow::Error::new(e).context("discord request"))
    }
}

/// A short id that ties a user's report to the log line.
pub fn error_id() -> String {
    (0..8)
        .map(|_| fastrand::alphanumeric().to_ascii_uppercase())
        .collect()
}

async fn tell(ctx: poise::Context<'_, Data, Error>, text: String) {
    let reply = poise::CreateReply::default().content(text).ephemeral(true);
    if let Err(e) = ctx.send(reply).await {
        tracing::warn!(error = %e, "could not send an error message to the user");
    }
}

pub async fn on_error(error: FrameworkError<'_, Data, Error>) {
    match error {
        FrameworkError::Command { error, ctx, .. } => report(ctx, error).await,
        FrameworkError::CommandCheckFailed {
            error: Some(error),
            ctx,
            ..
        } => report(ctx, error).await,
        FrameworkError::ArgumentParse {
            ctx, input, error, ..
        } => {
            tracing::info!(command = %ctx.command().qualified_name, ?input, %error, "bad argument");
            tell(ctx, messages::errors::BAD_ARGUMENT.into()).await;
        }
        FrameworkError::GuildOnly { ctx, .. } => {
            tell(ctx, messages::errors::GUILD_ONLY.into()).await
        }
        FrameworkError::MissingUserPermissions { ctx, .. }
        | FrameworkError::CommandCheckFailed { ctx, .. } => {
            tell(ctx, messages::errors::NOT_ALLOWED.into()).await
        }
        // The process ends with this reason (see `Running::stopped`).
        FrameworkError::Setup { error, .. } => {
            tracing::debug!(error = %format!("{error:#}"), "start-up failed")
        }
        other => {
            if let Err(e) = poise::builtins::on_error(other).await {
                tracing::warn!(error = %e, "error while handling an error");
            }
        }
    }
}

/// The same split for buttons and modals: user errors as they are, internal ones as an apology
/// with an id. Always a private reply, so the message the button was on stays as it was.
fn interaction_error_text(
    error: Error,
    custom_id: &str,
    guild: Option<serenity::GuildId>,
    user: serenity::UserId,
) -> serenity::CreateInteractionResponse {
    let text = match error {
        Error::User(text) => text,
        Error::Internal(e) => {
            let id = error_id();
            tracing::error!(
                error_id = %id,
                custom_id,
                guild = ?guild.map(|g| g.get()),
                user = %user,
                error = %format!("{e:#}"),
                "button or form failed"
            );
            messages::errors::internal(&id)
        }
    };
    serenity::CreateInteractionResponse::Message(
        serenity::CreateInteractionResponseMessage::new()
            .content(text)
            .ephemeral(true),
    )
}

fn log_unsent(result: Result<(), serenity::Error>) {
    if let Err(e) = result {
        tracing::warn!(error = %e, "could not send an error message to the user");
    }
}

pub async fn report_component(
    ctx: &serenity::Context,
    press: &serenity::ComponentInteraction,
    error: Error,
) {
    let reply = interaction_error_text(error, &press.data.custom_id, press.guild_id, press.user.id);
    log_unsent(press.create_response(&ctx.http, reply).await);
}

pub async fn report_modal(
    ctx: &serenity::Context,
    submit: &serenity::ModalInteraction,
    error: Error,
) {
    let reply = interaction_error_text(
        error,
        &submit.data.custom_id,
        submit.guild_id,
        submit.user.id,
    );
    log_unsent(submit.create_response(&ctx.http, reply).await);
}

async fn report(ctx: poise::Context<'_, Data, Error>, error: Error) {
    match error {
        Error::User(text) => tell(ctx, text).await,
        Error::Internal(e) => {
            let id = error_id();
            tracing::error!(
                error_id = %id,
                command = %ctx.command().qualified_name,
                guild = ?ctx.guild_id().map(|g| g.get()),
                user = %ctx.author().id,
                error = %format!("{e:#}"),
                "command failed"
            );
            tell(ctx, messages::errors::internal(&id)).await;
        }
    }
}
