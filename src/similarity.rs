//! How far an occupation's skills carry over to another occupation.
//!
//! The first score is skills coverage: the share of the destination's skills that a holder of
//! the origin occupation already has, with the destination's essential skills weighted above its
//! optional ones. Everyone in the origin occupation has its essential skills; its optional skills
//! count for half, since only some holders have them.

// Indexing cannot go out of range in this module. Skill ids come from the validated dataset, and
// the vectors indexed here have one entry per skill.
#![allow(clippy::indexing_slicing)]

use crate::credit::held_by;
use crate::dataset::Dataset;
use crate::error::Error;
use crate::model::{OccupationId, SkillId};

/// Weight of a destination's essential skill relative to an optional one.
pub const ESSENTIAL_WEIGHT: f32 = 2.0;
/// Credit for a skill that is optional in the origin (essential counts 1).
pub const ORIGIN_OPTIONAL_CREDIT: f32 = 0.5;

/// One destination ranked by [`similar_occupations`], with why.
#[derive(Debug, Clone, PartialEq)]
pub struct SimilarOccupation {
    /// The destination occupation.
    pub occupation: OccupationId,
    /// Skills coverage in `[0, 1]`: 1 when the origin's essential skills cover every skill of
    /// the destination.
    pub score: f32,
    /// The destination's essential skills that are essential in the origin too.
    pub shared_essential: Vec<SkillId>,
    /// The destination's essential skills the origin does not require (what to learn).
    pub missing_essential: Vec<SkillId>,
    /// How many of the destination's optional skills are essential in the origin.
    pub shared_optional: usize,
}

/// The `count` occupations whose skills a holder of `origin` covers best, best first.
///
/// Ties are broken by dataset order, so the same inputs always give the same list. The origin
/// itself is never returned.
///
/// # Errors
/// [`Error::UnknownOccupation`] when `origin` is not an index of `data`.
pub fn similar_occupations(
    data: &Dataset,
    origin: OccupationId,
    count: usize,
) -> Result<Vec<SimilarOccupation>, Error> {
    let held = held_skills(data, origin)?;
    let mut scored: Vec<(OccupationId, f32)> = (0..data.occupations().len() as OccupationId)
        .filter(|&o| o != origin)
        .map(|o| (o, coverage(data, &held, o)))
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    scored.truncate(count);
    Ok(scored
        .into_iter()
        .map(|(o, score)| explain(data, &held, o, score))
        .collect())
}

/// Credit per skill for a holder of `origin`: 1 essential, [`ORIGIN_OPTIONAL_CREDIT`] optional.
fn held_skills(data: &Dataset, origin: OccupationId) -> Result<Vec<f32>, Error> {
    let occupation = data.checked_occupation(origin, "origin")?;
    Ok(held_by(data, occupation, ORIGIN_OPTIONAL_CREDIT, []))
}

fn coverage(data: &Dataset, held: &[f32], destination: OccupationId) -> f32 {
    let d = data.occupation(destination);
    let have = |skills: &[SkillId]| skills.iter().map(|&s| held[s as usize]).sum::<f32>();
    let total = ESSENTIAL_WEIGHT * d.essential.len() as f32 + d.optional.len() as f32;
    if total == 0.0 {
        return 0.0;
    }
    (ESSENTIAL_WEIGHT * have(&d.essential) + have(&d.optional)) / total
}

fn explain(data: &Dataset, held: &[f32], o: OccupationId, score: f32) -> SimilarOccupation {
    let d = data.occupation(o);
    let (shared_essential, missing_essential) =
        d.essential.iter().partition(|&&s| held[s as usize] >= 1.0);
    SimilarOccupation {
        occupation: o,
        score,
        shared_essential,
        missing_essential,
        shared_optional: d
            .optional
            .iter()
            .filter(|&&s| held[s as usize] >= 1.0)
            .count(),
    }
}
