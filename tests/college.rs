//! The college questions on real data: the local picture of real areas, where the gaps are,
//! and portfolio plans an adviser would recognise.
#![cfg(not(target_arch = "wasm32"))]
// Tests and their helpers: a failure is the test's failure, said by the panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use greenpath::api::{CollegeInputDto, CourseRunningDto, GroupDto, Planner};

fn planner() -> Planner {
    let mut planner = common::default_planner().expect("the committed parts load");
    planner
        .add_local(&common::local_picture_bytes())
        .expect("the committed local picture loads");
    planner
}

/// Every green job in demand in the picture, openings rounded.
fn demand_of(picture: &greenpath::api::LocalPictureDto) -> Vec<GroupDto> {
    picture
        .demand
        .iter()
        .map(|d| GroupDto {
            occupation: d.occupation.id.clone(),
            count: d.openings.round(),
        })
        .collect()
}

/// A college in `area`: its ten largest carbon-intensive origins (a twentieth of the workers
/// as learners), every destination in demand, and the candidate courses.
fn input_for(planner: &Planner, area: &str) -> CollegeInputDto {
    let picture = planner.local_picture(area).unwrap();
    let origins: Vec<GroupDto> = picture
        .workers
        .iter()
        .filter(|w| w.workers > 0)
        .take(10)
        .map(|w| GroupDto {
            occupation: w.occupation.id.clone(),
            count: (f64::from(w.workers) / 20.0).ceil(),
        })
        .collect();
    let destinations = demand_of(&picture);
    let ids: Vec<String> = destinations.iter().map(|d| d.occupation.clone()).collect();
    let courses: Vec<CourseRunningDto> = planner
        .college_candidates(&ids, None)
        .unwrap()
        .into_iter()
        .map(|c| CourseRunningDto {
            course: c.course.id,
            ..CourseRunningDto::default()
        })
        .collect();
    CollegeInputDto {
        origins,
        destinations,
        courses,
        budget: Some(250_000.0),
        tutor_hours: Some(2_500.0),
        // Generous, so a slow debug build on a busy machine still proves its plans.
        time_limit: Some(20.0),
        ..CollegeInputDto::default()
    }
}

fn labels_of<'a>(
    flows: impl Iterator<Item = &'a greenpath::api::PortfolioFlowDto>,
) -> Vec<(String, String)> {
    flows
        .map(|f| (f.origin.label.clone(), f.destination.label.clone()))
        .collect()
}

#[test]
fn a_hull_college_plan_keeps_its_limits_and_sends_people_to_jobs_an_adviser_would_recognise() {
    let planner = planner();
    let input = input_for(&planner, "UKE11");
    assert!(
        input.courses.len() >= 50,
        "{} candidates",
        input.courses.len()
    );
    let plan = planner.plan_portfolio(input.clone()).unwrap();
    assert_eq!(plan.outcome, "planned");
    assert!(plan.placements > 5.0, "{}", plan.placements);
    assert!(plan.cost <= 250_000.0 && plan.tutor_hours <= 2_500.0);
    assert!(
        ["optimal", "withinGap"].contains(&plan.status.as_str()),
        "{}",
        plan.status
    );
    assert!(plan.gap.unwrap() <= 0.0100001);
    let learners: std::collections::HashMap<&str, f64> = input
        .origins
        .iter()
        .map(|o| (o.occupation.as_str(), o.count))
        .collect();
    for origin in &plan.origins {
        assert!(f64::from(origin.enrolled) <= learners[origin.occupation.id.as_str()]);
    }
    for d in &plan.unmet {
        assert!(d.placed <= d.openings + 1e-6, "{d:?}");
    }
    let flows = labels_of(plan.courses.iter().flat_map(|c| c.flows.iter()));
    assert!(!flows.is_empty());
    // No driver or labourer becomes an engineer on a short course.
    for (from, to) in &flows {
        assert!(
            !(from.contains("driver") && to.contains("engineer")),
            "{from} -> {to}"
        );
    }
    for c in plan.courses.iter().filter(|c| c.cohorts > 0) {
        let places: u32 = c.flows.iter().map(|f| f.places).sum();
        assert_eq!(places, c.places, "{}", c.course.title);
    }
}

