//! HSDS 3.0 tabular data packages: `datapackage.json` plus one CSV per table.
//!
//! Each row becomes a flat JSON object (cells typed per the descriptor's
//! field types, empty cells absent) and goes through the same readers as the
//! nested JSON, so the checks are identical; issues name the CSV file and
//! `row N` (the line the row starts on, the header being row 1). Child rows
//! are then attached to their parents by the `*_id` columns; an id that
//! points at no row is a [`IssueKind::DanglingReference`].

use std::collections::HashMap;
use std::path::Path;

use serde_json::{Map, Number, Value};

use carenav_core::{Location, Organization, ServiceAtLocation};

use super::entities::{self, AttributeRead, ServiceRead, obj};
use super::fields::{Rec, Sink};
use super::{Builder, Origin};
use crate::error::{Issue, IssueKind, LoadError};

/// Columns typed `number` by HSDS 3.0, for a descriptor that does not say.
const NUMBER_COLUMNS: &[&str] = &[
    "latitude",
    "longitude",
    "minimum_age",
    "maximum_age",
    "amount",
    "timezone",
    "extension",
    "year_incorporated",
    "count",
    "interval",
];

/// A resource of the descriptor: where its CSV is and its column types.
#[derive(Debug, Default)]
struct Resource {
    path: Option<String>,
    types: HashMap<String, String>,
}

/// A CSV table read into flat objects.
struct Table {
    file: String,
    rows: Vec<(String, Map<String, Value>)>,
}

fn read_descriptor(dir: &Path, sink: &mut Sink) -> Result<HashMap<String, Resource>, LoadError> {
    let path = dir.join("datapackage.json");
    let bytes = std::fs::read(&path).map_err(|source| LoadError::Io {
        path: path.clone(),
        source,
    })?;
    let file = path.display().to_string();
    let value: Value = match serde_json::from_slice(&bytes) {
        Ok(v) => v,
        Err(err) => {
            sink.report(Issue {
                file,
                record: None,
                field: None,
                kind: IssueKind::Syntax,
                message: format!(
                    "descriptor unreadable at line {}, column {}: {err}; using HSDS's default table names",
                    err.line(),
                    err.column()
                ),
            })?;
            return Ok(HashMap::new());
        }
    };
    let mut resources = HashMap::new();
    for r in value
        .get("resources")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let Some(name) = r.get("name").and_then(Value::as_str) else {
            continue;
        };
        let fields = r.pointer("/schema/fields").and_then(Value::as_array);
        let types = fields
            .into_iter()
            .flatten()
            .filter_map(|f| {
                let name = f.get("name")?.as_str()?;
                let ty = f.get("type")?.as_str()?;
                Some((name.to_owned(), ty.to_owned()))
            })
            .collect();
        let path = r.get("path").and_then(Value::as_str).map(str::to_owned);
        resources.insert(name.to_owned(), Resource { path, types });
    }
    Ok(resources)
}

/// A typed cell: numbers parsed per the column type (a bad number stays text
/// so the reader reports its type), everything else text.
fn cell(
    rec: &mut Rec<'_>,
    column: &str,
    text: String,
    ty: Option<&str>,
) -> Result<Option<Value>, Issue> {
    let numeric = match ty {
        Some(t) => t == "number" || t == "integer",
        None => NUMBER_COLUMNS.contains(&column),
    };
    if !numeric {
        return Ok(Some(Value::String(text)));
    }
    let trimmed = text.trim();
    if let Ok(n) = trimmed.parse::<i64>() {
        return Ok(Some(Value::from(n)));
    }
    match trimmed.parse::<f64>() {
        Ok(n) => match Number::from_f64(n) {
            Some(n) => Ok(Some(Value::Number(n))),
            None => {
                rec.issue(
                    Some(column.to_owned()),
                    IssueKind::OutOfRange,
                    format!("{trimmed:?} is not a finite number; field ignored"),
                )?;
                Ok(None)
            }
        },
        Err(_) => Ok(Some(Value::String(text))),
    }
}

