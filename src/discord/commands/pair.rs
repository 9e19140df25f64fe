//! `/pair create|suggest|pause|end|refit`: making pairs and looking after them.

use crate::discord::quiet;
use poise::serenity_prelude as serenity;
use serde_json::{json, Value};

use crate::discord::commands::{pair_here, settings};
use crate::discord::custom_id::{self, CustomId};
use crate::discord::{messages, pairing, Context, Error};
use crate::domain::matching::{self, Mentee, Mentor};
use crate::domain::member::{Role, Status};
use crate::domain::pair::{self, EndReason};
use crate::store::AuditEntry;
use crate::text::Locale;

/// Pair mentors and mentees, and manage your pair
#[poise::command(
    slash_command,
    guild_only,
    subcommands("create", "suggest", "pause", "end", "refit"),
    subcommand_required
)]
pub async fn pair(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Pair a mentor with a mentee, or with several as a group (moderators)
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
// One option per person: poise needs them as parameters.
#[allow(clippy::too_many_arguments)]
pub async fn create(
    ctx: Context<'_>,
    #[description = "The mentor"] mentor: serenity::User,
    #[description = "The mentee"] mentee: serenity::User,
    #[description = "A second mentee, to make a group"] mentee2: Option<serenity::User>,
    #[description = "A third mentee"] mentee3: Option<serenity::User>,
    #[description = "A fourth mentee"] mentee4: Option<serenity::User>,
    #[description = "A fifth mentee"] mentee5: Option<serenity::User>,
) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    let settings = settings(ctx).await?;
    let more: Vec<u64> = [mentee2, mentee3, mentee4, mentee5]
        .into_iter()
        .flatten()
        .map(|u| u.id.get())
        .collect();
    if !more.is_empty() {
        let mentees: Vec<u64> = std::iter::once(mentee.id.get()).chain(more).collect();
        return make_space(ctx, &settings, Some(mentor.id.get()), &mentees).await;
    }
    let (mentor, mentee) = (mentor.id.get(), mentee.id.get());
    let outcome = pairing::open_pair(
        ctx.serenity_context(),
        ctx.data(),
        &settings,
        mentor,
        mentee,
        ctx.author().id.get(),
    )
    .await?;
    let text = match outcome {
        Ok(p) => messages::pairs::created(l, mentor, mentee, p.channel_id.unwrap_or_default()),
        Err(refusal) => messages::pairs::refused(l, refusal, mentor, mentee),
    };
    ctx.send(poise::CreateReply::default().content(text).ephemeral(true))
        .await?;
    Ok(())
}

/// Proposals a page shows (an "Approve selected" button names at most a page of them).
pub const PAGE_SIZE: usize = 10;
const _: () = assert!(PAGE_SIZE <= custom_id::MAX_SELECTED);

/// What `/pair suggest` proposes.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum SuggestKind {
    #[name = "pairs"]
    Pairs,
    #[name = "circles"]
    Circles,
}

