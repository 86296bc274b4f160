//! A service's structured eligibility: read back from carenav's own
//! `carenav-eligibility` attributes when an export carries them (coding in
//! [`crate::write`]), otherwise from HSDS's free text and age fields.

use serde_json::Value;

use carenav_core::text::eligibility_from_text;
use carenav_core::{
    AgeOf, AgeRange, Confidence, Constraint, Eligibility, Evidence, EvidenceSource, Gender,
    HouseholdLimit, HouseholdLimits, IncomeLimit, Requirement, RequirementKind, Service, Situation,
};

use super::fields::Rec;
use crate::error::{Issue, IssueKind};

/// One `carenav-eligibility` attribute: its term code, value and evidence.
#[derive(Debug)]
pub(crate) struct Coded {
    pub(crate) code: String,
    pub(crate) value: Option<String>,
    pub(crate) evidence: Option<Value>,
    /// Where it was, for issues.
    pub(crate) path: String,
}

/// Eligibility from HSDS's own fields: the free text, then the structured
/// ages, which win over any age read from the text.
pub(crate) fn from_hsds(service: &Service) -> Eligibility {
    let mut eligibility = service
        .eligibility_description
        .as_deref()
        .map(eligibility_from_text)
        .unwrap_or_default();
    let field = match (service.minimum_age, service.maximum_age) {
        (Some(_), Some(_)) => Some("minimum_age,maximum_age"),
        (Some(_), None) => Some("minimum_age"),
        (None, Some(_)) => Some("maximum_age"),
        (None, None) => None,
    };
    if let Some(field) = field {
        let range = AgeRange::client(service.minimum_age, service.maximum_age);
        eligibility.age = Constraint::structured(range, field);
    }
    eligibility
}

fn restricted<T>(value: T, evidence: &Evidence) -> Constraint<T> {
    Constraint::Restricted {
        value,
        evidence: evidence.clone(),
    }
}

fn unknown<T>(text: &str) -> Constraint<T> {
    Constraint::Unknown {
        text: text.to_owned(),
    }
}

fn number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|n| n.is_finite())
}

/// "1:39600,2:45250,+:5650": household sizes and their annual limits, and
/// what each additional person adds (`+`).
fn household_limits(text: &str) -> Option<HouseholdLimits> {
    let mut table = HouseholdLimits::default();
    for pair in text.split(',') {
        let (size, dollars) = pair.split_once(':')?;
        let dollars = number(dollars).filter(|d| *d > 0.0)?;
        if size.trim() == "+" {
            table.each_additional = Some(dollars);
            continue;
        }
        table.limits.push(HouseholdLimit {
            size: size.trim().parse().ok().filter(|n| *n > 0)?,
            annual_dollars: dollars,
        });
    }
    (!table.limits.is_empty()).then_some(table)
}

fn age_range(text: &str, of: AgeOf) -> Option<AgeRange> {
    let (min, max) = text.split_once("..")?;
    let end = |s: &str| {
        if s.trim().is_empty() {
            Some(None)
        } else {
            number(s).map(Some)
        }
    };
    Some(AgeRange {
        min: end(min)?,
        max: end(max)?,
        of,
    })
}