fn read_table(
    dir: &Path,
    name: &str,
    resources: &HashMap<String, Resource>,
    sink: &mut Sink,
) -> Result<Option<Table>, LoadError> {
    let resource = resources.get(name);
    let mut candidates: Vec<String> = resource.and_then(|r| r.path.clone()).into_iter().collect();
    candidates.push(format!("{name}s.csv"));
    candidates.push(format!("{name}.csv"));
    let Some(path) = candidates.iter().map(|c| dir.join(c)).find(|p| p.is_file()) else {
        return Ok(None);
    };
    let bytes = std::fs::read(&path).map_err(|source| LoadError::Io {
        path: path.clone(),
        source,
    })?;
    let file = path.display().to_string();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(bytes.as_slice());
    let headers: Vec<String> = match reader.byte_headers() {
        Ok(h) => h
            .iter()
            .map(|b| String::from_utf8_lossy(b).trim().to_owned())
            .collect(),
        Err(err) => {
            sink.report(Issue {
                file,
                record: Some("row 1".to_owned()),
                field: None,
                kind: IssueKind::Syntax,
                message: format!("unreadable header: {err}; table skipped"),
            })?;
            return Ok(None);
        }
    };
    let mut rows = Vec::new();
    for result in reader.byte_records() {
        let (line, record) = match result {
            Ok(record) => (row_of(&bytes, record.position()), record),
            Err(err) => {
                let line = row_of(&bytes, err.position());
                sink.report(Issue {
                    file: file.clone(),
                    record: Some(format!("row {line}")),
                    field: None,
                    kind: IssueKind::Syntax,
                    message: format!("{err}; row skipped"),
                })?;
                continue;
            }
        };
        let mut rec = Rec {
            sink,
            file: &file,
            record: format!("row {line}"),
        };
        if record.len() != headers.len() {
            let msg = format!(
                "row has {} cells, the header {}; row skipped",
                record.len(),
                headers.len()
            );
            rec.issue(None, IssueKind::Syntax, msg)?;
            continue;
        }
        let mut map = Map::new();
        for (column, raw) in headers.iter().zip(record.iter()) {
            if raw.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let text = match std::str::from_utf8(raw) {
                Ok(t) => t.to_owned(),
                Err(_) => {
                    rec.issue(
                        Some(column.clone()),
                        IssueKind::Encoding,
                        "invalid UTF-8; bad bytes replaced with U+FFFD",
                    )?;
                    String::from_utf8_lossy(raw).into_owned()
                }
            };
            let ty = resource
                .and_then(|r| r.types.get(column))
                .map(String::as_str);
            if let Some(value) = cell(&mut rec, column, text, ty)? {
                map.insert(column.clone(), value);
            }
        }
        rows.push((rec.record, map));
    }
    Ok(Some(Table { file, rows }))
}

/// The line a row starts on (the header is row 1), counted from its byte
/// offset because quoted cells may span lines.
fn row_of(bytes: &[u8], position: Option<&csv::Position>) -> usize {
    let mut at = position.map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
    // With CRLF endings a record's recorded start may sit on the `\n` of the
    // previous line's terminator.
    while bytes.get(at).is_some_and(|b| *b == b'\r' || *b == b'\n') {
        at += 1;
    }
    super::line_of(bytes, at)
}

/// What a child row can hang from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Parent {
    Service,
    Location,
    Organization,
    Link,
}

/// Ids of the parent records, per kind.
#[derive(Default)]
struct Ids(HashMap<(Parent, String), ()>);

impl Ids {
    fn has(&self, parent: Parent, id: &str) -> bool {
        self.0.contains_key(&(parent, id.to_owned()))
    }

    fn add(&mut self, parent: Parent, id: &str) {
        self.0.insert((parent, id.to_owned()), ());
    }
}

/// Child records grouped by parent.
struct Attached<T>(HashMap<(Parent, String), Vec<T>>);

impl<T> Attached<T> {
    fn take(&mut self, parent: Parent, id: &str) -> Vec<T> {
        self.0.remove(&(parent, id.to_owned())).unwrap_or_default()
    }
}

/// Reads a child table, attaching each row to every parent its `*_id`
/// columns name (HSDS lets one phone serve a service and a location).
fn attach<T: Clone>(
    sink: &mut Sink,
    table: Option<&Table>,
    read: fn(&mut Rec<'_>, super::fields::Obj<'_>) -> Result<Option<T>, Issue>,
    keys: &[(&str, Parent)],
    ids: &Ids,
) -> Result<Attached<T>, Issue> {
    let mut out: HashMap<(Parent, String), Vec<T>> = HashMap::new();
    let Some(table) = table else {
        return Ok(Attached(out));
    };
    for (label, map) in &table.rows {
        let mut rec = Rec {
            sink,
            file: &table.file,
            record: label.clone(),
        };
        let o = obj(map, "");
        let Some(item) = read(&mut rec, o)? else {
            continue;
        };
        let mut linked = false;
        let mut named = false;
        for &(column, parent) in keys {
            let Some(id) = rec.opt_id(o, column)? else {
                continue;
            };
            named = true;
            if ids.has(parent, &id) {
                out.entry((parent, id)).or_default().push(item.clone());
                linked = true;
            } else {
                rec.issue(
                    Some(column.to_owned()),
                    IssueKind::DanglingReference,
                    format!("{id} is not in the input; link ignored"),
                )?;
            }
        }
        if !named && !linked {
            let columns: Vec<&str> = keys.iter().map(|k| k.0).collect();
            rec.issue(
                None,
                IssueKind::Skipped,
                format!("row names none of {}; skipped", columns.join(", ")),
            )?;
        }
    }
    Ok(Attached(out))
}

