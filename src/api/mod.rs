//! The planner's one facade: every question the pages ask, with options as serde types
//! ([`dto`]), validated here once (native tests run it), answered with plain serde data.
//!
//! The WebAssembly binding (`crate::wasm`, built for `wasm32` only) is thin glue over this:
//! it converts JS values to these types and back, and errors to JS errors.
//!
//! ```
//! # fn main() -> Result<(), greenpath::Error> {
//! # let json = include_bytes!("../../tests/fixtures/tiny_valid.json");
//! let planner = greenpath::api::Planner::from_json(json)?;
//! let hits = planner.search_occupations("weld", 5.0)?;
//! assert!(hits.len() <= 5);
//! # Ok(())
//! # }
//! ```

#[cfg(feature = "area")]
mod college;
#[cfg(feature = "area")]
pub use college::solve_portfolio;
#[cfg(feature = "area")]
pub use council::solve_council;
#[cfg(feature = "area")]
pub mod college_dto;
#[cfg(feature = "area")]
mod council;
#[cfg(feature = "area")]
pub mod council_dto;
pub mod dto;

#[cfg(feature = "area")]
pub use college_dto::*;
#[cfg(feature = "area")]
pub use council_dto::*;
pub use dto::*;

use crate::classification::GreenDefinition;
use crate::course_import::{ignored_columns, parse_courses, parse_courses_to_add, CourseFormat};
use crate::credit::Closeness;
use crate::deadline::{Deadline, CALL_SECONDS};
use crate::gap::SolveStatus;
use crate::limits::shown;
use crate::model::{
    CourseId, EstimatedFrom, GreenJob, NameKind, Occupation, OccupationId, RouteId, SkillId,
};
use crate::parts::{PartName, Progress};
use crate::pathways::{PathwayFinder, PathwayOptions};
use crate::plan::{CoursePlanner, PlanOptions};
use crate::transitions::{ScoreParams, Transition, TransitionEngine, TransitionOptions};
use crate::{similar_occupations, Dataset, Error, SearchIndex};

/// Options from their JSON text (as the binding sends them): unknown fields are named, and
/// so are values of the wrong type or outside a vocabulary (`serde_path_to_error` finds where).
///
/// # Errors
/// [`Error::InvalidOption`] naming the option (`options` for an unknown field) and saying what
/// serde found wrong.
pub fn options_from_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, Error> {
    let mut reader = serde_json::Deserializer::from_str(json);
    let options = serde_path_to_error::deserialize(&mut reader).map_err(|e| {
        let field = match e.path().iter().next() {
            Some(serde_path_to_error::Segment::Map { key }) => key.clone(),
            _ => "options".to_owned(),
        };
        Error::InvalidOption {
            field,
            path: e.path().to_string(),
            message: e.inner().to_string(),
        }
    })?;
    reader.end().map_err(|e| Error::InvalidOption {
        field: "options".to_owned(),
        path: ".".to_owned(),
        message: e.to_string(),
    })?;
    Ok(options)
}

/// Most search results one call returns.
const MAX_SEARCH_LIMIT: f64 = 100.0;

/// The planner: a loaded dataset (all of it, or the core and the parts loaded so far), its
/// search indexes, the transition engine and, once the courses are loaded, the course planner.
pub struct Planner {
    data: Dataset,
    progress: Progress,
    index: SearchIndex,
    skill_index: SearchIndex,
    engine: TransitionEngine,
    courses: Option<CoursePlanner>,
    /// The dataset before the person's own course list was loaded (none loaded: `None`).
    before_own_list: Option<Dataset>,
    /// The local picture, once loaded (college and council pages only).
    #[cfg(feature = "area")]
    local: Option<crate::local::LocalPicture>,
}

impl Planner {
    /// Starts from the core part of a dataset (`data/parts/core.bin`): enough to search.
    /// Add the other parts with [`Planner::add_part`]; until then
    /// the questions that need them answer [`Error::PartMissing`] naming the part.
    ///
    /// # Errors
    /// [`Error::Decode`] when the bytes are not a core part; [`Error::Invalid`] listing every
    /// broken rule.
    pub fn new(core: &[u8]) -> Result<Planner, Error> {
        let (file, progress) = Progress::start_from_bytes(core)?;
        let data = Dataset::from_partial(file, progress.extent())?;
        Ok(Self::build(data, progress))
    }

