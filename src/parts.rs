//! The dataset in parts: the stored model ([`DataFile`]) in a compact binary encoding, split so
//! that the first answer needs only the core and the rest loads while someone reads.
//!
//! | part | holds | needed for |
//! |---|---|---|
//! | `core` | meta, ISCO groups, every occupation's names, codes, pay and classifications (without its skills or description), the recognised routes and the courses they name | search |
//! | `skills` | ESCO's skills (without their ids and labels), skill groups and skill relations, and each occupation's essential and optional skills | moves (brief: counts of skills, not their names) |
//! | `skill-names` | each skill's ESCO id and label | a job's skills, moves with their skills, skill search, plans |
//! | `details` | the occupations' descriptions | "what the job involves" |
//! | `courses` | the rest of the course catalogue | plans, pathways, course lists and imports |
//!
//! The skills' ESCO ids (16 random bytes each, which nothing compresses) and labels are a third
//! of a megabyte gzipped: on a slow phone connection that is more than a second and a half, so
//! they come after what ranking moves needs.
//!
//! A part file is the magic `GPDP`, the format version (`u16`, little-endian), the part's tag
//! (`u8`, its position in [`PartName::ALL`]), then the part in postcard, a compact, stable serde
//! encoding (varint integers; `ascending_ids` lists are stored as small gaps). Every part carries
//! the fingerprint of the whole dataset, so parts of two builds never mix.
//!
//! [`split`] puts the courses in canonical order first: the courses routes name come before
//! the others, so the core's course indices stay valid once the rest arrives and the courses
//! part only appends. [`join`] of [`split`] gives that canonical file back.

use serde::{Deserialize, Serialize};

use crate::dataset::Extent;
use crate::error::Error;
use crate::model::{
    Course, CourseId, DataFile, IscoGroup, Meta, Occupation, RecognisedRoute, Skill, SkillGroup,
    SkillId, SkillRelation,
};

/// The part format this code reads and writes.
pub const FORMAT_VERSION: u16 = 3;
const MAGIC: [u8; 4] = *b"GPDP";
const HEADER_LEN: usize = 7;

/// The parts of a dataset, in the order they are best loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PartName {
    /// Needed for the first answer.
    Core,
    /// The skills and which ones each occupation needs, without their names.
    Skills,
    /// The skills' ESCO ids and labels.
    SkillNames,
    /// Occupation descriptions.
    Details,
    /// The course catalogue beyond the courses routes name.
    Courses,
}

impl PartName {
    /// Every part, core first.
    pub const ALL: [PartName; 5] = [
        PartName::Core,
        PartName::Skills,
        PartName::SkillNames,
        PartName::Details,
        PartName::Courses,
    ];

    /// The part's name as pages and errors say it.
    pub fn key(self) -> &'static str {
        match self {
            PartName::Core => "core",
            PartName::Skills => "skills",
            PartName::SkillNames => "skill-names",
            PartName::Details => "details",
            PartName::Courses => "courses",
        }
    }

    /// The part's file name (`core.bin`).
    pub fn file_name(self) -> &'static str {
        match self {
            PartName::Core => "core.bin",
            PartName::Skills => "skills.bin",
            PartName::SkillNames => "skill-names.bin",
            PartName::Details => "details.bin",
            PartName::Courses => "courses.bin",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// What the first answer needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorePart {
    /// Fingerprint of the whole dataset.
    pub dataset: u64,
    /// Provenance and counts.
    pub meta: Meta,
    /// ISCO-08 groups.
    pub isco_groups: Vec<IscoGroup>,
    /// Skills in the whole dataset.
    pub skill_total: u32,
    /// Every occupation, its id, skill lists and description empty.
    pub occupations: Vec<Occupation>,
    /// The occupations' ESCO ids, in order.
    pub occupation_ids: IdColumn,
    /// Recognised routes.
    pub routes: Vec<RecognisedRoute>,
    /// The courses the routes name (the first course ids).
    pub courses: Vec<Course>,
    /// Courses in the whole dataset.
    pub course_total: u32,
}

