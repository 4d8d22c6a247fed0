//! A worker's retraining plan: which courses close the gap between their job and a new one.
//!
//! A course that names the jobs it trains for counts only for moves into those jobs (or their
//! ISCO unit groups); a course naming none counts for any move.
//!
//! The gap is the destination's essential skills the person does not hold, each weighted by how
//! much is still to learn (a skill partly credited through a close skill weighs less; see
//! [`crate::credit`]). Courses teach the skills the catalogue lists for them, and apprenticeship
//! standards teach the essential skills of the occupations they are linked to with at least
//! [`COURSE_LINK_THRESHOLD`] confidence (weaker links are shown, never used). The choice is the
//! integer programme of [`crate::gap`]: the most value of skills covered less the money and time
//! spent, and at most one apprenticeship. A week of training weighs `1 − moneyVsTime` points and
//! £1,000 weighs `moneyVsTime` points; one skill is worth [`PlanOptions::skill_worth`] points
//! ([`DEFAULT_SKILL_WORTH`]): at the default balance of one half, a skill is worth 8 weeks or
//! £8,000 of training; when only time matters, 4 weeks; when only money matters, £4,000.
//! Courses of unknown length or price are weighed at a typical value for their kind
//! ([`weighed_weeks`], [`weighed_cost`]) and reported as unknown, never as free.
//!
//! When the move is a recognised route ([`crate::model::RecognisedRoute`]), its bridging
//! courses come first in the plan whatever the optimiser would choose (the industry expects
//! them), their skills count as covered, and the optimiser plans the rest of the gap with what
//! is left of the budget and the weeks.

// Indexing cannot go out of range in this module. Skill and course ids come from the validated
// dataset, and the vectors indexed here have one entry per skill or course.
#![allow(clippy::indexing_slicing)]

use std::collections::{HashMap, HashSet};

use crate::credit::{held_by, CreditWeights, SkillGraph, ORIGIN_OPTIONAL_CREDIT};
use crate::dataset::Dataset;
use crate::deadline::Deadline;
use crate::error::Error;
use crate::gap::{GapCourse, GapProblem, GapSolution, SolveStatus};
use crate::model::{
    Course, CourseId, CourseKind, Delivery, Funding, OccupationId, RouteId, SkillId,
    COURSE_LINK_THRESHOLD,
};

/// Default seconds each optimisation phase may take before the best plan found is used.
pub const DEFAULT_TIME_LIMIT: f64 = 0.5;
/// Pounds that weigh as much as one week of training.
const POUNDS_PER_WEEK: f64 = 1000.0;
/// Default worth of learning one skill, in points (see the module docs for what a point is).
pub const DEFAULT_SKILL_WORTH: f32 = 4.0;

/// What the person wants and already has.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanOptions {
    /// Skills held beyond the origin occupation's.
    pub extra_skills: Vec<SkillId>,
    /// Courses whose certificate the person already holds (their skills count as held).
    pub held_courses: Vec<CourseId>,
    /// Most the person can pay out of pocket, GBP.
    pub budget: Option<u32>,
    /// Most weeks of training in total.
    pub max_weeks: Option<f32>,
    /// Only courses with public or levy funding.
    pub funded_only: bool,
    /// Delivery modes the person can attend; empty for any.
    pub delivery: Vec<Delivery>,
    /// Include apprenticeships (which mean being employed as an apprentice).
    pub apprenticeships: bool,
    /// 0: only time matters; 1: only money matters.
    pub money_vs_time: f32,
    /// What learning one skill is worth, in points (see the module docs).
    pub skill_worth: f32,
    /// Partial credit for close skills when judging what is missing.
    pub credit: CreditWeights,
    /// Seconds each optimisation phase may take.
    pub time_limit: f64,
    /// When all the work of the call must stop (phases take the less of their limit and what
    /// is left; re-plans for binding limits stop).
    pub deadline: Deadline,
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions {
            extra_skills: Vec::new(),
            held_courses: Vec::new(),
            budget: None,
            max_weeks: None,
            funded_only: false,
            delivery: Vec::new(),
            apprenticeships: true,
            money_vs_time: 0.5,
            skill_worth: DEFAULT_SKILL_WORTH,
            credit: CreditWeights::default(),
            time_limit: DEFAULT_TIME_LIMIT,
            deadline: Deadline::none(),
        }
    }
}

