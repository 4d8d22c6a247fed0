//! Native latency of the worker-facing queries on the real default dataset.
// A benchmark over the committed data: a panic stops it and says why.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

#[path = "../tests/common/mod.rs"]
mod common;

fn queries(c: &mut Criterion) {
    let (data, index) = common::default_data();
    let welder = common::by_label(data, "welder");
    c.bench_function("search 'weldr'", |b| {
        b.iter(|| index.search(black_box("weldr"), 10))
    });
    c.bench_function("search 'gas service technician'", |b| {
        b.iter(|| index.search(black_box("gas service technician"), 10))
    });
    c.bench_function("similar_occupations(welder, 20)", |b| {
        b.iter(|| greenpath::similar_occupations(data, black_box(welder), 20))
    });
    let parts = common::default_parts();
    c.bench_function(
        "new Planner from the core part (decode + validate + index)",
        |b| b.iter(|| greenpath::api::Planner::new(black_box(&parts[0])).expect("valid")),
    );
    c.bench_function("add the skills part (decode + validate + rebuild)", |b| {
        b.iter_batched(
            || greenpath::api::Planner::new(&parts[0]).expect("valid"),
            |mut planner| {
                planner.add_part(black_box(&parts[1])).expect("valid");
                planner
            },
            criterion::BatchSize::LargeInput,
        );
    });
}

fn transitions(c: &mut Criterion) {
    use greenpath::transitions::{ScoreParams, TransitionEngine, TransitionOptions};
    let (data, _) = common::default_data();
    let engine = TransitionEngine::new(data);
    let origin = common::by_label(data, "gas service technician");
    let options = TransitionOptions {
        count: 50,
        ..TransitionOptions::default()
    };
    c.bench_function(
        "transitions(gas service technician, top 50 explained)",
        |b| b.iter(|| engine.transitions(data, black_box(origin), &options)),
    );
    let params = ScoreParams::default();
    let n = data.occupations().len() as u32;
    let mut group = c.benchmark_group("matrix");
    group.sample_size(10);
    group.bench_function("full 3007 x 3007 score matrix (2 threads)", |b| {
        b.iter(|| {
            std::thread::scope(|scope| {
                let half = n / 2;
                let engine = &engine;
                let params = &params;
                let left = scope.spawn(move || {
                    (0..half)
                        .map(|o| engine.scores_from(data, o, params).map(|r| r.len()))
                        .sum::<Result<usize, _>>()
                });
                let right: Result<usize, _> = (half..n)
                    .map(|o| engine.scores_from(data, o, params).map(|r| r.len()))
                    .sum();
                (left.join().expect("thread"), right)
            })
        })
    });
    group.finish();
}

fn plans(c: &mut Criterion) {
    use greenpath::pathways::{PathwayFinder, PathwayOptions};
    use greenpath::plan::{CoursePlanner, PlanOptions};
    use greenpath::transitions::TransitionEngine;
    let (data, _) = common::default_data();
    let planner = CoursePlanner::new(data);
    let engine = TransitionEngine::new(data);
    let origin = common::by_label(data, "gas service technician");
    let destination =
        common::by_label(data, "refrigeration air condition and heat pump technician");
    let options = PlanOptions::default();
    c.bench_function(
        "plan(gas service technician -> heat pump technician)",
        |b| b.iter(|| planner.plan(data, black_box(origin), destination, &options)),
    );
    let finder = PathwayFinder::new(data, &engine, &planner);
    let options = PathwayOptions::default();
    c.bench_function("pathways(gas service technician)", |b| {
        b.iter(|| finder.find(black_box(origin), &options))
    });
}

fn college(c: &mut Criterion) {
    use greenpath::api::{CollegeInputDto, CourseRunningDto, GroupDto};
    let mut planner = common::default_planner().expect("the committed parts load");
    planner
        .add_local(&common::local_picture_bytes())
        .expect("the local picture loads");
    let picture = planner.local_picture("UKE11").expect("Hull");
    let origins: Vec<GroupDto> = picture
        .workers
        .iter()
        .filter(|w| w.workers > 0)
        .map(|w| GroupDto {
            occupation: w.occupation.id.clone(),
            count: (f64::from(w.workers) / 20.0).ceil(),
        })
        .collect();
    let destinations: Vec<GroupDto> = picture
        .demand
        .iter()
        .map(|d| GroupDto {
            occupation: d.occupation.id.clone(),
            count: d.openings,
        })
        .collect();
    let ids: Vec<String> = destinations.iter().map(|d| d.occupation.clone()).collect();
    let courses: Vec<CourseRunningDto> = planner
        .college_candidates(&ids, None)
        .expect("candidates")
        .into_iter()
        .map(|c| CourseRunningDto {
            course: c.course.id,
            ..CourseRunningDto::default()
        })
        .collect();
    let input = CollegeInputDto {
        origins,
        destinations,
        courses,
        budget: Some(150_000.0),
        tutor_hours: Some(2_000.0),
        ..CollegeInputDto::default()
    };
    let mut group = c.benchmark_group("college");
    group.sample_size(10);
    group.bench_function("local_picture(Hull)", |b| {
        b.iter(|| planner.local_picture(black_box("UKE11")))
    });
    group.bench_function("college_gaps(Hull, every job)", |b| {
        b.iter(|| planner.college_gaps(black_box(input.clone())))
    });
    group.bench_function("plan_portfolio(Hull, every job, limits analysed)", |b| {
        b.iter(|| planner.plan_portfolio(black_box(input.clone())))
    });
    group.finish();

    // The council's questions on the same area: every group, every green job, a budget that
    // binds at £1,500 a person on every course.
    let council = greenpath::api::CouncilInputDto {
        groups: input
            .origins
            .iter()
            .map(|o| greenpath::api::CouncilGroupDto {
                occupation: o.occupation.clone(),
                workers: o.count * 20.0,
                deprivation: None,
            })
            .collect(),
        destinations: input.destinations.clone(),
        budget: Some(1_000_000.0),
        floor: Some(0.2),
        ..greenpath::api::CouncilInputDto::default()
    };
    let seen = planner
        .council_picture(council.clone())
        .expect("the council picture");
    let council = greenpath::api::CouncilInputDto {
        courses: seen
            .courses
            .iter()
            .map(|c| greenpath::api::CouncilCourseDto {
                course: c.course.id.clone(),
                capacity: Some(60.0),
                cost_per_person: Some(1_500.0),
            })
            .collect(),
        ..council
    };
    let synthetic = common::synthetic_council(30.0);
    let mut group = c.benchmark_group("council");
    group.sample_size(10);
    group.bench_function("council_picture(Hull, every job)", |b| {
        b.iter(|| planner.council_picture(black_box(council.clone())))
    });
    group.bench_function("plan_council(Hull, every job, limits analysed)", |b| {
        b.iter(|| planner.plan_council(black_box(council.clone())))
    });
    group.bench_function("solve 200 groups × 200 jobs × 150 courses", |b| {
        b.iter(|| black_box(&synthetic).solve())
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = queries, transitions, plans, college
}
criterion_main!(benches);
