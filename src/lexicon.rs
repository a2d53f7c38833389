//! The lexical database: WordNet lemmatisation and related words (synonyms, derived forms,
//! broader and narrower terms), compiled into the binary from `assets/wordnet/`.
//!
//! Nothing here knows any article: it is general English, so it works the same on the next
//! article dropped into `data/`.

use rustc_hash::FxHashMap as HashMap;

use crate::table::Table;
use std::sync::OnceLock;

const LEMMAS: &str = include_str!("../assets/wordnet/lemmas.tsv");
const EXCEPTIONS: &str = include_str!("../assets/wordnet/exceptions.tsv");
const RELATED: &str = include_str!("../assets/wordnet/related.tsv");
const ANTONYMS: &str = include_str!("../assets/wordnet/antonyms.tsv");
const MOBY: &str = include_str!("../assets/thesaurus/moby.tsv");
// Line starts of the tables above and a hash table of their keys (line number + 1, 0 for an
// empty slot), little-endian u32s written by `build.rs`.
const LEMMAS_IDX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lemmas.idx"));
const LEMMAS_BKT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lemmas.hash"));
const RELATED_BKT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/related.hash"));
const ANTONYMS_BKT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/antonyms.hash"));
const RELATED_IDX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/related.idx"));
const ANTONYMS_IDX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/antonyms.idx"));
const MOBY_BKT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/moby.hash"));
const MOBY_IDX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/moby.idx"));

/// A word's line of the Moby thesaurus (see [`Lexicon::thesaurus`]).
#[derive(Debug, Clone, Copy)]
pub struct Thesaurus {
    /// How many entries the word's whole Moby list has.
    pub size: usize,
    /// Entries whose own lists have the word too, space-separated.
    pub mutual: &'static str,
    /// The other entries, space-separated.
    pub one_way: &'static str,
}

/// Place names that news writing uses for the body seated there (see [`Lexicon::seat_of`]),
/// each with the names of that body: general usage, the same for any article.
const SEATS: &[(&str, &[&str])] = &[
    ("brussels", &["european_union", "eu", "nato"]),
    ("strasbourg", &["european_parliament"]),
    ("kremlin", &["russia", "moscow"]),
    ("washington", &["united_states", "us", "america"]),
    ("whitehall", &["britain", "uk"]),
    ("downing_street", &["britain", "uk"]),
    ("white_house", &["united_states", "us"]),
];

/// How far down a word's broader terms [`Lexicon::opposed`] looks for an opposite.
const OPPOSED_BROADER_RANK: usize = 3;

/// How a related word is related to the word asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// Member of the same synset (or a similar adjective).
    Synonym,
    /// Derivationally related, pertainym or participle (`protester` / `protest`).
    Derived,
    /// Direct hypernym or hyponym, entailment or cause.
    Broader,
}

/// Related words of one lemma, as three space-separated lists (strongest first).
#[derive(Debug, Clone, Copy)]
struct Entry {
    syn: &'static str,
    der: &'static str,
    broad: &'static str,
    senses: u16,
    /// The part of speech of each `syn` group, `der` group and `broad` word, as three strings
    /// joined by `/` ("an//nnv").
    pos: &'static str,
}

/// How many words, first in the `broad` column, a verb entails or causes (`e` in `pos`).
fn entailed_count(pos: &str) -> usize {
    pos.rsplit('/')
        .next()
        .map_or(0, |broad| broad.bytes().take_while(|&b| b == b'e').count())
}

/// WordNet, parsed once for the life of the program.
#[derive(Debug)]
pub struct Lexicon {
    lemmas: Table,
    exceptions: HashMap<&'static str, Vec<&'static str>>,
    verb_forms: HashMap<&'static str, ()>,
    related: Table,
    antonyms: Table,
    thesaurus: Table,
}

/// Inflection endings WordNet's morphy strips, with what replaces them.
const SUFFIXES: &[(&str, &str, char)] = &[
    ("ses", "s", 'n'),
    ("xes", "x", 'n'),
    ("zes", "z", 'n'),
    ("ches", "ch", 'n'),
    ("shes", "sh", 'n'),
    ("men", "man", 'n'),
    ("ies", "y", 'n'),
    ("s", "", 'n'),
    ("s", "", 'v'),
    ("ies", "y", 'v'),
    ("es", "e", 'v'),
    ("es", "", 'v'),
    ("ed", "e", 'v'),
    ("ed", "", 'v'),
    ("ing", "e", 'v'),
    ("ing", "", 'v'),
    ("er", "", 'a'),
    ("est", "", 'a'),
    ("er", "e", 'a'),
    ("est", "e", 'a'),
];

