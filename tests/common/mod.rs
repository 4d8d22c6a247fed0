//! Shared by native tests and benchmarks: the committed default dataset.

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
