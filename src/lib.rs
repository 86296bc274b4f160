//! carenav: a community resource directory and referral-matching engine.
//!
//! A case manager assesses a client's needs; carenav finds, for each need,
//! the local services the client can actually use, with the reasons they
//! matched and what to verify. This crate is the front door: it re-exports
//! the public API of the workspace crates and ships an embedded default
//! directory (San Mateo County, 2013-14: sample data, not for referring
//! people) so that everything works on a fresh machine.
//!
//! ```
//! use carenav::{ClientProfile, MatchOptions};
//!
//! let index = carenav::default_index()?;
//! let profile = ClientProfile::from_json(
//!     r#"{"location":{"latitude":37.4852,"longitude":-122.2364},"max_distance_km":10,
//!         "age":67,"needs":[{"domain":"food-insecurity","urgency":"high"}]}"#,
//! )?;
//! let result = index.match_profile(&profile, &MatchOptions::default())?;
//! assert!(!result.needs[0].referrals.is_empty());
//! assert!(result.needs[0].referrals.iter().all(|r| !r.reasons.is_empty()));
//! # Ok::<(), carenav::Error>(())
//! ```
//!
//! | crate | what it holds |
//! |---|---|
//! | [`core`] | the domain: directory, eligibility, needs, profiles, assessment, benefits, matching semantics (no IO) |
//! | [`hsds`] | HSDS 3.0 import, validation and export; legacy converters |
//! | [`geo`] | distances, H3 cells, US state and county boundaries |
//! | [`index`] | the tantivy index and the matcher |

use std::path::Path;

pub use carenav_core as core;
pub use carenav_geo as geo;
pub use carenav_hsds as hsds;
pub use carenav_index as index;

pub use carenav_core::matching::{MatchResult, NeedMatches, Referral, ScoringWeights};
pub use carenav_core::profile::{ClientProfile, Need, Urgency};
pub use carenav_core::{Directory, DirectoryCounts, Service, Situation};
pub use carenav_hsds::legacy::{Conversion, LegacyFormat};
pub use carenav_hsds::read::{Loaded, Mode};
pub use carenav_hsds::{Issue, IssueKind};
pub use carenav_index::{MatchOptions, ServiceIndex};

/// The embedded default directory: San Mateo County's 2013-14 directory,
/// converted from its Ohana export to HSDS 3.0 (see `data/default/README.md`).
const DEFAULT_DIRECTORY: &str = include_str!("../data/default/san-mateo-2014.hsds.json");

/// Name the embedded directory goes by in messages.
pub const DEFAULT_DIRECTORY_NAME: &str = "data/default/san-mateo-2014.hsds.json";

/// Anything the facade's conveniences can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An HSDS directory could not be loaded.
    #[error(transparent)]
    Load(#[from] carenav_hsds::error::LoadError),
    /// A legacy export could not be converted.
    #[error(transparent)]
    Convert(#[from] carenav_hsds::legacy::ConvertError),
    /// The index failed.
    #[error(transparent)]
    Index(#[from] carenav_index::IndexError),
    /// A profile is invalid.
    #[error(transparent)]
    Profile(#[from] carenav_core::profile::ProfileError),
}

/// The embedded default directory, loaded and validated.
pub fn default_directory() -> Result<Loaded, Error> {
    Ok(carenav_hsds::read::load_str(
        DEFAULT_DIRECTORY_NAME,
        DEFAULT_DIRECTORY,
        carenav_hsds::read::Format::Json,
        Mode::Lenient,
    )?)
}

/// An in-memory index of the embedded default directory.
pub fn default_index() -> Result<ServiceIndex, Error> {
    Ok(ServiceIndex::build_in_ram(&default_directory()?.directory)?)
}

/// Loads an HSDS 3.0 directory from a file or folder (any form the importer
/// takes), or the embedded default directory when `path` is `None`.
pub fn load_directory(path: Option<&Path>, mode: Mode) -> Result<Loaded, Error> {
    match path {
        Some(path) => Ok(carenav_hsds::read::load(path, mode)?),
        None => default_directory(),
    }
}

/// What [`open_index`] opened.
#[derive(Debug)]
pub struct Opened {
    /// The index to match against.
    pub index: ServiceIndex,
    /// Problems found loading the directory (empty for a prebuilt index).
    pub warnings: Vec<Issue>,
}

/// An index to match against: a prebuilt index folder (with its
/// [`carenav_index::STAMP_FILE`]), an HSDS directory indexed in RAM, or the
/// embedded default directory when `path` is `None`.
pub fn open_index(path: Option<&Path>) -> Result<Opened, Error> {
    if let Some(path) = path.filter(|p| p.join(carenav_index::STAMP_FILE).is_file()) {
        return Ok(Opened {
            index: ServiceIndex::open(path)?,
            warnings: Vec::new(),
        });
    }
    let loaded = load_directory(path, Mode::Lenient)?;
    Ok(Opened {
        index: ServiceIndex::build_in_ram(&loaded.directory)?,
        warnings: loaded.warnings,
    })
}
