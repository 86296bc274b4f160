//! Benefit pre-screen: percent of the poverty line and likely programs.
//!
//! Parameters are effective-dated data, not constants:
//! `data/benefits/poverty-guidelines.json` (HHS poverty guidelines 2025 and
//! 2026 for the 48 contiguous states + DC, Alaska and Hawaii) and
//! `data/benefits/programs.json` (SNAP gross 130% / net 100% monthly tests by
//! fiscal year; Medicaid adult expansion at 138%). Each file names its
//! sources. A pre-screen is not an eligibility decision: each program gets
//! `likely`, `possible`, `unlikely` or `unknown` with the reasons.

use std::fmt;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::profile::ClientProfile;
use crate::situation::Situation;

const GUIDELINES_FILE: &str = "data/benefits/poverty-guidelines.json";
const GUIDELINES_JSON: &str = include_str!("../../../data/benefits/poverty-guidelines.json");
const PROGRAMS_FILE: &str = "data/benefits/programs.json";
const PROGRAMS_JSON: &str = include_str!("../../../data/benefits/programs.json");

static TABLES: LazyLock<Result<Tables, BenefitError>> =
    LazyLock::new(|| parse_tables(GUIDELINES_JSON, PROGRAMS_JSON));

/// Why a pre-screen could not be done.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BenefitError {
    /// Household size 0 or absurd.
    #[error("household size {0} is outside 1..=50")]
    HouseholdSize(u32),
    /// Income negative, NaN or absurd.
    #[error("monthly income {0} is not a non-negative amount")]
    Income(String),
    /// The date is before the first guideline in the table.
    #[error("no poverty guideline in effect on {date} (the table starts {first})")]
    NoGuideline {
        /// The date asked.
        date: Date,
        /// First effective date in the table.
        first: Date,
    },
    /// An embedded table is malformed (a build defect caught by unit tests).
    #[error("{file}: {message}")]
    Table {
        /// The data file.
        file: &'static str,
        /// What is wrong.
        message: String,
    },
}

/// Which poverty guideline applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PovertyRegion {
    /// The 48 contiguous states and DC (also used for territories and unknown states).
    Contiguous,
    /// Alaska.
    Alaska,
    /// Hawaii.
    Hawaii,
}

impl PovertyRegion {
    /// The region of a two-letter state code (`None` or any other: contiguous).
    pub fn for_state(state: Option<&str>) -> Self {
        match state.map(|s| s.trim().to_ascii_uppercase()).as_deref() {
            Some("AK") => PovertyRegion::Alaska,
            Some("HI") => PovertyRegion::Hawaii,
            _ => PovertyRegion::Contiguous,
        }
    }

