//! carenav's domain model: the directory, structured eligibility and client
//! situations.
//!
//! Architecture invariant: this crate does no IO and knows nothing of the
//! search engine, file formats or geography libraries. Everything here is
//! plain data plus pure functions, so it can be tested exhaustively and
//! embedded anywhere.

pub mod assess;
pub mod benefits;
pub mod date;
pub mod directory;
pub mod eligibility;
pub mod matching;
pub mod needs;
pub mod plan;
pub mod profile;
pub mod situation;
pub mod text;
pub mod zip;

pub use date::{Date, DateError};
pub use directory::{
    Accessibility, Address, AddressType, Attribute, CostOption, Directory, DirectoryCounts,
    Frequency, GeoPoint, Language, Location, LocationType, Organization, Phone, RequiredDocument,
    Schedule, Service, ServiceArea, ServiceAtLocation, ServiceStatus, TaxonomyTerm, TimeOfDay,
    Weekday,
};
pub use eligibility::{
    AgeOf, AgeRange, Confidence, Constraint, Eligibility, Evidence, EvidenceSource, HouseholdLimit,
    HouseholdLimits, IncomeLimit, Requirement, RequirementKind,
};
pub use needs::{NeedDomain, NeedError};
pub use plan::{CarePlan, PlanError, PlanOptions, Stamp, TaskStatus, Timestamp};
pub use profile::{
    ClientProfile, ItemAnswer, Need, NeedEvidence, ProfileError, ProfileIssue, ProfileIssueKind,
    ProfileLocation, Urgency,
};
pub use situation::{Gender, Situation};
