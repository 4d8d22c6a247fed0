//! The data model: occupations, skills, the groups that classify them, and the courses that
//! teach them.
//!
//! Records refer to each other by dense integer indices ([`OccupationId`], [`SkillId`],
//! [`SkillGroupId`], [`CourseId`]) so the core never hashes strings on a hot path. The ESCO
//! identifiers (the UUID at the end of each ESCO concept URI) are kept on every record for the
//! outside world.
//!
//! The same types are the stored schema of the default dataset (the parts under `data/parts/`,
//! see [`crate::parts`]), described field by field in `data/README.md`. Every field is always
//! written (the binary encoding is not self-describing); `default` lets hand-written JSON leave
//! optional fields out. One difference between memory and disk: the
//! ascending skill lists ([`Occupation::essential`], [`Occupation::optional`],
//! [`Course::teaches`]) are stored as gaps from the previous entry (see [`ascending_ids`]),
//! which makes the file smaller; in memory they are plain ascending ids.

use serde::{Deserialize, Serialize};

/// Index of an occupation in [`DataFile::occupations`].
pub type OccupationId = u32;
/// Index of a skill in [`DataFile::skills`].
pub type SkillId = u32;
/// Index of a skill group in [`DataFile::skill_groups`].
pub type SkillGroupId = u32;
/// Index of a course in [`DataFile::courses`].
pub type CourseId = u32;

/// Least [`CourseLink`] confidence at which a course counts as training for the occupation, so
/// that the core may derive the skills a course teaches from that occupation's skills.
///
/// Links below it are kept and shown ("may also prepare for …") but never used to derive
/// skills. Chosen from the link-quality check in `data/README.md`: the builder's links from an
/// apprenticeship standard's title (1.0, 0.9, 0.8) or a corroborated job title (0.8) to an ESCO
/// label were right about 9 times in 10 when checked by eye, keyword links (0.7) about 6 in 10,
/// and word-overlap links (at most 0.6) under half. Curated links are 1.0.
pub const COURSE_LINK_THRESHOLD: f32 = 0.75;

/// The whole dataset: what [`crate::parts::join`] assembles from the stored parts.
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
    /// Courses, qualifications and apprenticeships that train for occupations (empty in older
    /// files).
    #[serde(default)]
    pub courses: Vec<Course>,
    /// Moves that industry bodies, awarding bodies or public programmes recognise, with the
    /// bridging training each needs (a curated, sourced table; see `data/README.md`).
    #[serde(default)]
    pub routes: Vec<RecognisedRoute>,
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
    #[serde(default)]
    pub parent: Option<SkillGroupId>,
}

/// Whether a skill concept is a skill/competence or a body of knowledge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
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
    #[serde(default)]
    pub green: bool,
    /// In ESCO's transversal skills collection.
    #[serde(default)]
    pub transversal: bool,
    /// The nearest skill group above this skill in ESCO's hierarchy.
    #[serde(default)]
    pub group: Option<SkillGroupId>,
    /// A broader skill (ESCO's skill-to-skill hierarchy), when that skill is in the dataset.
    #[serde(default)]
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
    #[serde(default)]
    pub alt_labels: Vec<String>,
    /// ISCO-08 unit group code (4 digits).
    pub isco: String,
    /// The first sentence or two of ESCO's description.
    pub description: String,
    /// Essential skills, ascending (stored as gaps, see [`ascending_ids`]).
    #[serde(with = "ascending_ids")]
    pub essential: Vec<SkillId>,
    /// Optional skills, ascending (stored as gaps, see [`ascending_ids`]).
    #[serde(default, with = "ascending_ids")]
    pub optional: Vec<SkillId>,
    /// Everyday UK job titles for this occupation from the curated, sourced list
    /// (`data/curated/uk_job_titles.csv`): the UK meaning of a title, so in search they rank
    /// above an ESCO label of another occupation that reads the same ("gas engineer").
    #[serde(default)]
    pub uk_titles: Vec<String>,
    /// ONS SOC 2020 "related job titles" matched to this occupation, for search only.
    #[serde(default)]
    pub soc_titles: Vec<String>,
    /// O*NET job zone 1–5 (preparation needed), where known.
    #[serde(default)]
    pub job_zone: Option<u8>,
    /// Indicative UK annual earnings in GBP (ONS ASHE 2019, per ISCO group), where known.
    #[serde(default)]
    pub annual_earnings: Option<u32>,
    /// Where [`Occupation::job_zone`] and [`Occupation::annual_earnings`] were estimated from,
    /// when Nesta's UK table has no row for the occupation (show them as estimated).
    #[serde(default)]
    pub estimated_from: Option<EstimatedFrom>,
    /// Carbon-intensive ("brown"): why this occupation is likely to shrink or change sharply as
    /// the UK decarbonises, where it is on the curated list.
    #[serde(default)]
    pub carbon: Option<CarbonIntensity>,
    /// The O*NET green economy category, where the occupation has one.
    #[serde(default)]
    pub green_economy: Option<GreenEconomy>,
    /// Estimated share of working time spent on green tasks (ONS), 0 to 1, rounded to 3
    /// decimals, where known.
    #[serde(default)]
    pub green_task_share: Option<f32>,
    /// On the curated list of green jobs: what kind, why, and the source.
    #[serde(default)]
    pub green_job: Option<GreenJob>,
}

