//! The college portfolio model against brute force on small instances, and its promises: limits
//! never exceeded, placements within demand and supply, more budget never worse, infeasible
//! must-run courses explained, the same answer every time.
#![cfg(not(target_arch = "wasm32"))]
// Tests and their helpers: a failure is the test's failure, said by the panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use greenpath::gap::SolveStatus;
use greenpath::portfolio::{
    evaluate, LimitKind, Limits, PortfolioCourse, PortfolioDestination, PortfolioLink,
    PortfolioOrigin, PortfolioOutcome, PortfolioProblem, Shortfall, Weights,
};
use proptest::prelude::*;

fn course(
    cost_per_cohort: f64,
    cohort_min: u32,
    cohort_max: u32,
    max_cohorts: u32,
) -> PortfolioCourse {
    PortfolioCourse {
        fixed_cost: 1_000.0,
        cost_per_cohort,
        cost_per_place: 100.0,
        tutor_hours_per_cohort: 60.0,
        sessions_per_cohort: 10.0,
        cohort_min,
        cohort_max,
        max_cohorts,
        success_rate: 0.8,
        must_run: false,
    }
}

/// Two origins (one carbon-intensive), two courses, two destinations.
fn small() -> PortfolioProblem {
    PortfolioProblem {
        courses: vec![course(5_000.0, 2, 4, 2), course(3_000.0, 1, 3, 1)],
        origins: vec![
            PortfolioOrigin {
                supply: 5.0,
                carbon_intensive: true,
            },
            PortfolioOrigin {
                supply: 3.0,
                carbon_intensive: false,
            },
        ],
        destinations: vec![
            PortfolioDestination { demand: 4.0 },
            PortfolioDestination { demand: 2.0 },
        ],
        links: vec![
            PortfolioLink {
                origin: 0,
                course: 0,
                destination: 0,
                uplift: 0.2,
            },
            PortfolioLink {
                origin: 1,
                course: 0,
                destination: 0,
                uplift: 0.0,
            },
            PortfolioLink {
                origin: 0,
                course: 1,
                destination: 1,
                uplift: 0.5,
            },
            PortfolioLink {
                origin: 1,
                course: 1,
                destination: 1,
                uplift: 0.1,
            },
        ],
        limits: Limits {
            budget: Some(20_000.0),
            tutor_hours: Some(150.0),
            sessions: None,
        },
        weights: Weights::default(),
        time_limit: 10.0,
        gap_tolerance: 0.0,
    }
}

/// The best objective over every whole-number plan.
fn brute_force(problem: &PortfolioProblem) -> Option<f64> {
    let mut best: Option<f64> = None;
    let course_choices: Vec<Vec<u32>> = problem
        .courses
        .iter()
        .map(|c| (0..=c.max_cohorts).collect())
        .collect();
    let link_caps: Vec<u32> = problem
        .links
        .iter()
        .map(|l| {
            let c = &problem.courses[l.course];
            (c.cohort_max * c.max_cohorts).min(problem.origins[l.origin].supply as u32)
        })
        .collect();
    let mut cohorts = vec![0u32; problem.courses.len()];
    let mut places = vec![0u32; problem.links.len()];
    fn each(choices: &[u32], values: &mut [u32], i: usize, f: &mut dyn FnMut(&[u32])) {
        if i == values.len() {
            f(values);
            return;
        }
        for v in 0..=choices[i] {
            values[i] = v;
            each(choices, values, i + 1, f);
        }
    }
    let cohort_caps: Vec<u32> = course_choices.iter().map(|c| *c.last().unwrap()).collect();
    each(&cohort_caps, &mut cohorts, 0, &mut |k| {
        let k = k.to_vec();
        each(&link_caps, &mut places, 0, &mut |x| {
            if let Some(plan) = evaluate(problem, &k, x) {
                if best.is_none_or(|b| plan.objective > b) {
                    best = Some(plan.objective);
                }
            }
        });
    });
    best
}

