//! Decoding and validating datasets: every broken rule reported at once, never a panic.
// Tests and their helpers: a failure is the test's failure, said by the panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use greenpath::{Dataset, Error};

const TINY_VALID: &str = include_str!("fixtures/tiny_valid.json");
const EVERY_RULE_BROKEN: &str = include_str!("fixtures/every_rule_broken.json");

fn problems(json: &str) -> Vec<String> {
    match Dataset::from_json(json.as_bytes()) {
        Err(Error::Invalid { problems }) => problems,
        other => panic!("expected Error::Invalid, got {other:?}"),
    }
}

#[test]
fn tiny_valid_dataset_loads() {
    let data = Dataset::from_json(TINY_VALID.as_bytes()).expect("valid");
    assert_eq!(data.occupations().len(), 3);
    assert_eq!(data.occupation_id("o-brazier"), Some(1));
    assert_eq!(data.isco_label("7212"), Some("Welders and flamecutters"));
    assert_eq!(data.relation_count(), 9);
}

#[test]
fn every_broken_rule_is_reported_with_its_place() {
    let found = problems(EVERY_RULE_BROKEN);
    let expected = [
        "meta.schemaVersion: 7",
        "iscoGroups[0].code: \"72a\"",
        "iscoGroups[2].code: \"7212\" appears twice",
        "skillGroups[0].parent: 0",
        "skills[0].group: index 5 is out of range",
        "skills[1].id: \"s1\" appears twice",
        "skills[1].label: must not be empty",
        "skills[1].broader: a skill cannot be broader than itself",
        "skillRelations[0][1]: index 9 is out of range",
        "skillRelations[1]: relates skill 1 to itself",
        "occupations[0].isco: \"721\" is not a 4-digit",
        // Skill lists are stored as gaps: [1,0,7] reads as skills 1, 1 and 8.
        "occupations[0].essential[1]: 1 is not above the previous entry 1",
        "occupations[0].essential[2]: index 8 is out of range",
        "occupations[0].optional: skill 1 is also essential",
        "occupations[0].jobZone: 9",
        "occupations[0].annualEarnings: 0",
        "occupations[1].id: \"o1\" appears twice",
        "occupations[1].label: must not be empty",
        "occupations[1].isco: \"9999\" is not among iscoGroups",
    ];
    common::assert_problems(&found, &expected);
}

#[test]
fn the_error_message_lists_problems_in_one_line() {
    let error = Dataset::from_json(EVERY_RULE_BROKEN.as_bytes()).unwrap_err();
    let message = error.to_string();
    assert!(
        message.starts_with("the dataset has 19 problem(s): meta.schemaVersion"),
        "{message}"
    );
}

#[test]
fn malformed_json_is_a_decode_error_with_position() {
    for bad in ["", "{", "[]", "{\"meta\":1}", "\u{0}"] {
        match Dataset::from_json(bad.as_bytes()) {
            Err(Error::Decode { message }) => assert!(message.contains("line"), "{message}"),
            other => panic!("{bad:?}: expected a decode error, got {other:?}"),
        }
    }
}

#[test]
fn unknown_fields_are_rejected_by_name() {
    let json = TINY_VALID.replacen(
        "\"droppedRelations\":0",
        "\"droppedRelations\":0,\"extra\":1",
        1,
    );
    let message = Dataset::from_json(json.as_bytes()).unwrap_err().to_string();
    assert!(message.contains("unknown field `extra`"), "{message}");
}

#[test]
fn nan_or_negative_numbers_are_decode_errors() {
    for bad in ["\"jobZone\":2", "\"annualEarnings\":28000"] {
        for replacement in ["NaN", "-1", "1e99"] {
            let key = bad.split(':').next().unwrap();
            let json = TINY_VALID.replacen(bad, &format!("{key}:{replacement}"), 1);
            assert!(
                matches!(
                    Dataset::from_json(json.as_bytes()),
                    Err(Error::Decode { .. })
                ),
                "{key}:{replacement} was accepted"
            );
        }
    }
}
