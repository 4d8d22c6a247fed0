//! The course catalogue of the default dataset (curated green courses and IfATE apprenticeship
//! standards), the validation rules for courses, and the gap encoding of skill lists.
//!
//! Native only: it reads the committed dataset from disk.
#![cfg(not(target_arch = "wasm32"))]
// Tests and their helpers: a failure is the test's failure, said by the panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use greenpath::model::{
    Course, CourseKind, CourseLink, DataFile, Delivery, Funding, COURSE_LINK_THRESHOLD,
};
use greenpath::{Dataset, Error};

const TINY_VALID: &str = include_str!("fixtures/tiny_valid.json");
const COURSE_RULES_BROKEN: &str = include_str!("fixtures/course_rules_broken.json");

fn data() -> &'static Dataset {
    &common::default_data().0
}

fn course<'a>(data: &'a Dataset, id: &str) -> &'a Course {
    let index = data
        .course_id(id)
        .unwrap_or_else(|| panic!("no course {id:?}"));
    data.course(index)
}

/// The first course with exactly this title.
fn course_titled<'a>(data: &'a Dataset, title: &str) -> &'a Course {
    data.courses()
        .iter()
        .find(|c| c.title == title)
        .unwrap_or_else(|| panic!("no course titled {title:?}"))
}

fn link_to(data: &Dataset, course: &Course, label: &str) -> Option<f32> {
    let occupation = common::by_label(data, label);
    course
        .occupations
        .iter()
        .find(|l| l.0 == occupation)
        .map(|l| l.1)
}

#[test]
fn the_catalogue_has_curated_courses_and_the_other_standards() {
    let data = data();
    let courses = data.courses();
    // 90 curated rows (83 of the shared list's 84, one naming no source left out, and 7 of
    // the project's own; 30 merged with their standard) + 485 other standards.
    assert_eq!(courses.len(), 575);
    let standards = courses
        .iter()
        .filter(|c| c.id.starts_with("ifate-"))
        .count();
    assert_eq!(standards, 485);
    for (i, c) in courses.iter().enumerate() {
        assert_eq!(data.course_id(&c.id), Some(i as u32), "{}", c.id);
    }
    assert_eq!(data.course_id("no-such-course"), None);
}

#[test]
fn heat_pump_courses_teach_real_dataset_skills() {
    let data = data();
    let heat_pump_courses: Vec<&Course> = data
        .courses()
        .iter()
        .filter(|c| c.id.starts_with("hp_l3_"))
        .collect();
    assert_eq!(heat_pump_courses.len(), 5, "five Level 3 heat pump awards");
    for c in &heat_pump_courses {
        assert_eq!(c.level, Some(3), "{}", c.id);
        assert_eq!(c.kind, CourseKind::Qualification, "{}", c.id);
        assert!(!c.teaches.is_empty(), "{}", c.id);
        assert!(c.teaches.windows(2).all(|w| w[0] < w[1]), "{}", c.id);
        let labels: Vec<&str> = c
            .teaches
            .iter()
            .map(|&s| data.skill(s).label.as_str())
            .collect();
        assert!(
            labels.contains(&"install heat pump"),
            "{}: {labels:?}",
            c.id
        );
        assert_eq!(
            link_to(
                data,
                c,
                "refrigeration air condition and heat pump technician"
            ),
            Some(1.0),
            "{}",
            c.id
        );
    }
    let lcl = course(data, "hp_l3_ashp_lcl");
    assert_eq!(lcl.cost, Some(600), "DESNZ: usually around £600");
    assert_eq!(lcl.funding, Funding::GrantPartFunded);
    assert_eq!(lcl.delivery, Delivery::Classroom);
    assert_eq!(lcl.weeks, Some(1.0));
    assert!(lcl.source.starts_with("https://"));
    assert!(lcl.notes.contains("Heat Training Grant"), "{}", lcl.notes);
}

