//! Static word vectors (distilled from all-MiniLM-L6-v2, see `assets/embeddings/README.md`):
//! how close two words are in meaning, for the words WordNet does not link, and how common a
//! word is in English (the vocabulary is ordered by frequency).

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

const VOCAB: &str = include_str!("../assets/embeddings/vocab.txt");
const VECTORS: &[u8] = include_bytes!("../assets/embeddings/vectors.i8");
const NEIGHBOURS: &str = include_str!("../assets/embeddings/neighbours.tsv");
/// Dimensions per vector (see `meta.json`).
pub const DIM: usize = 128;
/// Vectors are unit length, quantised as round(v * SCALE).
const SCALE: f32 = 127.0;

/// The word vectors, loaded once for the life of the program.
#[derive(Debug)]
pub struct Embeddings {
    rows: HashMap<&'static str, u32>,
    neighbours: HashMap<&'static str, &'static str>,
    count: usize,
}

impl Embeddings {
    /// The shared vectors (parsed on first use, a few milliseconds).
    pub fn get() -> Option<&'static Embeddings> {
        static EMBEDDINGS: OnceLock<Option<Embeddings>> = OnceLock::new();
        EMBEDDINGS.get_or_init(Embeddings::parse).as_ref()
    }

    fn parse() -> Option<Embeddings> {
        let rows: HashMap<&'static str, u32> = VOCAB
            .lines()
            .enumerate()
            .map(|(i, w)| (w, i as u32))
            .collect();
        let count = rows.len();
        let neighbours = NEIGHBOURS
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .collect();
        (VECTORS.len() == count * DIM && count > 0).then_some(Embeddings {
            rows,
            neighbours,
            count,
        })
    }

    /// The row of `word`, if it has a vector.
    pub fn row(&self, word: &str) -> Option<u32> {
        self.rows.get(word).copied()
    }

    fn vector(&self, row: u32) -> &[u8] {
        let start = row as usize * DIM;
        &VECTORS[start..start + DIM]
    }

    /// The nearest words of `word` in the whole vocabulary (cosine >= 0.6), best first.
    pub fn neighbours(&self, word: &str) -> impl Iterator<Item = (&'static str, f32)> {
        self.neighbours
            .get(word)
            .copied()
            .unwrap_or("")
            .split(' ')
            .filter_map(|pair| {
                let (w, c) = pair.split_once(':')?;
                Some((w, c.parse().ok()?))
            })
    }

    /// Cosine similarity of two rows.
    pub fn cosine(&self, a: u32, b: u32) -> f32 {
        let (x, y) = (self.vector(a), self.vector(b));
        let dot: i32 = x
            .iter()
            .zip(y)
            .map(|(&p, &q)| i32::from(p as i8) * i32::from(q as i8))
            .sum();
        dot as f32 / (SCALE * SCALE)
    }

    /// How rare the word of a row is in English: 0 for the most common word, 1 for the rarest.
    pub fn rarity(&self, row: u32) -> f32 {
        ((row as f32 + 2.0).ln() / (self.count as f32 + 2.0).ln()).clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Embeddings;

    #[test]
    fn close_words_are_closer_than_unrelated_ones() {
        let e = Embeddings::get().expect("vectors are built in");
        let row = |w| e.row(w).expect("in vocabulary");
        assert!(e.cosine(row("police"), row("cops")) > 0.8);
        assert!(e.cosine(row("police"), row("flowers")) < 0.2);
        assert!(e.rarity(row("the")) < e.rarity(row("detained")));
    }
}
