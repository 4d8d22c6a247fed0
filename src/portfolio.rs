//! A college's portfolio of retraining places: a mixed-integer programme.
//!
//! A college chooses which courses run (a yes/no per course), how many cohorts each runs (a whole
//! number) and how many places go to learners from each origin occupation towards each green
//! destination. A place counts only on a [`PortfolioLink`]: a course that, with what learners
//! from that origin already bring, makes the move to that destination viable, into a good job.
//! The objective is the expected placements (places × the course's success rate), weighted as the
//! college chooses for pay uplift and carbon-intensive origins, less a weight on cost; placements
//! into a destination are capped by its demand and places from an origin by its learner supply.
//! Limits: budget, tutor hours, rooms (teaching sessions), cohort sizes and the minimum viable
//! cohort. Solved with `good_lp` and the pure-Rust `microlp` solver under a time limit; when the
//! limit stops the search the best plan found is returned with its optimality gap.
//!
//! [`PortfolioProblem::analyse`] adds what a planner asks next: which limits bind and what one
//! more step of each would add (by solving again), and, when courses the college must run cannot
//! all run, which limit is short and by how much.

// Indexing cannot go out of range in this module. Indices are the problem's own:
// `PortfolioProblem::validate` runs before any solve and checks every link's origin, course and
// destination against the problem's lists, and the vectors indexed here are sized to those lists.
#![allow(clippy::indexing_slicing)]

use crate::deadline::Deadline;
use good_lp::{
    constraint, microlp, variable, Expression, ProblemVariables, ResolutionError, Solution,
    SolutionStatus, SolverModel, Variable, WithInitialSolution, WithMipGap, WithTimeLimit,
};

use crate::error::Error;
use crate::gap::SolveStatus;

/// One candidate course and what a cohort of it needs.
#[derive(Debug, Clone, PartialEq)]
pub struct PortfolioCourse {
    /// Cost of running the course at all (set-up, equipment), GBP.
    pub fixed_cost: f64,
    /// Cost of each cohort (tutor pay, materials), GBP.
    pub cost_per_cohort: f64,
    /// Cost of each place (registration, assessment), GBP.
    pub cost_per_place: f64,
    /// Tutor hours each cohort takes.
    pub tutor_hours_per_cohort: f64,
    /// Room sessions (a room for one teaching session) each cohort takes.
    pub sessions_per_cohort: f64,
    /// Fewest learners a cohort can run with.
    pub cohort_min: u32,
    /// Most learners in a cohort.
    pub cohort_max: u32,
    /// Most cohorts the college could run.
    pub max_cohorts: u32,
    /// Share of learners expected to complete and be placed in the destination job (0 to 1).
    pub success_rate: f64,
    /// The college has committed to run it (at least one cohort).
    pub must_run: bool,
}

/// A group of possible learners: people in one origin occupation.
#[derive(Debug, Clone, PartialEq)]
pub struct PortfolioOrigin {
    /// Most learners from this origin the college can expect to enrol.
    pub supply: f64,
    /// The origin is a carbon-intensive occupation (weighted by [`Weights::carbon`]).
    pub carbon_intensive: bool,
}

/// A destination job and how many people it needs.
#[derive(Debug, Clone, PartialEq)]
pub struct PortfolioDestination {
    /// Openings to fill: placements into it are capped at this.
    pub demand: f64,
}

/// A course that makes a move viable: places on `course` for learners from `origin` count
/// towards `destination`.
#[derive(Debug, Clone, PartialEq)]
pub struct PortfolioLink {
    /// Index into [`PortfolioProblem::origins`].
    pub origin: usize,
    /// Index into [`PortfolioProblem::courses`].
    pub course: usize,
    /// Index into [`PortfolioProblem::destinations`].
    pub destination: usize,
    /// Pay uplift of the move, as a share of current pay (0.2 = 20% more); negative is a cut.
    pub uplift: f64,
}

/// The college's resources; `None` means no limit.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Limits {
    /// Money to spend, GBP.
    pub budget: Option<f64>,
    /// Tutor hours available.
    pub tutor_hours: Option<f64>,
    /// Room sessions available.
    pub sessions: Option<f64>,
}

/// What the college values beyond one expected placement (worth 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Extra value per placement for each 100% of pay uplift (uplift counted up to 100%).
    pub uplift: f64,
    /// Extra value per placement of a learner from a carbon-intensive origin.
    pub carbon: f64,
    /// Placements the college would give up to save £10,000.
    pub cost: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            uplift: 0.5,
            carbon: 0.5,
            cost: 0.05,
        }
    }
}