    fn key(self) -> &'static str {
        match self {
            PovertyRegion::Contiguous => "contiguous",
            PovertyRegion::Alaska => "AK",
            PovertyRegion::Hawaii => "HI",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GuidelineFile {
    #[allow(dead_code)]
    about: String,
    #[allow(dead_code)]
    sources: Vec<String>,
    guidelines: Vec<GuidelineYear>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GuidelineYear {
    year: i32,
    effective_from: Date,
    regions: std::collections::BTreeMap<String, RegionAmounts>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionAmounts {
    first_person: u32,
    each_additional: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgramsFile {
    #[allow(dead_code)]
    about: String,
    snap: SnapParams,
    medicaid_adult: MedicaidParams,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SnapParams {
    #[allow(dead_code)]
    sources: Vec<String>,
    periods: Vec<SnapPeriod>,
    elderly_age: u32,
    #[allow(dead_code)]
    note: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct SnapPeriod {
    fiscal_year: i32,
    effective_from: Date,
    effective_to: Date,
    guideline_year: i32,
    gross_percent: u32,
    net_percent: u32,
    status: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MedicaidParams {
    #[allow(dead_code)]
    sources: Vec<String>,
    income_percent: u32,
    min_age: u32,
    max_age: u32,
    non_expansion_states: Vec<String>,
}

#[derive(Debug)]
struct Tables {
    guidelines: Vec<GuidelineYear>,
    programs: ProgramsFile,
}

fn parse_tables(guidelines: &str, programs: &str) -> Result<Tables, BenefitError> {
    let g: GuidelineFile = serde_json::from_str(guidelines).map_err(|e| BenefitError::Table {
        file: GUIDELINES_FILE,
        message: e.to_string(),
    })?;
    let p: ProgramsFile = serde_json::from_str(programs).map_err(|e| BenefitError::Table {
        file: PROGRAMS_FILE,
        message: e.to_string(),
    })?;
    let bad_g = |message: String| BenefitError::Table {
        file: GUIDELINES_FILE,
        message,
    };
    if g.guidelines.is_empty() {
        return Err(bad_g("no guidelines".into()));
    }
    for pair in g.guidelines.windows(2) {
        if let [a, b] = pair
            && (a.effective_from >= b.effective_from || a.year >= b.year)
        {
            return Err(bad_g(format!(
                "guideline {} is not after {}",
                b.year, a.year
            )));
        }
    }
    for y in &g.guidelines {
        for region in [
            PovertyRegion::Contiguous,
            PovertyRegion::Alaska,
            PovertyRegion::Hawaii,
        ] {
            match y.regions.get(region.key()) {
                Some(r) if r.first_person > 0 && r.each_additional > 0 => {}
                _ => {
                    return Err(bad_g(format!(
                        "{}: region {} missing or zero",
                        y.year,
                        region.key()
                    )));
                }
            }
        }
    }
    for period in &p.snap.periods {
        if !g.guidelines.iter().any(|y| y.year == period.guideline_year)
            || period.effective_from > period.effective_to
        {
            return Err(BenefitError::Table {
                file: PROGRAMS_FILE,
                message: format!(
                    "SNAP FY{}: no guideline {} or bad dates",
                    period.fiscal_year, period.guideline_year
                ),
            });
        }
    }
    Ok(Tables {
        guidelines: g.guidelines,
        programs: p,
    })
}

fn tables() -> Result<&'static Tables, BenefitError> {
    TABLES.as_ref().map_err(Clone::clone)
}

/// A poverty guideline for one household.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Guideline {
    /// Guideline year.
    pub year: i32,
    /// Region.
    pub region: PovertyRegion,
    /// Household size.
    pub household_size: u32,
    /// Annual amount, US dollars.
    pub annual: u32,
}

fn amount(
    year: &GuidelineYear,
    region: PovertyRegion,
    household_size: u32,
) -> Result<u32, BenefitError> {
    if !(1..=50).contains(&household_size) {
        return Err(BenefitError::HouseholdSize(household_size));
    }
    let r = year
        .regions
        .get(region.key())
        .ok_or_else(|| BenefitError::Table {
            file: GUIDELINES_FILE,
            message: format!("{}: no region {}", year.year, region.key()),
        })?;
    Ok(r.first_person + (household_size - 1) * r.each_additional)
}

/// The poverty guideline of a given year.
pub fn guideline_for_year(
    year: i32,
    region: PovertyRegion,
    household_size: u32,
) -> Result<Option<Guideline>, BenefitError> {
    let Some(y) = tables()?.guidelines.iter().find(|y| y.year == year) else {
        return Ok(None);
    };
    Ok(Some(Guideline {
        year,
        region,
        household_size,
        annual: amount(y, region, household_size)?,
    }))
}

/// The poverty guideline in effect on a date (the latest with
/// `effective_from <= date`).
pub fn poverty_guideline(
    household_size: u32,
    region: PovertyRegion,
    date: Date,
) -> Result<Guideline, BenefitError> {
    let t = tables()?;
    let y = t
        .guidelines
        .iter()
        .rev()
        .find(|y| y.effective_from <= date)
        .ok_or_else(|| BenefitError::NoGuideline {
            date,
            first: t
                .guidelines
                .first()
                .map(|y| y.effective_from)
                .unwrap_or(date),
        })?;
    Ok(Guideline {
        year: y.year,
        region,
        household_size,
        annual: amount(y, region, household_size)?,
    })
}

/// SNAP monthly income limits for one household.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SnapLimits {
    /// Federal fiscal year (FY2026 = Oct 1 2025 - Sep 30 2026).
    pub fiscal_year: i32,
    /// Gross monthly income limit (130%).
    pub gross_monthly: u32,
    /// Net monthly income limit (100%).
    pub net_monthly: u32,
    /// `published` or a note that the figures are computed.
    pub status: String,
}

/// Monthly limit = annual guideline x percent / 12, rounded up to the dollar.
fn monthly_limit(annual: u32, percent: u32) -> u32 {
    let cents = u64::from(annual) * u64::from(percent);
    // annual * percent / 100 / 12, rounded up, in integers.
    cents.div_ceil(1200) as u32
}

/// SNAP income limits in effect on a date, if the table covers it.
pub fn snap_limits(
    household_size: u32,
    region: PovertyRegion,
    date: Date,
) -> Result<Option<SnapLimits>, BenefitError> {
    let t = tables()?;
    let Some(p) = t
        .programs
        .snap
        .periods
        .iter()
        .find(|p| p.effective_from <= date && date <= p.effective_to)
    else {
        return Ok(None);
    };
    // USDA publishes limits for 1-8 people plus a rounded-up amount per
    // additional member; households of 9+ add that amount, as USDA does.
    let base_size = household_size.min(8);
    let Some(g) = guideline_for_year(p.guideline_year, region, base_size)? else {
        return Ok(None);
    };
    let extra = household_size - base_size;
    let per_person = match t.guidelines.iter().find(|y| y.year == p.guideline_year) {
        Some(y) => amount(y, region, 2)? - amount(y, region, 1)?,
        None => return Ok(None),
    };
    let limit =
        |percent| monthly_limit(g.annual, percent) + extra * monthly_limit(per_person, percent);
    Ok(Some(SnapLimits {
        fiscal_year: p.fiscal_year,
        gross_monthly: limit(p.gross_percent),
        net_monthly: limit(p.net_percent),
        status: p.status.clone(),
    }))
}

/// What the pre-screen needs to know.
#[derive(Debug, Clone, PartialEq)]
pub struct BenefitInput {
    /// People in the household.
    pub household_size: u32,
    /// Gross household income per month, US dollars.
    pub monthly_income: f64,
    /// Two-letter state, if known (Alaska and Hawaii have their own guideline;
    /// Medicaid expansion depends on it).
    pub state: Option<String>,
    /// Age of the client, if known (Medicaid adult group is 19-64; 60+ is "elderly" for SNAP).
    pub age: Option<u32>,
    /// Whether the household has a member 60+ or with a disability (SNAP: net test only).
    pub elderly_or_disabled: bool,
    /// The date to screen for.
    pub date: Date,
}

/// A program screened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Program {
    /// Supplemental Nutrition Assistance Program (food stamps, EBT, CalFresh).
    Snap,
    /// Medicaid for adults 19-64 in expansion states.
    MedicaidAdult,
}

impl Program {
    /// `snap` or `medicaid-adult`.
    pub fn code(self) -> &'static str {
        match self {
            Program::Snap => "snap",
            Program::MedicaidAdult => "medicaid-adult",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Program::Snap => "SNAP",
            Program::MedicaidAdult => "Medicaid",
        }
    }
}

/// How likely a household qualifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Likelihood {
    /// Passes every income test screened.
    Likely,
    /// Passes some; the rest depend on facts not screened (deductions).
    Possible,
    /// Fails an income test.
    Unlikely,
    /// Cannot say (no parameters for the date, or outside the group screened).
    Unknown,
}

impl fmt::Display for Likelihood {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Likelihood::Likely => "likely",
            Likelihood::Possible => "possible",
            Likelihood::Unlikely => "unlikely",
            Likelihood::Unknown => "unknown",
        })
    }
}

