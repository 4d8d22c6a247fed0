//! Native latency of the worker-facing queries on the real default dataset.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

#[path = "../tests/common/mod.rs"]
mod common;

fn queries(c: &mut Criterion) {
    let (data, index) = common::default_data();
    let welder = common::by_label(data, "welder");
    c.bench_function("search 'weldr'", |b| {
        b.iter(|| index.search(data, black_box("weldr"), 10))
    });
    c.bench_function("search 'gas service technician'", |b| {
        b.iter(|| index.search(data, black_box("gas service technician"), 10))
    });
    c.bench_function("similar_occupations(welder, 20)", |b| {
        b.iter(|| greenpath::similar_occupations(data, black_box(welder), 20))
    });
    c.bench_function(
        "load default dataset (JSON decode + validate + index)",
        |b| {
            let json = common::default_json();
            b.iter(|| {
                let data = greenpath::Dataset::from_json(black_box(&json)).expect("valid");
                greenpath::SearchIndex::new(&data)
            })
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = queries
}
criterion_main!(benches);
