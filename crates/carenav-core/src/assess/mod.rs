//! Assessment: from standard screening answers to the needs of a profile.
//!
//! Instruments are data (`data/screenings/*.json`): items keyed by LOINC code,
//! their answer codes, and positive-screen rules (`answer_in`,
//! `answer_not_in`, `score_at_least` with a documented, overridable cut-off).
//! How urgent each flagged need is comes from one table,
//! `data/screenings/urgency.json`. A case manager overrides by putting the
//! need in the base profile given to [`merge_into_profile`].
//!
//! ```
//! use carenav_core::assess::{self, AssessOptions};
//! let answers = assess::parse_answers(
//!     r#"{"instrument":"ahc-hrsn","answers":{"71802-3":"LA31995-6","88122-7":"LA6729-3"}}"#,
//! ).unwrap();
//! let result = assess::assess(&answers, &AssessOptions::default()).unwrap();
//! let codes: Vec<_> = result.needs.iter().map(|n| (n.domain.code(), n.urgency.code())).collect();
//! assert_eq!(codes, [("homelessness", "high"), ("food-insecurity", "medium")]);
//! ```

mod input;
mod table;

use std::collections::BTreeMap;

use serde::Serialize;

pub use input::{AnswerSet, AnswerValue, GivenAnswer, parse_answers};
pub use table::{
    AnswerOption, Extract, Instrument, Item, ItemKind, Parameter, Rule, RuleTest, UrgencyRule,
    instrument, instruments, urgency_rules,
};

use crate::needs::NeedDomain;
use crate::profile::{ClientProfile, ItemAnswer, Need, NeedEvidence, Urgency};
use crate::situation::Situation;

