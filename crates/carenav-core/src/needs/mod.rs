//! Need domains: the vocabulary of client needs.
//!
//! The domains live in one data table, `data/needs/domains.json`, embedded at
//! compile time and parsed once on first use. Codes follow the Gravity Project
//! / HL7 FHIR SDOH Clinical Care category codes where one exists
//! (`food-insecurity`, `homelessness`, ...) and carenav project codes in the
//! same style otherwise (`childcare`, `legal-aid`, ...). Each row carries the
//! clinical codes (SNOMED CT, ICD-10-CM, LOINC) with their source, the Open
//! Eligibility service terms and AIRS/211 prefixes that serve the need, and
//! the everyday words people use ("food stamps", "section 8").

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use foldhash::{HashMap, HashMapExt};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::LazyLock;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The embedded table (kept in `data/` so it stays readable and reviewable).
const DOMAINS_JSON: &str = include_str!("../../../../data/needs/domains.json");

/// File name used in error messages about the embedded table.
const DOMAINS_FILE: &str = "data/needs/domains.json";

static TABLE: LazyLock<Result<NeedTable, NeedError>> = LazyLock::new(|| parse_table(DOMAINS_JSON));

/// Why a need domain could not be found or the table could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NeedError {
    /// A code that is not in the table.
    #[error("unknown need domain {code:?}; valid domains: {}", valid.join(", "))]
    UnknownDomain {
        /// The code as given (cut to 80 characters).
        code: String,
        /// Every valid code, in table order.
        valid: Vec<String>,
    },
    /// The embedded table is malformed (a build defect caught by unit tests).
    #[error("{file}: {message}")]
    Table {
        /// The data file.
        file: &'static str,
        /// What is wrong.
        message: String,
    },
}

/// One row of the need-domain table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DomainInfo {
    /// Kebab-case code (`food-insecurity`).
    pub code: String,
    /// Whether the code is a Gravity Project SDOH category (else a carenav code).
    pub gravity: bool,
    /// Short label for people.
    pub label: String,
    /// One-sentence description.
    pub description: String,
    /// Clinical codes that name or screen for this need.
    pub clinical_codes: Vec<ClinicalCode>,
    /// Open Eligibility 2.0 service terms that serve this need.
    pub open_eligibility: Vec<OpenEligibilityTerm>,
    /// AIRS/211 taxonomy code prefixes that serve this need.
    pub airs: Vec<AirsPrefix>,
    /// Everyday words and program names, lower case.
    pub keywords: Vec<String>,
}

/// A code in a clinical terminology.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClinicalCode {
    /// `SNOMED CT`, `ICD-10-CM` or `LOINC`.
    pub system: String,
    /// The code.
    pub code: String,
    /// Its display text.
    pub display: String,
    /// Key into the table's `sources`.
    pub source: String,
}

/// An Open Eligibility 2.0 service term.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpenEligibilityTerm {
    /// Aunt Bertha numeric id.
    pub id: u32,
    /// Term name (also the Ohana category name).
    pub name: String,
}

/// An AIRS/211 taxonomy code prefix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AirsPrefix {
    /// Code prefix (`BD`).
    pub prefix: String,
    /// Name of that branch.
    pub name: String,
    /// Key into the table's `sources`.
    pub source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NeedTable {
    #[allow(dead_code)]
    about: String,
    sources: BTreeMap<String, String>,
    domains: Vec<DomainInfo>,
}

fn table_error(message: impl Into<String>) -> NeedError {
    NeedError::Table {
        file: DOMAINS_FILE,
        message: message.into(),
    }
}

fn is_kebab(code: &str) -> bool {
    !code.is_empty()
        && !code.starts_with('-')
        && !code.ends_with('-')
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn parse_table(text: &str) -> Result<NeedTable, NeedError> {
    let table: NeedTable = serde_json::from_str(text)
        .map_err(|e| table_error(format!("line {}, column {}: {e}", e.line(), e.column())))?;
    if table.domains.is_empty() {
        return Err(table_error("no domains"));
    }
    let mut seen = BTreeSet::new();
    for d in &table.domains {
        let at = |what: &str| table_error(format!("domain {:?}: {what}", d.code));
        if !is_kebab(&d.code) {
            return Err(at("code is not kebab-case"));
        }
        if !seen.insert(d.code.as_str()) {
            return Err(at("duplicate code"));
        }
        if d.label.trim().is_empty() || d.description.trim().is_empty() {
            return Err(at("empty label or description"));
        }
        for c in &d.clinical_codes {
            if !matches!(c.system.as_str(), "SNOMED CT" | "ICD-10-CM" | "LOINC") {
                return Err(at(&format!("unknown code system {:?}", c.system)));
            }
            if !table.sources.contains_key(&c.source) {
                return Err(at(&format!(
                    "code {} names unknown source {:?}",
                    c.code, c.source
                )));
            }
        }
        for a in &d.airs {
            if !table.sources.contains_key(&a.source) {
                return Err(at(&format!(
                    "AIRS {} names unknown source {:?}",
                    a.prefix, a.source
                )));
            }
        }
        for k in &d.keywords {
            if k.trim().is_empty() || normalize_words(k) != *k {
                return Err(at(&format!(
                    "keyword {k:?} is not lower-case normalized text"
                )));
            }
        }
    }
    Ok(table)
}

fn table() -> Result<&'static NeedTable, NeedError> {
    TABLE.as_ref().map_err(Clone::clone)
}

