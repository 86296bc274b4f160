//! One sentence read into a [`SentenceReading`]: whole, its items combined
//! by the connector rules (module docs), or, when it cannot be, in part
//! (the clauses around a preference, or the phrases a scan keeps).

use super::dedup;
use super::item::{Hint, Item, Term, Value, dimension, item_at, senior_age, single};
use super::pattern::first_match;
use super::scan::scan_sentence;
use super::tables::*;
use crate::eligibility::{AgeOf, Confidence, IncomeLimit};
use crate::situation::Situation;
use crate::text::token::Token;

/// The conditions of one read sentence, per dimension.
#[derive(Debug, Default)]
pub(super) struct SentenceReading {
    pub(super) open: bool,
    pub(super) terms: Vec<Term>,
    /// Whether the terms were picked out of a sentence not read whole.
    pub(super) scanned: bool,
}

/// Reads one sentence, or None when any of it is unknown or the model
/// cannot express it.
pub(super) fn read_sentence(text: &str, tokens: &[Token]) -> Option<SentenceReading> {
    let mut items = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let (next, item) = item_at(text, tokens, i)?;
        items.push(item);
        i = next;
    }
    combine(text, items)
}

/// A sentence not read whole, read in part: "Priority given to Daly City
/// residents", "Federal and San Mateo County preferences apply": who comes
/// first among those eligible, read as such (no doubt about who is; a scan
/// keeps only its requirements).
pub(super) fn read_in_part(text: &str, sentence: &[Token]) -> SentenceReading {
    let preference_at = first_match(PREFERENCE, sentence);
    let around = preference_at.and_then(|at| read_around_preference(text, sentence, at));
    around.unwrap_or_else(|| {
        let preference = preference_at.is_some();
        SentenceReading {
            open: false,
            terms: scan_sentence(text, sentence, preference),
            scanned: !preference,
        }
    })
}

/// "Serves women 18+ in recovery, with priority to pregnant women": a
/// preference closing a sentence in a clause of its own leaves the clauses
/// before it standing (a preference opening one, the clause after ",
/// but"); they are read as a sentence of their own (the preference,
/// opening at `at`, keeps only its requirements). None when no such
/// clause is found.
fn read_around_preference(text: &str, sentence: &[Token], at: usize) -> Option<SentenceReading> {
    // "Preference is given to residents of Daly City, but anyone who lives
    // in San Mateo County may apply": the clause after ", but" says who may
    // come.
    let but = (at + 1..sentence.len()).find(|&k| {
        sentence.get(k).is_some_and(|t| t.is_word("but"))
            && sentence.get(k - 1).is_some_and(|t| t.is_punct(','))
    });
    let (stated, preferred) = match but {
        Some(but) => (
            sentence.get(but + 1..).filter(|s| !s.is_empty())?,
            sentence.get(..but)?,
        ),
        None => {
            let cut = sentence
                .get(..at)?
                .iter()
                .rposition(|t| t.is_punct(',') || t.is_punct(';'))
                .filter(|&cut| cut > 0)?;
            sentence.split_at(cut)
        }
    };
    let mut reading = read_sentence(text, stated).unwrap_or_else(|| SentenceReading {
        open: false,
        terms: scan_sentence(text, stated, false),
        scanned: true,
    });
    reading.terms.extend(scan_sentence(text, preferred, true));
    Some(reading)
}

/// Phrases stating who comes first, not who may come ("program
/// priorities", "federal preferences guidelines" are not among them).
const PREFERENCE: &[&str] = &[
    "priority|preference is? given",
    "priority|preference to",
    "priority|preference goes|go to",
    "have|has|receive|receives|get|gets|given first|top? priority|preference",
    "first|top priority",
    "preferences apply",
    "served|seen first",
    // "seniors and disabled persons prioritized", "LGBTQIA+ neighbors are
    // especially welcome here".
    "prioritized|prioritised",
    "especially|particularly welcome",
];

