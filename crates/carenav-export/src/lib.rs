//! Exports of a [`CarePlan`]:
//!
//! - [`json`]: the plan as JSON, stable field names, with a JSON Schema
//!   checked in at `docs/care-plan.schema.json`;
//! - [`fhir`]: a FHIR R4 `Bundle` per the HL7 SDOH Clinical Care IG
//!   (Patient, Condition and Goal per need, ServiceRequest and Task per
//!   referral, Provenance per status change, and the HealthcareService,
//!   Organization and Location referred to);
//! - [`print`]: a printable plan for the client in Markdown or
//!   self-contained HTML, in English or Spanish.
//!
//! ```
//! use carenav_core::{CarePlan, ClientProfile, PlanOptions};
//! use carenav_core::matching::MatchResult;
//! use carenav_export::{Format, export};
//! let profile = ClientProfile::from_json(r#"{"location":{"zip":"94063"},"languages":["es"],
//!     "needs":[{"domain":"food-insecurity","urgency":"high"}]}"#).unwrap();
//! let result = MatchResult { profile_id: None, needs: vec![], inferred: vec![], warnings: vec![] };
//! let plan = CarePlan::propose(&profile, &result, &PlanOptions::default());
//! let md = export(&plan, Format::Markdown).unwrap();
//! assert!(md.starts_with("# Su plan de atención"));
//! ```

pub mod fhir;
pub mod json;
pub mod print;

use std::fmt;
use std::str::FromStr;

pub use carenav_core::CarePlan;

/// Why an export or import failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// JSON could not be written (not expected for a valid plan).
    #[error("could not write JSON: {0}")]
    Write(#[from] serde_json::Error),
    /// A plan read from JSON is not a valid plan.
    #[error("care plan JSON at line {line}, column {column}: {message}")]
    Read {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A plan read from JSON breaks an invariant.
    #[error(transparent)]
    Plan(#[from] carenav_core::PlanError),
    /// An embedded label table is malformed (a build defect caught by tests).
    #[error("{file}: {message}")]
    Table {
        /// The data file.
        file: &'static str,
        /// What is wrong.
        message: String,
    },
    /// Unknown format name.
    #[error("unknown format {0:?}; valid formats: json, fhir, markdown, html")]
    Format(String),
}

/// An export format, as `carenav plan --format` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// The plan as JSON.
    Json,
    /// FHIR R4 Bundle (JSON).
    Fhir,
    /// Printable Markdown.
    Markdown,
    /// Printable self-contained HTML.
    Html,
}

impl FromStr for Format {
    type Err = ExportError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "json" => Ok(Format::Json),
            "fhir" => Ok(Format::Fhir),
            "markdown" | "md" => Ok(Format::Markdown),
            "html" => Ok(Format::Html),
            _ => Err(ExportError::Format(s.chars().take(40).collect())),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Json => "json",
            Format::Fhir => "fhir",
            Format::Markdown => "markdown",
            Format::Html => "html",
        })
    }
}

/// Writes a plan in a format (JSON outputs end with a newline).
pub fn export(plan: &CarePlan, format: Format) -> Result<String, ExportError> {
    match format {
        Format::Json => json::to_string(plan),
        Format::Fhir => {
            let mut s = serde_json::to_string_pretty(&fhir::bundle(plan))?;
            s.push('\n');
            Ok(s)
        }
        Format::Markdown => print::markdown(plan),
        Format::Html => print::html(plan),
    }
}
