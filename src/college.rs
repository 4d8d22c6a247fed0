//! A college's questions about an area: where the skills gaps are, and which courses to run.
//!
//! The college brings its origins (carbon-intensive occupations and how many learners it could
//! enrol from each), its destinations (green occupations and their openings) and its candidate
//! courses with what a cohort costs and needs. This module judges which course makes which move
//! viable, into a good job, and hands the rest to [`crate::portfolio`]; it also ranks the skills
//! gaps (workers affected × demand) beside the common "demand gap" (openings less completions).

// Indexing cannot go out of range in this module. Skill and occupation ids come from the validated
// dataset, and the vectors indexed here have one entry per skill or per destination given.
#![allow(clippy::indexing_slicing)]

use std::collections::BTreeMap;

use crate::dataset::Dataset;
use crate::error::Error;
use crate::model::{CourseId, CourseKind, OccupationId, SkillId, COURSE_LINK_THRESHOLD};
use crate::plan::CoursePlanner;
use crate::portfolio::{
    PortfolioCourse, PortfolioDestination, PortfolioLink, PortfolioOrigin, PortfolioProblem,
};
use crate::transitions::{job_zone_rise, TransitionEngine, TransitionOptions, MAX_JOB_ZONE_RISE};

/// A skill counts as held when its credit reaches this (the skill or a close one is held).
pub const HELD_CREDIT: f32 = 0.5;

/// One origin group.
#[derive(Debug, Clone, PartialEq)]
pub struct CollegeOrigin {
    /// The occupation.
    pub occupation: OccupationId,
    /// People in it (for the skills gaps) or learners the college could enrol (for the plan).
    pub people: f64,
}

/// One destination.
#[derive(Debug, Clone, PartialEq)]
pub struct CollegeDestination {
    /// The occupation.
    pub occupation: OccupationId,
    /// Openings to fill.
    pub openings: f64,
}

/// One candidate course with what running it takes.
#[derive(Debug, Clone, PartialEq)]
pub struct CollegeCourse {
    /// The course in the catalogue.
    pub course: CourseId,
    /// Costs, capacity and success rate.
    pub running: PortfolioCourse,
}

/// What counts as a good move.
#[derive(Debug, Clone, PartialEq)]
pub struct GoodMove {
    /// Viability thresholds and score weights (the worker page's).
    pub transitions: TransitionOptions,
}

impl GoodMove {
    /// Pay at least `pay_ratio` of current pay and at least `pay_floor` a year.
    pub fn new(pay_ratio: f32, pay_floor: Option<u32>) -> GoodMove {
        GoodMove {
            transitions: TransitionOptions {
                desirable_pay_ratio: pay_ratio,
                pay_floor,
                ..TransitionOptions::default()
            },
        }
    }

    /// The pay uplift of the move from `origin` to `destination` when the destination is a good
    /// job for it, else `None` (pay unknown, below the share of current pay or below the floor).
    pub fn uplift(
        &self,
        data: &Dataset,
        origin: OccupationId,
        destination: OccupationId,
    ) -> Option<f64> {
        good_uplift(data, origin, destination, &self.transitions)
    }
}

/// The viable, good (origin, course, destination) links, as indices into the three lists.
///
/// A course makes the move viable when it [`serves`] it: an apprenticeship for the destination
/// itself (at most two job zones up: it is built for new entrants); or a course that trains
/// for the destination or teaches at least [`MIN_SKILLS_TAUGHT`] of its missing essential
/// skills, when what it teaches, added to what the origin brings, makes the move viable on
/// skills by the worker page's test (job zone rise included); a course for people already in
/// the trade ([`for_the_trade`]) only when the move is viable without it. The destination must be a good job: pay known, at least the
/// chosen share of current pay and at least the pay floor.
///
/// # Errors
/// [`Error::UnknownOccupation`] for an unknown origin.
pub fn links(
    data: &Dataset,
    engine: &TransitionEngine,
    courses_taught: &CoursePlanner,
    origins: &[CollegeOrigin],
    courses: &[CollegeCourse],
    destinations: &[CollegeDestination],
    good: &GoodMove,
) -> Result<Vec<PortfolioLink>, Error> {
    let options = &good.transitions;
    let mut out = Vec::new();
    for (o, origin) in origins.iter().enumerate() {
        let from = data.occupation(origin.occupation);
        let held = engine.origin_credit(data, origin.occupation, &options.params)?;
        let good_for: Vec<Option<f64>> = destinations
            .iter()
            .map(|d| good_uplift(data, origin.occupation, d.occupation, options))
            .collect();
        let mut credit = held.clone();
        for (c, course) in courses.iter().enumerate() {
            let teaches = courses_taught.teaches(course.course);
            for &s in teaches {
                credit[s as usize] = 1.0;
            }
            let trains_for = |d: OccupationId| {
                data.course(course.course)
                    .occupations
                    .iter()
                    .any(|l| l.0 == d && l.1 >= COURSE_LINK_THRESHOLD)
            };
            for (d, destination) in destinations.iter().enumerate() {
                let Some(uplift) = good_for[d] else {
                    continue;
                };
                let to = data.occupation(destination.occupation);
                let viable = match serves(
                    data,
                    &held,
                    course.course,
                    teaches,
                    from,
                    to,
                    trains_for(destination.occupation),
                ) {
                    Serves::AsEntryRoute => true,
                    Serves::OnSkills => engine.viable_with_credit(from, to, &credit, options),
                    Serves::AlreadyClose => engine.viable_with_credit(from, to, &held, options),
                    Serves::No => false,
                };
                if viable {
                    out.push(PortfolioLink {
                        origin: o,
                        course: c,
                        destination: d,
                        uplift,
                    });
                }
            }
            for &s in teaches {
                credit[s as usize] = held[s as usize];
            }
        }
    }
    Ok(out)
}

