//! carenav's search index: service-at-locations in tantivy, matched against
//! client profiles.
//!
//! One document per service-at-location carries its text (English
//! analyzer; Spanish too when it has Spanish in it), the need domains it
//! serves with their relevance, a term per (need, H3 cell or area it
//! serves), fast fields with its hard restrictions (a
//! [`ServiceDigest`](carenav_core::matching::ServiceDigest)), place and
//! freshness, and two stored JSON fields: the card a match
//! decides with, and the rest of the record. Documents are written in
//! chunks of neighbours, each ordered by place box, then need, so the
//! documents one search reads sit together.
//!
//! Matching a need runs two searches: the need's terms for the cells
//! covering the search disk and the areas of the client's place, then the
//! virtual services found anywhere, only in the relevance tiers that could
//! still make the list. The collector ranks each document from its fast
//! fields (and the BM25 of the need's note, for documents that could make
//! the list with it) and applies the pre-filter (status, age, gender,
//! income, populations, exact distance, service area) to those that can
//! make the list; the top candidates are then decided by
//! [`carenav_core::matching::assess`], the single definition of eligibility.
//!
//! ```
//! use carenav_core::{ClientProfile, Directory};
//! use carenav_index::{MatchOptions, ServiceIndex};
//!
//! let index = ServiceIndex::build_in_ram(&Directory::default())?;
//! let profile = ClientProfile::from_json(
//!     r#"{"location":{"latitude":37.48,"longitude":-122.23},
//!         "needs":[{"domain":"food-insecurity","urgency":"high"}]}"#,
//! ).unwrap();
//! let result = index.match_profile(&profile, &MatchOptions::default())?;
//! assert_eq!(result.needs.len(), 1);
//! # Ok::<(), carenav_index::IndexError>(())
//! ```

pub mod baseline;
mod digest;
mod document;
mod languages;
mod rank;
mod relevance;
mod schema;
mod search;
mod stem;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use carenav_core::matching::ScoringWeights;
use carenav_core::{Date, Directory, Service};
use carenav_geo::Boundaries;
use serde::{Deserialize, Serialize};
use tantivy::directory::MmapDirectory;
use tantivy::indexer::UserOperation;
use tantivy::{Index, IndexReader, IndexSettings, IndexWriter, Term};

use crate::document::{document, prepare_chunks};
use crate::rank::ColumnCache;
use crate::relevance::NeedKeywords;
pub use crate::schema::SCHEMA_VERSION;
use crate::schema::{Fields, build_schema, fields, register_analyzers};

/// Name of the file that stamps an index directory with carenav's schema version.
pub const STAMP_FILE: &str = "carenav-index.json";

/// Memory budget of the index writer, bytes.
const WRITER_MEMORY: usize = 200_000_000;

/// What can go wrong building, opening or querying an index.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IndexError {
    /// The path is not a carenav index (no stamp file).
    #[error("{path}: not a carenav index (no {STAMP_FILE})")]
    NotAnIndex {
        /// The directory.
        path: PathBuf,
    },
    /// The index was built by a different version of the schema.
    #[error(
        "{path}: index schema version {found}, this carenav reads version {expected}; rebuild it with `carenav index`"
    )]
    SchemaVersion {
        /// The directory.
        path: PathBuf,
        /// Version found in the stamp.
        found: u32,
        /// Version this build reads.
        expected: u32,
    },
    /// The target directory for a new index is not empty.
    #[error("{path}: directory is not empty; choose a new or empty directory")]
    NotEmpty {
        /// The directory.
        path: PathBuf,
    },
    /// Reading or writing the index's files failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A stored document could not be decoded (a corrupt index).
    #[error("corrupt stored document: {0}")]
    Payload(String),
    /// The profile cannot be matched (bad location, no needs...).
    #[error("invalid profile: {0}")]
    Profile(#[from] carenav_core::profile::ProfileError),
    /// The need table could not be read.
    #[error(transparent)]
    Needs(#[from] carenav_core::needs::NeedError),
    /// A geographic computation failed.
    #[error(transparent)]
    Geo(#[from] carenav_geo::GeoError),
    /// The search engine failed.
    #[error("search engine: {0}")]
    Engine(#[from] tantivy::TantivyError),
}

#[derive(Debug, Serialize, Deserialize)]
struct Stamp {
    schema_version: u32,
    carenav_version: String,
}

/// Options of a match.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchOptions {
    /// Referrals per need (at most [`MAX_LIMIT`]).
    pub limit: usize,
    /// Only services open at this local time (weekday and time of day).
    pub open_at: Option<(carenav_core::Weekday, carenav_core::TimeOfDay)>,
    /// The day freshness is judged against.
    pub today: Date,
    /// Ranking weights.
    pub weights: ScoringWeights,
    /// Also list the nearby candidates that were excluded, and why.
    pub explain_exclusions: bool,
}

impl Default for MatchOptions {
    fn default() -> Self {
        MatchOptions {
            limit: 5,
            open_at: None,
            today: today(),
            weights: ScoringWeights::default(),
            explain_exclusions: false,
        }
    }
}

/// Today's date (UTC) from the system clock; 1970-01-01 if the clock is
/// before the epoch.
pub fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    Date::from_days_since_epoch(days)
        .or_else(|| Date::from_days_since_epoch(0))
        .unwrap_or(Date::MIN)
}

/// An index of service-at-locations, on disk (memory-mapped) or in RAM.
pub struct ServiceIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    writer: Mutex<Option<IndexWriter>>,
    boundaries: &'static Boundaries,
    needs: NeedKeywords,
    columns: Arc<ColumnCache>,
}

