//! The update handlers: small async functions with their dependencies injected by dptree
//! (the bot, the update, [`Me`] and the shared [`AppState`]). Each runs its body in its own
//! task, so a panic becomes an apology instead of taking the dispatcher down.

use std::future::Future;
use std::sync::Arc;

use teloxide::dispatching::{HandlerExt, UpdateFilterExt, UpdateHandler};
use teloxide::payloads::{AnswerCallbackQuerySetters, AnswerInlineQuerySetters};
use teloxide::prelude::{dptree, Requester};
use teloxide::requests::Request;
use teloxide::types::{
    CallbackQuery, ChatAction, ChatId, InlineQuery, InlineQueryResult, InlineQueryResultArticle,
    InputMessageContent, InputMessageContentText, Me, Message, MessageId, ParseMode, Update,
};
use teloxide::utils::command::BotCommands;
use teloxide::RequestError;

use crate::engine::{Answer, MAX_QUESTION_CHARS};
use crate::format::{self, CallbackData, Reply};
use crate::telegram::send::{self, with_retry};
use crate::telegram::state::{Admit, AppState, CITATIONS_PER_QUESTION};

/// What the handlers return.
pub type HandlerResult = Result<(), anyhow::Error>;

/// A bot the handlers can drive: teloxide's `Bot`, or `Bot` behind the Throttle adaptor.
pub trait TgBot:
    Requester<
        Err = RequestError,
        GetUpdates: Send,
        GetMe: Send,
        SetMyCommands: Send,
        DeleteWebhook: Send,
        SendMessage: Send,
        SendChatAction: Send,
        AnswerCallbackQuery: Send,
        AnswerInlineQuery: Send,
    > + Clone
    + Send
    + Sync
    + 'static
{
}

impl<T> TgBot for T where
    T: Requester<
            Err = RequestError,
            GetUpdates: Send,
            GetMe: Send,
            SetMyCommands: Send,
            DeleteWebhook: Send,
            SendMessage: Send,
            SendChatAction: Send,
            AnswerCallbackQuery: Send,
            AnswerInlineQuery: Send,
        > + Clone
        + Send
        + Sync
        + 'static
{
}

/// The bot's commands; the doc comments are the descriptions sent with setMyCommands.
#[derive(BotCommands, Clone, Debug, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum Command {
    /// What I know, with example questions.
    Start,
    /// How to ask, and the commands.
    Help,
    /// The articles I answer from.
    About,
    /// Paragraph N of the article, e.g. /source 4.
    Source(String),
}

/// A question addressed to the bot, cut to what the engine reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The text to answer.
    pub text: String,
    /// `Some(n)` when the message was longer and only its first `n` characters are read.
    pub cut: Option<usize>,
}

impl Question {
    /// The question in `text`, trimmed and cut to the engine's limit.
    pub fn new(text: &str) -> Question {
        let text = text.trim();
        if text.chars().count() > MAX_QUESTION_CHARS {
            Question {
                text: text.chars().take(MAX_QUESTION_CHARS).collect(),
                cut: Some(MAX_QUESTION_CHARS),
            }
        } else {
            Question {
                text: text.to_string(),
                cut: None,
            }
        }
    }
}

/// The handler tree, for a bot of type `R`.
pub fn schema<R: TgBot>() -> UpdateHandler<anyhow::Error> {
    let messages = Update::filter_message()
        .branch(
            dptree::entry()
                .filter_command::<Command>()
                .endpoint(on_command::<R>),
        )
        .branch(dptree::filter_map(addressed_question).endpoint(on_question::<R>))
        .branch(dptree::filter(is_private_non_text).endpoint(on_non_text::<R>));
    dptree::entry()
        .filter_async(allowlist_gate::<R>)
        .branch(messages)
        .branch(Update::filter_callback_query().endpoint(on_callback::<R>))
        .branch(Update::filter_inline_query().endpoint(on_inline::<R>))
}

