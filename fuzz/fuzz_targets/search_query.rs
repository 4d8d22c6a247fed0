//! A search query, as typed or pasted, for occupations and for skills.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let planner = common::planner();
    let _ = planner.search_occupations(&query, 10.0);
    let _ = planner.search_skills(&query, 10.0);
});
