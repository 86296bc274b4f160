//! Turning a directory into index documents: one per service-at-location.

use std::collections::hash_map::Entry;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use carenav_core::matching::{
    HitSource, ServiceDigest, eligibility_of, last_verified, service_domains,
};
use carenav_core::{Directory, Eligibility, Location, LocationType, Service, ServiceAtLocation};
use carenav_geo::{AreaRef, Boundaries, Resolution, split_area_names};
use foldhash::{HashMap, HashMapExt};
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
    /// Splits a record into its card and the rest, stored apart: the card
    /// is what deciding a candidate reads (`search::decide`), so a match
    /// decodes a few hundred bytes per candidate rather than whole records
    /// with their descriptions and taxonomy; the rest is what a care plan
    /// or a lookup reads besides ([`Payload::join`]). Nothing is stored
    /// twice.
    ///
    /// The card's service keeps the fields `assess` and `decide` read, its
    /// `eligibility` replaced by `eligibility` (the one matching applies:
    /// `eligibility_of`, read once here); the original goes to the rest.
    /// The baseline decides on full records, so the equivalence test
    /// catches a field left out of the card that matching reads; the
    /// destructuring makes a new field a decision.
    pub(crate) fn split(self, eligibility: Eligibility) -> (Payload, Rest) {
        let Service {
            id,
            organization_id,
            name,
            alternate_name,
            description,
            url,
            email,
            status,
            interpretation_services,
            application_process,
            fees_description,
            wait_time,
            eligibility_description,
            minimum_age,
            maximum_age,
            assured_date,
            assurer_email,
            last_modified,
            alert,
            phones,
            schedules,
            service_areas,
            languages,
            cost_options,
            required_documents,
            attributes,
            eligibility: stated,
        } = self.service;
        let Location {
            id: location_id,
            location_type,
            organization_id: location_organization_id,
            name: location_name,
            alternate_name: location_alternate_name,
            description: location_description,
            transportation,
            url: location_url,
            point,
            addresses,
            phones: location_phones,
            schedules: location_schedules,
            languages: location_languages,
            accessibility,
        } = self.location;
        let ServiceAtLocation {
            id: sal_id,
            service_id,
            location_id: sal_location_id,
            description: sal_description,
            phones: sal_phones,
            schedules: sal_schedules,
        } = self.service_at_location;
        let card = Payload {
            service: Service {
                id,
                organization_id,
                name,
                status,
                interpretation_services,
                fees_description,
                eligibility_description,
                assured_date,
                last_modified,
                phones,
                schedules,
                service_areas,
                languages,
                required_documents,
                eligibility,
                ..Service::default()
            },
            location: Location {
                id: location_id,
                location_type,
                name: location_name,
                point,
                addresses,
                phones: location_phones,
                schedules: location_schedules,
                languages: location_languages,
                ..Location::default()
            },
            service_at_location: ServiceAtLocation {
                id: sal_id,
                service_id,
                location_id: sal_location_id,
                description: None,
                phones: sal_phones,
                schedules: sal_schedules,
            },
            organization_name: self.organization_name,
            domains: self.domains,
            found_under: self.found_under,
            areas: self.areas,
        };
        let rest = Rest {
            service: Service {
                alternate_name,
                description,
                url,
                email,
                application_process,
                wait_time,
                minimum_age,
                maximum_age,
                assurer_email,
                alert,
                cost_options,
                attributes,
                eligibility: stated,
                ..Service::default()
            },
            location: Location {
                organization_id: location_organization_id,
                alternate_name: location_alternate_name,
                description: location_description,
                transportation,
                url: location_url,
                accessibility,
                ..Location::default()
            },
            service_at_location_description: sal_description,
        };
        (card, rest)
    }

    /// The record a card and its rest were split from
    /// ([`Payload::split`]).
    pub(crate) fn join(card: Payload, rest: Rest) -> Payload {
        // Destructured in full, like `split`: a new field is a decision.
        let Service {
            id: _,
            organization_id: _,
            name: _,
            alternate_name,
            description,
            url,
            email,
            status: _,
            interpretation_services: _,
            application_process,
            fees_description: _,
            wait_time,
            eligibility_description: _,
            minimum_age,
            maximum_age,
            assured_date: _,
            assurer_email,
            last_modified: _,
            alert,
            phones: _,
            schedules: _,
            service_areas: _,
            languages: _,
            cost_options,
            required_documents: _,
            attributes,
            eligibility,
        } = rest.service;
        let Location {
            id: _,
            location_type: _,
            organization_id,
            name: _,
            alternate_name: location_alternate_name,
            description: location_description,
            transportation,
            url: location_url,
            point: _,
            addresses: _,
            phones: _,
            schedules: _,
            languages: _,
            accessibility,
        } = rest.location;
        Payload {
            service: Service {
                alternate_name,
                description,
                url,
                email,
                application_process,
                wait_time,
                minimum_age,
                maximum_age,
                assurer_email,
                alert,
                cost_options,
                attributes,
                eligibility,
                ..card.service
            },
            location: Location {
                organization_id,
                alternate_name: location_alternate_name,
                description: location_description,
                transportation,
                url: location_url,
                accessibility,
                ..card.location
            },
            service_at_location: ServiceAtLocation {
                description: rest.service_at_location_description,
                ..card.service_at_location
            },
            ..card
        }
    }
}

