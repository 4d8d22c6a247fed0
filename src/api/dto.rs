//! The plain data the [`crate::api::Planner`] takes and returns: serde types with camelCase
//! fields, and (in the wasm build) generated TypeScript declarations.

use serde::{Deserialize, Serialize};
#[cfg(target_arch = "wasm32")]
use tsify::Tsify;

use crate::model::GreenEconomyCategory;

/// Facts about the loaded dataset, for the page's status line and footer.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct DatasetInfo {
    /// ESCO release.
    pub esco_version: String,
    /// Attribution text to show with any use of the data.
    pub attribution: String,
    /// Number of occupations.
    pub occupations: usize,
    /// Number of skills.
    pub skills: usize,
    /// Number of occupation–skill relations.
    pub relations: usize,
    /// Relations dropped when building (pointing at unknown occupations or skills).
    pub dropped_relations: u32,
    /// Occupations with an indicative UK pay figure.
    pub occupations_with_earnings: usize,
    /// The calibrated skills score from which a move is viable (see `docs/calibration.md`).
    pub viable_threshold: f32,
    /// The calibrated skills score from which a move is highly viable.
    pub highly_viable_threshold: f32,
    /// The parts of the dataset loaded so far (`"core"` first; see `parts`).
    pub parts: Vec<String>,
}

/// One search result.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OccupationMatch {
    /// ESCO occupation id.
    pub id: String,
    /// Preferred label.
    pub label: String,
    /// The name that matched the query.
    pub matched_label: String,
    /// Whether the matched label is the preferred one.
    pub matched_preferred: bool,
    /// What kind of name matched: ESCO's preferred or alternative label, a curated UK job
    /// title, or an ONS SOC 2020 related job title.
    pub matched_kind: crate::model::NameKind,
    /// ISCO-08 unit group.
    pub isco: String,
    /// Match quality, higher is better.
    pub score: f32,
}

/// A skill as shown to people.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SkillRef {
    /// ESCO skill id.
    pub id: String,
    /// Preferred label.
    pub label: String,
    /// Skill or knowledge.
    pub kind: crate::model::SkillKind,
    /// In ESCO's green skills collection.
    pub green: bool,
}

/// An occupation with its skills.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OccupationDetail {
    /// ESCO occupation id.
    pub id: String,
    /// Preferred label.
    pub label: String,
    /// Alternative labels.
    pub alt_labels: Vec<String>,
    /// ISCO-08 unit group code.
    pub isco: String,
    /// ISCO-08 unit group title.
    pub isco_label: String,
    /// O*NET job zone 1–5, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub job_zone: Option<u8>,
    /// Indicative UK annual pay in GBP (2019, by ISCO group), where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub annual_earnings: Option<u32>,
    /// Where pay and job zone were estimated from, when Nesta's table has no row for the job.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub estimated_from: Option<EstimateDto>,
    /// Everyday UK job titles for the job (curated, then ONS SOC 2020).
    pub uk_titles: Vec<String>,
    /// Why the job is on the green jobs list, when it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub green_job: Option<GreenJobDto>,
    /// Essential skills.
    pub essential_skills: Vec<SkillRef>,
    /// Optional skills.
    pub optional_skills: Vec<SkillRef>,
    /// Why the occupation counts as carbon-intensive, when it is on the curated list.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub carbon: Option<CarbonDto>,
}

/// Where an occupation's pay and job zone were estimated from.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct EstimateDto {
    /// `broaderOccupation`: inherited from a broader ESCO occupation; `iscoGroupMedian`: the
    /// median of an ISCO-08 group.
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "\"broaderOccupation\" | \"iscoGroupMedian\"")
    )]
    pub basis: &'static str,
    /// The broader occupation's label, or the ISCO group's code and title.
    pub from: String,
}

/// Why a job is on the curated green jobs list.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GreenJobDto {
    /// Kind of green work (`low_carbon_heat`, `wind`, …).
    pub category: &'static str,
    /// Name of the kind to show ("Low-carbon heating").
    pub name: &'static str,
    /// Why it counts.
    pub evidence: String,
    /// The publisher's page (URL).
    pub source: String,
}

/// A recognised route: a move an industry body or programme recognises.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RouteDto {
    /// Route id.
    pub id: String,
    /// Open to career changers from any job (not only from the person's).
    pub open: bool,
    /// Who recognises it.
    pub recognised_by: String,
    /// What the source says.
    pub evidence: String,
    /// The publisher's page (URL).
    pub source: String,
    /// The bridging courses, in order.
    pub bridging: Vec<CourseRef>,
}

