//! What the recommendations say for real people, and the rules behind them: one scoring scale,
//! the curated green jobs list, recognised routes with their bridging training, UK job titles.
#![cfg(not(target_arch = "wasm32"))]
// Tests and their helpers: a failure is the test's failure, said by the panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::collections::HashSet;
use std::sync::OnceLock;

use common::{by_label, default_data, default_json};
use greenpath::classification::{green_status, GreenBasis, GreenDefinition};
use greenpath::model::{DataFile, EstimatedFrom};
use greenpath::plan::{CoursePlanner, PlanOptions};
use greenpath::transitions::{ScoreParams, TransitionEngine, TransitionOptions, Viability};
use greenpath::Dataset;
use proptest::prelude::*;

fn data() -> &'static Dataset {
    &default_data().0
}

fn engine() -> &'static TransitionEngine {
    static ENGINE: OnceLock<TransitionEngine> = OnceLock::new();
    ENGINE.get_or_init(|| TransitionEngine::new(data()))
}

fn planner() -> &'static CoursePlanner {
    static PLANNER: OnceLock<CoursePlanner> = OnceLock::new();
    PLANNER.get_or_init(|| CoursePlanner::new(data()))
}

fn file() -> &'static DataFile {
    static FILE: OnceLock<DataFile> = OnceLock::new();
    FILE.get_or_init(|| serde_json::from_slice(&default_json()).unwrap())
}

/// Green moves from `origin` as the page lists them (every one, best first).
fn green_moves(origin: &str) -> Vec<greenpath::Transition> {
    let options = TransitionOptions {
        only_green: true,
        count: data().occupations().len(),
        ..TransitionOptions::default()
    };
    engine()
        .transitions(data(), by_label(data(), origin), &options)
        .unwrap()
}

fn labels(moves: &[greenpath::Transition], n: usize) -> Vec<&'static str> {
    moves
        .iter()
        .take(n)
        .map(|t| data().occupation(t.occupation).label.as_str())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// Pay decides "desirable", not the score: an occupation scores the same whether its pay
    /// is Nesta's figure, an estimate inherited from elsewhere, or unknown.
    #[test]
    fn pay_known_or_inherited_scores_the_same(origin in 0u32..3007, destination in 0u32..3007, pay in 10_000u32..90_000) {
        prop_assume!(origin != destination);
        let before = engine().scores_from(data(), origin, &ScoreParams::default()).unwrap();
        for (annual_earnings, estimated_from) in [
            (Some(pay), None),
            (Some(pay), Some(EstimatedFrom::IscoGroupMedian("7126".into()))),
            (None, None),
        ] {
            let mut changed = file().clone();
            let o = &mut changed.occupations[destination as usize];
            o.annual_earnings = annual_earnings;
            o.estimated_from = estimated_from.filter(|_| o.job_zone.is_some() || annual_earnings.is_some());
            let changed = Dataset::from_data_file(changed).unwrap();
            let after = TransitionEngine::new(&changed)
                .scores_from(&changed, origin, &ScoreParams::default())
                .unwrap();
            prop_assert_eq!(before[destination as usize], after[destination as usize]);
        }
    }
}

#[test]
fn every_destination_is_on_one_scale() {
    // Pay and job zone for (nearly) every occupation: only 21 with no figures anywhere in their
    // ISCO major group (armed forces) stay without.
    let without = data()
        .occupations()
        .iter()
        .filter(|o| o.annual_earnings.is_none() || o.job_zone.is_none())
        .count();
    assert!(without <= 21, "{without}");
    // The green technicians the old scale could never call desirable now have pay, estimated.
    for label in [
        "refrigeration air condition and heat pump technician",
        "offshore renewable energy technician",
        "onshore wind farm technician",
        "solar energy technician",
    ] {
        let o = data().occupation(by_label(data(), label));
        assert!(
            o.annual_earnings.is_some() && o.estimated_from.is_some(),
            "{label}"
        );
    }
    // The score is skills only by default: two jobs sharing nothing score near zero.
    let p = ScoreParams::default();
    assert_eq!((p.preparation_weight, p.pay_weight), (0.0, 0.0));
}

