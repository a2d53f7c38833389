//! The Telegram bot: configuration, start-up with retries, long polling through the
//! dispatcher, and a graceful stop on SIGINT/SIGTERM.

pub mod handlers;
pub mod send;
pub mod state;

use std::ops::ControlFlow;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use teloxide::adaptors::throttle::Limits;
use teloxide::dispatching::UpdateHandler;
use teloxide::payloads::GetUpdatesSetters;
use teloxide::prelude::{dptree, RequesterExt};
use teloxide::requests::Request;
use teloxide::types::{AllowedUpdate, BotCommand, Me, Update};
use teloxide::utils::command::BotCommands;
use teloxide::{ApiError, Bot, RequestError};
use tokio::sync::watch;

use crate::config::{BotConfig, Secret};
use crate::engine::EngineConfig;
use crate::telegram::handlers::{schema, Command, TgBot};
use crate::telegram::send::{retry_delay, with_retry};
use crate::telegram::state::AppState;

/// Reads the bot configuration, opens the engine and runs the bot until SIGINT or SIGTERM.
pub fn run_blocking(config: EngineConfig) -> anyhow::Result<()> {
    let bot_config = BotConfig::from_env()?;
    // Answers run on the blocking pool, at most `max_concurrent` at once (the semaphore in
    // AppState). Left to itself the pool grows to dozens of threads under a burst, and glibc
    // gives each new thread its own malloc arena: about 10 MB more peak RSS. A pool of that
    // size (plus one for the rare other blocking call) answers as fast.
    let blocking_threads = bot_config.limits.max_concurrent.max(1) + 1;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(blocking_threads)
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
    let state = Arc::new(
        AppState::new(
            engine,
            config.typing_after,
            config.token.clone(),
            &config.examples,
        )
        .with_limits(config.limits.clone()),
    );
    tracing::info!(
        documents = state.engine.documents().len(),
        sentences = state.engine.sentence_count(),
        examples = ?state.examples,
        throttle = config.throttle,
        flood_max = config.limits.flood_max,
        flood_window_secs = config.limits.flood_window.as_secs(),
        allowlist = config.limits.allowed_chats.as_ref().map_or(0, Vec::len),
        max_concurrent = config.limits.max_concurrent,
        max_queue = config.limits.max_queue,
        "engine ready"
    );
    // teloxide's client gives up after 17 s, long polls included; ours waits the long poll
    // plus CITEBOT_HTTP_TIMEOUT_SECS, so a slow (20 s) answer is waited for, not sent twice.
    let client = teloxide::net::default_reqwest_settings()
        .timeout(config.poll_timeout + config.http_timeout)
        .build()
        .context("cannot build the HTTP client")?;
    let mut bot = Bot::with_client(config.token.expose(), client);
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

    poll(bot, me, state, config, stop).await;
    tracing::info!("stopped");
    Ok(())
}

/// Long polling with at-least-once delivery: a batch of updates is acknowledged (by the offset
/// of the next getUpdates) only once every update in it has been handled. Updates of one chat
/// are handled in order, different chats concurrently. A stop lets the batch in hand finish,
/// acknowledges it, and returns. A hard kill mid-batch means the batch is fetched again on the
/// next start: replies already sent for it are sent again (the documented duplicate).
async fn poll<R: TgBot>(
    bot: R,
    me: Me,
    state: Arc<AppState>,
    config: &BotConfig,
    mut stop: watch::Receiver<bool>,
) {
    let secret = config.token.clone();
    let handler = Arc::new(schema::<R>());
    let poll_secs = config.poll_timeout.as_secs() as u32;
    let limit = config.limits.max_queue.clamp(1, 100) as u8;
    let allowed = [
        AllowedUpdate::Message,
        AllowedUpdate::CallbackQuery,
        AllowedUpdate::InlineQuery,
    ];
    let mut offset: i32 = 0;
    let mut failures = 0u32;
    loop {
        if *stop.borrow() {
            break;
        }
        let request = bot
            .get_updates()
            .offset(offset)
            .timeout(poll_secs)
            .limit(limit)
            .allowed_updates(allowed)
            .send();
        let got = tokio::select! {
            got = request => got,
            () = stopped(&mut stop) => break,
        };
        let updates = match got {
            Ok(updates) => {
                if failures > 0 {
                    tracing::info!(failures, "getUpdates works again");
                }
                failures = 0;
                updates
            }
            Err(e) => {
                let delay = poll_delay(&e, failures);
                log_poll_error(&secret, &e, failures + 1, delay);
                failures += 1;
                tokio::select! {
                    () = tokio::time::sleep(delay) => {}
                    () = stopped(&mut stop) => break,
                }
                continue;
            }
        };
        let Some(last) = updates.iter().map(|u| u.id.0).max() else {
            continue;
        };
        tracing::debug!(count = updates.len(), last, "received updates");
        handle_batch(&bot, &me, &state, &handler, &secret, updates).await;
        offset = i32::try_from(u64::from(last) + 1).unwrap_or(i32::MAX);
    }
    if offset > 0 {
        // Acknowledge the last batch so a restart does not answer it again.
        let ack = with_retry("getUpdates", &secret, 4, || {
            bot.get_updates().offset(offset).timeout(0).limit(1).send()
        });
        match tokio::time::timeout(Duration::from_secs(10), ack).await {
            Ok(Ok(_)) => tracing::info!(offset, "updates acknowledged"),
            Ok(Err(e)) => tracing::warn!(
                "could not acknowledge the last updates (they will be answered again after a restart): {}",
                redact(&secret, &e)
            ),
            Err(_) => tracing::warn!(
                "acknowledging the last updates timed out (they will be answered again after a restart)"
            ),
        }
    }
}