/// A portfolio problem.
#[derive(Debug, Clone, PartialEq)]
pub struct PortfolioProblem {
    /// Candidate courses.
    pub courses: Vec<PortfolioCourse>,
    /// Origin groups.
    pub origins: Vec<PortfolioOrigin>,
    /// Destination jobs.
    pub destinations: Vec<PortfolioDestination>,
    /// The viable (origin, course, destination) triples.
    pub links: Vec<PortfolioLink>,
    /// Budget, tutor hours, rooms.
    pub limits: Limits,
    /// Objective weights.
    pub weights: Weights,
    /// Seconds the solver may run before the best plan found is returned.
    pub time_limit: f64,
    /// The search stops once the plan is proven within this share of the best possible
    /// (0: prove it optimal).
    pub gap_tolerance: f64,
}

/// One course in a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct CoursePlan {
    /// Index of the course.
    pub course: usize,
    /// Cohorts to run (0 when the course does not run).
    pub cohorts: u32,
    /// Places filled.
    pub places: u32,
    /// What it costs, GBP.
    pub cost: f64,
}

/// Places on one link.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    /// Index of the link in [`PortfolioProblem::links`].
    pub link: usize,
    /// Places.
    pub places: u32,
    /// Expected placements (places × success rate).
    pub placements: f64,
}

/// A solved portfolio.
#[derive(Debug, Clone, PartialEq)]
pub struct PortfolioPlan {
    /// Every course, running or not, in problem order.
    pub courses: Vec<CoursePlan>,
    /// Links with places, in problem order.
    pub flows: Vec<Flow>,
    /// Expected placements into each destination.
    pub placed: Vec<f64>,
    /// Learners enrolled from each origin.
    pub enrolled: Vec<u32>,
    /// The objective's value.
    pub objective: f64,
    /// Expected placements in all.
    pub placements: f64,
    /// Total cost, GBP.
    pub cost: f64,
    /// Tutor hours used.
    pub tutor_hours: f64,
    /// Room sessions used.
    pub sessions: f64,
    /// How the solve ended.
    pub status: SolveStatus,
    /// Relative gap to the best proven bound when the time limit stopped the search
    /// (0 when proven optimal), if the solver reports one.
    pub gap: Option<f64>,
}

/// Which of the college's limits is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitKind {
    /// The budget, GBP.
    Budget,
    /// Tutor hours.
    TutorHours,
    /// Room sessions.
    Sessions,
}

impl LimitKind {
    /// All limits, in report order.
    pub const ALL: [LimitKind; 3] = [
        LimitKind::Budget,
        LimitKind::TutorHours,
        LimitKind::Sessions,
    ];

    /// The step a planner asks about: £10,000, 100 tutor hours, 10 room sessions.
    pub fn step(self) -> f64 {
        match self {
            LimitKind::Budget => 10_000.0,
            LimitKind::TutorHours => 100.0,
            LimitKind::Sessions => 10.0,
        }
    }

    /// The camelCase name used in options and reports.
    pub fn key(self) -> &'static str {
        match self {
            LimitKind::Budget => "budget",
            LimitKind::TutorHours => "tutorHours",
            LimitKind::Sessions => "sessions",
        }
    }

    fn of(self, limits: &Limits) -> Option<f64> {
        match self {
            LimitKind::Budget => limits.budget,
            LimitKind::TutorHours => limits.tutor_hours,
            LimitKind::Sessions => limits.sessions,
        }
    }

    fn set(self, limits: &mut Limits, value: f64) {
        match self {
            LimitKind::Budget => limits.budget = Some(value),
            LimitKind::TutorHours => limits.tutor_hours = Some(value),
            LimitKind::Sessions => limits.sessions = Some(value),
        }
    }

    fn used(self, plan: &PortfolioPlan) -> f64 {
        match self {
            LimitKind::Budget => plan.cost,
            LimitKind::TutorHours => plan.tutor_hours,
            LimitKind::Sessions => plan.sessions,
        }
    }
}

/// How a limit stands in a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct LimitReport {
    /// Which limit.
    pub kind: LimitKind,
    /// What the college has.
    pub available: f64,
    /// What the plan uses.
    pub used: f64,
    /// The limit stops the plan doing more: one more [`LimitKind::step`] adds placements.
    pub binding: bool,
    /// Extra expected placements from one more step (by solving again).
    pub step_gain: f64,
    /// Extra objective from one more step.
    pub step_objective_gain: f64,
}

/// Why the courses the college must run cannot all run.
#[derive(Debug, Clone, PartialEq)]
pub enum Shortfall {
    /// A limit is short by `short` (pounds, hours or sessions).
    Limit {
        /// Which limit.
        kind: LimitKind,
        /// What the college has.
        available: f64,
        /// How much more the must-run courses need.
        short: f64,
    },
    /// A must-run course cannot fill its minimum cohort from the learners it can serve.
    Cohort {
        /// Index of the course.
        course: usize,
    },
}

