//! Ranking one need's candidates inside the collector.
//!
//! One pass over the documents a need's query finds reads each one's
//! column values once, for both the pre-filter (hard restrictions, exact
//! distance, service areas) and the ranked score. A document whose best
//! possible score could not make the list is left before its distance is
//! computed (then before its exact distance: a cheap lower bound comes
//! first), one whose score could not even with the most the note's words
//! could add is left before they are scored, and one whose score could not
//! is left unchecked. Documents come in blocks, and the values of the whole
//! block are loaded before they are used, so their memory is fetched in
//! parallel. (A filter query beside the scorer would read the digest and
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
    /// The client's languages (`languages::wanted`, folded).
    pub(crate) wanted: u32,
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
/// per read than the rest of a visit. One record of 32 bytes (32 MB for a
/// million places), aligned so that it never straddles two cache lines: a
/// visit is one memory fetch, and it is what most of a match's time waits
/// for.
#[derive(Clone, Copy, Default)]
#[repr(align(32))]
struct DocValues {
    digest: u64,
    needs: u64,
    point: u64,
    /// `languages::spoken`, folded (`languages::folded`).
    spoken: u32,
    /// The day last verified, `NEVER_VERIFIED` as `i32::MIN`.
    verified: i32,
}

impl DocValues {
    fn verified_day(&self) -> Option<i64> {
        (self.verified != i32::MIN).then_some(i64::from(self.verified))
    }
}

