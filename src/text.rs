//! Text analysis shared by indexing and retrieval: tokens with byte spans, case folding and the
//! English function words that carry no content.

/// One word or number of a text, with where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Lower-cased, with typographic apostrophes made plain and a possessive `'s` dropped.
    pub norm: String,
    /// Byte offset of the token in the analysed text.
    pub start: usize,
    /// Byte offset just past the token.
    pub end: usize,
    /// True for numbers such as `6,700`, `80` or `26`.
    pub number: bool,
    /// True when the token starts with a capital letter as written.
    pub capitalized: bool,
    /// True for an all-capitals word of two or more letters ("US", "EU", "CSTO").
    pub acronym: bool,
    /// True when a hyphen joins the token to the one before ("owned" in "state-owned").
    pub hyphenated: bool,
    /// True when the word was written with a possessive "'s", dropped from `norm` ("sunday's").
    pub possessive: bool,
}

/// Splits `text` into tokens: runs of letters and digits, with apostrophes inside words and
/// `,`/`.` between digits kept; hyphens split (`ex-Soviet` -> `ex`, `soviet`).
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if !c.is_alphanumeric() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let (_, cj) = chars[j];
            if cj.is_alphanumeric() {
                j += 1;
                continue;
            }
            let next_alnum = chars.get(j + 1).map(|&(_, n)| n.is_alphanumeric());
            let prev = chars[j - 1].1;
            let inner_apostrophe = matches!(cj, '\'' | '’') && next_alnum == Some(true);
            let digit_sep = matches!(cj, ',' | '.')
                && prev.is_ascii_digit()
                && chars.get(j + 1).is_some_and(|&(_, n)| n.is_ascii_digit());
            // "U.S.", "e.u.": letters joined by full stops are one word.
            let initialism = cj == '.'
                && next_alnum == Some(true)
                && chars[i..j].iter().enumerate().all(|(k, &(_, ck))| {
                    if k % 2 == 0 {
                        ck.is_alphabetic()
                    } else {
                        ck == '.'
                    }
                })
                && (j - i) % 2 == 1
                && chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphabetic())
                && !chars.get(j + 2).is_some_and(|&(_, n)| n.is_alphanumeric());
            if inner_apostrophe || digit_sep || initialism {
                j += 1;
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        let raw = &text[start..end];
        let dotted = raw.contains('.') && !raw.starts_with(|c: char| c.is_ascii_digit());
        let mut norm: String = raw
            .chars()
            .filter(|&c| !(dotted && c == '.'))
            .map(|c| if c == '’' { '\'' } else { c })
            .flat_map(char::to_lowercase)
            .collect();
        let mut possessive = false;
        for suffix in ["'s", "'"] {
            if norm.len() > suffix.len() + 1 && norm.ends_with(suffix) {
                norm.truncate(norm.len() - suffix.len());
                possessive = suffix == "'s";
                break;
            }
        }
        let number = raw.chars().next().is_some_and(|c| c.is_ascii_digit());
        let letters = raw.chars().filter(|c| c.is_alphabetic()).count();
        let acronym =
            letters >= 2 && (dotted || raw.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()));
        let hyphenated =
            i >= 2 && matches!(chars[i - 1].1, '-' | '‐' | '‑') && chars[i - 2].1.is_alphanumeric();
        tokens.push(Token {
            norm,
            start,
            end,
            number,
            capitalized: c.is_uppercase(),
            acronym,
            hyphenated,
            possessive,
        });
        i = j;
    }
    tokens
}

/// The quotations of a sentence, in order: between curly or straight double quotes; a
/// sentence that opens with a closing quote opens a quotation with it.
pub fn quotations(sentence: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in sentence.char_indices() {
        let next = i + c.len_utf8();
        match (c, open) {
            ('“', _) => open = Some(next),
            ('”', None) if sentence[..i].trim().is_empty() => open = Some(next),
            ('"', None) => open = Some(next),
            ('”' | '"', Some(start)) => {
                let quoted = sentence[start..i].trim();
                if !quoted.is_empty() {
                    out.push(quoted);
                }
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// Whether `word` (lower-cased) is an article: "the", "a", "an".
pub fn is_article(word: &str) -> bool {
    matches!(word, "the" | "a" | "an")
}

/// Whether `word` (lower-cased) is a determiner: an article, a demonstrative or a possessive
/// ("the", "these", "her"), so that the word after it is a noun's.
pub fn is_determiner(word: &str) -> bool {
    is_article(word)
        || matches!(
            word,
            "this"
                | "that"
                | "these"
                | "those"
                | "his"
                | "her"
                | "its"
                | "their"
                | "our"
                | "my"
                | "your"
        )
}

/// English function words: articles, pronouns, auxiliaries, prepositions, conjunctions and the
/// question words. They are left out of queries and of the coverage of a question.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok() || is_contraction(word)
}

/// A function word with a contracted auxiliary or "not" ("he'd", "they're", "we'll",
/// "shouldn't"): as empty of content as the words it stands for.
fn is_contraction(word: &str) -> bool {
    if let Some(stem) = word.strip_suffix("n't") {
        return STOP_WORDS.binary_search(&stem).is_ok() || matches!(stem, "need" | "ai" | "dare");
    }
    word.split_once('\'').is_some_and(|(head, tail)| {
        matches!(tail, "d" | "ll" | "re" | "ve" | "m") && STOP_WORDS.binary_search(&head).is_ok()
    })
}

/// The days of the week, lower-case, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The months, lower-case, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Number words ("two", "hundreds", "dozen").
pub const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "tens",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "dozen",
    "dozens",
];

/// The basic colour words.
const COLOURS: &[&str] = &[
    "white", "black", "red", "blue", "green", "yellow", "orange", "purple", "pink", "brown",
    "grey", "gray",
];

/// A kind of value a question can get wrong: a number, a day of the week, a month, a colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    Number,
    /// A year ("2020"), which is no rival of a count.
    Year,
    Weekday,
    Month,
    /// A colour ("white", "red").
    Colour,
}

/// The kind of value a lower-case word is ("42", "6,700", "eight", "dozens", "tuesday",
/// "august"); `None` for "one", which is as often a pronoun.
pub fn value_kind(word: &str) -> Option<ValueKind> {
    let digits = word.bytes().any(|b| b.is_ascii_digit())
        && word
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.');
    let year = digits && word.len() == 4 && (word.starts_with("19") || word.starts_with("20"));
    if year {
        Some(ValueKind::Year)
    } else if digits || (word != "one" && NUMBER_WORDS.contains(&word)) {
        Some(ValueKind::Number)
    } else if WEEKDAYS.contains(&word) {
        Some(ValueKind::Weekday)
    } else if MONTHS.contains(&word) && word != "may" && word != "march" {
        Some(ValueKind::Month)
    } else if COLOURS.contains(&word) {
        Some(ValueKind::Colour)
    } else {
        None
    }
}

/// Whether two lower-case words give the same value: the same word, or the same count written
/// in figures and in words ("2", "two"; "6,700").
pub fn same_value(a: &str, b: &str) -> bool {
    a == b || count_of(a).is_some_and(|n| count_of(b) == Some(n))
}

/// The count a word gives exactly ("2", "two", "6,700", "dozen"); not "hundreds".
fn count_of(word: &str) -> Option<u64> {
    const SMALL: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    if let Some(n) = SMALL.iter().position(|w| *w == word) {
        return Some(n as u64);
    }
    match word {
        "twenty" => Some(20),
        "thirty" => Some(30),
        "forty" => Some(40),
        "fifty" => Some(50),
        "dozen" => Some(12),
        "hundred" => Some(100),
        "thousand" => Some(1000),
        "million" => Some(1_000_000),
        _ if word.bytes().all(|b| b.is_ascii_digit() || b == b',') => {
            word.replace(',', "").parse().ok()
        }
        _ => None,
    }
}

/// A day of the week, in any case ("Monday", "monday").
pub fn is_weekday(word: &str) -> bool {
    WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(word))
}

/// A month's name, in any case ("August", "may").
pub fn is_month(word: &str) -> bool {
    MONTHS.iter().any(|m| m.eq_ignore_ascii_case(word))
}

/// A month that is nothing else: "may" (the verb) and "march" (the walk) are left out, since in
/// running text they are more often words than dates.
pub fn is_unambiguous_month(word: &str) -> bool {
    is_month(word) && !word.eq_ignore_ascii_case("may") && !word.eq_ignore_ascii_case("march")
}

/// Whether token `i` only fills the question out in chat: "like" leading into it ("like what
/// exactly does she want"), "right" in "right now" (which is only "now").
pub fn is_filler(tokens: &[Token], i: usize) -> bool {
    let next = tokens.get(i + 1).map_or("", |t| t.norm.as_str());
    match tokens.get(i).map_or("", |t| t.norm.as_str()) {
        // ... or only hedging in speech: "when did he die like which day", "what were they
        // doing like exactly", "it was like a tv place", "how many got hurt like".
        "like" => {
            let prev = i
                .checked_sub(1)
                .and_then(|p| tokens.get(p))
                .map_or("", |t| t.norm.as_str());
            matches!(next, "what" | "who" | "when" | "where" | "why" | "how")
                || matches!(
                    next,
                    "exactly" | "really" | "basically" | "literally" | "um" | "uh"
                )
                || (next.is_empty()
                    && i > 0
                    && !matches!(
                        prev,
                        "it" | "would" | "look" | "looks" | "looked" | "feel" | "feels" | "felt"
                    )
                    && !is_stop_word(prev))
                || (matches!(prev, "was" | "is" | "were" | "are") && is_article(next))
        }
        // "got arrested", "gets transferred": a passive's helper, as "was" is.
        "get" | "gets" | "got" | "getting" | "gotten" => {
            (next.len() > 3 && next.ends_with("ed")) || IRREGULAR_PARTICIPLES.contains(&next)
        }
        "right" => next == "now",
        // "supposed to", "meant to": what was planned, as the verb after it says.
        "supposed" | "meant" => next == "to",
        // "due to finish", "scheduled to end" (not "due to the crackdown", a cause).
        "due" | "scheduled" | "slated" | "set" => {
            next == "to"
                && tokens
                    .get(i + 2)
                    .is_some_and(|t| !is_stop_word(&t.norm) && !is_determiner(&t.norm))
        }
        // "what does she want done (with them)": the wish is the question's verb.
        "done" => tokens[i.saturating_sub(2)..i].iter().any(|t| {
            matches!(
                t.norm.as_str(),
                "want" | "wants" | "wanted" | "need" | "needs" | "needed"
            )
        }),
        _ => in_filler_phrase(tokens, i),
    }
}

/// Whether token `i` is part of a filler phrase that closes a clause inside the question:
/// "why was she the candidate *in the first place*, wasn't she new to politics".
fn in_filler_phrase(tokens: &[Token], i: usize) -> bool {
    FILLER_PHRASES.iter().any(|phrase| {
        phrase.iter().enumerate().any(|(k, w)| {
            let Some(from) = i.checked_sub(k) else {
                return false;
            };
            let to = from + phrase.len();
            tokens[i].norm == *w
                && to < tokens.len()
                && tokens[to - 1].end + 1 < tokens[to].start
                && phrase_at(phrase, &tokens[from..])
        })
    })
}

/// Past participles that do not end in "-ed", as a passive's "got" takes them ("got hurt").
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "hurt", "shot", "caught", "held", "hit", "beaten", "taken", "sent", "kept", "thrown", "put",
    "stolen", "chosen", "told", "given", "known", "seen",
];

/// Words that lead into a question in chat without being part of it ("hey", "quick question:",
/// "can you tell me", "i was wondering").
const LEAD_IN: &[&str] = &[
    "according",
    "ah",
    "also",
    "am",
    "and",
    "anybody",
    "anyone",
    "appreciate",
    "article",
    "ask",
    "asking",
    "based",
    "be",
    "bot",
    "but",
    "can",
    "citebot",
    "could",
    "curious",
    "do",
    "does",
    "excuse",
    "explain",
    "folks",
    "from",
    "gotta",
    "grateful",
    "guys",
    "hello",
    "help",
    "hey",
    "hi",
    "hmm",
    "i",
    "i'd",
    "i'm",
    "if",
    "in",
    "it",
    "just",
    "kindly",
    "know",
    "like",
    "mate",
    "me",
    "need",
    "news",
    "oh",
    "ok",
    "okay",
    "on",
    "pardon",
    "piece",
    "please",
    "pls",
    "plz",
    "q",
    "question",
    "quick",
    "right",
    "so",
    "someone",
    "sorry",
    "story",
    "tell",
    "text",
    "thank",
    "thanks",
    "the",
    "then",
    "this",
    "to",
    "uh",
    "um",
    "understand",
    "wanna",
    "want",
    "was",
    "well",
    "wonder",
    "wondering",
    "would",
    "yo",
    "you",
];

/// Lead-in words that say a question follows ("i want to *know*", "quick *question*").
const ANNOUNCING: &[&str] = &[
    "ask",
    "asking",
    "curious",
    "explain",
    "know",
    "question",
    "tell",
    "understand",
    "wonder",
    "wondering",
];

/// Words that open a message without saying anything ("sorry, arrests?", "hey citebot ...").
const INTERJECTIONS: &[&str] = &[
    "ah", "bot", "citebot", "excuse", "hello", "hey", "hi", "hmm", "oh", "ok", "okay", "pardon",
    "please", "pls", "q", "sorry", "uh", "um", "wait", "well", "yo",
];

/// How a text tells something, in "as *described* in the article".
const TELLING: &[&str] = &[
    "described",
    "reported",
    "mentioned",
    "stated",
    "said",
    "written",
    "noted",
    "told",
    "given",
    "explained",
    "outlined",
    "characterised",
    "characterized",
    "portrayed",
];

/// What a question may call the text it asks about: "in the article", "according to the story".
const TEXT_NOUNS: &[&str] = &[
    "article",
    "story",
    "text",
    "piece",
    "news",
    "report",
    "paragraph",
    "sentence",
    "passage",
];
/// Where in the text: "the *first* paragraph".
const TEXT_POSITIONS: &[&str] = &[
    "first", "second", "third", "last", "final", "opening", "closing", "next", "same",
];

/// Words that close a question in chat without being part of it ("... please", "... thx").
/// Also a closing adverb that only insists ("... exactly", "... again"), so that "when was the
/// election held exactly" still ends on its verb.
const CLOSING: &[&str] = &[
    "please",
    "pls",
    "plz",
    "thanks",
    "thx",
    "ty",
    "lol",
    "bot",
    "exactly",
    "precisely",
    "again",
    "anyway",
    "though",
];

/// Chat phrases that say nothing of what is asked, wherever they open or close a message:
/// "by the way, how many ...", "... in the first place", "is he resigning or not".
const FILLER_PHRASES: &[&[&str]] = &[
    &["by", "the", "way"],
    &["to", "be", "honest"],
    &["out", "of", "curiosity"],
    &["just", "wondering"],
    &["in", "the", "first", "place"],
    &["or", "not"],
    &["or", "no"],
    &["or", "nah"],
    &["or", "nope"],
    &["more", "or", "less"],
    &["of", "all", "places"],
    &["of", "all", "things"],
    &["of", "all", "people"],
    &["give", "or", "take"],
    &["if", "you", "know"],
    &["tbh"],
    &["no", "cap"],
    &["for", "real"],
    &["may", "i", "ask"],
    &["if", "i", "may", "ask"],
    &["if", "i", "may"],
    &["if", "you", "please"],
    &["pray", "tell"],
    &["i", "say"],
    &["i", "wonder"],
    &["i", "take", "it"],
    &["i", "gather"],
    &["i", "presume"],
    &["i", "suppose"],
    &["i", "daresay"],
    &["from", "what", "i", "read"],
    &["from", "what", "i", "heard"],
    &["from", "what", "i", "understand"],
    &["from", "what", "i", "gather"],
    &["as", "far", "as", "i", "know"],
];

