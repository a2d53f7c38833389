//! Scale benchmark: a deterministic synthetic corpus of N sentences, for each N in `SCALE_N`
//! (default `10000,100000,1000000`), measured in a fresh child process per N so that peak RSS
//! figures don't mix. `cargo bench --bench scale`; see BENCHMARKS.md.
//!
//! The corpus: ~1000 sentences per document, 25 paragraphs per document (one per line) and a
//! heading every 8 paragraphs. Words are drawn Zipf-like (s = 1.05) from the article's own
//! vocabulary (ranked by its frequency in the article, so function words come first), then the
//! WordNet lemma list in a seeded shuffle; sentences also get numbers (`6,700`, `80%`,
//! `34-year-old`, years), capitalised names made from syllables, and day and month names, so
//! that the question analysis, expansion, reranking and short-answer layers have real work.
//! Everything comes from one fixed seed (SplitMix64), so every run writes the same files.
//!
//! Per N it reports: build throughput (ingest + index, sentences/s), index size on disk, the
//! time to open the built index (`Engine::open`: hash of data/, index, vocabulary), time per
//! question p50/p99 with the full pipeline (70 dev questions + 100 synthetic ones made from
//! corpus sentences), the plain-BM25 baseline per question, and peak RSS (VmHWM) of the build
//! and of the serving phase (reset between them with /proc/self/clear_refs).
//!
//! Env: `SCALE_N` (list), `SCALE_ROUNDS` (timed rounds over the questions; default by N),
//! `SCALE_SVG` (write the log-log plot there), `SCALE_TSV` (write the table there),
//! `SCALE_MAX_RSS_MB` (kill a child above this RSS; default 12000), `SCALE_TIMEOUT_S` (kill a
//! child after this long; default 3600), `SCALE_KEEP` (keep the corpus folder; prints it).

mod common;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use citebot::engine::{Engine, EngineConfig};
use citebot::text::{MONTHS, WEEKDAYS};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::TokenStream;
use tantivy::{TantivyDocument, Term};

use common::{bench_mode, dev_questions, dir_size, micros, repo, reset_peak, status_kib, summary};

const SEED: u64 = 0x05EE_DC17_EB07;
const SENTENCES_PER_DOC: usize = 1000;
const PARAGRAPHS_PER_DOC: usize = 25;
const SYNTHETIC_QUESTIONS: usize = 100;

// ---------------------------------------------------------------- PRNG and Zipf sampling

struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in 0..n.
    fn below(&mut self, n: usize) -> usize {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64 * n as f64) as usize % n.max(1)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// Draws ranks 0..n with P(r) proportional to 1 / (r + 1)^s.
struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    fn new(n: usize, s: f64) -> Self {
        let mut total = 0.0;
        let cumulative = (0..n)
            .map(|r| {
                total += 1.0 / ((r + 1) as f64).powf(s);
                total
            })
            .collect();
        Zipf { cumulative }
    }
    fn draw(&self, rng: &mut SplitMix) -> usize {
        let x = rng.unit() * self.cumulative.last().copied().unwrap_or(0.0);
        self.cumulative
            .partition_point(|&c| c < x)
            .min(self.cumulative.len() - 1)
    }
}

// ---------------------------------------------------------------- the synthetic corpus

struct Lexis {
    words: Vec<String>,
    words_zipf: Zipf,
    names: Vec<String>,
    names_zipf: Zipf,
}

/// The word with its first letter in upper case ("monday" -> "Monday").
fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|f| f.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

const SYLLABLES: [&str; 32] = [
    "ka", "li", "mo", "ra", "vet", "sen", "dor", "mi", "lan", "tso", "ko", "nen", "ba", "zar",
    "ti", "vel", "an", "dre", "os", "ur", "ge", "mar", "ni", "sha", "ol", "ev", "ik", "pa", "ro",
    "su", "da", "len",
];
const SURNAME_ENDS: [&str; 6] = ["ov", "enko", "ich", "ska", "son", "ova"];

