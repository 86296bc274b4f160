//! Reading and writing Open Referral HSDS 3.0, and converting legacy exports.

pub mod error;
pub mod ids;
pub mod legacy;
pub mod read;
pub mod write;

pub use error::{Issue, IssueKind};
