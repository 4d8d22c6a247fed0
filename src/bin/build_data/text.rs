//! Text clean-up: alternative labels and short descriptions.

use std::collections::HashSet;

/// Descriptions aim at this many characters: a second sentence is added only if the two fit.
pub const DESCRIPTION_TARGET: usize = 220;
/// A first sentence longer than this is cut at a word boundary before
/// [`DESCRIPTION_TARGET`] and ends with `…`; shorter ones are kept whole.
pub const DESCRIPTION_MAX: usize = 300;

/// Cleans a raw ESCO text: drops invisible characters (zero-width spaces, soft hyphens, BOMs),
/// repairs the mojibake `Â` + no-break space (UTF-8 read as Latin-1), turns Unicode hyphens into
/// `-` and the `ﬁ`/`ﬂ` ligatures into letters, collapses every run of whitespace (newlines
/// included) to one space, and trims the ends.
pub fn squash_space(text: &str) -> String {
    let mut clean = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => {}
            'Â' if chars.peek() == Some(&'\u{A0}') => {}
            '\u{2010}' | '\u{2011}' => clean.push('-'),
            'ﬁ' => clean.push_str("fi"),
            'ﬂ' => clean.push_str("fl"),
            _ => clean.push(c),
        }
    }
    clean.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// ESCO's newline-separated alternative labels: trimmed, without blanks, without the
/// preferred label, and without case-insensitive duplicates (the first spelling wins), in
/// ESCO's order.
pub fn alt_labels(preferred: &str, raw: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    seen.insert(preferred.to_lowercase());
    raw.lines()
        .map(squash_space)
        .filter(|label| !label.is_empty() && seen.insert(label.to_lowercase()))
        .collect()
}

/// What [`summarise`] did to a description.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trim {
    /// The whole description was kept.
    Whole,
    /// Cut after the first or second sentence.
    Sentences,
    /// The first sentence alone was too long and was cut at a word boundary (ends with `…`).
    Words,
}

/// The first one or two sentences of `text`, aiming at [`DESCRIPTION_TARGET`] characters.
pub fn summarise(text: &str) -> (String, Trim) {
    let text = squash_space(text);
    let sentences = sentences(&text);
    let Some(first) = sentences.first() else {
        return (String::new(), Trim::Whole);
    };
    let first_len = first.chars().count();
    if first_len > DESCRIPTION_MAX {
        return (cut_at_word(first, DESCRIPTION_TARGET), Trim::Words);
    }
    let mut out = (*first).to_owned();
    let mut used = 1;
    if let Some(second) = sentences.get(1) {
        if first_len + 1 + second.chars().count() <= DESCRIPTION_TARGET {
            out.push(' ');
            out.push_str(second);
            used = 2;
        }
    }
    let trim = if used == sentences.len() {
        Trim::Whole
    } else {
        Trim::Sentences
    };
    (out, trim)
}

/// Splits whitespace-squashed `text` into sentences. A sentence ends at `.`, `!` or `?`
/// (optionally followed by a closing quote or bracket) when a space and then an uppercase
/// letter, digit or opening quote follow, unless the word before is a known abbreviation or a
/// single capital initial.
fn sentences(text: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            let mut end = i + 1;
            while end < chars.len() && matches!(chars[end].1, ')' | '"' | '\'' | '”' | '’') {
                end += 1;
            }
            let next_starts = end + 1 < chars.len()
                && chars[end].1 == ' '
                && (chars[end + 1].1.is_uppercase()
                    || chars[end + 1].1.is_ascii_digit()
                    || matches!(chars[end + 1].1, '"' | '“' | '('));
            if next_starts && (c != '.' || !is_abbreviation(&text[start..chars[i].0])) {
                let end_byte = chars[end].0;
                out.push(text[start..end_byte].trim());
                start = chars[end + 1].0;
                i = end + 1;
                continue;
            }
        }
        i += 1;
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// Whether the text before a full stop ends in an abbreviation, so the stop ends no sentence.
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(' ').next().unwrap_or("");
    let word = word.trim_start_matches(['(', '"', '“']);
    const ABBREVIATIONS: [&str; 12] = [
        "e.g", "i.e", "Mr", "Mrs", "Ms", "Dr", "St", "vs", "approx", "No", "cf", "Ph.D",
    ];
    ABBREVIATIONS.contains(&word)
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

/// Cuts `text` at the last space that leaves room for `…` within `limit` characters, drops
/// trailing punctuation that would dangle, and appends `…`. Never cuts inside a word: a text
/// without such a space is returned whole.
fn cut_at_word(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    let cut = text
        .char_indices()
        .take(limit)
        .filter(|&(_, c)| c == ' ')
        .map(|(i, _)| i)
        .last();
    match cut {
        Some(cut) => {
            let head = text[..cut].trim_end_matches([' ', ',', ';', ':', '-', '–', '—', '(']);
            format!("{head}…")
        }
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alt_labels_are_trimmed_deduplicated_and_exclude_the_preferred_label() {
        let raw = "weld operator\n Welder \nwelding operative\nWeld Operator\n\nwelder  fitter";
        assert_eq!(
            alt_labels("welder", raw),
            ["weld operator", "welding operative", "welder fitter"]
        );
    }

    #[test]
    fn invisible_characters_and_mojibake_are_cleaned() {
        assert_eq!(
            squash_space(
                "\u{200B}set\u{2010}up  to\u{C2}\u{A0}students, efﬁcient ship\u{AD}pers\n"
            ),
            "set-up to students, efficient shippers"
        );
    }

    #[test]
    fn two_short_sentences_are_kept() {
        let (text, trim) = summarise("Welders join metal.\nThey read drawings. They inspect.");
        assert_eq!(text, "Welders join metal. They read drawings.");
        assert_eq!(trim, Trim::Sentences);
    }

    #[test]
    fn abbreviations_and_lowercase_do_not_end_sentences() {
        let (text, trim) = summarise("They weld metals, e.g. Steel and copper. etc. more.");
        assert_eq!(text, "They weld metals, e.g. Steel and copper. etc. more.");
        assert_eq!(trim, Trim::Whole);
    }

    #[test]
    fn second_sentence_is_dropped_when_too_long() {
        let second = format!("They {}.", "work hard ".repeat(30).trim_end());
        let (text, trim) = summarise(&format!("Welders join metal. {second}"));
        assert_eq!(text, "Welders join metal.");
        assert_eq!(trim, Trim::Sentences);
    }

    #[test]
    fn very_long_first_sentence_is_cut_between_words() {
        let long = format!("Operators {}machines.", "run, ".repeat(80));
        let (text, trim) = summarise(&long);
        assert_eq!(trim, Trim::Words);
        assert!(text.ends_with("run…"), "{text}");
        assert!(text.chars().count() <= DESCRIPTION_TARGET);
    }

    #[test]
    fn empty_description_stays_empty() {
        assert_eq!(summarise("  \n "), (String::new(), Trim::Whole));
    }
}
