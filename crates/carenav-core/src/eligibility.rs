//! carenav's structured eligibility model.
//!
//! HSDS has almost no structured eligibility (`minimum_age`/`maximum_age`), so
//! every service carries an [`Eligibility`] read from structured fields and free
//! text. Each dimension is a [`Constraint`] with three states: no restriction,
//! a restriction carenav could read, or a restriction the data mentions but
//! carenav could not read ([`Constraint::Unknown`]). Unknown is never a silent
//! pass or a silent exclusion: matching turns it into a caveat to verify.

use serde::{Deserialize, Serialize};

use crate::situation::{Gender, Situation};

/// One dimension of eligibility.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum Constraint<T> {
    /// Nothing in the data restricts this dimension.
    #[default]
    Open,
    /// A restriction carenav read, with where it came from.
    Restricted {
        /// The restriction.
        value: T,
        /// Where it came from and how sure the reading is.
        evidence: Evidence,
    },
    /// The data restricts this dimension in a way carenav could not read.
    Unknown {
        /// The source text to verify.
        text: String,
    },
}

impl<T> Constraint<T> {
    /// A restriction from a structured field of the source.
    pub fn structured(value: T, field: &str) -> Self {
        Constraint::Restricted {
            value,
            evidence: Evidence {
                source: EvidenceSource::Field(field.to_owned()),
                text: None,
                confidence: Confidence::High,
            },
        }
    }

    /// A restriction read from free text.
    pub fn from_text(value: T, text: &str, confidence: Confidence) -> Self {
        Constraint::Restricted {
            value,
            evidence: Evidence {
                source: EvidenceSource::Text,
                text: Some(text.to_owned()),
                confidence,
            },
        }
    }

    /// The restriction, when one was read.
    pub fn value(&self) -> Option<&T> {
        match self {
            Constraint::Restricted { value, .. } => Some(value),
            _ => None,
        }
    }

    /// Whether nothing restricts this dimension.
    pub fn is_open(&self) -> bool {
        matches!(self, Constraint::Open)
    }
}

/// Where a restriction came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceSource {
    /// A structured field of the source record (its name).
    Field(String),
    /// Free text (eligibility description, name or description).
    Text,
}

/// How sure carenav is of a reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    /// A hint: keep the service, rank it lower, ask to verify.
    Low,
    /// Clear enough to exclude a client who does not meet it.
    High,
}

/// The evidence behind a restriction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Structured field or free text.
    pub source: EvidenceSource,
    /// The words the restriction was read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// How sure the reading is.
    pub confidence: Confidence,
}

/// Whose age an age range is about.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AgeOf {
    /// The client's own age.
    #[default]
    Client,
    /// The age of a child in the client's care (childcare, youth programs).
    Child,
}

/// An inclusive age range in years; either end may be open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct AgeRange {
    /// Youngest age served.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Oldest age served.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Whose age this is.
    #[serde(default)]
    pub of: AgeOf,
}

impl AgeRange {
    /// A range of the client's own age.
    pub fn client(min: Option<f64>, max: Option<f64>) -> Self {
        AgeRange {
            min,
            max,
            of: AgeOf::Client,
        }
    }

    /// Whether `age` falls in the range (ends included).
    ///
    /// ```
    /// use carenav_core::AgeRange;
    /// let adults = AgeRange::client(Some(18.0), None);
    /// assert!(adults.contains(18.0));
    /// assert!(!adults.contains(16.0));
    /// ```
    pub fn contains(&self, age: f64) -> bool {
        self.min.is_none_or(|min| age >= min) && self.max.is_none_or(|max| age <= max)
    }
}

/// An income ceiling.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "kebab-case")]
pub enum IncomeLimit {
    /// At most this percent of the federal poverty guideline (e.g. 200).
    PercentOfPoverty(f64),
    /// At most this household income per month, in US dollars.
    MonthlyDollars(f64),
    /// At most this household income per year, in US dollars.
    AnnualDollars(f64),
    /// "Low income" without a figure: a restriction to verify, not to enforce.
    LowIncome,
    /// At most these household incomes per year, by household size
    /// ("$39,600 for 1 person, $45,250 for 2 persons; add $5,650 for each
    /// additional person"); for a size neither listed nor reached by the
    /// increment the limit is not known.
    AnnualByHouseholdSize(HouseholdLimits),
}

/// Annual income ceilings by household size, as a table states them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct HouseholdLimits {
    /// The sizes listed, each with its ceiling.
    pub limits: Vec<HouseholdLimit>,
    /// Added to the largest listed household's ceiling for each person
    /// beyond it ("add $5,650 for each additional person"), per year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub each_additional: Option<f64>,
}

impl HouseholdLimits {
    /// A table of the sizes listed, with no increment.
    pub fn listed(limits: Vec<HouseholdLimit>) -> Self {
        HouseholdLimits {
            limits,
            each_additional: None,
        }
    }

