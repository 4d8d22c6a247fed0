//! The local picture on real data: figures an adviser would recognise for real places, and
//! demand that adds back up to the published figures.
#![cfg(not(target_arch = "wasm32"))]
// Tests and their helpers: a failure is the test's failure, said by the panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use greenpath::local::LocalPicture;

fn picture() -> (LocalPicture, &'static greenpath::Dataset) {
    let (data, _) = common::default_data();
    let bytes = common::local_picture_bytes();
    let picture = LocalPicture::decode(
        &bytes,
        common::dataset_fingerprint(),
        data.occupations().len(),
    )
    .expect("the committed local picture fits the committed dataset");
    (picture, data)
}

fn demand_for(p: &LocalPicture, data: &greenpath::Dataset, code: &str, label: &str) -> f64 {
    let area = p.area(code).unwrap();
    p.demand(area)
        .iter()
        .find(|d| data.occupation(d.occupation).label == label)
        .map_or(0.0, |d| d.jobs)
}

#[test]
fn every_area_of_great_britain_has_industry_figures_and_northern_ireland_says_it_has_none() {
    let (p, _) = picture();
    assert_eq!(p.areas.len(), 179);
    for area in &p.areas {
        assert_eq!(
            area.region.is_none(),
            area.code.starts_with("UKN"),
            "{}",
            area.code
        );
        assert!(area.employment > 1_000, "{} {}", area.code, area.employment);
    }
}

#[test]
fn an_areas_demand_adds_up_to_the_published_figure_across_great_britain() {
    let (p, _) = picture();
    for (f, family) in p.families.iter().enumerate() {
        let total: f64 = p
            .areas
            .iter()
            .filter(|a| a.region.is_some())
            .map(|a| p.family_shares(a)[f] * f64::from(family.jobs))
            .sum();
        let relative = (total - f64::from(family.jobs)).abs() / f64::from(family.jobs);
        assert!(
            relative < 0.001,
            "{}: {total} vs {}",
            family.name,
            family.jobs
        );
        assert!(family.source_url.starts_with("https://"), "{}", family.name);
    }
}

#[test]
fn aberdeen_has_oil_and_gas_workers_and_more_offshore_wind_demand_than_camden() {
    let (p, data) = picture();
    let aberdeen = p.area("ukm50").unwrap();
    assert_eq!(aberdeen.name, "Aberdeen City and Aberdeenshire");
    let extraction: u32 = aberdeen
        .at_risk
        .iter()
        .filter(|w| {
            data.occupation(w.occupation)
                .carbon
                .as_ref()
                .is_some_and(|c| c.category == "fossil_extraction")
        })
        .map(|w| w.workers)
        .sum();
    assert!(extraction >= 500, "{extraction}");
    let offshore = "offshore renewable energy technician";
    let there = demand_for(&p, data, "UKM50", offshore);
    let camden = demand_for(&p, data, "UKI31", offshore);
    assert!(there > 5.0 * camden.max(1.0), "{there} vs {camden}");
}

#[test]
fn heating_engineers_are_at_risk_and_heat_pump_work_is_in_demand_in_an_ordinary_town() {
    let (p, data) = picture();
    let hull = p.area("UKE11").unwrap();
    assert!(hull.at_risk.iter().any(|w| {
        data.occupation(w.occupation).label == "gas service technician" && w.workers > 0
            || w.suppressed > 0
    }));
    let heat_pumps = demand_for(
        &p,
        data,
        "UKE11",
        "refrigeration air condition and heat pump technician",
    );
    assert!(heat_pumps > 20.0, "{heat_pumps}");
}

#[test]
fn an_unknown_area_is_named_in_the_error() {
    let (p, _) = picture();
    let e = p.area("UKZ99").unwrap_err();
    assert_eq!(e.field(), Some("area"));
    assert!(e.to_string().contains("UKZ99"), "{e}");
}

#[test]
fn a_local_picture_of_another_build_is_refused() {
    let (data, _) = common::default_data();
    let bytes = common::local_picture_bytes();
    let e = LocalPicture::decode(&bytes, 42, data.occupations().len()).unwrap_err();
    assert!(e.to_string().contains("another build"), "{e}");
    let e = LocalPicture::decode(&bytes[..100], common::dataset_fingerprint(), 10).unwrap_err();
    assert!(e.to_string().contains("damaged"), "{e}");
}
