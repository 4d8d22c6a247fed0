//! Text folding shared by search: case, accents and punctuation do not matter.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folds text for matching: lower case, accents removed, every run of characters that is not a
/// letter or digit turned into one space, trimmed.
///
/// ```
/// assert_eq!(greenpath::text::fold("  Électricien / HGV-Driver "), "electricien hgv driver");
/// ```
pub fn fold(text: &str) -> String {
    // Most names are ASCII, which has nothing to decompose: skip the (slower) normalisation.
    if text.is_ascii() {
        return fold_ascii(text.as_bytes());
    }
    fold_chars(text.nfd().filter(|c| !is_combining_mark(*c)))
}

/// [`fold_chars`] for ASCII text, byte by byte.
fn fold_ascii(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut pending_space = false;
    for &b in bytes {
        if b.is_ascii_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(char::from(b.to_ascii_lowercase()));
        } else {
            pending_space = true;
        }
    }
    out
}

/// Lower-cases letters and digits and turns every run of anything else into one space.
fn fold_chars(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    let mut pending_space = false;
    for c in chars {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

/// The folded words of `text`, in order.
///
/// ```
/// assert_eq!(greenpath::text::words("Gas-Service technician"), ["gas", "service", "technician"]);
/// ```
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// `text` without its bracketed qualifiers, which say where a job title applies rather than what
/// the job is.
///
/// ```
/// assert_eq!(greenpath::text::without_brackets("Mechanic (garage)").trim(), "Mechanic");
/// ```
pub fn without_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// `text` cut to at most `max` characters, with "…" when cut: error messages quote what was
/// given without repeating a huge input.
pub fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_handles_empty_and_symbol_only_text() {
        assert_eq!(fold(""), "");
        assert_eq!(fold(" -/- "), "");
        assert!(words("  ").is_empty());
    }

    #[test]
    fn fold_removes_accents_and_case() {
        assert_eq!(fold("CAFÉ Crème"), "cafe creme");
    }
}
