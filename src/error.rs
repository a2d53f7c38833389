//! The engine's error type: every way building, opening or querying the index can fail.

use std::path::PathBuf;

/// Errors raised by the citebot engine. Each says what went wrong and, where the user can act,
/// what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The data directory is missing or cannot be read.
    #[error("cannot read the data directory {path}: {source} (create it and put .txt or .md articles in it)")]
    DataDir {
        /// The directory that was looked at.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// The data directory holds no article to index.
    #[error("no .txt or .md article found in {0}: add one (see README, \"Add an article\")")]
    NoDocuments(PathBuf),
    /// An article or its metadata file cannot be read or parsed.
    #[error("cannot read {path}: {reason}")]
    Document {
        /// The file that failed.
        path: PathBuf,
        /// Why it failed.
        reason: String,
    },
    /// The index directory cannot be created, written or read.
    #[error("index directory {path}: {source}")]
    IndexIo {
        /// The directory involved.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// Another process holds the index's write lock.
    #[error("the index in {0} is locked by another citebot process; stop it, or remove the index directory and try again")]
    IndexLocked(PathBuf),
    /// tantivy refused an operation (a corrupt or foreign index, a full disk...).
    #[error("the index in {path} cannot be used ({source}); delete the directory and run `citebot index` to rebuild it")]
    Index {
        /// The index directory.
        path: PathBuf,
        /// tantivy's error.
        source: tantivy::TantivyError,
    },
}

/// The engine's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
