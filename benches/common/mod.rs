//! Helpers shared by the benchmarks: the dev questions, the plain-BM25 baseline, percentiles,
//! peak memory and the machine description.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use citebot::index::SentenceIndex;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy::{TantivyDocument, Term};

/// The repository root (benches run with it as the working directory, but be explicit).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The questions of `../shared/eval/dev-questions.jsonl` (field `q`), or a few generic ones
/// when the eval folder is not beside the repository.
pub fn dev_questions() -> Vec<String> {
    let path = repo().join("../shared/eval/dev-questions.jsonl");
    match std::fs::read_to_string(&path) {
        Ok(raw) => raw
            .lines()
            .filter(|l| !l.trim().is_empty())
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("q").and_then(|q| q.as_str()).map(str::to_string))
            .collect(),
        Err(_) => {
            eprintln!(
                "note: {} not found; using 5 built-in questions",
                path.display()
            );
            [
                "who won the election",
                "when did the protests start",
                "how many people were detained",
                "where did she go",
                "what did the president say",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect()
        }
    }
}

/// True when run by `cargo bench` (which passes `--bench`); `cargo test --benches` does not,
/// and then the benches only smoke-test themselves.
pub fn bench_mode() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// The plain-BM25 baseline over the engine's own tantivy index, without the quality layer: the
/// question's non-stop-word tokens (`citebot::text::tokenize`), stemmed with the index analyser,
/// as `Should` `TermQuery`s on the sentence field, top 3 by BM25, stored sentences fetched.
pub struct Bm25 {
    analyzer: TextAnalyzer,
}

impl Bm25 {
    pub fn new() -> Self {
        Bm25 {
            analyzer: citebot::index::analyzer(),
        }
    }

    /// The texts of the top-3 sentences.
    pub fn ask(&mut self, index: &SentenceIndex, question: &str) -> Vec<String> {
        let field = index.fields.text;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        for token in citebot::text::tokenize(question) {
            if citebot::text::is_stop_word(&token.norm) {
                continue;
            }
            let mut stream = self.analyzer.token_stream(&token.norm);
            while let Some(t) = stream.next() {
                if !seen.contains(&t.text) {
                    seen.push(t.text.clone());
                }
            }
        }
        for s in &seen {
            clauses.push((
                Occur::Should,
                Box::new(TermQuery::new(
                    Term::from_field_text(field, s),
                    IndexRecordOption::WithFreqs,
                )),
            ));
        }
        if clauses.is_empty() {
            return Vec::new();
        }
        let query = BooleanQuery::new(clauses);
        let searcher = index.reader.searcher();
        let hits = searcher
            .search(&query, &TopDocs::with_limit(3))
            .unwrap_or_default();
        hits.into_iter()
            .filter_map(|(_, address)| {
                let doc: TantivyDocument = searcher.doc(address).ok()?;
                use tantivy::schema::Value;
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            })
            .collect()
    }
}

/// Percentile `p` (0..=100) of sorted durations, nearest rank.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

pub fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// Summary of individually timed calls: (p50, p99, mean, max) in microseconds.
pub fn summary(times: &mut [Duration]) -> (f64, f64, f64, f64) {
    times.sort();
    let mean = times.iter().map(|d| d.as_secs_f64()).sum::<f64>() / times.len().max(1) as f64;
    (
        micros(percentile(times, 50.0)),
        micros(percentile(times, 99.0)),
        mean * 1e6,
        micros(*times.last().unwrap_or(&Duration::ZERO)),
    )
}

/// A field of `/proc/self/status` in KiB (`VmHWM`, `VmRSS`).
pub fn status_kib(field: &str) -> Option<u64> {
    proc_status("self", field)
}

/// A field of `/proc/<pid>/status` in KiB (`VmHWM`, `VmRSS`) or a count (`Threads`); `pid`
/// may be `self`.
pub fn proc_status(pid: &str, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with(field) && l[field.len()..].starts_with(':'))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// Resets the peak RSS (`VmHWM`) of this process to its current RSS (Linux >= 4.0).
pub fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// Total size of the files under `dir`.
pub fn dir_size(dir: &Path) -> u64 {
    let mut total = 0;
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                total += dir_size(&p);
            } else if let Ok(m) = e.metadata() {
                total += m.len();
            }
        }
    }
    total
}

/// One line about the machine: cores, memory, CPU model.
pub fn machine() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, m)| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .next()
                .map(|l| l.split_whitespace().nth(1).unwrap_or("0").to_string())
        })
        .and_then(|k| k.parse::<u64>().ok())
        .map_or(0.0, |k| k as f64 / 1024.0 / 1024.0);
    format!("{cpus} CPUs ({model}), {mem:.1} GiB RAM")
}
