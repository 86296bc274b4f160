//! Service-area polygons: GeoJSON parsing, exact containment and H3 coverings.

use carenav_core::GeoPoint;
use geo::{
    BoundingRect, ChamberlainDuquetteArea, Coord, Intersects, LineString, MultiPolygon, Point,
    Polygon, Rect,
};
use h3o::CellIndex;
use h3o::geom::{ContainmentMode, TilerBuilder};
use serde_json::Value;

use crate::GeoError;
use crate::cells::{cell_index, latlng, resolution};

/// Finest resolution [`Area::suggested_resolution`] proposes (res 7 cells
/// average 5.16 km², so a county's boundary ring has a few hundred cells).
pub const AREA_MAX_RESOLUTION: u8 = 7;

/// How many cells (before compaction) [`Area::suggested_resolution`] aims at:
/// a county gets resolution 7, a large state resolution 5 or 6.
pub const AREA_TARGET_CELLS: f64 = 20_000.0;

/// Refuse to tile when h3o's estimate of the covering exceeds this many cells.
pub const AREA_CELL_LIMIT: usize = 500_000;

/// A service area: one or more polygons (with holes) in WGS84 degrees.
///
/// Built from a GeoJSON `extent` ([`Area::from_geojson`]) or taken from the
/// embedded US boundaries ([`Boundaries::area`](crate::Boundaries::area)).
/// Rings must not cross the antimeridian (RFC 7946 §3.1.9 asks writers to
/// split such polygons); a ring that does is refused, not misread.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    shape: MultiPolygon<f64>,
    bbox: Option<Rect<f64>>,
}

/// Where a point falls relative to a [`Covering`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Membership {
    /// In a cell fully inside the area: the point is inside, no exact check needed.
    Inside,
    /// In a cell crossing the area's edge: check [`Area::contains`].
    Boundary,
    /// In no cell of the covering: the point is outside the area.
    Outside,
}

/// An area tiled into H3 cells (see [`cover_area`]).
///
/// `inner` is compacted: it mixes resolutions from 0 to `resolution` (a
/// parent replaces its seven children when all are inside), which keeps a
/// state down to a few thousand cells. `boundary` cells are all at
/// `resolution`. Both lists are sorted and disjoint. To test a point, look
/// up its [`lineage`](crate::lineage) up to `resolution`: a hit in `inner`
/// means inside, a hit in `boundary` means "check exactly", no hit means
/// outside ([`Covering::classify`] does exactly that).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Covering {
    /// Resolution of the boundary cells and finest resolution of the inner cells.
    pub resolution: u8,
    /// Cells fully inside the area (compacted, mixed resolutions).
    pub inner: Vec<u64>,
    /// Cells that cross the area's edge, at `resolution`.
    pub boundary: Vec<u64>,
}

impl Covering {
    /// Where `point` falls relative to this covering.
    pub fn classify(&self, point: GeoPoint) -> Result<Membership, GeoError> {
        let lineage = crate::cells::lineage(point, self.resolution)?;
        if lineage.iter().any(|c| self.inner.binary_search(c).is_ok()) {
            Ok(Membership::Inside)
        } else if lineage
            .iter()
            .any(|c| self.boundary.binary_search(c).is_ok())
        {
            Ok(Membership::Boundary)
        } else {
            Ok(Membership::Outside)
        }
    }

    /// The `inner` cells as index keys (see [`area_key`]).
    pub fn inner_keys(&self) -> Vec<u64> {
        self.inner
            .iter()
            .map(|&c| area_key(c, self.resolution))
            .collect()
    }

    /// The `boundary` cells as index keys (see [`area_key`]).
    pub fn boundary_keys(&self) -> Vec<u64> {
        self.boundary
            .iter()
            .map(|&c| area_key(c, self.resolution))
            .collect()
    }

    /// Number of cells (inner + boundary).
    pub fn len(&self) -> usize {
        self.inner.len() + self.boundary.len()
    }

