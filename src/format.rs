//! Presentation, as pure functions: answers for the terminal, and for Telegram (HTML messages,
//! splitting under 4096 characters, inline keyboards, callback data under 64 bytes).

use crate::engine::{highlight, Answer, Citation};
use crate::ingest::Document;
use crate::retrieve::SentenceRef;

/// Escapes `&`, `<` and `>` (and quotes) for Telegram's and any HTML parser.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// "Title, 2020-08-16, paragraph 15, sentence 1".
pub fn source_line(title: &str, date: &str, paragraph: usize, sentence: usize) -> String {
    let mut line = title.to_string();
    if !date.is_empty() {
        line.push_str(", ");
        line.push_str(date);
    }
    line.push_str(&format!(", paragraph {paragraph}, sentence {sentence}"));
    line
}

/// What `citebot ask` prints: the short answer, the passage with matched words in bold (ANSI
/// when `color`, `**` otherwise) and where it stands; or that the articles do not say.
pub fn terminal(answer: &Answer, color: bool) -> String {
    let (open, close) = if color {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("**", "**")
    };
    let mut out = String::new();
    if !answer.found {
        out.push_str("The article does not say. Try asking about what it covers, e.g. the protests, the arrests or the EU's response.\n");
        return out;
    }
    if let Some(short) = &answer.answer {
        out.push_str(&format!("Answer: {open}{short}{close}\n"));
    }
    for (i, c) in answer.citations.iter().enumerate() {
        let label = if i == 0 { "Source" } else { "Also" };
        out.push_str(&format!(
            "\n{label}: \u{201c}{}\u{201d}\n  \u{2014} {} (score {:.2})\n",
            highlight(&c.text, &c.spans, open, close),
            source_line(&c.title, &c.date, c.paragraph, c.sentence),
            c.score
        ));
    }
    out.push_str(&format!("\nconfidence {:.2}\n", answer.confidence));
    out
}

// ---------------------------------------------------------------------------------------------
// Telegram: HTML messages, keyboards and callback data. Pure functions; the bot sends them.
// ---------------------------------------------------------------------------------------------

/// Telegram's limit on a message's text, after entity parsing.
pub const TELEGRAM_MESSAGE_LIMIT: usize = 4096;
/// What the bot aims to stay under, with room to spare.
pub const MESSAGE_BUDGET: usize = 3900;
/// Telegram's limit on callback data, in bytes.
pub const CALLBACK_DATA_LIMIT: usize = 64;
/// Citations listed per "More passages" message.
pub const MORE_PAGE: usize = 3;
/// Inline query results at most.
pub const INLINE_RESULTS: usize = 5;

/// One inline-keyboard button: its label and its callback data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    /// What the user sees.
    pub label: String,
    /// What comes back in the callback query (under 64 bytes).
    pub data: String,
}

impl Button {
    fn new(label: impl Into<String>, data: &CallbackData) -> Button {
        Button {
            label: label.into(),
            data: data.encode(),
        }
    }
}

/// A message ready to send: HTML text and inline keyboard rows (possibly none).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Reply {
    /// The text, in Telegram's HTML.
    pub html: String,
    /// Button rows.
    pub keyboard: Vec<Vec<Button>>,
}

/// What a button asks for, encoded in its callback data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallbackData {
    /// The citations from `from` on, for the question remembered under `question`.
    More {
        /// The key of the remembered question.
        question: u32,
        /// The index of the first citation to show.
        from: usize,
    },
    /// The sentences around a sentence.
    Context(SentenceRef),
    /// Ask example question number `n`.
    Example(usize),
}

impl CallbackData {
    /// `m:<question>:<from>`, `c:<doc>:<paragraph>:<sentence>` or `x:<n>`: always short.
    pub fn encode(&self) -> String {
        match self {
            CallbackData::More { question, from } => format!("m:{question}:{from}"),
            CallbackData::Context(at) => format!("c:{}:{}:{}", at.doc, at.paragraph, at.sentence),
            CallbackData::Example(n) => format!("x:{n}"),
        }
    }

