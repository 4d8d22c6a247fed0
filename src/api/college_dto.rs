//! The plain data of the college (and council) questions: the local picture of an area, the
//! skills and demand gaps, and the course portfolio.

use serde::{Deserialize, Serialize};
#[cfg(target_arch = "wasm32")]
use tsify::Tsify;

use super::dto::{CourseRef, OccupationRef, SkillRef};

/// An area of the local picture.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LocalAreaDto {
    /// NUTS3 code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Its ITL2 region's name (none in Northern Ireland: no industry figures).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub region: Option<String>,
}

/// Workers in one carbon-intensive occupation in an area (an estimate).
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AtRiskDto {
    /// The occupation.
    pub occupation: OccupationRef,
    /// Estimated workers.
    pub workers: u32,
    /// Survey cells ONS suppressed as too small (counted as 0: the real figure is higher).
    pub suppressed: u16,
    /// Kind of carbon-intensive work, e.g. `fossil_heating`.
    pub category: String,
}

/// Demand for one green occupation in an area (an estimate).
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct AreaDemandDto {
    /// The occupation.
    pub occupation: OccupationRef,
    /// Estimated openings in the area, to one decimal place.
    pub openings: f64,
    /// Names of the published figures it comes from.
    pub families: Vec<String>,
}

/// A published demand figure and the area's share of it.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DemandFamilyDto {
    /// Name, e.g. `Heat pump engineers`.
    pub name: String,
    /// People needed across its geography.
    pub jobs: u32,
    /// The year of the figure.
    pub year: u16,
    /// `UK`, `GB` or `England`.
    pub geography: String,
    /// What it measures.
    pub measure: String,
    /// SIC 2007 industries that scale it.
    pub industries: Vec<String>,
    /// Publication.
    pub source_title: String,
    /// The publication's page.
    pub source_url: String,
    /// The area's share of it (0 to 1).
    pub area_share: f64,
}

/// The local picture of one area.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LocalPictureDto {
    /// The area.
    pub area: LocalAreaDto,
    /// People in work in the area in the survey.
    pub employment: u32,
    /// Workers in carbon-intensive occupations, most first.
    pub workers: Vec<AtRiskDto>,
    /// Demand for green occupations, most first.
    pub demand: Vec<AreaDemandDto>,
    /// The published figures behind the demand.
    pub families: Vec<DemandFamilyDto>,
    /// How workers were estimated.
    pub workers_method: String,
    /// How demand was scaled.
    pub demand_method: String,
}

/// What running a course takes, as the college sets it. Absent fields take the suggested
/// values of [`CandidateCourseDto::running`].
#[derive(Debug, Clone, Serialize, Deserialize, Default, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct CourseRunningDto {
    /// Catalogue id of the course.
    pub course: String,
    /// Cost of running it at all, GBP.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub fixed_cost: Option<f64>,
    /// Cost of each cohort, GBP.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub cost_per_cohort: Option<f64>,
    /// Cost of each place, GBP.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub cost_per_place: Option<f64>,
    /// Tutor hours per cohort.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub tutor_hours_per_cohort: Option<f64>,
    /// Room sessions per cohort.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub sessions_per_cohort: Option<f64>,
    /// Fewest learners a cohort runs with.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub cohort_min: Option<f64>,
    /// Most learners in a cohort.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub cohort_max: Option<f64>,
    /// Most cohorts the college could run.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub max_cohorts: Option<f64>,
    /// Share of learners expected to complete and be placed (0 to 1).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub success_rate: Option<f64>,
    /// The college has committed to run it.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub must_run: Option<bool>,
}

/// A course the college could run for the area's destinations, with suggested running figures.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CandidateCourseDto {
    /// The course.
    pub course: super::dto::CourseDto,
    /// The destinations it trains for (confident catalogue links).
    pub trains_for: Vec<OccupationRef>,
    /// Suggested running figures: assumptions for the college to replace (see `assumptions`).
    pub running: CourseRunningDto,
    /// How the suggestions were made, in words.
    pub assumptions: String,
}

/// An origin or destination row the college edits.
#[derive(Debug, Clone, Deserialize, Serialize, Default, PartialEq)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GroupDto {
    /// ESCO occupation id.
    pub occupation: String,
    /// People (origins: workers or learners; destinations: openings).
    pub count: f64,
}

