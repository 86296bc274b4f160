//! HSDS 3.0 export: a directory as nested service objects (the shape of the
//! HSDS API's `/services/{id}` and of `schema/compiled/service_with_definitions.json`),
//! written as one JSON array or as NDJSON.
//!
//! # What the exporter adds
//!
//! - **Ids.** HSDS requires a UUID on every record; carenav's child records
//!   (phones, schedules, addresses…) may have none. Missing ones are minted
//!   with [`crate::ids::child_id`] from the parent's id, the child kind and its
//!   position (the scheme the legacy converters use too), so exporting twice
//!   gives the same ids; the importer keeps them as given.
//! - **Required fields.** `organization.description`, `taxonomy_term.description`
//!   and the address lines are written as `""` when carenav has none (the
//!   schema requires presence, not length).
//! - **Eligibility.** carenav's structured eligibility is written as HSDS
//!   `attributes` whose `taxonomy_term.taxonomy` is
//!   [`ELIGIBILITY_TAXONOMY`] (`"carenav-eligibility"`), with `link_type`
//!   `"eligibility"`, `link_entity` `"service"` and `link_id` the service id.
//!   The term's `code` names the restriction; the attribute's `value` carries
//!   its parameter:
//!
//!   | term code | attribute value |
//!   |---|---|
//!   | `open` | – (nothing restricts the service; stops the importer re-reading the free text) |
//!   | `age:client`, `age:child` | `MIN..MAX` in years, either end may be empty (`18..`, `..17`, `5..14`) |
//!   | `gender:female`, `gender:male`, `gender:non-binary` | – |
//!   | `income:percent-of-poverty`, `income:monthly-dollars`, `income:annual-dollars` | the number (`200`) |
//!   | `income:annual-by-household-size` | `SIZE:DOLLARS` per household size, comma-separated (`1:39600,2:45250`) |
//!   | `income:low-income` | – |
//!   | `population:<situation code>` (`population:veteran`), one per population | – |
//!   | `residency`, one per area | the area name (`San Mateo County`) |
//!   | `age:unknown`, `gender:unknown`, `income:unknown`, `population:unknown`, `residency:unknown` | the source text carenav could not read |
//!   | `to-verify`, one per condition | the condition's text |
//!   | `requirement:<kind>` (`requirement:eviction-notice`), one per requirement | the source words |
//!   | `agency-only` | – (serves organizations, never individual clients) |
//!
//!   Term ids are [`crate::ids::stable_id`]`("carenav-eligibility", code)`, so
//!   every export uses the same terms. Each attribute of a read restriction also
//!   carries carenav's evidence (source field or text, confidence) in the
//!   extension property `carenav_evidence` (HSDS's schema allows extra
//!   properties; other consumers ignore it).
//! - **Ages.** A client age range read from free text is also written to
//!   `minimum_age` / `maximum_age` when the service had no such field, so
//!   plain HSDS consumers see it; those field names are listed in the
//!   extension `carenav_derived`, so that re-importing does not mistake them for
//!   source data.
//!
//! - **Unlinked locations.** Locations no service-at-location names are
//!   written under `organization.locations` of the first service of their
//!   organization.
//! - **Formats.** HSDS types emails as `format: email` and web addresses as
//!   `format: uri`. A web address without a scheme (`www.example.org`) is
//!   written as `http://www.example.org`; an email or URI that is still not
//!   valid is left out rather than make the service invalid HSDS; so is a
//!   `year_incorporated` outside 1000..=9999 (the importer refuses those).
//!
//! Not exported (HSDS's service-centred shape has no place for them):
//! organizations without services, locations without a service-at-location
//! whose organization has no service, taxonomy terms no service uses.

use std::collections::HashMap;
use std::io::{self, Write};

use serde_json::{Map, Number, Value};

use carenav_core::{
    Accessibility, Address, AgeOf, Attribute, Constraint, CostOption, Directory, Eligibility,
    Frequency, IncomeLimit, Language, Location, Organization, Phone, RequiredDocument, Schedule,
    Service, ServiceArea, ServiceAtLocation, TaxonomyTerm,
};

use crate::ids::{child_id, stable_id};
use crate::read::fields::{is_email, is_uri};

