//! Prints retraining plans and pathways for a few real moves:
//! `cargo run --profile bench --example plans`.
// A report over the committed data, run by hand: a panic stops the report and says why.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use greenpath::pathways::{PathwayFinder, PathwayOptions};
use greenpath::plan::{CoursePlanner, PlanOptions};
use greenpath::transitions::TransitionEngine;

#[path = "../tests/common/mod.rs"]
mod common;

/// (origin, destination) pairs, by ESCO preferred label.
const MOVES: [(&str, &str); 3] = [
    (
        "gas service technician",
        "refrigeration air condition and heat pump technician",
    ),
    ("roustabout", "onshore wind farm technician"),
    ("vehicle technician", "electric vehicle technician"),
];

fn main() -> Result<(), greenpath::Error> {
    let (data, _) = common::default_data();
    let planner = CoursePlanner::new(data);
    let engine = TransitionEngine::new(data);
    for (from, to) in MOVES {
        let (Some(o), Some(d)) = (
            data.occupations().iter().position(|x| x.label == from),
            data.occupations().iter().position(|x| x.label == to),
        ) else {
            println!("## {from} → {to}: not in the dataset\n");
            continue;
        };
        let plan = planner.plan(data, o as u32, d as u32, &PlanOptions::default())?;
        println!("## {from} → {to}\n");
        println!(
            "gap {} skills; {} courses, {:.1} weeks, £{} out of pocket, £{} funded; {} left to learn; {:?}",
            plan.gap.len(),
            plan.steps.len(),
            plan.weeks,
            plan.out_of_pocket,
            plan.funded,
            plan.left_to_learn.len(),
            plan.status
        );
        for step in &plan.steps {
            let c = data.course(step.course);
            println!(
                "- {} ({:?} weeks, closes {})",
                c.title,
                c.weeks,
                step.closes.len()
            );
        }
        println!();
    }
    let origin = common::by_label(data, "gas service technician");
    let finder = PathwayFinder::new(data, &engine, &planner);
    println!("## pathways from gas service technician\n");
    for route in finder.find(origin, &PathwayOptions::default())? {
        let jobs: Vec<&str> = route
            .steps
            .iter()
            .map(|s| data.occupation(s.to).label.as_str())
            .collect();
        println!(
            "- {} | {:.1} weeks, £{}, pay {:?}, {} left",
            jobs.join(" → "),
            route.weeks,
            route.out_of_pocket,
            route.final_pay,
            route.left_to_learn
        );
    }
    Ok(())
}
