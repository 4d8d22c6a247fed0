//! Closing a skills gap with courses: a small integer programme.
//!
//! Given the skills a person lacks for a job (each with an importance) and the courses that teach
//! them, choose the courses that maximise the value of the skills covered minus what the courses
//! cost in money and time (weighted as the person chooses), subject to a budget, a maximum number
//! of weeks, prerequisites, and "at most one of" groups (nobody takes two apprenticeships at
//! once). Each unit of importance is worth [`GapProblem::skill_value`]: a course is taken only
//! when what it teaches is worth its cost, so a two-year apprenticeship is not taken to cover one
//! generic skill. Solved with `good_lp` and the pure-Rust `microlp` solver. What no worthwhile,
//! affordable course covers is reported as left to learn on the job.

// Indexing cannot go out of range in this module. Indices are the problem's own: skills and
// courses are numbered here from the lists given, and every vector indexed is sized to those
// lists.
#![allow(clippy::indexing_slicing)]

use good_lp::{
    constraint, microlp, variable, variables, Expression, ResolutionError, Solution,
    SolutionStatus, SolverModel, Variable, WithTimeLimit,
};

use crate::error::Error;

/// One course that may be chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct GapCourse {
    /// Indices (into [`GapProblem::skills`]) of the missing skills the course teaches.
    pub covers: Vec<usize>,
    /// Out-of-pocket cost to the person, GBP.
    pub cost: f64,
    /// Length in weeks.
    pub weeks: f64,
    /// Indices of courses that must also be chosen (prerequisites).
    pub requires: Vec<usize>,
}

/// A gap-closing problem.
#[derive(Debug, Clone, PartialEq)]
pub struct GapProblem {
    /// Importance of each missing skill (> 0).
    pub skills: Vec<f64>,
    /// The candidate courses.
    pub courses: Vec<GapCourse>,
    /// Most the person can pay out of pocket, GBP.
    pub budget: Option<f64>,
    /// Most weeks of training in total.
    pub max_weeks: Option<f64>,
    /// Weight of one pound in the cost objective.
    pub money_weight: f64,
    /// Weight of one week in the cost objective.
    pub week_weight: f64,
    /// Value of covering one unit of importance, in the units of the cost objective.
    pub skill_value: f64,
    /// Groups of course indices of which at most one may be chosen.
    pub exclusive: Vec<Vec<usize>>,
    /// Seconds the solver may run before the best plan found is returned.
    pub time_limit: f64,
}

/// How a solve ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SolveStatus {
    /// Proven optimal.
    Optimal,
    /// The time limit stopped the search; the plan is the best found, maybe not the best.
    TimeLimit,
    /// A quick greedy plan ([`GapProblem::greedy`]), not proven optimal.
    Heuristic,
    /// Proven within the accepted gap of the best possible (the plan's `gap` says how close).
    WithinGap,
}

/// The chosen courses and what they leave uncovered.
#[derive(Debug, Clone, PartialEq)]
pub struct GapSolution {
    /// Indices of the chosen courses, prerequisites before the courses needing them.
    pub chosen: Vec<usize>,
    /// Indices of the skills covered.
    pub covered: Vec<usize>,
    /// Indices of the skills left uncovered.
    pub uncovered: Vec<usize>,
    /// Total out-of-pocket cost, GBP.
    pub cost: f64,
    /// Total weeks.
    pub weeks: f64,
    /// Importance covered.
    pub importance_covered: f64,
    /// Value of the skills covered minus the weighted cost: what the solver maximised.
    pub objective: f64,
    /// Whether the solver proved optimality.
    pub status: SolveStatus,
}

