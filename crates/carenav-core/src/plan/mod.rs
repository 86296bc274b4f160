//! The care plan: goals for the client's needs, the referrals chosen for
//! each, benefit actions, and the record of every edit and status change.
//!
//! [`CarePlan::propose`] builds a first plan from a profile and a
//! [`MatchResult`]:
//!
//! - one [`Goal`] per need of the profile, most urgent first (ties keep the
//!   profile's order);
//! - for each goal, up to [`PlanOptions::referrals_per_need`] (default 3) of
//!   the need's eligible referrals, best score first, never two from the same
//!   organization (organizations are compared by name, case and spacing
//!   ignored, because a match result names them but does not give their id);
//! - **"nearly as good"**: when filling each slot, a place that also serves
//!   another need of the client is taken ahead of the best remaining
//!   candidate if its score is at least `(1 - nearly_as_good) × best`
//!   ([`PlanOptions::nearly_as_good`], default 0.15, i.e. within 15%). A place
//!   serves another need when the matcher says so (`also_serves`) or when the
//!   same place (same street address, or same service-at-location when there
//!   is no address) is an eligible candidate for another need: one trip, two
//!   needs;
//! - benefit pre-screen results that are `likely` or `possible` become
//!   [`BenefitAction`]s with what to bring (`data/plan/benefit-actions.json`);
//! - referrals for personal-safety needs start with "do not contact the
//!   client" set ([`PlanOptions::do_not_contact_domains`]).
//!
//! Edits take a [`Stamp`] (actor and time; this crate has no clock) and are
//! recorded in [`CarePlan::history`]; status changes are recorded in each
//! referral's [`ReferralLifecycle`].

pub mod lifecycle;
pub mod vendor;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::LazyLock;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize};

use crate::benefits::{self, Likelihood};
use crate::date::Date;
use crate::directory::{Directory, LocationType, Phone, Schedule};
use crate::matching::{MatchResult, Referral};
use crate::needs::NeedDomain;
use crate::profile::{ClientProfile, Need, NeedEvidence, Urgency};

pub use lifecycle::{LifecycleError, LifecycleRecord, ReferralLifecycle, StatusChange, TaskStatus};
pub use vendor::{VendorError, VendorStatus};

const ACTIONS_JSON: &str = include_str!("../../../../data/plan/benefit-actions.json");

/// Longest accepted actor name, in characters.
pub const MAX_ACTOR: usize = 200;

/// An instant as FHIR writes it: `YYYY-MM-DDThh:mm:ss[.fff](Z|±hh:mm)`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Timestamp(String);

impl Timestamp {
    /// Checks the form (seconds and a time zone are required, as for a FHIR
    /// `instant`).
    ///
    /// ```
    /// use carenav_core::plan::Timestamp;
    /// assert!(Timestamp::parse("2026-03-02T10:00:00Z").is_ok());
    /// assert!(Timestamp::parse("2026-03-02T10:00:00.5-08:00").is_ok());
    /// assert!(Timestamp::parse("2026-03-02").is_err());
    /// assert!(Timestamp::parse("2026-02-30T10:00:00Z").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Self, PlanError> {
        let err = || PlanError::Timestamp {
            text: text.chars().take(40).collect(),
        };
        let t = text.trim();
        let b = t.as_bytes();
        let digits =
            |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
        let num = |r: std::ops::Range<usize>| t.get(r).and_then(|s| s.parse::<u32>().ok());
        if b.len() < 20 || !digits(11..13) || !digits(14..16) || !digits(17..19) {
            return Err(err());
        }
        if b.get(10) != Some(&b'T') || b.get(13) != Some(&b':') || b.get(16) != Some(&b':') {
            return Err(err());
        }
        Date::parse(t.get(..10).ok_or_else(err)?).map_err(|_| err())?;
        if num(11..13).is_none_or(|h| h > 23)
            || num(14..16).is_none_or(|m| m > 59)
            || num(17..19).is_none_or(|s| s > 60)
        {
            return Err(err());
        }
        let mut rest = t.get(19..).ok_or_else(err)?;
        if let Some(frac) = rest.strip_prefix('.') {
            let n = frac.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 || n > 9 {
                return Err(err());
            }
            rest = frac.get(n..).ok_or_else(err)?;
        }
        let zone_ok = rest == "Z" || {
            let z = rest.as_bytes();
            z.len() == 6
                && matches!(z.first(), Some(b'+' | b'-'))
                && z.get(3) == Some(&b':')
                && num(t.len() - 5..t.len() - 3).is_some_and(|h| h <= 14)
                && num(t.len() - 2..t.len()).is_some_and(|m| m <= 59)
        };
        if !zone_ok {
            return Err(err());
        }
        Ok(Timestamp(t.to_string()))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The calendar date part (local to the written offset).
    pub fn date(&self) -> Option<Date> {
        self.0.get(..10).and_then(|d| Date::parse(d).ok())
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<'de, str>::deserialize(deserializer)?;
        Timestamp::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Timestamp {
    fn schema_name() -> Cow<'static, str> {
        "Timestamp".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An instant: YYYY-MM-DDThh:mm:ss[.fff](Z|+hh:mm|-hh:mm).",
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$",
        })
    }
}

