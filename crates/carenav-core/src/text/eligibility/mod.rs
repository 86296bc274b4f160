//! Free-text eligibility ("ages 5 - 14", "women only") into [`Eligibility`].
//!
//! A small rule engine. The phrases it knows are data, one table per kind of
//! constraint, in `tables.rs` (`AGE`, `GENDER`, `POPULATION`, `INCOME`,
//! `RESIDENCY`, plus `OPEN` phrases, fillers and connectors); `pattern.rs`
//! matches a pattern at a token and finds, by the token, the rows of a table
//! worth trying there; `place.rs` reads place names; `item.rs` reads the
//! item (a term, a connector) at a token with them; `combine.rs` reads a
//! sentence, whole from its items or in part; `sentence.rs` splits a text
//! into sentences and says what a sentence means beyond its items;
//! `scan.rs` reads the sentences not read whole; `assemble.rs` makes one
//! reading of all the sentences' terms; this file walks the sentences;
//! `tests.rs` holds the cases. A pattern is a string of tokens: a word or
//! punctuation, `a|b` alternatives (of one token each), a trailing `?` for
//! an optional token, `#` for a number, `$#` for a dollar amount, `$h` for
//! amounts per household size ("$39,600 for 1 person, $45,250 for 2"), `$`
//! for a list of place names (capitalized words, "A, B or C") and `$c` for
//! a list of counties or states.
//!
//! Before matching, wordings that say what a shorter one the tables know
//! says ("dealing with", "income not to exceed", "Maximum income:") are
//! read as it (`SAME_AS`), so one row serves every way of writing a
//! condition instead of a row for each.
//!
//! Reading goes sentence by sentence (split at `;` and at `.` ending a
//! sentence). Every token of a sentence must be covered by some pattern,
//! longest match first; a sentence with any unknown word is not used at all
//! and goes to [`Eligibility::to_verify`], because the unknown words may
//! change what the known ones mean ("Age 18 or over *to become a member*").
//!
//! Within a read sentence, stacked terms ("Homeless men") and comma-separated
//! ones ("Resident of San Mateo County, age 18 or over") are all required;
//! a list joined by `or` ("Low income, disabled, or senior") is a choice of
//! populations; `and` between two populations is a union ("veterans and
//! military"). Anything the model cannot express (two ages, `or` between an
//! age and a population, `and` between a gender and a population) leaves the
//! sentence unread.
//!
//! Confidence is High only for a reading of the whole text; when some
//! sentence was left to verify, or a sentence said "None", every restriction
//! read from the text drops to Low: a sentence carenav could not read may
//! widen eligibility ("Age 60 or over. Must be a member": of what?). A
//! short sentence of times and things offered, with no word a table knows,
//! no word that could admit, exclude or ask for something ("only",
//! "accepted", "must", "for", ...) and no name ("Check in by 7pm",
//! "Showers and laundry"), or one saying how to come that asks nothing
//! ("Walk-ins welcome"), is still left to verify, but casts no doubt.
//! A sentence that is only a list of towns ("...; Richmond, San Pablo")
//! names where the people the other sentences name live; beside no one
//! named, such capitalized words are as often topics ("Probate; Wills"),
//! left to verify.

use crate::eligibility::{AgeOf, Confidence, Constraint, Eligibility, RequirementKind};
use crate::situation::Situation;
use crate::text::Coverage;
use crate::text::token::{Token, tokenize};

mod assemble;
mod combine;
mod item;
mod pattern;
mod place;
mod scan;
mod sentence;
mod tables;
#[cfg(test)]
mod tests;

use assemble::assemble;
use combine::{SentenceReading, read_in_part, read_sentence};
use item::{Hint, Term, Value, dimension, senior_age};
use pattern::{Indexed, contains_any, match_pattern};
use place::is_vocabulary;
use sentence::{
    FOR_A_PART, WIDENING_ROWS, about_others, appointment_called_for, ends_for_a_program,
    ends_for_other_services, excepts_an_age, groups_named, heading, prepare, proofs_listed,
    says_nothing_of_who, sentences, states_a_time,
};
use tables::*;