/// The allowlist (`ALLOWED_CHAT_IDS`): updates from other chats are dropped; the first message
/// from such a chat gets one line, a button press a short notice, an inline query nothing.
pub async fn allowlist_gate<R: TgBot>(bot: R, update: Update, state: Arc<AppState>) -> bool {
    if state.limits.allowed_chats.is_none() {
        return true;
    }
    let id = match (update.chat(), update.from()) {
        (Some(chat), _) => chat.id.0,
        (None, Some(user)) => user.id.0 as i64,
        (None, None) => return false,
    };
    if state.allowed(id) {
        return true;
    }
    tracing::info!(chat = id, "not on the allowlist: ignored");
    let secret = &state.secret;
    let sent = match &update.kind {
        teloxide::types::UpdateKind::Message(msg) if state.first_refusal(id) => send::send_html(
            &bot,
            secret,
            msg.chat.id,
            Some(msg.id),
            format::not_allowed_text(),
        )
        .await
        .map(drop),
        teloxide::types::UpdateKind::CallbackQuery(q) => bot
            .answer_callback_query(q.id.clone())
            .text(format::not_allowed_text())
            .await
            .map(drop),
        _ => Ok(()),
    };
    if let Err(e) = sent {
        tracing::warn!(
            "could not tell a chat it is not allowed: {}",
            secret.redact(&e.to_string())
        );
    }
    false
}

/// Flood control for a message: `true` to go on; otherwise the user has been told to slow
/// down (once per window) or the message is dropped.
async fn flood_ok<R: TgBot>(bot: &R, state: &AppState, msg: &Message) -> bool {
    let user = msg.from.as_ref().map_or(msg.chat.id.0, |u| u.id.0 as i64);
    match state.admit(user) {
        Admit::Go => true,
        Admit::SlowDown => {
            tracing::info!(
                user,
                "flood control: too many questions, asked to slow down"
            );
            let text =
                format::slow_down_text(state.limits.flood_max, state.limits.flood_window.as_secs());
            if let Err(e) =
                send::send_html(bot, &state.secret, msg.chat.id, Some(msg.id), text).await
            {
                tracing::warn!(
                    "could not send slow down: {}",
                    state.secret.redact(&e.to_string())
                );
            }
            false
        }
        Admit::Drop => {
            tracing::info!(user, "flood control: message dropped");
            false
        }
    }
}

/// The question in a text message, when it is for the bot: any text in a private chat; in
/// groups only text that mentions the bot or replies to one of its messages.
pub fn addressed_question(msg: Message, me: Me) -> Option<Question> {
    let text = msg.text()?;
    if msg.chat.is_private() {
        return Some(Question::new(text));
    }
    if !(msg.chat.is_group() || msg.chat.is_supergroup()) {
        return None;
    }
    let mention = format!("@{}", me.username());
    if let Some(rest) = strip_mention(text, &mention) {
        return Some(Question::new(&rest));
    }
    let to_me = msg
        .reply_to_message()
        .and_then(|r| r.from.as_ref())
        .is_some_and(|u| u.id == me.id);
    to_me.then(|| Question::new(text))
}

/// `text` without `mention` (matched case-insensitively), or `None` when it is not there.
fn strip_mention(text: &str, mention: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let at = lower.find(&mention.to_lowercase())?;
    // Lowercasing can change byte lengths outside ASCII; only trust an exact boundary.
    let end = at + mention.len();
    if !text.is_char_boundary(at) || !text.is_char_boundary(end.min(text.len())) || end > text.len()
    {
        return None;
    }
    if !text[at..end].eq_ignore_ascii_case(mention) {
        return None;
    }
    Some(
        format!("{} {}", &text[..at], &text[end..])
            .trim()
            .to_string(),
    )
}

/// A message in a private chat that is not text: a sticker, photo, voice message...
pub fn is_private_non_text(msg: Message) -> bool {
    msg.chat.is_private() && msg.text().is_none()
}

/// Where to apologise when a handler fails.
enum Apology {
    Chat(ChatId, MessageId),
    Callback(teloxide::types::CallbackQueryId),
    Nowhere,
}