/// The skills, their groups and relations, and which skills each occupation needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkillsPart {
    /// Fingerprint of the whole dataset.
    pub dataset: u64,
    /// ESCO skill groups.
    pub skill_groups: Vec<SkillGroup>,
    /// Every skill, its id and label empty (see [`SkillNamesPart`]).
    pub skills: Vec<Skill>,
    /// Skill-to-skill relations.
    pub skill_relations: Vec<SkillRelation>,
    /// Each occupation's skills, by occupation id.
    pub occupations: Vec<OccupationSkills>,
}

/// The skills' ESCO ids and labels, in skill order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkillNamesPart {
    /// Fingerprint of the whole dataset.
    pub dataset: u64,
    /// The skills' ESCO ids.
    pub skill_ids: IdColumn,
    /// The skills' preferred labels.
    pub labels: Vec<String>,
}

/// One occupation's skills, as [`Occupation::essential`] and [`Occupation::optional`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OccupationSkills {
    /// Essential skills, ascending (stored as gaps).
    #[serde(with = "crate::model::ascending_ids")]
    pub essential: Vec<SkillId>,
    /// Optional skills, ascending (stored as gaps).
    #[serde(with = "crate::model::ascending_ids")]
    pub optional: Vec<SkillId>,
}

/// Occupation descriptions, by occupation id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DetailsPart {
    /// Fingerprint of the whole dataset.
    pub dataset: u64,
    /// One description per occupation.
    pub descriptions: Vec<String>,
}

/// The catalogue beyond the core's courses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoursesPart {
    /// Fingerprint of the whole dataset.
    pub dataset: u64,
    /// Courses, continuing the core's ids.
    pub courses: Vec<Course>,
}

/// A column of ESCO ids: 16 bytes each when every id is a lowercase UUID (ESCO's are), which
/// gzip cannot shrink from 36 characters as well; as text otherwise (a custom dataset).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum IdColumn {
    /// Each id as the 16 bytes of its UUID.
    Uuids(Vec<[u8; 16]>),
    /// Each id as written.
    Text(Vec<String>),
}

impl IdColumn {
    /// Packs `ids`, as UUID bytes when every one is a lowercase UUID.
    pub fn pack<'a>(ids: impl Iterator<Item = &'a str> + Clone) -> IdColumn {
        let bytes: Option<Vec<[u8; 16]>> = ids.clone().map(uuid_bytes).collect();
        match bytes {
            Some(b) => IdColumn::Uuids(b),
            None => IdColumn::Text(ids.map(str::to_owned).collect()),
        }
    }

    /// The ids as text.
    pub fn unpack(self) -> Vec<String> {
        match self {
            IdColumn::Uuids(list) => list.iter().map(uuid_text).collect(),
            IdColumn::Text(list) => list,
        }
    }

    /// How many ids.
    pub fn len(&self) -> usize {
        match self {
            IdColumn::Uuids(list) => list.len(),
            IdColumn::Text(list) => list.len(),
        }
    }

    /// No ids.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The 16 bytes of a lowercase UUID (`8-4-4-4-12` hex digits), or `None`.
fn uuid_bytes(text: &str) -> Option<[u8; 16]> {
    let b = text.as_bytes();
    if b.len() != 36 || [8, 13, 18, 23].iter().any(|&i| b.get(i) != Some(&b'-')) {
        return None;
    }
    let digits: Vec<u8> = b.iter().copied().filter(|&c| c != b'-').collect();
    if digits.len() != 32 {
        return None; // a dash elsewhere too
    }
    let nibble = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    let mut out = [0u8; 16];
    for (byte, pair) in out.iter_mut().zip(digits.chunks_exact(2)) {
        let [high, low] = [pair.first()?, pair.get(1)?].map(|&c| nibble(c));
        *byte = (high? << 4) | low?;
    }
    Some(out)
}

