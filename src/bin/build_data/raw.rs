//! Reading the raw folder: checksum verification against `SHA256SUMS`, and CSV tables whose
//! errors name the file, record and line.

use std::collections::BTreeMap;
use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use std::io::Cursor;

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use csv::StringRecord;
use greenpath::model::Source;
use sha2::{Digest, Sha256};

use crate::error::BuildError;

/// The raw data folder, with the checksums it promises and the files read so far; and the
/// project's own curated folder (`data/curated/`), whose files are committed with the project
/// and so need no separate checksum list (their checksums are recorded all the same).
pub struct RawDir {
    root: PathBuf,
    /// The project's curated folder.
    own: PathBuf,
    /// Expected SHA-256 (lowercase hex) by path relative to `root`.
    sums: BTreeMap<String, String>,
    /// Files read and verified, with their SHA-256.
    read: BTreeMap<String, String>,
}

impl RawDir {
    /// Opens `root` and parses its `SHA256SUMS`; `own` is the project's curated folder.
    pub fn open(root: &Path, own: &Path) -> Result<Self, BuildError> {
        if !root.is_dir() {
            return Err(BuildError::RawDirMissing(root.to_path_buf()));
        }
        let sums_path = root.join("SHA256SUMS");
        let text = fs::read_to_string(&sums_path).map_err(|source| BuildError::Io {
            path: sums_path.clone(),
            source,
        })?;
        Ok(Self {
            root: root.to_path_buf(),
            own: own.to_path_buf(),
            sums: parse_sums(&text)?,
            read: BTreeMap::new(),
        })
    }

    /// Reads `rel` (a path relative to the raw folder, `/`-separated) and checks its SHA-256
    /// against `SHA256SUMS`.
    pub fn read(&mut self, rel: &str) -> Result<Vec<u8>, BuildError> {
        let expected = self
            .sums
            .get(rel)
            .ok_or_else(|| BuildError::NotListed {
                file: rel.to_owned(),
            })?
            .clone();
        let path = self.root.join(rel);
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == ErrorKind::NotFound => {
                return Err(BuildError::Missing {
                    file: rel.to_owned(),
                    expected,
                })
            }
            Err(source) => return Err(BuildError::Io { path, source }),
        };
        let actual = sha256_hex(&bytes);
        if actual != expected {
            return Err(BuildError::Checksum {
                file: rel.to_owned(),
                expected,
                actual,
            });
        }
        self.read.insert(rel.to_owned(), actual);
        Ok(bytes)
    }

    /// Reads and parses a CSV file of the project's curated folder (`name` is the file name),
    /// recording its checksum under `project:data/curated/<name>`.
    pub fn own_table(&mut self, name: &str) -> Result<Table, BuildError> {
        let path = self.own.join(name);
        let bytes = fs::read(&path).map_err(|source| BuildError::Io {
            path: path.clone(),
            source,
        })?;
        let rel = own_path(name);
        self.read.insert(rel.clone(), sha256_hex(&bytes));
        Table::parse(&rel, &bytes, false)
    }

    /// Reads, verifies and parses a CSV file with a header row; every record must have as
    /// many fields as the header.
    pub fn table(&mut self, rel: &str) -> Result<Table, BuildError> {
        let bytes = self.read(rel)?;
        Table::parse(rel, &bytes, false)
    }

    /// Like [`RawDir::table`], but records may be shorter than the header (missing trailing
    /// fields read as blank), as in ESCO's `skillsHierarchy_en.csv`.
    pub fn ragged_table(&mut self, rel: &str) -> Result<Table, BuildError> {
        let bytes = self.read(rel)?;
        Table::parse(rel, &bytes, true)
    }

    /// Reads and verifies an `.xlsx` workbook and returns the worksheet named `sheet`.
    pub fn sheet(&mut self, rel: &str, sheet: &str) -> Result<Sheet, BuildError> {
        let bytes = self.read(rel)?;
        Sheet::parse(rel, &bytes, sheet)
    }

    /// Every file read so far with its checksum, sorted by path.
    pub fn sources(&self) -> Vec<Source> {
        self.read
            .iter()
            .map(|(path, sha256)| Source {
                path: path.clone(),
                sha256: sha256.clone(),
            })
            .collect()
    }
}

