//! The final reading: the terms of every sentence assembled into one
//! [`Eligibility`], and whether individuals are served beside agencies.

use super::EligibilityReading;
use super::combine::SentenceReading;
use super::dedup;
use super::item::{Hint, Term, Value, dimension, word_before};
use super::sentence::{about_others, sentences};
use super::tables::*;
use crate::eligibility::{
    AgeOf, AgeRange, Confidence, Constraint, Eligibility, IncomeLimit, Requirement,
};
use crate::situation::Situation;
use crate::text::Coverage;
use crate::text::token::{Token, tokenize};

/// One reading of the whole text, from the terms of the sentences read
/// whole (`readings`) and in part (`scanned`). The `unread` sentences cast
/// doubt on every term (none is then high); the `idle` ones say nothing of
/// who may come. Both are left to verify.
pub(super) fn assemble(
    text: &str,
    readings: &[SentenceReading],
    scanned: &[Term],
    unread: &[(usize, usize)],
    idle: &[(usize, usize)],
) -> EligibilityReading {
    let mut eligibility = Eligibility::default();
    let any_open = readings.iter().any(|r| r.open);
    let mut owned: Vec<Term> = readings
        .iter()
        .flat_map(|r| r.terms.iter())
        .chain(scanned)
        .cloned()
        .collect();
    let is_group = |t: &Term| match &t.value {
        Value::Population(_) => true,
        Value::Age(_, false) => !t.stands_for.is_empty(),
        _ => false,
    };
    // "a youth (17 years or younger); homeless or at risk of homelessness":
    // sentences that each name one group, one of them by its age, list who
    // may come; the age's group stands for it in that list.
    // Only `;` lists: sentences ending in `.` add conditions more often.
    let listed = readings.len() > 1
        && text.contains(';')
        && !text.contains(". ")
        && scanned.is_empty()
        && readings.iter().all(|r| r.terms.len() == 1)
        && owned.iter().all(is_group)
        && owned
            .iter()
            .any(|t| matches!(t.value, Value::Population(_)));
    if listed {
        for t in &mut owned {
            if matches!(t.value, Value::Age(..)) {
                t.value = Value::Population(t.stands_for.clone());
            }
        }
    }
    // An explicit age anywhere replaces the age groups named elsewhere
    // ("Dining room serving seniors. For those age 60 & over").
    if owned
        .iter()
        .any(|t| matches!(t.value, Value::Age(_, false)))
    {
        for t in &mut owned {
            if let Value::Population(s) = &mut t.value {
                s.retain(|x| !AGE_POPULATIONS.contains(x));
            }
        }
        owned.retain(|t| !matches!(&t.value, Value::Population(s) if s.is_empty()));
    }
    let all_terms: Vec<&Term> = owned.iter().collect();
    // Asked only of a text with an agency cue (most have none).
    let agency_spans: Vec<(usize, usize)> = all_terms
        .iter()
        .filter(|t| t.value == Value::Agency)
        .map(|t| (t.start, t.end))
        .collect();
    let individuals = !agency_spans.is_empty() && serves_individuals(text, &agency_spans);
    // High only when every sentence was read and none said "no restriction".
    let cap = if unread.is_empty() && !any_open {
        Confidence::High
    } else {
        Confidence::Low
    };
    let mut conflict = false;
    // "Seniors 60+; disabled adults 18-59": sentences stating different
    // ages (or genders) describe different groups, so a group one of them
    // names is not everyone's.
    let mut groups_differ = false;
    for term in &all_terms {
        let evidence = text.get(term.start..term.end).unwrap_or_default();
        match &term.value {
            Value::Requirement(kind)
                if !eligibility.requirements.iter().any(|r| r.kind == *kind) =>
            {
                eligibility.requirements.push(Requirement {
                    kind: *kind,
                    text: evidence.to_owned(),
                });
            }
            Value::Agency => eligibility.agency_only |= !individuals,
            _ => {}
        }
    }
    for kind in 1..=5 {
        // "School or agency serving students with disabilities": the groups
        // an organization serves are its clients; the service itself is
        // never referred to a client.
        if kind == 3 && eligibility.agency_only {
            continue;
        }
        let group: Vec<&Term> = all_terms
            .iter()
            .copied()
            .filter(|t| dimension(&t.value) == kind)
            .collect();
        let Some(first) = group.first() else {
            continue;
        };
        let start = group.iter().map(|t| t.start).min().unwrap_or(first.start);
        let end = group.iter().map(|t| t.end).max().unwrap_or(first.end);
        let confidence = group
            .iter()
            .map(|t| t.confidence)
            .min()
            .unwrap_or(Confidence::Low)
            .min(cap);
        let confidence =
            if groups_differ && matches!(first.value, Value::Population(_) | Value::Gender(_)) {
                Confidence::Low
            } else {
                confidence
            };
        let value = if group.iter().all(|t| t.value == first.value) {
            // The same condition said twice ("women's shelter ... for women").
            first.value.clone()
        } else if let Some(figure) = income_figure(&group) {
            figure
        } else if let Some(union) = program_ages(text, &group) {
            union
        } else if let Some(all) = population_union(&group).filter(|_| {
            group.iter().any(|t| t.confidence == Confidence::High)
                || group.iter().all(|t| t.hint == Hint::Always)
        }) {
            // Different groups in different sentences, one at least read
            // whole ("living with a disability; living with HIV/AIDS",
            // "Honorably discharged veteran. Active duty and dependents under
            // tricare"): a list of who may come more often than groups all
            // required, so a choice, as a hint. Groups only picked out of
            // prose stay unknown.
            let evidence = text.get(start..end).unwrap_or_default();
            eligibility.populations = Constraint::from_text(all, evidence, Confidence::Low);
            continue;
        } else if let Some(common) = groups_in_common(&group) {
            // "... to low-income veterans. ... veterans can get the benefits
            // they earned through their military service": groups picked out
            // of prose, one named every time: that one, as a hint.
            let evidence = text.get(start..end).unwrap_or_default();
            eligibility.populations = Constraint::from_text(common, evidence, Confidence::Low);
            continue;
        } else {
            conflict = true;
            groups_differ |= matches!(first.value, Value::Age(..) | Value::Gender(_));
            set_unknown(&mut eligibility, &first.value, text.trim());
            continue;
        };
        let figure_named_low = matches!(value, Value::Income(ref l) if *l != IncomeLimit::LowIncome)
            && group.len() > 1;
        let evidence = if group.len() == 1 {
            text.get(first.start..first.end).unwrap_or_default()
        } else if figure_named_low {
            // The figure's own words ("... at or below 200% of poverty"),
            // not the "low-income" naming it elsewhere.
            let saying = group.iter().filter(|t| t.value == value);
            let a = saying.clone().map(|t| t.start).min().unwrap_or(start);
            let b = saying.map(|t| t.end).max().unwrap_or(end);
            text.get(a..b).unwrap_or_default()
        } else {
            text.get(start..end).unwrap_or_default()
        };
        match value {
            Value::Age(range, _) => {
                eligibility.age = Constraint::from_text(range, evidence, confidence)
            }
            Value::Gender(g) => eligibility.gender = Constraint::from_text(g, evidence, confidence),
            Value::Population(s) => {
                eligibility.populations = Constraint::from_text(s, evidence, confidence);
            }
            Value::Income(limit) => {
                eligibility.income = Constraint::from_text(limit, evidence, confidence)
            }
            Value::Residency(Some(names)) => {
                eligibility.residency = Constraint::from_text(names, evidence, confidence);
            }
            Value::Residency(None) => {
                eligibility.residency = Constraint::Unknown {
                    text: evidence.to_owned(),
                };
            }
            Value::Open | Value::Requirement(_) | Value::Agency => {}
        }
    }
    // Every sentence not read is to verify, in the text's order; only those
    // that may bear on who comes (`unread`) lowered the confidence above.
    let mut to_verify: Vec<(usize, usize)> = unread.iter().chain(idle).copied().collect();
    to_verify.sort_unstable();
    for (start, end) in to_verify {
        if let Some(sentence) = text.get(start..end) {
            eligibility.to_verify.push(sentence.trim().to_owned());
        }
    }
    if conflict {
        eligibility.to_verify.push(text.trim().to_owned());
    }
    let read_something = !readings.is_empty() || !all_terms.is_empty();
    let coverage = match (read_something, eligibility.to_verify.is_empty()) {
        (true, true) => Coverage::Full,
        (true, false) => Coverage::Partial,
        (false, _) => Coverage::Unread,
    };
    EligibilityReading {
        eligibility,
        coverage,
    }
}

