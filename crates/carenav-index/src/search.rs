//! Matching a profile against the index.

use std::collections::HashSet;
use std::sync::Arc;

use carenav_core::matching::{
    AreaFact, Assessment, ClientFacts, ExcludedCandidate, MatchResult, NeedMatches, Referral,
    ScoringWeights, assess,
};
use carenav_core::needs::NeedDomain;
use carenav_core::profile::{ClientProfile, Need};
use carenav_core::{Date, Eligibility, GeoPoint, Schedule, TimeOfDay, Weekday, benefits};
use carenav_geo::{Boundaries, haversine_km};
use tantivy::collector::DocSetCollector;
use tantivy::query::{Bm25Weight, BooleanQuery, EnableScoring, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::schema::document::{DeserializeError, DocumentDeserialize, DocumentDeserializer};
use tantivy::tokenizer::Language;
use tantivy::{DocAddress, Score, Term};

use crate::document::{MAPPED_AREA, NATIONWIDE_CODE, Payload, is_state_code, state_of_county};
use crate::rank::{Hit, NoteWords, PreFilter, Ranker, TopRanked};
use crate::relevance::{RELEVANCE_TIERS, analysed_words, tier_ceiling};
use crate::schema::{CELL_RESOLUTIONS, Reach, need_at, note_analyzer};
use crate::{IndexError, MatchOptions, ServiceIndex};

/// Most cells a search disk may be covered with before a coarser resolution
/// is used.
const MAX_QUERY_CELLS: u64 = 64;
/// Weight of a note's words against the need relevance.
pub(crate) const NOTE_BOOST: Score = 0.5;
/// Most referrals per need a match returns, whatever the caller asks.
pub const MAX_LIMIT: usize = 1000;
/// Candidates fetched per referral wanted: room for the exact check to drop
/// some. Fewer make a lower floor for the collector's bounds, more a second
/// search more often; 2 measured best at 100k and 1M (against 1, 3 and 4).
const FETCH_FACTOR: usize = 2;
/// Most candidates read for one need before the list is cut (the exact
/// ranking is guaranteed up to here).
const MAX_CANDIDATES: usize = 20_000;
/// Nearby excluded candidates listed per need when exclusions are explained.
const EXPLAIN_LIMIT: usize = 20;

/// Where the client is, in the terms the pre-filter and `assess` need.
#[derive(Debug, Clone)]
pub(crate) struct ClientPlace {
    point: GeoPoint,
    /// FIPS codes of the client's state and county.
    pub(crate) codes: Vec<u64>,
    /// Whether the county is known (a point in a bay may have none).
    pub(crate) county_known: bool,
}

impl ClientPlace {
    pub(crate) fn locate(boundaries: &Boundaries, point: GeoPoint) -> Result<Self, IndexError> {
        let place = boundaries.locate(point)?;
        let mut codes = Vec::new();
        let mut county_known = false;
        if let Some(place) = place {
            codes.extend(place.state.fips.parse::<u64>().ok());
            if let Some(county) = place.county {
                county_known = true;
                codes.extend(county.fips.parse::<u64>().ok());
            }
        }
        Ok(ClientPlace {
            point,
            codes,
            county_known,
        })
    }

    /// The client's state's code, when known.
    fn state_code(&self) -> Option<u64> {
        self.codes.iter().copied().find(|c| is_state_code(*c))
    }

    /// Where documents serving the client are found besides near it:
    /// nationwide, in the client's areas, virtual and bound to them. A
    /// virtual service bound to a county is also found by a client whose
    /// county is unknown (in its state), and every virtual service by a
    /// client whose state is unknown: the pre-filter cannot exclude those,
    /// so neither may the search. Virtual services found anywhere are
    /// searched apart, by tier, when [`ClientPlace::finds_anywhere`].
    fn reach(&self) -> Vec<Reach> {
        let mut out = vec![Reach::Served(NATIONWIDE_CODE)];
        out.extend(self.codes.iter().map(|c| Reach::Served(*c)));
        if !self.county_known {
            match self.state_code() {
                Some(state) => out.push(Reach::InState(state)),
                None => out.push(Reach::Virtual),
            }
        }
        out
    }

    /// Whether the virtual services found anywhere are searched apart
    /// (else [`ClientPlace::reach`] finds every virtual service).
    fn finds_anywhere(&self) -> bool {
        self.county_known || self.state_code().is_some()
    }

    /// The service-area verdict for a candidate.
    pub(crate) fn area_fact(&self, payload: &Payload) -> AreaFact {
        let areas = &payload.areas;
        let mut outside: Vec<String> = Vec::new();
        let mut unresolved: Vec<String> = areas
            .unresolved
            .iter()
            .filter(|n| **n != MAPPED_AREA)
            .cloned()
            .collect();
        for area in &payload.service.service_areas {
            let Some(extent) = area
                .extent
                .as_deref()
                .filter(|_| area.extent_type.as_deref() == Some("geojson"))
            else {
                continue;
            };
            let name = area
                .name
                .clone()
                .unwrap_or_else(|| "the mapped area".to_owned());
            match carenav_geo::Area::from_geojson(extent) {
                Ok(polygon) if polygon.contains(self.point) => return AreaFact::Inside(name),
                Ok(_) => outside.push(name),
                Err(_) => unresolved.push(name),
            }
        }
        if areas.nationwide {
            return AreaFact::Inside("the whole country".to_owned());
        }
        // The client's codes hold a county only when its county is known.
        if let Some((_, label)) = areas.exact.iter().find(|(c, _)| self.codes.contains(c)) {
            return AreaFact::Inside(label.clone());
        }
        for (code, name) in &areas.approximate {
            if self.codes.contains(code) {
                unresolved.push(name.clone());
            } else {
                outside.push(name.clone());
            }
        }
        let state = self.state_code();
        for (code, label) in &areas.exact {
            // A county, the client's county unknown: unresolved unless the
            // client is known to be in another state.
            if !self.county_known
                && !is_state_code(*code)
                && state.is_none_or(|s| s == state_of_county(*code))
            {
                unresolved.push(label.clone());
            } else {
                outside.push(label.clone());
            }
        }
        if !unresolved.is_empty() {
            AreaFact::Unresolved(unresolved)
        } else if outside.is_empty() {
            AreaFact::NoArea
        } else {
            AreaFact::Outside(outside)
        }
    }
}

/// The weekday and local time of an RFC 3339 date-time, as written
/// (`2026-11-30T10:30:00-08:00` is a Monday at 10:30 local time).
pub fn parse_open_at(text: &str) -> Option<(Weekday, TimeOfDay)> {
    let date = Date::parse(text).ok()?;
    let time = text.get(11..16)?;
    let time = TimeOfDay::parse_hsds(time)?;
    Some((date.weekday(), time))
}

/// Whether a set of schedules says the place is open: None when none of
/// them is structured enough to tell.
fn open_at(schedules: &[Schedule], day: Weekday, time: TimeOfDay) -> Option<bool> {
    let mut known = false;
    for s in schedules {
        let (Some(opens), Some(closes)) = (s.opens_at, s.closes_at) else {
            continue;
        };
        if s.freq == Some(carenav_core::Frequency::Monthly) {
            continue;
        }
        let days = s.weekdays();
        if days.is_empty() {
            continue;
        }
        known = true;
        if days.contains(&day) && opens <= time && time < closes {
            return Some(true);
        }
    }
    known.then_some(false)
}

/// A profile's matching, given how to match one need: validation, the
/// client's facts and place, needs by urgency, ranking and warnings. The
/// index and the linear-scan baseline share it.
pub(crate) fn match_with(
    profile: &ClientProfile,
    options: &MatchOptions,
    boundaries: &Boundaries,
    mut match_need: impl FnMut(
        &Need,
        &ClientFacts,
        &ClientPlace,
    ) -> Result<(NeedMatches, Vec<Scored>), IndexError>,
) -> Result<MatchResult, IndexError> {
    profile.validate()?;
    let point = profile.point()?;
    let mut warnings = Vec::new();
    let screen = match benefits::prescreen_profile(profile, options.today) {
        Ok(screen) => screen,
        Err(e) => {
            warnings.push(format!("benefit pre-screen skipped: {e}"));
            None
        }
    };
    let client = ClientFacts::from_profile(
        profile,
        point,
        screen.as_ref().map(|s| s.percent_of_poverty),
    );
    let place = ClientPlace::locate(boundaries, point)?;
    if place.codes.is_empty() {
        warnings.push(
            "the client's location is outside the US boundaries carenav knows: service areas are left to verify"
                .to_owned(),
        );
    }
    let mut needs: Vec<&Need> = profile.needs.iter().collect();
    needs.sort_by_key(|n| n.urgency.rank());
    let mut per_need = Vec::with_capacity(needs.len());
    for need in &needs {
        per_need.push(match_need(need, &client, &place)?);
    }
    let result = finish(per_need, &needs, options);
    let mut result = MatchResult {
        profile_id: profile.id.clone(),
        needs: result,
        inferred: client.inferred.clone(),
        warnings,
    };
    for need in &result.needs {
        if need.referrals.is_empty() {
            result.warnings.push(format!(
                "no eligible service found for {} within {:.0} km",
                need.domain, client.max_distance_km
            ));
        }
    }
    Ok(result)
}

impl ServiceIndex {
    /// Matches a profile: for each need, most urgent first, the best
    /// eligible referrals with reasons and caveats.
    pub fn match_profile(
        &self,
        profile: &ClientProfile,
        options: &MatchOptions,
    ) -> Result<MatchResult, IndexError> {
        let positions: Vec<u8> = profile
            .needs
            .iter()
            .filter_map(|n| self.needs.position(n.domain))
            .collect();
        // The search disk is the same for every need: covered once.
        let mut cover: Option<Option<Vec<u64>>> = None;
        match_with(profile, options, self.boundaries, |need, client, place| {
            let cells = match &cover {
                Some(cells) => cells,
                None => cover.insert(disk_cells(client)?),
            };
            let search = self.need_search(need, &positions, cells.as_deref(), place)?;
            self.match_need(need, &search, client, place, options)
        })
    }

    /// What one of a profile's needs is searched with: `positions` are
    /// those of all the profile's needs, `cells` cover the search disk.
    fn need_search(
        &self,
        need: &Need,
        positions: &[u8],
        cells: Option<&[u64]>,
        place: &ClientPlace,
    ) -> Result<NeedSearch, IndexError> {
        let position = self.needs.position(need.domain).ok_or_else(|| {
            IndexError::Payload(format!("need {} is not in the need table", need.domain))
        })?;
        Ok(NeedSearch {
            near: self.found_near(position, need.domain, cells, place),
            anywhere: cells.is_some() && place.finds_anywhere(),
            note: match need.note.as_deref() {
                Some(note) => self.note_words(note)?.map(Arc::new),
                None => None,
            },
            position,
            others: positions
                .iter()
                .copied()
                .filter(|p| *p != position)
                .collect(),
        })
    }

    /// Documents found under the need near the client: in the `cells`
    /// covering the search disk, virtual and bound to the client's areas,
    /// or (no coordinates) serving the client's area; just found under the
    /// need when the disk is too big to cover usefully (no cells: then only
    /// the pre-filter's exact distance applies). Virtual services found
    /// anywhere are searched apart (`ServiceIndex::top`).
    fn found_near(
        &self,
        position: u8,
        domain: NeedDomain,
        cells: Option<&[u64]>,
        place: &ClientPlace,
    ) -> Box<dyn Query> {
        match cells {
            None => Box::new(TermQuery::new(
                Term::from_field_text(self.fields.need, domain.code()),
                IndexRecordOption::Basic,
            )),
            Some(cells) => {
                let reach = cells.iter().copied().map(Reach::Cell).chain(place.reach());
                // Plain term queries, not a TermSetQuery: building the
                // latter's automaton costs more than a whole match at these
                // sizes.
                Box::new(any_of(reach.map(|r| {
                    Term::from_field_u64(self.fields.need_at, need_at(position, r))
                })))
            }
        }
    }

    /// BM25 relevance of the note's words (stop words removed), analysed
    /// as English and as Spanish (against the texts that have Spanish), at
    /// `NOTE_BOOST`: it adds to the need relevance.
    fn note_words(&self, note: &str) -> Result<Option<NoteWords>, IndexError> {
        let f = &self.fields;
        let searcher = self.reader.searcher();
        let scoring = EnableScoring::enabled_from_searcher(&searcher);
        let mut words = Vec::new();
        let mut ceiling: Score = 0.0;
        for (field, language) in [
            (f.text_en, Language::English),
            (f.text_es, Language::Spanish),
        ] {
            let mut analyzer = note_analyzer(language);
            for t in analysed_words(&mut analyzer, note) {
                let term = Term::from_field_text(field, &t);
                if searcher.doc_freq(&term)? == 0 {
                    continue;
                }
                ceiling += Bm25Weight::for_terms(&searcher, std::slice::from_ref(&term))?
                    .boost_by(NOTE_BOOST)
                    .max_score();
                words.push(TermQuery::new(term, IndexRecordOption::WithFreqs).weight(scoring)?);
            }
        }
        // A margin for rounding (the score is a sum of f32s).
        Ok((!words.is_empty()).then(|| NoteWords::new(words, ceiling * 1.001 + 1e-4)))
    }

    /// One need's referrals.
    fn match_need(
        &self,
        need: &Need,
        search: &NeedSearch,
        client: &ClientFacts,
        place: &ClientPlace,
        options: &MatchOptions,
    ) -> Result<(NeedMatches, Vec<Scored>), IndexError> {
        let mut ranker = self.ranker(search, client, place, options);
        let mut fetch = options.limit.clamp(1, MAX_LIMIT) * FETCH_FACTOR + 10;
        let searcher = self.reader.searcher();
        let mut scored: Vec<Scored> = Vec::new();
        let mut seen_services = HashSet::new();
        // Hits come best bound first (the ranked score, times the language
        // factor when a mismatch is certain), and a candidate's final score
        // is at most that times `most`: once that cannot beat the
        // `limit`-th score found so far, no later hit can make the list (a
        // tie would be placed after it: `finish` sorts stably, in reading
        // order). So candidates are read (their stored cards are
        // the costly part of a match) only until then, fetching more hits
        // when the first ones run out before that point (many excluded),
        // up to MAX_CANDIDATES.
        let most = most_factor(&options.weights);
        let wanted = options.limit.clamp(1, MAX_LIMIT);
        let mut floors: Vec<Score> = Vec::new();
        let mut read = 0;
        'pages: loop {
            let hits = self.top(search, &ranker, fetch)?;
            let exhausted = hits.len() < fetch;
            for hit in hits.into_iter().skip(read) {
                if floors.len() >= wanted
                    && floors
                        .get(wanted - 1)
                        .is_some_and(|floor| hit.bound * most <= *floor)
                {
                    break 'pages;
                }
                read += 1;
                let card = card_at(&searcher, hit.address)?;
                let Some(candidate) = decide(
                    hit.ranked,
                    &card,
                    &card.service.eligibility,
                    need,
                    client,
                    place,
                    options,
                ) else {
                    continue;
                };
                if seen_services.insert(candidate.referral.service_id.clone()) {
                    let floor = candidate.final_score(&options.weights);
                    let at = floors.partition_point(|f| *f >= floor);
                    floors.insert(at, floor);
                    scored.push(candidate);
                }
            }
            if exhausted || fetch >= MAX_CANDIDATES {
                break;
            }
            fetch = (fetch * 4).min(MAX_CANDIDATES);
        }
        let mut excluded = Vec::new();
        if options.explain_exclusions {
            // The nearest found, eligible or not.
            ranker.filter = None;
            let nearest = self.top(search, &ranker, EXPLAIN_LIMIT * 3)?;
            for hit in nearest {
                let card = card_at(&searcher, hit.address)?;
                let assessment =
                    assess_payload(&card, &card.service.eligibility, client, place, options);
                if let Some(exclusion) = assessment.excluded {
                    excluded.push(ExcludedCandidate {
                        service_id: card.service.id.clone(),
                        service_at_location_id: card.service_at_location.id.clone(),
                        service_name: card.service.name.clone(),
                        exclusion,
                    });
                    if excluded.len() >= EXPLAIN_LIMIT {
                        break;
                    }
                }
            }
        }
        Ok((
            NeedMatches {
                domain: need.domain.code().to_owned(),
                urgency: need.urgency,
                referrals: Vec::new(),
                excluded,
            },
            scored,
        ))
    }

    /// How `search`'s documents are ranked and pre-filtered for `client`.
    fn ranker(
        &self,
        search: &NeedSearch,
        client: &ClientFacts,
        place: &ClientPlace,
        options: &MatchOptions,
    ) -> Ranker {
        Ranker {
            position: search.position,
            others: search.others.clone(),
            point: client.point,
            today: options.today.days_since_epoch(),
            weights: options.weights,
            note: search.note.clone(),
            wanted: crate::languages::folded(crate::languages::wanted(&client.languages)),
            floor: None,
            filter: Some(PreFilter::new(client, place)),
            columns: Arc::clone(&self.columns),
        }
    }

    /// The `limit` best documents `search` finds by `ranker`'s score, best
    /// first. The virtual services found anywhere are searched after those
    /// near the client, and only in the relevance tiers whose best possible
    /// score beats the `limit`-th found near: most of them, far from every
    /// client, are never read.
    fn top(
        &self,
        search: &NeedSearch,
        ranker: &Ranker,
        limit: usize,
    ) -> Result<Vec<Hit>, IndexError> {
        let mut hits = self.top_of(search.near.as_ref(), ranker, limit)?;
        if !search.anywhere {
            return Ok(hits);
        }
        let floor = match hits.get(limit.saturating_sub(1)) {
            Some(hit) if hits.len() >= limit => Some(hit.bound),
            _ => None,
        };
        let note = search.note.as_ref().map_or(0.0, |n| n.ceiling());
        let tiers: Vec<u8> = (0..RELEVANCE_TIERS)
            .filter(|t| {
                let best = ranker.best_virtual(tier_ceiling(*t) + note);
                floor.is_none_or(|f| best > f)
            })
            .collect();
        if tiers.is_empty() {
            return Ok(hits);
        }
        let anywhere = any_of(tiers.into_iter().map(|t| {
            Term::from_field_u64(
                self.fields.need_at,
                need_at(search.position, Reach::VirtualAnywhere(t)),
            )
        }));
        let ranker = Ranker {
            floor,
            ..ranker.clone()
        };
        hits.extend(self.top_of(&anywhere, &ranker, limit)?);
        // The two lists hold different documents (a virtual service has no
        // cell); ties in document order, as one search would keep them.
        Hit::sort(&mut hits);
        hits.truncate(limit);
        Ok(hits)
    }

    /// The `limit` best documents `query` finds by `ranker`'s score.
    fn top_of(
        &self,
        query: &dyn Query,
        ranker: &Ranker,
        limit: usize,
    ) -> Result<Vec<Hit>, IndexError> {
        let collector = TopRanked {
            ranker: ranker.clone(),
            limit,
        };
        Ok(self.reader.searcher().search(query, &collector)?)
    }
}

