//! Florida civil legal aid export (c. 2018–2019): `organizations.csv`,
//! `locations.csv`, `services.csv`.
//!
//! Its value is structured eligibility, which is carried over as structured
//! constraints (evidence = the source field):
//!
//! - `service_min_age` / `service_max_age` → `minimum_age` / `maximum_age`
//!   and an age range; a maximum of 120 or more (the export uses 200 and 999)
//!   means no upper limit, and a minimum of 0 no lower limit.
//! - `service_income_limit` → income at most that percent of poverty.
//! - `service_require_veteran = true` → population veteran (plus military when
//!   the military status list accepts active service).
//! - Status lists (military, immigration, incarceration) are lists of
//!   *accepted* statuses, not restrictions by themselves: a list that accepts
//!   US citizens restricts nobody carenav can name, so it is kept as text in
//!   `to_verify`. Only an immigration list without "United States Citizen"
//!   restricts the population to immigrants (low confidence: the exact
//!   statuses are kept to verify).
//! - `service_areas` (county names) → one service area per county
//!   ("Miami-Dade County, FL") and a residency restriction.
//! - `service_problem_codes` → attributes in taxonomy `florida-legal-problem`.
//!
//! The source does not link services to locations. So that matching (which
//! ranks service-at-locations) sees the services, each service is linked to
//! every location of its organization that has a street address (one
//! service-at-location each). Those locations have no coordinates in the
//! source; one with a ZIP code gets the ZIP's centroid as an approximate
//! point, and its description says so ("coordinates: ZIP 33130 centroid
//! (approximate)"). A service whose organization has no street address (only
//! "State: FL" or blank locations) is linked to one virtual location of the
//! organization, "Statewide phone/online intake", only when its name or
//! description mentions phone, hotline, online or statewide; otherwise it
//! stays unlinked and is reported.
//!
//! `services.csv` has two unnamed trailing columns; a row whose values spill
//! into them had its description split across columns, and is re-joined.

use std::collections::HashMap;
use std::path::Path;

use carenav_core::{
    Address, AddressType, AgeRange, Attribute, Confidence, Constraint, Eligibility, Evidence,
    EvidenceSource, IncomeLimit, Location, LocationType, Organization, Phone, Service, ServiceArea,
    ServiceAtLocation, Situation,
};

use super::{
    Context, Conversion, ConvertError, LegacyFormat, Row, Table, join_paragraphs, read_csv,
    required_file,
};
use crate::error::IssueKind;
use crate::ids::stable_id;

/// Taxonomy name for the export's legal problem codes.
pub const FLORIDA_LEGAL_PROBLEM: &str = "florida-legal-problem";

/// Ages at or above this mean "no upper limit" (the export writes 200 or 999).
const NO_UPPER_AGE: f64 = 120.0;

/// Columns of `services.csv` that have a name; later columns are unnamed.
const NAMED_SERVICE_COLUMNS: usize = 19;
/// Index of `service_description`, the free-text column that spills.
const DESCRIPTION_COLUMN: usize = 5;
/// Words in a service's name or description that make it reachable without
/// a street address.
const REMOTE_WORDS: [&str; 4] = ["phone", "hotline", "online", "statewide"];
/// Name of the virtual location made for remote services.
pub const STATEWIDE_INTAKE: &str = "Statewide phone/online intake";

