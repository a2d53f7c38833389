//! Ingestion: reads the articles in the data directory and splits them into paragraphs and sentences.
//!
//! One paragraph is one line. Sentences come from the `sentencex` segmenter, then two repairs that
//! news text needs: a quotation is never split (a paragraph that opens with a stray closing quote
//! opens a quotation), and a piece that starts in lower case continues the previous sentence (an
//! ellipsis inside a quote is not a sentence end). A short line without final punctuation is a
//! heading: it is kept for context but never cited as an answer.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// What is known about a document besides its text; read from `NAME.meta.json` beside it.
/// Unknown fields stay empty.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DocMeta {
    /// The article's headline, if known.
    pub title: String,
    /// Publication date, `YYYY-MM-DD`, if known.
    pub date: String,
    /// Who published it, if known.
    pub source: String,
    /// Where it was published, if known.
    pub url: String,
}

/// One article: its file name (the id citations use), metadata and paragraphs.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// File name inside the data directory, e.g. `belarus-protests-2020-08-16.txt`.
    pub id: String,
    /// Metadata from the sidecar file.
    pub meta: DocMeta,
    /// Paragraphs in order; numbers start at 1.
    pub paragraphs: Vec<Paragraph>,
}

/// One line of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// 1-based paragraph number (blank lines are not counted).
    pub number: usize,
    /// True for a heading line such as "Call for mass strikes".
    pub heading: bool,
    /// The paragraph's text as in the file.
    pub text: String,
    /// The sentences, in order (a heading has one).
    pub sentences: Vec<Sentence>,
}

/// One sentence, with where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// 1-based sentence number inside its paragraph.
    pub number: usize,
    /// The sentence exactly as in the article.
    pub text: String,
    /// Byte offset of the sentence's start in the document file.
    pub start: usize,
    /// Byte offset just past the sentence's end in the document file.
    pub end: usize,
}

impl Document {
    /// The title to show: the metadata title, or one made from the file name.
    pub fn display_title(&self) -> String {
        display_title(&self.meta, &self.id)
    }

    /// Number of citable sentences (headings excluded).
    pub fn sentence_count(&self) -> usize {
        self.paragraphs
            .iter()
            .filter(|p| !p.heading)
            .map(|p| p.sentences.len())
            .sum()
    }
}

/// The title to show for a document: its metadata title, else its file name made readable
/// (`belarus-protests-2020-08-16.txt` -> `Belarus protests 2020-08-16`).
pub fn display_title(meta: &DocMeta, id: &str) -> String {
    if !meta.title.trim().is_empty() {
        return meta.title.trim().to_string();
    }
    let stem = id.rsplit_once('.').map_or(id, |(s, _)| s);
    // The date is shown on its own; do not repeat it in a title made from the file name.
    let stem = match stem.strip_suffix(meta.date.as_str()) {
        Some(rest) if !meta.date.is_empty() && !rest.trim_end_matches(['-', '_']).is_empty() => {
            rest.trim_end_matches(['-', '_'])
        }
        _ => stem,
    };
    let mut words: Vec<String> = Vec::new();
    let mut date_parts: Vec<&str> = Vec::new();
    for part in stem.split(['-', '_']) {
        if part.chars().all(|c| c.is_ascii_digit()) && !part.is_empty() {
            date_parts.push(part);
        } else {
            if !date_parts.is_empty() {
                words.push(date_parts.join("-"));
                date_parts.clear();
            }
            words.push(part.to_string());
        }
    }
    if !date_parts.is_empty() {
        words.push(date_parts.join("-"));
    }
    let mut title = words.join(" ");
    if let Some(first) = title.get(0..1) {
        title = first.to_uppercase() + &title[1..];
    }
    title
}

/// The files in `dir` that are indexed: `*.txt` and `*.md`, sorted by name.
pub fn document_paths(dir: &Path) -> Result<Vec<PathBuf>> {
    let entries = fs::read_dir(dir).map_err(|source| Error::DataDir {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("txt") | Some("md")
            )
        })
        .collect();
    paths.sort();
    Ok(paths)
}

/// The metadata sidecar of a document: `NAME.meta.json` beside `NAME.txt`.
pub fn meta_path(doc_path: &Path) -> PathBuf {
    doc_path.with_extension("meta.json")
}

/// Reads and segments every document in `dir`.
pub fn load_dir(dir: &Path) -> Result<Vec<Document>> {
    let paths = document_paths(dir)?;
    if paths.is_empty() {
        return Err(Error::NoDocuments(dir.to_path_buf()));
    }
    paths.iter().map(|p| load_file(p)).collect()
}

