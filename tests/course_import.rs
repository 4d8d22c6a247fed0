//! A college's own course list: parsed, checked row by row, and used by plans.
#![cfg(not(target_arch = "wasm32"))]
// Tests and their helpers: a failure is the test's failure, said by the panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::{by_label, default_data};
use greenpath::course_import::{parse_courses, CourseFormat};
use greenpath::plan::{CoursePlanner, PlanOptions};
use greenpath::Dataset;

fn data() -> &'static Dataset {
    &default_data().0
}

/// The valid fixture with real ESCO ids filled in.
fn valid_csv() -> String {
    let skill = data()
        .skills()
        .iter()
        .find(|s| s.label == "install heat pump")
        .unwrap();
    let occupation = data().occupation(by_label(
        data(),
        "refrigeration air condition and heat pump technician",
    ));
    include_str!("fixtures/college_courses_valid.csv")
        .replace("install heat pump;", "")
        .replace("SKILL_HEAT_PUMP", &skill.id)
        .replace("OCC_HEAT_PUMP_TECH", &occupation.id)
}

#[test]
fn a_valid_csv_list_loads_with_its_links() {
    let courses = parse_courses(data(), &valid_csv(), CourseFormat::Csv).unwrap();
    assert_eq!(courses.len(), 2);
    assert_eq!(courses[0].cost, Some(650));
    assert_eq!(
        courses[1].cost,
        Some(1200),
        "£ and thousands separators are read"
    );
    assert_eq!(courses[1].requires, vec![0]);
    assert_eq!(courses[0].teaches.len(), 1);
    assert_eq!(courses[1].occupations.len(), 1);
}

#[test]
fn every_problem_is_named_by_row_and_field() {
    let csv = "id,title,kind,level,weeks,cost,funding,delivery,teaches,occupations,requires\n\
               a,,wizardry,12,abc,-5,magic,by post,nope,nobody,zzz\n\
               ,Title,,,,,,,,,\n";
    let message = parse_courses(data(), csv, CourseFormat::Csv)
        .unwrap_err()
        .to_string();
    for expected in [
        "row 1 (line 2), weeks: \"abc\" is not a number",
        "row 1 (line 2), title: must not be empty",
        "row 1 (line 2), kind: \"wizardry\" is not one of",
        "row 1 (line 2), level: 12 is not a whole number from 0 to 8",
        "row 1 (line 2), cost: -5 is not a whole number",
        "row 1 (line 2), funding: \"magic\" is not one of",
        "row 1 (line 2), delivery: \"by post\" is not one of",
        "row 1 (line 2), teaches: \"nope\" is not an ESCO skill",
        "row 1 (line 2), occupations: \"nobody\" is not an ESCO occupation",
        "row 1 (line 2), requires: \"zzz\" is not the id of a course in this list",
        "row 2 (line 3), id: must not be empty",
    ] {
        assert!(
            message.contains(expected),
            "missing {expected:?} in {message}"
        );
    }
}

#[test]
fn bad_headers_and_empty_lists_are_explained() {
    // Another column ("colour") is left out, not an error; a missing title is.
    let message = parse_courses(data(), "id,colour\nx,y\n", CourseFormat::Csv)
        .unwrap_err()
        .to_string();
    assert!(!message.contains("colour"), "{message}");
    assert!(
        message.contains("the column \"title\" is missing"),
        "{message}"
    );
    let message = parse_courses(data(), "id,title\n", CourseFormat::Csv)
        .unwrap_err()
        .to_string();
    assert!(message.contains("no rows"), "{message}");
    let message = parse_courses(data(), "{\"id\": 1}", CourseFormat::Json)
        .unwrap_err()
        .to_string();
    assert!(message.contains("not a JSON array"), "{message}");
}

