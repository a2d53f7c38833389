//! Retrieval: turns a question into weighted terms with their related words, fetches candidate
//! sentences from tantivy and scores how well each one covers the question.
//!
//! A question term matches a sentence word when they share a base form (WordNet morphy or the
//! Snowball stem), when WordNet relates them (synonym, derived form, broader or narrower term) or
//! when their word vectors are close. Raw user text never reaches tantivy's query parser: queries
//! are built from analysed terms only.

use rphonetic::Encoder;
use rustc_hash::FxHashMap as HashMap;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::Term as TantivyTerm;

use crate::embed::Embeddings;
use crate::index::{self, SentenceIndex};
use crate::ingest::{Paragraph, Sentence};
use crate::lexicon::{Lexicon, Relation};
use crate::text::{self, Token};

/// What a question's place (or a word matching it at least this well: "belarusian") matches
/// in every sentence of a document whose title names it: a story headed "Belarus protests" is
/// about Belarus throughout, not about Minsk.
const TITLE_PLACE_MATCH: f32 = 0.8;

/// What a question's place matches in every sentence of a document that names it in at least
/// [`SETTING_MIN_SENTENCES`] sentences: a story set in Minsk tells of a march there without
/// saying "Minsk" again.
const SETTING_PLACE_MATCH: f32 = 0.5;
/// See [`SETTING_PLACE_MATCH`].
const SETTING_MIN_SENTENCES: u32 = 3;
/// What a question word's match keeps in a part of a hyphenated compound: "state-run
/// factories" are not about running, nor about a state as a country.
const COMPOUND_PART_FACTOR: f32 = 0.7;

/// What a two-word noun's related word that only says its first word matches at most (see
/// `Retriever::drop_modifier_senses`).
const MODIFIER_SENSE_MATCH: f32 = 0.4;

/// What "people" in a question matches a plural kind of person in a passage at ("protesters").
const PEOPLE_OF_A_KIND_MATCH: f32 = 0.4;

/// How much a related word's match counts when it is a common word inside a name ("foreign" ~
/// "International" of "Amnesty International", "joined" ~ "Union" of "European Union").
const NAME_PART_FACTOR: f32 = 0.5;

/// How many candidates tantivy hands to the reranker.
const CANDIDATES: usize = 24;
/// The word every negation ("not", "never", "won't") stands for in matching.
pub const NEGATION: &str = "not";
/// Most question terms considered (a 10,000-character message is cut to these).
const MAX_TERMS: usize = 24;
/// Word-vector similarity below which two words are not taken as related.
const MIN_COSINE: f32 = 0.62;
/// Match strength of a thesaurus synonym whose list has the word back, and of one whose list
/// does not (before the allowance for vague words).
const THESAURUS_MUTUAL: f32 = 0.9;
const THESAURUS_ONE_WAY: f32 = 0.75;
/// A thesaurus synonym counts in full when the MiniLM vectors put it at least FROM + SPAN close
/// to the word, not at all at FROM or less: the vectors tell the sense meant ("husband" ~
/// "partner", not "husband" ~ "keep"). (GloVe's cosines, tried instead, let in more of the
/// wrong senses: "minister" ~ "supporters".)
const THESAURUS_GATE_FROM: f32 = 0.1;
const THESAURUS_GATE_SPAN: f32 = 0.3;
/// A word that matches the articles also gets the thesaurus synonyms at least this strong
/// that GloVe puts at least `MATCHED_THESAURUS_GLOVE` close, at `MATCHED_THESAURUS_FACTOR` of
/// their strength ("pressure" ~ "stress").
const MATCHED_THESAURUS_LEAST: f32 = 0.6;
const MATCHED_THESAURUS_GLOVE: f32 = 0.6;
const MATCHED_THESAURUS_FACTOR: f32 = 0.8;
/// What a phrasal verb ("sign up"), or its verb, is worth to a noun of the question ("the
/// signs"): it is no noun, and its meaning is the phrase's.
const PHRASAL_VERB_FOR_NOUN: f32 = 0.5;
/// How strongly a place name matches the body seated there (see `Lexicon::seat_of`).
const SEAT_MATCH: f32 = 0.85;
/// How many of a noun's broader terms [`Vocabulary::compound_kinds`] looks at.
const COMPOUND_KIND_REACH: usize = 3;
/// How strongly a corpus word that is a kind of the question word matches it (see
/// [`Retriever::raise_kinds_of`]).
const KIND_OF_MATCH: f32 = 0.7;
/// What a question's noun keeps matching a form of a verb spelt like it but used apart from it
/// (GloVe cosine below [`VERB_FORM_FOR_NOUN_COSINE`]): "state" in "state tv" ~ "stated".
const VERB_FORM_FOR_NOUN: f32 = 0.6;
/// See [`VERB_FORM_FOR_NOUN`].
const VERB_FORM_FOR_NOUN_COSINE: f32 = 0.45;
/// Verbs that ask for what someone said or wrote (base forms).
const SPEECH_VERBS: &[&str] = &[
    "say", "tell", "write", "read", "chant", "shout", "announce", "declare",
];
/// Verbs that report what someone said, in their base forms: what a question's "say" or
/// "tell" matches at `REPORTED_SPEECH_MATCH`.
pub const REPORTING_VERBS: &[&str] = &[
    "say", "state", "claim", "assert", "insist", "declare", "announce", "tell", "add", "warn",
    "argue", "maintain", "reply", "explain", "note", "stress", "affirm", "contend", "allege",
    "write", "tweet", "remark", "comment", "respond",
];
/// See [`REPORTING_VERBS`].
const REPORTED_SPEECH_MATCH: f32 = 0.65;
/// Verbs that say people were somewhere: asked how many "turned up", a passage where they
/// "gathered" or "took part" tells (each matches the others at [`PRESENCE_MATCH`]).
const PRESENCE_VERBS: &[&str] = &[
    "attend",
    "gather",
    "assemble",
    "congregate",
    "turn_up",
    "show_up",
    "turn_out",
    "take_part",
    "participate",
];
/// See [`PRESENCE_VERBS`].
const PRESENCE_MATCH: f32 = 0.7;
/// What a quotation is worth to a verb of saying ("what did the placards say").
const QUOTE_SAYS: f32 = 0.6;
/// What a term's match is worth when another term matches the same word better.
const SHARED_WORD_FACTOR: f32 = 0.5;
/// Two words next to each other in the question (stop words aside) whose matches stand at
/// most this many words apart in a sentence are read as said together ("want the
/// authorities" ~ "demanded the authorities").
const PROXIMITY_WORDS: usize = 3;
/// What a sentence gains when every pair of neighbouring question words is matched together
/// (see [`PROXIMITY_WORDS`]); in proportion for some of them.
const PROXIMITY_BONUS: f32 = 0.03;
/// Only matches at least this good count as the question's words said together.
const PROXIMITY_MIN_MATCH: f32 = 0.6;
/// How strongly a verb followed by "against" ("ran against him") means "oppose".
const AGAINST_FACTOR: f32 = 0.8;
/// How much of its verb's meaning a phrasal verb keeps ("turn to" ~ "turn").
const PHRASAL_VERB_FACTOR: f32 = 0.75;
/// How strongly a question's phrasal verb means the articles' one with the same particle and a
/// verb of the thesaurus's list ("step down" ~ "actions down", as a rewording may say it).
const PARAPHRASED_PHRASAL_FACTOR: f32 = 0.6;
/// Particles after which the articles' word is read as a phrasal verb's (see
/// [`words_before_particles`]).
const CORPUS_PARTICLES: &[&str] = &["down", "up", "out", "off", "away", "back"];
/// How much of its verb's meaning a phrasal verb on a light verb keeps when WordNet does not
/// relate the two ("give up" ~ "give").
const IDIOM_VERB_FACTOR: f32 = 0.4;
/// A verb with more WordNet senses than this is a light verb ("give", "take", "make").
const LIGHT_VERB_SENSES: usize = 40;
/// How much of a vector match a corpus word passes on to its other forms (same lemma or stem).
const FORM_FAMILY_FACTOR: f32 = 0.95;
/// How much a match in the neighbouring sentences counts against one in the sentence itself.
const CONTEXT_FACTOR: f32 = 0.35;
/// How much a term's match in a sentence's neighbours adds to its rank even when the sentence
/// itself matches better: a tie-breaker for the sentence that stands among related ones.
const CONTEXT_SUPPORT: f32 = 0.05;
/// At most this many stems (the strongest matches) go into the candidate query: beyond them a
/// question only adds weak matches, each costing a posting-list walk on a big corpus.
const MAX_CLAUSE_STEMS: usize = 100;
/// From this many sentences on, very common words select no candidates (see `search`).
const BIG_CORPUS: usize = 10_000;

/// Nouns that name a person without saying who: they also match the corpus nouns for kinds
/// of person ("militant"), at [`ANY_PERSON_MATCH`].
const GENERIC_PERSON_NOUNS: &[&str] = &[
    "person",
    "guy",
    "man",
    "woman",
    "lady",
    "someone",
    "somebody",
    "individual",
    "chap",
    "fellow",
    "bloke",
    "lad",
    "dude",
    "gent",
    "folk",
    "soul",
];

/// Words for people that the deed after them may say which ("the *people* in jail", "*those*
/// who protested"; see [`Retriever::people_by_deed`]).
const PEOPLE_WORDS: &[&str] = &[
    "people",
    "persons",
    "folks",
    "ones",
    "those",
    "men",
    "women",
    "everyone",
    "everybody",
];

/// How strongly a noun for the people a deed makes matches the words "people ... deed".
const PEOPLE_BY_DEED_MATCH: f32 = 0.75;

/// How strongly the words a question describes someone with match their name (see
/// [`Retriever::match_described_person`]).
const DESCRIBED_NAME_MATCH: f32 = 0.8;

/// What the weight of a word keeps that comes from what a message says before its question.
const LEAD_WEIGHT: f32 = 0.3;

/// What the weight of a word keeps that describes the person a question names right after it
/// ("the opposition *candidate* tikhanovskaya"; see `Retriever::appositive_name`).
const APPOSITIVE_WEIGHT: f32 = 0.3;

/// How strongly a word for people in general matches a corpus noun for a kind of person.
const ANY_PERSON_MATCH: f32 = 0.55;

/// One content word of a question with everything it may match.
#[derive(Debug, Clone)]
pub struct QueryTerm {
    /// The word as asked (lower case), after spelling correction.
    pub word: String,
    /// How much the word matters to the question (rarer words matter more).
    pub weight: f32,
    /// How much the word tells passages apart: `weight`, less for words in many sentences.
    pub rank_weight: f32,
    /// Words and base forms this term matches, with how strongly (1.0 = the same word).
    pub expansions: HashMap<String, f32>,
    /// The term's own base forms (to look it up among a corpus word's related words).
    pub forms: Vec<String>,
    /// The corpus words the term matches, with how strongly (computed once per question).
    pub matches: HashMap<String, f32>,
    /// Those of `matches` that mean its opposite (only for yes/no questions, see
    /// [`Retriever::add_opposites`]).
    pub opposites: HashMap<String, f32>,
    /// Those of `matches` that are another value of the same kind as the term, a number for a
    /// number, a day for a day (only for yes/no questions, see [`Retriever::add_rivals`]).
    pub rivals: HashMap<String, f32>,
    /// Whether the word asks what was said ("what did the signs say"): a quotation says it.
    pub speech: bool,
    /// Whether the question uses the word as a noun ("the signs"): then it is not the verb of
    /// a phrasal verb ("to sign up").
    pub noun: bool,
    /// Whether WordNet knows the word as a verb too ("end"; not "speech").
    pub verb: bool,
    /// The name of the person the term helps describe ("opposition" and "leader" in "the
    /// opposition leader"), which it also matches: the words share it without counting less.
    pub describes: Option<String>,
    /// Whether the word comes from what the message says before its question (see
    /// `text::read_message`): it helps rank passages, weighed little, and says nothing of
    /// whether the articles answer.
    pub context: bool,
    /// The preposition the verb takes in the question and the word after it ("sided *with*
    /// the *protesters*"; no word for one left at the end, "posted *to*?"), see [`Frame`].
    pub frame: Option<Frame>,
}

/// A verb's preposition and its object in the question: a passage that says something else
/// "with the militants" or "to Slovakia" may say the verb's relation in other words ("his
/// solidarity with the militants" for "sided with the protesters"). Such a passage matches an
/// otherwise unmatched verb at `FRAME_MATCH`.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// The preposition ("with").
    pub preposition: String,
    /// The object's word, as a term of the question's ("protesters"); None when the question
    /// asks for it ("which country was he posted to"): then a name must follow.
    pub object: Option<String>,
}

/// How strongly a passage that has the question's preposition before the verb's object matches
/// the verb (see [`Frame`]).
const FRAME_MATCH: f32 = 0.6;

/// The prepositions a verb's frame is kept for: they say a relation of their own ("with",
/// "to", "against"), where "of" or "in" say little.
const FRAME_PREPOSITIONS: &[&str] = &["with", "to", "against"];

/// Feelings a "why" question asks the reason of (see [`Retriever::show_feelings`]).
const FEELINGS: &[&str] = &[
    "angry",
    "mad",
    "upset",
    "furious",
    "annoyed",
    "unhappy",
    "frustrated",
    "outraged",
    "livid",
    "irate",
    "fuming",
    "enraged",
    "displeased",
    "dissatisfied",
];
/// The deeds that show a grievance, by their base forms.
const GRIEVANCES: &[&str] = &["complain", "object", "protest", "denounce", "condemn"];
/// How well such a deed matches the feeling.
const FEELING_SHOWN_MATCH: f32 = 0.6;

/// How well another value of the same kind matches a value a yes/no question checks (see
/// [`Retriever::add_rivals`]).
const RIVAL_MATCH: f32 = 0.6;

/// The question term for `word`: the one that is the word or has it among its forms.
pub fn term_for(terms: &[QueryTerm], word: &str) -> Option<usize> {
    terms
        .iter()
        .position(|t| t.word == word || t.forms.iter().any(|f| f == word))
}

/// What is known about one word of the corpus.
#[derive(Debug, Clone)]
pub struct WordInfo {
    /// In how many sentences it occurs.
    pub df: u32,
    /// Its base forms (the word itself among them) and its stem.
    pub forms: Vec<String>,
    /// Its row in the word vectors, if any.
    pub row: Option<u32>,
    /// Its Snowball stem, as the index holds it.
    pub stem: String,
    /// 1 for a word of few senses, down to 0.75 for one of many ("saw" is also "see"): how
    /// much a match through a related word can be trusted.
    pub sense_factor: f32,
}

/// The words of the corpus, analysed once when the engine opens.
///
/// The per-sentence data (words, context) is kept compact for large corpora: each distinct
/// string once, and the sentences' words as string ids in one flat list in reading order
/// (about 12 bytes a word). Read it through [`Vocabulary::sentence_words`] and
/// [`Vocabulary::context`].
#[derive(Debug, Default)]
pub struct Vocabulary {
    /// Each distinct lower-cased word of the citable sentences.
    pub words: HashMap<String, WordInfo>,
    /// Number of citable sentences.
    pub sentences: u32,
    /// Corpus words by each of their base forms.
    pub form_index: HashMap<String, Vec<String>>,
    /// Corpus words by the words WordNet closely relates to them (synonyms, derived forms), with
    /// the strength: matching the other way round.
    pub reverse_index: HashMap<String, Vec<(String, f32)>>,
    /// Corpus words by the word-vector rows that stand for them: their own and their closest
    /// synonyms', with a factor (1 for their own).
    pub row_words: HashMap<u32, Vec<(String, f32)>>,
    /// For spelling correction, each corpus word's letter set ([`letter_mask`]), length in
    /// characters and string id.
    spelling: Vec<(u64, u32, u32)>,
    /// The corpus words by how they sound (their Double Metaphone code), for a misspelling
    /// too far from any in letters ("elecshun"), made when first asked.
    sounds: std::sync::OnceLock<HashMap<String, Vec<u32>>>,
    /// The distinct strings of the sentences' words, headings and antecedents, by id.
    strings: Vec<Box<str>>,
    /// Every citable sentence's words as matching sees them (see [`sentence_words`]), as
    /// (string id, start, end), the sentences in reading order (their number, from 0).
    tokens: Vec<(u32, u32, u32)>,
    /// Where sentence `n`'s words are in `tokens`: `token_starts[n]..token_starts[n + 1]`.
    token_starts: Vec<u32>,
    /// Per document, per paragraph: the number of its first sentence and its sentence count
    /// (0 for a heading).
    paragraphs: Vec<Vec<(u32, u32)>>,
    /// Per document, the numbers of its citable sentences (start..end).
    documents: Vec<(u32, u32)>,
    /// The people the articles call "she", and those they call "he", most often first (the
    /// last word of the name, lower-cased): the first is whom a question's bare "she" or "he"
    /// means.
    pronoun_names: [Vec<String>; 2],
    /// The last name of each person the articles name with a first name too, by the first
    /// name ("svetlana" gives "tikhanovskaya"): only for first names used with no other last
    /// name and never alone.
    surnames: HashMap<String, String>,
    /// The words the articles describe each named person with ("main opposition prospect
    /// Svetlana Tikhanovskaya", "the Belarusian ambassador to Slovakia, Igor Leshchenya"), by
    /// the last word of the name.
    descriptions: HashMap<String, Vec<String>>,
    /// The corpus words that name something worn ("t-shirt"), found the first time a question
    /// asks what someone wore.
    worn: std::sync::OnceLock<Vec<String>>,
    /// The corpus words that give a value (numbers, days, months, colours) with its kind, found
    /// the first time a yes/no question checks one.
    values: std::sync::OnceLock<Vec<(String, text::ValueKind)>>,
    /// The corpus nouns for a kind of person ("militant", "advocates"), found the first time a
    /// question asks about someone unnamed.
    person_kinds: std::sync::OnceLock<Vec<String>>,
    /// The corpus nouns WordNet files under a two-word term, by that term's last word
    /// ("council" under "administrative_body", by "body"), found the first time asked.
    compound_kinds: std::sync::OnceLock<HashMap<String, Vec<String>>>,
    /// The corpus words the MiniLM vectors lack, in every form ("placards"), found the first
    /// time a question asks: GloVe alone can say what they are near.
    vectorless: std::sync::OnceLock<Vec<String>>,
    /// The corpus words that are forms of a verb reporting speech ("claimed"), found the first
    /// time a question asks what someone said.
    reporting: std::sync::OnceLock<Vec<String>>,
    /// The corpus words that say someone was there (see [`PRESENCE_VERBS`]), found the first
    /// time they are asked for.
    presence: std::sync::OnceLock<Vec<String>>,
    /// The corpus words written before each particle ("actions" before "down"): the verbs of
    /// the articles' phrasal verbs, by particle.
    particle_words: HashMap<String, Vec<String>>,
    /// Per sentence, the heading above it (in `headings`), or `u32::MAX`.
    heading_of: Vec<u32>,
    /// The words of each heading, as string ids.
    headings: Vec<Vec<u32>>,
    /// Per document, the places its title names ("Belarus protests"): what every sentence of
    /// it is about, said or not (see [`TITLE_PLACE_MATCH`]).
    title_places: Vec<Vec<String>>,
    /// Per document, the other places it names in several sentences: where it is set (see
    /// [`SETTING_PLACE_MATCH`]).
    setting_places: Vec<Vec<String>>,
    /// The words of the person a sentence's pronoun stands for, by sentence number.
    antecedents: HashMap<u32, Vec<u32>>,
    /// Per sentence (by number), whether it quotes someone's words.
    quotes: Vec<bool>,
    /// Per sentence (by number), where its verbs after "to" or a modal start ("to *address*").
    verb_uses: Vec<Vec<u32>>,
    /// Per sentence (by number), where the words joined by a hyphen into a compound WordNet
    /// lacks start ("state" and "run" in "state-run"; see [`COMPOUND_PART_FACTOR`]).
    compound_parts: Vec<Vec<u32>>,
    /// Per citable sentence, where the common words inside a name of several capitalised words
    /// start ("International" in "Amnesty International"; see [`NAME_PART_FACTOR`]).
    name_parts: Vec<Vec<u32>>,
}

/// A citable sentence by position: document, paragraph index, sentence index (0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SentenceRef {
    /// Document index.
    pub doc: usize,
    /// Paragraph index in the document (paragraph number - 1).
    pub paragraph: usize,
    /// Sentence index in the paragraph (sentence number - 1).
    pub sentence: usize,
}

/// A scored candidate.
#[derive(Debug, Clone)]
pub struct Scored {
    /// Which sentence.
    pub at: SentenceRef,
    /// Combined score used for ranking.
    pub score: f32,
    /// Weighted share of the question's terms the sentence (and its context) covers, 0..1.
    pub coverage: f32,
    /// The same, counting the sentence alone.
    pub own_coverage: f32,
    /// Coverage with words weighed by how well they tell sentences apart (for ranking).
    pub rank_coverage: f32,
    /// tantivy's BM25 score.
    pub bm25: f32,
    /// Share of the question's neighbouring word pairs matched close together, 0..1.
    pub proximity: f32,
    /// Byte spans (in the sentence) of the words that matched, with the term they matched and
    /// how strongly.
    pub matched: Vec<(usize, usize, usize, f32)>,
    /// Per question term, how well the sentence or its context matched it.
    pub term_match: Vec<f32>,
}

/// The Snowball stem of a lower-case word.
pub fn stem(analyzer: &mut TextAnalyzer, word: &str) -> String {
    let mut stream = analyzer.token_stream(word);
    let mut out = String::new();
    while stream.advance() {
        out.push_str(&stream.token().text);
    }
    out
}

/// Base forms of a word: itself, its WordNet lemmas and its stem.
pub fn word_forms(lexicon: &Lexicon, analyzer: &mut TextAnalyzer, word: &str) -> Vec<String> {
    let mut forms = vec![word.to_string()];
    for l in lexicon.lemmas(word) {
        if !forms.contains(&l) {
            forms.push(l);
        }
    }
    let s = stem(analyzer, word);
    if !s.is_empty() && !forms.contains(&s) {
        forms.push(s);
    }
    forms
}

/// Each word of `sentence` written just before a particle ("actions down", "walked off"), with
/// the particle: a phrasal verb, perhaps.
fn words_before_particles(sentence: &str) -> Vec<(String, String)> {
    let tokens = text::tokenize(sentence);
    tokens
        .windows(2)
        .filter(|w| {
            CORPUS_PARTICLES.contains(&w[1].norm.as_str())
                && &sentence[w[0].end..w[1].start] == " "
                && !w[0].number
                && !text::is_stop_word(&w[0].norm)
        })
        .map(|w| (w[1].norm.clone(), w[0].norm.clone()))
        .collect()
}

