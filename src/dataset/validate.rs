//! The rules a dataset must keep, each broken rule reported with where and what.

use std::collections::HashSet;

use super::Extent;
use crate::model::{Course, DataFile, EstimatedFrom, Occupation, RecognisedRoute};

/// The classification keys this code knows, in the order the default dataset lists them.
pub(crate) const CLASSIFICATION_KEYS: [&str; 5] = [
    "carbonIntensive",
    "curatedGreenJobs",
    "escoGreenSkills",
    "onetGreenEconomy",
    "onsGreenTasks",
];

/// The schema version this code reads.
/// Version 2: occupation and course skill lists are stored delta-encoded.
/// Version 3: estimated pay and job zones, UK job titles, curated green jobs, recognised routes.
pub const SCHEMA_VERSION: u32 = 3;
/// Highest O*NET job zone.
const MAX_JOB_ZONE: u8 = 5;
/// Annual earnings above this are taken as a data error (GBP).
const MAX_ANNUAL_EARNINGS: u32 = 10_000_000;
/// Highest RQF level.
const MAX_COURSE_LEVEL: u8 = 8;
/// Longest course in weeks (six years: the longest apprenticeship standard in the 2021 IfATE
/// file, "Civil engineer (degree)", is typically 66 months, 286 weeks).
const MAX_COURSE_WEEKS: f32 = 312.0;
/// Course prices and funding caps above this are taken as a data error (GBP).
const MAX_COURSE_COST: u32 = 100_000;

/// Every problem in `file`, in a stable order; empty when the file is valid. References to
/// skills and courses may reach up to `extent` (records of parts not loaded yet).
pub fn problems(file: &DataFile, extent: Extent) -> Vec<String> {
    let mut out = Vec::new();
    if file.meta.schema_version != SCHEMA_VERSION {
        out.push(format!(
            "meta.schemaVersion: {} is not supported; expected {SCHEMA_VERSION}",
            file.meta.schema_version
        ));
    }
    check_isco_groups(file, &mut out);
    check_skill_groups(file, &mut out);
    check_skills(file, extent, &mut out);
    check_skill_relations(file, &mut out);
    check_occupations(file, &mut out);
    check_classifications(file, extent, &mut out);
    check_courses(file, extent, &mut out);
    check_routes(file, extent, &mut out);
    out
}

fn check_isco_groups(file: &DataFile, out: &mut Vec<String>) {
    let mut seen = HashSet::new();
    for (i, group) in file.isco_groups.iter().enumerate() {
        let valid = (1..=4).contains(&group.code.len()) && is_digits(&group.code);
        if !valid {
            out.push(format!(
                "iscoGroups[{i}].code: {:?} is not an ISCO-08 code of 1 to 4 digits",
                group.code
            ));
        }
        if !seen.insert(group.code.as_str()) {
            out.push(format!(
                "iscoGroups[{i}].code: {:?} appears twice",
                group.code
            ));
        }
    }
}

fn check_skill_groups(file: &DataFile, out: &mut Vec<String>) {
    let mut seen = HashSet::new();
    for (i, group) in file.skill_groups.iter().enumerate() {
        require_text(out, &format!("skillGroups[{i}].id"), &group.id);
        require_text(out, &format!("skillGroups[{i}].label"), &group.label);
        if !seen.insert(group.id.as_str()) {
            out.push(format!("skillGroups[{i}].id: {:?} appears twice", group.id));
        }
        if let Some(parent) = group.parent {
            // Parents come first, which also rules out cycles.
            if parent as usize >= i {
                out.push(format!(
                    "skillGroups[{i}].parent: {parent} must be the index of an earlier group"
                ));
            }
        }
    }
}

