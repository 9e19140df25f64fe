//! `/goal add|done|list`: a pair's goals, inside its channel.

use chrono::NaiveTime;

use crate::discord::commands::pair_here;
use crate::discord::{messages, pairing, Context, Error};
use crate::domain::pair::{self, Pair};
use crate::store::{AuditEntry, GoalDone};

/// Your pair's goals
#[poise::command(
    slash_command,
    guild_only,
    subcommands("add", "done", "list"),
    subcommand_required
)]
pub async fn goal(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Midnight at the start of `date` in the server's time zone, for a Discord date timestamp.
fn date_unix(date: chrono::NaiveDate, tz: chrono_tz::Tz) -> i64 {
    date.and_time(NaiveTime::MIN)
        .and_local_timezone(tz)
        .earliest()
        .map_or_else(
            || date.and_time(NaiveTime::MIN).and_utc().timestamp(),
            |t| t.timestamp(),
        )
}

/// Today's date in the server's time zone (goal dates are calendar dates there).
fn today_in(ctx: Context<'_>, tz: chrono_tz::Tz) -> chrono::NaiveDate {
    ctx.data().clock.now().with_timezone(&tz).date_naive()
}

fn entry(ctx: Context<'_>, pair: &Pair, action: &str) -> AuditEntry {
    AuditEntry {
        guild_id: pair.guild_id,
        actor_id: Some(ctx.author().id.get()),
        action: action.into(),
        target_id: None,
        detail: None,
        at: ctx.data().clock.now(),
    }
}

/// Add a goal for your pair
#[poise::command(slash_command, guild_only)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn add(
    ctx: Context<'_>,
    #[description = "What you want to achieve, in a few words"] title: String,
    #[description = "By when: 2026-12-24 or \"in 3 weeks\" (optional)"] due: Option<String>,
) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    use messages::pairs as m;
    let (pair, settings) = pair_here(ctx).await?;
    if !pair.status_at(ctx.data().clock.now()).is_open() {
        return Err(Error::user(m::not_open(pair.status)));
    }
    let title = pair::parse_goal_title(&title).map_err(|e| Error::user(m::goal_error(l, &e)))?;
    let today = today_in(ctx, settings.timezone);
    let due = due
        .map(|d| pair::parse_due(&d, today))
        .transpose()
        .map_err(|e| Error::user(m::goal_error(l, &e)))?;
    let goal = ctx
        .data()
        .db
        .add_goal(&pair, &title, due, &entry(ctx, &pair, "goal.add"))
        .await?;
    let due_unix = goal.due.map(|d| date_unix(d, settings.timezone));
    // A public post in the pair's channel: in the pair's language.
    let here = pairing::pair_locale(&ctx.data().db, &settings, &pair).await;
    ctx.say(m::goal_added(
        here,
        goal.number,
        &goal.title,
        due_unix,
        ctx.author().id.get(),
    ))
    .await?;
    Ok(())
}

/// Mark one of your pair's goals as done
#[poise::command(slash_command, guild_only)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn done(
    ctx: Context<'_>,
    #[description = "The goal's number (see /goal list)"]
    #[min = 1]
    id: i64,
) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    use messages::pairs as m;
    let (pair, _) = pair_here(ctx).await?;
    let outcome = ctx
        .data()
        .db
        .finish_goal(&pair, id, &entry(ctx, &pair, "goal.done"))
        .await?;
    match outcome {
        GoalDone::Done(goal) => {
            let members: Vec<u64> = pair.members().collect();
            let here = pairing::pair_channel_locale(&ctx.data().db, &pair).await;
            ctx.say(m::goal_done(here, goal.number, &goal.title, &members))
                .await?;
            Ok(())
        }
        GoalDone::AlreadyDone(goal) => Err(Error::user(m::goal_already_done(l, goal.number))),
        GoalDone::Missing => Err(Error::user(m::no_goal(l, id))),
    }
}

/// Show your pair's goals
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn list(ctx: Context<'_>) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    use messages::pairs as m;
    let (pair, settings) = pair_here(ctx).await?;
    let goals = ctx.data().db.goals(pair.id).await?;
    let today = today_in(ctx, settings.timezone);
    let lines: Vec<String> = goals
        .iter()
        .map(|g| {
            m::goal_line(
                l,
                g.number,
                &g.title,
                g.due.map(|d| date_unix(d, settings.timezone)),
                g.done_at.map(|d| d.timestamp()),
                g.is_overdue(today),
            )
        })
        .collect();
    // An embed description holds 4096 characters.
    let text = if goals.is_empty() {
        m::NO_GOALS.get(l).to_string()
    } else {
        messages::fit_lines(l, &lines, 3900)
    };
    let embed = poise::serenity_prelude::CreateEmbed::new()
        .title(m::GOALS_TITLE.get(l))
        .description(text);
    ctx.send(poise::CreateReply::default().embed(embed).ephemeral(true))
        .await?;
    Ok(())
}