/// The words of a sentence as matching sees them: each token, plus each pair of neighbouring
/// tokens that WordNet knows as one expression (`passed away` -> `pass_away`), with the byte span
/// they cover.
pub fn sentence_words(lexicon: &Lexicon, sentence: &str) -> Vec<(String, usize, usize)> {
    let tokens = text::tokenize(sentence);
    let mut out: Vec<(String, usize, usize)> = Vec::with_capacity(tokens.len() + 4);
    for (i, t) in tokens.iter().enumerate() {
        if text::is_negation(&t.norm) {
            out.push((NEGATION.to_string(), t.start, t.end));
        } else if !text::is_stop_word(&t.norm) {
            out.push((t.norm.clone(), t.start, t.end));
        }
        // "80%": the sign is the word "percent", as a question says it.
        if t.number && sentence[t.end..].starts_with('%') {
            out.push(("percent".to_string(), t.end, t.end + 1));
        }
        if let Some(next) = tokens.get(i + 1) {
            let gap = &sentence[t.end..next.start];
            if gap == "-" {
                let joined = format!("{}-{}", t.norm, next.norm);
                if lexicon.is_lemma(&joined) {
                    out.push((joined, t.start, next.end));
                }
                continue;
            }
            if gap != " " || t.number || next.number {
                continue;
            }
            // "her other half": a spouse, as WordNet's "better half" is.
            let possessed = i > 0
                && matches!(
                    tokens[i - 1].norm.as_str(),
                    "her" | "his" | "my" | "your" | "our" | "their"
                );
            if possessed && t.norm == "other" && next.norm == "half" {
                out.push(("better_half".to_string(), t.start, next.end));
                continue;
            }
            for lemma in lexicon.lemmas(&t.norm) {
                let pair = format!("{lemma}_{}", next.norm);
                if lexicon.is_lemma(&pair) {
                    out.push((pair, t.start, next.end));
                    break;
                }
            }
        }
    }
    out
}

/// Where the words of `sentence` that a hyphen joins into a compound WordNet does not know
/// start ("state-run", "campaign-style"; not "t-shirt", nor a number's "37-year-old").
fn hyphen_compound_parts(lexicon: &Lexicon, sentence: &str) -> Vec<u32> {
    let tokens = text::tokenize(sentence);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // The run of words joined by hyphens from here.
        let mut j = i;
        while j + 1 < tokens.len() && &sentence[tokens[j].end..tokens[j + 1].start] == "-" {
            j += 1;
        }
        let chain = &tokens[i..=j];
        let joined: Vec<&str> = chain.iter().map(|t| t.norm.as_str()).collect();
        let known = lexicon
            .lemmas(&joined.join("-"))
            .iter()
            .any(|l| lexicon.is_lemma(l));
        if chain.len() > 1 && !known && !chain.iter().any(|t| t.number) {
            out.extend(chain.iter().map(|t| t.start as u32));
        }
        i = j + 1;
    }
    out
}

/// Where the common words inside a name of two or more capitalised words start: "International"
/// in "Amnesty International", "Independence" in "Independence Avenue". Not a title
/// ("President"), a name ("Putin") nor a word made from one ("European").
fn common_words_in_names(lexicon: &Lexicon, sentence: &str) -> Vec<u32> {
    let tokens = text::tokenize(sentence);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let mut j = i;
        while tokens[j].capitalized
            && !tokens[j].number
            && j + 1 < tokens.len()
            && tokens[j + 1].capitalized
            && &sentence[tokens[j].end..tokens[j + 1].start] == " "
        {
            j += 1;
        }
        if j > i {
            for t in &tokens[i..=j] {
                let w = t.norm.as_str();
                let common = lexicon.is_lemma(w) && !lexicon.is_proper(w) && !t.acronym;
                let from_name = lexicon.lemmas(w).iter().any(|l| {
                    lexicon
                        .related(l)
                        .any(|(r, _, d)| r == Relation::Derived && lexicon.is_proper(d))
                });
                if common && !from_name && !is_person_noun(lexicon, w) {
                    out.push(t.start as u32);
                }
            }
        }
        i = j + 1;
    }
    out
}

/// The related words of a corpus word, for matching the other way round: weaker the more things
/// the word can mean ("saw" is also "see", which is also "attend").
fn reverse_related(
    lexicon: &Lexicon,
    analyzer: &mut TextAnalyzer,
    word: &str,
) -> HashMap<String, f32> {
    let factor = sense_factor(lexicon, word);
    let mut related = wordnet_related(lexicon, analyzer, word);
    for w in related.values_mut() {
        if *w < 1.0 {
            *w *= factor;
        }
    }
    related
}

/// How much a match through a related word can be trusted, by how many senses the word has.
fn sense_factor(lexicon: &Lexicon, word: &str) -> f32 {
    (1.1 - 0.02 * lexicon.most_senses(word) as f32).clamp(0.75, 1.0)
}

/// A word's base forms (strength 1) and the words WordNet relates to them.
pub fn wordnet_related(
    lexicon: &Lexicon,
    analyzer: &mut TextAnalyzer,
    word: &str,
) -> HashMap<String, f32> {
    wordnet_related_above(lexicon, analyzer, word, 0.0)
}

