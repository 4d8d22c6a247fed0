//! The council's fair transition model against brute force on small instances, and its
//! promises: the budget never exceeded, the fairness floor kept whenever it can be, more budget
//! never worse, people conserved, an infeasible floor explained by the highest one that holds,
//! the same answer every time.
#![cfg(not(target_arch = "wasm32"))]
// Tests and their helpers: a failure is the test's failure, said by the panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use greenpath::council::{
    feasible, CouncilCourse, CouncilDestination, CouncilGroup, CouncilLimitKind, CouncilOutcome,
    CouncilProblem, CouncilRoute, CouncilWeights, LeftBecause, RouteKind,
};
use greenpath::gap::SolveStatus;
use proptest::prelude::*;

fn group(workers: f64, carbon: f64) -> CouncilGroup {
    CouncilGroup {
        workers,
        carbon,
        deprivation: None,
    }
}

fn route(origin: usize, destination: usize, courses: Vec<usize>, uplift: f64) -> CouncilRoute {
    CouncilRoute {
        origin,
        destination,
        kind: if courses.is_empty() {
            RouteKind::Direct
        } else {
            RouteKind::Courses
        },
        courses,
        uplift,
    }
}

/// Gas engineers, steelworkers and a group with no way out; heat pump and wind jobs.
fn town() -> CouncilProblem {
    CouncilProblem {
        groups: vec![group(6.0, 0.5), group(5.0, 1.0), group(3.0, 1.0)],
        destinations: vec![
            CouncilDestination { demand: 5.0 },
            CouncilDestination { demand: 4.0 },
        ],
        courses: vec![
            CouncilCourse {
                capacity: Some(4.0),
                cost_per_person: 1_000.0,
            },
            CouncilCourse {
                capacity: None,
                cost_per_person: 3_000.0,
            },
        ],
        routes: vec![
            route(0, 0, vec![0], 0.1),
            route(0, 1, vec![1], 0.2),
            route(1, 1, vec![1], 0.0),
            route(1, 0, vec![], -0.1),
        ],
        budget: Some(15_000.0),
        floor: 0.5,
        weights: CouncilWeights::default(),
        time_limit: 10.0,
        gap_tolerance: 0.0,
    }
}

/// The best objective over every whole-number allocation that keeps every constraint.
fn brute_force(problem: &CouncilProblem) -> Option<f64> {
    let caps: Vec<u32> = problem
        .routes
        .iter()
        .map(|r| {
            problem.groups[r.origin]
                .workers
                .min(problem.destinations[r.destination].demand) as u32
        })
        .collect();
    let mut people = vec![0u32; caps.len()];
    let mut best: Option<f64> = None;
    fn each(caps: &[u32], people: &mut [u32], i: usize, f: &mut dyn FnMut(&[u32])) {
        if i == caps.len() {
            f(people);
            return;
        }
        for v in 0..=caps[i] {
            people[i] = v;
            each(caps, people, i + 1, f);
        }
    }
    each(&caps, &mut people, 0, &mut |x| {
        if feasible(problem, x) {
            let value: f64 = problem
                .routes
                .iter()
                .zip(x)
                .map(|(r, &n)| problem.route_value(r) * f64::from(n))
                .sum();
            if best.is_none_or(|b| value > b) {
                best = Some(value);
            }
        }
    });
    best
}

#[test]
fn the_town_plan_is_the_best_fair_plan_and_says_who_is_left_and_why() {
    let problem = town();
    let plan = problem.solve().unwrap();
    assert_eq!(plan.status, SolveStatus::Optimal);
    let best = brute_force(&problem).unwrap();
    assert!(
        (plan.objective - best).abs() < 1e-6,
        "{} vs {best}",
        plan.objective
    );
    assert!(plan.cost <= 15_000.0);
    // The floor: at least 3 of 6 and 3 of 5 (rounded up), the third group has no route.
    assert!(plan.moved[0] >= 3 && plan.moved[1] >= 3, "{:?}", plan.moved);
    assert_eq!(plan.moved[2], 0);
    assert_eq!(plan.left_because[2], LeftBecause::NoViableMove);
    assert_eq!(plan.left[2], 3.0);
}

