//! A linear-scan matcher with the index's semantics, as a yardstick.
//!
//! [`LinearMatcher`] keeps every service-at-location of a directory in a
//! vector and, for each need, looks at all of them: the ones the index's
//! text query would find (classified under the need's domain, mentioning
//! it, or containing one of its keywords as analysed words), within the
//! client's radius or found by their area or virtual, decided by
//! [`carenav_core::matching::assess`] and scored by the same
//! [`ScoringWeights`](carenav_core::matching::ScoringWeights) formula. It
//! uses none of the index's machinery (cells, fast fields, the pre-filter
//! digest, the area codes of the pre-filter), so the equivalence test
//! checks that machinery, and the benchmarks measure what it buys.
//!
//! Relevance is the need relevance fixed at indexing time (see
//! `relevance`), computed by the same code, so without notes both rank
//! alike. The one input it cannot reproduce is the BM25 relevance of a
//! need's note words: it ignores notes.
//!
//! Not reproduced: `MatchOptions::explain_exclusions` (no exclusions are
//! listed) and the index's candidate cut-off (the index fetches
//! `limit × 4 + 10` pre-filtered candidates before the exact check; the
//! baseline checks them all, so with a small limit it can find an eligible
//! place the index's cut-off dropped).

use std::collections::HashSet;

use carenav_core::matching::{MatchResult, NeedMatches, Proximity, eligibility_of};
use carenav_core::profile::{ClientProfile, Need};
use carenav_core::{Directory, GeoPoint, LocationType};
use carenav_geo::{Boundaries, haversine_km};

use crate::digest::{POINT_SLACK_KM, pack_point, unpack_point};
use crate::document::{NEVER_VERIFIED, Payload, prepare_all};
use crate::relevance::{Found, NeedKeywords};
use crate::search::{ClientPlace, Scored, decide, match_with};
use crate::{IndexError, MatchOptions};

/// One service-at-location with what the scan reads.
struct Entry {
    payload: Payload,
    /// Domains (bit = position in the need table) the index finds this
    /// document under.
    found_under: u64,
    /// Its need relevance to each of those domains.
    relevance: Vec<Found>,
    /// Coordinates of a place-bound location.
    point: Option<GeoPoint>,
    is_virtual: bool,
    /// Days since the epoch of the last verification.
    verified_day: Option<i64>,
}

/// A matcher that scans every service-at-location of a directory.
pub struct LinearMatcher {
    entries: Vec<Entry>,
    needs: NeedKeywords,
    boundaries: &'static Boundaries,
}

impl std::fmt::Debug for LinearMatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LinearMatcher")
            .field("entries", &self.entries.len())
            .finish_non_exhaustive()
    }
}

impl LinearMatcher {
    /// Prepares every service-at-location of `directory` (the same
    /// per-service facts the index computes when it builds).
    pub fn new(directory: &Directory) -> Result<Self, IndexError> {
        let mut matcher = LinearMatcher {
            entries: Vec::new(),
            needs: NeedKeywords::load()?,
            boundaries: Boundaries::embedded()?,
        };
        matcher.entries = matcher.prepare(directory)?;
        Ok(matcher)
    }

    /// Adds or replaces every service of `directory` (by service id), as
    /// [`crate::ServiceIndex::upsert`] does. Returns the number of
    /// service-at-locations added.
    pub fn upsert(&mut self, directory: &Directory) -> Result<usize, IndexError> {
        let replaced: HashSet<&str> = directory.services.iter().map(|s| s.id.as_str()).collect();
        self.entries
            .retain(|e| !replaced.contains(e.payload.service.id.as_str()));
        let added = self.prepare(directory)?;
        let count = added.len();
        self.entries.extend(added);
        Ok(count)
    }

    fn prepare(&self, directory: &Directory) -> Result<Vec<Entry>, IndexError> {
        prepare_all(directory, self.boundaries, &self.needs, |facts, p| {
            let location = &p.payload.location;
            let is_virtual = location.location_type == LocationType::Virtual;
            Ok(Entry {
                found_under: p
                    .relevance
                    .iter()
                    .fold(0u64, |bits, f| bits | 1 << f.position),
                relevance: p.relevance,
                // The point as the index stores it, for the same ranking.
                point: location
                    .point
                    .filter(|_| !is_virtual)
                    .map(|p| unpack_point(pack_point(p))),
                is_virtual,
                verified_day: (facts.verified_day != NEVER_VERIFIED).then_some(facts.verified_day),
                payload: p.payload,
            })
        })
    }

    /// Number of service-at-locations scanned per need.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is nothing to scan.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Matches a profile exactly as [`crate::ServiceIndex::match_profile`]
    /// does (see the module documentation for the differences).
    pub fn match_profile(
        &self,
        profile: &ClientProfile,
        options: &MatchOptions,
    ) -> Result<MatchResult, IndexError> {
        let bit = |domain| self.needs.position(domain).map_or(0, |i| 1u64 << i);
        let all = profile.needs.iter().fold(0, |m, n| m | bit(n.domain));
        match_with(profile, options, self.boundaries, |need, client, place| {
            let others = all & !bit(need.domain);
            Ok(self.match_need(need, others, client, place, options))
        })
    }

    /// One need's referrals; `others` has the bits of the client's other
    /// needs.
    fn match_need(
        &self,
        need: &Need,
        others: u64,
        client: &carenav_core::matching::ClientFacts,
        place: &ClientPlace,
        options: &MatchOptions,
    ) -> (NeedMatches, Vec<Scored>) {
        let at = self.needs.position(need.domain);
        let bit = at.map_or(0, |i| 1u64 << i);
        let today = options.today.days_since_epoch();
        let mut found: Vec<Scored> = Vec::new();
        for e in &self.entries {
            if e.found_under & bit == 0 {
                continue;
            }
            let proximity = if e.is_virtual {
                Proximity::Remote
            } else if let Some(p) = e.point {
                let d = haversine_km(client.point, p);
                // `assess` excludes it anyway; skip the work.
                if d > client.max_distance_km + POINT_SLACK_KM {
                    continue;
                }
                Proximity::Km(d as f32)
            } else {
                Proximity::Unknown
            };
            let relevance = e
                .relevance
                .iter()
                .find(|f| Some(f.position) == at)
                .map_or(0.0, |f| f.relevance);
            let age_days = e.verified_day.map(|d| (today - d) as f32);
            let base = options.weights.base(relevance, proximity, age_days);
            let ranked = options
                .weights
                .ranked(base, (e.found_under & others).count_ones());
            // The eligibility read from the full record on every match, as
            // the index's cards must agree with.
            let eligibility = eligibility_of(&e.payload.service);
            if let Some(scored) = decide(
                ranked,
                &e.payload,
                &eligibility,
                need,
                client,
                place,
                options,
            ) {
                found.push(scored);
            }
        }
        // One place per service, its best, as the index keeps it.
        found.sort_by(|a, b| b.ranked.total_cmp(&a.ranked));
        let mut seen = HashSet::new();
        found.retain(|s| seen.insert(s.referral.service_id.clone()));
        (
            NeedMatches {
                domain: need.domain.code().to_owned(),
                urgency: need.urgency,
                referrals: Vec::new(),
                excluded: Vec::new(),
            },
            found,
        )
    }
}
