//! The council's question on the [`Planner`]: a fair transition plan for an area's worker
//! groups into its green jobs (see [`crate::council`]).

// Indexing cannot go out of range in this module. Indices are those the problem was built with
// here (its groups, destinations, courses and routes, validated before the solve), and the vectors
// indexed have one entry per group or route.
#![allow(clippy::indexing_slicing)]

use std::collections::HashMap;

use super::college::{unit_or, PAGE_TIME_LIMIT};
use super::council_dto::*;
use super::Planner;
use crate::area_routes::{area_routes, council_cost};
use crate::college::{skill_gaps, CollegeDestination, CollegeOrigin, GoodMove};
use crate::council::{
    CouncilCourse, CouncilDestination, CouncilGroup, CouncilLimitKind, CouncilOutcome,
    CouncilProblem, CouncilRoute, CouncilWeights, LeftBecause, RouteKind, BUDGET_STEP, COURSE_STEP,
};
use crate::error::Error;
use crate::model::{CourseId, OccupationId};
use crate::transitions::REAL_LIVING_WAGE_2019_ANNUAL;

/// Most worker groups or destinations in one plan.
pub const MAX_COUNCIL_ROWS: usize = 300;
/// Courses kept for each move that needs them: the cheapest to the council.
const COURSES_PER_MOVE: usize = 2;

/// The council's question read against the dataset: its groups and jobs, the routes between
/// them, the courses the routes use (their index in the problem) and the plan problem.
struct CouncilSetup {
    origins: Vec<(OccupationId, f64, Option<f64>)>,
    origin_ids: Vec<OccupationId>,
    destination_ids: Vec<OccupationId>,
    routes: Vec<crate::area_routes::AreaRoute>,
    used: Vec<CourseId>,
    problem: CouncilProblem,
}

impl Planner {
    /// A fair transition plan: people of each group on routes into good green jobs, within
    /// the budget, course places and demand, with the fairness floor.
    ///
    /// # Errors
    /// [`Error::PartMissing`] until the skills and courses are loaded; [`Error::InvalidArgument`]
    /// naming the row and field; [`Error::Solver`] on a solver fault.
    pub fn plan_council(&self, input: CouncilInputDto) -> Result<CouncilPlanDto, Error> {
        let CouncilSetup {
            origins,
            origin_ids,
            destination_ids,
            routes,
            used,
            problem,
        } = self.council_setup(&input)?;
        let routes_per_group: Vec<usize> = (0..origins.len())
            .map(|g| problem.routes.iter().filter(|r| r.origin == g).count())
            .collect();
        match problem.analyse()? {
            CouncilOutcome::FloorInfeasible { highest_floor } => Ok(CouncilPlanDto {
                outcome: "floorInfeasible".into(),
                highest_floor: Some(highest_floor),
                flows: Vec::new(),
                groups: Vec::new(),
                limits: Vec::new(),
                transitions: 0,
                cost: 0.0,
                status: "infeasible".into(),
                gap: None,
                routes: problem.routes.len(),
            }),
            CouncilOutcome::Planned { plan, limits } => {
                let mut flows: Vec<CouncilFlowDto> = plan
                    .flows
                    .iter()
                    .map(|f| {
                        let r = &routes[f.route];
                        CouncilFlowDto {
                            origin: self.occupation_ref(origin_ids[r.origin]),
                            route: match r.kind {
                                RouteKind::Direct => "direct",
                                RouteKind::Recognised => "recognised",
                                RouteKind::Courses => "courses",
                            }
                            .into(),
                            courses: r.courses.iter().map(|&c| self.course_ref(c)).collect(),
                            destination: self.occupation_ref(destination_ids[r.destination]),
                            people: f.people,
                            cost: problem.route_cost(&problem.routes[f.route])
                                * f64::from(f.people),
                        }
                    })
                    .collect();
                flows.sort_by_key(|f| std::cmp::Reverse(f.people));
                Ok(CouncilPlanDto {
                    outcome: "planned".into(),
                    highest_floor: None,
                    flows,
                    groups: origins
                        .iter()
                        .enumerate()
                        .map(|(g, &(o, workers, _))| CouncilGroupResultDto {
                            occupation: self.occupation_ref(o),
                            workers,
                            moved: plan.moved[g],
                            left: plan.left[g],
                            left_because: match plan.left_because[g] {
                                LeftBecause::Nobody => "nobody",
                                LeftBecause::NoViableMove => "noViableMove",
                                LeftBecause::NoCoursePlace => "noCoursePlace",
                                LeftBecause::Budget => "budget",
                                LeftBecause::Demand => "demand",
                            }
                            .into(),
                            routes: routes_per_group[g],
                        })
                        .collect(),
                    limits: limits
                        .iter()
                        .map(|l| match l.limit {
                            CouncilLimitKind::Budget => CouncilLimitDto {
                                limit: "budget".into(),
                                course: None,
                                available: l.available,
                                used: l.used,
                                step: BUDGET_STEP,
                                step_gain: l.step_gain,
                            },
                            CouncilLimitKind::Course(c) => CouncilLimitDto {
                                limit: "course".into(),
                                course: Some(self.course_ref(used[c])),
                                available: l.available,
                                used: l.used,
                                step: COURSE_STEP,
                                step_gain: l.step_gain,
                            },
                        })
                        .collect(),
                    transitions: plan.transitions,
                    cost: plan.cost,
                    status: super::status_name(plan.status).into(),
                    gap: plan.gap,
                    routes: problem.routes.len(),
                })
            }
        }
    }

