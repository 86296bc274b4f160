//! HSDS 1.1 tabular packages: a folder of CSV files named as in the HSDS 1.1
//! data package (`organizations.csv`, `services.csv`, `locations.csv`,
//! `services_at_location.csv`, `phones.csv`, `physical_addresses.csv`,
//! `postal_addresses.csv`, `regular_schedules.csv`, `languages.csv`,
//! `eligibility.csv`, `service_areas.csv`, `accessibility_for_disabilities.csv`,
//! `required_documents.csv`, `taxonomy.csv`, `services_taxonomy.csv`).
//!
//! Columns are found by header name, so column order and extra columns do
//! not matter; absent tables are simply not converted. Two common departures
//! from the standard are accepted: a `location_id` column on services (links
//! service and location when there is no `services_at_location.csv`) and an
//! `organization_id` column on addresses (the address becomes a postal
//! location of the organization).
//!
//! References to organizations missing from `organizations.csv` keep their
//! records: a placeholder organization is created (reported as an issue),
//! because a service cannot exist without one and dropping it would lose it.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use carenav_core::text::eligibility_from_text;
use carenav_core::{
    Accessibility, Address, AddressType, Attribute, GeoPoint, Language, Location, LocationType,
    Organization, Phone, RequiredDocument, Schedule, Service, ServiceArea, ServiceAtLocation,
    ServiceStatus, TimeOfDay, Weekday,
};

use super::{
    Context, Conversion, ConvertError, LegacyFormat, Row, Table, non_empty, read_csv,
    weekly_schedules,
};
use crate::error::IssueKind;
use crate::ids::stable_id;

/// Taxonomy name used for terms of `taxonomy.csv` without a `vocabulary`.
pub const HSDS1_TAXONOMY: &str = "hsds1-taxonomy";

/// Tables of the HSDS 1.1 package that carenav does not convert.
const NOT_CONVERTED: [&str; 7] = [
    "programs.csv",
    "contacts.csv",
    "holiday_schedules.csv",
    "funding.csv",
    "payments_accepted.csv",
    "metadata.csv",
    "meta_table_descriptions.csv",
];

/// Indexes from source ids to positions in the directory being built.
#[derive(Default)]
struct Index {
    orgs: HashMap<String, usize>,
    services: HashMap<String, usize>,
    locations: HashMap<String, usize>,
    sals: HashMap<String, usize>,
    /// Postal locations made for organization addresses, by organization source id.
    org_postal: HashMap<String, usize>,
    placeholders: BTreeMap<String, usize>,
}