/// What one need's search finds and how it scores it.
struct NeedSearch {
    /// The need's position in the need table.
    position: u8,
    /// The positions of the client's other needs.
    others: Vec<u8>,
    /// Found near the client or in its areas (`ServiceIndex::found_near`).
    near: Box<dyn Query>,
    /// Whether the virtual services found anywhere are searched by tier
    /// (else `near` finds them, or they are out of reach).
    anywhere: bool,
    /// The note's words.
    note: Option<Arc<NoteWords>>,
}

/// The exact check of one candidate, and its opening hours when asked;
/// `eligibility` is the one matching applies (`eligibility_of`).
pub(crate) fn assess_payload(
    payload: &Payload,
    eligibility: &Eligibility,
    client: &ClientFacts,
    place: &ClientPlace,
    options: &MatchOptions,
) -> Assessment {
    let distance = payload
        .location
        .point
        .map(|p| haversine_km(client.point, p));
    let area = place.area_fact(payload);
    let mut assessment = assess(
        &payload.service,
        eligibility,
        &payload.location,
        client,
        distance,
        &area,
        options.today,
    );
    if let Some((day, time)) = options.open_at {
        let schedules: &[Schedule] = [
            payload.service_at_location.schedules.as_slice(),
            payload.location.schedules.as_slice(),
            payload.service.schedules.as_slice(),
        ]
        .into_iter()
        .find(|s| !s.is_empty())
        .unwrap_or(&[]);
        match open_at(schedules, day, time) {
            Some(true) => assessment
                .reasons
                .push(format!("open {} at {time}", day.code())),
            Some(false) if assessment.excluded.is_none() => {
                assessment.excluded = Some(carenav_core::matching::Exclusion {
                    constraint: "hours",
                    detail: format!("closed {} at {time}", day.code()),
                    evidence: schedules.iter().find_map(|s| s.description.clone()),
                });
            }
            Some(false) => {}
            None => assessment
                .caveats
                .push("opening hours unknown: call before going".to_owned()),
        }
    }
    assessment
}

