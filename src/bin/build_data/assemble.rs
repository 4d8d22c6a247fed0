//! Raw ESCO and UK tables → one [`DataFile`].
//!
//! Every map used for look-ups is keyed by the full concept URI; output order never depends on
//! hash-map iteration. Occupations are ordered by ISCO code then ESCO id, skills by skill group
//! then ESCO id, skill groups depth-first, ISCO groups by code, skill relations by index.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use greenpath::model::{
    DataFile, IscoGroup, Meta, Occupation, RelationKind, ReuseLevel, Skill, SkillGroup,
    SkillGroupId, SkillId, SkillKind, SkillRelation,
};

use crate::classify;
use crate::courses;
use crate::curated;
use crate::error::BuildError;
use crate::estimate;
use crate::raw::{RawDir, Row};
use crate::soc_titles;
use crate::text::{self, Trim};

/// The dataset schema version written to `meta.schemaVersion`.
pub use greenpath::dataset::SCHEMA_VERSION;
/// The ESCO release the raw files come from.
pub const ESCO_VERSION: &str = "1.1.1";
/// The attribution every page must show.
pub const ATTRIBUTION: &str = "Contains ESCO classification data of the European Commission; \
contains public sector information licensed under the Open Government Licence v3.0 (ONS, \
Institute for Apprenticeships and Technical Education); includes data from Nesta's Mapping \
Career Causeways (MIT licence).";

const OCCUPATIONS: &str = "esco-v1.1.1/occupations_en.csv";
const SKILLS: &str = "esco-v1.1.1/skills_en.csv";
const OCCUPATION_SKILLS: &str = "esco-v1.1.1/occupationSkillRelations.csv";
const SKILL_SKILLS: &str = "esco-v1.1.1/skillSkillRelations.csv";
const GREEN: &str = "esco-v1.1.1/greenSkillsCollection_en.csv";
const TRANSVERSAL: &str = "esco-v1.1.1/transversalSkillsCollection_en.csv";
const SKILL_GROUPS: &str = "esco-v1.1.1/skillGroups_en.csv";
const HIERARCHY: &str = "esco-v1.1.1/skillsHierarchy_en.csv";
const SKILL_BROADER: &str = "esco-v1.1.1/broaderRelationsSkillPillar.csv";
const ISCO: &str = "esco-v1.1.1/ISCOGroups_en.csv";
const EARNINGS: &str = "uk-earnings-esco/esco_uk_earnings_jobzone.csv";

const OCCUPATION_PREFIX: &str = "http://data.europa.eu/esco/occupation/";
const SKILL_PREFIX: &str = "http://data.europa.eu/esco/skill/";

/// What the builder kept, dropped and decided, for the summary and the README.
#[derive(Debug, Default)]
pub struct Stats {
    /// Occupation–skill relations in the raw file.
    pub relations_read: usize,
    /// Relations dropped because the occupation is not in `occupations_en.csv`.
    pub dropped_unknown_occupation: usize,
    /// Relations dropped because the skill is not in `skills_en.csv`.
    pub dropped_unknown_skill: usize,
    /// Exact duplicate relations (same occupation, skill and type), merged.
    pub duplicate_relations: usize,
    /// (occupation, skill) pairs listed both essential and optional, kept as essential.
    pub essential_and_optional: usize,
    /// Kept skills whose blank skillType was taken from the relation file.
    pub kind_from_relations: usize,
    /// Kept skills with no skillType anywhere, defaulted to skill.
    pub kind_defaulted: usize,
    /// Kept skills with a blank reuseLevel, defaulted to sector-specific.
    pub reuse_defaulted: usize,
    /// Kept skills with no skill group above them.
    pub skills_without_group: usize,
    /// Skill groups in the raw files (`skillGroups_en.csv` ∪ `skillsHierarchy_en.csv`).
    pub skill_groups_read: usize,
    /// Skill–skill relations in the raw file.
    pub skill_relations_read: usize,
    /// Skill–skill relations dropped because an end is not a kept skill.
    pub skill_relations_dropped: usize,
    /// Skill–skill relations from a skill to itself, dropped.
    pub skill_relations_to_self: usize,
    /// Descriptions cut after the first sentence.
    pub descriptions_cut_sentence: usize,
    /// Descriptions whose first sentence was cut at a word boundary (`…`).
    pub descriptions_cut_words: usize,
    /// Earnings/job-zone rows whose occupation is not in `occupations_en.csv`.
    pub earnings_unknown_occupation: usize,
    /// Earnings/job-zone rows whose ISCO code differs from ESCO 1.1.1's for the occupation.
    pub earnings_isco_differs: usize,
    /// Pay and job zones filled in for occupations Nesta's table lacks.
    pub estimates: estimate::Stats,
    /// The carbon-intensive and green classifications.
    pub classes: classify::Stats,
    /// The project's curated lists (green jobs, routes, UK titles).
    pub curated: curated::Stats,
    /// The ONS SOC 2020 related job titles.
    pub soc_titles: soc_titles::Stats,
    /// The course catalogue.
    pub courses: courses::Stats,
}

