//! The index schema: field names, analyzers, and the version stamp that
//! keeps an index from being misread by another version of carenav.

use crate::stem::CachedStemmer;
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer, TokenizerManager,
};

/// Version of the schema and of the meaning of its fields. Bump it whenever
/// a field is added, removed or changes meaning: older indexes are refused.
pub const SCHEMA_VERSION: u32 = 11;

/// Analyzer of English text.
pub(crate) const EN: &str = "carenav_en";
/// Analyzer of Spanish text.
pub(crate) const ES: &str = "carenav_es";

/// H3 resolutions at which a location's cell is indexed (coarse to fine).
pub(crate) const CELL_RESOLUTIONS: [u8; 4] = [4, 5, 6, 7];

/// Handles of every field.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    pub(crate) service_id: Field,
    pub(crate) text_en: Field,
    pub(crate) text_es: Field,
    /// Codes of the need domains it is found under (see `relevance`).
    pub(crate) need: Field,
    /// Where it serves each of those needs: [`need_at`] keys.
    pub(crate) need_at: Field,
    /// Its relevance to each of those needs (`relevance::pack`): the
    /// first ones, dense, and the rest.
    pub(crate) needs: Field,
    pub(crate) needs_more: Field,
    pub(crate) served: Field,
    /// What deciding a candidate reads (`Payload::split`), JSON; the
    /// first stored field.
    pub(crate) card: Field,
    /// The rest of the record (`document::Rest`), JSON: joined with the
    /// card for care plans and lookups; the second stored field.
    pub(crate) rest: Field,
    pub(crate) point: Field,
    pub(crate) verified_day: Field,
    pub(crate) populations: Field,
    /// The packed pre-filter digest (`digest`).
    pub(crate) digest: Field,
    pub(crate) spoken: Field,
    pub(crate) areas: Field,
}

/// Fast-field names read by the ranking collector (`rank.rs`).
pub(crate) mod fast {
    /// Packed coordinates (`digest::pack_point`; 0 without).
    pub(crate) const POINT: &str = "point";
    pub(crate) const VERIFIED_DAY: &str = "verified_day";
    pub(crate) const POPULATIONS: &str = "populations";
    pub(crate) const DIGEST: &str = "digest";
    /// The languages it speaks (`languages::spoken`).
    pub(crate) const SPOKEN: &str = "spoken";
    pub(crate) const AREAS: &str = "areas";
    /// For a location without coordinates: the codes of the areas it
    /// serves exactly (0 = the whole country).
    pub(crate) const SERVED: &str = "served";
    /// The first needs it is found under, with relevance
    /// (`relevance::pack`).
    pub(crate) const NEEDS: &str = "needs";
    /// The rest, for a document found under more.
    pub(crate) const NEEDS_MORE: &str = "needs_more";
}

/// Where a document serves a need, besides at a distance the pre-filter
/// checks exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reach {
    /// Its location lies in this H3 cell.
    Cell(u64),
    /// It is virtual (phone, online): every virtual document has it.
    Virtual,
    /// It is virtual and its areas do not bound it (none, nationwide, or
    /// one carenav cannot resolve): found wherever the client is. Such
    /// services are many and far from every client, so each is indexed
    /// under the tier of its relevance to the need
    /// (`relevance::relevance_tier`): a search reads only the tiers whose
    /// best possible score can make its list.
    VirtualAnywhere(u8),
    /// It serves this area (a state's or county's code): a place without
    /// coordinates (its `served` codes), or a virtual service bound to its
    /// areas (every resolved area and the area containing an approximate
    /// one).
    Served(u64),
    /// A virtual service bound to a county of this state: found by a
    /// client whose county is unknown (the pre-filter cannot exclude it).
    InState(u64),
}

/// The `need_at` term of a need (its position in the need table, below
/// `relevance::MAX_DOMAINS`) served at a reach: one exact term per pair,
/// so a need near a client is a union of small posting lists instead of
/// an intersection of two big ones.
///
/// Layout: position (6 bits) | kind (2 bits) | 56 bits of place. An H3
/// cell's top 8 bits are the same for every cell (reserved bit 0, mode 1,
/// no edge), so its low 56 bits identify it.
pub(crate) fn need_at(position: u8, reach: Reach) -> u64 {
    const LOW: u64 = (1 << 56) - 1;
    let (kind, place) = match reach {
        Reach::Cell(cell) => (0u64, cell & LOW),
        Reach::Virtual => (1, 0),
        Reach::VirtualAnywhere(tier) => (1, 1 + u64::from(tier)),
        Reach::Served(code) => (2, code & LOW),
        Reach::InState(code) => (3, code & LOW),
    };
    (u64::from(position & 0x3F) << 58) | (kind << 56) | place
}