/// Whether `tokens` open with the words of `phrase` (as many tokens as it has words).
fn phrase_at(phrase: &[&str], tokens: &[Token]) -> bool {
    phrase.len() <= tokens.len() && phrase.iter().zip(tokens).all(|(w, t)| t.norm == *w)
}

/// How many tokens a filler phrase takes at the start (`at_end` false) or the end of `tokens`.
fn filler_len(tokens: &[Token], at_end: bool) -> usize {
    FILLER_PHRASES
        .iter()
        .find(|phrase| {
            phrase.len() < tokens.len() && {
                let at = if at_end {
                    tokens.len() - phrase.len()
                } else {
                    0
                };
                phrase_at(phrase, &tokens[at..])
            }
        })
        .map_or(0, |phrase| phrase.len())
}

/// The auxiliaries of tense: be, do, have and will.
const TENSE_AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "do", "does", "did", "has", "have", "had", "will",
];
/// The other auxiliaries: modals, and negated forms.
const OTHER_AUXILIARIES: &[&str] = &[
    "would", "can", "could", "should", "shall", "may", "might", "must", "isn't", "aren't",
    "wasn't", "don't", "doesn't", "didn't", "hasn't", "haven't", "won't",
];

/// Whether a word is an auxiliary ("is", "did", "could", "won't").
pub fn is_auxiliary(word: &str) -> bool {
    is_tense_auxiliary(word) || OTHER_AUXILIARIES.contains(&word)
}

/// Whether an auxiliary of tense (be, do, have, will) opens the question: "did he ...", "is it
/// ...". Unlike a modal ("could you ..."), it does not ask a favour.
pub fn is_tense_auxiliary(word: &str) -> bool {
    TENSE_AUXILIARIES.contains(&word)
}

/// Where the question proper stands among `tokens`: after a lead-in ("quick question: is he
/// resigning", "do you know when she left") and before closing words ("... please"). A
/// lead-in is only dropped when a question word or an auxiliary follows it and it holds a word
/// that announces a question ("know", "question", "hey"), so "do you know" alone stays.
pub fn question_span(tokens: &[Token]) -> std::ops::Range<usize> {
    let mut end = tokens.len();
    loop {
        if end > 1 && CLOSING.contains(&tokens[end - 1].norm.as_str()) {
            end -= 1;
        } else if let n @ 1.. = filler_len(&tokens[..end], true) {
            end -= n;
        } else {
            break;
        }
    }
    // "... in the article", "... according to this story", "... in the first paragraph".
    let norm = |i: usize| tokens[i].norm.as_str();
    if end >= 4 && TEXT_NOUNS.contains(&norm(end - 1)) {
        let ordinal = usize::from(end >= 5 && TEXT_POSITIONS.contains(&norm(end - 2)));
        let det = end - 2 - ordinal;
        if det >= 2 && matches!(norm(det), "the" | "this") {
            let by = matches!(norm(det - 1), "in" | "from" | "by" | "per")
                || (norm(det - 1) == "to" && norm(det - 2) == "according");
            if by {
                end = if norm(det - 1) == "to" {
                    det - 2
                } else {
                    det - 1
                };
                // "... as described in the article", "as reported by the story".
                if end >= 4 && norm(end - 2) == "as" && TELLING.contains(&norm(end - 1)) {
                    end -= 2;
                }
            }
        }
    }
    let opens = |t: &Token| opens_question(&t.norm);
    let announces =
        |t: &Token| !matches!(t.norm.as_str(), "i" | "me" | "to" | "you" | "and" | "but");
    let mut start = 0;
    for (i, t) in tokens[..end].iter().enumerate() {
        if i > 0 && opens(t) && tokens[..i].iter().any(announces) {
            start = i;
        }
        if !LEAD_IN.contains(&t.norm.as_str()) {
            break;
        }
    }
    // "i want to know: arrests?", "according to the article, about how many ...": a lead-in
    // that says a question comes, or where its answer is, goes whatever follows it.
    if start == 0 {
        let lead = tokens[..end]
            .iter()
            .take_while(|t| LEAD_IN.contains(&t.norm.as_str()))
            .count();
        let announces = |t: &Token| {
            ANNOUNCING.contains(&t.norm.as_str()) || TEXT_NOUNS.contains(&t.norm.as_str())
        };
        if lead < end && tokens[..lead].iter().any(announces) {
            start = lead;
        }
    }
    // "my mum wants to know how many ...", "a caller is asking where she went": a question
    // reported in a statement starts at its question word.
    if start == 0 && !tokens.first().is_some_and(opens) {
        if let Some(at) = reported_question_start(&tokens[..end]) {
            start = at;
        }
    }
    // "sorry, arrests?": an interjection opens any message.
    let said = tokens[..end]
        .iter()
        .take_while(|t| INTERJECTIONS.contains(&t.norm.as_str()))
        .count();
    let mut start = start.max(said.min(end.saturating_sub(1)));
    while let n @ 1.. = filler_len(&tokens[start..end], false) {
        start += n;
    }
    start += request_len(&tokens[start..end]);
    // "for how many years ...", "with how many percent ...": as "how many years".
    if end > start + 2
        && matches!(tokens[start].norm.as_str(), "for" | "with" | "of" | "at")
        && tokens[start + 1].norm == "how"
    {
        start += 1;
    }
    start..end
}

/// Words after which a statement reports a question: "my mum wants to *know* how many ...", "a
/// caller is *asking* where she went", "he *wonders* whether ...".
const REPORTING: &[&str] = &[
    "know",
    "asking",
    "asks",
    "asked",
    "wonders",
    "wondering",
    "wondered",
];

/// Whether a piece of a message is a statement that reports a question ("my mum wants to know
/// how many were detained.").
fn reports_question(piece: &str) -> bool {
    let tokens = tokenize(piece);
    let span = question_span(&tokens);
    span.start > 0
        && !tokens.first().is_some_and(|t| opens_question(&t.norm))
        && reported_question_start(&tokens[..span.end]) == Some(span.start)
}

/// Where a question reported in a statement starts ("a listener wants to know *how* many were
/// detained", "she is asking *whether* he quit"): at the question word, "whether" or "if"
/// right after a reporting word ("to know", not "I don't know why").
///
/// Or at a question word after a clause that says a question comes, and a comma: "a related
/// question from the same listener, *how* many ...".
fn reported_question_start(tokens: &[Token]) -> Option<usize> {
    let announced = |i: usize| {
        tokens[..i]
            .iter()
            .any(|t| REPORTING.contains(&t.norm.as_str()) || ANNOUNCING.contains(&t.norm.as_str()))
    };
    (1..tokens.len().saturating_sub(1)).find(|&i| {
        let reporting = tokens[i - 1].norm.as_str();
        let after_reporting = REPORTING.contains(&reporting)
            && (reporting != "know" || (i >= 2 && tokens[i - 2].norm == "to"));
        let after_clause = tokens[i].start > tokens[i - 1].end + 1 && announced(i);
        // ("a listener wants to know, has she said ...": the question itself, after a comma.)
        let quoted = tokens[i].start > tokens[i - 1].end + 1 && is_auxiliary(&tokens[i].norm);
        (after_reporting
            && (is_question_word(&tokens[i].norm)
                || matches!(tokens[i].norm.as_str(), "whether" | "if")
                || quoted))
            || (after_clause && is_question_word(&tokens[i].norm))
    })
}

/// Verbs that ask for something in a request ("could you *list* ...", "*give me* ...").
const REQUEST_VERBS: &[&str] = &[
    "tell",
    "show",
    "give",
    "list",
    "describe",
    "name",
    "remind",
    "summarise",
    "summarize",
    "share",
    "outline",
    "quote",
];

/// Whether `tokens` open on a request's verb with its object after it ("*list* the demands",
/// "*quote* one of the slogans", "*name* the ambassador"): the verb says how to answer, not
/// what about.
pub fn opens_request(tokens: &[Token]) -> bool {
    let norm = |i: usize| tokens.get(i).map_or("", |t| t.norm.as_str());
    REQUEST_VERBS.contains(&norm(0))
        && (is_determiner(norm(1))
            || opens_question(norm(1))
            || matches!(
                norm(1),
                "one" | "some" | "all" | "any" | "each" | "every" | "two" | "three" | "both"
            ))
}

/// Words that only soften a request ("could you *kindly* list ...").
const SOFTENERS: &[&str] = &["please", "kindly", "possibly", "just", "perhaps"];

/// How many tokens a request's asking words take at the start of `tokens`: "could you kindly
/// list for me the demands" asks for "the demands", as "list the demands" would, not whether
/// the bot can; "give me", "remind me of" and "describe for me" say nothing of what is asked.
fn request_len(tokens: &[Token]) -> usize {
    let norm = |i: usize| tokens.get(i).map_or("", |t| t.norm.as_str());
    let mut k = 0;
    // ("... if you could remind me": the lead-in took the "you".)
    if matches!(norm(0), "can" | "could" | "would" | "will") {
        k = if norm(1) == "you" { 2 } else { 1 };
        while SOFTENERS.contains(&norm(k)) {
            k += 1;
        }
        if !REQUEST_VERBS.contains(&norm(k)) {
            return 0;
        }
    }
    if !REQUEST_VERBS.contains(&norm(k)) {
        return k;
    }
    let verb = k;
    k += 1;
    // "quote what he said", "describe how they marched": the question after it asks.
    if opens_question(norm(k)) && !is_auxiliary(norm(k)) && k + 1 < tokens.len() {
        return k;
    }
    if matches!(norm(k), "me" | "us") {
        k += 1;
    } else if norm(k) == "for" && matches!(norm(k + 1), "me" | "us") {
        k += 2;
    } else {
        // "list the demands", "name the ambassador": the verb itself asks.
        return if verb > 0 && norm(verb) == "tell" {
            verb + 1
        } else {
            verb
        };
    }
    if norm(verb) == "remind" && norm(k) == "of" {
        k += 1;
    }
    // Something must be left to ask.
    if k >= tokens.len() {
        return 0;
    }
    k
}

/// A question's tokens as the engine reads them: the question proper, in plain words.
///
/// - A leading `@botname` is no part of it, nor a chat lead-in or closing ("hey, ...",
///   "... please", see [`question_span`]).
/// - Capitals throughout ("WHAT DAY DID SHE LEAVE") say nothing of names or acronyms.
/// - Chat abbreviations are the words they stand for ("govts" -> "governments"), "%" is
///   "percent", "whos" is "who is", and "in charge" / "in power" is "ruling", as a passage
///   would say it.
pub fn question_tokens(question: &str) -> Vec<Token> {
    read_message(question).asked
}

/// A chat message as the engine reads it (see [`read_message`]).
#[derive(Debug, Clone, Default)]
pub struct Message {
    /// The question's tokens (see [`question_tokens`]).
    pub asked: Vec<Token>,
    /// The content words of what the message says before its question (see `lead_words`).
    pub lead: Vec<Token>,
    /// The content words of what the question sets aside ("*besides signs*, what did they
    /// carry"): the answer is not that.
    pub excluded: Vec<Token>,
}

/// A chat message read once: the question, what is said before it, and what it sets aside.
pub fn read_message(message: &str) -> Message {
    let (lead, asked, after) = split_asking(without_bot_name(message));
    let checked = read_tag_question(asked);
    let asked = checked.as_deref().unwrap_or(asked);
    let (asked, follow_up) = split_dash_follow_up(asked);
    let (asked, guess) = split_guess(asked);
    let (asked, excluded) = split_excluded(asked);
    let mut tokens = asked_tokens(&asked);
    let second = second_question(&tokens).map_or_else(Vec::new, |at| tokens.split_off(at));
    let mut lead = lead_words(lead);
    // "I read that the ambassador backed the crackdown. Did he?", "... Is that true?": a
    // question that names nothing asks about what the lead says.
    if !lead.is_empty() && only_checks(&tokens) {
        tokens.retain(|t| !CHECKING.contains(&t.norm.as_str()));
        tokens.append(&mut lead);
    } else if !lead.is_empty() && only_asks_word(&tokens) {
        // "The factory strikes were a big deal. Why tho?": why what the lead says is so.
        tokens.append(&mut lead);
    }

    // "Who organised the march, and what was it called?": the first question is the one
    // answered; the second only says more of what it is about, as does a remark after it.
    lead.extend(content_words(second));
    lead.extend(lead_words(after));
    lead.extend(lead_words(guess));
    lead.extend(lead_words(follow_up));
    Message {
        asked: tokens,
        lead,
        excluded: excluded.map(lead_words).unwrap_or_default(),
    }
}

/// A statement with a question tag ("the protester was 24, *right*?", "he won 70%, *didn't
/// he*?", "..., is that correct?") asks whether it is true: read as "is it true that the
/// protester was 24". `None` for anything else, a question with a tag included ("who died,
/// right?" asks who).
fn read_tag_question(asked: &str) -> Option<String> {
    let comma = clause_comma(asked)?;
    let (statement, tag) = (asked[..comma].trim(), &asked[comma + 1..]);
    let tag = tokenize(tag);
    let words: Vec<&str> = tag.iter().map(|t| t.norm.as_str()).collect();
    let checking = |w: &str| {
        CHECKING.contains(&w)
            || matches!(w, "yes" | "yeah" | "no" | "eh" | "huh" | "innit" | "wrong")
    };
    let pronoun = |w: &str| matches!(w, "it" | "he" | "she" | "they" | "there" | "that" | "i");
    let is_tag = match words.as_slice() {
        [] => false,
        // "right", "correct", "true", "yes", "right or wrong", "yes or no"
        [one] => checking(one),
        [a, "or", b] => checking(a) && checking(b),
        // "isn't it", "didn't he", "is that right", "am i right"
        [aux, who] | [aux, who, _] if is_auxiliary(aux.trim_end_matches("n't")) => {
            pronoun(who) && words.get(2).is_none_or(|w| checking(w))
        }
        _ => false,
    };
    let first = tokenize(statement);
    let opens_asking = first
        .first()
        .is_none_or(|t| is_question_word(&t.norm) || is_auxiliary(&t.norm));
    if !is_tag || opens_asking || first.len() < 3 {
        return None;
    }
    Some(format!("is it true that {statement}?"))
}

/// Where a second question joined to the first by "and" starts: "where was the march to end,
/// *and how many* were there", "what happened to her husband, *and is that* why she ran". Only
/// after a first question of its own (a question word or an opening auxiliary, and two words of
/// content: not "what is his name, and how long ..."), and with words of its own ("are they
/// striking, and when" asks when); an auxiliary starts one only before its subject ("and were
/// they ...", not "were arrested and were injured").
fn second_question(tokens: &[Token]) -> Option<usize> {
    let asks = tokens
        .first()
        .is_some_and(|t| is_auxiliary(&t.norm) || is_question_word(&t.norm));
    if !asks {
        return None;
    }
    (2..tokens.len())
        .find(|&k| {
            let word = tokens[k].norm.as_str();
            let starts = is_question_word(word)
                || (is_auxiliary(word)
                    && tokens.get(k + 1).is_some_and(|t| {
                        matches!(
                            t.norm.as_str(),
                            "that"
                                | "this"
                                | "it"
                                | "they"
                                | "he"
                                | "she"
                                | "there"
                                | "anyone"
                                | "anybody"
                                | "anything"
                                | "the"
                                | "any"
                                | "his"
                                | "her"
                                | "their"
                        )
                    }));
            let content = |part: &[Token]| {
                part.iter()
                    .filter(|t| !is_stop_word(&t.norm) && !is_question_word(&t.norm))
                    .count()
            };
            tokens[k - 1].norm == "and"
                && starts
                && content(&tokens[..k - 1]) >= 2
                && content(&tokens[k..]) >= 1
        })
        .map(|k| k - 1)
}