impl Occupation {
    /// Every name of the occupation, numbered from 0: the preferred label, the alternative
    /// labels, the curated UK job titles, then the SOC 2020 titles.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.label.as_str())
            .chain(self.alt_labels.iter().map(String::as_str))
            .chain(self.uk_titles.iter().map(String::as_str))
            .chain(self.soc_titles.iter().map(String::as_str))
    }

    /// The name numbered `k` (see [`Occupation::names`]) and what kind of name it is, or `None`
    /// past the last.
    pub fn name(&self, k: usize) -> Option<(&str, NameKind)> {
        let alt = self.alt_labels.len();
        let uk = alt + self.uk_titles.len();
        match k {
            0 => Some((&self.label, NameKind::Preferred)),
            k if k <= alt => self
                .alt_labels
                .get(k - 1)
                .map(|t| (t.as_str(), NameKind::Alternative)),
            k if k <= uk => self
                .uk_titles
                .get(k - 1 - alt)
                .map(|t| (t.as_str(), NameKind::UkTitle)),
            k => self
                .soc_titles
                .get(k - 1 - uk)
                .map(|t| (t.as_str(), NameKind::SocTitle)),
        }
    }
}

/// What kind of name of an occupation matched a search.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum NameKind {
    /// ESCO's preferred label.
    Preferred,
    /// One of ESCO's alternative labels.
    Alternative,
    /// An everyday UK job title from the curated list.
    UkTitle,
    /// An ONS SOC 2020 related job title.
    SocTitle,
}

/// Where an occupation's pay and job zone come from when Nesta's UK table has no row for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum EstimatedFrom {
    /// Inherited from this broader ESCO occupation: the nearest one up ESCO's occupation
    /// hierarchy that has figures.
    BroaderOccupation(OccupationId),
    /// The median of the occupations with figures in this ISCO-08 group (the unit group, or
    /// the nearest wider group with figures).
    IscoGroupMedian(String),
}

/// Why an occupation is on the curated list of green jobs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GreenJob {
    /// What kind of green work it is.
    pub category: GreenCategory,
    /// Why it counts, in plain words (at most 200 characters).
    pub evidence: String,
    /// The publisher's page the evidence comes from.
    pub source: String,
}

/// Kinds of green work on the curated list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum GreenCategory {
    /// Heat pumps, heat networks, solar thermal.
    LowCarbonHeat,
    /// Solar power.
    Solar,
    /// Onshore and offshore wind.
    Wind,
    /// Hydro, marine, geothermal, biogas and other renewable plant.
    OtherRenewables,
    /// Insulation, retrofit and energy-efficient buildings.
    RetrofitEfficiency,
    /// Electric and hybrid vehicles, charge points, batteries.
    ElectricVehicles,
    /// Electricity networks and electrification work.
    GridElectrification,
    /// Nuclear power.
    Nuclear,
    /// Hydrogen and carbon capture, use and storage.
    HydrogenCcus,
    /// Energy assessment and energy or sustainability management.
    EnergyManagement,
    /// Environmental protection, ecology and conservation.
    EnvironmentNature,
    /// Forestry, woodland creation and arboriculture.
    Forestry,
}

