//! The course catalogue: the curated green courses (`curated/green_courses_uk.csv`) and the
//! IfATE apprenticeship standards (`ifate-standards-2021/standards.json`), one record per route.
//!
//! - **Curated rows** keep their id, skills taught (ESCO URIs → skill ids) and target
//!   occupations (confidence 1.0). Their cost is the price to the learner only where the row's
//!   `cost_basis` says the figure is one (`published_price`, `free_to_learner`); a funding band
//!   (`funding_band_max`) goes to `maxFunding`; a grant value (`grant_value`) is not a price and
//!   is left to the notes.
//! - **Standards** become `ifate-<larsCode>` apprenticeships: level, `maxFunding`, duration
//!   (months × 52/12, to 0.1 week), the page URL as source, no skills (the core derives them from
//!   the linked occupations) and links to ESCO occupations found by name ([`crate::link`]).
//! - **Duplicates**: a curated row whose source URL is a standard's page (or whose title, less
//!   "apprenticeship standard", is a standard's title) is that standard. One record is kept, under
//!   the curated id, with the curated skills, occupations, funding, delivery, prerequisites and
//!   notes, the standard's official title and provider, and the curated level, duration and
//!   funding cap where given, else the standard's.
//!
//! Order: the curated rows in file order, then the other standards by title.

use std::collections::{BTreeMap, HashMap, HashSet};

use greenpath::model::{
    Course, CourseId, CourseKind, CourseLink, Delivery, Funding, Occupation, SkillId,
    COURSE_LINK_THRESHOLD,
};
use greenpath::text::fold;
use serde::Deserialize;

use crate::error::BuildError;
use crate::link::{round2, Found, Linker, Names};
use crate::raw::{RawDir, Row, Table};
use crate::text;

const STANDARDS: &str = "ifate-standards-2021/standards.json";
const CURATED: &str = "curated/green_courses_uk.csv";
/// The project's own curated courses (bridging training the recognised routes name that the
/// shared list lacks), in the same columns.
const EXTRA: &str = "courses_extra.csv";
/// The project's list of courses open only to people in some areas, under `data/curated/`.
const AREAS: &str = "course_areas.csv";
/// England's NUTS1 regions: an apprenticeship standard (IfATE) is England's; Scotland, Wales
/// and Northern Ireland run their own apprenticeships.
const ENGLAND: [&str; 9] = [
    "UKC", "UKD", "UKE", "UKF", "UKG", "UKH", "UKI", "UKJ", "UKK",
];
/// The provider of every apprenticeship standard.
pub const STANDARD_PROVIDER: &str = "Apprenticeship standard (IfATE)";
/// The id prefix of a standard's course.
const STANDARD_ID_PREFIX: &str = "ifate-";

/// Prerequisites that clearly name another catalogue course: (course, required course, words
/// its published prerequisites must contain). The build stops if a row changes so that the
/// words are no longer there.
const REQUIRES: [(&str, &str, &str); 1] = [("imi_ev_l3", "imi_ev_l2", "IMI EV Level 2")];

