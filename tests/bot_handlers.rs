//! Handler tests with teloxide_tests' MockBot, over the real engine and the repository's
//! article (the index is built once into a temporary folder): questions, commands, non-text
//! messages, group rules and the buttons.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use teloxide::types::{InlineKeyboardButtonKind, ParseMode};
use teloxide::Bot;
use teloxide_tests::{
    MockBot, MockCallbackQuery, MockMe, MockMessageSticker, MockMessageText, MockSupergroupChat,
    MockUser,
};

use citebot::config::Secret;
use citebot::engine::{Engine, EngineConfig};
use citebot::format::{self, CallbackData};
use citebot::telegram::handlers::schema;
use citebot::telegram::state::AppState;

fn state() -> Arc<AppState> {
    static STATE: OnceLock<(tempfile::TempDir, Arc<AppState>)> = OnceLock::new();
    let (_, state) = STATE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let config = EngineConfig {
            data_dir: concat!(env!("CARGO_MANIFEST_DIR"), "/data").into(),
            index_dir: dir.path().join("index"),
        };
        let (engine, _) = Engine::open(&config).expect("the engine opens over data/");
        let state = AppState::new(Arc::new(engine), Duration::ZERO, Secret::new(""), &[]);
        (dir, Arc::new(state))
    });
    Arc::clone(state)
}

fn mock(
    update: impl teloxide_tests::IntoUpdate,
) -> MockBot<anyhow::Error, teloxide_tests::mock_bot::DistributionKey> {
    let mut bot = MockBot::new(update, schema::<Bot>());
    bot.dependencies(teloxide::dptree::deps![state()]);
    bot
}

/// The text messages the bot sent, each checked: HTML parse mode, valid Telegram HTML, under
/// the limit, callback data under 64 bytes.
fn sent(
    bot: &MockBot<anyhow::Error, teloxide_tests::mock_bot::DistributionKey>,
) -> Vec<teloxide_tests::server::SentMessageText> {
    let sent = bot.get_responses().sent_messages_text;
    for s in &sent {
        let text = &s.bot_request.text;
        assert_eq!(s.bot_request.parse_mode, Some(ParseMode::Html), "{text}");
        let plain = format::parse_telegram_html(text).unwrap_or_else(|e| panic!("{e}: {text}"));
        assert!(plain.encode_utf16().count() <= format::TELEGRAM_MESSAGE_LIMIT);
        for b in buttons(s) {
            assert!(b.1.len() < 64);
        }
    }
    sent
}