/// One skill of the gap.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GapSkill {
    /// The skill.
    pub skill: SkillId,
    /// Credit already held through close skills, in `[0, 1)`.
    pub credit: f32,
}

/// One course of a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanStep {
    /// The course.
    pub course: CourseId,
    /// Gap skills this course closes (some may also be closed by another step).
    pub closes: Vec<SkillId>,
    /// What the person pays, GBP (0 when funded).
    pub out_of_pocket: u32,
    /// Public, levy or grant money that pays for it, GBP, where known.
    pub funded: u32,
    /// Whether the price is unknown.
    pub cost_unknown: bool,
    /// Whether the length is unknown.
    pub weeks_unknown: bool,
    /// Bridging training of the recognised route the move follows.
    pub bridging: bool,
}

/// A limit that kept the plan from covering more, and what lifting it would buy.
#[derive(Debug, Clone, PartialEq)]
pub struct BindingLimit {
    /// `budget`, `maxWeeks`, `fundedOnly`, `delivery` or `apprenticeships`.
    pub limit: &'static str,
    /// Gap skills a plan without this limit would also cover.
    pub more_skills: usize,
    /// Extra out-of-pocket cost of that plan, GBP.
    pub more_cost: u32,
    /// Extra weeks of that plan.
    pub more_weeks: f32,
    /// That plan has courses of unknown price or length (counted as 0 above).
    pub unknowns: bool,
}

/// Published totals of some courses: unknown prices and lengths count 0 and are flagged.
struct Reported {
    cost: u32,
    weeks: f32,
    unknowns: bool,
}

/// The published totals of `chosen` (indices into `candidates`).
fn reported(data: &Dataset, candidates: &[CourseId], chosen: &[usize]) -> Reported {
    let mut totals = Reported {
        cost: 0,
        weeks: 0.0,
        unknowns: false,
    };
    for &i in chosen {
        let course = data.course(candidates[i]);
        let (pay, cost_unknown) = out_of_pocket(course);
        totals.cost += pay;
        totals.weeks += course.weeks.unwrap_or(0.0);
        totals.unknowns |= cost_unknown || course.weeks.is_none();
    }
    totals
}

/// A retraining plan from one occupation to another.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Where the person is.
    pub origin: OccupationId,
    /// Where they want to be.
    pub destination: OccupationId,
    /// The recognised route the move follows, whose bridging courses come first.
    pub route: Option<RouteId>,
    /// Every essential skill of the destination still to learn, with credit already held.
    pub gap: Vec<GapSkill>,
    /// Courses in the order to take them.
    pub steps: Vec<PlanStep>,
    /// Total weeks (courses of unknown length count 0; see `weeks_unknown`).
    pub weeks: f32,
    /// Total out-of-pocket cost, GBP (unknown prices count 0; see `cost_unknown`).
    pub out_of_pocket: u32,
    /// Total funded, GBP.
    pub funded: u32,
    /// Gap skills no chosen course covers: to learn on the job.
    pub left_to_learn: Vec<SkillId>,
    /// Limits that kept skills uncovered, each with what lifting it would add.
    pub binding: Vec<BindingLimit>,
    /// Whether the optimiser proved the plan optimal or stopped at its time limit.
    pub status: SolveStatus,
}

/// Plans retraining over a dataset; build once, reuse.
#[derive(Debug, Clone)]
pub struct CoursePlanner {
    graph: SkillGraph,
    /// Skills each course teaches (listed and derived from confident occupation links).
    teaches: Vec<Vec<SkillId>>,
}

impl CoursePlanner {
    /// Prepares the skill graph and each course's taught skills.
    pub fn new(data: &Dataset) -> Self {
        let teaches = data.courses().iter().map(|c| taught(data, c)).collect();
        CoursePlanner {
            graph: SkillGraph::new(data),
            teaches,
        }
    }

