//! The rules a dataset must keep, each broken rule reported with where and what.

use std::collections::HashSet;

use super::Extent;
use crate::course_rules::{check_courses as check_courses_by_rules, Reach};
use crate::model::{DataFile, EstimatedFrom, Occupation, RecognisedRoute};

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
        // Before the names arrive every id and label is empty, by design.
        if extent.skill_names {
            require_text(out, &format!("{at}.id"), &skill.id);
            require_text(out, &format!("{at}.label"), &skill.label);
            if !seen.insert(skill.id.as_str()) {
                out.push(format!("{at}.id: {:?} appears twice", skill.id));
            }
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
        for (j, pair) in list.windows(2).enumerate() {
            if let [before, o] = *pair {
                if before >= o {
                    out.push(format!(
                        "{at}.{field}[{}]: {o} is not above the previous entry {before} (lists are ascending, without repeats)",
                        j + 1
                    ));
                }
            }
        }
        for (j, &o) in list.iter().enumerate() {
            check_index(out, &format!("{at}.{field}[{j}]"), o, n);
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

/// The courses, by the rules of [`crate::course_rules`] (shared with loaded course lists).
fn check_courses(file: &DataFile, extent: Extent, out: &mut Vec<String>) {
    let reach = Reach {
        skills: extent.skills,
        courses: extent.courses,
        occupations: file.occupations.len(),
    };
    for p in check_courses_by_rules(&file.courses, reach) {
        out.push(format!("courses[{}].{}: {}", p.course, p.field, p.message));
    }
}

fn check_skill_list(out: &mut Vec<String>, at: &str, field: &str, list: &[u32], skills: usize) {
    for (j, &skill) in list.iter().enumerate() {
        check_index(out, &format!("{at}.{field}[{j}]"), skill, skills);
    }
    for (j, pair) in list.windows(2).enumerate() {
        if let [before, skill] = *pair {
            if before >= skill {
                out.push(format!(
                    "{at}.{field}[{}]: {skill} is not above the previous entry {before} (lists are ascending, without repeats)",
                    j + 1
                ));
            }
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
