//! Presentation, as pure functions: answers rendered for the terminal, and HTML escaping.

use crate::engine::{highlight, Answer};

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
    let (open, close) = if color { ("\x1b[1m", "\x1b[0m") } else { ("**", "**") };
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

#[cfg(test)]
mod tests {
    use super::{escape_html, source_line};

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
        assert_eq!(source_line("Belarus", "", 2, 3), "Belarus, paragraph 2, sentence 3");
    }
}
