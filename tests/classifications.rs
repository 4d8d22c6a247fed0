//! Carbon-intensive and green classifications in the committed dataset: real occupations carry
//! the classes the sources give them, values are in range, `meta.classifications` counts what
//! the occupations hold, and the loader rejects broken classification fields.
#![cfg(not(target_arch = "wasm32"))]
// Tests and their helpers: a failure is the test's failure, said by the panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use greenpath::model::{DataFile, GreenEconomyCategory, Occupation};
use greenpath::{Dataset, Error};

const TINY_VALID: &str = include_str!("fixtures/tiny_valid.json");

/// The nine categories of the curated carbon-intensive list.
const CARBON_CATEGORIES: [&str; 9] = [
    "fossil_extraction",
    "fossil_refining",
    "fossil_fuel_distribution",
    "fossil_power",
    "heavy_industry",
    "fossil_heating",
    "ice_vehicles",
    "fossil_transport",
    "livestock",
];

fn data() -> &'static Dataset {
    &common::default_data().0
}

fn occupation(label: &str) -> &'static Occupation {
    let data = data();
    data.occupation(common::by_label(data, label))
}

/// (category, borderline) of a carbon-intensive occupation.
fn carbon(label: &str) -> (&'static str, bool) {
    let carbon = occupation(label)
        .carbon
        .as_ref()
        .unwrap_or_else(|| panic!("{label:?} should be carbon-intensive"));
    (carbon.category.as_str(), carbon.borderline)
}

#[test]
fn oil_gas_and_fossil_heating_jobs_are_carbon_intensive() {
    for label in [
        "oil rig motorhand",
        "roughneck",
        "derrickhand",
        "drilling engineer",
    ] {
        assert_eq!(carbon(label), ("fossil_extraction", false), "{label}");
    }
    assert_eq!(
        carbon("oil refinery control room operator"),
        ("fossil_refining", false)
    );
    assert_eq!(carbon("gas service technician"), ("fossil_heating", false));
    assert_eq!(
        carbon("fossil-fuel power plant operator"),
        ("fossil_power", false)
    );
    assert_eq!(carbon("coking furnace operator"), ("heavy_industry", false));
    assert_eq!(carbon("diesel engine mechanic"), ("ice_vehicles", false));
    // Generic ESCO occupations are borderline: mining covers coal and non-coal, pilots stay.
    assert_eq!(carbon("mine manager"), ("fossil_extraction", true));
    assert_eq!(carbon("commercial pilot"), ("fossil_transport", true));
    assert_eq!(carbon("cattle breeder"), ("livestock", true));
    // Evidence is kept short and every entry cites a web source.
    let motorhand = occupation("oil rig motorhand").carbon.as_ref().unwrap();
    assert!(motorhand.evidence.contains("oil & gas"), "{motorhand:?}");
    assert!(motorhand.source.starts_with("https://"), "{motorhand:?}");
}

#[test]
fn green_jobs_are_not_carbon_intensive() {
    for label in [
        "solar energy engineer",
        "onshore wind farm technician",
        "energy assessor",
        "recycling worker",
    ] {
        assert!(occupation(label).carbon.is_none(), "{label}");
    }
}

#[test]
fn the_carbon_intensive_list_is_whole_and_well_formed() {
    let data = data();
    let brown: Vec<_> = data
        .occupations()
        .iter()
        .filter_map(|o| o.carbon.as_ref())
        .collect();
    // The curated list: 127 ESCO occupations, 49 core and 78 borderline.
    assert_eq!(brown.len(), 127);
    assert_eq!(brown.iter().filter(|c| c.borderline).count(), 78);
    for c in brown {
        assert!(CARBON_CATEGORIES.contains(&c.category.as_str()), "{c:?}");
        assert!(!c.evidence.trim().is_empty(), "{c:?}");
        assert!(
            c.evidence.chars().count() <= 160,
            "evidence too long: {c:?}"
        );
        assert!(c.source.starts_with("http"), "{c:?}");
    }
}

