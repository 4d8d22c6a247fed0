//! A college's or council's own figures: how many learners, workers or openings per job, from a
//! CSV (a column naming the job, a column of counts; a header row is optional) or JSON
//! (`[{"occupation": …, "count": …}]`). Read with the same rules as a course list
//! ([`crate::spreadsheet`]): separators, a BOM, `1,200` and `£600`, and refusals of what could be
//! read two ways. A row that does not read is a problem of its own; the others are used. The
//! page matches the job names to its tables.

use serde::{Deserialize, Serialize};

use crate::course_import::RowProblem;
use crate::error::Error;
use crate::limits::{shown, MAX_FILE_BYTES, MAX_ID_CHARS};
use crate::spreadsheet;

/// Rows in one file of figures (far more than the jobs of any area).
pub const MAX_FIGURE_ROWS: usize = 5_000;

/// One row that reads: the job as written and its count.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FigureRow {
    /// The row, from 1 (a CSV header is not a row).
    pub row: usize,
    /// The line of a CSV file.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub line: Option<usize>,
    /// The job: an ESCO id or URI, or a name.
    pub occupation: String,
    /// The count, 0 or more.
    pub count: f64,
}

/// The rows that read, and a problem for each that does not.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Figures {
    /// Rows that read.
    pub rows: Vec<FigureRow>,
    /// One per row that does not read; each message reads after its field ("the count" "is
    /// empty", "the count" "\"x\" is not a number").
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(
            type = "{ row: number | null, line: number | null, field: string, message: string }[]"
        )
    )]
    pub problems: Vec<RowProblem>,
}

/// One JSON record as written.
#[derive(Debug, Deserialize)]
struct Record {
    #[serde(default)]
    occupation: serde_json::Value,
    #[serde(default)]
    count: serde_json::Value,
}

/// Reads a file of figures.
///
/// # Errors
/// [`Error::InvalidRows`] for a file that cannot be read at all: too large, empty, not JSON
/// when it starts like JSON, a quote that never closes, or more than [`MAX_FIGURE_ROWS`] rows.
pub fn read_figures(text: &str) -> Result<Figures, Error> {
    if text.len() > MAX_FILE_BYTES {
        return Err(whole(
            None,
            format!(
                "the file is {:.1} MB; a file of figures may be at most {} MB",
                text.len() as f64 / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            ),
        ));
    }
    let text = spreadsheet::without_bom(text);
    if text.trim().is_empty() {
        return Err(whole(None, "the file is empty".into()));
    }
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') || trimmed.starts_with('{') {
        json_figures(text).map_err(|message| whole(None, message))
    } else {
        csv_figures(text)
    }
}

fn json_figures(text: &str) -> Result<Figures, String> {
    let records: Vec<Record> = serde_json::from_str(text).map_err(|e| {
        format!("the JSON does not read as a list of {{\"occupation\": …, \"count\": …}}: {e}")
    })?;
    if records.len() > MAX_FIGURE_ROWS {
        return Err(format!(
            "a file of figures may have at most {MAX_FIGURE_ROWS} rows"
        ));
    }
    let mut figures = Figures {
        rows: Vec::new(),
        problems: Vec::new(),
    };
    for (i, record) in records.into_iter().enumerate() {
        let row = i + 1;
        let occupation = match record.occupation {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        };
        let count = match &record.count {
            serde_json::Value::Number(n) => {
                n.as_f64().ok_or_else(|| format!("{n} is not a number"))
            }
            serde_json::Value::String(s) => {
                spreadsheet::number(s, b',').and_then(|n| n.ok_or_else(|| "is empty".to_owned()))
            }
            serde_json::Value::Null => Err("is missing".to_owned()),
            other => Err(format!("{} is not a number", shown(&other.to_string()))),
        };
        push(&mut figures, row, None, occupation, count);
    }
    Ok(figures)
}

/// The error for a file that cannot be read at all (at `line`, where known).
fn whole(line: Option<usize>, message: String) -> Error {
    Error::InvalidRows {
        file: "figures file",
        problems: vec![RowProblem {
            row: None,
            line,
            field: "file".into(),
            message,
        }],
    }
}

/// Header words of the column naming the job, and of the column of counts.
const JOB_WORDS: [&str; 4] = ["occupation", "job", "esco", "title"];
const COUNT_WORDS: [&str; 7] = [
    "count", "workers", "learners", "openings", "people", "number", "places",
];

