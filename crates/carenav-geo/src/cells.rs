//! Great-circle distances and H3 cells of points and disks.

use std::collections::{HashSet, VecDeque};

use carenav_core::GeoPoint;
use h3o::{CellIndex, LatLng, Resolution};

use crate::GeoError;

/// Mean Earth radius (IUGG), in km, used by [`haversine_km`].
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// The resolution at which a location's point is indexed.
///
/// Resolution 7 cells average 5.16 km² (edge ≈ 1.4 km): a disk query of a
/// few km touches a few dozen cells, and a 50 km one about 1,600, while the
/// candidates fetched beyond the radius stay within one cell (≈ 2.5 km).
/// An index that also wants cheap large-radius queries should store
/// `cell(point, r)` at a coarser `r` too (say 5) and query at the resolution
/// [`disk_resolution`] picks. (Not the H3 parent of the res-7 cell: parents
/// do not nest geometrically, see [`lineage`].)
pub const POINT_RESOLUTION: u8 = 7;

/// How much larger than the disk's centre cell any cell reaching the disk
/// may be (H3 cells of one resolution vary smoothly in size, by about 2x
/// over the whole globe; a disk spans a few dozen cells at most).
const CELL_SIZE_MARGIN: f64 = 1.25;

/// Default cap on the number of cells [`cover_disk`] may return.
pub const DISK_CELL_LIMIT: u64 = 100_000;

/// Great-circle distance in km between two points (haversine formula on a
/// sphere of radius [`EARTH_RADIUS_KM`]).
///
/// ```
/// use carenav_core::GeoPoint;
/// let sf = GeoPoint { latitude: 37.7793, longitude: -122.4193 };
/// let rwc = GeoPoint { latitude: 37.4852, longitude: -122.2364 };
/// let d = carenav_geo::haversine_km(sf, rwc);
/// assert!((d - 36.4).abs() < 0.5, "{d}");
/// ```
pub fn haversine_km(a: GeoPoint, b: GeoPoint) -> f64 {
    DistanceFrom::new(a).km(b)
}

/// Great-circle distances from one point, its trigonometry computed once:
/// the same values as [`haversine_km`] (which is built on it) at a third
/// less work per distance.
///
/// ```
/// use carenav_core::GeoPoint;
/// use carenav_geo::{DistanceFrom, haversine_km};
/// let sf = GeoPoint::new(37.7749, -122.4194).unwrap();
/// let rwc = GeoPoint::new(37.4852, -122.2364).unwrap();
/// assert_eq!(DistanceFrom::new(sf).km(rwc), haversine_km(sf, rwc));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct DistanceFrom {
    point: GeoPoint,
    phi: f64,
    cos_phi: f64,
    /// |sin φ|, for [`DistanceFrom::km_at_least`].
    sin_phi_abs: f64,
}

impl DistanceFrom {
    /// Distances from `point`.
    pub fn new(point: GeoPoint) -> Self {
        let phi = point.latitude.to_radians();
        DistanceFrom {
            point,
            phi,
            cos_phi: phi.cos(),
            sin_phi_abs: phi.sin().abs(),
        }
    }

    /// Kilometres to `b`.
    pub fn km(&self, b: GeoPoint) -> f64 {
        let phi2 = b.latitude.to_radians();
        let dphi = phi2 - self.phi;
        let dlambda = (b.longitude - self.point.longitude).to_radians();
        let h =
            (dphi / 2.0).sin().powi(2) + self.cos_phi * phi2.cos() * (dlambda / 2.0).sin().powi(2);
        // Clamp: rounding can push h a hair above 1 for antipodal points.
        2.0 * EARTH_RADIUS_KM * h.clamp(0.0, 1.0).sqrt().asin()
    }

