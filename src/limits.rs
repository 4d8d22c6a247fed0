//! The limits on what a caller may give, in one place: each is far above what a college, a
//! council or a worker needs, and low enough that no input can run the planner out of memory or
//! freeze a tab. Past a limit the call answers an error naming the field, the limit and the size
//! given, before any work (so a rejected call is cheap and changes nothing).
//!
//! | what | limit |
//! |---|---|
//! | a course list's text (CSV or JSON) | [`MAX_FILE_BYTES`] |
//! | courses in one list | [`MAX_LIST_ROWS`] |
//! | a course's id, title or provider | [`MAX_NAME_CHARS`] characters |
//! | any other cell of a list (a note, a source) | [`MAX_CELL_CHARS`] characters |
//! | skills a course teaches, occupations it names, courses it requires | [`MAX_ITEMS_PER_CELL`] |
//! | an id (occupation, skill, course, area) | [`MAX_ID_CHARS`] characters |
//! | ids in one list argument | [`MAX_IDS`] |
//! | a dataset part or a JSON dataset | [`MAX_DATA_BYTES`] |
//! | a search query | 200 characters, 8 words (`search.rs`; the rest is ignored) |
//! | rows of a college's or council's own figures | 500 and 300 (`api::college`, `api::council`) |

/// Bytes of a course list's text.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;
/// Courses in one course list.
pub const MAX_LIST_ROWS: usize = 5_000;
/// Characters in one cell of a course list.
pub const MAX_CELL_CHARS: usize = 2_000;
/// Characters in a course's id, title or provider (shown in lists, charts and plans).
pub const MAX_NAME_CHARS: usize = 300;
/// Items in one list cell (`teaches`, `occupations`, `requires`).
pub const MAX_ITEMS_PER_CELL: usize = 200;
/// Characters in an id.
pub const MAX_ID_CHARS: usize = 1_000;
/// Ids in one list argument.
pub const MAX_IDS: usize = 10_000;
/// Bytes of a dataset part, the local picture or a JSON dataset.
pub const MAX_DATA_BYTES: usize = 64 * 1024 * 1024;

/// Characters of a value an error message repeats before it says how long the rest is.
const SHOWN_CHARS: usize = 60;

/// `text` as an error message quotes it: in quotes with escapes, and cut after
/// [`SHOWN_CHARS`] characters with the length of the whole, so a 10 MB value never becomes a
/// 10 MB message.
pub fn shown(text: &str) -> String {
    match text.char_indices().nth(SHOWN_CHARS) {
        None => format!("{text:?}"),
        Some((cut, _)) => {
            let head = text.get(..cut).unwrap_or_default();
            format!("{head:?}… ({} characters)", text.chars().count())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_value_is_cut_and_measured() {
        assert_eq!(shown("gas"), "\"gas\"");
        let long = "é".repeat(100_000);
        let message = shown(&long);
        assert!(message.len() < 200, "{message}");
        assert!(message.ends_with("(100000 characters)"), "{message}");
    }
}