fn buttons(s: &teloxide_tests::server::SentMessageText) -> Vec<(String, String)> {
    let Some(teloxide::types::ReplyMarkup::InlineKeyboard(k)) = &s.bot_request.reply_markup else {
        return Vec::new();
    };
    k.inline_keyboard
        .iter()
        .flatten()
        .filter_map(|b| match &b.kind {
            InlineKeyboardButtonKind::CallbackData(d) => Some((b.text.clone(), d.clone())),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn a_question_gets_a_threaded_reply_citing_the_sentence() {
    let question = MockMessageText::new()
        .text("How many people attended the rally?")
        .id(77);
    let mut bot = mock(question);
    bot.dispatch().await;
    let sent = sent(&bot);
    assert_eq!(sent.len(), 1);
    let reply = &sent[0].bot_request;
    assert_eq!(
        reply.reply_parameters.as_ref().map(|r| r.message_id.0),
        Some(77)
    );
    assert!(reply.text.starts_with("<b>50,000</b>"), "{}", reply.text);
    assert!(
        reply
            .text
            .contains("<blockquote>Lukashenko’s press service stated 50,000 <b>people</b>"),
        "{}",
        reply.text
    );
    assert!(reply.text.contains("paragraph 4, sentence 1"));
    let labels: Vec<String> = buttons(&sent[0]).into_iter().map(|b| b.0).collect();
    assert_eq!(labels, ["More passages", "Context"]);
    for (_, data) in buttons(&sent[0]) {
        assert!(CallbackData::parse(&data).is_some(), "{data}");
    }
}

#[tokio::test]
async fn an_unanswerable_question_is_declined_with_suggestions() {
    let mut bot = mock(MockMessageText::new().text("What is the capital of France?"));
    bot.dispatch().await;
    let sent = sent(&bot);
    let text = &sent[0].bot_request.text;
    assert!(text.contains("does not answer"), "{text}");
    assert!(!text.contains("blockquote"), "nothing is cited: {text}");
    assert!(
        text.contains("Call for mass strikes"),
        "a heading is suggested: {text}"
    );
    assert!(
        !buttons(&sent[0]).is_empty(),
        "example questions are offered"
    );
}

#[tokio::test]
async fn start_shows_the_article_and_example_buttons_that_ask_them() {
    let mut bot = mock(MockMessageText::new().text("/start"));
    bot.dispatch().await;
    let replies = sent(&bot);
    let text = &replies[0].bot_request.text;
    assert!(text.contains("Belarus protests"), "{text}");
    assert!(text.contains("sentences"));
    let examples = buttons(&replies[0]);
    assert_eq!(examples.len(), 3, "{examples:?}");
    assert_eq!(examples[0].1, "x:0");

    bot.update(MockCallbackQuery::new().data("x:0"));
    bot.dispatch().await;
    let sent = sent(&bot);
    assert!(
        sent[0].bot_request.text.contains("<blockquote>"),
        "the example is answered"
    );
    assert_eq!(bot.get_responses().answered_callback_queries.len(), 1);
}

#[tokio::test]
async fn help_about_and_source() {
    let mut bot = mock(MockMessageText::new().text("/help"));
    bot.dispatch().await;
    let help = &sent(&bot)[0].bot_request.text;
    assert!(
        help.contains("/source") && help.contains("@test_bot"),
        "{help}"
    );

    bot.update(MockMessageText::new().text("/about"));
    bot.dispatch().await;
    assert!(sent(&bot)[0].bot_request.text.contains("sentences"));

    bot.update(MockMessageText::new().text("/source 4"));
    bot.dispatch().await;
    let source = &sent(&bot)[0].bot_request.text;
    assert!(
        source.contains("paragraph 4 of") && source.contains("press service"),
        "{source}"
    );

    for bad in ["/source 99", "/source x<b>", "/source"] {
        bot.update(MockMessageText::new().text(bad));
        bot.dispatch().await;
        let text = &sent(&bot)[0].bot_request.text;
        assert!(text.contains("/source N"), "{bad}: {text}");
    }
}

#[tokio::test]
async fn non_text_gets_one_polite_line_and_long_text_is_cut() {
    let mut bot = mock(MockMessageSticker::new());
    bot.dispatch().await;
    let text = &sent(&bot)[0].bot_request.text;
    assert!(text.contains("only read text"), "{text}");

    let long = format!(
        "How many people attended the rally? {}",
        "blah ".repeat(300)
    );
    bot.update(MockMessageText::new().text(&long));
    bot.dispatch().await;
    let text = &sent(&bot)[0].bot_request.text;
    assert!(text.contains("first 500 characters"), "{text}");
}

#[tokio::test]
async fn in_groups_only_mentions_replies_and_commands_are_answered() {
    let group = MockSupergroupChat::new().build();
    let mut bot = mock(
        MockMessageText::new()
            .text("How many people attended the rally?")
            .chat(group.clone()),
    );
    bot.dispatch().await;
    assert!(sent(&bot).is_empty(), "plain group chatter is ignored");

    bot.update(
        MockMessageText::new()
            .text("@test_bot how many people attended the rally?")
            .chat(group.clone()),
    );
    bot.dispatch().await;
    assert!(sent(&bot)[0].bot_request.text.contains("50,000"));

    let me = MockUser::new()
        .id(MockMe::ID)
        .is_bot(true)
        .username("test_bot")
        .build();
    let mine = MockMessageText::new()
        .text("an answer")
        .from(me)
        .chat(group.clone())
        .id(500)
        .build();
    bot.update(
        MockMessageText::new()
            .text("Who is the opposition candidate?")
            .chat(group.clone())
            .reply_to_message(mine),
    );
    bot.dispatch().await;
    assert!(sent(&bot)[0].bot_request.text.contains("Tikhanovskaya"));

    bot.update(
        MockMessageText::new()
            .text("/help@test_bot")
            .chat(group.clone()),
    );
    bot.dispatch().await;
    assert!(sent(&bot)[0].bot_request.text.contains("How to ask"));

    bot.update(MockMessageSticker::new().chat(group));
    bot.dispatch().await;
    assert!(sent(&bot).is_empty(), "stickers in groups are ignored");
}

#[tokio::test]
async fn more_passages_and_context_buttons() {
    // "More passages" for a question the bot does not remember: recovered from the reply.
    let question = MockMessageText::new()
        .text("How many people attended the rally?")
        .id(10)
        .build();
    let answer = MockMessageText::new()
        .text("50,000")
        .id(11)
        .reply_to_message(question)
        .build();
    let more = CallbackData::More {
        question: 999_999_999,
        from: 1,
    };
    let mut bot = mock(MockCallbackQuery::new().data(more.encode()).message(answer));
    bot.dispatch().await;
    let sent1 = sent(&bot);
    let text = &sent1[0].bot_request.text;
    assert!(
        text.contains("More passages for") && text.contains("2. "),
        "{text}"
    );
    assert_eq!(bot.get_responses().answered_callback_queries.len(), 1);

    let context = CallbackData::Context(citebot::retrieve::SentenceRef {
        doc: 0,
        paragraph: 3,
        sentence: 0,
    });
    bot.update(MockCallbackQuery::new().data(context.encode()));
    bot.dispatch().await;
    let text = &sent(&bot)[0].bot_request.text;
    assert!(
        text.contains("<blockquote expandable>") && text.contains("<b>Lukashenko’s press service"),
        "{text}"
    );
    assert!(text.contains("/source 4"));

    for bad in ["nonsense", "c:9:9:9", "x:42"] {
        bot.update(MockCallbackQuery::new().data(bad));
        bot.dispatch().await;
        assert_eq!(
            bot.get_responses().answered_callback_queries.len(),
            1,
            "{bad} is answered"
        );
    }
}
