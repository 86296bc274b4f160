//! Place names in eligibility text: what `$` and `$c` match in a pattern
//! ("Resident of Atherton, Menlo Park or Woodside").

use foldhash::HashSet;
use std::sync::LazyLock;

use super::tables::*;
use crate::text::token::Token;

/// A capitalized word that may be part of a place name.
fn place_word(token: &Token) -> bool {
    token.capitalized
        && token
            .word()
            .is_some_and(|w| !NOT_PLACE.contains(&w) && !is_vocabulary(w))
}

/// Whether `word` is a word of some non-residency table ("Senior", "Age"):
/// no place's name, and a word that may say who is served.
pub(super) fn is_vocabulary(word: &str) -> bool {
    // Asked for every capitalized word that may name a place: the words
    // are gathered once, not split out of every table at every ask.
    static VOCABULARY: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
        let tables = AGE
            .iter()
            .map(|(p, _)| *p)
            .chain(GENDER.iter().map(|(p, _)| *p))
            .chain(POPULATION.iter().map(|(p, _)| *p))
            .chain(TOPIC_POPULATION.iter().map(|(p, _)| *p))
            .chain(PEOPLE.iter().map(|(p, _, _)| *p))
            .chain(INCOME.iter().map(|(p, _)| *p))
            .chain(OPEN.iter().copied())
            .chain(FILLER.iter().copied());
        tables
            .flat_map(str::split_whitespace)
            .flat_map(|part| part.trim_end_matches('?').split('|'))
            .collect()
    });
    VOCABULARY.contains(word)
}

/// One place name: capitalized words, "of" allowed inside ("City of San Mateo").
fn place(tokens: &[Token], i: usize) -> Option<(usize, (usize, usize))> {
    // A ZIP code is a place on its own.
    if let Some(t) = tokens
        .get(i)
        .filter(|t| t.digits().is_some_and(|d| d.len() == 5))
    {
        return Some((i + 1, (t.start, t.end)));
    }
    // "unincorporated San Mateo County", "southern Santa Clara County".
    let qualified = tokens
        .get(i)
        .and_then(Token::word)
        .is_some_and(|w| PLACE_QUALIFIER.contains(&w))
        && tokens.get(i + 1).is_some_and(place_word);
    // A word of another table opens a place named after it ("Foster City",
    // "Pacific Grove"), or one of the words that open names ("New York").
    let opener = tokens
        .get(i)
        .and_then(Token::word)
        .is_some_and(|w| PLACE_OPENER.contains(&w));
    let named_town = tokens
        .get(i)
        .is_some_and(|t| t.capitalized && t.word().is_some())
        && tokens.get(i + 1).is_some_and(|t| {
            t.capitalized
                && t.word()
                    .is_some_and(|w| PLACE_FEATURE.contains(&w) || (opener && !is_vocabulary(w)))
        });
    let first = tokens
        .get(i)
        .filter(|t| qualified || named_town || place_word(t))?;
    let mut end = i + 1;
    loop {
        match tokens.get(end) {
            Some(t) if place_word(t) => end += 1,
            // "Orleans Parish": Louisiana's counties, though a table knows
            // the word ("parish members").
            Some(t) if t.capitalized && t.is_word("parish") => end += 1,
            // "Bay Area", "Fair Oaks Area": "area" ends a name here, though
            // alone it names none ("resident of area served").
            Some(t) if t.capitalized && t.is_word("area") => end += 1,
            // "Council District 5": the number is part of the name ("District
            // 3" alone is an area no boundary names).
            Some(t)
                if t.number().is_some()
                    && end > i + 1
                    && end
                        .checked_sub(1)
                        .and_then(|k| tokens.get(k))
                        .is_some_and(|p| {
                            p.capitalized
                                && p.word().is_some_and(|w| {
                                    ["district", "ward", "precinct", "zone"].contains(&w)
                                })
                        }) =>
            {
                end += 1;
                break;
            }
            Some(t) if t.is_word("of") && tokens.get(end + 1).is_some_and(place_word) => end += 2,
            // "St. Lucie", "Ft. Myers".
            Some(t)
                if t.is_punct('.')
                    && end
                        .checked_sub(1)
                        .and_then(|k| tokens.get(k))
                        .and_then(Token::word)
                        .is_some_and(|w| PLACE_ABBREVIATION.contains(&w) && w != "co")
                    && tokens.get(end + 1).is_some_and(place_word) =>
            {
                end += 2
            }
            _ => break,
        }
    }
    // "Lane Co.": the abbreviation's period is part of the name.
    let end = if end
        .checked_sub(1)
        .and_then(|k| tokens.get(k))
        .is_some_and(|t| t.is_word("co"))
        && tokens.get(end).is_some_and(|t| t.is_punct('.'))
    {
        end + 1
    } else {
        end
    };
    // "Lincoln Unified School District", "Denver Public Schools": a school
    // district is an area (its name is kept whole, a catchment to verify).
    let district_end = school_district_end(tokens, end);
    let end = district_end.unwrap_or(end);
    let words = tokens.get(i..end)?;
    if words
        .iter()
        .all(|t| t.word().is_some_and(|w| GENERIC_PLACE.contains(&w)))
    {
        return None;
    }
    // "live in the Brennan House": a building's name, not a place.
    if tokens
        .get(end)
        .is_some_and(|t| t.capitalized && t.word().is_some_and(|w| BUILDING.contains(&w)))
    {
        return None;
    }
    let last = words.last()?;
    Some((end, (first.start, last.end)))
}