fn check_skills(file: &DataFile, extent: Extent, out: &mut Vec<String>) {
    let mut seen = HashSet::new();
    for (i, skill) in file.skills.iter().enumerate() {
        let at = format!("skills[{i}]");
        require_text(out, &format!("{at}.id"), &skill.id);
        require_text(out, &format!("{at}.label"), &skill.label);
        if !seen.insert(skill.id.as_str()) {
            out.push(format!("{at}.id: {:?} appears twice", skill.id));
        }
        if let Some(group) = skill.group {
            check_index(out, &format!("{at}.group"), group, file.skill_groups.len());
        }
        if let Some(broader) = skill.broader {
            check_index(out, &format!("{at}.broader"), broader, extent.skills);
            if broader as usize == i {
                out.push(format!(
                    "{at}.broader: a skill cannot be broader than itself"
                ));
            }
        }
    }
}

fn check_skill_relations(file: &DataFile, out: &mut Vec<String>) {
    let skills = file.skills.len();
    for (i, relation) in file.skill_relations.iter().enumerate() {
        check_index(out, &format!("skillRelations[{i}][0]"), relation.0, skills);
        check_index(out, &format!("skillRelations[{i}][1]"), relation.1, skills);
        if relation.0 == relation.1 {
            out.push(format!(
                "skillRelations[{i}]: relates skill {} to itself",
                relation.0
            ));
        }
    }
}

fn check_occupations(file: &DataFile, out: &mut Vec<String>) {
    let mut seen = HashSet::new();
    let known_isco: HashSet<&str> = file.isco_groups.iter().map(|g| g.code.as_str()).collect();
    for (i, occupation) in file.occupations.iter().enumerate() {
        let at = format!("occupations[{i}]");
        require_text(out, &format!("{at}.id"), &occupation.id);
        require_text(out, &format!("{at}.label"), &occupation.label);
        if !seen.insert(occupation.id.as_str()) {
            out.push(format!("{at}.id: {:?} appears twice", occupation.id));
        }
        if occupation.isco.len() != 4 || !is_digits(&occupation.isco) {
            out.push(format!(
                "{at}.isco: {:?} is not a 4-digit ISCO-08 unit group",
                occupation.isco
            ));
        } else if !known_isco.is_empty() && !known_isco.contains(occupation.isco.as_str()) {
            out.push(format!(
                "{at}.isco: {:?} is not among iscoGroups",
                occupation.isco
            ));
        }
        check_skill_list(
            out,
            &at,
            "essential",
            &occupation.essential,
            file.skills.len(),
        );
        check_skill_list(
            out,
            &at,
            "optional",
            &occupation.optional,
            file.skills.len(),
        );
        check_disjoint(out, &at, occupation);
        if let Some(zone) = occupation.job_zone {
            if !(1..=MAX_JOB_ZONE).contains(&zone) {
                out.push(format!(
                    "{at}.jobZone: {zone} is outside 1 to {MAX_JOB_ZONE}"
                ));
            }
        }
        if let Some(pay) = occupation.annual_earnings {
            if pay == 0 || pay > MAX_ANNUAL_EARNINGS {
                out.push(format!(
                    "{at}.annualEarnings: {pay} is outside 1 to {MAX_ANNUAL_EARNINGS}"
                ));
            }
        }
        check_green_fields(out, &at, occupation);
        check_estimate(out, &at, i, occupation, file.occupations.len());
        for (j, title) in occupation.uk_titles.iter().enumerate() {
            require_text(out, &format!("{at}.ukTitles[{j}]"), title);
        }
        for (j, title) in occupation.soc_titles.iter().enumerate() {
            require_text(out, &format!("{at}.socTitles[{j}]"), title);
        }
    }
}

/// Where estimated pay and job zones came from: a real other occupation or ISCO code, and only
/// on occupations that have the figures.
fn check_estimate(out: &mut Vec<String>, at: &str, i: usize, occupation: &Occupation, n: usize) {
    match &occupation.estimated_from {
        None => {}
        Some(EstimatedFrom::BroaderOccupation(b)) => {
            check_index(out, &format!("{at}.estimatedFrom.broaderOccupation"), *b, n);
            if *b as usize == i {
                out.push(format!(
                    "{at}.estimatedFrom.broaderOccupation: {b} is the occupation itself"
                ));
            }
        }
        Some(EstimatedFrom::IscoGroupMedian(code))
            if !(1..=4).contains(&code.len()) || !is_digits(code) =>
        {
            out.push(format!(
                "{at}.estimatedFrom.iscoGroupMedian: {code:?} is not an ISCO-08 code"
            ));
        }
        Some(EstimatedFrom::IscoGroupMedian(_)) => {}
    }
    if occupation.estimated_from.is_some()
        && occupation.annual_earnings.is_none()
        && occupation.job_zone.is_none()
    {
        out.push(format!(
            "{at}.estimatedFrom: set, but the occupation has neither pay nor job zone"
        ));
    }
}