    /// The council's picture before any plan: the routes open to each group, the workers who
    /// could move into each green job, the courses the routes use and the skills gaps.
    ///
    /// # Errors
    /// As [`Planner::plan_council`] for bad rows.
    pub fn council_picture(&self, input: CouncilInputDto) -> Result<CouncilPictureDto, Error> {
        let setup = self.council_setup(&input)?;
        let routes = &setup.problem.routes;
        let groups = setup
            .origins
            .iter()
            .enumerate()
            .map(|(g, &(o, workers, _))| {
                let mine: Vec<&CouncilRoute> = routes.iter().filter(|r| r.origin == g).collect();
                let count = |kind: RouteKind| mine.iter().filter(|r| r.kind == kind).count();
                let mut reached: Vec<usize> = mine.iter().map(|r| r.destination).collect();
                reached.sort_unstable();
                reached.dedup();
                PictureGroupDto {
                    occupation: self.occupation_ref(o),
                    workers,
                    direct: count(RouteKind::Direct),
                    recognised: count(RouteKind::Recognised),
                    courses: count(RouteKind::Courses),
                    destinations: reached.len(),
                }
            })
            .collect();
        let destinations = setup
            .destination_ids
            .iter()
            .zip(&setup.problem.destinations)
            .enumerate()
            .map(|(d, (&o, dest))| {
                let into: Vec<&CouncilRoute> =
                    routes.iter().filter(|r| r.destination == d).collect();
                let mut from: Vec<usize> = into.iter().map(|r| r.origin).collect();
                from.sort_unstable();
                from.dedup();
                PictureDestinationDto {
                    occupation: self.occupation_ref(o),
                    openings: dest.demand,
                    reachable_workers: from
                        .iter()
                        .fold(0.0, |n, &g| n + setup.problem.groups[g].workers),
                    routes: into.len(),
                }
            })
            .collect();
        let mut courses: Vec<PictureCourseDto> = setup
            .used
            .iter()
            .enumerate()
            .map(|(c, &id)| {
                let taking: Vec<&CouncilRoute> =
                    routes.iter().filter(|r| r.courses.contains(&c)).collect();
                let mut from: Vec<usize> = taking.iter().map(|r| r.origin).collect();
                from.sort_unstable();
                from.dedup();
                PictureCourseDto {
                    course: self.course_dto(id),
                    cost_per_person: council_cost(&self.data, id),
                    routes: taking.len(),
                    groups: from.len(),
                }
            })
            .collect();
        courses.sort_by(|a, b| b.routes.cmp(&a.routes).then(a.course.id.cmp(&b.course.id)));
        // The skills gaps, against every course the routes use.
        let taught = self.course_planner()?;
        let gaps = skill_gaps(
            &self.data,
            &self.engine,
            taught,
            &setup
                .origins
                .iter()
                .map(|&(occupation, people, _)| CollegeOrigin { occupation, people })
                .collect::<Vec<_>>(),
            &setup.used,
            &setup
                .destination_ids
                .iter()
                .zip(&setup.problem.destinations)
                .map(|(&occupation, d)| CollegeDestination {
                    occupation,
                    openings: d.demand,
                })
                .collect::<Vec<_>>(),
            super::college::SKILL_GAPS_LISTED,
        )?;
        Ok(CouncilPictureDto {
            groups,
            destinations,
            courses,
            skill_gaps: self.skill_gap_dtos(gaps),
            routes: routes.len(),
        })
    }