    /// True when the covering has no cells.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// An index key for a cell of a covering built at `covering_resolution`.
///
/// Coverings of different areas may use different resolutions (a county at
/// 7, a state at 6), and a compacted cell means "all my descendants at the
/// covering's resolution", so a point must be looked up with the lineage of
/// its cell *at that resolution* (H3 parents do not nest geometrically). The
/// key therefore carries the covering's resolution, in bits an H3 cell index
/// leaves at zero (bit 63 and bits 56-58), and [`area_keys`] yields a
/// point's keys for every covering resolution. Keys are opaque `u64`s, not
/// valid cell indexes.
pub fn area_key(cell: u64, covering_resolution: u8) -> u64 {
    let r = u64::from(covering_resolution & 0xf);
    cell | ((r & 0x7) << 56) | ((r >> 3) << 63)
}

/// The keys under which coverings (of any resolution up to `max_resolution`,
/// usually [`AREA_MAX_RESOLUTION`]) may hold `point`: for each covering
/// resolution `R`, the lineage of the point's res-`R` cell. At most 36 keys
/// for `max_resolution` 7. A point is inside an area when one of these keys
/// is among the area's [`Covering::inner_keys`]; when only a boundary key
/// matches, check [`Area::contains`].
pub fn area_keys(point: GeoPoint, max_resolution: u8) -> Result<Vec<u64>, GeoError> {
    resolution(max_resolution)?;
    let mut keys = Vec::new();
    for r in 0..=max_resolution {
        keys.extend(
            crate::cells::lineage(point, r)?
                .into_iter()
                .map(|c| area_key(c, r)),
        );
    }
    Ok(keys)
}

impl Area {
    pub(crate) fn new(shape: MultiPolygon<f64>) -> Self {
        let bbox = shape.bounding_rect();
        Area { shape, bbox }
    }

    /// Parses a GeoJSON `Polygon` or `MultiPolygon` (the HSDS
    /// `service_area.extent` with `extent_type` "geojson"). A `Feature`,
    /// `FeatureCollection` or `GeometryCollection` of polygons is accepted
    /// too and merged. Unclosed rings are closed; positions may carry a third
    /// (altitude) value, which is ignored.
    ///
    /// ```
    /// let area = carenav_geo::Area::from_geojson(
    ///     r#"{"type":"Polygon","coordinates":[[[-122.3,37.4],[-122.1,37.4],[-122.1,37.6],[-122.3,37.6],[-122.3,37.4]]]}"#,
    /// )?;
    /// let rwc = carenav_core::GeoPoint { latitude: 37.4852, longitude: -122.2364 };
    /// assert!(area.contains(rwc));
    /// # Ok::<(), carenav_geo::GeoError>(())
    /// ```
    pub fn from_geojson(text: &str) -> Result<Area, GeoError> {
        let value: Value = serde_json::from_str(text).map_err(|e| GeoError::GeoJson {
            path: "$".into(),
            message: format!("not JSON: {e}"),
        })?;
        let mut polygons = Vec::new();
        collect_polygons(&value, "$", &mut polygons)?;
        if polygons.is_empty() {
            return Err(bad("$", "no polygon in the document".into()));
        }
        Ok(Area::new(MultiPolygon::new(polygons)))
    }

    /// Writes the area as a GeoJSON `MultiPolygon` (for an HSDS extent).
    pub fn to_geojson(&self) -> String {
        let rings =
            |ls: &LineString<f64>| -> Vec<[f64; 2]> { ls.0.iter().map(|c| [c.x, c.y]).collect() };
        let coords: Vec<Vec<Vec<[f64; 2]>>> = self
            .shape
            .0
            .iter()
            .map(|p| {
                std::iter::once(p.exterior())
                    .chain(p.interiors())
                    .map(rings)
                    .collect()
            })
            .collect();
        serde_json::json!({"type": "MultiPolygon", "coordinates": coords}).to_string()
    }

    /// Exact point-in-polygon test (planar in longitude/latitude, as GeoJSON
    /// means it). A point on the edge counts as inside. An invalid point
    /// (NaN, out of range) is never inside.
    pub fn contains(&self, point: GeoPoint) -> bool {
        if latlng(point).is_err() {
            return false;
        }
        let c = Coord {
            x: point.longitude,
            y: point.latitude,
        };
        match self.bbox {
            Some(b) if b.intersects(&c) => self.shape.intersects(&Point::from(c)),
            _ => false,
        }
    }

    /// Bounding box as `[min_lon, min_lat, max_lon, max_lat]`.
    pub fn bbox(&self) -> Option<[f64; 4]> {
        self.bbox
            .map(|b| [b.min().x, b.min().y, b.max().x, b.max().y])
    }

    /// Approximate area on the sphere in km².
    pub fn area_km2(&self) -> f64 {
        self.shape.chamberlain_duquette_unsigned_area() / 1e6
    }

    /// Number of polygons.
    pub fn polygon_count(&self) -> usize {
        self.shape.0.len()
    }

