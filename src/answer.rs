//! Answers: what kind of answer a question wants, the short answer found in the best passage,
//! and whether the article answers the question at all.

use serde::Serialize;

use crate::lexicon::{Lexicon, Relation};
use crate::retrieve::{self, QueryTerm, Scored};
use crate::text::{self, Token};

/// The kind of answer a question asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    /// How many, how much, how old, how long, what percentage.
    Number,
    /// Who, whose, the name of.
    Person,
    /// When, what day, what year.
    Time,
    /// Where, which country, which street.
    Place,
    /// Why, what made, what caused.
    Reason,
    /// Is, does, did, has, will... (answered Yes or No).
    YesNo,
    /// Anything else: what, which, or just keywords.
    Thing,
}

impl QuestionKind {
    /// Whether a passage without an answer of this kind cannot answer the question.
    pub fn needs_typed_answer(self) -> bool {
        matches!(self, Self::Number | Self::Person | Self::Time | Self::Place)
    }
}

/// The words that ask a question ("why" is read before the others).
const QUESTION_WORDS: &[&str] = &[
    "what", "whats", "which", "who", "whom", "whose", "where", "when", "why", "how",
];

/// Detects the kind of answer wanted from the question's words.
pub fn classify(tokens: &[Token]) -> QuestionKind {
    let words: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
    let has = |w: &str| words.contains(&w);
    let has_seq = |a: &str, b: &str| words.windows(2).any(|p| p[0] == a && p[1] == b);
    let first = words.first().copied().unwrap_or("");

    // "what group", and "what human rights group": the noun after up to two words that modify
    // it (not "what did the group say").
    let what_which = |nouns: &[&str]| {
        words.iter().enumerate().any(|(i, w)| {
            matches!(*w, "what" | "which" | "whats")
                && words[i + 1..]
                    .iter()
                    .take(3)
                    .take_while(|w| !text::is_stop_word(w) && !QUESTION_WORDS.contains(w))
                    .any(|w| nouns.contains(w))
        })
    };
    if has_seq("how", "many")
        || has_seq("how", "much")
        || has_seq("how", "old")
        // "what percent", "which percentage", "what exact percentage", "what vote share",
        // "what attendance figure"
        || what_which(&[
            "percent",
            "percentage",
            "proportion",
            "share",
            "number",
            "figure",
            "figures",
            "tally",
            "estimate",
            "turnout",
        ])
        || has_seq("how", "long")
        || has_seq("what", "share")
        || has_seq("what", "number")
        || has_seq("how", "big")
        || has_seq("how", "large")
        || has("age")
        // "the death toll", "the size of the rally", "the estimate of attendance" (but "who
        // estimated the size").
        || ((has("toll") || has("size") || has_seq("estimate", "of"))
            && !words
                .iter()
                .any(|w| matches!(*w, "who" | "whom" | "whose" | "where" | "when" | "why")))
        || has_seq("number", "of")
        || has_seq("count", "of")
    {
        return QuestionKind::Number;
    }
    if has("why")
        || has_seq("what", "made")
        || has_seq("what", "caused")
        || has_seq("how", "come")
        || has_seq("what", "led")
        || what_which(&["reason", "reasons", "cause", "causes", "purpose", "motive"])
        // "what reason did he give", "what is the (stated) purpose of the council"
        || (matches!(first, "what" | "whats")
            && ["reason", "cause", "purpose", "aim", "goal", "point"]
                .iter()
                .any(|w| {
                    // ("the end point of the march" is a place, not "the point of it".)
                    has_seq("the", w)
                        || (*w != "point"
                            && words.windows(3).any(|p| {
                                p[0] == "the" && !text::is_stop_word(p[1]) && p[2] == *w
                            }))
                }))
    {
        return QuestionKind::Reason;
    }
    // "is there anyone who died", "were there arrests where she lives": a yes/no question,
    // whatever relative clause follows.
    if matches!(first, "is" | "are" | "was" | "were")
        && words.get(1) == Some(&"there")
        && !words.iter().any(|w| matches!(*w, "what" | "which"))
    {
        return QuestionKind::YesNo;
    }
    // The question word that comes first asks: "what was he wearing when he spoke" is no when.
    let first_wh = words
        .iter()
        .find(|w| QUESTION_WORDS.contains(w))
        .copied()
        .unwrap_or("");
    let asks = |w: &str| has(w) && (first_wh == w || first_wh.is_empty());
    // "did he agree to stand down when he addressed his supporters": a yes/no question with a
    // clause of time, place or person in it ("did he say when ..." still asks when).
    if text::is_tense_auxiliary(first) {
        let at = words.iter().position(|w| *w == first_wh);
        let clause = at.is_some_and(|k| {
            k >= 3
                && matches!(first_wh, "when" | "where" | "who")
                && !tells_or_knows(words[k - 1])
                && !matches!(words[k - 1], "and" | "or" | "but")
        });
        if clause {
            return QuestionKind::YesNo;
        }
    }
    if asks("when") || what_which(text::TIME_NOUNS) || has("date") || has("birthday") {
        return QuestionKind::Time;
    }
    // ("what sort of place": a place.)
    let kind_of_place = words.windows(4).any(|w| {
        matches!(w[0], "what" | "which")
            && matches!(w[1], "kind" | "sort" | "type")
            && w[2] == "of"
            && text::PLACE_NOUNS.contains(&w[3])
    });
    // "what was the end point of the march": a point where something starts or ends is a place.
    let point_of_route = first_wh == "what"
        && words.windows(2).any(|p| {
            matches!(
                p[0],
                "end"
                    | "ending"
                    | "finish"
                    | "finishing"
                    | "start"
                    | "starting"
                    | "meeting"
                    | "gathering"
                    | "assembly"
                    | "rallying"
            ) && matches!(p[1], "point" | "spot")
        });
    if asks("where") || what_which(text::PLACE_NOUNS) || kind_of_place || point_of_route {
        return QuestionKind::Place;
    }
    // "what was the march called": a name.
    if text::asks_what_called(tokens) {
        return QuestionKind::Person;
    }
    // ("which colour", "which slogan": a thing, as after "what".)
    let which_noun = words.windows(2).any(|p| {
        p[0] == "which" && !text::is_stop_word(p[1]) && !WHICH_THING_NOUNS.contains(&p[1])
    });
    if asks("who")
        || asks("whom")
        || has("whose")
        || has_seq("name", "of")
        || has_seq("names", "of")
        || what_which(text::GROUP_NOUNS)
        || which_noun
    {
        return QuestionKind::Person;
    }
    // ("a caller is asking whether he quit": a reported yes/no question.)
    if (text::is_auxiliary(first) || (first == "whether" && first_wh.is_empty()))
        && !words.iter().skip(1).any(|w| matches!(*w, "what" | "which"))
    {
        return QuestionKind::YesNo;
    }
    // "tikhanovskaya husband is in prison", "her husband is in jail?": a statement asked
    // about, its subject first (names, nouns and their determiners), then the auxiliary.
    if first_wh.is_empty() {
        // ("lukashenko gonna step down?": chat's "gonna" is "is going to".)
        let aux_at = words
            .iter()
            .position(|w| text::is_auxiliary(w) || *w == "gonna");
        let subject_first = aux_at.is_some_and(|k| {
            k > 0
                && words[..k].iter().enumerate().all(|(j, w)| {
                    !(text::is_stop_word(w) || (j == 0 && is_command(w))) || text::is_determiner(w)
                })
        });
        if subject_first {
            return QuestionKind::YesNo;
        }
    }
    // Keywords: "belarus ambassador slovakia name" asks a name, as "the name of" does; "newspaper
    // that posted the video" asks which one, as "which newspaper" does.
    if first_wh.is_empty() {
        let names_last = words.len() >= 2 && matches!(words[words.len() - 1], "name" | "names");
        let noun_at = usize::from(text::is_article(first));
        // ("newspaper posted ambassador video": the group, then what it did.)
        let which_one = words.len() > noun_at + 2
            && text::GROUP_NOUNS.contains(&words[noun_at])
            && (matches!(words[noun_at + 1], "that" | "who" | "which")
                || words[noun_at + 1].ends_with("ed"));
        if names_last || which_one {
            return QuestionKind::Person;
        }
        // "sat night protest location", "tikhanovskaya exile country": where.
        // (Not "handing over country": a noun after a preposition is its object.)
        let last = words.last().copied().unwrap_or("");
        let after_noun = words.len() >= 2 && !text::is_stop_word(words[words.len() - 2]);
        if words.len() >= 2
            && (matches!(last, "location" | "whereabouts" | "venue")
                || (text::PLACE_NOUNS.contains(&last) && after_noun))
        {
            return QuestionKind::Place;
        }
        // "eu sanctions decision day", "day protester died": when.
        if words.len() >= 2 && (matches!(last, "day" | "date") || matches!(first, "day" | "date")) {
            return QuestionKind::Time;
        }
        // "pro lukashenko rally attendance", "detention count from the crackdown": how many.
        let head = text::fragment_head(tokens).map_or(last, |h| words[h]);
        if words.len() >= 2
            && (text::COUNT_HEADS.contains(&head) || matches!(head, "turnout" | "attendance"))
        {
            return QuestionKind::Number;
        }
        // "timing of the vote": when.
        if words.len() >= 2 && matches!(head, "timing" | "date") {
            return QuestionKind::Time;
        }
        // "protest outside state tv centre reason": why.
        if words.len() >= 2
            && matches!(
                head,
                "reason" | "reasons" | "significance" | "motive" | "rationale"
            )
        {
            return QuestionKind::Reason;
        }
    }
    // "if lukashenko quits will there be a new election": the question after the condition.
    let subject_follows = |p: &[&str]| {
        text::is_auxiliary(p[0])
            && (matches!(
                p[1],
                "there" | "he" | "she" | "they" | "it" | "we" | "you" | "i"
            ) || text::is_article(p[1]))
    };
    if matches!(first, "if" | "unless")
        && first_wh.is_empty()
        && words
            .get(2..)
            .is_some_and(|rest| rest.windows(2).any(subject_follows))
    {
        return QuestionKind::YesNo;
    }
    QuestionKind::Thing
}

/// Particles that make a phrasal verb of the verb before them ("step down", "walk out").
const PARTICLES: &[&str] = &["down", "up", "out", "off", "over", "in", "away", "back"];

/// "lukashenko resign?", "russia sending troops?": a name and then a verb, asked with no
/// question word or auxiliary, asks whether it is so. The verb must be one that is no noun
/// ("resign"), an "-ing" form, or a phrasal verb ("step down"): "lukashenko rally" and
/// "tikhanovskaya demands" stay topics.
pub fn is_telegraphic_yes_no(tokens: &[Token], lexicon: &Lexicon) -> bool {
    let [subject, verb, rest @ ..] = tokens else {
        return false;
    };
    if rest.len() > 4
        || tokens
            .iter()
            .any(|t| QUESTION_WORDS.contains(&t.norm.as_str()))
        || text::is_stop_word(&subject.norm)
        || text::is_stop_word(&verb.norm)
    {
        return false;
    }
    let named =
        subject.acronym || lexicon.is_proper(&subject.norm) || !lexicon.knows(&subject.norm);
    let w = verb.norm.as_str();
    let verb_only = lexicon.can_be_verb(w) && !lexicon.lemmas(w).iter().any(|l| lexicon.is_noun(l));
    let phrasal = lexicon.can_be_verb(w)
        && rest
            .first()
            .is_some_and(|p| PARTICLES.contains(&p.norm.as_str()));
    let progressive = w.ends_with("ing") && lexicon.can_be_verb(w);
    named && (verb_only || phrasal || progressive)
}

/// Nouns after "which" that ask for a thing rather than a name: "which colour" is "white".
const WHICH_THING_NOUNS: &[&str] = &[
    "colour",
    "color",
    "colours",
    "colors",
    "language",
    "slogan",
    "slogans",
    "word",
    "words",
    "song",
    "phrase",
    "anniversary",
    "occasion",
    "event",
    "events",
];

/// A verb after which "when", "where" or "who" asks what it says ("did he *say* when ...",
/// "is it *known* who ...").
fn tells_or_knows(word: &str) -> bool {
    matches!(
        word,
        "say"
            | "said"
            | "tell"
            | "told"
            | "know"
            | "known"
            | "announce"
            | "announced"
            | "reveal"
            | "revealed"
            | "mention"
            | "mentioned"
            | "explain"
            | "explained"
            | "specify"
            | "specified"
            | "indicate"
            | "indicated"
            | "report"
            | "reported"
            | "decide"
            | "decided"
            | "clear"
            | "confirm"
            | "confirmed"
            | "disclose"
            | "disclosed"
            | "state"
            | "stated"
            | "ask"
            | "asked"
            | "show"
            | "shown"
    )
}

/// Verbs that open a request rather than a statement ("tell me ...", "show ...").
fn is_command(word: &str) -> bool {
    matches!(
        word,
        "tell" | "show" | "explain" | "give" | "list" | "describe" | "summarise" | "summarize"
    )
}

/// A verb with more WordNet senses than this names no event of its own ("go", "hold", "take",
/// 35 and more); "start", "stop" and "strike" (22 to 28) still do.
const MAX_EVENT_SENSES: usize = 30;

/// For a "when" or "where" question, the term that names the event asked about: the
/// question's last verb ("when will the strikes *end*"), unless it means too many things.
pub fn event_term(kind: QuestionKind, terms: &[QueryTerm], lexicon: &Lexicon) -> Option<usize> {
    if !matches!(kind, QuestionKind::Time | QuestionKind::Place) {
        return None;
    }
    terms.iter().rposition(|t| is_event_verb(t, lexicon))
}

/// Whether a term is a verb that names an event (see [`MAX_EVENT_SENSES`]).
fn is_event_verb(t: &QueryTerm, lexicon: &Lexicon) -> bool {
    !t.noun
        && lexicon.can_be_verb(&t.word)
        && !lexicon.is_proper(&t.word)
        && lexicon.most_senses(&t.word) <= MAX_EVENT_SENSES
}

/// The event a count is of: [`event_term`]'s, taken from the main clause ("how many were
/// *injured* when police cracked down", not "cracked down"), else from the whole question.
pub fn main_clause_event(
    question_tokens: &[Token],
    terms: &[QueryTerm],
    lexicon: &Lexicon,
) -> Option<usize> {
    let cut = question_tokens
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, t)| SUBORDINATORS.contains(&t.norm.as_str()))
        .map_or(question_tokens.len(), |(i, _)| i);
    let in_main = |t: &QueryTerm| {
        question_tokens[..cut].iter().any(|q| {
            q.norm == t.word
                || t.forms.contains(&q.norm)
                || t.word
                    .strip_prefix(q.norm.as_str())
                    .is_some_and(|rest| rest.starts_with('_'))
        })
    };
    terms
        .iter()
        .rposition(|t| is_event_verb(t, lexicon) && in_main(t))
        .or_else(|| event_term(QuestionKind::Time, terms, lexicon))
}

/// Words that open a clause of time, cause or condition inside a question.
const SUBORDINATORS: &[&str] = &[
    "when", "while", "after", "during", "because", "since", "if", "before", "until", "as",
];

/// What the first figure after the source asked about is preferred by (in tokens of distance,
/// see `distance`): the source's own figure, however far from the other question words.
const SOURCE_BONUS: f32 = 30.0;

/// Verbs by which a source gives a figure ("how many did afp *think* came").
const ESTIMATE_VERBS: &[&str] = &[
    "think",
    "say",
    "said",
    "count",
    "counted",
    "estimate",
    "estimated",
    "reckon",
    "report",
    "reported",
    "claim",
    "claimed",
    "put",
    "believe",
];

/// Words for a source's figure ("by afp *count*").
const ESTIMATE_NOUNS: &[&str] = &[
    "count",
    "counts",
    "estimate",
    "estimates",
    "figure",
    "figures",
    "tally",
    "numbers",
];

/// The term of the name a figure is asked from: right after "did"/"does"/"do" ("how many did
/// *afp* think") or "according to", if it is a name (an acronym or a word WordNet knows only
/// as a name, if at all).
fn source_term(question_tokens: &[Token], terms: &[QueryTerm], lexicon: &Lexicon) -> Option<usize> {
    let words: Vec<&str> = question_tokens.iter().map(|t| t.norm.as_str()).collect();
    let is_name = |t: &Token| t.acronym || names_something(lexicon, &t.norm);
    // "by afp count", "per afp's estimate", "by afp": a name after "by" or "per" that ends the
    // question or stands before a word for a count.
    let by_name = words.iter().enumerate().find_map(|(i, w)| {
        let t = question_tokens.get(i + 1)?;
        let next = words.get(i + 2).map(|n| n.trim_end_matches("'s"));
        (matches!(*w, "by" | "per")
            && is_name(t)
            && next.is_none_or(|n| ESTIMATE_NOUNS.contains(&n)))
        .then(|| retrieve::term_for(terms, &t.norm))
        .flatten()
    });
    if by_name.is_some() {
        return by_name;
    }
    // "afp said how many came", "afp journalist think how much people": the source first,
    // then its verb.
    let first = usize::from(words.first().is_some_and(|w| text::is_article(w)));
    let fronted = question_tokens.get(first).filter(|t| {
        is_name(t)
            && words
                .get(first + 1..)
                .is_some_and(|rest| rest.iter().take(2).any(|w| ESTIMATE_VERBS.contains(w)))
    });
    if let Some(t) = fronted {
        return retrieve::term_for(terms, &t.norm);
    }
    // "which number gave the afp journalist": the verb first, then the source (a learner's
    // word order).
    let inverted = words.iter().enumerate().find_map(|(i, w)| {
        if !(ESTIMATE_VERBS.contains(w) || matches!(*w, "gave" | "give" | "gives")) {
            return None;
        }
        let at = i + 1 + usize::from(words.get(i + 1).is_some_and(|n| text::is_article(n)));
        let t = question_tokens
            .get(at)
            .filter(|t| is_name(t) && !lexicon.can_be_verb(&t.norm))?;
        retrieve::term_for(terms, &t.norm)
    });
    if inverted.is_some() {
        return inverted;
    }
    let at = words.windows(2).enumerate().find_map(|(i, p)| match p {
        ["according", "to"] => Some(i + 2),
        [w, _] if matches!(*w, "did" | "does" | "do") && i > 0 => Some(i + 1),
        _ => None,
    })?;
    let mut at = at;
    if question_tokens.get(at).is_some_and(|t| t.norm == "the") {
        at += 1;
    }
    let t = question_tokens.get(at)?;
    // "did afp think / say / count": a source; "did tikhanovskaya get": the one counted of.
    let by_source = words
        .get(at.saturating_sub(2)..at)
        .is_some_and(|w| w == ["according", "to"])
        || words
            .get(at + 1..)
            .is_some_and(|rest| rest.iter().take(2).any(|w| ESTIMATE_VERBS.contains(w)));
    if !by_source {
        return None;
    }
    if !is_name(t) {
        return None;
    }
    retrieve::term_for(terms, &t.norm)
}

/// Whether a question word is a name: WordNet does not know it, or knows it as a name.
pub fn names_something(lexicon: &Lexicon, word: &str) -> bool {
    !lexicon.is_lemma(word) || lexicon.is_proper(word)
}

/// The plain words for people a count stands by ("6,700 individuals"): they count any kind of
/// person a question asks about.
const COUNTED_PEOPLE: &[&str] = &["people", "individuals", "persons"];

/// A question's head noun matched at least this well in a sentence is named there (see
/// `short_answer`'s counts of an event).
const HEAD_NAMED_MATCH: f32 = 0.7;

/// Units a duration is counted in ("26 years", "a week").
const TIME_UNITS: &[&str] = &[
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "decade",
    "decades",
];
const RELATIVE_TIMES: &[&str] = &["yesterday", "today", "tomorrow", "tonight", "weekend"];
const NUMBER_MODIFIERS: &[&str] = &[
    "more",
    "greater",
    "than",
    "about",
    "around",
    "approximately",
    "nearly",
    "almost",
    "over",
    "some",
    "least",
    "at",
    "up",
    "to",
    "roughly",
    "closer",
    "lot",
    "a",
    "under",
    "fewer",
    "less",
    "estimated",
    "of",
];
/// The distance given to an answer when the question's words are in its sentence only through
/// the person a pronoun or description stands for.
const NO_ANCHOR_DISTANCE: f32 = 10.0;
const LOCATIVE: &[&str] = &[
    "in", "at", "to", "from", "into", "near", "outside", "down", "along", "across", "toward",
    "towards", "inside", "through", "via",
];
/// Prepositions that say where relative to a place: kept in a "where" answer.
const POSITIONAL: &[&str] = &[
    "outside", "near", "inside", "beside", "behind", "opposite", "across", "along", "around",
];
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "n't", "declined", "refused", "rejected", "denied", "nor", "neither",
    "without", "won't", "cannot",
];