#[test]
fn a_json_list_with_an_unknown_field_names_it() {
    let json = r#"[{"id": "a", "title": "A", "colour": "green"}]"#;
    let message = parse_courses(data(), json, CourseFormat::Json)
        .unwrap_err()
        .to_string();
    assert!(message.contains("unknown field `colour`"), "{message}");
}

#[test]
fn a_loaded_list_is_used_by_plans_and_duplicate_ids_are_refused() {
    let courses = parse_courses(data(), &valid_csv(), CourseFormat::Csv).unwrap();
    let replaced = data().with_courses(courses.clone(), false).unwrap();
    assert_eq!(replaced.courses().len(), 2);
    let planner = CoursePlanner::new(&replaced);
    let origin = by_label(&replaced, "gas service technician");
    let destination = by_label(
        &replaced,
        "refrigeration air condition and heat pump technician",
    );
    let plan = planner
        .plan(&replaced, origin, destination, &PlanOptions::default())
        .unwrap();
    let titles: Vec<&str> = plan
        .steps
        .iter()
        .map(|s| replaced.course(s.course).title.as_str())
        .collect();
    assert!(titles.contains(&"Heat pump commissioning"), "{titles:?}");
    // The prerequisite comes first.
    assert_eq!(titles.first(), Some(&"Air source heat pump installation"));
    let added = data().with_courses(courses.clone(), true).unwrap();
    assert_eq!(added.courses().len(), data().courses().len() + 2);
    let twice = added.with_courses(courses, true).unwrap_err().to_string();
    assert!(twice.contains("appears twice"), "{twice}");
}

#[test]
fn problems_come_with_row_line_and_column_apart_from_the_same_rules_as_the_dataset() {
    // A prerequisite cycle and a course of 400 weeks: the dataset's own rules, said by row.
    let csv = "id,title,weeks,requires\n\
               a,Course A,400,b\n\
               b,Course B,2,a\n";
    let error = parse_courses(data(), csv, CourseFormat::Csv).unwrap_err();
    assert_eq!(error.kind(), "invalid");
    let rows = error.row_problems();
    let weeks = rows
        .iter()
        .find(|p| p.field == "weeks")
        .expect("the weeks problem");
    assert_eq!((weeks.row, weeks.line), (Some(1), Some(2)));
    assert!(
        weeks.message.starts_with("400 is not a duration"),
        "{weeks:?}"
    );
    let cycle = rows
        .iter()
        .find(|p| p.field == "requires")
        .expect("the cycle");
    assert!(cycle.row.is_some());
    assert!(
        cycle.message.contains("\"a\" → \"b\" → \"a\"")
            || cycle.message.contains("\"b\" → \"a\" → \"b\""),
        "{cycle:?}"
    );
    // Never the position in a merged catalogue.
    assert!(
        error.problems().iter().all(|p| !p.contains("courses[")),
        "{:?}",
        error.problems()
    );
}

