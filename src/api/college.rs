//! The college questions on the [`Planner`]: the local picture of an area, the candidate
//! courses, where the gaps are, and the portfolio plan.

// Indexing cannot go out of range in this module. Indices are those the problem was built with
// here (its origins, courses and destinations, validated before the solve) or the local picture's
// own regions and families, checked when it is decoded.
#![allow(clippy::indexing_slicing)]

use std::collections::HashSet;

use super::college_dto::*;
use super::Planner;
use crate::college::{
    demand_gaps, links, problem, skill_gaps, CollegeCourse, CollegeDestination, CollegeOrigin,
    GoodMove,
};
use crate::error::Error;
use crate::local::LocalPicture;
use crate::model::{CourseId, CourseKind, OccupationId, COURSE_LINK_THRESHOLD};
use crate::plan::weighed_weeks;
use crate::portfolio::{
    Limits, PortfolioCourse, PortfolioOutcome, PortfolioPlan, Shortfall, Weights,
};
use crate::transitions::REAL_LIVING_WAGE_2019_ANNUAL;

/// Most candidate courses, origins or destinations in one question (keeps a solve bounded).
pub const MAX_COLLEGE_ROWS: usize = 500;
/// Seconds a college's or council's plan searches unless told otherwise: with the analysis that
/// shares as much again, a call from the page answers within 2 s.
pub const PAGE_TIME_LIMIT: f64 = 1.0;
/// Courses kept for each move (origin, destination): the most cost-effective.
pub const COURSES_PER_MOVE: usize = 3;
/// Most skills gaps listed.
pub(super) const SKILL_GAPS_LISTED: usize = 20;
/// Assumed cost of an hour of teaching (tutor pay and on-costs), GBP.
const TUTOR_HOUR_COST: f64 = 45.0;
/// Assumed length of a teaching session, hours.
const SESSION_HOURS: f64 = 3.0;

const ASSUMPTIONS: &str = "Suggested figures, to replace with the college's own: teaching \
hours from the course's length and kind; £45 an hour of teaching; 3-hour sessions; £2,000 to \
set a course up; £150 a place for registration, assessment and materials; 70% of learners \
complete and move into the job (55% for apprenticeships, near England's achievement rate); at \
most 3 cohorts.";

impl Planner {
    /// Loads the local picture (`data/parts/local.bin`) and returns how many areas it has.
    ///
    /// # Errors
    /// [`Error::Decode`] when the bytes are not a local picture of this dataset.
    pub fn add_local(&mut self, bytes: &[u8]) -> Result<usize, Error> {
        let picture = LocalPicture::decode(
            bytes,
            self.progress.dataset(),
            self.data.occupations().len(),
        )?;
        let areas = picture.areas.len();
        self.local = Some(picture);
        Ok(areas)
    }

    fn local(&self) -> Result<&LocalPicture, Error> {
        self.local
            .as_ref()
            .ok_or(Error::PartMissing { part: "local" })
    }

    /// Every area of the local picture, in the survey's order.
    ///
    /// # Errors
    /// [`Error::PartMissing`] (`local`) before [`Planner::add_local`].
    pub fn local_areas(&self) -> Result<Vec<LocalAreaDto>, Error> {
        let local = self.local()?;
        Ok(local
            .areas
            .iter()
            .map(|a| LocalAreaDto {
                code: a.code.clone(),
                name: a.name.clone(),
                region: a.region.map(|r| local.regions[usize::from(r)].name.clone()),
            })
            .collect())
    }