#[test]
fn known_green_jobs_have_an_onet_green_economy_category() {
    let category = |label: &str| {
        occupation(label)
            .green_economy
            .as_ref()
            .unwrap_or_else(|| panic!("{label:?} should have a green economy category"))
            .category
    };
    // Design and development engineers (SOC 2010 2126), energy plant operatives (8124),
    // environment professionals (2142) and refuse and salvage occupations (9235) are
    // "New and Emerging" on the GLA list; electricians (5241) "Increased Demand".
    for label in [
        "solar energy engineer",
        "renewable energy engineer",
        "onshore wind farm technician",
        "solar power plant operator",
        "environmental engineer",
        "recycling worker",
    ] {
        assert_eq!(
            category(label),
            GreenEconomyCategory::NewAndEmerging,
            "{label}"
        );
    }
    assert_eq!(
        category("solar energy technician"),
        GreenEconomyCategory::IncreasedDemand
    );
    let solar = occupation("solar energy engineer")
        .green_economy
        .as_ref()
        .unwrap();
    assert_eq!(solar.via, "SOC 2010 2126 via ISCO 2149");
    assert!(
        solar.estimated,
        "reached through the derived SOC–ISCO crosswalk"
    );
}

#[test]
fn green_economy_paths_name_the_occupations_own_isco_group() {
    for o in data().occupations() {
        let Some(green) = &o.green_economy else {
            continue;
        };
        let (soc, isco) = green
            .via
            .strip_prefix("SOC 2010 ")
            .and_then(|rest| rest.split_once(" via ISCO "))
            .unwrap_or_else(|| panic!("{}: unexpected via {:?}", o.label, green.via));
        assert!(
            soc.len() == 4 && soc.bytes().all(|b| b.is_ascii_digit()),
            "{}",
            green.via
        );
        assert_eq!(isco, o.isco, "{}", o.label);
        assert!(green.estimated, "{}", o.label);
    }
}

#[test]
fn green_task_shares_are_rounded_shares() {
    let mut seen = 0;
    for o in data().occupations() {
        let Some(share) = o.green_task_share else {
            continue;
        };
        seen += 1;
        assert!((0.0..=1.0).contains(&share), "{}: {share}", o.label);
        let thousandths = f64::from(share) * 1000.0;
        assert!(
            (thousandths - thousandths.round()).abs() < 1e-3,
            "{}: {share} is not rounded to 3 decimals",
            o.label
        );
    }
    assert!(
        seen > 2900,
        "nearly every occupation has a share, got {seen}"
    );
    // Waiting staff spend no time on green tasks (ONS, SOC 2010 9273); environment
    // professionals a good part of it.
    assert_eq!(occupation("waiter/waitress").green_task_share, Some(0.0));
    assert!(occupation("environmental engineer").green_task_share > Some(0.3));
}

#[test]
fn the_definitions_disagree_and_each_is_kept() {
    // Energy assessors have many green ESCO skills and spend time on green tasks, but their
    // UK occupation group is not on the O*NET green economy list.
    let assessor = occupation("energy assessor");
    assert!(assessor.green_economy.is_none());
    assert!(assessor.green_task_share.is_some_and(|s| s > 0.1));
    let data = data();
    assert!(assessor
        .essential
        .iter()
        .chain(&assessor.optional)
        .any(|&s| data.skill(s).green));
    // A gas service technician is carbon-intensive and, through plumbing and heating
    // engineers, in O*NET's "Enhanced Skills" green economy category at once.
    let gas = occupation("gas service technician");
    assert!(gas.carbon.is_some());
    assert_eq!(
        gas.green_economy.as_ref().map(|g| g.category),
        Some(GreenEconomyCategory::EnhancedSkills)
    );
}

#[test]
fn meta_lists_each_classification_with_its_true_coverage() {
    let data = data();
    let classes = &data.meta().classifications;
    let keys: Vec<&str> = classes.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "carbonIntensive",
            "curatedGreenJobs",
            "escoGreenSkills",
            "onetGreenEconomy",
            "onsGreenTasks"
        ]
    );
    let count = |f: &dyn Fn(&Occupation) -> bool| {
        u32::try_from(data.occupations().iter().filter(|o| f(o)).count()).unwrap()
    };
    for class in classes {
        let expected = match class.key.as_str() {
            "carbonIntensive" => count(&|o| o.carbon.is_some()),
            "curatedGreenJobs" => count(&|o| o.green_job.is_some()),
            "escoGreenSkills" => count(&|o| !o.essential.is_empty() || !o.optional.is_empty()),
            "onetGreenEconomy" => count(&|o| o.green_economy.is_some()),
            "onsGreenTasks" => count(&|o| o.green_task_share.is_some()),
            other => panic!("unknown key {other}"),
        };
        assert_eq!(class.coverage, expected, "{}", class.key);
        assert!(class.coverage > 0, "{}", class.key);
        for text in [
            &class.name,
            &class.description,
            &class.source,
            &class.licence,
        ] {
            assert!(!text.trim().is_empty(), "{}", class.key);
        }
        // Only the definitions that reach ESCO through SOC 2010 are estimates.
        assert_eq!(
            class.estimated,
            matches!(class.key.as_str(), "onetGreenEconomy" | "onsGreenTasks"),
            "{}",
            class.key
        );
    }
}