#[test]
fn curated_courses_without_a_price_have_no_cost() {
    let data = data();
    // Costs are never invented: most curated rows have none, and a funding band is not a price.
    let gwo = course(data, "gwo_bst");
    assert_eq!(gwo.cost, None);
    assert_eq!(gwo.kind, CourseKind::ShortCourse);
    let heat_networks = course(data, "heat_networks_htg");
    assert_eq!(heat_networks.cost, None, "the £500 grant is not the price");
    let bootcamp = course(data, "bootcamp_wmca_ashp");
    assert_eq!(bootcamp.cost, Some(0), "free to the learner");
    assert_eq!(bootcamp.kind, CourseKind::Bootcamp);
    assert_eq!(bootcamp.funding, Funding::SkillsBootcamp);
    let lcht = course(data, "lcht_apprenticeship");
    assert_eq!((lcht.cost, lcht.max_funding), (None, Some(22_000)));
}

#[test]
fn a_curated_standard_is_one_record_with_its_ifate_figures() {
    let data = data();
    let rachp = course(data, "appr_rachp_technician");
    assert_eq!(
        rachp.title,
        "Refrigeration air conditioning and heat pump engineering technician"
    );
    assert_eq!(rachp.provider, "Apprenticeship standard (IfATE)");
    assert_eq!(rachp.kind, CourseKind::Apprenticeship);
    assert_eq!(rachp.funding, Funding::ApprenticeshipLevy);
    assert_eq!(rachp.delivery, Delivery::Workplace);
    assert_eq!(
        (rachp.level, rachp.weeks, rachp.max_funding, rachp.cost),
        (Some(3), Some(156.0), Some(18_000), None)
    );
    assert!(!rachp.teaches.is_empty(), "curated skills are kept");
    assert_eq!(
        link_to(
            data,
            rachp,
            "refrigeration air condition and heat pump technician"
        ),
        Some(1.0)
    );
    // Not also listed as a plain standard.
    let same_title = data
        .courses()
        .iter()
        .filter(|c| c.title == rachp.title)
        .count();
    assert_eq!(same_title, 1);
}

#[test]
fn standards_link_to_the_matching_esco_occupation() {
    let data = data();
    // Neither a heat pump installer nor a wind turbine standard is in the July 2021 file; these
    // two green-economy standards are linked by the builder, not by hand.
    for (title, label) in [
        ("Water treatment technician", "water plant technician"),
        ("Smart home technician", "smart home installer"),
        ("Pipe welder", "pipe welder"),
    ] {
        let standard = course_titled(data, title);
        assert!(standard.id.starts_with("ifate-"), "{}", standard.id);
        let confidence = link_to(data, standard, label)
            .unwrap_or_else(|| panic!("{title} is not linked to {label}"));
        assert!(
            confidence >= COURSE_LINK_THRESHOLD,
            "{title} → {label}: {confidence}"
        );
    }
}

#[test]
fn standards_carry_ifate_facts_and_leave_skills_to_the_core() {
    let data = data();
    for c in data.courses().iter().filter(|c| c.id.starts_with("ifate-")) {
        assert_eq!(c.kind, CourseKind::Apprenticeship, "{}", c.id);
        assert_eq!(c.funding, Funding::ApprenticeshipLevy, "{}", c.id);
        assert_eq!(c.delivery, Delivery::Workplace, "{}", c.id);
        assert_eq!(c.provider, "Apprenticeship standard (IfATE)", "{}", c.id);
        assert!(c.teaches.is_empty(), "{}", c.id);
        assert_eq!(c.cost, None, "{}", c.id);
        assert!(c.max_funding.is_some() && c.level.is_some(), "{}", c.id);
        let weeks = c.weeks.expect("every standard has a typical duration");
        assert_eq!(weeks, (weeks * 10.0).round() / 10.0, "{}", c.id);
        assert!(
            c.source
                .starts_with("https://www.instituteforapprenticeships.org/"),
            "{}",
            c.source
        );
        assert!(c.occupations.len() <= 3, "{}", c.id);
        assert!(
            c.occupations.windows(2).all(|w| w[0].1 >= w[1].1),
            "{}: most confident first",
            c.id
        );
        for link in &c.occupations {
            assert!((0.3..=1.0).contains(&link.1), "{}: {link:?}", c.id);
            assert_eq!(link.1, (link.1 * 100.0).round() / 100.0, "{}", c.id);
        }
    }
}

