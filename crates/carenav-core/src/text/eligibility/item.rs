//! The item of a sentence at a token: a [`Term`] (a condition read, its
//! [`Value`] and span), a connector or a filler, read by [`item_at`] from
//! the tables indexed here, with its helpers.

use super::dedup;
use super::pattern::{Indexed, match_pattern};
use super::tables::*;
use crate::eligibility::{
    AgeOf, AgeRange, Confidence, HouseholdLimit, HouseholdLimits, IncomeLimit, RequirementKind,
};
use crate::matching::facts::SENIOR_AGE;
use crate::situation::{Gender, Situation};
use crate::text::token::Token;

// ---------------------------------------------------------------- terms

/// A piece of a sentence.
#[derive(Debug, Clone)]
pub(super) enum Item {
    Term(Term),
    /// Several terms read from one phrase ("battered women").
    Terms(Vec<Term>),
    Conn(Conn),
    AlsoFamily,
    Filler,
}

/// One condition read from the text, with its byte span.
#[derive(Debug, Clone)]
pub(super) struct Term {
    pub(super) value: Value,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) confidence: Confidence,
    /// Whether the phrase is a hint in a sentence read only in part.
    pub(super) hint: Hint,
    /// For an explicit age, the groups it replaced ("a youth (17 years or
    /// younger)": youth).
    pub(super) stands_for: Vec<Situation>,
}

/// Whether a phrase is kept as a hint when its sentence is read only in part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Hint {
    /// Decided by what it is ([`WEAK_IN_SCAN`], implied ages).
    ByKind,
    /// A phrase naming who a place is for ([`PEOPLE`], "for adults").
    Always,
    /// A topic as often as a condition ([`TOPIC_POPULATION`]).
    Never,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
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

/// Whether a text holds at most one term of this kind (requirements stack).
pub(super) fn single(value: &Value) -> bool {
    !matches!(value, Value::Requirement(_) | Value::Agency)
}