#[test]
fn adding_a_course_whose_id_the_catalogue_has_names_the_row() {
    let csv = format!(
        "id,title\nmy-course,Mine\n{},Theirs\n",
        data().courses()[0].id
    );
    let error = greenpath::course_import::parse_courses_to_add(data(), &csv, CourseFormat::Csv)
        .unwrap_err();
    let rows = error.row_problems();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(
        (rows[0].row, rows[0].line, rows[0].field.as_str()),
        (Some(2), Some(3), "id")
    );
    assert!(
        rows[0]
            .message
            .contains("already a course of the catalogue"),
        "{rows:?}"
    );
    // Replacing the catalogue, the same list is fine.
    assert_eq!(
        parse_courses(data(), &csv, CourseFormat::Csv)
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn skills_and_jobs_by_label_and_near_misses_suggested() {
    // A college's export names things as people write them.
    let csv = "id,title,teaches,occupations\n\
               hp,Heat pumps,Install Heat Pump,heat pump installer\n\
               hp2,Heat pumps 2,instal heat pumps,heat pmp engineer\n";
    let error = parse_courses(data(), csv, CourseFormat::Csv).unwrap_err();
    let rows = error.row_problems();
    assert_eq!(
        rows.len(),
        2,
        "row 1 reads by label; row 2 has two near misses: {rows:?}"
    );
    assert!(rows.iter().all(|p| p.row == Some(2)), "{rows:?}");
    let teaches = rows.iter().find(|p| p.field == "teaches").unwrap();
    assert!(
        teaches
            .message
            .contains("did you mean \"install heat pump\""),
        "{teaches:?}"
    );
    let jobs = rows.iter().find(|p| p.field == "occupations").unwrap();
    assert!(jobs.message.contains("did you mean"), "{jobs:?}");
    let fixed = csv
        .replace("instal heat pumps", "install heat pump")
        .replace("heat pmp engineer", "heat pump installer");
    let courses = parse_courses(data(), &fixed, CourseFormat::Csv).unwrap();
    let skill = data().skill(courses[0].teaches[0]);
    assert_eq!(skill.label, "install heat pump");
    assert_eq!(courses[0].occupations.len(), 1);
}

/// The problems of a rejected list, as the page shows them.
fn problems(text: &str, format: CourseFormat) -> String {
    parse_courses(data(), text, format).unwrap_err().to_string()
}

#[test]
fn spreadsheet_exports_read_as_written() {
    // Excel where the decimal mark is a comma: semicolons between cells, a BOM first.
    let csv = "\u{feff}id;title;weeks;cost\nc1;Heat pumps;1,5;£600\nc2;Solar PV;12;\n";
    let courses = parse_courses(data(), csv, CourseFormat::Csv).unwrap();
    assert_eq!(
        courses[0].id, "c1",
        "the BOM is not part of the first header"
    );
    assert_eq!(courses[0].weeks, Some(1.5));
    assert_eq!(courses[0].cost, Some(600));
    // A range pasted from a spreadsheet: tabs between cells, a space between thousands.
    let pasted = "id\ttitle\tcost\nc1\tHeat pumps\t1 200\n";
    let courses = parse_courses(data(), pasted, CourseFormat::Csv).unwrap();
    assert_eq!(courses[0].cost, Some(1200));
}

#[test]
fn an_ambiguous_number_is_refused_at_its_row_and_field() {
    let message = problems("id,title,weeks\nc1,Heat pumps,\"1,5\"\n", CourseFormat::Csv);
    assert!(
        message
            .contains("row 1 (line 2), weeks: \"1,5\" uses a comma as the decimal mark; write 1.5"),
        "{message}"
    );
    let message = problems("id;title;cost\nc1;Heat pumps;1,200\n", CourseFormat::Csv);
    assert!(
        message
            .contains("row 1 (line 2), cost: \"1,200\" could be a thousand and more or a decimal"),
        "{message}"
    );
}

#[test]
fn an_unclosed_quote_is_refused_at_its_line_instead_of_swallowing_the_next_row() {
    let csv = "id,title,notes\nc1,\"Heat pumps,x\nc2,Solar,\"note\"\nc3,Wind,\n";
    let message = problems(csv, CourseFormat::Csv);
    assert!(
        message.contains("line 2 and runs on into line 3, which reads as a row of its own"),
        "{message}"
    );
    let message = problems("id,title\nc1,Solar\nc2,\"Heat pumps\n", CourseFormat::Csv);
    assert!(message.contains("line 3 and never closes"), "{message}");
}

#[test]
fn limits_are_errors_that_say_the_limit_and_do_not_repeat_the_input() {
    let long_title = format!("id,title\nc1,{}\n", "T".repeat(20_000));
    let message = problems(&long_title, CourseFormat::Csv);
    assert!(
        message.contains("row 1 (line 2), title: 20000 characters; at most 300"),
        "{message}"
    );
    assert!(
        message.len() < 500,
        "the title is not repeated: {} characters",
        message.len()
    );
    let many = format!("id,title\n{}", "a,b\n".repeat(5_001));
    assert!(problems(&many, CourseFormat::Csv).contains("at most 5000 courses"));
    let many_json = format!("[{}{{}}]", "{},".repeat(5_001));
    assert!(problems(&many_json, CourseFormat::Json).contains("at most 5000 courses"));
    let huge = format!("id,title\n{}", "a,b\n".repeat(2_200_000));
    assert!(problems(&huge, CourseFormat::Csv).contains("a course list may be at most 8 MB"));
    let long_id = format!("id,title\n{},Heat pumps\n", "i".repeat(10_000_000 / 8));
    let message = problems(&long_id, CourseFormat::Csv);
    assert!(
        message.contains("id: 1250000 characters; at most 300"),
        "{message}"
    );
    let json_title = format!("[{{\"id\":\"c1\",\"title\":\"{}\"}}]", "T".repeat(5_000));
    assert!(problems(&json_title, CourseFormat::Json).contains("row 1, title: 5000 characters"));
}

#[test]
fn empty_files_and_lost_characters_are_named() {
    assert!(problems("", CourseFormat::Csv).contains("the file is empty"));
    assert!(problems("\u{feff}  \n", CourseFormat::Json).contains("the file is empty"));
    let latin1 = "id,title\nc1,Caf\u{fffd} heat pumps\n";
    assert!(problems(latin1, CourseFormat::Csv).contains("save the file as \"CSV UTF-8\""));
}

#[test]
fn every_rejection_names_the_users_row_never_the_merged_catalogue() {
    let mut planner = common::default_planner().unwrap();
    let catalogue_id = data().courses()[0].id.clone();
    let rows = [
        "c1,Heat pumps,0,,,,".to_owned(),
        "c1,Heat pumps,400,,,,".to_owned(),
        "c1,Heat pumps,1,9,,,".to_owned(),
        "c1,Heat pumps,1,2.5,,,".to_owned(),
        "c1,Heat pumps,1,,200000,,".to_owned(),
        "c1,Heat pumps,1,,-5,,".to_owned(),
        "c1,Heat pumps,1,,,c1,".to_owned(),
        "c1,Heat pumps,1,,,nope,".to_owned(),
        "c1,,1,,,,".to_owned(),
        "c1,Heat pumps,1,,,,ftp://example.org".to_owned(),
        format!("{catalogue_id},Heat pumps,1,,,,"),
    ];
    for row in rows {
        let csv = format!("id,title,weeks,level,cost,requires,source\n{row}\nc2,Other,1,,,,\n");
        for mode in ["add", "replace"] {
            let Err(error) = planner.load_courses(&csv, "csv", mode) else {
                assert!(
                    row.starts_with(&catalogue_id) && mode == "replace",
                    "{row} loads ({mode})"
                );
                continue;
            };
            let message = error.to_string();
            assert!(
                message.contains("row 1 (line 2)"),
                "{row} ({mode}): {message}"
            );
            assert!(!message.contains("courses["), "{row} ({mode}): {message}");
        }
    }
    let cycle = "id,title,requires\na,A,b\nb,B,a\n";
    let message = planner
        .load_courses(cycle, "csv", "add")
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("closes a cycle (\"a\" → \"b\" → \"a\")"),
        "{message}"
    );
}

#[test]
fn rows_with_the_wrong_number_of_cells_are_all_named_at_once() {
    let csv = "id,title,weeks\nc1,Heat pumps\nc2,Solar, PV,3\nc3,Wind,2\n";
    let message = problems(csv, CourseFormat::Csv);
    assert!(
        message.contains("row 1 (line 2), row: 2 cells where the header has 3"),
        "{message}"
    );
    assert!(
        message.contains("row 2 (line 3), row: 4 cells where the header has 3"),
        "{message}"
    );
    assert!(!message.contains("row 3 "), "{message}");
    assert!(!message.contains("must not be empty"), "{message}");
}
