//! Synthetic community resource directories and client profiles, for
//! carenav's benchmarks and its index-versus-baseline equivalence test.
//!
//! [`generate`] builds an HSDS-shaped [`Directory`] of any size from a seed:
//! organizations clustered around 42 US metro areas (real centre
//! coordinates, real county names) with a rural spread, services for every
//! need domain with names and descriptions in the domain's everyday words
//! and Open Eligibility taxonomy terms, structured eligibility (age, gender,
//! income, populations, residency; high and low confidence, some only as
//! text to verify), languages, weekly schedules, service areas (counties,
//! states, nationwide, GeoJSON polygons), statuses, freshness dates, and
//! virtual and unmapped locations. [`profiles`] builds client profiles with
//! 1 to 4 needs near the same metros.
//!
//! The same seed gives byte-identical output on every platform: the random
//! stream is a documented SplitMix64 ([`rng`]), the data tables are embedded,
//! and no platform maths function is used.
//!
//! ```
//! use carenav_synth::{SynthOptions, generate};
//! let dir = generate(&SynthOptions { services: 200, seed: 7, ..SynthOptions::default() })?;
//! assert_eq!(dir.services.len(), 200);
//! assert!(dir.service_at_locations.len() >= 200);
//! # Ok::<(), carenav_synth::SynthError>(())
//! ```

mod generate;
mod profiles;
pub mod rng;
mod shapes;
mod tables;

use std::io::Write;

use carenav_core::{Date, Directory};

pub use crate::profiles::profiles;
pub use crate::shapes::QueryShape;

/// What can go wrong generating.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum SynthError {
    /// An embedded data table is malformed (a build defect caught by tests).
    #[error("{file}: {message}")]
    Table {
        /// The data file.
        file: &'static str,
        /// What is wrong.
        message: String,
    },
    /// The need table could not be read.
    #[error(transparent)]
    Needs(#[from] carenav_core::needs::NeedError),
    /// The boundary set could not be read.
    #[error(transparent)]
    Geo(#[from] carenav_geo::GeoError),
}

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthOptions {
    /// Number of services (each at one or more locations: about 1.1
    /// service-at-locations per service).
    pub services: usize,
    /// The seed.
    pub seed: u64,
    /// The day freshness dates count back from (fixed by default, so output
    /// does not depend on the clock).
    pub today: Date,
}

/// The default reference day of [`SynthOptions::today`].
pub fn reference_day() -> Date {
    Date::new(2026, 1, 15).unwrap_or(Date::MIN)
}

impl Default for SynthOptions {
    fn default() -> Self {
        SynthOptions {
            services: 1_000,
            seed: 1,
            today: reference_day(),
        }
    }
}

/// Generates a directory in batches of whole organizations, so a large one
/// can be written without holding it all in memory.
pub struct Generator {
    state: generate::State,
}

impl std::fmt::Debug for Generator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Generator")
            .field("remaining", &self.state.remaining())
            .finish_non_exhaustive()
    }
}

impl Generator {
    /// A generator of `options.services` services.
    pub fn new(options: &SynthOptions) -> Result<Self, SynthError> {
        Ok(Generator {
            state: generate::State::new(options)?,
        })
    }

    /// The next organizations, about `max_services` services (whole
    /// organizations, so possibly a few more), with every taxonomy term;
    /// `None` when every service has been generated.
    pub fn next_batch(&mut self, max_services: usize) -> Option<Directory> {
        (self.state.remaining() > 0).then(|| self.state.batch(max_services))
    }
}

/// Generates a whole directory in memory.
pub fn generate(options: &SynthOptions) -> Result<Directory, SynthError> {
    let mut generator = Generator::new(options)?;
    let mut all = Directory::default();
    while let Some(batch) = generator.next_batch(10_000) {
        if all.taxonomy_terms.is_empty() {
            all.taxonomy_terms = batch.taxonomy_terms;
        }
        all.organizations.extend(batch.organizations);
        all.services.extend(batch.services);
        all.locations.extend(batch.locations);
        all.service_at_locations.extend(batch.service_at_locations);
    }
    Ok(all)
}

/// Output format of [`write_hsds`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A JSON array of HSDS services, as `carenav_hsds::write::write_json`.
    Json,
    /// One HSDS service per line, as `carenav_hsds::write::write_ndjson`.
    Ndjson,
}

/// How much [`write_hsds`] wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    /// Services.
    pub services: usize,
    /// Service-at-location links.
    pub service_at_locations: usize,
    /// Organizations.
    pub organizations: usize,
}

/// Generates a directory and writes it as HSDS 3.0, batch by batch: the
/// bytes are those `carenav_hsds::write::write_json` (or `write_ndjson`)
/// writes for the whole directory, without holding it in memory.
pub fn write_hsds<W: Write>(
    options: &SynthOptions,
    format: Format,
    mut out: W,
) -> Result<Written, WriteError> {
    let mut generator = Generator::new(options)?;
    let mut written = Written::default();
    let mut first = true;
    if format == Format::Json {
        out.write_all(b"[")?;
    }
    while let Some(batch) = generator.next_batch(20_000) {
        match format {
            Format::Ndjson => carenav_hsds::write::write_ndjson(&batch, &mut out)?,
            Format::Json => {
                for value in carenav_hsds::write::to_hsds_services(&batch) {
                    out.write_all(if first { b"\n" } else { b",\n" })?;
                    first = false;
                    serde_json::to_writer(&mut out, &value).map_err(std::io::Error::from)?;
                }
            }
        }
        written.services += batch.services.len();
        written.service_at_locations += batch.service_at_locations.len();
        written.organizations += batch.organizations.len();
    }
    if format == Format::Json {
        out.write_all(b"\n]\n")?;
    }
    out.flush()?;
    Ok(written)
}

/// Why [`write_hsds`] failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WriteError {
    /// Generating failed.
    #[error(transparent)]
    Synth(#[from] SynthError),
    /// Writing failed.
    #[error("writing the directory: {0}")]
    Io(#[from] std::io::Error),
}
