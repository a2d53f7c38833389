//! The bad-input corpus (`tests/bad_inputs/corpus.txt`, `callbacks.txt`): every input goes
//! through the engine and the Telegram formatting in-process, and through the real binary's
//! handlers (messages, group mentions, inline queries, forged button presses) against the fake
//! Bot API. Each gets a reply Telegram would accept (valid HTML, under 4096 characters) or is
//! ignored by design, and nothing panics.

mod common;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Duration;

use serde_json::json;

use citebot::engine::{Engine, EngineConfig};
use citebot::format::{self, CallbackData, Reply};
use citebot::telegram::handlers::Question;

use common::{
    bot_user, chat_json, check_html, spawn_bot, start_fake, user, wait_for, BOT_USERNAME,
};

/// Reads a corpus file: one input a line, with `\n`, `\t`, `\r`, `\0`, `\\`, `\u{HEX}`
/// escapes, `<empty>`, and `@repeat N TEXT`; lines starting with `# ` are comments.
pub fn read_corpus(name: &str) -> Vec<String> {
    let path = format!("{}/tests/bad_inputs/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .filter(|l| !l.starts_with("# "))
        .map(|line| {
            if line == "<empty>" {
                return String::new();
            }
            if let Some(rest) = line.strip_prefix("@repeat ") {
                let (n, what) = rest.split_once(' ').unwrap();
                return unescape(what).repeat(n.parse().unwrap());
            }
            // "/source @repeat 40 9": a repeat after a prefix.
            if let Some(at) = line.find(" @repeat ") {
                let rest = &line[at + " @repeat ".len()..];
                let (n, what) = rest.split_once(' ').unwrap();
                return format!(
                    "{} {}",
                    &line[..at],
                    unescape(what).repeat(n.parse().unwrap())
                );
            }
            unescape(line)
        })
        .collect()
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('0') => out.push('\0'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                assert_eq!(chars.next(), Some('{'));
                let hex: String = chars.by_ref().take_while(|c| *c != '}').collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// What Telegram would refuse in a message, or `None` when it would accept it.
fn refusal(html: &str) -> Option<String> {
    match format::parse_telegram_html(html) {
        Err(e) => Some(format!("invalid HTML: {e}")),
        Ok(plain) if plain.trim().is_empty() => Some("empty message".to_string()),
        Ok(plain) if plain.encode_utf16().count() > format::TELEGRAM_MESSAGE_LIMIT => {
            Some(format!("{} characters", plain.encode_utf16().count()))
        }
        Ok(_) => None,
    }
}

fn check_reply(reply: &Reply, problems: &mut Vec<String>, what: &str) {
    if let Some(p) = refusal(&reply.html) {
        problems.push(format!("{what}: {p}"));
    }
    for b in reply.keyboard.iter().flatten() {
        if b.data.len() > format::CALLBACK_DATA_LIMIT || CallbackData::parse(&b.data).is_none() {
            problems.push(format!("{what}: bad button data {:?}", b.data));
        }
        if b.label.trim().is_empty() {
            problems.push(format!("{what}: empty button label"));
        }
    }
}

fn engine() -> (tempfile::TempDir, Engine) {
    let dir = tempfile::tempdir().unwrap();
    let config = EngineConfig {
        data_dir: common::data_dir(),
        index_dir: dir.path().join("index"),
    };
    let (engine, _) = Engine::open(&config).unwrap();
    (dir, engine)
}

#[test]
fn the_corpus_is_large_enough() {
    let inputs = read_corpus("corpus.txt");
    assert!(inputs.len() >= 200, "{} inputs", inputs.len());
    assert!(inputs.iter().any(|i| i.chars().count() == 100_000));
    assert!(inputs.iter().any(|i| i.chars().count() == 4096));
    assert!(inputs.iter().any(String::is_empty));
    assert!(inputs.iter().any(|i| i.contains('\0')));
    assert!(read_corpus("callbacks.txt").len() >= 40);
}

#[test]
fn every_input_through_the_engine_and_the_telegram_formatting() {
    let (_dir, engine) = engine();
    let docs = engine.documents();
    let suggestions = format::suggestions(docs, 3);
    let examples = vec!["How many people attended the rally?".to_string()];
    let mut problems = Vec::new();
    let mut panics = Vec::new();
    let inputs = read_corpus("corpus.txt");
    let callbacks = read_corpus("callbacks.txt");
    for input in inputs.iter().chain(&callbacks) {
        let short: String = input.chars().take(40).collect();
        let result = catch_unwind(AssertUnwindSafe(|| {
            let q = Question::new(input);
            let answer = engine.ask(&q.text, 10);
            check_reply(
                &format::answer_reply(&answer, 7, q.cut, &suggestions, &examples),
                &mut problems,
                &format!("answer to {short:?}"),
            );
            for from in [1, 3, 9, 999] {
                check_reply(
                    &format::more_reply(&answer, 7, from),
                    &mut problems,
                    &format!("more {from} for {short:?}"),
                );
            }
            for a in format::inline_articles(&answer) {
                if let Some(p) = refusal(&a.html) {
                    problems.push(format!("inline for {short:?}: {p}"));
                }
                if a.title.trim().is_empty() {
                    problems.push(format!("inline for {short:?}: empty title"));
                }
            }
            for part in format::source_messages(docs, input) {
                if let Some(p) = refusal(&part) {
                    problems.push(format!("/source {short:?}: {p}"));
                }
            }
            if let Some(data) = CallbackData::parse(input) {
                assert_eq!(CallbackData::parse(&data.encode()), Some(data));
            }
            let _ = format::shorten(input, 30);
            assert_eq!(
                format::parse_telegram_html(&format::escape_html(input)).as_deref(),
                Ok(input.as_str())
            );
        }));
        if result.is_err() {
            panics.push(short);
        }
    }
    assert!(panics.is_empty(), "panicked on {panics:?}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Inline queries are at most 256 characters; messages are sent as they are (Telegram caps
/// them at 4096, the bot must cope with more).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_input_through_the_bot_handlers() {
    let inputs = read_corpus("corpus.txt");
    let callbacks = read_corpus("callbacks.txt");
    let (fake, port) = start_fake().await;
    let mut bot = spawn_bot(port, &[("CITEBOT_LOG", "info")]);
    let mut private = Vec::new();
    let mut group = Vec::new();
    let mut inline = Vec::new();
    let mut pressed = Vec::new();
    {
        let mut f = fake.lock().unwrap();
        for (i, input) in inputs.iter().enumerate() {
            let chat = 1000 + (i % 20) as i64;
            private.push((f.push_text(chat, input), input.clone()));
            group.push((
                f.push_text(-3000, &format!("@{BOT_USERNAME} {input}")),
                input.clone(),
            ));
            let query: String = input.chars().take(256).collect();
            let id = format!("iq-{i}");
            f.push_update(json!({"inline_query": {
                "id": id, "from": user(chat), "query": query, "offset": "", "chat_type": "private"
            }}));
            inline.push(id);
        }
        for (i, data) in callbacks.iter().chain(&inputs).enumerate() {
            let id = format!("cb-{i}");
            let chat = 2000 + (i % 10) as i64;
            f.push_update(json!({"callback_query": {
                "id": id, "from": user(chat), "chat_instance": "ci", "data": data,
                "message": {"message_id": 7000 + i, "date": 1_700_000_000, "chat": chat_json(chat),
                            "from": bot_user(), "text": "an earlier answer"}
            }}));
            pressed.push(id);
        }
    }
    let total = private.len() + group.len();
    wait_for(
        &fake,
        "every message answered",
        Duration::from_secs(240),
        |f| {
            private
                .iter()
                .chain(&group)
                .all(|(id, _)| f.replies_to(*id) >= 1)
                && f.calls
                    .iter()
                    .filter(|c| c.method == "answerinlinequery")
                    .count()
                    >= inline.len()
                && f.calls
                    .iter()
                    .filter(|c| c.method == "answercallbackquery")
                    .count()
                    >= pressed.len()
        },
    )
    .await;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    assert!(bot.running(), "the bot survives the corpus");
    {
        let f = fake.lock().unwrap();
        for (id, input) in private.iter().chain(&group) {
            let short: String = input.chars().take(40).collect();
            assert_eq!(f.replies_to(*id), 1, "one reply to {short:?}");
        }
        for c in f.sent() {
            check_html(c);
        }
        for id in &inline {
            let answers: Vec<_> = f
                .calls
                .iter()
                .filter(|c| {
                    c.method == "answerinlinequery" && c.body["inline_query_id"] == *id.as_str()
                })
                .collect();
            assert_eq!(answers.len(), 1, "inline query {id} answered once");
            for r in answers[0].body["results"].as_array().unwrap() {
                let html = r["input_message_content"]["message_text"].as_str().unwrap();
                assert!(refusal(html).is_none(), "{html}");
                assert!(!r["title"].as_str().unwrap().trim().is_empty());
            }
        }
        for id in &pressed {
            let n = f
                .calls
                .iter()
                .filter(|c| {
                    c.method == "answercallbackquery" && c.body["callback_query_id"] == *id.as_str()
                })
                .count();
            assert_eq!(n, 1, "button {id} answered once");
        }
    }
    let (status, log) = bot.stop().await;
    assert!(status.success());
    assert!(!log.contains("panicked"), "{log}");
    assert!(!log.contains(common::SECRET_PART));
    println!(
        "{total} messages, {} inline queries, {} button presses: all answered once",
        inline.len(),
        pressed.len()
    );
}
