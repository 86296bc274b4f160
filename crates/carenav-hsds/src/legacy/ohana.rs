//! Ohana API MongoDB export (San Mateo County, 2014).
//!
//! Files (NDJSON, one document per line): `organizations.json`,
//! `locations.json`, `services.json`, and the Open Eligibility taxonomy
//! `oe.json`. The pre-HSDS Ohana model puts address, phones, hours and
//! languages on the location, and each service belongs to one location, so
//! each service gets exactly one service-at-location.
//!
//! Records of `kind: "test"` are the Ohana team's test data: they are
//! skipped, with the services at them and the organizations that have no
//! other location.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use carenav_core::text::{eligibility_from_text, schedules_from_text};
use carenav_core::{
    Accessibility, Address, AddressType, Attribute, GeoPoint, Language, Location, Organization,
    Phone, Service, ServiceArea, ServiceAtLocation,
};
use serde_json::Value;

use super::{
    Context, Conversion, ConvertError, LegacyFormat, file_label, join_paragraphs, non_empty,
    read_bytes, required_file, rfc3339_from_epoch_ms,
};
use crate::error::IssueKind;
use crate::ids::stable_id;

const ORGS: &str = "organizations.json";
const LOCATIONS: &str = "locations.json";
const SERVICES: &str = "services.json";
const OE: &str = "oe.json";

/// Taxonomy name for Open Eligibility terms.
pub const OPEN_ELIGIBILITY: &str = "open-eligibility";
/// Taxonomy name for Ohana's free keywords.
pub const OHANA_KEYWORDS: &str = "ohana-keywords";

pub(crate) fn convert(path: &Path) -> Result<Conversion, ConvertError> {
    let dir = if path.is_file() {
        path.parent().unwrap_or(path)
    } else {
        path
    };
    let format = LegacyFormat::Ohana;
    let orgs_path = required_file(dir, ORGS, format)?;
    let locs_path = required_file(dir, LOCATIONS, format)?;
    let svcs_path = required_file(dir, SERVICES, format)?;
    let mut cx = Context::default();

    let oe_codes = match required_file(dir, OE, format) {
        Ok(oe) => read_open_eligibility(&oe, &mut cx)?,
        Err(_) => {
            cx.report
                .notes
                .push(format!("{OE} not found: category_ids are not converted"));
            HashSet::new()
        }
    };

    let orgs = read_ndjson(&orgs_path, &mut cx)?;
    let locs = read_ndjson(&locs_path, &mut cx)?;
    let svcs = read_ndjson(&svcs_path, &mut cx)?;

    // Organizations by source id; emitted after locations decide which are test data.
    let mut org_ids: HashMap<String, String> = HashMap::new();
    let mut org_records: Vec<(String, usize, &Value)> = Vec::new();
    for (line, org) in &orgs {
        let Some(src) = source_id(org) else {
            cx.skip(ORGS, format!("line {line}"), Some("id"), "no id");
            continue;
        };
        if org_ids.contains_key(&src) {
            cx.skip(ORGS, src, Some("id"), "duplicate id; first record kept");
            continue;
        }
        org_ids.insert(src.clone(), stable_id("ohana-smc/organization", &src));
        org_records.push((src, *line, org));
    }

    // Locations.
    let mut loc_info: HashMap<String, LocInfo> = HashMap::new();
    let mut test_locations: HashSet<String> = HashSet::new();
    let mut org_has_real_location: HashSet<String> = HashSet::new();
    let mut org_has_test_location: HashSet<String> = HashSet::new();
    for (line, loc) in &locs {
        let Some(src) = source_id(loc) else {
            cx.skip(LOCATIONS, format!("line {line}"), Some("id"), "no id");
            continue;
        };
        let org_src = loc.get("organization_id").and_then(id_text);
        if str_field(loc, "kind") == Some("test") {
            cx.skip(
                LOCATIONS,
                src.clone(),
                Some("kind"),
                "kind is \"test\": Ohana test data, not a real location",
            );
            test_locations.insert(src);
            if let Some(o) = org_src {
                org_has_test_location.insert(o);
            }
            continue;
        }
        if loc_info.contains_key(&src) {
            cx.skip(
                LOCATIONS,
                src,
                Some("id"),
                "duplicate id; first record kept",
            );
            continue;
        }
        let Some((org_src, org_id)) =
            org_src.and_then(|o| org_ids.get(&o).map(|id| (o, id.clone())))
        else {
            cx.skip(
                LOCATIONS,
                src,
                Some("organization_id"),
                "organization_id missing or not in organizations.json",
            );
            continue;
        };
        org_has_real_location.insert(org_src);
        let location = convert_location(&src, loc, org_id.clone(), &mut cx);
        loc_info.insert(
            src,
            LocInfo {
                id: location.id.clone(),
                org_id,
                name: location.name.clone(),
                description: str_field(loc, "description").map(str::to_owned),
                email: first_string(loc, "emails"),
                url: first_string(loc, "urls"),
                languages: location.languages.clone(),
                interpretation: interpretation_notes(loc),
            },
        );
        cx.directory.locations.push(location);
    }

    for (src, _line, org) in org_records {
        if org_has_test_location.contains(&src) && !org_has_real_location.contains(&src) {
            cx.skip(
                ORGS,
                src,
                None,
                "organization of Ohana test data only (all its locations are kind \"test\")",
            );
            continue;
        }
        let id = org_ids.get(&src).cloned().unwrap_or_default();
        let name = str_field(org, "name").unwrap_or("").trim().to_owned();
        if name.is_empty() {
            cx.issue(
                ORGS,
                Some(src),
                Some("name"),
                IssueKind::MissingField,
                "organization has no name",
            );
        }
        cx.directory.organizations.push(Organization {
            id,
            name,
            ..Organization::default()
        });
    }

    // Services.
    let mut seen_services: HashSet<String> = HashSet::new();
    for (line, svc) in &svcs {
        let Some(src) = source_id(svc) else {
            cx.skip(SERVICES, format!("line {line}"), Some("id"), "no id");
            continue;
        };
        let loc_src = svc.get("location_id").and_then(id_text).unwrap_or_default();
        if test_locations.contains(&loc_src) {
            cx.skip(
                SERVICES,
                src,
                Some("location_id"),
                format!("service at test location {loc_src}: Ohana test data"),
            );
            continue;
        }
        let Some(loc) = loc_info.get(&loc_src) else {
            cx.skip(
                SERVICES,
                src,
                Some("location_id"),
                format!("location_id {loc_src:?} is not a converted location"),
            );
            continue;
        };
        if !seen_services.insert(src.clone()) {
            cx.skip(SERVICES, src, Some("id"), "duplicate id; first record kept");
            continue;
        }
        let service = convert_service(&src, svc, loc, &oe_codes, &mut cx);
        cx.directory.service_at_locations.push(ServiceAtLocation {
            id: stable_id("ohana-smc/service_at_location", &src),
            service_id: service.id.clone(),
            location_id: loc.id.clone(),
            ..ServiceAtLocation::default()
        });
        cx.directory.services.push(service);
    }
    Ok(cx.finish())
}