/// Name of the taxonomy carenav's eligibility attributes belong to.
pub const ELIGIBILITY_TAXONOMY: &str = "carenav-eligibility";
/// Extension property of an eligibility attribute holding carenav's evidence.
pub(crate) const EVIDENCE_FIELD: &str = "carenav_evidence";
/// Extension property of a service listing HSDS fields the exporter derived.
pub(crate) const DERIVED_FIELD: &str = "carenav_derived";

/// The id of carenav's eligibility term with this code.
pub(crate) fn eligibility_term_id(code: &str) -> String {
    stable_id(ELIGIBILITY_TAXONOMY, code)
}

/// Builds a JSON object, leaving out absent and empty values.
#[derive(Default)]
struct Obj(Map<String, Value>);

impl Obj {
    fn text(mut self, key: &str, value: &str) -> Self {
        self.0
            .insert(key.to_owned(), Value::String(value.to_owned()));
        self
    }

    fn opt(self, key: &str, value: Option<&str>) -> Self {
        match value {
            Some(v) => self.text(key, v),
            None => self,
        }
    }

    fn num(mut self, key: &str, value: Option<f64>) -> Self {
        if let Some(n) = value.and_then(Number::from_f64) {
            self.0.insert(key.to_owned(), Value::Number(n));
        }
        self
    }

    fn display(self, key: &str, value: Option<impl ToString>) -> Self {
        match value {
            Some(v) => self.text(key, &v.to_string()),
            None => self,
        }
    }

    fn list(mut self, key: &str, items: Vec<Value>) -> Self {
        if !items.is_empty() {
            self.0.insert(key.to_owned(), Value::Array(items));
        }
        self
    }

    fn value(mut self, key: &str, value: Value) -> Self {
        self.0.insert(key.to_owned(), value);
        self
    }

    fn done(self) -> Value {
        Value::Object(self.0)
    }
}

/// A web address HSDS accepts (`format: uri`): as given, with `http://`
/// added when only the scheme is missing, or none.
fn uri(value: Option<&str>) -> Option<String> {
    let value = value?.trim();
    if is_uri(value) {
        return Some(value.to_owned());
    }
    let fixed = format!("http://{value}");
    (value.contains('.') && !value.contains("://") && is_uri(&fixed)).then_some(fixed)
}

/// An email HSDS accepts (`format: email`), or none.
fn email(value: Option<&str>) -> Option<String> {
    value
        .map(str::trim)
        .filter(|v| is_email(v))
        .map(str::to_owned)
}

fn id_or_mint(id: Option<&String>, parent: &str, kind: &str, index: usize) -> String {
    id.cloned().unwrap_or_else(|| child_id(parent, kind, index))
}

fn each<T>(parent: &str, items: &[T], f: fn(&str, usize, &T) -> Value) -> Vec<Value> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| f(parent, i, item))
        .collect()
}

fn phone(parent: &str, i: usize, p: &Phone) -> Value {
    let mut obj = Obj::default()
        .text("id", &id_or_mint(p.id.as_ref(), parent, "phone", i))
        .text("number", &p.number)
        .opt("type", p.kind.as_deref());
    let mut description = p.description.clone();
    if let Some(ext) = &p.extension {
        // HSDS types the extension as a number; a non-numeric one (from a
        // legacy export) goes to the description rather than be lost.
        if let Ok(n) = ext.trim().parse::<i64>() {
            obj = obj.value("extension", Value::from(n));
        } else if let Some(n) = ext.trim().parse::<f64>().ok().and_then(Number::from_f64) {
            obj = obj.value("extension", Value::Number(n));
        } else {
            let note = format!("extension {ext}");
            description = Some(match description {
                Some(d) => format!("{d} ({note})"),
                None => note,
            });
        }
    }
    obj.opt("description", description.as_deref()).done()
}

fn schedule(parent: &str, i: usize, s: &Schedule) -> Value {
    Obj::default()
        .text("id", &id_or_mint(s.id.as_ref(), parent, "schedule", i))
        .opt(
            "freq",
            s.freq.map(|f| match f {
                Frequency::Weekly => "WEEKLY",
                Frequency::Monthly => "MONTHLY",
            }),
        )
        .opt("byday", s.byday.as_deref())
        .opt("bymonthday", s.bymonthday.as_deref())
        .display("opens_at", s.opens_at)
        .display("closes_at", s.closes_at)
        .display("valid_from", s.valid_from)
        .display("valid_to", s.valid_to)
        .num("timezone", s.timezone)
        .opt("description", s.description.as_deref())
        .opt("notes", s.notes.as_deref())
        .done()
}

