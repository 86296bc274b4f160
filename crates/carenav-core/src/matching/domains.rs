//! Which need domains a service serves, read from its taxonomy terms and its
//! words, with the reason for each.
//!
//! A domain is served when (in this order of strength):
//! 1. one of the service's taxonomy terms is an Open Eligibility term the
//!    need table lists for the domain (by name, case-insensitive), or
//! 2. a term's code starts with one of the domain's AIRS/211 prefixes, or
//! 3. the domain's everyday words occur in the service's name, description
//!    or term names ("food pantry", "section 8").

use std::collections::BTreeMap;

use crate::directory::{Service, TaxonomyTerm};
use crate::needs::{self, NeedDomain, NeedError};

/// How a service was found to serve a domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum HitSource {
    /// Its words mention the domain's everyday words.
    Text,
    /// Its taxonomy classifies it under the domain (the stronger signal).
    Taxonomy,
}

/// A domain a service serves, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainHit {
    /// The domain.
    pub domain: NeedDomain,
    /// Taxonomy or text.
    pub source: HitSource,
    /// Why, for people ("taxonomy term Food Pantry", "mentions \"snap\"").
    pub why: String,
}

/// The domains a service serves.
///
/// `term` looks up a taxonomy term by id (the directory's terms).
pub fn service_domains<'a>(
    service: &Service,
    term: impl Fn(&str) -> Option<&'a TaxonomyTerm>,
) -> Result<Vec<DomainHit>, NeedError> {
    let terms: Vec<&TaxonomyTerm> = service
        .attributes
        .iter()
        .filter_map(|a| term(&a.taxonomy_term_id))
        .collect();
    let mut hits: BTreeMap<&'static str, DomainHit> = BTreeMap::new();
    for domain in needs::all()? {
        let info = domain.info();
        let by_term = terms.iter().find_map(|t| {
            let name_hit = info
                .open_eligibility
                .iter()
                .any(|oe| oe.name.eq_ignore_ascii_case(t.name.trim()));
            let code_hit = t.code.as_deref().is_some_and(|code| {
                info.airs
                    .iter()
                    .any(|a| code.len() >= a.prefix.len() && code.starts_with(a.prefix.as_str()))
            });
            (name_hit || code_hit).then(|| format!("taxonomy term {}", t.name.trim()))
        });
        if let Some(why) = by_term {
            hits.insert(
                domain.code(),
                DomainHit {
                    domain,
                    source: HitSource::Taxonomy,
                    why,
                },
            );
        }
    }
    let mut text = String::new();
    for part in [Some(service.name.as_str()), service.description.as_deref()]
        .into_iter()
        .flatten()
        .chain(terms.iter().map(|t| t.name.as_str()))
    {
        text.push_str(part);
        text.push_str(" . ");
    }
    for m in needs::match_text(&text)? {
        hits.entry(m.domain.code()).or_insert_with(|| DomainHit {
            domain: m.domain,
            source: HitSource::Text,
            why: format!(
                "mentions {}",
                m.keywords
                    .iter()
                    .take(3)
                    .map(|k| format!("\"{k}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        });
    }
    Ok(hits.into_values().collect())
}