/// What a service needs from its location.
struct LocInfo {
    id: String,
    org_id: String,
    name: Option<String>,
    description: Option<String>,
    email: Option<String>,
    url: Option<String>,
    languages: Vec<Language>,
    interpretation: Option<String>,
}

fn convert_location(src: &str, loc: &Value, org_id: String, cx: &mut Context) -> Location {
    let id = stable_id("ohana-smc/location", src);
    let mut location = Location {
        id,
        organization_id: Some(org_id),
        name: non_empty(str_field(loc, "name")),
        description: non_empty(str_field(loc, "short_desc"))
            .or_else(|| non_empty(str_field(loc, "description"))),
        transportation: non_empty(str_field(loc, "transportation")),
        ..Location::default()
    };
    match loc.get("coordinates") {
        None | Some(Value::Null) => {}
        Some(Value::Array(pair)) if pair.len() == 2 => {
            let lon = pair.first().and_then(Value::as_f64).unwrap_or(f64::NAN);
            let lat = pair.get(1).and_then(Value::as_f64).unwrap_or(f64::NAN);
            location.point = GeoPoint::new(lat, lon);
            if location.point.is_none() {
                cx.issue(
                    LOCATIONS,
                    Some(src.to_owned()),
                    Some("coordinates"),
                    IssueKind::OutOfRange,
                    format!("coordinates {pair:?} ([lon, lat]) are not a valid point; location kept without a point"),
                );
            }
        }
        Some(other) => cx.issue(
            LOCATIONS,
            Some(src.to_owned()),
            Some("coordinates"),
            IssueKind::InvalidValue,
            format!("coordinates {other} are not a [lon, lat] pair; location kept without a point"),
        ),
    }
    for (field, kind) in [
        ("address_attributes", AddressType::Physical),
        ("mail_address_attributes", AddressType::Postal),
    ] {
        if let Some(a) = loc.get(field).filter(|a| a.is_object()) {
            location.addresses.push(Address {
                address_type: kind,
                attention: non_empty(str_field(a, "attention")),
                address_1: str_field(a, "street").unwrap_or("").trim().to_owned(),
                city: str_field(a, "city").unwrap_or("").trim().to_owned(),
                state_province: str_field(a, "state").unwrap_or("").trim().to_owned(),
                postal_code: str_field(a, "zip").unwrap_or("").trim().to_owned(),
                country: "US".to_owned(),
                ..Address::default()
            });
        }
    }
    for p in array(loc, "phones_attributes") {
        if let Some(phone) = phone(p, false) {
            location.phones.push(phone);
        }
    }
    for p in array(loc, "faxes_attributes") {
        if let Some(phone) = phone(p, true) {
            location.phones.push(phone);
        }
    }
    if let Some(hours) = str_field(loc, "hours") {
        location.schedules = schedules_from_text(hours);
    }
    location.languages = array(loc, "languages")
        .filter_map(Value::as_str)
        .filter_map(language)
        .collect();
    location.accessibility = array(loc, "accessibility")
        .filter_map(Value::as_str)
        .map(|code| Accessibility {
            description: Some(accessibility_label(code).to_owned()),
            ..Accessibility::default()
        })
        .collect();
    location
}