/// Who did something, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Stamp {
    /// The actor (a case manager's id, a system's name).
    #[schemars(length(min = 1, max = 200))]
    pub by: String,
    /// When.
    pub at: Timestamp,
}

impl Stamp {
    /// Builds a stamp, checking the actor (1..=200 characters, not blank)
    /// and the timestamp.
    pub fn new(by: &str, at: &str) -> Result<Self, PlanError> {
        let by = by.trim();
        if by.is_empty() || by.chars().count() > MAX_ACTOR {
            return Err(PlanError::Actor {
                actor: by.chars().take(40).collect(),
            });
        }
        Ok(Stamp {
            by: by.to_string(),
            at: Timestamp::parse(at)?,
        })
    }
}

/// Why a plan operation was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    /// Not a valid instant.
    #[error("not a valid timestamp (YYYY-MM-DDThh:mm:ss with Z or an offset): {text:?}")]
    Timestamp {
        /// The text (cut to 40 characters).
        text: String,
    },
    /// Blank or too long actor.
    #[error("actor must be 1 to {MAX_ACTOR} characters, got {actor:?}")]
    Actor {
        /// The actor (cut to 40 characters).
        actor: String,
    },
    /// No goal for that need.
    #[error("the plan has no goal for {domain}")]
    UnknownGoal {
        /// Need domain code.
        domain: String,
    },
    /// The plan already has a goal for that need.
    #[error("the plan already has a goal for {domain}")]
    DuplicateGoal {
        /// Need domain code.
        domain: String,
    },
    /// No referral with that id.
    #[error("the plan has no referral {id:?}")]
    UnknownReferral {
        /// Referral id as given (cut to 200 characters).
        id: String,
    },
    /// The goal already refers to that organization or service-at-location.
    #[error("goal {domain} already has a referral to {what}")]
    DuplicateReferral {
        /// Need domain code.
        domain: String,
        /// The organization or service-at-location.
        what: String,
    },
    /// Only draft referrals are removed; others keep their record.
    #[error(
        "referral {id} is {status}; only draft referrals can be removed (cancel it or mark it entered-in-error instead)"
    )]
    NotDraft {
        /// Referral id.
        id: String,
        /// Its status.
        status: TaskStatus,
    },
    /// Position outside the list.
    #[error("position {index} is outside 0..{len}")]
    Position {
        /// Requested position.
        index: usize,
        /// List length.
        len: usize,
    },
    /// A status change was refused.
    #[error("referral {referral}: {source}")]
    Lifecycle {
        /// Referral id.
        referral: String,
        /// Why.
        source: LifecycleError,
    },
    /// Unknown vendor status.
    #[error(transparent)]
    Vendor(#[from] VendorError),
    /// A plan read from JSON breaks an invariant.
    #[error("invalid care plan: {0}")]
    Invalid(String),
}

/// How [`CarePlan::propose`] chooses.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanOptions {
    /// Referrals per need (default 3).
    pub referrals_per_need: usize,
    /// How much lower (as a fraction of the best remaining score, 0..=1) a
    /// place serving several needs may score and still be preferred
    /// (default 0.15; 0 turns the preference off). Clamped to 0..=1.
    pub nearly_as_good: f32,
    /// Screen benefits as of this date (no actions when `None`).
    pub benefit_date: Option<Date>,
    /// Needs whose referrals start with "do not contact the client".
    pub do_not_contact_domains: Vec<String>,
    /// Who proposed the plan and when, if known.
    pub created: Option<Stamp>,
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions {
            referrals_per_need: 3,
            nearly_as_good: 0.15,
            benefit_date: None,
            do_not_contact_domains: vec!["intimate-partner-violence".into(), "elder-abuse".into()],
            created: None,
        }
    }
}

/// A client's plan of care.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "carenav care plan")]
pub struct CarePlan {
    /// The profile's id, when it had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile_id: Option<String>,
    /// The client's first language (ISO 639 code; `en` when not given):
    /// the printable plan's language.
    pub language: String,
    /// Who proposed the plan and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<Stamp>,
    /// One goal per need, in priority order.
    pub goals: Vec<Goal>,
    /// Benefit programs to apply for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<BenefitAction>,
    /// Problems met while proposing (no place found for a need...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// Every edit, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<PlanEvent>,
}

