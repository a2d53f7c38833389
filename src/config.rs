//! The bot's configuration: read from the environment (and `.env`) once, validated, and kept
//! in one value. The bot token is a [`Secret`] that never prints itself.

use std::fmt;
use std::time::Duration;

use url::Url;

/// The environment variable holding the bot token from @BotFather.
pub const TOKEN_VAR: &str = "TELOXIDE_TOKEN";
/// The environment variable with another Bot API server (a local one, or a test fake).
pub const API_URL_VAR: &str = "TELOXIDE_API_URL";
/// `on` (default) or `off`: the Throttle adaptor that keeps sends under Telegram's limits.
pub const THROTTLE_VAR: &str = "CITEBOT_THROTTLE";
/// Milliseconds an answer may take before the bot shows "typing…".
pub const TYPING_AFTER_VAR: &str = "CITEBOT_TYPING_AFTER_MS";
/// Example questions for /start, separated by `|` (kept when the engine answers them).
pub const EXAMPLES_VAR: &str = "CITEBOT_EXAMPLES";
/// Seconds a getUpdates long poll waits for news.
pub const POLL_TIMEOUT_VAR: &str = "CITEBOT_POLL_TIMEOUT_SECS";
/// Seconds any Bot API request may take (on top of the long-poll timeout) before it is
/// abandoned and retried.
pub const HTTP_TIMEOUT_VAR: &str = "CITEBOT_HTTP_TIMEOUT_SECS";
/// Flood control: questions one user may ask per window (0 turns flood control off).
pub const FLOOD_MAX_VAR: &str = "CITEBOT_FLOOD_MAX";
/// Flood control: the window, in seconds.
pub const FLOOD_WINDOW_VAR: &str = "CITEBOT_FLOOD_WINDOW_SECS";
/// Answers computed at once, at most.
pub const MAX_CONCURRENT_VAR: &str = "CITEBOT_MAX_CONCURRENT";
/// Updates taken from the Bot API per batch (the queue length), 1-100.
pub const MAX_QUEUE_VAR: &str = "CITEBOT_MAX_QUEUE";
/// Optional allowlist: comma-separated chat ids (users' ids for private chats); empty = all.
pub const ALLOWED_CHATS_VAR: &str = "ALLOWED_CHAT_IDS";

/// A value that must not be printed: `Debug` and `Display` show `<redacted>`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret.
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The secret itself, for the one place that needs it (the HTTP client).
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// `text` with every occurrence of the secret, and anything shaped like a Bot API token in
    /// a URL path (`/bot123:abc.../`), replaced by `<redacted>`.
    pub fn redact(&self, text: &str) -> String {
        let text = if self.0.is_empty() {
            text.to_string()
        } else {
            text.replace(&self.0, "<redacted>")
        };
        redact_tokens(&text)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Replaces anything that looks like a bot token (`digits:21+ url-safe chars`) by
/// `<redacted>`, wherever it stands (URL paths such as `/bot<token>/getMe` included).
pub fn redact_tokens(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit()) {
            let digits_end = i + bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            if bytes.get(digits_end) == Some(&b':') {
                let tail = bytes[digits_end + 1..]
                    .iter()
                    .take_while(|b| is_token_byte(**b))
                    .count();
                if tail >= 21 {
                    out.push_str(&text[copied..i]);
                    out.push_str("<redacted>");
                    i = digits_end + 1 + tail;
                    copied = i;
                    continue;
                }
            }
            i = digits_end;
            continue;
        }
        i += 1;
    }
    out.push_str(&text[copied..]);
    out
}

fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Everything wrong with the configuration, each as one line the operator can act on.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    /// No token.
    #[error("{TOKEN_VAR} is not set: create a bot with @BotFather and put its token in .env (see .env.example)")]
    MissingToken,
    /// A token that cannot be one.
    #[error("{TOKEN_VAR} does not look like a bot token (expected digits, a colon and about 35 letters, digits, - or _, like 123456789:AAE...); check .env")]
    MalformedToken,
    /// A URL that does not parse.
    #[error("{API_URL_VAR} is not a valid http(s) URL: {0}")]
    BadApiUrl(String),
    /// Any other variable with a bad value.
    #[error("{name} has an invalid value {value:?}: {expected}")]
    BadValue {
        /// The variable.
        name: &'static str,
        /// What it held.
        value: String,
        /// What it should hold.
        expected: &'static str,
    },
}

/// The bot's settings.
#[derive(Debug, Clone)]
pub struct BotConfig {
    /// The bot token.
    pub token: Secret,
    /// Another Bot API server, when set.
    pub api_url: Option<Url>,
    /// Whether sends go through the Throttle adaptor.
    pub throttle: bool,
    /// How long an answer may take before a typing indicator is sent.
    pub typing_after: Duration,
    /// The getUpdates long-poll timeout.
    pub poll_timeout: Duration,
    /// Example questions given by the operator (may be empty).
    pub examples: Vec<String>,
    /// How long a request may take beyond the long-poll timeout.
    pub http_timeout: Duration,
    /// Flood control and the allowlist.
    pub limits: Limits,
}

