//! The project's own curated lists (`data/curated/`), each row with its source:
//!
//! - `green_occupations.csv`: the green jobs people recognise, with category, evidence and the
//!   publisher's page; the default definition of "green";
//! - `green_exclusions.csv`: every occupation the ESCO green-skills share calls green that the
//!   list leaves out, with the reason (the builder checks none is missing);
//! - `recognised_routes.csv`: moves industry bodies or programmes recognise, with the bridging
//!   courses;
//! - `uk_job_titles.csv`: everyday UK titles for ESCO occupations.
//!
//! Every URI must be an ESCO occupation of the dataset and every label its preferred label,
//! so a renamed or withdrawn concept is caught at build time.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use greenpath::classification::ESCO_GREEN_SHARE;
use greenpath::model::{
    Classification, Course, CourseId, GreenCategory, GreenJob, Occupation, OccupationId,
    RecognisedRoute,
};
use greenpath::text::fold;

use crate::error::BuildError;
use crate::raw::{RawDir, Row};
use crate::text;

const GREEN: &str = "green_occupations.csv";
const EXCLUSIONS: &str = "green_exclusions.csv";
const ROUTES: &str = "recognised_routes.csv";
const TITLES: &str = "uk_job_titles.csv";

/// Evidence and route texts are kept to this many characters.
const EVIDENCE_MAX: usize = 200;

/// What the curated lists held.
#[derive(Debug, Default)]
pub struct Stats {
    /// Green occupations by category.
    pub green_by_category: BTreeMap<&'static str, usize>,
    /// Exclusions by the definition that flagged them.
    pub exclusions: BTreeMap<String, usize>,
    /// Recognised routes.
    pub routes: usize,
    /// Moves the routes naming their origins make.
    pub route_pairs: usize,
    /// Occupations some route names as an origin.
    pub route_origins: usize,
    /// Routes open to any job.
    pub open_routes: usize,
    /// Curated UK titles kept, and those dropped because the occupation already has that name.
    pub titles: usize,
    /// Curated titles equal to a name the occupation already has.
    pub titles_already_named: usize,
}

/// Checks a row's ESCO occupation URI and label, returning the occupation's index.
fn occupation_at(
    row: &Row<'_>,
    uri: &str,
    label: Option<&str>,
    occupation_index: &HashMap<String, usize>,
    occupations: &[Occupation],
) -> Result<usize, BuildError> {
    let &index = occupation_index
        .get(uri)
        .ok_or_else(|| row.error(format!("{uri} is not an ESCO occupation of the dataset")))?;
    if let Some(label) = label {
        let label = text::squash_space(label);
        if label != occupations[index].label {
            return Err(row.error(format!(
                "label {label:?} is not the preferred label {:?} of {uri}",
                occupations[index].label
            )));
        }
    }
    Ok(index)
}

fn require_url(row: &Row<'_>, column: usize, name: &str) -> Result<String, BuildError> {
    let url = row.required(column, name)?;
    if url.starts_with("https://") || url.starts_with("http://") {
        Ok(url.to_owned())
    } else {
        Err(row.error(format!("{name} {url:?} is not an http(s) URL")))
    }
}

