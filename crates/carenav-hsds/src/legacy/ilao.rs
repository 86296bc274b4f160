//! Illinois Legal Aid Online's own directory export (January 2019):
//! `organizations.csv`, `locations.csv`, `services.csv` (the `raw/` files of
//! the hsds-transformer fixture, richer than its HSDS 1.1 output).
//!
//! The export is a Drupal form dump: multi-value cells are newline-separated
//! and padded with spaces, ids are integers, yes/no questions are "Yes"/"No".
//!
//! Mapping decisions:
//!
//! - **Organizations**: `Body` (HTML) becomes plain text. The only address is
//!   the mailing address, written with its lines run together
//!   ("67 East Madison StreetSuite 2000Chicago, IL 60603"); it is split back
//!   into lines ([`parse_run_together_address`]) and kept as a postal location
//!   of the organization. 280 organizations referred to by locations and
//!   services are not in `organizations.csv`: each gets a placeholder
//!   (reported), because a service cannot exist without one.
//! - **Locations** carry no street address of their own. A location that
//!   "uses the same address as the organization" gets a copy of the
//!   organization's (postal) address. Coordinates come from the services:
//!   a service's `Geolocation` is the point of its `Location ID` location.
//! - **Service areas** are declared per location and apply to every service
//!   there: "Location serves all of Illinois" → area "Illinois"; otherwise the
//!   list named by "Service area limited to specific" (Counties → "Cook
//!   County, IL", Cities → "Chicago, IL", Zip codes → "60608"). Values left in
//!   the lists that are not selected are stale form data and are ignored
//!   (counted in a note). The areas are also the service's residency
//!   restriction.
//! - **Services**: one service-at-location each. It is at the `Location ID`
//!   location, except that a service delivered only by phone and/or online
//!   gets a virtual location of its own (distance does not matter for it), a
//!   service with coordinates but no `Location ID` gets a location made from
//!   the coordinates (shared by services of the same organization at the same
//!   point), and a service whose coordinates are more than about 50 m from
//!   the point its location already has gets a copy of that location at its
//!   own point (none in the January 2019 data).
//! - **Hours**: location hours go on the location; a service's own hours go on
//!   its service-at-location, unless it has "Same hours as location".
//! - **Income**: "Free to everyone" → no income limit. "Free to eligible
//!   persons/entities" + "Max percentage of income standard" → a structured
//!   limit: percent of poverty, high confidence, when the service uses its
//!   location's income eligibility and that location's standard is the
//!   Federal Poverty Level; low confidence when the standard is not stated
//!   for the service; not enforceable ([`Constraint::Unknown`]) for another
//!   standard (area median income). Sliding scale and flat fee → fees text
//!   only.
//! - **Populations**: "An individual must be one of these to qualify" lines
//!   are checkbox labels, mapped through one table ([`POPULATIONS`]) to
//!   situations; a label the table lacks goes to `to_verify` and lowers the
//!   restriction to low confidence (the unknown label may admit the client).
//! - **Topics**: `Featured content` → attributes in taxonomy
//!   [`ILAO_TOPICS`]; `Service type` → taxonomy [`ILAO_SERVICE_TYPES`].
//!
//! Ids are UUIDv5 of `ilao-raw/<kind>` and the ILAO id.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use carenav_core::text::schedules_from_text;
use carenav_core::{
    Address, AddressType, Attribute, Confidence, Constraint, Eligibility, Evidence, EvidenceSource,
    GeoPoint, IncomeLimit, Location, LocationType, Organization, Phone, Schedule, Service,
    ServiceArea, ServiceAtLocation, ServiceStatus, Situation, TimeOfDay, Weekday,
};

use super::{
    Context, Conversion, ConvertError, LegacyFormat, Row, Table, join_paragraphs, read_csv,
    required_file,
};
use crate::error::IssueKind;
use crate::ids::stable_id;

/// Taxonomy of ILAO's legal topics (`Featured content`).
pub const ILAO_TOPICS: &str = "ilao-topics";
/// Taxonomy of ILAO's service types ("Direct representation", …).
pub const ILAO_SERVICE_TYPES: &str = "ilao-service-type";

/// The labels of "An individual must be one of these to qualify" carenav can
/// read: label (lower case), situations (any one qualifies), confidence.
///
/// "Homeless or at risk of homelessness" is low confidence because carenav
/// has no "at risk" situation: a client at risk would be wrongly excluded.
pub const POPULATIONS: &[(&str, &[Situation], Confidence)] = &[
    (
        "a senior (60 years or older)",
        &[Situation::Senior],
        Confidence::High,
    ),
    (
        "living with hiv/aids",
        &[Situation::HivAids],
        Confidence::High,
    ),
    (
        "a survivor of abuse or crime (domestic violence, trafficking, sexual assault, gun violence)",
        &[Situation::CrimeVictim],
        Confidence::High,
    ),
    (
        "living with a disability",
        &[Situation::Disability],
        Confidence::High,
    ),
    (
        "an immigrant to the u.s. or undocumented",
        &[Situation::Immigrant],
        Confidence::High,
    ),
    (
        "a veteran, active duty military or have had military service",
        &[Situation::Veteran, Situation::Military],
        Confidence::High,
    ),
    (
        "homeless or at risk of homelessness",
        &[Situation::Homeless],
        Confidence::Low,
    ),
    (
        "a youth (17 years or younger)",
        &[Situation::Youth],
        Confidence::High,
    ),
    (
        "in jail or prison",
        &[Situation::JusticeInvolved],
        Confidence::High,
    ),
];

/// Coordinates closer than this (degrees, about 50 m) are the same place.
const SAME_PLACE_DEGREES: f64 = 0.0005;

const POPULATION_FIELD: &str = "An individual must be one of these to qualify";
const PERCENT_FIELD: &str = "Max percentage of income standard";

/// A location's declared service area.
#[derive(Debug, Clone)]
struct Area {
    areas: Vec<ServiceArea>,
    names: Vec<String>,
    field: &'static str,
}

