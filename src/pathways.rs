//! Multi-step pathways: routes of up to three moves from a job to a green job, through
//! stepping-stone jobs, with the training each move needs.
//!
//! A stepping stone is a job that is a viable move now and from which a green job is a viable
//! move later; never a carbon-intensive job. Every route is scored on four criteria: weeks of
//! training, out-of-pocket cost, pay at the end (higher is better) and essential skills left to
//! learn on the job. The routes
//! returned are the Pareto-optimal ones: no returned route is beaten by another on every
//! criterion. Candidate moves are ranked with a quick greedy training plan; the routes kept
//! are then planned exactly with the integer programme ([`crate::plan`]). Courses of unknown
//! price or length are compared at the typical values the planner weighs them at (never as
//! free), and routes say when they contain such courses; a route whose final pay is unknown is
//! not compared on pay.

// Indexing cannot go out of range in this module. Occupation ids come from the validated dataset,
// and the vectors indexed here have one entry per occupation.
#![allow(clippy::indexing_slicing)]

use std::collections::HashMap;

use crate::dataset::Dataset;
use crate::error::Error;
use crate::gap::SolveStatus;
use crate::model::{CourseId, OccupationId};
use crate::plan::{weighed_cost, weighed_weeks, CoursePlanner, PlanOptions};
use crate::transitions::{TransitionEngine, TransitionOptions, Viability};

/// How wide and deep to search.
#[derive(Debug, Clone, PartialEq)]
pub struct PathwayOptions {
    /// Scoring, viability and the green definition (its `count` is ignored).
    pub transitions: TransitionOptions,
    /// Limits on each move's training.
    pub plan: PlanOptions,
    /// Most moves in a route, 1 to 3.
    pub max_moves: usize,
    /// Viable moves considered from each job.
    pub breadth: usize,
    /// Most routes returned (the Pareto set, best-balanced first, cut here).
    pub max_routes: usize,
}

impl Default for PathwayOptions {
    fn default() -> Self {
        PathwayOptions {
            transitions: TransitionOptions::default(),
            plan: PlanOptions::default(),
            max_moves: 3,
            breadth: 8,
            max_routes: 12,
        }
    }
}

/// One move of a route and its training.
#[derive(Debug, Clone, PartialEq)]
pub struct PathwayStep {
    /// The job moved from.
    pub from: OccupationId,
    /// The job moved to.
    pub to: OccupationId,
    /// Transition score of the move.
    pub score: f32,
    /// Whether the job moved to is green.
    pub green: bool,
    /// Courses for this move, in order.
    pub courses: Vec<CourseId>,
    /// Weeks of training.
    pub weeks: f32,
    /// Out-of-pocket cost, GBP.
    pub out_of_pocket: u32,
    /// Essential skills of `to` no course covers.
    pub left_to_learn: usize,
    /// Whether the training plan was proven optimal.
    pub status: SolveStatus,
    /// Some course's price or length is unknown (counted as 0 in `weeks` and `out_of_pocket`).
    pub unknowns: bool,
    /// Weeks and cost with unknown lengths and prices at their typical values, for comparing.
    weighed: (f32, u32),
}

/// A route from the origin to a green job.
#[derive(Debug, Clone, PartialEq)]
pub struct Pathway {
    /// The moves, in order.
    pub steps: Vec<PathwayStep>,
    /// Total weeks of training.
    pub weeks: f32,
    /// Total out-of-pocket cost, GBP.
    pub out_of_pocket: u32,
    /// Indicative pay of the last job, GBP, when known.
    pub final_pay: Option<u32>,
    /// Essential skills left to learn on the job, over all moves.
    pub left_to_learn: usize,
    /// Some course's price or length is unknown (counted as 0 in the totals).
    pub unknowns: bool,
    /// Weeks and cost with unknown lengths and prices at their typical values, for comparing.
    weighed: (f32, u32),
}

impl Pathway {
    /// Whether `self` is at least as good as `other` on every criterion and better on one.
    /// Weeks and cost are compared at their weighed values; pay only when both are known (a
    /// route of unknown pay neither beats nor is beaten on pay).
    pub fn dominates(&self, other: &Pathway) -> bool {
        let pay = match (self.final_pay, other.final_pay) {
            (Some(a), Some(b)) => Some((-f64::from(a), -f64::from(b))),
            (None, None) => Some((0.0, 0.0)),
            _ => None,
        };
        let Some(pay) = pay else { return false };
        let pairs = [
            (f64::from(self.weighed.0), f64::from(other.weighed.0)),
            (f64::from(self.weighed.1), f64::from(other.weighed.1)),
            pay,
            (self.left_to_learn as f64, other.left_to_learn as f64),
        ];
        pairs.iter().all(|(a, b)| a <= b) && pairs.iter().any(|(a, b)| a < b)
    }
}

