//! `/profile view` and `/profile edit`, and the profile card other commands reuse.

use poise::serenity_prelude as serenity;

use crate::discord::access::{self, Access};
use crate::discord::commands::{autocomplete_timezone, guild_of, in_server};
use crate::discord::{messages, Context, Error};
use crate::domain::member::{Profile, ProfileInput, Role};
use crate::store::{AuditEntry, Avoided};
use crate::text::Locale;

/// The card that shows one profile.
pub fn card(l: Locale, p: &Profile) -> serenity::CreateEmbed {
    use messages::members as m;
    let mut e = serenity::CreateEmbed::new()
        .title(m::profile_title(p.role).get(l))
        .description(format!("<@{}>", p.user_id))
        .field(m::STATUS.get(l), m::status_line(p.status).get(l), true)
        .field(m::TIMEZONE.get(l), p.timezone.name(), true)
        .field(m::LANGUAGES.get(l), p.languages.join(", "), true)
        .field(m::TOPICS.get(l), p.topics.join(", "), false);
    if let Some(c) = p.capacity {
        e = e.field(m::CAPACITY.get(l), c.to_string(), true);
    }
    if let Some(g) = &p.goals {
        e = e.field(m::GOALS.get(l), g, false);
    }
    if let Some(a) = &p.about {
        e = e.field(m::ABOUT.get(l), a, false);
    }
    e.field(
        m::SINCE.get(l),
        format!("<t:{}:D>", p.enrolled_at.timestamp()),
        true,
    )
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum RoleChoice {
    #[name = "mentor"]
    Mentor,
    #[name = "mentee"]
    Mentee,
}

impl From<RoleChoice> for Role {
    fn from(c: RoleChoice) -> Role {
        match c {
            RoleChoice::Mentor => Role::Mentor,
            RoleChoice::Mentee => Role::Mentee,
        }
    }
}

/// See or change your programme profile
#[poise::command(
    slash_command,
    guild_only,
    subcommands("view", "edit", "avoid"),
    subcommand_required
)]
pub async fn profile(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// See your profile (moderators: anyone's)
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn view(
    ctx: Context<'_>,
    #[description = "Whose profile (moderators only; default: yours)"] user: Option<serenity::User>,
) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    let guild_id = guild_of(ctx)?.get();
    let db = &ctx.data().db;
    let me = ctx.author().id.get();
    let target = user.map(|u| u.id.get()).unwrap_or(me);
    if target != me {
        let settings = db.guild_settings(guild_id).await?;
        if access::of_caller(ctx, settings.as_ref()) < Access::Moderator {
            return Err(Error::user(messages::members::ONLY_OWN_PROFILE));
        }
    }
    let profiles = db.profiles_of(guild_id, target).await?;
    if profiles.is_empty() {
        return Err(Error::user(if target == me {
            messages::members::NOT_ENROLLED_SELF.get(l).to_string()
        } else {
            messages::members::not_enrolled_other(l, target)
        }));
    }
    // A mentor the orientation gate holds back says so, for them and for moderators.
    let gated = db
        .guild_settings(guild_id)
        .await?
        .is_some_and(|s| s.require_orientation)
        && db.owes_orientation(guild_id, target).await?;
    let mut reply = poise::CreateReply::default().ephemeral(true);
    for p in &profiles {
        let mut embed = card(l, p);
        if gated && p.role == Role::Mentor {
            embed = embed.field(
                messages::guide::PROFILE_HEADING.get(l),
                messages::guide::PROFILE_OWED.get(l),
                false,
            );
        }
        reply = reply.embed(embed);
    }
    ctx.send(reply).await?;
    Ok(())
}

