//! Free-text eligibility ("ages 5 - 14", "women only") into [`Eligibility`].
//!
//! A small rule engine. The phrases it knows are data, one table per kind of
//! constraint ([`AGE`], [`GENDER`], [`POPULATION`], [`INCOME`], [`RESIDENCY`],
//! plus [`OPEN`] phrases, fillers and connectors). A pattern is a string of
//! tokens: a word or punctuation, `a|b` alternatives, a trailing `?` for an
//! optional token, `#` for a number, `$` for a list of place names
//! (capitalized words, "A, B or C") and `$c` for a list of counties.
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
//! widen eligibility ("Age 60 or over. Can be younger if disabled").

use std::str::SplitWhitespace;

use crate::eligibility::{
    AgeOf, AgeRange, Confidence, Constraint, Eligibility, IncomeLimit, Requirement, RequirementKind,
};
use crate::matching::facts::SENIOR_AGE;
use crate::situation::{Gender, Situation};
use crate::text::Coverage;
use crate::text::token::{Kind, Token, tokenize};

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

/// Reads a free-text eligibility description and says how much of it was read.
pub fn read_eligibility(text: &str) -> EligibilityReading {
    let tokens = prepare(tokenize(text));
    let mut readings = Vec::new();
    let mut unread = Vec::new();
    let mut scanned = Vec::new();
    let parts = sentences(&tokens);
    // "None for most programs. 4-H: Ages 5-19": the conditions are a
    // sub-program's, not the service's.
    let open_for_some = parts.iter().any(|s| {
        s.first().is_some_and(|t| t.is_word("none")) && s.get(1).is_some_and(|t| t.is_word("for"))
    });
    // "Age 50 or over. Age 60 or over for the nutrition program": a
    // sentence closed by the program it is for states that sub-program's
    // conditions when the text says more.
    let for_a_program = |s: &[Token]| parts.len() > 1 && ends_for_a_program(s);
    // "... for low-income pregnant women. Also serves seniors 60 or over":
    // a sentence opened by "also" widens who is served. Its groups join
    // the others (any qualifies); its ages, gender, income and places
    // would narrow the others', so they are not read as restrictions, and
    // when it states an age or gender of its own, the groups differ in
    // them: no age or gender is the service's.
    let widens = |s: &[Token]| parts.len() > 1 && s.first().is_some_and(|t| t.is_word("also"));
    let mut widened_with_own_age_or_gender = false;
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
                // "Priority given to service-connected veterans": who comes
                // first among those eligible, read as such (no doubt about
                // who is; a scan keeps only its requirements).
                let preference = states_a_preference(sentence);
                if !preference {
                    unread.push(span);
                }
                SentenceReading {
                    open: false,
                    terms: scan_sentence(text, sentence, preference),
                    scanned: !preference,
                }
            }
        };
        if open_for_some || for_a_program(sentence) {
            reading.terms.retain(|t| dimension(&t.value) > 5);
        }
        if widens(sentence) {
            widened_with_own_age_or_gender |= reading
                .terms
                .iter()
                .any(|t| matches!(t.value, Value::Age(..) | Value::Gender(_)));
            reading
                .terms
                .retain(|t| matches!(t.value, Value::Population(_)) || dimension(&t.value) > 5);
        }
        if headed > 1 && heading(sentence) {
            per_heading.push(reading.terms.iter().map(|t| t.value.clone()).collect());
        }
        reading.terms.extend(proofs_listed(sentence));
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
    if widened_with_own_age_or_gender {
        let neither = |t: &Term| !matches!(t.value, Value::Age(..) | Value::Gender(_));
        for r in &mut readings {
            r.terms.retain(neither);
        }
        scanned.retain(neither);
    }
    // "Group Home: ... child age 6-18. Respite Care: ... child, birth to age
    // 18": several sub-programs; only what they all say is the service's.
    if headed > 1 {
        let common = |v: &Value| dimension(v) > 5 || per_heading.iter().all(|vs| vs.contains(v));
        for r in &mut readings {
            r.terms.retain(|t| common(&t.value));
        }
        scanned.retain(|t| common(&t.value));
    }
    assemble(text, &readings, &scanned, &unread)
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

/// Whether a sentence states a preference ("Priority given to Daly City
/// residents", "Federal and San Mateo County preferences apply"): it
/// restricts no one.
fn states_a_preference(sentence: &[Token]) -> bool {
    (0..sentence.len()).any(|i| {
        PREFERENCE
            .iter()
            .any(|p| match_pattern(p, sentence, i).is_some())
    })
}