/// What services need to know about a location.
#[derive(Debug)]
struct LocInfo {
    index: usize,
    income_standard: Option<String>,
    area: Option<Area>,
}

/// Indexes from ILAO ids to positions in the directory being built.
#[derive(Default)]
struct Index {
    orgs: HashMap<String, usize>,
    /// Organizations' addresses, for locations "using the same address".
    org_addresses: HashMap<String, Address>,
    /// Placeholder organizations and how many rows refer to each.
    placeholders: BTreeMap<String, usize>,
    locations: HashMap<String, LocInfo>,
    /// Locations made for points (geolocated or copies), by key.
    point_locations: HashMap<String, usize>,
}

/// How services were placed, for the report.
#[derive(Default)]
struct Placement {
    at_location: usize,
    virtual_only: usize,
    geolocated: usize,
    moved: usize,
    unlinked: usize,
    points_set: usize,
}

pub(crate) fn convert(path: &Path) -> Result<Conversion, ConvertError> {
    let dir = if path.is_file() {
        path.parent().unwrap_or(path)
    } else {
        path
    };
    let format = LegacyFormat::Ilao;
    let orgs_path = required_file(dir, "organizations.csv", format)?;
    let locs_path = required_file(dir, "locations.csv", format)?;
    let svcs_path = required_file(dir, "services.csv", format)?;
    let mut cx = Context::default();
    let orgs = read_csv(&orgs_path, &mut cx, false)?;
    let locs = read_csv(&locs_path, &mut cx, false)?;
    let svcs = read_csv(&svcs_path, &mut cx, false)?;
    let mut ix = Index::default();

    organizations(&orgs, &mut ix, &mut cx);
    locations(&locs, &mut ix, &mut cx);
    let placed = services(&svcs, &mut ix, &mut cx);

    for (src, n) in &ix.placeholders {
        cx.issue("organizations.csv", Some(src.clone()), Some("Organization ID"), IssueKind::DanglingReference,
            format!("organization {src} is referred to by {n} rows but is not in organizations.csv; a placeholder organization was created"));
    }
    let notes = [
        format!(
            "{} placeholder organizations created for ids missing from organizations.csv",
            ix.placeholders.len()
        ),
        format!(
            "{} services at their Location ID location, {} at a virtual location (delivered only by phone/online), {} at a location made from their Geolocation, {} at a copy of their location with their own coordinates, {} not linked to any location",
            placed.at_location,
            placed.virtual_only,
            placed.geolocated,
            placed.moved,
            placed.unlinked
        ),
        format!(
            "{} locations got their point from a service's Geolocation (the export has no location coordinates)",
            placed.points_set
        ),
    ];
    cx.report.notes.extend(notes);
    Ok(cx.finish())
}

/// The row's integer id in `column`, or a reported skip.
fn source_id<'a>(t: &Table, row: &'a Row, column: &str, cx: &mut Context) -> Option<&'a str> {
    match t.get(row, column) {
        None => {
            cx.skip(
                &t.file,
                format!("line {}", row.line),
                Some(column),
                format!("row has no {column}"),
            );
            None
        }
        Some(id) if id.chars().all(|c| c.is_ascii_digit()) => Some(id),
        Some(id) => {
            cx.skip(
                &t.file,
                format!("line {}", row.line),
                Some(column),
                format!("{column} {id:?} is not an integer; row skipped (shifted columns?)"),
            );
            None
        }
    }
}

/// Whether a form answer is "Yes".
fn yes(value: Option<&str>) -> bool {
    value.is_some_and(|v| v.eq_ignore_ascii_case("yes"))
}

/// The values of a multi-value cell (newline-separated, space-padded).
pub fn cell_values(text: Option<&str>) -> Vec<&str> {
    text.unwrap_or("")
        .lines()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .collect()
}

fn owned(t: &Table, row: &Row, column: &str) -> Option<String> {
    t.get(row, column).map(str::to_owned)
}

fn phone(number: Option<&str>, kind: &str, description: &str) -> Option<Phone> {
    Some(Phone {
        number: number?.to_owned(),
        kind: Some(kind.to_owned()),
        description: Some(description.to_owned()),
        ..Phone::default()
    })
}

fn organizations(t: &Table, ix: &mut Index, cx: &mut Context) {
    for row in &t.rows {
        let Some(src) = source_id(t, row, "Organization ID", cx) else {
            continue;
        };
        if ix.orgs.contains_key(src) {
            cx.skip(
                &t.file,
                src.to_owned(),
                Some("Organization ID"),
                "duplicate id; first row kept",
            );
            continue;
        }
        let id = stable_id("ilao-raw/organization", src);
        let name = t.get(row, "Title").unwrap_or_default().to_owned();
        if name.is_empty() {
            cx.issue(
                &t.file,
                Some(src.to_owned()),
                Some("Title"),
                IssueKind::MissingField,
                "organization has no title",
            );
        }
        // The physical address only when the organization lets it be shown.
        let physical = t.get(row, "Physical address").filter(|_| {
            !t.get(row, "Display physical address to public users?")
                .is_some_and(|v| v.eq_ignore_ascii_case("no"))
        });
        let (field, text, kind) = match (physical, t.get(row, "Mailing address")) {
            (Some(p), _) => ("Physical address", Some(p), AddressType::Physical),
            (None, m) => ("Mailing address", m, AddressType::Postal),
        };
        if let Some(text) = text {
            let mut location = Location {
                id: stable_id("ilao-raw/organization-address", src),
                location_type: if kind == AddressType::Physical {
                    LocationType::Physical
                } else {
                    LocationType::Postal
                },
                organization_id: Some(id.clone()),
                name: Some(format!("{name} ({})", field.to_lowercase())),
                ..Location::default()
            };
            match parse_run_together_address(text, kind) {
                Some(address) => {
                    location.addresses.push(address.clone());
                    ix.org_addresses.insert(src.to_owned(), address);
                }
                None => {
                    cx.issue(&t.file, Some(src.to_owned()), Some(field), IssueKind::InvalidValue,
                        format!("address {text:?} does not end in \"city, ST zip\"; kept as text in the location description"));
                    location.description = Some(format!("Address as given by the source: {text}"));
                }
            }
            cx.directory.locations.push(location);
        }
        ix.orgs
            .insert(src.to_owned(), cx.directory.organizations.len());
        cx.directory.organizations.push(Organization {
            id,
            name,
            alternate_name: owned(t, row, "Alternate name"),
            description: t.get(row, "Body").map(html_to_text).unwrap_or_default(),
            email: owned(t, row, "Email"),
            website: owned(t, row, "Website address"),
            phones: phone(t.get(row, "Phone number"), "voice", "main")
                .into_iter()
                .collect(),
            ..Organization::default()
        });
    }
}

