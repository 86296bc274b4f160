//! The screening instrument and urgency tables (`data/screenings/*.json`).

use std::collections::BTreeSet;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::AssessError;
use crate::needs::NeedDomain;
use crate::profile::Urgency;
use crate::situation::Situation;

const FILES: &[(&str, &str)] = &[
    (
        "data/screenings/ahc-hrsn.json",
        include_str!("../../../../data/screenings/ahc-hrsn.json"),
    ),
    (
        "data/screenings/hunger-vital-sign.json",
        include_str!("../../../../data/screenings/hunger-vital-sign.json"),
    ),
    (
        "data/screenings/prapare.json",
        include_str!("../../../../data/screenings/prapare.json"),
    ),
];
const URGENCY_FILE: &str = "data/screenings/urgency.json";
const URGENCY_JSON: &str = include_str!("../../../../data/screenings/urgency.json");

static INSTRUMENTS: LazyLock<Result<Vec<Instrument>, AssessError>> = LazyLock::new(|| {
    FILES
        .iter()
        .map(|(file, text)| parse_instrument(file, text))
        .collect()
});

static URGENCY: LazyLock<Result<Vec<UrgencyRule>, AssessError>> =
    LazyLock::new(|| parse_urgency(URGENCY_JSON));

/// A screening instrument: items keyed by LOINC code, and positive-screen rules.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// Short id (`ahc-hrsn`).
    pub id: String,
    /// Full name.
    pub name: String,
    /// LOINC panel codes (used to recognise a QuestionnaireResponse).
    pub panels: Vec<String>,
    /// Other names (used to recognise a QuestionnaireResponse).
    pub aliases: Vec<String>,
    /// Where the items, codes and rules come from.
    pub source: String,
    /// Documented cut-offs, overridable per assessment.
    pub parameters: Vec<Parameter>,
    /// The questions.
    pub items: Vec<Item>,
    /// The positive-screen rules.
    pub rules: Vec<Rule>,
    /// Answers that fill profile fields (household size, income, attributes).
    #[serde(default)]
    pub extract: Vec<Extract>,
}

/// A documented, overridable cut-off.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parameter {
    /// Name used by rules and in [`super::AssessOptions::parameters`].
    pub name: String,
    /// Value unless overridden.
    pub default: f64,
    /// What it means and why this default.
    pub doc: String,
}

/// Kind of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A panel or section (no answer).
    Group,
    /// Answered with LOINC answer codes.
    Choice,
    /// A whole number.
    Integer,
    /// A number.
    Decimal,
    /// Free text.
    String,
    /// A score computed from other items; carenav recomputes it and ignores the given value.
    Computed,
}

/// A question.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// LOINC item code.
    pub loinc: String,
    /// Kind of answer.
    pub kind: ItemKind,
    /// Question text.
    pub text: String,
    /// Whether several answers may be chosen.
    #[serde(default)]
    pub repeats: bool,
    /// Allowed answers (choice items).
    #[serde(default)]
    pub answers: Vec<AnswerOption>,
}

/// An allowed answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    /// LOINC answer code (`LA...`).
    pub code: String,
    /// Answer text.
    pub text: String,
    /// Score, for items that are summed.
    #[serde(default)]
    pub score: Option<f64>,
}

/// A positive-screen rule.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Rule {
    /// Rule id, unique in the instrument.
    pub id: String,
    /// Need domain code it flags.
    pub domain: String,
    /// When it fires.
    #[serde(flatten)]
    pub test: RuleTest,
}

/// When a rule fires.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RuleTest {
    /// Any of `items` has any of `answers`.
    AnswerIn {
        /// Item codes.
        items: Vec<String>,
        /// Answer codes.
        answers: Vec<String>,
    },
    /// Any of `items` has an answer outside `answers`.
    AnswerNotIn {
        /// Item codes.
        items: Vec<String>,
        /// Answer codes that do not flag.
        answers: Vec<String>,
    },
    /// The answer scores of `items` sum to at least the parameter.
    ScoreAtLeast {
        /// Item codes.
        items: Vec<String>,
        /// Parameter holding the cut-off.
        parameter: String,
        /// Whether every item must be answered for a score.
        require_all: bool,
    },
}

/// Fills a profile field from an answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extract {
    /// Item code.
    pub item: String,
    /// Only when this answer was given (choice items).
    #[serde(default)]
    pub answer: Option<String>,
    /// `household_size` or `annual_income` (number items).
    #[serde(default)]
    pub field: Option<String>,
    /// Situation code to add to `attributes`.
    #[serde(default)]
    pub attribute: Option<String>,
    /// Insurance name to add to `insurance`.
    #[serde(default)]
    pub insurance: Option<String>,
}

/// One row of the urgency table.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UrgencyRule {
    /// Need domain code.
    pub domain: String,
    /// Only when one of the flagging answers is among these.
    #[serde(default)]
    pub answers: Vec<String>,
    /// The urgency.
    pub urgency: Urgency,
    /// Why (shown in the need's note).
    pub why: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UrgencyTable {
    #[allow(dead_code)]
    about: String,
    rules: Vec<UrgencyRule>,
}

impl Instrument {
    /// The item with this LOINC code.
    pub fn item(&self, loinc: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.loinc == loinc)
    }

    /// A parameter's default.
    pub fn parameter(&self, name: &str) -> Option<&Parameter> {
        self.parameters.iter().find(|p| p.name == name)
    }
}

impl Item {
    /// The answer option with this code.
    pub fn answer(&self, code: &str) -> Option<&AnswerOption> {
        self.answers.iter().find(|a| a.code == code)
    }
}