    /// The local picture of the area with NUTS3 code `code`.
    ///
    /// # Errors
    /// [`Error::PartMissing`] (`local`); [`Error::InvalidArgument`] for an unknown area.
    pub fn local_picture(&self, code: &str) -> Result<LocalPictureDto, Error> {
        let local = self.local()?;
        let area = local.area(code)?;
        let shares = local.family_shares(area);
        Ok(LocalPictureDto {
            area: LocalAreaDto {
                code: area.code.clone(),
                name: area.name.clone(),
                region: area
                    .region
                    .map(|r| local.regions[usize::from(r)].name.clone()),
            },
            employment: area.employment,
            workers: area
                .at_risk
                .iter()
                .map(|w| AtRiskDto {
                    occupation: self.occupation_ref(w.occupation),
                    workers: w.workers,
                    suppressed: w.suppressed,
                    category: self
                        .data
                        .occupation(w.occupation)
                        .carbon
                        .as_ref()
                        .map(|c| c.category.clone())
                        .unwrap_or_default(),
                })
                .collect(),
            demand: local
                .demand(area)
                .into_iter()
                .map(|d| AreaDemandDto {
                    occupation: self.occupation_ref(d.occupation),
                    openings: (d.jobs * 10.0).round() / 10.0,
                    families: d
                        .families
                        .iter()
                        .map(|&f| local.families[f].name.clone())
                        .collect(),
                })
                .collect(),
            families: local
                .families
                .iter()
                .zip(shares)
                .map(|(f, share)| DemandFamilyDto {
                    name: f.name.clone(),
                    jobs: f.jobs,
                    year: f.year,
                    geography: f.geography.clone(),
                    measure: f.measure.clone(),
                    industries: f.industries.clone(),
                    source_title: f.source_title.clone(),
                    source_url: f.source_url.clone(),
                    area_share: share,
                })
                .collect(),
            workers_method: local.workers_method.clone(),
            demand_method: local.demand_method.clone(),
        })
    }

    /// Courses a college could run for `destinations` (ESCO ids), with suggested running
    /// figures: those that train for a destination first, then those teaching at least three
    /// of a destination's essential skills; at most `MAX_COLLEGE_ROWS`. With `area` (a NUTS3
    /// code), only courses people there can take.
    ///
    /// # Errors
    /// [`Error::PartMissing`] until the skills and courses (and, with an area, the local
    /// picture) are loaded; [`Error::UnknownOccupation`]; [`Error::InvalidArgument`] for an
    /// unknown area.
    pub fn college_candidates(
        &self,
        destinations: &[String],
        area: Option<&str>,
    ) -> Result<Vec<CandidateCourseDto>, Error> {
        let ids: Vec<OccupationId> = destinations
            .iter()
            .map(|d| self.lookup("destinations", d))
            .collect::<Result<_, _>>()?;
        let area = self.area_code(area)?;
        let ranked = self.candidate_courses(&ids, area.as_deref())?;
        Ok(ranked
            .into_iter()
            .map(|c| {
                let course = self.data.course(c);
                CandidateCourseDto {
                    course: self.course_dto(c),
                    trains_for: ids
                        .iter()
                        .filter(|&&d| {
                            course
                                .occupations
                                .iter()
                                .any(|l| l.0 == d && l.1 >= COURSE_LINK_THRESHOLD)
                        })
                        .map(|&d| self.occupation_ref(d))
                        .collect(),
                    running: suggested_running(self, c),
                    assumptions: ASSUMPTIONS.to_owned(),
                }
            })
            .collect())
    }

    /// Where the gaps are for the college's origins (people: workers) and destinations: the
    /// skills gaps that matter most, and the common demand gap (with no plan).
    ///
    /// # Errors
    /// As [`Planner::plan_portfolio`] for bad rows.
    pub fn college_gaps(&self, input: CollegeInputDto) -> Result<CollegeGapsDto, Error> {
        let taught = self.course_planner()?;
        let (origins, destinations, courses) = self.college_rows(&input)?;
        let gaps = skill_gaps(
            &self.data,
            &self.engine,
            taught,
            &origins,
            &courses.iter().map(|c| c.course).collect::<Vec<_>>(),
            &destinations,
            SKILL_GAPS_LISTED,
        )?;
        Ok(CollegeGapsDto {
            skill_gaps: self.skill_gap_dtos(gaps),
            demand_gaps: self.demand_gap_dtos(&destinations, &[]),
        })
    }

