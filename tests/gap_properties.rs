//! The gap-closing integer programme against brute force on small random instances.
#![cfg(not(target_arch = "wasm32"))]

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
        )
            .prop_map(|(weights, courses, budget, max_weeks, money)| {
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
                                requires: requires
                                    .into_iter()
                                    .filter(|&r| r < c && r < n)
                                    .collect(),
                            }
                        })
                        .collect(),
                    budget: budget.map(f64::from),
                    max_weeks: max_weeks.map(f64::from),
                    money_weight: f64::from(money) / 1000.0,
                    week_weight: 1.0,
                    time_limit: 10.0,
                }
            })
    })
}

/// (cover, penalty, feasible) of choosing the courses in `mask`.
fn evaluate(p: &GapProblem, mask: u32) -> (f64, f64, bool) {
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
    let cover = covered
        .iter()
        .zip(&p.skills)
        .filter(|(c, _)| **c)
        .map(|(_, w)| w)
        .sum();
    (cover, penalty, feasible)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(150))]

    #[test]
    fn never_worse_than_brute_force_and_always_feasible(p in instance()) {
        let mut best = (f64::NEG_INFINITY, f64::INFINITY);
        for mask in 0..(1u32 << p.courses.len()) {
            let (cover, penalty, feasible) = evaluate(&p, mask);
            if feasible && (cover > best.0 + 1e-9 || ((cover - best.0).abs() <= 1e-9 && penalty < best.1)) {
                best = (cover, penalty);
            }
        }
        let solution = p.solve().unwrap();
        prop_assert_eq!(solution.status, SolveStatus::Optimal);
        let mask = solution.chosen.iter().fold(0u32, |m, &c| m | (1 << c));
        let (cover, penalty, feasible) = evaluate(&p, mask);
        prop_assert!(feasible, "infeasible plan {:?}", solution);
        prop_assert!((cover - best.0).abs() < 1e-6, "cover {} vs brute force {}", cover, best.0);
        prop_assert!(penalty <= best.1 + 1e-6, "penalty {} vs brute force {}", penalty, best.1);
        prop_assert!((solution.importance_covered - cover).abs() < 1e-6);
        // Prerequisites come first.
        for (i, &c) in solution.chosen.iter().enumerate() {
            for r in &p.courses[c].requires {
                prop_assert!(solution.chosen[..i].contains(r));
            }
        }
    }
}

#[test]
fn nothing_affordable_leaves_every_skill_uncovered() {
    let p = GapProblem {
        skills: vec![1.0, 2.0],
        courses: vec![GapCourse {
            covers: vec![0, 1],
            cost: 500.0,
            weeks: 2.0,
            requires: vec![],
        }],
        budget: Some(100.0),
        max_weeks: None,
        money_weight: 0.001,
        week_weight: 1.0,
        time_limit: 5.0,
    };
    let s = p.solve().unwrap();
    assert!(s.chosen.is_empty());
    assert_eq!(s.uncovered, vec![0, 1]);
}

#[test]
fn bad_numbers_are_errors_naming_the_field() {
    let mut p = GapProblem {
        skills: vec![1.0],
        courses: vec![GapCourse {
            covers: vec![0],
            cost: f64::NAN,
            weeks: 1.0,
            requires: vec![],
        }],
        budget: None,
        max_weeks: None,
        money_weight: 1.0,
        week_weight: 1.0,
        time_limit: 1.0,
    };
    assert!(p.solve().unwrap_err().to_string().starts_with("cost: NaN"));
    p.courses[0].cost = 1.0;
    p.budget = Some(-1.0);
    assert!(p.solve().unwrap_err().to_string().starts_with("budget: -1"));
    p.budget = None;
    p.courses[0].covers = vec![3];
    assert!(p.solve().unwrap_err().to_string().starts_with("covers: 3"));
}