/// What the plan aims at for one need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// The need (also the goal's id within the plan).
    pub domain: NeedDomain,
    /// Its urgency.
    pub urgency: Urgency,
    /// The need's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Screening answers that flagged the need.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<NeedEvidence>,
    /// Chosen referrals, in the order the client should try them.
    pub referrals: Vec<PlanReferral>,
}

/// A referral chosen for a goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanReferral {
    /// Id within the plan: `<need domain>/<service-at-location id>`.
    pub id: String,
    /// HSDS service id.
    pub service_id: String,
    /// HSDS service-at-location id.
    pub service_at_location_id: String,
    /// Name of the service.
    pub service_name: String,
    /// Name of the organization.
    pub organization_name: String,
    /// Street address, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Main phone, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Distance from the client, km (none for virtual services).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance_km: Option<f64>,
    /// Matching score.
    pub score: f32,
    /// Why it matched.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<String>,
    /// What to verify before going.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caveats: Vec<String>,
    /// Other needs of the client this place serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_serves: Vec<String>,
    /// Why the plan chose it.
    pub selection: String,
    /// Do not contact the client (FHIR `contacting-subject-prohibited`).
    #[serde(default)]
    pub do_not_contact: bool,
    /// Address, hours, phones and documents from the directory
    /// ([`CarePlan::add_place_details`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<PlaceDetails>,
    /// Status and its history.
    #[serde(default)]
    pub lifecycle: ReferralLifecycle,
}

/// What a client needs to get to a place.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlaceDetails {
    /// HSDS organization id.
    pub organization_id: String,
    /// HSDS location id.
    pub location_id: String,
    /// Name of the place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_name: Option<String>,
    /// Street address on one line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Latitude, WGS 84.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    /// Longitude, WGS 84.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    /// Online or by phone only.
    #[serde(default)]
    pub virtual_only: bool,
    /// Phone numbers (with extension).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<String>,
    /// Opening hours.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hours: Vec<OpeningHours>,
    /// Documents to bring.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<String>,
    /// How to apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_process: Option<String>,
    /// Fees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fees: Option<String>,
    /// Web site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Languages spoken.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// How to get there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transportation: Option<String>,
}

/// One opening: days and times, or the source's text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OpeningHours {
    /// RFC 5545 day codes (`MO` … `SU`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub days: Vec<String>,
    /// Opening time `HH:MM`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opens: Option<String>,
    /// Closing time `HH:MM`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closes: Option<String>,
    /// Free text (when the times could not be read, or notes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A benefit program to apply for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BenefitAction {
    /// Program code (`snap`, `medicaid-adult`).
    pub program: String,
    /// `likely` or `possible`.
    pub likelihood: String,
    /// The action in English: "likely eligible for SNAP: apply, bring ID and proof of income".
    pub text: String,
    /// What to bring, as codes (`photo-id`, `proof-of-income`...).
    pub bring: Vec<String>,
    /// The tests behind the pre-screen.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<String>,
}

/// One edit of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanEvent {
    /// When.
    pub at: Timestamp,
    /// Who.
    pub by: String,
    /// What.
    pub change: PlanChange,
}

/// What an edit changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum PlanChange {
    /// A goal was added.
    GoalAdded {
        /// The need.
        goal: NeedDomain,
    },
    /// A goal (and its draft referrals) was removed.
    GoalRemoved {
        /// The need.
        goal: NeedDomain,
    },
    /// A goal was moved.
    GoalMoved {
        /// The need.
        goal: NeedDomain,
        /// Old position.
        from: usize,
        /// New position.
        to: usize,
    },
    /// A referral was added.
    ReferralAdded {
        /// The need.
        goal: NeedDomain,
        /// Referral id.
        referral: String,
    },
    /// A draft referral was removed.
    ReferralRemoved {
        /// The need.
        goal: NeedDomain,
        /// Referral id.
        referral: String,
    },
    /// A referral was moved within its goal.
    ReferralMoved {
        /// The need.
        goal: NeedDomain,
        /// Referral id.
        referral: String,
        /// Old position.
        from: usize,
        /// New position.
        to: usize,
    },
    /// "Do not contact the client" was set or cleared.
    DoNotContact {
        /// Referral id.
        referral: String,
        /// New value.
        value: bool,
    },
}

/// Organizations compare by name, case and spacing ignored.
fn org_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// One trip: the same street address, else the same service-at-location.
fn place_key(r: &Referral) -> String {
    match r.address.as_deref().map(org_key) {
        Some(a) if !a.is_empty() => format!("address:{a}"),
        _ => format!("sal:{}", r.service_at_location_id),
    }
}