fn lexis(rng: &mut SplitMix) -> Lexis {
    // The article's words, most frequent first (ties alphabetically, for determinism).
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut capitalised: HashMap<String, usize> = HashMap::new();
    for entry in std::fs::read_dir(repo().join("data")).expect("data/") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("article");
        for t in citebot::text::tokenize(&text) {
            if t.number || !t.norm.chars().all(|c| c.is_ascii_lowercase()) {
                continue;
            }
            if t.capitalized && !citebot::text::is_stop_word(&t.norm) {
                let word = &text[t.start..t.end];
                *capitalised.entry(word.to_string()).or_default() += 1;
            } else {
                *counts.entry(t.norm.clone()).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(String, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut words: Vec<String> = ranked.into_iter().map(|(w, _)| w).collect();
    let known: std::collections::HashSet<String> = words.iter().cloned().collect();
    // WordNet lemmas: single plain words, in a seeded shuffle.
    let lemmas =
        std::fs::read_to_string(repo().join("assets/wordnet/lemmas.tsv")).expect("lemmas.tsv");
    let mut extra: Vec<String> = lemmas
        .lines()
        .filter_map(|l| l.split('\t').next())
        .filter(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        .filter(|w| !w.starts_with('-') && !w.ends_with('-') && !known.contains(*w))
        .map(str::to_string)
        .collect();
    extra.sort();
    extra.dedup();
    for i in (1..extra.len()).rev() {
        extra.swap(i, rng.below(i + 1));
    }
    words.extend(extra);
    // Names: the article's capitalised words first, then made-up first name + surname pairs.
    let mut caps: Vec<(String, usize)> = capitalised.into_iter().collect();
    caps.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut names: Vec<String> = caps.into_iter().map(|(w, _)| w).collect();
    let syllables = |rng: &mut SplitMix, n: usize| -> String {
        (0..n)
            .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
            .collect()
    };
    for _ in 0..3000 {
        let k = 2 + rng.below(2);
        let first = capitalized(&syllables(rng, k));
        let k = 1 + rng.below(2);
        let last = capitalized(&(syllables(rng, k) + SURNAME_ENDS[rng.below(SURNAME_ENDS.len())]));
        names.push(format!("{first} {last}"));
    }
    Lexis {
        words_zipf: Zipf::new(words.len(), 1.05),
        words,
        names_zipf: Zipf::new(names.len(), 0.9),
        names,
    }
}

fn number(rng: &mut SplitMix) -> String {
    match rng.below(5) {
        0 => format!("{}", 2 + rng.below(98)),
        1 => {
            let n = 1000 + rng.below(99_000);
            format!("{},{:03}", n / 1000, n % 1000)
        }
        2 => format!("{}%", 1 + rng.below(99)),
        3 => format!("{}-year-old", 16 + rng.below(70)),
        _ => format!("{}", 1950 + rng.below(75)),
    }
}

/// One sentence: its text and, for question making, its content words and what it holds.
struct Made {
    text: String,
    content: Vec<String>,
    name: Option<String>,
    has_day: bool,
    has_number: bool,
}

fn sentence(lx: &Lexis, rng: &mut SplitMix) -> Made {
    let len = 8 + rng.below(21);
    let mut parts: Vec<String> = Vec::with_capacity(len + 4);
    let mut made = Made {
        text: String::new(),
        content: Vec::new(),
        name: None,
        has_day: false,
        has_number: false,
    };
    while parts.len() < len {
        let roll = rng.unit();
        if roll < 0.05 {
            let name = lx.names[lx.names_zipf.draw(rng)].clone();
            made.name.get_or_insert_with(|| name.clone());
            parts.push(name);
        } else if roll < 0.085 {
            parts.push(number(rng));
            made.has_number = true;
        } else if roll < 0.105 {
            parts.push("on".into());
            parts.push(capitalized(WEEKDAYS[rng.below(WEEKDAYS.len())]));
            made.has_day = true;
        } else if roll < 0.112 {
            parts.push("in".into());
            parts.push(capitalized(MONTHS[rng.below(MONTHS.len())]));
        } else {
            let w = lx.words[lx.words_zipf.draw(rng)].clone();
            if !citebot::text::is_stop_word(&w) && w.len() >= 3 {
                made.content.push(w.clone());
            }
            parts.push(w);
        }
        if rng.chance(0.04) {
            if let Some(last) = parts.last_mut() {
                last.push(',');
            }
        }
    }
    let mut text = parts.join(" ");
    text = text.trim_end_matches(',').to_string();
    if let Some(first) = text.get(0..1) {
        text = first.to_uppercase() + &text[1..];
    }
    text.push('.');
    made.text = text;
    made
}

fn heading(lx: &Lexis, rng: &mut SplitMix) -> String {
    let n = 2 + rng.below(3);
    let words: Vec<&str> = (0..n)
        .map(|_| lx.words[lx.words_zipf.draw(rng)].as_str())
        .collect();
    let mut h = words.join(" ");
    if let Some(first) = h.get(0..1) {
        h = first.to_uppercase() + &h[1..];
    }
    h
}

fn question_from(m: &Made, rng: &mut SplitMix) -> String {
    let mut words = m.content.clone();
    for i in (1..words.len()).rev() {
        words.swap(i, rng.below(i + 1));
    }
    words.truncate(2 + rng.below(2));
    let body = words.join(" ");
    if m.has_day && rng.chance(0.6) {
        match &m.name {
            Some(name) => format!("when did {} {body}", name.to_lowercase()),
            None => format!("when did {body}"),
        }
    } else if m.has_number && rng.chance(0.6) {
        format!("how many {body}")
    } else if m.name.is_some() && rng.chance(0.6) {
        format!("who {body}")
    } else {
        let lead = ["what", "why did", "where did", "did the", "what did"][rng.below(5)];
        format!("{lead} {body}")
    }
}

/// Writes the corpus of `n` sentences into `dir` and returns the synthetic questions.
fn write_corpus(n: usize, dir: &Path) -> Vec<String> {
    let mut rng = SplitMix(SEED);
    let lx = lexis(&mut rng);
    std::fs::create_dir_all(dir).expect("data dir");
    let docs = n.div_ceil(SENTENCES_PER_DOC);
    let per_paragraph = SENTENCES_PER_DOC / PARAGRAPHS_PER_DOC;
    let mut questions = Vec::new();
    let stride = (n / SYNTHETIC_QUESTIONS).max(1);
    let mut written = 0;
    for d in 0..docs {
        let path = dir.join(format!("synthetic-{d:05}.txt"));
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path).expect("doc file"));
        let in_doc = SENTENCES_PER_DOC.min(n - written);
        let mut p = 0;
        let mut left = in_doc;
        while left > 0 {
            if p % 8 == 0 {
                writeln!(out, "{}", heading(&lx, &mut rng)).expect("write");
            }
            let k = per_paragraph.min(left);
            let mut line = String::new();
            for _ in 0..k {
                let m = sentence(&lx, &mut rng);
                if written % stride == stride / 2 && questions.len() < SYNTHETIC_QUESTIONS {
                    questions.push(question_from(&m, &mut rng));
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&m.text);
                written += 1;
            }
            writeln!(out, "{line}").expect("write");
            left -= k;
            p += 1;
        }
    }
    questions
}

// ---------------------------------------------------------------- plain BM25 on the raw tantivy index

struct Baseline {
    reader: tantivy::IndexReader,
    field: tantivy::schema::Field,
    analyzer: tantivy::tokenizer::TextAnalyzer,
}

impl Baseline {
    /// Opens the current generation's tantivy index directly (mmap only, no documents loaded).
    fn open(index_dir: &Path) -> Baseline {
        let generation = std::fs::read_to_string(index_dir.join("CURRENT")).expect("CURRENT");
        let index =
            tantivy::Index::open_in_dir(index_dir.join(generation.trim())).expect("tantivy index");
        index
            .tokenizers()
            .register(citebot::index::ANALYZER, citebot::index::analyzer());
        let field = index.schema().get_field("text").expect("text field");
        let reader = index.reader().expect("reader");
        Baseline {
            reader,
            field,
            analyzer: citebot::index::analyzer(),
        }
    }

    fn ask(&mut self, question: &str) -> usize {
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
        let clauses: Vec<(Occur, Box<dyn Query>)> = seen
            .iter()
            .map(|s| {
                let q: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_text(self.field, s),
                    IndexRecordOption::WithFreqs,
                ));
                (Occur::Should, q)
            })
            .collect();
        if clauses.is_empty() {
            return 0;
        }
        let searcher = self.reader.searcher();
        let hits = searcher
            .search(&BooleanQuery::new(clauses), &TopDocs::with_limit(3))
            .unwrap_or_default();
        let mut bytes = 0;
        for (_, address) in hits {
            if let Ok(doc) = searcher.doc::<TantivyDocument>(address) {
                use tantivy::schema::Value;
                bytes += doc
                    .get_first(self.field)
                    .and_then(|v| v.as_str())
                    .map_or(0, str::len);
            }
        }
        bytes
    }
}

