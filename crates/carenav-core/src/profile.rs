//! The client profile: the input of matching.
//!
//! Field names are a published contract (`docs/profile.schema.json`, generated
//! from these types by [`ClientProfile::json_schema`]):
//!
//! ```json
//! {"id":"c1","location":{"latitude":37.48,"longitude":-122.23},"max_distance_km":10,
//!  "age":67,"gender":"female","household_size":2,"monthly_income":1500,
//!  "languages":["es","en"],"attributes":["veteran","disability"],"insurance":["medicaid"],
//!  "needs":[{"domain":"food-insecurity","urgency":"high","note":"runs out of food at month end"}]}
//! ```
//!
//! `location` may instead be `{"zip":"94063"}`, resolved through the embedded
//! ZIP centroid table ([`crate::zip`]). `attributes` are [`Situation`] codes;
//! `needs[].domain` are [`NeedDomain`] codes. All fields but `location` and
//! `needs` are optional.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use crate::needs::NeedDomain;
use crate::situation::{Gender, Situation};
use crate::{GeoPoint, zip};

/// Longest accepted id, language, insurance or evidence string, in characters.
pub const MAX_SHORT_TEXT: usize = 200;
/// Longest accepted need note, in characters.
pub const MAX_NOTE: usize = 2_000;
/// Most entries accepted in any list of the profile.
pub const MAX_LIST: usize = 64;
/// Oldest accepted age.
pub const MAX_AGE: u32 = 130;
/// Largest accepted household.
pub const MAX_HOUSEHOLD: u32 = 50;
/// Largest accepted search radius (half the Earth's circumference).
pub const MAX_DISTANCE_KM: f64 = 20_040.0;

/// A client's situation and needs, as matching takes them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "carenav client profile")]
pub struct ClientProfile {
    /// Caller's id for the client (not interpreted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 200))]
    pub id: Option<String>,
    /// Where the client is: coordinates or a US ZIP code.
    pub location: ProfileLocation,
    /// How far the client can travel, in kilometres.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0, max = 20040.0))]
    pub max_distance_km: Option<f64>,
    /// Age in years.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(max = 130))]
    pub age: Option<u32>,
    /// Gender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// People in the household, the client included.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 50))]
    pub household_size: Option<u32>,
    /// Household gross income per month, US dollars.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0))]
    pub monthly_income: Option<f64>,
    /// ISO 639-1 or 639-3 language codes, lower case, in preference order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 64), inner(regex(pattern = "^[a-z]{2,3}$")))]
    pub languages: Vec<String>,
    /// Population and situation codes (see `carenav_core::Situation`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 64))]
    pub attributes: Vec<Situation>,
    /// Coverage the client has (`medicaid`, `medicare`, `chip`, `private`, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 64), inner(length(min = 1, max = 200)))]
    pub insurance: Vec<String>,
    /// The needs to match, at least one.
    #[schemars(length(min = 1, max = 64))]
    pub needs: Vec<Need>,
}

/// Where a client is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum ProfileLocation {
    /// WGS 84 coordinates.
    Point {
        /// Latitude in degrees.
        #[schemars(range(min = -90.0, max = 90.0))]
        latitude: f64,
        /// Longitude in degrees.
        #[schemars(range(min = -180.0, max = 180.0))]
        longitude: f64,
    },
    /// A US ZIP code, resolved to its centroid.
    Zip {
        /// Five digits, optionally `-` and four more.
        #[schemars(regex(pattern = "^[0-9]{5}(-[0-9]{4})?$"))]
        zip: String,
    },
}

/// One need of the client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Need {
    /// The need domain code.
    pub domain: NeedDomain,
    /// How urgent it is (default `medium`).
    #[serde(default)]
    pub urgency: Urgency,
    /// Free-text note for the case manager or the care plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 2000))]
    pub note: Option<String>,
    /// Screening answers that flagged this need (filled by assessment).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<NeedEvidence>,
}

/// How urgent a need is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Urgency {
    /// Act today (safety, no place to sleep, no food, utilities shut off).
    High,
    /// Act soon.
    #[default]
    Medium,
    /// Worth addressing.
    Low,
}

impl Urgency {
    /// 0 for high, 1 for medium, 2 for low: sort key, most urgent first.
    pub fn rank(self) -> u8 {
        match self {
            Urgency::High => 0,
            Urgency::Medium => 1,
            Urgency::Low => 2,
        }
    }

    /// `high`, `medium` or `low`.
    pub fn code(self) -> &'static str {
        match self {
            Urgency::High => "high",
            Urgency::Medium => "medium",
            Urgency::Low => "low",
        }
    }
}

impl fmt::Display for Urgency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Why an assessment flagged a need: which answers to which instrument.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NeedEvidence {
    /// Instrument id (`ahc-hrsn`, `hunger-vital-sign`, `prapare`).
    pub instrument: String,
    /// Rule id within the instrument.
    pub rule: String,
    /// LOINC item and answer codes that made the rule fire.
    pub answers: Vec<ItemAnswer>,
    /// The same in words.
    pub text: String,
}