/// A candidate's referral, if the client is eligible; `ranked` is its
/// score before the language and doubt factors, `eligibility` the one
/// matching applies (`eligibility_of`).
pub(crate) fn decide(
    ranked: Score,
    payload: &Payload,
    eligibility: &Eligibility,
    need: &Need,
    client: &ClientFacts,
    place: &ClientPlace,
    options: &MatchOptions,
) -> Option<Scored> {
    let assessment = assess_payload(payload, eligibility, client, place, options);
    if !assessment.is_eligible() {
        return None;
    }
    let distance_km = if payload.location.location_type == carenav_core::LocationType::Virtual {
        None
    } else {
        payload
            .location
            .point
            .map(|p| haversine_km(client.point, p))
    };
    let why = payload
        .domains
        .iter()
        .find(|(code, _)| code == need.domain.code())
        .map(|(_, why)| why.clone());
    let mut reasons = vec![match why {
        Some(why) => format!("serves {}: {why}", need.domain.label().to_lowercase()),
        None => format!(
            "its description matches {}",
            need.domain.label().to_lowercase()
        ),
    }];
    reasons.extend(assessment.reasons);
    let address = payload
        .location
        .addresses
        .iter()
        .find(|a| a.address_type == carenav_core::AddressType::Physical)
        .or(payload.location.addresses.first())
        .map(|a| a.one_line())
        .filter(|a| !a.is_empty());
    let phone = payload
        .service_at_location
        .phones
        .iter()
        .chain(&payload.location.phones)
        .chain(&payload.service.phones)
        .map(|p| p.number.clone())
        .next();
    Some(Scored {
        ranked,
        language_mismatch: assessment.language_mismatch,
        doubtful: assessment.doubtful,
        found_under: payload.found_under.clone(),
        referral: Referral {
            service_id: payload.service.id.clone(),
            service_at_location_id: payload.service_at_location.id.clone(),
            service_name: payload.service.name.clone(),
            organization_name: payload.organization_name.clone(),
            address,
            phone,
            distance_km: distance_km.map(|d| (d * 10.0).round() / 10.0),
            score: 0.0,
            reasons,
            caveats: assessment.caveats,
            also_serves: Vec::new(),
        },
    })
}

