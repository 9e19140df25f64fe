//! Errors of command handlers: user errors are shown as they are (short, ephemeral, saying what
//! to do); internal errors are logged with context and an error id, and the user sees only an
//! apology with that id.

use super::quiet;
use poise::serenity_prelude as serenity;
use poise::FrameworkError;

use super::{ack, messages, Data};
use crate::ops::{Handled, InteractionKind};
use crate::store::StoreError;
use crate::text::{Key, Locale};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Something the user can fix: a sentence from the catalogue, put into the reader's
    /// language where the answer is sent (code deep down need not know who reads it).
    #[error("{0}")]
    User(Say),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl Error {
    pub fn user(message: impl Into<Say>) -> Error {
        Error::User(message.into())
    }

    /// A user error whose sentence takes arguments.
    pub fn user_with(say: impl Fn(Locale) -> String + Send + Sync + 'static) -> Error {
        Error::User(Say::With(Box::new(say)))
    }
}

/// A sentence for a person, rendered in their language when it is shown.
pub enum Say {
    Key(Key),
    /// Already in the reader's language (the code that made it knew who reads it).
    Text(String),
    With(Box<dyn Fn(Locale) -> String + Send + Sync>),
}

impl Say {
    pub fn render(&self, l: Locale) -> String {
        match self {
            Say::Key(k) => k.get(l),
            Say::Text(t) => t.clone(),
            Say::With(f) => f(l),
        }
    }
}

impl From<String> for Say {
    fn from(t: String) -> Say {
        Say::Text(t)
    }
}

impl From<Key> for Say {
    fn from(k: Key) -> Say {
        Say::Key(k)
    }
}

/// Logs show the English sentence.
impl std::fmt::Display for Say {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Locale::En))
    }
}

impl std::fmt::Debug for Say {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.render(Locale::En))
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

/// A handler's panic, as an internal error (so it can be counted apart).
#[derive(Debug, thiserror::Error)]
#[error("panicked: {0}")]
pub struct Panicked(pub String);

/// How a button's or form's handler ended, for the metrics.
pub fn outcome(result: &Result<(), Error>) -> Handled {
    match result {
        Ok(()) => Handled::Ok,
        Err(Error::User(_)) => Handled::Refused,
        Err(Error::Internal(e)) if e.is::<Panicked>() => Handled::Panicked,
        Err(Error::Internal(_)) => Handled::Failed,
    }
}

/// Counts a command that ended in `error` (a successful one is counted by `post_command`).
/// Autocomplete requests are not interactions a person finished, and are not counted.
fn count(error: &FrameworkError<'_, Data, Error>) {
    let Some(ctx) = error.ctx() else { return };
    if let poise::Context::Application(a) = ctx {
        if a.interaction_type == poise::CommandInteractionType::Autocomplete {
            return;
        }
    }
    let outcome = match error {
        FrameworkError::Command { error, .. }
        | FrameworkError::CommandCheckFailed {
            error: Some(error), ..
        } => match error {
            Error::User(_) => Handled::Refused,
            Error::Internal(_) => Handled::Failed,
        },
        FrameworkError::CommandPanic { .. } => Handled::Panicked,
        FrameworkError::PermissionFetchFailed { .. } => Handled::Failed,
        // Bad arguments, not allowed, server only …: the person was told what to do.
        _ => Handled::Refused,
    };
    ctx.data().ops.interaction(
        InteractionKind::Command,
        &ctx.command().qualified_name,
        outcome,
    );
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
    count(&error);
    let l = error.ctx().map(super::locale).unwrap_or_default();
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
            tell(ctx, messages::errors::BAD_ARGUMENT.get(l)).await;
        }
        // A value Discord's client would not send (outside an option's choices, from a
        // modified client or an old command definition): the same plain word as a bad argument.
        FrameworkError::CommandStructureMismatch {
            ctx, description, ..
        } => {
            tracing::info!(command = %ctx.command().qualified_name, description, "option not understood");
            tell(
                poise::Context::Application(ctx),
                messages::errors::BAD_ARGUMENT.get(l),
            )
            .await;
        }
        FrameworkError::GuildOnly { ctx, .. } => {
            tell(ctx, messages::errors::GUILD_ONLY.get(l)).await
        }
        FrameworkError::MissingUserPermissions { ctx, .. }
        | FrameworkError::CommandCheckFailed { ctx, .. } => {
            tell(ctx, messages::errors::NOT_ALLOWED.get(l)).await
        }
        FrameworkError::CommandPanic { payload, ctx, .. } => {
            let what = payload.unwrap_or_else(|| "unknown panic".into());
            report(ctx, Error::Internal(anyhow::anyhow!("panicked: {what}"))).await
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

/// Runs a button or form handler; a panic in it becomes an internal error like any other
/// (the person gets the apology with an id; the process carries on).
pub async fn catching_panics<F>(handler: F) -> Result<(), Error>
where
    F: std::future::Future<Output = Result<(), Error>>,
{
    use poise::futures_util::FutureExt as _;
    match std::panic::AssertUnwindSafe(handler).catch_unwind().await {
        Ok(result) => result,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err(Error::Internal(anyhow::Error::new(Panicked(what))))
        }
    }
}

