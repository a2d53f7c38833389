//! The engine's front door: opens (or builds) the index and answers questions with citations.

use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

use crate::answer::{self, QuestionKind};
use crate::embed::Embeddings;
use crate::error::Result;
use crate::index::{self, SentenceIndex};
use crate::ingest::{Document, Paragraph};
use crate::lexicon::Lexicon;
use crate::retrieve::{self, QueryTerm, Retriever, Scored, SentenceRef, Vocabulary};
use crate::text;

/// Questions longer than this are answered from their first this-many characters.
pub const MAX_QUESTION_CHARS: usize = 500;
/// Below this confidence the engine says the articles do not answer the question.
pub const MIN_CONFIDENCE: f32 = 0.5;

/// A match this strong counts in full towards confidence (and a word whose best match in the
/// articles is this strong is "in the articles").
const STRICT_MATCH: f32 = 0.6;

/// Below this, a match counts at half towards confidence; between it and [`STRICT_MATCH`] the
/// share rises smoothly, so that 0.59 and 0.61 are not worlds apart.
const LOOSE_FROM: f32 = 0.5;

/// Where `x` stands between `from` (0) and `to` (1), clamped.
fn ramp(x: f32, from: f32, to: f32) -> f32 {
    ((x - from) / (to - from)).clamp(0.0, 1.0)
}

/// How much a term matched at `m` adds to confidence: loose matches (a distant vector, a broader
/// term) count at half.
fn strict_credit(m: f32) -> f32 {
    m * (0.5 + 0.5 * ramp(m, LOOSE_FROM, STRICT_MATCH))
}

/// A "when" or "where" answer right by the words asked about (at most this far, see
/// `answer::short_answer_with_cost`) is raised by [`ATTACHED_BONUS`].
const ATTACHED_COST: f32 = 3.0;
/// See [`ATTACHED_COST`].
const ATTACHED_BONUS: f32 = 0.2;
/// Only a candidate that matches every question word at least this well gets the bonus: a day
/// by a loosely matched word ("a weekend break" for "die") is not said of the event.
const ATTACHED_MIN_MATCH: f32 = 0.65;
/// What a candidate loses for a "when"/"where" question when it lacks the event asked about.
const EVENT_MISSING_PENALTY: f32 = 0.15;
/// How well a passage must match the verb of "what was he wearing" not to lose
/// [`EVENT_MISSING_PENALTY`]: a worn thing matches it at `retrieve::WORN_MATCH`.
const WORN_LEAST_MATCH: f32 = 0.5;
/// What confidence keeps when even the winner lacks the event asked about ("when do the
/// sanctions *kick in*" answered by the day they were agreed).
const EVENT_MISSING_CONFIDENCE: f32 = 0.75;

/// What confidence keeps when the winner answers another question than the one asked: no
/// answer of the kind wanted, a past day for "when will", a plan for "did it happen".
const OTHER_QUESTION_CONFIDENCE: f32 = 0.45;

/// What confidence is left when the passage names neither the kind of thing asked for nor
/// anything of that kind ("what language ..." answered by a passage without one).
const KIND_MISSING_CONFIDENCE: f32 = 0.6;
/// How well a "who is on X" passage must match the body X for it to tell who is on it (see
/// [`KIND_MISSING_CONFIDENCE`]): "authorities" for "council" is some other body.
const BODY_NAMED_MATCH: f32 = 0.9;

/// What a candidate gains for "what was the march called" when its answer is a name holding
/// the word asked about ("March for Freedom"): that is the thing's name, whatever else the
/// question says of it.
const NAMED_BONUS: f32 = 0.3;
/// The least match of the event asked about ("end up") that counts as the passage telling of
/// it: a looser one ("end up" ~ "a weekend *break*") is of something else.
const EVENT_LEAST_MATCH: f32 = 0.35;
/// How well some passage must match the event a count is of for the others to be ranked down
/// for lacking it (see [`EVENT_LEAST_MATCH`]).
const COUNTED_EVENT_MATCH: f32 = 0.7;
/// What such a winner adds to confidence: the name answers the question's main word, the rest
/// ("sunday's march") only says which one.
const NAMED_CONFIDENCE: f32 = 0.1;

/// How much a sentence that gives a cause or purpose gains for a "why" question.
const REASON_BONUS: f32 = 0.08;
/// What a passage loses for a "when will ..." question when it speaks only of the past.
const PAST_FOR_FUTURE_PENALTY: f32 = 0.15;
/// What a candidate gains for stating the condition a question asks about ("if he quits").
const CONDITION_BONUS: f32 = 0.15;

/// Where the engine finds its articles and keeps its index.
#[derive(Debug, Clone)]
pub struct EngineConfig {
    /// The folder of `.txt`/`.md` articles.
    pub data_dir: PathBuf,
    /// The folder the index is built in.
    pub index_dir: PathBuf,
}

/// One cited passage.
#[derive(Debug, Clone, Serialize)]
pub struct Citation {
    /// The document's file name.
    pub doc: String,
    /// The document's title.
    pub title: String,
    /// The document's date, if known.
    pub date: String,
    /// 1-based paragraph number.
    pub paragraph: usize,
    /// 1-based sentence number in the paragraph.
    pub sentence: usize,
    /// The sentence exactly as in the article.
    pub text: String,
    /// The sentence with the matched words marked `**like this**`.
    pub highlighted: String,
    /// The words of the sentence that matched the question.
    pub matched: Vec<String>,
    /// Ranking score (higher is better).
    pub score: f32,
    /// Byte spans of the matched words in `text`.
    #[serde(skip)]
    pub spans: Vec<(usize, usize)>,
    /// Where the sentence stands, for context and paging.
    #[serde(skip)]
    pub at: SentenceRef,
}