    /// Skills gaps as the page shows them.
    pub(super) fn skill_gap_dtos(&self, gaps: Vec<crate::college::SkillGap>) -> Vec<SkillGapDto> {
        gaps.into_iter()
            .map(|g| SkillGapDto {
                skill: self.skill_ref(g.skill),
                openings_needing: round1(g.openings_needing),
                workers_lacking: round1(g.workers_lacking),
                weight: round1(g.weight),
                taught_by: g.taught_by.iter().map(|&c| self.course_ref(c)).collect(),
            })
            .collect()
    }

    /// The portfolio plan: which courses run, how many cohorts, and places from each origin
    /// (people: learners the college could enrol) towards each destination.
    ///
    /// # Errors
    /// [`Error::PartMissing`] until the skills and courses are loaded; [`Error::UnknownOccupation`]
    /// or [`Error::InvalidArgument`] naming the row and field; [`Error::Solver`] on a solver
    /// fault.
    pub fn plan_portfolio(&self, input: CollegeInputDto) -> Result<PortfolioDto, Error> {
        let taught = self.course_planner()?;
        let (origins, destinations, courses) = self.college_rows(&input)?;
        let pay_ratio = unit_or("payRatio", input.pay_ratio, 0.75, 0.0, 10.0)?;
        let pay_floor = match input.pay_floor {
            None => Some(REAL_LIVING_WAGE_2019_ANNUAL),
            Some(None) => None,
            Some(Some(f)) => Some(unit_or("payFloor", Some(f), 0.0, 0.0, 1e7)? as u32),
        };
        let good = GoodMove::new(pay_ratio as f32, pay_floor);
        let all_links = links(
            &self.data,
            &self.engine,
            taught,
            &origins,
            &courses,
            &destinations,
            &good,
        )?;
        let link_count = all_links.len();
        let mut problem = problem(&self.data, &origins, &courses, &destinations, all_links);
        let dropped = problem.keep_best_courses_per_move(COURSES_PER_MOVE);
        problem.limits = Limits {
            budget: input.budget,
            tutor_hours: input.tutor_hours,
            sessions: input.sessions,
        };
        let defaults = Weights::default();
        problem.weights = Weights {
            uplift: input.uplift_weight.unwrap_or(defaults.uplift),
            carbon: input.carbon_weight.unwrap_or(defaults.carbon),
            cost: input.cost_weight.unwrap_or(defaults.cost),
        };
        problem.time_limit = unit_or("timeLimit", input.time_limit, PAGE_TIME_LIMIT, 0.01, 120.0)?;
        let has_route: Vec<bool> = (0..origins.len())
            .map(|o| problem.links.iter().any(|l| l.origin == o))
            .collect();
        match problem.analyse()? {
            PortfolioOutcome::Planned { plan, limits } => Ok(PortfolioDto {
                links_dropped: dropped,
                ..self.portfolio_dto(
                    &problem,
                    &origins,
                    &courses,
                    &destinations,
                    &plan,
                    limits
                        .into_iter()
                        .map(|l| LimitDto {
                            limit: l.kind.key().to_owned(),
                            available: l.available,
                            used: round2(l.used),
                            binding: l.binding,
                            step: l.kind.step(),
                            step_gain: round2(l.step_gain),
                        })
                        .collect(),
                    &has_route,
                )
            }),
            PortfolioOutcome::Infeasible { shortfalls } => Ok(PortfolioDto {
                outcome: "infeasible".into(),
                courses: Vec::new(),
                unmet: Vec::new(),
                origins: Vec::new(),
                limits: Vec::new(),
                shortfalls: shortfalls
                    .into_iter()
                    .map(|s| match s {
                        Shortfall::Limit {
                            kind,
                            available,
                            short,
                        } => ShortfallDto {
                            limit: kind.key().to_owned(),
                            available: Some(available),
                            short: Some(short),
                            course: None,
                        },
                        Shortfall::Cohort { course } => ShortfallDto {
                            limit: "cohort".into(),
                            available: None,
                            short: None,
                            course: Some(self.course_ref(courses[course].course)),
                        },
                    })
                    .collect(),
                demand_gaps: self.demand_gap_dtos(&destinations, &[]),
                placements: 0.0,
                places: 0,
                cost: 0.0,
                tutor_hours: 0.0,
                sessions: 0.0,
                objective: 0.0,
                status: "infeasible".into(),
                gap: None,
                links: link_count - dropped,
                links_dropped: dropped,
            }),
        }
    }
}