/// The pre-screen of one program.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgramScreen {
    /// The program.
    pub program: Program,
    /// How likely.
    pub likelihood: Likelihood,
    /// One line for a care plan ("likely eligible for SNAP: apply").
    pub summary: String,
    /// The tests and figures behind it.
    pub reasons: Vec<String>,
}

/// Result of a benefit pre-screen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenefitScreen {
    /// Date screened for.
    pub date: Date,
    /// Poverty guideline used for the percentage.
    pub guideline: Guideline,
    /// Household income as a percent of the poverty guideline (one decimal).
    pub percent_of_poverty: f64,
    /// Programs screened.
    pub programs: Vec<ProgramScreen>,
}

impl BenefitScreen {
    /// Flags for matching and the care plan: `snap:likely`, `medicaid-adult:unlikely`, ...
    pub fn flags(&self) -> Vec<String> {
        self.programs
            .iter()
            .map(|p| format!("{}:{}", p.program.code(), p.likelihood))
            .collect()
    }
}

/// Screens a household.
///
/// ```
/// use carenav_core::{Date, benefits::{self, BenefitInput, Likelihood}};
/// let screen = benefits::prescreen(&BenefitInput {
///     household_size: 3, monthly_income: 2000.0, state: Some("CA".into()), age: Some(35),
///     elderly_or_disabled: false, date: Date::new(2026, 3, 1).unwrap(),
/// }).unwrap();
/// assert_eq!(screen.guideline.annual, 27_320);
/// assert_eq!(screen.percent_of_poverty, 87.8);
/// assert_eq!(screen.programs[0].summary, "likely eligible for SNAP: apply");
/// assert_eq!(screen.flags(), ["snap:likely", "medicaid-adult:likely"]);
/// ```
pub fn prescreen(input: &BenefitInput) -> Result<BenefitScreen, BenefitError> {
    let m = input.monthly_income;
    if !m.is_finite() || !(0.0..=1e9).contains(&m) {
        return Err(BenefitError::Income(m.to_string()));
    }
    let region = PovertyRegion::for_state(input.state.as_deref());
    let guideline = poverty_guideline(input.household_size, region, input.date)?;
    let percent = (m * 12.0 / f64::from(guideline.annual) * 1000.0).round() / 10.0;
    let programs = vec![snap(input, region)?, medicaid(input, &guideline, percent)?];
    Ok(BenefitScreen {
        date: input.date,
        guideline,
        percent_of_poverty: percent,
        programs,
    })
}