/// The cells covering the client's search disk at the finest indexed
/// resolution that needs at most `MAX_QUERY_CELLS`, or None when even the
/// coarsest needs more (a disk too big to cover usefully).
fn disk_cells(client: &ClientFacts) -> Result<Option<Vec<u64>>, IndexError> {
    let finest = CELL_RESOLUTIONS[CELL_RESOLUTIONS.len() - 1];
    let res = carenav_geo::disk_resolution(client.max_distance_km, finest, MAX_QUERY_CELLS)?;
    if res < CELL_RESOLUTIONS[0] {
        return Ok(None);
    }
    Ok(Some(carenav_geo::cover_disk(
        client.point,
        client.max_distance_km,
        res,
    )?))
}

/// Documents holding any of the terms.
fn any_of(terms: impl Iterator<Item = Term>) -> BooleanQuery {
    BooleanQuery::new(
        terms
            .map(|t| -> (Occur, Box<dyn Query>) {
                (
                    Occur::Should,
                    Box::new(TermQuery::new(t, IndexRecordOption::Basic)),
                )
            })
            .collect(),
    )
}

/// The largest factor `ScoringWeights::candidate_factors` can give a
/// candidate (1 unless the language or doubt factors are set above 1).
fn most_factor(weights: &ScoringWeights) -> Score {
    [(false, 0), (true, 0), (false, 16), (true, 16)]
        .into_iter()
        .map(|(mismatch, doubtful)| weights.candidate_factors(mismatch, doubtful))
        .fold(1.0, Score::max)
}

