//! The JavaScript binding: a `Planner` class over the core, and nothing else.
//!
//! Inputs and outputs are plain JSON-compatible objects with camelCase fields (serialised with
//! `serde-wasm-bindgen`'s JSON-compatible serializer); TypeScript declarations for every one of
//! them are generated from the types below. Errors are JS `Error`s whose message names the field
//! and value, with a machine-readable `kind` property.

use serde::{Deserialize, Serialize};
use tsify::Tsify;
use wasm_bindgen::prelude::*;

use crate::classification::{GreenBasis, GreenDefinition};
use crate::credit::Closeness;
use crate::model::{GreenEconomyCategory, OccupationId, SkillId, SkillKind};
use crate::transitions::{ScoreParams, Transition, TransitionEngine, TransitionOptions, Viability};
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
    /// Why the occupation counts as carbon-intensive, when it is on the curated list.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub carbon: Option<CarbonDto>,
}

/// Why an occupation counts as carbon-intensive.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CarbonDto {
    /// Kind of carbon-intensive work, e.g. `fossil_extraction`.
    pub category: String,
    /// Only some jobs under this ESCO occupation are carbon-intensive.
    pub borderline: bool,
    /// The evidence, in a sentence.
    pub evidence: String,
    /// Where the evidence comes from (URL).
    pub source: String,
}

/// A definition of "carbon-intensive" or "green" with its provenance.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct ClassificationDto {
    /// Machine name, e.g. `onetGreenEconomy`.
    pub key: String,
    /// Name to show.
    pub name: String,
    /// What it means, in a sentence or two.
    pub description: String,
    /// Where it comes from.
    pub source: String,
    /// Licence of the source.
    pub licence: String,
    /// Whether the values are estimates (joined through an estimated crosswalk).
    pub estimated: bool,
    /// Occupations with a value.
    pub coverage: u32,
}

/// Options of `transitions`; every field may be left out.
#[derive(Deserialize, Tsify, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct TransitionOptionsDto {
    /// ESCO ids of skills the person holds beyond their job.
    pub extra_skills: Vec<String>,
    /// Annual pay (GBP) a desirable move must reach; `null` for none. Default: the 2019 Real
    /// Living Wage for a full-time year (18,185).
    #[tsify(optional, type = "number | null")]
    pub pay_floor: Option<Option<f64>>,
    /// Share of current pay a desirable move must reach (default 0.75).
    #[tsify(optional)]
    pub desirable_pay_ratio: Option<f32>,
    /// Which definition decides "green" (default `consensus`: at least two of the three agree).
    #[tsify(
        optional,
        type = "\"consensus\" | \"any\" | \"escoGreenSkills\" | \"onetGreenEconomy\" | \"onsGreenTasks\""
    )]
    pub green: Option<String>,
    /// Least share of green essential skills under the ESCO definition (default 0.2).
    #[tsify(optional)]
    pub esco_green_min_share: Option<f32>,
    /// Least share of working time on green tasks under the ONS definition (default 0.1).
    #[tsify(optional)]
    pub ons_green_min_share: Option<f32>,
    /// List green destinations only.
    #[tsify(optional)]
    pub only_green: bool,
    /// Least viability to list (default `any`).
    #[tsify(optional, type = "\"any\" | \"viable\" | \"highlyViable\"")]
    pub min_viability: Option<String>,
    /// How many moves to list (default 50).
    #[tsify(optional)]
    pub count: Option<f64>,
}

/// The facets of a move's score.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct FacetsDto {
    /// Skills coverage with partial credit, 0–1.
    pub skills: f32,
    /// 1 − job-zone rise / 4, when both job zones are known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub preparation: Option<f32>,
    /// min(1, destination pay / current pay), when both are known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub pay: Option<f32>,
}

/// Yes/no judgements of a move.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct FlagsDto {
    /// Viable: score at least the calibrated threshold, job-zone rise at most one.
    pub viable: bool,
    /// Highly viable.
    pub highly_viable: bool,
    /// Pay at least the chosen share of current pay and the pay floor.
    pub desirable: bool,
    /// Green under the chosen definition.
    pub green: bool,
}