#[test]
fn the_small_plan_is_the_best_whole_number_plan() {
    let problem = small();
    let plan = problem.solve().unwrap();
    assert_eq!(plan.status, SolveStatus::Optimal);
    let best = brute_force(&problem).unwrap();
    assert!(
        (plan.objective - best).abs() < 1e-6,
        "{} vs {best}",
        plan.objective
    );
    assert!(plan.placements > 0.0);
}

#[test]
fn a_binding_budget_says_what_ten_thousand_more_adds() {
    let mut problem = small();
    problem.limits.budget = Some(8_000.0);
    let PortfolioOutcome::Planned { plan, limits } = problem.analyse().unwrap() else {
        panic!("feasible");
    };
    assert!(plan.cost <= 8_000.0);
    let budget = limits.iter().find(|l| l.kind == LimitKind::Budget).unwrap();
    assert!(budget.binding, "{limits:?}");
    assert!(budget.step_gain > 0.0);
    let hours = limits
        .iter()
        .find(|l| l.kind == LimitKind::TutorHours)
        .unwrap();
    assert!(!hours.binding, "{limits:?}");
    assert_eq!(hours.step_gain, 0.0);
}

#[test]
fn must_run_courses_beyond_the_budget_are_explained_by_how_much() {
    let mut problem = small();
    problem.courses[0].must_run = true;
    problem.courses[1].must_run = true;
    problem.limits.budget = Some(5_000.0);
    let PortfolioOutcome::Infeasible { shortfalls } = problem.analyse().unwrap() else {
        panic!("infeasible");
    };
    // Course 0 needs £1,000 + £5,000 + 2 places × £100; course 1 £1,000 + £3,000 + £100.
    let short = shortfalls
        .iter()
        .find_map(|s| match s {
            Shortfall::Limit {
                kind: LimitKind::Budget,
                short,
                ..
            } => Some(*short),
            _ => None,
        })
        .expect("the budget is short");
    assert!((short - 5_300.0).abs() < 1.0, "{shortfalls:?}");
}

#[test]
fn a_must_run_course_without_enough_learners_is_named() {
    let mut problem = small();
    problem.courses[0].must_run = true;
    problem.courses[0].cohort_min = 4;
    problem.origins[0].supply = 1.0;
    problem.origins[1].supply = 1.0;
    let PortfolioOutcome::Infeasible { shortfalls } = problem.analyse().unwrap() else {
        panic!("infeasible");
    };
    assert_eq!(shortfalls, vec![Shortfall::Cohort { course: 0 }]);
}

#[test]
fn bad_numbers_name_their_field() {
    let mut problem = small();
    problem.limits.budget = Some(f64::NAN);
    let e = problem.solve().unwrap_err();
    assert_eq!(e.field(), Some("budget"));
    let mut problem = small();
    problem.courses[1].cohort_min = 9;
    let e = problem.solve().unwrap_err();
    assert_eq!(e.field(), Some("cohortMin"));
    assert!(e.to_string().contains("item 2"), "{e}");
}

