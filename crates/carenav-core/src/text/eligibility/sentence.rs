//! Sentences: a text's tokens prepared and split into them, and what a
//! sentence or a token's surroundings says beyond its items (a time, a
//! negation or waiver, someone else's conditions, an exception, a
//! widening, the proofs asked for).

use super::dedup;
use super::item::{Hint, Term, Value, phrases, word_before};
use super::pattern::{Indexed, contains_any, household_limit_continues, match_pattern};
use super::place::is_vocabulary;
use super::tables::*;
use crate::eligibility::{Confidence, RequirementKind};
use crate::situation::Situation;
use crate::text::token::{Kind, Token};

// ---------------------------------------------------------------- tokens and sentences

/// The text's tokens as the tables read them: [`drop_marks`], then
/// [`read_as_known`], once more when it rewrote something, because one
/// rewrite's words may open another ("You must live in the county": "must
/// live", then "county residents").
pub(super) fn prepare(tokens: Vec<Token>) -> Vec<Token> {
    let (tokens, rewrote) = read_as_known(drop_marks(tokens));
    if rewrote {
        read_as_known(tokens).0
    } else {
        tokens
    }
}

/// [`SAME_AS`], indexed by the word each row opens with.
pub(super) static SAME_AS_ROWS: Indexed<(&str, &str)> = Indexed::new(SAME_AS);

/// Rewrites the wordings of [`SAME_AS`] into the words the tables know for
/// them ("dealing with a substance abuse problem" reads as "with a ...").
/// Each new word spans all the words it stands for, so evidence still
/// quotes the text as written. Also says whether anything was rewritten.
fn read_as_known(tokens: Vec<Token>) -> (Vec<Token>, bool) {
    let mut out = Vec::with_capacity(tokens.len());
    let mut rewrote = false;
    let mut i = 0;
    while let Some(token) = tokens.get(i) {
        let rewrite = SAME_AS_ROWS.at(&tokens, i).find_map(|(pattern, words)| {
            let (end, _) = match_pattern(pattern, &tokens, i)?;
            Some((end, *words))
        });
        let Some((end, words)) = rewrite.filter(|(end, _)| *end > i) else {
            out.push(token.clone());
            i += 1;
            continue;
        };
        rewrote = true;
        let last = tokens.get(end - 1).map_or(token.end, |t| t.end);
        out.extend(words.split_whitespace().enumerate().map(|(k, w)| Token {
            kind: Kind::Word(w.to_owned()),
            start: token.start,
            end: last,
            capitalized: token.capitalized && k == 0,
        }));
        // An abbreviation's point also ends a sentence when one starts
        // after it ("Service area res. Children 17 and under ...").
        let point = tokens.get(end - 1).filter(|t| t.is_punct('.'));
        if let Some(point) = point.filter(|point| {
            tokens
                .get(end)
                .is_some_and(|next| opens_a_sentence(point, next, false))
        }) {
            out.push(point.clone());
        }
        i = end;
    }
    (out, rewrote)
}