/// Verbs of standing for something. A passage that says what a thing stands for says why it
/// is chosen, but the answer is the thing's description, not the verb's clause.
const SIGNIFYING: &[&str] = &[
    "symbolise",
    "symbolize",
    "symbolises",
    "symbolizes",
    "represent",
    "represents",
    "signify",
    "signifies",
];

/// Whether a sentence gives a cause or a purpose, as answers to "why" do: "because", "due
/// to", "after", "amid", "in protest", "a sign that", or "to" before a verb ("to protect", "to
/// denounce").
pub fn states_reason(sentence: &str, lexicon: &Lexicon) -> bool {
    !reason_markers(&text::tokenize(sentence), lexicon).is_empty()
}

/// Whether the question is only a topic ("sanctions", "lukashenko speech"): no question word,
/// and no auxiliary opening a yes/no question.
pub fn is_topic_only(question_tokens: &[Token]) -> bool {
    let opens_yes_no = question_tokens.first().is_some_and(|t| {
        text::is_auxiliary(&t.norm) || matches!(t.norm.as_str(), "if" | "unless" | "whether")
    });
    // ("opposition colour", "protest slogans": a kind of thing named asks for its member.)
    !opens_yes_no
        && !question_tokens.iter().any(|t| {
            QUESTION_WORDS.contains(&t.norm.as_str())
                || WHICH_THING_NOUNS.contains(&t.norm.as_str())
        })
}

/// Whether a question asks about what is still to come: "when will ...", "when are they
/// going to ...", "what won't he do".
pub fn asks_future(question_tokens: &[Token]) -> bool {
    // "when would the new elections take place": a time still to come, if at all.
    // ("by what date would", "at which date": as "when".)
    let asks_when = question_tokens
        .first()
        .is_some_and(|t| matches!(t.norm.as_str(), "when" | "whens"))
        || question_tokens[..question_tokens.len().min(4)]
            .windows(2)
            .any(|w| matches!(w[0].norm.as_str(), "what" | "which") && w[1].norm == "date");
    // "when does she want the elections to be held", "when does she plan to hold them", "when
    // are the new elections happening": a wish or a plan.
    let wish = question_tokens
        .iter()
        .position(|t| matches!(t.norm.as_str(), "want" | "wants" | "plan" | "plans"))
        .is_some_and(|at| question_tokens[at + 1..].iter().any(|t| t.norm == "to"));
    let plan = question_tokens
        .get(1)
        .is_some_and(|t| matches!(t.norm.as_str(), "are" | "is" | "r"))
        && question_tokens
            .last()
            .is_some_and(|t| t.norm.len() > 4 && t.norm.ends_with("ing"));
    // "when do the new sanctions start", "when does it take effect": a start still to come.
    let scheduled = question_tokens
        .get(1)
        .is_some_and(|t| matches!(t.norm.as_str(), "do" | "does"))
        && question_tokens.iter().any(|t| {
            matches!(
                t.norm.as_str(),
                "start" | "starts" | "begin" | "begins" | "kick" | "effect" | "force"
            )
        });
    if asks_when && (wish || plan || scheduled) {
        return true;
    }
    // "what happens if he quits", "what if he steps down": what would follow.
    let what_if = question_tokens.first().is_some_and(|t| t.norm == "what")
        && question_tokens.windows(2).any(|w| {
            w[1].norm == "if"
                && matches!(
                    w[0].norm.as_str(),
                    "what" | "happens" | "happen" | "happening"
                )
        });
    if what_if {
        return true;
    }
    question_tokens.iter().enumerate().any(|(i, t)| {
        if asks_when && t.norm == "would" {
            return true;
        }
        let next = question_tokens.get(i + 1).map_or("", |n| n.norm.as_str());
        matches!(
            t.norm.as_str(),
            "will" | "won't" | "wont" | "gonna" | "shall"
        ) || (t.norm == "going" && next == "to")
    })
}

/// "how many police were hurt" against "a violent cops crackdown ... hundreds wounded": the
/// counted noun asked about is named only as a modifier of another noun the question does
/// not ask about ("cops crackdown"), so the passage counts someone else.
pub fn head_only_modifies(
    head: Option<usize>,
    sentence: &str,
    best: &Scored,
    lexicon: &Lexicon,
) -> bool {
    let Some(ht) = head else {
        return false;
    };
    let tokens = text::tokenize(sentence);
    let matched_by = |t: &Token, term: Option<usize>| {
        best.matched.iter().any(|&(s, e, tm, m)| {
            m >= 0.5 && s <= t.start && t.end <= e && term.is_none_or(|x| x == tm)
        })
    };
    let mut at = tokens
        .iter()
        .enumerate()
        // (Where a verb form matches the noun, "apprehended" for "policemen", it names none.)
        .filter(|(_, t)| matched_by(t, Some(ht)) && !lexicon.is_verb_form(&t.norm))
        .peekable();
    at.peek().is_some()
        && at.all(|(i, t)| {
            tokens.get(i + 1).is_some_and(|next| {
                sentence[t.end..next.start] == *" "
                    && !next.capitalized
                    && !lexicon.is_verb_form(&next.norm)
                    && lexicon
                        .lemmas(&next.norm)
                        .iter()
                        .any(|l| lexicon.is_noun(l))
                    && !matched_by(next, None)
            })
        })
}

/// Words that say something was only meant to happen: "they planned a strike".
const INTENT_WORDS: &[&str] = &[
    "plan",
    "plans",
    "planned",
    "planning",
    "prepared",
    "preparing",
    "intend",
    "intends",
    "intended",
    "threaten",
    "threatened",
    "threatens",
    "vow",
    "vowed",
    "pledge",
    "pledged",
    "promise",
    "promised",
    "will",
    "would",
];

/// Words that offer something: "ready to give aid", "*prepared* to offer assistance".
const OFFER_WORDS: &[&str] = &[
    "offer",
    "offers",
    "offered",
    "offering",
    "ready",
    "readiness",
    "prepared",
    "willing",
    "willingness",
];

/// Whether a yes/no question asks if something did happen, in fact: "did they actually
/// strike", "did the strike go ahead", "did it really happen". (Not when it asks about the plan
/// itself: "did they plan a strike".)
pub fn asks_if_it_happened(question_tokens: &[Token]) -> bool {
    let has = |w: &str| question_tokens.iter().any(|t| t.norm == w);
    let in_fact = has("actually")
        || has("really")
        || has("indeed")
        || question_tokens
            .windows(2)
            .any(|w| w[0].norm == "go" && w[1].norm == "ahead")
        || has("happened")
        || has("happen");
    // (Nor about an offer: "did russia actually offer help".)
    in_fact
        && !question_tokens.iter().any(|t| {
            INTENT_WORDS.contains(&t.norm.as_str()) || OFFER_WORDS.contains(&t.norm.as_str())
        })
}

/// Whether a word of `sentence` the question matched strongly (no name) stands just after a
/// word of intent ("stated they prepared *a strike* on Monday"), or the sentence offers on a
/// condition ("military assistance *if needed*"): what it matched was only meant to happen.
pub fn only_planned(sentence: &str, best: &Scored) -> bool {
    let tokens = text::tokenize(sentence);
    // (Not "prepared to offer aid": ready to, which is an offer made.)
    let intent_before = |i: usize| {
        (i.saturating_sub(3)..i)
            .any(|k| INTENT_WORDS.contains(&tokens[k].norm.as_str()) && tokens[k + 1].norm != "to")
    };
    let matched_at = |t: &Token, least: f32| {
        !t.capitalized
            && best
                .matched
                .iter()
                .any(|&(s, e, _, m)| m >= least && s <= t.start && t.end <= e)
    };
    // "ready to give military aid *if needed* via the army alliance": what is offered on a
    // condition, from the offer to a few words past the condition, is not carried out yet.
    let on_condition = tokens.windows(2).enumerate().any(|(i, w)| {
        let condition =
            w[0].norm == "if" && matches!(w[1].norm.as_str(), "needed" | "necessary" | "required");
        let offer = (0..i)
            .rev()
            .take(12)
            .find(|&k| OFFER_WORDS.contains(&tokens[k].norm.as_str()));
        condition
            && offer.is_some_and(|k| {
                tokens[k..(i + 8).min(tokens.len())]
                    .iter()
                    .any(|t| matched_at(t, 0.5))
            })
    });
    on_condition
        || tokens
            .iter()
            .enumerate()
            .any(|(i, t)| intent_before(i) && matched_at(t, 0.75))
}

/// Whether a question asks how something was done or came about: "how did he die", "how was
/// she chosen" (not "how many", "how long", "how old").
pub fn asks_manner(question_tokens: &[Token]) -> bool {
    let word = |i: usize| question_tokens.get(i).map_or("", |t| t.norm.as_str());
    word(0) == "how"
        && matches!(
            word(1),
            "did" | "does" | "do" | "was" | "were" | "is" | "are" | "has" | "had" | "exactly"
        )
}

/// Whether an answer only says amid what something happened ("throughout agitation on
/// Monday", "during the unrest"): a circumstance, no manner.
pub fn is_circumstance(answer: &str) -> bool {
    text::tokenize(answer)
        .first()
        .is_some_and(|t| matches!(t.norm.as_str(), "during" | "throughout" | "amid" | "amidst"))
}

/// Whether an answer only says when ("on Tuesday", "last week", "in August 2020"): a day, a
/// month, a year or a span of time, and function words.
pub fn only_when(answer: &str) -> bool {
    let tokens = text::tokenize(answer);
    let when = |t: &Token| {
        matches!(
            text::value_kind(&t.norm),
            Some(text::ValueKind::Weekday | text::ValueKind::Month | text::ValueKind::Year)
        ) || text::TIME_NOUNS.contains(&t.norm.as_str())
    };
    tokens.iter().any(when)
        && tokens.iter().all(|t| {
            when(t) || text::is_stop_word(&t.norm) || matches!(t.norm.as_str(), "last" | "next")
        })
}

/// Whether an answer only names a place ("in Lithuania", "Minsk"): places WordNet knows, and
/// function words.
pub fn only_where(answer: &str, lexicon: &Lexicon) -> bool {
    let tokens = text::tokenize(answer);
    let place = |t: &Token| t.capitalized && lexicon.is_place(&t.norm);
    tokens.iter().any(place)
        && tokens
            .iter()
            .all(|t| place(t) || text::is_stop_word(&t.norm))
}

/// The question's terms said of a condition ("what will she do *if lukashenko quits*"): those
/// of the words after its "if".
pub fn condition_terms(question_tokens: &[Token], terms: &[QueryTerm]) -> Vec<usize> {
    let Some(at) = question_tokens.iter().position(|t| t.norm == "if") else {
        return Vec::new();
    };
    let after: Vec<&str> = question_tokens[at + 1..]
        .iter()
        .map(|t| t.norm.as_str())
        .collect();
    terms
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.context && t.word.split('_').any(|w| after.contains(&w)))
        .map(|(i, _)| i)
        .collect()
}

/// Whether a sentence states the condition asked about: an "if" followed closely by a word one
/// of the `condition` terms matches ("... if Lukashenko steps down").
pub fn states_condition(sentence: &str, terms: &[QueryTerm], condition: &[usize]) -> bool {
    let tokens = text::tokenize(sentence);
    tokens.iter().enumerate().any(|(i, t)| {
        t.norm == "if"
            && tokens[i + 1..].iter().take(4).any(|n| {
                condition.iter().any(|&c| {
                    terms[c]
                        .matches
                        .get(&n.norm)
                        .is_some_and(|&m| m >= CONDITION_MATCH)
                })
            })
    })
}

/// How well a word after a passage's "if" must match a condition's term (see
/// [`states_condition`]).
const CONDITION_MATCH: f32 = 0.6;

/// Whether a question asks what someone promised, pledged or vowed to do ("what has she
/// promised to do if he steps down"): a deed still to come.
pub fn asks_promised_deed(question_tokens: &[Token]) -> bool {
    question_tokens.windows(2).any(|w| {
        matches!(
            w[0].norm.as_str(),
            "promise"
                | "promised"
                | "promises"
                | "pledge"
                | "pledged"
                | "pledges"
                | "vow"
                | "vowed"
                | "vows"
                | "undertake"
                | "undertaken"
                | "undertook"
        ) && w[1].norm == "to"
    })
}

/// Whether a sentence speaks of something still to come (a future, a plan, an intention), as an
/// answer to "when will ..." must: a past event's day does not answer it.
pub fn speaks_of_future(sentence: &str, lexicon: &Lexicon) -> bool {
    const CUES: &[&str] = &[
        "will", "would", "shall", "going", "plan", "intend", "schedule", "expect", "prepare",
        "due", "upcoming", "next", "tomorrow", "soon", "later", "future",
    ];
    // "Putin had guaranteed in a phone call to help": a promise is of a deed to come.
    const PROMISING: &[&str] = &["promise", "guarantee", "pledge", "vow", "undertake"];
    let tokens = text::tokenize(sentence);
    tokens.iter().enumerate().any(|(i, t)| {
        let lemmas = lexicon.lemmas(&t.norm);
        let among = |cues: &[&str]| {
            cues.contains(&t.norm.as_str()) || lemmas.iter().any(|l| cues.contains(&l.as_str()))
        };
        among(CUES) || (among(PROMISING) && tokens[i + 1..].iter().take(6).any(|n| n.norm == "to"))
    })
}

/// Token indexes where a cause or purpose begins (see [`states_reason`]).
fn reason_markers(tokens: &[Token], lexicon: &Lexicon) -> Vec<usize> {
    (0..tokens.len())
        .filter(|&i| {
            let t = &tokens[i];
            let next = tokens.get(i + 1).map_or("", |n| n.norm.as_str());
            // What an event shows: "in a first sign that ...", as "why does it matter" asks.
            let shown = i >= 2
                && tokens[i - 1].norm == "that"
                && matches!(
                    tokens[i - 2].norm.as_str(),
                    "sign" | "signal" | "indication" | "evidence" | "proof"
                );
            if shown {
                return true;
            }
            match t.norm.as_str() {
                "because" | "amid" | "amidst" | "after" | "following" | "since" | "so" => true,
                "due" | "owing" | "thanks" => next == "to",
                "in" => matches!(next, "protest" | "order" | "response"),
                "complaining" | "arguing" => matches!(next, "that" | "about" | "of"),
                // What a thing stands for says why it is chosen: "white, the colour that has
                // come to symbolise the opposition" for "why are they wearing white".
                w if SIGNIFYING.contains(&w) => true,
                // "a movement fanned by a crackdown": what caused it follows "by".
                "caused" | "driven" | "fuelled" | "fueled" | "fanned" | "sparked" | "triggered"
                | "prompted" | "provoked" | "spurred" | "inflamed" | "stoked" | "motivated" => {
                    next == "by"
                }
                // "not to defend me ... but to protect your country": a denied purpose is
                // not the reason.
                "to" => {
                    let denied = i > 0 && text::is_negation(&tokens[i - 1].norm);
                    !next.is_empty()
                        && !denied
                        && lexicon.is_lemma(next)
                        && lexicon.can_be_verb(next)
                        && !text::is_stop_word(next)
                        && !lexicon.is_verb_form(next)
                }
                _ => false,
            }
        })
        .collect()
}

/// Whether the verb at token `i` is the verb of a phrasal verb ("came out" of the building):
/// then it does not mean what the verb alone means, nor its opposite ("go").
fn in_phrasal_verb(tokens: &[Token], i: usize, lexicon: &Lexicon) -> bool {
    let Some(next) = tokens.get(i + 1) else {
        return false;
    };
    text::is_stop_word(&next.norm)
        && lexicon
            .lemmas(&tokens[i].norm)
            .iter()
            .any(|l| lexicon.is_lemma(&format!("{l}_{}", next.norm)))
}

/// "who is X", "who was X", "what is X": a question that asks what someone or something is.
pub fn is_identity_question(question_tokens: &[Token]) -> bool {
    // "what was the march called", "what is the name of the march" ask for the name itself.
    if asks_name(question_tokens) {
        return false;
    }
    let words: Vec<&str> = question_tokens.iter().map(|t| t.norm.as_str()).collect();
    // "who is the russian president" asks for a name, not what a name is.
    let asks_name = |det: &str| words[0].starts_with("who") && text::is_article(det);
    // "who is facing ...", "who was leading ...": a verb in progress, not what someone is.
    if words
        .get(2)
        .is_some_and(|w| w.len() > 5 && w.ends_with("ing"))
    {
        return false;
    }
    match words.as_slice() {
        ["who" | "what", "is" | "was" | "are" | "were", next, ..] => !asks_name(next),
        ["whos" | "whats", next, ..] => !asks_name(next),
        _ => false,
    }
}

/// What a passage says the name at tokens `[start, end)` is: an appositive after it
/// ("Tikhanovskaya, a 37-year-old political beginner"), one before it ("the Belarusian
/// ambassador to Slovakia, Igor Leshchenya") or a title right before it ("Belarusian
/// President Alexander Lukashenko").
fn description(
    tokens: &[Token],
    sentence: &str,
    start: usize,
    end: usize,
    lexicon: &Lexicon,
) -> Option<String> {
    let gap = |i: usize| &sentence[tokens[i - 1].end..tokens[i].start];
    let article = |t: &Token| matches!(t.norm.as_str(), "a" | "an" | "the");
    // After: ", a ..." up to the next comma, dash or relative pronoun.
    if end < tokens.len() && gap(end).trim() == "," && article(&tokens[end]) {
        let mut e = end + 1;
        while e < tokens.len()
            && e < end + 10
            && !gap(e).contains([',', ';', '.', '—', '('])
            && !matches!(tokens[e].norm.as_str(), "who" | "which" | "that" | "whose")
        {
            e += 1;
        }
        if e > end + 1 {
            return Some(sentence[tokens[end].start..tokens[e - 1].end].to_string());
        }
    }
    // Before: "the ... , NAME," (set off by commas), from the article that opens it.
    let closed = end >= tokens.len() || gap(end).contains([',', '.', ';', '—']);
    if start > 1 && gap(start).trim() == "," && closed {
        let mut s = start - 1;
        while s > 0
            && start - s < 10
            && !gap(s).contains([',', ';', '.', '—'])
            && !article(&tokens[s])
        {
            s -= 1;
        }
        if article(&tokens[s]) && s + 1 < start {
            return Some(sentence[tokens[s].start..tokens[start - 1].end].to_string());
        }
    }
    // A title right before: the words up to a function word or a verb.
    let mut s = start;
    while s > 0
        && gap(s) == " "
        && !text::is_stop_word(&tokens[s - 1].norm)
        && !lexicon.is_verb_form(&tokens[s - 1].norm)
        && !tokens[s - 1].number
        && !is_time(&tokens[s - 1])
    {
        s -= 1;
    }
    (s < start).then(|| sentence[tokens[s].start..tokens[start - 1].end].to_string())
}

/// Whether the question uses `word` as a verb: a word that can be one and does not follow an
/// article, a possessive or a preposition ("at the weekend" is no verb; "ask" in "did she ask"),
/// nor a preposition's phrase ("at the saturday protest"; but "did the ambassador say" is one).
fn used_as_verb(question_tokens: &[Token], word: &str, lexicon: &Lexicon) -> bool {
    let preposition = |w: &str| {
        matches!(
            w,
            "at" | "in" | "on" | "of" | "for" | "with" | "by" | "from" | "about"
        )
    };
    let norm = |p: usize| question_tokens[p].norm.as_str();
    lexicon.can_be_verb(word)
        && question_tokens.iter().enumerate().any(|(i, t)| {
            if t.norm != word {
                return false;
            }
            // Back over modifiers that cannot be verbs ("saturday" in "the saturday protest").
            let mut before = i.checked_sub(1);
            let mut steps = 0;
            while let Some(p) = before {
                let w = norm(p);
                if steps >= 2 || text::is_stop_word(w) || lexicon.can_be_verb(w) {
                    break;
                }
                before = p.checked_sub(1);
                steps += 1;
            }
            let in_noun_phrase = before.is_some_and(|p| {
                if steps == 0 {
                    text::is_determiner(norm(p)) || preposition(norm(p))
                } else {
                    preposition(norm(p))
                        || (text::is_determiner(norm(p)) && p > 0 && preposition(norm(p - 1)))
                }
            });
            !in_noun_phrase
        })
}