/// A candidate that passed the exact check, with what scoring needs.
#[derive(Debug, Clone)]
pub(crate) struct Scored {
    /// relevance × distance × freshness × multi-need, from the index.
    pub(crate) ranked: Score,
    language_mismatch: bool,
    doubtful: u32,
    /// Codes of the needs the place is indexed under.
    found_under: Vec<String>,
    pub(crate) referral: Referral,
}

impl Scored {
    /// The score it is listed with.
    fn final_score(&self, weights: &ScoringWeights) -> Score {
        self.ranked * weights.candidate_factors(self.language_mismatch, self.doubtful)
    }
}

/// Scores, ranks and truncates each need's list, and lists the other
/// needs each place serves.
pub(crate) fn finish(
    per_need: Vec<(NeedMatches, Vec<Scored>)>,
    needs: &[&Need],
    options: &MatchOptions,
) -> Vec<NeedMatches> {
    let wanted: Vec<&str> = needs.iter().map(|n| n.domain.code()).collect();
    per_need
        .into_iter()
        .map(|(mut matches, scored)| {
            let mut referrals: Vec<(f32, Referral)> = scored
                .into_iter()
                .map(|mut s| {
                    let also: Vec<String> = s
                        .found_under
                        .iter()
                        .filter(|d| **d != matches.domain && wanted.contains(&String::as_str(d)))
                        .cloned()
                        .collect();
                    let score = s.final_score(&options.weights);
                    s.referral.score = (score * 1000.0).round() / 1000.0;
                    s.referral.also_serves = also;
                    (score, s.referral)
                })
                .collect();
            referrals.sort_by(|a, b| b.0.total_cmp(&a.0));
            matches.referrals = referrals
                .into_iter()
                .take(options.limit.min(MAX_LIMIT))
                .map(|(_, r)| r)
                .collect();
            matches
        })
        .collect()
}