pub(crate) fn convert(path: &Path) -> Result<Conversion, ConvertError> {
    let dir = if path.is_file() {
        path.parent().unwrap_or(path)
    } else {
        path
    };
    let format = LegacyFormat::Florida;
    let orgs_path = required_file(dir, "organizations.csv", format)?;
    let locs_path = required_file(dir, "locations.csv", format)?;
    let svcs_path = required_file(dir, "services.csv", format)?;
    let mut cx = Context::default();
    let orgs = read_csv(&orgs_path, &mut cx, false)?;
    let locs = read_csv(&locs_path, &mut cx, false)?;
    let mut svcs = read_csv(&svcs_path, &mut cx, true)?;

    let mut org_ids: HashMap<String, String> = HashMap::new();
    for row in &orgs.rows {
        let Some(src) = orgs.get(row, "organization_uuid") else {
            cx.skip(
                &orgs.file,
                format!("line {}", row.line),
                Some("organization_uuid"),
                "row has no organization_uuid",
            );
            continue;
        };
        if org_ids.contains_key(src) {
            cx.skip(
                &orgs.file,
                src.to_owned(),
                Some("organization_uuid"),
                "duplicate id; first row kept",
            );
            continue;
        }
        let id = stable_id("florida/organization", src);
        org_ids.insert(src.to_owned(), id.clone());
        cx.directory.organizations.push(Organization {
            id,
            name: orgs
                .get(row, "organization_name")
                .unwrap_or_default()
                .to_owned(),
            alternate_name: value(&orgs, row, "organization_alternate_name"),
            description: orgs
                .get(row, "organization_description")
                .unwrap_or_default()
                .to_owned(),
            email: value(&orgs, row, "organization_email"),
            website: value(&orgs, row, "organization_url"),
            legal_status: value(&orgs, row, "organization_legal_status"),
            tax_id: value(&orgs, row, "organization_tax_id"),
            year_incorporated: orgs
                .get(row, "organization_year_incorporated")
                .and_then(|y| y.parse().ok()),
            phones: Vec::new(),
        });
    }

    let mut seen_locations: HashMap<String, ()> = HashMap::new();
    // Locations with a street address, by organization source id.
    let mut street_locations: HashMap<String, Vec<usize>> = HashMap::new();
    let mut centroids = 0;
    for row in &locs.rows {
        let Some(src) = locs.get(row, "location_uuid") else {
            cx.skip(
                &locs.file,
                format!("line {}", row.line),
                Some("location_uuid"),
                "row has no location_uuid",
            );
            continue;
        };
        if seen_locations.insert(src.to_owned(), ()).is_some() {
            cx.skip(
                &locs.file,
                src.to_owned(),
                Some("location_uuid"),
                "duplicate id; first row kept",
            );
            continue;
        }
        let organization_id = locs
            .get(row, "organization_uuid")
            .and_then(|o| org_ids.get(o).cloned());
        if organization_id.is_none() {
            cx.issue(&locs.file, Some(src.to_owned()), Some("organization_uuid"), IssueKind::DanglingReference,
                "organization_uuid missing or not in organizations.csv; location kept without organization");
        }
        let mut location = Location {
            id: stable_id("florida/location", src),
            organization_id,
            name: value(&locs, row, "location_name"),
            url: value(&locs, row, "location_url"),
            phones: locs
                .get(row, "phones")
                .map(labelled_phones)
                .unwrap_or_default(),
            ..Location::default()
        };
        match locs.get(row, "location_address") {
            None => {
                location.description =
                    Some("The source gives no address for this location.".to_owned())
            }
            Some(text) => match parse_address(text) {
                Some(address) => {
                    let org = locs
                        .get(row, "organization_uuid")
                        .filter(|o| org_ids.contains_key(*o));
                    if let Some(o) = org.filter(|_| !address.address_1.is_empty()) {
                        street_locations
                            .entry(o.to_owned())
                            .or_default()
                            .push(cx.directory.locations.len());
                    }
                    if centroid_point(&mut location, &address, src, &locs.file, &mut cx) {
                        centroids += 1;
                    }
                    location.addresses.push(address);
                }
                None if text.eq_ignore_ascii_case("State: FL") => {
                    location.description =
                        Some("The source gives only the state (FL) for this location.".to_owned());
                }
                None => {
                    cx.issue(&locs.file, Some(src.to_owned()), Some("location_address"), IssueKind::InvalidValue,
                        format!("address {text:?} is not \"street, city, FL zip\"; kept as text in the description"));
                    location.description = Some(format!("Address as given by the source: {text}"));
                }
            },
        }
        cx.directory.locations.push(location);
    }

    repair_spilled_rows(&mut svcs, &mut cx);
    let mut seen_services: HashMap<String, ()> = HashMap::new();
    let (mut linked, mut remote, mut unlinked) = (0, 0, 0);
    for row in &svcs.rows {
        let Some(src) = svcs.get(row, "service_uuid") else {
            cx.skip(
                &svcs.file,
                format!("line {}", row.line),
                Some("service_uuid"),
                "row has no service_uuid",
            );
            continue;
        };
        if seen_services.insert(src.to_owned(), ()).is_some() {
            cx.skip(
                &svcs.file,
                src.to_owned(),
                Some("service_uuid"),
                "duplicate id; first row kept",
            );
            continue;
        }
        let Some(org_id) = svcs
            .get(row, "organization_uuid")
            .and_then(|o| org_ids.get(o).cloned())
        else {
            cx.skip(
                &svcs.file,
                src.to_owned(),
                Some("organization_uuid"),
                "organization_uuid missing or not in organizations.csv",
            );
            continue;
        };
        let service = convert_service(src, row, &svcs, org_id, &mut cx);
        let org_src = svcs.get(row, "organization_uuid").unwrap_or_default();
        match street_locations.get(org_src) {
            Some(places) => {
                for &l in places {
                    if let Some(location_id) = cx.directory.locations.get(l).map(|x| x.id.clone()) {
                        cx.directory.service_at_locations.push(ServiceAtLocation {
                            id: stable_id(
                                "florida/service_at_location",
                                &format!("{src}@{location_id}"),
                            ),
                            service_id: service.id.clone(),
                            location_id,
                            ..ServiceAtLocation::default()
                        });
                    }
                }
                linked += 1;
            }
            None if mentions_remote(&service) => {
                let location_id = statewide_intake(org_src, &service.organization_id, &mut cx);
                cx.directory.service_at_locations.push(ServiceAtLocation {
                    id: stable_id(
                        "florida/service_at_location",
                        &format!("{src}@{location_id}"),
                    ),
                    service_id: service.id.clone(),
                    location_id,
                    ..ServiceAtLocation::default()
                });
                remote += 1;
            }
            None => {
                cx.issue(&svcs.file, Some(src.to_owned()), Some("organization_uuid"), IssueKind::MissingField,
                    "the organization has no location with a street address and the service does not mention phone, hotline, online or statewide: no service_at_location");
                unlinked += 1;
            }
        }
        cx.directory.services.push(service);
    }
    cx.report.notes.push(format!(
        "the source does not link services to locations: {linked} services were linked to each of their organization's {} locations with a street address, {remote} to a virtual \"{STATEWIDE_INTAKE}\" location, and {unlinked} have no location",
        street_locations.values().map(Vec::len).sum::<usize>()
    ));
    cx.report.notes.push(format!(
        "{centroids} locations got their ZIP code's centroid as an approximate point (the source has no coordinates)"
    ));
    Ok(cx.finish())
}