/// What the course step read, merged and linked, for the summary and the README.
#[derive(Debug, Default)]
pub struct Stats {
    /// Rows of the curated lists kept.
    pub curated_rows: usize,
    /// Curated rows left out because they name no source page.
    pub without_source: Vec<String>,
    /// Standards in `standards.json`.
    pub standards_read: usize,
    /// Curated rows merged with a standard: (curated id, larsCode, matched by URL?).
    pub merged: Vec<(String, u32, bool)>,
    /// Fields where a merged curated row and its standard disagree: (curated id, field,
    /// curated, standard).
    pub merge_differences: Vec<(String, &'static str, String, String)>,
    /// Standards closed to new starts.
    pub closed_to_starts: usize,
    /// Curated costs by basis.
    pub cost_basis: BTreeMap<String, usize>,
    /// Curated courses by kind.
    pub curated_kinds: BTreeMap<String, usize>,
    /// Standards (not merged) with at least one link.
    pub standards_linked: usize,
    /// Standards (not merged) with a link at or above the threshold.
    pub standards_above_threshold: usize,
    /// Links of standards (not merged), by confidence band.
    pub links_by_band: BTreeMap<String, usize>,
    /// Best links of standards (not merged), by kind of evidence.
    pub best_by_evidence: BTreeMap<&'static str, usize>,
    /// Merged standards: links the linker would have made at or above the threshold, and how
    /// many of them are curated target occupations.
    pub check_links: usize,
    /// Of `check_links`, links to a curated target.
    pub check_agree: usize,
    /// Merged standards whose curated targets include one the linker found at or above the
    /// threshold.
    pub check_standards_found: usize,
    /// Merged standards the linker linked at or above the threshold at all.
    pub check_standards_linked: usize,
    /// Links at or above the threshold the linker made for merged standards that are not
    /// curated targets: (curated id, occupation label, confidence).
    pub check_disagree: Vec<(String, String, f32)>,
    /// A sample of links for checking by eye, 10 at or above the threshold and 10 below:
    /// (standard title, occupation label, confidence, evidence).
    pub sample: Vec<(String, String, f32, String)>,
    /// Prerequisite links (course id, required course id).
    pub requires: Vec<(String, String)>,
    /// Skill links of curated courses.
    pub skills_taught: usize,
    /// Courses open only in some areas (`course_areas.csv`).
    pub area_bound: usize,
    /// Apprenticeship standards for England (IfATE), open only there.
    pub england_only: usize,
}

/// `standards.json`: `{"list": [...]}`.
#[derive(Deserialize)]
struct StandardsFile {
    list: Vec<RawStandard>,
}

/// One standard: only the fields used (provider and assessment fields are placeholders).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawStandard {
    lars_code: u32,
    title: String,
    level: u8,
    max_funding: u32,
    /// Months.
    typical_duration: u32,
    #[serde(default)]
    keywords: Vec<String>,
    #[serde(default)]
    job_roles: Vec<String>,
    #[serde(default)]
    typical_job_titles: Vec<String>,
    standard_page_url: String,
    #[serde(default)]
    last_date_starts: String,
}

/// Everything needed to turn URIs into ids.
pub struct Context<'a> {
    /// Occupation URI → index.
    pub occupation_index: &'a HashMap<String, usize>,
    /// Skill URI → id.
    pub skill_index: &'a HashMap<&'a str, SkillId>,
    /// The occupations, in their final order.
    pub occupations: &'a [Occupation],
}