/// A question without what follows it after a dash: a guess or a narrower question about the
/// same thing ("why did she run — was it because her husband was jailed?", "where did the
/// march end — at what kind of site?"), read as context. Only after a question of three words
/// or more that opens with a question word or an auxiliary ("lukashenko says he won - what do
/// the protesters say" is a statement, then the question).
fn split_dash_follow_up(asked: &str) -> (&str, &str) {
    let dash = ["\u{2014}", " \u{2013} ", " - "]
        .iter()
        .filter_map(|d| asked.find(d).map(|at| (at, d.len())))
        .min();
    let Some((at, len)) = dash else {
        return (asked, "");
    };
    let (question, rest) = (&asked[..at], &asked[at + len..]);
    let words = tokenize(question);
    let opens = words
        .first()
        .is_some_and(|t| is_question_word(&t.norm) || is_auxiliary(&t.norm));
    if !opens || words.len() < 3 || tokenize(rest).is_empty() {
        return (asked, "");
    }
    (question, rest)
}

/// The most words of a guess after a question (see [`split_guess`]).
const MAX_GUESS_WORDS: usize = 4;

/// A question without the guess at its answer that ends it, and that guess: "when was the
/// election, last Sunday?", "how big was the crowd, like 100,000?". The guess is a short piece
/// after the last comma that asks nothing itself (no question word, no auxiliary, no list
/// with "and"/"or"), after a question of its own; it is read as context.
fn split_guess(asked: &str) -> (&str, &str) {
    // (Not the comma of a figure: "what number did they give, 100,000?".)
    let Some(comma) = clause_comma(asked) else {
        return split_hearsay(asked);
    };
    let (question, guess) = (&asked[..comma], &asked[comma + 1..]);
    let words = tokenize(guess);
    // ("..., and why?", "how many were detained, injured and killed?": more of the question.
    // "..., a suit and tie?", "..., like flowers or something?" is one guess.)
    let one_thing = words
        .first()
        .is_some_and(|t| is_determiner(&t.norm) || t.norm == "like");
    let asks = |(k, t): (usize, &Token)| {
        is_question_word(&t.norm)
            || is_auxiliary(&t.norm)
            || ((k == 0 || !one_thing) && matches!(t.norm.as_str(), "and" | "or"))
    };
    let opens = tokenize(question)
        .first()
        .is_some_and(|t| is_question_word(&t.norm) || is_auxiliary(&t.norm));
    // ("what reason did he give, on the record, for summoning them": a clause set off
    // between commas, then the question's own end.)
    let set_off = clause_comma(question).is_some();
    if !opens
        || set_off
        || words.is_empty()
        || words.len() > MAX_GUESS_WORDS
        || words.iter().enumerate().any(asks)
    {
        return (asked, "");
    }
    (question, guess)
}

/// A question without what the asker says they heard or think of its answer, said after it
/// with no comma (as speech is written down): "where did people protest saturday night *i
/// heard it was like a tv place*". The hearsay is read as context, as a guess is.
fn split_hearsay(asked: &str) -> (&str, &str) {
    let tokens = tokenize(asked);
    let opens = tokens
        .first()
        .is_some_and(|t| is_question_word(&t.norm) || is_auxiliary(&t.norm));
    let at = tokens
        .windows(2)
        .position(|w| w[0].norm == "i" && LEARNING_VERBS.contains(&w[1].norm.as_str()));
    match at {
        Some(k) if opens && k >= 3 && !tokens[k..].iter().any(|t| is_question_word(&t.norm)) => {
            let cut = tokens[k].start;
            (asked[..cut].trim_end(), &asked[cut..])
        }
        _ => (asked, ""),
    }
}

/// Where the last comma that ends a clause stands in `text`: not one inside a figure
/// ("100,000").
fn clause_comma(text: &str) -> Option<usize> {
    text.rmatch_indices(',').map(|(i, _)| i).find(|&i| {
        let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
        !(digit(text[..i].chars().next_back()) && digit(text[i + 1..].chars().next()))
    })
}

/// Words that set a thing aside: "*besides* signs, what did they carry".
const EXCLUDING: &[&str] = &[
    "besides",
    "apart from",
    "aside from",
    "other than",
    "except for",
    "except",
    "excluding",
    "in addition to",
];

/// The most words a phrase set aside ("besides flashing victory signs") has.
const MAX_EXCLUDED_WORDS: usize = 5;

