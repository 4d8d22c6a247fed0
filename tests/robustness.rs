//! Pathological course lists and contradictory limits: every plan and pathway still answers,
//! with its status, and a call out of time answers with what it found.
#![cfg(not(target_arch = "wasm32"))]
// Tests and their helpers: a failure is the test's failure, said by the panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use greenpath::api::{PathwayOptionsDto, PlanOptionsDto, Planner};
use greenpath::deadline::Deadline;
use greenpath::pathways::{PathwayFinder, PathwayOptions};
use greenpath::plan::{CoursePlanner, PlanOptions};
use greenpath::TransitionEngine;

fn planner() -> Planner {
    common::default_planner().unwrap()
}

fn id(planner: &Planner, query: &str) -> String {
    planner.search_occupations(query, 1.0).unwrap()[0]
        .id
        .clone()
}

/// `n` courses teaching heat pump skills, each row from `row(i)` (the columns after `id`).
fn list(n: usize, row: impl Fn(usize) -> String) -> String {
    let mut csv = String::from("id,title,weeks,cost,teaches,requires\n");
    for i in 0..n {
        csv.push_str(&format!("c{i},{}\n", row(i)));
    }
    csv
}

/// Plans and pathways from a gas engineer and a welder under `options` answer, each with a
/// status, and every plan keeps its limits.
fn everything_answers(planner: &Planner, options: PlanOptionsDto) {
    let heat = id(planner, "heat pump installer");
    for origin in ["gas engineer", "welder"] {
        let from = id(planner, origin);
        let plan = planner.plan(&from, &heat, options.clone()).unwrap();
        assert!(!plan.status.is_empty());
        if let Some(budget) = options.budget {
            assert!(
                f64::from(plan.out_of_pocket) <= budget,
                "{origin}: within the budget"
            );
        }
        if let Some(weeks) = options.max_weeks {
            assert!(
                f64::from(plan.weeks) <= weeks + 1e-3,
                "{origin}: within the weeks"
            );
        }
        let pathways = PathwayOptionsDto {
            plan: options.clone(),
            ..PathwayOptionsDto::default()
        };
        planner.pathways(&from, pathways).unwrap();
    }
}

#[test]
fn a_long_prerequisite_chain_and_a_wide_star_plan() {
    let mut p = planner();
    let chain = list(5_000, |i| {
        let before = if i > 0 {
            format!("c{}", i - 1)
        } else {
            String::new()
        };
        format!("Step {i},1,100,install heat pump,{before}")
    });
    p.load_courses(&chain, "csv", "add").unwrap();
    everything_answers(&p, PlanOptionsDto::default());
    let star = list(5_000, |i| {
        let before = if i > 0 { "c0" } else { "" };
        format!("Branch {i},1,100,install heat pump,{before}")
    });
    p.load_courses(&star, "csv", "add").unwrap();
    everything_answers(&p, PlanOptionsDto::default());
}

#[test]
fn thousands_of_identical_free_courses_plan() {
    let mut p = planner();
    let same = list(5_000, |_| "Heat pumps,0.01,0,install heat pump,".to_owned());
    p.load_courses(&same, "csv", "add").unwrap();
    everything_answers(&p, PlanOptionsDto::default());
}

#[test]
fn the_largest_numbers_allowed_plan() {
    let mut p = planner();
    let dear = list(3_000, |i| {
        format!("Long course {i},312,100000,install heat pump,")
    });
    p.load_courses(&dear, "csv", "add").unwrap();
    everything_answers(
        &p,
        PlanOptionsDto {
            budget: Some(1_000_000.0),
            max_weeks: Some(520.0),
            money_vs_time: Some(1.0),
            ..PlanOptionsDto::default()
        },
    );
}

#[test]
fn contradictory_limits_leave_the_gap_to_learn_and_say_which_limits_bind() {
    let p = planner();
    let options = PlanOptionsDto {
        budget: Some(0.0),
        max_weeks: Some(0.0),
        funded_only: true,
        apprenticeships: Some(false),
        ..PlanOptionsDto::default()
    };
    everything_answers(&p, options.clone());
    let plan = p
        .plan(&id(&p, "welder"), &id(&p, "heat pump installer"), options)
        .unwrap();
    assert!(plan.steps.is_empty() || plan.out_of_pocket == 0);
    assert!(!plan.left_to_learn.is_empty());
    assert!(
        !plan.binding.is_empty(),
        "the limits that keep skills unlearnt are named"
    );
}

#[test]
fn a_call_out_of_time_answers_with_what_it_found() {
    let data = &common::default_data().0;
    let engine = TransitionEngine::new(data);
    let courses = CoursePlanner::new(data);
    let finder = PathwayFinder::new(data, &engine, &courses);
    let origin = common::by_label(data, "gas service technician");
    let spent = PathwayOptions {
        plan: PlanOptions {
            deadline: Deadline::after(1e-9),
            ..PlanOptions::default()
        },
        ..PathwayOptions::default()
    };
    // Nothing explored in no time: no routes, and no error.
    assert!(finder.find(origin, &spent).unwrap().is_empty());
    let heat = common::by_label(data, "refrigeration air condition and heat pump technician");
    let plan = courses.plan(data, origin, heat, &spent.plan).unwrap();
    assert!(
        plan.binding.is_empty(),
        "no time left to re-plan for binding limits"
    );
}
