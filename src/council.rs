//! A council's fair transition plan: a mixed-integer programme.
//!
//! Worker groups (people in one carbon-intensive occupation) move to green jobs along routes: a
//! direct move, a recognised route with its bridging courses, or a course plan. Each route
//! carries its cost per person (the courses' costs) and the pay uplift of the move; only moves
//! into good jobs are given as routes. The plan chooses how many people of each group take each
//! route (whole people) to maximise good-work transitions, weighted as the council chooses for
//! pay uplift, the carbon intensity of the origin and deprivation, within the training budget,
//! each course's places and each job's demand, and with a **fairness floor**: at least the
//! chosen share of every group that has any route gets one, so no group is left behind.
//!
//! [`CouncilProblem::analyse`] adds what a committee asks next: who is still without a route
//! and why, which limits bind and what one more step of each adds (by solving again), and when
//! the floor cannot be met, the highest floor that can.

// Indexing cannot go out of range in this module. Indices are the problem's own:
// `CouncilProblem::validate` runs before any solve and checks every route's group, destination and
// courses against the problem's lists, and the vectors indexed here are sized to those lists.
#![allow(clippy::indexing_slicing)]

use crate::deadline::Deadline;
use good_lp::{
    constraint, microlp, variable, Expression, ProblemVariables, ResolutionError, Solution,
    SolutionStatus, SolverModel, Variable, WithInitialSolution, WithMipGap, WithTimeLimit,
};

use good_lp::solvers::microlp::MicroLpProblem;

use crate::error::Error;
use crate::gap::SolveStatus;

/// A group of workers in one origin occupation.
#[derive(Debug, Clone, PartialEq)]
pub struct CouncilGroup {
    /// People in the group.
    pub workers: f64,
    /// How carbon-intensive the origin is, 0 to 1 (1: the most), weighted by
    /// [`CouncilWeights::carbon`].
    pub carbon: f64,
    /// How deprived the group's places are, 0 to 1, where the data exists.
    pub deprivation: Option<f64>,
}

/// A destination job.
#[derive(Debug, Clone, PartialEq)]
pub struct CouncilDestination {
    /// Openings: people moved into it are capped at this.
    pub demand: f64,
}

/// A course routes may use.
#[derive(Debug, Clone, PartialEq)]
pub struct CouncilCourse {
    /// Places available (`None`: as many as needed).
    pub capacity: Option<f64>,
    /// What the council pays per person, GBP.
    pub cost_per_person: f64,
}

/// What kind of route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RouteKind {
    /// A move the person can make now.
    Direct,
    /// A recognised route with its bridging courses.
    Recognised,
    /// A course plan.
    Courses,
}

/// One way from a group to a destination.
#[derive(Debug, Clone, PartialEq)]
pub struct CouncilRoute {
    /// Index of the group.
    pub origin: usize,
    /// Index of the destination.
    pub destination: usize,
    /// What kind of route.
    pub kind: RouteKind,
    /// Indices of the courses it takes (none for a direct move).
    pub courses: Vec<usize>,
    /// Pay uplift, as a share of current pay (negative: a cut within the accepted share).
    pub uplift: f64,
}

/// What the council values beyond one good-work transition (worth 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CouncilWeights {
    /// Extra value per transition for each 100% of pay uplift (counted up to 100%).
    pub uplift: f64,
    /// Extra value per transition for a group of carbon intensity 1.
    pub carbon: f64,
    /// Extra value per transition for a group of deprivation 1.
    pub deprivation: f64,
}

impl Default for CouncilWeights {
    fn default() -> Self {
        CouncilWeights {
            uplift: 0.5,
            carbon: 0.5,
            deprivation: 0.0,
        }
    }
}

