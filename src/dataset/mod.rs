//! Decoding and validating a dataset.
//!
//! [`Dataset::from_json`] parses the stored form ([`DataFile`]) and checks every rule before
//! any other code sees the data, collecting every problem rather than stopping at the first, so
//! someone fixing a custom file sees the whole list at once.

mod validate;

pub use validate::SCHEMA_VERSION;

use std::collections::HashMap;

use crate::error::Error;
use crate::model::{
    Course, CourseId, DataFile, IscoGroup, Meta, Occupation, OccupationId, RecognisedRoute,
    RouteId, Skill, SkillGroup, SkillId, SkillRelation,
};

/// How many skills and courses the whole dataset has, when only some are loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extent {
    /// Skills in the whole dataset.
    pub skills: usize,
    /// Courses in the whole dataset.
    pub courses: usize,
    /// Whether the skills' ESCO ids and labels are loaded (they arrive after the skills
    /// themselves: moves need only the skills, their names come next).
    pub skill_names: bool,
}

impl Extent {
    /// The extent of a whole file: what it holds.
    pub fn of(file: &DataFile) -> Extent {
        Extent {
            skills: file.skills.len(),
            courses: file.courses.len(),
            skill_names: true,
        }
    }
}

/// A validated dataset with look-ups by ESCO id and ISCO code.
///
/// Every index inside is known to be in range, so the accessors taking an [`OccupationId`] or a
/// [`SkillId`] only panic when given an index that did not come from this dataset.
#[derive(Debug, Clone)]
pub struct Dataset {
    file: DataFile,
    occupation_by_id: HashMap<String, OccupationId>,
    skill_by_id: HashMap<String, SkillId>,
    course_by_id: HashMap<String, CourseId>,
    isco_by_code: HashMap<String, usize>,
    /// For each occupation, the recognised routes from it: (destination, route), ascending.
    routes_from: Vec<Vec<(OccupationId, RouteId)>>,
    /// The open routes (from any job): (destination, route), ascending.
    open_routes: Vec<(OccupationId, RouteId)>,
}

impl Dataset {
    /// Parses and validates a whole dataset from JSON (a custom dataset, or the builder's
    /// `--json` output).
    ///
    /// # Errors
    /// [`Error::Decode`] when the bytes are not JSON of the expected shape (the message gives
    /// line and column); [`Error::Invalid`] listing every broken rule otherwise.
    pub fn from_json(bytes: &[u8]) -> Result<Self, Error> {
        let file: DataFile = serde_json::from_slice(bytes).map_err(|e| Error::Decode {
            message: e.to_string(),
        })?;
        Self::from_data_file(file)
    }

    /// Validates an already decoded [`DataFile`].
    ///
    /// # Errors
    /// [`Error::Invalid`] listing every broken rule.
    pub fn from_data_file(file: DataFile) -> Result<Self, Error> {
        let extent = Extent::of(&file);
        Self::from_partial(file, extent)
    }

    /// Validates part of a dataset (see [`crate::parts`]): skill and course references may
    /// reach up to `extent`, the size of the whole, while the records themselves load later.
    /// Code that follows such a reference must only do so once its part is loaded.
    ///
    /// # Errors
    /// [`Error::Invalid`] listing every broken rule.
    pub fn from_partial(file: DataFile, extent: Extent) -> Result<Self, Error> {
        let problems = validate::problems(&file, extent);
        if !problems.is_empty() {
            return Err(Error::Invalid { problems });
        }
        let occupation_by_id = index_by(&file.occupations, |o| &o.id);
        let skill_by_id = if extent.skill_names {
            index_by(&file.skills, |s| &s.id)
        } else {
            HashMap::new()
        };
        let course_by_id = index_by(&file.courses, |c| &c.id);
        let isco_by_code = file
            .isco_groups
            .iter()
            .enumerate()
            .map(|(i, g)| (g.code.clone(), i))
            .collect();
        let mut routes_from = vec![Vec::new(); file.occupations.len()];
        for (r, route) in file.routes.iter().enumerate() {
            for &o in &route.origins {
                for &d in &route.destinations {
                    if let Some(list) = routes_from.get_mut(o as usize) {
                        list.push((d, r as RouteId));
                    }
                }
            }
        }
        let mut open_routes: Vec<(OccupationId, RouteId)> = Vec::new();
        for (r, route) in file.routes.iter().enumerate().filter(|(_, r)| r.open) {
            open_routes.extend(route.destinations.iter().map(|&d| (d, r as RouteId)));
        }
        for list in routes_from
            .iter_mut()
            .chain(std::iter::once(&mut open_routes))
        {
            // One route per move: the first listed wins, so results never depend on order.
            list.sort_unstable();
            list.dedup_by_key(|(d, _)| *d);
        }
        Ok(Dataset {
            file,
            occupation_by_id,
            skill_by_id,
            course_by_id,
            isco_by_code,
            routes_from,
            open_routes,
        })
    }

