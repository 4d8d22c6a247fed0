//! `build-data`: builds greenpath's default dataset (the parts in `data/parts/`) from the raw open
//! data (ESCO v1.1.1, Nesta's UK earnings and job zones, and the carbon-intensive and green
//! classifications: the curated carbon-intensive list, the GLA's O*NET green economy list and
//! ONS green task shares by SOC 2010, joined through a derived SOC 2010 → ISCO-08 crosswalk).
//!
//! ```text
//! cargo run --release --features builder --bin build-data -- [--raw DIR] [--out DIR] [--json PATH]
//! ```
//!
//! The raw folder is `--raw`, else `$GREENPATH_RAW_DIR`, else `../shared/data/raw` next to
//! the crate; the project's own curated lists (green jobs, recognised routes, UK job titles,
//! extra courses) are in `--curated`, else `data/curated` in the crate. Every file read is checked against the folder's `SHA256SUMS` and listed with its
//! checksum in `meta.sources`. The output is reproducible: the same inputs give byte-identical
//! output. See `data/README.md` for the schema and the choices made.
// The data builder, run by `make data` over verified raw files: a panic stops the build and
// says why; it never runs in a page.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod assemble;
mod classify;
mod courses;
mod curated;
mod error;
mod estimate;
mod link;
mod local;
mod output;
mod raw;
mod soc_titles;
mod text;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use crate::assemble::{Built, Stats};
use crate::error::BuildError;
use crate::output::Encoded;
use crate::raw::RawDir;

const USAGE: &str = "usage: build-data [--raw DIR] [--curated DIR] [--out DIR] [--json PATH]

Builds the dataset's parts (data/parts/*.bin.gz) from the raw open data and the project's curated lists.
  --raw DIR      raw data folder (default: $GREENPATH_RAW_DIR, else ../shared/data/raw next to the crate)
  --curated DIR  the project's curated lists (default: data/curated in the crate)
  --out DIR    output folder (default: data/parts in the crate)
  --json PATH  also write the uncompressed JSON there (for inspection)";

/// Where to read and write.
struct Options {
    raw: PathBuf,
    curated: PathBuf,
    out: PathBuf,
    json: Option<PathBuf>,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(BuildError::Usage(message)) if message.is_empty() => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("build-data: error: {error}");
            if matches!(error, BuildError::Usage(_)) {
                eprintln!("{USAGE}");
            }
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), BuildError> {
    let options = parse_args(std::env::args_os().skip(1))?;
    let started = Instant::now();
    println!("build-data: reading {}", options.raw.display());
    let mut raw = RawDir::open(&options.raw, &options.curated)?;
    let Built { data, stats } = assemble::build(&mut raw)?;
    output::validate(&data)?;
    let encoded = output::encode(&data)?;
    summary(&data, &stats, &encoded);
    let core = &encoded.parts[0];
    if core.gz.len() > output::CORE_BUDGET_BYTES {
        return Err(BuildError::OverBudget {
            bytes: core.gz.len(),
            budget: output::CORE_BUDGET_BYTES,
        });
    }
    if let Some(path) = &options.json {
        output::write_file(path, &encoded.json)?;
        println!("build-data: wrote {} (uncompressed JSON)", path.display());
    }
    let dataset = match greenpath::parts::decode(&core.bin) {
        Ok(part) => part.dataset(),
        Err(e) => {
            return Err(BuildError::Invalid(vec![format!(
                "self-check: the core part: {e}"
            )]))
        }
    };
    let (picture, local_stats) = local::build(&mut raw, &data, dataset)?;
    let local_bin = picture
        .encode()
        .map_err(|e| BuildError::Invalid(vec![format!("the local picture: {e}")]))?;
    greenpath::local::LocalPicture::decode(&local_bin, dataset, data.occupations.len())
        .map_err(|e| BuildError::Invalid(vec![format!("self-check: the local picture: {e}")]))?;
    println!(
        "  local picture    {} areas, {} SOC groups ({} cells suppressed), {} carbon-intensive occupations with workers, {} workers at risk in all, {} demand families",
        local_stats.areas,
        local_stats.soc_groups,
        local_stats.suppressed_cells,
        local_stats.occupations_with_workers,
        local_stats.workers,
        local_stats.families
    );
    let local_gz = output::gzip(&local_bin)?;
    let path = options.out.join("local.bin.gz");
    output::write_file(&path, &local_gz)?;
    println!(
        "build-data: wrote {} ({} bytes, sha256 {})",
        path.display(),
        local_gz.len(),
        raw::sha256_hex(&local_gz),
    );
    for part in &encoded.parts {
        let path = options.out.join(format!("{}.gz", part.name.file_name()));
        output::write_file(&path, &part.gz)?;
        println!(
            "build-data: wrote {} ({} bytes, sha256 {})",
            path.display(),
            part.gz.len(),
            raw::sha256_hex(&part.gz),
        );
    }
    println!(
        "build-data: done in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The raw folder when neither `--raw` nor `$GREENPATH_RAW_DIR` is given.
fn default_raw_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/raw")
}

fn parse_args(args: impl Iterator<Item = std::ffi::OsString>) -> Result<Options, BuildError> {
    let mut raw = std::env::var_os("GREENPATH_RAW_DIR")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from);
    let mut out = None;
    let mut json = None;
    let mut curated = None;
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy().into_owned();
        let (flag, inline) = match text.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag.to_owned(), Some(value.into())),
            _ => (text.clone(), None),
        };
        let slot = match flag.as_str() {
            "--raw" => &mut raw,
            "--curated" => &mut curated,
            "--out" => &mut out,
            "--json" => &mut json,
            "-h" | "--help" => return Err(BuildError::Usage(String::new())),
            _ => return Err(BuildError::Usage(format!("unknown argument {text:?}"))),
        };
        let value = match inline {
            Some(value) => value,
            None => args
                .next()
                .ok_or_else(|| BuildError::Usage(format!("{flag} needs a value")))?,
        };
        *slot = Some(PathBuf::from(value));
    }
    Ok(Options {
        raw: raw.unwrap_or_else(default_raw_dir),
        curated: curated
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("data/curated")),
        out: out.unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("data/parts")),
        json,
    })
}

