//! Eligibility of one client for one service at one location.
//!
//! This is the single definition of carenav's eligibility semantics: the
//! index's fast pre-filter and the linear-scan baseline must agree with it,
//! and every referral's reasons and caveats come from here.
//!
//! The rules, in order:
//! 1. A service that is not active is never referred, nor is one that
//!    serves only agencies (`agency_only`).
//! 2. A structured restriction the client fails excludes the service, when
//!    it was read with high confidence; a low-confidence one keeps the
//!    service, lowers its score and becomes a caveat.
//! 3. A restriction the data mentions but carenav could not read, or that
//!    the profile cannot decide (no age given, say), is a caveat to verify,
//!    never an exclusion and never a silent pass.
//! 4. A place-bound service farther than the client's travel radius is
//!    excluded; a virtual service is exempt from distance, and so is a
//!    location without coordinates whose service area holds the client.
//! 5. The client must live in the service area when the area could be
//!    resolved; an area carenav cannot resolve is a caveat.

use std::borrow::Cow;

use serde::Serialize;

use crate::date::Date;
use crate::directory::{Location, LocationType, Service};
use crate::eligibility::{AgeOf, Confidence, Constraint, Eligibility, Evidence, IncomeLimit};
use crate::matching::facts::ClientFacts;

/// Days after which a record's last verification is worth a caveat.
pub const STALE_AFTER_DAYS: i64 = 365;

/// Whether the client lives in a service's area, as the geography layer found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AreaFact {
    /// The service declares no area.
    NoArea,
    /// The client is inside the named area.
    Inside(String),
    /// Every declared area was resolved and none contains the client.
    Outside(Vec<String>),
    /// Some area could not be resolved (and none resolved contains the client).
    Unresolved(Vec<String>),
}

/// Why a service was excluded: the constraint and the text behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Exclusion {
    /// The constraint kind: `status`, `agency-only`, `age`, `gender`, `income`,
    /// `population`, `service-area`, `distance`.
    pub constraint: &'static str,
    /// What failed, in words.
    pub detail: String,
    /// The source text or field the restriction came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// The outcome of checking one candidate.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Assessment {
    /// Set when the client must not be referred.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub excluded: Option<Exclusion>,
    /// Eligibility facts checked and passed.
    pub reasons: Vec<String>,
    /// Things to verify before the client goes.
    pub caveats: Vec<String>,
    /// Number of low-confidence restrictions the client may not meet.
    pub doubtful: u32,
    /// Whether the service speaks none of the client's languages.
    pub language_mismatch: bool,
}

impl Assessment {
    fn exclude(&mut self, constraint: &'static str, detail: String, evidence: Option<String>) {
        if self.excluded.is_none() {
            self.excluded = Some(Exclusion {
                constraint,
                detail,
                evidence,
            });
        }
    }

    /// A restriction the client fails: exclusion if read with high
    /// confidence, otherwise a caveat and a score penalty.
    fn fail(&mut self, constraint: &'static str, detail: String, evidence: &Evidence) {
        let quote = evidence_text(evidence);
        if evidence.confidence == Confidence::High {
            self.exclude(constraint, detail, quote);
        } else {
            self.doubtful += 1;
            self.caveats.push(match quote {
                Some(q) => format!("may not serve this client ({detail}): \"{q}\""),
                None => format!("may not serve this client ({detail})"),
            });
        }
    }

    /// Whether the client may be referred.
    pub fn is_eligible(&self) -> bool {
        self.excluded.is_none()
    }
}

fn evidence_text(evidence: &Evidence) -> Option<String> {
    match (&evidence.text, &evidence.source) {
        (Some(text), _) => Some(text.clone()),
        (None, crate::eligibility::EvidenceSource::Field(field)) => Some(format!("field {field}")),
        (None, _) => None,
    }
}

fn fmt_age(age: f64) -> String {
    if age.fract() == 0.0 {
        format!("{age:.0}")
    } else {
        format!("{age}")
    }
}

fn describe_range(min: Option<f64>, max: Option<f64>) -> String {
    match (min, max) {
        (Some(a), Some(b)) => format!("ages {}-{}", fmt_age(a), fmt_age(b)),
        (Some(a), None) => format!("ages {} and over", fmt_age(a)),
        (None, Some(b)) => format!("ages up to {}", fmt_age(b)),
        (None, None) => "any age".to_owned(),
    }
}

