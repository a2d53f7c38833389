//! End to end: the real `citebot` binary against a fake Bot API server on 127.0.0.1 (no
//! network). The fake serves a short session through getUpdates, injects a dropped connection
//! at getMe, a 429 with retry_after and a dropped connection on sendMessage and a non-JSON
//! answer, and records what the bot sends; then the bot is stopped with SIGTERM.

use std::collections::VecDeque;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const TOKEN: &str = "123456:fake-token-for-tests-0123456789abcdefABCDEF";
const SECRET_PART: &str = "fake-token-for-tests";
const BOT_ID: i64 = 4242;
const USER: i64 = 1001;
const GROUP: i64 = -2002;

/// One request the bot made.
#[derive(Debug, Clone)]
struct Call {
    method: String,
    body: Value,
    /// What the fake did: "ok", "429", "dropped", "non-json".
    outcome: &'static str,
}

#[derive(Default)]
struct Fake {
    updates: VecDeque<Value>,
    calls: Vec<Call>,
    next_message_id: i64,
    faults: Vec<(&'static str, usize, &'static str)>,
    counts: std::collections::HashMap<String, usize>,
    last_offset: i64,
}

enum Action {
    Respond(u16, String),
    Drop,
}

impl Fake {
    fn route(&mut self, method: &str, body: Value) -> Action {
        let method = method.to_ascii_lowercase();
        let n = {
            let c = self.counts.entry(method.clone()).or_default();
            *c += 1;
            *c
        };
        let fault = self
            .faults
            .iter()
            .find(|(m, i, _)| *m == method && *i == n)
            .map(|f| f.2);
        let outcome = fault.unwrap_or("ok");
        if method != "getupdates" {
            self.calls.push(Call {
                method: method.clone(),
                body: body.clone(),
                outcome,
            });
        }
        match fault {
            Some("dropped") => return Action::Drop,
            Some("429") => {
                return Action::Respond(
                    429,
                    json!({"ok": false, "error_code": 429, "description": "Too Many Requests: retry after 1", "parameters": {"retry_after": 1}}).to_string(),
                )
            }
            Some("non-json") => return Action::Respond(200, "<html>upstream glitch</html>".to_string()),
            _ => {}
        }
        let result = match method.as_str() {
            "getme" => json!({
                "id": BOT_ID, "is_bot": true, "first_name": "Citebot", "username": "citebot_test_bot",
                "can_join_groups": true, "can_read_all_group_messages": false,
                "supports_inline_queries": true, "can_connect_to_business": false, "has_main_web_app": false
            }),
            "getupdates" => {
                let offset = body["offset"].as_i64().unwrap_or(0);
                self.last_offset = self.last_offset.max(offset);
                while self
                    .updates
                    .front()
                    .is_some_and(|u| u["update_id"].as_i64().unwrap_or(0) < offset)
                {
                    self.updates.pop_front();
                }
                Value::Array(self.updates.iter().cloned().collect())
            }
            "sendmessage" => {
                self.next_message_id += 1;
                let chat = body["chat_id"].as_i64().unwrap_or(0);
                let mut m = json!({
                    "message_id": 5000 + self.next_message_id,
                    "date": 1_700_000_000,
                    "chat": chat_json(chat),
                    "from": bot_user(),
                    "text": body["text"].clone(),
                });
                if let Some(markup) = body.get("reply_markup") {
                    m["reply_markup"] = markup.clone();
                }
                m
            }
            _ => json!(true),
        };
        Action::Respond(200, json!({"ok": true, "result": result}).to_string())
    }

    fn sent(&self) -> Vec<&Call> {
        self.calls
            .iter()
            .filter(|c| c.method == "sendmessage" && c.outcome == "ok")
            .collect()
    }
}

fn bot_user() -> Value {
    json!({"id": BOT_ID, "is_bot": true, "first_name": "Citebot", "username": "citebot_test_bot"})
}

fn user() -> Value {
    json!({"id": USER, "is_bot": false, "first_name": "Ann", "language_code": "en"})
}

fn chat_json(id: i64) -> Value {
    if id < 0 {
        json!({"id": id, "type": "supergroup", "title": "Readers"})
    } else {
        json!({"id": id, "type": "private", "first_name": "Ann"})
    }
}

fn text_message(update_id: i64, message_id: i64, chat: i64, text: &str) -> Value {
    let mut m = json!({
        "message_id": message_id, "date": 1_700_000_000, "chat": chat_json(chat), "from": user(), "text": text
    });
    if text.starts_with('/') {
        let len = text
            .split_whitespace()
            .next()
            .unwrap_or("")
            .encode_utf16()
            .count();
        m["entities"] = json!([{"type": "bot_command", "offset": 0, "length": len}]);
    }
    json!({"update_id": update_id, "message": m})
}