/// A UUID's lowercase text.
fn uuid_text(bytes: &[u8; 16]) -> String {
    let mut out = String::with_capacity(36);
    for (i, b) in bytes.iter().enumerate() {
        if [4, 6, 8, 10].contains(&i) {
            out.push('-');
        }
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// One decoded part.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// See [`CorePart`].
    Core(CorePart),
    /// See [`SkillsPart`].
    Skills(SkillsPart),
    /// See [`SkillNamesPart`].
    SkillNames(SkillNamesPart),
    /// See [`DetailsPart`].
    Details(DetailsPart),
    /// See [`CoursesPart`].
    Courses(CoursesPart),
}

impl Part {
    /// Which part this is.
    pub fn name(&self) -> PartName {
        match self {
            Part::Core(_) => PartName::Core,
            Part::Skills(_) => PartName::Skills,
            Part::SkillNames(_) => PartName::SkillNames,
            Part::Details(_) => PartName::Details,
            Part::Courses(_) => PartName::Courses,
        }
    }

    /// The fingerprint of the dataset it belongs to.
    pub fn dataset(&self) -> u64 {
        match self {
            Part::Core(p) => p.dataset,
            Part::Skills(p) => p.dataset,
            Part::SkillNames(p) => p.dataset,
            Part::Details(p) => p.dataset,
            Part::Courses(p) => p.dataset,
        }
    }
}

/// The bytes of a part file.
///
/// # Errors
/// [`Error::Decode`] when the part cannot be encoded (it always can: no field is skipped).
pub fn encode(part: &Part) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(1 << 16);
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.push(part.name().index() as u8);
    let body = match part {
        Part::Core(p) => postcard::to_extend(p, out),
        Part::Skills(p) => postcard::to_extend(p, out),
        Part::SkillNames(p) => postcard::to_extend(p, out),
        Part::Details(p) => postcard::to_extend(p, out),
        Part::Courses(p) => postcard::to_extend(p, out),
    };
    body.map_err(|e| Error::Decode {
        message: format!("the {} part could not be encoded: {e}", part.name().key()),
    })
}

/// Decodes a part file.
///
/// # Errors
/// [`Error::Decode`] naming what is wrong: not a part file, another format version, an unknown
/// part, or a body that does not decode (truncated or corrupt).
pub fn decode(bytes: &[u8]) -> Result<Part, Error> {
    let fail = |message: String| Error::Decode { message };
    let (Some(magic), Some(&[v0, v1, tag]), Some(body)) = (
        bytes.get(..4),
        bytes.get(4..HEADER_LEN),
        bytes.get(HEADER_LEN..),
    ) else {
        return Err(fail(format!(
            "not a greenpath data part (it should start with \"GPDP\"; {} bytes given)",
            bytes.len()
        )));
    };
    if magic != MAGIC {
        return Err(fail(format!(
            "not a greenpath data part (it should start with \"GPDP\"; {} bytes given)",
            bytes.len()
        )));
    }
    let version = u16::from_le_bytes([v0, v1]);
    if version != FORMAT_VERSION {
        return Err(fail(format!(
            "part format {version} is not supported; expected {FORMAT_VERSION}"
        )));
    }
    let Some(&name) = PartName::ALL.get(usize::from(tag)) else {
        return Err(fail(format!("part tag {tag} is not a known part")));
    };
    let broken = |e: postcard::Error| fail(format!("the {} part is damaged: {e}", name.key()));
    Ok(match name {
        PartName::Core => Part::Core(postcard::from_bytes(body).map_err(broken)?),
        PartName::Skills => Part::Skills(postcard::from_bytes(body).map_err(broken)?),
        PartName::SkillNames => Part::SkillNames(postcard::from_bytes(body).map_err(broken)?),
        PartName::Details => Part::Details(postcard::from_bytes(body).map_err(broken)?),
        PartName::Courses => Part::Courses(postcard::from_bytes(body).map_err(broken)?),
    })
}