/// What [`read_eligibility`] made of a text.
#[derive(Debug, Clone, PartialEq)]
pub struct EligibilityReading {
    /// The constraints read, with unread sentences in `to_verify`.
    pub eligibility: Eligibility,
    /// How much of the text was read.
    pub coverage: Coverage,
}

/// Reads a free-text eligibility description into structured constraints.
///
/// Text that states a condition carenav cannot read goes to
/// [`Eligibility::to_verify`]; text that says there is no restriction
/// ("None", "Open to all") gives an open eligibility.
///
/// ```
/// use carenav_core::text::eligibility_from_text;
/// use carenav_core::{AgeRange, Constraint};
/// let e = eligibility_from_text("Age 18 or over");
/// assert_eq!(e.age.value(), Some(&AgeRange::client(Some(18.0), None)));
/// assert!(eligibility_from_text("None").is_open());
/// assert_eq!(eligibility_from_text("Membership by invitation").to_verify.len(), 1);
/// ```
pub fn eligibility_from_text(text: &str) -> Eligibility {
    read_eligibility(text).eligibility
}

/// How much of a text is read. Eligibility texts in real directories are
/// under 1.5 KB; the rest of a longer one is left to verify, because reading
/// a sentence in part costs more than linear time in its length, and an
/// import must not stall on one runaway field.
const MAX_READ_BYTES: usize = 4096;

/// Where reading stops: the end of the last sentence within
/// [`MAX_READ_BYTES`], or the last whole character when none ends there.
fn read_limit(text: &str) -> usize {
    if text.len() <= MAX_READ_BYTES {
        return text.len();
    }
    let mut cut = MAX_READ_BYTES;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.get(..cut)
        .and_then(|head| head.rfind(['.', ';']))
        .map_or(cut, |p| p + 1)
}

