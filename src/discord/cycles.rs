//! Programme cycles on Discord: the end-of-cycle question in each pair channel (with its
//! Continue / Finish buttons, which either member may press and change), and the end itself:
//! the pairs that chose to finish end as completed (the usual ending, with its exit survey),
//! the others carry on, and the moderators are told the outcome.

use poise::serenity_prelude as serenity;
use serenity::{
    ComponentInteraction, CreateActionRow, CreateAttachment, CreateButton, CreateEmbed,
    CreateEmbedFooter, CreateInteractionResponse as Response, Timestamp,
};

use super::ack;
use super::custom_id::CustomId;
use super::scheduled::Scheduled;
use super::{messages, pairing, quiet, Data, Error};
use crate::digest::impact::{self, ImpactReport};
use crate::domain::cycle::{Choice, Cycle};
use crate::domain::pair::{EndReason, PairStatus};
use crate::domain::schedule::{Kind, NewOccurrence, Occurrence};
use crate::jobs::Outcome;
use crate::store::{AuditEntry, Chose};
use crate::text::Locale;

use messages::cycles as m;

/// The two answers under the question.
pub fn choice_buttons(l: Locale, cycle: i64, pair: i64) -> Vec<CreateActionRow> {
    let button = |finish: bool, label: String, style| {
        CreateButton::new(CustomId::CycleChoice {
            cycle,
            pair,
            finish,
        })
        .label(label)
        .style(style)
    };
    vec![CreateActionRow::Buttons(vec![
        button(
            false,
            m::CONTINUE_BUTTON.get(l),
            serenity::ButtonStyle::Primary,
        ),
        button(
            true,
            m::FINISH_BUTTON.get(l),
            serenity::ButtonStyle::Secondary,
        ),
    ])]
}

impl Scheduled {
    /// Two weeks before the end: the question, in the pair's channel.
    #[tracing::instrument(skip_all, fields(occurrence = o.id, pair = o.target))]
    pub(super) async fn cycle_question(&self, o: &Occurrence) -> anyhow::Result<Outcome> {
        let Some(pair) = self.db.pair(o.target as i64).await? else {
            return Ok(Outcome::Skipped("pair gone".into()));
        };
        let open = matches!(
            pair.status_at(self.clock.now()),
            PairStatus::Active | PairStatus::Paused
        );
        let Some(channel) = pair.channel_id.filter(|_| open) else {
            return Ok(Outcome::Skipped("pair not open".into()));
        };
        // The question belongs to the cycle it was planned for (its time says which), asked
        // before that cycle ends: never about a later cycle, never after the end.
        let now = self.clock.now();
        let Some(cycle) = self
            .db
            .running_cycle(pair.guild_id)
            .await?
            .filter(|c| c.ask_at() == o.scheduled_for && now < c.ends_at)
        else {
            return Ok(Outcome::Skipped("its cycle is over".into()));
        };
        let l = pairing::pair_channel_locale(&self.db, &pair).await;
        let message = quiet::message()
            .content(m::ask(l, &cycle))
            .components(choice_buttons(l, cycle.id, pair.id));
        Ok(self.post(o, channel, message, Vec::new(), true, &[]).await)
    }

    /// The end of a cycle: pairs that chose to finish end as completed, then the cycle is
    /// closed and the moderators told. Repeated after a crash, ended pairs stay ended and the
    /// cycle closes once.
    #[tracing::instrument(skip_all, fields(occurrence = o.id, cycle = o.target))]
    pub(super) async fn cycle_end(&self, o: &Occurrence) -> anyhow::Result<Outcome> {
        let Some(cycle) = self.db.cycle(o.target as i64).await? else {
            return Ok(Outcome::Skipped("cycle gone".into()));
        };
        // Ended already (a crash after closing it): only the report is still to plan.
        if cycle.ended_at.is_some() {
            return Ok(Outcome::Sent {
                message: None,
                then: vec![report_of(&cycle)],
            });
        }
        let now = self.clock.now();
        let settings = self.db.guild_settings_or_new(cycle.guild_id).await?;
        let choices = self.db.cycle_choices(cycle.id).await?;
        let pairs = self.db.open_pairs_in_cycle(cycle.id).await?;
        let env = pairing::Env {
            http: &self.http,
            cache: &self.cache,
            db: &self.db,
            now,
        };
        for pair in &pairs {
            if choices.get(&pair.id) == Some(&Choice::Finish) {
                pairing::close_pair(env, &settings, pair.id, EndReason::Completed, None, None)
                    .await
                    .map_err(|e| anyhow::anyhow!("ending pair {}: {e:?}", pair.id))?;
            }
        }
        // Counted from what is stored, so a retry after a partial run counts the same.
        let (mut finished, mut continued) = (0, 0);
        for pair in self.db.pairs_in_cycle(cycle.id).await? {
            if pair.status.is_open() {
                continued += 1;
            } else if choices.get(&pair.id) == Some(&Choice::Finish)
                && pair.end_reason == Some(EndReason::Completed)
            {
                finished += 1;
            }
        }
        let entry = AuditEntry {
            guild_id: cycle.guild_id,
            actor_id: None,
            action: "cycle.end".into(),
            target_id: None,
            detail: Some(format!(
                "cycle {}: {finished} finished, {continued} continue",
                cycle.id
            )),
            at: now,
        };
        if self.db.end_cycle(cycle.id, &entry).await? {
            tracing::info!(finished, continued, "cycle ended");
            self.tell_moderators(cycle.guild_id, |l| m::ended(l, &cycle, finished, continued))
                .await;
        }
        Ok(Outcome::Sent {
            message: None,
            then: vec![report_of(&cycle)],
        })
    }