/// Whether a text says individual people are served too, beside the
/// agency cues at `agency_spans` ("Low-income individual or nonprofit
/// group"). People an organization serves ("services to residents of the
/// Peninsula", "Nonprofits serving homeless individuals") are its clients,
/// not the service's; "not for individuals" says the opposite; the words
/// of an agency phrase are its own ("Not for individual clients"); and
/// individuals sent elsewhere ("Individuals should call 211 for a pantry
/// near them") are not served here.
fn serves_individuals(text: &str, agency_spans: &[(usize, usize)]) -> bool {
    let tokens = tokenize(text);
    let says_no = |w: &str| {
        NEGATION.contains(&w) || ["don't", "doesn't", "cannot", "can't", "unable"].contains(&w)
    };
    // "not for individuals", "does not provide direct services to young
    // people": a negation earlier in the clause; "Patients and families
    // cannot request an interpreter directly": one after.
    let negated = |k: usize| {
        let mut clause_before = (k.saturating_sub(8)..k)
            .rev()
            .map_while(|j| tokens.get(j).and_then(Token::word));
        let mut words_after = (k + 1..k + 4).map_while(|j| tokens.get(j).and_then(Token::word));
        clause_before.any(says_no) || words_after.any(|w| w == "cannot" || w == "can't")
    };
    // "marriage and family therapists": a kind of professional; "family
    // engagement", "family resource centers": a topic.
    let names_a_profession = |k: usize| {
        tokens
            .get(k + 1)
            .and_then(Token::word)
            .is_some_and(|w| PROFESSIONAL.contains(&w) || PEOPLE_AS_TOPIC.contains(&w))
    };
    let within = |spans: &[(usize, usize)], t: &Token| {
        spans.iter().any(|&(s, e)| s <= t.start && t.end <= e)
    };
    let sent_elsewhere: Vec<(usize, usize)> = sentences(&tokens)
        .into_iter()
        .filter(|s| about_others(s))
        .filter_map(|s| Some((s.first()?.start, s.last()?.end)))
        .collect();
    // ("$150 per person": a price's unit, no client; "available to
    // anyone": anyone, unless an organization is to serve them.)
    let an_organizations = |k: usize| {
        if tokens.get(k).is_some_and(|t| t.is_word("anyone")) {
            return word_before(&tokens, k)
                .is_some_and(|w| ["serve", "serves", "serving"].contains(&w));
        }
        // ("... their clients", "which pass them on to the families".)
        word_before(&tokens, k).is_some_and(|w| {
            ["to", "serving", "serves", "serve", "per", "host", "their"].contains(&w)
        }) || (k.saturating_sub(6)..k).any(|j| {
            tokens.get(j).is_some_and(|t| {
                [
                    "serving",
                    "serves",
                    "serve",
                    "work",
                    "works",
                    "working",
                    "pass",
                    "passes",
                    "distribute",
                    "distributes",
                    "deliver",
                    "delivers",
                ]
                .iter()
                .any(|w| t.is_word(w))
            })
        })
    };
    // "... directly to individuals or families": listed with the people an
    // agency phrase turns away ("For healthcare providers and patients":
    // one that turns no one away lists them beside the agencies).
    let turns_away = |&(s, e): &(usize, usize)| {
        tokens
            .iter()
            .filter(|t| s <= t.start && t.end <= e)
            .filter_map(Token::word)
            .any(says_no)
    };
    let listed_after_agency = |k: usize| {
        let joined = k
            .checked_sub(1)
            .and_then(|j| tokens.get(j))
            .is_some_and(|t| t.is_word("or") || t.is_word("and") || t.is_punct(','));
        joined
            && k.checked_sub(2)
                .and_then(|j| tokens.get(j))
                .is_some_and(|t| {
                    agency_spans
                        .iter()
                        .any(|span| span.1 == t.end && turns_away(span))
                })
    };
    tokens.iter().enumerate().any(|(k, t)| {
        t.word().is_some_and(|w| INDIVIDUAL.contains(&w))
            && !negated(k)
            && !within(&sent_elsewhere, t)
            && !within(agency_spans, t)
            && !an_organizations(k)
            && !listed_after_agency(k)
            && !names_a_profession(k)
    })
}