impl Lexicon {
    /// The shared lexicon, set up on first use (only the small exception list is parsed; the
    /// other tables are read in place).
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::parse)
    }

    fn parse() -> Lexicon {
        let table = Table::new;
        let lemmas = table(LEMMAS, LEMMAS_IDX, LEMMAS_BKT);
        let related = table(RELATED, RELATED_IDX, RELATED_BKT);
        let antonyms = table(ANTONYMS, ANTONYMS_IDX, ANTONYMS_BKT);
        let thesaurus = table(MOBY, MOBY_IDX, MOBY_BKT);
        let mut exceptions: HashMap<&str, Vec<&str>> = HashMap::default();
        let mut verb_forms = HashMap::default();
        for line in EXCEPTIONS.lines() {
            let mut cols = line.split('\t');
            if let (Some(form), Some(lemma)) = (cols.next(), cols.next()) {
                if cols.next() == Some("v") && form != lemma {
                    verb_forms.insert(form, ());
                }
                let list = exceptions.entry(form).or_default();
                if !list.contains(&lemma) {
                    list.push(lemma);
                }
            }
        }
        Lexicon {
            lemmas,
            exceptions,
            verb_forms,
            related,
            antonyms,
            thesaurus,
        }
    }

    /// Whether the thesaurus or WordNet lists a base form of `other` for a base form of `word`,
    /// either way round ("step" and "actions").
    pub fn thesaurus_relates(&self, word: &str, other: &str) -> bool {
        let words = self.lemmas(word);
        let others = self.lemmas(other);
        if words.iter().any(|w| others.contains(w)) {
            return false;
        }
        let lists = |lemma: &str, target: &str| {
            self.thesaurus(lemma).is_some_and(|t| {
                t.mutual
                    .split(' ')
                    .chain(t.one_way.split(' '))
                    .any(|e| e == target)
            }) || self.related(lemma).any(|(_, _, w)| w == target)
        };
        words
            .iter()
            .any(|w| others.iter().any(|o| lists(w, o) || lists(o, w)))
    }

    /// The Moby thesaurus's entries for `lemma` (`assets/thesaurus/`): how long its whole list
    /// is (the longer, the vaguer the word), the entries that list `lemma` back, and the others.
    pub fn thesaurus(&self, lemma: &str) -> Option<Thesaurus> {
        let mut cols = self.thesaurus.get(lemma)?.split('\t');
        Some(Thesaurus {
            size: cols.next().and_then(|n| n.parse().ok()).unwrap_or(0),
            mutual: cols.next().unwrap_or(""),
            one_way: cols.next().unwrap_or(""),
        })
    }

    /// The related-words line of `lemma`.
    fn entry(&self, lemma: &str) -> Option<Entry> {
        let mut cols = self.related.get(lemma)?.split('\t');
        Some(Entry {
            syn: cols.next().unwrap_or(""),
            der: cols.next().unwrap_or(""),
            broad: cols.next().unwrap_or(""),
            senses: cols.next().and_then(|n| n.parse().ok()).unwrap_or(1),
            pos: cols.next().unwrap_or("").trim_end(),
        })
    }

    /// Whether WordNet knows `word` as a lemma.
    pub fn is_lemma(&self, word: &str) -> bool {
        self.lemmas.get(word).is_some()
    }

    /// Whether WordNet knows `word`, as a lemma or an inflection of one ("arrested").
    pub fn knows(&self, word: &str) -> bool {
        self.is_lemma(word) || self.lemmas(word).iter().any(|l| self.is_lemma(l))
    }

    /// The bodies a place name stands for in the news, where WordNet does not say so: "Brussels
    /// said" is the European Union speaking, "the Kremlin said" the Russian government.
    pub fn seat_of(&self, word: &str) -> &'static [&'static str] {
        SEATS
            .iter()
            .find(|(seat, _)| *seat == word)
            .map_or(&[], |(_, bodies)| bodies)
    }

    /// Whether WordNet knows `word` as a name: a noun whose commonest sense is written with a
    /// capital ("china", "france", "us").
    pub fn is_proper(&self, word: &str) -> bool {
        self.lemmas.get(word).is_some_and(|p| p.ends_with("\t1"))
    }

    /// Whether WordNet files the name under a place: a country, state, city or capital.
    pub fn is_place(&self, word: &str) -> bool {
        self.related(word).any(|(relation, rank, w)| {
            relation == Relation::Broader
                && rank < 6
                && [
                    "country", "state", "city", "capital", "town", "region", "nation", "republic",
                    "land", "port",
                ]
                .iter()
                .any(|p| w == *p || w.ends_with(&format!("_{p}")))
        })
    }

    /// Whether the word is an inflected verb form: an irregular one ("went", "held") or a regular
    /// past ("backed", "joined").
    pub fn is_verb_form(&self, word: &str) -> bool {
        self.verb_forms.contains_key(word)
            || (word.len() > 4 && word.ends_with("ed") && self.can_be_verb(word))
    }

    /// Whether `lemma` is a WordNet lemma with part of speech `pos` (`n`, `v`, `a`, `r`;
    /// adjective satellites count as `a`).
    fn has_pos(&self, lemma: &str, pos: char) -> bool {
        self.lemmas.get(lemma).is_some_and(|p| {
            let tags = p.split('\t').next().unwrap_or("");
            tags.contains(pos) || (pos == 'a' && tags.contains('s'))
        })
    }

    /// Whether `lemma` is a noun WordNet knows.
    pub fn is_noun(&self, lemma: &str) -> bool {
        self.has_pos(lemma, 'n')
    }

    /// Whether `lemma` is an adjective WordNet knows ("dead").
    pub fn is_adjective(&self, lemma: &str) -> bool {
        self.has_pos(lemma, 'a')
    }

    /// Whether `lemma` is an adverb WordNet knows ("so_far", "at_once").
    pub fn is_adverb(&self, lemma: &str) -> bool {
        self.has_pos(lemma, 'r')
    }

    /// Whether the word can be a verb: a verb lemma itself, an irregular verb form, or a verb
    /// with a verb ending ("protester" is a noun, not "protest" + "-er").
    pub fn can_be_verb(&self, word: &str) -> bool {
        self.has_pos(word, 'v')
            || self.verb_forms.contains_key(word)
            || Self::stripped(word)
                .any(|(candidate, pos)| pos == 'v' && self.has_pos(&candidate, 'v'))
    }

    /// The words a regular ending stripped off `word` may leave, each with the part of speech
    /// that ending belongs to; a doubled final consonant is undone too ("stopped" -> "stop").
    fn stripped(word: &str) -> impl Iterator<Item = (String, char)> + '_ {
        let endings = SUFFIXES
            .iter()
            .filter_map(move |&(suffix, replacement, pos)| {
                let stem = word.strip_suffix(suffix)?;
                (stem.len() >= 2).then(|| (format!("{stem}{replacement}"), pos))
            });
        let doubled = ["ed", "ing"].into_iter().filter_map(move |suffix| {
            let stem = word.strip_suffix(suffix)?;
            let b = stem.as_bytes();
            (b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2])
                .then(|| (stem[..stem.len() - 1].to_string(), 'v'))
        });
        endings.chain(doubled)
    }

    /// The base forms of an inflected word, as WordNet's morphy finds them: the word itself if it
    /// is a lemma, irregular forms from the exception lists, then regular endings stripped.
    /// An unknown word is its own (only) lemma.
    pub fn lemmas(&self, word: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let push = |w: &str, out: &mut Vec<String>| {
            if !out.iter().any(|o| o == w) {
                out.push(w.to_string());
            }
        };
        if self.is_lemma(word) {
            push(word, &mut out);
        }
        if let Some(list) = self.exceptions.get(word) {
            for l in list {
                push(l, &mut out);
            }
        }
        // Looser than morphy, which strips an ending only to give a word of its part of speech:
        // "protester" -> "protest" helps matching.
        // But a word WordNet knows is no plural of an adjective ("news" is not "new" + "-s").
        let known = self.is_lemma(word);
        for (candidate, pos) in Self::stripped(word) {
            let inflects = |p: char| self.has_pos(&candidate, p);
            if known && matches!(pos, 'n' | 'v') && !inflects('n') && !inflects('v') {
                continue;
            }
            if self.is_lemma(&candidate) {
                push(&candidate, &mut out);
            }
        }
        if out.is_empty() {
            out.push(word.to_string());
        }
        out
    }

    /// The opposites WordNet gives for `lemma` ("admit": "deny", "experienced":
    /// "inexperienced").
    pub fn antonyms(&self, lemma: &str) -> impl Iterator<Item = &'static str> {
        self.antonyms
            .get(lemma)
            .unwrap_or("")
            .split(' ')
            .filter(|w| !w.is_empty())
    }

    /// Whether one of `a`'s base forms is an opposite of one of `b`'s.
    pub fn opposite(&self, a: &str, b: &str) -> bool {
        let b_lemmas = self.lemmas(b);
        self.lemmas(a)
            .iter()
            .any(|l| self.antonyms(l).any(|x| b_lemmas.iter().any(|y| y == x)))
    }

    /// Whether `b` means the opposite of `a`, directly or through `b`'s closest relations:
    /// "reveal" is a way to "show", the opposite of "hide".
    pub fn opposed(&self, a: &str, b: &str) -> bool {
        self.opposed_to(&self.opposites_of(a), b)
    }

    /// The opposites of all of `word`'s base forms (for [`Lexicon::opposed_to`]).
    pub fn opposites_of(&self, word: &str) -> Vec<&'static str> {
        self.lemmas(word)
            .iter()
            .flat_map(|l| self.antonyms(l))
            .collect()
    }

    /// [`Lexicon::opposed`], given the first word's [`Lexicon::opposites_of`].
    pub fn opposed_to(&self, opposites: &[&str], b: &str) -> bool {
        if opposites.is_empty() {
            return false;
        }
        self.lemmas(b).iter().any(|l| {
            if opposites.contains(&l.as_str()) {
                return true;
            }
            let mut broader_seen = 0;
            self.related(l).any(|(relation, rank, w)| {
                let close = match relation {
                    Relation::Synonym => rank < 2,
                    Relation::Derived => false,
                    Relation::Broader => {
                        broader_seen += 1;
                        broader_seen <= OPPOSED_BROADER_RANK
                    }
                };
                close && opposites.contains(&w)
            })
        })
    }

    /// The most senses any base form of `word` has ("saw": those of "see"; 0 if WordNet does
    /// not know it).
    pub fn most_senses(&self, word: &str) -> usize {
        self.lemmas(word)
            .iter()
            .map(|l| self.sense_count(l))
            .max()
            .unwrap_or(0)
    }

    /// How many senses (synsets) WordNet has for `lemma`: how many things it can mean.
    pub fn sense_count(&self, lemma: &str) -> usize {
        self.entry(lemma).map_or(0, |e| usize::from(e.senses))
    }

    /// The words WordNet relates to `lemma`, strongest first. The rank of a synonym or derived
    /// form is the sense it comes from (0 for the commonest sense); that of a broader or
    /// narrower term, its place in the list.
    pub fn related(&self, lemma: &str) -> impl Iterator<Item = (Relation, usize, &'static str)> {
        let entry = self.entry(lemma);
        let entailed = entry.map_or(0, |e| entailed_count(e.pos));
        related_in(entry).map(move |(rel, k, i, w)| (rel, rank_of(rel, k, i, entailed), w))
    }

    /// [`Lexicon::related`], each word with the part of speech (`n`, `v`, `a`, `r`, `s`) of the
    /// sense of `lemma` it comes from: "side" relates "area" as a noun, "root_for" as a verb.
    /// `e` marks what a verb entails or causes ("kill" -> "die"), a broader term of rank 0.
    pub fn related_with_pos(
        &self,
        lemma: &str,
    ) -> impl Iterator<Item = (Relation, usize, &'static str, char)> {
        let entry = self.entry(lemma);
        let pos = entry.map_or("", |e| e.pos);
        let entailed = entailed_count(pos);
        let mut columns = pos.split('/');
        let tags = [(); 3].map(|()| columns.next().unwrap_or("").as_bytes());
        related_in(entry).map(move |(rel, k, i, w)| {
            // `syn` and `der` tag each sense group; `broad` (one group) each word.
            let column = match rel {
                Relation::Synonym => tags[0],
                Relation::Derived => tags[1],
                Relation::Broader => tags[2],
            };
            let p = column.get(k).map_or('?', |&b| char::from(b));
            (rel, rank_of(rel, k, i, entailed), w, p)
        })
    }
}

