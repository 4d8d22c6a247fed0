//! The rules every course keeps, in one place. The dataset's validation (and so the data builder,
//! which validates what it writes) and a college's or council's own course list
//! ([`crate::course_import`]) all check courses here, so a rule cannot differ between them; each
//! caller only says where a problem is (`courses[3].weeks` in a dataset, `row 3 (line 4), weeks`
//! in a loaded list).

use std::collections::HashSet;

use crate::limits::shown;
use crate::model::Course;

/// Highest RQF level.
pub const MAX_COURSE_LEVEL: u8 = 8;
/// Longest course in weeks (six years: the longest apprenticeship standard in the 2021 IfATE
/// file, "Civil engineer (degree)", is typically 66 months, 286 weeks).
pub const MAX_COURSE_WEEKS: f32 = 312.0;
/// Course prices and funding caps above this are taken as a data error (GBP).
pub const MAX_COURSE_COST: u32 = 100_000;

/// One broken rule: which course (its position in the list checked), which field (with the
/// position inside a list field, as in `requires[1]` or `occupations[0][1]`) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseProblem {
    /// Position of the course in the list checked.
    pub course: usize,
    /// The field, e.g. `weeks`, `requires[1]`, `occupations[0][1]`.
    pub field: String,
    /// What is wrong, naming the value.
    pub message: String,
}

impl CourseProblem {
    /// The field's name without positions (`requires[1]` → `requires`): the column of a CSV.
    pub fn column(&self) -> &str {
        self.field.split('[').next().unwrap_or_default()
    }
}

/// How many records references may reach: skills and occupations of the dataset, courses of the
/// list (or of the whole catalogue, when only part of it is loaded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reach {
    /// Skills a course may teach (indices below this).
    pub skills: usize,
    /// Courses a course may require.
    pub courses: usize,
    /// Occupations a course may train for.
    pub occupations: usize,
}

/// Every problem of `courses`, course by course in a stable order, then prerequisite cycles.
pub fn check_courses(courses: &[Course], reach: Reach) -> Vec<CourseProblem> {
    let mut out = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for (i, course) in courses.iter().enumerate() {
        let mut problem = |field: String, message: String| {
            out.push(CourseProblem {
                course: i,
                field,
                message,
            });
        };
        if course.id.trim().is_empty() {
            problem("id".into(), "must not be empty".into());
        } else if !seen.insert(course.id.as_str()) {
            problem("id".into(), format!("{} appears twice", shown(&course.id)));
        }
        if course.title.trim().is_empty() {
            problem("title".into(), "must not be empty".into());
        }
        if let Some(level) = course.level.filter(|l| !(1..=MAX_COURSE_LEVEL).contains(l)) {
            problem(
                "level".into(),
                format!("{level} is outside 1 to {MAX_COURSE_LEVEL} (RQF levels)"),
            );
        }
        if let Some(weeks) = course.weeks {
            if !weeks.is_finite() || weeks <= 0.0 || weeks > MAX_COURSE_WEEKS {
                problem(
                    "weeks".into(),
                    format!(
                        "{weeks} is not a duration above 0 and at most {MAX_COURSE_WEEKS} weeks"
                    ),
                );
            }
        }
        if let Some(cost) = course.cost.filter(|&c| c > MAX_COURSE_COST) {
            problem("cost".into(), format!("{cost} is above {MAX_COURSE_COST}"));
        }
        if let Some(cap) = course.max_funding.filter(|&c| c > MAX_COURSE_COST) {
            problem(
                "maxFunding".into(),
                format!("{cap} is above {MAX_COURSE_COST}"),
            );
        }
        for (j, &required) in course.requires.iter().enumerate() {
            if required as usize >= reach.courses {
                problem(
                    format!("requires[{j}]"),
                    out_of_range(required, reach.courses),
                );
            } else if required as usize == i {
                problem(
                    format!("requires[{j}]"),
                    format!("{required} is the course itself; a course cannot require itself"),
                );
            }
        }
        let mut previous = None;
        for (j, &skill) in course.teaches.iter().enumerate() {
            if skill as usize >= reach.skills {
                problem(format!("teaches[{j}]"), out_of_range(skill, reach.skills));
            }
            if let Some(before) = previous.filter(|&before| before >= skill) {
                problem(
                    format!("teaches[{j}]"),
                    format!(
                        "{skill} is not above the previous entry {before} (lists are ascending, without repeats)"
                    ),
                );
            }
            previous = Some(skill);
        }
        let mut linked = HashSet::new();
        for (j, link) in course.occupations.iter().enumerate() {
            if link.0 as usize >= reach.occupations {
                problem(
                    format!("occupations[{j}][0]"),
                    out_of_range(link.0, reach.occupations),
                );
            }
            if !linked.insert(link.0) {
                problem(
                    format!("occupations[{j}][0]"),
                    format!("occupation {} is linked twice", link.0),
                );
            }
            if !link.1.is_finite() || !(0.0..=1.0).contains(&link.1) {
                problem(
                    format!("occupations[{j}][1]"),
                    format!("{} is not a confidence from 0 to 1", link.1),
                );
            }
        }
        // A college's own course may have no page; a source given must be a web address.
        let url = course.source.starts_with("https://") || course.source.starts_with("http://");
        if !course.source.is_empty() && !url {
            problem(
                "source".into(),
                format!("{} is not an http(s) URL", shown(&course.source)),
            );
        }
    }
    check_cycles(courses, &mut out);
    out
}

fn out_of_range(index: u32, len: usize) -> String {
    format!("index {index} is out of range (there are {len})")
}

/// Prerequisite cycles (a course that, through `requires`, needs itself), each reported once at
/// the link that closes it, by course id. Out-of-range and self links are reported above and
/// skipped here.
// Every index here is a course index below `n`: `state` has one entry per course, links at or
// past `n` are skipped before they are followed, and `path` holds only followed courses.
#[allow(clippy::indexing_slicing)]
fn check_cycles(courses: &[Course], out: &mut Vec<CourseProblem>) {
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let n = courses.len();
    let mut state = vec![NEW; n];
    for start in 0..n {
        if state[start] != NEW {
            continue;
        }
        state[start] = ON_PATH;
        // Depth-first, without recursion: (course, next `requires` entry to follow).
        let mut path: Vec<(usize, usize)> = vec![(start, 0)];
        while let Some(top) = path.last_mut() {
            let (node, edge) = (top.0, top.1);
            let Some(&next) = courses[node].requires.get(edge) else {
                state[node] = DONE;
                path.pop();
                continue;
            };
            top.1 += 1;
            let next = next as usize;
            if next >= n || next == node {
                continue;
            }
            match state[next] {
                NEW => {
                    state[next] = ON_PATH;
                    path.push((next, 0));
                }
                ON_PATH => {
                    let from = path.iter().position(|&(c, _)| c == next).unwrap_or(0);
                    let cycle: Vec<String> = path[from..]
                        .iter()
                        .map(|&(c, _)| shown(&courses[c].id))
                        .chain(std::iter::once(shown(&courses[next].id)))
                        .collect();
                    out.push(CourseProblem {
                        course: node,
                        field: "requires".into(),
                        message: format!(
                            "requiring {} closes a cycle ({})",
                            shown(&courses[next].id),
                            cycle.join(" → ")
                        ),
                    });
                }
                _ => {}
            }
        }
    }
}