/// The engine's reply to one question.
#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    /// The question as asked (cut to `MAX_QUESTION_CHARS`).
    pub question: String,
    /// False when the articles do not answer the question.
    pub found: bool,
    /// The short answer, when there is one.
    pub answer: Option<String>,
    /// How sure the engine is, 0 to 1.
    pub confidence: f32,
    /// Kind of answer the question asks for.
    pub kind: QuestionKind,
    /// The cited passages, best first.
    pub citations: Vec<Citation>,
}

/// The answer engine: one per program, shared by every request.
pub struct Engine {
    index: SentenceIndex,
    vocabulary: Vocabulary,
    lexicon: &'static Lexicon,
    embeddings: Option<&'static Embeddings>,
}

impl Engine {
    /// Opens the index in `config.index_dir`, building it from `config.data_dir` first when it is
    /// missing or stale. Returns the engine and whether the index was (re)built.
    pub fn open(config: &EngineConfig) -> Result<(Engine, bool)> {
        let (index, built) = index::open_or_build(&config.data_dir, &config.index_dir)?;
        Ok((Engine::from_index(index), built))
    }

    /// Opens an index that is already built, without looking at the data folder.
    pub fn open_index(index_dir: &Path) -> Result<Engine> {
        Ok(Engine::from_index(index::open(index_dir)?))
    }

    fn from_index(index: SentenceIndex) -> Engine {
        let lexicon = Lexicon::get();
        let embeddings = Embeddings::get();
        let vocabulary = Vocabulary::build(&index, lexicon, embeddings);
        Engine {
            index,
            vocabulary,
            lexicon,
            embeddings,
        }
    }

