//! The builder's error type: every message says where (file, record, line) and what.

use std::fmt;
use std::path::PathBuf;

/// Everything that can stop the data builder.
#[derive(Debug)]
pub enum BuildError {
    /// Bad command-line arguments.
    Usage(String),
    /// The raw data folder does not exist.
    RawDirMissing(PathBuf),
    /// A file could not be read or written.
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A line of `SHA256SUMS` is malformed.
    Sums {
        /// 1-based line number in `SHA256SUMS`.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A file the builder needs has no entry in `SHA256SUMS`.
    NotListed {
        /// Path relative to the raw folder.
        file: String,
    },
    /// A file listed in `SHA256SUMS` is missing from the raw folder.
    Missing {
        /// Path relative to the raw folder.
        file: String,
        /// The checksum `SHA256SUMS` expects.
        expected: String,
    },
    /// A file's SHA-256 differs from `SHA256SUMS`.
    Checksum {
        /// Path relative to the raw folder.
        file: String,
        /// The checksum `SHA256SUMS` expects.
        expected: String,
        /// The checksum of the file on disk.
        actual: String,
    },
    /// The CSV reader rejected a file (bad quoting, wrong field count, invalid UTF-8).
    Csv {
        /// Path relative to the raw folder.
        file: String,
        /// The CSV reader's message, with its position.
        message: String,
    },
    /// A JSON file cannot be parsed, or one of its records holds a bad value.
    Json {
        /// Path relative to the raw folder.
        file: String,
        /// What is wrong, and where (the parser's line and column, or the record).
        message: String,
    },
    /// A CSV header lacks a column the builder needs.
    MissingColumn {
        /// Path relative to the raw folder.
        file: String,
        /// The column name.
        column: String,
    },
    /// One CSV record holds a bad or missing value.
    Record {
        /// Path relative to the raw folder.
        file: String,
        /// 1-based data record number (the header is record 0).
        record: u64,
        /// 1-based line on which the record starts.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// A spreadsheet cannot be opened, lacks a sheet or header, or one of its cells holds a bad
    /// or missing value.
    Sheet {
        /// Path relative to the raw folder.
        file: String,
        /// The worksheet's name ("" when the workbook itself cannot be read).
        sheet: String,
        /// 1-based spreadsheet row (0 when not about one row).
        row: u32,
        /// What is wrong.
        message: String,
    },
    /// The assembled dataset breaks a rule (listed problems) or fails its self-check.
    Invalid(Vec<String>),
    /// The gzipped dataset is larger than the size budget.
    OverBudget {
        /// Gzipped size in bytes.
        bytes: usize,
        /// The budget in bytes.
        budget: usize,
    },
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Usage(message) => write!(f, "{message}"),
            Self::RawDirMissing(path) => write!(
                f,
                "raw data folder not found at {} (set GREENPATH_RAW_DIR or pass --raw PATH)",
                path.display()
            ),
            Self::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Self::Sums { line, message } => write!(f, "SHA256SUMS line {line}: {message}"),
            Self::NotListed { file } => {
                write!(f, "{file}: not listed in SHA256SUMS, so it cannot be verified")
            }
            Self::Missing { file, expected } => write!(
                f,
                "{file}: file missing from the raw folder (expected sha256 {expected}, actual: none)"
            ),
            Self::Checksum {
                file,
                expected,
                actual,
            } => write!(
                f,
                "{file}: checksum mismatch: expected sha256 {expected}, actual {actual}"
            ),
            Self::Csv { file, message } | Self::Json { file, message } => {
                write!(f, "{file}: {message}")
            }
            Self::MissingColumn { file, column } => {
                write!(f, "{file}: header has no column {column:?}")
            }
            Self::Record {
                file,
                record,
                line,
                message,
            } => write!(f, "{file} record {record} (line {line}): {message}"),
            Self::Sheet {
                file,
                sheet,
                row,
                message,
            } => match (sheet.is_empty(), *row) {
                (true, _) => write!(f, "{file}: {message}"),
                (false, 0) => write!(f, "{file} sheet {sheet:?}: {message}"),
                (false, row) => write!(f, "{file} sheet {sheet:?} row {row}: {message}"),
            },
            Self::Invalid(problems) => {
                write!(f, "the assembled dataset is invalid ({} problems):", problems.len())?;
                for problem in problems.iter().take(20) {
                    write!(f, "\n  - {problem}")?;
                }
                if problems.len() > 20 {
                    write!(f, "\n  … and {} more", problems.len() - 20)?;
                }
                Ok(())
            }
            Self::OverBudget { bytes, budget } => write!(
                f,
                "the gzipped core part is {bytes} bytes, over the budget of {budget} bytes"
            ),
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
