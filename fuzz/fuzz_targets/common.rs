//! What the fuzz targets share: the default dataset's planner, loaded once per process.
#![allow(dead_code)] // each target uses some of it

use std::io::Read;
use std::sync::OnceLock;

use greenpath::api::Planner;

/// The committed parts, decompressed, core first.
pub fn committed_parts() -> &'static [Vec<u8>] {
    static PARTS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    PARTS.get_or_init(|| {
        ["core", "skills", "skill-names", "details", "courses"]
            .iter()
            .map(|name| {
                let path = format!("{}/../data/parts/{name}.bin.gz", env!("CARGO_MANIFEST_DIR"));
                let gz = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
                let mut bytes = Vec::new();
                flate2::read::GzDecoder::new(&gz[..])
                    .read_to_end(&mut bytes)
                    .expect("committed parts are gzip");
                bytes
            })
            .collect()
    })
}

/// The whole default dataset.
pub fn dataset() -> &'static greenpath::Dataset {
    static DATA: OnceLock<greenpath::Dataset> = OnceLock::new();
    DATA.get_or_init(|| {
        let parts: Vec<&[u8]> = committed_parts().iter().map(Vec::as_slice).collect();
        let file = greenpath::parts::join(&parts).expect("the committed parts join");
        greenpath::Dataset::from_data_file(file).expect("the committed dataset is valid")
    })
}

/// The planner over the whole default dataset, with the local picture.
pub fn planner() -> &'static Planner {
    static PLANNER: OnceLock<Planner> = OnceLock::new();
    PLANNER.get_or_init(|| {
        let parts: Vec<&[u8]> = committed_parts().iter().map(Vec::as_slice).collect();
        let mut planner = Planner::from_parts(&parts).expect("the committed parts load");
        let path = format!("{}/../data/parts/local.bin.gz", env!("CARGO_MANIFEST_DIR"));
        let gz = std::fs::read(path).expect("the local picture is committed");
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut bytes)
            .expect("gzip");
        planner.add_local(&bytes).expect("the local picture loads");
        planner
    })
}

/// Asks a planner the page's questions about its first occupations, so that data which loads
/// is also data every answer survives.
pub fn ask_everything(planner: &Planner) {
    let Ok(hits) = planner.search_occupations("a", 3.0) else {
        return;
    };
    let ids: Vec<String> = hits.into_iter().map(|h| h.id).collect();
    for id in &ids {
        let _ = planner.occupation(id);
        let _ = planner.description(id);
        let _ = planner.similar_occupations(id, 5.0);
        let _ = planner.transitions(id, Default::default());
        let _ = planner.pathways(id, Default::default());
        for to in &ids {
            let _ = planner.plan(id, to, Default::default());
        }
    }
    let _ = planner.search_skills("a", 5.0);
    let _ = planner.courses();
}