    fn retriever(&self) -> Retriever<'_> {
        Retriever {
            index: &self.index,
            vocabulary: &self.vocabulary,
            lexicon: self.lexicon,
            embeddings: self.embeddings,
        }
    }

    /// The indexed documents.
    pub fn documents(&self) -> &[Document] {
        &self.index.documents
    }

    /// Number of citable sentences over all documents.
    pub fn sentence_count(&self) -> usize {
        self.vocabulary.sentences as usize
    }

    /// Paragraph `number` (1-based) of document `doc`.
    pub fn paragraph(&self, doc: usize, number: usize) -> Option<&Paragraph> {
        self.index
            .documents
            .get(doc)?
            .paragraphs
            .get(number.checked_sub(1)?)
    }

    /// Answers `question` with at most `top` citations, best first.
    pub fn ask(&self, question: &str, top: usize) -> Answer {
        let question: String = question.chars().take(MAX_QUESTION_CHARS).collect();
        let retriever = self.retriever();
        let text::Message {
            asked: mut tokens,
            lead,
            excluded,
        } = text::read_message(&question);
        retriever.correct_spelling(&mut tokens);
        text::read_run_for_office(&mut tokens);
        let kind = kind_of_question(&tokens, self.lexicon);
        let terms = question_terms(&retriever, (&tokens, &lead), kind);
        // "besides signs, what did they carry": not "placards".
        let excluded = if excluded.is_empty() {
            Vec::new()
        } else {
            retriever.query_terms(&excluded)
        };
        let is_excluded = |a: &str| sets_aside(&excluded, a);
        // The question's own terms (the lead's come after them): they alone say what is asked
        // and whether the articles answer it.
        let own = &terms[..terms.iter().take_while(|t| !t.context).count()];
        let mut scored = retriever.search(&terms);
        let mut confidence = 0.0;
        let mut short = None;
        if let Some(first) = scored.first() {
            confidence = first.coverage;
        }
        // The short answers found while ranking, by sentence (so the winner's is not looked for
        // twice).
        let mut answers: HashMap<SentenceRef, Option<String>> = HashMap::default();
        // Prefer, among near-equal candidates, one that holds the kind of answer wanted.
        let asks_name = answer::asks_name(&tokens);
        // "who is the opposition leader": the one person the articles describe so.
        let described = (kind == QuestionKind::Person)
            .then(|| retriever.described_person(&tokens, &terms))
            .flatten()
            .map(|(name, _)| name);
        let mut named: Vec<SentenceRef> = Vec::new();
        // "the name of the state tv channel": a thing's name, so not a person the articles
        // call "he" or "she".
        let head = answer::question_head(&tokens, self.lexicon);
        let thing_named = asks_name
            && head
                .as_deref()
                .is_some_and(|h| !retrieve::is_person_noun(self.lexicon, h));
        // "which rights group", "what new body did she set up" (not "who is on the council").
        let body_asked = head
            .as_deref()
            .is_some_and(|h| answer::is_body_noun(h) && !answer::asks_members(&tokens));
        // Nor is a person a place: "where is lukashenko" is not answered "Putin".
        // ("the name of the dead protester" is not answered "the resistance": a name has
        // capitals.)
        let wrong_name = |a: &str| {
            let vocabulary = &retriever.vocabulary;
            is_excluded(a)
                || ((thing_named || body_asked) && vocabulary.names_person(a))
                || (asks_name
                    && !text::tokenize(a)
                        .iter()
                        .any(|t| (t.capitalized || t.acronym) && !text::is_stop_word(&t.norm)))
                // "the name of tikhanovskaya's husband" is not hers.
                || (asks_name
                    && text::tokenize(a).iter().any(|t| {
                        t.capitalized
                            && !self.lexicon.is_lemma(&t.norm)
                            && tokens.iter().any(|q| q.norm == t.norm)
                    }))
                // "Lukashenko's" for "which factories": the possessor, not the thing asked.
                || (lone_possessive(a) && !tokens.iter().any(|t| t.norm == "whose"))
                || (kind == QuestionKind::Place
                    && (vocabulary.names_person(a)
                        || vocabulary.names_named(a, self.lexicon)
                        || lone_acronym(a, self.lexicon)))
        };
        // "who ruled ...", "who is the strongman" (not "who is lukashenko", which asks what
        // he is, nor "the name of the protester who died").
        let asks_who_did = kind == QuestionKind::Person
            && tokens.first().is_some_and(|t| t.norm == "who")
            && !answer::is_identity_question(&tokens)
            && !answer::asks_members(&tokens);
        // "who said ...": a question of what was said.
        let asks_speaker = asks_who_did && own.iter().any(|t| t.speech);
        // A person's name: one the articles call "he" or "she", or capitals throughout
        // ("Igor Leshchenya"; not "Soviet" of "ex-Soviet" nor "a brutal cops suppression").
        let names_someone = |a: &str| {
            let words = text::tokenize(a);
            retriever.vocabulary.names_person(a)
                || (words.len() >= 2 && words.iter().all(|t| t.capitalized))
        };
        // The term of the kind of place asked for ("which street"), if any.
        let place_head = head
            .as_deref()
            .filter(|_| kind == QuestionKind::Place)
            .and_then(|h| retrieve::term_for(&terms, h));
        // "Amnesty International", "Coordination Council": a body's name, not a person's.
        let names_body = |a: &str| {
            answer::is_body_name(a, self.lexicon) && !retriever.vocabulary.names_person(a)
        };
        // The term of the kind of body asked for ("which rights group"), if any.
        // (With the words before it that say which: "human rights", "media".)
        let body_terms: Vec<usize> = head
            .as_deref()
            .filter(|_| body_asked)
            .and_then(|h| {
                let at = tokens.iter().rposition(|t| t.norm == h)?;
                let before = tokens[..at]
                    .iter()
                    .rev()
                    .take_while(|t| !text::is_stop_word(&t.norm) && !t.possessive);
                Some(
                    std::iter::once(h)
                        .chain(before.map(|t| t.norm.as_str()))
                        .filter_map(|w| retrieve::term_for(&terms, w))
                        .collect(),
                )
            })
            .unwrap_or_default();
        if kind.needs_typed_answer() && !scored.is_empty() {
            let best = scored.first().map_or(0.0, |s| s.score);
            for s in scored.iter_mut() {
                // Far below the best, a passage is not cited whatever it holds: not worth
                // looking for its answer (unless a name could raise it).
                let reach = if asks_name || place_head.is_some() {
                    0.5 + NAMED_BONUS
                } else {
                    0.5
                };
                if s.score < best - reach {
                    s.score -= 0.3;
                    continue;
                }
                let found = retriever
                    .sentence(s.at)
                    .and_then(|(_, sent)| {
                        answer::short_answer_with_cost(
                            kind,
                            &tokens,
                            &terms,
                            &sent.text,
                            s,
                            self.lexicon,
                        )
                    })
                    .filter(|(a, _)| !wrong_name(a));
                // "She demanded ...", "The strongman that has ruled ...": who did it is the
                // person the sentence opens with, unless it names someone.
                let found = match found {
                    Some((a, cost)) if asks_who_did && !names_someone(&a) => retriever
                        .subject_antecedent(s.at)
                        .map(|name| (name, 0.0))
                        .or(Some((a, cost))),
                    // ("who said "...": the speaker a quotation names last, "he stated".)
                    None if asks_who_did => retriever
                        .subject_antecedent(s.at)
                        .or_else(|| {
                            asks_speaker
                                .then(|| retriever.quoted_speaker(s.at))
                                .flatten()
                        })
                        .map(|name| (name, 0.0)),
                    // ("which rights group said ...": the body the passage names.)
                    None if body_asked => retriever
                        .sentence(s.at)
                        .and_then(|(_, sent)| answer::body_name_in(&sent.text, self.lexicon))
                        .filter(|a| !wrong_name(a))
                        .map(|a| (a, BODY_ONLY_NAMED_COST)),
                    other => other,
                };
                match &found {
                    // A "who" passage without a person is further off than a count without a
                    // figure: many a sentence holds some figure.
                    None if kind == QuestionKind::Person => s.score -= NO_PERSON_PENALTY,
                    None => s.score -= 0.3,
                    // An answer far from the question's words is less likely the one asked for.
                    Some((a, cost)) => {
                        s.score -= 0.01 * cost.clamp(0.0, 20.0);
                        let is_described = described
                            .as_deref()
                            .is_some_and(|name| text::tokenize(a).iter().any(|t| t.norm == name));
                        if is_described
                            || (asks_name && answer::name_holds_asked(a, &terms, self.lexicon))
                        {
                            s.score += NAMED_BONUS;
                            named.push(s.at);
                        }
                        // "what new body did she set up": "Coordination Council" is one by
                        // its name.
                        if body_asked && *cost < BODY_ONLY_NAMED_COST && names_body(a) {
                            s.score += BODY_NAMED_BONUS;
                        }
                        // "which street": "Independence Avenue" is one by its name.
                        if place_head.is_some_and(|h| answer::place_holds_head(a, &terms[h])) {
                            s.score += NAMED_BONUS;
                            named.push(s.at);
                        } else if place_head
                            .is_some_and(|h| answer::place_of_head_kind(a, &terms[h], self.lexicon))
                        {
                            // "Russia" for "which country": the kind asked for, though the
                            // question's words may be elsewhere in the passage.
                            s.score += NAMED_BONUS;
                        }
                        // "last Sunday's poll", "left on Tuesday": the day or place is said of
                        // the very words asked about.
                        if matches!(kind, QuestionKind::Time | QuestionKind::Place)
                            && *cost <= ATTACHED_COST
                            && matches_words_asked(&s.term_match, own, self.lexicon)
                        {
                            s.score += ATTACHED_BONUS;
                        }
                    }
                }
                answers.insert(s.at, found.map(|(a, _)| a));
            }
            scored.sort_by(|a, b| b.score.total_cmp(&a.score));
        }
        // "when will the strikes end", "where was the march to end": a passage that lacks the
        // event asked about answers something else.
        let event = answer::event_term(kind, own, self.lexicon);
        // A count is of an event too ("how many walked out" is told by who came out, not by
        // who objected), where some passage tells of it plainly: "attended" matches no "taken
        // part", and then no passage is the worse for lacking it.
        let counted = (kind == QuestionKind::Number)
            .then(|| answer::main_clause_event(&tokens, own, self.lexicon))
            .flatten()
            .filter(|&e| {
                scored.iter().any(|s| {
                    s.term_match
                        .get(e)
                        .is_some_and(|&m| m >= COUNTED_EVENT_MATCH)
                })
            });
        // "what was he wearing": a passage with nothing worn in it answers something else.
        let worn = (kind == QuestionKind::Thing)
            .then(|| retrieve::wear_term(own))
            .flatten();
        // "what was he wearing": not what "many" wore.
        if let Some(w) = worn.filter(|_| answer::asks_of_one_person(&tokens)) {
            for s in scored.iter_mut() {
                let text = retriever
                    .sentence(s.at)
                    .map_or("", |(_, sent)| sent.text.as_str());
                if answer::done_by_many(text, s, w) {
                    s.score -= EVENT_MISSING_PENALTY;
                }
            }
            scored.sort_by(|a, b| b.score.total_cmp(&a.score));
        }
        if let Some(e) = event.or(worn).or(counted) {
            // Something worn must be there itself, not only by the sentence around it.
            let least = if worn.is_some() {
                WORN_LEAST_MATCH
            } else {
                EVENT_LEAST_MATCH
            };
            for s in scored.iter_mut() {
                if s.term_match.get(e).is_some_and(|&m| m < least) {
                    s.score -= EVENT_MISSING_PENALTY;
                }
            }
            scored.sort_by(|a, b| b.score.total_cmp(&a.score));
        }
        // "what did lukashenko say": said by him, not by someone who goes on to name him.
        if let Some((speaker, speech)) = speaker_asked(kind, own, self.lexicon) {
            for s in scored.iter_mut() {
                let text = retriever
                    .sentence(s.at)
                    .map_or("", |(_, sent)| sent.text.as_str());
                if !said_by(s, text, speaker, speech) {
                    s.score -= SPEAKER_PENALTY;
                }
            }
            scored.sort_by(|a, b| b.score.total_cmp(&a.score));
        }
        // "what will she do", "when will ..." are answered by a sentence about what is to come
        // (and "when will" not by a past day at all).
        let asks_when_or_will = answer::asks_future(&tokens);
        let future_time = kind == QuestionKind::Time && asks_when_or_will;
        // (What someone promised to do is still to come too, whenever the promise was made.)
        let asks_future = asks_when_or_will
            || (kind != QuestionKind::Time && answer::asks_promised_deed(&tokens));
        // The candidates that speak only of the past (looked at once, for ranking and then for
        // the winner's confidence).
        let mut past_only: Vec<SentenceRef> = Vec::new();
        if asks_future {
            for s in scored.iter_mut() {
                let future = retriever
                    .sentence(s.at)
                    .is_some_and(|(_, sent)| answer::speaks_of_future(&sent.text, self.lexicon));
                if !future {
                    s.score -= PAST_FOR_FUTURE_PENALTY;
                    past_only.push(s.at);
                }
            }
            scored.sort_by(|a, b| b.score.total_cmp(&a.score));
        }
        // "what will she do if lukashenko quits": a sentence that states the same condition
        // ("... if Lukashenko steps down") tells what follows from it.
        let condition = answer::condition_terms(&tokens, own);
        if !condition.is_empty() {
            for s in scored.iter_mut() {
                if retriever.sentence(s.at).is_some_and(|(_, sent)| {
                    answer::states_condition(&sent.text, &terms, &condition)
                }) {
                    s.score += CONDITION_BONUS;
                }
            }
            scored.sort_by(|a, b| b.score.total_cmp(&a.score));
        }
        // A "why" is answered by a sentence that gives a cause or a purpose.
        if kind == QuestionKind::Reason {
            for s in scored.iter_mut() {
                if retriever
                    .sentence(s.at)
                    .is_some_and(|(_, sent)| answer::states_reason(&sent.text, self.lexicon))
                {
                    s.score += REASON_BONUS;
                }
            }
            scored.sort_by(|a, b| b.score.total_cmp(&a.score));
        }
        // "what kind of help did russia offer": a passage that says which kind ("military
        // assistance") over one that only names the help ("the needed aid").
        if kind == QuestionKind::Thing && answer::asks_kind_of(&tokens) {
            let best = scored.first().map_or(0.0, |s| s.score);
            for s in scored
                .iter_mut()
                .take_while(|s| s.score > best - KIND_UNSAID_PENALTY)
            {
                let unsaid = retriever.sentence(s.at).is_some_and(|(_, sent)| {
                    answer::leaves_kind_unsaid(&tokens, &terms, &sent.text, s, self.lexicon)
                });
                if unsaid {
                    s.score -= KIND_UNSAID_PENALTY;
                }
            }
            scored.sort_by(|a, b| b.score.total_cmp(&a.score));
        }
        // What the question sets aside is no answer, whatever kind is asked for (the typed
        // kinds have already left it out).
        if !excluded.is_empty() && !kind.needs_typed_answer() {
            let best = scored.first().map_or(0.0, |s| s.score);
            for s in scored
                .iter_mut()
                .take_while(|s| s.score > best - EXCLUDED_PENALTY)
            {
                let sets_aside = retriever.sentence(s.at).is_some_and(|(_, sent)| {
                    answer::short_answer(kind, &tokens, &terms, &sent.text, s, self.lexicon)
                        .is_some_and(|a| is_excluded(&a))
                });
                if sets_aside {
                    s.score -= EXCLUDED_PENALTY;
                }
            }
            scored.sort_by(|a, b| b.score.total_cmp(&a.score));
        }
        if let Some(first) = scored.first() {
            // The winner's text, for the checks below that read it.
            let winner = retriever.sentence(first.at).map(|(_, s)| s.text.as_str());
            short = match answers.remove(&first.at) {
                Some(found) => found,
                None => winner
                    .and_then(|text| {
                        answer::short_answer(kind, &tokens, &terms, text, first, self.lexicon)
                    })
                    .filter(|a| !wrong_name(a)),
            }
            .map(|a| answer::balanced_quotes(&a));
            // "how did the protester die": "throughout agitation on Monday" says when, not how.
            // ("why did she leave": "on Tuesday" says when, "in Lithuania" where, not why.)
            let circumstance_only = (answer::asks_manner(&tokens)
                && short.as_deref().is_some_and(answer::is_circumstance))
                || (kind == QuestionKind::Reason
                    && short.as_deref().is_some_and(|a| {
                        answer::only_when(a) || answer::only_where(a, self.lexicon)
                    }));
            if circumstance_only {
                short = None;
            }
            // Confidence counts loose matches (a distant vector, a broader term) at half.
            let total: f32 = own.iter().map(|t| t.weight).sum::<f32>().max(1e-6);
            // "which street" answered by "Independence Avenue": the kind of place asked for is
            // named, however loosely "avenue" matches "street".
            // ("which country": "Lithuania" is one, as WordNet files it.)
            let head_named = place_head.is_some_and(|h| {
                short.as_deref().is_some_and(|a| {
                    (named.contains(&first.at) && answer::place_holds_head(a, &terms[h]))
                        || answer::place_of_head_kind(a, &terms[h], self.lexicon)
                })
            });
            // "which rights group": "Amnesty International" is one by being named.
            let body_named = !body_terms.is_empty() && short.as_deref().is_some_and(names_body);
            let strict: f32 = own
                .iter()
                .zip(&first.term_match)
                .enumerate()
                .map(|(i, (t, &m))| {
                    let m = if (head_named && place_head == Some(i))
                        || (body_named && body_terms.contains(&i))
                    {
                        1.0
                    } else {
                        m
                    };
                    t.weight * strict_credit(m)
                })
                .sum();
            confidence = strict / total;
            // ("what's her husband's name": a passage that names no one does not tell.)
            if (kind.needs_typed_answer() || asks_name || circumstance_only) && short.is_none() {
                confidence *= OTHER_QUESTION_CONFIDENCE;
            }
            // "who is on the council": a passage about some other body ("authorities") does
            // not tell who is on it.
            // Whether the cited passage matches the term (if any) less well than `least`.
            let weak = |term: Option<usize>, least: f32| {
                term.is_some_and(|t| first.term_match.get(t).is_some_and(|&m| m < least))
            };
            let members_of = (kind == QuestionKind::Person && answer::asks_members(&tokens))
                .then(|| head.as_deref().and_then(|h| retrieve::term_for(&terms, h)))
                .flatten();
            if weak(members_of, BODY_NAMED_MATCH) {
                confidence *= KIND_MISSING_CONFIDENCE;
            }
            // ("how many police were hurt": "a cops crackdown" counts no police.)
            let counted_head = (kind == QuestionKind::Number)
                .then(|| head.as_deref().and_then(|h| retrieve::term_for(&terms, h)))
                .flatten();
            let counts_someone_else = winner.is_some_and(|text| {
                answer::head_only_modifies(counted_head, text, first, self.lexicon)
            });
            if counts_someone_else {
                confidence *= KIND_MISSING_CONFIDENCE;
            }
            // "did the tv staff actually strike": "they planned a strike" does not tell.
            let only_planned = kind == QuestionKind::YesNo
                && answer::asks_if_it_happened(&tokens)
                && winner.is_some_and(|text| answer::only_planned(text, first));
            if only_planned {
                confidence *= OTHER_QUESTION_CONFIDENCE;
            }
            // ("why was her husband jailed": a passage that says he was, but not why.)
            if kind == QuestionKind::Reason && short.is_none() {
                confidence *= KIND_MISSING_CONFIDENCE;
            }
            if named.contains(&first.at) {
                confidence += NAMED_CONFIDENCE;
            }
            if future_time && past_only.contains(&first.at) {
                confidence *= OTHER_QUESTION_CONFIDENCE;
            }
            if weak(event, EVENT_LEAST_MATCH) {
                confidence *= EVENT_MISSING_CONFIDENCE;
            }
            // "what did lithuania say": a passage where no one says anything does not tell.
            let unsaid = kind == QuestionKind::Thing
                && own
                    .iter()
                    .zip(&first.term_match)
                    .any(|(t, &m)| t.speech && m < 0.3);
            // "what language do people speak": a passage that names no language.
            let kindless = kind == QuestionKind::Thing
                && winner.is_some_and(|text| {
                    answer::lacks_asked_kind(&tokens, own, &first.term_match, text, self.lexicon)
                });
            if unsaid {
                confidence *= EVENT_MISSING_CONFIDENCE;
            }
            if kindless {
                confidence *= KIND_MISSING_CONFIDENCE;
            }
            // A weighty question word that nothing in the articles matches ("china" in "did
            // china support lukashenko") means they are about something else.
            for (term, &m) in own.iter().zip(&first.term_match) {
                let best = retriever.best_in_corpus(term);
                if m < 0.3 && best < 0.3 {
                    confidence *= 1.0 - 0.5 * term.weight;
                } else {
                    // Only loosely related words in the articles ("weather" ~ "hold up").
                    let loose = 1.0 - ramp(best, LOOSE_FROM, STRICT_MATCH);
                    confidence *= 1.0 - 0.35 * term.weight * loose;
                }
            }
            // A passage well ahead of every other is the more surely the one asked about.
            let runner_up = scored
                .get(1)
                .map_or(0.0, |s| s.score)
                .max(CITED_SHARE * first.score);
            confidence += MARGIN_CONFIDENCE * (first.score - runner_up).max(0.0);
        }
        // "sanctions", "the rally?": a topic, not a question; a clause cut from the passage is
        // no answer to it, though a figure is ("arrests?" -> "a lot more 6,700").
        if kind == QuestionKind::Thing
            && answer::is_topic_only(&tokens)
            && !short.as_deref().is_some_and(answer::holds_figure)
        {
            short = None;
        }
        let found = confidence >= MIN_CONFIDENCE;
        let citations = if found {
            let best = scored.first().map_or(0.0, |s| s.score);
            scored
                .iter()
                .take(top)
                .filter(|s| s.score >= CITED_SHARE * best)
                .filter_map(|s| self.citation(s))
                .collect()
        } else {
            Vec::new()
        };
        Answer {
            question,
            found,
            answer: if found { short } else { None },
            confidence: (confidence.clamp(0.0, 1.0) * 1000.0).round() / 1000.0,
            kind,
            citations,
        }
    }

    /// A readable trace of how a question is understood and scored: its kind, its terms with
    /// their weights and closest expansions, and the best candidates with per-term matches.
    pub fn explain(&self, question: &str) -> String {
        let retriever = self.retriever();
        let text::Message {
            asked: mut tokens,
            lead,
            ..
        } = text::read_message(question);
        retriever.correct_spelling(&mut tokens);
        text::read_run_for_office(&mut tokens);
        let kind = kind_of_question(&tokens, self.lexicon);
        let terms = question_terms(&retriever, (&tokens, &lead), kind);
        let mut out = format!("kind: {kind:?}\n");
        for t in &terms {
            // The corpus words it matches, as scoring sees them.
            let mut e: Vec<(&String, &f32)> = t.matches.iter().collect();
            e.sort_by(|a, b| b.1.total_cmp(a.1));
            let shown: Vec<String> = e
                .iter()
                .take(12)
                .map(|(k, w)| format!("{k}:{w:.2}"))
                .collect();
            out.push_str(&format!(
                "term {}{} w={:.2} -> {}\n",
                t.word,
                if t.context { " (lead)" } else { "" },
                t.weight,
                shown.join(" ")
            ));
        }
        for s in retriever.search(&terms).iter().take(10) {
            let text = retriever
                .sentence(s.at)
                .map_or("", |(_, x)| x.text.as_str());
            let m: Vec<String> = s
                .term_match
                .iter()
                .enumerate()
                .map(|(ti, m)| {
                    let words: Vec<&str> = s
                        .matched
                        .iter()
                        .filter(|x| x.2 == ti)
                        .map(|x| &text[x.0..x.1])
                        .collect();
                    format!("{m:.2}{{{}}}", words.join(","))
                })
                .collect();
            out.push_str(&format!(
                "{:.3} cov={:.2} own={:.2} bm25={:.1} [{}] p{} {}\n",
                s.score,
                s.coverage,
                s.own_coverage,
                s.bm25,
                m.join(" "),
                s.at.paragraph + 1,
                text.chars().take(90).collect::<String>()
            ));
        }
        // What the kind of question made of them: the answer and the passages cited.
        let answer = self.ask(question, 3);
        out.push_str(&format!(
            "answer: {} (confidence {:.3}{})\n",
            answer.answer.as_deref().unwrap_or("-"),
            answer.confidence,
            if answer.found { "" } else { ", not found" }
        ));
        for c in &answer.citations {
            let text: String = c.text.chars().take(90).collect();
            out.push_str(&format!(
                "cited {:.3} p{}.{} {text}\n",
                c.score, c.paragraph, c.sentence
            ));
        }
        out
    }

    fn citation(&self, s: &Scored) -> Option<Citation> {
        let document = self.index.documents.get(s.at.doc)?;
        let (paragraph, sentence) = self.retriever().sentence(s.at)?;
        let mut spans: Vec<(usize, usize)> = s.matched.iter().map(|&(a, b, _, _)| (a, b)).collect();
        spans.dedup();
        let matched = spans
            .iter()
            .map(|&(a, b)| sentence.text[a..b].to_string())
            .collect();
        Some(Citation {
            doc: document.id.clone(),
            title: document.display_title(),
            date: document.meta.date.clone(),
            paragraph: paragraph.number,
            sentence: sentence.number,
            highlighted: highlight(&sentence.text, &spans, "**", "**"),
            text: sentence.text.clone(),
            matched,
            score: (s.score * 1000.0).round() / 1000.0,
            spans,
            at: s.at,
        })
    }

    /// The sentences around a citation: up to `n` before and `n` after, in reading order.
    pub fn context(&self, at: SentenceRef, n: usize) -> (Vec<String>, Vec<String>) {
        let r = self.retriever();
        let (before, after) = r.neighbours(at, n);
        let texts = |refs: Vec<SentenceRef>| {
            refs.into_iter()
                .filter_map(|x| r.sentence(x).map(|(_, s)| s.text.clone()))
                .collect()
        };
        (texts(before), texts(after))
    }

    /// The title of a document, for display.
    pub fn title(&self, doc: usize) -> String {
        self.index
            .documents
            .get(doc)
            .map(Document::display_title)
            .unwrap_or_default()
    }
}

