//! How strongly a document serves each need domain, fixed when it is
//! indexed, so a match reads one number instead of running a text query per
//! keyword.
//!
//! ```text
//! need relevance = 3 × (its taxonomy classifies it under the domain)
//!                + 1 × (its words mention the domain: `service_domains`)
//!                + 1 per domain keyword found in its analysed words
//!                  ("food pantry" as the stemmed phrase "food pantri")
//! ```
//!
//! A document is found under a domain when its relevance is above 0. A
//! need's free-text note adds BM25 relevance over the note's words at match
//! time (see `search`).

use carenav_core::needs::NeedDomain;
use tantivy::tokenizer::{Language, TextAnalyzer};

use crate::IndexError;
use crate::document::ServiceFacts;
use crate::schema::analyzer;

/// Weight of a taxonomy classification (against 1 for a mention or a
/// keyword).
const TAXONOMY_WEIGHT: f32 = 3.0;

/// Most need domains the index's packed keys can tell apart.
pub(crate) const MAX_DOMAINS: usize = 64;

/// A need domain a document is found under, and how strongly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Found {
    /// The domain's position in the need table.
    pub(crate) position: u8,
    /// The domain's code.
    pub(crate) code: &'static str,
    /// Its need relevance (> 0).
    pub(crate) relevance: f32,
}

/// The need table with each domain's keywords as analysed word sequences.
pub(crate) struct NeedKeywords {
    domains: Vec<NeedDomain>,
    keywords: Vec<Vec<Vec<String>>>,
}

impl NeedKeywords {
    /// The shipped need table.
    pub(crate) fn load() -> Result<Self, IndexError> {
        let domains = carenav_core::needs::all()?;
        if domains.len() > MAX_DOMAINS {
            return Err(IndexError::Payload(format!(
                "{} need domains: the index tells at most {MAX_DOMAINS} apart",
                domains.len()
            )));
        }
        let mut en = analyzer(Language::English);
        let keywords = domains
            .iter()
            .map(|d| {
                d.info()
                    .keywords
                    .iter()
                    .map(|k| crate::search::tokens(&mut en, k))
                    .filter(|t| !t.is_empty())
                    .collect()
            })
            .collect();
        Ok(NeedKeywords { domains, keywords })
    }

    /// The domain's position in the table (below [`MAX_DOMAINS`]).
    pub(crate) fn position(&self, domain: NeedDomain) -> Option<u8> {
        self.domains
            .iter()
            .position(|d| *d == domain)
            .and_then(|i| u8::try_from(i).ok())
    }

    /// Every domain a document is found under, with its relevance. `text`
    /// is what the document's text fields hold; `en` is the English
    /// analyzer of `text_en`.
    pub(crate) fn relevance(
        &self,
        facts: &ServiceFacts,
        text: &str,
        en: &mut TextAnalyzer,
    ) -> Vec<Found> {
        let words = positioned(en, text);
        let mut out = Vec::new();
        for (i, (domain, keywords)) in self.domains.iter().zip(&self.keywords).enumerate() {
            let code = domain.code();
            let mut r = 0.0;
            if facts.taxonomy_domains.iter().any(|c| c == code) {
                r += TAXONOMY_WEIGHT;
            }
            if facts.domains.iter().any(|(c, _)| c == code) {
                r += 1.0;
            }
            r += keywords
                .iter()
                .filter(|k| contains_phrase(&words, k))
                .count() as f32;
            if r > 0.0
                && let Ok(position) = u8::try_from(i)
            {
                out.push(Found {
                    position,
                    code,
                    relevance: r,
                });
            }
        }
        out
    }
}

/// Analysed words of a text with their positions.
fn positioned(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let t = stream.token();
        out.push((t.position, t.text.clone()));
    }
    out
}

/// Whether `phrase` occurs at consecutive positions of `words`.
fn contains_phrase(words: &[(usize, String)], phrase: &[String]) -> bool {
    let Some(first) = phrase.first() else {
        return false;
    };
    words.iter().enumerate().any(|(i, (pos, w))| {
        w == first
            && phrase.iter().enumerate().skip(1).all(|(j, p)| {
                words
                    .get(i + j)
                    .is_some_and(|(q, w)| *q == pos + j && w == p)
            })
    })
}

/// A domain position and its relevance as one fast-field value.
pub(crate) fn pack(position: u8, relevance: f32) -> u64 {
    (u64::from(position) << 32) | u64::from(relevance.to_bits())
}

/// From a document's packed values: its relevance to the domain at
/// `position` (0 when it is not found under it), and how many of the
/// `others` domains it is found under.
pub(crate) fn unpack(values: impl Iterator<Item = u64>, position: u8, others: &[u8]) -> (f32, u32) {
    let mut relevance = 0.0;
    let mut served = 0;
    for v in values {
        let at = v >> 32;
        if at == u64::from(position) {
            relevance = f32::from_bits((v & 0xFFFF_FFFF) as u32);
        } else if others.iter().any(|o| u64::from(*o) == at) {
            served += 1;
        }
    }
    (relevance, served)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_consecutive_words_only() {
        let mut en = analyzer(Language::English);
        let words = positioned(&mut en, "Free food pantry. Pantry food");
        let phrase = crate::search::tokens(&mut en, "food pantry");
        assert!(contains_phrase(&words, &phrase));
        let words = positioned(&mut en, "food for the pantry");
        assert!(!contains_phrase(&words, &phrase));
    }

    #[test]
    fn packed_relevance_round_trips() {
        let values = [pack(3, 4.0), pack(17, 1.0), pack(20, 2.0)];
        assert_eq!(unpack(values.into_iter(), 17, &[]), (1.0, 0));
        assert_eq!(unpack(values.into_iter(), 3, &[17, 20, 9]), (4.0, 2));
        assert_eq!(unpack(values.into_iter(), 5, &[3]), (0.0, 1));
    }
}
