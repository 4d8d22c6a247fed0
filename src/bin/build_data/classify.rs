//! Carbon-intensive and green classifications of the occupations, each with its provenance:
//!
//! - **carbon-intensive** from the curated list (`curated/carbon_intensive_occupations.csv`),
//!   keyed by ESCO URI, so joined exactly;
//! - **O*NET green economy category** from the GLA's SOC 2010 list (`ons/green_jobs.xlsx`),
//!   reaching ESCO through ISCO-08 with the derived SOC 2010 → ISCO-08 crosswalk: an estimate;
//! - **ONS share of time on green tasks** by SOC 2010 (`ons/greentimesharesoc.xlsx`, the latest
//!   year), through the same crosswalk: an estimate;
//! - **ESCO green skills**: nothing to add (skills carry `green`); only its meta entry.
//!
//! How ESCO occupations reach SOC 2010: the crosswalk lists, for each SOC 2010 group (through
//! SOC 2020), the ISCO-08 codes of the ONS coding index by frequency. An ISCO unit group is
//! linked to the SOC 2010 groups in which it ranks highest: its modal groups (rank 1) where it
//! is modal somewhere, else the groups where it comes second, and so on; a non-modal link
//! never joins a managers group to a non-managers group. See `data/README.md`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use greenpath::model::{
    CarbonIntensity, Classification, GreenEconomy, GreenEconomyCategory, Occupation,
};

use crate::error::BuildError;
use crate::raw::RawDir;
use crate::text;

const CARBON: &str = "curated/carbon_intensive_occupations.csv";
const SOC_ISCO: &str = "crosswalks/uksoc2010_to_isco08_derived.csv";
const GREEN_JOBS: &str = "ons/green_jobs.xlsx";
const GREEN_JOBS_SHEET: &str = "Sheet1";
const TASK_SHARE: &str = "ons/greentimesharesoc.xlsx";
const TASK_SHARE_SHEET: &str = "SOC_2010";

/// The categories of the curated carbon-intensive list (each may carry `_borderline`).
const CARBON_CATEGORIES: [&str; 9] = [
    "fossil_extraction",
    "fossil_refining",
    "fossil_fuel_distribution",
    "fossil_power",
    "heavy_industry",
    "fossil_heating",
    "ice_vehicles",
    "fossil_transport",
    "livestock",
];
const BORDERLINE: &str = "_borderline";

const ESCO_LICENCE: &str = "© European Union, ESCO classification; reuse authorised under \
Commission Decision 2011/833/EU with acknowledgement of the source.";

/// What the classification step read, joined and decided, for the summary and the README.
#[derive(Debug, Default)]
pub struct Stats {
    /// Rows of the curated carbon-intensive list.
    pub carbon_rows: usize,
    /// Of those, marked `_borderline`.
    pub carbon_borderline: usize,
    /// Curated rows whose URI is not an ESCO occupation (skipped): (URI, label).
    pub carbon_unknown: Vec<(String, String)>,
    /// Curated rows whose ISCO code differs from ESCO's: (label, curated, ESCO).
    pub carbon_isco_differs: Vec<(String, String, String)>,
    /// Curated rows whose label differs from ESCO's preferred label: (curated, ESCO).
    pub carbon_label_differs: Vec<(String, String)>,
    /// Evidence texts shortened.
    pub evidence_shortened: usize,
    /// SOC 2010 groups in the crosswalk.
    pub crosswalk_soc: usize,
    /// Non-modal (ISCO, SOC) pairs skipped because one side is a managers group and the other
    /// is not.
    pub links_across_managers: usize,
    /// ISCO-08 unit groups the crosswalk reaches, by the rank they are linked at.
    pub isco_by_rank: BTreeMap<usize, usize>,
    /// Occupations linked to SOC 2010, by the rank their ISCO group is linked at.
    pub occupations_by_rank: BTreeMap<usize, usize>,
    /// Occupations linked to more than one SOC 2010 group.
    pub occupations_multi_soc: usize,
    /// Occupations whose ISCO group reaches no SOC 2010 group.
    pub occupations_unlinked: usize,
    /// SOC 2010 groups on the green economy list.
    pub green_list: usize,
    /// Of those, groups the crosswalk does not reach from any ISCO group (so unused).
    pub green_list_unreached: Vec<String>,
    /// Occupations with a green economy category, by category.
    pub green_by_category: BTreeMap<&'static str, usize>,
    /// Occupations given a category although some of their SOC 2010 groups are not on the list.
    pub green_mixed: usize,
    /// Occupations whose SOC 2010 groups are on the list with different categories.
    pub green_conflicting: usize,
    /// The year of green task shares used.
    pub task_share_year: String,
    /// SOC 2010 groups with a task share.
    pub task_share_soc: usize,
    /// Crosswalk SOC 2010 groups without a task share.
    pub task_share_missing_soc: Vec<String>,
    /// Task-share rows whose code is not a SOC 2010 group of the crosswalk but whose title is:
    /// (code in the sheet, code used, title).
    pub task_share_recoded: Vec<(String, String, String)>,
    /// Task-share rows whose code and title both are unknown to the crosswalk (unused).
    pub task_share_unknown_soc: Vec<String>,
    /// Occupations with a task share, and of those with a share above 0.
    pub task_share_occupations: usize,
    /// Occupations with a task share above 0.
    pub task_share_positive: usize,
    /// Occupations with at least one green (ESCO) skill.
    pub esco_green_any: usize,
    /// Disagreements between definitions: (description, count).
    pub overlaps: Vec<(String, usize)>,
}

