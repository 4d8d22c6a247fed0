//! Prints the council's plan for real areas (every group, every green job in demand, a budget
//! that binds at £1,500 a person on every course, a floor of 20%), to read as a careers adviser
//! would: `cargo run --profile bench --example council [NUTS3 code …]`.
// A report over the committed data, run by hand: a panic stops the report and says why.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use greenpath::api::{CouncilCourseDto, CouncilGroupDto, CouncilInputDto, GroupDto};

#[path = "../tests/common/mod.rs"]
mod common;

/// Aberdeen (oil and gas), Hull (refining, chemicals, haulage), Neath Port Talbot (steel),
/// Redcar and Cleveland (steel, chemicals).
const AREAS: [&str; 4] = ["UKM50", "UKE11", "UKL17", "UKC12"];

fn main() -> Result<(), greenpath::Error> {
    let mut planner = common::default_planner()?;
    planner.add_local(&common::local_picture_bytes())?;
    let asked: Vec<String> = std::env::args().skip(1).collect();
    let areas: Vec<&str> = if asked.is_empty() {
        AREAS.to_vec()
    } else {
        asked.iter().map(String::as_str).collect()
    };
    for code in areas {
        let picture = planner.local_picture(code)?;
        let groups: Vec<CouncilGroupDto> = picture
            .workers
            .iter()
            .filter(|w| w.workers > 0)
            .map(|w| CouncilGroupDto {
                occupation: w.occupation.id.clone(),
                workers: f64::from(w.workers),
                deprivation: None,
            })
            .collect();
        let destinations: Vec<GroupDto> = picture
            .demand
            .iter()
            .map(|d| GroupDto {
                occupation: d.occupation.id.clone(),
                count: d.openings,
            })
            .collect();
        let input = CouncilInputDto {
            area: Some(code.to_owned()),
            groups,
            destinations,
            budget: Some(1_000_000.0),
            floor: Some(0.2),
            ..CouncilInputDto::default()
        };
        let seen = planner.council_picture(input.clone())?;
        let input = CouncilInputDto {
            courses: seen
                .courses
                .iter()
                .map(|c| CouncilCourseDto {
                    course: c.course.id.clone(),
                    capacity: None,
                    cost_per_person: Some(1_500.0),
                })
                .collect(),
            ..input
        };
        let plan = planner.plan_council(input)?;
        println!(
            "## {} ({code}): {} routes; {} people moved, £{:.0}, {} {:?}",
            picture.area.name, plan.routes, plan.transitions, plan.cost, plan.status, plan.gap
        );
        if let Some(floor) = plan.highest_floor {
            println!("floor infeasible: highest {floor}");
        }
        for f in plan.flows.iter().take(25) {
            let courses: Vec<&str> = f.courses.iter().map(|c| c.title.as_str()).collect();
            println!(
                "- {} → {} ({} {}): {}",
                f.origin.label,
                f.destination.label,
                f.route,
                courses.join(" + "),
                f.people
            );
        }
        println!();
    }
    Ok(())
}
