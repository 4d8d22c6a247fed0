//! Linking apprenticeship standards to ESCO occupations by name.
//!
//! A standard names its job in its title, and often in its typical job titles, job roles and
//! keywords; an ESCO occupation has a preferred label and alternative labels. Everything is
//! folded with [`greenpath::text::fold`] (case, accents and punctuation do not matter), plural
//! words are made singular ([`key`]), and the results compared:
//!
//! | evidence | confidence |
//! |---|---|
//! | the title is an occupation's preferred label | 1.0 |
//! | the title, less a modifier such as "senior" or "general", is a preferred label | 0.9 |
//! | the title is an occupation's alternative label | 0.9 (0.8 less a modifier) |
//! | … but that alternative label is weak (see below) | 0.5 |
//! | a job title or role is a label | 0.8 when corroborated, else 0.4 |
//! | a keyword is a label | 0.7 when corroborated, else 0.35 |
//! | word overlap of the title with a label | ≤ 0.6 (idf-weighted Jaccard × 0.6) |
//! | word overlap of a job title with a label | ≤ 0.5 when corroborated, else ≤ 0.3 |
//!
//! Alternative labels are weaker evidence than preferred ones. An alternative-label match of
//! the title is **weak** when the same words are some occupation's preferred label (that
//! occupation is the likelier meaning: "Marketing assistant" is not a leaflet distributor) or
//! when none of its words is distinctive ("engineering technician" is an alternative label of
//! a leather goods engineer). A job title or keyword matching an alternative label counts two
//! thirds when the words are another occupation's preferred label, and word overlap with an
//! alternative label counts 0.8 (at most 0.48, below a weak exact match).
//!
//! A job title or keyword is **corroborated** when one of its distinctive words (a word whose
//! 5-letter stem occurs in the labels of fewer than [`DISTINCTIVE_BELOW`] occupations, so not
//! "technician", "engineer" or "operative") shares its stem with a word of the title:
//! "plumber" corroborates "Plumbing and domestic heating technician", "supervisor" does not
//! corroborate "Retail team leader". A single word matching an alternative label is never
//! corroborated: it repeats the title's head noun ("fitter", "surveyor") and such one-word
//! alternative labels are shared by unrelated occupations. Typical job titles often list the
//! jobs a standard leads to later, or generic words, which is why uncorroborated ones count
//! half.
//!
//! Each occupation keeps its best evidence; confidences are rounded to 2 decimals; a standard
//! keeps its 3 best links with confidence at least [`MIN_CONFIDENCE`] and at least half its
//! best link's (so a weak overlap never rides along with an exact match).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use greenpath::model::{CourseLink, Occupation, OccupationId};
use greenpath::text::fold;

/// Links weaker than this are dropped.
pub const MIN_CONFIDENCE: f64 = 0.3;
/// At most this many links per standard.
pub const MAX_LINKS: usize = 3;
/// A word is distinctive when its 5-letter stem occurs in the labels of fewer occupations.
pub const DISTINCTIVE_BELOW: usize = 50;

/// Words that say nothing about the job.
const STOP_WORDS: [&str; 20] = [
    "a",
    "an",
    "and",
    "apprentice",
    "apprenticeship",
    "at",
    "by",
    "degree",
    "for",
    "formerly",
    "in",
    "integrated",
    "level",
    "of",
    "on",
    "or",
    "previously",
    "standard",
    "the",
    "to",
];

/// Trailing words removed from a title before exact matching ("Digital marketer integrated
/// degree" → "digital marketer").
const TRAILING: [&str; 5] = [
    "level",
    "apprenticeship",
    "degree",
    "integrated",
    "standard",
];

/// Leading words that grade a job without changing it ("Senior metrology technician").
const MODIFIERS: [&str; 6] = ["advanced", "general", "junior", "lead", "senior", "trainee"];

/// How a link was found: the evidence behind its confidence.
#[derive(Debug, Clone, PartialEq)]
pub enum Evidence {
    /// The title is the occupation's preferred label.
    TitlePreferred,
    /// The title is one of the occupation's alternative labels.
    TitleAlternative,
    /// The title less a grading word ("senior", "general" …) is the preferred label.
    CoreTitlePreferred,
    /// The title less a grading word is an alternative label.
    CoreTitleAlternative,
    /// The title (or its core) is an alternative label that is weak: another occupation's
    /// preferred label, or without a distinctive word.
    WeakAlternative,
    /// A job title or role is a label of the occupation (the job title, and whether it shares
    /// a distinctive word with the standard's title).
    JobTitle(String, bool),
    /// A keyword is a label of the occupation (the keyword, corroborated or not).
    Keyword(String, bool),
    /// Word overlap: (the standard's text, the occupation's label).
    Overlap(String, String),
}

