//! question -> Engine::ask -> Telegram HTML (answer, "More passages", inline results, /source):
//! nothing panics and every message is valid Telegram HTML under 4096 characters.
#![no_main]

use std::sync::OnceLock;

use citebot::engine::{Engine, EngineConfig};
use citebot::format;
use citebot::telegram::handlers::Question;
use libfuzzer_sys::fuzz_target;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<(tempfile_dir::Dir, Engine)> = OnceLock::new();
    &ENGINE
        .get_or_init(|| {
            let dir = tempfile_dir::Dir::new();
            let config = EngineConfig {
                data_dir: concat!(env!("CARGO_MANIFEST_DIR"), "/../data").into(),
                index_dir: dir.0.join("index"),
            };
            let (engine, _) = Engine::open(&config).expect("the engine opens");
            (dir, engine)
        })
        .1
}

mod tempfile_dir {
    /// A scratch folder for the index, removed at exit.
    pub struct Dir(pub std::path::PathBuf);
    impl Dir {
        pub fn new() -> Dir {
            let p = std::env::temp_dir().join(format!("citebot-fuzz-{}", std::process::id()));
            std::fs::create_dir_all(&p).unwrap();
            Dir(p)
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

fn check(html: &str) {
    let plain = format::parse_telegram_html(html)
        .unwrap_or_else(|e| panic!("invalid Telegram HTML ({e}): {html}"));
    assert!(plain.encode_utf16().count() <= format::TELEGRAM_MESSAGE_LIMIT);
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let engine = engine();
    let q = Question::new(&text);
    let answer = engine.ask(&q.text, 10);
    let reply = format::answer_reply(&answer, 1, q.cut, &[], &[]);
    check(&reply.html);
    for b in reply.keyboard.iter().flatten() {
        assert!(b.data.len() <= format::CALLBACK_DATA_LIMIT);
    }
    check(&format::more_reply(&answer, 1, 1).html);
    for a in format::inline_articles(&answer) {
        check(&a.html);
    }
    for part in format::source_messages(engine.documents(), &text) {
        check(&part);
    }
});