    /// A planner over a whole dataset given as JSON (a custom dataset, or a test fixture).
    ///
    /// # Errors
    /// [`Error::Decode`] when the bytes are not JSON of the expected shape; [`Error::Invalid`]
    /// listing every broken rule.
    pub fn from_json(json: &[u8]) -> Result<Planner, Error> {
        let data = Dataset::from_json(json)?;
        let progress = Progress::whole(data.file());
        Ok(Self::build(data, progress))
    }

    /// A planner over every part (core first), as [`Planner::new`] then [`Planner::add_part`].
    ///
    /// # Errors
    /// As [`Planner::new`] and [`Planner::add_part`].
    pub fn from_parts(parts: &[&[u8]]) -> Result<Planner, Error> {
        let (core, rest) = parts
            .split_first()
            .ok_or(Error::PartMissing { part: "core" })?;
        let mut planner = Planner::new(core)?;
        for part in rest {
            planner.add_part(part)?;
        }
        Ok(planner)
    }

    fn build(data: Dataset, progress: Progress) -> Planner {
        let index = SearchIndex::new(&data);
        let skill_index = SearchIndex::for_skills(&data);
        let engine = TransitionEngine::new(&data);
        let courses = Self::course_planner_for(&data, &progress);
        Planner {
            data,
            progress,
            index,
            skill_index,
            engine,
            courses,
            before_own_list: None,
            #[cfg(feature = "area")]
            local: None,
        }
    }

    /// Plans need every skill a course may teach and the whole catalogue.
    fn course_planner_for(data: &Dataset, progress: &Progress) -> Option<CoursePlanner> {
        (progress.has(PartName::Skills)
            && progress.has(PartName::SkillNames)
            && progress.has(PartName::Courses))
        .then(|| CoursePlanner::new(data))
    }

