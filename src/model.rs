//! The data model: occupations, skills and the groups that classify them.
//!
//! Records refer to each other by dense integer indices ([`OccupationId`], [`SkillId`],
//! [`SkillGroupId`]) so the core never hashes strings on a hot path. The ESCO identifiers
//! (the UUID at the end of each ESCO concept URI) are kept on every record for the outside world.
//!
//! The same types are the on-disk schema of the default dataset (`data/greenpath.json.gz`),
//! described field by field in `data/README.md`.

use serde::{Deserialize, Serialize};

/// Index of an occupation in [`DataFile::occupations`].
pub type OccupationId = u32;
/// Index of a skill in [`DataFile::skills`].
pub type SkillId = u32;
/// Index of a skill group in [`DataFile::skill_groups`].
pub type SkillGroupId = u32;

/// The whole dataset as stored: the schema of `data/greenpath.json.gz`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DataFile {
    /// Where the data came from and how many records were kept or dropped.
    pub meta: Meta,
    /// ISCO-08 groups at every level (1 to 4 digits), for labels and grouping.
    pub isco_groups: Vec<IscoGroup>,
    /// ESCO skill groups (the skills hierarchy), parents before children.
    pub skill_groups: Vec<SkillGroup>,
    /// Every ESCO skill or knowledge concept referenced by an occupation.
    pub skills: Vec<Skill>,
    /// ESCO skill-to-skill relations between skills in [`DataFile::skills`].
    pub skill_relations: Vec<SkillRelation>,
    /// All ESCO occupations.
    pub occupations: Vec<Occupation>,
}

/// Provenance and counts of a dataset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Meta {
    /// Version of the dataset schema; bumped when fields change meaning.
    pub schema_version: u32,
    /// ESCO release the data comes from, e.g. `"1.1.1"`.
    pub esco_version: String,
    /// The attribution text every page must show.
    pub attribution: String,
    /// The sources read, each with its checksum.
    pub sources: Vec<Source>,
    /// Occupation–skill relations in the source that pointed at unknown occupations or skills
    /// and were dropped.
    pub dropped_relations: u32,
    /// The carbon-intensive and green classifications the occupations carry, one entry per
    /// definition (they disagree, so each is kept apart and users pick one), with provenance.
    #[serde(default)]
    pub classifications: Vec<Classification>,
}

/// One definition of "carbon-intensive" or "green" and where it comes from.
///
/// Known keys: `"carbonIntensive"` ([`Occupation::carbon`]), `"escoGreenSkills"` (the share of
/// an occupation's skills flagged [`Skill::green`], computed by the core), `"onetGreenEconomy"`
/// ([`Occupation::green_economy`]) and `"onsGreenTasks"` ([`Occupation::green_task_share`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Classification {
    /// Stable key naming the definition, e.g. `"onsGreenTasks"`.
    pub key: String,
    /// Short name for menus and legends.
    pub name: String,
    /// One or two sentences a worker can read: what being in this class means.
    pub description: String,
    /// Where the data comes from (publisher, dataset, and how it reaches ESCO occupations).
    pub source: String,
    /// The licence or terms of the source data.
    pub licence: String,
    /// Whether values reach ESCO occupations through an estimated crosswalk (show them as
    /// estimates).
    pub estimated: bool,
    /// Number of occupations with a value under this definition.
    pub coverage: u32,
}

/// One raw file the dataset was built from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Source {
    /// Path relative to the raw data folder.
    pub path: String,
    /// SHA-256 of the file, as listed in `SHA256SUMS`.
    pub sha256: String,
}

/// An ISCO-08 group (major, sub-major, minor or unit group).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IscoGroup {
    /// The ISCO-08 code, 1 to 4 digits (armed forces codes keep their leading zero).
    pub code: String,
    /// The group's English title.
    pub label: String,
}

/// A node of the ESCO skills hierarchy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SkillGroup {
    /// ESCO identifier: the code (e.g. `S1.2.3`) where ESCO gives one, else the concept's UUID.
    pub id: String,
    /// The group's preferred English label.
    pub label: String,
    /// The broader group, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<SkillGroupId>,
}

/// Whether a skill concept is a skill/competence or a body of knowledge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SkillKind {
    /// A skill or competence ("install heat pumps").
    Skill,
    /// Knowledge ("thermodynamics").
    Knowledge,
}

