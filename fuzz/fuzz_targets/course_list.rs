//! A course list as a college or council loads it: the first byte picks CSV or JSON and add or
//! replace, the rest is the file's text; a list that loads joins the catalogue.
#![no_main]

use greenpath::course_import::{parse_courses, parse_courses_to_add, CourseFormat};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let format = if mode & 1 == 0 {
        CourseFormat::Csv
    } else {
        CourseFormat::Json
    };
    let add = mode & 2 == 0;
    let data = common::dataset();
    let parsed = if add {
        parse_courses_to_add(data, &text, format)
    } else {
        parse_courses(data, &text, format)
    };
    if let Ok(courses) = parsed {
        let _ = data.with_courses(courses, add);
    }
});
