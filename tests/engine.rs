//! The engine's behaviour, written as specifications.
//!
//! Most tests share one engine, built once per test binary from the repository's `data/` into a
//! temporary index. Tests that change the data or break the index work on their own copy.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use citebot::answer::QuestionKind;
use citebot::engine::MAX_QUESTION_CHARS;
use citebot::ingest::{self, Document};
use citebot::{Answer, Engine, EngineConfig};
use tempfile::TempDir;

/// The article every test asks about.
const ARTICLE: &str = "belarus-protests-2020-08-16.txt";

/// The dev-set figure the engine must not fall below (overall, percent): two questions under
/// the score `citebot eval ../shared/eval/dev-questions.jsonl` printed when this floor was set
/// (94.3). Raise it as the engine improves.
const DEV_FLOOR: f64 = 91.4;

/// The same for the project's own question sets (`tests/eval/`: questions in other wording
/// than the dev set's, most of them written by someone who saw only the article), which guard
/// against tuning to the dev set.
const OWN_FLOORS: &[(&str, f64)] = &[
    ("own-questions.jsonl", 88.0),
    ("own-questions-2.jsonl", 71.0),
    ("heldout-questions.jsonl", 81.0),
    ("heldout-questions-3.jsonl", 88.0),
    ("heldout-questions-4.jsonl", 78.0),
    ("heldout-questions-5.jsonl", 80.0),
    ("heldout-questions-6.jsonl", 80.0),
    ("heldout-questions-7.jsonl", 83.0),
    ("heldout-questions-8.jsonl", 80.0),
    ("heldout-questions-9.jsonl", 74.0),
    ("heldout-questions-10.jsonl", 85.0),
    ("heldout-questions-11.jsonl", 78.0),
    ("heldout-questions-12.jsonl", 82.0),
    ("heldout-questions-13.jsonl", 88.0),
    ("heldout-questions-14.jsonl", 83.0),
    ("heldout-questions-15.jsonl", 81.0),
    ("heldout-questions-16.jsonl", 86.0),
    ("heldout-questions-17.jsonl", 81.0),
    ("heldout-questions-18.jsonl", 90.0),
    ("heldout-questions-19.jsonl", 82.0),
    ("heldout-questions-20.jsonl", 87.0),
    ("heldout-questions-21.jsonl", 82.0),
    ("heldout-questions-22.jsonl", 83.0),
    ("heldout-questions-23.jsonl", 87.0),
    ("heldout-questions-24.jsonl", 82.0),
    ("heldout-questions-25.jsonl", 84.0),
    ("heldout-questions-26.jsonl", 80.0),
    ("heldout-questions-27.jsonl", 86.0),
    ("heldout-questions-28.jsonl", 81.0),
    ("heldout-questions-29.jsonl", 76.0),
    ("heldout-questions-30.jsonl", 63.0),
    ("heldout-questions-31.jsonl", 75.0),
    ("heldout-questions-32.jsonl", 88.0),
    ("heldout-questions-33.jsonl", 83.0),
    ("heldout-questions-34.jsonl", 76.0),
    ("heldout-questions-35.jsonl", 86.0),
    ("heldout-questions-36.jsonl", 83.0),
    ("heldout-questions-37.jsonl", 81.0),
    ("heldout-questions-38.jsonl", 86.0),
    ("heldout-questions-39.jsonl", 76.0),
    ("heldout-questions-40.jsonl", 86.0),
    ("heldout-questions-41.jsonl", 75.0),
    ("heldout-questions-42.jsonl", 83.0),
    ("heldout-questions-43.jsonl", 86.0),
    ("heldout-questions-44.jsonl", 70.0),
    ("heldout-questions-45.jsonl", 85.0),
    ("heldout-questions-46.jsonl", 71.0),
    ("heldout-questions-47.jsonl", 78.0),
    ("heldout-questions-48.jsonl", 68.0),
    ("heldout-questions-49.jsonl", 83.0),
    ("heldout-questions-50.jsonl", 85.0),
    ("heldout-questions-51.jsonl", 90.0),
    ("heldout-questions-52.jsonl", 91.0),
    ("heldout-questions-53.jsonl", 61.0),
    ("heldout-questions-54.jsonl", 71.0),
    ("heldout-questions-55.jsonl", 76.0),
    ("heldout-questions-56.jsonl", 73.0),
    ("heldout-questions-57.jsonl", 61.0),
    ("heldout-questions-58.jsonl", 85.0),
    ("heldout-questions-59.jsonl", 78.0),
    ("heldout-questions-60.jsonl", 86.0),
    ("heldout-questions-61.jsonl", 85.0),
    ("heldout-questions-62.jsonl", 60.0),
    ("heldout-questions-63.jsonl", 86.0),
    ("heldout-questions-64.jsonl", 83.0),
    ("heldout-questions-65.jsonl", 80.0),
    ("heldout-questions-66.jsonl", 80.0),
    ("heldout-questions-67.jsonl", 68.0),
    ("heldout-questions-68.jsonl", 73.0),
    ("heldout-questions-69.jsonl", 55.0),
    ("heldout-questions-70.jsonl", 68.0),
    ("heldout-questions-71.jsonl", 70.0),
    ("heldout-questions-72.jsonl", 71.0),
    ("heldout-questions-73.jsonl", 85.0),
    ("heldout-questions-74.jsonl", 83.0),
    ("heldout-questions-75.jsonl", 78.0),
    ("heldout-questions-76.jsonl", 88.0),
    ("heldout-questions-77.jsonl", 80.0),
    ("heldout-questions-78.jsonl", 53.0),
    ("heldout-questions-79.jsonl", 63.0),
    ("heldout-questions-80.jsonl", 83.0),
    ("heldout-questions-81.jsonl", 73.0),
    ("heldout-questions-82.jsonl", 43.0),
    ("heldout-questions-83.jsonl", 78.0),
    ("heldout-questions-84.jsonl", 63.0),
    ("heldout-questions-85.jsonl", 80.0),
    ("heldout-questions-86.jsonl", 81.0),
    ("heldout-questions-87.jsonl", 80.0),
    ("heldout-questions-88.jsonl", 60.0),
    ("heldout-questions-89.jsonl", 78.0),
    ("heldout-questions-90.jsonl", 76.0),
    ("heldout-questions-91.jsonl", 85.0),
    ("heldout-questions-92.jsonl", 80.0),
    ("heldout-questions-93.jsonl", 80.0),
    ("heldout-questions-94.jsonl", 58.0),
    ("heldout-questions-95.jsonl", 85.0),
    ("heldout-questions-96.jsonl", 56.0),
    ("heldout-questions-97.jsonl", 75.0),
    ("heldout-questions-98.jsonl", 66.0),
    ("heldout-questions-99.jsonl", 46.0),
    ("heldout-questions-100.jsonl", 70.0),
    ("heldout-questions-101.jsonl", 80.0),
    ("heldout-questions-102.jsonl", 81.0),
    ("heldout-questions-103.jsonl", 78.0),
    ("heldout-questions-104.jsonl", 76.0),
    ("heldout-questions-105.jsonl", 70.0),
    ("heldout-questions-106.jsonl", 21.0),
];

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn data_dir() -> PathBuf {
    repo().join("data")
}

fn article_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| fs::read_to_string(data_dir().join(ARTICLE)).expect("read the article"))
}

fn article() -> &'static Document {
    static DOC: OnceLock<Document> = OnceLock::new();
    DOC.get_or_init(|| ingest::load_file(&data_dir().join(ARTICLE)).expect("segment the article"))
}

/// The shared engine: the repository's `data/`, indexed into a temporary directory.
fn engine() -> &'static Engine {
    static ENGINE: OnceLock<(TempDir, Engine)> = OnceLock::new();
    &ENGINE
        .get_or_init(|| {
            let index = TempDir::new().expect("temp dir");
            let config = EngineConfig {
                data_dir: data_dir(),
                index_dir: index.path().join("index"),
            };
            let (engine, built) = Engine::open(&config).expect("open the engine");
            assert!(built, "a fresh index directory is built");
            (index, engine)
        })
        .1
}

/// Asks `question` and asserts that the top citation contains `expected_passage`.
fn check(question: &str, expected_passage: &str) {
    let answer = engine().ask(question, 3);
    let top = answer.citations.first().map(|c| c.text.as_str());
    assert!(
        answer.found && top.is_some_and(|t| t.contains(expected_passage)),
        "{question:?}: expected the top citation to contain {expected_passage:?}, got {top:?} \
         (found {}, confidence {})",
        answer.found,
        answer.confidence
    );
}

/// The short answer to `question` is `expected`.
fn check_short(question: &str, expected: &str) {
    let answer = engine().ask(question, 3);
    assert_eq!(
        answer.answer.as_deref(),
        Some(expected),
        "{question:?}: expected the short answer {expected:?}, got {answer:?}"
    );
}

/// The article does not answer `question`: the engine says so and cites nothing.
fn check_abstains(question: &str) {
    let answer = engine().ask(question, 3);
    assert!(
        !answer.found && answer.citations.is_empty(),
        "{question:?} should abstain, got {answer:?}"
    );
}

/// An answer is either an abstention or a set of real citations.
fn assert_sound(answer: &Answer, top: usize) {
    if !answer.found {
        assert!(
            answer.answer.is_none(),
            "{:?}: an abstention has no short answer",
            answer.question
        );
        assert!(
            answer.citations.is_empty(),
            "{:?}: an abstention cites nothing",
            answer.question
        );
    }
    assert!(answer.citations.len() <= top);
    assert!((0.0..=1.0).contains(&answer.confidence));
    for c in &answer.citations {
        assert_eq!(c.doc, ARTICLE);
        assert!(
            article_text().contains(&c.text),
            "cited text is not in the article: {:?}",
            c.text
        );
        assert!(c.paragraph >= 1 && c.sentence >= 1);
    }
}

/// A copy of `data/` in a temporary directory, with room for an index beside it.
fn scratch_copy() -> (TempDir, EngineConfig) {
    let dir = TempDir::new().expect("temp dir");
    let data = dir.path().join("data");
    fs::create_dir(&data).unwrap();
    for entry in fs::read_dir(data_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            fs::copy(&path, data.join(path.file_name().unwrap())).unwrap();
        }
    }
    let config = EngineConfig {
        data_dir: data,
        index_dir: dir.path().join("index"),
    };
    (dir, config)
}

// ---------------------------------------------------------------------------------------------
// Segmentation of the article

#[test]
fn the_article_has_26_paragraphs_one_per_line() {
    assert_eq!(article().paragraphs.len(), 26);
    let numbers: Vec<usize> = article().paragraphs.iter().map(|p| p.number).collect();
    assert_eq!(numbers, (1..=26).collect::<Vec<_>>());
}

#[test]
fn call_for_mass_strikes_is_the_only_heading() {
    let headings: Vec<(usize, &str)> = article()
        .paragraphs
        .iter()
        .filter(|p| p.heading)
        .map(|p| (p.number, p.text.as_str()))
        .collect();
    assert_eq!(headings, vec![(19, "Call for mass strikes")]);
}

#[test]
fn the_heading_is_never_cited() {
    for question in [
        "call for mass strikes",
        "mass strikes",
        "what has the opposition called for",
    ] {
        let answer = engine().ask(question, 10);
        for c in &answer.citations {
            assert_ne!(c.paragraph, 19, "{question:?} cited the heading");
            assert_ne!(c.text, "Call for mass strikes");
        }
    }
}

#[test]
fn the_ellipsis_inside_the_quote_of_paragraph_3_does_not_end_the_sentence() {
    let p3 = &article().paragraphs[2];
    assert_eq!(p3.sentences.len(), 1, "{:#?}", p3.sentences);
    let s = &p3.sentences[0].text;
    assert!(s.contains("not to defend me … however, for the first time"));
    assert!(s.starts_with("In a rare campaign-style rally"));
    assert!(s.ends_with("self-reliance.”"));
}

#[test]
fn paragraph_6_opening_with_a_stray_quote_is_one_sentence_with_he_stated() {
    let p6 = &article().paragraphs[5];
    assert_eq!(p6.sentences.len(), 1, "{:#?}", p6.sentences);
    let s = &p6.sentences[0].text;
    assert!(s.starts_with("” The political elections stood."));
    assert!(s.contains("There might not be greater than 80% of votes misstated."));
    assert!(s.ends_with("We will not hand over the country,” he stated."));
}

#[test]
fn paragraphs_with_two_sentences_are_split() {
    let p8 = &article().paragraphs[7];
    let texts: Vec<&str> = p8.sentences.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "Columns of protesters elevated success indications as well as held balloons as well as flowers.",
            "Many wore white, the colour that has actually concerned symbolize the opposition movement.",
        ]
    );
    assert_eq!(article().paragraphs[19].sentences.len(), 2);
}

#[test]
fn curly_quotes_and_apostrophes_are_kept() {
    let p4 = &article().paragraphs[3].sentences[0].text;
    assert!(p4.starts_with("Lukashenko’s press service"));
    let p9 = &article().paragraphs[8].sentences[0].text;
    assert!(p9.contains("“We are against violence”"));
    for p in &article().paragraphs {
        for s in &p.sentences {
            assert!(
                !s.text.contains('"'),
                "a straight quote appeared: {:?}",
                s.text
            );
        }
    }
}

#[test]
fn sentence_byte_offsets_slice_the_file() {
    let file = article_text();
    let mut count = 0;
    for p in &article().paragraphs {
        for s in &p.sentences {
            assert_eq!(
                &file[s.start..s.end],
                s.text,
                "paragraph {} sentence {}",
                p.number,
                s.number
            );
            assert_eq!(s.text, s.text.trim());
            count += 1;
        }
    }
    assert_eq!(
        count, 28,
        "25 one-sentence paragraphs, 2 two-sentence ones (8 and 20), 1 heading"
    );
    assert_eq!(
        article().sentence_count(),
        27,
        "the heading is not a citable sentence"
    );
}