/// Drops tokens that carry nothing for eligibility: hyphens inside words
/// ("low-income" reads as "low income") and brackets; "w/" is "with" (a
/// slash right after a "w", which a pattern cannot ask for).
fn drop_marks(tokens: Vec<Token>) -> Vec<Token> {
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
pub(super) fn heading(sentence: &[Token]) -> bool {
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
pub(super) fn sentences(tokens: &[Token]) -> Vec<&[Token]> {
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
        let starts_sentence = tokens
            .get(k + 1)
            .is_none_or(|next| opens_a_sentence(token, next, numbered));
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

/// Whether `next`, after the point `point`, opens a sentence: spaced from
/// it, and capitalized or a number (not the number of "No. 5":
/// `numbered`).
fn opens_a_sentence(point: &Token, next: &Token, numbered: bool) -> bool {
    next.start > point.end && (next.capitalized || (next.digits().is_some() && !numbered))
}

// ---------------------------------------------------------------- what a sentence says

/// "Check in by 7pm", "Showers and laundry", "Stay up to 90 days": a short
/// sentence of times and things offered, with no word any table knows, no
/// word that could admit, exclude or ask for something, and no name but
/// a day's. It says nothing of who may come, so leaving it unread casts no
/// doubt on the sentences beside it. (Not one word alone: "Colma" may be a
/// town served.) Nor does a sentence of [`ASKS_NOTHING`] ("Walk-ins
/// welcome").
pub(super) fn says_nothing_of_who(sentence: &[Token]) -> bool {
    let asks_nothing = ASKS_NOTHING.iter().any(|pattern| {
        match_pattern(pattern, sentence, 0).is_some_and(|(end, _)| end == sentence.len())
    });
    if asks_nothing {
        return true;
    }
    let words = sentence.iter().filter(|t| t.word().is_some()).count();
    (2..=10).contains(&words)
        && sentence.iter().enumerate().all(|(k, t)| match t.word() {
            None => true,
            Some(w) => {
                let a_name = k > 0 && t.capitalized && !DAY_WORDS.contains(&w);
                let known = is_vocabulary(w) && !FUNCTION_WORDS.contains(&w);
                !a_name && !known && !MAY_CONDITION.contains(&w)
            }
        })
}

/// Whether a sentence gives a time of day ("8am", "10-11:30 a.m.").
pub(super) fn states_a_time(sentence: &[Token]) -> bool {
    (0..sentence.len()).any(|k| {
        let at = |d: usize| sentence.get(k + d);
        at(0).is_some_and(|n| n.digits().is_some())
            && (at(1).is_some_and(|w| w.is_word("am") || w.is_word("pm"))
                || (at(1).is_some_and(|w| w.is_word("a") || w.is_word("p"))
                    && at(2).is_some_and(|t| t.is_punct('.'))
                    && at(3).is_some_and(|w| w.is_word("m"))))
    })
}

/// "Call M-Sa 9am-4pm for interview appt", "Sign up 9am Friday for
/// appointment": a clause opened by calling or signing up that goes on to
/// an appointment asks for one, whatever days and hours come between. The
/// clause opens the sentence, follows a colon, or is capitalized ("Weekly
/// food pantry (Friday) Sign up 9am Friday for appointment").
pub(super) fn appointment_called_for(sentence: &[Token]) -> Option<Term> {
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
pub(super) fn proofs_listed(sentence: &[Token]) -> Vec<Term> {
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
        if NEEDED.iter().any(|w| item.iter().any(|t| t.is_word(w))) {
            break;
        }
    }
    out
}

/// "No name, ID or proof of address is needed": a negation earlier in the
/// clause and "needed" (or "required") after the phrase at `start..end`,
/// with no "but" between, waive it.
pub(super) fn waived(tokens: &[Token], start: usize, end: usize) -> bool {
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
        .any(|t| t.word().is_some_and(|w| NEEDED.contains(&w)));
    negated_before && needed_after
}

/// Whether a negation stands within the three words before `at`, with no
/// punctuation between ("not currently on parole", "no ID or proof of"),
/// or further back before words that only say what one must be ("you do
/// not need to be a veteran").
pub(super) fn negation_before(tokens: &[Token], at: usize) -> bool {
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
pub(super) fn need_not(tokens: &[Token], at: usize) -> bool {
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
        // "Need not be a Palo Alto resident".
        let need_not = matches!(word, "need" | "needs") && next == Some("not");
        if (negation && (need_to || not_asked)) || need_not {
            return true;
        }
        (after_next, next) = (next, Some(word));
    }
    false
}

/// Phrases limiting a sentence's conditions, requirements included, to a
/// part of the service or to a discount.
pub(super) const FOR_A_PART: &[&str] = &[
    "for some|certain|select programs|services|classes|activities",
    // "higher limits apply for seniors": another group's limits.
    "higher|different|other limits|limit|rules apply",
    "some|certain programs|services|classes|activities require|requires|have|may",
    "for a|the? discounted|reduced|sliding fee|fees|rate|rates|price|prices|scale",
    // "Some day trips are limited to members age 55 and up".
    "some|certain day? trips|outings|events|programs|services|classes|activities are|is limited|restricted|open",
    // "Other languages by appt.": an interpreter's terms, not the service's.
    "other languages|interpreters|interpretation",
];

/// Whether a sentence ends "for other services" (or programs, activities):
/// its conditions are some parts' of the service.
pub(super) fn ends_for_other_services(sentence: &[Token]) -> bool {
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
pub(super) fn about_others(sentence: &[Token]) -> bool {
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
pub(super) fn excepts_an_age(sentence: &[Token]) -> bool {
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
pub(super) fn groups_named(text: &str, sentence: &[Token]) -> Vec<Situation> {
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

// Asked of every sentence: indexed like the other tables. A widening
// may share its sentence with what it widens.
pub(super) static WIDENING_ROWS: Indexed<(&str, Widening)> = Indexed::new(WIDENING);

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
    pub(super) fn voids(self, value: &Value) -> bool {
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

/// Whether the age phrase at `start` follows a child someone has or cares
/// for: "of|have|has|with|their|your" then "child|children" within the ten
/// words before it ("and their children 12+").
pub(super) fn childs_age(tokens: &[Token], start: usize) -> bool {
    let before: Vec<&Token> = tokens
        .get(start.saturating_sub(10)..start)
        .unwrap_or_default()
        .iter()
        .filter(|t| t.word().is_some() || t.number().is_some())
        .collect();
    // ("Parents and guardians of babies and toddlers up to age 3",
    // "families raising children 12 and under", "helps working parents
    // pay for child care for children under 13".)
    // "3-5 year olds" names the children itself ("Families with 3-5 year
    // olds").
    let names_children = tokens
        .get(start..(start + 6).min(tokens.len()))
        .is_some_and(|ts| ts.iter().any(|t| t.is_word("olds")));
    let child = if names_children {
        Some(before.len())
    } else {
        before
            .iter()
            .position(|t| t.word().is_some_and(|w| CHILD_WORDS.contains(&w)))
    };
    let child_of_someone = child.is_some_and(|c| {
        before.get(..c).unwrap_or_default().iter().any(|t| {
            [
                "of", "have", "has", "with", "their", "your", "raising", "caring",
            ]
            .iter()
            .any(|w| t.is_word(w))
                || t.word().is_some_and(|w| PARENT_WORDS.contains(&w))
        })
    });
    // Young people are a child of someone only after who cares for them
    // ("Guardians of youth ages 12-17"; "Youth ages 12-17" are the client).
    let young = before
        .iter()
        .position(|t| t.word().is_some_and(|w| YOUNG_WORDS.contains(&w)));
    let young_of_a_carer = young.is_some_and(|c| {
        before
            .get(..c)
            .unwrap_or_default()
            .iter()
            .any(|t| t.word().is_some_and(|w| CARER_WORDS.contains(&w)))
    });
    child_of_someone || young_of_a_carer
}

/// Whether the age phrase at `start` is that of an adult someone cares for
/// ("Caregivers of adults 60 and older", "caregivers for someone 60 or
/// older"): neither the client's nor a child's.
pub(super) fn cared_for_adults_age(tokens: &[Token], start: usize) -> bool {
    let before: Vec<&Token> = tokens
        .get(start.saturating_sub(8)..start)
        .unwrap_or_default()
        .iter()
        .filter(|t| t.word().is_some())
        .collect();
    let Some(adult) = before
        .iter()
        .rposition(|t| t.word().is_some_and(|w| CARED_FOR_ADULTS.contains(&w)))
    else {
        return false;
    };
    // The last adult named before the age follows "of|for [a|an|the]", and
    // a carer comes before that.
    let mut k = adult;
    while k > 0
        && before.get(k - 1).is_some_and(|t| {
            ["a", "an", "the", "older", "elderly", "aging"]
                .iter()
                .any(|w| t.is_word(w))
        })
    {
        k -= 1;
    }
    let Some(of) = k.checked_sub(1) else {
        return false;
    };
    before
        .get(of)
        .is_some_and(|t| t.is_word("of") || t.is_word("for"))
        && before
            .get(..of)
            .unwrap_or_default()
            .iter()
            .any(|t| t.word().is_some_and(|w| CAREGIVER_WORDS.contains(&w)))
}

/// Whether the age phrase at `start` is a household member's ("Households
/// with a member over 60", "household must include a person aged 60 or
/// over"): the client may be anyone in that household.
pub(super) fn household_members_age(tokens: &[Token], start: usize) -> bool {
    let before: Vec<&str> = tokens
        .get(start.saturating_sub(8)..start)
        .unwrap_or_default()
        .iter()
        .filter_map(Token::word)
        .collect();
    let mut words = before
        .iter()
        .rev()
        .skip_while(|w| ["age", "aged", "is", "who"].contains(w));
    let member = words
        .next()
        .is_some_and(|w| ["member", "members", "person"].contains(w));
    member && words.any(|w| ["household", "households"].contains(w))
}

/// Whether a sentence ends "for [some] ... program(s)" ("Age 60 or over
/// for some federally funded programs").
pub(super) fn ends_for_a_program(sentence: &[Token]) -> bool {
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
