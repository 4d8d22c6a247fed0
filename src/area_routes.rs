//! Routes from an area's worker groups to its green jobs, for the council's plan
//! ([`crate::council`]): a recognised route with its bridging courses where there is one, else a
//! direct move where the worker page judges the move viable as it is, else the most affordable
//! courses that make the move viable. Only moves into good jobs (pay at least the chosen share of current pay and
//! at least the floor) become routes.

// Indexing cannot go out of range in this module. Skill ids come from the validated dataset, and
// the vectors indexed here have one entry per skill.
#![allow(clippy::indexing_slicing)]

use crate::college::{serves, GoodMove, Serves};
use crate::council::RouteKind;
use crate::dataset::Dataset;
use crate::error::Error;
use crate::model::{CourseId, OccupationId, COURSE_LINK_THRESHOLD};
use crate::plan::{out_of_pocket, weighed_cost, CoursePlanner};
use crate::transitions::TransitionEngine;

/// One route.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaRoute {
    /// Index into the origins.
    pub origin: usize,
    /// Index into the destinations.
    pub destination: usize,
    /// Direct, recognised or courses.
    pub kind: RouteKind,
    /// The courses it takes.
    pub courses: Vec<CourseId>,
    /// Pay uplift as a share of current pay.
    pub uplift: f64,
}

/// What the council's fund pays for one person on course `c`: what the worker would otherwise
/// pay (apprenticeships and Skills Bootcamps are funded nationally, so nothing; a course
/// without a published price at a typical price for its kind).
pub fn council_cost(data: &Dataset, c: CourseId) -> f64 {
    let course = data.course(c);
    match out_of_pocket(course) {
        (pay, false) => f64::from(pay),
        (_, true) => f64::from(weighed_cost(course)),
    }
}

/// Every route from `origins` to `destinations`; for a move that needs courses, the
/// `per_move` cheapest single courses of `candidates` that make it viable. In `area` (a NUTS3
/// code), a recognised route counts only where its bridging courses can be taken there.
///
/// # Errors
/// [`Error::UnknownOccupation`] for an unknown origin.
#[allow(clippy::too_many_arguments)]
pub fn area_routes(
    data: &Dataset,
    engine: &TransitionEngine,
    taught: &CoursePlanner,
    origins: &[OccupationId],
    destinations: &[OccupationId],
    candidates: &[CourseId],
    good: &GoodMove,
    per_move: usize,
    area: Option<&str>,
) -> Result<Vec<AreaRoute>, Error> {
    let options = &good.transitions;
    let mut out = Vec::new();
    for (o, &origin) in origins.iter().enumerate() {
        let from = data.occupation(origin);
        let held = engine.origin_credit(data, origin, &options.params)?;
        for (d, &destination) in destinations.iter().enumerate() {
            if origin == destination {
                continue;
            }
            let Some(uplift) = good.uplift(data, origin, destination) else {
                continue;
            };
            let to = data.occupation(destination);
            // A recognised route first: its bridging courses are what the industry asks for
            // (a gas engineer needs the heat pump qualification even where the skills are close).
            // Not where a bridging course cannot be taken in the area.
            let recognised = data.route_between(origin, destination).filter(|&r| {
                area.is_none_or(|a| {
                    data.route(r)
                        .bridging
                        .iter()
                        .all(|&c| data.course(c).open_in(a))
                })
            });
            if let Some(r) = recognised {
                out.push(AreaRoute {
                    origin: o,
                    destination: d,
                    kind: RouteKind::Recognised,
                    courses: data.route(r).bridging.clone(),
                    uplift,
                });
                continue;
            }
            if engine.viable_with_credit(from, to, &held, options) {
                out.push(AreaRoute {
                    origin: o,
                    destination: d,
                    kind: RouteKind::Direct,
                    courses: Vec::new(),
                    uplift,
                });
                continue;
            }
            let mut viable: Vec<(f64, CourseId)> = Vec::new();
            let mut credit = held.clone();
            for &c in candidates {
                let teaches = taught.teaches(c);
                let course = data.course(c);
                let trains = course
                    .occupations
                    .iter()
                    .any(|l| l.0 == destination && l.1 >= COURSE_LINK_THRESHOLD);
                let ok = match serves(data, &held, c, teaches, from, to, trains) {
                    Serves::No => continue,
                    Serves::AsEntryRoute => true,
                    Serves::AlreadyClose => false, // such a move is direct (above)
                    Serves::OnSkills => {
                        for &s in teaches {
                            credit[s as usize] = 1.0;
                        }
                        let ok = engine.viable_with_credit(from, to, &credit, options);
                        for &s in teaches {
                            credit[s as usize] = held[s as usize];
                        }
                        ok
                    }
                };
                if ok {
                    viable.push((council_cost(data, c), c));
                }
            }
            viable.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            for (_, c) in viable.into_iter().take(per_move) {
                out.push(AreaRoute {
                    origin: o,
                    destination: d,
                    kind: RouteKind::Courses,
                    courses: vec![c],
                    uplift,
                });
            }
        }
    }
    Ok(out)
}
