//! Declarative access: every command's audience is declared once (`commands::AUDIENCES`), every
//! button's in its custom id, and one check refuses everyone else, privately and without
//! changing anything.

use std::collections::BTreeSet;
use tandem::text::Locale;

use serde_json::{json, Value};
use tandem::discord::access::Audience;
use tandem::discord::commands::{self, audience_of};
use tandem::discord::messages;
use tandem::discord::{CustomId, Surface, BUTTON_ROUTES};
use tandem::domain::member::{Profile, Role, Status};
use tandem::store::AuditEntry;

use crate::support::{leaf_commands, message_with, Dumper, SeededPair, Server, TestApp};

#[test]
fn every_command_has_a_declared_audience_and_every_declaration_a_command() {
    let leaves = leaf_commands();
    let names: BTreeSet<String> = leaves
        .iter()
        .map(|c| c.qualified_name.to_string())
        .collect();
    let missing: Vec<&String> = names.iter().filter(|n| audience_of(n).is_none()).collect();
    assert!(
        missing.is_empty(),
        "commands without an audience: {missing:?}"
    );
    let stray: Vec<&str> = commands::AUDIENCES
        .iter()
        .map(|r| r.command)
        .filter(|c| !names.contains(*c))
        .collect();
    assert!(stray.is_empty(), "audiences of no command: {stray:?}");
    // And each has the one check installed.
    for c in &leaves {
        assert_eq!(
            c.checks.len(),
            1,
            "/{} has no access check",
            c.qualified_name
        );
    }
}

#[test]
fn commands_only_admins_may_run_are_hidden_from_others_by_discord() {
    for c in commands::all() {
        let admins = commands::AUDIENCES
            .iter()
            .filter(|r| r.command.split(' ').next() == Some(&*c.name))
            .all(|r| r.audience == Audience::Admin);
        assert_eq!(
            c.default_member_permissions == poise::serenity_prelude::Permissions::MANAGE_GUILD,
            admins,
            "/{}",
            c.name
        );
    }
}

/// A plausible value for a required option, from its definition as registered with Discord.
fn plausible(option: &Value, s: &Server, someone: u64) -> Value {
    if let Some(first) = option["choices"].as_array().and_then(|c| c.first()) {
        return first["value"].clone();
    }
    match option["type"].as_u64() {
        Some(3) => json!("rust"),
        // Discord's definitions give bounds as numbers (`1.0`).
        Some(4) => json!(option["min_value"].as_f64().unwrap_or(1.0) as i64),
        Some(10) => json!(option["min_value"].as_f64().unwrap_or(1.0)),
        Some(5) => json!(true),
        Some(6) => json!(someone.to_string()),
        Some(7) => json!(s.digest.to_string()),
        Some(8) => json!(s.mods.to_string()),
        other => panic!("no plausible value for option type {other:?}: {option}"),
    }
}

fn entry(app: &TestApp, action: &str) -> AuditEntry {
    AuditEntry {
        guild_id: app.guild.id,
        actor_id: None,
        action: action.into(),
        target_id: None,
        detail: None,
        at: tandem::clock::Clock::now(&*app.clock),
    }
}

async fn active(app: &TestApp, user: u64, role: Role) {
    let profile = Profile {
        guild_id: app.guild.id,
        user_id: user,
        role,
        status: Status::Active,
        topics: vec!["rust".into()],
        timezone: "Europe/Berlin".parse().unwrap(),
        languages: vec!["en".into()],
        capacity: (role == Role::Mentor).then_some(2),
        goals: (role == Role::Mentee).then(|| "Ship a crate".into()),
        about: None,
        enrolled_at: tandem::clock::Clock::now(&*app.clock),
    };
    app.db()
        .await
        .save_profile(&profile, &entry(app, "member.enrol"))
        .await
        .unwrap();
}

/// A server with something for every moderator button to act on: a mentor application, an
/// open matching preview, a pair whose mentee asked for a re-pair.
struct Programme {
    app: TestApp,
    s: Server,
    applicant: u64,
    pair: SeededPair,
    suggestion: i64,
}

