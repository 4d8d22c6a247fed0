//! The transition engine on the real dataset: properties and real moves.
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
use greenpath::credit::Closeness;
use greenpath::transitions::{ScoreParams, TransitionEngine, TransitionOptions, Viability};
use greenpath::Dataset;
use proptest::prelude::*;

fn engine() -> &'static TransitionEngine {
    static ENGINE: OnceLock<TransitionEngine> = OnceLock::new();
    ENGINE.get_or_init(|| TransitionEngine::new(&default_data().0))
}

fn data() -> &'static Dataset {
    &default_data().0
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn scores_lie_in_unit_range(origin in 0u32..3007) {
        for score in engine().scores_from(data(), origin, &ScoreParams::default()).unwrap() {
            prop_assert!((0.0..=1.0).contains(&score), "{score}");
        }
    }

    #[test]
    fn an_occupation_is_scored_against_itself_by_what_a_holder_has(origin in 0u32..3007) {
        // A holder has every essential skill of the job and half of each optional one
        // (ORIGIN_OPTIONAL_CREDIT), so the score against itself is exactly that share.
        let o = data().occupation(origin);
        prop_assume!(!o.essential.is_empty());
        let p = ScoreParams::default();
        let (e, n) = (o.essential.len() as f32, o.optional.len() as f32);
        let expected = (p.essential_weight * e + p.optional_weight * p.origin_optional_credit * n)
            / (p.essential_weight * e + p.optional_weight * n);
        let scores = engine().scores_from(data(), origin, &p).unwrap();
        prop_assert!((scores[origin as usize] - expected).abs() < 1e-4, "{} vs {expected}", scores[origin as usize]);
    }

    #[test]
    fn holding_one_more_skill_never_lowers_a_score(origin in 0u32..3007, skill in 0u32..13_000) {
        let skill = skill % data().skills().len() as u32;
        let all = data().occupations().len() - 1;
        let base = TransitionOptions { count: all, ..TransitionOptions::default() };
        let more = TransitionOptions { extra_skills: vec![skill], ..base.clone() };
        let before = engine().transitions(data(), origin, &base).unwrap();
        let after = engine().transitions(data(), origin, &more).unwrap();
        let mut after_score = vec![0.0f32; data().occupations().len()];
        for t in &after {
            after_score[t.occupation as usize] = t.score;
        }
        for t in &before {
            prop_assert!(after_score[t.occupation as usize] >= t.score - 1e-6);
        }
    }
}

#[test]
fn results_are_deterministic_and_ranked() {
    let origin = by_label(data(), "welder");
    let options = TransitionOptions::default();
    let first = engine().transitions(data(), origin, &options).unwrap();
    assert_eq!(
        first,
        engine().transitions(data(), origin, &options).unwrap()
    );
    assert!(first.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(first.iter().all(|t| t.occupation != origin));
}

#[test]
fn explanations_name_skills_of_the_occupations_involved() {
    for label in [
        "gas service technician",
        "welder",
        "boiler operator",
        "oil refinery control room operator",
    ] {
        let origin = by_label(data(), label);
        let from = data().occupation(origin);
        for t in engine()
            .transitions(data(), origin, &TransitionOptions::default())
            .unwrap()
        {
            let to = data().occupation(t.occupation);
            let e = &t.explanation;
            assert_eq!(
                e.matched.len() + e.partial.len() + e.missing.len(),
                to.essential.len()
            );
            for s in &e.matched {
                // Holders of the origin have its essential and (by default) optional skills.
                assert!(to.essential.contains(s));
                assert!(from.essential.contains(s) || from.optional.contains(s));
            }
            for p in &e.partial {
                assert!(to.essential.contains(&p.needed));
                assert!(from.essential.contains(&p.held) || from.optional.contains(&p.held));
                assert!(p.credit > 0.0 && p.credit <= 1.0);
                if p.closeness == Closeness::SameGroup {
                    assert_eq!(data().skill(p.needed).group, data().skill(p.held).group);
                }
            }
            for s in &e.missing {
                assert!(to.essential.contains(s));
                assert!(!from.essential.contains(s) && !from.optional.contains(s));
            }
        }
    }
}

#[test]
fn gas_service_technician_has_viable_green_moves_into_heating() {
    let origin = by_label(data(), "gas service technician");
    let options = TransitionOptions {
        only_green: true,
        min_viability: Viability::Viable,
        count: 100,
        ..TransitionOptions::default()
    };
    let moves = engine().transitions(data(), origin, &options).unwrap();
    assert!(!moves.is_empty(), "no viable green moves");
    let labels: Vec<&str> = moves
        .iter()
        .map(|t| data().occupation(t.occupation).label.as_str())
        .collect();
    assert!(
        labels
            .iter()
            .any(|l| l.contains("heat") || l.contains("heating")),
        "{labels:?}"
    );
    assert!(moves.iter().all(|t| t.flags.viable && t.flags.green));
}

#[test]
fn refinery_and_offshore_workers_have_viable_moves() {
    for label in [
        "oil refinery control room operator",
        "offshore renewable energy engineer",
    ] {
        let Some(origin) = data().occupations().iter().position(|o| o.label == label) else {
            continue;
        };
        let options = TransitionOptions {
            min_viability: Viability::Viable,
            ..TransitionOptions::default()
        };
        let moves = engine()
            .transitions(data(), origin as u32, &options)
            .unwrap();
        assert!(!moves.is_empty(), "{label}: no viable moves");
    }
}

#[test]
fn partial_credit_reaches_heat_pumps_from_heating_skills() {
    // A person who can install heating systems gets part of the way to installing heat pumps.
    let skills = data().skills();
    let heat_pump = skills
        .iter()
        .position(|s| s.label == "install heat pump")
        .unwrap();
    let heating = skills
        .iter()
        .position(|s| s.label.starts_with("install heating"))
        .unwrap();
    let graph = greenpath::credit::SkillGraph::new(data());
    let mut held = vec![0.0; skills.len()];
    held[heating] = 1.0;
    let credit = graph.spread(&held, &Default::default());
    assert!(credit.credit[heat_pump] > 0.0);
    assert!(credit.credit[heat_pump] < 1.0);
}

#[test]
fn bad_options_are_errors_naming_the_field() {
    let origin = by_label(data(), "welder");
    let mut options = TransitionOptions::default();
    options.params.credit.related = f32::NAN;
    let message = engine()
        .transitions(data(), origin, &options)
        .unwrap_err()
        .to_string();
    assert!(message.starts_with("relatedSkillCredit: NaN"), "{message}");
    let options = TransitionOptions {
        extra_skills: vec![u32::MAX],
        ..TransitionOptions::default()
    };
    let message = engine()
        .transitions(data(), origin, &options)
        .unwrap_err()
        .to_string();
    assert!(message.starts_with("extraSkills: 4294967295"), "{message}");
    let message = engine()
        .transitions(data(), 50_000, &TransitionOptions::default())
        .unwrap_err()
        .to_string();
    assert!(message.contains("50000"), "{message}");
}
