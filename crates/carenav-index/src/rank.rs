//! Ranking one need's candidates inside the collector.
//!
//! One pass over the documents a need's query finds reads each one's fast
//! fields once, for both the pre-filter (hard restrictions, exact distance,
//! service areas) and the ranked score. A document whose best possible
//! score could not make the list is left before its place is read, and one
//! whose score could not is left unchecked. (A filter query beside the
//! scorer would read the digest and coordinates twice and check every
//! document.)

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use carenav_core::GeoPoint;
use carenav_core::matching::{ClientFacts, ClientMasks, Proximity, ScoringWeights};
use carenav_geo::haversine_km;
use tantivy::collector::sort_key::NaturalComparator;
use tantivy::collector::{SegmentSortKeyComputer, SortKeyComputer, TopNComputer};
use tantivy::columnar::{Cardinality, Column, ColumnValues};
use tantivy::index::SegmentId;
use tantivy::{DocId, Score, SegmentReader};

use crate::digest::{POINT_SLACK_KM, PlaceFlags, unpack as unpack_digest, unpack_point};
use crate::document::{NATIONWIDE_CODE, NEVER_VERIFIED};
use crate::relevance::{has_more, unpack};
use crate::schema::fast;
use crate::search::ClientPlace;

/// Orders the documents of one need by the ranked score (the formula
/// without the per-candidate language and doubt factors, applied after the
/// exact check): the query's score (note words) adds to the relevance of
/// the need at `position`, and each of the `others` needs the place is
/// indexed under adds the multi-need bonus.
#[derive(Debug, Clone)]
pub(crate) struct Ranker {
    pub(crate) position: u8,
    pub(crate) others: Vec<u8>,
    pub(crate) point: GeoPoint,
    /// Today, as a day number (freshness).
    pub(crate) today: i64,
    pub(crate) weights: ScoringWeights,
    /// Drops what `assess` would exclude; None ranks every document found
    /// (the nearby candidates "why not" explains).
    pub(crate) filter: Option<PreFilter>,
    pub(crate) columns: Arc<ColumnCache>,
}

/// The pre-filter: drops only documents `assess` would exclude (see
/// `ServiceDigest::may_serve`).
#[derive(Debug, Clone)]
pub(crate) struct PreFilter {
    masks: ClientMasks,
    max_km: f64,
    /// FIPS codes of the client's state and county.
    codes: Vec<u64>,
    county_known: bool,
}

impl PreFilter {
    pub(crate) fn new(client: &ClientFacts, place: &ClientPlace) -> Self {
        PreFilter {
            masks: ClientMasks::of(client),
            max_km: client.max_distance_km,
            codes: place.codes.clone(),
            county_known: place.county_known,
        }
    }

    /// Whether the client may be served, distance aside (checked first,
    /// by the caller, with the distance it computed).
    fn passes(&self, doc: DocId, packed: u64, flags: PlaceFlags, columns: &Columns) -> bool {
        let (mut digest, _) = unpack_digest(packed);
        digest.populations = columns.populations.get_val(doc);
        if !digest.may_serve(&self.masks) {
            return false;
        }
        if !flags.has_point && !flags.is_virtual {
            // No coordinates: only an area that holds the client.
            let inside = columns.served.as_ref().is_some_and(|s| {
                s.values_for_doc(doc)
                    .any(|c| c == NATIONWIDE_CODE || self.codes.contains(&c))
            });
            if !inside {
                return false;
            }
        }
        !(self.county_known
            && flags.area_enforced
            && columns
                .areas
                .as_ref()
                .is_some_and(|areas| !areas.values_for_doc(doc).any(|c| self.codes.contains(&c))))
    }
}

/// The columns of each segment, opened on first use: opening a column
/// parses its header and, for some codecs, a table of its blocks, a cost
/// every search would pay again. Segments never change, so an entry stays
/// valid for as long as its segment is searched.
#[derive(Default)]
pub(crate) struct ColumnCache(Mutex<HashMap<SegmentId, Arc<Columns>>>);

impl std::fmt::Debug for ColumnCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ColumnCache")
    }
}

impl ColumnCache {
    fn get(&self, segment: &SegmentReader) -> tantivy::Result<Arc<Columns>> {
        let id = segment.segment_id();
        // A poisoned lock only means another search panicked while holding
        // it; the map is still sound.
        if let Some(columns) = self.lock().get(&id) {
            return Ok(Arc::clone(columns));
        }
        let columns = Arc::new(Columns::open(segment)?);
        self.lock().insert(id, Arc::clone(&columns));
        Ok(columns)
    }