/// What a candidate loses when its answer is what the question set aside ("besides signs").
const EXCLUDED_PENALTY: f32 = 0.3;
/// How close a word must be to one set aside to be it ("placards" ~ "signs").
const EXCLUDED_MATCH: f32 = 0.7;

/// What a passage loses for a "what kind of X" question when it names X without saying which
/// kind.
const KIND_UNSAID_PENALTY: f32 = 0.2;

/// What a candidate loses for a "who" question when it names no one who could be the answer.
const NO_PERSON_PENALTY: f32 = 0.4;

/// The cost of a body's name that a passage only holds ("which rights group said ...":
/// "Amnesty International" of "after Amnesty International accused ..."), not as the answer
/// to the question's own words: it is an answer, but not one worth a name's bonus.
const BODY_ONLY_NAMED_COST: f32 = 10.0;

/// What a passage gains for a "which group" question when the body it names is the answer
/// to the question's words (less than [`NAMED_BONUS`]: "which group said": many bodies say).
const BODY_NAMED_BONUS: f32 = 0.15;

/// Whether a candidate's matches (`term_match`, by term of `own`) hold the words asked well
/// enough for a day or place beside them to be said of them: every word at
/// [`ATTACHED_MIN_MATCH`], or all but one of three or more, where the one missing is neither
/// the last (the noun a question ends on) nor a verb ("the *disputed* presidential election"
/// ~ "last Sunday's presidential poll").
fn matches_words_asked(term_match: &[f32], own: &[QueryTerm], lexicon: &Lexicon) -> bool {
    let mut loose = (0..term_match.len()).filter(|&t| term_match[t] < ATTACHED_MIN_MATCH);
    match (loose.next(), loose.next()) {
        (None, _) => true,
        (Some(t), None) => {
            term_match.len() >= 3
                && t + 1 < own.len()
                && own
                    .get(t)
                    .is_some_and(|term| term.noun || !lexicon.can_be_verb(&term.word))
        }
        _ => false,
    }
}

