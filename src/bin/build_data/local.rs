//! The local picture (`local.bin`): workers in carbon-intensive occupations by NUTS3 area and
//! demand for green jobs scaled to each area. See [`greenpath::local`] and `data/README.md`.
//!
//! Workers: ONS APS 2019 employment by SOC 2010 unit group × NUTS3 area. Each SOC group's
//! workers are split between the ISCO-08 unit groups the derived crosswalk links to it (the
//! same links the classifications use), weighted 1/rank² so the modal group takes most. For
//! industrial jobs only the SOC group's share working in the category's own industries counts
//! (UK, from the same survey's occupation × industry sheet), split between the ISCO group's
//! occupations of that category whose names share words with the SOC title (equally when none
//! do); heating and vehicle trades burn fossil fuel in their
//! own equipment, so each of their occupations gets its equal part of its ISCO group. Cells ONS
//! suppressed as too small count as 0 and are reported.
//!
//! Demand: the project's choice of published figures (`data/curated/local_demand.csv`), each
//! checked against its row in `uk-demand/green_demand_uk.csv`, scaled to an ITL2 region by its
//! share of the figure's geography's employment in the family's industries (BRES 2021).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use greenpath::local::{Area, AtRisk, DemandFamily, LocalPicture, Region};
use greenpath::model::{DataFile, OccupationId};

use crate::classify;
use crate::error::BuildError;
use crate::raw::{Cell, RawDir};

const APS: &str = "ons/4digitoccupationbyvariousfactorsjd19.xlsx";
const APS_SHEET: &str = "4-digit occ. by NUTS3";
const APS_INDUSTRY_SHEET: &str = "4-digit occ. by 4-digit Ind.";
const BRES: &str = "uk-regional/ITL2_BRES_employment_2digitSIC_2015_2021.csv";
const BRES_YEAR: &str = "2021.0";
const DEMAND: &str = "uk-demand/green_demand_uk.csv";
const CHOICE: &str = "local_demand.csv";

/// Categories where the job's own equipment burns fossil fuel whatever the industry.
const EQUIPMENT_CATEGORIES: [&str; 2] = ["fossil_heating", "ice_vehicles"];

/// What the builder found, for its summary.
#[derive(Debug, Default)]
pub struct LocalStats {
    /// Areas read.
    pub areas: usize,
    /// SOC groups read.
    pub soc_groups: usize,
    /// Survey cells suppressed.
    pub suppressed_cells: usize,
    /// Carbon-intensive occupations with workers somewhere.
    pub occupations_with_workers: usize,
    /// Estimated workers at risk, all areas.
    pub workers: u64,
    /// Demand families.
    pub families: usize,
}