/// [`wordnet_related`], keeping only relations at least `min` strong (cheaper: broader terms
/// are not even read when `min` is above their weight).
fn wordnet_related_above(
    lexicon: &Lexicon,
    analyzer: &mut TextAnalyzer,
    word: &str,
    min: f32,
) -> HashMap<String, f32> {
    let mut out: HashMap<String, f32> = HashMap::default();
    let put = |k: &str, w: f32, out: &mut HashMap<String, f32>| {
        if w < min {
            return;
        }
        match out.get_mut(k) {
            Some(e) => *e = e.max(w),
            None => {
                out.insert(k.to_string(), w);
            }
        }
    };
    for f in word_forms(lexicon, analyzer, word) {
        put(&f, 1.0, &mut out);
    }
    // "sided", "made": a verb's form is no noun, and its nouns' relations ("side" ~ "area",
    // "make" ~ "brand") are not its own.
    // (Worked out once, at the word's first noun sense.)
    let mut verb_only: Option<bool> = None;
    for lemma in lexicon.lemmas(word) {
        for (relation, rank, related, pos) in lexicon.related_with_pos(&lemma) {
            if pos == 'n'
                && *verb_only
                    .get_or_insert_with(|| is_verb_use(lexicon, word) && !lexicon.is_noun(word))
            {
                continue;
            }
            // What a verb entails or causes follows from it: "killed", so "passed away".
            let w = if pos == 'e' {
                ENTAILED_WEIGHT
            } else {
                relation_weight(relation, rank)
            };
            if relation == Relation::Broader && w < min {
                // Broader terms come last, each weaker than the one before.
                break;
            }
            put(related, w, &mut out);
            if relation == Relation::Synonym && rank < 2 && w * 0.85 >= min {
                // The derived forms of close synonyms ("arrest" -> "arrested").
                for (r2, _, d) in lexicon.related(related) {
                    if r2 == Relation::Derived {
                        put(d, w * 0.85, &mut out);
                        // And theirs: "custody" = "detention" ~ "detain" ~ "detainee".
                        if w * 0.85 * 0.85 >= min {
                            for (r3, _, d2) in lexicon.related(d) {
                                if r3 == Relation::Derived && d2 != word {
                                    put(d2, w * 0.85 * 0.85, &mut out);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

/// Whether `word` is an inflected form of a verb: "sided", "held", "running".
fn is_verb_use(lexicon: &Lexicon, word: &str) -> bool {
    lexicon.is_verb_form(word) || (word.ends_with("ing") && lexicon.can_be_verb(word))
}

/// The thesaurus's looser synonyms of a word ("alliance" ~ "partnership"), weaker for a vague
/// word with a long list, and weaker one way than both ways. Asked only for a word that nothing
/// closer matches in the articles: they are many, and many are of another sense.
fn thesaurus_related(
    lexicon: &Lexicon,
    embeddings: Option<&Embeddings>,
    word: &str,
) -> HashMap<String, f32> {
    let mut out: HashMap<String, f32> = HashMap::default();
    for lemma in lexicon.lemmas(word) {
        let Some(entry) = lexicon.thesaurus(&lemma) else {
            continue;
        };
        let vague = (1.1 - entry.size as f32 / 1000.0).clamp(0.7, 1.0);
        let own = embeddings.and_then(|e| e.row(&lemma).map(|r| (e, r)));
        for (list, w) in [
            (entry.mutual, THESAURUS_MUTUAL),
            (entry.one_way, THESAURUS_ONE_WAY),
        ] {
            for related in list.split_whitespace() {
                // The vectors tell the sense meant from another one: "husband" ~ "partner",
                // not "husband" ~ "keep" (as in husbanding resources).
                let sense = match own {
                    Some((e, r)) => e.row(related).map_or(0.5, |other| {
                        ((e.cosine(r, other) - THESAURUS_GATE_FROM) / THESAURUS_GATE_SPAN)
                            .clamp(0.0, 1.0)
                    }),
                    None => 0.5,
                };
                let strength = w * vague * sense;
                if strength < 0.3 {
                    continue;
                }
                let e = out.entry(related.to_string()).or_insert(0.0);
                *e = e.max(strength);
            }
        }
    }
    out
}

impl Vocabulary {
    /// Analyses every word of the citable sentences of `index`.
    pub fn build(
        index: &SentenceIndex,
        lexicon: &Lexicon,
        embeddings: Option<&Embeddings>,
    ) -> Self {
        let mut analyzer = index::analyzer();
        let mut words: HashMap<String, WordInfo> = HashMap::default();
        let mut sentences: u32 = 0;
        let mut ids: HashMap<String, u32> = HashMap::default();
        let mut strings: Vec<Box<str>> = Vec::new();
        let mut intern = |s: &str| -> u32 {
            if let Some(&id) = ids.get(s) {
                return id;
            }
            let id = strings.len() as u32;
            strings.push(s.into());
            ids.insert(s.to_string(), id);
            id
        };
        let mut tokens: Vec<(u32, u32, u32)> = Vec::new();
        let mut token_starts: Vec<u32> = vec![0];
        let mut paragraphs: Vec<Vec<(u32, u32)>> = Vec::with_capacity(index.documents.len());
        let mut documents: Vec<(u32, u32)> = Vec::with_capacity(index.documents.len());
        let mut heading_of: Vec<u32> = Vec::new();
        let mut headings: Vec<Vec<u32>> = Vec::new();
        let mut antecedents: HashMap<u32, Vec<u32>> = HashMap::default();
        // How often each name is what a "she" (0) or a "he" (1) stands for.
        let mut called: [HashMap<String, u32>; 2] = Default::default();
        let mut descriptions: HashMap<String, Vec<String>> = HashMap::default();
        // Per first word of a name, the name's last word and in how many sentences it is so
        // (`None` once it is the first word of two names).
        let mut given: HashMap<String, Option<(String, u32)>> = HashMap::default();
        let mut quotes: Vec<bool> = Vec::new();
        let mut verb_uses: Vec<Vec<u32>> = Vec::new();
        let mut compound_parts: Vec<Vec<u32>> = Vec::new();
        let mut name_parts: Vec<Vec<u32>> = Vec::new();
        let mut particle_words: HashMap<String, Vec<String>> = HashMap::default();
        let title_places: Vec<Vec<String>> = index
            .documents
            .iter()
            .map(|d| {
                text::tokenize(&d.display_title())
                    .into_iter()
                    .map(|t| t.norm)
                    .filter(|w| lexicon.is_proper(w) && lexicon.is_place(w))
                    .collect()
            })
            .collect();
        let mut setting_places: Vec<Vec<String>> = Vec::new();
        for (d, document) in index.documents.iter().enumerate() {
            let first = sentences;
            // In how many of the document's sentences each place is named.
            let mut place_sentences: HashMap<String, u32> = HashMap::default();
            let mut heading = u32::MAX;
            let mut spans: Vec<(u32, u32)> = Vec::with_capacity(document.paragraphs.len());
            for paragraph in &document.paragraphs {
                if paragraph.heading {
                    spans.push((sentences, 0));
                    heading = headings.len() as u32;
                    headings.push(
                        text::tokenize(&paragraph.text)
                            .iter()
                            .map(|t| intern(&t.norm))
                            .collect(),
                    );
                    continue;
                }
                spans.push((sentences, paragraph.sentences.len() as u32));
                for sentence in &paragraph.sentences {
                    sentences += 1;
                    let mut seen: Vec<&str> = Vec::new();
                    let analysed = sentence_words(lexicon, &sentence.text);
                    let mut places: Vec<&str> = analysed
                        .iter()
                        .map(|w| w.0.as_str())
                        .filter(|w| lexicon.is_proper(w) && lexicon.is_place(w))
                        .collect();
                    places.sort_unstable();
                    places.dedup();
                    for place in places {
                        *place_sentences.entry(place.to_string()).or_insert(0) += 1;
                    }
                    for word in &analysed {
                        tokens.push((intern(&word.0), word.1 as u32, word.2 as u32));
                        if seen.contains(&word.0.as_str()) {
                            continue;
                        }
                        seen.push(&word.0);
                        let info = words.entry(word.0.clone()).or_insert_with(|| WordInfo {
                            df: 0,
                            forms: word_forms(lexicon, &mut analyzer, &word.0),
                            row: embeddings.and_then(|e| e.row(&word.0)),
                            stem: stem(&mut analyzer, &word.0),
                            // Only a word with two base forms ("saw": saw, see) is doubtful.
                            sense_factor: if lexicon.lemmas(&word.0).len() > 1 {
                                sense_factor(lexicon, &word.0)
                            } else {
                                1.0
                            },
                        });
                        info.df += 1;
                    }
                    token_starts.push(tokens.len() as u32);
                    heading_of.push(heading);
                    quotes.push(quotes_words(&sentence.text));
                    verb_uses.push(verbs_after_to(lexicon, &sentence.text));
                    compound_parts.push(hyphen_compound_parts(lexicon, &sentence.text));
                    name_parts.push(common_words_in_names(lexicon, &sentence.text));
                    for (particle, word) in words_before_particles(&sentence.text) {
                        let before = particle_words.entry(particle).or_default();
                        if !before.contains(&word) {
                            before.push(word);
                        }
                    }
                }
            }
            // The person a "she" or "he" stands for, and the thing "the building" stands for,
            // for the sentences that have one.
            let citable = index::citable(document);
            for k in 0..citable.len() {
                let mut words: Vec<u32> = Vec::new();
                // The last word of the name the sentence's pronoun or description stands for.
                let mut antecedent: Option<String> = None;
                if let Some(name) = pronoun_antecedent(&citable, k) {
                    let name_tokens = text::tokenize(&name);
                    words.extend(name_tokens.iter().map(|t| intern(&t.norm)));
                    antecedent = name_tokens.last().map(|t| t.norm.clone());
                    if let (Some(g), Some(last)) = (pronoun_gender(&citable[k].1.text), &antecedent)
                    {
                        *called[g].entry(last.clone()).or_insert(0) += 1;
                    }
                }
                for w in described_antecedent(lexicon, &citable, k) {
                    words.push(intern(&w));
                }
                let text = &citable[k].1.text;
                let sentence_tokens = text::tokenize(text);
                // "The strongman who has ruled ...": the article's word for that person.
                if let (Some(last), true) = (
                    antecedent,
                    opens_with_described_person(lexicon, text, &sentence_tokens),
                ) {
                    let known = descriptions.entry(last).or_default();
                    if !known.contains(&sentence_tokens[1].norm) {
                        known.push(sentence_tokens[1].norm.clone());
                    }
                }
                let spans = name_spans(lexicon, &sentence_tokens, text);
                let mut named = given_names(&sentence_tokens, &spans);
                named.sort();
                named.dedup();
                for (first, last) in named {
                    let entry = given.entry(first).or_insert(Some((last.clone(), 0)));
                    match entry {
                        Some((l, n)) if *l == last => *n += 1,
                        _ => *entry = None,
                    }
                }
                for (name, described) in name_descriptions(lexicon, text, &sentence_tokens, &spans)
                {
                    let known = descriptions.entry(name).or_default();
                    for w in described {
                        if !known.contains(&w) {
                            known.push(w);
                        }
                    }
                }
                if !words.is_empty() {
                    antecedents.insert(first + k as u32, words);
                }
            }
            let mut setting: Vec<String> = place_sentences
                .into_iter()
                .filter(|(place, n)| {
                    *n >= SETTING_MIN_SENTENCES && !title_places[d].contains(place)
                })
                .map(|(place, _)| place)
                .collect();
            setting.sort_unstable();
            setting_places.push(setting);
            paragraphs.push(spans);
            documents.push((first, sentences));
        }
        let mut form_index: HashMap<String, Vec<String>> = HashMap::default();
        let mut reverse_index: HashMap<String, Vec<(String, f32)>> = HashMap::default();
        for (word, info) in &words {
            for f in &info.forms {
                form_index.entry(f.clone()).or_default().push(word.clone());
            }
            // The other way round only through close relations (synonyms, derived forms), a
            // little weaker: a word with many senses relates to much.
            // "development" is the noun of "develop", a way to "create": a loose link, made
            // stronger only where GloVe agrees (see `confirmed`).
            for (broader, strength) in derived_verb_kinds(lexicon, word) {
                reverse_index
                    .entry(broader)
                    .or_default()
                    .push((word.clone(), strength));
            }
            for (related, w) in reverse_related(lexicon, &mut analyzer, word) {
                if (0.78..1.0).contains(&w) {
                    // The sense they share may be a minor one of the other word too ("agree"
                    // is a sense of "hold", its 20th).
                    let trust = sense_factor(lexicon, &related);
                    reverse_index
                        .entry(related)
                        .or_default()
                        .push((word.clone(), w * 0.9 * trust));
                }
            }
        }
        let mut row_words: HashMap<u32, Vec<(String, f32)>> = HashMap::default();
        if let Some(e) = embeddings {
            for (word, info) in &words {
                let mut rows: Vec<(u32, f32)> = Vec::new();
                for f in &info.forms {
                    if let Some(r) = e.row(f) {
                        rows.push((r, 1.0));
                    }
                }
                for lemma in lexicon.lemmas(word) {
                    for (relation, rank, related) in lexicon.related(&lemma) {
                        let close = match relation {
                            Relation::Synonym => rank < 2,
                            Relation::Derived => rank < 2,
                            Relation::Broader => false,
                        };
                        if close {
                            if let Some(r) = e.row(related) {
                                rows.push((r, 0.9));
                            }
                        }
                    }
                }
                rows.sort_by_key(|r| r.0);
                rows.dedup_by_key(|r| r.0);
                for (r, f) in rows {
                    row_words.entry(r).or_default().push((word.clone(), f));
                }
            }
        }
        let mut spelling: Vec<(u64, u32, u32)> = words
            .keys()
            .filter_map(|w| {
                let n = w.chars().count() as u32;
                ids.get(w.as_str()).map(|&id| (letter_mask(w), n, id))
            })
            .collect();
        spelling.sort_unstable_by_key(|s| s.2);
        let pronoun_names = called.map(|counts| {
            let mut names: Vec<(String, u32)> = counts.into_iter().collect();
            names.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            names.into_iter().map(|(name, _)| name).collect()
        });
        // Only people's descriptions are kept: of those a "he" or "she" stands for, and of
        // those described by a word for a kind of person ("ambassador").
        descriptions.retain(|name, words| {
            pronoun_names.iter().flatten().any(|n| n == name)
                || words.iter().any(|w| is_person_noun(lexicon, w))
        });
        // A first name the articles use only before the same last name stands for the person.
        let surnames: HashMap<String, String> = given
            .into_iter()
            .filter_map(|(first, name)| {
                let (last, n) = name?;
                (words.get(&first).is_some_and(|w| w.df == n) && first != last)
                    .then_some((first, last))
            })
            .collect();
        Vocabulary {
            words,
            sentences,
            surnames,
            pronoun_names,
            descriptions,
            worn: std::sync::OnceLock::new(),
            values: std::sync::OnceLock::new(),
            person_kinds: std::sync::OnceLock::new(),
            compound_kinds: std::sync::OnceLock::new(),
            vectorless: std::sync::OnceLock::new(),
            reporting: std::sync::OnceLock::new(),
            presence: std::sync::OnceLock::new(),
            spelling,
            sounds: std::sync::OnceLock::new(),
            form_index,
            reverse_index,
            row_words,
            strings,
            tokens,
            token_starts,
            paragraphs,
            documents,
            heading_of,
            headings,
            title_places,
            setting_places,
            antecedents,
            quotes,
            verb_uses,
            compound_parts,
            name_parts,
            particle_words,
        }
    }

    /// The corpus words that give a value, with its kind ("37": a number, "monday": a day),
    /// found the first time they are asked for.
    fn values(&self) -> &[(String, text::ValueKind)] {
        self.values.get_or_init(|| {
            self.words
                .keys()
                .filter_map(|w| text::value_kind(w).map(|kind| (w.clone(), kind)))
                .collect()
        })
    }

    /// The corpus words that name something worn ("t-shirt" under "shirt" under "garment"),
    /// found the first time they are asked for.
    fn worn(&self, lexicon: &Lexicon) -> &[String] {
        self.worn.get_or_init(|| {
            self.words
                .keys()
                .filter(|w| is_filed_under(lexicon, w, WORN_KINDS, (2, 1)))
                .cloned()
                .collect()
        })
    }

    /// The corpus nouns for a kind of person (not names), found the first time they are asked
    /// for.
    fn person_kinds(&self, lexicon: &Lexicon) -> &[String] {
        self.person_kinds.get_or_init(|| {
            self.words
                .keys()
                // Not a verb's form or a verb ("accused", "exile"): people only as nouns.
                .filter(|w| {
                    !lexicon.is_proper(w) && !lexicon.can_be_verb(w) && is_person_noun(lexicon, w)
                })
                .cloned()
                .collect()
        })
    }

    /// The corpus nouns filed under a two-word term, by its last word, built the first time
    /// asked: a council is an administrative body, so a kind of body. Only the first
    /// [`COMPOUND_KIND_REACH`] broader terms of a noun count.
    fn compound_kinds(&self, lexicon: &Lexicon) -> &HashMap<String, Vec<String>> {
        self.compound_kinds.get_or_init(|| {
            let mut out: HashMap<String, Vec<String>> = HashMap::default();
            for w in self.words.keys() {
                if lexicon.is_proper(w) || lexicon.can_be_verb(w) {
                    continue;
                }
                for lemma in lexicon.lemmas(w).iter().filter(|l| lexicon.is_noun(l)) {
                    for (relation, rank, broader) in lexicon.related(lemma) {
                        if relation != Relation::Broader || rank >= COMPOUND_KIND_REACH {
                            continue;
                        }
                        let Some((_, head)) = broader.split_once('_') else {
                            continue;
                        };
                        let kinds = out.entry(head.to_string()).or_default();
                        if !kinds.contains(w) {
                            kinds.push(w.clone());
                        }
                    }
                }
            }
            out
        })
    }

    /// The corpus words written before `particle` (see [`words_before_particles`]).
    fn phrasal_paraphrases(&self, particle: &str) -> &[String] {
        self.particle_words.get(particle).map_or(&[], Vec::as_slice)
    }

    /// The corpus words that are forms of a verb of being there (see [`PRESENCE_VERBS`]),
    /// found the first time they are asked for.
    fn presence(&self) -> &[String] {
        self.presence.get_or_init(|| self.forms_of(PRESENCE_VERBS))
    }

    /// The corpus words that are forms of a verb reporting speech (see [`REPORTING_VERBS`]),
    /// found the first time they are asked for.
    fn reporting(&self) -> &[String] {
        self.reporting
            .get_or_init(|| self.forms_of(REPORTING_VERBS))
    }

    /// The corpus words that are forms of any of `lemmas`.
    fn forms_of(&self, lemmas: &[&str]) -> Vec<String> {
        self.words
            .iter()
            .filter(|(_, info)| info.forms.iter().any(|f| lemmas.contains(&f.as_str())))
            .map(|(w, _)| w.clone())
            .collect()
    }

    /// The corpus words without a MiniLM vector for any of their forms (but with a GloVe
    /// one), found the first time they are asked for.
    fn vectorless(&self, lexicon: &Lexicon, embeddings: &Embeddings) -> &[String] {
        self.vectorless.get_or_init(|| {
            let glove = Embeddings::glove();
            self.words
                .keys()
                .filter(|w| {
                    glove.is_some_and(|g| g.row(w).is_some())
                        && embeddings.row(w).is_none()
                        && lexicon
                            .lemmas(w)
                            .iter()
                            .all(|l| embeddings.row(l).is_none())
                })
                .cloned()
                .collect()
        })
    }

    /// The number (in reading order, from 0) of the citable sentence at `at`.
    fn number(&self, at: SentenceRef) -> Option<u32> {
        let &(first, count) = self.paragraphs.get(at.doc)?.get(at.paragraph)?;
        (at.sentence < count as usize).then(|| first + at.sentence as u32)
    }

    fn words_of(&self, n: u32) -> impl Iterator<Item = (&str, usize, usize)> + '_ {
        let n = n as usize;
        let range = match (self.token_starts.get(n), self.token_starts.get(n + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        };
        self.tokens[range]
            .iter()
            .map(|&(id, start, end)| (&*self.strings[id as usize], start as usize, end as usize))
    }

    /// A citable sentence's words as matching sees them (see [`sentence_words`]): word, start
    /// and end of its byte span.
    pub fn sentence_words(&self, at: SentenceRef) -> Option<Vec<(&str, usize, usize)>> {
        Some(self.words_of(self.number(at)?).collect())
    }

    /// A citable sentence's context (the words of the sentences before and after it in its
    /// document and of the heading above it) and the words of the person its pronoun stands
    /// for; empty for a sentence that does not exist.
    pub fn context(&self, at: SentenceRef) -> (Vec<&str>, Vec<&str>) {
        let Some(n) = self.number(at) else {
            return (Vec::new(), Vec::new());
        };
        let (first, end) = self.documents.get(at.doc).copied().unwrap_or((n, n + 1));
        let mut context: Vec<&str> = Vec::new();
        let neighbours = [
            n.checked_sub(1).filter(|m| *m >= first),
            Some(n + 1).filter(|m| *m < end),
        ];
        for m in neighbours.into_iter().flatten() {
            context.extend(self.words_of(m).map(|w| w.0));
        }
        let string = |id: &u32| &*self.strings[*id as usize];
        if let Some(h) = self
            .heading_of
            .get(n as usize)
            .and_then(|&h| self.headings.get(h as usize))
        {
            context.extend(h.iter().map(string));
        }
        let antecedent = self
            .antecedents
            .get(&n)
            .map(|a| a.iter().map(string).collect())
            .unwrap_or_default();
        (context, antecedent)
    }

    /// The places the title of the document holding `at` names.
    pub fn title_places(&self, at: SentenceRef) -> &[String] {
        self.title_places.get(at.doc).map_or(&[], Vec::as_slice)
    }

    /// The other places the document of `at` is set in (see `SETTING_PLACE_MATCH`).
    pub fn setting_places(&self, at: SentenceRef) -> &[String] {
        self.setting_places.get(at.doc).map_or(&[], Vec::as_slice)
    }

    /// Whether `answer` names someone the articles call "he" or "she" (its last word is the
    /// name they stand for).
    pub fn names_person(&self, answer: &str) -> bool {
        let tokens = text::tokenize(answer);
        tokens.last().is_some_and(|last| {
            self.pronoun_names
                .iter()
                .any(|names| names.contains(&last.norm))
        })
    }

    /// Whether `answer` ends with the last word of a name the articles also give with a first
    /// name ("Vladimir Putin", "Nasha Niva"): someone or something named, not a place.
    pub fn names_named(&self, answer: &str, lexicon: &Lexicon) -> bool {
        let tokens = text::tokenize(answer);
        tokens.last().is_some_and(|last| {
            !lexicon.is_place(&last.norm) && self.surnames.values().any(|s| *s == last.norm)
        })
    }

    /// Where the verbs of the sentence at `at` that follow "to" or a modal start.
    pub fn verb_uses(&self, at: SentenceRef) -> &[u32] {
        self.number(at)
            .and_then(|n| self.verb_uses.get(n as usize))
            .map_or(&[], Vec::as_slice)
    }

    /// Where the parts of the sentence's hyphenated compounds start (see `compound_parts`).
    pub fn compound_parts(&self, at: SentenceRef) -> &[u32] {
        self.number(at)
            .and_then(|n| self.compound_parts.get(n as usize))
            .map_or(&[], Vec::as_slice)
    }

    /// Where the common words inside the sentence's names start (see `common_words_in_names`).
    pub fn name_parts(&self, at: SentenceRef) -> &[u32] {
        self.number(at)
            .and_then(|n| self.name_parts.get(n as usize))
            .map_or(&[], Vec::as_slice)
    }

    /// Whether the sentence at `at` quotes someone's words.
    pub fn quotes(&self, at: SentenceRef) -> bool {
        self.number(at)
            .and_then(|n| self.quotes.get(n as usize).copied())
            .unwrap_or(false)
    }

    /// The one named person whose last name `word` begins ("luka" for Lukashenko, "tikh" for
    /// Tikhanovskaya): people shorten long names. At least four letters, and two fewer than
    /// the name; none when it could begin two names.
    pub fn name_with_prefix(&self, word: &str) -> Option<&str> {
        let n = word.chars().count();
        if n < 4 || !word.chars().all(char::is_alphabetic) {
            return None;
        }
        let mut found: Option<&str> = None;
        let names = self
            .pronoun_names
            .iter()
            .flatten()
            .chain(self.descriptions.keys());
        for name in names {
            if name.chars().count() >= n + 2 && name.starts_with(word) {
                match found {
                    Some(other) if other != name => return None,
                    _ => found = Some(name),
                }
            }
        }
        found
    }

    /// The corpus word closest in spelling to `word` (at most one edit for short words, two for
    /// long ones; a swap of two letters is one edit), preferring frequent words.
    pub fn correct(&self, word: &str) -> Option<&str> {
        let n = word.chars().count();
        if n < 4 || word.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let max = if n >= 7 { 2 } else { 1 };
        let mut best: Option<(usize, u32, &str)> = None;
        let mask = letter_mask(word);
        for &(candidate_mask, m, id) in &self.spelling {
            // An edit changes at most two bits of the letter set (see `letter_mask`).
            if (m as usize).abs_diff(n) > max
                || (mask ^ candidate_mask).count_ones() as usize > 2 * max
            {
                continue;
            }
            let Some((candidate, info)) = self.words.get_key_value(&*self.strings[id as usize])
            else {
                continue;
            };
            if candidate.len() < 3 {
                continue;
            }
            let d = edit_distance(word, candidate, max);
            if d > max || d == 0 {
                continue;
            }
            let better = match best {
                None => true,
                Some((bd, bdf, bw)) => {
                    (d, u32::MAX - info.df, candidate.as_str()) < (bd, u32::MAX - bdf, bw)
                }
            };
            if better {
                best = Some((d, info.df, candidate.as_str()));
            }
        }
        best.map(|(_, _, w)| w).or_else(|| self.sounds_like(word))
    }

    /// The commonest corpus word that sounds as `word` would ("elecshun" -> "election"),
    /// begins with the same letter and is at most [`SOUND_EDITS`] edits from it.
    fn sounds_like(&self, word: &str) -> Option<&str> {
        if word.chars().count() < SOUND_MIN_CHARS {
            return None;
        }
        let sounds = self.sounds.get_or_init(|| {
            let mut sounds: HashMap<String, Vec<u32>> = HashMap::default();
            for &(_, n, id) in &self.spelling {
                if n as usize >= SOUND_MIN_CHARS {
                    sounds
                        .entry(sound(&self.strings[id as usize]))
                        .or_default()
                        .push(id);
                }
            }
            sounds
        });
        let key = sound(word);
        if key.chars().count() < SOUND_MIN_KEY {
            return None;
        }
        sounds
            .get(&key)?
            .iter()
            .filter_map(|&id| self.words.get_key_value(&*self.strings[id as usize]))
            .filter(|(w, _)| {
                w.chars().next() == word.chars().next()
                    && edit_distance(word, w, SOUND_EDITS) <= SOUND_EDITS
            })
            .max_by(|a, b| a.1.df.cmp(&b.1.df).then_with(|| b.0.cmp(a.0)))
            .map(|(w, _)| w.as_str())
    }
}

/// A misspelling is read by its sound only when it is this long ...
const SOUND_MIN_CHARS: usize = 5;
/// ... its sound has this many consonants ...
const SOUND_MIN_KEY: usize = 3;
/// ... and it is at most this many edits from the corpus word that sounds the same.
const SOUND_EDITS: usize = 3;

/// How a word sounds: its Double Metaphone code, in full; nothing for a word not all in ASCII
/// letters ("grève"), which the encoder cannot read.
fn sound(word: &str) -> String {
    if !word.chars().all(|c| c.is_ascii_alphabetic()) {
        return String::new();
    }
    rphonetic::DoubleMetaphone::new(None).encode(word)
}

/// How much a verb's regular past lends its base form of what it matches.
const PAST_FORM_FACTOR: f32 = 0.95;

/// A verb this high in GloVe's frequency order is common enough that a regular past of it
/// that no vector set has ("catched") is taken for it.
const COMMON_VERB_RANK: u32 = 10_000;

/// How much rarer a slip in a word's first letter is than one after it: a correction that
/// changes the first letter competes as if this many times further down GloVe's frequency order.
const FIRST_LETTER_SLIP_RARITY: u32 = 20;

/// The commonest English word (by GloVe's frequency order) that WordNet knows and that is one
/// edit (a letter left out, added, changed, or two swapped) from `word`, if `word` itself is
/// unknown or far rarer: "arested" -> "arrested".
fn english_correction(lexicon: &Lexicon, word: &str) -> Option<String> {
    let glove = Embeddings::glove()?;
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 5 || !chars.iter().all(char::is_ascii_lowercase) {
        return None;
    }
    // (The rank a candidate competes with, the slip's place counted too.)
    let mut best: Option<(u32, u32, String)> = None;
    let mut consider = |candidate: String| {
        let Some(row) = glove.row(&candidate) else {
            return;
        };
        // A slip seldom changes a word's first letter: "arest" is "arrest", not "rest".
        let rank = if candidate.chars().next() == chars.first().copied() {
            row
        } else {
            row.saturating_mul(FIRST_LETTER_SLIP_RARITY)
        };
        if best.as_ref().is_some_and(|(r, _, _)| *r <= rank) {
            return;
        }
        // A function word too ("evryone"), which then leaves the question's terms.
        if lexicon.knows(&candidate) || text::is_stop_word(&candidate) {
            best = Some((rank, row, candidate));
        }
    };
    let n = chars.len();
    let spell = |parts: &[&[char]]| parts.iter().flat_map(|p| p.iter()).collect::<String>();
    for i in 0..=n {
        let (head, tail) = chars.split_at(i);
        for c in 'a'..='z' {
            consider(spell(&[head, &[c], tail]));
        }
        if let Some((&first, rest)) = tail.split_first() {
            consider(spell(&[head, rest]));
            for c in ('a'..='z').filter(|&c| c != first) {
                consider(spell(&[head, &[c], rest]));
            }
            if let Some((&second, after)) = rest.split_first() {
                if second != first {
                    consider(spell(&[head, &[second, first], after]));
                }
            }
        }
    }
    let (_, row, fixed) = best?;
    // A word with a vector of its own is a spelling in use ("govts"): it is taken for the
    // correction only when it is also used like it.
    match glove.row(word) {
        Some(own) if row.saturating_mul(20) > own || glove.cosine(own, row) < 0.5 => None,
        _ => Some(fixed),
    }
}

/// The set of a word's characters as bits (character code mod 64). One edit (insertion,
/// deletion, substitution, swap) changes at most two bits, so words `d` edits apart differ in at
/// most `2 d` bits: a cheap test before [`edit_distance`].
fn letter_mask(word: &str) -> u64 {
    word.chars().fold(0u64, |m, c| m | 1u64 << (c as u32 % 64))
}

/// Optimal-string-alignment edit distance, giving up (returning `max + 1`) past `max`.
fn edit_distance(a: &str, b: &str, max: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev2 = vec![0usize; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0usize; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return max + 1;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Whether a question word only says what kind of answer is wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// An ordinary content word.
    No,
    /// Says the kind of answer and nothing else ("many" in "how many"): left out.
    Drop,
    /// Says the kind of answer but may also be in the passage ("country" in "which country").
    Soft,
}

fn question_marker(tokens: &[Token], i: usize) -> Marker {
    let word = tokens[i].norm.as_str();
    let prev = i
        .checked_sub(1)
        .map(|p| tokens[p].norm.as_str())
        .unwrap_or("");
    let next = tokens.get(i + 1).map(|t| t.norm.as_str()).unwrap_or("");
    if prev == "how"
        && matches!(
            word,
            "many" | "much" | "old" | "long" | "big" | "large" | "far" | "often"
        )
    {
        return Marker::Drop;
    }
    // "what was the reason for", "what is the purpose of": the question asks why (see
    // `answer::classify`); the passage gives a cause or purpose in its own words.
    if matches!(
        word,
        "reason" | "reasons" | "cause" | "causes" | "purpose" | "aim" | "goal" | "point" | "motive"
    ) && (matches!(prev, "the" | "what" | "which" | "whats")
        || (i >= 2 && tokens[i - 2].norm == "the" && !text::is_stop_word(prev)))
        && tokens
            .first()
            .is_some_and(|t| matches!(t.norm.as_str(), "what" | "whats" | "which"))
    {
        return Marker::Drop;
    }
    // "what is the stated purpose", "what was the main reason": the word before says which
    // reason, not what it is about.
    if matches!(
        next,
        "reason" | "reasons" | "cause" | "causes" | "purpose" | "aim" | "goal" | "motive"
    ) && prev == "the"
        && tokens
            .first()
            .is_some_and(|t| matches!(t.norm.as_str(), "what" | "whats" | "which"))
    {
        return Marker::Drop;
    }
    // "a pro-government rally", read "government-supporters rally": who backs the rally
    // describes it, and a passage may tell of the rally without them.
    if matches!(word, "supporters" | "opponents") && tokens[i].hyphenated {
        return Marker::Soft;
    }
    // "the death toll", "rally size", "the number of detainees": a count is asked for (see
    // `answer::classify`), not the words.
    if matches!(word, "toll" | "size") || (matches!(word, "number" | "count") && next == "of") {
        return Marker::Drop;
    }
    // "the total number of arrests", "how many in total": the whole count is asked, as
    // "how many" asks it.
    if matches!(
        word,
        "total" | "overall" | "combined" | "cumulative" | "aggregate"
    ) && (matches!(
        next,
        "number" | "count" | "figure" | "tally" | "amount" | "toll"
    ) || (prev == "in" && word == "total"))
    {
        return Marker::Drop;
    }
    // "roughly how many", "how many got hurt approximately": a count is asked, however exact.
    let asks_count = tokens.windows(2).any(|w| {
        w[0].norm == "how" && matches!(w[1].norm.as_str(), "many" | "much" | "big" | "large")
    });
    if asks_count && matches!(word, "roughly" | "approximately" | "approx" | "circa") {
        return Marker::Drop;
    }
    // "detention count from the crackdown", "timing of the vote": a query of keywords says by
    // its head what kind of answer it wants.
    if text::fragment_head(tokens) == Some(i)
        && (text::COUNT_HEADS.contains(&word) || matches!(word, "timing" | "whereabouts"))
    {
        return Marker::Drop;
    }
    // "what exact percentage", "his precise words": only insists on the noun after it.
    if matches!(word, "exact" | "precise" | "specific" | "actual")
        && (matches!(prev, "what" | "which" | "whats") || text::is_determiner(prev))
        && !text::is_stop_word(next)
    {
        return Marker::Drop;
    }
    // "eu sanctions decision day", "day protester died", "ambassador video name": a query of
    // keywords says by "day" that it asks when, by a last "name" that it asks a name (see
    // `answer::classify`); neither is a word of the passage's. (A "date" still is: "new
    // election date" asks of one the passage may not give.)
    let kind_word = (word == "day" && (i == 0 || i + 1 == tokens.len()))
        || (matches!(word, "name" | "names") && i + 1 == tokens.len());
    if kind_word && tokens.len() >= 2 && !tokens.iter().any(|t| text::is_question_word(&t.norm)) {
        return Marker::Drop;
    }
    // "list the demands", "quote one of the slogans": the verb only asks.
    if i == 0 && text::opens_request(tokens) {
        return Marker::Drop;
    }
    // "one of the signs" asks about the signs.
    if (matches!(word, "name" | "names" | "date" | "one") && next == "of")
        || (word == "going" && next == "to")
    {
        return Marker::Drop;
    }
    // "the biggest one so far", "which one": "one" stands for a noun said before, no number.
    if matches!(word, "one" | "ones")
        && (text::is_stop_word(next) || next.is_empty())
        && (matches!(
            prev,
            "the"
                | "this"
                | "that"
                | "which"
                | "another"
                | "each"
                | "every"
                | "any"
                | "other"
                | "first"
                | "last"
                | "next"
                | "only"
                | "same"
        ) || (prev.len() > 4 && prev.ends_with("est")))
    {
        return Marker::Drop;
    }
    // "what was the march called": says a name is wanted.
    if i + 1 == tokens.len() && matches!(word, "called" | "named") && text::asks_what_called(tokens)
    {
        return Marker::Drop;
    }
    // "what did they call the march": so does the verb that gives the name.
    if matches!(word, "call" | "name" | "called" | "named") {
        let words: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
        if text::name_giving_verb(&words) == Some(i) {
            return Marker::Drop;
        }
    }
    // "what happened to her husband", "what does she want to happen to them": asks what was or
    // is to be done, which the passage says in its own words.
    if matches!(word, "happen" | "happened" | "happens" | "happening") && next == "to" {
        return Marker::Drop;
    }
    // "is it true (that) ...", "is it correct that ...": asks whether what follows holds.
    // ("is true that ...": the same, as Romance languages ask it, without the "it".)
    if matches!(word, "true" | "correct" | "right" | "so")
        && ((i == 2 && prev == "it") || (i == 1 && next == "that"))
        && matches!(tokens[0].norm.as_str(), "is" | "was" | "isn't" | "wasn't")
    {
        return Marker::Drop;
    }
    // "where did he make his speech", "who gave the speech": a light verb; the noun after it
    // says what was done.
    // ("make his own rally": "own" only stresses whose.)
    let after_next = tokens
        .iter()
        .skip(i + 2)
        .map(|t| t.norm.as_str())
        .find(|&w| w != "own")
        .unwrap_or("");
    if matches!(
        word,
        "make" | "made" | "makes" | "making" | "give" | "gave" | "gives" | "giving" | "given"
    ) && (text::is_article(next) || matches!(next, "his" | "her" | "their" | "its"))
        && !after_next.is_empty()
        && !text::is_stop_word(after_next)
    {
        return Marker::Drop;
    }
    // "what day of the week" (or "of week", as a learner says it): a day, as "what day" asks.
    let of_at = if prev == "the" {
        i.checked_sub(2)
    } else {
        i.checked_sub(1)
    };
    if matches!(word, "week" | "month" | "year")
        && of_at.is_some_and(|k| {
            k >= 1
                && tokens[k].norm == "of"
                && matches!(tokens[k - 1].norm.as_str(), "day" | "days" | "time")
        })
    {
        return Marker::Drop;
    }
    // "what happens if he quits": what follows is asked, not any happening.
    if matches!(word, "happen" | "happens" | "happening" | "happened") && next == "if" {
        return Marker::Drop;
    }
    // "why did she end up running": she ran; "end up" only says it came to that (also before
    // "candidate", as "running for president" reads).
    if matches!(
        word,
        "end" | "ended" | "ends" | "ending" | "wind" | "wound" | "winds"
    ) && next == "up"
        && (after_next.ends_with("ing") || after_next == "candidate")
    {
        return Marker::Drop;
    }
    // "what name did they give to the march", "what promise did he make": the light verb's
    // object is the noun asked about.
    let fronted_object = tokens.len() > 2
        && matches!(tokens[0].norm.as_str(), "what" | "which" | "whats")
        && !text::is_stop_word(&tokens[1].norm)
        && i > 2;
    if matches!(
        word,
        "make" | "made" | "makes" | "making" | "give" | "gave" | "gives" | "giving" | "given"
    ) && fronted_object
        && (next.is_empty() || matches!(next, "to" | "it" | "them" | "him" | "her"))
    {
        return Marker::Drop;
    }
    // "the march coincided with the anniversary", "it corresponds to", "states that belong to
    // the alliance": the verb only puts two things side by side, as a preposition does in the
    // passage ("the march on the anniversary", "the partnership between 6 states").
    if matches!(
        word,
        "coincide"
            | "coincided"
            | "coincides"
            | "coinciding"
            | "correspond"
            | "corresponded"
            | "corresponds"
            | "corresponding"
            | "belong"
            | "belongs"
            | "belonged"
            | "belonging"
    ) && matches!(next, "with" | "to")
    {
        return Marker::Drop;
    }
    // "where is she hiding", "where does she live now": the verb only says that someone is
    // somewhere; the passage places them in its own words ("from exile in Lithuania").
    // ("in which country is she hiding" asks where too.)
    let asks_where = matches!(tokens[0].norm.as_str(), "where" | "wheres")
        || tokens.windows(2).any(|w| {
            matches!(w[0].norm.as_str(), "which" | "what")
                && text::PLACE_NOUNS.contains(&w[1].norm.as_str())
        });
    if asks_where
        && matches!(
            word,
            "live"
                | "lives"
                | "living"
                | "lived"
                | "stay"
                | "stays"
                | "staying"
                | "stayed"
                | "hide"
                | "hides"
                | "hiding"
                | "hid"
                | "hidden"
                | "reside"
                | "resides"
                | "residing"
                | "resided"
                | "shelter"
                | "sheltering"
                | "sheltered"
                | "based"
        )
    {
        return Marker::Drop;
    }
    // "when was the election held", "where did it take place": the verb only says that an
    // event happened; the passage dates or places the event, in whatever words.
    if text::asks_when_event_happened(tokens, i) {
        return Marker::Drop;
    }
    if text::asks_where_based(tokens, i) {
        return Marker::Drop;
    }
    if matches!(prev, "what" | "which" | "whats")
        && matches!(
            word,
            "day"
                | "date"
                | "time"
                | "year"
                | "month"
                | "percentage"
                | "share"
                | "proportion"
                | "percent"
                | "number"
                | "kind"
                | "sort"
                | "type"
                | "form"
                | "name"
                | "names"
        )
    {
        return Marker::Drop;
    }
    // "what sort of place": the place of a kind is asked as "which place" is.
    let kind_of = i >= 3
        && prev == "of"
        && matches!(tokens[i - 2].norm.as_str(), "kind" | "sort" | "type")
        && matches!(tokens[i - 3].norm.as_str(), "what" | "which" | "whats");
    // "which country", "what group": the passage may give the name without the kind. A kind
    // of its own ("which ambassador", "what council") it names too.
    if (matches!(prev, "what" | "which" | "whats")
        || (kind_of && text::PLACE_NOUNS.contains(&word)))
        && (text::PLACE_NOUNS.contains(&word)
            || text::GROUP_NOUNS.contains(&word)
            || text::TIME_NOUNS.contains(&word)
            || word.ends_with("ing")
            || word.ends_with("ed")
            || i + 1 == tokens.len())
    {
        return Marker::Soft;
    }
    // "which human rights group": the words before a noun that asks for a name describe the
    // name asked for, which the passage need not repeat.
    let asking = (i.saturating_sub(3)..i)
        .rev()
        .take_while(|&j| j + 1 == i || !text::is_stop_word(&tokens[j + 1].norm))
        .find(|&j| matches!(tokens[j].norm.as_str(), "what" | "which" | "whats"));
    if let Some(j) = asking {
        let named_kind = (i..(j + 4).min(tokens.len()))
            .take_while(|&k| !text::is_stop_word(&tokens[k].norm))
            .any(|k| {
                let w = tokens[k].norm.as_str();
                text::GROUP_NOUNS.contains(&w) || text::PLACE_NOUNS.contains(&w)
            });
        if named_kind {
            return Marker::Soft;
        }
    }
    Marker::No
}

/// Strength of what a verb entails or causes ("kill" -> "die", "pass_away").
const ENTAILED_WEIGHT: f32 = 0.65;

/// Strength of a WordNet relation: for synonyms and derived forms by the sense they come from
/// (the commonest first), for broader terms by their place in the list.
fn relation_weight(relation: Relation, rank: usize) -> f32 {
    let decay = 0.025 * rank as f32;
    match relation {
        Relation::Synonym => [0.85, 0.68, 0.6, 0.55][rank.min(3)],
        Relation::Derived => [0.8, 0.72, 0.65][rank.min(2)],
        Relation::Broader => (0.55 - decay).max(0.4),
    }
}

/// Everything retrieval needs, shared for the life of the program.
pub struct Retriever<'a> {
    /// The open index.
    pub index: &'a SentenceIndex,
    /// The corpus words.
    pub vocabulary: &'a Vocabulary,
    /// WordNet.
    pub lexicon: &'a Lexicon,
    /// Word vectors, if built in.
    pub embeddings: Option<&'a Embeddings>,
}

impl<'a> Retriever<'a> {
    /// The question's words, misspellings corrected: a word neither the articles nor WordNet
    /// know is read as the closer of the articles' nearest spelling ("protestors" ->
    /// "protesters") and the commonest English word one edit away ("arested" -> "arrested";
    /// "offiers" is "officers", not the articles' "offer"). Done before anything reads the
    /// question, so that "which factries" asks about factories as "which factories" does.
    pub fn correct_spelling(&self, tokens: &mut [Token]) {
        self.read_running_a_country(tokens);
        for token in tokens.iter_mut() {
            if token.number || text::is_stop_word(&token.norm) || token.norm.chars().count() > 40 {
                continue;
            }
            if let Some(full) = self.given_name_for(&token.norm) {
                token.norm = full.to_string();
            } else if let Some(fixed) = self.spelling_fix(&token.norm) {
                token.norm = fixed;
            }
        }
    }

    /// "what did sasha say": the full given name the articles use for a diminutive they do not
    /// ("alexander"; see [`text::given_names_of`]).
    fn given_name_for(&self, word: &str) -> Option<&'static str> {
        if self.vocabulary.words.contains_key(word) {
            return None;
        }
        text::given_names_of(word)
            .iter()
            .copied()
            .find(|name| self.vocabulary.words.contains_key(*name))
    }

    /// Whether WordNet's proper noun `word` is a name: not one that WordNet spells with
    /// capitals only for the acronym it opens with and that has a common synonym
    /// ("tv_station", "television_station").
    fn is_name(&self, word: &str) -> bool {
        let acronym_first = word.split('_').next().is_some_and(|w| w.len() <= 3);
        self.lexicon.is_proper(word)
            && !(acronym_first
                && self.lexicon.related(word).any(|(relation, _, other)| {
                    relation == Relation::Synonym
                        && self.lexicon.is_lemma(other)
                        && !self.lexicon.is_proper(other)
                }))
    }

    /// "how long has he been running belarus": to run a country is to rule it, as a passage
    /// would say ("has ruled the ex-Soviet nation").
    fn read_running_a_country(&self, tokens: &mut [Token]) {
        for i in 0..tokens.len().saturating_sub(1) {
            let ruled = match tokens[i].norm.as_str() {
                "run" | "runs" => "rule",
                "running" => "ruling",
                "ran" => "ruled",
                _ => continue,
            };
            let mut next = i + 1;
            if tokens[next].norm == "the" && next + 1 < tokens.len() {
                next += 1;
            }
            let place = &tokens[next].norm;
            let country = matches!(place.as_str(), "country" | "nation" | "state")
                || (self.lexicon.is_proper(place) && self.lexicon.is_place(place));
            if country {
                tokens[i].norm = ruled.to_string();
            }
        }
    }

    /// See [`Retriever::correct_spelling`].
    fn spelling_fix(&self, word: &str) -> Option<String> {
        if self.vocabulary.words.contains_key(word) {
            return None;
        }
        if !self.lexicon.knows(word) {
            if let Some(name) = self.vocabulary.name_with_prefix(word) {
                return Some(name.to_string());
            }
        }
        let has_vector = self.embeddings.is_some_and(|e| e.row(word).is_some());
        // WordNet's inflection rules read many a slip as a form of some rare word ("proest" as
        // "pro" + "-est", "areted" as "arete" + "-d"): a form no vector set has, of a word that
        // is not a base form itself, is taken for a slip.
        let in_use = has_vector
            || self.lexicon.is_lemma(word)
            || Embeddings::glove().is_some_and(|g| g.row(word).is_some());
        if self.lexicon.knows(word) && in_use {
            return None;
        }
        if let Some(verb) = self.regularised_past(word) {
            return Some(verb);
        }
        // A word only the vectors know ("protestors") is taken for the corpus's spelling
        // ("protesters") when one letter apart.
        let corpus = self.vocabulary.correct(word).filter(|fixed| {
            let variant = word.chars().count() >= 6
                && edit_distance(word, fixed, 1) <= 1
                && word.chars().next() == fixed.chars().next();
            !has_vector || variant
        });
        // A misspelling of a word the articles do not use ("arested") is read as the
        // commonest English word one edit away, so that its synonyms still count.
        // A slip common enough to have a vector of its own ("recieved") is one too when
        // neither WordNet nor GloVe knows it and its vector sits by the correction's.
        let common_slip = |fixed: &String| {
            self.embeddings.is_some_and(|e| {
                let (Some(a), Some(b)) = (e.row(word), e.row(fixed)) else {
                    return false;
                };
                e.cosine(a, b) >= COMMON_SLIP_COSINE
            }) && Embeddings::glove().is_none_or(|g| g.row(word).is_none())
        };
        let english = english_correction(self.lexicon, word)
            .filter(|fixed| !has_vector || common_slip(fixed));
        match (corpus, english) {
            (Some(c), Some(e)) => {
                // The likelier slip: fewer edits and a commoner word, the articles' own words
                // likelier still ("protetors" -> "protesters", but "offiers" -> "officers").
                let cost = |w: &str, in_articles: bool| {
                    let rank = Embeddings::glove()
                        .and_then(|g| g.row(w))
                        .map_or(50_000.0, |r| r as f32 + 1.0);
                    rank.ln() + SPELLING_EDIT_COST * edit_distance(word, w, 2) as f32
                        - if in_articles {
                            SPELLING_ARTICLE_BONUS
                        } else {
                            0.0
                        }
                };
                Some(if cost(c, true) <= cost(&e, false) {
                    c.to_string()
                } else {
                    e
                })
            }
            (c, e) => e.or_else(|| c.map(str::to_string)),
        }
    }

    /// The regular past of a verb in its base form that the articles do not use ("die" ->
    /// "died"), if WordNet reads it back to the verb; None for a word that is not a verb's base
    /// form, an irregular verb ("go"), or a form already inflected.
    fn regular_past_of(&self, word: &str) -> Option<String> {
        if !self.lexicon.is_lemma(word)
            || !self.lexicon.can_be_verb(word)
            || self.lexicon.is_verb_form(word)
            || self.vocabulary.words.contains_key(word)
            || !word.chars().all(|c| c.is_ascii_lowercase())
        {
            return None;
        }
        let past = if word.ends_with('e') {
            format!("{word}d")
        } else {
            format!("{word}ed")
        };
        let reads_back = self.lexicon.lemmas(&past).iter().any(|l| l == word);
        reads_back.then_some(past)
    }

    /// "catched", "teached", "runned": a common verb's past made regular, as learners and
    /// children write it, read as the verb (not as the nearest spelling, "watched").
    fn regularised_past(&self, word: &str) -> Option<String> {
        if !word.ends_with("ed") {
            return None;
        }
        // (WordNet's endings, a doubled consonant undone too: "runned" -> "run".)
        self.lexicon.lemmas(word).into_iter().find(|l| {
            l != word
                && self.lexicon.is_lemma(l)
                && self.lexicon.can_be_verb(l)
                && Embeddings::glove()
                    .and_then(|g| g.row(l))
                    .is_some_and(|rank| rank < COMMON_VERB_RANK)
        })
    }

    /// The content terms of a question with their expansions.
    pub fn query_terms(&self, tokens: &[Token]) -> Vec<QueryTerm> {
        let mut analyzer = index::analyzer();
        let mut terms: Vec<QueryTerm> = Vec::new();
        let mut skip_next = false;
        for (i, token) in tokens.iter().enumerate() {
            if terms.len() >= MAX_TERMS {
                break;
            }
            if std::mem::take(&mut skip_next) {
                continue;
            }
            // "US" is a country, "us" a pronoun; so is "the us".
            let after_the = i > 0 && tokens[i - 1].norm == "the";
            let stop = text::is_stop_word(&token.norm)
                && !token.acronym
                && !(after_the && self.lexicon.is_proper(&token.norm));
            if stop {
                // A function word can open an adverb ("so far" = "yet", "at once"): asked as one
                // term when its meaning is in the articles.
                if let Some((pair, expansions, forms, matches)) =
                    self.adverb_expression(&mut analyzer, tokens, i)
                {
                    // It qualifies what is asked rather than naming it: a soft term.
                    let next = &tokens[i + 1].norm;
                    let weight = self.weight(next) * 0.5;
                    terms.push(self.term(pair, (weight, next), expansions, forms, matches));
                    skip_next = true;
                }
                continue;
            }
            if token.norm.chars().count() > 40 {
                continue;
            }
            if text::is_filler(tokens, i) {
                continue;
            }
            let marker = question_marker(tokens, i);
            if marker == Marker::Drop {
                continue;
            }
            let mut word = token.norm.clone();
            let mut single: Option<String> = None;
            let mut phrasal_verb = false;
            // Two words WordNet knows as one expression ("take place", "step down") mean it.
            // But "come to power" is "come" + "to power": a preposition before a content word
            // starts a phrase of its own.
            let prepositional_phrase = tokens.get(i + 1).is_some_and(|next| {
                matches!(
                    next.norm.as_str(),
                    "to" | "for" | "with" | "at" | "of" | "into" | "from" | "in" | "on"
                ) && tokens
                    .get(i + 2)
                    .is_some_and(|after| !text::is_stop_word(&after.norm))
            });
            // "written on their placards", "to hold over the weekend", but "stands for the
            // opposition": before a determiner, a verb and its preposition are one expression
            // only when the articles use its meaning.
            // (A particle is no preposition: "put out the video".)
            let before_determiner = tokens.get(i + 1).is_some_and(|next| {
                matches!(
                    next.norm.as_str(),
                    "to" | "for"
                        | "with"
                        | "at"
                        | "of"
                        | "into"
                        | "from"
                        | "in"
                        | "on"
                        | "over"
                        | "about"
                        | "through"
                )
            }) && tokens.get(i + 2).is_some_and(|after| {
                text::is_determiner(&after.norm) && !matches!(after.norm.as_str(), "what" | "which")
            });
            // The expansions of a compound noun, once computed to check it (kept for its term).
            let mut compound_expansions = None;
            let collocation = tokens
                .get(i + 1)
                .filter(|_| !prepositional_phrase)
                .and_then(|next| self.collocation(token, next))
                .filter(|pair| {
                    // A compound noun the articles never use ("factory worker" for "workers
                    // at state-run factories") is asked as its words.
                    let phrasal = text::is_stop_word(&tokens[i + 1].norm) && !before_determiner;
                    // A name ("united states", "new york") is one thing, used or not: its
                    // words apart ("states", "new") would find something else.
                    phrasal || self.is_name(pair) || {
                        let mut expansions = self.expand(&mut analyzer, pair);
                        let forms = word_forms(self.lexicon, &mut analyzer, pair);
                        let used = self
                            .corpus_matches(&expansions, &forms)
                            .values()
                            .any(|&m| m >= 0.6);
                        if used {
                            // (Still one noun, if only through its first word's sense.)
                            self.drop_modifier_senses(pair, &mut expansions);
                            compound_expansions = Some(expansions);
                        }
                        used
                    }
                });
            if let Some(pair) = collocation {
                // "turn to" still means "turn"; "prime minister" does not mean "prime".
                let next = &tokens[i + 1].norm;
                let phrasal = text::is_stop_word(next) && self.lexicon.can_be_verb(&word);
                let weighed = if phrasal || self.weight(next) < self.weight(&word) {
                    word.clone()
                } else {
                    next.clone()
                };
                single = Some(weighed);
                phrasal_verb = phrasal;
                word = pair;
                skip_next = true;
            }
            if terms.iter().any(|t| t.word == word) {
                continue;
            }
            // Whether the question uses the word as a noun ("the signs"; see `QueryTerm::noun`).
            let as_noun = after_determiner(tokens, i) || modifies_noun(tokens, i, self.lexicon);
            // A name means only itself (and its derived forms: "china", "chinese"), not the
            // broader "country" nor a word with a nearby vector.
            let expansions = if self.lexicon.is_proper(&word) || token.acronym {
                let mut own = wordnet_related(self.lexicon, &mut analyzer, &word);
                own.retain(|_, w| *w >= 0.8);
                // Other names close to it count a little ("belarus" and "minsk").
                for (k, w) in self.expand(&mut analyzer, &word) {
                    if self.lexicon.is_proper(&k) && !own.contains_key(&k) {
                        own.insert(k, w.min(0.6));
                    }
                }
                // "Brussels" for the European Union.
                for body in self.lexicon.seat_of(&word) {
                    for k in word_forms(self.lexicon, &mut analyzer, body) {
                        let e = own.entry(k).or_insert(0.0);
                        *e = e.max(SEAT_MATCH);
                    }
                }
                own
            } else if let Some(expansions) = compound_expansions {
                expansions
            } else {
                let mut own = self.expand(&mut analyzer, &word);
                // "how many people die": the past's vector often stands nearer the articles'
                // words ("died" ~ "dead") than the base form's, which is also a noun's.
                // (Not a noun: "his post" is no "posted".)
                if let Some(past) = self.regular_past_of(&word).filter(|_| !as_noun) {
                    for (k, w) in self.expand(&mut analyzer, &past) {
                        let e = own.entry(k).or_insert(0.0);
                        *e = e.max(w * PAST_FORM_FACTOR);
                    }
                }
                own
            };
            let mut expansions = expansions;
            let forms = word_forms(self.lexicon, &mut analyzer, &word);
            // An expression weighs as its weightier word; a phrasal verb partly still means its
            // verb ("turning to" ~ "turning", but "give up" is not "give").
            let weighed = single.as_deref().unwrap_or(&word).to_string();
            if let Some(first) = single.as_ref().filter(|_| phrasal_verb) {
                // A light verb of many senses ("give", "take") lends an expression none of its
                // own ("give up" is no giving), unless WordNet says the expression is a way of
                // doing it ("hold up" is to hold).
                let keeps_verb = self.lexicon.most_senses(first) <= LIGHT_VERB_SENSES
                    || self
                        .lexicon
                        .related(&word)
                        .any(|(relation, _, w)| relation != Relation::Derived && w == first);
                let factor = if keeps_verb {
                    PHRASAL_VERB_FACTOR
                } else {
                    IDIOM_VERB_FACTOR
                };
                for (k, w) in self.expand(&mut analyzer, first) {
                    let e = expansions.entry(k).or_insert(0.0);
                    *e = e.max(w * factor);
                }
                self.add_paraphrased_phrasals(&word, &mut expansions);
            }
            // "ran against him", "turned against him": a verb against someone opposes them.
            let against = tokens.get(i + 1).is_some_and(|n| n.norm == "against")
                && single.is_none()
                && self.lexicon.can_be_verb(&word);
            if against {
                for (k, w) in self.expand(&mut analyzer, "oppose") {
                    let e = expansions.entry(k).or_insert(0.0);
                    *e = e.max(w * AGAINST_FACTOR);
                }
            }
            // "explicitly", "publicly", "personally": how or how surely a thing was done, which
            // a passage that tells it may leave unsaid.
            let manner_adverb = word.ends_with("ly")
                && self.lexicon.is_adverb(&word)
                && !self.lexicon.is_noun(&word)
                && !self.lexicon.is_adjective(&word);
            let weight = self.weight(&weighed)
                * if marker == Marker::Soft || manner_adverb {
                    0.5
                } else {
                    1.0
                }
                * if in_circumstance(tokens, i) || on_occasion(tokens, i, self.lexicon) {
                    CIRCUMSTANCE_FACTOR
                } else {
                    1.0
                };
            let mut matches = self.word_matches(&word, &expansions, &forms);
            let unmatched = matches.values().all(|&m| m < 0.6);
            if unmatched && !self.lexicon.is_proper(&word) && !token.acronym {
                for (k, w) in thesaurus_related(self.lexicon, self.embeddings, &word) {
                    let e = expansions.entry(k).or_insert(0.0);
                    *e = e.max(w);
                }
                matches = self.word_matches(&word, &expansions, &forms);
            } else if !self.lexicon.is_proper(&word)
                && !token.acronym
                && self.lexicon.is_noun(&word)
                && !self.lexicon.is_verb_form(&word)
            {
                // A matched word's thesaurus synonyms that both sets of vectors put close too
                // ("pressure" ~ "stress", which a rewording may have put for it).
                let glove = Embeddings::glove();
                let own = glove.and_then(|g| g.row(&word));
                let mut added = false;
                for (k, w) in thesaurus_related(self.lexicon, self.embeddings, &word) {
                    let close = match (glove, own) {
                        (Some(g), Some(r)) => g
                            .row(&k)
                            .is_some_and(|o| g.cosine(r, o) >= MATCHED_THESAURUS_GLOVE),
                        _ => false,
                    };
                    // (Not a count: "number" ~ "hundreds" would take the answer's word.)
                    let count = text::NUMBER_WORDS.contains(&k.as_str());
                    if close
                        && !count
                        && w >= MATCHED_THESAURUS_LEAST
                        && !expansions.contains_key(&k)
                    {
                        expansions.insert(k, w * MATCHED_THESAURUS_FACTOR);
                        added = true;
                    }
                }
                if added {
                    matches = self.word_matches(&word, &expansions, &forms);
                }
            }
            // "detention" is what "detained" says: a noun made from a verb matches what the
            // verb matches ("apprehended"), a little less.
            // (After the thesaurus, which is asked only when the noun's own words fail.)
            if single.is_none() && !self.lexicon.is_proper(&word) {
                let mut lent = false;
                for verb in nominalized_verbs(self.lexicon, &word) {
                    for (k, w) in self.expand(&mut analyzer, &verb) {
                        let w = w * NOMINALIZED_VERB_FACTOR;
                        if w >= NOMINALIZED_VERB_FROM && !expansions.contains_key(&k) {
                            expansions.insert(k, w);
                            lent = true;
                        }
                    }
                }
                if lent {
                    matches = self.word_matches(&word, &expansions, &forms);
                }
            }
            // "media coverage": a word nothing in the articles matches is matched by the
            // corpus words GloVe puts very close to it ("television"; not "internet" ~ "phone",
            // only related, nor "like" ~ "well").
            let unmatched = matches.values().all(|&m| m < UNMATCHED_BELOW)
                && !self.lexicon.is_proper(&word)
                && !token.acronym
                && self.vocabulary.words.len() <= BIG_CORPUS;
            if unmatched {
                let near = self.glove_neighbours_in_corpus(&word, self.vocabulary.words.keys());
                for (w, cos) in near {
                    if cos >= UNMATCHED_GLOVE_FROM && !text::is_stop_word(&w) {
                        let m = matches.entry(w).or_insert(0.0);
                        *m = m.max((cos * 0.9).min(GLOVE_ONLY_MAX));
                    }
                }
            }
            // "the police" ~ "the authorities": a noun is also matched by the nouns GloVe puts
            // very close to it, as news text uses them alike.
            if !unmatched && as_noun && !self.lexicon.is_proper(&word) && !token.acronym {
                for w in self.close_nouns(&word) {
                    let m = matches.entry(w).or_insert(0.0);
                    *m = m.max(CLOSE_NOUN_MATCH);
                }
            }
            // "how many turned up": where they "gathered" or "took part".
            if forms.iter().any(|f| PRESENCE_VERBS.contains(&f.as_str())) {
                for w in self.vocabulary.presence() {
                    let m = matches.entry(w.clone()).or_insert(0.0);
                    *m = m.max(PRESENCE_MATCH);
                }
            }
            // "what was he wearing": the clothes the articles name.
            if wears(&forms) {
                for w in self.vocabulary.worn(self.lexicon) {
                    matches.entry(w.clone()).or_insert(WORN_MATCH);
                }
            }
            // "the man who died": any kind of person the articles name ("militant"); the
            // question leaves open who he was.
            if std::iter::once(&word)
                .chain(&forms)
                .any(|f| GENERIC_PERSON_NOUNS.contains(&f.as_str()))
            {
                for w in self.vocabulary.person_kinds(self.lexicon) {
                    let m = matches.entry(w.clone()).or_insert(0.0);
                    *m = m.max(ANY_PERSON_MATCH);
                }
            }
            // "protests" are not the "protesters": a word and the agent noun made from it
            // (or the other way round) share a stem but not a meaning.
            for (w, m) in matches.iter_mut() {
                if agent_of_other(&word, w) {
                    *m = m.min(AGENT_NOUN_MATCH);
                }
            }
            self.raise_kinds_of(&word, &mut matches);
            // "what were people carrying": the people a passage speaks of are of some kind
            // ("protesters", "supporters"); any such plural is partly them, more as GloVe puts
            // it near "people" (see `confirmed`).
            if matches!(word.as_str(), "people" | "persons") {
                for kind in self.vocabulary.person_kinds(self.lexicon) {
                    if kind.ends_with('s') {
                        let m = matches.entry(kind.clone()).or_insert(0.0);
                        *m = m.max(PEOPLE_OF_A_KIND_MATCH);
                    }
                }
            }
            // "state-owned factories" where the articles say "state-run": a part of a
            // hyphenated compound that nothing in the articles matches, joined to a part they
            // use, is half of one word rather than a thing the articles lack.
            let weight = if matches.values().all(|&m| m < 0.3)
                && self.hyphen_joined_to_corpus_word(tokens, i)
            {
                weight * LONE_COMPOUND_PART_FACTOR
            } else {
                weight
            };
            let mut term = self.term(word, (weight, &weighed), expansions, forms, matches);
            term.noun = single.is_none() && as_noun;
            // (Only for a verb the articles have no word for: one they use says it itself.)
            let unsaid = term.matches.values().all(|&m| m < FRAME_MATCH);
            // ("the ambassador that sided with": a verb after "that", whatever `noun` says.)
            if single.is_none() && term.verb && unsaid {
                term.frame = verb_frame(tokens, i);
            }
            if term.noun {
                self.keep_verb_forms_off_noun(&mut term);
            }
            terms.push(term);
        }
        self.fold_first_names(&mut terms);
        for term in self.bare_pronoun_terms(tokens, &terms) {
            if terms.len() < MAX_TERMS {
                terms.push(term);
            }
        }
        // ("wasn't she new to politics?" expects a yes: no negation to look for.)
        // "why did she run if she's not a politician": what the question grants denies
        // nothing it asks.
        let (granted, asked): (Vec<usize>, Vec<usize>) = (0..tokens.len())
            .filter(|&i| {
                text::is_negation(&tokens[i].norm) && !text::opens_negative_question(tokens, i)
            })
            .partition(|&i| text::in_granted_clause(tokens, i));
        if !granted.is_empty() && asked.is_empty() {
            terms.retain(|t| t.word != NEGATION);
        }
        let denies = !asked.is_empty();
        if denies && terms.len() < MAX_TERMS {
            let mut expansions = HashMap::default();
            for (w, s) in [
                (NEGATION, 1.0),
                ("decline", 0.8),
                ("refuse", 0.8),
                ("reject", 0.8),
                ("deny", 0.8),
            ] {
                expansions.insert(w.to_string(), s);
            }
            let forms = vec![NEGATION.to_string()];
            let matches = self.corpus_matches(&expansions, &forms);
            terms.push(QueryTerm {
                word: NEGATION.to_string(),
                weight: 0.6,
                rank_weight: 0.6,
                expansions,
                forms,
                matches,
                opposites: HashMap::default(),
                rivals: HashMap::default(),
                speech: false,
                noun: false,
                verb: false,
                describes: None,
                context: false,
                frame: None,
            });
        }
        terms
    }

    /// "how old is svetlana tikhanovskaya": a first name the articles only use with the last
    /// name says nothing the last name does not, so it is no term of its own; asked alone
    /// ("what did svetlana ask for") it stands for the person and matches the last name.
    fn fold_first_names(&self, terms: &mut Vec<QueryTerm>) {
        let surnames = &self.vocabulary.surnames;
        let surname = |t: &QueryTerm| surnames.get(&t.word).cloned();
        let with_surname: Vec<bool> = terms
            .iter()
            .map(|t| surname(t).is_some_and(|last| terms.iter().any(|o| o.word == last)))
            .collect();
        let mut i = 0;
        terms.retain(|_| {
            i += 1;
            !with_surname[i - 1]
        });
        for term in terms.iter_mut() {
            if let Some(last) = surname(term) {
                term.matches.insert(last, 1.0);
            }
        }
    }

    /// Whether `tokens[i]` is joined by a hyphen (one character, no space) to a neighbouring
    /// word the articles use ("state" in "state-owned").
    fn hyphen_joined_to_corpus_word(&self, tokens: &[Token], i: usize) -> bool {
        let joined = |a: &Token, b: &Token| b.hyphenated && !a.number && !b.number;
        let in_corpus = |t: &Token| self.vocabulary.words.contains_key(&t.norm);
        let before = i
            .checked_sub(1)
            .and_then(|p| tokens.get(p))
            .is_some_and(|p| joined(p, &tokens[i]) && in_corpus(p));
        let after = tokens
            .get(i + 1)
            .is_some_and(|n| joined(&tokens[i], n) && in_corpus(n));
        before || after
    }

    /// A corpus word WordNet files under the question word ("placards" under "signs": a
    /// placard is a sign) answers it as closely as a near synonym: raised to [`KIND_OF_MATCH`],
    /// unless it can be a verb form or an adjective.
    /// (A broader word, "sign" for "placard", says less and stays a loose match.)
    fn raise_kinds_of(&self, word: &str, matches: &mut HashMap<String, f32>) {
        let lemmas = self.lexicon.lemmas(word);
        let kinds: Vec<&str> = lemmas.iter().map(String::as_str).collect();
        // WordNet lists a word's narrower terms with its broader ones: only those are looked
        // up the other way (one step up from the corpus word), which keeps this cheap.
        let related: Vec<&str> = lemmas
            .iter()
            .flat_map(|l| self.lexicon.related(l))
            .filter(|(relation, _, _)| *relation == Relation::Broader)
            .map(|(_, _, w)| w)
            .collect();
        for (w, m) in matches.iter_mut() {
            if *m < 0.3 || *m >= KIND_OF_MATCH {
                continue;
            }
            let base_forms = self.lexicon.lemmas(w);
            if !base_forms.iter().any(|l| related.contains(&l.as_str())) {
                continue;
            }
            // Only a word that is a thing of that kind whatever its use: "dead" and "defeated"
            // are people only as nouns ("the dead").
            let only_noun = !self.lexicon.is_verb_form(w)
                && !base_forms.iter().any(|l| self.lexicon.is_adjective(l));
            // Up to eight broader terms: a word's later senses list theirs after the first
            // sense's ("sign up": hire, engage, employ, contract out, then join).
            if only_noun && is_filed_under(self.lexicon, w, &kinds, (1, 8)) {
                *m = KIND_OF_MATCH;
            }
        }
    }

    /// "the state tv": a noun, so a form of its verb that means something else ("stated") is a
    /// weaker match. Said of a verb form ("-ed", "-ing", not a noun itself) that GloVe does not
    /// put near the word; "protest" ~ "protested" stay one.
    fn keep_verb_forms_off_noun(&self, term: &mut QueryTerm) {
        let Some(glove) = Embeddings::glove() else {
            return;
        };
        let Some(own) = glove.row(&term.word) else {
            return;
        };
        for (w, m) in term.matches.iter_mut() {
            let verb_form = (w.ends_with("ed") || w.ends_with("ing"))
                && *w != term.word
                && !self.lexicon.is_noun(w)
                && self.lexicon.lemmas(w).contains(&term.word);
            if verb_form
                && glove
                    .row(w)
                    .is_none_or(|r| glove.cosine(own, r) < VERB_FORM_FOR_NOUN_COSINE)
            {
                *m *= VERB_FORM_FOR_NOUN;
            }
        }
    }

    /// A question term: `weight` is how much it matters, and the rarer in the corpus the word
    /// it weighs as (`weighed`), the more it tells passages apart.
    fn term(
        &self,
        word: String,
        (weight, weighed): (f32, &str),
        expansions: HashMap<String, f32>,
        forms: Vec<String>,
        matches: HashMap<String, f32>,
    ) -> QueryTerm {
        let mut matches = confirmed(self.lexicon, &word, matches);
        // Vectors put opposites together: "hiding" ~ "revealing".
        let opposites = self.lexicon.opposites_of(&word);
        if !opposites.is_empty() {
            matches.retain(|w, m| {
                *m >= 1.0 || !self.lexicon.opposed_to(&opposites, &w.to_lowercase())
            });
        }
        // One day is not another: "sunday" is no "monday", though vectors put them together.
        // ("sundays march": a possessive without its apostrophe, or a plural.)
        let day = |w: &str| {
            let w = w.trim_end_matches("'s").trim_end_matches("’s");
            let bare = w.strip_suffix('s').unwrap_or(w);
            text::is_weekday(w) || text::is_weekday(bare) || text::is_unambiguous_month(w)
        };
        if day(&word) {
            let own: Vec<String> = forms.iter().map(|f| f.to_lowercase()).collect();
            matches.retain(|w, _| {
                let w = w.to_lowercase();
                !day(&w) || own.iter().any(|f| w.starts_with(f.as_str()))
            });
        }
        let verb = self.lexicon.can_be_verb(&word);
        let speech = forms.iter().any(|f| SPEECH_VERBS.contains(&f.as_str()));
        // "what did lukashenko say": any verb that reports speech says it ("claimed",
        // "insisted").
        if speech && forms.iter().any(|f| matches!(f.as_str(), "say" | "tell")) {
            for w in self.vocabulary.reporting() {
                let m = matches.entry(w.clone()).or_insert(0.0);
                *m = m.max(REPORTED_SPEECH_MATCH);
            }
        }
        QueryTerm {
            word,
            weight,
            rank_weight: weight * (0.4 + 0.6 * self.idf(weighed)),
            speech,
            expansions,
            forms,
            matches,
            opposites: HashMap::default(),
            rivals: HashMap::default(),
            noun: false,
            verb,
            describes: None,
            context: false,
            frame: None,
        }
    }

    /// A two-word noun's related words that only say its first word: "voter turnout" is
    /// filed with "vote", but a passage's "votes" says nothing of a turnout. Such a word keeps
    /// [`MODIFIER_SENSE_MATCH`] at most.
    fn drop_modifier_senses(&self, pair: &str, expansions: &mut HashMap<String, f32>) {
        let Some((modifier, head)) = pair.split_once('_') else {
            return;
        };
        if head.contains('_') || self.lexicon.can_be_verb(pair) {
            return;
        }
        let family = |word: &str| -> Vec<String> {
            let mut out = self.lexicon.lemmas(word);
            for lemma in out.clone() {
                for (relation, _, other) in self.lexicon.related(&lemma) {
                    if relation == Relation::Derived {
                        out.push(other.to_string());
                    }
                }
            }
            out
        };
        let of_modifier = family(modifier);
        let of_head = family(head);
        for (word, m) in expansions.iter_mut() {
            let lemmas = self.lexicon.lemmas(word);
            let says_modifier = lemmas.iter().any(|l| of_modifier.contains(l));
            let says_head = lemmas.iter().any(|l| of_head.contains(l));
            if says_modifier && !says_head {
                *m = m.min(MODIFIER_SENSE_MATCH);
            }
        }
    }

    /// The adverb a function word and the next word make ("so far" -> `so_far`), with its
    /// expansions, forms and corpus matches, when some article word matches it.
    #[allow(clippy::type_complexity)]
    fn adverb_expression(
        &self,
        analyzer: &mut TextAnalyzer,
        tokens: &[Token],
        i: usize,
    ) -> Option<(
        String,
        HashMap<String, f32>,
        Vec<String>,
        HashMap<String, f32>,
    )> {
        let next = tokens.get(i + 1)?;
        if next.number || text::is_stop_word(&next.norm) {
            return None;
        }
        let pair = format!("{}_{}", tokens[i].norm, next.norm);
        if !self.lexicon.is_adverb(&pair) {
            return None;
        }
        let expansions = self.expand(analyzer, &pair);
        let forms = word_forms(self.lexicon, analyzer, &pair);
        let matches = self.corpus_matches(&expansions, &forms);
        matches
            .values()
            .any(|&m| m >= 0.6)
            .then_some((pair, expansions, forms, matches))
    }

    /// The WordNet expression two neighbouring question words make ("taking place" ->
    /// `take_place`), if any. Auxiliaries ("go on", "be up") are left as words.
    fn collocation(&self, token: &Token, next: &Token) -> Option<String> {
        if token.number
            || next.number
            || token.capitalized != next.capitalized
            || matches!(
                token.norm.as_str(),
                "go" | "goes" | "going" | "went" | "gone"
            )
            || (text::is_stop_word(&token.norm) && !token.acronym)
        {
            return None;
        }
        // Either word may be inflected: "taking place" -> `take_place`, "human rights" ->
        // `human_right`.
        let firsts: Vec<String> = self
            .lexicon
            .lemmas(&token.norm)
            .into_iter()
            .chain(std::iter::once(token.norm.clone()))
            .collect();
        let seconds: Vec<String> = std::iter::once(next.norm.clone())
            .chain(self.lexicon.lemmas(&next.norm))
            .collect();
        firsts
            .iter()
            .flat_map(|a| seconds.iter().map(move |b| format!("{a}_{b}")))
            .find(|pair| self.lexicon.is_lemma(pair) && self.lexicon.related(pair).next().is_some())
    }

    /// For a yes/no question: lets each term also match its opposites and their synonyms
    /// ("lose" ~ "win" ~ "triumph"), as a passage that answers "no" may put it. They are kept
    /// apart in [`QueryTerm::opposites`] so the answer can tell.
    pub fn add_opposites(&self, terms: &mut [QueryTerm]) {
        let mut analyzer = index::analyzer();
        for term in terms.iter_mut() {
            let mut expansions: HashMap<String, f32> = HashMap::default();
            for lemma in self.lexicon.lemmas(&term.word) {
                for opposite in self.lexicon.antonyms(&lemma) {
                    for (k, w) in wordnet_related(self.lexicon, &mut analyzer, opposite) {
                        if w >= 0.8 {
                            let e = expansions.entry(k).or_insert(0.0);
                            *e = e.max(w * 0.8);
                        }
                    }
                }
            }
            if expansions.is_empty() {
                continue;
            }
            for (w, m) in self.corpus_matches(&expansions, &[]) {
                if term.matches.get(&w).is_none_or(|&own| own < m) {
                    term.matches.insert(w.clone(), m);
                    term.opposites.insert(w, m);
                }
            }
        }
    }

    /// For a yes/no question that checks a value ("is she 42", "did she flee on wednesday"):
    /// the other values of its kind in the articles (numbers, days, months, colours) match it at
    /// `RIVAL_MATCH`, so that the passage which gives the true one is found and answers "No".
    pub fn add_rivals(&self, terms: &mut [QueryTerm]) {
        for term in terms.iter_mut().filter(|t| !t.context) {
            let Some(kind) = text::value_kind(&term.word) else {
                continue;
            };
            for (word, of) in self.vocabulary.values() {
                if *of != kind || text::same_value(word, &term.word) {
                    continue;
                }
                let m = term.matches.entry(word.clone()).or_insert(RIVAL_MATCH);
                *m = m.max(RIVAL_MATCH);
                term.rivals.insert(word.clone(), *m);
            }
        }
    }

    /// "the people in jail", "those locked up", "folks who protested": a corpus noun for the
    /// people a deed or a state makes ("detainees", "protesters") says both words at once. It
    /// is found by WordNet's derivation from the deed's word or from a word one step from it
    /// ("jail" -> "detain" -> "detainee"), and matches the people's term and the deed's at
    /// `PEOPLE_BY_DEED_MATCH`.
    pub fn people_by_deed(&self, tokens: &[Token], terms: &mut [QueryTerm]) {
        for (i, t) in tokens.iter().enumerate() {
            if !PEOPLE_WORDS.contains(&t.norm.as_str()) {
                continue;
            }
            // The deed: the first content word after them, past "who were", "in", "all" ...
            let Some(j) =
                (i + 1..tokens.len().min(i + 5)).find(|&j| !text::is_stop_word(&tokens[j].norm))
            else {
                continue;
            };
            let lemmas = self.lexicon.lemmas(&tokens[j].norm);
            let Some(deed) = terms.iter().position(|term| {
                !term.context
                    && lemmas.iter().any(|l| {
                        term.word == *l
                            || term.forms.contains(l)
                            || term
                                .word
                                .strip_prefix(l.as_str())
                                .is_some_and(|r| r.starts_with('_'))
                    })
            }) else {
                continue;
            };
            let people = term_for(terms, &t.norm).filter(|&p| p != deed);
            let mut sources: Vec<&str> = vec![terms[deed].word.as_str()];
            sources.extend(terms[deed].forms.iter().map(String::as_str));
            let mut near: Vec<&str> = sources.clone();
            for s in &sources {
                near.extend(
                    self.lexicon
                        .related(s)
                        .filter(|(rel, _, _)| matches!(rel, Relation::Synonym | Relation::Broader))
                        .map(|(_, _, w)| w),
                );
            }
            let mut nouns: Vec<String> = Vec::new();
            for w in near {
                for (rel, _, d) in self.lexicon.related(w) {
                    if rel != Relation::Derived || !is_person_noun(self.lexicon, d) {
                        continue;
                    }
                    for c in self.vocabulary.form_index.get(d).into_iter().flatten() {
                        if self.vocabulary.person_kinds(self.lexicon).contains(c)
                            && !nouns.contains(c)
                        {
                            nouns.push(c.clone());
                        }
                    }
                }
            }
            for k in std::iter::once(deed).chain(people) {
                for c in &nouns {
                    let m = terms[k].matches.entry(c.clone()).or_insert(0.0);
                    *m = m.max(PEOPLE_BY_DEED_MATCH);
                }
            }
        }
    }

    /// For a "why" question about a feeling toward something ("why were people angry at state
    /// tv"): the feeling is what the reason explains, and a passage tells it by what people did
    /// about the thing ("complaining that ...", "objected"), seldom by naming it: the feeling
    /// matches those deeds. ("why is putin angry", at nothing named, is left as asked.)
    pub fn show_feelings(&self, tokens: &[Token], terms: &mut [QueryTerm]) {
        let toward = |word: &str| {
            tokens.windows(2).any(|w| {
                w[0].norm == word
                    && matches!(
                        w[1].norm.as_str(),
                        "at" | "with" | "about" | "over" | "toward" | "towards"
                    )
            })
        };
        for term in terms
            .iter_mut()
            .filter(|t| !t.context && FEELINGS.contains(&t.word.as_str()) && toward(&t.word))
        {
            for lemma in GRIEVANCES {
                for w in self.vocabulary.form_index.get(*lemma).into_iter().flatten() {
                    let m = term.matches.entry(w.clone()).or_insert(0.0);
                    *m = m.max(FEELING_SHOWN_MATCH);
                }
            }
        }
    }

    /// Inverse sentence frequency of a word in the corpus, 0 (in every sentence) to 1.
    fn idf(&self, word: &str) -> f32 {
        let n = self.vocabulary.sentences.max(1) as f32;
        let df = self.vocabulary.words.get(word).map_or(0, |w| w.df) as f32;
        (((n + 1.0) / (df + 1.0)).ln() / (n + 1.0).ln().max(1.0)).clamp(0.0, 1.0)
    }

    /// How much a word matters: rare words in English and in the corpus weigh more.
    fn weight(&self, word: &str) -> f32 {
        // "the lad who died" asks no more than "the man who died": a rarer word for a person
        // weighs no more than the commonest.
        let generic = GENERIC_PERSON_NOUNS.contains(&word)
            || word
                .strip_suffix('s')
                .is_some_and(|w| GENERIC_PERSON_NOUNS.contains(&w));
        if generic && word != "man" {
            return self.weight("man");
        }
        let rarity = self
            .embeddings
            .and_then(|e| e.row(word).map(|r| e.rarity(r)))
            .unwrap_or(1.0);
        let n = self.vocabulary.sentences.max(1) as f32;
        let df = self.vocabulary.words.get(word).map_or(0, |w| w.df) as f32;
        let idf = ((n + 1.0) / (df + 1.0)).ln() / (n + 1.0).ln().max(1.0);
        0.15 + 0.7 * rarity + 0.15 * idf.clamp(0.0, 1.0)
    }

    /// The corpus words among `among` that GloVe puts at least [`GLOVE_ONLY_FROM`] from
    /// `word`, with the cosine.
    fn glove_neighbours_in_corpus<'w>(
        &self,
        word: &str,
        among: impl Iterator<Item = &'w String>,
    ) -> Vec<(String, f32)> {
        let Some(glove) = Embeddings::glove() else {
            return Vec::new();
        };
        let Some(own) = glove.row(word) else {
            return Vec::new();
        };
        // The cosine first: it rules out nearly every word, the opposites check only a few.
        among
            .filter_map(|w| {
                let cos = glove.cosine(own, glove.row(w)?);
                (cos >= GLOVE_ONLY_FROM).then_some((w, cos))
            })
            .filter(|(w, _)| !self.lexicon.opposite(word, w))
            .map(|(w, cos)| (w.clone(), cos))
            .collect()
    }

    /// The corpus nouns GloVe puts at least [`CLOSE_NOUN_FROM`] from the noun `word`: only
    /// nouns that no verb shares a spelling with ("authorities", not "vote"), and no values or
    /// words for a span of time, which GloVe puts by their rivals ("monday" by "sunday", "days"
    /// by "years").
    fn close_nouns(&self, word: &str) -> Vec<String> {
        let noun = |w: &str| {
            let timespan = text::TIME_NOUNS.contains(&w)
                || w.strip_suffix('s')
                    .is_some_and(|y| text::TIME_NOUNS.contains(&y));
            !timespan
                && text::value_kind(w).is_none()
                && !text::is_stop_word(w)
                && self
                    .lexicon
                    .lemmas(w)
                    .iter()
                    .any(|l| self.lexicon.is_noun(l) && !self.lexicon.is_adjective(l))
        };
        if !noun(word) || self.vocabulary.words.len() > BIG_CORPUS {
            return Vec::new();
        }
        self.glove_neighbours_in_corpus(word, self.vocabulary.words.keys())
            .into_iter()
            .filter(|(w, cos)| {
                *cos >= CLOSE_NOUN_FROM && w != word && noun(w) && !self.lexicon.can_be_verb(w)
            })
            .map(|(w, _)| w)
            .collect()
    }

    /// A question word's forms and related words, each with a match strength: WordNet's, and
    /// the corpus words whose meaning (their own vector or a close synonym's) is near it.
    fn expand(&self, analyzer: &mut TextAnalyzer, word: &str) -> HashMap<String, f32> {
        let mut out = wordnet_related(self.lexicon, analyzer, word);
        for (sister, w) in self.sister_terms(word) {
            let entry = out.entry(sister).or_insert(0.0);
            if w > *entry {
                *entry = w;
            }
        }
        if let Some(e) = self.embeddings {
            let forms = word_forms(self.lexicon, analyzer, word);
            let mut vector_forms = forms.clone();
            // The corpus words that share the word's base too: "protesters" is near "activists"
            // (= "militants") where "protester" and "protests" are not.
            for lemma in self.lexicon.lemmas(word) {
                for w in self.vocabulary.form_index.get(&lemma).into_iter().flatten() {
                    if !vector_forms.contains(w) {
                        vector_forms.push(w.clone());
                    }
                }
            }
            // Near words in the whole vocabulary, and their close WordNet relations
            // ("detained" ~ "arrest", and "arrest" = "apprehend").
            // Each near word once, at its closest (forms share most of their neighbours).
            let mut near_words: HashMap<&str, f32> = HashMap::default();
            for (near, cos) in vector_forms.iter().flat_map(|f| e.neighbours(f)) {
                let c = near_words.entry(near).or_insert(cos);
                *c = c.max(cos);
            }
            for (near, cos) in near_words {
                let w = (cos * 0.95).min(0.8);
                for (k, r) in wordnet_related_above(self.lexicon, analyzer, near, 0.7) {
                    {
                        let v = w * if r >= 1.0 { 1.0 } else { r * 0.9 };
                        let entry = out.entry(k).or_insert(0.0);
                        if v > *entry {
                            *entry = v;
                        }
                    }
                }
            }
            // Corpus words whose meaning (their own vector or a close synonym's) is near the
            // word's: through the word itself and its nearest words in the whole vocabulary.
            let mut vector_hits: Vec<(&String, f32)> = Vec::new();
            for form in &vector_forms {
                let Some(own) = e.row(form) else { continue };
                let near = std::iter::once((own, 1.0f32)).chain(
                    e.neighbours(form)
                        .filter_map(|(w, cos)| e.row(w).map(|r| (r, cos))),
                );
                for (row, cos) in near {
                    for (candidate, factor) in
                        self.vocabulary.row_words.get(&row).into_iter().flatten()
                    {
                        let c = cos * factor;
                        if c >= MIN_COSINE {
                            let w = (c * 0.95).min(0.8);
                            let entry = out.entry(candidate.clone()).or_insert(0.0);
                            if w > *entry {
                                *entry = w;
                                vector_hits.push((candidate, w));
                            }
                        }
                    }
                }
            }
            // A corpus word near in meaning brings its other forms: "rallies" ~ "protesting",
            // so "rallied" too (the inflected forms' vectors are further apart).
            for (hit, w) in vector_hits {
                let Some(info) = self.vocabulary.words.get(hit.as_str()) else {
                    continue;
                };
                for f in &info.forms {
                    for sibling in self.vocabulary.form_index.get(f).into_iter().flatten() {
                        let v = w * FORM_FAMILY_FACTOR;
                        let entry = out.entry(sibling.clone()).or_insert(0.0);
                        if v > *entry {
                            *entry = v;
                        }
                    }
                }
            }
            // A word the MiniLM vectors lack ("marchers") is matched by the corpus words
            // GloVe puts very close to it ("protesters", "demonstrators").
            // The same holds the other way round: a corpus word they lack ("placards") is
            // matched by the question words GloVe puts very close to it ("banners").
            let unknown = forms.iter().all(|f| e.row(f).is_none());
            let candidates = if unknown {
                self.glove_neighbours_in_corpus(word, self.vocabulary.words.keys())
            } else if self.vocabulary.words.len() > BIG_CORPUS {
                Vec::new()
            } else {
                let vectorless = self.vocabulary.vectorless(self.lexicon, e);
                self.glove_neighbours_in_corpus(word, vectorless.iter())
            };
            for (candidate, cos) in candidates {
                let v = (cos * 0.9).min(GLOVE_ONLY_MAX);
                let entry = out.entry(candidate).or_insert(0.0);
                if v > *entry {
                    *entry = v;
                }
            }
        }
        // "what body did she set up": a "council" is filed under "administrative body".
        let kinds = self.vocabulary.compound_kinds(self.lexicon);
        for lemma in self.lexicon.lemmas(word) {
            let nouns = kinds.get(&lemma).filter(|_| self.lexicon.is_noun(&lemma));
            for kind in nouns.into_iter().flatten() {
                let entry = out.entry(kind.clone()).or_insert(0.0);
                *entry = entry.max(KIND_OF_MATCH);
            }
        }
        out
    }

    /// Corpus words filed under the same broader term as `word` that GloVe also puts close to
    /// it: "election" and "poll" are both kinds of vote. Kinds of one thing are often different
    /// things ("sunday" and "monday" are both days), so only a close pair is kept.
    fn sister_terms(&self, word: &str) -> Vec<(String, f32)> {
        let mut out: Vec<(String, f32)> = Vec::new();
        let Some(glove) = Embeddings::glove() else {
            return out;
        };
        // A word of many senses has sisters in each; a name's sisters are other names.
        // Only nouns: a verb's sisters are other things to do ("hold" and "keep").
        if self.lexicon.most_senses(word) > SISTER_MAX_SENSES
            || self.lexicon.is_proper(word)
            || self.lexicon.can_be_verb(word)
            || self.vocabulary.words.len() > BIG_CORPUS
        {
            return out;
        }
        let Some(own) = glove.row(word) else {
            return out;
        };
        for lemma in self.lexicon.lemmas(word) {
            for (relation, _, broader) in self.lexicon.related(&lemma) {
                if relation != Relation::Broader {
                    continue;
                }
                for (r2, _, sister) in self.lexicon.related(broader) {
                    if r2 != Relation::Broader
                        || sister == lemma
                        || !self.vocabulary.form_index.contains_key(sister)
                        || out.iter().any(|(s, _)| s == sister)
                    {
                        continue;
                    }
                    let Some(other) = glove.row(sister) else {
                        continue;
                    };
                    // (An opposite is dropped with the other loose matches, in `term`.)
                    if self.lexicon.most_senses(sister) > MAX_CONFIRMED_SENSES
                        || self.lexicon.is_proper(sister)
                    {
                        continue;
                    }
                    let cos = glove.cosine(own, other);
                    if cos >= SISTER_FROM {
                        out.push((sister.to_string(), cos.min(SISTER_MAX)));
                    }
                }
            }
        }
        out
    }

    /// The corpus words a term matches: those with a base form among its expansions, and those
    /// whose close relations hold one of its forms.
    fn corpus_matches(
        &self,
        expansions: &HashMap<String, f32>,
        forms: &[String],
    ) -> HashMap<String, f32> {
        let mut out: HashMap<String, f32> = HashMap::default();
        let mut put = |w: &str, m: f32| {
            let e = out.entry(w.to_string()).or_insert(0.0);
            if m > *e {
                *e = m;
            }
        };
        for (k, &m) in expansions {
            for w in self.vocabulary.form_index.get(k).into_iter().flatten() {
                let factor = if m >= 1.0 {
                    1.0
                } else {
                    self.vocabulary.words.get(w).map_or(1.0, |i| i.sense_factor)
                };
                put(w, m * factor);
            }
        }
        for f in forms {
            for (w, m) in self.vocabulary.reverse_index.get(f).into_iter().flatten() {
                put(w, *m);
            }
        }
        out
    }

    /// [`Self::corpus_matches`] for a question's `word`, less the words of its stem that are
    /// other words (see [`demote_stem_collisions`]).
    fn word_matches(
        &self,
        word: &str,
        expansions: &HashMap<String, f32>,
        forms: &[String],
    ) -> HashMap<String, f32> {
        let mut matches = self.corpus_matches(expansions, forms);
        demote_stem_collisions(word, forms, &mut matches);
        matches
    }

    /// How strongly a corpus word matches a term (0 when it does not).
    fn match_word(&self, term: &QueryTerm, word: &str) -> f32 {
        term.matches.get(word).copied().unwrap_or(0.0)
    }

    /// "what does the opposition leader demand": a person the question describes without
    /// naming ("the opposition leader") is the one person the articles describe with the same
    /// words ("main opposition prospect Svetlana Tikhanovskaya"). Gives the name (its last
    /// word) and the question terms that describe it.
    pub fn described_person(
        &self,
        tokens: &[Token],
        terms: &[QueryTerm],
    ) -> Option<(String, Vec<usize>)> {
        let descriptions = &self.vocabulary.descriptions;
        if descriptions.is_empty() {
            return None;
        }
        // The describing words: a singular person noun and the nouns or adjectives just
        // before it ("the opposition leader"; not "leaders asking workers").
        let singular = |w: &str| {
            let lemmas = self.lexicon.lemmas(w);
            lemmas.iter().any(|l| l == w) && !lemmas.iter().any(|l| w.strip_suffix('s') == Some(l))
        };
        // The last person noun, not one that says a state after a preposition ("where is
        // the opposition leader living *in exile*").
        let head = tokens.iter().enumerate().rposition(|(i, t)| {
            !text::is_stop_word(&t.norm)
                && !self.lexicon.is_proper(&t.norm)
                && singular(&t.norm)
                && is_person_noun(self.lexicon, &t.norm)
                && !(i > 0 && matches!(tokens[i - 1].norm.as_str(), "in" | "into" | "from"))
        })?;
        let described = self.describing_terms(tokens, head, terms);
        let people: Vec<&String> = descriptions.keys().collect();
        let named = |t: &QueryTerm, name: &str| t.matches.get(name).is_some_and(|&m| m >= 0.8);
        // A question that names someone already says whom it means.
        if people
            .iter()
            .any(|name| terms.iter().any(|t| named(t, name)))
        {
            return None;
        }
        let fit = |name: &str| -> f32 {
            let Some(words) = descriptions.get(name) else {
                return 0.0;
            };
            described
                .iter()
                .map(|&ti| {
                    let best = words
                        .iter()
                        .filter_map(|w| terms[ti].matches.get(w))
                        .fold(0.0f32, |a, &m| a.max(m));
                    if best >= 0.8 {
                        terms[ti].weight * best
                    } else {
                        0.0
                    }
                })
                .sum()
        };
        let mut fits: Vec<(f32, &String)> = people
            .iter()
            .map(|name| (fit(name), *name))
            .filter(|(f, _)| *f > 0.0)
            .collect();
        fits.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        let person = match fits.as_slice() {
            [(_, name)] => (*name).clone(),
            [(a, name), (b, _), ..] if a > b => (*name).clone(),
            _ => return None,
        };
        Some((person, described))
    }

    /// Lets the words that describe a person the question does not name match the name, at
    /// `DESCRIBED_NAME_MATCH`, and so a "she" that stands for it (see
    /// [`Retriever::described_person`]). Not for "who is the opposition leader": there the
    /// name is the answer.
    pub fn match_described_person(&self, tokens: &[Token], terms: &mut [QueryTerm]) {
        // "the opposition candidate tikhanovskaya": the name says whom; the words before it
        // only repeat it.
        if let Some((_, described)) = self.appositive_name(tokens, terms) {
            for &ti in &described {
                terms[ti].weight *= APPOSITIVE_WEIGHT;
                terms[ti].rank_weight *= APPOSITIVE_WEIGHT;
            }
            return;
        }
        let Some((person, described)) = self.described_person(tokens, terms) else {
            return;
        };
        for &ti in &described {
            let m = terms[ti].matches.entry(person.clone()).or_insert(0.0);
            *m = m.max(DESCRIBED_NAME_MATCH);
            terms[ti].describes = Some(person.clone());
        }
    }

    /// The terms of a person noun at `head` and of up to two words before it that describe
    /// it ("the *opposition leader*"; not past a function word or a verb).
    fn describing_terms(&self, tokens: &[Token], head: usize, terms: &[QueryTerm]) -> Vec<usize> {
        let mut first = head;
        while first > 0
            && head - first < 2
            && !text::is_stop_word(&tokens[first - 1].norm)
            && !self.lexicon.is_verb_form(&tokens[first - 1].norm)
        {
            first -= 1;
        }
        tokens[first..=head]
            .iter()
            .filter_map(|t| term_for(terms, &t.norm))
            .collect()
    }

    /// "how old is the opposition candidate tikhanovskaya": the words before a name that
    /// describe the person it names (a person noun and up to two words before it), so that
    /// they match the name, as they would without it. Gives the name and those terms.
    fn appositive_name(
        &self,
        tokens: &[Token],
        terms: &[QueryTerm],
    ) -> Option<(String, Vec<usize>)> {
        let descriptions = &self.vocabulary.descriptions;
        let person_noun = |t: &Token| {
            !text::is_stop_word(&t.norm)
                && !self.lexicon.is_proper(&t.norm)
                && is_person_noun(self.lexicon, &t.norm)
        };
        // "this lukashenko fellow": a person noun right after the name.
        let after = tokens.windows(2).find(|w| {
            descriptions.contains_key(&w[0].norm)
                && !w[1].capitalized
                && !w[1].hyphenated
                && person_noun(&w[1])
        });
        if let Some([name, noun]) = after {
            let described: Vec<usize> = term_for(terms, &noun.norm).into_iter().collect();
            if !described.is_empty() {
                return Some((name.norm.clone(), described));
            }
        }
        let head = tokens.iter().enumerate().position(|(i, t)| {
            person_noun(t)
                && tokens[i + 1..]
                    .iter()
                    .take(2)
                    .any(|n| descriptions.contains_key(&n.norm))
        })?;
        // The name right after the noun (or after a first name).
        let name = tokens[head + 1..]
            .iter()
            .take(2)
            .find(|n| descriptions.contains_key(&n.norm))?
            .norm
            .clone();
        let described = self.describing_terms(tokens, head, terms);
        (!described.is_empty()).then_some((name, described))
    }

    /// "actions down" for "step down": to a question's phrasal verb, the articles' words
    /// before the same particle that the thesaurus lists for its verb, as a rewording may say
    /// it. Not a light verb's: "give up" is no "keep up". (Only the question's own: "resign"
    /// means "step down", but "is he going to resign" is not asked by "if he actions down".)
    fn add_paraphrased_phrasals(&self, phrasal: &str, expansions: &mut HashMap<String, f32>) {
        let Some((verb, particle)) = phrasal.split_once('_') else {
            return;
        };
        if particle.contains('_') || self.lexicon.most_senses(verb) > LIGHT_VERB_SENSES {
            return;
        }
        for w in self.vocabulary.phrasal_paraphrases(particle) {
            if self.lexicon.thesaurus_relates(verb, w) {
                let e = expansions.entry(w.clone()).or_insert(0.0);
                *e = e.max(PARAPHRASED_PHRASAL_FACTOR);
            }
        }
    }

    /// The terms of what a message says before its question (`lead`, see
    /// `text::read_message`), other than the question's own, at `LEAD_WEIGHT` of their
    /// weight.
    pub fn context_terms(&self, lead: &[Token], terms: &[QueryTerm]) -> Vec<QueryTerm> {
        if lead.is_empty() {
            return Vec::new();
        }
        let room = MAX_TERMS.saturating_sub(terms.len());
        self.query_terms(lead)
            .into_iter()
            .filter(|t| {
                !terms
                    .iter()
                    .any(|q| q.word == t.word || q.forms.iter().any(|f| t.forms.contains(f)))
            })
            .take(room)
            .map(|mut t| {
                t.weight *= LEAD_WEIGHT;
                t.rank_weight *= LEAD_WEIGHT;
                t.context = true;
                t
            })
            .collect()
    }

    /// "where did she go": the person a bare "she" or "he" means, the one the articles call so
    /// most, as a soft term; one for each ("will she hold new elections if he quits"). None for
    /// a pronoun when the question names someone it may stand for ("what did putin say he
    /// would do"; not "what will she do if lukashenko quits").
    fn bare_pronoun_terms(&self, tokens: &[Token], terms: &[QueryTerm]) -> Vec<QueryTerm> {
        let people = &self.vocabulary.pronoun_names;
        let mut genders: Vec<usize> = Vec::new();
        for (i, t) in tokens.iter().enumerate() {
            let Some(g) = pronoun_gender_of(&t.norm) else {
                continue;
            };
            // "there was an ambassador who spoke out, what's his name": the pronoun stands for
            // the person the question has just described.
            // (Not the one asked for: "which russian leader did he call".)
            let described = (0..i).any(|k| {
                let w = &tokens[k].norm;
                // (Nor in "who was the main challenger he beat".)
                let determined = (k.saturating_sub(3)..k)
                    .rev()
                    .find(|&j| {
                        matches!(
                            tokens[j].norm.as_str(),
                            "a" | "an" | "the" | "that" | "this" | "what" | "which" | "whose"
                        )
                    })
                    .is_some_and(|j| {
                        let asked = j >= 2
                            && tokens[j - 2].norm == "who"
                            && matches!(tokens[j - 1].norm.as_str(), "is" | "was" | "are");
                        !asked && !matches!(tokens[j].norm.as_str(), "what" | "which" | "whose")
                    });
                // ("where did the president have his rally": the one the articles call so.)
                let calls_so = people[g].first().is_some_and(|name| {
                    self.vocabulary
                        .descriptions
                        .get(name)
                        .is_some_and(|words| words.iter().any(|d| d == w))
                });
                determined
                    && !calls_so
                    && self.lexicon.is_lemma(w)
                    && !self.lexicon.can_be_verb(w)
                    && is_person_noun(self.lexicon, w)
                    // (Not a body of people: "send the army in to help him".)
                    && !is_noun_filed_under(self.lexicon, w, &["personnel", "social_unit"], (2, 3))
            });
            if !described && !genders.contains(&g) {
                genders.push(g);
            }
        }
        let called = |t: &QueryTerm, g: usize| {
            people[g]
                .iter()
                .any(|n| &t.word == n || t.forms.contains(n))
        };
        let is_name = |w: &str| {
            let known = self
                .lexicon
                .lemmas(w)
                .iter()
                .any(|l| self.lexicon.is_lemma(l));
            !known || (self.lexicon.is_proper(w) && !self.lexicon.is_place(w))
        };
        genders
            .into_iter()
            .filter(|&g| {
                !terms
                    .iter()
                    .any(|t| called(t, g) || (is_name(&t.word) && !called(t, 1 - g)))
            })
            .filter_map(|g| {
                let name = people[g].first()?;
                let mut expansions = HashMap::default();
                expansions.insert(name.clone(), 1.0);
                let forms = vec![name.clone()];
                let matches = self.corpus_matches(&expansions, &forms);
                let weight = self.weight(name) * 0.5;
                Some(self.term(name.clone(), (weight, name), expansions, forms, matches))
            })
            .collect()
    }

    /// How strongly the corpus word closest to the term matches it (0 when none does).
    pub fn best_in_corpus(&self, term: &QueryTerm) -> f32 {
        term.matches.values().fold(0.0, |a, &m| a.max(m))
    }

    /// The candidates for `terms`, best first, scored for coverage.
    pub fn search(&self, terms: &[QueryTerm]) -> Vec<Scored> {
        if terms.is_empty() {
            return Vec::new();
        }
        let f = self.index.fields;
        // On a big corpus a word in more than 1 sentence of 50 selects nothing (scoring still
        // counts it): its posting list would cost more than all the others together.
        let n = self.vocabulary.sentences as usize;
        let too_common = |df: u32| n >= BIG_CORPUS && df as usize > n / 50;
        let mut boosts: HashMap<&str, f32> = HashMap::default();
        let mut common: HashMap<&str, f32> = HashMap::default();
        for term in terms {
            for (word, w) in &term.matches {
                let Some(info) = self.vocabulary.words.get(word) else {
                    continue;
                };
                if info.stem.is_empty() {
                    continue;
                }
                let into = if too_common(info.df) {
                    &mut common
                } else {
                    &mut boosts
                };
                let b = into.entry(info.stem.as_str()).or_insert(0.0);
                *b = b.max(term.weight * w);
            }
        }
        if boosts.is_empty() {
            boosts = common;
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut sorted: Vec<(&&str, &f32)> = boosts.iter().collect();
        sorted.sort_by(|a, b| b.1.total_cmp(a.1).then(a.0.cmp(b.0)));
        // On a big corpus only the strongest stems also look in the (2.5x bigger) context
        // field; the sentence's own words decide which sentences are candidates.
        let context_stems = if n >= BIG_CORPUS {
            20
        } else {
            MAX_CLAUSE_STEMS
        };
        for (rank, (s, b)) in sorted.into_iter().take(MAX_CLAUSE_STEMS).enumerate() {
            for (field, factor) in [(f.text, 1.0), (f.context, CONTEXT_FACTOR)] {
                if field == f.context && rank >= context_stems {
                    continue;
                }
                let q = TermQuery::new(
                    TantivyTerm::from_field_text(field, s),
                    IndexRecordOption::WithFreqs,
                );
                clauses.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(Box::new(q), b * factor)),
                ));
            }
        }
        let query = BooleanQuery::new(clauses);
        let searcher = self.index.reader.searcher();
        let Ok(hits) = searcher.search(&query, &TopDocs::with_limit(CANDIDATES)) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (bm25, address) in hits {
            let Ok(stored) = searcher.doc::<tantivy::TantivyDocument>(address) else {
                continue;
            };
            let num = |field| {
                use tantivy::schema::Value;
                stored
                    .get_first(field)
                    .and_then(|v| v.as_u64())
                    .unwrap_or(0) as usize
            };
            let at = SentenceRef {
                doc: num(f.doc),
                paragraph: num(f.paragraph).saturating_sub(1),
                sentence: num(f.sentence).saturating_sub(1),
            };
            if let Some(scored) = self.score(terms, at, bm25) {
                out.push(scored);
            }
        }
        let max_bm25 = out.iter().map(|s| s.bm25).fold(0.0f32, f32::max).max(1e-6);
        for s in &mut out {
            s.score = s.rank_coverage + 0.04 * s.bm25 / max_bm25 + PROXIMITY_BONUS * s.proximity;
        }
        out.sort_by(|a, b| b.score.total_cmp(&a.score));
        out
    }

    /// The sentence at `at`, if it exists.
    pub fn sentence(&self, at: SentenceRef) -> Option<(&'a Paragraph, &'a Sentence)> {
        let index: &'a SentenceIndex = self.index;
        let p = index.documents.get(at.doc)?.paragraphs.get(at.paragraph)?;
        Some((p, p.sentences.get(at.sentence)?))
    }

    /// The person the sentence at `at` opens with a pronoun or a description for ("She
    /// demanded ...", "The strongman that has ruled ..."), named as the articles name them.
    pub fn subject_antecedent(&self, at: SentenceRef) -> Option<String> {
        let (_, sentence) = self.sentence(at)?;
        let tokens = text::tokenize(&sentence.text);
        let pronoun = tokens
            .first()
            .is_some_and(|t| matches!(t.norm.as_str(), "he" | "she"));
        if !pronoun && !opens_with_described_person(self.lexicon, &sentence.text, &tokens) {
            return None;
        }
        self.antecedent_at(at)
    }

    /// The person a quotation's speaker, named last by a pronoun, stands for: "“We will not
    /// hand over the country,” he stated." (for "who said ...").
    pub fn quoted_speaker(&self, at: SentenceRef) -> Option<String> {
        let (_, sentence) = self.sentence(at)?;
        let tokens = text::tokenize(&sentence.text);
        let n = tokens.len();
        let speaker_last = n >= 2
            && sentence.text[..tokens[n - 2].start].contains(['”', '"'])
            && matches!(tokens[n - 2].norm.as_str(), "he" | "she")
            && self
                .lexicon
                .lemmas(&tokens[n - 1].norm)
                .iter()
                .any(|l| REPORTING_VERBS.contains(&l.as_str()));
        if !speaker_last {
            return None;
        }
        self.antecedent_at(at)
    }

    /// What the pronoun or description of the sentence at `at` stands for, looked for in the
    /// few sentences before it.
    fn antecedent_at(&self, at: SentenceRef) -> Option<String> {
        // The sentence with the few before it that `pronoun_antecedent` looks back at (not the
        // whole document: this runs per candidate).
        let document = self.index.documents.get(at.doc)?;
        let mut recent: Vec<(&Paragraph, &Sentence)> = Vec::with_capacity(5);
        for (pi, paragraph) in document.paragraphs[..=at.paragraph]
            .iter()
            .enumerate()
            .rev()
        {
            if paragraph.heading {
                continue;
            }
            let upto = if pi == at.paragraph {
                at.sentence + 1
            } else {
                paragraph.sentences.len()
            };
            for s in paragraph.sentences[..upto.min(paragraph.sentences.len())]
                .iter()
                .rev()
            {
                recent.push((paragraph, s));
            }
            if recent.len() >= 5 {
                break;
            }
        }
        recent.truncate(5);
        recent.reverse();
        pronoun_antecedent(&recent, recent.len().checked_sub(1)?)
    }

    /// The sentences before and after `at` in reading order (headings skipped), at most `n` each.
    pub fn neighbours(&self, at: SentenceRef, n: usize) -> (Vec<SentenceRef>, Vec<SentenceRef>) {
        let Some(document) = self.index.documents.get(at.doc) else {
            return (Vec::new(), Vec::new());
        };
        let mut all = Vec::new();
        for (pi, p) in document.paragraphs.iter().enumerate() {
            if p.heading {
                continue;
            }
            for si in 0..p.sentences.len() {
                all.push(SentenceRef {
                    doc: at.doc,
                    paragraph: pi,
                    sentence: si,
                });
            }
        }
        let Some(pos) = all.iter().position(|r| *r == at) else {
            return (Vec::new(), Vec::new());
        };
        let before = all[pos.saturating_sub(n)..pos].to_vec();
        let after = all[pos + 1..(pos + 1 + n).min(all.len())].to_vec();
        (before, after)
    }

    fn score(&self, terms: &[QueryTerm], at: SentenceRef, bm25: f32) -> Option<Scored> {
        let tokens = &self.vocabulary.sentence_words(at)?;
        let quotes = self.vocabulary.quotes(at);
        let verb_uses = self.vocabulary.verb_uses(at);
        let compound_parts = self.vocabulary.compound_parts(at);
        let name_parts = self.vocabulary.name_parts(at);
        // The person a "she" or "he" stands for counts nearly as if named.
        let (context_words, antecedent) = &self.vocabulary.context(at);
        // Only a question that asks something else of the place ("who is the opposition leader
        // in belarus"; not "the population of belarus").
        let (title_places, setting_places) = if terms.len() >= 3 {
            (
                self.vocabulary.title_places(at),
                self.vocabulary.setting_places(at),
            )
        } else {
            (&[][..], &[][..])
        };
        let total: f32 = terms.iter().map(|t| t.weight).sum::<f32>().max(1e-6);
        let rank_total: f32 = terms.iter().map(|t| t.rank_weight).sum::<f32>().max(1e-6);
        let mut rank_covered = 0.0;
        let mut covered = 0.0;
        let mut own = 0.0;
        let mut matched = Vec::new();
        let mut term_match = Vec::with_capacity(terms.len());
        // Each term's best match in the sentence, and the word it is in.
        let mut bests: Vec<(f32, Option<usize>)> = Vec::with_capacity(terms.len());
        // Where a phrasal verb starts ("sign" in "to sign up"): no noun of the question's there,
        // and its bare verb only partly means it.
        let nouns_asked = terms.iter().any(|t| t.noun);
        let phrasal_verbs: Vec<usize> = tokens
            .iter()
            .filter(|(w, _, _)| phrasal_verb_of(w).is_some())
            .map(|&(_, start, _)| start)
            .collect();
        for (ti, term) in terms.iter().enumerate() {
            let mut best = (0.0f32, None);
            for (word, start, end) in tokens {
                let mut m = self.match_word(term, word);
                if compound_parts.contains(&(*start as u32)) {
                    m *= COMPOUND_PART_FACTOR;
                }
                // "foreign" is no "International" of "Amnesty International", unless the name
                // is of the kind asked for ("which street": "Independence Avenue").
                if m > 0.0
                    && name_parts.contains(&(*start as u32))
                    && !term
                        .forms
                        .iter()
                        .any(|f| self.lexicon.lemmas(word).contains(f))
                    && !text::PLACE_NOUNS.contains(&term.word.as_str())
                    && !text::GROUP_NOUNS.contains(&term.word.as_str())
                {
                    m *= NAME_PART_FACTOR;
                }
                let in_phrasal = phrasal_verbs.contains(start);
                if term.noun && (in_phrasal || (!term.verb && verb_uses.contains(&(*start as u32))))
                {
                    m *= PHRASAL_VERB_FOR_NOUN;
                } else if in_phrasal && !word.contains('_') {
                    // "held up pictures" partly still means "held", as a question's phrasal
                    // verb does.
                    m *= PHRASAL_VERB_FACTOR;
                }
                if m >= 0.3 {
                    matched.push((*start, *end, ti, m));
                }
                if m > best.0 {
                    best = (m, Some(*start));
                }
            }
            // "what did the signs say": the words they quote say it.
            if term.speech && quotes && best.0 < QUOTE_SAYS {
                best = (QUOTE_SAYS, None);
            }
            bests.push(best);
        }
        // "sided with the protesters": "his solidarity with the militants" (see `Frame`).
        // (After all the terms' own matches: the object's is needed.)
        for (ti, term) in terms.iter().enumerate() {
            let Some(frame) = term.frame.as_ref().filter(|_| bests[ti].0 < FRAME_MATCH) else {
                continue;
            };
            let object_at = frame.object.as_deref().and_then(|o| {
                let j = term_for(terms, o)?;
                let (m, at) = bests[j];
                (m >= FRAME_MATCH).then_some(at).flatten()
            });
            if frame.object.is_some() && object_at.is_none() {
                continue;
            }
            let words = self
                .sentence(at)
                .map(|(_, sent)| text::tokenize(&sent.text))
                .unwrap_or_default();
            if has_frame(&words, frame, object_at) {
                bests[ti] = (FRAME_MATCH, bests[ti].1);
            }
        }
        // A word counts fully for one term only: "speech" is not both "language" and "speak".
        let shared: Vec<bool> = (0..terms.len())
            .map(|a| {
                (0..terms.len()).any(|b| {
                    b != a
                        // (A word of the lead never takes a word from the question's own.)
                        && (terms[a].context || !terms[b].context)
                        && (terms[a].describes.is_none()
                            || terms[a].describes != terms[b].describes)
                        && bests[a].1.is_some()
                        && bests[a].1 == bests[b].1
                        && (bests[b].0, terms[b].weight, a) > (bests[a].0, terms[a].weight, b)
                })
            })
            .collect();
        // Which context words are in a phrasal verb (only when a noun could match one).
        let context_phrasal = if nouns_asked {
            phrasal_verb_words(context_words)
        } else {
            Vec::new()
        };
        for (ti, term) in terms.iter().enumerate() {
            let best = bests[ti].0 * if shared[ti] { SHARED_WORD_FACTOR } else { 1.0 };
            let ctx = context_words
                .iter()
                .enumerate()
                .filter(|&(k, _)| !(term.noun && context_phrasal.get(k) == Some(&true)))
                .map(|(_, w)| self.match_word(term, w))
                .fold(0.0f32, f32::max)
                * CONTEXT_FACTOR;
            let named = antecedent
                .iter()
                .map(|w| self.match_word(term, w))
                .fold(0.0f32, f32::max)
                * 0.9;
            // "the opposition leader *in belarus*": the place the story is about.
            let topic = if title_places
                .iter()
                .any(|w| self.match_word(term, w) >= TITLE_PLACE_MATCH)
            {
                TITLE_PLACE_MATCH
            } else if setting_places
                .iter()
                .any(|w| self.match_word(term, w) >= TITLE_PLACE_MATCH)
            {
                SETTING_PLACE_MATCH
            } else {
                0.0
            };
            let ctx = ctx.max(named).max(topic);
            own += term.weight * best.max(named);
            let m = best.max(ctx);
            covered += term.weight * m;
            // Neighbours that match the term too add a little: of two sentences that match
            // alike, the one in a passage about the same thing ranks first.
            rank_covered +=
                term.rank_weight * (0.8 * m + 0.2 * best.max(named) + CONTEXT_SUPPORT * ctx);
            term_match.push(m);
        }
        matched.sort_by_key(|a| (a.0, a.1, a.2));
        let proximity = proximity(tokens, &bests);
        Some(Scored {
            at,
            score: 0.0,
            coverage: covered / total,
            own_coverage: own / total,
            rank_coverage: rank_covered / rank_total,
            bm25,
            proximity,
            matched,
            term_match,
        })
    }
}

/// Share of the neighbouring question terms whose best matches in a sentence (`bests`: match
/// and start byte, per term) stand at most [`PROXIMITY_WORDS`] words apart.
fn proximity(tokens: &[(&str, usize, usize)], bests: &[(f32, Option<usize>)]) -> f32 {
    if bests.len() < 2 {
        return 0.0;
    }
    // Word positions by start byte (pairs of words share their first word's start).
    let mut starts: Vec<usize> = tokens.iter().map(|&(_, start, _)| start).collect();
    starts.sort_unstable();
    starts.dedup();
    let position = |start: usize| starts.binary_search(&start).ok();
    let close = bests
        .windows(2)
        .filter(|pair| {
            let [(ma, Some(a)), (mb, Some(b))] = pair else {
                return false;
            };
            if *ma < PROXIMITY_MIN_MATCH || *mb < PROXIMITY_MIN_MATCH || a == b {
                return false;
            }
            match (position(*a), position(*b)) {
                (Some(pa), Some(pb)) => pa.abs_diff(pb) <= PROXIMITY_WORDS,
                _ => false,
            }
        })
        .count();
    close as f32 / (bests.len() - 1) as f32
}

/// For each of `words`, whether it is a phrasal verb ("sign_up") or the verb of one among them
/// ("sign" beside "sign_up"): in a sentence's context, where positions are not kept, a
/// question's noun does not match it.
fn phrasal_verb_words(words: &[&str]) -> Vec<bool> {
    let verbs: Vec<&str> = words.iter().filter_map(|w| phrasal_verb_of(w)).collect();
    words
        .iter()
        .map(|w| phrasal_verb_of(w).is_some() || verbs.contains(w))
        .collect()
}

/// The verb of a phrasal verb (`sign_up` -> `sign`: a verb and a particle), if `word` is one.
fn phrasal_verb_of(word: &str) -> Option<&str> {
    word.split_once('_')
        .filter(|(_, particle)| text::is_stop_word(particle))
        .map(|(verb, _)| verb)
}

/// False when `text` cannot hold "he", "she", "his", "her" or "him" as a token: no word starts
/// with "he", "hi" or "sh" in any case (a token starts after a character that is not
/// alphanumeric, and only `H` and `S` lower-case to `h` and `s`). Saves tokenising most
/// sentences when the index and the vocabulary are built.
fn may_hold_pronoun(text: &str) -> bool {
    let mut prev_alnum = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !prev_alnum && matches!(c, 'h' | 'H' | 's' | 'S') {
            let next = chars.peek().copied().map(|n| n.to_ascii_lowercase());
            let pair = match c {
                'h' | 'H' => matches!(next, Some('e' | 'i')),
                _ => next == Some('h'),
            };
            if pair {
                return true;
            }
        }
        prev_alnum = c.is_alphanumeric();
    }
    false
}

/// Whether the first personal pronoun of `text` is a "she" (0) or a "he" (1), if it has one.
fn pronoun_gender(text: &str) -> Option<usize> {
    text::tokenize(text)
        .iter()
        .find_map(|t| pronoun_gender_of(&t.norm))
}

/// Whether the word is a "she" (0) or a "he" (1) pronoun.
fn pronoun_gender_of(word: &str) -> Option<usize> {
    match word {
        "she" | "her" | "hers" | "herself" => Some(0),
        "he" | "his" | "him" | "himself" => Some(1),
        _ => None,
    }
}

/// "The strongman who has ruled ...": whether a sentence (and its `tokens`) opens with a
/// person described, not named.
fn opens_with_described_person(lexicon: &Lexicon, text: &str, tokens: &[Token]) -> bool {
    text.starts_with("The ")
        && tokens
            .get(1)
            .is_some_and(|t| !t.capitalized && is_person_noun(lexicon, &t.norm))
}

/// The person a sentence's leading pronoun (he, she, they...) most likely stands for: the first
/// name-like words of the nearest earlier sentence that has some.
pub fn pronoun_antecedent(sentences: &[(&Paragraph, &Sentence)], i: usize) -> Option<String> {
    let text = &sentences.get(i)?.1.text;
    let described = text.starts_with("The ");
    if !described && !may_hold_pronoun(text) {
        return None;
    }
    let lexicon = Lexicon::get();
    let tokens = text::tokenize(text);
    let first_pronoun = tokens
        .iter()
        .position(|t| matches!(t.norm.as_str(), "he" | "she" | "his" | "her" | "him"));
    // "... Tikhanovskaya, a 37-year-old ... her other half": a name before the pronoun is what
    // it stands for.
    let named_before = first_pronoun.is_some_and(|p| {
        tokens[..p].iter().enumerate().any(|(k, t)| {
            t.capitalized
                && !t.number
                && k > 0
                && !lexicon.is_lemma(&t.norm)
                && !t.acronym
                && !text::is_stop_word(&t.norm)
        })
    });
    let has_pronoun = first_pronoun.is_some() && !named_before;
    if !has_pronoun && !opens_with_described_person(lexicon, text, &tokens) {
        return None;
    }
    for j in (i.saturating_sub(4)..i).rev() {
        let previous = text::tokenize(&sentences[j].1.text);
        let mut name: Vec<&str> = Vec::new();
        let src = &sentences[j].1.text;
        for (k, t) in previous.iter().enumerate() {
            let common = k == 0 && (lexicon.is_lemma(&t.norm) || text::is_stop_word(&t.norm));
            if t.capitalized && !t.number && !common {
                name.push(&src[t.start..t.end]);
            } else if !name.is_empty() {
                break;
            }
        }
        if !name.is_empty() {
            return Some(name.join(" "));
        }
    }
    None
}

/// The names in a sentence with the common words that describe them: a title or description
/// right before the name ("main opposition prospect Svetlana Tikhanovskaya", "Belarusian
/// President Alexander Lukashenko"), one set off by commas before it ("the Belarusian
/// ambassador to Slovakia, Igor Leshchenya") and an appositive after it ("Tikhanovskaya, a
/// 37-year-old political beginner"). Each name is given by its last word. `tokens` are the
/// sentence's, `spans` its names (see [`name_spans`]).
fn name_descriptions(
    lexicon: &Lexicon,
    sentence: &str,
    tokens: &[Token],
    spans: &[(usize, usize)],
) -> Vec<(String, Vec<String>)> {
    let gap = |i: usize| &sentence[tokens[i - 1].end..tokens[i].start];
    let describing = |t: &Token| describing_word(lexicon, t);
    let mut out = Vec::new();
    for &(start, end) in spans {
        let mut words: Vec<String> = Vec::new();
        // Right before: up to three words, up to a function word, a verb or a number.
        let mut s = start;
        while s > 0 && start - s < 3 && gap(s) == " " && describing(&tokens[s - 1]) {
            s -= 1;
            words.push(tokens[s].norm.clone());
        }
        // Before, set off by commas: from "the" or "a" to ", NAME,".
        let article = |t: &Token| text::is_article(&t.norm);
        let closed = end >= tokens.len() || gap(end).contains([',', '.', ';']);
        if start > 1 && gap(start).trim() == "," && closed {
            let mut s = start - 1;
            while s > 0
                && start - s < 8
                && !gap(s).contains([',', ';', '.'])
                && !article(&tokens[s])
            {
                s -= 1;
            }
            if article(&tokens[s]) {
                words.extend(
                    tokens[s + 1..start]
                        .iter()
                        .filter(|t| describing(t))
                        .map(|t| t.norm.clone()),
                );
            }
        }
        // After: ", a ..." up to the next comma or relative pronoun.
        if end < tokens.len() && gap(end).trim() == "," && article(&tokens[end]) {
            let mut e = end + 1;
            while e < tokens.len()
                && e < end + 8
                && !gap(e).contains([',', ';', '.'])
                && !matches!(tokens[e].norm.as_str(), "who" | "which" | "that")
            {
                if describing(&tokens[e]) {
                    words.push(tokens[e].norm.clone());
                }
                e += 1;
            }
        }
        if !words.is_empty() {
            out.push((tokens[end - 1].norm.clone(), words));
        }
    }
    out
}

/// Whether a word can describe or name someone: not a number, function word, weekday or verb.
fn describing_word(lexicon: &Lexicon, t: &Token) -> bool {
    !t.number
        && !text::is_stop_word(&t.norm)
        && !text::is_weekday(&t.norm)
        && !lexicon.is_verb_form(&t.norm)
}

/// Where the names of a sentence are (token ranges): runs of capitalised words, joined by
/// single spaces, that are no common English word ("Svetlana Tikhanovskaya", "Nasha Niva").
fn name_spans(lexicon: &Lexicon, tokens: &[Token], sentence: &str) -> Vec<(usize, usize)> {
    let gap = |i: usize| &sentence[tokens[i - 1].end..tokens[i].start];
    let common = |t: &Token| {
        lexicon.lemmas(&t.norm).iter().any(|l| lexicon.is_lemma(l)) && !lexicon.is_proper(&t.norm)
    };
    let name_word = |i: usize| {
        tokens[i].capitalized && describing_word(lexicon, &tokens[i]) && !common(&tokens[i])
    };
    let mut spans = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !name_word(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i + 1 < tokens.len() && gap(i + 1) == " " && name_word(i + 1) {
            i += 1;
        }
        spans.push((start, i + 1));
        i += 1;
    }
    spans
}

/// The first words of a sentence's names of several words, each with the name's last word
/// ("svetlana" and "tikhanovskaya" in "... Svetlana Tikhanovskaya"), from the sentence's
/// tokens and name spans (see [`name_spans`]).
fn given_names(tokens: &[Token], spans: &[(usize, usize)]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for &(start, end) in spans {
        for t in &tokens[start..end - 1] {
            out.push((t.norm.clone(), tokens[end - 1].norm.clone()));
        }
    }
    out
}

/// The words naming what a definite description ("the building") refers back to in the
/// sentence before, in the same paragraph: a noun there that is the same word, or one WordNet
/// puts directly under or over it ("... the Belarusian state television centre. Around 100
/// staff came out of the building ..." gives "belarusian state television centre"), with the
/// words that modify it.
pub fn described_antecedent(
    lexicon: &Lexicon,
    sentences: &[(&Paragraph, &Sentence)],
    i: usize,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let (Some(&(paragraph, sentence)), Some(&(before_paragraph, before))) = (
        sentences.get(i),
        i.checked_sub(1).and_then(|j| sentences.get(j)),
    ) else {
        return out;
    };
    if !std::ptr::eq(paragraph, before_paragraph) {
        return out;
    }
    let tokens = text::tokenize(&sentence.text);
    let previous = text::tokenize(&before.text);
    for pair in tokens.windows(2) {
        let (the, noun) = (&pair[0], &pair[1]);
        if the.norm != "the" || noun.capitalized || noun.number || text::is_stop_word(&noun.norm) {
            continue;
        }
        let lemmas = lexicon.lemmas(&noun.norm);
        let related = |other: &str| {
            let others = lexicon.lemmas(other);
            others.iter().any(|o| {
                lemmas.contains(o)
                    || lemmas.iter().any(|l| {
                        lexicon
                            .related(l)
                            .any(|(r, _, w)| r == Relation::Broader && w == o)
                    })
                    || lexicon
                        .related(o)
                        .any(|(r, _, w)| r == Relation::Broader && lemmas.iter().any(|l| l == w))
            })
        };
        let Some(at) = previous
            .iter()
            .position(|t| !t.number && !text::is_stop_word(&t.norm) && related(&t.norm))
        else {
            continue;
        };
        // The noun and the words just before it that modify it ("state television").
        let mut start = at;
        while start > 0 && at - start < 3 {
            let t = &previous[start - 1];
            let joined = before.text[t.end..previous[start].start].trim().is_empty();
            if !joined || t.number || text::is_stop_word(&t.norm) {
                break;
            }
            start -= 1;
        }
        for t in &previous[start..=at] {
            if !out.contains(&t.norm) {
                out.push(t.norm.clone());
            }
        }
    }
    out
}

/// Where the words of `text` that are verbs by their place start: after "to" or a modal ("have
/// to *address*", "would *impose*"), a word that can be a verb is one there. A noun of the
/// question ("his speech") matches it only weakly.
fn verbs_after_to(lexicon: &Lexicon, text: &str) -> Vec<u32> {
    let tokens = text::tokenize(text);
    tokens
        .windows(2)
        .filter(|p| {
            matches!(
                p[0].norm.as_str(),
                "to" | "will" | "would" | "can" | "could" | "should" | "must" | "might" | "shall"
            ) && !p[1].capitalized
                && !p[1].number
                && lexicon.can_be_verb(&p[1].norm)
        })
        .map(|p| p[1].start as u32)
        .collect()
}

/// Whether `text` quotes words of two or more letters between quotation marks.
fn quotes_words(text: &str) -> bool {
    text::quotations(text)
        .iter()
        .any(|q| q.chars().filter(|c| c.is_alphabetic()).count() >= 2)
}

/// Whether WordNet files the noun under persons, at most three broader terms up ("strongman"
/// -> "dictator" -> "ruler" -> "person").
pub fn is_person_noun(lexicon: &Lexicon, word: &str) -> bool {
    is_noun_filed_under(lexicon, word, &["person"], (3, 6))
}

/// Whether WordNet files the noun directly under a unit of people: "team", "crew", "staff".
pub fn is_group_of_people(lexicon: &Lexicon, word: &str) -> bool {
    is_filed_under(lexicon, word, &["social_unit", "personnel"], (1, 3))
}

/// Whether WordNet files the noun directly under an act or a message ("speech"): something
/// done or said, which a "where" is not answered by. (Only its nearest broader terms: further
/// up, WordNet's senses of a word mix, and "factory" is "works", a deed.)
pub fn is_act_noun(lexicon: &Lexicon, word: &str) -> bool {
    is_noun_filed_under(
        lexicon,
        word,
        &["act", "speech_act", "communication"],
        (1, 3),
    )
}

/// Whether WordNet files the place name `word` under one of `kinds` ("russia" under
/// "country", "minsk" under "city"), a few broader terms up.
pub fn is_place_of_kind(lexicon: &Lexicon, word: &str, kinds: &[&str]) -> bool {
    lexicon.is_proper(word) && is_filed_under(lexicon, word, kinds, (3, 4))
}

/// Whether the common noun of a place's name ("Avenue" of "Independence Avenue") is of one of
/// `kinds` ("road": an avenue is a street, a thoroughfare, a road), as WordNet files it.
pub fn names_place_of_kind(lexicon: &Lexicon, word: &str, kinds: &[&str]) -> bool {
    !lexicon.is_proper(word) && is_noun_filed_under(lexicon, word, kinds, (3, 4))
}

/// Whether WordNet files the noun under one of `kinds`, at most `steps` broader terms up,
/// looking at the first `breadth` of each word's broader terms (the nearest come first).
fn is_filed_under(
    lexicon: &Lexicon,
    word: &str,
    kinds: &[&str],
    (steps, breadth): (usize, usize),
) -> bool {
    filed_under(lexicon, lexicon.lemmas(word), kinds, (steps, breadth))
}

/// [`is_filed_under`] from the word's noun senses only: WordNet's broader terms do not say their
/// part of speech, and a verb's lead elsewhere ("supposed" -> "suppose" -> "suspect", a person).
fn is_noun_filed_under(
    lexicon: &Lexicon,
    word: &str,
    kinds: &[&str],
    (steps, breadth): (usize, usize),
) -> bool {
    let nouns = lexicon
        .lemmas(word)
        .into_iter()
        .filter(|l| lexicon.is_noun(l))
        .collect();
    filed_under(lexicon, nouns, kinds, (steps, breadth))
}

/// Whether a broader term of one of `frontier`'s words, at most `steps` up, is one of `kinds`.
fn filed_under(
    lexicon: &Lexicon,
    mut frontier: Vec<String>,
    kinds: &[&str],
    (steps, breadth): (usize, usize),
) -> bool {
    for _ in 0..steps {
        let mut next = Vec::new();
        for w in &frontier {
            // A lemma's broader terms come first in the list, narrower ones after.
            let broader_terms = lexicon
                .related(w)
                .filter(|(relation, _, _)| *relation == Relation::Broader)
                .take(breadth);
            for (_, _, broader) in broader_terms {
                if kinds.contains(&broader) {
                    return true;
                }
                next.push(broader.to_string());
            }
        }
        frontier = next;
    }
    false
}

/// Verbs whose object is something worn ("what was he wearing").
pub const WEAR_VERBS: &[&str] = &["wear", "dress", "don"];

/// Whether a word with these forms is a verb of wearing.
fn wears(forms: &[String]) -> bool {
    forms.iter().any(|f| WEAR_VERBS.contains(&f.as_str()))
}

/// The term of a verb of wearing ("what was he *wearing*"), if the question has one.
pub fn wear_term(terms: &[QueryTerm]) -> Option<usize> {
    terms.iter().position(|t| wears(&t.forms))
}

/// What WordNet files worn things under.
const WORN_KINDS: &[&str] = &["garment", "clothing", "headdress", "footwear", "apparel"];

/// How strongly a worn thing ("t-shirt") matches a verb of wearing.
const WORN_MATCH: f32 = 0.85;

/// What a question word weighs in a clause that only says when the thing asked about was
/// ("what was he wearing *during his speech*"): the answer's sentence may not repeat it.
const CIRCUMSTANCE_FACTOR: f32 = 0.6;
/// What a part of a question's hyphenated compound weighs when nothing in the articles matches
/// it but they use the other part (see `Retriever::hyphen_joined_to_corpus_word`).
const LONE_COMPOUND_PART_FACTOR: f32 = 0.5;

/// Whether the question word at `i` is in a clause that says when the thing asked about was:
/// after "during", "while", or a "when" that does not start the question.
fn in_circumstance(tokens: &[Token], i: usize) -> bool {
    tokens.get(1..i).is_some_and(|before| {
        before
            .iter()
            .any(|t| matches!(t.norm.as_str(), "during" | "while" | "when"))
    })
}

/// Whether the question word at `i` only says on what occasion the thing asked about was:
/// "what was he wearing *for his speech*", "what did she say *at the rally*" (a "what" question
/// whose verb takes the "what" as its object, followed by "at", "for" or "in").
fn on_occasion(tokens: &[Token], i: usize, lexicon: &Lexicon) -> bool {
    let words: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
    if !matches!(words.first(), Some(&("what" | "whats")))
        || !words.get(1).is_some_and(|w| {
            matches!(
                *w,
                "did" | "does" | "do" | "was" | "were" | "is" | "are" | "will"
            )
        })
    {
        return false;
    }
    (3..i).any(|j| {
        matches!(words[j], "at" | "for" | "in")
            && !text::is_stop_word(words[j - 1])
            && lexicon.can_be_verb(words[j - 1])
            && words.get(j + 1).is_some_and(|w| text::is_determiner(w))
    })
}

/// "at state tv", "state media": a bare word right before a noun that is no verb, which it
/// modifies, is a noun too.
fn modifies_noun(tokens: &[Token], i: usize, lexicon: &Lexicon) -> bool {
    let word = tokens[i].norm.as_str();
    let before_verb = i > 0
        && (text::is_auxiliary(&tokens[i - 1].norm)
            || matches!(
                tokens[i - 1].norm.as_str(),
                "to" | "i" | "you" | "he" | "she" | "we" | "they"
            ));
    !before_verb
        && lexicon.is_lemma(word)
        && lexicon.is_noun(word)
        && tokens.get(i + 1).is_some_and(|n| {
            !text::is_stop_word(&n.norm)
                && lexicon.is_noun(&n.norm)
                && !lexicon.can_be_verb(&n.norm)
        })
}

/// Whether the question word at `i` follows a determiner, perhaps past a modifier ("the
/// signs", "the protest signs", "which hand sign"): a noun, not a verb.
fn after_determiner(tokens: &[Token], i: usize) -> bool {
    // "is the opposition calling": a participle after the noun is its verb.
    let participle = tokens[i].norm.ends_with("ing") || tokens[i].norm.ends_with("ed");
    let from = if participle {
        i.saturating_sub(1)
    } else {
        i.saturating_sub(2)
    };
    // "at sunday's march", "the sunday march": a possessive's thing, or a day's, is a noun.
    if i > 0 && (tokens[i - 1].possessive || text::is_weekday(&tokens[i - 1].norm)) {
        return true;
    }
    for j in (from..i).rev() {
        let w = tokens[j].norm.as_str();
        if text::is_determiner(w) || matches!(w, "which" | "what" | "whose") {
            return true;
        }
        if text::is_stop_word(w) || tokens[j].number {
            return false;
        }
    }
    false
}

/// A loose match that GloVe puts at least this close to the question word ("protesters" ~
/// "militants" at 0.55) is confirmed: raised to its cosine plus [`CONFIRMED_BONUS`], up to
/// [`CONFIRMED_MAX`]. GloVe measures relatedness ("end" ~ "break"), not synonymy, so it only
/// strengthens a link WordNet, the MiniLM vectors or the thesaurus already made, and not past a
/// close synonym's strength.
const CONFIRM_FROM: f32 = 0.45;
/// See [`CONFIRM_FROM`].
const CONFIRMED_BONUS: f32 = 0.1;
/// See [`CONFIRM_FROM`].
const CONFIRMED_MAX: f32 = 0.65;
/// Weaker matches than this are not confirmed: nothing linked them in the first place.
const CONFIRM_ABOVE: f32 = 0.3;
/// A sister term (see [`Retriever::sister_terms`]) GloVe puts at least this close is a match,
/// as strong as its cosine up to [`SISTER_MAX`].
const SISTER_FROM: f32 = 0.65;
/// See [`SISTER_FROM`].
const SISTER_MAX: f32 = 0.7;
/// A question word the MiniLM vectors lack matches a corpus word GloVe puts at least this close
/// (GloVe measures relatedness, so only very close words), at 0.9 times the cosine up to
/// [`GLOVE_ONLY_MAX`].
const GLOVE_ONLY_FROM: f32 = 0.7;
/// How close the MiniLM vectors must put a misspelling they know ("recieved") to its
/// correction ("received") for the correction to be taken.
const COMMON_SLIP_COSINE: f32 = 0.6;
/// See [`GLOVE_ONLY_FROM`].
const GLOVE_ONLY_MAX: f32 = 0.75;
/// A question word whose every match is below this is matched by the corpus words GloVe puts
/// at least [`UNMATCHED_GLOVE_FROM`] from it, as a word the MiniLM vectors lack is.
const UNMATCHED_BELOW: f32 = 0.3;
/// See [`UNMATCHED_BELOW`].
const UNMATCHED_GLOVE_FROM: f32 = 0.74;
/// A question's noun matches a corpus noun GloVe puts at least this close ("police" ~
/// "authorities"), as strongly as [`CLOSE_NOUN_MATCH`].
const CLOSE_NOUN_FROM: f32 = 0.8;
/// See [`CLOSE_NOUN_FROM`].
const CLOSE_NOUN_MATCH: f32 = 0.6;

/// "fans" are not "fanned": a word's strong matches that are not its own forms, where GloVe
/// puts them far apart (as it puts "arrests" and "arrested" close), match only loosely: one
/// stem, two words.
fn demote_stem_collisions(word: &str, forms: &[String], matches: &mut HashMap<String, f32>) {
    let Some(glove) = Embeddings::glove() else {
        return;
    };
    for (w, m) in matches.iter_mut() {
        let collides = *m >= 0.95
            && w != word
            && !forms.contains(w)
            && glove
                .similarity(word, w)
                .is_some_and(|c| c < STEM_COLLISION_BELOW);
        if collides {
            *m = m.min(STEM_COLLISION_MATCH);
        }
    }
}

/// How close GloVe must put two words of one stem for the one to match the other fully (see
/// [`STEM_COLLISION_MATCH`]).
const STEM_COLLISION_BELOW: f32 = 0.25;
/// How well a word matches one of its stem that GloVe puts far from it ("fans", "fanned").
const STEM_COLLISION_MATCH: f32 = 0.4;

/// How well an agent noun and the word it is made from match each other ("protesters" for
/// "protests"): related, but one is the people and the other what they do.
const AGENT_NOUN_MATCH: f32 = 0.8;

/// The word with an agent suffix ("-er", "-or", plural or not) cut off, if it has one.
fn agent_root(word: &str) -> Option<&str> {
    ["ers", "ors", "er", "or"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .filter(|root| root.len() >= 5)
}

/// Whether one of two words is the agent noun of the other ("protests" / "protesters",
/// "supporter" / "support", "organisers" / "organising"), not both.
fn agent_of_other(a: &str, b: &str) -> bool {
    let pair = |agent: &str, other: &str| {
        agent_root(other).is_none()
            && agent_root(agent).is_some_and(|root| {
                let root = root.trim_end_matches('e');
                other.starts_with(root)
            })
    };
    pair(a, b) || pair(b, a)
}
/// What one more edit costs a spelling correction, against the natural log of the
/// candidate's frequency rank (see `Retriever::spelling_fix`).
const SPELLING_EDIT_COST: f32 = 3.0;
/// What a correction to one of the articles' own words is spared.
const SPELLING_ARTICLE_BONUS: f32 = 2.0;
/// A question word with more WordNet senses than this gets no sister terms.
const SISTER_MAX_SENSES: usize = 8;
/// How strongly a verb matches a corpus noun of a verb that is a way of doing it (see
/// `derived_verb_kinds`): loosely, made stronger only where GloVe agrees (see `confirmed`).
const DERIVED_KIND_MATCH: f32 = 0.35;
/// A corpus word with more WordNet senses than this is not confirmed.
const MAX_CONFIRMED_SENSES: usize = 12;

/// The verbs a word's verb is a way of doing, each with [`DERIVED_KIND_MATCH`]: "development"
/// (of "develop") gives "create" and "build". Only for a word that is no verb (see
/// [`nominalized_verbs`]), only verbs that are no nouns, and only broader verbs of few senses:
/// "elect" is a way to "take", which means too much.
fn derived_verb_kinds(lexicon: &Lexicon, word: &str) -> Vec<(String, f32)> {
    let verb_only = |w: &str| lexicon.can_be_verb(w) && !lexicon.is_noun(w);
    let mut out = Vec::new();
    // (A verb's own relations already say what it is a way of doing.)
    for verb in nominalized_verbs(lexicon, word) {
        let kinds = lexicon
            .related(&verb)
            .filter(|(relation, _, _)| *relation == Relation::Broader)
            .take(3);
        for (_, _, kind) in kinds {
            if verb_only(kind) && lexicon.most_senses(kind) <= MAX_CONFIRMED_SENSES {
                out.push((kind.to_string(), DERIVED_KIND_MATCH));
            }
        }
    }
    out
}

/// The frame of the verb `tokens[i]` (see [`Frame`]): the preposition right after it, if one of
/// [`FRAME_PREPOSITIONS`], and the first word after that which is no determiner, if any.
fn verb_frame(tokens: &[Token], i: usize) -> Option<Frame> {
    let preposition = tokens.get(i + 1)?.norm.as_str();
    if !FRAME_PREPOSITIONS.contains(&preposition) {
        return None;
    }
    let object = tokens[i + 2..]
        .iter()
        .find(|t| !text::is_determiner(&t.norm))
        .filter(|t| !text::is_stop_word(&t.norm))
        .map(|t| t.norm.clone());
    // "turned to him": a pronoun object is someone the passage names, no word to look for.
    if object.is_none()
        && tokens[i + 2..]
            .first()
            .is_some_and(|t| text::is_determiner(&t.norm))
    {
        return None;
    }
    Some(Frame {
        preposition: preposition.to_string(),
        object,
    })
}

/// Whether the sentence `tokens` have the frame's preposition before its object: right before
/// the word where the object's term matches (`object_at`, its start byte), determiners between,
/// or before a name when the question asks for the object.
fn has_frame(tokens: &[Token], frame: &Frame, object_at: Option<usize>) -> bool {
    tokens.iter().enumerate().any(|(k, t)| {
        if t.norm != frame.preposition {
            return false;
        }
        let Some(next) = tokens[k + 1..]
            .iter()
            .find(|n| !text::is_determiner(&n.norm))
        else {
            return false;
        };
        match (&frame.object, object_at) {
            (Some(_), Some(at)) => next.start == at,
            (None, _) => next.capitalized && !text::is_stop_word(&next.norm),
            (Some(_), None) => false,
        }
    })
}

/// How strongly a noun made from a verb ("detention") matches what the verb ("detain") does.
const NOMINALIZED_VERB_FACTOR: f32 = 0.9;
/// A verb's match weaker than this (after [`NOMINALIZED_VERB_FACTOR`]) is not lent to its noun.
const NOMINALIZED_VERB_FROM: f32 = 0.45;

/// The verbs a noun is made from ("detention" -> "detain"): WordNet's first derived verb of
/// each of its senses, for a word that is no verb itself and a verb that is no noun.
fn nominalized_verbs(lexicon: &Lexicon, word: &str) -> Vec<String> {
    let verb_only = |w: &str| lexicon.can_be_verb(w) && !lexicon.is_noun(w);
    let mut out: Vec<String> = Vec::new();
    if lexicon.can_be_verb(word) {
        return out;
    }
    for lemma in lexicon.lemmas(word) {
        let verbs = lexicon.related(&lemma).filter(|&(relation, rank, w)| {
            relation == Relation::Derived && rank == 0 && verb_only(w)
        });
        for (_, _, verb) in verbs {
            if !out.iter().any(|v| v == verb) {
                out.push(verb.to_string());
            }
        }
    }
    out
}

/// `matches` (corpus word -> strength) of the question word `word`, with the loose ones GloVe
/// finds close in meaning made stronger ("protesters" ~ "militants").
fn confirmed(
    lexicon: &Lexicon,
    word: &str,
    mut matches: HashMap<String, f32>,
) -> HashMap<String, f32> {
    let Some(glove) = Embeddings::glove() else {
        return matches;
    };
    let Some(own) = glove.row(word) else {
        return matches;
    };
    for (w, m) in &mut matches {
        if *m < CONFIRM_ABOVE || *m >= CONFIRMED_MAX {
            continue;
        }
        let lower = w.to_lowercase();
        let Some(other) = glove.row(&lower) else {
            continue;
        };
        // Opposites share their contexts: GloVe puts "stay" near "leave".
        if lexicon.opposite(word, &lower) {
            continue;
        }
        let mut cos = glove.cosine(own, other);
        // Number says nothing of what kind of people they are: "protester" ~ "militant" as
        // "protesters" ~ "militants" (GloVe puts the plurals far closer).
        if is_person_noun(lexicon, word) && is_person_noun(lexicon, &lower) {
            let plural = |w: &str| format!("{w}s");
            let mine = [word.to_string(), plural(word)];
            let theirs = [lower.clone(), plural(&lower)];
            for a in mine.iter().filter_map(|f| glove.row(f)) {
                for b in theirs.iter().filter_map(|f| glove.row(f)) {
                    cos = cos.max(glove.cosine(a, b));
                }
            }
        }
        // A word of many senses ("short", "break") is near too much for its closeness to
        // tell which sense is meant; but a verb asked as a verb ("carrying") that GloVe puts
        // near it picks out its sense ("held").
        let verb_asked = is_verb_use(lexicon, word);
        if lexicon.most_senses(&lower) > MAX_CONFIRMED_SENSES
            && !(verb_asked && lexicon.is_verb_form(&lower))
        {
            continue;
        }
        if cos >= CONFIRM_FROM {
            *m = m.max((cos + CONFIRMED_BONUS).min(CONFIRMED_MAX));
        }
    }
    matches
}

#[cfg(test)]
mod pronoun_tests {
    use super::*;

    #[test]
    fn the_pronoun_prefilter_never_hides_a_pronoun() {
        let cases = [
            "He said so.",
            "and she's gone",
            "(HIS) words",
            "her’s",
            "\"Him\"",
            "The theme, this and that; shelter; history.",
            "O'Her Ship",
            "İstanbul Hİs",
            "",
        ];
        for text in cases {
            let has = text::tokenize(text)
                .iter()
                .any(|t| matches!(t.norm.as_str(), "he" | "she" | "his" | "her" | "him"));
            assert!(!has || may_hold_pronoun(text), "{text}");
        }
        assert!(!may_hold_pronoun("The theme of this other thing."));
    }

    #[test]
    fn a_verbs_preposition_and_object_are_its_frame() {
        let frame = |q: &str, verb: &str| {
            let tokens = text::tokenize(q);
            let i = tokens.iter().position(|t| t.norm == verb)?;
            verb_frame(&tokens, i)
        };
        let with = |object: Option<&str>, preposition: &str| Frame {
            preposition: preposition.to_string(),
            object: object.map(str::to_string),
        };
        assert_eq!(
            frame("which ambassador sided with the protesters", "sided"),
            Some(with(Some("protesters"), "with"))
        );
        assert_eq!(
            frame("which country was he posted to", "posted"),
            Some(with(None, "to"))
        );
        assert_eq!(
            frame("who did he turn to for help", "turn"),
            Some(with(None, "to"))
        );
        // "of" says little; a determiner with no word after it is no object.
        assert_eq!(frame("which side of the street", "side"), None);
        assert_eq!(frame("he sided with the", "sided"), None);

        let sentence = "He showed his solidarity with the militants, the ambassador to Slovakia.";
        let tokens = text::tokenize(sentence);
        let militants = sentence.find("militants");
        assert!(has_frame(
            &tokens,
            &with(Some("protesters"), "with"),
            militants
        ));
        assert!(!has_frame(
            &tokens,
            &with(Some("protesters"), "with"),
            Some(0)
        ));
        // Asked for, the object is a name.
        assert!(has_frame(&tokens, &with(None, "to"), None));
        assert!(!has_frame(&tokens, &with(None, "with"), None));
    }

    #[test]
    fn an_avenue_is_a_road_and_a_street() {
        let lexicon = Lexicon::get();
        assert!(names_place_of_kind(lexicon, "avenue", &["road", "roads"]));
        assert!(names_place_of_kind(lexicon, "avenue", &["street"]));
        assert!(!names_place_of_kind(lexicon, "independence", &["road"]));
    }

    #[test]
    fn a_noun_made_from_a_verb_knows_its_verb() {
        let lexicon = Lexicon::get();
        assert_eq!(nominalized_verbs(lexicon, "detention"), ["detain"]);
        // A verb lends nothing to itself, and a noun of no verb has none.
        assert!(nominalized_verbs(lexicon, "detained").is_empty());
        assert!(nominalized_verbs(lexicon, "placard").is_empty());
    }

    #[test]
    fn a_kind_of_people_is_confirmed_whatever_its_number() {
        let lexicon = Lexicon::get();
        let loose: HashMap<String, f32> = [("militant".to_string(), 0.47)].into_iter().collect();
        // GloVe puts "protester" and "militant" far apart, "protesters" and "militants" close.
        let raised = confirmed(lexicon, "protester", loose);
        assert!(raised["militant"] >= 0.6, "{raised:?}");
    }

    #[test]
    fn a_person_is_found_under_broader_terms() {
        let lexicon = Lexicon::get();
        for noun in ["strongman", "leader", "dictator", "protester"] {
            assert!(is_person_noun(lexicon, noun), "{noun}");
        }
        for noun in [
            "election",
            "crackdown",
            "movement",
            "theme",
            "march",
            "end",
            "opposition",
            "supposed",
        ] {
            assert!(!is_person_noun(lexicon, noun), "{noun}");
        }
    }

    #[test]
    fn a_name_is_described_by_its_title_and_appositives() {
        let lexicon = Lexicon::get();
        let described = |sentence: &str| {
            let tokens = text::tokenize(sentence);
            let spans = name_spans(lexicon, &tokens, sentence);
            name_descriptions(lexicon, sentence, &tokens, &spans)
        };
        assert_eq!(
            described("He beat main rival candidate Jane Doe with 80% of the vote."),
            [(
                "doe".to_string(),
                vec!["candidate".to_string(), "rival".into(), "main".into()]
            )]
        );
        assert_eq!(
            described("A video showed the Ruritanian consul in Paris, Olga Petrova, in tears."),
            [(
                "petrova".to_string(),
                vec!["ruritanian".to_string(), "consul".into(), "paris".into()]
            )]
        );
        assert_eq!(
            described("Crowds backed Doe, a 37-year-old former teacher who ran."),
            [(
                "doe".to_string(),
                vec![
                    "year".to_string(),
                    "old".into(),
                    "former".into(),
                    "teacher".into()
                ]
            )]
        );
        // A phrase set off by commas is no description unless the name is set off too.
        assert!(described("Standing at a podium in a dark suit, Petrova spoke.").is_empty());
    }

    #[test]
    fn a_possessives_thing_is_a_noun() {
        let tokens = text::tokenize("how many were arrested at sunday's march");
        let march = tokens.len() - 1;
        assert!(tokens[march - 1].possessive);
        assert!(after_determiner(&tokens, march));
        let tokens = text::tokenize("how many were arrested at the sunday march");
        assert!(after_determiner(&tokens, tokens.len() - 1));
        let tokens = text::tokenize("when did they march");
        assert!(!after_determiner(&tokens, tokens.len() - 1));
    }

    #[test]
    fn the_parts_of_a_hyphenated_compound_are_marked() {
        let lexicon = Lexicon::get();
        let sentence = "Workers at state-run mills in t-shirts, aged 37-year-old, left.";
        let starts: Vec<usize> = hyphen_compound_parts(lexicon, sentence)
            .into_iter()
            .map(|s| s as usize)
            .collect();
        // "state" and "run"; not the WordNet word "t-shirt" nor the number's parts.
        assert_eq!(
            starts,
            [
                sentence.find("state").unwrap_or(0),
                sentence.find("run").unwrap_or(0)
            ]
        );
    }
}

#[cfg(test)]
mod sound_tests {
    use super::sound;

    #[test]
    fn a_misspelling_sounds_as_the_word_and_other_letters_sound_as_nothing() {
        assert_eq!(sound("elecshun"), sound("election"));
        assert_ne!(sound("protest"), sound("president"));
        for word in ["grève", "naïve", "ﬁre", "İs", "6,700", ""] {
            assert_eq!(sound(word), "", "{word}");
        }
    }
}
