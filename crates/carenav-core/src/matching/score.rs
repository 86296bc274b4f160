//! The ranking formula, in one place.
//!
//! ```text
//! score = relevance × distance × freshness × multi_need × language × doubt
//!
//! relevance  = r / (r + relevance_half)          r: text relevance (BM25) ≥ 0
//! distance   = 0.5 ^ (d / distance_half_km)       d: km
//!            = remote_factor                      virtual services
//!            = unknown_distance_factor            no coordinates (area-bound)
//! freshness  = max(freshness_floor,
//!                  0.5 ^ (max(0, age − fresh_days) / freshness_half_days))
//!                                                 age: days since last verified
//! multi_need = 1 + multi_need_bonus × (other needs of the client this place
//!              is found under)
//! language   = language_mismatch_factor if the service speaks none of the
//!              client's languages, else 1
//! doubt      = doubtful_factor ^ (low-confidence restrictions the client may fail)
//! ```
//!
//! Every factor is in (0, 1] except `multi_need`, so scores compare across
//! needs and the best possible single-need score approaches 1.

use serde::{Deserialize, Serialize};

/// Weights of the ranking formula. `Default` gives the documented values.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScoringWeights {
    /// Text relevance at which the relevance factor is 0.5; 0 (or less)
    /// switches relevance off: every candidate's factor is 1, as when
    /// browsing by distance.
    pub relevance_half: f32,
    /// Distance in km at which the distance factor is 0.5.
    pub distance_half_km: f32,
    /// Days since verification that cost nothing.
    pub fresh_days: f32,
    /// Further days at which the freshness factor halves.
    pub freshness_half_days: f32,
    /// Lowest freshness factor (old but real records still rank).
    pub freshness_floor: f32,
    /// Bonus per other need of the client served at the same place.
    pub multi_need_bonus: f32,
    /// Distance factor of a virtual service (phone, online).
    pub remote_factor: f32,
    /// Distance factor of a place without coordinates (found by its area).
    pub unknown_distance_factor: f32,
    /// Factor for a service that speaks none of the client's languages.
    pub language_mismatch_factor: f32,
    /// Factor per low-confidence restriction the client may not meet.
    pub doubtful_factor: f32,
}

impl Default for ScoringWeights {
    fn default() -> Self {
        ScoringWeights {
            relevance_half: 4.0,
            distance_half_km: 8.0,
            fresh_days: 365.0,
            freshness_half_days: 730.0,
            freshness_floor: 0.5,
            multi_need_bonus: 0.1,
            remote_factor: 0.5,
            unknown_distance_factor: 0.3,
            language_mismatch_factor: 0.6,
            doubtful_factor: 0.7,
        }
    }
}

/// How far a candidate is from the client.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Proximity {
    /// Great-circle distance in km.
    Km(f32),
    /// A virtual service: no trip.
    Remote,
    /// A place without coordinates.
    #[default]
    Unknown,
}

/// The inputs of the formula for one candidate.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ScoreInputs {
    /// Text relevance to the need (BM25 or equivalent), ≥ 0.
    pub relevance: f32,
    /// How far the place is.
    pub proximity: Proximity,
    /// Days since the record was last verified; `None` if never.
    pub age_days: Option<f32>,
    /// Other needs of the client this place also serves.
    pub other_needs_served: u32,
    /// The service speaks none of the client's languages.
    pub language_mismatch: bool,
    /// Low-confidence restrictions the client may not meet.
    pub doubtful: u32,
}

/// 0.5 to the power `times` (≥ 0): 1 without a call at 0, which is where
/// an index's best-possible bounds evaluate it.
fn halved(times: f32) -> f32 {
    if times == 0.0 { 1.0 } else { (-times).exp2() }
}

impl ScoringWeights {
    /// The score of a candidate.
    ///
    /// ```
    /// use carenav_core::matching::{Proximity, ScoreInputs, ScoringWeights};
    /// let w = ScoringWeights::default();
    /// let near = w.score(&ScoreInputs { relevance: 8.0, proximity: Proximity::Km(1.0), age_days: Some(10.0), ..Default::default() });
    /// let far = w.score(&ScoreInputs { relevance: 8.0, proximity: Proximity::Km(20.0), age_days: Some(10.0), ..Default::default() });
    /// assert!(near > far);
    /// ```
    pub fn score(&self, x: &ScoreInputs) -> f32 {
        self.ranked(
            self.base(x.relevance, x.proximity, x.age_days),
            x.other_needs_served,
        ) * self.candidate_factors(x.language_mismatch, x.doubtful)
    }

    /// relevance × distance × freshness: what an index can compute from
    /// fast fields while it collects the top documents.
    pub fn base(&self, relevance: f32, proximity: Proximity, age_days: Option<f32>) -> f32 {
        let r = relevance.max(0.0);
        // relevance_half = 0 switches relevance off (browse by distance).
        let relevance = if self.relevance_half <= 0.0 {
            1.0
        } else {
            r / (r + self.relevance_half)
        };
        let distance = match proximity {
            Proximity::Km(d) => halved(d.max(0.0) / self.distance_half_km.max(f32::EPSILON)),
            Proximity::Remote => self.remote_factor,
            Proximity::Unknown => self.unknown_distance_factor,
        };
        let freshness = match age_days {
            Some(age) => {
                let over = (age - self.fresh_days).max(0.0);
                halved(over / self.freshness_half_days.max(f32::EPSILON)).max(self.freshness_floor)
            }
            None => self.freshness_floor,
        };
        relevance * distance * freshness
    }

    /// base × multi_need: what an index also knows while collecting, from
    /// the needs each place is indexed under.
    pub fn ranked(&self, base: f32, other_needs_served: u32) -> f32 {
        base * (1.0 + self.multi_need_bonus * other_needs_served as f32)
    }

    /// language × doubt: the factors known only once a candidate has been
    /// checked against the whole profile.
    pub fn candidate_factors(&self, language_mismatch: bool, doubtful: u32) -> f32 {
        let language = if language_mismatch {
            self.language_mismatch_factor
        } else {
            1.0
        };
        language * self.doubtful_factor.powi(doubtful.min(16) as i32)
    }
}