    /// Parses callback data; `None` for anything the bot did not make.
    pub fn parse(data: &str) -> Option<CallbackData> {
        if data.len() > CALLBACK_DATA_LIMIT {
            return None;
        }
        let mut parts = data.split(':');
        let kind = parts.next()?;
        let mut num = || -> Option<usize> {
            let p = parts.next()?;
            if p.is_empty() || p.len() > 9 || !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            p.parse().ok()
        };
        let parsed = match kind {
            "m" => CallbackData::More {
                question: u32::try_from(num()?).ok()?,
                from: num()?,
            },
            "c" => CallbackData::Context(SentenceRef {
                doc: num()?,
                paragraph: num()?,
                sentence: num()?,
            }),
            "x" => CallbackData::Example(num()?),
            _ => return None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(parsed)
    }
}

/// `text` HTML-escaped, with the byte `spans` in bold (bad or overlapping spans are skipped).
pub fn highlight_html(text: &str, spans: &[(usize, usize)]) -> String {
    let mut out = String::with_capacity(text.len() + spans.len() * 7);
    let mut at = 0;
    for &(s, e) in spans {
        if s < at
            || s >= e
            || e > text.len()
            || !text.is_char_boundary(s)
            || !text.is_char_boundary(e)
        {
            continue;
        }
        out.push_str(&escape_html(&text[at..s]));
        out.push_str("<b>");
        out.push_str(&escape_html(&text[s..e]));
        out.push_str("</b>");
        at = e;
    }
    out.push_str(&escape_html(&text[at..]));
    out
}

/// The source line of a citation, without repeating a date the title already holds.
pub fn citation_source(title: &str, date: &str, paragraph: usize, sentence: usize) -> String {
    let date = if title.contains(date) { "" } else { date };
    source_line(title, date, paragraph, sentence)
}

fn quote_block(c: &Citation) -> String {
    format!(
        "<blockquote>{}</blockquote>\n<i>\u{2014} {}</i>",
        highlight_html(&c.text, &c.spans),
        escape_html(&citation_source(&c.title, &c.date, c.paragraph, c.sentence))
    )
}

fn context_button(c: &Citation, label: &str) -> Button {
    Button::new(label, &CallbackData::Context(c.at))
}

/// The reply to a question: the short answer in bold, the best cited sentence as a quote with
/// the matched words in bold, its source line, and buttons for more passages and context. When
/// the articles do not answer, [`not_found`] with `suggestions` and `examples`.
pub fn answer_reply(
    answer: &Answer,
    question_key: u32,
    cut_to: Option<usize>,
    suggestions: &[String],
    examples: &[String],
) -> Reply {
    let Some(best) = answer.citations.first().filter(|_| answer.found) else {
        let mut reply = not_found(suggestions, examples);
        if let Some(n) = cut_to {
            reply.html.push_str(&cut_note(n));
        }
        return reply;
    };
    let mut html = String::new();
    if let Some(short) = answer.answer.as_deref().filter(|s| !s.trim().is_empty()) {
        html.push_str(&format!("<b>{}</b>\n", escape_html(&shorten(short, 300))));
    }
    html.push_str(&quote_block(best));
    if let Some(n) = cut_to {
        html.push_str(&cut_note(n));
    }
    let mut row = Vec::new();
    if answer.citations.len() > 1 {
        row.push(Button::new(
            "More passages",
            &CallbackData::More {
                question: question_key,
                from: 1,
            },
        ));
    }
    row.push(context_button(best, "Context"));
    Reply {
        html: fit(html),
        keyboard: vec![row],
    }
}

fn cut_note(n: usize) -> String {
    format!("\n<i>(Your message was long: I read its first {n} characters.)</i>")
}

/// The citations of `answer` from `from` on (a page of [`MORE_PAGE`]), each with a context
/// button, and a button for the next page when there is one.
pub fn more_reply(answer: &Answer, question_key: u32, from: usize) -> Reply {
    let page: Vec<&Citation> = answer.citations.iter().skip(from).take(MORE_PAGE).collect();
    if page.is_empty() || !answer.found {
        return Reply {
            html: "No more passages answer this question.".to_string(),
            keyboard: Vec::new(),
        };
    }
    let mut blocks = vec![format!(
        "<i>More passages for \u{201c}{}\u{201d}</i>",
        escape_html(&shorten(&answer.question, 200))
    )];
    let mut row = Vec::new();
    for (i, c) in page.iter().enumerate() {
        let n = from + i + 1;
        blocks.push(format!("{n}. {}", quote_block(c)));
        row.push(context_button(c, &format!("Context {n}")));
    }
    let mut keyboard = vec![row];
    let next = from + page.len();
    if next < answer.citations.len() {
        keyboard.push(vec![Button::new(
            "More passages",
            &CallbackData::More {
                question: question_key,
                from: next,
            },
        )]);
    }
    Reply {
        html: fit(blocks.join("\n\n")),
        keyboard,
    }
}

/// The sentences around a cited one, in an expandable quote with the cited sentence in bold.
pub fn context_reply(
    source: &str,
    paragraph: usize,
    before: &[String],
    sentence: &str,
    after: &[String],
) -> Reply {
    let mut quote = String::new();
    for s in before {
        quote.push_str(&escape_html(s));
        quote.push(' ');
    }
    quote.push_str(&format!("<b>{}</b>", escape_html(sentence)));
    for s in after {
        quote.push(' ');
        quote.push_str(&escape_html(s));
    }
    let html = format!(
        "<i>Context</i>\n<blockquote expandable>{quote}</blockquote>\n<i>\u{2014} {}</i>\nThe whole paragraph: /source {paragraph}",
        escape_html(source)
    );
    Reply {
        html: fit(html),
        keyboard: Vec::new(),
    }
}

/// "The article does not say", with two or three things it does cover and example buttons.
pub fn not_found(suggestions: &[String], examples: &[String]) -> Reply {
    let mut html = String::from("The article does not answer that, so I will not guess.");
    if !suggestions.is_empty() {
        html.push_str("\nIt covers, for example:");
        for s in suggestions.iter().take(3) {
            html.push_str(&format!("\n\u{2022} {}", escape_html(s)));
        }
    }
    if !examples.is_empty() {
        html.push_str("\nOr tap a question below.");
    }
    Reply {
        html,
        keyboard: example_buttons(examples),
    }
}

fn example_buttons(examples: &[String]) -> Vec<Vec<Button>> {
    examples
        .iter()
        .take(3)
        .enumerate()
        .map(|(i, q)| vec![Button::new(shorten(q, 60), &CallbackData::Example(i))])
        .collect()
}

/// Two or three things the documents cover, taken from their headings and first sentences,
/// each cut to a short line.
pub fn suggestions(documents: &[Document], n: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let push = |s: &str, out: &mut Vec<String>| {
        let s = shorten(s.trim(), 70);
        if !s.is_empty() && !out.contains(&s) && out.len() < n {
            out.push(s);
        }
    };
    for d in documents {
        for p in d.paragraphs.iter().filter(|p| p.heading) {
            push(&p.text, &mut out);
        }
    }
    for i in 0..2 {
        for d in documents {
            let first = d
                .paragraphs
                .iter()
                .filter(|p| !p.heading)
                .nth(i)
                .and_then(|p| p.sentences.first());
            if let Some(s) = first {
                push(&s.text, &mut out);
            }
        }
    }
    out
}

/// `text` cut at a word boundary to at most about `max` characters, with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > max.saturating_sub(1) {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        out = text.chars().take(max.saturating_sub(1)).collect();
    }
    let trimmed = out
        .trim_end_matches([',', ';', ':', '.', ' ', '\u{2014}', '-'])
        .to_string();
    trimmed + "\u{2026}"
}