impl std::fmt::Debug for ServiceIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServiceIndex")
            .field("documents", &self.len())
            .finish_non_exhaustive()
    }
}

fn settings() -> IndexSettings {
    // No index sorting: documents arrive in their order (chunks of
    // neighbours, `document::prepare_chunks`), so neither a segment nor a
    // merge reorders them, and a merge copies the compressed document
    // store instead of recompressing it.
    IndexSettings {
        // Small blocks: a match reads a dozen scattered documents, and each
        // read decompresses the whole block it is in.
        docstore_blocksize: 4096,
        docstore_compress_dedicated_thread: false,
        ..IndexSettings::default()
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> IndexError + '_ {
    move |source| IndexError::Io {
        path: path.to_owned(),
        source,
    }
}

impl ServiceIndex {
    fn from_index(index: Index) -> Result<Self, IndexError> {
        register_analyzers(index.tokenizers());
        let fields = fields(&index.schema())?;
        let reader = index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()?;
        let columns = Arc::<ColumnCache>::default();
        columns.refresh(&reader.searcher())?;
        Ok(ServiceIndex {
            index,
            reader,
            fields,
            writer: Mutex::new(None),
            boundaries: Boundaries::embedded()?,
            needs: NeedKeywords::load()?,
            columns,
        })
    }

    /// An empty index in RAM.
    pub fn create_in_ram() -> Result<Self, IndexError> {
        let index = Index::builder()
            .schema(build_schema())
            .settings(settings())
            .create_in_ram()?;
        Self::from_index(index)
    }

    /// An empty index in a new or empty directory.
    pub fn create_in_dir(path: &Path) -> Result<Self, IndexError> {
        std::fs::create_dir_all(path).map_err(io(path))?;
        if std::fs::read_dir(path).map_err(io(path))?.next().is_some() {
            return Err(IndexError::NotEmpty {
                path: path.to_owned(),
            });
        }
        let stamp = Stamp {
            schema_version: SCHEMA_VERSION,
            carenav_version: env!("CARGO_PKG_VERSION").to_owned(),
        };
        let stamp_path = path.join(STAMP_FILE);
        let json =
            serde_json::to_vec_pretty(&stamp).map_err(|e| IndexError::Payload(e.to_string()))?;
        std::fs::write(&stamp_path, json).map_err(io(&stamp_path))?;
        let index = Index::builder()
            .schema(build_schema())
            .settings(settings())
            .create_in_dir(path)?;
        Self::from_index(index)
    }

    /// Opens an index built by [`ServiceIndex::create_in_dir`], refusing one
    /// of another schema version.
    pub fn open(path: &Path) -> Result<Self, IndexError> {
        let stamp_path = path.join(STAMP_FILE);
        let bytes = match std::fs::read(&stamp_path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(IndexError::NotAnIndex {
                    path: path.to_owned(),
                });
            }
            Err(e) => return Err(io(&stamp_path)(e)),
        };
        let stamp: Stamp = serde_json::from_slice(&bytes).map_err(|_| IndexError::NotAnIndex {
            path: path.to_owned(),
        })?;
        if stamp.schema_version != SCHEMA_VERSION {
            return Err(IndexError::SchemaVersion {
                path: path.to_owned(),
                found: stamp.schema_version,
                expected: SCHEMA_VERSION,
            });
        }
        let dir = MmapDirectory::open(path).map_err(|e| IndexError::Io {
            path: path.to_owned(),
            source: std::io::Error::other(e.to_string()),
        })?;
        Self::from_index(Index::open(dir)?)
    }

    /// Builds an index of a whole directory in RAM.
    pub fn build_in_ram(directory: &Directory) -> Result<Self, IndexError> {
        let index = Self::create_in_ram()?;
        index.upsert(directory)?;
        index.merge_segments()?;
        Ok(index)
    }

    /// Builds an index of a whole directory on disk.
    pub fn build_in_dir(directory: &Directory, path: &Path) -> Result<Self, IndexError> {
        let index = Self::create_in_dir(path)?;
        index.upsert(directory)?;
        index.merge_segments()?;
        Ok(index)
    }

    /// Merges every segment into one: a query pays a fixed cost per
    /// segment (term lookups, column opens), so a built index is served
    /// from one. Later upserts add small segments the writer's merge policy
    /// folds in.
    pub fn merge_segments(&self) -> Result<(), IndexError> {
        let segments = self.index.searchable_segment_ids()?;
        if segments.len() > 1 {
            self.with_writer(|writer| {
                writer.merge(&segments).wait()?;
                writer.garbage_collect_files().wait()?;
                Ok(())
            })?;
            self.reload()?;
        }
        Ok(())
    }

    /// Makes the last commit searchable, with its segments' columns.
    fn reload(&self) -> Result<(), IndexError> {
        self.reader.reload()?;
        self.columns.refresh(&self.reader.searcher())?;
        Ok(())
    }

    /// Number of service-at-location documents searchable now.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Whether the index holds no documents.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn with_writer<T>(
        &self,
        work: impl FnOnce(&mut IndexWriter) -> Result<T, IndexError>,
    ) -> Result<T, IndexError> {
        let mut guard = self
            .writer
            .lock()
            .map_err(|_| IndexError::Payload("index writer lock poisoned".to_owned()))?;
        if guard.is_none() {
            *guard = Some(self.index.writer(WRITER_MEMORY)?);
        }
        match guard.as_mut() {
            Some(writer) => work(writer),
            None => Err(IndexError::Payload("no index writer".to_owned())),
        }
    }

    /// Adds or replaces every service of `directory` (matched by service
    /// id), commits, and makes the change searchable. Services absent from
    /// `directory` are left as they are.
    ///
    /// Returns the number of service-at-location documents written.
    pub fn upsert(&self, directory: &Directory) -> Result<usize, IndexError> {
        let written = self.with_writer(|writer| {
            for service in &directory.services {
                writer.delete_term(Term::from_field_text(self.fields.service_id, &service.id));
            }
            let shared = &*writer;
            let written = prepare_chunks(
                directory,
                self.boundaries,
                &self.needs,
                |facts, p| document(&self.fields, facts, p).map(UserOperation::Add),
                // One batch per chunk: its documents stay together, in one
                // segment, in the chunk's order, and the indexing threads
                // are woken once per chunk rather than per document.
                |_, chunk| Ok(shared.run(chunk).map(drop)?),
            )?;
            writer.commit()?;
            Ok(written)
        })?;
        self.reload()?;
        Ok(written)
    }

    /// Removes services by id, commits, and makes the change searchable.
    pub fn delete_services<'a>(
        &self,
        ids: impl IntoIterator<Item = &'a str>,
    ) -> Result<(), IndexError> {
        self.with_writer(|writer| {
            for id in ids {
                writer.delete_term(Term::from_field_text(self.fields.service_id, id));
            }
            writer.commit()?;
            Ok(())
        })?;
        self.reload()?;
        Ok(())
    }

    /// The records behind a set of referrals, each named by its service id
    /// and service-at-location id (their services, locations, links and
    /// organizations), rebuilt from the stored documents: what a care plan
    /// needs to print addresses, hours and documents, also when the index
    /// was opened from disk without its source directory. Links the index
    /// does not hold are left out.
    pub fn directory_for<'a>(
        &self,
        links: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Directory, IndexError> {
        let mut out = Directory::default();
        let mut seen_services = std::collections::HashSet::new();
        let mut seen_locations = std::collections::HashSet::new();
        let mut seen_orgs = std::collections::HashSet::new();
        for (service_id, link_id) in links {
            // Found by its service (ids of links are not indexed: a term
            // per document cost about 5% of a build), then its link.
            let payload =
                search::service_payload(self, service_id, |p| p.service_at_location.id == link_id)?;
            let Some(payload) = payload else {
                continue;
            };
            if seen_orgs.insert(payload.service.organization_id.clone()) {
                out.organizations.push(carenav_core::Organization {
                    id: payload.service.organization_id.clone(),
                    name: payload.organization_name.clone(),
                    ..carenav_core::Organization::default()
                });
            }
            if seen_locations.insert(payload.location.id.clone()) {
                out.locations.push(payload.location);
            }
            out.service_at_locations.push(payload.service_at_location);
            if seen_services.insert(payload.service.id.clone()) {
                out.services.push(payload.service);
            }
        }
        Ok(out)
    }

    /// A service in the index, by id (decoded from a stored document).
    pub fn service(&self, id: &str) -> Result<Option<Service>, IndexError> {
        Ok(search::service_payload(self, id, |_| true)?.map(|p| p.service))
    }
}

pub use search::{MAX_LIMIT, parse_open_at};