/// Applies the connector rules (module docs) to a sentence's items.
fn combine(text: &str, items: Vec<Item>) -> Option<SentenceReading> {
    // Terms with the connector before each (None = stacked).
    let mut terms: Vec<(Option<Conn>, Term)> = Vec::new();
    let mut pending: Option<Conn> = None;
    let mut open = false;
    let items = items.into_iter().flat_map(|item| match item {
        Item::Terms(terms) => terms.into_iter().map(Item::Term).collect(),
        other => vec![other],
    });
    for item in items {
        match item {
            Item::Filler => {}
            Item::Conn(c) => {
                // ", or" reads as "or"; two connectors otherwise keep the stronger.
                pending = Some(match (pending, c) {
                    (Some(Conn::Or), _) | (_, Conn::Or) => Conn::Or,
                    (Some(Conn::And), _) | (_, Conn::And) => Conn::And,
                    _ => Conn::Comma,
                });
            }
            Item::AlsoFamily => {
                let (_, last) = terms.last()?;
                if !matches!(last.value, Value::Population(_)) {
                    return None;
                }
                // "Women veterans 65+ and their families": the family of
                // whom the stacked words name is served too, so none of
                // those words is sure to be the client's.
                for (conn, term) in terms.iter_mut().rev() {
                    if matches!(
                        term.value,
                        Value::Population(_) | Value::Gender(_) | Value::Age(..)
                    ) {
                        term.confidence = Confidence::Low;
                    }
                    if conn.is_some() {
                        break;
                    }
                }
            }
            Item::Term(term) if term.value == Value::Open => {
                open = true;
                pending = None;
            }
            Item::Terms(_) => {}
            Item::Term(term) => {
                let conn = if terms.is_empty() {
                    None
                } else {
                    pending.take()
                };
                pending = None;
                terms.push((conn, term));
            }
        }
    }
    if terms.is_empty() {
        return open.then(SentenceReading::default).map(|mut r| {
            r.open = true;
            r
        });
    }

    let has_or = terms.iter().any(|(c, _)| *c == Some(Conn::Or));
    let terms = if has_or {
        // "Seniors or disabled adults, Marion County": a place (or a
        // requirement) after the choice is a condition of its own.
        let last_choice = terms.iter().rposition(|(c, _)| *c == Some(Conn::Or))?;
        // ("Veteran or senior resident of Daly City": a place stacked on
        // the last choice is everyone's too.)
        let stacked = terms
            .iter()
            .skip(last_choice + 1)
            .take_while(|(c, t)| c.is_none() && dimension(&t.value) < 5)
            .count();
        let (choice, after) = terms.split_at(last_choice + 1 + stacked);
        let separate = !after.is_empty()
            && after.iter().all(|(_, t)| dimension(&t.value) >= 5)
            && after
                .first()
                .is_some_and(|(c, t)| c.is_some() || matches!(t.value, Value::Residency(_)));
        if separate {
            let mut all = vec![(None, or_list(choice)?)];
            all.extend(after.iter().cloned());
            and_list(text, all)?
        } else {
            vec![or_list(&terms)?]
        }
    } else {
        and_list(text, terms)?
    };
    Some(SentenceReading {
        open,
        terms,
        scanned: false,
    })
}