fn language(parent: &str, i: usize, l: &Language) -> Value {
    Obj::default()
        .text("id", &id_or_mint(l.id.as_ref(), parent, "language", i))
        .opt("name", l.name.as_deref())
        .opt("code", l.code.as_deref())
        .opt("note", l.note.as_deref())
        .done()
}

fn service_area(parent: &str, i: usize, a: &ServiceArea) -> Value {
    Obj::default()
        .text("id", &id_or_mint(a.id.as_ref(), parent, "service_area", i))
        .opt("name", a.name.as_deref())
        .opt("description", a.description.as_deref())
        .opt("extent", a.extent.as_deref())
        .opt("extent_type", a.extent_type.as_deref())
        .opt("uri", a.uri.as_deref())
        .done()
}

fn cost_option(parent: &str, i: usize, c: &CostOption) -> Value {
    Obj::default()
        .text("id", &id_or_mint(c.id.as_ref(), parent, "cost_option", i))
        .opt("option", c.option.as_deref())
        .opt("currency", c.currency.as_deref())
        .num("amount", c.amount)
        .opt("amount_description", c.amount_description.as_deref())
        .display("valid_from", c.valid_from)
        .display("valid_to", c.valid_to)
        .done()
}

fn required_document(parent: &str, i: usize, d: &RequiredDocument) -> Value {
    Obj::default()
        .text(
            "id",
            &id_or_mint(d.id.as_ref(), parent, "required_document", i),
        )
        .text("document", &d.document)
        .opt("uri", uri(d.uri.as_deref()).as_deref())
        .done()
}

fn address(parent: &str, i: usize, a: &Address) -> Value {
    Obj::default()
        .text("id", &id_or_mint(a.id.as_ref(), parent, "address", i))
        .opt("attention", a.attention.as_deref())
        .text("address_1", &a.address_1)
        .opt("address_2", a.address_2.as_deref())
        .text("city", &a.city)
        .opt("region", a.region.as_deref())
        .text("state_province", &a.state_province)
        .text("postal_code", &a.postal_code)
        .text("country", &a.country)
        .text("address_type", a.address_type.as_str())
        .done()
}

fn accessibility(parent: &str, i: usize, a: &Accessibility) -> Value {
    Obj::default()
        .text("id", &id_or_mint(a.id.as_ref(), parent, "accessibility", i))
        .opt("description", a.description.as_deref())
        .opt("details", a.details.as_deref())
        .opt("url", uri(a.url.as_deref()).as_deref())
        .done()
}

fn organization(o: &Organization, unlinked: &[&Location]) -> Value {
    Obj::default()
        .text("id", &o.id)
        .text("name", &o.name)
        .opt("alternate_name", o.alternate_name.as_deref())
        .text("description", &o.description)
        .opt("email", email(o.email.as_deref()).as_deref())
        .opt("website", uri(o.website.as_deref()).as_deref())
        .opt("legal_status", o.legal_status.as_deref())
        .opt("tax_id", o.tax_id.as_deref())
        // Same plausibility rule as the importer: a bogus year is left out.
        .num(
            "year_incorporated",
            o.year_incorporated
                .filter(|y| (1000..=9999).contains(y))
                .map(f64::from),
        )
        .list("phones", each(&o.id, &o.phones, phone))
        .list("locations", unlinked.iter().map(|l| location(l)).collect())
        .done()
}

fn location(l: &Location) -> Value {
    Obj::default()
        .text("id", &l.id)
        .text("location_type", l.location_type.as_str())
        .opt("url", uri(l.url.as_deref()).as_deref())
        .opt("organization_id", l.organization_id.as_deref())
        .opt("name", l.name.as_deref())
        .opt("alternate_name", l.alternate_name.as_deref())
        .opt("description", l.description.as_deref())
        .opt("transportation", l.transportation.as_deref())
        .num("latitude", l.point.map(|p| p.latitude))
        .num("longitude", l.point.map(|p| p.longitude))
        .list("languages", each(&l.id, &l.languages, language))
        .list("addresses", each(&l.id, &l.addresses, address))
        .list(
            "accessibility",
            each(&l.id, &l.accessibility, accessibility),
        )
        .list("phones", each(&l.id, &l.phones, phone))
        .list("schedules", each(&l.id, &l.schedules, schedule))
        .done()
}