pub(crate) fn convert(path: &Path) -> Result<Conversion, ConvertError> {
    let dir = if path.is_file() {
        path.parent().unwrap_or(path)
    } else {
        path
    };
    let mut cx = Context::default();
    let read = |name: &str, cx: &mut Context| -> Result<Option<Table>, ConvertError> {
        let p = dir.join(name);
        if !p.is_file() {
            return Ok(None);
        }
        let t = read_csv(&p, cx, false)?;
        cx.report
            .notes
            .push(format!("read {name}: {} rows", t.rows.len()));
        Ok(Some(t))
    };
    let orgs = read("organizations.csv", &mut cx)?;
    let services = read("services.csv", &mut cx)?;
    let locations = read("locations.csv", &mut cx)?;
    if orgs.is_none() && services.is_none() && locations.is_none() {
        return Err(ConvertError::MissingFile {
            file: dir.join("organizations.csv").display().to_string(),
            format: LegacyFormat::Hsds1,
        });
    }
    let mut ix = Index::default();

    if let Some(t) = &orgs {
        for row in &t.rows {
            let Some(src) = row_id(t, row, &mut cx) else {
                continue;
            };
            let org = Organization {
                id: stable_id("hsds1/organization", src),
                name: t.get(row, "name").unwrap_or_default().to_owned(),
                alternate_name: owned(t, row, "alternate_name"),
                description: t.get(row, "description").unwrap_or_default().to_owned(),
                email: owned(t, row, "email"),
                website: owned(t, row, "url"),
                legal_status: owned(t, row, "legal_status"),
                tax_id: owned(t, row, "tax_id"),
                year_incorporated: t.get(row, "year_incorporated").and_then(|y| y.parse().ok()),
                phones: Vec::new(),
            };
            if t.get(row, "name").is_none() {
                cx.issue(
                    &t.file,
                    Some(src.to_owned()),
                    Some("name"),
                    IssueKind::MissingField,
                    "organization has no name",
                );
            }
            ix.orgs
                .insert(src.to_owned(), cx.directory.organizations.len());
            cx.directory.organizations.push(org);
        }
    }

    if let Some(t) = &locations {
        for row in &t.rows {
            let Some(src) = row_id(t, row, &mut cx) else {
                continue;
            };
            let id = stable_id("hsds1/location", src);
            let organization_id = t
                .get(row, "organization_id")
                .map(|o| org_ref(o, &mut ix, &mut cx));
            let point = match (t.get(row, "latitude"), t.get(row, "longitude")) {
                (Some(lat), Some(lon)) => {
                    let p = lat
                        .parse()
                        .ok()
                        .zip(lon.parse().ok())
                        .and_then(|(a, b)| GeoPoint::new(a, b));
                    if p.is_none() {
                        cx.issue(&t.file, Some(src.to_owned()), Some("latitude"), IssueKind::OutOfRange,
                            format!("latitude {lat:?}, longitude {lon:?} is not a valid point; location kept without a point"));
                    }
                    p
                }
                _ => None,
            };
            ix.locations
                .insert(src.to_owned(), cx.directory.locations.len());
            cx.directory.locations.push(Location {
                id,
                organization_id,
                name: owned(t, row, "name"),
                alternate_name: owned(t, row, "alternate_name"),
                description: owned(t, row, "description"),
                transportation: owned(t, row, "transportation"),
                point,
                ..Location::default()
            });
        }
    }

    let mut linked_by_column = 0;
    if let Some(t) = &services {
        for row in &t.rows {
            let Some(src) = row_id(t, row, &mut cx) else {
                continue;
            };
            let Some(org_src) = t.get(row, "organization_id") else {
                cx.skip(
                    &t.file,
                    src.to_owned(),
                    Some("organization_id"),
                    "service has no organization_id",
                );
                continue;
            };
            let organization_id = org_ref(org_src, &mut ix, &mut cx);
            let id = stable_id("hsds1/service", src);
            let status = match t.get(row, "status") {
                None => ServiceStatus::Active,
                Some(s) => ServiceStatus::parse(s).unwrap_or_else(|| {
                    cx.issue(
                        &t.file,
                        Some(src.to_owned()),
                        Some("status"),
                        IssueKind::InvalidValue,
                        format!("unknown status {s:?}; read as active"),
                    );
                    ServiceStatus::Active
                }),
            };
            if t.get(row, "name").is_none() {
                cx.issue(
                    &t.file,
                    Some(src.to_owned()),
                    Some("name"),
                    IssueKind::MissingField,
                    "service has no name",
                );
            }
            ix.services
                .insert(src.to_owned(), cx.directory.services.len());
            cx.directory.services.push(Service {
                id: id.clone(),
                organization_id,
                name: t.get(row, "name").unwrap_or_default().to_owned(),
                alternate_name: owned(t, row, "alternate_name"),
                description: owned(t, row, "description"),
                url: owned(t, row, "url"),
                email: owned(t, row, "email"),
                status,
                interpretation_services: owned(t, row, "interpretation_services"),
                application_process: owned(t, row, "application_process"),
                wait_time: owned(t, row, "wait_time"),
                fees_description: owned(t, row, "fees"),
                ..Service::default()
            });
            // Non-standard but common: services.location_id.
            if let Some(loc_src) = t.get(row, "location_id") {
                if ix.locations.contains_key(loc_src) {
                    let sal_src = format!("{src}@{loc_src}");
                    push_sal(&sal_src, src, loc_src, None, &mut ix, &mut cx);
                    linked_by_column += 1;
                } else {
                    cx.issue(&t.file, Some(src.to_owned()), Some("location_id"), IssueKind::DanglingReference,
                        format!("location_id {loc_src} is not in locations.csv; service kept without that link"));
                }
            }
        }
    }

    let sal_table = read("services_at_location.csv", &mut cx)?;
    if let Some(t) = &sal_table {
        for row in &t.rows {
            let Some(src) = row_id(t, row, &mut cx) else {
                continue;
            };
            let (Some(s), Some(l)) = (t.get(row, "service_id"), t.get(row, "location_id")) else {
                cx.skip(
                    &t.file,
                    src.to_owned(),
                    Some("service_id"),
                    "service_id or location_id missing",
                );
                continue;
            };
            if !ix.services.contains_key(s) || !ix.locations.contains_key(l) {
                cx.skip(
                    &t.file,
                    src.to_owned(),
                    Some("service_id"),
                    format!("service {s} or location {l} is not in the package"),
                );
                continue;
            }
            push_sal(src, s, l, owned(t, row, "description"), &mut ix, &mut cx);
        }
    }
    if sal_table.is_none() && linked_by_column == 0 && !cx.directory.services.is_empty() {
        cx.report.notes.push(format!(
            "no services_at_location.csv and no services.location_id column: the {} services are not linked to any location",
            cx.directory.services.len()
        ));
    }

    if let Some(t) = read("phones.csv", &mut cx)? {
        phones(&t, &ix, &mut cx);
    }
    for (name, kind) in [
        ("physical_addresses.csv", AddressType::Physical),
        ("postal_addresses.csv", AddressType::Postal),
    ] {
        if let Some(t) = read(name, &mut cx)? {
            addresses(&t, kind, &mut ix, &mut cx);
        }
    }
    if let Some(t) = read("regular_schedules.csv", &mut cx)? {
        schedules(&t, &ix, &mut cx);
    }
    if let Some(t) = read("languages.csv", &mut cx)? {
        for row in &t.rows {
            let Some(name) = t.get(row, "language") else {
                continue;
            };
            let lang = Language {
                name: Some(name.to_owned()),
                code: super::ohana::language_code(name).map(str::to_owned),
                ..Language::default()
            };
            match owner(&t, row, &ix, &["service_id", "location_id"]) {
                Some(Owner::Service(s)) => {
                    push_to(&mut cx.directory.services, s, |x| x.languages.push(lang))
                }
                Some(Owner::Location(l)) => {
                    push_to(&mut cx.directory.locations, l, |x| x.languages.push(lang))
                }
                _ => cx.skip(
                    &t.file,
                    record(row),
                    Some("service_id"),
                    "language row without a known service or location",
                ),
            }
        }
    }
    if let Some(t) = read("eligibility.csv", &mut cx)? {
        for row in &t.rows {
            let Some(text) = t.get(row, "eligibility") else {
                continue;
            };
            match owner(&t, row, &ix, &["service_id"]) {
                Some(Owner::Service(s)) => push_to(&mut cx.directory.services, s, |x| {
                    let all = match x.eligibility_description.take() {
                        Some(prev) => format!("{prev}\n{text}"),
                        None => text.to_owned(),
                    };
                    x.eligibility = eligibility_from_text(&all);
                    x.eligibility_description = Some(all);
                }),
                _ => cx.skip(
                    &t.file,
                    record(row),
                    Some("service_id"),
                    "eligibility row without a known service",
                ),
            }
        }
    }
    if let Some(t) = read("service_areas.csv", &mut cx)? {
        for row in &t.rows {
            let area = ServiceArea {
                name: owned(&t, row, "service_area"),
                description: owned(&t, row, "description"),
                ..ServiceArea::default()
            };
            match owner(&t, row, &ix, &["service_id"]) {
                Some(Owner::Service(s)) => push_to(&mut cx.directory.services, s, |x| {
                    x.service_areas.push(area)
                }),
                _ => cx.skip(
                    &t.file,
                    record(row),
                    Some("service_id"),
                    "service area row without a known service",
                ),
            }
        }
    }
    if let Some(t) = read("accessibility_for_disabilities.csv", &mut cx)? {
        for row in &t.rows {
            let a = Accessibility {
                description: owned(&t, row, "accessibility"),
                details: owned(&t, row, "details"),
                ..Accessibility::default()
            };
            match owner(&t, row, &ix, &["location_id"]) {
                Some(Owner::Location(l)) => {
                    push_to(&mut cx.directory.locations, l, |x| x.accessibility.push(a))
                }
                _ => cx.skip(
                    &t.file,
                    record(row),
                    Some("location_id"),
                    "accessibility row without a known location",
                ),
            }
        }
    }
    if let Some(t) = read("required_documents.csv", &mut cx)? {
        for row in &t.rows {
            let Some(doc) = t.get(row, "document") else {
                continue;
            };
            let d = RequiredDocument {
                document: doc.to_owned(),
                ..RequiredDocument::default()
            };
            match owner(&t, row, &ix, &["service_id"]) {
                Some(Owner::Service(s)) => push_to(&mut cx.directory.services, s, |x| {
                    x.required_documents.push(d)
                }),
                _ => cx.skip(
                    &t.file,
                    record(row),
                    Some("service_id"),
                    "required document row without a known service",
                ),
            }
        }
    }
    taxonomy(
        read("taxonomy.csv", &mut cx)?,
        read("services_taxonomy.csv", &mut cx)?,
        &ix,
        &mut cx,
    );

    for name in NOT_CONVERTED {
        if dir.join(name).is_file() {
            cx.report
                .notes
                .push(format!("{name} is present but not converted"));
        }
    }
    for (org_src, n) in &ix.placeholders {
        cx.issue("organizations.csv", Some(org_src.clone()), Some("id"), IssueKind::DanglingReference,
            format!("organization {org_src} is referenced by {n} rows but not in organizations.csv; a placeholder organization was created"));
    }
    if !ix.placeholders.is_empty() {
        cx.report.notes.push(format!(
            "{} placeholder organizations created for ids missing from organizations.csv",
            ix.placeholders.len()
        ));
    }
    Ok(cx.finish())
}