fn convert_service(
    src: &str,
    svc: &Value,
    loc: &LocInfo,
    oe_codes: &HashSet<String>,
    cx: &mut Context,
) -> Service {
    let id = stable_id("ohana-smc/service", src);
    let name = non_empty(str_field(svc, "name"))
        .or_else(|| loc.name.clone())
        .unwrap_or_default();
    if name.is_empty() {
        cx.issue(
            SERVICES,
            Some(src.to_owned()),
            Some("name"),
            IssueKind::MissingField,
            "neither the service nor its location has a name",
        );
    }
    let audience = str_field(svc, "audience")
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(|a| format!("Audience: {a}"));
    let description = join_paragraphs([
        str_field(svc, "description").or(loc.description.as_deref()),
        audience.as_deref(),
    ]);
    let eligibility_text = non_empty(str_field(svc, "eligibility"));
    let mut service = Service {
        id,
        organization_id: loc.org_id.clone(),
        name,
        description,
        url: first_string(svc, "urls").or_else(|| loc.url.clone()),
        email: loc.email.clone(),
        interpretation_services: loc.interpretation.clone(),
        application_process: non_empty(str_field(svc, "how_to_apply")),
        fees_description: non_empty(str_field(svc, "fees")),
        wait_time: non_empty(str_field(svc, "wait")),
        eligibility: eligibility_from_text(eligibility_text.as_deref().unwrap_or("")),
        eligibility_description: eligibility_text,
        last_modified: svc
            .get("updated_at")
            .and_then(|d| d.get("$date"))
            .and_then(Value::as_i64)
            .map(rfc3339_from_epoch_ms),
        languages: loc.languages.clone(),
        ..Service::default()
    };
    if let Some(hours) = str_field(svc, "hours") {
        service.schedules = schedules_from_text(hours);
    }
    service.service_areas = array(svc, "service_areas")
        .filter_map(Value::as_str)
        .filter(|a| !a.trim().is_empty())
        .map(|a| ServiceArea {
            name: Some(a.trim().to_owned()),
            extent_type: None,
            ..ServiceArea::default()
        })
        .collect();
    let mut term_ids: Vec<String> = Vec::new();
    for code in array(svc, "category_ids").filter_map(id_text) {
        if oe_codes.contains(&code) {
            term_ids.push(stable_id(&format!("taxonomy/{OPEN_ELIGIBILITY}"), &code));
        } else {
            cx.issue(
                SERVICES,
                Some(src.to_owned()),
                Some("category_ids"),
                IssueKind::DanglingReference,
                format!("category id {code:?} is not in {OE}; not converted"),
            );
        }
    }
    for keyword in array(svc, "keywords").filter_map(Value::as_str) {
        let keyword = keyword.trim();
        if !keyword.is_empty() {
            term_ids.push(cx.term(OHANA_KEYWORDS, None, keyword, None));
        }
    }
    let mut seen = HashSet::new();
    service.attributes = term_ids
        .into_iter()
        .filter(|t| seen.insert(t.clone()))
        .map(|taxonomy_term_id| Attribute {
            taxonomy_term_id,
            ..Attribute::default()
        })
        .collect();
    service
}