/// Why an occupation counts as carbon-intensive.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CarbonDto {
    /// Kind of carbon-intensive work, e.g. `fossil_extraction`.
    pub category: String,
    /// Only some jobs under this ESCO occupation are carbon-intensive.
    pub borderline: bool,
    /// The evidence, in a sentence.
    pub evidence: String,
    /// Where the evidence comes from (URL).
    pub source: String,
}

/// A definition of "carbon-intensive" or "green" with its provenance.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ClassificationDto {
    /// Machine name, e.g. `onetGreenEconomy`.
    pub key: String,
    /// Name to show.
    pub name: String,
    /// What it means, in a sentence or two.
    pub description: String,
    /// Where it comes from.
    pub source: String,
    /// Licence of the source.
    pub licence: String,
    /// Whether the values are estimates (joined through an estimated crosswalk).
    pub estimated: bool,
    /// Occupations with a value.
    pub coverage: u32,
}

/// Options of `transitions`; every field may be left out.
#[derive(Debug, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct TransitionOptionsDto {
    /// ESCO ids of skills the person holds beyond their job.
    pub extra_skills: Vec<String>,
    /// Annual pay (GBP) a desirable move must reach; `null` for none. Default: the 2019 Real
    /// Living Wage for a full-time year (18,185).
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "number | null"))]
    #[serde(deserialize_with = "present")]
    pub pay_floor: Option<Option<f64>>,
    /// Share of current pay a desirable move must reach (default 0.75).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub desirable_pay_ratio: Option<f32>,
    /// Which definition decides "green" (default `curated`: the green jobs list).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub green: Option<crate::classification::GreenBasis>,
    /// Least share of green essential skills under the ESCO definition (default 0.2).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub esco_green_min_share: Option<f32>,
    /// Least share of working time on green tasks under the ONS definition (default 0.1).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub ons_green_min_share: Option<f32>,
    /// List green destinations only.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub only_green: bool,
    /// Least viability to list (default `any`).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub min_viability: Option<crate::transitions::Viability>,
    /// List desirable moves only (pay at least the chosen share of now and the pay floor).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub only_desirable: bool,
    /// How many moves to list (default 50).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub count: Option<f64>,
    /// Moves without their lists of skills (`matched`, `partial` and `missing` left empty;
    /// `skillCounts` still says how many). Answerable as soon as the `skills` part is loaded,
    /// before the `skill-names` part, and smaller to send: for a first list of moves.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub brief: bool,
}

/// The facets of a move's score.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FacetsDto {
    /// Skills coverage with partial credit, 0–1.
    pub skills: f32,
    /// 1 − job-zone rise / 4, when both job zones are known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub preparation: Option<f32>,
    /// min(1, destination pay / current pay), when both are known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub pay: Option<f32>,
}

/// Yes/no judgements of a move.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FlagsDto {
    /// Viable: a recognised route, or a score at least the calibrated threshold and a job-zone
    /// rise of at most one.
    pub viable: bool,
    /// Viable on skills alone (score and job zone), route or not.
    pub viable_by_skills: bool,
    /// Highly viable.
    pub highly_viable: bool,
    /// Pay at least the chosen share of current pay and the pay floor.
    pub desirable: bool,
    /// Green under the chosen definition.
    pub green: bool,
}

/// A destination's standing under every green definition.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GreenDto {
    /// Why the job is on the green jobs list, when it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub curated: Option<GreenJobDto>,
    /// Share of essential skills that are ESCO green skills.
    pub esco_share: f32,
    /// Green under the ESCO definition.
    pub esco: bool,
    /// O*NET green economy category.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub onet: Option<GreenEconomyCategory>,
    /// Whether the O*NET category was joined through an estimated crosswalk.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub onet_estimated: Option<bool>,
    /// ONS share of working time on green tasks (estimate).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub ons_share: Option<f32>,
    /// Green under the ONS definition.
    pub ons: bool,
    /// Green under the chosen definition.
    pub selected: bool,
}

/// A destination skill credited partly through a held skill.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PartialDto {
    /// The skill the destination needs.
    pub needed: SkillRef,
    /// The held skill that earns the credit.
    pub held: SkillRef,
    /// How they are close.
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "\"related\" | \"broader\" | \"sameGroup\" | \"optionalInOrigin\"")
    )]
    pub relation: &'static str,
    /// Credit earned, 0–1.
    pub credit: f32,
}