#[test]
fn every_course_keeps_the_rules() {
    let data = data();
    let n_skills = data.skills().len() as u32;
    let n_occupations = data.occupations().len() as u32;
    for (i, c) in data.courses().iter().enumerate() {
        assert!(!c.id.is_empty() && !c.title.is_empty(), "courses[{i}]");
        assert!(c.level.is_none_or(|l| (1..=8).contains(&l)), "{}", c.id);
        assert!(c.weeks.is_none_or(|w| w > 0.0 && w.is_finite()), "{}", c.id);
        assert!(c.teaches.iter().all(|&s| s < n_skills), "{}", c.id);
        assert!(
            c.occupations.iter().all(|l| l.0 < n_occupations),
            "{}",
            c.id
        );
        assert!(c.notes.chars().count() <= 160, "{}", c.id);
        assert!(c.prerequisites.chars().count() <= 200, "{}", c.id);
        assert!(c.requires.iter().all(|&r| r as usize != i), "{}", c.id);
    }
    // The one prerequisite that names another catalogue course.
    let l3 = course(data, "imi_ev_l3");
    let l2 = data.course_id("imi_ev_l2").unwrap();
    assert_eq!(l3.requires, [l2]);
}

#[test]
fn skill_lists_round_trip_through_their_gap_encoding() {
    let json = common::default_json();
    let file: DataFile = serde_json::from_slice(&json).unwrap();
    // The committed file is exactly what serde writes, so decoding and encoding round-trips.
    let again = serde_json::to_vec(&file).unwrap();
    assert!(again == json, "re-encoding the dataset changes its bytes");
    let back: DataFile = serde_json::from_slice(&again).unwrap();
    assert_eq!(back, file);

    // On disk the lists are gaps; in memory they are the running sums.
    let raw: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let mut checked = 0;
    for (stored, occupation) in raw["occupations"]
        .as_array()
        .unwrap()
        .iter()
        .zip(&file.occupations)
    {
        let gaps: Vec<u32> = stored["essential"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap() as u32)
            .collect();
        let sums: Vec<u32> = gaps
            .iter()
            .scan(0u32, |sum, &gap| {
                *sum += gap;
                Some(*sum)
            })
            .collect();
        assert_eq!(sums, occupation.essential, "{}", occupation.id);
        checked += usize::from(gaps != occupation.essential);
    }
    assert!(checked > 2_900, "almost every list differs from its gaps");
}

