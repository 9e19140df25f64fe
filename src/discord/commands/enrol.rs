//! `/enrol mentor` and `/enrol mentee`: join the programme (or update your profile).

use poise::serenity_prelude as serenity;

use crate::discord::commands::{autocomplete_timezone, guide, guild_of, profile};
use crate::discord::{applications, dm, messages, Context, Error};
use crate::domain::member::{Profile, ProfileInput, Role, Status};
use crate::store::AuditEntry;

/// Join the mentoring programme
#[poise::command(
    slash_command,
    guild_only,
    subcommands("mentor", "mentee"),
    subcommand_required
)]
pub async fn enrol(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Offer to mentor others
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn mentor(
    ctx: Context<'_>,
    #[description = "Topics you can help with, comma-separated (e.g. rust, career, sql)"]
    topics: String,
    #[description = "Your time zone, e.g. Europe/Berlin"]
    #[autocomplete = "autocomplete_timezone"]
    timezone: String,
    #[description = "Languages you can mentor in (default: the server's), e.g. en, es"]
    languages: Option<String>,
    #[description = "How many mentees at once (1-5, default 1)"] capacity: Option<i64>,
    #[description = "A short intro (up to 300 characters)"] about: Option<String>,
) -> Result<(), Error> {
    let input = ProfileInput {
        topics: Some(topics),
        timezone: Some(timezone),
        languages,
        capacity,
        goals: None,
        about,
    };
    enrol_as(ctx, Role::Mentor, input).await
}

/// Find a mentor
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn mentee(
    ctx: Context<'_>,
    #[description = "Topics you want help with, comma-separated (e.g. rust, career)"]
    topics: String,
    #[description = "Your time zone, e.g. Europe/Berlin"]
    #[autocomplete = "autocomplete_timezone"]
    timezone: String,
    #[description = "What you want to achieve (up to 500 characters)"] goals: String,
    #[description = "Languages you speak (default: the server's), e.g. en, es"] languages: Option<
        String,
    >,
    #[description = "A short intro (up to 300 characters)"] about: Option<String>,
) -> Result<(), Error> {
    let input = ProfileInput {
        topics: Some(topics),
        timezone: Some(timezone),
        languages,
        capacity: None,
        goals: Some(goals),
        about,
    };
    enrol_as(ctx, Role::Mentee, input).await
}

enum Outcome {
    New,
    Updated,
    Rejoined,
}

async fn enrol_as(ctx: Context<'_>, role: Role, input: ProfileInput) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    use messages::members as m;
    let guild_id = guild_of(ctx)?;
    let user = ctx.author().id.get();
    let db = &ctx.data().db;
    let now = ctx.data().clock.now();
    let settings = db.guild_settings_or_new(guild_id.get()).await?;
    let fresh_status = if role == Role::Mentor && settings.require_mentor_approval {
        Status::Pending
    } else {
        Status::Active
    };
    let existing = db.profile(guild_id.get(), user, role).await?;
    let invalid = |e| Error::user(m::profile_error(l, &e));
    let (profile, outcome) = match existing {
        Some(mut p) if p.status.is_current() => {
            p.apply(&input).map_err(invalid)?;
            (p, Outcome::Updated)
        }
        existing => {
            let p = Profile::new(
                guild_id.get(),
                user,
                role,
                fresh_status,
                &input,
                &settings.language,
                now,
            )
            .map_err(invalid)?;
            let outcome = if existing.is_some() {
                Outcome::Rejoined
            } else {
                Outcome::New
            };
            (p, outcome)
        }
    };
    let entry = AuditEntry {
        guild_id: guild_id.get(),
        actor_id: Some(user),
        action: match outcome {
            Outcome::Updated => "member.update",
            _ => "member.enrol",
        }
        .into(),
        target_id: Some(user),
        detail: Some(format!("{role} {}", profile.status)),
        at: now,
    };
    let limits = &ctx.data().settings.limits;
    let applying = profile.status == Status::Pending && !matches!(outcome, Outcome::Updated);
    if applying {
        // Each application notifies the moderators: a person cannot flood their channel.
        let since = now - chrono::Duration::days(30);
        if db.recent_actions(&entry, since).await? >= limits.applications_per_month {
            return Err(Error::user(m::application_limit(
                l,
                limits.applications_per_month,
            )));
        }
    }
    // Written only if nothing changed meanwhile: an edit never touches the status (a
    // moderator's decision stands), a new enrolment only replaces a profile that has left.
    // A mentor active at once (approval is off) in a server that requires orientation owes
    // the programme guide, as one approved by a moderator does.
    let owe_orientation = role == Role::Mentor
        && profile.status == Status::Active
        && settings.require_orientation
        && !matches!(outcome, Outcome::Updated);
    let saved = match outcome {
        Outcome::Updated => db.update_profile(&profile, &input, &entry).await?,
        Outcome::New | Outcome::Rejoined => {
            db.enrol_profile_owing(&profile, owe_orientation, &entry)
                .await?
        }
    };
    if !saved {
        return Err(Error::user(m::CHANGED_MEANWHILE));
    }
    // Their language from now on, for what tandem sends them unasked (the answer to every
    // interaction keeps it current; the first one came before they were enrolled).
    db.remember_locale(guild_id.get(), user, l, now).await?;

    // With questions, the application goes to the moderators once they are answered.
    let questions = applying && !settings.application_questions.is_empty();
    if applying {
        db.clear_application_answers(guild_id.get(), user).await?;
    }
    if applying && !questions {
        applications::post(ctx.http(), &settings, &profile, &[]).await;
        let guild = dm::guild_name(&ctx.serenity_context().cache, guild_id);
        dm::send(
            &ctx.serenity_context().http,
            user,
            m::application_dm(l, &guild),
        )
        .await;
    }

    // Unless they read the guide before (a mentor who left and came back).
    let owes = owe_orientation && db.owes_orientation(guild_id.get(), user).await?;
    if owes {
        let http = &ctx.serenity_context().http;
        let cache = &ctx.serenity_context().cache;
        guide::send_to_mentor(http, cache, db, &settings, user, false).await;
    }

    let reply = match outcome {
        Outcome::Updated => poise::CreateReply::default()
            .content(m::updated(l, role))
            .embed(profile::card(l, &profile)),
        Outcome::New | Outcome::Rejoined => {
            let headline = match outcome {
                Outcome::Rejoined => format!(
                    "{} {}",
                    m::rejoined(l, role),
                    m::enrolled(l, role, profile.status)
                ),
                _ => m::enrolled(l, role, profile.status),
            };
            let headline = if questions {
                m::ENROLLED_QUESTIONS.get(l)
            } else {
                headline
            };
            let mut text = format!("{headline}\n\n");
            if owes {
                text.push_str(&format!("{}\n\n", messages::guide::ENROL_NOTE.get(l)));
            }
            text.push_str(&format!(
                "{}\n\n{}\n\n{}",
                m::EXPECTATIONS.get(l),
                m::HOW_TO_CHANGE.get(l),
                m::DATA_KEPT.get(l)
            ));
            let welcome = serenity::CreateEmbed::new()
                .title(m::WELCOME_TITLE.get(l))
                .description(text);
            let reply = poise::CreateReply::default()
                .embed(welcome)
                .embed(profile::card(l, &profile));
            if questions {
                reply.components(vec![applications::questions_button(l, user)])
            } else {
                reply
            }
        }
    };
    ctx.send(reply.ephemeral(true)).await?;
    Ok(())
}