/// The row's `id`, or a reported skip when it has none.
fn row_id<'a>(t: &Table, row: &'a Row, cx: &mut Context) -> Option<&'a str> {
    let id = t.get(row, "id");
    if id.is_none() {
        cx.skip(
            &t.file,
            format!("line {}", row.line),
            Some("id"),
            "row has no id",
        );
    }
    id
}

fn record(row: &Row) -> String {
    format!("line {}", row.line)
}

fn owned(t: &Table, row: &Row, name: &str) -> Option<String> {
    non_empty(t.get(row, name))
}

/// The carenav id of organization `src`, creating a placeholder when the
/// package does not have it.
fn org_ref(src: &str, ix: &mut Index, cx: &mut Context) -> String {
    let id = stable_id("hsds1/organization", src);
    if !ix.orgs.contains_key(src) {
        ix.orgs
            .insert(src.to_owned(), cx.directory.organizations.len());
        cx.directory.organizations.push(Organization {
            id: id.clone(),
            name: format!("Unknown organization (source id {src})"),
            description: "Placeholder: the source package refers to this organization but does not describe it.".to_owned(),
            ..Organization::default()
        });
        ix.placeholders.insert(src.to_owned(), 0);
    }
    if let Some(n) = ix.placeholders.get_mut(src) {
        *n += 1;
    }
    id
}

