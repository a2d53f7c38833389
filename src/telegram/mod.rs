//! The Telegram bot: configuration, start-up with retries, long polling through the
//! dispatcher, and a graceful stop on SIGINT/SIGTERM.

pub mod handlers;
pub mod send;
pub mod state;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use teloxide::adaptors::throttle::Limits;
use teloxide::dispatching::Dispatcher;
use teloxide::prelude::{dptree, RequesterExt};
use teloxide::requests::Request;
use teloxide::types::BotCommand;
use teloxide::update_listeners::Polling;
use teloxide::utils::command::BotCommands;
use teloxide::Bot;
use tokio::sync::watch;

use crate::config::{BotConfig, Secret};
use crate::engine::EngineConfig;
use crate::telegram::handlers::{schema, Command, TgBot};
use crate::telegram::send::{with_retry, RedactingErrorHandler};
use crate::telegram::state::AppState;

/// Reads the bot configuration, opens the engine and runs the bot until SIGINT or SIGTERM.
pub fn run_blocking(config: EngineConfig) -> anyhow::Result<()> {
    let bot_config = BotConfig::from_env()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let result = runtime.block_on(run(bot_config, config));
    runtime.shutdown_timeout(Duration::from_secs(2));
    result
}

/// Runs the bot until a stop signal.
pub async fn run(config: BotConfig, engine_config: EngineConfig) -> anyhow::Result<()> {
    let stop = stop_signal()?;
    let engine =
        tokio::task::spawn_blocking(move || crate::cli::open_engine(&engine_config)).await??;
    let engine = Arc::new(engine);
    let state = Arc::new(AppState::new(
        engine,
        config.typing_after,
        config.token.clone(),
        &config.examples,
    ));
    tracing::info!(
        documents = state.engine.documents().len(),
        sentences = state.engine.sentence_count(),
        examples = ?state.examples,
        throttle = config.throttle,
        "engine ready"
    );
    let mut bot = Bot::new(config.token.expose());
    if let Some(url) = &config.api_url {
        bot = bot.set_api_url(url.clone());
    }
    if config.throttle {
        serve(bot.throttle(Limits::default()), &config, state, stop).await
    } else {
        serve(bot, &config, state, stop).await
    }
}

/// A flag that turns true on SIGINT or SIGTERM.
fn stop_signal() -> anyhow::Result<watch::Receiver<bool>> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut term = signal(SignalKind::terminate()).context("cannot listen for SIGTERM")?;
    let mut int = signal(SignalKind::interrupt()).context("cannot listen for SIGINT")?;
    let (tx, rx) = watch::channel(false);
    tokio::spawn(async move {
        let name = tokio::select! {
            _ = term.recv() => "SIGTERM",
            _ = int.recv() => "SIGINT",
        };
        tracing::info!("{name} received: finishing the replies in flight, then stopping");
        let _ = tx.send(true);
    });
    Ok(rx)
}

async fn stopped(stop: &mut watch::Receiver<bool>) {
    let _ = stop.wait_for(|s| *s).await;
}

/// Connects (getMe, retried until it works or a stop), registers the commands, and
/// dispatches updates until stopped.
async fn serve<R: TgBot>(
    bot: R,
    config: &BotConfig,
    state: Arc<AppState>,
    mut stop: watch::Receiver<bool>,
) -> anyhow::Result<()> {
    let secret = config.token.clone();
    let me = tokio::select! {
        me = with_retry("getMe", &secret, u32::MAX, || bot.get_me().send()) => me,
        () = stopped(&mut stop) => return Ok(()),
    };
    let me = me.map_err(|e| {
        anyhow::anyhow!(
            "the Bot API refused getMe: {} (is TELOXIDE_TOKEN right?)",
            secret.redact(&e.to_string())
        )
    })?;
    tracing::info!(username = me.username(), "connected to the Bot API");
    // teloxide spells them "/start"; the Bot API wants the bare name.
    let commands: Vec<BotCommand> = Command::bot_commands()
        .into_iter()
        .map(|c| BotCommand::new(c.command.trim_start_matches('/'), c.description))
        .collect();
    if let Err(e) = with_retry("setMyCommands", &secret, 4, || {
        bot.set_my_commands(commands.clone()).send()
    })
    .await
    {
        tracing::warn!(
            "could not register the commands: {}",
            secret.redact(&e.to_string())
        );
    }
    if let Err(e) = with_retry("deleteWebhook", &secret, 4, || bot.delete_webhook().send()).await {
        tracing::warn!(
            "could not remove a webhook: {}",
            secret.redact(&e.to_string())
        );
    }

    let mut dispatcher = Dispatcher::builder(bot.clone(), schema::<R>())
        .dependencies(dptree::deps![state])
        .default_handler(|_| async {})
        .error_handler(RedactingErrorHandler::new(secret.clone(), "handler error"))
        .enable_ctrlc_handler()
        .build();
    let done = Arc::new(AtomicBool::new(false));
    spawn_shutdown(dispatcher.shutdown_token(), stop.clone(), Arc::clone(&done));

    let mut attempt = 0u32;
    loop {
        let listener = Polling::builder(bot.clone())
            .timeout(config.poll_timeout)
            .build();
        let errors = RedactingErrorHandler::new(secret.clone(), "getUpdates failed");
        match dispatcher
            .try_dispatch_with_listener(listener, errors)
            .await
        {
            Ok(()) => break,
            Err(e) => {
                if *stop.borrow() {
                    break;
                }
                let delay = Duration::from_millis(500u64 << attempt.min(6));
                tracing::warn!(
                    "could not start dispatching, retrying in {delay:?}: {}",
                    redact(&secret, &e)
                );
                tokio::select! {
                    () = tokio::time::sleep(delay) => {}
                    () = stopped(&mut stop) => break,
                }
                attempt += 1;
            }
        }
    }
    done.store(true, Ordering::SeqCst);
    tracing::info!("stopped");
    Ok(())
}

fn redact(secret: &Secret, e: &impl std::fmt::Display) -> String {
    secret.redact(&e.to_string())
}

/// On the stop flag, asks the dispatcher to shut down (it finishes the handlers in flight and
/// acknowledges the updates it received), retrying while it is still starting.
fn spawn_shutdown(
    token: teloxide::dispatching::ShutdownToken,
    mut stop: watch::Receiver<bool>,
    done: Arc<AtomicBool>,
) {
    tokio::spawn(async move {
        stopped(&mut stop).await;
        while !done.load(Ordering::SeqCst) {
            match token.shutdown() {
                Ok(finished) => {
                    finished.await;
                    break;
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    });
}
