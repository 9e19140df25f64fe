//! "Report a problem": the form a member fills in privately, the moderators' copy with its
//! Acknowledge button, and the DM to the reporter once a moderator has read it. The partner
//! never sees anything: the form is private and nothing is posted in the pair channel.

use poise::serenity_prelude as serenity;
use serenity::{
    ComponentInteraction, CreateActionRow, CreateButton, CreateEmbed, CreateInputText,
    CreateInteractionResponse as Response, CreateModal, InputTextStyle, ModalInteraction,
};

use super::custom_id::CustomId;
use super::{ack, answers, dm, messages, pairing, quiet, Data, Error};
use crate::domain::report;
use crate::store::{AuditEntry, Filed, NewReport, ReportRow};
use crate::text::Locale;

/// The report form; `pair` is the pair it is about (`0`: none).
pub fn form(l: Locale, pair: i64) -> CreateModal {
    use messages::reports as m;
    CreateModal::new(CustomId::ReportForm { pair }, m::FORM_TITLE.get(l)).components(vec![
        CreateActionRow::InputText(
            CreateInputText::new(InputTextStyle::Paragraph, m::WHAT.get(l), "what")
                .placeholder(m::WHAT_PLACEHOLDER.get(l))
                .max_length(report::MAX_REPORT_CHARS as u16)
                .required(true),
        ),
        CreateActionRow::InputText(
            CreateInputText::new(InputTextStyle::Short, m::CONTACT.get(l), "contact")
                .placeholder(m::CONTACT_PLACEHOLDER.get(l))
                .max_length(10)
                .required(false),
        ),
    ])
}

/// "Report a problem" in a pair channel: the form, for a member of that pair.
pub async fn open(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
    pair: i64,
) -> Result<(), Error> {
    let l = super::locale_of(&press.locale);
    let member = data
        .db
        .pair(pair)
        .await?
        .is_some_and(|p| p.is_member(press.user.id.get()));
    if !member {
        return Err(Error::user(messages::reports::NOT_YOUR_PAIR));
    }
    ack::component(&ctx.http, press, Response::Modal(form(l, pair))).await?;
    Ok(())
}

/// The form sent: stored, passed to the moderators, confirmed privately.
pub async fn submit(
    ctx: &serenity::Context,
    submit: &ModalInteraction,
    data: &Data,
    pair: i64,
) -> Result<(), Error> {
    use messages::reports as m;
    let l = super::locale_of(&submit.locale);
    let guild = submit
        .guild_id
        .ok_or_else(|| Error::user(messages::errors::GUILD_ONLY))?;
    let reporter = submit.user.id.get();
    let what = report::parse_what(&answers::field(submit, "what").unwrap_or_default())
        .map_err(|e| Error::user(m::error(l, &e)))?;
    let contact = report::wants_contact(answers::field(submit, "contact").as_deref());
    let pair = match pair {
        0 => None,
        id => {
            let theirs = data
                .db
                .pair(id)
                .await?
                .is_some_and(|p| p.is_member(reporter));
            if !theirs {
                return Err(Error::user(m::NOT_YOUR_PAIR));
            }
            Some(id)
        }
    };
    let settings = data.db.guild_settings_or_new(guild.get()).await?;
    let channel = settings
        .digest_channel_id
        .ok_or_else(|| Error::user(m::NO_CHANNEL))?;
    let per_day = data.settings.limits.reports_per_day;
    let new = NewReport {
        guild_id: guild.get(),
        reporter,
        pair_id: pair,
        what: &what,
        contact,
        at: data.clock.now(),
    };
    // The same words sent twice (a double submit) are one report.
    if data.db.report_sent_already(&new).await? {
        return Err(Error::user(m::ALREADY_SENT));
    }
    // Answered at once (privately): storing and posting take a few requests.
    let thinking = quiet::response().ephemeral(true);
    ack::modal(&ctx.http, submit, Response::Defer(thinking)).await?;
    let id = match data.db.file_report(&new, per_day).await? {
        Filed::Stored(id) => id,
        Filed::Duplicate => return Err(Error::user(m::ALREADY_SENT)),
        Filed::Limited => return Err(Error::user(m::limited(l, per_day))),
    };
    let stored = data
        .db
        .report(id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("report {id} vanished"))?;
    let pair_channel = match pair {
        Some(p) => data.db.pair(p).await?.and_then(|p| p.channel_id),
        None => None,
    };
    let mods = settings.locale();
    let message = quiet::message()
        .embed(moderators_copy(mods, &stored, pair_channel, None))
        .components(vec![CreateActionRow::Buttons(vec![CreateButton::new(
            CustomId::ReportAck { report: id },
        )
        .label(m::ACKNOWLEDGE.get(mods))
        .style(serenity::ButtonStyle::Primary)])]);
    let posted = serenity::ChannelId::new(channel)
        .send_message(&ctx.http, message)
        .await?;
    data.db
        .set_report_message(id, channel, posted.id.get())
        .await?;
    tracing::info!(report = id, "problem reported");
    let edit = quiet::edit_response().content(m::sent(l, contact));
    submit.edit_response(&ctx.http, edit).await?;
    Ok(())
}

