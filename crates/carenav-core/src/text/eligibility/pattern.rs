//! The pattern engine: matching one table row at a token, and finding the
//! rows of a table worth trying there. The syntax is described in the
//! module docs of `super`.

use foldhash::HashMap;
use std::str::SplitWhitespace;
use std::sync::OnceLock;

use super::place::{Places, place_list};
use super::tables::PLACE_QUALIFIER;
use crate::text::token::{Kind, Token};

/// What a pattern captured.
#[derive(Debug, Default, Clone)]
pub(super) struct Capture {
    pub(super) numbers: Vec<u32>,
    /// The place names matched by `$` or `$c`.
    pub(super) places: Places,
    /// Household sizes and their annual dollars, matched by `$h`.
    pub(super) households: Vec<(u32, u32)>,
    /// What each person beyond the table's largest household adds, in the
    /// table's unit.
    pub(super) each_additional: Option<u32>,
    /// Whether the table marks its figures a month's or a year's ("1 person
    /// $1,956/month": twelve times those are in `households` already).
    pub(super) households_marked: bool,
}

/// Matches `pattern` at `tokens[i..]`; returns the end index and captures.
/// Tries every way optional tokens can go and keeps the longest match.
pub(super) fn match_pattern(pattern: &str, tokens: &[Token], i: usize) -> Option<(usize, Capture)> {
    // The parts are split as they are matched, not collected: most
    // patterns fail within their first words (this runs at every word of
    // every text imported, for each row `Indexed::at` offers there).
    match_parts(pattern.split_whitespace(), tokens, i, Capture::default())
}

/// A part of a pattern: its `|` alternatives, and whether a trailing `?`
/// makes it optional (a lone `?` is the question mark).
fn alternatives(part: &str) -> (&str, bool) {
    match part.strip_suffix('?') {
        Some(p) if !p.is_empty() => (p, true),
        _ => (part, false),
    }
}

fn match_parts(
    mut parts: SplitWhitespace<'_>,
    tokens: &[Token],
    i: usize,
    cap: Capture,
) -> Option<(usize, Capture)> {
    let Some(part) = parts.next() else {
        return Some((i, cap));
    };
    let rest = || parts.clone();
    let (alts, optional) = alternatives(part);
    let mut best: Option<(usize, Capture)> = None;
    let mut consider = |found: Option<(usize, Capture)>| {
        if let Some(found) = found
            && best.as_ref().is_none_or(|b| found.0 > b.0)
        {
            best = Some(found);
        }
    };
    if optional {
        consider(match_parts(rest(), tokens, i, cap.clone()));
    }
    match alts {
        "#" => {
            if let Some(n) = tokens.get(i).and_then(Token::number) {
                let mut cap = cap.clone();
                cap.numbers.push(n);
                consider(match_parts(rest(), tokens, i + 1, cap));
            }
        }
        "$#" => {
            if let Some((end, dollars)) = dollars(tokens, i) {
                let mut cap = cap.clone();
                cap.numbers.push(dollars);
                consider(match_parts(rest(), tokens, end, cap));
            }
        }
        "$h" => {
            if let Some((end, table)) = household_limits(tokens, i) {
                let mut cap = cap.clone();
                cap.households = table.listed;
                cap.each_additional = table.each_additional;
                cap.households_marked = table.marked;
                consider(match_parts(rest(), tokens, end, cap));
            }
        }
        "$" | "$c" => {
            if let Some((end, places)) = place_list(tokens, i)
                && (alts == "$" || places.all_regions)
            {
                let mut cap = cap.clone();
                cap.places = places;
                consider(match_parts(rest(), tokens, end, cap));
            }
        }
        _ => {
            let hit = tokens
                .get(i)
                .is_some_and(|t| alts.split('|').any(|alt| is_literal(t, alt)));
            if hit {
                consider(match_parts(rest(), tokens, i + 1, cap.clone()));
            }
        }
    }
    best
}

/// Whether `token` is the literal `alt` (a word, a number or a sign).
fn is_literal(token: &Token, alt: &str) -> bool {
    match &token.kind {
        Kind::Word(w) => w == alt,
        Kind::Punct(c) => alt.chars().eq(std::iter::once(*c)),
        Kind::Number(n) => n == alt,
    }
}

