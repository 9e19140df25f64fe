//! Buttons and modals on check-in prompts and pulse questions. Custom ids carry the occurrence
//! (see `CustomId::CheckinMood`, `CustomId::PulseScore`), so they keep working after a restart.

use super::quiet;
use poise::serenity_prelude as serenity;
use serenity::{
    ActionRowComponent, ComponentInteraction, CreateActionRow, CreateButton, CreateInputText,
    CreateInteractionResponse as Response, CreateInteractionResponseMessage, CreateModal,
    InputTextStyle, ModalInteraction,
};

use super::custom_id::CustomId;
use super::{ack, messages, pairing, Data, Error};
use crate::domain::pair::{Pair, PairStatus};
use crate::domain::schedule::{Kind, Occurrence};
use crate::domain::survey::{self, CheckinAnswer};
use crate::store::{PulseAnswer, StoredAnswer};

fn private(text: impl Into<String>) -> CreateInteractionResponseMessage {
    quiet::response().content(text).ephemeral(true)
}

/// The check-in and its pair, if `user` may answer it.
async fn checkin_for(data: &Data, id: i64, user: u64) -> Result<(Occurrence, Pair), Error> {
    use messages::checkins as m;
    let occurrence = data
        .db
        .occurrence(id)
        .await?
        .filter(|o| o.kind == Kind::Checkin)
        .ok_or_else(|| Error::user(m::CLOSED))?;
    let pair = data
        .db
        .pair(occurrence.target as i64)
        .await?
        .ok_or_else(|| Error::user(m::CLOSED))?;
    if !pair.is_member(user) {
        return Err(Error::user(m::NOT_YOUR_CHECKIN));
    }
    if matches!(pair.status, PairStatus::Ended | PairStatus::Broken) {
        return Err(Error::user(m::CLOSED));
    }
    Ok((occurrence, pair))
}

async fn save(
    data: &Data,
    occurrence: &Occurrence,
    pair: &Pair,
    user: u64,
    answer: &CheckinAnswer,
) -> Result<(bool, Vec<u64>), Error> {
    let now = data.clock.now();
    let late = survey::is_late(
        occurrence.scheduled_for,
        now,
        data.settings.checkins.on_time_window(),
    );
    data.db
        .save_checkin_answer(occurrence.id, pair, user, answer, now, late)
        .await?;
    Ok((late, data.db.checkin_answered(occurrence.id).await?))
}

/// A mood button: stores the mood and shows on the prompt that this person answered.
pub async fn mood(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
    id: i64,
    mood: u8,
) -> Result<(), Error> {
    let l = super::locale_of(&press.locale);
    let user = press.user.id.get();
    let (occurrence, pair) = checkin_for(data, id, user).await?;
    let mood = mood.clamp(1, 5);
    // The same mood again (a second tap, a modified client) saves nothing: not a new time,
    // not a late mark, not another edit of the prompt.
    let stored = data.db.checkin_answer(occurrence.id, user).await?;
    if stored.is_some_and(|saved| saved.mood == Some(i64::from(mood))) {
        let text = messages::checkins::mood_unchanged(l, mood);
        ack::component(&ctx.http, press, Response::Message(private(text))).await?;
        return Ok(());
    }
    let (_, answered) = save(data, &occurrence, &pair, user, &CheckinAnswer::Mood(mood)).await?;
    let here = pairing::pair_channel_locale(&data.db, &pair).await;
    let content = messages::checkins::with_status(here, &press.message.content, &answered);
    // Editing the prompt is the response; the personal confirmation follows privately.
    ack::component(
        &ctx.http,
        press,
        Response::UpdateMessage(quiet::response().content(content)),
    )
    .await?;
    press
        .create_followup(
            &ctx.http,
            quiet::followup()
                .content(messages::checkins::mood_saved(l, mood))
                .ephemeral(true),
        )
        .await?;
    Ok(())
}

