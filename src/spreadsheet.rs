//! Reading what spreadsheets write: which separator a CSV uses (commas; semicolons, as Excel
//! writes where the decimal mark is a comma; tabs, as a pasted range is), a byte-order mark, a
//! quote that never closes, and numbers as people type them ("1,200", "£600", "1,5"). Each
//! reading is either unambiguous or an error that says what to write instead.

/// The byte-order mark some spreadsheets put first.
const BOM: char = '\u{feff}';

/// `text` without a leading byte-order mark.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix(BOM).unwrap_or(text)
}

/// The separator of a CSV: the most frequent of comma, semicolon and tab in the header line
/// (outside quotes), a comma when none is there.
pub fn separator(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let [commas, semicolons, tabs] = counts;
    if tabs > commas && tabs >= semicolons {
        b'\t'
    } else if semicolons > commas {
        b';'
    } else {
        b','
    }
}

/// Where each line of a text starts, to name the line of a byte offset (the `csv` crate's own
/// line count leaves out blank lines).
pub struct Lines(Vec<usize>);

impl Lines {
    /// The line starts of `text`.
    pub fn of(text: &str) -> Lines {
        Lines(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1)
                .collect(),
        )
    }

    /// The line (from 1) where the record at byte `offset` of `text` starts: past any blank
    /// lines the reader skipped before it.
    pub fn line_of(&self, text: &str, offset: u64) -> usize {
        let mut offset = usize::try_from(offset).unwrap_or(usize::MAX);
        while matches!(text.as_bytes().get(offset), Some(b'\n' | b'\r')) {
            offset += 1;
        }
        self.0.partition_point(|&start| start <= offset) + 1
    }
}

/// A quoted cell that does not close where it should.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenQuote {
    /// The line (from 1) where the quote opens.
    pub line: usize,
    /// The line it runs into: the next line (which reads as a row of its own), or the end.
    pub runs_into: Option<usize>,
}

impl OpenQuote {
    /// What is wrong and what to do, in words.
    pub fn message(&self) -> String {
        match self.runs_into {
            Some(next) => format!(
                "a quote opens a cell on line {} and runs on into line {next}, which reads as a row of its own; close the quote, or write a quote inside a cell as \"\"",
                self.line
            ),
            None => format!(
                "a quote opens a cell on line {} and never closes; close it, or write a quote inside a cell as \"\"",
                self.line
            ),
        }
    }
}

/// [`open_quote`] for a file whose first line is its header (or its first row): a whole row has
/// as many separators as that line.
pub fn open_quote_in(text: &str, separator: u8) -> Option<OpenQuote> {
    let first_line = text.lines().next().unwrap_or_default();
    let row_separators = first_line.bytes().filter(|&b| b == separator).count();
    open_quote(text, separator, row_separators)
}

/// Finds a quote that opens a cell and never closes, or closes only after swallowing a line
/// that has as many separators as a whole row (`row_separators`, the header's count): a
/// mistyped quote, not a cell written over two lines. Quotes count only at the start of a cell,
/// and `""` inside a quoted cell is a quote, as CSV has it.
pub fn open_quote(text: &str, separator: u8, row_separators: usize) -> Option<OpenQuote> {
    let bytes = text.as_bytes();
    let mut line = 1;
    let mut cell_start = true;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'"' && cell_start {
            let opened = line;
            // Inside the quoted cell: until a quote not followed by another.
            let mut j = i + 1;
            let mut separators_on_next_line = 0;
            let mut on_next_line = false;
            loop {
                match bytes.get(j) {
                    None => {
                        return Some(OpenQuote {
                            line: opened,
                            runs_into: None,
                        })
                    }
                    Some(b'"') if bytes.get(j + 1) == Some(&b'"') => j += 2,
                    Some(b'"') => break,
                    Some(b'\n') => {
                        if on_next_line && separators_on_next_line >= row_separators.max(1) {
                            return Some(OpenQuote {
                                line: opened,
                                runs_into: Some(line),
                            });
                        }
                        line += 1;
                        on_next_line = true;
                        separators_on_next_line = 0;
                        j += 1;
                    }
                    Some(&c) => {
                        if on_next_line && c == separator {
                            separators_on_next_line += 1;
                        }
                        j += 1;
                    }
                }
            }
            if on_next_line && separators_on_next_line >= row_separators.max(1) {
                return Some(OpenQuote {
                    line: opened,
                    runs_into: Some(line),
                });
            }
            i = j + 1;
            cell_start = false;
            continue;
        }
        if b == b'\n' {
            line += 1;
        }
        cell_start = b == separator || b == b'\n' || b == b'\r';
        i += 1;
    }
    None
}

