//! Reading a sentence in part: the phrases of a sentence that could not
//! be read whole, kept as hints when the words around them do not change
//! what they say.

use super::assemble::program_ages;
use super::item::{phrases, single, word_before};
use super::sentence::{
    cared_for_adults_age, childs_age, household_members_age, need_not, negation_before, waived,
};
use super::*;
use crate::eligibility::IncomeLimit;

/// Nouns for people whose bare numbers after them are ages ("individuals
/// 18+").
const PEOPLE_NOUNS: &[&str] = &[
    "people",
    "persons",
    "individuals",
    "clients",
    "participants",
    "applicants",
    "residents",
    "anyone",
];

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

/// Words that turn the group after them into a status condition ("eligible
/// immigrant" beside "citizen"), not a population served; a place after
/// them is still a place ("eligible residents of Central Florida").
const QUALIFIER: &[&str] = &["eligible", "qualified", "qualifying"];

const LOW_INCOME: Value = Value::Income(IncomeLimit::LowIncome);

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

/// A phrase picked out of a sentence: its token span and its reading.
type Candidate = (usize, usize, Term);

/// The phrases of a sentence that could not be read whole, each read on its
/// own: hints (Low confidence) rather than nothing. Only readings that do
/// not depend on the words around them survive: one age, one place, one
/// gender that is not paired ("women and children"), populations pooled as
/// a choice, requirements, and agency cues. `preference`: whether the
/// sentence states one (the caller found it).
///
/// The phrases go through stages, each a function below: what the words
/// around a phrase make of it (a child's age, a senior's age or low income
/// offered as a group, the ages of programs within), which clauses hold no
/// condition on the client (a condition's, a role's, a preference), then
/// which phrases are hints ([`Scan::is_hint`]), pooled ([`pool_hints`]).
pub(super) fn scan_sentence(text: &str, tokens: &[Token], preference: bool) -> Vec<Term> {
    let mut candidates = phrases(text, tokens);
    read_whose_ages(tokens, &mut candidates);
    let list = List(tokens);
    read_seniors_ages_as_groups(list, &mut candidates);
    pool_program_ages(text, &mut candidates);
    let clauses = Clauses::find(tokens, &candidates);
    if !clauses.keep_unconditional(tokens, &mut candidates) {
        return Vec::new();
    }
    if not_required(tokens, preference) {
        candidates.retain(|(_, _, t)| dimension(&t.value) > 5);
    }
    if also_served(tokens) {
        candidates.retain(|(_, _, t)| !matches!(t.value, Value::Gender(_)));
    }
    clauses.drop_role_clause(tokens, &mut candidates);
    read_low_income_choices(list, &mut candidates);
    let opens_text = tokens
        .first()
        .is_some_and(|t| text.get(..t.start).is_some_and(|b| b.trim().is_empty()));
    let scan = Scan {
        tokens,
        list,
        candidates: &candidates,
        opens_text,
    };
    let found = candidates
        .iter()
        .filter(|c| scan.is_hint(c))
        .map(|(_, _, term)| Term {
            confidence: Confidence::Low,
            ..term.clone()
        })
        .collect();
    pool_hints(found)
}

/// "Priority given to Daly City residents": a preference, not a condition.
/// "10% of enrollment reserved for children with disabilities": a quota;
/// "Special arrangements for non-residents or homeless", "Seniors welcome
/// as well as ...": an exception, a welcome. "Anyone, especially veterans",
/// "Veterans preferred", "primarily serves women": a focus.
fn not_required(tokens: &[Token], preference: bool) -> bool {
    // A share reserved ("10% of enrollment reserved for ...", "includes
    // beds reserved for veterans"), not an exclusive reservation ("Food
    // boxes are reserved for members").
    let share_reserved = tokens
        .iter()
        .position(|t| t.is_word("reserved"))
        .is_some_and(|r| {
            !r.checked_sub(1)
                .and_then(|b| tokens.get(b))
                .is_some_and(|t| t.is_word("are") || t.is_word("is"))
        });
    preference
        || share_reserved
        || tokens.iter().any(|t| {
            [
                "arrangements",
                "welcome",
                "welcomed",
                "preferred",
                "especially",
                "primarily",
                "mainly",
                "mostly",
            ]
            .iter()
            .any(|w| t.is_word(w))
        })
}

