//! The local picture's bytes, decoded against the default dataset, then every area's picture.
#![no_main]

use greenpath::local::LocalPicture;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let parts = common::committed_parts();
    let Ok(greenpath::parts::Part::Core(core)) = greenpath::parts::decode(&parts[0]) else {
        return;
    };
    let occupations = core.occupations.len();
    if let Ok(picture) = LocalPicture::decode(data, core.dataset, occupations) {
        for area in &picture.areas {
            if let Ok(area) = picture.area(&area.code) {
                let _ = picture.family_shares(area);
                let _ = picture.demand(area);
            }
        }
    }
});