    /// The stored records (for assembling parts, see [`crate::parts`]).
    pub fn file(&self) -> &DataFile {
        &self.file
    }

    /// Provenance and counts.
    pub fn meta(&self) -> &Meta {
        &self.file.meta
    }

    /// All occupations; an [`OccupationId`] is an index into this slice.
    pub fn occupations(&self) -> &[Occupation] {
        &self.file.occupations
    }

    /// All skills; a [`SkillId`] is an index into this slice.
    pub fn skills(&self) -> &[Skill] {
        &self.file.skills
    }

    /// The ESCO skills hierarchy, parents before children.
    pub fn skill_groups(&self) -> &[SkillGroup] {
        &self.file.skill_groups
    }

    /// ESCO skill-to-skill relations.
    pub fn skill_relations(&self) -> &[SkillRelation] {
        &self.file.skill_relations
    }

    /// ISCO-08 groups at every level.
    pub fn isco_groups(&self) -> &[IscoGroup] {
        &self.file.isco_groups
    }

    /// The occupation at `id`.
    ///
    /// # Panics
    /// When `id` is not an index of this dataset (ids from [`Dataset::occupation_id`] and from
    /// this crate's results always are).
    // Typed ids are indices this dataset validated (the type's contract, as a slice's).
    #[allow(clippy::indexing_slicing)]
    pub fn occupation(&self, id: OccupationId) -> &Occupation {
        &self.file.occupations[id as usize]
    }

    /// A copy of this dataset whose course catalogue is `courses` (a college's or council's own
    /// list, see [`crate::course_import`]), added after the current courses when `add` is true,
    /// in their place otherwise. `requires` indices in `courses` count within `courses`. When
    /// the catalogue is replaced, a recognised route keeps the bridging courses the new list
    /// has (matched by course id) and loses the others.
    ///
    /// # Errors
    /// [`Error::Invalid`] when the combined catalogue breaks a rule (for example a course id
    /// that is already in the catalogue).
    pub fn with_courses(&self, mut courses: Vec<Course>, add: bool) -> Result<Dataset, Error> {
        let mut file = self.file.clone();
        if add {
            let offset = file.courses.len() as CourseId;
            for course in &mut courses {
                for r in &mut course.requires {
                    *r += offset;
                }
            }
            file.courses.extend(courses);
        } else {
            let ids: HashMap<&str, CourseId> = courses
                .iter()
                .enumerate()
                .map(|(i, c)| (c.id.as_str(), i as CourseId))
                .collect();
            for route in &mut file.routes {
                route.bridging = route
                    .bridging
                    .iter()
                    .filter_map(|&c| {
                        let course = file.courses.get(c as usize)?;
                        ids.get(course.id.as_str()).copied()
                    })
                    .collect();
            }
            file.courses = courses;
        }
        Self::from_data_file(file)
    }

