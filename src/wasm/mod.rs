//! The JavaScript binding: a `Planner` class over [`crate::api::Planner`], and nothing else.
//!
//! Every method converts its JS arguments to the core's serde types, asks the core, and converts
//! the answer back (`serde-wasm-bindgen`'s JSON-compatible serializer: plain objects with
//! camelCase fields; TypeScript declarations are generated from `crate::api::dto`). Options go
//! through JSON so that unknown fields are named. Errors are JS `Error`s with `kind`, and where
//! they apply `field`, `value` and `problems` properties: callers read those, never the message.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::api::{self, PathwayOptionsDto, PlanOptionsDto, TransitionOptionsDto};
#[cfg(feature = "area")]
use crate::api::{CollegeInputDto, CouncilInputDto};
use crate::limits::MAX_FILE_BYTES;
use crate::Error;

mod args;

/// The longest search query read: a pasted page is cut short by the search (which reads the
/// first 200 characters), not refused; past a megabyte it is refused before it is copied.
const MAX_QUERY_GIVEN: usize = 1 << 20;

/// The planner: a loaded dataset and everything built on it.
#[wasm_bindgen]
pub struct Planner {
    inner: api::Planner,
}

#[wasm_bindgen]
impl Planner {
    /// Starts from the dataset's core part (`data/core.bin`): enough to search. Add the other
    /// parts with `addPart`; until then a question that needs one throws an error of kind
    /// `"partMissing"` whose `field` names the part.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] core: JsValue,
    ) -> Result<Planner, JsValue> {
        let core = args::bytes(&core, "core").map_err(to_js)?;
        Ok(Planner {
            inner: api::Planner::new(&core).map_err(to_js)?,
        })
    }

    /// A planner over a whole dataset given as JSON (a custom dataset).
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] json: JsValue,
    ) -> Result<Planner, JsValue> {
        let json = args::bytes(&json, "json").map_err(to_js)?;
        Ok(Planner {
            inner: api::Planner::from_json(&json).map_err(to_js)?,
        })
    }

    /// Adds a later part of the dataset (`skills.bin`, `skill-names.bin`, `details.bin` or `courses.bin`) and
    /// returns its name. Nothing changes on an error.
    #[wasm_bindgen(js_name = addPart)]
    pub fn add_part(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] bytes: JsValue,
    ) -> Result<String, JsValue> {
        let bytes = args::bytes(&bytes, "bytes").map_err(to_js)?;
        self.inner
            .add_part(&bytes)
            .map(str::to_owned)
            .map_err(to_js)
    }

    /// The names of the parts loaded so far (`"core"` first).
    pub fn parts(&self) -> Vec<String> {
        self.inner.parts().into_iter().map(str::to_owned).collect()
    }

    /// What occupation `id` involves: a sentence or two from ESCO (needs the `details` part).
    pub fn description(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<String, JsValue> {
        let id = args::id(&id, "id").map_err(to_js)?;
        self.inner.description(&id).map_err(to_js)
    }

    /// Facts about the loaded dataset.
    #[wasm_bindgen(js_name = datasetInfo, unchecked_return_type = "DatasetInfo")]
    pub fn dataset_info(&self) -> Result<JsValue, JsValue> {
        answer(self.inner.dataset_info())
    }

    /// Occupations matching `query` by any of their names, best first (empty for a blank query).
    #[wasm_bindgen(js_name = searchOccupations, unchecked_return_type = "OccupationMatch[]")]
    pub fn search_occupations(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] limit: JsValue,
    ) -> Result<JsValue, JsValue> {
        let query = args::text(&query, "query", MAX_QUERY_GIVEN).map_err(to_js)?;
        let limit = args::number(&limit, "limit").map_err(to_js)?;
        answer(self.inner.search_occupations(&query, limit))
    }

    /// One occupation with its skills.
    #[wasm_bindgen(unchecked_return_type = "OccupationDetail")]
    pub fn occupation(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = args::id(&id, "id").map_err(to_js)?;
        answer(self.inner.occupation(&id))
    }

    /// The `count` occupations most similar to occupation `id`, with explanations.
    #[wasm_bindgen(js_name = similarOccupations, unchecked_return_type = "SimilarOccupationDto[]")]
    pub fn similar_occupations(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] count: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = args::id(&id, "id").map_err(to_js)?;
        let count = args::number(&count, "count").map_err(to_js)?;
        answer(self.inner.similar_occupations(&id, count))
    }

    /// Skills matching `query` by label, best first (to add skills a person holds).
    #[wasm_bindgen(js_name = searchSkills, unchecked_return_type = "SkillRef[]")]
    pub fn search_skills(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] query: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] limit: JsValue,
    ) -> Result<JsValue, JsValue> {
        let query = args::text(&query, "query", MAX_QUERY_GIVEN).map_err(to_js)?;
        let limit = args::number(&limit, "limit").map_err(to_js)?;
        answer(self.inner.search_skills(&query, limit))
    }

    /// The skills with these ESCO ids, in order (to name the skills of a shared link).
    #[wasm_bindgen(unchecked_return_type = "SkillRef[]")]
    pub fn skills(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string[]")] ids: JsValue,
    ) -> Result<JsValue, JsValue> {
        let ids = args::ids(&ids, "ids").map_err(to_js)?;
        answer(self.inner.skills(&ids))
    }

    /// The definitions of carbon-intensive and green, with their sources.
    #[wasm_bindgen(unchecked_return_type = "ClassificationDto[]")]
    pub fn classifications(&self) -> Result<JsValue, JsValue> {
        answer(self.inner.classifications())
    }

    /// Ranked moves from occupation `id` to every other, with scores, flags and explanations.
    #[wasm_bindgen(unchecked_return_type = "TransitionDto[]")]
    pub fn transitions(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "TransitionOptionsDto")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = args::id(&id, "id").map_err(to_js)?;
        let options: TransitionOptionsDto = args::options(&options, "options").map_err(to_js)?;
        answer(self.inner.transitions(&id, options))
    }

    /// Loads a college's or council's own course list (CSV or JSON, see the `course_import`
    /// module for the columns), added to the catalogue (`mode` `"add"`) or in its place
    /// (`"replace"`). Nothing changes when the list has any problem: the error lists every
    /// problem by row and field. Returns how many courses the catalogue and the list have, and
    /// the columns left out.
    #[wasm_bindgen(js_name = loadCourses, unchecked_return_type = "CourseListLoaded")]
    pub fn load_courses(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        #[wasm_bindgen(unchecked_param_type = "\"csv\" | \"json\"")] format: JsValue,
        #[wasm_bindgen(unchecked_param_type = "\"add\" | \"replace\"")] mode: JsValue,
    ) -> Result<JsValue, JsValue> {
        let text = args::text(&text, "text", MAX_FILE_BYTES).map_err(to_js)?;
        let format = args::id(&format, "format").map_err(to_js)?;
        let mode = args::id(&mode, "mode").map_err(to_js)?;
        answer(self.inner.load_courses(&text, &format, &mode))
    }

    /// Every course in the catalogue.
    #[wasm_bindgen(unchecked_return_type = "CourseDto[]")]
    pub fn courses(&self) -> Result<JsValue, JsValue> {
        answer(self.inner.courses())
    }

    /// The ids of the courses the person's own list added.
    #[wasm_bindgen(js_name = ownCourses)]
    pub fn own_courses(&self) -> Vec<String> {
        self.inner.own_courses()
    }

    /// The retraining plan from occupation `origin` to occupation `destination`.
    #[wasm_bindgen(unchecked_return_type = "PlanDto")]
    pub fn plan(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] origin: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] destination: JsValue,
        #[wasm_bindgen(unchecked_param_type = "PlanOptionsDto")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let origin = args::id(&origin, "origin").map_err(to_js)?;
        let destination = args::id(&destination, "destination").map_err(to_js)?;
        let options: PlanOptionsDto = args::options(&options, "options").map_err(to_js)?;
        answer(self.inner.plan(&origin, &destination, options))
    }

    /// Pareto-optimal routes of up to three moves from occupation `id` to green jobs.
    #[wasm_bindgen(unchecked_return_type = "PathwayDto[]")]
    pub fn pathways(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "PathwayOptionsDto")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = args::id(&id, "id").map_err(to_js)?;
        let options: PathwayOptionsDto = args::options(&options, "options").map_err(to_js)?;
        answer(self.inner.pathways(&id, options))
    }
}

