//! A small TopoJSON reader: enough for us-atlas' quantized polygon topologies.
//!
//! Arcs are delta-encoded integer positions when the topology has a
//! `transform`; a geometry lists arc indexes, `~i` (= `-i - 1`) meaning arc
//! `i` reversed; consecutive arcs of a ring share their joining point.

use std::collections::HashMap;

use geo::{Coord, LineString, MultiPolygon, Polygon};
use serde::Deserialize;
use serde_json::Value;

use crate::GeoError;

#[derive(Deserialize)]
struct Topology {
    #[serde(default)]
    transform: Option<Transform>,
    objects: HashMap<String, Collection>,
    arcs: Vec<Vec<Vec<f64>>>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct Collection {
    geometries: Vec<Geometry>,
}

#[derive(Deserialize)]
struct Geometry {
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    arcs: Value,
    #[serde(default)]
    id: Value,
    #[serde(default)]
    properties: HashMap<String, Value>,
}

/// One decoded feature: its id, its `name` property and its shape.
pub(crate) struct Feature {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) shape: MultiPolygon<f64>,
}

fn malformed(path: &str, message: impl Into<String>) -> GeoError {
    GeoError::Boundaries {
        path: path.to_string(),
        message: message.into(),
    }
}

/// A parsed topology with its arcs decoded to absolute degrees.
pub(crate) struct Decoded {
    arcs: Vec<Vec<Coord<f64>>>,
    objects: HashMap<String, Collection>,
}

pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, GeoError> {
    let topo: Topology =
        serde_json::from_slice(bytes).map_err(|e| malformed("$", e.to_string()))?;
    let mut arcs = Vec::with_capacity(topo.arcs.len());
    for (i, arc) in topo.arcs.iter().enumerate() {
        let (mut x, mut y) = (0.0, 0.0);
        let mut coords = Vec::with_capacity(arc.len());
        for (j, pos) in arc.iter().enumerate() {
            let (Some(&a), Some(&b)) = (pos.first(), pos.get(1)) else {
                return Err(malformed(
                    &format!("$.arcs[{i}][{j}]"),
                    "position needs two numbers",
                ));
            };
            let c = match &topo.transform {
                Some(t) => {
                    x += a;
                    y += b;
                    Coord {
                        x: x * t.scale[0] + t.translate[0],
                        y: y * t.scale[1] + t.translate[1],
                    }
                }
                None => Coord { x: a, y: b },
            };
            if !(-180.0..=180.0).contains(&c.x) || !(-90.0..=90.0).contains(&c.y) {
                return Err(malformed(
                    &format!("$.arcs[{i}][{j}]"),
                    "position out of range",
                ));
            }
            coords.push(c);
        }
        arcs.push(coords);
    }
    Ok(Decoded {
        arcs,
        objects: topo.objects,
    })
}

impl Decoded {
    /// The polygon features of object `name` (null geometries are skipped).
    pub(crate) fn features(&self, name: &str) -> Result<Vec<Feature>, GeoError> {
        let collection = self
            .objects
            .get(name)
            .ok_or_else(|| malformed("$.objects", format!("no object \"{name}\"")))?;
        let mut out = Vec::new();
        for (i, g) in collection.geometries.iter().enumerate() {
            let path = format!("$.objects.{name}.geometries[{i}]");
            let id = match &g.id {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                _ => return Err(malformed(&path, "missing id")),
            };
            let name = g
                .properties
                .get("name")
                .and_then(Value::as_str)
                .ok_or_else(|| malformed(&path, "missing properties.name"))?
                .to_string();
            let polygons: Vec<Vec<Vec<i64>>> = match g.kind.as_deref() {
                Some("Polygon") => vec![parse_arcs(&g.arcs, &path)?],
                Some("MultiPolygon") => parse_arcs(&g.arcs, &path)?,
                None => continue,
                Some(other) => return Err(malformed(&path, format!("unexpected {other}"))),
            };
            let mut shape = Vec::with_capacity(polygons.len());
            for rings in &polygons {
                let mut lines = Vec::with_capacity(rings.len());
                for ring in rings {
                    lines.push(self.ring(ring, &path)?);
                }
                // Quantization collapses some islets and holes to fewer than
                // four positions: drop them (a collapsed exterior drops its
                // polygon).
                let mut lines = lines.into_iter();
                if let Some(Some(exterior)) = lines.next() {
                    shape.push(Polygon::new(exterior, lines.flatten().collect()));
                }
            }
            out.push(Feature {
                id,
                name,
                shape: MultiPolygon::new(shape),
            });
        }
        Ok(out)
    }

    /// The ring, or `None` when it has collapsed to fewer than four positions.
    fn ring(&self, arc_ids: &[i64], path: &str) -> Result<Option<LineString<f64>>, GeoError> {
        let mut coords: Vec<Coord<f64>> = Vec::new();
        for &id in arc_ids {
            let (index, reversed) = if id < 0 { (!id, true) } else { (id, false) };
            let arc = usize::try_from(index)
                .ok()
                .and_then(|i| self.arcs.get(i))
                .ok_or_else(|| malformed(path, format!("arc {id} does not exist")))?;
            let skip = usize::from(!coords.is_empty());
            if reversed {
                coords.extend(arc.iter().rev().skip(skip));
            } else {
                coords.extend(arc.iter().skip(skip));
            }
        }
        let mut distinct = coords.clone();
        distinct.dedup();
        Ok((distinct.len() >= 4).then(|| LineString::new(coords)))
    }
}

fn parse_arcs<T: serde::de::DeserializeOwned>(value: &Value, path: &str) -> Result<T, GeoError> {
    T::deserialize(value).map_err(|e| malformed(&format!("{path}.arcs"), e.to_string()))
}