/// The carenav id of organization `src`, creating a placeholder when the
/// export does not describe it.
fn org_ref(src: &str, ix: &mut Index, cx: &mut Context) -> String {
    let id = stable_id("ilao-raw/organization", src);
    if !ix.orgs.contains_key(src) {
        ix.orgs
            .insert(src.to_owned(), cx.directory.organizations.len());
        cx.directory.organizations.push(Organization {
            id: id.clone(),
            name: format!("Unknown organization (ILAO id {src})"),
            description: "Placeholder: ILAO's export refers to this organization but organizations.csv does not describe it.".to_owned(),
            ..Organization::default()
        });
        ix.placeholders.insert(src.to_owned(), 0);
    }
    if let Some(n) = ix.placeholders.get_mut(src) {
        *n += 1;
    }
    id
}

fn locations(t: &Table, ix: &mut Index, cx: &mut Context) {
    let mut stale_lists = 0;
    let mut same_address = 0;
    for row in &t.rows {
        let Some(src) = source_id(t, row, "Location_id", cx) else {
            continue;
        };
        if ix.locations.contains_key(src) {
            cx.skip(
                &t.file,
                src.to_owned(),
                Some("Location_id"),
                "duplicate id; first row kept",
            );
            continue;
        }
        let org_src = t.get(row, "Organization ID");
        let organization_id = org_src.map(|o| org_ref(o, ix, cx));
        if organization_id.is_none() {
            cx.issue(
                &t.file,
                Some(src.to_owned()),
                Some("Organization ID"),
                IssueKind::MissingField,
                "location has no Organization ID; kept without organization",
            );
        }
        let mut location = Location {
            id: stable_id("ilao-raw/location", src),
            organization_id,
            name: owned(t, row, "Field 2"),
            phones: [
                phone(t.get(row, "Phone number"), "voice", "main"),
                phone(t.get(row, "Toll-free phone number"), "voice", "toll-free"),
                phone(t.get(row, "TTY phone number"), "textphone", "TTY"),
            ]
            .into_iter()
            .flatten()
            .collect(),
            schedules: schedules(
                t.get(row, "Hours of operation"),
                t.get(row, "Recurring dates"),
                t.get(row, "Holiday schedule (location closed)"),
            ),
            ..Location::default()
        };
        let own_address = t.get(row, "Location");
        let org_address = org_src.and_then(|o| ix.org_addresses.get(o));
        match (own_address, org_address) {
            (Some(text), _) => match parse_run_together_address(text, AddressType::Physical) {
                Some(a) => location.addresses.push(a),
                None => {
                    cx.issue(&t.file, Some(src.to_owned()), Some("Location"), IssueKind::InvalidValue,
                        format!("address {text:?} does not end in \"city, ST zip\"; kept as text in the description"));
                    location.description = Some(format!("Address as given by the source: {text}"));
                }
            },
            (None, Some(a)) if yes(t.get(row, "Use the same address as the organization")) => {
                location.addresses.push(a.clone());
                location.description = Some(
                    "The source says this location uses its organization's address; that address is the organization's mailing address."
                        .to_owned(),
                );
                same_address += 1;
            }
            (None, _) => {
                location.description =
                    Some("The source gives no address for this location.".to_owned());
            }
        }
        let (area, stale) = location_area(t, row, src, cx);
        stale_lists += usize::from(stale);
        ix.locations.insert(
            src.to_owned(),
            LocInfo {
                index: cx.directory.locations.len(),
                income_standard: owned(t, row, "Income standard for eligibility"),
                area,
            },
        );
        cx.directory.locations.push(location);
    }
    cx.report.notes.push(format!(
        "{same_address} locations use their organization's (mailing) address; the export gives no other location address"
    ));
    if stale_lists > 0 {
        cx.report.notes.push(format!(
            "{stale_lists} locations have values in a service-area list that is not the selected one; those values were ignored"
        ));
    }
}

/// Schedules from an hours text, a recurring-dates text and a holiday list.
fn schedules(
    hours: Option<&str>,
    recurring: Option<&str>,
    holidays: Option<&str>,
) -> Vec<Schedule> {
    let mut out: Vec<Schedule> = [hours, recurring]
        .into_iter()
        .flatten()
        .flat_map(schedules_from_text)
        .collect();
    let holidays = cell_values(holidays);
    if !holidays.is_empty() {
        let note = format!("Closed on: {}", holidays.join(", "));
        for s in &mut out {
            s.notes = Some(note.clone());
        }
    }
    out
}

