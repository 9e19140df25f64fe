use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use tandem::clock::SystemClock;
use tandem::config::{Problem, Settings};

/// tandem: a Discord bot that runs a mentoring programme in your server.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// A TOML file with settings (same keys as config/default.toml).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Connect to Discord and run the bot (the default). Needs DISCORD_TOKEN.
    Run,
    /// Create the database if needed and apply migrations, then exit.
    Migrate,
    /// Check the configuration and print what is wrong, one line per key.
    CheckConfig,
    /// Write a consistent copy of the database to a new file (safe while the bot runs).
    Backup {
        /// The file to create, e.g. backups/tandem-2026-11-23.db
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Move the community from its SQLite database (database.url) into an empty PostgreSQL
    /// database, keeping every row and id; then point database.url there. Stop the bot first.
    MigrateDb {
        /// The PostgreSQL database to fill, e.g. postgres://tandem:PASSWORD@db:5432/tandem
        /// (or in TANDEM_MIGRATE_TO, which keeps a password out of the process list)
        #[arg(
            long,
            value_name = "URL",
            env = "TANDEM_MIGRATE_TO",
            hide_env_values = true
        )]
        to: String,
    },
    /// See tandem work without a token: a simulated Discord and community over 8 weeks; writes
    /// the resulting digest (text and chart) to a folder.
    #[cfg(feature = "demo")]
    Demo {
        /// The folder to write into (created if missing).
        #[arg(long, value_name = "DIR", default_value = "tandem-demo")]
        out: PathBuf,
    },
    /// Print a server's engagement digest (Markdown) and optionally write its chart.
    Digest {
        /// The server (guild) id.
        #[arg(long, value_name = "ID")]
        guild: u64,
        /// Also write the chart as PNG to this file.
        #[arg(long, value_name = "FILE")]
        png: Option<PathBuf>,
        /// Weeks the chart covers (2 to 26).
        #[arg(long, default_value_t = tandem::digest::DEFAULT_WEEKS, value_parser = clap::value_parser!(u32).range(2..=26))]
        weeks: u32,
    },
    /// Write the impact report of a server's programme cycle (the latest unless --cycle) into a
    /// folder: a one-page PNG, Markdown and CSV.
    Report {
        /// The server (guild) id.
        #[arg(long, value_name = "ID")]
        guild: u64,
        /// The cycle's number (as `/programme report` lists them); default the latest.
        #[arg(long, value_name = "N")]
        cycle: Option<i64>,
        /// The folder to write the files into (created if missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Write a server's data as CSV files (members, pairs, check-ins, pulse, activity).
    Export {
        /// The server (guild) id.
        #[arg(long, value_name = "ID")]
        guild: u64,
        /// The folder to write the files into (created if missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
}

/// Opens the database, runs `f` on it, closes it; errors are printed for the operator.
async fn with_database<T>(
    settings: &Settings,
    f: impl AsyncFnOnce(&tandem::store::Db) -> anyhow::Result<T>,
) -> Result<T, ExitCode> {
    let result = async {
        let db = tandem::open_database(settings).await?;
        let out = f(&db).await;
        db.close().await;
        out
    }
    .await;
    result.map_err(|e| {
        eprintln!("error: {e:#}");
        ExitCode::FAILURE
    })
}

/// `tandem migrate-db`: both URLs are checked before anything is opened (a missing SQLite
/// file would otherwise be created), then the copy, then one line per table and a total.
async fn migrate_db(settings: &Settings, to: &str) -> ExitCode {
    use tandem::config::redacted_url;
    use tandem::store::{is_postgres_url, Db};
    let from = &settings.database.url;
    let refusal = if is_postgres_url(from) {
        Some("migrate-db moves a SQLite database, and database.url is not one".to_string())
    } else if !is_postgres_url(to) {
        Some("--to must be a PostgreSQL database URL (postgres://…)".to_string())
    } else {
        tandem::store::sqlite_file(from)
            .filter(|f| !f.is_file())
            .map(|f| format!("there is no SQLite database at {}", f.display()))
    };
    if let Some(why) = refusal {
        eprintln!("error: {why}");
        return ExitCode::FAILURE;
    }
    println!("Copying {} into {}", redacted_url(from), redacted_url(to));
    let result = async {
        let source = tandem::open_database(settings).await?;
        let target = Db::connect(to, 2).await;
        let moved = match target {
            Ok(target) => {
                let moved = source.copy_into(&target).await;
                target.close().await;
                moved.map_err(anyhow::Error::from)
            }
            Err(e) => Err(anyhow::Error::from(e)
                .context(format!("opening the database {}", redacted_url(to)))),
        };
        source.close().await;
        moved
    }
    .await;
    let moved = match result {
        Ok(m) => m,
        Err(e) => {
            eprintln!("error: {e:#}");
            return ExitCode::FAILURE;
        }
    };
    let rows = |n: u64| {
        if n == 1 {
            "1 row".to_string()
        } else {
            format!("{n} rows")
        }
    };
    for t in &moved.tables {
        if t.source == t.target {
            println!("{}: {}", t.table, rows(t.source));
        } else {
            println!(
                "{}: {} in SQLite, {} in PostgreSQL",
                t.table,
                rows(t.source),
                t.target
            );
        }
    }
    let total = |f: fn(&tandem::store::TableCount) -> u64| moved.tables.iter().map(f).sum::<u64>();
    let (source, target) = (total(|t| t.source), total(|t| t.target));
    if !moved.committed {
        println!("Total: {} in SQLite, {target} in PostgreSQL", rows(source));
        eprintln!("error: the row counts differ, so nothing was kept in PostgreSQL");
        return ExitCode::FAILURE;
    }
    println!("Total: {} in {} tables", rows(source), moved.tables.len());
    println!("Done: set database.url to the PostgreSQL URL and start the bot.");
    ExitCode::SUCCESS
}

fn print_problems(problems: &[Problem]) {
    for p in problems {
        eprintln!("error: {p}");
    }
}

fn init_logging(settings: &Settings) {
    init_logs(&settings.log.filter);
}

/// Logs filtered by `RUST_LOG`, else by `default`.
fn init_logs(default: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .or_else(|_| tracing_subscriber::EnvFilter::try_new(default))
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // Logs on stderr, so `tandem digest > digest.md` holds only the digest.
    // Colours only on a terminal: journald, `docker logs` and files get plain text.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(ansi)
        .with_writer(std::io::stderr)
        .init();
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::load(cli.config.as_deref()) {
        Ok(s) => s,
        Err(problems) => {
            print_problems(&problems);
            return ExitCode::FAILURE;
        }
    };
    let command = cli.command.unwrap_or(Command::Run);
    // Every subcommand checks the configuration the same way before it touches anything:
    // the bot needs all of it, the database commands all but the Discord part.
    let problems = match &command {
        Command::Run | Command::CheckConfig => settings.problems(),
        #[cfg(feature = "demo")]
        Command::Demo { .. } => Vec::new(),
        _ => settings.offline_problems(),
    };
    if !problems.is_empty() {
        print_problems(&problems);
        return ExitCode::FAILURE;
    }
    match command {
        Command::CheckConfig => {
            println!(
                "Configuration OK: api {}, database {}, commands {}, token set (hidden).",
                settings.discord.api_url,
                tandem::config::redacted_url(&settings.database.url),
                match settings.discord.guild_id {
                    Some(g) => format!("in server {g}"),
                    None => "global".into(),
                }
            );
            ExitCode::SUCCESS
        }
        Command::Migrate => {
            init_logging(&settings);
            match tandem::open_database(&settings).await {
                Ok(db) => {
                    db.close().await;
                    println!(
                        "Database ready: {}",
                        tandem::config::redacted_url(&settings.database.url)
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e:#}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Backup { out } => {
            init_logging(&settings);
            let result = async {
                let db = tandem::open_database(&settings).await?;
                let copied = db.backup_to(&out).await;
                db.close().await;
                copied.map_err(anyhow::Error::from)
            }
            .await;
            match result {
                Ok(()) => {
                    println!("Backup written to {}", out.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: {e:#}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::MigrateDb { to } => {
            init_logging(&settings);
            migrate_db(&settings, &to).await
        }
        #[cfg(feature = "demo")]
        Command::Demo { out } => {
            // The bot's own logs stay quiet unless something goes wrong.
            init_logs("warn,serenity=error");
            match tandem::demo::run(&out).await {
                Ok((dir, guild)) => {
                    println!(
                        "\nDone. The digest and the cycle's impact report the moderators got this Monday are in {}:",
                        dir.display()
                    );
                    for f in [
                        "digest.md",
                        "digest.png",
                        "digest-message.json",
                        "impact-autumn-cohort.md",
                        "impact-autumn-cohort.png",
                        "impact-autumn-cohort.csv",
                        "impact-message.json",
                        "tandem-demo.db",
                    ] {
                        println!("  {}", dir.join(f).display());
                    }
                    println!(
                        "Its data as CSV: TANDEM__DATABASE__URL=sqlite://{0}/tandem-demo.db \
                         tandem export --guild {guild} --out {0}/csv",
                        dir.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("error: the demo failed: {e:#}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Digest { guild, png, weeks } => {
            init_logging(&settings);
            let now = tandem::clock::Clock::now(&SystemClock);
            match with_database(&settings, async |db| {
                tandem::digest::digest_to_files(db, &settings, guild, now, weeks, png.as_deref())
                    .await
            })
            .await
            {
                Ok(text) => {
                    println!("{text}");
                    if let Some(png) = png {
                        println!("Chart written to {}", png.display());
                    }
                    ExitCode::SUCCESS
                }
                Err(code) => code,
            }
        }
        Command::Report { guild, cycle, out } => {
            init_logging(&settings);
            let now = tandem::clock::Clock::now(&SystemClock);
            match with_database(&settings, async |db| {
                tandem::digest::impact::report_to_dir(db, &settings, guild, cycle, now, &out).await
            })
            .await
            {
                Ok(paths) => {
                    for p in paths {
                        println!("{}", p.display());
                    }
                    ExitCode::SUCCESS
                }
                Err(code) => code,
            }
        }
        Command::Export { guild, out } => {
            init_logging(&settings);
            let now = tandem::clock::Clock::now(&SystemClock);
            match with_database(&settings, async |db| {
                tandem::digest::export_to_dir(db, &settings, guild, now, &out).await
            })
            .await
            {
                Ok(paths) => {
                    for p in paths {
                        println!("{}", p.display());
                    }
                    ExitCode::SUCCESS
                }
                Err(code) => code,
            }
        }
        Command::Run => {
            init_logging(&settings);
            match tandem::run(settings, Arc::new(SystemClock)).await {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    tracing::error!("{e:#}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}