    /// The occupation at `id`, or [`Error::UnknownOccupation`] naming `field` when `id` is not
    /// an index of this dataset (for ids that came from outside the crate).
    ///
    /// # Errors
    /// [`Error::UnknownOccupation`].
    pub fn checked_occupation(
        &self,
        id: OccupationId,
        field: &'static str,
    ) -> Result<&Occupation, Error> {
        self.file
            .occupations
            .get(id as usize)
            .ok_or_else(|| Error::UnknownOccupation {
                field,
                id: id.to_string(),
            })
    }

    /// The skill at `id`.
    ///
    /// # Panics
    /// When `id` is not an index of this dataset.
    #[allow(clippy::indexing_slicing)] // as `occupation`
    pub fn skill(&self, id: SkillId) -> &Skill {
        &self.file.skills[id as usize]
    }

    /// The occupation with this ESCO id (the UUID at the end of its concept URI).
    pub fn occupation_id(&self, esco_id: &str) -> Option<OccupationId> {
        self.occupation_by_id.get(esco_id).copied()
    }

    /// The skill with this ESCO id.
    pub fn skill_id(&self, esco_id: &str) -> Option<SkillId> {
        self.skill_by_id.get(esco_id).copied()
    }

    /// All courses; a [`CourseId`] is an index into this slice.
    pub fn courses(&self) -> &[Course] {
        &self.file.courses
    }

    /// The course at `id`.
    ///
    /// # Panics
    /// When `id` is not an index of this dataset (ids from [`Dataset::course_id`], from
    /// [`Course::requires`] and from this crate's results always are).
    #[allow(clippy::indexing_slicing)] // as `occupation`
    pub fn course(&self, id: CourseId) -> &Course {
        &self.file.courses[id as usize]
    }

    /// The course with this id (`"hp_l3_ashp_lcl"`, `"ifate-49"`).
    pub fn course_id(&self, id: &str) -> Option<CourseId> {
        self.course_by_id.get(id).copied()
    }

    /// The title of an ISCO-08 group, if the dataset has it.
    pub fn isco_label(&self, code: &str) -> Option<&str> {
        self.isco_by_code
            .get(code)
            .and_then(|&i| self.file.isco_groups.get(i))
            .map(|g| g.label.as_str())
    }

    /// The recognised routes; a [`RouteId`] is an index into this slice.
    pub fn routes(&self) -> &[RecognisedRoute] {
        &self.file.routes
    }

    /// The recognised route at `id`.
    ///
    /// # Panics
    /// When `id` is not an index of this dataset.
    #[allow(clippy::indexing_slicing)] // as `occupation`
    pub fn route(&self, id: RouteId) -> &RecognisedRoute {
        &self.file.routes[id as usize]
    }

    /// The recognised routes that name `origin`: (destination, route), by destination. Empty
    /// for an id outside the dataset. Open routes are not included (see
    /// [`Dataset::route_between`]).
    pub fn routes_from(&self, origin: OccupationId) -> &[(OccupationId, RouteId)] {
        self.routes_from
            .get(origin as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// The recognised route from `origin` to `destination`, if there is one: a route naming
    /// the origin first, else an open route (open to any job).
    pub fn route_between(
        &self,
        origin: OccupationId,
        destination: OccupationId,
    ) -> Option<RouteId> {
        let find = |list: &[(OccupationId, RouteId)]| {
            list.binary_search_by_key(&destination, |&(d, _)| d)
                .ok()
                .and_then(|i| list.get(i))
                .map(|&(_, route)| route)
        };
        if origin == destination {
            return None;
        }
        find(self.routes_from(origin)).or_else(|| find(&self.open_routes))
    }

    /// Number of occupation–skill relations (essential and optional).
    pub fn relation_count(&self) -> usize {
        self.file
            .occupations
            .iter()
            .map(|o| o.essential.len() + o.optional.len())
            .sum()
    }
}

fn index_by<T>(items: &[T], key: impl Fn(&T) -> &String) -> HashMap<String, u32> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| (key(item).clone(), i as u32))
        .collect()
}