/// The recognised routes: text, sources, occupations and courses in range, and never a move
/// into a carbon-intensive job.
fn check_routes(file: &DataFile, extent: Extent, out: &mut Vec<String>) {
    let mut seen = HashSet::new();
    for (i, route) in file.routes.iter().enumerate() {
        let at = format!("routes[{i}]");
        require_text(out, &format!("{at}.id"), &route.id);
        if !route.id.trim().is_empty() && !seen.insert(route.id.as_str()) {
            out.push(format!("{at}.id: {:?} appears twice", route.id));
        }
        require_text(out, &format!("{at}.recognisedBy"), &route.recognised_by);
        require_text(out, &format!("{at}.evidence"), &route.evidence);
        require_url(out, &format!("{at}.source"), &route.source);
        check_route_ends(out, &at, route, file);
        for (j, &c) in route.bridging.iter().enumerate() {
            check_index(out, &format!("{at}.bridging[{j}]"), c, extent.courses);
        }
    }
}

fn check_route_ends(out: &mut Vec<String>, at: &str, route: &RecognisedRoute, file: &DataFile) {
    let n = file.occupations.len();
    if route.open && !route.origins.is_empty() {
        out.push(format!(
            "{at}.origins: an open route is open to every job, so it lists no origins"
        ));
    }
    for (field, list) in [
        ("origins", &route.origins),
        ("destinations", &route.destinations),
    ] {
        if list.is_empty() && !(route.open && field == "origins") {
            out.push(format!("{at}.{field}: must not be empty"));
        }
        for (j, &o) in list.iter().enumerate() {
            check_index(out, &format!("{at}.{field}[{j}]"), o, n);
            if j > 0 && list[j - 1] >= o {
                out.push(format!(
                    "{at}.{field}[{j}]: {o} is not above the previous entry {} (lists are ascending, without repeats)",
                    list[j - 1]
                ));
            }
        }
    }
    for (j, &d) in route.destinations.iter().enumerate() {
        if route.origins.contains(&d) {
            out.push(format!(
                "{at}.destinations[{j}]: occupation {d} is also an origin of the route"
            ));
        }
        if file
            .occupations
            .get(d as usize)
            .is_some_and(|o| o.carbon.is_some())
        {
            out.push(format!(
                "{at}.destinations[{j}]: occupation {d} is carbon-intensive; a recognised route leads out of carbon-intensive work"
            ));
        }
    }
}

fn require_url(out: &mut Vec<String>, at: &str, value: &str) {
    require_text(out, at, value);
    let url = value.starts_with("https://") || value.starts_with("http://");
    if !value.trim().is_empty() && !url {
        out.push(format!("{at}: {value:?} is not an http(s) URL"));
    }
}

