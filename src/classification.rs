//! Which occupations are carbon-intensive ("brown") and which are green, by several definitions.
//!
//! The definitions disagree, so none is hidden behind another: every transition carries the
//! destination's standing under each, and the caller picks which one decides "green".
//! - **Green jobs list** (the default): a curated list of occupations people call green jobs
//!   (heat pump, solar, wind, retrofit, EV and grid work, and more), each with its evidence and
//!   source (`data/curated/green_occupations.csv`). The skill- and group-based definitions below
//!   let in waste, sanitation and farm work and miss heat pump and offshore renewable roles;
//!   the false positives taken out are listed with reasons in
//!   `data/curated/green_exclusions.csv`.
//! - **ESCO green skills**: the share of an occupation's essential skills that are in ESCO's
//!   green skills collection (computed from the data; exact).
//! - **O*NET green economy**: the O*NET green economy category of the occupation (Increased
//!   Demand, Enhanced Skills, New & Emerging), joined through crosswalks (see `data/README.md`).
//! - **ONS green tasks**: the ONS estimate of the share of working time spent on green tasks,
//!   by UK SOC 2010 occupation, joined to ESCO through ISCO-08 (an estimate).
//!
//! Carbon-intensive occupations come from a curated list with evidence and sources. An
//! occupation on that list (core or borderline) is never a green destination under any
//! definition: a job people are moving out of cannot be offered as the green job to move into
//! (the O*NET mapping alone counts 98 of the 127 listed carbon-intensive occupations as
//! green-economy jobs, because it works per UK occupation group and cannot tell gas boiler work
//! from heat pump work inside one group).

use crate::dataset::Dataset;
use crate::error::Error;
use crate::model::{GreenCategory, GreenEconomyCategory, OccupationId};

/// Default least share of green essential skills for the ESCO definition (about the top 5% of
/// occupations: 145 of 3,006 with essential skills).
pub const ESCO_GREEN_SHARE: f32 = 0.2;
/// Default least share of working time on green tasks for the ONS definition.
pub const ONS_GREEN_TASK_SHARE: f32 = 0.1;

/// Which source decides whether a destination is green. In options and URLs by its camelCase
/// name (`"curated"`, `"escoGreenSkills"`, …), the TypeScript type `GreenBasis`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum GreenBasis {
    /// On the curated list of green jobs: the default, because it matches what people call
    /// green jobs and every row names its evidence and source.
    #[default]
    Curated,
    /// Green under at least two of the three data-driven definitions (ESCO, O*NET, ONS). The
    /// O*NET and ONS definitions are both per UK occupation group through the same crosswalk,
    /// so they often agree for the same reason; this is not the default.
    Consensus,
    /// Green under at least one definition, the curated list included.
    Any,
    /// ESCO green skills share at least the threshold (measured on the occupation itself, but
    /// it lets in waste and farm work and misses heat pump and offshore renewable roles).
    EscoGreenSkills,
    /// Any O*NET green economy category.
    OnetGreenEconomy,
    /// ONS green task share at least the threshold.
    OnsGreenTasks,
}

impl GreenBasis {
    /// Every basis, the default first.
    pub const ALL: [GreenBasis; 6] = [
        GreenBasis::Curated,
        GreenBasis::Consensus,
        GreenBasis::Any,
        GreenBasis::EscoGreenSkills,
        GreenBasis::OnetGreenEconomy,
        GreenBasis::OnsGreenTasks,
    ];

    /// The name used in options and URLs (`"curated"`, `"escoGreenSkills"`, …).
    pub fn key(self) -> &'static str {
        match self {
            GreenBasis::Curated => "curated",
            GreenBasis::Consensus => "consensus",
            GreenBasis::Any => "any",
            GreenBasis::EscoGreenSkills => "escoGreenSkills",
            GreenBasis::OnetGreenEconomy => "onetGreenEconomy",
            GreenBasis::OnsGreenTasks => "onsGreenTasks",
        }
    }

    /// The basis named `key`.
    pub fn from_key(key: &str) -> Option<GreenBasis> {
        GreenBasis::ALL.into_iter().find(|b| b.key() == key)
    }
}

/// A definition of "green" with its thresholds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GreenDefinition {
    /// Which source decides.
    pub basis: GreenBasis,
    /// Least ESCO green skills share.
    pub esco_min_share: f32,
    /// Least ONS green task share.
    pub ons_min_share: f32,
}

impl Default for GreenDefinition {
    fn default() -> Self {
        GreenDefinition {
            basis: GreenBasis::Curated,
            esco_min_share: ESCO_GREEN_SHARE,
            ons_min_share: ONS_GREEN_TASK_SHARE,
        }
    }
}

impl GreenDefinition {
    /// Checks the thresholds are in `(0, 1]`.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming the threshold and value.
    pub fn validate(&self) -> Result<(), Error> {
        for (field, value) in [
            ("escoGreenMinShare", self.esco_min_share),
            ("onsGreenMinShare", self.ons_min_share),
        ] {
            if !(value > 0.0 && value <= 1.0) {
                return Err(Error::InvalidArgument {
                    field,
                    value: value.to_string(),
                    expected: "a share above 0 and at most 1",
                });
            }
        }
        Ok(())
    }
}

/// An occupation's standing under every green definition.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GreenStatus {
    /// The curated list's category, when the occupation is on it.
    pub curated: Option<GreenCategory>,
    /// Share of essential skills that are ESCO green skills.
    pub esco_share: f32,
    /// Green under the ESCO definition's threshold.
    pub esco: bool,
    /// O*NET green economy category, if any.
    pub onet: Option<GreenEconomyCategory>,
    /// ONS share of working time on green tasks, if known.
    pub ons_share: Option<f32>,
    /// Green under the ONS definition's threshold.
    pub ons: bool,
    /// On the carbon-intensive list (core or borderline): then never green.
    pub carbon_intensive: bool,
    /// Green under the chosen definition, and not carbon-intensive.
    pub selected: bool,
}

/// The standing of occupation `o` under every definition, and under the chosen one.
///
/// # Panics
/// When `o` is not an index of `data`.
pub fn green_status(data: &Dataset, o: OccupationId, definition: &GreenDefinition) -> GreenStatus {
    let occupation = data.occupation(o);
    let green_essential = occupation
        .essential
        .iter()
        .filter(|&&s| data.skill(s).green)
        .count();
    let esco_share = if occupation.essential.is_empty() {
        0.0
    } else {
        green_essential as f32 / occupation.essential.len() as f32
    };
    let esco = esco_share >= definition.esco_min_share;
    let onet = occupation.green_economy.as_ref().map(|g| g.category);
    let ons_share = occupation.green_task_share;
    let ons = ons_share.is_some_and(|s| s >= definition.ons_min_share);
    let curated = occupation.green_job.as_ref().map(|g| g.category);
    let agreeing = [esco, onet.is_some(), ons].iter().filter(|&&g| g).count();
    let carbon_intensive = occupation.carbon.is_some();
    let selected = !carbon_intensive
        && match definition.basis {
            GreenBasis::Curated => curated.is_some(),
            GreenBasis::Consensus => agreeing >= 2,
            GreenBasis::Any => agreeing >= 1 || curated.is_some(),
            GreenBasis::EscoGreenSkills => esco,
            GreenBasis::OnetGreenEconomy => onet.is_some(),
            GreenBasis::OnsGreenTasks => ons,
        };
    GreenStatus {
        curated,
        esco_share,
        esco,
        onet,
        ons_share,
        ons,
        carbon_intensive,
        selected,
    }
}