/// Whether the question asks what something is called: "what was the march called", "the name
/// of the council".
pub fn asks_name(tokens: &[Token]) -> bool {
    let name = |t: &Token| matches!(t.norm.as_str(), "name" | "names");
    text::asks_what_called(tokens)
        || tokens.windows(2).any(|p| name(&p[0]) && p[1].norm == "of")
        // "what's her husband's name"
        || (tokens.len() >= 3
            && tokens.last().is_some_and(name)
            && !text::is_stop_word(&tokens[tokens.len() - 2].norm))
}

/// Whether the name `answer` holds a common word the question asks about, as a name of that
/// thing does: "March for Freedom" for "what was the march called", "Coordination Council" for
/// "the name of the council" (not "Svetlana Tikhanovskaya" for "the name of her rival").
pub fn name_holds_asked(answer: &str, terms: &[QueryTerm], lexicon: &Lexicon) -> bool {
    text::tokenize(answer).iter().any(|t| {
        t.capitalized
            && !t.number
            && !text::is_stop_word(&t.norm)
            && lexicon.is_lemma(&t.norm)
            && !lexicon.is_proper(&t.norm)
            && terms
                .iter()
                .any(|q| q.word == t.norm || q.forms.contains(&t.norm))
    })
}

/// Nouns for a body of people or a publisher, which its name answers ("which rights *group*":
/// "Amnesty International"; "which *outlet*": "Nasha Niva").
const BODY_NOUNS: &[&str] = &[
    "agency",
    "alliance",
    "bloc",
    "body",
    "council",
    "group",
    "media",
    "newspaper",
    "ngo",
    "organisation",
    "organization",
    "outlet",
    "paper",
    "publication",
    "union",
    "watchdog",
];

/// Whether a question's head noun names a kind of body (see `BODY_NOUNS`).
pub fn is_body_noun(head: &str) -> bool {
    BODY_NOUNS.contains(&head)
        || head
            .strip_suffix('s')
            .is_some_and(|h| BODY_NOUNS.contains(&h))
}

/// The first name of a body in a passage's `text` (see [`is_body_name`]): two capitalised
/// words or more ("Amnesty International", not a sentence's first word), or an acronym
/// ("CSTO"), for "which rights group" where the passage's verb is not the question's.
pub fn body_name_in(text: &str, lexicon: &Lexicon) -> Option<String> {
    let tokens = text::tokenize(text);
    let named = |i: usize| {
        let t: &Token = &tokens[i];
        !t.number && (t.acronym || (t.capitalized && i > 0))
    };
    let mut i = 0;
    while i < tokens.len() {
        let mut end = i;
        while end < tokens.len() && named(end) && !(end > i && tokens[end - 1].possessive) {
            end += 1;
        }
        if end > i {
            let name = &text[tokens[i].start..tokens[end - 1].end];
            if (end - i >= 2 || tokens[i].acronym) && is_body_name(name, lexicon) {
                return Some(name.to_string());
            }
        }
        i = end.max(i + 1);
    }
    None
}

/// Whether `answer` is the name of a body: capitals or an acronym for each of its words but
/// the small ones ("Amnesty International", "CSTO", "Nasha Niva"), and not a place's
/// ("Independence Avenue", "Minsk").
pub fn is_body_name(answer: &str, lexicon: &Lexicon) -> bool {
    let words: Vec<Token> = text::tokenize(answer)
        .into_iter()
        .filter(|t| !text::is_stop_word(&t.norm))
        .collect();
    !words.is_empty()
        && words
            .iter()
            .all(|t| (t.capitalized || t.acronym) && !t.number)
        && !words
            .iter()
            .any(|t| text::PLACE_NOUNS.contains(&t.norm.as_str()) || lexicon.is_place(&t.norm))
}

/// Whether the place `answer` holds a capitalised word the question's head noun matches
/// closely ("Independence Avenue" for "which street": an avenue is a street).
pub fn place_holds_head(answer: &str, head: &QueryTerm) -> bool {
    text::tokenize(answer).iter().any(|t| {
        t.capitalized
            && !t.number
            && (head.word == t.norm || head.matches.get(&t.norm).is_some_and(|&m| m >= 0.6))
    })
}

/// Whether the place `answer` names a place that WordNet files under the question's head noun
/// ("Russia" for "which country", "Minsk" for "which city").
pub fn place_of_head_kind(answer: &str, head: &QueryTerm, lexicon: &Lexicon) -> bool {
    let kinds: Vec<&str> = head.forms.iter().map(String::as_str).collect();
    text::tokenize(answer).iter().any(|t| {
        t.capitalized
            && !t.number
            && (retrieve::is_place_of_kind(lexicon, &t.norm, &kinds)
                || retrieve::names_place_of_kind(lexicon, &t.norm, &kinds))
    })
}

/// The question's words without the adverbs that only stress ("actually", "really", "exactly"),
/// which a question's pattern passes over.
fn unstressed_words(tokens: &[Token]) -> Vec<&str> {
    tokens
        .iter()
        .map(|t| t.norm.as_str())
        .filter(|w| !(w.ends_with("ly") && text::is_stop_word(w)))
        .collect()
}

/// Whether a "who" question asks who belongs to something: "who is on the council", "who's in
/// that group", "who's actually on it" (an adverb that only stresses is passed over).
pub fn asks_members(question_tokens: &[Token]) -> bool {
    let words = unstressed_words(question_tokens);
    words.windows(3).any(|w| {
        w[0] == "who"
            && (matches!(w[1], "on" | "in")
                || (matches!(w[1], "is" | "are" | "was" | "were") && matches!(w[2], "on" | "in")))
    })
}

/// The noun a question asks about: "people" in "how many people were killed", "ambassador" in
/// "which belarusian ambassador backed...", "husband" in "the name of her husband". The answer
/// must stand next to it in the passage.
pub fn question_head(tokens: &[Token], lexicon: &Lexicon) -> Option<String> {
    question_head_phrase(tokens, lexicon).pop()
}

/// The noun phrase of [`question_head`], its head last: "opposition", "leader" in "the name of
/// the opposition leader". Empty when the question asks about no noun.
fn question_head_phrase(tokens: &[Token], lexicon: &Lexicon) -> Vec<String> {
    let words = unstressed_words(tokens);
    // "what did they call the march": the thing after the verb that names it; "what name did
    // they give (to) the march", "what was the name they gave to it": the thing given the name.
    let named = text::name_giving_verb(&words)
        .map(|v| v + 1)
        .or_else(|| text::name_given_to(&words));
    let start = named.or_else(|| {
        words
            .windows(2)
            .enumerate()
            .find_map(|(i, p)| match (p[0], p[1]) {
                ("how", "many") | ("how", "much") | ("name" | "names", "of") => Some(i + 2),
                // "the date of birth": the date must be the birth's.
                ("date" | "day" | "year" | "time", "of") => Some(i + 2),
                ("which", w) if !text::is_stop_word(w) => Some(i + 1),
                // "who are the members of the council": the people in that role. ("who is the
                // russian president" is answered by a name, whatever the passage calls him.)
                // ("who are members of this council": a plural role, with or without "the".)
                ("who", "are" | "were")
                    if words.get(i + 2).is_some_and(|w| {
                        text::is_determiner(w)
                            || (words.get(i + 3) == Some(&"of")
                                && retrieve::is_person_noun(lexicon, w))
                    }) =>
                {
                    Some(i + 2)
                }
                // "who is on the coordination council": its members, named as such.
                // ("who's" reads as "who".)
                ("who", "is" | "are" | "was" | "were" | "on" | "in") => {
                    let at = if matches!(p[1], "on" | "in") {
                        i + 1
                    } else {
                        i + 2
                    };
                    let on = words.get(at).is_some_and(|w| matches!(*w, "on" | "in"));
                    let article = words.get(at + 1).is_some_and(|w| text::is_determiner(w));
                    (on && article).then_some(at + 1)
                }
                // "what street": a place of that kind.
                ("what" | "whats", w) if text::PLACE_NOUNS.contains(&w) => Some(i + 1),
                // "what new group", "what rights body": a body of that kind.
                ("what" | "whats", _)
                    if words[i + 1..]
                        .iter()
                        .take(3)
                        .take_while(|w| !text::is_stop_word(w))
                        .any(|w| is_body_noun(w)) =>
                {
                    Some(i + 1)
                }
                // "what was the opposition march on sunday called": the march.
                ("what" | "whats", "is" | "was" | "are" | "were")
                    if i == 0 && text::asks_what_called(tokens) =>
                {
                    Some(i + 2)
                }
                // "what's the new council she set up called" ("what's" reads as "what").
                ("what" | "whats", _) if i == 0 && text::asks_what_called(tokens) => Some(i + 1),
                _ => None,
            })
    });
    let Some(start) = start else {
        return Vec::new();
    };
    let counting = start >= 2 && words[start - 2] == "how" && words[start - 1] == "many";
    let mut phrase: Vec<String> = Vec::new();
    for (i, w) in words.iter().enumerate().skip(start) {
        // ("the name of *that* war memorial", "the name of *her* husband".)
        if text::is_determiner(w) && phrase.is_empty() {
            continue;
        }
        // ("which diplomat publicly expressed": an adverb begins the clause about it.)
        let adverb = w.ends_with("ly") && lexicon.is_adverb(w) && !lexicon.is_noun(w);
        if text::is_stop_word(w) || lexicon.is_verb_form(w) || (adverb && !phrase.is_empty()) {
            break;
        }
        // "the council tikhanovskaya set up": a name (a word WordNet does not know) after the
        // noun, before a verb, begins a clause about it.
        let known = lexicon.lemmas(w).iter().any(|l| lexicon.is_lemma(l));
        // ("how many years lukashenko has ruled": an auxiliary begins it too.)
        let verb_next = words.get(i + 1).is_some_and(|n| {
            (!text::is_stop_word(n) && lexicon.can_be_verb(n)) || text::is_tense_auxiliary(n)
        });
        // ("which alliance kremlin mentioned": a name WordNet knows, before a word that is only
        // a verb.)
        let only_verb_next = words.get(i + 1).is_some_and(|n| {
            (lexicon.is_verb_form(n) && !lexicon.is_noun(n)) || text::is_auxiliary(n)
        });
        if !phrase.is_empty() && ((!known && verb_next) || (lexicon.is_proper(w) && only_verb_next))
        {
            break;
        }
        phrase.push(w.to_string());
        // "how many people police arrest": what is counted is a plural, and a noun after it
        // begins the clause about it (one that counts does not modify another noun).
        if counting && is_plural_noun(w, lexicon) {
            break;
        }
    }
    phrase
}

/// Whether `word` is a plural noun: "people", "protesters" (not "news", a lemma of its own).
fn is_plural_noun(word: &str, lexicon: &Lexicon) -> bool {
    matches!(
        word,
        "people" | "men" | "women" | "children" | "folks" | "police"
    ) || (word.ends_with('s')
        && !lexicon.is_lemma(word)
        && lexicon
            .lemmas(word)
            .iter()
            .any(|l| l != word && lexicon.is_noun(l)))
}

/// The noun of a "who is the N ..." question: the role of the person asked about ("diplomat"
/// in "who is the diplomat in the video").
fn role_noun<'q>(question_tokens: &'q [Token], lexicon: &Lexicon) -> Option<&'q str> {
    let words: Vec<&str> = question_tokens.iter().map(|t| t.norm.as_str()).collect();
    let at = words.windows(3).position(|w| {
        w[0] == "who" && matches!(w[1], "is" | "was" | "are" | "were") && text::is_determiner(w[2])
    })?;
    let noun = *words.get(at + 3)?;
    retrieve::is_person_noun(lexicon, noun).then_some(noun)
}

/// The place a "which N in X" question looks inside: "lithuania" in "which city in lithuania
/// is she staying in" (and "in which city of lithuania is she staying").
fn place_within<'a>(question_tokens: &'a [Token], lexicon: &Lexicon) -> Option<&'a str> {
    // ("where exactly in lithuania")
    let words = unstressed_words(question_tokens);
    let asked = words.iter().position(|w| matches!(*w, "which" | "what"));
    if let Some(&["which" | "what", noun, "in" | "of", name, ..]) = asked.map(|i| &words[i..]) {
        if !text::is_stop_word(noun) && lexicon.is_proper(name) && lexicon.is_place(name) {
            return Some(name);
        }
    }
    // "which lithuanian city": the adjective of a place's name, before a noun for places.
    if let Some(&["which" | "what", adjective, noun, ..]) = asked.map(|i| &words[i..]) {
        let of_place = lexicon.related(adjective).any(|(relation, _, other)| {
            relation == Relation::Derived && lexicon.is_proper(other) && lexicon.is_place(other)
        });
        if of_place && text::PLACE_NOUNS.contains(&noun) {
            return Some(adjective);
        }
    }
    match words.as_slice() {
        // "where in lithuania is she staying"
        ["where" | "wheres", "in", name, ..]
            if lexicon.is_proper(name) && lexicon.is_place(name) =>
        {
            Some(name)
        }
        _ => None,
    }
}

/// A candidate span of the answer, in token indexes `[start, end)` of the sentence.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
}

fn is_time(t: &Token) -> bool {
    text::is_weekday(&t.norm)
        || text::is_unambiguous_month(&t.norm)
        || RELATIVE_TIMES.contains(&t.norm.as_str())
        || (t.number && t.norm.len() == 4 && (t.norm.starts_with("19") || t.norm.starts_with("20")))
}

/// Whether `answer` gives a figure ("a lot more 6,700", "two individuals dead").
pub fn holds_figure(answer: &str) -> bool {
    text::tokenize(answer).iter().any(is_number)
}

fn is_number(t: &Token) -> bool {
    t.number || text::NUMBER_WORDS.contains(&t.norm.as_str()) || is_decade_count(&t.norm)
}

/// "10s", "100s": tens, hundreds (as in "10s of thousands"), not a decade like "1990s".
fn is_decade_count(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(|d| {
        (2..=4).contains(&d.len()) && d.starts_with('1') && d[1..].bytes().all(|b| b == b'0')
    })
}

/// Whether the token at `i` looks like part of a name: capitalised, not a date word, and not a
/// common word that is capitalised only because it opens the sentence.
fn is_name_part(tokens: &[Token], i: usize, lexicon: &Lexicon) -> bool {
    let t = &tokens[i];
    if !t.capitalized || t.number || is_time(t) || text::is_stop_word(&t.norm) {
        return false;
    }
    // "ex-Soviet", "post-Soviet": a name made a modifier of a time before or after it.
    let dated = t.hyphenated
        && i > 0
        && matches!(
            tokens[i - 1].norm.as_str(),
            "ex" | "post" | "pre" | "non" | "neo"
        );
    let common = lexicon.lemmas(&t.norm).iter().any(|l| lexicon.is_lemma(l));
    !(dated || (i == 0 && common))
}

/// Typed candidates in a sentence: runs of tokens of the wanted kind.
fn typed_spans(
    kind: QuestionKind,
    tokens: &[Token],
    sentence: &str,
    lexicon: &Lexicon,
    durations: bool,
) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        // "a week", "the last week" are durations as "26 years" is.
        let one_unit = durations
            && matches!(t.norm.as_str(), "a" | "an" | "last")
            && tokens
                .get(i + 1)
                .is_some_and(|n| TIME_UNITS.contains(&n.norm.as_str()));
        let hit = match kind {
            QuestionKind::Number => (is_number(t) && !is_time(t)) || one_unit,
            QuestionKind::Time => is_time(t),
            QuestionKind::Person | QuestionKind::Place => is_name_part(tokens, i, lexicon),
            _ => false,
        };
        if !hit {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < tokens.len() {
            let n = &tokens[end];
            let gap = &sentence[tokens[end - 1].end..n.start];
            let joined = gap.trim().is_empty() || gap == "-";
            let more = match kind {
                QuestionKind::Number => {
                    joined
                        && (is_number(n)
                            || n.norm == "of"
                                && end + 1 < tokens.len()
                                && is_number(&tokens[end + 1]))
                }
                QuestionKind::Time => {
                    joined
                        && (is_time(n)
                            || n.number
                            || matches!(
                                n.norm.as_str(),
                                "night" | "morning" | "evening" | "afternoon"
                            ))
                }
                _ => {
                    let linker = matches!(n.norm.as_str(), "for" | "of")
                        && gap == " "
                        && end + 1 < tokens.len()
                        && is_name_part(tokens, end + 1, lexicon)
                        && sentence[n.end..tokens[end + 1].start] == *" ";
                    (joined && is_name_part(tokens, end, lexicon)) || linker
                }
            };
            if !more {
                break;
            }
            end += 1;
        }
        spans.push(Span { start: i, end });
        i = end;
    }
    // Also "at a battle memorial" for where, "called by the resistance" for who: the words
    // after a locative preposition, or after the "by" of a passive verb.
    for (k, t) in tokens.iter().enumerate() {
        let opens = match kind {
            QuestionKind::Place => LOCATIVE.contains(&t.norm.as_str()),
            QuestionKind::Person => {
                t.norm == "by" && k > 0 && lexicon.is_verb_form(&tokens[k - 1].norm)
            }
            _ => false,
        };
        if !opens {
            continue;
        }
        // "to ensure", "to crush the resistance", "to keep up stress": an infinitive, not a
        // place. (A word that can be a noun too is a verb when an object or a particle
        // follows it.)
        let infinitive = t.norm == "to"
            && tokens.get(k + 1).is_some_and(|n| {
                let object_follows = tokens.get(k + 2).is_some_and(|after| {
                    text::is_determiner(&after.norm)
                        || matches!(
                            after.norm.as_str(),
                            "up" | "down"
                                | "out"
                                | "off"
                                | "away"
                                | "back"
                                | "that"
                                | "us"
                                | "them"
                        )
                });
                !n.capitalized
                    && lexicon.can_be_verb(&n.norm)
                    && (object_follows
                        || !lexicon.lemmas(&n.norm).iter().any(|l| lexicon.is_noun(l)))
            });
        if infinitive {
            continue;
        }
        let mut s = k + 1;
        while s < tokens.len() && matches!(tokens[s].norm.as_str(), "a" | "an" | "the") {
            s += 1;
        }
        let mut e = s;
        while e < tokens.len()
            && e < s + 4
            && !text::is_stop_word(&tokens[e].norm)
            && !tokens[e].number
        {
            e += 1;
            let gap = tokens.get(e).map(|n| &sentence[tokens[e - 1].end..n.start]);
            if gap.is_some_and(|g| g.trim() != "" && g != "-") {
                break;
            }
        }
        let complex_preposition = e == s + 1 && tokens.get(e).is_some_and(|n| n.norm == "of");
        if e <= s || complex_preposition {
            continue;
        }
        // "in front of flag-waving supporters", "in a bold speech": people and deeds are not
        // where something happened.
        let head = &tokens[e - 1];
        if kind == QuestionKind::Place
            && !head.capitalized
            && (retrieve::is_person_noun(lexicon, &head.norm)
                || retrieve::is_act_noun(lexicon, &head.norm))
        {
            continue;
        }
        // "at the area where a 34-year-old militant passed away": a place that says nothing
        // of itself is the one its "where" clause tells of.
        let told_where = kind == QuestionKind::Place
            && e == s + 1
            && VAGUE_PLACES.contains(&tokens[s].norm.as_str())
            && tokens.get(e).is_some_and(|n| n.norm == "where");
        let e = if told_where {
            clause_end(tokens, sentence, e).unwrap_or(e)
        } else {
            e
        };
        let overlaps = |sp: &Span| sp.start < e && s < sp.end;
        if !spans.iter().any(overlaps) {
            spans.push(Span {
                start: k + 1,
                end: e,
            });
        } else if kind == QuestionKind::Place
            && spans
                .iter()
                .all(|sp| !overlaps(sp) || (s <= sp.start && sp.end <= e))
        {
            // "outside the Belarusian state television centre": the name is part of the place.
            spans.retain(|sp| !overlaps(sp));
            spans.push(Span {
                start: k + 1,
                end: e,
            });
        }
    }
    spans
}