/// Gives `location` the centroid of the address's ZIP code, noted in its
/// description; false when there is no ZIP or it cannot be used.
fn centroid_point(
    location: &mut Location,
    address: &Address,
    src: &str,
    file: &str,
    cx: &mut Context,
) -> bool {
    if address.postal_code.is_empty() {
        return false;
    }
    match carenav_core::zip::lookup(&address.postal_code) {
        Ok(z) if z.state == address.state_province => {
            location.point = Some(z.point);
            location.description = Some(format!(
                "coordinates: ZIP {} centroid (approximate)",
                z.code()
            ));
            true
        }
        Ok(z) => {
            cx.issue(
                file,
                Some(src.to_owned()),
                Some("location_address"),
                IssueKind::InvalidValue,
                format!(
                    "ZIP {} is in {}, not {}; location kept without a point",
                    z.code(),
                    z.state,
                    address.state_province
                ),
            );
            false
        }
        Err(e) => {
            cx.issue(
                file,
                Some(src.to_owned()),
                Some("location_address"),
                IssueKind::InvalidValue,
                format!("{e}; location kept without a point"),
            );
            false
        }
    }
}

/// Whether a service's name or description says it is reached remotely.
fn mentions_remote(s: &Service) -> bool {
    let text = format!(
        "{} {}",
        s.name,
        s.description.as_deref().unwrap_or_default()
    )
    .to_lowercase();
    REMOTE_WORDS.iter().any(|w| text.contains(w))
}