/// A built dataset and how it was built.
pub struct Built {
    /// The dataset.
    pub data: DataFile,
    /// Counts of what was kept, dropped and decided.
    pub stats: Stats,
}

/// Reads the raw files the dataset needs (verifying each) and assembles the dataset.
pub fn build(raw: &mut RawDir) -> Result<Built, BuildError> {
    let mut stats = Stats::default();

    let (mut occupations, occupation_index) = read_occupations(raw, &mut stats)?;
    let skills_raw = read_skills(raw)?;
    let links = read_occupation_skills(raw, &occupation_index, &skills_raw, &mut stats)?;

    let green = read_uri_set(raw, GREEN)?;
    let transversal = read_uri_set(raw, TRANSVERSAL)?;
    let hierarchy = read_hierarchy(raw, &skills_raw, &mut stats)?;

    // The nearest group of every kept skill, then the groups needed: those and their ancestors.
    let nearest: HashMap<&str, &str> = links
        .skill_uris
        .iter()
        .filter_map(|uri| Some((uri.as_str(), hierarchy.nearest_group(uri)?)))
        .collect();
    let groups_needed = hierarchy.with_ancestors(nearest.values().copied())?;
    let (skill_groups, group_index) = hierarchy.ordered_groups(&groups_needed);

    // Kept skills: every skill a kept relation points at, ordered by skill group (in the
    // groups' order; skills without a group last), then by ESCO id. Grouping related skills
    // makes occupations' skill lists and neighbouring labels compress far better than ESCO id
    // order (see data/README.md).
    let mut kept: Vec<(Option<SkillGroupId>, &str, &str)> = links
        .skill_uris
        .iter()
        .map(|uri| {
            let group = nearest.get(uri.as_str()).map(|g| group_index[g]);
            (group, skills_raw[uri.as_str()].id.as_str(), uri.as_str())
        })
        .collect();
    kept.sort_unstable_by_key(|&(group, id, _)| (group.unwrap_or(SkillGroupId::MAX), id));
    let skill_index: HashMap<&str, SkillId> = kept
        .iter()
        .enumerate()
        .map(|(i, &(_, _, uri))| (uri, to_u32(i)))
        .collect();

    for (occupation, (essential, optional)) in occupations.iter_mut().zip(&links.per_occupation) {
        let essential_ids: BTreeSet<SkillId> = essential
            .iter()
            .map(|uri| skill_index[uri.as_str()])
            .collect();
        let mut optional_ids: BTreeSet<SkillId> = optional
            .iter()
            .map(|uri| skill_index[uri.as_str()])
            .collect();
        let before = optional_ids.len();
        optional_ids.retain(|id| !essential_ids.contains(id));
        stats.essential_and_optional += before - optional_ids.len();
        occupation.essential = essential_ids.into_iter().collect();
        occupation.optional = optional_ids.into_iter().collect();
    }

    let mut skills = Vec::with_capacity(kept.len());
    for &(group, id, uri) in &kept {
        let raw_skill = &skills_raw[uri];
        let kind = match raw_skill.kind {
            Some(kind) => kind,
            None => match links.relation_kinds.get(uri) {
                Some(&kind) => {
                    stats.kind_from_relations += 1;
                    kind
                }
                None => {
                    stats.kind_defaulted += 1;
                    SkillKind::Skill
                }
            },
        };
        let reuse = raw_skill.reuse.unwrap_or_else(|| {
            stats.reuse_defaulted += 1;
            ReuseLevel::SectorSpecific
        });
        if group.is_none() {
            stats.skills_without_group += 1;
        }
        // The broader skill with the smallest ESCO id among those kept (= smallest index).
        let broader = hierarchy
            .skill_parents
            .get(uri)
            .into_iter()
            .flatten()
            .filter_map(|parent| skill_index.get(parent.as_str()).copied())
            .min();
        skills.push(Skill {
            id: id.to_owned(),
            label: raw_skill.label.clone(),
            kind,
            reuse,
            green: green.contains(uri),
            transversal: transversal.contains(uri),
            group,
            broader,
        });
    }

    let skill_relations = read_skill_relations(raw, &skill_index, &mut stats)?;
    read_earnings(raw, &occupation_index, &mut occupations, &mut stats)?;
    estimate::fill(
        raw,
        &occupation_index,
        &mut occupations,
        &mut stats.estimates,
    )?;
    let isco_groups = read_isco(raw)?;
    let green_flags: Vec<bool> = skills.iter().map(|s| s.green).collect();
    let mut classifications = classify::classify(
        raw,
        &occupation_index,
        &mut occupations,
        &green_flags,
        &mut stats.classes,
    )?;
    let curated_green = curated::green(
        raw,
        &occupation_index,
        &mut occupations,
        &green_flags,
        &mut stats.curated,
    )?;
    // The default definition first.
    classifications.insert(1, curated_green);
    curated::titles(raw, &occupation_index, &mut occupations, &mut stats.curated)?;
    soc_titles::add(raw, &mut occupations, &mut stats.soc_titles)?;

    let courses = courses::build(
        raw,
        &courses::Context {
            occupation_index: &occupation_index,
            skill_index: &skill_index,
            occupations: &occupations,
        },
        &mut stats.courses,
    )?;
    let routes = curated::routes(
        raw,
        &occupation_index,
        &occupations,
        &courses,
        &mut stats.curated,
    )?;

    let dropped = stats.dropped_unknown_occupation + stats.dropped_unknown_skill;
    let data = DataFile {
        meta: Meta {
            schema_version: SCHEMA_VERSION,
            esco_version: ESCO_VERSION.to_owned(),
            attribution: ATTRIBUTION.to_owned(),
            sources: raw.sources(),
            dropped_relations: u32::try_from(dropped).unwrap_or(u32::MAX),
            classifications,
        },
        isco_groups,
        skill_groups,
        skills,
        skill_relations,
        occupations,
        courses,
        routes,
    };
    Ok(Built { data, stats })
}