/// How much of the winner's score another passage needs to be cited beside it.
const CITED_SHARE: f32 = 0.45;

/// What the winner's lead over the runner-up (at most `1 - CITED_SHARE` of its score) adds
/// to the confidence, per point of score.
const MARGIN_CONFIDENCE: f32 = 0.08;

/// What a candidate loses for "what did X say" when X is named only after what is said.
const SPEAKER_PENALTY: f32 = 0.15;

/// For "what did lukashenko say (about ...)", "did lukashenko say he would ...": the terms of
/// the name asked about and of the verb of saying right after it.
fn speaker_asked(
    kind: QuestionKind,
    terms: &[QueryTerm],
    lexicon: &Lexicon,
) -> Option<(usize, usize)> {
    if !matches!(kind, QuestionKind::Thing | QuestionKind::YesNo) {
        return None;
    }
    let speech = terms.iter().position(|t| t.speech)?;
    let speaker = speech.checked_sub(1)?;
    answer::names_something(lexicon, &terms[speaker].word).then_some((speaker, speech))
}

/// Whether the candidate (its sentence `text`) has the speaker say something: the nearest
/// subject before some verb of saying is the speaker's name or a pronoun that may stand for
/// them ("Lukashenko claimed", "Lukashenko’s press service stated", "he asserted"), not someone
/// else ("the European Union said", "Moscow stated"). A sentence that does not name the
/// speaker, or has no verb of saying, may still be theirs.
fn said_by(s: &Scored, text: &str, speaker: usize, speech: usize) -> bool {
    let at = |term: usize, min: f32| {
        s.matched
            .iter()
            .filter(move |&&(_, _, t, m)| t == term && m >= min)
            .map(|&(start, end, _, _)| (start, end))
    };
    let named: Vec<(usize, usize)> = at(speaker, 0.8).collect();
    if named.is_empty() || at(speech, 0.6).next().is_none() {
        return true;
    }
    let tokens = text::tokenize(text);
    let is_speaker = |t: &text::Token| named.iter().any(|&(a, b)| a <= t.start && t.end <= b);
    let pronoun =
        |t: &text::Token| matches!(t.norm.as_str(), "he" | "she" | "they" | "it" | "we" | "i");
    // Someone named: a capitalised word, not a number, a date or the sentence's first word.
    let name = |k: usize, t: &text::Token| {
        t.capitalized
            && !t.number
            && !pronoun(t)
            && (k > 0 || !text::is_stop_word(&t.norm))
            && !text::is_weekday(&t.norm)
            && !text::is_unambiguous_month(&t.norm)
    };
    // The last name (or pronoun, if `pronouns`) before byte `before`.
    let last_before = |before: usize, pronouns: bool| {
        tokens
            .iter()
            .enumerate()
            .take_while(|(_, t)| t.start < before)
            .filter(|&(k, t)| name(k, t) || (pronouns && pronoun(t)))
            .last()
            .map(|(_, t)| t)
    };
    at(speech, 0.6).any(|(said, _)| {
        // A pronoun stands for the name before it ("Lukashenko insisted ... he asserted"); the
        // speaker named only after it ("She has stated ... if Lukashenko") is someone else.
        last_before(said, true).is_some_and(|t| {
            is_speaker(t) || (pronoun(t) && last_before(t.start, false).is_some_and(is_speaker))
        })
    })
}

