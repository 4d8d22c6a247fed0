//! The gap-closing integer programme against brute force on small random instances.
#![cfg(not(target_arch = "wasm32"))]
// Tests and their helpers: a failure is the test's failure, said by the panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use greenpath::gap::{GapCourse, GapProblem, SolveStatus};
use proptest::prelude::*;

fn instance() -> impl Strategy<Value = GapProblem> {
    (1usize..6, 1usize..7).prop_flat_map(|(skills, courses)| {
        let course = (
            proptest::collection::vec(0..skills, 0..4),
            0u32..2000,
            0u32..30,
            proptest::collection::vec(0usize..courses, 0..2),
        );
        (
            proptest::collection::vec(1u32..5, skills),
            proptest::collection::vec(course, courses),
            proptest::option::of(0u32..3000),
            proptest::option::of(0u32..40),
            0u32..3,
            1u32..20,
            proptest::bool::ANY,
        )
            .prop_map(
                |(weights, courses, budget, max_weeks, money, value, exclusive)| {
                    let n = courses.len();
                    GapProblem {
                        skills: weights.into_iter().map(f64::from).collect(),
                        courses: courses
                            .into_iter()
                            .enumerate()
                            .map(|(c, (mut covers, cost, weeks, requires))| {
                                covers.sort_unstable();
                                covers.dedup();
                                GapCourse {
                                    covers,
                                    cost: f64::from(cost),
                                    weeks: f64::from(weeks),
                                    // Only earlier courses, so prerequisites never form a cycle.
                                    requires: requires.into_iter().filter(|&r| r < c).collect(),
                                }
                            })
                            .collect(),
                        budget: budget.map(f64::from),
                        max_weeks: max_weeks.map(f64::from),
                        money_weight: f64::from(money) / 1000.0,
                        week_weight: 1.0,
                        skill_value: f64::from(value),
                        // Sometimes at most one of the first three courses (like apprenticeships).
                        exclusive: if exclusive {
                            vec![(0..n.min(3)).collect()]
                        } else {
                            vec![]
                        },
                        time_limit: 10.0,
                    }
                },
            )
    })
}

/// (objective, feasible) of choosing the courses in `mask`, computed here from scratch.
fn evaluate(p: &GapProblem, mask: u32) -> (f64, bool) {
    let chosen = |c: usize| mask & (1 << c) != 0;
    let mut covered = vec![false; p.skills.len()];
    let (mut cost, mut weeks, mut penalty) = (0.0, 0.0, 0.0);
    let mut feasible = true;
    for (c, course) in p.courses.iter().enumerate() {
        if !chosen(c) {
            continue;
        }
        feasible &= course.requires.iter().all(|&r| chosen(r));
        for &s in &course.covers {
            covered[s] = true;
        }
        cost += course.cost;
        weeks += course.weeks;
        penalty += p.money_weight * course.cost + p.week_weight * course.weeks;
    }
    feasible &= p.budget.is_none_or(|b| cost <= b) && p.max_weeks.is_none_or(|w| weeks <= w);
    feasible &= p
        .exclusive
        .iter()
        .all(|group| group.iter().filter(|&&c| chosen(c)).count() <= 1);
    let cover: f64 = covered
        .iter()
        .zip(&p.skills)
        .filter(|(c, _)| **c)
        .map(|(_, w)| w)
        .sum();
    (p.skill_value * cover - penalty, feasible)
}

fn mask_of(chosen: &[usize]) -> u32 {
    chosen.iter().fold(0u32, |m, &c| m | (1 << c))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn never_worse_than_brute_force_and_always_feasible(p in instance()) {
        let best = (0..(1u32 << p.courses.len()))
            .map(|mask| evaluate(&p, mask))
            .filter(|(_, feasible)| *feasible)
            .map(|(objective, _)| objective)
            .fold(f64::NEG_INFINITY, f64::max);
        let solution = p.solve().unwrap();
        prop_assert_eq!(solution.status, SolveStatus::Optimal);
        let (objective, feasible) = evaluate(&p, mask_of(&solution.chosen));
        prop_assert!(feasible, "infeasible plan {:?}", solution);
        prop_assert!(objective >= best - 1e-6, "objective {} vs brute force {}", objective, best);
        prop_assert!((solution.objective - objective).abs() < 1e-6);
        // Prerequisites come first.
        for (i, &c) in solution.chosen.iter().enumerate() {
            for r in &p.courses[c].requires {
                prop_assert!(solution.chosen[..i].contains(r));
            }
        }
        // The quick greedy plan is feasible and never beats the optimum.
        let greedy = p.greedy().unwrap();
        let (greedy_objective, greedy_feasible) = evaluate(&p, mask_of(&greedy.chosen));
        prop_assert!(greedy_feasible, "infeasible greedy plan {:?}", greedy);
        prop_assert!(greedy_objective <= objective + 1e-6);
    }
}

fn single(course: GapCourse, skills: Vec<f64>, budget: Option<f64>) -> GapProblem {
    GapProblem {
        skills,
        courses: vec![course],
        budget,
        max_weeks: None,
        money_weight: 0.0005,
        week_weight: 0.5,
        skill_value: 4.0,
        exclusive: vec![],
        time_limit: 5.0,
    }
}

#[test]
fn nothing_affordable_leaves_every_skill_uncovered() {
    let course = GapCourse {
        covers: vec![0, 1],
        cost: 500.0,
        weeks: 2.0,
        requires: vec![],
    };
    let s = single(course, vec![1.0, 2.0], Some(100.0)).solve().unwrap();
    assert!(s.chosen.is_empty());
    assert_eq!(s.uncovered, vec![0, 1]);
}

#[test]
fn a_course_not_worth_its_cost_is_not_taken() {
    // One generic skill is not worth a 78-week apprenticeship.
    let course = GapCourse {
        covers: vec![0],
        cost: 0.0,
        weeks: 78.0,
        requires: vec![],
    };
    let s = single(course, vec![1.0], None).solve().unwrap();
    assert!(s.chosen.is_empty());
    assert_eq!(s.uncovered, vec![0]);
}

#[test]
fn bad_numbers_are_errors_naming_the_field() {
    let course = GapCourse {
        covers: vec![0],
        cost: f64::NAN,
        weeks: 1.0,
        requires: vec![],
    };
    let mut p = single(course, vec![1.0], None);
    assert!(p.solve().unwrap_err().to_string().starts_with("cost: NaN"));
    p.courses[0].cost = 1.0;
    p.budget = Some(-1.0);
    assert!(p.solve().unwrap_err().to_string().starts_with("budget: -1"));
    p.budget = None;
    p.courses[0].covers = vec![3];
    assert!(p.solve().unwrap_err().to_string().starts_with("covers: 3"));
}