/// Loads a tabular package into `builder`; returns the number of service rows.
pub(super) fn load_package(
    dir: &Path,
    sink: &mut Sink,
    builder: &mut Builder,
) -> Result<usize, LoadError> {
    let resources = read_descriptor(dir, sink)?;
    let mut tables = HashMap::new();
    for name in [
        "service",
        "organization",
        "location",
        "service_at_location",
        "phone",
        "schedule",
        "address",
        "language",
        "accessibility",
        "service_area",
        "cost_option",
        "required_document",
        "attribute",
        "taxonomy_term",
        "taxonomy",
    ] {
        if let Some(table) = read_table(dir, name, &resources, sink)? {
            tables.insert(name, table);
        }
    }
    let Some(services_table) = tables.get("service") else {
        return Ok(0);
    };
    let seen = services_table.rows.len();
    join(sink, builder, &tables)?;
    Ok(seen)
}

fn rows<'t>(
    tables: &'t HashMap<&str, Table>,
    name: &str,
) -> impl Iterator<Item = (&'t str, &'t str, &'t Map<String, Value>)> {
    tables.get(name).into_iter().flat_map(|t| {
        t.rows
            .iter()
            .map(move |(label, map)| (t.file.as_str(), label.as_str(), map))
    })
}

fn join(sink: &mut Sink, b: &mut Builder, tables: &HashMap<&str, Table>) -> Result<(), Issue> {
    // Taxonomy names, for terms that give only `taxonomy_id`.
    let mut taxonomy_names = HashMap::new();
    for (_, _, map) in rows(tables, "taxonomy") {
        if let (Some(Value::String(id)), Some(Value::String(name))) =
            (map.get("id"), map.get("name"))
        {
            taxonomy_names.insert(id.clone(), name.clone());
        }
    }
    for (file, label, map) in rows(tables, "taxonomy_term") {
        let mut rec = Rec {
            sink,
            file,
            record: label.to_owned(),
        };
        if let Some(mut term) = entities::read_term(&mut rec, obj(map, ""))? {
            if term.taxonomy.is_none()
                && let Some(Value::String(tid)) = map.get("taxonomy_id")
            {
                term.taxonomy = taxonomy_names.get(tid).cloned();
            }
            b.add_term(term);
        }
    }

    let mut ids = Ids::default();
    let mut organizations: Vec<Organization> = Vec::new();
    for (file, label, map) in rows(tables, "organization") {
        let mut rec = Rec {
            sink,
            file,
            record: label.to_owned(),
        };
        if let Some(org) = entities::read_organization(&mut rec, obj(map, ""))? {
            ids.add(Parent::Organization, &org.id);
            organizations.push(org);
        }
    }
    let mut locations: Vec<(Origin, Location)> = Vec::new();
    for (file, label, map) in rows(tables, "location") {
        let mut rec = Rec {
            sink,
            file,
            record: label.to_owned(),
        };
        if let Some(loc) = entities::read_location(&mut rec, obj(map, ""))? {
            ids.add(Parent::Location, &loc.id);
            locations.push((Origin::of(&rec), loc));
        }
    }
    let mut services: Vec<(Origin, ServiceRead)> = Vec::new();
    for (file, label, map) in rows(tables, "service") {
        let mut rec = Rec {
            sink,
            file,
            record: label.to_owned(),
        };
        if let Some(read) = entities::read_service(&mut rec, obj(map, ""))? {
            ids.add(Parent::Service, &read.service.id);
            services.push((Origin::of(&rec), read));
        }
    }
    let mut links: Vec<(Origin, ServiceAtLocation)> = Vec::new();
    for (file, label, map) in rows(tables, "service_at_location") {
        let mut rec = Rec {
            sink,
            file,
            record: label.to_owned(),
        };
        let o = obj(map, "");
        let id = rec.req_id(o, "id", "service_at_location")?;
        let service_id = rec.req_id(o, "service_id", "service_at_location")?;
        let location_id = rec.req_id(o, "location_id", "service_at_location")?;
        let description = rec.opt_str(o, "description")?;
        let (Some(id), Some(service_id), Some(location_id)) = (id, service_id, location_id) else {
            continue;
        };
        if !ids.has(Parent::Service, &service_id) {
            let msg = format!("service {service_id} is not in the input; link skipped");
            rec.issue(
                Some("service_id".to_owned()),
                IssueKind::DanglingReference,
                msg,
            )?;
            continue;
        }
        ids.add(Parent::Link, &id);
        let link = ServiceAtLocation {
            id,
            service_id,
            location_id,
            description,
            phones: Vec::new(),
            schedules: Vec::new(),
        };
        links.push((Origin::of(&rec), link));
    }

    use Parent::{Link, Location as Loc, Organization as Org, Service as Svc};
    let t = |name: &str| tables.get(name);
    let mut phones = attach(
        sink,
        t("phone"),
        entities::read_phone,
        &[
            ("service_id", Svc),
            ("location_id", Loc),
            ("organization_id", Org),
            ("service_at_location_id", Link),
        ],
        &ids,
    )?;
    let mut schedules = attach(
        sink,
        t("schedule"),
        entities::read_schedule,
        &[
            ("service_id", Svc),
            ("location_id", Loc),
            ("service_at_location_id", Link),
        ],
        &ids,
    )?;
    let mut languages = attach(
        sink,
        t("language"),
        entities::read_language,
        &[("service_id", Svc), ("location_id", Loc)],
        &ids,
    )?;
    let svc_only = [("service_id", Svc)];
    let loc_only = [("location_id", Loc)];
    let mut areas = attach(
        sink,
        t("service_area"),
        entities::read_service_area,
        &svc_only,
        &ids,
    )?;
    let mut costs = attach(
        sink,
        t("cost_option"),
        entities::read_cost_option,
        &svc_only,
        &ids,
    )?;
    let mut documents = attach(
        sink,
        t("required_document"),
        entities::read_required_document,
        &svc_only,
        &ids,
    )?;
    let mut addresses = attach(sink, t("address"), entities::read_address, &loc_only, &ids)?;
    let mut access = attach(
        sink,
        t("accessibility"),
        entities::read_accessibility,
        &loc_only,
        &ids,
    )?;
    let mut attributes = read_attributes(sink, t("attribute"), &ids)?;

    for mut org in organizations {
        org.phones = phones.take(Org, &org.id);
        b.add_organization(org);
    }
    for (origin, mut loc) in locations {
        loc.addresses = addresses.take(Loc, &loc.id);
        loc.phones = phones.take(Loc, &loc.id);
        loc.schedules = schedules.take(Loc, &loc.id);
        loc.languages = languages.take(Loc, &loc.id);
        loc.accessibility = access.take(Loc, &loc.id);
        let rec = Rec {
            sink,
            file: &origin.file,
            record: origin.record.clone(),
        };
        b.add_location(&rec, loc);
    }
    for (origin, mut read) in services {
        let s = &mut read.service;
        let id = s.id.clone();
        s.phones = phones.take(Svc, &id);
        s.schedules = schedules.take(Svc, &id);
        s.languages = languages.take(Svc, &id);
        s.service_areas = areas.take(Svc, &id);
        s.cost_options = costs.take(Svc, &id);
        s.required_documents = documents.take(Svc, &id);
        read.attributes = attributes.remove(&id).unwrap_or_default();
        let mut rec = Rec {
            sink,
            file: &origin.file,
            record: origin.record.clone(),
        };
        b.add_service(&mut rec, read)?;
    }
    for (origin, mut link) in links {
        link.phones = phones.take(Link, &link.id);
        link.schedules = schedules.take(Link, &link.id);
        let mut rec = Rec {
            sink,
            file: &origin.file,
            record: origin.record.clone(),
        };
        b.add_link(&mut rec, link)?;
    }
    Ok(())
}