impl GapProblem {
    /// Checks the numbers are finite and in range, naming the first that is not.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`].
    pub fn validate(&self) -> Result<(), Error> {
        let bad = |field: &'static str, value: f64, expected: &'static str| {
            Err(Error::InvalidArgument {
                field,
                value: value.to_string(),
                expected,
            })
        };
        for &w in &self.skills {
            if !(w.is_finite() && w > 0.0) {
                return bad("importance", w, "a positive number");
            }
        }
        for course in &self.courses {
            if !(course.cost.is_finite() && course.cost >= 0.0) {
                return bad("cost", course.cost, "a number of pounds, 0 or more");
            }
            if !(course.weeks.is_finite() && course.weeks >= 0.0) {
                return bad("weeks", course.weeks, "a number of weeks, 0 or more");
            }
            if let Some(&s) = course.covers.iter().find(|&&s| s >= self.skills.len()) {
                return bad("covers", s as f64, "indices of the problem's skills");
            }
            if let Some(&r) = course.requires.iter().find(|&&r| r >= self.courses.len()) {
                return bad("requires", r as f64, "indices of the problem's courses");
            }
        }
        for (field, value) in [("budget", self.budget), ("maxWeeks", self.max_weeks)] {
            if let Some(v) = value {
                if !(v.is_finite() && v >= 0.0) {
                    return bad(field, v, "a number, 0 or more");
                }
            }
        }
        for (field, value) in [
            ("moneyWeight", self.money_weight),
            ("weekWeight", self.week_weight),
            ("skillValue", self.skill_value),
        ] {
            if !(value.is_finite() && value >= 0.0) {
                return bad(field, value, "a number, 0 or more");
            }
        }
        if let Some(&c) = self
            .exclusive
            .iter()
            .flatten()
            .find(|&&c| c >= self.courses.len())
        {
            return bad("exclusive", c as f64, "indices of the problem's courses");
        }
        if !(self.time_limit.is_finite() && self.time_limit > 0.0) {
            return bad("timeLimit", self.time_limit, "a positive number of seconds");
        }
        Ok(())
    }

    /// Solves the problem: the most value of skills covered, less the weighted cost.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for bad numbers; [`Error::Solver`] if the solver fails.
    pub fn solve(&self) -> Result<GapSolution, Error> {
        self.validate()?;
        let model = Model::new(self);
        let objective =
            self.skill_value * model.cover_expression(self) - model.penalty_expression(self);
        let Ok((solution, x)) = solve_model(model, self, objective) else {
            // The solver stopped (its time limit) before any feasible plan: use the greedy one,
            // which says it is not proven optimal.
            return self.greedy();
        };
        let status = match solution.status() {
            SolutionStatus::Optimal => SolveStatus::Optimal,
            _ => SolveStatus::TimeLimit,
        };
        Ok(self.read(&x, &solution, status))
    }

    /// The objective of choosing the courses in `picked`: value covered less weighted cost.
    ///
    /// # Panics
    /// When `picked` is shorter than the list of courses.
    pub fn objective(&self, picked: &[bool]) -> f64 {
        let mut covered = vec![false; self.skills.len()];
        let mut penalty = 0.0;
        for (c, course) in self.courses.iter().enumerate() {
            if picked[c] {
                penalty += self.money_weight * course.cost + self.week_weight * course.weeks;
                for &s in &course.covers {
                    covered[s] = true;
                }
            }
        }
        let value: f64 = covered
            .iter()
            .zip(&self.skills)
            .filter(|(c, _)| **c)
            .map(|(_, w)| w)
            .sum();
        self.skill_value * value - penalty
    }

    /// A quick greedy plan (no optimality guarantee): repeatedly take the course, with its
    /// prerequisites, that adds the most importance per unit of weighted cost and still fits the
    /// limits. Used to rank many candidate moves before the exact solve of the few kept.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for bad numbers.
    pub fn greedy(&self) -> Result<GapSolution, Error> {
        self.validate()?;
        let mut picked = vec![false; self.courses.len()];
        let mut covered = vec![false; self.skills.len()];
        let mut marks = Marks::new(self.courses.len());
        let (mut cost, mut weeks) = (0.0, 0.0);
        loop {
            // The most any bundle can still gain: every uncovered skill.
            let open: f64 = (0..self.skills.len())
                .filter(|&s| !covered[s])
                .map(|s| self.skills[s])
                .sum();
            let mut best: Option<(f64, Vec<usize>)> = None;
            for c in 0..self.courses.len() {
                // A course that teaches nothing new is never better than its prerequisites
                // alone (the same gain for more cost), and those are candidates themselves.
                if picked[c] || self.courses[c].covers.iter().all(|&s| covered[s]) {
                    continue;
                }
                let best_value = best.as_ref().map_or(0.0, |(v, _)| *v);
                let Some(bundle) =
                    self.bundle_within(c, &picked, &mut marks, (cost, weeks), open, best_value)
                else {
                    continue;
                };
                let add_cost: f64 = bundle.iter().map(|&b| self.courses[b].cost).sum();
                let add_weeks: f64 = bundle.iter().map(|&b| self.courses[b].weeks).sum();
                if self.breaks_exclusive(&picked, &marks) {
                    continue;
                }
                let mut gain = 0.0;
                for &b in &bundle {
                    for &s in &self.courses[b].covers {
                        if !covered[s] && !marks.skill_seen(s) {
                            marks.see_skill(s);
                            gain += self.skills[s];
                        }
                    }
                }
                let penalty = self.money_weight * add_cost + self.week_weight * add_weeks;
                if self.skill_value * gain <= penalty {
                    continue;
                }
                let value = self.skill_value * gain / (penalty + 1e-3);
                if value > best_value || best.is_none() {
                    best = Some((value, bundle));
                }
            }
            let Some((_, bundle)) = best else { break };
            for b in bundle {
                picked[b] = true;
                cost += self.courses[b].cost;
                weeks += self.courses[b].weeks;
                for &s in &self.courses[b].covers {
                    covered[s] = true;
                }
            }
        }
        let (covered_list, uncovered): (Vec<usize>, Vec<usize>) =
            (0..self.skills.len()).partition(|&s| covered[s]);
        Ok(GapSolution {
            objective: self.objective(&picked),
            chosen: order_by_prerequisites(self, &picked),
            importance_covered: covered_list.iter().map(|&s| self.skills[s]).sum(),
            covered: covered_list,
            uncovered,
            cost,
            weeks,
            status: SolveStatus::Heuristic,
        })
    }