pub(crate) fn build_schema() -> Schema {
    let mut b = Schema::builder();
    let text = |analyzer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analyzer)
                // Only note words are searched, as single terms.
                .set_index_option(IndexRecordOption::WithFreqs),
        )
    };
    b.add_text_field("service_id", STRING);
    b.add_text_field("text_en", text(EN));
    b.add_text_field("text_es", text(ES));
    b.add_text_field("need", STRING);
    b.add_u64_field("need_at", INDEXED);
    b.add_u64_field(fast::NEEDS, FAST);
    b.add_u64_field(fast::NEEDS_MORE, FAST);
    // Stored as text (read in bulk; tantivy reads bytes values byte by
    // byte), card first: see `search::StoredCard`.
    b.add_text_field("card", STORED);
    b.add_text_field("rest", STORED);
    b.add_u64_field(fast::POINT, FAST);
    b.add_i64_field(fast::VERIFIED_DAY, FAST);
    b.add_u64_field(fast::POPULATIONS, FAST);
    b.add_u64_field(fast::DIGEST, FAST);
    b.add_u64_field(fast::SPOKEN, FAST);
    b.add_u64_field(fast::AREAS, FAST);
    b.add_u64_field(fast::SERVED, FAST);
    b.build()
}

pub(crate) fn fields(schema: &Schema) -> tantivy::Result<Fields> {
    Ok(Fields {
        service_id: schema.get_field("service_id")?,
        text_en: schema.get_field("text_en")?,
        text_es: schema.get_field("text_es")?,
        need: schema.get_field("need")?,
        need_at: schema.get_field("need_at")?,
        needs: schema.get_field(fast::NEEDS)?,
        needs_more: schema.get_field(fast::NEEDS_MORE)?,
        served: schema.get_field(fast::SERVED)?,
        card: schema.get_field("card")?,
        rest: schema.get_field("rest")?,
        point: schema.get_field(fast::POINT)?,
        verified_day: schema.get_field(fast::VERIFIED_DAY)?,
        populations: schema.get_field(fast::POPULATIONS)?,
        digest: schema.get_field(fast::DIGEST)?,
        spoken: schema.get_field(fast::SPOKEN)?,
        areas: schema.get_field(fast::AREAS)?,
    })
}

/// The analyzer of a text field (and of need relevance), its stems
/// remembered: it analyses every document (`stem`).
pub(crate) fn analyzer(language: Language) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(CachedStemmer::new(language))
        .build()
}

/// The analyzer of a need's free-text note: the field's analyzer plus stop
/// words, so "runs out of food at month end" asks for "run", "food",
/// "month", "end" and not "of" or "at".
pub(crate) fn note_analyzer(language: Language) -> TextAnalyzer {
    // Built once per language (the stop-word set is the costly part) and
    // cloned: a clone shares it.
    static EN: std::sync::OnceLock<TextAnalyzer> = std::sync::OnceLock::new();
    static ES: std::sync::OnceLock<TextAnalyzer> = std::sync::OnceLock::new();
    let cell = match language {
        Language::Spanish => &ES,
        _ => &EN,
    };
    match language {
        Language::English | Language::Spanish => {
            cell.get_or_init(|| build_note_analyzer(language)).clone()
        }
        other => build_note_analyzer(other),
    }
}

fn build_note_analyzer(language: Language) -> TextAnalyzer {
    let stop = StopWordFilter::new(language)
        .unwrap_or_else(|| StopWordFilter::remove(Vec::<String>::new()));
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(stop)
        .filter(Stemmer::new(language))
        .build()
}

pub(crate) fn register_analyzers(tokenizers: &TokenizerManager) {
    tokenizers.register(EN, analyzer(Language::English));
    tokenizers.register(ES, analyzer(Language::Spanish));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn need_at_keys_tell_needs_kinds_and_places_apart() {
        let cell = 0x0872_8308_3fff_ffff; // an H3 cell (res 7)
        let keys = [
            need_at(0, Reach::Cell(cell)),
            need_at(1, Reach::Cell(cell)),
            need_at(0, Reach::Virtual),
            need_at(0, Reach::VirtualAnywhere(0)),
            need_at(0, Reach::VirtualAnywhere(21)),
            need_at(0, Reach::Served(0)),
            need_at(0, Reach::InState(6)),
            need_at(0, Reach::Served(6)),
            need_at(0, Reach::Served(6081)),
            need_at(63, Reach::Served(6081)),
        ];
        let distinct: std::collections::HashSet<u64> = keys.into_iter().collect();
        assert_eq!(distinct.len(), keys.len());
    }
}
