//! Geography for carenav: great-circle distances, H3 cells for points and
//! search disks, service-area polygons tiled into cells, and US state and
//! county boundaries resolved from the names directory data uses.
//!
//! The public API speaks [`carenav_core::GeoPoint`] and plain `u64` H3 cell
//! indexes; no `h3o` or `geo` type leaks out, so an index can store cells as
//! terms and the engine can change libraries without breaking callers.
//!
//! # How an index uses it
//!
//! * **Locations**: index [`cell`]`(point, `[`POINT_RESOLUTION`]`)` (res 7,
//!   ≈ 5 km² cells) — and, for cheap big-radius queries, `cell(point, 5)`
//!   too (see [`disk_resolution`]). At query time, [`cover_disk`] gives the cells to
//!   look up (every point within the radius has its cell in the set), then
//!   [`haversine_km`] checks the exact distance of each candidate.
//! * **Service areas**: [`cover_area`] (or [`Boundaries::cover`] for a named
//!   county/state) tiles an area into `inner` cells (compacted, fully inside)
//!   and `boundary` cells (at one resolution). Index their keys
//!   ([`Covering::inner_keys`], [`Covering::boundary_keys`]); at query time
//!   look up the client's [`area_keys`] (at most 36 terms): an inner hit is
//!   inside, a boundary hit needs the exact [`Area::contains`] /
//!   [`Boundaries::contains`], no hit is outside.
//! * **Named areas**: [`Boundaries::resolve`] turns "San Mateo County",
//!   "Miami-Dade County" (+ hint "FL"), "Statewide" (+ hint) or "Nationwide"
//!   into an [`AreaRef`]; a name it cannot resolve comes back as
//!   [`Resolution::Unresolved`] with a reason, to become a caveat, never an
//!   exclusion.
//!
//! # Example
//!
//! ```
//! use carenav_core::GeoPoint;
//! use carenav_geo::{Boundaries, Membership, Resolution, cover_disk, cell, haversine_km};
//!
//! // A 10 km search around Redwood City.
//! let client = GeoPoint { latitude: 37.4852, longitude: -122.2364 };
//! let cells = cover_disk(client, 10.0, carenav_geo::POINT_RESOLUTION)?;
//! let clinic = GeoPoint { latitude: 37.4419, longitude: -122.1430 }; // Palo Alto
//! assert!(cells.binary_search(&cell(clinic, carenav_geo::POINT_RESOLUTION)?).is_ok());
//! assert!(haversine_km(client, clinic) < 10.0);
//!
//! // A service area named in words.
//! let us = Boundaries::embedded()?;
//! let Resolution::Area(county) = us.resolve("San Mateo County, CA", None) else {
//!     panic!("San Mateo County resolves");
//! };
//! assert_eq!(us.label(county).as_deref(), Some("San Mateo County, CA"));
//! assert!(us.contains(county, client)?);
//!
//! // Its cells, and the client's place among them.
//! let covering = us.cover(county, None)?;
//! assert_ne!(covering.classify(client)?, Membership::Outside);
//!
//! // Unknown names are reasons, not errors.
//! assert!(matches!(us.resolve("Ward 6", Some("DC")), Resolution::Unresolved(_)));
//! # Ok::<(), carenav_geo::GeoError>(())
//! ```
//!
//! # Data
//!
//! The boundaries are the Census Bureau's 2017 cartographic boundary files
//! (public domain) at 1:10,000,000, as packaged by the `us-atlas` npm package
//! 3.0.1 (ISC) in `data/geo/counties-10m.json` (842 KB, embedded in the
//! binary). At that scale an edge may be off by a few hundred metres, so
//! a point within about 1 km of a county line should be treated as a caveat
//! by callers that care.

mod area;
mod boundaries;
mod cells;
mod error;
mod names;
mod topojson;

pub use area::{
    AREA_CELL_LIMIT, AREA_MAX_RESOLUTION, AREA_TARGET_CELLS, Area, Covering, Membership, area_key,
    area_keys, cover_area, validate_covering,
};
pub use boundaries::{AreaRef, Boundaries, County, Place, Resolution, State};
pub use cells::{
    DISK_CELL_LIMIT, DistanceFrom, EARTH_RADIUS_KM, POINT_RESOLUTION, cell, cell_center,
    cell_resolution, cover_disk, cover_disk_limited, disk_cell_estimate, disk_resolution,
    haversine_km, lineage, parent,
};
pub use error::GeoError;

/// Splits a list of area names as data writes them ("Broward County; Collier
/// County", or one per line) into trimmed, non-empty names. Commas are not
/// separators: "San Mateo County, CA" is one name.
pub fn split_area_names(text: &str) -> impl Iterator<Item = &str> {
    text.split([';', '\n', '|'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}