    /// The skills course `c` teaches.
    ///
    /// # Panics
    /// When `c` is not a course of the dataset this planner was built for.
    pub fn teaches(&self, c: CourseId) -> &[SkillId] {
        &self.teaches[c as usize]
    }

    /// The essential skills of `destination` a person from `origin` (with `options`' extra
    /// skills and certificates) still has to learn.
    ///
    /// # Errors
    /// [`Error::UnknownOccupation`] or [`Error::InvalidArgument`] for bad ids.
    pub fn gap(
        &self,
        data: &Dataset,
        origin: OccupationId,
        destination: OccupationId,
        options: &PlanOptions,
    ) -> Result<Vec<GapSkill>, Error> {
        data.checked_occupation(destination, "destination")?;
        let credit = self.credit(data, origin, options)?;
        Ok(gap_to(data, &credit, destination))
    }

    /// Credit for every skill held by a person from `origin` with `options`' extra skills and
    /// certificates (see [`crate::credit`]); the same for every destination, so callers that
    /// plan many moves from one job compute it once.
    ///
    /// # Errors
    /// [`Error::UnknownOccupation`] or [`Error::InvalidArgument`] for bad ids.
    pub fn credit(
        &self,
        data: &Dataset,
        origin: OccupationId,
        options: &PlanOptions,
    ) -> Result<Vec<f32>, Error> {
        data.checked_occupation(origin, "origin")?;
        self.check_options(data, options)?;
        // As in the transition engine, a holder has half of the job's optional skills.
        let extra = options
            .extra_skills
            .iter()
            .chain(options.held_courses.iter().flat_map(|&c| self.teaches(c)))
            .copied();
        let held = held_by(data, data.occupation(origin), ORIGIN_OPTIONAL_CREDIT, extra);
        Ok(self.graph.spread(&held, &options.credit).credit)
    }

    /// The best plan from `origin` to `destination` under `options`.
    ///
    /// # Errors
    /// Bad ids or options ([`Error::UnknownOccupation`], [`Error::InvalidArgument`]), or a
    /// solver fault ([`Error::Solver`]). Limits that make full cover impossible are not
    /// errors: the plan says what is left and which limit binds.
    pub fn plan(
        &self,
        data: &Dataset,
        origin: OccupationId,
        destination: OccupationId,
        options: &PlanOptions,
    ) -> Result<Plan, Error> {
        self.plan_with(data, origin, destination, options, true)
    }

    /// As [`CoursePlanner::plan`], without re-planning to find binding limits when `binding` is
    /// false (pathways plan many moves and only need the totals).
    ///
    /// # Errors
    /// As [`CoursePlanner::plan`].
    pub fn plan_with(
        &self,
        data: &Dataset,
        origin: OccupationId,
        destination: OccupationId,
        options: &PlanOptions,
        binding: bool,
    ) -> Result<Plan, Error> {
        let gap = self.gap(data, origin, destination, options)?;
        let route = data.route_between(origin, destination);
        let bridge = self.bridging(data, route, options);
        let (rest, rest_options) = self.after_bridging(data, &gap, &bridge, options);
        let candidates: Vec<CourseId> = self
            .candidates(data, destination, &rest, &rest_options)
            .into_iter()
            .filter(|c| !bridge.contains(c))
            .collect();
        let problem = self.problem(data, &rest, &candidates, &rest_options);
        let solution = problem.solve()?;
        let binding = if binding {
            self.binding_limits(
                data,
                destination,
                &rest,
                &rest_options,
                &candidates,
                &solution,
            )?
        } else {
            Vec::new()
        };
        Ok(self.assemble(
            data,
            (origin, destination, route),
            gap,
            &bridge,
            &candidates,
            &solution,
            binding,
        ))
    }

