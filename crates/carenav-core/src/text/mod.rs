//! Reading free text from real directories into structure: opening hours and
//! eligibility. Pure functions; the importers and converters call them.

pub mod eligibility;
pub mod hours;

pub use eligibility::eligibility_from_text;
pub use hours::schedules_from_text;