/// A plan and the answers around it.
#[derive(Debug, Clone, PartialEq)]
pub enum PortfolioOutcome {
    /// A plan, with its limits.
    Planned {
        /// The plan.
        plan: PortfolioPlan,
        /// Each limit the college set, with what one more step would add.
        limits: Vec<LimitReport>,
    },
    /// No plan runs every must-run course; the shortfalls say why.
    Infeasible {
        /// What is short, each by how much.
        shortfalls: Vec<Shortfall>,
    },
}

fn bad(field: &'static str, value: impl ToString, expected: &'static str) -> Error {
    Error::InvalidArgument {
        field,
        value: value.to_string(),
        expected,
    }
}

fn check_amount(field: &'static str, value: f64, which: usize) -> Result<(), Error> {
    if value.is_finite() && value >= 0.0 {
        Ok(())
    } else {
        Err(bad(
            field,
            format!("{value} (item {})", which + 1),
            "a number, 0 or more",
        ))
    }
}

/// The gap tolerance colleges plan with (1%): closing the last per cent takes most of the
/// solve time and changes no decision a college would notice, with inputs that are estimates.
/// The plan reports its gap.
pub const COLLEGE_GAP_TOLERANCE: f64 = 0.01;

/// Most variables a problem may have: keeps a browser tab responsive and memory bounded.
pub const MAX_LINKS: usize = 200_000;

impl PortfolioProblem {
    /// Checks every number and index.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming the field, the value and the item.
    pub fn validate(&self) -> Result<(), Error> {
        for (i, c) in self.courses.iter().enumerate() {
            check_amount("fixedCost", c.fixed_cost, i)?;
            check_amount("costPerCohort", c.cost_per_cohort, i)?;
            check_amount("costPerPlace", c.cost_per_place, i)?;
            check_amount("tutorHoursPerCohort", c.tutor_hours_per_cohort, i)?;
            check_amount("sessionsPerCohort", c.sessions_per_cohort, i)?;
            if c.cohort_max == 0 {
                return Err(bad(
                    "cohortMax",
                    format!("0 (item {})", i + 1),
                    "a whole number of learners, 1 or more",
                ));
            }
            if c.cohort_min > c.cohort_max {
                return Err(bad(
                    "cohortMin",
                    format!(
                        "{} (item {}, above its cohortMax {})",
                        c.cohort_min,
                        i + 1,
                        c.cohort_max
                    ),
                    "at most the cohort's maximum",
                ));
            }
            if !(c.success_rate.is_finite() && (0.0..=1.0).contains(&c.success_rate)) {
                return Err(bad(
                    "successRate",
                    format!("{} (item {})", c.success_rate, i + 1),
                    "a share from 0 to 1",
                ));
            }
            if c.must_run && c.max_cohorts == 0 {
                return Err(bad(
                    "maxCohorts",
                    format!("0 (item {}, which must run)", i + 1),
                    "1 or more for a course that must run",
                ));
            }
        }
        for (i, o) in self.origins.iter().enumerate() {
            check_amount("supply", o.supply, i)?;
        }
        for (i, d) in self.destinations.iter().enumerate() {
            check_amount("demand", d.demand, i)?;
        }
        if self.links.len() > MAX_LINKS {
            return Err(bad(
                "links",
                self.links.len(),
                "at most 200,000 origin-course-destination links",
            ));
        }
        for (i, l) in self.links.iter().enumerate() {
            if l.origin >= self.origins.len()
                || l.course >= self.courses.len()
                || l.destination >= self.destinations.len()
            {
                return Err(bad(
                    "links",
                    format!("item {}", i + 1),
                    "indices of the problem's origins, courses and destinations",
                ));
            }
            if !l.uplift.is_finite() {
                return Err(bad(
                    "uplift",
                    format!("{} (link {})", l.uplift, i + 1),
                    "a number",
                ));
            }
        }
        for kind in LimitKind::ALL {
            if let Some(v) = kind.of(&self.limits) {
                check_amount(kind.key(), v, 0)?;
            }
        }
        let w = &self.weights;
        for (field, v) in [("uplift", w.uplift), ("carbon", w.carbon), ("cost", w.cost)] {
            if !(v.is_finite() && v >= 0.0) {
                return Err(bad(field, v, "a weight, 0 or more"));
            }
        }
        if !(self.time_limit.is_finite() && self.time_limit > 0.0) {
            return Err(bad(
                "timeLimit",
                self.time_limit,
                "a positive number of seconds",
            ));
        }
        Ok(())
    }