fn referral_id(domain: NeedDomain, r: &Referral) -> String {
    format!("{}/{}", domain.code(), r.service_at_location_id)
}

fn plan_referral(domain: NeedDomain, r: &Referral, selection: String, dnc: bool) -> PlanReferral {
    PlanReferral {
        id: referral_id(domain, r),
        service_id: r.service_id.clone(),
        service_at_location_id: r.service_at_location_id.clone(),
        service_name: r.service_name.clone(),
        organization_name: r.organization_name.clone(),
        address: r.address.clone(),
        phone: r.phone.clone(),
        distance_km: r.distance_km,
        score: r.score,
        reasons: r.reasons.clone(),
        caveats: r.caveats.clone(),
        also_serves: r.also_serves.clone(),
        selection,
        do_not_contact: dnc,
        place: None,
        lifecycle: ReferralLifecycle::new(),
    }
}

#[derive(Deserialize)]
struct ActionTable {
    #[allow(dead_code)]
    about: String,
    programs: Vec<ProgramBring>,
    items: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct ProgramBring {
    program: String,
    bring: Vec<String>,
}

static ACTIONS: LazyLock<Result<ActionTable, String>> = LazyLock::new(|| {
    let t: ActionTable = serde_json::from_str(ACTIONS_JSON)
        .map_err(|e| format!("data/plan/benefit-actions.json: {e}"))?;
    for p in &t.programs {
        if let Some(item) = p.bring.iter().find(|i| !t.items.contains_key(*i)) {
            return Err(format!(
                "data/plan/benefit-actions.json: {} brings unknown item {item}",
                p.program
            ));
        }
    }
    Ok(t)
});

/// "a", "a and b", "a, b and c".
fn and_list(items: &[&str], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// The English words for a bring code (`photo-id` → `ID`).
pub fn bring_item_text(code: &str) -> Option<&'static str> {
    ACTIONS
        .as_ref()
        .ok()
        .and_then(|t| t.items.get(code))
        .map(String::as_str)
}

fn benefit_actions(
    profile: &ClientProfile,
    date: Date,
    warnings: &mut Vec<String>,
) -> Vec<BenefitAction> {
    let screen = match benefits::prescreen_profile(profile, date) {
        Ok(Some(s)) => s,
        Ok(None) => return Vec::new(),
        Err(e) => {
            warnings.push(format!("benefit pre-screen: {e}"));
            return Vec::new();
        }
    };
    let table = match ACTIONS.as_ref() {
        Ok(t) => t,
        Err(e) => {
            warnings.push(e.clone());
            return Vec::new();
        }
    };
    screen
        .programs
        .iter()
        .filter(|p| matches!(p.likelihood, Likelihood::Likely | Likelihood::Possible))
        .map(|p| {
            let bring: Vec<String> = table
                .programs
                .iter()
                .find(|b| b.program == p.program.code())
                .map(|b| b.bring.clone())
                .unwrap_or_default();
            let words: Vec<&str> = bring.iter().filter_map(|c| bring_item_text(c)).collect();
            let text = if words.is_empty() {
                p.summary.clone()
            } else {
                format!("{}, bring {}", p.summary, and_list(&words, "and"))
            };
            BenefitAction {
                program: p.program.code().to_string(),
                likelihood: p.likelihood.to_string(),
                text,
                bring,
                reasons: p.reasons.clone(),
            }
        })
        .collect()
}

/// Picks up to `k` referrals: one per organization, multi-need places
/// preferred when nearly as good.
fn choose<'a>(
    candidates: &[&'a Referral],
    shared: impl Fn(&Referral) -> bool,
    k: usize,
    tolerance: f32,
) -> Vec<(&'a Referral, Option<f32>)> {
    let mut remaining: Vec<&Referral> = Vec::new();
    for r in candidates {
        if !remaining
            .iter()
            .any(|x| org_key(&x.organization_name) == org_key(&r.organization_name))
        {
            remaining.push(r);
        }
    }
    let mut chosen = Vec::new();
    while chosen.len() < k {
        let Some(best) = remaining.first().map(|r| r.score) else {
            break;
        };
        let threshold = best * (1.0 - tolerance);
        let pick = remaining
            .iter()
            .position(|r| shared(r) && r.score >= threshold)
            .unwrap_or(0);
        let r = remaining.remove(pick);
        chosen.push((r, (pick > 0).then_some(best)));
    }
    chosen
}

impl CarePlan {
    /// Proposes a plan (see the module docs for the rules).
    ///
    /// ```
    /// use carenav_core::ClientProfile;
    /// use carenav_core::matching::{MatchResult, NeedMatches, Referral};
    /// use carenav_core::plan::{CarePlan, PlanOptions, TaskStatus};
    /// let profile = ClientProfile::from_json(r#"{"location":{"zip":"94063"},
    ///     "needs":[{"domain":"food-insecurity","urgency":"high"}]}"#).unwrap();
    /// let r = |org: &str, sal: &str, score| Referral { service_id: format!("s-{sal}"),
    ///     service_at_location_id: sal.into(), service_name: "Pantry".into(),
    ///     organization_name: org.into(), address: None, phone: None, distance_km: Some(1.0),
    ///     score, reasons: vec![], caveats: vec![], also_serves: vec![] };
    /// let result = MatchResult { profile_id: None, inferred: vec![], warnings: vec![],
    ///     needs: vec![NeedMatches { domain: "food-insecurity".into(), urgency: Default::default(),
    ///         referrals: vec![r("A", "1", 0.9), r("a ", "2", 0.8), r("B", "3", 0.5)], excluded: vec![] }] };
    /// let plan = CarePlan::propose(&profile, &result, &PlanOptions::default());
    /// let ids: Vec<_> = plan.goals[0].referrals.iter().map(|r| r.id.as_str()).collect();
    /// assert_eq!(ids, ["food-insecurity/1", "food-insecurity/3"]); // one per organization
    /// assert_eq!(plan.goals[0].referrals[0].lifecycle.status(), TaskStatus::Draft);
    /// ```
    pub fn propose(profile: &ClientProfile, result: &MatchResult, options: &PlanOptions) -> Self {
        let tolerance = if options.nearly_as_good.is_nan() {
            0.0
        } else {
            options.nearly_as_good.clamp(0.0, 1.0)
        };
        let mut warnings = result.warnings.clone();
        let mut needs: Vec<&Need> = profile.needs.iter().collect();
        needs.sort_by_key(|n| n.urgency.rank());
        // Each need's eligible candidates, best first.
        let candidates: Vec<Vec<&Referral>> = needs
            .iter()
            .map(|n| {
                let mut list: Vec<&Referral> = result
                    .needs
                    .iter()
                    .filter(|m| m.domain == n.domain.code())
                    .flat_map(|m| &m.referrals)
                    .collect();
                list.sort_by(|a, b| b.score.total_cmp(&a.score));
                list
            })
            .collect();
        let wanted: Vec<&str> = needs.iter().map(|n| n.domain.code()).collect();
        let goals = needs
            .iter()
            .zip(&candidates)
            .enumerate()
            .map(|(i, (need, list))| {
                let domain = need.domain;
                let others: Vec<String> = candidates
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .flat_map(|(_, l)| l.iter().map(|r| place_key(r)))
                    .collect();
                let shared = |r: &Referral| {
                    r.also_serves
                        .iter()
                        .any(|d| d != domain.code() && wanted.contains(&d.as_str()))
                        || others.contains(&place_key(r))
                };
                let dnc = options
                    .do_not_contact_domains
                    .iter()
                    .any(|d| d == domain.code());
                let referrals: Vec<PlanReferral> =
                    choose(list, shared, options.referrals_per_need, tolerance)
                        .into_iter()
                        .enumerate()
                        .map(|(rank, (r, over))| {
                            let selection = match over {
                                Some(best) => format!(
                                    "preferred: this place also serves another need of the client, score {:.3} within {:.0}% of the best remaining {:.3}",
                                    r.score,
                                    tolerance * 100.0,
                                    best
                                ),
                                None => format!("rank {} by score", rank + 1),
                            };
                            plan_referral(domain, r, selection, dnc)
                        })
                        .collect();
                if referrals.is_empty() {
                    warnings.push(format!("no eligible place found for {domain}"));
                }
                Goal {
                    domain,
                    urgency: need.urgency,
                    note: need.note.clone(),
                    evidence: need.evidence.clone(),
                    referrals,
                }
            })
            .collect();
        let actions = match options.benefit_date {
            Some(date) => benefit_actions(profile, date, &mut warnings),
            None => Vec::new(),
        };
        CarePlan {
            profile_id: profile.id.clone(),
            language: profile
                .languages
                .first()
                .cloned()
                .unwrap_or_else(|| "en".into()),
            created: options.created.clone(),
            goals,
            actions,
            warnings,
            history: Vec::new(),
        }
    }

