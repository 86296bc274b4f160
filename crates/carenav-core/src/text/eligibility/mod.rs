//! Free-text eligibility ("ages 5 - 14", "women only") into [`Eligibility`].
//!
//! A small rule engine. The phrases it knows are data, one table per kind of
//! constraint, in `tables.rs` (`AGE`, `GENDER`, `POPULATION`, `INCOME`,
//! `RESIDENCY`, plus `OPEN` phrases, fillers and connectors); `pattern.rs`
//! matches a pattern at a token and finds, by the token, the rows of a table
//! worth trying there; `place.rs` reads place names; this file reads
//! sentences with them, and `scan.rs` the sentences it cannot read whole;
//! `tests.rs` holds the cases. A pattern is a string of tokens: a word or
//! punctuation, `a|b` alternatives (of one token each), a trailing `?` for
//! an optional token, `#` for a number, `$#` for a dollar amount, `$h` for
//! amounts per household size ("$39,600 for 1 person, $45,250 for 2"), `$`
//! for a list of place names (capitalized words, "A, B or C") and `$c` for
//! a list of counties or states.
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
//! widen eligibility ("Age 60 or over. Must be a member": of what?).

use crate::eligibility::{
    AgeOf, AgeRange, Confidence, Constraint, Eligibility, HouseholdLimit, HouseholdLimits,
    IncomeLimit, Requirement, RequirementKind,
};
use crate::matching::facts::SENIOR_AGE;
use crate::situation::{Gender, Situation};
use crate::text::Coverage;
use crate::text::token::{Kind, Token, tokenize};

mod pattern;
mod place;
mod scan;
mod tables;
#[cfg(test)]
mod tests;