    /// The ceiling for a household of `size`: listed, or the largest
    /// listed household's plus the increment per person beyond it.
    pub fn annual_for(&self, size: u32) -> Option<f64> {
        if let Some(listed) = self.limits.iter().find(|l| l.size == size) {
            return Some(listed.annual_dollars);
        }
        let largest = self.limits.iter().max_by_key(|l| l.size)?;
        let each = self.each_additional?;
        (size > largest.size)
            .then(|| largest.annual_dollars + f64::from(size - largest.size) * each)
    }
}

/// The annual income ceiling for one household size.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct HouseholdLimit {
    /// People in the household.
    pub size: u32,
    /// At most this household income per year, in US dollars.
    pub annual_dollars: f64,
}

impl IncomeLimit {
    /// The annual ceiling for a household of `size`, when this limit is
    /// given per household size and lists that size (or reaches it by an
    /// increment per additional person).
    ///
    /// ```
    /// use carenav_core::{HouseholdLimit, HouseholdLimits, IncomeLimit};
    /// let listed = vec![
    ///     HouseholdLimit { size: 1, annual_dollars: 39_600.0 },
    ///     HouseholdLimit { size: 2, annual_dollars: 45_250.0 },
    /// ];
    /// let limit = IncomeLimit::AnnualByHouseholdSize(HouseholdLimits::listed(listed.clone()));
    /// assert_eq!(limit.annual_for_household(2), Some(45_250.0));
    /// assert_eq!(limit.annual_for_household(3), None);
    /// let limit = IncomeLimit::AnnualByHouseholdSize(HouseholdLimits {
    ///     limits: listed,
    ///     each_additional: Some(5_650.0),
    /// });
    /// assert_eq!(limit.annual_for_household(4), Some(56_550.0));
    /// ```
    pub fn annual_for_household(&self, size: u32) -> Option<f64> {
        match self {
            IncomeLimit::AnnualByHouseholdSize(table) => table.annual_for(size),
            _ => None,
        }
    }
}

/// Who may use a service, as far as carenav could read it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Eligibility {
    /// Age range.
    #[serde(default, skip_serializing_if = "Constraint::is_open")]
    pub age: Constraint<AgeRange>,
    /// Gender the service is restricted to.
    #[serde(default, skip_serializing_if = "Constraint::is_open")]
    pub gender: Constraint<Gender>,
    /// Income ceiling.
    #[serde(default, skip_serializing_if = "Constraint::is_open")]
    pub income: Constraint<IncomeLimit>,
    /// Populations served: a client must be in at least one.
    #[serde(default, skip_serializing_if = "Constraint::is_open")]
    pub populations: Constraint<Vec<Situation>>,
    /// Residency required: names of areas a client must live in.
    #[serde(default, skip_serializing_if = "Constraint::is_open")]
    pub residency: Constraint<Vec<String>>,
    /// Conditions carenav could not read into any dimension: to verify.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub to_verify: Vec<String>,
    /// Things a client must bring or do first (documents, notices, a referral).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<Requirement>,
    /// The service serves agencies or organizations, never individual
    /// clients: matching never refers a client to it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub agency_only: bool,
}

/// What a client must bring or do before being served.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RequirementKind {
    /// Photo or other identification.
    Id,
    /// Proof of income.
    IncomeProof,
    /// Proof of residency (address).
    ResidencyProof,
    /// An eviction notice.
    EvictionNotice,
    /// A utility shut-off notice.
    ShutOffNotice,
    /// Court papers (a summons, an order, a court date).
    CourtPapers,
    /// A referral from another agency, a doctor or a court.
    Referral,
    /// An appointment or an intake call first.
    Appointment,
}

impl RequirementKind {
    /// Every kind, in declaration order.
    pub const ALL: &'static [RequirementKind] = &[
        RequirementKind::Id,
        RequirementKind::IncomeProof,
        RequirementKind::ResidencyProof,
        RequirementKind::EvictionNotice,
        RequirementKind::ShutOffNotice,
        RequirementKind::CourtPapers,
        RequirementKind::Referral,
        RequirementKind::Appointment,
    ];

    /// The kebab-case code used in exports and the corpus.
    pub fn code(self) -> &'static str {
        match self {
            RequirementKind::Id => "id",
            RequirementKind::IncomeProof => "income-proof",
            RequirementKind::ResidencyProof => "residency-proof",
            RequirementKind::EvictionNotice => "eviction-notice",
            RequirementKind::ShutOffNotice => "shutoff-notice",
            RequirementKind::CourtPapers => "court-papers",
            RequirementKind::Referral => "referral",
            RequirementKind::Appointment => "appointment",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<Self> {
        RequirementKind::ALL
            .iter()
            .copied()
            .find(|k| k.code() == code)
    }
}

/// A requirement and the words it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirement {
    /// What is required.
    pub kind: RequirementKind,
    /// The source words.
    pub text: String,
}

impl Eligibility {
    /// Whether no dimension is restricted and nothing is left to verify.
    pub fn is_open(&self) -> bool {
        self.age.is_open()
            && self.gender.is_open()
            && self.income.is_open()
            && self.populations.is_open()
            && self.residency.is_open()
            && self.to_verify.is_empty()
            && self.requirements.is_empty()
            && !self.agency_only
    }
}