/// Builds the local picture for `data` (whose fingerprint is `dataset`).
pub fn build(
    raw: &mut RawDir,
    data: &DataFile,
    dataset: u64,
) -> Result<(LocalPicture, LocalStats), BuildError> {
    let mut stats = LocalStats::default();
    let (soc_links, _) = classify::read_soc_links(raw, &mut classify::Stats::default())?;
    let survey = read_survey(raw, &mut stats)?;
    let industry_shares = read_industry_shares(raw)?;
    let regions_bres = read_bres(raw)?;
    let families = read_families(raw, data)?;
    stats.families = families.len();

    // SOC group → the ISCO groups linked to it, each with its share of the SOC group's
    // workers: weights 1/rank² normalised, so the modal ISCO group (rank 1 in the coding index)
    // takes most and a group the SOC group mentions second or later takes a little (an equal
    // split once sent half of Hull's "elementary process plant" workers to mining).
    let mut linked: BTreeMap<&str, Vec<(&str, f64)>> = BTreeMap::new();
    for (isco, (rank, socs)) in &soc_links {
        let weight = 1.0 / (*rank as f64).powi(2);
        for soc in socs {
            linked
                .entry(soc.as_str())
                .or_default()
                .push((isco.as_str(), weight));
        }
    }
    let isco_of_soc: BTreeMap<&str, Vec<(&str, f64)>> = linked
        .into_iter()
        .map(|(soc, iscos)| {
            let total: f64 = iscos.iter().map(|(_, w)| w).sum();
            (
                soc,
                iscos.into_iter().map(|(i, w)| (i, w / total)).collect(),
            )
        })
        .collect();
    // ISCO group → how many ESCO occupations it has, and its carbon-intensive ones by category.
    let mut per_isco: HashMap<&str, usize> = HashMap::new();
    let mut siblings: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (o, occupation) in data.occupations.iter().enumerate() {
        *per_isco.entry(occupation.isco.as_str()).or_default() += 1;
        if let Some(c) = &occupation.carbon {
            siblings
                .entry((occupation.isco.as_str(), c.category.as_str()))
                .or_default()
                .push(o);
        }
    }
    // For each carbon-intensive occupation: (SOC group, weight) pairs feeding it.
    let mut feeds: Vec<(OccupationId, Vec<(usize, f64)>)> = Vec::new();
    for (o, occupation) in data.occupations.iter().enumerate() {
        let Some(carbon) = &occupation.carbon else {
            continue;
        };
        let all_of_it = EQUIPMENT_CATEGORIES.contains(&carbon.category.as_str());
        let mut weights = Vec::new();
        for (s, soc) in survey.socs.iter().enumerate() {
            let Some(iscos) = isco_of_soc.get(soc.as_str()) else {
                continue;
            };
            let Some(&(_, soc_share)) = iscos.iter().find(|(i, _)| *i == occupation.isco) else {
                continue;
            };
            // Equipment trades: the whole group works with it, and the occupation gets its
            // equal part of the ISCO group. Industrial: the SOC group's share working in the
            // category's own industries (a fitter in a steelworks is not a mining mechanic),
            // split between the ISCO group's occupations of that category.
            let isco = occupation.isco.as_str();
            let category = carbon.category.as_str();
            let (share, part) = if all_of_it {
                (1.0, 1.0 / per_isco[isco] as f64)
            } else {
                (
                    industry_shares
                        .get(soc.as_str())
                        .and_then(|shares| shares.get(category))
                        .copied()
                        .unwrap_or(0.0),
                    name_part(data, o, &siblings[&(isco, category)], &survey.titles[s]),
                )
            };
            if share > 0.0 && part > 0.0 {
                weights.push((s, share * soc_share * part));
            }
        }
        if !weights.is_empty() {
            feeds.push((o as OccupationId, weights));
        }
    }

    let regions: Vec<Region> = regions_bres
        .iter()
        .map(|(code, (name, _))| Region {
            code: code.clone(),
            name: name.clone(),
            shares: families
                .iter()
                .map(|f| region_share(&regions_bres, code, f))
                .collect(),
        })
        .collect();
    let mut with_workers = BTreeSet::new();
    let areas = survey
        .areas
        .iter()
        .enumerate()
        .map(|(a, (code, name))| {
            let column = &survey.cells[a];
            let mut at_risk = Vec::new();
            for (o, weights) in &feeds {
                let mut workers = 0.0;
                let mut suppressed = 0u16;
                for &(s, w) in weights {
                    match column[s] {
                        Count::Number(n) => workers += n * w,
                        Count::Suppressed => suppressed = suppressed.saturating_add(1),
                        Count::Zero => {}
                    }
                }
                let workers = workers.round() as u32;
                if workers > 0 || suppressed > 0 {
                    if workers > 0 {
                        with_workers.insert(*o);
                    }
                    stats.workers += u64::from(workers);
                    at_risk.push(AtRisk {
                        occupation: *o,
                        workers,
                        suppressed,
                    });
                }
            }
            at_risk.sort_by(|x, y| {
                y.workers
                    .cmp(&x.workers)
                    .then_with(|| x.occupation.cmp(&y.occupation))
            });
            let employment = column
                .iter()
                .map(|c| match c {
                    Count::Number(n) => *n,
                    _ => 0.0,
                })
                .sum::<f64>()
                .round() as u32;
            let region = regions
                .iter()
                .position(|r| code.starts_with(&r.code))
                .map(|r| r as u16);
            Area {
                code: code.clone(),
                name: name.clone(),
                region,
                employment,
                at_risk,
            }
        })
        .collect();
    stats.occupations_with_workers = with_workers.len();
    let picture = LocalPicture {
        dataset,
        areas,
        regions,
        families,
        workers_method: WORKERS_METHOD.into(),
        demand_method: DEMAND_METHOD.into(),
    };
    Ok((picture, stats))
}

