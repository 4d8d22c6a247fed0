//! Partial credit for skills a person does not hold exactly but holds something close to.
//!
//! ESCO gives two kinds of closeness this module uses: explicit skill-to-skill relations and
//! the hierarchy (a skill's broader skill, and the skill group it sits in). Someone who can
//! "install heating systems" is part of the way to "install heat pumps": both sit in ESCO's group
//! "installing heating, ventilation and air conditioning equipment".

// Indexing cannot go out of range in this module. Skill ids come from the validated dataset (every
// skill list, relation and broader link is checked against the skill count), and the vectors
// indexed here have one entry per skill.
#![allow(clippy::indexing_slicing)]

use crate::dataset::Dataset;
use crate::model::{Occupation, SkillId, SkillKind};

/// How much of an origin's optional skills a holder is taken to have.
///
/// ESCO lists skills that only some holders of a job have as optional; some occupations list
/// over a hundred. Counting them in full made long lists look like wide experience (a job with
/// many optional skills seemed close to everything); ignoring them undersells real holders.
/// Half credit is the middle ground the recommendations issue asked to try, and the calibration
/// (`docs/calibration.md`) is run with it.
pub const ORIGIN_OPTIONAL_CREDIT: f32 = 0.5;

/// What a person from occupation `from` holds, per skill: 1 for its essential skills and for
/// `extra` skills, `optional_credit` for its optional skills (only some holders have them).
/// Every scorer in the crate starts from this, so they agree on what a job gives.
pub fn held_by(
    data: &Dataset,
    from: &Occupation,
    optional_credit: f32,
    extra: impl IntoIterator<Item = SkillId>,
) -> Vec<f32> {
    let mut held = vec![0.0f32; data.skills().len()];
    for &s in &from.optional {
        held[s as usize] = optional_credit;
    }
    for s in from.essential.iter().copied().chain(extra) {
        held[s as usize] = 1.0;
    }
    held
}

/// How a destination skill is credited from a held skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Closeness {
    /// The skill itself is held.
    Held,
    /// ESCO relates the two skills directly (skill-to-skill relation, either direction).
    Related,
    /// One skill is the broader skill of the other.
    Broader,
    /// The two skills sit in the same ESCO skill group (competences only: knowledge groups are
    /// whole fields of education).
    SameGroup,
}

/// Credit given for each kind of closeness, each in `[0, 1]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CreditWeights {
    /// Credit for a directly related skill.
    pub related: f32,
    /// Credit for a broader or narrower skill.
    pub broader: f32,
    /// Credit for a skill in the same skill group.
    pub same_group: f32,
}

impl Default for CreditWeights {
    fn default() -> Self {
        CreditWeights {
            related: 0.5,
            broader: 0.5,
            same_group: 0.25,
        }
    }
}

/// The neighbours of every skill in ESCO's structure, built once per dataset.
#[derive(Debug, Clone)]
pub struct SkillGraph {
    /// For each skill, its related and broader/narrower skills.
    neighbours: Vec<Vec<(SkillId, Closeness)>>,
    /// For each skill, its group (or `u32::MAX` when it has none).
    group: Vec<u32>,
    groups: usize,
}

const NO_GROUP: u32 = u32::MAX;

impl SkillGraph {
    /// Collects relations and hierarchy links of `data`.
    pub fn new(data: &Dataset) -> Self {
        let n = data.skills().len();
        let mut neighbours: Vec<Vec<(SkillId, Closeness)>> = vec![Vec::new(); n];
        for relation in data.skill_relations() {
            neighbours[relation.0 as usize].push((relation.1, Closeness::Related));
            neighbours[relation.1 as usize].push((relation.0, Closeness::Related));
        }
        for (s, skill) in data.skills().iter().enumerate() {
            // A broader skill in a part not loaded yet only links skills of that part, which
            // nobody can hold or need before it loads.
            if let Some(b) = skill.broader.filter(|&b| (b as usize) < n) {
                neighbours[s].push((b, Closeness::Broader));
                neighbours[b as usize].push((s as SkillId, Closeness::Broader));
            }
        }
        for list in &mut neighbours {
            list.sort_unstable();
            list.dedup_by_key(|(s, _)| *s);
        }
        // Knowledge sits in ESCO's fields of education (ISCED-F), far broader than the skill
        // groups of competences: "fuel gas" and "electricity principles" share one. Knowing
        // one field topic is no head start on another, so knowledge earns no same-group credit.
        let group = data
            .skills()
            .iter()
            .map(|s| match s.kind {
                SkillKind::Skill => s.group.unwrap_or(NO_GROUP),
                SkillKind::Knowledge => NO_GROUP,
            })
            .collect();
        SkillGraph {
            neighbours,
            group,
            groups: data.skill_groups().len(),
        }
    }

    /// Credit for every skill given the credit of the skills held (`held[s]` in `[0, 1]`).
    ///
    /// A skill's credit is the best of: its own held credit; a neighbour's held credit times
    /// the weight of that closeness; the best held credit in its group times
    /// [`CreditWeights::same_group`]. `source` records where each credit came from.
    pub fn spread(&self, held: &[f32], weights: &CreditWeights) -> Credit {
        let n = held.len();
        let mut credit = held.to_vec();
        let mut source: Vec<Option<(SkillId, Closeness)>> = vec![None; n];
        let mut group_best = vec![(0.0f32, 0 as SkillId); self.groups];
        for (h, &have) in held.iter().enumerate() {
            if have <= 0.0 {
                continue;
            }
            source[h] = Some((h as SkillId, Closeness::Held));
            let g = self.group[h];
            if g != NO_GROUP && have > group_best[g as usize].0 {
                group_best[g as usize] = (have, h as SkillId);
            }
        }
        for (h, &have) in held.iter().enumerate() {
            if have <= 0.0 {
                continue;
            }
            for &(s, closeness) in &self.neighbours[h] {
                let weight = match closeness {
                    Closeness::Related => weights.related,
                    _ => weights.broader,
                };
                offer(&mut credit, &mut source, s, have * weight, h, closeness);
            }
        }
        if weights.same_group > 0.0 {
            for s in 0..n {
                let g = self.group[s];
                if g == NO_GROUP {
                    continue;
                }
                let (best, from) = group_best[g as usize];
                offer(
                    &mut credit,
                    &mut source,
                    s as SkillId,
                    best * weights.same_group,
                    from as usize,
                    Closeness::SameGroup,
                );
            }
        }
        Credit { credit, source }
    }
}

fn offer(
    credit: &mut [f32],
    source: &mut [Option<(SkillId, Closeness)>],
    skill: SkillId,
    value: f32,
    from: usize,
    closeness: Closeness,
) {
    let slot = &mut credit[skill as usize];
    if value > *slot {
        *slot = value;
        source[skill as usize] = Some((from as SkillId, closeness));
    }
}

/// The credit of every skill for one person, with where it came from.
#[derive(Debug, Clone)]
pub struct Credit {
    /// Credit per skill in `[0, 1]`.
    pub credit: Vec<f32>,
    /// For credited skills, the held skill the credit came from and how.
    pub source: Vec<Option<(SkillId, Closeness)>>,
}