/// A question without the thing it sets aside, and that thing: "Besides signs, what did the
/// marchers carry?" asks what the marchers carried, and the signs only say what it is not, so
/// they are read as the message's lead (context), not as words the answer must match. The
/// phrase runs to a comma or a question word.
fn split_excluded(asked: &str) -> (std::borrow::Cow<'_, str>, Option<&str>) {
    let lower = asked.to_lowercase();
    // Lower-casing keeps byte offsets for the plain ASCII words looked for only when the
    // lengths agree.
    if lower.len() != asked.len() {
        return (asked.into(), None);
    }
    let at_word = |i: usize, len: usize| {
        let before = lower[..i].chars().next_back();
        let after = lower[i + len..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    };
    let found = EXCLUDING.iter().find_map(|m| {
        lower
            .match_indices(m)
            .map(|(i, _)| i)
            .find(|&i| at_word(i, m.len()))
            .map(|i| (i, i + m.len()))
    });
    let Some((start, after)) = found else {
        return (asked.into(), None);
    };
    let rest = &asked[after..];
    let mut end = rest.find([',', ';', '?', '.', '!']).unwrap_or(rest.len());
    if let Some(q) = tokenize(&rest[..end])
        .iter()
        .find(|t| is_question_word(&t.norm))
    {
        end = q.start;
    }
    let phrase = &rest[..end];
    let words = tokenize(phrase).len();
    if words == 0 || words > MAX_EXCLUDED_WORDS {
        return (asked.into(), None);
    }
    let kept = format!("{} {}", &asked[..start], &rest[end..]);
    (kept.into(), Some(phrase.trim()))
}

/// Whether a question names nothing and only checks what was said before it: "is that
/// right?", "did he?", "really?".
fn only_checks(tokens: &[Token]) -> bool {
    let checking = |t: &Token| CHECKING.contains(&t.norm.as_str());
    tokens
        .first()
        .is_some_and(|t| is_auxiliary(&t.norm) || checking(t))
        && tokens.iter().all(|t| is_stop_word(&t.norm) || checking(t))
}

/// Whether a question is a question word alone, or with a word that only stresses it: "why?",
/// "why tho", "how come?", "where exactly?" ("who were they?" asks of someone).
fn only_asks_word(tokens: &[Token]) -> bool {
    tokens.first().is_some_and(|t| is_question_word(&t.norm))
        && tokens[1..].iter().all(|t| {
            matches!(
                t.norm.as_str(),
                "tho" | "though" | "come" | "exactly" | "then" | "so" | "precisely"
            )
        })
}

/// Words of a question that only checks what was said before it: "is that *right*", "*really*?".
const CHECKING: &[&str] = &[
    "right", "true", "correct", "accurate", "really", "real", "so", "fact",
];

/// The tokens of the part of a message that asks (see [`question_tokens`]).
fn asked_tokens(question: &str) -> Vec<Token> {
    let mut tokens = tokenize(&question.replace('%', " percent "));
    if is_shouted(question, &tokens) {
        for t in &mut tokens {
            t.acronym = false;
            t.capitalized = false;
        }
    }
    join_spelled_letters(question, &mut tokens);
    for t in &mut tokens {
        if let Some(word) = chat_word(&t.norm) {
            t.norm = word;
        } else if let Some(figure) = short_figure(&t.norm) {
            t.norm = figure;
            t.number = true;
        }
    }
    read_chat_shorthand(&mut tokens);
    read_formal_how(&mut tokens);
    read_according_to_whom(&mut tokens);
    let span = question_span(&tokens);
    // ("she is asking if he quit": a yes/no question, as "whether he quit" is; not the
    // condition of "if he quits, will ...".)
    if span.start > 0
        && span.start < span.end
        && tokens[span.start].norm == "if"
        && REPORTING.contains(&tokens[span.start - 1].norm.as_str())
    {
        tokens[span.start].norm = "whether".to_string();
    }
    tokens.truncate(span.end);
    tokens.drain(..span.start);
    read_whos(&mut tokens);
    read_contracted_auxiliaries(&mut tokens);
    read_in_charge(&mut tokens);
    read_run_for_office(&mut tokens);
    join_separated_particle(&mut tokens);
    read_woman_as_she(&mut tokens);
    read_call_on(&mut tokens);
    read_text_says(&mut tokens);
    read_get_bigger(&mut tokens);
    read_pro_and_anti(&mut tokens);
    drop_time_frame(&mut tokens);
    drop_intensified_manner(&mut tokens);
    read_share_got(&mut tokens);
    read_what_caused(&mut tokens);
    read_day_abbreviations(&mut tokens);
    read_years_had(&mut tokens);
    read_having_on(&mut tokens);
    read_how_called(&mut tokens);
    read_what_they_call(&mut tokens);
    read_name_given(&mut tokens);
    tokens
}

/// What a chat message says before its question, and the part that asks. "Hi! I read the news
/// today. How many were detained?" asks from its first piece (after a full stop, "!", "?", ":",
/// ";", a dash or ", but") that opens with a question word or an auxiliary, to its end; "how
/// many were detained? and how many died?" asks its first question. A message that asks
/// nothing so is asked whole. Third, what follows the question's "?" without asking anything
/// (context, like the lead).
fn split_asking(message: &str) -> (&str, &str, &str) {
    // ("and how many died?": a conjunction may join it to the one before.)
    // ("on which day did ...": a preposition may lead the question word in.)
    let opens = |piece: &str| {
        let tokens = tokenize(piece);
        let span = question_span(&tokens);
        let mut words = tokens[span]
            .iter()
            .map(|t| t.norm.as_str())
            .skip_while(|w| matches!(*w, "and" | "but" | "or" | "so" | "also" | "then"));
        let first = words.next().unwrap_or("");
        let leads_in = matches!(
            first,
            "on" | "in" | "at" | "for" | "to" | "from" | "by" | "with" | "since" | "until"
        );
        if leads_in {
            words
                .next()
                .is_some_and(|w| opens_question(w) && !is_auxiliary(w))
        } else {
            opens_question(first)
        }
    };
    // Where each piece starts: after a sentence mark and a space, or after a dash.
    let mut starts: Vec<usize> = vec![0];
    for (i, c) in message.char_indices() {
        let next = i + c.len_utf8();
        let spaced = message[next..].starts_with(char::is_whitespace);
        let mark = matches!(c, '.' | '!' | '?' | ':' | ';');
        let dash = matches!(c, '-' | '\u{2013}' | '\u{2014}')
            && message[..i].ends_with(char::is_whitespace);
        // ("forgive my ignorance, but who ...": a clause before "but" may only lead in.)
        let but = c == ',' && message[next..].trim_start().starts_with("but ");
        if (mark || dash || but || (c == ',' && asks_after_comma(message, &starts, i, next)))
            && spaced
        {
            starts.push(next);
        }
    }
    // Only after words that ask nothing themselves ("arrests? how many" is one question), or
    // only whether a statement is true ("she fled that night, didn't she? what day did she
    // leave?": the statement sets up the question after it).
    let asking_end = starts
        .windows(2)
        .find(|pair| {
            let piece = &message[pair[0]..pair[1]];
            piece.contains('?') && read_tag_question(piece.trim()).is_none()
        })
        .map_or(usize::MAX, |pair| pair[1]);
    // (A question reported in a later piece opens there: "Next one. A caller wants to know
    // how many ...".)
    let piece_end = |s: usize| {
        starts
            .iter()
            .copied()
            .find(|&n| n > s)
            .unwrap_or(message.len())
    };
    let opening = starts
        .iter()
        .copied()
        .take_while(|&s| s < asking_end)
        .find(|&s| {
            opens(&message[s..])
                && (!reports_question(&message[s..]) || reports_question(&message[s..piece_end(s)]))
        });
    let after_tag = opening.is_some_and(|s| message[..s].contains('?'));
    // Or after pieces that only speak of the one asking ("Hi! I read the article. Arrests?").
    let mut after_asker = 0;
    for pair in starts.windows(2) {
        let piece = &message[pair[0]..pair[1]];
        if piece.contains('?') || !about_asker(piece) {
            break;
        }
        after_asker = pair[1];
    }
    let from = opening.unwrap_or(0).max(after_asker);
    // "I heard he won. Is that true?", "Putin - what did he promise?": the question points
    // back at what was said before it (a "he" at someone the asker did not just speak of).
    // Only a question with little of its own does ("when did that protester die" does not).
    let before_about_asker = after_asker >= from;
    let asked_tokens = tokenize(&message[from..]);
    let own_words = asked_tokens
        .iter()
        .filter(|t| !is_stop_word(&t.norm) && t.norm != "true")
        .count();
    let points_back = own_words < 2
        && asked_tokens
            .iter()
            .enumerate()
            .any(|(k, t)| match t.norm.as_str() {
                // ("about all this": everything, not one thing said.)
                "that" | "this" => k == 0 || asked_tokens[k - 1].norm != "all",
                "it" | "true" => true,
                "he" | "she" | "they" | "him" | "her" | "his" | "their" | "them" => {
                    !before_about_asker
                }
                _ => false,
            });
    // (A question that only checks, "is that true?", "did he?", is read with the lead's
    // words after it: see `read_message`.)
    let from = if points_back && !only_checks(&asked_tokens) && !after_tag {
        0
    } else {
        from
    };
    // "A caller wants to know how many were arrested. What's the figure?": a question reported
    // in a statement is the one asked, and what follows it only says more of what it is about.
    let reported_end = Some(piece_end(from)).filter(|&n| {
        let piece = message[from..n].trim_end();
        n < message.len() && piece.ends_with(['.', '!']) && reports_question(piece)
    });
    if let Some(n) = reported_end {
        return (&message[..from], message[from..n].trim(), &message[n..]);
    }
    let asked = message[from..].trim_start();
    // A second question after the first "?": only the first is asked. Nor is what the asker
    // then says of themselves ("... in that video? I want to look him up later.").
    // And what follows a whole question without asking anything ("did he agree to step down
    // or not? caught something about a speech") only says more of what it is about.
    let (asked, after) = match asked.find('?') {
        Some(q) if opens(&asked[q + 1..]) || about_asker(&asked[q + 1..]) => (&asked[..=q], ""),
        // ("And then, folks, how many ...? The caller wants the number.": a statement after
        // the only "?" says more of it, whatever opens the question.)
        Some(q)
            if !asked[q + 1..].contains('?')
                && (opens(&asked[..q]) || asked[q + 1..].trim_end().ends_with(['.', '!'])) =>
        {
            (&asked[..=q], &asked[q + 1..])
        }
        _ => (asked, ""),
    };
    (&message[..from], asked, after)
}

/// Verbs with which an asker says how they came to ask ("I *read* that ...", "I *gather* ...").
const LEARNING_VERBS: &[&str] = &[
    "read",
    "hear",
    "heard",
    "see",
    "saw",
    "seen",
    "understand",
    "understood",
    "gather",
    "believe",
    "think",
    "thought",
    "wonder",
    "know",
    "knew",
    "notice",
    "noticed",
    "learn",
    "learned",
    "learnt",
    "told",
    "doubted",
    "doubt",
    "trying",
    "try",
    "confused",
    "saddened",
    "troubled",
    "grateful",
];

/// The content words of what a message says before its question: "I read that Lukashenko told
/// the crowd he had not summoned them to defend him. What reason did he give ...?" leans on
/// "summoned" and "defend". Not the words of the asker's own telling ("read", "article").
/// Empty when the whole message is asked.
fn lead_words(lead: &str) -> Vec<Token> {
    content_words(tokenize(lead))
}

/// The words of `tokens` that say what a piece of a message is about: no function words,
/// lead-ins, interjections or words about the text or the asking.
fn content_words(tokens: Vec<Token>) -> Vec<Token> {
    tokens
        .into_iter()
        .filter(|t| {
            let w = t.norm.as_str();
            !is_stop_word(w)
                && !LEAD_IN.contains(&w)
                && !INTERJECTIONS.contains(&w)
                && !TEXT_NOUNS.contains(&w)
                && !ANNOUNCING.contains(&w)
                && !LEARNING_VERBS.contains(&w)
        })
        .collect()
}

/// Whether a piece of a message speaks only of the one asking, or only greets: "Hi!", "I read
/// the article.", "I'm confused".
fn about_asker(piece: &str) -> bool {
    let tokens = tokenize(piece);
    let asker = |t: &Token| {
        matches!(
            t.norm.as_str(),
            "i" | "i'm" | "im" | "i've" | "ive" | "i'd" | "me" | "my" | "we" | "we're" | "our"
        )
    };
    !tokens.is_empty()
        && (tokens.iter().any(asker)
            || tokens.iter().all(|t| {
                INTERJECTIONS.contains(&t.norm.as_str()) || CLOSING.contains(&t.norm.as_str())
            }))
}

/// Nouns that, heading a query of keywords, ask for a count and say nothing else ("detention
/// *count* from the crackdown", "*headcount* of state tv staff").
pub const COUNT_HEADS: &[&str] = &["count", "headcount", "tally", "total", "figure", "toll"];

/// The words after which a query of keywords goes on to what its head noun is of ("count
/// *from* the crackdown", "timing *of* the vote").
const HEAD_ENDS: &[&str] = &[
    "of", "from", "at", "for", "in", "on", "during", "to", "by", "per", "with", "relative",
];

/// The head noun of a query of keywords with no question word ("detention *count* from the
/// crackdown", "*timing* of the vote", "rally *attendance*"): the word before its first
/// preposition, or its last word. None for a question or a statement with a verb of its own.
pub fn fragment_head(tokens: &[Token]) -> Option<usize> {
    let words: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
    let first = *words.first()?;
    if words.len() < 2
        || words.iter().any(|w| is_question_word(w))
        || REQUEST_VERBS.contains(&first)
        || words.iter().any(|w| is_auxiliary(w) || *w == "gonna")
    {
        return None;
    }
    let end = words
        .iter()
        .position(|w| HEAD_ENDS.contains(w))
        .unwrap_or(words.len());
    let head = end.checked_sub(1)?;
    (!is_stop_word(words[head])).then_some(head)
}

/// Whether a word is a question word ("what", "when", "how").
pub fn is_question_word(word: &str) -> bool {
    matches!(
        word,
        "what"
            | "whats"
            | "who"
            | "whos"
            | "whom"
            | "whose"
            | "when"
            | "where"
            | "why"
            | "how"
            | "which"
    )
}

/// Whether a word opens a question: a question word, or an auxiliary ("is he resigning") other
/// than "may", which more often hedges a statement ("this may seem trivial, but ...").
fn opens_question(word: &str) -> bool {
    is_question_word(word) || (is_auxiliary(word) && word != "may")
}

/// "The police were heavy-handed, how many were arrested?": whether the words after the comma
/// at byte `comma` (from byte `next`) open a question of their own, after a clause (from the
/// last piece start in `starts`) that only sets the scene. Not after one that sets something aside or a condition ("besides signs, what ...",
/// "if he quits, what ..."), which the question needs whole.
fn asks_after_comma(message: &str, starts: &[usize], comma: usize, next: usize) -> bool {
    // Only a question ("..., which is heartbreaking." is a remark), and one that does not
    // point back at the clause ("he said he did not call them, so why did *he* call them").
    let rest = &message[next..];
    let end = rest.find(['.', '!', '?']).unwrap_or(rest.len());
    if rest[end..].chars().next().is_some_and(|c| c != '?') {
        return false;
    }
    let after = tokenize(&rest[..end]);
    let from = starts.last().copied().unwrap_or(0);
    let before = tokenize(&message[from..comma]);
    // ("Tikhanovskaya fled, which country did *she* go to": the person is in the clause.)
    let gendered = |w: &str| matches!(w, "he" | "she" | "him" | "his" | "her");
    let names_someone = before
        .iter()
        .enumerate()
        .any(|(k, t)| (t.capitalized && (k > 0 || !is_stop_word(&t.norm))) || gendered(&t.norm));
    let points_back = after.iter().enumerate().any(|(k, t)| {
        let w = t.norm.as_str();
        let bare = after
            .get(k + 1)
            .is_none_or(|n| is_stop_word(&n.norm) || n.norm == "one");
        (gendered(w) && names_someone)
            || (k < 3 && matches!(w, "it" | "there"))
            || w == "then"
            || (matches!(w, "that" | "this") && bare)
    });
    if points_back {
        return false;
    }
    let first = after.iter().map(|t| t.norm.as_str()).find(|w| {
        !matches!(
            *w,
            "and"
                | "so"
                | "then"
                | "roughly"
                | "approximately"
                | "about"
                | "exactly"
                | "ok"
                | "okay"
                | "now"
        )
    });
    if !first.is_some_and(|w| is_question_word(w) && !is_auxiliary(w)) {
        return false;
    }
    let words = before.iter().filter(|t| !is_stop_word(&t.norm)).count();
    let opener = before.first().map_or("", |t| t.norm.as_str());
    let sets_aside = EXCLUDING
        .iter()
        .any(|m| m.split(' ').next() == Some(opener))
        || matches!(opener, "beyond" | "not");
    words >= 3
        && !opens_question(opener)
        && !sets_aside
        && !GRANTING.contains(&opener)
        && !matches!(
            opener,
            "unless"
                | "when"
                | "while"
                | "after"
                | "before"
                | "once"
                | "as"
                | "in"
                | "on"
                | "at"
                | "during"
                | "for"
                | "from"
                | "with"
                | "without"
                | "according"
        )
}

/// "@citebot how many ...": the question after a leading bot name.
fn without_bot_name(question: &str) -> &str {
    match question.trim_start().strip_prefix('@') {
        Some(rest) => rest.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_'),
        None => question,
    }
}

/// "WHAT DAY DID SHE LEAVE", "ARRESTS?": no lower case at all, in two words or more (or in a
/// word too long for an acronym; "CSTO?" may be one).
fn is_shouted(question: &str, tokens: &[Token]) -> bool {
    let words = tokens.iter().filter(|t| !t.number).count();
    !question.chars().any(char::is_lowercase)
        && (words >= 2
            || tokens
                .iter()
                .any(|t| t.acronym && t.norm.chars().count() > 5))
}

/// "50k", "1.5m": the figure written out ("50000", "1500000").
fn short_figure(word: &str) -> Option<String> {
    let (digits, scale) = if let Some(d) = word.strip_suffix('k') {
        (d, 1_000.0)
    } else {
        (word.strip_suffix('m')?, 1_000_000.0)
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let value = digits.parse::<f64>().ok()? * scale;
    (value.fract() == 0.0 && value < 1e12).then(|| format!("{value:.0}"))
}

/// Letters dictated or typed one by one ("the a f p reporter", "e.u. ministers"): the acronym
/// they spell ("afp", "eu"). Runs made only of letters that chat uses as words ("r u", "w",
/// "n", "y") are left to [`chat_word`] and [`read_chat_shorthand`].
fn join_spelled_letters(question: &str, tokens: &mut Vec<Token>) {
    let letter = |t: &Token| {
        !t.number && t.norm.len() == 1 && t.norm.bytes().all(|b| b.is_ascii_alphabetic())
    };
    let mut i = 0;
    while i < tokens.len() {
        let mut end = i;
        while end < tokens.len()
            && letter(&tokens[end])
            && (end == i
                || question
                    .get(tokens[end - 1].end..tokens[end].start)
                    .is_some_and(|gap| gap.chars().all(|c| c.is_whitespace() || c == '.')))
        {
            end += 1;
        }
        let chat_only = tokens[i..end]
            .iter()
            .all(|t| matches!(t.norm.as_str(), "r" | "u" | "y" | "w" | "n" | "i"));
        if end - i >= 2 && !chat_only {
            let norm: String = tokens[i..end].iter().map(|t| t.norm.as_str()).collect();
            let last_end = tokens[end - 1].end;
            tokens[i].norm = norm;
            tokens[i].end = last_end;
            tokens[i].acronym = true;
            tokens[i].capitalized = true;
            tokens.drain(i + 1..end);
        }
        i += 1;
    }
}

/// The word a chat abbreviation stands for, or the plural of one ("govts").
fn chat_word(word: &str) -> Option<String> {
    if let Some(full) = chat_abbreviation(word) {
        return Some(full.to_string());
    }
    // "wasnt", "didnt", "cant": a negated auxiliary typed without its apostrophe.
    match word {
        "cant" => return Some("can't".to_string()),
        "wont" => return Some("won't".to_string()),
        _ => {}
    }
    if let Some(auxiliary) = word.strip_suffix("nt").filter(|stem| is_auxiliary(stem)) {
        return Some(format!("{auxiliary}n't"));
    }
    // (Not "press": no "pres" + "s".)
    let full = word
        .strip_suffix('s')
        .filter(|stem| stem.len() >= 3 && !stem.ends_with('s'))
        .and_then(chat_abbreviation)?;
    Some(format!("{full}s"))
}

/// "how was called the march", "how is the council called": as "what ... called", a calque
/// of other languages' way of asking a name.
fn read_how_called(tokens: &mut Vec<Token>) {
    let called =
        |t: Option<&Token>| t.is_some_and(|t| matches!(t.norm.as_str(), "called" | "named"));
    let asks = tokens.len() > 3
        && tokens[0].norm == "how"
        && matches!(tokens[1].norm.as_str(), "is" | "was" | "are" | "were");
    if !asks {
        return;
    }
    if called(tokens.get(2)) {
        // "how was called the march" -> "what was the march called"
        let word = tokens.remove(2);
        tokens.push(word);
    } else if !called(tokens.last()) {
        return;
    }
    tokens[0].norm = "what".to_string();
}

/// "what did they call sundays march": as "what was sundays march called" (not "what did they
/// call for", a demand).
fn read_what_they_call(tokens: &mut Vec<Token>) {
    let asks = tokens.len() > 4
        && matches!(tokens[0].norm.as_str(), "what" | "whats")
        && matches!(tokens[1].norm.as_str(), "did" | "do" | "does")
        && matches!(tokens[2].norm.as_str(), "they" | "people" | "you" | "we")
        && tokens[3].norm == "call"
        && !matches!(
            tokens[4].norm.as_str(),
            "for" | "on" | "off" | "up" | "out" | "in" | "back"
        );
    if !asks {
        return;
    }
    tokens[1].norm = "was".to_string();
    let mut call = tokens.remove(3);
    tokens.remove(2);
    call.norm = "called".to_string();
    tokens.push(call);
}

/// "the name given to the march": the name of the march.
fn read_name_given(tokens: &mut Vec<Token>) {
    let Some(at) = tokens.windows(3).position(|w| {
        matches!(w[0].norm.as_str(), "name" | "names")
            && matches!(
                (w[1].norm.as_str(), w[2].norm.as_str()),
                ("given", "to") | ("used", "for")
            )
    }) else {
        return;
    };
    tokens.remove(at + 1);
    tokens[at + 1].norm = "of".to_string();
}

/// "what did he have on", "what clothes he had on when he spoke": "have on" is "wear" (not
/// "have on the list"), as the passage says what someone wore.
fn read_having_on(tokens: &mut Vec<Token>) {
    let Some(at) = tokens.windows(2).position(|w| {
        matches!(w[0].norm.as_str(), "have" | "has" | "had" | "having") && w[1].norm == "on"
    }) else {
        return;
    };
    let after = tokens.get(at + 2).map_or("", |t| t.norm.as_str());
    if !(after.is_empty() || matches!(after, "when" | "while" | "during" | "at" | "for" | "today"))
    {
        return;
    }
    tokens[at].norm = match tokens[at].norm.as_str() {
        "have" => "wear",
        "has" => "wears",
        "having" => "wearing",
        _ => "wore",
    }
    .to_string();
    tokens.remove(at + 1);
}

/// "in what manner did it grow", "to what extent was it significant": formal ways to ask
/// "how", read as that one word.
fn read_formal_how(tokens: &mut Vec<Token>) {
    let mut i = 0;
    while i + 2 < tokens.len() {
        let formal = matches!(
            (
                tokens[i].norm.as_str(),
                tokens[i + 1].norm.as_str(),
                tokens[i + 2].norm.as_str()
            ),
            ("in", "what" | "which", "manner" | "way") | ("to", "what", "extent" | "degree")
        );
        if formal {
            tokens[i].norm = "how".to_string();
            tokens[i].end = tokens[i + 2].end;
            tokens.drain(i + 1..i + 3);
        }
        i += 1;
    }
}

/// "how many years has she?", "tikhanovskaya have how many years?": an age asked as Romance
/// languages ask it (having years), read as "how old is she". Only with nothing after the
/// person: "how many years has he ruled" asks how long.
fn read_years_had(tokens: &mut Vec<Token>) {
    let words: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
    let having = |w: &str| matches!(w, "has" | "have" | "had");
    let person = |w: &[&str]| {
        matches!(w.len(), 1 | 2)
            && w.iter()
                .all(|w| !is_stop_word(w) || matches!(*w, "he" | "she" | "they" | "the"))
            && !w.iter().any(|w| w.ends_with("ed") || w.ends_with("ing"))
    };
    let n = words.len();
    let asked_first =
        n >= 5 && words[..3] == ["how", "many", "years"] && having(words[3]) && person(&words[4..]);
    let asked_last = n >= 5
        && words[n - 3..] == ["how", "many", "years"]
        && having(words[n - 4])
        && person(&words[..n - 4]);
    if !(asked_first || asked_last) {
        return;
    }
    let at = if asked_first { 0 } else { n - 3 };
    let have = if asked_first { 3 } else { n - 4 };
    tokens[at + 1].norm = "old".to_string();
    tokens[have].norm = "is".to_string();
    tokens.remove(at + 2);
    if asked_last {
        // "how old is" first: "how old is tikhanovskaya".
        let mut reordered: Vec<Token> = tokens.drain(at..).collect();
        reordered.push(tokens.remove(have));
        reordered.append(tokens);
        *tokens = reordered;
    }
}

/// "fri", "tues", and "sat night", "sat protesters": days written short. A short form that
/// is a word too ("sat", "sun", "wed", "mon") is a day only first in the message or before a
/// part of the day or an event.
fn read_day_abbreviations(tokens: &mut [Token]) {
    for i in 0..tokens.len() {
        let day = match tokens[i].norm.as_str() {
            "tue" | "tues" => "tuesday",
            "thu" | "thur" | "thurs" => "thursday",
            "fri" => "friday",
            short @ ("sat" | "sun" | "wed" | "mon") => {
                let next = tokens.get(i + 1).map_or("", |t| t.norm.as_str());
                let after = i.checked_sub(1).map_or("", |p| tokens[p].norm.as_str());
                let placed = i == 0
                    || matches!(after, "on" | "last" | "since" | "until" | "by")
                    || matches!(
                        next,
                        "night"
                            | "morning"
                            | "afternoon"
                            | "evening"
                            | "protest"
                            | "protests"
                            | "protesters"
                            | "march"
                            | "rally"
                            | "rallies"
                    );
                if !placed {
                    continue;
                }
                match short {
                    "sat" => "saturday",
                    "sun" => "sunday",
                    "wed" => "wednesday",
                    _ => "monday",
                }
            }
            // "sundays march": a possessive without its apostrophe, before what it owns.
            plural
                if plural.strip_suffix('s').is_some_and(is_weekday)
                    && tokens
                        .get(i + 1)
                        .is_some_and(|n| !is_stop_word(&n.norm) && !n.number) =>
            {
                let len = plural.len() - 1;
                tokens[i].norm.truncate(len);
                continue;
            }
            _ => continue,
        };
        tokens[i].norm = day.to_string();
    }
}

/// Chat shorthand that only reads so in its place: "4" and "2" for "for" and "to" ("asking 4
/// help", "what happened 2 her husband") where no count can stand, a lower-case "w" and "n" for
/// "with" and "and" between words, and "acc" for "according" before "to".
fn read_chat_shorthand(tokens: &mut [Token]) {
    for i in 0..tokens.len() {
        let prev = i.checked_sub(1).map(|p| &tokens[p]);
        let next = tokens.get(i + 1);
        let word = |t: Option<&Token>| t.is_some_and(|t| !t.number && t.norm.len() > 1);
        let full = match tokens[i].norm.as_str() {
            digit @ ("4" | "2") if word(prev) => {
                let after_verb = prev.is_some_and(|t| {
                    let verb = t.norm.as_str();
                    if digit == "4" {
                        FOR_VERBS.contains(&verb)
                    } else {
                        TO_VERBS.contains(&verb)
                    }
                });
                let placed = next.is_none_or(|t| {
                    t.capitalized || is_determiner_or_pronoun(&t.norm) || t.norm == "help"
                });
                if !(placed || after_verb) {
                    continue;
                }
                if digit == "4" {
                    "for"
                } else {
                    "to"
                }
            }
            "w" if !tokens[i].capitalized && word(prev) => "with",
            "n" if !tokens[i].capitalized && word(prev) && word(next) => "and",
            "acc" if next.is_some_and(|t| matches!(t.norm.as_str(), "to" | "2")) => "according",
            // "were did they march": no verb follows an auxiliary so; "where" was meant.
            "were" if i == 0 && next.is_some_and(|t| is_tense_auxiliary(&t.norm)) => "where",
            _ => continue,
        };
        tokens[i].norm = full.to_string();
        tokens[i].number = false;
        if full == "according" {
            if let Some(to) = tokens.get_mut(i + 1) {
                to.norm = "to".to_string();
                to.number = false;
            }
        }
    }
}

/// Verbs that "4" may follow as "for": "asking 4 help", "run 4 pres".
const FOR_VERBS: &[&str] = &[
    "ask", "asks", "asked", "asking", "call", "calls", "called", "calling", "vote", "voted",
    "voting", "wait", "waiting", "run", "ran", "running", "stand", "stood", "fight", "fighting",
    "pushing", "push", "pay", "paid", "looking", "look", "blame", "blamed", "sorry",
];
/// Verbs that "2" may follow as "to": "went 2 lithuania", "happened 2 him".
const TO_VERBS: &[&str] = &[
    "go",
    "goes",
    "went",
    "going",
    "gone",
    "come",
    "came",
    "coming",
    "happen",
    "happened",
    "happens",
    "talk",
    "talked",
    "talking",
    "listen",
    "flee",
    "fled",
    "fleeing",
    "moved",
    "move",
    "want",
    "wants",
    "wanted",
    "need",
    "needs",
    "needed",
    "try",
    "tried",
    "trying",
    "due",
    "able",
    "said",
    "say",
    "says",
    "according",
    "acc",
    "close",
    "next",
    "refused",
    "refuse",
    "agreed",
    "agree",
    "plan",
    "planned",
    "plans",
    "offered",
    "offer",
    "promised",
    "promise",
];

/// Determiners and personal pronouns, which open a noun phrase after a preposition.
fn is_determiner_or_pronoun(word: &str) -> bool {
    is_determiner(word)
        || matches!(
            word,
            "him" | "them" | "it" | "me" | "us" | "you" | "he" | "she" | "they" | "we" | "i"
        )
}

/// "she'll", "they'd", "we're": a pronoun and its auxiliary, as two words ("she will"), so
/// that "what will she do" and "what she'll do" read the same.
fn read_contracted_auxiliaries(tokens: &mut Vec<Token>) {
    let mut i = 0;
    while i < tokens.len() {
        let split = tokens[i].norm.split_once('\'').and_then(|(head, tail)| {
            let auxiliary = match tail {
                "ll" => "will",
                "d" => "would",
                "re" => "are",
                "ve" => "have",
                "m" => "am",
                _ => return None,
            };
            matches!(head, "i" | "you" | "he" | "she" | "it" | "we" | "they")
                .then(|| (head.to_string(), auxiliary))
        });
        if let Some((head, auxiliary)) = split {
            tokens[i].norm = head;
            let mut after = tokens[i].clone();
            after.norm = auxiliary.to_string();
            after.start = after.end;
            after.capitalized = false;
            tokens.insert(i + 1, after);
            i += 1;
        }
        i += 1;
    }
}

/// "whos" is "who's", which the tokenizer reads as "who" (the "'s" dropped): "who is".
fn read_whos(tokens: &mut Vec<Token>) {
    if let Some(i) = tokens.iter().position(|t| t.norm == "whos") {
        tokens[i].norm = "who".to_string();
        let mut is = tokens[i].clone();
        is.norm = "is".to_string();
        is.start = is.end;
        is.capitalized = false;
        tokens.insert(i + 1, is);
    }
}

/// "according to whom did putin offer help": who said so ("The Kremlin said that ...").
fn read_according_to_whom(tokens: &mut Vec<Token>) {
    let Some(at) = tokens.windows(3).position(|w| {
        w[0].norm == "according"
            && w[1].norm == "to"
            && matches!(w[2].norm.as_str(), "whom" | "who")
    }) else {
        return;
    };
    tokens[at].norm = "who".to_string();
    tokens[at + 1].norm = "said".to_string();
    tokens.remove(at + 2);
}

/// "in charge", "in power": "ruling", as a passage would say it.
fn read_in_charge(tokens: &mut Vec<Token>) {
    let mut i = 0;
    while i + 1 < tokens.len() {
        if tokens[i].norm == "in" {
            if let Some(word) = state_of_ruling(&tokens[i + 1].norm) {
                tokens[i + 1].norm = word.to_string();
                tokens.remove(i);
            }
        }
        i += 1;
    }
}

/// "the woman who fled", "the opposition lady": a woman the question points to is the one the
/// articles call "she", as the pronoun would be read.
fn read_woman_as_she(tokens: &mut [Token]) {
    for i in 1..tokens.len() {
        let woman = matches!(tokens[i].norm.as_str(), "woman" | "lady");
        let pointed = tokens[i.saturating_sub(2)..i]
            .iter()
            .any(|t| matches!(t.norm.as_str(), "the" | "this" | "that"));
        // ("who was the lady running against him": her name is asked, she is not known.)
        let asked = tokens[..i].iter().rev().take(4).any(|t| t.norm == "who")
            && tokens[..i]
                .iter()
                .any(|t| matches!(t.norm.as_str(), "is" | "was" | "are" | "were"));
        if woman && pointed && !asked {
            tokens[i].norm = "she".to_string();
        }
    }
}

/// Particles that a phrasal verb's object may stand before: "hand *the country* over".
const SEPARABLE_PARTICLES: &[&str] = &["over", "up", "down", "off", "out", "away", "back"];

/// "hand the country over", "lock them up": the particle is moved back to its verb ("hand over
/// the country"), where a phrasal verb is looked for. Only over a short object that opens with
/// a determiner or is a pronoun, and with nothing but function words after the particle (not
/// "walked the whole way down Independence Avenue").
fn join_separated_particle(tokens: &mut [Token]) {
    let pronoun = |w: &str| matches!(w, "it" | "them" | "him" | "her" | "us" | "me" | "everyone");
    for i in 0..tokens.len() {
        if is_stop_word(&tokens[i].norm) || tokens[i].number {
            continue;
        }
        // ("what pictures the people held up": the word a question word leads is its noun.)
        if i > 0 && matches!(tokens[i - 1].norm.as_str(), "what" | "which" | "whose") {
            continue;
        }
        let Some(first) = tokens.get(i + 1) else {
            break;
        };
        let object_len = if pronoun(&first.norm) {
            1
        } else if is_determiner(&first.norm) {
            // The determiner and up to two words of its noun phrase.
            1 + tokens[i + 2..]
                .iter()
                .take(2)
                .take_while(|t| !is_stop_word(&t.norm) && !t.number)
                .count()
        } else {
            continue;
        };
        let at = i + 1 + object_len;
        let separated = object_len > 1 || pronoun(&first.norm);
        let particle = tokens
            .get(at)
            .is_some_and(|t| SEPARABLE_PARTICLES.contains(&t.norm.as_str()));
        let then_function_words = tokens[(at + 1).min(tokens.len())..]
            .iter()
            .take(1)
            .all(|t| is_stop_word(&t.norm));
        if separated && particle && then_function_words {
            tokens[i + 1..=at].rotate_right(1);
            break;
        }
    }
}

/// "run for president", "ran for office", "stand for election": to be a candidate, as a
/// passage says it ("a candidate", "the main opposition prospect"), whether or not it names
/// the office. Read again once spelling is corrected ("run for presidnet").
pub fn read_run_for_office(tokens: &mut Vec<Token>) {
    // "became a candidate", "end up as the candidate": she was one.
    let mut k = 0;
    while k + 1 < tokens.len() {
        let becomes = matches!(
            tokens[k].norm.as_str(),
            "become" | "becomes" | "became" | "becoming"
        );
        let mut at = k + 1;
        while at < tokens.len() && (is_article(&tokens[at].norm) || tokens[at].norm == "as") {
            at += 1;
        }
        if becomes && tokens.get(at).is_some_and(|t| t.norm == "candidate") {
            tokens.drain(k..at);
        }
        k += 1;
    }
    let mut i = 0;
    while i + 2 < tokens.len() {
        let runs = matches!(
            tokens[i].norm.as_str(),
            "run" | "runs" | "ran" | "running" | "stand" | "stands" | "stood" | "standing"
        );
        let office_at = if is_article(&tokens[i + 2].norm) {
            i + 3
        } else {
            i + 2
        };
        let office = tokens.get(office_at).is_some_and(|t| {
            matches!(
                t.norm.as_str(),
                "president" | "presidency" | "office" | "election" | "re" | "reelection"
            )
        });
        // "entered the presidential race", "joined the race".
        let enters = matches!(
            tokens[i].norm.as_str(),
            "enter" | "enters" | "entered" | "entering" | "join" | "joins" | "joined" | "joining"
        );
        let race_at = (i + 1..(i + 4).min(tokens.len()))
            .find(|&k| matches!(tokens[k].norm.as_str(), "race" | "contest"));
        let race = race_at.is_some_and(|k| {
            tokens[i + 1..k].iter().all(|t| {
                is_article(&t.norm) || matches!(t.norm.as_str(), "presidential" | "election")
            })
        });
        if let (true, true, Some(k)) = (enters, race, race_at) {
            tokens[i].norm = "candidate".to_string();
            tokens.drain(i + 1..=k);
            i += 1;
            continue;
        }
        if runs && tokens[i + 1].norm == "for" && office {
            tokens[i].norm = "candidate".to_string();
            // "re-election" is two tokens.
            let end = if tokens[office_at].norm == "re" {
                office_at + 2
            } else {
                office_at + 1
            };
            tokens.drain(i + 1..end.min(tokens.len()));
        }
        i += 1;
    }
}

/// "what percent of the vote did he *get*", "what share did she *receive*": to get a share of
/// the vote is to win it, as a passage says it ("claimed victory with 80% of the ballot").
fn read_share_got(tokens: &mut [Token]) {
    let has = |words: &[&str]| tokens.iter().any(|t| words.contains(&t.norm.as_str()));
    if !has(&["percent", "percentage", "share", "proportion"])
        || !has(&["vote", "votes", "ballot", "ballots", "poll", "election"])
    {
        return;
    }
    for t in tokens.iter_mut() {
        let won = match t.norm.as_str() {
            "get" | "gets" | "getting" | "receive" | "receives" | "receiving" => "win",
            "got" | "gotten" | "received" => "won",
            _ => continue,
        };
        t.norm = won.to_string();
    }
}

/// "how old was she *at the time of* the election", "*at that time*": the moment a question
/// sets its fact in names no thing of it ("time" is no word a passage needs); what follows
/// ("the election") still says what it is about.
fn drop_time_frame(tokens: &mut Vec<Token>) {
    fn norm(tokens: &[Token], i: usize) -> &str {
        tokens.get(i).map_or("", |t| t.norm.as_str())
    }
    let mut i = 0;
    while i + 2 < tokens.len() {
        let frame = matches!(norm(tokens, i), "at" | "by")
            && matches!(norm(tokens, i + 1), "the" | "that")
            && norm(tokens, i + 2) == "time";
        if frame {
            let end = if norm(tokens, i + 3) == "of" {
                i + 4
            } else {
                i + 3
            };
            tokens.drain(i..end);
        } else {
            i += 1;
        }
    }
}

/// "why did it grow *so quickly*", "spread *very fast*": how much or how fast only stresses
/// the verb, which is what a passage says ("an expanding movement"). Not "how quickly", which
/// asks it.
fn drop_intensified_manner(tokens: &mut Vec<Token>) {
    // "why *on earth* were they there", "what *the hell* happened": a question word's stress.
    if let Some(at) = tokens.iter().position(|t| is_question_word(&t.norm)) {
        let next = |k: usize| tokens.get(at + k).map_or("", |t| t.norm.as_str());
        let stress = (next(1) == "on" && next(2) == "earth")
            || (next(1) == "the" && matches!(next(2), "hell" | "heck"));
        if stress && at + 3 < tokens.len() {
            tokens.drain(at + 1..at + 3);
        }
    }
    let mut i = 1;
    while i + 1 < tokens.len() {
        let stress = matches!(tokens[i].norm.as_str(), "so" | "very" | "that")
            && tokens[i - 1].norm != "how";
        let manner = tokens[i + 1].norm.as_str();
        let manner =
            (manner.len() > 4 && manner.ends_with("ly")) || matches!(manner, "fast" | "much");
        if stress && manner {
            tokens.drain(i..i + 2);
        } else {
            i += 1;
        }
    }
}

/// "a pro-government rally", "the anti-govt side": the prefix says who is for or against the
/// word it is joined to, so the question is read "government supporters rally", "government
/// opponents side" (the articles tell of "supporters" and "opponents", not of "pro").
fn read_pro_and_anti(tokens: &mut [Token]) {
    for i in 0..tokens.len().saturating_sub(1) {
        let side = match tokens[i].norm.as_str() {
            "pro" => "supporters",
            "anti" => "opponents",
            _ => continue,
        };
        let joined = &tokens[i + 1];
        if !joined.hyphenated || joined.number || is_stop_word(&joined.norm) {
            continue;
        }
        // ("government-supporters": still one word with the one before, see
        // `retrieve::question_marker`.)
        tokens.swap(i, i + 1);
        tokens[i].hyphenated = false;
        tokens[i + 1].norm = side.to_string();
        tokens[i + 1].hyphenated = true;
    }
}

/// "get bigger", "became so large", "getting bigger and bigger": to grow, as a passage may say
/// it ("an expanding movement", "growing").
fn read_get_bigger(tokens: &mut Vec<Token>) {
    let mut i = 0;
    while i + 1 < tokens.len() {
        let gets = matches!(
            tokens[i].norm.as_str(),
            "get"
                | "gets"
                | "getting"
                | "got"
                | "gotten"
                | "become"
                | "becomes"
                | "becoming"
                | "became"
        );
        let mut end = i + 1;
        while end < tokens.len() && matches!(tokens[end].norm.as_str(), "so" | "much" | "even") {
            end += 1;
        }
        let bigger = |t: &Token| matches!(t.norm.as_str(), "bigger" | "larger" | "big" | "large");
        if gets && tokens.get(end).is_some_and(bigger) {
            end += 1;
            // "bigger and bigger"
            if tokens.get(end).is_some_and(|t| t.norm == "and")
                && tokens.get(end + 1).is_some_and(bigger)
            {
                end += 2;
            }
            tokens[i].norm = "growing".to_string();
            tokens.drain(i + 1..end);
        }
        i += 1;
    }
}

/// "what does the article say fuelled the movement", "who did the report say organised it",
/// "what does the story identify as ...": the question is what follows; the text that says it
/// is the one asked about anyway. Not "what does the article say about ...", which asks it.
fn read_text_says(tokens: &mut Vec<Token>) {
    let Some(aux) = tokens
        .iter()
        .position(|t| matches!(t.norm.as_str(), "does" | "did" | "do"))
    else {
        return;
    };
    let asks = aux > 0 && is_question_word(&tokens[aux - 1].norm);
    let det = tokens
        .get(aux + 1)
        .is_some_and(|t| matches!(t.norm.as_str(), "the" | "this"));
    let text = tokens
        .get(aux + 2)
        .is_some_and(|t| TEXT_NOUNS.contains(&t.norm.as_str()));
    let says = tokens.get(aux + 3).is_some_and(|t| {
        matches!(
            t.norm.as_str(),
            "say" | "state" | "report" | "claim" | "suggest" | "identify" | "cite" | "give"
        )
    });
    if !(asks && det && text && says) {
        return;
    }
    let mut end = aux + 4;
    if tokens
        .get(end)
        .is_some_and(|t| matches!(t.norm.as_str(), "that" | "as"))
    {
        end += 1;
    }
    let next = tokens.get(end).map_or("", |t| t.norm.as_str());
    if next.is_empty() || matches!(next, "about" | "of" | "on" | "regarding" | "concerning") {
        return;
    }
    tokens.drain(aux..end);
}

/// Forms of the verbs that say what caused something ("fuelled", "is driving", "sparked").
const CAUSING: &[&str] = &[
    "cause",
    "causes",
    "caused",
    "causing",
    "fuel",
    "fuels",
    "fueled",
    "fuelled",
    "fueling",
    "fuelling",
    "drive",
    "drives",
    "drove",
    "driven",
    "driving",
    "spark",
    "sparks",
    "sparked",
    "sparking",
    "trigger",
    "triggers",
    "triggered",
    "triggering",
    "prompt",
    "prompted",
    "prompting",
    "provoke",
    "provoked",
    "provoking",
    "spur",
    "spurred",
    "spurring",
    "stoke",
    "stoked",
    "stoking",
    "feed",
    "feeding",
    "inflame",
    "inflamed",
    "inflaming",
];

/// "what has fuelled the movement", "what's been driving the protests", "what sparked them":
/// what caused it, asked as "why": the passage says so with its own verb ("a movement fanned
/// by a crackdown") or none ("because").
fn read_what_caused(tokens: &mut Vec<Token>) {
    let Some(what) = tokens
        .iter()
        .position(|t| matches!(t.norm.as_str(), "what" | "whats"))
    else {
        return;
    };
    let mut verb = what + 1;
    while verb < tokens.len()
        && verb <= what + 3
        && (is_auxiliary(&tokens[verb].norm) || tokens[verb].norm == "been")
    {
        verb += 1;
    }
    // ("what was the march driven by" is no question of cause.)
    let causing = tokens
        .get(verb)
        .is_some_and(|t| CAUSING.contains(&t.norm.as_str()))
        && tokens.get(verb + 1).is_some_and(|t| t.norm != "by")
        && verb + 1 < tokens.len();
    if causing {
        tokens[what].norm = "why".to_string();
        tokens.drain(what + 1..=verb);
    }
}

/// "call on supporters to march", "called upon him to resign": to ask someone to do something,
/// as a passage may say it ("asked for"). Only with the deed asked after "to": "when people
/// called on him to?" keeps its call (a passage's "calls to step down"), and "a phone call on
/// Saturday" or "the march they called on Sunday" is no asking.
fn read_call_on(tokens: &mut Vec<Token>) {
    let mut i = 0;
    while i + 2 < tokens.len() {
        let asked = match tokens[i].norm.as_str() {
            "call" => "ask",
            "calls" => "asks",
            "called" => "asked",
            "calling" => "asking",
            _ => "",
        };
        let noun = i > 0 && (is_determiner(&tokens[i - 1].norm) || tokens[i - 1].norm == "phone");
        let on = matches!(tokens[i + 1].norm.as_str(), "on" | "upon");
        let deed_asked = tokens[i + 2..]
            .windows(2)
            .take(5)
            .any(|w| w[0].norm == "to" && !is_stop_word(&w[1].norm) && !w[1].number)
            || tokens[i + 2..]
                .windows(3)
                .take(5)
                .any(|w| w[0].norm == "to" && matches!(w[1].norm.as_str(), "do" | "be"));
        if !asked.is_empty() && !noun && on && deed_asked {
            tokens[i].norm = asked.to_string();
            tokens.remove(i + 1);
        }
        i += 1;
    }
}

/// "what was the march called", "what is the group named", "what name did they give the
/// march": a question that asks for a name.
pub fn asks_what_called(tokens: &[Token]) -> bool {
    let first = tokens.first().map_or("", |t| t.norm.as_str());
    let last = tokens.last().map_or("", |t| t.norm.as_str());
    let second = tokens.get(1).map_or("", |t| t.norm.as_str());
    let words: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
    (matches!(first, "what" | "whats")
        && (matches!(last, "called" | "named")
            || matches!(second, "name" | "names")
            || name_given_to(&words).is_some()))
        || name_giving_verb(&words).is_some()
}

/// Where the thing named stands in "what was the name the opposition *gave to* Sunday's
/// march" (the word after "gave to"): a name near the start, then a verb of giving.
pub fn name_given_to(words: &[&str]) -> Option<usize> {
    let name = words
        .iter()
        .take(4)
        .position(|w| matches!(*w, "name" | "names"))?;
    let gave = words[name + 1..]
        .iter()
        .position(|w| matches!(*w, "give" | "gave" | "given" | "gives" | "giving"))?
        + name
        + 1;
    let at = gave + 1 + usize::from(words.get(gave + 1) == Some(&"to"));
    (at < words.len()).then_some(at)
}

/// Where a question asks the name someone gives a thing with "call" before the thing: "what
/// did they call the march", and a learner's "how do they call this march", "how they called
/// it", "how was the march called". Not "call for" or "call on" (to ask for), nor "how many
/// ... called".
pub fn name_giving_verb(words: &[&str]) -> Option<usize> {
    let first = *words.first()?;
    let how = first == "how"
        && !words
            .get(1)
            .is_some_and(|w| matches!(*w, "many" | "much" | "long" | "old" | "far" | "often"));
    if !(matches!(first, "what" | "whats") || how) {
        return None;
    }
    let v = words
        .iter()
        .enumerate()
        .skip(2)
        .find(|(_, w)| matches!(**w, "call" | "name") || (how && matches!(**w, "called" | "named")))
        .map(|(i, _)| i)?;
    let object = words.get(v + 1).is_some_and(|w| {
        !matches!(
            *w,
            "for"
                | "on"
                | "off"
                | "in"
                | "up"
                | "out"
                | "to"
                | "with"
                | "from"
                | "by"
                | "of"
                | "it"
                | "them"
                | "what"
        )
    });
    // ("how was the march called": the thing before it.)
    let last = how && v + 1 == words.len() && matches!(words[v], "called" | "named");
    // ("what was the name of the march": a noun, not the verb.)
    let verb = !is_determiner(words[v - 1]);
    ((object || last) && verb).then_some(v)
}

/// Nouns that ask for a place: "which country", "what street".
pub const PLACE_NOUNS: &[&str] = &[
    "country",
    "countries",
    "city",
    "street",
    "town",
    "place",
    "region",
    "avenue",
    "square",
    "building",
    "site",
    "venue",
    "location",
    "capital",
    "village",
    "district",
    "area",
    "road",
    "roads",
    "streets",
    "cities",
    "towns",
    "thoroughfare",
    "boulevard",
    "highway",
    "neighbourhood",
    "neighborhood",
    "province",
    "spot",
    "landmark",
    "monument",
    "memorial",
];

/// Nouns that ask for a name of people in "what X": "what group", "what newspaper".
pub const GROUP_NOUNS: &[&str] = &[
    "group",
    "groups",
    "organisation",
    "organisations",
    "organization",
    "organizations",
    "party",
    "agency",
    "newspaper",
    "person",
    "man",
    "woman",
    "official",
    "leader",
    "body",
    "committee",
    "institution",
    "association",
    "outlet",
];

/// Nouns that make "what N" / "which N" ask when: "what day", "which year".
pub const TIME_NOUNS: &[&str] = &["day", "date", "time", "year", "month", "week", "night"];

/// Whether `tokens[i]` is the closing verb of "when / where was X held", "when / what day did X
/// happen / take place / occur": a verb that only says an event happened.
pub fn asks_when_event_happened(tokens: &[Token], i: usize) -> bool {
    let first = tokens.first().map_or("", |t| t.norm.as_str());
    // "what day / on which date did X happen" asks when as well, "along which (minsk) street
    // did it take place" where.
    let asks_day = tokens.iter().take(3).enumerate().any(|(k, t)| {
        matches!(t.norm.as_str(), "what" | "which")
            && tokens[k + 1..].iter().take(2).any(|n| {
                TIME_NOUNS.contains(&n.norm.as_str()) || PLACE_NOUNS.contains(&n.norm.as_str())
            })
    });
    if !(matches!(first, "when" | "where" | "whens" | "wheres") || asks_day) || i < 2 {
        return false;
    }
    let word = tokens[i].norm.as_str();
    let next = tokens.get(i + 1).map(|t| t.norm.as_str());
    let prev = tokens[i - 1].norm.as_str();
    // ("when was the election held like what day": a follow-up that only asks the same.)
    let closes = tokens[i + 1..].iter().all(|t| {
        matches!(
            t.norm.as_str(),
            "like" | "what" | "which" | "day" | "date" | "time" | "exactly" | "again" | "precisely"
        )
    });
    match word {
        "held" | "happen" | "happened" | "occur" | "occurred" => closes,
        "take" | "took" | "taking" => next == Some("place") && i + 2 == tokens.len(),
        "place" => matches!(prev, "take" | "took" | "taking") && next.is_none(),
        _ => false,
    }
}

/// Whether the word at `i` only says that someone is based somewhere, in a question that asks
/// where ("which country is the ambassador *posted* to", "where is the envoy *stationed*"):
/// the passage places the person in whatever words ("the ambassador to Slovakia").
pub fn asks_where_based(tokens: &[Token], i: usize) -> bool {
    let word = tokens[i].norm.as_str();
    if !matches!(
        word,
        "posted" | "stationed" | "based" | "accredited" | "assigned" | "located" | "situated"
    ) {
        return false;
    }
    let asks_where = tokens.iter().enumerate().any(|(k, t)| {
        t.norm == "where"
            || (matches!(t.norm.as_str(), "what" | "which")
                && tokens[k + 1..]
                    .iter()
                    .take(2)
                    .any(|n| PLACE_NOUNS.contains(&n.norm.as_str())))
    });
    let prev = i.checked_sub(1).map_or("", |p| tokens[p].norm.as_str());
    let next = tokens.get(i + 1).map_or("", |t| t.norm.as_str());
    asks_where && (is_auxiliary(prev) || matches!(next, "" | "to" | "in" | "at"))
}

/// Whether the word at `i` stands in a clause the question grants rather than asks about: one
/// opened by "if", "though", "although" or "since" ("why did she run *if she was not a
/// politician*"), or one after a comma in a question opened by a question word ("why did she
/// run, *she was not a politician*").
pub fn in_granted_clause(tokens: &[Token], i: usize) -> bool {
    // ("what did he call them to defend, if not himself": "if not" sets a thing against the
    // answer, a denial the passage may share.)
    if i > 0 && tokens[i - 1].norm == "if" {
        return false;
    }
    let asks = tokens.first().is_some_and(|t| is_question_word(&t.norm));
    (1..=i).any(|k| {
        GRANTING.contains(&tokens[k - 1].norm.as_str())
            || (asks && tokens[k - 1].end + 1 < tokens[k].start && k > 1)
    })
}

/// Words that open a clause a question grants rather than asks about (see
/// [`in_granted_clause`]).
const GRANTING: &[&str] = &["if", "though", "although", "since"];

/// Words that deny what follows: a question with one prefers a passage with one.
pub fn is_negation(word: &str) -> bool {
    matches!(
        word,
        "not" | "no" | "never" | "nor" | "neither" | "cannot" | "without"
    ) || word.ends_with("n't")
        || word == "wont"
}

/// Whether the negation at `i` opens a negative question ("wasn't she new to politics?",
/// "why did she run? isn't it ego?"): it expects a yes, and denies nothing. A negated auxiliary
/// that opens the question or a clause after punctuation, before its subject.
pub fn opens_negative_question(tokens: &[Token], i: usize) -> bool {
    let Some(t) = tokens.get(i) else {
        return false;
    };
    let opens = i == 0 || tokens[i - 1].end + 1 < t.start;
    let subject = tokens.get(i + 1).is_some_and(|n| {
        matches!(
            n.norm.as_str(),
            "it" | "he" | "she" | "they" | "there" | "that" | "this" | "the" | "his" | "her"
        ) || n.capitalized
    });
    opens && subject && t.norm.ends_with("n't") && is_auxiliary(&t.norm)
}

/// The full given names (in their usual English spellings) a common Russian or Belarusian
/// diminutive stands for: "Sasha" is what people call an Alexander ("sasha" -> "alexander",
/// "aleksandr"). A question may use it for someone an article names in full.
pub fn given_names_of(diminutive: &str) -> &'static [&'static str] {
    match diminutive {
        "sasha" | "sashka" | "sanya" | "shura" => &["alexander", "aleksandr", "alexandr"],
        "vova" | "volodya" => &["vladimir"],
        "sveta" => &["svetlana"],
        "dima" => &["dmitry", "dmitri", "dmitriy"],
        "misha" => &["mikhail"],
        "kolya" => &["nikolai", "nikolay"],
        "seryozha" | "serezha" => &["sergei", "sergey"],
        "zhenya" => &["yevgeny", "evgeny", "yevgenia"],
        "masha" => &["maria", "mariya"],
        "tanya" => &["tatiana", "tatyana"],
        "lena" => &["elena", "yelena"],
        "natasha" => &["natalia", "natalya"],
        "katya" => &["ekaterina", "yekaterina"],
        "pasha" => &["pavel"],
        "petya" => &["pyotr"],
        "vanya" => &["ivan"],
        "kostya" => &["konstantin"],
        "lyosha" | "alyosha" => &["alexei", "aleksei", "alexey"],
        "yura" => &["yuri", "yury"],
        "vitya" => &["viktor", "victor"],
        "tolya" => &["anatoly", "anatoliy"],
        _ => &[],
    }
}

/// The word a chat abbreviation or phonetic spelling stands for ("ppl" -> "people", "wat" ->
/// "what"), as people type questions into a messenger.
fn chat_abbreviation(word: &str) -> Option<&'static str> {
    Some(match word {
        "ppl" | "ppls" => "people",
        "wat" | "wot" | "wut" => "what",
        "wats" | "wots" | "wuts" => "whats",
        "wen" | "wn" => "when",
        "wer" | "whr" => "where",
        "hw" => "how",
        "y" => "why",
        "u" => "you",
        "ur" => "your",
        "r" => "are",
        "govt" | "gov" | "gvt" => "government",
        "abt" | "bout" => "about",
        "bc" | "b/c" | "cuz" | "coz" | "bcuz" => "because",
        "pres" | "prez" => "president",
        "intl" => "international",
        "org" => "organization",
        "orgs" => "organizations",
        "yrs" => "years",
        "yr" => "year",
        "thru" => "through",
        "tho" => "though",
        "num" => "number",
        "legit" => "legitimate",
        "info" => "information",
        "pic" => "picture",
        "pics" => "pictures",
        "approx" => "approximately",
        "nite" => "night",
        "tonite" => "tonight",
        "2day" => "today",
        "tmrw" | "tmr" => "tomorrow",
        "msg" => "message",
        "bcoz" => "because",
        "wknd" => "weekend",
        "vid" => "video",
        "rn" => "now",
        "b4" => "before",
        "smth" | "sth" => "something",
        "cos" | "cus" => "because",
        "gona" | "gunna" => "gonna",
        "wana" => "wanna",
        "oppo" => "opposition",
        "mvmt" | "mvt" => "movement",
        "est" => "estimate",
        "demo" => "demonstration",
        "amt" => "amount",
        "natl" => "national",
        "admin" => "administration",
        "dept" => "department",
        _ => return None,
    })
}

