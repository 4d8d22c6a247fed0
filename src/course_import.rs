//! A college's or council's own course list, from CSV or JSON, checked row by row.
//!
//! Rows name skills and occupations by ESCO id or URI (the UUID at the end of the URI is the
//! id) or by label (a skill's preferred label; an occupation's preferred or alternative label or
//! UK job title; case and punctuation aside), and kinds, funding and delivery in plain words. A
//! name not found is reported with the nearest names ("did you mean …"). Every problem is reported at once with
//! its row (and line, for CSV) and field, and nothing is loaded unless the whole list is good.
//!
//! The CSV header (any column order; `id` and `title` required, the rest optional; usual aliases
//! such as "Course code" or "Fee (£)" are understood, and other columns are left out):
//!
//! `id,title,provider,kind,level,weeks,cost,funding,delivery,prerequisites,requires,teaches,occupations,source,notes`
//!
//! `requires`, `teaches` and `occupations` hold several values separated by `;`.
//!
//! ```
//! use greenpath::course_import::{parse_courses, CourseFormat};
//! let csv = "id,title,weeks,teaches\nc1,Heat pumps,1,nope\nc2,,abc,\n";
//! # let json = br#"{"meta":{"schemaVersion":3,"escoVersion":"1.1.1","attribution":"ESCO",
//! #   "sources":[],"droppedRelations":0},"iscoGroups":[],"skillGroups":[],"skills":[],
//! #   "skillRelations":[],"occupations":[]}"#;
//! # let data = greenpath::Dataset::from_json(json)?;
//! let error = parse_courses(&data, csv, CourseFormat::Csv).unwrap_err().to_string();
//! assert!(error.contains("row 1 (line 2), teaches: \"nope\" is not an ESCO skill"));
//! assert!(error.contains("row 2 (line 3), weeks: \"abc\" is not a number"));
//! # Ok::<_, greenpath::Error>(())
//! ```

use std::collections::HashMap;

use serde::Deserialize;

use crate::course_rules::{check_courses, Reach};
use crate::dataset::Dataset;
use crate::error::Error;
use crate::limits::{
    shown, MAX_CELL_CHARS, MAX_FILE_BYTES, MAX_ITEMS_PER_CELL, MAX_LIST_ROWS, MAX_NAME_CHARS,
};
use crate::model::{Course, CourseKind, CourseLink, Delivery, Funding};
use crate::search::SearchIndex;
use crate::spreadsheet;
use crate::text::fold;

/// The text format of a course list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CourseFormat {
    /// Comma-separated, with a header row.
    Csv,
    /// A JSON array of objects with the same fields (lists as arrays).
    Json,
}

/// The columns a CSV may have.
const COLUMNS: [&str; 15] = [
    "id",
    "title",
    "provider",
    "kind",
    "level",
    "weeks",
    "cost",
    "funding",
    "delivery",
    "prerequisites",
    "requires",
    "teaches",
    "occupations",
    "source",
    "notes",
];

/// Where a row is in the file the person wrote: its number (from 1; the CSV header is not a row)
/// and, for CSV, its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Place {
    row: usize,
    line: Option<usize>,
}

/// Rows with where each is.
type Rows = Vec<(Place, Row)>;

/// One problem in a loaded file, said so that the person who wrote it can find it: the row (from
/// 1; none for the header or the file as a whole), the CSV line, the column and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RowProblem {
    /// The row, from 1 (the header is not a row); `None` for the header or the whole file.
    pub row: Option<usize>,
    /// The line of the file (CSV), where known.
    pub line: Option<usize>,
    /// The column (`weeks`), or `header`.
    pub field: String,
    /// What is wrong, naming the value as written.
    pub message: String,
}

impl RowProblem {
    fn at(place: Place, field: &str, message: String) -> RowProblem {
        RowProblem {
            row: Some(place.row),
            line: place.line,
            field: field.to_owned(),
            message,
        }
    }