/// The columns ranking reads.
struct Columns {
    docs: Vec<DocValues>,
    /// The `needs_more` column decoded (its values are 16-bit slots):
    /// document `d`'s are `more[more_at[d]..more_at[d + 1]]`. Its rank
    /// lookups cost more than the rest of a visit of a document found
    /// under several of a client's needs.
    more_at: Vec<u32>,
    more: Vec<u16>,
    populations: Arc<dyn ColumnValues<u64>>,
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
        // Decoded a block at a time into the final array: whole columns
        // decoded first would be as big again, and an allocator may keep
        // what they freed.
        const DECODE_BLOCK: usize = 4096;
        let count = digest.num_vals() as usize;
        let mut docs = Vec::with_capacity(count);
        let mut values = [[0u64; DECODE_BLOCK]; 4];
        let mut days = [0i64; DECODE_BLOCK];
        for start in (0..count).step_by(DECODE_BLOCK) {
            let n = DECODE_BLOCK.min(count - start);
            let first = start as u64;
            let [d, e, p, l] = &mut values;
            digest.get_range(first, &mut d[..n]);
            needs.get_range(first, &mut e[..n]);
            point.get_range(first, &mut p[..n]);
            spoken.get_range(first, &mut l[..n]);
            verified.get_range(first, &mut days[..n]);
            docs.extend((0..n).map(|i| DocValues {
                digest: d[i],
                needs: e[i],
                point: p[i],
                spoken: languages::folded(l[i]),
                verified: if days[i] == NEVER_VERIFIED {
                    i32::MIN
                } else {
                    // Days since 1970 within ±5.8 million years.
                    days[i].clamp(i64::from(i32::MIN) + 1, i64::from(i32::MAX)) as i32
                },
            }));
        }
        let needs_more: Option<Column<u64>> = ff.column_opt(fast::NEEDS_MORE)?;
        let mut more_at = Vec::with_capacity(count + 1);
        let mut more = Vec::new();
        more_at.push(0);
        for (doc, values) in (0..).zip(&docs) {
            if let Some(column) = needs_more.as_ref().filter(|_| has_more(values.needs)) {
                more.extend(column.values_for_doc(doc).map(|v| (v & 0xFFFF) as u16));
            }
            more_at.push(u32::try_from(more.len()).map_err(|_| {
                tantivy::TantivyError::InternalError("needs_more holds too many values".to_owned())
            })?);
        }
        Ok(Columns {
            docs,
            more_at,
            more,
            populations: dense(segment, fast::POPULATIONS)?,
            areas: ff.column_opt(fast::AREAS)?,
            served: ff.column_opt(fast::SERVED)?,
        })
    }

    /// A document's values (a document id past the segment's end, which
    /// tantivy never passes, reads as nothing found).
    fn doc(&self, doc: DocId) -> DocValues {
        self.docs.get(doc as usize).copied().unwrap_or_default()
    }

    /// A document's needs beyond the dense column's (`relevance::pack`).
    fn more_needs(&self, doc: DocId) -> &[u16] {
        let at = doc as usize;
        match (self.more_at.get(at), self.more_at.get(at + 1)) {
            (Some(&start), Some(&end)) => {
                self.more.get(start as usize..end as usize).unwrap_or(&[])
            }
            _ => &[],
        }
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
        let (relevance, served) = unpack(first, std::iter::empty(), r.position, &r.others);
        // The rest are a memory fetch away: skipped when they cannot
        // change the answer (the need found, no other needs to count).
        if !has_more(first) || (relevance > 0.0 && r.others.is_empty()) {
            return (relevance, served);
        }
        let more = self.columns.more_needs(doc).iter().map(|v| u64::from(*v));
        let (more_relevance, more_served) = unpack(0, more, r.position, &r.others);
        // A need is found once, in the dense slots or among the rest: one
        // of the two relevances is 0.
        (relevance + more_relevance, served + more_served)
    }

    fn age_days(&self, values: &DocValues) -> Option<f32> {
        values
            .verified_day()
            .map(|day| (self.ranker.today - day) as f32)
    }

    /// The list's floor: a document cannot make it at or below this.
    fn floor(&self) -> Option<Score> {
        match (self.top.threshold, self.ranker.floor) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        }
    }

    /// What a document's needs tell, None when its best possible
    /// score cannot make the list: at the client's door (when it has
    /// coordinates), just verified, with the most the note could add.
    fn see(&self, doc: DocId, values: &DocValues) -> Option<Seen> {
        let (_, flags) = unpack_digest(values.digest);
        let (relevance, served) = self.needs(doc, values.needs);
        let seen = Seen {
            digest: values.digest,
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
    fn consider(&mut self, doc: DocId, seen: Seen, values: &DocValues) {
        let floor = self.floor();
        let cannot = |bound: Score| floor.is_some_and(|floor| bound <= floor);
        let Seen {
            digest,
            flags,
            relevance,
            served,
        } = seen;
        let max_km = self
            .ranker
            .filter
            .as_ref()
            .map(|f| f.max_km + POINT_SLACK_KM);
        let age = self.age_days(values);
        let ceiling = relevance + self.note_ceiling();
        let point = flags.has_point.then(|| unpack_point(values.point));
        // First by a bound on the distance that costs no trigonometry: the
        // search disk's cells reach past the radius, and once the near
        // documents fill the list the far ones cannot make it.
        if let Some(point) = point {
            let km = self.from.km_at_least(point);
            if max_km.is_some_and(|max| km > max)
                || cannot(self.ranker.ranked(ceiling, served, flags, Some(km), age))
            {
                return;
            }
        }
        let km = point.map(|p| self.from.km(p));
        if let (Some(max), Some(km)) = (max_km, km)
            && km > max
        {
            return;
        }
        if self.ranker.note.is_some() && cannot(self.ranker.ranked(ceiling, served, flags, km, age))
        {
            return;
        }
        let relevance = relevance + self.note_score(doc);
        let score = self.ranker.ranked(relevance, served, flags, km, age);
        let w = &self.ranker.weights;
        let bound = if w.language_mismatch_factor < 1.0
            && !languages::may_speak(u64::from(values.spoken), u64::from(self.ranker.wanted))
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

/// What a document's needs tell (`SegmentRanker::see`).
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
        let values = self.columns.doc(doc);
        if let Some(seen) = self.see(doc, &values) {
            self.consider(doc, seen, &values);
        }
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        // The values of the whole block are loaded first: independent loads
        // from all over the segment's records, which the processor fetches
        // from memory together instead of one miss after another.
        for chunk in docs.chunks(BLOCK) {
            let mut values = [DocValues::default(); BLOCK];
            for (v, doc) in values.iter_mut().zip(chunk) {
                *v = self.columns.doc(*doc);
            }
            for (doc, values) in chunk.iter().zip(&values) {
                if let Some(seen) = self.see(*doc, values) {
                    self.consider(*doc, seen, values);
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

/// Documents whose values are loaded together.
const BLOCK: usize = 64;
