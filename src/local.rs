//! The local picture: for an area, the workers in carbon-intensive occupations and the demand
//! for green jobs, both estimates with their method and sources.
//!
//! Built by `build-data` into its own file (`data/parts/local.bin.gz`), loaded only by the
//! college and council pages. Workers come from the ONS Annual Population Survey 2019 (SOC 2010
//! by NUTS3 area) joined to ESCO through the derived SOC 2010 → ISCO-08 crosswalk; demand from
//! published UK figures per green occupation family, scaled to the area by its share of the
//! family's industries (ONS BRES 2021 by ITL2 region) and the area's share of its region's
//! employment. Both are estimates and say so; every figure can be replaced by the college's own.

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::model::OccupationId;

/// Format version of the local picture file.
pub const LOCAL_FORMAT_VERSION: u16 = 1;
const MAGIC: [u8; 4] = *b"GPLP";
const HEADER_LEN: usize = 6;

/// The local picture for every area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalPicture {
    /// Fingerprint of the dataset whose occupation numbers it uses.
    pub dataset: u64,
    /// NUTS3 areas (ONS APS 2019 areas), in the survey's order.
    pub areas: Vec<Area>,
    /// ITL2 regions (NUTS2 codes as ONS BRES gives them), in code order.
    pub regions: Vec<Region>,
    /// Published demand figures, one per family of green occupations.
    pub families: Vec<DemandFamily>,
    /// How workers at risk were estimated (shown beside the figures).
    pub workers_method: String,
    /// How demand was scaled to an area (shown beside the figures).
    pub demand_method: String,
}

/// One area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Area {
    /// NUTS3 code, e.g. `UKC11`.
    pub code: String,
    /// Name, e.g. `Hartlepool and Stockton-on-Tees`.
    pub name: String,
    /// Index of its region in [`LocalPicture::regions`], if the region has industry data
    /// (none for Northern Ireland: BRES covers Great Britain).
    pub region: Option<u16>,
    /// People in work in the area in the survey (sum of the published cells).
    pub employment: u32,
    /// Workers in carbon-intensive occupations, by occupation.
    pub at_risk: Vec<AtRisk>,
}

/// Estimated workers in one carbon-intensive occupation in an area.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AtRisk {
    /// The occupation.
    pub occupation: OccupationId,
    /// Estimated workers (from the published survey cells).
    pub workers: u32,
    /// Survey cells feeding the estimate that ONS suppressed as too small (counted as 0, so
    /// the real figure is higher).
    pub suppressed: u16,
}

/// One ITL2 region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Region {
    /// Code, e.g. `UKC1`.
    pub code: String,
    /// Name, e.g. `Tees Valley and Durham`.
    pub name: String,
    /// For each family in [`LocalPicture::families`], the region's share of the family's
    /// geography's employment in the family's industries (0 when outside its geography).
    pub shares: Vec<f32>,
}

/// A published demand figure for a family of green occupations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DemandFamily {
    /// Name, e.g. `Heat pump engineers`.
    pub name: String,
    /// The ESCO occupations it covers; the figure is split equally between them.
    pub occupations: Vec<OccupationId>,
    /// People needed (new or additional), across the family's geography.
    pub jobs: u32,
    /// The year the figure is for.
    pub year: u16,
    /// Where the figure applies: `UK`, `GB` or `England`.
    pub geography: String,
    /// What the figure measures, in words.
    pub measure: String,
    /// SIC 2007 two-digit industries whose employment scales it to a region.
    pub industries: Vec<String>,
    /// Publication.
    pub source_title: String,
    /// The publication's page.
    pub source_url: String,
}

/// Demand for one occupation in an area.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaDemand {
    /// The occupation.
    pub occupation: OccupationId,
    /// Estimated openings in the area (may be fractional before rounding for display).
    pub jobs: f64,
    /// Indices of the families the figure comes from.
    pub families: Vec<usize>,
}

impl LocalPicture {
    /// The file's bytes.
    ///
    /// # Errors
    /// [`Error::Decode`] if encoding fails (it does not: no field is skipped).
    pub fn encode(&self) -> Result<Vec<u8>, Error> {
        let mut out = Vec::with_capacity(1 << 15);
        out.extend_from_slice(&MAGIC);
        out.extend_from_slice(&LOCAL_FORMAT_VERSION.to_le_bytes());
        postcard::to_extend(self, out).map_err(|e| Error::Decode {
            message: format!("the local picture could not be encoded: {e}"),
        })
    }

