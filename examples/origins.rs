//! Prints, for the origins the transition issue names, the count of viable and of desirable
//! green moves and the top five, as a markdown table: `cargo run --profile bench --example origins`.
// A report over the committed data, run by hand: a panic stops the report and says why.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use greenpath::transitions::{TransitionEngine, TransitionOptions, Viability};

#[path = "../tests/common/mod.rs"]
mod common;

/// The origins, as a worker would type them.
const ORIGINS: [&str; 8] = [
    "gas service technician",
    "boiler operator",
    "oil refinery control room operator",
    "oil rig motorhand",
    "metal furnace operator",
    "motor vehicle mechanic",
    "coal miner",
    "HGV driver",
];

fn main() -> Result<(), greenpath::Error> {
    let (data, index) = common::default_data();
    let engine = TransitionEngine::new(data);
    println!("| typed | ESCO occupation | viable green | desirable green (of viable) | top five viable green moves (score) |");
    println!("|---|---|---:|---:|---|");
    for typed in ORIGINS {
        let Some(hit) = index.search(typed, 1).into_iter().next() else {
            println!("| {typed} | not found | | | |");
            continue;
        };
        let options = TransitionOptions {
            only_green: true,
            min_viability: Viability::Viable,
            count: data.occupations().len(),
            ..TransitionOptions::default()
        };
        let moves = engine.transitions(data, hit.item, &options)?;
        let desirable = moves.iter().filter(|t| t.flags.desirable).count();
        let top: Vec<String> = moves
            .iter()
            .take(5)
            .map(|t| format!("{} ({:.2})", data.occupation(t.occupation).label, t.score))
            .collect();
        println!(
            "| {typed} | {} | {} | {} | {} |",
            data.occupation(hit.item).label,
            moves.len(),
            desirable,
            top.join("; ")
        );
    }
    Ok(())
}