/// Solves a portfolio problem given directly (see [`PortfolioProblemDto`]), with the college
/// gap tolerance (1%).
///
/// # Errors
/// [`Error::InvalidArgument`] naming the field and item; [`Error::Solver`] when courses that
/// must run cannot, or on a solver fault.
pub fn solve_portfolio(input: PortfolioProblemDto) -> Result<ProblemSolutionDto, Error> {
    let courses = input
        .courses
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let defaults = CourseRunningDto {
                cohort_max: Some(1.0),
                ..CourseRunningDto::default()
            };
            running_from(c, &defaults, i)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let problem = crate::portfolio::PortfolioProblem {
        courses,
        origins: input
            .origins
            .iter()
            .map(|o| crate::portfolio::PortfolioOrigin {
                supply: o.supply,
                carbon_intensive: o.carbon_intensive,
            })
            .collect(),
        destinations: input
            .destinations
            .iter()
            .map(|&demand| crate::portfolio::PortfolioDestination { demand })
            .collect(),
        links: input
            .links
            .iter()
            .map(|l| crate::portfolio::PortfolioLink {
                origin: l.origin,
                course: l.course,
                destination: l.destination,
                uplift: l.uplift,
            })
            .collect(),
        limits: Limits {
            budget: input.budget,
            tutor_hours: input.tutor_hours,
            sessions: input.sessions,
        },
        weights: Weights::default(),
        time_limit: unit_or("timeLimit", input.time_limit, PAGE_TIME_LIMIT, 0.01, 120.0)?,
        gap_tolerance: crate::portfolio::COLLEGE_GAP_TOLERANCE,
    };
    let plan = problem.solve()?;
    let mut places = vec![0u32; problem.links.len()];
    for f in &plan.flows {
        places[f.link] = f.places;
    }
    Ok(ProblemSolutionDto {
        status: super::status_name(plan.status).to_owned(),
        gap: plan.gap,
        objective: plan.objective,
        placements: plan.placements,
        cost: plan.cost,
        cohorts: plan.courses.iter().map(|c| c.cohorts).collect(),
        places,
    })
}

/// The college's origins, destinations and courses as core types.
type CollegeRows = (
    Vec<CollegeOrigin>,
    Vec<CollegeDestination>,
    Vec<CollegeCourse>,
);

impl Planner {
    /// The area a question is for: its NUTS3 code as the local picture has it, or `None` (no
    /// area given: anywhere).
    ///
    /// # Errors
    /// [`Error::PartMissing`] until the local picture is loaded; [`Error::InvalidArgument`] for
    /// a code that is not one of its areas.
    pub(super) fn area_code(&self, area: Option<&str>) -> Result<Option<String>, Error> {
        match area.map(str::trim).filter(|a| !a.is_empty()) {
            None => Ok(None),
            Some(code) => Ok(Some(self.local()?.area(code)?.code.clone())),
        }
    }

