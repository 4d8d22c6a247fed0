//! # greenpath
//!
//! The optimisation core of greenpath, a zero-carbon jobs transition planner. It matches people
//! in carbon-intensive occupations to green jobs and to the retraining routes that get them
//! there. The same code runs natively (tests, benchmarks, the data builder) and in the browser
//! as WebAssembly (see the `Planner` class in the `wasm` module, built for `wasm32` only).
//!
//! ## A tour
//!
//! Load the default dataset (a validated [`Dataset`]), find an occupation by any name people
//! call it, then list the occupations whose skills are closest:
//!
//! ```
//! use greenpath::{Dataset, SearchIndex, similar_occupations};
//! # fn main() -> Result<(), greenpath::Error> {
//! let json = br#"{"meta":{"schemaVersion":3,"escoVersion":"1.1.1","attribution":"ESCO",
//!   "sources":[],"droppedRelations":0},
//!   "iscoGroups":[{"code":"7212","label":"Welders and flamecutters"}],
//!   "skillGroups":[],
//!   "skills":[{"id":"s1","label":"use welding equipment","kind":"skill","reuse":"sectorSpecific"},
//!             {"id":"s2","label":"read blueprints","kind":"skill","reuse":"crossSector"}],
//!   "skillRelations":[],
//!   "occupations":[
//!     {"id":"o1","label":"welder","altLabels":["weld operator"],"isco":"7212",
//!      "description":"Welders join metal.","essential":[0,1]},
//!     {"id":"o2","label":"brazier","isco":"7212","description":"Braziers join metal.",
//!      "essential":[0]}]}"#;
//! let data = Dataset::from_json(json)?;
//! let index = SearchIndex::new(&data);
//! let hits = index.search("weldr", 5);
//! assert_eq!(data.occupation(hits[0].item).label, "welder");
//!
//! let similar = similar_occupations(&data, hits[0].item, 10)?;
//! assert_eq!(data.occupation(similar[0].occupation).label, "brazier");
//! # Ok(())
//! # }
//! ```
//!
//! Bad input is an [`Error`] that names the field and the value, never a panic: a panic would
//! abort the WebAssembly instance and the page with it.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod api;
#[cfg(feature = "area")]
pub mod area_routes;
pub mod classification;
#[cfg(feature = "area")]
pub mod college;
#[cfg(feature = "area")]
pub mod council;
pub mod course_import;
pub mod course_rules;
pub mod credit;
pub mod dataset;
pub mod deadline;
pub mod error;
pub mod figures;
pub mod gap;
pub mod limits;
#[cfg(feature = "area")]
pub mod local;
pub mod model;
pub mod parts;
pub mod pathways;
pub mod plan;
#[cfg(feature = "area")]
pub mod portfolio;
pub mod search;
pub mod similarity;
pub mod spreadsheet;
pub mod text;
pub mod transitions;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use dataset::Dataset;
pub use error::Error;
pub use search::{SearchHit, SearchIndex};
pub use similarity::{similar_occupations, SimilarOccupation};
pub use transitions::{Transition, TransitionEngine, TransitionOptions};
