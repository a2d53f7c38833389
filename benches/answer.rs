//! Article benchmarks: time per question (full pipeline and the plain-BM25 baseline), index
//! build, cold start. `cargo bench --bench answer`; see BENCHMARKS.md.
//!
//! Besides criterion's output, it prints its own per-question p50/p99: every dev question is
//! timed on its own, `ROUNDS` times (env `ROUNDS`, default 50), after one warm-up round.
//! Cold start is measured twice: in-process by criterion (the compiled-in WordNet and word
//! vectors are then already parsed, since they live in `OnceLock`s), and in fresh child
//! processes (the bench re-executes itself with `CITEBOT_BENCH_CHILD=cold`), which is what a
//! restarted bot pays.

mod common;

use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use citebot::engine::{Engine, EngineConfig};
use criterion::{BatchSize, Criterion, Throughput};

use common::{bench_mode, dev_questions, micros, repo, summary, Bm25};

const TOP: usize = 3;

fn article_dir() -> std::path::PathBuf {
    repo().join("data")
}

/// A built index of the article in a fresh temporary folder.
fn built_index() -> (tempfile::TempDir, Engine) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let cfg = EngineConfig {
        data_dir: article_dir(),
        index_dir: tmp.path().join("index"),
    };
    let (engine, built) = Engine::open(&cfg).expect("engine opens");
    assert!(built);
    (tmp, engine)
}

/// Ingest and index the article into `index_dir`.
fn build_article(index_dir: &Path) {
    let data = article_dir();
    let docs = citebot::ingest::load_dir(&data).expect("articles load");
    let hash = citebot::index::data_hash(&data).expect("hash");
    citebot::index::build(&docs, &hash, index_dir).expect("index builds");
}

/// Child mode: open a built index, answer one question, print the two times in microseconds.
fn cold_child(index_dir: &str, question: &str) {
    let t0 = Instant::now();
    let engine = Engine::open_index(Path::new(index_dir)).expect("index opens");
    let opened = t0.elapsed();
    let answer = engine.ask(question, TOP);
    let total = t0.elapsed();
    black_box(answer);
    println!("{} {}", micros(opened), micros(total));
}

fn own_percentiles(engine: &Engine, index_dir: &Path, questions: &[String], rounds: usize) {
    let index = citebot::index::open(index_dir).expect("index reopens");
    let mut bm25 = Bm25::new();
    // Warm-up round, and a check that both answer something.
    let found = questions
        .iter()
        .filter(|q| engine.ask(q, TOP).found)
        .count();
    let bm25_hits = questions
        .iter()
        .filter(|q| !bm25.ask(&index, q).is_empty())
        .count();
    let mut full = Vec::with_capacity(questions.len() * rounds);
    let mut base = Vec::with_capacity(questions.len() * rounds);
    let mut worst: Vec<(Duration, &str)> = Vec::new();
    for _ in 0..rounds {
        for q in questions {
            let t = Instant::now();
            black_box(engine.ask(black_box(q), TOP));
            let d = t.elapsed();
            full.push(d);
            worst.push((d, q));
            let t = Instant::now();
            black_box(bm25.ask(&index, black_box(q)));
            base.push(t.elapsed());
        }
    }
    let (p50, p99, mean, max) = summary(&mut full);
    let (b50, b99, bmean, bmax) = summary(&mut base);
    println!();
    println!(
        "== article: {} questions x {rounds} rounds, each timed on its own ==",
        questions.len()
    );
    println!("{}", common::machine());
    println!(
        "answered (found=true): {found}/{}; baseline returned hits for {bm25_hits}",
        questions.len()
    );
    println!(
        "{:<28} {:>10} {:>10} {:>10} {:>10}",
        "per question (us)", "p50", "p99", "mean", "max"
    );
    println!(
        "{:<28} {p50:>10.1} {p99:>10.1} {mean:>10.1} {max:>10.1}",
        "full pipeline (ask)"
    );
    println!(
        "{:<28} {b50:>10.1} {b99:>10.1} {bmean:>10.1} {bmax:>10.1}",
        "plain BM25 baseline"
    );
    println!(
        "{:<28} {:>10.1} {:>10.1} {:>10.1}",
        "ratio full/BM25",
        p50 / b50,
        p99 / b99,
        mean / bmean
    );
    // The slowest questions: median over rounds per question.
    let mut per_q: Vec<(f64, &str)> = questions
        .iter()
        .map(|q| {
            let mut ds: Vec<Duration> = worst
                .iter()
                .filter(|(_, w)| *w == q.as_str())
                .map(|(d, _)| *d)
                .collect();
            ds.sort();
            (micros(ds[ds.len() / 2]), q.as_str())
        })
        .collect();
    per_q.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!("slowest questions (median us):");
    for (us, q) in per_q.iter().take(5) {
        println!("  {us:>8.1}  {q}");
    }
}