    /// Fills [`PlanReferral::place`] from the directory the match was made
    /// against; returns how many referrals were found in it.
    pub fn add_place_details(&mut self, directory: &Directory) -> usize {
        let sals: HashMap<&str, _> = directory
            .service_at_locations
            .iter()
            .map(|s| (s.id.as_str(), s))
            .collect();
        let services: HashMap<&str, _> = directory
            .services
            .iter()
            .map(|s| (s.id.as_str(), s))
            .collect();
        let locations: HashMap<&str, _> = directory
            .locations
            .iter()
            .map(|l| (l.id.as_str(), l))
            .collect();
        let orgs: HashMap<&str, _> = directory
            .organizations
            .iter()
            .map(|o| (o.id.as_str(), o))
            .collect();
        let mut found = 0;
        for r in self.goals.iter_mut().flat_map(|g| g.referrals.iter_mut()) {
            let Some(sal) = sals.get(r.service_at_location_id.as_str()) else {
                continue;
            };
            let (Some(service), Some(location)) = (
                services.get(sal.service_id.as_str()),
                locations.get(sal.location_id.as_str()),
            ) else {
                continue;
            };
            let org = orgs.get(service.organization_id.as_str());
            let first_nonempty = |lists: [&Vec<Phone>; 4]| {
                lists
                    .into_iter()
                    .find(|l| !l.is_empty())
                    .map(|l| l.iter().map(phone_text).collect())
                    .unwrap_or_default()
            };
            let empty = Vec::new();
            let phones = first_nonempty([
                &sal.phones,
                &location.phones,
                &service.phones,
                org.map_or(&empty, |o| &o.phones),
            ]);
            let hours = [&sal.schedules, &location.schedules, &service.schedules]
                .into_iter()
                .find(|l| !l.is_empty())
                .map(|l| l.iter().map(opening_hours).collect())
                .unwrap_or_default();
            let address = location
                .addresses
                .iter()
                .find(|a| a.address_type == crate::directory::AddressType::Physical)
                .or(location.addresses.first())
                .map(|a| a.one_line())
                .filter(|a| !a.is_empty());
            r.place = Some(PlaceDetails {
                organization_id: service.organization_id.clone(),
                location_id: location.id.clone(),
                location_name: location.name.clone(),
                address,
                latitude: location.point.map(|p| p.latitude),
                longitude: location.point.map(|p| p.longitude),
                virtual_only: location.location_type == LocationType::Virtual,
                phones,
                hours,
                documents: service
                    .required_documents
                    .iter()
                    .map(|d| d.document.trim().to_string())
                    .filter(|d| !d.is_empty())
                    .collect(),
                application_process: service.application_process.clone(),
                fees: service.fees_description.clone(),
                website: service
                    .url
                    .clone()
                    .or_else(|| location.url.clone())
                    .or_else(|| org.and_then(|o| o.website.clone())),
                languages: location
                    .languages
                    .iter()
                    .chain(&service.languages)
                    .filter_map(|l| l.name.clone().or_else(|| l.code.clone()))
                    .fold(Vec::new(), |mut acc, l| {
                        if !acc.contains(&l) {
                            acc.push(l);
                        }
                        acc
                    }),
                transportation: location.transportation.clone(),
            });
            found += 1;
        }
        found
    }