/// How a file of the project's curated folder is named in errors and in `meta.sources`.
pub fn own_path(name: &str) -> String {
    format!("project:data/curated/{name}")
}

/// Lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest.iter() {
        // Writing to a String cannot fail.
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// Parses `sha256sum` output: `<64 hex>  ./path` (a `*` before the path marks binary mode).
fn parse_sums(text: &str) -> Result<BTreeMap<String, String>, BuildError> {
    let mut sums = BTreeMap::new();
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = |message: String| BuildError::Sums {
            line: line_no,
            message,
        };
        let (hash, path) = line
            .split_once(char::is_whitespace)
            .ok_or_else(|| bad(format!("expected `<sha256>  <path>`, found {line:?}")))?;
        if hash.len() != 64 || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad(format!("{hash:?} is not a 64-digit hex SHA-256")));
        }
        let path = path.trim_start();
        let path = path.strip_prefix('*').unwrap_or(path);
        let path = path.strip_prefix("./").unwrap_or(path);
        if path.is_empty() {
            return Err(bad("no file name after the checksum".to_owned()));
        }
        if sums
            .insert(path.to_owned(), hash.to_ascii_lowercase())
            .is_some()
        {
            return Err(bad(format!("{path} is listed twice")));
        }
    }
    Ok(sums)
}

/// A parsed CSV file: its header and records.
pub struct Table {
    file: String,
    headers: Vec<String>,
    records: Vec<StringRecord>,
}

impl Table {
    /// Parses CSV `bytes` (header row first); `file` names the file in errors. `ragged`
    /// allows records with fewer or more fields than the header.
    pub fn parse(file: &str, bytes: &[u8], ragged: bool) -> Result<Self, BuildError> {
        let csv_error = |error: csv::Error| BuildError::Csv {
            file: file.to_owned(),
            message: error.to_string(),
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(ragged)
            .from_reader(bytes);
        let headers = reader
            .headers()
            .map_err(csv_error)?
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').trim().to_owned())
            .collect();
        let records = reader
            .records()
            .collect::<Result<Vec<_>, _>>()
            .map_err(csv_error)?;
        Ok(Self {
            file: file.to_owned(),
            headers,
            records,
        })
    }

    /// The positions of the named columns, or an error naming the first one missing.
    pub fn columns<const N: usize>(&self, names: [&str; N]) -> Result<[usize; N], BuildError> {
        let mut out = [0; N];
        for (slot, name) in out.iter_mut().zip(names) {
            *slot = self.headers.iter().position(|h| h == name).ok_or_else(|| {
                BuildError::MissingColumn {
                    file: self.file.clone(),
                    column: name.to_owned(),
                }
            })?;
        }
        Ok(out)
    }

    /// The data records, in file order.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.records.iter().map(|record| Row {
            file: &self.file,
            record,
        })
    }
}

/// One data record of a [`Table`].
pub struct Row<'a> {
    file: &'a str,
    record: &'a StringRecord,
}

impl<'a> Row<'a> {
    /// The trimmed field at `column` ("" when absent).
    pub fn get(&self, column: usize) -> &'a str {
        self.record.get(column).unwrap_or("").trim()
    }

    /// The trimmed field at `column`, or an error `missing <name>` when blank.
    pub fn required(&self, column: usize, name: &str) -> Result<&'a str, BuildError> {
        let value = self.get(column);
        if value.is_empty() {
            Err(self.error(format!("missing {name}")))
        } else {
            Ok(value)
        }
    }

    /// An error about this record.
    pub fn error(&self, message: String) -> BuildError {
        let (record, line) = self
            .record
            .position()
            .map_or((0, 0), |p| (p.record(), p.line()));
        BuildError::Record {
            file: self.file.to_owned(),
            record,
            line,
            message,
        }
    }
}