/// Finds Pareto-optimal pathways; build once per dataset.
pub struct PathwayFinder<'a> {
    data: &'a Dataset,
    engine: &'a TransitionEngine,
    planner: &'a CoursePlanner,
}

/// A move found while searching, with its quick training estimate.
#[derive(Clone, Copy)]
struct Move {
    to: OccupationId,
    score: f32,
    green: bool,
    weeks: f32,
    cost: u32,
    left: usize,
}

impl<'a> PathwayFinder<'a> {
    /// A finder over `data` using its transition engine and course planner.
    pub fn new(
        data: &'a Dataset,
        engine: &'a TransitionEngine,
        planner: &'a CoursePlanner,
    ) -> Self {
        PathwayFinder {
            data,
            engine,
            planner,
        }
    }

    /// The Pareto-optimal routes of 1 to `max_moves` moves from `origin` to a green job.
    ///
    /// # Errors
    /// Bad ids or options, or a solver fault.
    pub fn find(
        &self,
        origin: OccupationId,
        options: &PathwayOptions,
    ) -> Result<Vec<Pathway>, Error> {
        if !(1..=3).contains(&options.max_moves) {
            return Err(Error::InvalidArgument {
                field: "maxMoves",
                value: options.max_moves.to_string(),
                expected: "1, 2 or 3",
            });
        }
        if !(1..=50).contains(&options.breadth) {
            return Err(Error::InvalidArgument {
                field: "breadth",
                value: options.breadth.to_string(),
                expected: "a whole number from 1 to 50",
            });
        }
        let mut cache: HashMap<(OccupationId, bool), Vec<Move>> = HashMap::new();
        let mut routes: Vec<Vec<Move>> = Vec::new();
        // The search stops when the call's time is up, with the routes found by then.
        self.extend(origin, origin, &[], options, &mut cache, &mut routes)?;
        // Rank by the quick estimates, keep the Pareto set, then plan those exactly.
        let estimated: Vec<Pathway> = routes.iter().map(|r| self.estimate(origin, r)).collect();
        let mut keep: Vec<usize> = pareto(&estimated);
        keep.sort_by(|&a, &b| order(&estimated[a], &estimated[b]));
        keep.truncate(options.max_routes * 2);
        let mut plans = HashMap::new();
        let mut exact = Vec::new();
        for i in keep {
            // Out of time: the rest keep their quick estimates (said as not proven).
            exact.push(if options.plan.deadline.passed() {
                estimated[i].clone()
            } else {
                self.exact(origin, &routes[i], options, &mut plans)?
            });
        }
        let mut best: Vec<Pathway> = pareto(&exact)
            .into_iter()
            .map(|i| exact[i].clone())
            .collect();
        best.sort_by(order);
        best.truncate(options.max_routes);
        Ok(best)
    }

    /// Depth-first search: every route ending in a green job, through viable moves.
    fn extend(
        &self,
        origin: OccupationId,
        from: OccupationId,
        path: &[Move],
        options: &PathwayOptions,
        cache: &mut HashMap<(OccupationId, bool), Vec<Move>>,
        routes: &mut Vec<Vec<Move>>,
    ) -> Result<(), Error> {
        if path.len() >= options.max_moves || options.plan.deadline.passed() {
            return Ok(());
        }
        // From the last stepping stone only green moves can end a route.
        let last = path.len() + 1 == options.max_moves;
        let moves = match cache.get(&(from, last)) {
            Some(moves) => moves.clone(),
            None => {
                let moves = self.moves_from(from, last, options)?;
                cache.insert((from, last), moves.clone());
                moves
            }
        };
        let visited = |o: OccupationId| path.iter().any(|m| m.to == o);
        for m in moves {
            if visited(m.to) || m.to == origin {
                continue;
            }
            let mut next = path.to_vec();
            next.push(m);
            if m.green {
                routes.push(next.clone());
            }
            self.extend(origin, m.to, &next, options, cache, routes)?;
        }
        Ok(())
    }