/// Fewest essential skills of the destination, missing from the origin, that a course which
/// does not train for the destination must teach to count for the move: one shared skill made
/// an upholstery apprenticeship a route to automotive electrician.
pub const MIN_SKILLS_TAUGHT: usize = 3;

/// How a course can serve a move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Serves {
    /// It does not.
    No,
    /// An apprenticeship for the destination itself: built for new entrants, so it serves on
    /// its own (one more job zone up than a move on skills is allowed).
    AsEntryRoute,
    /// It trains for the destination or teaches at least [`MIN_SKILLS_TAUGHT`] of its missing
    /// essential skills: it serves if the move, with what it teaches, is viable on skills.
    OnSkills,
    /// As [`Serves::OnSkills`], but the course is for people already in the trade (see
    /// [`for_the_trade`]): it serves only a move already viable on skills without it.
    AlreadyClose,
}

/// Whether a course is for people already in a trade, as its entry requirements say ("Existing
/// heating/plumbing installer", "Qualified electrician", "Existing oil and gas workers", "two
/// years experience in a technically relevant role", "Enrolled on the four-year electrical
/// apprenticeship"): an upskilling award, not a way in.
pub fn for_the_trade(course: &crate::model::Course) -> bool {
    let words = crate::text::words(&course.prerequisites);
    words.iter().any(|w| {
        matches!(
            w.as_str(),
            "existing"
                | "experienced"
                | "qualified"
                | "experience"
                | "competence"
                | "current"
                | "apprentice"
                | "apprentices"
                | "apprenticeship"
                | "enrolled"
        )
    })
}

/// Whether course `c` (teaching `teaches`, sorted) can serve the move from `from` (holding
/// `held`) to `to`; `trains` says whether `c` trains for `to`. An apprenticeship serves only
/// the job it is the standard for; a course more than one RQF level below the job's job zone
/// serves none.
pub fn serves(
    data: &Dataset,
    held: &[f32],
    c: CourseId,
    teaches: &[SkillId],
    from: &crate::model::Occupation,
    to: &crate::model::Occupation,
    trains: bool,
) -> Serves {
    if data.course(c).kind == CourseKind::Apprenticeship {
        return if trains && job_zone_rise(from, to) <= MAX_JOB_ZONE_RISE + 1 {
            Serves::AsEntryRoute
        } else {
            Serves::No
        };
    }
    let taught_missing = to
        .essential
        .iter()
        .filter(|&&s| held[s as usize] < HELD_CREDIT && teaches.binary_search(&s).is_ok())
        .count();
    // A level 1 awareness course does not make a technician: the course's RQF level must be
    // at least one below the level the job's O*NET job zone suggests (zone 3 ≈ level 3).
    let too_low = match (data.course(c).level, to.job_zone) {
        (Some(level), Some(zone)) => level.saturating_add(1) < zone,
        _ => false,
    };
    if too_low || !(trains || taught_missing >= MIN_SKILLS_TAUGHT) {
        Serves::No
    } else if for_the_trade(data.course(c)) {
        Serves::AlreadyClose
    } else {
        Serves::OnSkills
    }
}

/// The pay uplift of a good move, or `None` when the destination is not a good job for the
/// origin (pay unknown, below the share of current pay, or below the floor).
fn good_uplift(
    data: &Dataset,
    origin: OccupationId,
    destination: OccupationId,
    options: &TransitionOptions,
) -> Option<f64> {
    let (from, to) = (data.occupation(origin), data.occupation(destination));
    let (now, then) = (from.annual_earnings?, to.annual_earnings?);
    let ratio = f64::from(then) / f64::from(now);
    let floor_ok = options.pay_floor.is_none_or(|f| then >= f);
    (ratio >= f64::from(options.desirable_pay_ratio) && floor_ok).then_some(ratio - 1.0)
}