/// A council plan problem.
#[derive(Debug, Clone, PartialEq)]
pub struct CouncilProblem {
    /// Worker groups.
    pub groups: Vec<CouncilGroup>,
    /// Destinations.
    pub destinations: Vec<CouncilDestination>,
    /// Courses.
    pub courses: Vec<CouncilCourse>,
    /// Routes into good jobs.
    pub routes: Vec<CouncilRoute>,
    /// Training budget, GBP (`None`: no limit).
    pub budget: Option<f64>,
    /// The fairness floor: at least this share (0 to 1) of every group with a route gets one.
    pub floor: f64,
    /// Objective weights.
    pub weights: CouncilWeights,
    /// Seconds the solver may run.
    pub time_limit: f64,
    /// The search stops once proven within this share of the best possible.
    pub gap_tolerance: f64,
}

/// People on one route.
#[derive(Debug, Clone, PartialEq)]
pub struct RouteFlow {
    /// Index of the route.
    pub route: usize,
    /// People.
    pub people: u32,
}

/// Why some of a group are left without a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeftBecause {
    /// Everyone in the group has a route.
    Nobody,
    /// The group has no viable move into a good job.
    NoViableMove,
    /// The courses its routes need are full.
    NoCoursePlace,
    /// The budget is spent.
    Budget,
    /// The jobs its routes lead to are filled.
    Demand,
}

/// A solved plan.
#[derive(Debug, Clone, PartialEq)]
pub struct CouncilPlan {
    /// Routes with people, in problem order.
    pub flows: Vec<RouteFlow>,
    /// People moved from each group.
    pub moved: Vec<u32>,
    /// People still without a route, by group.
    pub left: Vec<f64>,
    /// Why, by group.
    pub left_because: Vec<LeftBecause>,
    /// People into each destination.
    pub placed: Vec<u32>,
    /// Places used on each course.
    pub course_places: Vec<u32>,
    /// Total cost, GBP.
    pub cost: f64,
    /// Transitions in all.
    pub transitions: u32,
    /// The objective.
    pub objective: f64,
    /// How the solve ended.
    pub status: SolveStatus,
    /// Relative gap to the best bound when known (0 when optimal).
    pub gap: Option<f64>,
}

/// A limit and what one more step of it adds.
#[derive(Debug, Clone, PartialEq)]
pub struct CouncilLimit {
    /// `budget` or a course index.
    pub limit: CouncilLimitKind,
    /// What there is.
    pub available: f64,
    /// What the plan uses.
    pub used: f64,
    /// Extra transitions from one more step (£100,000 of budget, 10 places on a course).
    pub step_gain: f64,
}

/// Which limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CouncilLimitKind {
    /// The training budget.
    Budget,
    /// A course's places (its index).
    Course(usize),
}

/// The answer.
#[derive(Debug, Clone, PartialEq)]
pub enum CouncilOutcome {
    /// A plan meeting the floor.
    Planned {
        /// The plan.
        plan: CouncilPlan,
        /// Full limits, with what one more step adds (at most six, the budget first).
        limits: Vec<CouncilLimit>,
    },
    /// The floor cannot be met.
    FloorInfeasible {
        /// The highest floor that can be met (0 to 1, rounded down to a whole per cent).
        highest_floor: f64,
    },
}

/// One more step of budget the analysis asks about, GBP.
pub const BUDGET_STEP: f64 = 100_000.0;
/// One more step of places on a full course.
pub const COURSE_STEP: f64 = 10.0;
/// Full courses whose next step is asked about.
const COURSE_STEPS_ASKED: usize = 5;

fn bad(field: &'static str, value: String, expected: &'static str) -> Error {
    Error::InvalidArgument {
        field,
        value,
        expected,
    }
}

