//! The committed dataset, the parts in `data/parts/`: they join into the model with the facts
//! the raw data promises, every part round-trips through its encoding, and (with the `builder`
//! feature and the raw folder present) rebuilding them from the raw open data gives exactly the
//! same bytes.
//!
//! Native only. (The crate doc comes before the `cfg` so that the crate, empty on wasm32, still
//! has its documentation there and `missing_docs` stays quiet.)
#![cfg(not(target_arch = "wasm32"))]
// Tests and their helpers: a failure is the test's failure, said by the panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use greenpath::api::{Planner, TransitionOptionsDto};
use greenpath::model::DataFile;
use greenpath::parts;

mod common;

/// The folder of the committed parts.
#[cfg_attr(not(feature = "builder"), allow(dead_code))]
fn committed_dir() -> PathBuf {
    Path::new(common::PARTS_DIR).to_path_buf()
}

/// The raw folder, resolved as the builder does: `$GREENPATH_RAW_DIR`, else
/// `../shared/data/raw` next to the crate.
#[cfg_attr(not(feature = "builder"), allow(dead_code))]
fn raw_dir() -> PathBuf {
    std::env::var_os("GREENPATH_RAW_DIR")
        .filter(|v| !v.is_empty())
        .map_or_else(
            || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/raw"),
            PathBuf::from,
        )
}

fn committed() -> DataFile {
    common::default_file()
}

#[test]
fn every_part_round_trips_through_its_encoding() {
    for bytes in common::default_parts() {
        let part = parts::decode(&bytes).expect("each committed part decodes");
        let again = parts::encode(&part).expect("and encodes");
        assert!(
            again == bytes,
            "the {} part re-encodes differently",
            part.name().key()
        );
    }
    // Splitting the joined dataset gives the committed parts back, byte for byte.
    let split = parts::split(&committed()).expect("the dataset splits");
    for ((name, bytes), committed) in split.iter().zip(common::default_parts()) {
        assert!(
            *bytes == committed,
            "the {} part differs after join and split",
            name.key()
        );
    }
}

#[test]
fn parts_refuse_to_mix_or_repeat_and_the_planner_keeps_what_it_had() {
    let bytes = common::default_parts();
    let mut planner = Planner::new(&bytes[0]).expect("the core loads alone");
    assert_eq!(planner.parts(), ["core"]);
    // A question that needs a later part names it.
    let missing = planner
        .occupation(&committed().occupations[0].id)
        .unwrap_err();
    assert_eq!(
        (missing.kind(), missing.field()),
        ("partMissing", Some("skills"))
    );
    // Not a core part first; a damaged part; the same part twice; another build's part.
    let wrong_first = Planner::new(&bytes[1])
        .err()
        .expect("a skills part is not a core");
    assert!(wrong_first.to_string().contains("core part first"));
    let cut = &bytes[3][..bytes[3].len() / 2];
    assert!(planner
        .add_part(cut)
        .unwrap_err()
        .to_string()
        .contains("details part is damaged"));
    planner.add_part(&bytes[3]).expect("the details part loads");
    assert!(planner
        .add_part(&bytes[3])
        .unwrap_err()
        .to_string()
        .contains("already loaded"));
    // The skills' names name the skills part's skills: they cannot come first.
    assert!(planner
        .add_part(&bytes[2])
        .unwrap_err()
        .to_string()
        .contains("needs the skills part first"));
    let mut other = parts::decode(&bytes[4]).unwrap();
    if let parts::Part::Courses(p) = &mut other {
        p.dataset ^= 1;
    }
    let message = planner
        .add_part(&parts::encode(&other).unwrap())
        .unwrap_err()
        .to_string();
    assert!(message.contains("another build"), "{message}");
    assert_eq!(planner.parts(), ["core", "details"]);
    planner.add_part(&bytes[1]).expect("the skills part loads");
    // With the skills but not their names: brief moves answer, a job's skills wait.
    let gas = committed()
        .occupations
        .iter()
        .find(|o| o.label == "gas service technician")
        .expect("in ESCO")
        .id
        .clone();
    let brief = TransitionOptionsDto {
        brief: true,
        only_green: true,
        ..TransitionOptionsDto::default()
    };
    let moves = planner
        .transitions(&gas, brief)
        .expect("brief moves need no names");
    assert!(moves
        .iter()
        .all(|m| m.matched.is_empty() && m.missing.is_empty()));
    assert!(moves.iter().any(|m| m.skill_counts.matched > 0));
    let missing = planner.occupation(&gas).unwrap_err();
    assert_eq!(
        (missing.kind(), missing.field()),
        ("partMissing", Some("skill-names"))
    );
    planner
        .add_part(&bytes[2])
        .expect("the skill-names part loads");
    planner.add_part(&bytes[4]).expect("the courses part loads");
    assert_eq!(
        planner.parts(),
        ["core", "skills", "skill-names", "details", "courses"]
    );
    // The same moves in full: the same order, the lists as long as their counts.
    let full = planner
        .transitions(
            &gas,
            TransitionOptionsDto {
                only_green: true,
                ..TransitionOptionsDto::default()
            },
        )
        .expect("full moves");
    assert_eq!(
        full.iter().map(|m| &m.id).collect::<Vec<_>>(),
        moves.iter().map(|m| &m.id).collect::<Vec<_>>()
    );
    for (m, b) in full.iter().zip(&moves) {
        assert_eq!(m.matched.len(), b.skill_counts.matched);
        assert_eq!(m.partial.len(), b.skill_counts.partial);
        assert_eq!(m.missing.len(), b.skill_counts.missing);
    }
}

