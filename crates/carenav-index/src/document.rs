//! Turning a directory into index documents: one per service-at-location.

use std::collections::HashMap;

use carenav_core::matching::{HitSource, ServiceDigest, last_verified, service_domains};
use carenav_core::{Directory, Gender, Location, LocationType, Service, ServiceAtLocation};
use carenav_geo::{AreaRef, Boundaries, Resolution, split_area_names};
use serde::{Deserialize, Serialize};
use tantivy::TantivyDocument;
use tantivy::tokenizer::TextAnalyzer;

use crate::IndexError;
use crate::relevance::{NeedKeywords, pack};
use crate::schema::{CELL_RESOLUTIONS, Fields, Reach, need_at};

/// Stands in `ServiceAreas::unresolved` for polygons, which are checked
/// exactly at match time and never by the pre-filter.
pub(crate) const MAPPED_AREA: &str = "a mapped service area";

/// The `served` code of a nationwide service.
pub(crate) const NATIONWIDE_CODE: u64 = 0;

/// Day number stored for a record that was never verified.
pub(crate) const NEVER_VERIFIED: i64 = i64::MIN / 2;

/// What the index stores of each document, for reasons and caveats.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Payload {
    pub(crate) service: Service,
    pub(crate) location: Location,
    pub(crate) service_at_location: ServiceAtLocation,
    pub(crate) organization_name: String,
    /// Need domains served: (code, why).
    pub(crate) domains: Vec<(String, String)>,
    pub(crate) areas: ServiceAreas,
}

/// A service's areas, resolved once at indexing time.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct ServiceAreas {
    /// An area covers the whole country.
    pub(crate) nationwide: bool,
    /// States and counties served: (code, label).
    pub(crate) exact: Vec<(u64, String)>,
    /// Parts of these areas ("Northern San Mateo County"): (code of the
    /// containing area, the name as written).
    pub(crate) approximate: Vec<(u64, String)>,
    /// Names carenav could not resolve.
    pub(crate) unresolved: Vec<String>,
}

impl ServiceAreas {
    /// No area declared.
    pub(crate) fn is_empty(&self) -> bool {
        !self.nationwide
            && self.exact.is_empty()
            && self.approximate.is_empty()
            && self.unresolved.is_empty()
    }

    /// Whether the fast pre-filter may exclude a client whose areas it
    /// knows: every declared area resolved, none nationwide.
    pub(crate) fn enforceable(&self) -> bool {
        !self.is_empty() && !self.nationwide && self.unresolved.is_empty()
    }

    /// Codes of every resolved area (exact and containing).
    pub(crate) fn codes(&self) -> impl Iterator<Item = u64> + '_ {
        self.exact
            .iter()
            .chain(&self.approximate)
            .map(|(code, _)| *code)
    }
}

/// The code an area is indexed under: a state's two-digit or a county's
/// five-digit FIPS number (the ranges do not overlap).
pub(crate) fn area_code(area: AreaRef) -> u64 {
    match area {
        AreaRef::State(code) => u64::from(code),
        AreaRef::County(code) => u64::from(code),
    }
}

/// Resolves a service's declared areas (and, when it declares none, a
/// residency restriction read with high confidence).
pub(crate) fn resolve_areas(
    boundaries: &Boundaries,
    service: &Service,
    state_hint: Option<&str>,
) -> ServiceAreas {
    let mut out = ServiceAreas::default();
    let mut names: Vec<String> = Vec::new();
    for area in &service.service_areas {
        if area.extent_type.as_deref() == Some("geojson") && area.extent.is_some() {
            // Polygons are checked exactly at match time.
            continue;
        }
        if let Some(name) = area.name.as_deref() {
            names.extend(split_area_names(name).map(str::to_owned));
        }
    }
    if names.is_empty()
        && service.service_areas.is_empty()
        && let Some(value) = service.eligibility.residency.value()
    {
        names.extend(value.iter().cloned());
    }
    for name in names {
        match boundaries.resolve(&name, state_hint) {
            Resolution::Area(area) => {
                let label = boundaries.label(area).unwrap_or_else(|| name.clone());
                out.exact.push((area_code(area), label));
            }
            Resolution::Approximate { within, .. } => {
                out.approximate.push((area_code(within), name));
            }
            Resolution::Nationwide => out.nationwide = true,
            Resolution::Unresolved(_) => out.unresolved.push(name),
        }
    }
    if service
        .service_areas
        .iter()
        .any(|a| a.extent_type.as_deref() == Some("geojson") && a.extent.is_some())
    {
        // A polygon is enforced at match time, never by the pre-filter.
        out.unresolved.push(MAPPED_AREA.to_owned());
    }
    out
}

