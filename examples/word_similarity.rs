//! How close two words are in meaning, by the two sets of word vectors built into citebot.
//!
//! The engine leans on these figures to close the gap between the user's words and the
//! article's ("marchers" ~ "demonstrators", "carrying" ~ "held"): GloVe's vectors, trained on
//! news text, measure how related two words are; the vectors distilled from all-MiniLM-L6-v2
//! are closer to synonymy. Looking at both for a pair of words is the quickest way to see why
//! a question does or does not find its passage.
//!
//! ```text
//! cargo run --release --example word_similarity -- marchers demonstrators carrying held
//! marchers ~ demonstrators   GloVe 0.850   MiniLM -
//! carrying ~ held            GloVe 0.461   MiniLM 0.284
//! ```
//!
//! A `-` means the word has no vector in that set. Words come in pairs; an odd one out is
//! left alone.

use citebot::embed::Embeddings;

fn main() {
    let words: Vec<String> = std::env::args().skip(1).collect();
    if words.len() < 2 {
        eprintln!("usage: word_similarity WORD OTHER [WORD OTHER ...]");
        std::process::exit(2);
    }
    // Both sets are compiled into the binary and loaded once, on first use.
    let glove = Embeddings::glove();
    let minilm = Embeddings::get();
    let show = |set: Option<&Embeddings>, a: &str, b: &str| {
        set.and_then(|e| e.similarity(a, b))
            .map_or_else(|| "-".to_string(), |cos| format!("{cos:.3}"))
    };
    for pair in words.chunks_exact(2) {
        let (a, b) = (pair[0].to_lowercase(), pair[1].to_lowercase());
        println!(
            "{:<26} GloVe {:<7} MiniLM {}",
            format!("{a} ~ {b}"),
            show(glove, &a, &b),
            show(minilm, &a, &b)
        );
    }
}
