//! Faults, restarts and secrets: the real binary against the fake Bot API in `common`.
//! Every question asked must be answered exactly once, whatever the fake does; the process
//! must keep running and say in its log what happened, without ever printing the token.

mod common;

use std::time::{Duration, Instant};

use common::{check_html, free_port, spawn_bot, start_fake, start_fake_on, wait_for, Fault};

const QUESTIONS: [&str; 5] = [
    "How many people attended the rally?",
    "Who is the opposition candidate?",
    "What did the EU do?",
    "Where did Tikhanovskaya go?",
    "What is the capital of France?",
];

/// One row of the closing table.
fn row(fault: &str, method: &str, asked: usize, answered: usize, duplicated: usize, secs: f32) {
    println!("| {fault} | {method} | {asked} | {answered} | {duplicated} | {secs:.1} s |");
}

/// For each fault: inject it on the next `method` call, ask three questions from three chats,
/// and check each is answered exactly once and the log names the fault.
async fn faults_on(method: &str, faults: &[(Fault, &str)]) {
    let (fake, port) = start_fake().await;
    let mut bot = spawn_bot(port, &[]);
    bot.wait_log("connected to the Bot API", Duration::from_secs(60))
        .await;
    let mut chat = 10;
    for (fault, says) in faults {
        let started = Instant::now();
        let ids: Vec<i64> = {
            let mut f = fake.lock().unwrap();
            f.inject(method, *fault);
            (0..3)
                .map(|i| {
                    chat += 1;
                    f.push_text(chat, QUESTIONS[(chat as usize + i) % QUESTIONS.len()])
                })
                .collect()
        };
        let what = format!("answers despite {}", fault.name());
        wait_for(&fake, &what, Duration::from_secs(90), |f| {
            ids.iter().all(|id| f.replies_to(*id) >= 1)
        })
        .await;
        let secs = started.elapsed().as_secs_f32();
        // Time for a duplicate to show up, if there were to be one: a slow answer must be
        // waited for in full (a client giving up would resend after its timeout).
        let settle = match fault {
            Fault::Slow(d) => *d + Duration::from_secs(2),
            _ => Duration::from_millis(1500),
        };
        tokio::time::sleep(settle).await;
        let f = fake.lock().unwrap();
        assert!(
            f.calls.iter().any(|c| c.fault == Some(*fault)),
            "{} was injected",
            fault.name()
        );
        let answered = ids.iter().filter(|id| f.replies_to(**id) >= 1).count();
        let duplicated: usize = ids
            .iter()
            .map(|id| f.replies_to(*id).saturating_sub(1))
            .sum();
        row(&fault.name(), method, ids.len(), answered, duplicated, secs);
        assert_eq!(answered, ids.len());
        assert_eq!(duplicated, 0, "{} answered twice", fault.name());
        drop(f);
        assert!(
            bot.running(),
            "the bot keeps running after {}",
            fault.name()
        );
        let log = bot.log();
        assert!(
            log.contains(says),
            "the log says {says:?} for {}:\n{log}",
            fault.name()
        );
    }
    for c in fake.lock().unwrap().sent() {
        check_html(c);
    }
    bot.assert_no_token();
    let (status, log) = bot.stop().await;
    assert!(status.success(), "{status:?}\n{log}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn faults_on_send_message() {
    faults_on(
        "sendMessage",
        &[
            (Fault::TooMany(1), "flood control: 429 with retry_after"),
            (Fault::Internal, "a server error at the Bot API"),
            (Fault::BadGateway, "the answer is not JSON"),
            (Fault::Dropped, "the connection failed or dropped"),
            (Fault::NonJson, "the answer is not JSON"),
            // Processed at once, answered after 20 s: the client waits (its timeout is the
            // long poll plus CITEBOT_HTTP_TIMEOUT_SECS, 30 s), so nothing is sent twice.
            (Fault::Slow(Duration::from_secs(20)), "answered"),
        ],
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn faults_on_get_updates() {
    faults_on(
        "getUpdates",
        &[
            (Fault::TooMany(1), "getUpdates: flood control (429)"),
            (Fault::Internal, "getUpdates failed, retrying"),
            (Fault::BadGateway, "is not JSON"),
            (Fault::Dropped, "the connection dropped"),
            (Fault::NonJson, "is not JSON"),
            (Fault::Slow(Duration::from_secs(20)), "received updates"),
            (
                Fault::Conflict,
                "409 Conflict: another instance of this bot is polling",
            ),
        ],
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unreachable_at_start_keeps_retrying_then_serves() {
    let port = free_port();
    let mut bot = spawn_bot(port, &[]);
    // Nothing listens: getMe fails and is retried with growing delays.
    bot.wait_log("the Bot API is unreachable", Duration::from_secs(60))
        .await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let log = bot.log();
    let attempts = log.matches("(the Bot API is unreachable)").count();
    assert!(attempts >= 3, "getMe retried with backoff:\n{log}");
    // The delays grow: 250 ms, 500 ms, 1 s, 2 s...
    assert!(log.contains("250") && log.contains("1000"), "{log}");
    assert!(bot.running(), "the bot does not give up");
    let (fake, _) = start_fake_on(port).await;
    let id = fake.lock().unwrap().push_text(7, QUESTIONS[0]);
    wait_for(
        &fake,
        "an answer once reachable",
        Duration::from_secs(60),
        |f| f.replies_to(id) == 1,
    )
    .await;
    row("unreachable at start", "getMe", 1, 1, 0, 0.0);
    bot.assert_no_token();
    let (status, _) = bot.stop().await;
    assert!(status.success());
}

/// 100 questions from 10 chats, streamed; the bot is stopped with `signal` after about a third
/// are answered, restarted, and must answer the rest. Returns (answered, duplicated).
async fn restart_mid_stream(signal: &str) -> (usize, usize) {
    let (fake, port) = start_fake().await;
    // Slow sends (processed, answered after 150 ms) stretch each batch so the signal lands
    // in the middle of one.
    for _ in 0..400 {
        fake.lock()
            .unwrap()
            .inject("sendMessage", Fault::Slow(Duration::from_millis(150)));
    }
    let env = [("CITEBOT_MAX_QUEUE", "10")];
    let bot = spawn_bot(port, &env);
    bot.wait_log("connected to the Bot API", Duration::from_secs(60))
        .await;
    let mut ids = Vec::new();
    let feeder = {
        let fake = std::sync::Arc::clone(&fake);
        tokio::spawn(async move {
            let mut ids = Vec::new();
            for i in 0..100usize {
                let chat = 500 + (i % 10) as i64;
                ids.push(
                    fake.lock()
                        .unwrap()
                        .push_text(chat, QUESTIONS[i % QUESTIONS.len()]),
                );
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            ids
        })
    };
    wait_for(&fake, "a third answered", Duration::from_secs(60), |f| {
        f.sent().len() >= 33
    })
    .await;
    let before = fake.lock().unwrap().sent().len();
    let log = if signal == "KILL" {
        let mut bot = bot;
        bot.signal("KILL");
        let _ = bot.child.wait().await;
        bot.log()
    } else {
        let (status, log) = bot.stop().await;
        assert!(status.success(), "{status:?}\n{log}");
        log
    };
    assert!(!log.contains(common::SECRET_PART));
    ids.extend(feeder.await.unwrap());
    let bot = spawn_bot(port, &env);
    wait_for(&fake, "all 100 answered", Duration::from_secs(90), |f| {
        ids.iter().all(|id| f.replies_to(*id) >= 1)
    })
    .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let (status, _) = bot.stop().await;
    assert!(status.success());
    let f = fake.lock().unwrap();
    let answered = ids.iter().filter(|id| f.replies_to(**id) >= 1).count();
    let duplicated: usize = ids
        .iter()
        .map(|id| f.replies_to(*id).saturating_sub(1))
        .sum();
    println!("{signal}: {before} answers before the signal");
    row(
        &format!("SIG{signal} mid-stream + restart"),
        "-",
        100,
        answered,
        duplicated,
        0.0,
    );
    (answered, duplicated)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_mid_stream_then_restart_answers_all_once() {
    let (answered, duplicated) = restart_mid_stream("TERM").await;
    assert_eq!(answered, 100);
    assert_eq!(
        duplicated, 0,
        "a graceful stop acknowledges what it answered"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_mid_stream_then_restart_loses_nothing() {
    let (answered, duplicated) = restart_mid_stream("KILL").await;
    assert_eq!(answered, 100, "at-least-once: nothing lost");
    // A hard kill can only repeat the one batch in hand (CITEBOT_MAX_QUEUE = 10 updates).
    assert!(duplicated <= 10, "{duplicated} duplicates");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_never_appears_even_at_trace_level_and_on_errors() {
    let (fake, port) = start_fake().await;
    {
        let mut f = fake.lock().unwrap();
        f.inject("getMe", Fault::Dropped);
        f.inject("getMe", Fault::Internal);
        f.inject("getUpdates", Fault::NonJson);
        f.inject("getUpdates", Fault::Conflict);
        f.inject("sendMessage", Fault::Dropped);
        f.inject("sendMessage", Fault::TooMany(1));
    }
    let mut bot = spawn_bot(port, &[("CITEBOT_LOG", "trace")]);
    let id = fake.lock().unwrap().push_text(9, QUESTIONS[1]);
    wait_for(&fake, "the answer", Duration::from_secs(90), |f| {
        f.replies_to(id) == 1
    })
    .await;
    assert!(bot.running());
    let (status, log) = bot.stop().await;
    assert!(status.success());
    assert!(
        log.contains("TRACE") || log.contains("DEBUG"),
        "verbose logging is on"
    );
    assert!(
        !log.contains(common::SECRET_PART),
        "token in the trace log:\n{log}"
    );
    assert!(
        log.contains("redacted"),
        "errors naming the URL are redacted:\n{log}"
    );

    // A token the Bot API refuses: the bot exits with one line, still without the token.
    let refused = start_refusing_fake().await;
    let mut bot = spawn_bot(refused, &[("CITEBOT_LOG", "trace")]);
    let status = tokio::time::timeout(Duration::from_secs(60), bot.child.wait())
        .await
        .expect("a refused token ends the bot")
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let log = bot.log();
    assert!(!status.success());
    assert!(log.contains("is TELOXIDE_TOKEN right?"), "{log}");
    assert!(!log.contains(common::SECRET_PART), "{log}");
}

/// A fake that answers 401 Unauthorized to everything.
async fn start_refusing_fake() -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 16384];
                while let Ok(n) = sock.read(&mut buf).await {
                    if n == 0 {
                        break;
                    }
                    let body = r#"{"ok":false,"error_code":401,"description":"Unauthorized"}"#;
                    let r = format!("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}", body.len());
                    if sock.write_all(r.as_bytes()).await.is_err() {
                        break;
                    }
                }
            });
        }
    });
    port
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn flood_control_and_allowlist() {
    let (fake, port) = start_fake().await;
    let env = [
        ("CITEBOT_FLOOD_MAX", "3"),
        ("CITEBOT_FLOOD_WINDOW_SECS", "60"),
        ("ALLOWED_CHAT_IDS", "21,22"),
    ];
    let bot = spawn_bot(port, &env);
    bot.wait_log("connected to the Bot API", Duration::from_secs(60))
        .await;
    let (flooder, calm, stranger) = {
        let mut f = fake.lock().unwrap();
        let flooder: Vec<i64> = (0..8).map(|i| f.push_text(21, QUESTIONS[i % 5])).collect();
        let calm: Vec<i64> = (0..2).map(|i| f.push_text(22, QUESTIONS[i])).collect();
        let stranger: Vec<i64> = (0..3).map(|i| f.push_text(23, QUESTIONS[i])).collect();
        (flooder, calm, stranger)
    };
    wait_for(&fake, "replies", Duration::from_secs(60), |f| {
        calm.iter().all(|id| f.replies_to(*id) == 1) && f.replies_to(stranger[0]) == 1
    })
    .await;
    wait_for(
        &fake,
        "the flooder's replies",
        Duration::from_secs(60),
        |f| f.replies_to(flooder[3]) == 1,
    )
    .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    {
        let f = fake.lock().unwrap();
        let text = |id: i64| -> String {
            f.sent()
                .iter()
                .find(|c| common::reply_to(c) == Some(id))
                .map(|c| c.body["text"].as_str().unwrap_or("").to_string())
                .unwrap_or_default()
        };
        for id in &flooder[..3] {
            assert_eq!(f.replies_to(*id), 1);
        }
        assert!(
            text(flooder[3]).contains("faster than I can answer"),
            "{}",
            text(flooder[3])
        );
        for id in &flooder[4..] {
            assert_eq!(f.replies_to(*id), 0, "dropped after the one slow-down");
        }
        for id in &calm {
            assert!(!text(*id).contains("faster"), "other users are unaffected");
        }
        assert!(
            text(stranger[0]).contains("private bot"),
            "{}",
            text(stranger[0])
        );
        assert_eq!(
            f.replies_to(stranger[1]) + f.replies_to(stranger[2]),
            0,
            "one line only"
        );
        for c in f.sent() {
            check_html(c);
        }
    }
    let (status, log) = bot.stop().await;
    assert!(status.success());
    assert!(log.contains("flood control"), "{log}");
    assert!(log.contains("not on the allowlist"), "{log}");
}
