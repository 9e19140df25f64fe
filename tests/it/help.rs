use crate::support::TestApp;

#[tokio::test]
async fn help_answers_privately_with_the_commands_a_member_may_use() {
    let app = TestApp::start().await;
    let reply = app.run(app.member, "help", &[]).await;
    assert!(reply.ephemeral(), "help should be private");
    let text = reply.text();
    assert!(text.contains("/help"), "{text}");
    assert!(
        !text.contains("`/setup` –"),
        "members should not be offered /setup: {text}"
    );
    assert!(text.contains("An admin needs to run `/setup`"), "{text}");
}

#[tokio::test]
async fn help_shows_admin_commands_to_admins() {
    let app = TestApp::start().await;
    let reply = app.run(app.admin, "help", &[]).await;
    let text = reply.text();
    assert!(text.contains("`/setup` –"), "{text}");
    assert!(text.contains("Start with `/setup`"), "{text}");
}

#[tokio::test]
async fn the_bot_registers_its_commands_with_discord() {
    let app = TestApp::start().await;
    let names = app.sim.with_model(|m| {
        m.global_commands
            .iter()
            .map(|c| c["name"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    });
    assert!(names.contains(&"help".to_string()) && names.contains(&"setup".to_string()));
    let setup = app
        .sim
        .with_model(|m| {
            m.global_commands
                .iter()
                .find(|c| c["name"] == "setup")
                .cloned()
        })
        .unwrap();
    assert_eq!(
        setup["default_member_permissions"], "32",
        "setup is for Manage Server"
    );
}

#[tokio::test]
async fn the_bot_resumes_after_a_dropped_gateway_connection_and_keeps_answering() {
    let app = TestApp::start().await;
    app.sim.drop_gateway();
    assert!(app.sim.wait_connected(crate::support::READY_TIMEOUT).await);
    let reply = app.run(app.member, "help", &[]).await;
    assert!(reply.text().contains("`/help` –"));
    let (identifies, resumes) = app.sim.sessions();
    assert_eq!(
        (identifies, resumes),
        (1, 1),
        "serenity resumed the session"
    );
}