/// A destination's standing under every green definition.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct GreenDto {
    /// Share of essential skills that are ESCO green skills.
    pub esco_share: f32,
    /// Green under the ESCO definition.
    pub esco: bool,
    /// O*NET green economy category.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(
        optional,
        type = "\"increasedDemand\" | \"enhancedSkills\" | \"newAndEmerging\""
    )]
    pub onet: Option<GreenEconomyCategory>,
    /// Whether the O*NET category was joined through an estimated crosswalk.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub onet_estimated: Option<bool>,
    /// ONS share of working time on green tasks (estimate).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub ons_share: Option<f32>,
    /// Green under the ONS definition.
    pub ons: bool,
    /// Green under the chosen definition.
    pub selected: bool,
}

/// A destination skill credited partly through a held skill.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct PartialDto {
    /// The skill the destination needs.
    pub needed: SkillRef,
    /// The held skill that earns the credit.
    pub held: SkillRef,
    /// How they are close.
    #[tsify(type = "\"related\" | \"broader\" | \"sameGroup\" | \"optionalInOrigin\"")]
    pub relation: &'static str,
    /// Credit earned, 0–1.
    pub credit: f32,
}

/// One ranked move.
#[derive(Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct TransitionDto {
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
    /// Combined score, 0–1.
    pub score: f32,
    /// The facets behind the score.
    pub facets: FacetsDto,
    /// Viable, desirable, green.
    pub flags: FlagsDto,
    /// O*NET job zone, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub job_zone: Option<u8>,
    /// Indicative UK annual pay, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub annual_earnings: Option<u32>,
    /// Pay change against now as a fraction, when both are known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub pay_change: Option<f64>,
    /// Standing under every green definition.
    pub green: GreenDto,
    /// On the carbon-intensive list itself.
    pub carbon_intensive: bool,
    /// Essential skills held.
    pub matched: Vec<SkillRef>,
    /// Essential skills partly credited.
    pub partial: Vec<PartialDto>,
    /// Essential skills to learn, most important first.
    pub missing: Vec<SkillRef>,
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
    skill_index: SearchIndex,
    engine: TransitionEngine,
}