/// Reads both sources and builds the catalogue.
pub fn build(
    raw: &mut RawDir,
    context: &Context<'_>,
    stats: &mut Stats,
) -> Result<Vec<Course>, BuildError> {
    let standards = read_standards(raw)?;
    stats.standards_read = standards.len();
    stats.closed_to_starts = standards
        .iter()
        .filter(|s| !s.last_date_starts.trim().is_empty())
        .count();
    let mut curated = read_curated(raw.table(CURATED)?, context, stats)?;
    curated.extend(read_curated(raw.own_table(EXTRA)?, context, stats)?);
    stats.curated_rows = curated.len();
    let linker = Linker::new(context.occupations);

    // Duplicates: by page URL, else by title.
    let by_url: HashMap<String, usize> = standards
        .iter()
        .enumerate()
        .map(|(i, s)| (url_key(&s.standard_page_url), i))
        .collect();
    let by_title: HashMap<String, usize> = standards
        .iter()
        .enumerate()
        .map(|(i, s)| (fold(&s.title), i))
        .collect();
    let mut merged_standards: HashSet<usize> = HashSet::new();
    let mut courses = Vec::with_capacity(curated.len() + standards.len());
    for course in curated {
        let by_url_hit = by_url.get(&url_key(&course.source)).copied();
        let title_key = fold(&course.title);
        let title_key = title_key
            .strip_suffix(" apprenticeship standard")
            .unwrap_or(&title_key);
        let hit = by_url_hit
            .map(|i| (i, true))
            .or_else(|| by_title.get(title_key).map(|&i| (i, false)));
        let Some((index, via_url)) = hit else {
            courses.push(course);
            continue;
        };
        if !merged_standards.insert(index) {
            return Err(BuildError::Invalid(vec![format!(
                "{CURATED}: {} is the second curated row for the standard {:?}",
                course.id, standards[index].title
            )]));
        }
        let standard = &standards[index];
        stats
            .merged
            .push((course.id.clone(), standard.lars_code, via_url));
        check_merged_standard(&linker, standard, &course, context.occupations, stats);
        courses.push(merge(course, standard, stats));
    }

    // The other standards, by title.
    let mut rest: Vec<&RawStandard> = standards
        .iter()
        .enumerate()
        .filter(|(i, _)| !merged_standards.contains(i))
        .map(|(_, s)| s)
        .collect();
    rest.sort_by_cached_key(|s| (fold(&s.title), s.lars_code));
    let mut all_links: Vec<(&str, Found)> = Vec::new();
    for standard in rest {
        let found = linker.link(&names(standard));
        record_links(&found, stats);
        let links = found.iter().map(|f| f.link).collect();
        for f in found {
            all_links.push((standard.title.as_str(), f));
        }
        courses.push(standard_course(standard, links));
    }
    // For checking by eye: 10 links at or above the threshold, 10 below, evenly spaced.
    let (strong, weak): (Vec<_>, Vec<_>) = all_links
        .into_iter()
        .partition(|(_, f)| f.link.1 >= COURSE_LINK_THRESHOLD);
    stats.sample = sample(&strong, context.occupations, 10);
    stats.sample.extend(sample(&weak, context.occupations, 10));

    resolve_requires(&mut courses, stats)?;
    for course in &mut courses {
        if is_english_standard(course) {
            course.areas = ENGLAND.iter().map(|&p| p.to_owned()).collect();
            course.available_in = "England".to_owned();
            stats.england_only += 1;
        }
    }
    read_areas(raw.own_table(AREAS)?, &mut courses, stats)?;
    let mut ids = HashSet::new();
    if let Some(course) = courses.iter().find(|c| !ids.insert(c.id.as_str())) {
        return Err(BuildError::Invalid(vec![format!(
            "course id {} appears twice",
            course.id
        )]));
    }
    Ok(courses)
}

/// A URL compared without scheme, case or trailing slash.
fn url_key(url: &str) -> String {
    let url = url.trim().to_lowercase();
    let url = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(&url);
    url.trim_end_matches('/').to_owned()
}

fn names(standard: &RawStandard) -> Names<'_> {
    Names {
        title: &standard.title,
        jobs: standard
            .typical_job_titles
            .iter()
            .chain(&standard.job_roles)
            .map(String::as_str)
            .collect(),
        keywords: &standard.keywords,
    }
}

/// Weeks from months (× 52/12), to 0.1.
fn weeks_from_months(months: u32) -> f32 {
    ((f64::from(months) * 52.0 / 12.0 * 10.0).round() / 10.0) as f32
}

/// "01/06/2020" → "1 June 2020"; other text as given.
fn long_date(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<&str> = date.split('/').collect();
    if let [day, month, year] = parts[..] {
        if let (Ok(day), Ok(month)) = (day.parse::<u32>(), month.parse::<usize>()) {
            if let Some(name) = month.checked_sub(1).and_then(|m| MONTHS.get(m)) {
                return format!("{day} {name} {year}");
            }
        }
    }
    date.to_owned()
}

/// The note a standard closed to new starts carries.
fn closed_note(standard: &RawStandard) -> Option<String> {
    let date = standard.last_date_starts.trim();
    (!date.is_empty()).then(|| {
        format!(
            "Closed to new starts from {} (IfATE, July 2021).",
            long_date(date)
        )
    })
}