/// Phrases stating who comes first, not who may come ("program
/// priorities", "federal preferences guidelines" are not among them).
const PREFERENCE: &[&str] = &[
    "priority|preference is? given",
    "priority|preference to",
    "have|has|receive|receives|get|gets first|top? priority",
    "first|top priority",
    "preferences apply",
    "served|seen first",
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
    let child = before
        .iter()
        .position(|t| t.is_word("child") || t.is_word("children"));
    child.is_some_and(|c| {
        before.get(..c).unwrap_or_default().iter().any(|t| {
            ["of", "have", "has", "with", "their", "your"]
                .iter()
                .any(|w| t.is_word(w))
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
    let closes = ["program", "programs"].iter().any(|w| last.is_word(w));
    // "for" after the first word and at most four words before the end.
    closes
        && words.iter().rev().skip(1).take(4).any(|t| t.is_word("for"))
        && !words.first().is_some_and(|t| t.is_word("for"))
}

/// What a service's name says about who it serves.
#[derive(Debug, Clone, Copy)]
enum Cue {
    Gender(Gender),
    Population(Situation),
}

/// Cues in service names. A shelter, house or ministry named for one gender
/// serves that gender (High); a center, clinic or program named for a group
/// is a hint (Low): "Senior Center" lunches often take anyone.
const NAME_CUES: &[(&str, Cue, Confidence)] = &[
    (
        "women's|womens|women|woman's ministry|ministries|shelter|house|residence|home",
        Cue::Gender(Gender::Female),
        Confidence::High,
    ),
    (
        "men's|mens|men|man's ministry|ministries|shelter|house|residence|home",
        Cue::Gender(Gender::Male),
        Confidence::High,
    ),
    (
        "women's|womens center|centre|clinic|program|programs",
        Cue::Gender(Gender::Female),
        Confidence::Low,
    ),
    (
        "men's|mens center|centre|clinic|program|programs",
        Cue::Gender(Gender::Male),
        Confidence::Low,
    ),
    (
        "senior|seniors center|centers|centre|housing|apartments|residence|program|programs|services|lunch|nutrition",
        Cue::Population(Situation::Senior),
        Confidence::Low,
    ),
    (
        "teen|teens|youth center|centers|program|programs|shelter|clinic",
        Cue::Population(Situation::Youth),
        Confidence::Low,
    ),
    (
        "veterans center|centers|program|programs|services",
        Cue::Population(Situation::Veteran),
        Confidence::Low,
    ),
];

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
        for (pattern, cue, confidence) in NAME_CUES {
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

// ---------------------------------------------------------------- tables

/// Shapes of age phrases; numbers come from `#` slots in order.
#[derive(Debug, Clone, Copy)]
enum AgeShape {
    /// `#` or over.
    Min,
    /// `#` or under.
    Max,
    /// `#` to `#`.
    Between,
    /// Birth to `#`.
    FromBirth,
    /// "Adults": 18 or over, implied by a noun (an explicit age wins).
    Adult,
    /// Under `#`: at most one year less.
    Under,
    /// `#` and a half to `#` ("2 1/2 - 12").
    HalfBetween,
    /// Old enough to vote: 18 or over, stated (not implied by a noun).
    Voting,
    /// `#` months to `#` years: from the whole years of the first.
    MonthsBetween,
}

/// Age phrases.
const AGE: &[(&str, AgeShape)] = &[
    (
        "age|ages|aged? # or|and|& over|older|above|up",
        AgeShape::Min,
    ),
    ("age|ages|aged? # years and|or up", AgeShape::Min),
    ("over|above age? #", AgeShape::Min),
    ("over|above the age of #", AgeShape::Min),
    ("aged|age # +", AgeShape::Min),
    ("under age? #", AgeShape::Under),
    ("# years of age or|and over|older", AgeShape::Min),
    ("age|ages? # years or|and over|older", AgeShape::Min),
    ("age|ages? # years of age or|and over|older", AgeShape::Min),
    ("age|ages? # +", AgeShape::Min),
    ("age|ages? # or|and under|younger|below", AgeShape::Max),
    ("age|ages? # years or|and under|younger", AgeShape::Max),
    ("age|ages|aged? # - # years? old?", AgeShape::Between),
    ("age|ages? # to|through # years? old?", AgeShape::Between),
    ("between the? ages of? # and #", AgeShape::Between),
    (
        "youth|youths|children|kids|teens|adults|persons|people|individuals between # and #",
        AgeShape::Between,
    ),
    ("age|ages? birth - #", AgeShape::FromBirth),
    ("age|ages? birth to|through age? #", AgeShape::FromBirth),
    ("birth to|through|- age? #", AgeShape::FromBirth),
    ("adult|adults", AgeShape::Adult),
    // "Shelter for adults", "single adults": who a place takes, read even
    // in a sentence read only in part (module docs, scanning).
    ("for single? adult|adults", AgeShape::Adult),
    ("single adult|adults", AgeShape::Adult),
    ("adult|adults only", AgeShape::Adult),
    ("age|ages? # 1 / 2 - # years? old?", AgeShape::HalfBetween),
    (
        "age|ages? # 1 / 2 to|through # years? old?",
        AgeShape::HalfBetween,
    ),
    ("voting age", AgeShape::Voting),
    ("at least # years old|of? age?", AgeShape::Min),
    (
        "age|ages? # months - # years? old?",
        AgeShape::MonthsBetween,
    ),
    (
        "age|ages? # months to|through # years? old?",
        AgeShape::MonthsBetween,
    ),
];

/// Gender phrases.
const GENDER: &[(&str, Gender)] = &[
    // Transgender women are women: "women and transgender women" is one gender.
    ("women|woman and|& transgender women|woman", Gender::Female),
    (
        "women|woman|female|females|girls|girl|ladies",
        Gender::Female,
    ),
    ("men|man|male|males|boys|boy", Gender::Male),
];

/// The peoples a group may be named by (one list for [`POPULATION`]'s
/// rows and [`PEOPLES`]).
macro_rules! peoples {
    () => {
        "latino|latina|latinos|latinas|latinx|hispanic|chinese|filipino|vietnamese|korean|japanese|samoan|tongan|arab|russian"
    };
}

/// Population phrases. Seniors, children and youth also imply an age; an
/// explicit age in the same sentence replaces them ("Seniors 55+").
const POPULATION: &[(&str, Situation)] = &[
    ("homeless", Situation::Homeless),
    ("unhoused", Situation::Homeless),
    ("at risk of homelessness", Situation::AtRiskOfHomelessness),
    ("about to become homeless", Situation::AtRiskOfHomelessness),
    ("inadequately housed", Situation::AtRiskOfHomelessness),
    ("experiencing homelessness", Situation::Homeless),
    ("veteran|veterans", Situation::Veteran),
    ("honorably discharged veteran|veterans", Situation::Veteran),
    ("have had military service", Situation::Veteran),
    // The discharge papers only a veteran has.
    ("must? have a? dd -? 214", Situation::Veteran),
    ("military|servicemembers", Situation::Military),
    ("military personnel|families?", Situation::Military),
    ("active duty military?", Situation::Military),
    ("senior|seniors|elderly", Situation::Senior),
    (
        "senior|older citizen|citizens|adult|adults",
        Situation::Senior,
    ),
    (
        "youth|youths|teen|teens|teenagers|adolescents",
        Situation::Youth,
    ),
    ("young adult|adults|people", Situation::Youth),
    ("child|children|kids|minors", Situation::Child),
    ("family|families", Situation::FamilyWithChildren),
    ("pregnant", Situation::Pregnant),
    ("pregnant women|woman", Situation::Pregnant),
    ("expectant mothers|mother|parents", Situation::Pregnant),
    ("parents|parenting", Situation::Parenting),
    ("disabled|handicapped", Situation::Disability),
    ("with a? disability|disabilities", Situation::Disability),
    (
        "living with a? disability|disabilities",
        Situation::Disability,
    ),
    ("legally? blind", Situation::BlindLowVision),
    ("visually impaired", Situation::BlindLowVision),
    ("low vision", Situation::BlindLowVision),
    ("deaf", Situation::DeafHardOfHearing),
    ("hard of hearing", Situation::DeafHardOfHearing),
    ("hearing impaired", Situation::DeafHardOfHearing),
    (
        "hearing impairment|impairments",
        Situation::DeafHardOfHearing,
    ),
    ("mobility impaired", Situation::PhysicalDisability),
    (
        "mobility impairment|impairments",
        Situation::PhysicalDisability,
    ),
    (
        "physical limitation|limitations",
        Situation::PhysicalDisability,
    ),
    (
        "with? autism spectrum? disorder|disorders?",
        Situation::DevelopmentalDisability,
    ),
    ("infant|infants|babies|toddlers", Situation::Child),
    ("deaf or hard of hearing", Situation::DeafHardOfHearing),
    ("physically disabled", Situation::PhysicalDisability),
    ("amputee|amputees", Situation::PhysicalDisability),
    (
        "with a? physical disability|disabilities",
        Situation::PhysicalDisability,
    ),
    (
        "developmentally disabled",
        Situation::DevelopmentalDisability,
    ),
    (
        "with a? developmental disability|disabilities",
        Situation::DevelopmentalDisability,
    ),
    (
        "developmental disability|disabilities",
        Situation::DevelopmentalDisability,
    ),
    (
        "seriously|severely? mentally ill",
        Situation::SeriousMentalIllness,
    ),
    ("smi", Situation::SeriousMentalIllness),
    (
        "with a? serious|severe|persistent|chronic mental illness|illnesses",
        Situation::SeriousMentalIllness,
    ),
    (
        "with a? serious mental illness",
        Situation::SeriousMentalIllness,
    ),
    ("hiv|aids", Situation::HivAids),
    ("hiv / aids", Situation::HivAids),
    ("hiv positive|+", Situation::HivAids),
    ("living with hiv", Situation::HivAids),
    ("living with hiv / aids", Situation::HivAids),
    ("in recovery", Situation::InRecovery),
    ("clean and|& sober", Situation::InRecovery),
    ("clean|sober time", Situation::InRecovery),
    (
        "with|suffering|from? drug|alcohol|substance|chemical abuse|addiction|problem|problems|dependency",
        Situation::SubstanceUse,
    ),
    (
        "with|suffering|from? drug|alcohol or|and|/ drug|alcohol|substance abuse|addiction|problem|problems",
        Situation::SubstanceUse,
    ),
    (
        "alcohol or|and|/ substance abuse|addiction|problem|problems",
        Situation::SubstanceUse,
    ),
    ("fleeing violence", Situation::DomesticViolenceSurvivor),
    (
        "mobility impaired|impairment|impairments|limitation|limitations|disability|disabilities",
        Situation::PhysicalDisability,
    ),
    (
        "leaving|fleeing|escaping domestic violence|abuse",
        Situation::DomesticViolenceSurvivor,
    ),
    (
        "victim|victims|survivor|survivors of human? trafficking",
        Situation::CrimeVictim,
    ),
    ("victim|victims of crime", Situation::CrimeVictim),
    (
        "victim|victims|survivor|survivors of domestic violence",
        Situation::DomesticViolenceSurvivor,
    ),
    (
        "domestic violence victims|survivors",
        Situation::DomesticViolenceSurvivor,
    ),
    (
        "at risk of domestic violence",
        Situation::DomesticViolenceSurvivor,
    ),
    (
        "victim|victims|survivor|survivors of intimate partner violence|abuse",
        Situation::DomesticViolenceSurvivor,
    ),
    (
        "victim|victims|survivor|survivors of a? violent? crime",
        Situation::CrimeVictim,
    ),
    ("crime victim|victims", Situation::CrimeVictim),
    (
        "survivor|survivors of abuse or crime",
        Situation::CrimeVictim,
    ),
    // ILAO's wording, with its gloss.
    (
        "survivor of abuse or crime domestic violence , trafficking , sexual assault , gun violence",
        Situation::CrimeVictim,
    ),
    ("refugee|refugees", Situation::Refugee),
    ("asylee|asylees", Situation::Asylee),
    ("asylum seeker|seekers", Situation::Asylee),
    ("immigrant|immigrants", Situation::Immigrant),
    ("immigrant|immigrants to the u . s .?", Situation::Immigrant),
    ("undocumented", Situation::Undocumented),
    ("formerly incarcerated", Situation::JusticeInvolved),
    ("ex offender|offenders", Situation::JusticeInvolved),
    ("justice involved", Situation::JusticeInvolved),
    (
        "parolee|parolees|probationer|probationers",
        Situation::JusticeInvolved,
    ),
    ("in jail or prison", Situation::InCustody),
    ("in custody", Situation::InCustody),
    ("youth in custody", Situation::InCustody),
    ("inmate|inmates", Situation::InCustody),
    (
        "former|formerly|ex inmate|inmates|prisoner|prisoners",
        Situation::JusticeInvolved,
    ),
    ("in the $ jail", Situation::InCustody),
    ("released from", Situation::JusticeInvolved),
    (
        "leaving|exiting prison|jail or? prison|jail?",
        Situation::JusticeInvolved,
    ),
    ("charged or convicted", Situation::JusticeInvolved),
    // A delinquent minor ("Ward of the Juvenile Court"), one awaiting trial.
    (
        "ward|wards of the juvenile court",
        Situation::JusticeInvolved,
    ),
    (
        "subject of? pending criminal action|actions|charges|case|cases",
        Situation::JusticeInvolved,
    ),
    ("must? be a member", Situation::Member),
    ("must also be a member", Situation::Member),
    ("$ member|members", Situation::Member),
    ("members only", Situation::Member),
    // Of a named club, association or plan ("Membership in ASQ", "Must
    // be a member in good standing of CAMFT").
    ("membership in $", Situation::Member),
    ("must? be a? member|members of|in the? $", Situation::Member),
    (
        "must? be a? member|members in good standing of|with the? $",
        Situation::Member,
    ),
    ("member|members of the $", Situation::Member),
    (
        "member|members of the? parish|congregation|church|union",
        Situation::Member,
    ),
    (
        "open only to residents / clients / students",
        Situation::Member,
    ),
    ("of $ descent", Situation::CulturalCommunity),
    ("american indian|indians", Situation::CulturalCommunity),
    ("native american|americans", Situation::CulturalCommunity),
    ("parent|parents of a? child|children", Situation::Parenting),
    ("raising the child of a relative", Situation::Caregiver),
    ("grandparents caring for", Situation::Caregiver),
    ("student|students", Situation::Student),
    ("active in job search", Situation::Unemployed),
    ("lack of health insurance", Situation::Uninsured),
    ("unemployed", Situation::Unemployed),
    ("uninsured", Situation::Uninsured),
    ("foster youth", Situation::FosterYouth),
    ("caregiver|caregivers|caretakers", Situation::Caregiver),
    ("lgbt|lgbtq|glbt", Situation::Lgbtq),
    ("lgbtq +", Situation::Lgbtq),
    // Variants of the groups above as directories commonly word them.
    (
        "lgbtqi|lgbtqia|lgbtq2s|gay|lesbian|bisexual|transgender|queer",
        Situation::Lgbtq,
    ),
    ("chronically homeless", Situation::Homeless),
    ("at risk youth|teens|teenagers", Situation::Youth),
    (
        "juvenile|youthful offender|offenders|delinquents",
        Situation::JusticeInvolved,
    ),
    ("emotionally disturbed", Situation::Disability),
    ("unsheltered|houseless", Situation::Homeless),
    ("without housing|shelter", Situation::Homeless),
    (
        "at imminent? risk of homelessness|eviction",
        Situation::AtRiskOfHomelessness,
    ),
    (
        "at imminent? risk of losing their|his|her? housing|home",
        Situation::AtRiskOfHomelessness,
    ),
    ("facing eviction", Situation::AtRiskOfHomelessness),
    ("vets", Situation::Veteran),
    ("service members|member|servicemember", Situation::Military),
    ("armed forces|reservists", Situation::Military),
    ("elder|elders", Situation::Senior),
    ("transition age youth", Situation::Youth),
    (
        "former|emancipated|emancipating|current foster youth|children",
        Situation::FosterYouth,
    ),
    ("in foster care", Situation::FosterYouth),
    (
        "youth? aging|aged out of foster care",
        Situation::FosterYouth,
    ),
    ("emancipated youth", Situation::FosterYouth),
    (
        "grandparents|relatives raising grandchildren|children",
        Situation::Caregiver,
    ),
    (
        "relative|kinship|family caregiver|caregivers",
        Situation::Caregiver,
    ),
    ("single mother|mothers|father|fathers", Situation::Parenting),
    ("new mothers|parents", Situation::Parenting),
    ("pregnant or parenting", Situation::Pregnant),
    ("be? expecting a child|baby", Situation::Pregnant),
    (
        "victim|victims|survivor|survivors of sexual assault|abuse|violence",
        Situation::CrimeVictim,
    ),
    ("sexual assault victims|survivors", Situation::CrimeVictim),
    (
        "victim|victims|survivor|survivors of torture",
        Situation::CrimeVictim,
    ),
    (
        "living? with a? mental illness|illnesses",
        Situation::SeriousMentalIllness,
    ),
    (
        "with a? psychiatric disability|disabilities",
        Situation::SeriousMentalIllness,
    ),
    (
        "with? a? mental health disability|disabilities",
        Situation::SeriousMentalIllness,
    ),
    (
        "with|from? drug|alcohol|substance abuse|use problem|problems|issues|disorder|disorders",
        Situation::SubstanceUse,
    ),
    ("alcoholics|addicts", Situation::SubstanceUse),
    (
        "with current|active drug|alcohol|substance abuse|use problem|problems|issues|disorder",
        Situation::SubstanceUse,
    ),
    // Co-occurring: the substance use is the part carenav can check.
    (
        "with current|active? drug|alcohol|substance abuse|use problem|problems|issues|disorder and mental health issues|problems|disorders",
        Situation::SubstanceUse,
    ),
    (
        "an? addiction to alcohol|drugs|substance|substances",
        Situation::SubstanceUse,
    ),
    ("active drug|alcohol users|user", Situation::SubstanceUse),
    ("recovering alcoholics|addicts", Situation::InRecovery),
    (
        "in recovery from alcohol|drug|substance|chemical? or|and|/? alcohol|drug? abuse|addiction|dependency|use",
        Situation::InRecovery,
    ),
    ("currently? incarcerated", Situation::InCustody),
    (
        "previously|recently incarcerated",
        Situation::JusticeInvolved,
    ),
    ("returning citizens", Situation::JusticeInvolved),
    (
        "with a? criminal record|records|history|conviction|convictions",
        Situation::JusticeInvolved,
    ),
    ("on probation|parole", Situation::JusticeInvolved),
    (
        "recent|past|prior? jail involvement",
        Situation::JusticeInvolved,
    ),
    (
        "recent|past|prior? criminal? justice involvement",
        Situation::JusticeInvolved,
    ),
    ("recent|new immigrants", Situation::Immigrant),
    ("job seekers|seeker", Situation::Unemployed),
    ("jobless", Situation::Unemployed),
    ("laid off|dislocated workers", Situation::Unemployed),
    ("uninsured or underinsured", Situation::Uninsured),
    ("without health insurance", Situation::Uninsured),
    ("wheelchair users", Situation::PhysicalDisability),
    ("vision impaired|loss", Situation::BlindLowVision),
    ("tribal member|members", Situation::CulturalCommunity),
    (
        "member|members of a? federally? recognized tribe|tribes",
        Situation::CulturalCommunity,
    ),
    (
        concat!(peoples!(), "|asian|black community|communities|heritage"),
        Situation::CulturalCommunity,
    ),
    (
        "pacific islander|islanders community|communities",
        Situation::CulturalCommunity,
    ),
    // A people named before who they are ("Filipino resident").
    (
        concat!(
            peoples!(),
            " person|persons|people|family|families|woman|women|man|men|youth|adult|adults|senior|seniors"
        ),
        Situation::CulturalCommunity,
    ),
    (
        "african american community|communities",
        Situation::CulturalCommunity,
    ),
    // A language community ("Chinese-speaking family"): the people who
    // speak it, not a service's staff ("Spanish-speaking staff").
    (
        "spanish|chinese|cantonese|mandarin|vietnamese|korean|russian|tagalog|japanese|arabic|farsi|portuguese|samoan|tongan speaking person|persons|people|family|families|parents|adults|seniors|women|men|youth|residents|immigrants|community|communities",
        Situation::CulturalCommunity,
    ),
    (
        "of $ heritage|ancestry|origin",
        Situation::CulturalCommunity,
    ),
];

/// Kinds of disability named by an adjective, read in lists that share one
/// noun ("developmental, physical, or emotional disability").
/// Peoples named before who they are ("Filipino resident"; the
/// [`POPULATION`] rows pair them with the nouns they go with).
const PEOPLES: &str = peoples!();

const DISABILITY_KIND: &[(&str, Situation)] = &[
    ("developmental", Situation::DevelopmentalDisability),
    ("intellectual", Situation::DevelopmentalDisability),
    ("physical", Situation::PhysicalDisability),
    ("mobility", Situation::PhysicalDisability),
    ("emotional", Situation::Disability),
    ("mental", Situation::Disability),
    ("learning", Situation::Disability),
    ("cognitive", Situation::Disability),
    ("sensory", Situation::Disability),
    ("psychiatric", Situation::SeriousMentalIllness),
    ("visual", Situation::BlindLowVision),
    ("hearing", Situation::DeafHardOfHearing),
];

/// Nouns that end a list of [`DISABILITY_KIND`] adjectives.
const DISABILITY_NOUN: &str = "disability|disabilities|impairment|impairments";

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

/// Words that name a group in a fully read sentence ("Physical limitation
/// or disability") but a topic as often elsewhere ("disability benefits"):
/// never hints.
const TOPIC_POPULATION: &[(&str, Situation)] =
    &[("disability|disabilities", Situation::Disability)];

/// Phrases that say who a service or a place is for ("family shelter",
/// "frail elderly", "battered women"): one or more groups (any qualifies),
/// sometimes with a gender. Unlike the bare nouns of [`WEAK_IN_SCAN`], often
/// a topic ("child care"), they are hints even in a sentence read only in
/// part.
const PEOPLE: &[(&str, &[Situation], Option<Gender>)] = &[
    // Kinds of health coverage, not people: "not eligible for Medi-Cal,
    // military care or Medicare".
    ("military care|insurance|coverage", &[], None),
    // Benefits and agencies named for a group: "Veterans Benefits",
    // "the Department of Veterans Affairs".
    (
        "veteran|veterans|veteran's|veterans' benefits|affairs|administration",
        &[],
        None,
    ),
    // Who did something, not who is served: "deprived by a caregiver".
    ("by a|the? caregiver|caregivers", &[], None),
    // Young and old together are everyone ("for youth and adults").
    (
        "for? youth|children|kids|teens|seniors and|& adults",
        &[],
        None,
    ),
    (
        "for? adults and|& youth|children|kids|teens|seniors",
        &[],
        None,
    ),
    (
        "battered women|woman",
        &[Situation::DomesticViolenceSurvivor],
        Some(Gender::Female),
    ),
    // A wish to stop using names the person, never a topic: "with a desire
    // to overcome an addiction to substance(s)" (brackets are dropped).
    (
        "with? a? desire to overcome an? addiction to alcohol|drugs|substance|substances s?",
        &[Situation::SubstanceUse],
        None,
    ),
    (
        "a? desire to stop|quit using marijuana|cannabis|cocaine|heroin|methamphetamine|opioids|narcotics",
        &[Situation::SubstanceUse],
        None,
    ),
    (
        "a? desire to stop|quit using|drinking drugs|alcohol|cocaine? and|or? all? other? drugs|alcohol|mind? -? altering? substances?",
        &[Situation::SubstanceUse],
        None,
    ),
    (
        "women's|womens shelter|shelters|house|residence|home",
        &[],
        Some(Gender::Female),
    ),
    (
        "men's|mens shelter|shelters|house|residence|home",
        &[],
        Some(Gender::Male),
    ),
    (
        "family|families shelter|shelters",
        &[Situation::FamilyWithChildren],
        None,
    ),
    (
        "youth|teen|teens medical|health? clinic|clinics|shelter|shelters",
        &[Situation::Youth],
        None,
    ),
    ("frail elderly|elders|seniors", &[Situation::Senior], None),
    // A diagnosis names the person, never a topic ("HIV testing").
    (
        "must? have a? diagnosis of hiv|aids /? aids|hiv?",
        &[Situation::HivAids],
        None,
    ),
    // Two adjectives on one noun: youth who are either ("homeless and
    // at-risk youth"), not homeless youth alone.
    (
        "homeless and|or at -? risk youth|youths|teens|teenagers|adolescents",
        &[Situation::Youth],
        None,
    ),
    (
        "for|serving? senior|seniors over|age? # ,? their caretakers|caregivers ,? or|and spouses",
        &[Situation::Senior, Situation::Caregiver],
        None,
    ),
    (
        "child|children or youth|youths|teens",
        &[Situation::Child, Situation::Youth],
        None,
    ),
    ("high school student|students", &[Situation::Student], None),
    (
        "registered|enrolled student|students",
        &[Situation::Student],
        None,
    ),
    (
        "student|students in kindergarten|grade|grades - # th? grade?",
        &[Situation::Student],
        None,
    ),
    (
        "who attends|attend|attending a? public|private? school|schools",
        &[Situation::Student],
        None,
    ),
    ("$ health? plan member|members", &[Situation::Member], None),
    (
        "in need of drug|alcohol|substance abuse? treatment",
        &[Situation::SubstanceUse],
        None,
    ),
    (
        "with|suffering from a? drug|alcohol|substance abuse|addiction|problem|problems|dependency",
        &[Situation::SubstanceUse],
        None,
    ),
    (
        "with|suffering from a? drug|alcohol or|and|/ drug|alcohol abuse|addiction|problem|problems|dependency",
        &[Situation::SubstanceUse],
        None,
    ),
    (
        "family|families with minor? children",
        &[Situation::FamilyWithChildren],
        None,
    ),
    (
        "with minor children",
        &[Situation::FamilyWithChildren],
        None,
    ),
    ("post partum|postpartum", &[Situation::Parenting], None),
    ("breastfeeding", &[Situation::Parenting], None),
    (
        "must? be a? permanent? employee|employees of",
        &[Situation::Member],
        None,
    ),
    (
        "must? have minor|dependent child|children",
        &[Situation::FamilyWithChildren],
        None,
    ),
    (
        "must? have at least one|1 child|children in? custody?",
        &[Situation::FamilyWithChildren],
        None,
    ),
    // "must have at least 1 child in custody": a parent's custody.
    (
        "child|children in custody",
        &[Situation::FamilyWithChildren],
        None,
    ),
    (
        "with legal? custody of a? minor? child|children",
        &[Situation::FamilyWithChildren],
        None,
    ),
    (
        "in the dependency or delinquency system",
        &[Situation::FosterYouth, Situation::JusticeInvolved],
        None,
    ),
    ("in the dependency system", &[Situation::FosterYouth], None),
    (
        "in the juvenile justice or child welfare system|systems",
        &[Situation::JusticeInvolved, Situation::FosterYouth],
        None,
    ),
    // "Must be a client of Golden Gate Regional Center": its clients only.
    (
        "must be a current? client|clients|patient|patients of",
        &[Situation::Member],
        None,
    ),
    (
        "must have been convicted",
        &[Situation::JusticeInvolved],
        None,
    ),
    (
        "in the delinquency|juvenile justice system",
        &[Situation::JusticeInvolved],
        None,
    ),
    (
        "medically? documented|diagnosed|diagnosable|verified|verifiable disability|disabilities",
        &[Situation::Disability],
        None,
    ),
    // "Disability must be verified by a physician", "Disability
    // verification form": a disability to show.
    (
        "disability must be verified|documented|certified",
        &[Situation::Disability],
        None,
    ),
    ("disability verification", &[Situation::Disability], None),
    (
        "with a? memory impairment|impairments|loss",
        &[Situation::Disability],
        None,
    ),
    (
        "medical? verification|proof|certification of a? disability",
        &[Situation::Disability],
        None,
    ),
    (
        "diagnosis of a? developmental disability|disabilities",
        &[Situation::DevelopmentalDisability],
        None,
    ),
    (
        "experiencing alcohol|drug|substance or|and? alcohol|drug? related? problem|problems|issues|abuse",
        &[Situation::SubstanceUse],
        None,
    ),
    (
        "victim|victims|survivor|survivors of domestic violence / violent crime|crimes",
        &[Situation::DomesticViolenceSurvivor, Situation::CrimeVictim],
        None,
    ),
    (
        "victim|victims|survivor|survivors of crime , domestic violence",
        &[Situation::CrimeVictim, Situation::DomesticViolenceSurvivor],
        None,
    ),
    (
        "victim|victims of or threatened by domestic violence",
        &[Situation::DomesticViolenceSurvivor],
        None,
    ),
    (
        "woman|women who is|are pregnant",
        &[Situation::Pregnant],
        None,
    ),
    (
        "in the? final month|months|trimester of pregnancy",
        &[Situation::Pregnant],
        None,
    ),
    (
        "single? man or woman with a? child|children",
        &[Situation::Parenting],
        None,
    ),
    ("single parent|parents", &[Situation::Parenting], None),
    // A parent by custody ("Any parent with custody or visitation rights",
    // "non-custodial parent").
    (
        "parent|parents with custody|visitation or|and? custody|visitation? rights?",
        &[Situation::Parenting],
        None,
    ),
    (
        "non? -? custodial parent|parents",
        &[Situation::Parenting],
        None,
    ),
    // Groups named as an audience ("helping seniors", "a program for
    // youth"): alone these words are topics as often ("youth services"),
    // so only this wording makes them hints.
    (
        "for|serving|serves|serve|helping|helps|assisting|assists seniors|elderly|elders",
        &[Situation::Senior],
        None,
    ),
    (
        "for|serving|serves|serve|helping|helps|assisting|assists youth|teens|teenagers",
        &[Situation::Youth],
        None,
    ),
];

/// Populations that also imply an age range (dropped when an age is given).
const AGE_POPULATIONS: &[Situation] = &[Situation::Senior, Situation::Youth, Situation::Child];

/// Shapes of income phrases.
#[derive(Debug, Clone, Copy)]
enum IncomeShape {
    /// "Low income": a ceiling without a figure.
    Low,
    /// `#` percent of the federal poverty guideline.
    PercentOfPoverty,
    /// `$#` a year.
    Annual,
    /// `$#` a month.
    Monthly,
    /// `$#` with no period: a year when the figure is one only a year
    /// could be (10,000 or more), else not read.
    Dollars,
}

/// Income phrases.
const INCOME: &[(&str, IncomeShape)] = &[
    ("maximum|max income|incomes $#", IncomeShape::Dollars),
    (
        "income|incomes cannot|can't exceed $#",
        IncomeShape::Dollars,
    ),
    (
        "income|incomes must|may|should|can not exceed $#",
        IncomeShape::Dollars,
    ),
    (
        "individual|household|family? monthly income|incomes of? less than|below|under $#",
        IncomeShape::Monthly,
    ),
    (
        "income|incomes must|may|should|can|cannot|can't not? exceed $# per|a|/ month",
        IncomeShape::Monthly,
    ),
    (
        "income|incomes must|may|should|can|cannot|can't not? exceed $# per|a|/ year",
        IncomeShape::Annual,
    ),
    (
        "individual|household|family|annual? income|incomes of? less than|below|under $# per|a|/ year",
        IncomeShape::Annual,
    ),
    (
        "income must? fall? within hud guidelines|limits",
        IncomeShape::Low,
    ),
    ("within hud income? guidelines|limits", IncomeShape::Low),
    ("economically disadvantaged", IncomeShape::Low),
    // A share of the area's (or state's) median income: a low-income
    // program, not a poverty percentage.
    (
        "gross? family|household? income must be at or below # % of|or the? state|area median income",
        IncomeShape::Low,
    ),
    (
        "gross? family|household? income below|under # % of|or the? state|area median income",
        IncomeShape::Low,
    ),
    ("# % of|or the? state|area median income", IncomeShape::Low),
    ("very? low income|incomes", IncomeShape::Low),
    ("lower income", IncomeShape::Low),
    ("indigent|indigents", IncomeShape::Low),
    ("hud income limits|guidelines", IncomeShape::Low),
    (
        "meet|meets|meeting income guidelines|guideline|requirements|limits",
        IncomeShape::Low,
    ),
    (
        "meet|meets|meeting federal poverty income? guidelines|guideline",
        IncomeShape::Low,
    ),
    ("low to very low income", IncomeShape::Low),
    ("low or very low income", IncomeShape::Low),
    ("low to|- middle income", IncomeShape::Low),
    (
        "max percentage of income standard : # %",
        IncomeShape::PercentOfPoverty,
    ),
    (
        "income below|under # % of federal poverty level fpl?",
        IncomeShape::PercentOfPoverty,
    ),
    ("low or|to|and moderate income", IncomeShape::Low),
    (
        "household|family? income? below|under # % of the? federal? poverty level|guidelines|guideline|line?",
        IncomeShape::PercentOfPoverty,
    ),
    (
        "household|family? income? at or below # % of the? federal? poverty level|guidelines|guideline|line?",
        IncomeShape::PercentOfPoverty,
    ),
    (
        "household|family? income? up to # % of the? federal? poverty level|guidelines|guideline|line?",
        IncomeShape::PercentOfPoverty,
    ),
    (
        "household|family? income? below|under # % fpl",
        IncomeShape::PercentOfPoverty,
    ),
    (
        "# % of the? federal? poverty level|guidelines|guideline|line? or below|less",
        IncomeShape::PercentOfPoverty,
    ),
];

/// Shapes of residency phrases.
#[derive(Debug, Clone, Copy)]
enum ResidencyShape {
    /// The places named by the `$` slot.
    Named,
    /// A residency requirement without a name ("resident of area served").
    Unnamed,
    /// "in <county>" after a word of [`IN_COUNTY_AFTER`].
    InCounty,
    /// Counties alone: read only in a sentence read whole ("San Mateo
    /// County" as the whole eligibility), never picked out of prose.
    Bare,
}

/// Residency phrases.
const RESIDENCY: &[(&str, ResidencyShape)] = &[
    ("resident|residents of the? $", ResidencyShape::Named),
    ("$ resident|residents", ResidencyShape::Named),
    (
        "$ homeowner|homeowners|renter|renters|tenant|tenants",
        ResidencyShape::Named,
    ),
    (
        "homeowner|homeowners|renters|tenants in the? $",
        ResidencyShape::Named,
    ),
    (
        "must? live|lives|living|reside|resides|residing in the? $",
        ResidencyShape::Named,
    ),
    (
        "resident|residents of the? area|areas served|serviced",
        ResidencyShape::Unnamed,
    ),
    (
        "resident|residents of the? service area",
        ResidencyShape::Unnamed,
    ),
    (
        "must? live|lives|living|reside|resides|residing in the? area|areas served|serviced",
        ResidencyShape::Unnamed,
    ),
    ("county resident|residents", ResidencyShape::Unnamed),
    (
        "resident|residents|residence|residency of|in the? state of $",
        ResidencyShape::Named,
    ),
    (
        "resident|residents of the? catchment area",
        ResidencyShape::Unnamed,
    ),
    (
        "within|in the? district boundaries|boundary",
        ResidencyShape::Unnamed,
    ),
    // A ward or district by number: an area no shipped boundary names.
    (
        "ward|district|precinct # resident|residents",
        ResidencyShape::Unnamed,
    ),
    (
        "resident|residents of|in ward|district|precinct no? .? #",
        ResidencyShape::Unnamed,
    ),
    (
        "must? live|lives|living|reside|resides|residing in ward|district|precinct no? .? #",
        ResidencyShape::Unnamed,
    ),
    // Live or work there.
    (
        "must? live|lives|living|reside|resides|residing and|or /? or? work|works|working in the? $",
        ResidencyShape::Named,
    ),
    (
        "resident|residents of ,? or employed|working|work in ,? the? $",
        ResidencyShape::Named,
    ),
    (
        "resident|residents or business person|persons|owner|owners in|of the? $",
        ResidencyShape::Named,
    ),
    ("population of the? $", ResidencyShape::Named),
    (
        "live|lives|living|reside|resides|residing in all $ counties",
        ResidencyShape::Named,
    ),
    (
        "based on geographic area|location|residence",
        ResidencyShape::Unnamed,
    ),
    ("within|in the? service area", ResidencyShape::Unnamed),
    (
        "residing in geographic area served",
        ResidencyShape::Unnamed,
    ),
    (
        "must? live|lives|living|reside|resides|residing and|or attend|attends|attending school|schools in the? area|areas served|serviced",
        ResidencyShape::Unnamed,
    ),
    (
        "must? live|lives|living|reside|resides|residing and|or /? or? work|works|working in the? area|areas served|serviced",
        ResidencyShape::Unnamed,
    ),
    (
        "live|lives|living in zip code|codes? $",
        ResidencyShape::Named,
    ),
    (
        "live|lives|living in the? $ zip code|codes",
        ResidencyShape::Named,
    ),
    ("resident|residents in|within the? $", ResidencyShape::Named),
    (
        "who? must? live|lives|living|reside|resides|residing within the? $",
        ResidencyShape::Named,
    ),
    (
        "who live|lives|reside|resides in the? $",
        ResidencyShape::Named,
    ),
    ("$ residency", ResidencyShape::Named),
    (
        "residency|residence in|within the? $",
        ResidencyShape::Named,
    ),
    (
        "must? live|lives|living|reside|resides|residing within|in the? city|county limits",
        ResidencyShape::Unnamed,
    ),
    ("must? have an address in the? $", ResidencyShape::Named),
    // A county named as the area served ("For Hillsborough County",
    // "serving Pasco County"); a town named so is as often where the
    // service is.
    (
        "for|serving|serves|serve|throughout the? $c",
        ResidencyShape::Named,
    ),
    ("in|within the? $c", ResidencyShape::InCounty),
    ("$c", ResidencyShape::Bare),
];

/// Words after which "in <county>" names the people's county ("tenants in
/// Pasco County", "cases in Hillsborough County"), not where an office is
/// ("the VA Hospital in Pinellas County").
const IN_COUNTY_AFTER: &[&str] = &[
    "people",
    "persons",
    "individuals",
    "families",
    "households",
    "homeowners",
    "renters",
    "tenants",
    "clients",
    "residents",
    "seniors",
    "veterans",
    "youth",
    "children",
    "adults",
    "women",
    "men",
    "cases",
    "matters",
    "anyone",
];

/// Phrases saying there is no restriction.
const OPEN: &[&str] = &[
    "none",
    "no restriction|restrictions|requirement|requirements|limitations",
    "no eligibility restriction|restrictions|requirement|requirements",
    "anyone|everyone|all",
    "open to all|everyone|anyone",
    "open to the public",
    "available to all|everyone|anyone",
    "free to all|everyone|anyone",
    "all ages",
    "all|everyone welcome",
    "all|everyone are|is welcome",
    "anyone|everyone|all will be served",
    "anyone|everyone willing to stand|wait in line will be served",
];

/// Words that carry no condition.
const FILLER: &[&str] = &[
    "a|an|the",
    "person|persons|people|individual|individuals",
    "all persons|people|individuals",
    "only",
    "must be",
    "who is|are",
    "serves",
    "eligibility",
    "free to eligible persons|entities",
    "free to eligible persons / entities",
    "flat fee regardless of income",
    "sliding scale based on income",
    "for|with",
    "over",
    // A minor's consent is a formality, not a condition on who is served.
    "with parent|parental|parents|guardian /? guardian? consent|permission",
    "open|available|limited|restricted to",
];

/// Requirement phrases: what a client must bring or do first.
const REQUIREMENT: &[(&str, RequirementKind)] = &[
    (
        "must? have|bring|show? a|an? valid? federal|state|photo? ,? state? id|identification",
        RequirementKind::Id,
    ),
    ("id|identification required|necessary", RequirementKind::Id),
    ("id or social security card required", RequirementKind::Id),
    ("social security card required", RequirementKind::Id),
    ("name and address id", RequirementKind::Id),
    ("id with name and address", RequirementKind::Id),
    ("proof|verification of income", RequirementKind::IncomeProof),
    ("verifiable income", RequirementKind::IncomeProof),
    (
        "proof of residency|residence|address",
        RequirementKind::ResidencyProof,
    ),
    ("eviction notice", RequirementKind::EvictionNotice),
    ("notice of eviction", RequirementKind::EvictionNotice),
    ("# day notice", RequirementKind::EvictionNotice),
    (
        "shut off|shutoff|disconnection notice",
        RequirementKind::ShutOffNotice,
    ),
    (
        "notice of disconnection|termination",
        RequirementKind::ShutOffNotice,
    ),
    ("court papers|summons|order", RequirementKind::CourtPapers),
    ("must be referred|placed", RequirementKind::Referral),
    ("referred by", RequirementKind::Referral),
    ("referral|referrals required", RequirementKind::Referral),
    ("by referral", RequirementKind::Referral),
    ("must have a referral", RequirementKind::Referral),
    ("placement by referral", RequirementKind::Referral),
    ("physician's approval|referral", RequirementKind::Referral),
    (
        "teacher recommendation|recommendations",
        RequirementKind::Referral,
    ),
    (
        "brought to the facility by police",
        RequirementKind::Referral,
    ),
    (
        "call for an? intake? appointment|appt|interview",
        RequirementKind::Appointment,
    ),
    ("by appointment only?", RequirementKind::Appointment),
    (
        "call to schedule|make an? appointment|appt",
        RequirementKind::Appointment,
    ),
    (
        "appointment|appointments required",
        RequirementKind::Appointment,
    ),
];

/// Phrases naming organizations as the only clients (agency-to-agency).
const AGENCY: &[&str] = &[
    "non? profit|nonprofit community? based? agency|agencies|organization|organizations|group|groups",
    "a non? profit|nonprofit organization or small business",
    "nonprofit educational or charitable service",
    "nonprofit 501 c 3 agency",
    "school|schools or|and agency|agencies",
    "any business|businesses",
    "501 c 3 status",
    "a? 501 c 3 organization|organizations",
    "nonprofit agency or school",
    "public school or school district",
    "government , nonprofit , business group or organization",
    // "Services for agencies only, not for individuals".
    "for? agencies|organizations|professionals|providers only",
];

/// Words that say individual people are served too (an agency cue in the
/// same text is then not "agency only").
const INDIVIDUAL: &[&str] = &[
    "individual",
    "individuals",
    "person",
    "persons",
    "people",
    "resident",
    "residents",
    "family",
    "families",
    "anyone",
    "client",
    "clients",
    "teacher",
];

/// Relatives a group word may describe instead of the client.
const RELATIVE: &[&str] = &[
    "grandchild",
    "grandchildren",
    "relative",
    "relatives",
    "spouse",
    "spouses",
    "husband",
    "wife",
    "sibling",
    "siblings",
];

/// "and their families": the people around a population are served too, so
/// the population is only a hint (Low confidence).
const ALSO_FAMILY: &[&str] = &[
    "and|or their? family|families|dependents|partner|partners",
    "and their? family or partner",
    "and / or their? family|families|dependents",
];

/// How two terms are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Conn {
    And,
    Or,
    Comma,
}

/// Connectors between terms.
const CONNECTOR: &[(&str, Conn)] = &[
    ("and|&", Conn::And),
    ("or", Conn::Or),
    ("and / or", Conn::Or),
    (",", Conn::Comma),
];

/// Capitalized words that are never part of a place name.
const NOT_PLACE: &[&str] = &[
    "resident",
    "residents",
    "must",
    "live",
    "lives",
    "living",
    "reside",
    "resides",
    "residing",
    "area",
    "served",
    "age",
    "ages",
    "and",
    "or",
    "of",
    "the",
    "in",
    "low",
    "income",
    // "Orange, Seminole and Osceola Counties": the plural is no name's end.
    "counties",
];

/// Capitalized nouns that end a program's name ("Homeless Legal
/// Prevention Project").
const PROGRAM: &[&str] = &[
    "project",
    "program",
    "programs",
    "clinic",
    "act",
    "initiative",
    "coalition",
];

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

/// Capitalized nouns after a name that make it a building's ("Brennan
/// House").
const BUILDING: &[&str] = &[
    "house", "center", "centre", "hall", "home", "shelter", "hospital", "clinic", "school",
];

/// Words that name no place on their own ("County resident": which county?).
const GENERIC_PLACE: &[&str] = &[
    "county", "city", "state", "district", "zone", "ward", "precinct", "of",
];

/// Lower-case words that may open a place name.
const PLACE_QUALIFIER: &[&str] = &[
    "unincorporated",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "coastal",
    "north",
    "south",
    "east",
    "west",
];

/// States, which after a comma qualify the towns before them ("Hillsborough,
/// California"): the states of the directories carenav reads, and their
/// neighbours.
const STATES: &[&str] = &[
    "california",
    "ca",
    "florida",
    "fl",
    "illinois",
    "il",
    "oregon",
    "nevada",
    "arizona",
    "georgia",
    "alabama",
    "indiana",
    "wisconsin",
    "iowa",
    "missouri",
    "kentucky",
];

// ---------------------------------------------------------------- tokens and sentences

/// Drops tokens that carry nothing for eligibility: hyphens inside words
/// ("low-income" reads as "low income") and brackets.
fn prepare(tokens: Vec<Token>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    for (k, token) in tokens.iter().enumerate() {
        let inner_hyphen = token.is_punct('-')
            && out.last().is_some_and(|t| t.word().is_some())
            && tokens.get(k + 1).is_some_and(|t| t.word().is_some());
        let bracket = matches!(token.kind, Kind::Punct('(' | ')' | '[' | ']'));
        if !inner_hyphen && !bracket {
            out.push(token.clone());
        }
    }
    out
}

/// Whether a sentence starts with a short label and a colon ("Group home:",
/// "4-H:"), naming a sub-program.
fn heading(sentence: &[Token]) -> bool {
    let Some(colon) = sentence.iter().position(|t| t.is_punct(':')) else {
        return false;
    };
    (1..=3).contains(&colon)
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
        // "... area served. 10% of enrollment ...", not "Ward No. 5".
        let numbered = k
            .checked_sub(1)
            .and_then(|p| tokens.get(p))
            .is_some_and(|t| t.is_word("no") || t.is_word("nos"));
        let starts_sentence = tokens.get(k + 1).is_none_or(|next| {
            next.start > token.end && (next.capitalized || (next.digits().is_some() && !numbered))
        });
        let ends =
            token.is_punct(';') || (token.is_punct('.') && !after_initial && starts_sentence);
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

// ---------------------------------------------------------------- pattern matching

/// What a pattern captured.
#[derive(Debug, Default, Clone)]
struct Capture {
    numbers: Vec<u32>,
    /// The place names matched by `$` or `%`.
    places: Places,
}

/// Matches `pattern` at `tokens[i..]`; returns the end index and captures.
/// Tries every way optional tokens can go and keeps the longest match.
fn match_pattern(pattern: &str, tokens: &[Token], i: usize) -> Option<(usize, Capture)> {
    // The parts are split as they are matched, not collected: most
    // patterns fail at their first word (this runs for every word of every
    // text indexed, against every pattern).
    match_parts(pattern.split_whitespace(), tokens, i, Capture::default())
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
    let (alts, optional) = match part.strip_suffix('?') {
        Some(p) if !p.is_empty() => (p, true),
        _ => (part, false),
    };
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
        "$" | "$c" => {
            if let Some((end, places)) = place_list(tokens, i)
                && (alts == "$" || places.all_counties)
            {
                let mut cap = cap.clone();
                cap.places = places;
                consider(match_parts(rest(), tokens, end, cap));
            }
        }
        _ => {
            let hit = tokens.get(i).is_some_and(|t| {
                alts.split('|').any(|alt| match &t.kind {
                    Kind::Word(w) => w == alt,
                    Kind::Punct(c) => alt.chars().eq(std::iter::once(*c)),
                    Kind::Number(n) => n == alt,
                })
            });
            if hit {
                consider(match_parts(rest(), tokens, i + 1, cap.clone()));
            }
        }
    }
    best
}

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

/// A capitalized word that may be part of a place name.
fn place_word(token: &Token) -> bool {
    token.capitalized
        && token
            .word()
            .is_some_and(|w| !NOT_PLACE.contains(&w) && !is_vocabulary(w))
}

/// Whether `word` is a word of some non-residency table ("Senior", "Age").
fn is_vocabulary(word: &str) -> bool {
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
        .any(|w| w == word)
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
    // A word of another table opens a place named "<Word> City|County"
    // ("Foster City").
    let named_town = tokens
        .get(i)
        .is_some_and(|t| t.capitalized && t.word().is_some())
        && tokens
            .get(i + 1)
            .is_some_and(|t| t.capitalized && (t.is_word("city") || t.is_word("county")));
    let first = tokens
        .get(i)
        .filter(|t| qualified || named_town || place_word(t))?;
    let mut end = i + 1;
    loop {
        match tokens.get(end) {
            Some(t) if place_word(t) => end += 1,
            Some(t) if t.is_word("of") && tokens.get(end + 1).is_some_and(place_word) => end += 2,
            _ => break,
        }
    }
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

/// Places read by `$` (or `$c`, counties only).
#[derive(Debug, Default, Clone)]
struct Places {
    /// Byte spans of the names.
    spans: Vec<(usize, usize)>,
    /// "Hillsborough and Pasco counties": each name is a county's.
    county: bool,
    /// Whether every name is a county's ("Pasco County", "A and B counties").
    all_counties: bool,
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
fn place_list(tokens: &[Token], i: usize) -> Option<(usize, Places)> {
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
    let all_counties = county
        || spans.iter().all(|(_, e)| {
            tokens
                .iter()
                .find(|t| t.end == *e)
                .is_some_and(|t| t.is_word("county") || t.is_word("counties"))
        });
    Some((
        end,
        Places {
            spans,
            county,
            all_counties,
        },
    ))
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

/// Longest match of any table at `i`.
/// The word just before `tokens[i]`, if that token is a word.
fn word_before(tokens: &[Token], i: usize) -> Option<&str> {
    i.checked_sub(1)
        .and_then(|k| tokens.get(k))
        .and_then(Token::word)
}

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
    let term = |value: Value, end: usize, confidence: Confidence| {
        let (start, end) = span(end);
        Some(Item::Term(Term {
            value,
            start,
            end,
            confidence,
            hint: Hint::ByKind,
            stands_for: Vec::new(),
        }))
    };
    for (pattern, situations, gender) in PEOPLE {
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
    // "Grade 1 through 6": school grades, not ages.
    let after_grade = word_before(tokens, i).is_some_and(|w| ["grade", "grades"].contains(&w));
    for (pattern, shape) in AGE.iter().filter(|_| !after_grade) {
        if let Some((end, cap)) = match_pattern(pattern, tokens, i) {
            // "with an infant under 3 months": an age in months is a
            // baby's, not the client's age in years; "between 9 and 11
            // am" are hours.
            let not_years = tokens.get(end).and_then(Token::word).is_some_and(|w| {
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
                || end
                    .checked_sub(1)
                    .and_then(|k| tokens.get(k))
                    .is_some_and(|t| t.is_word("only"));
            let item = age(*shape, &cap.numbers)
                .and_then(|v| term(v, end, Confidence::High))
                .map(|item| match item {
                    Item::Term(t) if stated => Item::Term(Term {
                        hint: Hint::Always,
                        ..t
                    }),
                    other => other,
                });
            offer(end, item);
        }
    }
    for (pattern, gender) in GENDER {
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
    for (pattern, situation) in POPULATION {
        if let Some((end, _)) = match_pattern(pattern, tokens, i)
            && !names_a_program(tokens, i, end)
            && !of_a_relative(end)
        {
            offer(
                end,
                term(Value::Population(vec![*situation]), end, Confidence::High),
            );
        }
    }
    // "Filipino resident of Foster City": the people is a group; the
    // residence after it is read on its own.
    if let Some((end, _)) = match_pattern(PEOPLES, tokens, i)
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
    if let Some((end, list)) = disability_list(tokens, i) {
        offer(end, term(Value::Population(list), end, Confidence::High));
    }
    for (pattern, situation) in TOPIC_POPULATION {
        if let Some((end, _)) = match_pattern(pattern, tokens, i) {
            let topic =
                term(Value::Population(vec![*situation]), end, Confidence::High).map(|item| {
                    match item {
                        Item::Term(t) => Item::Term(Term {
                            hint: Hint::Never,
                            ..t
                        }),
                        other => other,
                    }
                });
            offer(end, topic);
        }
    }
    for (pattern, shape) in INCOME {
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
                (IncomeShape::Dollars, [n]) if *n >= 10_000 => term(
                    Value::Income(IncomeLimit::AnnualDollars(f64::from(*n))),
                    end,
                    Confidence::High,
                ),
                (IncomeShape::PercentOfPoverty, [n]) if (50..=1000).contains(n) => term(
                    Value::Income(IncomeLimit::PercentOfPoverty(f64::from(*n))),
                    end,
                    Confidence::High,
                ),
                _ => None,
            };
            offer(end, value);
        }
    }
    for (pattern, shape) in RESIDENCY {
        if let Some((end, cap)) = match_pattern(pattern, tokens, i) {
            let after_people = word_before(tokens, i).is_some_and(|w| IN_COUNTY_AFTER.contains(&w));
            if matches!(shape, ResidencyShape::InCounty) && !after_people {
                continue;
            }
            let value = match shape {
                ResidencyShape::Named | ResidencyShape::InCounty | ResidencyShape::Bare => {
                    let names: Vec<String> = cap
                        .places
                        .spans
                        .iter()
                        .filter_map(|&(s, e)| text.get(s..e))
                        .map(|name| {
                            if cap.places.county {
                                format!("{name} County")
                            } else {
                                name.to_owned()
                            }
                        })
                        .collect();
                    (!names.is_empty()).then_some(Value::Residency(Some(names)))
                }
                ResidencyShape::Unnamed => Some(Value::Residency(None)),
            };
            let item = value.and_then(|v| term(v, end, Confidence::High));
            let item = match item {
                Some(Item::Term(t)) if matches!(shape, ResidencyShape::Bare) => {
                    Some(Item::Term(Term {
                        hint: Hint::Never,
                        ..t
                    }))
                }
                other => other,
            };
            offer(end, item);
        }
    }
    // "employer identification number": an organization's, not an ID.
    let after_employer = word_before(tokens, i).is_some_and(|w| ["employer", "tax"].contains(&w));
    for (pattern, kind) in REQUIREMENT.iter().filter(|_| !after_employer) {
        if let Some((end, _)) = match_pattern(pattern, tokens, i) {
            // "identification theft", "Identification Matters": a topic.
            let topic = ["theft", "matters", "number", "numbers"]
                .iter()
                .any(|w| tokens.get(end).is_some_and(|t| t.is_word(w)));
            if *kind == RequirementKind::Id && topic {
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
    let referrer = tokens
        .get(..i)
        .is_some_and(|ts| ts.iter().any(|t| t.is_word("by") || t.is_word("from")));
    for pattern in AGENCY.iter().filter(|_| !referrer) {
        if let Some((end, _)) = match_pattern(pattern, tokens, i) {
            offer(end, term(Value::Agency, end, Confidence::High));
        }
    }
    for pattern in OPEN {
        if let Some((end, _)) = match_pattern(pattern, tokens, i) {
            offer(end, term(Value::Open, end, Confidence::High));
        }
    }
    for pattern in FILLER {
        if let Some((end, _)) = match_pattern(pattern, tokens, i) {
            offer(end, Some(Item::Filler));
        }
    }
    for pattern in ALSO_FAMILY {
        if let Some((end, _)) = match_pattern(pattern, tokens, i) {
            offer(end, Some(Item::AlsoFamily));
        }
    }
    for (pattern, conn) in CONNECTOR {
        if let Some((end, _)) = match_pattern(pattern, tokens, i) {
            offer(end, Some(Item::Conn(*conn)));
        }
    }
    best
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
    combine(items)
}

/// Applies the connector rules (module docs) to a sentence's items.
fn combine(items: Vec<Item>) -> Option<SentenceReading> {
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
        vec![or_list(&terms)?]
    } else {
        and_list(terms)?
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
    let grouped: Vec<(Option<Conn>, Term)> = terms
        .iter()
        .enumerate()
        .filter(|(k, (conn, term))| {
            let after_group = k.checked_sub(1).and_then(|p| terms.get(p)).is_some_and(
                |(_, prev)| matches!(&prev.value, Value::Population(s) if s.iter().any(|x| AGE_POPULATIONS.contains(x))),
            );
            !(conn.is_none() && after_group && matches!(term.value, Value::Age(_, false)))
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

/// All terms required; `and` between populations is a union.
fn and_list(terms: Vec<(Option<Conn>, Term)>) -> Option<Vec<Term>> {
    let mut out: Vec<Term> = Vec::new();
    for (conn, term) in terms {
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
        if conn == Some(Conn::And)
            && let Some(prev) = out.last_mut()
        {
            match (&mut prev.value, &term.value) {
                (Value::Population(a), Value::Population(b)) => {
                    a.extend(b.iter().copied());
                    *a = dedup(std::mem::take(a));
                    prev.end = term.end;
                    prev.confidence = prev.confidence.min(term.confidence);
                    continue;
                }
                // "women and children": not a gender restriction.
                (Value::Gender(_), _) | (_, Value::Gender(_)) => return None,
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
        // "Parent of child age 5 or under": the age is the child's.
        let parents = out.iter().any(|t| {
            matches!(&t.value, Value::Population(s)
                if s.iter().any(|x| matches!(x, Situation::Parenting | Situation::FamilyWithChildren)))
        });
        if parents {
            for t in &mut out {
                if let Value::Age(range, _) = &mut t.value {
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

// ---------------------------------------------------------------- scanning

/// Groups that free text names as a topic as often as a condition.
const WEAK_IN_SCAN: &[Situation] = &[
    Situation::Child,
    Situation::Youth,
    Situation::Student,
    Situation::Lgbtq,
    Situation::HivAids,
    Situation::SubstanceUse,
    Situation::Parenting,
    Situation::FamilyWithChildren,
    Situation::Member,
    Situation::Senior,
];

/// Whether every group of a list is one [`WEAK_IN_SCAN`] leaves out.
fn named_as_topic(groups: &[Situation]) -> bool {
    groups.iter().all(|s| WEAK_IN_SCAN.contains(s))
}

/// Words (or two-word phrases) that make an unread sentence's phrases
/// doubtful: conditions, exceptions, widening ("and spouse", "or age 16
/// with ...", "or a family member").
const CONDITIONAL: &[&str] = &[
    "if",
    "unless",
    "except",
    "permission",
    "consent",
    "spouse",
    "spouses",
    "can be",
    "may be",
    "or younger",
    "or age",
    "family member",
];

/// Roles within a service: the conditions of the clause naming one are the
/// role's ("Age 12 or over, age 18 or over to hold office"). Joining or
/// using the service itself ("to become a member", "to obtain a library
/// card", "to participate") is no role: its conditions are the service's.
/// Volunteering is no role here: a volunteer program's conditions are its
/// own ("Age 16 or over to volunteer").
const ROLE: &[&str] = &["to hold", "serve on"];

/// Words that negate the phrase after them ("no income requirement").
const NEGATION: &[&str] = &["no", "not", "non", "without", "regardless"];

/// Words that turn the group after them into a status condition ("eligible
/// immigrant" beside "citizen"), not a population served; a place after
/// them is still a place ("eligible residents of Central Florida").
const QUALIFIER: &[&str] = &["eligible", "qualified", "qualifying"];

/// Connectors that pair a gender or an implied age with another group
/// ("women and children", "man or woman"): no restriction then.
fn joins(token: Option<&Token>) -> bool {
    token.is_some_and(|t| t.is_word("and") || t.is_word("or") || t.is_punct('&') || t.is_punct('/'))
}

/// A term naming people (a gender, a group, "adults").
fn names_people(value: &Value) -> bool {
    matches!(
        value,
        Value::Gender(_) | Value::Population(_) | Value::Age(_, true)
    )
}

/// The phrases of a sentence that could not be read whole, each read on its
/// own: hints (Low confidence) rather than nothing. Only readings that do
/// not depend on the words around them survive: one age, one place, one
/// gender that is not paired ("women and children"), populations pooled as
/// a choice, requirements, and agency cues. `preference`: whether the
/// sentence states one ([`states_a_preference`], which the caller checked).
fn scan_sentence(text: &str, tokens: &[Token], preference: bool) -> Vec<Term> {
    // "Priority given to Daly City residents": a preference, not a condition.
    // "10% of enrollment reserved for children with disabilities": a quota;
    // "Special arrangements for non-residents or homeless", "Seniors
    // welcome as well as ...": an exception, a welcome.
    let not_required = preference
        || tokens.iter().any(|t| {
            ["reserved", "arrangements", "welcome", "welcomed"]
                .iter()
                .any(|w| t.is_word(w))
        });
    // Every phrase found, with its token span.
    let mut candidates: Vec<(usize, usize, Term)> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match item_at(text, tokens, i) {
            Some((end, Item::Term(term))) => {
                candidates.push((i, end, term));
                i = end;
            }
            Some((end, Item::Terms(terms))) => {
                candidates.extend(terms.into_iter().map(|t| (i, end, t)));
                i = end;
            }
            Some((end, _)) => i = end,
            None => i += 1,
        }
    }
    // "Caregiver of child age 5 or under", "must have 1 child ... who is
    // age 5 or under": the age is the child's, not the client's.
    for (start, _, term) in &mut candidates {
        if let Value::Age(range, _) = &mut term.value
            && childs_age(tokens, *start)
        {
            range.of = AgeOf::Child;
        }
    }
    // "Age 62 or over or handicapped, meet ...", "Age 62 or over, or blind
    // or disabled, ...": a senior's age offered as one choice beside a
    // group stands for seniors, pooled with the group.
    let is_or = |k: usize| tokens.get(k).is_some_and(|t| t.is_word("or"));
    let is_comma = |k: usize| tokens.get(k).is_some_and(|t| t.is_punct(','));
    let group = |matches: &dyn Fn(usize, usize) -> bool| {
        candidates
            .iter()
            .any(|(s, e, t)| matches!(t.value, Value::Population(_)) && matches(*s, *e))
    };
    let seniors: Vec<usize> = candidates
        .iter()
        .enumerate()
        .filter(|(_, (s, e, t))| {
            // The "or" after the age (past a comma), then the group.
            let or_after = if is_comma(*e) { e + 1 } else { *e };
            let group_after = is_or(or_after) && group(&|gs, _| gs == or_after + 1);
            // The group, then "or" (a comma before it), then the age.
            let group_before = s.checked_sub(1).is_some_and(|or| {
                is_or(or) && group(&|_, ge| ge == or || (ge + 1 == or && is_comma(ge)))
            });
            senior_age(&t.value) && (group_after || group_before)
        })
        .map(|(k, _)| k)
        .collect();
    for k in seniors {
        if let Some((_, _, term)) = candidates.get_mut(k) {
            term.value = Value::Population(vec![Situation::Senior]);
            term.hint = Hint::Always;
        }
    }
    // "Age 55 or over for most programs, age 60 or over for lunch": ages of
    // the programs within (`program_ages`); the first stands for them all.
    let is_age = |(_, _, t): &(usize, usize, Term)| matches!(t.value, Value::Age(..));
    let ages: Vec<&Term> = candidates
        .iter()
        .filter(|c| is_age(c))
        .map(|(_, _, t)| t)
        .collect();
    if let Some(union) = program_ages(text, &ages) {
        let last_end = ages.last().map(|t| t.end);
        let mut kept = false;
        candidates.retain(|c| !is_age(c) || !std::mem::replace(&mut kept, true));
        if let Some((_, _, term)) = candidates.iter_mut().find(|c| is_age(c)) {
            term.value = union;
            term.end = last_end.unwrap_or(term.end);
        }
    }
    // A condition, an exception or a widening makes every phrase doubtful
    // ("Can be younger if disabled"), unless its words are inside a phrase
    // naming who is served ("seniors over 60, their caretakers, or spouses").
    let inside_people = |k: usize| {
        candidates
            .iter()
            .any(|(s, e, t)| t.hint == Hint::Always && (*s..*e).contains(&k))
    };
    // "... that can be remedied": a relative clause describes; it widens
    // nothing.
    let describes = |k: usize| {
        k.checked_sub(1)
            .and_then(|p| tokens.get(p))
            .is_some_and(|t| t.is_word("that") || t.is_word("which"))
    };
    let find = |phrases: &[&str]| {
        (0..tokens.len()).find(|&k| {
            !inside_people(k)
                && !describes(k)
                && phrases.iter().any(|c| match c.split_once(' ') {
                    Some((a, b)) => {
                        tokens.get(k).is_some_and(|t| t.is_word(a))
                            && tokens.get(k + 1).is_some_and(|t| t.is_word(b))
                    }
                    None => tokens.get(k).is_some_and(|t| t.is_word(c)),
                })
        })
    };
    if find(CONDITIONAL).is_some() {
        return Vec::new();
    }
    let role = find(ROLE);
    // "Priority given to Daly City residents", "priority to seniors": a
    // preference, not a condition.
    if not_required {
        candidates.retain(|(_, _, t)| dimension(&t.value) > 5);
    }
    // The clause naming a role holds the role's conditions only.
    if let Some(k) = role {
        let clause_break = |t: &Token| t.is_punct(',') || t.is_punct(';');
        let from = tokens
            .get(..k)
            .and_then(|ts| ts.iter().rposition(clause_break))
            .map_or(0, |p| p + 1);
        let to = tokens
            .get(k..)
            .and_then(|ts| ts.iter().position(clause_break))
            .map_or(tokens.len(), |p| p + k);
        candidates.retain(|(s, e, t)| dimension(&t.value) > 5 || *e <= from || *s >= to);
    }
    // "Must be low-income household, family, senior or disabled": a group
    // offered as one choice beside income or a group named as often as a
    // topic (which the scan leaves out) would read a narrower union than
    // the text's; no hint then. Neighbours are next to each other in the
    // list, joined by "or" (", or"), or by a comma when the second is
    // followed by "or" ("family, senior, disabled or ...").
    let weak_choice = |t: &Term| {
        t.hint != Hint::Always
            && match &t.value {
                Value::Income(_) => true,
                Value::Population(list) => named_as_topic(list),
                _ => false,
            }
    };
    let followed_by_or = |k: usize| is_or(k) || (is_comma(k) && is_or(k + 1));
    // The next item's start after `k`, and whether an "or" joins them.
    let next_item = |k: usize| match (is_comma(k), is_or(k), is_or(k + 1)) {
        (true, _, true) => Some((k + 2, true)),
        (true, _, false) => Some((k + 1, false)),
        (false, true, _) => Some((k + 1, true)),
        _ => None,
    };
    let offered_beside_weak = |start: usize, end: usize| {
        candidates.iter().any(|(s, e, t)| {
            let right = next_item(end).is_some_and(|(k, or)| k == *s && (or || followed_by_or(*e)));
            let left = *e <= start
                && next_item(*e).is_some_and(|(k, or)| k == start && (or || followed_by_or(end)));
            weak_choice(t) && (right || left)
        })
    };
    let mut found: Vec<Term> = Vec::new();
    for (start, end, term) in &candidates {
        let (start, end) = (*start, *end);
        let before = start.checked_sub(1).and_then(|p| tokens.get(p));
        let word_before = before.and_then(Token::word);
        let negated = word_before.is_some_and(|w| NEGATION.contains(&w))
            || (matches!(term.value, Value::Population(_))
                && word_before.is_some_and(|w| QUALIFIER.contains(&w)));
        // "women and children", "Women, teens and children": a gender (or
        // "adults") listed with other groups restricts nothing. A comma pairs
        // only with a group on its other side ("Male, age 18 or over" is one).
        let comma_pair = |k: Option<usize>, side_end: bool| {
            k.and_then(|k| tokens.get(k))
                .is_some_and(|t| t.is_punct(','))
                && candidates.iter().any(|(s, e, other)| {
                    names_people(&other.value)
                        && if side_end {
                            Some(*s) == k.map(|k| k + 1)
                        } else {
                            k == Some(*e)
                        }
                })
        };
        // "homeless people and residents of the Tenderloin": either group
        // may come, so the place restricts no one.
        let other_group = matches!(term.value, Value::Residency(_))
            && joins(before)
            && candidates.iter().any(|(_, e, other)| {
                matches!(other.value, Value::Population(_))
                    && Some(*e + 2) >= Some(start)
                    && *e < start
            });
        let pairable = matches!(term.value, Value::Gender(_))
            || (matches!(term.value, Value::Age(_, true)) && term.hint == Hint::Always);
        let paired = pairable
            && (joins(tokens.get(end))
                || joins(before)
                || comma_pair(Some(end), true)
                || comma_pair(start.checked_sub(1), false));
        // Ages without a word ("1-90 forms") and groups often named as a
        // topic rather than a condition ("child care", "HIV testing") are
        // not hints.
        let weak = match (&term.value, term.hint) {
            (_, Hint::Never) => true,
            (Value::Age(..), Hint::Always) => false,
            // "Shelter for Youths 18-24": bare numbers after an age group
            // are its ages.
            (Value::Age(_, implied), _) => {
                let after_age_group = candidates.iter().any(|(_, e, other)| {
                    *e == start
                        && matches!(&other.value, Value::Population(s)
                            if s.iter().any(|x| AGE_POPULATIONS.contains(x)))
                });
                *implied
                    || !(after_age_group
                        || tokens
                            .get(start..end)
                            .is_some_and(|ts| ts.iter().any(|t| t.word().is_some())))
            }
            (Value::Population(_), Hint::Always) => false,
            (Value::Population(list), _) => named_as_topic(list) || offered_beside_weak(start, end),
            _ => false,
        };
        if !negated && !paired && !weak && !other_group && term.value != Value::Open {
            found.push(Term {
                confidence: Confidence::Low,
                ..term.clone()
            });
        }
    }
    let mut out: Vec<Term> = Vec::new();
    let mut clashed: Vec<u8> = Vec::new();
    let mut populations: Option<Term> = None;
    let explicit_age = found.iter().any(|t| matches!(t.value, Value::Age(..)));
    for term in found {
        let Value::Population(ref list) = term.value else {
            let kind = dimension(&term.value);
            if clashed.contains(&kind) || out.iter().any(|t| t.value == term.value) {
                continue;
            }
            let clash = single(&term.value) && out.iter().any(|t| dimension(&t.value) == kind);
            if clash {
                // Two ages or two places in one unread sentence: no hint.
                out.retain(|t| dimension(&t.value) != kind);
                clashed.push(kind);
                continue;
            }
            out.push(term);
            continue;
        };
        let list: Vec<Situation> = list
            .iter()
            .copied()
            .filter(|s| !(explicit_age && AGE_POPULATIONS.contains(s)))
            .collect();
        match populations.as_mut() {
            Some(Term {
                value: Value::Population(all),
                end,
                ..
            }) => {
                all.extend(list);
                *all = dedup(std::mem::take(all));
                *end = (*end).max(term.end);
            }
            _ if !list.is_empty() => {
                populations = Some(Term {
                    value: Value::Population(list),
                    ..term
                })
            }
            _ => {}
        }
    }
    out.extend(populations);
    out
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
    // People an organization serves ("services to residents of the
    // Peninsula") are its clients, not the service's.
    let tokens = tokenize(text);
    let individuals = tokens.iter().enumerate().any(|(k, t)| {
        // "not for individuals" says the opposite.
        let negated = (k.saturating_sub(2)..k)
            .filter_map(|j| tokens.get(j).and_then(Token::word))
            .any(|w| NEGATION.contains(&w));
        t.word().is_some_and(|w| INDIVIDUAL.contains(&w))
            && !negated
            && !word_before(&tokens, k)
                .is_some_and(|w| ["to", "serving", "serves", "serve"].contains(&w))
    });
    // High only when every sentence was read and none said "no restriction".
    let cap = if unread.is_empty() && !any_open {
        Confidence::High
    } else {
        Confidence::Low
    };
    let mut conflict = false;
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
        let value = if group.iter().all(|t| t.value == first.value) {
            // The same condition said twice ("women's shelter ... for women").
            first.value.clone()
        } else if let Some(union) = program_ages(text, &group) {
            union
        } else if let Some(all) = population_union(&group).filter(|_| {
            group
                .iter()
                .all(|t| t.confidence == Confidence::High || t.hint == Hint::Always)
        }) {
            // Different groups in different sentences each read whole
            // ("living with a disability; living with HIV/AIDS"): a list of
            // who may come more often than groups all required, so a
            // choice, as a hint. Groups picked out of prose stay unknown.
            let evidence = text.get(start..end).unwrap_or_default();
            eligibility.populations = Constraint::from_text(all, evidence, Confidence::Low);
            continue;
        } else {
            conflict = true;
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

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    fn age(min: Option<f64>, max: Option<f64>) -> Option<AgeRange> {
        Some(AgeRange::client(min, max))
    }

    #[rstest]
    #[case("Age 18 or over", age(Some(18.0), None))]
    #[case("ages 5 - 14", age(Some(5.0), Some(14.0)))]
    #[case("60 and older", age(Some(60.0), None))]
    #[case("Seniors 55+", age(Some(55.0), None))]
    #[case("a youth (17 years or younger)", age(None, Some(17.0)))]
    #[case("Birth to age 20", age(Some(0.0), Some(20.0)))]
    #[case("Adults only", age(Some(18.0), None))]
    #[case("Age 2 months-6 years", age(Some(0.0), Some(6.0)))]
    #[case("Age 18 months to 5 years", age(Some(1.0), Some(5.0)))]
    #[case("Must be at least 18 years old", age(Some(18.0), None))]
    #[case("Ages 60 and up", age(Some(60.0), None))]
    #[case("Seniors (individuals over the age of 60)", age(Some(60.0), None))]
    #[case(
        "Child age 6-16, with parent/guardian consent",
        age(Some(6.0), Some(16.0))
    )]
    #[case("Age 130 or over", None)]
    #[case("Age 18-5", None)]
    #[case("Youth between 14 and 21", age(Some(14.0), Some(21.0)))]
    #[case("Teens between 9 and 11 am", None)]
    fn reads_ages(#[case] text: &str, #[case] expected: Option<AgeRange>) {
        assert_eq!(
            eligibility_from_text(text).age.value().copied(),
            expected,
            "{text}"
        );
    }

    #[rstest]
    #[case("women only", Some(Gender::Female), vec![])]
    #[case("Homeless men", Some(Gender::Male), vec![Situation::Homeless])]
    #[case("veterans and their families", None, vec![Situation::Veteran])]
    #[case("Low income, disabled, or senior", None, vec![Situation::LowIncome, Situation::Disability, Situation::Senior])]
    #[case("Pregnant women", None, vec![Situation::Pregnant])]
    #[case("Honorably discharged veteran", None, vec![Situation::Veteran])]
    // A senior's age offered as one choice stands for seniors; a younger
    // one is no group.
    #[case("Age 62 or over or disabled", None, vec![Situation::Senior, Situation::Disability])]
    #[case("Low income, age 62 or over, or disabled", None, vec![Situation::LowIncome, Situation::Senior, Situation::Disability])]
    fn reads_gender_and_populations(
        #[case] text: &str,
        #[case] gender: Option<Gender>,
        #[case] populations: Vec<Situation>,
    ) {
        let e = eligibility_from_text(text);
        assert_eq!(e.gender.value().copied(), gender, "{text}");
        assert_eq!(
            e.populations.value().cloned().unwrap_or_default(),
            populations,
            "{text}"
        );
        assert!(e.to_verify.is_empty(), "{text}");
    }

    #[rstest]
    // In a sentence read in part, a senior's age beside a group with "or" is
    // one choice of two: seniors or the group, neither required alone.
    #[case(
        "Age 62 or over or handicapped, meet federal low-income guidelines",
        Some(vec![Situation::Senior, Situation::Disability])
    )]
    #[case(
        "Age 62 or over or disabled adult, must be able to live independently",
        Some(vec![Situation::Senior, Situation::Disability])
    )]
    #[case(
        "Age 62 or over, or blind or disabled, homeowner with an income of $39,000 or less",
        Some(vec![Situation::Senior, Situation::BlindLowVision, Situation::Disability])
    )]
    // Below the senior age an age is no group, and the choice is not read.
    #[case("Age 50 or over or disabled, must be able to live independently", None)]
    fn reads_a_seniors_age_as_a_choice(#[case] text: &str, #[case] want: Option<Vec<Situation>>) {
        let e = eligibility_from_text(text);
        if let Some(want) = want {
            assert_eq!(e.populations.value(), Some(&want), "{text}: {e:?}");
            assert!(e.age.is_open(), "{text}: {e:?}");
        } else {
            assert!(
                e.populations
                    .value()
                    .is_none_or(|p| !p.contains(&Situation::Senior)),
                "{text}: {e:?}"
            );
        }
    }

    #[test]
    fn families_make_a_population_a_hint() {
        let e = eligibility_from_text("veterans and their families");
        let Constraint::Restricted { evidence, .. } = e.populations else {
            panic!("not read");
        };
        assert_eq!(evidence.confidence, Confidence::Low);
        assert_eq!(evidence.text.as_deref(), Some("veterans"));
    }

    #[rstest]
    #[case(
        "income below 200% of poverty",
        Some(IncomeLimit::PercentOfPoverty(200.0))
    )]
    #[case(
        "Household income at or below 125% of the federal poverty guidelines",
        Some(IncomeLimit::PercentOfPoverty(125.0))
    )]
    #[case("Low income", Some(IncomeLimit::LowIncome))]
    // A share of median income is a low-income program, not a poverty line.
    #[case("income below 80% of area median income", Some(IncomeLimit::LowIncome))]
    #[case(
        "Maximum income $32,000 ($34,000/2 people) per year",
        Some(IncomeLimit::AnnualDollars(32000.0))
    )]
    #[case(
        "Must have a individual monthly income of less than $2000",
        Some(IncomeLimit::MonthlyDollars(2000.0))
    )]
    // A figure with no period, too small to be a year's: not read.
    #[case("Income cannot exceed $1,500", None)]
    #[case(
        "Income must not exceed $2,000 per month",
        Some(IncomeLimit::MonthlyDollars(2000.0))
    )]
    #[case("Must meet income guidelines", Some(IncomeLimit::LowIncome))]
    #[case("Income must fall within HUD guidelines", Some(IncomeLimit::LowIncome))]
    #[case("Economically disadvantaged youth", Some(IncomeLimit::LowIncome))]
    #[case("Services only available to indigents", Some(IncomeLimit::LowIncome))]
    fn reads_income(#[case] text: &str, #[case] expected: Option<IncomeLimit>) {
        assert_eq!(
            eligibility_from_text(text).income.value().copied(),
            expected,
            "{text}"
        );
    }

    #[rstest]
    #[case("San Mateo County residents", &["San Mateo County"])]
    #[case("Resident of San Carlos, Belmont, Redwood City or San Mateo", &["San Carlos", "Belmont", "Redwood City", "San Mateo"])]
    #[case("Daly City or Colma resident", &["Daly City", "Colma"])]
    // A state after a comma qualifies the towns; a comma list whose names
    // each end a clause is a list.
    #[case("Must reside in Burlingame or Hillsborough, California", &["Burlingame", "Hillsborough"])]
    #[case("Residents of Atherton, Menlo Park, Portola Valley", &["Atherton", "Menlo Park", "Portola Valley"])]
    #[case("Resident of San Mateo County, age 18 or over", &["San Mateo County"])]
    #[case("Residents of unincorporated San Mateo County", &["unincorporated San Mateo County"])]
    // "counties" after a list names each a county.
    #[case("For residents of Hillsborough and Pasco counties", &["Hillsborough County", "Pasco County"])]
    #[case("Clients must reside within Pinellas County", &["Pinellas County"])]
    #[case("Residents in Broward County", &["Broward County"])]
    #[case("People who live in Redwood City", &["Redwood City"])]
    #[case("Open to residents of Miami-Dade County", &["Miami-Dade County"])]
    #[case("San Mateo County residency required", &["San Mateo County"])]
    #[case("San Mateo County", &["San Mateo County"])]
    #[case("Serves Pasco County", &["Pasco County"])]
    #[case("Legal help for Hillsborough County.", &["Hillsborough County"])]
    #[case("Advice to tenants in Orange County facing eviction", &["Orange County"])]
    // A town after the people who live there (counties: `IN_COUNTY_AFTER`).
    #[case("Low-income homeowners in Redwood City", &["Redwood City"])]
    #[case("Low-income South San Francisco homeowner", &["South San Francisco"])]
    #[case("For services, must have an address in California", &["California"])]
    #[case("Currently living or working in Santa Clara County", &["Santa Clara County"])]
    #[case("Filipino resident of Foster City or San Mateo County", &["Foster City", "San Mateo County"])]
    // A town named after a word of another table.
    #[case("Foster City resident", &["Foster City"])]
    #[case("Resident of the State of California", &["California"])]
    // A plural "Counties" after a list names each county.
    #[case("Serving Orange, Seminole and Osceola Counties", &["Orange County", "Seminole County", "Osceola County"])]
    fn reads_residency(#[case] text: &str, #[case] expected: &[&str]) {
        let names: Vec<String> = expected.iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(
            eligibility_from_text(text).residency.value(),
            Some(&names),
            "{text}"
        );
    }

    #[rstest]
    #[case("None")]
    #[case("No restrictions")]
    #[case("Anyone")]
    #[case("Open to all")]
    #[case("All ages")]
    #[case("No requirements")]
    fn reads_open(#[case] text: &str) {
        let reading = read_eligibility(text);
        assert!(reading.eligibility.is_open(), "{text}");
        assert_eq!(reading.coverage, Coverage::Full);
    }

    #[rstest]
    // Unknown words change the meaning: the whole text is left to verify, and
    // whatever phrase is read on its own is only a hint (never excludes).
    #[case("Age 18 or over to become a member")]
    #[case("women and children")]
    #[case("Adult 50 or older, adult with disability")]
    #[case("Youth age 8-17, adults age 18 or over")]
    #[case("County resident in appropriate district")]
    #[case("Eligibility")]
    #[case("Vary according to program")]
    fn leaves_unreadable_text_to_verify(#[case] text: &str) {
        let reading = read_eligibility(text);
        assert_ne!(reading.coverage, Coverage::Full, "{text}: {reading:?}");
        assert_eq!(reading.eligibility.to_verify, vec![text.to_owned()]);
        let e = &reading.eligibility;
        let confidences = [
            confidence(&e.age),
            confidence(&e.gender),
            confidence(&e.income),
            confidence(&e.populations),
            confidence(&e.residency),
        ];
        assert!(
            confidences.iter().flatten().all(|c| *c == Confidence::Low),
            "{text}: {reading:?}"
        );
        assert!(e.gender.is_open(), "{text}: a paired gender is no hint");
    }

    fn confidence<T>(c: &Constraint<T>) -> Option<Confidence> {
        match c {
            Constraint::Restricted { evidence, .. } => Some(evidence.confidence),
            _ => None,
        }
    }

    #[rstest]
    #[case("Must have ID", RequirementKind::Id)]
    #[case("Must have an eviction notice", RequirementKind::EvictionNotice)]
    #[case("Must be referred by a social worker", RequirementKind::Referral)]
    #[case("Must have a referral from a case manager", RequirementKind::Referral)]
    #[case("Call to schedule an appointment", RequirementKind::Appointment)]
    #[case("Social security card required", RequirementKind::Id)]
    #[case("Call for an intake appointment", RequirementKind::Appointment)]
    #[case("Must meet income guidelines and have ID", RequirementKind::Id)]
    #[case(
        "Proof of residence in state of California",
        RequirementKind::ResidencyProof
    )]
    // "Proof of" asks for each item of its list.
    #[case("Proof of income and address", RequirementKind::ResidencyProof)]
    #[case(
        "Proof of child's birth (age 18 or under), San Mateo County residency, income of parents",
        RequirementKind::ResidencyProof
    )]
    #[case(
        "Proof of child's birth (age 18 or under), San Mateo County residency, income of parents",
        RequirementKind::IncomeProof
    )]
    fn reads_requirements(#[case] text: &str, #[case] kind: RequirementKind) {
        let e = eligibility_from_text(text);
        assert!(
            e.requirements.iter().any(|r| r.kind == kind),
            "{text}: {e:?}"
        );
    }

    #[test]
    fn a_proof_list_stops_where_conditions_start() {
        let e = eligibility_from_text(
            "Proof of income required, age 18 or over, resident of San Mateo County",
        );
        let kinds: Vec<RequirementKind> = e.requirements.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, vec![RequirementKind::IncomeProof], "{e:?}");
        let e = eligibility_from_text(
            "If you have them, bring ID, letter of diagnosis and proof of income",
        );
        assert!(e.requirements.is_empty(), "optional documents: {e:?}");
    }

    #[rstest]
    // An organization's number, or a topic, is no ID to bring.
    #[case("Nonprofit agency with 501(c)(3) employer identification number from IRS")]
    #[case("Assistance with identification theft and credit reporting")]
    #[case("Birth Certificate and Identification Matters")]
    fn reads_no_id_requirement(#[case] text: &str) {
        let e = eligibility_from_text(text);
        assert!(
            e.requirements.iter().all(|r| r.kind != RequirementKind::Id),
            "{text}: {e:?}"
        );
    }

    #[rstest]
    #[case("Nonprofit agency or school", true)]
    #[case("a non-profit organization or small business", true)]
    #[case("Low-income individual or nonprofit group", false)]
    #[case(
        "Must have 501(c)(3) status and be located in Santa Clara County",
        true
    )]
    #[case("School or agency serving students with disabilities", true)]
    #[case("Any business servicing the city of San Bruno", true)]
    #[case("Services for agencies only, not for individuals", true)]
    // The people an organization serves are its clients.
    #[case(
        "501(c)(3) organization or an organization that provides substantial services to residents of the Peninsula",
        true
    )]
    // Who refers is no client.
    #[case(
        "Youth age 8-17, referred by Probation Department, counselor, school or agency",
        false
    )]
    fn reads_agency_only(#[case] text: &str, #[case] agency: bool) {
        assert_eq!(eligibility_from_text(text).agency_only, agency, "{text}");
    }

    #[rstest]
    #[case("Homeless person", vec![Situation::Homeless])]
    #[case("living with HIV/AIDS", vec![Situation::HivAids])]
    #[case("in jail or prison", vec![Situation::InCustody])]
    #[case("homeless or at risk of homelessness", vec![Situation::Homeless, Situation::AtRiskOfHomelessness])]
    #[case("Must be a member", vec![Situation::Member])]
    fn reads_new_populations(#[case] text: &str, #[case] want: Vec<Situation>) {
        assert_eq!(
            eligibility_from_text(text).populations.value(),
            Some(&want),
            "{text}"
        );
    }

    #[rstest]
    // An audience stated in prose is a hint (Low), never an exclusion.
    #[case("24-hour shelter for adults", age(Some(18.0), None))]
    #[case("Emergency shelter for single adults", age(Some(18.0), None))]
    #[case("Age 2 1/2 - 12", age(Some(2.5), Some(12.0)))]
    #[case("Age 4 1/2-18", age(Some(4.5), Some(18.0)))]
    #[case("Voting-age citizen", age(Some(18.0), None))]
    // Adults listed with other groups: no age.
    #[case("Shelter for adults and children", None)]
    // Sub-programs: "None for most programs. 4-H: ..." and two headed
    // programs with different ages restrict nothing.
    #[case("None for most programs. 4-H: Ages 5-19", None)]
    #[case("Group home: age 9-18. Foster care: age 6 months -18", None)]
    // Widening alternatives.
    #[case("Age 18 or over, or age 16 with a letter of exemption", None)]
    #[case("Age 50 or over or a family member of a senior citizen", None)]
    // A sentence closed by the program it is for: that sub-program's.
    #[case(
        "Age 50 or over, spouse of any age. Age 60 or over for nutrition program",
        None
    )]
    #[case(
        "Age 55 or over. Age 60 or over for some federally funded programs",
        age(Some(55.0), None)
    )]
    // School grades are no ages.
    #[case("Grade 1 through 6, having difficulty in academic areas", None)]
    fn reads_stated_audiences_and_sub_programs(
        #[case] text: &str,
        #[case] expected: Option<AgeRange>,
    ) {
        assert_eq!(
            eligibility_from_text(text).age.value().copied(),
            expected,
            "{text}"
        );
    }

    #[rstest]
    #[case("Shelter for battered women", Some(Gender::Female), vec![Situation::DomesticViolenceSurvivor])]
    #[case("Emergency and longer-term women's shelter. 5 beds for women in crisis", Some(Gender::Female), vec![])]
    #[case("Shelter for women and transgender women", Some(Gender::Female), vec![])]
    #[case("Male, age 18 or over, lineal descendent of a supporter", Some(Gender::Male), vec![])]
    #[case("Family shelter", None, vec![Situation::FamilyWithChildren])]
    #[case("Youth medical clinic", None, vec![Situation::Youth])]
    #[case("Hot meal for seniors over 60, their caretakers, or spouses", None, vec![Situation::Senior, Situation::Caregiver])]
    #[case("Frail elderly or disabled adult in need of activity programs", None, vec![Situation::Senior, Situation::Disability])]
    #[case("Groceries are distributed weekly to homeless people", None, vec![Situation::Homeless])]
    #[case("Single man or woman with child, woman in final month of pregnancy", None, vec![Situation::Parenting, Situation::Pregnant])]
    #[case("Physical limitation or disability, or developmental disability", None, vec![Situation::PhysicalDisability, Situation::Disability, Situation::DevelopmentalDisability])]
    #[case("Kaiser Health Plan member, homebound", None, vec![Situation::Member])]
    #[case("living with a disability; living with HIV/AIDS", None, vec![Situation::Disability, Situation::HivAids])]
    // Pairs and topics: no gender, no group.
    #[case("Membership is open to women and men", None, vec![])]
    #[case("Women, infants, and children's health services", None, vec![])]
    #[case("Priority given to frail elderly", None, vec![])]
    #[case("Priority to seniors", None, vec![])]
    #[case("Child care and disability benefits counseling", None, vec![])]
    #[case("One member shall reside in each supervisorial district", None, vec![])]
    #[case("Not eligible for Medi-Cal, military care or Medicare", None, vec![])]
    #[case("Media and technology trainings for youth and adults", None, vec![])]
    fn reads_people_phrases(
        #[case] text: &str,
        #[case] gender: Option<Gender>,
        #[case] populations: Vec<Situation>,
    ) {
        let e = eligibility_from_text(text);
        assert_eq!(e.gender.value().copied(), gender, "{text}");
        assert_eq!(
            e.populations.value().cloned().unwrap_or_default(),
            populations,
            "{text}"
        );
    }

    #[rstest]
    // Common directory wordings of the groups, with their variants.
    #[case("Survivors of sexual assault", vec![Situation::CrimeVictim])]
    #[case("Victims of torture", vec![Situation::CrimeVictim])]
    #[case("Persons with mental illness", vec![Situation::SeriousMentalIllness])]
    #[case("Adults with a psychiatric disability", vec![Situation::SeriousMentalIllness])]
    #[case("Individuals with substance abuse problems", vec![Situation::SubstanceUse])]
    #[case("Persons in recovery from substance abuse", vec![Situation::InRecovery])]
    #[case("Grandparents raising grandchildren", vec![Situation::Caregiver])]
    #[case("Family caregivers", vec![Situation::Caregiver])]
    #[case("Former foster youth", vec![Situation::FosterYouth])]
    #[case("Youth aging out of foster care", vec![Situation::FosterYouth])]
    #[case("Chronically homeless adults", vec![Situation::Homeless])]
    #[case("Families at risk of eviction", vec![Situation::FamilyWithChildren, Situation::AtRiskOfHomelessness])]
    #[case("People with a criminal record", vec![Situation::JusticeInvolved])]
    #[case("Ex-offenders", vec![Situation::JusticeInvolved])]
    #[case("Formerly incarcerated individuals", vec![Situation::JusticeInvolved])]
    #[case("Persons on parole", vec![Situation::JusticeInvolved])]
    #[case("Refugees and asylees", vec![Situation::Refugee, Situation::Asylee])]
    #[case("Recent immigrants", vec![Situation::Immigrant])]
    #[case("Uninsured or underinsured", vec![Situation::Uninsured])]
    #[case("Job seekers", vec![Situation::Unemployed])]
    #[case("Service members and veterans", vec![Situation::Military, Situation::Veteran])]
    #[case("Persons with HIV", vec![Situation::HivAids])]
    #[case("For people with disabilities", vec![Situation::Disability])]
    #[case("Members of a federally recognized tribe", vec![Situation::CulturalCommunity])]
    #[case("Latino community", vec![Situation::CulturalCommunity])]
    #[case("Single mothers", vec![Situation::Parenting])]
    #[case("At-risk youth", vec![Situation::Youth])]
    #[case("Juvenile offenders", vec![Situation::JusticeInvolved])]
    #[case("Adult with chronic mental illness", vec![Situation::SeriousMentalIllness])]
    #[case("Adults with a desire to overcome an addiction to substance(s).", vec![Situation::SubstanceUse])]
    #[case("Desire to stop using marijuana", vec![Situation::SubstanceUse])]
    // The wish names the person even in a sentence read in part.
    #[case("Adult males and females with a desire to overcome an addiction to substance(s).", vec![Situation::SubstanceUse])]
    #[case("Amputee", vec![Situation::PhysicalDisability])]
    #[case("Membership in ASQ", vec![Situation::Member])]
    #[case("Representation for victims of intimate partner violence", vec![Situation::DomesticViolenceSurvivor])]
    #[case("Adults with mobility impairments", vec![Situation::PhysicalDisability])]
    #[case("Must be a member in good standing of CAMFT", vec![Situation::Member])]
    #[case("Member of the San Carlos Villagers", vec![Situation::Member])]
    #[case("HIV-positive or mental health disabilities", vec![Situation::HivAids, Situation::SeriousMentalIllness])]
    #[case("Any parent with custody or visitation rights", vec![Situation::Parenting])]
    #[case("Custodial parents", vec![Situation::Parenting])]
    // A people before "resident": a group, the residence read as well.
    #[case("Filipino resident of Foster City", vec![Situation::CulturalCommunity])]
    #[case("Recent jail involvement", vec![Situation::JusticeInvolved])]
    #[case("Recent former inmate", vec![Situation::JusticeInvolved])]
    #[case("Family requiring shelter must have at least 1 child in custody", vec![Situation::FamilyWithChildren])]
    #[case("Medical certification of disability", vec![Situation::Disability])]
    #[case("Disability must be verified by a physician", vec![Situation::Disability])]
    #[case("A medically diagnosable disability", vec![Situation::Disability])]
    // A relative clause ("that can be ...") widens nothing.
    #[case(
        "A medically diagnosable disability that creates an impediment to employment that can be remedied with rehabilitation services",
        vec![Situation::Disability]
    )]
    #[case("Adult with memory impairment", vec![Situation::Disability])]
    #[case("Low-income Chinese-speaking family", vec![Situation::CulturalCommunity])]
    #[case("Youth in the juvenile justice or child welfare system", vec![Situation::Youth, Situation::JusticeInvolved, Situation::FosterYouth])]
    // Adjectives sharing one noun: each its own group.
    #[case("Adult with developmental, physical, or emotional disability", vec![Situation::DevelopmentalDisability, Situation::PhysicalDisability, Situation::Disability])]
    #[case("Visual or hearing impairment", vec![Situation::BlindLowVision, Situation::DeafHardOfHearing])]
    // Stacked groups ("homeless youth"): both, as a hint.
    #[case("Homeless youth", vec![Situation::Homeless, Situation::Youth])]
    #[case("Undocumented immigrants", vec![Situation::Undocumented, Situation::Immigrant])]
    // A term joined by "and" after an "or" narrows that choice.
    #[case("Senior age 62 or over, or disabled and low-income", vec![Situation::Senior, Situation::Disability])]
    #[case("Mentally ill and homeless or about to become homeless", vec![Situation::SeriousMentalIllness, Situation::Homeless, Situation::AtRiskOfHomelessness])]
    // Sentences that each name one group list who may come.
    #[case("a youth (17 years or younger); homeless or at risk of homelessness", vec![Situation::Youth, Situation::Homeless, Situation::AtRiskOfHomelessness])]
    // An audience named in prose.
    #[case("Legal help for seniors and their caregivers in all programs", vec![Situation::Senior, Situation::Caregiver])]
    #[case("Desire to stop using drugs and alcohol", vec![Situation::SubstanceUse])]
    #[case("Active drug users", vec![Situation::SubstanceUse])]
    // A program's name names no group; the people it serves do.
    #[case("The Veterans Advocacy Project represents veterans 65 and up", vec![Situation::Veteran])]
    #[case("Drop-in center for women and families leaving domestic violence.", vec![Situation::DomesticViolenceSurvivor])]
    #[case("Desire to stop using cocaine and all other mind-altering substances", vec![Situation::SubstanceUse])]
    #[case("With current substance abuse problem and mental health issues", vec![Situation::SubstanceUse])]
    #[case("Chinese seniors", vec![Situation::CulturalCommunity])]
    #[case(
        "Woman (single or with children), victim of domestic violence or at risk of domestic violence",
        vec![Situation::DomesticViolenceSurvivor]
    )]
    #[case("Must have at least one child or be expecting a child", vec![Situation::FamilyWithChildren, Situation::Pregnant])]
    #[case("Ward of the Juvenile Court or subject of pending criminal action", vec![Situation::JusticeInvolved])]
    #[case("Must have a diagnosis of HIV/AIDS", vec![Situation::HivAids])]
    #[case("Homeless and at-risk youth", vec![Situation::Youth])]
    #[case("Must have a DD-214", vec![Situation::Veteran])]
    #[case("Individuals leaving prison or jail", vec![Situation::JusticeInvolved])]
    // A group word on a relative is the relative's.
    #[case(
        "Grandparents caring for minor and disabled grandchildren",
        vec![Situation::Caregiver]
    )]
    fn reads_common_group_wordings(#[case] text: &str, #[case] want: Vec<Situation>) {
        assert_eq!(
            eligibility_from_text(text).populations.value(),
            Some(&want),
            "{text}"
        );
    }

    /// A sentence opened by "also" widens who is served: its own age
    /// restricts no one, and one it states means the groups differ in age.
    #[rstest]
    #[case(
        "Supplemental foods for low-income women during pregnancy. Also serves eligible seniors, 60 years of age or over.",
        None
    )]
    // Widening within the first group's ages keeps them.
    #[case(
        "Age 21 or under, diagnosed deaf or hard of hearing. Also serves learning disabled persons who are deaf",
        age(None, Some(21.0))
    )]
    fn a_widening_sentence_adds_no_age(#[case] text: &str, #[case] expected: Option<AgeRange>) {
        let e = eligibility_from_text(text);
        assert_eq!(e.age.value(), expected.as_ref(), "{text}");
        assert!(e.gender.is_open(), "{text}");
    }

    #[rstest]
    // Topics, places and sub-roles: no group.
    #[case("Youth services and counseling")]
    #[case("Mental health services")]
    #[case("Foster care licensing")]
    #[case("Domestic Violence Injunctions; Temporary Custody")]
    #[case("Women, teens and children who are victims of or threatened by Domestic Violence")]
    #[case("Transgender Services, Women's Health, Family Planning")]
    #[case("Spanish, Cantonese and Mandarin spoken")]
    #[case("The Homeless Legal Prevention Project provides legal services to tenants")]
    #[case("Social Security Appeals, Unemployment Compensation, Veterans Benefits")]
    #[case("Individuals deprived by a caregiver of food or needed medication")]
    fn topics_name_no_group(#[case] text: &str) {
        let e = eligibility_from_text(text);
        let groups = e.populations.value().cloned().unwrap_or_default();
        let want: &[Situation] = if text.starts_with("Women, teens") {
            &[Situation::DomesticViolenceSurvivor]
        } else {
            &[]
        };
        assert_eq!(groups, want, "{text}");
        assert!(e.gender.is_open(), "{text}");
    }

    #[rstest]
    // A group offered as one choice beside income or a group the scan
    // leaves out: reading it alone would narrow the choice.
    #[case("Must be low-income household, family, senior or disabled")]
    #[case("Homeless or low-income person at-risk")]
    #[case("Resident of area served who is ill, elderly, disabled or living alone")]
    #[case("County resident disabled or economically disadvantaged")]
    // Beside a group it is read ("Age 62 or over or handicapped" is read
    // as seniors or disabled: `reads_a_seniors_age_as_a_choice`).
    fn a_choice_beside_income_or_a_weak_group_is_no_group(#[case] text: &str) {
        let e = eligibility_from_text(text);
        assert!(e.populations.is_open(), "{text}: {:?}", e.populations);
    }

    #[test]
    fn stacked_groups_and_narrowed_choices_are_hints() {
        for text in [
            "Homeless youth",
            "Senior age 62 or over, or disabled and low-income",
        ] {
            let e = eligibility_from_text(text);
            assert_eq!(confidence(&e.populations), Some(Confidence::Low), "{text}");
        }
    }

    #[rstest]
    // The conditions for joining or using the service are the service's;
    // those of a role within it are not.
    #[case("Age 12 or over, age 18 or over to hold office", age(Some(12.0), None))]
    #[case("Age 18 or over to become a member", age(Some(18.0), None))]
    #[case(
        "Dining room serving seniors. For those age 60 & over",
        age(Some(60.0), None)
    )]
    fn reads_purposes_and_roles(#[case] text: &str, #[case] want: Option<AgeRange>) {
        let e = eligibility_from_text(text);
        assert_eq!(e.age.value().copied(), want, "{text}");
        // An explicit age replaces the age group named elsewhere.
        assert!(e.populations.is_open(), "{text}: {e:?}");
    }

    #[test]
    fn groups_from_several_sentences_are_a_hint() {
        let e = eligibility_from_text("living with a disability; living with HIV/AIDS");
        assert_eq!(confidence(&e.populations), Some(Confidence::Low));
        // Groups picked out of prose in different sentences stay unknown.
        let e = eligibility_from_text(
            "Serves disabled people who need rides. Also helps veterans who need rides.",
        );
        assert!(e.populations.value().is_none(), "{e:?}");
    }

    #[rstest]
    #[case("Resident of, or employed in, San Carlos", Some("San Carlos"))]
    #[case("Resident or business person in San Bruno", Some("San Bruno"))]
    #[case(
        "Must reside and/or work in San Mateo County",
        Some("San Mateo County")
    )]
    #[case(
        "Service to the indigent population of Sarasota County",
        Some("Sarasota County")
    )]
    #[case("Based on geographic area", None)]
    #[case("Age 18 or under, living or attending school in area served", None)]
    #[case("Live or work in area serviced", None)]
    #[case("Must live within city limits", None)]
    #[case("Residency in Broward County required", Some("Broward County"))]
    #[case("Eligible residents of Central Florida", Some("Central Florida"))]
    #[case("Priority given to Daly City residents", None)]
    // Where an office is, or a town named in prose, is no residency.
    #[case("Legal intake at the VA Hospital in Pinellas County", None)]
    #[case("The only shelter in San Francisco offering beds", None)]
    #[case(
        "Resident of San Mateo County, Medi-Cal eligible",
        Some("San Mateo County")
    )]
    fn reads_live_or_work_residency(#[case] text: &str, #[case] place: Option<&str>) {
        let e = eligibility_from_text(text);
        match place {
            Some(p) => assert_eq!(e.residency.value(), Some(&vec![p.to_owned()]), "{text}"),
            None if ["area", "limits"].iter().any(|w| text.contains(w)) => {
                assert!(matches!(e.residency, Constraint::Unknown { .. }), "{text}")
            }
            None => assert!(e.residency.is_open(), "{text}"),
        }
    }

    #[test]
    fn a_purpose_keeps_what_to_bring() {
        let e = eligibility_from_text("Name and address ID necessary to obtain a library card");
        assert!(e.requirements.iter().any(|r| r.kind == RequirementKind::Id));
        let e = eligibility_from_text("Age 18 or over to become a member");
        assert!(
            e.age
                .value()
                .is_none_or(|_| confidence(&e.age) == Some(Confidence::Low))
        );
    }

    #[test]
    fn a_parents_program_reads_the_childs_age() {
        let e = eligibility_from_text("Parent of child age 5 or under");
        assert_eq!(e.age.value().map(|a| a.of), Some(AgeOf::Child));
        assert_eq!(e.populations.value(), Some(&vec![Situation::Parenting]));
    }

    #[rstest]
    #[case("Primary caregiver of child age 5 or under, or expecting")]
    #[case("Must have 1 child in family or in care who is age 5 or under")]
    #[case("For current & former sex workers and their children 12+")]
    fn a_child_someone_has_or_cares_for_has_the_age(#[case] text: &str) {
        let e = eligibility_from_text(text);
        assert_eq!(e.age.value().map(|a| a.of), Some(AgeOf::Child), "{text}");
    }

    #[test]
    fn a_childrens_program_reads_the_clients_age() {
        let e = eligibility_from_text(
            "Child, age 5-14, whose life has been impacted by family addiction",
        );
        assert_eq!(e.age.value().map(|a| a.of), Some(AgeOf::Client));
    }

    #[rstest]
    #[case("Asian Women's Shelter", Some(Gender::Female), Confidence::High)]
    #[case("Men's Ministry", Some(Gender::Male), Confidence::High)]
    #[case("Women's Center", Some(Gender::Female), Confidence::Low)]
    #[case("League of Women Voters", None, Confidence::High)]
    fn names_carry_gender_cues(
        #[case] name: &str,
        #[case] gender: Option<Gender>,
        #[case] conf: Confidence,
    ) {
        let e = with_name_cues(name, &Eligibility::default()).unwrap_or_default();
        assert_eq!(e.gender.value().copied(), gender, "{name}");
        if gender.is_some() {
            assert_eq!(confidence(&e.gender), Some(conf), "{name}");
        }
    }

    #[test]
    fn names_never_override_the_text() {
        let text = eligibility_from_text("Women or men interested in the work");
        let e = with_name_cues("Senior Center", &eligibility_from_text("Age 18 or over"));
        assert!(e.is_none_or(|e| e.populations.is_open()));
        assert!(with_name_cues("Main Library", &text).is_none());
    }

    #[test]
    fn an_unread_sentence_lowers_confidence() {
        let reading = read_eligibility("Age 60 or over. Can be younger if disabled");
        assert_eq!(reading.coverage, Coverage::Partial);
        let Constraint::Restricted { evidence, value } = &reading.eligibility.age else {
            panic!("age not read");
        };
        assert_eq!(value.min, Some(60.0));
        assert_eq!(evidence.confidence, Confidence::Low);
        assert_eq!(
            reading.eligibility.to_verify,
            ["Can be younger if disabled"]
        );
    }

    #[test]
    fn an_unnamed_area_is_an_unknown_residency() {
        let e = eligibility_from_text("Resident of area served, age 18 or over");
        assert!(matches!(e.residency, Constraint::Unknown { .. }));
        assert_eq!(e.age.value().and_then(|a| a.min), Some(18.0));
        for text in [
            "Must be within district boundaries",
            "Resident of catchment area",
            // A ward or district by number is an area no boundary names.
            "Ward 6 residents",
            "Resident of Ward No. 5",
            "Must live in District 3",
            "Resident of area serviced",
        ] {
            let e = eligibility_from_text(text);
            assert!(matches!(e.residency, Constraint::Unknown { .. }), "{text}");
        }
        // A generic word alone names no town.
        assert!(eligibility_from_text("City resident").residency.is_open());
    }

    #[test]
    fn a_preference_neither_restricts_nor_casts_doubt() {
        // Who comes first among those eligible: the other sentence is read
        // with confidence, and the preference is nothing to verify.
        let reading = read_eligibility(
            "Honorably discharged veteran. Priority given to service-connected or low-income veterans",
        );
        let e = &reading.eligibility;
        assert_eq!(e.populations.value(), Some(&vec![Situation::Veteran]));
        assert_eq!(confidence(&e.populations), Some(Confidence::High));
        assert!(e.income.is_open() && e.to_verify.is_empty(), "{e:?}");
        // "Priorities" of a program are its scope, not a preference.
        let e = eligibility_from_text(
            "Meet federal poverty income guidelines, have a legal problem that falls within case acceptance priorities",
        );
        assert_eq!(e.income.value(), Some(&IncomeLimit::LowIncome), "{e:?}");
        assert!(!e.to_verify.is_empty());
        // An exception for a group widens; it requires no one to be in it.
        let e = eligibility_from_text(
            "Resident of California to obtain card. Special arrangements for non-residents or homeless",
        );
        assert!(e.populations.is_open(), "{e:?}");
        assert_eq!(confidence(&e.residency), Some(Confidence::Low));
        // A welcome neither.
        let e = eligibility_from_text(
            "Hot meal served weekdays. Seniors welcome as well as limited meals available for disabled adults.",
        );
        assert!(e.populations.is_open(), "{e:?}");
    }

    #[rstest]
    // Ages of the programs within a service: it serves their union.
    #[case(
        "Age 55 or over for most programs, age 60 or over for lunch program",
        Some(55.0),
        None
    )]
    #[case(
        "Age 6-12 for after school, age 13-17 for teen center",
        Some(6.0),
        Some(17.0)
    )]
    // Across sentences too.
    #[case(
        "Age 55 or over for activities; age 60 or over for meals",
        Some(55.0),
        None
    )]
    #[case(
        "Age 18-65 for MHRC. Age 18-60 for Cordilleras Suites",
        Some(18.0),
        Some(65.0)
    )]
    // Bare numbers after an age group, in a sentence read in part.
    #[case("Shelter for Youths 18-24.", Some(18.0), Some(24.0))]
    #[case(
        "Cancer diagnosis, California resident, adults only, must attend panel in person",
        Some(18.0),
        None
    )]
    // A baby's age in months is not the client's.
    #[case(
        "Pregnant or parenting African-American woman age 18 or over with an infant under 3 months",
        Some(18.0),
        None
    )]
    fn reads_ages_in_sentences_read_in_part(
        #[case] text: &str,
        #[case] min: Option<f64>,
        #[case] max: Option<f64>,
    ) {
        let e = eligibility_from_text(text);
        let range = e.age.value().copied();
        assert_eq!(range.as_ref().and_then(|r| r.min), min, "{text}: {e:?}");
        assert_eq!(range.and_then(|r| r.max), max, "{text}: {e:?}");
    }

    #[test]
    fn beside_an_open_sentence_hints_are_about_turns() {
        // Who is served first, at which hours, says nothing of who may come.
        let reading = read_eligibility(
            "Anyone willing to stand in line will be served. Families & folks age 60+ or unable to carry a tray: 10-11:30am. All others: 11:30am-1:30pm",
        );
        let e = &reading.eligibility;
        assert!(e.age.is_open() && e.populations.is_open(), "{e:?}");
        let e = eligibility_from_text("Seniors served first");
        assert!(e.populations.is_open() && e.to_verify.is_empty(), "{e:?}");
        // A requirement picked out still holds.
        let e = eligibility_from_text(
            "Anyone will be served. On Saturdays seniors and families pick up at noon, ID required",
        );
        assert!(e.populations.is_open(), "{e:?}");
        assert!(
            e.requirements.iter().any(|r| r.kind == RequirementKind::Id),
            "{e:?}"
        );
    }

    #[test]
    fn a_quota_restricts_no_one() {
        // A sentence may open with a number; its quota ("reserved for")
        // is a preference, and the first sentence's age is still read.
        let e = eligibility_from_text(
            "Child age 5 or under living in the area served. 10% of enrollment reserved for children with disabilities",
        );
        assert!(e.populations.is_open(), "{e:?}");
        assert_eq!(e.age.value().and_then(|a| a.max), Some(5.0));
    }

    #[test]
    fn conflicting_sentences_make_the_dimension_unknown() {
        let e = eligibility_from_text("Age 18 or over. Age 5-12");
        assert!(matches!(e.age, Constraint::Unknown { .. }));
        assert_eq!(e.to_verify, ["Age 18 or over. Age 5-12"]);
    }

    #[test]
    fn decimals_do_not_split_sentences() {
        let e = eligibility_from_text("Age 2.5-14");
        assert!(e.age.is_open());
        assert_eq!(e.to_verify, ["Age 2.5-14"]);
    }
}