/// The eligibility matching applies to a service: its own, plus what its
/// name says ("Women's Shelter", "Senior Center") on the dimensions its
/// eligibility leaves open. Read here rather than at import so every source
/// and every importer gets the same reading, and the pre-filter agrees.
pub fn eligibility_of(service: &Service) -> Cow<'_, Eligibility> {
    match crate::text::eligibility::with_name_cues(&service.name, &service.eligibility) {
        Some(e) => Cow::Owned(e),
        None => Cow::Borrowed(&service.eligibility),
    }
}

/// Checks a client against a service delivered at a location.
///
/// `eligibility` is the service's eligibility as matching applies it,
/// [`eligibility_of`] the service (passed in so an index can read it once,
/// when it indexes the service, rather than on every match);
/// `distance_km` is the great-circle distance from the client to the
/// location (None when the location has no coordinates), `area` what the
/// geography layer found about the service area, `today` the date against
/// which freshness is judged.
pub fn assess(
    service: &Service,
    eligibility: &Eligibility,
    location: &Location,
    client: &ClientFacts,
    distance_km: Option<f64>,
    area: &AreaFact,
    today: Date,
) -> Assessment {
    let mut out = Assessment::default();
    let e = eligibility;
    if !service.status.is_referable() {
        out.exclude(
            "status",
            format!("service is {}", service.status.as_str()),
            None,
        );
        return out;
    }
    if e.agency_only {
        out.exclude(
            "agency-only",
            "serves agencies or organizations, not individual clients".to_owned(),
            service
                .eligibility_description
                .clone()
                .or_else(|| Some(service.name.clone())),
        );
        return out;
    }
    check_age(&mut out, &e.age, client);
    check_gender(&mut out, e, client);
    check_income(&mut out, &e.income, client);
    check_populations(&mut out, e, client);
    check_distance(&mut out, location, client, distance_km, area);
    check_area(&mut out, area);
    if let Constraint::Restricted { value, .. } = &e.residency
        && !matches!(area, AreaFact::Inside(_))
    {
        out.caveats
            .push(format!("must live in: {}", value.join(", ")));
    }
    if let Constraint::Unknown { text } = &e.residency {
        out.caveats.push(format!("residency: {text}"));
    }
    for r in &e.requirements {
        out.caveats
            .push(format!("required: {} (\"{}\")", r.kind.code(), r.text));
    }
    for text in &e.to_verify {
        out.caveats.push(format!("eligibility to verify: {text}"));
    }
    check_languages(&mut out, service, location, client);
    add_practical_caveats(&mut out, service, today);
    out
}

fn check_age(out: &mut Assessment, age: &Constraint<crate::AgeRange>, client: &ClientFacts) {
    match age {
        Constraint::Open => {}
        Constraint::Unknown { text } => out.caveats.push(format!("age limits to verify: {text}")),
        Constraint::Restricted { value, evidence } => {
            let range = describe_range(value.min, value.max);
            match (value.of, client.age) {
                (AgeOf::Child, _) => {
                    out.caveats.push(format!("for a child {range}"));
                }
                (AgeOf::Client, None) => {
                    out.caveats
                        .push(format!("serves {range}: confirm the client's age"));
                }
                (AgeOf::Client, Some(age)) if value.contains(age) => {
                    out.reasons
                        .push(format!("age {} within {range}", fmt_age(age)));
                }
                (AgeOf::Client, Some(age)) => {
                    out.fail(
                        "age",
                        format!("age {} outside {range}", fmt_age(age)),
                        evidence,
                    );
                }
            }
        }
    }
}

fn check_gender(out: &mut Assessment, e: &Eligibility, client: &ClientFacts) {
    match &e.gender {
        Constraint::Open => {}
        Constraint::Unknown { text } => {
            out.caveats.push(format!("gender limits to verify: {text}"))
        }
        Constraint::Restricted { value, evidence } => match client.gender {
            None => out
                .caveats
                .push(format!("serves {} clients only", value.code())),
            Some(g) if g == *value => out.reasons.push(format!("serves {} clients", value.code())),
            Some(g) => out.fail(
                "gender",
                format!(
                    "serves {} clients only; client is {}",
                    value.code(),
                    g.code()
                ),
                evidence,
            ),
        },
    }
}