impl Evidence {
    /// A short description for the build summary and the README.
    pub fn describe(&self) -> String {
        match self {
            Evidence::TitlePreferred => "title = preferred label".to_owned(),
            Evidence::TitleAlternative => "title = alternative label".to_owned(),
            Evidence::CoreTitlePreferred => "title less grade = preferred label".to_owned(),
            Evidence::CoreTitleAlternative => "title less grade = alternative label".to_owned(),
            Evidence::WeakAlternative => "title = weak alternative label".to_owned(),
            Evidence::JobTitle(job, true) => format!("job title \"{job}\" = label"),
            Evidence::JobTitle(job, false) => {
                format!("job title \"{job}\" = label (uncorroborated)")
            }
            Evidence::Keyword(word, true) => format!("keyword \"{word}\" = label"),
            Evidence::Keyword(word, false) => {
                format!("keyword \"{word}\" = label (uncorroborated)")
            }
            Evidence::Overlap(text, label) => format!("overlap \"{text}\" ~ \"{label}\""),
        }
    }

    /// The kind of evidence, for counting.
    pub fn kind(&self) -> &'static str {
        match self {
            Evidence::TitlePreferred => "title = preferred label",
            Evidence::TitleAlternative => "title = alternative label",
            Evidence::CoreTitlePreferred => "title less grade = preferred label",
            Evidence::CoreTitleAlternative => "title less grade = alternative label",
            Evidence::WeakAlternative => "title = weak alternative label",
            Evidence::JobTitle(_, true) => "job title = label",
            Evidence::JobTitle(_, false) => "job title = label, uncorroborated",
            Evidence::Keyword(_, true) => "keyword = label",
            Evidence::Keyword(_, false) => "keyword = label, uncorroborated",
            Evidence::Overlap(..) => "word overlap",
        }
    }
}

/// A link with the evidence behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The link (occupation, confidence rounded to 2 decimals).
    pub link: CourseLink,
    /// Why.
    pub evidence: Evidence,
}

/// The names a standard goes by.
pub struct Names<'a> {
    /// The standard's title.
    pub title: &'a str,
    /// Typical job titles, then job roles.
    pub jobs: Vec<&'a str>,
    /// Keywords.
    pub keywords: &'a [String],
}

/// One occupation label, for word overlap.
struct Label {
    occupation: OccupationId,
    preferred: bool,
    text: String,
    /// Content words, sorted and unique.
    words: Vec<String>,
}

/// ESCO labels indexed for matching.
pub struct Linker {
    /// Folded label → (occupation, is it the preferred label?), occupations ascending.
    exact: HashMap<String, Vec<(OccupationId, bool)>>,
    labels: Vec<Label>,
    /// Content word → indices in `labels`, ascending.
    by_word: HashMap<String, Vec<usize>>,
    /// Word → number of occupations with the word in a label.
    word_df: HashMap<String, usize>,
    /// 5-letter stem → number of occupations with a word of that stem in a label.
    stem_df: HashMap<String, usize>,
    occupations: usize,
}

