//! The languages a place speaks as a bit set the collector compares with
//! the client's, so a certain language mismatch (which `assess` answers
//! with `ScoringWeights::language_mismatch_factor`) lowers a candidate's
//! rank before its card is read.
//!
//! The rule it bounds is `carenav_core::matching`'s: a client with
//! languages, a place listing languages (service and location), none of
//! their codes equal to one of the client's (ASCII case aside), and no
//! interpretation offered. One bit per common code; a code outside them
//! sets [`OTHER`] on both sides, so two unknown codes count as a possible
//! match: the set never says "mismatch" where the exact rule does not.

use carenav_core::{Location, Service};

/// Codes with a bit of their own: the languages US directories list most.
const CODES: [&str; 40] = [
    "en", "es", "zh", "vi", "tl", "ko", "ru", "ar", "fr", "ht", "pt", "hi", "fa", "ja", "de", "it",
    "pl", "so", "am", "km", "lo", "ne", "pa", "ur", "bn", "uk", "hy", "ti", "my", "sw", "ase",
    "hmn", "yue", "cmn", "sm", "to", "mh", "ps", "el", "he",
];

/// Any code outside [`CODES`].
const OTHER: u64 = 1 << 63;

/// A place that cannot mismatch (none listed, or interpretation offered),
/// or a client without languages.
pub(crate) const ANY: u64 = u64::MAX;

fn bit(code: &str) -> u64 {
    CODES
        .iter()
        .position(|c| c.eq_ignore_ascii_case(code))
        .map_or(OTHER, |i| 1 << i)
}

/// The languages a place speaks, by code.
pub(crate) fn spoken(service: &Service, location: &Location) -> u64 {
    let mut listed = service
        .languages
        .iter()
        .chain(&location.languages)
        .peekable();
    if listed.peek().is_none() || service.interpretation_services.is_some() {
        return ANY;
    }
    // A language listed by name only matches no client.
    listed
        .filter_map(|l| l.code.as_deref())
        .fold(0, |set, code| set | bit(code))
}

/// The languages a client asks for.
pub(crate) fn wanted(codes: &[String]) -> u64 {
    if codes.is_empty() {
        return ANY;
    }
    codes.iter().fold(0, |set, code| set | bit(code))
}

/// Whether a place of `spoken` may speak one of the `wanted` languages;
/// false is certain.
pub(crate) fn may_speak(spoken: u64, wanted: u64) -> bool {
    spoken & wanted != 0
}

/// A set in 32 bits: the first 31 codes keep their bits, the rest share
/// the last one. Two folded sets may meet where the whole ones do not,
/// never the other way round, so [`may_speak`] on folded sets still says
/// "mismatch" only when it is certain (and [`ANY`] stays every bit).
pub(crate) fn folded(set: u64) -> u32 {
    const KEPT: u64 = (1 << 31) - 1;
    (set & KEPT) as u32 | (u32::from(set & !KEPT != 0) << 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use carenav_core::Language;
    use rstest::rstest;

    fn language(code: Option<&str>) -> Language {
        Language {
            code: code.map(str::to_owned),
            name: Some("a language".to_owned()),
            ..Language::default()
        }
    }

    #[rstest]
    #[case(&[Some("es")], &["es"], true)]
    #[case(&[Some("ES")], &["es"], true)]
    #[case(&[Some("en")], &["es"], false)]
    #[case(&[None], &["es"], false)]
    #[case(&[], &["es"], true)]
    #[case(&[Some("en")], &[], true)]
    #[case(&[Some("qu")], &["ay"], true)] // two unknown codes: possible
    #[case(&[Some("qu")], &["es"], false)]
    #[case(&[Some("en"), Some("vi")], &["zh", "vi"], true)]
    fn a_mismatch_is_said_only_when_certain(
        #[case] listed: &[Option<&str>],
        #[case] client: &[&str],
        #[case] may: bool,
    ) {
        let service = Service {
            languages: listed.iter().map(|c| language(*c)).collect(),
            ..Service::default()
        };
        let client: Vec<String> = client.iter().map(|c| (*c).to_owned()).collect();
        let set = spoken(&service, &Location::default());
        assert_eq!(may_speak(set, wanted(&client)), may);
    }

    #[test]
    fn folded_sets_meet_whenever_whole_ones_do() {
        let sets: Vec<u64> = CODES
            .iter()
            .map(|c| bit(c))
            .chain([OTHER, ANY, bit("en") | bit("he"), bit("sm") | bit("es")])
            .collect();
        for &a in &sets {
            for &b in &sets {
                let whole = may_speak(a, b);
                let folded = u64::from(folded(a)) & u64::from(folded(b)) != 0;
                assert!(folded || !whole, "{a:#x} {b:#x}");
            }
        }
        assert_eq!(folded(ANY), u32::MAX);
        // The first 31 codes keep telling a mismatch apart.
        assert_eq!(folded(bit("en")) & folded(bit("es")), 0);
    }

    #[test]
    fn interpretation_speaks_every_language() {
        let service = Service {
            languages: vec![language(Some("en"))],
            interpretation_services: Some("on request".to_owned()),
            ..Service::default()
        };
        let set = spoken(&service, &Location::default());
        assert!(may_speak(set, wanted(&["so".to_owned()])));
    }
}
