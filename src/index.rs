//! The sentence index: a tantivy index of every citable sentence, built atomically into `index/`
//! and rebuilt when the articles in `data/` change.
//!
//! Layout: `index/CURRENT` names the generation in use (`gen-<hash>`); a build goes to a
//! `.build-*` folder first and is renamed into place, then `CURRENT` is replaced, so a crash
//! during a build leaves the old index serving. Each generation holds a `manifest.json` with the
//! content hash of `data/` and the documents' metadata and headings.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tantivy::collector::DocSetCollector;
use tantivy::query::AllQuery;
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::tokenizer::{
    Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
    Token, TokenFilter, TokenStream, Tokenizer,
};
use tantivy::{doc, Index, IndexReader, ReloadPolicy, TantivyDocument};

use crate::error::{Error, Result};
use crate::ingest::{self, DocMeta, Document, Paragraph, Sentence};

/// Bump when ingestion or the schema changes, so that existing indexes are rebuilt.
const FORMAT_VERSION: &str = "citebot-index-6";
/// The index writer's memory budget. At 1M sentences 50 MB made many small segments to merge.
const WRITER_HEAP: usize = 400_000_000;
/// From this many sentences on, the index is built on two threads.
const PARALLEL_FROM: usize = 50_000;
/// Most distinct words whose stems the index build remembers.
const STEM_CACHE: usize = 500_000;
/// Name of the analyser registered for the text fields.
pub const ANALYZER: &str = "citebot_en";
const CURRENT: &str = "CURRENT";
const MANIFEST: &str = "manifest.json";

/// The fields of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// The sentence, stored and analysed (lower case, English stemming).
    pub text: Field,
    /// The neighbouring sentences, the section heading and the person a pronoun refers to.
    pub context: Field,
    /// Index of the document in the manifest.
    pub doc: Field,
    /// 1-based paragraph number.
    pub paragraph: Field,
    /// 1-based sentence number in the paragraph.
    pub sentence: Field,
    /// Byte offsets of the sentence in its file.
    pub start: Field,
    /// Byte offset just past the sentence.
    pub end: Field,
}

/// What an index generation records beside the tantivy files.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Manifest {
    version: String,
    hash: String,
    documents: Vec<ManifestDoc>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct ManifestDoc {
    id: String,
    meta: DocMeta,
    paragraphs: usize,
    /// Paragraph number, text and byte offset of each heading.
    headings: Vec<(usize, String, usize)>,
}

/// An open index: the tantivy reader (one for the life of the program) and the corpus it holds.
pub struct SentenceIndex {
    /// The tantivy index.
    pub index: Index,
    /// The one reader; take a searcher from it per request.
    pub reader: IndexReader,
    /// The schema's fields.
    pub fields: Fields,
    /// The documents, rebuilt from the stored sentences and the manifest.
    pub documents: Vec<Document>,
    /// Where the generation in use lives.
    pub path: PathBuf,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(ANALYZER)
        // Term frequencies for BM25; no positions (there is no phrase query).
        .set_index_option(IndexRecordOption::WithFreqs);
    let text = b.add_text_field(
        "text",
        TextOptions::default()
            .set_indexing_options(indexing.clone())
            .set_stored(),
    );
    let context = b.add_text_field(
        "context",
        TextOptions::default().set_indexing_options(indexing),
    );
    let stored = NumericOptions::default().set_stored();
    let doc = b.add_u64_field("doc", stored.clone());
    let paragraph = b.add_u64_field("paragraph", stored.clone());
    let sentence = b.add_u64_field("sentence", stored.clone());
    let start = b.add_u64_field("start", stored.clone());
    let end = b.add_u64_field("end", stored);
    (
        b.build(),
        Fields {
            text,
            context,
            doc,
            paragraph,
            sentence,
            start,
            end,
        },
    )
}

/// The analyser used for both indexing and querying.
pub fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// [`analyzer`] for the index build: the same tokens, but each distinct word is stemmed once
/// (every sentence is analysed about three times, in its own field and in its neighbours'
/// context, and stemming was a third of the indexing thread's time).
fn indexing_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(CachedStemmer)
        .build()
}

/// A token filter that stems as [`Stemmer`] (English) does, remembering the stems it made.
#[derive(Clone)]
struct CachedStemmer;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner: tokenizer,
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(Language::English))
                .build(),
            stems: rustc_hash::FxHashMap::default(),
        }
    }
}