    /// A lower bound on [`DistanceFrom::km`] to `b` computed without
    /// trigonometry, within a percent of it below 50 km (outside the polar
    /// regions): a search can leave a point this bound puts out of reach
    /// without paying for the exact distance.
    ///
    /// ```
    /// use carenav_core::GeoPoint;
    /// use carenav_geo::DistanceFrom;
    /// let from = DistanceFrom::new(GeoPoint::new(37.7749, -122.4194).unwrap());
    /// let rwc = GeoPoint::new(37.4852, -122.2364).unwrap();
    /// let (low, exact) = (from.km_at_least(rwc), from.km(rwc));
    /// assert!(low <= exact && low > exact * 0.99, "{low} {exact}");
    /// ```
    pub fn km_at_least(&self, b: GeoPoint) -> f64 {
        use std::f64::consts::PI;
        // The haversine's h = sin²(Δφ/2) + cos φ1·cos φ2·sin²(Δλ/2), each
        // term bounded from below: sin x ≥ x − x³/6 for 0 ≤ x ≤ π/2,
        // cos φ2 = cos φ1·cos Δφ ∓ sin φ1·sin Δφ ≥ cos φ1·(1 − Δφ²/2) −
        // |sin φ1|·|Δφ|, asin y ≥ y.
        let at_least_sin = |x: f64| x - x * x * x / 6.0;
        let dphi = (b.latitude.to_radians() - self.phi).abs();
        let mut dlambda = (b.longitude - self.point.longitude).to_radians().abs();
        if dlambda > PI {
            dlambda = 2.0 * PI - dlambda;
        }
        let cos_phi2 =
            (self.cos_phi * (1.0 - dphi * dphi / 2.0) - self.sin_phi_abs * dphi).max(0.0);
        let lat = at_least_sin(dphi / 2.0);
        let lng = (self.cos_phi * cos_phi2).sqrt() * at_least_sin(dlambda / 2.0);
        // Less a hair, so that rounding never lifts it above `km` where
        // the two are all but equal (a few cm apart).
        2.0 * EARTH_RADIUS_KM * (lat * lat + lng * lng).min(1.0).sqrt() * (1.0 - 1e-12)
    }
}

pub(crate) fn latlng(point: GeoPoint) -> Result<LatLng, GeoError> {
    let invalid = GeoError::InvalidPoint {
        latitude: point.latitude,
        longitude: point.longitude,
    };
    // GeoPoint's fields are public, so re-check what GeoPoint::new checks.
    if GeoPoint::new(point.latitude, point.longitude).is_none() {
        return Err(invalid);
    }
    LatLng::new(point.latitude, point.longitude).map_err(|_| invalid)
}

pub(crate) fn resolution(res: u8) -> Result<Resolution, GeoError> {
    Resolution::try_from(res).map_err(|_| GeoError::InvalidResolution(res))
}

pub(crate) fn cell_index(cell: u64) -> Result<CellIndex, GeoError> {
    CellIndex::try_from(cell).map_err(|_| GeoError::InvalidCell(cell))
}

fn to_point(ll: LatLng) -> GeoPoint {
    GeoPoint {
        latitude: ll.lat(),
        longitude: ll.lng(),
    }
}

/// The H3 cell (as a `u64` index) holding `point` at resolution `res` (0..=15).
///
/// ```
/// use carenav_core::GeoPoint;
/// let p = GeoPoint { latitude: 37.4852, longitude: -122.2364 };
/// let cell = carenav_geo::cell(p, carenav_geo::POINT_RESOLUTION)?;
/// assert_eq!(carenav_geo::cell_resolution(cell)?, 7);
/// # Ok::<(), carenav_geo::GeoError>(())
/// ```
pub fn cell(point: GeoPoint, res: u8) -> Result<u64, GeoError> {
    Ok(u64::from(latlng(point)?.to_cell(resolution(res)?)))
}

/// The cell of `point` at resolution `res`, then its H3 parents down to
/// resolution 0; coarsest first (`res + 1` cells).
///
/// These are *logical* parents: H3 children do not nest exactly inside
/// their parent's shape, so the parent at resolution 5 of a point's res-7
/// cell may differ from `cell(point, 5)`. Use a lineage to look a point up
/// in a compacted set of cells built at resolution `res` (that is what
/// [`Covering::classify`](crate::Covering::classify) does); to index a point
/// at several resolutions, call [`cell`] for each.
pub fn lineage(point: GeoPoint, res: u8) -> Result<Vec<u64>, GeoError> {
    let finest = latlng(point)?.to_cell(resolution(res)?);
    Ok(Resolution::range(Resolution::Zero, finest.resolution())
        .filter_map(|r| finest.parent(r))
        .map(u64::from)
        .collect())
}

/// The resolution (0..=15) of a cell index.
pub fn cell_resolution(cell: u64) -> Result<u8, GeoError> {
    Ok(u8::from(cell_index(cell)?.resolution()))
}

/// The ancestor of `cell` at the coarser (or equal) resolution `res`.
pub fn parent(cell: u64, res: u8) -> Result<u64, GeoError> {
    let index = cell_index(cell)?;
    index
        .parent(resolution(res)?)
        .map(u64::from)
        .ok_or(GeoError::InvalidParent {
            cell,
            cell_resolution: u8::from(index.resolution()),
            resolution: res,
        })
}

/// The center point of a cell.
pub fn cell_center(cell: u64) -> Result<GeoPoint, GeoError> {
    Ok(to_point(LatLng::from(cell_index(cell)?)))
}

