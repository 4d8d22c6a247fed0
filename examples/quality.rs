//! The recommendation quality report: `make quality` writes `docs/quality.md`.
//!
//! What a careers adviser would check, measured on the default dataset:
//! - for each of the 49 core carbon-intensive occupations, the viable and desirable green moves
//!   and whether each has a course plan, and what the page's first ten green moves are;
//! - hit@10 on evidence-backed expected moves (`tests/fixtures/quality/expected_moves.csv`);
//! - search top-1 on UK job titles (`tests/fixtures/quality/uk_title_checks.csv`);
//! - the ISCO-sibling calibration figures.
//!
//! `cargo run --profile bench --example quality -- --record LABEL` also stores the headline
//! figures under LABEL in `docs/quality-history.csv`, so the report shows before and after for
//! every change.
// A report over the committed data, run by hand: a panic stops the report and says why.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;

use greenpath::classification::{GreenBasis, GreenDefinition};
use greenpath::model::{DataFile, OccupationId};
use greenpath::plan::{CoursePlanner, PlanOptions};
use greenpath::text::fold;
use greenpath::transitions::{ScoreParams, TransitionEngine, TransitionOptions, Viability};
use greenpath::{Dataset, SearchIndex};

#[path = "support/calibration.rs"]
mod calibration;
#[path = "../tests/common/mod.rs"]
mod common;

use calibration::{share_at_least, Calibration};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
/// Moves the page shows first.
const SHOWN: usize = 10;
/// Viable green moves with a plan a core origin should have.
const ENOUGH: usize = 3;

type Fallible<T> = Result<T, Box<dyn std::error::Error>>;

/// One core origin's green moves.
struct OriginReport {
    origin: OccupationId,
    viable: usize,
    desirable: usize,
    planned: usize,
    /// Of those, viable on skills or by a route recognised for this job (not only by training
    /// open to any job).
    planned_specific: usize,
    /// Viable green moves with a plan, best first: (destination, score, desirable).
    planned_moves: Vec<(OccupationId, f32, bool)>,
    /// The first green moves the page shows: (destination, viable).
    shown: Vec<(OccupationId, bool)>,
}

/// The columns of the headline table and of `docs/quality-history.csv`.
const HISTORY_HEADER: [&str; 12] = [
    "step",
    "core origins with ≥3 viable green moves with a plan",
    "the same, not counting training open to any job",
    "first-10 green moves that are viable",
    "core lists with no viable move in the first 10",
    "carbon-intensive jobs among green moves shown",
    "expected moves hit@10",
    "UK titles top-1",
    "viable threshold",
    "ISCO siblings at or above viable",
    "gas service technician → heat pump technician: rank among green moves",
    "roustabout → offshore renewable energy technician: rank among green moves",
];

/// One row of the headline table: a cell per [`HISTORY_HEADER`] column.
type Headline = Vec<String>;

/// One way of running the engine: the full change, or the change without one of its parts.
struct Variant {
    name: &'static str,
    data: Dataset,
    options: TransitionOptions,
}

/// Everything measured for one variant.
struct Measured {
    headline: Headline,
    reports: Vec<OriginReport>,
    expected_lines: Vec<String>,
    title_lines: Vec<String>,
    hits: usize,
    title_hits: (usize, usize, usize),
    calibration: Calibration,
}

