//! Matching semantics: what makes a client eligible for a service, how
//! candidates are scored, and the shape of the result.
//!
//! The search index (crate `carenav-index`) finds and pre-filters candidates
//! fast; this module decides. Keeping the decision here, in pure code, lets
//! the index, the linear-scan baseline and the tests share one definition.

pub mod check;
pub mod domains;
pub mod facts;
pub mod prefilter;
pub mod result;
pub mod score;

pub use check::{AreaFact, Assessment, Exclusion, assess, eligibility_of, last_verified};
pub use domains::{DomainHit, HitSource, service_domains};
pub use facts::{ClientFacts, Inference};
pub use prefilter::{ClientMasks, ServiceDigest};
pub use result::{ExcludedCandidate, MatchResult, NeedMatches, Referral};
pub use score::{Proximity, ScoreInputs, ScoringWeights};