/// Whether any of `patterns` matches anywhere in `tokens`.
pub(super) fn contains_any(patterns: &[&'static str], tokens: &[Token]) -> bool {
    first_match(patterns, tokens).is_some()
}

/// Where the first match of any of `patterns` in `tokens` opens. Each is
/// tried only at the tokens it can open with (asked of every sentence).
pub(super) fn first_match(patterns: &[&'static str], tokens: &[Token]) -> Option<usize> {
    let openers: Vec<Option<Vec<&str>>> = patterns.iter().map(|p| opening_tokens(p)).collect();
    (0..tokens.len()).find(|&i| {
        patterns.iter().zip(&openers).any(|(pattern, words)| {
            let may_open = words.as_ref().is_none_or(|words| {
                tokens
                    .get(i)
                    .is_some_and(|t| words.iter().any(|w| is_literal(t, w)))
            });
            may_open && match_pattern(pattern, tokens, i).is_some()
        })
    })
}

/// A table of patterns, with its rows found by the word they open with.
///
/// A text is read against every table at every token, and most rows fail
/// at their first word: looking rows up by the token instead of trying
/// each keeps reading fast as the tables grow. Rows opening with a slot
/// are looked up by the token's class (a number, a dollar sign, a word
/// that may open a place name), not tried everywhere. Rows come back in
/// table order, so that among equally long matches the first row still
/// wins.
pub(super) struct Indexed<R: 'static> {
    rows: &'static [R],
    openers: OnceLock<Openers>,
}

/// Which rows can match at a token: by its text, and by its class for the
/// rows opening with a slot.
#[derive(Default)]
struct Openers {
    /// For a word (or punctuation, or number) some row can open with: those
    /// rows and the slot rows that token's class can open, in order, one
    /// list per [`Class`].
    by_token: HashMap<&'static str, [Vec<usize>; CLASSES]>,
    /// For a token no row names: the slot rows its class can open.
    by_class: [Vec<usize>; CLASSES],
}

const CLASSES: usize = 4;

/// What a token is, for the slots that may open at it: a number (`#`,
/// and a ZIP code for `$`), a dollar sign (`$#`), a word that may open a
/// place name (`$`, `$c`: capitalized, or a qualifier such as
/// "unincorporated"), or anything else. Rows opening with only optional
/// parts, or with `$h`, are offered at every token.
#[derive(Clone, Copy)]
enum Class {
    Other = 0,
    PlaceWord = 1,
    Number = 2,
    Dollar = 3,
}

impl Class {
    fn of(token: &Token) -> Class {
        match &token.kind {
            Kind::Number(_) => Class::Number,
            Kind::Punct('$') => Class::Dollar,
            Kind::Word(w) if token.capitalized || PLACE_QUALIFIER.contains(&w.as_str()) => {
                Class::PlaceWord
            }
            _ => Class::Other,
        }
    }

    /// Whether a pattern's first slot can open at a token of this class.
    fn opens(self, slot: Slot) -> bool {
        match slot {
            Slot::Any => true,
            Slot::Number => matches!(self, Class::Number),
            Slot::Dollar => matches!(self, Class::Dollar),
            Slot::Place => matches!(self, Class::PlaceWord | Class::Number),
        }
    }
}

/// What the first part a pattern requires can open with, when it is a slot:
/// a part that matches something other than its own text, each an arm of
/// `match_parts` (`#` a number, `$#` a dollar amount, `$h` amounts per
/// household size, `$` a list of places, `$c` a list of counties or
/// states).
#[derive(Clone, Copy)]
enum Slot {
    Number,
    Dollar,
    Place,
    Any,
}

/// A row of a pattern table: its pattern and what it means.
pub(super) trait Row {
    fn pattern(&self) -> &'static str;
}

impl Row for &'static str {
    fn pattern(&self) -> &'static str {
        self
    }
}

impl<A> Row for (&'static str, A) {
    fn pattern(&self) -> &'static str {
        self.0
    }
}

impl<A, B> Row for (&'static str, A, B) {
    fn pattern(&self) -> &'static str {
        self.0
    }
}

impl<R: Row + Sync> Indexed<R> {
    pub(super) const fn new(rows: &'static [R]) -> Self {
        Indexed {
            rows,
            openers: OnceLock::new(),
        }
    }

    /// The rows that may match at `tokens[i]`, in table order.
    pub(super) fn at(&self, tokens: &[Token], i: usize) -> impl Iterator<Item = &'static R> {
        let openers = self.openers.get_or_init(|| Openers::of(self.rows));
        let mut buffer = [0; 4];
        let token = tokens.get(i);
        let key = token.map(|t| match &t.kind {
            Kind::Word(w) | Kind::Number(w) => w.as_str(),
            Kind::Punct(c) => c.encode_utf8(&mut buffer),
        });
        let class = token.map_or(Class::Other, Class::of) as usize;
        let lists = key
            .and_then(|k| openers.by_token.get(k))
            .unwrap_or(&openers.by_class);
        let table = self.rows;
        lists
            .get(class)
            .into_iter()
            .flatten()
            .filter_map(move |&r| table.get(r))
    }
}