// ---------------------------------------------------------------- one N, in a child process

#[derive(Debug, Default, Clone)]
struct Row {
    n: usize,
    sentences: usize,
    docs: usize,
    data_mb: f64,
    gen_s: f64,
    hash_s: f64,
    ingest_s: f64,
    index_s: f64,
    index_mb: f64,
    build_peak_mb: f64,
    open_s: f64,
    vocab_note: String,
    questions: usize,
    rounds: usize,
    found: usize,
    p50_ms: f64,
    p99_ms: f64,
    mean_ms: f64,
    max_ms: f64,
    dev_p50_ms: f64,
    dev_p99_ms: f64,
    syn_p50_ms: f64,
    syn_p99_ms: f64,
    bm25_p50_ms: f64,
    bm25_p99_ms: f64,
    serve_peak_mb: f64,
    serve_rss_mb: f64,
    slowest: String,
    error: String,
}

impl Row {
    fn build_s(&self) -> f64 {
        self.ingest_s + self.index_s
    }
    fn throughput(&self) -> f64 {
        self.sentences as f64 / self.build_s().max(1e-9)
    }
    fn to_kv(&self) -> String {
        let mut s = String::new();
        macro_rules! kv { ($($f:ident),*) => { $( let _ = write!(s, "{}={}\t", stringify!($f), self.$f); )* } }
        kv!(
            n,
            sentences,
            docs,
            data_mb,
            gen_s,
            hash_s,
            ingest_s,
            index_s,
            index_mb,
            build_peak_mb,
            open_s,
            questions,
            rounds,
            found,
            p50_ms,
            p99_ms,
            mean_ms,
            max_ms,
            dev_p50_ms,
            dev_p99_ms,
            syn_p50_ms,
            syn_p99_ms,
            bm25_p50_ms,
            bm25_p99_ms,
            serve_peak_mb,
            serve_rss_mb
        );
        let _ = write!(
            s,
            "slowest={}\tvocab_note={}",
            self.slowest.replace('\t', " "),
            self.vocab_note
        );
        s
    }
    fn from_kv(line: &str) -> Row {
        let map: HashMap<&str, &str> = line
            .split('\t')
            .filter_map(|kv| kv.split_once('='))
            .collect();
        let f = |k: &str| {
            map.get(k)
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(f64::NAN)
        };
        let u = |k: &str| {
            map.get(k)
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(0)
        };
        Row {
            n: u("n"),
            sentences: u("sentences"),
            docs: u("docs"),
            data_mb: f("data_mb"),
            gen_s: f("gen_s"),
            hash_s: f("hash_s"),
            ingest_s: f("ingest_s"),
            index_s: f("index_s"),
            index_mb: f("index_mb"),
            build_peak_mb: f("build_peak_mb"),
            open_s: f("open_s"),
            vocab_note: map.get("vocab_note").unwrap_or(&"").to_string(),
            questions: u("questions"),
            rounds: u("rounds"),
            found: u("found"),
            p50_ms: f("p50_ms"),
            p99_ms: f("p99_ms"),
            mean_ms: f("mean_ms"),
            max_ms: f("max_ms"),
            dev_p50_ms: f("dev_p50_ms"),
            dev_p99_ms: f("dev_p99_ms"),
            syn_p50_ms: f("syn_p50_ms"),
            syn_p99_ms: f("syn_p99_ms"),
            bm25_p50_ms: f("bm25_p50_ms"),
            bm25_p99_ms: f("bm25_p99_ms"),
            serve_peak_mb: f("serve_peak_mb"),
            serve_rss_mb: f("serve_rss_mb"),
            slowest: map.get("slowest").unwrap_or(&"").to_string(),
            error: String::new(),
        }
    }
}