async fn programme() -> Programme {
    let app = TestApp::start().await;
    let s = app.set_up().await;
    let moderator = app.person("mo", Some(s.mods));
    let applicant = app.person("ann", None);
    let reply = app
        .run(
            applicant,
            "enrol mentor",
            &[
                ("topics", json!("rust")),
                ("timezone", json!("Europe/Berlin")),
            ],
        )
        .await;
    assert!(reply.ephemeral(), "{}", reply.text());
    let pair = app
        .seed_pairs(s.category, 1, "Europe/Berlin", "Europe/Berlin")
        .await[0];
    let refit = app
        .sim
        .command(app.guild.id, pair.mentee, "pair refit")
        .in_channel(pair.channel)
        .run()
        .await;
    assert!(refit.ephemeral(), "{}", refit.text());
    let (mentor, mentee) = (app.person("mel", None), app.person("tim", None));
    active(&app, mentor, Role::Mentor).await;
    active(&app, mentee, Role::Mentee).await;
    let preview = app.run(moderator, "pair suggest", &[]).await;
    let suggestion = preview
        .custom_ids()
        .iter()
        .find_map(|id| match CustomId::parse(Surface::Component, id) {
            Ok(CustomId::SuggestAll { suggestion }) => Some(suggestion),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no preview: {}", preview.text()));
    Programme {
        app,
        s,
        applicant,
        pair,
        suggestion,
    }
}

#[tokio::test]
async fn a_plain_member_is_refused_every_moderator_and_admin_command_and_button_and_nothing_changes(
) {
    let Programme {
        app,
        s,
        applicant,
        pair,
        suggestion,
    } = programme().await;
    let before = Dumper::open(&app.settings.database.url)
        .await
        .settled()
        .await;
    for table in [
        "members",
        "pairs",
        "pair_suggestions",
        "guild_settings",
        "audit_log",
    ] {
        assert!(
            before.get(table).is_some_and(|rows| !rows.is_empty()),
            "{table} is empty"
        );
    }

    // Every command for moderators or admins (and every pair command outside the pair), with
    // its required options filled in, as a modified client could send it.
    let mut refused = Vec::new();
    for command in leaf_commands() {
        let name = command.qualified_name.to_string();
        let rule = audience_of(&name).expect("declared");
        if rule.audience == Audience::Everyone {
            continue;
        }
        let definition = serde_json::to_value(command.create_as_slash_command().unwrap()).unwrap();
        let mut call = app
            .sim
            .command(app.guild.id, app.member, &name)
            .bypass_permissions();
        for option in definition["options"].as_array().into_iter().flatten() {
            if option["required"].as_bool() == Some(true) {
                let value = plausible(option, &s, applicant);
                call = call.opt(option["name"].as_str().unwrap(), value);
            }
        }
        if rule.audience.is_pair() {
            call = call.in_channel(pair.channel);
        }
        let reply = call.run().await;
        assert!(
            reply.ephemeral(),
            "/{name} refused privately: {}",
            reply.data
        );
        assert_eq!(reply.content(), rule.refusal.get(Locale::En), "/{name}");
        refused.push(name);
    }
    for must in [
        "setup",
        "pair create",
        "members",
        "export",
        "pulse results",
        "goal add",
        "resources add",
        "resources remove",
        "resources list",
    ] {
        assert!(refused.iter().any(|r| r == must), "/{must} not tried");
    }

    // Every button: the moderators' ones are refused, and confirmations pressed by someone
    // else than who asked.
    let buttons = [
        CustomId::MentorApprove {
            applicant,
            from_list: false,
        },
        CustomId::MentorApprove {
            applicant,
            from_list: true,
        },
        CustomId::MentorDecline {
            applicant,
            from_list: false,
        },
        CustomId::MentorDecline {
            applicant,
            from_list: true,
        },
        CustomId::Repair { pair: pair.id },
        CustomId::SuggestPage {
            suggestion,
            page: 0,
        },
        CustomId::SuggestPick {
            suggestion,
            page: 0,
        },
        CustomId::SuggestAll { suggestion },
        CustomId::SuggestSelected {
            suggestion,
            chosen: vec![0],
        },
        CustomId::SuggestDiscard { suggestion },
        CustomId::WithdrawYes {
            roles: vec![Role::Mentor],
            owner: applicant,
        },
        CustomId::WithdrawNo { owner: applicant },
        CustomId::MydataErase { owner: applicant },
        CustomId::MydataKeep { owner: applicant },
        CustomId::GuideRead {
            guild: app.guild.id,
            owner: applicant,
        },
        CustomId::StillMentoring {
            guild: app.guild.id,
            owner: applicant,
            ask: 1,
            answer: tandem::domain::availability::Answer::StepBack,
        },
        // For the people they were sent to, checked by their handlers (other tests).
        CustomId::CheckinMood {
            checkin: 1,
            mood: 1,
        },
        CustomId::CheckinAnswer {
            checkin: 1,
            reminder: None,
        },
        CustomId::PulseScore {
            round: 1,
            score: 1,
            asked: None,
        },
        CustomId::PulseComment { round: 1 },
        CustomId::Survey { pair: pair.id },
        // Reading reports is for moderators; the pair's button is checked by its handler
        // (reports.rs).
        CustomId::ReportAck { report: 1 },
        CustomId::ReportOpen { pair: pair.id },
        CustomId::MentorApply { owner: applicant },
        // For the pair's two members, checked by its handler (cycles.rs).
        CustomId::CycleChoice {
            cycle: 1,
            pair: pair.id,
            finish: true,
        },
    ];
    let routes: BTreeSet<&str> = buttons.iter().map(CustomId::route).collect();
    assert_eq!(
        routes,
        BUTTON_ROUTES.iter().copied().collect(),
        "every kind of button is considered here"
    );
    // Any bot message will do: a modified client can send any id with any message.
    let bot = app.sim.bot_id();
    let fallback = app
        .sim
        .with_model(|m| {
            m.messages
                .values()
                .find(|msg| msg.author_id == bot)
                .cloned()
        })
        .expect("a bot message");
    let mut pressed = 0;
    for id in &buttons {
        let expected = if id.audience() == Audience::Moderator {
            id.refusal().get(Locale::En)
        } else if id.owner().is_some() {
            messages::members::NOT_YOUR_BUTTON.get(Locale::En)
        } else {
            continue;
        };
        let text = id.to_string();
        let on = message_with(&app, &text).unwrap_or_else(|| fallback.clone());
        let interaction = if matches!(id, CustomId::SuggestPick { .. }) {
            app.sim
                .select(app.guild.id, app.member, on.id, &text, &["0"])
                .await
        } else {
            app.sim.click(app.guild.id, app.member, on.id, &text).await
        };
        let reply = app.sim.reply(interaction).await;
        assert!(
            reply.ephemeral(),
            "{text} refused privately: {}",
            reply.data
        );
        assert_eq!(reply.content(), expected, "{text}");
        pressed += 1;
    }
    assert_eq!(pressed, 18);

    let after = Dumper::open(&app.settings.database.url)
        .await
        .settled()
        .await;
    assert_eq!(before, after, "a refusal changes nothing");
}

#[tokio::test]
async fn help_lists_each_command_under_its_declared_audience() {
    let app = TestApp::start().await;
    let s = app.set_up().await;
    let moderator = app.person("mo", Some(s.mods));
    let member = app.run(app.member, "help", &[]).await.text();
    assert!(member.contains("`/pair pause` –"), "{member}");
    assert!(member.contains("`/goal add` –"), "{member}");
    assert!(!member.contains("`/pair create` –"), "{member}");
    assert!(!member.contains("`/members` –"), "{member}");
    let mods = app.run(moderator, "help", &[]).await.text();
    let section = mods
        .split(&messages::help::FOR_MODERATORS.get(Locale::En))
        .nth(1)
        .unwrap_or_else(|| panic!("no moderators' section: {mods}"));
    assert!(section.contains("`/pair create` –"), "{mods}");
    assert!(section.contains("`/checkin now` –"), "{mods}");
    assert!(!mods.contains("`/setup` –"), "{mods}");
}

#[tokio::test]
async fn a_moderator_passes_the_same_check_and_a_pair_member_acts_on_their_own_pair() {
    let Programme { app, s, pair, .. } = programme().await;
    let moderator = app.person("mod2", Some(s.mods));
    let reply = app.run(moderator, "members", &[]).await;
    assert!(
        reply.text().contains("Programme members"),
        "{}",
        reply.text()
    );
    let goals = app
        .sim
        .command(app.guild.id, pair.mentor, "goal list")
        .in_channel(pair.channel)
        .run()
        .await;
    assert!(goals.ephemeral());
    assert!(
        goals
            .text()
            .contains(&messages::pairs::NO_GOALS.get(Locale::En)),
        "{}",
        goals.text()
    );
    // A moderator may look after a pair, but only its members record their meetings.
    let meet = app
        .sim
        .command(app.guild.id, moderator, "meet")
        .opt("minutes", json!(30))
        .in_channel(pair.channel)
        .run()
        .await;
    assert_eq!(
        meet.content(),
        messages::activity::MEET_ONLY_MEMBERS.get(Locale::En)
    );
}