    /// The goal for a need.
    pub fn goal(&self, domain: NeedDomain) -> Option<&Goal> {
        self.goals.iter().find(|g| g.domain == domain)
    }

    /// A referral by id.
    pub fn referral(&self, id: &str) -> Option<&PlanReferral> {
        self.goals
            .iter()
            .flat_map(|g| &g.referrals)
            .find(|r| r.id == id)
    }

    /// Every referral, goal by goal.
    pub fn referrals(&self) -> impl Iterator<Item = (&Goal, &PlanReferral)> {
        self.goals
            .iter()
            .flat_map(|g| g.referrals.iter().map(move |r| (g, r)))
    }

    fn log(&mut self, stamp: &Stamp, change: PlanChange) {
        self.history.push(PlanEvent {
            at: stamp.at.clone(),
            by: stamp.by.clone(),
            change,
        });
    }

    fn goal_index(&self, domain: NeedDomain) -> Result<usize, PlanError> {
        self.goals
            .iter()
            .position(|g| g.domain == domain)
            .ok_or_else(|| PlanError::UnknownGoal {
                domain: domain.code().into(),
            })
    }

    fn locate(&self, id: &str) -> Result<(usize, usize), PlanError> {
        self.goals
            .iter()
            .enumerate()
            .find_map(|(g, goal)| {
                goal.referrals
                    .iter()
                    .position(|r| r.id == id)
                    .map(|r| (g, r))
            })
            .ok_or_else(|| PlanError::UnknownReferral {
                id: id.chars().take(200).collect(),
            })
    }