const WORKERS_METHOD: &str = "Estimate. ONS Annual Population Survey, January to December 2019: \
people in work by SOC 2010 occupation and NUTS3 area. Each SOC group is split between the \
ISCO-08 groups the derived SOC-ISCO crosswalk links to it, most to its usual (modal) group. For \
industrial jobs, only the share of the SOC group working in the job's own industries counts (UK \
figures from the same survey: oil, gas and coal extraction for extraction jobs, chemicals, \
cement, glass and metals for heavy industry, and so on), split between the ISCO group's jobs of \
that kind whose names share words with the SOC title (equally when none do). Heating and vehicle trades burn fossil fuel in their own \
equipment whatever the industry: each of their occupations gets its equal part of its ISCO \
group. \
ONS suppresses small estimates: those count as 0, so real numbers are higher where cells are \
marked suppressed.";

const DEMAND_METHOD: &str = "Estimate. A published UK (or GB or England) figure for each family \
of green jobs, scaled to the region by its share of employment in the family's industries (ONS \
Business Register and Employment Survey 2021, ITL2 regions) and to the area by its share of the \
region's employment (APS 2019), then split equally between the family's occupations. Northern \
Ireland has no industry figures here: its areas get UK figures by their share of all \
employment.";

/// Words of a SOC title or a job name that say nothing about the job.
const FILLER_WORDS: [&str; 12] = [
    "and",
    "of",
    "the",
    "n",
    "e",
    "c",
    "nec",
    "other",
    "related",
    "occupations",
    "elementary",
    "in",
];

/// Content words, singular ("drivers" → "driver").
fn content_words(text: &str) -> BTreeSet<String> {
    greenpath::text::words(text)
        .into_iter()
        .filter(|w| !FILLER_WORDS.contains(&w.as_str()))
        .map(|w| match w.strip_suffix('s') {
            Some(stem) if stem.len() > 2 => stem.to_owned(),
            _ => w,
        })
        .collect()
}

/// Occupation `o`'s part of its ISCO group's share for one SOC group: split between the group's
/// occupations of the same kind whose names (preferred or alternative) share words with the
/// SOC title, by how many they share; equally when none does. ("Large goods vehicle drivers"
/// go to cargo vehicle and moving truck drivers, not aircraft fuel system operators.)
fn name_part(data: &DataFile, o: usize, siblings: &[usize], soc_title: &str) -> f64 {
    let title = content_words(soc_title);
    let overlap = |i: usize| -> usize {
        let occupation = &data.occupations[i];
        let mut names = content_words(&occupation.label);
        for alt in &occupation.alt_labels {
            names.extend(content_words(alt));
        }
        names.intersection(&title).count()
    };
    let total: usize = siblings.iter().map(|&i| overlap(i)).sum();
    if total == 0 {
        1.0 / siblings.len() as f64
    } else {
        overlap(o) as f64 / total as f64
    }
}

/// One survey cell.
#[derive(Debug, Clone, Copy)]
enum Count {
    Number(f64),
    Suppressed,
    Zero,
}

struct Survey {
    /// (NUTS3 code, name), in sheet order.
    areas: Vec<(String, String)>,
    /// SOC 2010 codes, in sheet order.
    socs: Vec<String>,
    /// Their titles as the survey writes them ("Large goods vehicle drivers").
    titles: Vec<String>,
    /// cells[area][soc].
    cells: Vec<Vec<Count>>,
}

