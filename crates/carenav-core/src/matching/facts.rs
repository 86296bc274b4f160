//! What matching knows about a client: the profile's statements plus the
//! situations carenav infers from them.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::GeoPoint;
use crate::profile::ClientProfile;
use crate::situation::{Gender, Situation};

/// Radius used when a profile gives no `max_distance_km`.
pub const DEFAULT_MAX_DISTANCE_KM: f64 = 25.0;

/// A situation carenav inferred from the profile, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Inference {
    /// The situation.
    pub situation: Situation,
    /// What in the profile implies it ("need homelessness", "age 67").
    pub because: String,
}

/// The client as eligibility checks see it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientFacts {
    /// Where the client is.
    pub point: GeoPoint,
    /// How far the client can travel, km.
    pub max_distance_km: f64,
    /// Age in years.
    pub age: Option<f64>,
    /// Gender.
    pub gender: Option<Gender>,
    /// Household income as a percent of the poverty guideline.
    pub percent_of_poverty: Option<f64>,
    /// Household income per month, US dollars.
    pub monthly_income: Option<f64>,
    /// People in the household, the client included.
    pub household_size: Option<u32>,
    /// Situations stated in the profile.
    pub stated: Vec<Situation>,
    /// Situations inferred from the profile (not stated).
    pub inferred: Vec<Inference>,
    /// Language codes in preference order, lower case.
    pub languages: Vec<String>,
}

/// Age from which a client counts as a senior.
pub const SENIOR_AGE: f64 = 60.0;
/// Age below which a client counts as a youth.
pub const YOUTH_AGE: f64 = 18.0;
/// Age below which a client counts as a child.
pub const CHILD_AGE: f64 = 13.0;
/// Income (percent of poverty) at or below which a client counts as low income.
pub const LOW_INCOME_PERCENT: f64 = 200.0;

/// Needs that say something about the client's situation, and what.
const NEED_SITUATIONS: &[(&str, Situation)] = &[
    ("homelessness", Situation::Homeless),
    ("housing-instability", Situation::AtRiskOfHomelessness),
    (
        "intimate-partner-violence",
        Situation::DomesticViolenceSurvivor,
    ),
    ("veteran-status", Situation::Veteran),
    ("incarceration-status", Situation::JusticeInvolved),
    ("immigration", Situation::Immigrant),
    ("substance-use", Situation::SubstanceUse),
    ("health-insurance-coverage-status", Situation::Uninsured),
    // Who needs childcare has a child in their care ("Parents of children
    // under 5" programs).
    ("childcare", Situation::Parenting),
];

impl ClientFacts {
    /// Derives the facts from a validated profile.
    ///
    /// `point` is the profile's resolved location and `percent_of_poverty`
    /// the household's income against the poverty guideline, when known
    /// (both are computed by the caller: ZIP lookup and benefit tables).
    pub fn from_profile(
        profile: &ClientProfile,
        point: GeoPoint,
        percent_of_poverty: Option<f64>,
    ) -> Self {
        let age = profile.age.map(f64::from);
        let mut inferred: BTreeMap<Situation, String> = BTreeMap::new();
        for need in &profile.needs {
            for (code, situation) in NEED_SITUATIONS {
                if need.domain.code() == *code {
                    inferred
                        .entry(*situation)
                        .or_insert_with(|| format!("need {code}"));
                }
            }
        }
        if let Some(age) = age {
            let mut by_age = |situation, cond: bool| {
                if cond {
                    inferred
                        .entry(situation)
                        .or_insert_with(|| format!("age {age}"));
                }
            };
            by_age(Situation::Senior, age >= SENIOR_AGE);
            by_age(Situation::Youth, age < YOUTH_AGE);
            by_age(Situation::Child, age < CHILD_AGE);
        }
        if let Some(pct) = percent_of_poverty.filter(|p| *p <= LOW_INCOME_PERCENT) {
            inferred
                .entry(Situation::LowIncome)
                .or_insert_with(|| format!("income {pct:.0}% of the poverty line"));
        }
        let stated = profile.attributes.clone();
        let inferred = inferred
            .into_iter()
            .filter(|(s, _)| !stated.contains(s))
            .map(|(situation, because)| Inference { situation, because })
            .collect();
        ClientFacts {
            point,
            max_distance_km: profile.max_distance_km.unwrap_or(DEFAULT_MAX_DISTANCE_KM),
            age,
            gender: profile.gender,
            percent_of_poverty,
            monthly_income: profile.monthly_income,
            household_size: profile.household_size,
            stated,
            inferred,
            languages: profile
                .languages
                .iter()
                .map(|l| l.to_ascii_lowercase())
                .collect(),
        }
    }

    /// Every situation the client is in, stated or inferred.
    pub fn situations(&self) -> impl Iterator<Item = Situation> + '_ {
        self.stated
            .iter()
            .copied()
            .chain(self.inferred.iter().map(|i| i.situation))
    }

    /// The client's situation that satisfies `required`, if any.
    pub fn satisfies(&self, required: Situation) -> Option<Situation> {
        self.situations().find(|s| s.implies(required))
    }

    /// Whether the profile lacks the fact that would decide `required`
    /// (an age-based group without an age, low income without income).
    pub fn cannot_tell(&self, required: Situation) -> bool {
        match required {
            Situation::Senior | Situation::Youth | Situation::Child => self.age.is_none(),
            Situation::LowIncome => {
                self.percent_of_poverty.is_none() && self.monthly_income.is_none()
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_childcare_need_makes_the_client_a_parent() {
        let profile = ClientProfile::from_json(
            r#"{"location":{"latitude":37.5,"longitude":-122.2},"age":31,
            "needs":[{"domain":"childcare"}]}"#,
        )
        .expect("test profile is valid");
        let point = GeoPoint::new(37.5, -122.2).expect("valid point");
        let facts = ClientFacts::from_profile(&profile, point, None);
        assert_eq!(
            facts.satisfies(Situation::Parenting),
            Some(Situation::Parenting)
        );
        assert!(
            facts
                .inferred
                .iter()
                .any(|i| i.situation == Situation::Parenting && i.because == "need childcare"),
            "{:?}",
            facts.inferred
        );
    }
}