fn sticker_message(update_id: i64, message_id: i64) -> Value {
    json!({"update_id": update_id, "message": {
        "message_id": message_id, "date": 1_700_000_000, "chat": chat_json(USER), "from": user(),
        "sticker": {"width": 512, "height": 512, "emoji": "\u{1f44d}", "is_animated": false, "is_video": false,
                    "type": "regular", "file_id": "CAACAgIAAxk", "file_unique_id": "AgAD2QcAAsE", "file_size": 1000}
    }})
}

async fn serve_connection(mut sock: TcpStream, fake: Arc<Mutex<Fake>>) {
    let mut buf: Vec<u8> = Vec::new();
    loop {
        let head_end = loop {
            if let Some(p) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break p;
            }
            let mut tmp = [0u8; 16384];
            match sock.read(&mut tmp).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&tmp[..n]),
            }
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
        let length: usize = head
            .lines()
            .find_map(|l| {
                let (k, v) = l.split_once(':')?;
                k.trim()
                    .eq_ignore_ascii_case("content-length")
                    .then(|| v.trim().parse().ok())?
            })
            .unwrap_or(0);
        while buf.len() < head_end + 4 + length {
            let mut tmp = [0u8; 16384];
            match sock.read(&mut tmp).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&tmp[..n]),
            }
        }
        let body: Value = serde_json::from_slice(&buf[head_end + 4..head_end + 4 + length])
            .unwrap_or(Value::Null);
        buf.drain(..head_end + 4 + length);
        let path = head.split_whitespace().nth(1).unwrap_or("").to_string();
        assert!(
            path.contains(TOKEN),
            "the bot calls /bot<token>/<method>: {path}"
        );
        let method = path.rsplit('/').next().unwrap_or("").to_string();
        let mut action = fake.lock().unwrap().route(&method, body.clone());
        // An empty getUpdates is a short long poll.
        let empty = matches!(&action, Action::Respond(_, b) if b.contains("\"result\":[]"));
        if method.eq_ignore_ascii_case("getupdates")
            && empty
            && body["timeout"].as_i64().unwrap_or(0) > 0
        {
            tokio::time::sleep(Duration::from_millis(300)).await;
            action = fake.lock().unwrap().route(&method, body);
        }
        match action {
            Action::Drop => return,
            Action::Respond(status, text) => {
                let reason = if status == 200 {
                    "OK"
                } else {
                    "Too Many Requests"
                };
                let response = format!(
                    "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{text}",
                    text.len()
                );
                if sock.write_all(response.as_bytes()).await.is_err() {
                    return;
                }
            }
        }
    }
}