fn measure(
    variant: &Variant,
    core: &[OccupationId],
    expected: &[ExpectedMove],
    titles: &[TitleCheck],
) -> Fallible<Measured> {
    let data = &variant.data;
    let base = &variant.options;
    let engine = TransitionEngine::new(data);
    let planner = CoursePlanner::new(data);
    let index = SearchIndex::new(data);
    let mut reports = Vec::new();
    for &origin in core {
        reports.push(origin_report(data, &engine, &planner, base, origin)?);
    }
    let calibration = Calibration::compute(data, &engine, &base.params)?;
    let with_enough = reports.iter().filter(|r| r.planned >= ENOUGH).count();
    let specific = reports
        .iter()
        .filter(|r| r.planned_specific >= ENOUGH)
        .count();
    let shown: usize = reports.iter().map(|r| r.shown.len()).sum();
    let shown_viable: usize = reports
        .iter()
        .map(|r| r.shown.iter().filter(|s| s.1).count())
        .sum();
    let without_viable = reports
        .iter()
        .filter(|r| !r.shown.iter().any(|s| s.1))
        .count();
    let carbon_shown: usize = reports
        .iter()
        .map(|r| {
            r.shown
                .iter()
                .filter(|s| data.occupation(s.0).carbon.is_some())
                .count()
        })
        .sum();
    let (hits, expected_lines) = expected_hits(data, &engine, base, expected)?;
    let (title_hits, title_lines) = title_top1(data, &index, titles);
    let siblings = share_at_least(&calibration.within, base.viable);
    let headline: Headline = vec![
        variant.name.into(),
        format!("{with_enough}/{}", core.len()),
        format!("{specific}/{}", core.len()),
        percent(shown_viable, shown),
        format!("{without_viable}/{}", core.len()),
        format!("{carbon_shown}/{shown}"),
        ratio_text(hits, expected.len()),
        ratio_text(title_hits.0, titles.len()),
        format!("{:.2}", base.viable),
        format!("{:.1}%", 100.0 * siblings),
        green_rank(
            data,
            &engine,
            base,
            "gas service technician",
            "refrigeration air condition and heat pump technician",
        )?,
        green_rank(
            data,
            &engine,
            base,
            "roustabout",
            "offshore renewable energy technician",
        )?,
    ];
    Ok(Measured {
        headline,
        reports,
        expected_lines,
        title_lines,
        hits,
        title_hits,
        calibration,
    })
}

/// The full change and, for each of its parts, the change without that part.
fn variants(data: &Dataset) -> Fallible<Vec<Variant>> {
    let file: DataFile = serde_json::from_slice(&common::default_json())?;
    let with = |change: &dyn Fn(&mut DataFile)| -> Fallible<Dataset> {
        let mut f = file.clone();
        change(&mut f);
        Ok(Dataset::from_data_file(f)?)
    };
    let defaults = TransitionOptions::default();
    let old_scale = TransitionOptions {
        params: ScoreParams {
            origin_optional_credit: 1.0,
            skills_weight: 0.8,
            preparation_weight: 0.1,
            pay_weight: 0.1,
            ..ScoreParams::default()
        },
        viable: 0.32,
        highly_viable: 0.46,
        ..defaults.clone()
    };
    Ok(vec![
        Variant {
            name: "now",
            data: data.clone(),
            options: defaults.clone(),
        },
        Variant {
            name: "now, without recognised routes",
            data: with(&|f| f.routes.clear())?,
            options: defaults.clone(),
        },
        Variant {
            name: "now, without the routes open to any job",
            data: with(&|f| f.routes.retain(|r| !r.open))?,
            options: defaults.clone(),
        },
        Variant {
            name: "now, with the ESCO green-skills share as the green definition",
            data: data.clone(),
            options: TransitionOptions {
                green: GreenDefinition {
                    basis: GreenBasis::EscoGreenSkills,
                    ..GreenDefinition::default()
                },
                ..defaults.clone()
            },
        },
        Variant {
            name: "now, with the old scale (pay and preparation in the score, no estimated pay, optional skills in full, viable 0.32)",
            data: with(&|f| {
                for o in &mut f.occupations {
                    if o.estimated_from.take().is_some() {
                        o.annual_earnings = None;
                        o.job_zone = None;
                    }
                }
            })?,
            options: old_scale,
        },
        Variant {
            name: "now, without UK job titles (search only)",
            data: with(&|f| {
                for o in &mut f.occupations {
                    o.uk_titles.clear();
                    o.soc_titles.clear();
                }
            })?,
            options: defaults,
        },
    ])
}

