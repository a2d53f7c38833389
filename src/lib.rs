//! citebot: answers questions about news articles and cites the passage each answer comes from.
//!
//! The engine is a pipeline, one module per stage: [`ingest`] (articles to sentences) ->
//! [`index`] (tantivy) -> [`retrieve`] (question terms, related words, scoring) -> [`answer`]
//! (question kind, short answer, abstention), fronted by [`engine::Engine`]. The engine does no
//! network I/O.

pub mod answer;
pub mod cli;
pub mod config;
pub mod embed;
pub mod engine;
pub mod error;
pub mod eval;
mod fnv;
pub mod format;
pub mod index;
pub mod ingest;
pub mod lexicon;
pub mod retrieve;
mod table;
pub mod telegram;
pub mod text;

pub use engine::{Answer, Citation, Engine, EngineConfig};
pub use error::{Error, Result};
