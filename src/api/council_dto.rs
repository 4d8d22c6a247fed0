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
    /// The area (NUTS3 code): routes use only courses people there can take (absent: any).
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "string | null"))]
    pub area: Option<String>,
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
    /// Seconds the solver may run (default 1; the analysis shares as much again).
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

/// A council plan problem given directly, by index (no dataset needed): see
/// [`crate::api::solve_council`].
#[derive(Debug, Clone, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct CouncilProblemDto {
    /// Worker groups.
    pub groups: Vec<ProblemGroupDto>,
    /// Openings per destination.
    pub destinations: Vec<f64>,
    /// Courses the routes use.
    pub courses: Vec<ProblemCourseDto>,
    /// Routes into good jobs.
    pub routes: Vec<ProblemRouteDto>,
    /// Training budget, GBP (absent or `null`: no limit).
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "number | null"))]
    pub budget: Option<f64>,
    /// The fairness floor, 0 to 1 (default 0.5).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub floor: Option<f64>,
    /// Extra value per transition for each 100% of pay uplift (default 0.5).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub uplift_weight: Option<f64>,
    /// Extra value per transition from the most carbon-intensive groups (default 0.5).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub carbon_weight: Option<f64>,
    /// Extra value per transition for the most deprived groups (default 0).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub deprivation_weight: Option<f64>,
    /// Seconds the solver may run (default 1; the analysis shares as much again).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub time_limit: Option<f64>,
}

/// A group of a [`CouncilProblemDto`].
#[derive(Debug, Clone, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct ProblemGroupDto {
    /// People in the group.
    pub workers: f64,
    /// Carbon intensity of the origin, 0 to 1.
    pub carbon: f64,
    /// Deprivation, 0 to 1, where known.
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "number | null"))]
    pub deprivation: Option<f64>,
}

/// A course of a [`CouncilProblemDto`].
#[derive(Debug, Clone, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct ProblemCourseDto {
    /// Places (absent or `null`: as many as needed).
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "number | null"))]
    pub capacity: Option<f64>,
    /// Cost per person, GBP.
    pub cost_per_person: f64,
}

/// A route of a [`CouncilProblemDto`].
#[derive(Debug, Clone, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct ProblemRouteDto {
    /// Group index.
    pub origin: usize,
    /// Destination index.
    pub destination: usize,
    /// `direct`, `recognised` or `courses` (default `courses`).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub kind: Option<String>,
    /// Course indices.
    pub courses: Vec<usize>,
    /// Pay uplift as a share of current pay.
    pub uplift: f64,
}

/// The solution of a [`CouncilProblemDto`].
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CouncilSolutionDto {
    /// `optimal`, `withinGap`, `timeLimit` or `heuristic`.
    pub status: String,
    /// Relative gap to the best bound, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub gap: Option<f64>,
    /// The objective.
    pub objective: f64,
    /// People with a route.
    pub transitions: u32,
    /// Cost, GBP.
    pub cost: f64,
    /// People per route.
    pub people: Vec<u32>,
    /// People moved per group.
    pub moved: Vec<u32>,
}

/// A worker group in the council's picture: the routes open to it.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PictureGroupDto {
    /// The group's job.
    pub occupation: OccupationRef,
    /// People in it.
    pub workers: f64,
    /// Direct moves into good green jobs.
    pub direct: usize,
    /// Recognised routes.
    pub recognised: usize,
    /// Course plans.
    pub courses: usize,
    /// Green jobs the routes reach.
    pub destinations: usize,
}

/// A green job in the council's picture: openings against the workers who could move into it.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PictureDestinationDto {
    /// The job.
    pub occupation: OccupationRef,
    /// Openings.
    pub openings: f64,
    /// Workers in the groups with a route into it.
    pub reachable_workers: f64,
    /// Routes into it.
    pub routes: usize,
}

/// A course the routes use, with what the council would pay by default.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PictureCourseDto {
    /// The course.
    pub course: super::dto::CourseDto,
    /// What the fund pays per person unless the council says otherwise: what the worker would
    /// pay (apprenticeships and Skills Bootcamps are funded nationally, so 0).
    pub cost_per_person: f64,
    /// Routes that take it.
    pub routes: usize,
    /// Worker groups it opens a route for.
    pub groups: usize,
}

/// The council's picture of its area: routes by group, supply against demand by green job,
/// the courses the routes use and the skills gaps.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CouncilPictureDto {
    /// Every group, in input order.
    pub groups: Vec<PictureGroupDto>,
    /// Every green job, in input order.
    pub destinations: Vec<PictureDestinationDto>,
    /// Courses the routes use, most routes first.
    pub courses: Vec<PictureCourseDto>,
    /// The skills gaps that matter most (workers affected × openings).
    pub skill_gaps: Vec<super::college_dto::SkillGapDto>,
    /// Routes in all.
    pub routes: usize,
}