/// A document's card: its first stored field, read without the rest.
fn card_at(searcher: &tantivy::Searcher, address: DocAddress) -> Result<Payload, IndexError> {
    let StoredCard(card) = searcher.doc(address)?;
    from_json(&card)
}

/// A document's whole record: its card joined with the rest
/// (`Payload::split`).
fn record_at(searcher: &tantivy::Searcher, address: DocAddress) -> Result<Payload, IndexError> {
    let StoredRecord(card, rest) = searcher.doc(address)?;
    Ok(Payload::join(from_json(&card)?, from_json(&rest)?))
}

fn from_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, IndexError> {
    serde_json::from_str(json).map_err(|e| IndexError::Payload(e.to_string()))
}

/// The card of a document, its first stored field (`document::document`
/// adds it first): reading stops there, so a card is read without the rest.
struct StoredCard(String);

/// The card and the rest of a document, its two stored fields.
struct StoredRecord(String, String);

fn next_json<'de, D: DocumentDeserializer<'de>>(
    stored: &mut D,
) -> Result<String, DeserializeError> {
    match stored.next_field::<String>()? {
        Some((_, json)) => Ok(json),
        None => Err(DeserializeError::custom("document without payload")),
    }
}

impl DocumentDeserialize for StoredCard {
    fn deserialize<'de, D>(mut stored: D) -> Result<Self, DeserializeError>
    where
        D: DocumentDeserializer<'de>,
    {
        Ok(StoredCard(next_json(&mut stored)?))
    }
}