    /// Adds a later part of the dataset (`skills.bin`, `skill-names.bin`, `details.bin` or `courses.bin`) and
    /// returns its name. Nothing changes on an error: the planner keeps answering from what it
    /// had.
    ///
    /// # Errors
    /// [`Error::Decode`] when the bytes are not a part, the part is already loaded or belongs to
    /// another build; [`Error::Invalid`] when the assembled data breaks a rule.
    pub fn add_part(&mut self, bytes: &[u8]) -> Result<&'static str, Error> {
        let part = crate::parts::decode(bytes)?;
        let name = part.name();
        let mut file = self.data.file().clone();
        let mut progress = self.progress;
        progress.add(&mut file, part.clone())?;
        let data = Dataset::from_partial(file, progress.extent())?;
        // A part arriving after the person's own list (descriptions, say) joins the catalogue
        // kept from before the list too, so the next list starts from the whole of it.
        let before_own_list = match &self.before_own_list {
            Some(base) => {
                let mut file = base.file().clone();
                let mut base_progress = self.progress;
                base_progress.add(&mut file, part)?;
                Some(Dataset::from_partial(file, progress.extent())?)
            }
            None => None,
        };
        // The occupation index reads names only, which no later part changes.
        if name == PartName::Skills {
            self.engine = TransitionEngine::new(&data);
        }
        if name == PartName::SkillNames {
            self.skill_index = SearchIndex::for_skills(&data);
        }
        self.courses = Self::course_planner_for(&data, &progress);
        self.data = data;
        self.progress = progress;
        self.before_own_list = before_own_list;
        Ok(name.key())
    }

    /// The names of the parts loaded so far (`"core"` first).
    pub fn parts(&self) -> Vec<&'static str> {
        PartName::ALL
            .into_iter()
            .filter(|&p| self.progress.has(p))
            .map(PartName::key)
            .collect()
    }

    /// The skills and then their names: what anything showing a skill needs.
    fn require_skill_names(&self) -> Result<(), Error> {
        self.progress.require(PartName::Skills)?;
        self.progress.require(PartName::SkillNames)
    }

    fn course_planner(&self) -> Result<&CoursePlanner, Error> {
        self.require_skill_names()?;
        self.progress.require(PartName::Courses)?;
        self.courses
            .as_ref()
            .ok_or(Error::PartMissing { part: "courses" })
    }

    /// Facts about the loaded dataset.
    pub fn dataset_info(&self) -> Result<DatasetInfo, Error> {
        let meta = self.data.meta();
        Ok(DatasetInfo {
            esco_version: meta.esco_version.clone(),
            attribution: meta.attribution.clone(),
            occupations: self.data.occupations().len(),
            skills: self.progress.extent().skills,
            relations: self.data.relation_count(),
            dropped_relations: meta.dropped_relations,
            occupations_with_earnings: self
                .data
                .occupations()
                .iter()
                .filter(|o| o.annual_earnings.is_some())
                .count(),
            viable_threshold: crate::transitions::VIABLE,
            highly_viable_threshold: crate::transitions::HIGHLY_VIABLE,
            parts: self.parts().into_iter().map(str::to_owned).collect(),
        })
    }

    /// Occupations matching `query` by any of their names, best first (empty for a blank query).
    pub fn search_occupations(
        &self,
        query: &str,
        limit: f64,
    ) -> Result<Vec<OccupationMatch>, Error> {
        let limit = whole_number("limit", limit, MAX_SEARCH_LIMIT)?;
        let hits = self.index.search(query, limit);
        let matches: Vec<OccupationMatch> = hits
            .iter()
            .map(|hit| {
                let o = self.data.occupation(hit.item);
                let (matched, kind) = o.name(hit.label).unwrap_or((&o.label, NameKind::Preferred));
                OccupationMatch {
                    id: o.id.clone(),
                    label: o.label.clone(),
                    matched_label: matched.to_owned(),
                    matched_preferred: hit.label == 0,
                    matched_kind: kind,
                    isco: o.isco.clone(),
                    score: hit.score,
                }
            })
            .collect();
        Ok(matches)
    }

    /// One occupation with its skills.
    pub fn occupation(&self, id: &str) -> Result<OccupationDetail, Error> {
        let o = self.data.occupation(self.lookup("id", id)?);
        self.require_skill_names()?;
        Ok(OccupationDetail {
            id: o.id.clone(),
            label: o.label.clone(),
            alt_labels: o.alt_labels.clone(),
            isco: o.isco.clone(),
            isco_label: self.isco_label(&o.isco),
            job_zone: o.job_zone,
            annual_earnings: o.annual_earnings,
            estimated_from: self.estimate_dto(o),
            uk_titles: o.uk_titles.iter().chain(&o.soc_titles).cloned().collect(),
            green_job: o.green_job.as_ref().map(green_job_dto),
            essential_skills: self.skill_refs(&o.essential),
            optional_skills: self.skill_refs(&o.optional),
            carbon: o.carbon.as_ref().map(|c| CarbonDto {
                category: c.category.clone(),
                borderline: c.borderline,
                evidence: c.evidence.clone(),
                source: c.source.clone(),
            }),
        })
    }

    /// What occupation `id` involves: the first sentence or two of ESCO's description (needs
    /// the `details` part).
    pub fn description(&self, id: &str) -> Result<String, Error> {
        let o = self.data.occupation(self.lookup("id", id)?);
        self.progress.require(PartName::Details)?;
        Ok(o.description.clone())
    }

    /// The `count` occupations most similar to occupation `id`, with explanations.
    pub fn similar_occupations(
        &self,
        id: &str,
        count: f64,
    ) -> Result<Vec<SimilarOccupationDto>, Error> {
        let origin = self.lookup("id", id)?;
        self.require_skill_names()?;
        let max = self.data.occupations().len() as f64;
        let count = whole_number("count", count, max)?;
        let origin_pay = self.data.occupation(origin).annual_earnings;
        let results = similar_occupations(&self.data, origin, count)?;
        let dtos: Vec<SimilarOccupationDto> = results
            .into_iter()
            .map(|r| {
                let o = self.data.occupation(r.occupation);
                SimilarOccupationDto {
                    id: o.id.clone(),
                    label: o.label.clone(),
                    isco: o.isco.clone(),
                    isco_label: self.isco_label(&o.isco),
                    score: r.score,
                    job_zone: o.job_zone,
                    annual_earnings: o.annual_earnings,
                    pay_change: pay_change(origin_pay, o.annual_earnings),
                    shared_essential: self.skill_refs(&r.shared_essential),
                    missing_essential: self.skill_refs(&r.missing_essential),
                    shared_optional_count: r.shared_optional,
                }
            })
            .collect();
        Ok(dtos)
    }
}