impl Openers {
    fn of<R: Row>(rows: &[R]) -> Openers {
        let mut openers = Openers::default();
        let mut keyed: Vec<(&'static str, usize)> = Vec::new();
        let mut slots: Vec<(Slot, usize)> = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            let (words, slot) = opening(row.pattern());
            keyed.extend(words.into_iter().map(|w| (w, r)));
            slots.extend(slot.map(|s| (s, r)));
        }
        let classes = [Class::Other, Class::PlaceWord, Class::Number, Class::Dollar];
        for (c, class) in classes.iter().enumerate() {
            if let Some(list) = openers.by_class.get_mut(c) {
                list.extend(
                    slots
                        .iter()
                        .filter(|(slot, _)| class.opens(*slot))
                        .map(|(_, r)| *r),
                );
            }
        }
        for (word, r) in keyed {
            let lists = openers
                .by_token
                .entry(word)
                .or_insert_with(|| openers.by_class.clone());
            for list in lists.iter_mut() {
                list.push(r);
            }
        }
        for lists in openers.by_token.values_mut() {
            for list in lists.iter_mut() {
                list.sort_unstable();
                list.dedup();
            }
        }
        openers
    }
}

/// The literal tokens a match of `pattern` can open with (its optional
/// opening parts, and its first required part when literal), and the slot
/// of its first required part when that is a slot (`Any` when every part
/// is optional).
fn opening(pattern: &'static str) -> (Vec<&'static str>, Option<Slot>) {
    let mut words = Vec::new();
    for part in pattern.split_whitespace() {
        let (alts, optional) = alternatives(part);
        let slot = match alts {
            "#" => Some(Slot::Number),
            "$#" => Some(Slot::Dollar),
            "$" | "$c" => Some(Slot::Place),
            "$h" => Some(Slot::Any),
            _ => None,
        };
        if let Some(slot) = slot {
            return (words, Some(slot));
        }
        words.extend(alts.split('|'));
        if !optional {
            return (words, None);
        }
    }
    (words, Some(Slot::Any))
}

/// The tokens a match of `pattern` can open with, or None when it can open
/// with any (its first required part is a number, an amount or a place).
fn opening_tokens(pattern: &'static str) -> Option<Vec<&'static str>> {
    match opening(pattern) {
        (words, None) => Some(words),
        (_, Some(_)) => None,
    }
}

/// Amounts for household sizes ("$39,600 for 1 person, $45,250 for 2
/// persons", "$63,350 per year for a single, $72,400 per year for a
/// couple", "$62,000 per year maximum income for single person and $68,000
/// for a couple", or size first: "1 person household max income, $37,400;
/// 2 person household max income, $43,000"): the end and each size with
/// its dollars, in the order written.
fn household_limits(tokens: &[Token], i: usize) -> Option<(usize, HouseholdTable)> {
    let mut out = Vec::new();
    let mut at = i;
    let mut end = i;
    let mut marked_monthly = false;
    let mut marked = false;
    // A limit as read, a month's made a year's.
    let mut push = |size: u32, amount: u32, unit: Option<Per>| -> Option<()> {
        let monthly = unit == Some(Per::Month);
        out.push((
            size,
            if monthly {
                amount.checked_mul(12)?
            } else {
                amount
            },
        ));
        marked_monthly |= monthly;
        marked |= unit.is_some();
        Some(())
    };
    let mut size_first = false;
    while let Some((after_size, size, amount, unit)) = size_first_limit(tokens, at) {
        push(size, amount, unit)?;
        size_first = true;
        end = after_size;
        at = match_pattern(",|;? and?", tokens, end).map_or(end, |(e, _)| e);
        if at == end {
            break;
        }
    }
    // Amount first, when the table is not size first.
    while let Some((after_amount, amount)) = dollars(tokens, at).filter(|_| !size_first) {
        // "$62,000 per year maximum income for single person", "$2,500 per
        // month for a family of three".
        let (after_period, unit) = period(tokens, after_amount);
        let after_words = match_pattern("maximum|max income", tokens, after_period)
            .map_or(after_period, |(e, _)| e);
        let Some((after_size, size)) = household_size(tokens, after_words) else {
            break;
        };
        push(size, amount, unit)?;
        end = after_size;
        // The next amount, after ",", "and", "or", ", and" or ";".
        at = match_pattern(",|;? and|or?", tokens, end).map_or(end, |(e, _)| e);
        if at == end {
            break;
        }
    }
    let sizes_differ = out
        .iter()
        .enumerate()
        .all(|(k, (size, _))| out.iter().skip(k + 1).all(|(other, _)| other != size));
    if out.is_empty() || !sizes_differ {
        return None;
    }
    // "...; add $688 for each additional person": in the table's unit.
    let mut each_additional = None;
    if let Some((after, dollars, monthly)) = each_additional_at(tokens, end) {
        each_additional = if monthly || marked_monthly {
            dollars.checked_mul(12)
        } else {
            Some(dollars)
        };
        // An increment marked monthly marks the table's unit too.
        marked |= monthly;
        end = after;
    }
    Some((
        end,
        HouseholdTable {
            listed: out,
            each_additional,
            marked,
        },
    ))
}

/// A table of limits by household size as read: sizes and dollars, what
/// each additional person adds, and whether the unit was marked.
struct HouseholdTable {
    listed: Vec<(u32, u32)>,
    each_additional: Option<u32>,
    marked: bool,
}

/// The period an amount is marked with.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Per {
    Month,
    Year,
}

