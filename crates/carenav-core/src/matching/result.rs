//! The result of matching: referrals grouped by need, ready to serialize.

use serde::Serialize;

use crate::matching::check::Exclusion;
use crate::matching::facts::Inference;
use crate::profile::Urgency;

/// Everything matching found for one profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchResult {
    /// The profile's id, when it had one.
    pub profile_id: Option<String>,
    /// One entry per need, most urgent first.
    pub needs: Vec<NeedMatches>,
    /// Situations carenav inferred from the profile.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<Inference>,
    /// Problems that did not stop matching (an unresolved ZIP, no results).
    pub warnings: Vec<String>,
}

/// The referrals for one need.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeedMatches {
    /// Need domain code.
    pub domain: String,
    /// Urgency of the need.
    pub urgency: Urgency,
    /// Best first.
    pub referrals: Vec<Referral>,
    /// Nearby candidates excluded, with why (only when asked for).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub excluded: Vec<ExcludedCandidate>,
}

/// One place to send the client, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Referral {
    /// HSDS service id.
    pub service_id: String,
    /// HSDS service-at-location id.
    pub service_at_location_id: String,
    /// Name of the service.
    pub service_name: String,
    /// Name of the organization.
    pub organization_name: String,
    /// Street address, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Main phone number, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Great-circle distance from the client, km (None for virtual services).
    pub distance_km: Option<f64>,
    /// Ranking score (see `ScoringWeights`).
    pub score: f32,
    /// Which need terms matched and which eligibility facts passed.
    pub reasons: Vec<String>,
    /// What to verify or bring.
    pub caveats: Vec<String>,
    /// Other needs of the client this place also serves.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also_serves: Vec<String>,
}

/// A nearby service that was excluded, so a case manager can overrule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExcludedCandidate {
    /// HSDS service id.
    pub service_id: String,
    /// HSDS service-at-location id.
    pub service_at_location_id: String,
    /// Name of the service.
    pub service_name: String,
    /// The constraint and text that excluded it.
    pub exclusion: Exclusion,
}