/// What a record holds besides its card ([`Payload::split`]): the
/// service's and location's other fields (the rest at their defaults, which
/// their serialization skips) and the link's description.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Rest {
    service: Service,
    location: Location,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    service_at_location_description: Option<String>,
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

/// Links prepared, ordered and handed on together: big enough that the
/// documents near one place seldom straddle two chunks (which two indexing
/// threads put in different segments; 8,192 measured a little faster to
/// query at 1M than 1,024), small enough to keep both cores busy to the
/// end.
pub(crate) const CHUNK: usize = 8192;

/// Prepares every service-at-location of a directory, on every core, and
/// hands them on in chunks: `each` turns a prepared link into what `flush`
/// receives, with the chunk's number, in the index's order (`order_key`).
///
/// Links are taken in order of their place (`place_key`), so a chunk holds
/// neighbours; each thread takes the next chunk when it is done with one.
/// A service's facts are computed once per chunk. Returns the number of
/// links prepared.
pub(crate) fn prepare_chunks<T: Send>(
    directory: &Directory,
    boundaries: &Boundaries,
    needs: &NeedKeywords,
    each: impl Fn(&ServiceFacts, Prepared) -> Result<T, IndexError> + Sync,
    flush: impl Fn(usize, Vec<T>) -> Result<(), IndexError> + Sync,
) -> Result<usize, IndexError> {
    let terms: HashMap<&str, &carenav_core::TaxonomyTerm> = directory
        .taxonomy_terms
        .iter()
        .map(|t| (t.id.as_str(), t))
        .collect();
    let (mut triples, _dangling) = triples(directory);
    triples.sort_by_cached_key(|(_, location, _, _)| place_key(location));
    let next_chunk = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let worker = || -> Result<(), IndexError> {
        let mut en = analyzer(Language::English);
        let mut facts_of: HashMap<&str, ServiceFacts> = HashMap::new();
        loop {
            let number = next_chunk.fetch_add(1, Ordering::Relaxed);
            let Some(chunk) = triples.chunks(CHUNK).nth(number) else {
                return Ok(());
            };
            if failed.load(Ordering::Relaxed) {
                return Ok(());
            }
            // Facts are kept for one chunk: a service's links in other
            // places compute theirs again, and the map stays small.
            facts_of.clear();
            let mut out = Vec::with_capacity(chunk.len());
            for &(service, location, sal, org) in chunk {
                let facts = match facts_of.entry(service.id.as_str()) {
                    Entry::Occupied(e) => e.into_mut(),
                    Entry::Vacant(e) => e.insert(ServiceFacts::of(
                        &terms,
                        boundaries,
                        service,
                        org,
                        state_of(location),
                    )?),
                };
                let prepared = Prepared::new(facts, (service, location, sal, org), needs, &mut en);
                let key = order_key(location, prepared.relevance.first());
                out.push((key, each(facts, prepared)?));
            }
            // Stable: links of one place and need keep the directory's order.
            out.sort_by_key(|(key, _)| *key);
            flush(number, out.into_iter().map(|(_, t)| t).collect())?;
        }
    };
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let result = worker();
                    if result.is_err() {
                        failed.store(true, Ordering::Relaxed);
                    }
                    result
                })
            })
            .collect();
        workers
            .into_iter()
            .try_for_each(|w| w.join().unwrap_or_else(|_| Err(panicked())))
    })?;
    Ok(triples.len())
}

fn panicked() -> IndexError {
    IndexError::Payload("a preparing thread panicked".to_owned())
}

