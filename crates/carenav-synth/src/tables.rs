//! The generator's data tables (`data/*.json`), embedded and checked once.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use carenav_geo::{Boundaries, Resolution};
use serde::Deserialize;

use crate::SynthError;

const METROS_JSON: &str = include_str!("../data/metros.json");
const VOCAB_JSON: &str = include_str!("../data/vocab.json");

/// A metro area the directory clusters around.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Metro {
    pub(crate) name: String,
    pub(crate) state: String,
    pub(crate) lat: f64,
    pub(crate) lon: f64,
    pub(crate) spread_km: f64,
    pub(crate) weight: f64,
    pub(crate) zip3: String,
    pub(crate) towns: Vec<String>,
    pub(crate) counties: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MetroTable {
    #[allow(dead_code)]
    about: String,
    metros: Vec<Metro>,
    rural_towns: Vec<String>,
}

/// Names and descriptions of one need domain's services.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DomainVocab {
    pub(crate) names: Vec<String>,
    pub(crate) descriptions: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Vocab {
    #[allow(dead_code)]
    about: String,
    pub(crate) org_patterns: Vec<String>,
    pub(crate) org_nouns: Vec<String>,
    pub(crate) org_adjectives: Vec<String>,
    pub(crate) saints: Vec<String>,
    pub(crate) streets: Vec<String>,
    pub(crate) street_types: Vec<String>,
    pub(crate) languages: Vec<(String, String)>,
    pub(crate) documents: Vec<String>,
    pub(crate) fees: Vec<String>,
    pub(crate) application: Vec<String>,
    pub(crate) domains: BTreeMap<String, DomainVocab>,
}

/// A county (or state) of a metro, resolved, with the centre of its
/// bounding box (to give a location its nearest county).
#[derive(Debug, Clone)]
pub(crate) struct County {
    pub(crate) name: String,
    pub(crate) lat: f64,
    pub(crate) lon: f64,
}

/// Everything the generator reads, parsed and checked.
#[derive(Debug)]
pub(crate) struct Tables {
    pub(crate) metros: Vec<Metro>,
    /// Per metro, its resolved counties.
    pub(crate) counties: Vec<Vec<County>>,
    pub(crate) rural_towns: Vec<String>,
    pub(crate) vocab: Vocab,
}

static TABLES: LazyLock<Result<Tables, SynthError>> = LazyLock::new(load);

pub(crate) fn tables() -> Result<&'static Tables, SynthError> {
    TABLES.as_ref().map_err(Clone::clone)
}

fn table_error(file: &'static str, message: impl Into<String>) -> SynthError {
    SynthError::Table {
        file,
        message: message.into(),
    }
}

fn load() -> Result<Tables, SynthError> {
    const METROS: &str = "crates/carenav-synth/data/metros.json";
    const VOCAB: &str = "crates/carenav-synth/data/vocab.json";
    let metros: MetroTable =
        serde_json::from_str(METROS_JSON).map_err(|e| table_error(METROS, e.to_string()))?;
    let vocab: Vocab =
        serde_json::from_str(VOCAB_JSON).map_err(|e| table_error(VOCAB, e.to_string()))?;
    let boundaries = Boundaries::embedded()?;
    let mut counties = Vec::with_capacity(metros.metros.len());
    for m in &metros.metros {
        if m.towns.is_empty() || m.counties.is_empty() || m.weight <= 0.0 {
            return Err(table_error(
                METROS,
                format!("{}: no towns, counties or weight", m.name),
            ));
        }
        let mut resolved = Vec::new();
        for name in &m.counties {
            let area = match boundaries.resolve(name, Some(&m.state)) {
                Resolution::Area(area) => area,
                other => {
                    return Err(table_error(
                        METROS,
                        format!("{}: area {name:?} does not resolve ({other:?})", m.name),
                    ));
                }
            };
            let bbox = boundaries
                .area(area)
                .and_then(|a| a.bbox())
                .ok_or_else(|| table_error(METROS, format!("{}: {name:?} has no shape", m.name)))?;
            resolved.push(County {
                name: name.clone(),
                lat: (bbox[1] + bbox[3]) / 2.0,
                lon: (bbox[0] + bbox[2]) / 2.0,
            });
        }
        counties.push(resolved);
    }
    for domain in carenav_core::needs::all()? {
        let v = vocab.domains.get(domain.code()).ok_or_else(|| {
            table_error(VOCAB, format!("no vocabulary for domain {}", domain.code()))
        })?;
        if v.names.is_empty() || v.descriptions.is_empty() {
            return Err(table_error(
                VOCAB,
                format!("{}: empty names or descriptions", domain.code()),
            ));
        }
    }
    Ok(Tables {
        metros: metros.metros,
        counties,
        rural_towns: metros.rural_towns,
        vocab,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load_and_every_county_resolves() {
        let t = tables().unwrap_or_else(|e| panic!("{e}"));
        assert!(t.metros.len() >= 30);
        for name in ["San Francisco Bay Area", "Chicago", "Miami"] {
            assert!(t.metros.iter().any(|m| m.name == name), "{name}");
        }
        // Cook County's bounding box holds Chicago's centre.
        let chicago = t
            .metros
            .iter()
            .position(|m| m.name == "Chicago")
            .unwrap_or(0);
        let cook = &t.counties[chicago][0];
        assert!(
            (cook.lat - 41.84).abs() < 0.3 && (cook.lon + 87.82).abs() < 0.4,
            "{cook:?}"
        );
    }
}