/// How widely ESCO says a skill is reused across occupations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ReuseLevel {
    /// Useful in almost any job ("show initiative").
    Transversal,
    /// Used across several sectors.
    CrossSector,
    /// Specific to one sector.
    SectorSpecific,
    /// Specific to one or few occupations.
    OccupationSpecific,
}

/// An ESCO skill or knowledge concept.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Skill {
    /// ESCO identifier (the UUID at the end of the concept URI).
    pub id: String,
    /// Preferred English label.
    pub label: String,
    /// Skill or knowledge.
    pub kind: SkillKind,
    /// ESCO reuse level.
    pub reuse: ReuseLevel,
    /// In ESCO's green skills collection.
    #[serde(default, skip_serializing_if = "is_false")]
    pub green: bool,
    /// In ESCO's transversal skills collection.
    #[serde(default, skip_serializing_if = "is_false")]
    pub transversal: bool,
    /// The nearest skill group above this skill in ESCO's hierarchy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<SkillGroupId>,
    /// A broader skill (ESCO's skill-to-skill hierarchy), when that skill is in the dataset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broader: Option<SkillId>,
}

/// Whether ESCO marks a relation as essential or optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RelationKind {
    /// Essential.
    Essential,
    /// Optional.
    Optional,
}

/// An ESCO skill-to-skill relation: `from` needs or benefits from `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillRelation(pub SkillId, pub SkillId, pub RelationKind);

/// An ESCO occupation with its skills, UK pay and preparation level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Occupation {
    /// ESCO identifier (the UUID at the end of the concept URI).
    pub id: String,
    /// Preferred English label.
    pub label: String,
    /// Alternative English labels, without the preferred label.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alt_labels: Vec<String>,
    /// ISCO-08 unit group code (4 digits).
    pub isco: String,
    /// The first sentence or two of ESCO's description.
    pub description: String,
    /// Essential skills, ascending.
    pub essential: Vec<SkillId>,
    /// Optional skills, ascending.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub optional: Vec<SkillId>,
    /// O*NET job zone 1–5 (preparation needed), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_zone: Option<u8>,
    /// Indicative UK annual earnings in GBP (ONS ASHE 2019, per ISCO group), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_earnings: Option<u32>,
    /// Carbon-intensive ("brown"): why this occupation is likely to shrink or change sharply as
    /// the UK decarbonises, where it is on the curated list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carbon: Option<CarbonIntensity>,
    /// The O*NET green economy category, where the occupation has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub green_economy: Option<GreenEconomy>,
    /// Estimated share of working time spent on green tasks (ONS), 0 to 1, rounded to 3
    /// decimals, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub green_task_share: Option<f32>,
}

/// Why an occupation counts as carbon-intensive ("brown").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CarbonIntensity {
    /// The kind of carbon-intensive work, e.g. `"fossil_extraction"`, `"heavy_industry"`,
    /// `"ice_vehicles"` (without the curated list's `_borderline` suffix).
    pub category: String,
    /// The ESCO occupation is generic (only some of its jobs are carbon-intensive), or the job
    /// continues in a decarbonised form, or the evidence is about the sector rather than the
    /// job's own tasks: needs local judgement.
    pub borderline: bool,
    /// Short evidence for the classification (emissions, policy, ESCO skills).
    pub evidence: String,
    /// URL of the main source of the evidence.
    pub source: String,
}

/// An occupation's place in the O*NET green economy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GreenEconomy {
    /// Which green economy category.
    pub category: GreenEconomyCategory,
    /// Whether the category reached the occupation through an estimated crosswalk.
    pub estimated: bool,
    /// The path the category came by, e.g. `"O*NET 47-2231.00"` or
    /// `"SOC 2010 5241 via ISCO 7411"`.
    pub via: String,
}

/// O*NET's green economy categories.
///
/// Ordered as the builder ranks them when one occupation reaches several: Increased Demand <
/// Enhanced Skills < New & Emerging.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum GreenEconomyCategory {
    /// Existing work in more demand in the green economy, its tasks and skills unchanged.
    IncreasedDemand,
    /// Existing work whose tasks, skills and knowledge change significantly.
    EnhancedSkills,
    /// New work (or new specialisms) created by the green economy.
    NewAndEmerging,
}

fn is_false(value: &bool) -> bool {
    !*value
}