fn link(sal: &ServiceAtLocation, loc: Option<&Location>) -> Value {
    let mut obj = Obj::default()
        .text("id", &sal.id)
        .text("service_id", &sal.service_id)
        .text("location_id", &sal.location_id)
        .opt("description", sal.description.as_deref())
        .list("phones", each(&sal.id, &sal.phones, phone))
        .list("schedules", each(&sal.id, &sal.schedules, schedule));
    if let Some(loc) = loc {
        obj = obj.value("location", location(loc));
    }
    obj.done()
}

fn term(t: &TaxonomyTerm) -> Value {
    Obj::default()
        .text("id", &t.id)
        .opt("code", t.code.as_deref())
        .text("name", &t.name)
        .text("description", &t.description)
        .opt("parent_id", t.parent_id.as_deref())
        .opt("taxonomy", t.taxonomy.as_deref())
        .done()
}

/// One eligibility attribute before it gets its id.
struct Coded {
    code: String,
    value: Option<String>,
    evidence: Option<Value>,
}

fn coded(code: impl Into<String>, value: Option<String>, evidence: Option<Value>) -> Coded {
    Coded {
        code: code.into(),
        value,
        evidence,
    }
}

/// The restriction's value and its evidence as JSON, or the unknown text.
fn split<T>(c: &Constraint<T>) -> Option<Result<(&T, Option<Value>), &str>> {
    match c {
        Constraint::Open => None,
        Constraint::Restricted { value, evidence } => {
            Some(Ok((value, serde_json::to_value(evidence).ok())))
        }
        Constraint::Unknown { text } => Some(Err(text)),
    }
}

fn age_value(min: Option<f64>, max: Option<f64>) -> String {
    let end = |v: Option<f64>| v.map(|n| n.to_string()).unwrap_or_default();
    format!("{}..{}", end(min), end(max))
}

/// carenav's eligibility as coded attributes (see the module docs).
fn eligibility_codes(e: &Eligibility) -> Vec<Coded> {
    let mut out = Vec::new();
    if e.is_open() {
        out.push(coded("open", None, None));
        return out;
    }
    let unknown =
        |dim: &str, text: &str| coded(format!("{dim}:unknown"), Some(text.to_owned()), None);
    match split(&e.age) {
        Some(Ok((range, ev))) => {
            let of = match range.of {
                AgeOf::Client => "age:client",
                AgeOf::Child => "age:child",
            };
            out.push(coded(of, Some(age_value(range.min, range.max)), ev));
        }
        Some(Err(text)) => out.push(unknown("age", text)),
        None => {}
    }
    match split(&e.gender) {
        Some(Ok((g, ev))) => out.push(coded(format!("gender:{}", g.code()), None, ev)),
        Some(Err(text)) => out.push(unknown("gender", text)),
        None => {}
    }
    match split(&e.income) {
        Some(Ok((limit, ev))) => {
            let (code, value) = match limit {
                IncomeLimit::PercentOfPoverty(n) => {
                    ("income:percent-of-poverty", Some(n.to_string()))
                }
                IncomeLimit::MonthlyDollars(n) => ("income:monthly-dollars", Some(n.to_string())),
                IncomeLimit::AnnualDollars(n) => ("income:annual-dollars", Some(n.to_string())),
                IncomeLimit::LowIncome => ("income:low-income", None),
                // "1:39600,2:45250,+:5650": size and annual dollars, per
                // size, then what each additional person adds.
                IncomeLimit::AnnualByHouseholdSize(table) => (
                    "income:annual-by-household-size",
                    Some(
                        table
                            .limits
                            .iter()
                            .map(|l| format!("{}:{}", l.size, l.annual_dollars))
                            .chain(table.each_additional.map(|each| format!("+:{each}")))
                            .collect::<Vec<_>>()
                            .join(","),
                    ),
                ),
            };
            out.push(coded(code, value, ev));
        }
        Some(Err(text)) => out.push(unknown("income", text)),
        None => {}
    }
    match split(&e.populations) {
        Some(Ok((list, ev))) => {
            for s in list {
                out.push(coded(format!("population:{}", s.code()), None, ev.clone()));
            }
        }
        Some(Err(text)) => out.push(unknown("population", text)),
        None => {}
    }
    match split(&e.residency) {
        Some(Ok((areas, ev))) => {
            for area in areas {
                out.push(coded("residency", Some(area.clone()), ev.clone()));
            }
        }
        Some(Err(text)) => out.push(unknown("residency", text)),
        None => {}
    }
    for text in &e.to_verify {
        out.push(coded("to-verify", Some(text.clone()), None));
    }
    for r in &e.requirements {
        out.push(coded(
            format!("requirement:{}", r.kind.code()),
            Some(r.text.clone()),
            None,
        ));
    }
    if e.agency_only {
        out.push(coded("agency-only", None, None));
    }
    out
}