fn screen(program: Program, likelihood: Likelihood, reasons: Vec<String>) -> ProgramScreen {
    let name = program.name();
    let summary = match likelihood {
        Likelihood::Likely => format!("likely eligible for {name}: apply"),
        Likelihood::Possible => format!(
            "may be eligible for {name}: apply, the agency decides with deductions and other rules"
        ),
        Likelihood::Unlikely => {
            format!("unlikely eligible for {name} on income; check state rules")
        }
        Likelihood::Unknown => format!("{name}: not screened"),
    };
    ProgramScreen {
        program,
        likelihood,
        summary,
        reasons,
    }
}

fn snap(input: &BenefitInput, region: PovertyRegion) -> Result<ProgramScreen, BenefitError> {
    let n = input.household_size;
    let Some(l) = snap_limits(n, region, input.date)? else {
        return Ok(screen(
            Program::Snap,
            Likelihood::Unknown,
            vec![format!(
                "no SNAP income limits in {PROGRAMS_FILE} for {}",
                input.date
            )],
        ));
    };
    let elderly_age = tables()?.programs.snap.elderly_age;
    let exempt = input.elderly_or_disabled || input.age.is_some_and(|a| a >= elderly_age);
    let income = input.monthly_income;
    let fy = l.fiscal_year;
    let mut reasons = Vec::new();
    if exempt {
        reasons.push(format!(
            "household with a member {elderly_age}+ or disabled: no gross income test"
        ));
    } else if income > f64::from(l.gross_monthly) {
        reasons.push(format!(
            "gross income ${income:.0}/month is above the FY{fy} gross limit ${} (130% of poverty) for {n}; states with broad-based categorical eligibility may allow more",
            l.gross_monthly
        ));
        return Ok(screen(Program::Snap, Likelihood::Unlikely, reasons));
    } else {
        reasons.push(format!(
            "gross income ${income:.0}/month is within the FY{fy} gross limit ${} (130%) for {n}",
            l.gross_monthly
        ));
    }
    // Net income is gross minus deductions, so gross within the net limit passes for sure.
    let likelihood = if income <= f64::from(l.net_monthly) {
        reasons.push(format!(
            "gross income is within the net limit ${} (100%), so the net test passes whatever the deductions",
            l.net_monthly
        ));
        Likelihood::Likely
    } else {
        reasons.push(format!(
            "net income after deductions (shelter, earned income, dependent care, medical) must be at most ${} (100%)",
            l.net_monthly
        ));
        Likelihood::Possible
    };
    if l.status != "published" {
        reasons.push(format!("FY{fy} limits {}", l.status));
    }
    reasons.push("asset, student, immigration and work rules not screened".into());
    Ok(screen(Program::Snap, likelihood, reasons))
}