    pub(crate) fn file(field: &str, message: String) -> RowProblem {
        RowProblem {
            row: None,
            line: None,
            field: field.to_owned(),
            message,
        }
    }
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.row, self.line) {
            (Some(row), Some(line)) => write!(f, "row {row} (line {line}), ")?,
            (Some(row), None) => write!(f, "row {row}, ")?,
            _ => {}
        }
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// One row as written, before checking.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
struct Row {
    id: String,
    title: String,
    provider: String,
    kind: String,
    level: Option<f64>,
    weeks: Option<f64>,
    cost: Option<f64>,
    funding: String,
    delivery: String,
    prerequisites: String,
    requires: Vec<String>,
    teaches: Vec<String>,
    occupations: Vec<String>,
    source: String,
    notes: String,
}

/// Parses and checks a course list against `data` (whose skills and occupations the rows name).
/// Courses a row `requires` must be in the same list.
///
/// # Errors
/// [`Error::InvalidRows`] listing every problem by row, line and field, or [`Error::Decode`]
/// when the text is not CSV or JSON at all.
pub fn parse_courses(
    data: &Dataset,
    text: &str,
    format: CourseFormat,
) -> Result<Vec<Course>, Error> {
    parse(data, text, format, false)
}

/// As [`parse_courses`], for courses to add to the catalogue of `data`: a course whose id the
/// catalogue already has is a problem of its row too.
///
/// # Errors
/// As [`parse_courses`].
pub fn parse_courses_to_add(
    data: &Dataset,
    text: &str,
    format: CourseFormat,
) -> Result<Vec<Course>, Error> {
    parse(data, text, format, true)
}