/// The carbon-intensive and green fields of one occupation.
fn check_green_fields(out: &mut Vec<String>, at: &str, occupation: &Occupation) {
    if let Some(carbon) = &occupation.carbon {
        require_text(out, &format!("{at}.carbon.category"), &carbon.category);
        if carbon.category.ends_with("_borderline") {
            out.push(format!(
                "{at}.carbon.category: {:?} keeps the _borderline suffix; set borderline instead",
                carbon.category
            ));
        }
        require_text(out, &format!("{at}.carbon.evidence"), &carbon.evidence);
        require_text(out, &format!("{at}.carbon.source"), &carbon.source);
        let url = carbon.source.starts_with("https://") || carbon.source.starts_with("http://");
        if !carbon.source.trim().is_empty() && !url {
            out.push(format!(
                "{at}.carbon.source: {:?} is not an http(s) URL",
                carbon.source
            ));
        }
    }
    if let Some(green) = &occupation.green_economy {
        require_text(out, &format!("{at}.greenEconomy.via"), &green.via);
    }
    if let Some(green) = &occupation.green_job {
        require_text(out, &format!("{at}.greenJob.evidence"), &green.evidence);
        require_url(out, &format!("{at}.greenJob.source"), &green.source);
        if occupation.carbon.is_some() {
            out.push(format!(
                "{at}.greenJob: the occupation is on the carbon-intensive list, so it cannot be a green job"
            ));
        }
    }
    if let Some(share) = occupation.green_task_share {
        if share.is_nan() {
            out.push(format!("{at}.greenTaskShare: NaN is not a share"));
        } else if !(0.0..=1.0).contains(&share) {
            out.push(format!("{at}.greenTaskShare: {share} is outside 0 to 1"));
        }
    }
}

/// `meta.classifications`: known, unique keys, text filled in, and coverage equal to the
/// number of occupations carrying a value.
fn check_classifications(file: &DataFile, extent: Extent, out: &mut Vec<String>) {
    let mut seen = HashSet::new();
    for (i, class) in file.meta.classifications.iter().enumerate() {
        let at = format!("meta.classifications[{i}]");
        if !CLASSIFICATION_KEYS.contains(&class.key.as_str()) {
            out.push(format!(
                "{at}.key: {:?} is not a known classification (known: {})",
                class.key,
                CLASSIFICATION_KEYS.join(", ")
            ));
        } else if !seen.insert(class.key.as_str()) {
            out.push(format!("{at}.key: {:?} appears twice", class.key));
        }
        require_text(out, &format!("{at}.name"), &class.name);
        require_text(out, &format!("{at}.description"), &class.description);
        require_text(out, &format!("{at}.source"), &class.source);
        require_text(out, &format!("{at}.licence"), &class.licence);
        let counted = file
            .occupations
            .iter()
            .filter(|o| match class.key.as_str() {
                "carbonIntensive" => o.carbon.is_some(),
                "curatedGreenJobs" => o.green_job.is_some(),
                "escoGreenSkills" => !o.essential.is_empty() || !o.optional.is_empty(),
                "onetGreenEconomy" => o.green_economy.is_some(),
                "onsGreenTasks" => o.green_task_share.is_some(),
                _ => false,
            })
            .count();
        // The ESCO share needs the occupations' skills, which a core part alone has not.
        let skills_pending = class.key == "escoGreenSkills" && file.skills.len() < extent.skills;
        if CLASSIFICATION_KEYS.contains(&class.key.as_str())
            && !skills_pending
            && counted != class.coverage as usize
        {
            out.push(format!(
                "{at}.coverage: {} but {counted} occupations have a {:?} value",
                class.coverage, class.key
            ));
        }
    }
}