fn check_income(out: &mut Assessment, income: &Constraint<IncomeLimit>, client: &ClientFacts) {
    let (limit, evidence) = match income {
        Constraint::Open => return,
        Constraint::Unknown { text } => {
            out.caveats.push(format!("income limits to verify: {text}"));
            return;
        }
        Constraint::Restricted { value, evidence } => (value, evidence),
    };
    let verdict = match *limit {
        IncomeLimit::PercentOfPoverty(max) => client.percent_of_poverty.map(|pct| {
            (
                pct <= max,
                format!("income {pct:.0}% of poverty line, limit {max:.0}%"),
            )
        }),
        IncomeLimit::MonthlyDollars(max) => client
            .monthly_income
            .map(|m| (m <= max, format!("income ${m:.0}/month, limit ${max:.0}"))),
        IncomeLimit::AnnualDollars(max) => client
            .monthly_income
            // Compared per month, exactly as the pre-filter digest does.
            .map(|m| {
                (
                    m <= max / 12.0,
                    format!("income ${:.0}/year, limit ${max:.0}", m * 12.0),
                )
            }),
        IncomeLimit::LowIncome => {
            out.caveats
                .push("serves low-income clients: bring proof of income".to_owned());
            return;
        }
        IncomeLimit::AnnualByHouseholdSize(_) => 'verdict: {
            let (Some(m), Some(size)) = (client.monthly_income, client.household_size) else {
                break 'verdict None;
            };
            let Some(max) = limit.annual_for_household(size) else {
                let listed = describe_limit(limit);
                out.caveats.push(format!(
                    "income limits ({listed}) list no household of {size}: ask"
                ));
                return;
            };
            // Compared per month, as for one annual figure.
            Some((
                m <= max / 12.0,
                format!(
                    "income ${:.0}/year, limit ${max:.0} for a household of {size}",
                    m * 12.0
                ),
            ))
        }
    };
    match verdict {
        Some((true, detail)) => out.reasons.push(detail),
        Some((false, detail)) => out.fail("income", detail, evidence),
        None => out.caveats.push(format!(
            "has an income limit ({}): bring proof of income",
            describe_limit(limit)
        )),
    }
}

fn describe_limit(limit: &IncomeLimit) -> String {
    match limit {
        IncomeLimit::PercentOfPoverty(p) => format!("{p:.0}% of the poverty line"),
        IncomeLimit::MonthlyDollars(m) => format!("${m:.0} a month"),
        IncomeLimit::AnnualDollars(a) => format!("${a:.0} a year"),
        IncomeLimit::LowIncome => "low income".to_owned(),
        IncomeLimit::AnnualByHouseholdSize(table) => {
            let mut listed: Vec<String> = table
                .limits
                .iter()
                .map(|l| {
                    let people = if l.size == 1 { "person" } else { "people" };
                    format!("${:.0} a year for {} {people}", l.annual_dollars, l.size)
                })
                .collect();
            if let Some(each) = table.each_additional {
                listed.push(format!("${each:.0} more for each additional person"));
            }
            listed.join(", ")
        }
    }
}

fn check_populations(out: &mut Assessment, e: &Eligibility, client: &ClientFacts) {
    let (required, evidence) = match &e.populations {
        Constraint::Open => return,
        Constraint::Unknown { text } => {
            out.caveats
                .push(format!("population served to verify: {text}"));
            return;
        }
        Constraint::Restricted { value, evidence } => (value, evidence),
    };
    if required.is_empty() {
        return;
    }
    if let Some((need, have)) = required
        .iter()
        .find_map(|r| client.satisfies(*r).map(|s| (*r, s)))
    {
        out.reasons.push(if need == have {
            format!("serves {}", need.label().to_lowercase())
        } else {
            format!(
                "serves {} (client: {})",
                need.label().to_lowercase(),
                have.label().to_lowercase()
            )
        });
        return;
    }
    let labels = required
        .iter()
        .map(|s| s.label().to_lowercase())
        .collect::<Vec<_>>()
        .join(" or ");
    if required.iter().any(|r| client.cannot_tell(*r)) {
        out.caveats.push(format!("serves {labels} only: confirm"));
    } else {
        out.fail("population", format!("serves {labels} only"), evidence);
    }
}

