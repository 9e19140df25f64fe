errors-bad-argument = One of the options didn't look right. Check them and run the command again.
errors-guild-only = This command works inside a server, not in DMs.
errors-not-allowed = You don't have permission to use this command.
errors-stale-button = That button is no longer valid. Run the command again.
errors-stale-form = That form is no longer valid. Run the command again.
errors-internal = Sorry, something went wrong on our side. Nothing was changed. If it keeps happening, tell a moderator and give them the code `{ $error_id }`.