impl CouncilProblem {
    /// Checks every number and index.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] naming the field, the value and the item.
    pub fn validate(&self) -> Result<(), Error> {
        let amount = |field: &'static str, v: f64, i: usize| {
            if v.is_finite() && v >= 0.0 {
                Ok(())
            } else {
                Err(bad(
                    field,
                    format!("{v} (item {})", i + 1),
                    "a number, 0 or more",
                ))
            }
        };
        let unit = |field: &'static str, v: f64, i: usize| {
            if v.is_finite() && (0.0..=1.0).contains(&v) {
                Ok(())
            } else {
                Err(bad(
                    field,
                    format!("{v} (item {})", i + 1),
                    "a share from 0 to 1",
                ))
            }
        };
        for (i, g) in self.groups.iter().enumerate() {
            amount("workers", g.workers, i)?;
            unit("carbon", g.carbon, i)?;
            if let Some(d) = g.deprivation {
                unit("deprivation", d, i)?;
            }
        }
        for (i, d) in self.destinations.iter().enumerate() {
            amount("demand", d.demand, i)?;
        }
        for (i, c) in self.courses.iter().enumerate() {
            amount("costPerPerson", c.cost_per_person, i)?;
            if let Some(cap) = c.capacity {
                amount("capacity", cap, i)?;
            }
        }
        for (i, r) in self.routes.iter().enumerate() {
            if r.origin >= self.groups.len()
                || r.destination >= self.destinations.len()
                || r.courses.iter().any(|&c| c >= self.courses.len())
            {
                return Err(bad(
                    "routes",
                    format!("item {}", i + 1),
                    "indices of the problem's groups, destinations and courses",
                ));
            }
            if !r.uplift.is_finite() {
                return Err(bad(
                    "uplift",
                    format!("{} (route {})", r.uplift, i + 1),
                    "a number",
                ));
            }
        }
        if let Some(b) = self.budget {
            amount("budget", b, 0)?;
        }
        unit("floor", self.floor, 0)?;
        let w = &self.weights;
        for (field, v) in [
            ("upliftWeight", w.uplift),
            ("carbonWeight", w.carbon),
            ("deprivationWeight", w.deprivation),
        ] {
            if !(v.is_finite() && v >= 0.0) {
                return Err(bad(field, v.to_string(), "a weight, 0 or more"));
            }
        }
        if !(self.time_limit.is_finite() && self.time_limit > 0.0) {
            return Err(bad(
                "timeLimit",
                self.time_limit.to_string(),
                "a positive number of seconds",
            ));
        }
        if !(self.gap_tolerance.is_finite() && (0.0..1.0).contains(&self.gap_tolerance)) {
            return Err(bad(
                "gapTolerance",
                self.gap_tolerance.to_string(),
                "a share from 0 to below 1",
            ));
        }
        Ok(())
    }

    /// What one person on `route` costs. `route` must be one of a problem that
    /// [`CouncilProblem::validate`]s (its indices in range), as must `route_value`'s.
    pub fn route_cost(&self, route: &CouncilRoute) -> f64 {
        // A fold from +0: an empty `sum` of floats is -0, which prints as "-0".
        route
            .courses
            .iter()
            .fold(0.0, |cost, &c| cost + self.courses[c].cost_per_person)
    }

    /// The value of one person on `route`.
    pub fn route_value(&self, route: &CouncilRoute) -> f64 {
        let g = &self.groups[route.origin];
        let w = &self.weights;
        1.0 + w.uplift * route.uplift.clamp(0.0, 1.0)
            + w.carbon * g.carbon
            + w.deprivation * g.deprivation.unwrap_or(0.0)
    }

    /// People of group `g` the floor asks for (none for a group without routes).
    pub fn floor_people(&self, g: usize) -> f64 {
        if self.routes.iter().any(|r| r.origin == g) {
            (self.floor * self.groups[g].workers.floor() - 1e-9)
                .ceil()
                .max(0.0)
        } else {
            0.0
        }
    }

    /// A quick plan without the solver: each group's floor on its cheapest routes, then the
    /// most valuable routes per pound. `None` for a problem that does not validate or when this
    /// cannot meet a floor.
    pub fn quick_plan(&self) -> Option<CouncilPlan> {
        self.validate().ok()?;
        quick_people(self)
            .filter(|p| feasible(self, p))
            .map(|p| read_plan(self, &p, SolveStatus::Heuristic, None))
    }

    /// Solves the problem.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for bad numbers; [`Error::Solver`] when the floor cannot be
    /// met (see [`CouncilProblem::analyse`]) or on a solver fault.
    pub fn solve(&self) -> Result<CouncilPlan, Error> {
        self.validate()?;
        solve_plan(self, self.floor, None)
    }

    /// Solves and answers what a committee asks next: limits with what one more step adds, or
    /// when the floor cannot be met, the highest floor that can.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for bad numbers; [`Error::Solver`] on a solver fault.
    pub fn analyse(&self) -> Result<CouncilOutcome, Error> {
        self.validate()?;
        // One deadline for the whole call: the main solve has its time limit, and what follows
        // (the limits' re-solves, or the search for the highest floor) shares as much again.
        let deadline = Deadline::after(2.0 * self.time_limit);
        let plan = match solve_plan(self, self.floor, None) {
            Ok(plan) => plan,
            Err(Error::Solver { .. }) if self.floor > 0.0 => {
                return Ok(CouncilOutcome::FloorInfeasible {
                    highest_floor: self.highest_floor(deadline)?,
                })
            }
            Err(e) => return Err(e),
        };
        let mut limits = Vec::new();
        if let Some(budget) = self.budget.filter(|_| !deadline.passed()) {
            let mut more = self.clone();
            more.budget = Some(budget + BUDGET_STEP);
            more.time_limit = deadline.limit(self.time_limit / 2.0);
            let better = solve_plan(&more, more.floor, Some(&plan))?;
            limits.push(CouncilLimit {
                limit: CouncilLimitKind::Budget,
                available: budget,
                used: plan.cost,
                step_gain: (f64::from(better.transitions) - f64::from(plan.transitions)).max(0.0),
            });
        }
        let mut full: Vec<usize> = (0..self.courses.len())
            .filter(|&c| {
                self.courses[c]
                    .capacity
                    .is_some_and(|cap| f64::from(plan.course_places[c]) >= cap.floor() - 1e-9)
                    && plan.course_places[c] > 0
            })
            .collect();
        full.sort_by_key(|&c| std::cmp::Reverse(plan.course_places[c]));
        for &c in full.iter().take(COURSE_STEPS_ASKED) {
            // Out of time: the limits not yet asked about are not reported.
            if deadline.passed() {
                break;
            }
            let cap = self.courses[c].capacity.unwrap_or(0.0);
            let mut more = self.clone();
            more.courses[c].capacity = Some(cap + COURSE_STEP);
            more.time_limit = deadline.limit(self.time_limit / 2.0);
            let better = solve_plan(&more, more.floor, Some(&plan))?;
            limits.push(CouncilLimit {
                limit: CouncilLimitKind::Course(c),
                available: cap,
                used: f64::from(plan.course_places[c]),
                step_gain: (f64::from(better.transitions) - f64::from(plan.transitions)).max(0.0),
            });
        }
        Ok(CouncilOutcome::Planned { plan, limits })
    }

    /// The highest floor (a whole per cent) that budget, places and demand allow: bisection
    /// on whole per cents, each step a feasibility solve; when `deadline` passes, the highest
    /// floor shown to hold by then.
    fn highest_floor(&self, deadline: Deadline) -> Result<f64, Error> {
        let (mut low, mut high) = (0u32, (self.floor * 100.0).floor() as u32);
        while low < high && !deadline.passed() {
            let mid = (low + high).div_ceil(2);
            let floor = f64::from(mid) / 100.0;
            let at = CouncilProblem {
                floor,
                ..self.clone()
            };
            // The quick plan settles most steps without a solve.
            if quick_people(&at).is_some_and(|p| feasible(&at, &p)) {
                low = mid;
                continue;
            }
            let timed = CouncilProblem {
                time_limit: deadline.limit(self.time_limit),
                ..self.clone()
            };
            match solve_plan(&timed, floor, None) {
                Ok(_) => low = mid,
                Err(Error::Solver { .. }) => high = mid - 1,
                Err(e) => return Err(e),
            }
        }
        Ok(f64::from(low) / 100.0)
    }
}

