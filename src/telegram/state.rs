//! The one shared state every handler gets: the engine, the example questions and suggestions
//! derived from the documents at start, and the recently asked questions buttons refer to.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::Semaphore;

use crate::config::{Limits, Secret};
use crate::engine::Engine;
use crate::format;
use crate::lexicon::Lexicon;
use crate::text;

/// How many asked questions "More passages" buttons can refer to.
const REMEMBERED_QUESTIONS: usize = 2048;
/// Citations fetched per question (the first is shown, the rest page through "More").
pub const CITATIONS_PER_QUESTION: usize = 10;

/// Shared by all handlers, behind an `Arc`.
pub struct AppState {
    /// The answer engine.
    pub engine: Arc<Engine>,
    /// Up to three questions the article answers, for /start and "not found" buttons.
    pub examples: Vec<String>,
    /// Two or three things the article covers, for "not found" replies.
    pub suggestions: Vec<String>,
    /// How long an answer may take before the typing indicator is sent.
    pub typing_after: Duration,
    /// The token, only to redact it from logged errors.
    pub secret: Secret,
    questions: Mutex<Questions>,
    /// Flood control, the allowlist and the work bound.
    pub limits: Limits,
    flood: Mutex<HashMap<i64, Flood>>,
    refused: Mutex<HashSet<i64>>,
    /// One permit per answer being computed.
    pub answers: Arc<Semaphore>,
}

/// Users tracked by flood control (and chats told they are not allowed) before old entries
/// are forgotten, so memory stays bounded.
const TRACKED_USERS: usize = 10_000;

#[derive(Default)]
struct Flood {
    asked: VecDeque<Instant>,
    warned: bool,
}

/// What flood control says about one more question from a user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admit {
    /// Answer it.
    Go,
    /// Over the limit for the first time in this window: say "slow down" once.
    SlowDown,
    /// Over the limit and already told: drop it silently.
    Drop,
}

#[derive(Default)]
struct Questions {
    next: u32,
    order: VecDeque<u32>,
    text: HashMap<u32, String>,
}

impl AppState {
    /// Builds the state; `examples` given by the operator are kept when the engine answers
    /// them, otherwise examples are derived from the documents.
    pub fn new(
        engine: Arc<Engine>,
        typing_after: Duration,
        secret: Secret,
        examples: &[String],
    ) -> AppState {
        let mut chosen: Vec<String> = examples
            .iter()
            .map(|q| q.trim().to_string())
            .filter(|q| !q.is_empty() && engine.ask(q, 1).found)
            .take(3)
            .collect();
        if chosen.is_empty() {
            chosen = derive_examples(&engine);
        }
        let suggestions = format::suggestions(engine.documents(), 3);
        AppState {
            engine,
            examples: chosen,
            suggestions,
            typing_after,
            secret,
            questions: Mutex::new(Questions::default()),
            limits: Limits {
                flood_max: 0,
                ..Limits::default()
            },
            flood: Mutex::new(HashMap::new()),
            refused: Mutex::new(HashSet::new()),
            answers: Arc::new(Semaphore::new(Limits::default().max_concurrent)),
        }
    }

    /// The same state with these limits (flood control is off until this is called).
    pub fn with_limits(mut self, limits: Limits) -> AppState {
        self.answers = Arc::new(Semaphore::new(limits.max_concurrent.max(1)));
        self.limits = limits;
        self
    }

    /// Flood control for one more question from `user` now.
    pub fn admit(&self, user: i64) -> Admit {
        self.admit_at(user, Instant::now())
    }