    /// The area's routes and the plan problem they make, from the council's question.
    fn council_setup(&self, input: &CouncilInputDto) -> Result<CouncilSetup, Error> {
        let taught = self.course_planner()?;
        for (field, n) in [
            ("groups", input.groups.len()),
            ("destinations", input.destinations.len()),
        ] {
            if n > MAX_COUNCIL_ROWS {
                return Err(Error::InvalidArgument {
                    field,
                    value: format!("{n} rows"),
                    expected: "at most 300 rows",
                });
            }
        }
        let origins = self.council_groups(&input.groups)?;
        let destinations: Vec<(OccupationId, f64)> =
            self.groups("destinations", &input.destinations)?;
        let destination_ids: Vec<OccupationId> = destinations.iter().map(|d| d.0).collect();
        let area = self.area_code(input.area.as_deref())?;
        let candidates = self.candidate_courses(&destination_ids, area.as_deref())?;
        // A share or weight in its range (from 0).
        let share = |field, v, default, high| unit_or(field, v, default, 0.0, high);
        let good = GoodMove::new(
            share("payRatio", input.pay_ratio, 0.75, 10.0)? as f32,
            Some(REAL_LIVING_WAGE_2019_ANNUAL),
        );
        let origin_ids: Vec<OccupationId> = origins.iter().map(|g| g.0).collect();
        let routes = area_routes(
            &self.data,
            &self.engine,
            taught,
            &origin_ids,
            &destination_ids,
            &candidates,
            &good,
            COURSES_PER_MOVE,
            area.as_deref(),
        )?;
        // The courses the routes use, in first-use order, with the council's places and costs.
        let overrides: HashMap<CourseId, &CouncilCourseDto> = input
            .courses
            .iter()
            .enumerate()
            .map(|(i, c)| {
                self.data
                    .course_id(&c.course)
                    .map(|id| (id, c))
                    .ok_or_else(|| Error::InvalidArgument {
                        field: "courses",
                        value: format!("row {}: {}", i + 1, crate::text::clip(&c.course, 80)),
                        expected: "a course id of the catalogue",
                    })
            })
            .collect::<Result<_, _>>()?;
        let mut used: Vec<CourseId> = Vec::new();
        let mut index: HashMap<CourseId, usize> = HashMap::new();
        for r in &routes {
            for &c in &r.courses {
                index.entry(c).or_insert_with(|| {
                    used.push(c);
                    used.len() - 1
                });
            }
        }
        let problem = CouncilProblem {
            groups: origins
                .iter()
                .map(|&(o, workers, deprivation)| CouncilGroup {
                    workers,
                    carbon: match &self.data.occupation(o).carbon {
                        Some(c) if c.borderline => 0.5,
                        Some(_) => 1.0,
                        None => 0.0,
                    },
                    deprivation,
                })
                .collect(),
            destinations: destinations
                .iter()
                .map(|&(_, demand)| CouncilDestination { demand })
                .collect(),
            courses: used
                .iter()
                .map(|&c| {
                    let own = overrides.get(&c);
                    CouncilCourse {
                        capacity: own.and_then(|o| o.capacity),
                        cost_per_person: own
                            .and_then(|o| o.cost_per_person)
                            .unwrap_or_else(|| council_cost(&self.data, c)),
                    }
                })
                .collect(),
            routes: routes
                .iter()
                .map(|r| CouncilRoute {
                    origin: r.origin,
                    destination: r.destination,
                    kind: r.kind,
                    courses: r.courses.iter().map(|c| index[c]).collect(),
                    uplift: r.uplift,
                })
                .collect(),
            budget: input.budget,
            floor: share("floor", input.floor, 0.5, 1.0)?,
            weights: CouncilWeights {
                uplift: share("upliftWeight", input.uplift_weight, 0.5, 100.0)?,
                carbon: share("carbonWeight", input.carbon_weight, 0.5, 100.0)?,
                deprivation: share("deprivationWeight", input.deprivation_weight, 0.0, 100.0)?,
            },
            time_limit: unit_or("timeLimit", input.time_limit, PAGE_TIME_LIMIT, 0.01, 120.0)?,
            gap_tolerance: crate::portfolio::COLLEGE_GAP_TOLERANCE,
        };
        Ok(CouncilSetup {
            origins,
            origin_ids,
            destination_ids,
            routes,
            used,
            problem,
        })
    }