/// "Men also seen", "also serves women": people served beside others. A
/// group so added widens the service's groups (its union keeps it), but a
/// gender served too is no one gender only.
fn also_served(tokens: &[Token]) -> bool {
    tokens.windows(2).any(|pair| {
        pair[0].is_word("also")
            && pair[1].word().is_some_and(|w| {
                [
                    "seen", "served", "serves", "serve", "accepts", "accepted", "welcome",
                    "welcomed", "eligible",
                ]
                .contains(&w)
            })
    })
}

/// "Caregiver of child age 5 or under", "must have 1 child ... who is age 5
/// or under": the age is the child's, not the client's. "Caregivers of
/// adults 60 and older", "households with a member over 60": the age is
/// someone else's, no one's to check.
fn read_whose_ages(tokens: &[Token], candidates: &mut Vec<Candidate>) {
    candidates.retain(|(start, _, term)| {
        !(matches!(term.value, Value::Age(..))
            && (cared_for_adults_age(tokens, *start) || household_members_age(tokens, *start)))
    });
    for (start, _, term) in candidates {
        if let Value::Age(range, _) = &mut term.value
            && childs_age(tokens, *start)
        {
            range.of = AgeOf::Child;
        }
    }
}

/// How the items of a list are joined: by commas, by "or", or by both
/// (", or").
#[derive(Clone, Copy)]
struct List<'a>(&'a [Token]);

impl List<'_> {
    fn is_or(self, k: usize) -> bool {
        self.0.get(k).is_some_and(|t| t.is_word("or"))
    }

    fn is_comma(self, k: usize) -> bool {
        self.0.get(k).is_some_and(|t| t.is_punct(','))
    }

    fn followed_by_or(self, k: usize) -> bool {
        self.is_or(k) || (self.is_comma(k) && self.is_or(k + 1))
    }

    /// The next item's start after `k`, and whether an "or" joins them.
    fn next_item(self, k: usize) -> Option<(usize, bool)> {
        match (self.is_comma(k), self.is_or(k), self.is_or(k + 1)) {
            (true, _, true) => Some((k + 2, true)),
            (true, _, false) => Some((k + 1, false)),
            (false, true, _) => Some((k + 1, true)),
            _ => None,
        }
    }

    /// Whether the item at `s..e` is offered as a choice right after an
    /// item ending at `end`: joined by "or" (", or"), or by a comma when it
    /// is followed by "or" ("family, senior, disabled or ...").
    fn offered_after(self, end: usize, (s, e): (usize, usize)) -> bool {
        self.next_item(end)
            .is_some_and(|(k, or)| k == s && (or || self.followed_by_or(e)))
    }

    /// Whether the two items are neighbours in a choice, either way round.
    fn choice_neighbours(self, (start, end): (usize, usize), (s, e): (usize, usize)) -> bool {
        self.offered_after(end, (s, e)) || (e <= start && self.offered_after(e, (start, end)))
    }
}

/// "Age 62 or over or handicapped, meet ...", "Age 62 or over, or blind or
/// disabled, ...": a senior's age offered as one choice beside a group
/// stands for seniors, pooled with the group.
fn read_seniors_ages_as_groups(list: List<'_>, candidates: &mut [Candidate]) {
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
            let or_after = if list.is_comma(*e) { e + 1 } else { *e };
            let group_after = list.is_or(or_after) && group(&|gs, _| gs == or_after + 1);
            // The group, then "or" (a comma before it), then the age.
            let group_before = s.checked_sub(1).is_some_and(|or| {
                list.is_or(or) && group(&|_, ge| ge == or || (ge + 1 == or && list.is_comma(ge)))
            });
            senior_age(&t.value) && (group_after || group_before)
        })
        .map(|(k, _)| k)
        .collect();
    read_as_group(candidates, &seniors, Situation::Senior);
}