    /// Keeps, for each move (origin, destination), the links through its `k` most
    /// cost-effective courses (success rate per pound a learner costs at full cohorts) and
    /// every link through a course that must run; returns how many links were dropped. A
    /// heuristic that keeps large problems small enough to solve in a browser: a plan can
    /// only be better with the dropped links, and by little, as they are the same moves
    /// through dearer or less successful courses.
    pub fn keep_best_courses_per_move(&mut self, k: usize) -> usize {
        let merit = |c: &PortfolioCourse| {
            let size = f64::from(c.cohort_max.max(1));
            let per_learner = c.cost_per_place
                + c.cost_per_cohort / size
                + c.fixed_cost / (size * f64::from(c.max_cohorts.max(1)));
            c.success_rate / (1.0 + per_learner)
        };
        let mut by_move: std::collections::BTreeMap<(usize, usize), Vec<usize>> =
            std::collections::BTreeMap::new();
        for (l, link) in self.links.iter().enumerate() {
            by_move
                .entry((link.origin, link.destination))
                .or_default()
                .push(l);
        }
        let mut keep = vec![false; self.links.len()];
        for links in by_move.values_mut() {
            links.sort_by(|&a, &b| {
                let (ca, cb) = (
                    &self.courses[self.links[a].course],
                    &self.courses[self.links[b].course],
                );
                merit(cb).total_cmp(&merit(ca)).then(a.cmp(&b))
            });
            for (rank, &l) in links.iter().enumerate() {
                keep[l] = rank < k || self.courses[self.links[l].course].must_run;
            }
        }
        let before = self.links.len();
        let mut l = 0;
        self.links.retain(|_| {
            l += 1;
            keep[l - 1]
        });
        before - self.links.len()
    }

    /// The value of one place on a link: its expected placements, weighted. `link` must be one
    /// of a problem that [`PortfolioProblem::validate`]s (its indices in range).
    pub fn link_value(&self, link: &PortfolioLink) -> f64 {
        let course = &self.courses[link.course];
        let carbon = if self.origins[link.origin].carbon_intensive {
            self.weights.carbon
        } else {
            0.0
        };
        course.success_rate * (1.0 + self.weights.uplift * link.uplift.clamp(0.0, 1.0) + carbon)
    }

    /// The quick plan the solver starts from: courses in order of value per pound, each
    /// filled from its most valuable links. Always feasible when no course must run; `None`
    /// for a problem that does not validate.
    pub fn quick_plan(&self) -> Option<PortfolioPlan> {
        self.validate().ok()?;
        let start = greedy(self);
        evaluate(self, &start.cohorts, &start.places).map(|mut plan| {
            plan.status = SolveStatus::Heuristic;
            plan.gap = None;
            plan
        })
    }

    /// Solves the problem.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for bad numbers; [`Error::Solver`] when the must-run courses
    /// cannot all run (use [`PortfolioProblem::analyse`] for why) or the solver fails.
    pub fn solve(&self) -> Result<PortfolioPlan, Error> {
        self.validate()?;
        solve_plan(self, None)
    }

    /// Solves the problem and answers what a planner asks next: which limits bind and what one
    /// more step of each adds, or, when the must-run courses cannot all run, what is short.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for bad numbers; [`Error::Solver`] if the solver fails.
    pub fn analyse(&self) -> Result<PortfolioOutcome, Error> {
        self.validate()?;
        // One deadline for the whole call: the main solve has its time limit, and the limits'
        // re-solves share as much again.
        let deadline = Deadline::after(2.0 * self.time_limit);
        let plan = match solve_plan(self, None) {
            Ok(plan) => plan,
            Err(Error::Solver { .. }) if self.courses.iter().any(|c| c.must_run) => {
                return Ok(PortfolioOutcome::Infeasible {
                    shortfalls: solve_shortfalls(self)?,
                })
            }
            Err(e) => return Err(e),
        };
        let mut limits = Vec::new();
        for kind in LimitKind::ALL {
            let Some(available) = kind.of(&self.limits) else {
                continue;
            };
            // Out of time: the limits not yet asked about are not reported.
            if deadline.passed() {
                break;
            }
            let mut more = self.clone();
            kind.set(&mut more.limits, available + kind.step());
            // Each "one more step" question gets half the main solve's time, within the call's.
            more.time_limit = deadline.limit(self.time_limit / 2.0);
            let better = solve_plan(&more, Some(&plan))?;
            // Never report a loss: a re-solve stopped by its time limit may find less.
            let step_gain = (better.placements - plan.placements).max(0.0);
            let step_objective_gain = (better.objective - plan.objective).max(0.0);
            limits.push(LimitReport {
                kind,
                available,
                used: kind.used(&plan),
                binding: step_objective_gain > 1e-6,
                step_gain,
                step_objective_gain,
            });
        }
        Ok(PortfolioOutcome::Planned { plan, limits })
    }
}