/// "Low income, disabled, or senior": a choice among populations (low income
/// counts as one), or among places.
fn or_list(terms: &[(Option<Conn>, Term)]) -> Option<Term> {
    // "Senior age 62 or over, or disabled": the age is the senior's, one
    // choice among others; the group stands for it.
    // "Seniors or disabled adults": the noun after a group is that
    // group's, no age of its own.
    let grouped: Vec<(Option<Conn>, Term)> = terms
        .iter()
        .enumerate()
        .filter(|(k, (conn, term))| {
            let prev = k.checked_sub(1).and_then(|p| terms.get(p));
            let after_group = prev.is_some_and(
                |(_, prev)| matches!(&prev.value, Value::Population(s) if s.iter().any(|x| AGE_POPULATIONS.contains(x))),
            );
            let after_any_group =
                prev.is_some_and(|(_, prev)| matches!(prev.value, Value::Population(_)));
            !(conn.is_none()
                && ((after_group && matches!(term.value, Value::Age(_, false)))
                    || (after_any_group && matches!(term.value, Value::Age(_, true)))))
        })
        .map(|(_, t)| t.clone())
        .collect();
    let grouped = drop_ages_of_a_group(grouped);
    // "Senior age 62 or over, or disabled and low-income": a term joined by
    // "and" narrows the choice before it; the choice alone is a hint.
    let after_or = |k: usize| grouped.iter().take(k).any(|(c, _)| *c == Some(Conn::Or));
    let narrowing: Vec<bool> = (0..grouped.len())
        .map(|k| grouped.get(k).is_some_and(|(c, _)| *c == Some(Conn::And)) && after_or(k))
        .collect();
    let narrowed = narrowing.iter().any(|n| *n);
    let grouped: Vec<(Option<Conn>, Term)> = grouped
        .into_iter()
        .zip(narrowing)
        .filter(|(_, n)| !n)
        .map(|(t, _)| t)
        .map(|(c, t)| {
            let confidence = if narrowed {
                Confidence::Low
            } else {
                t.confidence
            };
            (c, Term { confidence, ..t })
        })
        .collect();
    let terms = grouped.as_slice();
    let (_, first) = terms.first()?;
    let (_, last) = terms.last()?;
    let confidence = terms.iter().map(|(_, t)| t.confidence).min()?;
    // Stacked terms inside an or-list mix "and" with "or": not read.
    if terms.iter().skip(1).any(|(c, _)| c.is_none()) {
        return None;
    }
    let mut situations = Vec::new();
    let mut places = Vec::new();
    for (_, term) in terms {
        match &term.value {
            Value::Population(s) => situations.extend(s.iter().copied()),
            Value::Income(IncomeLimit::LowIncome) => situations.push(Situation::LowIncome),
            // "Low income, age 62 or over, or disabled": as one choice among
            // groups, a senior's age stands for seniors (the choice is no
            // narrower than the text's).
            value if senior_age(value) => situations.push(Situation::Senior),
            Value::Residency(Some(names)) => places.extend(names.iter().cloned()),
            _ => return None,
        }
    }
    let value = match (situations.is_empty(), places.is_empty()) {
        (false, true) => Value::Population(dedup(situations)),
        (true, false) => Value::Residency(Some(places)),
        _ => return None,
    };
    Some(Term {
        value,
        start: first.start,
        end: last.end,
        confidence,
        hint: Hint::ByKind,
        stands_for: Vec::new(),
    })
}

/// "Age 60 or over, or adults with disabilities", "Age 62 or over, or age
/// 61 or under with a disability": beside a senior's age, another age right
/// before a group is that group's ("adults"), or the rest of the ages; the
/// group is the choice. (Not without the senior's age: "Youth or adults
/// with disabilities" are both disabled.)
fn drop_ages_of_a_group(terms: Vec<(Option<Conn>, Term)>) -> Vec<(Option<Conn>, Term)> {
    if !terms.iter().any(|(_, t)| senior_age(&t.value)) {
        return terms;
    }
    let drop: Vec<bool> = (0..terms.len())
        .map(|k| {
            k > 0
                && group_follows(&terms, k)
                && terms.get(k).is_some_and(|(_, t)| {
                    matches!(t.value, Value::Age(..)) && !senior_age(&t.value)
                })
        })
        .collect();
    without(terms, &drop)
}

/// Whether a group follows `terms[k]` with no joint between ("adults with
/// disabilities").
fn group_follows(terms: &[(Option<Conn>, Term)], k: usize) -> bool {
    terms
        .get(k + 1)
        .is_some_and(|(c, t)| c.is_none() && matches!(t.value, Value::Population(_)))
}

/// `terms` without those marked in `drop`; a dropped term's joint passes to
/// the term after it when that one has none ("or [adults] with
/// disabilities": "or" joins the group).
fn without(terms: Vec<(Option<Conn>, Term)>, drop: &[bool]) -> Vec<(Option<Conn>, Term)> {
    let mut out: Vec<(Option<Conn>, Term)> = Vec::with_capacity(terms.len());
    let mut carried: Option<Conn> = None;
    for (k, (conn, term)) in terms.into_iter().enumerate() {
        if drop.get(k).copied().unwrap_or(false) {
            carried = carried.or(conn);
            continue;
        }
        out.push((conn.or(carried.take()), term));
    }
    out
}

/// "Seniors and disabled adults", "Seniors 60+ and adults with
/// disabilities": where "and" joins groups, the noun "adults" right beside
/// a group is that group's, no age of its own.
fn drop_nouns_of_joined_groups(terms: Vec<(Option<Conn>, Term)>) -> Vec<(Option<Conn>, Term)> {
    let is_group = |k: usize| {
        terms
            .get(k)
            .is_some_and(|(_, t)| matches!(t.value, Value::Population(_)))
    };
    let groups = (0..terms.len()).filter(|&k| is_group(k)).count();
    if groups < 2 || !terms.iter().any(|(c, _)| *c == Some(Conn::And)) {
        return terms;
    }
    let drop: Vec<bool> = (0..terms.len())
        .map(|k| {
            let Some((conn, term)) = terms.get(k) else {
                return false;
            };
            let after_group = k > 0 && is_group(k - 1) && conn.is_none();
            matches!(term.value, Value::Age(_, true)) && (group_follows(&terms, k) || after_group)
        })
        .collect();
    without(terms, &drop)
}