/// "Homeless or low-income person", "disabled or economically
/// disadvantaged": low income offered as one choice beside a group the scan
/// keeps is one of the groups (any qualifies).
fn read_low_income_choices(list: List<'_>, candidates: &mut [Candidate]) {
    let choices: Vec<usize> = candidates
        .iter()
        .enumerate()
        .filter(|(_, (start, end, t))| {
            t.value == LOW_INCOME
                && candidates.iter().any(|(s, e, other)| {
                    matches!(&other.value, Value::Population(l) if !named_as_topic(l))
                        && list.choice_neighbours((*start, *end), (*s, *e))
                })
        })
        .map(|(k, _)| k)
        .collect();
    read_as_group(candidates, &choices, Situation::LowIncome);
}

/// Reads the phrases at `at` as one choice naming `group` (a hint): a
/// senior's age or low income offered beside other groups.
fn read_as_group(phrases: &mut [Candidate], at: &[usize], group: Situation) {
    for &k in at {
        if let Some((_, _, term)) = phrases.get_mut(k) {
            term.value = Value::Population(vec![group]);
            term.hint = Hint::Always;
        }
    }
}

/// "Age 55 or over for most programs, age 60 or over for lunch": ages of the
/// programs within (`program_ages`); the first stands for them all.
fn pool_program_ages(text: &str, candidates: &mut Vec<Candidate>) {
    let is_age = |(_, _, t): &Candidate| matches!(t.value, Value::Age(..));
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
}

/// Where a sentence's words say some of its phrases are no condition on the
/// client: a condition, an exception or a widening ([`CONDITIONAL`]), a
/// role ([`ROLE`]).
struct Clauses {
    conditional: Option<usize>,
    role: Option<usize>,
}

/// A comma or a semicolon: where a clause of a list ends.
fn clause_break(t: &Token) -> bool {
    t.is_punct(',') || t.is_punct(';')
}

impl Clauses {
    /// A condition, an exception or a widening makes every phrase doubtful
    /// ("Can be younger if disabled"), unless its words are inside a phrase
    /// naming who is served ("seniors over 60, their caretakers, or
    /// spouses").
    fn find(tokens: &[Token], candidates: &[Candidate]) -> Clauses {
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
        // "Assistance provided if the applicant is a victim of ...",
        // "Applicants can be veterans ...": the condition is who may come.
        let states_who = |k: usize| {
            STATES_WHO
                .iter()
                .any(|p| match_pattern(p, tokens, k).is_some())
                || k.checked_sub(1)
                    .and_then(|p| tokens.get(p))
                    .is_some_and(|t| t.is_word("applicant") || t.is_word("applicants"))
        };
        let find = |phrases: &[&str]| {
            (0..tokens.len()).find(|&k| {
                !inside_people(k)
                    && !describes(k)
                    && !states_who(k)
                    && phrases.iter().any(|c| match c.split_once(' ') {
                        Some((a, b)) => {
                            tokens.get(k).is_some_and(|t| t.is_word(a))
                                && tokens.get(k + 1).is_some_and(|t| t.is_word(b))
                        }
                        None => tokens.get(k).is_some_and(|t| t.is_word(c)),
                    })
            })
        };
        Clauses {
            conditional: find(CONDITIONAL),
            role: find(ROLE),
        }
    }

