//! The ONS SOC 2020 "related job titles" as extra search names of ESCO occupations.
//!
//! Each SOC 2020 unit group (`ons/soc2020_vol1.xlsx`) lists a few everyday titles ("Car
//! mechanic", "Motor mechanic" under 5231). The crosswalk (`crosswalks/soc2020_isco08_modal.csv`)
//! gives the ISCO-08 codes the ONS coding index files the group under, most frequent first. A
//! title goes to the ESCO occupation of those ISCO groups whose names share most of the title's
//! words (at least half of them; words in brackets, such as "(garage)", are qualifiers and not
//! matched), preferring the most frequent ISCO group, then the shorter name, then the more
//! general occupation (the shorter preferred label), then the smaller ESCO id. A title that is already a name of some occupation adds nothing; one that no
//! occupation of its groups shares enough words with is left out and counted.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use greenpath::model::Occupation;
use greenpath::text::{fold, without_brackets, words};

use crate::error::BuildError;
use crate::raw::RawDir;

const VOLUME_1: &str = "ons/soc2020_vol1.xlsx";
const SHEET: &str = "SOC2020 descriptions";
const CROSSWALK: &str = "crosswalks/soc2020_isco08_modal.csv";
/// Least share of a title's words an occupation's name must share.
const MIN_SHARED: f64 = 0.5;

/// What happened to the titles.
#[derive(Debug, Default)]
pub struct Stats {
    /// Titles read.
    pub read: usize,
    /// Titles that were already a name of some occupation.
    pub already_named: usize,
    /// Titles added to an occupation.
    pub added: usize,
    /// Titles no occupation of their ISCO groups matched, with their SOC group.
    pub unmatched: Vec<(String, String)>,
}

/// Adds the matched titles to [`Occupation::soc_titles`].
pub fn add(
    raw: &mut RawDir,
    occupations: &mut [Occupation],
    stats: &mut Stats,
) -> Result<(), BuildError> {
    let iscos = read_crosswalk(raw)?;
    let titles = read_titles(raw)?;
    let mut named: BTreeSet<String> = BTreeSet::new();
    for o in occupations.iter() {
        named.extend(o.names().map(fold));
    }
    let mut by_isco: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, o) in occupations.iter().enumerate() {
        by_isco.entry(o.isco.as_str()).or_default().push(i);
    }
    let mut additions: Vec<(usize, String)> = Vec::new();
    for (soc, title) in titles {
        stats.read += 1;
        if !named.insert(fold(&title)) {
            stats.already_named += 1;
            continue;
        }
        let Some(codes) = iscos.get(&soc) else {
            stats.unmatched.push((soc, title));
            continue;
        };
        let core = words(&without_brackets(&title));
        let mut best: Option<((f64, usize, usize, usize), usize)> = None;
        for (rank, code) in codes.iter().enumerate() {
            for &o in by_isco.get(code.as_str()).into_iter().flatten() {
                for name in occupations[o].names() {
                    let name_words = words(name);
                    let shared = core
                        .iter()
                        .filter(|w| name_words.iter().any(|n| same_word(w, n)))
                        .count();
                    let share = shared as f64 / core.len().max(1) as f64;
                    if share < MIN_SHARED {
                        continue;
                    }
                    // Higher share, then more frequent ISCO group, then fewer extra words, then
                    // the more general occupation (shorter preferred label).
                    let general = words(&occupations[o].label).len();
                    let key = (share, rank, name_words.len(), general);
                    let better = match &best {
                        None => true,
                        Some((k, current)) => {
                            key.0 > k.0
                                || (key.0 == k.0
                                    && (key.1, key.2, key.3, &occupations[o].id)
                                        < (k.1, k.2, k.3, &occupations[*current].id))
                        }
                    };
                    if better {
                        best = Some((key, o));
                    }
                }
            }
        }
        match best {
            Some((_, o)) => {
                additions.push((o, title));
                stats.added += 1;
            }
            None => stats.unmatched.push((soc, title)),
        }
    }
    for (o, title) in additions {
        occupations[o].soc_titles.push(title);
    }
    for o in occupations.iter_mut() {
        o.soc_titles.sort();
    }
    Ok(())
}

/// Two folded words are the same word, allowing for endings ("technician", "technicians";
/// "engineer", "engineering") when both have at least 4 letters.
fn same_word(a: &str, b: &str) -> bool {
    a == b || (a.len() >= 4 && b.len() >= 4 && (a.starts_with(b) || b.starts_with(a)))
}

/// SOC 2020 unit group → ISCO-08 unit groups, most frequent first (armed forces codes padded).
fn read_crosswalk(raw: &mut RawDir) -> Result<BTreeMap<String, Vec<String>>, BuildError> {
    let table = raw.table(CROSSWALK)?;
    let [c_soc, c_all] = table.columns(["SOC2020", "all_isco_codes_by_freq"])?;
    let mut out = BTreeMap::new();
    for row in table.rows() {
        let soc = row.required(c_soc, "SOC2020")?.to_owned();
        let codes: Vec<String> = row
            .required(c_all, "all_isco_codes_by_freq")?
            .split(';')
            .map(|c| format!("{:0>4}", c.trim()))
            .collect();
        if let Some(bad) = codes
            .iter()
            .find(|c| c.len() != 4 || !c.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(row.error(format!("{bad:?} is not a 4-digit ISCO-08 code")));
        }
        out.insert(soc, codes);
    }
    Ok(out)
}

/// (SOC 2020 unit group, title) for every related job title, in sheet order.
fn read_titles(raw: &mut RawDir) -> Result<Vec<(String, String)>, BuildError> {
    let sheet = raw.sheet(VOLUME_1, SHEET)?;
    let table = sheet.table("SOC\n2020 Major Group")?;
    let [c_unit, c_titles] = table.columns(["SOC 2020 Unit Group", "Related Job Titles"])?;
    let mut out = Vec::new();
    for row in table.rows() {
        let unit = row.cell(c_unit).text();
        if unit.len() != 4 || !unit.bytes().all(|b| b.is_ascii_digit()) {
            continue; // a major, sub-major or minor group row
        }
        for line in row.cell(c_titles).text().lines() {
            let title = crate::text::squash_space(line.trim().trim_start_matches('~'));
            if !title.is_empty() && title != "<blank>" {
                out.push((unit.clone(), title));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endings_do_not_matter_but_short_words_must_match_exactly() {
        assert!(same_word("technicians", "technician"));
        assert!(same_word("engineer", "engineering"));
        assert!(!same_word("gas", "gasket"));
        assert!(!same_word("oil", "oiler"));
    }
}
