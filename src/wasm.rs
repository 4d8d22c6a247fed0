//! The JavaScript binding: a `Planner` class over the core, and nothing else.
//!
//! Inputs and outputs are plain JSON-compatible objects with camelCase fields (serialised with
//! `serde-wasm-bindgen`'s JSON-compatible serializer); TypeScript declarations for every one of
//! them are generated from the types below. Errors are JS `Error`s whose message names the field
//! and value, with a machine-readable `kind` property.

use serde::Serialize;
use tsify::Tsify;
use wasm_bindgen::prelude::*;

use crate::model::{OccupationId, SkillId, SkillKind};
use crate::{similar_occupations, Dataset, Error, SearchIndex};

/// Most search results one call returns.
const MAX_SEARCH_LIMIT: f64 = 100.0;

/// Facts about the loaded dataset, for the page's status line and footer.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct DatasetInfo {
    /// ESCO release.
    pub esco_version: String,
    /// Attribution text to show with any use of the data.
    pub attribution: String,
    /// Number of occupations.
    pub occupations: usize,
    /// Number of skills.
    pub skills: usize,
    /// Number of occupation–skill relations.
    pub relations: usize,
    /// Relations dropped when building (pointing at unknown occupations or skills).
    pub dropped_relations: u32,
    /// Occupations with an indicative UK pay figure.
    pub occupations_with_earnings: usize,
}

/// One search result.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct OccupationMatch {
    /// ESCO occupation id.
    pub id: String,
    /// Preferred label.
    pub label: String,
    /// The label that matched the query (preferred or alternative).
    pub matched_label: String,
    /// Whether the matched label is the preferred one.
    pub matched_preferred: bool,
    /// ISCO-08 unit group.
    pub isco: String,
    /// Match quality, higher is better.
    pub score: f32,
}

/// A skill as shown to people.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct SkillRef {
    /// ESCO skill id.
    pub id: String,
    /// Preferred label.
    pub label: String,
    /// Skill or knowledge.
    #[tsify(type = "\"skill\" | \"knowledge\"")]
    pub kind: &'static str,
    /// In ESCO's green skills collection.
    pub green: bool,
}

/// An occupation with its skills.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct OccupationDetail {
    /// ESCO occupation id.
    pub id: String,
    /// Preferred label.
    pub label: String,
    /// Alternative labels.
    pub alt_labels: Vec<String>,
    /// ISCO-08 unit group code.
    pub isco: String,
    /// ISCO-08 unit group title.
    pub isco_label: String,
    /// A sentence or two from ESCO.
    pub description: String,
    /// O*NET job zone 1–5, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub job_zone: Option<u8>,
    /// Indicative UK annual pay in GBP (2019, by ISCO group), where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub annual_earnings: Option<u32>,
    /// Essential skills.
    pub essential_skills: Vec<SkillRef>,
    /// Optional skills.
    pub optional_skills: Vec<SkillRef>,
}

/// A destination ranked by similarity, with why.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct SimilarOccupationDto {
    /// ESCO occupation id.
    pub id: String,
    /// Preferred label.
    pub label: String,
    /// ISCO-08 unit group code.
    pub isco: String,
    /// ISCO-08 unit group title.
    pub isco_label: String,
    /// A sentence or two from ESCO.
    pub description: String,
    /// Skills coverage in [0, 1].
    pub score: f32,
    /// O*NET job zone 1–5, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub job_zone: Option<u8>,
    /// Indicative UK annual pay in GBP, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub annual_earnings: Option<u32>,
    /// Pay change against the origin as a fraction (0.12 is 12% more), when both are known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub pay_change: Option<f64>,
    /// Essential skills of the destination the origin has too.
    pub shared_essential: Vec<SkillRef>,
    /// Essential skills of the destination to learn.
    pub missing_essential: Vec<SkillRef>,
    /// Optional skills of the destination the origin has.
    pub shared_optional_count: usize,
}

/// The planner: a loaded dataset and its search index.
#[wasm_bindgen]
pub struct Planner {
    data: Dataset,
    index: SearchIndex,
}

#[wasm_bindgen]
impl Planner {
    /// Loads a dataset from its JSON bytes (the decompressed default dataset or a custom one).
    #[wasm_bindgen(constructor)]
    pub fn new(data: &[u8]) -> Result<Planner, JsValue> {
        let data = Dataset::from_json(data).map_err(to_js)?;
        let index = SearchIndex::new(&data);
        Ok(Planner { data, index })
    }