/// Nouns of a place that say nothing of which place ("the area", "the spot").
const VAGUE_PLACES: &[&str] = &["area", "place", "spot", "site", "scene", "location"];

/// How much the people a passage says did what a "who" question asks ("demonstrators held
/// placards") are preferred, in words of distance, when the passage names them by the verb.
const DOER_BONUS: f32 = 3.0;

/// How much a name right before the verb a "who" question asks about is preferred ("The
/// Kremlin said" for "who said"), in words of distance: it is that verb's subject.
const SUBJECT_BONUS: f32 = 10.0;

/// How much a name by the word that matches the role a "who is the N" question names is
/// preferred ("the ambassador to Slovakia, Igor Leshchenya"), in words of distance.
const ROLE_BONUS: f32 = 4.0;

/// The verb of a "who" question that asks who did something ("who walked off the job", "who
/// has called for strikes", "who was holding"); None when it asks who something was done to
/// ("who was arrested") or who someone else acted on ("who did amnesty accuse").
fn asks_doer(question_tokens: &[Token]) -> Option<&str> {
    // ("who *actually* walked off": an adverb before the verb says nothing of who.)
    let words: Vec<&str> = question_tokens
        .iter()
        .map(|t| t.norm.as_str())
        .filter(|w| {
            !matches!(
                *w,
                "actually"
                    | "really"
                    | "exactly"
                    | "first"
                    | "just"
                    | "ever"
                    | "even"
                    | "also"
                    | "still"
                    | "originally"
                    | "initially"
                    | "finally"
                    | "eventually"
                    | "then"
            )
        })
        .collect();
    let at = words.iter().position(|&w| w == "who")?;
    let next = *words.get(at + 1)?;
    if !text::is_stop_word(next) {
        return Some(next);
    }
    let after = *words.get(at + 2)?;
    // "who has called for", "who was holding" (not "who was arrested").
    let perfect = matches!(next, "has" | "have" | "had");
    let progressive = matches!(next, "is" | "are" | "was" | "were") && after.ends_with("ing");
    ((perfect || progressive) && !text::is_stop_word(after)).then_some(after)
}

/// The noun phrase that does the verb at token `verb`, when it names people by what they are
/// rather than by name: "Demonstrators held", "numerous workers at state-run factories walked
/// off", "10s of hundreds of people walked". None when the word before the verb (past an
/// auxiliary or adverb) is not such a phrase.
fn doer_phrase(tokens: &[Token], sentence: &str, verb: usize, lexicon: &Lexicon) -> Option<Span> {
    let joined = |a: usize| {
        let gap = &sentence[tokens[a].end..tokens[a + 1].start];
        gap == " " || gap == "-"
    };
    let mut end = verb;
    // "have released", "likewise objected"
    for _ in 0..2 {
        let prev = end.checked_sub(1)?;
        let word = tokens[prev].norm.as_str();
        let adverb_only = lexicon.is_adverb(word) && !lexicon.is_noun(word);
        if !(matches!(word, "has" | "have" | "had") || adverb_only) || !joined(prev) {
            break;
        }
        end = prev;
    }
    let last = end.checked_sub(1)?;
    if !joined(last) {
        return None;
    }
    // "Lukashenko's press service stated": whatever says something speaks for people.
    let reports = lexicon
        .lemmas(&tokens[verb].norm)
        .iter()
        .any(|l| retrieve::REPORTING_VERBS.contains(&l.as_str()));
    let person = |i: usize| {
        let t = &tokens[i];
        // A capital inside the sentence starts a name, which `typed_spans` finds.
        let plain_word = !t.number && !text::is_stop_word(&t.norm) && (i == 0 || !t.capitalized);
        plain_word
            && (retrieve::is_person_noun(lexicon, &t.norm)
                || retrieve::is_group_of_people(lexicon, &t.norm)
                // (Only right before the verb: "the poll in which he asserted" is his.)
                || (reports
                    && i == last
                    && lexicon.is_noun(&t.norm)
                    && !lexicon.is_verb_form(&t.norm))
                || lexicon.lemmas(&t.norm).iter().any(|l| l == "people"))
    };
    // An adjective ("brutal") or a name ("Belarusian"), not a common word capitalised as a
    // title ("President").
    let describes = |i: usize| {
        let t = &tokens[i];
        let word = t.norm.as_str();
        let title = t.capitalized && i > 0 && lexicon.is_lemma(word) && !lexicon.is_proper(word);
        let adjective_or_name = lexicon.is_adjective(word) || t.capitalized;
        !text::is_stop_word(word) && !title && adjective_or_name && !lexicon.is_verb_form(word)
    };
    // Words that can stand before the noun in its phrase: "the", "an AFP", "approximately
    // 100,000", "brutal".
    let modifier = |i: usize| {
        let t = &tokens[i];
        let word = t.norm.as_str();
        if is_time(t) {
            return false;
        }
        matches!(word, "the" | "a" | "an" | "many" | "numerous" | "several" | "some")
            // "10s of hundreds of people"
            || (word == "of" && i > 0 && is_number(&tokens[i - 1]))
            || NUMBER_MODIFIERS.contains(&word)
            || is_number(t)
            || t.acronym
            || describes(i)
    };
    // The phrase's head noun: the word before the verb, or the noun a short prepositional
    // phrase before it hangs on ("workers at state-run factories").
    let head = if person(last) {
        last
    } else {
        (last.saturating_sub(4)..last)
            .rev()
            .find(|&p| {
                p > 0
                    && matches!(tokens[p].norm.as_str(), "at" | "of" | "from" | "in")
                    && person(p - 1)
                    && (p - 1..last).all(joined)
            })?
            .checked_sub(1)?
    };
    let mut start = head;
    // A noun right before the head makes one with it ("press service").
    if reports
        && start > 0
        && joined(start - 1)
        && !text::is_stop_word(&tokens[start - 1].norm)
        && !tokens[start - 1].capitalized
        && lexicon.is_noun(&tokens[start - 1].norm)
    {
        start -= 1;
    }
    while start > 0 && head - start < 5 && joined(start - 1) && modifier(start - 1) {
        start -= 1;
    }
    // An article opens the phrase; it is no part of the answer.
    while start < head && text::is_article(&tokens[start].norm) {
        start += 1;
    }
    Some(Span {
        start,
        end: last + 1,
    })
}

/// How much a name is put back, in words of distance, as the answer to "who won" when the
/// passage names it as the other side ("triumph over Svetlana Tikhanovskaya").
const OTHER_SIDE_PENALTY: f32 = 30.0;

/// Whether the words from `at` stand on the other side of what the passage tells: shortly
/// after "over", "against", "versus" in the same clause. Not when the question asks about a
/// contest itself ("who ran against him").
fn is_other_side(question_tokens: &[Token], tokens: &[Token], sentence: &str, at: usize) -> bool {
    let opposing = |w: &str| matches!(w, "over" | "against" | "versus" | "vs");
    !question_tokens.iter().any(|t| opposing(&t.norm))
        && (at.saturating_sub(5)..at).any(|k| {
            opposing(&tokens[k].norm)
                && !sentence[tokens[k].end..tokens[at].start].contains([',', ';', ':'])
        })
}

/// "did she flee to poland" against "exile in Lithuania": a place the question names that the
/// articles never do, where the passage names another place no question word matched.
fn replaced_place(
    question_tokens: &[Token],
    terms: &[QueryTerm],
    tokens: &[Token],
    matched: &[(usize, usize)],
    lexicon: &Lexicon,
) -> bool {
    let place = |w: &str| lexicon.is_proper(w) && lexicon.is_place(w);
    // (A place the articles never name: "Belarus", named elsewhere, is a setting.)
    let unmatched_asked = question_tokens.iter().any(|q| {
        place(&q.norm)
            && retrieve::term_for(terms, &q.norm).is_some_and(|term| {
                terms[term].matches.values().all(|&m| m < 0.8)
                    && !matched.iter().any(|&(_, m)| m == term)
            })
    });
    unmatched_asked
        && tokens
            .iter()
            .enumerate()
            .any(|(i, t)| t.capitalized && place(&t.norm) && !matched.iter().any(|&(m, _)| m == i))
}

/// "is she 42" against "a 37-year-old": the passage gives another value of the kind the
/// question checks (see [`retrieve::Retriever::add_rivals`]) and not the one asked. The value
/// it gives, as written ("37-year-old", "80%"): the one nearest the question's other words.
fn rivalled_value(
    terms: &[QueryTerm],
    tokens: &[Token],
    sentence: &str,
    matched: &[(usize, usize)],
) -> Option<String> {
    let (t, term) = terms.iter().enumerate().find(|(_, term)| {
        !term.rivals.is_empty()
            && tokens.iter().any(|t| term.rivals.contains_key(&t.norm))
            && !tokens
                .iter()
                .any(|t| text::same_value(&t.norm, &term.word) || term.forms.contains(&t.norm))
    })?;
    // How far a word stands from the question's other words: from each term's nearest match,
    // the terms next to the value in the question counting most.
    let distance = |i: usize| -> f32 {
        let mut others: Vec<usize> = matched
            .iter()
            .map(|&(_, m)| m)
            .filter(|&m| m != t)
            .collect();
        others.sort_unstable();
        others.dedup();
        others
            .iter()
            .filter_map(|&other| {
                let nearest = matched
                    .iter()
                    .filter(|&&(_, m)| m == other)
                    .map(|&(o, _)| o.abs_diff(i))
                    .min()?;
                Some(nearest as f32 / other.abs_diff(t) as f32)
            })
            .sum()
    };
    let at = (0..tokens.len())
        .filter(|&i| term.rivals.contains_key(&tokens[i].norm))
        .min_by(|&a, &b| distance(a).total_cmp(&distance(b)))?;
    // The whole of a hyphenated word ("37-year-old"), and a per cent sign.
    let end = hyphenated_end(tokens, sentence, at);
    let mut value = sentence[tokens[at].start..tokens[end].end].to_string();
    if sentence[tokens[end].end..].starts_with('%') {
        value.push('%');
    }
    Some(value)
}

/// The last token of the hyphenated word the token at `at` starts ("37" of "37-year-old" ->
/// "old"); `at` itself when no hyphen follows.
fn hyphenated_end(tokens: &[Token], sentence: &str, at: usize) -> usize {
    let mut end = at;
    while end + 1 < tokens.len() && &sentence[tokens[end].end..tokens[end + 1].start] == "-" {
        end += 1;
    }
    end
}

/// "his triumph over Svetlana Tikhanovskaya with 80%": every name the question and the passage
/// share is the other side of what the passage tells (after "over", "against", "versus" in its
/// clause), so a count there is not theirs. Not when the question asks about a contest itself.
fn only_as_other_side(
    question_tokens: &[Token],
    tokens: &[Token],
    sentence: &str,
    matched: &[(usize, usize)],
) -> bool {
    let mut names = matched
        .iter()
        .map(|&(i, _)| i)
        .filter(|&i| i > 0 && tokens[i].capitalized && !tokens[i].number)
        .peekable();
    names.peek().is_some() && names.all(|i| is_other_side(question_tokens, tokens, sentence, i))
}

/// "what was he wearing": the garment the passage names for the question's "wear", with the
/// words before it that describe it ("a short-sleeved t-shirt"). None when the passage has the
/// verb itself ("many wore white": what follows it says what).
fn worn_phrase(
    terms: &[QueryTerm],
    tokens: &[Token],
    sentence: &str,
    matched: &[(usize, usize)],
    lexicon: &Lexicon,
) -> Option<String> {
    let is_wear = |w: &str| retrieve::WEAR_VERBS.contains(&w);
    let wear = retrieve::wear_term(terms)?;
    let &(g, _) = matched.iter().find(|&&(i, t)| {
        t == wear && !lexicon.lemmas(&tokens[i].norm).iter().any(|l| is_wear(l))
    })?;
    // The whole of a hyphenated word ("t-shirt").
    let end = hyphenated_end(tokens, sentence, g);
    let mut start = g;
    while start > 0 {
        let prev = &tokens[start - 1];
        let gap = &sentence[prev.end..tokens[start].start];
        if !(gap == " " || gap == "-") || prev.number {
            break;
        }
        if matches!(
            prev.norm.as_str(),
            "a" | "an" | "the" | "his" | "her" | "their" | "its"
        ) {
            start -= 1;
            break;
        }
        if text::is_stop_word(&prev.norm) || lexicon.is_verb_form(&prev.norm) {
            break;
        }
        start -= 1;
    }
    Some(sentence[tokens[start].start..tokens[end].end].to_string())
}

/// A day's words as an answer: with the word that places it ("last Sunday", "next Monday"),
/// without a possessive ("Sunday's poll" -> "last Sunday").
fn time_phrase(tokens: &[Token], sentence: &str, span: Span) -> (usize, usize) {
    let mut s = tokens[span.start].start;
    if span.start > 0 {
        let prev = &tokens[span.start - 1];
        if TIME_PLACERS.contains(&prev.norm.as_str()) && &sentence[prev.end..s] == " " {
            s = prev.start;
        }
    }
    let mut e = tokens[span.end - 1].end;
    for possessive in ["'s", "’s"] {
        if let Some(stem) = sentence[s..e].strip_suffix(possessive) {
            e = s + stem.len();
        }
    }
    (s, e)
}

/// Words before a day or month that say which one is meant.
const TIME_PLACERS: &[&str] = &[
    "last", "next", "this", "early", "late", "previous", "coming",
];

/// Words that count people without saying which.
const PEOPLE_IN_GENERAL: &[&str] = &["people", "persons", "ppl", "folks", "individuals"];

/// "how many countries": a figure ending at byte `end` runs on to the noun it counts when that
/// is the question's, in the passage's words ("6 ex-Soviet states"), at most three words on.
fn counted_noun_end(
    question_tokens: &[Token],
    terms: &[QueryTerm],
    (tokens, sentence): (&[Token], &str),
    end: usize,
    lexicon: &Lexicon,
) -> usize {
    // "how many people" says no more than the figure does; "how many detained" asks no noun.
    let counted = question_tokens
        .windows(3)
        .find(|w| w[0].norm == "how" && w[1].norm == "many")
        .filter(|w| !PEOPLE_IN_GENERAL.contains(&w[2].norm.as_str()))
        .filter(|w| !lexicon.is_verb_form(&w[2].norm))
        .and_then(|w| retrieve::term_for(terms, &w[2].norm));
    let Some(term) = counted.map(|t| &terms[t]) else {
        return end;
    };
    let Some(next) = tokens.iter().position(|t| t.start >= end) else {
        return end;
    };
    for i in next..tokens.len().min(next + 3) {
        if i > 0 && sentence[tokens[i - 1].end..tokens[i].start].contains([',', '.', ';', '(']) {
            break;
        }
        if term.matches.get(&tokens[i].norm).is_some_and(|&m| m >= 0.6) {
            return compound_end(terms, (tokens, sentence), i);
        }
    }
    end
}

/// Where the words from token `i` end when they are a hyphenated compound ("ex-Soviet"), with
/// the noun after it that a question term matches ("6 ex-Soviet states").
fn compound_end(terms: &[QueryTerm], (tokens, sentence): (&[Token], &str), mut i: usize) -> usize {
    let joined =
        |i: usize| i + 1 < tokens.len() && sentence[tokens[i].end..tokens[i + 1].start] == *"-";
    if !joined(i) {
        return tokens[i].end;
    }
    while joined(i) {
        i += 1;
    }
    let noun_after = tokens.get(i + 1).is_some_and(|n| {
        sentence[tokens[i].end..n.start] == *" "
            && terms
                .iter()
                .any(|t| t.matches.get(&n.norm).is_some_and(|&m| m >= 0.6))
    });
    tokens[i + usize::from(noun_after)].end
}

/// Extends a number span backwards over modifiers ("more than", "about") and forwards over
/// "%", "-year-old", "years".
fn number_phrase(tokens: &[Token], sentence: &str, span: Span) -> (usize, usize) {
    let mut s = span.start;
    let mut steps = 0;
    while s > 0 && steps < 3 && NUMBER_MODIFIERS.contains(&tokens[s - 1].norm.as_str()) {
        s -= 1;
        steps += 1;
    }
    while s < span.start
        && matches!(tokens[s].norm.as_str(), "of" | "to" | "at" | "a")
        && tokens.get(s + 1).is_none_or(|n| n.norm != "lot")
    {
        s += 1;
    }
    let mut end_byte = tokens[span.end - 1].end;
    let rest = &sentence[end_byte..];
    if rest.starts_with('%') {
        end_byte += 1;
    }
    let mut e = span.end;
    if e < tokens.len()
        && (TIME_UNITS.contains(&tokens[e].norm.as_str()) || tokens[e].norm == "percent")
    {
        end_byte = tokens[e].end;
        e += 1;
        if e + 1 < tokens.len() && tokens[e - 1].norm == "year" && tokens[e].norm == "old" {
            end_byte = tokens[e].end;
        }
    }
    (tokens[s].start, end_byte)
}

/// For "whose photos were people holding up": what the thing asked about is of, in the
/// passage ("pictures of *bruised protesters* defeated ..."): up to three words after the
/// noun's "of", ending before a verb, a comma or a function word.
fn possessor(
    question_tokens: &[Token],
    terms: &[QueryTerm],
    tokens: &[Token],
    sentence: &str,
    matched: &[(usize, usize)],
    lexicon: &Lexicon,
) -> Option<String> {
    let whose = question_tokens.iter().position(|t| t.norm == "whose")?;
    let noun = &question_tokens.get(whose + 1)?.norm;
    let term = retrieve::term_for(terms, noun)?;
    let at = matched
        .iter()
        .find(|&&(i, t)| t == term && tokens.get(i + 1).is_some_and(|n| n.norm == "of"))?
        .0;
    let start = at + 2;
    let mut end = start;
    while end < tokens.len() && end < start + 3 {
        let t = &tokens[end];
        let gap = &sentence[tokens[end - 1].end..t.start];
        let verb_after_words = end >= start + 2 && lexicon.is_verb_form(&t.norm);
        if (end > start && gap != " ") || text::is_stop_word(&t.norm) || verb_after_words {
            break;
        }
        end += 1;
    }
    (end > start).then(|| sentence[tokens[start].start..tokens[end - 1].end].to_string())
}

/// The question terms' matched positions in the sentence, by token index.
fn matched_tokens(tokens: &[Token], terms: &[QueryTerm], best: &Scored) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (ti, t) in tokens.iter().enumerate() {
        for &(s, e, term, m) in &best.matched {
            // Loose matches help find the passage, not place the answer; nor do the words of
            // what the asker said before the question ("in my *day*" is no "Friday" asked).
            let lead = terms.get(term).is_some_and(|t| t.context);
            if s <= t.start && t.end <= e && m >= 0.45 && !lead {
                out.push((ti, term));
            }
        }
    }
    out
}

/// The short answer in the best passage, if one can be found.
pub fn short_answer(
    kind: QuestionKind,
    question_tokens: &[Token],
    terms: &[QueryTerm],
    sentence: &str,
    best: &Scored,
    lexicon: &Lexicon,
) -> Option<String> {
    short_answer_with_cost(kind, question_tokens, terms, sentence, best, lexicon).map(|(a, _)| a)
}

/// The answer with each quotation it opens closed, and each it closes opened, where the answer
/// cuts the quotation: `to help to “make sure the safety` reads `to help to “make sure the
/// safety”`.
pub fn balanced_quotes(answer: &str) -> String {
    let mut depth = 0i32;
    let mut unopened = 0;
    for c in answer.chars() {
        match c {
            '\u{201c}' => depth += 1,
            '\u{201d}' if depth > 0 => depth -= 1,
            '\u{201d}' => unopened += 1,
            _ => {}
        }
    }
    let mut out = String::with_capacity(answer.len() + 8);
    out.extend(std::iter::repeat_n('\u{201c}', unopened));
    out.push_str(answer);
    out.extend(std::iter::repeat_n('\u{201d}', depth.max(0) as usize));
    out
}