/// "add $688 for each additional person", "(for more than 4, add $5,610
/// for each additional dependent)", "each additional member: $5,000",
/// after a table of limits by household size.
const EACH_ADDITIONAL: &[&str] = &[
    ",|;? for|if more than # persons|people|members? ,? add|plus $# /|per|a? month|mo? for|per each|every additional|extra person|member|dependent|child|individual",
    ",|;? add|plus|+ $# /|per|a? month|mo? for|per each|every? additional|extra person|member|dependent|child|individual",
    ",|;? each|every additional|extra person|member|dependent|child|individual add|adds|: ,? add|plus? $#",
];

/// The increment per additional person at `i`: its end, its dollars and
/// whether they are a month's.
pub(super) fn each_additional_at(tokens: &[Token], i: usize) -> Option<(usize, u32, bool)> {
    EACH_ADDITIONAL.iter().find_map(|pattern| {
        let (end, cap) = match_pattern(pattern, tokens, i)?;
        let dollars = *cap.numbers.last()?;
        // "... per month" may close the phrase too.
        let (after, unit) = period(tokens, end);
        let closing_month = unit == Some(Per::Month);
        let end = if closing_month { after } else { end };
        let monthly = closing_month
            || tokens
                .get(i..end)
                .is_some_and(|ts| ts.iter().any(|t| t.is_word("month") || t.is_word("mo")));
        Some((end, dollars, monthly))
    })
}

/// "1 person household max income, $37,400", "2 persons: $43,000": a
/// household size, then its limit. The end, the size and the dollars.
/// The amount's period when marked ("1 person $1,956/month": twelve times
/// that a year).
fn size_first_limit(tokens: &[Token], i: usize) -> Option<(usize, u32, u32, Option<Per>)> {
    let (after_size, cap) = match_pattern(SIZE_FIRST, tokens, i)?;
    let size = cap
        .numbers
        .first()
        .copied()
        .filter(|n| (1..=20).contains(n))?;
    let (end, amount) = dollars(tokens, after_size)?;
    let (end, unit) = period(tokens, end);
    Some((end, size, amount, unit))
}

/// The period an amount ending at `i` is marked with ("/month", "per
/// year"), and where the mark ends.
fn period(tokens: &[Token], i: usize) -> (usize, Option<Per>) {
    if let Some((end, _)) = match_pattern("/|per|a month|mo", tokens, i) {
        return (end, Some(Per::Month));
    }
    match match_pattern("/|per|a year|yr", tokens, i) {
        Some((end, _)) => (end, Some(Per::Year)),
        None => (i, None),
    }
}

const SIZE_FIRST: &str = "# person|persons|people|member|members household|family? max|maximum|annual? income|limit? :|,|-?";

/// Whether a household's income limit, size first, opens at `i` and
/// continues a table: it names the income ("2 person household max income,
/// $43,000"), or one opens the part since `part_start` ("1 person
/// $1,956/month; 2 people $2,644/month"). A `;` before it is then no
/// sentence's end.
pub(super) fn household_limit_continues(tokens: &[Token], part_start: usize, i: usize) -> bool {
    let names_income = || {
        tokens
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take(6)
            .any(|t| t.is_word("income") || t.is_word("limit"))
    };
    let table_before = || (part_start..i).any(|k| size_first_limit(tokens, k).is_some());
    (size_first_limit(tokens, i).is_some() && (names_income() || table_before()))
        || (each_additional_at(tokens, i).is_some() && table_before())
}