/// Reads a free-text eligibility description and says how much of it was read.
pub fn read_eligibility(text: &str) -> EligibilityReading {
    let limit = read_limit(text);
    let tokens = prepare(tokenize(text.get(..limit).unwrap_or_default()));
    let mut readings = Vec::new();
    let mut unread = Vec::new();
    let mut idle = Vec::new();
    let mut scanned = Vec::new();
    let mut place_lists = Vec::new();
    let parts = sentences(&tokens);
    let open_for_some = some_programs_open(&parts);
    // "Age 50 or over. Age 60 or over for the nutrition program": a
    // sentence closed by the program it is for states that sub-program's
    // conditions when the text says more.
    // "Age 16 or over for other services", "For CCB scholarships: ...":
    // a sub-program's conditions even when alone.
    let for_a_program = |s: &[Token]| {
        (parts.len() > 1 && ends_for_a_program(s))
            || ends_for_other_services(s)
            || (heading(s) && s.first().is_some_and(|t| t.is_word("for")))
    };
    // "Child must be age 19 or under ... Family must live ...": beside a
    // sentence about the parents or family, a child's age is the child's.
    let parents_named = parts.iter().any(|s| {
        s.first()
            .is_some_and(|t| PARENT_SUBJECT.iter().any(|w| t.is_word(w)))
    });
    // "... six month limited card for out of state residents": people from
    // elsewhere are served too; no place restricts.
    let outsiders_served = contains_any(OUTSIDERS, &tokens);
    // "... for low-income pregnant women. Also serves seniors 60 or over":
    // a sentence opened by "also" widens who is served. Its groups join
    // the others (any qualifies); its ages, gender, income and places
    // would narrow the others', so they are not read as restrictions, and
    // when it states an age or gender of its own, the groups differ in
    // them: no age or gender is the service's.
    let widens = |s: &[Token]| parts.len() > 1 && s.first().is_some_and(|t| t.is_word("also"));
    let mut widened_with_own_age_or_gender = false;
    let mut widened_groups = false;
    // "Age 60 or over. Can be younger if disabled": an exception to the
    // age, with the groups it lets in.
    let mut age_exception: Option<Vec<Situation>> = None;
    let headed = parts.iter().filter(|s| heading(s)).count();
    let mut per_heading: Vec<Vec<Value>> = Vec::new();
    for (k, sentence) in parts.iter().enumerate() {
        let (Some(first), Some(last)) = (sentence.first(), sentence.last()) else {
            continue;
        };
        // Closing brackets are dropped from the tokens, not from the text.
        let closing = text.get(last.end..).map_or(0, |rest| {
            rest.len() - rest.trim_start_matches([')', ']']).len()
        });
        let span = (first.start, last.end + closing);
        let mut reading = match read_sentence(text, sentence) {
            Some(reading) => reading,
            None => {
                let reading = read_in_part(text, sentence);
                if reading.scanned {
                    // Still to verify, but no doubt on the others.
                    if reading.terms.is_empty() && says_nothing_of_who(sentence) {
                        idle.push(span);
                    } else {
                        unread.push(span);
                    }
                }
                reading
            }
        };
        // "Hearing loss of any degree; all ages": a sentence opening the
        // ages only leaves the other sentences' conditions whole (its
        // widening voids their ages).
        if reading.open && opens_ages_only(sentence) {
            reading.open = false;
        }
        if parts.len() > 1 && excepts_an_age(sentence) {
            let groups = age_exception.get_or_insert_with(Vec::new);
            groups.extend(groups_named(text, sentence));
            continue;
        }
        // Beside a program open to all, what the others need is theirs.
        if open_for_some {
            reading.terms.retain(|t| dimension(&t.value) > 6);
        } else if for_a_program(sentence) {
            reading.terms.retain(|t| dimension(&t.value) > 5);
        }
        drop_others_terms(sentence, parts.len() > 1, &mut reading.terms);
        read_child_subject(sentence, parents_named, &mut reading.terms);
        if outsiders_served {
            reading
                .terms
                .retain(|t| !matches!(t.value, Value::Residency(_)));
        }
        if widens(sentence) {
            widened_with_own_age_or_gender |= reading
                .terms
                .iter()
                .any(|t| matches!(t.value, Value::Age(..) | Value::Gender(_)));
            reading
                .terms
                .retain(|t| matches!(t.value, Value::Population(_)) || dimension(&t.value) > 5);
            widened_groups |= reading
                .terms
                .iter()
                .any(|t| matches!(t.value, Value::Population(_)));
        }
        if headed > 1 && heading(sentence) {
            per_heading.push(reading.terms.iter().map(|t| t.value.clone()).collect());
        }
        reading.terms.extend(proofs_listed(sentence));
        reading.terms.extend(appointment_called_for(sentence));
        // "Referral from Family Court for some services", "Proof of income
        // for discounted fees": a part's or a discount's conditions, its
        // requirements too; none is a condition of coming.
        if !reading.terms.is_empty() && contains_any(FOR_A_PART, sentence) {
            reading.terms.clear();
            if !reading.scanned {
                unread.push(span);
            }
        }
        if reading.scanned {
            scanned.extend(reading.terms);
        } else {
            if k > 0 && names_places_only(&reading, sentence) {
                place_lists.push((readings.len(), span));
            }
            readings.push(reading);
        }
    }
    // "Hearing impaired seniors; Marin": places closing a text name where
    // the people the other sentences name live; beside no one named, the
    // capitalized words are as often topics ("Probate; Wills; Guardian
    // Advocacy").
    let someone_named = readings
        .iter()
        .flat_map(|r| r.terms.iter())
        .chain(&scanned)
        .any(|t| !matches!(t.value, Value::Residency(_) | Value::Open));
    if !someone_named {
        for &(k, span) in &place_lists {
            if let Some(reading) = readings.get_mut(k) {
                reading.terms.clear();
                idle.push(span);
            }
        }
    }
    // "Anyone willing to stand in line will be served. ... Families & folks
    // age 60+: 10-11:30am": beside a sentence opening the service to all,
    // phrases picked out of unread sentences are about times, sections or
    // turns, not who may come.
    if readings.iter().any(|r| r.open) {
        scanned.retain(|t| dimension(&t.value) > 5);
    }
    for widening in widenings_stated(&parts) {
        retain_terms(&mut readings, &mut scanned, |t| !widening.voids(&t.value));
    }
    if widened_with_own_age_or_gender {
        retain_terms(&mut readings, &mut scanned, |t| {
            !matches!(t.value, Value::Age(..) | Value::Gender(_))
        });
    }
    if let Some(groups) = age_exception {
        except_the_age(text, groups, &mut readings, &mut scanned);
    }
    // "Group Home: ... child age 6-18. Respite Care: ... child, birth to age
    // 18": several sub-programs; only what they all say is the service's.
    if headed > 1 {
        retain_terms(&mut readings, &mut scanned, |t| {
            dimension(&t.value) > 5 || per_heading.iter().all(|vs| vs.contains(&t.value))
        });
    }
    // A widening sentence makes the groups of all sentences one choice,
    // pooled as a hint whatever they were read from.
    if widened_groups {
        let pooled = |t: &mut Term| {
            if matches!(t.value, Value::Population(_)) {
                t.hint = Hint::Always;
            }
        };
        readings
            .iter_mut()
            .flat_map(|r| r.terms.iter_mut())
            .for_each(pooled);
        scanned.iter_mut().for_each(pooled);
    }
    if walk_in_stated(&tokens) {
        retain_terms(&mut readings, &mut scanned, |t| {
            t.value != Value::Requirement(RequirementKind::Appointment)
        });
    }
    // "Proof of residence (PG&E bill, rental agreement, driver's license or
    // ID)": documents that may serve as the proof, not each required.
    let examples = examples_of_a_proof(text, &tokens);
    if !examples.is_empty() {
        retain_terms(&mut readings, &mut scanned, |t| {
            !matches!(t.value, Value::Requirement(_))
                || !examples.iter().any(|(s, e)| (*s..*e).contains(&t.start))
        });
    }
    // Beyond the limit: one stretch to verify, which lowers confidence like
    // any sentence not read.
    if limit < text.len() {
        unread.push((limit, text.len()));
    }
    assemble(text, &readings, &scanned, &unread, &idle)
}

