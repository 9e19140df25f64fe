//! Mentor selection: the application (with the server's questions and the applicant's
//! answers) posted to the moderators, their Approve and Decline (with an optional reason the
//! applicant receives), and the form the applicant answers the questions in.

use poise::serenity_prelude as serenity;
use serenity::{
    ComponentInteraction, CreateActionRow, CreateButton, CreateEmbed, CreateInputText,
    CreateInteractionResponse as Response, CreateModal, InputTextStyle, ModalInteraction,
};

use super::custom_id::CustomId;
use super::{ack, answers, dm, messages, pairing, quiet, Data, Error};
use crate::domain::application::{self, MAX_ANSWER_CHARS, MAX_REASON_CHARS};
use crate::domain::guild::GuildSettings;
use crate::domain::member::{Profile, Role, Status};
use crate::store::{AuditEntry, StatusChange};
use crate::text::Locale;

/// The buttons moderators use to decide on an application. `number` labels them when several
/// applications share one message (`/members`); such buttons answer privately.
pub fn decision_buttons(l: Locale, user: u64, number: Option<usize>) -> CreateActionRow {
    use messages::members as m;
    let label = number.map(|n| format!(" {n}")).unwrap_or_default();
    let from_list = number.is_some();
    CreateActionRow::Buttons(vec![
        CreateButton::new(CustomId::MentorApprove {
            applicant: user,
            from_list,
        })
        .label(format!("{}{label}", m::APPROVE.get(l)))
        .style(serenity::ButtonStyle::Success),
        CreateButton::new(CustomId::MentorDecline {
            applicant: user,
            from_list,
        })
        .label(format!("{}{label}", m::DECLINE.get(l)))
        .style(serenity::ButtonStyle::Danger),
    ])
}

/// The button under a new application that opens the server's questions.
pub fn questions_button(l: Locale, user: u64) -> CreateActionRow {
    CreateActionRow::Buttons(vec![CreateButton::new(CustomId::MentorApply {
        owner: user,
    })
    .label(messages::members::ANSWER_QUESTIONS.get(l))
    .style(serenity::ButtonStyle::Primary)])
}

/// Posts the application (and the answers, if the server asks questions) to the moderators'
/// channel, in the server's language; a failure is logged, not fatal: the application also
/// shows in `/members`.
pub async fn post(
    http: &serenity::Http,
    settings: &GuildSettings,
    p: &Profile,
    answers: &[(String, String)],
) {
    let Some(channel) = settings.digest_channel_id else {
        return;
    };
    let l = settings.locale();
    let mut embed = super::commands::profile::card(l, p)
        .title(messages::members::APPLICATION_TITLE.get(l))
        .description(messages::members::application(
            l,
            p.user_id,
            p.enrolled_at.timestamp(),
        ));
    for (question, answer) in answers {
        // A field's name holds 256 characters and its value 1,024.
        embed = embed.field(
            messages::quote(question, 200),
            messages::quote(answer, 1000),
            false,
        );
    }
    let message = quiet::message()
        .embed(embed)
        .components(vec![decision_buttons(l, p.user_id, None)]);
    if let Err(e) = serenity::ChannelId::new(channel)
        .send_message(http, message)
        .await
    {
        tracing::warn!(channel, error = %e, "could not post a mentor application");
    }
}

/// The applicant's still-pending mentor profile and the server's settings, or the plain word
/// for why there is nothing to answer.
async fn pending(data: &Data, guild: u64, user: u64) -> Result<(Profile, GuildSettings), Error> {
    let settings = data.db.guild_settings_or_new(guild).await?;
    let profile = data
        .db
        .profile(guild, user, Role::Mentor)
        .await?
        .filter(|p| p.status == Status::Pending)
        .ok_or_else(|| Error::user(messages::members::NOTHING_TO_ANSWER))?;
    if settings.application_questions.is_empty() {
        return Err(Error::user(messages::members::NOTHING_TO_ANSWER));
    }
    Ok((profile, settings))
}

