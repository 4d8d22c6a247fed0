//! Text clean-up: alternative labels and short descriptions.

use std::collections::HashSet;

/// A first sentence longer than this is cut at a word boundary before [`DESCRIPTION_CUT`]
/// characters and ends with `…`; shorter ones are kept whole.
pub const DESCRIPTION_MAX: usize = 300;
/// Where a first sentence over [`DESCRIPTION_MAX`] is cut.
pub const DESCRIPTION_CUT: usize = 220;

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

/// Evidence texts (carbon-intensive occupations) are kept to at most this many characters.
pub const EVIDENCE_MAX: usize = 160;

/// `text` cleaned and kept within `limit` characters: whole as long as it fits; else as many
/// whole sentences as fit; else the first sentence up to its last clause break (`; `) that
/// fits, or its last word boundary, ending with `…`.
pub fn shorten(text: &str, limit: usize) -> String {
    let text = squash_space(text);
    if text.chars().count() <= limit {
        return text;
    }
    let mut out = String::new();
    for sentence in sentences(&text) {
        let needed = out.chars().count() + usize::from(!out.is_empty()) + sentence.chars().count();
        if needed > limit {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(sentence);
    }
    if !out.is_empty() {
        return out;
    }
    // Room for the `…`.
    let head: String = text.chars().take(limit.saturating_sub(1)).collect();
    match head.rfind("; ") {
        Some(cut) if head[..cut].chars().count() >= limit / 2 => format!("{}…", &head[..cut]),
        _ => cut_at_word(&text, limit),
    }
}

/// Course notes are kept to at most this many characters.
pub const NOTES_MAX: usize = 160;
/// Course prerequisites are kept to at most this many characters.
pub const PREREQUISITES_MAX: usize = 200;

/// A curated course's notes, within [`NOTES_MAX`] characters: without the provenance of the
/// cost and duration figures (the lowercase `cost: …` and `duration: …` notes the curated list
/// appends, which the fields and `source` already carry), without sentences that only restate a
/// field ("Cost unknown.", "IfATE data (standards.json, July 2021): …"), then [`shorten`]ed.
pub fn course_notes(text: &str) -> String {
    let text = squash_space(text);
    let cut = [" cost: ", " duration: "]
        .iter()
        .filter_map(|marker| text.find(marker))
        .min();
    let head = cut.map_or(text.as_str(), |at| &text[..at]);
    let kept: Vec<&str> = sentences(head)
        .into_iter()
        .filter(|s| !restates_fields(s))
        .collect();
    shorten(&kept.join(" "), NOTES_MAX)
}

/// Whether a sentence of a course's notes only restates its fields.
fn restates_fields(sentence: &str) -> bool {
    const FIELD_ONLY: [&str; 5] = [
        "Cost unknown.",
        "Duration unknown.",
        "Duration/cost unknown.",
        "Cost to workers not verified.",
        "Figures indicative.",
    ];
    sentence.starts_with("IfATE data (standards.json") || FIELD_ONLY.contains(&sentence)
}

/// What [`summarise`] did to a description.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trim {
    /// The whole description was kept.
    Whole,
    /// Cut after the first sentence.
    Sentences,
    /// The first sentence alone was too long and was cut at a word boundary (ends with `…`).
    Words,
}

/// The first sentence of `text`, cut at a word boundary before [`DESCRIPTION_CUT`] characters
/// (ending with `…`) when it is over [`DESCRIPTION_MAX`].
pub fn summarise(text: &str) -> (String, Trim) {
    let text = squash_space(text);
    let sentences = sentences(&text);
    let Some(first) = sentences.first() else {
        return (String::new(), Trim::Whole);
    };
    if first.chars().count() > DESCRIPTION_MAX {
        return (cut_at_word(first, DESCRIPTION_CUT), Trim::Words);
    }
    let trim = if sentences.len() == 1 {
        Trim::Whole
    } else {
        Trim::Sentences
    };
    ((*first).to_owned(), trim)
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
    fn only_the_first_sentence_is_kept() {
        let (text, trim) = summarise("Welders join metal.\nThey read drawings. They inspect.");
        assert_eq!(text, "Welders join metal.");
        assert_eq!(trim, Trim::Sentences);
    }

    #[test]
    fn abbreviations_and_lowercase_do_not_end_sentences() {
        let (text, trim) = summarise("They weld metals, e.g. Steel and copper. etc. more.");
        assert_eq!(text, "They weld metals, e.g. Steel and copper. etc. more.");
        assert_eq!(trim, Trim::Whole);
    }

    #[test]
    fn very_long_first_sentence_is_cut_between_words() {
        let long = format!("Operators {}machines.", "run, ".repeat(80));
        let (text, trim) = summarise(&long);
        assert_eq!(trim, Trim::Words);
        assert!(text.ends_with("run…"), "{text}");
        assert!(text.chars().count() <= DESCRIPTION_CUT);
    }

    #[test]
    fn evidence_is_shortened_at_sentences_then_clauses_then_words() {
        assert_eq!(shorten("Short; fine.", 20), "Short; fine.");
        let text = "ONS: oil & gas 15 Mt in 2021 (~18x UK avg). ESCO essential skills incl.: a; b";
        assert_eq!(
            shorten(text, 50),
            "ONS: oil & gas 15 Mt in 2021 (~18x UK avg)."
        );
        let text = "Generic role (also nuclear); ONS: electricity 79.8 Mt, gas 42.5 Mt; more words";
        assert_eq!(
            shorten(text, 70),
            "Generic role (also nuclear); ONS: electricity 79.8 Mt, gas 42.5 Mt…"
        );
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let short = shorten(text, 30);
        assert!(
            short.ends_with('…') && short.chars().count() <= 30,
            "{short}"
        );
    }

    #[test]
    fn course_notes_drop_provenance_and_field_restatements() {
        assert_eq!(
            course_notes("Pilot course. Duration/cost unknown. cost: £600 = DESNZ statement."),
            "Pilot course."
        );
        assert_eq!(
            course_notes(
                "IfATE data (standards.json, July 2021): typicalDuration 14 months. Revised in 2023."
            ),
            "Revised in 2023."
        );
        let long = "word ".repeat(60);
        assert!(course_notes(&long).chars().count() <= NOTES_MAX);
    }

    #[test]
    fn empty_description_stays_empty() {
        assert_eq!(summarise("  \n "), (String::new(), Trim::Whole));
    }
}