/// Whether a sentence read whole is a bare list of towns, capitalized
/// names and their joints only ("Richmond, San Pablo, El Sobrante"; not
/// "Resident of San Mateo County").
fn names_places_only(reading: &SentenceReading, sentence: &[Token]) -> bool {
    let bare = sentence.iter().all(|t| match t.word() {
        Some(w) => (t.capitalized && !is_vocabulary(w)) || ["and", "or", "of"].contains(&w),
        None => true,
    });
    // (Counties alone are read as they always were: "Alameda County" names
    // no topic.)
    let towns = |names: &[String]| {
        !names
            .iter()
            .all(|n| n.ends_with(" County") || n.ends_with(" Counties"))
    };
    bare && matches!(reading.terms.as_slice(), [t]
        if matches!(&t.value, Value::Residency(Some(names)) if towns(names)))
}

/// Whether a sentence says only that every age is served ("All ages",
/// "all ages welcome").
fn opens_ages_only(sentence: &[Token]) -> bool {
    let mut words = sentence.iter().filter_map(Token::word);
    let all_words_say_ages = words.all(|w| ["all", "ages", "for", "are", "welcome"].contains(&w));
    all_words_say_ages && sentence.iter().any(|t| t.is_word("ages"))
}

/// "None for most programs. 4-H: Ages 5-19", "Most programs open to
/// all", "Food pantry: no restrictions. Rent help: ...": some programs
/// are open, so the conditions stated are another program's, not the
/// service's.
fn some_programs_open(parts: &[&[Token]]) -> bool {
    parts.iter().any(|s| {
        (s.first().is_some_and(|t| t.is_word("none")) && s.get(1).is_some_and(|t| t.is_word("for")))
            || contains_any(OPEN_FOR_SOME, s)
            || (parts.len() > 1
                && heading(s)
                && contains_any(&["no eligibility? restrictions|requirements"], s))
    })
}

