//! Properties of the similarity score on random origins of the real dataset.
#![cfg(not(target_arch = "wasm32"))]
// Tests and their helpers: a failure is the test's failure, said by the panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use greenpath::similar_occupations;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn scores_are_in_unit_range_and_sorted(origin in 0u32..3007) {
        let (data, _) = common::default_data();
        let results = similar_occupations(data, origin, 3006).unwrap();
        prop_assert_eq!(results.len(), data.occupations().len() - 1);
        for r in &results {
            prop_assert!((0.0..=1.0).contains(&r.score), "score {}", r.score);
        }
        prop_assert!(results.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn a_destination_needing_only_the_origins_skills_scores_one(origin in 0u32..3007) {
        let (data, _) = common::default_data();
        let o = data.occupation(origin);
        for r in similar_occupations(data, origin, 3006).unwrap() {
            let d = data.occupation(r.occupation);
            let covered = d.essential.iter().chain(&d.optional).all(|s| o.essential.contains(s));
            if covered && !(d.essential.is_empty() && d.optional.is_empty()) {
                prop_assert!((r.score - 1.0).abs() < 1e-6);
            }
        }
    }
}