/// Handles to the programme's variables.
struct Model {
    /// Runs: one yes/no per course.
    run: Vec<Variable>,
    /// Cohorts per course.
    cohorts: Vec<Variable>,
    /// Places per link.
    places: Vec<Variable>,
    /// With slack: how far each limit may be exceeded.
    over: Vec<(LimitKind, Variable)>,
    /// With slack: per must-run course, whether it is dropped.
    dropped: Vec<(usize, Variable)>,
}

impl Model {
    fn build(problem: &PortfolioProblem, slack: bool) -> (ProblemVariables, Model) {
        let mut vars = ProblemVariables::new();
        let run = problem
            .courses
            .iter()
            .map(|_| vars.add(variable().binary()))
            .collect();
        let cohorts = problem
            .courses
            .iter()
            .map(|c| vars.add(variable().integer().min(0).max(c.max_cohorts as f64)))
            .collect();
        let places = problem
            .links
            .iter()
            .map(|l| {
                let c = &problem.courses[l.course];
                let cap = (c.cohort_max as f64 * c.max_cohorts as f64)
                    .min(problem.origins[l.origin].supply.floor());
                vars.add(variable().integer().min(0).max(cap.max(0.0)))
            })
            .collect();
        let mut over = Vec::new();
        let mut dropped = Vec::new();
        if slack {
            for kind in LimitKind::ALL {
                if kind.of(&problem.limits).is_some() {
                    over.push((kind, vars.add(variable().min(0))));
                }
            }
            for (c, course) in problem.courses.iter().enumerate() {
                if course.must_run {
                    dropped.push((c, vars.add(variable().binary())));
                }
            }
        }
        let model = Model {
            run,
            cohorts,
            places,
            over,
            dropped,
        };
        (vars, model)
    }

    fn cost(&self, problem: &PortfolioProblem) -> Expression {
        let mut cost = Expression::from(0.0);
        for (c, course) in problem.courses.iter().enumerate() {
            cost += course.fixed_cost * self.run[c] + course.cost_per_cohort * self.cohorts[c];
        }
        for (l, link) in problem.links.iter().enumerate() {
            cost += problem.courses[link.course].cost_per_place * self.places[l];
        }
        cost
    }

    fn usage(&self, problem: &PortfolioProblem, kind: LimitKind) -> Expression {
        match kind {
            LimitKind::Budget => self.cost(problem),
            LimitKind::TutorHours => problem
                .courses
                .iter()
                .zip(&self.cohorts)
                .map(|(c, &k)| c.tutor_hours_per_cohort * k)
                .sum(),
            LimitKind::Sessions => problem
                .courses
                .iter()
                .zip(&self.cohorts)
                .map(|(c, &k)| c.sessions_per_cohort * k)
                .sum(),
        }
    }

    /// The constraints shared by the plan and the slack model.
    fn constrain<M: SolverModel>(&self, problem: &PortfolioProblem, mut lp: M) -> M {
        let mut per_course: Vec<Expression> = vec![Expression::from(0.0); problem.courses.len()];
        let mut per_origin: Vec<Expression> = vec![Expression::from(0.0); problem.origins.len()];
        let mut per_destination: Vec<Expression> =
            vec![Expression::from(0.0); problem.destinations.len()];
        for (l, link) in problem.links.iter().enumerate() {
            let x = self.places[l];
            per_course[link.course] += x;
            per_origin[link.origin] += x;
            per_destination[link.destination] += problem.courses[link.course].success_rate * x;
        }
        for (c, (course, places)) in problem.courses.iter().zip(per_course).enumerate() {
            let (run, k) = (self.run[c], self.cohorts[c]);
            lp = lp.with(constraint!(places.clone() <= course.cohort_max as f64 * k));
            lp = lp.with(constraint!(places >= course.cohort_min as f64 * k));
            lp = lp.with(constraint!(k <= course.max_cohorts as f64 * run));
            lp = lp.with(constraint!(k >= run));
            if course.must_run {
                match self.dropped.iter().find(|(d, _)| *d == c) {
                    Some(&(_, drop)) => lp = lp.with(constraint!(run + drop >= 1)),
                    None => lp = lp.with(constraint!(run >= 1)),
                }
            }
        }
        for (origin, enrolled) in problem.origins.iter().zip(per_origin) {
            lp = lp.with(constraint!(enrolled <= origin.supply));
        }
        for (destination, placed) in problem.destinations.iter().zip(per_destination) {
            lp = lp.with(constraint!(placed <= destination.demand));
        }
        for kind in LimitKind::ALL {
            if let Some(available) = kind.of(&problem.limits) {
                let used = self.usage(problem, kind);
                match self.over.iter().find(|(k, _)| *k == kind) {
                    Some(&(_, over)) => lp = lp.with(constraint!(used - over <= available)),
                    None => lp = lp.with(constraint!(used <= available)),
                }
            }
        }
        lp
    }

