//! Buttons. Each custom id carries its state (`mentor:approve:<user>`), so a button works after a
//! restart and needs no collector: every press comes through the global event handler.

use poise::serenity_prelude as serenity;
use serenity::{
    ComponentInteraction, CreateEmbed, CreateInteractionResponse as Response,
    CreateInteractionResponseMessage as ResponseMessage,
};

use super::access::{self, Access};
use super::{dm, error, messages, Data, Error};
use crate::domain::member::{Role, Status};
use crate::store::{AuditEntry, StatusChange};

/// Entry point from the framework's event handler.
pub async fn handle_event(ctx: &serenity::Context, event: &serenity::FullEvent, data: &Data) {
    if let serenity::FullEvent::InteractionCreate {
        interaction: serenity::Interaction::Component(press),
    } = event
    {
        if let Err(e) = route(ctx, press, data).await {
            error::report_component(ctx, press, e).await;
        }
    }
}

#[tracing::instrument(skip_all, fields(custom_id = %press.data.custom_id, user = %press.user.id))]
async fn route(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
) -> Result<(), Error> {
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
    press.create_response(&ctx.http, r).await?;
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
        }
    }
    if left.is_empty() {
        return respond(ctx, press, update(m::NOTHING_TO_WITHDRAW)).await;
    }
    respond(ctx, press, update(&m::withdrawn(&left))).await
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
    // The entry says that an erasure happened, not whose data it was.
    let entry = AuditEntry {
        guild_id,
        actor_id: None,
        action: "mydata.delete".into(),
        target_id: None,
        detail: None,
        at: data.clock.now(),
    };
    let counts = data
        .db
        .erase_user(guild_id, press.user.id.get(), &entry)
        .await?;
    tracing::info!(
        deleted = counts.deleted,
        detached = counts.detached,
        "member data erased"
    );
    respond(ctx, press, update(m::ERASED)).await
}