/// Whether `answer` is what the question set aside (`excluded`): its first content word is
/// one of those words or close to one ("placards" for "besides signs").
fn sets_aside(excluded: &[QueryTerm], answer: &str) -> bool {
    let Some(first) = text::tokenize(answer)
        .into_iter()
        .find(|t| !text::is_stop_word(&t.norm))
    else {
        return false;
    };
    excluded.iter().any(|t| {
        t.word == first.norm
            || t.forms.contains(&first.norm)
            || t.matches
                .get(&first.norm)
                .is_some_and(|&m| m >= EXCLUDED_MATCH)
    })
}

/// A question's terms as the kind of question wants them: a yes/no question's also match their
/// opposites; a person described but not named ("the opposition leader") is found by name,
/// unless who it is is what is asked.
fn question_terms(
    retriever: &Retriever<'_>,
    (tokens, lead): (&[text::Token], &[text::Token]),
    kind: QuestionKind,
) -> Vec<QueryTerm> {
    let mut terms = retriever.query_terms(tokens);
    if kind != QuestionKind::Person {
        retriever.match_described_person(tokens, &mut terms);
    }
    if kind == QuestionKind::YesNo {
        retriever.add_opposites(&mut terms);
        retriever.add_rivals(&mut terms);
    }
    if kind == QuestionKind::Reason {
        retriever.show_feelings(tokens, &mut terms);
    }
    retriever.people_by_deed(tokens, &mut terms);
    // Last, so that only the question's own words say what is asked.
    let context = retriever.context_terms(lead, &terms);
    terms.extend(context);
    terms
}