impl GreenCategory {
    /// Every category, in order.
    pub const ALL: [GreenCategory; 12] = [
        GreenCategory::LowCarbonHeat,
        GreenCategory::Solar,
        GreenCategory::Wind,
        GreenCategory::OtherRenewables,
        GreenCategory::RetrofitEfficiency,
        GreenCategory::ElectricVehicles,
        GreenCategory::GridElectrification,
        GreenCategory::Nuclear,
        GreenCategory::HydrogenCcus,
        GreenCategory::EnergyManagement,
        GreenCategory::EnvironmentNature,
        GreenCategory::Forestry,
    ];

    /// The curated file's name for the category (`low_carbon_heat`).
    pub fn key(self) -> &'static str {
        match self {
            GreenCategory::LowCarbonHeat => "low_carbon_heat",
            GreenCategory::Solar => "solar",
            GreenCategory::Wind => "wind",
            GreenCategory::OtherRenewables => "other_renewables",
            GreenCategory::RetrofitEfficiency => "retrofit_efficiency",
            GreenCategory::ElectricVehicles => "electric_vehicles",
            GreenCategory::GridElectrification => "grid_electrification",
            GreenCategory::Nuclear => "nuclear",
            GreenCategory::HydrogenCcus => "hydrogen_ccus",
            GreenCategory::EnergyManagement => "energy_management",
            GreenCategory::EnvironmentNature => "environment_nature",
            GreenCategory::Forestry => "forestry",
        }
    }

    /// A short name a worker reads ("Low-carbon heating").
    pub fn name(self) -> &'static str {
        match self {
            GreenCategory::LowCarbonHeat => "Low-carbon heating",
            GreenCategory::Solar => "Solar power",
            GreenCategory::Wind => "Wind power",
            GreenCategory::OtherRenewables => "Other renewable energy",
            GreenCategory::RetrofitEfficiency => "Retrofit and energy efficiency",
            GreenCategory::ElectricVehicles => "Electric vehicles",
            GreenCategory::GridElectrification => "Electricity networks",
            GreenCategory::Nuclear => "Nuclear power",
            GreenCategory::HydrogenCcus => "Hydrogen and carbon capture",
            GreenCategory::EnergyManagement => "Energy and sustainability management",
            GreenCategory::EnvironmentNature => "Environment and nature",
            GreenCategory::Forestry => "Forestry and woodland",
        }
    }

    /// The category named `key` in the curated file.
    pub fn from_key(key: &str) -> Option<GreenCategory> {
        GreenCategory::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// Index of a route in [`DataFile::routes`].
pub type RouteId = u32;

/// A move that an industry body, awarding body or public programme recognises, with the
/// training that bridges it. ESCO's skill profiles miss many of these (oil and gas drilling
/// and offshore wind roles share few listed skills), so a recognised route makes a move viable
/// and its bridging training goes into the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RecognisedRoute {
    /// Stable identifier from the curated table (`oilgas_to_offshore_wind`).
    pub id: String,
    /// Open to career changers from any job (training designed for people new to the work,
    /// such as a free Skills Bootcamp); then [`RecognisedRoute::origins`] is empty.
    #[serde(default)]
    pub open: bool,
    /// Occupations the route starts from, ascending (empty for an open route).
    #[serde(default)]
    pub origins: Vec<OccupationId>,
    /// Occupations it leads to, ascending.
    pub destinations: Vec<OccupationId>,
    /// Courses that bridge the move, in the order taken.
    #[serde(default)]
    pub bridging: Vec<CourseId>,
    /// Who recognises the route (a body or programme).
    pub recognised_by: String,
    /// What the source says, in plain words (at most 200 characters).
    pub evidence: String,
    /// The publisher's page.
    pub source: String,
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
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum GreenEconomyCategory {
    /// Existing work in more demand in the green economy, its tasks and skills unchanged.
    IncreasedDemand,
    /// Existing work whose tasks, skills and knowledge change significantly.
    EnhancedSkills,
    /// New work (or new specialisms) created by the green economy.
    NewAndEmerging,
}

/// A course, qualification or apprenticeship standard: a retraining route.
///
/// Costs are never invented: [`Course::cost`] is absent when no source gave a price to the
/// learner. Apprenticeships carry their funding band cap in [`Course::max_funding`] instead (what
/// the levy or government pays the training provider, not a fee).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Course {
    /// Stable identifier: the curated list's id (`"hp_l3_ashp_lcl"`) or `"ifate-<larsCode>"` for
    /// an apprenticeship standard (`"ifate-49"`).
    pub id: String,
    /// The course's title as published.
    pub title: String,
    /// Awarding body or provider; `"Apprenticeship standard (IfATE)"` for standards.
    pub provider: String,
    /// What sort of route it is.
    pub kind: CourseKind,
    /// RQF level 1 to 8, where stated.
    #[serde(default)]
    pub level: Option<u8>,
    /// Typical duration in weeks (full-time equivalent where the source gave hours), where
    /// known. For standards: the typical duration in months × 52/12, rounded to 0.1.
    #[serde(default)]
    pub weeks: Option<f32>,
    /// Typical price to a learner in GBP, where a source gave one (`0` when a source says it is
    /// free to the learner); absent when unknown.
    #[serde(default)]
    pub cost: Option<u32>,
    /// Apprenticeships: the funding band cap in GBP (IfATE `maxFunding`), paid to the training
    /// provider by the levy or the government, not by the apprentice.
    #[serde(default)]
    pub max_funding: Option<u32>,
    /// Who usually pays.
    pub funding: Funding,
    /// How it is taught.
    pub delivery: Delivery,
    /// Entry requirements as published, trimmed to at most 200 characters (empty when none were
    /// published).
    #[serde(default)]
    pub prerequisites: String,
    /// Catalogue courses that must come first: only where the published prerequisites clearly
    /// name another course of the catalogue.
    #[serde(default)]
    pub requires: Vec<CourseId>,
    /// ESCO skills the course teaches, ascending (stored as gaps, see [`ascending_ids`]). Empty
    /// for apprenticeship standards: the core derives their skills from the occupations they
    /// link to at or above [`COURSE_LINK_THRESHOLD`].
    #[serde(default, with = "ascending_ids")]
    pub teaches: Vec<SkillId>,
    /// ESCO occupations the course trains for, with the link's confidence, most confident first.
    #[serde(default)]
    pub occupations: Vec<CourseLink>,
    /// URL of the source (the IfATE standard page, or the curated row's source).
    pub source: String,
    /// A short caveat or fact worth showing (at most 160 characters), e.g. a grant or a
    /// withdrawal.
    #[serde(default)]
    pub notes: String,
    /// Where the course can be taken when only some areas can (a combined authority's Skills
    /// Bootcamp, one college's programme, a nation's apprenticeship framework): NUTS codes or
    /// their prefixes (`UKG3`: the West Midlands combined authority area; `UKL`: Wales). Empty:
    /// wherever it is offered (see [`Course::open_in`]).
    #[serde(default)]
    pub areas: Vec<String>,
    /// The same in words ("the West Midlands Combined Authority area"); empty when [`areas`] is.
    ///
    /// [`areas`]: Course::areas
    #[serde(default)]
    pub available_in: String,
}