/// The college's question: its origins, destinations, candidate courses and limits.
#[derive(Debug, Clone, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct CollegeInputDto {
    /// Origin occupations and learners the college could enrol from each.
    pub origins: Vec<GroupDto>,
    /// Destination occupations and their openings.
    pub destinations: Vec<GroupDto>,
    /// Candidate courses and what running each takes.
    pub courses: Vec<CourseRunningDto>,
    /// Money to spend, GBP (absent or `null`: no limit).
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "number | null"))]
    pub budget: Option<f64>,
    /// Tutor hours available (absent or `null`: no limit).
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "number | null"))]
    pub tutor_hours: Option<f64>,
    /// Room sessions available (absent or `null`: no limit).
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "number | null"))]
    pub sessions: Option<f64>,
    /// Extra value per placement for each 100% of pay uplift (default 0.5).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub uplift_weight: Option<f64>,
    /// Extra value per placement of a learner from a carbon-intensive job (default 0.5).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub carbon_weight: Option<f64>,
    /// Placements the college would give up to save £10,000 (default 0.05).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub cost_weight: Option<f64>,
    /// A good job pays at least this share of current pay (default 0.75).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub pay_ratio: Option<f64>,
    /// And at least this a year (default: the 2019 Real Living Wage full time, £18,185, as pay
    /// figures are 2019's; `null`: no floor).
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "number | null"))]
    pub pay_floor: Option<Option<f64>>,
    /// Seconds the solver may run (default 1; the analysis shares as much again).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub time_limit: Option<f64>,
}

/// A skill the area's workers lack for the jobs in demand.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SkillGapDto {
    /// The skill.
    pub skill: SkillRef,
    /// Openings in destinations needing it.
    pub openings_needing: f64,
    /// Workers in origins lacking it.
    pub workers_lacking: f64,
    /// Openings needing × workers lacking ÷ all workers.
    pub weight: f64,
    /// Candidate courses teaching it (none: no course teaches it).
    pub taught_by: Vec<CourseRef>,
}

/// One destination's demand gap.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DemandGapDto {
    /// The destination.
    pub occupation: OccupationRef,
    /// Openings.
    pub openings: f64,
    /// Completions counted against them (a plan's expected placements).
    pub completions: f64,
    /// Openings less completions.
    pub gap: f64,
}

/// Where the gaps are.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CollegeGapsDto {
    /// The skills gaps that matter most (workers affected × demand).
    pub skill_gaps: Vec<SkillGapDto>,
    /// The common method: openings less completions, with no plan (completions 0).
    pub demand_gaps: Vec<DemandGapDto>,
}

/// Places on one course from one origin towards one destination.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PortfolioFlowDto {
    /// Where the learners come from.
    pub origin: OccupationRef,
    /// Where they are going.
    pub destination: OccupationRef,
    /// Places.
    pub places: u32,
    /// Expected placements.
    pub placements: f64,
}

/// One candidate course in the plan.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PortfolioCourseDto {
    /// The course.
    pub course: CourseRef,
    /// Cohorts (0: does not run).
    pub cohorts: u32,
    /// Places filled.
    pub places: u32,
    /// Cost, GBP.
    pub cost: f64,
    /// Who it serves and which demand it fills.
    pub flows: Vec<PortfolioFlowDto>,
}

/// A destination's demand after the plan.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct UnmetDemandDto {
    /// The destination.
    pub occupation: OccupationRef,
    /// Openings.
    pub openings: f64,
    /// Expected placements.
    pub placed: f64,
    /// Openings left.
    pub unmet: f64,
}

/// An origin's learners after the plan.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OriginUseDto {
    /// The origin.
    pub occupation: OccupationRef,
    /// Learners available.
    pub learners: f64,
    /// Learners given places.
    pub enrolled: u32,
    /// Whether any candidate course leads anywhere good from it.
    pub has_route: bool,
}

/// One limit of the plan.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct LimitDto {
    /// `budget`, `tutorHours` or `sessions`.
    pub limit: String,
    /// What the college has.
    pub available: f64,
    /// What the plan uses.
    pub used: f64,
    /// The limit holds the plan back.
    pub binding: bool,
    /// The step asked about: £10,000, 100 tutor hours or 10 room sessions.
    pub step: f64,
    /// Extra expected placements from one more step.
    pub step_gain: f64,
}