/// The words of a `related.tsv` entry in order: relation, sense group (`syn`, `der`) or place in
/// the column (`broad`), place in the whole line, and the word.
fn related_in(
    entry: Option<Entry>,
) -> impl Iterator<Item = (Relation, usize, usize, &'static str)> {
    let lists = entry.map_or([""; 3], |e| [e.syn, e.der, e.broad]);
    let relations = [Relation::Synonym, Relation::Derived, Relation::Broader];
    lists
        .into_iter()
        .zip(relations)
        .flat_map(|(list, rel)| {
            let by_sense = rel != Relation::Broader;
            list.split('|').enumerate().flat_map(move |(sense, group)| {
                group
                    .split(' ')
                    .filter(|w| !w.is_empty())
                    .enumerate()
                    .map(move |(i, w)| (rel, if by_sense { sense } else { i }, w))
            })
        })
        .enumerate()
        .map(|(i, (rel, k, w))| (rel, k, i, w))
}

/// A related word's rank: its sense group for a synonym or derived form; for a broader term
/// its place in the line, after the `entailed` words a verb entails or causes, which come first
/// at rank 0.
fn rank_of(relation: Relation, k: usize, i: usize, entailed: usize) -> usize {
    match relation {
        Relation::Broader if k < entailed => 0,
        Relation::Broader => i - entailed,
        _ => k,
    }
}