impl DocumentDeserialize for StoredRecord {
    fn deserialize<'de, D>(mut stored: D) -> Result<Self, DeserializeError>
    where
        D: DocumentDeserializer<'de>,
    {
        Ok(StoredRecord(
            next_json(&mut stored)?,
            next_json(&mut stored)?,
        ))
    }
}

/// The stored payload of the first document of the service `service_id`
/// (one per location, in reading order) that `wanted` accepts.
pub(crate) fn service_payload(
    index: &ServiceIndex,
    service_id: &str,
    wanted: impl Fn(&Payload) -> bool,
) -> Result<Option<Payload>, IndexError> {
    let searcher = index.reader.searcher();
    let term = Term::from_field_text(index.fields.service_id, service_id);
    let query = TermQuery::new(term, IndexRecordOption::Basic);
    let mut addresses: Vec<DocAddress> = searcher
        .search(&query, &DocSetCollector)?
        .into_iter()
        .collect();
    addresses.sort_unstable();
    for address in addresses {
        let payload = record_at(&searcher, address)?;
        if wanted(&payload) {
            return Ok(Some(payload));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::ServiceAreas;

    fn place(codes: &[u64], county_known: bool) -> ClientPlace {
        ClientPlace {
            point: GeoPoint {
                latitude: 37.5,
                longitude: -122.2,
            },
            codes: codes.to_vec(),
            county_known,
        }
    }

    /// The pruning (virtual tiers left out, documents skipped on their best
    /// possible score, the note's words scored only when that could
    /// matter) never changes a top list: the same scores as a search that
    /// ranks every document found.
    #[test]
    fn pruned_top_lists_equal_unpruned_ones() {
        use carenav_synth::{QueryShape, SynthOptions, generate, reference_day};
        let directory = generate(&SynthOptions {
            services: 4_000,
            seed: 5,
            ..SynthOptions::default()
        })
        .expect("generates");
        let index = ServiceIndex::build_in_ram(&directory).expect("builds");
        let options = MatchOptions {
            today: reference_day(),
            ..MatchOptions::default()
        };
        let (mut with_note, mut compared) = (0, 0);
        for shape in [
            QueryShape::SingleNeed,
            QueryShape::FourNeeds,
            QueryShape::Browse,
        ] {
            for profile in shape.profiles(9, 60).expect("profiles") {
                let point = profile.point().expect("has a point");
                let client = ClientFacts::from_profile(&profile, point, None);
                let place = ClientPlace::locate(index.boundaries, point).expect("locates");
                let cells = disk_cells(&client).expect("covers");
                let positions: Vec<u8> = profile
                    .needs
                    .iter()
                    .filter_map(|n| index.needs.position(n.domain))
                    .collect();
                let options = MatchOptions {
                    weights: shape.weights(),
                    ..options.clone()
                };
                for need in &profile.needs {
                    let search = index
                        .need_search(need, &positions, cells.as_deref(), &place)
                        .expect("searches");
                    with_note += usize::from(search.note.is_some());
                    let ranker = index.ranker(&search, &client, &place, &options);
                    let all = index.top(&search, &ranker, 1 << 20).expect("ranks all");
                    for limit in [1, 5, 25] {
                        let top = index.top(&search, &ranker, limit).expect("ranks");
                        let scores = |hits: &[Hit]| -> Vec<(Score, Score)> {
                            hits.iter().map(|h| (h.bound, h.ranked)).collect()
                        };
                        let expected = &all[..limit.min(all.len())];
                        assert_eq!(scores(&top), scores(expected), "{profile:?}");
                        compared += top.len();
                    }
                }
            }
        }
        assert!(with_note > 40, "{with_note} searches with a note");
        assert!(compared > 3_000, "{compared} hits compared");
    }

    #[test]
    fn virtual_services_bound_to_areas_are_searched_as_far_as_the_place_is_known() {
        let known = place(&[6, 6081], true).reach();
        assert!(known.contains(&Reach::Served(6081)) && known.contains(&Reach::Served(6)));
        assert!(place(&[6, 6081], true).finds_anywhere());
        assert!(!known.contains(&Reach::Virtual) && !known.contains(&Reach::InState(6)));
        let state_only = place(&[6], false).reach();
        assert!(state_only.contains(&Reach::InState(6)));
        assert!(!state_only.contains(&Reach::Virtual));
        assert!(place(&[6], false).finds_anywhere());
        let nowhere = place(&[], false).reach();
        assert!(nowhere.contains(&Reach::Virtual));
        assert!(!place(&[], false).finds_anywhere());
    }

    #[test]
    fn a_county_of_another_state_is_outside_when_only_the_state_is_known() {
        let mut payload = Payload {
            service: carenav_core::Service::default(),
            location: carenav_core::Location::default(),
            service_at_location: carenav_core::ServiceAtLocation::default(),
            organization_name: String::new(),
            domains: Vec::new(),
            found_under: Vec::new(),
            areas: ServiceAreas {
                exact: vec![(17031, "Cook County, IL".to_owned())],
                ..ServiceAreas::default()
            },
        };
        let california = place(&[6], false);
        assert!(matches!(
            california.area_fact(&payload),
            AreaFact::Outside(_)
        ));
        payload.areas.exact = vec![(6081, "San Mateo County, CA".to_owned())];
        assert!(matches!(
            california.area_fact(&payload),
            AreaFact::Unresolved(_)
        ));
        assert!(matches!(
            place(&[], false).area_fact(&payload),
            AreaFact::Unresolved(_)
        ));
    }
}