/// Reads `oe.json` into taxonomy terms; returns the known codes.
fn read_open_eligibility(path: &Path, cx: &mut Context) -> Result<HashSet<String>, ConvertError> {
    let bytes = read_bytes(path)?;
    let doc: Value = serde_json::from_slice(&bytes).map_err(|e| ConvertError::Json {
        file: path.display().to_string(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let mut codes = HashSet::new();
    let root = doc.get("taxonomy").unwrap_or(&doc);
    walk_terms(root, None, cx, &mut codes);
    Ok(codes)
}

/// Adds the terms under every `*_level` key of `node`, depth first.
fn walk_terms(node: &Value, parent: Option<String>, cx: &mut Context, codes: &mut HashSet<String>) {
    let Some(obj) = node.as_object() else { return };
    for (key, children) in obj {
        if !key.ends_with("_level") {
            continue;
        }
        for term in children.as_array().map(Vec::as_slice).unwrap_or_default() {
            let (Some(code), Some(title)) = (str_field(term, "@id"), str_field(term, "@title"))
            else {
                cx.issue(
                    OE,
                    None,
                    Some(key),
                    IssueKind::MissingField,
                    "term without @id or @title skipped",
                );
                continue;
            };
            let id = cx.term(OPEN_ELIGIBILITY, Some(code), title, parent.clone());
            codes.insert(code.to_owned());
            walk_terms(term, Some(id), cx, codes);
        }
    }
}

/// Reads an NDJSON file; lines that are not JSON objects are reported and skipped.
fn read_ndjson(path: &Path, cx: &mut Context) -> Result<Vec<(usize, Value)>, ConvertError> {
    let file = file_label(path);
    let bytes = read_bytes(path)?;
    let mut out = Vec::new();
    for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
        let n = i + 1;
        let Ok(text) = std::str::from_utf8(line) else {
            cx.issue(
                &file,
                Some(format!("line {n}")),
                None,
                IssueKind::Encoding,
                "line is not valid UTF-8; skipped",
            );
            continue;
        };
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(text) {
            Ok(v) if v.is_object() => out.push((n, v)),
            Ok(_) => cx.issue(
                &file,
                Some(format!("line {n}")),
                None,
                IssueKind::WrongType,
                "line is not a JSON object; skipped",
            ),
            Err(e) => cx.issue(
                &file,
                Some(format!("line {n}")),
                None,
                IssueKind::Syntax,
                format!("malformed JSON at column {}: {e}; line skipped", e.column()),
            ),
        }
    }
    Ok(out)
}

/// The Ohana integer id as text.
fn source_id(v: &Value) -> Option<String> {
    v.get("id").and_then(id_text)
}

fn id_text(v: &Value) -> Option<String> {
    match v {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        _ => None,
    }
}

fn str_field<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn array<'a>(v: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    v.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
}

fn first_string(v: &Value, key: &str) -> Option<String> {
    array(v, key)
        .filter_map(Value::as_str)
        .find_map(|s| non_empty(Some(s)))
}

fn phone(p: &Value, fax: bool) -> Option<Phone> {
    let number = non_empty(str_field(p, "number"))?;
    let kind = if fax {
        "fax"
    } else if str_field(p, "number_type").is_some_and(|t| t.eq_ignore_ascii_case("tty")) {
        "textphone"
    } else {
        "voice"
    };
    let vanity = str_field(p, "vanity_number").map(|v| format!("also {v}"));
    let description = join_list([
        str_field(p, "department"),
        str_field(p, "hours").or(str_field(p, "phone_hours")),
        vanity.as_deref(),
    ]);
    Some(Phone {
        number,
        extension: non_empty(str_field(p, "extension")),
        kind: Some(kind.to_owned()),
        description,
        ..Phone::default()
    })
}

fn join_list<'a>(parts: impl IntoIterator<Item = Option<&'a str>>) -> Option<String> {
    let parts: Vec<&str> = parts
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// Entries of `languages` that name an interpretation service, not a language.
fn is_interpretation(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.contains("interpret") || n.contains("language line") || n.contains("translation")
}

fn interpretation_notes(loc: &Value) -> Option<String> {
    join_list(
        array(loc, "languages")
            .filter_map(Value::as_str)
            .filter(|n| is_interpretation(n))
            .map(Some),
    )
}

/// A [`Language`] for an Ohana language name, with its ISO code when the name
/// maps to one (ISO 639-1, or 639-3 for languages and Chinese varieties
/// without a 639-1 code). Interpretation services are not languages: `None`.
pub fn language(name: &str) -> Option<Language> {
    let name = name.trim();
    if name.is_empty() || is_interpretation(name) {
        return None;
    }
    Some(Language {
        name: Some(name.to_owned()),
        code: language_code(name).map(str::to_owned),
        ..Language::default()
    })
}

/// ISO code for a language name as written in the Ohana export.
pub fn language_code(name: &str) -> Option<&'static str> {
    let code = match name.trim().to_ascii_lowercase().as_str() {
        "english" => "en",
        "spanish" => "es",
        "filipino (tagalog)" | "tagalog" | "filipino" => "tl",
        "chinese" => "zh",
        "chinese (mandarin)" | "mandarin" => "cmn",
        "chinese (cantonese)" | "cantonese" => "yue",
        "chinese (taiwanese)" | "taiwanese" => "nan",
        "chinese (shanghainese)" => "wuu",
        "chinese (hmong)" | "hmong" => "hmn",
        "vietnamese" => "vi",
        "french" => "fr",
        "russian" => "ru",
        "italian" => "it",
        "german" => "de",
        "japanese" => "ja",
        "hindi" => "hi",
        "persian (farsi)" | "persian" | "farsi" => "fa",
        "american sign language" => "ase",
        "portuguese" => "pt",
        "arabic" => "ar",
        "korean" => "ko",
        "hebrew" => "he",
        "samoan" => "sm",
        "tongan" => "to",
        "polish" => "pl",
        "greek" => "el",
        "swedish" => "sv",
        "armenian" => "hy",
        "amharic" => "am",
        "yiddish" => "yi",
        "panjabi" | "punjabi" => "pa",
        "filipino (cebuano)" | "cebuano" => "ceb",
        "filipino (ilocano)" | "filipino (iiocano)" | "ilocano" => "ilo",
        "filipino (hiligaynon)" | "filipino (iiongo)" | "hiligaynon" => "hil",
        "filipino (pangasinan)" | "pangasinan" => "pag",
        "filipino (capangpangan)" | "kapampangan" => "pam",
        "serbo-croatian" => "hbs",
        "burmese" => "my",
        "urdu" => "ur",
        "tamil" => "ta",
        "gujarati" => "gu",
        "lao" | "laotian" => "lo",
        "tigrinya" => "ti",
        "dutch" => "nl",
        "ukrainian" => "uk",
        "marathi" => "mr",
        "telugu" => "te",
        "thai" => "th",
        "indonesian" => "id",
        "cambodian" | "khmer" => "km",
        "hungarian" => "hu",
        "sinhalese" | "sinhala" => "si",
        "czech" => "cs",
        "danish" => "da",
        "croatian" => "hr",
        "tibetan" => "bo",
        "norwegian" => "no",
        "aramaic" => "arc",
        "assyrian" => "aii",
        "romanian" => "ro",
        "bengali" => "bn",
        "mongolian" => "mn",
        "fulani" => "ff",
        "hausa" => "ha",
        "igbo" => "ig",
        "kinyarwanda" => "rw",
        "krio" => "kri",
        "mende" => "men",
        "swahili" => "sw",
        "temne" => "tem",
        "yoruba" => "yo",
        "somali" => "so",
        "oromo" => "om",
        "latvian" => "lv",
        "finnish" => "fi",
        "bosnian" => "bs",
        "sindhi" => "sd",
        "fijian" => "fj",
        "maltese" => "mt",
        _ => return None,
    };
    Some(code)
}

/// A readable label for an Ohana accessibility code (unknown codes as given).
fn accessibility_label(code: &str) -> &str {
    match code.trim() {
        "wheelchair" => "Wheelchair accessible",
        "restroom" => "Accessible restroom",
        "disabled_parking" => "Disabled parking",
        "ramp" => "Ramp",
        "elevator" => "Elevator",
        "deaf_interpreter" => "Deaf interpreter",
        "tty" => "TTY/TDD",
        "tape_braille" => "Materials on tape or in Braille",
        "cd" => "Materials on CD",
        "wheelchair_van" => "Wheelchair-accessible van",
        other => other,
    }
}
