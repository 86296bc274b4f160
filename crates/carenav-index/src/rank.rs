//! Ranking one need's candidates inside the collector.
//!
//! One pass over the documents a need's query finds reads each one's
//! column values once, for both the pre-filter (hard restrictions, exact
//! distance, service areas) and the ranked score. A document whose best
//! possible score could not make the list is left before its place is
//! read, one whose score could not even with the most the note's words
//! could add is left before they are scored, and one whose score could not
//! is left unchecked. Documents come in blocks, and each step loads the
//! values of the whole block before using them, so their memory is fetched
//! in parallel. (A filter query beside the scorer would read the digest and
//! coordinates twice and check every document; tantivy's own scoring of
//! the note would seek its words' long posting lists for every document.)

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use carenav_core::GeoPoint;
use carenav_core::matching::{ClientFacts, ClientMasks, Proximity, ScoringWeights};
use carenav_geo::DistanceFrom;
use tantivy::collector::sort_key::NaturalComparator;
use tantivy::collector::{Collector, SegmentCollector, TopNComputer};
use tantivy::columnar::{Cardinality, Column, ColumnValues};
use tantivy::index::SegmentId;
use tantivy::query::{Scorer, Weight};
use tantivy::{DocAddress, DocId, DocSet, Score, SegmentReader};

use crate::digest::{POINT_SLACK_KM, PlaceFlags, unpack as unpack_digest, unpack_point};
use crate::document::{NATIONWIDE_CODE, NEVER_VERIFIED};
use crate::languages;
use crate::relevance::{has_more, unpack};
use crate::schema::fast;
use crate::search::ClientPlace;
use crate::search::NOTE_BOOST;

/// Orders the documents of one need by the ranked score (the formula
/// without the per-candidate language and doubt factors, applied after the
/// exact check): the BM25 score of the note's words adds to the relevance
/// of the need at `position`, and each of the `others` needs the place is
/// indexed under adds the multi-need bonus.
#[derive(Debug, Clone)]
pub(crate) struct Ranker {
    pub(crate) position: u8,
    pub(crate) others: Vec<u8>,
    pub(crate) point: GeoPoint,
    /// Today, as a day number (freshness).
    pub(crate) today: i64,
    pub(crate) weights: ScoringWeights,
    pub(crate) note: Option<Arc<NoteWords>>,
    /// The client's languages (`languages::wanted`).
    pub(crate) wanted: u64,
    /// A score the list is known to hold already (from a search of other
    /// documents): a document cannot make it at or below this.
    pub(crate) floor: Option<Score>,
    /// Drops what `assess` would exclude; None ranks every document found
    /// (the nearby candidates "why not" explains).
    pub(crate) filter: Option<PreFilter>,
    pub(crate) columns: Arc<ColumnCache>,
}

/// The words of a need's note, scored (BM25, both languages) only for a
/// document that could make the list with the most they could add: the
/// note's words are common ("food", "rent"), and scoring them for every
/// document found would seek through their long posting lists.
pub(crate) struct NoteWords {
    words: Vec<Box<dyn Weight>>,
    /// The most the words can add to a document's relevance.
    ceiling: Score,
}

impl NoteWords {
    /// `words` are scored as the sum of their BM25 scores times `boost`;
    /// `ceiling` is at least the most that sum can be (see
    /// `Bm25Weight::max_score`).
    pub(crate) fn new(words: Vec<Box<dyn Weight>>, ceiling: Score) -> Self {
        NoteWords { words, ceiling }
    }

    pub(crate) fn ceiling(&self) -> Score {
        self.ceiling
    }
}

impl std::fmt::Debug for NoteWords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NoteWords")
            .field("words", &self.words.len())
            .field("ceiling", &self.ceiling)
            .finish()
    }
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