    /// The `breadth` best viable moves from `from` and the `breadth` best viable green moves
    /// (only the green ones when `green_only`), each with a quick training estimate.
    fn moves_from(
        &self,
        from: OccupationId,
        green_only: bool,
        options: &PathwayOptions,
    ) -> Result<Vec<Move>, Error> {
        let viable = TransitionOptions {
            min_viability: Viability::Viable,
            count: options.breadth,
            only_green: false,
            ..options.transitions.clone()
        };
        let green = TransitionOptions {
            only_green: true,
            ..viable.clone()
        };
        let mut found = if green_only {
            Vec::new()
        } else {
            self.engine.transitions(self.data, from, &viable)?
        };
        for t in self.engine.transitions(self.data, from, &green)? {
            if !found.iter().any(|f| f.occupation == t.occupation) {
                found.push(t);
            }
        }
        // A route out of carbon-intensive work does not pass through another such job.
        found.retain(|t| self.data.occupation(t.occupation).carbon.is_none());
        // The person's skill credit depends only on where they start: compute it once.
        let credit = self.planner.credit(self.data, from, &options.plan)?;
        let mut moves = Vec::with_capacity(found.len());
        for t in found {
            if options.plan.deadline.passed() {
                break;
            }
            let quick = self
                .planner
                .quick(self.data, &credit, t.occupation, &options.plan)?;
            moves.push(Move {
                to: t.occupation,
                score: t.score,
                green: t.flags.green,
                weeks: quick.weeks as f32,
                cost: quick.cost.round() as u32,
                left: quick.uncovered.len(),
            });
        }
        Ok(moves)
    }

    fn estimate(&self, origin: OccupationId, route: &[Move]) -> Pathway {
        let mut from = origin;
        let steps = route
            .iter()
            .map(|m| {
                let step = PathwayStep {
                    from,
                    to: m.to,
                    score: m.score,
                    green: m.green,
                    courses: Vec::new(),
                    weeks: m.weeks,
                    out_of_pocket: m.cost,
                    left_to_learn: m.left,
                    status: SolveStatus::Heuristic,
                    // The greedy estimate already weighs unknowns at typical values.
                    unknowns: false,
                    weighed: (m.weeks, m.cost),
                };
                from = m.to;
                step
            })
            .collect();
        self.total(steps)
    }

    fn exact(
        &self,
        origin: OccupationId,
        route: &[Move],
        options: &PathwayOptions,
        plans: &mut HashMap<(OccupationId, OccupationId), crate::plan::Plan>,
    ) -> Result<Pathway, Error> {
        let mut from = origin;
        let mut steps = Vec::with_capacity(route.len());
        for m in route {
            let plan = match plans.get(&(from, m.to)) {
                Some(plan) => plan.clone(),
                None => {
                    let plan =
                        self.planner
                            .plan_with(self.data, from, m.to, &options.plan, false)?;
                    plans.insert((from, m.to), plan.clone());
                    plan
                }
            };
            steps.push(PathwayStep {
                from,
                to: m.to,
                score: m.score,
                green: m.green,
                courses: plan.steps.iter().map(|s| s.course).collect(),
                weeks: plan.weeks,
                out_of_pocket: plan.out_of_pocket,
                left_to_learn: plan.left_to_learn.len(),
                status: plan.status,
                unknowns: plan.steps.iter().any(|s| s.cost_unknown || s.weeks_unknown),
                weighed: plan.steps.iter().fold((0.0, 0), |(weeks, cost), s| {
                    let course = self.data.course(s.course);
                    (weeks + weighed_weeks(course), cost + weighed_cost(course))
                }),
            });
            from = m.to;
        }
        Ok(self.total(steps))
    }

    fn total(&self, steps: Vec<PathwayStep>) -> Pathway {
        let destination = steps.last().map(|s| s.to);
        Pathway {
            weeks: steps.iter().fold(0.0, |total, s| total + s.weeks),
            out_of_pocket: steps.iter().map(|s| s.out_of_pocket).sum(),
            left_to_learn: steps.iter().map(|s| s.left_to_learn).sum(),
            final_pay: destination.and_then(|d| self.data.occupation(d).annual_earnings),
            unknowns: steps.iter().any(|s| s.unknowns),
            weighed: steps.iter().fold((0.0, 0), |(weeks, cost), s| {
                (weeks + s.weighed.0, cost + s.weighed.1)
            }),
            steps,
        }
    }
}

/// Indices of the routes no other route dominates, in input order.
pub fn pareto(routes: &[Pathway]) -> Vec<usize> {
    (0..routes.len())
        .filter(|&i| !routes.iter().any(|other| other.dominates(&routes[i])))
        .collect()
}

/// Fewer skills left, shorter, cheaper (both as weighed), better paid, fewer moves, then by the
/// jobs' ids.
fn order(a: &Pathway, b: &Pathway) -> std::cmp::Ordering {
    a.left_to_learn
        .cmp(&b.left_to_learn)
        .then(a.weighed.0.total_cmp(&b.weighed.0))
        .then(a.weighed.1.cmp(&b.weighed.1))
        .then(b.final_pay.cmp(&a.final_pay))
        .then(a.steps.len().cmp(&b.steps.len()))
        .then_with(|| route_ids(a).cmp(&route_ids(b)))
}

fn route_ids(p: &Pathway) -> Vec<OccupationId> {
    p.steps.iter().map(|s| s.to).collect()
}