#[test]
fn gas_engineers_in_a_heating_area_are_offered_heat_pump_work() {
    let planner = planner();
    let gas = greenpath::api::GroupDto {
        occupation: common::id_of("gas service technician"),
        count: 40.0,
    };
    let heat_pump = common::id_of("refrigeration air condition and heat pump technician");
    let destinations = vec![
        GroupDto {
            occupation: heat_pump.clone(),
            count: 30.0,
        },
        GroupDto {
            occupation: common::id_of("solar energy technician"),
            count: 10.0,
        },
    ];
    let ids: Vec<String> = destinations.iter().map(|d| d.occupation.clone()).collect();
    let courses = planner
        .college_candidates(&ids, None)
        .unwrap()
        .into_iter()
        .map(|c| CourseRunningDto {
            course: c.course.id,
            ..CourseRunningDto::default()
        })
        .collect();
    let plan = planner
        .plan_portfolio(CollegeInputDto {
            origins: vec![gas],
            destinations,
            courses,
            budget: Some(60_000.0),
            ..CollegeInputDto::default()
        })
        .unwrap();
    let to_heat_pumps: f64 = plan
        .courses
        .iter()
        .flat_map(|c| c.flows.iter())
        .filter(|f| f.destination.id == heat_pump)
        .map(|f| f.placements)
        .sum();
    assert!(to_heat_pumps >= 15.0, "{to_heat_pumps}: {plan:#?}");
}

#[test]
fn courses_that_must_run_beyond_the_budget_say_by_how_much() {
    let planner = planner();
    let mut input = input_for(&planner, "UKE11");
    for c in input.courses.iter_mut().take(3) {
        c.must_run = Some(true);
    }
    input.budget = Some(1_000.0);
    let plan = planner.plan_portfolio(input).unwrap();
    assert_eq!(plan.outcome, "infeasible");
    let budget = plan.shortfalls.iter().find(|s| s.limit == "budget");
    let cohort = plan.shortfalls.iter().find(|s| s.limit == "cohort");
    assert!(
        budget.is_some() || cohort.is_some(),
        "{:?}",
        plan.shortfalls
    );
    if let Some(b) = budget {
        assert!(b.short.unwrap() > 0.0);
    }
}

#[test]
fn one_more_step_of_a_binding_budget_adds_placements() {
    let planner = planner();
    let mut input = input_for(&planner, "UKE11");
    for o in &mut input.origins {
        o.count *= 10.0;
    }
    input.budget = Some(15_000.0);
    // A budget this tight makes a hard search: the answers must hold at a time limit too.
    input.time_limit = Some(1.0);
    let plan = planner.plan_portfolio(input.clone()).unwrap();
    let budget = plan.limits.iter().find(|l| l.limit == "budget").unwrap();
    assert!(budget.binding, "{budget:?}");
    assert!(budget.step_gain > 0.0);
}

#[test]
fn the_skills_gaps_weigh_workers_by_demand_and_say_what_no_course_teaches() {
    let planner = planner();
    let mut input = input_for(&planner, "UKE11");
    let gaps = planner.college_gaps(input.clone()).unwrap();
    assert!(gaps.skill_gaps.len() >= 10);
    for pair in gaps.skill_gaps.windows(2) {
        assert!(pair[0].weight >= pair[1].weight);
    }
    assert!(gaps.skill_gaps.iter().any(|g| !g.taught_by.is_empty()));
    assert_eq!(gaps.demand_gaps.len(), input.destinations.len());
    // With no courses, nothing is taught.
    input.courses.clear();
    let bare = planner.college_gaps(input).unwrap();
    assert!(bare.skill_gaps.iter().all(|g| g.taught_by.is_empty()));
}