pub(super) fn dimension(value: &Value) -> u8 {
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

/// An age from which a client counts as a senior, with no upper bound
/// ("age 62 or over").
pub(super) fn senior_age(value: &Value) -> bool {
    matches!(value, Value::Age(range, _)
        if range.of == AgeOf::Client
            && range.max.is_none()
            && range.min.is_some_and(|m| m >= SENIOR_AGE))
}

/// The word just before `tokens[i]`, if that token is a word.
pub(super) fn word_before(tokens: &[Token], i: usize) -> Option<&str> {
    i.checked_sub(1)
        .and_then(|k| tokens.get(k))
        .and_then(Token::word)
}

// The tables `item_at` reads at every token, indexed by opening word.
pub(super) static HARM_ROWS: Indexed<(&str, Situation)> = Indexed::new(HARM);
pub(super) static PEOPLE_ROWS: Indexed<(&str, &[Situation], Option<Gender>)> = Indexed::new(PEOPLE);
pub(super) static AGE_ROWS: Indexed<(&str, AgeShape)> = Indexed::new(AGE);
pub(super) static GENDER_ROWS: Indexed<(&str, Gender)> = Indexed::new(GENDER);
pub(super) static POPULATION_ROWS: Indexed<(&str, Situation)> = Indexed::new(POPULATION);
pub(super) static PEOPLES_TABLE: [&str; 2] = [PEOPLES, LANGUAGE_SPEAKERS];
pub(super) static PEOPLES_ROWS: Indexed<&str> = Indexed::new(&PEOPLES_TABLE);
pub(super) static TOPIC_POPULATION_ROWS: Indexed<(&str, Situation)> =
    Indexed::new(TOPIC_POPULATION);
pub(super) static INCOME_ROWS: Indexed<(&str, IncomeShape)> = Indexed::new(INCOME);
pub(super) static RESIDENCY_ROWS: Indexed<(&str, ResidencyShape)> = Indexed::new(RESIDENCY);
pub(super) static REQUIREMENT_ROWS: Indexed<(&str, RequirementKind)> = Indexed::new(REQUIREMENT);
pub(super) static AGENCY_ROWS: Indexed<&str> = Indexed::new(AGENCY);
pub(super) static OPEN_ROWS: Indexed<&str> = Indexed::new(OPEN);
pub(super) static FILLER_ROWS: Indexed<&str> = Indexed::new(FILLER);
pub(super) static ALSO_FAMILY_ROWS: Indexed<&str> = Indexed::new(ALSO_FAMILY);
pub(super) static CONNECTOR_ROWS: Indexed<(&str, Conn)> = Indexed::new(CONNECTOR);

/// Longest match of any table at `i`.
pub(super) fn item_at(text: &str, tokens: &[Token], i: usize) -> Option<(usize, Item)> {
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
    for (pattern, situations, gender) in PEOPLE_ROWS.at(tokens, i) {
        if let Some((end, _)) = match_pattern(pattern, tokens, i)
            && (situations.is_empty() || !someone_elses())
        {
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
    // "military ID", "student ID card": a document, not the group.
    let names_a_card = |end: usize| {
        tokens
            .get(end)
            .and_then(Token::word)
            .is_some_and(|w| ["id", "ids", "identification", "card", "cards"].contains(&w))
    };
    for (pattern, situation) in POPULATION_ROWS.at(tokens, i) {
        if let Some((end, _)) = match_pattern(pattern, tokens, i)
            && !someone_elses()
            && !names_a_program(tokens, i, end)
            && !of_a_relative(end)
            && !names_a_case(end)
            && !names_a_card(end)
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
                // "Low-income neighborhoods", "Low Income Tax Credit": a
                // place's or a program's, no limit on the client.
                (IncomeShape::Low, _)
                    if tokens.get(end).and_then(Token::word).is_some_and(|w| {
                        [
                            "neighborhood",
                            "neighborhoods",
                            "communities",
                            "areas",
                            "tax",
                        ]
                        .contains(&w)
                    }) =>
                {
                    None
                }
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
    // (A bare place list closes a clause: asked before matching, and only
    // where such a row is offered.)
    for (pattern, shape) in RESIDENCY_ROWS.at(tokens, i).filter(|(_, shape)| {
        !matches!(shape, ResidencyShape::TrailingTown) || after_a_clause(text, tokens, i)
    }) {
        if let Some((end, cap)) = match_pattern(pattern, tokens, i) {
            // "in <county>" names the people's county after a word of
            // `IN_TOWN_AFTER` or `IN_COUNTY_AFTER` or their age ("women ages
            // 40-64 in Oklahoma"). ("undocumented individuals, in Santa
            // Clara County": a comma between changes nothing.)
            let after_people = |lists: &[&[&str]]| {
                let at = match i.checked_sub(1).and_then(|k| tokens.get(k)) {
                    Some(t) if t.is_punct(',') => i - 1,
                    _ => i,
                };
                at.checked_sub(1)
                    .and_then(|k| tokens.get(k))
                    .is_some_and(|t| t.digits().is_some() || t.is_punct('+'))
                    || word_before(tokens, at)
                        .is_some_and(|w| lists.iter().any(|people| people.contains(&w)))
            };
            match shape {
                ResidencyShape::InCounty if !after_people(&[IN_TOWN_AFTER, IN_COUNTY_AFTER]) => {
                    continue;
                }
                // A capitalized word after the name cut it short ("children
                // in Head Start": a program).
                ResidencyShape::InTown
                    if !after_people(&[IN_TOWN_AFTER])
                        || tokens.get(end).is_some_and(|t| t.capitalized) =>
                {
                    continue;
                }
                // A clause of its own after a comma or a semicolon, closing
                // the sentence (capitalized words alone are as often a
                // heading: "Driver's License Restoration").
                ResidencyShape::TrailingTown if end < tokens.len() => continue,
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
                | ResidencyShape::Bare
                | ResidencyShape::TrailingTown => {
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
            let hint = if matches!(
                shape,
                ResidencyShape::Bare | ResidencyShape::InTown | ResidencyShape::TrailingTown
            ) {
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
    // "employer identification number": an organization's, not an ID;
    // "update their ID", "your member ID card", "help getting a state ID
    // card": a topic, a plan's card. The verb may stand before an owner
    // and the kind of ID.
    // ("Help filling out court papers", "help with court documents": the
    // papers are the topic.)
    let mut verb_at = i;
    while word_before(tokens, verb_at).is_some_and(|w| {
        [
            "their", "your", "his", "her", "a", "an", "new", "valid", "state", "photo", "picture",
            "federal", "the", "out", "to",
        ]
        .contains(&w)
    }) {
        verb_at -= 1;
    }
    let helped_with = word_before(tokens, verb_at).is_some_and(|w| w == "with" || w == "on")
        && verb_at
            .checked_sub(1)
            .and_then(|k| word_before(tokens, k))
            .is_some_and(|w| {
                ["help", "helps", "assistance", "assist", "assists", "advice"].contains(&w)
            });
    let not_a_document =
        helped_with || word_before(tokens, verb_at).is_some_and(|w| ID_NOT_REQUIRED.contains(&w));
    for (pattern, kind) in REQUIREMENT_ROWS.at(tokens, i).filter(|_| !not_a_document) {
        if let Some((end, _)) = match_pattern(pattern, tokens, i) {
            let topic = tokens
                .get(end)
                .and_then(Token::word)
                .is_some_and(|w| ID_TOPIC.contains(&w));
            if (*kind == RequirementKind::Id && topic)
                || (*kind == RequirementKind::CourtPapers && under_a_legal_status(tokens, i))
                || not_required_after(tokens, end)
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
    // "Provides referrals to shelters and food banks": where clients are
    // sent, not who is served.
    let sent_to = tokens.get(i).is_some_and(|t| t.is_word("to"))
        && word_before(tokens, i).is_some_and(|w| {
            [
                "referral",
                "referrals",
                "refer",
                "refers",
                "referring",
                "rides",
            ]
            .contains(&w)
        });
    for pattern in AGENCY_ROWS
        .at(tokens, i)
        .filter(|_| !sent_to && !referrer())
    {
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

/// Every phrase of a sentence read on its own, with its token span (words
/// no pattern knows are skipped).
pub(super) fn phrases(text: &str, tokens: &[Token]) -> Vec<(usize, usize, Term)> {
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

/// Whether `tokens[i]` follows a clause: a comma before it, or a
/// semicolon ending the sentence before ("Hearing impaired seniors;
/// Marin": sentences are split at semicolons).
fn after_a_clause(text: &str, tokens: &[Token], i: usize) -> bool {
    match i.checked_sub(1).and_then(|k| tokens.get(k)) {
        Some(t) => t.is_punct(','),
        None => tokens.get(i).is_some_and(|t| {
            text.get(..t.start)
                .is_some_and(|before| before.trim_end().ends_with(';'))
        }),
    }
}

/// "Photo ID is not required", "ID helpful but not required", "A referral
/// ... is preferred": said after the document or step in its clause, it is
/// no requirement.
fn not_required_after(tokens: &[Token], end: usize) -> bool {
    let clause: Vec<&str> = tokens
        .get(end..)
        .unwrap_or_default()
        .iter()
        // (Not past a comma: "Referral required, ID not required".)
        .take_while(|t| !t.is_punct(';') && !t.is_punct('.') && !t.is_punct(','))
        .filter_map(Token::word)
        .take(6)
        .collect();
    let needed = |w: &str| NEEDED.contains(&w) || w == "mandatory";
    let not_needed = clause.windows(2).any(|pair| {
        matches!(pair, [not, need] if ["not", "never", "isn't", "aren't"].contains(not) && needed(need))
    });
    let wished = clause.iter().any(|w| {
        [
            "preferred",
            "recommended",
            "encouraged",
            "optional",
            "helpful",
            "appreciated",
        ]
        .contains(w)
    });
    not_needed || wished
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
/// groups of one or more [`HARM`]s after [`HARMED`] (any qualifies), or
/// before [`HARMED_AFTER`] ("intimate partner violence victims").
fn harm_list(tokens: &[Token], i: usize) -> Option<(usize, Vec<Situation>)> {
    let harmed = match_pattern(HARMED, tokens, i)
        .or_else(|| match_pattern(HARM_LIVED, tokens, i))
        .or_else(|| match_pattern(HARM_SUFFERED, tokens, i));
    match harmed {
        Some((end, _)) => harms(tokens, end),
        None => {
            let (end, found) = harms(tokens, i)?;
            let (end, _) = match_pattern(HARMED_AFTER, tokens, end)?;
            Some((end, found))
        }
    }
}

/// One or more [`HARM`]s from token `i`, joined as a list.
fn harms(tokens: &[Token], i: usize) -> Option<(usize, Vec<Situation>)> {
    let harm_at = |k: usize| {
        HARM_ROWS
            .at(tokens, k)
            .filter_map(|(pattern, situation)| {
                Some((match_pattern(pattern, tokens, k)?.0, *situation))
            })
            .max_by_key(|(end, _)| *end)
    };
    let (mut end, first) = harm_at(i)?;
    let mut found = vec![first];
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