fn read_survey(raw: &mut RawDir, stats: &mut LocalStats) -> Result<Survey, BuildError> {
    let sheet = raw.sheet(APS, APS_SHEET)?;
    let rows: Vec<(u32, &[Cell])> = sheet.rows().collect();
    let error = |row: u32, message: String| BuildError::Sheet {
        file: APS.into(),
        sheet: APS_SHEET.into(),
        row,
        message,
    };
    let header = rows
        .iter()
        .position(|(_, cells)| cells.get(2).is_some_and(|c| c.text().starts_with("UKC11 ")))
        .ok_or_else(|| error(0, "no header row with the NUTS3 areas (UKC11 first)".into()))?;
    let areas: Vec<(String, String)> = rows[header]
        .1
        .iter()
        .skip(2)
        .map(Cell::text)
        .take_while(|t| !t.is_empty())
        .map(|t| match t.split_once(' ') {
            Some((code, name)) => (code.to_owned(), name.trim().to_owned()),
            None => (t.clone(), t),
        })
        .collect();
    let mut socs = Vec::new();
    let mut titles = Vec::new();
    let mut cells: Vec<Vec<Count>> = vec![Vec::new(); areas.len()];
    for &(row, line) in &rows[header + 1..] {
        let label = line.get(1).map(Cell::text).unwrap_or_default();
        let code: String = label.chars().take(4).collect();
        if code.len() != 4 || !code.bytes().all(|b| b.is_ascii_digit()) {
            if socs.is_empty() {
                continue;
            }
            break; // the notes under the table
        }
        socs.push(code);
        titles.push(label.split('\'').nth(1).unwrap_or("").to_owned());
        for (a, column) in cells.iter_mut().enumerate() {
            let count = match line.get(a + 2).unwrap_or(&Cell::Empty) {
                Cell::Number(n) if n.is_finite() && *n >= 0.0 => Count::Number(*n),
                Cell::Text(t) if t == "*" => {
                    stats.suppressed_cells += 1;
                    Count::Suppressed
                }
                Cell::Text(t) if t == "-" => Count::Zero,
                other => {
                    return Err(error(
                        row,
                        format!(
                            "area {} has {:?}, not a count, * or -",
                            areas[a].0,
                            other.text()
                        ),
                    ))
                }
            };
            column.push(count);
        }
    }
    if socs.len() < 300 || areas.len() < 150 {
        return Err(error(
            0,
            format!(
                "read {} SOC groups and {} areas; expected about 369 and 179",
                socs.len(),
                areas.len()
            ),
        ));
    }
    stats.areas = areas.len();
    stats.soc_groups = socs.len();
    Ok(Survey {
        areas,
        socs,
        titles,
        cells,
    })
}

/// The industries (SIC 2007 class prefixes) whose workers count towards each carbon-intensive
/// category that is about industry, not equipment.
const CATEGORY_INDUSTRIES: [(&str, &[&str]); 7] = [
    // Coal, oil and gas extraction, and their support services.
    ("fossil_extraction", &["05.", "06.", "09.1"]),
    // Refined petroleum and basic petrochemicals.
    ("fossil_refining", &["19.", "20.14", "20.16", "20.17"]),
    // Gas networks, fuel wholesale and retail, pipelines.
    (
        "fossil_fuel_distribution",
        &["35.2", "46.71", "47.30", "49.50"],
    ),
    // Power generation, transmission and distribution, and steam supply.
    ("fossil_power", &["35.1", "35.3"]),
    // Chemicals, cement, lime, glass and ceramics, basic metals, pulp and paper.
    ("heavy_industry", &["20.", "23.", "24.", "17.1"]),
    // Road, water and air transport.
    ("fossil_transport", &["49.3", "49.4", "50.", "51."]),
    // Animal production and mixed farming.
    ("livestock", &["01.4", "01.5"]),
];

