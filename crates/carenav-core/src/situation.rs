//! Client situations: who a service is for, and who a client is.
//!
//! One vocabulary serves both sides of matching: a service's population
//! restriction ("veterans only") and a profile's `attributes` (`["veteran"]`).
//! The codes follow the Open Eligibility "human situations" facet where it has
//! a term, in kebab-case.
//!
//! Codes: `homeless`, `veteran`, `military`, `senior`, `youth`, `child`,
//! `family-with-children`, `pregnant`, `parenting`, `disability`,
//! `blind-low-vision`, `deaf-hard-of-hearing`, `physical-disability`,
//! `developmental-disability`, `serious-mental-illness`, `hiv-aids`,
//! `substance-use`, `in-recovery`, `domestic-violence-survivor`,
//! `crime-victim`, `refugee`, `asylee`, `immigrant`, `undocumented`,
//! `justice-involved`, `student`, `low-income`, `unemployed`, `uninsured`,
//! `foster-youth`, `caregiver`, `lgbtq`, `at-risk-of-homelessness`,
//! `in-custody`, `member` (of the group a service names: "members only"),
//! `cultural-community` (of the community a service names). A client states
//! them in the profile's `attributes`; matching infers some from needs and age.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! situations {
    ($($variant:ident => $code:literal, $label:literal;)*) => {
        /// A population or situation code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[non_exhaustive]
        pub enum Situation {
            $(
                #[doc = $label]
                #[serde(rename = $code)]
                $variant,
            )*
        }

        impl Situation {
            /// Every situation, in declaration order.
            pub const ALL: &'static [Situation] = &[$(Situation::$variant),*];

            /// The kebab-case code used in profiles and exports.
            pub fn code(self) -> &'static str {
                match self { $(Situation::$variant => $code,)* }
            }

            /// A label for people.
            pub fn label(self) -> &'static str {
                match self { $(Situation::$variant => $label,)* }
            }
        }
    };
}

situations! {
    Homeless => "homeless", "Experiencing homelessness";
    Veteran => "veteran", "Veteran";
    Military => "military", "Active military, reserves, or their family";
    Senior => "senior", "Senior (60 or older)";
    Youth => "youth", "Youth or young adult";
    Child => "child", "Child";
    FamilyWithChildren => "family-with-children", "Family with children";
    Pregnant => "pregnant", "Pregnant";
    Parenting => "parenting", "Parent or guardian";
    Disability => "disability", "Person with a disability";
    BlindLowVision => "blind-low-vision", "Blind or low vision";
    DeafHardOfHearing => "deaf-hard-of-hearing", "Deaf or hard of hearing";
    PhysicalDisability => "physical-disability", "Physical disability";
    DevelopmentalDisability => "developmental-disability", "Developmental disability";
    SeriousMentalIllness => "serious-mental-illness", "Serious mental illness";
    HivAids => "hiv-aids", "Living with HIV/AIDS";
    SubstanceUse => "substance-use", "Substance use";
    InRecovery => "in-recovery", "In recovery from substance use";
    DomesticViolenceSurvivor => "domestic-violence-survivor", "Survivor of domestic violence";
    CrimeVictim => "crime-victim", "Victim of crime or abuse";
    Refugee => "refugee", "Refugee";
    Asylee => "asylee", "Asylee";
    Immigrant => "immigrant", "Immigrant";
    Undocumented => "undocumented", "Undocumented";
    JusticeInvolved => "justice-involved", "Justice-involved (arrest, conviction, incarceration)";
    Student => "student", "Student";
    LowIncome => "low-income", "Low income";
    Unemployed => "unemployed", "Unemployed";
    Uninsured => "uninsured", "No health insurance";
    FosterYouth => "foster-youth", "Foster youth";
    Caregiver => "caregiver", "Caregiver";
    Lgbtq => "lgbtq", "LGBTQ+";
    AtRiskOfHomelessness => "at-risk-of-homelessness", "At risk of homelessness";
    InCustody => "in-custody", "In jail, prison or juvenile custody";
    Member => "member", "Member of the congregation, club, plan or group the service names";
    CulturalCommunity => "cultural-community", "Member of the ethnic, cultural or language community the service names";
}

impl Situation {
    /// Parses a code (case-insensitive; `_` and spaces read as `-`).
    ///
    /// ```
    /// use carenav_core::Situation;
    /// assert_eq!(Situation::parse("Veteran"), Some(Situation::Veteran));
    /// assert_eq!(Situation::parse("hiv_aids"), Some(Situation::HivAids));
    /// assert_eq!(Situation::parse("astronaut"), None);
    /// ```
    pub fn parse(code: &str) -> Option<Self> {
        let norm: String = code
            .trim()
            .chars()
            .map(|c| {
                if c == '_' || c == ' ' {
                    '-'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect();
        Situation::ALL.iter().copied().find(|s| s.code() == norm)
    }

    /// Whether a client in situation `self` also counts as `other`
    /// (a blind client has a disability; an asylee is an immigrant). A
    /// parent or guardian and a family with children are one household
    /// seen from two sides, so each counts as the other: directories write
    /// either ("Must have at least one child", "Parent of child age 5").
    pub fn implies(self, other: Situation) -> bool {
        use Situation::*;
        self == other
            || matches!(
                (self, other),
                (
                    BlindLowVision
                        | DeafHardOfHearing
                        | PhysicalDisability
                        | DevelopmentalDisability,
                    Disability
                ) | (Refugee | Asylee | Undocumented, Immigrant)
                    | (InRecovery, SubstanceUse)
                    | (DomesticViolenceSurvivor, CrimeVictim)
                    | (Pregnant, Parenting)
                    | (Parenting, FamilyWithChildren)
                    | (FamilyWithChildren, Parenting)
                    | (FosterYouth, Youth)
                    | (InCustody, JusticeInvolved)
            )
    }
}

impl fmt::Display for Situation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A client's gender, or the gender a service is restricted to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Gender {
    /// Female (women and girls).
    Female,
    /// Male (men and boys).
    Male,
    /// Non-binary or another gender.
    NonBinary,
}

impl Gender {
    /// The code used in profiles.
    pub fn code(self) -> &'static str {
        match self {
            Gender::Female => "female",
            Gender::Male => "male",
            Gender::NonBinary => "non-binary",
        }
    }

    /// Parses a code or a common spelling (`F`, `woman`, `nonbinary`).
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "f" | "female" | "woman" | "women" => Some(Gender::Female),
            "m" | "male" | "man" | "men" => Some(Gender::Male),
            "non-binary" | "nonbinary" | "x" => Some(Gender::NonBinary),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips() {
        for s in Situation::ALL {
            assert_eq!(Situation::parse(s.code()), Some(*s));
            let json = serde_json::to_string(s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.code()));
        }
    }

    #[test]
    fn implications_are_one_way() {
        assert!(Situation::BlindLowVision.implies(Situation::Disability));
        assert!(!Situation::Disability.implies(Situation::BlindLowVision));
    }

    #[test]
    fn a_parent_and_a_family_with_children_count_as_each_other() {
        assert!(Situation::Parenting.implies(Situation::FamilyWithChildren));
        assert!(Situation::FamilyWithChildren.implies(Situation::Parenting));
        assert!(!Situation::Pregnant.implies(Situation::FamilyWithChildren));
    }
}