/// Estimated number of cells [`cover_disk`] returns at `res` (an upper-ish
/// estimate: the area of a cap one cell wider than the radius, divided by the
/// average cell area).
pub fn disk_cell_estimate(radius_km: f64, res: u8) -> Result<u64, GeoError> {
    check_radius(radius_km)?;
    let res = resolution(res)?;
    // A hexagon's circumradius equals its edge length; widen by two of them.
    let reach =
        (radius_km + 2.0 * res.edge_length_km()).min(std::f64::consts::PI * EARTH_RADIUS_KM);
    let cap = 2.0
        * std::f64::consts::PI
        * EARTH_RADIUS_KM.powi(2)
        * (1.0 - (reach / EARTH_RADIUS_KM).cos());
    let cells = (cap / res.area_km2()).ceil() + 1.0;
    // Saturating float-to-int cast; the value is finite and positive here.
    Ok(cells.min(res.cell_count() as f64) as u64)
}

/// The finest resolution `<= finest` whose disk of `radius_km` needs at most
/// `max_cells` cells (falls back to resolution 0).
///
/// An index storing each point at several resolutions calls this at query
/// time to pick which of them to query.
pub fn disk_resolution(radius_km: f64, finest: u8, max_cells: u64) -> Result<u8, GeoError> {
    resolution(finest)?;
    for res in (0..=finest).rev() {
        if disk_cell_estimate(radius_km, res)? <= max_cells {
            return Ok(res);
        }
    }
    Ok(0)
}

fn check_radius(radius_km: f64) -> Result<(), GeoError> {
    if radius_km.is_finite() && radius_km >= 0.0 {
        Ok(())
    } else {
        Err(GeoError::InvalidRadius(radius_km))
    }
}

/// Cells at resolution `res` that together hold every point within
/// `radius_km` of `center` (great-circle distance): the cell of any such
/// point is guaranteed to be in the result. Sorted, no duplicates.
///
/// Method: a breadth-first walk from the center's cell over neighbouring
/// cells, keeping a cell when `dist(center, cell center) - cell radius <=
/// radius_km`, where the cell radius is the farthest boundary vertex from the
/// cell's center (plus a 1 m / 0.01 % margin for rounding). By the triangle
/// inequality every cell holding a point of the disk passes, and those cells
/// form a connected set containing the center's cell, so the walk finds them
/// all. It works the same across the antimeridian, at the poles and around
/// H3's pentagons. A radius of 0 gives the center's cell (plus neighbours
/// when the center lies on an edge).
///
/// Refuses radii whose covering would exceed [`DISK_CELL_LIMIT`] cells (see
/// [`disk_resolution`]).
///
/// ```
/// use carenav_core::GeoPoint;
/// let center = GeoPoint { latitude: 37.4852, longitude: -122.2364 };
/// let cells = carenav_geo::cover_disk(center, 10.0, 7)?;
/// let near = GeoPoint { latitude: 37.53, longitude: -122.30 }; // ~7.5 km away
/// assert!(cells.binary_search(&carenav_geo::cell(near, 7)?).is_ok());
/// # Ok::<(), carenav_geo::GeoError>(())
/// ```
pub fn cover_disk(center: GeoPoint, radius_km: f64, res: u8) -> Result<Vec<u64>, GeoError> {
    cover_disk_limited(center, radius_km, res, DISK_CELL_LIMIT)
}