/// A name and description for an eligibility term, for people reading the export.
fn eligibility_term(code: &str) -> Value {
    let name = match code.split_once(':') {
        Some(("population", s)) => carenav_core::Situation::parse(s)
            .map(|s| s.label().to_owned())
            .unwrap_or_else(|| s.to_owned()),
        Some((dim, "unknown")) => format!("{dim} restriction to verify"),
        Some((dim, what)) => format!("{dim}: {what}"),
        None => code.replace('-', " "),
    };
    Obj::default()
        .text("id", &eligibility_term_id(code))
        .text("code", code)
        .text("name", &name)
        .text(
            "description",
            "carenav structured eligibility; the attribute value carries the parameter",
        )
        .text("taxonomy", ELIGIBILITY_TAXONOMY)
        .done()
}

fn attributes(s: &Service, terms: &HashMap<&str, &TaxonomyTerm>) -> Vec<Value> {
    let is_ours = |a: &&Attribute| {
        terms
            .get(a.taxonomy_term_id.as_str())
            .is_some_and(|t| t.taxonomy.as_deref() == Some(ELIGIBILITY_TAXONOMY))
    };
    let mut out = Vec::new();
    // Attributes coded from an earlier export are re-coded from `eligibility`.
    for a in s.attributes.iter().filter(|a| !is_ours(a)) {
        let i = out.len();
        let mut obj = Obj::default()
            .text("id", &id_or_mint(a.id.as_ref(), &s.id, "attribute", i))
            .text("link_id", &s.id)
            .text("link_entity", "service")
            .text("taxonomy_term_id", &a.taxonomy_term_id)
            .opt("value", a.value.as_deref());
        if let Some(t) = terms.get(a.taxonomy_term_id.as_str()) {
            obj = obj.value("taxonomy_term", term(t));
        }
        out.push(obj.done());
    }
    for c in eligibility_codes(&s.eligibility) {
        let i = out.len();
        let mut obj = Obj::default()
            .text("id", &child_id(&s.id, "attribute", i))
            .text("link_id", &s.id)
            .text("link_type", "eligibility")
            .text("link_entity", "service")
            .text("taxonomy_term_id", &eligibility_term_id(&c.code))
            .opt("value", c.value.as_deref())
            .value("taxonomy_term", eligibility_term(&c.code));
        if let Some(ev) = c.evidence {
            obj = obj.value(EVIDENCE_FIELD, ev);
        }
        out.push(obj.done());
    }
    out
}

struct Index<'d> {
    organizations: HashMap<&'d str, &'d Organization>,
    locations: HashMap<&'d str, &'d Location>,
    terms: HashMap<&'d str, &'d TaxonomyTerm>,
    links: HashMap<&'d str, Vec<&'d ServiceAtLocation>>,
    /// Locations no link names, by organization.
    unlinked: HashMap<&'d str, Vec<&'d Location>>,
}

impl<'d> Index<'d> {
    fn new(d: &'d Directory) -> Self {
        let mut links: HashMap<&str, Vec<&ServiceAtLocation>> = HashMap::new();
        for sal in &d.service_at_locations {
            links.entry(sal.service_id.as_str()).or_default().push(sal);
        }
        let linked: std::collections::HashSet<&str> = d
            .service_at_locations
            .iter()
            .map(|l| l.location_id.as_str())
            .collect();
        let mut unlinked: HashMap<&str, Vec<&Location>> = HashMap::new();
        for l in &d.locations {
            if let Some(org) = l
                .organization_id
                .as_deref()
                .filter(|_| !linked.contains(l.id.as_str()))
            {
                unlinked.entry(org).or_default().push(l);
            }
        }
        Index {
            unlinked,
            organizations: d.organizations.iter().map(|o| (o.id.as_str(), o)).collect(),
            locations: d.locations.iter().map(|l| (l.id.as_str(), l)).collect(),
            terms: d
                .taxonomy_terms
                .iter()
                .map(|t| (t.id.as_str(), t))
                .collect(),
            links,
        }
    }
}

