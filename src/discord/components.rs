//! Buttons. Each custom id carries its state (`mentor:approve:<user>`), so a button works after a
//! restart and needs no collector: every press comes through the global event handler.

use poise::serenity_prelude as serenity;
use serenity::{
    ComponentInteraction, CreateEmbed, CreateInteractionResponse as Response,
    CreateInteractionResponseMessage as ResponseMessage,
};

use super::access::{self, Access};
use super::commands::pair::suggestion_page;
use super::pairing::{end_pairs_of, Env};
use super::{ack, activity, answers, dm, error, messages, pairing, Data, Error};
use crate::domain::guild::GuildSettings;
use crate::domain::member::{Role, Status};
use crate::domain::pair::{self, EndReason};
use crate::store::{AuditEntry, StatusChange};

/// Every kind of button and menu tandem sends, named by the first two parts of its custom id.
/// A custom id outside this list is not acted on, so each new one is listed here (and the
/// latency sweep test then requires it to be acknowledged in time).
pub const BUTTON_ROUTES: &[&str] = &[
    "mentor:approve",
    "mentor:decline",
    "withdraw:yes",
    "withdraw:no",
    "mydata:erase",
    "mydata:keep",
    "checkin:mood",
    "checkin:answer",
    "pulse:score",
    "pulse:comment",
    "pair:survey",
    "pair:repair",
    "pairs:page",
    "pairs:pick",
    "pairs:discard",
    "pairs:all",
    "pairs:sel",
];

/// Every kind of form (modal) tandem opens, likewise.
pub const FORM_ROUTES: &[&str] = &["pair:survey", "checkin:modal", "pulse:modal"];

