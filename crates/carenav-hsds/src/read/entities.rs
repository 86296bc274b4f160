//! Readers for each HSDS 3.0 object, shared by the JSON and tabular importers
//! (a CSV row is read as a flat object: its nested arrays are simply absent).

use serde_json::{Map, Value};

use carenav_core::{
    Accessibility, Address, AddressType, Attribute, CostOption, Frequency, GeoPoint, Language,
    Location, LocationType, Organization, Phone, RequiredDocument, Schedule, Service, ServiceArea,
    ServiceAtLocation, ServiceStatus, TaxonomyTerm, TimeOfDay, Weekday,
};

use super::fields::{Obj, Rec};
use crate::error::{Issue, IssueKind};

type R<T> = Result<T, Issue>;

const STATUSES: &[&str] = &["active", "inactive", "defunct", "temporarily closed"];
const LOCATION_TYPES: &[&str] = &["physical", "postal", "virtual"];
const FREQS: &[&str] = &["WEEKLY", "MONTHLY"];
const WEEKDAYS: &[&str] = &["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// Oldest age accepted in `minimum_age` / `maximum_age`.
const MAX_AGE: f64 = 150.0;

fn parse_address_type(text: &str) -> Option<AddressType> {
    match LocationType::parse(text)? {
        LocationType::Physical => Some(AddressType::Physical),
        LocationType::Postal => Some(AddressType::Postal),
        LocationType::Virtual => Some(AddressType::Virtual),
    }
}

fn parse_freq(text: &str) -> Option<Frequency> {
    match text.trim().to_ascii_uppercase().as_str() {
        "WEEKLY" => Some(Frequency::Weekly),
        "MONTHLY" => Some(Frequency::Monthly),
        _ => None,
    }
}

/// RFC 5545 BYDAY: comma-separated weekday codes, each with an optional
/// signed ordinal (`MO`, `1SA`, `-1FR`).
fn is_byday(text: &str) -> bool {
    text.split(',').all(|part| {
        let part = part.trim();
        let Some(split) = part.len().checked_sub(2) else {
            return false;
        };
        let (ordinal, day) = (part.get(..split), part.get(split..));
        let ordinal_ok = ordinal.is_some_and(|o| {
            let digits = o.strip_prefix(['+', '-']).unwrap_or(o);
            o.is_empty()
                || (!digits.is_empty()
                    && digits.len() <= 2
                    && digits.bytes().all(|b| b.is_ascii_digit()))
        });
        ordinal_ok && day.and_then(Weekday::from_code).is_some()
    })
}

/// Reads the objects of array `name` with `read`, keeping the valid ones.
pub(crate) fn children<T>(
    rec: &mut Rec<'_>,
    o: Obj<'_>,
    name: &str,
    read: fn(&mut Rec<'_>, Obj<'_>) -> R<Option<T>>,
) -> R<Vec<T>> {
    let mut out = Vec::new();
    for (path, map) in rec.array(o, name)? {
        if let Some(item) = read(rec, Obj::new(map, &path))? {
            out.push(item);
        }
    }
    Ok(out)
}

pub(crate) fn read_phone(rec: &mut Rec<'_>, o: Obj<'_>) -> R<Option<Phone>> {
    let id = rec.child_id(o)?;
    let Some(number) = rec.req_str(o, "number", "phone")? else {
        return Ok(None);
    };
    let extension = match o.get("extension") {
        None => None,
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(_) => {
            rec.opt_num(o, "extension")?;
            None
        }
    };
    Ok(Some(Phone {
        id,
        number,
        extension,
        kind: rec.opt_str(o, "type")?,
        description: rec.opt_str(o, "description")?,
    }))
}

fn opt_time(rec: &mut Rec<'_>, o: Obj<'_>, name: &str) -> R<Option<TimeOfDay>> {
    let Some(text) = rec.opt_str(o, name)? else {
        return Ok(None);
    };
    let time = TimeOfDay::parse_hsds(&text);
    if time.is_none() {
        let msg = format!(
            "{:?} is not an HH:MM time; field ignored",
            super::fields::short(&text)
        );
        rec.issue(Some(o.at(name)), IssueKind::InvalidValue, msg)?;
    }
    Ok(time)
}

pub(crate) fn read_schedule(rec: &mut Rec<'_>, o: Obj<'_>) -> R<Option<Schedule>> {
    let id = rec.child_id(o)?;
    let freq = rec.opt_enum(o, "freq", FREQS, parse_freq)?;
    // Validated for the steward, not kept: carenav's schedules do not use them.
    rec.opt_enum(o, "wkst", WEEKDAYS, Weekday::from_code)?;
    rec.opt_date(o, "dtstart")?;
    rec.opt_date(o, "until")?;
    rec.opt_num_in(o, "count", 0.0, f64::MAX)?;
    rec.opt_num_in(o, "interval", 1.0, f64::MAX)?;
    rec.opt_uri(o, "schedule_link")?;
    let mut byday = rec.opt_str(o, "byday")?;
    if let Some(text) = byday.take() {
        if is_byday(&text) {
            byday = Some(text);
        } else {
            let msg =
                format!("{text:?} is not an RFC 5545 BYDAY list (MO,TU or 1SA); field ignored");
            rec.issue(Some(o.at("byday")), IssueKind::InvalidValue, msg)?;
        }
    }
    Ok(Some(Schedule {
        id,
        freq,
        byday,
        bymonthday: rec.opt_str(o, "bymonthday")?,
        opens_at: opt_time(rec, o, "opens_at")?,
        closes_at: opt_time(rec, o, "closes_at")?,
        valid_from: rec.opt_date(o, "valid_from")?,
        valid_to: rec.opt_date(o, "valid_to")?,
        timezone: rec.opt_num_in(o, "timezone", -24.0, 24.0)?,
        description: rec.opt_str(o, "description")?,
        notes: rec.opt_str(o, "notes")?,
    }))
}

pub(crate) fn read_service_area(rec: &mut Rec<'_>, o: Obj<'_>) -> R<Option<ServiceArea>> {
    Ok(Some(ServiceArea {
        id: rec.child_id(o)?,
        name: rec.opt_str(o, "name")?,
        description: rec.opt_str(o, "description")?,
        extent: rec.opt_str(o, "extent")?,
        extent_type: rec.opt_str(o, "extent_type")?,
        uri: rec.opt_str(o, "uri")?,
    }))
}

pub(crate) fn read_language(rec: &mut Rec<'_>, o: Obj<'_>) -> R<Option<Language>> {
    Ok(Some(Language {
        id: rec.child_id(o)?,
        name: rec.opt_str(o, "name")?,
        code: rec.opt_str(o, "code")?,
        note: rec.opt_str(o, "note")?,
    }))
}

pub(crate) fn read_cost_option(rec: &mut Rec<'_>, o: Obj<'_>) -> R<Option<CostOption>> {
    Ok(Some(CostOption {
        id: rec.child_id(o)?,
        option: rec.opt_str(o, "option")?,
        currency: rec.opt_str(o, "currency")?,
        amount: rec.opt_num(o, "amount")?,
        amount_description: rec.opt_str(o, "amount_description")?,
        valid_from: rec.opt_date(o, "valid_from")?,
        valid_to: rec.opt_date(o, "valid_to")?,
    }))
}

pub(crate) fn read_required_document(rec: &mut Rec<'_>, o: Obj<'_>) -> R<Option<RequiredDocument>> {
    let id = rec.child_id(o)?;
    let uri = rec.opt_uri(o, "uri")?;
    let Some(document) = rec.opt_str(o, "document")? else {
        // Valid HSDS, but a requirement with no document says nothing.
        rec.issue(
            Some(o.at("document")),
            IssueKind::Skipped,
            "required document without `document` text; skipped",
        )?;
        return Ok(None);
    };
    Ok(Some(RequiredDocument { id, document, uri }))
}

pub(crate) fn read_accessibility(rec: &mut Rec<'_>, o: Obj<'_>) -> R<Option<Accessibility>> {
    Ok(Some(Accessibility {
        id: rec.child_id(o)?,
        description: rec.opt_str(o, "description")?,
        details: rec.opt_str(o, "details")?,
        url: rec.opt_uri(o, "url")?,
    }))
}

pub(crate) fn read_address(rec: &mut Rec<'_>, o: Obj<'_>) -> R<Option<Address>> {
    let id = rec.child_id(o)?;
    let address_type = rec.req_enum(
        o,
        "address_type",
        "address",
        LOCATION_TYPES,
        parse_address_type,
    )?;
    let address_1 = rec.present_str(o, "address_1", "address")?;
    let city = rec.present_str(o, "city", "address")?;
    let state_province = rec.present_str(o, "state_province", "address")?;
    let postal_code = rec.present_str(o, "postal_code", "address")?;
    let country = rec.present_str(o, "country", "address")?;
    let (
        Some(address_type),
        Some(address_1),
        Some(city),
        Some(state_province),
        Some(postal_code),
        Some(country),
    ) = (
        address_type,
        address_1,
        city,
        state_province,
        postal_code,
        country,
    )
    else {
        return Ok(None);
    };
    Ok(Some(Address {
        id,
        address_type,
        attention: rec.opt_str(o, "attention")?,
        address_1,
        address_2: rec.opt_str(o, "address_2")?,
        city,
        region: rec.opt_str(o, "region")?,
        state_province,
        postal_code,
        country,
    }))
}

pub(crate) fn read_organization(rec: &mut Rec<'_>, o: Obj<'_>) -> R<Option<Organization>> {
    let id = rec.req_id(o, "id", "organization")?;
    let name = rec.req_str(o, "name", "organization")?;
    let (Some(id), Some(name)) = (id, name) else {
        return Ok(None);
    };
    let mut year_incorporated = None;
    if let Some(year) = rec.opt_num_in(o, "year_incorporated", 1000.0, 9999.0)? {
        if year.fract() == 0.0 {
            // In range 1000..=9999 and integral, so the cast is exact.
            year_incorporated = Some(year as i32);
        } else {
            rec.issue(
                Some(o.at("year_incorporated")),
                IssueKind::InvalidValue,
                format!("{year} is not a whole year; field ignored"),
            )?;
        }
    }
    let phones = children(rec, o, "phones", read_phone)?;
    Ok(Some(Organization {
        alternate_name: rec.opt_str(o, "alternate_name")?,
        description: rec.defaulted_str(o, "description")?,
        email: rec.opt_email(o, "email")?,
        website: rec.opt_uri(o, "website")?,
        legal_status: rec.opt_str(o, "legal_status")?,
        tax_id: rec.opt_str(o, "tax_id")?,
        year_incorporated,
        phones,
        id,
        name,
    }))
}

pub(crate) fn read_location(rec: &mut Rec<'_>, o: Obj<'_>) -> R<Option<Location>> {
    let id = rec.req_id(o, "id", "location")?;
    let location_type = rec.req_enum(
        o,
        "location_type",
        "location",
        LOCATION_TYPES,
        LocationType::parse,
    )?;
    let (Some(id), Some(location_type)) = (id, location_type) else {
        return Ok(None);
    };
    let latitude = rec.opt_num_in(o, "latitude", -90.0, 90.0)?;
    let longitude = rec.opt_num_in(o, "longitude", -180.0, 180.0)?;
    let point = match (latitude, longitude) {
        (Some(lat), Some(lon)) => GeoPoint::new(lat, lon),
        (None, None) => None,
        (Some(_), None) | (None, Some(_)) => {
            // Report only when the other half was given and fine: an
            // out-of-range half has its own issue already.
            let (present, missing) = if latitude.is_some() {
                ("latitude", "longitude")
            } else {
                ("longitude", "latitude")
            };
            if o.get(missing).is_none() {
                rec.issue(
                    Some(o.at(missing)),
                    IssueKind::MissingField,
                    format!("{present} given without {missing}; point ignored"),
                )?;
            }
            None
        }
    };
    Ok(Some(Location {
        location_type,
        organization_id: rec.opt_id(o, "organization_id")?,
        name: rec.opt_str(o, "name")?,
        alternate_name: rec.opt_str(o, "alternate_name")?,
        description: rec.opt_str(o, "description")?,
        transportation: rec.opt_str(o, "transportation")?,
        url: rec.opt_uri(o, "url")?,
        point,
        addresses: children(rec, o, "addresses", read_address)?,
        phones: children(rec, o, "phones", read_phone)?,
        schedules: children(rec, o, "schedules", read_schedule)?,
        languages: children(rec, o, "languages", read_language)?,
        accessibility: children(rec, o, "accessibility", read_accessibility)?,
        id,
    }))
}

pub(crate) fn read_term(rec: &mut Rec<'_>, o: Obj<'_>) -> R<Option<TaxonomyTerm>> {
    let id = rec.req_id(o, "id", "taxonomy term")?;
    let name = rec.req_str(o, "name", "taxonomy term")?;
    let (Some(id), Some(name)) = (id, name) else {
        return Ok(None);
    };
    let mut taxonomy = rec.opt_str(o, "taxonomy")?;
    if taxonomy.is_none()
        && let Some(detail) = rec.object(o, "taxonomy_detail")?
    {
        let path = o.at("taxonomy_detail");
        taxonomy = rec.opt_str(Obj::new(detail, &path), "name")?;
    }
    Ok(Some(TaxonomyTerm {
        code: rec.opt_str(o, "code")?,
        description: rec.defaulted_str(o, "description")?,
        parent_id: rec.opt_id(o, "parent_id")?,
        taxonomy,
        id,
        name,
    }))
}

/// An attribute as read, before its term is known to be carenav's or not.
#[derive(Debug)]
pub(crate) struct AttributeRead {
    pub(crate) attribute: Attribute,
    /// The nested term, when the attribute carried one.
    pub(crate) term: Option<TaxonomyTerm>,
    /// carenav's evidence extension, kept raw until the term is known.
    pub(crate) evidence: Option<Value>,
    /// Where the attribute is, for issues about its eligibility coding.
    pub(crate) path: String,
}

pub(crate) fn read_attribute(rec: &mut Rec<'_>, o: Obj<'_>) -> R<Option<AttributeRead>> {
    let id = rec.child_id(o)?;
    let mut term = None;
    if let Some(map) = rec.object(o, "taxonomy_term")? {
        let path = o.at("taxonomy_term");
        term = read_term(rec, Obj::new(map, &path))?;
    }
    let mut term_id = rec.opt_id(o, "taxonomy_term_id")?;
    match (&term, &term_id) {
        (Some(t), Some(given)) if &t.id != given => {
            rec.issue(
                Some(o.at("taxonomy_term_id")),
                IssueKind::InvalidValue,
                format!(
                    "differs from taxonomy_term.id {}; the nested term is used",
                    t.id
                ),
            )?;
            term_id = Some(t.id.clone());
        }
        (Some(t), None) => term_id = Some(t.id.clone()),
        _ => {}
    }
    let Some(taxonomy_term_id) = term_id else {
        if o.get("taxonomy_term").is_none() && o.get("taxonomy_term_id").is_none() {
            rec.issue(
                Some(o.at("taxonomy_term_id")),
                IssueKind::MissingField,
                "attribute has neither taxonomy_term_id nor taxonomy_term; skipped",
            )?;
        }
        return Ok(None);
    };
    let value = match o.get("value") {
        // Some exporters write numbers; the value is text in HSDS and carenav.
        Some(Value::Number(n)) => {
            rec.issue(
                Some(o.at("value")),
                IssueKind::WrongType,
                "expected a string, found a number; read as text",
            )?;
            Some(n.to_string())
        }
        _ => rec.opt_str(o, "value")?,
    };
    Ok(Some(AttributeRead {
        attribute: Attribute {
            id,
            taxonomy_term_id,
            value,
        },
        term,
        evidence: o.get(crate::write::EVIDENCE_FIELD).cloned(),
        path: o.path().to_owned(),
    }))
}

/// A service as read from one object, with what was nested in it.
#[derive(Debug)]
pub(crate) struct ServiceRead {
    /// The service; `eligibility` is filled later, once attributes are known.
    pub(crate) service: Service,
    pub(crate) organization: Option<Organization>,
    pub(crate) links: Vec<(ServiceAtLocation, Option<Location>)>,
    pub(crate) attributes: Vec<AttributeRead>,
    /// HSDS fields carenav's exporter filled in itself (see [`crate::write`]).
    pub(crate) derived: Vec<String>,
    /// `organization.locations`: places of the organization, linked or not.
    pub(crate) org_locations: Vec<Location>,
}

fn read_ages(rec: &mut Rec<'_>, o: Obj<'_>) -> R<(Option<f64>, Option<f64>)> {
    let min = rec.opt_num_in(o, "minimum_age", 0.0, MAX_AGE)?;
    let max = rec.opt_num_in(o, "maximum_age", 0.0, MAX_AGE)?;
    if let (Some(lo), Some(hi)) = (min, max)
        && lo > hi
    {
        rec.issue(
            Some(o.at("minimum_age")),
            IssueKind::OutOfRange,
            format!("minimum_age {lo} is above maximum_age {hi}; both ignored"),
        )?;
        return Ok((None, None));
    }
    Ok((min, max))
}

fn read_link(
    rec: &mut Rec<'_>,
    o: Obj<'_>,
    service_id: &str,
) -> R<Option<(ServiceAtLocation, Option<Location>)>> {
    let id = rec.req_id(o, "id", "service_at_location")?;
    if let Some(given) = rec.opt_id(o, "service_id")?
        && given != service_id
    {
        rec.issue(
            Some(o.at("service_id")),
            IssueKind::InvalidValue,
            format!("differs from the enclosing service {service_id}; ignored"),
        )?;
    }
    let mut location = None;
    let mut location_id = rec.opt_id(o, "location_id")?;
    if let Some(map) = rec.object(o, "location")? {
        let path = o.at("location");
        match read_location(rec, Obj::new(map, &path))? {
            Some(loc) => {
                if location_id.as_ref().is_some_and(|given| given != &loc.id) {
                    rec.issue(
                        Some(o.at("location_id")),
                        IssueKind::InvalidValue,
                        format!(
                            "differs from location.id {}; the nested location is used",
                            loc.id
                        ),
                    )?;
                }
                location_id = Some(loc.id.clone());
                location = Some(loc);
            }
            None => {
                rec.issue(
                    Some(o.at("location")),
                    IssueKind::Skipped,
                    "service_at_location skipped because its location was skipped",
                )?;
                return Ok(None);
            }
        }
    }
    let Some(id) = id else {
        return Ok(None);
    };
    let Some(location_id) = location_id else {
        rec.issue(
            Some(o.at("location_id")),
            IssueKind::MissingField,
            "neither location_id nor location given; the service_at_location is skipped",
        )?;
        return Ok(None);
    };
    let link = ServiceAtLocation {
        service_id: service_id.to_owned(),
        location_id,
        description: rec.opt_str(o, "description")?,
        phones: children(rec, o, "phones", read_phone)?,
        schedules: children(rec, o, "schedules", read_schedule)?,
        id,
    };
    Ok(Some((link, location)))
}

/// Reads a service object (nested HSDS JSON, or a `services.csv` row).
pub(crate) fn read_service(rec: &mut Rec<'_>, o: Obj<'_>) -> R<Option<ServiceRead>> {
    let id = rec.req_id(o, "id", "service")?;
    let name = rec.req_str(o, "name", "service")?;
    let status = rec.req_enum(o, "status", "service", STATUSES, ServiceStatus::parse)?;
    let mut organization = None;
    let mut org_locations = Vec::new();
    if let Some(map) = rec.object(o, "organization")? {
        let path = o.at("organization");
        let org_obj = Obj::new(map, &path);
        organization = read_organization(rec, org_obj)?;
        if organization.is_some() {
            org_locations = children(rec, org_obj, "locations", read_location)?;
        }
    }
    let mut organization_id = rec.opt_id(o, "organization_id")?;
    if let Some(org) = &organization {
        if organization_id
            .as_ref()
            .is_some_and(|given| given != &org.id)
        {
            rec.issue(
                Some(o.at("organization_id")),
                IssueKind::InvalidValue,
                format!(
                    "differs from organization.id {}; the nested organization is used",
                    org.id
                ),
            )?;
        }
        organization_id = Some(org.id.clone());
    }
    let (Some(id), Some(name), Some(status)) = (id, name, status) else {
        return Ok(None);
    };
    let Some(organization_id) = organization_id else {
        if o.get("organization").is_none() {
            rec.issue(
                Some(o.at("organization_id")),
                IssueKind::MissingField,
                "neither organization_id nor organization given; the service is skipped",
            )?;
        } else {
            rec.issue(
                Some(o.at("organization")),
                IssueKind::Skipped,
                "service skipped because its organization was skipped",
            )?;
        }
        return Ok(None);
    };
    let (minimum_age, maximum_age) = read_ages(rec, o)?;
    let mut links = Vec::new();
    for (path, map) in rec.array(o, "service_at_locations")? {
        if let Some(link) = read_link(rec, Obj::new(map, &path), &id)? {
            links.push(link);
        }
    }
    let mut attributes = Vec::new();
    for (path, map) in rec.array(o, "attributes")? {
        if let Some(attr) = read_attribute(rec, Obj::new(map, &path))? {
            attributes.push(attr);
        }
    }
    let derived = read_derived(rec, o)?;
    let service = Service {
        organization_id,
        alternate_name: rec.opt_str(o, "alternate_name")?,
        description: rec.opt_str(o, "description")?,
        url: rec.opt_uri(o, "url")?,
        email: rec.opt_email(o, "email")?,
        status,
        interpretation_services: rec.opt_str(o, "interpretation_services")?,
        application_process: rec.opt_str(o, "application_process")?,
        fees_description: rec.opt_str(o, "fees_description")?,
        wait_time: rec.opt_str(o, "wait_time")?,
        eligibility_description: rec.opt_str(o, "eligibility_description")?,
        minimum_age,
        maximum_age,
        assured_date: rec.opt_date(o, "assured_date")?,
        assurer_email: rec.opt_email(o, "assurer_email")?,
        last_modified: rec.opt_date_time(o, "last_modified")?,
        alert: rec.opt_str(o, "alert")?,
        phones: children(rec, o, "phones", read_phone)?,
        schedules: children(rec, o, "schedules", read_schedule)?,
        service_areas: children(rec, o, "service_areas", read_service_area)?,
        languages: children(rec, o, "languages", read_language)?,
        cost_options: children(rec, o, "cost_options", read_cost_option)?,
        required_documents: children(rec, o, "required_documents", read_required_document)?,
        attributes: Vec::new(),
        eligibility: Default::default(),
        id,
        name,
    };
    Ok(Some(ServiceRead {
        service,
        organization,
        links,
        attributes,
        derived,
        org_locations,
    }))
}

/// carenav's `carenav_derived` extension: names of HSDS fields its exporter filled.
fn read_derived(rec: &mut Rec<'_>, o: Obj<'_>) -> R<Vec<String>> {
    let Some(value) = o.get(crate::write::DERIVED_FIELD) else {
        return Ok(Vec::new());
    };
    let names: Option<Vec<String>> = value.as_array().and_then(|items| {
        items
            .iter()
            .map(|v| v.as_str().map(str::to_owned))
            .collect()
    });
    if names.is_none() {
        rec.issue(
            Some(o.at(crate::write::DERIVED_FIELD)),
            IssueKind::WrongType,
            "expected an array of field names; ignored",
        )?;
    }
    Ok(names.unwrap_or_default())
}

/// Builds a flat object from a map, for readers (used by the tabular importer).
pub(crate) fn obj<'v>(map: &'v Map<String, Value>, path: &'v str) -> Obj<'v> {
    Obj::new(map, path)
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case("MO,TU", true)]
    #[case("1SA,-1FR", true)]
    #[case("TH", true)]
    #[case("Monday", false)]
    #[case("", false)]
    #[case("MO,,TU", false)]
    fn checks_byday(#[case] text: &str, #[case] ok: bool) {
        assert_eq!(is_byday(text), ok);
    }
}