/// A location's service area, and whether unselected lists had values.
fn location_area(t: &Table, row: &Row, src: &str, cx: &mut Context) -> (Option<Area>, bool) {
    const LISTS: [&str; 3] = ["Counties", "Cities", "Zip codes"];
    let filled = |column: &str| !cell_values(t.get(row, column)).is_empty();
    if yes(t.get(row, "Location serves all of Illinois")) {
        let stale = LISTS.iter().any(|c| filled(c));
        let area = Area {
            areas: vec![ServiceArea {
                name: Some("Illinois".to_owned()),
                description: Some("Location serves all of Illinois".to_owned()),
                ..ServiceArea::default()
            }],
            names: vec!["Illinois".to_owned()],
            field: "Location serves all of Illinois",
        };
        return (Some(area), stale);
    }
    let Some(kind) = t.get(row, "Service area limited to specific") else {
        return (None, LISTS.iter().any(|c| filled(c)));
    };
    let Some(column) = LISTS.into_iter().find(|c| c.eq_ignore_ascii_case(kind)) else {
        cx.issue(
            &t.file,
            Some(src.to_owned()),
            Some("Service area limited to specific"),
            IssueKind::InvalidValue,
            format!("{kind:?} is not Counties, Cities or Zip codes; no service area"),
        );
        return (None, false);
    };
    let stale = LISTS.iter().any(|c| *c != column && filled(c));
    let values = cell_values(t.get(row, column));
    if values.is_empty() {
        cx.issue(
            &t.file,
            Some(src.to_owned()),
            Some(column),
            IssueKind::MissingField,
            format!(
                "service area limited to specific {column}, but the list is empty; no service area"
            ),
        );
        return (None, stale);
    }
    let names: Vec<String> = values
        .iter()
        .map(|v| match column {
            "Counties" if v.to_ascii_lowercase().ends_with(" county") => format!("{v}, IL"),
            "Counties" => format!("{v} County, IL"),
            "Cities" => format!("{v}, IL"),
            _ => (*v).to_owned(),
        })
        .collect();
    if column == "Zip codes" {
        for z in values
            .iter()
            .filter(|z| carenav_core::zip::parse_zip(z).is_err())
        {
            cx.issue(
                &t.file,
                Some(src.to_owned()),
                Some(column),
                IssueKind::InvalidValue,
                format!("{z:?} is not a ZIP code; kept as an area name"),
            );
        }
    }
    let areas = names
        .iter()
        .map(|n| ServiceArea {
            name: Some(n.clone()),
            ..ServiceArea::default()
        })
        .collect();
    (
        Some(Area {
            areas,
            names,
            field: column,
        }),
        stale,
    )
}

fn services(t: &Table, ix: &mut Index, cx: &mut Context) -> Placement {
    let mut placed = Placement::default();
    let mut seen: HashMap<String, ()> = HashMap::new();
    for row in &t.rows {
        let Some(src) = source_id(t, row, "Services-ID", cx) else {
            continue;
        };
        if seen.insert(src.to_owned(), ()).is_some() {
            cx.skip(
                &t.file,
                src.to_owned(),
                Some("Services-ID"),
                "duplicate id; first row kept",
            );
            continue;
        }
        let Some(org_src) = t.get(row, "Organization ID") else {
            cx.skip(
                &t.file,
                src.to_owned(),
                Some("Organization ID"),
                "service has no Organization ID",
            );
            continue;
        };
        let organization_id = org_ref(org_src, ix, cx);
        let loc_src = t.get(row, "Location ID");
        let loc = loc_src.and_then(|l| ix.locations.get(l));
        if let (Some(l), None) = (loc_src, loc) {
            cx.issue(&t.file, Some(src.to_owned()), Some("Location ID"), IssueKind::DanglingReference,
                format!("location {l} is not in locations.csv; the service is placed by its Geolocation, if any"));
        }
        let loc_index = loc.map(|l| l.index);
        let standard = loc
            .filter(|_| yes(t.get(row, "Same income eligibility as location")))
            .and_then(|l| l.income_standard.clone());
        let area = loc.and_then(|l| l.area.clone());

        let mut s = convert_service(src, row, t, organization_id, standard.as_deref(), cx);
        if let Some(area) = area {
            s.service_areas = area.areas;
            s.eligibility.residency = Constraint::structured(area.names, area.field);
        }
        let point = geolocation(t, row, src, cx);
        let modes = cell_values(t.get(row, "Service is delivered"));
        let remote_only = !modes.is_empty()
            && modes.iter().all(|m| {
                let m = m.to_ascii_lowercase();
                m.starts_with("phone") || m.starts_with("online")
            });

        // The service's coordinates are those of its location.
        let unpointed = loc_index
            .and_then(|l| cx.directory.locations.get_mut(l))
            .filter(|l| l.point.is_none());
        if let (Some(location), Some(p)) = (unpointed, point) {
            location.point = Some(p);
            placed.points_set += 1;
        }
        let place = if remote_only {
            placed.virtual_only += 1;
            Some(virtual_location(src, &s, &modes, cx))
        } else {
            match (loc_index, point) {
                (Some(l), Some(p)) => {
                    let has = cx.directory.locations.get(l).and_then(|x| x.point);
                    if has.is_some_and(|q| !same_place(p, q)) {
                        placed.moved += 1;
                        Some(moved_location(
                            l,
                            loc_src.unwrap_or_default(),
                            p,
                            src,
                            ix,
                            cx,
                        ))
                    } else {
                        placed.at_location += 1;
                        Some(l)
                    }
                }
                (Some(l), None) => {
                    placed.at_location += 1;
                    Some(l)
                }
                (None, Some(p)) => {
                    placed.geolocated += 1;
                    Some(geolocated_location(org_src, &s.organization_id, p, ix, cx))
                }
                (None, None) => None,
            }
        };
        let sal_schedules = service_schedules(t, row, remote_only, loc_index, cx);
        match place
            .and_then(|l| cx.directory.locations.get(l))
            .map(|l| l.id.clone())
        {
            Some(location_id) => cx.directory.service_at_locations.push(ServiceAtLocation {
                id: stable_id("ilao-raw/service_at_location", src),
                service_id: s.id.clone(),
                location_id,
                schedules: sal_schedules,
                ..ServiceAtLocation::default()
            }),
            None => {
                placed.unlinked += 1;
                cx.issue(&t.file, Some(src.to_owned()), Some("Location ID"), IssueKind::MissingField,
                    "service has no known Location ID, no Geolocation and is not phone/online only: no service_at_location");
            }
        }
        cx.directory.services.push(s);
    }
    placed
}