/// The verb an idiom "in X" of holding power stands for ("in charge", "in power", "in office"
/// -> "ruling"), given X.
fn state_of_ruling(word: &str) -> Option<&'static str> {
    matches!(word, "charge" | "power" | "office" | "control" | "command").then_some("ruling")
}

/// Sorted, so that `is_stop_word` can binary-search it.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "actually",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "along",
    "also",
    "am",
    "amid",
    "among",
    "amongst",
    "an",
    "and",
    "any",
    "anyone",
    "anything",
    "anyway",
    "are",
    "aren't",
    "around",
    "as",
    "at",
    "basically",
    "be",
    "because",
    "been",
    "before",
    "behind",
    "being",
    "below",
    "between",
    "beyond",
    "both",
    "bruh",
    "btw",
    "but",
    "by",
    "can",
    "can't",
    "cannot",
    "could",
    "couldn't",
    "d",
    "deadass",
    "despite",
    "did",
    "didn't",
    "do",
    "does",
    "doesn't",
    "doing",
    "don't",
    "down",
    "during",
    "each",
    "either",
    "else",
    "even",
    "ever",
    "everyone",
    "everything",
    "exactly",
    "example",
    "examples",
    "few",
    "for",
    "fr",
    "from",
    "further",
    "get",
    "go",
    "goes",
    "going",
    "gone",
    "gonna",
    "got",
    "gotta",
    "guys",
    "had",
    "hadn't",
    "haha",
    "has",
    "hasn't",
    "have",
    "haven't",
    "having",
    "he",
    "hence",
    "her",
    "here",
    "hers",
    "herself",
    "hey",
    "hi",
    "highkey",
    "him",
    "himself",
    "his",
    "hmm",
    "how",
    "however",
    "huh",
    "i",
    "idk",
    "if",
    "iirc",
    "imo",
    "in",
    "instead",
    "into",
    "is",
    "isn't",
    "istg",
    "it",
    "its",
    "itself",
    "just",
    "kind",
    "kindly",
    "let",
    "literally",
    "ll",
    "lmao",
    "lol",
    "lot",
    "lots",
    "lowkey",
    "m",
    "madam",
    "may",
    "maybe",
    "me",
    "might",
    "mister",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "myself",
    "ngl",
    "nor",
    "now",
    "of",
    "off",
    "ok",
    "okay",
    "omg",
    "on",
    "once",
    "only",
    "onto",
    "or",
    "other",
    "ought",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "perhaps",
    "please",
    "pls",
    "plz",
    "precisely",
    "pro",
    "re",
    "really",
    "regarding",
    "s",
    "same",
    "shall",
    "she",
    "should",
    "since",
    "smh",
    "so",
    "some",
    "someone",
    "something",
    "sort",
    "still",
    "such",
    "t",
    "tbh",
    "tell",
    "than",
    "thanks",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "thing",
    "things",
    "this",
    "those",
    "through",
    "thx",
    "to",
    "too",
    "toward",
    "towards",
    "uh",
    "um",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "ve",
    "very",
    "via",
    "wanna",
    "was",
    "wasn't",
    "wdym",
    "we",
    "went",
    "were",
    "weren't",
    "what",
    "whatever",
    "whats",
    "when",
    "where",
    "whether",
    "which",
    "whichever",
    "while",
    "who",
    "whoever",
    "whom",
    "whos",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "won't",
    "wont",
    "would",
    "wouldn't",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

