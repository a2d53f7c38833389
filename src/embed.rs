//! Static word vectors: how close two words are in meaning, for the words WordNet does not
//! link, and how common a word is in English (each vocabulary is ordered by frequency). Two sets
//! are built in: vectors distilled from all-MiniLM-L6-v2 (`assets/embeddings/`, with a table of
//! nearest words), and GloVe's (`assets/glove/`), which tell a word's sense in news text.

use crate::table::Table;
use std::sync::OnceLock;

/// A compiled-in table and the index `build.rs` made for it (see [`Table`]).
macro_rules! table {
    ($file:literal, $index:literal) => {
        Table::new(
            include_str!($file),
            include_bytes!(concat!(env!("OUT_DIR"), "/", $index, ".idx")),
            include_bytes!(concat!(env!("OUT_DIR"), "/", $index, ".hash")),
        )
    };
}

/// Vectors are unit length, quantised as round(v * SCALE).
const SCALE: f32 = 127.0;

/// One set of word vectors, loaded once for the life of the program.
#[derive(Debug)]
pub struct Embeddings {
    /// The vocabulary, a word per line: a word's line is its row.
    rows: Table,
    /// Each word's nearest words (`word<TAB>near:cos ...`), if the set has them.
    neighbours: Option<Table>,
    vectors: &'static [u8],
    dim: usize,
    count: usize,
}

impl Embeddings {
    /// The shared MiniLM vectors.
    pub fn get() -> Option<&'static Embeddings> {
        static EMBEDDINGS: OnceLock<Option<Embeddings>> = OnceLock::new();
        EMBEDDINGS
            .get_or_init(|| {
                Embeddings::new(
                    table!("../assets/embeddings/vocab.txt", "minilm_vocab"),
                    include_bytes!("../assets/embeddings/vectors.i8"),
                    Some(table!(
                        "../assets/embeddings/neighbours.tsv",
                        "minilm_neighbours"
                    )),
                    128,
                )
            })
            .as_ref()
    }

    /// The shared GloVe vectors (no table of nearest words): trained on news and Wikipedia
    /// text, they put "staff" near "team" and "detained" near "apprehended".
    pub fn glove() -> Option<&'static Embeddings> {
        static GLOVE: OnceLock<Option<Embeddings>> = OnceLock::new();
        GLOVE
            .get_or_init(|| {
                Embeddings::new(
                    table!("../assets/glove/vocab.txt", "glove_vocab"),
                    include_bytes!("../assets/glove/vectors.i8"),
                    None,
                    100,
                )
            })
            .as_ref()
    }

    fn new(
        rows: Table,
        vectors: &'static [u8],
        neighbours: Option<Table>,
        dim: usize,
    ) -> Option<Embeddings> {
        let count = rows.len();
        (vectors.len() == count * dim && count > 0).then_some(Embeddings {
            rows,
            neighbours,
            vectors,
            dim,
            count,
        })
    }

    /// The row of `word`, if it has a vector.
    pub fn row(&self, word: &str) -> Option<u32> {
        self.rows.find(word).and_then(|r| u32::try_from(r).ok())
    }

    fn vector(&self, row: u32) -> &[u8] {
        let start = row as usize * self.dim;
        &self.vectors[start..start + self.dim]
    }

    /// The nearest words of `word` in the whole vocabulary (cosine >= 0.6), best first.
    pub fn neighbours(&self, word: &str) -> impl Iterator<Item = (&'static str, f32)> {
        self.neighbours
            .and_then(|t| t.get(word))
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

    /// Cosine similarity of two words, if both have a vector.
    pub fn similarity(&self, a: &str, b: &str) -> Option<f32> {
        Some(self.cosine(self.row(a)?, self.row(b)?))
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

    #[test]
    fn glove_knows_the_senses_of_news_words() {
        let g = Embeddings::glove().expect("vectors are built in");
        let sim = |a, b| g.similarity(a, b).expect("in vocabulary");
        assert!(sim("detained", "apprehended") > 0.6);
        assert!(sim("staff", "team") > sim("staff", "flowers"));
    }
}