fn same_place(a: GeoPoint, b: GeoPoint) -> bool {
    (a.latitude - b.latitude).abs() < SAME_PLACE_DEGREES
        && (a.longitude - b.longitude).abs() < SAME_PLACE_DEGREES
}

/// Reads "Geolocation is 42.108547, -87.974705".
pub fn parse_geolocation(text: &str) -> Option<GeoPoint> {
    let t = text.trim();
    let t = t
        .get(..14)
        .filter(|p| p.eq_ignore_ascii_case("geolocation is"))
        .and_then(|_| t.get(14..))
        .unwrap_or(t);
    let (lat, lon) = t.split_once(',')?;
    GeoPoint::new(lat.trim().parse().ok()?, lon.trim().parse().ok()?)
}

fn geolocation(t: &Table, row: &Row, src: &str, cx: &mut Context) -> Option<GeoPoint> {
    let text = t.get(row, "Geolocation")?;
    let point = parse_geolocation(text);
    if point.is_none() {
        cx.issue(
            &t.file,
            Some(src.to_owned()),
            Some("Geolocation"),
            IssueKind::InvalidValue,
            format!("{text:?} is not \"Geolocation is LAT, LON\" with valid coordinates; ignored"),
        );
    }
    point
}

/// A virtual location for a service delivered only by phone and/or online.
fn virtual_location(src: &str, s: &Service, modes: &[&str], cx: &mut Context) -> usize {
    let modes: Vec<String> = modes
        .iter()
        .map(|m| {
            if m.to_ascii_lowercase().starts_with("online") {
                "online".to_owned()
            } else {
                m.to_ascii_lowercase()
            }
        })
        .collect();
    cx.directory.locations.push(Location {
        id: stable_id("ilao-raw/virtual-location", src),
        location_type: LocationType::Virtual,
        organization_id: Some(s.organization_id.clone()),
        name: Some(format!("{} (by {})", s.name, modes.join(" or "))),
        description: Some(format!(
            "Made by carenav: the source says this service is delivered only by {}.",
            modes.join(" and ")
        )),
        url: s.url.clone(),
        phones: s.phones.clone(),
        ..Location::default()
    });
    cx.directory.locations.len() - 1
}

/// A location for a service that has coordinates but no location record,
/// shared by the organization's services at the same point.
fn geolocated_location(
    org_src: &str,
    organization_id: &str,
    p: GeoPoint,
    ix: &mut Index,
    cx: &mut Context,
) -> usize {
    let key = format!("{org_src}@{},{}", p.latitude, p.longitude);
    if let Some(&l) = ix.point_locations.get(&key) {
        return l;
    }
    let org_name = ix
        .orgs
        .get(org_src)
        .and_then(|o| cx.directory.organizations.get(*o))
        .map(|o| o.name.clone())
        .unwrap_or_default();
    cx.directory.locations.push(Location {
        id: stable_id("ilao-raw/geolocated-location", &key),
        organization_id: Some(organization_id.to_owned()),
        name: Some(format!("{org_name} (place given only by coordinates)")),
        description: Some(
            "Made by carenav: the source gives services here no location record, only coordinates (Geolocation)."
                .to_owned(),
        ),
        point: Some(p),
        ..Location::default()
    });
    let l = cx.directory.locations.len() - 1;
    ix.point_locations.insert(key, l);
    l
}

/// A copy of location `l` at the service's own point, which differs from the
/// location's.
fn moved_location(
    l: usize,
    loc_src: &str,
    p: GeoPoint,
    service_src: &str,
    ix: &mut Index,
    cx: &mut Context,
) -> usize {
    let key = format!("{loc_src}@{},{}", p.latitude, p.longitude);
    if let Some(&existing) = ix.point_locations.get(&key) {
        return existing;
    }
    let mut copy = cx.directory.locations.get(l).cloned().unwrap_or_default();
    copy.id = stable_id("ilao-raw/location", &key);
    copy.point = Some(p);
    copy.description = Some(format!(
        "Copy of ILAO location {loc_src} at the coordinates service {service_src} gives, which differ from the location's."
    ));
    cx.directory.locations.push(copy);
    let i = cx.directory.locations.len() - 1;
    ix.point_locations.insert(key, i);
    i
}

/// Hours of this service at its place, when they are its own.
fn service_schedules(
    t: &Table,
    row: &Row,
    remote_only: bool,
    loc_index: Option<usize>,
    cx: &Context,
) -> Vec<Schedule> {
    if t.get(row, "Service availability")
        .is_some_and(|a| a.contains("24/7"))
    {
        let (Some(open), Some(close)) = (TimeOfDay::new(0, 0), TimeOfDay::new(24, 0)) else {
            return Vec::new();
        };
        let mut s = Schedule::weekly(&Weekday::ALL, open, close);
        s.description = owned(t, row, "Service availability");
        return vec![s];
    }
    let own = schedules(
        t.get(row, "Hours of operation"),
        t.get(row, "Dates and hours"),
        t.get(row, "Holiday schedule"),
    );
    if remote_only {
        // A virtual place has no hours of its own: carry the location's.
        if own.is_empty() {
            return loc_index
                .and_then(|l| cx.directory.locations.get(l))
                .map(|l| l.schedules.clone())
                .unwrap_or_default();
        }
        return own;
    }
    if yes(t.get(row, "Same hours as location")) {
        Vec::new()
    } else {
        own
    }
}