#[test]
fn no_carbon_intensive_occupation_is_ever_green() {
    for basis in GreenBasis::ALL {
        for share in [0.01, 0.2, 1.0] {
            let definition = GreenDefinition {
                basis,
                esco_min_share: share,
                ons_min_share: share,
            };
            for (o, occupation) in data().occupations().iter().enumerate() {
                if occupation.carbon.is_some() {
                    let status = green_status(data(), o as u32, &definition);
                    assert!(!status.selected, "{} under {basis:?}", occupation.label);
                }
            }
        }
    }
}

#[test]
fn the_default_green_definition_is_the_curated_list() {
    assert_eq!(GreenDefinition::default().basis, GreenBasis::Curated);
    let green: Vec<&str> = data()
        .occupations()
        .iter()
        .filter(|o| o.green_job.is_some())
        .map(|o| o.label.as_str())
        .collect();
    for wanted in [
        "refrigeration air condition and heat pump technician",
        "solar energy technician",
        "offshore renewable energy technician",
        "onshore wind farm technician",
        "insulation worker",
        "automotive battery technician",
    ] {
        assert!(green.contains(&wanted), "{wanted} is not on the green list");
    }
    for unwanted in [
        "septic tank servicer",
        "sewerage cleaner",
        "refuse vehicle driver",
        "fermenter operator",
        "mining assistant",
    ] {
        assert!(
            !green.contains(&unwanted),
            "{unwanted} is on the green list"
        );
    }
}

#[test]
fn a_gas_engineer_sees_heat_pump_work_first() {
    let moves = green_moves("gas service technician");
    let first = &moves[0];
    assert_eq!(
        data().occupation(first.occupation).label,
        "refrigeration air condition and heat pump technician"
    );
    assert!(first.flags.viable && first.recognised.is_some());
    let route = data().route(first.recognised.unwrap());
    assert!(!route.open && route.source.starts_with("https://"));
}

#[test]
fn an_oil_rig_roustabout_sees_offshore_wind_first() {
    let moves = green_moves("roustabout");
    let top: Vec<&str> = labels(&moves, 3);
    assert!(
        top.contains(&"offshore renewable energy technician")
            && top.contains(&"onshore wind farm technician"),
        "{top:?}"
    );
    assert!(moves[..3].iter().all(|t| t.flags.viable));
}

#[test]
fn no_green_list_offers_waste_sanitation_or_carbon_intensive_jobs() {
    let excluded: HashSet<&str> = [
        "septic tank servicer",
        "sewerage cleaner",
        "refuse vehicle driver",
        "fermenter operator",
        "mining assistant",
    ]
    .into_iter()
    .collect();
    for origin in [
        "metal furnace operator",
        "roustabout",
        "gas service technician",
        "oil refinery control room operator",
        "kiln firer",
    ] {
        for t in green_moves(origin).iter().take(20) {
            let o = data().occupation(t.occupation);
            assert!(
                !excluded.contains(o.label.as_str()) && o.carbon.is_none(),
                "{origin}: {}",
                o.label
            );
        }
    }
}

#[test]
fn core_carbon_intensive_workers_have_viable_green_moves_with_a_plan() {
    for origin in [
        "metal furnace operator",
        "roustabout",
        "gas service technician",
        "vehicle technician",
        "boiler operator",
    ] {
        let o = by_label(data(), origin);
        let viable: Vec<_> = green_moves(origin)
            .into_iter()
            .filter(|t| t.flags.viable)
            .collect();
        let planned = viable
            .iter()
            .filter(|t| {
                let plan = planner()
                    .plan_with(data(), o, t.occupation, &PlanOptions::default(), false)
                    .unwrap();
                !plan.steps.is_empty()
            })
            .count();
        assert!(
            planned >= 3,
            "{origin}: {planned} viable green moves with a plan"
        );
    }
}