impl Planner {
    /// Skills matching `query` by label, best first (to add skills a person holds).
    pub fn search_skills(&self, query: &str, limit: f64) -> Result<Vec<SkillRef>, Error> {
        let limit = whole_number("limit", limit, MAX_SEARCH_LIMIT)?;
        self.require_skill_names()?;
        let ids: Vec<SkillId> = self
            .skill_index
            .search(query, limit)
            .iter()
            .map(|hit| hit.item)
            .collect();
        Ok(self.skill_refs(&ids))
    }

    /// The skills with these ESCO ids, in order (to name the skills of a shared link).
    pub fn skills(&self, ids: &[String]) -> Result<Vec<SkillRef>, Error> {
        let ids = self.skill_ids(ids)?;
        Ok(self.skill_refs(&ids))
    }

    /// A college's or council's own figures (CSV or JSON: a job and a count per row), read as
    /// a course list is: the rows that read, and a problem for each that does not. The page
    /// matches the jobs to its tables.
    ///
    /// # Errors
    /// [`Error::InvalidRows`] for a file that cannot be read at all.
    pub fn read_figures(&self, text: &str) -> Result<crate::figures::Figures, Error> {
        crate::figures::read_figures(text)
    }

    /// The definitions of carbon-intensive and green, with their sources.
    pub fn classifications(&self) -> Result<Vec<ClassificationDto>, Error> {
        let list: Vec<ClassificationDto> = self
            .data
            .meta()
            .classifications
            .iter()
            .map(|c| ClassificationDto {
                key: c.key.clone(),
                name: c.name.clone(),
                description: c.description.clone(),
                source: c.source.clone(),
                licence: c.licence.clone(),
                estimated: c.estimated,
                coverage: c.coverage,
            })
            .collect();
        Ok(list)
    }

    /// Ranked moves from occupation `id` to every other, with scores, flags and explanations.
    pub fn transitions(
        &self,
        id: &str,
        options: TransitionOptionsDto,
    ) -> Result<Vec<TransitionDto>, Error> {
        let origin = self.lookup("id", id)?;
        self.progress.require(PartName::Skills)?;
        let brief = options.brief;
        if !brief {
            self.require_skill_names()?;
        }
        let options = self.options_from(options)?;
        let moves = self.engine.transitions(&self.data, origin, &options)?;
        let origin_pay = self.data.occupation(origin).annual_earnings;
        let dtos: Vec<TransitionDto> = moves
            .iter()
            .map(|t| self.transition_dto(t, origin_pay, brief))
            .collect();
        Ok(dtos)
    }

