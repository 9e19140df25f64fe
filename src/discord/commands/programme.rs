//! `/programme questions`: the questions new mentors answer when they apply; `/programme
//! start`, `/programme status` and `/programme report`: the programme's cycles (moderators).

use poise::serenity_prelude as serenity;

use crate::discord::commands::{guild_of, settings};
use crate::discord::{messages, Context, Error};
use crate::domain::application::{self, QuestionError, MAX_QUESTION_CHARS};
use crate::domain::cycle::{self, Choice};
use crate::store::{AuditEntry, Started};

/// The mentoring programme's own settings
#[poise::command(
    slash_command,
    guild_only,
    subcommands("questions", "start", "status", "report"),
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

/// Start a programme cycle: new pairs join it, and each pair is asked before it ends
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn start(
    ctx: Context<'_>,
    #[description = "The cycle's name, e.g. Spring 2027"]
    #[max_length = 100]
    name: String,
    #[description = "How many weeks it lasts (1 to 52)"]
    #[min = 1]
    #[max = 52]
    weeks: i64,
) -> Result<(), Error> {
    use messages::cycles as m;
    let l = crate::discord::locale(ctx);
    let settings = settings(ctx).await?;
    let bad = |e: cycle::CycleError| Error::user(m::bad_input(l, &e));
    let name = cycle::parse_name(&name).map_err(bad)?;
    let weeks = cycle::parse_weeks(weeks).map_err(bad)?;
    let now = ctx.data().clock.now();
    let entry = AuditEntry {
        guild_id: settings.guild_id,
        actor_id: Some(ctx.author().id.get()),
        action: "cycle.start".into(),
        target_id: None,
        detail: Some(format!("{weeks} weeks")),
        at: now,
    };
    let ends_at = now + chrono::Duration::weeks(i64::from(weeks));
    let text = match ctx
        .data()
        .db
        .start_cycle(settings.guild_id, &name, ends_at, &entry)
        .await?
    {
        Started::Started { cycle, pairs } => {
            tracing::info!(cycle = cycle.id, weeks, pairs, "cycle started");
            ctx.data().jobs.wake();
            m::started(l, &cycle, pairs)
        }
        Started::Running(cycle) => return Err(Error::user(m::running(l, &cycle))),
    };
    ctx.send(poise::CreateReply::default().content(text).ephemeral(true))
        .await?;
    Ok(())
}

/// The running cycle: days left, and which pairs have not said whether they continue
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn status(ctx: Context<'_>) -> Result<(), Error> {
    use messages::cycles as m;
    let l = crate::discord::locale(ctx);
    let settings = settings(ctx).await?;
    let db = &ctx.data().db;
    let Some(cycle) = db.running_cycle(settings.guild_id).await? else {
        ctx.send(
            poise::CreateReply::default()
                .content(m::STATUS_NONE.get(l))
                .ephemeral(true),
        )
        .await?;
        return Ok(());
    };
    let now = ctx.data().clock.now();
    let pairs = db.open_pairs_in_cycle(cycle.id).await?;
    let choices = db.cycle_choices(cycle.id).await?;
    let count = |c: Choice| {
        pairs
            .iter()
            .filter(|p| choices.get(&p.id) == Some(&c))
            .count()
    };
    let waiting: Vec<String> = pairs
        .iter()
        .filter(|p| !choices.contains_key(&p.id))
        .map(|p| m::space_line(l, p))
        .collect();
    let head = format!(
        "{}\n{}",
        m::status(l, &cycle, cycle.days_left(now)),
        m::counts(
            l,
            pairs.len(),
            count(Choice::Continue),
            count(Choice::Finish),
            waiting.len()
        )
    );
    let list = if waiting.is_empty() {
        m::EVERYONE_ANSWERED.get(l)
    } else {
        messages::fit_lines(l, &waiting, 1000)
    };
    let embed = poise::serenity_prelude::CreateEmbed::new()
        .title(cycle.name.clone())
        .description(head)
        .field(m::WAITING.get(l), list, false);
    ctx.send(poise::CreateReply::default().embed(embed).ephemeral(true))
        .await?;
    Ok(())
}

/// A cycle's impact report now, only for you: the running one so far, or one that ended
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn report(
    ctx: Context<'_>,
    #[description = "Which cycle (default: the running or latest one)"]
    #[autocomplete = "autocomplete_cycle"]
    #[max_length = 100]
    cycle: Option<String>,
) -> Result<(), Error> {
    use messages::cycles as m;
    let l = crate::discord::locale(ctx);
    let settings = settings(ctx).await?;
    let data = ctx.data();
    // A cycle picked from the list comes as its number; one typed by hand, as its name.
    let asked = match cycle.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        None => None,
        Some(typed) => {
            let cycles = data.db.cycles(settings.guild_id, 200).await?;
            let found = typed
                .parse::<i64>()
                .ok()
                .and_then(|id| cycles.iter().find(|c| c.id == id))
                .or_else(|| cycles.iter().find(|c| c.name.eq_ignore_ascii_case(typed)));
            match found {
                Some(c) => Some(c.id),
                None => return Err(Error::user(m::REPORT_UNKNOWN_CYCLE)),
            }
        }
    };
    let Some(found) = crate::digest::impact::pick_cycle(&data.db, settings.guild_id, asked).await?
    else {
        return Err(Error::user(m::REPORT_NO_CYCLE));
    };
    let mut report =
        crate::digest::impact::build(&data.db, &data.settings, &settings, found, data.clock.now())
            .await?;
    // Asked for by one moderator: in their language (the post at the end is in the server's).
    report.locale = l;
    let (embed, files) = crate::discord::cycles::report_parts(&report);
    let mut reply = poise::CreateReply::default().embed(embed).ephemeral(true);
    for file in files {
        reply = reply.attachment(file);
    }
    ctx.send(reply).await?;
    Ok(())
}

/// The server's cycles, newest first, matching what was typed (at most 25, Discord's limit).
async fn autocomplete_cycle(
    ctx: Context<'_>,
    partial: &str,
) -> serenity::CreateAutocompleteResponse {
    let l = crate::discord::locale(ctx);
    let cycles = match guild_of(ctx) {
        Ok(guild) => ctx
            .data()
            .db
            .cycles(guild.get(), 200)
            .await
            .unwrap_or_default(),
        Err(_) => Vec::new(),
    };
    let partial = partial.to_lowercase();
    let choices = cycles
        .iter()
        .filter(|c| c.name.to_lowercase().contains(&partial))
        .take(25)
        .map(|c| {
            serenity::AutocompleteChoice::new(
                messages::cycles::report_choice(l, c),
                c.id.to_string(),
            )
        })
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}