/// Suggest pairs (or peer circles) for the mentees who are waiting (moderators)
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn suggest(
    ctx: Context<'_>,
    #[description = "Pairs with mentors (default), or peer circles of the people waiting"]
    kind: Option<SuggestKind>,
    #[description = "People per circle (3 to 6, default 4)"]
    #[min = 3]
    #[max = 6]
    size: Option<i64>,
) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    use messages::pairs as m;
    let settings = settings(ctx).await?;
    let guild = settings.guild_id;
    let db = &ctx.data().db;
    let now = ctx.data().clock.now();
    // Discord's client keeps the size to 3..=6; a modified one need not.
    let circle_size = match size.map(|n| usize::try_from(n).unwrap_or(0)) {
        None => 4,
        Some(n) if (pair::MIN_CIRCLE..=pair::MAX_CIRCLE).contains(&n) => n,
        Some(n) => return Err(Error::user(m::size_error(l, &pair::SizeError::Size(n)))),
    };
    let waiting = db.waiting_mentees(guild).await?;
    if waiting.is_empty() {
        return Err(Error::user(m::NOTHING_TO_SUGGEST));
    }
    if let Some(SuggestKind::Circles) = kind {
        return suggest_circles(ctx, guild, &waiting, circle_size).await;
    }
    let loads = db.mentor_loads(guild).await?;
    // Mentors who still owe the programme guide cannot be paired yet: they are left out.
    let unoriented: std::collections::HashSet<u64> = if settings.require_orientation {
        db.mentors_awaiting_orientation(guild)
            .await?
            .into_iter()
            .collect()
    } else {
        Default::default()
    };
    let mut left_out = 0;
    let mentees: Vec<Mentee> = waiting.iter().map(Mentee::from).collect();
    let mentors: Vec<Mentor> = db
        .members_with_status(guild, Role::Mentor, Status::Active)
        .await?
        .iter()
        .filter_map(|p| {
            let load = loads.get(&p.user_id)?;
            if load.open >= load.capacity {
                return None;
            }
            if unoriented.contains(&p.user_id) {
                left_out += 1;
                return None;
            }
            Some(Mentor {
                person: p.into(),
                capacity: load.capacity,
                load: load.open,
            })
        })
        .collect();
    if mentors.is_empty() && left_out > 0 {
        return Err(Error::user(messages::guide::suggest_all_waiting(
            l, left_out,
        )));
    }
    if mentors.is_empty() {
        return Err(Error::user(m::NO_FREE_MENTORS));
    }
    let previous = db.previous_pairs(guild).await?;
    let apart = matching::kept_apart(&db.avoidances(guild).await?);
    let result = matching::suggest(
        &mentees,
        &mentors,
        &previous,
        &apart,
        &ctx.data().settings.matching,
        now,
    );
    let preview = json!({
        "proposals": result.proposals.iter().map(|p| json!({
            "mentor_id": p.mentor_id,
            "mentee_id": p.mentee_id,
            "score": p.score,
            "reasons": m::reasons(l, &p.reasons),
        })).collect::<Vec<_>>(),
        "unmatched": result.unmatched.iter().map(|(id, why)| json!({
            "mentee_id": id,
            "why": m::unmatched(l, *id, why),
        })).collect::<Vec<_>>(),
        "free_slots": result.free_slots_left,
        "repeats": result.repeats,
        "unoriented": left_out,
    });
    show_suggestion(ctx, guild, &preview).await
}

/// `/pair suggest kind:circles`: peer circles of the people waiting, as a preview to
/// approve (all, or some) like pairs.
async fn suggest_circles(
    ctx: Context<'_>,
    guild: u64,
    waiting: &[crate::domain::member::Profile],
    size: usize,
) -> Result<(), Error> {
    use messages::pairs as m;
    let l = crate::discord::locale(ctx);
    let db = &ctx.data().db;
    let now = ctx.data().clock.now();
    if waiting.len() < pair::MIN_CIRCLE {
        return Err(Error::user(m::too_few_for_circles(l, waiting.len())));
    }
    let people: Vec<Mentee> = waiting.iter().map(Mentee::from).collect();
    let apart = matching::kept_apart(&db.avoidances(guild).await?);
    let result = crate::domain::peers::suggest_circles(
        &people,
        size,
        &apart,
        &ctx.data().settings.matching,
        now,
    );
    let preview = json!({
        "circles": true,
        "proposals": result.circles.iter().map(|c| json!({
            "members": c.members,
            "score": c.score,
            "reasons": m::reasons(l, &c.reasons),
        })).collect::<Vec<_>>(),
        "unmatched": result.unmatched.iter().map(|id| json!({
            "mentee_id": id,
            "why": m::not_in_a_circle(l, *id),
        })).collect::<Vec<_>>(),
        "free_slots": 0,
        "repeats": 0,
    });
    show_suggestion(ctx, guild, &preview).await
}