/// `usize` → `u32` for indices; the dataset is far below 2³² records.
fn to_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// The UUID at the end of a concept URI with the given prefix.
fn concept_id<'a>(uri: &'a str, prefix: &str) -> Option<&'a str> {
    uri.strip_prefix(prefix)
        .filter(|id| !id.is_empty() && !id.contains('/'))
}

/// Occupations sorted by ISCO code then ESCO id (skills still empty), and occupation URI →
/// index.
fn read_occupations(
    raw: &mut RawDir,
    stats: &mut Stats,
) -> Result<(Vec<Occupation>, HashMap<String, usize>), BuildError> {
    let table = raw.table(OCCUPATIONS)?;
    let [c_uri, c_isco, c_label, c_alt, c_description] = table.columns([
        "conceptUri",
        "iscoGroup",
        "preferredLabel",
        "altLabels",
        "description",
    ])?;
    let mut rows: Vec<(String, Occupation)> = Vec::new();
    for row in table.rows() {
        let uri = row.required(c_uri, "conceptUri")?;
        let id = concept_id(uri, OCCUPATION_PREFIX).ok_or_else(|| {
            row.error(format!("conceptUri {uri:?} is not an ESCO occupation URI"))
        })?;
        let isco = row.required(c_isco, "iscoGroup")?;
        if isco.len() != 4 || !isco.bytes().all(|b| b.is_ascii_digit()) {
            return Err(row.error(format!("iscoGroup {isco:?} is not a 4-digit ISCO-08 code")));
        }
        let label = text::squash_space(row.required(c_label, "preferredLabel")?);
        let (description, trim) = text::summarise(row.get(c_description));
        match trim {
            Trim::Whole => {}
            Trim::Sentences => stats.descriptions_cut_sentence += 1,
            Trim::Words => stats.descriptions_cut_words += 1,
        }
        rows.push((
            uri.to_owned(),
            Occupation {
                id: id.to_owned(),
                alt_labels: text::alt_labels(&label, row.get(c_alt)),
                label,
                isco: isco.to_owned(),
                description,
                essential: Vec::new(),
                optional: Vec::new(),
                uk_titles: Vec::new(),
                soc_titles: Vec::new(),
                job_zone: None,
                annual_earnings: None,
                estimated_from: None,
                carbon: None,
                green_economy: None,
                green_task_share: None,
                green_job: None,
            },
        ));
    }
    // By ISCO unit group, then ESCO id: neighbouring occupations share skills and words, which
    // gzip finds within its window (see data/README.md).
    rows.sort_unstable_by(|a, b| (&a.1.isco, &a.1.id).cmp(&(&b.1.isco, &b.1.id)));
    let mut ids = HashSet::with_capacity(rows.len());
    if let Some((_, duplicate)) = rows.iter().find(|(_, o)| !ids.insert(o.id.as_str())) {
        return Err(BuildError::Invalid(vec![format!(
            "{OCCUPATIONS}: occupation id {} appears twice",
            duplicate.id
        )]));
    }
    let index = rows
        .iter()
        .enumerate()
        .map(|(i, (uri, _))| (uri.clone(), i))
        .collect();
    Ok((rows.into_iter().map(|(_, o)| o).collect(), index))
}