/// A need domain from the table: cheap to copy, compared by code.
#[derive(Clone, Copy)]
pub struct NeedDomain(&'static DomainInfo);

impl NeedDomain {
    /// Looks a code up (case-insensitive; `_` and spaces read as `-`).
    ///
    /// ```
    /// use carenav_core::NeedDomain;
    /// assert_eq!(NeedDomain::parse("Food_Insecurity").unwrap().code(), "food-insecurity");
    /// let err = NeedDomain::parse("hunger").unwrap_err().to_string();
    /// assert!(err.contains("valid domains: food-insecurity, housing-instability"));
    /// ```
    pub fn parse(code: &str) -> Result<Self, NeedError> {
        let table = table()?;
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
        table
            .domains
            .iter()
            .find(|d| d.code == norm)
            .map(NeedDomain)
            .ok_or_else(|| NeedError::UnknownDomain {
                code: code.chars().take(80).collect(),
                valid: table.domains.iter().map(|d| d.code.clone()).collect(),
            })
    }

    /// The kebab-case code.
    pub fn code(self) -> &'static str {
        &self.0.code
    }

    /// The label for people.
    pub fn label(self) -> &'static str {
        &self.0.label
    }

    /// The whole table row.
    pub fn info(self) -> &'static DomainInfo {
        self.0
    }
}

/// Every domain, in table order.
pub fn all() -> Result<Vec<NeedDomain>, NeedError> {
    Ok(table()?.domains.iter().map(NeedDomain).collect())
}

/// The table's source notes, by key (as referenced by `source` fields).
pub fn sources() -> Result<&'static BTreeMap<String, String>, NeedError> {
    Ok(&table()?.sources)
}

/// Lower-cases text and turns everything but letters, digits, `-` and `'`
/// into single spaces, so keywords match as whole words or phrases.
fn normalize_words(text: &str) -> String {
    mapped_words(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` lower-cased, everything but letters, digits, `-` and `'` a
/// space: its words, split on whitespace, are [`normalize_words`]'.
fn mapped_words(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '\'' {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect()
}

/// A domain whose everyday words appear in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextMatch {
    /// The domain.
    pub domain: NeedDomain,
    /// The keywords found, in table order.
    pub keywords: Vec<&'static str>,
}

/// Finds the domains whose keywords occur in free text (whole words or
/// phrases, case-insensitive), most keywords first, then table order.
///
/// ```
/// let hits = carenav_core::needs::match_text("We lost our food stamps and got an eviction notice").unwrap();
/// let codes: Vec<_> = hits.iter().map(|m| m.domain.code()).collect();
/// assert_eq!(codes, ["food-insecurity", "housing-instability"]);
/// ```
pub fn match_text(text: &str) -> Result<Vec<TextMatch>, NeedError> {
    let table = table()?;
    let by_first = keyword_index(table);
    // The words of `normalize_words`, without joining them only to split
    // them again (this runs for every service indexed).
    let mapped = mapped_words(text);
    let words: Vec<&str> = mapped.split_whitespace().collect();
    // (domain, keyword) positions found; a keyword occurs when its words
    // are a run of the text's words (the same as " k " in " text ").
    let mut found: Vec<(usize, usize)> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let Some(candidates) = by_first.get(word) else {
            continue;
        };
        for (d, k, kw_words) in candidates {
            if words
                .get(i..)
                .is_some_and(|rest| rest.starts_with(kw_words))
            {
                found.push((*d, *k));
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    let mut hits: Vec<TextMatch> = Vec::new();
    for (d, k) in found {
        let (Some(domain), Some(keyword)) = (
            table.domains.get(d),
            table.domains.get(d).and_then(|x| x.keywords.get(k)),
        ) else {
            continue;
        };
        match hits.last_mut() {
            Some(last) if std::ptr::eq(last.domain.0, domain) => {
                last.keywords.push(keyword.as_str())
            }
            _ => hits.push(TextMatch {
                domain: NeedDomain(domain),
                keywords: vec![keyword.as_str()],
            }),
        }
    }
    // Stable: ties keep table order.
    hits.sort_by_key(|m| std::cmp::Reverse(m.keywords.len()));
    Ok(hits)
}

/// Keywords by their first word: (domain position, keyword position, words).
type KeywordIndex = HashMap<&'static str, Vec<(usize, usize, Vec<&'static str>)>>;

/// The keyword index of the table, built once: [`match_text`] runs for
/// every service an index builds, so it looks up each word of the text
/// instead of searching the text for each of ~450 keywords.
fn keyword_index(table: &'static NeedTable) -> &'static KeywordIndex {
    static INDEX: std::sync::OnceLock<KeywordIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: KeywordIndex = HashMap::new();
        for (d, domain) in table.domains.iter().enumerate() {
            for (k, keyword) in domain.keywords.iter().enumerate() {
                let words: Vec<&'static str> = keyword.split(' ').collect();
                if let Some(first) = words.first() {
                    index.entry(first).or_default().push((d, k, words));
                }
            }
        }
        index
    })
}

impl PartialEq for NeedDomain {
    fn eq(&self, other: &Self) -> bool {
        self.code() == other.code()
    }
}

impl Eq for NeedDomain {}

impl Hash for NeedDomain {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.code().hash(state);
    }
}

impl PartialOrd for NeedDomain {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for NeedDomain {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.code().cmp(other.code())
    }
}

impl fmt::Debug for NeedDomain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NeedDomain({})", self.code())
    }
}