/// One ranked move.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TransitionDto {
    /// ESCO occupation id.
    pub id: String,
    /// Preferred label.
    pub label: String,
    /// ISCO-08 unit group code.
    pub isco: String,
    /// ISCO-08 unit group title.
    pub isco_label: String,
    /// Combined score, 0–1.
    pub score: f32,
    /// The facets behind the score.
    pub facets: FacetsDto,
    /// Viable, desirable, green.
    pub flags: FlagsDto,
    /// O*NET job zone, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub job_zone: Option<u8>,
    /// Indicative UK annual pay, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub annual_earnings: Option<u32>,
    /// Pay change against now as a fraction, when both are known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub pay_change: Option<f64>,
    /// Where the destination's pay and job zone were estimated from, if they were.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub estimated_from: Option<EstimateDto>,
    /// The recognised route that makes this move, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub recognised: Option<RouteDto>,
    /// Standing under every green definition.
    pub green: GreenDto,
    /// On the carbon-intensive list itself.
    pub carbon_intensive: bool,
    /// How many essential skills are held, partly credited and to learn (also when `brief`).
    pub skill_counts: SkillCountsDto,
    /// Essential skills held (empty when `brief`).
    pub matched: Vec<SkillRef>,
    /// Essential skills partly credited (empty when `brief`).
    pub partial: Vec<PartialDto>,
    /// Essential skills to learn, most important first (empty when `brief`).
    pub missing: Vec<SkillRef>,
}

/// How a move's essential skills divide.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SkillCountsDto {
    /// Essential skills held.
    pub matched: usize,
    /// Essential skills partly credited.
    pub partial: usize,
    /// Essential skills to learn.
    pub missing: usize,
}

/// A destination ranked by similarity, with why.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct SimilarOccupationDto {
    /// ESCO occupation id.
    pub id: String,
    /// Preferred label.
    pub label: String,
    /// ISCO-08 unit group code.
    pub isco: String,
    /// ISCO-08 unit group title.
    pub isco_label: String,
    /// Skills coverage in [0, 1].
    pub score: f32,
    /// O*NET job zone 1–5, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub job_zone: Option<u8>,
    /// Indicative UK annual pay in GBP, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub annual_earnings: Option<u32>,
    /// Pay change against the origin as a fraction (0.12 is 12% more), when both are known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub pay_change: Option<f64>,
    /// Essential skills of the destination the origin has too.
    pub shared_essential: Vec<SkillRef>,
    /// Essential skills of the destination to learn.
    pub missing_essential: Vec<SkillRef>,
    /// Optional skills of the destination the origin has.
    pub shared_optional_count: usize,
}

/// Reads a field that may be absent (`None`, from `default`), `null` (`Some(None)`) or a value.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<f64>>, D::Error> {
    Option::<f64>::deserialize(d).map(Some)
}

/// Options of `plan`; every field may be left out.
#[derive(Debug, Clone, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct PlanOptionsDto {
    /// ESCO ids of skills held beyond the job.
    pub extra_skills: Vec<String>,
    /// Ids of courses whose certificate the person holds.
    pub held_courses: Vec<String>,
    /// Most the person can pay, GBP (`null` or absent: no limit).
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "number | null"))]
    pub budget: Option<f64>,
    /// Most weeks of training in total (`null` or absent: no limit).
    #[cfg_attr(target_arch = "wasm32", tsify(optional, type = "number | null"))]
    pub max_weeks: Option<f64>,
    /// Only publicly or levy-funded courses.
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub funded_only: bool,
    /// Delivery modes the person can attend (absent or empty: any).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub delivery: Vec<crate::model::Delivery>,
    /// Include apprenticeships (default true).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub apprenticeships: Option<bool>,
    /// 0: only time matters, 1: only money matters (default 0.5).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub money_vs_time: Option<f64>,
}

/// Options of `pathways`: the plan options plus the search's own.
#[derive(Debug, Deserialize, Default)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct PathwayOptionsDto {
    /// Limits on each move's training.
    #[serde(flatten)]
    pub plan: PlanOptionsDto,
    /// Which definition decides "green" (default `curated`).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub green: Option<crate::classification::GreenBasis>,
    /// Most moves in a route, 1 to 3 (default 3).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub max_moves: Option<f64>,
    /// Most routes returned (default 12).
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub max_routes: Option<f64>,
}

/// An occupation named in a plan.
#[derive(Debug, Serialize, Clone)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct OccupationRef {
    /// ESCO occupation id.
    pub id: String,
    /// Preferred label.
    pub label: String,
    /// Indicative UK annual pay, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub annual_earnings: Option<u32>,
}

/// A course, as listed in the catalogue.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CourseDto {
    /// Catalogue id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Awarding body or provider.
    pub provider: String,
    /// Kind of course.
    pub kind: crate::model::CourseKind,
    /// RQF level.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub level: Option<u8>,
    /// Typical length in weeks.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub weeks: Option<f32>,
    /// Typical price, GBP.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub cost: Option<u32>,
    /// Apprenticeship funding band cap, GBP.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub max_funding: Option<u32>,
    /// How it is paid for.
    pub funding: crate::model::Funding,
    /// How it is taught.
    pub delivery: crate::model::Delivery,
    /// Entry requirements as published.
    pub prerequisites: String,
    /// Where the facts come from.
    pub source: String,
    /// Caveats (funding, region, status).
    pub notes: String,
    /// Where the course can be taken, in words, when only some areas can ("the West Midlands
    /// Combined Authority area").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub available_in: Option<String>,
}

