//! carenav: a community resource directory and referral-matching engine.
//!
//! This facade re-exports the public API of the workspace crates.

pub use carenav_core as core;
pub use carenav_hsds as hsds;
