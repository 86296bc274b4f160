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

use foldhash::{HashMap, HashMapExt};

use carenav_core::needs::NeedDomain;
use tantivy::tokenizer::{Language, TextAnalyzer, Token};

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
    /// Every domain's keyword phrases: (domain index, analysed words).
    phrases: Vec<(usize, Vec<String>)>,
    /// Indexes into `phrases` by first word: a document's words are looked
    /// up once each instead of scanned once per phrase.
    by_first_word: HashMap<String, Vec<usize>>,
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
        let mut phrases = Vec::new();
        let mut by_first_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (domain, d) in domains.iter().enumerate() {
            for keyword in &d.info().keywords {
                let words = analysed_words(&mut en, keyword);
                if let Some(first) = words.first() {
                    by_first_word
                        .entry(first.clone())
                        .or_default()
                        .push(phrases.len());
                    phrases.push((domain, words));
                }
            }
        }
        Ok(NeedKeywords {
            domains,
            phrases,
            by_first_word,
        })
    }

    /// The domain's position in the table (below [`MAX_DOMAINS`]).
    pub(crate) fn position(&self, domain: NeedDomain) -> Option<u8> {
        self.domains
            .iter()
            .position(|d| *d == domain)
            .and_then(|i| u8::try_from(i).ok())
    }

    /// Every domain a document is found under, with its relevance. `words`
    /// are what the document's `text_en` field holds: its text through the
    /// English analyzer (`analysed`).
    pub(crate) fn relevance(&self, facts: &ServiceFacts, words: &[Token]) -> Vec<Found> {
        // Keyword phrases found, each counted once.
        let mut found = vec![false; self.phrases.len()];
        for (i, word) in words.iter().enumerate() {
            for &p in self.by_first_word.get(&word.text).into_iter().flatten() {
                if !found[p] && phrase_at(words, i, &self.phrases[p].1) {
                    found[p] = true;
                }
            }
        }
        let mut keyword_hits = vec![0u32; self.domains.len()];
        for (p, (domain, _)) in self.phrases.iter().enumerate() {
            if found[p] {
                keyword_hits[*domain] += 1;
            }
        }
        let mut out = Vec::new();
        for (i, domain) in self.domains.iter().enumerate() {
            let code = domain.code();
            let mut r = 0.0;
            if facts.taxonomy_domains.iter().any(|c| c == code) {
                r += TAXONOMY_WEIGHT;
            }
            if facts.domains.iter().any(|(c, _)| c == code) {
                r += 1.0;
            }
            r += keyword_hits[i] as f32;
            let r = r.min(MAX_RELEVANCE);
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

/// A text's words through an analyzer.
pub(crate) fn analysed_words(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    analysed(analyzer, text)
        .into_iter()
        .map(|t| t.text)
        .collect()
}

/// A text's tokens through an analyzer, with positions and offsets.
pub(crate) fn analysed(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        out.push(stream.token().clone());
    }
    out
}

/// Whether `phrase` occurs at consecutive positions of `words` from the
/// `i`th word on.
fn phrase_at(words: &[Token], i: usize, phrase: &[String]) -> bool {
    let Some(start) = words.get(i).map(|w| w.position) else {
        return false;
    };
    phrase.iter().enumerate().all(|(j, p)| {
        words
            .get(i + j)
            .is_some_and(|w| w.position == start + j && w.text == *p)
    })
}

/// Highest need relevance the index holds (a document's relevance is a
/// whole number: weights times counts; more is cut to this).
pub(crate) const MAX_RELEVANCE: f32 = 1023.0;

/// Tiers of need relevance a virtual service found anywhere is indexed
/// under (`Reach::VirtualAnywhere`): one per whole number below 16, then
/// one per doubling up to `MAX_RELEVANCE`.
pub(crate) const RELEVANCE_TIERS: u8 = 22;

/// The tier of a need relevance: a search leaves out the tiers whose best
/// possible score cannot make its list (`tier_ceiling`).
pub(crate) fn relevance_tier(relevance: f32) -> u8 {
    let r = relevance.clamp(0.0, MAX_RELEVANCE) as u32;
    if r < 16 {
        r as u8
    } else {
        // 16..=31 → 16, 32..=63 → 17, …, 512..=1023 → 21.
        (16 + (r / 16).ilog2()).min(u32::from(RELEVANCE_TIERS) - 1) as u8
    }
}

/// The highest need relevance in a tier.
pub(crate) fn tier_ceiling(tier: u8) -> f32 {
    if tier < 16 {
        f32::from(tier)
    } else {
        ((16u32 << (tier - 15)) - 1).min(MAX_RELEVANCE as u32) as f32
    }
}

/// Needs whose relevance fits in the dense `needs` column; a document found
/// under more has the rest in the sparse `needs_more` column.
pub(crate) const DENSE_NEEDS: usize = 4;

/// One need as 16 bits: position (6) | relevance (10, never 0: an empty
/// slot is 0).
fn slot(found: &Found) -> u64 {
    (u64::from(found.position & 0x3F) << 10) | (found.relevance as u64).min(1023)
}

/// A document's needs with their relevance, as fast-field values: the
/// first `DENSE_NEEDS` in one number (slot i in bits 16i..16i+16), the rest
/// one per value.
pub(crate) fn pack(found: &[Found]) -> (u64, Vec<u64>) {
    let first = found
        .iter()
        .take(DENSE_NEEDS)
        .enumerate()
        .fold(0u64, |v, (i, f)| v | slot(f) << (16 * i));
    (first, found.iter().skip(DENSE_NEEDS).map(slot).collect())
}

/// Whether a packed `needs` value is full (the document may have more in
/// `needs_more`).
pub(crate) fn has_more(first: u64) -> bool {
    (first >> (16 * (DENSE_NEEDS - 1))) & 0x3FF != 0
}

/// From a document's packed needs: its relevance to the need at
/// `position` (0 when it is not found under it), and how many of the
/// `others` needs it is found under.
pub(crate) fn unpack(
    first: u64,
    more: impl Iterator<Item = u64>,
    position: u8,
    others: &[u8],
) -> (f32, u32) {
    let mut relevance = 0.0;
    let mut served = 0;
    let mut take = |v: u64| {
        let r = v & 0x3FF;
        if r == 0 {
            return;
        }
        let at = (v >> 10) as u8;
        if at == position {
            relevance = r as f32;
        } else if others.contains(&at) {
            served += 1;
        }
    };
    // Slots are filled from the lowest: the rest of an empty one is empty.
    let mut slots = first;
    while slots != 0 {
        take(slots & 0xFFFF);
        slots >>= 16;
    }
    more.for_each(take);
    (relevance, served)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_relevance_is_at_most_its_tier_ceiling() {
        for r in 0..=MAX_RELEVANCE as u32 {
            let tier = relevance_tier(r as f32);
            assert!(tier < RELEVANCE_TIERS);
            assert!(r as f32 <= tier_ceiling(tier), "{r}");
            if tier > 0 {
                assert!(r as f32 > tier_ceiling(tier - 1), "{r}");
            }
        }
        assert_eq!(tier_ceiling(RELEVANCE_TIERS - 1), MAX_RELEVANCE);
        assert_eq!(relevance_tier(5000.0), RELEVANCE_TIERS - 1);
    }

    #[test]
    fn phrases_match_consecutive_words_only() {
        let mut en = analyzer(Language::English);
        let words = analysed(&mut en, "Free food pantry. Pantry food");
        let phrase = analysed_words(&mut en, "food pantry");
        assert!(phrase_at(&words, 1, &phrase));
        assert!(!phrase_at(&words, 2, &phrase) && !phrase_at(&words, 3, &phrase));
        let words = analysed(&mut en, "food for the pantry");
        assert!(!phrase_at(&words, 0, &phrase));
    }

    #[test]
    fn packed_relevance_round_trips() {
        let found = |position, relevance| Found {
            position,
            code: "x",
            relevance,
        };
        let three = [found(3, 4.0), found(17, 1.0), found(0, 2.0)];
        let (first, more) = pack(&three);
        assert!(more.is_empty() && !has_more(first));
        let read = |p, others: &[u8]| unpack(first, more.iter().copied(), p, others);
        assert_eq!(read(17, &[]), (1.0, 0));
        assert_eq!(read(3, &[17, 0, 9]), (4.0, 2));
        assert_eq!(read(0, &[3]), (2.0, 1));
        assert_eq!(read(5, &[3]), (0.0, 1));
        // Past the dense slots: the rest in `needs_more`.
        let six: Vec<Found> = (0..6).map(|i| found(i * 10, f32::from(i) + 1.0)).collect();
        let (first, more) = pack(&six);
        assert!(has_more(first) && more.len() == 2);
        let read = |p, others: &[u8]| unpack(first, more.iter().copied(), p, others);
        assert_eq!(read(50, &[0, 40, 7]), (6.0, 2));
        assert_eq!(read(63, &[]), (0.0, 0));
        // The largest relevance survives.
        let (first, more) = pack(&[found(63, MAX_RELEVANCE)]);
        assert_eq!(unpack(first, more.into_iter(), 63, &[]), (MAX_RELEVANCE, 0));
    }
}