fn cold_start_processes(index_dir: &Path, question: &str, runs: usize) {
    let exe = std::env::current_exe().expect("own path");
    let mut opened = Vec::new();
    let mut first = Vec::new();
    let mut wall = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let out = Command::new(&exe)
            .env("CITEBOT_BENCH_CHILD", "cold")
            .env("CITEBOT_BENCH_INDEX", index_dir)
            .env("CITEBOT_BENCH_Q", question)
            .output()
            .expect("child runs");
        wall.push(t.elapsed());
        let line = String::from_utf8_lossy(&out.stdout);
        let mut nums = line
            .split_whitespace()
            .filter_map(|n| n.parse::<f64>().ok());
        if let (Some(o), Some(f)) = (nums.next(), nums.next()) {
            opened.push(Duration::from_secs_f64(o / 1e6));
            first.push(Duration::from_secs_f64(f / 1e6));
        } else {
            eprintln!(
                "cold-start child failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            return;
        }
    }
    let (o50, _, _, omax) = summary(&mut opened);
    let (f50, _, _, fmax) = summary(&mut first);
    let (w50, _, _, wmax) = summary(&mut wall);
    println!();
    println!("== cold start in {runs} fresh processes (median / max, ms) ==");
    println!(
        "open_index (lexicon + vectors + index + vocabulary): {:>8.1} / {:>8.1}",
        o50 / 1e3,
        omax / 1e3
    );
    println!(
        "open + first answer:                                 {:>8.1} / {:>8.1}",
        f50 / 1e3,
        fmax / 1e3
    );
    println!(
        "whole process (exec to exit):                        {:>8.1} / {:>8.1}",
        w50 / 1e3,
        wmax / 1e3
    );
}

/// Index builds of the article, each timed on its own (ingest + index into a fresh folder).
fn build_times(runs: usize) {
    let mut times = Vec::new();
    for _ in 0..runs {
        let dir = tempfile::tempdir().expect("tempdir");
        let t = Instant::now();
        build_article(&dir.path().join("index"));
        times.push(t.elapsed());
    }
    let (p50, _, mean, max) = summary(&mut times);
    println!();
    println!(
        "== index build of the article, {runs} builds: min {:.1} / p50 {:.1} / mean {:.1} / max {:.1} ms ==",
        micros(times[0]) / 1e3,
        p50 / 1e3,
        mean / 1e3,
        max / 1e3
    );
}

fn main() {
    if std::env::var("CITEBOT_BENCH_CHILD").as_deref() == Ok("cold") {
        let dir = std::env::var("CITEBOT_BENCH_INDEX").expect("index dir");
        let q = std::env::var("CITEBOT_BENCH_Q").expect("question");
        cold_child(&dir, &q);
        return;
    }
    let questions = dev_questions();
    let (tmp, engine) = built_index();
    let index_dir = tmp.path().join("index");
    let rounds = if bench_mode() {
        std::env::var("ROUNDS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(50)
    } else {
        1
    };
    own_percentiles(&engine, &index_dir, &questions, rounds);
    cold_start_processes(&index_dir, &questions[0], if bench_mode() { 10 } else { 1 });
    build_times(if bench_mode() { 20 } else { 1 });
    println!();

    let mut c = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(5))
        .configure_from_args();

    let mut g = c.benchmark_group("article");
    g.throughput(Throughput::Elements(questions.len() as u64));
    g.bench_function("ask_dev_set", |b| {
        b.iter(|| {
            for q in &questions {
                black_box(engine.ask(black_box(q), TOP));
            }
        })
    });
    let index = citebot::index::open(&index_dir).expect("index opens");
    let mut bm25 = Bm25::new();
    g.bench_function("bm25_baseline_dev_set", |b| {
        b.iter(|| {
            for q in &questions {
                black_box(bm25.ask(&index, black_box(q)));
            }
        })
    });
    g.throughput(Throughput::Elements(1));
    g.bench_function("index_build", |b| {
        b.iter_batched(
            || tempfile::tempdir().expect("tempdir"),
            |dir| {
                build_article(&dir.path().join("index"));
                dir
            },
            BatchSize::PerIteration,
        )
    });
    g.bench_function("cold_start_in_process", |b| {
        b.iter(|| {
            let e = Engine::open(&EngineConfig {
                data_dir: article_dir(),
                index_dir: index_dir.clone(),
            })
            .expect("opens")
            .0;
            black_box(e.ask(&questions[0], TOP))
        })
    });
    g.finish();
    c.final_summary();
    drop(tmp);
}