    /// The finest resolution up to [`AREA_MAX_RESOLUTION`] at which the area
    /// holds at most about [`AREA_TARGET_CELLS`] cells: 7 for a county, 6 for
    /// California (≈ 11,000 cells before compaction), 5 for Alaska.
    pub fn suggested_resolution(&self) -> u8 {
        let km2 = self.area_km2();
        (0..=AREA_MAX_RESOLUTION)
            .rev()
            .find(|&res| {
                resolution(res)
                    .map(|r| km2 / r.area_km2() <= AREA_TARGET_CELLS)
                    .unwrap_or(false)
            })
            .unwrap_or(0)
    }
}

/// Tiles `area` into H3 cells at resolution `res`: `inner` cells lie fully
/// inside (compacted), `boundary` cells cross the edge. Every point inside
/// the area falls in one of the cells.
///
/// Cell/polygon tests are planar in degrees (as h3o does); over a res-7 cell
/// edge (1.4 km) that differs from the true great-circle edge by centimetres,
/// far below the precision of the boundary data. Refuses work above
/// [`AREA_CELL_LIMIT`] cells; pick `res` with [`Area::suggested_resolution`].
pub fn cover_area(area: &Area, res: u8) -> Result<Covering, GeoError> {
    let h3_res = resolution(res)?;
    // Antimeridian-crossing rings are refused at parse time, so the
    // heuristic (which would misread a ring spanning > 180°) stays off.
    let mut tiler = TilerBuilder::new(h3_res)
        .containment_mode(ContainmentMode::Covers)
        .disable_transmeridian_heuristic()
        .build();
    for polygon in &area.shape.0 {
        tiler
            .add(polygon.clone())
            .map_err(|e| GeoError::Tiling(e.to_string()))?;
    }
    let estimated = tiler.coverage_size_hint();
    if estimated > AREA_CELL_LIMIT {
        return Err(GeoError::TooManyCells {
            resolution: res,
            estimated: estimated as u64,
            limit: AREA_CELL_LIMIT as u64,
        });
    }
    let mut inner = Vec::new();
    let mut boundary = Vec::new();
    for cell in tiler.into_annotated_coverage() {
        if cell.is_fully_contained {
            inner.push(cell.cell);
        } else {
            boundary.push(cell.cell);
        }
    }
    inner.sort_unstable();
    inner.dedup();
    boundary.sort_unstable();
    boundary.dedup();
    boundary.retain(|c| inner.binary_search(c).is_err());
    CellIndex::compact(&mut inner).map_err(|e| GeoError::Tiling(e.to_string()))?;
    let mut inner: Vec<u64> = inner.into_iter().map(u64::from).collect();
    inner.sort_unstable();
    Ok(Covering {
        resolution: res,
        inner,
        boundary: boundary.into_iter().map(u64::from).collect(),
    })
}

/// Checks a covering's cells are valid indexes (for coverings read back from
/// an index or a file).
pub fn validate_covering(covering: &Covering) -> Result<(), GeoError> {
    for &c in covering.inner.iter().chain(&covering.boundary) {
        cell_index(c)?;
    }
    Ok(())
}

fn bad(path: &str, message: String) -> GeoError {
    GeoError::GeoJson {
        path: path.to_string(),
        message,
    }
}

fn collect_polygons(
    value: &Value,
    path: &str,
    out: &mut Vec<Polygon<f64>>,
) -> Result<(), GeoError> {
    let kind = value
        .get("type")
        .and_then(Value::as_str)
        .ok_or_else(|| bad(path, "missing \"type\"".into()))?;
    let field = |name: &str| {
        value
            .get(name)
            .ok_or_else(|| bad(path, format!("{kind} without \"{name}\"")))
    };
    match kind {
        "Polygon" => out.push(polygon(
            field("coordinates")?,
            &format!("{path}.coordinates"),
        )?),
        "MultiPolygon" => {
            let path = format!("{path}.coordinates");
            for (i, p) in array(field("coordinates")?, &path)?.iter().enumerate() {
                out.push(polygon(p, &format!("{path}[{i}]"))?);
            }
        }
        "Feature" => collect_polygons(field("geometry")?, &format!("{path}.geometry"), out)?,
        "FeatureCollection" | "GeometryCollection" => {
            let name = if kind == "FeatureCollection" {
                "features"
            } else {
                "geometries"
            };
            let path = format!("{path}.{name}");
            for (i, v) in array(field(name)?, &path)?.iter().enumerate() {
                collect_polygons(v, &format!("{path}[{i}]"), out)?;
            }
        }
        other => {
            return Err(bad(
                path,
                format!("a service area must be a Polygon or MultiPolygon, found {other}"),
            ));
        }
    }
    Ok(())
}

fn array<'a>(value: &'a Value, path: &str) -> Result<&'a Vec<Value>, GeoError> {
    value
        .as_array()
        .ok_or_else(|| bad(path, "expected an array".into()))
}