/// Solves with floor `floor`, starting from `known` when it fits, within the time limit.
///
/// First the linear relaxation: its optimum bounds the best plan, and rounded down and filled
/// greedily it is nearly always a plan within the gap tolerance (the model is close to a
/// transport problem, so few values are fractional). Only when it is not does a
/// branch-and-bound search run, from the best plan known, for the time left.
fn solve_plan(
    problem: &CouncilProblem,
    floor: f64,
    known: Option<&CouncilPlan>,
) -> Result<CouncilPlan, Error> {
    let started = web_time::Instant::now();
    let with_floor = CouncilProblem {
        floor,
        ..problem.clone()
    };
    let value = |people: &[u32]| objective_of(problem, people);
    let (lp_vars, relaxation) = build_model(&with_floor, false, problem.time_limit)?;
    let (bound, rounded) = match relaxation.solve() {
        Ok(solution) => {
            let values: Vec<f64> = lp_vars.iter().map(|&y| solution.value(y)).collect();
            let bound: f64 = problem
                .routes
                .iter()
                .zip(&values)
                .map(|(r, &y)| problem.route_value(r) * y)
                .sum();
            // Down, so that every "at most" limit still holds (all coefficients are 0 or more).
            let down: Vec<u32> = values
                .iter()
                .map(|&y| (y + 1e-6).floor().max(0.0) as u32)
                .collect();
            (Some(bound), fill(&with_floor, down))
        }
        Err(ResolutionError::Infeasible) => return Err(floor_cannot_be_met()),
        // The time limit struck first: no bound, only the quick plan.
        Err(ResolutionError::Other(_)) => (None, None),
        Err(e) => {
            return Err(Error::Solver {
                message: e.to_string(),
            })
        }
    };
    // The best plan known: the rounded relaxation, the quick plan or `known`.
    let start = [
        rounded,
        quick_people(&with_floor),
        known.map(|k| known_people(problem, k)),
    ]
    .into_iter()
    .flatten()
    .filter(|p| feasible(&with_floor, p))
    .max_by(|a, b| value(a).total_cmp(&value(b)));
    let gap_of = |people: &[u32]| gap_below(problem, bound, people);
    let Some(start) = start else {
        return match bound {
            // The relaxation is feasible but no plan was found quickly: search.
            Some(_) => search(problem, &with_floor, None, started, bound),
            None => Err(Error::Solver {
                message: "the time limit struck before any plan was found".into(),
            }),
        };
    };
    match gap_of(&start) {
        Some(gap) if gap <= problem.gap_tolerance + 1e-12 => {
            let status = if gap <= 1e-9 {
                SolveStatus::Optimal
            } else {
                SolveStatus::WithinGap
            };
            Ok(read_plan(problem, &start, status, Some(gap)))
        }
        None => Ok(read_plan(problem, &start, SolveStatus::Heuristic, None)),
        Some(_) => search(problem, &with_floor, Some(start), started, bound),
    }
}