/// The short answer and how far (in words, less preferences) it stands from the question's
/// words: 0 or less for an answer right by them.
pub fn short_answer_with_cost(
    kind: QuestionKind,
    question_tokens: &[Token],
    terms: &[QueryTerm],
    sentence: &str,
    best: &Scored,
    lexicon: &Lexicon,
) -> Option<(String, f32)> {
    let tokens = text::tokenize(sentence);
    let matched = matched_tokens(&tokens, terms, best);
    // "whose photos": what the photos are of, when the passage says.
    let whose = (kind == QuestionKind::Person)
        .then(|| possessor(question_tokens, terms, &tokens, sentence, &matched, lexicon))
        .flatten();
    let is_matched = |i: usize| matched.iter().any(|&(m, _)| m == i);
    // The question's own words (or close synonyms) are not its answer; a loose match may be
    // ("Vladimir Putin" for "who is the russian president", "Lithuania" for "what baltic
    // country").
    let is_asked = |i: usize| {
        if !matches!(kind, QuestionKind::Person | QuestionKind::Place) {
            return is_matched(i);
        }
        // (Not a word only the lead or a guess matches: "i heard it was a tv place".)
        best.matched.iter().any(|&(s, e, term, m)| {
            m >= 0.75
                && s <= tokens[i].start
                && tokens[i].end <= e
                && !terms.get(term).is_some_and(|t| t.context)
        })
    };
    match kind {
        QuestionKind::YesNo => {
            if let Some(offered) = alternatives(question_tokens) {
                return chosen_alternative(offered, question_tokens, terms, &matched)
                    .map(|a| (a, 0.0));
            }
            // A negation counts when it bears on a question word: just before one ("declined
            // phone call to step down", "will not hand over").
            let negative = tokens.iter().enumerate().any(|(n, t)| {
                (NEGATIONS.contains(&t.norm.as_str()) || t.norm.ends_with("n't"))
                    && (matched.is_empty() || matched.iter().any(|&(m, _)| m > n && m <= n + 5))
            });
            let asked_negative = question_tokens
                .iter()
                .any(|t| t.norm == "not" || t.norm.ends_with("n't"));
            // "Did he win?" against "he lost": a question word's opposite in the passage.
            let opposed = terms.iter().any(|term| {
                tokens.iter().enumerate().any(|(i, t)| {
                    !text::is_stop_word(&t.norm)
                        && !in_phrasal_verb(&tokens, i, lexicon)
                        && (term.opposites.contains_key(&t.norm)
                            || lexicon.opposite(&term.word, &t.norm))
                })
            });
            // "did tikhanovskaya get 80%" against "his triumph over Svetlana Tikhanovskaya with
            // 80%": what the passage tells is not said of the one asked about.
            let other_side = only_as_other_side(question_tokens, &tokens, sentence, &matched);
            let replaced = replaced_place(question_tokens, terms, &tokens, &matched, lexicon);
            // "No: 37-year-old": the value the passage gives instead.
            if let Some(value) = rivalled_value(terms, &tokens, sentence, &matched) {
                return Some((format!("No: {value}"), 0.0));
            }
            let yes_no = if other_side || replaced || (negative != asked_negative) != opposed {
                "No"
            } else {
                "Yes"
            };
            Some((yes_no.to_string(), 0.0))
        }
        // "who is Igor Leshchenya": the passage names the person; the answer is what it says
        // they are.
        QuestionKind::Person | QuestionKind::Thing
            if is_identity_question(question_tokens)
                && !matched.is_empty()
                && matched
                    .iter()
                    .all(|&(i, _)| is_name_part(&tokens, i, lexicon) || tokens[i].acronym) =>
        {
            let first = matched.iter().map(|&(i, _)| i).min().unwrap_or(0);
            let last = matched.iter().map(|&(i, _)| i).max().unwrap_or(0);
            let (mut start, mut end) = (first, last + 1);
            // The whole name: "Svetlana Tikhanovskaya" for "who is tikhanovskaya".
            // A capitalised common word ("President") is a title, not part of the name.
            let name_word = |i: usize| {
                is_name_part(&tokens, i, lexicon)
                    && (!lexicon.is_lemma(&tokens[i].norm) || lexicon.is_proper(&tokens[i].norm))
            };
            while start > 0
                && name_word(start - 1)
                && &sentence[tokens[start - 1].end..tokens[start].start] == " "
            {
                start -= 1;
            }
            while end < tokens.len()
                && name_word(end)
                && &sentence[tokens[end - 1].end..tokens[end].start] == " "
            {
                end += 1;
            }
            match description(&tokens, sentence, start, end, lexicon) {
                Some(d) => Some((d, 0.0)),
                None if kind == QuestionKind::Thing => {
                    clause_after_focus(question_tokens, terms, &tokens, sentence, &matched, lexicon)
                        .map(|a| (a, 0.0))
                }
                None => None,
            }
        }
        QuestionKind::Number
            if only_as_other_side(question_tokens, &tokens, sentence, &matched) =>
        {
            None
        }
        QuestionKind::Person if whose.is_some() => whose.map(|a| (a, 0.0)),
        QuestionKind::Number | QuestionKind::Time | QuestionKind::Person | QuestionKind::Place => {
            let q = |w: &str| question_tokens.iter().any(|t| t.norm == w);
            let unit_ok = |s: &Span| -> bool {
                if kind != QuestionKind::Number {
                    return true;
                }
                let next = tokens.get(s.end).map(|t| t.norm.as_str()).unwrap_or("");
                if (q("old") && q("how")) || q("age") {
                    // An age: "34-year-old", "65 years old", "aged 65"; not "for 26 years".
                    let after = tokens.get(s.end + 1).map(|t| t.norm.as_str()).unwrap_or("");
                    let aged = s.start > 0 && tokens[s.start - 1].norm == "aged";
                    return aged || (matches!(next, "year" | "years") && after == "old");
                }
                if q("long") && q("how") {
                    return TIME_UNITS.contains(&next);
                }
                if q("percent") || q("percentage") {
                    return sentence[tokens[s.end - 1].end..].starts_with('%') || next == "percent";
                }
                // A count is no age: "a 34-year-old militant" is one person, of some age.
                let after = tokens.get(s.end + 1).map(|t| t.norm.as_str()).unwrap_or("");
                !(next == "year" && after == "old")
            };
            let mut phrase = question_head_phrase(question_tokens, lexicon);
            let head = phrase.pop().and_then(|h| retrieve::term_for(terms, &h));
            // The terms of the words before the head ("opposition" in "the opposition leader").
            let modifiers: Vec<usize> = phrase
                .iter()
                .filter_map(|w| retrieve::term_for(terms, w))
                .collect();
            // The term of the place a "which city in lithuania" looks inside, if any.
            let within = (kind == QuestionKind::Place)
                .then(|| place_within(question_tokens, lexicon))
                .flatten()
                .and_then(|w| retrieve::term_for(terms, w));
            // "100,000 individuals had gathered" for "how many protesters were at the
            // memorial": a count of people counts any kind of them, in a sentence that does
            // not name the kind asked (in "cops ... 6,700 individuals apprehended" the
            // individuals are not the police).
            let counts_people = head.is_some_and(|ht| {
                kind == QuestionKind::Number
                    && retrieve::is_person_noun(lexicon, &terms[ht].word)
                    && !best
                        .matched
                        .iter()
                        .any(|&(_, _, term, m)| term == ht && m >= 0.5)
            });
            // Token indexes where one of `asked` matches strongly.
            let matched_at = |asked: &[usize]| -> Vec<usize> {
                tokens
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| {
                        best.matched.iter().any(|&(s, e, term, m)| {
                            asked.contains(&term) && m >= 0.5 && s <= t.start && t.end <= e
                        })
                    })
                    .map(|(i, _)| i)
                    .collect()
            };
            // Token indexes where the head noun matches strongly; or, for a person the
            // passage calls otherwise ("main opposition prospect Svetlana Tikhanovskaya" for
            // "the name of the opposition leader"), where the words before it do.
            let head_at: Vec<usize> = match head {
                None => Vec::new(),
                Some(ht) => {
                    let mut at: Vec<usize> = tokens
                        .iter()
                        .enumerate()
                        .filter(|(_, t)| {
                            // "Around 100 team" counts people too.
                            counts_people
                                && (COUNTED_PEOPLE.contains(&t.norm.as_str())
                                    || retrieve::is_group_of_people(lexicon, &t.norm))
                        })
                        .map(|(i, _)| i)
                        .collect();
                    at.extend(matched_at(&[ht]));
                    // ("Independence Avenue" for "which road": an avenue is one.)
                    if kind == QuestionKind::Place {
                        let kinds: Vec<&str> = terms[ht].forms.iter().map(String::as_str).collect();
                        at.extend(tokens.iter().enumerate().filter_map(|(i, t)| {
                            (t.capitalized
                                && retrieve::names_place_of_kind(lexicon, &t.norm, &kinds))
                            .then_some(i)
                        }));
                    }
                    if at.is_empty()
                        && kind == QuestionKind::Person
                        && retrieve::is_person_noun(lexicon, &terms[ht].word)
                    {
                        at = matched_at(&modifiers);
                    }
                    at.sort_unstable();
                    at.dedup();
                    at
                }
            };
            // "who is the diplomat in the video": no head is asked (a name answers, whatever
            // the passage calls him), but a name by the word that matches the role is likelier
            // him than one by the other words.
            let role_at: Vec<usize> = if kind == QuestionKind::Person && head.is_none() {
                role_noun(question_tokens, lexicon)
                    .and_then(|w| retrieve::term_for(terms, w))
                    .map(|r| matched_at(&[r]))
                    .unwrap_or_default()
            } else {
                Vec::new()
            };
            // A question word, as a verb, at token `i` ("accused", "came out").
            let matched_verb = |i: usize| {
                i < tokens.len() && is_matched(i) && lexicon.is_verb_form(&tokens[i].norm)
            };
            // For "how many were killed", the term of the event counted, and whether a span
            // counts it ("two individuals dead").
            let counted_event = (kind == QuestionKind::Number)
                .then(|| main_clause_event(question_tokens, terms, lexicon))
                .flatten();
            // Whether the event is matched at a token in `range`.
            let event_in = |range: std::ops::RangeInclusive<usize>| {
                counted_event
                    .is_some_and(|e| matched.iter().any(|&(i, t)| t == e && range.contains(&i)))
            };
            let counts_event = |s: &Span| event_in(s.end..=s.end + 2);
            // "two individuals dead" for "how many protesters died": the count, a word loosely
            // for the noun asked about, and the event.
            let counts_head_event = |s: &Span| {
                let Some(ht) = head else {
                    return false;
                };
                let Some(next) = tokens.get(s.end) else {
                    return false;
                };
                let loosely_head = best.matched.iter().any(|&(start, end, term, m)| {
                    term == ht && m >= 0.3 && start <= next.start && next.end <= end
                });
                loosely_head && event_in(s.end + 1..=s.end + 2)
            };
            // "hundreds wounded" for "how many protesters were wounded", when the sentence
            // names the protesters only loosely ("militants"): had it named them, the count
            // would stand by them.
            let head_loose = head.is_some_and(|ht| {
                // The words the head matches, by any term of the question ("cops" for "police
                // officers" is named by "police").
                let spans: Vec<(usize, usize)> = best
                    .matched
                    .iter()
                    .filter(|&&(_, _, term, m)| term == ht && m >= 0.3)
                    .map(|&(start, end, _, _)| (start, end))
                    .collect();
                !best.matched.iter().any(|&(start, end, _, m)| {
                    m >= HEAD_NAMED_MATCH && spans.contains(&(start, end))
                })
            });
            let counts_event_directly = |s: &Span| head_loose && event_in(s.end..=s.end);
            // "how many did afp think", "according to afp": the name whose figure is asked,
            // and whether a span is the first figure after it.
            let source = (kind == QuestionKind::Number)
                .then(|| source_term(question_tokens, terms, lexicon))
                .flatten();
            let from_source = |s: &Span| {
                source.is_some_and(|src| {
                    matched.iter().any(|&(i, t)| {
                        t == src && i < s.start && !(i..s.start).any(|k| tokens[k].number)
                    })
                })
            };
            // "an AFP reporter estimated" for "which news agency had a reporter who ...": a
            // name right before a person the question asks about, when the organisation asked
            // for is named by no word of the passage, is the one that employs or sends them.
            let names_employer = |s: &Span| {
                kind == QuestionKind::Person
                    && head_at.is_empty()
                    && head.is_some_and(|ht| !retrieve::is_person_noun(lexicon, &terms[ht].word))
                    && s.end < tokens.len()
                    && is_matched(s.end)
                    && !tokens[s.end].capitalized
                    && retrieve::is_person_noun(lexicon, &tokens[s.end].norm)
                    && sentence[tokens[s.end - 1].end..tokens[s.end].start] == *" "
            };
            // Whether the figure is followed by a noun of its own, not the one asked about
            // ("6 ex-Soviet states" for "how many troops").
            let counts_other_noun = |s: &Span| {
                let Some(ht) = head else {
                    return false;
                };
                let mut k = s.end;
                while k < tokens.len() && k < s.end + 3 {
                    let gap = &sentence[tokens[k - 1].end..tokens[k].start];
                    if !(gap == " " || gap == "-") || text::is_stop_word(&tokens[k].norm) {
                        return false;
                    }
                    let of_head = head_at.contains(&k)
                        || best.matched.iter().any(|&(a, b, term, m)| {
                            term == ht && m >= 0.3 && a <= tokens[k].start && tokens[k].end <= b
                        });
                    if of_head {
                        return false;
                    }
                    let noun = lexicon
                        .lemmas(&tokens[k].norm)
                        .iter()
                        .any(|l| lexicon.is_noun(l));
                    let last = k + 1 == tokens.len() || {
                        let next_gap = &sentence[tokens[k].end..tokens[k + 1].start];
                        !(next_gap == " " || next_gap == "-")
                            || text::is_stop_word(&tokens[k + 1].norm)
                    };
                    if noun && last {
                        return true;
                    }
                    k += 1;
                }
                false
            };
            let near_head = |s: &Span| -> bool {
                // (A figure after the source counts the noun asked about unless it counts a
                // noun of its own: "between 6 ex-Soviet states" gives no number of troops.)
                if head.is_none()
                    || counts_head_event(s)
                    || counts_event_directly(s)
                    || (from_source(s) && !counts_other_noun(s))
                {
                    return true;
                }
                // "which country did she flee to": a country, city or town is one by what it is
                // ("Lithuania"), wherever the word "country" stands, if anywhere.
                let asks_place_kind = head.is_some_and(|ht| {
                    matches!(
                        terms[ht].word.as_str(),
                        "country" | "countries" | "nation" | "city" | "cities" | "town" | "capital"
                    )
                });
                if kind == QuestionKind::Place
                    && asks_place_kind
                    && (s.start..s.end).any(|i| lexicon.is_place(&tokens[i].norm))
                {
                    return true;
                }
                // "Around 100 team came out" for "how many employees came out": a count, a
                // word the vocabulary does not link to the one asked, and the event asked about.
                if kind == QuestionKind::Number
                    && head_at.is_empty()
                    && s.end < tokens.len()
                    && !text::is_stop_word(&tokens[s.end].norm)
                    && !is_matched(s.end)
                    && matched_verb(s.end + 1)
                {
                    return true;
                }
                // "Amnesty International accused authorities" for "which rights group accused
                // the police": a name the vocabulary does not link to the noun asked, doing
                // what the question asks about.
                if kind == QuestionKind::Person
                    && head_at.is_empty()
                    && matched_verb(s.end)
                    && sentence[tokens[s.end - 1].end..tokens[s.end].start] == *" "
                {
                    return true;
                }
                if names_employer(s) {
                    return true;
                }
                // "6,700 individuals apprehended, hundreds wounded" for "how many people were
                // injured": the people, named in the sentence, are left out before the verb.
                let head_named =
                    head.is_some_and(|ht| best.term_match.get(ht).is_some_and(|&m| m >= 0.7));
                if kind == QuestionKind::Number && head_named && matched_verb(s.end) {
                    return true;
                }
                let reach = if q("name") { 2 } else { 4 };
                head_at.iter().any(|&h| match kind {
                    // "6,700 individuals", "10s of hundreds of people"
                    QuestionKind::Number => h >= s.end && h <= s.end + 3,
                    // "the ambassador to Slovakia, Igor Leshchenya"; "the name of ..." wants
                    // the name right by the noun.
                    _ => {
                        // An appositive after the noun's own phrase: "the ambassador to
                        // Slovakia, Igor Leshchenya".
                        let appositive = s.start > h
                            && s.start <= h + 5
                            && sentence[tokens[s.start - 1].end..tokens[s.start].start]
                                .contains(',');
                        (appositive || h + reach >= s.start) && h <= s.end + reach.min(3)
                    }
                })
            };
            let durations = q("long") && q("how");
            // A token that names a place ("Minsk", "Slovakia").
            let place_word =
                |i: usize| lexicon.is_proper(&tokens[i].norm) && lexicon.is_place(&tokens[i].norm);
            // "who is on the council": its members, not the council ("Coordination Council").
            let members = kind == QuestionKind::Person && asks_members(question_tokens);
            let mut spans: Vec<Span> = typed_spans(kind, &tokens, sentence, lexicon, durations)
                .into_iter()
                .filter(|s| near_head(s))
                .filter(|s| !(members && (s.start..s.end).any(|i| head_at.contains(&i))))
                .filter(|s| !(s.start..s.end).all(is_asked))
                // "Belarusian President Alexander Lukashenko" for "who is the president of
                // belarus": the question's own words at the edges of a name are not the answer.
                .filter_map(|mut s| {
                    if matches!(kind, QuestionKind::Person | QuestionKind::Place) {
                        while s.start < s.end && is_asked(s.start) && !head_at.contains(&s.start) {
                            s.start += 1;
                        }
                        // "March for Freedom" is one name: "for Freedom" is none.
                        if s.start < s.end && matches!(tokens[s.start].norm.as_str(), "for" | "of")
                        {
                            return None;
                        }
                        while s.end > s.start
                            && is_asked(s.end - 1)
                            && !head_at.contains(&(s.end - 1))
                        {
                            s.end -= 1;
                        }
                    }
                    (s.start < s.end).then_some(s)
                })
                .filter(|s| {
                    // A name may hold the noun asked about ("Independence Avenue" for "which
                    // street", "March for Freedom" for "the name of the march"), no other
                    // question word.
                    (s.start..s.end).all(|i| !is_asked(i) || head_at.contains(&i))
                })
                .filter(|s| unit_ok(s))
                .filter(|s| {
                    // "which city in lithuania": a place the passage puts by Lithuania (not
                    // "Minsk" twenty words on, nor Lithuania itself).
                    let Some(t) = within else {
                        return true;
                    };
                    let matched_at = |i: usize, from: f32, to: f32| {
                        best.matched.iter().any(|&(a, b, term, m)| {
                            term == t
                                && (from..to).contains(&m)
                                && a <= tokens[i].start
                                && tokens[i].end <= b
                        })
                    };
                    let near = |i: usize| matched_at(i, 0.8, f32::INFINITY);
                    // "Minsk" for "which city in belarus": a name the vectors put close to it.
                    let close_name = (s.start..s.end).any(|i| matched_at(i, 0.5, 0.8));
                    // "which street in minsk" answered from a story set in Minsk, by a
                    // sentence that does not say "Minsk" again: any of its places is in it.
                    let unsaid_setting = !(0..tokens.len())
                        .any(|i| matched_at(i, 0.5, f32::INFINITY))
                        && best.term_match.get(t).is_some_and(|&m| m >= 0.5);
                    // A place in a country is one by its name ("exile in Lithuania" is not).
                    let named = (s.start..s.end).any(|i| tokens[i].capitalized);
                    close_name
                        || unsaid_setting
                        || (named
                            && !(s.start..s.end).any(near)
                            && (s.start.saturating_sub(4)..(s.end + 4).min(tokens.len())).any(near))
                })
                .filter(|s| {
                    // "the Belarusian ambassador": a name before a matched noun only modifies it;
                    // an acronym before the noun asked about names it ("the CSTO alliance").
                    let names_head = s.end == s.start + 1
                        && tokens[s.start].acronym
                        && (s.end..(s.end + 3).min(tokens.len()))
                            .take_while(|&i| is_matched(i))
                            .any(|i| head_at.contains(&i));
                    let modifies = !names_head
                        && !names_employer(s)
                        && is_matched(s.end)
                        && sentence[tokens[s.end - 1].end..tokens[s.end].start] == *" "
                        && tokens.get(s.end).is_some_and(|n| {
                            !lexicon.can_be_verb(&n.norm)
                                || (!lexicon.is_verb_form(&n.norm) && lexicon.is_lemma(&n.norm))
                        });
                    !(matches!(kind, QuestionKind::Person | QuestionKind::Place) && modifies)
                })
                .filter(|s| {
                    // People are not "in Minsk" or "at the memorial"; a name asked for is no place.
                    let prev = s
                        .start
                        .checked_sub(1)
                        .map(|p| tokens[p].norm.as_str())
                        .unwrap_or("");
                    let name_asked = q("name");
                    kind != QuestionKind::Person
                        || !(matches!(prev, "in" | "at" | "from" | "on")
                            || (name_asked && LOCATIVE.contains(&prev)))
                })
                .filter(|s| {
                    // "main Minsk" for "who ran against him": a place alone is not who,
                    // unless it stands for its government ("Moscow stated ...").
                    if kind != QuestionKind::Person || !(s.start..s.end).all(place_word) {
                        return true;
                    }
                    tokens.get(s.end).is_some_and(|n| {
                        sentence[tokens[s.end - 1].end..n.start] == *" "
                            && lexicon.is_verb_form(&n.norm)
                    })
                })
                .collect();
            // "where in minsk": the part of it the passage names ("in *main Minsk*"), when no
            // place inside it is named.
            if let Some(t) = within.filter(|_| spans.is_empty()) {
                spans.extend(matched.iter().filter(|&&(_, term)| term == t).filter_map(
                    |&(i, _)| {
                        let modifier = i.checked_sub(1)?;
                        let qualified = modifier > 0
                            && LOCATIVE.contains(&tokens[modifier - 1].norm.as_str())
                            && !tokens[modifier].capitalized
                            && !text::is_stop_word(&tokens[modifier].norm)
                            && !is_matched(modifier)
                            && sentence[tokens[modifier].end..tokens[i].start] == *" ";
                        qualified.then_some(Span {
                            start: modifier,
                            end: i + 1,
                        })
                    },
                ));
            }
            // "who walked off the job": the people the passage says did it ("workers at
            // state-run factories walked off"), named or not.
            let doer_verb = (kind == QuestionKind::Person && head.is_none())
                .then(|| asks_doer(question_tokens))
                .flatten();
            let doers: Vec<Span> = if let Some(verb) = doer_verb {
                // The verb asked about, or any the question matched when it makes one term with
                // the words after it ("walked off").
                let verb_term = retrieve::term_for(terms, verb);
                (0..tokens.len())
                    .filter(|&v| matched_verb(v))
                    .filter(|&v| {
                        verb_term.is_none_or(|vt| matched.iter().any(|&(i, t)| i == v && t == vt))
                    })
                    .filter_map(|v| doer_phrase(&tokens, sentence, v, lexicon))
                    // ("Lukashenko's press service" for "who said lukashenko's rally ...": the
                    // head noun is not asked, whatever names it.)
                    .filter(|d| !is_asked(d.end - 1))
                    .collect()
            } else {
                Vec::new()
            };
            // The subject of the very verb asked about outranks any name nearby.
            if !doers.is_empty() {
                spans.clone_from(&doers);
            }
            let unit_pref = |s: &Span| -> f32 {
                let mut bonus = 0.0;
                // (The spans are then the doers alone.)
                if !doers.is_empty() {
                    return DOER_BONUS;
                }
                // "called by the resistance": the doer of a passive verb.
                if kind == QuestionKind::Person && s.start > 1 && tokens[s.start - 1].norm == "by" {
                    bonus += 2.0;
                }
                // "The Kremlin said ..." for "who said ...": a name right before the very verb
                // asked about does it, and outranks any name nearby.
                if doer_verb.is_some_and(|verb| {
                    let verb_term = retrieve::term_for(terms, verb);
                    s.end < tokens.len()
                        && matched_verb(s.end)
                        && verb_term.is_some_and(|vt| matched.contains(&(s.end, vt)))
                        && sentence[tokens[s.end - 1].end..tokens[s.end].start] == *" "
                }) {
                    bonus += SUBJECT_BONUS;
                }
                let names_place = (s.start..s.end).any(place_word);
                // "who won": not the one he "asserted triumph over".
                if doer_verb.is_some() && is_other_side(question_tokens, &tokens, sentence, s.start)
                {
                    bonus -= OTHER_SIDE_PENALTY;
                }
                // (By the role: right before it, or right after its phrase, after a comma.)
                let by_role = role_at.iter().any(|&h| {
                    let appositive = s.start > h
                        && s.start <= h + 5
                        && sentence[tokens[s.start - 1].end..tokens[s.start].start].contains(',');
                    appositive || s.end == h || s.start == h + 1
                });
                if by_role {
                    bonus += ROLE_BONUS;
                }
                if kind == QuestionKind::Person {
                    bonus += 1.5 * (s.end - s.start - 1) as f32;
                    // "the ambassador to Slovakia, Igor Leshchenya": a country is not who.
                    if names_place {
                        bonus -= 3.0;
                    }
                }
                // "what day": a day of the week or a date, rather than "weekend".
                if kind == QuestionKind::Time
                    && (q("day") || q("date"))
                    && (s.start..s.end).any(|i| {
                        text::is_weekday(&tokens[i].norm) || text::is_month(&tokens[i].norm)
                    })
                {
                    bonus += 5.0;
                }
                if kind == QuestionKind::Place && names_place {
                    bonus += 2.0;
                }
                let after_locative = (s.start.saturating_sub(2)..s.start)
                    .any(|p| LOCATIVE.contains(&tokens[p].norm.as_str()));
                if kind == QuestionKind::Place && after_locative {
                    bonus += 3.0;
                }
                if kind == QuestionKind::Place
                    && tokens[s.start..s.end].iter().any(|t| t.capitalized)
                {
                    bonus += 2.0;
                }
                // "hundreds wounded" for "how many were injured": the number describes a
                // question word that follows it.
                if kind == QuestionKind::Number && is_matched(s.end) {
                    bonus += 2.0;
                }
                // "two individuals dead" for "how many were killed": the count of the very
                // event asked about.
                if counts_event(s) {
                    bonus += 2.0;
                }
                // "how many did afp think": the figure given after the source is named, before
                // any other figure.
                if from_source(s) {
                    bonus += SOURCE_BONUS;
                }
                bonus
            };
            // With no question word in the sentence, an answer is only as good as the person
            // its pronoun or description stands for ("The strongman ..." for Lukashenko); a
            // sentence matched through its neighbours alone says nothing of where it is.
            let no_anchor = if best.own_coverage > 0.0 {
                NO_ANCHOR_DISTANCE
            } else {
                50.0
            };
            // "how many got injured by police": who did it does not place the count.
            let agent = (kind == QuestionKind::Number)
                .then(|| passive_agent(question_tokens, terms, lexicon))
                .flatten();
            let strengths: Vec<f32> = (best.term_match.iter().enumerate())
                .map(|(i, &m)| if agent == Some(i) { 0.0 } else { m })
                .collect();
            let cost = |s: &Span| {
                distance(
                    s,
                    &matched,
                    terms,
                    (&strengths, no_anchor),
                    lexicon,
                    (&tokens, sentence, kind),
                ) - unit_pref(s)
            };
            let best_span = spans.iter().min_by(|a, b| cost(a).total_cmp(&cost(b)))?;
            let best_cost = cost(best_span);
            let (s, e) = match kind {
                QuestionKind::Number => {
                    let (s, e) = number_phrase(&tokens, sentence, *best_span);
                    let passage = (tokens.as_slice(), sentence);
                    (
                        s,
                        counted_noun_end(question_tokens, terms, passage, e, lexicon),
                    )
                }
                QuestionKind::Time => time_phrase(&tokens, sentence, *best_span),
                // "outside the state television centre": where, relative to the place, is
                // part of the answer (as "in" or "at" is not).
                QuestionKind::Place
                    if best_span.start > 0
                        && POSITIONAL.contains(&tokens[best_span.start - 1].norm.as_str()) =>
                {
                    (
                        tokens[best_span.start - 1].start,
                        tokens[best_span.end - 1].end,
                    )
                }
                _ => (tokens[best_span.start].start, tokens[best_span.end - 1].end),
            };
            Some((sentence[s..e].to_string(), best_cost))
        }
        QuestionKind::Reason if !matched.is_empty() => {
            // The cause or purpose the passage gives, the nearest after the question's words; one
            // before all of them belongs to another clause ("took to the streets to denounce ...
            // Tikhanovskaya, who ran after her husband was jailed" does not say why she ran).
            let first_match = matched.iter().map(|&(i, _)| i).min().unwrap_or(0);
            let markers: Vec<usize> = reason_markers(&tokens, lexicon)
                .into_iter()
                .filter(|&m| !SIGNIFYING.contains(&tokens[m].norm.as_str()))
                .collect();
            let marker = markers.iter().find(|&&m| m > first_match);
            match marker {
                Some(&m) => clause_from(&tokens, sentence, m).map(|a| (a, 0.0)),
                None => {
                    clause_after_focus(question_tokens, terms, &tokens, sentence, &matched, lexicon)
                        .map(|a| (a, 0.0))
                }
            }
        }
        QuestionKind::Thing => worn_phrase(terms, &tokens, sentence, &matched, lexicon)
            .or_else(|| {
                kind_of_term(question_tokens, terms, lexicon)
                    .and_then(|term| kind_of_match(term, &tokens, sentence, &matched, lexicon))
            })
            .or_else(|| category_member(question_tokens, &tokens, sentence, &matched, lexicon))
            .or_else(|| named_focus(question_tokens, terms, &tokens, sentence, &matched, lexicon))
            .or_else(|| {
                purpose_object(question_tokens, terms, &tokens, sentence, &matched, lexicon)
            })
            .or_else(|| future_deed(question_tokens, &tokens, sentence))
            .or_else(|| counted_keyword(question_tokens, &tokens, sentence, &matched))
            .or_else(|| {
                clause_after_focus(question_tokens, terms, &tokens, sentence, &matched, lexicon)
            })
            .or_else(|| quoted_saying(question_tokens, terms, sentence))
            // ("Tikhanovskaya asked" for "what tikhanovskaya asked ...": the question's own
            // words tell nothing.)
            .filter(|a| !echoes_question(a, &tokens, &matched))
            .map(|a| what_was_said(question_tokens, terms, sentence, a))
            .map(|a| without_stranded_preposition(question_tokens, a))
            .map(|a| (a, 0.0)),
        QuestionKind::Reason => {
            clause_after_focus(question_tokens, terms, &tokens, sentence, &matched, lexicon)
                .map(|a| (a, 0.0))
        }
    }
}