/// The listed route a custom id belongs to.
pub fn route_of(custom_id: &str, routes: &[&'static str]) -> Option<&'static str> {
    let mut parts = custom_id.splitn(3, ':');
    let name = [parts.next()?, parts.next()?].join(":");
    routes.iter().copied().find(|r| *r == name)
}

/// Entry point from the framework's event handler.
pub async fn handle_event(ctx: &serenity::Context, event: &serenity::FullEvent, data: &Data) {
    // Whoever writes or presses something is in the server right now.
    let seen = match event {
        serenity::FullEvent::InteractionCreate { interaction } => match interaction {
            serenity::Interaction::Command(i) | serenity::Interaction::Autocomplete(i) => {
                i.guild_id.map(|g| (g, i.user.id))
            }
            serenity::Interaction::Component(i) => i.guild_id.map(|g| (g, i.user.id)),
            serenity::Interaction::Modal(i) => i.guild_id.map(|g| (g, i.user.id)),
            _ => None,
        },
        serenity::FullEvent::Message { new_message: m } if !m.author.bot => {
            m.guild_id.map(|g| (g, m.author.id))
        }
        _ => None,
    };
    if let Some((guild, user)) = seen {
        data.presence
            .seen(guild.get(), user.get(), data.clock.now());
    }
    match event {
        serenity::FullEvent::InteractionCreate {
            interaction: serenity::Interaction::Component(press),
        } => {
            ack::tracked(async {
                if let Err(e) = error::catching_panics(route(ctx, press, data)).await {
                    error::report_component(ctx, press, e).await;
                }
            })
            .await
        }
        serenity::FullEvent::InteractionCreate {
            interaction: serenity::Interaction::Modal(submit),
        } => {
            ack::tracked(async {
                if let Err(e) = error::catching_panics(route_modal(ctx, submit, data)).await {
                    error::report_modal(ctx, submit, e).await;
                }
            })
            .await
        }
        serenity::FullEvent::Message { new_message } => {
            activity::on_message(new_message, data).await;
        }
        // Removed from the server (not an outage): its schedules stop, its data waits out
        // the retention period.
        serenity::FullEvent::GuildDelete { incomplete, .. } if !incomplete.unavailable => {
            match data
                .db
                .guild_departed(incomplete.id.get(), data.clock.now())
                .await
            {
                Ok(true) => tracing::info!(guild = %incomplete.id, "removed from a server"),
                Ok(false) => {}
                Err(e) => {
                    tracing::error!(error = %e, "could not record a server that removed the bot")
                }
            }
        }
        serenity::FullEvent::GuildCreate { guild, .. } => {
            match data.db.guild_returned(guild.id.get()).await {
                Ok(true) => {
                    tracing::info!(guild = %guild.id, "added back to a server");
                    data.jobs.wake();
                }
                Ok(false) => {}
                Err(e) => {
                    tracing::error!(error = %e, "could not record a server that added the bot")
                }
            }
        }
        serenity::FullEvent::ChannelDelete { channel, .. } => {
            if let Err(e) =
                pairing::channel_lost(&ctx.http, &data.db, data.clock.now(), channel.id.get()).await
            {
                tracing::error!(error = %e, channel = %channel.id, "could not record a lost pair channel");
            }
        }
        _ => {}
    }
}

#[tracing::instrument(skip_all, fields(custom_id = %press.data.custom_id, user = %press.user.id))]
async fn route(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
) -> Result<(), Error> {
    if route_of(&press.data.custom_id, BUTTON_ROUTES).is_none() {
        tracing::warn!("unknown button");
        return Ok(());
    }
    let parts: Vec<&str> = press.data.custom_id.split(':').collect();
    match parts.as_slice() {
        ["mentor", decision @ ("approve" | "decline"), user, rest @ ..] => {
            let user = parse_id(user)?;
            decide_application(
                ctx,
                press,
                data,
                user,
                *decision == "approve",
                rest == ["list"],
            )
            .await
        }
        ["withdraw", answer, roles, user] => {
            owner_only(press, user)?;
            withdraw(ctx, press, data, *answer == "yes", roles).await
        }
        ["mydata", answer, user] => {
            owner_only(press, user)?;
            erase(ctx, press, data, *answer == "erase").await
        }
        ["checkin", "mood", id, mood] => {
            answers::mood(ctx, press, data, parse_pair(id)?, parse_small(mood)?).await
        }
        // A reminder's button also names the reminder (`checkin:answer:<prompt>:<reminder>`).
        ["checkin", "answer", id, ..] => {
            answers::open_checkin(ctx, press, data, parse_pair(id)?).await
        }
        // Newer questions also name the member's own occurrence after the score.
        ["pulse", "score", round, score, ..] => {
            answers::pulse_score(ctx, press, data, parse_pair(round)?, parse_small(score)?).await
        }
        ["pulse", "comment", round] => {
            answers::open_pulse_comment(ctx, press, data, parse_pair(round)?).await
        }
        ["pair", "survey", pair] => open_survey(ctx, press, data, parse_pair(pair)?).await,
        ["pair", "repair", pair] => repair(ctx, press, data, parse_pair(pair)?).await,
        ["pairs", action, suggestion, rest @ ..] => {
            suggestion_action(ctx, press, data, action, parse_pair(suggestion)?, rest).await
        }
        _ => {
            tracing::warn!("unknown button");
            Ok(())
        }
    }
}

fn parse_id(s: &str) -> Result<u64, Error> {
    s.parse()
        .map_err(|_| Error::Internal(anyhow::anyhow!("malformed id {s:?} in a custom id")))
}

fn parse_small(s: &str) -> Result<u8, Error> {
    s.parse()
        .map_err(|_| Error::Internal(anyhow::anyhow!("malformed number {s:?} in a custom id")))
}

fn parse_pair(s: &str) -> Result<i64, Error> {
    s.parse()
        .map_err(|_| Error::Internal(anyhow::anyhow!("malformed pair id {s:?} in a custom id")))
}

/// Confirmation buttons act only for the person who asked.
fn owner_only(press: &ComponentInteraction, user: &str) -> Result<(), Error> {
    if parse_id(user)? == press.user.id.get() {
        Ok(())
    } else {
        Err(Error::user(messages::members::NOT_YOUR_BUTTON))
    }
}

fn guild_of(press: &ComponentInteraction) -> Result<serenity::GuildId, Error> {
    press
        .guild_id
        .ok_or_else(|| Error::user(messages::errors::GUILD_ONLY))
}

async fn respond(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    r: Response,
) -> Result<(), Error> {
    ack::component(&ctx.http, press, r).await?;
    Ok(())
}

/// The final word on a press answered earlier: replaces what the message said.
async fn finish(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    text: &str,
) -> Result<(), Error> {
    let edit = serenity::EditInteractionResponse::new()
        .content(text)
        .components(vec![]);
    press.edit_response(&ctx.http, edit).await?;
    Ok(())
}

/// Replaces the message the button was on (its buttons go away).
fn update(text: &str) -> Response {
    Response::UpdateMessage(ResponseMessage::new().content(text).components(vec![]))
}

fn private(text: impl Into<String>) -> Response {
    Response::Message(ResponseMessage::new().content(text).ephemeral(true))
}

async fn decide_application(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
    applicant: u64,
    approve: bool,
    from_list: bool,
) -> Result<(), Error> {
    use messages::members as m;
    let guild_id = guild_of(press)?;
    let settings = data.db.guild_settings(guild_id.get()).await?;
    if access::of_member(press.member.as_ref(), settings.as_ref()) < Access::Moderator {
        return Err(Error::user(m::ONLY_MODERATORS_DECIDE));
    }
    let now = data.clock.now();
    let moderator = press.user.id.get();
    let to = if approve {
        Status::Active
    } else {
        Status::Declined
    };
    let entry = AuditEntry {
        guild_id: guild_id.get(),
        actor_id: Some(moderator),
        action: if approve {
            "member.approve"
        } else {
            "member.decline"
        }
        .into(),
        target_id: Some(applicant),
        detail: None,
        at: now,
    };
    let change = data
        .db
        .change_status(
            guild_id.get(),
            applicant,
            Role::Mentor,
            &[Status::Pending],
            to,
            &entry,
        )
        .await?;
    match change {
        StatusChange::Missing => return Err(Error::user(m::APPLICATION_GONE)),
        StatusChange::Refused { current } => return Err(Error::user(m::already_decided(current))),
        StatusChange::Changed { .. } => {}
    }
    tracing::info!(applicant, approve, "mentor application decided");
    let response = if from_list {
        private(m::decided_private(approve, applicant))
    } else {
        let decision = m::decided(approve, moderator, now.timestamp());
        let embed = press
            .message
            .embeds
            .first()
            .cloned()
            .map(|e| CreateEmbed::from(e).field(m::DECISION, &decision, false))
            .unwrap_or_else(|| CreateEmbed::new().description(&decision));
        Response::UpdateMessage(ResponseMessage::new().embed(embed).components(vec![]))
    };
    respond(ctx, press, response).await?;
    let guild = dm::guild_name(&ctx.cache, guild_id);
    let text = if approve {
        m::approved_dm(&guild)
    } else {
        m::declined_dm(&guild)
    };
    dm::send(&ctx.http, applicant, text).await;
    Ok(())
}

async fn withdraw(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
    confirmed: bool,
    roles: &str,
) -> Result<(), Error> {
    use messages::members as m;
    if !confirmed {
        return respond(ctx, press, update(m::CANCELLED)).await;
    }
    let guild_id = guild_of(press)?.get();
    let me = press.user.id.get();
    // Acknowledge first: ending each pair takes several requests.
    respond(ctx, press, update(m::LEAVING)).await?;
    let mut left = Vec::new();
    for role in roles.split('+').filter_map(|r| r.parse::<Role>().ok()) {
        let entry = AuditEntry {
            guild_id,
            actor_id: Some(me),
            action: "member.withdraw".into(),
            target_id: Some(me),
            detail: Some(role.as_str().into()),
            at: data.clock.now(),
        };
        let current = [Status::Pending, Status::Active, Status::Paused];
        let change = data
            .db
            .change_status(guild_id, me, role, &current, Status::Withdrawn, &entry)
            .await?;
        if matches!(change, StatusChange::Changed { .. }) {
            left.push(role);
            end_pairs_of(
                Env::of(ctx, data),
                guild_id,
                me,
                Some(role),
                EndReason::Withdrawn,
            )
            .await?;
        }
    }
    let text = if left.is_empty() {
        m::NOTHING_TO_WITHDRAW.to_string()
    } else {
        m::withdrawn(&left)
    };
    finish(ctx, press, &text).await
}

async fn erase(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
    confirmed: bool,
) -> Result<(), Error> {
    use messages::mydata as m;
    if !confirmed {
        return respond(ctx, press, update(m::KEPT)).await;
    }
    let guild_id = guild_of(press)?.get();
    // Acknowledge first: ending the person's pairs takes several requests.
    respond(ctx, press, update(m::ERASING)).await?;
    // The entry says that an erasure happened, not whose data it was.
    let entry = AuditEntry {
        guild_id,
        actor_id: None,
        action: "mydata.delete".into(),
        target_id: None,
        detail: None,
        at: data.clock.now(),
    };
    // Open pairs end first, so the partner is told and the channel archived.
    end_pairs_of(
        Env::of(ctx, data),
        guild_id,
        press.user.id.get(),
        None,
        EndReason::Withdrawn,
    )
    .await?;
    let counts = data
        .db
        .erase_user(guild_id, press.user.id.get(), &entry)
        .await?;
    tracing::info!(
        deleted = counts.deleted,
        detached = counts.detached,
        "member data erased"
    );
    finish(ctx, press, m::ERASED).await
}

/// Opens the exit survey modal for a member of the (ended) pair.
async fn open_survey(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
    pair_id: i64,
) -> Result<(), Error> {
    use messages::pairs as m;
    use serenity::{CreateActionRow, CreateInputText, CreateModal, InputTextStyle};
    let pair = data.db.pair(pair_id).await?;
    if !pair.is_some_and(|p| p.is_member(press.user.id.get())) {
        return Err(Error::user(m::NOT_YOUR_SURVEY));
    }
    let modal =
        CreateModal::new(format!("pair:survey:{pair_id}"), m::SURVEY_TITLE).components(vec![
            CreateActionRow::InputText(
                CreateInputText::new(InputTextStyle::Short, m::SURVEY_RATING, "rating")
                    .min_length(1)
                    .max_length(3)
                    .required(true),
            ),
            CreateActionRow::InputText(
                CreateInputText::new(InputTextStyle::Paragraph, m::SURVEY_WORKED, "worked")
                    .max_length(1000)
                    .required(false),
            ),
            CreateActionRow::InputText(
                CreateInputText::new(InputTextStyle::Paragraph, m::SURVEY_CHANGE, "change")
                    .max_length(1000)
                    .required(false),
            ),
        ]);
    respond(ctx, press, Response::Modal(modal)).await
}

async fn route_modal(
    ctx: &serenity::Context,
    submit: &serenity::ModalInteraction,
    data: &Data,
) -> Result<(), Error> {
    use messages::pairs as m;
    if route_of(&submit.data.custom_id, FORM_ROUTES).is_none() {
        tracing::warn!(custom_id = %submit.data.custom_id, "unknown modal");
        return Ok(());
    }
    let parts: Vec<&str> = submit.data.custom_id.split(':').collect();
    let pair_id = match parts.as_slice() {
        ["pair", "survey", pair_id] => *pair_id,
        ["checkin", "modal", id] => {
            return answers::submit_checkin(ctx, submit, data, parse_pair(id)?).await
        }
        ["pulse", "modal", round] => {
            return answers::submit_pulse_comment(ctx, submit, data, parse_pair(round)?).await
        }
        _ => {
            tracing::warn!(custom_id = %submit.data.custom_id, "unknown modal");
            return Ok(());
        }
    };
    let pair = data
        .db
        .pair(parse_pair(pair_id)?)
        .await?
        .filter(|p| p.is_member(submit.user.id.get()))
        .ok_or_else(|| Error::user(m::NOT_YOUR_SURVEY))?;
    let field = |name: &str| answers::field(submit, name);
    let rating = field("rating")
        .as_deref()
        .and_then(pair::parse_rating)
        .ok_or_else(|| Error::user(m::BAD_RATING))?;
    data.db
        .save_exit_survey(
            &pair,
            submit.user.id.get(),
            rating,
            field("worked").as_deref(),
            field("change").as_deref(),
            data.clock.now(),
        )
        .await?;
    ack::modal(&ctx.http, submit, private(m::SURVEY_THANKS)).await?;
    Ok(())
}

/// A moderator's Re-pair: the pair ends as "not a good fit"; the mentee waits again.
async fn repair(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
    pair_id: i64,
) -> Result<(), Error> {
    use messages::pairs as m;
    let guild = guild_of(press)?.get();
    let settings = data.db.guild_settings_or_new(guild).await?;
    if access::of_member(press.member.as_ref(), Some(&settings)) < Access::Moderator {
        return Err(Error::user(m::ONLY_MODERATORS));
    }
    let pair = data
        .db
        .pair(pair_id)
        .await?
        .filter(|p| p.guild_id == guild)
        .ok_or_else(|| Error::user(m::not_open(pair::PairStatus::Ended)))?;
    if !pair.status.is_open() {
        return Err(Error::user(m::not_open(pair.status)));
    }
    // Acknowledge first: archiving and DMs take several requests.
    let moderator = press.user.id.get();
    respond(ctx, press, update(&m::repaired(moderator))).await?;
    pairing::close_pair(
        Env::of(ctx, data),
        &settings,
        pair_id,
        EndReason::NotAGoodFit,
        Some(moderator),
        None,
    )
    .await?;
    Ok(())
}

/// The buttons and menu of a `/pair suggest` preview.
async fn suggestion_action(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
    action: &str,
    id: i64,
    rest: &[&str],
) -> Result<(), Error> {
    use messages::pairs as m;
    let guild = guild_of(press)?.get();
    let settings = data.db.guild_settings_or_new(guild).await?;
    if access::of_member(press.member.as_ref(), Some(&settings)) < Access::Moderator {
        return Err(Error::user(m::ONLY_MODERATORS));
    }
    let Some((owner, preview)) = data.db.open_suggestion(id).await? else {
        return Err(Error::user(m::SUGGESTION_CLOSED));
    };
    if owner != guild {
        return Err(Error::user(m::SUGGESTION_CLOSED));
    }
    let redraw = |page: usize, selected: &[usize]| {
        let (embed, rows) = suggestion_page(id, &preview, page, selected);
        Response::UpdateMessage(ResponseMessage::new().embed(embed).components(rows))
    };
    match (action, rest) {
        ("page", [page]) => {
            let page = page.parse().unwrap_or(0);
            respond(ctx, press, redraw(page, &[])).await
        }
        ("pick", [page]) => {
            let selected: Vec<usize> = match &press.data.kind {
                serenity::ComponentInteractionDataKind::StringSelect { values } => {
                    values.iter().filter_map(|v| v.parse().ok()).collect()
                }
                _ => Vec::new(),
            };
            respond(ctx, press, redraw(page.parse().unwrap_or(0), &selected)).await
        }
        ("discard", []) => {
            if !data.db.close_suggestion(id, false).await? {
                return Err(Error::user(m::SUGGESTION_CLOSED));
            }
            respond(ctx, press, update(m::DISCARDED)).await
        }
        ("all", []) | ("sel", [_]) => {
            let proposals = preview["proposals"].as_array().cloned().unwrap_or_default();
            let chosen: Vec<usize> = match rest {
                [list] => list.split('.').filter_map(|i| i.parse().ok()).collect(),
                _ => (0..proposals.len()).collect(),
            };
            if !data.db.close_suggestion(id, true).await? {
                return Err(Error::user(m::SUGGESTION_CLOSED));
            }
            approve(ctx, press, data, &settings, &proposals, &chosen).await
        }
        _ => {
            tracing::warn!(action, "unknown suggestion action");
            Ok(())
        }
    }
}

/// Creates the chosen pairs, showing progress on the preview message as it goes.
async fn approve(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
    settings: &GuildSettings,
    proposals: &[serde_json::Value],
    chosen: &[usize],
) -> Result<(), Error> {
    use messages::pairs as m;
    use serenity::EditInteractionResponse;
    let total = chosen.len();
    respond(
        ctx,
        press,
        Response::UpdateMessage(
            ResponseMessage::new()
                .content(m::creating(0, total))
                .embeds(vec![])
                .components(vec![]),
        ),
    )
    .await?;
    let moderator = press.user.id.get();
    let (mut created, mut skipped) = (Vec::new(), Vec::new());
    for (done, i) in chosen.iter().enumerate() {
        let Some(p) = proposals.get(*i) else { continue };
        let (mentor, mentee) = (
            p["mentor_id"].as_u64().unwrap_or_default(),
            p["mentee_id"].as_u64().unwrap_or_default(),
        );
        match pairing::open_pair(ctx, data, settings, mentor, mentee, moderator).await {
            Ok(Ok(pair)) => created.push(m::created(
                mentor,
                mentee,
                pair.channel_id.unwrap_or_default(),
            )),
            Ok(Err(refusal)) => skipped.push(m::refused(refusal, mentor, mentee)),
            Err(Error::User(text)) => skipped.push(text),
            Err(e) => return Err(e),
        }
        // Progress every few pairs keeps the edits well under the rate limit.
        if (done + 1) % 5 == 0 && done + 1 < total {
            let edit = EditInteractionResponse::new().content(m::creating(done + 1, total));
            press.edit_response(&ctx.http, edit).await?;
        }
    }
    let mut summary = m::approved_summary(&created, &skipped);
    if summary.chars().count() > 1900 {
        summary = summary.chars().take(1900).collect::<String>() + "…";
    }
    press
        .edit_response(
            &ctx.http,
            EditInteractionResponse::new()
                .content(summary)
                .allowed_mentions(serenity::CreateAllowedMentions::new()),
        )
        .await?;
    Ok(())
}