fn main() -> Fallible<()> {
    let record = parse_args()?;
    let (data, _) = common::default_data();
    let core = core_origins(data);
    let expected = read_expected_moves(data)?;
    let titles = read_title_checks(data)?;
    let mut measured = Vec::new();
    for variant in variants(data)? {
        eprintln!("quality: measuring {}", variant.name);
        measured.push(measure(&variant, &core, &expected, &titles)?);
    }
    let now = &measured[0];
    let headline = &now.headline;
    let reports = &now.reports;
    let calibration = &now.calibration;
    let hits = now.hits;
    let (title_hits, plain_titles, plain_hits) = now.title_hits;
    let siblings = share_at_least(&calibration.within, TransitionOptions::default().viable);

    let mut doc = String::new();
    writeln!(doc, "# Recommendation quality\n")?;
    writeln!(
        doc,
        "Generated by `make quality` (`examples/quality.rs`) from the default dataset and the \
         default options. Do not edit by hand; the history table comes from \
         `docs/quality-history.csv` (`make quality RECORD=label` adds a row).\n"
    )?;

    let history_path = format!("{ROOT}/docs/quality-history.csv");
    let mut history = read_history(&history_path)?;
    if let Some(label) = &record {
        let mut row = headline.clone();
        row[0] = label.clone();
        match history.iter_mut().find(|h| h[0] == *label) {
            Some(existing) => *existing = row,
            None => history.push(row),
        }
        write_history(&history_path, &history)?;
    }

    writeln!(doc, "## Headline figures\n")?;
    writeln!(doc, "| {} |", HISTORY_HEADER.join(" | "))?;
    writeln!(doc, "|{}", "---|".repeat(HISTORY_HEADER.len()))?;
    for row in history.iter().chain(std::iter::once(headline)) {
        writeln!(doc, "| {} |", row.join(" | "))?;
    }
    writeln!(
        doc,
        "\n### Each part of the change\n\nThe same figures with one part of the change taken \
         out, so each part's effect shows (computed now, on the current data).\n"
    )?;
    writeln!(doc, "| {} |", HISTORY_HEADER.join(" | "))?;
    writeln!(doc, "|{}", "---|".repeat(HISTORY_HEADER.len()))?;
    for m in &measured {
        writeln!(doc, "| {} |", m.headline.join(" | "))?;
    }
    writeln!(
        doc,
        "\nTargets (issue 7): at least 90% of the core origins with {ENOUGH} or more viable green \
         moves each with a course plan; no carbon-intensive job listed as a green move; expected \
         moves hit@10 at least 70%; UK titles top-1 at least 90%.\n"
    )?;

    writeln!(doc, "## Core carbon-intensive origins\n")?;
    writeln!(
        doc,
        "For each of the {} core occupations of the curated carbon-intensive list: viable green \
         moves (all of them, default options), how many are desirable (pay at least 75% of now \
         and the Real Living Wage), how many have a course plan (at least one course), the best \
         planned moves, and how many of the first {SHOWN} green moves the page shows are viable.\n",
        core.len()
    )?;
    writeln!(
        doc,
        "| origin | viable green | desirable | with a plan | with a plan, not counting training open to any job | best viable green moves with a plan | first {SHOWN} shown: viable |"
    )?;
    writeln!(doc, "|---|---:|---:|---:|---:|---|---:|")?;
    for r in reports {
        let best: Vec<String> = r
            .planned_moves
            .iter()
            .take(5)
            .map(|&(d, score, desirable)| {
                format!(
                    "{} ({score:.2}{})",
                    data.occupation(d).label,
                    if desirable { ", desirable" } else { "" }
                )
            })
            .collect();
        writeln!(
            doc,
            "| {} | {} | {} | {} | {} | {} | {}/{} |",
            data.occupation(r.origin).label,
            r.viable,
            r.desirable,
            r.planned,
            r.planned_specific,
            best.join("; "),
            r.shown.iter().filter(|s| s.1).count(),
            r.shown.len()
        )?;
    }

    writeln!(doc, "\n## Green moves shown most often\n")?;
    writeln!(
        doc,
        "Destinations among the first {SHOWN} green moves of the {} core origins, with how many \
         lists show them.\n",
        core.len()
    )?;
    let mut counts: BTreeMap<OccupationId, usize> = BTreeMap::new();
    for r in reports {
        for s in &r.shown {
            *counts.entry(s.0).or_default() += 1;
        }
    }
    let mut counts: Vec<(OccupationId, usize)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    writeln!(doc, "| destination | lists |")?;
    writeln!(doc, "|---|---:|")?;
    for (d, n) in counts.iter().take(20) {
        writeln!(doc, "| {} | {n} |", data.occupation(*d).label)?;
    }

    writeln!(doc, "\n## Expected moves\n")?;
    writeln!(
        doc,
        "{} moves named in public UK sources (`tests/fixtures/quality/expected_moves.csv`); a \
         hit is the destination among the origin's first 10 green moves. hit@10: {}.\n",
        expected.len(),
        ratio_text(hits, expected.len())
    )?;
    writeln!(
        doc,
        "| origin | destination | rank among green moves | source |"
    )?;
    writeln!(doc, "|---|---|---:|---|")?;
    for line in &now.expected_lines {
        writeln!(doc, "{line}")?;
    }

    writeln!(doc, "\n## UK job titles\n")?;
    writeln!(
        doc,
        "{} titles as a worker would type them (`tests/fixtures/quality/uk_title_checks.csv`); \
         a hit is an acceptable occupation first. top-1: {}; on the {} titles that are not on \
         the curated UK title list (so found by ESCO labels, ONS SOC titles and partial \
         matching alone): {}.\n",
        titles.len(),
        ratio_text(title_hits, titles.len()),
        plain_titles,
        ratio_text(plain_hits, plain_titles)
    )?;
    writeln!(doc, "| typed | a curated UK title | first result | hit |")?;
    writeln!(doc, "|---|---|---|---|")?;
    for line in &now.title_lines {
        writeln!(doc, "{line}")?;
    }

    writeln!(doc, "\n## Calibration (ISCO siblings)\n")?;
    writeln!(
        doc,
        "Viable from {:.3}, highly viable from {:.3} (likelihood-ratio method, see \
         `docs/calibration.md`); the library uses {:.2}. {:.1}% of the {} within-unit-group \
         pairs score at or above the viable threshold, against {:.1}% of all {} pairs.",
        calibration.viable,
        calibration.highly_viable,
        TransitionOptions::default().viable,
        100.0 * siblings,
        calibration.within.len(),
        100.0 * share_at_least(&calibration.all, TransitionOptions::default().viable),
        calibration.all.len()
    )?;

    let path = format!("{ROOT}/docs/quality.md");
    std::fs::write(&path, &doc)?;
    print!("{doc}");
    eprintln!("wrote {path}");
    Ok(())
}