    /// Keeps the phrases no condition makes doubtful; false when the whole
    /// sentence is doubtful. A condition closing the sentence in a clause
    /// of its own ("..., must work alongside volunteers if physically
    /// able") makes only that clause doubtful, unless it is about age
    /// ("..., younger if disabled").
    fn keep_unconditional(&self, tokens: &[Token], candidates: &mut Vec<Candidate>) -> bool {
        let Some(k) = self.conditional else {
            return true;
        };
        // "veterans and their spouses": the group's spouses come too, so no
        // age restricts, but the group is still who the service is for (a
        // hint).
        let their_spouses = tokens
            .get(k)
            .is_some_and(|t| t.is_word("spouse") || t.is_word("spouses"))
            && word_before(tokens, k) == Some("their");
        if their_spouses {
            candidates.retain(|(_, _, t)| !matches!(t.value, Value::Age(..)));
            return true;
        }
        let from = tokens
            .get(..k)
            .and_then(|ts| ts.iter().rposition(clause_break))
            .map(|p| p + 1);
        let last_clause = tokens
            .get(k..)
            .is_some_and(|ts| !ts.iter().any(clause_break));
        let about_age = tokens.iter().skip(from.unwrap_or(0)).any(|t| {
            ["younger", "older", "age", "ages", "under", "over"]
                .iter()
                .any(|w| t.is_word(w))
        });
        // "Referral required from the coordinator, if still in high
        // school": a clause opened by "if" or "unless" qualifies the one
        // before it too ("..., except agents of foreign governments" leaves
        // it standing).
        let opens_with_if = tokens
            .get(k)
            .is_some_and(|t| t.is_word("if") || t.is_word("unless"));
        let qualified_from = |from: usize| {
            if from == k && opens_with_if {
                tokens
                    .get(..from.saturating_sub(1))
                    .and_then(|ts| ts.iter().rposition(clause_break))
                    .map(|p| p + 1)
            } else {
                Some(from)
            }
        };
        match from.and_then(qualified_from) {
            Some(from) if last_clause && !about_age => {
                candidates.retain(|(_, e, _)| *e <= from);
                true
            }
            _ => false,
        }
    }

    /// The clause naming a role holds the role's conditions only.
    fn drop_role_clause(&self, tokens: &[Token], candidates: &mut Vec<Candidate>) {
        let Some(k) = self.role else {
            return;
        };
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
}

/// The phrases left after the stages, and the sentence they are in: which
/// of them are hints.
struct Scan<'a> {
    tokens: &'a [Token],
    list: List<'a>,
    candidates: &'a [Candidate],
    /// Whether the sentence opens the text (its subject is then the
    /// eligibility's: "Child referred by ...").
    opens_text: bool,
}

