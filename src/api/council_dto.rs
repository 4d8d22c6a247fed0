//! The plain data of the council's question: a fair transition plan for an area.

use serde::{Deserialize, Serialize};
#[cfg(target_arch = "wasm32")]
use tsify::Tsify;

use super::college_dto::GroupDto;
use super::dto::{CourseRef, OccupationRef};

/// A worker group the council plans for.
#[derive(Debug, Clone, Deserialize, Serialize, Default, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CouncilGroupDto {
    /// ESCO occupation id.
    pub occupation: String,
    /// People in the group.
    pub workers: f64,
    /// How deprived the group's places are, 0 to 1, where the council has the data.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "number | null"))]
    pub deprivation: Option<f64>,
}

/// Places and cost the council sets for a course (absent: as many places as needed, and what
/// the worker would otherwise pay).
#[derive(Debug, Clone, Deserialize, Serialize, Default, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CouncilCourseDto {
    /// Catalogue id.
    pub course: String,
    /// Places available.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "number | null"))]
    pub capacity: Option<f64>,
    /// What the council pays per person, GBP.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "number | null"))]
    pub cost_per_person: Option<f64>,
}

/// The council's question.
#[derive(Debug, Clone, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct CouncilInputDto {
    /// Worker groups.
    pub groups: Vec<CouncilGroupDto>,
    /// Green jobs and their openings.
    pub destinations: Vec<GroupDto>,
    /// Places and costs for courses (others: unlimited, at what the worker would pay).
    pub courses: Vec<CouncilCourseDto>,
    /// Training budget, GBP (absent or `null`: no limit).
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "number | null"))]
    pub budget: Option<f64>,
    /// The fairness floor: the share of every group with a route that must get one (default 0.5).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub floor: Option<f64>,
    /// A good job pays at least this share of current pay (default 0.75).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub pay_ratio: Option<f64>,
    /// Extra value per transition for each 100% of pay uplift (default 0.5).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub uplift_weight: Option<f64>,
    /// Extra value per transition from the most carbon-intensive jobs (default 0.5).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub carbon_weight: Option<f64>,
    /// Extra value per transition for the most deprived groups (default 0).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub deprivation_weight: Option<f64>,
    /// Seconds the solver may run (default 3).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub time_limit: Option<f64>,
}

/// People on one route.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CouncilFlowDto {
    /// From.
    pub origin: OccupationRef,
    /// `direct`, `recognised` or `courses`.
    pub route: String,
    /// Courses taken.
    pub courses: Vec<CourseRef>,
    /// To.
    pub destination: OccupationRef,
    /// People.
    pub people: u32,
    /// Cost, GBP.
    pub cost: f64,
}

/// A group after the plan.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CouncilGroupResultDto {
    /// The group's job.
    pub occupation: OccupationRef,
    /// People in it.
    pub workers: f64,
    /// People with a route.
    pub moved: u32,
    /// People without one.
    pub left: f64,
    /// Why: `nobody`, `noViableMove`, `noCoursePlace`, `budget` or `demand`.
    pub left_because: String,
    /// Routes open to it.
    pub routes: usize,
}

/// A limit and what one more step adds.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CouncilLimitDto {
    /// `budget` or `course`.
    pub limit: String,
    /// The course, for a course's places.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub course: Option<CourseRef>,
    /// What there is.
    pub available: f64,
    /// What the plan uses.
    pub used: f64,
    /// The step asked about (£100,000, or 10 places).
    pub step: f64,
    /// Extra transitions from it.
    pub step_gain: f64,
}

/// The council's plan.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CouncilPlanDto {
    /// `planned`, or `floorInfeasible` (see `highestFloor`).
    pub outcome: String,
    /// The highest floor that holds, when the chosen one does not.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub highest_floor: Option<f64>,
    /// Routes with people, most people first.
    pub flows: Vec<CouncilFlowDto>,
    /// Every group.
    pub groups: Vec<CouncilGroupResultDto>,
    /// Limits, with what one more step adds.
    pub limits: Vec<CouncilLimitDto>,
    /// People with a route.
    pub transitions: u32,
    /// Cost, GBP.
    pub cost: f64,
    /// `optimal`, `withinGap`, `timeLimit` (or `infeasible`).
    pub status: String,
    /// Relative gap to the best bound, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub gap: Option<f64>,
    /// Routes the model could use.
    pub routes: usize,
}