/// The portfolio problem for the college's lists (see [`crate::portfolio`]); origins in the
/// carbon-intensive list count as such.
pub fn problem(
    data: &Dataset,
    origins: &[CollegeOrigin],
    courses: &[CollegeCourse],
    destinations: &[CollegeDestination],
    links: Vec<PortfolioLink>,
) -> PortfolioProblem {
    PortfolioProblem {
        courses: courses.iter().map(|c| c.running.clone()).collect(),
        origins: origins
            .iter()
            .map(|o| PortfolioOrigin {
                supply: o.people,
                carbon_intensive: data.occupation(o.occupation).carbon.is_some(),
            })
            .collect(),
        destinations: destinations
            .iter()
            .map(|d| PortfolioDestination { demand: d.openings })
            .collect(),
        links,
        limits: Default::default(),
        weights: Default::default(),
        time_limit: 10.0,
        gap_tolerance: crate::portfolio::COLLEGE_GAP_TOLERANCE,
    }
}

/// A skill the area's workers lack for the jobs in demand.
#[derive(Debug, Clone, PartialEq)]
pub struct SkillGap {
    /// The skill.
    pub skill: SkillId,
    /// Openings in destinations that list it as essential.
    pub openings_needing: f64,
    /// Workers in origins that lack it (no credit from the skill or a close one).
    pub workers_lacking: f64,
    /// `openings_needing × workers_lacking / all workers`: how much of the area's transition
    /// it stands in the way of.
    pub weight: f64,
    /// Courses that teach it (of those asked about, in their order), at most ten.
    pub taught_by: Vec<CourseId>,
}

/// The demand gap of one destination: openings less what the plan completes.
#[derive(Debug, Clone, PartialEq)]
pub struct DemandGap {
    /// Index into the destinations.
    pub destination: usize,
    /// Openings.
    pub openings: f64,
    /// Completions counted against it (the plan's expected placements, or 0 without a plan).
    pub completions: f64,
    /// `openings − completions`, never below 0.
    pub gap: f64,
}

/// The skills gaps that matter most, largest weight first (ties by skill), at most `count`.
///
/// # Errors
/// [`Error::UnknownOccupation`] for an unknown origin.
pub fn skill_gaps(
    data: &Dataset,
    engine: &TransitionEngine,
    courses_taught: &CoursePlanner,
    origins: &[CollegeOrigin],
    courses: &[CourseId],
    destinations: &[CollegeDestination],
    count: usize,
) -> Result<Vec<SkillGap>, Error> {
    let params = TransitionOptions::default().params;
    let mut openings: BTreeMap<SkillId, f64> = BTreeMap::new();
    for d in destinations {
        for &s in &data.occupation(d.occupation).essential {
            *openings.entry(s).or_default() += d.openings;
        }
    }
    let mut lacking: BTreeMap<SkillId, f64> = BTreeMap::new();
    let mut workers = 0.0;
    for o in origins {
        workers += o.people;
        let credit = engine.origin_credit(data, o.occupation, &params)?;
        for &s in openings.keys() {
            if credit[s as usize] < HELD_CREDIT {
                *lacking.entry(s).or_default() += o.people;
            }
        }
    }
    let mut gaps: Vec<SkillGap> = openings
        .iter()
        .filter_map(|(&skill, &needing)| {
            let lack = lacking.get(&skill).copied().unwrap_or(0.0);
            let weight = if workers > 0.0 {
                needing * lack / workers
            } else {
                0.0
            };
            (weight > 0.0).then(|| SkillGap {
                skill,
                openings_needing: needing,
                workers_lacking: lack,
                weight,
                taught_by: courses
                    .iter()
                    .copied()
                    .filter(|&c| courses_taught.teaches(c).binary_search(&skill).is_ok())
                    .take(10)
                    .collect(),
            })
        })
        .collect();
    gaps.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then_with(|| a.skill.cmp(&b.skill))
    });
    gaps.truncate(count);
    Ok(gaps)
}

/// The common "demand gap": openings less completions, per destination, largest first.
pub fn demand_gaps(destinations: &[CollegeDestination], completions: &[f64]) -> Vec<DemandGap> {
    let mut out: Vec<DemandGap> = destinations
        .iter()
        .enumerate()
        .map(|(d, dest)| {
            let done = completions.get(d).copied().unwrap_or(0.0);
            DemandGap {
                destination: d,
                openings: dest.openings,
                completions: done,
                gap: (dest.openings - done).max(0.0),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.gap
            .total_cmp(&a.gap)
            .then_with(|| a.destination.cmp(&b.destination))
    });
    out
}
