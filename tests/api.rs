//! The core facade (`greenpath::api::Planner`) natively: the option checking the wasm binding
//! relies on, run here without a browser.
#![cfg(not(target_arch = "wasm32"))]
// Tests and their helpers: a failure is the test's failure, said by the panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::sync::OnceLock;

use greenpath::api::{
    options_from_json, PathwayOptionsDto, PlanOptionsDto, Planner, TransitionOptionsDto,
};
use greenpath::Error;

fn planner() -> &'static Planner {
    static PLANNER: OnceLock<Planner> = OnceLock::new();
    PLANNER.get_or_init(|| common::default_planner().expect("the default dataset loads"))
}

fn id_of(query: &str) -> String {
    planner().search_occupations(query, 1.0).unwrap()[0]
        .id
        .clone()
}

fn transition_options(json: &str) -> Result<TransitionOptionsDto, Error> {
    options_from_json(json)
}

/// The field an error names.
fn field(error: Error) -> String {
    error
        .field()
        .unwrap_or_else(|| panic!("no field in {error}"))
        .to_owned()
}

#[test]
fn default_options_answer_and_the_green_list_is_the_default() {
    let gas = id_of("gas engineer");
    let moves = planner()
        .transitions(
            &gas,
            transition_options(r#"{"onlyGreen": true, "count": 5}"#).unwrap(),
        )
        .unwrap();
    assert_eq!(moves.len(), 5);
    assert!(moves.iter().all(|m| m.green.curated.is_some()));
}

#[test]
fn unknown_option_fields_and_wrong_types_are_named() {
    let error = transition_options(r#"{"colour": "green"}"#).unwrap_err();
    assert_eq!(field(error.clone()), "colour");
    assert!(
        error.to_string().contains("unknown field `colour`"),
        "{error}"
    );
    let error = options_from_json::<PlanOptionsDto>(r#"{"budget": "lots"}"#).unwrap_err();
    assert_eq!(field(error.clone()), "budget");
    assert!(error.to_string().contains("\"lots\""), "{error}");
    let error = options_from_json::<PlanOptionsDto>(r#"{"budget": 5} trailing"#).unwrap_err();
    assert_eq!(field(error), "options");
}

#[test]
fn vocabulary_options_are_enums_and_a_word_outside_one_is_named_with_the_allowed_words() {
    for (json, expected, allowed) in [
        (
            r#"{"green": "emerald"}"#,
            "green",
            "`curated`, `consensus`, `any`",
        ),
        (
            r#"{"minViability": "somewhat"}"#,
            "minViability",
            "`any`, `viable`, `highlyViable`",
        ),
    ] {
        let error = transition_options(json).unwrap_err();
        assert_eq!(error.kind(), "invalidArgument");
        assert_eq!(field(error.clone()), expected, "{json}");
        assert!(error.to_string().contains(allowed), "{error}");
    }
    let error = options_from_json::<PlanOptionsDto>(r#"{"delivery": ["online", "by pigeon"]}"#)
        .unwrap_err();
    assert_eq!(field(error.clone()), "delivery");
    assert!(
        error
            .to_string()
            .starts_with("delivery[1]: unknown variant `by pigeon`"),
        "{error}"
    );
    // Every name the enums accept is the name they report (one vocabulary, both ways).
    for basis in greenpath::classification::GreenBasis::ALL {
        let json = format!(r#"{{"green": "{}"}}"#, basis.key());
        let options = transition_options(&json).unwrap();
        assert_eq!(options.green, Some(basis));
        assert_eq!(
            serde_json::to_string(&basis).unwrap(),
            format!("\"{}\"", basis.key())
        );
    }
}

#[test]
fn out_of_range_transition_options_name_their_field() {
    let welder = id_of("welder");
    for (json, expected) in [
        (r#"{"count": 2.5}"#, "count"),
        (r#"{"count": -1}"#, "count"),
        (r#"{"payFloor": -5}"#, "payFloor"),
        (r#"{"desirablePayRatio": 20}"#, "desirablePayRatio"),
        (r#"{"escoGreenMinShare": 0}"#, "escoGreenMinShare"),
    ] {
        let error = planner()
            .transitions(&welder, transition_options(json).unwrap())
            .unwrap_err();
        assert_eq!(field(error), expected, "{json}");
    }
}

#[test]
fn an_unknown_skill_is_its_own_error_with_the_id_as_given() {
    let welder = id_of("welder");
    let options = transition_options(r#"{"extraSkills": ["a\"b\\c"]}"#).unwrap();
    let error = planner().transitions(&welder, options).unwrap_err();
    assert_eq!(error.kind(), "unknownSkill");
    assert_eq!(error.value(), Some("a\"b\\c"));
}

#[test]
fn a_null_pay_floor_means_none_and_only_desirable_filters() {
    let welder = id_of("welder");
    let all = planner()
        .transitions(
            &welder,
            transition_options(r#"{"payFloor": null, "count": 50}"#).unwrap(),
        )
        .unwrap();
    let desirable = planner()
        .transitions(
            &welder,
            transition_options(r#"{"payFloor": null, "onlyDesirable": true, "count": 50}"#)
                .unwrap(),
        )
        .unwrap();
    assert!(desirable.iter().all(|t| t.flags.desirable));
    assert!(desirable.len() <= all.len());
}

#[test]
fn plan_and_pathway_options_name_their_field() {
    let gas = id_of("gas engineer");
    let pump = id_of("heat pump installer");
    for (json, expected) in [
        (r#"{"heldCourses": ["no-such-course"]}"#, "heldCourses"),
        (r#"{"budget": 2.5}"#, "budget"),
        (r#"{"maxWeeks": 10000}"#, "maxWeeks"),
        (r#"{"moneyVsTime": 2}"#, "moneyVsTime"),
    ] {
        let options: PlanOptionsDto = options_from_json(json).unwrap();
        let error = planner().plan(&gas, &pump, options).unwrap_err();
        assert_eq!(field(error), expected, "{json}");
    }
    let error = planner()
        .plan(&gas, "not-a-job", PlanOptionsDto::default())
        .unwrap_err();
    assert_eq!(field(error), "destination");
    let options: PathwayOptionsDto = options_from_json(r#"{"maxMoves": 4}"#).unwrap();
    assert_eq!(
        field(planner().pathways(&gas, options).unwrap_err()),
        "maxMoves"
    );
}

#[test]
fn a_plan_for_a_recognised_route_names_it() {
    let gas = id_of("gas engineer");
    let pump = id_of("heat pump installer");
    let plan = planner()
        .plan(&gas, &pump, PlanOptionsDto::default())
        .unwrap();
    let route = plan.route.expect("a recognised route");
    assert!(route.source.starts_with("https://"));
    assert!(plan.steps[0].bridging);
}

#[test]
fn course_list_format_and_mode_are_checked() {
    let mut own = common::default_planner().unwrap();
    assert_eq!(
        field(own.load_courses("id,title\n", "xml", "add").unwrap_err()),
        "format"
    );
    assert_eq!(
        field(own.load_courses("id,title\n", "csv", "merge").unwrap_err()),
        "mode"
    );
    let error = own.load_courses("id,title\n,\n", "csv", "add").unwrap_err();
    assert!(!error.problems().is_empty());
    assert!(
        error.problems().iter().all(|p| p.starts_with("row ")),
        "{error}"
    );
}

#[test]
fn a_new_course_list_takes_the_place_of_the_one_before() {
    let mut own = common::default_planner().unwrap();
    let catalogue = own.courses().unwrap().len();
    let list = "id,title,weeks\ncollege-a,College course A,2\n";
    assert_eq!(
        own.load_courses(list, "csv", "add").unwrap().catalogue as usize,
        catalogue + 1
    );
    // The same list again is not a clash with itself: it replaces the one loaded before.
    assert_eq!(
        own.load_courses(list, "csv", "add").unwrap().catalogue as usize,
        catalogue + 1
    );
    let other = "id,title,weeks\ncollege-b,College course B,3\ncollege-c,College course C,1\n";
    assert_eq!(
        own.load_courses(other, "csv", "add").unwrap().catalogue as usize,
        catalogue + 2
    );
    let ids: Vec<String> = own.courses().unwrap().into_iter().map(|c| c.id).collect();
    assert!(
        !ids.contains(&"college-a".to_owned()),
        "the earlier list is gone"
    );
    assert_eq!(
        own.load_courses(other, "csv", "replace").unwrap().catalogue,
        2
    );
}

#[test]
fn a_college_export_loads_with_its_own_column_names_and_other_columns_left_out() {
    let mut own = common::default_planner().unwrap();
    // As a spreadsheet of a college's courses might be saved.
    let export = "Course code,Course title,Campus,Fee (£),Duration (weeks),Mode of study,Skills,Target jobs,Start date\n\
                  HP101,Heat pump installation,North,\"£1,200\",2,Classroom,install heat pump,heat pump installer,September\n";
    let loaded = own.load_courses(export, "csv", "replace").unwrap();
    assert_eq!((loaded.catalogue, loaded.loaded), (1, 1));
    assert_eq!(loaded.ignored_columns, ["Campus", "Start date"]);
    let course = &own.courses().unwrap()[0];
    assert_eq!(
        (course.id.as_str(), course.cost, course.weeks),
        ("HP101", Some(1200), Some(2.0))
    );
    // Two headers giving one column are named.
    let error = own
        .load_courses("id,Course code,title\na,b,c\n", "csv", "add")
        .unwrap_err();
    assert!(
        error.to_string().contains("both give the \"id\" column"),
        "{error}"
    );
}