fn mb_kib(k: Option<u64>) -> f64 {
    k.map_or(f64::NAN, |k| k as f64 / 1024.0)
}

fn progress(n: usize, what: &str) {
    eprintln!("[scale n={n}] {what}");
}

fn child(n: usize) {
    let tmp = tempfile::Builder::new()
        .prefix("citebot-scale-")
        .tempdir()
        .expect("tempdir");
    let data = tmp.path().join("data");
    let index_dir = tmp.path().join("index");
    let mut row = Row {
        n,
        ..Row::default()
    };

    let t = Instant::now();
    let synthetic = write_corpus(n, &data);
    row.gen_s = t.elapsed().as_secs_f64();
    row.data_mb = dir_size(&data) as f64 / 1e6;
    progress(
        n,
        &format!("corpus written: {:.1} MB in {:.1}s", row.data_mb, row.gen_s),
    );

    reset_peak();
    let t = Instant::now();
    let hash = citebot::index::data_hash(&data).expect("hash");
    row.hash_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let docs = citebot::ingest::load_dir(&data).expect("ingest");
    row.ingest_s = t.elapsed().as_secs_f64();
    row.docs = docs.len();
    row.sentences = docs.iter().map(|d| d.sentence_count()).sum();
    progress(
        n,
        &format!(
            "ingested {} sentences in {:.2}s",
            row.sentences, row.ingest_s
        ),
    );
    let t = Instant::now();
    citebot::index::build(&docs, &hash, &index_dir).expect("index build");
    row.index_s = t.elapsed().as_secs_f64();
    drop(docs);
    row.build_peak_mb = mb_kib(status_kib("VmHWM"));
    row.index_mb = dir_size(&index_dir) as f64 / 1e6;
    progress(
        n,
        &format!(
            "indexed in {:.2}s, {:.1} MB on disk",
            row.index_s, row.index_mb
        ),
    );

    let peak_reset = reset_peak();
    let t = Instant::now();
    let (engine, rebuilt) = Engine::open(&EngineConfig {
        data_dir: data.clone(),
        index_dir: index_dir.clone(),
    })
    .expect("engine opens");
    row.open_s = t.elapsed().as_secs_f64();
    assert!(
        !rebuilt,
        "Engine::open rebuilt an index that was just built"
    );
    row.vocab_note = format!("{} sentences in engine", engine.sentence_count());
    progress(n, &format!("engine opened in {:.2}s", row.open_s));

    let dev = dev_questions();
    let all: Vec<(bool, &str)> = dev
        .iter()
        .map(|q| (true, q.as_str()))
        .chain(synthetic.iter().map(|q| (false, q.as_str())))
        .collect();
    row.questions = all.len();
    // Warm-up round (also bounds the timed rounds).
    let t = Instant::now();
    row.found = all.iter().filter(|(_, q)| engine.ask(q, 3).found).count();
    let warm = t.elapsed().as_secs_f64();
    let default_rounds = if n <= 10_000 {
        10
    } else if n <= 100_000 {
        3
    } else {
        1
    };
    row.rounds = std::env::var("SCALE_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(default_rounds);
    if !bench_mode() {
        row.rounds = 1;
    }
    progress(
        n,
        &format!("warm-up pass {:.2}s; {} timed rounds", warm, row.rounds),
    );
    let mut times: Vec<Duration> = Vec::new();
    let mut dev_t = Vec::new();
    let mut syn_t = Vec::new();
    let mut per_q: Vec<(Duration, &str)> = Vec::new();
    for _ in 0..row.rounds {
        for (is_dev, q) in &all {
            let t = Instant::now();
            std::hint::black_box(engine.ask(q, 3));
            let d = t.elapsed();
            times.push(d);
            per_q.push((d, q));
            if *is_dev {
                dev_t.push(d)
            } else {
                syn_t.push(d)
            }
        }
    }
    let ms = |us: f64| us / 1e3;
    let (p50, p99, mean, max) = summary(&mut times);
    (row.p50_ms, row.p99_ms, row.mean_ms, row.max_ms) = (ms(p50), ms(p99), ms(mean), ms(max));
    let (a, b, _, _) = summary(&mut dev_t);
    (row.dev_p50_ms, row.dev_p99_ms) = (ms(a), ms(b));
    let (a, b, _, _) = summary(&mut syn_t);
    (row.syn_p50_ms, row.syn_p99_ms) = (ms(a), ms(b));
    per_q.sort_by_key(|b| std::cmp::Reverse(b.0));
    row.slowest = per_q
        .iter()
        .take(3)
        .map(|(d, q)| format!("{:.1}ms \"{q}\"", micros(*d) / 1e3))
        .collect::<Vec<_>>()
        .join("; ");
    row.serve_peak_mb = if peak_reset {
        mb_kib(status_kib("VmHWM"))
    } else {
        f64::NAN
    };
    row.serve_rss_mb = mb_kib(status_kib("VmRSS"));

    // Baseline last, so its reader does not count in the engine's peak.
    let mut base = Baseline::open(&index_dir);
    for (_, q) in &all {
        base.ask(q);
    }
    let mut bt = Vec::new();
    for _ in 0..row.rounds.max(3) {
        for (_, q) in &all {
            let t = Instant::now();
            std::hint::black_box(base.ask(q));
            bt.push(t.elapsed());
        }
    }
    let (a, b, _, _) = summary(&mut bt);
    (row.bm25_p50_ms, row.bm25_p99_ms) = (ms(a), ms(b));
    progress(n, "done");
    drop(engine);
    if std::env::var_os("SCALE_KEEP").is_some() {
        let kept = tmp.keep();
        eprintln!("[scale n={n}] kept corpus and index in {}", kept.display());
    }
    println!("RESULT\t{}", row.to_kv());
}

/// Runs one N in a child process, watching its RSS; returns its row (or what broke).
fn run_child(n: usize) -> Row {
    let exe = std::env::current_exe().expect("own path");
    let mut args: Vec<String> = Vec::new();
    if bench_mode() {
        args.push("--bench".into());
    }
    let max_rss_mb: f64 = std::env::var("SCALE_MAX_RSS_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(12_000.0);
    let timeout = Duration::from_secs(
        std::env::var("SCALE_TIMEOUT_S")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(3600),
    );
    let mut proc = Command::new(exe)
        .args(&args)
        .env("SCALE_CHILD", n.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("child starts");
    let stdout = proc.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .find(|l| l.starts_with("RESULT\t"))
    });
    let status_path = PathBuf::from(format!("/proc/{}/status", proc.id()));
    let started = Instant::now();
    let mut seen_peak_mb: f64 = 0.0;
    let mut killed = String::new();
    let status = loop {
        if let Some(s) = proc.try_wait().expect("wait") {
            break s;
        }
        if let Ok(st) = std::fs::read_to_string(&status_path) {
            if let Some(kib) = st
                .lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<f64>().ok())
            {
                seen_peak_mb = seen_peak_mb.max(kib / 1024.0);
            }
        }
        if killed.is_empty() && seen_peak_mb > max_rss_mb {
            killed = format!(
                "killed: RSS above SCALE_MAX_RSS_MB={max_rss_mb} after {:.0}s",
                started.elapsed().as_secs_f64()
            );
            let _ = proc.kill();
        }
        if killed.is_empty() && started.elapsed() > timeout {
            killed = format!("killed: over SCALE_TIMEOUT_S={}s", timeout.as_secs());
            let _ = proc.kill();
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let line = reader.join().ok().flatten();
    match line {
        Some(l) => Row::from_kv(&l["RESULT\t".len()..]),
        None => Row {
            n,
            error: if killed.is_empty() {
                format!("child failed: {status}; RSS seen {seen_peak_mb:.0} MB")
            } else {
                format!("{killed}; RSS seen {seen_peak_mb:.0} MB")
            },
            ..Row::default()
        },
    }
}

// ---------------------------------------------------------------- table and plot

fn table(rows: &[Row]) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}", common::machine());
    let _ = writeln!(
        s,
        "{:>9} {:>9} {:>6} {:>8} {:>8} {:>8} {:>11} {:>9} {:>8} {:>8} {:>8} {:>8} {:>9} {:>9} {:>7} {:>9} {:>9}",
        "N", "sentences", "docs", "ingest_s", "index_s", "build_s", "sent/s", "index_MB", "open_s", "q_p50ms",
        "q_p99ms", "bm25p50", "bm25p99", "ratio_p50", "found", "peakMB_b", "peakMB_q"
    );
    for r in rows {
        if !r.error.is_empty() {
            let _ = writeln!(s, "{:>9} FAILED: {}", r.n, r.error);
            continue;
        }
        let _ = writeln!(
            s,
            "{:>9} {:>9} {:>6} {:>8.2} {:>8.2} {:>8.2} {:>11.0} {:>9.1} {:>8.2} {:>8.2} {:>8.2} {:>8.3} {:>9.3} {:>9.0} {:>3}/{:<3} {:>9.0} {:>9.0}",
            r.n, r.sentences, r.docs, r.ingest_s, r.index_s, r.build_s(), r.throughput(), r.index_mb, r.open_s,
            r.p50_ms, r.p99_ms, r.bm25_p50_ms, r.bm25_p99_ms, r.p50_ms / r.bm25_p50_ms, r.found, r.questions,
            r.build_peak_mb, r.serve_peak_mb
        );
    }
    let _ = writeln!(
        s,
        "\nper N: dev-question and synthetic-question times, serving RSS, slowest questions"
    );
    for r in rows.iter().filter(|r| r.error.is_empty()) {
        let _ = writeln!(
            s,
            "{:>9}: dev p50/p99 {:.2}/{:.2} ms, synthetic p50/p99 {:.2}/{:.2} ms, mean {:.2} max {:.2} ms, {} rounds; data {:.1} MB (generated in {:.1}s), hash {:.2}s; RSS after queries {:.0} MB; {}; slowest: {}",
            r.n, r.dev_p50_ms, r.dev_p99_ms, r.syn_p50_ms, r.syn_p99_ms, r.mean_ms, r.max_ms, r.rounds, r.data_mb,
            r.gen_s, r.hash_s, r.serve_rss_mb, r.vocab_note, r.slowest
        );
    }
    s
}