fn parse_args() -> Fallible<Option<String>> {
    let mut args = std::env::args().skip(1);
    match (args.next().as_deref(), args.next()) {
        (None, _) => Ok(None),
        (Some("--record"), Some(label)) if !label.trim().is_empty() => Ok(Some(label)),
        _ => Err("usage: quality [--record LABEL]".into()),
    }
}

/// The core (not borderline) occupations of the carbon-intensive list, in dataset order.
fn core_origins(data: &Dataset) -> Vec<OccupationId> {
    (0..data.occupations().len() as OccupationId)
        .filter(|&o| {
            data.occupation(o)
                .carbon
                .as_ref()
                .is_some_and(|c| !c.borderline)
        })
        .collect()
}

fn origin_report(
    data: &Dataset,
    engine: &TransitionEngine,
    planner: &CoursePlanner,
    base: &TransitionOptions,
    origin: OccupationId,
) -> Fallible<OriginReport> {
    let all_viable = TransitionOptions {
        only_green: true,
        min_viability: Viability::Viable,
        count: data.occupations().len(),
        ..base.clone()
    };
    let moves = engine.transitions(data, origin, &all_viable)?;
    let mut planned_moves = Vec::new();
    let mut planned_specific = 0;
    for t in &moves {
        let plan = planner.plan_with(data, origin, t.occupation, &PlanOptions::default(), false)?;
        if !plan.steps.is_empty() {
            planned_moves.push((t.occupation, t.score, t.flags.desirable));
            let specific = t.recognised.is_some_and(|r| !data.route(r).open);
            if t.flags.viable_by_skills || specific {
                planned_specific += 1;
            }
        }
    }
    let page = TransitionOptions {
        only_green: true,
        count: SHOWN,
        ..base.clone()
    };
    let shown = engine
        .transitions(data, origin, &page)?
        .iter()
        .map(|t| (t.occupation, t.flags.viable))
        .collect();
    Ok(OriginReport {
        origin,
        viable: moves.len(),
        desirable: moves.iter().filter(|t| t.flags.desirable).count(),
        planned: planned_moves.len(),
        planned_specific,
        planned_moves,
        shown,
    })
}