/// "did he side with the protesters or with the government": the two alternatives a yes/no
/// question offers to choose from, as token ranges, when the word after its "or" repeats the
/// one that opens the first ("with ... or with"). "or not", "or just planned" and "brest or
/// gomel" offer none.
fn alternatives(
    question_tokens: &[Token],
) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let or = question_tokens.iter().rposition(|t| t.norm == "or")?;
    let opener = &question_tokens.get(or + 1)?.norm;
    if !text::is_stop_word(opener) || matches!(opener.as_str(), "not" | "no") {
        return None;
    }
    let open = question_tokens[..or]
        .iter()
        .rposition(|t| t.norm == *opener)?;
    (open + 1 < or && or + 2 < question_tokens.len())
        .then(|| (open + 1..or, or + 2..question_tokens.len()))
}

/// Of a choice question's [`alternatives`], the one whose words the passage matches, and the
/// other not: "the protesters" when the passage says the ambassador stood with "militants".
fn chosen_alternative(
    (first, second): (std::ops::Range<usize>, std::ops::Range<usize>),
    question_tokens: &[Token],
    terms: &[QueryTerm],
    matched: &[(usize, usize)],
) -> Option<String> {
    let matches = |range: &std::ops::Range<usize>| {
        question_tokens[range.clone()]
            .iter()
            .filter(|t| !text::is_stop_word(&t.norm))
            .filter_map(|t| retrieve::term_for(terms, &t.norm))
            .filter(|&term| matched.iter().any(|&(_, m)| m == term))
            .count()
    };
    let (a, b) = (matches(&first), matches(&second));
    let won = match a.cmp(&b) {
        std::cmp::Ordering::Greater => first,
        std::cmp::Ordering::Less => second,
        std::cmp::Ordering::Equal => return None,
    };
    let words: Vec<&str> = question_tokens[won]
        .iter()
        .map(|t| t.norm.as_str())
        .collect();
    Some(words.join(" "))
}

/// "what was the ambassador shocked by": the answer without the preposition the question
/// ends on ("stories of abuse", not "by stories of abuse").
fn without_stranded_preposition(question_tokens: &[Token], answer: String) -> String {
    let Some(last) = question_tokens.last().map(|t| t.norm.as_str()) else {
        return answer;
    };
    let stranded = matches!(
        last,
        "by" | "about" | "with" | "for" | "of" | "on" | "in" | "to" | "at" | "from" | "against"
    );
    match answer.split_once(' ') {
        Some((first, rest)) if stranded && first.eq_ignore_ascii_case(last) && !rest.is_empty() => {
            rest.to_string()
        }
        _ => answer,
    }
}

/// Whether every content word of `answer` is a word of the passage that the question matched.
fn echoes_question(answer: &str, tokens: &[Token], matched: &[(usize, usize)]) -> bool {
    let asked: Vec<&str> = matched
        .iter()
        .map(|&(i, _)| tokens[i].norm.as_str())
        .collect();
    let words: Vec<Token> = text::tokenize(answer)
        .into_iter()
        .filter(|t| !text::is_stop_word(&t.norm))
        .collect();
    !words.is_empty() && words.iter().all(|t| asked.contains(&t.norm.as_str()))
}

/// Whether a question asks about one person by a singular pronoun ("what was *he* wearing").
pub fn asks_of_one_person(question_tokens: &[Token]) -> bool {
    question_tokens.iter().any(|t| {
        matches!(
            t.norm.as_str(),
            "he" | "she" | "him" | "his" | "her" | "hers"
        )
    })
}

/// Words for many people at once, as the subject of a verb ("*many* wore white").
const MANY_PEOPLE: &[&str] = &[
    "many",
    "some",
    "most",
    "others",
    "they",
    "thousands",
    "hundreds",
    "people",
    "protesters",
    "demonstrators",
    "supporters",
    "crowds",
    "marchers",
];

/// Whether the passage `sentence`, scored as `best`, has the verb of the question's term
/// `verb` done by many people ("*Many* wore white"), not by one.
pub fn done_by_many(sentence: &str, best: &Scored, verb: usize) -> bool {
    let tokens = text::tokenize(sentence);
    best.matched.iter().any(|&(start, _, term, _)| {
        term == verb
            && tokens
                .iter()
                .position(|t| t.start == start)
                .and_then(|i| i.checked_sub(1))
                .is_some_and(|p| MANY_PEOPLE.contains(&tokens[p].norm.as_str()))
    })
}

/// Where "what kind of" (or "which sort of", "what types of") starts in a question.
fn kind_of_at(words: &[&str]) -> Option<usize> {
    words.windows(4).position(|w| {
        matches!(w[0], "what" | "which")
            && matches!(w[1], "kind" | "sort" | "type" | "kinds" | "sorts" | "types")
            && w[2] == "of"
    })
}

/// Whether a question asks "what kind of" thing.
pub fn asks_kind_of(question_tokens: &[Token]) -> bool {
    let words: Vec<&str> = question_tokens.iter().map(|t| t.norm.as_str()).collect();
    kind_of_at(&words).is_some()
}

/// For "what kind of help ...": whether the passage `sentence`, scored as `best`, names the
/// thing asked about ("the needed aid") without saying which kind (see `kind_of_match`).
/// A passage that words the thing otherwise ("mass strikes" for "what kind of action") is
/// not judged.
pub fn leaves_kind_unsaid(
    question_tokens: &[Token],
    terms: &[QueryTerm],
    sentence: &str,
    best: &Scored,
    lexicon: &Lexicon,
) -> bool {
    let Some(term) = kind_of_term(question_tokens, terms, lexicon).filter(|&t| {
        best.term_match
            .get(t)
            .is_some_and(|&m| m >= KIND_NAMED_MATCH)
    }) else {
        return false;
    };
    let tokens = text::tokenize(sentence);
    let matched = matched_tokens(&tokens, terms, best);
    // ("pictures *of bruised protesters*": what follows says which, too.)
    let said_after = matched.iter().any(|&(h, t)| {
        t == term && tokens.get(h + 1).is_some_and(|n| n.norm == "of") && tokens.len() > h + 2
    });
    !said_after && kind_of_match(term, &tokens, sentence, &matched, lexicon).is_none()
}

/// How well a passage must match the thing of "what kind of X" to name it (see
/// [`leaves_kind_unsaid`]).
const KIND_NAMED_MATCH: f32 = 0.5;

/// The term of the thing "what kind of" asks about: the last word of the common nouns after
/// it ("what kind of weekend *protests*"; not "what kind of *help* moscow said").
fn kind_of_term(
    question_tokens: &[Token],
    terms: &[QueryTerm],
    lexicon: &Lexicon,
) -> Option<usize> {
    let words: Vec<&str> = question_tokens.iter().map(|t| t.norm.as_str()).collect();
    let at = kind_of_at(&words)?;
    let run = words[at + 3..].iter().enumerate().take_while(|&(i, w)| {
        i == 0
            || (!text::is_stop_word(w)
                && lexicon.knows(w)
                && !lexicon.is_proper(w)
                && !lexicon.is_verb_form(w))
    });
    run.filter_map(|(_, w)| retrieve::term_for(terms, w)).last()
}

/// "what sort of help did moscow offer": the words that say which kind, before the passage's
/// word for the thing asked (`term`, see [`kind_of_term`]: "*military* assistance"), with it.
/// None when nothing qualifies it (nor a verb's form: "the *needed* aid" says only that it is
/// needed).
fn kind_of_match(
    term: usize,
    tokens: &[Token],
    sentence: &str,
    matched: &[(usize, usize)],
    lexicon: &Lexicon,
) -> Option<String> {
    let &(h, _) = matched.iter().find(|&&(_, t)| t == term)?;
    // ("a *campaign-style* rally": a compound is one modifier.)
    let joined =
        |a: usize, b: usize| matches!(&sentence[tokens[a].end..tokens[b].start], " " | "-");
    let mut start = h;
    while start > 0
        && h - start < 2
        && joined(start - 1, start)
        && !text::is_stop_word(&tokens[start - 1].norm)
        && !tokens[start - 1].number
        && !lexicon.is_verb_form(&tokens[start - 1].norm)
        && !matched.iter().any(|&(m, _)| m == start - 1)
    {
        start -= 1;
    }
    (start < h).then(|| sentence[tokens[start].start..tokens[h].end].to_string())
}

/// The term of a passive's agent: the noun after "by" that follows a verb form ("injured *by
/// police*", "detained by the police").
fn passive_agent(
    question_tokens: &[Token],
    terms: &[QueryTerm],
    lexicon: &Lexicon,
) -> Option<usize> {
    let by = question_tokens.iter().position(|t| t.norm == "by")?;
    let verb = question_tokens.get(by.checked_sub(1)?)?;
    if !lexicon.is_verb_form(&verb.norm) || text::is_stop_word(&verb.norm) {
        return None;
    }
    let agent = question_tokens[by + 1..]
        .iter()
        .find(|t| !text::is_determiner(&t.norm))?;
    retrieve::term_for(terms, &agent.norm)
}