#[test]
fn a_floor_too_high_for_the_budget_gives_the_highest_that_holds() {
    let mut problem = town();
    problem.budget = Some(4_000.0);
    problem.floor = 0.9;
    let CouncilOutcome::FloorInfeasible { highest_floor } = problem.analyse().unwrap() else {
        panic!("infeasible");
    };
    let mut at = problem.clone();
    at.floor = highest_floor;
    assert!(at.solve().is_ok(), "{highest_floor} holds");
    at.floor = highest_floor + 0.01;
    assert!(at.solve().is_err(), "{} does not", highest_floor + 0.01);
}

#[test]
fn a_binding_budget_says_what_another_hundred_thousand_adds() {
    let mut problem = town();
    problem.groups[0].workers = 200.0;
    problem.destinations[0].demand = 50.0;
    problem.destinations[1].demand = 200.0;
    problem.courses[0].cost_per_person = 0.0; // a funded course: always worth filling
    problem.floor = 0.0;
    problem.budget = Some(30_000.0);
    let CouncilOutcome::Planned { plan, limits } = problem.analyse().unwrap() else {
        panic!("feasible");
    };
    assert!(plan.cost <= 30_000.0);
    let budget = limits
        .iter()
        .find(|l| l.limit == CouncilLimitKind::Budget)
        .unwrap();
    assert!(budget.step_gain > 0.0, "{limits:?}");
    let course = limits
        .iter()
        .find(|l| l.limit == CouncilLimitKind::Course(0));
    assert!(
        course.is_some(),
        "the full course is asked about: {limits:?} {:?}",
        plan.course_places
    );
}

#[test]
fn bad_numbers_name_their_field() {
    let mut problem = town();
    problem.floor = 1.5;
    assert_eq!(problem.solve().unwrap_err().field(), Some("floor"));
    let mut problem = town();
    problem.budget = Some(f64::INFINITY);
    assert_eq!(problem.solve().unwrap_err().field(), Some("budget"));
    let mut problem = town();
    problem.routes[0].courses = vec![7];
    assert_eq!(problem.solve().unwrap_err().field(), Some("routes"));
}