    /// Whether adding the bundle last marked in `marks` to `picked` would take two courses of
    /// one exclusive group.
    fn breaks_exclusive(&self, picked: &[bool], marks: &Marks) -> bool {
        self.exclusive
            .iter()
            .any(|group| group.iter().filter(|&&c| picked[c] || marks.has(c)).count() > 1)
    }

    /// Course `c` and the prerequisites (transitively) not yet picked, when together they fit
    /// the budget and weeks left after `(cost, weeks)` and could beat `best_value` even if they
    /// covered every `open` skill; `None` as soon as they cannot (a long chain of prerequisites
    /// is not walked to its end). `marks` holds the bundle afterwards, for constant-time
    /// membership, with no skill seen yet.
    fn bundle_within(
        &self,
        c: usize,
        picked: &[bool],
        marks: &mut Marks,
        (cost, weeks): (f64, f64),
        open: f64,
        best_value: f64,
    ) -> Option<Vec<usize>> {
        marks.clear();
        marks.set(c);
        let mut bundle = vec![c];
        let (mut add_cost, mut add_weeks) = (0.0, 0.0);
        let mut i = 0;
        while let Some(&b) = bundle.get(i) {
            add_cost += self.courses[b].cost;
            add_weeks += self.courses[b].weeks;
            let penalty = self.money_weight * add_cost + self.week_weight * add_weeks;
            if self.budget.is_some_and(|limit| cost + add_cost > limit)
                || self
                    .max_weeks
                    .is_some_and(|limit| weeks + add_weeks > limit)
                || self.skill_value * open <= penalty
                || (best_value > 0.0 && self.skill_value * open / (penalty + 1e-3) <= best_value)
            {
                return None;
            }
            for &r in &self.courses[b].requires {
                if !picked[r] && !marks.has(r) {
                    marks.set(r);
                    bundle.push(r);
                }
            }
            i += 1;
        }
        Some(bundle)
    }

    fn read(&self, x: &[Variable], solution: &impl Solution, status: SolveStatus) -> GapSolution {
        let picked: Vec<bool> = x.iter().map(|&x| solution.value(x) > 0.5).collect();
        let mut covered_flags = vec![false; self.skills.len()];
        for (c, course) in self.courses.iter().enumerate() {
            if picked[c] {
                for &s in &course.covers {
                    covered_flags[s] = true;
                }
            }
        }
        let (covered, uncovered): (Vec<usize>, Vec<usize>) =
            (0..self.skills.len()).partition(|&s| covered_flags[s]);
        let chosen = order_by_prerequisites(self, &picked);
        GapSolution {
            objective: self.objective(&picked),
            cost: chosen.iter().map(|&c| self.courses[c].cost).sum(),
            weeks: chosen.iter().map(|&c| self.courses[c].weeks).sum(),
            importance_covered: covered.iter().map(|&s| self.skills[s]).sum(),
            chosen,
            covered,
            uncovered,
            status,
        }
    }
}

/// The variables of one phase: `x[c]` course chosen, `y[s]` skill covered.
struct Model {
    vars: good_lp::ProblemVariables,
    x: Vec<Variable>,
    y: Vec<Variable>,
}

impl Model {
    fn new(problem: &GapProblem) -> Self {
        let mut vars = variables!();
        let x = (0..problem.courses.len())
            .map(|_| vars.add(variable().binary()))
            .collect();
        let y = (0..problem.skills.len())
            .map(|_| vars.add(variable().min(0.0).max(1.0)))
            .collect();
        Model { vars, x, y }
    }