/// `first_of_org`: whether this is the first service of its organization,
/// which carries the organization's unlinked locations.
fn service(s: &Service, ix: &Index<'_>, first_of_org: bool) -> Value {
    // A client age range carenav read (from text) fills HSDS's age fields
    // when the source had none, so plain HSDS consumers see it too.
    let mut derived = Vec::new();
    let (mut minimum_age, mut maximum_age) = (s.minimum_age, s.maximum_age);
    if let Some(range) = s.eligibility.age.value().filter(|r| r.of == AgeOf::Client) {
        if minimum_age.is_none() && range.min.is_some() {
            minimum_age = range.min;
            derived.push(Value::from("minimum_age"));
        }
        if maximum_age.is_none() && range.max.is_some() {
            maximum_age = range.max;
            derived.push(Value::from("maximum_age"));
        }
    }
    let links = ix
        .links
        .get(s.id.as_str())
        .map(Vec::as_slice)
        .unwrap_or_default();
    let mut obj = Obj::default()
        .text("id", &s.id)
        .text("organization_id", &s.organization_id)
        .text("name", &s.name)
        .opt("alternate_name", s.alternate_name.as_deref())
        .opt("description", s.description.as_deref())
        .opt("url", uri(s.url.as_deref()).as_deref())
        .opt("email", email(s.email.as_deref()).as_deref())
        .text("status", s.status.as_str())
        .opt(
            "interpretation_services",
            s.interpretation_services.as_deref(),
        )
        .opt("application_process", s.application_process.as_deref())
        .opt("fees_description", s.fees_description.as_deref())
        .opt("wait_time", s.wait_time.as_deref())
        .opt(
            "eligibility_description",
            s.eligibility_description.as_deref(),
        )
        .num("minimum_age", minimum_age)
        .num("maximum_age", maximum_age)
        .display("assured_date", s.assured_date)
        .opt(
            "assurer_email",
            email(s.assurer_email.as_deref()).as_deref(),
        )
        .opt("alert", s.alert.as_deref())
        .opt("last_modified", s.last_modified.as_deref())
        .list("phones", each(&s.id, &s.phones, phone))
        .list("schedules", each(&s.id, &s.schedules, schedule))
        .list("service_areas", each(&s.id, &s.service_areas, service_area))
        .list(
            "service_at_locations",
            links
                .iter()
                .map(|sal| link(sal, ix.locations.get(sal.location_id.as_str()).copied()))
                .collect(),
        )
        .list("languages", each(&s.id, &s.languages, language))
        .list("cost_options", each(&s.id, &s.cost_options, cost_option))
        .list(
            "required_documents",
            each(&s.id, &s.required_documents, required_document),
        )
        .list("attributes", attributes(s, &ix.terms))
        .list(DERIVED_FIELD, derived);
    if let Some(org) = ix.organizations.get(s.organization_id.as_str()) {
        let unlinked = match ix.unlinked.get(org.id.as_str()) {
            Some(list) if first_of_org => list.as_slice(),
            _ => &[],
        };
        obj = obj.value("organization", organization(org, unlinked));
    }
    obj.done()
}

/// The directory as HSDS 3.0 nested service objects, one per service, in
/// directory order.
pub fn to_hsds_services(directory: &Directory) -> Vec<Value> {
    let ix = Index::new(directory);
    let mut seen = std::collections::HashSet::new();
    directory
        .services
        .iter()
        .map(|s| service(s, &ix, seen.insert(s.organization_id.as_str())))
        .collect()
}

/// Writes the directory as a JSON array of HSDS services, one service per line.
pub fn write_json<W: Write>(directory: &Directory, mut writer: W) -> io::Result<()> {
    writer.write_all(b"[")?;
    for (i, value) in to_hsds_services(directory).iter().enumerate() {
        writer.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut writer, value)?;
    }
    writer.write_all(b"\n]\n")?;
    writer.flush()
}

/// Writes the directory as NDJSON: one HSDS service object per line.
pub fn write_ndjson<W: Write>(directory: &Directory, mut writer: W) -> io::Result<()> {
    for value in to_hsds_services(directory) {
        serde_json::to_writer(&mut writer, &value)?;
        writer.write_all(b"\n")?;
    }
    writer.flush()
}