fn csv_figures(text: &str) -> Result<Figures, Error> {
    let separator = spreadsheet::separator(text);
    if let Some(open) = spreadsheet::open_quote_in(text, separator) {
        return Err(whole(Some(open.line), open.message()));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let lines = spreadsheet::Lines::of(text);
    let mut records = reader.records();
    let mut figures = Figures {
        rows: Vec::new(),
        problems: Vec::new(),
    };
    // A header names its columns; without one the job is first and the count last.
    let mut job_column = 0;
    let mut count_column: Option<usize> = None;
    let mut first: Option<csv::StringRecord> = None;
    if let Some(record) = records.next() {
        let record = record.map_err(|e| whole(Some(1), format!("line 1 does not read: {e}")))?;
        let names: Vec<String> = record.iter().map(crate::text::fold).collect();
        let find = |words: &[&str]| {
            names
                .iter()
                .position(|n| words.iter().any(|w| n.contains(w)))
        };
        let (job, count) = (find(&JOB_WORDS), find(&COUNT_WORDS));
        let is_header = (job.is_some() || count.is_some())
            && record
                .iter()
                .all(|cell| spreadsheet::number(cell, separator).is_err() || cell.is_empty());
        if is_header {
            job_column = job.unwrap_or(0);
            count_column = count;
        } else {
            first = Some(record);
        }
    }
    let mut row = 0;
    for record in first.into_iter().map(Ok).chain(records) {
        row += 1;
        if row > MAX_FIGURE_ROWS {
            return Err(whole(
                None,
                format!("a file of figures may have at most {MAX_FIGURE_ROWS} rows"),
            ));
        }
        let record = record.map_err(|e| whole(None, format!("row {row} does not read: {e}")))?;
        let line = record.position().map(|p| lines.line_of(text, p.byte()));
        if record.iter().all(str::is_empty) {
            row -= 1; // a blank line is not a row
            continue;
        }
        let occupation = record.get(job_column).unwrap_or_default().to_owned();
        let count_at = count_column.unwrap_or_else(|| record.len().saturating_sub(1));
        let count = match record.get(count_at) {
            Some(cell) if count_at != job_column => spreadsheet::number(cell, separator)
                .and_then(|n| n.ok_or_else(|| "is empty".to_owned())),
            _ => Err("is missing".to_owned()),
        };
        push(&mut figures, row, line, occupation, count);
    }
    Ok(figures)
}

/// Adds a row, or its problem.
fn push(
    figures: &mut Figures,
    row: usize,
    line: Option<usize>,
    occupation: String,
    count: Result<f64, String>,
) {
    let problem = |field: &str, message: String| RowProblem {
        row: Some(row),
        line,
        field: field.to_owned(),
        message,
    };
    let chars = occupation.chars().count();
    if occupation.trim().is_empty() {
        figures
            .problems
            .push(problem("occupation", "is empty".into()));
    } else if chars > MAX_ID_CHARS {
        figures.problems.push(problem(
            "occupation",
            format!("has {chars} characters; at most {MAX_ID_CHARS} are read here"),
        ));
    } else {
        match count {
            Ok(n) if n.is_finite() && n >= 0.0 => figures.rows.push(FigureRow {
                row,
                line,
                occupation: occupation.trim().to_owned(),
                count: n,
            }),
            Ok(n) => figures.problems.push(problem(
                "count",
                format!("{n} is not a number of people, 0 or more"),
            )),
            Err(message) => figures.problems.push(problem("count", message)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_with_or_without_a_header_reads_and_bad_rows_are_listed() {
        let read =
            read_figures("job,workers\nwelder,\"1,200\"\nastronaut,x\n\nroofer,3\n").unwrap();
        assert_eq!(read.rows.len(), 2);
        assert_eq!(
            (read.rows[0].occupation.as_str(), read.rows[0].count),
            ("welder", 1200.0)
        );
        assert_eq!((read.rows[1].row, read.rows[1].line), (3, Some(5)));
        assert_eq!(read.problems.len(), 1);
        assert_eq!(
            read.problems[0].to_string(),
            "row 2 (line 3), count: \"x\" is not a number"
        );
        let plain = read_figures("welder,12\nroofer,3\n").unwrap();
        assert_eq!(plain.rows.len(), 2);
    }

    #[test]
    fn spreadsheet_exports_read_and_ambiguous_counts_are_refused() {
        let semicolons =
            read_figures("\u{feff}occupation;count\nwelder;1,5\nroofer;1,200\n").unwrap();
        assert_eq!(semicolons.rows[0].count, 1.5);
        assert!(semicolons.problems[0]
            .message
            .contains("could be a thousand"));
        let decimal = read_figures("job,count\nwelder,\"1,5\"\n").unwrap();
        assert!(decimal.problems[0].message.contains("write 1.5"));
        let tabs = read_figures("job\tcount\nwelder\t£40\n").unwrap();
        assert_eq!(tabs.rows[0].count, 40.0);
    }

    #[test]
    fn json_reads_and_files_that_cannot_be_read_are_refused() {
        let json = read_figures(r#"[{"occupation":"welder","count":7},{"occupation":"x","count":"lots"},{"occupation":"y"}]"#)
            .unwrap();
        assert_eq!(json.rows.len(), 1);
        assert_eq!(json.problems.len(), 2);
        for bad in ["", "[", "job,count\nwelder,\"12\nroofer,3\n"] {
            assert!(read_figures(bad).is_err(), "{bad:?}");
        }
        let many = format!("job,count\n{}", "welder,1\n".repeat(MAX_FIGURE_ROWS + 1));
        assert!(read_figures(&many)
            .unwrap_err()
            .to_string()
            .contains("at most 5000 rows"));
    }
}