#[derive(Clone)]
struct CachedStemmerFilter<T> {
    inner: T,
    /// The stemmer alone, on a whole token.
    stemmer: TextAnalyzer,
    stems: rustc_hash::FxHashMap<String, String>,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: &mut self.stemmer,
            stems: &mut self.stems,
        }
    }
}

struct CachedStemmerStream<'a, T> {
    tail: T,
    stemmer: &'a mut TextAnalyzer,
    stems: &'a mut rustc_hash::FxHashMap<String, String>,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stemmed) = self.stems.get(&token.text) {
            token.text.clear();
            token.text.push_str(stemmed);
            return true;
        }
        let mut stemmed = String::new();
        {
            let mut stream = self.stemmer.token_stream(&token.text);
            while stream.advance() {
                stemmed.push_str(&stream.token().text);
            }
        }
        let word = std::mem::replace(&mut token.text, stemmed);
        if self.stems.len() < STEM_CACHE {
            self.stems.insert(word, token.text.clone());
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

/// The content hash of the articles in `data_dir` (and of the index format).
pub fn data_hash(data_dir: &Path) -> Result<String> {
    let mut hasher = Sha256::new();
    hasher.update(FORMAT_VERSION.as_bytes());
    for path in ingest::document_paths(data_dir)? {
        for file in [path.clone(), ingest::meta_path(&path)] {
            if !file.exists() {
                continue;
            }
            let bytes = fs::read(&file).map_err(|e| Error::Document {
                path: file.clone(),
                reason: e.to_string(),
            })?;
            hasher.update(
                file.file_name()
                    .map(|n| n.as_encoded_bytes())
                    .unwrap_or_default(),
            );
            hasher.update((bytes.len() as u64).to_le_bytes());
            hasher.update(&bytes);
        }
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::IndexIo {
        path: path.to_path_buf(),
        source,
    }
}

fn tantivy_err(path: &Path) -> impl FnOnce(tantivy::TantivyError) -> Error + '_ {
    move |source| match source {
        tantivy::TantivyError::LockFailure(..) => Error::IndexLocked(path.to_path_buf()),
        source => Error::Index {
            path: path.to_path_buf(),
            source,
        },
    }
}

/// The hash of the index generation currently in `index_dir`, if there is a usable one.
pub fn current_hash(index_dir: &Path) -> Option<String> {
    let generation = fs::read_to_string(index_dir.join(CURRENT)).ok()?;
    let manifest = fs::read_to_string(index_dir.join(generation.trim()).join(MANIFEST)).ok()?;
    let manifest: Manifest = serde_json::from_str(&manifest).ok()?;
    Some(manifest.hash)
}

/// Whether the index is missing or does not match the articles in `data_dir`.
pub fn is_stale(data_dir: &Path, index_dir: &Path) -> Result<bool> {
    Ok(current_hash(index_dir).as_deref() != Some(data_hash(data_dir)?.as_str()))
}

/// Builds the index of `documents` into `index_dir`, atomically, and makes it current.
pub fn build(documents: &[Document], hash: &str, index_dir: &Path) -> Result<PathBuf> {
    fs::create_dir_all(index_dir).map_err(io_err(index_dir))?;
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let staging = index_dir.join(format!(".build-{}-{nanos}", std::process::id()));
    fs::create_dir_all(&staging).map_err(io_err(&staging))?;
    let result = write_generation(documents, hash, &staging);
    if let Err(e) = result {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    let name = format!("gen-{}", &hash[..16.min(hash.len())]);
    let target = index_dir.join(&name);
    if target.exists() {
        // Built before from the same content, but it may be damaged: the fresh build wins.
        let _ = fs::remove_dir_all(&target);
    }
    if let Err(e) = fs::rename(&staging, &target) {
        let _ = fs::remove_dir_all(&staging);
        if !target.exists() {
            return Err(io_err(&target)(e));
        }
    }
    let tmp = index_dir.join(format!(".{CURRENT}.{}", std::process::id()));
    fs::write(&tmp, &name).map_err(io_err(&tmp))?;
    fs::rename(&tmp, index_dir.join(CURRENT)).map_err(io_err(index_dir))?;
    remove_old_generations(index_dir, &name);
    Ok(target)
}

fn remove_old_generations(index_dir: &Path, keep: &str) {
    let Ok(entries) = fs::read_dir(index_dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let old_gen = name.starts_with("gen-") && name != keep;
        let dead_build = name.starts_with(".build-") && !is_own_build(&name);
        if old_gen || dead_build {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// A staging folder of a process that is still running is left alone.
fn is_own_build(name: &str) -> bool {
    let pid = name
        .trim_start_matches(".build-")
        .split('-')
        .next()
        .and_then(|p| p.parse::<u32>().ok());
    match pid {
        Some(pid) if pid == std::process::id() => true,
        Some(pid) => Path::new(&format!("/proc/{pid}")).exists(),
        None => false,
    }
}

fn write_generation(documents: &[Document], hash: &str, dir: &Path) -> Result<()> {
    let (schema, f) = schema();
    let index = Index::create_in_dir(dir, schema).map_err(tantivy_err(dir))?;
    index.tokenizers().register(ANALYZER, indexing_analyzer());
    // One indexing thread keeps a small corpus in one segment, in document order. A large one
    // gets two (the machine's two cores): the segments then depend on which thread takes which
    // batch, but BM25 statistics are over all segments, so scores do not change.
    let sentences: usize = documents.iter().map(Document::sentence_count).sum();
    let threads = if sentences >= PARALLEL_FROM { 2 } else { 1 };
    let mut writer = index
        .writer_with_num_threads(threads, WRITER_HEAP)
        .map_err(tantivy_err(dir))?;
    for (doc_no, document) in documents.iter().enumerate() {
        let sentences = citable(document);
        for (i, (paragraph, sentence)) in sentences.iter().enumerate() {
            let context = context_text(document, &sentences, i);
            writer
                .add_document(doc!(
                    f.text => sentence.text.as_str(),
                    f.context => context,
                    f.doc => doc_no as u64,
                    f.paragraph => paragraph.number as u64,
                    f.sentence => sentence.number as u64,
                    f.start => sentence.start as u64,
                    f.end => sentence.end as u64,
                ))
                .map_err(tantivy_err(dir))?;
        }
    }
    writer.commit().map_err(tantivy_err(dir))?;
    writer.wait_merging_threads().map_err(tantivy_err(dir))?;
    let manifest = Manifest {
        version: FORMAT_VERSION.to_string(),
        hash: hash.to_string(),
        documents: documents
            .iter()
            .map(|d| ManifestDoc {
                id: d.id.clone(),
                meta: d.meta.clone(),
                paragraphs: d.paragraphs.len(),
                headings: d
                    .paragraphs
                    .iter()
                    .filter(|p| p.heading)
                    .map(|p| {
                        (
                            p.number,
                            p.text.clone(),
                            p.sentences.first().map_or(0, |s| s.start),
                        )
                    })
                    .collect(),
            })
            .collect(),
    };
    let json = serde_json::to_string_pretty(&manifest).map_err(|e| Error::IndexIo {
        path: dir.to_path_buf(),
        source: std::io::Error::other(e),
    })?;
    fs::write(dir.join(MANIFEST), json).map_err(io_err(dir))?;
    Ok(())
}

/// The citable sentences of a document (headings excluded), with their paragraphs.
pub fn citable(document: &Document) -> Vec<(&Paragraph, &Sentence)> {
    document
        .paragraphs
        .iter()
        .filter(|p| !p.heading)
        .flat_map(|p| p.sentences.iter().map(move |s| (p, s)))
        .collect()
}

/// The weaker field of sentence `i`: its neighbours in the same paragraph (or the paragraphs
/// around it), the heading above it, and the person a leading pronoun stands for.
pub fn context_text(
    document: &Document,
    sentences: &[(&Paragraph, &Sentence)],
    i: usize,
) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if i > 0 {
        parts.push(sentences[i - 1].1.text.as_str());
    }
    if let Some(next) = sentences.get(i + 1) {
        parts.push(next.1.text.as_str());
    }
    let number = sentences[i].0.number;
    if let Some(heading) = document
        .paragraphs
        .iter()
        .rev()
        .find(|p| p.heading && p.number < number)
    {
        parts.push(heading.text.as_str());
    }
    let mut text = parts.join(" ");
    if let Some(name) = crate::retrieve::pronoun_antecedent(sentences, i) {
        text.push(' ');
        text.push_str(&name);
    }
    text
}

/// Opens the current index generation in `index_dir`.
pub fn open(index_dir: &Path) -> Result<SentenceIndex> {
    let current = index_dir.join(CURRENT);
    let generation = fs::read_to_string(&current).map_err(io_err(&current))?;
    let path = index_dir.join(generation.trim());
    let manifest_path = path.join(MANIFEST);
    let manifest: Manifest = fs::read_to_string(&manifest_path)
        .map_err(io_err(&manifest_path))
        .and_then(|raw| {
            serde_json::from_str(&raw).map_err(|e| Error::IndexIo {
                path: manifest_path.clone(),
                source: std::io::Error::other(e),
            })
        })?;
    let index = Index::open_in_dir(&path).map_err(tantivy_err(&path))?;
    index.tokenizers().register(ANALYZER, analyzer());
    let (_, fields) = schema();
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(tantivy_err(&path))?;
    let documents = load_documents(&reader, &fields, &manifest).map_err(tantivy_err(&path))?;
    Ok(SentenceIndex {
        index,
        reader,
        fields,
        documents,
        path,
    })
}

fn load_documents(
    reader: &IndexReader,
    f: &Fields,
    manifest: &Manifest,
) -> tantivy::Result<Vec<Document>> {
    let searcher = reader.searcher();
    let mut rows: Vec<(usize, usize, Sentence)> = Vec::new();
    for address in searcher.search(&AllQuery, &DocSetCollector)? {
        let stored: TantivyDocument = searcher.doc(address)?;
        let num = |field| {
            stored
                .get_first(field)
                .and_then(|v| v.as_u64())
                .unwrap_or(0) as usize
        };
        let text = stored
            .get_first(f.text)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string();
        rows.push((
            num(f.doc),
            num(f.paragraph),
            Sentence {
                number: num(f.sentence),
                text,
                start: num(f.start),
                end: num(f.end),
            },
        ));
    }
    rows.sort_by_key(|(d, p, s)| (*d, *p, s.number));
    let mut documents: Vec<Document> = manifest
        .documents
        .iter()
        .map(|m| Document {
            id: m.id.clone(),
            meta: m.meta.clone(),
            paragraphs: (1..=m.paragraphs)
                .map(|number| {
                    let heading = m.headings.iter().find(|(n, _, _)| *n == number);
                    Paragraph {
                        number,
                        heading: heading.is_some(),
                        text: heading.map(|(_, t, _)| t.clone()).unwrap_or_default(),
                        sentences: heading
                            .map(|(_, t, start)| Sentence {
                                number: 1,
                                text: t.clone(),
                                start: *start,
                                end: start + t.len(),
                            })
                            .into_iter()
                            .collect(),
                    }
                })
                .collect(),
        })
        .collect();
    for (d, p, sentence) in rows {
        if let Some(paragraph) = documents
            .get_mut(d)
            .and_then(|doc| doc.paragraphs.get_mut(p.wrapping_sub(1)))
        {
            paragraph.sentences.push(sentence);
        }
    }
    for document in &mut documents {
        for paragraph in &mut document.paragraphs {
            if !paragraph.heading {
                paragraph.text = paragraph
                    .sentences
                    .iter()
                    .map(|s| s.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
            }
        }
    }
    Ok(documents)
}

/// Opens the index, building or rebuilding it first when it is missing or stale.
/// Returns the index and whether it was (re)built.
pub fn open_or_build(data_dir: &Path, index_dir: &Path) -> Result<(SentenceIndex, bool)> {
    let hash = data_hash(data_dir)?;
    let mut built = false;
    if current_hash(index_dir).as_deref() != Some(hash.as_str()) {
        let documents = ingest::load_dir(data_dir)?;
        build(&documents, &hash, index_dir)?;
        built = true;
    }
    match open(index_dir) {
        Ok(index) => Ok((index, built)),
        Err(_) if !built => {
            // An unreadable generation: rebuild once from data/.
            let documents = ingest::load_dir(data_dir)?;
            build(&documents, &hash, index_dir)?;
            Ok((open(index_dir)?, true))
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod stem_tests {
    use super::*;

    fn terms(mut a: TextAnalyzer, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut s = a.token_stream(text);
        while s.advance() {
            out.push(s.token().text.clone());
        }
        out
    }

    #[test]
    fn cached_stems_are_the_stemmers() {
        let text = "The protesters were protesting; protesters PROTESTED running runs ran İstanbul";
        assert_eq!(terms(indexing_analyzer(), text), terms(analyzer(), text));
    }
}