/// Whether `answer` is one acronym WordNet files under no place ("AFP"): a news agency or a
/// body, no place ("where did he hold his rally").
fn lone_acronym(answer: &str, lexicon: &Lexicon) -> bool {
    let words = text::tokenize(answer);
    words.len() == 1 && words[0].acronym && !lexicon.is_place(&words[0].norm)
}

/// Whether `answer` is one name in the possessive ("Lukashenko's", "Russia's"): it says whose
/// something is, not what it is.
fn lone_possessive(answer: &str) -> bool {
    let words = text::tokenize(answer);
    words.len() == 1 && words[0].possessive && words[0].capitalized
}

/// The kind of answer a question wants: [`answer::classify`]'s reading, and a name then a verb
/// ("lukashenko resign?") read as yes/no, which takes the lexicon.
fn kind_of_question(tokens: &[text::Token], lexicon: &Lexicon) -> QuestionKind {
    match answer::classify(tokens) {
        QuestionKind::Thing if answer::is_telegraphic_yes_no(tokens, lexicon) => {
            QuestionKind::YesNo
        }
        kind => kind,
    }
}

/// `text` with each byte span wrapped in `open`/`close` (spans sorted, non-overlapping).
pub fn highlight(text: &str, spans: &[(usize, usize)], open: &str, close: &str) -> String {
    let mut out = String::with_capacity(text.len() + spans.len() * 4);
    let mut at = 0;
    for &(s, e) in spans {
        if s < at || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        out.push_str(&text[at..s]);
        out.push_str(open);
        out.push_str(&text[s..e]);
        out.push_str(close);
        at = e;
    }
    out.push_str(&text[at..]);
    out
}