/// The id of organization `org_src`'s virtual intake location, made on first use.
fn statewide_intake(org_src: &str, organization_id: &str, cx: &mut Context) -> String {
    let id = stable_id("florida/virtual-location", org_src);
    if !cx.directory.locations.iter().any(|l| l.id == id) {
        cx.directory.locations.push(Location {
            id: id.clone(),
            location_type: LocationType::Virtual,
            organization_id: Some(organization_id.to_owned()),
            name: Some(STATEWIDE_INTAKE.to_owned()),
            description: Some("Made by carenav: the source gives this organization no street address, and its services say they are reached by phone or online.".to_owned()),
            ..Location::default()
        });
    }
    id
}

/// Re-joins rows whose description spilled into the unnamed trailing columns.
fn repair_spilled_rows(t: &mut Table, cx: &mut Context) {
    for row in &mut t.rows {
        let last = row
            .fields
            .iter()
            .rposition(|f| !f.trim().is_empty())
            .unwrap_or(0);
        if last < NAMED_SERVICE_COLUMNS {
            row.fields
                .truncate(NAMED_SERVICE_COLUMNS.min(row.fields.len()));
            continue;
        }
        let extra = last + 1 - NAMED_SERVICE_COLUMNS;
        let spilled: Vec<String> = row
            .fields
            .drain(DESCRIPTION_COLUMN..=DESCRIPTION_COLUMN + extra)
            .map(|f| f.trim().to_owned())
            .collect();
        row.fields.insert(DESCRIPTION_COLUMN, spilled.join(" "));
        row.fields.truncate(NAMED_SERVICE_COLUMNS);
        let id = row.fields.first().cloned().unwrap_or_default();
        cx.issue(&t.file, Some(format!("{id} (line {})", row.line)), Some("service_description"), IssueKind::InvalidValue,
            format!("row has {extra} values in the unnamed trailing columns: its description was split across columns; re-joined"));
    }
}