/// "for 1 person", "for 2 persons", "for a family of 4", "for single
/// person", "for a couple": the end and the household size.
fn household_size(tokens: &[Token], i: usize) -> Option<(usize, u32)> {
    const SIZES: &[(&str, Option<u32>)] = &[
        (
            "for # person|persons|people|member|members household?",
            None,
        ),
        ("for a? household|family of # persons|people|members?", None),
        ("for a? single person|individual|adult?", Some(1)),
        ("for a|an individual|person|adult", Some(1)),
        ("for one person", Some(1)),
        ("for a couple", Some(2)),
    ];
    SIZES
        .iter()
        .find_map(|(pattern, fixed)| {
            let (end, cap) = match_pattern(pattern, tokens, i)?;
            let size = fixed.or_else(|| cap.numbers.first().copied())?;
            (1..=20).contains(&size).then_some((end, size))
        })
        .or_else(|| {
            // "for a family of three".
            let (end, _) = match_pattern("for a? household|family of", tokens, i)?;
            let word = tokens.get(end).and_then(Token::word)?;
            let size = SIZE_WORDS.iter().position(|w| *w == word)?;
            Some((end + 1, u32::try_from(size).ok()? + 1))
        })
        .or_else(|| {
            // "$38,950 for one person and $44,500 for two": a size in words,
            // its noun left out (not "for two weeks").
            tokens.get(i).filter(|t| t.is_word("for"))?;
            let word = tokens.get(i + 1).and_then(Token::word)?;
            let size = SIZE_WORDS.iter().position(|w| *w == word)?;
            let end =
                match_pattern("person|persons|people", tokens, i + 2).map_or(i + 2, |(e, _)| e);
            let closes = tokens
                .get(end)
                .is_none_or(|t| t.word().is_none_or(|w| w == "and" || w == "or"));
            closes.then_some((end, u32::try_from(size).ok()? + 1))
        })
}

/// Household sizes in words, from one.
const SIZE_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// A dollar amount ("$32,000", "$2000"): its end and whole dollars.
fn dollars(tokens: &[Token], i: usize) -> Option<(usize, u32)> {
    tokens.get(i).filter(|t| t.is_punct('$'))?;
    let mut value = tokens.get(i + 1).and_then(Token::number)?;
    let mut end = i + 2;
    // Thousands groups, adjacent: "32,000" (not "$5, 10").
    while let (Some(comma), Some(group)) = (tokens.get(end), tokens.get(end + 1)) {
        let adjacent =
            tokens.get(end - 1).is_some_and(|p| p.end == comma.start) && comma.end == group.start;
        if !(comma.is_punct(',') && adjacent && group.digits().is_some_and(|d| d.len() == 3)) {
            break;
        }
        value = value.checked_mul(1000)?.checked_add(group.number()?)?;
        end += 2;
    }
    Some((end, value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    const TABLE: &[&str] = &["a b", "c? a", "# x", "a|c d", "e? f?", "$ y", "g? $# z"];

    fn offered(text: &str) -> Vec<&'static str> {
        static ROWS: Indexed<&str> = Indexed::new(TABLE);
        ROWS.at(&tokenize(text), 0).copied().collect()
    }

    #[test]
    fn rows_are_offered_by_their_opening_token_in_table_order() {
        // "e? f?" can open with anything at all; "# x" with a number, "$ y"
        // with a capitalized word, a qualifier or a number (a ZIP code),
        // "g? $# z" with "g" or a dollar sign.
        assert_eq!(offered("a b"), ["a b", "c? a", "a|c d", "e? f?"]);
        assert_eq!(offered("c a"), ["c? a", "a|c d", "e? f?"]);
        assert_eq!(offered("f"), ["e? f?"]);
        assert_eq!(offered("zebra"), ["e? f?"]);
        assert_eq!(offered("Zebra"), ["e? f?", "$ y"]);
        assert_eq!(offered("unincorporated"), ["e? f?", "$ y"]);
        assert_eq!(offered("A b"), ["a b", "c? a", "a|c d", "e? f?", "$ y"]);
        assert_eq!(offered("12 x"), ["# x", "e? f?", "$ y"]);
        assert_eq!(offered("$5"), ["e? f?", "g? $# z"]);
        assert_eq!(offered("g"), ["e? f?", "g? $# z"]);
        assert_eq!(offered(""), ["e? f?"]);
    }

    #[test]
    fn opening_tokens_look_past_optional_parts() {
        assert_eq!(opening_tokens("c? a|b d"), Some(vec!["c", "a", "b"]));
        assert_eq!(opening_tokens("- ? x"), Some(vec!["-"]));
        assert_eq!(opening_tokens("for? $ residents"), None);
        assert_eq!(opening_tokens("e? f?"), None);
    }
}