fn standard_course(standard: &RawStandard, occupations: Vec<CourseLink>) -> Course {
    Course {
        id: format!("{STANDARD_ID_PREFIX}{}", standard.lars_code),
        title: text::squash_space(&standard.title),
        provider: STANDARD_PROVIDER.to_owned(),
        kind: CourseKind::Apprenticeship,
        level: Some(standard.level),
        weeks: Some(weeks_from_months(standard.typical_duration)),
        cost: None,
        max_funding: Some(standard.max_funding),
        funding: Funding::ApprenticeshipLevy,
        delivery: Delivery::Workplace,
        prerequisites: String::new(),
        requires: Vec::new(),
        teaches: Vec::new(),
        occupations,
        source: standard.standard_page_url.trim().to_owned(),
        notes: closed_note(standard).unwrap_or_default(),
        areas: Vec::new(),
        available_in: String::new(),
    }
}

/// The merged record of a curated row and its standard.
fn merge(curated: Course, standard: &RawStandard, stats: &mut Stats) -> Course {
    let from_standard = standard_course(standard, Vec::new());
    let mut differ = |field: &'static str, a: String, b: String| {
        if a != b {
            stats
                .merge_differences
                .push((curated.id.clone(), field, a, b));
        }
    };
    let show = |v: Option<String>| v.unwrap_or_else(|| "—".to_owned());
    differ(
        "level",
        show(curated.level.map(|l| l.to_string())),
        show(from_standard.level.map(|l| l.to_string())),
    );
    differ(
        "weeks",
        show(curated.weeks.map(|w| w.to_string())),
        show(from_standard.weeks.map(|w| w.to_string())),
    );
    differ(
        "maxFunding",
        show(curated.max_funding.map(|w| w.to_string())),
        show(from_standard.max_funding.map(|w| w.to_string())),
    );
    let mut notes = curated.notes.clone();
    if let Some(closed) = closed_note(standard) {
        notes = text::shorten(&format!("{closed} {notes}"), text::NOTES_MAX);
    }
    Course {
        id: curated.id,
        title: from_standard.title,
        provider: from_standard.provider,
        kind: CourseKind::Apprenticeship,
        level: curated.level.or(from_standard.level),
        weeks: curated.weeks.or(from_standard.weeks),
        cost: curated.cost,
        max_funding: curated.max_funding.or(from_standard.max_funding),
        funding: curated.funding,
        delivery: curated.delivery,
        prerequisites: curated.prerequisites,
        requires: Vec::new(),
        teaches: curated.teaches,
        occupations: curated.occupations,
        source: from_standard.source,
        notes,
        areas: Vec::new(),
        available_in: String::new(),
    }
}

/// For a merged standard, how the linker's links compare with the curated target occupations
/// (a check of the linker against hand-made links).
fn check_merged_standard(
    linker: &Linker,
    standard: &RawStandard,
    curated: &Course,
    occupations: &[Occupation],
    stats: &mut Stats,
) {
    let targets: HashSet<u32> = curated.occupations.iter().map(|l| l.0).collect();
    let strong: Vec<CourseLink> = linker
        .link(&names(standard))
        .iter()
        .filter(|f| f.link.1 >= COURSE_LINK_THRESHOLD)
        .map(|f| f.link)
        .collect();
    stats.check_links += strong.len();
    for link in strong.iter().filter(|l| !targets.contains(&l.0)) {
        let label = occupations
            .get(link.0 as usize)
            .map_or_else(String::new, |o| o.label.clone());
        stats
            .check_disagree
            .push((curated.id.clone(), label, link.1));
    }
    let agree = strong.iter().filter(|l| targets.contains(&l.0)).count();
    stats.check_agree += agree;
    if !strong.is_empty() {
        stats.check_standards_linked += 1;
    }
    if agree > 0 {
        stats.check_standards_found += 1;
    }
}