    fn objective(&self, problem: &PortfolioProblem) -> Expression {
        let mut value: Expression = problem
            .links
            .iter()
            .zip(&self.places)
            .map(|(link, &x)| problem.link_value(link) * x)
            .sum();
        value -= problem.weights.cost / 10_000.0 * self.cost(problem);
        value
    }
}

/// Solves the plan model.
fn solve_plan(
    problem: &PortfolioProblem,
    known: Option<&PortfolioPlan>,
) -> Result<PortfolioPlan, Error> {
    let (vars, model) = Model::build(problem, false);
    // A feasible plan to start from, so a time limit always has a plan to return: the quick
    // plan, or `known` (a plan of a tighter problem) when it is better.
    let mut start = greedy(problem);
    let mut greedy_ok = evaluate(problem, &start.cohorts, &start.places).is_some();
    if let Some(known) = known {
        let cohorts: Vec<u32> = known.courses.iter().map(|c| c.cohorts).collect();
        let mut places = vec![0u32; problem.links.len()];
        for f in &known.flows {
            places[f.link] = f.places;
        }
        if let Some(plan) = evaluate(problem, &cohorts, &places) {
            let quick = evaluate(problem, &start.cohorts, &start.places);
            if quick.is_none_or(|q| plan.objective >= q.objective) {
                start = Decisions { cohorts, places };
                greedy_ok = true;
            }
        }
    }

    let mut lp = vars
        .maximise(model.objective(problem))
        .using(microlp)
        .with_time_limit(problem.time_limit)
        .with_mip_gap(problem.gap_tolerance as f32)
        .map_err(|e| Error::Solver {
            message: e.to_string(),
        })?;
    if greedy_ok {
        let hints = model
            .run
            .iter()
            .zip(&start.cohorts)
            .map(|(&r, &k)| (r, f64::from(u8::from(k > 0))))
            .chain(
                model
                    .cohorts
                    .iter()
                    .zip(&start.cohorts)
                    .map(|(&v, &k)| (v, f64::from(k))),
            )
            .chain(
                model
                    .places
                    .iter()
                    .zip(&start.places)
                    .map(|(&v, &x)| (v, f64::from(x))),
            )
            .collect::<Vec<_>>();
        lp = lp.with_initial_solution(hints);
    }
    let solution = match model.constrain(problem, lp).solve() {
        Ok(solution) => solution,
        // The time limit struck before the root relaxation was solved: the greedy plan is
        // the best known, and says it is not proven.
        Err(ResolutionError::Other(_)) if greedy_ok => {
            let runs: Vec<bool> = start.cohorts.iter().map(|&k| k > 0).collect();
            return Ok(read_plan(
                problem,
                &runs,
                &start.cohorts,
                &start.places,
                SolveStatus::Heuristic,
                None,
            ));
        }
        Err(e) => return Err(solver_error(e)),
    };
    let status = match solution.status() {
        SolutionStatus::Optimal => SolveStatus::Optimal,
        SolutionStatus::GapLimit => SolveStatus::WithinGap,
        _ => SolveStatus::TimeLimit,
    };
    // Whole numbers: the solver's values are within its integrality tolerance of them.
    let read = |v: Variable| solution.value(v).round().max(0.0);
    let cohorts: Vec<u32> = model.cohorts.iter().map(|&k| read(k) as u32).collect();
    let runs: Vec<bool> = model.run.iter().map(|&r| read(r) > 0.5).collect();
    let places: Vec<u32> = model.places.iter().map(|&x| read(x) as u32).collect();
    let gap = match status {
        SolveStatus::Optimal => Some(0.0),
        _ => solution.into_inner().gap().map(|g| g.max(0.0)),
    };
    Ok(read_plan(problem, &runs, &cohorts, &places, status, gap))
}