#[cfg(test)]
mod tests {
    use super::{
        asks_what_called, fragment_head, in_granted_clause, is_article, is_determiner, is_filler,
        is_stop_word, is_unambiguous_month, is_weekday, join_spelled_letters, name_giving_verb,
        opens_negative_question, question_span, question_tokens, quotations, read_formal_how,
        read_message, same_value, short_figure, split_asking, split_guess, tokenize, value_kind,
        Message, Token, ValueKind, STOP_WORDS,
    };

    #[test]
    fn a_query_of_keywords_is_headed_by_the_noun_before_its_first_preposition() {
        let head = |q: &str| {
            let tokens = tokenize(q);
            fragment_head(&tokens).map(|h| tokens[h].norm.clone())
        };
        let cases = [
            ("detention count from the crackdown", Some("count")),
            (
                "timing of the disputed vote relative to sunday's march",
                Some("timing"),
            ),
            ("pro lukashenko rally attendance", Some("attendance")),
            // A question, a request or a statement with a verb has no such head.
            ("what was the count", None),
            ("tell me the count", None),
            ("the count was high", None),
            ("count", None),
        ];
        for (q, expected) in cases {
            assert_eq!(head(q).as_deref(), expected, "{q}");
        }
    }

    /// The words a question is read as (see `question_tokens`).
    fn asked_words(question: &str) -> Vec<String> {
        question_tokens(question)
            .into_iter()
            .map(|t| t.norm)
            .collect()
    }