/// The tiny fixture with the first occupation's classification fields and the meta entries
/// replaced by `occupation` and `classifications` (JSON).
fn tiny_with(occupation: &str, classifications: &str) -> Vec<String> {
    let mut file: serde_json::Value = serde_json::from_str(TINY_VALID).unwrap();
    let extra: serde_json::Value = serde_json::from_str(occupation).unwrap();
    for (key, value) in extra.as_object().unwrap() {
        file["occupations"][0][key] = value.clone();
    }
    file["meta"]["classifications"] = serde_json::from_str(classifications).unwrap();
    let json = serde_json::to_vec(&file).unwrap();
    match Dataset::from_json(&json) {
        Ok(_) => Vec::new(),
        Err(Error::Invalid { problems }) => problems,
        Err(other) => panic!("expected Error::Invalid, got {other:?}"),
    }
}

fn class(key: &str, coverage: u32) -> String {
    format!(
        r#"{{"key":"{key}","name":"n","description":"d","source":"s","licence":"l","estimated":false,"coverage":{coverage}}}"#
    )
}

#[test]
fn well_formed_classifications_load() {
    let occupation = r#"{
        "carbon": {"category": "fossil_extraction", "borderline": false,
                   "evidence": "Drills for oil.", "source": "https://example.org/e"},
        "greenEconomy": {"category": "enhancedSkills", "estimated": true,
                         "via": "SOC 2010 5215 via ISCO 7212"},
        "greenTaskShare": 0.25
    }"#;
    let classes = format!(
        "[{},{},{}]",
        class("carbonIntensive", 1),
        class("onetGreenEconomy", 1),
        class("onsGreenTasks", 1)
    );
    assert_eq!(tiny_with(occupation, &classes), Vec::<String>::new());
}

#[test]
fn broken_classification_fields_are_reported_with_their_place() {
    let occupation = r#"{
        "carbon": {"category": "heavy_industry_borderline", "borderline": true,
                   "evidence": " ", "source": "ons.gov.uk"},
        "greenEconomy": {"category": "newAndEmerging", "estimated": true, "via": ""},
        "greenTaskShare": 1.5
    }"#;
    let classes = format!(
        "[{},{},{},{}]",
        class("carbonIntensive", 2),
        class("onsGreenTasks", 1),
        class("onsGreenTasks", 1),
        class("greenish", 0)
    );
    let found = tiny_with(occupation, &classes);
    let expected = [
        "occupations[0].carbon.category: \"heavy_industry_borderline\" keeps the _borderline suffix",
        "occupations[0].carbon.evidence: must not be empty",
        "occupations[0].carbon.source: \"ons.gov.uk\" is not an http(s) URL",
        "occupations[0].greenEconomy.via: must not be empty",
        "occupations[0].greenTaskShare: 1.5 is outside 0 to 1",
        "meta.classifications[0].coverage: 2 but 1 occupations have a \"carbonIntensive\" value",
        "meta.classifications[2].key: \"onsGreenTasks\" appears twice",
        "meta.classifications[3].key: \"greenish\" is not a known classification",
    ];
    common::assert_problems(&found, &expected);
}

#[test]
fn empty_carbon_category_and_negative_share_are_reported() {
    let occupation = r#"{
        "carbon": {"category": "", "borderline": false, "evidence": "e", "source": ""},
        "greenTaskShare": -0.1
    }"#;
    let found = tiny_with(occupation, "[]");
    assert_eq!(
        found,
        [
            "occupations[0].carbon.category: must not be empty",
            "occupations[0].carbon.source: must not be empty",
            "occupations[0].greenTaskShare: -0.1 is outside 0 to 1",
        ]
    );
}

#[test]
fn a_nan_share_is_reported() {
    let mut file: DataFile = serde_json::from_str(TINY_VALID).unwrap();
    file.occupations[0].green_task_share = Some(f32::NAN);
    match Dataset::from_data_file(file) {
        Err(Error::Invalid { problems }) => assert_eq!(
            problems,
            ["occupations[0].greenTaskShare: NaN is not a share"]
        ),
        other => panic!("expected Error::Invalid, got {other:?}"),
    }
}
