//! The local picture's bytes, decoded against the default dataset, then every area's picture.
#![no_main]

use greenpath::local::LocalPicture;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

/// The default dataset's fingerprint and occupation count, read once.
fn dataset() -> (u64, usize) {
    static FACTS: std::sync::OnceLock<(u64, usize)> = std::sync::OnceLock::new();
    *FACTS.get_or_init(|| {
        let parts = common::committed_parts();
        match greenpath::parts::decode(&parts[0]) {
            Ok(greenpath::parts::Part::Core(core)) => (core.dataset, core.occupations.len()),
            _ => panic!("the committed core decodes"),
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let (fingerprint, occupations) = dataset();
    if let Ok(picture) = LocalPicture::decode(data, fingerprint, occupations) {
        for area in &picture.areas {
            if let Ok(area) = picture.area(&area.code) {
                let _ = picture.family_shares(area);
                let _ = picture.demand(area);
            }
        }
    }
});