    /// Reads the file, checking it fits a dataset with `occupations` occupations and the
    /// fingerprint `dataset`.
    ///
    /// # Errors
    /// [`Error::Decode`] naming what is wrong.
    pub fn decode(bytes: &[u8], dataset: u64, occupations: usize) -> Result<LocalPicture, Error> {
        let fail = |message: String| Error::Decode { message };
        let (Some(magic), Some(&[v0, v1]), Some(body)) =
            (bytes.get(..4), bytes.get(4..6), bytes.get(HEADER_LEN..))
        else {
            return Err(fail(format!(
                "not a greenpath local picture (it should start with \"GPLP\"; {} bytes given)",
                bytes.len()
            )));
        };
        if magic != MAGIC {
            return Err(fail(format!(
                "not a greenpath local picture (it should start with \"GPLP\"; {} bytes given)",
                bytes.len()
            )));
        }
        let version = u16::from_le_bytes([v0, v1]);
        if version != LOCAL_FORMAT_VERSION {
            return Err(fail(format!(
                "local picture format {version} is not supported; expected {LOCAL_FORMAT_VERSION}"
            )));
        }
        let picture: LocalPicture = postcard::from_bytes(body)
            .map_err(|e| fail(format!("the local picture is damaged: {e}")))?;
        if picture.dataset != dataset {
            return Err(fail(format!(
                "the local picture belongs to another build of the dataset (fingerprint {:016x}, the core's is {dataset:016x}); reload the page",
                picture.dataset
            )));
        }
        let in_range = |o: &OccupationId| (*o as usize) < occupations;
        let regions = picture.regions.len();
        let families = picture.families.len();
        if !picture.areas.iter().all(|a| {
            a.region.is_none_or(|r| usize::from(r) < regions)
                && a.at_risk.iter().all(|w| in_range(&w.occupation))
        }) || !picture
            .families
            .iter()
            .all(|f| f.occupations.iter().all(in_range))
            || !picture.regions.iter().all(|r| r.shares.len() == families)
        {
            return Err(fail(
                "the local picture does not fit the dataset (an index out of range)".into(),
            ));
        }
        Ok(picture)
    }

    /// The area with `code` (NUTS3, any case).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming the code.
    pub fn area(&self, code: &str) -> Result<&Area, Error> {
        self.areas
            .iter()
            .find(|a| a.code.eq_ignore_ascii_case(code.trim()))
            .ok_or_else(|| Error::InvalidArgument {
                field: "area",
                value: crate::text::clip(code, 40),
                expected: "a NUTS3 area code from the list of areas (e.g. UKC11)",
            })
    }

    /// The area's share of each family's figure: its region's share of the family's
    /// industries times the area's share of its region's employment; for an area without
    /// industry data (Northern Ireland), its share of all employment in the survey, for UK
    /// figures only.
    pub fn family_shares(&self, area: &Area) -> Vec<f64> {
        match area.region {
            Some(r) => {
                let region_employment: u64 = self
                    .areas
                    .iter()
                    .filter(|a| a.region == Some(r))
                    .map(|a| u64::from(a.employment))
                    .sum();
                let within = if region_employment == 0 {
                    0.0
                } else {
                    f64::from(area.employment) / region_employment as f64
                };
                // A region the picture does not have is refused when it is decoded.
                self.regions
                    .get(usize::from(r))
                    .map(|region| {
                        region
                            .shares
                            .iter()
                            .map(|&s| f64::from(s) * within)
                            .collect()
                    })
                    .unwrap_or_default()
            }
            None => {
                let all: u64 = self.areas.iter().map(|a| u64::from(a.employment)).sum();
                let share = if all == 0 {
                    0.0
                } else {
                    f64::from(area.employment) / all as f64
                };
                self.families
                    .iter()
                    .map(|f| if f.geography == "UK" { share } else { 0.0 })
                    .collect()
            }
        }
    }

    /// Estimated demand by occupation in the area, largest first (ties by occupation).
    pub fn demand(&self, area: &Area) -> Vec<AreaDemand> {
        let shares = self.family_shares(area);
        let mut by_occupation: std::collections::BTreeMap<OccupationId, AreaDemand> =
            std::collections::BTreeMap::new();
        for (f, (family, share)) in self.families.iter().zip(shares).enumerate() {
            if family.occupations.is_empty() || share <= 0.0 {
                continue;
            }
            let each = f64::from(family.jobs) * share / family.occupations.len() as f64;
            for &o in &family.occupations {
                let entry = by_occupation.entry(o).or_insert(AreaDemand {
                    occupation: o,
                    jobs: 0.0,
                    families: Vec::new(),
                });
                entry.jobs += each;
                entry.families.push(f);
            }
        }
        let mut out: Vec<AreaDemand> = by_occupation.into_values().collect();
        out.sort_by(|a, b| {
            b.jobs
                .total_cmp(&a.jobs)
                .then_with(|| a.occupation.cmp(&b.occupation))
        });
        out
    }
}