/// Where a school district's name ends, when the words at `end` close one
/// ("Unified School District", "Public Schools", "Schools").
fn school_district_end(tokens: &[Token], mut end: usize) -> Option<usize> {
    let capitalized = |k: usize, words: &[&str]| {
        tokens
            .get(k)
            .is_some_and(|t| t.capitalized && t.word().is_some_and(|w| words.contains(&w)))
    };
    while capitalized(end, SCHOOL_DISTRICT_KIND) {
        end += 1;
    }
    if capitalized(end, &["school"]) && capitalized(end + 1, &["district"]) {
        Some(end + 2)
    } else if capitalized(end, &["schools"]) {
        Some(end + 1)
    } else {
        None
    }
}

/// Places read by `$` (or `$c`, counties only).
#[derive(Debug, Default, Clone)]
pub(super) struct Places {
    /// Byte spans of the names.
    pub(super) spans: Vec<(usize, usize)>,
    /// "Hillsborough and Pasco counties": each name is a county's.
    pub(super) county: bool,
    /// Whether the list names counties or states ("Pasco County", "A and B
    /// counties", "A, B and C County", "Oklahoma"), no towns: what `$c`
    /// asks for.
    pub(super) all_regions: bool,
}

/// Whether a token ends a clause (a comma-separated name must, to be a place
/// of a list: "Atherton, Menlo Park, Woodside", not "San Mateo County,
/// Medi-Cal eligible").
fn ends_clause(token: Option<&Token>) -> bool {
    token.is_none_or(|t| {
        t.is_punct(',') || t.is_punct(';') || t.is_punct('.') || t.is_word("or") || t.is_word("and")
    })
}

/// Whether `tokens[start..end]` names a state ("Hillsborough, California":
/// the state qualifies the town, it is no place of its own in the list).
fn is_state(tokens: &[Token], start: usize, end: usize) -> bool {
    let words: Vec<&str> = tokens
        .get(start..end)
        .unwrap_or_default()
        .iter()
        .filter_map(Token::word)
        .collect();
    STATES.contains(&words.join(" ").as_str())
}

/// "A", "A or B", "A, B and C", "A, B, C" (each name ending its clause),
/// "A and B counties"; a state after a comma ("Burlingame or Hillsborough,
/// California") qualifies the names before it.
pub(super) fn place_list(tokens: &[Token], i: usize) -> Option<(usize, Places)> {
    let (mut end, first) = place(tokens, i)?;
    let mut spans = vec![first];
    let mut kept = (end, 1);
    loop {
        let mut j = end;
        let comma = tokens.get(j).is_some_and(|t| t.is_punct(','));
        if comma {
            j += 1;
        }
        let conj = tokens
            .get(j)
            .is_some_and(|t| t.is_word("or") || t.is_word("and"));
        if conj {
            j += 1;
        }
        if j == end {
            break;
        }
        let Some((next_end, span)) = place(tokens, j) else {
            break;
        };
        if comma && !conj && is_state(tokens, j, next_end) && ends_clause(tokens.get(next_end)) {
            kept = (next_end, spans.len());
            break;
        }
        spans.push(span);
        end = next_end;
        if conj || ends_clause(tokens.get(end)) {
            kept = (end, spans.len());
        }
    }
    spans.truncate(kept.1);
    let mut end = kept.0;
    // "Hillsborough and Pasco counties" (not "all Florida counties").
    let county = tokens.get(end).is_some_and(|t| {
        (t.is_word("counties") && spans.len() > 1) || (t.is_word("county") && !t.capitalized)
    });
    if county {
        end += 1;
    }
    // The name's last word and the one before it.
    let last_two = |e: usize| {
        let k = tokens.iter().position(|t| t.end == e);
        let last = k.and_then(|k| tokens.get(k));
        let before = k.and_then(|k| k.checked_sub(1)).and_then(|k| tokens.get(k));
        (last, before)
    };
    // "Pasco County", "Lane Co.".
    let ends_with_county = |e: usize| match last_two(e) {
        (Some(last), before) => {
            last.is_word("county")
                || last.is_word("counties")
                || (last.is_punct('.') && before.is_some_and(|t| t.is_word("co")))
        }
        (None, _) => false,
    };
    // A school district is an area as a county is (not a town's school).
    let ends_a_school_district = |e: usize| match last_two(e) {
        (Some(last), before) => {
            last.is_word("schools")
                || (last.is_word("district") && before.is_some_and(|t| t.is_word("school")))
        }
        (None, _) => false,
    };
    let names_a_state = |&(s, e): &(usize, usize)| {
        let first = tokens.iter().position(|t| t.start == s);
        let last = tokens.iter().position(|t| t.end == e);
        matches!((first, last), (Some(a), Some(b)) if is_state(tokens, a, b + 1))
    };
    // "Orange, Seminole and Osceola County": one "County" closing a list
    // names the list's counties (the names are kept as written; the
    // boundary data decides which are counties). "women ages 40-64 in
    // Oklahoma": a state is a region too.
    let all_regions = county
        || spans
            .iter()
            .all(|(_, e)| ends_with_county(*e) || ends_a_school_district(*e))
        || (spans.len() > 1 && spans.last().is_some_and(|(_, e)| ends_with_county(*e)))
        || spans.iter().all(names_a_state);
    Some((
        end,
        Places {
            spans,
            county,
            all_regions,
        },
    ))
}