/// Why the must-run courses cannot all run: solves a version where each limit may be exceeded
/// and each must-run course dropped at a price, and reports what had to give.
fn solve_shortfalls(problem: &PortfolioProblem) -> Result<Vec<Shortfall>, Error> {
    let (vars, model) = Model::build(problem, true);
    // Exceeding a limit costs its share of the limit; dropping a course costs more than any
    // limit, so a course is dropped only when no money, hours or rooms would let it run (its
    // minimum cohort cannot be filled).
    let mut penalty = Expression::from(0.0);
    for &(kind, over) in &model.over {
        let available = kind.of(&problem.limits).unwrap_or(0.0).max(1.0);
        penalty += over * (1.0 / available);
    }
    for &(_, drop) in &model.dropped {
        penalty += 1_000.0 * drop;
    }
    let lp = vars
        .minimise(penalty)
        .using(microlp)
        .with_time_limit(problem.time_limit);
    let solution = model.constrain(problem, lp).solve().map_err(solver_error)?;
    let mut shortfalls = Vec::new();
    for &(c, drop) in &model.dropped {
        if solution.value(drop) > 0.5 {
            shortfalls.push(Shortfall::Cohort { course: c });
        }
    }
    for &(kind, over) in &model.over {
        let short = solution.value(over);
        if short > 1e-6 {
            shortfalls.push(Shortfall::Limit {
                kind,
                available: kind.of(&problem.limits).unwrap_or(0.0),
                short: (short * 100.0).ceil() / 100.0,
            });
        }
    }
    Ok(shortfalls)
}

fn solver_error(e: ResolutionError) -> Error {
    Error::Solver {
        message: match e {
            ResolutionError::Infeasible => "no plan runs every course that must run".into(),
            other => other.to_string(),
        },
    }
}

/// Whole-number decisions.
struct Decisions {
    cohorts: Vec<u32>,
    places: Vec<u32>,
}

/// A quick feasible plan: courses in order of their best value per pound, each filled from its
/// most valuable links, with as many cohorts as the learners, demand and limits allow. Courses
/// that must run are not forced (the solver is; if they cannot run the plan is infeasible).
fn greedy(problem: &PortfolioProblem) -> Decisions {
    let n_courses = problem.courses.len();
    let mut cohorts = vec![0u32; n_courses];
    let mut places = vec![0u32; problem.links.len()];
    let mut supply: Vec<f64> = problem.origins.iter().map(|o| o.supply.floor()).collect();
    let mut demand: Vec<f64> = problem.destinations.iter().map(|d| d.demand).collect();
    let mut left = problem.limits;
    let mut by_course: Vec<Vec<usize>> = vec![Vec::new(); n_courses];
    for (l, link) in problem.links.iter().enumerate() {
        by_course[link.course].push(l);
    }
    let value = |l: usize| problem.link_value(&problem.links[l]);
    for links in &mut by_course {
        links.sort_by(|&a, &b| value(b).total_cmp(&value(a)).then(a.cmp(&b)));
    }
    let per_learner = |c: &PortfolioCourse| {
        let size = f64::from(c.cohort_max.max(1));
        c.cost_per_place
            + c.cost_per_cohort / size
            + c.fixed_cost / (size * f64::from(c.max_cohorts.max(1)))
    };
    let mut order: Vec<usize> = (0..n_courses).collect();
    let merit = |c: usize| {
        by_course[c].first().map_or(0.0, |&l| value(l)) / (1.0 + per_learner(&problem.courses[c]))
    };
    order.sort_by(|&a, &b| merit(b).total_cmp(&merit(a)).then(a.cmp(&b)));
    for c in order {
        let course = &problem.courses[c];
        if by_course[c].is_empty() || course.max_cohorts == 0 {
            continue;
        }
        // Places each link could take, most valuable first.
        let cap = course.cohort_max.saturating_mul(course.max_cohorts);
        let mut fill: Vec<(usize, u32)> = Vec::new();
        let mut total = 0u32;
        // What this course's tentative places leave of each origin and destination.
        let mut supply_left = supply.clone();
        let mut demand_left = demand.clone();
        for &l in &by_course[c] {
            let link = &problem.links[l];
            let by_demand = if course.success_rate > 0.0 {
                (demand_left[link.destination] / course.success_rate + 1e-9).floor()
            } else {
                f64::from(cap)
            };
            let room = f64::from(cap - total)
                .min(supply_left[link.origin])
                .min(by_demand)
                .max(0.0) as u32;
            if room > 0 {
                fill.push((l, room));
                total += room;
                supply_left[link.origin] -= f64::from(room);
                demand_left[link.destination] -= course.success_rate * f64::from(room);
            }
            if total == cap {
                break;
            }
        }
        let mut k = total.div_ceil(course.cohort_max).min(course.max_cohorts);
        loop {
            if k == 0 {
                break;
            }
            // Trim to k cohorts, dropping the least valuable places first.
            let mut keep = k.saturating_mul(course.cohort_max).min(total);
            if keep < k.saturating_mul(course.cohort_min) {
                k -= 1;
                continue;
            }
            let chosen: Vec<(usize, u32)> = fill
                .iter()
                .map(|&(l, room)| {
                    let take = room.min(keep);
                    keep -= take;
                    (l, take)
                })
                .filter(|&(_, take)| take > 0)
                .collect();
            let count: u32 = chosen.iter().map(|&(_, t)| t).sum();
            let cost = course.fixed_cost
                + course.cost_per_cohort * f64::from(k)
                + course.cost_per_place * f64::from(count);
            let hours = course.tutor_hours_per_cohort * f64::from(k);
            let sessions = course.sessions_per_cohort * f64::from(k);
            let fits = left.budget.is_none_or(|b| cost <= b)
                && left.tutor_hours.is_none_or(|h| hours <= h)
                && left.sessions.is_none_or(|s| sessions <= s);
            if !fits {
                k -= 1;
                continue;
            }
            left.budget = left.budget.map(|b| b - cost);
            left.tutor_hours = left.tutor_hours.map(|h| h - hours);
            left.sessions = left.sessions.map(|s| s - sessions);
            for (l, take) in chosen {
                let link = &problem.links[l];
                places[l] = take;
                supply[link.origin] -= f64::from(take);
                demand[link.destination] -= course.success_rate * f64::from(take);
            }
            cohorts[c] = k;
            break;
        }
    }
    Decisions { cohorts, places }
}