#[cfg(feature = "builder")]
#[test]
fn rebuild_from_raw_data_is_byte_identical() {
    let raw = raw_dir();
    if !raw.is_dir() {
        println!("skipped: raw data not found at {}", raw.display());
        return;
    }
    let out = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("greenpath-rebuild-{}", std::process::id()));
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_build-data"))
        .arg("--raw")
        .arg(&raw)
        .arg("--out")
        .arg(&out)
        .output()
        .expect("build-data runs");
    assert!(
        output.status.success(),
        "build-data failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let names = parts::PartName::ALL
        .iter()
        .map(|part| format!("{}.gz", part.file_name()))
        .chain(["local.bin.gz".to_owned()]);
    for name in names {
        let rebuilt = std::fs::read(out.join(&name)).expect("build-data wrote every part");
        let committed =
            std::fs::read(committed_dir().join(&name)).expect("every part is committed");
        assert!(
            rebuilt == committed,
            "rebuilding {name} from {} gives {} bytes that differ from the committed {} bytes: \
             run `make data` and commit data/parts/",
            raw.display(),
            rebuilt.len(),
            committed.len()
        );
    }
    let _ = std::fs::remove_dir_all(&out);
}

#[cfg(not(feature = "builder"))]
#[test]
fn rebuild_from_raw_data_is_byte_identical() {
    println!(
        "skipped: the rebuild check needs `--features builder` (it runs the build-data binary)"
    );
}

#[test]
fn committed_dataset_has_the_facts_of_the_raw_data() {
    let data = committed();
    assert_eq!(data.meta.schema_version, greenpath::dataset::SCHEMA_VERSION);
    assert_eq!(data.meta.esco_version, "1.1.1");
    assert!(data
        .meta
        .attribution
        .starts_with("Contains ESCO classification data of the European Commission;"));
    assert_eq!(
        data.occupations.len(),
        3007,
        "ESCO v1.1.1 has 3,007 occupations"
    );
    assert_eq!(
        data.isco_groups.len(),
        619,
        "ESCO v1.1.1 has 619 ISCO groups"
    );

    let welder = data
        .occupations
        .iter()
        .find(|o| o.label == "welder")
        .expect("an occupation labelled \"welder\"");
    assert_eq!(welder.isco, "7212");
    assert!(!welder.essential.is_empty());

    // Every occupation's ISCO unit group is listed.
    for occupation in &data.occupations {
        assert!(
            data.isco_groups.iter().any(|g| g.code == occupation.isco),
            "occupation {} has unknown ISCO {}",
            occupation.id,
            occupation.isco
        );
    }

    // The data README says 67 occupation–skill relations point at occupations missing from
    // the list (and none at missing skills): all are dropped and counted.
    assert_eq!(data.meta.dropped_relations, 67);

    // The course catalogue: 83 curated routes of the shared list (30 of them apprenticeship
    // standards; one row naming no source is left out), the project's 7 own, and the other
    // 485 standards of the July 2021 IfATE file.
    assert_eq!(data.courses.len(), 575);

    let sources: Vec<&str> = data.meta.sources.iter().map(|s| s.path.as_str()).collect();
    let mut sorted = sources.clone();
    sorted.sort_unstable();
    assert_eq!(sources, sorted, "meta.sources is sorted by path");
    assert!(sources.contains(&"esco-v1.1.1/occupations_en.csv"));
    assert!(data
        .meta
        .sources
        .iter()
        .all(|s| s.sha256.len() == 64 && s.sha256.bytes().all(|b| b.is_ascii_hexdigit())));
}

