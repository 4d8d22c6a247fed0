//! Pay and job zone for the occupations Nesta's UK table does not cover, so that every
//! destination is judged on one scale.
//!
//! Nesta's table gives indicative UK pay (ONS ASHE 2019 by ISCO group) and an O*NET job zone
//! for 1,626 ESCO occupations. The others (among them the heat pump, solar, offshore renewable
//! and onshore wind technicians) inherit both from the nearest broader ESCO occupation that has
//! them (`broaderRelationsOccPillar.csv`; nearest first, ties to the smallest ESCO id), else take
//! the median of their ISCO-08 unit group (or of the nearest wider group with figures). Each
//! keeps a note of where the figures came from ([`EstimatedFrom`]) so pages can call them
//! estimates.

use std::collections::{BTreeMap, HashMap, VecDeque};

use greenpath::model::{EstimatedFrom, Occupation, OccupationId};

use crate::error::BuildError;
use crate::raw::RawDir;

const BROADER: &str = "esco-v1.1.1/broaderRelationsOccPillar.csv";

/// How the missing figures were filled.
#[derive(Debug, Default)]
pub struct Stats {
    /// Occupations given figures from a broader occupation, by distance up the hierarchy.
    pub from_broader: BTreeMap<usize, usize>,
    /// Occupations given a group median, by the length of the ISCO code used.
    pub from_group: BTreeMap<usize, usize>,
    /// Occupations still without figures.
    pub without: usize,
}

/// Fills `job_zone` and `annual_earnings` of every occupation without them, and
/// `estimated_from`.
pub fn fill(
    raw: &mut RawDir,
    occupation_index: &HashMap<String, usize>,
    occupations: &mut [Occupation],
    stats: &mut Stats,
) -> Result<(), BuildError> {
    let broader = read_broader(raw, occupation_index)?;
    let known: Vec<bool> = occupations
        .iter()
        .map(|o| o.annual_earnings.is_some() || o.job_zone.is_some())
        .collect();
    let medians = GroupMedians::new(occupations, &known);
    let mut filled: Vec<(usize, Option<u8>, Option<u32>, EstimatedFrom)> = Vec::new();
    for (i, occupation) in occupations.iter().enumerate() {
        if known[i] {
            continue;
        }
        if let Some((ancestor, depth)) = nearest_known(i, &broader, &known, occupations) {
            let from = &occupations[ancestor];
            *stats.from_broader.entry(depth).or_default() += 1;
            filled.push((
                i,
                from.job_zone,
                from.annual_earnings,
                EstimatedFrom::BroaderOccupation(ancestor as OccupationId),
            ));
        } else if let Some((code, zone, pay)) = medians.for_isco(&occupation.isco) {
            *stats.from_group.entry(code.len()).or_default() += 1;
            filled.push((i, zone, pay, EstimatedFrom::IscoGroupMedian(code)));
        } else {
            stats.without += 1;
        }
    }
    for (i, zone, pay, from) in filled {
        let occupation = &mut occupations[i];
        occupation.job_zone = zone;
        occupation.annual_earnings = pay;
        occupation.estimated_from = Some(from);
    }
    Ok(())
}

/// For each occupation (by index), its broader occupations (by index), ascending.
fn read_broader(
    raw: &mut RawDir,
    occupation_index: &HashMap<String, usize>,
) -> Result<Vec<Vec<usize>>, BuildError> {
    let table = raw.table(BROADER)?;
    let [c_type, c_uri, c_broader_type, c_broader] =
        table.columns(["conceptType", "conceptUri", "broaderType", "broaderUri"])?;
    let mut broader = vec![Vec::new(); occupation_index.len()];
    for row in table.rows() {
        if row.get(c_type) != "Occupation" || row.get(c_broader_type) != "Occupation" {
            continue;
        }
        let (Some(&child), Some(&parent)) = (
            occupation_index.get(row.required(c_uri, "conceptUri")?),
            occupation_index.get(row.required(c_broader, "broaderUri")?),
        ) else {
            continue;
        };
        if child != parent {
            broader[child].push(parent);
        }
    }
    for list in &mut broader {
        list.sort_unstable();
        list.dedup();
    }
    Ok(broader)
}