    /// Courses that train for one of `ids` (first) or teach at least three of one's essential
    /// skills (most first), at most [`MAX_COLLEGE_ROWS`]; in `area` (a NUTS3 code), only courses
    /// people there can take.
    pub(super) fn candidate_courses(
        &self,
        ids: &[OccupationId],
        area: Option<&str>,
    ) -> Result<Vec<CourseId>, Error> {
        let taught = self.course_planner()?;
        let mut ranked: Vec<(u8, usize, CourseId)> = Vec::new();
        for c in 0..self.data.courses().len() as CourseId {
            let course = self.data.course(c);
            // A course only some areas can take (a combined authority's bootcamp, one
            // college's programme) is no candidate elsewhere.
            if area.is_some_and(|a| !course.open_in(a)) {
                continue;
            }
            let trains = ids.iter().any(|&d| {
                course
                    .occupations
                    .iter()
                    .any(|l| l.0 == d && l.1 >= COURSE_LINK_THRESHOLD)
            });
            let teaches = taught.teaches(c);
            let best = ids
                .iter()
                .map(|&d| {
                    self.data
                        .occupation(d)
                        .essential
                        .iter()
                        .filter(|s| teaches.binary_search(s).is_ok())
                        .count()
                })
                .max()
                .unwrap_or(0);
            if trains || best >= 3 {
                ranked.push((u8::from(!trains), usize::MAX - best, c));
            }
        }
        ranked.sort_unstable();
        ranked.truncate(MAX_COLLEGE_ROWS);
        Ok(ranked.into_iter().map(|(_, _, c)| c).collect())
    }

    /// The college's rows as core types, each checked: known, not repeated, numbers in range.
    fn college_rows(&self, input: &CollegeInputDto) -> Result<CollegeRows, Error> {
        for (field, n) in [
            ("origins", input.origins.len()),
            ("destinations", input.destinations.len()),
            ("courses", input.courses.len()),
        ] {
            if n > MAX_COLLEGE_ROWS {
                return Err(Error::InvalidArgument {
                    field,
                    value: format!("{n} rows"),
                    expected: "at most 500 rows",
                });
            }
        }
        let origins = self
            .groups("origins", &input.origins)?
            .into_iter()
            .map(|(occupation, people)| CollegeOrigin { occupation, people })
            .collect();
        let destinations = self
            .groups("destinations", &input.destinations)?
            .into_iter()
            .map(|(occupation, openings)| CollegeDestination {
                occupation,
                openings,
            })
            .collect();
        let mut seen = HashSet::new();
        let mut courses = Vec::with_capacity(input.courses.len());
        for (i, row) in input.courses.iter().enumerate() {
            let c = self
                .data
                .course_id(&row.course)
                .ok_or_else(|| Error::InvalidArgument {
                    field: "courses",
                    value: format!("row {}: {}", i + 1, crate::text::clip(&row.course, 80)),
                    expected: "a course id of the catalogue",
                })?;
            if !seen.insert(c) {
                return Err(Error::InvalidArgument {
                    field: "courses",
                    value: format!(
                        "row {}: {} again",
                        i + 1,
                        crate::text::clip(&row.course, 80)
                    ),
                    expected: "each course once",
                });
            }
            courses.push(CollegeCourse {
                course: c,
                running: running_from(row, &suggested_running(self, c), i)?,
            });
        }
        Ok((origins, destinations, courses))
    }

    pub(super) fn groups(
        &self,
        field: &'static str,
        rows: &[GroupDto],
    ) -> Result<Vec<(OccupationId, f64)>, Error> {
        let mut seen = HashSet::new();
        let mut out = Vec::with_capacity(rows.len());
        for (i, row) in rows.iter().enumerate() {
            let o =
                self.data
                    .occupation_id(&row.occupation)
                    .ok_or_else(|| Error::InvalidArgument {
                        field,
                        value: format!("row {}: {}", i + 1, crate::text::clip(&row.occupation, 80)),
                        expected: "an ESCO occupation id",
                    })?;
            if !seen.insert(o) {
                return Err(Error::InvalidArgument {
                    field,
                    value: format!("row {}: {} again", i + 1, self.data.occupation(o).label),
                    expected: "each occupation once",
                });
            }
            if !(row.count.is_finite() && (0.0..=1e7).contains(&row.count)) {
                return Err(Error::InvalidArgument {
                    field,
                    value: format!(
                        "row {} ({}): {}",
                        i + 1,
                        self.data.occupation(o).label,
                        row.count
                    ),
                    expected: "a number of people from 0 to 10,000,000",
                });
            }
            out.push((o, row.count));
        }
        Ok(out)
    }