/// A row of `skills_en.csv`.
struct RawSkill {
    id: String,
    label: String,
    /// `None` when skillType is blank.
    kind: Option<SkillKind>,
    /// `None` when reuseLevel is blank.
    reuse: Option<ReuseLevel>,
}

fn parse_kind(value: &str) -> Option<Option<SkillKind>> {
    match value {
        "knowledge" => Some(Some(SkillKind::Knowledge)),
        "skill/competence" => Some(Some(SkillKind::Skill)),
        "" => Some(None),
        _ => None,
    }
}

fn parse_relation(value: &str) -> Option<RelationKind> {
    match value {
        "essential" => Some(RelationKind::Essential),
        "optional" => Some(RelationKind::Optional),
        _ => None,
    }
}

/// All skills by URI.
fn read_skills(raw: &mut RawDir) -> Result<HashMap<String, RawSkill>, BuildError> {
    let table = raw.table(SKILLS)?;
    let [c_uri, c_type, c_reuse, c_label] =
        table.columns(["conceptUri", "skillType", "reuseLevel", "preferredLabel"])?;
    let mut skills = HashMap::new();
    for row in table.rows() {
        let uri = row.required(c_uri, "conceptUri")?;
        let id = concept_id(uri, SKILL_PREFIX)
            .ok_or_else(|| row.error(format!("conceptUri {uri:?} is not an ESCO skill URI")))?;
        let kind_text = row.get(c_type);
        let kind = parse_kind(kind_text)
            .ok_or_else(|| row.error(format!("unknown skillType {kind_text:?}")))?;
        let reuse = match row.get(c_reuse) {
            "transversal" => Some(ReuseLevel::Transversal),
            "cross-sector" => Some(ReuseLevel::CrossSector),
            "sector-specific" => Some(ReuseLevel::SectorSpecific),
            "occupation-specific" => Some(ReuseLevel::OccupationSpecific),
            "" => None,
            other => return Err(row.error(format!("unknown reuseLevel {other:?}"))),
        };
        let label = text::squash_space(row.required(c_label, "preferredLabel")?);
        let skill = RawSkill {
            id: id.to_owned(),
            label,
            kind,
            reuse,
        };
        if skills.insert(uri.to_owned(), skill).is_some() {
            return Err(row.error(format!("skill {uri} appears twice")));
        }
    }
    Ok(skills)
}

/// The kept occupation–skill links.
struct Links {
    /// Per occupation (same order as the occupations): essential and optional skill URIs.
    per_occupation: Vec<(BTreeSet<String>, BTreeSet<String>)>,
    /// Every skill URI a kept relation points at.
    skill_uris: BTreeSet<String>,
    /// The first non-blank skillType the relation file gives for each skill.
    relation_kinds: HashMap<String, SkillKind>,
}