    /// The bridging courses of `route` the person does not hold and may take under `options`;
    /// none when together they do not fit the budget or the weeks (the optimiser then plans
    /// the whole gap within the limits, and the binding limits say what lifting them buys).
    fn bridging(
        &self,
        data: &Dataset,
        route: Option<RouteId>,
        options: &PlanOptions,
    ) -> Vec<CourseId> {
        let Some(r) = route else {
            return Vec::new();
        };
        let bridge: Vec<CourseId> = data
            .route(r)
            .bridging
            .iter()
            .copied()
            .filter(|c| !options.held_courses.contains(c) && self.allowed(data.course(*c), options))
            .collect();
        let (cost, weeks) = weighed_totals(data, &bridge);
        let fits = options.budget.is_none_or(|b| cost <= b)
            && options.max_weeks.is_none_or(|w| weeks <= w);
        if fits {
            bridge
        } else {
            Vec::new()
        }
    }

    /// The gap left once `bridge` is taken, and the options with the bridging courses' weeks
    /// and weighed cost taken off the limits.
    fn after_bridging(
        &self,
        data: &Dataset,
        gap: &[GapSkill],
        bridge: &[CourseId],
        options: &PlanOptions,
    ) -> (Vec<GapSkill>, PlanOptions) {
        if bridge.is_empty() {
            return (gap.to_vec(), options.clone());
        }
        let taught: Vec<SkillId> = bridge
            .iter()
            .flat_map(|&c| self.teaches(c).iter().copied())
            .collect();
        let rest = gap
            .iter()
            .filter(|g| !taught.contains(&g.skill))
            .copied()
            .collect();
        let (cost, weeks) = weighed_totals(data, bridge);
        let options = PlanOptions {
            budget: options.budget.map(|b| b.saturating_sub(cost)),
            max_weeks: options.max_weeks.map(|w| (w - weeks).max(0.0)),
            ..options.clone()
        };
        (rest, options)
    }

    /// A quick greedy plan (see [`GapProblem::greedy`]) to `destination` for a person whose
    /// skill credit is `credit` (from [`CoursePlanner::credit`]), for ranking many moves.
    ///
    /// # Errors
    /// As [`CoursePlanner::plan`].
    pub fn quick(
        &self,
        data: &Dataset,
        credit: &[f32],
        destination: OccupationId,
        options: &PlanOptions,
    ) -> Result<GapSolution, Error> {
        data.checked_occupation(destination, "destination")?;
        let gap = gap_to(data, credit, destination);
        let candidates = self.candidates(data, destination, &gap, options);
        self.problem(data, &gap, &candidates, options).greedy()
    }

    fn check_options(&self, data: &Dataset, options: &PlanOptions) -> Result<(), Error> {
        if let Some(&s) = options
            .extra_skills
            .iter()
            .find(|&&s| s as usize >= data.skills().len())
        {
            return Err(invalid(
                "extraSkills",
                s.to_string(),
                "skills of the dataset",
            ));
        }
        if let Some(&c) = options
            .held_courses
            .iter()
            .find(|&&c| c as usize >= data.courses().len())
        {
            return Err(invalid(
                "heldCourses",
                c.to_string(),
                "courses of the dataset",
            ));
        }
        if !(0.0..=1.0).contains(&options.money_vs_time) {
            return Err(invalid(
                "moneyVsTime",
                options.money_vs_time.to_string(),
                "a number from 0 (time) to 1 (money)",
            ));
        }
        if !(options.skill_worth.is_finite() && options.skill_worth > 0.0) {
            return Err(invalid(
                "skillWorth",
                options.skill_worth.to_string(),
                "a positive number of weeks",
            ));
        }
        if let Some(w) = options.max_weeks {
            if !(w.is_finite() && w >= 0.0) {
                return Err(invalid(
                    "maxWeeks",
                    w.to_string(),
                    "a number of weeks, 0 or more",
                ));
            }
        }
        Ok(())
    }