fn push_sal(
    src: &str,
    service: &str,
    location: &str,
    description: Option<String>,
    ix: &mut Index,
    cx: &mut Context,
) {
    let (Some(&s), Some(&l)) = (ix.services.get(service), ix.locations.get(location)) else {
        return;
    };
    let (Some(service_id), Some(location_id)) = (
        cx.directory.services.get(s).map(|x| x.id.clone()),
        cx.directory.locations.get(l).map(|x| x.id.clone()),
    ) else {
        return;
    };
    ix.sals
        .insert(src.to_owned(), cx.directory.service_at_locations.len());
    cx.directory.service_at_locations.push(ServiceAtLocation {
        id: stable_id("hsds1/service_at_location", src),
        service_id,
        location_id,
        description,
        ..ServiceAtLocation::default()
    });
}

/// Which record a child row belongs to.
#[derive(Clone, Copy)]
enum Owner {
    Sal(usize),
    Service(usize),
    Location(usize),
    Organization(usize),
}

/// The first of `columns` that names a known record.
fn owner(t: &Table, row: &Row, ix: &Index, columns: &[&str]) -> Option<Owner> {
    columns.iter().find_map(|c| {
        let v = t.get(row, c)?;
        match *c {
            "service_at_location_id" => ix.sals.get(v).map(|i| Owner::Sal(*i)),
            "service_id" => ix.services.get(v).map(|i| Owner::Service(*i)),
            "location_id" => ix.locations.get(v).map(|i| Owner::Location(*i)),
            "organization_id" => ix.orgs.get(v).map(|i| Owner::Organization(*i)),
            _ => None,
        }
    })
}