impl Course {
    /// Whether people in the NUTS3 area `code` can take the course.
    pub fn open_in(&self, code: &str) -> bool {
        self.areas.is_empty()
            || self
                .areas
                .iter()
                .any(|prefix| code.starts_with(prefix.as_str()))
    }
}

/// What sort of retraining route a [`Course`] is.
///
/// The default catalogue uses: `apprenticeship` for apprenticeship standards and frameworks
/// (degree apprenticeships included: their level, 6 or 7, says so), `bootcamp` for Skills
/// Bootcamps, `qualification` for regulated awards, certificates, diplomas and NVQs, and
/// `shortCourse` for the rest (safety training, licences, one-day courses, recognition
/// schemes). `degree` is for university degrees outside an apprenticeship (none in the default
/// catalogue; custom catalogues may use it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum CourseKind {
    /// A short course, licence or training programme without a regulated qualification.
    ShortCourse,
    /// A regulated qualification (award, certificate, diploma, NVQ).
    Qualification,
    /// An apprenticeship: a job with training, usually one to four years.
    Apprenticeship,
    /// A Skills Bootcamp: free, up to 16 weeks, with a job interview at the end.
    Bootcamp,
    /// A university degree outside an apprenticeship.
    Degree,
}

/// Who usually pays for a [`Course`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Funding {
    /// Free to the learner.
    Free,
    /// A Skills Bootcamp: free to individuals (employers training their own staff co-fund).
    SkillsBootcamp,
    /// An apprenticeship: the levy or the government pays the provider, up to
    /// [`Course::max_funding`]; the apprentice pays no fee.
    ApprenticeshipLevy,
    /// A grant pays part of the price (e.g. the Heat Training Grant).
    GrantPartFunded,
    /// Usually paid by the employer.
    EmployerFunded,
    /// Usually paid by the learner.
    SelfFunded,
    /// Not known.
    Unknown,
}