/// SOC 2010 group → for each industrial category, the share of the group's workers (in the
/// published cells) that work in the category's industries, UK 2019.
fn read_industry_shares(
    raw: &mut RawDir,
) -> Result<HashMap<String, HashMap<&'static str, f64>>, BuildError> {
    let sheet = raw.sheet(APS, APS_INDUSTRY_SHEET)?;
    let rows: Vec<(u32, &[Cell])> = sheet.rows().collect();
    let error = |row: u32, message: String| BuildError::Sheet {
        file: APS.into(),
        sheet: APS_INDUSTRY_SHEET.into(),
        row,
        message,
    };
    let header = rows
        .iter()
        .position(|(_, cells)| cells.get(2).is_some_and(|c| c.text().contains(" 01.11 ")))
        .ok_or_else(|| {
            error(
                0,
                "no header row with the industry classes (01.11 first)".into(),
            )
        })?;
    // Column → the categories its industry class belongs to.
    let classes: Vec<Vec<&'static str>> = rows[header]
        .1
        .iter()
        .skip(2)
        .map(|cell| {
            let text = cell.text();
            let class = text.split_whitespace().nth(1).unwrap_or("").to_owned();
            CATEGORY_INDUSTRIES
                .iter()
                .filter(|(_, prefixes)| prefixes.iter().any(|p| class.starts_with(p)))
                .map(|(category, _)| *category)
                .collect()
        })
        .collect();
    let mut out = HashMap::new();
    for &(row, line) in &rows[header + 1..] {
        let label = line.get(1).map(Cell::text).unwrap_or_default();
        let code: String = label.chars().take(4).collect();
        if code.len() != 4 || !code.bytes().all(|b| b.is_ascii_digit()) {
            if out.is_empty() {
                continue;
            }
            break;
        }
        let mut total = 0.0;
        let mut by_category: HashMap<&'static str, f64> = HashMap::new();
        for (cell, categories) in line.iter().skip(2).zip(&classes) {
            let n = match cell {
                Cell::Number(n) if n.is_finite() && *n >= 0.0 => *n,
                Cell::Text(t) if t == "*" || t == "-" => 0.0,
                Cell::Empty => 0.0,
                other => {
                    return Err(error(
                        row,
                        format!("{:?} is not a count, * or -", other.text()),
                    ))
                }
            };
            total += n;
            for category in categories {
                *by_category.entry(category).or_default() += n;
            }
        }
        if total > 0.0 {
            for share in by_category.values_mut() {
                *share /= total;
            }
        }
        out.insert(code, by_category);
    }
    if out.len() < 300 {
        return Err(error(
            0,
            format!("read {} SOC groups; expected about 369", out.len()),
        ));
    }
    Ok(out)
}

/// ITL2 code → (name, SIC two-digit code → employment), for the latest year.
type Bres = BTreeMap<String, (String, BTreeMap<String, f64>)>;

fn read_bres(raw: &mut RawDir) -> Result<Bres, BuildError> {
    let table = raw.table(BRES)?;
    let [c_date, c_name, c_code, c_industry, c_count] = table.columns([
        "DATE",
        "GEOGRAPHY_NAME",
        "GEOGRAPHY_CODE",
        "INDUSTRY_CODE",
        "COUNT",
    ])?;
    let mut out: Bres = BTreeMap::new();
    for row in table.rows() {
        if row.get(c_date) != BRES_YEAR {
            continue;
        }
        let count: f64 = row
            .required(c_count, "COUNT")?
            .parse()
            .map_err(|_| row.error("COUNT is not a number".into()))?;
        let entry = out
            .entry(row.required(c_code, "GEOGRAPHY_CODE")?.to_owned())
            .or_insert_with(|| (row.get(c_name).to_owned(), BTreeMap::new()));
        entry.1.insert(
            format!("{:0>2}", row.required(c_industry, "INDUSTRY_CODE")?),
            count,
        );
    }
    if out.len() < 30 {
        return Err(BuildError::Invalid(vec![format!(
            "{BRES}: {} regions for {BRES_YEAR}; expected 40",
            out.len()
        )]));
    }
    Ok(out)
}

/// Whether an ITL2 code lies in a figure's geography.
fn in_geography(code: &str, geography: &str) -> bool {
    match geography {
        "England" => matches!(code.as_bytes().get(2), Some(b'C'..=b'K')),
        _ => true, // UK and GB: BRES covers Great Britain
    }
}

fn region_share(bres: &Bres, code: &str, family: &DemandFamily) -> f32 {
    if !in_geography(code, &family.geography) {
        return 0.0;
    }
    let employment = |industries: &BTreeMap<String, f64>| -> f64 {
        family
            .industries
            .iter()
            .filter_map(|sic| industries.get(sic))
            .sum()
    };
    let total: f64 = bres
        .iter()
        .filter(|(c, _)| in_geography(c, &family.geography))
        .map(|(_, (_, industries))| employment(industries))
        .sum();
    if total <= 0.0 {
        return 0.0;
    }
    (employment(&bres[code].1) / total) as f32
}