fn push_to<T>(items: &mut [T], i: usize, f: impl FnOnce(&mut T)) {
    if let Some(x) = items.get_mut(i) {
        f(x);
    }
}

fn phones(t: &Table, ix: &Index, cx: &mut Context) {
    for row in &t.rows {
        let Some(number) = t.get(row, "number") else {
            cx.skip(
                &t.file,
                record(row),
                Some("number"),
                "phone row has no number",
            );
            continue;
        };
        let department = t.get(row, "department").map(|d| format!("Department: {d}"));
        let language = t.get(row, "language").map(|l| format!("Language: {l}"));
        let parts: Vec<&str> = [
            t.get(row, "description"),
            department.as_deref(),
            language.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect();
        let description = (!parts.is_empty()).then(|| parts.join("; "));
        let phone = Phone {
            id: None,
            number: number.to_owned(),
            extension: owned(t, row, "extension"),
            kind: owned(t, row, "type"),
            description,
        };
        let cols = [
            "service_at_location_id",
            "service_id",
            "location_id",
            "organization_id",
        ];
        match owner(t, row, ix, &cols) {
            Some(Owner::Sal(s)) => push_to(&mut cx.directory.service_at_locations, s, |x| {
                x.phones.push(phone)
            }),
            Some(Owner::Service(s)) => {
                push_to(&mut cx.directory.services, s, |x| x.phones.push(phone))
            }
            Some(Owner::Location(l)) => {
                push_to(&mut cx.directory.locations, l, |x| x.phones.push(phone))
            }
            Some(Owner::Organization(o)) => {
                push_to(&mut cx.directory.organizations, o, |x| x.phones.push(phone))
            }
            None => cx.skip(
                &t.file,
                record(row),
                Some("service_id"),
                "phone row without a known owner",
            ),
        }
    }
}

fn addresses(t: &Table, kind: AddressType, ix: &mut Index, cx: &mut Context) {
    for row in &t.rows {
        let extra: Vec<&str> = ["address_2", "address_3", "address_4"]
            .iter()
            .filter_map(|c| t.get(row, c))
            .collect();
        let address = Address {
            id: t.get(row, "id").map(|s| stable_id("hsds1/address", s)),
            address_type: kind,
            attention: owned(t, row, "attention"),
            address_1: t.get(row, "address_1").unwrap_or_default().to_owned(),
            address_2: (!extra.is_empty()).then(|| extra.join(", ")),
            city: t.get(row, "city").unwrap_or_default().to_owned(),
            region: owned(t, row, "region"),
            state_province: t.get(row, "state_province").unwrap_or_default().to_owned(),
            postal_code: t.get(row, "postal_code").unwrap_or_default().to_owned(),
            country: t.get(row, "country").unwrap_or("US").to_owned(),
        };
        if let Some(Owner::Location(l)) = owner(t, row, ix, &["location_id"]) {
            push_to(&mut cx.directory.locations, l, |x| {
                x.addresses.push(address)
            });
            continue;
        }
        // Non-standard: an organization's own (mailing) address.
        let Some(org_src) = t
            .get(row, "organization_id")
            .filter(|o| ix.orgs.contains_key(*o))
        else {
            cx.skip(
                &t.file,
                record(row),
                Some("location_id"),
                "address row without a known location or organization",
            );
            continue;
        };
        let l = match ix.org_postal.get(org_src) {
            Some(l) => *l,
            None => {
                let org = ix
                    .orgs
                    .get(org_src)
                    .and_then(|o| cx.directory.organizations.get(*o));
                let location = Location {
                    id: stable_id("hsds1/organization-address", org_src),
                    location_type: if kind == AddressType::Physical {
                        LocationType::Physical
                    } else {
                        LocationType::Postal
                    },
                    organization_id: org.map(|o| o.id.clone()),
                    name: org.map(|o| o.name.clone()),
                    ..Location::default()
                };
                let l = cx.directory.locations.len();
                cx.directory.locations.push(location);
                ix.org_postal.insert(org_src.to_owned(), l);
                l
            }
        };
        push_to(&mut cx.directory.locations, l, |x| {
            x.addresses.push(address)
        });
    }
}

/// One weekly opening: day, opening time, closing time.
type Opening = (Weekday, TimeOfDay, TimeOfDay);

fn schedules(t: &Table, ix: &Index, cx: &mut Context) {
    // Openings per owner, grouped into weekly schedules at the end.
    let mut openings: BTreeMap<(u8, usize), Vec<Opening>> = BTreeMap::new();
    let mut odd: Vec<(Owner, Schedule)> = Vec::new();
    let mut closed_days = 0;
    for row in &t.rows {
        let Some(own) = owner(
            t,
            row,
            ix,
            &["service_at_location_id", "service_id", "location_id"],
        ) else {
            cx.skip(
                &t.file,
                record(row),
                Some("location_id"),
                "schedule row without a known service or location",
            );
            continue;
        };
        let weekday = t.get(row, "weekday").unwrap_or_default();
        let Some(day) = parse_weekday(weekday) else {
            cx.skip(
                &t.file,
                record(row),
                Some("weekday"),
                format!("weekday {weekday:?} is not a day of the week"),
            );
            continue;
        };
        let (opens_text, closes_text) = (t.get(row, "opens_at"), t.get(row, "closes_at"));
        if opens_text.is_none() && closes_text.is_none() {
            // HSDS 1.1 exports write closed days as rows without times.
            closed_days += 1;
            continue;
        }
        let opens = opens_text.and_then(TimeOfDay::parse_hsds);
        let closes = closes_text.and_then(TimeOfDay::parse_hsds);
        match (opens, closes) {
            (Some(o), Some(c)) if c > o => {
                let key = match own {
                    Owner::Sal(x) => (0, x),
                    Owner::Service(x) => (1, x),
                    Owner::Location(x) => (2, x),
                    Owner::Organization(x) => (3, x),
                };
                openings.entry(key).or_default().push((day, o, c));
            }
            _ => {
                let (o, c) = (opens_text.unwrap_or(""), closes_text.unwrap_or(""));
                cx.issue(&t.file, Some(record(row)), Some("closes_at"), IssueKind::InvalidValue,
                    format!("{weekday} {o}-{c}: times unreadable or closing not after opening; kept as text only"));
                odd.push((
                    own,
                    Schedule {
                        freq: Some(carenav_core::Frequency::Weekly),
                        byday: Some(day.code().to_owned()),
                        description: Some(format!("{weekday} {o}-{c} (as given in the source)")),
                        ..Schedule::default()
                    },
                ));
            }
        }
    }
    for ((kind, i), list) in openings {
        let own = match kind {
            0 => Owner::Sal(i),
            1 => Owner::Service(i),
            _ => Owner::Location(i),
        };
        for s in weekly_schedules(&list) {
            add_schedule(own, s, cx);
        }
    }
    for (own, s) in odd {
        add_schedule(own, s, cx);
    }
    if closed_days > 0 {
        cx.report.notes.push(format!(
            "{}: {closed_days} rows without times read as closed days",
            t.file
        ));
    }
}

fn add_schedule(own: Owner, s: Schedule, cx: &mut Context) {
    match own {
        Owner::Sal(i) => push_to(&mut cx.directory.service_at_locations, i, |x| {
            x.schedules.push(s)
        }),
        Owner::Service(i) => push_to(&mut cx.directory.services, i, |x| x.schedules.push(s)),
        Owner::Location(i) => push_to(&mut cx.directory.locations, i, |x| x.schedules.push(s)),
        Owner::Organization(_) => {}
    }
}

/// A weekday written as a name ("Monday", "mon") or ISO number (1 = Monday).
fn parse_weekday(text: &str) -> Option<Weekday> {
    let t = text.trim().to_ascii_lowercase();
    if let Ok(n) = t.parse::<usize>() {
        return n.checked_sub(1).and_then(|i| Weekday::ALL.get(i).copied());
    }
    let prefix = t.get(..2)?;
    let code = match prefix {
        "mo" => "MO",
        "tu" => "TU",
        "we" => "WE",
        "th" => "TH",
        "fr" => "FR",
        "sa" => "SA",
        "su" => "SU",
        _ => return None,
    };
    Weekday::from_code(code)
}

fn taxonomy(terms: Option<Table>, links: Option<Table>, ix: &Index, cx: &mut Context) {
    let mut known: HashSet<String> = HashSet::new();
    if let Some(t) = &terms {
        for row in &t.rows {
            let Some(src) = row_id(t, row, cx) else {
                continue;
            };
            let vocabulary = t
                .get(row, "vocabulary")
                .unwrap_or(HSDS1_TAXONOMY)
                .to_owned();
            let parent = t
                .get(row, "parent_id")
                .map(|p| stable_id("hsds1/taxonomy", p));
            let name = t.get(row, "name").unwrap_or(src).to_owned();
            // Ids come from the package's term id, not the vocabulary, so
            // service_taxonomy rows can find them.
            let id = stable_id("hsds1/taxonomy", src);
            cx.directory
                .taxonomy_terms
                .push(carenav_core::TaxonomyTerm {
                    id,
                    code: Some(src.to_owned()),
                    name,
                    description: String::new(),
                    parent_id: parent,
                    taxonomy: Some(vocabulary),
                });
            known.insert(src.to_owned());
        }
    }
    if let Some(t) = &links {
        for row in &t.rows {
            let Some(term) = t.get(row, "taxonomy_id").filter(|x| known.contains(*x)) else {
                cx.skip(
                    &t.file,
                    record(row),
                    Some("taxonomy_id"),
                    "taxonomy_id missing or not in taxonomy.csv",
                );
                continue;
            };
            let attribute = Attribute {
                taxonomy_term_id: stable_id("hsds1/taxonomy", term),
                value: owned(t, row, "taxonomy_detail"),
                ..Attribute::default()
            };
            match owner(t, row, ix, &["service_id"]) {
                Some(Owner::Service(s)) => push_to(&mut cx.directory.services, s, |x| {
                    x.attributes.push(attribute)
                }),
                _ => cx.skip(
                    &t.file,
                    record(row),
                    Some("service_id"),
                    "service taxonomy row without a known service",
                ),
            }
        }
    }
}