impl Scan<'_> {
    /// Whether a phrase is kept as a hint: nothing around it negates it,
    /// pairs it, weakens it, widens it or offers it beside an unknown
    /// choice.
    fn is_hint(&self, (start, end, term): &Candidate) -> bool {
        let (start, end) = (*start, *end);
        // "Low-income family or senior, or person in emergency": low income
        // qualifying one alternative of a choice no one is restricted by.
        let qualifies_unknown_choice = || {
            let mut at = end;
            // Along the list of groups that opens right after it.
            while let Some((s, e, _)) = self
                .candidates
                .iter()
                .find(|(s, _, t)| *s == at && matches!(t.value, Value::Population(_)))
            {
                if self.beside_unknown(*s, *e) {
                    return true;
                }
                match self.list.next_item(*e) {
                    Some((next, _)) if next > at => at = next,
                    _ => return false,
                }
            }
            false
        };
        let unknown_choice = (matches!(term.value, Value::Population(_) | Value::Age(..))
            && self.beside_unknown(start, end))
            || (term.value == LOW_INCOME && qualifies_unknown_choice());
        !self.negated(start, end, term)
            && !self.paired(start, end, term)
            && !self.weak(start, end, term)
            && !self.other_group(start, term)
            && !unknown_choice
            && term.value != Value::Open
    }

    fn before(&self, start: usize) -> Option<&Token> {
        start.checked_sub(1).and_then(|p| self.tokens.get(p))
    }

    /// A negation, a qualifier or a price around the phrase.
    fn negated(&self, start: usize, end: usize, term: &Term) -> bool {
        let tokens = self.tokens;
        let group = matches!(term.value, Value::Population(_));
        let word_before = self.before(start).and_then(Token::word);
        // "not currently on parole", "must not be homeless", "no need to
        // call for an appointment": a negation a few words before a group,
        // a requirement or an income, with no break between.
        // "not limited to low-income clients" too.
        let condition = matches!(term.value, Value::Requirement(_) | Value::Income(_));
        let place = matches!(term.value, Value::Residency(_));
        let group_negated = ((group || condition) && negation_before(tokens, start))
            || (place && need_not(tokens, start))
            || (matches!(term.value, Value::Requirement(_)) && waived(tokens, start, end));
        // "Free for homeless San Franciscans", "(free to homeless)",
        // "uninsured people $0-full bill": a price, not who may come.
        let price = group
            && ((word_before.is_some_and(|w| w == "for" || w == "to")
                && start
                    .checked_sub(2)
                    .and_then(|p| tokens.get(p))
                    .is_some_and(|t| t.is_word("free")))
                || tokens
                    .get(end..end + 2)
                    .is_some_and(|next| next.iter().any(|t| t.is_punct('$')))
                // "uninsured families pay on a sliding scale" (not "help
                // foster youth pay for college").
                || (end..end + 2).any(|k| {
                    tokens
                        .get(k)
                        .is_some_and(|t| t.is_word("pay") || t.is_word("pays"))
                        && !tokens.get(k + 1).is_some_and(|t| {
                            ["for", "their", "rent", "bills", "the"]
                                .iter()
                                .any(|w| t.is_word(w))
                        })
                }));
        group_negated
            || price
            || word_before.is_some_and(|w| NEGATION.contains(&w))
            || (group && word_before.is_some_and(|w| QUALIFIER.contains(&w)))
    }

    /// "women and children", "Women, teens and children": a gender (or
    /// "adults") listed with other groups restricts nothing. A comma pairs
    /// only with a group on its other side ("Male, age 18 or over" is one).
    fn paired(&self, start: usize, end: usize, term: &Term) -> bool {
        let pairable = matches!(term.value, Value::Gender(_))
            || (matches!(term.value, Value::Age(_, true)) && term.hint == Hint::Always);
        let comma_pair = |k: Option<usize>, side_end: bool| {
            k.and_then(|k| self.tokens.get(k))
                .is_some_and(|t| t.is_punct(','))
                && self.candidates.iter().any(|(s, e, other)| {
                    names_people(&other.value)
                        && if side_end {
                            Some(*s) == k.map(|k| k + 1)
                        } else {
                            k == Some(*e)
                        }
                })
        };
        pairable
            && (joins(self.tokens.get(end))
                || joins(self.before(start))
                || comma_pair(Some(end), true)
                || comma_pair(start.checked_sub(1), false))
    }

    /// "homeless people and residents of the Tenderloin": either group may
    /// come, so the place restricts no one. ("unemployed and live in Kent
    /// County": where the same people live.)
    fn other_group(&self, start: usize, term: &Term) -> bool {
        let same_people = self
            .tokens
            .get(start)
            .and_then(Token::word)
            .is_some_and(|w| LIVE_VERBS.contains(&w));
        matches!(term.value, Value::Residency(_))
            && !same_people
            && joins(self.before(start))
            && self.candidates.iter().any(|(_, e, other)| {
                matches!(other.value, Value::Population(_))
                    && Some(*e + 2) >= Some(start)
                    && *e < start
            })
    }

    /// Ages without a word ("1-90 forms") and groups often named as a topic
    /// rather than a condition ("child care", "HIV testing") are not hints.
    fn weak(&self, start: usize, end: usize, term: &Term) -> bool {
        match (&term.value, term.hint) {
            (_, Hint::Never) => true,
            (Value::Age(..), Hint::Always) => false,
            // "Shelter for Youths 18-24", "men 18-65", "adults 50+",
            // "individuals 18+": bare numbers right after the people they
            // describe are their ages.
            (Value::Age(_, implied), _) => {
                let after_age_group = self.candidates.iter().any(|(_, e, other)| {
                    *e == start
                        && match &other.value {
                            Value::Population(s) => s.iter().any(|x| AGE_POPULATIONS.contains(x)),
                            Value::Gender(_) | Value::Age(_, true) => true,
                            _ => false,
                        }
                }) || self
                    .before(start)
                    .and_then(Token::word)
                    .is_some_and(|w| PEOPLE_NOUNS.contains(&w));
                (*implied && !self.on_a_group(start, end))
                    || !(after_age_group
                        || self
                            .tokens
                            .get(start..end)
                            .is_some_and(|ts| ts.iter().any(|t| t.word().is_some())))
            }
            (Value::Population(_), Hint::Always) => false,
            // "residents who are veterans, seniors, or people with
            // disabilities": what the people are, never a topic.
            (Value::Population(_), _) if self.in_predicate(start) => false,
            (Value::Population(list), _) => {
                (named_as_topic(list)
                    && !self.names_the_subject(start, end, list)
                    && !self.stacked(start, end, list)
                    && !self.aged(end))
                    || self.offered_beside_weak(start, end)
            }
            _ => false,
        }
    }

    /// "Adult parolee", "unemployed adult": adults stacked on a group the
    /// scan keeps are that group's age ("Frail elderly or disabled adult":
    /// one choice's only).
    fn on_a_group(&self, start: usize, end: usize) -> bool {
        self.candidates.iter().any(|(s, e, other)| {
            (*e == start || *s == end)
                && matches!(&other.value, Value::Population(l) if !named_as_topic(l))
                && !self
                    .candidates
                    .iter()
                    .any(|(s2, e2, _)| self.list.choice_neighbours((*s, *e), (*s2, *e2)))
        })
    }

    /// "children ages 6 to 17", "teen parents ages 13 to 19": a group with
    /// its ages is who is served, not a topic.
    fn aged(&self, end: usize) -> bool {
        self.candidates
            .iter()
            .any(|(s, _, t)| *s == end && matches!(t.value, Value::Age(..)))
    }

    /// Whether the phrase at `start` is in a list after "who are" or "who
    /// have", with only groups, list words and people nouns between.
    fn in_predicate(&self, start: usize) -> bool {
        let in_group = |k: usize| {
            self.candidates
                .iter()
                .any(|(s, e, t)| matches!(t.value, Value::Population(_)) && (*s..*e).contains(&k))
        };
        let mut k = start;
        while let Some(p) = k.checked_sub(1) {
            let Some(t) = self.tokens.get(p) else {
                return false;
            };
            let after_who = t
                .word()
                .is_some_and(|w| ["are", "is", "have", "has"].contains(&w))
                && p.checked_sub(1)
                    .and_then(|q| self.tokens.get(q))
                    .is_some_and(|w| w.is_word("who"));
            if after_who {
                return true;
            }
            let list_word = t.is_punct(',')
                || t.word().is_some_and(|w| {
                    ["or", "and", "with", "a", "an", "are", "have"].contains(&w)
                        || CHOICE_FILLER.contains(&w)
                });
            if !(list_word || in_group(p)) {
                return false;
            }
            k = p;
        }
        false
    }

    /// "Must be low-income household, family, senior or disabled": a group
    /// offered as one choice beside income or a group named as often as a
    /// topic (which the scan leaves out) would read a narrower union than
    /// the text's; no hint then.
    fn offered_beside_weak(&self, start: usize, end: usize) -> bool {
        let weak_choice = |s: usize, t: &Term| {
            t.hint != Hint::Always
                && !self.in_predicate(s)
                && match &t.value {
                    Value::Income(_) => true,
                    Value::Population(list) => named_as_topic(list),
                    _ => false,
                }
        };
        self.candidates.iter().any(|(s, e, t)| {
            let right = self.list.offered_after(end, (*s, *e));
            let left = *e <= start && self.list.offered_after(*e, (start, end));
            weak_choice(*s, t) && (right || left)
        })
    }

    /// "Family that meets ...", "Family of multiple children": a family
    /// opening the sentence as its subject is who is served, not a topic
    /// ("Family law"). ("Child in school", "Youth in the juvenile justice
    /// system": the labels keep the narrower group beside them, not the age
    /// group.)
    fn names_the_subject(&self, start: usize, end: usize, list: &[Situation]) -> bool {
        // "Child referred by ...", "Child has no vision insurance": a child
        // or a student opening the text is who is served, when no other
        // group is named beside it.
        let only_group = || {
            self.opens_text
                && list
                    .iter()
                    .all(|s| [Situation::Child, Situation::Student].contains(s))
                && !self
                    .candidates
                    .iter()
                    .any(|(s, _, t)| *s != start && matches!(t.value, Value::Population(_)))
        };
        start == 0
            && (list.contains(&Situation::FamilyWithChildren) || only_group())
            && self
                .tokens
                .get(end)
                .and_then(Token::word)
                .is_some_and(|w| SUBJECT_FOLLOWER.contains(&w))
    }

    /// "Homeless family": a family stacked on a group the scan keeps is the
    /// household served ("disabled child", "youth incarcerated" add nothing
    /// to the group beside them).
    fn stacked(&self, start: usize, end: usize, list: &[Situation]) -> bool {
        list.contains(&Situation::FamilyWithChildren)
            && self.candidates.iter().any(|(s, e, t)| {
                (*e == start || *s == end)
                    && matches!(&t.value, Value::Population(l) if !named_as_topic(l))
            })
    }

    /// "Homeless person or person without cooking facilities", "Age 60 or
    /// over or homebound": a group or age offered as one choice beside one
    /// the reader does not know is no restriction (whoever the unknown
    /// choice names qualifies too). So is one offered beside a place
    /// ("Enrolled student or county resident"): the model has no choice
    /// between a group and a residence.
    fn beside_unknown(&self, start: usize, end: usize) -> bool {
        let tokens = self.tokens;
        let list = self.list;
        let person = |k: usize| {
            tokens
                .get(k)
                .and_then(Token::word)
                .is_some_and(|w| CHOICE_FILLER.contains(&w))
        };
        let place = |t: &Term| matches!(t.value, Value::Residency(_));
        let starts_item = |k: usize| self.candidates.iter().any(|(s, _, t)| *s == k && !place(t));
        let ends_item = |k: usize| self.candidates.iter().any(|(_, e, t)| *e == k && !place(t));
        let is_word = |k: usize| tokens.get(k).is_some_and(|t| t.word().is_some());
        let mut after = end;
        while person(after) {
            after += 1;
        }
        let right = list.next_item(after).is_some_and(|(mut k, or)| {
            let joined = or || list.followed_by_or(k);
            while person(k) {
                k += 1;
            }
            joined && is_word(k) && !starts_item(k)
        });
        let before = match (start.checked_sub(1), start.checked_sub(2)) {
            (Some(o), Some(c)) if list.is_or(o) && list.is_comma(c) => c.checked_sub(1),
            (Some(o), _) if list.is_or(o) => o.checked_sub(1),
            _ => None,
        };
        let left = before.is_some_and(|k| is_word(k) && !person(k) && !ends_item(k + 1));
        right || left
    }
}

