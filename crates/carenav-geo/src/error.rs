//! The one error type of this crate.

use thiserror::Error;

/// Why a geographic operation was refused.
///
/// Every variant carries plain values (no third-party types) so callers can
/// turn it into their own report (e.g. an HSDS `Issue` naming the record and
/// the `service_area.extent` field).
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum GeoError {
    /// A point with NaN, infinite or out-of-range coordinates.
    #[error("invalid point: latitude {latitude}, longitude {longitude}")]
    InvalidPoint {
        /// The latitude given.
        latitude: f64,
        /// The longitude given.
        longitude: f64,
    },
    /// A radius that is negative, NaN or infinite.
    #[error("invalid radius {0} km: expected a finite number >= 0")]
    InvalidRadius(f64),
    /// An H3 resolution outside 0..=15.
    #[error("invalid H3 resolution {0}: expected 0..=15")]
    InvalidResolution(u8),
    /// A u64 that is not a valid H3 cell index.
    #[error("invalid H3 cell index {0:#x}")]
    InvalidCell(u64),
    /// A parent resolution finer than the cell's own.
    #[error(
        "cell {cell:#x} has resolution {cell_resolution}, cannot take its parent at {resolution}"
    )]
    InvalidParent {
        /// The cell.
        cell: u64,
        /// Its resolution.
        cell_resolution: u8,
        /// The parent resolution asked for.
        resolution: u8,
    },
    /// A covering would hold more cells than the caller allowed; use a
    /// coarser resolution.
    #[error(
        "covering at resolution {resolution} needs about {estimated} cells, more than the limit of {limit}"
    )]
    TooManyCells {
        /// The resolution asked for.
        resolution: u8,
        /// Estimated number of cells.
        estimated: u64,
        /// The limit.
        limit: u64,
    },
    /// A GeoJSON extent that cannot be read; `path` points inside the JSON
    /// (`coordinates[0][3]`).
    #[error("bad GeoJSON at {path}: {message}")]
    GeoJson {
        /// Where in the document (`$` is the root).
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A polygon that H3 tiling refuses (e.g. a degenerate ring).
    #[error("cannot tile the area into H3 cells: {0}")]
    Tiling(String),
    /// The boundary data (embedded or given) is malformed.
    #[error("malformed boundary data at {path}: {message}")]
    Boundaries {
        /// Where in the TopoJSON document.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// An [`AreaRef`](crate::AreaRef) that the boundary set does not hold.
    #[error("unknown area {0}")]
    UnknownArea(String),
}
