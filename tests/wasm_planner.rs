//! The `Planner` class as JavaScript sees it, run in node and in headless Chromium.
#![cfg(target_arch = "wasm32")]
// Tests and their helpers: a failure is the test's failure, said by the panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::Read;

use greenpath::wasm::Planner;
use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

/// The committed parts, gzipped, core first.
static PARTS_GZ: [&[u8]; 5] = [
    include_bytes!("../data/parts/core.bin.gz"),
    include_bytes!("../data/parts/skills.bin.gz"),
    include_bytes!("../data/parts/skill-names.bin.gz"),
    include_bytes!("../data/parts/details.bin.gz"),
    include_bytes!("../data/parts/courses.bin.gz"),
];

/// A string argument.
fn s(text: impl AsRef<str>) -> JsValue {
    JsValue::from_str(text.as_ref())
}

/// A number argument.
fn n(value: f64) -> JsValue {
    JsValue::from_f64(value)
}

/// A bytes argument.
fn b(bytes: impl AsRef<[u8]>) -> JsValue {
    js_sys::Uint8Array::from(bytes.as_ref()).into()
}

/// A list of ids.
fn id_list(list: Vec<String>) -> JsValue {
    list.iter()
        .map(|i| JsValue::from_str(i))
        .collect::<js_sys::Array>()
        .into()
}

/// An optional area code.
fn area(code: Option<&str>) -> JsValue {
    code.map_or(JsValue::UNDEFINED, JsValue::from_str)
}

fn part(i: usize) -> Vec<u8> {
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(PARTS_GZ[i])
        .read_to_end(&mut bytes)
        .expect("valid gzip");
    bytes
}

/// A planner with every part, added after the core as the page does.
fn whole_planner() -> Planner {
    let mut planner = Planner::new(b(part(0))).expect("the core loads");
    for i in 1..5 {
        planner.add_part(b(part(i))).expect("each part loads");
    }
    planner
}

fn planner() -> &'static Planner {
    // Parse the data once per test run: wasm tests share one thread.
    thread_local! {
        static PLANNER: &'static Planner =
            Box::leak(Box::new(whole_planner()));
    }
    PLANNER.with(|planner| *planner)
}

fn plain(value: Result<JsValue, JsValue>) -> Value {
    serde_wasm_bindgen::from_value(value.expect("call succeeds")).expect("plain JSON data")
}

fn error_message(value: JsValue) -> String {
    js_sys::Error::from(value).message().into()
}

#[wasm_bindgen_test]
fn dataset_info_counts_the_real_data() {
    let info = plain(planner().dataset_info());
    assert_eq!(info["occupations"], 3007);
    assert!(info["skills"].as_u64().unwrap() > 13_000);
    assert!(info["attribution"].as_str().unwrap().contains("ESCO"));
}

#[wasm_bindgen_test]
fn search_with_a_typo_finds_welder_first() {
    let hits = plain(planner().search_occupations(s("weldr"), n(5.0)));
    assert_eq!(hits[0]["label"], "welder");
    assert_eq!(hits[0]["isco"], "7212");
}