    fn referral_mut(&mut self, id: &str) -> Result<&mut PlanReferral, PlanError> {
        let (g, r) = self.locate(id)?;
        self.goals
            .get_mut(g)
            .and_then(|goal| goal.referrals.get_mut(r))
            .ok_or_else(|| PlanError::UnknownReferral { id: id.into() })
    }

    /// Adds a goal for a need, after the goals of the same or higher urgency.
    pub fn add_goal(&mut self, need: &Need, stamp: &Stamp) -> Result<(), PlanError> {
        if self.goals.iter().any(|g| g.domain == need.domain) {
            return Err(PlanError::DuplicateGoal {
                domain: need.domain.code().into(),
            });
        }
        let at = self
            .goals
            .iter()
            .position(|g| g.urgency.rank() > need.urgency.rank())
            .unwrap_or(self.goals.len());
        self.goals.insert(
            at,
            Goal {
                domain: need.domain,
                urgency: need.urgency,
                note: need.note.clone(),
                evidence: need.evidence.clone(),
                referrals: Vec::new(),
            },
        );
        self.log(stamp, PlanChange::GoalAdded { goal: need.domain });
        Ok(())
    }

    /// Removes a goal; refused while any of its referrals is past `draft`.
    pub fn remove_goal(&mut self, domain: NeedDomain, stamp: &Stamp) -> Result<(), PlanError> {
        let i = self.goal_index(domain)?;
        if let Some(r) = self.goals.get(i).and_then(|g| {
            g.referrals
                .iter()
                .find(|r| r.lifecycle.status() != TaskStatus::Draft)
        }) {
            return Err(PlanError::NotDraft {
                id: r.id.clone(),
                status: r.lifecycle.status(),
            });
        }
        self.goals.remove(i);
        self.log(stamp, PlanChange::GoalRemoved { goal: domain });
        Ok(())
    }

    /// Moves a goal to position `to` (0 = first).
    pub fn move_goal(
        &mut self,
        domain: NeedDomain,
        to: usize,
        stamp: &Stamp,
    ) -> Result<(), PlanError> {
        let from = self.goal_index(domain)?;
        move_item(&mut self.goals, from, to)?;
        self.log(
            stamp,
            PlanChange::GoalMoved {
                goal: domain,
                from,
                to,
            },
        );
        Ok(())
    }

    /// Adds a referral (for instance from the match's other candidates) at
    /// the end of a goal; refused when the goal already refers to the same
    /// organization or service-at-location. Returns the referral's id.
    pub fn add_referral(
        &mut self,
        domain: NeedDomain,
        referral: &Referral,
        stamp: &Stamp,
    ) -> Result<String, PlanError> {
        let i = self.goal_index(domain)?;
        let dup = |what: String| PlanError::DuplicateReferral {
            domain: domain.code().into(),
            what,
        };
        let goal = self
            .goals
            .get_mut(i)
            .ok_or_else(|| PlanError::UnknownGoal {
                domain: domain.code().into(),
            })?;
        if goal
            .referrals
            .iter()
            .any(|r| r.service_at_location_id == referral.service_at_location_id)
        {
            return Err(dup(format!(
                "service-at-location {}",
                referral.service_at_location_id
            )));
        }
        if goal
            .referrals
            .iter()
            .any(|r| org_key(&r.organization_name) == org_key(&referral.organization_name))
        {
            return Err(dup(format!("organization {}", referral.organization_name)));
        }
        let dnc = goal.referrals.iter().any(|r| r.do_not_contact);
        let r = plan_referral(domain, referral, format!("added by {}", stamp.by), dnc);
        let id = r.id.clone();
        goal.referrals.push(r);
        self.log(
            stamp,
            PlanChange::ReferralAdded {
                goal: domain,
                referral: id.clone(),
            },
        );
        Ok(id)
    }

    /// Removes a draft referral (a sent one must be cancelled instead, so
    /// that its record stays).
    pub fn remove_referral(&mut self, id: &str, stamp: &Stamp) -> Result<(), PlanError> {
        let (g, r) = self.locate(id)?;
        let Some(goal) = self.goals.get_mut(g) else {
            return Err(PlanError::UnknownReferral { id: id.into() });
        };
        let status = goal.referrals.get(r).map(|x| x.lifecycle.status());
        if let Some(status) = status.filter(|s| *s != TaskStatus::Draft) {
            return Err(PlanError::NotDraft {
                id: id.into(),
                status,
            });
        }
        goal.referrals.remove(r);
        let domain = goal.domain;
        self.log(
            stamp,
            PlanChange::ReferralRemoved {
                goal: domain,
                referral: id.into(),
            },
        );
        Ok(())
    }

