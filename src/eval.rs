//! Answer-quality evaluation: scores the engine on a gold question file the way
//! `shared/eval/score.py` does (p@1, r@3, short answer, abstention, overall).

use std::path::Path;

use serde::Deserialize;

use crate::engine::{Answer, Engine};

/// One gold question.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    /// Question id.
    #[serde(default)]
    pub id: String,
    /// The question.
    pub q: String,
    /// Article substrings a correct citation contains; empty when unanswerable.
    #[serde(default)]
    pub evidence: Vec<String>,
    /// Acceptable short answers.
    #[serde(default)]
    pub answer: Vec<String>,
}

/// The figures of one evaluation run, in percent.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Answerable questions.
    pub answerable: usize,
    /// Unanswerable questions.
    pub unanswerable: usize,
    /// Top citation correct.
    pub p_at_1: f64,
    /// A correct citation among the first three.
    pub r_at_3: f64,
    /// Short answer correct, over answerable questions with a gold answer.
    pub short: f64,
    /// Questions with a gold short answer.
    pub short_total: usize,
    /// Unanswerable questions abstained on.
    pub abstained: f64,
    /// Questions right overall.
    pub overall: f64,
    /// Count right overall.
    pub right: usize,
    /// One line per miss.
    pub misses: Vec<String>,
}

/// Case, quote and white-space folding, as score.py does (NFKC aside).
fn norm(s: &str) -> String {
    let s = s
        .to_lowercase()
        .replace('\u{2019}', "'")
        .replace(['\u{201c}', '\u{201d}'], "\"");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads a gold file (one JSON object per line).
pub fn read_gold(path: &Path) -> anyhow::Result<Vec<Gold>> {
    let raw = std::fs::read_to_string(path)?;
    let mut out = Vec::new();
    for (i, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let g: Gold = serde_json::from_str(line)
            .map_err(|e| anyhow::anyhow!("{}:{}: {e}", path.display(), i + 1))?;
        out.push(g);
    }
    Ok(out)
}

/// Asks every gold question and scores the answers.
pub fn evaluate(engine: &Engine, gold: &[Gold]) -> Report {
    let answers: Vec<Answer> = gold.iter().map(|g| engine.ask(&g.q, 3)).collect();
    score(gold, &answers)
}

/// Scores answers against gold questions.
pub fn score(gold: &[Gold], answers: &[Answer]) -> Report {
    let mut r = Report::default();
    let (mut p1, mut r3, mut short_ok, mut abstain) = (0, 0, 0, 0);
    for (g, a) in gold.iter().zip(answers) {
        let cites: Vec<String> = a.citations.iter().map(|c| norm(&c.text)).collect();
        let found = a.found && !cites.is_empty();
        let ev: Vec<String> = g.evidence.iter().map(|e| norm(e)).collect();
        if ev.is_empty() {
            r.unanswerable += 1;
            if !found {
                abstain += 1;
                r.right += 1;
            } else {
                r.misses
                    .push(format!("FALSE-ANSWER {} {:?} -> {:?}", g.id, g.q, cites[0]));
            }
            continue;
        }
        r.answerable += 1;
        let hit1 = found && ev.iter().any(|e| cites[0].contains(e.as_str()));
        let hit3 = found
            && cites
                .iter()
                .take(3)
                .any(|c| ev.iter().any(|e| c.contains(e.as_str())));
        p1 += usize::from(hit1);
        r3 += usize::from(hit3);
        r.right += usize::from(hit1);
        if !g.answer.is_empty() {
            r.short_total += 1;
            let got = norm(a.answer.as_deref().unwrap_or(""));
            let ok = found && g.answer.iter().any(|x| got.contains(norm(x).as_str()));
            short_ok += usize::from(ok);
            if hit1 && !ok {
                r.misses.push(format!(
                    "SHORT {} {:?} -> {:?} (want {:?})",
                    g.id, g.q, a.answer, g.answer[0]
                ));
            }
        }
        if !hit1 {
            let top = cites
                .first()
                .map_or("(none)".to_string(), |c| c.chars().take(110).collect());
            r.misses.push(format!(
                "MISS {} {:?} -> {:?} (conf {:.2})",
                g.id, g.q, top, a.confidence
            ));
        }
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    r.p_at_1 = pct(p1, r.answerable);
    r.r_at_3 = pct(r3, r.answerable);
    r.short = pct(short_ok, r.short_total);
    r.abstained = pct(abstain, r.unanswerable);
    r.overall = pct(r.right, gold.len());
    r
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "answerable {}: p@1 {:.1}%  r@3 {:.1}%  short-answer {:.1}% of {}",
            self.answerable, self.p_at_1, self.r_at_3, self.short, self.short_total
        )?;
        writeln!(
            f,
            "unanswerable {}: abstained {:.1}%",
            self.unanswerable, self.abstained
        )?;
        write!(
            f,
            "overall {:.1}% right ({}/{})",
            self.overall,
            self.right,
            self.answerable + self.unanswerable
        )
    }
}