/// Reads a plan from whole-number decisions (shared by the solver and [`evaluate`]).
fn read_plan(
    problem: &PortfolioProblem,
    runs: &[bool],
    cohorts: &[u32],
    places: &[u32],
    status: SolveStatus,
    gap: Option<f64>,
) -> PortfolioPlan {
    let mut course_places = vec![0u32; problem.courses.len()];
    let mut placed = vec![0.0; problem.destinations.len()];
    let mut enrolled = vec![0u32; problem.origins.len()];
    let mut flows = Vec::new();
    let mut objective = 0.0;
    let mut placements = 0.0;
    for (l, (link, &x)) in problem.links.iter().zip(places).enumerate() {
        if x == 0 {
            continue;
        }
        let expected = problem.courses[link.course].success_rate * x as f64;
        course_places[link.course] += x;
        placed[link.destination] += expected;
        enrolled[link.origin] += x;
        objective += problem.link_value(link) * x as f64;
        placements += expected;
        flows.push(Flow {
            link: l,
            places: x,
            placements: expected,
        });
    }
    let mut courses = Vec::new();
    let (mut cost, mut tutor_hours, mut sessions) = (0.0, 0.0, 0.0);
    for (c, course) in problem.courses.iter().enumerate() {
        let k = cohorts[c];
        let running = runs[c] || k > 0;
        let spend = if running { course.fixed_cost } else { 0.0 }
            + course.cost_per_cohort * k as f64
            + course.cost_per_place * course_places[c] as f64;
        cost += spend;
        tutor_hours += course.tutor_hours_per_cohort * k as f64;
        sessions += course.sessions_per_cohort * k as f64;
        courses.push(CoursePlan {
            course: c,
            cohorts: k,
            places: course_places[c],
            cost: spend,
        });
    }
    objective -= problem.weights.cost / 10_000.0 * cost;
    PortfolioPlan {
        courses,
        flows,
        placed,
        enrolled,
        objective,
        placements,
        cost,
        tutor_hours,
        sessions,
        status,
        gap,
    }
}

/// The plan that whole-number decisions make, or `None` if they break a constraint (or the
/// problem does not validate). Used to check the solver against brute force.
pub fn evaluate(
    problem: &PortfolioProblem,
    cohorts: &[u32],
    places: &[u32],
) -> Option<PortfolioPlan> {
    const EPS: f64 = 1e-9;
    problem.validate().ok()?;
    if cohorts.len() != problem.courses.len() || places.len() != problem.links.len() {
        return None;
    }
    let runs: Vec<bool> = cohorts.iter().map(|&k| k > 0).collect();
    let plan = read_plan(
        problem,
        &runs,
        cohorts,
        places,
        SolveStatus::Optimal,
        Some(0.0),
    );
    for (c, course) in problem.courses.iter().enumerate() {
        let k = cohorts[c];
        let p = plan.courses[c].places;
        if k > course.max_cohorts
            || p > course.cohort_max.saturating_mul(k)
            || p < course.cohort_min.saturating_mul(k)
            || (course.must_run && k == 0)
        {
            return None;
        }
    }
    if plan
        .enrolled
        .iter()
        .zip(&problem.origins)
        .any(|(&e, o)| e as f64 > o.supply + EPS)
        || plan
            .placed
            .iter()
            .zip(&problem.destinations)
            .any(|(&p, d)| p > d.demand + EPS)
    {
        return None;
    }
    for kind in LimitKind::ALL {
        if let Some(available) = kind.of(&problem.limits) {
            if kind.used(&plan) > available + EPS {
                return None;
            }
        }
    }
    Some(plan)
}