fn record_links(found: &[Found], stats: &mut Stats) {
    if !found.is_empty() {
        stats.standards_linked += 1;
    }
    if found.iter().any(|f| f.link.1 >= COURSE_LINK_THRESHOLD) {
        stats.standards_above_threshold += 1;
    }
    if let Some(best) = found.first() {
        *stats
            .best_by_evidence
            .entry(best.evidence.kind())
            .or_default() += 1;
    }
    for f in found {
        let band = match f.link.1 {
            c if c >= 0.9 => "0.9–1.0",
            c if c >= 0.8 => "0.8–0.89",
            c if c >= 0.7 => "0.7–0.79",
            c if c >= COURSE_LINK_THRESHOLD => "0.6–0.69",
            c if c >= 0.5 => "0.5–0.59",
            c if c >= 0.4 => "0.4–0.49",
            _ => "0.3–0.39",
        };
        *stats.links_by_band.entry(band.to_owned()).or_default() += 1;
    }
}

/// Every `len / n`-th link (in catalogue order), for checking by eye.
fn sample(
    links: &[(&str, Found)],
    occupations: &[Occupation],
    n: usize,
) -> Vec<(String, String, f32, String)> {
    if links.is_empty() {
        return Vec::new();
    }
    let step = (links.len() / n).max(1);
    links
        .iter()
        .step_by(step)
        .take(n)
        .map(|(title, found)| {
            let label = occupations
                .get(found.link.0 as usize)
                .map_or_else(String::new, |o| o.label.clone());
            (
                (*title).to_owned(),
                label,
                found.link.1,
                found.evidence.describe(),
            )
        })
        .collect()
}

/// Fills `requires` from [`REQUIRES`], checking each against the published prerequisites.
fn resolve_requires(courses: &mut [Course], stats: &mut Stats) -> Result<(), BuildError> {
    let index: HashMap<String, CourseId> = courses
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), CourseId::try_from(i).unwrap_or(CourseId::MAX)))
        .collect();
    for (course, required, words) in REQUIRES {
        let (Some(&at), Some(&needed)) = (index.get(course), index.get(required)) else {
            return Err(BuildError::Invalid(vec![format!(
                "{CURATED}: the prerequisite link {course} → {required} names a course that is not in the catalogue"
            )]));
        };
        let entry = &mut courses[at as usize];
        if !entry.prerequisites.contains(words) {
            return Err(BuildError::Invalid(vec![format!(
                "{CURATED}: {course}'s prerequisites {:?} no longer mention {words:?}; review the prerequisite link to {required}",
                entry.prerequisites
            )]));
        }
        entry.requires.push(needed);
        stats
            .requires
            .push((course.to_owned(), required.to_owned()));
    }
    Ok(())
}

/// An apprenticeship standard of England's Institute for Apprenticeships and Technical
/// Education: one of the standards file, or a curated row for one (its source is IfATE's page).
fn is_english_standard(course: &Course) -> bool {
    course.kind == CourseKind::Apprenticeship
        && (course.id.starts_with(STANDARD_ID_PREFIX)
            || course.source.contains("instituteforapprenticeships.org"))
}

/// Where the courses of `course_areas.csv` can be taken: NUTS prefixes (`UKG3`, `UKL`,
/// `UKM50`), the same in words, and the evidence from the course's own source.
fn read_areas(table: Table, courses: &mut [Course], stats: &mut Stats) -> Result<(), BuildError> {
    let [c_id, c_prefixes, c_where, c_evidence, c_source] = table.columns([
        "course_id",
        "nuts_prefixes",
        "where",
        "evidence",
        "source_url",
    ])?;
    let index: HashMap<String, usize> = courses
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();
    for row in table.rows() {
        let id = row.required(c_id, "course_id")?;
        let &at = index
            .get(id)
            .ok_or_else(|| row.error(format!("course {id:?} is not in the catalogue")))?;
        let prefixes: Vec<String> = split_uris(row.required(c_prefixes, "nuts_prefixes")?)
            .map(str::to_owned)
            .collect();
        for p in &prefixes {
            let ok = p.len() >= 3
                && p.len() <= 5
                && p.starts_with("UK")
                && p[2..3].chars().all(|c| ('C'..='N').contains(&c))
                && p[3..].chars().all(|c| c.is_ascii_digit());
            if !ok {
                return Err(row.error(format!(
                    "{p:?} is not a UK NUTS code or prefix (UKC to UKN, then digits)"
                )));
            }
        }
        row.required(c_evidence, "evidence")?;
        let source = row.required(c_source, "source_url")?;
        if !is_url(source) {
            return Err(row.error(format!("source_url {source:?} is not an http(s) URL")));
        }
        let course = &mut courses[at];
        if !course.areas.is_empty() {
            return Err(row.error(format!("course {id:?} is listed twice")));
        }
        course.areas = prefixes;
        course.available_in = text::squash_space(row.required(c_where, "where")?);
        stats.area_bound += 1;
    }
    Ok(())
}