/// The branch-and-bound search for the time left, from `start` when there is one; the relaxed
/// `bound` gives the gap when the search cannot.
fn search(
    problem: &CouncilProblem,
    with_floor: &CouncilProblem,
    start: Option<Vec<u32>>,
    started: web_time::Instant,
    bound: Option<f64>,
) -> Result<CouncilPlan, Error> {
    let left = (problem.time_limit - started.elapsed().as_secs_f64()).max(0.01);
    let gap_of = |people: &[u32]| gap_below(problem, bound, people);
    let (people, mut lp) = build_model(with_floor, true, left)?;
    if let Some(start) = &start {
        lp = lp.with_initial_solution(
            people
                .iter()
                .copied()
                .zip(start.iter().map(|&n| f64::from(n))),
        );
    }
    let solution = match lp.solve() {
        Ok(solution) => solution,
        // The time limit struck before the search found a plan: the best known stands.
        Err(ResolutionError::Other(_)) if start.is_some() => {
            let start = start.unwrap_or_default();
            let gap = gap_of(&start);
            return Ok(read_plan(problem, &start, SolveStatus::TimeLimit, gap));
        }
        Err(ResolutionError::Infeasible) => return Err(floor_cannot_be_met()),
        Err(e) => {
            return Err(Error::Solver {
                message: e.to_string(),
            })
        }
    };
    let status = match solution.status() {
        SolutionStatus::Optimal => SolveStatus::Optimal,
        SolutionStatus::GapLimit => SolveStatus::WithinGap,
        _ => SolveStatus::TimeLimit,
    };
    let values: Vec<u32> = people
        .iter()
        .map(|&y| solution.value(y).round().max(0.0) as u32)
        .collect();
    let gap = match status {
        SolveStatus::Optimal => Some(0.0),
        _ => {
            let own = solution.into_inner().gap().map(|g| g.max(0.0));
            match (own, gap_of(&values)) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            }
        }
    };
    Ok(read_plan(problem, &values, status, gap))
}

