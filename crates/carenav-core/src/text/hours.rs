//! Free-text opening hours ("Mon-Fri 9am-5pm", "Open 24 hours") into HSDS schedules.
//!
//! The reader walks the tokens once: day words build a set of days, a time
//! range opens those days, separators (`,` `;` `.` `:` `&` `and`) are skipped,
//! `Closed` right after days closes them (ILAO's "Sunday: Closed"). Any other
//! word ("by appointment", "first Tuesday", "call") means the text was not
//! fully read, and then no structure is produced at all: a schedule that is
//! half right would tell a client the place is open when it is not.
//!
//! # Reading times without am/pm
//!
//! Directories write "9-5" and "8:30-12, 1-5". A range is read like this:
//!
//! 1. A time with an hour of 0 or 13..=24, or a leading zero ("08:00"), is on
//!    the 24-hour clock; then the whole range is read on the 24-hour clock
//!    ("9:00-17:00" is 09:00-17:00).
//! 2. When only one end says am/pm, the other end takes the same half of the
//!    day unless that puts the opening after the closing ("7-9:30 pm" is
//!    19:00-21:30, "9-5pm" is 09:00-17:00, "8-12 pm" is 08:00-12:00).
//! 3. Otherwise each bare hour 1..=12 may be am or pm; the readings where the
//!    opening is before the closing are kept, and if more than one remains,
//!    only those inside the usual day (opening at 06:00 or later, closing at
//!    22:00 or earlier). In effect openings 6..11 are am, 12 is noon, 1..5 are
//!    pm, and closings are the first matching time after the opening within
//!    the day ("9-5" 09:00-17:00, "6-5" 06:00-17:00, "4-10" 16:00-22:00,
//!    "9-12" 09:00-12:00, "10-11" 10:00-11:00). If still more than one
//!    reading remains ("8-9": 08:00-09:00, 08:00-21:00 or 20:00-21:00) the
//!    text is not read.
//!
//! `noon` is 12:00; `midnight` is 00:00 as an opening and 24:00 as a closing.
//!
//! # Overnight ranges
//!
//! A schedule never closes before it opens. A range that crosses midnight is
//! accepted only when both ends carry am/pm ("Daily, 10 pm-6 am") and is split
//! in two: 22:00-24:00 on the day and 00:00-06:00 on the next day.

use std::collections::BTreeMap;

use crate::directory::{Schedule, TimeOfDay, Weekday};
use crate::text::Coverage;
use crate::text::token::{Kind, Token, tokenize};

/// Reads free-text hours into weekly schedules.
///
/// Always returns at least one schedule for non-empty text: when the text
/// cannot be read unambiguously, a single schedule carrying only the text as
/// its `description`, so nothing is lost and nothing is guessed.
///
/// ```
/// use carenav_core::text::schedules_from_text;
/// let s = schedules_from_text("Monday-Friday, 9-12, 1-5");
/// assert_eq!(s.len(), 2);
/// assert_eq!(s[0].byday.as_deref(), Some("MO,TU,WE,TH,FR"));
/// assert_eq!(s[1].opens_at.map(|t| t.to_string()).as_deref(), Some("13:00"));
/// let unread = schedules_from_text("By appointment");
/// assert_eq!(unread.len(), 1);
/// assert!(unread[0].opens_at.is_none());
/// ```
pub fn schedules_from_text(text: &str) -> Vec<Schedule> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Vec::new();
    }
    parse_hours(trimmed).unwrap_or_else(|| {
        vec![Schedule {
            description: Some(trimmed.to_owned()),
            ..Schedule::default()
        }]
    })
}

/// Reads free-text hours into weekly schedules, or `None` when any part of
/// the text could not be read (or it is empty). Each schedule carries the
/// whole text as its `description`.
pub fn parse_hours(text: &str) -> Option<Vec<Schedule>> {
    let reading = read(text.trim());
    if !reading.complete || reading.openings.is_empty() {
        return None;
    }
    Some(to_schedules(text.trim(), &reading.openings))
}

/// How much of an hours text [`parse_hours`] could read: all of it, some
/// time ranges but not everything, or nothing.
pub fn hours_coverage(text: &str) -> Coverage {
    let reading = read(text.trim());
    match (reading.complete, reading.openings.is_empty()) {
        (true, false) => Coverage::Full,
        (false, false) => Coverage::Partial,
        _ => Coverage::Unread,
    }
}

