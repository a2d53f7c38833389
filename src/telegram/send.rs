//! Talking to the Bot API safely: retries with backoff for flood limits (429 `retry_after`),
//! server errors, dropped connections and non-JSON answers; keyboards from [`format::Button`]s;
//! and error logging that never shows the token.

use std::fmt::Display;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use teloxide::error_handlers::ErrorHandler;
use teloxide::payloads::SendMessageSetters;
use teloxide::prelude::Requester;
use teloxide::types::{
    ChatId, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Message, MessageId,
    ParseMode, ReplyParameters,
};
use teloxide::{ApiError, RequestError};

use crate::config::Secret;
use crate::format::{self, Button, Reply};

/// Attempts per send before giving up.
pub const SEND_ATTEMPTS: u32 = 6;

/// How long to wait before trying `error`'s request again (attempt 0 is the first retry), or
/// `None` when retrying cannot help (a bad request, a blocked bot...).
pub fn retry_delay(error: &RequestError, attempt: u32) -> Option<Duration> {
    let backoff = Duration::from_millis(250u64 << attempt.min(7)).min(Duration::from_secs(30));
    match error {
        RequestError::RetryAfter(after) => Some(after.duration() + Duration::from_millis(100)),
        RequestError::Network(_) | RequestError::InvalidJson { .. } | RequestError::Io(_) => {
            Some(backoff)
        }
        RequestError::Api(ApiError::Unknown(text)) if is_server_error(text) => Some(backoff),
        _ => None,
    }
}

fn is_server_error(description: &str) -> bool {
    let d = description.to_ascii_lowercase();
    [
        "internal server error",
        "bad gateway",
        "gateway",
        "service unavailable",
        "timeout",
        "try again",
        "restart",
    ]
    .iter()
    .any(|s| d.contains(s))
}

/// What went wrong, in a few words, for the logs.
pub fn describe(error: &RequestError) -> &'static str {
    match error {
        RequestError::RetryAfter(_) => "flood control: 429 with retry_after",
        RequestError::Network(e) if e.is_timeout() => "no answer in time",
        RequestError::Network(e) if e.is_connect() => "the Bot API is unreachable",
        RequestError::Network(_) | RequestError::Io(_) => "the connection failed or dropped",
        RequestError::InvalidJson { .. } => "the answer is not JSON (a proxy error page?)",
        RequestError::Api(ApiError::Unknown(text)) if is_server_error(text) => {
            "a server error at the Bot API"
        }
        RequestError::Api(ApiError::TerminatedByOtherGetUpdates) => {
            "409 Conflict: another instance polls with this token"
        }
        RequestError::Api(_) => "refused by the Bot API",
        _ => "an unexpected error",
    }
}

/// Runs `request` (a closure building and sending one request) until it succeeds, fails in a
/// way retrying cannot fix, or `attempts` are used up. Errors are logged without the token.
pub async fn with_retry<T, F, Fut>(
    what: &'static str,
    secret: &Secret,
    attempts: u32,
    mut request: F,
) -> Result<T, RequestError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, RequestError>>,
{
    let mut attempt = 0;
    loop {
        match request().await {
            Ok(v) => return Ok(v),
            Err(e) => {
                let delay = retry_delay(&e, attempt).filter(|_| attempt + 1 < attempts);
                let Some(delay) = delay else { return Err(e) };
                tracing::warn!(
                    request = what,
                    attempt = attempt + 1,
                    retry_in_ms = delay.as_millis() as u64,
                    "Bot API request failed ({}), retrying: {}",
                    describe(&e),
                    secret.redact(&e.to_string())
                );
                tokio::time::sleep(delay).await;
                attempt += 1;
            }
        }
    }
}

/// The inline keyboard for button rows (`None` when there are none).
pub fn keyboard(rows: &[Vec<Button>]) -> Option<InlineKeyboardMarkup> {
    if rows.iter().all(Vec::is_empty) {
        return None;
    }
    Some(InlineKeyboardMarkup::new(
        rows.iter().filter(|r| !r.is_empty()).map(|row| {
            row.iter()
                .map(|b| InlineKeyboardButton::callback(b.label.clone(), b.data.clone()))
                .collect::<Vec<_>>()
        }),
    ))
}

/// Sends `reply` as HTML to `chat`, threaded to `reply_to` when given, with retries.
pub async fn send_reply<R>(
    bot: &R,
    secret: &Secret,
    chat: ChatId,
    reply_to: Option<MessageId>,
    reply: &Reply,
) -> Result<Message, RequestError>
where
    R: Requester<Err = RequestError>,
{
    debug_assert!(format::visible_len(&reply.html) <= format::TELEGRAM_MESSAGE_LIMIT);
    let markup = keyboard(&reply.keyboard);
    with_retry("sendMessage", secret, SEND_ATTEMPTS, || {
        let mut req = bot
            .send_message(chat, reply.html.clone())
            .parse_mode(ParseMode::Html)
            .link_preview_options(no_preview());
        if let Some(id) = reply_to {
            req = req.reply_parameters(ReplyParameters::new(id).allow_sending_without_reply());
        }
        if let Some(m) = &markup {
            req = req.reply_markup(m.clone());
        }
        async move { req.await }
    })
    .await
}

/// Sends plain HTML text (no buttons).
pub async fn send_html<R>(
    bot: &R,
    secret: &Secret,
    chat: ChatId,
    reply_to: Option<MessageId>,
    html: String,
) -> Result<Message, RequestError>
where
    R: Requester<Err = RequestError>,
{
    let reply = Reply {
        html,
        keyboard: Vec::new(),
    };
    send_reply(bot, secret, chat, reply_to, &reply).await
}

fn no_preview() -> LinkPreviewOptions {
    LinkPreviewOptions {
        is_disabled: true,
        url: None,
        prefer_small_media: false,
        prefer_large_media: false,
        show_above_text: false,
    }
}

/// Logs handler and update-listener errors, with any token redacted.
pub struct RedactingErrorHandler {
    secret: Secret,
    what: &'static str,
}

impl RedactingErrorHandler {
    /// An error handler that logs `what: error`.
    pub fn new(secret: Secret, what: &'static str) -> Arc<RedactingErrorHandler> {
        Arc::new(RedactingErrorHandler { secret, what })
    }
}

impl<E: Display + Send + 'static> ErrorHandler<E> for RedactingErrorHandler {
    fn handle_error(
        self: Arc<Self>,
        error: E,
    ) -> Pin<Box<dyn Future<Output = ()> + Send + 'static>> {
        let text = self.secret.redact(&error.to_string());
        let what = self.what;
        Box::pin(async move {
            tracing::error!("{what}: {text}");
        })
    }
}