#[wasm_bindgen]
impl Planner {
    /// Loads a dataset from its JSON bytes (the decompressed default dataset or a custom one).
    #[wasm_bindgen(constructor)]
    pub fn new(data: &[u8]) -> Result<Planner, JsValue> {
        let data = Dataset::from_json(data).map_err(to_js)?;
        let index = SearchIndex::new(&data);
        let skill_index = SearchIndex::for_skills(&data);
        let engine = TransitionEngine::new(&data);
        Ok(Planner {
            data,
            index,
            skill_index,
            engine,
        })
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
        let hits = self.index.search(query, limit);
        let matches: Vec<OccupationMatch> = hits
            .iter()
            .map(|hit| {
                let o = self.data.occupation(hit.item);
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
            carbon: o.carbon.as_ref().map(|c| CarbonDto {
                category: c.category.clone(),
                borderline: c.borderline,
                evidence: c.evidence.clone(),
                source: c.source.clone(),
            }),
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

#[wasm_bindgen]
impl Planner {
    /// Skills matching `query` by label, best first (to add skills a person holds).
    #[wasm_bindgen(js_name = searchSkills, unchecked_return_type = "SkillRef[]")]
    pub fn search_skills(&self, query: &str, limit: f64) -> Result<JsValue, JsValue> {
        let limit = whole_number("limit", limit, MAX_SEARCH_LIMIT).map_err(to_js)?;
        let ids: Vec<SkillId> = self
            .skill_index
            .search(query, limit)
            .iter()
            .map(|hit| hit.item)
            .collect();
        to_value(&self.skill_refs(&ids))
    }

    /// The definitions of carbon-intensive and green, with their sources.
    #[wasm_bindgen(unchecked_return_type = "ClassificationDto[]")]
    pub fn classifications(&self) -> Result<JsValue, JsValue> {
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
        to_value(&list)
    }

    /// Ranked moves from occupation `id` to every other, with scores, flags and explanations.
    #[wasm_bindgen(unchecked_return_type = "TransitionDto[]")]
    pub fn transitions(
        &self,
        id: &str,
        #[wasm_bindgen(unchecked_param_type = "TransitionOptionsDto")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let origin = self.lookup("id", id)?;
        let dto = transition_options(&options).map_err(to_js)?;
        let options = self.options_from(dto).map_err(to_js)?;
        let moves = self
            .engine
            .transitions(&self.data, origin, &options)
            .map_err(to_js)?;
        let origin_pay = self.data.occupation(origin).annual_earnings;
        let dtos: Vec<TransitionDto> = moves
            .iter()
            .map(|t| self.transition_dto(t, origin_pay))
            .collect();
        to_value(&dtos)
    }
}

impl Planner {
    fn options_from(&self, dto: TransitionOptionsDto) -> Result<TransitionOptions, Error> {
        let defaults = TransitionOptions::default();
        let mut extra_skills = Vec::with_capacity(dto.extra_skills.len());
        for id in &dto.extra_skills {
            let skill = self
                .data
                .skill_id(id)
                .ok_or_else(|| Error::InvalidArgument {
                    field: "extraSkills",
                    value: format!("{id:?}"),
                    expected: "ESCO skill ids of the dataset",
                })?;
            extra_skills.push(skill);
        }
        let pay_floor = match dto.pay_floor {
            None => defaults.pay_floor,
            Some(None) => None,
            Some(Some(pay)) => Some(whole_number("payFloor", pay, 10_000_000.0)? as u32),
        };
        let basis =
            match dto.green.as_deref() {
                None | Some("consensus") => GreenBasis::Consensus,
                Some("any") => GreenBasis::Any,
                Some("escoGreenSkills") => GreenBasis::EscoGreenSkills,
                Some("onetGreenEconomy") => GreenBasis::OnetGreenEconomy,
                Some("onsGreenTasks") => GreenBasis::OnsGreenTasks,
                Some(other) => return Err(Error::InvalidArgument {
                    field: "green",
                    value: format!("{other:?}"),
                    expected:
                        "one of consensus, any, escoGreenSkills, onetGreenEconomy, onsGreenTasks",
                }),
            };
        let min_viability = match dto.min_viability.as_deref() {
            None | Some("any") => Viability::Any,
            Some("viable") => Viability::Viable,
            Some("highlyViable") => Viability::HighlyViable,
            Some(other) => {
                return Err(Error::InvalidArgument {
                    field: "minViability",
                    value: format!("{other:?}"),
                    expected: "one of any, viable, highlyViable",
                })
            }
        };
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
            count,
            ..defaults
        })
    }

    fn transition_dto(&self, t: &Transition, origin_pay: Option<u32>) -> TransitionDto {
        let o = self.data.occupation(t.occupation);
        let skill = |s: SkillId| self.skill_refs(&[s]).remove(0);
        TransitionDto {
            id: o.id.clone(),
            label: o.label.clone(),
            isco: o.isco.clone(),
            isco_label: self.isco_label(&o.isco),
            description: o.description.clone(),
            score: t.score,
            facets: FacetsDto {
                skills: t.facets.skills,
                preparation: t.facets.preparation,
                pay: t.facets.pay,
            },
            flags: FlagsDto {
                viable: t.flags.viable,
                highly_viable: t.flags.highly_viable,
                desirable: t.flags.desirable,
                green: t.flags.green,
            },
            job_zone: o.job_zone,
            annual_earnings: o.annual_earnings,
            pay_change: pay_change(origin_pay, o.annual_earnings),
            green: GreenDto {
                esco_share: t.green.esco_share,
                esco: t.green.esco,
                onet: t.green.onet,
                onet_estimated: o.green_economy.as_ref().map(|g| g.estimated),
                ons_share: t.green.ons_share,
                ons: t.green.ons,
                selected: t.green.selected,
            },
            carbon_intensive: o.carbon.is_some(),
            matched: self.skill_refs(&t.explanation.matched),
            partial: t
                .explanation
                .partial
                .iter()
                .map(|p| PartialDto {
                    needed: skill(p.needed),
                    held: skill(p.held),
                    relation: match p.closeness {
                        Closeness::Held => "optionalInOrigin",
                        Closeness::Related => "related",
                        Closeness::Broader => "broader",
                        Closeness::SameGroup => "sameGroup",
                    },
                    credit: p.credit,
                })
                .collect(),
            missing: self.skill_refs(&t.explanation.missing),
        }
    }

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

/// Reads `TransitionOptions` through JSON, so that unknown fields are reported by name
/// (serde-wasm-bindgen only looks up the fields it knows).
fn transition_options(options: &JsValue) -> Result<TransitionOptionsDto, Error> {
    if options.is_undefined() || options.is_null() {
        return Ok(TransitionOptionsDto::default());
    }
    let invalid = |value: String| Error::InvalidArgument {
        field: "options",
        value,
        expected: "an object with the fields of TransitionOptionsDto",
    };
    let json: String = js_sys::JSON::stringify(options)
        .map_err(|_| invalid("a value that cannot be written as JSON".into()))?
        .into();
    serde_json::from_str(&json).map_err(|e| invalid(e.to_string()))
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