fn parse(
    data: &Dataset,
    text: &str,
    format: CourseFormat,
    add: bool,
) -> Result<Vec<Course>, Error> {
    if text.len() > MAX_FILE_BYTES {
        return Err(file_problem(format!(
            "the file is {:.1} MB; a course list may be at most {} MB",
            text.len() as f64 / 1_048_576.0,
            MAX_FILE_BYTES / 1_048_576
        )));
    }
    let text = spreadsheet::without_bom(text);
    if text.trim().is_empty() {
        return Err(file_problem("the file is empty".into()));
    }
    let (rows, mut problems) = match format {
        CourseFormat::Json => json_rows(text)?,
        CourseFormat::Csv => csv_rows(text)?,
    };
    if rows.is_empty() && problems.is_empty() {
        problems.push(RowProblem::file(
            "rows",
            "the course list has no rows".into(),
        ));
    }
    let ids: HashMap<&str, u32> = rows
        .iter()
        .enumerate()
        .map(|(i, (_, row))| (row.id.trim(), i as u32))
        .collect();
    let names = Names::new(data);
    let courses: Vec<Course> = rows
        .iter()
        .map(|(at, row)| course(data, &names, *at, row, &ids, &mut problems))
        .collect();
    // The same rules as the dataset's own courses, said by row.
    let reach = Reach {
        skills: data.skills().len(),
        courses: courses.len(),
        occupations: data.occupations().len(),
    };
    for p in check_courses(&courses, reach) {
        // Course i is row i: `courses` was built from `rows` one for one.
        if let Some(&(place, _)) = rows.get(p.course) {
            problems.push(RowProblem::at(place, p.column(), p.message.clone()));
        }
    }
    if add {
        for ((place, _), c) in rows.iter().zip(&courses) {
            if data.course_id(&c.id).is_some() {
                problems.push(RowProblem::at(
                    *place,
                    "id",
                    format!(
                        "{} is already a course of the catalogue; give your course another id, or use only your list",
                        shown(&c.id)
                    ),
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(courses)
    } else {
        Err(Error::InvalidRows {
            file: "course list",
            problems,
        })
    }
}

/// An error about the whole file.
fn file_problem(message: String) -> Error {
    Error::InvalidRows {
        file: "course list",
        problems: vec![RowProblem::file("file", message)],
    }
}

/// At most [`MAX_LIST_ROWS`] rows, counted while they are read (a huge array is refused
/// before it is all in memory).
struct BoundedRows(Vec<Row>);

impl<'de> Deserialize<'de> for BoundedRows {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = BoundedRows;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "a JSON array of courses")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<BoundedRows, A::Error> {
                let mut rows = Vec::new();
                while let Some(row) = seq.next_element::<Row>()? {
                    if rows.len() == MAX_LIST_ROWS {
                        return Err(serde::de::Error::custom(format!(
                            "a course list may have at most {MAX_LIST_ROWS} courses"
                        )));
                    }
                    rows.push(row);
                }
                Ok(BoundedRows(rows))
            }
        }
        deserializer.deserialize_seq(Visit)
    }
}

/// The rows of a JSON list, and the problems with cells too long to read (left empty).
fn json_rows(text: &str) -> Result<(Rows, Vec<RowProblem>), Error> {
    let BoundedRows(rows) = serde_json::from_str(text).map_err(|e| Error::Decode {
        message: format!("the course list is not a JSON array of courses: {e}"),
    })?;
    let mut problems = Vec::new();
    let rows = rows
        .into_iter()
        .enumerate()
        .map(|(i, mut row)| {
            let at = Place {
                row: i + 1,
                line: None,
            };
            let Row {
                id,
                title,
                provider,
                kind,
                funding,
                delivery,
                prerequisites,
                requires,
                teaches,
                occupations,
                source,
                notes,
                ..
            } = &mut row;
            let texts = [
                ("id", id),
                ("title", title),
                ("provider", provider),
                ("kind", kind),
                ("funding", funding),
                ("delivery", delivery),
                ("prerequisites", prerequisites),
                ("source", source),
                ("notes", notes),
            ];
            for (name, value) in texts {
                if let Some(problem) = cell_problem(name, value) {
                    problems.push(RowProblem::at(at, name, problem));
                    value.clear();
                }
            }
            for (name, list) in [
                ("requires", requires),
                ("teaches", teaches),
                ("occupations", occupations),
            ] {
                let joined = list.join(";");
                if let Some(problem) = cell_problem(name, &joined) {
                    problems.push(RowProblem::at(at, name, problem));
                    list.clear();
                }
            }
            (at, row)
        })
        .collect();
    Ok((rows, problems))
}

/// The rows of a CSV list, and the problems with numbers found while reading them.
fn csv_rows(text: &str) -> Result<(Rows, Vec<RowProblem>), Error> {
    let separator = spreadsheet::separator(text);
    if let Some(open) = spreadsheet::open_quote_in(text, separator) {
        let message = open.message();
        return Err(Error::InvalidRows {
            file: "course list",
            problems: vec![RowProblem {
                row: None,
                line: Some(open.line),
                field: "file".into(),
                message,
            }],
        });
    }
    let mut reader = csv::ReaderBuilder::new()
        // Rows with too few or too many cells are each a problem of their own (below), so that
        // every such row is named at once.
        .flexible(true)
        .delimiter(separator)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| Error::Decode {
            message: format!("the course list's header row could not be read: {e}"),
        })?
        .clone();
    let mut problems = Vec::new();
    // Each header to its column: the names above or a usual alias ("Course code", "Fee (£)");
    // columns of a college export that mean nothing here are left out (see `ignored_columns`).
    let columns: Vec<Option<&'static str>> = headers.iter().map(column_for).collect();
    for (i, column) in columns.iter().enumerate() {
        let Some(column) = column else { continue };
        let earlier = columns.get(..i).unwrap_or_default();
        if let Some(j) = earlier.iter().position(|c| c == &Some(*column)) {
            problems.push(RowProblem::file(
                "header",
                format!(
                    "{} and {} both give the {column:?} column; keep one",
                    shown(headers.get(j).unwrap_or_default()),
                    shown(headers.get(i).unwrap_or_default())
                ),
            ));
        }
    }
    for required in ["id", "title"] {
        if !columns.contains(&Some(required)) {
            problems.push(RowProblem::file(
                "header",
                format!("the column {required:?} is missing"),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(Error::InvalidRows {
            file: "course list",
            problems,
        });
    }
    let lines = spreadsheet::Lines::of(text);
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        if i == MAX_LIST_ROWS {
            return Err(file_problem(format!(
                "a course list may have at most {MAX_LIST_ROWS} courses; this one has more"
            )));
        }
        let record = record.map_err(|e| Error::Decode {
            message: format!("row {} of the course list: {e}", i + 1),
        })?;
        let at = Place {
            row: i + 1,
            line: record.position().map(|p| lines.line_of(text, p.byte())),
        };
        if record.len() != headers.len() {
            problems.push(RowProblem::at(
                at,
                "row",
                format!(
                    "{} cells where the header has {}: a separator missing or one too many (a cell holding {:?} needs quotes)",
                    record.len(),
                    headers.len(),
                    char::from(separator)
                ),
            ));
            continue;
        }
        let mut row = Row::default();
        for (column, value) in columns.iter().zip(record.iter()) {
            let Some(name) = *column else { continue };
            if let Some(problem) = cell_problem(name, value) {
                problems.push(RowProblem::at(at, name, problem));
                continue;
            }
            // In a semicolon-separated file a list cell separates its items with "|" or ";".
            let list = || -> Vec<String> {
                value
                    .split([';', '|'])
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(str::to_owned)
                    .collect()
            };
            let mut number = |field: &str| -> Option<f64> {
                match spreadsheet::number(value, separator) {
                    Ok(n) => n,
                    Err(message) => {
                        problems.push(RowProblem::at(at, field, message));
                        None
                    }
                }
            };
            match name {
                "id" => row.id = value.to_owned(),
                "title" => row.title = value.to_owned(),
                "provider" => row.provider = value.to_owned(),
                "kind" => row.kind = value.to_owned(),
                "level" => row.level = number("level"),
                "weeks" => row.weeks = number("weeks"),
                "cost" => row.cost = number("cost"),
                "funding" => row.funding = value.to_owned(),
                "delivery" => row.delivery = value.to_owned(),
                "prerequisites" => row.prerequisites = value.to_owned(),
                "requires" => row.requires = list(),
                "teaches" => row.teaches = list(),
                "occupations" => row.occupations = list(),
                "source" => row.source = value.to_owned(),
                _ => row.notes = value.to_owned(),
            }
        }
        rows.push((at, row));
    }
    Ok((rows, problems))
}

/// Why a cell cannot be read as it is: too long, too many items, or characters that were lost
/// when the file was decoded (it was not saved as UTF-8). `None` when it can.
fn cell_problem(column: &str, value: &str) -> Option<String> {
    let max = match column {
        "id" | "title" | "provider" => MAX_NAME_CHARS,
        _ => MAX_CELL_CHARS,
    };
    let chars = value.chars().count();
    if chars > max {
        return Some(format!("{chars} characters; at most {max} are read here"));
    }
    if matches!(column, "requires" | "teaches" | "occupations") {
        let items = value
            .split([';', '|'])
            .filter(|v| !v.trim().is_empty())
            .count();
        if items > MAX_ITEMS_PER_CELL {
            return Some(format!("{items} items; at most {MAX_ITEMS_PER_CELL}"));
        }
    }
    if value.contains('\u{fffd}') {
        return Some(format!(
            "{} has characters that could not be read: save the file as \"CSV UTF-8\" and load it again",
            shown(value)
        ));
    }
    None
}

/// Checks one row and builds its course, adding any problems found.
fn course(
    data: &Dataset,
    names: &Names,
    at: Place,
    row: &Row,
    ids: &HashMap<&str, u32>,
    problems: &mut Vec<RowProblem>,
) -> Course {
    // Empty ids and titles, ranges and cycles are the shared rules' (see `check_courses`).
    let mut problem = |field: &str, text: String| problems.push(RowProblem::at(at, field, text));
    let kind = match row
        .kind
        .trim()
        .to_lowercase()
        .replace([' ', '-', '_'], "")
        .as_str()
    {
        "" | "shortcourse" | "course" => CourseKind::ShortCourse,
        "qualification" => CourseKind::Qualification,
        "apprenticeship" => CourseKind::Apprenticeship,
        "bootcamp" | "skillsbootcamp" => CourseKind::Bootcamp,
        "degree" => CourseKind::Degree,
        _ => {
            problem(
                "kind",
                format!(
                    "{} is not one of short course, qualification, apprenticeship, bootcamp, degree",
                    shown(&row.kind)
                ),
            );
            CourseKind::ShortCourse
        }
    };
    let funding = match row
        .funding
        .trim()
        .to_lowercase()
        .replace([' ', '-', '_'], "")
        .as_str()
    {
        "" | "unknown" => Funding::Unknown,
        "free" => Funding::Free,
        "skillsbootcamp" | "bootcamp" => Funding::SkillsBootcamp,
        "apprenticeshiplevy" | "levy" => Funding::ApprenticeshipLevy,
        "grantpartfunded" | "grant" => Funding::GrantPartFunded,
        "employerfunded" | "employer" => Funding::EmployerFunded,
        "selffunded" | "self" => Funding::SelfFunded,
        _ => {
            problem("funding", format!("{} is not one of free, skills bootcamp, apprenticeship levy, grant part funded, employer funded, self funded, unknown", shown(&row.funding)));
            Funding::Unknown
        }
    };
    let delivery = match row.delivery.trim().to_lowercase().as_str() {
        "" | "unknown" => Delivery::Unknown,
        "classroom" => Delivery::Classroom,
        "online" => Delivery::Online,
        "blended" => Delivery::Blended,
        "workplace" => Delivery::Workplace,
        _ => {
            problem(
                "delivery",
                format!(
                    "{} is not one of classroom, online, blended, workplace, unknown",
                    shown(&row.delivery)
                ),
            );
            Delivery::Unknown
        }
    };
    let whole =
        |value: Option<f64>, field: &str, max: f64, problem: &mut dyn FnMut(&str, String)| {
            value.and_then(|v| {
                if v.is_finite() && v.fract() == 0.0 && (0.0..=max).contains(&v) {
                    Some(v as u32)
                } else {
                    problem(field, format!("{v} is not a whole number from 0 to {max}"));
                    None
                }
            })
        };
    let level = whole(row.level, "level", 8.0, &mut problem).map(|l| l as u8);
    let cost = whole(row.cost, "cost", 100_000.0, &mut problem);
    let weeks = row.weeks.map(|w| w as f32);
    let mut teaches: Vec<u32> = Vec::new();
    for value in &row.teaches {
        match data.skill_id(esco_id(value)).or_else(|| names.skill(value)) {
            Some(s) => teaches.push(s),
            None => problem(
                "teaches",
                format!(
                    "{} is not an ESCO skill of this dataset (by id, URI or label){}",
                    shown(value),
                    names.suggest_skills(data, value)
                ),
            ),
        }
    }
    teaches.sort_unstable();
    teaches.dedup();
    let mut occupations = Vec::new();
    for value in &row.occupations {
        match data
            .occupation_id(esco_id(value))
            .or_else(|| names.occupation(value))
        {
            Some(o) if !occupations.iter().any(|l: &CourseLink| l.0 == o) => {
                occupations.push(CourseLink(o, 1.0));
            }
            Some(_) => {}
            None => problem(
                "occupations",
                format!(
                    "{} is not an ESCO occupation of this dataset (by id, URI or label){}",
                    shown(value),
                    names.suggest_occupations(data, value)
                ),
            ),
        }
    }
    let mut requires = Vec::new();
    for value in &row.requires {
        match ids.get(value.trim()) {
            Some(&c) => requires.push(c),
            None => problem(
                "requires",
                format!("{} is not the id of a course in this list", shown(value)),
            ),
        }
    }
    Course {
        id: row.id.trim().to_owned(),
        title: row.title.trim().to_owned(),
        provider: row.provider.trim().to_owned(),
        kind,
        level,
        weeks,
        cost,
        max_funding: None,
        funding,
        delivery,
        prerequisites: row.prerequisites.trim().to_owned(),
        requires,
        teaches,
        occupations,
        source: row.source.trim().to_owned(),
        notes: row.notes.trim().to_owned(),
        // A college's or council's own course is taught where they are.
        areas: Vec::new(),
        available_in: String::new(),
    }
}

/// Usual names of the columns in a college's export, folded (see [`fold`]), by column.
const ALIASES: [(&str, &[&str]); 15] = [
    (
        "id",
        &[
            "course id",
            "course code",
            "code",
            "course ref",
            "reference",
        ],
    ),
    ("title", &["course title", "course name", "name", "course"]),
    (
        "provider",
        &["awarding body", "awarding organisation", "college"],
    ),
    ("kind", &["type", "course type"]),
    ("level", &["rqf level", "qualification level", "nvq level"]),
    (
        "weeks",
        &["duration weeks", "length weeks", "weeks full time"],
    ),
    (
        "cost",
        &[
            "fee",
            "fees",
            "price",
            "course fee",
            "tuition fee",
            "fee",
            "cost to learner",
        ],
    ),
    ("funding", &["funding type", "funded by", "funding route"]),
    (
        "delivery",
        &["delivery mode", "mode", "mode of study", "mode of delivery"],
    ),
    (
        "prerequisites",
        &["entry requirements", "entry criteria", "requirements"],
    ),
    (
        "requires",
        &[
            "requires courses",
            "prerequisite courses",
            "must first take",
        ],
    ),
    ("teaches", &["skills", "skills taught", "esco skills"]),
    (
        "occupations",
        &[
            "jobs",
            "target jobs",
            "job roles",
            "esco occupations",
            "leads to",
        ],
    ),
    (
        "source",
        &[
            "url",
            "link",
            "web page",
            "webpage",
            "course page",
            "website",
        ],
    ),
    ("notes", &["note", "comments", "comment"]),
];

/// The column a CSV header gives: one of the documented names or a usual alias, case, spaces
/// and punctuation aside ("Course code", "Fee (£)"). `None` for any other column.
fn column_for(header: &str) -> Option<&'static str> {
    let folded = fold(header);
    COLUMNS
        .iter()
        .copied()
        .find(|c| fold(c) == folded)
        .or_else(|| {
            ALIASES
                .iter()
                .find(|(_, names)| names.contains(&folded.as_str()))
                .map(|(column, _)| *column)
        })
}

/// The headers of a CSV course list that give no column (a college export's other columns),
/// as written. Empty for JSON or a header that cannot be read.
pub fn ignored_columns(text: &str, format: CourseFormat) -> Vec<String> {
    if format != CourseFormat::Csv {
        return Vec::new();
    }
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    match reader.headers() {
        Ok(headers) => headers
            .iter()
            .filter(|h| column_for(h).is_none())
            .map(str::to_owned)
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// Skills and occupations by the names people write: ESCO's preferred label of a skill; the
/// preferred or an alternative label, or a UK job title, of an occupation (case, accents and
/// punctuation aside). A name two records share is not used. Near misses come from the search
/// indexes, built only when a name is not found.
struct Names {
    skills: HashMap<String, Option<u32>>,
    occupations: HashMap<String, Option<u32>>,
    skill_index: std::cell::OnceCell<SearchIndex>,
    occupation_index: std::cell::OnceCell<SearchIndex>,
    /// Suggestions already found, by kind and folded name: a list naming the same unknown skill
    /// in every row asks once.
    suggested: std::cell::RefCell<HashMap<(bool, String), String>>,
}

/// How many different unknown names get "did you mean" suggestions in one list (each is a
/// fuzzy search of every name): enough to show the pattern, never a stall.
const MAX_SUGGESTED: usize = 25;

impl Names {
    fn new(data: &Dataset) -> Names {
        fn add(map: &mut HashMap<String, Option<u32>>, name: &str, id: u32) {
            map.entry(fold(name))
                .and_modify(|e| {
                    if *e != Some(id) {
                        *e = None; // shared by two records: ambiguous
                    }
                })
                .or_insert(Some(id));
        }
        let mut skills = HashMap::new();
        for (i, skill) in data.skills().iter().enumerate() {
            add(&mut skills, &skill.label, i as u32);
        }
        let mut occupations = HashMap::new();
        for (i, o) in data.occupations().iter().enumerate() {
            for name in std::iter::once(&o.label)
                .chain(&o.alt_labels)
                .chain(&o.uk_titles)
            {
                add(&mut occupations, name, i as u32);
            }
        }
        Names {
            skills,
            occupations,
            skill_index: std::cell::OnceCell::new(),
            occupation_index: std::cell::OnceCell::new(),
            suggested: std::cell::RefCell::new(HashMap::new()),
        }
    }

    /// The suggestion for `name` (a skill when `skill`), found once per name and for at most
    /// [`MAX_SUGGESTED`] names.
    fn suggestion(&self, skill: bool, name: &str, find: impl FnOnce() -> String) -> String {
        let key = (skill, fold(name));
        if let Some(known) = self.suggested.borrow().get(&key) {
            return known.clone();
        }
        if self.suggested.borrow().len() >= MAX_SUGGESTED {
            return String::new();
        }
        let found = find();
        self.suggested.borrow_mut().insert(key, found.clone());
        found
    }

    fn skill(&self, name: &str) -> Option<u32> {
        self.skills.get(&fold(name)).copied().flatten()
    }

    fn occupation(&self, name: &str) -> Option<u32> {
        self.occupations.get(&fold(name)).copied().flatten()
    }

    /// "; did you mean "install heat pump" or "…"?" for a skill name not found, or nothing.
    fn suggest_skills(&self, data: &Dataset, name: &str) -> String {
        self.suggestion(true, name, || {
            let index = self
                .skill_index
                .get_or_init(|| SearchIndex::for_skills(data));
            let hits = index.search(name, SUGGESTIONS);
            did_you_mean(hits.iter().map(|hit| data.skill(hit.item).label.clone()))
        })
    }

    /// As [`Names::suggest_skills`], for occupations.
    fn suggest_occupations(&self, data: &Dataset, name: &str) -> String {
        self.suggestion(false, name, || {
            let index = self.occupation_index.get_or_init(|| SearchIndex::new(data));
            let hits = index.search(name, SUGGESTIONS);
            did_you_mean(
                hits.iter()
                    .map(|hit| data.occupation(hit.item).label.clone()),
            )
        })
    }
}

/// How many near misses an unknown name suggests.
const SUGGESTIONS: usize = 3;

fn did_you_mean(labels: impl Iterator<Item = String>) -> String {
    let quoted: Vec<String> = labels.map(|l| format!("{l:?}")).collect();
    match quoted.len() {
        0 => String::new(),
        _ => format!("; did you mean {}?", quoted.join(" or ")),
    }
}

/// The ESCO id in `value`: the UUID at the end of a concept URI, or `value` itself.
fn esco_id(value: &str) -> &str {
    value.trim().rsplit('/').next().unwrap_or_default()
}