impl fmt::Display for NeedDomain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for NeedDomain {
    type Err = NeedError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        NeedDomain::parse(s)
    }
}

impl Serialize for NeedDomain {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for NeedDomain {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = Cow::<'de, str>::deserialize(deserializer)?;
        NeedDomain::parse(&code).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for NeedDomain {
    fn schema_name() -> Cow<'static, str> {
        "NeedDomain".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let codes: Vec<&str> = table()
            .map(|t| t.domains.iter().map(|d| d.code.as_str()).collect())
            .unwrap_or_default();
        json_schema!({
            "description": "A need domain code (see `carenav needs`): Gravity Project SDOH category codes plus carenav codes in the same style.",
            "type": "string",
            "enum": codes,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_is_valid() {
        let t = parse_table(DOMAINS_JSON).unwrap();
        assert_eq!(t.domains.len(), 31);
        assert_eq!(t.domains.iter().filter(|d| d.gravity).count(), 20);
    }

    /// The plain definition `match_text` must agree with: " k " in " text ".
    fn match_text_reference(text: &str) -> Vec<(String, Vec<String>)> {
        let padded = format!(" {} ", normalize_words(text));
        let mut hits: Vec<(String, Vec<String>)> = table()
            .unwrap()
            .domains
            .iter()
            .filter_map(|d| {
                let k: Vec<String> = d
                    .keywords
                    .iter()
                    .filter(|k| padded.contains(&format!(" {k} ")))
                    .cloned()
                    .collect();
                (!k.is_empty()).then(|| (d.code.clone(), k))
            })
            .collect();
        hits.sort_by_key(|(_, k)| std::cmp::Reverse(k.len()));
        hits
    }

    #[test]
    fn match_text_agrees_with_its_definition() {
        let every_keyword: Vec<String> = table()
            .unwrap()
            .domains
            .iter()
            .flat_map(|d| d.keywords.iter().cloned())
            .collect();
        let mut texts: Vec<String> = vec![
            String::new(),
            "Food".into(),
            "food stamps, food-bank; FOOD PANTRY!! eviction notice".into(),
            "We lost our food stamps and got an eviction notice".into(),
            "living in my car... can't pay the rent; no heat".into(),
            "the the food food stamps stamps".into(),
        ];
        texts.push(every_keyword.join(" "));
        texts.push(every_keyword.join(", "));
        for (i, k) in every_keyword.iter().enumerate() {
            texts.push(format!(
                "x{k} {k}y and {} end",
                every_keyword[(i * 7) % every_keyword.len()]
            ));
        }
        for text in &texts {
            let got: Vec<(String, Vec<String>)> = match_text(text)
                .unwrap()
                .into_iter()
                .map(|m| {
                    (
                        m.domain.code().to_owned(),
                        m.keywords.iter().map(|k| (*k).to_owned()).collect(),
                    )
                })
                .collect();
            assert_eq!(got, match_text_reference(text), "{text:?}");
        }
    }

    #[test]
    fn malformed_table_is_a_typed_error() {
        let err = parse_table("{\"about\":\"x\",\"sources\":{},\"domains\":[{}]}").unwrap_err();
        assert!(matches!(err, NeedError::Table { .. }), "{err}");
        let dup = r#"{"about":"","sources":{},"domains":[
            {"code":"a","gravity":false,"label":"A","description":"d","clinical_codes":[],"open_eligibility":[],"airs":[],"keywords":[]},
            {"code":"a","gravity":false,"label":"A","description":"d","clinical_codes":[],"open_eligibility":[],"airs":[],"keywords":[]}]}"#;
        assert!(
            parse_table(dup)
                .unwrap_err()
                .to_string()
                .contains("duplicate code")
        );
        let bad_source =
            DOMAINS_JSON.replacen("\"source\": \"sdohcc-ig\"", "\"source\": \"nowhere\"", 1);
        assert!(
            parse_table(&bad_source)
                .unwrap_err()
                .to_string()
                .contains("unknown source")
        );
    }
}