fn convert_service(
    src: &str,
    row: &Row,
    t: &Table,
    organization_id: String,
    income_standard: Option<&str>,
    cx: &mut Context,
) -> Service {
    let name = t.get(row, "Title").unwrap_or_default().to_owned();
    if name.is_empty() {
        cx.issue(
            &t.file,
            Some(src.to_owned()),
            Some("Title"),
            IssueKind::MissingField,
            "service has no title",
        );
    }
    let status = match t.get(row, "Is this service open?") {
        Some(v) if v.eq_ignore_ascii_case("yes") => ServiceStatus::Active,
        Some(v) if v.eq_ignore_ascii_case("no") => ServiceStatus::Inactive,
        other => {
            cx.issue(
                &t.file,
                Some(src.to_owned()),
                Some("Is this service open?"),
                if other.is_none() {
                    IssueKind::MissingField
                } else {
                    IssueKind::InvalidValue
                },
                format!("{:?} is not Yes or No; read as active", other.unwrap_or("")),
            );
            ServiceStatus::Active
        }
    };
    let list = |column: &str| -> Option<String> {
        let v = cell_values(t.get(row, column));
        (!v.is_empty()).then(|| v.join(", "))
    };
    let labelled = |label: &str, value: Option<String>| value.map(|v| format!("{label}: {v}"));
    let description = join_paragraphs(
        [
            labelled("Service type", owned(t, row, "Service type")),
            labelled("Level of service", list("Level of service")),
            yes(t.get(row, "Is this service a hotline?"))
                .then(|| "This service is a hotline.".to_owned()),
            yes(t.get(row, "Is this service an advice desk or walk-in clinic?"))
                .then(|| "This service is an advice desk or walk-in clinic.".to_owned()),
            labelled("Delivered", list("Service is delivered")),
            labelled("Amenities", list("Amenities offered")),
            labelled("Navigators", owned(t, row, "Navigator availability")),
            labelled("Printing costs", owned(t, row, "Printing costs")),
            labelled("Scanning costs", owned(t, row, "Scanning costs")),
        ]
        .iter()
        .map(Option::as_deref),
    );
    let application_process = join_paragraphs(
        [
            labelled("Apply by", list("Application process")),
            labelled("By phone", owned(t, row, "Process for applying by phone")),
            labelled("By email", owned(t, row, "Process for applying by email")),
            labelled("Online", owned(t, row, "Process for applying online")),
            labelled("Application form", owned(t, row, "Application form link")),
            labelled("Walk-in", owned(t, row, "Process for walk-ins")),
        ]
        .iter()
        .map(Option::as_deref),
    );
    let mut s = Service {
        id: stable_id("ilao-raw/service", src),
        organization_id,
        name,
        description,
        url: owned(t, row, "Website address"),
        status,
        application_process,
        phones: phone(t.get(row, "Phone number"), "voice", "main")
            .into_iter()
            .collect(),
        ..Service::default()
    };
    let (income, fees) = income(src, row, t, income_standard, cx);
    s.fees_description = fees;
    s.eligibility = Eligibility {
        income,
        ..populations(src, row, t, cx)
    };
    let types = owned(t, row, "Service type");
    for (taxonomy, term) in types
        .iter()
        .map(|x| (ILAO_SERVICE_TYPES, x.as_str()))
        .chain(
            cell_values(t.get(row, "Featured content"))
                .into_iter()
                .map(|x| (ILAO_TOPICS, x)),
        )
    {
        let id = cx.term(taxonomy, None, term, None);
        if !s.attributes.iter().any(|a| a.taxonomy_term_id == id) {
            s.attributes.push(Attribute {
                taxonomy_term_id: id,
                ..Attribute::default()
            });
        }
    }
    s
}

/// The income limit and the fees text.
fn income(
    src: &str,
    row: &Row,
    t: &Table,
    standard: Option<&str>,
    cx: &mut Context,
) -> (Constraint<IncomeLimit>, Option<String>) {
    let kind = t.get(row, "Income eligibility and fees");
    let percent_text = t.get(row, PERCENT_FIELD);
    let percent = percent_text.and_then(|p| {
        let n = p
            .trim_end_matches('%')
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite() && *n > 0.0);
        if n.is_none() {
            cx.issue(
                &t.file,
                Some(src.to_owned()),
                Some(PERCENT_FIELD),
                IssueKind::InvalidValue,
                format!("{p:?} is not a percentage; ignored"),
            );
        }
        n
    });
    let fee_text = join_paragraphs([
        kind,
        t.get(row, "Sliding scale fees description"),
        t.get(row, "Flat fee description"),
    ]);
    let lower = kind.unwrap_or_default().to_ascii_lowercase();
    let constraint = if lower.starts_with("free to everyone") {
        Constraint::Open
    } else if lower.starts_with("free to eligible") {
        match (percent, standard) {
            (None, _) => Constraint::Unknown {
                text: "free to eligible persons; the source gives no income limit".to_owned(),
            },
            (Some(p), Some(std)) if std.eq_ignore_ascii_case("Federal Poverty Level") => {
                Constraint::Restricted {
                    value: IncomeLimit::PercentOfPoverty(p),
                    evidence: Evidence {
                        source: EvidenceSource::Field(PERCENT_FIELD.to_owned()),
                        text: Some(format!("{p}% of the Federal Poverty Level")),
                        confidence: Confidence::High,
                    },
                }
            }
            (Some(p), Some(std)) => Constraint::Unknown {
                text: format!("income at most {p}% of {std}"),
            },
            (Some(p), None) => Constraint::Restricted {
                value: IncomeLimit::PercentOfPoverty(p),
                evidence: Evidence {
                    source: EvidenceSource::Field(PERCENT_FIELD.to_owned()),
                    text: Some(format!(
                        "{p}% of an income standard the source does not name for this service (read as the federal poverty guideline)"
                    )),
                    confidence: Confidence::Low,
                },
            },
        }
    } else {
        if kind.is_some() && !lower.starts_with("sliding scale") && !lower.starts_with("flat fee") {
            cx.issue(
                &t.file,
                Some(src.to_owned()),
                Some("Income eligibility and fees"),
                IssueKind::InvalidValue,
                format!(
                    "{:?} is not a known fee option; kept as fees text",
                    kind.unwrap_or_default()
                ),
            );
        }
        Constraint::Open
    };
    // A percentage beside a fee that does not depend on it is kept as text.
    let fees = match (percent_text, &constraint) {
        (Some(p), Constraint::Open) if !lower.starts_with("free to everyone") => join_paragraphs([
            fee_text.as_deref(),
            Some(&*format!("Maximum percentage of income standard: {p}")),
        ]),
        _ => fee_text,
    };
    (constraint, fees)
}