#[test]
fn gap_sums_beyond_u32_are_decode_errors() {
    let json = TINY_VALID.replacen("\"essential\":[0,1,1]", "\"essential\":[4294967295,1]", 1);
    match Dataset::from_json(json.as_bytes()) {
        Err(Error::Decode { message }) => {
            assert!(message.contains("gap 1 after id 4294967295"), "{message}")
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
    for bad in ["[-1]", "[1.5]", "[\"1\"]", "1"] {
        let json = TINY_VALID.replacen("\"essential\":[0,1,1]", &format!("\"essential\":{bad}"), 1);
        assert!(
            matches!(
                Dataset::from_json(json.as_bytes()),
                Err(Error::Decode { .. })
            ),
            "{bad} was accepted"
        );
    }
}

#[test]
fn a_list_that_is_not_ascending_cannot_be_encoded() {
    let mut file: DataFile = serde_json::from_str(TINY_VALID).unwrap();
    file.occupations[0].essential = vec![2, 1];
    let message = serde_json::to_string(&file).unwrap_err().to_string();
    assert!(message.contains("not ascending (1 after 2)"), "{message}");
}

#[test]
fn every_broken_course_rule_is_reported_with_its_place() {
    let found = match Dataset::from_json(COURSE_RULES_BROKEN.as_bytes()) {
        Err(Error::Invalid { problems }) => problems,
        other => panic!("expected Error::Invalid, got {other:?}"),
    };
    let expected = [
        "courses[0].title: must not be empty",
        "courses[0].level: 9 is outside 1 to 8",
        "courses[0].weeks: 0 is not a duration",
        "courses[0].cost: 100001 is above 100000",
        "courses[0].maxFunding: 200000 is above 100000",
        "courses[0].requires[0]: 0 is the course itself",
        "courses[0].requires[1]: index 7 is out of range (there are 4)",
        // Gaps [3,0,6] read as skills 3, 3 and 9.
        "courses[0].teaches[1]: 3 is not above the previous entry 3",
        "courses[0].teaches[2]: index 9 is out of range (there are 5)",
        "courses[0].occupations[0][0]: index 5 is out of range (there are 3)",
        "courses[0].occupations[1][1]: 1.5 is not a confidence from 0 to 1",
        "courses[0].source: \"ftp://example.org/c\" is not an http(s) URL",
        "courses[1].id: \"c-empty-title\" appears twice",
        "courses[1].weeks: 400 is not a duration",
        "courses[1].occupations[1][0]: occupation 0 is linked twice",
        "courses[2].id: must not be empty",
        // Cycles are named by course id ("courses[2]" has a blank id).
        "courses[3].requires: requiring \"c-empty-title\" closes a cycle (\"c-empty-title\" → \" \" → \"c-cycle\" → \"c-empty-title\")",
    ];
    common::assert_problems(&found, &expected);
}

#[test]
fn nan_durations_and_confidences_are_reported() {
    let mut file: DataFile = serde_json::from_str(COURSE_RULES_BROKEN).unwrap();
    file.courses.truncate(1);
    let course = &mut file.courses[0];
    course.title = "Fixed".to_owned();
    course.level = Some(3);
    course.weeks = Some(f32::NAN);
    course.cost = None;
    course.max_funding = None;
    course.requires.clear();
    course.teaches = vec![0, 4];
    course.occupations = vec![CourseLink(2, f32::NAN)];
    course.source = "https://example.org/c".to_owned();
    match Dataset::from_data_file(file) {
        Err(Error::Invalid { problems }) => assert_eq!(
            problems,
            [
                "courses[0].weeks: NaN is not a duration above 0 and at most 312 weeks",
                "courses[0].occupations[0][1]: NaN is not a confidence from 0 to 1",
            ]
        ),
        other => panic!("expected Error::Invalid, got {other:?}"),
    }
}

#[test]
fn a_valid_course_loads_and_is_found_by_id() {
    let mut file: DataFile = serde_json::from_str(TINY_VALID).unwrap();
    file.courses.push(Course {
        id: "hp".to_owned(),
        title: "Heat pump installation".to_owned(),
        provider: "A college".to_owned(),
        kind: CourseKind::ShortCourse,
        level: Some(3),
        weeks: Some(1.0),
        cost: Some(600),
        max_funding: None,
        funding: Funding::SelfFunded,
        delivery: Delivery::Classroom,
        prerequisites: String::new(),
        requires: Vec::new(),
        teaches: vec![3, 4],
        occupations: vec![CourseLink(2, 1.0)],
        source: "https://example.org/hp".to_owned(),
        notes: String::new(),
        areas: Vec::new(),
        available_in: String::new(),
    });
    let json = serde_json::to_string(&file).unwrap();
    assert!(json.contains("\"teaches\":[3,1]"), "stored as gaps: {json}");
    let data = Dataset::from_json(json.as_bytes()).expect("valid");
    assert_eq!(data.course_id("hp"), Some(0));
    assert_eq!(data.course(0).teaches, [3, 4]);
}

#[test]
fn every_course_bound_to_areas_names_real_areas_in_words() {
    let (data, _) = common::default_data();
    let mut planner = common::default_planner().unwrap();
    planner.add_local(&common::local_picture_bytes()).unwrap();
    let codes: Vec<String> = planner
        .local_areas()
        .unwrap()
        .into_iter()
        .map(|a| a.code)
        .collect();
    let bound: Vec<&Course> = data
        .courses()
        .iter()
        .filter(|c| !c.areas.is_empty())
        .collect();
    assert!(bound.len() >= 8, "{}", bound.len());
    for c in bound {
        assert!(!c.available_in.is_empty(), "{}", c.id);
        for prefix in &c.areas {
            assert!(
                codes.iter().any(|code| code.starts_with(prefix.as_str())),
                "{}: {prefix} matches no area",
                c.id
            );
        }
    }
    let swap = course(data, "wolvcoll_ev_swap");
    assert!(swap.open_in("UKG39") && !swap.open_in("UKM50"));
}