fn doc_line(d: &Document) -> String {
    let title = d.display_title();
    let mut line = format!("<b>{}</b>", escape_html(&title));
    if !d.meta.date.is_empty() && !title.contains(&d.meta.date) {
        line.push_str(&format!(", {}", escape_html(&d.meta.date)));
    }
    if !d.meta.source.is_empty() {
        line.push_str(&format!(" ({})", escape_html(&d.meta.source)));
    }
    line.push_str(&format!(
        ": {} paragraphs, {} sentences",
        d.paragraphs.len(),
        d.sentence_count()
    ));
    line
}

/// `/start`: what the bot knows and three example questions as buttons.
pub fn start_reply(documents: &[Document], sentences: usize, examples: &[String]) -> Reply {
    let mut html = String::from("Hi! I answer questions about ");
    match documents {
        [one] => html.push_str(&format!("this article:\n{}", doc_line(one))),
        many => {
            html.push_str(&format!("{} articles ({sentences} sentences):", many.len()));
            for d in many {
                html.push_str(&format!("\n\u{2022} {}", doc_line(d)));
            }
        }
    }
    html.push_str(
        "\n\nAsk me anything about it in your own words. Every answer quotes the sentence it comes \
         from, so you can check it.",
    );
    if !examples.is_empty() {
        html.push_str(" Try one of these:");
    }
    html.push_str("\n\n/help explains the rest.");
    Reply {
        html: fit(html),
        keyboard: example_buttons(examples),
    }
}