fn summary(data: &greenpath::model::DataFile, stats: &Stats, encoded: &Encoded) {
    let occupations = &data.occupations;
    let count = |f: &dyn Fn(&greenpath::model::Occupation) -> bool| {
        occupations.iter().filter(|o| f(o)).count()
    };
    let essential: usize = occupations.iter().map(|o| o.essential.len()).sum();
    let optional: usize = occupations.iter().map(|o| o.optional.len()).sum();
    let green = data.skills.iter().filter(|s| s.green).count();
    let transversal = data.skills.iter().filter(|s| s.transversal).count();
    let knowledge = data
        .skills
        .iter()
        .filter(|s| s.kind == greenpath::model::SkillKind::Knowledge)
        .count();
    let mut lengths: Vec<usize> = occupations
        .iter()
        .map(|o| o.description.chars().count())
        .collect();
    lengths.sort_unstable();
    println!("records:");
    println!("  occupations      {:>7}", occupations.len());
    println!(
        "  skills           {:>7}  ({knowledge} knowledge, {green} green, {transversal} transversal)",
        data.skills.len()
    );
    println!(
        "  skill groups     {:>7}  (of {} in ESCO)",
        data.skill_groups.len(),
        stats.skill_groups_read
    );
    println!(
        "  skill relations  {:>7}  (of {}; {} with an end outside the kept skills, {} from a skill to itself)",
        data.skill_relations.len(),
        stats.skill_relations_read,
        stats.skill_relations_dropped,
        stats.skill_relations_to_self
    );
    println!("  ISCO groups      {:>7}", data.isco_groups.len());
    println!(
        "  occupation–skill links {} ({essential} essential, {optional} optional) of {} read",
        essential + optional,
        stats.relations_read
    );
    println!(
        "  dropped relations {} ({} unknown occupation, {} unknown skill); {} duplicates merged; {} listed essential and optional kept as essential",
        data.meta.dropped_relations,
        stats.dropped_unknown_occupation,
        stats.dropped_unknown_skill,
        stats.duplicate_relations,
        stats.essential_and_optional
    );
    println!(
        "  occupations with earnings {}, with job zone {}; earnings rows for unknown occupations {}; rows whose ISCO differs from ESCO 1.1.1 {}",
        count(&|o| o.annual_earnings.is_some()),
        count(&|o| o.job_zone.is_some()),
        stats.earnings_unknown_occupation,
        stats.earnings_isco_differs
    );
    println!(
        "  skills: type from relation file {}, type defaulted {}, reuse defaulted {}, without group {}",
        stats.kind_from_relations,
        stats.kind_defaulted,
        stats.reuse_defaulted,
        stats.skills_without_group
    );
    println!(
        "  descriptions: {} cut after the first sentence, {} cut between words, median {} chars, longest {} chars",
        stats.descriptions_cut_sentence,
        stats.descriptions_cut_words,
        lengths.get(lengths.len() / 2).copied().unwrap_or(0),
        lengths.last().copied().unwrap_or(0)
    );
    println!(
        "  estimated pay and job zone: from a broader occupation by distance {:?}; group medians by ISCO code length {:?}; still without {}",
        stats.estimates.from_broader, stats.estimates.from_group, stats.estimates.without
    );
    classes_summary(data, &stats.classes);
    curated_summary(&stats.curated, &stats.soc_titles);
    courses_summary(data, &stats.courses);
    for part in &encoded.parts {
        println!(
            "size: {:<12} {:>9} bytes, {:>9} gzipped",
            part.name.file_name(),
            part.bin.len(),
            part.gz.len()
        );
    }
    println!(
        "size: core budget {} bytes gzipped; JSON for inspection {} bytes",
        output::CORE_BUDGET_BYTES,
        encoded.json.len()
    );
    println!(
        "sources: {} files verified against SHA256SUMS",
        data.meta.sources.len()
    );
}

