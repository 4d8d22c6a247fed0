//! Data parts: the input is one or more part files one after another (split where "GPDP"
//! starts a part), assembled as the page does; data that loads is then asked every question.
#![no_main]

use greenpath::api::Planner;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let mut starts: Vec<usize> = data
        .windows(4)
        .enumerate()
        .filter(|(_, w)| *w == b"GPDP")
        .map(|(i, _)| i)
        .collect();
    if starts.first() != Some(&0) {
        starts.insert(0, 0);
    }
    let parts: Vec<&[u8]> = starts
        .iter()
        .zip(starts.iter().skip(1).chain(std::iter::once(&data.len())))
        .map(|(&a, &b)| &data[a..b])
        .collect();
    if let Ok(planner) = Planner::from_parts(&parts) {
        common::ask_everything(&planner);
    }
});