/// One course of a plan.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PlanStepDto {
    /// The course.
    pub course: CourseDto,
    /// Gap skills it closes.
    pub closes: Vec<SkillRef>,
    /// What the person pays, GBP.
    pub out_of_pocket: u32,
    /// Public or levy funding, GBP.
    pub funded: u32,
    /// The price is unknown (counted as 0).
    pub cost_unknown: bool,
    /// The length is unknown (counted as 0).
    pub weeks_unknown: bool,
    /// Bridging training of the recognised route the move follows.
    pub bridging: bool,
}

/// A skill still to learn, with the credit already held through a close skill.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GapSkillDto {
    /// The skill.
    pub skill: SkillRef,
    /// Credit already held (0 to below 1).
    pub credit: f32,
}

/// A limit that kept skills uncovered, and what lifting it would add.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct BindingLimitDto {
    /// The option: `budget`, `maxWeeks`, `fundedOnly`, `delivery` or `apprenticeships`.
    pub limit: &'static str,
    /// More gap skills covered without it.
    pub more_skills: usize,
    /// Extra cost, GBP.
    pub more_cost: u32,
    /// Extra weeks.
    pub more_weeks: f32,
    /// That plan has courses of unknown price or length (counted as 0 in the extras).
    pub unknowns: bool,
}

/// A retraining plan.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PlanDto {
    /// Where the person is.
    pub origin: OccupationRef,
    /// Where they want to be.
    pub destination: OccupationRef,
    /// The recognised route the move follows, whose bridging courses come first.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub route: Option<RouteDto>,
    /// The destination's essential skills still to learn.
    pub gap: Vec<GapSkillDto>,
    /// Courses in order.
    pub steps: Vec<PlanStepDto>,
    /// Total weeks.
    pub weeks: f32,
    /// Total out-of-pocket cost, GBP.
    pub out_of_pocket: u32,
    /// Total funded, GBP.
    pub funded: u32,
    /// Gap skills to learn on the job (no course covers them within the limits).
    pub left_to_learn: Vec<SkillRef>,
    /// Limits that bind.
    pub binding: Vec<BindingLimitDto>,
    /// `optimal`, or `timeLimit` when the optimiser stopped early with the best plan found.
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "\"optimal\" | \"timeLimit\" | \"heuristic\"")
    )]
    pub status: &'static str,
}

/// One move of a pathway.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PathwayStepDto {
    /// Job moved from.
    pub from: OccupationRef,
    /// Job moved to.
    pub to: OccupationRef,
    /// Transition score.
    pub score: f32,
    /// The job moved to is green.
    pub green: bool,
    /// The move is a recognised route (its id).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub recognised: Option<String>,
    /// Courses for the move: ids and titles.
    pub courses: Vec<CourseRef>,
    /// Weeks of training.
    pub weeks: f32,
    /// Out-of-pocket cost, GBP.
    pub out_of_pocket: u32,
    /// Essential skills to learn on the job.
    pub left_to_learn: usize,
    /// Some course's price or length is unknown (counted as 0 above).
    pub unknowns: bool,
    /// `optimal` or `timeLimit`.
    #[cfg_attr(
        target_arch = "wasm32",
        tsify(type = "\"optimal\" | \"timeLimit\" | \"heuristic\"")
    )]
    pub status: &'static str,
}

/// A course named in a pathway or a route.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CourseRef {
    /// Catalogue id.
    pub id: String,
    /// Title.
    pub title: String,
}

/// A Pareto-optimal route to a green job.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PathwayDto {
    /// The moves in order.
    pub steps: Vec<PathwayStepDto>,
    /// Total weeks of training.
    pub weeks: f32,
    /// Total out-of-pocket cost, GBP.
    pub out_of_pocket: u32,
    /// Indicative pay of the last job, GBP.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub final_pay: Option<u32>,
    /// Essential skills to learn on the job over all moves.
    pub left_to_learn: usize,
    /// Some course's price or length is unknown (counted as 0 in the totals).
    pub unknowns: bool,
}

/// What loading a course list did.
#[derive(Debug, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "camelCase")]
pub struct CourseListLoaded {
    /// Courses in the catalogue now.
    pub catalogue: u32,
    /// Courses of the list.
    pub loaded: u32,
    /// Columns of the file that mean nothing here and were left out, as written.
    pub ignored_columns: Vec<String>,
}