fn polygon(value: &Value, path: &str) -> Result<Polygon<f64>, GeoError> {
    let rings = array(value, path)?
        .iter()
        .enumerate()
        .map(|(i, r)| ring(r, &format!("{path}[{i}]")))
        .collect::<Result<Vec<_>, _>>()?;
    let mut rings = rings.into_iter();
    let exterior = rings
        .next()
        .ok_or_else(|| bad(path, "polygon without rings".into()))?;
    Ok(Polygon::new(exterior, rings.collect()))
}

fn ring(value: &Value, path: &str) -> Result<LineString<f64>, GeoError> {
    let mut coords = Vec::new();
    for (i, pos) in array(value, path)?.iter().enumerate() {
        let here = format!("{path}[{i}]");
        let nums = array(pos, &here)?;
        let (Some(x), Some(y)) = (
            nums.first().and_then(Value::as_f64),
            nums.get(1).and_then(Value::as_f64),
        ) else {
            return Err(bad(
                &here,
                "a position needs two numbers [longitude, latitude]".into(),
            ));
        };
        if !(-180.0..=180.0).contains(&x) || !(-90.0..=90.0).contains(&y) {
            return Err(bad(
                &here,
                format!("position [{x}, {y}] is out of range (longitude first)"),
            ));
        }
        if let Some(prev) = coords.last().map(|c: &Coord<f64>| c.x)
            && (x - prev).abs() > 180.0
        {
            return Err(bad(
                &here,
                "ring crosses the antimeridian; split it there (RFC 7946 3.1.9)".into(),
            ));
        }
        coords.push(Coord { x, y });
    }
    if coords.first() != coords.last()
        && let Some(&first) = coords.first()
    {
        coords.push(first);
    }
    let mut distinct = coords.clone();
    distinct.dedup();
    if distinct.len() < 4 {
        return Err(bad(
            path,
            "a ring needs at least three distinct positions".into(),
        ));
    }
    Ok(LineString::new(coords))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: &str = r#"{"type":"Polygon","coordinates":[[[-122.3,37.4],[-122.1,37.4],[-122.1,37.6],[-122.3,37.6],[-122.3,37.4]],
        [[-122.25,37.45],[-122.15,37.45],[-122.15,37.55],[-122.25,37.55],[-122.25,37.45]]]}"#;

    fn p(latitude: f64, longitude: f64) -> GeoPoint {
        GeoPoint {
            latitude,
            longitude,
        }
    }

    #[test]
    fn polygon_with_hole() -> Result<(), GeoError> {
        let area = Area::from_geojson(SQUARE)?;
        assert!(area.contains(p(37.42, -122.28)));
        assert!(!area.contains(p(37.5, -122.2)), "in the hole");
        assert!(!area.contains(p(37.7, -122.2)));
        assert!(!area.contains(p(f64::NAN, -122.2)));
        let cov = cover_area(&area, 7)?;
        assert_eq!(cov.classify(p(37.5, -122.2))?, Membership::Outside);
        assert_eq!(cov.classify(p(37.7, -122.2))?, Membership::Outside);
        assert_ne!(cov.classify(p(37.42, -122.28))?, Membership::Outside);
        // Round trip.
        assert_eq!(Area::from_geojson(&area.to_geojson())?, area);
        Ok(())
    }

    #[test]
    fn geojson_errors_name_the_place() {
        let cases = [
            ("not json", "$"),
            (r#"{"type":"Point","coordinates":[0,0]}"#, "$"),
            (r#"{"type":"Polygon"}"#, "$"),
            (
                r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}"#,
                "$.coordinates[0]",
            ),
            (
                r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,"x"]]]}"#,
                "$.coordinates[0][3]",
            ),
            (
                r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,91],[0,0]]]}"#,
                "$.coordinates[0][2]",
            ),
            (
                r#"{"type":"MultiPolygon","coordinates":[[[[179,0],[-179,0],[-179,1],[179,0]]]]}"#,
                "$.coordinates[0][0][1]",
            ),
            (
                r#"{"type":"FeatureCollection","features":[{"type":"Feature"}]}"#,
                "$.features[0]",
            ),
        ];
        for (text, want) in cases {
            match Area::from_geojson(text) {
                Err(GeoError::GeoJson { path, .. }) => assert_eq!(path, want, "{text}"),
                other => panic!("{text}: expected a GeoJSON error, got {other:?}"),
            }
        }
    }

    #[test]
    fn unclosed_ring_and_feature_collection() -> Result<(), GeoError> {
        let area = Area::from_geojson(
            r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
               "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}}]}"#,
        )?;
        assert!(area.contains(p(0.5, 0.5)));
        assert_eq!(area.polygon_count(), 1);
        Ok(())
    }
}