/// `file` with its courses in canonical order: the courses routes name first (in the order
/// routes name them), then the others; every course reference is renumbered.
pub fn canonical(mut file: DataFile) -> DataFile {
    let mut named = vec![false; file.courses.len()];
    let mut first: Vec<CourseId> = Vec::new();
    for route in &file.routes {
        for &c in &route.bridging {
            if let Some(flag) = named.get_mut(c as usize).filter(|f| !**f) {
                *flag = true;
                first.push(c);
            }
        }
    }
    let order: Vec<CourseId> = first
        .iter()
        .copied()
        .chain(
            (0..file.courses.len() as CourseId)
                .filter(|&c| !named.get(c as usize).copied().unwrap_or(true)),
        )
        .collect();
    let new_index = inverse(&order);
    let remap = |c: &mut CourseId| {
        if let Some(&n) = new_index.get(*c as usize) {
            *c = n;
        }
    };
    let mut courses: Vec<Course> = order
        .iter()
        .filter_map(|&c| file.courses.get(c as usize).cloned())
        .collect();
    for course in &mut courses {
        course.requires.iter_mut().for_each(remap);
    }
    file.courses = courses;
    for route in &mut file.routes {
        route.bridging.iter_mut().for_each(remap);
    }
    file
}

/// For a permutation `order` (new → old), the old → new map.
fn inverse(order: &[u32]) -> Vec<u32> {
    let mut out = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        if let Some(slot) = out.get_mut(old as usize) {
            *slot = new as u32;
        }
    }
    out
}

/// FNV-1a, 64 bits: a stable fingerprint (no dependency, same on every platform).
fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Splits a whole dataset into its four parts (after putting it in [`canonical`] order), each
/// encoded, in [`PartName::ALL`] order. Deterministic: the same file gives the same bytes.
///
/// # Errors
/// [`Error::Decode`] if a part cannot be encoded.
pub fn split(file: &DataFile) -> Result<Vec<(PartName, Vec<u8>)>, Error> {
    let file = canonical(file.clone());
    let whole = postcard::to_allocvec(&file).map_err(|e| Error::Decode {
        message: format!("the dataset could not be encoded: {e}"),
    })?;
    let dataset = fingerprint(&whole);
    let core_courses = named_course_count(&file);
    let mut occupations = file.occupations.clone();
    let occupation_ids = IdColumn::pack(file.occupations.iter().map(|o| o.id.as_str()));
    let skill_ids = IdColumn::pack(file.skills.iter().map(|s| s.id.as_str()));
    let mut skills = file.skills.clone();
    let mut skill_labels = Vec::with_capacity(skills.len());
    for skill in &mut skills {
        skill.id.clear();
        skill_labels.push(std::mem::take(&mut skill.label));
    }
    let mut descriptions = Vec::with_capacity(occupations.len());
    let mut skill_lists = Vec::with_capacity(occupations.len());
    for o in &mut occupations {
        o.id.clear();
        descriptions.push(std::mem::take(&mut o.description));
        skill_lists.push(OccupationSkills {
            essential: std::mem::take(&mut o.essential),
            optional: std::mem::take(&mut o.optional),
        });
    }
    let parts = [
        Part::Core(CorePart {
            dataset,
            meta: file.meta.clone(),
            isco_groups: file.isco_groups.clone(),
            skill_total: file.skills.len() as u32,
            occupations,
            occupation_ids,
            routes: file.routes.clone(),
            courses: file
                .courses
                .get(..core_courses)
                .unwrap_or_default()
                .to_vec(),
            course_total: file.courses.len() as u32,
        }),
        Part::Skills(SkillsPart {
            dataset,
            skill_groups: file.skill_groups.clone(),
            skills,
            skill_relations: file.skill_relations.clone(),
            occupations: skill_lists,
        }),
        Part::SkillNames(SkillNamesPart {
            dataset,
            skill_ids,
            labels: skill_labels,
        }),
        Part::Details(DetailsPart {
            dataset,
            descriptions,
        }),
        Part::Courses(CoursesPart {
            dataset,
            courses: file
                .courses
                .get(core_courses..)
                .unwrap_or_default()
                .to_vec(),
        }),
    ];
    parts.iter().map(|p| Ok((p.name(), encode(p)?))).collect()
}

/// Courses some route names (in canonical order they are the first ones).
fn named_course_count(file: &DataFile) -> usize {
    let mut named = vec![false; file.courses.len()];
    for route in &file.routes {
        for &c in &route.bridging {
            if let Some(flag) = named.get_mut(c as usize) {
                *flag = true;
            }
        }
    }
    named.iter().filter(|&&n| n).count()
}