/// Tables HSDS can link an attribute to; carenav keeps service attributes only.
const OTHER_ENTITIES: &[&str] = &[
    "organization",
    "program",
    "location",
    "service_at_location",
    "phone",
    "contact",
    "address",
    "schedule",
    "funding",
    "service_area",
    "required_document",
    "language",
    "accessibility",
    "cost_option",
    "organization_identifier",
    "taxonomy_term",
    "metadata",
    "meta_table_description",
];

fn read_attributes(
    sink: &mut Sink,
    table: Option<&Table>,
    ids: &Ids,
) -> Result<HashMap<String, Vec<AttributeRead>>, Issue> {
    let mut out: HashMap<String, Vec<AttributeRead>> = HashMap::new();
    let Some(table) = table else {
        return Ok(out);
    };
    for (label, map) in &table.rows {
        let mut rec = Rec {
            sink,
            file: &table.file,
            record: label.clone(),
        };
        let o = obj(map, "");
        let link_id = rec.req_id(o, "link_id", "attribute")?;
        let entity = rec.opt_str(o, "link_entity")?;
        let Some(read) = entities::read_attribute(&mut rec, o)? else {
            continue;
        };
        let Some(link_id) = link_id else {
            continue;
        };
        if ids.has(Parent::Service, &link_id) {
            out.entry(link_id).or_default().push(read);
        } else if !entity
            .as_deref()
            .is_some_and(|e| OTHER_ENTITIES.contains(&e))
        {
            rec.issue(
                Some("link_id".to_owned()),
                IssueKind::DanglingReference,
                format!("no service has id {link_id}; attribute ignored"),
            )?;
        }
    }
    Ok(out)
}