/// One page of a matching preview: the proposals, who is not matched, and the buttons.
pub fn suggestion_page(
    l: Locale,
    id: i64,
    preview: &Value,
    page: usize,
    selected: &[usize],
) -> (serenity::CreateEmbed, Vec<serenity::CreateActionRow>) {
    use messages::pairs as m;
    let empty = Vec::new();
    let proposals = preview["proposals"].as_array().unwrap_or(&empty);
    let pages = proposals.len().div_ceil(PAGE_SIZE).max(1);
    let page = page.min(pages - 1);
    let start = page * PAGE_SIZE;
    let on_page: Vec<(usize, &Value)> = proposals
        .iter()
        .enumerate()
        .skip(start)
        .take(PAGE_SIZE)
        .collect();
    let circles = preview["circles"].as_bool().unwrap_or(false);
    let lines: Vec<String> = on_page
        .iter()
        .map(|(i, p)| {
            let score = p["score"].as_u64().unwrap_or_default() as u32;
            let reasons = p["reasons"].as_str().unwrap_or_default();
            if circles {
                let members: Vec<u64> = p["members"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_u64)
                    .collect();
                return m::circle_line(l, i + 1, &members, score, reasons);
            }
            m::proposal_line(
                l,
                i + 1,
                p["mentor_id"].as_u64().unwrap_or_default(),
                p["mentee_id"].as_u64().unwrap_or_default(),
                score,
                reasons,
            )
        })
        .collect();
    let mut description = if circles {
        m::suggest_circles_intro(l, proposals.len())
    } else {
        m::suggest_intro(
            l,
            proposals.len(),
            preview["repeats"].as_u64().unwrap_or(0) as usize,
        )
    };
    // Previews saved before orientation existed have no count: none were left out.
    let left_out = preview["unoriented"].as_u64().unwrap_or(0) as usize;
    if left_out > 0 {
        description.push('\n');
        description.push_str(&messages::guide::suggest_left_out(l, left_out));
    }
    description.push_str("\n\n");
    description.push_str(&lines.join("\n"));
    let mut embed = serenity::CreateEmbed::new()
        .title(m::SUGGEST_TITLE.get(l))
        .description(description);
    let unmatched: Vec<&str> = preview["unmatched"]
        .as_array()
        .unwrap_or(&empty)
        .iter()
        .filter_map(|u| u["why"].as_str())
        .collect();
    if !unmatched.is_empty() {
        // An embed field holds 1024 characters.
        embed = embed.field(
            m::UNMATCHED.get(l),
            messages::fit_lines(l, &unmatched, 900),
            false,
        );
    }
    // Circles use no mentor's places: only the page, if there are several.
    let mut footer = if circles {
        String::new()
    } else {
        m::free_slots(l, preview["free_slots"].as_u64().unwrap_or(0) as u32)
    };
    if pages > 1 {
        let page = m::page(l, page + 1, pages);
        footer = if footer.is_empty() {
            page
        } else {
            format!("{page} · {footer}")
        };
    }
    if !footer.is_empty() {
        embed = embed.footer(serenity::CreateEmbedFooter::new(footer));
    }

    let mut rows = Vec::new();
    if proposals.is_empty() {
        return (embed, rows);
    }
    let options: Vec<serenity::CreateSelectMenuOption> = on_page
        .iter()
        .map(|(i, _)| {
            serenity::CreateSelectMenuOption::new(format!("{}", i + 1), i.to_string())
                .default_selection(selected.contains(i))
        })
        .collect();
    let count = options.len() as u8;
    rows.push(serenity::CreateActionRow::SelectMenu(
        serenity::CreateSelectMenu::new(
            CustomId::SuggestPick {
                suggestion: id,
                page: page as u32,
            },
            serenity::CreateSelectMenuKind::String { options },
        )
        .placeholder(m::PICK.get(l))
        .min_values(1)
        .max_values(count),
    ));
    // Only this page's proposals can be chosen (they are the menu's options).
    let chosen: Vec<u16> = on_page
        .iter()
        .filter(|(i, _)| selected.contains(i))
        .filter_map(|(i, _)| u16::try_from(*i).ok())
        .collect();
    rows.push(serenity::CreateActionRow::Buttons(vec![
        serenity::CreateButton::new(CustomId::SuggestAll { suggestion: id })
            .label(m::APPROVE_ALL.get(l))
            .style(serenity::ButtonStyle::Success),
        serenity::CreateButton::new(CustomId::SuggestSelected {
            suggestion: id,
            chosen: chosen.clone(),
        })
        .label(m::approve_selected(l, chosen.len()))
        .style(serenity::ButtonStyle::Primary)
        .disabled(chosen.is_empty()),
        serenity::CreateButton::new(CustomId::SuggestDiscard { suggestion: id })
            .label(m::DISCARD.get(l))
            .style(serenity::ButtonStyle::Danger),
    ]));
    if pages > 1 {
        rows.push(serenity::CreateActionRow::Buttons(vec![
            serenity::CreateButton::new(CustomId::SuggestPage {
                suggestion: id,
                page: page.saturating_sub(1) as u32,
            })
            .label(m::PREVIOUS.get(l))
            .style(serenity::ButtonStyle::Secondary)
            .disabled(page == 0),
            serenity::CreateButton::new(CustomId::SuggestPage {
                suggestion: id,
                page: (page + 1) as u32,
            })
            .label(m::NEXT.get(l))
            .style(serenity::ButtonStyle::Secondary)
            .disabled(page + 1 >= pages),
        ]));
    }
    (embed, rows)
}