/// Reads the green list onto the occupations and checks the exclusions; returns the
/// classification's `meta` entry.
pub fn green(
    raw: &mut RawDir,
    occupation_index: &HashMap<String, usize>,
    occupations: &mut [Occupation],
    green_skills: &[bool],
    stats: &mut Stats,
) -> Result<Classification, BuildError> {
    let table = raw.own_table(GREEN)?;
    let [c_uri, c_label, c_category, c_evidence, c_source] = table.columns([
        "esco_uri",
        "esco_label",
        "category",
        "evidence",
        "source_url",
    ])?;
    for row in table.rows() {
        let uri = row.required(c_uri, "esco_uri")?;
        let index = occupation_at(
            &row,
            uri,
            Some(row.get(c_label)),
            occupation_index,
            occupations,
        )?;
        let key = row.required(c_category, "category")?;
        let category = GreenCategory::from_key(key).ok_or_else(|| {
            let known: Vec<&str> = GreenCategory::ALL.iter().map(|c| c.key()).collect();
            row.error(format!(
                "unknown category {key:?} (known: {})",
                known.join(", ")
            ))
        })?;
        let occupation = &mut occupations[index];
        if occupation.carbon.is_some() {
            return Err(row.error(format!(
                "{:?} is on the carbon-intensive list; it cannot be a green job",
                occupation.label
            )));
        }
        if occupation.green_job.is_some() {
            return Err(row.error(format!("{uri} is listed twice")));
        }
        occupation.green_job = Some(GreenJob {
            category,
            evidence: text::shorten(row.required(c_evidence, "evidence")?, EVIDENCE_MAX),
            source: require_url(&row, c_source, "source_url")?,
        });
        *stats.green_by_category.entry(category.key()).or_default() += 1;
    }

    // Every occupation the ESCO green-skills share calls green must be on the list or excluded
    // with a reason.
    let table = raw.own_table(EXCLUSIONS)?;
    let [c_uri, c_label, c_flagged, c_reason] =
        table.columns(["esco_uri", "esco_label", "flagged_by", "reason"])?;
    let mut excluded = BTreeSet::new();
    for row in table.rows() {
        let uri = row.required(c_uri, "esco_uri")?;
        let index = occupation_at(
            &row,
            uri,
            Some(row.get(c_label)),
            occupation_index,
            occupations,
        )?;
        row.required(c_reason, "reason")?;
        if occupations[index].green_job.is_some() {
            return Err(row.error(format!("{uri} is both on the green list and excluded")));
        }
        if !excluded.insert(index) {
            return Err(row.error(format!("{uri} is excluded twice")));
        }
        *stats
            .exclusions
            .entry(row.required(c_flagged, "flagged_by")?.to_owned())
            .or_default() += 1;
    }
    let missing: Vec<String> = occupations
        .iter()
        .enumerate()
        .filter(|(i, o)| {
            o.green_job.is_none() && !excluded.contains(i) && esco_green(o, green_skills)
        })
        .map(|(_, o)| o.label.clone())
        .collect();
    if !missing.is_empty() {
        return Err(BuildError::Invalid(vec![format!(
            "{}: the ESCO green-skills share calls these occupations green, but they are neither \
             on {} nor excluded with a reason: {}",
            crate::raw::own_path(EXCLUSIONS),
            crate::raw::own_path(GREEN),
            missing.join("; ")
        )]));
    }
    let coverage = occupations.iter().filter(|o| o.green_job.is_some()).count();
    Ok(Classification {
        key: "curatedGreenJobs".to_owned(),
        name: "Green jobs list".to_owned(),
        description: "Jobs people in the UK call green jobs: heat pumps and low-carbon heating, \
            solar, wind and other renewables, retrofit and insulation, electric vehicles, \
            electricity networks, nuclear, hydrogen, energy management, environment and \
            forestry. Each job names why it counts and the source."
            .to_owned(),
        source: format!(
            "List curated for greenpath ({}) from UK government, industry-body and \
             apprenticeship-standard pages, each occupation citing its own; the jobs other \
             definitions call green but this list leaves out are in {} with the reason",
            crate::raw::own_path(GREEN),
            crate::raw::own_path(EXCLUSIONS)
        ),
        licence: "Curated for this project from cited public sources; ESCO © European Union"
            .to_owned(),
        estimated: false,
        coverage: u32::try_from(coverage).unwrap_or(u32::MAX),
    })
}

/// Green under the ESCO green-skills share at its default threshold.
fn esco_green(occupation: &Occupation, green_skills: &[bool]) -> bool {
    if occupation.essential.is_empty() {
        return false;
    }
    let green = occupation
        .essential
        .iter()
        .filter(|&&s| green_skills[s as usize])
        .count();
    green as f32 / occupation.essential.len() as f32 >= ESCO_GREEN_SHARE
}

