//! Occupation search by any name people call a job.
//!
//! Every name of an occupation (ESCO's preferred and alternative labels, and the everyday UK job
//! titles of [`crate::model::Occupation::uk_titles`]) is folded ([`crate::text::fold`]) and split
//! into words. A query word matches a name's word exactly, as a prefix (people type the start of
//! a word), or within a small edit distance (typos: "weldr" finds "welder").
//!
//! Not every query word has to match: "offshore roustabout" still finds "roustabout". A name's
//! score is the quality of its query-word matches weighted by how rare each query word is (an
//! inverse document frequency: "roustabout" tells more than "offshore" or "operator"), nudged
//! towards names the query covers completely and towards a name equal to the whole query. An
//! occupation's score is that of its best name, which is reported as the matched name.

use std::collections::HashMap;

use crate::dataset::Dataset;
use crate::model::NameKind;

use crate::text::{fold, without_brackets, words};

/// Query words beyond this many are ignored (labels are short; this bounds the work).
const MAX_QUERY_WORDS: usize = 8;
/// Characters of a query beyond this many are ignored, so a pasted document cannot stall search.
const MAX_QUERY_CHARS: usize = 200;
/// Match quality of a word equal to the query word.
const EXACT: f32 = 1.0;
/// Match quality of a word the query word begins (before the length adjustment).
const PREFIX: f32 = 0.8;
/// Match quality of a word one edit away; each further edit costs [`PER_EDIT`].
const ONE_EDIT: f32 = 0.7;
/// Quality lost per edit beyond the first.
const PER_EDIT: f32 = 0.15;
/// Share of the score given for covering all of a label's words.
const COVERAGE_WEIGHT: f32 = 0.25;
/// Match quality of two query words written as one word in a name ("steel worker" for
/// "steelworker").
const COMPOUND: f32 = 0.95;
/// Bonus when the whole query equals the whole label.
const WHOLE_LABEL_BONUS: f32 = 0.1;
/// Extra bonus when the whole query equals a curated UK job title: the UK meaning of a title
/// ("gas engineer": a gas service technician) outranks an ESCO label that reads the same.
const UK_TITLE_BONUS: f32 = 0.05;
/// Least share of the query's weight a name must match to be listed, so that a long query is
/// not answered with names matching one common word.
const MIN_MATCHED_WEIGHT: f32 = 0.3;

/// One item (an occupation, or a skill for [`SearchIndex::for_skills`]) found by
/// [`SearchIndex::search`].
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// The item found: an [`crate::model::OccupationId`] in an occupations index, a [`crate::model::SkillId`]
    /// in a skills index.
    pub item: u32,
    /// Which name matched best, numbered as [`crate::model::Occupation::name`] does: 0 is the
    /// preferred label, then the alternative labels, then the UK job titles.
    pub label: usize,
    /// Match quality, higher is better (about 0 to 1.1).
    pub score: f32,
}

struct Label {
    /// The item (occupation or skill) this label names.
    item: u32,
    label: usize,
    folded: String,
    words: Vec<u32>,
    /// Words outside brackets: "Mechanic (garage)" is a whole match for "mechanic".
    core_words: usize,
    /// Added to the whole-label bonus (curated UK titles).
    bonus: f32,
}

/// A word index over labels (of occupations, or of skills), built once per dataset.
pub struct SearchIndex {
    /// Distinct folded words of all labels.
    vocabulary: Vec<String>,
    labels: Vec<Label>,
    /// For each vocabulary word, the labels containing it.
    postings: Vec<Vec<u32>>,
    /// Each item's folded preferred label, for tie-breaking.
    preferred: Vec<String>,
}

impl SearchIndex {
    /// Indexes every name of the occupations of `data`: preferred and alternative labels and
    /// UK job titles.
    pub fn new(data: &Dataset) -> Self {
        Self::over_labels(data.occupations().iter().map(|o| {
            (0..o.names().count()).filter_map(move |k| {
                o.name(k).map(|(text, kind)| {
                    let bonus = if kind == NameKind::UkTitle {
                        UK_TITLE_BONUS
                    } else {
                        0.0
                    };
                    (text, bonus)
                })
            })
        }))
    }

    /// Indexes the skill labels of `data` (to let a person add skills they hold).
    pub fn for_skills(data: &Dataset) -> Self {
        Self::over_labels(
            data.skills()
                .iter()
                .map(|s| std::iter::once((s.label.as_str(), 0.0))),
        )
    }