    fn demand_gap_dtos(
        &self,
        destinations: &[CollegeDestination],
        completions: &[f64],
    ) -> Vec<DemandGapDto> {
        demand_gaps(destinations, completions)
            .into_iter()
            .map(|g| DemandGapDto {
                occupation: self.occupation_ref(destinations[g.destination].occupation),
                openings: round1(g.openings),
                completions: round1(g.completions),
                gap: round1(g.gap),
            })
            .collect()
    }

    #[allow(clippy::too_many_arguments)]
    fn portfolio_dto(
        &self,
        problem: &crate::portfolio::PortfolioProblem,
        origins: &[CollegeOrigin],
        courses: &[CollegeCourse],
        destinations: &[CollegeDestination],
        plan: &PortfolioPlan,
        limits: Vec<LimitDto>,
        has_route: &[bool],
    ) -> PortfolioDto {
        let mut course_dtos: Vec<PortfolioCourseDto> = plan
            .courses
            .iter()
            .map(|cp| PortfolioCourseDto {
                course: self.course_ref(courses[cp.course].course),
                cohorts: cp.cohorts,
                places: cp.places,
                cost: round2(cp.cost),
                flows: plan
                    .flows
                    .iter()
                    .filter(|f| problem.links[f.link].course == cp.course)
                    .map(|f| {
                        let link = &problem.links[f.link];
                        PortfolioFlowDto {
                            origin: self.occupation_ref(origins[link.origin].occupation),
                            destination: self
                                .occupation_ref(destinations[link.destination].occupation),
                            places: f.places,
                            placements: round2(f.placements),
                        }
                    })
                    .collect(),
            })
            .collect();
        // Running courses first, most places first; then the rest in the college's order.
        course_dtos.sort_by_key(|c| std::cmp::Reverse((c.cohorts > 0, c.places)));
        let mut unmet: Vec<UnmetDemandDto> = destinations
            .iter()
            .zip(&plan.placed)
            .map(|(d, &placed)| UnmetDemandDto {
                occupation: self.occupation_ref(d.occupation),
                openings: round1(d.openings),
                placed: round2(placed),
                unmet: round1((d.openings - placed).max(0.0)),
            })
            .collect();
        unmet.sort_by(|a, b| b.unmet.total_cmp(&a.unmet));
        PortfolioDto {
            outcome: "planned".into(),
            courses: course_dtos,
            unmet,
            origins: origins
                .iter()
                .zip(&plan.enrolled)
                .zip(has_route)
                .map(|((o, &enrolled), &has_route)| OriginUseDto {
                    occupation: self.occupation_ref(o.occupation),
                    learners: o.people,
                    enrolled,
                    has_route,
                })
                .collect(),
            limits,
            shortfalls: Vec::new(),
            demand_gaps: self.demand_gap_dtos(destinations, &plan.placed),
            placements: round2(plan.placements),
            places: plan.courses.iter().map(|c| c.places).sum(),
            cost: round2(plan.cost),
            tutor_hours: round2(plan.tutor_hours),
            sessions: round2(plan.sessions),
            objective: round2(plan.objective),
            status: super::status_name(plan.status).to_owned(),
            gap: plan.gap,
            links: problem.links.len(),
            links_dropped: 0,
        }
    }
}