fn floor_cannot_be_met() -> Error {
    Error::Solver {
        message: "the fairness floor cannot be met".into(),
    }
}

/// How far `people` per route fall short of the relaxed `bound`, as a share of it.
fn gap_below(problem: &CouncilProblem, bound: Option<f64>, people: &[u32]) -> Option<f64> {
    bound.map(|b| {
        if b <= 1e-9 {
            0.0
        } else {
            ((b - objective_of(problem, people)) / b).max(0.0)
        }
    })
}

/// The objective of `people` per route.
fn objective_of(problem: &CouncilProblem, people: &[u32]) -> f64 {
    problem
        .routes
        .iter()
        .zip(people)
        .map(|(r, &n)| problem.route_value(r) * f64::from(n))
        .sum()
}

/// The model: people per route (`integer`, or the linear relaxation), each group's workers and
/// floor, each job's openings, each course's places and the budget. People per route have no
/// upper bound of their own: the group's and the job's rows imply it, and the solver's
/// simplex starts far faster without one.
fn build_model(
    problem: &CouncilProblem,
    integer: bool,
    time_limit: f64,
) -> Result<(Vec<Variable>, MicroLpProblem), Error> {
    let mut vars = ProblemVariables::new();
    let people: Vec<Variable> = problem
        .routes
        .iter()
        .map(|_| {
            let v = variable().min(0);
            vars.add(if integer { v.integer() } else { v })
        })
        .collect();
    let objective: Expression = problem
        .routes
        .iter()
        .zip(&people)
        .map(|(r, &y)| problem.route_value(r) * y)
        .sum();
    let mut lp = vars
        .maximise(objective)
        .using(microlp)
        .with_time_limit(time_limit)
        .with_mip_gap(problem.gap_tolerance as f32)
        .map_err(|e| Error::Solver {
            message: e.to_string(),
        })?;
    let mut by_group = vec![Expression::from(0.0); problem.groups.len()];
    let mut by_destination = vec![Expression::from(0.0); problem.destinations.len()];
    let mut by_course = vec![Expression::from(0.0); problem.courses.len()];
    let mut cost = Expression::from(0.0);
    for (r, &y) in problem.routes.iter().zip(&people) {
        by_group[r.origin] += y;
        by_destination[r.destination] += y;
        for &c in &r.courses {
            by_course[c] += y;
        }
        cost += problem.route_cost(r) * y;
    }
    for (g, (group, moved)) in problem.groups.iter().zip(by_group).enumerate() {
        let needed = problem.floor_people(g);
        if needed > 0.0 {
            lp = lp.with(constraint!(moved.clone() >= needed));
        }
        lp = lp.with(constraint!(moved <= group.workers.floor()));
    }
    for (d, placed) in problem.destinations.iter().zip(by_destination) {
        lp = lp.with(constraint!(placed <= d.demand.floor()));
    }
    for (c, used) in problem.courses.iter().zip(by_course) {
        if let Some(cap) = c.capacity {
            lp = lp.with(constraint!(used <= cap.floor()));
        }
    }
    if let Some(budget) = problem.budget {
        lp = lp.with(constraint!(cost <= budget));
    }
    Ok((people, lp))
}