/// The Answer button: opens the check-in modal.
pub async fn open_checkin(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
    id: i64,
) -> Result<(), Error> {
    let l = crate::discord::locale_of(&press.locale);
    use messages::checkins as m;
    checkin_for(data, id, press.user.id.get()).await?;
    let form = CustomId::CheckinForm { checkin: id };
    let modal = CreateModal::new(form, m::MODAL_TITLE.get(l)).components(vec![
        CreateActionRow::InputText(
            CreateInputText::new(InputTextStyle::Paragraph, m::PROGRESS.get(l), "progress")
                .min_length(1)
                .max_length(1000)
                .required(true),
        ),
        CreateActionRow::InputText(
            CreateInputText::new(InputTextStyle::Paragraph, m::BLOCKERS.get(l), "blockers")
                .max_length(1000)
                .required(false),
        ),
        CreateActionRow::InputText(
            CreateInputText::new(InputTextStyle::Short, m::NEXT_STEP.get(l), "next")
                .max_length(300)
                .required(false),
        ),
    ]);
    ack::component(&ctx.http, press, Response::Modal(modal)).await?;
    Ok(())
}

/// A modal field's value, `None` when left empty.
pub fn field(submit: &ModalInteraction, name: &str) -> Option<String> {
    submit
        .data
        .components
        .iter()
        .flat_map(|row| row.components.iter())
        .find_map(|c| match c {
            // Invisible-only text (zero-width spaces, direction marks) counts as empty.
            ActionRowComponent::InputText(t) if t.custom_id == name => t
                .value
                .as_deref()
                .map(crate::domain::member::tidy)
                .filter(|v| !v.is_empty()),
            _ => None,
        })
}

/// The check-in modal: stores the words, posts a short summary and updates the prompt.
pub async fn submit_checkin(
    ctx: &serenity::Context,
    submit: &ModalInteraction,
    data: &Data,
    id: i64,
) -> Result<(), Error> {
    let l = crate::discord::locale_of(&submit.locale);
    use messages::checkins as m;
    let user = submit.user.id.get();
    let (occurrence, pair) = checkin_for(data, id, user).await?;
    let Some(progress) = field(submit, "progress") else {
        return Err(Error::user(m::PROGRESS_EMPTY));
    };
    let (blockers, next_step) = (field(submit, "blockers"), field(submit, "next"));
    // The same words again (a double submit) save nothing and post no second summary.
    if let Some(saved) = data.db.checkin_answer(occurrence.id, user).await? {
        if saved.progress.as_ref() == Some(&progress)
            && saved.blockers == blockers
            && saved.next_step == next_step
        {
            let r = Response::Message(private(m::UNCHANGED.get(l)));
            ack::modal(&ctx.http, submit, r).await?;
            return Ok(());
        }
    }
    let answer = CheckinAnswer::Words {
        progress,
        blockers,
        next_step,
    };
    let (late, answered) = save(data, &occurrence, &pair, user, &answer).await?;
    ack::modal(
        &ctx.http,
        submit,
        Response::Message(private(if late {
            m::SAVED_LATE.get(l)
        } else {
            m::SAVED.get(l)
        })),
    )
    .await?;
    let (Some(channel), Some(message)) = (occurrence.channel_id, occurrence.message_id) else {
        return Ok(());
    };
    let channel = serenity::ChannelId::new(channel);
    let stored = data.db.checkin_answer(occurrence.id, user).await?;
    if let Some(StoredAnswer {
        mood,
        progress: Some(progress),
        blockers,
        next_step,
        late,
    }) = stored
    {
        let here = pairing::pair_channel_locale(&data.db, &pair).await;
        let text = m::summary(
            here,
            user,
            mood,
            &progress,
            blockers.as_deref(),
            next_step.as_deref(),
            late,
        );
        let post = quiet::message().content(text);
        if let Err(e) = channel.send_message(&ctx.http, post).await {
            tracing::warn!(error = %e, "check-in summary not posted");
        }
    }
    let current = match &submit.message {
        Some(prompt) => prompt.content.clone(),
        None => channel.message(&ctx.http, message).await?.content,
    };
    let here = pairing::pair_channel_locale(&data.db, &pair).await;
    let edit = quiet::edit_message().content(m::with_status(here, &current, &answered));
    if let Err(e) = channel.edit_message(&ctx.http, message, edit).await {
        tracing::warn!(error = %e, "check-in prompt not updated");
    }
    Ok(())
}

