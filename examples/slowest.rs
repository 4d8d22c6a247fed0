//! The slowest call of each of the worker page's methods across every occupation of the default
//! dataset (natively; the browser's wasm takes about twice as long), and how many occupations
//! get no pathway. A report for the hardening note, run by hand:
//!
//!     cargo run --profile bench --example slowest
// A report run by hand: a panic stops it and says why.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use greenpath::api::TransitionOptionsDto;

/// The slowest call so far: how long, and for which occupation.
#[derive(Default)]
struct Slowest(Duration, String);

impl Slowest {
    fn time<T>(&mut self, label: &str, call: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = call();
        let took = start.elapsed();
        if took > self.0 {
            *self = Slowest(took, label.to_owned());
        }
        out
    }
}

fn main() {
    let planner = common::default_planner().unwrap();
    let ids: Vec<(String, String)> = common::default_file()
        .occupations
        .iter()
        .map(|o| (o.id.clone(), o.label.clone()))
        .collect();
    let heat = planner
        .search_occupations("heat pump installer", 1.0)
        .unwrap()[0]
        .id
        .clone();
    let (mut occupation, mut similar, mut transitions, mut plan, mut pathways) =
        <(Slowest, Slowest, Slowest, Slowest, Slowest)>::default();
    let mut no_pathway = 0;
    let started = Instant::now();
    for (id, label) in &ids {
        occupation.time(label, || planner.occupation(id).unwrap());
        similar.time(label, || planner.similar_occupations(id, 20.0).unwrap());
        let options = TransitionOptionsDto {
            only_green: true,
            ..TransitionOptionsDto::default()
        };
        transitions.time(label, || planner.transitions(id, options).unwrap());
        plan.time(label, || {
            planner.plan(id, &heat, Default::default()).unwrap()
        });
        let routes = pathways.time(label, || planner.pathways(id, Default::default()).unwrap());
        if routes.is_empty() {
            no_pathway += 1;
        }
    }
    println!(
        "{} occupations in {:.0} s; slowest call of each method:",
        ids.len(),
        started.elapsed().as_secs_f64()
    );
    for (name, s) in [
        ("occupation", &occupation),
        ("similarOccupations(20)", &similar),
        ("transitions (green)", &transitions),
        ("plan (to heat pump installer)", &plan),
        ("pathways", &pathways),
    ] {
        println!(
            "  {name:32} {:>7.1} ms  ({})",
            s.0.as_secs_f64() * 1000.0,
            s.1
        );
    }
    println!("  occupations with no pathway: {no_pathway}");
}
