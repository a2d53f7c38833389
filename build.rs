//! Build script: indexes the WordNet tables in `assets/wordnet/`, the thesaurus in
//! `assets/thesaurus/` and the word vectors' vocabularies (line starts, and a hash table of their
//! keys), so that a word is looked up over the compiled-in text instead of parsing 150,000 lines
//! into hash maps at start-up and keeping them in memory.

use std::env;
use std::fs;
use std::path::Path;

#[path = "src/fnv.rs"]
mod fnv;

use fnv::fnv1a;

/// The tables keyed by their first column (one line per key): file and the name of its index.
const TABLES: &[(&str, &str)] = &[
    ("assets/wordnet/lemmas.tsv", "lemmas"),
    ("assets/wordnet/related.tsv", "related"),
    ("assets/wordnet/antonyms.tsv", "antonyms"),
    ("assets/thesaurus/moby.tsv", "moby"),
    ("assets/embeddings/vocab.txt", "minilm_vocab"),
    ("assets/embeddings/neighbours.tsv", "minilm_neighbours"),
    ("assets/glove/vocab.txt", "glove_vocab"),
];

fn main() {
    println!("cargo:rerun-if-changed=src/fnv.rs");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for (path, table) in TABLES {
        println!("cargo:rerun-if-changed={path}");
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut starts: Vec<u8> = Vec::new();
        let mut keys: Vec<&str> = Vec::new();
        let mut offset = 0usize;
        for line in text.split_inclusive('\n') {
            keys.push(line.split('\t').next().unwrap_or("").trim_end_matches('\n'));
            let start = u32::try_from(offset).expect("table under 4 GB");
            starts.extend_from_slice(&start.to_le_bytes());
            offset += line.len();
        }
        // An open-addressing hash table of line numbers (+ 1; 0 = empty), at most half full.
        let size = (keys.len() * 2).next_power_of_two();
        let mut slots = vec![0u32; size];
        for (i, key) in keys.iter().enumerate() {
            let mut h = fnv1a(key) & (size - 1);
            while slots[h] != 0 {
                h = (h + 1) & (size - 1);
            }
            slots[h] = u32::try_from(i + 1).expect("under 4G lines");
        }
        let out = Path::new(&out_dir);
        fs::write(out.join(format!("{table}.idx")), starts).expect("write the line index");
        let bytes: Vec<u8> = slots.iter().flat_map(|s| s.to_le_bytes()).collect();
        fs::write(out.join(format!("{table}.hash")), bytes).expect("write the hash table");
    }
}