/// Pause check-ins for a while (in your pair's channel)
#[poise::command(slash_command, guild_only)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn pause(
    ctx: Context<'_>,
    #[description = "For how many weeks (1-8)"]
    #[min = 1]
    #[max = 8]
    weeks: i64,
) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    use messages::pairs as m;
    let (pair, settings) = pair_here(ctx).await?;
    let now = ctx.data().clock.now();
    let until =
        pair::pause_until(&pair, weeks, now).map_err(|e| Error::user(m::pause_error(l, &e)))?;
    let entry = AuditEntry {
        guild_id: settings.guild_id,
        actor_id: Some(ctx.author().id.get()),
        action: "pair.pause".into(),
        target_id: None,
        detail: Some(format!("pair {} for {weeks} weeks", pair.id)),
        at: now,
    };
    if !ctx.data().db.pause_pair(pair.id, until, &entry).await? {
        return Err(Error::user(m::not_open(pair.status)));
    }
    let here = pairing::pair_channel_locale(&ctx.data().db, &pair).await;
    ctx.say(m::paused(here, ctx.author().id.get(), until.timestamp()))
        .await?;
    Ok(())
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum EndChoice {
    #[name = "completed"]
    Completed,
    /// The pair stopped meeting: what the impact report counts as "went quiet".
    #[name = "inactive"]
    Inactive,
    #[name = "other"]
    Other,
}

/// End your pair (in your pair's channel)
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn end(
    ctx: Context<'_>,
    #[description = "Why the pair ends"] reason: EndChoice,
) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    let (pair, settings) = pair_here(ctx).await?;
    if !pair.status_at(ctx.data().clock.now()).is_open() {
        return Err(Error::user(messages::pairs::not_open(pair.status)));
    }
    let reason = match reason {
        EndChoice::Completed => EndReason::Completed,
        EndChoice::Inactive => EndReason::Inactive,
        EndChoice::Other => EndReason::Other,
    };
    // In a group or circle a mentee or peer leaves it; the mentor or a moderator ends it.
    if pair.others.contains(&ctx.author().id.get()) {
        return leave_here(ctx, &settings, &pair, false).await;
    }
    let ended = pairing::close_pair(
        pairing::Env::of(ctx.serenity_context(), ctx.data()),
        &settings,
        pair.id,
        reason,
        Some(ctx.author().id.get()),
        None,
    )
    .await?;
    let text = match ended {
        Some(_) => messages::pairs::ENDED.get(l),
        None => messages::pairs::not_open(pair.status).get(l),
    };
    ctx.send(poise::CreateReply::default().content(text).ephemeral(true))
        .await?;
    Ok(())
}