fn arb_problem() -> impl Strategy<Value = CouncilProblem> {
    (
        prop::collection::vec((0u32..5, 0u32..3), 1..3),
        prop::collection::vec(0u32..5, 1..3),
        prop::collection::vec((prop::option::of(0u32..4), 0u32..4), 1..3),
        0u32..12,
        0u32..11,
        any::<u64>(),
    )
        .prop_map(
            |(groups, destinations, courses, budget_k, floor_tenths, seed)| {
                let groups: Vec<CouncilGroup> = groups
                    .into_iter()
                    .map(|(w, c)| group(f64::from(w), f64::from(c) / 2.0))
                    .collect();
                let destinations: Vec<CouncilDestination> = destinations
                    .into_iter()
                    .map(|d| CouncilDestination {
                        demand: f64::from(d),
                    })
                    .collect();
                let courses: Vec<CouncilCourse> = courses
                    .into_iter()
                    .map(|(cap, cost)| CouncilCourse {
                        capacity: cap.map(f64::from),
                        cost_per_person: f64::from(cost) * 1_000.0,
                    })
                    .collect();
                let mut state = seed | 1;
                let mut next = || {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state
                };
                let mut routes = Vec::new();
                for o in 0..groups.len() {
                    for d in 0..destinations.len() {
                        if next() % 3 == 0 {
                            continue;
                        }
                        let course = (next() % (courses.len() as u64 + 1)) as usize;
                        let uses = if course == courses.len() {
                            vec![]
                        } else {
                            vec![course]
                        };
                        routes.push(route(o, d, uses, (next() % 6) as f64 / 10.0));
                    }
                }
                routes.truncate(4); // brute force stays quick
                CouncilProblem {
                    groups,
                    destinations,
                    courses,
                    routes,
                    budget: Some(f64::from(budget_k) * 1_000.0),
                    floor: f64::from(floor_tenths) / 10.0,
                    weights: CouncilWeights::default(),
                    time_limit: 10.0,
                    gap_tolerance: 0.0,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_solver_matches_brute_force_and_keeps_the_floor_whenever_it_can(problem in arb_problem()) {
        let best = brute_force(&problem);
        match problem.solve() {
            Ok(plan) => {
                prop_assert!(best.is_some());
                prop_assert!((plan.objective - best.unwrap()).abs() < 1e-6);
                let mut people = vec![0u32; problem.routes.len()];
                for f in &plan.flows {
                    people[f.route] = f.people;
                }
                prop_assert!(feasible(&problem, &people));
                prop_assert!(plan.cost <= problem.budget.unwrap() + 1e-6);
                // People conserved: everyone moved took one route, nobody moved twice.
                let total: u32 = plan.flows.iter().map(|f| f.people).sum();
                prop_assert_eq!(total, plan.transitions);
                for (g, group) in problem.groups.iter().enumerate() {
                    prop_assert!(f64::from(plan.moved[g]) + plan.left[g] == group.workers.floor());
                }
            }
            Err(_) => prop_assert!(best.is_none(), "the solver found no plan but brute force did"),
        }
    }

    #[test]
    fn more_budget_never_lowers_the_objective(problem in arb_problem(), extra in 1u32..10) {
        let mut richer = problem.clone();
        richer.budget = richer.budget.map(|b| b + f64::from(extra) * 1_000.0);
        if let Ok(plan) = problem.solve() {
            let better = richer.solve().unwrap();
            prop_assert!(better.objective >= plan.objective - 1e-6);
        }
    }

    #[test]
    fn an_infeasible_floor_is_explained_by_the_highest_that_holds(problem in arb_problem()) {
        if let CouncilOutcome::FloorInfeasible { highest_floor } = problem.analyse().unwrap() {
            prop_assert!(highest_floor < problem.floor);
            let mut at = problem.clone();
            at.floor = highest_floor;
            prop_assert!(at.solve().is_ok());
        }
    }

    #[test]
    fn the_same_problem_gives_the_same_plan(problem in arb_problem()) {
        prop_assert_eq!(problem.solve().ok(), problem.solve().ok());
    }
}

#[test]
fn a_time_limit_too_short_to_search_still_returns_a_plan_that_keeps_every_limit() {
    let mut problem = town();
    problem.time_limit = 1e-6;
    let plan = problem.solve().expect("the quick plan meets the floor");
    let mut people = vec![0u32; problem.routes.len()];
    for f in &plan.flows {
        people[f.route] = f.people;
    }
    assert!(feasible(&problem, &people));
    assert!(plan.transitions > 0);
}

#[path = "common/mod.rs"]
mod common;

#[test]
fn the_benchmark_sized_plan_keeps_every_limit_and_is_proven_within_the_tolerance() {
    // 200 groups × 200 jobs × 150 courses, about 8,000 routes (as `benches/council.mjs`).
    let problem = common::synthetic_council(60.0);
    let plan = problem.solve().unwrap();
    let mut people = vec![0u32; problem.routes.len()];
    for f in &plan.flows {
        people[f.route] = f.people;
    }
    assert!(feasible(&problem, &people));
    assert!(
        matches!(plan.status, SolveStatus::Optimal | SolveStatus::WithinGap),
        "{:?}",
        plan.status
    );
    assert!(
        plan.gap.unwrap() <= problem.gap_tolerance + 1e-9,
        "{:?}",
        plan.gap
    );
    // The quick plan alone is a plan, and the solver's is at least as good.
    let quick = problem
        .quick_plan()
        .expect("the quick plan meets a 30% floor");
    assert!(plan.objective >= quick.objective - 1e-6);
}