/// "Age 55 or over for activities; age 60 or over for meals": ages each
/// stated for a part of the service, which serves their union.
pub(super) fn program_ages(text: &str, group: &[&Term]) -> Option<Value> {
    let for_a_part = |t: &Term| {
        text.get(t.end..)
            .is_some_and(|rest| rest.trim_start().to_lowercase().starts_with("for "))
    };
    let ranges: Vec<AgeRange> = group
        .iter()
        .map(|t| match &t.value {
            Value::Age(range, _) if range.of == AgeOf::Client && for_a_part(t) => Some(*range),
            _ => None,
        })
        .collect::<Option<_>>()?;
    (ranges.len() > 1).then(|| {
        Value::Age(
            AgeRange {
                min: age_union(ranges.iter().map(|r| r.min), f64::min),
                max: age_union(ranges.iter().map(|r| r.max), f64::max),
                of: AgeOf::Client,
            },
            false,
        )
    })
}

/// The loosest of several bounds: none when any side is open.
fn age_union(
    bounds: impl Iterator<Item = Option<f64>>,
    loosest: fn(f64, f64) -> f64,
) -> Option<f64> {
    bounds
        .collect::<Option<Vec<f64>>>()?
        .into_iter()
        .reduce(loosest)
}

/// The groups of several population terms pooled (None when a term is
/// not a population).
fn population_union(terms: &[&Term]) -> Option<Vec<Situation>> {
    let mut all = Vec::new();
    for term in terms {
        let Value::Population(list) = &term.value else {
            return None;
        };
        all.extend(list.iter().copied());
    }
    Some(dedup(all))
}

