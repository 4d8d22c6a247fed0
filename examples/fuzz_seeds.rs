//! Writes the fuzz targets' seed corpora (`fuzz/corpus/<target>/`): small valid inputs of each
//! kind, from the test fixtures and the default dataset, for libFuzzer to mutate.
//!
//!     cargo run --example fuzz_seeds
// A tool run by hand: a panic stops it and says why.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "../tests/common/mod.rs"]
mod common;

use std::fs;
use std::path::Path;

use serde_json::json;

fn write(target: &str, name: &str, bytes: &[u8]) {
    let dir = Path::new("fuzz/corpus").join(target);
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join(name), bytes).unwrap();
}

fn main() {
    // Data parts: the tiny fixture dataset split into its five parts, one after another.
    let tiny = include_bytes!("../tests/fixtures/tiny_valid.json");
    let file: greenpath::model::DataFile = serde_json::from_slice(tiny).unwrap();
    let parts = greenpath::parts::split(&file).unwrap();
    let all: Vec<u8> = parts.iter().flat_map(|(_, b)| b.clone()).collect();
    write("data_parts", "tiny-all-parts", &all);
    write("data_parts", "tiny-core", &parts[0].1);
    // A whole dataset as JSON: the valid fixture and the one breaking every rule.
    write("dataset_json", "tiny-valid", tiny);
    write(
        "dataset_json",
        "every-rule-broken",
        include_bytes!("../tests/fixtures/every_rule_broken.json"),
    );
    // The local picture as built.
    let planner = common::default_planner().unwrap();
    let local = {
        use std::io::Read;
        let gz = fs::read("data/parts/local.bin.gz").unwrap();
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut bytes)
            .unwrap();
        bytes
    };
    write("local_picture", "local", &local);
    // Course lists: the first byte is the mode (bit 0: JSON, bit 1: replace).
    let csv = include_str!("../tests/fixtures/college_courses_valid.csv");
    write(
        "course_list",
        "csv-add",
        &[&[0u8][..], csv.as_bytes()].concat(),
    );
    let semicolons =
        "\u{feff}id;title;weeks;cost;teaches\nc1;Heat pumps;1,5;£600;install heat pump\n";
    write(
        "course_list",
        "csv-semicolons",
        &[&[2u8][..], semicolons.as_bytes()].concat(),
    );
    let json_list = r#"[{"id":"c1","title":"Heat pumps","weeks":2,"cost":600,"teaches":["install heat pump"],"requires":[]},{"id":"c2","title":"Advanced","requires":["c1"]}]"#;
    write(
        "course_list",
        "json-add",
        &[&[1u8][..], json_list.as_bytes()].concat(),
    );
    // Own figures: CSV with a header, semicolons and a BOM, JSON.
    for (name, text) in [
        ("csv", "job,workers\nwelder,\"1,200\"\nroofer,3\n"),
        ("semicolons", "\u{feff}occupation;count\nwelder;1,5\n"),
        (
            "json",
            r#"[{"occupation":"welder","count":7},{"occupation":"roofer","count":"12"}]"#,
        ),
    ] {
        write("own_figures", name, text.as_bytes());
    }
    // Search queries.
    for (i, q) in [
        "gas engineer",
        "steel worker",
        "wleder",
        "Électricien / HGV-driver",
        "heat pump",
    ]
    .iter()
    .enumerate()
    {
        write("search_query", &format!("query-{i}"), q.as_bytes());
    }
    // Planner options: the first byte picks the question (see planner_options.rs).
    let mut hull = planner;
    hull.add_local(&local).unwrap();
    let picture = hull.local_picture("UKE11").unwrap();
    let groups: Vec<_> = picture
        .workers
        .iter()
        .map(|w| json!({ "occupation": w.occupation.id, "workers": w.workers }))
        .collect();
    let destinations: Vec<_> = picture
        .demand
        .iter()
        .map(|d| json!({ "occupation": d.occupation.id, "count": d.openings }))
        .collect();
    let council =
        json!({ "groups": groups, "destinations": destinations, "budget": 200000, "floor": 0.1 });
    let college = json!({
        "area": "UKE11",
        "origins": picture.workers.iter().take(5).map(|w| json!({ "occupation": w.occupation.id, "count": 10 })).collect::<Vec<_>>(),
        "destinations": picture.demand.iter().take(5).map(|d| json!({ "occupation": d.occupation.id, "count": d.openings })).collect::<Vec<_>>(),
    });
    let direct_council = json!({
        "groups": [{ "workers": 10, "carbon": 1 }],
        "destinations": [6],
        "courses": [{ "capacity": 4, "costPerPerson": 100 }],
        "routes": [
            { "origin": 0, "destination": 0, "kind": "direct", "courses": [], "uplift": 0 },
            { "origin": 0, "destination": 0, "courses": [0], "uplift": 0.2 }
        ],
        "floor": 0.5
    });
    let seeds: [(u8, String); 9] = [
        (
            0,
            json!({ "onlyGreen": true, "count": 5, "payFloor": 20000 }).to_string(),
        ),
        (1, json!({ "budget": 2000, "maxWeeks": 52 }).to_string()),
        (2, json!({}).to_string()),
        (3, college.to_string()),
        (4, council.to_string()),
        (5, council.to_string()),
        (6, direct_council.to_string()),
        (
            7,
            json!({ "courses": [], "origins": [], "destinations": [], "links": [] }).to_string(),
        ),
        (8, "UKE11".to_owned()),
    ];
    for (which, text) in seeds {
        write(
            "planner_options",
            &format!("question-{which}"),
            &[&[which][..], text.as_bytes()].concat(),
        );
    }
    println!("wrote fuzz/corpus/");
}