#[test]
fn committed_dataset_indices_are_in_range() {
    let data = committed();
    let n_skills = data.skills.len();
    let n_groups = data.skill_groups.len();
    for occupation in &data.occupations {
        for list in [&occupation.essential, &occupation.optional] {
            assert!(
                list.windows(2).all(|w| w[0] < w[1]),
                "{} ascending",
                occupation.id
            );
            assert!(
                list.iter().all(|&s| (s as usize) < n_skills),
                "{}",
                occupation.id
            );
        }
        assert!(
            occupation
                .optional
                .iter()
                .all(|s| !occupation.essential.contains(s)),
            "{}: a skill is both essential and optional",
            occupation.id
        );
        assert!(occupation.job_zone.is_none_or(|z| (1..=5).contains(&z)));
    }
    for skill in &data.skills {
        assert!(
            skill.group.is_none_or(|g| (g as usize) < n_groups),
            "{}",
            skill.id
        );
        assert!(
            skill.broader.is_none_or(|b| (b as usize) < n_skills),
            "{}",
            skill.id
        );
    }
    for (i, group) in data.skill_groups.iter().enumerate() {
        assert!(
            group.parent.is_none_or(|p| (p as usize) < i),
            "{} after its parent",
            group.id
        );
    }
    for relation in &data.skill_relations {
        assert!((relation.0 as usize) < n_skills && (relation.1 as usize) < n_skills);
    }
    for course in &data.courses {
        assert!(
            course.teaches.windows(2).all(|w| w[0] < w[1]),
            "{}",
            course.id
        );
        assert!(course.teaches.iter().all(|&s| (s as usize) < n_skills));
        assert!(course
            .occupations
            .iter()
            .all(|l| (l.0 as usize) < data.occupations.len()));
        assert!(course
            .requires
            .iter()
            .all(|&r| (r as usize) < data.courses.len()));
    }
}

