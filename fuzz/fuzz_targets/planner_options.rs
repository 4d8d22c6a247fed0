//! Each planner's options as JSON, the way the page and the npm package pass them: the first
//! byte picks the question, the rest is the options' text. Solver time limits are capped so
//! that a run stays quick; everything else is as given.
#![no_main]

use greenpath::api::{
    self, options_from_json, CollegeInputDto, CouncilInputDto, CouncilProblemDto,
    PathwayOptionsDto, PlanOptionsDto, PortfolioProblemDto, TransitionOptionsDto,
};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

/// The gas service technician and the heat pump installer of the default dataset (by search).
fn ids() -> (String, String) {
    let planner = common::planner();
    let find = |q: &str| {
        planner
            .search_occupations(q, 1.0)
            .ok()
            .and_then(|h| h.into_iter().next())
            .map(|h| h.id)
            .unwrap_or_default()
    };
    (find("gas engineer"), find("heat pump installer"))
}

fn cap(limit: &mut Option<f64>) {
    *limit = Some(limit.unwrap_or(0.2).clamp(0.001, 0.2));
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(json) = std::str::from_utf8(rest) else {
        return;
    };
    let planner = common::planner();
    let (gas, heat) = ids();
    match which % 9 {
        0 => {
            if let Ok(o) = options_from_json::<TransitionOptionsDto>(json) {
                let _ = planner.transitions(&gas, o);
            }
        }
        1 => {
            if let Ok(o) = options_from_json::<PlanOptionsDto>(json) {
                let _ = planner.plan(&gas, &heat, o);
            }
        }
        2 => {
            if let Ok(o) = options_from_json::<PathwayOptionsDto>(json) {
                let _ = planner.pathways(&gas, o);
            }
        }
        3 => {
            if let Ok(mut o) = options_from_json::<CollegeInputDto>(json) {
                cap(&mut o.time_limit);
                let _ = planner.college_gaps(o.clone());
                let _ = planner.plan_portfolio(o);
            }
        }
        4 => {
            if let Ok(o) = options_from_json::<CouncilInputDto>(json) {
                let _ = planner.council_picture(o);
            }
        }
        5 => {
            if let Ok(mut o) = options_from_json::<CouncilInputDto>(json) {
                cap(&mut o.time_limit);
                let _ = planner.plan_council(o);
            }
        }
        6 => {
            if let Ok(mut o) = options_from_json::<CouncilProblemDto>(json) {
                cap(&mut o.time_limit);
                let _ = api::solve_council(o);
            }
        }
        7 => {
            if let Ok(mut o) = options_from_json::<PortfolioProblemDto>(json) {
                cap(&mut o.time_limit);
                let _ = api::solve_portfolio(o);
            }
        }
        _ => {
            let _ = planner.local_picture(json);
            let _ = planner.college_candidates(&[heat.clone()], Some(json));
        }
    }
});
