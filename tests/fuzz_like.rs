//! A deterministic stand-in for `cargo fuzz` that runs on stable in `cargo test`: random inputs
//! from a fixed seed, built from tricky pieces (markup, entities, query syntax, control
//! characters, other scripts, emoji, callback-data shapes). 20,000 inputs go through callback
//! parsing and the HTML helpers, 20,000 through the engine and the Telegram formatting.
//! The real fuzz targets are in `fuzz/` (see the README's "Fuzzing").

use citebot::engine::{Engine, EngineConfig};
use citebot::format::{self, CallbackData};
use citebot::telegram::handlers::Question;

const PIECES: &[&str] = &[
    "<",
    ">",
    "&",
    "&amp;",
    "&#",
    ";",
    "</b>",
    "<b>",
    "<blockquote>",
    "\"",
    "'",
    ":",
    "m:",
    "c:",
    "x:",
    "0",
    "1",
    "9",
    "-1",
    "4294967296",
    "999999999",
    " ",
    "\n",
    "\t",
    "\0",
    "\u{1b}",
    "\u{202e}",
    "\u{200b}",
    "\u{301}",
    "\u{fe0f}",
    "😀",
    "👨‍👩‍👧",
    "я",
    "ў",
    "і",
    "ё",
    "ℕ",
    "ß",
    "İ",
    "ﬃ",
    "AND",
    "OR",
    "NOT",
    "(",
    ")",
    "*",
    "~",
    "^",
    "+",
    "title:",
    "how many",
    "who",
    "people",
    "rally",
    "Tikhanovskaya",
    "Lukashenko",
    "EU",
    "?",
    "/source",
    "/start",
    "@",
    "citebot_test_bot",
    "https://",
    "%00",
    "$(",
    "`",
    "\\",
    "_",
    "||",
    "[",
    "]",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn input(&mut self) -> String {
        let mut s = String::new();
        let len = match self.below(10) {
            0 => self.below(400),
            1 => 0,
            _ => self.below(12),
        };
        for _ in 0..len {
            match self.below(4) {
                0 => s.push(char::from_u32(self.below(0x11_0000) as u32).unwrap_or('\u{fffd}')),
                _ => s.push_str(PIECES[self.below(PIECES.len())]),
            }
        }
        s
    }
}

fn valid(html: &str) -> bool {
    format::parse_telegram_html(html)
        .is_ok_and(|p| p.encode_utf16().count() <= format::TELEGRAM_MESSAGE_LIMIT)
}

#[test]
fn callback_data_and_html_helpers_over_20k_random_inputs() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..20_000 {
        let s = rng.input();
        if let Some(d) = CallbackData::parse(&s) {
            assert_eq!(CallbackData::parse(&d.encode()), Some(d), "{s:?}");
        }
        let escaped = format::escape_html(&s);
        assert_eq!(
            format::parse_telegram_html(&escaped).as_deref(),
            Ok(s.as_str())
        );
        let _ = format::parse_telegram_html(&s);
        let short = format::shorten(&s, 1 + rng.below(50));
        assert!(short.chars().count() <= s.chars().count() + 1);
        for part in format::split_plain(&s, 1 + rng.below(100)) {
            assert!(part.encode_utf16().count() <= 100);
        }
        assert!(format::visible_len(&escaped) <= s.encode_utf16().count());
    }
}

#[test]
fn the_engine_and_telegram_formatting_over_1k_random_questions() {
    let dir = tempfile::tempdir().unwrap();
    let config = EngineConfig {
        data_dir: concat!(env!("CARGO_MANIFEST_DIR"), "/data").into(),
        index_dir: dir.path().join("index"),
    };
    let (engine, _) = Engine::open(&config).unwrap();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for _ in 0..20_000 {
        let s = rng.input();
        let q = Question::new(&s);
        let answer = engine.ask(&q.text, 10);
        let reply = format::answer_reply(&answer, 3, q.cut, &[], &[]);
        assert!(valid(&reply.html), "{s:?}: {}", reply.html);
        assert!(valid(&format::more_reply(&answer, 3, 1).html), "{s:?}");
        for a in format::inline_articles(&answer) {
            assert!(valid(&a.html), "{s:?}");
        }
        for part in format::source_messages(engine.documents(), &s) {
            assert!(valid(&part), "{s:?}");
        }
    }
}