/// [`cover_disk`] with an explicit cap on the (estimated) number of cells.
pub fn cover_disk_limited(
    center: GeoPoint,
    radius_km: f64,
    res: u8,
    max_cells: u64,
) -> Result<Vec<u64>, GeoError> {
    let ll = latlng(center)?;
    check_radius(radius_km)?;
    let estimated = disk_cell_estimate(radius_km, res)?;
    if estimated > max_cells {
        return Err(GeoError::TooManyCells {
            resolution: res,
            estimated,
            limit: max_cells,
        });
    }
    let start = ll.to_cell(resolution(res)?);
    // A cell reaches the disk when its centre is within the radius plus the
    // cell's circumradius. Cells a disk apart differ little in size, so the
    // start cell's circumradius with a margin bounds them all, and a cell's
    // boundary (costly) is computed once rather than for every cell.
    let circumradius = |cell: CellIndex| {
        let cell_center = to_point(LatLng::from(cell));
        cell.boundary()
            .iter()
            .map(|v| haversine_km(cell_center, to_point(*v)))
            .fold(0.0_f64, f64::max)
    };
    let slack = circumradius(start) * CELL_SIZE_MARGIN + 0.001;
    let reaches =
        |cell: CellIndex| haversine_km(center, to_point(LatLng::from(cell))) - slack <= radius_km;
    let mut seen = HashSet::from([start]);
    let mut queue = VecDeque::from([start]);
    let mut out = Vec::new();
    while let Some(cell) = queue.pop_front() {
        if cell != start && !reaches(cell) {
            continue;
        }
        out.push(u64::from(cell));
        for next in cell.grid_disk::<Vec<_>>(1) {
            if seen.insert(next) {
                queue.push_back(next);
            }
        }
    }
    out.sort_unstable();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(latitude: f64, longitude: f64) -> GeoPoint {
        GeoPoint {
            latitude,
            longitude,
        }
    }

    #[test]
    fn the_cheap_lower_bound_is_below_and_near_the_distance() {
        let centres = [
            p(37.7749, -122.4194),
            p(-33.86, 151.2),
            p(64.8, -147.7),
            p(0.0, 179.9),
            p(89.9, 0.0),
            p(-89.9, 45.0),
        ];
        // Points around each centre at 1 cm to 170 degrees, every bearing.
        for c in centres {
            let from = DistanceFrom::new(c);
            for step in [1e-7, 0.001, 0.01, 0.1, 0.5, 2.0, 20.0, 90.0, 170.0] {
                for bearing in 0..16 {
                    let a = f64::from(bearing) * std::f64::consts::PI / 8.0;
                    let lat = (c.latitude + step * a.cos()).clamp(-90.0, 90.0);
                    let mut lng = c.longitude + step * a.sin();
                    if lng > 180.0 {
                        lng -= 360.0;
                    } else if lng < -180.0 {
                        lng += 360.0;
                    }
                    let b = p(lat, lng);
                    let (low, exact) = (from.km_at_least(b), from.km(b));
                    assert!(low <= exact, "{c:?} {b:?}: {low} > {exact}");
                    if step <= 0.5 && c.latitude.abs() < 65.0 {
                        assert!(low >= exact * 0.99, "{c:?} {b:?}: {low} < {exact}");
                    }
                }
            }
        }
    }

    #[test]
    fn haversine_known_distances() {
        // One degree of latitude is ~111.2 km.
        assert!((haversine_km(p(0.0, 0.0), p(1.0, 0.0)) - 111.195).abs() < 0.01);
        // Across the antimeridian.
        assert!((haversine_km(p(0.0, 179.5), p(0.0, -179.5)) - 111.195).abs() < 0.01);
        // Antipodes: half the circumference, no NaN.
        let half = std::f64::consts::PI * EARTH_RADIUS_KM;
        assert!((haversine_km(p(90.0, 0.0), p(-90.0, 0.0)) - half).abs() < 1e-6);
    }

    #[test]
    fn invalid_inputs_are_errors() {
        assert!(matches!(
            cell(p(f64::NAN, 0.0), 7),
            Err(GeoError::InvalidPoint { .. })
        ));
        assert!(matches!(
            cell(p(0.0, 0.0), 16),
            Err(GeoError::InvalidResolution(16))
        ));
        assert!(matches!(
            cover_disk(p(0.0, 0.0), -1.0, 7),
            Err(GeoError::InvalidRadius(_))
        ));
        assert!(matches!(
            cover_disk(p(0.0, 0.0), f64::INFINITY, 7),
            Err(GeoError::InvalidRadius(_))
        ));
        assert!(matches!(
            cover_disk(p(0.0, 0.0), 5000.0, 9),
            Err(GeoError::TooManyCells { .. })
        ));
        assert!(matches!(
            cell_resolution(42),
            Err(GeoError::InvalidCell(42))
        ));
        let c = cell(p(10.0, 10.0), 3).unwrap_or_default();
        assert!(matches!(parent(c, 5), Err(GeoError::InvalidParent { .. })));
    }

    #[test]
    fn lineage_and_parent_agree() -> Result<(), GeoError> {
        let point = p(41.8819, -87.6278);
        let cells = lineage(point, 7)?;
        assert_eq!(cells.len(), 8);
        let finest = cell(point, 7)?;
        for (res, c) in (0u8..).zip(&cells) {
            assert_eq!(parent(finest, res)?, *c);
            assert_eq!(cell_resolution(*c)?, res);
        }
        Ok(())
    }

    #[test]
    fn disk_resolution_picks_coarser_for_big_radii() -> Result<(), GeoError> {
        assert_eq!(disk_resolution(5.0, 7, 2_000)?, 7);
        assert!(disk_resolution(300.0, 7, 2_000)? < 6);
        let r = disk_resolution(50.0, 7, 2_000)?;
        assert!(cover_disk(p(37.0, -122.0), 50.0, r)?.len() <= 2_000);
        Ok(())
    }
}
