//! The worker's two questions on the real default dataset: "which job is mine?" and "which jobs
//! are close to it?".
#![cfg(not(target_arch = "wasm32"))]
// Tests and their helpers: a failure is the test's failure, said by the panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{by_label, default_data};
use greenpath::similar_occupations;

fn top_labels(query: &str, n: usize) -> Vec<String> {
    let (data, index) = default_data();
    index
        .search(query, n)
        .iter()
        .map(|hit| data.occupation(hit.item).label.clone())
        .collect()
}

#[test]
fn welder_is_found_by_name_and_by_typo() {
    assert_eq!(top_labels("welder", 3)[0], "welder");
    assert_eq!(top_labels("weldr", 3)[0], "welder");
    assert_eq!(top_labels("WELDER", 3)[0], "welder");
    assert_eq!(top_labels("  welder!  ", 3)[0], "welder");
}

#[test]
fn alternative_labels_are_searched_and_reported() {
    let (data, index) = default_data();
    // "HGV driver" is not a preferred ESCO label; it is an alternative one.
    let hits = index.search("hgv driver", 5);
    assert!(!hits.is_empty(), "no hit for hgv driver");
    let top = data.occupation(hits[0].item);
    assert!(hits[0].label > 0, "expected an alternative label to match");
    let matched = &top.alt_labels[hits[0].label - 1];
    assert!(matched.to_lowercase().contains("hgv"), "{matched}");
}

#[test]
fn accents_do_not_matter() {
    let (_, index) = default_data();
    let plain = index.search("cafe", 5);
    assert!(!plain.is_empty());
    let accented = index.search("café", 5);
    assert_eq!(plain, accented);
}

#[test]
fn prefix_of_an_unfinished_word_finds_jobs() {
    let labels = top_labels("heat pump inst", 5);
    assert!(labels.iter().any(|l| l.contains("heat pump")), "{labels:?}");
}

#[test]
fn blank_and_nonsense_queries_give_no_results() {
    assert!(top_labels("", 10).is_empty());
    assert!(top_labels(" ,./ ", 10).is_empty());
    assert!(top_labels("zzqxv", 10).is_empty());
    assert!(top_labels("welder", 0).is_empty());
}

#[test]
fn search_is_deterministic_and_ranked() {
    let (_, index) = default_data();
    let first = index.search("gas engineer", 20);
    assert_eq!(first, index.search("gas engineer", 20));
    assert!(first.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn welders_similar_jobs_include_metalworking() {
    let (data, _) = default_data();
    let welder = by_label(data, "welder");
    let similar = similar_occupations(data, welder, 20).unwrap();
    assert_eq!(similar.len(), 20);
    let labels: Vec<&str> = similar
        .iter()
        .map(|s| data.occupation(s.occupation).label.as_str())
        .collect();
    let metalwork = labels
        .iter()
        .filter(|l| {
            ["weld", "metal", "braz", "solder", "flame", "steel", "iron"]
                .iter()
                .any(|k| l.contains(k))
        })
        .count();
    assert!(
        metalwork >= 5,
        "only {metalwork} metalworking jobs in {labels:?}"
    );
}

#[test]
fn every_explanation_names_skills_really_in_both_occupations() {
    let (data, _) = default_data();
    for origin_label in [
        "welder",
        "gas service technician",
        "coal mine operator",
        "boiler operator",
    ] {
        let Some(origin) = data
            .occupations()
            .iter()
            .position(|o| o.label == origin_label)
        else {
            continue;
        };
        let origin = data.occupation(origin as u32);
        let origin_id = data.occupation_id(&origin.id).unwrap();
        for result in similar_occupations(data, origin_id, 50).unwrap() {
            let destination = data.occupation(result.occupation);
            assert_ne!(result.occupation, origin_id);
            assert!((0.0..=1.0).contains(&result.score));
            for skill in &result.shared_essential {
                assert!(origin.essential.contains(skill));
                assert!(destination.essential.contains(skill));
            }
            for skill in &result.missing_essential {
                assert!(!origin.essential.contains(skill));
                assert!(destination.essential.contains(skill));
            }
            assert_eq!(
                result.shared_essential.len() + result.missing_essential.len(),
                destination.essential.len()
            );
        }
    }
}

#[test]
fn similarity_is_ranked_and_deterministic() {
    let (data, _) = default_data();
    let origin = by_label(data, "welder");
    let first = similar_occupations(data, origin, 100).unwrap();
    assert_eq!(first, similar_occupations(data, origin, 100).unwrap());
    assert!(first.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn unknown_origin_is_an_error_naming_it() {
    let (data, _) = default_data();
    let error = similar_occupations(data, 999_999, 5).unwrap_err();
    assert_eq!(
        error.to_string(),
        "origin: no occupation has the id \"999999\""
    );
}