#[test]
fn bad_rows_name_the_row_and_field() {
    let planner = planner();
    let mut input = input_for(&planner, "UKE11");
    input.courses[1].course = "no-such-course".into();
    let e = planner.plan_portfolio(input).unwrap_err();
    assert_eq!(e.field(), Some("courses"));
    assert!(e.to_string().contains("row 2"), "{e}");
    let mut input = input_for(&planner, "UKE11");
    input.origins[0].count = f64::NAN;
    let e = planner.plan_portfolio(input).unwrap_err();
    assert_eq!(e.field(), Some("origins"));
    let mut input = input_for(&planner, "UKE11");
    input.courses[0].cohort_min = Some(2.5);
    let e = planner.plan_portfolio(input).unwrap_err();
    assert_eq!(e.field(), Some("cohortMin"));
    assert!(e.to_string().contains("row 1"), "{e}");
}

#[test]
fn the_local_picture_needs_loading_first() {
    let planner = common::default_planner().unwrap();
    let e = planner.local_areas().unwrap_err();
    assert_eq!(e.kind(), "partMissing");
    assert_eq!(e.field(), Some("local"));
}

#[test]
fn a_council_plan_for_hull_keeps_the_fairness_floor_and_says_who_is_left_and_why() {
    use greenpath::api::{CouncilGroupDto, CouncilInputDto};
    let planner = planner();
    let picture = planner.local_picture("UKE11").unwrap();
    let groups: Vec<CouncilGroupDto> = picture
        .workers
        .iter()
        .filter(|w| w.workers > 0)
        .take(15)
        .map(|w| CouncilGroupDto {
            occupation: w.occupation.id.clone(),
            workers: f64::from(w.workers),
            deprivation: None,
        })
        .collect();
    let destinations = demand_of(&picture);
    let input = CouncilInputDto {
        groups,
        destinations,
        budget: Some(500_000.0),
        floor: Some(0.2),
        time_limit: Some(20.0),
        ..CouncilInputDto::default()
    };
    let plan = planner.plan_council(input.clone()).unwrap();
    if std::env::var_os("SHOW").is_some() {
        for f in &plan.flows {
            let titles: Vec<&str> = f.courses.iter().map(|c| c.title.as_str()).collect();
            eprintln!(
                "{} -> {} via {} {:?}: {} people, £{}",
                f.origin.label, f.destination.label, f.route, titles, f.people, f.cost
            );
        }
    }
    assert_eq!(plan.outcome, "planned", "{plan:#?}");
    assert!(plan.cost <= 500_000.0);
    assert!(plan.transitions > 0);
    for g in &plan.groups {
        if g.routes > 0 {
            assert!(
                f64::from(g.moved) >= (0.2 * g.workers.floor() - 1e-9).ceil(),
                "{} moved {} of {}",
                g.occupation.label,
                g.moved,
                g.workers
            );
        } else {
            assert_eq!(g.left_because, "noViableMove", "{g:?}");
        }
    }
    // Nobody goes from a lorry cab to a professional's job (ISCO major group 2) in one step.
    let (data, _) = common::default_data();
    for f in &plan.flows {
        let isco = &data
            .occupation(data.occupation_id(&f.destination.id).unwrap())
            .isco;
        assert!(
            !(f.origin.label.contains("driver") && isco.starts_with('2')),
            "{} -> {} ({isco})",
            f.origin.label,
            f.destination.label
        );
    }
    // A floor the demand cannot carry gives the highest that holds.
    let mut all = input;
    all.floor = Some(1.0);
    for d in &mut all.destinations {
        d.count = 2.0;
    }
    let strict = planner.plan_council(all).unwrap();
    assert_eq!(strict.outcome, "floorInfeasible");
    assert!(strict.highest_floor.unwrap() < 1.0);
}