    /// Moves a referral to position `to` within its goal.
    pub fn move_referral(&mut self, id: &str, to: usize, stamp: &Stamp) -> Result<(), PlanError> {
        let (g, from) = self.locate(id)?;
        let Some(goal) = self.goals.get_mut(g) else {
            return Err(PlanError::UnknownReferral { id: id.into() });
        };
        move_item(&mut goal.referrals, from, to)?;
        let domain = goal.domain;
        self.log(
            stamp,
            PlanChange::ReferralMoved {
                goal: domain,
                referral: id.into(),
                from,
                to,
            },
        );
        Ok(())
    }

    /// Sets or clears "do not contact the client".
    pub fn set_do_not_contact(
        &mut self,
        id: &str,
        value: bool,
        stamp: &Stamp,
    ) -> Result<(), PlanError> {
        self.referral_mut(id)?.do_not_contact = value;
        self.log(
            stamp,
            PlanChange::DoNotContact {
                referral: id.into(),
                value,
            },
        );
        Ok(())
    }

    /// Changes a referral's status (see [`lifecycle`] for the legal moves).
    pub fn transition(
        &mut self,
        id: &str,
        to: TaskStatus,
        reason: Option<&str>,
        stamp: &Stamp,
    ) -> Result<(), PlanError> {
        self.referral_mut(id)?
            .lifecycle
            .transition(to, reason, stamp)
            .map_err(|source| PlanError::Lifecycle {
                referral: id.into(),
                source,
            })
    }

    /// Applies a vendor status or action ([`vendor`]): moves to the mapped
    /// status (the table's reason unless one is given), or records the
    /// update without a change when the label maps to none or to the
    /// current status. Returns the status after.
    pub fn apply_vendor_status(
        &mut self,
        id: &str,
        vendor: &str,
        label: &str,
        reason: Option<&str>,
        stamp: &Stamp,
    ) -> Result<TaskStatus, PlanError> {
        let row = vendor::lookup(vendor, label)?;
        let referral = self.referral_mut(id)?;
        let to = row.task_status.unwrap_or(referral.lifecycle.status());
        let reason = reason
            .filter(|r| !r.trim().is_empty())
            .or(row.reason.as_deref());
        referral
            .lifecycle
            .record(
                to,
                reason,
                stamp,
                Some(format!("{}: {}", row.vendor, row.label)),
            )
            .map_err(|source| PlanError::Lifecycle {
                referral: id.into(),
                source,
            })?;
        Ok(to)
    }

    /// Checks what serde cannot: unique goals and referral ids.
    pub fn validate(&self) -> Result<(), PlanError> {
        for (i, g) in self.goals.iter().enumerate() {
            if self.goals.iter().take(i).any(|x| x.domain == g.domain) {
                return Err(PlanError::Invalid(format!(
                    "goal {} appears twice",
                    g.domain
                )));
            }
        }
        let ids: Vec<&str> = self.referrals().map(|(_, r)| r.id.as_str()).collect();
        for (i, id) in ids.iter().enumerate() {
            if ids.iter().take(i).any(|x| x == id) {
                return Err(PlanError::Invalid(format!(
                    "referral id {id} appears twice"
                )));
            }
        }
        Ok(())
    }

    /// The JSON Schema of a plan, as checked in at `docs/care-plan.schema.json`.
    pub fn json_schema() -> serde_json::Value {
        schemars::schema_for!(CarePlan).to_value()
    }
}

fn move_item<T>(list: &mut Vec<T>, from: usize, to: usize) -> Result<(), PlanError> {
    if to >= list.len() || from >= list.len() {
        return Err(PlanError::Position {
            index: to,
            len: list.len(),
        });
    }
    let item = list.remove(from);
    list.insert(to, item);
    Ok(())
}

fn phone_text(p: &Phone) -> String {
    match p
        .extension
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        Some(ext) => format!("{} ext. {ext}", p.number.trim()),
        None => p.number.trim().to_string(),
    }
}

fn opening_hours(s: &Schedule) -> OpeningHours {
    let days: Vec<String> = s.weekdays().iter().map(|d| d.code().to_string()).collect();
    let timed = !days.is_empty() && s.opens_at.is_some() && s.closes_at.is_some();
    let text = [s.description.as_deref(), s.notes.as_deref()]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    OpeningHours {
        days: if timed { days } else { Vec::new() },
        opens: s.opens_at.filter(|_| timed).map(|t| t.to_string()),
        closes: s.closes_at.filter(|_| timed).map(|t| t.to_string()),
        text: (!text.is_empty() && (!timed || s.notes.is_some())).then_some(text),
    }
}

#[cfg(test)]
mod tests;