fn check_distance(
    out: &mut Assessment,
    location: &Location,
    client: &ClientFacts,
    distance_km: Option<f64>,
    area: &AreaFact,
) {
    if location.location_type == LocationType::Virtual {
        out.reasons.push("available remotely".to_owned());
        return;
    }
    match distance_km {
        Some(d) if d <= client.max_distance_km => {
            out.reasons.push(format!("{d:.1} km away"));
        }
        Some(d) => out.exclude(
            "distance",
            format!(
                "{d:.1} km away, farther than {:.0} km",
                client.max_distance_km
            ),
            None,
        ),
        // A place with no coordinates can still be referred when it serves
        // the client's area (a county legal aid office, say): the client
        // calls first.
        None if matches!(area, AreaFact::Inside(_)) => out
            .caveats
            .push("no map location: call for the nearest office".to_owned()),
        None => out.exclude("distance", "location has no coordinates".to_owned(), None),
    }
}

fn check_area(out: &mut Assessment, area: &AreaFact) {
    match area {
        AreaFact::NoArea => {}
        AreaFact::Inside(name) => out.reasons.push(format!("serves residents of {name}")),
        AreaFact::Outside(names) => out.exclude(
            "service-area",
            format!("serves only {}", names.join(", ")),
            None,
        ),
        AreaFact::Unresolved(names) => out.caveats.push(format!(
            "check that the client lives in the service area: {}",
            names.join(", ")
        )),
    }
}

fn check_languages(
    out: &mut Assessment,
    service: &Service,
    location: &Location,
    client: &ClientFacts,
) {
    if client.languages.is_empty() {
        return;
    }
    let spoken: Vec<(Option<&str>, Option<&str>)> = service
        .languages
        .iter()
        .chain(&location.languages)
        .map(|l| (l.code.as_deref(), l.name.as_deref()))
        .collect();
    if spoken.is_empty() {
        return;
    }
    let hit = client.languages.iter().find(|want| {
        spoken
            .iter()
            .any(|(code, _)| code.is_some_and(|c| c.eq_ignore_ascii_case(want)))
    });
    match hit {
        Some(code) => out.reasons.push(format!("speaks {code}")),
        None if service.interpretation_services.is_some() => out.reasons.push(format!(
            "interpretation offered: {}",
            service
                .interpretation_services
                .as_deref()
                .unwrap_or_default()
        )),
        None => {
            out.language_mismatch = true;
            let mut names: Vec<&str> = spoken.iter().filter_map(|(c, n)| n.or(*c)).collect();
            names.sort_unstable();
            names.dedup();
            out.caveats.push(format!(
                "may not speak the client's language (offers {})",
                names.join(", ")
            ));
        }
    }
}

fn add_practical_caveats(out: &mut Assessment, service: &Service, today: Date) {
    let docs: Vec<&str> = service
        .required_documents
        .iter()
        .map(|d| d.document.as_str())
        .collect();
    if !docs.is_empty() {
        out.caveats.push(format!("bring: {}", docs.join(", ")));
    }
    if let Some(fees) = service.fees_description.as_deref().map(str::trim) {
        let lower = fees.to_ascii_lowercase();
        let free = [
            "none",
            "none.",
            "free",
            "free.",
            "no fee",
            "no fees",
            "no charge",
        ];
        if !fees.is_empty() && !free.contains(&lower.as_str()) {
            out.caveats.push(format!("fees: {fees}"));
        }
    }
    if let Some(checked) = last_verified(service) {
        if checked.days_until(today) > STALE_AFTER_DAYS {
            out.caveats
                .push(format!("last verified {checked}: call to confirm"));
        }
    } else {
        out.caveats
            .push("never verified: call to confirm".to_owned());
    }
}

/// The most recent of `assured_date` and `last_modified`.
pub fn last_verified(service: &Service) -> Option<Date> {
    let modified = service
        .last_modified
        .as_deref()
        .and_then(|t| Date::parse(t).ok());
    match (service.assured_date, modified) {
        (Some(a), Some(m)) => Some(a.max(m)),
        (a, m) => a.or(m),
    }
}