/// Drops the terms of a sentence (one of `several`, or alone) that say
/// something other than who may come.
fn drop_others_terms(sentence: &[Token], several: bool, terms: &mut Vec<Term>) {
    // "Seniors over 60, breakfast is at 7:30am", "Homeless dental clinic
    // MTh 8am": beside other sentences, people given a time are one
    // section's or turn's, not who may come.
    if several && states_a_time(sentence) {
        terms.retain(|t| dimension(&t.value) > 3);
    }
    // "Children in foster care ... qualify regardless of income": the
    // groups an exception lets in, not who may come.
    if contains_any(&["qualify|qualifies|eligible regardless"], sentence) {
        terms.retain(|t| !matches!(t.value, Value::Population(_)));
    }
    // "Jesuit volunteers must be age 21 or over", "Physically disabled
    // services on a case-by-case basis": someone else's conditions, or
    // an exception; none restricts the client.
    // (Unless it turns individuals away: "We do not serve individuals".)
    if about_others(sentence) {
        terms.retain(|t| t.value == Value::Agency);
    }
    // "Kids under 12 must be accompanied by an adult": who needs a
    // companion, not who may come.
    if sentence.iter().any(|t| t.is_word("accompanied")) {
        terms.retain(|t| !matches!(&t.value, Value::Age(..)) && !only_age_groups(&t.value));
    }
}

/// The terms of a sentence whose subject is a child ("Child must ...",
/// "Children ..."); `parents_named`: whether a sentence of the text is about
/// the parents or family.
fn read_child_subject(sentence: &[Token], parents_named: bool, terms: &mut [Term]) {
    // "Child must reside in San Mateo County": the child is the subject
    // of another condition; that the client is a child is a hint (the
    // parent may be the one asking).
    let child_subject = sentence
        .first()
        .is_some_and(|t| t.is_word("child") || t.is_word("children"));
    if child_subject && sentence.get(1).is_some_and(|t| t.is_word("must")) {
        for term in terms.iter_mut().filter(|t| only_age_groups(&t.value)) {
            term.confidence = Confidence::Low;
        }
    }
    if parents_named && child_subject {
        for term in terms.iter_mut() {
            if let Value::Age(range, _) = &mut term.value {
                range.of = AgeOf::Child;
            }
        }
    }
}

/// The widenings the sentences state, each once, in the order first found.
fn widenings_stated(parts: &[&[Token]]) -> Vec<Widening> {
    let mut widenings: Vec<Widening> = Vec::new();
    for part in parts {
        for i in 0..part.len() {
            for (pattern, widening) in WIDENING_ROWS.at(part, i) {
                if !widenings.contains(widening) && match_pattern(pattern, part, i).is_some() {
                    widenings.push(*widening);
                }
            }
        }
    }
    widenings
}

/// The age excepted is no restriction: a senior's age offered beside the
/// groups the exception lets in stands for seniors, one choice among
/// them (a hint).
fn except_the_age(
    text: &str,
    groups: Vec<Situation>,
    readings: &mut [SentenceReading],
    scanned: &mut Vec<Term>,
) {
    let mut choice = Vec::new();
    retain_terms(readings, scanned, |t| match &t.value {
        Value::Age(range, _) if range.of == AgeOf::Client && range.min.is_some() => {
            if senior_age(&t.value) {
                choice.push(Situation::Senior);
            }
            false
        }
        _ => true,
    });
    if !choice.is_empty() && !groups.is_empty() {
        choice.extend(groups);
        scanned.push(Term {
            value: Value::Population(dedup(choice)),
            start: 0,
            end: text.len(),
            confidence: Confidence::Low,
            hint: Hint::Always,
            stands_for: Vec::new(),
        });
    }
}