/// The chosen figures, each checked against its published row.
fn read_families(raw: &mut RawDir, data: &DataFile) -> Result<Vec<DemandFamily>, BuildError> {
    let published = raw.table(DEMAND)?;
    let [p_role, p_uris, p_year, p_jobs, p_geo, p_title, p_url, p_notes] = published.columns([
        "role",
        "esco_occupation_uris",
        "year",
        "jobs_needed",
        "geography",
        "source_title",
        "source_url",
        "notes",
    ])?;
    let rows: Vec<_> = published.rows().collect();
    let find = |role: &str, year: &str, jobs: &str| {
        rows.iter()
            .find(|r| r.get(p_role) == role && r.get(p_year) == year && r.get(p_jobs) == jobs)
    };
    let by_uri: HashMap<String, OccupationId> = data
        .occupations
        .iter()
        .enumerate()
        .map(|(i, o)| {
            (
                format!("http://data.europa.eu/esco/occupation/{}", o.id),
                i as OccupationId,
            )
        })
        .collect();
    let choice = raw.own_table(CHOICE)?;
    let [c_family, c_role, c_year, c_raw_jobs, c_base_year, c_base_jobs, c_in_notes, c_times, c_jobs, c_measure, c_industries] =
        choice.columns([
            "family",
            "raw_role",
            "raw_year",
            "raw_jobs",
            "baseline_year",
            "baseline_jobs",
            "baseline_in_notes",
            "multiplier",
            "jobs",
            "measure",
            "industries",
        ])?;
    let number = |row: &crate::raw::Row<'_>, c: usize, name: &str| -> Result<i64, BuildError> {
        let text = row.get(c);
        if text.is_empty() {
            return Ok(0);
        }
        text.parse()
            .map_err(|_| row.error(format!("{name} {text:?} is not a whole number")))
    };
    let mut out = Vec::new();
    for row in choice.rows() {
        let role = row.required(c_role, "raw_role")?;
        let year = row.required(c_year, "raw_year")?;
        let raw_jobs = row.required(c_raw_jobs, "raw_jobs")?;
        let source = find(role, year, raw_jobs)
            .ok_or_else(|| row.error(format!("no row {role:?} {year} {raw_jobs} in {DEMAND}")))?;
        let baseline = number(&row, c_base_jobs, "baseline_jobs")?;
        if baseline > 0 {
            let shown = format_thousands(baseline);
            let found = if row.get(c_in_notes) == "yes" {
                source.get(p_notes).contains(&shown)
            } else {
                let base_year = row.required(c_base_year, "baseline_year")?;
                find(role, base_year, &baseline.to_string()).is_some()
            };
            if !found {
                return Err(row.error(format!(
                    "baseline {baseline} is neither a row of {role:?} nor in its notes"
                )));
            }
        }
        let jobs = number(&row, c_jobs, "jobs")?;
        let expected = (number(&row, c_raw_jobs, "raw_jobs")? - baseline)
            * number(&row, c_times, "multiplier")?;
        if jobs != expected || jobs <= 0 {
            return Err(row.error(format!(
                "jobs {jobs} should be (raw_jobs - baseline_jobs) x multiplier = {expected}"
            )));
        }
        let mut occupations = Vec::new();
        for uri in source.get(p_uris).split(';').filter(|u| !u.is_empty()) {
            let o = by_uri.get(uri.trim()).ok_or_else(|| {
                row.error(format!(
                    "{uri} in {DEMAND} is not an occupation of the dataset"
                ))
            })?;
            occupations.push(*o);
        }
        let geography = match source.get(p_geo) {
            g @ ("UK" | "GB" | "England") => g.to_owned(),
            other => {
                return Err(row.error(format!(
                    "geography {other:?} cannot be scaled (UK, GB or England)"
                )))
            }
        };
        let industries: Vec<String> = row
            .required(c_industries, "industries")?
            .split(';')
            .map(|s| format!("{:0>2}", s.trim()))
            .collect();
        out.push(DemandFamily {
            name: row.required(c_family, "family")?.to_owned(),
            occupations,
            jobs: jobs as u32,
            year: year
                .parse()
                .map_err(|_| row.error(format!("raw_year {year:?} is not a year")))?,
            geography,
            measure: row.required(c_measure, "measure")?.to_owned(),
            industries,
            source_title: source.get(p_title).to_owned(),
            source_url: source.get(p_url).to_owned(),
        });
    }
    Ok(out)
}

/// 15400 → "15,400", as the published notes write numbers.
fn format_thousands(n: i64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}