    /// Forgets the segments `searcher` no longer searches.
    pub(crate) fn retain(&self, searcher: &tantivy::Searcher) {
        let live: Vec<SegmentId> = searcher
            .segment_readers()
            .iter()
            .map(|s| s.segment_id())
            .collect();
        self.lock().retain(|id, _| live.contains(id));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<SegmentId, Arc<Columns>>> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The columns ranking reads.
struct Columns {
    digest: Arc<dyn ColumnValues<u64>>,
    populations: Arc<dyn ColumnValues<u64>>,
    point: Arc<dyn ColumnValues<u64>>,
    verified: Arc<dyn ColumnValues<i64>>,
    needs: Arc<dyn ColumnValues<u64>>,
    needs_more: Option<Column<u64>>,
    areas: Option<Column<u64>>,
    served: Option<Column<u64>>,
}

impl Columns {
    fn open(segment: &SegmentReader) -> tantivy::Result<Self> {
        let ff = segment.fast_fields();
        Ok(Columns {
            digest: dense(segment, fast::DIGEST)?,
            populations: dense(segment, fast::POPULATIONS)?,
            point: dense(segment, fast::POINT)?,
            verified: dense(segment, fast::VERIFIED_DAY)?,
            needs: dense(segment, fast::NEEDS)?,
            needs_more: ff.column_opt(fast::NEEDS_MORE)?,
            areas: ff.column_opt(fast::AREAS)?,
            served: ff.column_opt(fast::SERVED)?,
        })
    }
}

/// The values of a column every document of the segment has (the schema's
/// dense columns), read by document id without a rank lookup. A segment
/// without them (none that this schema version wrote) is refused.
fn dense<T>(segment: &SegmentReader, name: &str) -> tantivy::Result<Arc<dyn ColumnValues<T>>>
where
    T: tantivy::columnar::HasAssociatedColumnType + PartialOrd + Copy + Send + Sync + 'static,
    tantivy::columnar::DynamicColumn: Into<Option<Column<T>>>,
{
    match segment.fast_fields().column_opt::<T>(name)? {
        Some(column) if column.get_cardinality() == Cardinality::Full => Ok(column.values),
        _ => Err(tantivy::TantivyError::SchemaError(format!(
            "fast field {name} is missing or not dense"
        ))),
    }
}

impl SortKeyComputer for Ranker {
    type SortKey = Score;
    type Child = SegmentRanker;
    type Comparator = NaturalComparator;

    fn requires_scoring(&self) -> bool {
        // The note words' BM25 score adds to the relevance.
        true
    }

    fn segment_sort_key_computer(&self, segment: &SegmentReader) -> tantivy::Result<SegmentRanker> {
        Ok(SegmentRanker {
            ranker: self.clone(),
            columns: self.columns.get(segment)?,
        })
    }
}

/// A [`Ranker`] with one segment's columns.
pub(crate) struct SegmentRanker {
    ranker: Ranker,
    columns: Arc<Columns>,
}

impl SegmentRanker {
    /// The document's relevance to the need and how many of the client's
    /// other needs it serves.
    fn needs(&self, doc: DocId) -> (f32, u32) {
        let r = &self.ranker;
        let first = self.columns.needs.get_val(doc);
        let more = match &self.columns.needs_more {
            Some(more) if has_more(first) => Some(more.values_for_doc(doc)),
            _ => None,
        };
        unpack(first, more.into_iter().flatten(), r.position, &r.others)
    }

    /// The ranked score of a document with these facts; `km` is None
    /// without coordinates, `age_days` None when never verified.
    fn ranked(
        &self,
        relevance: f32,
        served: u32,
        flags: PlaceFlags,
        km: Option<f64>,
        age_days: Option<f32>,
    ) -> Score {
        let w = &self.ranker.weights;
        let proximity = match km {
            _ if flags.is_virtual => Proximity::Remote,
            Some(km) => Proximity::Km(km as f32),
            None => Proximity::Unknown,
        };
        w.ranked(w.base(relevance, proximity, age_days), served)
    }

    fn distance_km(&self, doc: DocId, flags: PlaceFlags) -> Option<f64> {
        flags.has_point.then(|| {
            haversine_km(
                self.ranker.point,
                unpack_point(self.columns.point.get_val(doc)),
            )
        })
    }

    fn age_days(&self, doc: DocId) -> Option<f32> {
        let verified = self.columns.verified.get_val(doc);
        (verified != NEVER_VERIFIED).then(|| (self.ranker.today - verified) as f32)
    }
}

impl SegmentSortKeyComputer for SegmentRanker {
    type SortKey = Score;
    type SegmentSortKey = Score;
    type SegmentComparator = NaturalComparator;

    fn segment_sort_key(&mut self, doc: DocId, note: Score) -> Score {
        let (_, flags) = unpack_digest(self.columns.digest.get_val(doc));
        let (relevance, served) = self.needs(doc);
        let km = self.distance_km(doc, flags);
        self.ranked(note + relevance, served, flags, km, self.age_days(doc))
    }

    fn compute_sort_key_and_collect<C: tantivy::collector::sort_key::Comparator<Score>>(
        &mut self,
        doc: DocId,
        note: Score,
        top: &mut TopNComputer<Score, DocId, C>,
    ) {
        let packed = self.columns.digest.get_val(doc);
        let (_, flags) = unpack_digest(packed);
        let (relevance, served) = self.needs(doc);
        let relevance = note + relevance;
        if let Some(floor) = top.threshold {
            // The best it could score, at the client's door (when it has
            // coordinates) and just verified: the factors only shrink from
            // there, so a document whose best cannot make the list is left
            // without reading its place.
            let door = flags.has_point.then_some(0.0);
            let best = self.ranked(relevance, served, flags, door, Some(0.0));
            if best <= floor {
                return;
            }
        }
        let km = self.distance_km(doc, flags);
        let filter = self.ranker.filter.as_ref();
        if let (Some(filter), Some(km)) = (filter, km)
            && km > filter.max_km + POINT_SLACK_KM
        {
            return;
        }
        let score = self.ranked(relevance, served, flags, km, self.age_days(doc));
        if top.threshold.is_some_and(|floor| score <= floor) {
            // Cannot make the list: not worth checking.
            return;
        }
        if filter.is_some_and(|f| !f.passes(doc, packed, flags, &self.columns)) {
            return;
        }
        top.push(score, doc);
    }

    fn convert_segment_sort_key(&self, score: Score) -> Score {
        score
    }
}
