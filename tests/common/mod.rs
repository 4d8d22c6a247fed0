//! Shared by native tests and benchmarks: the committed default dataset.
// Test helpers: a failure here is the test's failure, said by the panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
// Each test binary uses some of these helpers, none uses all.
#![allow(dead_code)]

use std::io::Read;
use std::sync::OnceLock;

use greenpath::{Dataset, SearchIndex};

/// Folder of the committed default dataset's parts.
pub const PARTS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/parts");

/// The decompressed parts of the default dataset, core first (`greenpath::parts::PartName::ALL`).
pub fn default_parts() -> Vec<Vec<u8>> {
    greenpath::parts::PartName::ALL
        .iter()
        .map(|part| {
            let path = format!("{PARTS_DIR}/{}.gz", part.file_name());
            let file =
                std::fs::File::open(&path).unwrap_or_else(|e| panic!("{path} is committed: {e}"));
            let mut bytes = Vec::new();
            flate2::read::GzDecoder::new(file)
                .read_to_end(&mut bytes)
                .expect("each part is valid gzip");
            bytes
        })
        .collect()
}

/// The default dataset's parts, joined.
pub fn default_file() -> greenpath::model::DataFile {
    let parts = default_parts();
    let refs: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
    greenpath::parts::join(&refs).expect("the committed parts join")
}

/// A facade planner over every part of the default dataset.
pub fn default_planner() -> Result<greenpath::api::Planner, greenpath::Error> {
    let parts = default_parts();
    let refs: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
    greenpath::api::Planner::from_parts(&refs)
}

/// The whole default dataset as JSON (for tests that edit it as text).
pub fn default_json() -> Vec<u8> {
    serde_json::to_vec(&default_file()).expect("the dataset serialises")
}

/// The default dataset and its search index, loaded once per test binary.
pub fn default_data() -> &'static (Dataset, SearchIndex) {
    static DATA: OnceLock<(Dataset, SearchIndex)> = OnceLock::new();
    DATA.get_or_init(|| {
        let data = Dataset::from_data_file(default_file()).expect("the default dataset is valid");
        let index = SearchIndex::new(&data);
        (data, index)
    })
}

/// The id of the occupation whose preferred label is exactly `label`.
pub fn by_label(data: &Dataset, label: &str) -> u32 {
    data.occupations()
        .iter()
        .position(|o| o.label == label)
        .unwrap_or_else(|| panic!("no occupation labelled {label:?}")) as u32
}

/// Asserts that `found` holds exactly one problem containing each of `expected`, in any order.
pub fn assert_problems(found: &[String], expected: &[&str]) {
    for needle in expected {
        assert!(
            found.iter().any(|p| p.contains(needle)),
            "missing problem {needle:?} in {found:#?}"
        );
    }
    assert_eq!(found.len(), expected.len(), "{found:#?}");
}

/// The committed local picture (`data/parts/local.bin.gz`), decompressed.
pub fn local_picture_bytes() -> Vec<u8> {
    let path = format!("{PARTS_DIR}/local.bin.gz");
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{path} is committed: {e}"));
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut bytes)
        .expect("valid gzip");
    bytes
}

/// The fingerprint of the committed dataset (from its core part).
pub fn dataset_fingerprint() -> u64 {
    greenpath::parts::decode(&default_parts()[0])
        .expect("the core decodes")
        .dataset()
}

/// The ESCO id of the occupation whose preferred label is exactly `label`.
pub fn id_of(label: &str) -> String {
    let (data, _) = default_data();
    data.occupation(by_label(data, label)).id.clone()
}

/// A seeded council problem of the benchmark size (as `benches/council.mjs` builds it
/// in the browser): 200 worker groups × 200 green jobs × 150 courses, each group reaching 10
/// to 30 jobs by one to three courses or directly, with a binding budget, course places and a
/// floor of 30%.
pub fn synthetic_council(time_limit: f64) -> greenpath::council::CouncilProblem {
    use greenpath::council::*;
    let mut seed: u64 = 20_261_201;
    let mut rand = move || {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        seed as f64 / 2_147_483_648.0
    };
    let whole = |rand: &mut dyn FnMut() -> f64, a: u32, b: u32| {
        (f64::from(a) + (f64::from(b) + 1.0 - f64::from(a)) * rand()).floor() as usize
    };
    let mut groups = Vec::new();
    for _ in 0..200 {
        let workers = whole(&mut rand, 5, 400) as f64;
        let carbon = if rand() < 0.7 { 1.0 } else { 0.5 };
        let deprivation = if rand() < 0.5 {
            Some((rand() * 100.0).round() / 100.0)
        } else {
            None
        };
        groups.push(CouncilGroup {
            workers,
            carbon,
            deprivation,
        });
    }
    let destinations: Vec<CouncilDestination> = (0..200)
        .map(|_| CouncilDestination {
            demand: whole(&mut rand, 5, 250) as f64,
        })
        .collect();
    let mut courses = Vec::new();
    for _ in 0..150 {
        let capacity = if rand() < 0.6 {
            Some(whole(&mut rand, 10, 120) as f64)
        } else {
            None
        };
        let cost_per_person = if rand() < 0.3 {
            0.0
        } else {
            whole(&mut rand, 3, 60) as f64 * 100.0
        };
        courses.push(CouncilCourse {
            capacity,
            cost_per_person,
        });
    }
    let mut routes = Vec::new();
    for g in 0..200 {
        let n = whole(&mut rand, 10, 30);
        let mut reach: Vec<usize> = (0..n).map(|_| whole(&mut rand, 0, 199)).collect();
        reach.sort_unstable();
        reach.dedup();
        for d in reach {
            let uplift = (-20.0 + 80.0 * rand()).round() / 100.0;
            if rand() < 0.1 {
                routes.push(CouncilRoute {
                    origin: g,
                    destination: d,
                    kind: RouteKind::Direct,
                    courses: Vec::new(),
                    uplift,
                });
            }
            let k = whole(&mut rand, 1, 3);
            let mut options: Vec<usize> = (0..k).map(|_| whole(&mut rand, 0, 149)).collect();
            options.sort_unstable();
            options.dedup();
            for c in options {
                let kind = if rand() < 0.3 {
                    RouteKind::Recognised
                } else {
                    RouteKind::Courses
                };
                routes.push(CouncilRoute {
                    origin: g,
                    destination: d,
                    kind,
                    courses: vec![c],
                    uplift,
                });
            }
        }
    }
    CouncilProblem {
        groups,
        destinations,
        courses,
        routes,
        budget: Some(1_500_000.0),
        floor: 0.3,
        weights: CouncilWeights {
            deprivation: 0.5,
            ..CouncilWeights::default()
        },
        time_limit,
        gap_tolerance: greenpath::portfolio::COLLEGE_GAP_TOLERANCE,
    }
}