#[test]
fn the_index_keeps_the_segmentation() {
    let doc = &engine().documents()[0];
    assert_eq!(doc.id, ARTICLE);
    assert_eq!(doc.paragraphs.len(), 26);
    assert_eq!(engine().sentence_count(), article().sentence_count());
    for (indexed, read) in doc.paragraphs.iter().zip(&article().paragraphs) {
        assert_eq!(indexed.heading, read.heading, "paragraph {}", read.number);
        if read.heading {
            // Headings are not indexed (never cited); the manifest keeps their text only.
            assert_eq!(indexed.text, read.text);
        } else {
            assert_eq!(
                indexed.sentences, read.sentences,
                "paragraph {}",
                read.number
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Asking through the library

#[test]
fn questions_are_answered_from_the_right_sentence() {
    check("arrests", "6,700 individuals apprehended");
    check("how many people were arrested", "6,700");
    check("how many were wounded", "hundreds wounded");
    check(
        "what is the opposition asking for",
        "called for mass strikes",
    );
    check(
        "who accused the police of torture",
        "Amnesty International accused authorities",
    );
    check("how old was the activist who died", "34-year-old militant");
    check(
        "how many attended lukashenko's rally according to his press service",
        "50,000 people",
    );
    check("where was the rally held", "main Minsk");
    check("when did tikhanovskaya leave", "she left on Tuesday");
    check(
        "who is the main opposition candidate",
        "Svetlana Tikhanovskaya",
    );
    check(
        "what day did factory workers walk off the job",
        "state-run factories walked off",
    );
    check(
        "have european governments condemned the vote",
        "condemned the election",
    );
    check(
        "what did the ambassador say he was shocked by",
        "surprised by stories of abuse",
    );
    check(
        "is russia offering military assistance",
        "offer military assistance",
    );
    check("who uploaded the video", "Nasha Niva uploaded");
    check("how long has lukashenko ruled", "26 years");
    check(
        "does tikhanovskaya have political experience",
        "political beginner",
    );
}

#[test]
fn a_passage_is_read_with_what_it_refers_back_to() {
    // "the building" is the state television centre of the sentence before, so its "team"
    // are the TV staff (GloVe puts "staff" near "team").
    check(
        "how many state tv staff came out",
        "Around 100 team came out of the building",
    );
    // "... he stated": the "We" of the quotation is no name, so "he" is Lukashenko.
    check(
        "what did lukashenko say he wont do",
        "We will not hand over the country",
    );
}

#[test]
fn where_and_when_want_the_event_asked_about() {
    // The march's end, not the street it went down.
    check(
        "where was the march supposed to end",
        "At a battle memorial where the march was to finish",
    );
    // "what day" wants a day: "she left on Tuesday", not "a weekend break".
    let answer = engine().ask("what day did tikhanovskaya flee the country", 3);
    assert_eq!(answer.answer.as_deref(), Some("Tuesday"), "{answer:?}");
    // The day the sanctions were agreed is no answer to when they take effect.
    let answer = engine().ask("when do the new eu sanctions kick in", 3);
    assert!(!answer.found, "{answer:?}");
}

#[test]
fn the_user_s_spelling_and_expressions_are_understood() {
    // "protestors" is one letter from the article's "protesters".
    check("what did the protestors hold", "protesters");
    // "take part" is one expression, as in the article.
    check(
        "how many took part in the rally",
        "50,000 people had actually taken part",
    );
    // "carrying" is "held" here: GloVe puts the verbs close, though "hold" means many things.
    check("what were the protestors carrying", "held");
    // "arested" is one letter from "arrested", a word the article does not use but means.
    check("how many got arested lol", "6,700 individuals apprehended");
    // "the name given to" the march is its name.
    check_short(
        "What was the name given to the opposition's march on Sunday?",
        "March for Freedom",
    );
    // "due to finish" is "to finish"; "what sort of place" asks where.
    check_short(
        "at what sort of place was the march due to finish",
        "a battle memorial",
    );
    // "give up" is no giving: not "readiness to give the needed aid".
    check(
        "what did lukashenko say about giving up the country",
        "We will not hand over the country",
    );
    // Where in the article the asker read it says nothing of what; "tens" is a number.
    check_short(
        "Roughly how many opponents turned out against Lukashenko on Sunday, according to the \
         first paragraph?",
        "tens of thousands of opponents",
    );
    // "is it true" frames the question with or without "that".
    assert!(!engine()
        .explain("Is it true state TV staff refused to join the protesters?")
        .contains("term true"));
    // A title says nothing of whom: "Mr Lukashenko" is Lukashenko.
    check(
        "Kindly tell me for how many years Mr Lukashenko has governed Belarus.",
        "for the last 26 years",
    );
    // "recieved" is a slip common enough to have a vector of its own; it is still "received".
    assert!(engine()
        .explain("how many votes were recieved")
        .contains("term received"));
    // "govts" is the plural of the chat spelling "govt".
    check(
        "have european govts condemned the election",
        "European federal governments have actually condemned",
    );
    // "in charge" is ruling.
    check(
        "how long has lukashenko been in charge",
        "ruled the ex-Soviet nation for the last 26 years",
    );
    // "go" in "go on strike" says nothing of its own ("pass away", "run" are other senses):
    // the strike the television staff announced, not the factory walkout.
    check(
        "when does the television staff go on strike",
        "they prepared a strike on Monday",
    );
    // "prime minister" is not "prime" (first) nor "minister": the article has neither.
    let answer = engine().ask("who is the prime minister of belarus", 3);
    assert!(!answer.found, "{answer:?}");
}

#[test]
fn why_questions_prefer_a_passage_that_gives_a_reason() {
    check(
        "why did people take to the streets",
        "to denounce the political election outcome",
    );
}

#[test]
fn a_purpose_stated_before_the_question_words_belongs_to_another_clause() {
    // "... taken to the streets ... to denounce the outcome and support Tikhanovskaya, a political
    // novice who ran after other candidates including her husband were imprisoned": why she ran
    // is not why the crowds marched.
    check_short(
        "why did she end up running in the first place",
        "various other prospective prospects including her other half were imprisoned",
    );
    // The passage says her husband was jailed, not why.
    check_abstains("why was her husband arrested");
}

#[test]
fn where_is_not_answered_by_people_or_a_deed() {
    // "declined calls to step down in a bold speech to supporters", "in front of flag-waving
    // supporters in central Minsk": neither the speech nor the supporters are where it was.
    for question in [
        "Where did Lukashenko stage his rally with supporters?",
        "Where did Lukashenko stage his own pro-government rally?",
    ] {
        let answer = engine().ask(question, 3);
        let short = answer.answer.as_deref().unwrap_or("");
        assert!(
            !short.contains("speech") && !short.contains("supporters"),
            "{answer:?}"
        );
    }
    check_short("where did lukashenko hold a rally", "main Minsk");
}

#[test]
fn a_two_word_noun_is_not_matched_through_its_first_word_alone() {
    // WordNet files "voter turnout" with "vote"; the article's "votes misstated" gives no
    // turnout.
    check_abstains("what was the voter turnout in the election");
}

#[test]
fn a_demonstrative_or_possessive_does_not_hide_the_thing_asked_about() {
    // "that war memorial": the memorial has no name in the article, and the AFP is not it.
    check_abstains("what is the name of that war memorial where they ended up");
    check_short(
        "what's that council Tikhanovskaya set up called?",
        "Coordination Council",
    );
}

#[test]
fn who_is_on_a_body_asks_for_its_members() {
    // The article names the Coordination Council and who set it up, not who is on it.
    check_abstains("who's on that council");
    check_abstains("who's actually on that council");
    check_abstains("Who are members of this Coordination Council?");
}

#[test]
fn regarding_is_a_preposition_not_a_question_word() {
    check(
        "What did Tikhanovskaya demand regarding people in custody?",
        "She demanded the authorities release all detainees",
    );
}

#[test]
fn yes_no_answers_follow_negations_and_opposites() {
    let ask = |q: &str| engine().ask(q, 3);
    let violent = ask("were the rallies violent");
    assert_eq!(violent.answer.as_deref(), Some("No"), "{violent:?}");
    assert!(violent.citations[0].text.contains("peaceful rallies"));
    let peaceful = ask("were the rallies peaceful");
    assert_eq!(peaceful.answer.as_deref(), Some("Yes"), "{peaceful:?}");
    let resign = ask("is lukashenko going to resign");
    assert_eq!(resign.answer.as_deref(), Some("No"), "{resign:?}");
}

#[test]
fn who_is_a_named_person_answers_what_the_article_says_they_are() {
    let short = |q: &str| engine().ask(q, 3).answer.unwrap_or_default();
    assert_eq!(
        short("who is igor leshchenya"),
        "the Belarusian ambassador to Slovakia"
    );
    assert_eq!(short("who is lukashenko"), "Belarusian President");
    assert_eq!(short("what is nasha niva"), "Opposition newspaper");
    assert!(!engine().ask("who is donald trump", 3).found);
}

#[test]
fn short_answers_name_the_fact() {
    let short = |q: &str| engine().ask(q, 3).answer.unwrap_or_default();
    assert!(short("when did tikhanovskaya leave").contains("Tuesday"));
    assert!(short("who uploaded the video").contains("Nasha Niva"));
    assert!(short("how long has lukashenko ruled").contains("26 years"));
}

#[test]
fn short_answers_fit_the_question() {
    let ask = |q: &str| engine().ask(q, 3);
    let short = |q: &str| ask(q).answer.unwrap_or_default();
    // "who is the X" asks for a name; a name close to a question word may be it.
    assert_eq!(short("who is the russian president"), "Vladimir Putin");
    // The doer of a passive verb answers "who".
    assert_eq!(
        short("who organised the march for freedom"),
        "the resistance"
    );
    // A country is no "who".
    assert!(short("who published the video of the ambassador").contains("Nasha Niva"));
    // The day the event asked about happened, not another day in the sentence.
    assert_eq!(short("what day did the protester die"), "Monday");
    // A place is the whole phrase a name is part of, with where relative to it.
    assert_eq!(
        short("where did people protest on saturday night"),
        "outside the Belarusian state television centre"
    );
    // "which city in lithuania": the article names no city by Lithuania ("Minsk" is twenty
    // words on, where the march was).
    assert!(!ask("what city in lithuania did she flee to").found);
    assert!(!ask("which lithuanian city is she in").found);
    // "not to defend me … however, ... to protect your country": what he says instead.
    assert_eq!(
        short("why did lukashenko call his supporters"),
        "to protect your country and also its self-reliance"
    );
    // "Independence Avenue" names the kind of place asked for, though "avenue" only loosely
    // matches "street" and the sentence does not say Minsk.
    assert_eq!(
        short("which street did the demonstrators walk along in minsk"),
        "Independence Avenue"
    );
    // "a council to ensure a transfer": an infinitive is no place.
    assert_eq!(short("which country is tikhanovskaya in"), "Lithuania");
    // "hundreds wounded": the people are left out before the verb asked about.
    assert_eq!(short("how many people were injured"), "hundreds");
    // Keywords alone: the count the passage gives of what they name, the one that matches
    // most of them.
    assert!(short("arrests").contains("6,700"), "{}", short("arrests"));
    assert_eq!(short("people killed"), "two individuals dead");
    // An age is not a duration: the article never gives Lukashenko's.
    assert!(!ask("how old is lukashenko").found);
    // Chat spelling.
    check(
        "how many ppl were detained",
        "6,700 individuals apprehended",
    );
    // "what N": the name the passage gives the thing ("alliance" ~ "partnership" through the
    // thesaurus).
    assert_eq!(
        short("what military alliance did the kremlin mention"),
        "CSTO army partnership"
    );
    assert_eq!(
        short("what council did tikhanovskaya create"),
        "Coordination Council"
    );
    // "what is the N X did": the same question, the noun before a clause about it; without
    // one, "what is the N for" asks about the thing, not for its name.
    assert_eq!(
        short("what is the army partnership the kremlin talked about"),
        "CSTO army partnership"
    );
    assert_ne!(
        short("what is the coordination council meant to do"),
        "Coordination Council"
    );
    // "what body": a council is an "administrative_body", so a body.
    assert_eq!(
        short("What body did Tikhanovskaya set up to handle a transfer of power?"),
        "Coordination Council"
    );
    // "which country": a country by what it is, though the passage never says "country".
    assert_eq!(
        short("which country did tikhanovskaya flee to"),
        "Lithuania"
    );
    // "how long": "a week" is a duration as "26 years" is.
    assert_eq!(short("how long have people been protesting"), "a week");
    // "the name of the N": a name in apposition after the noun's own phrase.
    assert_eq!(
        short("what is the name of the ambassador to slovakia"),
        "Igor Leshchenya"
    );
    // "what will she do if ...": what the passage says will be done, not the condition.
    assert_eq!(
        short("what will tikhanovskaya do if lukashenko resigns"),
        "arrange new elections"
    );
    // "when will" asks about what is to come: a past Friday does not answer it.
    assert!(!ask("when are the factory workers going to strike").found);
    // So does "when would": the new elections have no day yet.
    assert!(!ask("when would the new elections take place").found);
    // "so far" is "yet"; "the biggest one" is no number.
    check(
        "was sunday's march the biggest one so far",
        "the biggest presentation yet",
    );
}

#[test]
fn citations_say_where_they_stand() {
    let answer = engine().ask("who uploaded the video", 3);
    let c = &answer.citations[0];
    assert_eq!((c.doc.as_str(), c.paragraph, c.sentence), (ARTICLE, 23, 1));
    assert!(!c.title.is_empty());
    assert_eq!(c.date, "2020-08-16");
    assert!(
        c.highlighted.contains("**"),
        "matched words are marked: {}",
        c.highlighted
    );
    assert_eq!(c.highlighted.replace("**", ""), c.text);
    assert_sound(&answer, 3);
}

#[test]
fn top_limits_the_citations() {
    for top in [1, 2, 3] {
        let answer = engine().ask("what did lukashenko say", top);
        assert!(answer.found);
        assert_eq!(answer.citations.len(), top);
    }
}

// ---------------------------------------------------------------------------------------------
// Bad questions: never a panic; an abstention or real citations

#[test]
fn bad_questions_are_answered_without_panic() {
    let long = "protest ".repeat(1250);
    let questions = [
        "",
        "   \t  \n ",
        "?!.",
        "what is the",
        &long,
        "what's a:b ( \" - * ~ ^ [x TO y] AND OR NOT",
        "title:foo AND (bar OR \"baz",
        "https://example.com/belarus?q=protest&x=1#frag",
        "🔥🔥 protests? 👮‍♂️",
        "nul\0 and control \u{1}\u{7}\u{1b}[31m chars",
        "Сколько людей задержали в Минске?",
    ];
    for question in questions {
        let answer = engine().ask(question, 3);
        assert_sound(&answer, 3);
    }
}

#[test]
fn questions_without_content_words_abstain() {
    for question in ["", "   ", "?!.", "what is the"] {
        let answer = engine().ask(question, 3);
        assert!(!answer.found, "{question:?} should abstain");
        assert!(answer.citations.is_empty());
    }
}

#[test]
fn a_10000_character_question_is_cut_and_answered() {
    let question = "x".repeat(10_000);
    let answer = engine().ask(&question, 3);
    assert!(answer.question.chars().count() <= MAX_QUESTION_CHARS);
    assert_sound(&answer, 3);
}

// ---------------------------------------------------------------------------------------------
// The binary's `ask --json` contract

fn run_ask_json(config: &EngineConfig, top: Option<&str>, stdin: &str) -> Vec<serde_json::Value> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_citebot"));
    cmd.arg("--data")
        .arg(&config.data_dir)
        .arg("--index")
        .arg(&config.index_dir);
    cmd.args(["ask", "--json"]);
    if let Some(top) = top {
        cmd.args(["--top", top]);
    }
    // Away from the repository, so that no .env is picked up.
    let cwd = config.index_dir.parent().unwrap();
    let mut child = cmd
        .current_dir(cwd)
        .env_remove("CITEBOT_DATA_DIR")
        .env_remove("CITEBOT_INDEX_DIR")
        .env("CITEBOT_LOG", "error")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run citebot");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "citebot failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

#[test]
fn ask_json_prints_one_object_per_input_line_in_order() {
    let (_dir, config) = scratch_copy();
    let article = fs::read_to_string(config.data_dir.join(ARTICLE)).unwrap();
    let questions = [
        "how many people were arrested",
        "?!.",
        "who uploaded the video",
    ];
    let lines = run_ask_json(&config, None, &(questions.join("\n") + "\n"));
    assert_eq!(lines.len(), 3);
    for (line, question) in lines.iter().zip(questions) {
        let obj = line.as_object().expect("an object");
        assert_eq!(obj["question"], question);
        let found = obj["found"].as_bool().expect("found is a bool");
        assert!(obj["answer"].is_string() || obj["answer"].is_null());
        if !found {
            assert!(obj["answer"].is_null());
        }
        let confidence = obj["confidence"].as_f64().expect("confidence is a number");
        assert!((0.0..=1.0).contains(&confidence));
        let citations = obj["citations"].as_array().expect("citations is an array");
        assert!(citations.len() <= 3);
        for c in citations {
            let c = c.as_object().expect("a citation is an object");
            for key in ["doc", "title", "text", "highlighted"] {
                assert!(c[key].is_string(), "{key} is a string");
            }
            for key in ["paragraph", "sentence"] {
                assert!(
                    c[key].as_u64().is_some_and(|n| n >= 1),
                    "{key} is a positive integer"
                );
            }
            assert!(c["score"].is_number());
            assert_eq!(c["doc"], ARTICLE);
            let text = c["text"].as_str().unwrap();
            assert!(
                article.contains(text),
                "text is an exact substring of the article: {text}"
            );
        }
    }
    assert_eq!(lines[0]["found"], true);
    assert!(lines[0]["citations"][0]["text"]
        .as_str()
        .unwrap()
        .contains("6,700"));
    assert_eq!(lines[1]["found"], false);
    assert_eq!(lines[1]["citations"].as_array().unwrap().len(), 0);
    assert!(lines[2]["citations"][0]["text"]
        .as_str()
        .unwrap()
        .contains("Nasha Niva"));
}

#[test]
fn ask_json_top_1_gives_at_most_one_citation() {
    let (_dir, config) = scratch_copy();
    let lines = run_ask_json(
        &config,
        Some("1"),
        "how many people were arrested\nwho uploaded the video\n",
    );
    assert_eq!(lines.len(), 2);
    for line in &lines {
        assert_eq!(line["citations"].as_array().unwrap().len(), 1);
    }
}

// ---------------------------------------------------------------------------------------------
// The index follows the data

#[test]
fn adding_an_article_rebuilds_the_index_and_it_is_cited() {
    let (_dir, config) = scratch_copy();
    let (_, built) = Engine::open(&config).unwrap();
    assert!(built, "no index yet: built");
    let (_, built) = Engine::open(&config).unwrap();
    assert!(!built, "unchanged data: the index is reused");

    let sentence =
        "The Vilnius harpsichord orchestra gave a concert for exactly 417 listeners on Wednesday.";
    fs::write(
        config.data_dir.join("zz-concert.txt"),
        format!("A short second article.\n{sentence}\n"),
    )
    .unwrap();
    let (engine, built) = Engine::open(&config).unwrap();
    assert!(built, "a new article: rebuilt");
    assert_eq!(engine.documents().len(), 2);
    let answer = engine.ask("how many listeners did the harpsichord orchestra have", 3);
    let top = &answer.citations[0];
    assert_eq!(top.doc, "zz-concert.txt");
    assert_eq!(top.text, sentence);
    assert_eq!((top.paragraph, top.sentence), (2, 1));

    let (_, built) = Engine::open(&config).unwrap();
    assert!(!built, "unchanged again: not rebuilt");
}

/// Opening a damaged index either rebuilds it (and answers) or fails with a message naming the
/// index directory; it never panics.
fn assert_recovers_or_explains(config: &EngineConfig) {
    match Engine::open(config) {
        Ok((engine, built)) => {
            assert!(built, "a damaged index is rebuilt");
            assert!(engine.ask("how many people were arrested", 3).citations[0]
                .text
                .contains("6,700"));
        }
        Err(e) => {
            let message = e.to_string();
            assert!(
                message.contains(&*config.index_dir.to_string_lossy()),
                "the error names the index directory: {message}"
            );
        }
    }
}

fn generation_dir(index_dir: &Path) -> PathBuf {
    let name = fs::read_to_string(index_dir.join("CURRENT")).unwrap();
    index_dir.join(name.trim())
}

#[test]
fn garbage_in_current_is_rebuilt() {
    let (_dir, config) = scratch_copy();
    Engine::open(&config).unwrap();
    fs::write(
        config.index_dir.join("CURRENT"),
        "\0\u{1}garbage/../../nowhere\n",
    )
    .unwrap();
    let (engine, built) = Engine::open(&config).expect("a bad CURRENT is rebuilt");
    assert!(built);
    assert!(engine.ask("who uploaded the video", 3).citations[0]
        .text
        .contains("Nasha Niva"));
}

#[test]
fn garbage_in_the_generation_directory_never_panics() {
    let (_dir, config) = scratch_copy();
    Engine::open(&config).unwrap();
    let generation = generation_dir(&config.index_dir);
    // tantivy's own metadata.
    fs::write(generation.join("meta.json"), "{ not json").unwrap();
    assert_recovers_or_explains(&config);
}

#[test]
fn garbage_in_the_manifest_or_segments_never_panics() {
    let (_dir, config) = scratch_copy();
    Engine::open(&config).unwrap();
    let generation = generation_dir(&config.index_dir);
    for entry in fs::read_dir(&generation).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() && path.file_name().is_some_and(|n| n != "meta.json") {
            fs::write(&path, b"\xff\xfegarbage").unwrap();
        }
    }
    assert_recovers_or_explains(&config);
}

// ---------------------------------------------------------------------------------------------
// Answer quality

#[test]
fn dev_set_score_stays_above_the_floor() {
    let gold_path = repo().join("../shared/eval/dev-questions.jsonl");
    if !gold_path.exists() {
        eprintln!(
            "note: {} not found (is shared/ beside the repo?); skipping",
            gold_path.display()
        );
        return;
    }
    let gold = citebot::eval::read_gold(&gold_path).unwrap();
    let report = citebot::eval::evaluate(engine(), &gold);
    println!("{report}");
    assert!(
        report.overall >= DEV_FLOOR,
        "dev-set overall {:.1}% fell below the floor {DEV_FLOOR}%\n{report}\n{}",
        report.overall,
        report.misses.join("\n")
    );
}

#[test]
fn own_question_sets_stay_above_their_floors() {
    for (file, floor) in OWN_FLOORS {
        let gold = citebot::eval::read_gold(&repo().join("tests/eval").join(file)).unwrap();
        let report = citebot::eval::evaluate(engine(), &gold);
        println!("{file}: {report}");
        assert!(
            report.overall >= *floor,
            "{file}: overall {:.1}% fell below the floor {floor}%\n{report}\n{}",
            report.overall,
            report.misses.join("\n")
        );
    }
}

#[test]
fn a_sigkill_during_index_leaves_the_old_index_serving_and_the_next_start_rebuilds() {
    let (_dir, config) = scratch_copy();
    let (_, built) = Engine::open(&config).unwrap();
    assert!(built);
    let old_generation = fs::read_to_string(config.index_dir.join("CURRENT")).unwrap();

    // A big second article, so that the build takes long enough to be interrupted.
    let mut big = String::new();
    for i in 0..30_000 {
        big.push_str(&format!(
            "Paragraph {i} says that the harpsichord orchestra number {i} played on Wednesday.\n"
        ));
    }
    fs::write(config.data_dir.join("zz-big.txt"), big).unwrap();

    let mut child = Command::new(env!("CARGO_BIN_EXE_citebot"))
        .args(["--data", &config.data_dir.to_string_lossy()])
        .args(["--index", &config.index_dir.to_string_lossy(), "index"])
        .current_dir(config.data_dir.parent().unwrap())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start citebot index");
    // Kill it (SIGKILL) as soon as it has started writing the new generation aside.
    let started = std::time::Instant::now();
    let mut interrupted = false;
    while started.elapsed() < std::time::Duration::from_secs(60) {
        let building = fs::read_dir(&config.index_dir)
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with(".build-"));
        if building {
            child.kill().unwrap();
            interrupted = true;
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.wait().unwrap();
    assert!(interrupted, "the build was caught in the middle");

    assert_eq!(
        fs::read_to_string(config.index_dir.join("CURRENT")).unwrap(),
        old_generation,
        "the old index is still the current one"
    );
    let old = Engine::open_index(&config.index_dir).expect("the old index still opens");
    assert_eq!(old.documents().len(), 1);
    assert!(old.ask("how many people were arrested", 3).citations[0]
        .text
        .contains("6,700"));

    let (engine, built) = Engine::open(&config).unwrap();
    assert!(built, "the next start rebuilds");
    assert_eq!(engine.documents().len(), 2);
    let leftovers = fs::read_dir(&config.index_dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".build-"))
        .count();
    assert_eq!(leftovers, 0, "the killed build's folder is cleaned up");
}

#[test]
fn a_bare_she_or_he_means_the_person_the_article_calls_so_most() {
    // Tikhanovskaya is the article's "she": asked about without her name.
    check("where is she now", "From exile in Lithuania");
    check(
        "what does she demand",
        "She demanded the authorities release",
    );
    // Named, another person keeps the pronoun: "he" is Putin here, not Lukashenko.
    check(
        "what did putin say he would do",
        "readiness to give the needed aid",
    );
}

#[test]
fn a_name_the_vocabulary_does_not_link_to_the_noun_asked_answers_by_what_it_did() {
    // "rights group" is not linked to "Amnesty International", but it did the accusing.
    check(
        "which organisation accused the authorities of torture",
        "Amnesty International accused authorities",
    );
    check_short("what group said there was torture", "Amnesty International");
}

#[test]
fn an_age_asked_with_the_word_age_is_answered_with_an_age() {
    check_short("what age was the protester who died", "34-year-old");
    // The article gives no age for Lukashenko.
    assert!(!engine().ask("lukashenko age", 3).found);
}

#[test]
fn a_question_about_what_someone_wore_finds_the_clothes() {
    check("what clothes did lukashenko wear", "short-sleeved t-shirt");
}

#[test]
fn when_an_event_was_held_is_the_day_said_of_it() {
    // "held" only says the election happened; "poll" is the article's word for it, and the day
    // is the one said of the poll, not of another clause ("EU ministers on Friday agreed").
    check(
        "when was the election held",
        "last Sunday’s presidential poll",
    );
    check_short("when was the vote", "last Sunday");
    // A modifier the passage lacks ("disputed") leaves the day said of the poll.
    check_short(
        "when was the disputed presidential election held",
        "last Sunday",
    );
    // "coincided with" only sets the march beside the anniversary, as "on" does.
    check(
        "sunday's opposition march in minsk coincided with what anniversary",
        "on the one-week anniversary of the vote",
    );
    // "take place" says no more after "which street" than after "where".
    check_short(
        "along which minsk street did the opposition's sunday march take place",
        "Independence Avenue",
    );
}

#[test]
fn what_signs_said_is_on_the_placards_not_in_a_sign_up() {
    // "signs" is a noun here: "to sign up" in the next sentence is no sign, even as context.
    check("what did the protest signs say", "We are against violence");
    check(
        "what did one of the protest signs say",
        "We are against violence",
    );
    // A placard is a kind of sign: as good as the word itself.
    check(
        "what did the signs at the march say",
        "We are against violence",
    );
}

#[test]
fn what_someone_wore_is_answered_with_the_garment() {
    check_short("what was lukashenko wearing", "a short-sleeved t-shirt");
    // "during his speech" only says when: the sentence with the shirt need not say "speech",
    // and "to address" (a verb) is no speech.
    check_short(
        "what was lukashenko wearing during his speech",
        "a short-sleeved t-shirt",
    );
    // So does "for the rally": the occasion, not what the sentence must be about.
    check_short(
        "what did lukashenko wear for the rally",
        "a short-sleeved t-shirt",
    );
}

#[test]
fn a_count_said_of_the_winner_is_not_the_loser_s() {
    // "he asserted triumph over ... Tikhanovskaya with 80% of the ballot": her share is not
    // in the article.
    let answer = engine().ask("how many votes did tikhanovskaya get", 3);
    assert!(!answer.found, "{answer:?}");
    let answer = engine().ask("what percentage of the vote did lukashenko get", 3);
    assert!(answer.found && answer.answer.as_deref().is_some_and(|a| a.contains("80%")));
}

#[test]
fn what_a_thing_is_called_is_the_name_that_holds_the_noun() {
    // "March for Freedom" holds "march": the name asked for, even when the question says more
    // of the march ("sunday's") than the sentence does.
    for question in [
        "what was the opposition march called",
        "what was the march on independence avenue called",
        "what is the name of the march",
        // "give" only gives the name asked for.
        "what name did the opposition give to the sunday march",
        "what name was given to the march",
        // "what did they call X" is "what was X called"; "sundays march" is sunday's.
        "what did they call sundays march",
    ] {
        let answer = engine().ask(question, 3);
        assert_eq!(
            answer.answer.as_deref(),
            Some("March for Freedom"),
            "{answer:?}"
        );
    }
    // A channel's name is no person's: the article does not name the channel.
    let answer = engine().ask("whats the name of the state tv channel", 3);
    assert!(!answer.found, "{answer:?}");
    check_short("what's the name of the opposition newspaper", "Nasha Niva");
    // "call for" is a demand, not a name.
    check_short("what did they call for", "mass strikes");
    check_short(
        "what is the council tikhanovskaya formed called",
        "Coordination Council",
    );
    // A person the article calls otherwise ("main opposition prospect") is named by the words
    // before the noun asked about.
    check_short(
        "what is the name of the opposition leader",
        "Svetlana Tikhanovskaya",
    );
    // An acronym before the noun asked about names it: "the CSTO army partnership".
    check_short("which military alliance did the kremlin mention", "CSTO");
}

#[test]
fn a_denied_purpose_is_not_the_reason() {
    // "I called you here not to defend me … however ... to protect your country and also its
    // self-reliance": the reason is the purpose he asserts, all of it.
    for question in [
        "why did lukashenko call his supporters to minsk",
        "what reason did lukashenko give for the rally",
    ] {
        let answer = engine().ask(question, 3);
        assert_eq!(answer.kind, QuestionKind::Reason, "{question}");
        assert_eq!(
            answer.answer.as_deref(),
            Some("to protect your country and also its self-reliance"),
            "{answer:?}"
        );
    }
}

#[test]
fn a_phrasal_verb_is_no_opposite_of_its_verb() {
    // "Around 100 team came out of the building ... they prepared a strike": "came out" is not
    // the opposite of "going".
    let answer = engine().ask("are the television staff going on strike", 3);
    assert!(answer.found, "{answer:?}");
    assert_eq!(answer.answer.as_deref(), Some("Yes"), "{answer:?}");
}

#[test]
fn chat_words_are_read_as_the_words_they_stand_for() {
    // "legit" is "legitimate", which WordNet relates to the article's "authenticity".
    check(
        "does lukashenko think the election was legit",
        "insisted on the authenticity",
    );
}

#[test]
fn what_kind_questions_are_answered_with_a_thing_of_that_kind() {
    // WordNet files "white" under colour: the short answer is the colour, not the clause.
    check_short("what color did people wear", "white");
}

#[test]
fn what_someone_said_is_said_by_them() {
    // "She has actually stated she will arrange new elections if Lukashenko actions down" is
    // hers: Lukashenko is named after what is said.
    check(
        "what did lukashenko say about the election",
        "The political elections stood",
    );
    // Any verb that reports speech says it ("Lukashenko insisted ... he asserted triumph ...
    // with 80%"), and only the speaker's own: in "... there might not be greater than 80% of
    // votes misstated" the 80% is not what he got.
    check(
        "what percent of the vote did lukashenko say he got",
        "with 80% of the ballot",
    );
    // "The Kremlin said that in a phone call with Lukashenko": the Kremlin says it.
    check(
        "What did Lukashenko say Putin promised him?",
        "Lukashenko claimed Putin had actually guaranteed",
    );
    // What was said is the passage's quotation, not a clause cut across it.
    check_short("what did the protest signs say", "We are against violence");
    check_short(
        "what did the ambassador say",
        "surprised by stories of abuse as well as whippings",
    );
    check_short(
        "what did lukashenko tell his supporters",
        "I called you here not to defend me … however, for the first time in a quarter-century, \
         to protect your country and also its self-reliance",
    );
    // "what won't he do" asks what is to come: "We will not hand over the country".
    check(
        "what did lukashenko say he wont do",
        "We will not hand over the country",
    );
    // Of a quotation of several sentences, the one the question asks about.
    check_short(
        "what did he say he won't do with the country",
        "We will not hand over the country",
    );
    check_short(
        "what did lukashenko say about the election",
        "The political elections stood",
    );
    // A passage where nobody says anything does not tell what Lithuania said.
    let answer = engine().ask("what did lithuania say about taking in tikhanovskaya", 3);
    assert!(!answer.found, "{answer:?}");
}

#[test]
fn which_street_is_answered_with_a_street_by_its_name() {
    // An avenue is a street: "Independence Avenue" is the one asked for.
    let answer = engine().ask("what street did the march go down", 3);
    assert_eq!(
        answer.answer.as_deref(),
        Some("Independence Avenue"),
        "{answer:?}"
    );
    // So is any thoroughfare, and a memorial is a place.
    check_short(
        "along which thoroughfare in minsk did the opposition march proceed",
        "Independence Avenue",
    );
    check_short(
        "at which monument was the march to end",
        "a battle memorial",
    );
}

#[test]
fn a_count_is_of_the_event_asked_about() {
    // "two individuals dead": the militants are the protesters, loosely named.
    let killed = engine().ask("how many protesters got killed", 3);
    assert_eq!(killed.answer.as_deref(), Some("two"), "{killed:?}");
    let wounded = engine().ask("how many protesters were wounded", 3);
    assert_eq!(wounded.answer.as_deref(), Some("hundreds"), "{wounded:?}");
    // An age is no count: "a 34-year-old militant passed away" does not say how many died.
    let died = engine().ask("how many protesters have died", 3);
    assert_ne!(died.answer.as_deref(), Some("34-year-old"), "{died:?}");
    // The wounded are not the police: the article does not count injured officers.
    let police = engine().ask("how many police officers were injured", 3);
    assert!(!police.found, "{police:?}");
    // Who did it ("by police" ~ "cops", next to 6,700) does not place the count.
    check_short("how many people got injured by police", "hundreds");
}

#[test]
fn a_figure_asked_from_a_source_is_the_one_it_gave() {
    // "Lukashenko's press service stated 50,000 ..., though an AFP reporter estimated the
    // number was closer to 10,000": AFP's figure is the second.
    for question in [
        "how many people did afp think were really at lukashenko's rally",
        "how many people attended lukashenko's rally according to afp",
        // "which number" asks for a figure; the verb before its source is a learner's order.
        "And which number gave the AFP journalist for same rally?",
    ] {
        let answer = engine().ask(question, 3);
        assert_eq!(
            answer.answer.as_deref(),
            Some("closer to 10,000"),
            "{answer:?}"
        );
    }
    check_short("how many people attended lukashenko's rally", "50,000");
}

#[test]
fn whose_asks_what_the_thing_is_of() {
    // "Many held up pictures of bruised protesters defeated throughout the suppression".
    check_short("whose photos were people holding up", "bruised protesters");
    // "what photos": the photos, and what they were of.
    check_short(
        "what photos were people holding up at saturdays protest",
        "pictures of bruised protesters defeated throughout the suppression",
    );
}

#[test]
fn which_country_is_answered_with_a_country() {
    // WordNet files Russia under "country": "Lukashenko has reached out to Russia" answers it,
    // not a passage whose only place is "main Minsk".
    check_short("what country did lukashenko turn to", "Russia");
}

#[test]
fn a_place_is_who_only_when_it_acts() {
    // "in main Minsk, Lukashenko claimed": the city is where, not who.
    let answer = engine().ask("who campaigned against lukashenko", 3);
    assert_ne!(answer.answer.as_deref(), Some("Minsk"), "{answer:?}");
    // "Moscow stated Sunday it prepared to offer military assistance": a capital that speaks
    // stands for its government.
    check_short("who said it would offer military help", "Moscow");
}

#[test]
fn words_asked_together_are_found_together() {
    // "want the authorities" ~ "demanded the authorities release ...", rather than
    // "asking foreign governments ... with Belarusian authorities".
    check(
        "what did tikhanovskaya want the authorities to do",
        "She demanded the authorities release all detainees",
    );
}

#[test]
fn a_passage_whose_neighbours_fit_the_question_wins_a_tie() {
    // "Columns of protesters ... held balloons" follows the march's sentence; the placards'
    // sentence matches "marchers" as well ("demonstrators") but stands away from it.
    check(
        "what are the marchers carrying",
        "held balloons as well as flowers",
    );
}

#[test]
fn a_verb_after_its_subject_is_a_verb() {
    // "the opposition calling": "calling" is what the opposition does, so "called for mass
    // strikes" is it, not the noun "phone call".
    check(
        "what are the opposition leaders asking workers to do",
        "called for mass strikes",
    );
    check_short(
        "what are the opposition leaders asking workers to do",
        "mass strikes",
    );
    // "held up pictures" only partly means "held": the balloons and flowers were held.
    check("what were the protestors carrying", "held balloons");
}

#[test]
fn who_did_it_is_answered_by_the_people_who_did_it() {
    let short = |q: &str| engine().ask(q, 3).answer.unwrap_or_default();
    // "Demonstrators held placards ...": the doer is named by what they are, not by a name.
    assert_eq!(short("who was holding placards"), "Demonstrators");
    // "numerous workers at state-run factories walked off the task, in a very first indication
    // that Lukashenko's ...": the noun the phrase before the verb hangs on, not the name after.
    assert!(
        short("who walked out on friday").contains("workers at state-run factories"),
        "{}",
        short("who walked out on friday")
    );
    // "an AFP reporter estimated": the name is part of the doer's phrase.
    assert_eq!(short("who estimated the size of the crowd"), "AFP reporter");
    // "10s of hundreds of people walked down Independence Avenue": how many is part of who.
    assert_eq!(
        short("who walked along independence avenue"),
        "10s of hundreds of people"
    );
}

#[test]
fn who_are_the_n_wants_people_in_that_role() {
    // The council's sentence names only who set it up: its members are not in the article.
    assert!(
        !engine()
            .ask("who are the coordination council's members", 3)
            .found
    );
    assert!(
        !engine()
            .ask("who were the people on the coordination council", 3)
            .found
    );
    // "who's in the N" asks for its members too.
    assert!(!engine().ask("who's in the coordination council", 3).found);
}

#[test]
fn a_question_word_finds_what_its_corpus_forms_are_near() {
    // "protests" in the question, "militants" in the article: the article's "protesters" shares
    // the word's base, and its vector neighbours ("activists" = "militants") count too.
    check(
        "how many people were killed in the protests",
        "two individuals dead",
    );
    check_short("how many people were killed in the protests", "two");
}

#[test]
fn what_day_did_x_happen_asks_for_the_day_of_x() {
    // "take place" only says that the walkout happened: the passage gives its day.
    check(
        "which day did the walkout at the factories take place",
        "on Friday numerous workers at state-run factories",
    );
    check_short("what date did the election happen", "last Sunday");
}

#[test]
fn when_does_x_start_needs_a_passage_about_x_starting() {
    // The only day by the EU's sanctions is the day its ministers agreed to draw up a list:
    // it says nothing of when the sanctions start.
    assert!(
        !engine()
            .ask("when does the european union's punishment start", 3)
            .found
    );
    // A day said of the very event still answers.
    check_short("when did the strike start", "Friday");
}

#[test]
fn a_word_for_anyone_matches_a_word_for_some_kind_of_person() {
    // "the man who died": the article says "a 34-year-old militant passed away"; "man" leaves
    // open who he was, "militant" says.
    check(
        "what age was the man who died",
        "a 34-year-old militant passed away",
    );
    check_short("what age was the man who died", "34-year-old");
    check_short("on which day did the man die", "Monday");
}

#[test]
fn what_is_the_purpose_of_x_asks_why() {
    // "the aim of", "the purpose of": a why question, answered by the passage's purpose ("to
    // keep up stress"), though the passage never says "aim".
    check_short(
        "what is the aim of the march for freedom",
        "to keep up stress after a week of presentations",
    );
    check_short(
        "what was the purpose of the council tikhanovskaya announced",
        "to ensure a transfer of power",
    );
}

#[test]
fn a_two_word_name_the_article_never_uses_is_not_its_words() {
    // "united states" is one country: not "united" ~ "agreed" and "states" ~ "stated".
    check_abstains("what did the united states say");
    check_abstains("did the united states condemn the election");
    check_abstains("what did the united nations say about belarus");
    // A name the article uses still finds it.
    check(
        "what did the european union say it would do",
        "the European Union said it would impose new assents",
    );
}

#[test]
fn what_someone_said_is_what_follows_their_own_verb_of_saying() {
    // One sentence, two speakers: "the European Union said ..., and Moscow stated ...".
    check_short("what did the eu say", "it would impose new assents");
    check_short(
        "what did moscow say",
        "Sunday it prepared to offer military assistance if needed",
    );
    // What was said runs past the phrase that opens it.
    check_short(
        "what did the kremlin say",
        "in a phone call with Lukashenko, President Vladimir Putin had revealed Russia’s \
         “readiness to give the needed aid”",
    );
}

#[test]
fn a_person_described_but_not_named_is_the_one_the_article_describes_so() {
    // "main opposition prospect Svetlana Tikhanovskaya": "the opposition leader" is her, and
    // so is the "she" who demanded the release of detainees.
    check(
        "what does the opposition leader demand",
        "She demanded the authorities release all detainees",
    );
    check_short("how old is the opposition leader", "37-year-old");
    // And asked who that is, the name is the answer.
    check_short("who is the opposition leader", "Svetlana Tikhanovskaya");
}

#[test]
fn is_there_anyone_who_asks_yes_or_no() {
    // "who" opens a relative clause here: the question wants a yes, not a name.
    check_short("is there someone who died", "Yes");
    check(
        "is there someone who died",
        "a 34-year-old militant passed away",
    );
}

#[test]
fn a_count_in_a_list_is_the_one_of_the_event_asked_about() {
    // "6,700 apprehended, hundreds wounded and two dead": the words before the list are as
    // near to each count in it.
    check_short("how many people have died in the police crackdown", "two");
    check_short("what is the death toll from the police crackdown", "two");
    check_short(
        "how many were arrested in the crackdown",
        "a lot more 6,700",
    );
}

#[test]
fn a_figure_or_share_asked_for_is_a_number() {
    check_short(
        "what attendance figure did lukashenko's press office give for his rally",
        "50,000",
    );
}

#[test]
fn what_a_question_sets_aside_is_not_the_answer() {
    // "besides signs": not the placards, and the signs need not be matched.
    check(
        "what were the marchers holding besides signs",
        "held balloons as well as flowers",
    );
    check(
        "Besides flashing victory signs, what did the columns of protesters carry?",
        "held balloons as well as flowers",
    );
    check(
        "what has the opposition called for besides marches",
        "mass strikes",
    );
    check_abstains("Besides Russia and Belarus, which countries belong to the CSTO?");
}

#[test]
fn running_for_office_is_being_a_candidate() {
    // The article words her candidacy "pursued various other prospective prospects".
    for question in [
        "why did tikhanovskaya run for president",
        "why did she end up running for president in the first place?",
        "why did tikhanovskaya run for presidnet",
    ] {
        check(question, "pursued various other prospective prospects");
    }
}

#[test]
fn of_two_questions_in_one_message_the_first_is_answered() {
    check_short(
        "Where was the march meant to finish, and how many people ended up there?",
        "a battle memorial",
    );
    check_short(
        "How many people have died in the crackdown, and how many were hurt?",
        "two",
    );
    check_short(
        "What was the opposition march called and who organised it?",
        "March for Freedom",
    );
    // A phrasal verb split by its object is still one ("hand the country over").
    check(
        "Did Lukashenko say he'd hand the country over, and what was his exact line?",
        "We will not hand over the country",
    );
}

#[test]
fn what_someone_promised_to_do_is_a_deed_to_come() {
    // "She has stated she will arrange new elections if Lukashenko steps down", not the
    // sentence that names stepping down in the past.
    check(
        "What has Tikhanovskaya promised to do if Lukashenko steps down?",
        "she will arrange new elections",
    );
    // A promise reported in the past still speaks of the deed to come.
    check(
        "what did lukashenko say putin had promised to help with",
        "Putin had actually guaranteed in a phone call",
    );
}

#[test]
fn what_follows_a_condition_is_told_where_the_condition_is_stated() {
    // "She has stated she will arrange new elections if Lukashenko steps down."
    check(
        "what will she do if lukashenko quits",
        "she will arrange new elections",
    );
    check(
        "what if lukashenko steps down?",
        "she will arrange new elections",
    );
    // Without a condition, the step down he refused.
    check(
        "is lukashenko going to resign",
        "declined phone call to step down",
    );
}

#[test]
fn a_guess_after_the_question_only_helps_find_the_answer() {
    check_short("when was the actual election, last Sunday?", "last Sunday");
    check_short(
        "what was the opposition march called, march for something?",
        "March for Freedom",
    );
}

#[test]
fn a_count_runs_on_to_the_noun_it_counts() {
    // "how many countries": the figure with what it counts, in the article's words.
    check_short("how many countries make up the csto", "6 ex-Soviet states");
    // "people" says no more than the figure does.
    check_short(
        "how many people did the press service count at the rally",
        "50,000",
    );
}

#[test]
fn the_place_a_story_is_headed_with_is_where_all_of_it_happens() {
    // The story is headed "Belarus protests": its sentences need not say "in Belarus".
    check_short(
        "how many people were detained in belarus",
        "a lot more 6,700",
    );
    check_short(
        "who is the main opposition candidate in belarus",
        "Svetlana Tikhanovskaya",
    );
    // A question about the place itself still needs the passage to answer it.
    check_abstains("what is the population of belarus");
}

#[test]
fn an_announcement_is_what_its_announcer_said() {
    // "the European Union said it would impose new assents ..., and Moscow stated ...": what
    // the EU announced is its own clause, not Moscow's.
    check_short("what did the eu announce", "it would impose new assents");
}

#[test]
fn the_parts_of_a_hyphenated_compound_mean_less_than_the_words_alone() {
    // "state-run factories" are about neither running nor a country: the day she fled is the
    // one she "left on".
    check_short("on what day did she flee the country", "Tuesday");
}

#[test]
fn a_question_after_a_condition_is_asked_by_its_own_verb() {
    // "if ..., will there be ...": a yes or a no, from her promise of new elections.
    let question = "if lukashenko resigns will there be new elections";
    let answer = engine().ask(question, 3);
    assert_eq!(answer.kind, QuestionKind::YesNo, "{question}");
    check_short(question, "Yes");
    check(
        question,
        "she will arrange new elections if Lukashenko actions down",
    );
    // A question word after the condition asks as it would alone.
    let answer = engine().ask("if he resigns who takes over", 3);
    assert_eq!(answer.kind, QuestionKind::Person);
}

#[test]
fn explain_shows_the_terms_the_candidates_and_what_was_answered() {
    let trace = engine().explain("how many people were detained");
    assert!(trace.starts_with("kind: Number\n"), "{trace}");
    assert!(trace.contains("term detained"), "{trace}");
    assert!(trace.contains("answer: a lot more 6,700"), "{trace}");
    assert!(trace.contains("cited "), "{trace}");
    let trace = engine().explain("how old is lukashenko");
    assert!(trace.contains("not found"), "{trace}");
}

#[test]
fn a_count_of_people_counts_the_kind_of_people_asked_about() {
    // "approximately 100,000 individuals had gathered" at the memorial: the demonstrators.
    check_short(
        "how many demonstrators stood at the memorial where the march ended",
        "approximately 100,000",
    );
    check_short("how many supporters came to lukashenko's rally", "50,000");
    // A unit of people ("team", "crew", "staff") counts people too.
    check_short("how many tv employees joined the crowd", "Around 100");
    // Not where the sentence names the kind asked as others: the "cops" are not the
    // "6,700 individuals apprehended".
    check_abstains("how many police officers were injured");
}

#[test]
fn a_way_of_doing_a_thing_filed_under_a_later_sense_still_does_it() {
    // WordNet files "sign up" under "join" only in its second sense.
    check_short(
        "how many television employees came out and joined the protesters",
        "Around 100",
    );
}

#[test]
fn a_contracted_pronoun_is_a_function_word() {
    // "he'd" is "he would": nothing the article must say.
    check(
        "what did lukashenko say he'd called his supporters there for",
        "not to defend me",
    );
}

#[test]
fn a_hyphenated_compound_the_article_words_otherwise_is_one_word() {
    // "state-owned" against the article's "state-run": "owned" is half of one word, not a
    // thing the article lacks.
    check(
        "on which day did the workers of state-owned plants go on strike",
        "on Friday numerous workers",
    );
    check_short(
        "on which day did the workers of state-owned plants go on strike",
        "Friday",
    );
}

#[test]
fn a_question_in_capitals_throughout_is_read_as_words_not_acronyms() {
    check_short("WHEN DID TIKHANOVSKAYA LEAVE FOR LITHUANIA", "Tuesday");
    check(
        "HOW MANY PROTESTERS WERE ARRESTED",
        "6,700 individuals apprehended",
    );
}

#[test]
fn whos_without_its_apostrophe_asks_who_is() {
    check_short(
        "whos the main opposition candidate",
        "Svetlana Tikhanovskaya",
    );
}

#[test]
fn a_lead_in_before_the_question_word_is_no_part_of_the_question() {
    check_short("i wanna know where tikhanovskaya fled to", "Lithuania");
    check(
        "just wondering how many people got detained",
        "6,700 individuals apprehended",
    );
    check_short("quick question: is lukashenko stepping down?", "No");
    check_short("do you know when did tikhanovskaya leave", "Tuesday");
}

#[test]
fn a_message_is_answered_by_the_question_it_holds() {
    check_short(
        "Hi! I read the news today. How many people were detained?",
        "a lot more 6,700",
    );
    check_short("I'm confused - where did tikhanovskaya go", "Lithuania");
    check_short(
        "the ambassador who sided with protesters - which country is he ambassador to?",
        "Slovakia",
    );
    // "U.S." is the US, not "you" and an "s": the article does not say what it said.
    check_abstains("What did the U.S. say?");
}

#[test]
fn chat_lead_ins_and_closings_leave_every_answer_as_it_was() {
    let gold = citebot::eval::read_gold(&repo().join("tests/eval/own-questions.jsonl")).unwrap();
    let wrappers: [fn(&str) -> String; 13] = [
        |q| format!("hey, {q}"),
        |q| format!("quick question: {q}"),
        |q| format!("can you tell me {q}"),
        |q| format!("i want to know {q}"),
        |q| format!("{q} please"),
        |q| q.to_uppercase(),
        |q| format!("sorry, {q}"),
        |q| format!("according to the article, {q}"),
        |q| format!("{} in the article?", q.trim_end_matches('?')),
        |q| format!("@citebot {q}"),
        |q| format!("Q: {q}"),
        |q| format!("i want to know: {q}"),
        |q| format!("{} exactly?", q.trim_end_matches('?')),
    ];
    for g in &gold {
        let plain = engine().ask(&g.q, 1);
        for wrap in wrappers {
            let asked = wrap(&g.q);
            let wrapped = engine().ask(&asked, 1);
            assert_eq!(
                (wrapped.found, wrapped.citations.first().map(|c| &c.text)),
                (plain.found, plain.citations.first().map(|c| &c.text)),
                "{asked:?} was answered unlike {:?}",
                g.q
            );
        }
    }
}

#[test]
fn a_misspelt_word_is_read_as_the_likeliest_word_meant() {
    // One letter from a function word: "everyone".
    check("why is evryone wearing white", "Many wore white");
    // Two from the article's "protesters", one from the rarer "protectors".
    check_short(
        "what were the protetors carrying",
        "balloons as well as flowers",
    );
    // One from "officers", two from the article's "offer": not a question about an offer.
    check_abstains("how many police offiers were hurt");
    // The misspelt noun after "which" is read before the question's kind is decided.
    check_abstains("which factries went on strike");
    // A slip WordNet's inflection rules read as a form of a rare word ("pro" + "-est",
    // "compline" + "-ing") that no vector set has is a slip all the same.
    check(
        "what did the proest signs say",
        "Demonstrators held placards",
    );
    check(
        "what were the state television protesters complining about",
        "complaining that their broadcasts backed Lukashenko and offered a skewed picture of \
         the objections",
    );
}

#[test]
fn a_toll_a_size_or_a_number_of_asks_for_a_count() {
    check_short("what was the death toll", "two");
    check_short("the number of people arrested", "a lot more 6,700");
    check_short("what was the size of lukashenko's rally", "50,000");
}

#[test]
fn a_topic_without_a_question_gets_passages_not_a_cut_clause() {
    let answer = engine().ask("sanctions", 3);
    assert!(answer.found && answer.answer.is_none(), "{answer:?}");
    check("sanctions", "new round of permissions");
    // A figure still answers a topic.
    check_short("arrests?", "a lot more 6,700 individuals apprehended");
}

#[test]
fn an_infinitive_with_its_object_is_no_place() {
    // "to crush the resistance", "to keep up stress": verbs that can be nouns, used as verbs.
    let answer = engine().ask("where did the protester die", 3);
    assert_ne!(answer.answer.as_deref(), Some("crush"), "{answer:?}");
    assert!(
        engine()
            .ask("where is independence avenue", 3)
            .answer
            .as_deref()
            != Some("keep"),
        "an infinitive answered where"
    );
}

#[test]
fn who_did_it_is_not_the_one_it_was_done_over() {
    // "he asserted triumph over main opposition prospect Svetlana Tikhanovskaya".
    check_short("who claimed victory in the election", "Lukashenko");
}

#[test]
fn a_yes_no_question_about_the_other_side_is_answered_no() {
    // "he asserted triumph over ... Svetlana Tikhanovskaya with 80% of the ballot".
    check_short("did tikhanovskaya get 80% of the vote", "No");
    check_short("did tikhanovskaya win the election", "No");
}

#[test]
fn who_did_it_is_the_person_a_sentence_opens_with_a_pronoun_or_description_for() {
    // "She demanded the authorities release all detainees".
    check_short("who demanded the release of all detainees", "Tikhanovskaya");
    // "The strongman that has actually ruled the ex-Soviet nation for the last 26 years".
    for question in [
        "who has ruled belarus for 26 years",
        // "who is facing": a verb in progress, not "who is <name>".
        "who is facing an unprecedented challenge",
    ] {
        let answer = engine().ask(question, 3);
        assert!(
            answer
                .answer
                .as_deref()
                .is_some_and(|a| a.ends_with("Lukashenko")),
            "{answer:?}"
        );
    }
}

#[test]
fn an_article_word_the_sentence_vectors_lack_is_matched_through_glove() {
    // The MiniLM vectors have no "placards", so only GloVe can say that "banners" (which
    // they have) is close to it.
    check(
        "what did the protest banners say",
        "Demonstrators held placards with mottos",
    );
}

#[test]
fn a_place_the_story_is_set_in_need_not_be_said_again() {
    // The article names Minsk in three sentences; the march's sentence does not, but the
    // march was there, so its avenue answers "which street in minsk".
    check_short(
        "Which street in Minsk did the protesters march along?",
        "Independence Avenue",
    );
    // Only where it is asked of something the story tells: it is no population figure.
    check_abstains("how many people live in minsk");
}

#[test]
fn a_passage_that_names_nothing_of_the_kind_asked_for_does_not_say_which() {
    // "As he spoke, ... people walked down ...": no language is named.
    check_abstains("what language do people speak in belarus");
    // "what share" asks for a figure: "with 80% of the ballot".
    check_short("what share of the vote did lukashenko say he won", "80%");
    check_short("what colour do the opposition wear", "white");
}

#[test]
fn a_place_inside_a_country_is_one_by_its_name() {
    // "From exile in Lithuania": exile is no place in Lithuania.
    check_abstains("where in lithuania is she staying");
    check_abstains("where exactly in lithuania is she staying, vilnius?");
    check_short("where is tikhanovskaya now", "Lithuania");
}

#[test]
fn a_who_question_wants_a_passage_that_names_someone() {
    // "declined phone call to step down" has the phone but no one Lukashenko spoke to.
    check_short(
        "who did lukashenko speak to on the phone",
        "President Vladimir Putin",
    );
}

#[test]
fn a_she_and_a_he_each_stand_for_their_person() {
    // "She ... will arrange new elections if Lukashenko actions down."
    check(
        "will she hold new elections if he quits",
        "arrange new elections",
    );
}

#[test]
fn a_name_that_holds_the_word_asked_is_not_cut_in_two() {
    // "March for Freedom" holds "march": not the answer to where the march went, nor "for
    // Freedom" either.
    check_short(
        "where in minsk did the big opposition march go",
        "Independence Avenue",
    );
}

#[test]
fn chat_filler_phrases_do_not_count_as_words_asked() {
    check_short("by the way, how many were detained", "a lot more 6,700");
    check_short("is lukashenko resigning or not", "No");
}

#[test]
fn a_verb_is_not_taken_for_a_person_through_its_broader_terms() {
    // "supposed" -> "suppose" -> "suspect" is a path through a verb, not a noun for a person:
    // the question describes no one, so "opposition" does not stand for the opposition leader.
    check_short(
        "where was the opposition march supposed to end",
        "a battle memorial",
    );
}

#[test]
fn the_words_that_describe_the_kind_asked_describe_the_answer() {
    // "baltic" is close to "Lithuania": in "what baltic country" it says which country, so it
    // does not rule Lithuania out as the answer.
    check_short("what baltic country did she go to", "Lithuania");
    // "what rights group", "what opposition newspaper": a name is asked for, whatever words
    // stand between "what" and the noun.
    check_short(
        "what rights group accused authorities of torture",
        "Amnesty International",
    );
    check_short("what opposition newspaper posted the video", "Nasha Niva");
}

#[test]
fn what_someone_wore_is_in_a_passage_with_something_worn() {
    // "Demonstrators held placards ... Lukashenko" follows the sentence where many wore white:
    // that nearness is not something he wore.
    check(
        "what was lukashenko wearing when he gave his speech",
        "short-sleeved t-shirt",
    );
}

#[test]
fn a_verb_against_someone_opposes_them() {
    // "ran against" is no running: the article calls her the "main opposition prospect".
    check_short(
        "who stood against lukashenko in the election",
        "Svetlana Tikhanovskaya",
    );
}

#[test]
fn a_noun_of_a_way_of_doing_matches_the_doing() {
    // "the development of a Coordination Council": to develop is a way to create.
    check_short("what council did she create", "Coordination Council");
}

#[test]
fn the_words_before_a_kind_of_name_asked_for_need_not_be_in_the_passage() {
    // "human rights group" describes Amnesty International, which the article only names.
    check_short(
        "which human rights group accused the police of torture",
        "Amnesty International",
    );
}

#[test]
fn what_was_set_up_for_a_purpose_is_what_the_passage_gives_that_purpose() {
    // "... the development of a Coordination Council to ensure a transfer of power".
    check_short(
        "what did she set up to organise a transfer of power",
        "a Coordination Council",
    );
    check_short(
        "what did tikhanovskaya set up for a handover of power",
        "a Coordination Council",
    );
}

#[test]
fn of_a_list_of_demands_the_answer_is_the_one_asked_about() {
    // "She demanded the authorities release all detainees, get rid of safety and security
    // pressures from the roads and open criminal instances versus those that bought the
    // suppression."
    check_short(
        "what does she want done with the security forces",
        "get rid of safety and security pressures from the roads",
    );
    check_short(
        "what did tikhanovskaya demand",
        "the authorities release all detainees",
    );
}

#[test]
fn the_start_of_a_long_name_stands_for_it() {
    // "Luka" is what many call Lukashenko; "tikh" begins only Tikhanovskaya.
    check(
        "what did luka say putin promised him on saturday",
        "Lukashenko claimed Putin had actually guaranteed",
    );
    check_short("what % did luka claim he won with", "80%");
    check_short(
        "what did tikh demand",
        "the authorities release all detainees",
    );
}

#[test]
fn a_verb_that_says_whom_the_question_means_is_not_what_it_asks() {
    // "who were detained" only says which people; the question asks what she wants.
    check_short(
        "what does tikhanovskaya want done with the people who were detained",
        "the authorities release all detainees",
    );
}

#[test]
fn a_figure_asked_by_its_source_is_that_source_s() {
    // "50,000 people had taken part ..., though an AFP reporter estimated the number was
    // closer to 10,000."
    check_short(
        "and how much people was there by AFP count?",
        "closer to 10,000",
    );
}

#[test]
fn a_city_of_a_country_is_a_place_in_it_however_the_question_is_worded() {
    // "From exile in Lithuania" names the country, not a city in it.
    check_abstains("in which city of lithuania she is staying now?");
}

#[test]
fn a_light_verb_before_a_noun_says_nothing_of_its_own() {
    // "made his rally": the rally is what was done, not the "make" of "make sure".
    check(
        "where lukashenko made his rally?",
        "campaign-style rally in front of flag-waving supporters in main Minsk",
    );
}

#[test]
fn a_verb_form_is_matched_through_its_verb_senses_only() {
    // "sided" is no "area", a noun that "side" also means.
    let explained = engine().explain("which ambassador sided with the protesters");
    let sided = explained.lines().find(|l| l.starts_with("term sided "));
    assert!(sided.is_some_and(|l| !l.contains(" area:")), "{explained}");
}

#[test]
fn what_a_verb_causes_follows_from_it() {
    // Killed, so passed away: "where a 34-year-old militant passed away throughout agitation".
    check_short("how old was the protester who was killed", "34-year-old");
}

#[test]
fn is_it_true_that_only_asks_whether_what_follows_holds() {
    let explained = engine().explain("is it true that the protester was killed on saturday?");
    assert!(!explained.contains("term true "), "{explained}");
}

#[test]
fn what_happened_to_asks_for_an_event_in_the_passage_s_own_words() {
    let explained =
        engine().explain("what does she want to happen to the people who ordered the crackdown");
    assert!(!explained.contains("term happen "), "{explained}");
}

#[test]
fn what_was_decided_follows_a_verb_not_a_noun_of_the_same_meaning() {
    // "... condemned the election and authorities suppression, as well as EU priests on Friday
    // agreed to draw up a list of targets": "decide" ~ "election" is no deciding here.
    check_short(
        "what did EU ministers decide on friday",
        "agreed to draw up a list of targets in Belarus for a brand-new round of permissions",
    );
}

#[test]
fn a_kind_of_its_own_after_which_is_named_in_the_passage() {
    // Unlike "which country", "which ambassador" is said in the passage: "the Belarusian
    // ambassador to Slovakia, Igor Leshchenya".
    check_short(
        "which belarusian diplomat came out in support of the protesters",
        "Igor Leshchenya",
    );
}

#[test]
fn a_statement_asked_about_is_a_yes_no_question() {
    // Word order of a statement, meant as a question: "lukashenko is still president?".
    check_short("lukashenko is still president?", "Yes");
}

#[test]
fn what_someone_is_doing_is_the_verb_the_passage_gives_them() {
    // "EU priests on Friday agreed to draw up a list of targets in Belarus ..."
    check_short(
        "what is the EU doing about belarus",
        "agreed to draw up a list of targets in Belarus for a brand-new round of permissions",
    );
    // "... on Friday numerous workers at state-run factories walked off the task."
    check_short("what did the factory workers do", "walked off the task");
}

#[test]
fn a_relative_clause_keeps_the_noun_it_is_about() {
    // "Many wore white, the colour that has actually concerned symbolize the opposition
    // movement."
    check_short(
        "why is everyone wearing white",
        "the colour that has actually concerned symbolize the opposition movement",
    );
}

#[test]
fn a_common_word_inside_a_name_is_no_match_for_its_synonym() {
    // "Amnesty International" says nothing of foreign citizens.
    check_abstains("have any foreign citizens been arrested in belarus during the protests?");
}

#[test]
fn a_first_name_stands_for_the_person_it_names() {
    // The article says "Svetlana Tikhanovskaya" once; her age is given with "Tikhanovskaya".
    check_short("how old is svetlana tikhanovskaya", "37-year-old");
    // "Alexander" adds nothing to "Lukashenko"; the answer is the one for "lukashenko".
    check_short(
        "what did alexander lukashenko say about the vote",
        "There might not be greater than 80% of votes misstated",
    );
    // A first name alone means the person too.
    check(
        "what did svetlana ask for",
        "Tikhanovskaya asked for a weekend break",
    );
}

#[test]
fn a_building_or_site_asked_for_is_a_place() {
    // "which building" asks where, and "form of" says no more than "kind of".
    check_short(
        "outside which building did thousands of people protest on saturday night",
        "outside the Belarusian state television centre",
    );
    check_short(
        "what form of action has the opposition urged workers to take",
        "mass strikes",
    );
}

#[test]
fn a_preposition_ends_the_noun_a_what_question_asks_about() {
    // "outside" places the protesters; it is not the thing whose name is asked.
    check_short(
        "what were the protesters outside the state broadcaster complaining about",
        "that their broadcasts backed Lukashenko and offered a skewed picture of the objections",
    );
}

#[test]
fn a_body_or_committee_asked_for_is_named() {
    // "body" is nowhere in the article: the council's name answers "what body".
    check_short(
        "what body did tikhanovskaya announce she was setting up",
        "Coordination Council",
    );
}

#[test]
fn a_word_before_purpose_or_reason_only_says_which_one() {
    // "stated" says whose purpose it is; the question asks why the council was set up.
    check_short(
        "what is the stated purpose of the council tikhanovskaya announced",
        "to ensure a transfer of power",
    );
}

#[test]
fn where_someone_is_hiding_or_living_is_where_the_article_places_them() {
    // "From exile in Lithuania, ... Tikhanovskaya asked ...": hiding and living are being there.
    check_short("where is tikhanovskaya hiding out now", "Lithuania");
    check_short("where is tikhanovskaya living", "Lithuania");
    // A person's name is no place.
    let answer = engine().ask("where is lukashenko", 3);
    assert_ne!(answer.answer.as_deref(), Some("Putin"), "{answer:?}");
}

#[test]
fn the_name_before_a_reporter_is_the_agency_that_sent_them() {
    // "... though an AFP reporter estimated the number was closer to 10,000."
    check_short(
        "which news agency had a reporter who put the size of lukashenko's rally closer to 10,000 people",
        "AFP",
    );
    // A name before a person asked about by their title only modifies it.
    check_short("who is the belarusian ambassador", "Igor Leshchenya");
}

#[test]
fn according_to_whom_asks_who_said_it() {
    // "The Kremlin said that in a phone call with Lukashenko, President Vladimir Putin had
    // revealed Russia's ..." : the sayer, not a name nearer the words of what was said.
    check_short(
        "according to whom did vladimir putin express russia's readiness to give lukashenko the necessary help",
        "Kremlin",
    );
}

#[test]
fn a_figure_that_counts_another_noun_is_no_count_of_the_one_asked() {
    // "... via the CSTO army partnership between 6 ex-Soviet states": six states, no troops.
    check_abstains("how many russian troops did moscow say it was ready to send to belarus");
    // A figure after the source with no noun of its own still counts what is asked.
    check_short(
        "how many people did afp think were really at lukashenko's rally",
        "closer to 10,000",
    );
}

#[test]
fn what_day_of_the_week_asks_the_day() {
    // "... in a bold speech to supporters on Sunday": "week" only says a weekday is wanted.
    check_short(
        "what day of the week did lukashenko give his speech to his supporters",
        "Sunday",
    );
}

#[test]
fn ending_up_doing_something_is_doing_it() {
    // "end up" is no word to look for ("finish"): only "running" is (and running for an
    // office is being a candidate).
    let trace = engine().explain("why did tikhanovskaya end up running for president");
    assert!(!trace.contains("term end"), "{trace}");
    assert!(trace.contains("term candidate"), "{trace}");
    let trace = engine().explain("why did tikhanovskaya end up leaving");
    assert!(!trace.contains("term end"), "{trace}");
    assert!(trace.contains("term leaving"), "{trace}");
}

#[test]
fn running_a_country_is_ruling_it() {
    // "The strongman that has actually ruled the ex-Soviet nation for the last 26 years".
    check_short("how long has lukashenko been running belarus", "26 years");
}

#[test]
fn a_tv_station_is_no_name_but_a_station_of_tv() {
    // WordNet capitalises "TV station" for its acronym: asked as "tv" and "station" it finds
    // the state television centre.
    check(
        "why were ppl protesting outside the tv station",
        "outside the Belarusian state television centre",
    );
    // A real name is still one thing: "prime minister" is not "prime" and "minister".
    check_abstains("who is the prime minister of belarus");
}

#[test]
fn a_polite_request_asks_for_what_it_names() {
    // Not whether the bot can: "could you kindly list ..." is "list ...".
    check(
        "Would you kindly list for me the demands Tikhanovskaya made of the authorities?",
        "She demanded the authorities release all detainees",
    );
    check_short(
        "I'd be grateful if you could remind me of the name of the Belarusian ambassador who \
         spoke out in support of the protesters.",
        "Igor Leshchenya",
    );
    // A yes/no question with a clause of time in it is still yes/no.
    check_short(
        "Did Lukashenko agree to stand down when he addressed his supporters on Sunday?",
        "No",
    );
}

#[test]
fn a_described_and_named_person_is_the_named_one() {
    // "the opposition candidate" only repeats who Tikhanovskaya is.
    check_short(
        "how old is the opposition candidate Tikhanovskaya?",
        "37-year-old",
    );
    check_short(
        "how many years Lukashenko has governed Belarus?",
        "26 years",
    );
}

#[test]
fn keywords_and_topics_ask_as_questions_do() {
    check_short("belarus ambassador slovakia name", "Igor Leshchenya");
    check_short("newspaper that posted ambassador video", "Nasha Niva");
    check_short("opposition colour", "white");
    check_short(
        "sat night protest location",
        "outside the Belarusian state television centre",
    );
    check_short("which military alliance kremlin mentioned", "CSTO");
    // "hiding" only says that she is somewhere, as after "where".
    check_short(
        "in which country Tikhanovskaya is hiding in exile now",
        "Lithuania",
    );
}

#[test]
fn what_sort_of_thing_is_answered_by_its_kind() {
    check_short(
        "What sort of help did Moscow say on Sunday that it was prepared to provide, if required?",
        "military assistance",
    );
}

#[test]
fn whoever_states_something_says_it() {
    // "Lukashenko’s press service stated 50,000 people had actually taken part": the one who
    // said it is the press service, named by its whole phrase, not the AFP reporter after it.
    check_short(
        "who said 50,000 people took part in the rally",
        "Lukashenko’s press service",
    );
}

#[test]
fn what_a_message_says_before_its_question_helps_a_little() {
    // "what did AFP's reporter estimate" alone could be either AFP estimate; the official
    // figure said first points at the rally's.
    check(
        "The official figure for Lukashenko's rally was 50,000 - what did AFP's reporter \
         estimate instead?",
        "closer to 10,000",
    );
    // The lead's words are marked as such and weigh little.
    let trace = engine().explain("I read that workers walked out. Who were they?");
    assert!(
        trace.contains("term walked (lead)") || trace.contains("term walk (lead)"),
        "{trace}"
    );
    // A question that only checks ("Did he?") asks about what the lead says.
    check(
        "I read that the Belarusian ambassador to Slovakia backed the crackdown. Did he?",
        "Igor Leshchenya",
    );
    // A message that is all question has no lead.
    assert!(!engine().explain("who walked out?").contains("(lead)"));
}

#[test]
fn a_short_answer_is_not_the_question_echoed() {
    // "Tikhanovskaya asked" tells nothing of what she asked.
    let answer = engine().ask(
        "what Tikhanovskaya asked her supporters to do on weekend?",
        3,
    );
    assert_ne!(
        answer.answer.as_deref(),
        Some("Tikhanovskaya asked"),
        "{answer:?}"
    );
}

#[test]
fn a_choice_is_answered_by_the_alternative_the_passage_bears_out() {
    // Not "Yes": the question offers two sides to choose from.
    check_short(
        "Did the Belarusian ambassador to Slovakia side with the protesters or with the \
         government?",
        "the protesters",
    );
    // "or not" offers no choice.
    check_short("did lukashenko agree to resign or not", "No");
    // A count runs on to its noun over a hyphenated compound, not into it.
    check_short(
        "how many ex-soviet states are in the csto",
        "6 ex-Soviet states",
    );
}

#[test]
fn a_thing_answer_does_not_open_on_a_preposition_the_question_ends_on() {
    check_short(
        "what was the ambassador shocked by",
        "stories of abuse as well as whippings",
    );
    // What the pictures are of, and the pictures when their kind is asked.
    check_short(
        "the saturday protesters held up pictures of what",
        "bruised protesters defeated throughout the suppression",
    );
    check_short(
        "What kind of pictures did many of Saturday's protesters hold up?",
        "pictures of bruised protesters defeated throughout the suppression",
    );
    check_short(
        "what did amnesty accuse the authorities of",
        "accomplishing “a campaign of extensive torture”",
    );
}

#[test]
fn what_a_thing_stands_for_says_why_it_is_chosen() {
    check(
        "why is everyone wearing white",
        "symbolize the opposition movement",
    );
}

#[test]
fn a_yes_no_question_on_a_place_the_article_replaces_is_answered_no() {
    // She left for Lithuania; the article never names Poland.
    check_short("Did Tikhanovskaya flee to Poland?", "No");
    check_short("did tikhanovskaya flee to lithuania", "Yes");
    // Belarus is named elsewhere: a passage about Moscow does not deny it.
    check_short("is the eu going to put sanctions on belarus", "Yes");
}

#[test]
fn which_anniversary_asks_for_a_thing_not_a_name() {
    check(
        "Sunday's march in Minsk marked which anniversary?",
        "one-week anniversary of the vote",
    );
}

#[test]
fn a_name_and_a_verb_ask_whether() {
    check_short("lukashenka resign?", "No");
    check_short("russia offering military help?", "Yes");
    // A name and a noun are a topic.
    assert_ne!(
        engine().ask("lukashenko speech?", 3).kind,
        QuestionKind::YesNo
    );
}

#[test]
fn where_in_a_place_is_answered_by_the_part_of_it_named() {
    check_short("where in minsk did lukashenko hold his rally", "main Minsk");
}

#[test]
fn a_noun_matches_what_wordnet_files_under_a_compound_of_it() {
    // WordNet files a council under "administrative body": a kind of body.
    check_short(
        "What new body did Tikhanovskaya announce the creation of?",
        "Coordination Council",
    );
}

#[test]
fn a_count_is_of_the_main_clause_s_event() {
    // The crackdown is when; the count asked is of the injured.
    check_short(
        "How many people were injured when police cracked down on the demonstrations?",
        "hundreds",
    );
}

#[test]
fn chat_shorthand_reads_as_the_words_it_stands_for() {
    // "4" and "2" where no count can stand, "w" and "n" between words, "rn", "vid".
    check_short("wat kind of protests did she ask 4", "peaceful rallies");
    check_short("which paper posted the ambassador vid", "Nasha Niva");
    check_short("where is tikhanovskaya rn", "Lithuania");
    check_short("wat % did he say he won w", "80%");
    check_short("how many ppl went to his rally acc to his ppl", "50,000");
    // A count stays a count.
    check_short("were 2 people killed", "Yes");
    // "were" before an auxiliary is "where".
    check_short(
        "were was the sunday march suposed to finish",
        "a battle memorial",
    );
    check_short("were the protesters beaten", "Yes");
}

#[test]
fn a_phrasal_verb_matches_the_same_particle_after_a_word_listed_for_its_verb() {
    // The rewording says "actions down" for "steps down".
    check(
        "What did Tikhanovskaya say she would do if Lukashenko stepped down?",
        "she will arrange new elections if Lukashenko actions down",
    );
    // The exact phrase still wins.
    check_short("did lukashenko agree to step down", "No");
}

#[test]
fn a_pronoun_s_contracted_auxiliary_is_read_as_the_auxiliary() {
    check_short(
        "What does Tikhanovskaya say she'll do if Lukashenko steps down?",
        "arrange new elections",
    );
}

#[test]
fn a_request_s_opening_verb_is_not_asked_about() {
    check(
        "List the demands Tikhanovskaya made of the authorities.",
        "She demanded the authorities release all detainees",
    );
    check_short(
        "name the ambassador who backed the protesters",
        "Igor Leshchenya",
    );
    check(
        "Quote one of the slogans protesters had on their placards.",
        "Demonstrators held placards with mottos",
    );
}

#[test]
fn belonging_to_something_is_being_in_it() {
    // "belong to" only puts the states and the alliance side by side.
    check_short(
        "How many former Soviet states belong to the CSTO alliance?",
        "6",
    );
    check_short("How many states belong to the CSTO?", "6 ex-Soviet states");
}

#[test]
fn a_name_after_ex_is_no_place_of_its_own() {
    // "ex-Soviet" describes the states; "Soviet" names none of them.
    let answer = engine().ask(
        "Besides Russia and Belarus, which countries belong to the CSTO alliance?",
        3,
    );
    assert_ne!(answer.answer.as_deref(), Some("Soviet"));
}

#[test]
fn a_count_is_told_by_a_sentence_of_its_event() {
    // The staff "came out"; the thousands outside only objected.
    check(
        "How many state TV staff walked out to join the protesters outside?",
        "Around 100 team came out of the building",
    );
    // Where no passage tells of the event plainly ("attended" is no "taken part" here), none
    // is ranked down for lacking it.
    check_short("How many people attended the rally?", "50,000");
}

#[test]
fn a_percent_sign_is_the_word_percent() {
    check_short("which percent of votes lukashenko say he win?", "80%");
    check_short("what exact percentage did he claim", "80%");
}

#[test]
fn a_source_named_first_gives_the_figure() {
    check_short(
        "afp said how many at the pro lukashenko rally",
        "closer to 10,000",
    );
    check_short(
        "afp journalist think how much people was at the pro-lukashenko rally?",
        "closer to 10,000",
    );
}

#[test]
fn or_no_closing_a_yes_no_question_offers_no_choice() {
    check_short("lukashenko agree to resign on sunday or no?", "No");
}

#[test]
fn a_loose_match_of_the_event_is_no_telling_of_it() {
    // "end up" is "finish", not the "weekend break" of another sentence.
    check_short(
        "Where was the Sunday march supposed to end up?",
        "a battle memorial",
    );
    // The article gives no count of arrests at the march.
    check_abstains("How many people were detained during Sunday's March for Freedom?");
}

#[test]
fn what_the_asker_says_of_themselves_after_the_question_is_not_asked() {
    check_short(
        "Could you tell me the name of the Belarusian ambassador who spoke out in that video? I want to look him up later.",
        "Igor Leshchenya",
    );
    check_short(
        "On what day did the opposition candidate leave for exile? My memory isn't what it used to be.",
        "Tuesday",
    );
}

#[test]
fn a_preposition_may_lead_a_question_in_after_a_remark() {
    check_short(
        "In my day, strikes were a powerful tool. On which day did workers at the state-run factories walk off the job?",
        "Friday",
    );
}

#[test]
fn a_keyword_query_says_by_its_last_word_what_it_asks() {
    check_short("eu sanctions decision day", "Friday");
    check_short("day protester died unrest minsk", "Monday");
    check_short("tikhanovskaya exile country", "Lithuania");
    check_short("minsk opposition march street", "Independence Avenue");
    // "country" after a preposition is the thing asked about, not the kind of answer.
    assert_ne!(
        engine().ask("luka quote on handing over country", 3).kind,
        QuestionKind::Place
    );
}

#[test]
fn to_call_on_someone_to_do_something_is_to_ask_them() {
    check(
        "What did Tikhanovskaya call on supporters to do over the weekend?",
        "Tikhanovskaya asked for a weekend break of peaceful rallies",
    );
    // Without the deed asked after "to", the call is kept (the passage's "calls to step
    // down"); nor is a march called on a Sunday an asking.
    check_short(
        "did lukashenko agree to resign when people called on him to?",
        "No",
    );
    check_short(
        "What was the name of the march the opposition called on Sunday?",
        "March for Freedom",
    );
}

#[test]
fn an_adverb_ends_the_noun_asked_about() {
    check_short(
        "Which Belarusian diplomat publicly expressed solidarity with the protesters?",
        "Igor Leshchenya",
    );
}

#[test]
fn an_answer_cut_at_its_length_does_not_end_on_a_function_word() {
    let answer = engine().ask("what did she ask people to do this weekend", 3);
    let short = answer.answer.expect("a short answer");
    assert!(
        !short.ends_with(" the") && !short.ends_with(" of"),
        "{short}"
    );
}

#[test]
fn a_vague_place_is_the_one_its_where_clause_tells_of() {
    check_short(
        "Where did many opposition supporters gather in Minsk on Saturday?",
        "the area where a 34-year-old militant passed away throughout agitation on Monday",
    );
}

#[test]
fn what_someone_said_about_something_is_the_sentence_of_the_quotation_about_it() {
    check_short(
        "What exactly did Lukashenko say about handing over the country?",
        "We will not hand over the country",
    );
}

#[test]
fn a_name_asked_for_has_capitals() {
    // The article never names the protester who died; "the resistance" is no name.
    check_abstains("name of the dead protester");
    check_short("what was the name of the march", "March for Freedom");
}

#[test]
fn a_keyword_query_opening_on_a_group_and_its_deed_asks_which_one() {
    check_short("newspaper posted ambassador video", "Nasha Niva");
    check_short("belarus ambassador slovakia video name", "Igor Leshchenya");
}

#[test]
fn a_yes_no_question_with_the_wrong_value_is_answered_no_with_the_right_one() {
    // A count, an age, a share, a day: the passage that gives another value answers.
    check_short("did lukashenko say he got 60% of the vote", "No: 80%");
    check_short("is tikhanovskaya 40 years old", "No: 37-year-old");
    check_short("were 9 people killed in the crackdown", "No: two");
    check_short("did the tv staff plan to strike on thursday", "No: Monday");
    check_short("did the marchers wear black", "No: white");
    // The same value in figures or in words is no rival.
    check_short("were 2 people killed", "Yes");
    check_short("did two people die", "Yes");
}

#[test]
fn a_statement_with_a_question_tag_asks_whether_it_is_true() {
    check_short("lukashenko has ruled for 20 years, right?", "No: 26");
    check(
        "the man who died in the unrest was 40, correct?",
        "a 34-year-old militant passed away",
    );
    check_short("the ambassador was in slovakia, wasn't he?", "Yes");
    // A question with a tag still asks its question.
    check(
        "who died on monday, right?",
        "a 34-year-old militant passed away",
    );
}

#[test]
fn what_caused_something_is_asked_as_why_whatever_the_causing_verb() {
    // The rewording says "fanned"; people say fuelled, drove, triggered, or "got bigger".
    check_short(
        "what fuelled the growing movement against lukashenko",
        "fanned by a brutal cops suppression",
    );
    check_short(
        "what triggered the expanding movement",
        "fanned by a brutal cops suppression",
    );
    check_short(
        "why does the protest movement keep getting bigger",
        "fanned by a brutal cops suppression",
    );
    // "what does the article say ..." asks what follows.
    check_short(
        "what did the story say was fuelling the growing protests",
        "fanned by a brutal cops suppression",
    );
}

#[test]
fn a_feeling_toward_something_is_told_by_what_people_did_about_it() {
    // The passage says "complaining that ...", not "angry".
    check_short(
        "why were the crowds furious with state television",
        "complaining that their broadcasts backed Lukashenko and offered a skewed picture of \
         the objections",
    );
    check_short(
        "why was everyone upset with the state broadcaster",
        "complaining that their broadcasts backed Lukashenko and offered a skewed picture of \
         the objections",
    );
    // A feeling toward nothing named is not read so: the articles do not say.
    check_abstains("why is putin angry");
    check_abstains("why were the workers unhappy");
}

#[test]
fn her_other_half_is_her_husband_but_not_his_name() {
    // "her other half" is a spouse, as WordNet's "better half" is.
    check(
        "what happened to the husband of tikhanovskaya",
        "including her other half were imprisoned",
    );
    check_short("is tikhanovskaya's husband in jail", "Yes");
    // The passage names no husband, and her name is not his.
    check_abstains("what's the name of her husband");
    check_abstains("whats tikhanovskaya's husbands name");
}

#[test]
fn words_the_articles_lack_are_read_through_their_frame_and_their_verb() {
    // "sided with the protesters": the passage has "his solidarity with the militants".
    check_short(
        "which ambassador sided with the protesters",
        "Igor Leshchenya",
    );
    // "detention" is what "detained" says, and "apprehended" says that.
    check_short("Detention count from the crackdown?", "a lot more 6,700");
    // "attendance" is what "attend" says: "taken part".
    check(
        "What attendance figure did Lukashenko's press office put out for his rally?",
        "50,000 people had actually taken part in the rally",
    );
    // "timing of the vote": when.
    check(
        "Timing of the disputed vote relative to Sunday's march?",
        "on the one-week anniversary of the vote",
    );
}

#[test]
fn who_said_a_quotation_is_its_speaker_named_last() {
    check_short(
        "Who said \"We will not hand over the country\"?",
        "Lukashenko",
    );
    // Asked who did something else, the quotation's speaker is no answer.
    check_short("who ran against lukashenko", "Svetlana Tikhanovskaya");
}

#[test]
fn being_there_is_said_by_any_verb_of_presence() {
    // "showed up", "turned up": the passage says they "gathered" or "had taken part".
    check_short(
        "how many people turned up at the end of the opposition march",
        "approximately 100,000",
    );
    check(
        "how many people actually showed up for lukashenkos rally",
        "50,000 people had actually taken part in the rally",
    );
}

#[test]
fn a_place_is_no_news_agency_and_a_day_of_week_is_a_day() {
    // "AFP" of "an AFP reporter" is no place.
    check_short(
        "Where did Lukashenko stage his own pro-government rally?",
        "main Minsk",
    );
    // A learner's "day of week" asks the day, as "day of the week" does.
    check_short("Which day of week was his speech to supporters?", "Sunday");
}

#[test]
fn an_aside_and_a_slip_of_spelling_or_sound_do_not_hide_the_question() {
    // "wasn't she new to politics?" expects a yes: it looks for no negation.
    check(
        "why did she end up running, wasnt she new to politics",
        "her other half were imprisoned",
    );
    // "in the first place" before a comma, and a leading "wait", are no words of it.
    check(
        "wait why did she even run, wasn't she new to politics?",
        "her other half were imprisoned",
    );
    // Spelt as it sounds: "elecshun" is "election".
    check_short("when was the elecshun held?", "last Sunday");
}

#[test]
fn who_is_the_role_is_the_name_by_the_role() {
    // Not "Nasha Niva", by "video": the name after "the ambassador to Slovakia,".
    check_short("who is the diplomat in the video?", "Igor Leshchenya");
    // "who was the woman ...": her name is asked; she is no "she" already known.
    check_short(
        "who was the main woman running against him",
        "Svetlana Tikhanovskaya",
    );
    // The garment named answers a verb of wearing better than "Many wore white".
    check_short("what was he wearing up there", "a short-sleeved t-shirt");
}

#[test]
fn the_name_they_call_a_thing_is_asked_as_what_it_is_called() {
    check_short(
        "What did the opposition even call their march?",
        "March for Freedom",
    );
    // A learner's "how ... call".
    check_short(
        "How they call this march of opposition?",
        "March for Freedom",
    );
    // "call for" asks what they asked for.
    check_short("what did the opposition call for", "mass strikes");
}

#[test]
fn a_name_in_the_possessive_says_whose_not_what() {
    // "Lukashenko's traditional support base" names no factory.
    check_abstains("Which specific state-owned factories saw workers walk out?");
    check_abstains("striking state factories names");
}

#[test]
fn a_time_still_to_come_is_no_past_day() {
    // A wish, a plan in the present, "by what date would": the articles give no date.
    check_abstains("When does Tikhanovskaya want the new elections to be held?");
    check_abstains("when r the new elections happening");
    check_abstains("By what date would Tikhanovskaya hold those new elections?");
}

#[test]
fn how_something_happened_is_not_amid_what() {
    // "throughout agitation on Monday" says when he died, not how.
    check_abstains("how did the 34 yr old protester die");
    // Whatever else the passage says of it is still cited.
    check(
        "how did amnesty describe the crackdown",
        "a campaign of extensive torture",
    );
}

#[test]
fn a_count_by_a_word_that_only_modifies_another_counts_someone_else() {
    // "a violent cops crackdown ... hundreds wounded": the wounded are no police.
    check_abstains("How many policemen were hurt in the protests?");
    // The people it does count are still counted.
    check_short("how many people were injured", "hundreds");
}

#[test]
fn a_plan_does_not_say_it_happened() {
    // "stated they prepared a strike on Monday": planned, not done.
    check_abstains("Did the state TV staff actually go on strike on Monday?");
    // "prepared to offer military assistance": ready to, an offer made.
    check_short("did Russia actually offer military help?", "Yes");
}

#[test]
fn a_question_reported_in_a_statement_is_the_one_asked() {
    check_short(
        "my mum wants to know how many people were arrested",
        "a lot more 6,700",
    );
    check_short("a caller is asking whether lukashenko quit", "No");
    // A follow-up after it only says more of what it is about.
    check(
        "A listener wants to know what the president was wearing for that speech. \
         Was he in a suit, or what?",
        "short-sleeved t-shirt",
    );
}

#[test]
fn a_slip_keeps_its_first_letter_and_a_counted_plural_ends_the_noun() {
    // "arest" is "arrest", not "rest"; "people" is counted, "police" begins the clause.
    check_short("how many people police arest", "a lot more 6,700");
    // "catched" is "catch" made regular.
    check(
        "how many peoples was catched by police in the crackdown",
        "6,700",
    );
    check_short(
        "how many people come to lukashenko rally, according his press service?",
        "50,000",
    );
}

#[test]
fn people_named_by_what_was_done_to_them_are_the_noun_for_it() {
    // "people in jail": "detainees", by way of "detain".
    check_short(
        "what does she want done with the people in jail",
        "the authorities release all detainees",
    );
    check(
        "Why people protesting near state television building?",
        "television centre",
    );
}

#[test]
fn a_word_nothing_else_matches_takes_its_very_close_glove_neighbours() {
    // "media" ~ "television"; "internet" ~ "phone" is only related, so this still abstains.
    check(
        "Where did thousands protest on Saturday night over media coverage?",
        "television centre",
    );
    check_abstains("is the internet blocked in belarus");
}

#[test]
fn chat_spellings_and_hedges_say_nothing_of_what_is_asked() {
    check_short("where was the march gona end up", "a battle memorial");
    check_short(
        "More or less how many people arrived at the end of the march?",
        "approximately 100,000",
    );
}

#[test]
fn the_name_given_to_a_thing_is_asked_of_that_thing() {
    check_short(
        "What was the name the opposition gave to Sunday's march?",
        "March for Freedom",
    );
}

#[test]
fn a_verb_in_its_base_form_matches_as_its_past_does() {
    // "die" ~ "dead", as "died" ~ "dead".
    check_short("How many people die in crackdown?", "two");
}

#[test]
fn a_radio_host_reading_out_a_question_is_asking_it() {
    // A vocative lead-in, and a remark after the question, are not what is asked.
    check_short(
        "And then, folks, how many people did the AFP reporter reckon had packed in by the end \
         of that march? The caller wants the number.",
        "approximately 100,000",
    );
    // "why on earth", "of all places" only stress.
    check(
        "And why on earth were they protesting at the TV station, of all places?",
        "television centre",
    );
    // A question quoted after "wants to know,".
    check_short(
        "So a listener wants to know, has Tikhanovskaya said she'd hold fresh elections if \
         Lukashenko goes?",
        "Yes",
    );
}

#[test]
fn a_person_in_exile_is_still_described_by_who_they_are() {
    // "in exile" says where the opposition leader is, not who: the leader is Tikhanovskaya.
    check_short(
        "which country does the opposition leader live in exile in",
        "Lithuania",
    );
}

#[test]
fn the_total_number_of_something_is_its_count() {
    // "total" only says the whole count is asked, as "how many" asks it.
    check(
        "what's the total count of arrests reported in the crackdown on protesters so far",
        "6,700 individuals apprehended",
    );
}

#[test]
fn where_someone_is_posted_is_where_they_are() {
    // "posted", "stationed", "accredited" only say that someone is based somewhere: the
    // passage places the ambassador with "to".
    check_short(
        "where is the belarusian diplomat in the video stationed",
        "Slovakia",
    );
    check_short("which country was the envoy accredited to", "Slovakia");
}

#[test]
fn the_police_are_the_authorities_as_news_text_uses_the_words() {
    // GloVe puts "police" next to "authorities"; the article never says "police".
    check_short(
        "which rights group accused the belarusian police",
        "Amnesty International",
    );
    check(
        "does tikhanovskaya want the police removed from the streets",
        "She demanded the authorities release all detainees",
    );
}

#[test]
fn or_nah_closes_a_yes_no_question_as_or_not_does() {
    check(
        "has lukashenko resigned or nope",
        "Lukashenko declined phone call to step down",
    );
}

#[test]
fn a_follow_up_after_a_dash_is_context_not_the_question() {
    check(
        "Where did the opposition march finish — was it at some memorial?",
        "At a battle memorial where the march was to finish",
    );
    check(
        "why did tikhanovskaya run for president - was it because her husband got jailed?",
        "including her other half were imprisoned",
    );
}

#[test]
fn a_russian_diminutive_names_whom_the_article_names_in_full() {
    // "Sasha" is what people call an Alexander: here Alexander Lukashenko.
    check(
        "how long has sasha been in charge of belarus",
        "ruled the ex-Soviet nation for the last 26 years",
    );
}

#[test]
fn a_bare_question_word_asks_about_what_was_said_before_it() {
    check_short(
        "My friend says thousands protested outside the TV centre on Saturday night. Why though?",
        "complaining that their broadcasts backed Lukashenko and offered a skewed picture of the \
         objections",
    );
    check(
        "lukashenko held a rally on sunday. where exactly?",
        "In a rare campaign-style rally",
    );
}

#[test]
fn an_offer_made_on_a_condition_has_not_been_carried_out() {
    // Russia offered military aid "if needed": that its troops went in is not said.
    check_abstains("did the russian army actually go into belarus");
    check_abstains("have russian troops actually arrived in belarus");
    // The offer itself was made.
    check(
        "did russia actually offer military help",
        "prepared to offer military assistance if needed",
    );
}

#[test]
fn a_day_or_a_place_is_no_reason() {
    // "she left on Tuesday" says when she left Belarus, not why; "in Lithuania", where.
    check_abstains("why did tikhanovskaya leave belarus");
    check_abstains("why did she go into exile");
}

#[test]
fn when_something_starts_is_still_to_come() {
    // The EU agreed on Friday to draw up a list: when the sanctions begin is not said.
    check_abstains("when does the new round of eu sanctions begin");
}

#[test]
fn letters_spelled_one_by_one_are_the_acronym() {
    // Dictated to a phone: "a f p" is AFP, "e u" the EU.
    check(
        "and what did the a f p reporter think the real number at his rally was",
        "the number was closer to 10,000",
    );
    check(
        "what did the e u ministers agree to do on friday",
        "agreed to draw up a list of targets",
    );
    check_short("who was the main oppo candidate", "Svetlana Tikhanovskaya");
}

#[test]
fn is_true_that_asks_whether_it_holds() {
    check(
        "is true that she will make new elections if he go out of the power?",
        "she will arrange new elections if Lukashenko actions down",
    );
}

#[test]
fn protests_are_not_the_protesters() {
    // What fanned the movement, not a passage that only has protesters in it.
    check(
        "whats driving the protest mvmt per the story",
        "fanned by a brutal cops suppression",
    );
}

#[test]
fn a_body_is_named_by_its_name() {
    // "Nasha Niva" is an outlet, the "European Union" a bloc, the CSTO one too: the name
    // answers the kind of body asked for.
    check(
        "Which media outlet published the video of the ambassador?",
        "Opposition newspaper Nasha Niva uploaded a video",
    );
    check(
        "Which bloc has said it will put fresh sanctions on Belarus?",
        "the European Union said it would impose new assents",
    );
    check(
        "which military bloc did the kremlin bring up",
        "via the CSTO army partnership",
    );
}

#[test]
fn a_body_asked_for_is_not_a_person() {
    // "She will arrange new elections if Lukashenko steps down" names a man, not a group.
    check_short(
        "what new group did tikhanovskaya set up",
        "Coordination Council",
    );
    check_short(
        "which human rights group said the police were torturing people",
        "Amnesty International",
    );
    // A body the passage only names still answers, but the alliance's own passage wins.
    check(
        "Through which military alliance could Russia offer help?",
        "via the CSTO army partnership",
    );
}

#[test]
fn what_kind_is_told_by_a_word_that_classifies() {
    // "the needed aid" says only that it is needed; "military assistance" says which kind.
    check(
        "what kind of help did moscow say they'd give him",
        "prepared to offer military assistance if needed",
    );
    check_short(
        "What kind of weekend protests did Tikhanovskaya urge?",
        "peaceful rallies",
    );
    // A passage that words the thing otherwise is not set aside: strikes are the action.
    check_short(
        "What type of industrial action has the opposition called for?",
        "mass strikes",
    );
}

#[test]
fn an_avenue_is_a_road() {
    // WordNet files an avenue under street, thoroughfare and road.
    check_short(
        "what road were the protesters marching down in minsk",
        "Independence Avenue",
    );
}

#[test]
fn what_he_wore_is_not_what_many_wore() {
    // "Many wore white" tells of the marchers, not of Lukashenko at his podium.
    check(
        "what was he wearing during the speech",
        "in a short-sleeved t-shirt",
    );
    check_short("what colour were the protesters wearing", "white");
}

#[test]
fn having_years_asks_an_age() {
    // As Portuguese or Spanish ask it: "she has 37 years".
    check_short("Tikhanovskaya have how many years?", "37-year-old");
    check_short("How many years has Tikhanovskaya?", "37-year-old");
    // With a verb after the person it asks how long.
    check_short("how many years has he ruled", "26 years");
}

#[test]
fn to_what_extent_and_in_what_manner_ask_how() {
    check_short(
        "To what extent were people detained in the crackdown, how many were held?",
        "a lot more 6,700",
    );
}

#[test]
fn a_stem_shared_by_two_words_is_no_match() {
    // "fans" (supporters) and "fanned" (a movement fanned by a crackdown) share a stem only.
    check(
        "Where was the rally of Lukashenko with his fans? in which city",
        "in front of flag-waving supporters in main Minsk",
    );
}

#[test]
fn a_follow_up_asking_the_day_again_leaves_held_a_light_verb() {
    // "held" only says the election took place; "agreed" on Friday is not it.
    check_short(
        "when was the actual election held like what day",
        "last Sunday",
    );
}

#[test]
fn a_synonym_reaches_the_words_derived_from_its_derived_forms() {
    // "custody" = "detention", the noun of "detain", which "detainees" comes from.
    check(
        "what should happen to those in custody, in her view",
        "She demanded the authorities release all detainees",
    );
}

#[test]
fn pro_and_anti_say_who_backs_or_opposes() {
    // "pro-lukashenko" is his supporters; "anti-government" the opposition.
    check_short(
        "in which city did the pro-lukashenko crowd gather",
        "main Minsk",
    );
    check_short("what colour do the anti-government marchers wear", "white");
}

#[test]
fn texting_fillers_ask_nothing() {
    check(
        "ngl the ambassador guy, what country is he posted in",
        "ambassador to Slovakia",
    );
    check_short(
        "how many people were at the end point of the march no cap",
        "approximately 100,000",
    );
}

#[test]
fn a_seat_of_power_speaks_for_its_body() {
    // "Brussels" is the European Union, as news writing uses it.
    check(
        "what did brussels say it would do about belarus",
        "the European Union said it would impose new assents",
    );
}

#[test]
fn a_denial_the_question_grants_is_not_looked_for() {
    // "she was not a politician" is granted; the passage need not deny anything.
    check(
        "why did tikhanovskaya run, she was not a politician before?",
        "including her other half were imprisoned",
    );
    // A denial asked about still is.
    check(
        "what did lukashenko say he would not do",
        "We will not hand over the country",
    );
}

#[test]
fn a_pronoun_stands_for_the_person_the_question_describes() {
    // "he" is the ambassador just described, not the man the article calls "he" most.
    check(
        "I saw a video of an ambassador, what country is he ambassador to?",
        "ambassador to Slovakia",
    );
    // A description the article gives that man still means him.
    check(
        "where did the president have his rally",
        "rally in front of flag-waving supporters",
    );
}

#[test]
fn a_polite_aside_or_a_word_for_the_person_named_is_not_asked_about() {
    // "may I ask" is politeness; "chap" only says that Lukashenko is a man.
    check(
        "has that lukashenko chap resigned, may I ask?",
        "declined phone call to step down",
    );
}

#[test]
fn a_rare_word_for_a_person_asks_no_more_than_man() {
    check("how old was the lad who died", "34-year-old");
}

#[test]
fn an_adverb_after_who_does_not_hide_the_deed() {
    check_short(
        "who really walked off the job on friday",
        "numerous workers at state-run factories",
    );
}

#[test]
fn a_thesaurus_synonym_both_vectors_agree_on_counts_beside_a_match() {
    // "pressure" matches "pressures" and "press", yet the rewording says "stress".
    check(
        "what did the eu do that increased the pressure on minsk",
        "With stress growing from the street and abroad",
    );
}
