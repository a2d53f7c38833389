//! Bot throughput benchmark: the real `citebot` binary against the fake Bot API of
//! `tests/common` on 127.0.0.1, with `CITEBOT_THROTTLE=off`. It feeds M questions from K chats
//! through getUpdates and reports answered messages/s, the added latency (update handed out by
//! getUpdates -> its reply received by the fake) p50/p99/max, and the bot's peak RSS.
//! `cargo bench --bench bot`; see BENCHMARKS.md.
//!
//! Two load shapes, each against a fresh bot process:
//! - `burst` (rate 0): all M questions are queued before the bot is let at them, so every
//!   getUpdates hands out a full batch of 100. This measures the most the bot can answer; the
//!   latency then includes waiting behind the rest of the batch.
//! - paced (rate R > 0): questions arrive at R per second (open loop, as users would send them),
//!   and getUpdates hands out whatever has arrived. This measures the latency at that load.
//!
//! Settings (environment): `BOT_M` (default 10000), `BOT_K` (chats, default 100), `BOT_RATES`
//! (comma list of offered rates in msgs/s, 0 = burst; default `0,1000`), `BOT_LOG` (the bot's
//! log filter, default `info` as in production). Other `CITEBOT_*` variables (e.g.
//! `CITEBOT_MAX_CONCURRENT`) are passed on to the bot. Under `cargo test --benches` it only
//! smoke-tests itself (200 questions from 10 chats).

mod common;
#[path = "../tests/common/mod.rs"]
mod fake;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{bench_mode, dev_questions, machine, percentile};
use fake::{reply_to, spawn_bot, start_fake, wait_for, BotProcess, Fake};

/// Linux clock ticks per second for `/proc/<pid>/stat` CPU times (USER_HZ, 100 on Linux).
const TICKS_PER_SEC: f64 = 100.0;

