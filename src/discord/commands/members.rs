//! `/members`: who is in the programme, who waits for approval and who waits for a mentor.

use poise::serenity_prelude as serenity;

use crate::discord::applications::decision_buttons;
use crate::discord::commands::settings;
use crate::discord::{messages, Context, Error};
use crate::domain::member::{Profile, Role, Status};
use crate::text::Locale;

/// How many people each list shows before "…and N more".
const LIST_LIMIT: usize = 15;
/// Applications that get Approve/Decline buttons here (5 rows is Discord's limit).
const BUTTON_ROWS: usize = 5;

/// Programme members: counts, mentor applications and mentees waiting (moderators)
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn members(ctx: Context<'_>) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    use messages::members as m;
    let settings = settings(ctx).await?;
    let guild_id = settings.guild_id;
    let db = &ctx.data().db;
    let counts = db.member_counts(guild_id).await?;
    let count_line = |role: Role| {
        let parts: Vec<String> = Status::ALL
            .iter()
            .filter_map(|s| {
                counts
                    .iter()
                    .find(|(r, st, _)| *r == role && st == s)
                    .map(|(_, _, n)| format!("{s} {n}"))
            })
            .collect();
        if parts.is_empty() {
            m::NONE_YET.get(l).to_string()
        } else {
            parts.join(" · ")
        }
    };
    let pending = db
        .members_with_status(guild_id, Role::Mentor, Status::Pending)
        .await?;
    let waiting = db.waiting_mentees(guild_id).await?;
    let list = |people: &[Profile], line: fn(Locale, u64, i64) -> String, empty: String| {
        if people.is_empty() {
            return empty;
        }
        let mut lines: Vec<String> = people
            .iter()
            .take(LIST_LIMIT)
            .enumerate()
            .map(|(i, p)| {
                format!(
                    "{}. {}",
                    i + 1,
                    line(l, p.user_id, p.enrolled_at.timestamp())
                )
            })
            .collect();
        if people.len() > LIST_LIMIT {
            lines.push(m::and_more(l, people.len() - LIST_LIMIT));
        }
        lines.join("\n")
    };
    let mut embed = serenity::CreateEmbed::new()
        .title(m::MEMBERS_TITLE.get(l))
        .field(m::MENTORS.get(l), count_line(Role::Mentor), false)
        .field(m::MENTEES.get(l), count_line(Role::Mentee), false)
        .field(
            m::PENDING_MENTORS.get(l),
            list(&pending, m::applied, m::NONE_WAITING.get(l)),
            false,
        )
        .field(
            m::WAITING_MENTEES.get(l),
            list(&waiting, m::waiting, m::NONE_WAITING.get(l)),
            false,
        );
    if settings.require_orientation {
        let owing = db.mentors_awaiting_orientation(guild_id).await?;
        if !owing.is_empty() {
            let mut lines: Vec<String> = owing
                .iter()
                .take(LIST_LIMIT)
                .map(|u| format!("<@{u}>"))
                .collect();
            if owing.len() > LIST_LIMIT {
                lines.push(m::and_more(l, owing.len() - LIST_LIMIT));
            }
            embed = embed.field(
                messages::guide::MEMBERS_HEADING.get(l),
                lines.join(" "),
                false,
            );
        }
    }
    let digest_set = settings.digest_channel_id.is_some();
    let mut reply = poise::CreateReply::default().ephemeral(true);
    if !pending.is_empty() && !digest_set {
        embed = embed.footer(serenity::CreateEmbedFooter::new(
            m::NO_DIGEST_CHANNEL.get(l),
        ));
        let rows = pending
            .iter()
            .take(BUTTON_ROWS)
            .enumerate()
            .map(|(i, p)| decision_buttons(l, p.user_id, Some(i + 1)))
            .collect();
        reply = reply.components(rows);
    }
    ctx.send(reply.embed(embed)).await?;
    Ok(())
}