/// A number as a spreadsheet shows it: `1200`, `1,200`, `1 200`, `£1,200.50`, `12.5`, and in a
/// semicolon-separated file (where the comma is the decimal mark) `1,5`. `Ok(None)` for an
/// empty cell.
///
/// # Errors
/// What is wrong and what to write instead: not a number, or a comma that could be either mark
/// (`1,5` in a comma-separated file; `1,200` in a semicolon-separated one).
pub fn number(value: &str, separator: u8) -> Result<Option<f64>, String> {
    let text = value.trim().trim_start_matches('£').trim();
    if text.is_empty() {
        return Ok(None);
    }
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let plain = |s: &str| -> Result<f64, String> {
        let ok = !s.is_empty()
            && s.chars().all(|c| c.is_ascii_digit() || c == '.')
            && s.chars().filter(|&c| c == '.').count() <= 1
            && s != ".";
        ok.then(|| s.parse::<f64>().ok())
            .flatten()
            .map(|n| if negative { -n } else { n })
            .ok_or_else(|| format!("{} is not a number", crate::limits::shown(value)))
    };
    let grouped = |s: &str, mark: char| -> Option<String> {
        // "1,234,567.8": groups of three after the first, then an optional decimal part.
        let (whole, fraction) = match s.split_once('.') {
            Some((w, f)) if mark != '.' => (w, Some(f)),
            _ => (s, None),
        };
        let mut groups = whole.split(mark);
        let first = groups.next()?;
        let rest: Vec<&str> = groups.collect();
        let good = !first.is_empty()
            && first.len() <= 3
            && first.chars().all(|c| c.is_ascii_digit())
            && !rest.is_empty()
            && rest
                .iter()
                .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
        good.then(|| {
            let mut joined: String = std::iter::once(first).chain(rest).collect();
            if let Some(f) = fraction {
                joined.push('.');
                joined.push_str(f);
            }
            joined
        })
    };
    if digits.contains(' ') || digits.contains('\u{a0}') {
        let spaced = digits.replace('\u{a0}', " ");
        return match grouped(&spaced, ' ') {
            Some(joined) => plain(&joined).map(Some),
            None => Err(format!("{} is not a number", crate::limits::shown(value))),
        };
    }
    if !digits.contains(',') {
        return plain(digits).map(Some);
    }
    let decimal_comma = digits.matches(',').count() == 1 && !digits.contains('.');
    if separator == b';' {
        // The comma is the decimal mark here, unless it groups thousands ("1,200" could be
        // either: say so).
        if decimal_comma {
            let after = digits.split(',').nth(1).unwrap_or_default();
            if after.len() == 3 {
                return Err(format!(
                    "{} could be a thousand and more or a decimal; write {} or {}",
                    crate::limits::shown(value),
                    digits.replace(',', ""),
                    digits.replace(',', ".")
                ));
            }
            return plain(&digits.replace(',', ".")).map(Some);
        }
        return Err(format!("{} is not a number", crate::limits::shown(value)));
    }
    match grouped(digits, ',') {
        Some(joined) => plain(&joined).map(Some),
        None if decimal_comma => Err(format!(
            "{} uses a comma as the decimal mark; write {}",
            crate::limits::shown(value),
            digits.replace(',', ".")
        )),
        None => Err(format!("{} is not a number", crate::limits::shown(value))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_spreadsheets_write_them() {
        let comma = |v: &str| number(v, b',');
        assert_eq!(comma("1200"), Ok(Some(1200.0)));
        assert_eq!(comma("1,200"), Ok(Some(1200.0)));
        assert_eq!(comma("£1,200.50"), Ok(Some(1200.5)));
        assert_eq!(comma("£600"), Ok(Some(600.0)));
        assert_eq!(comma("1 200"), Ok(Some(1200.0)));
        assert_eq!(comma(" 12.5 "), Ok(Some(12.5)));
        assert_eq!(comma(""), Ok(None));
        assert_eq!(comma("-3"), Ok(Some(-3.0)));
        assert!(comma("1,5").unwrap_err().contains("write 1.5"));
        assert!(comma("12,50").unwrap_err().contains("write 12.50"));
        for junk in [
            "abc", "1,2,3", "1.2.3", "NaN", "inf", "1e400", "1,20,000", ".", "--1", "£",
        ] {
            assert!(comma(junk).is_err() || junk == "£", "{junk}");
        }
        let semicolon = |v: &str| number(v, b';');
        assert_eq!(semicolon("1,5"), Ok(Some(1.5)));
        assert_eq!(semicolon("12"), Ok(Some(12.0)));
        assert!(semicolon("1,200")
            .unwrap_err()
            .contains("write 1200 or 1.200"));
    }

    #[test]
    fn the_separator_is_read_from_the_header() {
        assert_eq!(separator("id,title\n1;2;3\n"), b',');
        assert_eq!(separator("id;title;weeks\n1,5;a;b\n"), b';');
        assert_eq!(separator("id\ttitle\n"), b'\t');
        assert_eq!(separator("\"a;b\",c\n"), b',');
        assert_eq!(separator("id\n"), b',');
    }

    #[test]
    fn a_quote_that_never_closes_is_found_and_a_cell_over_two_lines_is_not() {
        let open = "id,title\nc1,\"Heat pumps\nc2,Solar\n";
        assert_eq!(
            open_quote(open, b',', 1),
            Some(OpenQuote {
                line: 2,
                runs_into: Some(3)
            })
        );
        let at_the_end = "id,title\nc1,Solar\nc2,\"Heat pumps\n";
        assert_eq!(
            open_quote(at_the_end, b',', 1),
            Some(OpenQuote {
                line: 3,
                runs_into: None
            })
        );
        let swallowing = "id,title,notes\nc1,\"Heat pumps,x\nc2,Solar,\"note\"\n";
        assert_eq!(
            open_quote(swallowing, b',', 2),
            Some(OpenQuote {
                line: 2,
                runs_into: Some(3)
            })
        );
        let two_lines = "id,title,notes\nc1,Heat,\"first line\nsecond line\"\nc2,Solar,\n";
        assert_eq!(open_quote(two_lines, b',', 2), None);
        assert_eq!(
            open_quote("id,title\nc1,\"a \"\"b\"\" c\"\n", b',', 1),
            None
        );
        assert_eq!(open_quote("id,title\nc1,5\" pipe\n", b',', 1), None);
    }

    #[test]
    fn a_bom_is_dropped() {
        assert_eq!(without_bom("\u{feff}id,title"), "id,title");
        assert_eq!(without_bom("id"), "id");
    }
}