    /// Loads a college's or council's own course list (CSV or JSON, see the `course_import`
    /// module for the columns), added to the catalogue (`mode` `"add"`) or in its place
    /// (`"replace"`). One list at a time: a new list takes the place of one loaded before. Nothing
    /// changes when the list has any problem: the error lists every problem by row and field.
    /// Returns how many courses the catalogue and the list have, and the columns left out.
    pub fn load_courses(
        &mut self,
        text: &str,
        format: &str,
        mode: &str,
    ) -> Result<CourseListLoaded, Error> {
        let format = match format {
            "csv" => CourseFormat::Csv,
            "json" => CourseFormat::Json,
            other => {
                return Err(Error::InvalidArgument {
                    field: "format",
                    value: shown(other),
                    expected: "\"csv\" or \"json\"",
                })
            }
        };
        let add = match mode {
            "add" => true,
            "replace" => false,
            other => {
                return Err(Error::InvalidArgument {
                    field: "mode",
                    value: shown(other),
                    expected: "\"add\" or \"replace\"",
                })
            }
        };
        self.course_planner()?;
        // Against the catalogue as it was before any list of the person's own.
        let base = self.before_own_list.as_ref().unwrap_or(&self.data);
        let courses = if add {
            parse_courses_to_add(base, text, format)?
        } else {
            parse_courses(base, text, format)?
        };
        let loaded = courses.len() as u32;
        let data = base.with_courses(courses, add)?;
        if self.before_own_list.is_none() {
            self.before_own_list = Some(self.data.clone());
        }
        self.courses = Some(CoursePlanner::new(&data));
        self.data = data;
        Ok(CourseListLoaded {
            catalogue: self.data.courses().len() as u32,
            loaded,
            ignored_columns: ignored_columns(text, format),
        })
    }

    /// Every course in the catalogue.
    pub fn courses(&self) -> Result<Vec<CourseDto>, Error> {
        self.course_planner()?;
        let list: Vec<CourseDto> = (0..self.data.courses().len() as CourseId)
            .map(|c| self.course_dto(c))
            .collect();
        Ok(list)
    }

    /// The ids of the courses the person's own list added (none before a list is loaded, or
    /// when the list replaced the catalogue: then every course is theirs and this lists all).
    pub fn own_courses(&self) -> Vec<String> {
        let Some(base) = &self.before_own_list else {
            return Vec::new();
        };
        self.data
            .courses()
            .iter()
            .filter(|c| base.course_id(&c.id).is_none())
            .map(|c| c.id.clone())
            .collect()
    }

    /// The retraining plan from occupation `origin` to occupation `destination`.
    pub fn plan(
        &self,
        origin: &str,
        destination: &str,
        options: PlanOptionsDto,
    ) -> Result<PlanDto, Error> {
        let from = self.lookup("origin", origin)?;
        let to = self.lookup("destination", destination)?;
        let dto = options;
        let options = self.plan_options_from(dto)?;
        let plan = self
            .course_planner()?
            .plan(&self.data, from, to, &options)?;
        Ok(PlanDto {
            origin: self.occupation_ref(from),
            destination: self.occupation_ref(to),
            route: plan.route.map(|r| self.route_dto(r)),
            gap: plan
                .gap
                .iter()
                .map(|g| GapSkillDto {
                    skill: self.skill_ref(g.skill),
                    credit: g.credit,
                })
                .collect(),
            steps: plan
                .steps
                .iter()
                .map(|s| PlanStepDto {
                    course: self.course_dto(s.course),
                    closes: self.skill_refs(&s.closes),
                    out_of_pocket: s.out_of_pocket,
                    funded: s.funded,
                    cost_unknown: s.cost_unknown,
                    weeks_unknown: s.weeks_unknown,
                    bridging: s.bridging,
                })
                .collect(),
            weeks: plan.weeks,
            out_of_pocket: plan.out_of_pocket,
            funded: plan.funded,
            left_to_learn: self.skill_refs(&plan.left_to_learn),
            binding: plan
                .binding
                .iter()
                .map(|b| BindingLimitDto {
                    limit: b.limit,
                    more_skills: b.more_skills,
                    more_cost: b.more_cost,
                    more_weeks: b.more_weeks,
                    unknowns: b.unknowns,
                })
                .collect(),
            status: status_name(plan.status),
        })
    }

