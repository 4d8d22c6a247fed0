//! The one error type of the core.

use std::fmt;

use crate::limits::shown;

/// Everything that can go wrong in the core, each variant saying where and what.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// The dataset bytes are not valid JSON or a valid part of the expected shape.
    Decode {
        /// What the decoder said (for JSON, with line and column).
        message: String,
    },
    /// The question needs a part of the dataset that is not loaded yet (see
    /// [`crate::parts::PartName`]); load it with `Planner::add_part` and ask again.
    PartMissing {
        /// The part's name: `"skills"`, `"details"` or `"courses"`.
        part: &'static str,
    },
    /// The dataset decoded but breaks one or more rules; every problem is listed.
    Invalid {
        /// One entry per problem, each naming the record and field.
        problems: Vec<String>,
    },
    /// A file a person loaded (a course list) has problems; every one is listed with its row,
    /// line and column.
    InvalidRows {
        /// What the file is, e.g. `"course list"`.
        file: &'static str,
        /// One entry per problem.
        problems: Vec<crate::course_import::RowProblem>,
    },
    /// An occupation id that is not in the dataset.
    UnknownOccupation {
        /// The field that carried the id.
        field: &'static str,
        /// The id given.
        id: String,
    },
    /// A skill id that is not in the dataset.
    UnknownSkill {
        /// The field that carried the id.
        field: &'static str,
        /// The id given.
        id: String,
    },
    /// The optimisation solver failed (not a limit of the problem: those are reported in the
    /// plan).
    Solver {
        /// What the solver said.
        message: String,
    },
    /// An option that does not read: an unknown field, a value of the wrong type, or a word
    /// outside its vocabulary.
    InvalidOption {
        /// The option's name (`"delivery"`), or `"options"` for an unknown field.
        field: String,
        /// Where in the options (`"delivery[1]"`).
        path: String,
        /// What was wrong, naming the value and what is allowed.
        message: String,
    },
    /// A numeric or text argument out of its allowed range.
    InvalidArgument {
        /// The argument's name.
        field: &'static str,
        /// The value given, as text.
        value: String,
        /// What is allowed.
        expected: &'static str,
    },
}

impl Error {
    /// A short machine-readable name for the kind of error (for JS callers).
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Decode { .. } => "decode",
            Error::PartMissing { .. } => "partMissing",
            Error::Invalid { .. } | Error::InvalidRows { .. } => "invalid",
            Error::UnknownOccupation { .. } => "unknownOccupation",
            Error::UnknownSkill { .. } => "unknownSkill",
            Error::InvalidArgument { .. } | Error::InvalidOption { .. } => "invalidArgument",
            Error::Solver { .. } => "solver",
        }
    }
}

impl Error {
    /// The option or argument the error is about, where there is one (for JS callers, who read
    /// it instead of parsing the message).
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::InvalidOption { field, .. } => Some(field),
            Error::UnknownOccupation { field, .. }
            | Error::UnknownSkill { field, .. }
            | Error::InvalidArgument { field, .. } => Some(field),
            Error::PartMissing { part } => Some(part),
            _ => None,
        }
    }

    /// The value given, as given (its first 200 bytes): the unknown id, or the argument's
    /// value as text.
    pub fn value(&self) -> Option<&str> {
        let value = match self {
            Error::UnknownOccupation { id, .. } | Error::UnknownSkill { id, .. } => id,
            Error::InvalidArgument { value, .. } => value,
            Error::InvalidOption { message, .. } => message,
            _ => return None,
        };
        Some(head(value, 200))
    }

    /// Every problem of an [`Error::Invalid`] or [`Error::InvalidRows`], each naming its record
    /// (or row) and field.
    pub fn problems(&self) -> Vec<String> {
        match self {
            Error::Invalid { problems } => problems.clone(),
            Error::InvalidRows { problems, .. } => {
                problems.iter().map(ToString::to_string).collect()
            }
            _ => Vec::new(),
        }
    }

    /// The problems of an [`Error::InvalidRows`], with row, line and field apart.
    pub fn row_problems(&self) -> &[crate::course_import::RowProblem] {
        match self {
            Error::InvalidRows { problems, .. } => problems,
            _ => &[],
        }
    }
}

/// The longest start of `text` of at most `bytes` bytes that ends on a character boundary.
fn head(text: &str, bytes: usize) -> &str {
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

/// How many problems an [`Error::Invalid`] message lists before summarising the rest.
const PROBLEMS_SHOWN: usize = 20;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Decode { message } => write!(f, "the dataset could not be read: {message}"),
            Error::PartMissing { part } => write!(
                f,
                "{part}: this needs the dataset's {part:?} part, which is not loaded yet"
            ),
            Error::Invalid { problems } => write_problems(f, "dataset", problems),
            Error::InvalidRows { file, problems } => write_problems(f, file, problems),
            Error::UnknownOccupation { field, id } => {
                write!(f, "{field}: no occupation has the id {}", shown(id))
            }
            Error::UnknownSkill { field, id } => {
                write!(f, "{field}: no skill has the id {}", shown(id))
            }
            Error::Solver { message } => write!(f, "the optimiser failed: {message}"),
            Error::InvalidArgument {
                field,
                value,
                expected,
            } => write!(f, "{field}: {value} is not allowed; expected {expected}"),
            Error::InvalidOption { path, message, .. } => write!(f, "{path}: {message}"),
        }
    }
}

/// "the {what} has N problem(s): a; b; …; and M more", listing at most [`PROBLEMS_SHOWN`].
fn write_problems(
    f: &mut fmt::Formatter<'_>,
    what: &str,
    problems: &[impl fmt::Display],
) -> fmt::Result {
    write!(f, "the {what} has {} problem(s): ", problems.len())?;
    for (i, problem) in problems.iter().take(PROBLEMS_SHOWN).enumerate() {
        if i > 0 {
            write!(f, "; ")?;
        }
        write!(f, "{problem}")?;
    }
    if problems.len() > PROBLEMS_SHOWN {
        write!(f, "; and {} more", problems.len() - PROBLEMS_SHOWN)?;
    }
    Ok(())
}

impl std::error::Error for Error {}
