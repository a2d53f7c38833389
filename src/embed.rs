//! Static word vectors (distilled from all-MiniLM-L6-v2, see `assets/embeddings/README.md`):
//! how close two words are in meaning, for the words WordNet does not link.

/// The word vectors, loaded once for the life of the program.
#[derive(Debug)]
pub struct Embeddings {
    _private: (),
}

impl Embeddings {
    /// The shared vectors, or `None` when the build carries none.
    pub fn get() -> Option<&'static Embeddings> {
        None
    }

    /// The row of `word`, if it has a vector.
    pub fn row(&self, _word: &str) -> Option<u32> {
        None
    }

    /// Cosine similarity of two rows.
    pub fn cosine(&self, _a: u32, _b: u32) -> f32 {
        0.0
    }

    /// How common the word of a row is in English, 0 (most common) to 1 (rarest or unknown).
    pub fn rarity(&self, _row: u32) -> f32 {
        1.0
    }
}