    /// Pareto-optimal routes of up to three moves from occupation `id` to green jobs.
    pub fn pathways(&self, id: &str, options: PathwayOptionsDto) -> Result<Vec<PathwayDto>, Error> {
        let origin = self.lookup("id", id)?;
        let dto = options;
        let defaults = PathwayOptions::default();
        let transitions = self.options_from(TransitionOptionsDto {
            extra_skills: dto.plan.extra_skills.clone(),
            green: dto.green,
            ..TransitionOptionsDto::default()
        })?;
        let max_moves = match dto.max_moves {
            Some(n) => whole_number("maxMoves", n, 3.0)?,
            None => defaults.max_moves,
        };
        let max_routes = match dto.max_routes {
            Some(n) => whole_number("maxRoutes", n, 50.0)?,
            None => defaults.max_routes,
        };
        let options = PathwayOptions {
            transitions,
            plan: self.plan_options_from(dto.plan)?,
            max_moves,
            max_routes,
            ..defaults
        };
        let finder = PathwayFinder::new(&self.data, &self.engine, self.course_planner()?);
        let routes = finder.find(origin, &options)?;
        let dtos: Vec<PathwayDto> = routes
            .iter()
            .map(|r| PathwayDto {
                steps: r
                    .steps
                    .iter()
                    .map(|s| PathwayStepDto {
                        from: self.occupation_ref(s.from),
                        to: self.occupation_ref(s.to),
                        score: s.score,
                        green: s.green,
                        recognised: self
                            .data
                            .route_between(s.from, s.to)
                            .map(|r| self.data.route(r).id.clone()),
                        courses: s.courses.iter().map(|&c| self.course_ref(c)).collect(),
                        weeks: s.weeks,
                        out_of_pocket: s.out_of_pocket,
                        left_to_learn: s.left_to_learn,
                        unknowns: s.unknowns,
                        status: status_name(s.status),
                    })
                    .collect(),
                weeks: r.weeks,
                out_of_pocket: r.out_of_pocket,
                final_pay: r.final_pay,
                left_to_learn: r.left_to_learn,
                unknowns: r.unknowns,
            })
            .collect();
        Ok(dtos)
    }
}

impl Planner {
    fn plan_options_from(&self, dto: PlanOptionsDto) -> Result<PlanOptions, Error> {
        let defaults = PlanOptions::default();
        let extra_skills = self.skill_ids(&dto.extra_skills)?;
        let mut held_courses = Vec::with_capacity(dto.held_courses.len());
        for id in &dto.held_courses {
            held_courses.push(
                self.data
                    .course_id(id)
                    .ok_or_else(|| Error::InvalidArgument {
                        field: "heldCourses",
                        value: shown(id),
                        expected: "course ids of the catalogue",
                    })?,
            );
        }
        let delivery = dto.delivery;
        let budget = match dto.budget {
            Some(b) => Some(whole_number("budget", b, 1_000_000.0)? as u32),
            None => None,
        };
        let max_weeks = match dto.max_weeks {
            Some(w) if w.is_finite() && (0.0..=520.0).contains(&w) => Some(w as f32),
            Some(w) => {
                return Err(Error::InvalidArgument {
                    field: "maxWeeks",
                    value: w.to_string(),
                    expected: "a number of weeks from 0 to 520",
                })
            }
            None => None,
        };
        let money_vs_time = match dto.money_vs_time {
            Some(t) if (0.0..=1.0).contains(&t) => t as f32,
            Some(t) => {
                return Err(Error::InvalidArgument {
                    field: "moneyVsTime",
                    value: t.to_string(),
                    expected: "a number from 0 (only time matters) to 1 (only money matters)",
                })
            }
            None => defaults.money_vs_time,
        };
        Ok(PlanOptions {
            extra_skills,
            held_courses,
            budget,
            max_weeks,
            funded_only: dto.funded_only,
            delivery,
            apprenticeships: dto.apprenticeships.unwrap_or(defaults.apprenticeships),
            money_vs_time,
            // The call's one deadline starts as its options are read, first thing.
            deadline: Deadline::after(CALL_SECONDS),
            ..defaults
        })
    }

    fn skill_ids(&self, ids: &[String]) -> Result<Vec<SkillId>, Error> {
        ids.iter()
            .map(|id| {
                self.data.skill_id(id).ok_or_else(|| {
                    // Not a skill occupations name: it may be in the part still loading.
                    match self.require_skill_names() {
                        Err(missing) => missing,
                        Ok(()) => Error::UnknownSkill {
                            field: "extraSkills",
                            id: id.clone(),
                        },
                    }
                })
            })
            .collect()
    }