fn read_occupation_skills(
    raw: &mut RawDir,
    occupation_index: &HashMap<String, usize>,
    skills: &HashMap<String, RawSkill>,
    stats: &mut Stats,
) -> Result<Links, BuildError> {
    let table = raw.table(OCCUPATION_SKILLS)?;
    let [c_occupation, c_relation, c_type, c_skill] =
        table.columns(["occupationUri", "relationType", "skillType", "skillUri"])?;
    let mut links = Links {
        per_occupation: vec![Default::default(); occupation_index.len()],
        skill_uris: BTreeSet::new(),
        relation_kinds: HashMap::new(),
    };
    for row in table.rows() {
        stats.relations_read += 1;
        let occupation = row.required(c_occupation, "occupationUri")?;
        let skill = row.required(c_skill, "skillUri")?;
        let relation_text = row.get(c_relation);
        let relation = parse_relation(relation_text)
            .ok_or_else(|| row.error(format!("unknown relationType {relation_text:?}")))?;
        let kind_text = row.get(c_type);
        let kind = parse_kind(kind_text)
            .ok_or_else(|| row.error(format!("unknown skillType {kind_text:?}")))?;
        let Some(&occupation) = occupation_index.get(occupation) else {
            stats.dropped_unknown_occupation += 1;
            continue;
        };
        if !skills.contains_key(skill) {
            stats.dropped_unknown_skill += 1;
            continue;
        }
        if let Some(kind) = kind {
            links.relation_kinds.entry(skill.to_owned()).or_insert(kind);
        }
        let (essential, optional) = &mut links.per_occupation[occupation];
        let set = match relation {
            RelationKind::Essential => essential,
            RelationKind::Optional => optional,
        };
        if !set.insert(skill.to_owned()) {
            stats.duplicate_relations += 1;
        }
        links.skill_uris.insert(skill.to_owned());
    }
    Ok(links)
}

/// The concept URIs listed in a collection file.
fn read_uri_set(raw: &mut RawDir, file: &str) -> Result<HashSet<String>, BuildError> {
    let table = raw.table(file)?;
    let [c_uri] = table.columns(["conceptUri"])?;
    table
        .rows()
        .map(|row| row.required(c_uri, "conceptUri").map(str::to_owned))
        .collect()
}

/// A skill group as read from the raw files.
struct RawGroup {
    /// The id written out: ESCO code, else the last URI segment.
    id: String,
    label: String,
    /// Broader groups (URIs).
    parents: BTreeSet<String>,
}

/// ESCO's skills pillar: skill groups and the broader links of groups and skills.
struct Hierarchy {
    groups: HashMap<String, RawGroup>,
    /// Skill URI → broader group URIs.
    skill_groups: HashMap<String, Vec<String>>,
    /// Skill URI → broader skill URIs.
    skill_parents: HashMap<String, Vec<String>>,
}