/// Change your profile (only the options you give change)
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
#[allow(clippy::too_many_arguments)]
pub async fn edit(
    ctx: Context<'_>,
    #[description = "Which profile, if you are both mentor and mentee"] role: Option<RoleChoice>,
    #[description = "Topics, comma-separated (e.g. rust, career)"] topics: Option<String>,
    #[description = "Your time zone, e.g. Europe/Berlin"]
    #[autocomplete = "autocomplete_timezone"]
    timezone: Option<String>,
    #[description = "Languages, e.g. en, es"] languages: Option<String>,
    #[description = "Mentors: how many mentees at once (1-5)"] capacity: Option<i64>,
    #[description = "Mentees: what you want to achieve"] goals: Option<String>,
    #[description = "A short intro (up to 300 characters)"] about: Option<String>,
) -> Result<(), Error> {
    let l = crate::discord::locale(ctx);
    use messages::members as m;
    let guild_id = guild_of(ctx)?.get();
    let me = ctx.author().id.get();
    let db = &ctx.data().db;
    let input = ProfileInput {
        topics,
        timezone,
        languages,
        capacity,
        goals,
        about,
    };
    let profiles = db.profiles_of(guild_id, me).await?;
    let mut profile = match (role.map(Role::from), profiles.as_slice()) {
        (_, []) => return Err(Error::user(m::NOT_ENROLLED_SELF)),
        (None, [only]) => only.clone(),
        (None, _) => return Err(Error::user(m::WHICH_PROFILE)),
        (Some(r), all) => all
            .iter()
            .find(|p| p.role == r)
            .cloned()
            .ok_or_else(|| Error::user(m::no_such_profile(l, r)))?,
    };
    if !profile.status.is_current() {
        return Err(Error::user(m::LEFT_PROGRAMME));
    }
    let nothing = input.topics.is_none()
        && input.timezone.is_none()
        && input.languages.is_none()
        && input.capacity.is_none()
        && input.goals.is_none()
        && input.about.is_none();
    if nothing {
        return Err(Error::user(m::NOTHING_TO_CHANGE));
    }
    profile
        .apply(&input)
        .map_err(|e| Error::user(m::profile_error(l, &e)))?;
    let entry = AuditEntry {
        guild_id,
        actor_id: Some(me),
        action: "member.update".into(),
        target_id: Some(me),
        detail: Some(profile.role.as_str().into()),
        at: ctx.data().clock.now(),
    };
    // Only the fields given are written, never the status: an Approve meanwhile stands.
    if !db.update_profile(&profile, &input, &entry).await? {
        return Err(Error::user(m::LEFT_PROGRAMME));
    }
    let mut text = m::PROFILE_UPDATED.get(l);
    // Lowering capacity never ends a pair: say what it does mean.
    let capacity = profile.capacity.filter(|_| input.capacity.is_some());
    if let (Role::Mentor, Some(capacity)) = (profile.role, capacity) {
        let load = db
            .mentor_loads(guild_id)
            .await?
            .get(&me)
            .map_or(0, |l| l.open);
        if load >= capacity {
            text = format!("{text} {}", m::capacity_full(l, load, capacity));
        }
    }
    ctx.send(
        poise::CreateReply::default()
            .content(text)
            .embed(card(l, &profile))
            .ephemeral(true),
    )
    .await?;
    Ok(())
}

/// Ask privately not to be paired with someone (or see your list)
#[poise::command(slash_command, guild_only, ephemeral)]
#[tracing::instrument(skip_all, fields(guild = ?ctx.guild_id(), user = %ctx.author().id))]
pub async fn avoid(
    ctx: Context<'_>,
    #[description = "Who you'd rather not be paired with (leave out to see your list)"]
    user: Option<serenity::User>,
    #[description = "Take them off your list again"] undo: Option<bool>,
) -> Result<(), Error> {
    use messages::members as m;
    let l = crate::discord::locale(ctx);
    let guild_id = guild_of(ctx)?.get();
    let db = &ctx.data().db;
    let me = ctx.author().id.get();
    let say = |text: String| poise::CreateReply::default().content(text).ephemeral(true);
    let Some(user) = user else {
        let listed = db.avoided_by(guild_id, me).await?;
        let text = if listed.is_empty() {
            m::AVOID_EMPTY.get(l)
        } else {
            m::avoid_list(l, &listed)
        };
        ctx.send(say(text)).await?;
        return Ok(());
    };
    let other = user.id.get();
    if other == me {
        return Err(Error::user(m::AVOID_SELF));
    }
    if user.bot {
        return Err(Error::user(m::AVOID_BOT));
    }
    let entry = AuditEntry {
        guild_id,
        actor_id: Some(me),
        // Whom stays private: the log says only that the person changed their list.
        action: if undo == Some(true) {
            "member.unavoid".into()
        } else {
            "member.avoid".into()
        },
        target_id: None,
        detail: None,
        at: ctx.data().clock.now(),
    };
    if undo == Some(true) {
        let text = if db.unavoid(guild_id, me, other, &entry).await? {
            m::avoid_removed(l, other)
        } else {
            m::avoid_not_listed(l, other)
        };
        ctx.send(say(text)).await?;
        return Ok(());
    }
    if !in_server(ctx, &user) {
        return Err(Error::user(m::AVOID_NOT_MEMBER));
    }
    let text = match db.avoid(guild_id, me, other, &entry).await? {
        Avoided::Added => m::avoid_added(l, other),
        Avoided::Already => m::avoid_already(l, other),
        Avoided::Full => return Err(Error::user(m::avoid_full(l))),
    };
    ctx.send(say(text)).await?;
    Ok(())
}