    /// A week after a cycle's end: its impact report in the digest channel, the one-page
    /// picture and the CSV, in the server's language.
    #[tracing::instrument(skip_all, fields(occurrence = o.id, cycle = o.target))]
    pub(super) async fn cycle_report(&self, o: &Occurrence) -> anyhow::Result<Outcome> {
        let Some(cycle) = self.db.cycle(o.target as i64).await? else {
            return Ok(Outcome::Skipped("cycle gone".into()));
        };
        let settings = self.db.guild_settings_or_new(cycle.guild_id).await?;
        let Some(channel) = settings.digest_channel_id else {
            return Ok(Outcome::Skipped("no digest channel".into()));
        };
        let report =
            impact::build(&self.db, &self.settings, &settings, cycle, self.clock.now()).await?;
        let (embed, files) = report_parts(&report);
        let message = quiet::message().embed(embed);
        Ok(self
            .post(o, channel, message, Vec::new(), false, &files)
            .await)
    }
}

/// The report of `cycle`, planned for a week after its end (the same time however often the
/// end is retried, so it is planned once).
fn report_of(cycle: &Cycle) -> NewOccurrence {
    NewOccurrence {
        guild_id: cycle.guild_id,
        kind: Kind::CycleReport,
        target: cycle.id as u64,
        scheduled_for: cycle.report_at(),
        parent_id: None,
    }
}

/// An impact report as Discord shows it: the headline sentences in an embed with the picture,
/// and the picture (with its alt text) and the CSV as files. A picture that could not be
/// drawn is left out (logged): the numbers still go.
pub fn report_parts(r: &ImpactReport) -> (CreateEmbed, Vec<CreateAttachment>) {
    let l = r.locale;
    let cycle = &r.impact.cycle;
    let (png, csv) = (
        impact::file_name(cycle, "png"),
        impact::file_name(cycle, "csv"),
    );
    let mut text = format!("{}\n\n", r.span());
    for line in r.glance() {
        text.push_str(&format!("- {line}\n"));
    }
    text.push_str(&format!("\n{}", m::REPORT_FILES.get(l)));
    let mut embed = CreateEmbed::new()
        .title(r.title())
        // A cycle's name is at most 60 characters and the sentences are few: far within
        // Discord's 256 for a title and 4,096 for a description.
        .description(text)
        .footer(CreateEmbedFooter::new(r.footnote()))
        .timestamp(Timestamp::from(r.made));
    let mut files = Vec::new();
    match r.png() {
        Ok(bytes) => {
            embed = embed.image(format!("attachment://{png}"));
            files.push(CreateAttachment::bytes(bytes, png).description(r.alt_text()));
        }
        Err(e) => tracing::error!(error = %e, cycle = cycle.id, "could not draw the impact report"),
    }
    match r.csv() {
        Ok(bytes) => files.push(CreateAttachment::bytes(bytes, csv)),
        Err(e) => tracing::error!(error = %e, cycle = cycle.id, "could not write the impact CSV"),
    }
    (embed, files)
}

/// A member of the pair answers (or changes the answer): stored, and the question shows who
/// chose what, with the buttons still there.
pub(super) async fn choose(
    ctx: &serenity::Context,
    press: &ComponentInteraction,
    data: &Data,
    cycle: i64,
    pair: i64,
    finish: bool,
) -> Result<(), Error> {
    let user = press.user.id.get();
    let Some(found) = data.db.pair(pair).await?.filter(|p| p.is_member(user)) else {
        return Err(Error::user(m::NOT_YOUR_PAIR));
    };
    // The question is the pair's, in the pair channel's language.
    let l = pairing::pair_channel_locale(&data.db, &found).await;
    let choice = if finish {
        Choice::Finish
    } else {
        Choice::Continue
    };
    let now = data.clock.now();
    match data.db.choose(cycle, pair, choice, user, now).await? {
        Chose::Saved => {}
        Chose::Same => return Err(Error::user(m::same_choice(l, finish))),
        Chose::Closed => return Err(Error::user(m::CHOICE_CLOSED)),
    }
    let end = data
        .db
        .cycle(cycle)
        .await?
        .map_or(now.timestamp(), |c| c.ends_at.timestamp());
    let text = format!(
        "{}\n{}",
        press.message.content.lines().next().unwrap_or_default(),
        m::chosen(l, user, finish, end)
    );
    let update = quiet::response()
        .content(text)
        .components(choice_buttons(l, cycle, pair));
    ack::component(&ctx.http, press, Response::UpdateMessage(update)).await?;
    Ok(())
}