/// Why answers could not be assessed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AssessError {
    /// The input is not JSON.
    #[error("answers file is not valid JSON (line {line}, column {column}): {message}")]
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// serde's message.
        message: String,
    },
    /// JSON, but not in either answers format.
    #[error("answers file, at {path}: {message}")]
    Shape {
        /// Where in the input.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// No instrument by that name.
    #[error("unknown screening instrument {name:?}; valid: {}", valid.join(", "))]
    UnknownInstrument {
        /// Name given.
        name: String,
        /// Valid instrument ids.
        valid: Vec<String>,
    },
    /// The input does not say which instrument it answers.
    #[error("cannot tell which instrument these answers are for; name it (\"instrument\": one of {})", valid.join(", "))]
    UndetectedInstrument {
        /// Valid instrument ids.
        valid: Vec<String>,
    },
    /// An item code the instrument does not have.
    #[error("{instrument}: unknown LOINC item {item:?} at {path}; valid items: {}", valid.join(", "))]
    UnknownItem {
        /// Instrument id.
        instrument: String,
        /// Item code given.
        item: String,
        /// Where in the input.
        path: String,
        /// The instrument's item codes.
        valid: Vec<String>,
    },
    /// An answer code (or number, or text) the item does not allow.
    #[error("{instrument}: item {item} has no answer {answer:?} (at {path}); valid answers: {}", valid.join(", "))]
    UnknownAnswer {
        /// Instrument id.
        instrument: String,
        /// Item code.
        item: String,
        /// Answer given.
        answer: String,
        /// Where in the input.
        path: String,
        /// Valid answers (`code (text)`), or the expected kind of value.
        valid: Vec<String>,
    },
    /// A parameter override names no parameter of the instrument.
    #[error("{instrument}: unknown parameter {name:?}; valid: {}", valid.join(", "))]
    UnknownParameter {
        /// Instrument id.
        instrument: String,
        /// Name given.
        name: String,
        /// Valid parameter names.
        valid: Vec<String>,
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

/// Options of an assessment.
#[derive(Debug, Clone, Default)]
pub struct AssessOptions {
    /// Assess against this instrument whatever the input says.
    pub instrument: Option<String>,
    /// Overrides of the instrument's documented cut-offs (e.g. `stress_min` = 1).
    pub parameters: BTreeMap<String, f64>,
}

/// The result of assessing one set of answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// Instrument id.
    pub instrument: String,
    /// Flagged needs, most urgent first, each with its evidence.
    pub needs: Vec<Need>,
    /// Rules that could not be scored (e.g. a safety item unanswered).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub incomplete: Vec<String>,
    /// Household size, if the instrument asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub household_size: Option<u32>,
    /// Monthly household income, if the instrument asked (yearly / 12).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly_income: Option<f64>,
    /// Situations the answers establish (homeless, veteran, refugee, ...).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<Situation>,
    /// Insurance the answers name.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub insurance: Vec<String>,
    /// Cut-offs used, by name.
    pub parameters: BTreeMap<String, f64>,
}

/// A resolved answer: an answer option, or a number or text.
#[derive(Debug, Clone)]
enum Resolved<'a> {
    Option(&'a AnswerOption),
    Number(f64),
    Text,
}

/// Reads and assesses answers JSON in one step.
pub fn assess_json(text: &str, options: &AssessOptions) -> Result<Assessment, AssessError> {
    assess(&parse_answers(text)?, options)
}

/// Assesses a set of answers.
pub fn assess(answers: &AnswerSet, options: &AssessOptions) -> Result<Assessment, AssessError> {
    let ins = detect_instrument(answers, options)?;
    let parameters = parameters(ins, options)?;

    // Resolve every answer against the instrument: unknown codes are errors.
    let mut resolved: BTreeMap<&str, Vec<Resolved<'_>>> = BTreeMap::new();
    for given in &answers.answers {
        let item = ins
            .item(&given.item)
            .ok_or_else(|| AssessError::UnknownItem {
                instrument: ins.id.clone(),
                item: given.item.chars().take(80).collect(),
                path: given.path.clone(),
                valid: ins
                    .items
                    .iter()
                    .filter(|i| i.kind != ItemKind::Group)
                    .map(|i| i.loinc.clone())
                    .collect(),
            })?;
        for v in &given.values {
            let r = resolve(ins, item, v, &given.path)?;
            resolved.entry(item.loinc.as_str()).or_default().push(r);
        }
    }

    let mut flagged: Vec<(NeedDomain, Vec<NeedEvidence>)> = Vec::new();
    let mut incomplete = Vec::new();
    for rule in &ins.rules {
        let domain = NeedDomain::parse(&rule.domain).map_err(|e| AssessError::Table {
            file: "data/screenings",
            message: e.to_string(),
        })?;
        if let Some(ev) = evaluate(ins, rule, &resolved, &parameters, &mut incomplete) {
            match flagged.iter_mut().find(|(d, _)| *d == domain) {
                Some((_, evs)) => evs.push(ev),
                None => flagged.push((domain, vec![ev])),
            }
        }
    }

    let urgency = urgency_rules()?;
    let mut needs: Vec<(usize, Need)> = flagged
        .into_iter()
        .map(|(domain, evidence)| {
            let (rank, urgency, why) = urgency_of(urgency, domain, &evidence);
            let texts: Vec<&str> = evidence.iter().map(|e| e.text.as_str()).collect();
            let note = format!("{why}. Flagged by {}: {}", ins.id, texts.join("; "));
            let need = Need {
                domain,
                urgency,
                note: Some(note),
                evidence,
            };
            (rank, need)
        })
        .collect();
    needs.sort_by_key(|(rank, n)| (n.urgency.rank(), *rank));

    let mut out = Assessment {
        instrument: ins.id.clone(),
        needs: needs.into_iter().map(|(_, n)| n).collect(),
        incomplete,
        household_size: None,
        monthly_income: None,
        attributes: Vec::new(),
        insurance: Vec::new(),
        parameters,
    };
    extract(ins, &resolved, &mut out);
    Ok(out)
}

fn detect_instrument(
    answers: &AnswerSet,
    options: &AssessOptions,
) -> Result<&'static Instrument, AssessError> {
    if let Some(name) = options.instrument.as_ref().or(answers.instrument.as_ref()) {
        return instrument(name);
    }
    let all = instruments()?;
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase()
    };
    if let Some(q) = &answers.questionnaire {
        let q = squash(q);
        let hit = all.iter().find(|i| {
            std::iter::once(&i.id)
                .chain(&i.panels)
                .chain(&i.aliases)
                .any(|name| name.len() > 3 && q.contains(&squash(name)))
        });
        if let Some(i) = hit {
            return Ok(i);
        }
    }
    if let Some(i) = all
        .iter()
        .find(|i| answers.groups.iter().any(|g| i.panels.contains(g)))
    {
        return Ok(i);
    }
    // Last resort: the only instrument that knows every answered item.
    let fits: Vec<&Instrument> = all
        .iter()
        .filter(|i| {
            !answers.answers.is_empty() && answers.answers.iter().all(|a| i.item(&a.item).is_some())
        })
        .collect();
    match fits.as_slice() {
        [one] => Ok(one),
        _ => Err(AssessError::UndetectedInstrument {
            valid: all.iter().map(|i| i.id.clone()).collect(),
        }),
    }
}