fn arb_problem() -> impl Strategy<Value = PortfolioProblem> {
    let courses = prop::collection::vec((0u32..3, 1u32..3, 1u32..3, 0u32..8, any::<bool>()), 1..3);
    let origins = prop::collection::vec((0u32..4, any::<bool>()), 1..3);
    let destinations = prop::collection::vec(0u32..4, 1..3);
    (
        courses,
        origins,
        destinations,
        0u32..30,
        0u32..5,
        any::<u64>(),
    )
        .prop_map(
            |(courses, origins, destinations, budget_k, links_wanted, seed)| {
                let courses: Vec<PortfolioCourse> = courses
                    .into_iter()
                    .map(|(min, extra, max_k, cost_k, _)| PortfolioCourse {
                        fixed_cost: 500.0,
                        cost_per_cohort: cost_k as f64 * 1_000.0,
                        cost_per_place: 50.0,
                        tutor_hours_per_cohort: 30.0,
                        sessions_per_cohort: 5.0,
                        cohort_min: min,
                        cohort_max: min + extra,
                        max_cohorts: max_k,
                        success_rate: 0.75,
                        must_run: false,
                    })
                    .collect();
                let origins: Vec<PortfolioOrigin> = origins
                    .into_iter()
                    .map(|(s, c)| PortfolioOrigin {
                        supply: s as f64,
                        carbon_intensive: c,
                    })
                    .collect();
                let destinations: Vec<PortfolioDestination> = destinations
                    .into_iter()
                    .map(|d| PortfolioDestination { demand: d as f64 })
                    .collect();
                // A small, seeded choice of distinct links (at most 4: brute force stays quick).
                let mut all = Vec::new();
                for o in 0..origins.len() {
                    for c in 0..courses.len() {
                        for d in 0..destinations.len() {
                            all.push((o, c, d));
                        }
                    }
                }
                let mut state = seed | 1;
                let mut links = Vec::new();
                for _ in 0..links_wanted.min(4) {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    let (o, c, d) = all.remove((state % all.len() as u64) as usize);
                    links.push(PortfolioLink {
                        origin: o,
                        course: c,
                        destination: d,
                        uplift: (state % 7) as f64 / 10.0,
                    });
                    if all.is_empty() {
                        break;
                    }
                }
                PortfolioProblem {
                    courses,
                    origins,
                    destinations,
                    links,
                    limits: Limits {
                        budget: Some(budget_k as f64 * 1_000.0),
                        tutor_hours: Some(90.0),
                        sessions: None,
                    },
                    weights: Weights::default(),
                    time_limit: 10.0,
                    gap_tolerance: 0.0,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_solver_matches_brute_force_and_keeps_every_limit(problem in arb_problem()) {
        let plan = problem.solve().unwrap();
        prop_assert_eq!(plan.status, SolveStatus::Optimal);
        let best = brute_force(&problem).unwrap();
        prop_assert!((plan.objective - best).abs() < 1e-6, "{} vs {}", plan.objective, best);
        let cohorts: Vec<u32> = plan.courses.iter().map(|c| c.cohorts).collect();
        let mut places = vec![0u32; problem.links.len()];
        for f in &plan.flows {
            places[f.link] = f.places;
        }
        // evaluate() checks budget, hours, cohort sizes, supply and demand.
        prop_assert!(evaluate(&problem, &cohorts, &places).is_some());
        prop_assert!(plan.cost <= problem.limits.budget.unwrap() + 1e-6);
        for (placed, d) in plan.placed.iter().zip(&problem.destinations) {
            prop_assert!(*placed <= d.demand + 1e-9);
        }
        for (enrolled, o) in plan.enrolled.iter().zip(&problem.origins) {
            prop_assert!(*enrolled as f64 <= o.supply);
        }
    }

    #[test]
    fn the_quick_starting_plan_is_always_feasible_and_never_beats_the_solver(problem in arb_problem()) {
        let quick = problem.quick_plan();
        prop_assert!(quick.is_some());
        let best = problem.solve().unwrap();
        prop_assert!(quick.unwrap().objective <= best.objective + 1e-6);
    }

    #[test]
    fn more_budget_never_lowers_the_objective(problem in arb_problem(), extra in 1u32..20) {
        let plan = problem.solve().unwrap();
        let mut richer = problem.clone();
        richer.limits.budget = richer.limits.budget.map(|b| b + extra as f64 * 1_000.0);
        let better = richer.solve().unwrap();
        prop_assert!(better.objective >= plan.objective - 1e-6);
    }

    #[test]
    fn the_same_problem_gives_the_same_plan(problem in arb_problem()) {
        prop_assert_eq!(problem.solve().unwrap(), problem.solve().unwrap());
    }
}