fn read_hierarchy(
    raw: &mut RawDir,
    skills: &HashMap<String, RawSkill>,
    stats: &mut Stats,
) -> Result<Hierarchy, BuildError> {
    // (URI → code, label) from skillGroups_en.csv, completed by skillsHierarchy_en.csv.
    let mut info: BTreeMap<String, (String, String)> = BTreeMap::new();
    let mut parents: HashMap<String, BTreeSet<String>> = HashMap::new();

    let table = raw.table(SKILL_GROUPS)?;
    let [c_uri, c_label, c_code] = table.columns(["conceptUri", "preferredLabel", "code"])?;
    for row in table.rows() {
        let uri = row.required(c_uri, "conceptUri")?;
        let label = text::squash_space(row.required(c_label, "preferredLabel")?);
        if info
            .insert(uri.to_owned(), (row.get(c_code).to_owned(), label))
            .is_some()
        {
            return Err(row.error(format!("skill group {uri} appears twice")));
        }
    }

    let table = raw.ragged_table(HIERARCHY)?;
    let mut level_columns = Vec::new();
    for level in 0..4 {
        let uri = format!("Level {level} URI");
        let term = format!("Level {level} preferred term");
        let code = format!("Level {level} code");
        level_columns.push(table.columns([uri.as_str(), term.as_str(), code.as_str()])?);
    }
    for row in table.rows() {
        let mut parent: Option<&str> = None;
        for (level, &[c_uri, c_term, c_code]) in level_columns.iter().enumerate() {
            let uri = row.get(c_uri);
            if uri.is_empty() {
                break;
            }
            let term = text::squash_space(row.get(c_term));
            let code = row.get(c_code);
            let entry = info
                .entry(uri.to_owned())
                .or_insert_with(|| (String::new(), String::new()));
            if entry.0.is_empty() {
                entry.0 = code.to_owned();
            }
            if entry.1.is_empty() {
                if term.is_empty() {
                    return Err(row.error(format!("missing Level {level} preferred term")));
                }
                entry.1 = term;
            }
            if let Some(parent) = parent {
                parents
                    .entry(uri.to_owned())
                    .or_default()
                    .insert(parent.to_owned());
            }
            parent = Some(uri);
        }
    }

    let mut skill_groups: HashMap<String, Vec<String>> = HashMap::new();
    let mut skill_parents: HashMap<String, Vec<String>> = HashMap::new();
    let table = raw.table(SKILL_BROADER)?;
    let [c_type, c_uri, c_broader_type, c_broader] =
        table.columns(["conceptType", "conceptUri", "broaderType", "broaderUri"])?;
    for row in table.rows() {
        let uri = row.required(c_uri, "conceptUri")?;
        let broader = row.required(c_broader, "broaderUri")?;
        let concept_type = row.get(c_type);
        let broader_type = row.get(c_broader_type);
        if broader_type == "SkillGroup" && !info.contains_key(broader) {
            return Err(row.error(format!(
                "broader group {broader} is in neither {SKILL_GROUPS} nor {HIERARCHY}"
            )));
        }
        match (concept_type, broader_type) {
            ("SkillGroup", "SkillGroup") => {
                if !info.contains_key(uri) {
                    return Err(row.error(format!(
                        "skill group {uri} is in neither {SKILL_GROUPS} nor {HIERARCHY}"
                    )));
                }
                parents
                    .entry(uri.to_owned())
                    .or_default()
                    .insert(broader.to_owned());
            }
            ("KnowledgeSkillCompetence", "SkillGroup") => skill_groups
                .entry(uri.to_owned())
                .or_default()
                .push(broader.to_owned()),
            ("KnowledgeSkillCompetence", "KnowledgeSkillCompetence") => {
                if broader == uri {
                    return Err(row.error(format!("skill {uri} is broader than itself")));
                }
                if !skills.contains_key(broader) {
                    return Err(row.error(format!("broader skill {broader} is not in {SKILLS}")));
                }
                skill_parents
                    .entry(uri.to_owned())
                    .or_default()
                    .push(broader.to_owned());
            }
            _ => {
                return Err(row.error(format!(
                    "unexpected relation {concept_type:?} → {broader_type:?}"
                )))
            }
        }
    }

    stats.skill_groups_read = info.len();
    let mut groups = HashMap::with_capacity(info.len());
    let mut seen_ids: HashMap<String, String> = HashMap::new();
    for (uri, (code, label)) in info {
        let id = if code.is_empty() {
            uri.rsplit('/').next().unwrap_or(&uri).to_owned()
        } else {
            code
        };
        if let Some(other) = seen_ids.insert(id.clone(), uri.clone()) {
            return Err(BuildError::Invalid(vec![format!(
                "skill groups {other} and {uri} share the id {id}"
            )]));
        }
        let parents = parents.remove(&uri).unwrap_or_default();
        groups.insert(uri, RawGroup { id, label, parents });
    }
    Ok(Hierarchy {
        groups,
        skill_groups,
        skill_parents,
    })
}

impl Hierarchy {
    /// Of several group URIs, the one with the smallest id.
    fn smallest<'a>(&'a self, uris: impl Iterator<Item = &'a String>) -> Option<&'a str> {
        uris.filter_map(|uri| self.groups.get_key_value(uri.as_str()))
            .min_by(|a, b| a.1.id.cmp(&b.1.id))
            .map(|(uri, _)| uri.as_str())
    }

    /// The nearest skill group above a skill: a direct broader group if there is one, else
    /// the nearest one reached through broader skills (breadth-first). Ties go to the
    /// smallest group id.
    fn nearest_group(&self, skill: &str) -> Option<&str> {
        let mut visited: HashSet<&str> = HashSet::from([skill]);
        let mut level: Vec<&str> = vec![skill];
        while !level.is_empty() {
            let candidates = level
                .iter()
                .filter_map(|s| self.skill_groups.get(*s))
                .flatten();
            if let Some(group) = self.smallest(candidates) {
                return Some(group);
            }
            let mut next = Vec::new();
            for s in &level {
                for parent in self.skill_parents.get(*s).into_iter().flatten() {
                    if visited.insert(parent.as_str()) {
                        next.push(parent.as_str());
                    }
                }
            }
            level = next;
        }
        None
    }