/// How a [`Course`] is taught.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum Delivery {
    /// In a classroom or workshop at a centre.
    Classroom,
    /// Online.
    Online,
    /// Partly online, partly at a centre.
    Blended,
    /// At work (apprenticeships, NVQs assessed on site): the learner needs a job.
    Workplace,
    /// Not known.
    Unknown,
}

/// A link from a [`Course`] to an occupation it trains for, with a confidence from 0 to 1
/// (2 decimals): 1 for curated links and exact title matches, lower for weaker evidence (see
/// [`COURSE_LINK_THRESHOLD`]).
///
/// Serialised as a 2-element array `[occupation, confidence]`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CourseLink(pub OccupationId, pub f32);

/// Serde `with` module for ascending id lists stored as gaps: the first entry is the id itself,
/// each later entry the difference from the one before (`[3, 7, 8]` is stored as `[3, 4, 1]`).
/// Sorted skill ids are close together, so the gaps are small numbers that take fewer digits
/// and compress better.
///
/// Decoding sums the gaps; a sum beyond `u32::MAX` is a decode error, never a panic. A gap of 0
/// decodes to a repeated id, which validation then reports. Encoding a list that is not
/// ascending (or has repeats) is an error, as gaps cannot express a step down.
///
/// ```
/// #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
/// struct Skills(#[serde(with = "greenpath::model::ascending_ids")] Vec<u32>);
///
/// let json = serde_json::to_string(&Skills(vec![3, 7, 8])).unwrap();
/// assert_eq!(json, "[3,4,1]");
/// assert_eq!(serde_json::from_str::<Skills>(&json).unwrap(), Skills(vec![3, 7, 8]));
/// assert!(serde_json::from_str::<Skills>("[4294967295,1]").is_err());
/// ```
pub mod ascending_ids {
    use std::fmt;

    use serde::de::{self, SeqAccess, Visitor};
    use serde::ser::{self, SerializeSeq};
    use serde::{Deserializer, Serializer};

    /// Writes `ids` (ascending, without repeats) as gaps.
    ///
    /// # Errors
    /// When `ids` is not strictly ascending.
    pub fn serialize<S: Serializer>(ids: &[u32], serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(ids.len()))?;
        let mut previous: Option<u32> = None;
        for &id in ids {
            let gap = match previous {
                None => id,
                Some(p) if id > p => id - p,
                Some(p) => {
                    return Err(ser::Error::custom(format!(
                        "id list is not ascending ({id} after {p}), so it cannot be stored as gaps"
                    )))
                }
            };
            seq.serialize_element(&gap)?;
            previous = Some(id);
        }
        seq.end()
    }

    /// Reads gaps and returns the running sums.
    ///
    /// # Errors
    /// When an entry is not a `u32` or a sum overflows `u32`.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u32>, D::Error> {
        deserializer.deserialize_seq(Gaps)
    }

    struct Gaps;

    impl<'de> Visitor<'de> for Gaps {
        type Value = Vec<u32>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list of ids stored as gaps (non-negative integers)")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u32>, A::Error> {
            // Cap the pre-allocation: the size hint comes from untrusted input.
            let mut ids = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
            let mut sum: Option<u32> = None;
            while let Some(gap) = seq.next_element::<u32>()? {
                let id = match sum {
                    None => gap,
                    Some(previous) => previous.checked_add(gap).ok_or_else(|| {
                        de::Error::custom(format!(
                            "id list entry {}: gap {gap} after id {previous} is beyond the largest id {}",
                            ids.len(),
                            u32::MAX
                        ))
                    })?,
                };
                ids.push(id);
                sum = Some(id);
            }
            Ok(ids)
        }
    }
}