/// The same split for buttons and modals: user errors as they are, internal ones as an apology
/// with an id.
fn interaction_error_text(
    error: Error,
    custom_id: &str,
    guild: Option<serenity::GuildId>,
    user: serenity::UserId,
    l: Locale,
) -> String {
    match error {
        Error::User(say) => say.render(l),
        Error::Internal(e) => {
            let id = error_id();
            tracing::error!(
                error_id = %id,
                custom_id = %super::custom_id::for_log(custom_id),
                guild = ?guild.map(|g| g.get()),
                user = %user,
                error = %format!("{e:#}"),
                "button or form failed"
            );
            messages::errors::internal(l, &id)
        }
    }
}

/// A button press or a form submission, whichever failed.
enum Failed<'a> {
    Press(&'a serenity::ComponentInteraction),
    Submit(&'a serenity::ModalInteraction),
}

impl Failed<'_> {
    /// Tells the person privately, whether or not the interaction was answered already: a
    /// private answer is replaced by the error, a public one gets a private follow-up.
    async fn tell(&self, http: &serenity::Http, text: String) -> Result<(), serenity::Error> {
        use serenity::CreateInteractionResponse as Response;
        match ack::answered() {
            None => {
                let r = Response::Message(quiet::response().content(text).ephemeral(true));
                match self {
                    Failed::Press(p) => p.create_response(http, r).await,
                    Failed::Submit(s) => s.create_response(http, r).await,
                }
            }
            Some(ack::Answered::Message { private: true }) => {
                let e = quiet::edit_response()
                    .content(text)
                    .embeds(vec![])
                    .components(vec![]);
                match self {
                    Failed::Press(p) => p.edit_response(http, e).await.map(drop),
                    Failed::Submit(s) => s.edit_response(http, e).await.map(drop),
                }
            }
            Some(_) => {
                let f = quiet::followup().content(text).ephemeral(true);
                match self {
                    Failed::Press(p) => p.create_followup(http, f).await.map(drop),
                    Failed::Submit(s) => s.create_followup(http, f).await.map(drop),
                }
            }
        }
    }
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
    let l = super::locale_of(&press.locale);
    let text = interaction_error_text(
        error,
        &press.data.custom_id,
        press.guild_id,
        press.user.id,
        l,
    );
    log_unsent(Failed::Press(press).tell(&ctx.http, text).await);
}

pub async fn report_modal(
    ctx: &serenity::Context,
    submit: &serenity::ModalInteraction,
    error: Error,
) {
    let text = interaction_error_text(
        error,
        &submit.data.custom_id,
        submit.guild_id,
        submit.user.id,
        super::locale_of(&submit.locale),
    );
    log_unsent(Failed::Submit(submit).tell(&ctx.http, text).await);
}

async fn report(ctx: poise::Context<'_, Data, Error>, error: Error) {
    let l = super::locale(ctx);
    match error {
        Error::User(say) => tell(ctx, say.render(l)).await,
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
            tell(ctx, messages::errors::internal(l, &id)).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_panicking_button_handler_becomes_an_internal_error_not_a_lost_reply() {
        let result = catching_panics(async {
            let index = "é".len() - 1;
            let _ = "é".split_at(index);
            Ok(())
        })
        .await;
        assert_eq!(outcome(&result), Handled::Panicked);
        match result {
            Err(Error::Internal(e)) => assert!(e.to_string().contains("panicked"), "{e}"),
            other => panic!("not an internal error: {other:?}"),
        }
    }
}