/// Suggested running figures for course `c` (see [`ASSUMPTIONS`]).
fn suggested_running(planner: &Planner, c: CourseId) -> CourseRunningDto {
    let course = planner.data.course(c);
    let weeks = f64::from(weighed_weeks(course));
    let (hours, cohort_min, cohort_max, success) = match course.kind {
        CourseKind::ShortCourse => ((weeks.min(2.0) * 30.0).max(7.0), 4.0, 10.0, 0.7),
        CourseKind::Qualification => ((weeks * 6.0).clamp(12.0, 300.0), 8.0, 16.0, 0.7),
        CourseKind::Bootcamp => ((weeks * 10.0).clamp(60.0, 240.0), 8.0, 16.0, 0.7),
        CourseKind::Apprenticeship => ((weeks * 4.0).clamp(100.0, 600.0), 6.0, 15.0, 0.55),
        CourseKind::Degree => ((weeks * 8.0).clamp(200.0, 1200.0), 10.0, 30.0, 0.7),
    };
    let hours = hours.round();
    CourseRunningDto {
        course: course.id.clone(),
        fixed_cost: Some(2_000.0),
        cost_per_cohort: Some(hours * TUTOR_HOUR_COST),
        cost_per_place: Some(150.0),
        tutor_hours_per_cohort: Some(hours),
        sessions_per_cohort: Some((hours / SESSION_HOURS).ceil()),
        cohort_min: Some(cohort_min),
        cohort_max: Some(cohort_max),
        max_cohorts: Some(3.0),
        success_rate: Some(success),
        must_run: Some(false),
    }
}

/// The college's figures for one course, its suggestions where it gave none, checked.
fn running_from(
    row: &CourseRunningDto,
    suggested: &CourseRunningDto,
    i: usize,
) -> Result<PortfolioCourse, Error> {
    let pick = |given: Option<f64>, fallback: Option<f64>| given.or(fallback).unwrap_or(0.0);
    let whole = |field: &'static str, value: f64, max: f64| -> Result<u32, Error> {
        if value.is_finite() && value.fract() == 0.0 && (0.0..=max).contains(&value) {
            Ok(value as u32)
        } else {
            Err(Error::InvalidArgument {
                field,
                value: format!("row {}: {value}", i + 1),
                expected:
                    "a whole number in range (cohorts up to 1,000 learners, up to 100 cohorts)",
            })
        }
    };
    Ok(PortfolioCourse {
        fixed_cost: pick(row.fixed_cost, suggested.fixed_cost),
        cost_per_cohort: pick(row.cost_per_cohort, suggested.cost_per_cohort),
        cost_per_place: pick(row.cost_per_place, suggested.cost_per_place),
        tutor_hours_per_cohort: pick(row.tutor_hours_per_cohort, suggested.tutor_hours_per_cohort),
        sessions_per_cohort: pick(row.sessions_per_cohort, suggested.sessions_per_cohort),
        cohort_min: whole(
            "cohortMin",
            pick(row.cohort_min, suggested.cohort_min),
            1000.0,
        )?,
        cohort_max: whole(
            "cohortMax",
            pick(row.cohort_max, suggested.cohort_max),
            1000.0,
        )?,
        max_cohorts: whole(
            "maxCohorts",
            pick(row.max_cohorts, suggested.max_cohorts),
            100.0,
        )?,
        success_rate: pick(row.success_rate, suggested.success_rate),
        must_run: row.must_run.unwrap_or(false),
    })
}

/// An optional number in `[low, high]`, or `default` when absent.
/// `value` when it is a finite number from `low` to `high`, `default` when absent; otherwise an
/// error naming `field`.
pub(super) fn unit_or(
    field: &'static str,
    value: Option<f64>,
    default: f64,
    low: f64,
    high: f64,
) -> Result<f64, Error> {
    match value {
        None => Ok(default),
        Some(v) if v.is_finite() && (low..=high).contains(&v) => Ok(v),
        Some(v) => Err(Error::InvalidArgument {
            field,
            value: v.to_string(),
            expected: "a number in its range (see the API docs)",
        }),
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