/// Populations from the "must be one of these" checkbox labels.
fn populations(src: &str, row: &Row, t: &Table, cx: &mut Context) -> Eligibility {
    let mut e = Eligibility::default();
    let labels = cell_values(t.get(row, POPULATION_FIELD));
    let limited = yes(t.get(row, "Is this service limited to specific populations?"));
    if labels.is_empty() {
        if limited {
            e.populations = Constraint::Unknown {
                text: "limited to specific populations; the source does not say which".to_owned(),
            };
        }
        return e;
    }
    if !limited {
        cx.issue(
            &t.file,
            Some(src.to_owned()),
            Some("Is this service limited to specific populations?"),
            IssueKind::InvalidValue,
            "populations are listed but the service is not marked as limited; the list is used",
        );
    }
    let mut situations: Vec<Situation> = Vec::new();
    let mut confidence = Confidence::High;
    for label in &labels {
        let key = label.to_lowercase();
        match POPULATIONS.iter().find(|(l, _, _)| *l == key) {
            Some((_, found, c)) => {
                confidence = confidence.min(*c);
                for s in *found {
                    if !situations.contains(s) {
                        situations.push(*s);
                    }
                }
            }
            None => e.to_verify.push(format!("Must be: {label}")),
        }
    }
    if !situations.is_empty() {
        if !e.to_verify.is_empty() {
            // An unread label may be the one that admits the client.
            confidence = Confidence::Low;
        }
        e.populations = Constraint::Restricted {
            value: situations,
            evidence: Evidence {
                source: EvidenceSource::Field(POPULATION_FIELD.to_owned()),
                text: Some(labels.join("; ")),
                confidence,
            },
        };
    }
    e
}

/// Splits an address whose lines were run together ("67 East Madison
/// StreetSuite 2000Chicago, IL 60603") back into an [`Address`].
///
/// The text must end in ", ST" or ", ST zip". Lines are split where a lower
/// case letter, digit or the `.` of an abbreviation ("Blvd.Boston", not
/// "P.O.") meets a capital, where a letter meets a digit,
/// and before a capital that starts a word glued to a capital ("STE
/// AWaukegan"); "Mc", "Mac", "La", "De", "Du", "Di", "Le" are name prefixes,
/// not line ends ("LaSalle", "McHenry"). The last line is the city; a first
/// line without digits, before other street lines, is an attention line.
///
/// ```
/// use carenav_core::AddressType;
/// use carenav_hsds::legacy::ilao::parse_run_together_address;
/// let a = parse_run_together_address("100 North LaSalle StreetSuite 600Chicago, IL 60602", AddressType::Postal).unwrap();
/// assert_eq!(a.one_line(), "100 North LaSalle Street, Suite 600, Chicago, IL 60602");
/// ```
pub fn parse_run_together_address(text: &str, address_type: AddressType) -> Option<Address> {
    let (head, tail) = text.trim().rsplit_once(',')?;
    let mut words = tail.split_whitespace();
    let state = words.next()?;
    let zip = words.next().unwrap_or("");
    let state_ok = state.len() == 2 && state.chars().all(|c| c.is_ascii_uppercase());
    let zip_ok = zip.chars().all(|c| c.is_ascii_digit() || c == '-');
    if !state_ok || !zip_ok || words.next().is_some() {
        return None;
    }
    let lines = split_run_together(head);
    let (city, street) = lines.split_last()?;
    let (attention, street) = match street.split_first() {
        Some((first, rest)) if !rest.is_empty() && !first.chars().any(|c| c.is_ascii_digit()) => {
            (Some(first.clone()), rest)
        }
        _ => (None, street),
    };
    let (address_1, more) = street.split_first()?;
    Some(Address {
        address_type,
        attention,
        address_1: address_1.clone(),
        address_2: (!more.is_empty()).then(|| more.join(", ")),
        city: city.clone(),
        state_province: state.to_owned(),
        postal_code: zip.to_owned(),
        country: "US".to_owned(),
        ..Address::default()
    })
}

/// Name prefixes followed by a capital inside one word.
const NAME_PREFIXES: [&str; 8] = ["Mc", "Mac", "La", "Le", "De", "Di", "Du", "Da"];

fn split_run_together(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut word = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        let cut = match prev {
            Some(p) if c.is_ascii_uppercase() => {
                ((p.is_ascii_lowercase() || p.is_ascii_digit() || (p == '.' && word.len() >= 3))
                    && !NAME_PREFIXES.contains(&word.as_str()))
                    || (p.is_ascii_uppercase()
                        && next.is_some_and(|n| n.is_ascii_lowercase())
                        && word.len() == 1)
            }
            Some(p) if c.is_ascii_digit() => p.is_ascii_lowercase(),
            _ => false,
        };
        if cut {
            lines.push(line.trim().trim_end_matches(',').trim().to_owned());
            line.clear();
            word.clear();
        }
        line.push(c);
        if c.is_whitespace() {
            word.clear();
        } else {
            word.push(c);
        }
    }
    lines.push(line.trim().to_owned());
    lines.retain(|l| !l.is_empty());
    lines
}