fn read_standards(raw: &mut RawDir) -> Result<Vec<RawStandard>, BuildError> {
    let bytes = raw.read(STANDARDS)?;
    let file: StandardsFile = serde_json::from_slice(&bytes).map_err(|e| BuildError::Json {
        file: STANDARDS.to_owned(),
        message: e.to_string(),
    })?;
    let mut seen = HashSet::new();
    for (i, standard) in file.list.iter().enumerate() {
        let bad = |message: String| BuildError::Json {
            file: STANDARDS.to_owned(),
            message: format!(
                "list[{i}] (larsCode {}, {:?}): {message}",
                standard.lars_code, standard.title
            ),
        };
        if !seen.insert(standard.lars_code) {
            return Err(bad("larsCode appears twice".to_owned()));
        }
        if standard.title.trim().is_empty() {
            return Err(bad("missing title".to_owned()));
        }
        if !(1..=8).contains(&standard.level) {
            return Err(bad(format!("level {} is outside 1–8", standard.level)));
        }
        if standard.typical_duration == 0 || standard.typical_duration > 72 {
            return Err(bad(format!(
                "typicalDuration {} months is outside 1–72",
                standard.typical_duration
            )));
        }
        if standard.max_funding == 0 || standard.max_funding > 100_000 {
            return Err(bad(format!(
                "maxFunding {} is outside 1–100000",
                standard.max_funding
            )));
        }
        if !is_url(&standard.standard_page_url) {
            return Err(bad(format!(
                "standardPageUrl {:?} is not an http(s) URL",
                standard.standard_page_url
            )));
        }
    }
    Ok(file.list)
}

fn is_url(text: &str) -> bool {
    let text = text.trim();
    text.starts_with("https://") || text.starts_with("http://")
}