    fn occupation_ref(&self, o: OccupationId) -> OccupationRef {
        let occupation = self.data.occupation(o);
        OccupationRef {
            id: occupation.id.clone(),
            label: occupation.label.clone(),
            annual_earnings: occupation.annual_earnings,
        }
    }

    fn course_dto(&self, c: CourseId) -> CourseDto {
        let course = self.data.course(c);
        CourseDto {
            id: course.id.clone(),
            title: course.title.clone(),
            provider: course.provider.clone(),
            kind: course.kind,
            level: course.level,
            weeks: course.weeks,
            cost: course.cost,
            max_funding: course.max_funding,
            funding: course.funding,
            delivery: course.delivery,
            prerequisites: course.prerequisites.clone(),
            source: course.source.clone(),
            notes: course.notes.clone(),
            available_in: (!course.available_in.is_empty()).then(|| course.available_in.clone()),
        }
    }

    fn skill_ref(&self, s: SkillId) -> SkillRef {
        let skill = self.data.skill(s);
        SkillRef {
            id: skill.id.clone(),
            label: skill.label.clone(),
            kind: skill.kind,
            green: skill.green,
        }
    }

    fn options_from(&self, dto: TransitionOptionsDto) -> Result<TransitionOptions, Error> {
        let defaults = TransitionOptions::default();
        let extra_skills = self.skill_ids(&dto.extra_skills)?;
        let pay_floor = match dto.pay_floor {
            None => defaults.pay_floor,
            Some(None) => None,
            Some(Some(pay)) => Some(whole_number("payFloor", pay, 10_000_000.0)? as u32),
        };
        let basis = dto.green.unwrap_or_default();
        let min_viability = dto.min_viability.unwrap_or_default();
        let max = self.data.occupations().len().saturating_sub(1) as f64;
        let count = match dto.count {
            Some(count) => whole_number("count", count, max)?,
            None => defaults.count,
        };
        let green_defaults = GreenDefinition::default();
        Ok(TransitionOptions {
            params: ScoreParams::default(),
            extra_skills,
            desirable_pay_ratio: dto
                .desirable_pay_ratio
                .unwrap_or(defaults.desirable_pay_ratio),
            pay_floor,
            green: GreenDefinition {
                basis,
                esco_min_share: dto
                    .esco_green_min_share
                    .unwrap_or(green_defaults.esco_min_share),
                ons_min_share: dto
                    .ons_green_min_share
                    .unwrap_or(green_defaults.ons_min_share),
            },
            only_green: dto.only_green,
            min_viability,
            only_desirable: dto.only_desirable,
            count,
            ..defaults
        })
    }

    fn transition_dto(
        &self,
        t: &Transition,
        origin_pay: Option<u32>,
        brief: bool,
    ) -> TransitionDto {
        let o = self.data.occupation(t.occupation);
        let explanation = &t.explanation;
        TransitionDto {
            id: o.id.clone(),
            label: o.label.clone(),
            isco: o.isco.clone(),
            isco_label: self.isco_label(&o.isco),
            score: t.score,
            facets: FacetsDto {
                skills: t.facets.skills,
                preparation: t.facets.preparation,
                pay: t.facets.pay,
            },
            flags: FlagsDto {
                viable: t.flags.viable,
                viable_by_skills: t.flags.viable_by_skills,
                highly_viable: t.flags.highly_viable,
                desirable: t.flags.desirable,
                green: t.flags.green,
            },
            job_zone: o.job_zone,
            annual_earnings: o.annual_earnings,
            pay_change: pay_change(origin_pay, o.annual_earnings),
            estimated_from: self.estimate_dto(o),
            recognised: t.recognised.map(|r| self.route_dto(r)),
            green: GreenDto {
                curated: o.green_job.as_ref().map(green_job_dto),
                esco_share: t.green.esco_share,
                esco: t.green.esco,
                onet: t.green.onet,
                onet_estimated: o.green_economy.as_ref().map(|g| g.estimated),
                ons_share: t.green.ons_share,
                ons: t.green.ons,
                selected: t.green.selected,
            },
            carbon_intensive: o.carbon.is_some(),
            skill_counts: SkillCountsDto {
                matched: explanation.matched.len(),
                partial: explanation.partial.len(),
                missing: explanation.missing.len(),
            },
            matched: if brief {
                Vec::new()
            } else {
                self.skill_refs(&explanation.matched)
            },
            partial: explanation
                .partial
                .iter()
                .filter(|_| !brief)
                .map(|p| PartialDto {
                    needed: self.skill_ref(p.needed),
                    held: self.skill_ref(p.held),
                    relation: match p.closeness {
                        Closeness::Held => "optionalInOrigin",
                        Closeness::Related => "related",
                        Closeness::Broader => "broader",
                        Closeness::SameGroup => "sameGroup",
                    },
                    credit: p.credit,
                })
                .collect(),
            missing: if brief {
                Vec::new()
            } else {
                self.skill_refs(&explanation.missing)
            },
        }
    }