fn courses_summary(data: &greenpath::model::DataFile, c: &courses::Stats) {
    use greenpath::model::{Funding, COURSE_LINK_THRESHOLD};
    let courses = &data.courses;
    let count =
        |f: &dyn Fn(&greenpath::model::Course) -> bool| courses.iter().filter(|c| f(c)).count();
    println!("courses:");
    println!(
        "  {} courses: {} curated rows ({} merged with their standard) + {} other standards (of {} read); curated kinds {:?}",
        courses.len(),
        c.curated_rows,
        c.merged.len(),
        c.standards_read - c.merged.len(),
        c.standards_read,
        c.curated_kinds
    );
    println!("  merged (curated id, larsCode, by URL): {:?}", c.merged);
    println!(
        "  curated rows left out for naming no source page: {:?}",
        c.without_source
    );
    for (id, field, curated, standard) in &c.merge_differences {
        println!("    {id}: {field} curated {curated}, standard {standard} (curated kept)");
    }
    println!(
        "  with cost {} (free {}), with maxFunding {}, with weeks {}, with level {}, levy-funded {}, closed to new starts {}; curated cost bases {:?}",
        count(&|c| c.cost.is_some()),
        count(&|c| c.cost == Some(0)),
        count(&|c| c.max_funding.is_some()),
        count(&|c| c.weeks.is_some()),
        count(&|c| c.level.is_some()),
        count(&|c| c.funding == Funding::ApprenticeshipLevy),
        c.closed_to_starts,
        c.cost_basis
    );
    println!(
        "  skills taught: {} links on {} courses; prerequisite links {:?}; notes on {} courses (longest {} chars), prerequisites on {}; open only in some areas: {} (and {} apprenticeship standards for England only)",
        c.skills_taught,
        count(&|c| !c.teaches.is_empty()),
        c.requires,
        count(&|c| !c.notes.is_empty()),
        courses.iter().map(|c| c.notes.chars().count()).max().unwrap_or(0),
        count(&|c| !c.prerequisites.is_empty()),
        c.area_bound,
        c.england_only
    );
    let others = c.standards_read - c.merged.len();
    println!(
        "  standards linked (of {others} not merged): {} with a link, {} with a link ≥ {COURSE_LINK_THRESHOLD}; links by confidence {:?}; best link by evidence {:?}",
        c.standards_linked, c.standards_above_threshold, c.links_by_band, c.best_by_evidence
    );
    println!(
        "  linker vs curated targets on the {} merged standards: {} linked ≥ threshold, {} of them to a curated target; {} of {} links ≥ threshold are curated targets",
        c.merged.len(),
        c.check_standards_linked,
        c.check_standards_found,
        c.check_agree,
        c.check_links
    );
    for (id, label, confidence) in &c.check_disagree {
        println!("    {id}: the linker adds {label:?} ({confidence:.2}), not a curated target");
    }
    println!("  sample of links to check by eye:");
    for (title, label, confidence, evidence) in &c.sample {
        println!("    | {title} | {label} | {confidence:.2} | {evidence} |");
    }
}