/// A spreadsheet cell, reduced to what the builder reads.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// No value.
    Empty,
    /// A number (Excel keeps integers and decimals alike).
    Number(f64),
    /// Text, trimmed; other kinds of cell (dates, booleans, errors) as Excel shows them.
    Text(String),
}

impl Cell {
    fn from_data(data: &Data) -> Self {
        match data {
            Data::Empty => Cell::Empty,
            Data::Int(i) => Cell::Number(*i as f64),
            Data::Float(f) => Cell::Number(*f),
            Data::String(text) if text.trim().is_empty() => Cell::Empty,
            Data::String(text) => Cell::Text(text.trim().to_owned()),
            other => Cell::Text(other.to_string()),
        }
    }

    /// The cell as text: integers without a decimal point, blank for empty cells.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Text(text) => text.clone(),
        }
    }
}

/// One worksheet of an `.xlsx` workbook, its rows kept with their spreadsheet row numbers so
/// errors can name them.
pub struct Sheet {
    file: String,
    name: String,
    /// (1-based spreadsheet row, cells from column A).
    rows: Vec<(u32, Vec<Cell>)>,
}

impl Sheet {
    /// Opens the workbook in `bytes` (`file` names it in errors) and reads the worksheet `name`.
    pub fn parse(file: &str, bytes: &[u8], name: &str) -> Result<Self, BuildError> {
        let error = |sheet: &str, message: String| BuildError::Sheet {
            file: file.to_owned(),
            sheet: sheet.to_owned(),
            row: 0,
            message,
        };
        let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
            .map_err(|e| error("", format!("not a readable .xlsx workbook: {e}")))?;
        let range = workbook
            .worksheet_range(name)
            .map_err(|e| error(name, format!("cannot read the worksheet: {e}")))?;
        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, cells)| {
                let mut row: Vec<Cell> = vec![Cell::Empty; first_column as usize];
                row.extend(cells.iter().map(Cell::from_data));
                (first_row + u32::try_from(i).unwrap_or(u32::MAX) + 1, row)
            })
            .collect();
        Ok(Self {
            file: file.to_owned(),
            name: name.to_owned(),
            rows,
        })
    }

    /// Every row, with its 1-based spreadsheet row number, for sheets whose layout
    /// [`Sheet::table`] does not fit (headers outside column A).
    pub fn rows(&self) -> impl Iterator<Item = (u32, &[Cell])> + '_ {
        self.rows
            .iter()
            .map(|(row, cells)| (*row, cells.as_slice()))
    }

    /// The table whose header row is the first row with `first` in column A: the header's
    /// cells name the columns, and every later row with a value in it is a record.
    pub fn table(&self, first: &str) -> Result<SheetTable<'_>, BuildError> {
        let at = self
            .rows
            .iter()
            .position(|(_, cells)| cells.first().is_some_and(|c| c.text() == first))
            .ok_or_else(|| BuildError::Sheet {
                file: self.file.clone(),
                sheet: self.name.clone(),
                row: 0,
                message: format!("no header row starting with {first:?}"),
            })?;
        let headers = self.rows[at].1.iter().map(Cell::text).collect();
        let records = self.rows[at + 1..]
            .iter()
            .filter(|(_, cells)| cells.iter().any(|c| *c != Cell::Empty))
            .collect();
        Ok(SheetTable {
            sheet: self,
            header_row: self.rows[at].0,
            headers,
            records,
        })
    }
}

/// A table inside a [`Sheet`]: its header and records.
pub struct SheetTable<'a> {
    sheet: &'a Sheet,
    header_row: u32,
    headers: Vec<String>,
    records: Vec<&'a (u32, Vec<Cell>)>,
}

impl<'a> SheetTable<'a> {
    /// The column headers, in order.
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// The positions of the named columns, or an error naming the first one missing.
    pub fn columns<const N: usize>(&self, names: [&str; N]) -> Result<[usize; N], BuildError> {
        let mut out = [0; N];
        for (slot, name) in out.iter_mut().zip(names) {
            *slot =
                self.headers
                    .iter()
                    .position(|h| h == name)
                    .ok_or_else(|| BuildError::Sheet {
                        file: self.sheet.file.clone(),
                        sheet: self.sheet.name.clone(),
                        row: self.header_row,
                        message: format!("header has no column {name:?}"),
                    })?;
        }
        Ok(out)
    }