#[test]
fn a_recognised_route_makes_the_move_viable_and_its_bridging_course_comes_first() {
    let from = by_label(data(), "roustabout");
    let to = by_label(data(), "offshore renewable energy technician");
    let route = data().route_between(from, to).expect("a recognised route");
    let plan = planner()
        .plan(data(), from, to, &PlanOptions::default())
        .unwrap();
    assert_eq!(plan.route, Some(route));
    let bridging: Vec<u32> = plan
        .steps
        .iter()
        .take_while(|s| s.bridging)
        .map(|s| s.course)
        .collect();
    assert!(!bridging.is_empty());
    assert!(bridging
        .iter()
        .all(|c| data().route(route).bridging.contains(c)));
    // The same move is not viable on skills alone: only the route makes it so.
    let options = TransitionOptions {
        min_viability: Viability::Viable,
        count: 3006,
        ..TransitionOptions::default()
    };
    let t = engine()
        .transitions(data(), from, &options)
        .unwrap()
        .into_iter()
        .find(|t| t.occupation == to)
        .unwrap();
    assert!(t.flags.viable && !t.flags.viable_by_skills);
}

#[test]
fn bridging_courses_that_do_not_fit_the_budget_are_left_out() {
    let from = by_label(data(), "gas service technician");
    let to = by_label(
        data(),
        "refrigeration air condition and heat pump technician",
    );
    let options = PlanOptions {
        budget: Some(0),
        max_weeks: Some(0.0),
        ..PlanOptions::default()
    };
    let plan = planner().plan(data(), from, to, &options).unwrap();
    assert!(plan.steps.iter().all(|s| !s.bridging));
    assert_eq!(plan.out_of_pocket, 0);
}

#[test]
fn search_finds_jobs_by_the_names_people_use() {
    let index = &default_data().1;
    for (typed, expected) in [
        ("gas engineer", "gas service technician"),
        ("offshore roustabout", "roustabout"),
        (
            "heat pump installer",
            "refrigeration air condition and heat pump technician",
        ),
        ("mechanic", "vehicle technician"),
        // Partial matching: an unknown word does not hide the job.
        ("qwzx welder", "welder"),
    ] {
        let first = index.search(typed, 1);
        assert_eq!(
            first
                .first()
                .map(|h| data().occupation(h.item).label.as_str()),
            Some(expected),
            "{typed}"
        );
    }
}

/// Every row of the project's curated lists names a source and an ESCO occupation of the
/// dataset, and the dataset carries it.
#[test]
fn every_curated_row_has_a_source_and_a_real_occupation() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/curated/");
    let known = |uri: &str| {
        let id = uri.rsplit('/').next().unwrap_or(uri);
        data().occupation_id(id)
    };
    let check_source = |file: &str, row: usize, url: &str| {
        assert!(
            url.starts_with("https://") || url.starts_with("http://"),
            "{file} row {row}: {url:?}"
        );
    };
    for (file, uri_columns, source_column) in [
        (
            "green_occupations.csv",
            vec!["esco_uri"],
            Some("source_url"),
        ),
        ("uk_job_titles.csv", vec!["esco_uri"], Some("source_url")),
        (
            "recognised_routes.csv",
            vec!["origin_uris", "destination_uris"],
            Some("source_url"),
        ),
        ("green_exclusions.csv", vec!["esco_uri"], None),
    ] {
        let mut reader = csv::Reader::from_path(format!("{dir}{file}")).unwrap();
        let headers = reader.headers().unwrap().clone();
        let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let mut rows = 0;
        for (i, record) in reader.records().enumerate() {
            let record = record.unwrap();
            rows += 1;
            for column in &uri_columns {
                for uri in record[col(column)]
                    .split(';')
                    .filter(|u| !u.is_empty() && *u != "*")
                {
                    assert!(known(uri).is_some(), "{file} row {}: {uri}", i + 1);
                }
            }
            if let Some(source) = source_column {
                check_source(file, i + 1, &record[col(source)]);
            }
        }
        assert!(rows > 0, "{file} is empty");
    }
    // The dataset carries them.
    let green_rows = csv::Reader::from_path(format!("{dir}green_occupations.csv"))
        .unwrap()
        .records()
        .count();
    let green = data()
        .occupations()
        .iter()
        .filter(|o| o.green_job.is_some())
        .count();
    assert_eq!(green, green_rows);
    let route_rows = csv::Reader::from_path(format!("{dir}recognised_routes.csv"))
        .unwrap()
        .records()
        .count();
    assert_eq!(data().routes().len(), route_rows);
}
