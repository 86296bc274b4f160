//! Problems found in input, named by file, record and field.

use std::fmt;

use serde::Serialize;

/// What kind of problem an [`Issue`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum IssueKind {
    /// The file is not well-formed JSON, NDJSON or CSV (or is cut short).
    Syntax,
    /// The bytes are not valid UTF-8.
    Encoding,
    /// A required field is absent or empty.
    MissingField,
    /// A field has the wrong JSON type.
    WrongType,
    /// A field's value is not allowed (bad enum value, bad date, bad UUID...).
    InvalidValue,
    /// A number is outside its range (e.g. latitude 91).
    OutOfRange,
    /// A string is longer than carenav accepts.
    TooLong,
    /// An id is used by two records.
    DuplicateId,
    /// A record points at an id that does not exist.
    DanglingReference,
    /// A record of the source cannot be represented and was skipped.
    Skipped,
}

/// One problem in the input: where it is and what is wrong.
///
/// Displayed as `file: record R: field F: message`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// The file the problem is in.
    pub file: String,
    /// The record: its id, or `line N` / `row N` when it has no usable id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
    /// The field, as a path inside the record (`service_at_locations[0].location.latitude`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// What kind of problem.
    pub kind: IssueKind,
    /// What is wrong, for a data steward.
    pub message: String,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(record) = &self.record {
            write!(f, ": record {record}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": field {field}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for Issue {}

/// Why an HSDS import failed as a whole.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// A file or directory could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The path that failed.
        path: std::path::PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// Strict mode: the first problem found in the input.
    #[error("{0}")]
    Invalid(Issue),
    /// The input holds no service records at all (empty file, empty
    /// directory, no `services.csv`).
    #[error("{path}: no HSDS services found")]
    NoData {
        /// The file or directory read.
        path: String,
    },
}

impl From<Issue> for LoadError {
    fn from(issue: Issue) -> Self {
        LoadError::Invalid(issue)
    }
}
