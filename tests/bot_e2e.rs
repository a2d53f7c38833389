//! End to end: the real `citebot` binary against a fake Bot API server on 127.0.0.1 (no
//! network). The fake serves a short session through getUpdates, injects a dropped connection
//! at getMe, a 429 with retry_after and a dropped connection on sendMessage and a non-JSON
//! answer, and records what the bot sends; then the bot is stopped with SIGTERM.

mod common;

use std::time::{Duration, Instant};

use serde_json::json;

use common::{
    bot_user, chat_json, check_html, reply_to, spawn_bot, start_fake, sticker_message,
    text_message, user, wait_for, Fault, SECRET_PART,
};

const USER: i64 = 1001;
const GROUP: i64 = -2002;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_answers_through_a_fake_bot_api_and_stops_on_sigterm() {
    let started = Instant::now();
    let (fake, port) = start_fake().await;
    let questions = [
        (2, "How many people attended the rally?"),
        (3, "Who is the opposition candidate?"),
        (4, "What did the EU do?"),
        (5, "What is the capital of France?"),
    ];
    {
        let mut f = fake.lock().unwrap();
        // The first getMe, the second and the fourth sendMessage, the first sendChatAction.
        f.inject("getMe", Fault::Dropped);
        f.inject_after("sendMessage", 1, Fault::TooMany(1));
        f.inject_after("sendMessage", 1, Fault::Dropped);
        f.inject("sendChatAction", Fault::NonJson);
        f.updates.push_back(text_message(1, 101, USER, "/start"));
        for (i, q) in questions {
            f.updates.push_back(text_message(i, 100 + i, USER, q));
        }
        f.updates.push_back(sticker_message(6, 106, USER));
        f.updates.push_back(json!({"update_id": 7, "inline_query": {
            "id": "iq-7", "from": user(USER), "query": "Who is the opposition candidate?", "offset": "", "chat_type": "private"
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
    // Unlike the other tests, the bot builds its index on its first start (not the shared one),
    // shows "typing…" at once, and keeps the default throttle and flood control (an empty
    // value is the default).
    let index = tempfile::tempdir().expect("a temporary folder for the index");
    let index_dir = index.path().join("index");
    let bot = spawn_bot(
        port,
        &[
            (
                "CITEBOT_INDEX_DIR",
                index_dir
                    .to_str()
                    .expect("the temporary folder has a UTF-8 path"),
            ),
            ("CITEBOT_TYPING_AFTER_MS", "0"),
            ("CITEBOT_THROTTLE", ""),
            ("CITEBOT_FLOOD_MAX", ""),
        ],
    );

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
        let position = sent
            .iter()
            .position(|c| reply_to(c) == Some(102))
            .expect("an answer to question 2");
        let answer = sent[position];
        let keyboard = answer.body["reply_markup"]["inline_keyboard"].clone();
        let data: Vec<String> = keyboard
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|r| r.as_array().unwrap().clone())
            .map(|b| b["callback_data"].as_str().unwrap().to_string())
            .collect();
        // The fake numbers the messages it delivers from 5001 on.
        (5001 + position as i64, data)
    };
    assert_eq!(buttons.len(), 2, "More passages and Context: {buttons:?}");
    {
        let mut f = fake.lock().unwrap();
        for (i, data) in buttons.iter().enumerate() {
            f.updates.push_back(json!({"update_id": 10 + i as i64, "callback_query": {
                "id": format!("cb-{i}"), "from": user(USER), "chat_instance": "ci-1", "data": data,
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
    let (exit, log) = bot.stop_within(Duration::from_secs(20)).await;
    assert!(exit.success(), "exit status {exit:?}\n{log}");
    assert!(
        !log.contains(SECRET_PART),
        "the token leaked into the log:\n{log}"
    );
    assert!(
        log.contains("built the index from"),
        "the bot built its own index:\n{log}"
    );

    let f = fake.lock().unwrap();
    assert!(
        f.last_offset >= 12,
        "updates acknowledged up to {}",
        f.last_offset
    );
    let faults: Vec<Fault> = f.calls.iter().filter_map(|c| c.fault).collect();
    for fault in [Fault::Dropped, Fault::TooMany(1), Fault::NonJson] {
        assert!(
            faults.contains(&fault),
            "fault {} was injected",
            fault.name()
        );
    }
    assert!(
        f.calls
            .iter()
            .any(|c| c.method == "getme" && c.fault.is_none()),
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
    let names: Vec<String> = faults.iter().map(Fault::name).collect();
    println!("\nfaults survived: {names:?}");
}
