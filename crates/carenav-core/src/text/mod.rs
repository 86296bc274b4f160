//! Reading free text from real directories into structure: opening hours and
//! eligibility. Pure functions; the importers and converters call them.
//!
//! Both readers prefer leaving text unread to guessing: what they cannot read
//! fully stays as text (a schedule `description`, an eligibility `to_verify`
//! entry) so a person can check it.

pub mod eligibility;
pub mod hours;
mod token;

pub use eligibility::{EligibilityReading, eligibility_from_text, read_eligibility};
pub use hours::{hours_coverage, parse_hours, schedules_from_text};

/// How much of a text a reader understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Coverage {
    /// Everything was read.
    Full,
    /// Some structure was read; some text is left to verify.
    Partial,
    /// Nothing was read.
    Unread,
}