    #[test]
    fn a_clause_the_question_grants_is_told_apart() {
        let granted = |q: &str, word: &str| {
            let tokens = tokenize(q);
            let i = tokens.iter().position(|t| t.norm == word);
            i.is_some_and(|i| in_granted_clause(&tokens, i))
        };
        assert!(granted("why did she run if she is not a politician", "not"));
        assert!(granted("why did she run, she was not a politician", "not"));
        assert!(!granted("what did he say he would not do", "not"));
        assert!(!granted(
            "what did he call them to defend, if not himself",
            "not"
        ));
    }

    #[test]
    fn texting_fillers_are_no_part_of_the_question() {
        assert_eq!(
            asked_words("what country is he posted in no cap"),
            asked_words("what country is he posted in")
        );
        assert!(["ngl", "lowkey", "fr", "wdym"]
            .iter()
            .all(|w| is_stop_word(w)));
    }

    #[test]
    fn pro_and_anti_read_as_supporters_and_opponents() {
        assert_eq!(
            asked_words("where was the pro-govt rally"),
            ["where", "was", "the", "government", "supporters", "rally"]
        );
        assert_eq!(
            asked_words("the anti-lukashenko side")[1..3],
            ["lukashenko", "opponents"]
        );
        // Not a prefix: "pro" alone, or before a number.
        assert_eq!(asked_words("is he a pro at this")[3], "pro");
    }

    #[test]
    fn a_question_tag_turns_a_statement_into_a_yes_no_question() {
        assert_eq!(
            asked_words("the protester was 24, right?"),
            ["is", "it", "true", "that", "the", "protester", "was", "24"]
        );
        assert_eq!(
            asked_words("she fled on monday, didn't she")[..4],
            ["is", "it", "true", "that"]
        );
        assert_eq!(asked_words("he won 80%, is that correct?")[0], "is");
        // Not a question that asks already, nor a comma before other words.
        assert_eq!(asked_words("who died, right?")[0], "who");
        assert_eq!(asked_words("the march, the rally")[0], "the");
    }

    /// Asserts that each question is read as the words after it.
    fn assert_read_as(cases: &[(&str, &str)]) {
        for (question, words) in cases {
            assert_eq!(asked_words(question).join(" "), *words, "{question}");
        }
    }

    #[test]
    fn a_time_frame_and_a_stressed_manner_are_no_words_of_the_question() {
        assert_read_as(&[
            (
                "how old was she at the time of the election",
                "how old was she the election",
            ),
            (
                "why did the movement grow so quickly",
                "why did the movement grow",
            ),
            // "how quickly" asks it.
            ("how quickly did it grow", "how quickly did it grow"),
        ]);
    }

    #[test]
    fn a_particle_after_a_short_object_goes_back_to_its_verb() {
        assert_read_as(&[
            (
                "did he hand the country over",
                "did he hand over the country",
            ),
            // Not after the noun a question word leads.
            (
                "what pictures the people held up",
                "what pictures the people held up",
            ),
        ]);
    }

    #[test]
    fn a_negated_auxiliary_that_opens_a_clause_asks_and_denies_nothing() {
        let opens = |q: &str| {
            let tokens = question_tokens(q);
            (0..tokens.len()).any(|i| opens_negative_question(&tokens, i))
        };
        assert!(opens("why did she run, wasn't she new to politics?"));
        assert!(opens(
            "why did she end up running, wasnt she new to politics"
        ));
        assert!(!opens("why didn't he step down?"));
        assert!(!opens("he said he won't hand over the country"));
    }

    #[test]
    fn a_negated_auxiliary_may_lack_its_apostrophe() {
        assert_eq!(asked_words("wasnt she new")[0], "wasn't");
        assert_eq!(asked_words("he didnt say")[1], "didn't");
        assert_eq!(asked_words("cant they")[0], "can't");
        // Not a word that only ends so.
        assert_eq!(asked_words("they went home")[1], "went");
    }

    #[test]
    fn to_get_a_share_of_the_vote_is_to_win_it() {
        let words = asked_words("what percent of the vote did he get");
        assert_eq!(words.last().map(String::as_str), Some("win"));
        let words = asked_words("what did he get");
        assert_eq!(words.last().map(String::as_str), Some("get"));
    }

    #[test]
    fn growing_and_causing_are_read_in_the_words_a_passage_uses() {
        assert_eq!(
            asked_words("why is the movement getting bigger and bigger"),
            ["why", "is", "the", "movement", "growing"]
        );
        assert_eq!(
            asked_words("what has fuelled the protests"),
            ["why", "the", "protests"]
        );
        // A question of who did it, or of what it was driven by, is not one of cause.
        assert_eq!(
            asked_words("what was the march driven by")[..3],
            ["what", "was", "the"]
        );
        assert_eq!(
            asked_words("what does the article say fuelled the protests"),
            ["why", "the", "protests"]
        );
        assert_eq!(
            asked_words("what does the article say about sanctions")[2],
            "the"
        );
    }

    #[test]
    fn values_of_a_kind_and_the_same_value_in_figures_or_words() {
        assert_eq!(value_kind("6,700"), Some(ValueKind::Number));
        assert_eq!(value_kind("dozens"), Some(ValueKind::Number));
        assert_eq!(value_kind("2020"), Some(ValueKind::Year));
        assert_eq!(value_kind("tuesday"), Some(ValueKind::Weekday));
        assert_eq!(value_kind("august"), Some(ValueKind::Month));
        assert_eq!(value_kind("red"), Some(ValueKind::Colour));
        // "one" is as often a pronoun, "march" an event.
        assert_eq!(value_kind("one"), None);
        assert_eq!(value_kind("march"), None);
        assert!(same_value("2", "two") && same_value("6,700", "6700"));
        assert!(!same_value("hundreds", "100") && !same_value("26", "30"));
    }

