//! The command line: `citebot [bot|ask|chat|index|eval]`, parsed with clap and wired to the engine.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use clap::{Parser, Subcommand};

use crate::engine::{Engine, EngineConfig};
use crate::{eval, format, index, ingest};

/// Answers questions about news articles and cites the passage each answer comes from.
#[derive(Debug, Parser)]
#[command(name = "citebot", version, about)]
pub struct Cli {
    /// Folder of articles (.txt/.md, one paragraph per line) to answer from.
    #[arg(long, global = true, env = "CITEBOT_DATA_DIR", default_value = "data")]
    pub data: PathBuf,
    /// Folder the search index is built in.
    #[arg(
        long,
        global = true,
        env = "CITEBOT_INDEX_DIR",
        default_value = "index"
    )]
    pub index: PathBuf,
    /// What to do; without one, run the Telegram bot.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the Telegram bot (long polling); needs TELOXIDE_TOKEN.
    Bot,
    /// Answer questions: the one given, or one per line from standard input.
    Ask {
        /// Print one JSON object per question instead of text.
        #[arg(long)]
        json: bool,
        /// How many passages to cite at most.
        #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u16).range(1..=50))]
        top: u16,
        /// Print how the question is understood and scored (for debugging answer quality).
        #[arg(long)]
        explain: bool,
        /// The question; read from standard input (one per line) when absent.
        question: Vec<String>,
    },
    /// Ask questions one after another at a prompt, as the bot would answer them.
    Chat,
    /// Build (or rebuild) the index from the data folder.
    Index,
    /// Score the engine on a gold question file (see shared/eval) and list the misses.
    Eval {
        /// The gold file: one JSON object per line with q, evidence and answer.
        gold: PathBuf,
        /// Also list each miss.
        #[arg(long)]
        show_misses: bool,
    },
}

impl Cli {
    /// Where the engine reads and builds.
    pub fn engine_config(&self) -> EngineConfig {
        EngineConfig {
            data_dir: self.data.clone(),
            index_dir: self.index.clone(),
        }
    }
}

/// Parses the command line and runs it.
pub fn run() -> anyhow::Result<()> {
    // A missing .env is fine; a broken one is reported.
    if let Err(e) = dotenvy::dotenv() {
        if !e.not_found() {
            anyhow::bail!("cannot read .env: {e}");
        }
    }
    let cli = Cli::parse();
    init_logging(matches!(cli.command, None | Some(Command::Bot)));
    let config = cli.engine_config();
    match cli.command {
        None | Some(Command::Bot) => crate::telegram::run_blocking(config),
        Some(Command::Index) => build_index(&config),
        Some(Command::Ask {
            json,
            top,
            explain,
            question,
        }) => {
            let engine = open_engine(&config)?;
            if explain {
                print!("{}", engine.explain(&question.join(" ")));
                return Ok(());
            }
            ask(&engine, json, usize::from(top), &question.join(" "))
        }
        Some(Command::Chat) => chat(&open_engine(&config)?),
        Some(Command::Eval { gold, show_misses }) => {
            let engine = open_engine(&config)?;
            let gold = eval::read_gold(&gold)?;
            let report = eval::evaluate(&engine, &gold);
            if show_misses {
                for m in &report.misses {
                    println!("{m}");
                }
            }
            println!("{report}");
            Ok(())
        }
    }
}

fn init_logging(bot: bool) {
    let default = if bot { "info" } else { "warn" };
    let filter = std::env::var("CITEBOT_LOG")
        .ok()
        .and_then(|f| tracing_subscriber::EnvFilter::try_new(f).ok())
        .unwrap_or_else(|| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

/// Opens the engine, building the index first when needed.
pub fn open_engine(config: &EngineConfig) -> anyhow::Result<Engine> {
    let started = Instant::now();
    let (engine, built) = Engine::open(config)?;
    if built {
        tracing::info!(
            sentences = engine.sentence_count(),
            ms = started.elapsed().as_millis() as u64,
            "built the index from {}",
            config.data_dir.display()
        );
    }
    Ok(engine)
}

fn build_index(config: &EngineConfig) -> anyhow::Result<()> {
    let started = Instant::now();
    let documents = ingest::load_dir(&config.data_dir)?;
    let hash = index::data_hash(&config.data_dir)?;
    let path = index::build(&documents, &hash, &config.index_dir)?;
    let sentences: usize = documents.iter().map(|d| d.sentence_count()).sum();
    println!(
        "indexed {} document(s), {sentences} sentences, into {} in {} ms",
        documents.len(),
        path.display(),
        started.elapsed().as_millis()
    );
    Ok(())
}

fn ask(engine: &Engine, json: bool, top: usize, question: &str) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let color = !json && std::io::stdout().is_terminal();
    let answer_one = |q: &str, out: &mut dyn Write| -> anyhow::Result<()> {
        let answer = engine.ask(q, top);
        if json {
            writeln!(out, "{}", serde_json::to_string(&answer)?)?;
        } else {
            writeln!(out, "{}", format::terminal(&answer, color))?;
        }
        Ok(())
    };
    if !question.trim().is_empty() {
        return answer_one(question, &mut out);
    }
    let stdin = std::io::stdin();
    for line in stdin.lock().lines() {
        let line = line.context("reading questions from standard input")?;
        answer_one(&line, &mut out)?;
    }
    Ok(())
}

fn chat(engine: &Engine) -> anyhow::Result<()> {
    let titles: Vec<String> = (0..engine.documents().len())
        .map(|d| engine.title(d))
        .collect();
    println!(
        "citebot: ask about {} ({} sentences). An empty line or Ctrl-D quits.",
        titles.join("; "),
        engine.sentence_count()
    );
    let color = std::io::stdout().is_terminal();
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    loop {
        print!("> ");
        std::io::stdout().flush()?;
        let Some(line) = lines.next() else { break };
        let line = line?;
        if line.trim().is_empty() {
            break;
        }
        println!("{}", format::terminal(&engine.ask(&line, 3), color));
    }
    Ok(())
}