/// One answered item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemAnswer {
    /// LOINC item code.
    pub item: String,
    /// LOINC answer code.
    pub answer: String,
}

/// What is wrong with one field of a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProfileIssueKind {
    /// NaN or infinite number.
    NotFinite,
    /// Number outside its range.
    OutOfRange,
    /// Required list is empty.
    Empty,
    /// Text or list too long.
    TooLong,
    /// Text not in the expected form.
    BadFormat,
    /// ZIP code not in the centroid table.
    UnknownZip,
    /// The same need domain twice.
    Duplicate,
}

/// One problem found by [`ClientProfile::validate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileIssue {
    /// JSON path of the field (`needs[0].note`).
    pub field: String,
    /// Kind of problem.
    pub kind: ProfileIssueKind,
    /// Message for people.
    pub message: String,
}

impl fmt::Display for ProfileIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Why a profile was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProfileError {
    /// Not JSON, or not the shape of a profile (unknown field, unknown need
    /// domain or attribute code, wrong type). The message names the valid codes.
    #[error(
        "profile does not match the carenav profile schema at line {line}, column {column}: {message}"
    )]
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// serde's message.
        message: String,
    },
    /// Well-formed but with invalid values.
    #[error("invalid profile: {}", issues.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Invalid {
        /// Every problem found.
        issues: Vec<ProfileIssue>,
    },
}

impl ClientProfile {
    /// Parses and validates a profile.
    ///
    /// ```
    /// use carenav_core::ClientProfile;
    /// let p = ClientProfile::from_json(r#"{"location":{"zip":"94063"},
    ///     "needs":[{"domain":"food-insecurity","urgency":"high"}]}"#).unwrap();
    /// assert_eq!(p.point().unwrap().latitude.round(), 37.0);
    /// let err = ClientProfile::from_json(r#"{"location":{"zip":"94063"},
    ///     "needs":[{"domain":"hunger"}]}"#).unwrap_err();
    /// assert!(err.to_string().contains("valid domains: food-insecurity"));
    /// ```
    pub fn from_json(text: &str) -> Result<Self, ProfileError> {
        let profile: ClientProfile =
            serde_json::from_str(text).map_err(|e| ProfileError::Json {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            })?;
        profile.validate()?;
        Ok(profile)
    }

    /// Checks the values serde cannot: ranges, finiteness, lengths, formats,
    /// ZIP codes, duplicate needs.
    pub fn validate(&self) -> Result<(), ProfileError> {
        let issues = self.issues();
        if issues.is_empty() {
            Ok(())
        } else {
            Err(ProfileError::Invalid { issues })
        }
    }

    /// Every problem [`ClientProfile::validate`] would report.
    pub fn issues(&self) -> Vec<ProfileIssue> {
        let mut out = Vec::new();
        let mut push = |field: String, kind: ProfileIssueKind, message: String| {
            out.push(ProfileIssue {
                field,
                kind,
                message,
            })
        };
        if let Some(id) = &self.id {
            check_len(&mut push, "id".into(), id, MAX_SHORT_TEXT);
        }
        match &self.location {
            ProfileLocation::Point {
                latitude,
                longitude,
            } => {
                for (name, v, lim) in [
                    ("latitude", latitude, 90.0),
                    ("longitude", longitude, 180.0),
                ] {
                    let field = format!("location.{name}");
                    if !v.is_finite() {
                        push(
                            field,
                            ProfileIssueKind::NotFinite,
                            format!("{name} must be a finite number"),
                        );
                    } else if v.abs() > lim {
                        push(
                            field,
                            ProfileIssueKind::OutOfRange,
                            format!("{name} {v} is outside -{lim}..{lim}"),
                        );
                    }
                }
            }
            ProfileLocation::Zip { zip: code } => match zip::lookup(code) {
                Ok(_) => {}
                Err(zip::ZipError::Unknown { zip }) => push(
                    "location.zip".into(),
                    ProfileIssueKind::UnknownZip,
                    format!("ZIP code {zip} is not in the ZIP centroid table"),
                ),
                Err(e) => push(
                    "location.zip".into(),
                    ProfileIssueKind::BadFormat,
                    e.to_string(),
                ),
            },
        }
        if let Some(d) = self.max_distance_km {
            check_number(&mut push, "max_distance_km", d, 0.0, MAX_DISTANCE_KM);
        }
        if let Some(age) = self.age.filter(|a| *a > MAX_AGE) {
            push(
                "age".into(),
                ProfileIssueKind::OutOfRange,
                format!("age {age} is over {MAX_AGE}"),
            );
        }
        if let Some(n) = self
            .household_size
            .filter(|n| *n == 0 || *n > MAX_HOUSEHOLD)
        {
            push(
                "household_size".into(),
                ProfileIssueKind::OutOfRange,
                format!("household size {n} is outside 1..{MAX_HOUSEHOLD}"),
            );
        }
        if let Some(m) = self.monthly_income {
            check_number(&mut push, "monthly_income", m, 0.0, 1e9);
        }
        for (name, len) in [
            ("languages", self.languages.len()),
            ("attributes", self.attributes.len()),
            ("insurance", self.insurance.len()),
            ("needs", self.needs.len()),
        ] {
            if len > MAX_LIST {
                push(
                    name.into(),
                    ProfileIssueKind::TooLong,
                    format!("{len} entries; at most {MAX_LIST}"),
                );
            }
        }
        for (i, lang) in self.languages.iter().enumerate() {
            let ok = (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase());
            if !ok {
                push(
                    format!("languages[{i}]"),
                    ProfileIssueKind::BadFormat,
                    format!(
                        "{:?} is not an ISO 639-1/639-3 code (2 or 3 lower-case letters, e.g. \"es\")",
                        lang.chars().take(40).collect::<String>()
                    ),
                );
            }
        }
        for (i, ins) in self.insurance.iter().enumerate() {
            if ins.trim().is_empty() {
                push(
                    format!("insurance[{i}]"),
                    ProfileIssueKind::Empty,
                    "empty insurance name".into(),
                );
            }
            check_len(&mut push, format!("insurance[{i}]"), ins, MAX_SHORT_TEXT);
        }
        if self.needs.is_empty() {
            push(
                "needs".into(),
                ProfileIssueKind::Empty,
                "a profile needs at least one need".into(),
            );
        }
        for (i, need) in self.needs.iter().enumerate() {
            if self.needs.iter().take(i).any(|n| n.domain == need.domain) {
                push(
                    format!("needs[{i}].domain"),
                    ProfileIssueKind::Duplicate,
                    format!("need domain {} appears twice", need.domain),
                );
            }
            if let Some(note) = &need.note {
                check_len(&mut push, format!("needs[{i}].note"), note, MAX_NOTE);
            }
            for (j, ev) in need.evidence.iter().enumerate() {
                check_len(
                    &mut push,
                    format!("needs[{i}].evidence[{j}].text"),
                    &ev.text,
                    MAX_NOTE,
                );
            }
        }
        out
    }