    /// Facts about the loaded dataset.
    #[wasm_bindgen(js_name = datasetInfo, unchecked_return_type = "DatasetInfo")]
    pub fn dataset_info(&self) -> Result<JsValue, JsValue> {
        let meta = self.data.meta();
        to_value(&DatasetInfo {
            esco_version: meta.esco_version.clone(),
            attribution: meta.attribution.clone(),
            occupations: self.data.occupations().len(),
            skills: self.data.skills().len(),
            relations: self.data.relation_count(),
            dropped_relations: meta.dropped_relations,
            occupations_with_earnings: self
                .data
                .occupations()
                .iter()
                .filter(|o| o.annual_earnings.is_some())
                .count(),
        })
    }

    /// Occupations matching `query` by any of their names, best first (empty for a blank query).
    #[wasm_bindgen(js_name = searchOccupations, unchecked_return_type = "OccupationMatch[]")]
    pub fn search_occupations(&self, query: &str, limit: f64) -> Result<JsValue, JsValue> {
        let limit = whole_number("limit", limit, MAX_SEARCH_LIMIT).map_err(to_js)?;
        let hits = self.index.search(&self.data, query, limit);
        let matches: Vec<OccupationMatch> = hits
            .iter()
            .map(|hit| {
                let o = self.data.occupation(hit.occupation);
                let matched = match hit.label {
                    0 => &o.label,
                    k => &o.alt_labels[k - 1],
                };
                OccupationMatch {
                    id: o.id.clone(),
                    label: o.label.clone(),
                    matched_label: matched.clone(),
                    matched_preferred: hit.label == 0,
                    isco: o.isco.clone(),
                    score: hit.score,
                }
            })
            .collect();
        to_value(&matches)
    }

    /// One occupation with its skills.
    #[wasm_bindgen(unchecked_return_type = "OccupationDetail")]
    pub fn occupation(&self, id: &str) -> Result<JsValue, JsValue> {
        let o = self.data.occupation(self.lookup("id", id)?);
        to_value(&OccupationDetail {
            id: o.id.clone(),
            label: o.label.clone(),
            alt_labels: o.alt_labels.clone(),
            isco: o.isco.clone(),
            isco_label: self.isco_label(&o.isco),
            description: o.description.clone(),
            job_zone: o.job_zone,
            annual_earnings: o.annual_earnings,
            essential_skills: self.skill_refs(&o.essential),
            optional_skills: self.skill_refs(&o.optional),
        })
    }

    /// The `count` occupations most similar to occupation `id`, with explanations.
    #[wasm_bindgen(js_name = similarOccupations, unchecked_return_type = "SimilarOccupationDto[]")]
    pub fn similar_occupations(&self, id: &str, count: f64) -> Result<JsValue, JsValue> {
        let origin = self.lookup("id", id)?;
        let max = self.data.occupations().len() as f64;
        let count = whole_number("count", count, max).map_err(to_js)?;
        let origin_pay = self.data.occupation(origin).annual_earnings;
        let results = similar_occupations(&self.data, origin, count).map_err(to_js)?;
        let dtos: Vec<SimilarOccupationDto> = results
            .into_iter()
            .map(|r| {
                let o = self.data.occupation(r.occupation);
                SimilarOccupationDto {
                    id: o.id.clone(),
                    label: o.label.clone(),
                    isco: o.isco.clone(),
                    isco_label: self.isco_label(&o.isco),
                    description: o.description.clone(),
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
        to_value(&dtos)
    }
}

impl Planner {
    fn lookup(&self, field: &'static str, id: &str) -> Result<OccupationId, JsValue> {
        self.data.occupation_id(id).ok_or_else(|| {
            to_js(Error::UnknownOccupation {
                field,
                id: id.to_owned(),
            })
        })
    }

    fn isco_label(&self, code: &str) -> String {
        self.data.isco_label(code).unwrap_or_default().to_owned()
    }

    fn skill_refs(&self, skills: &[SkillId]) -> Vec<SkillRef> {
        skills
            .iter()
            .map(|&s| {
                let skill = self.data.skill(s);
                SkillRef {
                    id: skill.id.clone(),
                    label: skill.label.clone(),
                    kind: match skill.kind {
                        SkillKind::Skill => "skill",
                        SkillKind::Knowledge => "knowledge",
                    },
                    green: skill.green,
                }
            })
            .collect()
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
            expected: "a whole number from 0 up to the allowed maximum",
        })
    }
}

fn to_value<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(JsValue::from)
}

/// Converts a core error into a JS `Error` with a `kind` property.
fn to_js(error: Error) -> JsValue {
    let js_error = js_sys::Error::new(&error.to_string());
    // Setting a property on a fresh Error object cannot fail; ignore the Result.
    let _ = js_sys::Reflect::set(&js_error, &"kind".into(), &error.kind().into());
    js_error.into()
}
