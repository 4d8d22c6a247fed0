//! Retraining plans and pathways on the real dataset and course catalogue.
#![cfg(not(target_arch = "wasm32"))]
// Tests and their helpers: a failure is the test's failure, said by the panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::sync::OnceLock;

use common::{by_label, default_data};
use greenpath::gap::SolveStatus;
use greenpath::model::Funding;
use greenpath::pathways::{pareto, PathwayFinder, PathwayOptions};
use greenpath::plan::{CoursePlanner, PlanOptions};
use greenpath::transitions::TransitionEngine;
use greenpath::Dataset;

fn data() -> &'static Dataset {
    &default_data().0
}

fn planner() -> &'static CoursePlanner {
    static PLANNER: OnceLock<CoursePlanner> = OnceLock::new();
    PLANNER.get_or_init(|| CoursePlanner::new(data()))
}

fn engine() -> &'static TransitionEngine {
    static ENGINE: OnceLock<TransitionEngine> = OnceLock::new();
    ENGINE.get_or_init(|| TransitionEngine::new(data()))
}

fn titles(plan: &greenpath::plan::Plan) -> Vec<String> {
    plan.steps
        .iter()
        .map(|s| data().course(s.course).title.clone())
        .collect()
}

#[test]
fn gas_service_technician_to_heat_pump_work_names_heat_pump_courses() {
    let origin = by_label(data(), "gas service technician");
    let destination = by_label(
        data(),
        "refrigeration air condition and heat pump technician",
    );
    let plan = planner()
        .plan(data(), origin, destination, &PlanOptions::default())
        .unwrap();
    let titles = titles(&plan);
    assert!(
        titles
            .iter()
            .any(|t| t.to_lowercase().contains("heat pump")),
        "{titles:?}"
    );
    assert_eq!(plan.status, SolveStatus::Optimal);
    // Every closed skill is a real gap skill the course teaches.
    for step in &plan.steps {
        for s in &step.closes {
            assert!(plan.gap.iter().any(|g| g.skill == *s));
            assert!(planner().teaches(step.course).contains(s));
        }
    }
    let covered: usize = plan.gap.len() - plan.left_to_learn.len();
    assert!(covered > 0);
}

#[test]
fn offshore_worker_to_wind_turbine_work_has_an_explained_plan() {
    let origin = by_label(data(), "roustabout");
    let destination = data()
        .occupations()
        .iter()
        .position(|o| {
            o.label == "onshore wind farm technician"
                || o.label == "offshore renewable energy technician"
        })
        .unwrap() as u32;
    let plan = planner()
        .plan(data(), origin, destination, &PlanOptions::default())
        .unwrap();
    assert!(!plan.gap.is_empty());
    assert!(
        !plan.steps.is_empty(),
        "no course at all for {}",
        data().occupation(destination).label
    );
    assert_eq!(
        plan.gap.len(),
        plan.left_to_learn.len()
            + plan
                .gap
                .iter()
                .filter(|g| plan.steps.iter().any(|s| s.closes.contains(&g.skill)))
                .count()
    );
}

#[test]
fn impossible_limits_give_an_explained_plan_not_an_error() {
    let origin = by_label(data(), "gas service technician");
    let destination = by_label(
        data(),
        "refrigeration air condition and heat pump technician",
    );
    let options = PlanOptions {
        budget: Some(0),
        max_weeks: Some(0.0),
        funded_only: true,
        ..PlanOptions::default()
    };
    let plan = planner()
        .plan(data(), origin, destination, &options)
        .unwrap();
    assert!(!plan.left_to_learn.is_empty());
    assert!(plan.steps.iter().all(|s| s.out_of_pocket == 0));
    assert!(!plan.binding.is_empty(), "no binding limit named");
    for limit in &plan.binding {
        assert!(limit.more_skills > 0);
    }
}

#[test]
fn funded_only_plans_use_funded_courses() {
    let origin = by_label(data(), "gas service technician");
    let destination = by_label(
        data(),
        "refrigeration air condition and heat pump technician",
    );
    let options = PlanOptions {
        funded_only: true,
        ..PlanOptions::default()
    };
    let plan = planner()
        .plan(data(), origin, destination, &options)
        .unwrap();
    for step in &plan.steps {
        let funding = data().course(step.course).funding;
        assert!(greenpath::plan::is_funded(funding), "{funding:?}");
        assert_ne!(funding, Funding::SelfFunded);
    }
}

#[test]
fn a_held_certificate_is_not_taken_again() {
    let origin = by_label(data(), "gas service technician");
    let destination = by_label(
        data(),
        "refrigeration air condition and heat pump technician",
    );
    let first = planner()
        .plan(data(), origin, destination, &PlanOptions::default())
        .unwrap();
    let Some(step) = first.steps.first() else {
        return;
    };
    let options = PlanOptions {
        held_courses: vec![step.course],
        ..PlanOptions::default()
    };
    let second = planner()
        .plan(data(), origin, destination, &options)
        .unwrap();
    assert!(second.steps.iter().all(|s| s.course != step.course));
    assert!(second.gap.len() <= first.gap.len());
}

#[test]
fn pathways_are_pareto_optimal_deterministic_and_end_green() {
    let origin = by_label(data(), "gas service technician");
    let finder = PathwayFinder::new(data(), engine(), planner());
    let options = PathwayOptions::default();
    let routes = finder.find(origin, &options).unwrap();
    assert!(!routes.is_empty());
    assert_eq!(routes, finder.find(origin, &options).unwrap());
    assert_eq!(
        pareto(&routes).len(),
        routes.len(),
        "a returned route is dominated"
    );
    for r in &routes {
        assert!(r.steps.last().unwrap().green);
        assert!(r.steps.len() <= 3);
        assert_eq!(r.steps[0].from, origin);
        for w in r.steps.windows(2) {
            assert_eq!(w[0].to, w[1].from);
        }
    }
}

#[test]
fn bad_ids_and_options_are_errors_naming_them() {
    let origin = by_label(data(), "welder");
    let message = planner()
        .plan(data(), origin, 99_999, &PlanOptions::default())
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("destination") && message.contains("99999"),
        "{message}"
    );
    let options = PlanOptions {
        money_vs_time: 2.0,
        ..PlanOptions::default()
    };
    let message = planner()
        .plan(data(), origin, origin, &options)
        .unwrap_err()
        .to_string();
    assert!(message.starts_with("moneyVsTime: 2"), "{message}");
    let finder = PathwayFinder::new(data(), engine(), planner());
    let options = PathwayOptions {
        max_moves: 4,
        ..PathwayOptions::default()
    };
    let message = finder.find(origin, &options).unwrap_err().to_string();
    assert!(message.starts_with("maxMoves: 4"), "{message}");
}