/// Runs `body` in its own task; an error or a panic is logged (token redacted) and turned into
/// a short apology, and the handler reports success so the dispatcher carries on.
async fn guarded<R, F>(
    bot: R,
    state: Arc<AppState>,
    what: &'static str,
    apology: Apology,
    body: F,
) -> HandlerResult
where
    R: TgBot,
    F: Future<Output = HandlerResult> + Send + 'static,
{
    let failure = match tokio::spawn(body).await {
        Ok(Ok(())) => return Ok(()),
        Ok(Err(e)) => state.secret.redact(&format!("{e:#}")),
        Err(e) if e.is_panic() => "the handler panicked".to_string(),
        Err(_) => "the handler was cancelled".to_string(),
    };
    tracing::error!(handler = what, "{failure}");
    let sent = match apology {
        Apology::Chat(chat, id) => {
            send::send_html(&bot, &state.secret, chat, Some(id), format::apology_text())
                .await
                .map(drop)
        }
        Apology::Callback(id) => bot
            .answer_callback_query(id)
            .text(format::apology_text())
            .await
            .map(drop),
        Apology::Nowhere => Ok(()),
    };
    if let Err(e) = sent {
        tracing::warn!(
            handler = what,
            "could not apologise: {}",
            state.secret.redact(&e.to_string())
        );
    }
    Ok(())
}

/// `/start`, `/help`, `/about`, `/source N`.
pub async fn on_command<R: TgBot>(
    bot: R,
    msg: Message,
    cmd: Command,
    me: Me,
    state: Arc<AppState>,
) -> HandlerResult {
    if !flood_ok(&bot, &state, &msg).await {
        return Ok(());
    }
    let apology = Apology::Chat(msg.chat.id, msg.id);
    let body = run_command(bot.clone(), msg, cmd, me, Arc::clone(&state));
    guarded(bot, state, "command", apology, body).await
}

async fn run_command<R: TgBot>(
    bot: R,
    msg: Message,
    cmd: Command,
    me: Me,
    state: Arc<AppState>,
) -> HandlerResult {
    let engine = &state.engine;
    let (chat, id, secret) = (msg.chat.id, Some(msg.id), &state.secret);
    tracing::info!(chat = chat.0, command = ?cmd, "command");
    match cmd {
        Command::Start => {
            let reply =
                format::start_reply(engine.documents(), engine.sentence_count(), &state.examples);
            send::send_reply(&bot, secret, chat, id, &reply).await?;
        }
        Command::Help => {
            let commands = Command::descriptions().username_from_me(&me).to_string();
            send::send_html(
                &bot,
                secret,
                chat,
                id,
                format::help_text(&commands, me.username()),
            )
            .await?;
        }
        Command::About => {
            send::send_html(
                &bot,
                secret,
                chat,
                id,
                format::about_text(engine.documents()),
            )
            .await?;
        }
        Command::Source(arg) => {
            for (i, part) in format::source_messages(engine.documents(), &arg)
                .into_iter()
                .enumerate()
            {
                send::send_html(&bot, secret, chat, id.filter(|_| i == 0), part).await?;
            }
        }
    }
    Ok(())
}

/// A question: answered from the article, threaded to the question, with its citation.
pub async fn on_question<R: TgBot>(
    bot: R,
    msg: Message,
    question: Question,
    state: Arc<AppState>,
) -> HandlerResult {
    if !flood_ok(&bot, &state, &msg).await {
        return Ok(());
    }
    let apology = Apology::Chat(msg.chat.id, msg.id);
    let body = answer_question(bot.clone(), msg, question, Arc::clone(&state));
    guarded(bot, state, "question", apology, body).await
}

async fn answer_question<R: TgBot>(
    bot: R,
    msg: Message,
    question: Question,
    state: Arc<AppState>,
) -> HandlerResult {
    let (chat, secret) = (msg.chat.id, &state.secret);
    if question.text.is_empty() {
        send::send_html(
            &bot,
            secret,
            chat,
            Some(msg.id),
            format::empty_question_text(),
        )
        .await?;
        return Ok(());
    }
    if question.text.starts_with('/') {
        let text = "I do not know that command. /help lists the ones I do.".to_string();
        send::send_html(&bot, secret, chat, Some(msg.id), text).await?;
        return Ok(());
    }
    let answer = ask_with_typing(&bot, &state, chat, question.text.clone()).await?;
    tracing::info!(
        chat = chat.0,
        found = answer.found,
        confidence = answer.confidence,
        citations = answer.citations.len(),
        "answered"
    );
    let key = state.remember(&answer.question);
    let reply = format::answer_reply(
        &answer,
        key,
        question.cut,
        &state.suggestions,
        &state.examples,
    );
    send::send_reply(&bot, secret, chat, Some(msg.id), &reply).await?;
    Ok(())
}