    /// The parent of a group: the broader group with the smallest id.
    fn parent(&self, group: &str) -> Option<&str> {
        self.smallest(self.groups.get(group)?.parents.iter())
    }

    /// The given groups and all their ancestors (following [`Hierarchy::parent`]).
    fn with_ancestors<'a>(
        &'a self,
        start: impl Iterator<Item = &'a str>,
    ) -> Result<BTreeSet<&'a str>, BuildError> {
        let mut out = BTreeSet::new();
        for group in start {
            let mut current = Some(group);
            let mut steps = 0;
            while let Some(uri) = current {
                if !out.insert(uri) {
                    break;
                }
                steps += 1;
                if steps > self.groups.len() {
                    return Err(BuildError::Invalid(vec![format!(
                        "the skill hierarchy has a cycle through {uri}"
                    )]));
                }
                current = self.parent(uri);
            }
        }
        Ok(out)
    }

    /// The needed groups, parents before children (depth-first, siblings in natural order of
    /// their ids), and group URI → index.
    fn ordered_groups<'a>(
        &'a self,
        needed: &BTreeSet<&'a str>,
    ) -> (Vec<SkillGroup>, HashMap<&'a str, SkillGroupId>) {
        let mut children: BTreeMap<Option<&str>, Vec<&str>> = BTreeMap::new();
        for &uri in needed {
            children.entry(self.parent(uri)).or_default().push(uri);
        }
        for list in children.values_mut() {
            list.sort_by(|a, b| natural_cmp(&self.groups[*a].id, &self.groups[*b].id));
        }
        let mut out = Vec::with_capacity(needed.len());
        let mut index: HashMap<&str, SkillGroupId> = HashMap::with_capacity(needed.len());
        let mut stack: Vec<&str> = children.get(&None).cloned().unwrap_or_default();
        stack.reverse();
        while let Some(uri) = stack.pop() {
            let group = &self.groups[uri];
            let parent = self.parent(uri).and_then(|p| index.get(p).copied());
            index.insert(uri, to_u32(out.len()));
            out.push(SkillGroup {
                id: group.id.clone(),
                label: group.label.clone(),
                parent,
            });
            if let Some(kids) = children.get(&Some(uri)) {
                stack.extend(kids.iter().rev());
            }
        }
        (out, index)
    }
}

/// Compares ids like `S1.2` < `S1.10`: runs of digits by value, the rest as text.
fn natural_cmp(a: &str, b: &str) -> Ordering {
    fn chunks(s: &str) -> Vec<(bool, &str)> {
        let mut out = Vec::new();
        let mut start = 0;
        let bytes = s.as_bytes();
        for i in 1..=bytes.len() {
            if i == bytes.len() || bytes[i].is_ascii_digit() != bytes[start].is_ascii_digit() {
                out.push((bytes[start].is_ascii_digit(), &s[start..i]));
                start = i;
            }
        }
        out
    }
    let (ca, cb) = (chunks(a), chunks(b));
    for (x, y) in ca.iter().zip(&cb) {
        let order = if x.0 && y.0 {
            let (xt, yt) = (x.1.trim_start_matches('0'), y.1.trim_start_matches('0'));
            xt.len().cmp(&yt.len()).then_with(|| xt.cmp(yt))
        } else {
            x.1.cmp(y.1)
        };
        if order != Ordering::Equal {
            return order;
        }
    }
    ca.len().cmp(&cb.len()).then_with(|| a.cmp(b))
}