    /// Indexes items given as lists of labels with their whole-query bonus, the first being
    /// the preferred one; the item's position is its id in the hits.
    fn over_labels<'a, I, L>(items: I) -> Self
    where
        I: Iterator<Item = L>,
        L: Iterator<Item = (&'a str, f32)>,
    {
        let mut word_ids: HashMap<String, u32> = HashMap::new();
        let mut vocabulary = Vec::new();
        let mut labels = Vec::new();
        let mut preferred = Vec::new();
        for (item, item_labels) in items.enumerate() {
            for (k, (text, bonus)) in item_labels.enumerate() {
                let folded = fold(text);
                if k == 0 {
                    preferred.push(folded.clone());
                }
                // Words are looked up borrowed; only a word not seen before is copied.
                let ids: Vec<u32> = folded
                    .split(' ')
                    .filter(|w| !w.is_empty())
                    .map(|w| match word_ids.get(w) {
                        Some(&id) => id,
                        None => {
                            let id = vocabulary.len() as u32;
                            word_ids.insert(w.to_owned(), id);
                            vocabulary.push(w.to_owned());
                            id
                        }
                    })
                    .collect();
                let core_words = if text.contains('(') {
                    words(&without_brackets(text)).len()
                } else {
                    ids.len()
                };
                labels.push(Label {
                    item: item as u32,
                    label: k,
                    folded,
                    words: ids,
                    core_words,
                    bonus,
                });
            }
        }
        let mut postings = vec![Vec::new(); vocabulary.len()];
        for (l, label) in labels.iter().enumerate() {
            for &w in &label.words {
                let Some(list) = postings.get_mut(w as usize) else {
                    continue; // every word id came from the vocabulary above
                };
                if list.last() != Some(&(l as u32)) {
                    list.push(l as u32);
                }
            }
        }
        SearchIndex {
            vocabulary,
            labels,
            postings,
            preferred,
        }
    }

    /// The `limit` best items for `query`, best first; empty for a blank query.
    ///
    /// Ties are broken by preferred label, then by dataset order, so results are deterministic.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        let query: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let mut query_words = words(&query);
        query_words.truncate(MAX_QUERY_WORDS);
        if query_words.is_empty() || limit == 0 {
            return Vec::new();
        }
        let n = query_words.len();
        // best[label][k]: quality of the best match of query word k in that label; items[k]:
        // the items with a name matching query word k, for its weight.
        let mut best: HashMap<u32, Vec<f32>> = HashMap::new();
        let mut items: Vec<Vec<u32>> = vec![Vec::new(); n];
        for ((k, query_word), found) in query_words.iter().enumerate().zip(items.iter_mut()) {
            let is_last = k + 1 == n;
            for (word, postings) in self.vocabulary.iter().zip(&self.postings) {
                let quality = word_match(query_word, word, is_last);
                if quality <= 0.0 {
                    continue;
                }
                for &l in postings {
                    let Some(label) = self.labels.get(l as usize) else {
                        continue;
                    };
                    found.push(label.item);
                    let qualities = best.entry(l).or_insert_with(|| vec![0.0; n]);
                    if let Some(slot) = qualities.get_mut(k).filter(|slot| quality > **slot) {
                        *slot = quality;
                    }
                }
            }
        }
        // Two query words written as one in a name ("steel worker", "steelworker") match it.
        for (first, pair) in query_words.windows(2).enumerate() {
            let joined = pair.concat();
            let Some(w) = self.vocabulary.iter().position(|v| *v == joined) else {
                continue;
            };
            for &l in self.postings.get(w).map_or(&[][..], Vec::as_slice) {
                let Some(label) = self.labels.get(l as usize) else {
                    continue;
                };
                let qualities = best.entry(l).or_insert_with(|| vec![0.0; n]);
                for j in [first, first + 1] {
                    if let Some(slot) = qualities.get_mut(j) {
                        *slot = slot.max(COMPOUND);
                    }
                    if let Some(found) = items.get_mut(j) {
                        found.push(label.item);
                    }
                }
            }
        }
        let weights: Vec<f32> = items
            .iter_mut()
            .map(|found| {
                found.sort_unstable();
                found.dedup();
                self.word_weight(found.len())
            })
            .collect();
        let total_weight: f32 = weights.iter().sum();
        let folded_query = query_words.join(" ");
        let mut per_item: HashMap<u32, SearchHit> = HashMap::new();
        for (l, qualities) in best {
            let Some(label) = self.labels.get(l as usize) else {
                continue;
            };
            let matched_weight: f32 = weights
                .iter()
                .zip(&qualities)
                .filter(|(_, &q)| q > 0.0)
                .map(|(w, _)| w)
                .sum();
            if matched_weight < MIN_MATCHED_WEIGHT * total_weight {
                continue;
            }
            let matched_words = qualities.iter().filter(|&&q| q > 0.0).count();
            let quality = weights
                .iter()
                .zip(&qualities)
                .map(|(w, q)| w * q)
                .sum::<f32>()
                / total_weight;
            let coverage = (matched_words as f32 / label.core_words.max(1) as f32).min(1.0);
            let mut score = quality * (1.0 - COVERAGE_WEIGHT + COVERAGE_WEIGHT * coverage);
            if label.folded == folded_query {
                score += WHOLE_LABEL_BONUS + label.bonus;
            }
            let hit = SearchHit {
                item: label.item,
                label: label.label,
                score,
            };
            per_item
                .entry(label.item)
                .and_modify(|current| {
                    if better(&hit, current) {
                        *current = hit.clone();
                    }
                })
                .or_insert(hit);
        }
        let mut hits: Vec<SearchHit> = per_item.into_values().collect();
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.label.min(1).cmp(&b.label.min(1)))
                .then_with(|| {
                    let preferred = |item: u32| self.preferred.get(item as usize);
                    preferred(a.item).cmp(&preferred(b.item))
                })
                .then_with(|| a.item.cmp(&b.item))
        });
        hits.truncate(limit);
        hits
    }

    /// The weight of a query word that `found` items have a name for: rare words weigh more
    /// (an inverse document frequency); a word no name has weighs as much as the rarest.
    fn word_weight(&self, found: usize) -> f32 {
        let items = self.preferred.len() as f32;
        (1.0 + items / (1.0 + found as f32)).ln()
    }
}