    #[test]
    fn articles_are_determiners_and_so_are_possessives() {
        assert!(is_article("an") && is_determiner("an"));
        assert!(is_determiner("their") && !is_article("their"));
        assert!(!is_determiner("which") && !is_determiner("protest"));
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, STOP_WORDS);
        assert!(is_stop_word("what") && !is_stop_word("detained"));
        for contraction in [
            "he'd",
            "they're",
            "we'll",
            "i'm",
            "you've",
            "shouldn't",
            "needn't",
        ] {
            assert!(is_stop_word(contraction), "{contraction}");
        }
        assert!(!is_stop_word("o'neill") && !is_stop_word("rock'n'roll"));
    }

    #[test]
    fn tokens_keep_numbers_and_drop_possessives() {
        let t: Vec<String> = tokenize("Lukashenko’s 6,700 ex-Soviet 80% don't")
            .into_iter()
            .map(|t| t.norm)
            .collect();
        assert_eq!(t, ["lukashenko", "6,700", "ex", "soviet", "80", "don't"]);
        let joined: Vec<bool> = tokenize("state-owned - no")
            .iter()
            .map(|t| t.hyphenated)
            .collect();
        assert_eq!(joined, [false, true, false]);
    }

    #[test]
    fn calendar_words_in_any_case_but_not_may_or_march() {
        assert!(is_weekday("Monday") && is_weekday("sunday") && !is_weekday("weekend"));
        assert!(is_unambiguous_month("August") && is_unambiguous_month("june"));
        assert!(!is_unambiguous_month("may") && !is_unambiguous_month("March"));
    }

    #[test]
    fn a_question_is_read_in_plain_words() {
        let words = |q: &str| {
            question_tokens(q)
                .into_iter()
                .map(|t| t.norm)
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(words("@citebot whos in charge?"), "who is ruling");
        assert_eq!(
            words("hey, what % of govts agreed pls"),
            "what percent of governments agreed"
        );
        assert_eq!(
            words("where were ppl on saturday nite"),
            "where were people on saturday night"
        );
        // Days written short, when they can only be days.
        assert_eq!(
            words("sat night protest where"),
            "saturday night protest where"
        );
        assert_eq!(words("what happened fri"), "what happened friday");
        assert_eq!(words("where they sat down"), "where they sat down");
        // "have on" is "wear" where nothing follows it but a clause of time.
        assert_eq!(words("what did he have on"), "what did he wear");
        assert_eq!(
            words("what clothes he had on when he spoke"),
            "what clothes he wore when he spoke"
        );
        assert_eq!(
            words("what did he have on the list"),
            "what did he have on the list"
        );
        assert_eq!(
            words("how was called the march"),
            "what was the march called"
        );
        assert_eq!(
            words("how was the march called"),
            "what was the march called"
        );
        assert_eq!(words("how was the march"), "how was the march");
        let shouted = question_tokens("WHAT DAY DID SHE LEAVE");
        assert!(shouted.iter().all(|t| !t.acronym && !t.capitalized));
        assert!(question_tokens("CSTO?")[0].acronym);
    }

    #[test]
    fn short_figures_are_written_out() {
        assert_eq!(short_figure("50k").as_deref(), Some("50000"));
        assert_eq!(short_figure("1.5m").as_deref(), Some("1500000"));
        assert_eq!(short_figure("k"), None);
        assert_eq!(short_figure("mk"), None);
        assert_eq!(short_figure("film"), None);
    }

    #[test]
    fn running_for_an_office_reads_as_a_candidate() {
        assert_eq!(
            asked_words("why did she run for president"),
            ["why", "did", "she", "candidate"]
        );
        assert_eq!(asked_words("who ran for re-election"), ["who", "candidate"]);
        // Entering the race, becoming the candidate.
        assert_eq!(
            asked_words("why did she enter the presidential race"),
            ["why", "did", "she", "candidate"]
        );
        assert_eq!(
            asked_words("why did she become a candidate"),
            ["why", "did", "she", "candidate"]
        );
        assert_eq!(asked_words("who joined the race"), ["who", "candidate"]);
        assert_eq!(
            asked_words("is he standing for the presidency"),
            ["is", "he", "candidate"]
        );
        // Not a race: "what does white stand for", "they ran for cover".
        assert_eq!(
            asked_words("what does white stand for"),
            ["what", "does", "white", "stand", "for"]
        );
        assert_eq!(
            asked_words("they ran for cover"),
            ["they", "ran", "for", "cover"]
        );
    }

    #[test]
    fn a_second_question_joined_by_and_is_context_of_the_first() {
        let words = |tokens: Vec<Token>| tokens.into_iter().map(|t| t.norm).collect::<Vec<_>>();
        let Message { asked, lead, .. } = read_message(
            "Where was the march meant to finish, and how many people ended up there?",
        );
        assert_eq!(
            words(asked),
            ["where", "was", "the", "march", "meant", "to", "finish"]
        );
        assert!(words(lead).contains(&"ended".to_string()));
        // A bare question word asks of the first ("and when"), and a first question too thin
        // to stand alone keeps the second.
        let asked = |q: &str| words(read_message(q).asked);
        assert_eq!(
            asked("are tv workers going on strike, and when")
                .last()
                .unwrap(),
            "when"
        );
        assert!(
            asked("What is his name, and how long has he been in prison?")
                .contains(&"prison".to_string())
        );
        // Nor is a verb shared by one subject a second question.
        assert!(asked("how many were arrested and were injured").contains(&"injured".to_string()));
    }

    #[test]
    fn a_clause_that_sets_the_scene_before_a_comma_is_context() {
        let words = |tokens: Vec<Token>| tokens.into_iter().map(|t| t.norm).collect::<Vec<_>>();
        let Message { asked, lead, .. } =
            read_message("The police were very heavy handed, how many people were arrested?");
        assert_eq!(words(asked)[..2], ["how", "many"]);
        assert!(words(lead).contains(&"police".to_string()));
        let Message { asked, .. } = read_message(
            "The police were heavy handed from what I read, roughly how many were arrested?",
        );
        assert!(!words(asked).contains(&"police".to_string()));
        // Not one the question points back at or depends on: that stays asked.
        let asked = |q: &str| words(read_message(q).asked);
        for (q, clause_word) in [
            (
                "Tikhanovskaya could not stay, which country did she go to?",
                "stay",
            ),
            (
                "lukashenko said he did not call people, so what for then",
                "call",
            ),
            ("if lukashenko steps down, what will she do?", "steps"),
        ] {
            assert!(asked(q).contains(&clause_word.to_string()), "{q}");
        }
    }

    #[test]
    fn a_particle_after_its_verb_s_object_is_read_next_to_the_verb() {
        assert_eq!(
            asked_words("will he hand the country over"),
            ["will", "he", "hand", "over", "the", "country"]
        );
        assert_eq!(
            asked_words("did they lock them up"),
            ["did", "they", "lock", "up", "them"]
        );
        assert_eq!(
            asked_words("did they walk the whole way down independence avenue"),
            [
                "did",
                "they",
                "walk",
                "the",
                "whole",
                "way",
                "down",
                "independence",
                "avenue"
            ]
        );
    }

    #[test]
    fn a_woman_pointed_to_is_read_as_she() {
        assert_eq!(
            asked_words("how old is the woman who fled"),
            ["how", "old", "is", "the", "she", "who", "fled"]
        );
        assert_eq!(
            asked_words("what did the opposition lady promise")[4],
            "she"
        );
        // Not a woman the question does not point to.
        assert_eq!(asked_words("was a woman arrested")[2], "woman");
    }

    #[test]
    fn a_guess_after_the_question_is_context() {
        assert_eq!(
            split_guess("when was the election, last Sunday?"),
            ("when was the election", " last Sunday?")
        );
        // A figure's comma is no clause's; a guess may name one thing of two words.
        assert_eq!(
            split_guess("what number did they give, 100,000?"),
            ("what number did they give", " 100,000?")
        );
        assert_eq!(
            split_guess("what was he wearing, a suit and tie?"),
            ("what was he wearing", " a suit and tie?")
        );
        // Not a list, a question of its own, or a clause set off between commas.
        for asked in [
            "how many were detained, injured and killed?",
            "where did she go, and why?",
            "what reason did he give, on the record, for summoning them?",
            "Besides signs, what did they carry?",
        ] {
            assert_eq!(split_guess(asked), (asked, ""), "{asked}");
        }
        // Said with no comma, what the asker heard is a guess too (not when it asks).
        assert_eq!(
            split_guess("where did people protest saturday night i heard it was a tv place"),
            (
                "where did people protest saturday night",
                "i heard it was a tv place"
            )
        );
        for asked in [
            "i heard they protested where was it",
            "where did they protest i heard but when",
        ] {
            assert_eq!(split_guess(asked), (asked, ""), "{asked}");
        }
    }

    #[test]
    fn what_a_question_sets_aside_is_no_word_of_it() {
        let words = |tokens: Vec<Token>| tokens.into_iter().map(|t| t.norm).collect::<Vec<_>>();
        let Message {
            asked, excluded, ..
        } = read_message("Besides flashing victory signs, what did the marchers carry?");
        assert_eq!(words(asked), ["what", "did", "the", "marchers", "carry"]);
        assert_eq!(words(excluded), ["flashing", "victory", "signs"]);
        let Message {
            asked, excluded, ..
        } = read_message("what has the opposition called for apart from marches");
        assert_eq!(
            words(asked),
            ["what", "has", "the", "opposition", "called", "for"]
        );
        assert_eq!(words(excluded), ["marches"]);
        // Too long a phrase is no thing set aside.
        let message =
            read_message("what did they carry besides the small things people bring to marches");
        assert!(message.excluded.is_empty());
    }

    #[test]
    fn a_question_that_only_checks_is_asked_of_what_was_said() {
        let words = |tokens: Vec<Token>| tokens.into_iter().map(|t| t.norm).collect::<Vec<_>>();
        let Message { asked, lead, .. } = read_message("I heard lukashenko won. Is that true?");
        assert_eq!(words(asked), ["is", "that", "lukashenko", "won"]);
        assert!(lead.is_empty());
        // A question with words of its own keeps the lead apart.
        let Message { asked, lead, .. } =
            read_message("I read that workers walked out. Who were they?");
        assert_eq!(words(asked), ["who", "were", "they"]);
        assert_eq!(words(lead), ["workers", "walked"]);
    }

    #[test]
    fn the_asking_part_of_a_message_is_the_question() {
        let cases = [
            (
                "Hi! I read the news today. How many were detained?",
                "How many were detained?",
            ),
            ("I'm confused - where did she go", "where did she go"),
            (
                "how many were detained? and how many died?",
                "how many were detained?",
            ),
            ("arrests? how many", "arrests?"),
            ("Forgive my ignorance, but who won?", "but who won?"),
            ("What did the U.S. say?", "What did the U.S. say?"),
            ("hello", "hello"),
            ("Hi! I read the article. Arrests?", "Arrests?"),
            (
                "i'm confused - leshchenya is ambassador where",
                "leshchenya is ambassador where",
            ),
            // A question that only checks what was said is read with it (see `read_message`).
            ("I heard lukashenko won. Is that true?", "Is that true?"),
            // A topic before a dash is no greeting: what "he" stands for.
            (
                "Putin - what did he promise?",
                "Putin - what did he promise?",
            ),
            ("EU - what did they decide?", "EU - what did they decide?"),
            (
                "sanctions - when do they start?",
                "sanctions - when do they start?",
            ),
            (
                "Hello. I'm new here. Where did she go?",
                "Where did she go?",
            ),
            // A statement with a tag sets up the question after it.
            (
                "She fled the night of the election, didn't she? What day did she leave?",
                "What day did she leave?",
            ),
            ("Bet they said something, huh? What?", "What?"),
            // A question reported in a statement is asked; a follow-up after it is context.
            (
                "Next one. A caller wants to know how many were arrested. What's the figure?",
                "A caller wants to know how many were arrested.",
            ),
        ];
        for (message, asked) in cases {
            assert_eq!(split_asking(message).1, asked, "{message}");
        }
        // What follows a whole question without asking is context.
        let (_, asked, after) =
            split_asking("did he agree to step down or not? caught something about a speech");
        assert_eq!(asked, "did he agree to step down or not?");
        assert_eq!(after.trim(), "caught something about a speech");
    }

    #[test]
    fn quotations_are_found_between_their_marks() {
        assert_eq!(
            quotations("He said “we will not go” and “no”."),
            ["we will not go", "no"]
        );
        // A paragraph that opens with a stray closing quote opens a quotation.
        assert_eq!(quotations("” We stay,” he stated."), ["We stay,"]);
        assert!(quotations("no quotes here").is_empty());
    }

    #[test]
    fn letters_joined_by_full_stops_are_one_word() {
        let t = tokenize("What did the U.S. say? And the e.u.?");
        let words: Vec<&str> = t.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            words,
            ["what", "did", "the", "us", "say", "and", "the", "eu"]
        );
        assert!(t[3].acronym && t[7].acronym);
        // Not numbers, nor a word and an initial.
        let words: Vec<String> = tokenize("3.5 million, J. Smith")
            .into_iter()
            .map(|t| t.norm)
            .collect();
        assert_eq!(words, ["3.5", "million", "j", "smith"]);
    }

    #[test]
    fn a_chat_lead_in_and_closing_are_outside_the_question() {
        let cases = [
            ("wanna know how many were detained", 2..6),
            ("quick question: is he resigning?", 2..5),
            ("do you know does she want new elections", 3..8),
            ("when was the march called please", 0..5),
            ("do you know", 0..3),
            ("so what", 1..2),
            ("sorry, in the article, who won", 4..6),
            ("who won according to the article", 0..2),
            ("in minsk, where did they march", 0..6),
            ("sorry, arrests?", 1..2),
            ("hey", 0..1),
            ("who did he ask for help", 0..6),
            // A lead-in that announces a question, whatever follows it.
            ("i want to know: arrests?", 4..5),
            ("quick question: leshchenya is ambassador where", 2..6),
            ("according to the article, about how many left", 4..8),
            ("Q: arrests?", 1..2),
            // A lead-in with no such word stays: it may be the question.
            ("do protesters want elections", 0..4),
            ("can the eu help", 0..4),
            // An insisting adverb closes it.
            ("when was the election held exactly?", 0..5),
            // Filler phrases, at either end.
            ("by the way, how many were detained", 3..7),
            ("hey, to be honest, who won", 4..6),
            ("is he resigning or not", 0..3),
            ("why did she run in the first place", 0..4),
            // Not when they are all there is.
            ("or not", 0..2),
            // A request asks for what it names, not whether the bot can.
            ("could you kindly list for me the demands", 6..8),
            ("can you list the demands", 2..5),
            ("give me an example", 2..4),
            (
                "i'd be grateful if you could remind me of the name of the envoy",
                9..14,
            ),
            ("please could you tell me how old she is", 5..9),
            ("can you hear me", 0..4),
            ("for how many years has he ruled", 1..7),
            ("with how many percent did he win", 1..7),
            ("quote what he said about the votes", 1..7),
            // How the text tells it goes with the text.
            (
                "how many states are in the csto, as described in the article",
                0..7,
            ),
            // A question reported in a statement starts at its question word.
            ("my mum wants to know how many were detained", 5..9),
            ("a caller is asking whether he quit", 4..7),
            ("she wonders why they marched", 2..5),
            (
                "a related question from my brother, how many were detained",
                6..10,
            ),
            // Not after "know" alone: "I don't know why" reports nothing asked.
            ("he did not know why they marched", 0..7),
        ];
        for (question, span) in cases {
            assert_eq!(question_span(&tokenize(question)), span, "{question}");
        }
    }

    /// The words of `q` after one reading `step` ([`join_spelled_letters`] and the like).
    fn read_with(q: &str, step: fn(&str, &mut Vec<Token>)) -> Vec<String> {
        let mut t = tokenize(q);
        step(q, &mut t);
        t.into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn formal_ways_of_asking_how_are_read_as_how() {
        let words = |q: &str| read_with(q, |_, t| read_formal_how(t));
        assert_eq!(
            words("in what manner did it grow"),
            ["how", "did", "it", "grow"]
        );
        assert_eq!(
            words("to what extent was it big"),
            ["how", "was", "it", "big"]
        );
        assert_eq!(
            words("what way did they go"),
            ["what", "way", "did", "they", "go"]
        );
    }

    #[test]
    fn letters_spelled_one_by_one_join_into_the_acronym() {
        let words = |q: &str| read_with(q, join_spelled_letters);
        assert_eq!(words("the a f p reporter"), ["the", "afp", "reporter"]);
        assert_eq!(
            words("what did the e.u. say"),
            ["what", "did", "the", "eu", "say"]
        );
        // Chat's one-letter words are left to be read as words.
        assert_eq!(words("r u sure"), ["r", "u", "sure"]);
        assert_eq!(words("plan a, b"), ["plan", "a", "b"]);
    }

    #[test]
    fn chat_fillers_and_name_questions() {
        let t = tokenize("like what is she doing right now");
        assert!(is_filler(&t, 0) && !is_filler(&t, 1) && is_filler(&t, 5) && !is_filler(&t, 6));
        let t = tokenize("how many got hurt and who got a medal");
        assert!(is_filler(&t, 2) && !is_filler(&t, 6));
        // A filler phrase closing a clause inside the question, not the same words asking.
        let t = tokenize("why her in the first place, was she new");
        assert!((2..6).all(|i| is_filler(&t, i)) && !is_filler(&t, 6));
        let t = tokenize("who came in the first place in the vote");
        assert!(!is_filler(&t, 4));
        // "like" hedging in speech, but not the verb.
        let like_at = |q: &str| {
            let t = tokenize(q);
            let i = t.iter().position(|t| t.norm == "like").unwrap_or(0);
            is_filler(&t, i)
        };
        assert!(like_at("what were they doing like exactly"));
        assert!(like_at("where was it it was like a tv place"));
        assert!(like_at("how many got hurt like"));
        assert!(!like_at("what does she like"));
        assert!(!like_at("what was it like"));
        assert!(!like_at("would you like a tv"));
        assert!(asks_what_called(&tokenize("what was the march called")));
        assert!(!asks_what_called(&tokenize("who called the march")));
        assert!(asks_what_called(&tokenize(
            "what name did they give the march"
        )));
        // The name they give it, as "call" says before the thing.
        assert!(asks_what_called(&tokenize(
            "what did the opposition call their march"
        )));
        assert!(asks_what_called(&tokenize("how they call this march")));
        assert!(asks_what_called(&tokenize(
            "how the opposition called this march"
        )));
        assert!(asks_what_called(&tokenize("how was the march called")));
        assert!(!asks_what_called(&tokenize("what did they call for")));
        assert!(!asks_what_called(&tokenize("how many did they call up")));
        assert!(name_giving_verb(&["what", "was", "the", "name", "of", "the", "march"]).is_none());
    }
}