    /// The records, in sheet order.
    pub fn rows(&self) -> impl Iterator<Item = SheetRow<'a>> + '_ {
        self.records.iter().map(|(row, cells)| SheetRow {
            sheet: self.sheet,
            row: *row,
            cells,
        })
    }
}

/// One record of a [`SheetTable`].
pub struct SheetRow<'a> {
    sheet: &'a Sheet,
    row: u32,
    cells: &'a [Cell],
}

impl SheetRow<'_> {
    /// The cell at `column` (empty when absent).
    pub fn cell(&self, column: usize) -> &Cell {
        self.cells.get(column).unwrap_or(&Cell::Empty)
    }

    /// The cell at `column` as text, or an error `missing <name>` when blank.
    pub fn required(&self, column: usize, name: &str) -> Result<String, BuildError> {
        let text = self.cell(column).text();
        if text.is_empty() {
            Err(self.error(format!("missing {name}")))
        } else {
            Ok(text)
        }
    }

    /// The finite number at `column` (a number cell, or text holding one), or an error
    /// naming the field.
    pub fn number(&self, column: usize, name: &str) -> Result<f64, BuildError> {
        let value = match self.cell(column) {
            Cell::Number(n) => Some(*n),
            Cell::Text(text) => text.parse::<f64>().ok(),
            Cell::Empty => return Err(self.error(format!("missing {name}"))),
        };
        value.filter(|n| n.is_finite()).ok_or_else(|| {
            self.error(format!(
                "{name} {:?} is not a number",
                self.cell(column).text()
            ))
        })
    }

    /// An error about this row.
    pub fn error(&self, message: String) -> BuildError {
        BuildError::Sheet {
            file: self.sheet.file.clone(),
            sheet: self.sheet.name.clone(),
            row: self.row,
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_lines_parse_with_and_without_dot_slash() {
        let hash = "a".repeat(64);
        let text = format!("{hash}  ./esco/a.csv\n{hash} *b.csv\n\n");
        let sums = parse_sums(&text).unwrap();
        assert_eq!(sums.get("esco/a.csv"), Some(&hash));
        assert_eq!(sums.get("b.csv"), Some(&hash));
    }

    #[test]
    fn bad_sums_line_names_the_line() {
        let err = parse_sums("xyz  ./a.csv\n").unwrap_err().to_string();
        assert!(err.starts_with("SHA256SUMS line 1:"), "{err}");
    }

    #[test]
    fn record_errors_name_file_record_and_line() {
        let table = Table::parse("t.csv", b"a,b\n1,2\n\"x\ny\",\n", false).unwrap();
        let [b] = table.columns(["b"]).unwrap();
        let row = table.rows().nth(1).unwrap();
        let err = row.required(b, "b").unwrap_err().to_string();
        assert_eq!(err, "t.csv record 2 (line 3): missing b");
        let err = table.columns(["c"]).unwrap_err().to_string();
        assert_eq!(err, "t.csv: header has no column \"c\"");
    }

    #[test]
    fn a_broken_workbook_is_named_in_the_error() {
        let err = Sheet::parse("ons/x.xlsx", b"not a zip", "Sheet1")
            .err()
            .unwrap()
            .to_string();
        assert!(
            err.starts_with("ons/x.xlsx: not a readable .xlsx workbook"),
            "{err}"
        );
    }

    #[test]
    fn cells_read_as_text_without_spurious_decimals() {
        assert_eq!(Cell::Number(5241.0).text(), "5241");
        assert_eq!(Cell::Number(0.5).text(), "0.5");
        assert_eq!(Cell::Text("2019".to_owned()).text(), "2019");
        assert_eq!(Cell::Empty.text(), "");
    }

    #[test]
    fn sha256_of_empty_input() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