#[cfg(test)]
mod tests {
    use super::{Lexicon, Relation};

    #[test]
    fn opposites_come_from_wordnet() {
        let lex = Lexicon::get();
        assert!(lex.opposite("admitted", "denies"));
        assert!(lex.opposite("won", "lost"));
        assert!(lex.opposite("experienced", "inexperienced"));
        assert!(!lex.opposite("won", "won"));
        // "reveal" is a way to "show", the opposite of "hide".
        assert!(lex.opposed("hiding", "revealed"));
        assert!(!lex.opposed("hiding", "concealed"));
    }

    #[test]
    fn morphy_finds_base_forms() {
        let lex = Lexicon::get();
        assert!(lex.lemmas("detained").contains(&"detain".to_string()));
        assert!(lex.lemmas("held").contains(&"hold".to_string()));
        assert!(lex.lemmas("protesters").contains(&"protester".to_string()));
        assert!(lex.lemmas("stopped").contains(&"stop".to_string()));
        assert_eq!(lex.lemmas("lukashenko"), ["lukashenko"]);
        // A known noun is not the plural of an adjective.
        assert_eq!(lex.lemmas("news"), ["news"]);
        assert!(lex.lemmas("protests").contains(&"protest".to_string()));
    }

    #[test]
    fn related_words_say_the_part_of_speech_of_their_sense() {
        let lex = Lexicon::get();
        let side: Vec<_> = lex.related_with_pos("side").collect();
        assert!(side.iter().any(|&(_, _, w, p)| w == "area" && p == 'n'));
        assert!(side.iter().any(|&(_, _, w, p)| w == "root_for" && p == 'v'));
        let make: Vec<_> = lex.related_with_pos("make").collect();
        assert!(make.iter().any(|&(_, _, w, p)| w == "brand" && p == 'n'));
        assert!(make.iter().any(|&(_, _, w, p)| w == "create" && p == 'v'));
        let kill: Vec<_> = lex.related_with_pos("kill").collect();
        assert!(kill.contains(&(Relation::Broader, 0, "pass_away", 'e')));
        // Both views agree on every word's relation and rank.
        for lemma in ["kill", "side", "make", "death", "protest"] {
            let plain: Vec<_> = lex.related(lemma).collect();
            let tagged: Vec<_> = lex
                .related_with_pos(lemma)
                .map(|(r, rank, w, _)| (r, rank, w))
                .collect();
            assert_eq!(plain, tagged, "{lemma}");
        }
    }

    #[test]
    fn a_seat_stands_for_its_body() {
        let lex = Lexicon::get();
        assert!(lex.seat_of("brussels").contains(&"european_union"));
        assert!(lex.seat_of("minsk").is_empty());
    }

    #[test]
    fn related_words_include_synonyms_and_derivations() {
        let lex = Lexicon::get();
        let arrest: Vec<_> = lex.related("arrest").collect();
        assert!(arrest.contains(&(Relation::Synonym, 1, "apprehend")));
        assert!(lex
            .related("protester")
            .any(|r| r == (Relation::Derived, 0, "protest")));
    }
}