/// Plain text from ILAO's HTML `Body`: tags removed (block tags become line
/// breaks), the common entities decoded, blank runs collapsed.
///
/// ```
/// use carenav_hsds::legacy::ilao::html_to_text;
/// assert_eq!(html_to_text("<p>Legal aid &amp; advice</p><p>Call&nbsp;us</p>"), "Legal aid & advice\nCall us");
/// ```
pub fn html_to_text(html: &str) -> String {
    const BLOCK: [&str; 12] = [
        "p",
        "br",
        "div",
        "li",
        "ul",
        "ol",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "blockquote",
    ];
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        text.push_str(rest.get(..start).unwrap_or_default());
        let after = rest.get(start..).unwrap_or_default();
        let Some(end) = after.find('>') else {
            // A lone "<" is text.
            text.push_str(after);
            rest = "";
            break;
        };
        let tag = after.get(1..end).unwrap_or_default();
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        // One line break per block boundary, so "</li><li>" is not a blank line.
        if name == "br" || (BLOCK.contains(&name.as_str()) && !text.ends_with('\n')) {
            text.push('\n');
        }
        rest = after.get(end + 1..).unwrap_or_default();
    }
    text.push_str(rest);
    let decoded = decode_entities(&text);
    let lines: Vec<String> = decoded
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let mut out: Vec<&str> = Vec::new();
    for l in &lines {
        // At most one blank line in a row, none at the ends.
        if !(l.is_empty() && out.last().is_none_or(|p| p.is_empty())) {
            out.push(l);
        }
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out.join("\n")
}

fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or_default());
        let after = rest.get(amp..).unwrap_or_default();
        let entity = after.find(';').filter(|&e| e <= 10).and_then(|e| {
            let name = after.get(1..e)?;
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" | "#39" => '\'',
                "nbsp" => ' ',
                "ndash" => '–',
                "mdash" => '—',
                "rsquo" => '’',
                "lsquo" => '‘',
                "ldquo" => '“',
                "rdquo" => '”',
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, e))
        });
        match entity {
            Some((c, e)) => {
                out.push(c);
                rest = after.get(e + 1..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = after.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case(
        "67 East Madison StreetSuite 2000Chicago, IL 60603",
        None,
        "67 East Madison Street",
        Some("Suite 2000"),
        "Chicago",
        "60603"
    )]
    #[case(
        "100 North LaSalle StreetSuite 600Chicago, IL 60602",
        None,
        "100 North LaSalle Street",
        Some("Suite 600"),
        "Chicago",
        "60602"
    )]
    #[case(
        "P.O. Box 726Homewood, IL 60430",
        None,
        "P.O. Box 726",
        None,
        "Homewood",
        "60430"
    )]
    #[case(
        "167 N. Ottawa Street, 2nd FloorJoliet, IL 60432",
        None,
        "167 N. Ottawa Street, 2nd Floor",
        None,
        "Joliet",
        "60432"
    )]
    #[case(
        "150 Court Street2nd FloorBrooklyn, NY 11201",
        None,
        "150 Court Street",
        Some("2nd Floor"),
        "Brooklyn",
        "11201"
    )]
    #[case(
        "300 Grand Ave STE AWaukegan, IL 60085",
        None,
        "300 Grand Ave STE A",
        None,
        "Waukegan",
        "60085"
    )]
    #[case(
        "7115 W. North Ave #253Oak Park, IL 60302",
        None,
        "7115 W. North Ave #253",
        None,
        "Oak Park",
        "60302"
    )]
    #[case(
        "Illinois Equal Justice Foundation180 North Stetson, Suite 820Chicago, IL 60601",
        Some("Illinois Equal Justice Foundation"),
        "180 North Stetson, Suite 820",
        None,
        "Chicago",
        "60601"
    )]
    #[case(
        "1 Main StreetMcHenry, IL 60050",
        None,
        "1 Main Street",
        None,
        "McHenry",
        "60050"
    )]
    fn splits_run_together_addresses(
        #[case] text: &str,
        #[case] attention: Option<&str>,
        #[case] line1: &str,
        #[case] line2: Option<&str>,
        #[case] city: &str,
        #[case] zip: &str,
    ) {
        let a = parse_run_together_address(text, AddressType::Postal);
        let got = a.as_ref().map(|a| {
            (
                a.attention.as_deref(),
                a.address_1.as_str(),
                a.address_2.as_deref(),
                a.city.as_str(),
                a.postal_code.as_str(),
            )
        });
        assert_eq!(got, Some((attention, line1, line2, city, zip)));
    }

    #[rstest]
    #[case("Chicago")]
    #[case("State: IL")]
    #[case("Chicago, Illinois 60601")]
    #[case("")]
    fn refuses_addresses_without_city_state(#[case] text: &str) {
        assert_eq!(parse_run_together_address(text, AddressType::Postal), None);
    }

    #[rstest]
    #[case(
        "<p>A &amp; B</p>\n<ul><li>one</li><li>two</li></ul>",
        "A & B\n\none\ntwo"
    )]
    #[case("Plain text, no tags.", "Plain text, no tags.")]
    #[case("x < y &unknown; &#8217;s &#x41;", "x < y &unknown; ’s A")]
    #[case("<b>bold</b>   and <a href=\"x\">link</a>", "bold and link")]
    fn strips_html(#[case] html: &str, #[case] text: &str) {
        assert_eq!(html_to_text(html), text);
    }

    #[rstest]
    #[case("Geolocation is 42.108547, -87.974705", Some((42.108547, -87.974705)))]
    #[case("41.88, -87.62", Some((41.88, -87.62)))]
    #[case("Geolocation is 91, 0", None)]
    #[case("Geolocation is", None)]
    fn reads_geolocation(#[case] text: &str, #[case] expected: Option<(f64, f64)>) {
        assert_eq!(
            parse_geolocation(text).map(|p| (p.latitude, p.longitude)),
            expected
        );
    }

    #[test]
    fn reads_multi_value_cells() {
        assert_eq!(
            cell_values(Some("Cook\n\n    DuPage\n\n    Will")),
            ["Cook", "DuPage", "Will"]
        );
        assert!(cell_values(None).is_empty());
    }
}