/// Pools the hints of a sentence: one age, one place (two of either clash:
/// no hint), an explicit age over the age groups, low income replaced by a
/// figure, requirements stacked, groups pooled as one choice.
fn pool_hints(mut found: Vec<Term>) -> Vec<Term> {
    let mut out: Vec<Term> = Vec::new();
    let mut clashed: Vec<u8> = Vec::new();
    let mut populations: Option<Term> = None;
    // An age stated replaces the one a noun implies ("Adult 50 or older").
    if found
        .iter()
        .any(|t| matches!(t.value, Value::Age(_, false)))
    {
        found.retain(|t| !matches!(t.value, Value::Age(_, true)));
    }
    let explicit_age = found.iter().any(|t| matches!(t.value, Value::Age(..)));
    for term in found {
        let Value::Population(ref list) = term.value else {
            let kind = dimension(&term.value);
            if clashed.contains(&kind) || out.iter().any(|t| t.value == term.value) {
                continue;
            }
            // "Low income: 1 person household max income, $37,400": the
            // figure says what "low income" means here.
            if let Some(low) = out.iter_mut().find(|t| t.value == LOW_INCOME)
                && matches!(term.value, Value::Income(_))
            {
                *low = term;
                continue;
            }
            if term.value == LOW_INCOME && out.iter().any(|t| dimension(&t.value) == kind) {
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