fn is_stop(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// Text folded for matching: [`fold`]ed, each word singular ([`singular`]).
pub fn key(text: &str) -> String {
    fold(text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(singular)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A crude singular: a final `s` is dropped from words of 4 letters or more that do not end in
/// `ss`, `us` or `is` ("drivers" → "driver", "glass", "bus" and "analysis" stay). Both sides of
/// every comparison go through it, so an odd result ("physics" → "physic") still matches.
fn singular(word: &str) -> &str {
    let plural = word.chars().count() >= 4
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is");
    if plural {
        &word[..word.len() - 1]
    } else {
        word
    }
}

/// The sorted, unique content words of folded text.
fn content_words(folded: &str) -> Vec<String> {
    let set: BTreeSet<&str> = folded
        .split(' ')
        .filter(|w| !w.is_empty() && !is_stop(w))
        .collect();
    set.into_iter().map(str::to_owned).collect()
}

/// The first 5 characters of a word.
fn stem(word: &str) -> String {
    word.chars().take(5).collect()
}

/// Same word, or the same 5-letter stem when both have at least 5 letters.
fn same_stem(a: &str, b: &str) -> bool {
    a == b || (a.chars().count() >= 5 && b.chars().count() >= 5 && stem(a) == stem(b))
}

/// The title and its variants, folded: without bracketed parts, split at `/` when every part
/// has at least two words, and without trailing words such as "degree" or a level number.
pub fn title_variants(title: &str) -> Vec<String> {
    let mut raw = vec![title.to_owned()];
    let unbracketed = strip_brackets(title);
    if unbracketed != title {
        raw.push(unbracketed);
    }
    for text in raw.clone() {
        let parts: Vec<&str> = text.split('/').collect();
        if parts.len() > 1 && parts.iter().all(|p| fold(p).split(' ').count() >= 2) {
            raw.extend(parts.iter().map(|p| (*p).to_owned()));
        }
    }
    let mut out: Vec<String> = Vec::new();
    for text in raw {
        let folded = key(&text);
        let mut words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        while words
            .last()
            .is_some_and(|w| TRAILING.contains(w) || w.bytes().all(|b| b.is_ascii_digit()))
        {
            words.pop();
        }
        let variant = words.join(" ");
        if !variant.is_empty() && !out.contains(&variant) {
            out.push(variant);
        }
    }
    out
}

/// The title variants that start with a grading word, without it ("senior metrology
/// technician" → "metrology technician").
pub fn core_variants(variants: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for variant in variants {
        if let Some((first, rest)) = variant.split_once(' ') {
            if MODIFIERS.contains(&first) && !out.iter().any(|o| o == rest) {
                out.push(rest.to_owned());
            }
        }
    }
    out
}

/// `text` without `(…)` and `[…]` parts.
fn strip_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

impl Linker {
    /// Indexes the preferred and alternative labels of `occupations` (ids are their indices).
    pub fn new(occupations: &[Occupation]) -> Self {
        let mut exact: HashMap<String, Vec<(OccupationId, bool)>> = HashMap::new();
        let mut labels = Vec::new();
        let mut word_df: HashMap<String, usize> = HashMap::new();
        let mut stem_df: HashMap<String, usize> = HashMap::new();
        for (index, occupation) in occupations.iter().enumerate() {
            let id = OccupationId::try_from(index).unwrap_or(OccupationId::MAX);
            let mut texts: Vec<(String, bool)> = vec![(key(&occupation.label), true)];
            for alt in &occupation.alt_labels {
                let folded = key(alt);
                if !texts.iter().any(|(t, _)| *t == folded) {
                    texts.push((folded, false));
                }
            }
            let mut words = BTreeSet::new();
            for (text, preferred) in texts {
                if text.is_empty() {
                    continue;
                }
                words.extend(text.split(' ').map(str::to_owned));
                exact.entry(text.clone()).or_default().push((id, preferred));
                labels.push(Label {
                    occupation: id,
                    preferred,
                    words: content_words(&text),
                    text,
                });
            }
            let stems: BTreeSet<String> = words.iter().map(|w| stem(w)).collect();
            for word in words {
                *word_df.entry(word).or_default() += 1;
            }
            for s in stems {
                *stem_df.entry(s).or_default() += 1;
            }
        }
        let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, label) in labels.iter().enumerate() {
            for word in &label.words {
                by_word.entry(word.clone()).or_default().push(i);
            }
        }
        Self {
            exact,
            labels,
            by_word,
            word_df,
            stem_df,
            occupations: occupations.len(),
        }
    }

    /// Inverse document frequency of a word over the occupations' labels.
    fn idf(&self, word: &str) -> f64 {
        let df = self.word_df.get(word).copied().unwrap_or(0);
        ((self.occupations as f64 + 1.0) / (df as f64 + 1.0)).ln()
    }

    /// Idf-weighted Jaccard similarity of two sorted word lists.
    fn similarity(&self, a: &[String], b: &[String]) -> f64 {
        let (mut shared, mut all) = (0.0, 0.0);
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            let order = match (a.get(i), b.get(j)) {
                (Some(x), Some(y)) => x.cmp(y),
                (Some(_), None) => std::cmp::Ordering::Less,
                _ => std::cmp::Ordering::Greater,
            };
            match order {
                std::cmp::Ordering::Equal => {
                    let w = self.idf(&a[i]);
                    shared += w;
                    all += w;
                    i += 1;
                    j += 1;
                }
                std::cmp::Ordering::Less => {
                    all += self.idf(&a[i]);
                    i += 1;
                }
                std::cmp::Ordering::Greater => {
                    all += self.idf(&b[j]);
                    j += 1;
                }
            }
        }
        if all > 0.0 {
            shared / all
        } else {
            0.0
        }
    }

    /// Whether few occupations' labels have a word with this word's stem.
    fn distinctive(&self, word: &str) -> bool {
        self.stem_df.get(&stem(word)).copied().unwrap_or(0) < DISTINCTIVE_BELOW
    }

    /// Whether a distinctive word of `text` shares its stem with a word of the title.
    fn corroborated(&self, text: &str, title_words: &BTreeSet<String>) -> bool {
        content_words(text)
            .iter()
            .any(|word| self.distinctive(word) && title_words.iter().any(|t| same_stem(word, t)))
    }

    /// The occupations a standard with these names trains for, most confident first (ties by
    /// occupation id), at most [`MAX_LINKS`].
    pub fn link(&self, names: &Names<'_>) -> Vec<Found> {
        let mut best: BTreeMap<OccupationId, (f64, Evidence)> = BTreeMap::new();
        let mut put =
            |occupation: OccupationId, confidence: f64, evidence: &dyn Fn() -> Evidence| {
                let better = best
                    .get(&occupation)
                    .is_none_or(|(current, _)| confidence > *current);
                if better {
                    best.insert(occupation, (confidence, evidence()));
                }
            };

        let variants = title_variants(names.title);
        let title_words: BTreeSet<String> =
            variants.iter().flat_map(|v| content_words(v)).collect();

        // Exact matches: the title, then job titles, then keywords.
        let exact_hits = |text: &str| -> (&[(OccupationId, bool)], bool) {
            let hits = self.exact.get(text).map_or(&[][..], Vec::as_slice);
            let has_preferred = hits.iter().any(|&(_, preferred)| preferred);
            (hits, has_preferred)
        };
        let cores = core_variants(&variants);
        let whole = variants.iter().map(|v| (v, false));
        for (variant, core) in whole.chain(cores.iter().map(|v| (v, true))) {
            let (hits, has_preferred) = exact_hits(variant);
            let weak = has_preferred || !content_words(variant).iter().any(|w| self.distinctive(w));
            for &(occupation, preferred) in hits {
                let (confidence, evidence) = match (preferred, weak, core) {
                    (true, _, false) => (1.0, Evidence::TitlePreferred),
                    (true, _, true) => (0.9, Evidence::CoreTitlePreferred),
                    (false, true, _) => (0.5, Evidence::WeakAlternative),
                    (false, false, false) => (0.9, Evidence::TitleAlternative),
                    (false, false, true) => (0.8, Evidence::CoreTitleAlternative),
                };
                put(occupation, confidence, &|| evidence.clone());
            }
        }
        let mut jobs: Vec<String> = Vec::new();
        for job in &names.jobs {
            let folded = key(job);
            if !folded.is_empty() && !jobs.contains(&folded) {
                jobs.push(folded);
            }
        }
        let keywords: Vec<String> = names.keywords.iter().map(|k| key(k)).collect();
        let named = jobs
            .iter()
            .map(|j| (j, 0.8, true))
            .chain(keywords.iter().map(|k| (k, 0.7, false)));
        for (text, full, is_job) in named {
            let (hits, has_preferred) = exact_hits(text);
            let corroborated = self.corroborated(text, &title_words);
            let one_word = !text.contains(' ');
            for &(occupation, preferred) in hits {
                let corroborated = corroborated && (preferred || !one_word);
                let mut confidence = if corroborated { full } else { full / 2.0 };
                if !preferred && has_preferred {
                    confidence *= 2.0 / 3.0;
                }
                put(occupation, confidence, &|| {
                    if is_job {
                        Evidence::JobTitle(text.clone(), corroborated)
                    } else {
                        Evidence::Keyword(text.clone(), corroborated)
                    }
                });
            }
        }

        // Word overlap: the title variants, then the job titles.
        let overlap_sources = variants
            .iter()
            .map(|v| (v, 0.6))
            .chain(jobs.iter().map(|j| {
                let scale = if self.corroborated(j, &title_words) {
                    0.5
                } else {
                    0.3
                };
                (j, scale)
            }));
        for (text, scale) in overlap_sources {
            let words = content_words(text);
            let candidates: BTreeSet<usize> = words
                .iter()
                .filter_map(|w| self.by_word.get(w))
                .flatten()
                .copied()
                .collect();
            for index in candidates {
                let label = &self.labels[index];
                let kind = if label.preferred { 1.0 } else { 0.8 };
                let confidence = scale * kind * self.similarity(&words, &label.words);
                put(label.occupation, confidence, &|| {
                    Evidence::Overlap(text.clone(), label.text.clone())
                });
            }
        }

        let mut found: Vec<Found> = best
            .into_iter()
            .map(|(occupation, (confidence, evidence))| Found {
                link: CourseLink(occupation, round2(confidence)),
                evidence,
            })
            .collect();
        found.sort_by(|a, b| b.link.1.total_cmp(&a.link.1).then(a.link.0.cmp(&b.link.0)));
        let top = found.first().map_or(0.0, |f| f.link.1);
        found.retain(|f| f64::from(f.link.1) >= MIN_CONFIDENCE - 1e-9 && f.link.1 >= top / 2.0);
        found.truncate(MAX_LINKS);
        found
    }
}

/// Rounds to 2 decimals (as `f32`, so `0.6` is exactly the `f32` nearest 0.6).
pub fn round2(value: f64) -> f32 {
    ((value * 100.0).round() / 100.0) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn occupation(label: &str, alt: &[&str]) -> Occupation {
        Occupation {
            id: label.to_owned(),
            label: label.to_owned(),
            alt_labels: alt.iter().map(|a| (*a).to_owned()).collect(),
            isco: "7126".to_owned(),
            description: String::new(),
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
        }
    }

    fn names<'a>(title: &'a str, jobs: &[&'a str], keywords: &'a [String]) -> Names<'a> {
        Names {
            title,
            jobs: jobs.to_vec(),
            keywords,
        }
    }

    #[test]
    fn keys_are_folded_and_singular() {
        assert_eq!(key("Lorry Drivers"), "lorry driver");
        assert_eq!(key("glass bus analysis gas"), "glass bus analysis gas");
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn title_variants_drop_brackets_trailing_words_and_split_alternatives() {
        assert_eq!(
            title_variants("Installation electrician / maintenance electrician"),
            [
                "installation electrician maintenance electrician",
                "installation electrician",
                "maintenance electrician"
            ]
        );
        assert_eq!(title_variants("Architect (degree)"), ["architect"]);
        assert_eq!(
            title_variants("Digital marketer integrated degree"),
            ["digital marketer"]
        );
        assert_eq!(
            title_variants("Compliance / risk officer"),
            ["compliance risk officer"]
        );
    }

    #[test]
    fn exact_title_matches_beat_overlap_and_alternatives_are_discounted() {
        let occupations = [
            occupation("arboriculturist", &["arborist", "tree climber"]),
            occupation("tree surgeon", &["arborist"]),
            occupation("architect", &[]),
            occupation("interior architect", &["architect"]),
        ];
        let linker = Linker::new(&occupations);
        let found = linker.link(&names("Arborist", &[], &[]));
        let links: Vec<_> = found.iter().map(|f| (f.link.0, f.link.1)).collect();
        assert_eq!(links, [(0, 0.9), (1, 0.9)]);
        let found = linker.link(&names("Architect (degree)", &[], &[]));
        let links: Vec<_> = found.iter().map(|f| (f.link.0, f.link.1)).collect();
        assert_eq!(links, [(2, 1.0), (3, 0.5)]);
    }

    #[test]
    fn uncorroborated_job_titles_count_half() {
        let occupations = [
            occupation("oil refinery control room operator", &["supervisor"]),
            occupation("plumber", &[]),
        ];
        let linker = Linker::new(&occupations);
        let found = linker.link(&names("Retail team leader", &["supervisor"], &[]));
        assert_eq!(found[0].link, CourseLink(0, 0.4));
        assert_eq!(
            found[0].evidence.kind(),
            "job title = label, uncorroborated"
        );
        let found = linker.link(&names(
            "Plumbing and domestic heating technician",
            &["plumber"],
            &[],
        ));
        assert_eq!(found[0].link, CourseLink(1, 0.8));
    }

    #[test]
    fn grading_words_are_dropped_and_one_word_alternatives_never_corroborate() {
        let occupations = [
            occupation("metrology technician", &[]),
            occupation("welder", &["fitter"]),
        ];
        let linker = Linker::new(&occupations);
        let found = linker.link(&names("Senior metrology technician", &[], &[]));
        assert_eq!(found[0].link, CourseLink(0, 0.9));
        let keywords = ["fitter".to_owned()];
        let found = linker.link(&names("Survival equipment fitter", &[], &keywords));
        assert_eq!(found[0].link, CourseLink(1, 0.35));
    }

    #[test]
    fn weak_overlaps_are_dropped_beside_a_strong_link() {
        let occupations = [
            occupation("roofer", &[]),
            occupation("roofing supervisor", &["foreman roofer"]),
        ];
        let linker = Linker::new(&occupations);
        let found = linker.link(&names("Roofer", &[], &[]));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].link, CourseLink(0, 1.0));
    }
}