    /// Flood control at a given instant (for tests).
    pub fn admit_at(&self, user: i64, now: Instant) -> Admit {
        let max = self.limits.flood_max as usize;
        if max == 0 {
            return Admit::Go;
        }
        let window = self.limits.flood_window;
        let mut flood = self.flood.lock().unwrap_or_else(|e| e.into_inner());
        if flood.len() >= TRACKED_USERS && !flood.contains_key(&user) {
            flood.retain(|_, f| {
                f.asked
                    .back()
                    .is_some_and(|t| now.saturating_duration_since(*t) < window)
            });
            if flood.len() >= TRACKED_USERS {
                flood.clear();
            }
        }
        let f = flood.entry(user).or_default();
        while f
            .asked
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) >= window)
        {
            f.asked.pop_front();
        }
        if f.asked.len() < max {
            f.asked.push_back(now);
            f.warned = false;
            Admit::Go
        } else if !f.warned {
            f.warned = true;
            Admit::SlowDown
        } else {
            Admit::Drop
        }
    }

    /// Whether the allowlist lets `chat` (or, for inline queries, a user) in.
    pub fn allowed(&self, chat: i64) -> bool {
        self.limits
            .allowed_chats
            .as_ref()
            .is_none_or(|ids| ids.contains(&chat))
    }

    /// True the first time a chat that is not allowed writes (it gets one line, then silence).
    pub fn first_refusal(&self, chat: i64) -> bool {
        let mut refused = self.refused.lock().unwrap_or_else(|e| e.into_inner());
        if refused.len() >= TRACKED_USERS {
            refused.clear();
        }
        refused.insert(chat)
    }

    /// Remembers a question and returns its key for callback data.
    pub fn remember(&self, question: &str) -> u32 {
        let mut q = self.questions.lock().unwrap_or_else(|e| e.into_inner());
        let key = q.next;
        q.next = q.next.wrapping_add(1) % 1_000_000_000;
        q.order.push_back(key);
        q.text.insert(key, question.to_string());
        while q.order.len() > REMEMBERED_QUESTIONS {
            if let Some(old) = q.order.pop_front() {
                q.text.remove(&old);
            }
        }
        key
    }

    /// The question remembered under `key`, if it is still remembered.
    pub fn recall(&self, key: u32) -> Option<String> {
        let q = self.questions.lock().unwrap_or_else(|e| e.into_inner());
        q.text.get(&key).cloned()
    }
}

/// Up to three example questions the engine answers well, made from the names the documents
/// mention most (capitalised words inside sentences) and a few question patterns.
pub fn derive_examples(engine: &Engine) -> Vec<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for d in engine.documents() {
        for p in d.paragraphs.iter().filter(|p| !p.heading) {
            for s in &p.sentences {
                for w in s.text.split_whitespace().skip(1) {
                    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                    let w = w.split(['\u{2019}', '\'']).next().unwrap_or("");
                    let mut chars = w.chars();
                    let capital = chars.next().is_some_and(char::is_uppercase);
                    if capital
                        && w.chars().count() >= 4
                        && chars.all(char::is_lowercase)
                        && is_name_like(w)
                    {
                        *counts.entry(w.to_string()).or_default() += 1;
                    }
                }
            }
        }
    }
    let mut names: Vec<(String, usize)> = counts.into_iter().filter(|(_, n)| *n >= 2).collect();
    names.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut out: Vec<String> = Vec::new();
    let mut cited = Vec::new();
    for (name, _) in names.iter().take(12) {
        let mut best: Option<(f32, String, _)> = None;
        // Places and people are asked about differently.
        let lower = name.to_lowercase();
        let patterns: &[&str] = if Lexicon::get().is_place(&lower) {
            &["What happened in {}?"]
        } else {
            &["What did {} say?", "Who is {}?", "What did {} do?"]
        };
        for pattern in patterns {
            let q = pattern.replace("{}", name);
            let a = engine.ask(&q, 1);
            let Some(c) = a.citations.first() else {
                continue;
            };
            if a.found && a.confidence >= 0.8 && best.as_ref().is_none_or(|b| a.confidence > b.0) {
                best = Some((a.confidence, q, c.at));
            }
        }
        if let Some((_, q, at)) = best {
            if !cited.contains(&at) {
                cited.push(at);
                out.push(q);
            }
        }
        if out.len() == 3 {
            break;
        }
    }
    out
}

/// Days, months and nationality adjectives are capitalised but make poor example subjects.
fn is_name_like(word: &str) -> bool {
    let adjective = ["ian", "ean", "ese", "ish", "ern"]
        .iter()
        .any(|s| word.ends_with(s));
    !adjective && word != "President" && !text::is_weekday(word) && !text::is_month(word)
}
