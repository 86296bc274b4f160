//! A compact, fixed-size digest of a service's hard restrictions, for fast
//! pre-filtering (the index stores it in fast fields).
//!
//! Contract: [`ServiceDigest::may_serve`] returns `false` only when
//! [`crate::matching::assess`] would exclude the service on the same
//! dimension. It may return `true` for a service `assess` later excludes
//! (it ignores distance and area, which the index checks itself), never the
//! other way round. A unit test checks the contract on every real record.

use crate::directory::Service;
use crate::eligibility::{AgeOf, Confidence, Constraint, Eligibility, IncomeLimit};
use crate::matching::facts::ClientFacts;
use crate::situation::{Gender, Situation};

/// Bit of a situation in a population mask.
pub fn situation_bit(situation: Situation) -> u64 {
    let index = Situation::ALL
        .iter()
        .position(|s| *s == situation)
        .unwrap_or(63);
    1u64 << index.min(63)
}

/// The hard (high-confidence) restrictions of a service, as plain numbers.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ServiceDigest {
    /// The service may be referred (active, and not for agencies only).
    pub referable: bool,
    /// Minimum client age, if restricted with high confidence.
    pub min_age: Option<f64>,
    /// Maximum client age, if restricted with high confidence.
    pub max_age: Option<f64>,
    /// Gender served, if restricted with high confidence.
    pub gender: Option<Gender>,
    /// Highest income as percent of the poverty line.
    pub max_percent_of_poverty: Option<f64>,
    /// Highest monthly household income, dollars.
    pub max_monthly_income: Option<f64>,
    /// Populations served (bit mask of [`situation_bit`]); 0 = no restriction.
    pub populations: u64,
}

fn high<T>(c: &Constraint<T>) -> Option<&T> {
    match c {
        Constraint::Restricted { value, evidence } if evidence.confidence == Confidence::High => {
            Some(value)
        }
        _ => None,
    }
}

impl ServiceDigest {
    /// The digest of a service.
    pub fn of(service: &Service) -> Self {
        Self::with_eligibility(service, &crate::matching::check::eligibility_of(service))
    }

    /// The digest of a service whose eligibility as matching applies it
    /// ([`crate::matching::eligibility_of`]) is already read.
    pub fn with_eligibility(service: &Service, e: &Eligibility) -> Self {
        let age = high(&e.age).filter(|a| a.of == AgeOf::Client);
        let (mut max_pct, mut max_monthly) = (None, None);
        match high(&e.income) {
            Some(IncomeLimit::PercentOfPoverty(p)) => max_pct = Some(*p),
            Some(IncomeLimit::MonthlyDollars(m)) => max_monthly = Some(*m),
            Some(IncomeLimit::AnnualDollars(a)) => max_monthly = Some(*a / 12.0),
            // A household size the table does not list may be allowed
            // more than any it does: nothing to filter on.
            Some(IncomeLimit::LowIncome | IncomeLimit::AnnualByHouseholdSize(_)) | None => {}
        }
        ServiceDigest {
            referable: service.status.is_referable() && !e.agency_only,
            min_age: age.and_then(|a| a.min),
            max_age: age.and_then(|a| a.max),
            gender: high(&e.gender).copied(),
            max_percent_of_poverty: max_pct,
            max_monthly_income: max_monthly,
            populations: high(&e.populations)
                .map(|ps| ps.iter().fold(0, |m, s| m | situation_bit(*s)))
                .unwrap_or(0),
        }
    }

    /// `false` when the client certainly fails a hard restriction.
    pub fn may_serve(&self, client: &ClientMasks) -> bool {
        if !self.referable {
            return false;
        }
        if let Some(age) = client.age
            && (self.min_age.is_some_and(|m| age < m) || self.max_age.is_some_and(|m| age > m))
        {
            return false;
        }
        if let (Some(want), Some(is)) = (self.gender, client.gender)
            && want != is
        {
            return false;
        }
        if let (Some(max), Some(pct)) = (self.max_percent_of_poverty, client.percent_of_poverty)
            && pct > max
        {
            return false;
        }
        if let (Some(max), Some(monthly)) = (self.max_monthly_income, client.monthly_income)
            && monthly > max
        {
            return false;
        }
        self.populations == 0
            || self.populations & client.satisfied != 0
            || self.populations & client.undecidable != 0
    }
}

/// A client's facts as masks and numbers, computed once per query.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ClientMasks {
    /// Age in years.
    pub age: Option<f64>,
    /// Gender.
    pub gender: Option<Gender>,
    /// Income as percent of the poverty line.
    pub percent_of_poverty: Option<f64>,
    /// Monthly household income.
    pub monthly_income: Option<f64>,
    /// Populations the client belongs to (with implications applied).
    pub satisfied: u64,
    /// Populations the profile cannot decide (age groups without an age...).
    pub undecidable: u64,
}

impl ClientMasks {
    /// Computes the masks of a client.
    pub fn of(client: &ClientFacts) -> Self {
        let mut satisfied = 0;
        let mut undecidable = 0;
        for required in Situation::ALL {
            if client.satisfies(*required).is_some() {
                satisfied |= situation_bit(*required);
            }
            if client.cannot_tell(*required) {
                undecidable |= situation_bit(*required);
            }
        }
        ClientMasks {
            age: client.age,
            gender: client.gender,
            percent_of_poverty: client.percent_of_poverty,
            monthly_income: client.monthly_income,
            satisfied,
            undecidable,
        }
    }
}
