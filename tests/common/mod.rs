//! A fake Bot API on 127.0.0.1 for end-to-end tests of the real binary, with fault injection
//! (429 retry_after, 500, 502, a dropped connection, a non-JSON answer, a slow answer, 409
//! Conflict), and helpers to run the bot and read its logs. No network is used. It also keeps
//! the instants the bench needs (`benches/bot.rs`): when each message was first handed out
//! by getUpdates and when each call arrived.
#![allow(dead_code)]

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;

pub const TOKEN: &str = "123456:fake-token-for-tests-0123456789abcdefABCDEF";
pub const SECRET_PART: &str = "fake-token-for-tests";
pub const BOT_ID: i64 = 4242;
pub const BOT_USERNAME: &str = "citebot_test_bot";

/// A fault the fake injects on one call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// 429 Too Many Requests with `retry_after` seconds.
    TooMany(u32),
    /// 500 with a JSON error body, as the Bot API sends.
    Internal,
    /// 502 with an HTML body, as a proxy in front of the Bot API sends.
    BadGateway,
    /// The connection is closed without an answer (the request was not processed).
    Dropped,
    /// 200 with a body that is not JSON.
    NonJson,
    /// The request is processed, but the answer comes only after this long.
    Slow(Duration),
    /// 409 Conflict: another getUpdates is running.
    Conflict,
}

impl Fault {
    pub fn name(&self) -> String {
        match self {
            Fault::TooMany(s) => format!("429 retry_after={s}"),
            Fault::Internal => "500".to_string(),
            Fault::BadGateway => "502".to_string(),
            Fault::Dropped => "dropped connection".to_string(),
            Fault::NonJson => "non-JSON".to_string(),
            Fault::Slow(d) => format!("slow {} s", d.as_secs()),
            Fault::Conflict => "409 Conflict".to_string(),
        }
    }
}

/// One request the bot made.
#[derive(Debug, Clone)]
pub struct Call {
    pub method: String,
    pub body: Value,
    /// The fault injected, if any.
    pub fault: Option<Fault>,
    /// Whether the fake processed it (a sent message counts as delivered).
    pub delivered: bool,
    /// When the fake read it.
    pub at: Instant,
}

#[derive(Default)]
pub struct Fake {
    pub updates: VecDeque<Value>,
    pub calls: Vec<Call>,
    next_message_id: i64,
    next_update_id: i64,
    /// Faults for the next calls of a method (lower-case name), in order; `None` is a call
    /// answered normally.
    faults: HashMap<String, VecDeque<Option<Fault>>>,
    pub last_offset: i64,
    pub get_updates_calls: usize,
    /// getUpdates calls that handed out at least one update.
    pub nonempty_polls: usize,
    /// Message id -> when getUpdates first handed out the update carrying it.
    pub handed_out: HashMap<i64, Instant>,
    /// Woken when an update is queued, so a waiting long poll answers at once.
    arrived: Arc<Notify>,
}

enum Action {
    Respond(u16, String, Option<Duration>),
    Drop,
}

impl Fake {
    /// The next call of `method` gets `fault`.
    pub fn inject(&mut self, method: &str, fault: Fault) {
        self.inject_after(method, 0, fault);
    }

    /// Queues, after what is queued already for `method`, `clean` calls answered normally and
    /// then one with `fault`: on a fresh fake, `inject_after("sendMessage", 1, f)` faults the
    /// second sendMessage.
    pub fn inject_after(&mut self, method: &str, clean: usize, fault: Fault) {
        let queue = self.faults.entry(method.to_ascii_lowercase()).or_default();
        queue.extend(std::iter::repeat_n(None, clean));
        queue.push_back(Some(fault));
    }

    /// Queues a text message from `chat` (a private chat with the user of the same id);
    /// returns its message id (unique across the fake).
    pub fn push_text(&mut self, chat: i64, text: &str) -> i64 {
        self.next_update_id += 1;
        let message_id = 100_000 + self.next_update_id;
        let update = text_message(self.next_update_id, message_id, chat, text);
        self.updates.push_back(update);
        self.arrived.notify_waiters();
        message_id
    }