    fn cover_expression(&self, problem: &GapProblem) -> Expression {
        self.y
            .iter()
            .zip(&problem.skills)
            .map(|(&y, &w)| w * y)
            .sum()
    }

    fn penalty_expression(&self, problem: &GapProblem) -> Expression {
        self.x
            .iter()
            .zip(&problem.courses)
            .map(|(&x, c)| (problem.money_weight * c.cost + problem.week_weight * c.weeks) * x)
            .sum()
    }
}

/// Solves the model; returns the solution and the course variables to read it with.
fn solve_model(
    model: Model,
    problem: &GapProblem,
    objective: Expression,
) -> Result<(impl Solution, Vec<Variable>), Error> {
    let Model { vars, x, y } = model;
    let unsolved = vars.maximise(objective);
    let mut lp = unsolved.using(microlp).with_time_limit(problem.time_limit);
    for (s, &covered) in y.iter().enumerate() {
        let teachers: Expression = problem
            .courses
            .iter()
            .enumerate()
            .filter(|(_, c)| c.covers.contains(&s))
            .map(|(c, _)| x[c])
            .sum();
        lp = lp.with(constraint!(covered <= teachers));
    }
    for (c, course) in problem.courses.iter().enumerate() {
        for &r in &course.requires {
            lp = lp.with(constraint!(x[c] <= x[r]));
        }
    }
    if let Some(budget) = problem.budget {
        let cost: Expression = x
            .iter()
            .zip(&problem.courses)
            .map(|(&x, c)| c.cost * x)
            .sum();
        lp = lp.with(constraint!(cost <= budget));
    }
    if let Some(max_weeks) = problem.max_weeks {
        let weeks: Expression = x
            .iter()
            .zip(&problem.courses)
            .map(|(&x, c)| c.weeks * x)
            .sum();
        lp = lp.with(constraint!(weeks <= max_weeks));
    }
    for group in &problem.exclusive {
        let chosen: Expression = group.iter().map(|&c| x[c]).sum();
        lp = lp.with(constraint!(chosen <= 1));
    }
    let solution = lp.solve().map_err(|e| match e {
        // Choosing nothing is always feasible, so this only happens on a solver fault.
        ResolutionError::Infeasible => Error::Solver {
            message: "the solver found no feasible plan".into(),
        },
        other => Error::Solver {
            message: other.to_string(),
        },
    })?;
    Ok((solution, x))
}

/// Chosen courses with every prerequisite before the courses that need it, otherwise in index
/// order.
fn order_by_prerequisites(problem: &GapProblem, picked: &[bool]) -> Vec<usize> {
    let mut placed = vec![false; picked.len()];
    let mut order = Vec::new();
    // Depth first without recursion (a chain of thousands of prerequisites would overflow the
    // stack): (course, next prerequisite to visit).
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for start in 0..picked.len() {
        if !picked[start] || placed[start] {
            continue;
        }
        placed[start] = true;
        stack.push((start, 0));
        while let Some(top) = stack.last_mut() {
            let (c, next) = *top;
            match problem.courses[c].requires.get(next) {
                Some(&r) => {
                    top.1 += 1;
                    if picked[r] && !placed[r] {
                        placed[r] = true;
                        stack.push((r, 0));
                    }
                }
                None => {
                    order.push(c);
                    stack.pop();
                }
            }
        }
    }
    order
}

/// A set of course indices with constant-time membership and clearing (a generation stamp per
/// course), reused across the greedy's many bundles.
struct Marks {
    stamp: Vec<u32>,
    skills: Vec<u32>,
    now: u32,
}

impl Marks {
    fn new(n: usize) -> Marks {
        Marks {
            stamp: vec![0; n],
            skills: Vec::new(),
            now: 1,
        }
    }

    fn clear(&mut self) {
        self.now = self.now.wrapping_add(1);
        if self.now == 0 {
            self.stamp.fill(0);
            self.skills.fill(0);
            self.now = 1;
        }
    }

    /// Whether skill `s` was counted for the current bundle.
    fn skill_seen(&self, s: usize) -> bool {
        self.skills.get(s) == Some(&self.now)
    }

    fn see_skill(&mut self, s: usize) {
        if self.skills.len() <= s {
            self.skills.resize(s + 1, 0);
        }
        self.skills[s] = self.now;
    }

    fn set(&mut self, c: usize) {
        self.stamp[c] = self.now;
    }

    fn has(&self, c: usize) -> bool {
        self.stamp[c] == self.now
    }
}