/// Privately ask the moderators for a different partner (in your pair's channel)
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn refit(ctx: Context<'_>) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    use messages::pairs as m;
    let (pair, settings) = pair_here(ctx).await?;
    if !pair.status_at(ctx.data().clock.now()).is_open() {
        return Err(Error::user(m::not_open(pair.status)));
    }
    // In a group or circle, a mentee or peer who would like another one leaves at once and
    // the moderators hear it; the others only read that they left.
    if pair.others.contains(&ctx.author().id.get()) {
        return leave_here(ctx, &settings, &pair, true).await;
    }
    let digest = settings
        .digest_channel_id
        .ok_or_else(|| Error::user(m::REFIT_NO_CHANNEL))?;
    let me = ctx.author().id.get();
    // Counted and recorded before the notice goes out, so two quick requests count twice.
    let now = ctx.data().clock.now();
    let limit = ctx.data().settings.limits.refit_per_week;
    let request = AuditEntry {
        guild_id: settings.guild_id,
        actor_id: Some(me),
        action: "pair.refit_request".into(),
        target_id: None,
        detail: Some(format!("pair {}", pair.id)),
        at: now,
    };
    let within = ctx
        .data()
        .db
        .record_within_limit(&request, limit, now - chrono::Duration::days(7))
        .await?;
    if !within {
        return Err(Error::user(m::refit_limit(l, limit)));
    }
    // To the moderators: in the server's language.
    let mods = settings.locale();
    let text = m::refit_request(
        mods,
        me,
        pair.mentor_id.unwrap_or_default(),
        pair.mentee_id.unwrap_or_default(),
        pair.channel_id.unwrap_or_default(),
    );
    let message =
        quiet::message()
            .content(text)
            .components(vec![serenity::CreateActionRow::Buttons(vec![
                serenity::CreateButton::new(CustomId::Repair { pair: pair.id })
                    .label(m::REPAIR.get(mods))
                    .style(serenity::ButtonStyle::Danger),
            ])]);
    serenity::ChannelId::new(digest)
        .send_message(ctx.http(), message)
        .await?;
    ctx.send(
        poise::CreateReply::default()
            .content(m::REFIT_SENT.get(l))
            .ephemeral(true),
    )
    .await?;
    Ok(())
}

/// Makes a group (with `mentor`) or circle (without) of `members` and answers the moderator:
/// the space, or why not (a size or person problem in one plain sentence).
pub(crate) async fn make_space(
    ctx: Context<'_>,
    settings: &crate::domain::guild::GuildSettings,
    mentor: Option<u64>,
    members: &[u64],
) -> Result<(), Error> {
    use messages::pairs as m;
    let l = crate::discord::locale(ctx);
    if let Err(e) = pair::check_size(mentor, members) {
        return Err(Error::user(m::size_error(l, &e)));
    }
    let make = pairing::Make::Space { mentor, members };
    let outcome = pairing::open(
        ctx.serenity_context(),
        ctx.data(),
        settings,
        make,
        ctx.author().id.get(),
    )
    .await?;
    let text = match outcome {
        Ok(p) => m::created_space(
            l,
            p.kind,
            mentor,
            &p.others,
            p.channel_id.unwrap_or_default(),
        ),
        Err(refusal) => m::space_refused(l, refusal, mentor),
    };
    ctx.send(poise::CreateReply::default().content(text).ephemeral(true))
        .await?;
    Ok(())
}

/// Keeps a suggestion's preview (its buttons read it back) and shows its first page.
async fn show_suggestion(ctx: Context<'_>, guild: u64, preview: &Value) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    let now = ctx.data().clock.now();
    let id = ctx
        .data()
        .db
        .save_suggestion(guild, ctx.author().id.get(), preview, now)
        .await?;
    let (embed, rows) = suggestion_page(l, id, preview, 0, &[]);
    ctx.send(
        poise::CreateReply::default()
            .embed(embed)
            .components(rows)
            .ephemeral(true),
    )
    .await?;
    Ok(())
}

/// The author leaves the group or circle `pair` (`again`: they would like another one) and
/// reads that they left.
async fn leave_here(
    ctx: Context<'_>,
    settings: &crate::domain::guild::GuildSettings,
    pair: &pair::Pair,
    again: bool,
) -> Result<(), Error> {
    let env = pairing::Env::of(ctx.serenity_context(), ctx.data());
    let how = pairing::Leaving::Asked { again };
    pairing::leave_space(env, settings, pair, ctx.author().id.get(), how).await?;
    let l = crate::discord::locale(ctx);
    ctx.send(
        poise::CreateReply::default()
            .content(messages::pairs::YOU_LEFT.get(l))
            .ephemeral(true),
    )
    .await?;
    Ok(())
}
