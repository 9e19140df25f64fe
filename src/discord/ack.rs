//! The first answer to a button or form, recorded while its handler runs, so an error that
//! comes after it still reaches the person: by editing a private answer, or as a private
//! follow-up under a public one (Discord refuses a second answer).

use std::cell::Cell;
use std::future::Future;

use poise::serenity_prelude as serenity;
use serenity::{ComponentInteraction, CreateInteractionResponse, ModalInteraction};

/// How an interaction was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answered {
    /// With a message (a new one, or the one the button is on, replaced); `private` when
    /// only the person sees it, so an error may replace it.
    Message { private: bool },
    /// With a form, or an update that cannot be replaced.
    Other,
}

tokio::task_local! {
    static ANSWERED: Cell<Option<Answered>>;
}

/// Runs one interaction's handler with its answer recorded.
pub async fn tracked<F: Future>(handler: F) -> F::Output {
    ANSWERED.scope(Cell::new(None), handler).await
}

/// How the running handler's interaction was answered, if it was.
pub fn answered() -> Option<Answered> {
    ANSWERED.try_with(Cell::get).ok().flatten()
}

fn record(response: &CreateInteractionResponse, on_private_message: bool) {
    let json = serde_json::to_value(response).unwrap_or_default();
    let answered = match json["type"].as_u64() {
        // A new message (or "thinking…"), private if flagged ephemeral.
        Some(4 | 5) => Answered::Message {
            private: json["data"]["flags"].as_u64().unwrap_or(0) & 64 != 0,
        },
        // The message the button is on, replaced (or about to be).
        Some(6 | 7) => Answered::Message {
            private: on_private_message,
        },
        _ => Answered::Other,
    };
    let _ = ANSWERED.try_with(|a| a.set(Some(answered)));
}

fn is_private(message: &serenity::Message) -> bool {
    message
        .flags
        .is_some_and(|f| f.contains(serenity::MessageFlags::EPHEMERAL))
}

/// Answers a button press (and records how).
pub async fn component(
    http: &serenity::Http,
    press: &ComponentInteraction,
    response: CreateInteractionResponse,
) -> Result<(), serenity::Error> {
    let on_private = is_private(&press.message);
    record(&response, on_private);
    press.create_response(http, response).await
}

/// Answers a form submission (and records how).
pub async fn modal(
    http: &serenity::Http,
    submit: &ModalInteraction,
    response: CreateInteractionResponse,
) -> Result<(), serenity::Error> {
    let on_private = submit.message.as_deref().is_some_and(is_private);
    record(&response, on_private);
    submit.create_response(http, response).await
}