/// How far a dataset is assembled: which parts are loaded and the size of the whole. The
/// records themselves live in a [`DataFile`] (inside the `Dataset` that serves them), so they are
/// held once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    dataset: u64,
    loaded: [bool; PartName::ALL.len()],
    extent: Extent,
}

impl Progress {
    /// Starts from the core: its records and the progress so far.
    pub fn start(mut core: CorePart) -> (DataFile, Progress) {
        let ids = std::mem::replace(&mut core.occupation_ids, IdColumn::Text(Vec::new()));
        for (o, id) in core.occupations.iter_mut().zip(ids.unpack()) {
            o.id = id;
        }
        let extent = Extent {
            skills: core.skill_total as usize,
            courses: core.course_total as usize,
            skill_names: false,
        };
        let file = DataFile {
            meta: core.meta,
            isco_groups: core.isco_groups,
            skill_groups: Vec::new(),
            skills: Vec::new(),
            skill_relations: Vec::new(),
            occupations: core.occupations,
            courses: core.courses,
            routes: core.routes,
        };
        let progress = Progress {
            dataset: core.dataset,
            loaded: [true, false, false, false, false],
            extent,
        };
        (file, progress)
    }

    /// Starts from a core part's bytes.
    ///
    /// # Errors
    /// [`Error::Decode`] when the bytes are not a core part.
    pub fn start_from_bytes(bytes: &[u8]) -> Result<(DataFile, Progress), Error> {
        match decode(bytes)? {
            Part::Core(core) => Ok(Progress::start(core)),
            other => Err(Error::Decode {
                message: format!(
                    "expected the core part first, got the {} part",
                    other.name().key()
                ),
            }),
        }
    }

    /// Adds a later part's records to `file` (the records loaded so far). Nothing changes on an
    /// error.
    ///
    /// # Errors
    /// [`Error::Decode`] when the part is the core, is already loaded, belongs to another build
    /// of the dataset, or does not fit (wrong number of records).
    pub fn add(&mut self, file: &mut DataFile, part: Part) -> Result<(), Error> {
        let name = part.name();
        let fail = |message: String| Err(Error::Decode { message });
        if self.has(name) {
            return fail(format!("the {} part is already loaded", name.key()));
        }
        if part.dataset() != self.dataset {
            return fail(format!(
                "the {} part belongs to another build of the dataset (fingerprint {:016x}, the core's is {:016x}); reload the page",
                name.key(),
                part.dataset(),
                self.dataset
            ));
        }
        match part {
            Part::Core(_) => return fail("the core part is already loaded".to_owned()),
            Part::Skills(p) => {
                if p.skills.len() != self.extent.skills {
                    return fail(format!(
                        "the skills part has {} skills; the core expects {}",
                        p.skills.len(),
                        self.extent.skills
                    ));
                }
                if p.occupations.len() != file.occupations.len() {
                    return fail(format!(
                        "the skills part lists skills for {} occupations; the core has {}",
                        p.occupations.len(),
                        file.occupations.len()
                    ));
                }
                file.skill_groups = p.skill_groups;
                file.skills = p.skills;
                file.skill_relations = p.skill_relations;
                for (o, lists) in file.occupations.iter_mut().zip(p.occupations) {
                    o.essential = lists.essential;
                    o.optional = lists.optional;
                }
            }
            Part::SkillNames(p) => {
                if !self.has(PartName::Skills) {
                    return fail("the skill-names part needs the skills part first".to_owned());
                }
                if p.skill_ids.len() != file.skills.len() || p.labels.len() != file.skills.len() {
                    return fail(format!(
                        "the skill-names part has {} ids and {} labels for {} skills",
                        p.skill_ids.len(),
                        p.labels.len(),
                        file.skills.len()
                    ));
                }
                for ((skill, id), label) in file
                    .skills
                    .iter_mut()
                    .zip(p.skill_ids.unpack())
                    .zip(p.labels)
                {
                    skill.id = id;
                    skill.label = label;
                }
                self.extent.skill_names = true;
            }
            Part::Details(p) => {
                if p.descriptions.len() != file.occupations.len() {
                    return fail(format!(
                        "the details part has {} descriptions for {} occupations",
                        p.descriptions.len(),
                        file.occupations.len()
                    ));
                }
                for (o, d) in file.occupations.iter_mut().zip(p.descriptions) {
                    o.description = d;
                }
            }
            Part::Courses(p) => {
                if file.courses.len() + p.courses.len() != self.extent.courses {
                    return fail(format!(
                        "the courses part has {} courses; the core expects {}",
                        p.courses.len(),
                        self.extent.courses.saturating_sub(file.courses.len())
                    ));
                }
                file.courses.extend(p.courses);
            }
        }
        if let Some(flag) = self.loaded.get_mut(name.index()) {
            *flag = true;
        }
        Ok(())
    }