fn parameters(
    ins: &Instrument,
    options: &AssessOptions,
) -> Result<BTreeMap<String, f64>, AssessError> {
    let mut out: BTreeMap<String, f64> = ins
        .parameters
        .iter()
        .map(|p| (p.name.clone(), p.default))
        .collect();
    for (name, value) in &options.parameters {
        match out.get_mut(name) {
            Some(slot) if value.is_finite() => *slot = *value,
            _ => {
                return Err(AssessError::UnknownParameter {
                    instrument: ins.id.clone(),
                    name: name.clone(),
                    valid: ins.parameters.iter().map(|p| p.name.clone()).collect(),
                });
            }
        }
    }
    Ok(out)
}

fn resolve<'a>(
    ins: &Instrument,
    item: &'a Item,
    v: &AnswerValue,
    path: &str,
) -> Result<Resolved<'a>, AssessError> {
    let unknown = |answer: String, valid: Vec<String>| AssessError::UnknownAnswer {
        instrument: ins.id.clone(),
        item: item.loinc.clone(),
        answer: answer.chars().take(80).collect(),
        path: path.to_string(),
        valid,
    };
    let options = || -> Vec<String> {
        item.answers
            .iter()
            .map(|a| format!("{} ({})", a.code, a.text))
            .collect()
    };
    match (item.kind, v) {
        (ItemKind::Choice, AnswerValue::Code(c) | AnswerValue::Text(c)) => item
            .answer(c)
            .or_else(|| {
                item.answers
                    .iter()
                    .find(|a| a.text.eq_ignore_ascii_case(c.trim()))
            })
            .map(Resolved::Option)
            .ok_or_else(|| unknown(c.clone(), options())),
        // A score given as a number (e.g. PHQ-2 answered 0-3).
        (ItemKind::Choice, AnswerValue::Integer(n)) => item
            .answers
            .iter()
            .find(|a| a.score == Some(*n as f64))
            .map(Resolved::Option)
            .ok_or_else(|| unknown(n.to_string(), options())),
        (ItemKind::Choice, AnswerValue::Decimal(n)) => Err(unknown(n.to_string(), options())),
        (ItemKind::Integer | ItemKind::Decimal, AnswerValue::Integer(n)) => {
            Ok(Resolved::Number(*n as f64))
        }
        (ItemKind::Decimal, AnswerValue::Decimal(n)) if n.is_finite() => Ok(Resolved::Number(*n)),
        (ItemKind::Integer | ItemKind::Decimal, AnswerValue::Code(s) | AnswerValue::Text(s)) => s
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite() && (item.kind == ItemKind::Decimal || n.fract() == 0.0))
            .map(Resolved::Number)
            .ok_or_else(|| {
                unknown(
                    s.clone(),
                    vec![format!(
                        "a {} number",
                        if item.kind == ItemKind::Integer {
                            "whole"
                        } else {
                            "decimal"
                        }
                    )],
                )
            }),
        (ItemKind::Integer | ItemKind::Decimal, AnswerValue::Decimal(n)) => {
            Err(unknown(n.to_string(), vec!["a whole number".into()]))
        }
        (ItemKind::String | ItemKind::Computed, _) => Ok(Resolved::Text),
        (ItemKind::Group, _) => Err(unknown(
            format!("{v:?}"),
            vec!["no answer: this is a group (panel or section)".into()],
        )),
    }
}

fn option_answers<'a, 'b>(
    resolved: &'b BTreeMap<&str, Vec<Resolved<'a>>>,
    item: &str,
) -> impl Iterator<Item = &'a AnswerOption> + 'b {
    resolved
        .get(item)
        .into_iter()
        .flatten()
        .filter_map(|r| match r {
            Resolved::Option(o) => Some(*o),
            _ => None,
        })
}