/// [`prepare_chunks`] collected: what `each` returned for every link, in
/// the index's order.
pub(crate) fn prepare_all<T: Send>(
    directory: &Directory,
    boundaries: &Boundaries,
    needs: &NeedKeywords,
    each: impl Fn(&ServiceFacts, Prepared) -> Result<T, IndexError> + Sync,
) -> Result<Vec<T>, IndexError> {
    let chunks = Mutex::new(Vec::new());
    prepare_chunks(directory, boundaries, needs, each, |number, chunk| {
        chunks.lock().map_err(|_| panicked())?.push((number, chunk));
        Ok(())
    })?;
    let mut chunks = chunks.into_inner().map_err(|_| panicked())?;
    chunks.sort_by_key(|(number, _)| *number);
    Ok(chunks.into_iter().flat_map(|(_, chunk)| chunk).collect())
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
    doc.add_text(fields.service_id, &payload.service.id);
    doc.add_text(fields.text_en, &text);
    if has_spanish(&text) {
        doc.add_text(fields.text_es, &text);
    }
    let is_virtual = payload.location.location_type == LocationType::Virtual;
    let point = payload.location.point.filter(|_| !is_virtual);
    // Where the search finds it: near its cells; when virtual, in the
    // areas it is bound to or anywhere; without coordinates, in the areas
    // it serves exactly.
    let mut reach = Vec::new();
    let mut anywhere = false;
    if let Some(point) = point {
        for res in CELL_RESOLUTIONS {
            let cell = carenav_geo::cell(point, res)?;
            reach.push(Reach::Cell(cell));
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
    // Card first: `search::StoredCard` reads it alone, the first stored field.
    let (card, rest) = payload.split(facts.eligibility.clone());
    doc.add_text(fields.card, to_json(&card)?);
    doc.add_text(fields.rest, to_json(&rest)?);
    Ok(doc)
}

/// Spanish function words English seldom uses.
const SPANISH_MARKERS: &[&str] = &[
    "de", "del", "el", "la", "las", "los", "y", "para", "con", "por", "una", "que", "en", "al",
    "su", "sus", "se", "es",
];

/// Whether a text has Spanish in it (two of [`SPANISH_MARKERS`], repeats
/// counted), and is analysed as Spanish as well. Analysing English as
/// Spanish made stems a Spanish note seldom asks for ("families" as
/// "famili") and counted an English note's words twice where the stems
/// agree ("food"), and it was 7% of a build at 1M. A place name ("Los
/// Altos") alone does not count; a bilingual description does.
pub(crate) fn has_spanish(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| SPANISH_MARKERS.iter().any(|m| word.eq_ignore_ascii_case(m)))
        .nth(1)
        .is_some()
}

fn to_json(value: &impl Serialize) -> Result<String, IndexError> {
    serde_json::to_string(value).map_err(|e| IndexError::Payload(e.to_string()))
}

/// Where a location's links sit in the order they are prepared in: places
/// by the Z-order curve of their packed coordinates (`pack_point`: its
/// bits interleaved), so neighbours are near each other; virtual locations
/// after every place; places without coordinates last.
fn place_key(location: &Location) -> u64 {
    match location.point {
        _ if location.location_type == LocationType::Virtual => u64::MAX - 1,
        Some(point) => {
            let packed = pack_point(point);
            interleave(packed >> 32) << 1 | interleave(packed & u64::from(u32::MAX))
        }
        None => u64::MAX,
    }
}

/// Spreads the low 32 bits of `v` over the even bits of the result.
fn interleave(v: u64) -> u64 {
    let mut v = v & 0xFFFF_FFFF;
    v = (v | v << 16) & 0x0000_FFFF_0000_FFFF;
    v = (v | v << 8) & 0x00FF_00FF_00FF_00FF;
    v = (v | v << 4) & 0x0F0F_0F0F_0F0F_0F0F;
    v = (v | v << 2) & 0x3333_3333_3333_3333;
    (v | v << 1) & 0x5555_5555_5555_5555
}

/// Where a document sits in the index's order, within its chunk: by a box
/// of its place a couple of km wide, then by its first need, so the
/// documents one need's search visits near a client are close together
/// (and their column values share cache lines); then by place.
fn order_key(location: &Location, first: Option<&Found>) -> (u64, u8, u64) {
    // 19 low bits of each coordinate's 32 are about 2.3 km of latitude.
    const BOX_BITS: u32 = 2 * 19;
    let place = place_key(location);
    let need = first.map_or(u8::MAX, |f| f.position);
    (place >> BOX_BITS, need, place)
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

#[cfg(test)]
mod tests {
    use super::has_spanish;

    #[rstest::rstest]
    #[case("Despensa de comida para familias", true)]
    #[case("Food pantry. Se habla español: banco de comida.", true)]
    #[case("Food pantry for families in need", false)]
    // Two place names count: harmless, the text is analysed both ways.
    #[case("Los Altos Food Pantry at El Camino Hospital", true)]
    #[case("Los Altos Food Pantry", false)]
    fn spanish_is_told_by_its_function_words(#[case] text: &str, #[case] spanish: bool) {
        assert_eq!(has_spanish(text), spanish, "{text}");
    }
}