    /// Queues any update; its `update_id` is set by the fake.
    pub fn push_update(&mut self, mut update: Value) -> i64 {
        self.next_update_id += 1;
        update["update_id"] = json!(self.next_update_id);
        self.updates.push_back(update);
        self.arrived.notify_waiters();
        self.next_update_id
    }

    fn route(&mut self, method: &str, body: &Value) -> Action {
        let at = Instant::now();
        let method = method.to_ascii_lowercase();
        let fault = self
            .faults
            .get_mut(&method)
            .and_then(VecDeque::pop_front)
            .flatten();
        let delivered = matches!(fault, None | Some(Fault::Slow(_)));
        if method == "getupdates" {
            self.get_updates_calls += 1;
        }
        if method != "getupdates" || fault.is_some() {
            self.calls.push(Call {
                method: method.clone(),
                body: body.clone(),
                fault,
                delivered,
                at,
            });
        }
        let error = |code: u16, description: &str, extra: Value| {
            let mut v = json!({"ok": false, "error_code": code, "description": description});
            if !extra.is_null() {
                v["parameters"] = extra;
            }
            Action::Respond(code, v.to_string(), None)
        };
        let delay = match fault {
            Some(Fault::Dropped) => return Action::Drop,
            Some(Fault::TooMany(s)) => {
                return error(
                    429,
                    &format!("Too Many Requests: retry after {s}"),
                    json!({"retry_after": s}),
                )
            }
            Some(Fault::Internal) => return error(500, "Internal Server Error", Value::Null),
            Some(Fault::BadGateway) => {
                return Action::Respond(
                    502,
                    "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>".to_string(),
                    None,
                )
            }
            Some(Fault::NonJson) => {
                return Action::Respond(200, "<html>upstream glitch</html>".to_string(), None)
            }
            Some(Fault::Conflict) => {
                return error(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
                    Value::Null,
                )
            }
            Some(Fault::Slow(d)) => Some(d),
            None => None,
        };
        let result = match method.as_str() {
            "getme" => json!({
                "id": BOT_ID, "is_bot": true, "first_name": "Citebot", "username": BOT_USERNAME,
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
                let limit = body["limit"].as_u64().unwrap_or(100) as usize;
                let batch: Vec<Value> = self.updates.iter().take(limit).cloned().collect();
                if !batch.is_empty() {
                    self.nonempty_polls += 1;
                }
                for u in &batch {
                    if let Some(id) = u["message"]["message_id"].as_i64() {
                        self.handed_out.entry(id).or_insert(at);
                    }
                }
                Value::Array(batch)
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
        Action::Respond(
            200,
            json!({"ok": true, "result": result}).to_string(),
            delay,
        )
    }

    /// Messages the fake delivered.
    pub fn sent(&self) -> Vec<&Call> {
        self.calls
            .iter()
            .filter(|c| c.method == "sendmessage" && c.delivered)
            .collect()
    }

    /// How many delivered messages reply to message `id`.
    pub fn replies_to(&self, id: i64) -> usize {
        self.sent()
            .iter()
            .filter(|c| reply_to(c) == Some(id))
            .count()
    }
}

pub fn bot_user() -> Value {
    json!({"id": BOT_ID, "is_bot": true, "first_name": "Citebot", "username": BOT_USERNAME})
}

pub fn user(id: i64) -> Value {
    json!({"id": id, "is_bot": false, "first_name": "Ann", "language_code": "en"})
}

pub fn chat_json(id: i64) -> Value {
    if id < 0 {
        json!({"id": id, "type": "supergroup", "title": "Readers"})
    } else {
        json!({"id": id, "type": "private", "first_name": "Ann"})
    }
}

pub fn text_message(update_id: i64, message_id: i64, chat: i64, text: &str) -> Value {
    let from = if chat > 0 { chat } else { 1001 };
    let mut m = json!({
        "message_id": message_id, "date": 1_700_000_000, "chat": chat_json(chat), "from": user(from), "text": text
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

/// A sticker message from the user `chat` in their private chat.
pub fn sticker_message(update_id: i64, message_id: i64, chat: i64) -> Value {
    json!({"update_id": update_id, "message": {
        "message_id": message_id, "date": 1_700_000_000, "chat": chat_json(chat), "from": user(chat),
        "sticker": {"width": 512, "height": 512, "emoji": "\u{1f44d}", "is_animated": false, "is_video": false,
                    "type": "regular", "file_id": "CAACAgIAAxk", "file_unique_id": "AgAD2QcAAsE", "file_size": 1000}
    }})
}

pub fn reply_to(call: &Call) -> Option<i64> {
    call.body["reply_parameters"]["message_id"]
        .as_i64()
        .or_else(|| call.body["reply_to_message_id"].as_i64())
}

/// Checks a sent message is something Telegram accepts: HTML parse mode, valid HTML, under
/// 4096 characters, callback data under 64 bytes.
pub fn check_html(call: &Call) {
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
        let is_poll = method.eq_ignore_ascii_case("getupdates");
        let poll_wait = Duration::from_secs(body["timeout"].as_u64().unwrap_or(0).min(1));
        let started = Instant::now();
        let arrived = Arc::clone(&fake.lock().unwrap().arrived);
        let action = loop {
            // Registered before looking, so an update queued in between still wakes us.
            let notified = arrived.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            let action = fake.lock().unwrap().route(&method, &body);
            // An empty getUpdates is a long poll: wait (up to 1 s) for something to arrive.
            let empty =
                matches!(&action, Action::Respond(200, b, None) if b.contains("\"result\":[]"));
            let waited = started.elapsed();
            if is_poll && empty && waited < poll_wait {
                // Woken by a push; the timeout also covers updates queued by hand.
                let nap = (poll_wait - waited).min(Duration::from_millis(50));
                let _ = tokio::time::timeout(nap, notified).await;
                continue;
            }
            break action;
        };
        match action {
            Action::Drop => return,
            Action::Respond(status, text, delay) => {
                if let Some(d) = delay {
                    tokio::time::sleep(d).await;
                }
                let reason = match status {
                    200 => "OK",
                    409 => "Conflict",
                    429 => "Too Many Requests",
                    500 => "Internal Server Error",
                    502 => "Bad Gateway",
                    _ => "Error",
                };
                let kind = if text.starts_with('{') {
                    "application/json"
                } else {
                    "text/html"
                };
                let response = format!(
                    "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\r\n{text}",
                    text.len()
                );
                if sock.write_all(response.as_bytes()).await.is_err() {
                    return;
                }
            }
        }
    }
}

/// Starts the fake on `port` (0: any free port); returns it and the port.
pub async fn start_fake_on(port: u16) -> (Arc<Mutex<Fake>>, u16) {
    let fake = Arc::new(Mutex::new(Fake::default()));
    let listener = TcpListener::bind(("127.0.0.1", port)).await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let server_fake = Arc::clone(&fake);
    tokio::spawn(async move {
        while let Ok((sock, _)) = listener.accept().await {
            tokio::spawn(serve_connection(sock, Arc::clone(&server_fake)));
        }
    });
    (fake, port)
}

pub async fn start_fake() -> (Arc<Mutex<Fake>>, u16) {
    start_fake_on(0).await
}

/// A port nothing listens on (bound, then released).
pub fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

pub async fn wait_for(
    fake: &Arc<Mutex<Fake>>,
    what: &str,
    timeout: Duration,
    done: impl Fn(&Fake) -> bool,
) {
    let start = Instant::now();
    while !done(&fake.lock().unwrap()) {
        assert!(start.elapsed() < timeout, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The index, built once per test binary with `citebot index`, shared read-only by the bots.
pub fn shared_index() -> PathBuf {
    static INDEX: OnceLock<tempfile::TempDir> = OnceLock::new();
    let dir = INDEX.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let status = std::process::Command::new(bot_exe())
            .arg("index")
            .env("CITEBOT_DATA_DIR", data_dir())
            .env("CITEBOT_INDEX_DIR", dir.path().join("index"))
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "citebot index");
        dir
    });
    dir.path().join("index")
}

/// The binary under test: `CITEBOT_BIN` when set (the bench uses it to compare two builds),
/// otherwise the one cargo built for these tests.
pub fn bot_exe() -> PathBuf {
    std::env::var_os("CITEBOT_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_citebot")))
}

pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// The bot process with its merged stdout and stderr, read as it runs.
pub struct BotProcess {
    pub child: tokio::process::Child,
    pub log: Arc<Mutex<String>>,
    pub work: tempfile::TempDir,
}

/// Starts the real binary against `port`, with the shared index and `env` on top of test
/// defaults (debug logs, no typing indicator, 1 s long polls). An empty value in `env` gives
/// the bot's own default; a `CITEBOT_INDEX_DIR` in `env` takes the place of the shared index,
/// which is then not built.
pub fn spawn_bot(port: u16, env: &[(&str, &str)]) -> BotProcess {
    let work = tempfile::tempdir().unwrap();
    let mut cmd = tokio::process::Command::new(bot_exe());
    cmd.current_dir(work.path())
        .env("TELOXIDE_TOKEN", TOKEN)
        .env("TELOXIDE_API_URL", format!("http://127.0.0.1:{port}/"))
        .env("CITEBOT_DATA_DIR", data_dir());
    if !env.iter().any(|(k, _)| *k == "CITEBOT_INDEX_DIR") {
        cmd.env("CITEBOT_INDEX_DIR", shared_index());
    }
    cmd.env("CITEBOT_LOG", "debug")
        .env("CITEBOT_TYPING_AFTER_MS", "60000")
        .env("CITEBOT_POLL_TIMEOUT_SECS", "1")
        .env("CITEBOT_THROTTLE", "off")
        .env("CITEBOT_FLOOD_MAX", "0")
        .env_remove("CITEBOT_EXAMPLES")
        .env_remove("ALLOWED_CHAT_IDS")
        .env_remove("RUST_LOG");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let log = Arc::new(Mutex::new(String::new()));
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let l = Arc::clone(&log);
    tokio::spawn(async move {
        let mut buf = [0u8; 8192];
        while let Ok(n) = out.read(&mut buf).await {
            if n == 0 {
                break;
            }
            l.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    let l = Arc::clone(&log);
    tokio::spawn(async move {
        let mut buf = [0u8; 8192];
        while let Ok(n) = err.read(&mut buf).await {
            if n == 0 {
                break;
            }
            l.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    BotProcess { child, log, work }
}

impl BotProcess {
    pub fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    pub fn signal(&self, sig: &str) {
        let pid = self.child.id().expect("the bot is running");
        let status = std::process::Command::new("kill")
            .args([&format!("-{sig}"), &pid.to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Whether the process is still running.
    pub fn running(&mut self) -> bool {
        self.child.try_wait().unwrap().is_none()
    }

    pub async fn wait_log(&self, needle: &str, timeout: Duration) {
        let start = Instant::now();
        while !self.log().contains(needle) {
            assert!(
                start.elapsed() < timeout,
                "timed out waiting for {needle:?} in the log:\n{}",
                self.log()
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// SIGTERM, then the exit status (within 30 s).
    pub async fn stop(self) -> (std::process::ExitStatus, String) {
        self.stop_within(Duration::from_secs(30)).await
    }

    /// SIGTERM, then the exit status, which must come within `limit`.
    pub async fn stop_within(mut self, limit: Duration) -> (std::process::ExitStatus, String) {
        self.signal("TERM");
        let status = tokio::time::timeout(limit, self.child.wait())
            .await
            .unwrap_or_else(|_| panic!("the bot stops within {limit:?} of SIGTERM"))
            .unwrap();
        tokio::time::sleep(Duration::from_millis(100)).await;
        (status, self.log())
    }

    pub fn assert_no_token(&self) {
        let log = self.log();
        assert!(
            !log.contains(SECRET_PART),
            "the token leaked into the output:\n{log}"
        );
        assert!(!log.contains(TOKEN));
    }
}