/// Whether `a` should replace `b` as an occupation's best label.
fn better(a: &SearchHit, b: &SearchHit) -> bool {
    a.score > b.score || (a.score == b.score && a.label < b.label)
}

/// How well `query` matches the label word `word`: 0 for no match, up to [`EXACT`].
///
/// The last query word may be unfinished, so it also matches words it begins, with or without a
/// typo; earlier words need a whole-word match (allowing typos).
fn word_match(query: &str, word: &str, is_last: bool) -> f32 {
    if query == word {
        return EXACT;
    }
    let query_len = query.chars().count();
    let word_len = word.chars().count();
    let allowed = allowed_edits(query_len);
    if word.starts_with(query) && (is_last || query_len >= 4) {
        return PREFIX + (EXACT - PREFIX) * 0.5 * query_len as f32 / word_len as f32;
    }
    if allowed == 0 {
        return 0.0;
    }
    if query_len.abs_diff(word_len) <= allowed {
        let edits = strsim::osa_distance(query, word);
        if edits <= allowed {
            return ONE_EDIT - PER_EDIT * (edits - 1) as f32;
        }
    }
    if is_last && word_len > query_len {
        let start: String = word.chars().take(query_len).collect();
        let edits = strsim::osa_distance(query, &start);
        if edits <= allowed {
            return ONE_EDIT - PER_EDIT * edits as f32;
        }
    }
    0.0
}

/// Typos tolerated in a query word of `len` characters: none in very short words.
fn allowed_edits(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_beats_prefix_beats_typo() {
        let exact = word_match("welder", "welder", true);
        let prefix = word_match("weld", "welder", true);
        let typo = word_match("weldr", "welder", true);
        assert!(
            exact > prefix && prefix > typo && typo > 0.0,
            "{exact} {prefix} {typo}"
        );
    }

    #[test]
    fn short_words_need_exact_or_prefix() {
        assert_eq!(word_match("gaz", "gas", true), 0.0);
        assert!(word_match("ga", "gas", true) > 0.0);
        assert_eq!(word_match("ga", "gas", false), 0.0);
    }

    #[test]
    fn bracketed_qualifiers_are_not_words_to_cover() {
        assert_eq!(words(&without_brackets("Mechanic (garage)")), ["mechanic"]);
        assert_eq!(
            words(&without_brackets("Furnaceman (metal trades)")),
            ["furnaceman"]
        );
    }

    #[test]
    fn transposition_is_one_edit() {
        assert!(word_match("wleder", "welder", false) > 0.0);
    }
}