/// The nearest broader occupation with figures and its distance: breadth first, and among
/// those at the same distance the smallest ESCO id.
fn nearest_known(
    start: usize,
    broader: &[Vec<usize>],
    known: &[bool],
    occupations: &[Occupation],
) -> Option<(usize, usize)> {
    let mut seen = vec![false; broader.len()];
    seen[start] = true;
    let mut frontier: VecDeque<usize> = VecDeque::from([start]);
    let mut depth = 0;
    while !frontier.is_empty() {
        depth += 1;
        let mut next = Vec::new();
        for node in frontier.drain(..) {
            for &parent in &broader[node] {
                if !seen[parent] {
                    seen[parent] = true;
                    next.push(parent);
                }
            }
        }
        if let Some(&best) = next
            .iter()
            .filter(|&&p| known[p])
            .min_by(|&&a, &&b| occupations[a].id.cmp(&occupations[b].id))
        {
            return Some((best, depth));
        }
        frontier.extend(next);
    }
    None
}

/// Median job zone and pay of the occupations with figures, per ISCO code prefix (1 to 4
/// digits).
struct GroupMedians {
    by_prefix: HashMap<String, (Option<u8>, Option<u32>)>,
}

impl GroupMedians {
    fn new(occupations: &[Occupation], known: &[bool]) -> Self {
        let mut zones: HashMap<String, Vec<u8>> = HashMap::new();
        let mut pays: HashMap<String, Vec<u32>> = HashMap::new();
        for (o, _) in occupations.iter().zip(known).filter(|(_, &k)| k) {
            for len in 1..=o.isco.len() {
                let prefix = o.isco[..len].to_owned();
                zones.entry(prefix.clone()).or_default().extend(o.job_zone);
                pays.entry(prefix).or_default().extend(o.annual_earnings);
            }
        }
        let mut by_prefix = HashMap::new();
        for (prefix, mut z) in zones {
            let mut p = pays.remove(&prefix).unwrap_or_default();
            by_prefix.insert(prefix, (median_u8(&mut z), median_u32(&mut p)));
        }
        GroupMedians { by_prefix }
    }

    /// The figures of the narrowest group of `isco` that has any: (code, zone, pay).
    fn for_isco(&self, isco: &str) -> Option<(String, Option<u8>, Option<u32>)> {
        (1..=isco.len()).rev().find_map(|len| {
            let code = &isco[..len];
            self.by_prefix
                .get(code)
                .filter(|(z, p)| z.is_some() || p.is_some())
                .map(|&(z, p)| (code.to_owned(), z, p))
        })
    }
}

/// The median (the lower middle value for an even count, so it is a real value).
fn median_u8(values: &mut [u8]) -> Option<u8> {
    values.sort_unstable();
    values.get(values.len().saturating_sub(1) / 2).copied()
}

/// The median (the mean of the two middle values for an even count, rounded).
fn median_u32(values: &mut [u32]) -> Option<u32> {
    values.sort_unstable();
    let n = values.len();
    match n {
        0 => None,
        n if n % 2 == 1 => Some(values[n / 2]),
        n => Some(((u64::from(values[n / 2 - 1]) + u64::from(values[n / 2])) / 2) as u32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_are_real_middles() {
        assert_eq!(median_u8(&mut [3, 1, 2]), Some(2));
        assert_eq!(median_u8(&mut [4, 1, 2, 3]), Some(2));
        assert_eq!(median_u8(&mut []), None);
        assert_eq!(median_u32(&mut [10, 30]), Some(20));
        assert_eq!(median_u32(&mut [10, 30, 20]), Some(20));
    }
}