/// Token distance from a span to the matched question words: for each term its nearest match,
/// averaged with the terms' weights and how well they matched, so the answer sits by the
/// question's rarest, best matched words.
fn distance(
    span: &Span,
    matched: &[(usize, usize)],
    terms: &[QueryTerm],
    (strengths, no_anchor): (&[f32], f32),
    lexicon: &Lexicon,
    (tokens, sentence, kind): (&[Token], &str, QuestionKind),
) -> f32 {
    // A comma or semicolon between the answer and a question word: another clause.
    let clauses_between = |a: usize, b: usize| -> f32 {
        (a..b)
            .filter(|&i| i + 1 < tokens.len())
            .filter(|&i| sentence[tokens[i].end..tokens[i + 1].start].contains([',', ';', ':']))
            .count() as f32
    };
    // A number stands before what it counts ("6,700 individuals apprehended"); other answers
    // as often after.
    let (before_cost, after_cost) = if kind == QuestionKind::Number {
        (0.0, 1.0)
    } else {
        (0.5, 0.0)
    };
    let mut total = 0.0;
    let mut weights = 0.0;
    for (ti, term) in terms.iter().enumerate() {
        let d = matched
            .iter()
            .filter(|&&(_, t)| t == ti)
            .map(|&(m, _)| {
                if m < span.start {
                    // A count further down a list ("6,700 individuals apprehended, hundreds
                    // wounded and two individuals dead") shares the words before the list's
                    // first: they are as near to each.
                    let to = if kind == QuestionKind::Number {
                        (m + 1..span.start)
                            .find(|&i| is_number(&tokens[i]))
                            .unwrap_or(span.start)
                    } else {
                        span.start
                    };
                    (to - m) as f32 + after_cost + 1.5 * clauses_between(m, to)
                } else {
                    (m + 1).saturating_sub(span.end) as f32
                        + before_cost
                        + 1.5 * clauses_between(span.end.saturating_sub(1), m)
                }
            })
            .fold(f32::MAX, f32::min);
        if d < f32::MAX {
            // The event asked about (a verb: "leave", "die") places the answer best.
            let strength = strengths.get(ti).copied().unwrap_or(1.0);
            let w = term.weight
                * strength
                * strength
                * if lexicon.can_be_verb(&term.word) {
                    2.0
                } else {
                    1.0
                };
            total += w * d.min(30.0);
            weights += w;
        }
    }
    if weights == 0.0 {
        no_anchor
    } else {
        total / weights
    }
}

/// For a question of keywords alone ("arrests?"): the count the passage gives of what a keyword
/// matched, with the words counted ("a lot more 6,700 individuals apprehended"). None for a
/// question with a question word, or when no number counts a matched word.
fn counted_keyword(
    question_tokens: &[Token],
    tokens: &[Token],
    sentence: &str,
    matched: &[(usize, usize)],
) -> Option<String> {
    if question_tokens
        .iter()
        .any(|t| QUESTION_WORDS.contains(&t.norm.as_str()))
    {
        return None;
    }
    let joined = |a: usize| sentence[tokens[a].end..tokens[a + 1].start] == *" ";
    // Each count of a matched word: the number right before it, or before the one noun it
    // counts ("6,700 individuals apprehended").
    let counts = matched.iter().filter_map(|&(k, _)| {
        let n = (k.saturating_sub(2)..k).find(|&n| {
            is_number(&tokens[n])
                && !is_time(&tokens[n])
                && (n..k).all(joined)
                && (n + 1..k).all(|i| !text::is_stop_word(&tokens[i].norm) && !tokens[i].number)
        })?;
        // How many of the question's terms the count's words match: "people killed" is "two
        // individuals dead", not "6,700 individuals".
        let mut terms: Vec<usize> = matched
            .iter()
            .filter(|&&(i, _)| n <= i && i <= k)
            .map(|&(_, t)| t)
            .collect();
        terms.sort_unstable();
        terms.dedup();
        Some((terms.len(), n, k))
    });
    // The count of the most terms, the first of those (`max_by_key` keeps the last).
    let (_, n, k) = counts.rev().max_by_key(|&(terms, _, _)| terms)?;
    let (start, _) = number_phrase(
        tokens,
        sentence,
        Span {
            start: n,
            end: n + 1,
        },
    );
    Some(sentence[start..tokens[k].end].to_string())
}

/// For "what will X do (if ...)": what the passage says will be done, the words after its "will"
/// up to a condition or the clause's end ("she will arrange new elections if ..." -> "arrange
/// new elections").
fn future_deed(question_tokens: &[Token], tokens: &[Token], sentence: &str) -> Option<String> {
    let words: Vec<&str> = question_tokens.iter().map(|t| t.norm.as_str()).collect();
    let at = words
        .iter()
        .position(|w| matches!(*w, "will" | "would" | "gonna"))?;
    if !words[at..].contains(&"do") {
        return None;
    }
    let will = tokens
        .iter()
        .position(|t| matches!(t.norm.as_str(), "will" | "would"))?;
    let start = will + 1;
    let end = clause_end(tokens, sentence, start)?;
    let end = (start..end)
        .find(|&i| {
            matches!(
                tokens[i].norm.as_str(),
                "if" | "unless" | "when" | "once" | "after" | "before"
            )
        })
        .unwrap_or(end);
    (end > start).then(|| sentence[tokens[start].start..tokens[end - 1].end].to_string())
}

/// The noun a "what N" / "which N" question asks about ("what military alliance did ..." ->
/// "alliance", "what's the military alliance putin mentioned" -> "alliance"): the last word
/// before the first function word after "what" or "which", or after "what is the" the last
/// before a clause about it.
fn question_focus_noun<'a>(question_tokens: &'a [Token], lexicon: &Lexicon) -> Option<&'a str> {
    let at = question_tokens
        .iter()
        .position(|t| matches!(t.norm.as_str(), "what" | "which" | "whats"))?;
    let rest: Vec<&str> = question_tokens[at + 1..]
        .iter()
        .map(|t| t.norm.as_str())
        .collect();
    let article = |w: Option<&&str>| w.is_some_and(|w| text::is_article(w));
    let skip = match rest.first() {
        Some(&("is" | "was" | "are" | "were")) if article(rest.get(1)) => 2,
        _ if article(rest.first()) => 1,
        _ => 0,
    };
    // "what kind of pictures": the pictures.
    let kind_of = rest.len() > skip + 1
        && matches!(rest[skip], "kind" | "sort" | "type")
        && rest[skip + 1] == "of";
    // "the protesters outside the broadcaster": a preposition ends the noun run too.
    let mut words: Vec<&str> = rest[skip + if kind_of { 2 } else { 0 }..]
        .iter()
        .copied()
        .take_while(|w| !text::is_stop_word(w) && !LOCATIVE.contains(w) && !POSITIONAL.contains(w))
        .collect();
    if skip > 0 {
        // "what is the alliance putin mentioned": the noun is what a clause after it (a name,
        // then its verb) is about, so its name is asked for. Without such a clause the question
        // asks something about the noun ("what is the council for").
        let named_subject = (1..words.len()).find(|&i| {
            !lexicon.is_verb_form(words[i])
                && !words[i].ends_with("ing")
                && (!lexicon.is_lemma(words[i]) || lexicon.is_proper(words[i]))
                && words.get(i + 1).is_some_and(|n| lexicon.is_verb_form(n))
        });
        // "the alliance (that) the kremlin mentioned", "the council she set up"
        let opens_clause = rest.get(skip + words.len()).is_some_and(|w| {
            matches!(
                *w,
                "that" | "which" | "the" | "he" | "she" | "they" | "it" | "we" | "you" | "i"
            )
        });
        let clause = named_subject.or((opens_clause && !words.is_empty()).then_some(words.len()))?;
        words.truncate(clause);
    }
    // A noun run of one to three words: "what military alliance", not "what happened".
    (1..=3)
        .contains(&words.len())
        .then(|| words[words.len() - 1])
}

/// Question nouns too general to say what kind of thing is wanted.
const VAGUE_KINDS: &[&str] = &[
    "thing", "things", "kind", "sort", "type", "way", "time", "part", "one", "happened", "else",
];

/// How far into a word's list of broader (and narrower) terms a kind asked about may stand.
const CATEGORY_REACH: usize = 40;

/// The kind a "what N" / "which N" question asks for ("language" in "what language do they
/// speak"), and its close synonyms ("colour", "color"); None for a vague or no noun.
fn asked_kinds<'q>(question_tokens: &'q [Token], lexicon: &Lexicon) -> Option<Vec<&'q str>> {
    let wh = question_tokens
        .iter()
        .position(|t| matches!(t.norm.as_str(), "what" | "which" | "whats"));
    // A topic ("opposition colour"): the kind of thing it names.
    let kind_at = match wh {
        Some(at) => at + 1,
        None if !question_tokens
            .iter()
            .any(|t| QUESTION_WORDS.contains(&t.norm.as_str())) =>
        {
            question_tokens
                .iter()
                .position(|t| WHICH_THING_NOUNS.contains(&t.norm.as_str()))?
        }
        None => return None,
    };
    let kind = question_tokens.get(kind_at)?.norm.as_str();
    // ("what's fueling the protests": a verb, no kind.)
    if text::is_stop_word(kind)
        || VAGUE_KINDS.contains(&kind)
        || !lexicon.is_noun(kind)
        || kind.ends_with("ing")
    {
        return None;
    }
    let mut kinds: Vec<&str> = vec![kind];
    for (relation, rank, w) in lexicon.related(kind) {
        if relation == crate::lexicon::Relation::Synonym && rank == 0 {
            kinds.push(w);
        }
    }
    Some(kinds)
}

/// Whether WordNet files `word` under one of `kinds` (its broader terms, or their heads).
fn of_kinds(word: &str, kinds: &[&str], lexicon: &Lexicon) -> bool {
    lexicon.lemmas(word).iter().any(|l| {
        lexicon
            .related(l)
            .filter(|(relation, _, _)| *relation == crate::lexicon::Relation::Broader)
            .take(CATEGORY_REACH)
            // A compound's head says what it is: an "administrative_body" is a body.
            .any(|(_, _, w)| kinds.contains(&w) || kinds.contains(&compound_head(w)))
    })
}

/// For "what language do people speak in belarus": whether the passage names neither the kind
/// asked for (by `term_match`, how well each question term matches the passage) nor anything
/// of that kind, so that it cannot say which one.
pub fn lacks_asked_kind(
    question_tokens: &[Token],
    terms: &[QueryTerm],
    term_match: &[f32],
    sentence: &str,
    lexicon: &Lexicon,
) -> bool {
    let Some(kinds) = asked_kinds(question_tokens, lexicon) else {
        return false;
    };
    let Some(ti) = retrieve::term_for(terms, kinds[0]) else {
        return false;
    };
    let m = term_match.get(ti).copied().unwrap_or(0.0);
    // The passage names the kind: closely, or more loosely where the articles use the word.
    let in_articles = terms[ti].matches.values().any(|&w| w >= 1.0);
    if m >= STRICT_KIND_MATCH || (in_articles && m >= 0.5) {
        return false;
    }
    !text::tokenize(sentence)
        .iter()
        .any(|t| !t.number && !text::is_stop_word(&t.norm) && of_kinds(&t.norm, &kinds, lexicon))
}

/// How well a passage's word must match the kind asked for to name it (see
/// [`lacks_asked_kind`]).
const STRICT_KIND_MATCH: f32 = 0.65;

/// For "what colour ..." questions: the word of the passage WordNet files under the kind asked
/// about ("white", a colour), the one nearest the question's words; with the rest of its name
/// when it is one ("Coordination Council" for "what body"). None when no word is of that kind.
fn category_member(
    question_tokens: &[Token],
    tokens: &[Token],
    sentence: &str,
    matched: &[(usize, usize)],
    lexicon: &Lexicon,
) -> Option<String> {
    // The kind and its close synonyms ("colour" and "color").
    let kinds = asked_kinds(question_tokens, lexicon)?;
    let is_matched = |i: usize| matched.iter().any(|&(m, _)| m == i);
    let of_kind = |i: usize| {
        let t = &tokens[i];
        !t.number
            && !text::is_stop_word(&t.norm)
            && !is_matched(i)
            && of_kinds(&t.norm, &kinds, lexicon)
    };
    let distance = |i: usize| {
        matched
            .iter()
            .map(|&(m, _)| m.abs_diff(i))
            .min()
            .unwrap_or(usize::MAX)
    };
    let best = (0..tokens.len())
        .filter(|&i| of_kind(i))
        .min_by_key(|&i| distance(i))?;
    let (mut start, mut end) = (best, best + 1);
    if tokens[best].capitalized && best > 0 {
        let joined = |a: usize, b: usize| sentence[tokens[a].end..tokens[b].start] == *" ";
        while start > 1 && tokens[start - 1].capitalized && joined(start - 1, start) {
            start -= 1;
        }
        while end < tokens.len() && tokens[end].capitalized && joined(end - 1, end) {
            end += 1;
        }
    }
    Some(sentence[tokens[start].start..tokens[end - 1].end].to_string())
}

/// For "what did she set up *to handle the transfer of power*": the thing the passage gives
/// that purpose to ("a Coordination Council *to ensure a transfer of power*"), the noun phrase
/// right before its "to". None unless the question asks "what" and its purpose clause's words
/// match just after a "to" of the passage.
fn purpose_object(
    question_tokens: &[Token],
    terms: &[QueryTerm],
    tokens: &[Token],
    sentence: &str,
    matched: &[(usize, usize)],
    lexicon: &Lexicon,
) -> Option<String> {
    if !question_tokens
        .first()
        .is_some_and(|t| matches!(t.norm.as_str(), "what" | "whats"))
    {
        return None;
    }
    // A "to" right after the verb ("set up to handle"), not after its object ("want other
    // countries to help", "driving the movement to grow").
    let q_to = (2..question_tokens.len().saturating_sub(1)).find(|&i| {
        let before = question_tokens[i - 1].norm.as_str();
        let next = question_tokens[i + 1].norm.as_str();
        // "set up to handle a handover", "set up for a handover".
        let purpose = match question_tokens[i].norm.as_str() {
            "to" => !text::is_stop_word(next),
            "for" => !text::is_stop_word(next) || text::is_article(next),
            _ => false,
        };
        purpose
            && (matches!(before, "up" | "out" | "off" | "down" | "in")
                || lexicon.can_be_verb(before))
    })?;
    let purpose: Vec<usize> = question_tokens[q_to + 1..]
        .iter()
        .filter_map(|t| retrieve::term_for(terms, &t.norm))
        .collect();
    let is_matched = |i: usize| matched.iter().any(|&(m, _)| m == i);
    let t = (1..tokens.len()).find(|&t| {
        tokens[t].norm == "to"
            && matched
                .iter()
                .any(|&(m, term)| m > t && m <= t + 6 && purpose.contains(&term))
    })?;
    let mut start = t;
    while start > 0
        && t - start < 4
        && !text::is_stop_word(&tokens[start - 1].norm)
        && !tokens[start - 1].number
        // A question word may be part of the name ("Coordination" for "organise").
        && (!is_matched(start - 1) || tokens[start - 1].capitalized)
        && sentence[tokens[start - 1].end..tokens[start].start] == *" "
    {
        start -= 1;
    }
    if start == t {
        return None;
    }
    if start > 0 && text::is_article(&tokens[start - 1].norm) {
        start -= 1;
    }
    Some(sentence[tokens[start].start..tokens[t - 1].end].to_string())
}

/// For "what did X say": the passage's quotation of what was said ("We are against
/// violence"), rather than a clause cut across it; a clause inside the quotation is kept
/// ("hand over the country" for "what did he say he won't do").
fn what_was_said(
    question_tokens: &[Token],
    terms: &[QueryTerm],
    sentence: &str,
    answer: String,
) -> String {
    if !asks_what_said(question_tokens, terms) {
        return answer;
    }
    let quotes = text::quotations(sentence);
    let words = |t: &str| text::tokenize(t).len();
    // A clause that holds a quotation reports it ("Putin had revealed Russia's 'readiness to
    // give the needed aid'"), unless the quotation is most of it ("with mottos such as 'We
    // are against violence'").
    if let Some(q) = quotes.iter().find(|q| answer.contains(*q)) {
        return if 2 * words(q) >= words(&answer) {
            q.trim_end_matches([',', '.', ' ']).to_string()
        } else {
            answer
        };
    }
    // A clause that starts inside a quotation is what was said, up to the quotation's end.
    let head: String = answer.chars().take(24).collect();
    let head = head.trim_matches(|c: char| !c.is_alphanumeric());
    // (At a word's start: "he" is not the end of "The".)
    let word_at = |q: &str| {
        q.match_indices(head).map(|(i, _)| i).find(|&i| {
            !q[..i].ends_with(char::is_alphanumeric)
                && !q[i + head.len()..].starts_with(char::is_alphanumeric)
        })
    };
    if let Some((q, from)) = quotes.iter().find_map(|q| word_at(q).map(|i| (q, i))) {
        let rest = &q[from..];
        let inside = if answer.len() <= rest.len() && rest.starts_with(answer.as_str()) {
            answer.as_str()
        } else {
            rest
        };
        return inside.trim_end_matches([',', '.', ' ']).to_string();
    }
    quotes
        .into_iter()
        .find(|q| words(q) >= MIN_QUOTED_WORDS)
        .map(|q| asked_sentence_of(q, terms))
        .map_or(answer, |q| q.trim_end_matches([',', '.', ' ']).to_string())
}

/// Whether a question asks what was said: "what did he say (about ...)", "what did she tell
/// them".
fn asks_what_said(question_tokens: &[Token], terms: &[QueryTerm]) -> bool {
    let asks_what = question_tokens
        .first()
        .is_some_and(|t| matches!(t.norm.as_str(), "what" | "whats"));
    // ("tell" may be no term: "what did he tell his supporters".)
    let says = terms.iter().any(|t| t.speech)
        || question_tokens.iter().any(|t| {
            matches!(
                t.norm.as_str(),
                "say" | "said" | "says" | "tell" | "told" | "tells"
            )
        });
    asks_what && says
}

/// For "what did he say about handing over the country", when no clause answers: the
/// sentence of the passage's quotation that matches the question best ("We will not hand over
/// the country").
fn quoted_saying(question_tokens: &[Token], terms: &[QueryTerm], sentence: &str) -> Option<String> {
    if !asks_what_said(question_tokens, terms) {
        return None;
    }
    text::quotations(sentence)
        .into_iter()
        .find(|q| text::tokenize(q).len() >= MIN_QUOTED_WORDS)
        .map(|q| {
            asked_sentence_of(q, terms)
                .trim_end_matches([',', '.', ' '])
                .to_string()
        })
}

/// The sentence of a quotation of several that matches the question's terms best ("We will
/// not hand over the country" for "what did he say he won't do with the country"), or the
/// whole quotation when none matches better than the others.
fn asked_sentence_of<'q>(quotation: &'q str, terms: &[QueryTerm]) -> &'q str {
    let mut sentences: Vec<&str> = Vec::new();
    let mut from = 0;
    for (i, _) in quotation.match_indices(". ") {
        sentences.push(&quotation[from..=i]);
        from = i + 2;
    }
    sentences.push(&quotation[from..]);
    if sentences.len() < 2 {
        return quotation;
    }
    // (Not the verb of saying: "misstated" is no more said than the rest.)
    let score = |s: &str| -> f32 {
        terms
            .iter()
            .filter(|t| !t.speech)
            .map(|t| {
                text::tokenize(s)
                    .iter()
                    .filter_map(|w| t.matches.get(&w.norm))
                    .fold(0.0f32, |a, &m| a.max(m))
            })
            .sum()
    };
    let scored: Vec<f32> = sentences.iter().map(|s| score(s)).collect();
    let best = scored.iter().copied().fold(0.0f32, f32::max);
    let at_best: Vec<usize> = (0..scored.len()).filter(|&i| scored[i] >= best).collect();
    match at_best.as_slice() {
        [only] if best > 0.0 => sentences[*only].trim(),
        _ => quotation,
    }
}

/// A quotation shorter than this ("if needed") is a phrase, not what someone said.
const MIN_QUOTED_WORDS: usize = 4;

/// The last word of a WordNet compound ("body" of "administrative_body"), or the word itself.
fn compound_head(word: &str) -> &str {
    word.rsplit('_').next().unwrap_or(word)
}

