//! Buttons, menus and forms. Each custom id carries its state (see `custom_id`), so a button
//! works after a restart and needs no collector: every press comes through the global event
//! handler, is parsed into a [`CustomId`], checked against its audience here, and routed.

use super::quiet;
use poise::serenity_prelude as serenity;
use serenity::{ComponentInteraction, CreateInteractionResponse as Response};

use super::access::{self, Audience};
use super::commands::pair::suggestion_page;
use super::custom_id::{self, CustomId, Surface};
use super::pairing::{end_pairs_of, Env};
use super::{ack, activity, answers, applications, error, messages, pairing, reports, Data, Error};
use crate::domain::guild::GuildSettings;
use crate::domain::member::{Role, Status};
use crate::domain::pair::{self, EndReason};
use crate::ops::InteractionKind;
use crate::store::{AuditEntry, StatusChange};

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
    // The language they use now is the one tandem writes to them in later, unasked.
    let used = match event {
        serenity::FullEvent::InteractionCreate { interaction } => match interaction {
            serenity::Interaction::Command(i) => i.guild_id.map(|g| (g, i.user.id, &i.locale)),
            serenity::Interaction::Component(i) => i.guild_id.map(|g| (g, i.user.id, &i.locale)),
            serenity::Interaction::Modal(i) => i.guild_id.map(|g| (g, i.user.id, &i.locale)),
            _ => None,
        },
        _ => None,
    };
    if let Some((guild, user, locale)) = used {
        let (db, at) = (data.db.clone(), data.clock.now());
        let locale = super::locale_of(locale);
        // Off the interaction's path: its answer never waits for this write.
        tokio::spawn(async move {
            if let Err(e) = db
                .remember_locale(guild.get(), user.get(), locale, at)
                .await
            {
                tracing::warn!(error = %e, "could not keep a member's language");
            }
        });
    }
    match event {
        serenity::FullEvent::InteractionCreate {
            interaction: serenity::Interaction::Component(press),
        } => {
            ack::tracked(async {
                let result = error::catching_panics(route(ctx, press, data)).await;
                let route = route_label(Surface::Component, &press.data.custom_id);
                data.ops
                    .interaction(InteractionKind::Button, route, error::outcome(&result));
                if let Err(e) = result {
                    error::report_component(ctx, press, e).await;
                }
            })
            .await
        }
        serenity::FullEvent::InteractionCreate {
            interaction: serenity::Interaction::Modal(submit),
        } => {
            ack::tracked(async {
                let result = error::catching_panics(route_modal(ctx, submit, data)).await;
                let route = route_label(Surface::Form, &submit.data.custom_id);
                data.ops
                    .interaction(InteractionKind::Form, route, error::outcome(&result));
                if let Err(e) = result {
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
        // An open pair's thread archived for being idle is opened again.
        serenity::FullEvent::ThreadUpdate { new, .. } => {
            super::threads::keep_open(&ctx.http, &data.db, new).await;
        }
        serenity::FullEvent::ThreadDelete { thread, .. } => {
            if let Err(e) =
                pairing::channel_lost(&ctx.http, &data.db, data.clock.now(), thread.id.get()).await
            {
                tracing::error!(error = %e, thread = %thread.id, "could not record a lost pair thread");
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

/// A press's or submission's route for the metrics (`checkin:mood`), "unknown" for an id
/// tandem did not make: never the id itself, which names pairs and people.
fn route_label(surface: Surface, raw: &str) -> &'static str {
    CustomId::parse(surface, raw).map_or("unknown", |id| id.route())
}

/// The custom id of a press or submission, or the plain "no longer valid" answer for one
/// tandem did not make (an old or unknown route, a malformed number, a modified client).
fn parse(surface: Surface, raw: &str) -> Result<CustomId, Error> {
    CustomId::parse(surface, raw).map_err(|why| {
        tracing::warn!(custom_id = %custom_id::for_log(raw), %why, "custom id not understood");
        Error::user(match surface {
            Surface::Component => messages::errors::STALE_BUTTON,
            Surface::Form => messages::errors::STALE_FORM,
        })
    })
}

/// The one check of who may press a button or submit a form, before it is routed: the owner
/// of a confirmation, and the audience the id declares.
async fn admit(
    data: &Data,
    id: &CustomId,
    guild: Option<serenity::GuildId>,
    user: serenity::UserId,
    member: Option<&serenity::Member>,
) -> Result<(), Error> {
    if id.owner().is_some_and(|owner| owner != user.get()) {
        return Err(Error::user(messages::members::NOT_YOUR_BUTTON));
    }
    let audience = id.audience();
    if audience == Audience::Everyone {
        return Ok(());
    }
    let guild = guild.ok_or_else(|| Error::user(messages::errors::GUILD_ONLY))?;
    let settings = data.db.guild_settings(guild.get()).await?;
    if access::of_member(member, settings.as_ref()) < audience.level() {
        return Err(Error::user(id.refusal()));
    }
    Ok(())
}

#[tracing::instrument(
    skip_all,
    fields(custom_id = %custom_id::for_log(&press.data.custom_id), user = %press.user.id)
)]
async fn route(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
) -> Result<(), Error> {
    use CustomId as C;
    let id = parse(Surface::Component, &press.data.custom_id)?;
    admit(
        data,
        &id,
        press.guild_id,
        press.user.id,
        press.member.as_ref(),
    )
    .await?;
    match id {
        C::MentorApprove {
            applicant,
            from_list,
        } => {
            let via = applications::Via::Press(press);
            applications::decide(ctx, data, via, applicant, true, from_list).await
        }
        C::MentorDecline {
            applicant,
            from_list,
        } => applications::open_decline(ctx, press, data, applicant, from_list).await,
        C::MentorApply { owner } => applications::open_answers(ctx, press, data, owner).await,
        C::WithdrawYes { roles, .. } => withdraw(ctx, press, data, Some(&roles)).await,
        C::WithdrawNo { .. } => withdraw(ctx, press, data, None).await,
        C::MydataErase { .. } => erase(ctx, press, data, true).await,
        C::MydataKeep { .. } => erase(ctx, press, data, false).await,
        C::GuideRead { guild, owner } => guide_read(ctx, press, data, guild, owner).await,
        C::StillMentoring {
            guild,
            owner,
            ask,
            answer,
        } => super::availability::answer(ctx, press, data, (guild, owner, ask), answer).await,
        C::CycleChoice {
            cycle,
            pair,
            finish,
        } => super::cycles::choose(ctx, press, data, cycle, pair, finish).await,
        C::CheckinMood { checkin, mood } => answers::mood(ctx, press, data, checkin, mood).await,
        C::CheckinAnswer { checkin, .. } => answers::open_checkin(ctx, press, data, checkin).await,
        C::PulseScore { round, score, .. } => {
            answers::pulse_score(ctx, press, data, round, score).await
        }
        C::PulseComment { round } => answers::open_pulse_comment(ctx, press, data, round).await,
        C::Survey { pair } => open_survey(ctx, press, data, pair).await,
        C::Repair { pair } => repair(ctx, press, data, pair).await,
        C::SuggestPage { suggestion, page } => {
            suggestion_action(ctx, press, data, suggestion, Preview::Page(page as usize)).await
        }
        C::SuggestPick { suggestion, page } => {
            suggestion_action(ctx, press, data, suggestion, Preview::Pick(page as usize)).await
        }
        C::SuggestAll { suggestion } => {
            suggestion_action(ctx, press, data, suggestion, Preview::Approve(None)).await
        }
        C::SuggestSelected { suggestion, chosen } => {
            let chosen = chosen.into_iter().map(usize::from).collect();
            suggestion_action(ctx, press, data, suggestion, Preview::Approve(Some(chosen))).await
        }
        C::SuggestDiscard { suggestion } => {
            suggestion_action(ctx, press, data, suggestion, Preview::Discard).await
        }
        C::ReportOpen { pair } => reports::open(ctx, press, data, pair).await,
        C::ReportAck { report } => reports::acknowledge(ctx, press, data, report).await,
        // Parsed as a component's id, never a form's.
        C::SurveyForm { .. }
        | C::CheckinForm { .. }
        | C::PulseForm { .. }
        | C::ReportForm { .. }
        | C::MentorAnswers { .. }
        | C::MentorDeclineForm { .. } => Err(Error::user(messages::errors::STALE_BUTTON)),
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
    text: impl Into<String>,
) -> Result<(), Error> {
    let edit = quiet::edit_response().content(text).components(vec![]);
    press.edit_response(&ctx.http, edit).await?;
    Ok(())
}

/// Replaces the message the button was on (its buttons go away).
fn update(text: impl Into<String>) -> Response {
    Response::UpdateMessage(quiet::response().content(text).components(vec![]))
}

fn private(text: impl Into<String>) -> Response {
    Response::Message(quiet::response().content(text).ephemeral(true))
}

async fn withdraw(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
    roles: Option<&[Role]>,
) -> Result<(), Error> {
    let l = crate::discord::locale_of(&press.locale);
    use messages::members as m;
    let Some(roles) = roles else {
        return respond(ctx, press, update(m::CANCELLED.get(l))).await;
    };
    let guild_id = guild_of(press)?.get();
    let me = press.user.id.get();
    // Pressed again after leaving: nothing to do, and the message keeps saying who left.
    let profiles = data.db.profiles_of(guild_id, me).await?;
    if !profiles
        .iter()
        .any(|p| roles.contains(&p.role) && p.status.is_current())
    {
        return Err(Error::user(m::NOTHING_TO_WITHDRAW));
    }
    // Acknowledge first: ending each pair takes several requests.
    respond(ctx, press, update(m::LEAVING.get(l))).await?;
    let mut left = Vec::new();
    for &role in roles {
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
        m::NOTHING_TO_WITHDRAW.get(l).to_string()
    } else {
        m::withdrawn(l, &left)
    };
    finish(ctx, press, &text).await
}

async fn erase(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
    confirmed: bool,
) -> Result<(), Error> {
    let l = crate::discord::locale_of(&press.locale);
    use messages::mydata as m;
    if !confirmed {
        return respond(ctx, press, update(m::KEPT.get(l))).await;
    }
    let guild_id = guild_of(press)?.get();
    // Pressed again once erased: no second erasure (nor audit entry), and the message keeps
    // saying it is done.
    if !data
        .db
        .holds_user_data(guild_id, press.user.id.get())
        .await?
    {
        return Err(Error::user(m::NOTHING_TO_ERASE));
    }
    // Acknowledge first: ending the person's pairs takes several requests.
    respond(ctx, press, update(m::ERASING.get(l))).await?;
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
    // What they reported goes too, with the moderators' copies of it.
    reports::delete_copies(&ctx.http, data, guild_id, press.user.id.get()).await;
    let counts = data
        .db
        .erase_user(guild_id, press.user.id.get(), &entry)
        .await?;
    tracing::info!(
        deleted = counts.deleted,
        detached = counts.detached,
        "member data erased"
    );
    finish(ctx, press, m::ERASED.get(l)).await
}

/// "I've read it" under the programme guide (in a DM or in `/guide`): records it once and
/// says so privately; pressed again, says it is done already.
async fn guide_read(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
    guild: u64,
    owner: u64,
) -> Result<(), Error> {
    let l = crate::discord::locale_of(&press.locale);
    use crate::store::Oriented;
    use messages::guide as m;
    let entry = AuditEntry {
        guild_id: guild,
        actor_id: Some(owner),
        action: "member.orient".into(),
        target_id: Some(owner),
        detail: None,
        at: data.clock.now(),
    };
    match data.db.mark_oriented(guild, owner, &entry).await? {
        Oriented::Recorded => {
            tracing::info!(guild, "mentor read the programme guide");
            respond(ctx, press, private(m::READ_THANKS.get(l))).await
        }
        Oriented::Already { at } => Err(Error::user(m::read_already(l, at.timestamp()))),
        Oriented::NotAMentor => Err(Error::user(m::READ_NOT_MENTOR)),
    }
}

/// Opens the exit survey modal for a member of the (ended) pair.
async fn open_survey(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
    pair_id: i64,
) -> Result<(), Error> {
    let l = crate::discord::locale_of(&press.locale);
    use messages::pairs as m;
    use serenity::{CreateActionRow, CreateInputText, CreateModal, InputTextStyle};
    if !data.db.was_in_pair(pair_id, press.user.id.get()).await? {
        return Err(Error::user(m::NOT_YOUR_SURVEY));
    }
    let modal = CreateModal::new(
        CustomId::SurveyForm { pair: pair_id },
        m::SURVEY_TITLE.get(l),
    )
    .components(vec![
        CreateActionRow::InputText(
            CreateInputText::new(InputTextStyle::Short, m::SURVEY_RATING.get(l), "rating")
                .min_length(1)
                .max_length(3)
                .required(true),
        ),
        CreateActionRow::InputText(
            CreateInputText::new(InputTextStyle::Paragraph, m::SURVEY_WORKED.get(l), "worked")
                .max_length(1000)
                .required(false),
        ),
        CreateActionRow::InputText(
            CreateInputText::new(InputTextStyle::Paragraph, m::SURVEY_CHANGE.get(l), "change")
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
    let l = crate::discord::locale_of(&submit.locale);
    use messages::pairs as m;
    let id = parse(Surface::Form, &submit.data.custom_id)?;
    admit(
        data,
        &id,
        submit.guild_id,
        submit.user.id,
        submit.member.as_ref(),
    )
    .await?;
    let pair_id = match id {
        CustomId::SurveyForm { pair } => pair,
        CustomId::CheckinForm { checkin } => {
            return answers::submit_checkin(ctx, submit, data, checkin).await
        }
        CustomId::PulseForm { round } => {
            return answers::submit_pulse_comment(ctx, submit, data, round).await
        }
        CustomId::ReportForm { pair } => return reports::submit(ctx, submit, data, pair).await,
        CustomId::MentorAnswers { applicant } => {
            return applications::submit_answers(ctx, submit, data, applicant).await
        }
        CustomId::MentorDeclineForm {
            applicant,
            from_list,
        } => {
            let via = applications::Via::Submit(submit);
            return applications::decide(ctx, data, via, applicant, false, from_list).await;
        }
        // Parsed as a form's id, never a component's.
        _ => return Err(Error::user(messages::errors::STALE_FORM)),
    };
    let user = submit.user.id.get();
    let pair = match data.db.pair(pair_id).await? {
        Some(p) if data.db.was_in_pair(pair_id, user).await? => p,
        _ => return Err(Error::user(m::NOT_YOUR_SURVEY)),
    };
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
    ack::modal(&ctx.http, submit, private(m::SURVEY_THANKS.get(l))).await?;
    Ok(())
}

/// A moderator's Re-pair: the pair ends as "not a good fit"; the mentee waits again.
async fn repair(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
    pair_id: i64,
) -> Result<(), Error> {
    let l = crate::discord::locale_of(&press.locale);
    use messages::pairs as m;
    let guild = guild_of(press)?.get();
    let settings = data.db.guild_settings_or_new(guild).await?;
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
    respond(ctx, press, update(m::repaired(l, moderator))).await?;
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

/// What a button or the menu of a `/pair suggest` preview asks for.
enum Preview {
    Page(usize),
    /// The menu: its chosen values are the selection, on this page.
    Pick(usize),
    Discard,
    /// Approve all proposals (`None`) or the chosen ones.
    Approve(Option<Vec<usize>>),
}

/// The buttons and menu of a `/pair suggest` preview.
async fn suggestion_action(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
    id: i64,
    action: Preview,
) -> Result<(), Error> {
    let l = crate::discord::locale_of(&press.locale);
    use messages::pairs as m;
    let guild = guild_of(press)?.get();
    let settings = data.db.guild_settings_or_new(guild).await?;
    let Some((owner, preview)) = data.db.open_suggestion(id).await? else {
        return Err(Error::user(m::SUGGESTION_CLOSED));
    };
    if owner != guild {
        return Err(Error::user(m::SUGGESTION_CLOSED));
    }
    let redraw = |page: usize, selected: &[usize]| {
        let (embed, rows) = suggestion_page(l, id, &preview, page, selected);
        Response::UpdateMessage(quiet::response().embed(embed).components(rows))
    };
    match action {
        Preview::Page(page) => respond(ctx, press, redraw(page, &[])).await,
        Preview::Pick(page) => {
            let selected: Vec<usize> = match &press.data.kind {
                serenity::ComponentInteractionDataKind::StringSelect { values } => {
                    values.iter().filter_map(|v| v.parse().ok()).collect()
                }
                _ => Vec::new(),
            };
            respond(ctx, press, redraw(page, &selected)).await
        }
        Preview::Discard => {
            if !data.db.close_suggestion(id, false).await? {
                return Err(Error::user(m::SUGGESTION_CLOSED));
            }
            respond(ctx, press, update(m::DISCARDED.get(l))).await
        }
        Preview::Approve(chosen) => {
            let proposals = preview["proposals"].as_array().cloned().unwrap_or_default();
            let chosen = chosen.unwrap_or_else(|| (0..proposals.len()).collect());
            if !data.db.close_suggestion(id, true).await? {
                return Err(Error::user(m::SUGGESTION_CLOSED));
            }
            approve(ctx, press, data, &settings, &proposals, &chosen).await
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
    let l = crate::discord::locale_of(&press.locale);
    use messages::pairs as m;
    let total = chosen.len();
    respond(
        ctx,
        press,
        Response::UpdateMessage(
            quiet::response()
                .content(m::creating(l, 0, total))
                .embeds(vec![])
                .components(vec![]),
        ),
    )
    .await?;
    let moderator = press.user.id.get();
    let (mut created, mut skipped) = (Vec::new(), Vec::new());
    for (done, i) in chosen.iter().enumerate() {
        let Some(p) = proposals.get(*i) else { continue };
        // A circle's proposal names its members.
        if let Some(members) = p["members"].as_array() {
            let members: Vec<u64> = members.iter().filter_map(|m| m.as_u64()).collect();
            let make = pairing::Make::Space {
                mentor: None,
                members: &members,
            };
            match pairing::open(ctx, data, settings, make, moderator).await {
                Ok(Ok(space)) => created.push(m::created_space(
                    l,
                    space.kind,
                    None,
                    &members,
                    space.channel_id.unwrap_or_default(),
                )),
                Ok(Err(refusal)) => skipped.push(m::space_refused(l, refusal, None)),
                Err(Error::User(say)) => skipped.push(say.render(l)),
                Err(e) => return Err(e),
            }
            continue;
        }
        let (mentor, mentee) = (
            p["mentor_id"].as_u64().unwrap_or_default(),
            p["mentee_id"].as_u64().unwrap_or_default(),
        );
        match pairing::open_pair(ctx, data, settings, mentor, mentee, moderator).await {
            Ok(Ok(pair)) => created.push(m::created(
                l,
                mentor,
                mentee,
                pair.channel_id.unwrap_or_default(),
            )),
            Ok(Err(refusal)) => skipped.push(m::refused(l, refusal, mentor, mentee)),
            Err(Error::User(say)) => skipped.push(say.render(l)),
            Err(e) => return Err(e),
        }
        // Progress every few pairs keeps the edits well under the rate limit.
        if (done + 1) % 5 == 0 && done + 1 < total {
            let edit = quiet::edit_response().content(m::creating(l, done + 1, total));
            press.edit_response(&ctx.http, edit).await?;
        }
    }
    let mut summary = m::approved_summary(l, &created, &skipped);
    if summary.chars().count() > 1900 {
        summary = summary.chars().take(1900).collect::<String>() + "…";
    }
    press
        .edit_response(&ctx.http, quiet::edit_response().content(summary))
        .await?;
    Ok(())
}