/// "Drop-in or call for appointment", "on a drop-in basis": no
/// appointment is needed ("No walk-ins" says the opposite).
fn walk_in_stated(tokens: &[Token]) -> bool {
    (0..tokens.len()).any(|i| {
        WALK_IN
            .iter()
            .any(|p| match_pattern(p, tokens, i).is_some())
            && !(i.saturating_sub(2)..i).any(|k| {
                tokens.get(k).and_then(Token::word).is_some_and(|w| {
                    NEGATION.contains(&w) || ["cannot", "can't", "don't"].contains(&w)
                })
            })
    })
}

/// The byte spans of brackets opened right after "proof of <what>"
/// (brackets are not tokens; the text is searched for them).
fn examples_of_a_proof(text: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for (open, _) in text.match_indices('(') {
        let before = tokens.iter().rposition(|t| t.end <= open);
        let after_proof = before
            .and_then(|k| k.checked_sub(2).and_then(|p| tokens.get(p..=k)))
            .is_some_and(|words| {
                matches!(words, [proof, of, what]
                    if proof.is_word("proof") && of.is_word("of") && what.word().is_some())
            });
        if after_proof {
            let close = text
                .get(open..)
                .and_then(|rest| rest.find(')'))
                .map_or(text.len(), |k| open + k);
            spans.push((open, close));
        }
    }
    spans
}

/// Keeps, in every sentence read and among the phrases picked out of the
/// others, the terms `keep` accepts (in text order).
fn retain_terms(
    readings: &mut [SentenceReading],
    scanned: &mut Vec<Term>,
    mut keep: impl FnMut(&Term) -> bool,
) {
    for r in readings.iter_mut() {
        r.terms.retain(&mut keep);
    }
    scanned.retain(keep);
}

/// Whether a term names only groups that imply an age (children, youth,
/// seniors).
fn only_age_groups(value: &Value) -> bool {
    matches!(value, Value::Population(s) if s.iter().all(|x| AGE_POPULATIONS.contains(x)))
}

// Read for every service an index holds, by the word a cue opens with.
static NAME_CUE_ROWS: Indexed<(&str, Cue, Confidence)> = Indexed::new(NAME_CUES);

/// The eligibility with what the service's name says added on the
/// dimensions `eligibility` leaves open (gender, populations); None when the
/// name adds nothing.
///
/// ```
/// use carenav_core::text::eligibility::with_name_cues;
/// use carenav_core::{Eligibility, Gender};
/// let e = with_name_cues("Maple Street Women's Shelter", &Eligibility::default()).unwrap();
/// assert_eq!(e.gender.value(), Some(&Gender::Female));
/// assert!(with_name_cues("Women, Infants and Children", &Eligibility::default()).is_none());
/// ```
pub fn with_name_cues(name: &str, eligibility: &Eligibility) -> Option<Eligibility> {
    let tokens = prepare(tokenize(name));
    let mut out: Option<Eligibility> = None;
    for i in 0..tokens.len() {
        for (pattern, cue, confidence) in NAME_CUE_ROWS.at(&tokens, i) {
            if match_pattern(pattern, &tokens, i).is_none() {
                continue;
            }
            let e = out.get_or_insert_with(|| eligibility.clone());
            match cue {
                Cue::Gender(g) if e.gender.is_open() => {
                    e.gender = Constraint::from_text(*g, name, *confidence);
                }
                Cue::Population(p) if e.populations.is_open() && e.age.is_open() => {
                    e.populations = Constraint::from_text(vec![*p], name, *confidence);
                }
                _ => {}
            }
        }
    }
    out.filter(|e| e != eligibility)
}

/// The items, each once, in the order first seen (shared by the submodules).
fn dedup<T: PartialEq>(items: Vec<T>) -> Vec<T> {
    let mut out = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}