/// "Answer the questions": the form with the server's questions.
pub async fn open_answers(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
    owner: u64,
) -> Result<(), Error> {
    let l = super::locale_of(&press.locale);
    let guild = press
        .guild_id
        .ok_or_else(|| Error::user(messages::errors::GUILD_ONLY))?;
    let (_, settings) = pending(data, guild.get(), owner).await?;
    if !data
        .db
        .application_answers(guild.get(), owner)
        .await?
        .is_empty()
    {
        return Err(Error::user(messages::members::ANSWERS_SENT_ALREADY));
    }
    let fields = settings
        .application_questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            CreateActionRow::InputText(
                CreateInputText::new(InputTextStyle::Paragraph, q, format!("q{i}"))
                    .max_length(MAX_ANSWER_CHARS as u16)
                    .required(true),
            )
        })
        .collect();
    let form = CreateModal::new(
        CustomId::MentorAnswers { applicant: owner },
        messages::members::APPLICATION_TITLE.get(l),
    )
    .components(fields);
    ack::component(&ctx.http, press, Response::Modal(form)).await?;
    Ok(())
}

/// The answers sent: stored once, then the application goes to the moderators with them.
pub async fn submit_answers(
    ctx: &serenity::Context,
    submit: &ModalInteraction,
    data: &Data,
    applicant: u64,
) -> Result<(), Error> {
    use messages::members as m;
    let l = super::locale_of(&submit.locale);
    let guild = submit
        .guild_id
        .ok_or_else(|| Error::user(messages::errors::GUILD_ONLY))?;
    if submit.user.id.get() != applicant {
        return Err(Error::user(m::NOT_YOUR_BUTTON));
    }
    let (profile, settings) = pending(data, guild.get(), applicant).await?;
    let mut answered = Vec::new();
    for (i, question) in settings.application_questions.iter().enumerate() {
        let typed = answers::field(submit, &format!("q{i}")).unwrap_or_default();
        match application::parse_text(&typed, MAX_ANSWER_CHARS) {
            Ok(Some(answer)) => answered.push((question.clone(), answer)),
            Ok(None) => return Err(Error::user(m::ANSWER_EVERY_QUESTION)),
            Err(n) => return Err(Error::user(m::answer_too_long(l, n))),
        }
    }
    let now = data.clock.now();
    if !data
        .db
        .save_application_answers(guild.get(), applicant, &answered, now)
        .await?
    {
        return Err(Error::user(m::ANSWERS_SENT_ALREADY));
    }
    // Answered at once: posting takes a request or two.
    let r = Response::Message(
        quiet::response()
            .content(m::ANSWERS_SENT.get(l))
            .ephemeral(true),
    );
    ack::modal(&ctx.http, submit, r).await?;
    post(&ctx.http, &settings, &profile, &answered).await;
    let name = dm::guild_name(&ctx.cache, guild);
    dm::send(&ctx.http, applicant, m::application_dm(l, &name)).await;
    Ok(())
}

/// Decline: a form for an optional reason, if the application is still undecided.
pub async fn open_decline(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
    applicant: u64,
    from_list: bool,
) -> Result<(), Error> {
    use messages::members as m;
    let l = super::locale_of(&press.locale);
    let guild = press
        .guild_id
        .ok_or_else(|| Error::user(messages::errors::GUILD_ONLY))?;
    match data
        .db
        .profile(guild.get(), applicant, Role::Mentor)
        .await?
    {
        None => return Err(Error::user(m::APPLICATION_GONE)),
        Some(p) if p.status != Status::Pending => {
            return Err(Error::user(m::already_decided(p.status)))
        }
        Some(_) => {}
    }
    let form = CreateModal::new(
        CustomId::MentorDeclineForm {
            applicant,
            from_list,
        },
        m::DECLINE_TITLE.get(l),
    )
    .components(vec![CreateActionRow::InputText(
        CreateInputText::new(
            InputTextStyle::Paragraph,
            m::DECLINE_REASON.get(l),
            "reason",
        )
        .placeholder(m::DECLINE_PLACEHOLDER.get(l))
        .max_length(MAX_REASON_CHARS as u16)
        .required(false),
    )]);
    ack::component(&ctx.http, press, Response::Modal(form)).await?;
    Ok(())
}

