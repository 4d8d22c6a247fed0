//! Shared by native tests and benchmarks: the committed default dataset.

// Each test binary uses some of these helpers, none uses all.
#![allow(dead_code)]

use std::io::Read;
use std::sync::OnceLock;

use greenpath::{Dataset, SearchIndex};

/// Path of the committed default dataset.
pub const DATA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/greenpath.json.gz");

/// The decompressed JSON of the default dataset.
pub fn default_json() -> Vec<u8> {
    let file = std::fs::File::open(DATA_PATH).expect("data/greenpath.json.gz is committed");
    let mut json = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut json)
        .expect("the default dataset is valid gzip");
    json
}

/// The default dataset and its search index, loaded once per test binary.
pub fn default_data() -> &'static (Dataset, SearchIndex) {
    static DATA: OnceLock<(Dataset, SearchIndex)> = OnceLock::new();
    DATA.get_or_init(|| {
        let data = Dataset::from_json(&default_json()).expect("the default dataset is valid");
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
