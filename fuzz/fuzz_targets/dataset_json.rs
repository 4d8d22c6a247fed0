//! A whole dataset given as JSON (a custom dataset); data that loads is asked every question.
#![no_main]

use greenpath::api::Planner;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(planner) = Planner::from_json(data) {
        common::ask_everything(&planner);
    }
});