/// Reads coded attributes back into an eligibility; codes it cannot read are
/// reported and skipped.
pub(crate) fn from_codes(rec: &mut Rec<'_>, codes: Vec<Coded>) -> Result<Eligibility, Issue> {
    let mut e = Eligibility::default();
    let mut populations: Option<(Vec<Situation>, Evidence)> = None;
    let mut residency: Option<(Vec<String>, Evidence)> = None;
    for c in codes {
        let evidence = match c.evidence {
            None => None,
            Some(raw) => match serde_json::from_value::<Evidence>(raw) {
                Ok(ev) => Some(ev),
                Err(err) => {
                    rec.issue(
                        Some(format!("{}.{}", c.path, crate::write::EVIDENCE_FIELD)),
                        IssueKind::InvalidValue,
                        format!("not carenav evidence ({err}); ignored"),
                    )?;
                    None
                }
            },
        };
        // Tabular exports cannot carry the extension: the attribute itself is the evidence.
        let evidence = evidence.unwrap_or_else(|| Evidence {
            source: EvidenceSource::Field("attributes".to_owned()),
            text: None,
            confidence: Confidence::High,
        });
        let value = c.value.as_deref().unwrap_or("");
        let read = match c.code.as_str() {
            "open" => true,
            "agency-only" => {
                e.agency_only = true;
                true
            }
            "to-verify" => {
                e.to_verify.push(value.to_owned());
                true
            }
            "age:client" | "age:child" => {
                let of = if c.code == "age:child" {
                    AgeOf::Child
                } else {
                    AgeOf::Client
                };
                age_range(value, of)
                    .map(|r| e.age = restricted(r, &evidence))
                    .is_some()
            }
            "income:percent-of-poverty" => number(value)
                .map(|n| e.income = restricted(IncomeLimit::PercentOfPoverty(n), &evidence))
                .is_some(),
            "income:monthly-dollars" => number(value)
                .map(|n| e.income = restricted(IncomeLimit::MonthlyDollars(n), &evidence))
                .is_some(),
            "income:annual-dollars" => number(value)
                .map(|n| e.income = restricted(IncomeLimit::AnnualDollars(n), &evidence))
                .is_some(),
            "income:annual-by-household-size" => household_limits(value)
                .map(|l| e.income = restricted(IncomeLimit::AnnualByHouseholdSize(l), &evidence))
                .is_some(),
            "income:low-income" => {
                e.income = restricted(IncomeLimit::LowIncome, &evidence);
                true
            }
            "residency" => {
                let entry = residency.get_or_insert_with(|| (Vec::new(), evidence.clone()));
                entry.0.push(value.to_owned());
                true
            }
            code => match code.split_once(':') {
                Some((dim, "unknown")) => {
                    match dim {
                        "age" => e.age = unknown(value),
                        "gender" => e.gender = unknown(value),
                        "income" => e.income = unknown(value),
                        "population" => e.populations = unknown(value),
                        "residency" => e.residency = unknown(value),
                        _ => {}
                    }
                    matches!(
                        dim,
                        "age" | "gender" | "income" | "population" | "residency"
                    )
                }
                Some(("requirement", k)) => match RequirementKind::parse(k) {
                    Some(kind) => {
                        e.requirements.push(Requirement {
                            kind,
                            text: value.to_owned(),
                        });
                        true
                    }
                    None => false,
                },
                Some(("gender", g)) => Gender::parse(g)
                    .map(|g| e.gender = restricted(g, &evidence))
                    .is_some(),
                Some(("population", p)) => match Situation::parse(p) {
                    Some(s) => {
                        let entry =
                            populations.get_or_insert_with(|| (Vec::new(), evidence.clone()));
                        entry.0.push(s);
                        true
                    }
                    None => false,
                },
                _ => false,
            },
        };
        if !read {
            rec.issue(
                Some(c.path),
                IssueKind::InvalidValue,
                format!(
                    "carenav-eligibility code {:?} with value {:?} is not understood; ignored",
                    c.code, value
                ),
            )?;
        }
    }
    if let Some((list, evidence)) = populations {
        e.populations = Constraint::Restricted {
            value: list,
            evidence,
        };
    }
    if let Some((list, evidence)) = residency {
        e.residency = Constraint::Restricted {
            value: list,
            evidence,
        };
    }
    Ok(e)
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case("18..", Some((Some(18.0), None)))]
    #[case("..17", Some((None, Some(17.0))))]
    #[case("5..14.5", Some((Some(5.0), Some(14.5))))]
    #[case("18", None)]
    #[case("a..b", None)]
    fn reads_age_values(#[case] text: &str, #[case] expected: Option<(Option<f64>, Option<f64>)>) {
        let got = age_range(text, AgeOf::Client).map(|r| (r.min, r.max));
        assert_eq!(got, expected);
    }
}