/// The moderators' copy of a report: who, about which pair, whether to contact them, what
/// happened, and whether a moderator has read it.
fn moderators_copy(
    l: Locale,
    r: &ReportRow,
    pair_channel: Option<u64>,
    read: Option<(u64, i64)>,
) -> CreateEmbed {
    use messages::reports as m;
    let quoted: String = r
        .what
        .lines()
        .map(|line| format!("> {}", messages::quote(line, 1000)))
        .collect::<Vec<_>>()
        .join("\n");
    let about = pair_channel.map_or_else(|| m::NOT_ABOUT_A_PAIR.get(l), |c| format!("<#{c}>"));
    let status = match read {
        Some((moderator, at)) => m::acknowledged(l, moderator, at),
        None => m::open(l, r.created_at.timestamp()),
    };
    CreateEmbed::new()
        .title(m::TITLE.get(l))
        .description(quoted)
        .field(m::FROM.get(l), format!("<@{}>", r.reporter()), true)
        .field(m::ABOUT.get(l), about, true)
        .field(
            m::WANTS_CONTACT.get(l),
            if r.contact {
                m::YES.get(l)
            } else {
                m::NO.get(l)
            },
            true,
        )
        .field(m::STATUS.get(l), status, false)
}

/// Acknowledge (moderators): marks it read once, updates the copy and tells the reporter.
pub async fn acknowledge(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
    id: i64,
) -> Result<(), Error> {
    use messages::reports as m;
    let l = super::locale_of(&press.locale);
    let guild = press
        .guild_id
        .ok_or_else(|| Error::user(messages::errors::GUILD_ONLY))?;
    let moderator = press.user.id.get();
    let Some(before) = data
        .db
        .report(id)
        .await?
        .filter(|r| r.guild_id as u64 == guild.get())
    else {
        return Err(Error::user(m::GONE));
    };
    let entry = AuditEntry {
        guild_id: guild.get(),
        actor_id: Some(moderator),
        action: "report.acknowledge".into(),
        target_id: None,
        detail: Some(format!("report {id}")),
        at: data.clock.now(),
    };
    let Some(read) = data.db.acknowledge_report(id, &entry).await? else {
        let by = before.acknowledged_by.map(|m| m as u64);
        return Err(Error::user(m::already_acknowledged(l, by)));
    };
    let settings = data.db.guild_settings_or_new(guild.get()).await?;
    let pair_channel = match read.pair_id {
        Some(p) => data.db.pair(p).await?.and_then(|p| p.channel_id),
        None => None,
    };
    let at = entry.at.timestamp();
    let copy = moderators_copy(
        settings.locale(),
        &read,
        pair_channel,
        Some((moderator, at)),
    );
    let updated = quiet::response().embed(copy).components(vec![]);
    ack::component(&ctx.http, press, Response::UpdateMessage(updated)).await?;
    let note = m::acknowledged_private(l, read.contact, read.reporter());
    press
        .create_followup(&ctx.http, quiet::followup().content(note).ephemeral(true))
        .await?;
    let reader = pairing::reader_locale(&data.db, guild.get(), read.reporter()).await;
    let name = dm::guild_name(&ctx.cache, guild);
    dm::send(
        &ctx.http,
        read.reporter(),
        m::read_dm(reader, &name, read.contact),
    )
    .await;
    Ok(())
}

/// Deletes the moderators' copies of `user`'s reports (their text goes with their data).
pub async fn delete_copies(http: &serenity::Http, data: &Data, guild: u64, user: u64) {
    let copies = match data.db.report_messages_of(guild, user).await {
        Ok(copies) => copies,
        Err(e) => {
            tracing::warn!(error = %e, "could not list a member's reports to delete");
            return;
        }
    };
    for (channel, message) in copies {
        let deleted = serenity::ChannelId::new(channel)
            .delete_message(http, serenity::MessageId::new(message))
            .await;
        if let Err(e) = deleted {
            tracing::warn!(error = %e, channel, "a report's copy was not deleted");
        }
    }
}