/// The groups every population term names (None when a term is not a
/// population or none is common).
fn groups_in_common(terms: &[&Term]) -> Option<Vec<Situation>> {
    let lists: Vec<&Vec<Situation>> = terms
        .iter()
        .map(|t| match &t.value {
            Value::Population(list) => Some(list),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let (first, rest) = lists.split_first()?;
    let common: Vec<Situation> = first
        .iter()
        .copied()
        .filter(|s| rest.iter().all(|l| l.contains(s)))
        .collect();
    (!common.is_empty()).then_some(common)
}

fn set_unknown(e: &mut Eligibility, value: &Value, text: &str) {
    fn unknown<T>(text: &str) -> Constraint<T> {
        Constraint::Unknown {
            text: text.to_owned(),
        }
    }
    match value {
        Value::Open => {}
        Value::Age(..) => e.age = unknown(text),
        Value::Gender(_) => e.gender = unknown(text),
        Value::Population(_) => e.populations = unknown(text),
        Value::Income(_) => e.income = unknown(text),
        Value::Residency(_) => e.residency = unknown(text),
        Value::Requirement(_) | Value::Agency => {}
    }
}

/// "... to low-income residents ... Household income must be at or below
/// 200% of the federal poverty guidelines": low income named beside one
/// figure is that figure's name; the figure is the limit.
fn income_figure(group: &[&Term]) -> Option<Value> {
    let low = Value::Income(IncomeLimit::LowIncome);
    let named_low = group.iter().any(|t| t.value == low);
    let mut figures = group.iter().map(|t| &t.value).filter(|v| **v != low);
    let figure = figures.next()?;
    (named_low && figures.all(|v| v == figure)).then(|| figure.clone())
}