    /// The client's coordinates: the given point or the ZIP centroid.
    pub fn point(&self) -> Result<GeoPoint, ProfileError> {
        let invalid = |field: &str, kind, message: String| ProfileError::Invalid {
            issues: vec![ProfileIssue {
                field: field.into(),
                kind,
                message,
            }],
        };
        match &self.location {
            ProfileLocation::Point {
                latitude,
                longitude,
            } => GeoPoint::new(*latitude, *longitude).ok_or_else(|| {
                invalid(
                    "location",
                    ProfileIssueKind::OutOfRange,
                    format!("coordinates ({latitude}, {longitude}) are not valid"),
                )
            }),
            ProfileLocation::Zip { zip: code } => zip::lookup(code)
                .map(|c| c.point)
                .map_err(|e| invalid("location.zip", ProfileIssueKind::UnknownZip, e.to_string())),
        }
    }

    /// The two-letter state, when the location is a known ZIP code.
    pub fn state(&self) -> Option<&'static str> {
        match &self.location {
            ProfileLocation::Zip { zip: code } => zip::lookup(code).ok().map(|c| c.state),
            ProfileLocation::Point { .. } => None,
        }
    }

    /// The JSON Schema of a profile, as checked in at `docs/profile.schema.json`.
    pub fn json_schema() -> serde_json::Value {
        schemars::schema_for!(ClientProfile).to_value()
    }

    /// [`ClientProfile::json_schema`] pretty-printed with a final newline:
    /// the exact content of `docs/profile.schema.json`.
    pub fn json_schema_string() -> String {
        let mut s = serde_json::to_string_pretty(&Self::json_schema()).unwrap_or_default();
        s.push('\n');
        s
    }
}

fn check_len(
    push: &mut impl FnMut(String, ProfileIssueKind, String),
    field: String,
    text: &str,
    max: usize,
) {
    let n = text.chars().count();
    if n > max {
        push(
            field,
            ProfileIssueKind::TooLong,
            format!("{n} characters; at most {max}"),
        );
    }
}

fn check_number(
    push: &mut impl FnMut(String, ProfileIssueKind, String),
    field: &str,
    v: f64,
    min: f64,
    max: f64,
) {
    if !v.is_finite() {
        push(
            field.into(),
            ProfileIssueKind::NotFinite,
            format!("{field} must be a finite number"),
        );
    } else if v < min || v > max {
        push(
            field.into(),
            ProfileIssueKind::OutOfRange,
            format!("{field} {v} is outside {min}..{max}"),
        );
    }
}

// The situation and gender vocabularies live in `situation.rs`; their schema
// is given here, next to the profile contract that publishes it.
impl JsonSchema for Situation {
    fn schema_name() -> Cow<'static, str> {
        "Situation".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let codes: Vec<&str> = Situation::ALL.iter().map(|s| s.code()).collect();
        json_schema!({
            "description": "A population or situation code (carenav_core::Situation).",
            "type": "string",
            "enum": codes,
        })
    }
}

impl JsonSchema for Gender {
    fn schema_name() -> Cow<'static, str> {
        "Gender".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "enum": [Gender::Female.code(), Gender::Male.code(), Gender::NonBinary.code()],
        })
    }
}