/// People per route of `known` (a plan of a tighter problem), to start from.
fn known_people(problem: &CouncilProblem, known: &CouncilPlan) -> Vec<u32> {
    let mut people = vec![0u32; problem.routes.len()];
    for f in &known.flows {
        if let Some(slot) = people.get_mut(f.route) {
            *slot = f.people;
        }
    }
    people
}

/// A quick plan: first each group's floor on its cheapest routes, then the most valuable
/// routes per pound. `None` when it cannot meet a floor (the solver may still).
fn quick_people(problem: &CouncilProblem) -> Option<Vec<u32>> {
    fill(problem, vec![0; problem.routes.len()])
}

/// `people` per route (keeping every "at most" limit) topped up: first to each group's floor
/// on its cheapest routes with room, then on the most valuable routes per pound while money,
/// places, workers and openings last. `None` when a floor cannot be met this way.
fn fill(problem: &CouncilProblem, mut people: Vec<u32>) -> Option<Vec<u32>> {
    if people.len() != problem.routes.len() {
        return None;
    }
    let mut workers: Vec<f64> = problem.groups.iter().map(|g| g.workers.floor()).collect();
    let mut demand: Vec<f64> = problem
        .destinations
        .iter()
        .map(|d| d.demand.floor())
        .collect();
    let mut places: Vec<f64> = problem
        .courses
        .iter()
        .map(|c| c.capacity.map_or(f64::INFINITY, f64::floor))
        .collect();
    let mut budget = problem.budget.unwrap_or(f64::INFINITY);
    let costs: Vec<f64> = problem
        .routes
        .iter()
        .map(|r| problem.route_cost(r))
        .collect();
    for (r, route) in problem.routes.iter().enumerate() {
        let n = f64::from(people[r]);
        workers[route.origin] -= n;
        demand[route.destination] -= n;
        for &c in &route.courses {
            places[c] -= n;
        }
        budget -= costs[r] * n;
    }
    // Puts up to `want` more people on route `r`; returns how many it put.
    let mut take = |r: usize, want: f64, people: &mut [u32]| -> f64 {
        let route = &problem.routes[r];
        let mut room = want
            .min(workers[route.origin])
            .min(demand[route.destination]);
        for &c in &route.courses {
            room = room.min(places[c]);
        }
        if costs[r] > 0.0 {
            room = room.min((budget / costs[r] + 1e-9).floor());
        }
        let n = room.max(0.0).floor();
        if n <= 0.0 {
            return 0.0;
        }
        workers[route.origin] -= n;
        demand[route.destination] -= n;
        for &c in &route.courses {
            places[c] -= n;
        }
        budget -= costs[r] * n;
        people[r] += n as u32;
        n
    };
    let mut by_group: Vec<Vec<usize>> = vec![Vec::new(); problem.groups.len()];
    for (r, route) in problem.routes.iter().enumerate() {
        by_group[route.origin].push(r);
    }
    // Each group's floor first, on its cheapest routes.
    for routes in &mut by_group {
        routes.sort_by(|&a, &b| costs[a].total_cmp(&costs[b]).then(a.cmp(&b)));
    }
    for (g, routes) in by_group.iter().enumerate() {
        let moved: f64 = routes.iter().map(|&r| f64::from(people[r])).sum();
        let mut need = problem.floor_people(g) - moved;
        for &r in routes {
            if need <= 0.0 {
                break;
            }
            need -= take(r, need, &mut people);
        }
        if need > 0.0 {
            return None;
        }
    }
    // Then value per pound (free routes first, most valuable first).
    let mut order: Vec<usize> = (0..problem.routes.len()).collect();
    let merit = |r: usize| problem.route_value(&problem.routes[r]) / (1.0 + costs[r] / 1_000.0);
    order.sort_by(|&a, &b| merit(b).total_cmp(&merit(a)).then(a.cmp(&b)));
    for r in order {
        take(r, f64::INFINITY, &mut people);
    }
    Some(people)
}