/// `/help`: how to ask and the commands (`commands` is one `/cmd \u{2014} what` per line).
pub fn help_text(commands: &str, bot_username: &str) -> String {
    let user = escape_html(bot_username);
    fit(format!(
        "<b>How to ask</b>\nSend a question about the article as a normal message, e.g. \
         <i>Who is the opposition candidate?</i> I answer with the sentence the answer comes \
         from, quoted, and where it stands (paragraph, sentence).\n\
         \u{2022} <b>More passages</b> shows the next best sentences.\n\
         \u{2022} <b>Context</b> shows the sentences around one.\n\
         \u{2022} If the article does not say, I tell you so instead of guessing.\n\n\
         <b>In groups</b> mention me (@{user} your question) or reply to one of my messages.\n\
         <b>In any chat</b> type @{user} and a question to pick a passage to send.\n\n\
         <b>Commands</b>\n{}",
        escape_html(commands.trim())
    ))
}

/// `/about`: the indexed documents.
pub fn about_text(documents: &[Document]) -> String {
    let mut html = String::from("<b>What I have read</b>");
    for d in documents {
        html.push_str(&format!("\n\u{2022} {}", doc_line(d)));
        if !d.meta.url.is_empty() {
            html.push_str(&format!("\n  {}", escape_html(&d.meta.url)));
        }
    }
    html.push_str(
        "\n\nI answer only from these texts and cite the sentence each answer comes from.",
    );
    fit(html)
}

/// `/source N`: paragraph N, split into messages under the limit; or how to ask for one.
pub fn source_messages(documents: &[Document], arg: &str) -> Vec<String> {
    let Some(doc) = documents.first() else {
        return vec!["No article is loaded.".to_string()];
    };
    let total = doc.paragraphs.len();
    let usage =
        format!("Send /source N with N from 1 to {total}, e.g. /source 1 for the first paragraph.");
    let arg = arg.trim();
    if arg.is_empty() {
        return vec![usage];
    }
    let n = match arg.parse::<usize>() {
        Ok(n) if (1..=total).contains(&n) => n,
        _ => {
            return vec![format!(
                "There is no paragraph \u{201c}{}\u{201d}. {usage}",
                escape_html(&shorten(arg, 30))
            )]
        }
    };
    let Some(p) = doc.paragraphs.get(n - 1) else {
        return vec![usage];
    };
    let title = escape_html(&doc.display_title());
    let head = format!("<i>{title}, paragraph {n} of {total}</i>");
    let body = if p.heading {
        format!("<b>{}</b>", escape_html(&p.text))
    } else {
        escape_html(&p.text)
    };
    split_html(&[head, body], MESSAGE_BUDGET)
}

/// The one-line reply to stickers, photos, voice messages and other things that are not text.
pub fn non_text_text() -> String {
    "I can only read text. Please send your question about the article as a text message."
        .to_string()
}

/// The reply when something went wrong on the bot's side.
pub fn apology_text() -> String {
    "Sorry, something went wrong on my side while answering. Please try again in a moment."
        .to_string()
}

/// The one reply a user gets when flood control stops answering them for a while.
pub fn slow_down_text(max: u32, window_secs: u64) -> String {
    format!(
        "You are asking faster than I can answer: I take at most {max} questions per {window_secs} seconds from one person. Please wait a little, then ask again."
    )
}

/// The one line a chat that is not on the allowlist gets.
pub fn not_allowed_text() -> String {
    "Sorry, this is a private bot: it only answers in the chats it was set up for.".to_string()
}