    /// The council's groups: known occupations, each once, people a number (checked as the
    /// college's rows are), deprivation a share.
    fn council_groups(
        &self,
        rows: &[CouncilGroupDto],
    ) -> Result<Vec<(OccupationId, f64, Option<f64>)>, Error> {
        let plain: Vec<super::college_dto::GroupDto> = rows
            .iter()
            .map(|r| super::college_dto::GroupDto {
                occupation: r.occupation.clone(),
                count: r.workers,
            })
            .collect();
        let groups = self.groups("groups", &plain)?;
        groups
            .into_iter()
            .zip(rows)
            .enumerate()
            .map(|(i, ((o, workers), row))| match row.deprivation {
                Some(d) if !(d.is_finite() && (0.0..=1.0).contains(&d)) => {
                    Err(Error::InvalidArgument {
                        field: "deprivation",
                        value: format!("row {}: {d}", i + 1),
                        expected: "a share from 0 to 1",
                    })
                }
                deprivation => Ok((o, workers, deprivation)),
            })
            .collect()
    }
}

/// Solves a council problem given directly (see [`CouncilProblemDto`]), with the college gap
/// tolerance (1%).
///
/// # Errors
/// [`Error::InvalidArgument`] naming the field and item; [`Error::Solver`] when the floor cannot
/// be met, or on a solver fault.
pub fn solve_council(input: CouncilProblemDto) -> Result<CouncilSolutionDto, Error> {
    let weight = |field: &'static str, v: Option<f64>, default: f64| match v {
        None => Ok(default),
        Some(x) if x.is_finite() && (0.0..=100.0).contains(&x) => Ok(x),
        Some(x) => Err(Error::InvalidArgument {
            field,
            value: x.to_string(),
            expected: "a number from 0 to 100",
        }),
    };
    let routes = input
        .routes
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let kind = match r.kind.as_deref() {
                Some("direct") => RouteKind::Direct,
                Some("recognised") => RouteKind::Recognised,
                None | Some("courses") => RouteKind::Courses,
                Some(other) => {
                    return Err(Error::InvalidArgument {
                        field: "kind",
                        value: format!("route {}: {}", i + 1, crate::text::clip(other, 40)),
                        expected: "direct, recognised or courses",
                    })
                }
            };
            Ok(CouncilRoute {
                origin: r.origin,
                destination: r.destination,
                kind,
                courses: r.courses.clone(),
                uplift: r.uplift,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let problem = CouncilProblem {
        groups: input
            .groups
            .iter()
            .map(|g| CouncilGroup {
                workers: g.workers,
                carbon: g.carbon,
                deprivation: g.deprivation,
            })
            .collect(),
        destinations: input
            .destinations
            .iter()
            .map(|&demand| CouncilDestination { demand })
            .collect(),
        courses: input
            .courses
            .iter()
            .map(|c| CouncilCourse {
                capacity: c.capacity,
                cost_per_person: c.cost_per_person,
            })
            .collect(),
        routes,
        budget: input.budget,
        floor: input.floor.unwrap_or(0.5),
        weights: CouncilWeights {
            uplift: weight("upliftWeight", input.uplift_weight, 0.5)?,
            carbon: weight("carbonWeight", input.carbon_weight, 0.5)?,
            deprivation: weight("deprivationWeight", input.deprivation_weight, 0.0)?,
        },
        time_limit: match input.time_limit {
            None => 3.0,
            Some(t) if t.is_finite() && (0.01..=120.0).contains(&t) => t,
            Some(t) => {
                return Err(Error::InvalidArgument {
                    field: "timeLimit",
                    value: t.to_string(),
                    expected: "seconds, from 0.01 to 120",
                })
            }
        },
        gap_tolerance: crate::portfolio::COLLEGE_GAP_TOLERANCE,
    };
    let plan = problem.solve()?;
    let mut people = vec![0u32; problem.routes.len()];
    for f in &plan.flows {
        people[f.route] = f.people;
    }
    Ok(CouncilSolutionDto {
        status: super::status_name(plan.status).to_owned(),
        gap: plan.gap,
        objective: plan.objective,
        transitions: plan.transitions,
        cost: plan.cost,
        people,
        moved: plan.moved,
    })
}