/// The curated rows as courses (no `requires` yet). A row without a source page is left out
/// (every curated row must name its source) and counted.
fn read_curated(
    table: Table,
    context: &Context<'_>,
    stats: &mut Stats,
) -> Result<Vec<Course>, BuildError> {
    let [c_id, c_title, c_provider, c_level, c_weeks, c_cost, c_funding, c_delivery, c_prereq, c_occupations, c_skills, c_source, c_notes, c_basis] =
        table.columns([
            "id",
            "title",
            "provider_or_awarding_body",
            "level",
            "duration_weeks",
            "typical_cost_gbp",
            "funding_type",
            "delivery",
            "prerequisites",
            "target_esco_occupation_uris",
            "skills_taught_esco_uris",
            "source_url",
            "notes",
            "cost_basis",
        ])?;
    let mut out = Vec::new();
    for row in table.rows() {
        let id = row.required(c_id, "id")?.to_owned();
        if row.get(c_source).trim().is_empty() {
            stats.without_source.push(id);
            continue;
        }
        let title = text::squash_space(row.required(c_title, "title")?);
        let funding = parse_funding(&row, row.get(c_funding))?;
        let level = match row.get(c_level) {
            "" => None,
            text => match text.parse::<u8>() {
                Ok(level) if (1..=8).contains(&level) => Some(level),
                _ => return Err(row.error(format!("level {text:?} is not an RQF level 1–8"))),
            },
        };
        let weeks = match row.get(c_weeks) {
            "" => None,
            text => match text.parse::<f64>() {
                Ok(w) if w.is_finite() && w > 0.0 && w <= 312.0 => {
                    Some(((w * 10.0).round() / 10.0) as f32)
                }
                _ => {
                    return Err(row.error(format!(
                        "duration_weeks {text:?} is not a duration of 0–312 weeks"
                    )))
                }
            },
        };
        let kind = curated_kind(&title, funding, level);
        *stats.curated_kinds.entry(format!("{kind:?}")).or_default() += 1;
        let (cost, max_funding) = parse_cost(&row, row.get(c_cost), row.get(c_basis), stats)?;
        let delivery = match row.get(c_delivery) {
            "classroom" => Delivery::Classroom,
            "online" => Delivery::Online,
            "blended" => Delivery::Blended,
            "work-based" => Delivery::Workplace,
            "" => Delivery::Unknown,
            other => return Err(row.error(format!("unknown delivery {other:?}"))),
        };
        let prerequisites = match text::squash_space(row.get(c_prereq)) {
            // "Unknown" is not a published requirement.
            p if p == "Unknown" => String::new(),
            p => text::shorten(&p, text::PREREQUISITES_MAX),
        };
        let mut occupations = Vec::new();
        for uri in split_uris(row.get(c_occupations)) {
            let &index = context.occupation_index.get(uri).ok_or_else(|| {
                row.error(format!("target occupation {uri} is not an ESCO occupation"))
            })?;
            let link = CourseLink(u32::try_from(index).unwrap_or(u32::MAX), round2(1.0));
            if !occupations.contains(&link) {
                occupations.push(link);
            }
        }
        occupations.sort_by_key(|l| l.0);
        let mut teaches: Vec<SkillId> = split_uris(row.get(c_skills))
            .map(|uri| {
                context.skill_index.get(uri).copied().ok_or_else(|| {
                    row.error(format!(
                        "skill {uri} is not an ESCO skill of any occupation in the dataset"
                    ))
                })
            })
            .collect::<Result<_, _>>()?;
        teaches.sort_unstable();
        teaches.dedup();
        stats.skills_taught += teaches.len();
        let source = row.required(c_source, "source_url")?.to_owned();
        if !is_url(&source) {
            return Err(row.error(format!("source_url {source:?} is not an http(s) URL")));
        }
        let provider = text::squash_space(row.required(c_provider, "provider_or_awarding_body")?);
        out.push(Course {
            id,
            title,
            provider,
            kind,
            level,
            weeks,
            cost,
            max_funding,
            funding,
            delivery,
            prerequisites,
            requires: Vec::new(),
            teaches,
            occupations,
            source,
            notes: text::course_notes(row.get(c_notes)),
            areas: Vec::new(),
            available_in: String::new(),
        });
    }
    Ok(out)
}

fn split_uris(text: &str) -> impl Iterator<Item = &str> {
    text.split(';').map(str::trim).filter(|u| !u.is_empty())
}

fn parse_funding(row: &Row<'_>, text: &str) -> Result<Funding, BuildError> {
    Ok(match text {
        "apprenticeship_levy" => Funding::ApprenticeshipLevy,
        "skills_bootcamp_free" => Funding::SkillsBootcamp,
        "grant_part_funded" => Funding::GrantPartFunded,
        "free" => Funding::Free,
        "self_funded" => Funding::SelfFunded,
        "employer_funded" => Funding::EmployerFunded,
        "unknown" | "" => Funding::Unknown,
        other => {
            return Err(row.error(format!(
                "funding_type {other:?} has no Funding value (known: apprenticeship_levy, skills_bootcamp_free, grant_part_funded, free, self_funded, employer_funded, unknown)"
            )))
        }
    })
}