/// The courses: ids, text, ranges, references and the prerequisite graph.
fn check_courses(file: &DataFile, extent: Extent, out: &mut Vec<String>) {
    let mut seen = HashSet::new();
    let n_courses = extent.courses;
    for (i, course) in file.courses.iter().enumerate() {
        let at = format!("courses[{i}]");
        require_text(out, &format!("{at}.id"), &course.id);
        if !course.id.trim().is_empty() && !seen.insert(course.id.as_str()) {
            out.push(format!("{at}.id: {:?} appears twice", course.id));
        }
        require_text(out, &format!("{at}.title"), &course.title);
        if let Some(level) = course.level {
            if !(1..=MAX_COURSE_LEVEL).contains(&level) {
                out.push(format!(
                    "{at}.level: {level} is outside 1 to {MAX_COURSE_LEVEL} (RQF levels)"
                ));
            }
        }
        if let Some(weeks) = course.weeks {
            if !weeks.is_finite() || weeks <= 0.0 || weeks > MAX_COURSE_WEEKS {
                out.push(format!(
                    "{at}.weeks: {weeks} is not a duration above 0 and at most {MAX_COURSE_WEEKS} weeks"
                ));
            }
        }
        if let Some(cost) = course.cost.filter(|&c| c > MAX_COURSE_COST) {
            out.push(format!("{at}.cost: {cost} is above {MAX_COURSE_COST}"));
        }
        if let Some(cap) = course.max_funding.filter(|&c| c > MAX_COURSE_COST) {
            out.push(format!("{at}.maxFunding: {cap} is above {MAX_COURSE_COST}"));
        }
        for (j, &required) in course.requires.iter().enumerate() {
            check_index(out, &format!("{at}.requires[{j}]"), required, n_courses);
            if required as usize == i {
                out.push(format!(
                    "{at}.requires[{j}]: {required} is the course itself; a course cannot require itself"
                ));
            }
        }
        check_skill_list(out, &at, "teaches", &course.teaches, extent.skills);
        check_course_links(out, &at, course, file.occupations.len());
        // A college's own course may have no page; a source given must be a web address.
        let url = course.source.starts_with("https://") || course.source.starts_with("http://");
        if !course.source.is_empty() && !url {
            out.push(format!(
                "{at}.source: {:?} is not an http(s) URL",
                course.source
            ));
        }
    }
    check_course_cycles(&file.courses, out);
}

/// A course's occupation links: indices in range, each occupation once, confidences in 0 to 1.
fn check_course_links(out: &mut Vec<String>, at: &str, course: &Course, n_occupations: usize) {
    let mut seen = HashSet::new();
    for (j, link) in course.occupations.iter().enumerate() {
        check_index(
            out,
            &format!("{at}.occupations[{j}][0]"),
            link.0,
            n_occupations,
        );
        if !seen.insert(link.0) {
            out.push(format!(
                "{at}.occupations[{j}][0]: occupation {} is linked twice",
                link.0
            ));
        }
        if !link.1.is_finite() || !(0.0..=1.0).contains(&link.1) {
            out.push(format!(
                "{at}.occupations[{j}][1]: {} is not a confidence from 0 to 1",
                link.1
            ));
        }
    }
}

/// Prerequisite cycles (a course that, through `requires`, needs itself), each reported once at
/// the link that closes it. Out-of-range and self links are reported by [`check_courses`] and
/// skipped here.
fn check_course_cycles(courses: &[Course], out: &mut Vec<String>) {
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
                        .map(|&(c, _)| c.to_string())
                        .chain(std::iter::once(next.to_string()))
                        .collect();
                    out.push(format!(
                        "courses[{node}].requires: course {next} closes a cycle ({})",
                        cycle.join(" → ")
                    ));
                }
                _ => {}
            }
        }
    }
}

fn check_skill_list(out: &mut Vec<String>, at: &str, field: &str, list: &[u32], skills: usize) {
    for (j, &skill) in list.iter().enumerate() {
        check_index(out, &format!("{at}.{field}[{j}]"), skill, skills);
        if j > 0 && list[j - 1] >= skill {
            out.push(format!(
                "{at}.{field}[{j}]: {skill} is not above the previous entry {} (lists are ascending, without repeats)",
                list[j - 1]
            ));
        }
    }
}

fn check_disjoint(out: &mut Vec<String>, at: &str, occupation: &Occupation) {
    let essential: HashSet<u32> = occupation.essential.iter().copied().collect();
    if let Some(both) = occupation.optional.iter().find(|s| essential.contains(s)) {
        out.push(format!(
            "{at}.optional: skill {both} is also essential; list it once"
        ));
    }
}

fn check_index(out: &mut Vec<String>, at: &str, index: u32, len: usize) {
    if index as usize >= len {
        out.push(format!(
            "{at}: index {index} is out of range (there are {len})"
        ));
    }
}

fn require_text(out: &mut Vec<String>, at: &str, value: &str) {
    if value.trim().is_empty() {
        out.push(format!("{at}: must not be empty"));
    }
}

fn is_digits(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_digit())
}