/// What one run measured.
struct Run {
    label: String,
    questions: usize,
    answered: usize,
    duplicates: usize,
    apologies: usize,
    wall: Duration,
    latencies: Vec<Duration>,
    mean_batch: f64,
    rss_start_kib: u64,
    rss_idle_kib: u64,
    rss_peak_kib: u64,
    threads: u64,
    /// RssAnon and RssFile at the end, KiB.
    rss_anon_kib: u64,
    rss_file_kib: u64,
    bot_cpu: f64,
    fake_cpu: f64,
    load: String,
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

/// A field of the bot's `/proc/<pid>/status` (see [`common::proc_status`]).
fn proc_status(pid: u32, field: &str) -> Option<u64> {
    common::proc_status(&pid.to_string(), field)
}

/// User + system CPU seconds of a process (`/proc/<pid>/stat` or `/proc/self/stat`).
fn cpu_seconds(pid: &str) -> f64 {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return 0.0;
    };
    // The fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let tick = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of stat; field 3 (state) is fields[0].
    (tick(11) + tick(12)) / TICKS_PER_SEC
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

/// Chat `i` of `k`: private chats with users 10001, 10002...
fn chat(i: usize, k: usize) -> i64 {
    10_001 + (i % k.max(1)) as i64
}

/// Delivered sendMessage calls from index `from` on.
fn sent_since(f: &Fake, from: usize) -> usize {
    f.calls[from..]
        .iter()
        .filter(|c| c.method == "sendmessage" && c.delivered)
        .count()
}

/// Waits until `want` messages have been sent since call `from`; gives up after `stall`
/// without progress. Returns how many were sent.
async fn wait_sent(fake: &Arc<Mutex<Fake>>, from: usize, want: usize, stall: Duration) -> usize {
    let mut last = (0, Instant::now());
    loop {
        let n = sent_since(&fake.lock().unwrap(), from);
        if n >= want {
            return n;
        }
        if n != last.0 {
            last = (n, Instant::now());
        } else if last.1.elapsed() > stall {
            eprintln!("stalled: {n} of {want} replies after {stall:?} without progress");
            return n;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// One run against a fresh bot: `m` questions from `k` chats at `rate` per second (0 = burst).
async fn run(m: usize, k: usize, rate: f64, questions: &[String], log: &str) -> Run {
    let (fake, port) = start_fake().await;
    let bot: BotProcess = spawn_bot(
        port,
        &[
            ("CITEBOT_LOG", log),
            // Production default: a typing indicator only for answers slower than 400 ms.
            ("CITEBOT_TYPING_AFTER_MS", "400"),
        ],
    );
    let pid = bot.child.id().expect("the bot runs");
    bot.wait_log("connected to the Bot API", Duration::from_secs(120))
        .await;
    wait_for(
        &fake,
        "the first getUpdates",
        Duration::from_secs(30),
        |f| f.get_updates_calls > 0,
    )
    .await;
    let rss_start_kib = proc_status(pid, "VmRSS").unwrap_or(0);

    // Warm-up: one question per chat, not counted.
    let warm = k.min(m).max(1);
    let start_calls = fake.lock().unwrap().calls.len();
    {
        let mut f = fake.lock().unwrap();
        for i in 0..warm {
            f.push_text(chat(i, k), &questions[i % questions.len()]);
        }
    }
    wait_sent(&fake, start_calls, warm, Duration::from_secs(30)).await;
    let rss_idle_kib = proc_status(pid, "VmRSS").unwrap_or(0);

    let (from, polls0) = {
        let f = fake.lock().unwrap();
        (f.calls.len(), f.nonempty_polls)
    };
    let (bot_cpu0, fake_cpu0) = (cpu_seconds(&pid.to_string()), cpu_seconds("self"));
    let load_before = load_average();
    let mut ids: Vec<i64> = Vec::with_capacity(m);
    if rate <= 0.0 {
        let mut f = fake.lock().unwrap();
        for i in 0..m {
            ids.push(f.push_text(chat(i, k), &questions[i % questions.len()]));
        }
    } else {
        let t0 = tokio::time::Instant::now();
        let mut i = 0;
        while i < m {
            let due = t0 + Duration::from_secs_f64(i as f64 / rate);
            tokio::time::sleep_until(due).await;
            let now = tokio::time::Instant::now();
            let mut f = fake.lock().unwrap();
            while i < m && t0 + Duration::from_secs_f64(i as f64 / rate) <= now {
                ids.push(f.push_text(chat(i, k), &questions[i % questions.len()]));
                i += 1;
            }
        }
    }
    let stall = Duration::from_secs(30);
    wait_sent(&fake, from, m, stall).await;
    let (bot_cpu, fake_cpu) = (
        cpu_seconds(&pid.to_string()) - bot_cpu0,
        cpu_seconds("self") - fake_cpu0,
    );
    let rss_peak_kib = proc_status(pid, "VmHWM").unwrap_or(0);
    let threads = proc_status(pid, "Threads").unwrap_or(0);
    let rss_anon_kib = proc_status(pid, "RssAnon").unwrap_or(0);
    let rss_file_kib = proc_status(pid, "RssFile").unwrap_or(0);
    if std::env::var_os("BOT_SMAPS").is_some() {
        print_smaps(pid);
    }
    let load = format!("{load_before} -> {}", load_average());

    let (latencies, duplicates, apologies, wall, mean_batch) = {
        let f = fake.lock().unwrap();
        let apology = citebot::format::apology_text();
        let mut first_reply: HashMap<i64, Instant> = HashMap::with_capacity(m);
        let (mut duplicates, mut apologies) = (0, 0);
        for c in f.calls[from..]
            .iter()
            .filter(|c| c.method == "sendmessage" && c.delivered)
        {
            if c.body["text"].as_str() == Some(apology.as_str()) {
                apologies += 1;
            }
            let Some(id) = reply_to(c) else { continue };
            if first_reply.insert(id, c.at).is_some() {
                duplicates += 1;
            }
        }
        let mut latencies = Vec::with_capacity(m);
        let mut first_out: Option<Instant> = None;
        let mut last_reply: Option<Instant> = None;
        for id in &ids {
            let (Some(out), Some(back)) = (f.handed_out.get(id), first_reply.get(id)) else {
                continue;
            };
            latencies.push(back.saturating_duration_since(*out));
            first_out = Some(first_out.map_or(*out, |t| t.min(*out)));
            last_reply = Some(last_reply.map_or(*back, |t| t.max(*back)));
        }
        let wall = match (first_out, last_reply) {
            (Some(a), Some(b)) => b.saturating_duration_since(a),
            _ => Duration::ZERO,
        };
        let polls = f.nonempty_polls - polls0;
        let mean_batch = ids.len() as f64 / polls.max(1) as f64;
        (latencies, duplicates, apologies, wall, mean_batch)
    };
    let (status, log_text) = bot.stop().await;
    if !status.success() {
        eprintln!("the bot exited with {status}");
    }
    if log_text.contains(fake::SECRET_PART) {
        eprintln!("warning: the token appears in the bot's log");
    }
    let errors = log_text
        .lines()
        .filter(|l| l.contains("ERROR") || l.contains(" WARN "))
        .count();
    if errors > 0 {
        eprintln!("note: {errors} warning/error lines in the bot's log");
    }
    let label = if rate <= 0.0 {
        "burst".to_string()
    } else {
        format!("paced {rate:.0}/s")
    };
    Run {
        label,
        questions: m,
        answered: latencies.len(),
        duplicates,
        apologies,
        wall,
        latencies,
        mean_batch,
        rss_start_kib,
        rss_idle_kib,
        rss_peak_kib,
        threads,
        rss_anon_kib,
        rss_file_kib,
        bot_cpu,
        fake_cpu,
        load,
    }
}

/// The bot's resident memory by mapping (`BOT_SMAPS=1`): the largest ones, in MB.
fn print_smaps(pid: u32) {
    let Ok(smaps) = std::fs::read_to_string(format!("/proc/{pid}/smaps")) else {
        return;
    };
    let mut by_name: HashMap<String, u64> = HashMap::new();
    let mut name = String::new();
    for line in smaps.lines() {
        let first = line.split_whitespace().next().unwrap_or("");
        if first.contains('-') && !first.ends_with(':') {
            // A mapping header: range perms offset dev inode [path].
            let path = line.split_whitespace().nth(5).unwrap_or("[anonymous]");
            name = path.to_string();
        } else if let Some(kib) = line.strip_prefix("Rss:") {
            let kib: u64 = kib
                .trim()
                .trim_end_matches("kB")
                .trim()
                .parse()
                .unwrap_or(0);
            *by_name.entry(name.clone()).or_default() += kib;
        }
    }
    let mut rows: Vec<(String, u64)> = by_name.into_iter().collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.1));
    println!("bot RSS by mapping (pid {pid}):");
    for (name, kib) in rows.iter().take(8) {
        println!("  {:>7.1} MB  {name}", *kib as f64 / 1024.0);
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn report(m: usize, k: usize, runs: &mut [Run]) {
    println!();
    println!(
        "== bot throughput: {m} questions from {k} chats, real binary, fake Bot API on 127.0.0.1, CITEBOT_THROTTLE=off =="
    );
    println!("{}", machine());
    println!(
        "{:<14} {:>11} {:>7} {:>7} {:>7} {:>7} {:>7} {:>6} {:>20} {:>8} {:>9}",
        "load",
        "answered",
        "wall s",
        "msgs/s",
        "p50 ms",
        "p99 ms",
        "max ms",
        "batch",
        "RSS start/idle/peak",
        "bot CPU",
        "fake CPU"
    );
    for r in runs.iter_mut() {
        r.latencies.sort();
        let rate = r.answered as f64 / r.wall.as_secs_f64().max(1e-9);
        println!(
            "{:<14} {:>11} {:>7.2} {:>7.0} {:>7.2} {:>7.2} {:>7.2} {:>6.1} {:>5.1}/{:>5.1}/{:>5.1} MB {:>7.2}s {:>8.2}s",
            r.label,
            format!("{}/{}", r.answered, r.questions),
            r.wall.as_secs_f64(),
            rate,
            ms(percentile(&r.latencies, 50.0)),
            ms(percentile(&r.latencies, 99.0)),
            ms(r.latencies.last().copied().unwrap_or_default()),
            r.mean_batch,
            r.rss_start_kib as f64 / 1024.0,
            r.rss_idle_kib as f64 / 1024.0,
            r.rss_peak_kib as f64 / 1024.0,
            r.bot_cpu,
            r.fake_cpu,
        );
    }
    for r in runs.iter() {
        println!(
            "  {}: load average {}; bot threads {}; RSS at the end {:.1} MB anonymous + {:.1} MB file-backed; duplicate replies {}; apologies {}; bot CPU per answer {:.3} ms",
            r.label,
            r.load,
            r.threads,
            r.rss_anon_kib as f64 / 1024.0,
            r.rss_file_kib as f64 / 1024.0,
            r.duplicates,
            r.apologies,
            r.bot_cpu * 1e3 / r.answered.max(1) as f64
        );
    }
    println!(
        "latency = update handed out by getUpdates -> its sendMessage read by the fake; msgs/s = answered / (first hand-out -> last reply); batch = mean updates per non-empty getUpdates; RSS start = VmRSS once connected, idle = VmRSS after the warm-up (one question per chat), peak = VmHWM of the bot; CPU = user+sys during the measured part (fake CPU = this bench process: fake API + feeder)"
    );
}

fn main() {
    let smoke = !bench_mode();
    let m = env_usize("BOT_M", if smoke { 200 } else { 10_000 }).max(1);
    let k = env_usize("BOT_K", if smoke { 10 } else { 100 }).max(1);
    let rates: Vec<f64> = std::env::var("BOT_RATES")
        .unwrap_or_else(|_| "0,1000".into())
        .split(',')
        .filter_map(|r| r.trim().parse().ok())
        .collect();
    let log = std::env::var("BOT_LOG").unwrap_or_else(|_| "info".into());
    let questions = dev_questions();
    assert!(!questions.is_empty(), "no questions to ask");
    // One thread for the fake and the feeder, so they take at most one core from the bot.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let mut runs = runtime.block_on(async {
        let mut runs = Vec::new();
        for rate in &rates {
            runs.push(run(m, k, *rate, &questions, &log).await);
        }
        runs
    });
    report(m, k, &mut runs);
}