fn gender_code(g: Option<Gender>) -> u64 {
    match g {
        None => 0,
        Some(Gender::Female) => 1,
        Some(Gender::Male) => 2,
        Some(Gender::NonBinary) => 3,
    }
}

pub(crate) fn gender_from_code(code: u64) -> Option<Gender> {
    match code {
        1 => Some(Gender::Female),
        2 => Some(Gender::Male),
        3 => Some(Gender::NonBinary),
        _ => None,
    }
}

/// What is computed once per service and shared by its locations.
pub(crate) struct ServiceFacts {
    pub(crate) digest: ServiceDigest,
    pub(crate) domains: Vec<(String, String)>,
    /// Codes of the domains its taxonomy classifies it under.
    pub(crate) taxonomy_domains: Vec<String>,
    pub(crate) areas: ServiceAreas,
    pub(crate) text: String,
    pub(crate) verified_day: i64,
}

impl ServiceFacts {
    pub(crate) fn of(
        directory_terms: &HashMap<&str, &carenav_core::TaxonomyTerm>,
        boundaries: &Boundaries,
        service: &Service,
        organization_name: &str,
        state_hint: Option<&str>,
    ) -> Result<Self, IndexError> {
        let hits = service_domains(service, |id| directory_terms.get(id).copied())?;
        let mut text = String::new();
        for part in [
            Some(service.name.as_str()),
            service.alternate_name.as_deref(),
            service.description.as_deref(),
            Some(organization_name),
        ]
        .into_iter()
        .flatten()
        {
            text.push_str(part);
            text.push('\n');
        }
        for attribute in &service.attributes {
            if let Some(term) = directory_terms.get(attribute.taxonomy_term_id.as_str()) {
                text.push_str(&term.name);
                text.push('\n');
            }
        }
        Ok(ServiceFacts {
            digest: ServiceDigest::of(service),
            taxonomy_domains: hits
                .iter()
                .filter(|h| h.source == HitSource::Taxonomy)
                .map(|h| h.domain.code().to_owned())
                .collect(),
            domains: hits
                .into_iter()
                .map(|h| (h.domain.code().to_owned(), h.why))
                .collect(),
            areas: resolve_areas(boundaries, service, state_hint),
            text,
            verified_day: last_verified(service).map_or(NEVER_VERIFIED, |d| d.days_since_epoch()),
        })
    }
}

/// The state a location's street address is in, as a hint for area names.
pub(crate) fn state_of(location: &Location) -> Option<&str> {
    location
        .addresses
        .iter()
        .map(|a| a.state_province.trim())
        .find(|s| !s.is_empty())
}

