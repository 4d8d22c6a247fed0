//! Self-checks, the dataset's parts and their reproducible gzip files.

use std::collections::HashSet;
use std::fs;
use std::io::{Read, Write};
use std::path::Path;

use flate2::read::GzDecoder;
use flate2::{Compression, GzBuilder};
use greenpath::model::DataFile;
use greenpath::parts::PartName;

use crate::error::BuildError;

/// The largest gzipped core part the web pages should download before the first answer: the
/// issue's 900 KB for first use, less the wasm module (about 310 KB) and the page's own files.
pub const CORE_BUDGET_BYTES: usize = 560_000;

/// The dataset in parts, each encoded and gzipped, and as compact JSON (for inspection).
pub struct Encoded {
    /// Compact JSON of the whole dataset, in the parts' canonical order.
    pub json: Vec<u8>,
    /// Each part: its name, its bytes and those bytes gzipped.
    pub parts: Vec<EncodedPart>,
}

/// One part of [`Encoded`].
pub struct EncodedPart {
    /// Which part.
    pub name: PartName,
    /// The part file (`core.bin`).
    pub bin: Vec<u8>,
    /// The part file gzipped at the best level with a fixed header (`core.bin.gz`).
    pub gz: Vec<u8>,
}

/// Checks the rules every consumer relies on; lists every problem found.
pub fn validate(data: &DataFile) -> Result<(), BuildError> {
    let mut problems = Vec::new();
    let n_skills = data.skills.len();
    let n_groups = data.skill_groups.len();
    let isco: HashSet<&str> = data.isco_groups.iter().map(|g| g.code.as_str()).collect();

    fn strictly_ascending<T: PartialOrd>(keys: &[T]) -> bool {
        keys.windows(2).all(|w| w[0] < w[1])
    }
    let unique = |ids: Vec<&str>| ids.iter().collect::<HashSet<_>>().len() == ids.len();
    let occupation_keys: Vec<_> = data.occupations.iter().map(|o| (&o.isco, &o.id)).collect();
    if !strictly_ascending(&occupation_keys)
        || !unique(data.occupations.iter().map(|o| o.id.as_str()).collect())
    {
        problems.push("occupations are not sorted by ISCO code then unique id".to_owned());
    }
    let skill_keys: Vec<_> = data
        .skills
        .iter()
        .map(|s| (s.group.unwrap_or(u32::MAX), &s.id))
        .collect();
    if !strictly_ascending(&skill_keys)
        || !unique(data.skills.iter().map(|s| s.id.as_str()).collect())
    {
        problems.push("skills are not sorted by group then unique id".to_owned());
    }
    let codes: Vec<_> = data.isco_groups.iter().map(|g| &g.code).collect();
    if !strictly_ascending(&codes) {
        problems.push("ISCO groups are not sorted by unique code".to_owned());
    }
    let relation_keys: Vec<_> = data
        .skill_relations
        .iter()
        .map(|r| (r.0, r.1, r.2 == greenpath::model::RelationKind::Optional))
        .collect();
    if !strictly_ascending(&relation_keys) {
        problems.push("skill relations are not sorted and unique".to_owned());
    }
    let group_ids: HashSet<&str> = data.skill_groups.iter().map(|g| g.id.as_str()).collect();
    if group_ids.len() != n_groups {
        problems.push("skill group ids are not unique".to_owned());
    }
    for (i, group) in data.skill_groups.iter().enumerate() {
        if group.parent.is_some_and(|p| p as usize >= i) {
            problems.push(format!("skill group {} comes before its parent", group.id));
        }
    }
    for skill in &data.skills {
        if skill.group.is_some_and(|g| g as usize >= n_groups) {
            problems.push(format!("skill {}: group out of range", skill.id));
        }
        if skill.broader.is_some_and(|b| b as usize >= n_skills) {
            problems.push(format!("skill {}: broader out of range", skill.id));
        }
        if skill
            .broader
            .is_some_and(|b| data.skills[b as usize].id == skill.id)
        {
            problems.push(format!("skill {}: broader than itself", skill.id));
        }
    }
    let mut used = vec![false; n_skills];
    for occupation in &data.occupations {
        let id = &occupation.id;
        if !isco.contains(occupation.isco.as_str()) {
            problems.push(format!("occupation {id}: ISCO {} unknown", occupation.isco));
        }
        for (name, list) in [
            ("essential", &occupation.essential),
            ("optional", &occupation.optional),
        ] {
            if !list.windows(2).all(|w| w[0] < w[1]) {
                problems.push(format!("occupation {id}: {name} not ascending"));
            }
            for &s in list {
                match used.get_mut(s as usize) {
                    Some(flag) => *flag = true,
                    None => {
                        problems.push(format!("occupation {id}: {name} skill {s} out of range"))
                    }
                }
            }
        }
        if occupation
            .optional
            .iter()
            .any(|s| occupation.essential.binary_search(s).is_ok())
        {
            problems.push(format!(
                "occupation {id}: a skill is essential and optional"
            ));
        }
        if occupation.job_zone.is_some_and(|z| !(1..=5).contains(&z)) {
            problems.push(format!("occupation {id}: job zone outside 1–5"));
        }
    }
    if let Some(unused) = used.iter().position(|u| !u) {
        problems.push(format!(
            "skill {} is not used by any occupation",
            data.skills[unused].id
        ));
    }
    for relation in &data.skill_relations {
        if relation.0 as usize >= n_skills || relation.1 as usize >= n_skills {
            problems.push(format!("skill relation {relation:?} out of range"));
        }
        if relation.0 == relation.1 {
            problems.push(format!(
                "skill relation {relation:?} relates a skill to itself"
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(BuildError::Invalid(problems))
    }
}

/// Splits `data` into its parts (see [`greenpath::parts`]) and gzips each reproducibly (best
/// level, mtime 0, no file name, OS byte 255 "unknown"). Checks that the parts join back into
/// the same dataset, that the planner accepts them, and that each gzip decompresses to its part.
pub fn encode(data: &DataFile) -> Result<Encoded, BuildError> {
    let invalid = |message: String| BuildError::Invalid(vec![message]);
    let canonical = greenpath::parts::canonical(data.clone());
    let parts =
        greenpath::parts::split(data).map_err(|e| invalid(format!("splitting into parts: {e}")))?;
    let bins: Vec<&[u8]> = parts.iter().map(|(_, bin)| bin.as_slice()).collect();
    let back = greenpath::parts::join(&bins)
        .map_err(|e| invalid(format!("self-check: the parts do not join: {e}")))?;
    if back != canonical {
        return Err(invalid(
            "self-check: the parts join into a different dataset".to_owned(),
        ));
    }
    // The planner's own loaders must accept them too.
    greenpath::Dataset::from_data_file(back)
        .map_err(|e| invalid(format!("self-check: greenpath::Dataset rejects it: {e}")))?;
    greenpath::api::Planner::from_parts(&bins)
        .map_err(|e| invalid(format!("self-check: the planner rejects the parts: {e}")))?;
    let json = serde_json::to_vec(&canonical).map_err(|e| invalid(format!("serialising: {e}")))?;
    let parts = parts
        .into_iter()
        .map(|(name, bin)| {
            let gz = gzip(&bin)?;
            Ok(EncodedPart { name, bin, gz })
        })
        .collect::<Result<_, BuildError>>()?;
    Ok(Encoded { json, parts })
}

/// `bytes` gzipped reproducibly, checked to decompress back.
pub fn gzip(bytes: &[u8]) -> Result<Vec<u8>, BuildError> {
    let io = |source: std::io::Error| BuildError::Io {
        path: "<in-memory gzip>".into(),
        source,
    };
    let mut encoder = GzBuilder::new()
        .mtime(0)
        .operating_system(255)
        .write(Vec::new(), Compression::best());
    encoder.write_all(bytes).map_err(io)?;
    let gz = encoder.finish().map_err(io)?;
    let mut unzipped = Vec::with_capacity(bytes.len());
    GzDecoder::new(gz.as_slice())
        .read_to_end(&mut unzipped)
        .map_err(io)?;
    if unzipped != bytes {
        return Err(BuildError::Invalid(vec![
            "self-check: a gzip does not decompress to its part".to_owned(),
        ]));
    }
    Ok(gz)
}

/// Writes `bytes` to `path` through a temporary file in the same folder, so a failed run
/// never leaves a half-written dataset.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), BuildError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| BuildError::Io { path, source }
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(io(parent))?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = Path::new(&tmp);
    fs::write(tmp, bytes).map_err(io(tmp))?;
    fs::rename(tmp, path).map_err(io(path))
}