/// Asks the engine off the async threads; shows "typing…" if the answer is not there within
/// the configured delay.
async fn ask_with_typing<R: TgBot>(
    bot: &R,
    state: &AppState,
    chat: ChatId,
    question: String,
) -> anyhow::Result<Answer> {
    let engine = Arc::clone(&state.engine);
    let permit = Arc::clone(&state.answers).acquire_owned().await?;
    let mut task = tokio::task::spawn_blocking(move || {
        let answer = engine.ask(&question, CITATIONS_PER_QUESTION);
        drop(permit);
        answer
    });
    if !state.typing_after.is_zero() {
        tokio::select! {
            done = &mut task => return Ok(done?),
            () = tokio::time::sleep(state.typing_after) => {}
        }
    }
    if let Err(e) = bot.send_chat_action(chat, ChatAction::Typing).await {
        tracing::debug!(
            "typing indicator not sent: {}",
            state.secret.redact(&e.to_string())
        );
    }
    Ok(task.await?)
}

/// Stickers, photos, voice messages... in private chats: one polite line.
pub async fn on_non_text<R: TgBot>(bot: R, msg: Message, state: Arc<AppState>) -> HandlerResult {
    if !flood_ok(&bot, &state, &msg).await {
        return Ok(());
    }
    let apology = Apology::Nowhere;
    let secret = state.secret.clone();
    let b = bot.clone();
    let body = async move {
        send::send_html(
            &b,
            &secret,
            msg.chat.id,
            Some(msg.id),
            format::non_text_text(),
        )
        .await?;
        Ok(())
    };
    guarded(bot, state, "non-text", apology, body).await
}

/// "More passages", "Context" and example-question buttons.
pub async fn on_callback<R: TgBot>(
    bot: R,
    query: CallbackQuery,
    state: Arc<AppState>,
) -> HandlerResult {
    let apology = Apology::Callback(query.id.clone());
    let body = answer_callback(bot.clone(), query, Arc::clone(&state));
    guarded(bot, state, "callback", apology, body).await
}

async fn answer_callback<R: TgBot>(
    bot: R,
    query: CallbackQuery,
    state: Arc<AppState>,
) -> HandlerResult {
    let secret = &state.secret;
    let data = query.data.as_deref().and_then(CallbackData::parse);
    let place = query.message.as_ref().map(|m| (m.chat().id, m.id()));
    let (Some(data), Some((chat, message))) = (data, place) else {
        let text = "This button no longer works. Please ask again.";
        with_retry("answerCallbackQuery", secret, 3, || {
            bot.answer_callback_query(query.id.clone())
                .text(text)
                .send()
        })
        .await?;
        return Ok(());
    };
    let id = query.id.clone();
    let admit = state.admit(query.from.id.0 as i64);
    if admit != Admit::Go {
        tracing::info!(
            user = query.from.id.0,
            ?admit,
            "flood control: button press not answered"
        );
        let text =
            format::slow_down_text(state.limits.flood_max, state.limits.flood_window.as_secs());
        with_retry("answerCallbackQuery", secret, 3, || {
            let req = bot.answer_callback_query(id.clone());
            if admit == Admit::SlowDown {
                req.text(text.clone()).send()
            } else {
                req.send()
            }
        })
        .await?;
        return Ok(());
    }
    with_retry("answerCallbackQuery", secret, 3, || {
        bot.answer_callback_query(id.clone()).send()
    })
    .await?;
    tracing::info!(chat = chat.0, data = %data.encode(), "button");
    let permit = Arc::clone(&state.answers).acquire_owned().await?;
    let (s, q) = (Arc::clone(&state), query.clone());
    let reply = tokio::task::spawn_blocking(move || {
        let reply = callback_reply(&s, data, &q);
        drop(permit);
        reply
    })
    .await?;
    send::send_reply(&bot, secret, chat, Some(message), &reply).await?;
    Ok(())
}