fn convert_service(
    src: &str,
    row: &Row,
    t: &Table,
    organization_id: String,
    cx: &mut Context,
) -> Service {
    let file = t.file.clone();
    let record = Some(src.to_owned());
    let additional = t
        .get(row, "service_additional_information")
        .map(|a| format!("Additional information: {a}"));
    let mut s = Service {
        id: stable_id("florida/service", src),
        organization_id,
        name: t.get(row, "service_name").unwrap_or_default().to_owned(),
        alternate_name: value(t, row, "service_alternate_name"),
        description: join_paragraphs([t.get(row, "service_description"), additional.as_deref()]),
        email: value(t, row, "service_email"),
        url: value(t, row, "service_url"),
        ..Service::default()
    };
    let mut e = Eligibility::default();

    let age = |field: &str, cx: &mut Context| -> Option<f64> {
        let text = t.get(row, field)?;
        match text.parse::<f64>() {
            Ok(n) if n.is_finite() && n >= 0.0 => Some(n),
            _ => {
                cx.issue(
                    &file,
                    record.clone(),
                    Some(field),
                    IssueKind::InvalidValue,
                    format!("age {text:?} is not a number; ignored"),
                );
                None
            }
        }
    };
    let min = age("service_min_age", cx);
    let max = age("service_max_age", cx).filter(|m| *m < NO_UPPER_AGE);
    s.minimum_age = min;
    s.maximum_age = max;
    let range_min = min.filter(|m| *m > 0.0);
    if range_min.is_some() || max.is_some() {
        let field = match (range_min, max) {
            (Some(_), Some(_)) => "service_min_age,service_max_age",
            (Some(_), None) => "service_min_age",
            _ => "service_max_age",
        };
        e.age = Constraint::structured(AgeRange::client(range_min, max), field);
    }

    if let Some(text) = t.get(row, "service_income_limit") {
        match text.trim_end_matches('%').trim().parse::<f64>() {
            Ok(p) if p.is_finite() && p > 0.0 => {
                e.income = Constraint::structured(
                    IncomeLimit::PercentOfPoverty(p),
                    "service_income_limit",
                );
            }
            _ => cx.issue(
                &t.file,
                Some(src.to_owned()),
                Some("service_income_limit"),
                IssueKind::InvalidValue,
                format!("income limit {text:?} is not a percent; ignored"),
            ),
        }
    }

    let military = list(t.get(row, "service_military_status"));
    let immigration = list(t.get(row, "service_immigration_status"));
    let incarceration = list(t.get(row, "service_incarceration_status"));
    let veteran = match t.get(row, "service_require_veteran") {
        Some(v) if v.eq_ignore_ascii_case("true") => true,
        None => false,
        Some(v) if v.eq_ignore_ascii_case("false") => false,
        Some(v) => {
            cx.issue(
                &t.file,
                Some(src.to_owned()),
                Some("service_require_veteran"),
                IssueKind::InvalidValue,
                format!("{v:?} is not true or false; read as false"),
            );
            false
        }
    };
    if veteran {
        let mut pops = vec![Situation::Veteran];
        if military
            .iter()
            .any(|m| m.eq_ignore_ascii_case("Active Military Service"))
        {
            pops.push(Situation::Military);
        }
        e.populations = Constraint::structured(pops, "service_require_veteran");
    }
    if !military.is_empty() {
        e.to_verify.push(format!(
            "Military statuses accepted: {}",
            military.join("; ")
        ));
    }
    // "false" appears once as a stray value, not a status.
    let immigration: Vec<&str> = immigration
        .into_iter()
        .filter(|s| !s.eq_ignore_ascii_case("false"))
        .collect();
    if !immigration.is_empty() {
        let text = immigration.join("; ");
        let citizens = immigration
            .iter()
            .any(|s| s.eq_ignore_ascii_case("United States Citizen"));
        if !citizens && e.populations.is_open() {
            let mut pops = vec![Situation::Immigrant];
            for (status, situation) in [
                ("Refugee", Situation::Refugee),
                ("Asylee", Situation::Asylee),
            ] {
                if immigration.iter().any(|s| s.eq_ignore_ascii_case(status)) {
                    pops.push(situation);
                }
            }
            e.populations = Constraint::Restricted {
                value: pops,
                evidence: Evidence {
                    source: EvidenceSource::Field("service_immigration_status".to_owned()),
                    text: Some(text.clone()),
                    confidence: Confidence::Low,
                },
            };
        }
        e.to_verify
            .push(format!("Immigration statuses accepted: {text}"));
    }
    if !incarceration.is_empty() {
        e.to_verify.push(format!(
            "Incarceration statuses accepted: {}",
            incarceration.join("; ")
        ));
    }

    let counties = list(t.get(row, "service_areas"));
    if !counties.is_empty() {
        let names: Vec<String> = counties.iter().map(|c| format!("{c}, FL")).collect();
        s.service_areas = names
            .iter()
            .map(|n| ServiceArea {
                name: Some(n.clone()),
                ..ServiceArea::default()
            })
            .collect();
        e.residency = Constraint::structured(names, "service_areas");
    }

    for code in list(t.get(row, "service_problem_codes")) {
        let term = cx.term(FLORIDA_LEGAL_PROBLEM, Some(code), code, None);
        if !s.attributes.iter().any(|a| a.taxonomy_term_id == term) {
            s.attributes.push(Attribute {
                taxonomy_term_id: term,
                ..Attribute::default()
            });
        }
    }
    s.eligibility = e;
    s
}