/// Where a moderator decided: the Approve button, or the Decline form.
pub enum Via<'a> {
    Press(&'a ComponentInteraction),
    Submit(&'a ModalInteraction),
}

impl Via<'_> {
    fn guild(&self) -> Result<serenity::GuildId, Error> {
        match self {
            Via::Press(p) => p.guild_id,
            Via::Submit(s) => s.guild_id,
        }
        .ok_or_else(|| Error::user(messages::errors::GUILD_ONLY))
    }

    fn user(&self) -> u64 {
        match self {
            Via::Press(p) => p.user.id.get(),
            Via::Submit(s) => s.user.id.get(),
        }
    }

    fn locale(&self) -> Locale {
        super::locale_of(match self {
            Via::Press(p) => &p.locale,
            Via::Submit(s) => &s.locale,
        })
    }

    fn first_embed(&self) -> Option<serenity::Embed> {
        match self {
            Via::Press(p) => p.message.embeds.first().cloned(),
            Via::Submit(s) => s.message.as_ref().and_then(|m| m.embeds.first().cloned()),
        }
    }

    async fn respond(&self, http: &serenity::Http, r: Response) -> Result<(), Error> {
        match self {
            Via::Press(p) => ack::component(http, p, r).await?,
            Via::Submit(s) => ack::modal(http, s, r).await?,
        }
        Ok(())
    }
}

/// Approves or declines (with an optional reason) a pending application, once; tells the
/// applicant by DM in their language.
pub async fn decide(
    ctx: &serenity::Context,
    data: &Data,
    via: Via<'_>,
    applicant: u64,
    approve: bool,
    from_list: bool,
) -> Result<(), Error> {
    use messages::members as m;
    let l = via.locale();
    let guild_id = via.guild()?;
    let reason = match &via {
        Via::Submit(s) => {
            let typed = answers::field(s, "reason").unwrap_or_default();
            application::parse_text(&typed, MAX_REASON_CHARS)
                .map_err(|n| Error::user(m::reason_too_long(l, n)))?
        }
        Via::Press(_) => None,
    };
    let now = data.clock.now();
    let moderator = via.user();
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
        // Whether a reason was given, never what it says.
        detail: reason.as_ref().map(|_| "with a reason".to_string()),
        at: now,
    };
    // Settings as they are now: a mentor approved after orientation became required owes it.
    let settings = data.db.guild_settings_or_new(guild_id.get()).await?;
    let owe_orientation = approve && settings.require_orientation;
    let change = if approve {
        data.db
            .approve_mentor(guild_id.get(), applicant, owe_orientation, &entry)
            .await?
    } else {
        data.db
            .change_status(
                guild_id.get(),
                applicant,
                Role::Mentor,
                &[Status::Pending],
                to,
                &entry,
            )
            .await?
    };
    match change {
        StatusChange::Missing => return Err(Error::user(m::APPLICATION_GONE)),
        StatusChange::Refused { current } => return Err(Error::user(m::already_decided(current))),
        StatusChange::Changed { .. } => {}
    }
    tracing::info!(applicant, approve, "mentor application decided");
    let response = if from_list {
        Response::Message(
            quiet::response()
                .content(m::decided_private(l, approve, applicant))
                .ephemeral(true),
        )
    } else {
        let decision = m::decided(l, approve, moderator, now.timestamp());
        let embed = via
            .first_embed()
            .map(|e| CreateEmbed::from(e).field(m::DECISION.get(l), &decision, false))
            .unwrap_or_else(|| CreateEmbed::new().description(&decision));
        Response::UpdateMessage(quiet::response().embed(embed).components(vec![]))
    };
    via.respond(&ctx.http, response).await?;
    // Applying again later asks the questions again.
    if !approve {
        data.db
            .clear_application_answers(guild_id.get(), applicant)
            .await?;
    }
    // The guide comes with the good news when they owe it (unless they read it before).
    if owe_orientation && data.db.owes_orientation(guild_id.get(), applicant).await? {
        super::commands::guide::send_to_mentor(
            &ctx.http, &ctx.cache, &data.db, &settings, applicant, true,
        )
        .await;
        return Ok(());
    }
    let guild = dm::guild_name(&ctx.cache, guild_id);
    let reader = pairing::reader_locale(&data.db, guild_id.get(), applicant).await;
    let text = match (approve, reason) {
        (true, _) => m::approved_dm(reader, &guild),
        (false, None) => m::declined_dm(reader, &guild),
        (false, Some(reason)) => m::declined_dm_with_reason(reader, &guild, &reason),
    };
    dm::send(&ctx.http, applicant, text).await;
    Ok(())
}