/// Reads and segments one document and its metadata sidecar, if any.
pub fn load_file(path: &Path) -> Result<Document> {
    let bytes = fs::read(path).map_err(|e| Error::Document {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    let text = String::from_utf8(bytes).map_err(|_| Error::Document {
        path: path.to_path_buf(),
        reason: "not UTF-8 text; save it as UTF-8".to_string(),
    })?;
    let meta_file = meta_path(path);
    let meta = if meta_file.exists() {
        let raw = fs::read_to_string(&meta_file).map_err(|e| Error::Document {
            path: meta_file.clone(),
            reason: e.to_string(),
        })?;
        serde_json::from_str(&raw).map_err(|e| Error::Document {
            path: meta_file.clone(),
            reason: format!("invalid metadata JSON: {e}"),
        })?
    } else {
        DocMeta::default()
    };
    let id = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(parse_document(&id, meta, &text))
}

/// Splits a document's text into paragraphs (one per non-blank line) and sentences.
pub fn parse_document(id: &str, meta: DocMeta, text: &str) -> Document {
    let mut paragraphs = Vec::new();
    let mut offset = 0;
    for raw_line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw_line.len();
        let line = raw_line.trim_end_matches(['\n', '\r']);
        let lead = line.len() - line.trim_start().len();
        let body = line.trim();
        if body.is_empty() {
            continue;
        }
        let base = line_start + lead;
        let number = paragraphs.len() + 1;
        let heading = is_heading(body);
        let sentences = if heading {
            vec![Sentence {
                number: 1,
                text: body.to_string(),
                start: base,
                end: base + body.len(),
            }]
        } else {
            split_sentences(body)
                .into_iter()
                .enumerate()
                .map(|(i, (s, e))| Sentence {
                    number: i + 1,
                    text: body[s..e].to_string(),
                    start: base + s,
                    end: base + e,
                })
                .collect()
        };
        paragraphs.push(Paragraph {
            number,
            heading,
            text: body.to_string(),
            sentences,
        });
    }
    Document {
        id: id.to_string(),
        meta,
        paragraphs,
    }
}

/// A heading: a short line (at most 12 words) that does not end like a sentence.
fn is_heading(line: &str) -> bool {
    let last = line.chars().last().unwrap_or('.');
    let ends_like_sentence = matches!(
        last,
        '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ':' | ';' | ','
    );
    !ends_like_sentence && line.split_whitespace().count() <= 12
}

/// Byte ranges of the sentences in one paragraph, trimmed of surrounding white space.
pub fn split_sentences(paragraph: &str) -> Vec<(usize, usize)> {
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    for b in sentencex::get_sentence_boundaries("en", paragraph) {
        let (s, e) = trim_range(paragraph, b.start_byte, b.end_byte);
        if s < e {
            pieces.push((s, e));
        }
    }
    if pieces.is_empty() {
        let (s, e) = trim_range(paragraph, 0, paragraph.len());
        return if s < e { vec![(s, e)] } else { Vec::new() };
    }
    let mut merged: Vec<(usize, usize)> = Vec::new();
    let mut in_quote = false;
    for (i, &(s, e)) in pieces.iter().enumerate() {
        let piece = &paragraph[s..e];
        let continues = match merged.last() {
            None => false,
            Some(_) => in_quote || starts_lowercase(piece),
        };
        if continues {
            if let Some(last) = merged.last_mut() {
                last.1 = e;
            }
        } else {
            merged.push((s, e));
        }
        in_quote = quote_open_after(piece, in_quote, i == 0);
    }
    merged
}

/// Whether a quotation is still open after `piece`, given the state before it. A closing quote
/// at the very start of a paragraph is a typo for an opening one.
fn quote_open_after(piece: &str, mut open: bool, paragraph_start: bool) -> bool {
    for (i, c) in piece.char_indices() {
        match c {
            '“' => open = true,
            // A closing quote opening a paragraph stands for an opening one.
            '”' => open = i == 0 && paragraph_start && !open,
            '"' => open = !open,
            _ => {}
        }
    }
    open
}

fn starts_lowercase(piece: &str) -> bool {
    piece
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_lowercase())
}

fn trim_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let slice = &text[start..end];
    let s = start + (slice.len() - slice.trim_start().len());
    let e = start + slice.trim_end().len();
    (s, e.max(s))
}