/// The index document of one service-at-location.
pub(crate) fn document(
    fields: &Fields,
    facts: &ServiceFacts,
    payload: &Payload,
    needs: &NeedKeywords,
    en: &mut TextAnalyzer,
) -> Result<TantivyDocument, IndexError> {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.sal_id, &payload.service_at_location.id);
    doc.add_text(fields.service_id, &payload.service.id);
    let mut text = facts.text.clone();
    if let Some(name) = &payload.location.name {
        text.push_str(name);
    }
    doc.add_text(fields.text_en, &text);
    doc.add_text(fields.text_es, &text);
    let is_virtual = payload.location.location_type == LocationType::Virtual;
    doc.add_u64(fields.is_virtual, u64::from(is_virtual));
    let point = payload.location.point.filter(|_| !is_virtual);
    // Where the search finds it: near its cells, anywhere when virtual, or
    // (no coordinates) in the areas it serves exactly.
    let mut reach = Vec::new();
    let mut sort_cell = u64::MAX;
    if let Some(point) = point {
        for res in CELL_RESOLUTIONS {
            let cell = carenav_geo::cell(point, res)?;
            reach.push(Reach::Cell(cell));
            sort_cell = cell;
        }
        doc.add_f64(fields.lat, point.latitude);
        doc.add_f64(fields.lon, point.longitude);
    } else if is_virtual {
        reach.push(Reach::Virtual);
    } else {
        if facts.areas.nationwide {
            reach.push(Reach::Served(NATIONWIDE_CODE));
            doc.add_u64(fields.served, NATIONWIDE_CODE);
        }
        for (code, _) in &facts.areas.exact {
            reach.push(Reach::Served(*code));
            doc.add_u64(fields.served, *code);
        }
    }
    for (position, relevance) in needs.relevance(facts, &text, en) {
        if let Some(domain) = needs.domain(position) {
            doc.add_text(fields.need, domain.code());
        }
        doc.add_u64(fields.need_relevance, pack(position, relevance));
        for r in &reach {
            doc.add_u64(fields.need_at, need_at(position, *r));
        }
    }
    doc.add_u64(fields.cell_sort, sort_cell);
    doc.add_i64(fields.verified_day, facts.verified_day);
    let d = &facts.digest;
    doc.add_u64(fields.referable, u64::from(d.referable));
    // Absent values mean "no restriction": the predicate reads them as None.
    let optional = [
        (fields.min_age, d.min_age),
        (fields.max_age, d.max_age),
        (fields.max_fpl, d.max_percent_of_poverty),
        (fields.max_monthly, d.max_monthly_income),
    ];
    for (field, value) in optional {
        if let Some(v) = value.filter(|v| v.is_finite()) {
            doc.add_f64(field, v);
        }
    }
    doc.add_u64(fields.gender, gender_code(d.gender));
    doc.add_u64(fields.populations, d.populations);
    for code in facts.areas.codes() {
        doc.add_u64(fields.areas, code);
    }
    doc.add_u64(fields.area_enforced, u64::from(facts.areas.enforceable()));
    let bytes = serde_json::to_vec(payload).map_err(|e| IndexError::Payload(e.to_string()))?;
    doc.add_bytes(fields.payload, &bytes);
    Ok(doc)
}

/// Every (service, location, link) triple of a directory whose three ends
/// exist, with the organization name. Links to missing records are skipped
/// and counted.
pub(crate) fn triples(
    directory: &Directory,
) -> (Vec<(&Service, &Location, &ServiceAtLocation, &str)>, usize) {
    let services: HashMap<&str, &Service> = directory
        .services
        .iter()
        .map(|s| (s.id.as_str(), s))
        .collect();
    let locations: HashMap<&str, &Location> = directory
        .locations
        .iter()
        .map(|l| (l.id.as_str(), l))
        .collect();
    let orgs: HashMap<&str, &str> = directory
        .organizations
        .iter()
        .map(|o| (o.id.as_str(), o.name.as_str()))
        .collect();
    let mut out = Vec::with_capacity(directory.service_at_locations.len());
    let mut dangling = 0;
    for sal in &directory.service_at_locations {
        match (
            services.get(sal.service_id.as_str()),
            locations.get(sal.location_id.as_str()),
        ) {
            (Some(s), Some(l)) => {
                let org = orgs.get(s.organization_id.as_str()).copied().unwrap_or("");
                out.push((*s, *l, sal, org));
            }
            _ => dangling += 1,
        }
    }
    (out, dangling)
}