/// (cost to the learner, funding band cap) from the cost and its basis.
fn parse_cost(
    row: &Row<'_>,
    cost: &str,
    basis: &str,
    stats: &mut Stats,
) -> Result<(Option<u32>, Option<u32>), BuildError> {
    *stats.cost_basis.entry(basis.to_owned()).or_default() += 1;
    let amount = match cost {
        "" => None,
        text => match text.parse::<f64>() {
            Ok(v) if (0.0..=100_000.0).contains(&v) && v.fract() == 0.0 => {
                // Whole and within range after the check above.
                Some(v as u32)
            }
            _ => {
                return Err(row.error(format!(
                    "typical_cost_gbp {text:?} is not a whole number of pounds up to 100000"
                )))
            }
        },
    };
    Ok(match (basis, amount) {
        (_, None) => (None, None),
        ("published_price" | "free_to_learner", Some(v)) => (Some(v), None),
        ("funding_band_max", Some(v)) => (None, Some(v)),
        // The grant is not the price (it is a lower bound); the notes say so.
        ("grant_value", Some(_)) => (None, None),
        (other, Some(v)) => {
            return Err(row.error(format!(
                "typical_cost_gbp {v} has cost_basis {other:?}; expected published_price, free_to_learner, funding_band_max or grant_value"
            )))
        }
    })
}

/// The kind of a curated route, from its funding, title and level, in this order:
/// apprenticeships (levy funding or "apprenticeship" in the title); Skills Bootcamps; short
/// courses for licences, accreditations, recognition schemes and anything called a course or
/// training; qualifications for awards, certificates, diplomas, NVQs and anything with an RQF
/// level (in the title or the level column); short courses for the rest.
fn curated_kind(title: &str, funding: Funding, level: Option<u8>) -> CourseKind {
    const SHORT: [&str; 5] = ["licence", "accreditation", "passport", "course", "training"];
    const QUALIFICATION: [&str; 6] = [
        "award",
        "certificate",
        "diploma",
        "nvq",
        "qualification",
        "level",
    ];
    let words: Vec<String> = greenpath::text::words(title);
    let has = |w: &&str| words.iter().any(|x| x == w);
    if funding == Funding::ApprenticeshipLevy || has(&"apprenticeship") {
        CourseKind::Apprenticeship
    } else if funding == Funding::SkillsBootcamp || has(&"bootcamp") {
        CourseKind::Bootcamp
    } else if SHORT.iter().any(has) {
        CourseKind::ShortCourse
    } else if QUALIFICATION.iter().any(has) || level.is_some() {
        CourseKind::Qualification
    } else {
        CourseKind::ShortCourse
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_from_months_round_to_a_tenth() {
        assert_eq!(weeks_from_months(36), 156.0);
        assert_eq!(weeks_from_months(14), 60.7);
        assert_eq!(weeks_from_months(18), 78.0);
    }

    #[test]
    fn urls_compare_without_scheme_case_or_trailing_slash() {
        assert_eq!(
            url_key("https://www.Example.org/a/"),
            url_key("http://www.example.org/a")
        );
    }

    #[test]
    fn dates_read_long() {
        assert_eq!(long_date("01/06/2020"), "1 June 2020");
        assert_eq!(long_date("soon"), "soon");
        assert_eq!(long_date("01/13/2020"), "01/13/2020");
    }

    #[test]
    fn kinds_follow_funding_title_and_level() {
        use CourseKind::*;
        let cases = [
            (
                "Arborist apprenticeship standard",
                Funding::Unknown,
                None,
                Apprenticeship,
            ),
            (
                "Retrofit Skills Bootcamp",
                Funding::SkillsBootcamp,
                None,
                Bootcamp,
            ),
            (
                "IMI irtec Large EV Technician licence",
                Funding::EmployerFunded,
                None,
                ShortCourse,
            ),
            (
                "Skills Training: courses (NVQ or equivalent)",
                Funding::Free,
                None,
                ShortCourse,
            ),
            (
                "City & Guilds Level 3 Award in X",
                Funding::Unknown,
                Some(3),
                Qualification,
            ),
            (
                "City & Guilds 2921-31 Design and installation",
                Funding::SelfFunded,
                Some(3),
                Qualification,
            ),
            (
                "GWO Basic Safety Training",
                Funding::SelfFunded,
                None,
                ShortCourse,
            ),
            (
                "Energy Skills Passport",
                Funding::Unknown,
                None,
                ShortCourse,
            ),
        ];
        for (title, funding, level, kind) in cases {
            assert_eq!(curated_kind(title, funding, level), kind, "{title}");
        }
    }
}