/// The plan that `people` per route make (no constraint checked: see [`feasible`]).
fn read_plan(
    problem: &CouncilProblem,
    people: &[u32],
    status: SolveStatus,
    gap: Option<f64>,
) -> CouncilPlan {
    let mut moved = vec![0u32; problem.groups.len()];
    let mut placed = vec![0u32; problem.destinations.len()];
    let mut course_places = vec![0u32; problem.courses.len()];
    let mut flows = Vec::new();
    let (mut cost, mut objective) = (0.0, 0.0);
    for (r, (route, &n)) in problem.routes.iter().zip(people).enumerate() {
        if n == 0 {
            continue;
        }
        moved[route.origin] += n;
        placed[route.destination] += n;
        for &c in &route.courses {
            course_places[c] += n;
        }
        cost += problem.route_cost(route) * f64::from(n);
        objective += problem.route_value(route) * f64::from(n);
        flows.push(RouteFlow {
            route: r,
            people: n,
        });
    }
    let left: Vec<f64> = problem
        .groups
        .iter()
        .zip(&moved)
        .map(|(g, &m)| (g.workers.floor() - f64::from(m)).max(0.0))
        .collect();
    let budget_spent = problem.budget.is_some_and(|b| {
        problem.routes.iter().any(|r| {
            let c = problem.route_cost(r);
            c > 0.0 && cost + c > b + 1e-9
        })
    });
    let left_because = (0..problem.groups.len())
        .map(|g| {
            if left[g] <= 0.0 {
                return LeftBecause::Nobody;
            }
            let routes: Vec<&CouncilRoute> =
                problem.routes.iter().filter(|r| r.origin == g).collect();
            if routes.is_empty() {
                return LeftBecause::NoViableMove;
            }
            let open_routes: Vec<&CouncilRoute> = routes
                .into_iter()
                .filter(|r| {
                    f64::from(placed[r.destination])
                        < problem.destinations[r.destination].demand.floor()
                })
                .collect();
            if open_routes.is_empty() {
                return LeftBecause::Demand;
            }
            let has_place = |r: &&CouncilRoute| {
                r.courses.iter().all(|&c| {
                    problem.courses[c]
                        .capacity
                        .is_none_or(|cap| f64::from(course_places[c]) < cap.floor())
                })
            };
            if !open_routes.iter().any(has_place) {
                return LeftBecause::NoCoursePlace;
            }
            if budget_spent {
                LeftBecause::Budget
            } else {
                // Only weights left them: the objective preferred others for the same room.
                LeftBecause::Demand
            }
        })
        .collect();
    CouncilPlan {
        transitions: moved.iter().sum(),
        flows,
        moved,
        left,
        left_because,
        placed,
        course_places,
        cost,
        objective,
        status,
        gap,
    }
}

/// Whether `people` per route keep every constraint of `problem` (floor included).
pub fn feasible(problem: &CouncilProblem, people: &[u32]) -> bool {
    if problem.validate().is_err() || people.len() != problem.routes.len() {
        return false;
    }
    let plan = read_plan(problem, people, SolveStatus::Optimal, Some(0.0));
    let eps = 1e-9;
    plan.moved
        .iter()
        .zip(&problem.groups)
        .enumerate()
        .all(|(g, (&m, group))| {
            f64::from(m) <= group.workers.floor() + eps
                && f64::from(m) >= problem.floor_people(g) - eps
        })
        && plan
            .placed
            .iter()
            .zip(&problem.destinations)
            .all(|(&p, d)| f64::from(p) <= d.demand.floor() + eps)
        && plan
            .course_places
            .iter()
            .zip(&problem.courses)
            .all(|(&u, c)| {
                c.capacity
                    .is_none_or(|cap| f64::from(u) <= cap.floor() + eps)
            })
        && problem.budget.is_none_or(|b| plan.cost <= b + 1e-6)
}
