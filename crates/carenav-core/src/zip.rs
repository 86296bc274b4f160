//! US ZIP code centroids, so a profile may give a ZIP instead of coordinates.
//!
//! The table `data/zip/us_zip_centroids.csv` (zip, latitude, longitude,
//! state; about 42,800 rows) is derived from the PyPI package `zipcodes`
//! 3.0.0 (MIT; coordinates from GeoNames, CC BY 4.0): see
//! `data/zip/README.md`. It is embedded and parsed once on first use.

use std::sync::LazyLock;

use crate::GeoPoint;

const ZIP_CSV: &str = include_str!("../../../data/zip/us_zip_centroids.csv");
const ZIP_FILE: &str = "data/zip/us_zip_centroids.csv";

static TABLE: LazyLock<Result<Vec<Row>, ZipError>> = LazyLock::new(|| parse_table(ZIP_CSV));

/// Why a ZIP code could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ZipError {
    /// Not five digits (optionally followed by `-` and four digits).
    #[error("not a US ZIP code (expected 5 digits, e.g. \"94063\" or \"94063-1234\"): {text:?}")]
    BadFormat {
        /// The text given (cut to 40 characters).
        text: String,
    },
    /// Well-formed but not in the table.
    #[error("unknown US ZIP code {zip} (not in {ZIP_FILE})")]
    Unknown {
        /// The five-digit ZIP.
        zip: String,
    },
    /// The embedded table is malformed (a build defect caught by unit tests).
    #[error("{ZIP_FILE}, line {line}: {message}")]
    Table {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// A ZIP code's centroid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ZipCentroid {
    /// The five-digit ZIP code as a number (leading zeros dropped: 501 = "00501").
    pub zip: u32,
    /// Its centroid.
    pub point: GeoPoint,
    /// Two-letter USPS state code (`CA`; also `DC`, `PR`, military `AE`...).
    pub state: &'static str,
}

impl ZipCentroid {
    /// The ZIP as five digits.
    pub fn code(&self) -> String {
        format!("{:05}", self.zip)
    }
}

#[derive(Debug, Clone, Copy)]
struct Row {
    zip: u32,
    latitude: f64,
    longitude: f64,
    state: &'static str,
}

fn parse_table(text: &'static str) -> Result<Vec<Row>, ZipError> {
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, "zip,latitude,longitude,state")) => {}
        _ => {
            return Err(ZipError::Table {
                line: 1,
                message: "expected header zip,latitude,longitude,state".into(),
            });
        }
    }
    let mut rows = Vec::with_capacity(43_000);
    for (i, line) in lines {
        let bad = |message: &str| ZipError::Table {
            line: i + 1,
            message: message.to_string(),
        };
        let mut fields = line.split(',');
        let (Some(zip), Some(lat), Some(lon), Some(state), None) = (
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
        ) else {
            return Err(bad("expected 4 fields"));
        };
        if zip.len() != 5 || !zip.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad("zip is not 5 digits"));
        }
        let zip: u32 = zip.parse().map_err(|_| bad("zip is not a number"))?;
        let latitude: f64 = lat.parse().map_err(|_| bad("latitude is not a number"))?;
        let longitude: f64 = lon.parse().map_err(|_| bad("longitude is not a number"))?;
        if GeoPoint::new(latitude, longitude).is_none() {
            return Err(bad("coordinates out of range"));
        }
        if state.len() != 2 || !state.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(bad("state is not a 2-letter code"));
        }
        if rows.last().is_some_and(|r: &Row| r.zip >= zip) {
            return Err(bad("rows are not sorted by zip, or a zip repeats"));
        }
        rows.push(Row {
            zip,
            latitude,
            longitude,
            state,
        });
    }
    Ok(rows)
}

/// Reads `94063` or `94063-1234` (surrounding spaces allowed) as a ZIP number.
pub fn parse_zip(text: &str) -> Result<u32, ZipError> {
    let t = text.trim();
    let five = match t.split_once('-') {
        Some((head, plus4)) if plus4.len() == 4 && plus4.bytes().all(|b| b.is_ascii_digit()) => {
            head
        }
        Some(_) => "",
        None => t,
    };
    if five.len() == 5 && five.bytes().all(|b| b.is_ascii_digit()) {
        five.parse().map_err(|_| ZipError::BadFormat {
            text: text.chars().take(40).collect(),
        })
    } else {
        Err(ZipError::BadFormat {
            text: text.chars().take(40).collect(),
        })
    }
}

/// Looks a ZIP code up.
///
/// ```
/// let c = carenav_core::zip::lookup("94063").unwrap();
/// assert_eq!(c.state, "CA");
/// assert!((c.point.latitude - 37.48).abs() < 0.05);
/// assert!(carenav_core::zip::lookup("00000").is_err());
/// ```
pub fn lookup(zip: &str) -> Result<ZipCentroid, ZipError> {
    let n = parse_zip(zip)?;
    let rows = TABLE.as_ref().map_err(Clone::clone)?;
    let row = rows
        .binary_search_by_key(&n, |r| r.zip)
        .ok()
        .and_then(|i| rows.get(i))
        .ok_or_else(|| ZipError::Unknown {
            zip: format!("{n:05}"),
        })?;
    let point = GeoPoint::new(row.latitude, row.longitude).ok_or_else(|| ZipError::Table {
        line: 0,
        message: "coordinates out of range".into(),
    })?;
    Ok(ZipCentroid {
        zip: row.zip,
        point,
        state: row.state,
    })
}

/// Number of ZIP codes in the table.
pub fn len() -> Result<usize, ZipError> {
    Ok(TABLE.as_ref().map_err(Clone::clone)?.len())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_is_valid() {
        let rows = parse_table(ZIP_CSV).unwrap();
        assert!(rows.len() > 40_000, "{}", rows.len());
    }

    #[test]
    fn malformed_table_is_a_typed_error() {
        let err = parse_table("zip,latitude,longitude,state\n94063,abc,-122.2,CA\n").unwrap_err();
        assert_eq!(
            err,
            ZipError::Table {
                line: 2,
                message: "latitude is not a number".into()
            }
        );
        assert!(parse_table("nope\n").is_err());
        assert!(
            parse_table(
                "zip,latitude,longitude,state\n94063,37.4,-122.2,CA\n94063,37.4,-122.2,CA\n"
            )
            .is_err()
        );
    }

    #[test]
    fn zip_formats() {
        assert_eq!(parse_zip(" 94063-1234 "), Ok(94063));
        assert_eq!(parse_zip("00501"), Ok(501));
        assert!(parse_zip("9406").is_err());
        assert!(parse_zip("94063-12").is_err());
        assert!(parse_zip("ABCDE").is_err());
    }
}
