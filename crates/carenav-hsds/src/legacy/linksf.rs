//! Link-SF Parse export (San Francisco, 2014): `linksf.json`, an array of
//! facilities each holding its services.
//!
//! A facility becomes an organization and one physical location; each of
//! its services a service and a service-at-location. `openHours` is already
//! structured (`"0"` = Sunday … `"6"` = Saturday, `[[HHMM, HHMM], …]`) and
//! becomes weekly schedules. The facility's `gender` and `age` codes become
//! structured eligibility of each of its services.
//!
//! Age codes (Link-SF never defined them; these are the ranges carenav uses):
//! `C` children 0–12, `Y` youth 13–24, `A` adults 18–59, `S` seniors 60+.
//! A facility listing several contiguous groups serves the union span
//! (`C`+`Y` = 0–24); groups with a gap (`C`+`S`) cannot be one range and go
//! to `to_verify`.

use std::collections::HashMap;
use std::path::Path;

use carenav_core::{
    Address, AddressType, AgeRange, Attribute, Confidence, Constraint, Eligibility, Evidence,
    EvidenceSource, Gender, GeoPoint, Location, Organization, Phone, Schedule, Service,
    ServiceAtLocation, TimeOfDay, Weekday,
};
use serde_json::Value;

use super::{
    Context, Conversion, ConvertError, first_phone_number, join_paragraphs, non_empty, read_bytes,
    weekly_schedules,
};
use crate::error::IssueKind;
use crate::ids::stable_id;

const FILE: &str = "linksf.json";
/// Taxonomy name for Link-SF service categories (food, housing, medical…).
pub const LINKSF_CATEGORY: &str = "linksf-category";

/// Age range of a Link-SF age code, in years (`None` max = no upper limit).
pub fn age_code_range(code: &str) -> Option<(f64, Option<f64>)> {
    match code.trim() {
        "C" => Some((0.0, Some(12.0))),
        "Y" => Some((13.0, Some(24.0))),
        "A" => Some((18.0, Some(59.0))),
        "S" => Some((60.0, None)),
        _ => None,
    }
}

/// Order of the age codes, youngest first, for the contiguity check.
const AGE_ORDER: [&str; 4] = ["C", "Y", "A", "S"];