fn curated_summary(c: &curated::Stats, soc: &soc_titles::Stats) {
    println!("curated lists:");
    println!(
        "  green jobs by category {:?}; exclusions by definition {:?}",
        c.green_by_category, c.exclusions
    );
    println!(
        "  recognised routes {} ({} open to any job; the others make {} moves from {} origins)",
        c.routes, c.open_routes, c.route_pairs, c.route_origins
    );
    println!(
        "  UK job titles: {} curated added ({} already a name of the occupation); SOC 2020 related titles {} read, {} already a name, {} added, {} unmatched",
        c.titles, c.titles_already_named, soc.read, soc.already_named, soc.added, soc.unmatched.len()
    );
    for (code, title) in &soc.unmatched {
        println!(
            "    SOC {code} title {title:?}: no occupation of its ISCO groups shares enough words"
        );
    }
}

fn classes_summary(data: &greenpath::model::DataFile, c: &classify::Stats) {
    println!("classifications:");
    for class in &data.meta.classifications {
        println!(
            "  {:<17} {:>5} occupations{}",
            class.key,
            class.coverage,
            if class.estimated { " (estimated)" } else { "" }
        );
    }
    println!(
        "  carbon-intensive list: {} rows, {} borderline; {} evidence texts shortened",
        c.carbon_rows, c.carbon_borderline, c.evidence_shortened
    );
    for (uri, label) in &c.carbon_unknown {
        println!("    not an ESCO occupation, skipped: {uri} ({label:?})");
    }
    for (label, curated, esco) in &c.carbon_isco_differs {
        println!("    ISCO differs: {label:?} listed {curated}, ESCO {esco}");
    }
    for (curated, esco) in &c.carbon_label_differs {
        println!("    label differs: listed {curated:?}, ESCO {esco:?}");
    }
    println!(
        "  SOC 2010 links: {} SOC groups in the crosswalk; {} non-modal pairs across managers/non-managers skipped; ISCO groups by rank {:?}; occupations by rank {:?}, {} linked to several SOC groups, {} unlinked",
        c.crosswalk_soc, c.links_across_managers, c.isco_by_rank, c.occupations_by_rank, c.occupations_multi_soc, c.occupations_unlinked
    );
    println!(
        "  green economy: {} SOC groups listed ({} unreached: {:?}); occupations by category {:?}; {} with some SOC groups off the list, {} with conflicting categories",
        c.green_list,
        c.green_list_unreached.len(),
        c.green_list_unreached,
        c.green_by_category,
        c.green_mixed,
        c.green_conflicting
    );
    println!(
        "  green task share: year {}, {} SOC groups ({} linked groups without a share: {:?}); {} occupations, {} above 0",
        c.task_share_year,
        c.task_share_soc,
        c.task_share_missing_soc.len(),
        c.task_share_missing_soc,
        c.task_share_occupations,
        c.task_share_positive
    );
    for (from, to, title) in &c.task_share_recoded {
        println!("    task share row {from} {title:?} recoded to SOC 2010 {to}");
    }
    if !c.task_share_unknown_soc.is_empty() {
        println!(
            "    task share rows with a code unknown to the crosswalk (unused): {:?}",
            c.task_share_unknown_soc
        );
    }
    println!("  with a green ESCO skill: {}", c.esco_green_any);
    for (what, n) in &c.overlaps {
        println!("  {what}: {n}");
    }
}