async fn wait_for(
    fake: &Arc<Mutex<Fake>>,
    what: &str,
    timeout: Duration,
    done: impl Fn(&Fake) -> bool,
) {
    let start = Instant::now();
    while !done(&fake.lock().unwrap()) {
        assert!(start.elapsed() < timeout, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn reply_to(call: &Call) -> Option<i64> {
    call.body["reply_parameters"]["message_id"]
        .as_i64()
        .or_else(|| call.body["reply_to_message_id"].as_i64())
}

fn check_html(call: &Call) {
    let text = call.body["text"].as_str().unwrap_or("");
    assert_eq!(call.body["parse_mode"], "HTML", "{text}");
    let plain = citebot::format::parse_telegram_html(text)
        .unwrap_or_else(|e| panic!("invalid HTML ({e}): {text}"));
    assert!(!plain.trim().is_empty());
    assert!(
        plain.encode_utf16().count() < 4096,
        "too long: {}",
        plain.len()
    );
    if let Some(rows) = call.body["reply_markup"]["inline_keyboard"].as_array() {
        for b in rows
            .iter()
            .flat_map(|r| r.as_array().cloned().unwrap_or_default())
        {
            assert!(b["callback_data"].as_str().unwrap_or("").len() < 64);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_answers_through_a_fake_bot_api_and_stops_on_sigterm() {
    let started = Instant::now();
    let fake = Arc::new(Mutex::new(Fake::default()));
    fake.lock().unwrap().faults = vec![
        ("getme", 1, "dropped"),
        ("sendmessage", 2, "429"),
        ("sendmessage", 4, "dropped"),
        ("sendchataction", 1, "non-json"),
    ];
    let questions = [
        (2, "How many people attended the rally?"),
        (3, "Who is the opposition candidate?"),
        (4, "What did the EU do?"),
        (5, "What is the capital of France?"),
    ];
    {
        let mut f = fake.lock().unwrap();
        f.updates.push_back(text_message(1, 101, USER, "/start"));
        for (i, q) in questions {
            f.updates.push_back(text_message(i, 100 + i, USER, q));
        }
        f.updates.push_back(sticker_message(6, 106));
        f.updates.push_back(json!({"update_id": 7, "inline_query": {
            "id": "iq-7", "from": user(), "query": "Who is the opposition candidate?", "offset": "", "chat_type": "private"
        }}));
        f.updates.push_back(text_message(
            8,
            108,
            GROUP,
            "Unrelated chatter about the weekend",
        ));
        f.updates.push_back(text_message(
            9,
            109,
            GROUP,
            "@citebot_test_bot where did Tikhanovskaya go into exile?",
        ));
    }
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let server_fake = Arc::clone(&fake);
    tokio::spawn(async move {
        while let Ok((sock, _)) = listener.accept().await {
            tokio::spawn(serve_connection(sock, Arc::clone(&server_fake)));
        }
    });

    let work = tempfile::tempdir().unwrap();
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_citebot"))
        .current_dir(work.path())
        .env("TELOXIDE_TOKEN", TOKEN)
        .env("TELOXIDE_API_URL", format!("http://127.0.0.1:{port}/"))
        .env("CITEBOT_DATA_DIR", &data)
        .env("CITEBOT_INDEX_DIR", work.path().join("index"))
        .env("CITEBOT_LOG", "debug")
        .env("CITEBOT_TYPING_AFTER_MS", "0")
        .env("CITEBOT_POLL_TIMEOUT_SECS", "1")
        .env_remove("CITEBOT_THROTTLE")
        .env_remove("CITEBOT_EXAMPLES")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let log_task = tokio::spawn(async move {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s).await;
        s
    });

    // /start, four questions, the sticker and the group mention: seven replies.
    wait_for(&fake, "seven replies", Duration::from_secs(90), |f| {
        f.sent().len() >= 7
    })
    .await;
    wait_for(&fake, "the inline answer", Duration::from_secs(10), |f| {
        f.calls.iter().any(|c| c.method == "answerinlinequery")
    })
    .await;

    // Press "More passages" and "Context" under the first answer.
    let (answer_id, buttons) = {
        let f = fake.lock().unwrap();
        let sent = f.sent();
        let answer = sent
            .iter()
            .find(|c| reply_to(c) == Some(102))
            .expect("an answer to question 2");
        let keyboard = answer.body["reply_markup"]["inline_keyboard"].clone();
        let data: Vec<String> = keyboard
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r.as_array().unwrap().clone())
            .map(|b| b["callback_data"].as_str().unwrap().to_string())
            .collect();
        let id = f
            .calls
            .iter()
            .filter(|c| c.method == "sendmessage" && c.outcome == "ok")
            .position(|c| reply_to(c) == Some(102))
            .unwrap();
        (5001 + id as i64, data)
    };
    assert_eq!(buttons.len(), 2, "More passages and Context: {buttons:?}");
    {
        let mut f = fake.lock().unwrap();
        for (i, data) in buttons.iter().enumerate() {
            f.updates.push_back(json!({"update_id": 10 + i as i64, "callback_query": {
                "id": format!("cb-{i}"), "from": user(), "chat_instance": "ci-1", "data": data,
                "message": {"message_id": answer_id, "date": 1_700_000_000, "chat": chat_json(USER),
                            "from": bot_user(), "text": "answer"}
            }}));
        }
    }
    wait_for(&fake, "button replies", Duration::from_secs(30), |f| {
        f.sent().len() >= 9
    })
    .await;

    // Stop: SIGTERM, exit status 0, received updates acknowledged.
    let pid = child.id().unwrap();
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = tokio::time::timeout(Duration::from_secs(20), child.wait())
        .await
        .expect("the bot stops within 20 s of SIGTERM")
        .unwrap();
    let log = log_task.await.unwrap();
    assert!(exit.success(), "exit status {exit:?}\n{log}");
    assert!(
        !log.contains(SECRET_PART),
        "the token leaked into the log:\n{log}"
    );

    let f = fake.lock().unwrap();
    assert!(
        f.last_offset >= 12,
        "updates acknowledged up to {}",
        f.last_offset
    );
    let outcomes: Vec<&str> = f.calls.iter().map(|c| c.outcome).collect();
    for fault in ["dropped", "429", "non-json"] {
        assert!(outcomes.contains(&fault), "fault {fault} was injected");
    }
    assert!(
        f.calls
            .iter()
            .any(|c| c.method == "getme" && c.outcome == "ok"),
        "getMe retried"
    );
    let commands = f
        .calls
        .iter()
        .find(|c| c.method == "setmycommands")
        .expect("setMyCommands");
    let names: Vec<&str> = commands.body["commands"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["command"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["start", "help", "about", "source"]);
    assert!(f.calls.iter().any(|c| c.method == "sendchataction"));

    let sent = f.sent();
    for c in &sent {
        check_html(c);
    }
    let reply_for = |id: i64| -> String {
        let c = sent
            .iter()
            .find(|c| reply_to(c) == Some(id))
            .unwrap_or_else(|| panic!("no reply to {id}"));
        c.body["text"].as_str().unwrap().to_string()
    };
    assert!(reply_for(101).contains("Belarus"));
    let rally = reply_for(102);
    assert!(rally.contains("<b>50,000</b>"), "{rally}");
    assert!(
        rally.contains("press service stated 50,000"),
        "the article's sentence is cited: {rally}"
    );
    assert!(rally.contains("paragraph 4, sentence 1"), "{rally}");
    assert!(reply_for(103).contains("Svetlana Tikhanovskaya"));
    assert!(reply_for(104).contains("EU"));
    let unanswerable = reply_for(105);
    assert!(unanswerable.contains("does not answer"), "{unanswerable}");
    assert!(
        !unanswerable.contains("<blockquote>"),
        "nothing unrelated is cited"
    );
    assert!(reply_for(106).contains("only read text"));
    assert!(reply_for(109).contains("Lithuania"), "{}", reply_for(109));
    assert!(
        !sent.iter().any(|c| reply_to(c) == Some(108)),
        "group chatter is ignored"
    );
    let inline = f
        .calls
        .iter()
        .find(|c| c.method == "answerinlinequery")
        .unwrap();
    let results = inline.body["results"].as_array().unwrap();
    assert!((1..=5).contains(&results.len()));
    assert!(results[0]["input_message_content"]["message_text"]
        .as_str()
        .unwrap()
        .contains("Tikhanovskaya"));
    let button_replies: Vec<String> = sent
        .iter()
        .filter(|c| reply_to(c) == Some(answer_id))
        .map(|c| c.body["text"].as_str().unwrap().to_string())
        .collect();
    assert!(
        button_replies.iter().any(|t| t.contains("More passages")),
        "{button_replies:?}"
    );
    assert!(
        button_replies
            .iter()
            .any(|t| t.contains("blockquote expandable")),
        "{button_replies:?}"
    );
    assert_eq!(
        f.calls
            .iter()
            .filter(|c| c.method == "answercallbackquery")
            .count(),
        2
    );

    // The transcript, for `cargo test -- --nocapture`.
    println!(
        "--- transcript through the fake Bot API ({:.1} s) ---",
        started.elapsed().as_secs_f32()
    );
    let asked = |id: i64| -> String {
        match id {
            101 => "/start".to_string(),
            106 => "[sticker]".to_string(),
            109 => "(group) @citebot_test_bot where did Tikhanovskaya go into exile?".to_string(),
            _ => questions
                .iter()
                .find(|q| 100 + q.0 == id)
                .map(|q| q.1.to_string())
                .unwrap_or_default(),
        }
    };
    for c in &sent {
        let to = reply_to(c).unwrap_or(0);
        let who = if to == answer_id {
            "[button]".to_string()
        } else {
            asked(to)
        };
        let plain = citebot::format::parse_telegram_html(c.body["text"].as_str().unwrap()).unwrap();
        let buttons: Vec<String> = c.body["reply_markup"]["inline_keyboard"]
            .as_array()
            .map(|rows| {
                rows.iter()
                    .flat_map(|r| r.as_array().cloned().unwrap_or_default())
                    .map(|b| format!("[{}]", b["text"].as_str().unwrap_or("")))
                    .collect()
            })
            .unwrap_or_default();
        println!(
            "\nuser> {who}\nbot>  {}\n      {}",
            plain.replace('\n', "\n      "),
            buttons.join(" ")
        );
    }
    println!("\nuser> (inline) @citebot_test_bot Who is the opposition candidate?");
    for r in results {
        println!(
            "      * {} \u{2014} {}",
            r["title"].as_str().unwrap(),
            r["description"].as_str().unwrap()
        );
    }
    println!("\nfaults survived: {outcomes:?}");
}