#[wasm_bindgen_test]
fn similar_occupations_explain_with_real_skills() {
    let welder = plain(planner().search_occupations(s("welder"), n(1.0)))[0]["id"].clone();
    let welder = welder.as_str().unwrap();
    let detail = plain(planner().occupation(s(welder)));
    let essential: Vec<&str> = detail["essentialSkills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    let similar = plain(planner().similar_occupations(s(welder), n(20.0)));
    let similar = similar.as_array().unwrap();
    assert_eq!(similar.len(), 20);
    for result in similar {
        assert_ne!(result["id"], welder);
        for shared in result["sharedEssential"].as_array().unwrap() {
            assert!(essential.contains(&shared["id"].as_str().unwrap()));
        }
    }
}

#[wasm_bindgen_test]
fn bad_arguments_are_errors_naming_field_and_value() {
    let message = error_message(planner().occupation(s("no-such-id")).unwrap_err());
    assert!(
        message.contains("id") && message.contains("no-such-id"),
        "{message}"
    );
    let message = error_message(
        planner()
            .search_occupations(s("gas"), n(f64::NAN))
            .unwrap_err(),
    );
    assert!(
        message.contains("limit") && message.contains("NaN"),
        "{message}"
    );
    let message = error_message(planner().similar_occupations(s("x"), n(-1.0)).unwrap_err());
    assert!(message.contains("x"), "{message}");
}

#[wasm_bindgen_test]
fn blank_search_is_empty_not_an_error() {
    let hits = plain(planner().search_occupations(s("   "), n(10.0)));
    assert_eq!(hits.as_array().unwrap().len(), 0);
}

#[wasm_bindgen_test]
fn broken_data_is_an_error_not_a_panic() {
    let message = error_message(Planner::new(b(b"{not json")).err().expect("rejected"));
    assert!(message.contains("could not be read"), "{message}");
    let message = error_message(Planner::new(b(b"")).err().expect("rejected"));
    assert!(message.contains("could not be read"), "{message}");
    let core = part(0);
    let message = error_message(
        Planner::new(b(&core[..core.len() / 3]))
            .err()
            .expect("rejected"),
    );
    assert!(message.contains("core part is damaged"), "{message}");
}

#[wasm_bindgen_test]
fn the_core_answers_search_and_names_the_part_a_question_needs() {
    let mut planner = Planner::new(b(part(0))).expect("the core loads");
    assert_eq!(planner.parts(), ["core"]);
    let hits = plain(planner.search_occupations(s("gas engineer"), n(3.0)));
    let id = hits[0]["id"].as_str().unwrap().to_owned();
    let error = planner
        .occupation(s(&id))
        .expect_err("needs the skills part");
    let kind = js_sys::Reflect::get(&error, &"kind".into()).unwrap();
    let field = js_sys::Reflect::get(&error, &"field".into()).unwrap();
    assert_eq!(
        (kind.as_string(), field.as_string()),
        (Some("partMissing".into()), Some("skills".into()))
    );
    assert_eq!(
        planner.add_part(b(part(3))).expect("details load"),
        "details"
    );
    assert!(planner.description(s(&id)).expect("described").len() > 20);
    assert_eq!(planner.add_part(b(part(1))).expect("skills load"), "skills");
    let error = planner
        .occupation(s(&id))
        .expect_err("needs the skills' names");
    let field = js_sys::Reflect::get(&error, &"field".into()).unwrap();
    assert_eq!(field.as_string(), Some("skill-names".into()));
    let brief = js_sys::JSON::parse(r#"{"onlyGreen": true, "count": 5, "brief": true}"#).unwrap();
    let moves = plain(planner.transitions(s(&id), brief));
    assert!(moves[0]["skillCounts"]["missing"].as_u64().is_some());
    assert_eq!(moves[0]["missing"], serde_json::json!([]));
    assert_eq!(
        planner.add_part(b(part(2))).expect("names load"),
        "skill-names"
    );
    let detail = plain(planner.occupation(s(&id)));
    assert!(detail["essentialSkills"].as_array().unwrap().len() > 5);
}

#[wasm_bindgen_test]
fn transitions_rank_green_moves_with_reasons() {
    let origin = plain(planner().search_occupations(s("gas service technician"), n(1.0)))[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let options = js_sys::JSON::parse(r#"{"onlyGreen": true, "count": 10}"#).unwrap();
    let moves = plain(planner().transitions(s(&origin), options));
    let moves = moves.as_array().unwrap();
    assert!(!moves.is_empty());
    for m in moves {
        assert_eq!(m["flags"]["green"], true);
        let score = m["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score));
    }
}

#[wasm_bindgen_test]
fn transition_options_errors_name_the_field() {
    let origin = plain(planner().search_occupations(s("welder"), n(1.0)))[0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for (options, field) in [
        (r#"{"colour": "green"}"#, "colour"),
        (r#"{"green": "emerald"}"#, "emerald"),
        (r#"{"payFloor": -5}"#, "payFloor"),
        (r#"{"extraSkills": ["nope"]}"#, "nope"),
        (r#"{"count": 1.5}"#, "count"),
    ] {
        let value = js_sys::JSON::parse(options).unwrap();
        let message = error_message(planner().transitions(s(&origin), value).unwrap_err());
        assert!(message.contains(field), "{options}: {message}");
    }
}

#[wasm_bindgen_test]
fn skills_can_be_found_to_add() {
    let skills = plain(planner().search_skills(s("heat pump"), n(5.0)));
    let skills = skills.as_array().unwrap();
    assert!(skills
        .iter()
        .any(|s| s["label"].as_str().unwrap().contains("heat pump")));
}

fn first_id(query: &str) -> String {
    plain(planner().search_occupations(s(query), n(1.0)))[0]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[wasm_bindgen_test]
fn a_plan_lists_ordered_courses_and_what_is_left() {
    let origin = first_id("gas service technician");
    let destination = first_id("refrigeration air condition and heat pump technician");
    let plan = plain(planner().plan(s(&origin), s(&destination), JsValue::UNDEFINED));
    assert_eq!(plan["origin"]["id"], origin.as_str());
    assert_eq!(plan["status"], "optimal");
    let gap = plan["gap"].as_array().unwrap().len();
    let left = plan["leftToLearn"].as_array().unwrap().len();
    assert!(gap >= left);
    for step in plan["steps"].as_array().unwrap() {
        assert!(!step["closes"].as_array().unwrap().is_empty());
    }
}

#[wasm_bindgen_test]
fn plan_options_errors_name_the_field() {
    let origin = first_id("welder");
    for (options, field) in [
        (r#"{"budget": -1}"#, "budget"),
        (r#"{"delivery": ["by pigeon"]}"#, "pigeon"),
        (r#"{"moneyVsTime": 3}"#, "moneyVsTime"),
        (r#"{"heldCourses": ["nope"]}"#, "nope"),
        (r#"{"budgett": 5}"#, "budgett"),
    ] {
        let value = js_sys::JSON::parse(options).unwrap();
        let message = error_message(planner().plan(s(&origin), s(&origin), value).unwrap_err());
        assert!(message.contains(field), "{options}: {message}");
    }
}

#[wasm_bindgen_test]
fn pathways_end_in_green_jobs() {
    let origin = first_id("gas service technician");
    let options = js_sys::JSON::parse(r#"{"maxMoves": 2}"#).unwrap();
    let routes = plain(planner().pathways(s(&origin), options));
    for route in routes.as_array().unwrap() {
        let steps = route["steps"].as_array().unwrap();
        assert!(!steps.is_empty() && steps.len() <= 2);
        assert_eq!(steps.last().unwrap()["green"], true);
    }
}

#[wasm_bindgen_test]
fn a_null_pay_floor_means_no_floor() {
    let origin = first_id("gas service technician");
    let none = js_sys::JSON::parse(r#"{"payFloor": null, "count": 3006}"#).unwrap();
    let high = js_sys::JSON::parse(r#"{"payFloor": 1000000, "count": 3006}"#).unwrap();
    let desirable = |v: Value| {
        v.as_array()
            .unwrap()
            .iter()
            .filter(|m| m["flags"]["desirable"] == true)
            .count()
    };
    let without_floor = desirable(plain(planner().transitions(s(&origin), none)));
    let impossible_floor = desirable(plain(planner().transitions(s(&origin), high)));
    assert!(without_floor > 0);
    assert_eq!(impossible_floor, 0);
}

#[wasm_bindgen_test]
fn options_that_cannot_be_json_are_errors_not_aborts() {
    let origin = first_id("welder");
    let function = js_sys::Function::new_no_args("return 1");
    let message = error_message(
        planner()
            .plan(s(&origin), s(&origin), function.into())
            .unwrap_err(),
    );
    assert!(message.starts_with("options:"), "{message}");
}

#[wasm_bindgen_test]
fn a_pasted_document_as_a_query_is_cut_short_not_stalled() {
    let huge = "weld ".repeat(200_000);
    let hits = plain(planner().search_occupations(s(&huge), n(5.0)));
    assert!(hits.as_array().unwrap().len() <= 5);
}

#[wasm_bindgen_test]
fn a_college_course_list_is_checked_by_row_and_field() {
    // A fresh planner: loading courses changes the catalogue.
    let mut planner = whole_planner();
    let before = plain(planner.courses()).as_array().unwrap().len();
    let bad = "id,title,weeks,teaches\nc1,Heat pumps,abc,nope\n";
    let message = error_message(
        planner
            .load_courses(s(bad), s("csv"), s("add"))
            .unwrap_err(),
    );
    assert!(message.contains("row 1 (line 2), weeks"), "{message}");
    assert!(message.contains("teaches: \"nope\""), "{message}");
    assert_eq!(plain(planner.courses()).as_array().unwrap().len(), before);
    let good = r#"[{"id": "college-1", "title": "College heat pump course", "weeks": 1}]"#;
    let loaded = plain(planner.load_courses(s(good), s("json"), s("replace")));
    assert_eq!(
        (loaded["catalogue"].as_u64(), loaded["loaded"].as_u64()),
        (Some(1), Some(1))
    );
    let message = error_message(
        planner
            .load_courses(s(good), s("xml"), s("add"))
            .unwrap_err(),
    );
    assert!(message.starts_with("format:"), "{message}");
}

#[wasm_bindgen_test]
fn a_gas_engineer_is_shown_the_recognised_heat_pump_route_with_its_source() {
    let hits = plain(planner().search_occupations(s("gas engineer"), n(1.0)));
    assert_eq!(hits[0]["label"], "gas service technician");
    assert_eq!(hits[0]["matchedKind"], "ukTitle");
    let options = js_sys::JSON::parse(r#"{"onlyGreen": true, "count": 5}"#).unwrap();
    let moves = plain(planner().transitions(s(hits[0]["id"].as_str().unwrap()), options));
    let first = &moves[0];
    assert_eq!(
        first["label"],
        "refrigeration air condition and heat pump technician"
    );
    assert_eq!(first["recognised"]["open"], false);
    assert!(first["recognised"]["source"]
        .as_str()
        .unwrap()
        .starts_with("https://"));
    assert!(
        first["green"]["curated"]["evidence"]
            .as_str()
            .unwrap()
            .len()
            > 10
    );
    assert!(first["estimatedFrom"]["from"].as_str().is_some());
    let plan = plain(planner().plan(
        s(hits[0]["id"].as_str().unwrap()),
        s(first["id"].as_str().unwrap()),
        JsValue::UNDEFINED,
    ));
    assert_eq!(plan["route"]["id"], first["recognised"]["id"]);
    assert_eq!(plan["steps"][0]["bridging"], true);
}

#[wasm_bindgen_test]
fn every_green_basis_key_is_accepted() {
    // (The TypeScript type `GreenBasis` is generated from the same enum; the browser test
    // `wasm-build.test.mjs` reads it in the built declarations.)
    let origin = first_id("welder");
    for basis in greenpath::classification::GreenBasis::ALL {
        let options =
            js_sys::JSON::parse(&format!(r#"{{"green": "{}", "count": 3}}"#, basis.key())).unwrap();
        plain(planner().transitions(s(&origin), options));
    }
}

#[wasm_bindgen_test]
fn errors_carry_kind_field_and_the_value_as_given() {
    let origin = first_id("welder");
    let options = js_sys::JSON::parse(r#"{"extraSkills": ["a\"b\\c\nd"]}"#).unwrap();
    let error = planner()
        .transitions(s(&origin), options)
        .expect_err("rejected");
    let get = |name: &str| {
        js_sys::Reflect::get(&error, &name.into())
            .unwrap()
            .as_string()
    };
    assert_eq!(get("kind").as_deref(), Some("unknownSkill"));
    assert_eq!(get("field").as_deref(), Some("extraSkills"));
    assert_eq!(get("value").as_deref(), Some("a\"b\\c\nd"));
    let mut own = whole_planner();
    let bad = own
        .load_courses(s("id,title\n,\n"), s("csv"), s("add"))
        .expect_err("rejected");
    let problems = js_sys::Reflect::get(&bad, &"problems".into()).unwrap();
    let problems = js_sys::Array::from(&problems);
    assert!(problems.length() >= 1);
    assert!(problems
        .iter()
        .all(|p| p.as_string().unwrap().starts_with("row ")));
}

/// A whole planner with the local picture loaded (as the college page's worker does).
fn college_planner() -> Planner {
    let mut planner = whole_planner();
    let mut local = Vec::new();
    flate2::read::GzDecoder::new(&include_bytes!("../data/parts/local.bin.gz")[..])
        .read_to_end(&mut local)
        .expect("valid gzip");
    planner
        .add_local(b(&local))
        .expect("the local picture loads");
    planner
}

#[wasm_bindgen_test]
fn a_college_plans_for_a_real_area_in_wasm_and_bad_input_is_an_error_not_a_trap() {
    let planner = college_planner();
    let picture = plain(planner.local_picture(s("UKE11")));
    assert_eq!(picture["area"]["name"], "Kingston upon Hull, City of");
    let origins: Vec<Value> = picture["workers"]
        .as_array()
        .unwrap()
        .iter()
        .take(6)
        .map(|w| serde_json::json!({ "occupation": w["occupation"]["id"], "count": 10 }))
        .collect();
    let destinations: Vec<Value> = picture["demand"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| serde_json::json!({ "occupation": d["occupation"]["id"], "count": d["openings"] }))
        .collect();
    let ids: Vec<String> = destinations
        .iter()
        .map(|d| d["occupation"].as_str().unwrap().to_owned())
        .collect();
    let candidates = plain(planner.college_candidates(id_list(ids), area(None)));
    let courses: Vec<Value> = candidates
        .as_array()
        .unwrap()
        .iter()
        .take(40)
        .map(|c| serde_json::json!({ "course": c["course"]["id"] }))
        .collect();
    let input = serde_json::json!({
        "origins": origins, "destinations": destinations, "courses": courses,
        "budget": 40000, "timeLimit": 5
    });
    let to_js = |v: &Value| {
        v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .unwrap()
    };
    use serde::Serialize;
    let plan = plain(planner.plan_portfolio(to_js(&input)));
    assert_eq!(plan["outcome"], "planned");
    assert!(plan["placements"].as_f64().unwrap() > 0.0);
    assert!(plan["cost"].as_f64().unwrap() <= 40000.0);
    let mut bad = input.clone();
    bad["budget"] = serde_json::json!("lots");
    let e = error_message(planner.plan_portfolio(to_js(&bad)).unwrap_err());
    assert!(e.contains("budget"), "{e}");
    // The same instance still answers.
    assert_eq!(
        plain(planner.plan_portfolio(to_js(&input)))["outcome"],
        "planned"
    );
}

#[wasm_bindgen_test]
fn a_council_plans_a_fair_transition_for_a_real_area_in_wasm_and_bad_input_is_an_error_not_a_trap()
{
    use serde::Serialize;
    let to_js = |v: &Value| {
        v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .unwrap()
    };
    let planner = college_planner();
    let picture = plain(planner.local_picture(s("UKE11")));
    let groups: Vec<Value> = picture["workers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["workers"].as_f64().unwrap() > 0.0)
        .map(
            |w| serde_json::json!({ "occupation": w["occupation"]["id"], "workers": w["workers"] }),
        )
        .collect();
    let destinations: Vec<Value> = picture["demand"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| serde_json::json!({ "occupation": d["occupation"]["id"], "count": d["openings"] }))
        .collect();
    let input = serde_json::json!({
        "groups": groups, "destinations": destinations, "budget": 200000, "floor": 0.1, "timeLimit": 5
    });
    let seen = plain(planner.council_picture(to_js(&input)));
    assert!(seen["routes"].as_u64().unwrap() > 0);
    let mut priced = input.clone();
    priced["courses"] = seen["courses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| serde_json::json!({ "course": c["course"]["id"], "costPerPerson": 1000, "capacity": 20 }))
        .collect();
    let plan = plain(planner.plan_council(to_js(&priced)));
    assert_eq!(plan["outcome"], "planned", "{plan}");
    assert!(plan["cost"].as_f64().unwrap() <= 200000.0);
    assert!(plan["transitions"].as_u64().unwrap() > 0);
    let mut bad = priced.clone();
    bad["floor"] = serde_json::json!(1.5);
    let e = error_message(planner.plan_council(to_js(&bad)).unwrap_err());
    assert!(e.contains("floor"), "{e}");
    // A problem given directly, by index.
    let direct = serde_json::json!({
        "groups": [{ "workers": 10, "carbon": 1 }],
        "destinations": [6],
        "courses": [{ "capacity": 4, "costPerPerson": 100 }],
        "routes": [
            { "origin": 0, "destination": 0, "kind": "direct", "courses": [], "uplift": 0 },
            { "origin": 0, "destination": 0, "courses": [0], "uplift": 0.2 }
        ],
        "floor": 0.5
    });
    let solved = plain(greenpath::wasm::solve_council(to_js(&direct)));
    assert_eq!(solved["transitions"], 6);
    assert_eq!(solved["people"], serde_json::json!([2, 4]));
    let mut wrong = direct.clone();
    wrong["routes"][0]["destination"] = serde_json::json!(3);
    assert!(
        error_message(greenpath::wasm::solve_council(to_js(&wrong)).unwrap_err())
            .contains("routes")
    );
    // The same instance still answers.
    assert_eq!(
        plain(planner.plan_council(to_js(&priced)))["outcome"],
        "planned"
    );
}