    /// Whether `part` is loaded.
    pub fn has(&self, part: PartName) -> bool {
        self.loaded.get(part.index()).copied().unwrap_or(false)
    }

    /// [`Error::PartMissing`] unless `part` is loaded.
    ///
    /// # Errors
    /// [`Error::PartMissing`].
    pub fn require(&self, part: PartName) -> Result<(), Error> {
        if self.has(part) {
            Ok(())
        } else {
            Err(Error::PartMissing { part: part.key() })
        }
    }

    /// The fingerprint of the dataset being loaded (0 for a dataset given whole, as JSON).
    pub fn dataset(&self) -> u64 {
        self.dataset
    }

    /// The size of the whole dataset.
    pub fn extent(&self) -> Extent {
        self.extent
    }

    /// The progress of a whole dataset: every part loaded.
    pub fn whole(file: &DataFile) -> Progress {
        Progress {
            dataset: 0,
            loaded: [true; PartName::ALL.len()],
            extent: Extent::of(file),
        }
    }
}

/// Decodes and assembles every part (core first) into the whole dataset.
///
/// # Errors
/// [`Error::Decode`] when a part is damaged, missing, repeated or from another build.
pub fn join(parts: &[&[u8]]) -> Result<DataFile, Error> {
    let (first, rest) = parts.split_first().ok_or_else(|| Error::Decode {
        message: "no parts given".to_owned(),
    })?;
    let (mut file, mut progress) = Progress::start_from_bytes(first)?;
    for bytes in rest {
        progress.add(&mut file, decode(bytes)?)?;
    }
    if let Some(missing) = PartName::ALL.into_iter().find(|&p| !progress.has(p)) {
        return Err(Error::Decode {
            message: format!("the {} part is missing", missing.key()),
        });
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_header_is_named() {
        for bytes in [&b""[..], b"GPD", b"JSON{}!!", b"GPDP\x02\x00\x00"] {
            let message = decode(bytes).unwrap_err().to_string();
            assert!(message.contains("part"), "{message}");
        }
        let message = decode(b"GPDP\x03\x00\x09").unwrap_err().to_string();
        assert!(message.contains("part tag 9"), "{message}");
    }

    #[test]
    fn a_truncated_body_is_a_decode_error_not_a_panic() {
        let message = decode(b"GPDP\x03\x00\x00\x05").unwrap_err().to_string();
        assert!(message.contains("core part is damaged"), "{message}");
    }

    #[test]
    fn uuids_pack_to_bytes_and_back_and_anything_else_stays_text() {
        let ids = [
            "7aedaa07-3884-4c5b-88f9-80997b2aa54b",
            "00000000-0000-0000-0000-00000000000f",
        ];
        let column = IdColumn::pack(ids.iter().copied());
        assert!(matches!(column, IdColumn::Uuids(_)));
        assert_eq!(column.unpack(), ids);
        for odd in [
            "7AEDAA07-3884-4c5b-88f9-80997b2aa54b",
            "7aedaa07388",
            "occ-1",
            "7aedaa07-3884-4c5b-88f9-80997b2aa54g",
        ] {
            let column = IdColumn::pack([ids[0], odd].into_iter());
            assert!(matches!(column, IdColumn::Text(_)), "{odd}");
            assert_eq!(column.unpack(), [ids[0], odd]);
        }
    }

    #[test]
    fn permutations_invert() {
        assert_eq!(inverse(&[1, 3, 0, 2]), vec![2, 0, 3, 1]);
    }
}