fn tsv(rows: &[Row]) -> String {
    let mut s = String::from("n\tsentences\tdocs\tingest_s\tindex_s\tbuild_s\tsentences_per_s\tindex_mb\topen_s\tq_p50_ms\tq_p99_ms\tbm25_p50_ms\tbm25_p99_ms\tbuild_peak_mb\tserve_peak_mb\terror\n");
    for r in rows {
        let _ = writeln!(
            s,
            "{}\t{}\t{}\t{:.3}\t{:.3}\t{:.3}\t{:.0}\t{:.1}\t{:.3}\t{:.3}\t{:.3}\t{:.4}\t{:.4}\t{:.0}\t{:.0}\t{}",
            r.n, r.sentences, r.docs, r.ingest_s, r.index_s, r.build_s(), r.throughput(), r.index_mb, r.open_s,
            r.p50_ms, r.p99_ms, r.bm25_p50_ms, r.bm25_p99_ms, r.build_peak_mb, r.serve_peak_mb, r.error
        );
    }
    s
}

/// Three log-log panels (build time, time per question, peak RSS) against N, with the 1M targets.
fn svg(rows: &[Row]) -> String {
    let ok: Vec<&Row> = rows.iter().filter(|r| r.error.is_empty()).collect();
    let (pw, ph, ml, mt, mb) = (300.0, 240.0, 58.0, 34.0, 44.0);
    let width = 3.0 * (pw + ml + 16.0) + 10.0;
    let height = ph + mt + mb + 40.0;
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" font-family="sans-serif" font-size="11">"#
    );
    let _ = writeln!(s, r#"<rect width="100%" height="100%" fill="white"/>"#);
    let _ = writeln!(
        s,
        r#"<text x="10" y="16" font-size="13">citebot scale benchmark (cargo bench --bench scale), log-log; dashed = 1M target. {}</text>"#,
        common::machine()
    );
    type Series<'a> = (&'a str, &'a str, Vec<(f64, f64)>);
    let xs: Vec<f64> = ok.iter().map(|r| r.n as f64).collect();
    type Panel<'a> = (&'a str, Vec<Series<'a>>, Option<(f64, f64, &'a str)>);
    let panels: Vec<Panel> = vec![
        (
            "build time (ingest + index), s",
            vec![
                (
                    "build",
                    "#1f77b4",
                    ok.iter().map(|r| (r.n as f64, r.build_s())).collect(),
                ),
                (
                    "open (hash+index+vocabulary)",
                    "#9467bd",
                    ok.iter().map(|r| (r.n as f64, r.open_s)).collect(),
                ),
            ],
            Some((1e6, 10.0, "1M at 100k sent/s = 10 s")),
        ),
        (
            "time per question, ms",
            vec![
                (
                    "full p50",
                    "#2ca02c",
                    ok.iter().map(|r| (r.n as f64, r.p50_ms)).collect(),
                ),
                (
                    "full p99",
                    "#d62728",
                    ok.iter().map(|r| (r.n as f64, r.p99_ms)).collect(),
                ),
                (
                    "BM25 p50",
                    "#7f7f7f",
                    ok.iter().map(|r| (r.n as f64, r.bm25_p50_ms)).collect(),
                ),
                (
                    "BM25 p99",
                    "#bcbd22",
                    ok.iter().map(|r| (r.n as f64, r.bm25_p99_ms)).collect(),
                ),
            ],
            Some((1e6, 20.0, "p99 target 20 ms")),
        ),
        (
            "peak RSS, MB",
            vec![
                (
                    "build peak",
                    "#ff7f0e",
                    ok.iter().map(|r| (r.n as f64, r.build_peak_mb)).collect(),
                ),
                (
                    "serving peak",
                    "#8c564b",
                    ok.iter().map(|r| (r.n as f64, r.serve_peak_mb)).collect(),
                ),
            ],
            Some((1e6, 2048.0, "target 2 GB")),
        ),
    ];
    let (xmin, xmax) = (
        xs.iter()
            .copied()
            .fold(f64::INFINITY, f64::min)
            .log10()
            .floor(),
        xs.iter().copied().fold(0.0f64, f64::max).log10().ceil(),
    );
    let xmax = if xmax <= xmin { xmin + 1.0 } else { xmax };
    for (i, (title, series, target)) in panels.iter().enumerate() {
        let x0 = 10.0 + i as f64 * (pw + ml + 16.0) + ml;
        let y0 = mt + 20.0;
        let mut vals: Vec<f64> = series
            .iter()
            .flat_map(|(_, _, v)| v.iter().map(|p| p.1))
            .filter(|v| v.is_finite() && *v > 0.0)
            .collect();
        if let Some((_, t, _)) = target {
            vals.push(*t);
        }
        let ymin = vals
            .iter()
            .copied()
            .fold(f64::INFINITY, f64::min)
            .log10()
            .floor();
        let ymax = vals.iter().copied().fold(0.0f64, f64::max).log10().ceil();
        let ymax = if ymax <= ymin { ymin + 1.0 } else { ymax };
        let px = |x: f64| x0 + (x.log10() - xmin) / (xmax - xmin) * pw;
        let py = |y: f64| y0 + ph - (y.log10() - ymin) / (ymax - ymin) * ph;
        let _ = writeln!(
            s,
            r#"<text x="{:.1}" y="{:.1}" font-size="12" font-weight="bold">{title}</text>"#,
            x0,
            y0 - 8.0
        );
        let _ = writeln!(
            s,
            r##"<rect x="{x0:.1}" y="{y0:.1}" width="{pw}" height="{ph}" fill="none" stroke="#444"/>"##
        );
        for e in (xmin as i32)..=(xmax as i32) {
            let x = px(10f64.powi(e));
            let _ = writeln!(
                s,
                r##"<line x1="{x:.1}" y1="{y0:.1}" x2="{x:.1}" y2="{:.1}" stroke="#ddd"/><text x="{x:.1}" y="{:.1}" text-anchor="middle">1e{e}</text>"##,
                y0 + ph,
                y0 + ph + 14.0
            );
        }
        for e in (ymin as i32)..=(ymax as i32) {
            let y = py(10f64.powi(e));
            let label = format!("{}", 10f64.powi(e));
            let _ = writeln!(
                s,
                r##"<line x1="{x0:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#ddd"/><text x="{:.1}" y="{:.1}" text-anchor="end">{label}</text>"##,
                x0 + pw,
                x0 - 4.0,
                y + 4.0
            );
        }
        let _ = writeln!(
            s,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">N sentences</text>"#,
            x0 + pw / 2.0,
            y0 + ph + 30.0
        );
        if let Some((tx, ty, label)) = target {
            let (x, y) = (px(*tx), py(*ty));
            let _ = writeln!(
                s,
                r##"<line x1="{x0:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#d62728" stroke-dasharray="4 3"/><circle cx="{x:.1}" cy="{y:.1}" r="3" fill="none" stroke="#d62728"/><text x="{:.1}" y="{:.1}" fill="#d62728">{label}</text>"##,
                x0 + pw,
                x0 + 4.0,
                y - 4.0
            );
        }
        for (k, (name, color, pts)) in series.iter().enumerate() {
            let pts: Vec<&(f64, f64)> = pts
                .iter()
                .filter(|p| p.1.is_finite() && p.1 > 0.0)
                .collect();
            let path: Vec<String> = pts
                .iter()
                .map(|(x, y)| format!("{:.1},{:.1}", px(*x), py(*y)))
                .collect();
            let _ = writeln!(
                s,
                r#"<polyline points="{}" fill="none" stroke="{color}" stroke-width="2"/>"#,
                path.join(" ")
            );
            for (x, y) in &pts {
                let _ = writeln!(
                    s,
                    r#"<circle cx="{:.1}" cy="{:.1}" r="3" fill="{color}"><title>{name}: N={x} -> {y:.3}</title></circle>"#,
                    px(*x),
                    py(*y)
                );
            }
            let ly = y0 + ph + 44.0 - 0.0 + 0.0;
            let lx = x0 + (k as f64) * (pw / series.len() as f64);
            let _ = writeln!(
                s,
                r#"<rect x="{lx:.1}" y="{:.1}" width="10" height="3" fill="{color}"/><text x="{:.1}" y="{:.1}">{name}</text>"#,
                ly - 4.0,
                lx + 13.0,
                ly
            );
        }
    }
    s.push_str("</svg>\n");
    s
}

fn main() {
    if let Ok(n) = std::env::var("SCALE_CHILD") {
        child(n.parse().expect("SCALE_CHILD is a number"));
        return;
    }
    let list = if bench_mode() {
        std::env::var("SCALE_N").unwrap_or_else(|_| "10000,100000,1000000".into())
    } else {
        // `cargo test --benches`: a small smoke run only.
        "2000".into()
    };
    let ns: Vec<usize> = list
        .split(',')
        .filter_map(|s| s.trim().replace('_', "").parse().ok())
        .collect();
    let mut rows = Vec::new();
    for &n in &ns {
        eprintln!("[scale] N = {n}: fresh child process");
        let row = run_child(n);
        rows.push(row);
        // Partial tables as we go, so a later N that breaks still leaves the earlier figures.
        eprintln!("{}", table(&rows));
    }
    println!("\n== scale benchmark ==");
    print!("{}", table(&rows));
    if let Ok(path) = std::env::var("SCALE_TSV") {
        std::fs::write(&path, tsv(&rows)).expect("write tsv");
        println!("wrote {path}");
    }
    if let Ok(path) = std::env::var("SCALE_SVG") {
        std::fs::write(&path, svg(&rows)).expect("write svg");
        println!("wrote {path}");
    }
}