fn parse_instrument(file: &'static str, text: &str) -> Result<Instrument, AssessError> {
    let bad = |message: String| AssessError::Table { file, message };
    let ins: Instrument = serde_json::from_str(text)
        .map_err(|e| bad(format!("line {}, column {}: {e}", e.line(), e.column())))?;
    let mut codes = BTreeSet::new();
    for item in &ins.items {
        if !codes.insert(item.loinc.as_str()) {
            return Err(bad(format!("item {} appears twice", item.loinc)));
        }
        if (item.kind == ItemKind::Choice) == item.answers.is_empty() {
            return Err(bad(format!(
                "item {}: choice items (and only they) list answers",
                item.loinc
            )));
        }
    }
    let choice_item = |code: &str| -> Result<&Item, AssessError> {
        ins.item(code)
            .filter(|i| i.kind == ItemKind::Choice)
            .ok_or_else(|| bad(format!("rule refers to {code}, which is not a choice item")))
    };
    let mut rule_ids = BTreeSet::new();
    for rule in &ins.rules {
        if !rule_ids.insert(rule.id.as_str()) {
            return Err(bad(format!("rule {} appears twice", rule.id)));
        }
        NeedDomain::parse(&rule.domain).map_err(|e| bad(format!("rule {}: {e}", rule.id)))?;
        match &rule.test {
            RuleTest::AnswerIn { items, answers } | RuleTest::AnswerNotIn { items, answers } => {
                for answer in answers {
                    let known = items
                        .iter()
                        .map(|i| choice_item(i))
                        .collect::<Result<Vec<_>, _>>()?
                        .iter()
                        .any(|i| i.answer(answer).is_some());
                    if !known {
                        return Err(bad(format!(
                            "rule {}: answer {answer} is not an answer of its items",
                            rule.id
                        )));
                    }
                }
            }
            RuleTest::ScoreAtLeast {
                items, parameter, ..
            } => {
                for i in items {
                    if !choice_item(i)?.answers.iter().any(|a| a.score.is_some()) {
                        return Err(bad(format!(
                            "rule {}: item {i} has no scored answers",
                            rule.id
                        )));
                    }
                }
                if ins.parameter(parameter).is_none() {
                    return Err(bad(format!(
                        "rule {}: unknown parameter {parameter}",
                        rule.id
                    )));
                }
            }
        }
    }
    for ex in &ins.extract {
        let item = ins
            .item(&ex.item)
            .ok_or_else(|| bad(format!("extract refers to unknown item {}", ex.item)))?;
        if let Some(a) = &ex.answer
            && item.answer(a).is_none()
        {
            return Err(bad(format!("extract: {a} is not an answer of {}", ex.item)));
        }
        if let Some(code) = &ex.attribute
            && Situation::parse(code).is_none()
        {
            return Err(bad(format!("extract: unknown situation code {code}")));
        }
        if let Some(f) = &ex.field
            && !matches!(f.as_str(), "household_size" | "annual_income")
        {
            return Err(bad(format!("extract: unknown field {f}")));
        }
    }
    Ok(ins)
}

fn parse_urgency(text: &str) -> Result<Vec<UrgencyRule>, AssessError> {
    let bad = |message: String| AssessError::Table {
        file: URGENCY_FILE,
        message,
    };
    let table: UrgencyTable = serde_json::from_str(text)
        .map_err(|e| bad(format!("line {}, column {}: {e}", e.line(), e.column())))?;
    for r in &table.rules {
        NeedDomain::parse(&r.domain).map_err(|e| bad(e.to_string()))?;
    }
    Ok(table.rules)
}

/// Every instrument.
pub fn instruments() -> Result<&'static [Instrument], AssessError> {
    INSTRUMENTS
        .as_ref()
        .map(Vec::as_slice)
        .map_err(Clone::clone)
}

/// The urgency table, in priority order.
pub fn urgency_rules() -> Result<&'static [UrgencyRule], AssessError> {
    URGENCY.as_ref().map(Vec::as_slice).map_err(Clone::clone)
}

/// The instrument with this id, panel code or alias (case-insensitive).
pub fn instrument(name: &str) -> Result<&'static Instrument, AssessError> {
    let all = instruments()?;
    let key = name.trim().to_ascii_lowercase();
    all.iter()
        .find(|i| {
            i.id == key
                || i.panels.iter().any(|p| p.eq_ignore_ascii_case(&key))
                || i.aliases.contains(&key)
        })
        .ok_or_else(|| AssessError::UnknownInstrument {
            name: name.chars().take(80).collect(),
            valid: all.iter().map(|i| i.id.clone()).collect(),
        })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn embedded_tables_are_valid() {
        for (file, text) in FILES {
            parse_instrument(file, text).unwrap();
        }
        assert!(parse_urgency(URGENCY_JSON).unwrap().len() > 20);
    }

    #[test]
    fn malformed_tables_are_typed_errors() {
        let (file, text) = FILES[0];
        let broken = text.replacen(
            "\"domain\": \"homelessness\"",
            "\"domain\": \"homelessnes\"",
            1,
        );
        let err = parse_instrument(file, &broken).unwrap_err();
        assert!(err.to_string().contains("homelessnes"), "{err}");
        let broken = text.replacen("[\"LA31995-6\"]", "[\"LA0000-0\"]", 1);
        assert!(parse_instrument(file, &broken).is_err());
        assert!(parse_instrument(file, "{").is_err());
        assert!(
            parse_urgency(
                "{\"about\":\"\",\"rules\":[{\"domain\":\"x\",\"urgency\":\"high\",\"why\":\"\"}]}"
            )
            .is_err()
        );
    }
}