/// The college and council questions (built with the `area` feature: the college and council
/// pages' module; the worker page's module leaves them out).
#[cfg(feature = "area")]
#[wasm_bindgen]
impl Planner {
    /// A college's or council's own figures (CSV or JSON: a job and a count per row): the rows
    /// that read, and a problem for each that does not (the page matches the jobs to its
    /// tables); an error for a file that cannot be read at all.
    #[wasm_bindgen(js_name = readFigures, unchecked_return_type = "Figures")]
    pub fn read_figures(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<JsValue, JsValue> {
        let text = args::text(&text, "text", MAX_FILE_BYTES).map_err(to_js)?;
        answer(self.inner.read_figures(&text))
    }

    /// Loads the local picture (`data/local.bin`, for the college and council pages) and
    /// returns how many areas it has.
    #[wasm_bindgen(js_name = addLocal)]
    pub fn add_local(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] bytes: JsValue,
    ) -> Result<usize, JsValue> {
        let bytes = args::bytes(&bytes, "bytes").map_err(to_js)?;
        self.inner.add_local(&bytes).map_err(to_js)
    }

    /// Every area of the local picture (throws kind `partMissing`, field `local`, before
    /// `addLocal`).
    #[wasm_bindgen(js_name = localAreas, unchecked_return_type = "LocalAreaDto[]")]
    pub fn local_areas(&self) -> Result<JsValue, JsValue> {
        answer(self.inner.local_areas())
    }

