//! Callback data from Telegram (forged, stale, anything): parsing never panics, and whatever
//! parses encodes back to data that parses to the same thing, within 64 bytes.
#![no_main]

use citebot::format::{self, CallbackData};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(parsed) = CallbackData::parse(&text) {
        let encoded = parsed.encode();
        assert!(encoded.len() <= format::CALLBACK_DATA_LIMIT);
        assert_eq!(CallbackData::parse(&encoded), Some(parsed));
    }
    let escaped = format::escape_html(&text);
    assert_eq!(format::parse_telegram_html(&escaped).as_deref(), Ok(text.as_ref()));
});