/// For "what N" questions: the name the passage gives the thing the question's noun matched,
/// before it ("the CSTO army partnership"), after it ("newspaper Nasha Niva") or around it ("a
/// Coordination Council").
fn named_focus(
    question_tokens: &[Token],
    terms: &[QueryTerm],
    tokens: &[Token],
    sentence: &str,
    matched: &[(usize, usize)],
    lexicon: &Lexicon,
) -> Option<String> {
    let noun = question_focus_noun(question_tokens, lexicon)?;
    let term = terms.iter().position(|t| t.word == noun)?;
    let k = matched.iter().find(|&&(_, t)| t == term).map(|&(i, _)| i)?;
    let named = |i: usize| {
        let t = &tokens[i];
        (t.capitalized || t.acronym) && i > 0 && !text::is_stop_word(&t.norm)
    };
    let joined = |a: usize, b: usize| sentence[tokens[a].end..tokens[b].start] == *" ";
    // A name around the word itself, or right after it.
    if named(k) || (k + 1 < tokens.len() && named(k + 1) && joined(k, k + 1)) {
        let mut start = if named(k) { k } else { k + 1 };
        while start > 0 && named(start - 1) && joined(start - 1, start) {
            start -= 1;
        }
        let mut end = start + 1;
        while end < tokens.len() && named(end) && joined(end - 1, end) {
            end += 1;
        }
        return Some(sentence[tokens[start].start..tokens[end - 1].end].to_string());
    }
    // A name among the words that modify it: "the CSTO army partnership".
    let (mut start, end) = (k, k + 1);
    let mut first_named = None;
    while start > 0 && k - (start - 1) <= 3 && joined(start - 1, start) {
        let prev = &tokens[start - 1];
        if text::is_stop_word(&prev.norm) || prev.number {
            break;
        }
        start -= 1;
        if named(start) {
            first_named = Some(start);
        }
    }
    let s = first_named?;
    Some(sentence[tokens[s].start..tokens[end - 1].end].to_string())
}

/// For "what is X doing", "what did X do": the passage's clause from the first verb after
/// where it names X (the question's first term), within its clause. None when the question's
/// verb is not "do", or no verb follows.
fn deed_of_subject(
    question_tokens: &[Token],
    terms: &[QueryTerm],
    tokens: &[Token],
    sentence: &str,
    matched: &[(usize, usize)],
    lexicon: &Lexicon,
) -> Option<String> {
    // "do" as the main verb: "doing", "done", or a "do" after the subject (not "what do they").
    let asks_deed = question_tokens
        .iter()
        .enumerate()
        .any(|(i, t)| matches!(t.norm.as_str(), "doing" | "done") || (t.norm == "do" && i > 1));
    if !asks_deed {
        return None;
    }
    let position = |t: &QueryTerm| question_tokens.iter().position(|q| q.norm == t.word);
    // "tikhanovskaya's council": the one who owns is not the one who does.
    let possessive = |t: &QueryTerm| {
        position(t).is_some_and(|p| {
            let q = &question_tokens[p];
            q.end - q.start >= q.norm.len() + 2
        })
    };
    let subject = (0..terms.len())
        .filter(|&t| matched.iter().any(|&(_, m)| m == t) && !possessive(&terms[t]))
        .min_by_key(|&t| position(&terms[t]).unwrap_or(usize::MAX))?;
    let at = matched
        .iter()
        .filter(|&&(_, t)| t == subject)
        .map(|&(i, _)| i)
        .min()?;
    let verb = (at + 1..tokens.len().min(at + 8))
        .take_while(|&k| !sentence[tokens[k - 1].end..tokens[k].start].contains([',', ';', '.']))
        .find(|&k| {
            let w = tokens[k].norm.as_str();
            !text::is_stop_word(w)
                && (lexicon.is_verb_form(w) || (lexicon.can_be_verb(w) && !lexicon.is_noun(w)))
        })?;
    clause_from(tokens, sentence, verb)
}

/// Whether `word` is a verb of a relative clause in the question ("who were detained" in "what
/// does she want done with the people who were detained"): after a "who", "that" or "which"
/// that is not the question's first word, past at most two auxiliaries.
fn in_relative_clause(question_tokens: &[Token], word: &str) -> bool {
    question_tokens.iter().enumerate().any(|(i, t)| {
        if t.norm != word {
            return false;
        }
        let mut p = i;
        for _ in 0..3 {
            let Some(before) = p.checked_sub(1) else {
                return false;
            };
            p = before;
            match question_tokens[p].norm.as_str() {
                "who" | "that" | "which" => return p > 0,
                "was" | "were" | "is" | "are" | "been" | "be" | "being" | "had" | "has"
                | "have" | "got" => {}
                _ => return false,
            }
        }
        false
    })
}

/// For what/why questions: the clause that follows the question's predicate (its last word that
/// can be a verb) in the passage, or the last matched word when no predicate matched.
fn clause_after_focus(
    question_tokens: &[Token],
    terms: &[QueryTerm],
    tokens: &[Token],
    sentence: &str,
    matched: &[(usize, usize)],
    lexicon: &Lexicon,
) -> Option<String> {
    if matched.is_empty() {
        return None;
    }
    let verb_terms: Vec<usize> = terms
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            used_as_verb(question_tokens, &t.word, lexicon)
                || (!question_tokens.iter().any(|q| q.norm == t.word)
                    && lexicon.can_be_verb(&t.word))
        })
        .map(|(i, _)| i)
        .collect();
    // A verb that only says which people or things are meant ("the people who were detained")
    // is no predicate while the question has another.
    let main_verbs: Vec<usize> = verb_terms
        .iter()
        .copied()
        .filter(|&t| !in_relative_clause(question_tokens, &terms[t].word))
        .collect();
    let verb_terms = if main_verbs.is_empty() {
        verb_terms
    } else {
        main_verbs
    };
    // Of a verb of saying's places, the one nearest the other question words: "the European
    // Union *said* ..., and Moscow stated ..." for "what did the european union say".
    let nearness = |i: usize, vt: usize| {
        matched
            .iter()
            .filter(|&&(_, t)| t != vt)
            .map(|&(j, _)| j.abs_diff(i))
            .min()
            .unwrap_or(0)
    };
    let focus = verb_terms
        .iter()
        .rev()
        .find_map(|&vt| {
            // Where the passage uses a verb for it: "decide" is not done by "the election".
            matched
                .iter()
                .rev()
                .filter(|&&(i, term)| term == vt && lexicon.can_be_verb(&tokens[i].norm))
                .min_by_key(|&&(i, _)| if terms[vt].speech { nearness(i, vt) } else { 0 })
                .map(|&(i, _)| i)
        })
        .unwrap_or_else(|| {
            let last_term = matched.iter().map(|&(_, t)| t).max().unwrap_or(0);
            matched
                .iter()
                .filter(|&&(_, t)| t == last_term)
                .map(|&(i, _)| i)
                .min()
                .unwrap_or(0)
        });
    // "what is the eu doing about belarus": what the subject does, from the passage's verb
    // after it ("EU priests on Friday *agreed* to draw up a list ...").
    if verb_terms.is_empty() {
        if let Some(done) =
            deed_of_subject(question_tokens, terms, tokens, sentence, matched, lexicon)
        {
            return Some(done);
        }
    }
    let mut start = focus + 1;
    while start < tokens.len() && matched.iter().any(|&(i, _)| i == start) {
        start += 1;
    }
    // "held up *pictures* of bruised protesters" for "what pictures did they hold up": the
    // noun asked about, with what follows it, is the answer.
    let asked_noun = question_focus_noun(question_tokens, lexicon)
        .and_then(|noun| terms.iter().position(|t| t.word == noun));
    if start > focus + 1
        && start < tokens.len()
        && tokens[start].norm == "of"
        && asked_noun.is_some_and(|t| matched.contains(&(start - 1, t)))
    {
        start -= 1;
    } else if start < tokens.len() - 1 && tokens[start].norm == "of" {
        // "holding up pictures of what": what they are of, without its "of".
        start += 1;
    }
    // "white, *the colour* that has come to symbolise the opposition": a relative clause
    // says nothing without the noun it is about.
    let joined = |a: usize, b: usize| sentence[tokens[a].end..tokens[b].start] == *" ";
    if start >= 2
        && start < tokens.len()
        && matches!(tokens[start].norm.as_str(), "that" | "which")
        && text::is_article(&tokens[start - 2].norm)
        && !text::is_stop_word(&tokens[start - 1].norm)
        && joined(start - 2, start - 1)
        && joined(start - 1, start)
    {
        start -= 2;
    }
    if start >= tokens.len() {
        // Nothing after the focus: take the words before it instead.
        let end = focus;
        let first = matched
            .iter()
            .map(|&(i, _)| i)
            .filter(|&i| i < focus)
            .max()
            .map_or(0, |i| i + 1);
        // ("including her husband *were* jailed": words that only link are no answer.)
        if first >= end
            || tokens[first..end]
                .iter()
                .all(|t| text::is_stop_word(&t.norm))
        {
            return None;
        }
        return Some(sentence[tokens[first].start..tokens[end - 1].end].to_string());
    }
    // "said that in a phone call with Lukashenko, Putin had revealed ...": what was said runs
    // past the phrase that opens it.
    if let Some(said) = opened_by_phrase(tokens, sentence, start) {
        return Some(said);
    }
    let focus_terms: Vec<usize> = matched
        .iter()
        .filter(|&&(i, _)| i == focus)
        .map(|&(_, t)| t)
        .collect();
    if let Some(item) = listed_item_holding(tokens, sentence, start, matched, &focus_terms, lexicon)
    {
        return Some(item);
    }
    informative_clause_from(tokens, sentence, start, matched)
}

/// "She demanded the authorities release all detainees, get rid of safety and security
/// pressures from the roads and open criminal instances ..." for "what does she want done with
/// the security forces": of a list after the focus, the item (past the first) where the
/// question's other words are.
fn listed_item_holding(
    tokens: &[Token],
    sentence: &str,
    start: usize,
    matched: &[(usize, usize)],
    focus_terms: &[usize],
    lexicon: &Lexicon,
) -> Option<String> {
    let gap = |k: usize| &sentence[tokens[k - 1].end..tokens[k].start];
    // Where each item after the first begins: after a comma, or after an "and" that follows
    // one and comes before a verb ("and open ...", not "safety and security"). A list ends on
    // such an "and" (not "white, the colour that ...").
    let mut starts = Vec::new();
    let mut listed = false;
    let mut closed = false;
    for k in start + 1..tokens.len() {
        if gap(k).contains(',') {
            listed = true;
            starts.push(k);
        } else if listed
            && tokens[k].norm == "and"
            && tokens
                .get(k + 1)
                .is_some_and(|n| lexicon.can_be_verb(&n.norm) && !lexicon.is_verb_form(&n.norm))
        {
            closed = true;
            starts.push(k + 1);
        }
    }
    if !closed {
        return None;
    }
    let asked = |k: usize| {
        matched
            .iter()
            .any(|&(i, t)| i == k && !focus_terms.contains(&t))
    };
    // The first item holds none of them: else it is the answer already.
    if (start..starts[0]).any(asked) {
        return None;
    }
    let ends = starts.iter().skip(1).copied().chain([tokens.len()]);
    for (from, to) in starts.iter().copied().zip(ends) {
        let mut end = to;
        while end > from && tokens[end - 1].norm == "and" {
            end -= 1;
        }
        if (from..end).any(asked) {
            return Some(sentence[tokens[from].start..tokens[end - 1].end].to_string());
        }
    }
    None
}

/// Prepositions that open a phrase before a clause's subject ("in a phone call, ...").
const OPENING_PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "during", "after", "before", "since", "from", "with", "for", "despite",
];

/// The clause reported after "that" at token `start` when a short phrase opens it ("that in
/// a phone call with Lukashenko, President Vladimir Putin had revealed ..."): the phrase, its
/// comma and the clause after it.
fn opened_by_phrase(tokens: &[Token], sentence: &str, start: usize) -> Option<String> {
    if tokens.get(start)?.norm != "that"
        || !OPENING_PREPOSITIONS.contains(&tokens.get(start + 1)?.norm.as_str())
    {
        return None;
    }
    let comma = (start + 2..tokens.len().min(start + 10))
        .find(|&i| sentence[tokens[i - 1].end..tokens[i].start].contains(','))?;
    let end = clause_end(tokens, sentence, comma)?;
    Some(sentence[tokens[start + 1].start..tokens[end - 1].end].to_string())
}

/// The words from token `start` up to the end of their clause (at most 20).
fn clause_from(tokens: &[Token], sentence: &str, start: usize) -> Option<String> {
    let end = clause_end(tokens, sentence, start)?;
    let s = tokens[start].start;
    let e = tokens[end - 1].end;
    Some(
        sentence[s..e]
            .trim_matches(['“', '”', '"', ' '])
            .to_string(),
    )
}

/// The token after the last one of the clause that starts at token `start` (at most 20 words).
fn clause_end(tokens: &[Token], sentence: &str, start: usize) -> Option<usize> {
    if start >= tokens.len() {
        return None;
    }
    let mut end = start;
    let mut words = 0;
    while end < tokens.len() && words < 20 {
        if end > start {
            let gap = &sentence[tokens[end - 1].end..tokens[end].start];
            let hard = gap.contains(['.', ';', ':', '(', ')', '—']);
            let soft = gap.contains([',', '”']);
            if hard || (soft && words >= 2) {
                break;
            }
            // "and on Friday numerous workers ...": another clause; "and (also) its
            // independence": more of the same object.
            let mut after = end + 1;
            if tokens.get(after).is_some_and(|n| n.norm == "also") {
                after += 1;
            }
            let possessive = tokens.get(after).is_some_and(|n| {
                matches!(
                    n.norm.as_str(),
                    "its" | "his" | "her" | "their" | "our" | "your"
                )
            });
            if words >= 2
                && tokens[end].norm == "and"
                && !possessive
                && tokens
                    .get(end + 1)
                    .is_some_and(|n| text::is_stop_word(&n.norm) || is_time(n))
            {
                break;
            }
        }
        words += 1;
        end += 1;
    }
    // Cut at the cap, a clause does not end on a function word ("... anniversary of the").
    if words >= 20 && end < tokens.len() {
        while end > start + 1 && text::is_stop_word(&tokens[end - 1].norm) {
            end -= 1;
        }
    }
    Some(end)
}

/// The first clause from token `start` on that says more than the question: "in a phone call
/// with Lukashenko, President Vladimir Putin had revealed ..." skips "with Lukashenko" when
/// the question names Lukashenko.
fn informative_clause_from(
    tokens: &[Token],
    sentence: &str,
    mut start: usize,
    matched: &[(usize, usize)],
) -> Option<String> {
    let first = start;
    for _ in 0..3 {
        let end = clause_end(tokens, sentence, start)?;
        let new_words = (start..end)
            .any(|i| !text::is_stop_word(&tokens[i].norm) && !matched.iter().any(|&(m, _)| m == i));
        if new_words {
            return contrasted(tokens, sentence, start, end)
                .or_else(|| clause_from(tokens, sentence, start));
        }
        start = end;
    }
    clause_from(tokens, sentence, first)
}

/// "not to defend me … however, for the first time in a quarter-century, to protect your
/// country": what a "not A but B" clause in `[start, end)` says instead, from the first "to"
/// after the "but" or "however" (or the next clause).
fn contrasted(tokens: &[Token], sentence: &str, start: usize, end: usize) -> Option<String> {
    let not = (start..end).find(|&i| tokens[i].norm == "not")?;
    let but = (not + 1..(end + 1).min(tokens.len()))
        .find(|&i| matches!(tokens[i].norm.as_str(), "but" | "however"))?;
    let to = (but + 1..(but + 12).min(tokens.len())).find(|&i| tokens[i].norm == "to");
    clause_from(tokens, sentence, to.unwrap_or(but + 1))
}

#[cfg(test)]
mod tests {
    use super::{
        asks_name, balanced_quotes, classify, is_decade_count, only_when, states_reason,
        QuestionKind,
    };
    use crate::text::question_tokens;

    #[test]
    fn an_answer_of_a_day_or_a_month_only_says_when() {
        for when in [
            "on Tuesday",
            "last week",
            "in August 2020",
            "on Saturday night",
        ] {
            assert!(only_when(when), "{when}");
        }
        for other in [
            "where she left on Tuesday",
            "in Lithuania",
            "to sign up",
            "26 years",
        ] {
            assert!(!only_when(other), "{other}");
        }
    }

    #[test]
    fn a_name_is_asked_for_by_name_of_or_by_a_name_at_the_end() {
        for asked in [
            "what is the name of the newspaper",
            "whats her husbands name",
            "what's tikhanovskaya's husband's name",
            "what was the march called",
        ] {
            assert!(asks_name(&question_tokens(asked)), "{asked}");
        }
        assert!(!asks_name(&question_tokens("did they name a date")));
    }

    #[test]
    fn a_quotation_cut_by_the_answer_is_closed() {
        assert_eq!(
            balanced_quotes("to help to \u{201c}make sure the safety"),
            "to help to \u{201c}make sure the safety\u{201d}"
        );
        assert_eq!(
            balanced_quotes("the needed aid\u{201d} via the CSTO"),
            "\u{201c}the needed aid\u{201d} via the CSTO"
        );
        assert_eq!(
            balanced_quotes("as \u{201c}said\u{201d}"),
            "as \u{201c}said\u{201d}"
        );
    }
    use crate::lexicon::Lexicon;
    use crate::text::tokenize;

    #[test]
    fn the_noun_after_what_says_the_kind_even_past_its_modifiers() {
        let kind = |q: &str| classify(&tokenize(q));
        assert_eq!(kind("what human rights group spoke"), QuestionKind::Person);
        assert_eq!(
            kind("what baltic country did she go to"),
            QuestionKind::Place
        );
        // Not past a verb or a function word.
        assert_eq!(kind("what did the group say"), QuestionKind::Thing);
    }

    #[test]
    fn the_kind_of_a_request_a_clause_or_keywords() {
        let kind = |q: &str| classify(&tokenize(q));
        // A clause of time in a yes/no question does not ask when; "say when" does.
        assert_eq!(
            kind("did he agree to quit when he spoke"),
            QuestionKind::YesNo
        );
        assert_eq!(kind("did he say when he would quit"), QuestionKind::Time);
        assert_eq!(kind("are workers striking, and when"), QuestionKind::Time);
        // "which colour" asks for a thing, "which newspaper" for a name.
        assert_eq!(kind("which colour do they wear"), QuestionKind::Thing);
        assert_eq!(kind("which newspaper posted it"), QuestionKind::Person);
        // "the point of it" is a purpose; "the end point of it" a place.
        assert_eq!(
            kind("what was the point of the march"),
            QuestionKind::Reason
        );
        assert_eq!(
            kind("what was the end point of the march"),
            QuestionKind::Place
        );
        // Keywords.
        assert_eq!(kind("ambassador to slovakia name"), QuestionKind::Person);
        assert_eq!(
            kind("newspaper that posted the video"),
            QuestionKind::Person
        );
        assert_eq!(kind("sanctions that the eu agreed"), QuestionKind::Thing);
        assert_eq!(kind("lukashenko gonna step down"), QuestionKind::YesNo);
        assert_eq!(kind("sat night protest location"), QuestionKind::Place);
    }

    #[test]
    fn tens_and_hundreds_written_as_digits_count() {
        assert!(is_decade_count("10s"));
        assert!(is_decade_count("100s"));
        assert!(!is_decade_count("1990s"));
        assert!(!is_decade_count("20s"));
        assert!(!is_decade_count("s"));
    }

    #[test]
    fn a_reason_is_a_cause_or_a_purpose() {
        let lex = Lexicon::get();
        assert!(states_reason("They marched to denounce the result.", lex));
        assert!(states_reason("Shops closed because of the strike.", lex));
        assert!(states_reason("Flights stopped due to fog.", lex));
        assert!(states_reason("Anger grew, fuelled by rising prices.", lex));
        assert!(!states_reason("A march called by the unions.", lex));
        assert!(!states_reason("The number was closer to 10,000.", lex));
        assert!(!states_reason("He went to Minsk on Sunday.", lex));
    }
}