    /// The local picture of the area with NUTS3 code `code`: workers in carbon-intensive jobs
    /// and demand for green jobs, both estimates with their method and sources.
    #[wasm_bindgen(js_name = localPicture, unchecked_return_type = "LocalPictureDto")]
    pub fn local_picture(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue,
    ) -> Result<JsValue, JsValue> {
        let code = args::id(&code, "code").map_err(to_js)?;
        answer(self.inner.local_picture(&code))
    }

    /// Courses a college could run for the destinations (ESCO ids), with suggested running
    /// figures; with an area (NUTS3 code), only courses people there can take.
    #[wasm_bindgen(js_name = collegeCandidates, unchecked_return_type = "CandidateCourseDto[]")]
    pub fn college_candidates(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string[]")] destinations: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | null | undefined")] area: JsValue,
    ) -> Result<JsValue, JsValue> {
        let destinations = args::ids(&destinations, "destinations").map_err(to_js)?;
        let area = args::optional_id(&area, "area").map_err(to_js)?;
        answer(
            self.inner
                .college_candidates(&destinations, area.as_deref()),
        )
    }

    /// Where the gaps are: the skills gaps that matter most and the demand gap.
    #[wasm_bindgen(js_name = collegeGaps, unchecked_return_type = "CollegeGapsDto")]
    pub fn college_gaps(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CollegeInputDto")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        let input: CollegeInputDto = args::options(&input, "input").map_err(to_js)?;
        answer(self.inner.college_gaps(input))
    }

    /// The college's portfolio plan: which courses run, cohorts, and places from each origin
    /// towards each destination, with limits, unmet demand and, when infeasible, what is short.
    #[wasm_bindgen(js_name = planPortfolio, unchecked_return_type = "PortfolioDto")]
    pub fn plan_portfolio(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CollegeInputDto")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        let input: CollegeInputDto = args::options(&input, "input").map_err(to_js)?;
        answer(self.inner.plan_portfolio(input))
    }

    /// The council's picture before a plan: the routes open to each worker group, the workers
    /// who could move into each green job, the courses the routes use and the skills gaps.
    #[wasm_bindgen(js_name = councilPicture, unchecked_return_type = "CouncilPictureDto")]
    pub fn council_picture(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CouncilInputDto")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        let input: CouncilInputDto = args::options(&input, "input").map_err(to_js)?;
        answer(self.inner.council_picture(input))
    }

    /// A council's fair transition plan: people of each worker group on direct, recognised or
    /// course routes into good green jobs, within the budget, course places and demand, with
    /// the fairness floor; or, when the floor cannot be met, the highest floor that can.
    #[wasm_bindgen(js_name = planCouncil, unchecked_return_type = "CouncilPlanDto")]
    pub fn plan_council(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CouncilInputDto")] input: JsValue,
    ) -> Result<JsValue, JsValue> {
        let input: CouncilInputDto = args::options(&input, "input").map_err(to_js)?;
        answer(self.inner.plan_council(input))
    }
}