/// The recognised routes, with course ids resolved against the final catalogue.
pub fn routes(
    raw: &mut RawDir,
    occupation_index: &HashMap<String, usize>,
    occupations: &[Occupation],
    courses: &[Course],
    stats: &mut Stats,
) -> Result<Vec<RecognisedRoute>, BuildError> {
    let table = raw.own_table(ROUTES)?;
    let [c_id, c_origins, c_destinations, c_bridging, c_by, c_evidence, c_source] =
        table.columns([
            "id",
            "origin_uris",
            "destination_uris",
            "bridging_courses",
            "recognised_by",
            "evidence",
            "source_url",
        ])?;
    let course_ids: HashMap<&str, CourseId> = courses
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i as CourseId))
        .collect();
    let mut out = Vec::new();
    let mut origins_covered = BTreeSet::new();
    for row in table.rows() {
        let ends = |column: usize, name: &str| -> Result<Vec<OccupationId>, BuildError> {
            let mut list: Vec<OccupationId> = split(row.required(column, name)?)
                .map(|uri| {
                    occupation_at(&row, uri, None, occupation_index, occupations)
                        .map(|i| i as OccupationId)
                })
                .collect::<Result<_, _>>()?;
            list.sort_unstable();
            list.dedup();
            Ok(list)
        };
        let open = row.get(c_origins).trim() == "*";
        let origins = if open {
            Vec::new()
        } else {
            ends(c_origins, "origin_uris")?
        };
        let destinations = ends(c_destinations, "destination_uris")?;
        for &d in &destinations {
            let o = &occupations[d as usize];
            if o.carbon.is_some() || o.green_job.is_none() {
                return Err(row.error(format!(
                    "destination {:?} must be on the green list and not carbon-intensive",
                    o.label
                )));
            }
        }
        let bridging = split(row.get(c_bridging))
            .map(|id| {
                course_ids.get(id).copied().ok_or_else(|| {
                    row.error(format!("bridging course {id:?} is not in the catalogue"))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        stats.route_pairs += origins.len() * destinations.len();
        origins_covered.extend(origins.iter().copied());
        if open {
            stats.open_routes += 1;
        }
        out.push(RecognisedRoute {
            id: row.required(c_id, "id")?.to_owned(),
            open,
            origins,
            destinations,
            bridging,
            recognised_by: text::squash_space(row.required(c_by, "recognised_by")?),
            evidence: text::shorten(row.required(c_evidence, "evidence")?, EVIDENCE_MAX),
            source: require_url(&row, c_source, "source_url")?,
        });
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    if let Some(w) = out.windows(2).find(|w| w[0].id == w[1].id) {
        return Err(BuildError::Invalid(vec![format!(
            "{}: route id {:?} appears twice",
            crate::raw::own_path(ROUTES),
            w[0].id
        )]));
    }
    stats.routes = out.len();
    stats.route_origins = origins_covered.len();
    Ok(out)
}

/// The curated UK job titles onto their occupations.
pub fn titles(
    raw: &mut RawDir,
    occupation_index: &HashMap<String, usize>,
    occupations: &mut [Occupation],
    stats: &mut Stats,
) -> Result<(), BuildError> {
    let table = raw.own_table(TITLES)?;
    let [c_title, c_uri, c_label, c_source] =
        table.columns(["title", "esco_uri", "esco_label", "source_url"])?;
    let mut seen = BTreeSet::new();
    for row in table.rows() {
        let title = text::squash_space(row.required(c_title, "title")?);
        if !seen.insert(fold(&title)) {
            return Err(row.error(format!("title {title:?} is listed twice")));
        }
        require_url(&row, c_source, "source_url")?;
        let index = occupation_at(
            &row,
            row.required(c_uri, "esco_uri")?,
            Some(row.get(c_label)),
            occupation_index,
            occupations,
        )?;
        let occupation = &mut occupations[index];
        let folded = fold(&title);
        if occupation.names().any(|n| fold(n) == folded) {
            stats.titles_already_named += 1;
            continue;
        }
        occupation.uk_titles.push(title);
        stats.titles += 1;
    }
    for occupation in occupations.iter_mut() {
        occupation.uk_titles.sort();
    }
    Ok(())
}

fn split(text: &str) -> impl Iterator<Item = &str> {
    text.split(';').map(str::trim).filter(|u| !u.is_empty())
}