/// Whole texts meaning "always open", compared after dropping punctuation.
const ALWAYS_OPEN: &[&str] = &[
    "24 hours",
    "24 hours daily",
    "24 hours a day",
    "24 hours per day",
    "24 hour facility",
    "24 hours 7 days a week",
    "24 hours a day 7 days a week",
    "open 24 hours",
    "open 24 hours a day",
    "open 24 hours daily",
    "24 7",
    "open 24 7",
];

/// Day words, including abbreviations, plurals and typos seen in real data.
const DAY_WORDS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Monday),
    ("mondays", Weekday::Monday),
    ("mon", Weekday::Monday),
    ("m", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("tuesdays", Weekday::Tuesday),
    ("tue", Weekday::Tuesday),
    ("tues", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("wednesdays", Weekday::Wednesday),
    ("wed", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("thursdays", Weekday::Thursday),
    ("thu", Weekday::Thursday),
    ("thur", Weekday::Thursday),
    ("thurs", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("fridays", Weekday::Friday),
    ("fri", Weekday::Friday),
    ("f", Weekday::Friday),
    ("firday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("saturdays", Weekday::Saturday),
    ("sat", Weekday::Saturday),
    ("satuday", Weekday::Saturday),
    ("saturnday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
    ("sundays", Weekday::Sunday),
    ("sun", Weekday::Sunday),
];

/// Words naming several days at once.
const DAY_GROUPS: &[(&str, &[Weekday])] = &[
    ("daily", &Weekday::ALL),
    ("everyday", &Weekday::ALL),
    (
        "weekdays",
        &[
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
            Weekday::Thursday,
            Weekday::Friday,
        ],
    ),
    ("weekends", &[Weekday::Saturday, Weekday::Sunday]),
];

/// Words between items that carry no meaning.
const SEPARATOR_WORDS: &[&str] = &["and"];
const SEPARATOR_PUNCT: &[char] = &[',', ';', '.', ':', '&'];
/// Words joining the two ends of a range.
const RANGE_WORDS: &[&str] = &["to", "through", "thru"];

/// One opening read from the text: a day and a time range on it (minutes).
type Opening = (Weekday, u16, u16);

struct Reading {
    openings: Vec<Opening>,
    complete: bool,
}

fn read(text: &str) -> Reading {
    if text.is_empty() {
        return Reading {
            openings: Vec::new(),
            complete: false,
        };
    }
    let tokens = tokenize(text);
    let plain: Vec<String> = tokens
        .iter()
        .filter_map(|t| match &t.kind {
            Kind::Word(w) => Some(w.clone()),
            Kind::Number(n) => Some(n.clone()),
            Kind::Punct(_) => None,
        })
        .collect();
    if ALWAYS_OPEN.contains(&plain.join(" ").as_str()) {
        return Reading {
            openings: Weekday::ALL.iter().map(|&d| (d, 0, 24 * 60)).collect(),
            complete: true,
        };
    }

    let mut openings = Vec::new();
    let mut complete = true;
    let mut days: Vec<Weekday> = Vec::new();
    // Whether the current day set already received a range (a following day
    // word then starts a new set).
    let mut days_used = false;
    let mut i = 0;
    while i < tokens.len() {
        if let Some((found, next)) = day_spec(&tokens, i) {
            if days_used {
                days.clear();
                days_used = false;
            }
            days.extend(found);
            i = next;
        } else if let Some((ranges, next)) = time_range(&tokens, i) {
            if days.is_empty() {
                complete = false;
            }
            for (open, close) in ranges.same_day {
                openings.extend(days.iter().map(|&d| (d, open, close)));
            }
            if let Some((open, close)) = ranges.next_day {
                openings.extend(days.iter().map(|&d| (day_after(d), open, close)));
            }
            days_used = true;
            i = next;
        } else if tokens.get(i).is_some_and(|t| t.is_word("closed"))
            && !days.is_empty()
            && !days_used
        {
            // "Sunday: Closed": those days have no opening.
            days.clear();
            i += 1;
        } else if is_separator(&tokens, i) {
            i += 1;
        } else if let Some(next) = whole_year(&tokens, i) {
            i = next;
        } else {
            complete = false;
            i += 1;
        }
    }
    if !days.is_empty() && !days_used {
        // Days named but no hours given for them.
        complete = false;
    }
    if overlapping(&openings) {
        complete = false;
    }
    Reading { openings, complete }
}

fn is_separator(tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| match &t.kind {
        Kind::Punct(c) => SEPARATOR_PUNCT.contains(c),
        Kind::Word(w) => SEPARATOR_WORDS.contains(&w.as_str()),
        Kind::Number(_) => false,
    })
}

/// "January - December": the whole year, so nothing to record.
fn whole_year(tokens: &[Token], i: usize) -> Option<usize> {
    let first = tokens.get(i)?;
    let dash = tokens.get(i + 1)?;
    let last = tokens.get(i + 2)?;
    (first.is_word("january") && dash.is_punct('-') && last.is_word("december")).then_some(i + 3)
}

fn day_word(token: &Token) -> Option<Weekday> {
    let w = token.word()?;
    DAY_WORDS
        .iter()
        .find(|(name, _)| *name == w)
        .map(|&(_, d)| d)
}

/// A day, a day range ("Monday-Friday", "Thurs.-Fri.") or a day group
/// ("Daily", "every day").
fn day_spec(tokens: &[Token], i: usize) -> Option<(Vec<Weekday>, usize)> {
    let first = tokens.get(i)?;
    if let Some(w) = first.word() {
        if let Some((_, group)) = DAY_GROUPS.iter().find(|(name, _)| *name == w) {
            return Some((group.to_vec(), i + 1));
        }
        if w == "every" && tokens.get(i + 1).is_some_and(|t| t.is_word("day")) {
            return Some((Weekday::ALL.to_vec(), i + 2));
        }
    }
    let start = day_word(first)?;
    // Skip an abbreviation's dot before looking for a range dash.
    let mut j = i + 1;
    if tokens.get(j).is_some_and(|t| t.is_punct('.')) {
        j += 1;
    }
    let dash = tokens
        .get(j)
        .is_some_and(|t| t.is_punct('-') || t.word().is_some_and(|w| RANGE_WORDS.contains(&w)));
    if dash && let Some(end) = tokens.get(j + 1).and_then(day_word) {
        return Some((day_range(start, end), j + 2));
    }
    Some((vec![start], i + 1))
}

/// Days from `start` to `end` inclusive, wrapping past Sunday.
fn day_range(start: Weekday, end: Weekday) -> Vec<Weekday> {
    let index = |d: Weekday| Weekday::ALL.iter().position(|&x| x == d).unwrap_or(0);
    let (s, e) = (index(start), index(end));
    let len = (e + 7 - s) % 7 + 1;
    (0..len).map(|k| Weekday::ALL[(s + k) % 7]).collect()
}

fn day_after(day: Weekday) -> Weekday {
    let index = Weekday::ALL.iter().position(|&x| x == day).unwrap_or(0);
    Weekday::ALL[(index + 1) % 7]
}

/// A clock time as written, before am/pm is settled.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Clock {
    /// Hour and minute with an explicit half of the day (`true` = pm).
    Marked { hour: u16, minute: u16, pm: bool },
    /// Hour and minute without am/pm; `fixed` when it can only be 24-hour.
    Bare { hour: u16, minute: u16, fixed: bool },
    /// `noon` or `12 noon`.
    Noon,
    /// `midnight` or `12 midnight`.
    Midnight,
}

/// Reads one clock time starting at `i`.
fn clock(tokens: &[Token], i: usize) -> Option<(Clock, usize)> {
    let first = tokens.get(i)?;
    match first.word() {
        Some("noon") => return Some((Clock::Noon, i + 1)),
        Some("midnight") => return Some((Clock::Midnight, i + 1)),
        _ => {}
    }
    let digits = first.digits()?;
    let hour: u16 = digits.parse().ok()?;
    let mut j = i + 1;
    let mut minute = 0;
    // Minutes only when written tight against the hour: "8:30", not "Monday: 8".
    if let (Some(colon), Some(min)) = (tokens.get(j), tokens.get(j + 1))
        && colon.is_punct(':')
        && colon.start == first.end
        && min.start == colon.end
        && let Some(m) = min.digits().filter(|m| m.len() == 2)
    {
        minute = m.parse().ok()?;
        j += 2;
    }
    if hour > 24 || minute > 59 || digits.len() > 2 {
        return None;
    }
    let marker = tokens.get(j).and_then(|t| t.word()).map(str::to_owned);
    let (pm, next) = match marker.as_deref() {
        Some("am") | Some("a") => (Some(false), j + 1),
        Some("pm") | Some("p") => (Some(true), j + 1),
        Some("noon") if hour == 12 && minute == 0 => return Some((Clock::Noon, j + 1)),
        Some("midnight") if hour == 12 && minute == 0 => return Some((Clock::Midnight, j + 1)),
        _ => (None, j),
    };
    // "a.m." / "p.m.": skip the ".m." tail.
    let next = if pm.is_some()
        && tokens.get(next).is_some_and(|t| t.is_punct('.'))
        && tokens.get(next + 1).is_some_and(|t| t.is_word("m"))
    {
        if tokens.get(next + 2).is_some_and(|t| t.is_punct('.')) {
            next + 3
        } else {
            next + 2
        }
    } else {
        next
    };
    match pm {
        Some(pm) if (1..=12).contains(&hour) => Some((Clock::Marked { hour, minute, pm }, next)),
        Some(_) => None,
        None => {
            let fixed = hour == 0 || hour >= 13 || (digits.len() == 2 && digits.starts_with('0'));
            Some((
                Clock::Bare {
                    hour,
                    minute,
                    fixed,
                },
                next,
            ))
        }
    }
}

/// The readings of a time as an opening (`closing == false`) or a closing,
/// in minutes since midnight. `in_24h` reads bare hours literally.
fn readings(clock: Clock, closing: bool, in_24h: bool) -> Vec<u16> {
    let twelve = |hour: u16, minute: u16, pm: bool| -> u16 {
        let base = hour % 12 * 60 + minute;
        match (pm, closing && base == 0) {
            (true, _) => base + 12 * 60,
            // 12 am as a closing time is the end of the day.
            (false, true) => 24 * 60,
            (false, false) => base,
        }
    };
    match clock {
        Clock::Noon => vec![12 * 60],
        Clock::Midnight => vec![if closing { 24 * 60 } else { 0 }],
        Clock::Marked { hour, minute, pm } => vec![twelve(hour, minute, pm)],
        Clock::Bare { hour, minute, .. } if in_24h => {
            let t = hour * 60 + minute;
            if t > 24 * 60 { vec![] } else { vec![t] }
        }
        Clock::Bare { hour, minute, .. } if (1..=12).contains(&hour) => {
            vec![twelve(hour, minute, false), twelve(hour, minute, true)]
        }
        Clock::Bare { .. } => vec![],
    }
}

/// A time range read from text: one part on its day, and for an overnight
/// range a second part on the next day.
struct Ranges {
    same_day: Vec<(u16, u16)>,
    next_day: Option<(u16, u16)>,
}

/// "9-5", "8:30 am to 12 noon", "9:00-17:00" at `i`.
fn time_range(tokens: &[Token], i: usize) -> Option<(Ranges, usize)> {
    let (open, j) = clock(tokens, i)?;
    let dash = tokens.get(j)?;
    if !(dash.is_punct('-') || dash.word().is_some_and(|w| RANGE_WORDS.contains(&w))) {
        return None;
    }
    let (close, next) = clock(tokens, j + 1)?;
    let (open, close) = settle(open, close)?;
    let ranges = if open < close {
        Ranges {
            same_day: vec![(open, close)],
            next_day: None,
        }
    } else {
        let mut same_day = vec![(open, 24 * 60)];
        same_day.retain(|(o, c)| o < c);
        Ranges {
            same_day,
            next_day: (close > 0).then_some((0, close)),
        }
    };
    Some((ranges, next))
}

/// Settles am/pm for a range (see the module docs). Returns opening and
/// closing minutes; closing is before opening only for an explicitly marked
/// overnight range.
fn settle(open: Clock, close: Clock) -> Option<(u16, u16)> {
    let marked = |c: Clock| matches!(c, Clock::Marked { .. });
    let explicit = |c: Clock| !matches!(c, Clock::Bare { .. });
    let fixed = |c: Clock| matches!(c, Clock::Bare { fixed: true, .. });
    let in_24h = fixed(open) || fixed(close);

    // Rule 2: one end marked, the other bare: same half first, then the other.
    if !in_24h {
        let carry = |bare: Clock, from: Clock| match (bare, from) {
            (Clock::Bare { hour, minute, .. }, Clock::Marked { pm, .. }) => Some([
                Clock::Marked { hour, minute, pm },
                Clock::Marked {
                    hour,
                    minute,
                    pm: !pm,
                },
            ]),
            _ => None,
        };
        let candidates = if marked(close) && !explicit(open) {
            carry(open, close).map(|c| c.map(|o| (o, close)))
        } else if marked(open) && !explicit(close) {
            carry(close, open).map(|c| c.map(|cl| (open, cl)))
        } else {
            None
        };
        if let Some(candidates) = candidates {
            return candidates.into_iter().find_map(|(o, c)| {
                let (o, c) = (readings(o, false, false), readings(c, true, false));
                match (o.as_slice(), c.as_slice()) {
                    ([o], [c]) if o < c => Some((*o, *c)),
                    _ => None,
                }
            });
        }
    }

    // Rule 3: every reading where the opening comes first.
    let opens = readings(open, false, in_24h);
    let closes = readings(close, true, in_24h);
    let valid: Vec<(u16, u16)> = opens
        .iter()
        .flat_map(|&o| closes.iter().map(move |&c| (o, c)))
        .filter(|(o, c)| o < c)
        .collect();
    match valid.as_slice() {
        [one] => return Some(*one),
        [] => {
            // Overnight, only when both ends say am/pm or noon/midnight.
            return match (
                explicit(open) && explicit(close),
                opens.as_slice(),
                closes.as_slice(),
            ) {
                (true, [o], [c]) if o > c => Some((*o, *c)),
                _ => None,
            };
        }
        _ => {}
    }
    let in_day: Vec<&(u16, u16)> = valid
        .iter()
        .filter(|(o, c)| *o >= 6 * 60 && *c <= 22 * 60)
        .collect();
    match in_day.as_slice() {
        [one] => Some(**one),
        _ => None,
    }
}

/// Whether two openings on the same day overlap (conflicting text).
fn overlapping(openings: &[Opening]) -> bool {
    let mut by_day: BTreeMap<Weekday, Vec<(u16, u16)>> = BTreeMap::new();
    for &(day, open, close) in openings {
        by_day.entry(day).or_default().push((open, close));
    }
    by_day.values_mut().any(|ranges| {
        ranges.sort_unstable();
        ranges.windows(2).any(|w| match w {
            [a, b] => b.0 < a.1,
            _ => false,
        })
    })
}

/// Groups openings with the same hours into one schedule per range.
fn to_schedules(text: &str, openings: &[Opening]) -> Vec<Schedule> {
    let mut by_range: BTreeMap<(u16, u16), Vec<Weekday>> = BTreeMap::new();
    for &(day, open, close) in openings {
        let days = by_range.entry((open, close)).or_default();
        if !days.contains(&day) {
            days.push(day);
        }
    }
    let mut schedules: Vec<(Weekday, u16, Schedule)> = by_range
        .into_iter()
        .filter_map(|((open, close), mut days)| {
            days.sort_unstable();
            let opens_at = TimeOfDay::new(open / 60, open % 60)?;
            let closes_at = TimeOfDay::new(close / 60, close % 60)?;
            let first = *days.first()?;
            let mut schedule = Schedule::weekly(&days, opens_at, closes_at);
            schedule.description = Some(text.to_owned());
            Some((first, open, schedule))
        })
        .collect();
    schedules.sort_by_key(|(day, open, _)| (*day, *open));
    schedules.into_iter().map(|(_, _, s)| s).collect()
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    /// Schedules as "BYDAY HH:MM-HH:MM" lines, or None when not read.
    fn shown(text: &str) -> Option<Vec<String>> {
        parse_hours(text).map(|schedules| {
            schedules
                .iter()
                .map(|s| {
                    let time = |t: Option<TimeOfDay>| t.map(|t| t.to_string()).unwrap_or_default();
                    format!(
                        "{} {}-{}",
                        s.byday.as_deref().unwrap_or(""),
                        time(s.opens_at),
                        time(s.closes_at)
                    )
                })
                .collect()
        })
    }

    #[rstest]
    #[case("Mon-Fri 9am-5pm", &["MO,TU,WE,TH,FR 09:00-17:00"])]
    #[case("Monday-Friday, 9-5", &["MO,TU,WE,TH,FR 09:00-17:00"])]
    #[case("Monday-Friday, 6-5", &["MO,TU,WE,TH,FR 06:00-17:00"])]
    #[case("Monday-Friday, 4-10", &["MO,TU,WE,TH,FR 16:00-22:00"])]
    #[case("Saturday, 10-11", &["SA 10:00-11:00"])]
    #[case("Tuesday, 7-9:30 pm", &["TU 19:00-21:30"])]
    #[case("Monday-Friday, 8-12 pm, 1-5", &["MO,TU,WE,TH,FR 08:00-12:00", "MO,TU,WE,TH,FR 13:00-17:00"])]
    #[case("Tuesday, Thursday, 10-3; Sunday, 10-noon", &["TU,TH 10:00-15:00", "SU 10:00-12:00"])]
    #[case("Daily, 7:30 am-12 midnight", &["MO,TU,WE,TH,FR,SA,SU 07:30-24:00"])]
    #[case("Sunday-Saturday, 8-5", &["MO,TU,WE,TH,FR,SA,SU 08:00-17:00"])]
    #[case("Friday-Monday, 9-1", &["MO,FR,SA,SU 09:00-13:00"])]
    #[case("Open 24/7", &["MO,TU,WE,TH,FR,SA,SU 00:00-24:00"])]
    #[case("Daily, 10 p.m.-6 a.m.", &["MO,TU,WE,TH,FR,SA,SU 00:00-06:00", "MO,TU,WE,TH,FR,SA,SU 22:00-24:00"])]
    #[case("M-F, 8am-10pm; Sat, 8am to 2pm", &["MO,TU,WE,TH,FR 08:00-22:00", "SA 08:00-14:00"])]
    #[case("Sunday: Closed Monday: 9:00-5:00  Tuesday: 9:00-17:00", &["MO,TU 09:00-17:00"])]
    #[case("Monday: 09:00-12:00", &["MO 09:00-12:00"])]
    fn reads_hours(#[case] text: &str, #[case] expected: &[&str]) {
        let expected: Vec<String> = expected.iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(shown(text), Some(expected));
    }

    #[rstest]
    #[case("Monday-Thursday, 8-9")] // 8-9 am, 8 am-9 pm or 8-9 pm
    #[case("Daily, 22:00-06:00")] // overnight without am/pm on both ends
    #[case("Thursday: 23:00-17:00")] // closes before it opens
    #[case("Thursday: 8:30-12:00 , 1:00-17:00")] // overlapping ranges
    #[case("9-5")] // no days
    #[case("Monday-Friday")] // no hours
    #[case("Monday-Friday, 9-45")]
    #[case("By appointment")]
    #[case("Monday-Friday, 9-5; Saturday by appointment")]
    #[case("First Monday of the month, 1:30-4")]
    #[case("Monday-Friday, 8-5; call for hours")]
    #[case("24 hours daily for crisis hotline")]
    #[case("")]
    fn refuses_what_it_cannot_read(#[case] text: &str) {
        assert_eq!(shown(text), None);
    }

    #[test]
    fn unread_text_is_kept_as_one_description() {
        let s = schedules_from_text("  Call for hours ");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].description.as_deref(), Some("Call for hours"));
        assert!(s[0].byday.is_none() && s[0].freq.is_none());
        assert!(schedules_from_text(" ").is_empty());
    }

    #[test]
    fn every_schedule_keeps_the_text() {
        let text = "Monday-Friday, 9-12, 1-5";
        for s in schedules_from_text(text) {
            assert_eq!(s.description.as_deref(), Some(text));
            assert_eq!(s.freq, Some(crate::directory::Frequency::Weekly));
        }
    }

    #[test]
    fn coverage_tells_partial_from_unread() {
        assert_eq!(hours_coverage("Monday-Friday, 9-5"), Coverage::Full);
        assert_eq!(
            hours_coverage("Monday-Friday, 9-5; Saturday by appointment"),
            Coverage::Partial
        );
        assert_eq!(hours_coverage("Vary"), Coverage::Unread);
    }
}
