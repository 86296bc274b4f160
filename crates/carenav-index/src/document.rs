//! Turning a directory into index documents: one per service-at-location.

use std::collections::HashMap;

use carenav_core::matching::{
    HitSource, ServiceDigest, eligibility_of, last_verified, service_domains,
};
use carenav_core::{Directory, Eligibility, Location, LocationType, Service, ServiceAtLocation};
use carenav_geo::{AreaRef, Boundaries, Resolution, split_area_names};
use serde::{Deserialize, Serialize};
use tantivy::TantivyDocument;
use tantivy::tokenizer::{Language, TextAnalyzer};

use crate::IndexError;
use crate::digest::{PlaceFlags, pack as pack_digest, pack_point};
use crate::relevance::{Found, NeedKeywords, analysed, pack, relevance_tier};
use crate::schema::{CELL_RESOLUTIONS, Fields, Reach, analyzer, need_at};

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
    /// Codes of the need domains it is indexed under (`relevance`): the
    /// needs it is found for.
    pub(crate) found_under: Vec<String>,
    pub(crate) areas: ServiceAreas,
}

impl Payload {
    /// The card: what deciding a candidate reads (`search::decide`),
    /// stored apart from the full record so a match decodes a few hundred
    /// bytes per candidate rather than whole records with their
    /// descriptions and taxonomy. The service keeps the fields `assess` and
    /// `decide` read, its `eligibility` replaced by `eligibility` (the one
    /// matching applies: `eligibility_of`, read once here). The baseline
    /// decides on full records, so the equivalence test catches a field
    /// dropped here that matching reads; the destructuring makes a new field
    /// a decision.
    pub(crate) fn card(&self, eligibility: Eligibility) -> Payload {
        let Service {
            id,
            organization_id,
            name,
            alternate_name: _,
            description: _,
            url: _,
            email: _,
            status,
            interpretation_services,
            application_process: _,
            fees_description,
            wait_time: _,
            eligibility_description,
            minimum_age: _,
            maximum_age: _,
            assured_date,
            assurer_email: _,
            last_modified,
            alert: _,
            phones,
            schedules,
            service_areas,
            languages,
            cost_options: _,
            required_documents,
            attributes: _,
            eligibility: _,
        } = &self.service;
        let Location {
            id: location_id,
            location_type,
            organization_id: _,
            name: location_name,
            alternate_name: _,
            description: _,
            transportation: _,
            url: _,
            point,
            addresses,
            phones: location_phones,
            schedules: location_schedules,
            languages: location_languages,
            accessibility: _,
        } = &self.location;
        Payload {
            service: Service {
                id: id.clone(),
                organization_id: organization_id.clone(),
                name: name.clone(),
                status: *status,
                interpretation_services: interpretation_services.clone(),
                fees_description: fees_description.clone(),
                eligibility_description: eligibility_description.clone(),
                assured_date: *assured_date,
                last_modified: last_modified.clone(),
                phones: phones.clone(),
                schedules: schedules.clone(),
                service_areas: service_areas.clone(),
                languages: languages.clone(),
                required_documents: required_documents.clone(),
                eligibility,
                ..Service::default()
            },
            location: Location {
                id: location_id.clone(),
                location_type: *location_type,
                name: location_name.clone(),
                point: *point,
                addresses: addresses.clone(),
                phones: location_phones.clone(),
                schedules: location_schedules.clone(),
                languages: location_languages.clone(),
                ..Location::default()
            },
            service_at_location: ServiceAtLocation {
                description: None,
                ..self.service_at_location.clone()
            },
            organization_name: self.organization_name.clone(),
            domains: self.domains.clone(),
            found_under: self.found_under.clone(),
            areas: self.areas.clone(),
        }
    }
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

/// Whether an area code (`area_code`) is a state's: two digits, where a
/// county's has five.
pub(crate) fn is_state_code(code: u64) -> bool {
    code < 100
}

/// The state of a county's code (its first two digits).
pub(crate) fn state_of_county(code: u64) -> u64 {
    code / 1000
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

/// What is computed once per service and shared by its locations.
pub(crate) struct ServiceFacts {
    pub(crate) digest: ServiceDigest,
    /// The eligibility matching applies (`eligibility_of`).
    pub(crate) eligibility: Eligibility,
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
        let eligibility = eligibility_of(service).into_owned();
        Ok(ServiceFacts {
            digest: ServiceDigest::with_eligibility(service, &eligibility),
            eligibility,
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

/// A service-at-location's payload, index text and need relevance.
pub(crate) struct Prepared {
    pub(crate) payload: Payload,
    pub(crate) text: String,
    pub(crate) relevance: Vec<Found>,
}

impl Prepared {
    pub(crate) fn new(
        facts: &ServiceFacts,
        (service, location, sal, org): (&Service, &Location, &ServiceAtLocation, &str),
        needs: &NeedKeywords,
        en: &mut TextAnalyzer,
    ) -> Self {
        // The text fields hold the service's words and the location's name.
        let mut text = facts.text.clone();
        if let Some(name) = &location.name {
            text.push_str(name);
        }
        let relevance = needs.relevance(facts, &analysed(en, &text));
        let found_under = relevance.iter().map(|f| f.code.to_owned()).collect();
        Prepared {
            payload: Payload {
                service: service.clone(),
                location: location.clone(),
                service_at_location: sal.clone(),
                organization_name: org.to_owned(),
                domains: facts.domains.clone(),
                found_under,
                areas: facts.areas.clone(),
            },
            text,
            relevance,
        }
    }
}

/// Prepares every service-at-location of a directory (facts computed once
/// per service) and hands each to `each`, on every core: the link order is
/// cut into one contiguous run per thread. Returns what `each` returned, in
/// link order.
pub(crate) fn prepare_all<T: Send>(
    directory: &Directory,
    boundaries: &Boundaries,
    needs: &NeedKeywords,
    each: impl Fn(&ServiceFacts, Prepared) -> Result<T, IndexError> + Sync,
) -> Result<Vec<T>, IndexError> {
    let terms: HashMap<&str, &carenav_core::TaxonomyTerm> = directory
        .taxonomy_terms
        .iter()
        .map(|t| (t.id.as_str(), t))
        .collect();
    let (triples, _dangling) = triples(directory);
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let run = triples.len().div_ceil(threads).max(1);
    let prepare_run = |run: &[Triple<'_>]| -> Result<Vec<T>, IndexError> {
        let mut en = analyzer(Language::English);
        // A service's links are usually adjacent; one cut between them
        // only means its facts are computed twice.
        let mut facts_of: HashMap<&str, ServiceFacts> = HashMap::new();
        let mut out = Vec::with_capacity(run.len());
        for &(service, location, sal, org) in run {
            let facts = match facts_of.entry(service.id.as_str()) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => e.insert(ServiceFacts::of(
                    &terms,
                    boundaries,
                    service,
                    org,
                    state_of(location),
                )?),
            };
            let prepared = Prepared::new(facts, (service, location, sal, org), needs, &mut en);
            out.push(each(facts, prepared)?);
        }
        Ok(out)
    };
    let runs: Vec<Result<Vec<T>, IndexError>> = std::thread::scope(|scope| {
        let workers: Vec<_> = triples
            .chunks(run)
            .map(|chunk| scope.spawn(|| prepare_run(chunk)))
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join().unwrap_or_else(|_| {
                    Err(IndexError::Payload(
                        "a preparing thread panicked".to_owned(),
                    ))
                })
            })
            .collect()
    });
    let mut out = Vec::with_capacity(triples.len());
    for r in runs {
        out.extend(r?);
    }
    Ok(out)
}

/// The index document of one service-at-location.
pub(crate) fn document(
    fields: &Fields,
    facts: &ServiceFacts,
    prepared: Prepared,
) -> Result<TantivyDocument, IndexError> {
    let Prepared {
        payload,
        text,
        relevance,
    } = prepared;
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.sal_id, &payload.service_at_location.id);
    doc.add_text(fields.service_id, &payload.service.id);
    doc.add_text(fields.text_en, &text);
    doc.add_text(fields.text_es, &text);
    let is_virtual = payload.location.location_type == LocationType::Virtual;
    let point = payload.location.point.filter(|_| !is_virtual);
    // Where the search finds it: near its cells; when virtual, in the
    // areas it is bound to or anywhere; without coordinates, in the areas
    // it serves exactly.
    let mut reach = Vec::new();
    let mut anywhere = false;
    let mut finest_cell = None;
    if let Some(point) = point {
        for res in CELL_RESOLUTIONS {
            let cell = carenav_geo::cell(point, res)?;
            reach.push(Reach::Cell(cell));
            finest_cell = Some(cell);
        }
    } else if is_virtual {
        reach.push(Reach::Virtual);
        if facts.areas.enforceable() {
            for code in facts.areas.codes() {
                reach.push(Reach::Served(code));
                if !is_state_code(code) {
                    reach.push(Reach::InState(state_of_county(code)));
                }
            }
        } else {
            anywhere = true;
        }
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
    let (needs, needs_more) = pack(&relevance);
    doc.add_u64(fields.needs, needs);
    for v in needs_more {
        doc.add_u64(fields.needs_more, v);
    }
    for found in &relevance {
        doc.add_text(fields.need, found.code);
        let tier = anywhere.then(|| Reach::VirtualAnywhere(relevance_tier(found.relevance)));
        for r in reach.iter().chain(&tier) {
            doc.add_u64(fields.need_at, need_at(found.position, *r));
        }
    }
    doc.add_u64(
        fields.cell_sort,
        sort_key(finest_cell, is_virtual, relevance.first()),
    );
    doc.add_i64(fields.verified_day, facts.verified_day);
    // Dense columns (every document has a value) are read without the
    // rank lookups sparse ones cost; the digest says whether `point` holds
    // coordinates.
    let flags = PlaceFlags {
        area_enforced: facts.areas.enforceable(),
        is_virtual,
        has_point: point.is_some(),
    };
    doc.add_u64(fields.digest, pack_digest(&facts.digest, flags));
    doc.add_u64(fields.point, point.map_or(0, pack_point));
    doc.add_u64(fields.populations, facts.digest.populations);
    doc.add_u64(
        fields.spoken,
        crate::languages::spoken(&payload.service, &payload.location),
    );
    for code in facts.areas.codes() {
        doc.add_u64(fields.areas, code);
    }
    // Card first: `search::StoredJson` reads stored fields in this order.
    let json =
        |p: &Payload| serde_json::to_string(p).map_err(|e| IndexError::Payload(e.to_string()));
    doc.add_text(fields.card, json(&payload.card(facts.eligibility.clone()))?);
    doc.add_text(fields.record, json(&payload)?);
    Ok(doc)
}

/// Where a document sits in the index's order: by its finest cell, then by
/// its first need, so the documents one need's search visits near a client
/// are close together (and their fast-field values share cache lines);
/// virtual ones after every place, by first need; places without
/// coordinates last.
///
/// A cell at the finest indexed resolution leaves the digits of the finer
/// resolutions unused (all ones, 3 bits each): the need position takes
/// their place. Every cell sorts before `0xF…` (an H3 index's top bits
/// are 0000 1).
fn sort_key(finest_cell: Option<u64>, is_virtual: bool, first: Option<&Found>) -> u64 {
    const FINEST: u8 = CELL_RESOLUTIONS[CELL_RESOLUTIONS.len() - 1];
    const UNUSED_DIGITS: u64 = (1 << (3 * (15 - FINEST as u32))) - 1;
    let position = first.map_or(u64::from(u8::MAX), |f| u64::from(f.position));
    match finest_cell {
        Some(cell) => (cell & !UNUSED_DIGITS) | position,
        None if is_virtual => 0xF000_0000_0000_0000 | position,
        None => u64::MAX,
    }
}

/// A link with its service, location and organization name.
pub(crate) type Triple<'a> = (&'a Service, &'a Location, &'a ServiceAtLocation, &'a str);

/// Every (service, location, link) triple of a directory whose three ends
/// exist, with the organization name. Links to missing records are skipped
/// and counted.
pub(crate) fn triples(directory: &Directory) -> (Vec<Triple<'_>>, usize) {
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
