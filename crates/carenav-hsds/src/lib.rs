//! Reading and writing Open Referral HSDS 3.0, and converting legacy exports.

pub mod error;
pub mod ids;
pub mod legacy;
pub mod read;
pub mod write;

pub use error::{Issue, IssueKind, LoadError};
pub use read::{Format, Loaded, Mode, load, load_reader, load_str};
pub use write::{to_hsds_services, write_json, write_ndjson};