/// Counts, straight from the raw CSVs, the relations that point at an occupation or skill
/// missing from the lists, independently of the builder's code.
#[cfg(feature = "builder")]
#[test]
fn dropped_relations_match_the_raw_data() {
    use std::collections::HashSet;

    let raw = raw_dir();
    if !raw.is_dir() {
        println!("skipped: raw data not found at {}", raw.display());
        return;
    }
    let uris = |file: &str, column: &str| -> HashSet<String> {
        let mut reader = csv::Reader::from_path(raw.join(file)).expect(file);
        let index = reader
            .headers()
            .expect(file)
            .iter()
            .position(|h| h == column)
            .expect(column);
        reader
            .records()
            .map(|r| r.expect(file)[index].to_owned())
            .collect()
    };
    let occupations = uris("esco-v1.1.1/occupations_en.csv", "conceptUri");
    let skills = uris("esco-v1.1.1/skills_en.csv", "conceptUri");
    let mut reader =
        csv::Reader::from_path(raw.join("esco-v1.1.1/occupationSkillRelations.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let occupation_col = headers.iter().position(|h| h == "occupationUri").unwrap();
    let skill_col = headers.iter().position(|h| h == "skillUri").unwrap();
    let dropped = reader
        .records()
        .map(Result::unwrap)
        .filter(|r| !occupations.contains(&r[occupation_col]) || !skills.contains(&r[skill_col]))
        .count();
    assert!(dropped >= 67, "the data README promises at least 67");
    assert_eq!(committed().meta.dropped_relations as usize, dropped);
}

/// Every curated course row and every IfATE standard, read straight from the raw files, is in
/// the catalogue once: a curated row under its own id, a standard as `ifate-<larsCode>` or, when
/// a curated row is the same standard (its source is the standard's page), as that row.
#[cfg(feature = "builder")]
#[test]
fn courses_match_the_curated_list_and_the_ifate_standards() {
    use std::collections::HashMap;

    let raw = raw_dir();
    if !raw.is_dir() {
        println!("skipped: raw data not found at {}", raw.display());
        return;
    }
    let data = committed();
    let by_id: HashMap<&str, &greenpath::model::Course> =
        data.courses.iter().map(|c| (c.id.as_str(), c)).collect();
    assert_eq!(by_id.len(), data.courses.len(), "course ids are unique");

    let mut reader = csv::Reader::from_path(raw.join("curated/green_courses_uk.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (id_col, source_col) = (col("id"), col("source_url"));
    let mut curated_sources = HashMap::new();
    let mut rows = 0;
    let extra = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/curated/courses_extra.csv");
    let own = csv::Reader::from_path(extra).unwrap().into_records();
    for record in reader.records().chain(own).map(Result::unwrap) {
        if record[source_col].trim().is_empty() {
            // Every curated row must name its source; one that does not is left out.
            assert!(!by_id.contains_key(&record[id_col]), "{}", &record[id_col]);
            continue;
        }
        rows += 1;
        let course = by_id
            .get(&record[id_col])
            .unwrap_or_else(|| panic!("curated course {} is missing", &record[id_col]));
        curated_sources.insert(
            record[source_col].trim_end_matches('/').to_lowercase(),
            course.id.clone(),
        );
    }
    assert_eq!(rows, 90);

    let file: serde_json::Value = serde_json::from_slice(
        &std::fs::read(raw.join("ifate-standards-2021/standards.json")).unwrap(),
    )
    .unwrap();
    let standards = file["list"].as_array().unwrap();
    assert_eq!(standards.len(), 515);
    let mut merged = 0;
    for standard in standards {
        let lars = standard["larsCode"].as_u64().unwrap();
        let url = standard["standardPageUrl"].as_str().unwrap();
        let key = url.trim_end_matches('/').to_lowercase();
        let course = match curated_sources.get(&key) {
            Some(id) => {
                merged += 1;
                assert!(
                    !by_id.contains_key(format!("ifate-{lars}").as_str()),
                    "{id} and ifate-{lars} are the same standard"
                );
                by_id[id.as_str()]
            }
            None => by_id
                .get(format!("ifate-{lars}").as_str())
                .unwrap_or_else(|| panic!("standard {lars} is missing")),
        };
        assert_eq!(
            course.level,
            Some(standard["level"].as_u64().unwrap() as u8)
        );
        assert_eq!(
            course.max_funding,
            Some(standard["maxFunding"].as_u64().unwrap() as u32)
        );
        assert_eq!(course.source, url);
    }
    assert_eq!(merged, 30);
    assert_eq!(data.courses.len(), rows + standards.len() - merged);
}

/// Every row of the curated carbon-intensive list, read straight from the raw CSV, is on its
/// occupation with the same category and borderline flag, and no other occupation is.
#[cfg(feature = "builder")]
#[test]
fn carbon_intensive_occupations_match_the_curated_list() {
    let raw = raw_dir();
    if !raw.is_dir() {
        println!("skipped: raw data not found at {}", raw.display());
        return;
    }
    let data = committed();
    let mut reader =
        csv::Reader::from_path(raw.join("curated/carbon_intensive_occupations.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (uri_col, category_col) = (col("esco_uri"), col("category"));
    let mut rows = 0;
    for record in reader.records().map(Result::unwrap) {
        rows += 1;
        let id = record[uri_col].rsplit('/').next().unwrap();
        let occupation = data
            .occupations
            .iter()
            .find(|o| o.id == id)
            .unwrap_or_else(|| panic!("{} is not an ESCO occupation", &record[uri_col]));
        let carbon = occupation
            .carbon
            .as_ref()
            .expect("listed, so carbon-intensive");
        let category = &record[category_col];
        let (expected, borderline) = match category.strip_suffix("_borderline") {
            Some(core) => (core, true),
            None => (category, false),
        };
        assert_eq!(
            (carbon.category.as_str(), carbon.borderline),
            (expected, borderline),
            "{}",
            occupation.label
        );
    }
    let brown = data
        .occupations
        .iter()
        .filter(|o| o.carbon.is_some())
        .count();
    assert_eq!(brown, rows, "only listed occupations are carbon-intensive");
}

/// Each green economy category equals the GLA list's category of the SOC 2010 group its
/// `via` names, read straight from `ons/green_jobs.xlsx`.
#[cfg(feature = "builder")]
#[test]
fn green_economy_categories_match_the_gla_list() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    use greenpath::model::GreenEconomyCategory;
    use std::collections::HashMap;

    let raw = raw_dir();
    if !raw.is_dir() {
        println!("skipped: raw data not found at {}", raw.display());
        return;
    }
    let mut workbook: Xlsx<_> = open_workbook(raw.join("ons/green_jobs.xlsx")).unwrap();
    let range = workbook.worksheet_range("Sheet1").unwrap();
    let mut list = HashMap::new();
    for row in range.rows().skip(1) {
        let soc = match &row[1] {
            Data::Int(i) => i.to_string(),
            Data::Float(f) => format!("{f:.0}"),
            Data::String(s) => s.trim().to_owned(),
            other => panic!("unexpected SOC cell {other:?}"),
        };
        let category = match row[2].to_string().as_str() {
            "Green Increased Demand" => GreenEconomyCategory::IncreasedDemand,
            "Green Enhanced Skills" => GreenEconomyCategory::EnhancedSkills,
            "Green New and Emerging" => GreenEconomyCategory::NewAndEmerging,
            other => panic!("unexpected category {other:?}"),
        };
        list.insert(soc, category);
    }
    assert_eq!(list.len(), 100, "the GLA list has 100 SOC 2010 unit groups");
    let data = committed();
    let mut seen = 0;
    for occupation in &data.occupations {
        let Some(green) = &occupation.green_economy else {
            continue;
        };
        seen += 1;
        let soc = &green.via["SOC 2010 ".len().."SOC 2010 ".len() + 4];
        assert_eq!(
            list.get(soc),
            Some(&green.category),
            "{}: {}",
            occupation.label,
            green.via
        );
    }
    assert!(seen > 1000, "{seen} occupations with a category");
}