    fn estimate_dto(&self, o: &Occupation) -> Option<EstimateDto> {
        o.estimated_from.as_ref().map(|e| match e {
            EstimatedFrom::BroaderOccupation(b) => EstimateDto {
                basis: "broaderOccupation",
                from: self.data.occupation(*b).label.clone(),
            },
            EstimatedFrom::IscoGroupMedian(code) => EstimateDto {
                basis: "iscoGroupMedian",
                from: format!("ISCO {code} {}", self.isco_label(code)),
            },
        })
    }

    fn route_dto(&self, r: RouteId) -> RouteDto {
        let route = self.data.route(r);
        RouteDto {
            id: route.id.clone(),
            open: route.open,
            recognised_by: route.recognised_by.clone(),
            evidence: route.evidence.clone(),
            source: route.source.clone(),
            bridging: route.bridging.iter().map(|&c| self.course_ref(c)).collect(),
        }
    }

    fn course_ref(&self, c: CourseId) -> CourseRef {
        let course = self.data.course(c);
        CourseRef {
            id: course.id.clone(),
            title: course.title.clone(),
        }
    }

    fn lookup(&self, field: &'static str, id: &str) -> Result<OccupationId, Error> {
        self.data
            .occupation_id(id)
            .ok_or_else(|| Error::UnknownOccupation {
                field,
                id: id.to_owned(),
            })
    }

    fn isco_label(&self, code: &str) -> String {
        self.data.isco_label(code).unwrap_or_default().to_owned()
    }

    fn skill_refs(&self, skills: &[SkillId]) -> Vec<SkillRef> {
        skills.iter().map(|&s| self.skill_ref(s)).collect()
    }
}

fn green_job_dto(g: &GreenJob) -> GreenJobDto {
    GreenJobDto {
        category: g.category.key(),
        name: g.category.name(),
        evidence: g.evidence.clone(),
        source: g.source.clone(),
    }
}

fn status_name(status: SolveStatus) -> &'static str {
    match status {
        SolveStatus::Optimal => "optimal",
        SolveStatus::TimeLimit => "timeLimit",
        SolveStatus::Heuristic => "heuristic",
        SolveStatus::WithinGap => "withinGap",
    }
}

/// Pay change as a fraction of the origin's pay, when both are known.
fn pay_change(origin: Option<u32>, destination: Option<u32>) -> Option<f64> {
    match (origin, destination) {
        (Some(from), Some(to)) if from > 0 => {
            Some((f64::from(to) - f64::from(from)) / f64::from(from))
        }
        _ => None,
    }
}

/// Checks that a number from JS is a whole number in `0..=max`.
fn whole_number(field: &'static str, value: f64, max: f64) -> Result<usize, Error> {
    if value.is_finite() && value.fract() == 0.0 && (0.0..=max).contains(&value) {
        Ok(value as usize)
    } else {
        Err(Error::InvalidArgument {
            field,
            value: value.to_string(),
            expected: "a whole number from 0 up to the allowed maximum (see the API docs)",
        })
    }
}