/// The columns of each segment, opened (and the dense ones decoded) on
/// reload or first use: opening a column parses its header and, for some
/// codecs, a table of its blocks, a cost every search would pay again.
/// Segments never change, so an entry stays valid for as long as its
/// segment is searched.
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

    /// Forgets the segments `searcher` no longer searches and decodes the
    /// new ones, so the first search after a reload does not pay for it.
    pub(crate) fn refresh(&self, searcher: &tantivy::Searcher) -> tantivy::Result<()> {
        let live: Vec<SegmentId> = searcher
            .segment_readers()
            .iter()
            .map(|s| s.segment_id())
            .collect();
        self.lock().retain(|id, _| live.contains(id));
        for segment in searcher.segment_readers() {
            self.get(segment)?;
        }
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<SegmentId, Arc<Columns>>> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// What ranking reads of every document it visits, decoded once per
/// segment: tantivy's column codecs (block-wise linear for these) cost more
/// per read than the rest of a visit. With [`Place`], 40 bytes a document
/// (40 MB for a million places); two arrays, because most documents
/// visited are left before their place is read.
#[derive(Clone, Copy, Default)]
struct Visit {
    digest: u64,
    needs: u64,
}

/// Read only for documents whose best possible score could make the list.
#[derive(Clone, Copy, Default)]
struct Place {
    point: u64,
    verified: i64,
    /// `languages::spoken`.
    spoken: u64,
}

/// The columns ranking reads.
struct Columns {
    visits: Vec<Visit>,
    places: Vec<Place>,
    populations: Arc<dyn ColumnValues<u64>>,
    needs_more: Option<Column<u64>>,
    areas: Option<Column<u64>>,
    served: Option<Column<u64>>,
}

impl Columns {
    fn open(segment: &SegmentReader) -> tantivy::Result<Self> {
        let ff = segment.fast_fields();
        let digest = dense(segment, fast::DIGEST)?;
        let needs = dense(segment, fast::NEEDS)?;
        let point = dense(segment, fast::POINT)?;
        let verified = dense(segment, fast::VERIFIED_DAY)?;
        let spoken = dense(segment, fast::SPOKEN)?;
        // Decoded a block at a time into the final arrays: whole columns
        // decoded first would be as big again, and an allocator may keep
        // what they freed.
        const DECODE_BLOCK: usize = 4096;
        let docs = digest.num_vals() as usize;
        let mut visits = Vec::with_capacity(docs);
        let mut places = Vec::with_capacity(docs);
        let (mut a, mut b, mut c) = (
            [0u64; DECODE_BLOCK],
            [0u64; DECODE_BLOCK],
            [0u64; DECODE_BLOCK],
        );
        let mut days = [0i64; DECODE_BLOCK];
        for start in (0..docs).step_by(DECODE_BLOCK) {
            let n = DECODE_BLOCK.min(docs - start);
            let first = start as u64;
            digest.get_range(first, &mut a[..n]);
            needs.get_range(first, &mut b[..n]);
            visits.extend(
                a[..n]
                    .iter()
                    .zip(&b[..n])
                    .map(|(&digest, &needs)| Visit { digest, needs }),
            );
            point.get_range(first, &mut a[..n]);
            verified.get_range(first, &mut days[..n]);
            spoken.get_range(first, &mut c[..n]);
            places.extend(a[..n].iter().zip(&days[..n]).zip(&c[..n]).map(
                |((&point, &verified), &spoken)| Place {
                    point,
                    verified,
                    spoken,
                },
            ));
        }
        Ok(Columns {
            visits,
            places,
            populations: dense(segment, fast::POPULATIONS)?,
            needs_more: ff.column_opt(fast::NEEDS_MORE)?,
            areas: ff.column_opt(fast::AREAS)?,
            served: ff.column_opt(fast::SERVED)?,
        })
    }

    /// A document's visit values (a document id past the segment's end,
    /// which tantivy never passes, reads as nothing found).
    fn visit(&self, doc: DocId) -> Visit {
        self.visits.get(doc as usize).copied().unwrap_or_default()
    }

    fn place(&self, doc: DocId) -> Place {
        self.places.get(doc as usize).copied().unwrap_or_default()
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

impl Ranker {
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
        let w = &self.weights;
        let proximity = match km {
            _ if flags.is_virtual => Proximity::Remote,
            Some(km) => Proximity::Km(km as f32),
            None => Proximity::Unknown,
        };
        w.ranked(w.base(relevance, proximity, age_days), served)
    }

    /// The best ranked score a virtual service of this relevance could
    /// have: just verified and found under every other need.
    pub(crate) fn best_virtual(&self, relevance: f32) -> Score {
        let is_virtual = PlaceFlags {
            is_virtual: true,
            ..PlaceFlags::default()
        };
        let others = self.others.len() as u32;
        self.ranked(relevance, others, is_virtual, None, Some(0.0))
    }
}

/// The `limit` best documents by a [`Ranker`]'s score, best first (ties in
/// document order).
pub(crate) struct TopRanked {
    pub(crate) ranker: Ranker,
    pub(crate) limit: usize,
}

impl Collector for TopRanked {
    type Fruit = Vec<Hit>;
    type Child = SegmentRanker;

    fn for_segment(
        &self,
        segment_ord: u32,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentRanker> {
        let ranker = &self.ranker;
        let note = match &ranker.note {
            Some(note) => note
                .words
                .iter()
                .map(|w| w.scorer(segment, NOTE_BOOST))
                .collect::<tantivy::Result<_>>()?,
            None => Vec::new(),
        };
        Ok(SegmentRanker {
            from: DistanceFrom::new(ranker.point),
            ranker: ranker.clone(),
            columns: ranker.columns.get(segment)?,
            note,
            top: TopNComputer::new_with_comparator(self.limit, NaturalComparator),
            segment_ord,
        })
    }

    fn requires_scoring(&self) -> bool {
        // The note's words are scored here, and only when worth it.
        false
    }

    fn merge_fruits(&self, segments: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut hits: Vec<Hit> = segments.into_iter().flatten().collect();
        Hit::sort(&mut hits);
        hits.truncate(self.limit);
        Ok(hits)
    }
}

/// A [`Ranker`] with one segment's columns.
pub(crate) struct SegmentRanker {
    ranker: Ranker,
    /// Distances from the client.
    from: DistanceFrom,
    columns: Arc<Columns>,
    /// The note's words in this segment; documents come in increasing
    /// order, so each only moves forward.
    note: Vec<Box<dyn Scorer>>,
    /// By bound; each document with its ranked score's bits.
    top: TopNComputer<Score, (DocId, u32), NaturalComparator>,
    segment_ord: u32,
}

/// A document found, by the most its final score can be: its ranked
/// score times the language factor when a mismatch is certain
/// (`languages::may_speak`). The rest of the candidate factors only
/// shrink it, so candidates are read in this order until no later one can
/// enter the list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Hit {
    pub(crate) bound: Score,
    /// The ranked score (without the candidate factors).
    pub(crate) ranked: Score,
    pub(crate) address: DocAddress,
}

impl Hit {
    /// Best bound first; ties in document order, as tantivy keeps them.
    pub(crate) fn sort(hits: &mut [Hit]) {
        hits.sort_by(|a, b| b.bound.total_cmp(&a.bound).then(a.address.cmp(&b.address)));
    }
}

impl SegmentRanker {
    /// The note's score of a document: the sum of its words'.
    fn note_score(&mut self, doc: DocId) -> Score {
        let mut sum = 0.0;
        for word in &mut self.note {
            if word.doc() < doc {
                word.seek(doc);
            }
            if word.doc() == doc {
                sum += word.score();
            }
        }
        sum
    }

    /// The most the note's words can add to a relevance.
    fn note_ceiling(&self) -> Score {
        self.ranker.note.as_ref().map_or(0.0, |n| n.ceiling)
    }

    /// The document's relevance to the need and how many of the client's
    /// other needs it serves.
    fn needs(&self, doc: DocId, first: u64) -> (f32, u32) {
        let r = &self.ranker;
        let more = match &self.columns.needs_more {
            Some(more) if has_more(first) => Some(more.values_for_doc(doc)),
            _ => None,
        };
        unpack(first, more.into_iter().flatten(), r.position, &r.others)
    }

    fn distance_km(&self, place: Place, flags: PlaceFlags) -> Option<f64> {
        flags
            .has_point
            .then(|| self.from.km(unpack_point(place.point)))
    }

    fn age_days(&self, place: Place) -> Option<f32> {
        (place.verified != NEVER_VERIFIED).then(|| (self.ranker.today - place.verified) as f32)
    }

    /// The list's floor: a document cannot make it at or below this.
    fn floor(&self) -> Option<Score> {
        match (self.top.threshold, self.ranker.floor) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        }
    }

    /// What a document's visit values tell, None when its best possible
    /// score cannot make the list: at the client's door (when it has
    /// coordinates), just verified, with the most the note could add.
    fn see(&self, doc: DocId, visit: Visit) -> Option<Seen> {
        let (_, flags) = unpack_digest(visit.digest);
        let (relevance, served) = self.needs(doc, visit.needs);
        let seen = Seen {
            digest: visit.digest,
            flags,
            relevance,
            served,
        };
        let door = flags.has_point.then_some(0.0);
        let best = self.ranker.ranked(
            relevance + self.note_ceiling(),
            served,
            flags,
            door,
            Some(0.0),
        );
        (!self.floor().is_some_and(|floor| best <= floor)).then_some(seen)
    }

    /// Ranks a document that may make the list into it. Each step reads or
    /// computes more, and each bound only shrinks: the document is left at
    /// the first bound that says it cannot. The note's words (seeks in long
    /// posting lists) are scored last; until then they count for the most
    /// they could add.
    fn consider(&mut self, doc: DocId, seen: Seen, place: Place) {
        let floor = self.floor();
        let cannot = |bound: Score| floor.is_some_and(|floor| bound <= floor);
        let Seen {
            digest,
            flags,
            relevance,
            served,
        } = seen;
        let km = self.distance_km(place, flags);
        if let (Some(filter), Some(km)) = (&self.ranker.filter, km)
            && km > filter.max_km + POINT_SLACK_KM
        {
            return;
        }
        let age = self.age_days(place);
        let ceiling = relevance + self.note_ceiling();
        if self.ranker.note.is_some() && cannot(self.ranker.ranked(ceiling, served, flags, km, age))
        {
            return;
        }
        let relevance = relevance + self.note_score(doc);
        let score = self.ranker.ranked(relevance, served, flags, km, age);
        let w = &self.ranker.weights;
        let bound = if w.language_mismatch_factor < 1.0
            && !languages::may_speak(place.spoken, self.ranker.wanted)
        {
            score * w.language_mismatch_factor
        } else {
            score
        };
        if cannot(bound) {
            return;
        }
        // Could make the list: worth the pre-filter.
        let filter = self.ranker.filter.as_ref();
        if filter.is_some_and(|f| !f.passes(doc, digest, flags, &self.columns)) {
            return;
        }
        self.top.push(bound, (doc, score.to_bits()));
    }
}

/// What a document's visit values tell (`SegmentRanker::see`).
#[derive(Clone, Copy)]
struct Seen {
    digest: u64,
    flags: PlaceFlags,
    /// The need relevance, without the note.
    relevance: f32,
    /// Other needs of the client it is found under.
    served: u32,
}

impl SegmentCollector for SegmentRanker {
    type Fruit = Vec<Hit>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(seen) = self.see(doc, self.columns.visit(doc)) {
            self.consider(doc, seen, self.columns.place(doc));
        }
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        // Each step loads the values of the whole block first: independent
        // loads from all over the segment's columns, which the processor
        // fetches from memory together instead of one miss after another.
        for chunk in docs.chunks(BLOCK) {
            let mut visits = [Visit::default(); BLOCK];
            for (v, doc) in visits.iter_mut().zip(chunk) {
                *v = self.columns.visit(*doc);
            }
            let mut seen = [None; BLOCK];
            let mut places = [Place::default(); BLOCK];
            for (i, (doc, visit)) in chunk.iter().zip(visits).enumerate() {
                seen[i] = self.see(*doc, visit);
                if seen[i].is_some() {
                    places[i] = self.columns.place(*doc);
                }
            }
            for ((doc, seen), place) in chunk.iter().zip(seen).zip(places) {
                if let Some(seen) = seen {
                    self.consider(*doc, seen, place);
                }
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        let segment_ord = self.segment_ord;
        self.top
            .into_vec()
            .into_iter()
            .map(|hit| {
                let (doc_id, ranked) = hit.doc;
                Hit {
                    bound: hit.sort_key,
                    ranked: Score::from_bits(ranked),
                    address: DocAddress {
                        segment_ord,
                        doc_id,
                    },
                }
            })
            .collect()
    }
}

/// Documents whose visit values are loaded together.
const BLOCK: usize = 64;