#[cfg(feature = "area")]
/// Solves a portfolio problem given directly: courses with their running figures, origins,
/// destinations and the viable links between them by index (no dataset needed). Returns
/// cohorts per course and places per link, with how the solve ended.
#[wasm_bindgen(js_name = solvePortfolio, unchecked_return_type = "ProblemSolutionDto")]
pub fn solve_portfolio(
    #[wasm_bindgen(unchecked_param_type = "PortfolioProblemDto")] problem: JsValue,
) -> Result<JsValue, JsValue> {
    let problem: api::PortfolioProblemDto = args::options(&problem, "problem").map_err(to_js)?;
    answer(api::solve_portfolio(problem))
}

#[cfg(feature = "area")]
/// Solves a council plan problem given directly: worker groups, destinations, courses and the
/// routes between them by index (no dataset needed). Returns people per route, with how the
/// solve ended.
#[wasm_bindgen(js_name = solveCouncil, unchecked_return_type = "CouncilSolutionDto")]
pub fn solve_council(
    #[wasm_bindgen(unchecked_param_type = "CouncilProblemDto")] problem: JsValue,
) -> Result<JsValue, JsValue> {
    let problem: api::CouncilProblemDto = args::options(&problem, "problem").map_err(to_js)?;
    answer(api::solve_council(problem))
}

/// The core's answer as a JS value, or its error as a JS error.
fn answer<T: Serialize>(result: Result<T, Error>) -> Result<JsValue, JsValue> {
    result
        .map_err(to_js)?
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(JsValue::from)
}

/// Converts a core error into a JS `Error` whose properties say what went wrong, so callers
/// read fields, never message text: `kind` always; `field` and `value` (as given) when the error
/// is about one option or id; `problems` (one string per problem) for invalid data.
fn to_js(error: Error) -> JsValue {
    let js_error = js_sys::Error::new(&error.to_string());
    // Setting a property on a fresh Error object cannot fail; ignore the Results.
    let _ = js_sys::Reflect::set(&js_error, &"kind".into(), &error.kind().into());
    if let Some(field) = error.field() {
        let _ = js_sys::Reflect::set(&js_error, &"field".into(), &field.into());
    }
    if let Some(value) = error.value() {
        let _ = js_sys::Reflect::set(&js_error, &"value".into(), &value.into());
    }
    let problems = error.problems();
    if !problems.is_empty() {
        let list: js_sys::Array = problems.iter().map(|p| JsValue::from(p.as_str())).collect();
        let _ = js_sys::Reflect::set(&js_error, &"problems".into(), &list);
    }
    if !error.row_problems().is_empty() {
        // [{ row, line, field, message }] for a loaded file: the page names the person's own rows.
        let plain = serde_wasm_bindgen::Serializer::json_compatible();
        if let Ok(rows) = error.row_problems().serialize(&plain) {
            let _ = js_sys::Reflect::set(&js_error, &"rows".into(), &rows);
        }
    }
    js_error.into()
}