/// Abuse limits: per-user flood control, an optional chat allowlist, bounded work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Questions a user may ask per `flood_window` (0 = unlimited).
    pub flood_max: u32,
    /// The flood-control window.
    pub flood_window: Duration,
    /// Chats (or users, for inline queries) the bot serves; `None` = everyone.
    pub allowed_chats: Option<Vec<i64>>,
    /// Answers computed at once, at most.
    pub max_concurrent: usize,
    /// Updates fetched and queued per batch, at most (the Bot API allows 100).
    pub max_queue: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            flood_max: 20,
            flood_window: Duration::from_secs(60),
            allowed_chats: None,
            max_concurrent: 4,
            max_queue: 100,
        }
    }
}

impl BotConfig {
    /// Reads and validates the configuration from the process environment.
    pub fn from_env() -> Result<BotConfig, ConfigError> {
        BotConfig::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads and validates the configuration through `get` (the environment, or a map in tests).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<BotConfig, ConfigError> {
        let value = |name: &str| {
            get(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let token = value(TOKEN_VAR).ok_or(ConfigError::MissingToken)?;
        if !looks_like_token(&token) {
            return Err(ConfigError::MalformedToken);
        }
        let api_url = match value(API_URL_VAR) {
            None => None,
            Some(raw) => {
                let url = Url::parse(&raw).map_err(|e| ConfigError::BadApiUrl(e.to_string()))?;
                if !matches!(url.scheme(), "http" | "https") {
                    return Err(ConfigError::BadApiUrl(format!("scheme {:?}", url.scheme())));
                }
                Some(url)
            }
        };
        let throttle = match value(THROTTLE_VAR)
            .map(|v| v.to_ascii_lowercase())
            .as_deref()
        {
            None | Some("on" | "true" | "1" | "yes") => true,
            Some("off" | "false" | "0" | "no") => false,
            Some(other) => {
                return Err(ConfigError::BadValue {
                    name: THROTTLE_VAR,
                    value: other.to_string(),
                    expected: "on or off",
                })
            }
        };
        let typing_after = Duration::from_millis(number(&value, TYPING_AFTER_VAR, 400, 60_000)?);
        let poll_timeout = Duration::from_secs(number(&value, POLL_TIMEOUT_VAR, 10, 50)?);
        let examples = value(EXAMPLES_VAR)
            .map(|v| {
                v.split('|')
                    .map(|q| q.trim().to_string())
                    .filter(|q| !q.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let http_timeout = Duration::from_secs(number(&value, HTTP_TIMEOUT_VAR, 30, 600)?.max(1));
        let defaults = Limits::default();
        let allowed_chats = match value(ALLOWED_CHATS_VAR) {
            None => None,
            Some(raw) => {
                let ids: Result<Vec<i64>, _> = raw
                    .split([',', ' ', ';'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::parse::<i64>)
                    .collect();
                match ids {
                    Ok(ids) if !ids.is_empty() => Some(ids),
                    Ok(_) => None,
                    Err(_) => {
                        return Err(ConfigError::BadValue {
                            name: ALLOWED_CHATS_VAR,
                            value: raw,
                            expected: "comma-separated chat ids, e.g. 12345,-1001234567890",
                        })
                    }
                }
            }
        };
        let limits = Limits {
            flood_max: number(&value, FLOOD_MAX_VAR, defaults.flood_max.into(), 100_000)? as u32,
            flood_window: Duration::from_secs(
                number(
                    &value,
                    FLOOD_WINDOW_VAR,
                    defaults.flood_window.as_secs(),
                    86_400,
                )?
                .max(1),
            ),
            allowed_chats,
            max_concurrent: number(
                &value,
                MAX_CONCURRENT_VAR,
                defaults.max_concurrent as u64,
                256,
            )?
            .max(1) as usize,
            max_queue: number(&value, MAX_QUEUE_VAR, defaults.max_queue as u64, 100)?.max(1)
                as usize,
        };
        Ok(BotConfig {
            token: Secret::new(token),
            api_url,
            throttle,
            typing_after,
            poll_timeout,
            examples,
            http_timeout,
            limits,
        })
    }
}

fn number(
    value: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: u64,
    max: u64,
) -> Result<u64, ConfigError> {
    match value(name) {
        None => Ok(default),
        Some(raw) => raw
            .parse::<u64>()
            .ok()
            .filter(|n| *n <= max)
            .ok_or(ConfigError::BadValue {
                name,
                value: raw,
                expected: "a whole number in range (see .env.example)",
            }),
    }
}

/// `digits:secret`, as @BotFather hands them out (`123456789:AAE...`, 35 characters after the
/// colon); a little slack on the length for test tokens and future formats.
pub fn looks_like_token(token: &str) -> bool {
    let Some((id, secret)) = token.split_once(':') else {
        return false;
    };
    !id.is_empty()
        && id.len() <= 20
        && id.bytes().all(|b| b.is_ascii_digit())
        && (21..=100).contains(&secret.len())
        && secret.bytes().all(is_token_byte)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::{redact_tokens, BotConfig, ConfigError, Secret};

    const TOKEN: &str = "123456789:AAEabcdefghijklmnopqrstuvwxyz012345";

    fn config(vars: &[(&str, &str)]) -> Result<BotConfig, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        BotConfig::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn token_is_required_and_checked() {
        assert_eq!(config(&[]).unwrap_err(), ConfigError::MissingToken);
        assert_eq!(
            config(&[("TELOXIDE_TOKEN", " ")]).unwrap_err(),
            ConfigError::MissingToken
        );
        for bad in [
            "abc",
            "123456",
            "12ab:AAEabcdefghijklmnopqrstuvwxyz012345",
            "1:short",
            "1:has space in it 0123456789xx",
        ] {
            assert_eq!(
                config(&[("TELOXIDE_TOKEN", bad)]).unwrap_err(),
                ConfigError::MalformedToken,
                "{bad}"
            );
        }
        let ok = config(&[("TELOXIDE_TOKEN", TOKEN)]).unwrap();
        assert_eq!(ok.token.expose(), TOKEN);
        assert!(ok.throttle);
        assert!(ok.api_url.is_none());
    }

    #[test]
    fn errors_are_one_line_and_never_show_the_token() {
        let err = config(&[("TELOXIDE_TOKEN", "123:not-a-token")])
            .unwrap_err()
            .to_string();
        assert!(!err.contains('\n'));
        assert!(!err.contains("not-a-token"), "{err}");
    }

    #[test]
    fn options_are_parsed() {
        let c = config(&[
            ("TELOXIDE_TOKEN", TOKEN),
            ("TELOXIDE_API_URL", "http://127.0.0.1:8081/"),
            ("CITEBOT_THROTTLE", "off"),
            ("CITEBOT_TYPING_AFTER_MS", "0"),
        ])
        .unwrap();
        assert!(!c.throttle);
        assert_eq!(c.api_url.unwrap().as_str(), "http://127.0.0.1:8081/");
        assert_eq!(c.typing_after.as_millis(), 0);
        assert!(config(&[("TELOXIDE_TOKEN", TOKEN), ("CITEBOT_THROTTLE", "maybe")]).is_err());
        assert!(config(&[("TELOXIDE_TOKEN", TOKEN), ("TELOXIDE_API_URL", "ftp://x")]).is_err());
        assert!(config(&[("TELOXIDE_TOKEN", TOKEN), ("CITEBOT_TYPING_AFTER_MS", "-1")]).is_err());
    }

    #[test]
    fn limits_are_parsed() {
        let d = config(&[("TELOXIDE_TOKEN", TOKEN)]).unwrap();
        assert_eq!(d.limits, super::Limits::default());
        assert_eq!(d.http_timeout.as_secs(), 30);
        let c = config(&[
            ("TELOXIDE_TOKEN", TOKEN),
            ("CITEBOT_FLOOD_MAX", "3"),
            ("CITEBOT_FLOOD_WINDOW_SECS", "10"),
            ("CITEBOT_MAX_CONCURRENT", "2"),
            ("CITEBOT_MAX_QUEUE", "50"),
            ("CITEBOT_HTTP_TIMEOUT_SECS", "5"),
            ("ALLOWED_CHAT_IDS", "12345, -100987"),
        ])
        .unwrap();
        assert_eq!(c.limits.flood_max, 3);
        assert_eq!(c.limits.flood_window.as_secs(), 10);
        assert_eq!(c.limits.max_concurrent, 2);
        assert_eq!(c.limits.max_queue, 50);
        assert_eq!(c.http_timeout.as_secs(), 5);
        assert_eq!(c.limits.allowed_chats, Some(vec![12345, -100987]));
        for (k, v) in [
            ("ALLOWED_CHAT_IDS", "12,abc"),
            ("CITEBOT_MAX_QUEUE", "101"),
            ("CITEBOT_FLOOD_MAX", "x"),
        ] {
            assert!(
                config(&[("TELOXIDE_TOKEN", TOKEN), (k, v)]).is_err(),
                "{k}={v}"
            );
        }
    }

    #[test]
    fn the_secret_does_not_print_itself() {
        let c = config(&[("TELOXIDE_TOKEN", TOKEN)]).unwrap();
        let shown = format!("{c:?} {}", c.token);
        assert!(!shown.contains("AAEabc"), "{shown}");
        assert!(shown.contains("<redacted>"));
    }

    #[test]
    fn tokens_are_redacted_from_error_text() {
        let secret = Secret::new(TOKEN);
        let text =
            format!("error sending request for url (http://127.0.0.1:9/bot{TOKEN}/SendMessage)");
        let clean = secret.redact(&text);
        assert!(!clean.contains("AAEabc"), "{clean}");
        assert!(clean.contains("/bot<redacted>/SendMessage"), "{clean}");
        let other = "https://api.telegram.org/bot42:ZZZabcdefghijklmnopqrstuvwxyz/getMe";
        assert_eq!(
            redact_tokens(other),
            "https://api.telegram.org/bot<redacted>/getMe"
        );
        assert_eq!(
            redact_tokens("port 127.0.0.1:8080 and 10:30"),
            "port 127.0.0.1:8080 and 10:30"
        );
    }
}