/// Why courses that must run cannot all run.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ShortfallDto {
    /// `budget`, `tutorHours`, `sessions`, or `cohort` (a must-run course cannot fill its
    /// minimum cohort from the learners it can serve).
    pub limit: String,
    /// What the college has (limits only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub available: Option<f64>,
    /// How much more is needed (limits only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub short: Option<f64>,
    /// The course (cohort only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub course: Option<CourseRef>,
}

/// The portfolio plan, or why there is none.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PortfolioDto {
    /// `planned`, or `infeasible` (see `shortfalls`).
    pub outcome: String,
    /// Every candidate course, running ones first.
    pub courses: Vec<PortfolioCourseDto>,
    /// Demand after the plan, most unmet first.
    pub unmet: Vec<UnmetDemandDto>,
    /// Learners by origin.
    pub origins: Vec<OriginUseDto>,
    /// Limits the college set, with what one more step adds.
    pub limits: Vec<LimitDto>,
    /// When infeasible: what is short, by how much.
    pub shortfalls: Vec<ShortfallDto>,
    /// The demand gap beside the plan: openings less the plan's completions.
    pub demand_gaps: Vec<DemandGapDto>,
    /// Expected placements.
    pub placements: f64,
    /// Places.
    pub places: u32,
    /// Total cost, GBP.
    pub cost: f64,
    /// Tutor hours used.
    pub tutor_hours: f64,
    /// Room sessions used.
    pub sessions: f64,
    /// The objective's value.
    pub objective: f64,
    /// `optimal` or `timeLimit` (the best plan found when the time limit stopped the search).
    pub status: String,
    /// Relative gap to the best proven bound (0 when optimal), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub gap: Option<f64>,
    /// Origin–course–destination links the model used.
    pub links: usize,
    /// Links left out: each move keeps its three most cost-effective courses.
    pub links_dropped: usize,
}

/// A portfolio problem given directly (no dataset): for callers with their own origins, courses
/// and links, and for benchmarks. Indices refer to the lists' positions.
#[derive(Debug, Clone, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct PortfolioProblemDto {
    /// Candidate courses (`course` is ignored; every other field is required in effect:
    /// absent numbers are 0, an absent `cohortMax` is 1).
    pub courses: Vec<CourseRunningDto>,
    /// Learners available from each origin, and whether it is carbon-intensive.
    pub origins: Vec<ProblemOriginDto>,
    /// Openings per destination.
    pub destinations: Vec<f64>,
    /// Viable links.
    pub links: Vec<ProblemLinkDto>,
    /// Money to spend, GBP (absent or `null`: no limit).
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "number | null"))]
    pub budget: Option<f64>,
    /// Tutor hours (absent or `null`: no limit).
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "number | null"))]
    pub tutor_hours: Option<f64>,
    /// Room sessions (absent or `null`: no limit).
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "number | null"))]
    pub sessions: Option<f64>,
    /// Seconds the solver may run (default 1; the analysis shares as much again).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub time_limit: Option<f64>,
}

/// An origin of a [`PortfolioProblemDto`].
#[derive(Debug, Clone, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct ProblemOriginDto {
    /// Learners available.
    pub supply: f64,
    /// Carbon-intensive (weighted).
    pub carbon_intensive: bool,
}

/// A link of a [`PortfolioProblemDto`].
#[derive(Debug, Clone, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct ProblemLinkDto {
    /// Origin index.
    pub origin: usize,
    /// Course index.
    pub course: usize,
    /// Destination index.
    pub destination: usize,
    /// Pay uplift as a share of current pay.
    pub uplift: f64,
}

/// The solution of a [`PortfolioProblemDto`].
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ProblemSolutionDto {
    /// `optimal`, `withinGap`, `timeLimit` or `heuristic`.
    pub status: String,
    /// Relative gap to the best bound, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub gap: Option<f64>,
    /// The objective.
    pub objective: f64,
    /// Expected placements.
    pub placements: f64,
    /// Cost, GBP.
    pub cost: f64,
    /// Cohorts per course.
    pub cohorts: Vec<u32>,
    /// Places per link.
    pub places: Vec<u32>,
}