/// What a button press shows.
pub fn callback_reply(state: &AppState, data: CallbackData, query: &CallbackQuery) -> Reply {
    let engine = &state.engine;
    match data {
        CallbackData::More { question, from } => {
            let text = state.recall(question).or_else(|| replied_question(query));
            match text {
                Some(text) => {
                    format::more_reply(&engine.ask(&text, CITATIONS_PER_QUESTION), question, from)
                }
                None => plain("I no longer remember that question. Please ask it again."),
            }
        }
        CallbackData::Context(at) => {
            let found = engine.documents().get(at.doc).and_then(|d| {
                let p = d.paragraphs.get(at.paragraph)?;
                let s = p.sentences.get(at.sentence)?;
                Some((d, p, s))
            });
            match found {
                Some((d, p, s)) => {
                    let (before, after) = engine.context(at, 2);
                    let source = format::citation_source(
                        &d.display_title(),
                        &d.meta.date,
                        p.number,
                        s.number,
                    );
                    format::context_reply(&source, p.number, &before, &s.text, &after)
                }
                None => plain("That passage is no longer in the article."),
            }
        }
        CallbackData::Example(n) => match state.examples.get(n) {
            Some(q) => {
                let answer = engine.ask(q, CITATIONS_PER_QUESTION);
                let key = state.remember(&answer.question);
                let mut reply =
                    format::answer_reply(&answer, key, None, &state.suggestions, &state.examples);
                reply.html = format!("<i>{}</i>\n{}", format::escape_html(q), reply.html);
                reply
            }
            None => plain("That example is no longer available; /start shows the current ones."),
        },
    }
}

/// The question a bot message answered, from the message it replies to.
fn replied_question(query: &CallbackQuery) -> Option<String> {
    let text = query.regular_message()?.reply_to_message()?.text()?;
    Some(Question::new(text).text).filter(|t| !t.is_empty() && !t.starts_with('/'))
}

fn plain(text: &str) -> Reply {
    Reply {
        html: format::escape_html(text),
        keyboard: Vec::new(),
    }
}

/// Inline mode: up to five cited passages the user can send to any chat.
pub async fn on_inline<R: TgBot>(
    bot: R,
    query: InlineQuery,
    state: Arc<AppState>,
) -> HandlerResult {
    let body = answer_inline(bot.clone(), query, Arc::clone(&state));
    guarded(bot, state, "inline", Apology::Nowhere, body).await
}

async fn answer_inline<R: TgBot>(
    bot: R,
    query: InlineQuery,
    state: Arc<AppState>,
) -> HandlerResult {
    let text = Question::new(&query.query).text;
    let articles = if text.is_empty() {
        Vec::new()
    } else {
        let permit = Arc::clone(&state.answers).acquire_owned().await?;
        let engine = Arc::clone(&state.engine);
        tokio::task::spawn_blocking(move || {
            let articles = format::inline_articles(&engine.ask(&text, format::INLINE_RESULTS));
            drop(permit);
            articles
        })
        .await?
    };
    tracing::info!(results = articles.len(), "inline query");
    let results: Vec<InlineQueryResult> = articles
        .into_iter()
        .map(|a| {
            let content = InputMessageContent::Text(
                InputMessageContentText::new(a.html).parse_mode(ParseMode::Html),
            );
            InlineQueryResult::Article(
                InlineQueryResultArticle::new(a.id, a.title, content).description(a.description),
            )
        })
        .collect();
    let id = query.id.clone();
    with_retry("answerInlineQuery", &state.secret, 3, || {
        bot.answer_inline_query(id.clone(), results.clone())
            .cache_time(60)
            .send()
    })
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::Duration;

    use super::{guarded, Apology, Question};
    use crate::config::Secret;
    use crate::engine::{Engine, EngineConfig};
    use crate::telegram::state::AppState;

    #[test]
    fn long_questions_are_cut() {
        let q = Question::new(&"x".repeat(900));
        assert_eq!(q.cut, Some(500));
        assert_eq!(q.text.chars().count(), 500);
        assert_eq!(Question::new("  hi  ").text, "hi");
    }

    #[tokio::test]
    async fn a_panicking_handler_is_contained() {
        let dir = tempfile::tempdir().unwrap();
        let config = EngineConfig {
            data_dir: concat!(env!("CARGO_MANIFEST_DIR"), "/data").into(),
            index_dir: dir.path().into(),
        };
        let (engine, _) = Engine::open(&config).unwrap();
        let state = Arc::new(AppState::new(
            Arc::new(engine),
            Duration::ZERO,
            Secret::new(""),
            &[],
        ));
        let bot = teloxide::Bot::new("1:unused");
        let body = async { panic!("boom") };
        let r = guarded(bot, state, "test", Apology::Nowhere, body).await;
        assert!(
            r.is_ok(),
            "the dispatcher sees success, the panic stays in its task"
        );
    }
}