use pattern::{Indexed, contains_any, first_match, household_limit_continues, match_pattern};
use scan::scan_sentence;
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
    let mut scanned = Vec::new();
    let parts = sentences(&tokens);
    // "None for most programs. 4-H: Ages 5-19", "Most programs open to
    // all", "Food pantry: no restrictions. Rent help: ...": some programs
    // are open, so the conditions stated are another program's, not the
    // service's.
    let open_for_some = parts.iter().any(|s| {
        (s.first().is_some_and(|t| t.is_word("none")) && s.get(1).is_some_and(|t| t.is_word("for")))
            || contains_any(OPEN_FOR_SOME, s)
            || (parts.len() > 1
                && heading(s)
                && contains_any(&["no eligibility? restrictions|requirements"], s))
    });
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
    for sentence in &parts {
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
                // "Priority given to Daly City residents", "Federal and San
                // Mateo County preferences apply": who comes first among
                // those eligible, read as such (no doubt about who is; a
                // scan keeps only its requirements).
                let preference_at = first_match(PREFERENCE, sentence);
                let around =
                    preference_at.and_then(|at| read_around_preference(text, sentence, at));
                let reading = around.unwrap_or_else(|| {
                    let preference = preference_at.is_some();
                    SentenceReading {
                        open: false,
                        terms: scan_sentence(text, sentence, preference),
                        scanned: !preference,
                    }
                });
                if reading.scanned {
                    unread.push(span);
                }
                reading
            }
        };
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
        // "Seniors over 60, breakfast is at 7:30am", "Homeless dental clinic
        // MTh 8am": beside other sentences, people given a time are one
        // section's or turn's, not who may come.
        if parts.len() > 1 && states_a_time(sentence) {
            reading.terms.retain(|t| dimension(&t.value) > 3);
        }
        // "Children in foster care ... qualify regardless of income": the
        // groups an exception lets in, not who may come.
        if contains_any(&["qualify|qualifies|eligible regardless"], sentence) {
            reading
                .terms
                .retain(|t| !matches!(t.value, Value::Population(_)));
        }
        // "Jesuit volunteers must be age 21 or over", "Physically disabled
        // services on a case-by-case basis": someone else's conditions, or
        // an exception; none restricts the client.
        // (Unless it turns individuals away: "We do not serve individuals".)
        if about_others(sentence) {
            reading.terms.retain(|t| t.value == Value::Agency);
        }
        // "Kids under 12 must be accompanied by an adult": who needs a
        // companion, not who may come.
        if sentence.iter().any(|t| t.is_word("accompanied")) {
            reading
                .terms
                .retain(|t| !matches!(&t.value, Value::Age(..)) && !only_age_groups(&t.value));
        }
        // "Child must reside in San Mateo County": the child is the subject
        // of another condition; that the client is a child is a hint (the
        // parent may be the one asking).
        let child_subject = sentence
            .first()
            .is_some_and(|t| t.is_word("child") || t.is_word("children"));
        if child_subject && sentence.get(1).is_some_and(|t| t.is_word("must")) {
            for term in reading
                .terms
                .iter_mut()
                .filter(|t| only_age_groups(&t.value))
            {
                term.confidence = Confidence::Low;
            }
        }
        if parents_named && child_subject {
            for term in &mut reading.terms {
                if let Value::Age(range, _) = &mut term.value {
                    range.of = AgeOf::Child;
                }
            }
        }
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
            readings.push(reading);
        }
    }
    // "Anyone willing to stand in line will be served. ... Families & folks
    // age 60+: 10-11:30am": beside a sentence opening the service to all,
    // phrases picked out of unread sentences are about times, sections or
    // turns, not who may come.
    if readings.iter().any(|r| r.open) {
        scanned.retain(|t| dimension(&t.value) > 5);
    }
    let mut widenings: Vec<Widening> = Vec::new();
    for part in &parts {
        for i in 0..part.len() {
            for (pattern, widening) in WIDENING_ROWS.at(part, i) {
                if !widenings.contains(widening) && match_pattern(pattern, part, i).is_some() {
                    widenings.push(*widening);
                }
            }
        }
    }
    for widening in widenings {
        retain_terms(&mut readings, &mut scanned, |t| !widening.voids(&t.value));
    }
    if widened_with_own_age_or_gender {
        retain_terms(&mut readings, &mut scanned, |t| {
            !matches!(t.value, Value::Age(..) | Value::Gender(_))
        });
    }
    // The age excepted is no restriction: a senior's age offered beside the
    // groups the exception lets in stands for seniors, one choice among
    // them (a hint).
    if let Some(groups) = age_exception {
        let mut choice = Vec::new();
        retain_terms(&mut readings, &mut scanned, |t| match &t.value {
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
    // "Drop-in or call for appointment", "on a drop-in basis": no
    // appointment is needed ("No walk-ins" says the opposite).
    let walk_in = (0..tokens.len()).any(|i| {
        WALK_IN
            .iter()
            .any(|p| match_pattern(p, &tokens, i).is_some())
            && !(i.saturating_sub(2)..i).any(|k| {
                tokens.get(k).and_then(Token::word).is_some_and(|w| {
                    NEGATION.contains(&w) || ["cannot", "can't", "don't"].contains(&w)
                })
            })
    });
    if walk_in {
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
    assemble(text, &readings, &scanned, &unread)
}

/// Whether a sentence gives a time of day ("8am", "10-11:30 a.m.").
fn states_a_time(sentence: &[Token]) -> bool {
    (0..sentence.len()).any(|k| {
        let at = |d: usize| sentence.get(k + d);
        at(0).is_some_and(|n| n.digits().is_some())
            && (at(1).is_some_and(|w| w.is_word("am") || w.is_word("pm"))
                || (at(1).is_some_and(|w| w.is_word("a") || w.is_word("p"))
                    && at(2).is_some_and(|t| t.is_punct('.'))
                    && at(3).is_some_and(|w| w.is_word("m"))))
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

/// "Call M-Sa 9am-4pm for interview appt", "Sign up 9am Friday for
/// appointment": a clause opened by calling or signing up that goes on to
/// an appointment asks for one, whatever days and hours come between. The
/// clause opens the sentence, follows a colon, or is capitalized ("Weekly
/// food pantry (Friday) Sign up 9am Friday for appointment").
fn appointment_called_for(sentence: &[Token]) -> Option<Term> {
    let opens = |p: usize| {
        let t = sentence.get(p)?;
        let verb = t.is_word("call") || (t.is_word("sign") && sentence.get(p + 1)?.is_word("up"));
        let starts_clause = p == 0
            || t.capitalized
            || p.checked_sub(1)
                .and_then(|q| sentence.get(q))
                .is_some_and(|c| c.is_punct(':'));
        Some(verb && starts_clause)
    };
    let open = (0..sentence.len()).find(|&p| opens(p) == Some(true))?;
    let at = (open + 1..sentence.len()).find(|&i| {
        match_pattern(
            "for an|a? interview|intake? appointment|appointments|appt",
            sentence,
            i,
        )
        .is_some()
    })?;
    let (first, last) = (sentence.get(open)?, sentence.get(at..)?.last()?);
    Some(Term {
        value: Value::Requirement(RequirementKind::Appointment),
        start: first.start,
        end: last.end,
        confidence: Confidence::High,
        hint: Hint::ByKind,
        stands_for: Vec::new(),
    })
}

/// What "proof of" asks for in each item of the list it opens: "Proof of
/// child's birth, San Mateo County residency, income of parents" asks for
/// proof of residency and of income. The list runs over commas, "and" and
/// "or" to the end of the sentence, and stops at an item saying what the
/// client "must" be, or after one saying the proof is "required". Proofs
/// asked for "if" something are not read (the sentence is to verify).
fn proofs_listed(sentence: &[Token]) -> Vec<Term> {
    const PROVED: &[(&str, RequirementKind)] = &[
        ("income", RequirementKind::IncomeProof),
        ("incomes", RequirementKind::IncomeProof),
        ("residency", RequirementKind::ResidencyProof),
        ("residence", RequirementKind::ResidencyProof),
        ("address", RequirementKind::ResidencyProof),
        ("identity", RequirementKind::Id),
    ];
    // "If you have them, bring ID ... and proof of income": optional.
    if sentence
        .iter()
        .any(|t| t.is_word("if") || t.is_word("unless"))
    {
        return Vec::new();
    }
    let separates =
        |t: &Token| t.is_punct(',') || t.is_punct('&') || t.is_word("and") || t.is_word("or");
    let Some(at) = (0..sentence.len()).find(|&k| {
        sentence
            .get(k)
            .is_some_and(|t| t.is_word("proof") || t.is_word("verification"))
            && sentence.get(k + 1).is_some_and(|t| t.is_word("of"))
    }) else {
        return Vec::new();
    };
    // "No ID, no proof of income", "no ID or proof of income is required",
    // "We do not ask for ID, proof of address or proof of income".
    if negation_before(sentence, at) || waived(sentence, at, at + 2) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let rest = sentence.get(at + 2..).unwrap_or_default();
    for item in rest.split(|t| separates(t)).filter(|i| !i.is_empty()) {
        if item.iter().any(|t| t.is_word("must")) {
            break;
        }
        let kinds: Vec<RequirementKind> = PROVED
            .iter()
            .filter(|(w, _)| item.iter().any(|t| t.is_word(w)))
            .map(|(_, kind)| *kind)
            .collect();
        let (Some(first), Some(last)) = (item.first(), item.last()) else {
            continue;
        };
        out.extend(kinds.into_iter().map(|kind| Term {
            value: Value::Requirement(kind),
            start: first.start,
            end: last.end,
            confidence: Confidence::High,
            hint: Hint::ByKind,
            stands_for: Vec::new(),
        }));
        if ["required", "needed", "necessary"]
            .iter()
            .any(|w| item.iter().any(|t| t.is_word(w)))
        {
            break;
        }
    }
    out
}

/// "No name, ID or proof of address is needed": a negation earlier in the
/// clause and "needed" (or "required") after the phrase at `start..end`,
/// with no "but" between, waive it.
fn waived(tokens: &[Token], start: usize, end: usize) -> bool {
    let clause_end = |t: &Token| t.is_word("but") || t.is_punct(';') || t.is_punct('.');
    let negated_before = tokens
        .get(..start)
        .unwrap_or_default()
        .iter()
        .rev()
        .take_while(|t| !clause_end(t))
        .any(|t| t.word().is_some_and(|w| w == "no"));
    let needed_after = tokens
        .get(end..)
        .unwrap_or_default()
        .iter()
        .take_while(|t| !clause_end(t))
        .any(|t| {
            t.word()
                .is_some_and(|w| ["needed", "required", "necessary"].contains(&w))
        });
    negated_before && needed_after
}

/// Whether a negation stands within the three words before `at`, with no
/// punctuation between ("not currently on parole", "no ID or proof of"),
/// or further back before words that only say what one must be ("you do
/// not need to be a veteran").
fn negation_before(tokens: &[Token], at: usize) -> bool {
    // "no more than 50%", "not to exceed": a ceiling, no negation.
    let ceiling = |k: usize| {
        tokens.get(k + 1).is_some_and(|t| {
            ["more", "greater", "higher", "exceed", "to"]
                .iter()
                .any(|w| t.is_word(w))
        })
    };
    let near = (at.saturating_sub(3)..at).rev().any(|k| {
        tokens
            .get(k..at)
            .is_some_and(|between| between.iter().all(|t| t.word().is_some()))
            && tokens
                .get(k)
                .and_then(Token::word)
                .is_some_and(|w| NEGATION.contains(&w))
            && !ceiling(k)
    });
    let stated = || {
        tokens.get(at.saturating_sub(7)..at).is_some_and(|before| {
            before
                .iter()
                .rev()
                .map_while(Token::word)
                .take_while(|w| NEGATION.contains(w) || MUST_BE.contains(w))
                .any(|w| NEGATION.contains(&w))
        })
    };
    near || stated() || need_not(tokens, at)
}

/// "You do not need to show ID or proof of income", "you don't have to
/// live in Hamilton County", "We do not ask for ID, proof of address or
/// proof of income": what the clause before `at` (over the commas of a
/// list, not past "but" or "must") says one need not do or is not asked for (a
/// negation, then "need to", "have to", "ask", "require" or "request").
fn need_not(tokens: &[Token], at: usize) -> bool {
    // ("..., and you must live in Hamilton County": a phrase of its own.)
    if tokens.get(at).is_some_and(|t| t.is_word("must")) {
        return false;
    }
    // Read backwards from `at` (asked of many phrases: no allocation).
    let (mut after_next, mut next) = (None, None);
    let clause = tokens
        .get(..at)
        .unwrap_or_default()
        .iter()
        .rev()
        .filter(|t| !t.is_punct(','))
        .map_while(Token::word)
        .take_while(|w| !["but", "must", "however"].contains(w));
    for word in clause {
        let negation = NEGATION.contains(&word) || word == "don't" || word == "doesn't";
        let need_to = matches!(next, Some("need" | "have")) && after_next == Some("to");
        let not_asked = matches!(next, Some("ask" | "require" | "request"));
        if negation && (need_to || not_asked) {
            return true;
        }
        (after_next, next) = (next, Some(word));
    }
    false
}

/// Phrases limiting a sentence's conditions, requirements included, to a
/// part of the service or to a discount.
const FOR_A_PART: &[&str] = &[
    "for some|certain|select programs|services|classes|activities",
    // "higher limits apply for seniors": another group's limits.
    "higher|different|other limits|limit|rules apply",
    "some|certain programs|services|classes|activities require|requires|have|may",
    "for a|the? discounted|reduced|sliding fee|fees|rate|rates|price|prices|scale",
    // "Some day trips are limited to members age 55 and up".
    "some|certain day? trips|outings|events|programs|services|classes|activities are|is limited|restricted|open",
];

/// Whether a sentence ends "for other services" (or programs, activities):
/// its conditions are some parts' of the service.
fn ends_for_other_services(sentence: &[Token]) -> bool {
    let words: Vec<&Token> = sentence.iter().filter(|t| t.word().is_some()).collect();
    let [.., for_, other, last] = words.as_slice() else {
        return false;
    };
    for_.is_word("for")
        && other.is_word("other")
        && ["services", "programs", "activities"]
            .iter()
            .any(|w| last.is_word(w))
}

/// Whether a sentence states the conditions of someone other than the
/// client ("Jesuit volunteers must be age 21 or over"), an exception made
/// "on a case-by-case basis", who is sent elsewhere ("women are referred
/// to the Family Center"), or who is not served ("we do not serve people
/// currently in custody").
fn about_others(sentence: &[Token]) -> bool {
    let subject_end = sentence
        .iter()
        .position(|t| {
            ["must", "should", "need", "needs"]
                .iter()
                .any(|w| t.is_word(w))
        })
        .unwrap_or(0);
    let others = sentence
        .get(..subject_end)
        .unwrap_or_default()
        .iter()
        .any(|t| NOT_CLIENTS.iter().any(|w| t.is_word(w)));
    let case_by_case = contains_any(&["case -? by -? case"], sentence);
    // Not who is referred here: "Youth are referred to us by probation".
    let sent_elsewhere = (contains_any(&["are|is referred|sent|directed to|elsewhere"], sentence)
        && !contains_any(&["to us|our|this", "by"], sentence))
        || contains_any(&["should call|contact|dial 211"], sentence)
        // "Caregivers and adult children may apply on the person's behalf".
        || contains_any(&["on the|their|his|her|your? person's|client's|behalf"], sentence);
    let not_served = contains_any(
        &[
            "do|does|will not serve|accept|admit",
            "cannot|can't serve|accept|admit",
        ],
        sentence,
    );
    others || case_by_case || sent_elsewhere || not_served
}

/// Whether a sentence makes an exception to an age stated elsewhere ("Can be
/// younger if disabled", "No age limit for handicapped person", "Can obtain
/// an exemption if younger"). "Age 17 or younger" states an age.
fn excepts_an_age(sentence: &[Token]) -> bool {
    let younger = sentence.iter().enumerate().any(|(k, t)| {
        t.is_word("younger") && !word_before(sentence, k).is_some_and(|w| w == "or" || w == "and")
    });
    let no_limit = contains_any(
        &["no age limit", "no age requirement", "no age restriction"],
        sentence,
    );
    // "60 and over; under 60 if disabled".
    let under_if = contains_any(&["under|below # if"], sentence);
    younger || no_limit || under_if
}

/// The groups a sentence names, each phrase read on its own.
fn groups_named(text: &str, sentence: &[Token]) -> Vec<Situation> {
    let groups = phrases(text, sentence)
        .into_iter()
        .filter_map(|(_, _, term)| match term.value {
            Value::Population(list) => Some(list),
            _ => None,
        })
        .flatten()
        .collect();
    dedup(groups)
}

/// Every phrase of a sentence read on its own, with its token span (words
/// no pattern knows are skipped).
fn phrases(text: &str, tokens: &[Token]) -> Vec<(usize, usize, Term)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match item_at(text, tokens, i) {
            Some((end, Item::Term(term))) => {
                found.push((i, end, term));
                i = end;
            }
            Some((end, Item::Terms(terms))) => {
                found.extend(terms.into_iter().map(|t| (i, end, t)));
                i = end;
            }
            Some((end, _)) => i = end,
            None => i += 1,
        }
    }
    found
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

// Asked of every sentence: indexed like the other tables. A widening
// may share its sentence with what it widens.
static WIDENING_ROWS: Indexed<(&str, Widening)> = Indexed::new(WIDENING);

impl Widening {
    /// Whether this widening voids a condition: "Swim lessons for all
    /// ages. Classes for toddlers ages 2-4 ..." (an age beside it is a
    /// class's); "Partners, family members and friends are welcome too"
    /// (whoever the others name, others come too); "Free for families
    /// earning less than $40,000; others pay a small fee" (who pays
    /// nothing, not who may come); "concurrent enrollment for high school
    /// students" (a college's ages and groups); "qualify regardless of
    /// income", "regardless of insurance status", "regardless of military
    /// service" (what does not matter).
    fn voids(self, value: &Value) -> bool {
        match self {
            Widening::AllAges => matches!(value, Value::Age(..)),
            Widening::ConcurrentEnrollment => {
                matches!(value, Value::Age(..) | Value::Population(_))
            }
            Widening::RegardlessOfIncome => matches!(value, Value::Income(_)),
            Widening::RegardlessOfInsurance => {
                matches!(value, Value::Population(s) if s.contains(&Situation::Uninsured))
            }
            Widening::RegardlessOfService => matches!(value, Value::Population(s)
                if s.iter().any(|x| matches!(x, Situation::Veteran | Situation::Military))),
            Widening::OthersWelcome => matches!(value, Value::Population(_)),
            Widening::OthersPay => {
                matches!(
                    value,
                    Value::Population(_) | Value::Income(_) | Value::Age(..)
                )
            }
        }
    }
}

/// Phrases stating who comes first, not who may come ("program
/// priorities", "federal preferences guidelines" are not among them).
const PREFERENCE: &[&str] = &[
    "priority|preference is? given",
    "priority|preference to",
    "priority|preference goes|go to",
    "have|has|receive|receives|get|gets first|top? priority",
    "first|top priority",
    "preferences apply",
    "served|seen first",
    // "seniors and disabled persons prioritized", "LGBTQIA+ neighbors are
    // especially welcome here".
    "prioritized|prioritised",
    "especially|particularly welcome",
];

/// Whether the age phrase at `start` follows a child someone has or cares
/// for: "of|have|has|with|their|your" then "child|children" within the ten
/// words before it ("and their children 12+").
fn childs_age(tokens: &[Token], start: usize) -> bool {
    let before: Vec<&Token> = tokens
        .get(start.saturating_sub(10)..start)
        .unwrap_or_default()
        .iter()
        .filter(|t| t.word().is_some() || t.number().is_some())
        .collect();
    // ("Parents and guardians of babies and toddlers up to age 3",
    // "families raising children 12 and under", "helps working parents
    // pay for child care for children under 13".)
    let child = before
        .iter()
        .position(|t| t.word().is_some_and(|w| CHILD_WORDS.contains(&w)));
    child.is_some_and(|c| {
        before.get(..c).unwrap_or_default().iter().any(|t| {
            ["of", "have", "has", "with", "their", "your", "raising"]
                .iter()
                .any(|w| t.is_word(w))
                || t.word().is_some_and(|w| PARENT_WORDS.contains(&w))
        })
    })
}

/// Whether a sentence ends "for [some] ... program(s)" ("Age 60 or over
/// for some federally funded programs").
fn ends_for_a_program(sentence: &[Token]) -> bool {
    let words: Vec<&Token> = sentence.iter().filter(|t| t.word().is_some()).collect();
    let Some(last) = words.last() else {
        return false;
    };
    // "... for the nutrition program", "Ages 3-5 for preschool; 6-12 for
    // after-school".
    let after_school = last.is_word("school")
        && words
            .len()
            .checked_sub(2)
            .and_then(|k| words.get(k))
            .is_some_and(|t| t.is_word("after"));
    let closes = PROGRAM_KIND.iter().any(|w| last.is_word(w)) || after_school;
    // "for" after the first word and at most four words before the end.
    closes
        && words.iter().rev().skip(1).take(4).any(|t| t.is_word("for"))
        && !words.first().is_some_and(|t| t.is_word("for"))
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

// ---------------------------------------------------------------- table helpers

/// "developmental, physical, or emotional disability": two or more
/// adjectives sharing one noun, each its own group (any qualifies).
fn disability_list(tokens: &[Token], i: usize) -> Option<(usize, Vec<Situation>)> {
    let kind = |k: usize| {
        tokens.get(k).and_then(|t| {
            DISABILITY_KIND
                .iter()
                .find(|(w, _)| t.is_word(w))
                .map(|(_, s)| *s)
        })
    };
    let mut found = vec![kind(i)?];
    let mut k = i + 1;
    loop {
        let mut j = k;
        while tokens.get(j).is_some_and(|t| {
            t.is_punct(',') || t.is_punct('/') || t.is_word("or") || t.is_word("and")
        }) {
            j += 1;
        }
        match kind(j) {
            Some(s) if j > k => {
                found.push(s);
                k = j + 1;
            }
            _ => break,
        }
    }
    let (end, _) = match_pattern(DISABILITY_NOUN, tokens, k)?;
    (found.len() > 1).then(|| (end, dedup(found)))
}

/// "victims of domestic violence, sexual assault, or stalking": the
/// groups of one or more [`HARM`]s after [`HARMED`] (any qualifies).
fn harm_list(tokens: &[Token], i: usize) -> Option<(usize, Vec<Situation>)> {
    let (mut end, _) = match_pattern(HARMED, tokens, i)
        .or_else(|| match_pattern(HARM_LIVED, tokens, i))
        .or_else(|| match_pattern(HARM_SUFFERED, tokens, i))?;
    let harm_at = |k: usize| {
        HARM_ROWS
            .at(tokens, k)
            .filter_map(|(pattern, situation)| {
                Some((match_pattern(pattern, tokens, k)?.0, *situation))
            })
            .max_by_key(|(end, _)| *end)
    };
    let (first_end, first) = harm_at(end)?;
    let mut found = vec![first];
    end = first_end;
    loop {
        // Harms are joined by a comma, "and", "or" or a slash; a word
        // between two harms ends the list ("abuse or crime (domestic
        // violence, ...)" is ILAO's gloss, read as its own row).
        let mut j = end;
        while tokens.get(j).is_some_and(|t| {
            t.is_punct(',') || t.is_punct('/') || t.is_word("or") || t.is_word("and")
        }) {
            j += 1;
        }
        match harm_at(j).filter(|_| j > end) {
            Some((next_end, situation)) => {
                found.push(situation);
                end = next_end;
            }
            None => break,
        }
    }
    Some((end, dedup(found)))
}

/// Whether the capitalized words `start..end` open a program's name
/// (capitalized words up to a [`PROGRAM`] noun): then they name the
/// program, not who may use it.
fn names_a_program(tokens: &[Token], start: usize, end: usize) -> bool {
    let capitalized = |t: &Token| t.capitalized && t.word().is_some();
    if !tokens
        .get(start..end)
        .is_some_and(|m| m.iter().all(capitalized))
    {
        return false;
    }
    for t in tokens.iter().skip(end).take(4) {
        if !capitalized(t) {
            return false;
        }
        if t.word().is_some_and(|w| PROGRAM.contains(&w)) {
            return true;
        }
    }
    false
}

// ---------------------------------------------------------------- tokens and sentences

/// Drops tokens that carry nothing for eligibility: hyphens inside words
/// ("low-income" reads as "low income") and brackets.
fn prepare(tokens: Vec<Token>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    for (k, token) in tokens.iter().enumerate() {
        // "w/" is "with" ("Ppl living w/ HIV/AIDS").
        let slash_after_w = token.is_punct('/')
            && out
                .last()
                .is_some_and(|t| t.is_word("w") && t.end == token.start);
        if slash_after_w {
            if let Some(w) = out.last_mut() {
                *w = Token {
                    kind: Kind::Word("with".to_owned()),
                    start: w.start,
                    end: token.end,
                    capitalized: w.capitalized,
                };
            }
            continue;
        }
        // ("Spanish-speaking", "Low- or moderate-income", not
        // "homelessness — Multnomah County": a dash spaced on both sides.)
        let before = out.last().filter(|t| t.word().is_some());
        let after = tokens.get(k + 1).filter(|t| t.word().is_some());
        let inner_hyphen = token.is_punct('-')
            && before.is_some_and(|b| {
                after.is_some_and(|a| b.end == token.start || a.start == token.end)
            });
        let bracket = matches!(token.kind, Kind::Punct('(' | ')' | '[' | ']'));
        if !inner_hyphen && !bracket {
            out.push(token.clone());
        }
    }
    out
}

/// Whether a sentence starts with a short label and a colon ("Group home:",
/// "4-H:"), naming a sub-program; a clock time ("Curfew 9:45pm") is none.
fn heading(sentence: &[Token]) -> bool {
    let Some(colon) = sentence.iter().position(|t| t.is_punct(':')) else {
        return false;
    };
    let digits_at = |k: Option<usize>| {
        k.and_then(|k| sentence.get(k))
            .is_some_and(|t| t.digits().is_some())
    };
    let clock_time = digits_at(colon.checked_sub(1)) && digits_at(Some(colon + 1));
    !clock_time
        && (1..=3).contains(&colon)
        && colon + 1 < sentence.len()
        && sentence
            .iter()
            .take(colon)
            .all(|t| t.word().is_some() || t.digits().is_some() || t.is_punct('-'))
}

/// Splits at `;` and at a `.` that ends a sentence (not "U.S.", not "2.5").
fn sentences(tokens: &[Token]) -> Vec<&[Token]> {
    let mut out = Vec::new();
    let mut start = 0;
    for (k, token) in tokens.iter().enumerate() {
        // "J. Smith", not "substance(s)."
        let after_initial = k
            .checked_sub(1)
            .and_then(|p| tokens.get(p))
            .filter(|t| t.capitalized)
            .and_then(Token::word)
            .is_some_and(|w| w.chars().count() == 1);
        // "Lane Co. residents", "St. Lucie", "Ft. Myers": abbreviations
        // in place names.
        let place_abbreviation = k
            .checked_sub(1)
            .and_then(|p| tokens.get(p))
            .filter(|t| t.capitalized)
            .and_then(Token::word)
            .is_some_and(|w| PLACE_ABBREVIATION.contains(&w));
        let after_initial = after_initial || place_abbreviation;
        // "... area served. 10% of enrollment ...", not "Ward No. 5".
        let numbered = k
            .checked_sub(1)
            .and_then(|p| tokens.get(p))
            .is_some_and(|t| t.is_word("no") || t.is_word("nos"));
        let starts_sentence = tokens.get(k + 1).is_none_or(|next| {
            next.start > token.end && (next.capitalized || (next.digits().is_some() && !numbered))
        });
        // "1 person household max income, $37,400; 2 person household max
        // income, $43,000": one table of limits.
        let ends = (token.is_punct(';') && !household_limit_continues(tokens, start, k + 1))
            || (token.is_punct('.') && !after_initial && starts_sentence);
        if ends {
            if let Some(part) = tokens.get(start..k).filter(|p| !p.is_empty()) {
                out.push(part);
            }
            start = k + 1;
        }
    }
    if let Some(part) = tokens.get(start..).filter(|p| !p.is_empty()) {
        out.push(part);
    }
    out
}

// ---------------------------------------------------------------- terms

/// A piece of a sentence.
#[derive(Debug, Clone)]
enum Item {
    Term(Term),
    /// Several terms read from one phrase ("battered women").
    Terms(Vec<Term>),
    Conn(Conn),
    AlsoFamily,
    Filler,
}

/// One condition read from the text, with its byte span.
#[derive(Debug, Clone)]
struct Term {
    value: Value,
    start: usize,
    end: usize,
    confidence: Confidence,
    /// Whether the phrase is a hint in a sentence read only in part.
    hint: Hint,
    /// For an explicit age, the groups it replaced ("a youth (17 years or
    /// younger)": youth).
    stands_for: Vec<Situation>,
}

/// Whether a phrase is kept as a hint when its sentence is read only in part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hint {
    /// Decided by what it is ([`WEAK_IN_SCAN`], implied ages).
    ByKind,
    /// A phrase naming who a place is for ([`PEOPLE`], "for adults").
    Always,
    /// A topic as often as a condition ([`TOPIC_POPULATION`]).
    Never,
}

#[derive(Debug, Clone, PartialEq)]
enum Value {
    Open,
    /// An age range; `implied` when it comes from a noun ("adults").
    Age(AgeRange, bool),
    Gender(Gender),
    Population(Vec<Situation>),
    Income(IncomeLimit),
    /// Named areas, or None for an unnamed residency requirement.
    Residency(Option<Vec<String>>),
    /// Something to bring or do first.
    Requirement(RequirementKind),
    /// Organizations, not individual clients.
    Agency,
}

/// The word just before `tokens[i]`, if that token is a word.
fn word_before(tokens: &[Token], i: usize) -> Option<&str> {
    i.checked_sub(1)
        .and_then(|k| tokens.get(k))
        .and_then(Token::word)
}

// The tables `item_at` reads at every token, indexed by opening word.
static HARM_ROWS: Indexed<(&str, Situation)> = Indexed::new(HARM);
static PEOPLE_ROWS: Indexed<(&str, &[Situation], Option<Gender>)> = Indexed::new(PEOPLE);
static AGE_ROWS: Indexed<(&str, AgeShape)> = Indexed::new(AGE);
static GENDER_ROWS: Indexed<(&str, Gender)> = Indexed::new(GENDER);
static POPULATION_ROWS: Indexed<(&str, Situation)> = Indexed::new(POPULATION);
static PEOPLES_TABLE: [&str; 2] = [PEOPLES, LANGUAGE_SPEAKERS];
static PEOPLES_ROWS: Indexed<&str> = Indexed::new(&PEOPLES_TABLE);
static TOPIC_POPULATION_ROWS: Indexed<(&str, Situation)> = Indexed::new(TOPIC_POPULATION);
static INCOME_ROWS: Indexed<(&str, IncomeShape)> = Indexed::new(INCOME);
static RESIDENCY_ROWS: Indexed<(&str, ResidencyShape)> = Indexed::new(RESIDENCY);
static REQUIREMENT_ROWS: Indexed<(&str, RequirementKind)> = Indexed::new(REQUIREMENT);
static AGENCY_ROWS: Indexed<&str> = Indexed::new(AGENCY);
static OPEN_ROWS: Indexed<&str> = Indexed::new(OPEN);
static FILLER_ROWS: Indexed<&str> = Indexed::new(FILLER);
static ALSO_FAMILY_ROWS: Indexed<&str> = Indexed::new(ALSO_FAMILY);
static CONNECTOR_ROWS: Indexed<(&str, Conn)> = Indexed::new(CONNECTOR);

/// Longest match of any table at `i`.
fn item_at(text: &str, tokens: &[Token], i: usize) -> Option<(usize, Item)> {
    let mut best: Option<(usize, Item)> = None;
    let mut offer = |end: usize, item: Option<Item>| {
        if let Some(item) = item
            && end > i
            && best.as_ref().is_none_or(|(e, _)| end > *e)
        {
            best = Some((end, item));
        }
    };
    let span = |end: usize| -> (usize, usize) {
        let start = tokens.get(i).map_or(0, |t| t.start);
        let stop = end
            .checked_sub(1)
            .and_then(|k| tokens.get(k))
            .map_or(start, |t| t.end);
        (start, stop)
    };
    let hinted = |value: Value, end: usize, confidence: Confidence, hint: Hint| {
        let (start, end) = span(end);
        Some(Item::Term(Term {
            value,
            start,
            end,
            confidence,
            hint,
            stands_for: Vec::new(),
        }))
    };
    let term = |value: Value, end: usize, confidence: Confidence| {
        hinted(value, end, confidence, Hint::ByKind)
    };
    for (pattern, situations, gender) in PEOPLE_ROWS.at(tokens, i) {
        if let Some((end, _)) = match_pattern(pattern, tokens, i) {
            let (start, stop) = span(end);
            let people = |value: Value| Term {
                value,
                start,
                end: stop,
                confidence: Confidence::High,
                hint: Hint::Always,
                stands_for: Vec::new(),
            };
            let mut terms = Vec::new();
            if !situations.is_empty() {
                terms.push(people(Value::Population(situations.to_vec())));
            }
            if let Some(g) = gender {
                terms.push(people(Value::Gender(*g)));
            }
            offer(end, Some(Item::Terms(terms)));
        }
    }
    // "Grade 1 through 6": school grades, not ages; "caring for a relative
    // age 60 or older": the relative's.
    // ("a relative age 60 or older": "age" between.)
    let relative_aged = word_before(tokens, i).is_some_and(|w| w == "age" || w == "aged")
        && i.checked_sub(1)
            .and_then(|k| word_before(tokens, k))
            .is_some_and(|w| RELATIVE.contains(&w));
    let not_the_clients_age = relative_aged
        || word_before(tokens, i)
            .is_some_and(|w| ["grade", "grades"].contains(&w) || RELATIVE.contains(&w));
    for (pattern, shape) in AGE_ROWS.at(tokens, i).filter(|_| !not_the_clients_age) {
        if let Some((end, cap)) = match_pattern(pattern, tokens, i) {
            // "with an infant under 3 months": an age in months is a
            // baby's, not the client's age in years; "between 9 and 11
            // am" are hours.
            // "under 80% AMI": a share, not an age.
            let not_years = tokens.get(end).is_some_and(|t| t.is_punct('%'))
                || tokens.get(end).and_then(Token::word).is_some_and(|w| {
                    [
                        "month", "months", "week", "weeks", "day", "days", "am", "pm",
                    ]
                    .contains(&w)
                });
            if not_years {
                continue;
            }
            // "for adults", "single adults", "adults only": a stated
            // audience, a hint.
            let stated = tokens
                .get(i)
                .is_some_and(|t| t.is_word("for") || t.is_word("single"))
                || word_before(tokens, end) == Some("only");
            let hint = if stated { Hint::Always } else { Hint::ByKind };
            let item =
                age(*shape, &cap.numbers).and_then(|v| hinted(v, end, Confidence::High, hint));
            offer(end, item);
        }
    }
    for (pattern, gender) in GENDER_ROWS.at(tokens, i) {
        if let Some((end, _)) = match_pattern(pattern, tokens, i) {
            offer(end, term(Value::Gender(*gender), end, Confidence::High));
        }
    }
    // "caring for disabled grandchildren", "a disabled relative or
    // spouse": the group is the relative's, not the client's.
    let of_a_relative = |end: usize| {
        tokens
            .get(end)
            .and_then(Token::word)
            .is_some_and(|w| RELATIVE.contains(&w))
    };
    // "involved in custody litigation", "homeless cases": a kind of case,
    // not the people.
    let names_a_case = |end: usize| {
        tokens
            .get(end)
            .and_then(Token::word)
            .is_some_and(|w| CASE.contains(&w))
    };
    // "children of veterans", "family members of people in jail",
    // "providers who serve homeless clients": the group is someone else's.
    // Asked only once a row matched: this runs at every token.
    let someone_elses = || {
        SOMEONE_ELSES.iter().any(|lead| {
            i.checked_sub(lead.split_whitespace().count())
                .and_then(|start| match_pattern(lead, tokens, start))
                .is_some_and(|(end, _)| end == i)
        })
    };
    for (pattern, situation) in POPULATION_ROWS.at(tokens, i) {
        if let Some((end, _)) = match_pattern(pattern, tokens, i)
            && !someone_elses()
            && !names_a_program(tokens, i, end)
            && !of_a_relative(end)
            && !names_a_case(end)
        {
            offer(
                end,
                term(Value::Population(vec![*situation]), end, Confidence::High),
            );
        }
    }
    // "Filipino resident of Foster City", "Spanish-speaking residents of
    // East Boston": the people is a group; the residence after it is read
    // on its own.
    // (The longest: "Vietnamese" is a people, "Vietnamese speaking" its
    // language's speakers.)
    if let Some((end, _)) = PEOPLES_ROWS
        .at(tokens, i)
        .filter_map(|pattern| match_pattern(pattern, tokens, i))
        .max_by_key(|(end, _)| *end)
        && tokens
            .get(end)
            .is_some_and(|t| t.is_word("resident") || t.is_word("residents"))
    {
        offer(
            end,
            term(
                Value::Population(vec![Situation::CulturalCommunity]),
                end,
                Confidence::High,
            ),
        );
    }
    if let Some((end, list)) = disability_list(tokens, i).filter(|_| !someone_elses()) {
        offer(end, term(Value::Population(list), end, Confidence::High));
    }
    if let Some((end, list)) = harm_list(tokens, i).filter(|_| !someone_elses()) {
        offer(end, term(Value::Population(list), end, Confidence::High));
    }
    for (pattern, situations) in NEAR_POPULATION {
        if let Some((end, _)) = match_pattern(pattern, tokens, i) {
            // A hint even where its group is often a topic ("foster
            // parents" beside "parenting classes").
            let near = Value::Population(situations.to_vec());
            offer(end, hinted(near, end, Confidence::Low, Hint::Always));
        }
    }
    for (pattern, situation) in TOPIC_POPULATION_ROWS.at(tokens, i) {
        if let Some((end, _)) = match_pattern(pattern, tokens, i)
            && !names_a_program(tokens, i, end)
        {
            let topic = Value::Population(vec![*situation]);
            offer(end, hinted(topic, end, Confidence::High, Hint::Never));
        }
    }
    for (pattern, shape) in INCOME_ROWS.at(tokens, i) {
        if let Some((end, cap)) = match_pattern(pattern, tokens, i) {
            let value = match (shape, cap.numbers.as_slice()) {
                // "Low income" has no figure: a hint, never enforced.
                (IncomeShape::Low, _) => {
                    term(Value::Income(IncomeLimit::LowIncome), end, Confidence::Low)
                }
                (IncomeShape::Annual, [n]) if *n > 0 => term(
                    Value::Income(IncomeLimit::AnnualDollars(f64::from(*n))),
                    end,
                    Confidence::High,
                ),
                (IncomeShape::Monthly, [n]) if *n > 0 => term(
                    Value::Income(IncomeLimit::MonthlyDollars(f64::from(*n))),
                    end,
                    Confidence::High,
                ),
                (IncomeShape::AtPovertyLine, _) => term(
                    Value::Income(IncomeLimit::PercentOfPoverty(100.0)),
                    end,
                    Confidence::High,
                ),
                (IncomeShape::Dollars, [n]) if *n >= 10_000 => term(
                    Value::Income(IncomeLimit::AnnualDollars(f64::from(*n))),
                    end,
                    Confidence::High,
                ),
                (IncomeShape::ByHousehold, _) if !cap.households.is_empty() => {
                    // "monthly household income does not exceed: 1 person
                    // $3,035; ...": a month's figures, as is any table no
                    // year could be (under $8,000 for every household).
                    // Figures marked "/month" are a year's already.
                    let said_monthly = tokens
                        .get(i.saturating_sub(4)..end)
                        .is_some_and(|ts| ts.iter().any(|t| t.is_word("monthly")));
                    let month_like = |&(_, d): &(u32, u32)| d < 8_000;
                    let monthly = !cap.households_marked
                        && ((said_monthly && cap.households.iter().any(month_like))
                            || cap.households.iter().all(month_like));
                    let per_year = if monthly { 12.0 } else { 1.0 };
                    let table = HouseholdLimits {
                        limits: cap
                            .households
                            .iter()
                            .map(|&(size, dollars)| HouseholdLimit {
                                size,
                                annual_dollars: f64::from(dollars) * per_year,
                            })
                            .collect(),
                        each_additional: cap.each_additional.map(|d| f64::from(d) * per_year),
                    };
                    term(
                        Value::Income(IncomeLimit::AnnualByHouseholdSize(table)),
                        end,
                        Confidence::High,
                    )
                }
                // "between 125% and 150% of ...": the ceiling is the last.
                (IncomeShape::PercentOfPoverty, [n] | [_, n]) if (50..=1000).contains(n) => term(
                    Value::Income(IncomeLimit::PercentOfPoverty(f64::from(*n))),
                    end,
                    Confidence::High,
                ),
                _ => None,
            };
            offer(end, value);
        }
    }
    for (pattern, shape) in RESIDENCY_ROWS.at(tokens, i) {
        if let Some((end, cap)) = match_pattern(pattern, tokens, i) {
            // "in <county>" names the people's county after a word of
            // `IN_COUNTY_AFTER` or their age ("women ages 40-64 in Oklahoma").
            // ("undocumented individuals, in Santa Clara County": a comma
            // between changes nothing.)
            let after_people = |people: &[&str]| {
                let at = match i.checked_sub(1).and_then(|k| tokens.get(k)) {
                    Some(t) if t.is_punct(',') => i - 1,
                    _ => i,
                };
                at.checked_sub(1)
                    .and_then(|k| tokens.get(k))
                    .is_some_and(|t| t.digits().is_some() || t.is_punct('+'))
                    || word_before(tokens, at).is_some_and(|w| people.contains(&w))
            };
            match shape {
                ResidencyShape::InCounty if !after_people(IN_COUNTY_AFTER) => continue,
                // A capitalized word after the name cut it short ("children
                // in Head Start": a program).
                ResidencyShape::InTown
                    if !after_people(IN_TOWN_AFTER)
                        || tokens.get(end).is_some_and(|t| t.capitalized) =>
                {
                    continue;
                }
                _ => {}
            }
            // "HOPWA tenant-based assistance", "Bay Area-based nonprofits":
            // a compound describing something else, no one's residence;
            // "charged in Clackamas County courts": where a court is.
            if tokens
                .get(end)
                .and_then(Token::word)
                .is_some_and(|w| w == "based" || PLACE_OF_AN_INSTITUTION.contains(&w))
            {
                continue;
            }
            let value = match shape {
                ResidencyShape::Named
                | ResidencyShape::InCounty
                | ResidencyShape::InTown
                | ResidencyShape::Bare => {
                    let names: Vec<String> = cap
                        .places
                        .spans
                        .iter()
                        .filter_map(|&(s, e)| text.get(s..e))
                        .map(|name| {
                            PLACE_ALIASES
                                .iter()
                                .find(|(short, _)| *short == name)
                                .map_or(name, |(_, full)| full)
                        })
                        .map(|name| {
                            if cap.places.county {
                                format!("{name} County")
                            } else {
                                name.to_owned()
                            }
                        })
                        .collect();
                    // "residents of Maple Grove Apartments": a complex's.
                    let complex = |name: &String| {
                        name.rsplit(' ').next().is_some_and(|last| {
                            HOUSING_COMPLEX.contains(&last.to_lowercase().as_str())
                        })
                    };
                    if !names.is_empty() && names.iter().all(complex) {
                        Some(Value::Population(vec![Situation::Member]))
                    } else {
                        (!names.is_empty()).then_some(Value::Residency(Some(names)))
                    }
                }
                ResidencyShape::Unnamed => Some(Value::Residency(None)),
            };
            // A town in prose is as often where the service is ("shelter
            // for unhoused adults in San Francisco").
            let hint = if matches!(shape, ResidencyShape::Bare | ResidencyShape::InTown) {
                Hint::Never
            } else {
                Hint::ByKind
            };
            offer(
                end,
                value.and_then(|v| hinted(v, end, Confidence::High, hint)),
            );
        }
    }
    // "employer identification number": an organization's, not an ID.
    // "employer identification number": an organization's, not an ID;
    // "update their ID", "your member ID card": a topic, a plan's card.
    let owner = word_before(tokens, i)
        .is_some_and(|w| ["their", "your", "his", "her", "a", "an", "new"].contains(&w));
    let verb_at = if owner { i.saturating_sub(1) } else { i };
    let not_a_document = word_before(tokens, verb_at).is_some_and(|w| ID_NOT_REQUIRED.contains(&w));
    for (pattern, kind) in REQUIREMENT_ROWS.at(tokens, i).filter(|_| !not_a_document) {
        if let Some((end, _)) = match_pattern(pattern, tokens, i) {
            let topic = tokens
                .get(end)
                .and_then(Token::word)
                .is_some_and(|w| ID_TOPIC.contains(&w));
            if (*kind == RequirementKind::Id && topic)
                || (*kind == RequirementKind::CourtPapers && under_a_legal_status(tokens, i))
            {
                continue;
            }
            // "Proof of residence in <place>": the place is read as well.
            let end = if word_before(tokens, end) == Some("residence")
                && tokens.get(end).is_some_and(|t| t.is_word("in"))
            {
                end - 1
            } else {
                end
            };
            offer(end, term(Value::Requirement(*kind), end, Confidence::High));
        }
    }
    // "Referred by ..., school or agency": who refers, not who is served.
    // (Looked back at only where an agency row is offered.)
    let referrer = || {
        tokens
            .get(..i)
            .is_some_and(|ts| ts.iter().any(|t| t.is_word("by") || t.is_word("from")))
    };
    for pattern in AGENCY_ROWS.at(tokens, i).filter(|_| !referrer()) {
        if let Some((end, _)) = match_pattern(pattern, tokens, i) {
            offer(end, term(Value::Agency, end, Confidence::High));
        }
    }
    for pattern in OPEN_ROWS.at(tokens, i) {
        if let Some((end, _)) = match_pattern(pattern, tokens, i) {
            offer(end, term(Value::Open, end, Confidence::High));
        }
    }
    for pattern in FILLER_ROWS.at(tokens, i) {
        if let Some((end, _)) = match_pattern(pattern, tokens, i) {
            offer(end, Some(Item::Filler));
        }
    }
    for pattern in ALSO_FAMILY_ROWS.at(tokens, i) {
        if let Some((end, _)) = match_pattern(pattern, tokens, i) {
            offer(end, Some(Item::AlsoFamily));
        }
    }
    for (pattern, conn) in CONNECTOR_ROWS.at(tokens, i) {
        if let Some((end, _)) = match_pattern(pattern, tokens, i) {
            offer(end, Some(Item::Conn(*conn)));
        }
    }
    best
}

/// "Under court order", "under legal arrest, court order or warrant": a
/// legal status the client is in, not papers to bring. "Under" opens the
/// list at most three words before `i`, with only words between.
fn under_a_legal_status(tokens: &[Token], i: usize) -> bool {
    let Some(under) = (i.saturating_sub(4)..i)
        .rev()
        .find(|&k| tokens.get(k).is_some_and(|t| t.is_word("under")))
    else {
        return false;
    };
    tokens.get(under + 1..i).is_some_and(|between| {
        between
            .iter()
            .all(|t| t.word().is_some() || t.is_punct(','))
    })
}

/// Builds an age value from a shape and its numbers (None when absurd).
fn age(shape: AgeShape, numbers: &[u32]) -> Option<Value> {
    let plausible = |n: u32| (n <= 120).then_some(f64::from(n));
    let range = match (shape, numbers) {
        (AgeShape::Min, [n]) => AgeRange::client(Some(plausible(*n)?), None),
        (AgeShape::Max, [n]) => AgeRange::client(None, Some(plausible(*n)?)),
        (AgeShape::Between, [a, b]) if a <= b => {
            AgeRange::client(Some(plausible(*a)?), Some(plausible(*b)?))
        }
        (AgeShape::FromBirth, [n]) => AgeRange::client(Some(0.0), Some(plausible(*n)?)),
        (AgeShape::Under, [n]) if *n > 0 => AgeRange::client(None, Some(plausible(*n - 1)?)),
        (AgeShape::HalfBetween, [a, b]) if a < b => {
            AgeRange::client(Some(plausible(*a)? + 0.5), Some(plausible(*b)?))
        }
        (AgeShape::Voting, []) => AgeRange::client(Some(18.0), None),
        (AgeShape::MonthsBetween, [m, y]) if m / 12 <= *y => {
            AgeRange::client(Some(f64::from(m / 12)), Some(plausible(*y)?))
        }
        (AgeShape::Adult, []) => return Some(Value::Age(AgeRange::client(Some(18.0), None), true)),
        _ => return None,
    };
    Some(Value::Age(range, false))
}

// ---------------------------------------------------------------- sentences

/// The conditions of one read sentence, per dimension.
#[derive(Debug, Default)]
struct SentenceReading {
    open: bool,
    terms: Vec<Term>,
    /// Whether the terms were picked out of a sentence not read whole.
    scanned: bool,
}

/// Reads one sentence, or None when any of it is unknown or the model
/// cannot express it.
fn read_sentence(text: &str, tokens: &[Token]) -> Option<SentenceReading> {
    let mut items = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let (next, item) = item_at(text, tokens, i)?;
        items.push(item);
        i = next;
    }
    combine(text, items)
}

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
                let (_, last) = terms.last_mut()?;
                if !matches!(last.value, Value::Population(_)) {
                    return None;
                }
                last.confidence = Confidence::Low;
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
        let stacked = terms
            .iter()
            .skip(last_choice + 1)
            .take_while(|(c, _)| c.is_none())
            .count();
        let (choice, after) = terms.split_at(last_choice + 1 + stacked);
        let separate = !after.is_empty()
            && after
                .iter()
                .all(|(c, t)| c.is_some() && dimension(&t.value) >= 5);
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

/// "Age 55 or over for activities; age 60 or over for meals": ages each
/// stated for a part of the service, which serves their union.
fn program_ages(text: &str, group: &[&Term]) -> Option<Value> {
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

/// An age from which a client counts as a senior, with no upper bound
/// ("age 62 or over").
fn senior_age(value: &Value) -> bool {
    matches!(value, Value::Age(range, _)
        if range.of == AgeOf::Client
            && range.max.is_none()
            && range.min.is_some_and(|m| m >= SENIOR_AGE))
}

fn dedup<T: PartialEq>(items: Vec<T>) -> Vec<T> {
    let mut out = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
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
            a.extend(b.iter().copied());
            *a = dedup(std::mem::take(a));
            prev.end = term.end;
            prev.confidence = Confidence::Low;
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
        return None;
    }
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
                let after_a_child = child_named_before(text, t.start);
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

const LOW_INCOME: Value = Value::Income(IncomeLimit::LowIncome);

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

/// Whether a text holds at most one term of this kind (requirements stack).
fn single(value: &Value) -> bool {
    !matches!(value, Value::Requirement(_) | Value::Agency)
}

fn dimension(value: &Value) -> u8 {
    match value {
        Value::Open => 0,
        Value::Age(..) => 1,
        Value::Gender(_) => 2,
        Value::Population(_) => 3,
        Value::Income(_) => 4,
        Value::Residency(_) => 5,
        // Several requirements may stack; so may agency cues.
        Value::Requirement(_) => 6,
        Value::Agency => 7,
    }
}

// ---------------------------------------------------------------- assembly

fn assemble(
    text: &str,
    readings: &[SentenceReading],
    scanned: &[Term],
    unread: &[(usize, usize)],
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
        let evidence = if group.len() == 1 {
            text.get(first.start..first.end).unwrap_or_default()
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
    for &(start, end) in unread {
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
    // "not for individuals", "does not provide direct services to young
    // people": a negation earlier in the clause; "Patients and families
    // cannot request an interpreter directly": one after.
    let negated = |k: usize| {
        let mut clause_before = (k.saturating_sub(8)..k)
            .rev()
            .map_while(|j| tokens.get(j).and_then(Token::word));
        let mut words_after = (k + 1..k + 4).map_while(|j| tokens.get(j).and_then(Token::word));
        clause_before.any(|w| {
            NEGATION.contains(&w) || ["don't", "doesn't", "cannot", "can't", "unable"].contains(&w)
        }) || words_after.any(|w| w == "cannot" || w == "can't")
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
    // agency phrase turns away.
    let listed_after_agency = |k: usize| {
        let joined = k
            .checked_sub(1)
            .and_then(|j| tokens.get(j))
            .is_some_and(|t| t.is_word("or") || t.is_word("and") || t.is_punct(','));
        joined
            && k.checked_sub(2)
                .and_then(|j| tokens.get(j))
                .is_some_and(|t| agency_spans.iter().any(|&(_, e)| t.end == e))
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