fn evaluate(
    ins: &Instrument,
    rule: &Rule,
    resolved: &BTreeMap<&str, Vec<Resolved<'_>>>,
    parameters: &BTreeMap<String, f64>,
    incomplete: &mut Vec<String>,
) -> Option<NeedEvidence> {
    let question = |code: &str| ins.item(code).map(|i| i.text.clone()).unwrap_or_default();
    let mut hits: Vec<(&str, &AnswerOption)> = Vec::new();
    let text = match &rule.test {
        RuleTest::AnswerIn { items, answers } | RuleTest::AnswerNotIn { items, answers } => {
            let want_in = matches!(rule.test, RuleTest::AnswerIn { .. });
            for item in items {
                for a in option_answers(resolved, item) {
                    if answers.contains(&a.code) == want_in {
                        hits.push((item.as_str(), a));
                    }
                }
            }
            if hits.is_empty() {
                return None;
            }
            hits.iter()
                .map(|(item, a)| format!("{item} \"{}\" = \"{}\"", question(item), a.text))
                .collect::<Vec<_>>()
                .join("; ")
        }
        RuleTest::ScoreAtLeast {
            items,
            parameter,
            require_all,
        } => {
            let min = parameters.get(parameter).copied().unwrap_or(f64::INFINITY);
            let mut total = 0.0;
            let mut missing = Vec::new();
            for item in items {
                match option_answers(resolved, item).find(|a| a.score.is_some()) {
                    Some(a) => {
                        total += a.score.unwrap_or(0.0);
                        hits.push((item.as_str(), a));
                    }
                    None => missing.push(item.as_str()),
                }
            }
            let answered_any = !hits.is_empty();
            if !missing.is_empty() && (*require_all || !answered_any) {
                if answered_any {
                    incomplete.push(format!(
                        "{}: rule {} not scored because {} unanswered (all of {} are required)",
                        ins.id,
                        rule.id,
                        missing.join(", "),
                        items.join(", ")
                    ));
                }
                return None;
            }
            if total < min {
                return None;
            }
            let parts: Vec<String> = hits
                .iter()
                .map(|(item, a)| format!("{item} = \"{}\" ({})", a.text, a.score.unwrap_or(0.0)))
                .collect();
            format!("score {total} >= {min} ({parameter}): {}", parts.join(", "))
        }
    };
    Some(NeedEvidence {
        instrument: ins.id.clone(),
        rule: rule.id.clone(),
        answers: hits
            .iter()
            .map(|(item, a)| ItemAnswer {
                item: (*item).to_string(),
                answer: a.code.clone(),
            })
            .collect(),
        text,
    })
}

/// First matching row of the urgency table: (row index, urgency, why).
fn urgency_of(
    table: &[UrgencyRule],
    domain: NeedDomain,
    evidence: &[NeedEvidence],
) -> (usize, Urgency, String) {
    let flagged = || {
        evidence
            .iter()
            .flat_map(|e| &e.answers)
            .map(|a| a.answer.as_str())
    };
    table
        .iter()
        .enumerate()
        .find(|(_, r)| {
            r.domain == domain.code()
                && (r.answers.is_empty() || flagged().any(|a| r.answers.iter().any(|x| x == a)))
        })
        .map(|(i, r)| (i, r.urgency, r.why.clone()))
        .unwrap_or((table.len(), Urgency::Low, domain.label().to_string()))
}

fn extract(ins: &Instrument, resolved: &BTreeMap<&str, Vec<Resolved<'_>>>, out: &mut Assessment) {
    for ex in &ins.extract {
        let Some(values) = resolved.get(ex.item.as_str()) else {
            continue;
        };
        let chosen = ex.answer.as_ref().is_none_or(|want| {
            values
                .iter()
                .any(|r| matches!(r, Resolved::Option(o) if &o.code == want))
        });
        if !chosen {
            continue;
        }
        let number = values.iter().find_map(|r| match r {
            Resolved::Number(n) => Some(*n),
            _ => None,
        });
        match (ex.field.as_deref(), number) {
            (Some("household_size"), Some(n)) if (1.0..=50.0).contains(&n) => {
                out.household_size = Some(n as u32)
            }
            (Some("annual_income"), Some(n)) if n >= 0.0 => {
                out.monthly_income = Some((n / 12.0 * 100.0).round() / 100.0)
            }
            _ => {}
        }
        if let Some(s) = ex.attribute.as_deref().and_then(Situation::parse)
            && !out.attributes.contains(&s)
        {
            out.attributes.push(s);
        }
        if let Some(i) = &ex.insurance
            && !out.insurance.contains(i)
        {
            out.insurance.push(i.clone());
        }
    }
}

/// Puts an assessment onto a base profile. The case manager's profile wins:
/// a need already in `base` keeps its urgency and note (the assessment's
/// evidence is added to it); household size and income in `base` are kept;
/// attributes and insurance are unioned. Needs end most urgent first (stable,
/// so the base order is kept within an urgency).
pub fn merge_into_profile(assessment: &Assessment, base: &ClientProfile) -> ClientProfile {
    let mut profile = base.clone();
    for need in &assessment.needs {
        match profile.needs.iter_mut().find(|n| n.domain == need.domain) {
            Some(existing) => existing.evidence.extend(need.evidence.iter().cloned()),
            None => profile.needs.push(need.clone()),
        }
    }
    profile.needs.sort_by_key(|n| n.urgency.rank());
    profile.household_size = profile.household_size.or(assessment.household_size);
    profile.monthly_income = profile.monthly_income.or(assessment.monthly_income);
    for a in &assessment.attributes {
        if !profile.attributes.contains(a) {
            profile.attributes.push(*a);
        }
    }
    for i in &assessment.insurance {
        if !profile.insurance.contains(i) {
            profile.insurance.push(i.clone());
        }
    }
    profile
}