/// A `; `-separated list, trimmed, empty entries dropped.
fn list(text: Option<&str>) -> Vec<&str> {
    text.unwrap_or("")
        .split(';')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .collect()
}

/// The column's value, with the export's "N/A" placeholders read as absent.
fn value(t: &Table, row: &Row, name: &str) -> Option<String> {
    t.get(row, name)
        .filter(|v| !v.eq_ignore_ascii_case("N/A"))
        .map(str::to_owned)
}

/// Reads "main: 954-765-8950, tdd: 800-955-8771" into phones.
fn labelled_phones(text: &str) -> Vec<Phone> {
    text.split(',')
        .filter_map(|part| {
            let (label, number) = part.split_once(':').unwrap_or(("", part));
            let (label, number) = (label.trim().to_ascii_lowercase(), number.trim());
            if number.is_empty() {
                return None;
            }
            let (kind, description) = match label.as_str() {
                "tdd" | "tty" => ("textphone", "TDD"),
                "tollfree" => ("voice", "toll-free"),
                "fax" => ("fax", "fax"),
                "" | "main" => ("voice", "main"),
                _ => ("voice", label.as_str()),
            };
            Some(Phone {
                number: number.to_owned(),
                kind: Some(kind.to_owned()),
                description: Some(description.to_owned()),
                ..Phone::default()
            })
        })
        .collect()
}

/// Parses "street[, more street], city, FL[ zip]" (at least a city).
///
/// ```text
/// "9525 Sterling Drive, Cutler Bay, FL 33157" -> street, city, FL, 33157
/// "Tampa, FL"                                  -> city only
/// "State: FL", "FL 32955"                      -> None
/// ```
pub fn parse_address(text: &str) -> Option<Address> {
    let parts: Vec<&str> = text
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let (state_zip, rest) = parts.split_last()?;
    let mut words = state_zip.split_whitespace();
    let state = words.next()?;
    let zip = words.next().unwrap_or("");
    let zip_ok = zip.is_empty() || zip.chars().all(|c| c.is_ascii_digit() || c == '-');
    if state.len() != 2
        || !state.chars().all(|c| c.is_ascii_uppercase())
        || !zip_ok
        || words.next().is_some()
    {
        return None;
    }
    let (city, street) = rest.split_last()?;
    Some(Address {
        address_type: AddressType::Physical,
        address_1: street.join(", "),
        city: (*city).to_owned(),
        state_province: state.to_owned(),
        postal_code: zip.to_owned(),
        country: "US".to_owned(),
        ..Address::default()
    })
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case("9525 Sterling Drive, Cutler Bay, FL 33157", Some(("9525 Sterling Drive", "Cutler Bay", "33157")))]
    #[case("4343 West Flagler Street, Suite 100, Miami, FL", Some(("4343 West Flagler Street, Suite 100", "Miami", "")))]
    #[case("Tampa, FL", Some(("", "Tampa", "")))]
    #[case("State: FL", None)]
    #[case("FL 32955", None)]
    #[case("State: <b>IL</b>,", None)]
    fn parses_florida_addresses(#[case] text: &str, #[case] expected: Option<(&str, &str, &str)>) {
        let got = parse_address(text);
        let got = got.as_ref().map(|a| {
            (
                a.address_1.as_str(),
                a.city.as_str(),
                a.postal_code.as_str(),
            )
        });
        assert_eq!(got, expected);
    }

    #[test]
    fn reads_labelled_phones() {
        let p = labelled_phones("tdd: 800-955-8771, main: 352-567-9044");
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].kind.as_deref(), Some("textphone"));
        assert_eq!(p[1].number, "352-567-9044");
    }
}