/// The terms of a union of groups with a senior's age in it, the age
/// standing for seniors: one population term. Another group's own age is
/// that group's ("Seniors 60+ and disabled adults 18-59": seniors, or
/// disabled adults); None when no senior's age is there.
fn seniors_joined(terms: Vec<Term>) -> Option<Vec<Term>> {
    if !terms.iter().any(|t| senior_age(&t.value)) {
        return None;
    }
    let mut union: Option<Term> = None;
    let mut rest = Vec::new();
    for t in terms {
        let situations = match &t.value {
            Value::Age(..) if senior_age(&t.value) => vec![Situation::Senior],
            Value::Age(..) => continue,
            Value::Population(s) => s.clone(),
            _ => {
                rest.push(t);
                continue;
            }
        };
        match &mut union {
            Some(u) => {
                if let Value::Population(s) = &mut u.value {
                    s.extend(situations);
                    *s = dedup(std::mem::take(s));
                }
                u.start = u.start.min(t.start);
                u.end = u.end.max(t.end);
                u.confidence = u.confidence.min(t.confidence);
            }
            None => {
                union = Some(Term {
                    value: Value::Population(situations),
                    stands_for: Vec::new(),
                    ..t
                })
            }
        }
    }
    rest.extend(union);
    Some(rest)
}

/// Whether the last of `terms` is an age stated right after an age group
/// ("Youth ages 16-24"): that group's age.
fn age_of_a_group(terms: &[Term]) -> bool {
    let [.., group, age] = terms else {
        return false;
    };
    matches!(&age.value, Value::Age(_, false))
        && matches!(&group.value, Value::Population(s) if s.iter().any(|x| AGE_POPULATIONS.contains(x)))
        && age.start <= group.end + 1
}