/// The reply when too many answers are waiting already.
pub fn busy_text() -> String {
    "I am answering many questions right now. Please ask again in a minute.".to_string()
}

/// The reply to a mention without a question.
pub fn empty_question_text() -> String {
    "Ask me a question about the article, e.g. after my name. /help shows how.".to_string()
}

/// One inline-mode result: title, description and the message it sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineArticle {
    /// The result's id, unique in the answer.
    pub id: String,
    /// The bold line in the result list.
    pub title: String,
    /// The grey line under it.
    pub description: String,
    /// The HTML message sent when the user picks it.
    pub html: String,
}

/// Up to [`INLINE_RESULTS`] results for an inline query: one per cited passage.
pub fn inline_articles(answer: &Answer) -> Vec<InlineArticle> {
    if !answer.found {
        return Vec::new();
    }
    answer
        .citations
        .iter()
        .take(INLINE_RESULTS)
        .enumerate()
        .map(|(i, c)| {
            let short = if i == 0 {
                answer.answer.as_deref()
            } else {
                None
            };
            let title = match short {
                Some(s) => shorten(s, 60),
                None => format!("Paragraph {}, sentence {}", c.paragraph, c.sentence),
            };
            let mut html = format!(
                "<i>Q: {}</i>\n",
                escape_html(&shorten(&answer.question, 200))
            );
            if let Some(s) = short {
                html.push_str(&format!("<b>{}</b>\n", escape_html(&shorten(s, 300))));
            }
            html.push_str(&quote_block(c));
            InlineArticle {
                id: format!("{i}"),
                title,
                description: shorten(&c.text, 120),
                html: fit(html),
            }
        })
        .collect()
}