    /// Courses worth considering: those teaching a gap skill and allowed by the options, plus
    /// their prerequisites; a course whose prerequisite is neither held nor allowed is dropped.
    fn candidates(
        &self,
        data: &Dataset,
        destination: OccupationId,
        gap: &[GapSkill],
        options: &PlanOptions,
    ) -> Vec<CourseId> {
        let held: HashSet<CourseId> = options.held_courses.iter().copied().collect();
        let allowed = |c: CourseId| !held.contains(&c) && self.allowed(data.course(c), options);
        let gap_skills: HashSet<SkillId> = gap.iter().map(|g| g.skill).collect();
        let mut picked: Vec<CourseId> = (0..data.courses().len() as CourseId)
            .filter(|&c| allowed(c))
            .filter(|&c| trains_for(data, data.course(c), destination))
            .filter(|&c| self.teaches(c).iter().any(|s| gap_skills.contains(s)))
            .collect();
        let mut in_set = vec![false; data.courses().len()];
        for &c in &picked {
            in_set[c as usize] = true;
        }
        // Prerequisites the person does not hold come along (they cost time and money too).
        let mut i = 0;
        while let Some(&c) = picked.get(i) {
            for &r in &data.course(c).requires {
                if !in_set[r as usize] && allowed(r) {
                    in_set[r as usize] = true;
                    picked.push(r);
                }
            }
            i += 1;
        }
        // Drop courses that need a course the person neither holds nor may take, and then the
        // courses that need those (dropping one may strand another): each link is followed
        // once, from the dropped course to the courses requiring it.
        let mut required_by: HashMap<CourseId, Vec<CourseId>> = HashMap::new();
        let mut stranded: Vec<CourseId> = Vec::new();
        for &c in &picked {
            for &r in &data.course(c).requires {
                if held.contains(&r) {
                    continue;
                }
                if in_set[r as usize] {
                    required_by.entry(r).or_default().push(c);
                } else {
                    stranded.push(c);
                }
            }
        }
        while let Some(c) = stranded.pop() {
            if !std::mem::replace(&mut in_set[c as usize], false) {
                continue;
            }
            stranded.extend(required_by.get(&c).into_iter().flatten().copied());
        }
        picked.retain(|&c| in_set[c as usize]);
        picked.sort_unstable();
        picked
    }

    fn allowed(&self, course: &Course, options: &PlanOptions) -> bool {
        (!options.funded_only || is_funded(course.funding))
            && (options.delivery.is_empty() || options.delivery.contains(&course.delivery))
            && (options.apprenticeships || course.kind != CourseKind::Apprenticeship)
    }

    fn problem(
        &self,
        data: &Dataset,
        gap: &[GapSkill],
        candidates: &[CourseId],
        options: &PlanOptions,
    ) -> GapProblem {
        let courses = candidates
            .iter()
            .map(|&c| {
                let course = data.course(c);
                GapCourse {
                    covers: gap
                        .iter()
                        .enumerate()
                        .filter(|(_, g)| self.teaches(c).contains(&g.skill))
                        .map(|(i, _)| i)
                        .collect(),
                    cost: f64::from(weighed_cost(course)),
                    weeks: f64::from(weighed_weeks(course)),
                    requires: course
                        .requires
                        .iter()
                        .filter_map(|r| candidates.iter().position(|x| x == r))
                        .collect(),
                }
            })
            .collect();
        let t = f64::from(options.money_vs_time);
        let apprenticeships: Vec<usize> = candidates
            .iter()
            .enumerate()
            .filter(|(_, &c)| data.course(c).kind == CourseKind::Apprenticeship)
            .map(|(i, _)| i)
            .collect();
        GapProblem {
            skills: gap.iter().map(|g| f64::from(1.0 - g.credit)).collect(),
            courses,
            budget: options.budget.map(f64::from),
            max_weeks: options.max_weeks.map(f64::from),
            money_weight: t / POUNDS_PER_WEEK,
            week_weight: 1.0 - t,
            skill_value: f64::from(options.skill_worth),
            exclusive: vec![apprenticeships],
            time_limit: options.deadline.limit(options.time_limit),
        }
    }