/// All terms required; `and` between populations is a union.
fn and_list(text: &str, terms: Vec<(Option<Conn>, Term)>) -> Option<Vec<Term>> {
    let terms = drop_nouns_of_joined_groups(terms);
    let mut out: Vec<Term> = Vec::new();
    // "Pregnant women and children under 5", "Seniors, and children under
    // 5": an age group listed beside another group; an age stated beside it
    // is that group's only.
    let mut age_group_joined = false;
    let age_groups = |s: &[Situation]| -> Vec<Situation> {
        s.iter()
            .copied()
            .filter(|x| AGE_POPULATIONS.contains(x))
            .collect()
    };
    for (conn, term) in terms {
        if conn == Some(Conn::Comma)
            && let Some(prev) = out.last()
        {
            match (&prev.value, &term.value) {
                (Value::Population(a), Value::Population(b)) => {
                    age_group_joined |= age_groups(a) != age_groups(b);
                }
                // "Women, infants and children": a list of groups, not a
                // gender restriction.
                (Value::Gender(_), Value::Population(s))
                | (Value::Population(s), Value::Gender(_))
                    if !age_groups(s).is_empty() =>
                {
                    return None;
                }
                _ => {}
            }
        }
        // "Homeless youth", "undocumented immigrants": both groups at once,
        // which the model cannot require; either one is a hint (Low).
        if conn.is_none()
            && let Some(prev) = out.last_mut()
            && term.start <= prev.end + 1
            && let (Value::Population(a), Value::Population(b)) = (&mut prev.value, &term.value)
        {
            // ("Active-duty service members": one group named twice.)
            let same_group = b.iter().all(|x| a.contains(x));
            a.extend(b.iter().copied());
            *a = dedup(std::mem::take(a));
            prev.end = term.end;
            if !same_group {
                prev.confidence = Confidence::Low;
            }
            continue;
        }
        let group_aged = age_of_a_group(&out);
        if conn == Some(Conn::And)
            && let Some(prev) = out.last_mut()
        {
            match (&mut prev.value, &term.value) {
                (Value::Population(a), Value::Population(b)) => {
                    age_group_joined |= age_groups(a) != age_groups(b);
                    a.extend(b.iter().copied());
                    *a = dedup(std::mem::take(a));
                    prev.end = term.end;
                    prev.confidence = prev.confidence.min(term.confidence);
                    continue;
                }
                // "Adult males and females": both genders, no restriction.
                (Value::Gender(a), Value::Gender(b)) if a != b => {
                    out.pop();
                    continue;
                }
                // "Youth ages 16-24 and young parents": an age group with its
                // age, and another group beside it: either may come.
                (Value::Age(_, false), Value::Population(b))
                    if age_groups(b).is_empty() && group_aged =>
                {
                    age_group_joined = true;
                }
                // "women and children": not a gender restriction.
                (Value::Gender(_), _) | (_, Value::Gender(_)) => return None,
                // "Families with children under 18 and single adults": a
                // group and the adults beside it, everyone grown.
                (Value::Population(_) | Value::Age(_, false), Value::Age(_, true))
                | (Value::Age(_, true), Value::Population(_)) => return None,
                _ => {}
            }
        }
        out.push(term);
    }
    // "Adult 50 or older, adult with disability": a noun repeated names two
    // groups, not one group with two conditions.
    let implied = out
        .iter()
        .filter(|t| match &t.value {
            Value::Age(_, implied) => *implied,
            Value::Population(s) => s.iter().any(|x| AGE_POPULATIONS.contains(x)),
            _ => false,
        })
        .count();
    if implied > 1 {
        return None;
    }
    // An explicit age replaces the ages implied by nouns.
    let explicit_age = out.iter().any(|t| matches!(t.value, Value::Age(_, false)));
    if explicit_age && age_group_joined {
        // "Seniors 60+ and adults with disabilities": a senior's age stands
        // for seniors in a union of groups (as in a choice, `or_list`).
        out = seniors_joined(out)?;
    }
    let explicit_age = out.iter().any(|t| matches!(t.value, Value::Age(_, false)));
    if explicit_age {
        out.retain(|t| !matches!(t.value, Value::Age(_, true)));
        let mut replaced = Vec::new();
        for t in &mut out {
            if let Value::Population(s) = &mut t.value {
                replaced.extend(s.iter().copied().filter(|x| AGE_POPULATIONS.contains(x)));
                s.retain(|x| !AGE_POPULATIONS.contains(x));
            }
        }
        for t in &mut out {
            if matches!(t.value, Value::Age(_, false)) {
                t.stands_for = dedup(replaced.clone());
            }
        }
        out.retain(|t| !matches!(&t.value, Value::Population(s) if s.is_empty()));
        // "Parent of child age 5 or under", "Families with children under
        // 18": the age after the child is the child's ("Pregnant and
        // parenting teens under 21": the teens' own).
        // ("Spanish-speaking families with children under 5": families
        // read as a community are families still.)
        let parents = out.iter().any(|t| {
            matches!(&t.value, Value::Population(s)
                if s.iter().any(|x| matches!(x, Situation::Parenting | Situation::FamilyWithChildren)))
        }) || out.first().is_some_and(|t| {
            text.get(t.start..t.end).is_some_and(|words| {
                words
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| PARENT_WORDS.contains(&w.to_lowercase().as_str()))
            })
        });
        if parents {
            for t in &mut out {
                // "Families with 3-5 year olds": the phrase names them.
                let after_a_child = child_named_before(text, t.start)
                    || text
                        .get(t.start..t.end)
                        .is_some_and(|p| p.ends_with("olds"));
                if let Value::Age(range, _) = &mut t.value
                    && after_a_child
                {
                    range.of = AgeOf::Child;
                }
            }
        }
    }
    // One term per dimension: the model has no "and" inside a dimension.
    for (k, a) in out.iter().enumerate() {
        if single(&a.value)
            && out
                .iter()
                .skip(k + 1)
                .any(|b| dimension(&a.value) == dimension(&b.value))
        {
            return None;
        }
    }
    Some(out)
}

/// Whether one of the three words before byte `start` names a child
/// ("children under 18", "child age 5", "children ages 0-5").
fn child_named_before(text: &str, start: usize) -> bool {
    text.get(..start).is_some_and(|before| {
        before
            .split_whitespace()
            .rev()
            .take(3)
            .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
            .any(|w| CHILD_WORDS.contains(&w.as_str()))
    })
}