/// The text Telegram shows for `html` (tags removed, entities decoded), or why Telegram would
/// refuse it: an unknown or unbalanced tag, a bare `<`, `>` or `&`.
pub fn parse_telegram_html(html: &str) -> Result<String, String> {
    const TAGS: [&str; 14] = [
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "code",
        "pre",
        "a",
        "blockquote",
        "tg-spoiler",
    ];
    let mut plain = String::with_capacity(html.len());
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        match c {
            '<' => {
                let end = rest
                    .find('>')
                    .ok_or_else(|| "a '<' that opens no tag".to_string())?;
                let inner = &rest[1..end];
                if let Some(name) = inner.strip_prefix('/') {
                    let name = name.trim();
                    match stack.pop() {
                        Some(open) if open == name => {}
                        other => return Err(format!("</{name}> closes {other:?}")),
                    }
                } else {
                    let name = inner.split_whitespace().next().unwrap_or("");
                    if !TAGS.contains(&name) {
                        return Err(format!("unsupported tag <{inner}>"));
                    }
                    if name == "blockquote" && stack.iter().any(|t| t == "blockquote") {
                        return Err("nested blockquote".to_string());
                    }
                    stack.push(name.to_string());
                }
                rest = &rest[end + 1..];
            }
            '>' => return Err("a bare '>'".to_string()),
            '&' => {
                let end = rest.find(';').filter(|&e| e <= 10).ok_or("a bare '&'")?;
                let decoded = match &rest[1..end] {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    other => other
                        .strip_prefix('#')
                        .and_then(|n| n.parse::<u32>().ok())
                        .and_then(char::from_u32)
                        .ok_or_else(|| format!("unknown entity &{other};"))?,
                };
                plain.push(decoded);
                rest = &rest[end + 1..];
            }
            _ => {
                plain.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    if let Some(open) = stack.pop() {
        return Err(format!("<{open}> is never closed"));
    }
    Ok(plain)
}

/// Length of what Telegram shows for `html`, in UTF-16 code units (what its limits count);
/// the raw length when the HTML does not parse.
pub fn visible_len(html: &str) -> usize {
    match parse_telegram_html(html) {
        Ok(plain) => plain.encode_utf16().count(),
        Err(_) => html.encode_utf16().count(),
    }
}

/// Keeps a single message under the budget: a message that would be too long is cut to its
/// visible text, shortened.
fn fit(html: String) -> String {
    if visible_len(&html) <= MESSAGE_BUDGET {
        return html;
    }
    let plain = parse_telegram_html(&html).unwrap_or(html);
    escape_html(&shorten(&plain, MESSAGE_BUDGET - 10))
}

/// Packs HTML blocks (each balanced on its own) into as few messages as possible, each at most
/// `limit` visible characters; a block too long on its own is split at spaces as plain text.
pub fn split_html(blocks: &[String], limit: usize) -> Vec<String> {
    let limit = limit.clamp(100, TELEGRAM_MESSAGE_LIMIT);
    let mut pieces: Vec<String> = Vec::new();
    for b in blocks {
        if visible_len(b) <= limit {
            pieces.push(b.clone());
        } else {
            let plain = parse_telegram_html(b).unwrap_or_else(|_| b.clone());
            pieces.extend(split_plain(&plain, limit).iter().map(|p| escape_html(p)));
        }
    }
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for p in pieces {
        let joined = if current.is_empty() {
            p.clone()
        } else {
            format!("{current}\n{p}")
        };
        if visible_len(&joined) <= limit {
            current = joined;
        } else {
            out.push(std::mem::take(&mut current));
            current = p;
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// `text` in pieces of at most `limit` UTF-16 units, cut at whitespace where possible.
pub fn split_plain(text: &str, limit: usize) -> Vec<String> {
    let limit = limit.max(1);
    let mut out = Vec::new();
    let mut current = String::new();
    let mut units = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        let w = word.encode_utf16().count();
        if units + w > limit && !current.is_empty() {
            out.push(std::mem::take(&mut current).trim_end().to_string());
            units = 0;
        }
        if w > limit {
            for ch in word.chars() {
                if units + ch.len_utf16() > limit {
                    out.push(std::mem::take(&mut current));
                    units = 0;
                }
                current.push(ch);
                units += ch.len_utf16();
            }
        } else {
            current.push_str(word);
            units += w;
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim_end().to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{
        answer_reply, citation_source, escape_html, highlight_html, parse_telegram_html, shorten,
        source_line, split_html, split_plain, suggestions, visible_len, Button, CallbackData,
        CALLBACK_DATA_LIMIT,
    };
    use crate::answer::QuestionKind;
    use crate::engine::{Answer, Citation};
    use crate::ingest::{parse_document, DocMeta};
    use crate::retrieve::SentenceRef;

    fn citation(text: &str, spans: Vec<(usize, usize)>) -> Citation {
        Citation {
            doc: "a.txt".into(),
            title: "A <Story>".into(),
            date: "2020-08-16".into(),
            paragraph: 2,
            sentence: 1,
            text: text.into(),
            highlighted: String::new(),
            matched: Vec::new(),
            score: 1.0,
            spans,
            at: SentenceRef {
                doc: 0,
                paragraph: 1,
                sentence: 0,
            },
        }
    }

    fn answer(found: bool, citations: Vec<Citation>) -> Answer {
        Answer {
            question: "How many <people>?".into(),
            found,
            answer: Some("50 & more".into()),
            confidence: 0.9,
            kind: QuestionKind::Number,
            citations,
        }
    }

    #[test]
    fn callback_data_round_trips_and_stays_short() {
        let all = [
            CallbackData::More {
                question: 999_999_999,
                from: 999,
            },
            CallbackData::Context(SentenceRef {
                doc: 99_999,
                paragraph: 99_999,
                sentence: 99_999,
            }),
            CallbackData::Example(2),
        ];
        for d in all {
            let e = d.encode();
            assert!(e.len() < CALLBACK_DATA_LIMIT, "{e}");
            assert_eq!(CallbackData::parse(&e), Some(d));
        }
        let long = "x:1".repeat(30);
        for bad in [
            "",
            "m",
            "m:1",
            "m:1:2:3",
            "c:1:2",
            "x:-1",
            "x:1a",
            "q:1",
            "m:99999999999:1",
            long.as_str(),
        ] {
            assert_eq!(CallbackData::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn highlighting_escapes_and_skips_bad_spans() {
        let text = "a <b> & café";
        assert_eq!(
            highlight_html(text, &[(0, 1), (8, 13)]),
            "<b>a</b> &lt;b&gt; &amp; <b>café</b>"
        );
        assert_eq!(
            highlight_html(text, &[(0, 1), (12, 13)]),
            "<b>a</b> &lt;b&gt; &amp; café"
        );
        assert_eq!(highlight_html(text, &[(2, 1), (0, 99)]), escape_html(text));
    }

    #[test]
    fn the_answer_is_bold_quoted_escaped_with_source_and_buttons() {
        let a = answer(
            true,
            vec![
                citation("There were 50 <people>.", vec![(11, 13)]),
                citation("Other.", vec![]),
            ],
        );
        let r = answer_reply(&a, 7, None, &[], &[]);
        assert!(
            r.html.starts_with("<b>50 &amp; more</b>\n<blockquote>There were <b>50</b> &lt;people&gt;.</blockquote>"),
            "{}",
            r.html
        );
        assert!(r
            .html
            .contains("A &lt;Story&gt;, 2020-08-16, paragraph 2, sentence 1"));
        parse_telegram_html(&r.html).unwrap();
        let data: Vec<&str> = r.keyboard[0].iter().map(|b| b.data.as_str()).collect();
        assert_eq!(data, ["m:7:1", "c:0:1:0"]);
        let cut = answer_reply(&a, 7, Some(500), &[], &[]);
        assert!(cut.html.contains("first 500 characters"));
    }

    #[test]
    fn not_found_cites_nothing_and_suggests() {
        let a = answer(false, vec![]);
        let r = answer_reply(
            &a,
            1,
            None,
            &["Strikes".into(), "The <vote>".into()],
            &["Who?".into()],
        );
        assert!(r.html.contains("does not answer") && r.html.contains("The &lt;vote&gt;"));
        assert!(!r.html.contains("blockquote"));
        let only = Button {
            label: "Who?".into(),
            data: "x:0".into(),
        };
        assert_eq!(r.keyboard, vec![vec![only]]);
    }

    #[test]
    fn suggestions_come_from_headings_and_first_sentences() {
        let text = "First sentence here. Second one.\nA heading\nAnother paragraph starts. Yes.";
        let doc = parse_document("d.txt", DocMeta::default(), text);
        let s = suggestions(&[doc], 3);
        assert!(!s.is_empty() && s.len() <= 3, "{s:?}");
        assert!(s.iter().any(|x| x.starts_with("First sentence")), "{s:?}");
    }

    #[test]
    fn telegram_html_is_checked() {
        assert_eq!(parse_telegram_html("<b>a &amp; b</b>").unwrap(), "a & b");
        assert_eq!(
            parse_telegram_html("<blockquote expandable>x</blockquote>").unwrap(),
            "x"
        );
        let bad = [
            "<b>a",
            "a</b>",
            "<div>a</div>",
            "a & b",
            "a > b",
            "<b><i>a</b></i>",
            "<blockquote><blockquote>a</blockquote></blockquote>",
        ];
        for b in bad {
            assert!(parse_telegram_html(b).is_err(), "{b}");
        }
        assert_eq!(visible_len("<b>\u{1f600}</b>"), 2);
    }

    #[test]
    fn long_text_is_split_under_the_limit() {
        let long = escape_html(&"word <x> ".repeat(2000));
        let parts = split_html(&["<i>head</i>".to_string(), long], 4000);
        assert!(parts.len() >= 5, "{}", parts.len());
        for p in &parts {
            parse_telegram_html(p).unwrap();
            assert!(visible_len(p) <= 4000);
        }
        let pieces = split_plain(&"a".repeat(10_000), 4096);
        assert!(pieces.iter().all(|p| p.len() <= 4096) && pieces.concat().len() == 10_000);
    }

    #[test]
    fn shorten_and_source() {
        assert_eq!(shorten("one two three four", 10), "one two\u{2026}");
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(
            citation_source("Belarus 2020-08-16", "2020-08-16", 1, 2),
            "Belarus 2020-08-16, paragraph 1, sentence 2"
        );
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(escape_html("<b>a & b</b>"), "&lt;b&gt;a &amp; b&lt;/b&gt;");
    }

    #[test]
    fn source_line_names_paragraph_and_sentence() {
        assert_eq!(
            source_line("Belarus", "2020-08-16", 15, 1),
            "Belarus, 2020-08-16, paragraph 15, sentence 1"
        );
        assert_eq!(
            source_line("Belarus", "", 2, 3),
            "Belarus, paragraph 2, sentence 3"
        );
    }
}