/// The rank of `to` among the green moves from `from` (default options), as text.
fn green_rank(
    data: &Dataset,
    engine: &TransitionEngine,
    base: &TransitionOptions,
    from: &str,
    to: &str,
) -> Fallible<String> {
    let (Some(o), Some(d)) = (label_id(data, from), label_id(data, to)) else {
        return Ok("not in the dataset".into());
    };
    Ok(rank_text(rank_among_green(data, engine, base, o, d)?))
}

fn rank_among_green(
    data: &Dataset,
    engine: &TransitionEngine,
    base: &TransitionOptions,
    origin: OccupationId,
    destination: OccupationId,
) -> Fallible<Option<(usize, bool)>> {
    let options = TransitionOptions {
        only_green: true,
        count: data.occupations().len(),
        ..base.clone()
    };
    Ok(engine
        .transitions(data, origin, &options)?
        .iter()
        .enumerate()
        .find(|(_, t)| t.occupation == destination)
        .map(|(i, t)| (i + 1, t.flags.viable)))
}

fn rank_text(rank: Option<(usize, bool)>) -> String {
    match rank {
        Some((r, viable)) => format!("{r}{}", if viable { " (viable)" } else { "" }),
        None => "not green".into(),
    }
}

fn label_id(data: &Dataset, label: &str) -> Option<OccupationId> {
    data.occupations()
        .iter()
        .position(|o| o.label == label)
        .map(|i| i as OccupationId)
}

/// The ESCO id (the UUID) at the end of an ESCO concept URI.
fn esco_id(uri: &str) -> &str {
    uri.rsplit('/').next().unwrap_or(uri)
}

struct ExpectedMove {
    origin: OccupationId,
    destination: OccupationId,
    source: String,
}

fn read_expected_moves(data: &Dataset) -> Fallible<Vec<ExpectedMove>> {
    let path = format!("{ROOT}/tests/fixtures/quality/expected_moves.csv");
    let mut out = Vec::new();
    let Ok(mut reader) = csv::Reader::from_path(&path) else {
        eprintln!("quality: {path} not found; no expected moves");
        return Ok(out);
    };
    let headers = reader.headers()?.clone();
    let column = |name: &str| headers.iter().position(|h| h == name);
    let (Some(o), Some(d), Some(s)) = (
        column("origin_uri"),
        column("destination_uri"),
        column("source_url"),
    ) else {
        return Err(format!("{path}: needs origin_uri, destination_uri and source_url").into());
    };
    for (i, record) in reader.records().enumerate() {
        let record = record?;
        let find = |c: usize| data.occupation_id(esco_id(&record[c]));
        match (find(o), find(d)) {
            (Some(origin), Some(destination)) => out.push(ExpectedMove {
                origin,
                destination,
                source: record[s].to_owned(),
            }),
            _ => return Err(format!("{path}: row {}: unknown ESCO occupation", i + 1).into()),
        }
    }
    Ok(out)
}