fn read_skill_relations(
    raw: &mut RawDir,
    skill_index: &HashMap<&str, SkillId>,
    stats: &mut Stats,
) -> Result<Vec<SkillRelation>, BuildError> {
    let table = raw.table(SKILL_SKILLS)?;
    let [c_from, c_relation, c_to] =
        table.columns(["originalSkillUri", "relationType", "relatedSkillUri"])?;
    let mut out = Vec::new();
    for row in table.rows() {
        stats.skill_relations_read += 1;
        let from = row.required(c_from, "originalSkillUri")?;
        let to = row.required(c_to, "relatedSkillUri")?;
        let relation_text = row.get(c_relation);
        let kind = parse_relation(relation_text)
            .ok_or_else(|| row.error(format!("unknown relationType {relation_text:?}")))?;
        if from == to {
            stats.skill_relations_to_self += 1;
            continue;
        }
        match (skill_index.get(from), skill_index.get(to)) {
            (Some(&from), Some(&to)) => out.push(SkillRelation(from, to, kind)),
            _ => stats.skill_relations_dropped += 1,
        }
    }
    let key = |r: &SkillRelation| (r.0, r.1, r.2 == RelationKind::Optional);
    out.sort_unstable_by_key(key);
    out.dedup();
    Ok(out)
}

fn read_earnings(
    raw: &mut RawDir,
    occupation_index: &HashMap<String, usize>,
    occupations: &mut [Occupation],
    stats: &mut Stats,
) -> Result<(), BuildError> {
    let table = raw.table(EARNINGS)?;
    let [c_uri, c_isco, c_zone, c_earnings] =
        table.columns(["concept_uri", "isco_code", "job_zone", "annual_earnings"])?;
    let mut seen = HashSet::new();
    for row in table.rows() {
        let uri = row.required(c_uri, "concept_uri")?;
        if !seen.insert(uri) {
            return Err(row.error(format!("occupation {uri} appears twice")));
        }
        let Some(&index) = occupation_index.get(uri) else {
            stats.earnings_unknown_occupation += 1;
            continue;
        };
        let occupation = &mut occupations[index];
        let isco = row.get(c_isco);
        if !isco.is_empty() && format!("{isco:0>4}") != occupation.isco {
            stats.earnings_isco_differs += 1;
        }
        if let Some(zone) = parse_number(&row, c_zone, "job_zone")? {
            let rounded = zone.round();
            if !(1.0..=5.0).contains(&rounded) {
                return Err(row.error(format!("job_zone {zone} is outside 1–5")));
            }
            // In 1..=5 after the check above, so the cast is exact.
            occupation.job_zone = Some(rounded as u8);
        }
        if let Some(pay) = parse_number(&row, c_earnings, "annual_earnings")? {
            let rounded = pay.round();
            if !(1.0..=f64::from(u32::MAX)).contains(&rounded) {
                return Err(row.error(format!("annual_earnings {pay} is out of range")));
            }
            // Within u32 after the check above.
            occupation.annual_earnings = Some(rounded as u32);
        }
    }
    Ok(())
}

/// A finite number, `None` when blank, an error naming the field otherwise.
fn parse_number(row: &Row<'_>, column: usize, name: &str) -> Result<Option<f64>, BuildError> {
    let text = row.get(column);
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(Some(value)),
        _ => Err(row.error(format!("{name} {text:?} is not a number"))),
    }
}

fn read_isco(raw: &mut RawDir) -> Result<Vec<IscoGroup>, BuildError> {
    let table = raw.table(ISCO)?;
    let [c_code, c_label] = table.columns(["code", "preferredLabel"])?;
    let mut groups = BTreeMap::new();
    for row in table.rows() {
        let code = row.required(c_code, "code")?;
        if !(1..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(row.error(format!("code {code:?} is not a 1–4 digit ISCO-08 code")));
        }
        let label = text::squash_space(row.required(c_label, "preferredLabel")?);
        if groups.insert(code.to_owned(), label).is_some() {
            return Err(row.error(format!("ISCO code {code} appears twice")));
        }
    }
    Ok(groups
        .into_iter()
        .map(|(code, label)| IscoGroup { code, label })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn natural_order_of_group_ids() {
        let mut ids = vec!["S1.10", "S1.2", "S1", "K", "0011", "0012", "S1.1.3", "T"];
        ids.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            ids,
            ["0011", "0012", "K", "S1", "S1.1.3", "S1.2", "S1.10", "T"]
        );
    }

    #[test]
    fn concept_ids_come_from_the_uri_tail() {
        assert_eq!(
            concept_id("http://data.europa.eu/esco/skill/abc", SKILL_PREFIX),
            Some("abc")
        );
        assert_eq!(
            concept_id("http://data.europa.eu/esco/skill/", SKILL_PREFIX),
            None
        );
        assert_eq!(concept_id("http://example.com/abc", SKILL_PREFIX), None);
    }
}