/// Adds the classifications to `occupations` (indexed by URI through `occupation_index`) and
/// returns the `meta.classifications` entries.
pub fn classify(
    raw: &mut RawDir,
    occupation_index: &HashMap<String, usize>,
    occupations: &mut [Occupation],
    green_skills: &[bool],
    stats: &mut Stats,
) -> Result<Vec<Classification>, BuildError> {
    read_carbon(raw, occupation_index, occupations, stats)?;

    let (links, titles) = read_soc_links(raw, stats)?;
    let green_list = read_green_jobs(raw, stats)?;
    let (year, shares) = read_task_shares(raw, &titles, stats)?;
    let reached: BTreeSet<&String> = links.values().flat_map(|(_, socs)| socs).collect();
    stats.green_list_unreached = green_list
        .keys()
        .filter(|soc| !reached.contains(soc))
        .cloned()
        .collect();
    stats.task_share_missing_soc = reached
        .iter()
        .filter(|soc| !shares.contains_key(**soc))
        .map(|soc| (*soc).clone())
        .collect();

    for occupation in occupations.iter_mut() {
        let Some((rank, socs)) = links.get(&occupation.isco) else {
            stats.occupations_unlinked += 1;
            continue;
        };
        *stats.occupations_by_rank.entry(*rank).or_default() += 1;
        if socs.len() > 1 {
            stats.occupations_multi_soc += 1;
        }
        occupation.green_economy = green_economy(&occupation.isco, socs, &green_list, stats);
        occupation.green_task_share = task_share(socs, &shares);
    }

    let count = |f: &dyn Fn(&Occupation) -> bool| occupations.iter().filter(|o| f(o)).count();
    stats.task_share_year = year.clone();
    stats.task_share_occupations = count(&|o| o.green_task_share.is_some());
    stats.task_share_positive = count(&|o| o.green_task_share.is_some_and(|s| s > 0.0));
    let has_green_skill = |o: &Occupation| {
        o.essential
            .iter()
            .chain(&o.optional)
            .any(|&s| green_skills[s as usize])
    };
    stats.esco_green_any = count(&has_green_skill);
    let with_skills = count(&|o| !o.essential.is_empty() || !o.optional.is_empty());

    let brown = |o: &Occupation| o.carbon.is_some();
    let onet = |o: &Occupation| o.green_economy.is_some();
    let ons = |o: &Occupation| o.green_task_share.is_some_and(|s| s >= 0.1);
    stats.overlaps = vec![
        (
            "carbon-intensive and in an O*NET green economy category".to_owned(),
            count(&|o| brown(o) && onet(o)),
        ),
        (
            "carbon-intensive with at least one green ESCO skill".to_owned(),
            count(&|o| brown(o) && has_green_skill(o)),
        ),
        (
            "carbon-intensive with ≥ 10% time on green tasks".to_owned(),
            count(&|o| brown(o) && ons(o)),
        ),
        (
            "O*NET green economy category, but < 10% time on green tasks".to_owned(),
            count(&|o| onet(o) && o.green_task_share.is_some_and(|s| s < 0.1)),
        ),
        (
            "≥ 10% time on green tasks, but no O*NET green economy category".to_owned(),
            count(&|o| ons(o) && !onet(o)),
        ),
        (
            "O*NET green economy category, but no green ESCO skill".to_owned(),
            count(&|o| onet(o) && !has_green_skill(o)),
        ),
        (
            "a green ESCO skill, but no O*NET green economy category".to_owned(),
            count(&|o| has_green_skill(o) && !onet(o)),
        ),
        (
            "green under all three (O*NET category, ≥ 10% green tasks, a green ESCO skill)"
                .to_owned(),
            count(&|o| onet(o) && ons(o) && has_green_skill(o)),
        ),
    ];

    Ok(vec![
        Classification {
            key: "carbonIntensive".to_owned(),
            name: "Carbon-intensive jobs".to_owned(),
            description: "Jobs likely to shrink or change sharply as the UK cuts emissions: \
                fossil fuel extraction, refining and supply, fossil power and heating, heavy \
                industry, petrol and diesel vehicles, fossil-fuelled transport and livestock. \
                Borderline jobs are only partly carbon-intensive and need local judgement."
                .to_owned(),
            source: format!(
                "List curated for greenpath ({CARBON}) from ONS greenhouse gas emissions per \
                 worker by industry, the occupations' ESCO essential skills and UK policy (ZEV \
                 mandate, Heat and Buildings Strategy, Climate Change Committee); each \
                 occupation cites its own source"
            ),
            licence: "Curated for this project from cited public sources; ONS data under the \
                Open Government Licence v3.0; ESCO © European Union"
                .to_owned(),
            estimated: false,
            coverage: to_u32(count(&brown)),
        },
        Classification {
            key: "escoGreenSkills".to_owned(),
            name: "Green skills (ESCO)".to_owned(),
            description: "How many of the job's skills are green skills in ESCO: skills that \
                help protect the environment or cut emissions."
                .to_owned(),
            source:
                "ESCO v1.1.1 green skills collection (esco-v1.1.1/greenSkillsCollection_en.csv) \
                and the occupations' essential and optional skills; the planner computes the share"
                    .to_owned(),
            licence: ESCO_LICENCE.to_owned(),
            estimated: false,
            coverage: to_u32(with_skills),
        },
        Classification {
            key: "onetGreenEconomy".to_owned(),
            name: "Green economy (O*NET)".to_owned(),
            description: "Whether the job is part of the green economy as the US O*NET programme \
                defines it: more in demand, changed by new green skills, or a new and emerging \
                job. It comes from UK occupation groups, so treat it as an estimate."
                .to_owned(),
            source: format!(
                "O*NET green economy categories of UK SOC 2010 unit groups as mapped by the \
                 Greater London Authority ({GREEN_JOBS}), reaching ESCO through ISCO-08 with a \
                 derived SOC 2010 to ISCO-08 crosswalk ({SOC_ISCO}, from the ONS SOC 2020 \
                 coding index)"
            ),
            licence: "GLA/ONS, Open Government Licence v3.0 (to confirm); O*NET data CC BY 4.0 \
                (USDOL/ETA)"
                .to_owned(),
            estimated: true,
            coverage: to_u32(count(&onet)),
        },
        Classification {
            key: "onsGreenTasks".to_owned(),
            name: "Time on green tasks (ONS)".to_owned(),
            description: format!(
                "The estimated share of working time spent on green tasks in this kind of job \
                 in the UK ({year}). ONS says to treat these estimates with caution."
            ),
            source: format!(
                "ONS, Research into green jobs: time spent on green tasks (7 March 2022), by SOC \
                 2010 unit group ({TASK_SHARE}), {year} values; reaching ESCO through ISCO-08 \
                 with the derived crosswalk ({SOC_ISCO}), averaged where an occupation reaches \
                 several SOC groups"
            ),
            licence: "ONS, Open Government Licence v3.0".to_owned(),
            estimated: true,
            coverage: to_u32(stats.task_share_occupations),
        },
    ])
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The curated carbon-intensive list onto the occupations it names.
fn read_carbon(
    raw: &mut RawDir,
    occupation_index: &HashMap<String, usize>,
    occupations: &mut [Occupation],
    stats: &mut Stats,
) -> Result<(), BuildError> {
    let table = raw.table(CARBON)?;
    let [c_uri, c_label, c_isco, c_category, c_evidence, c_source] = table.columns([
        "esco_uri",
        "esco_label",
        "isco_code",
        "category",
        "evidence",
        "source_url",
    ])?;
    for row in table.rows() {
        stats.carbon_rows += 1;
        let uri = row.required(c_uri, "esco_uri")?;
        let label = text::squash_space(row.get(c_label));
        let raw_category = row.required(c_category, "category")?;
        let (category, borderline) = match raw_category.strip_suffix(BORDERLINE) {
            Some(category) => (category, true),
            None => (raw_category, false),
        };
        if !CARBON_CATEGORIES.contains(&category) {
            return Err(row.error(format!(
                "unknown category {raw_category:?} (known: {}, each optionally with {BORDERLINE})",
                CARBON_CATEGORIES.join(", ")
            )));
        }
        let evidence = row.required(c_evidence, "evidence")?;
        let source = row.required(c_source, "source_url")?;
        if !source.starts_with("https://") && !source.starts_with("http://") {
            return Err(row.error(format!("source_url {source:?} is not an http(s) URL")));
        }
        let Some(&index) = occupation_index.get(uri) else {
            stats.carbon_unknown.push((uri.to_owned(), label));
            continue;
        };
        let occupation = &mut occupations[index];
        if occupation.carbon.is_some() {
            return Err(row.error(format!("occupation {uri} is listed twice")));
        }
        let isco = row.get(c_isco);
        if !isco.is_empty() && format!("{isco:0>4}") != occupation.isco {
            stats.carbon_isco_differs.push((
                label.clone(),
                isco.to_owned(),
                occupation.isco.clone(),
            ));
        }
        if !label.is_empty() && label != occupation.label {
            stats
                .carbon_label_differs
                .push((label.clone(), occupation.label.clone()));
        }
        let short = text::shorten(evidence, text::EVIDENCE_MAX);
        if short != text::squash_space(evidence) {
            stats.evidence_shortened += 1;
        }
        if borderline {
            stats.carbon_borderline += 1;
        }
        occupation.carbon = Some(CarbonIntensity {
            category: category.to_owned(),
            borderline,
            evidence: short,
            source: source.to_owned(),
        });
    }
    Ok(())
}

/// ISCO-08 unit group → (rank, the SOC 2010 groups in which it has that best rank).
pub(crate) type SocLinks = BTreeMap<String, (usize, BTreeSet<String>)>;

/// Reads the derived crosswalk and links each ISCO-08 unit group to the SOC 2010 groups in
/// which it ranks highest in the coding index; also returns the SOC 2010 titles by code.
pub(crate) fn read_soc_links(
    raw: &mut RawDir,
    stats: &mut Stats,
) -> Result<(SocLinks, BTreeMap<String, String>), BuildError> {
    let table = raw.table(SOC_ISCO)?;
    let [c_soc, c_title, c_modal, c_all] = table.columns([
        "soc2010",
        "soc2010_title",
        "isco08_modal",
        "isco08_all_by_freq",
    ])?;
    let mut links: SocLinks = BTreeMap::new();
    let mut socs = BTreeMap::new();
    for row in table.rows() {
        let soc = row.required(c_soc, "soc2010")?;
        if soc.len() != 4 || !soc.bytes().all(|b| b.is_ascii_digit()) {
            return Err(row.error(format!("soc2010 {soc:?} is not a 4-digit SOC 2010 code")));
        }
        socs.insert(soc.to_owned(), text::squash_space(row.get(c_title)));
        let iscos: Vec<String> = row
            .required(c_all, "isco08_all_by_freq")?
            .split(';')
            .map(|code| format!("{:0>4}", code.trim()))
            .collect();
        let modal = format!("{:0>4}", row.required(c_modal, "isco08_modal")?);
        if iscos.first() != Some(&modal) {
            return Err(row.error(format!(
                "isco08_modal {modal} is not first in isco08_all_by_freq"
            )));
        }
        for (i, isco) in iscos.into_iter().enumerate() {
            if isco.len() != 4 || !isco.bytes().all(|b| b.is_ascii_digit()) {
                return Err(row.error(format!("{isco:?} is not a 4-digit ISCO-08 code")));
            }
            let rank = i + 1;
            // A non-modal link never crosses between managers (major group 1 in both
            // classifications) and other jobs: it once tied well drillers (ISCO 8113) to
            // "production managers and directors in mining and energy" (SOC 2010 1123).
            if rank > 1 && isco.starts_with('1') != soc.starts_with('1') {
                stats.links_across_managers += 1;
                continue;
            }
            let entry = links.entry(isco).or_insert_with(|| (rank, BTreeSet::new()));
            if rank < entry.0 {
                *entry = (rank, BTreeSet::new());
            }
            if rank == entry.0 {
                entry.1.insert(soc.to_owned());
            }
        }
    }
    stats.crosswalk_soc = socs.len();
    for (rank, _) in links.values() {
        *stats.isco_by_rank.entry(*rank).or_default() += 1;
    }
    Ok((links, socs))
}

/// The GLA list: SOC 2010 group → green economy category.
fn read_green_jobs(
    raw: &mut RawDir,
    stats: &mut Stats,
) -> Result<BTreeMap<String, GreenEconomyCategory>, BuildError> {
    let sheet = raw.sheet(GREEN_JOBS, GREEN_JOBS_SHEET)?;
    let table = sheet.table("SOC2010 Unit Group Titles")?;
    let [c_soc, c_category] = table.columns(["SOC2010 4-digit", "Green Category"])?;
    let mut out = BTreeMap::new();
    for row in table.rows() {
        let soc = row.required(c_soc, "SOC2010 4-digit")?;
        if soc.len() != 4 || !soc.bytes().all(|b| b.is_ascii_digit()) {
            return Err(row.error(format!("{soc:?} is not a 4-digit SOC 2010 code")));
        }
        let text = row.required(c_category, "Green Category")?;
        let category = match text.as_str() {
            "Green Increased Demand" => GreenEconomyCategory::IncreasedDemand,
            "Green Enhanced Skills" => GreenEconomyCategory::EnhancedSkills,
            "Green New and Emerging" => GreenEconomyCategory::NewAndEmerging,
            other => return Err(row.error(format!("unknown Green Category {other:?}"))),
        };
        if out.insert(soc.clone(), category).is_some() {
            return Err(row.error(format!("SOC 2010 {soc} is listed twice")));
        }
    }
    stats.green_list = out.len();
    Ok(out)
}

/// The ONS green task shares of the latest year: (year, SOC 2010 group → share 0..=1).
///
/// A row whose code is not a SOC 2010 group of the crosswalk but whose title names exactly one
/// that the sheet does not already have is taken as a typo and recoded (the ONS sheet lists
/// "Planning, process and production technicians", SOC 2010 3116, as 3316).
fn read_task_shares(
    raw: &mut RawDir,
    titles: &BTreeMap<String, String>,
    stats: &mut Stats,
) -> Result<(String, BTreeMap<String, f64>), BuildError> {
    let sheet = raw.sheet(TASK_SHARE, TASK_SHARE_SHEET)?;
    let table = sheet.table("SOC 2010 code")?;
    let year = table
        .headers()
        .iter()
        .filter(|h| h.len() == 4 && h.bytes().all(|b| b.is_ascii_digit()))
        .max()
        .cloned()
        .ok_or_else(|| BuildError::Sheet {
            file: TASK_SHARE.to_owned(),
            sheet: TASK_SHARE_SHEET.to_owned(),
            row: 0,
            message: "no year column in the header".to_owned(),
        })?;
    let [c_soc, c_title, c_year] =
        table.columns(["SOC 2010 code", "SOC 2010 description", year.as_str()])?;
    let listed: BTreeSet<String> = table.rows().map(|row| row.cell(c_soc).text()).collect();
    let mut out = BTreeMap::new();
    for row in table.rows() {
        let mut soc = row.required(c_soc, "SOC 2010 code")?;
        if soc.len() != 4 || !soc.bytes().all(|b| b.is_ascii_digit()) {
            return Err(row.error(format!("{soc:?} is not a 4-digit SOC 2010 code")));
        }
        if !titles.contains_key(&soc) {
            let title = text::squash_space(&row.cell(c_title).text());
            let same_title: Vec<&String> = titles
                .iter()
                .filter(|(code, t)| t.eq_ignore_ascii_case(&title) && !listed.contains(*code))
                .map(|(code, _)| code)
                .collect();
            match same_title.as_slice() {
                [code] => {
                    stats
                        .task_share_recoded
                        .push((soc.clone(), (*code).clone(), title));
                    soc = (*code).clone();
                }
                _ => stats.task_share_unknown_soc.push(soc.clone()),
            }
        }
        let percent = row.number(c_year, &year)?;
        if !(0.0..=100.0).contains(&percent) {
            return Err(row.error(format!("{year} share {percent} is outside 0–100%")));
        }
        if out.insert(soc.clone(), percent / 100.0).is_some() {
            return Err(row.error(format!("SOC 2010 {soc} appears twice")));
        }
    }
    stats.task_share_soc = out.len();
    Ok((year, out))
}

/// The strongest category among the linked SOC groups on the list (ties: the smallest SOC
/// code), with the path it came by.
fn green_economy(
    isco: &str,
    socs: &BTreeSet<String>,
    list: &BTreeMap<String, GreenEconomyCategory>,
    stats: &mut Stats,
) -> Option<GreenEconomy> {
    let on_list: Vec<(&String, GreenEconomyCategory)> = socs
        .iter()
        .filter_map(|soc| Some((soc, *list.get(soc)?)))
        .collect();
    // Iterating SOC codes in ascending order, `max_by_key` would keep the last maximum; reverse
    // so the smallest code wins a tie.
    let &(soc, category) = on_list.iter().rev().max_by_key(|(_, c)| *c)?;
    if on_list.len() < socs.len() {
        stats.green_mixed += 1;
    }
    if on_list.iter().any(|(_, c)| *c != category) {
        stats.green_conflicting += 1;
    }
    *stats
        .green_by_category
        .entry(match category {
            GreenEconomyCategory::IncreasedDemand => "increasedDemand",
            GreenEconomyCategory::EnhancedSkills => "enhancedSkills",
            GreenEconomyCategory::NewAndEmerging => "newAndEmerging",
        })
        .or_default() += 1;
    Some(GreenEconomy {
        category,
        estimated: true,
        via: format!("SOC 2010 {soc} via ISCO {isco}"),
    })
}

/// The unweighted mean share of the linked SOC groups that have one, rounded to 3 decimals.
fn task_share(socs: &BTreeSet<String>, shares: &BTreeMap<String, f64>) -> Option<f32> {
    let values: Vec<f64> = socs
        .iter()
        .filter_map(|soc| shares.get(soc).copied())
        .collect();
    if values.is_empty() {
        return None;
    }
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    // Within 0..=1 (checked when read), so the cast is exact to 3 decimals.
    Some(((mean * 1000.0).round() / 1000.0) as f32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strongest_category_wins_and_ties_go_to_the_smallest_code() {
        let list = BTreeMap::from([
            ("5241".to_owned(), GreenEconomyCategory::IncreasedDemand),
            ("5249".to_owned(), GreenEconomyCategory::EnhancedSkills),
            ("5250".to_owned(), GreenEconomyCategory::EnhancedSkills),
        ]);
        let socs: BTreeSet<String> = ["5241", "5249", "5250", "9999"].map(str::to_owned).into();
        let mut stats = Stats::default();
        let green = green_economy("7411", &socs, &list, &mut stats).unwrap();
        assert_eq!(green.category, GreenEconomyCategory::EnhancedSkills);
        assert_eq!(green.via, "SOC 2010 5249 via ISCO 7411");
        assert!(green.estimated);
        assert_eq!((stats.green_mixed, stats.green_conflicting), (1, 1));
        let none: BTreeSet<String> = ["9999".to_owned()].into();
        assert_eq!(green_economy("7411", &none, &list, &mut stats), None);
    }

    #[test]
    fn task_share_is_the_rounded_mean_of_known_groups() {
        let shares = BTreeMap::from([("1".to_owned(), 0.1234), ("2".to_owned(), 0.2)]);
        let socs: BTreeSet<String> = ["1", "2", "3"].map(str::to_owned).into();
        assert_eq!(task_share(&socs, &shares), Some(0.162));
        let none: BTreeSet<String> = ["3".to_owned()].into();
        assert_eq!(task_share(&none, &shares), None);
    }
}