fn expected_hits(
    data: &Dataset,
    engine: &TransitionEngine,
    base: &TransitionOptions,
    expected: &[ExpectedMove],
) -> Fallible<(usize, Vec<String>)> {
    let mut hits = 0;
    let mut lines = Vec::new();
    for m in expected {
        let rank = rank_among_green(data, engine, base, m.origin, m.destination)?;
        if rank.is_some_and(|(r, _)| r <= SHOWN) {
            hits += 1;
        }
        lines.push(format!(
            "| {} | {} | {} | {} |",
            data.occupation(m.origin).label,
            data.occupation(m.destination).label,
            rank_text(rank),
            m.source
        ));
    }
    Ok((hits, lines))
}

struct TitleCheck {
    title: String,
    expected: HashSet<OccupationId>,
}

fn read_title_checks(data: &Dataset) -> Fallible<Vec<TitleCheck>> {
    let path = format!("{ROOT}/tests/fixtures/quality/uk_title_checks.csv");
    let mut out = Vec::new();
    let Ok(mut reader) = csv::Reader::from_path(&path) else {
        eprintln!("quality: {path} not found; no title checks");
        return Ok(out);
    };
    for (i, record) in reader.records().enumerate() {
        let record = record?;
        let expected: Option<HashSet<OccupationId>> = record[1]
            .split(';')
            .map(|uri| data.occupation_id(esco_id(uri.trim())))
            .collect();
        let Some(expected) = expected else {
            return Err(format!("{path}: row {}: unknown ESCO occupation", i + 1).into());
        };
        out.push(TitleCheck {
            title: record[0].to_owned(),
            expected,
        });
    }
    Ok(out)
}

/// Top-1 hits on all titles and on those that are not a curated UK title, and the table rows.
fn title_top1(
    data: &Dataset,
    index: &SearchIndex,
    titles: &[TitleCheck],
) -> ((usize, usize, usize), Vec<String>) {
    let curated: HashSet<String> = data
        .occupations()
        .iter()
        .flat_map(|o| o.uk_titles.iter().map(|t| fold(t)))
        .collect();
    let (mut hits, mut plain, mut plain_hits) = (0, 0, 0);
    let mut lines = Vec::new();
    for t in titles {
        let first = index.search(&t.title, 1).into_iter().next();
        let hit = first.as_ref().is_some_and(|h| t.expected.contains(&h.item));
        let is_curated = curated.contains(&fold(&t.title));
        hits += usize::from(hit);
        if !is_curated {
            plain += 1;
            plain_hits += usize::from(hit);
        }
        lines.push(format!(
            "| {} | {} | {} | {} |",
            t.title,
            if is_curated { "yes" } else { "" },
            first.map_or("nothing".into(), |h| data.occupation(h.item).label.clone()),
            if hit { "yes" } else { "**no**" }
        ));
    }
    ((hits, plain, plain_hits), lines)
}

/// The recorded rows; a row recorded before a column was added shows "–" there.
fn read_history(path: &str) -> Fallible<Vec<Headline>> {
    let Ok(mut reader) = csv::Reader::from_path(path) else {
        return Ok(Vec::new());
    };
    let headers: Vec<String> = reader.headers()?.iter().map(str::to_owned).collect();
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record?;
        let row = HISTORY_HEADER
            .iter()
            .map(|column| {
                headers
                    .iter()
                    .position(|h| h == column)
                    .and_then(|i| record.get(i))
                    .unwrap_or("–")
                    .to_owned()
            })
            .collect();
        out.push(row);
    }
    Ok(out)
}

fn write_history(path: &str, history: &[Headline]) -> Fallible<()> {
    let mut writer = csv::Writer::from_path(path)?;
    writer.write_record(HISTORY_HEADER)?;
    for row in history {
        writer.write_record(row)?;
    }
    writer.flush()?;
    Ok(())
}

fn percent(part: usize, whole: usize) -> String {
    if whole == 0 {
        "–".into()
    } else {
        format!(
            "{:.0}% ({part}/{whole})",
            100.0 * part as f64 / whole as f64
        )
    }
}

fn ratio_text(part: usize, whole: usize) -> String {
    if whole == 0 {
        "no checks".into()
    } else {
        format!(
            "{part}/{whole} ({:.0}%)",
            100.0 * part as f64 / whole as f64
        )
    }
}
