//! A college's or council's own figures (workers, learners or openings per job), CSV or JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = greenpath::figures::read_figures(&String::from_utf8_lossy(data));
});