fn medicaid(
    input: &BenefitInput,
    g: &Guideline,
    percent: f64,
) -> Result<ProgramScreen, BenefitError> {
    let p = &tables()?.programs.medicaid_adult;
    let limit = p.income_percent;
    let mut reasons = vec![format!(
        "income is {percent}% of the {} poverty guideline (${} a year for {})",
        g.year, g.annual, g.household_size
    )];
    if let Some(age) = input.age.filter(|a| *a < p.min_age || *a > p.max_age) {
        reasons.push(format!(
            "age {age} is outside the adult expansion group ({}-{}); children, seniors, pregnant people and people with disabilities have other Medicaid groups",
            p.min_age, p.max_age
        ));
        return Ok(screen(Program::MedicaidAdult, Likelihood::Unknown, reasons));
    }
    let state = input
        .state
        .as_deref()
        .map(|s| s.trim().to_ascii_uppercase());
    if percent > f64::from(limit) {
        reasons.push(format!("above the {limit}% adult limit"));
        return Ok(screen(
            Program::MedicaidAdult,
            Likelihood::Unlikely,
            reasons,
        ));
    }
    reasons.push(format!("within the {limit}% adult limit"));
    match state {
        Some(s) if p.non_expansion_states.contains(&s) => {
            reasons.push(format!(
                "{s} has not expanded Medicaid to adults; other groups may apply"
            ));
            Ok(screen(
                Program::MedicaidAdult,
                Likelihood::Unlikely,
                reasons,
            ))
        }
        Some(_) => Ok(screen(Program::MedicaidAdult, Likelihood::Likely, reasons)),
        None => {
            reasons.push("state unknown: applies if the state expanded Medicaid".into());
            Ok(screen(
                Program::MedicaidAdult,
                Likelihood::Possible,
                reasons,
            ))
        }
    }
}

/// Screens a profile: `None` when household size or income is missing. The
/// state comes from a ZIP location; elderly/disabled from age 60+ or the
/// `senior`/`disability` attributes.
pub fn prescreen_profile(
    profile: &ClientProfile,
    date: Date,
) -> Result<Option<BenefitScreen>, BenefitError> {
    let (Some(household_size), Some(monthly_income)) =
        (profile.household_size, profile.monthly_income)
    else {
        return Ok(None);
    };
    let elderly_or_disabled = profile
        .attributes
        .iter()
        .any(|a| a.implies(Situation::Disability) || *a == Situation::Senior);
    prescreen(&BenefitInput {
        household_size,
        monthly_income,
        state: profile.state().map(str::to_string),
        age: profile.age,
        elderly_or_disabled,
        date,
    })
    .map(Some)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn embedded_tables_are_valid() {
        let t = parse_tables(GUIDELINES_JSON, PROGRAMS_JSON).unwrap();
        assert_eq!(t.guidelines.len(), 2);
    }

    #[test]
    fn malformed_tables_are_typed_errors() {
        let err = parse_tables("{}", PROGRAMS_JSON).unwrap_err();
        assert!(
            matches!(
                err,
                BenefitError::Table {
                    file: GUIDELINES_FILE,
                    ..
                }
            ),
            "{err}"
        );
        let no_hawaii = GUIDELINES_JSON.replace("\"HI\"", "\"XX\"");
        assert!(
            parse_tables(&no_hawaii, PROGRAMS_JSON)
                .unwrap_err()
                .to_string()
                .contains("HI")
        );
        let bad_year =
            PROGRAMS_JSON.replace("\"guideline_year\": 2025", "\"guideline_year\": 1999");
        assert!(parse_tables(GUIDELINES_JSON, &bad_year).is_err());
    }

    #[test]
    fn monthly_limit_rounds_up() {
        assert_eq!(monthly_limit(15_650, 130), 1696); // 1695.42
        assert_eq!(monthly_limit(15_650, 100), 1305); // 1304.17
        assert_eq!(monthly_limit(12_000, 100), 1000); // exact
    }
}