/// Checks that `user` was asked in `round`; returns the round's guild.
async fn asked(data: &Data, round: i64, user: u64) -> Result<u64, Error> {
    let (guild, _) = data
        .db
        .pulse_round(round)
        .await?
        .ok_or_else(|| Error::user(messages::pulse::NOT_ASKED))?;
    if !data.db.was_asked(round, user).await? {
        return Err(Error::user(messages::pulse::NOT_ASKED));
    }
    Ok(guild)
}

/// A pulse score button: stores (or replaces) the score, privately offers a comment.
pub async fn pulse_score(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
    round: i64,
    score: u8,
) -> Result<(), Error> {
    let l = crate::discord::locale_of(&press.locale);
    use messages::pulse as m;
    let user = press.user.id.get();
    let guild = asked(data, round, user).await?;
    let score = score.clamp(1, 5);
    let now = data.clock.now();
    // The same score again saves nothing; the comment button is offered again all the same.
    let text = if data.db.pulse_score(round, user, now).await? == Some(score) {
        m::score_unchanged(l, score)
    } else {
        let saved = data
            .db
            .save_pulse_score(round, guild, user, score, now)
            .await?;
        if saved != PulseAnswer::Saved {
            return Err(Error::user(m::CLOSED));
        }
        m::thanks(l, score)
    };
    let comment = CreateButton::new(CustomId::PulseComment { round })
        .label(m::COMMENT_BUTTON.get(l))
        .style(serenity::ButtonStyle::Secondary);
    ack::component(
        &ctx.http,
        press,
        Response::Message(private(text).components(vec![CreateActionRow::Buttons(vec![comment])])),
    )
    .await?;
    Ok(())
}

/// "Add a comment": opens the anonymous comment modal.
pub async fn open_pulse_comment(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
    round: i64,
) -> Result<(), Error> {
    let l = crate::discord::locale_of(&press.locale);
    use messages::pulse as m;
    asked(data, round, press.user.id.get()).await?;
    let form = CustomId::PulseForm { round };
    let modal =
        CreateModal::new(form, m::MODAL_TITLE.get(l)).components(vec![CreateActionRow::InputText(
            CreateInputText::new(InputTextStyle::Paragraph, m::COMMENT.get(l), "comment")
                .min_length(1)
                .max_length(1000)
                .required(true),
        )]);
    ack::component(&ctx.http, press, Response::Modal(modal)).await?;
    Ok(())
}

pub async fn submit_pulse_comment(
    ctx: &serenity::Context,
    submit: &ModalInteraction,
    data: &Data,
    round: i64,
) -> Result<(), Error> {
    let l = crate::discord::locale_of(&submit.locale);
    use messages::pulse as m;
    let user = submit.user.id.get();
    asked(data, round, user).await?;
    let Some(comment) = field(submit, "comment") else {
        return Err(Error::user(m::COMMENT_EMPTY));
    };
    let now = data.clock.now();
    match data
        .db
        .save_pulse_comment(round, user, &comment, now)
        .await?
    {
        PulseAnswer::Saved => {}
        PulseAnswer::Closed => return Err(Error::user(m::CLOSED)),
        PulseAnswer::NoScore => return Err(Error::user(m::SCORE_FIRST)),
    }
    ack::modal(
        &ctx.http,
        submit,
        Response::Message(private(m::COMMENT_SAVED.get(l))),
    )
    .await?;
    Ok(())
}