#[test]
fn the_council_picture_for_hull_counts_routes_and_the_workers_who_could_fill_each_job() {
    use greenpath::api::{CouncilGroupDto, CouncilInputDto};
    let planner = planner();
    let picture = planner.local_picture("UKE11").unwrap();
    let groups: Vec<CouncilGroupDto> = picture
        .workers
        .iter()
        .filter(|w| w.workers > 0)
        .map(|w| CouncilGroupDto {
            occupation: w.occupation.id.clone(),
            workers: f64::from(w.workers),
            deprivation: None,
        })
        .collect();
    let all_workers: f64 = groups.iter().map(|g| g.workers).sum();
    let input = CouncilInputDto {
        groups: groups.clone(),
        destinations: demand_of(&picture),
        ..CouncilInputDto::default()
    };
    let seen = planner.council_picture(input).unwrap();
    if std::env::var_os("SHOW").is_some() {
        eprintln!("{seen:#?}");
    }
    assert_eq!(seen.groups.len(), groups.len());
    for (g, row) in seen.groups.iter().zip(&groups) {
        assert_eq!(g.occupation.id, row.occupation);
    }
    let by_kind: usize = seen
        .groups
        .iter()
        .map(|g| g.direct + g.recognised + g.courses)
        .sum();
    assert_eq!(by_kind, seen.routes);
    assert!(seen.routes > 0);
    for d in &seen.destinations {
        assert!(d.reachable_workers <= all_workers + 1e-6);
        assert_eq!(d.routes == 0, d.reachable_workers == 0.0, "{d:?}");
    }
    // Heat pump work is open to Hull's workers (it has no gas engineers of its own to check).
    let heat_pumps = seen
        .destinations
        .iter()
        .find(|d| d.occupation.label == "refrigeration air condition and heat pump technician")
        .expect("heat pump technicians are in demand in Hull");
    assert!(
        heat_pumps.routes > 0 && heat_pumps.reachable_workers > 0.0,
        "{heat_pumps:?}"
    );
    assert!(!seen.skill_gaps.is_empty());
    assert!(seen.courses.iter().all(|c| c.routes > 0 && c.groups > 0));
}

#[test]
fn a_course_only_some_areas_can_take_is_offered_only_there() {
    use greenpath::api::{CouncilGroupDto, CouncilInputDto};
    let planner = planner();
    let routes_in = |code: &str| {
        let picture = planner.local_picture(code).unwrap();
        let input = CouncilInputDto {
            area: Some(code.to_owned()),
            groups: picture
                .workers
                .iter()
                .filter(|w| w.workers > 0)
                .map(|w| CouncilGroupDto {
                    occupation: w.occupation.id.clone(),
                    workers: f64::from(w.workers),
                    deprivation: None,
                })
                .collect(),
            destinations: demand_of(&picture),
            ..CouncilInputDto::default()
        };
        let seen = planner.council_picture(input).unwrap();
        let ids: Vec<String> = seen.courses.iter().map(|c| c.course.id.clone()).collect();
        let candidates: Vec<String> = planner
            .college_candidates(
                &picture
                    .demand
                    .iter()
                    .map(|d| d.occupation.id.clone())
                    .collect::<Vec<_>>(),
                Some(code),
            )
            .unwrap()
            .into_iter()
            .map(|c| c.course.id)
            .collect();
        (ids, candidates)
    };
    // Aberdeen: no Wolverhampton SWAP or West Midlands bootcamp; Scotland's own fund and pilot.
    let (aberdeen, aberdeen_candidates) = routes_in("UKM50");
    for id in [
        "wolvcoll_ev_swap",
        "bootcamp_wmca_ashp",
        "eoe_owsc_wind_12wk",
    ] {
        assert!(!aberdeen.contains(&id.to_owned()), "{id} in Aberdeen");
        assert!(
            !aberdeen_candidates.contains(&id.to_owned()),
            "{id} offered to an Aberdeen college"
        );
    }
    // Wolverhampton: its own college's EV programme is on the routes.
    let (wolverhampton, _) = routes_in("UKG39");
    assert!(
        wolverhampton.contains(&"wolvcoll_ev_swap".to_owned()),
        "{wolverhampton:?}"
    );
    // Without an area, every course may serve (the worker page's view).
    let e = planner
        .college_candidates(&["nonsense".to_owned()], Some("UKM50"))
        .unwrap_err();
    assert_eq!(e.field(), Some("destinations"));
    let e = planner.college_candidates(&[], Some("ZZ999")).unwrap_err();
    assert_eq!(e.field(), Some("area"));
}