pub(crate) fn convert(path: &Path) -> Result<Conversion, ConvertError> {
    let file_path = if path.is_dir() {
        super::required_file(path, FILE, super::LegacyFormat::Linksf)?
    } else {
        path.to_path_buf()
    };
    let bytes = read_bytes(&file_path)?;
    let doc: Value = serde_json::from_slice(&bytes).map_err(|e| ConvertError::Json {
        file: file_path.display().to_string(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let Some(facilities) = doc.as_array() else {
        return Err(ConvertError::Shape {
            file: file_path.display().to_string(),
            message: "expected a JSON array of facilities".to_owned(),
        });
    };
    let mut cx = Context::default();
    // Parse exported some facilities several times; identical copies are
    // skipped, differing ones too (first kept) but reported as such.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (index, facility) in facilities.iter().enumerate() {
        let record = format!("facility[{index}]");
        let Some(src) = facility
            .get("objectId")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
        else {
            cx.skip(FILE, record, Some("objectId"), "facility has no objectId");
            continue;
        };
        if let Some(first) = seen.get(src) {
            let same = facilities.get(*first) == Some(facility);
            let how = if same {
                "an identical copy"
            } else {
                "a differing copy (first kept)"
            };
            let services = facility
                .get("services")
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            cx.skip(
                FILE,
                format!("{src} ({record})"),
                Some("objectId"),
                format!("{how} of facility[{first}]; its {services} services skipped with it"),
            );
            continue;
        }
        seen.insert(src.to_owned(), index);
        convert_facility(src, facility, &mut cx);
    }
    Ok(cx.finish())
}

fn convert_facility(src: &str, f: &Value, cx: &mut Context) {
    let org_id = stable_id("linksf/organization", src);
    let loc_id = stable_id("linksf/location", src);
    let name = text(f, "name").unwrap_or_default();
    let phone_text = text(f, "phone");
    let phones: Vec<Phone> = phone_text
        .iter()
        .map(|t| {
            let number = first_phone_number(t).unwrap_or_else(|| t.clone());
            Phone {
                description: (number != *t).then(|| t.clone()),
                number,
                ..Phone::default()
            }
        })
        .collect();
    cx.directory.organizations.push(Organization {
        id: org_id.clone(),
        name: name.clone(),
        description: join_paragraphs([f.get("description").and_then(Value::as_str)])
            .unwrap_or_default(),
        website: text(f, "website"),
        ..Organization::default()
    });

    let point = match f.get("location") {
        Some(l) if l.is_object() => {
            let lat = l
                .get("latitude")
                .and_then(Value::as_f64)
                .unwrap_or(f64::NAN);
            let lon = l
                .get("longitude")
                .and_then(Value::as_f64)
                .unwrap_or(f64::NAN);
            let p = GeoPoint::new(lat, lon);
            if p.is_none() {
                cx.issue(FILE, Some(src.to_owned()), Some("location"), IssueKind::OutOfRange,
                    format!("latitude {lat}, longitude {lon} is not a valid point; location kept without a point"));
            }
            p
        }
        _ => None,
    };
    let addresses = text(f, "address")
        .map(|street| Address {
            address_type: AddressType::Physical,
            address_1: street,
            city: text(f, "city").unwrap_or_default(),
            state_province: "CA".to_owned(),
            country: "US".to_owned(),
            ..Address::default()
        })
        .into_iter()
        .collect();
    cx.directory.locations.push(Location {
        id: loc_id.clone(),
        organization_id: Some(org_id.clone()),
        name: Some(name.clone()),
        description: text(f, "notes"),
        transportation: text(f, "cross_street").map(|c| format!("Cross street: {c}")),
        url: None,
        point,
        addresses,
        phones,
        ..Location::default()
    });

    let eligibility = facility_eligibility(src, f, cx);
    let services = f
        .get("services")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    for (i, s) in services.iter().enumerate() {
        let Some(s_src) = s
            .get("objectId")
            .and_then(Value::as_str)
            .filter(|x| !x.trim().is_empty())
        else {
            cx.skip(
                FILE,
                format!("{src}.services[{i}]"),
                Some("objectId"),
                "service has no objectId",
            );
            continue;
        };
        let record = format!("{src}.services[{i}] ({s_src})");
        let service_id = stable_id("linksf/service", s_src);
        let schedules = open_hours(s.get("openHours"), &record, cx);
        let attributes = text(s, "category")
            .map(|c| Attribute {
                taxonomy_term_id: cx.term(LINKSF_CATEGORY, Some(&c), &c, None),
                ..Attribute::default()
            })
            .into_iter()
            .collect();
        let notes = text(s, "notes").map(|n| format!("Notes: {n}"));
        cx.directory.services.push(Service {
            id: service_id.clone(),
            organization_id: org_id.clone(),
            name: text(s, "name").unwrap_or_else(|| name.clone()),
            description: join_paragraphs([
                s.get("description").and_then(Value::as_str),
                notes.as_deref(),
            ]),
            url: text(f, "website"),
            last_modified: text(s, "updatedAt"),
            schedules,
            attributes,
            eligibility: eligibility.clone(),
            ..Service::default()
        });
        cx.directory.service_at_locations.push(ServiceAtLocation {
            id: stable_id("linksf/service_at_location", s_src),
            service_id,
            location_id: loc_id.clone(),
            ..ServiceAtLocation::default()
        });
    }
}

/// Structured eligibility from the facility's `gender` and `age` codes.
fn facility_eligibility(src: &str, f: &Value, cx: &mut Context) -> Eligibility {
    let mut e = Eligibility::default();
    if let Some(g) = text(f, "gender") {
        match Gender::parse(&g) {
            Some(gender) => e.gender = Constraint::structured(gender, "gender"),
            None => {
                cx.issue(
                    FILE,
                    Some(src.to_owned()),
                    Some("gender"),
                    IssueKind::InvalidValue,
                    format!("unknown gender code {g:?}; kept to verify"),
                );
                e.to_verify.push(format!("Link-SF gender: {g}"));
            }
        }
    }
    let codes: Vec<String> = f
        .get("age")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter_map(Value::as_str)
        .map(|c| c.trim().to_ascii_uppercase())
        .collect();
    if codes.is_empty() {
        return e;
    }
    let mut positions: Vec<usize> = Vec::new();
    let mut unknown = false;
    for code in &codes {
        match AGE_ORDER.iter().position(|c| c == code) {
            Some(p) => positions.push(p),
            None => {
                unknown = true;
                cx.issue(
                    FILE,
                    Some(src.to_owned()),
                    Some("age"),
                    IssueKind::InvalidValue,
                    format!("unknown age code {code:?}"),
                );
            }
        }
    }
    positions.sort_unstable();
    positions.dedup();
    let contiguous = positions
        .windows(2)
        .all(|w| matches!(w, [a, b] if b - a == 1));
    let span = positions
        .first()
        .zip(positions.last())
        .and_then(|(lo, hi)| {
            Some((
                age_code_range(AGE_ORDER.get(*lo)?)?,
                age_code_range(AGE_ORDER.get(*hi)?)?,
            ))
        });
    let listed = codes.join(",");
    match span {
        Some(((min, _), (_, max))) if contiguous && !unknown => {
            // Every group from youngest to oldest: no restriction at all.
            if min <= 0.0 && max.is_none() {
                return e;
            }
            e.age = Constraint::Restricted {
                value: AgeRange::client((min > 0.0).then_some(min), max),
                evidence: Evidence {
                    source: EvidenceSource::Field("age".to_owned()),
                    text: Some(listed),
                    confidence: Confidence::High,
                },
            };
        }
        _ => e.to_verify.push(format!("Link-SF age groups: {listed}")),
    }
    e
}

/// Weekly schedules from Link-SF `openHours`.
///
/// Times are HHMM integers 0..=2400. Link-SF's editor wrote "until midnight"
/// as 2359 (overnight openings are split at midnight into `[1700, 2359]`
/// and `[0, 100]`), so 2359 and 2400 both become end of day (24:00). A
/// closing time before the opening time runs past midnight and is split the
/// same way onto the next day.
fn open_hours(value: Option<&Value>, record: &str, cx: &mut Context) -> Vec<Schedule> {
    let Some(days) = value.and_then(Value::as_object) else {
        return Vec::new();
    };
    let mut openings: Vec<(Weekday, TimeOfDay, TimeOfDay)> = Vec::new();
    for (key, ranges) in days {
        let Some(day) = key.trim().parse::<usize>().ok().and_then(sunday_first_day) else {
            cx.issue(
                FILE,
                Some(record.to_owned()),
                Some(&format!("openHours.{key}")),
                IssueKind::InvalidValue,
                "weekday key is not 0 (Sunday) to 6 (Saturday); skipped",
            );
            continue;
        };
        for range in ranges.as_array().map(Vec::as_slice).unwrap_or_default() {
            let pair = range.as_array().map(Vec::as_slice).unwrap_or_default();
            let times = match pair {
                [a, b] => hhmm(a).zip(hhmm(b)),
                _ => None,
            };
            let Some((opens, closes)) = times else {
                cx.issue(
                    FILE,
                    Some(record.to_owned()),
                    Some(&format!("openHours.{key}")),
                    IssueKind::InvalidValue,
                    format!("{range} is not an [open, close] pair of HHMM times 0..2400; skipped"),
                );
                continue;
            };
            if closes > opens {
                openings.push((day, opens, closes));
            } else {
                let midnight = TimeOfDay::new(0, 0);
                let end = TimeOfDay::new(24, 0);
                if let (Some(midnight), Some(end)) = (midnight, end) {
                    openings.push((day, opens, end));
                    if closes > midnight {
                        openings.push((next_day(day), midnight, closes));
                    }
                }
            }
        }
    }
    weekly_schedules(&openings)
}

fn hhmm(v: &Value) -> Option<TimeOfDay> {
    let n = v.as_u64()?;
    if n == 2359 || n == 2400 {
        return TimeOfDay::new(24, 0);
    }
    let (h, m) = (u16::try_from(n / 100).ok()?, u16::try_from(n % 100).ok()?);
    if h >= 24 {
        return None;
    }
    TimeOfDay::new(h, m)
}

fn sunday_first_day(i: usize) -> Option<Weekday> {
    [
        Weekday::Sunday,
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
    ]
    .get(i)
    .copied()
}

fn next_day(d: Weekday) -> Weekday {
    let i = Weekday::ALL.iter().position(|x| *x == d).unwrap_or(0);
    Weekday::ALL
        .get((i + 1) % 7)
        .copied()
        .unwrap_or(Weekday::Monday)
}

fn text(v: &Value, key: &str) -> Option<String> {
    non_empty(v.get(key).and_then(Value::as_str))
}