    /// For a plan that leaves skills uncovered, which limits bind: re-plan without each.
    fn binding_limits(
        &self,
        data: &Dataset,
        destination: OccupationId,
        gap: &[GapSkill],
        options: &PlanOptions,
        candidates: &[CourseId],
        solution: &GapSolution,
    ) -> Result<Vec<BindingLimit>, Error> {
        let now = reported(data, candidates, &solution.chosen);
        if solution.uncovered.is_empty() {
            return Ok(Vec::new());
        }
        let relaxations: [(&'static str, PlanOptions); 5] = [
            (
                "budget",
                PlanOptions {
                    budget: None,
                    ..options.clone()
                },
            ),
            (
                "maxWeeks",
                PlanOptions {
                    max_weeks: None,
                    ..options.clone()
                },
            ),
            (
                "fundedOnly",
                PlanOptions {
                    funded_only: false,
                    ..options.clone()
                },
            ),
            (
                "delivery",
                PlanOptions {
                    delivery: Vec::new(),
                    ..options.clone()
                },
            ),
            (
                "apprenticeships",
                PlanOptions {
                    apprenticeships: true,
                    ..options.clone()
                },
            ),
        ];
        let mut out = Vec::new();
        for (limit, relaxed) in relaxations {
            if relaxed == *options {
                continue;
            }
            // Out of time: the limits not yet tried are not reported (the plan itself stands).
            if options.deadline.passed() {
                break;
            }
            let relaxed_candidates = self.candidates(data, destination, gap, &relaxed);
            let better = self
                .problem(data, gap, &relaxed_candidates, &relaxed)
                .solve()?;
            if better.covered.len() > solution.covered.len() {
                let then = reported(data, &relaxed_candidates, &better.chosen);
                out.push(BindingLimit {
                    limit,
                    more_skills: better.covered.len() - solution.covered.len(),
                    more_cost: then.cost.saturating_sub(now.cost),
                    more_weeks: (then.weeks - now.weeks).max(0.0),
                    unknowns: then.unknowns,
                });
            }
        }
        Ok(out)
    }

    #[allow(clippy::too_many_arguments)]
    fn assemble(
        &self,
        data: &Dataset,
        (origin, destination, route): (OccupationId, OccupationId, Option<RouteId>),
        gap: Vec<GapSkill>,
        bridge: &[CourseId],
        candidates: &[CourseId],
        solution: &GapSolution,
        binding: Vec<BindingLimit>,
    ) -> Plan {
        let chosen = bridge
            .iter()
            .map(|&c| (c, true))
            .chain(solution.chosen.iter().map(|&i| (candidates[i], false)));
        let steps: Vec<PlanStep> = chosen
            .map(|(c, bridging)| {
                let course = data.course(c);
                let (pay, unknown) = out_of_pocket(course);
                PlanStep {
                    course: c,
                    closes: gap
                        .iter()
                        .filter(|g| self.teaches(c).contains(&g.skill))
                        .map(|g| g.skill)
                        .collect(),
                    out_of_pocket: pay,
                    funded: funded_amount(course),
                    cost_unknown: unknown,
                    weeks_unknown: course.weeks.is_none(),
                    bridging,
                }
            })
            .collect();
        let left_to_learn = gap
            .iter()
            .map(|g| g.skill)
            .filter(|s| !steps.iter().any(|step| step.closes.contains(s)))
            .collect();
        Plan {
            origin,
            destination,
            route,
            left_to_learn,
            weeks: steps
                .iter()
                .map(|s| data.course(s.course).weeks.unwrap_or(0.0))
                // A float sum of nothing is -0.0; start from +0.0 so no plan shows "-0 weeks".
                .fold(0.0, |total, weeks| total + weeks),
            out_of_pocket: steps.iter().map(|s| s.out_of_pocket).sum(),
            funded: steps.iter().map(|s| s.funded).sum(),
            gap,
            steps,
            binding,
            status: solution.status,
        }
    }
}

/// The weighed cost and weeks of `courses` together (unknown prices and lengths at their
/// typical values, see [`weighed_cost`] and [`weighed_weeks`]).
fn weighed_totals(data: &Dataset, courses: &[CourseId]) -> (u32, f32) {
    courses.iter().fold((0, 0.0), |(cost, weeks), &c| {
        let course = data.course(c);
        (cost + weighed_cost(course), weeks + weighed_weeks(course))
    })
}

/// Whether `course` may count towards a move into `destination`: a course that names the jobs it
/// trains for (curated targets, or confident links of an apprenticeship standard) counts only
/// for those jobs and the other jobs of their ISCO unit groups; a course naming none counts for
/// any. Without this a heat pump plan would pick up a wind-turbine course for one shared generic
/// skill.
fn trains_for(data: &Dataset, course: &Course, destination: OccupationId) -> bool {
    let mut targets = course
        .occupations
        .iter()
        .filter(|l| l.1 >= COURSE_LINK_THRESHOLD)
        .map(|l| l.0)
        .peekable();
    if targets.peek().is_none() {
        return true;
    }
    let unit_group = &data.occupation(destination).isco;
    targets.any(|o| o == destination || data.occupation(o).isco == *unit_group)
}

/// The essential skills of `destination` not fully credited, with their credit.
fn gap_to(data: &Dataset, credit: &[f32], destination: OccupationId) -> Vec<GapSkill> {
    data.occupation(destination)
        .essential
        .iter()
        .filter(|&&s| credit[s as usize] < 1.0)
        .map(|&s| GapSkill {
            skill: s,
            credit: credit[s as usize],
        })
        .collect()
}

/// Skills a course teaches: those it lists, and for confident occupation links the linked
/// occupation's essential skills.
fn taught(data: &Dataset, course: &Course) -> Vec<SkillId> {
    let mut skills = course.teaches.clone();
    for link in &course.occupations {
        if link.1 >= COURSE_LINK_THRESHOLD && course.teaches.is_empty() {
            skills.extend(&data.occupation(link.0).essential);
        }
    }
    skills.sort_unstable();
    skills.dedup();
    skills
}

/// The length a course is weighed at when choosing: its published length, or when that is
/// unknown a typical length for its kind, so that a course of unknown length is never taken as
/// free of time. Plans still report the length as unknown.
pub fn weighed_weeks(course: &Course) -> f32 {
    course.weeks.unwrap_or(match course.kind {
        CourseKind::ShortCourse => 1.0,
        CourseKind::Qualification => 4.0,
        CourseKind::Bootcamp => 12.0,
        CourseKind::Apprenticeship => 78.0,
        CourseKind::Degree => 156.0,
    })
}

/// What a course is weighed at when choosing: what the learner pays, or when the price is
/// unknown a typical price for its kind (again only for choosing and for the budget; plans
/// report the price as unknown).
pub fn weighed_cost(course: &Course) -> u32 {
    match out_of_pocket(course) {
        (pay, false) => pay,
        (_, true) => match course.kind {
            CourseKind::ShortCourse => 500,
            CourseKind::Qualification => 1_000,
            CourseKind::Bootcamp | CourseKind::Apprenticeship => 0,
            CourseKind::Degree => 9_250,
        },
    }
}

/// Whether a funding route means the learner does not pay (or pays only part).
pub fn is_funded(funding: Funding) -> bool {
    matches!(
        funding,
        Funding::Free
            | Funding::SkillsBootcamp
            | Funding::ApprenticeshipLevy
            | Funding::GrantPartFunded
    )
}

/// What the learner pays, and whether the price is unknown.
pub fn out_of_pocket(course: &Course) -> (u32, bool) {
    match course.funding {
        Funding::Free | Funding::SkillsBootcamp | Funding::ApprenticeshipLevy => (0, false),
        _ => (course.cost.unwrap_or(0), course.cost.is_none()),
    }
}

/// Money from public funds or the apprenticeship levy that pays for the course, where known.
/// Employer-funded and part-funded courses count as paid by the learner: the employer or the
/// grant may not be there for someone changing jobs, so plans stay on the safe side.
pub fn funded_amount(course: &Course) -> u32 {
    match course.funding {
        Funding::ApprenticeshipLevy => course.max_funding.or(course.cost).unwrap_or(0),
        Funding::Free | Funding::SkillsBootcamp => course.cost.unwrap_or(0),
        _ => 0,
    }
}

fn invalid(field: &'static str, value: String, expected: &'static str) -> Error {
    Error::InvalidArgument {
        field,
        value,
        expected,
    }
}