/// Handles a batch: one task per chat (updates in order within it), all awaited.
async fn handle_batch<R: TgBot>(
    bot: &R,
    me: &Me,
    state: &Arc<AppState>,
    handler: &Arc<UpdateHandler<anyhow::Error>>,
    secret: &Secret,
    updates: Vec<Update>,
) {
    let mut by_chat: Vec<(i64, Vec<Update>)> = Vec::new();
    for u in updates {
        let key = match (u.chat(), u.from()) {
            (Some(chat), _) => chat.id.0,
            (None, Some(user)) => user.id.0 as i64,
            (None, None) => 0,
        };
        match by_chat.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(u),
            None => by_chat.push((key, vec![u])),
        }
    }
    let mut tasks = tokio::task::JoinSet::new();
    for (_, list) in by_chat {
        let (bot, me, state, handler) = (
            bot.clone(),
            me.clone(),
            Arc::clone(state),
            Arc::clone(handler),
        );
        let secret = secret.clone();
        tasks.spawn(async move {
            for update in list {
                let id = update.id.0;
                let deps = dptree::deps![bot.clone(), me.clone(), Arc::clone(&state), update];
                match handler.dispatch(deps).await {
                    ControlFlow::Break(Ok(())) => {}
                    ControlFlow::Break(Err(e)) => {
                        tracing::error!(
                            update = id,
                            "handler error: {}",
                            secret.redact(&format!("{e:#}"))
                        )
                    }
                    ControlFlow::Continue(_) => tracing::debug!(update = id, "update ignored"),
                }
            }
        });
    }
    while let Some(done) = tasks.join_next().await {
        if let Err(e) = done {
            tracing::error!("an update task failed: {e}");
        }
    }
}

/// How long to wait after a failed getUpdates.
fn poll_delay(error: &RequestError, failures: u32) -> Duration {
    let backoff = Duration::from_millis(500u64 << failures.min(6)).min(Duration::from_secs(30));
    match error {
        RequestError::RetryAfter(after) => after.duration() + Duration::from_millis(100),
        RequestError::Api(ApiError::TerminatedByOtherGetUpdates) => {
            backoff.max(Duration::from_secs(5))
        }
        _ => retry_delay(error, failures).unwrap_or(backoff),
    }
}

fn log_poll_error(secret: &Secret, error: &RequestError, attempt: u32, delay: Duration) {
    let text = redact(secret, error);
    let retry_ms = delay.as_millis() as u64;
    match error {
        RequestError::Api(ApiError::TerminatedByOtherGetUpdates) => tracing::error!(
            attempt,
            retry_in_ms = retry_ms,
            "409 Conflict: another instance of this bot is polling Telegram with the same token; \
             stop the other instance (only one may run per token). Retrying: {text}"
        ),
        RequestError::RetryAfter(_) => tracing::warn!(
            attempt,
            retry_in_ms = retry_ms,
            "getUpdates: flood control (429), waiting as Telegram asks: {text}"
        ),
        RequestError::Network(_) | RequestError::Io(_) => tracing::warn!(
            attempt,
            retry_in_ms = retry_ms,
            "getUpdates: the Bot API is unreachable or the connection dropped, retrying: {text}"
        ),
        RequestError::InvalidJson { .. } => tracing::warn!(
            attempt,
            retry_in_ms = retry_ms,
            "getUpdates: the Bot API answered something that is not JSON (a proxy error page?), retrying: {text}"
        ),
        _ => tracing::warn!(
            attempt,
            retry_in_ms = retry_ms,
            "getUpdates failed, retrying: {text}"
        ),
    }
}

fn redact(secret: &Secret, e: &impl std::fmt::Display) -> String {
    secret.redact(&e.to_string())
}
