//! Vendor referral statuses mapped onto [`TaskStatus`]: findhelp's 11
//! statuses, Healthify's 5 statuses and 6 logged actions.
//!
//! The table is data, `data/plan/vendor-statuses.json` (embedded at compile
//! time), one row per vendor label with the Task status it means (or none:
//! the update is recorded but keeps the status), the default reason and why.
//!
//! | vendor | label | Task status |
//! |---|---|---|
//! | findhelp | Not updated, Pending | requested |
//! | findhelp | Needs client action | on-hold |
//! | findhelp | Eligible | accepted |
//! | findhelp | Got help | completed |
//! | findhelp | Referred elsewhere, Not eligible, No capacity | rejected |
//! | findhelp | Couldn't contact, Couldn't get help | failed |
//! | findhelp | No longer interested | cancelled |
//! | healthify | Unstarted, In-Review | requested |
//! | healthify | Service In-Progress | in-progress |
//! | healthify | Service Completed | completed |
//! | healthify | Canceled | cancelled |
//! | healthify (action) | Client Contact Successful / Unsuccessful | (kept) |
//! | healthify (action) | Client Waitlisted | on-hold |
//! | healthify (action) | Client Enrolled | in-progress |
//! | healthify (action) | Service Provided / Not Provided | completed / failed |

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::plan::lifecycle::TaskStatus;

const VENDOR_JSON: &str = include_str!("../../../../data/plan/vendor-statuses.json");
const VENDOR_FILE: &str = "data/plan/vendor-statuses.json";

static TABLE: LazyLock<Result<Vec<VendorStatus>, VendorError>> =
    LazyLock::new(|| parse_table(VENDOR_JSON));

/// One row of the vendor table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VendorStatus {
    /// `findhelp` or `healthify`.
    pub vendor: String,
    /// `status` or `action`.
    pub kind: String,
    /// The vendor's label (`Got help`).
    pub label: String,
    /// The Task status it means; `None` keeps the current status.
    pub task_status: Option<TaskStatus>,
    /// Reason recorded when the caller gives none.
    pub reason: Option<String>,
    /// Why this mapping.
    pub why: String,
}

/// Why a vendor status could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VendorError {
    /// No such vendor label.
    #[error("unknown {vendor} status {label:?}; known: {}", known.join(", "))]
    Unknown {
        /// Vendor as given.
        vendor: String,
        /// Label as given (cut to 80 characters).
        label: String,
        /// The labels known for that vendor (all labels if the vendor is unknown).
        known: Vec<String>,
    },
    /// The embedded table is malformed (a build defect caught by unit tests).
    #[error("{file}: {message}")]
    Table {
        /// The data file.
        file: &'static str,
        /// What is wrong.
        message: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TableFile {
    #[allow(dead_code)]
    about: String,
    #[allow(dead_code)]
    sources: std::collections::BTreeMap<String, String>,
    mappings: Vec<VendorStatus>,
}

fn parse_table(text: &str) -> Result<Vec<VendorStatus>, VendorError> {
    let bad = |message: String| VendorError::Table {
        file: VENDOR_FILE,
        message,
    };
    let file: TableFile = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
    for (i, row) in file.mappings.iter().enumerate() {
        if !matches!(row.kind.as_str(), "status" | "action") {
            return Err(bad(format!("row {i}: kind {:?}", row.kind)));
        }
        if file.mappings[..i]
            .iter()
            .any(|r| r.vendor == row.vendor && r.label.eq_ignore_ascii_case(&row.label))
        {
            return Err(bad(format!(
                "row {i}: duplicate {} {:?}",
                row.vendor, row.label
            )));
        }
        let needs_reason = row.task_status.is_none_or(TaskStatus::needs_reason);
        if needs_reason && row.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
            return Err(bad(format!("row {i} ({}): needs a reason", row.label)));
        }
    }
    Ok(file.mappings)
}

/// The whole table.
pub fn table() -> Result<&'static [VendorStatus], VendorError> {
    TABLE.as_ref().map(Vec::as_slice).map_err(Clone::clone)
}

/// Finds a vendor label (vendor and label case-insensitive, `'` and `’` alike).
///
/// ```
/// use carenav_core::plan::{TaskStatus, vendor};
/// let row = vendor::lookup("findhelp", "couldn’t contact").unwrap();
/// assert_eq!(row.task_status, Some(TaskStatus::Failed));
/// assert!(vendor::lookup("findhelp", "Done").unwrap_err().to_string().contains("Got help"));
/// ```
pub fn lookup(vendor: &str, label: &str) -> Result<&'static VendorStatus, VendorError> {
    let norm = |s: &str| s.trim().replace('\u{2019}', "'").to_lowercase();
    let rows = table()?;
    let (v, l) = (norm(vendor), norm(label));
    rows.iter()
        .find(|r| r.vendor == v && norm(&r.label) == l)
        .ok_or_else(|| {
            let of_vendor: Vec<String> = rows
                .iter()
                .filter(|r| r.vendor == v)
                .map(|r| r.label.clone())
                .collect();
            let known = if of_vendor.is_empty() {
                rows.iter()
                    .map(|r| format!("{}: {}", r.vendor, r.label))
                    .collect()
            } else {
                of_vendor
            };
            VendorError::Unknown {
                vendor: vendor.chars().take(80).collect(),
                label: label.chars().take(80).collect(),
                known,
            }
        })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_is_valid() {
        let rows = parse_table(VENDOR_JSON).unwrap();
        let count = |v: &str, k: &str| rows.iter().filter(|r| r.vendor == v && r.kind == k).count();
        assert_eq!(count("findhelp", "status"), 11);
        assert_eq!(count("healthify", "status"), 5);
        assert_eq!(count("healthify", "action"), 6);
    }

    #[test]
    fn malformed_table_is_a_typed_error() {
        let no_reason = VENDOR_JSON.replace(
            "\"reason\": \"the program has no capacity\"",
            "\"reason\": null",
        );
        let err = parse_table(&no_reason).unwrap_err();
        assert!(err.to_string().contains("No capacity"), "{err}");
        assert!(matches!(parse_table("[]"), Err(VendorError::Table { .. })));
    }
}
