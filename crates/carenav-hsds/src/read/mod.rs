//! HSDS 3.0 import: JSON, NDJSON, directories of files, tabular data packages.
//!
//! Input shapes:
//! - a JSON file holding an array of nested service objects, one service
//!   object, or an API page `{"contents": [...]}`;
//! - NDJSON, one service object per line;
//! - a directory of such files (read in name order, not recursively);
//! - a tabular data package: a directory with `datapackage.json` and the CSV
//!   tables its resources name, joined by their `*_id` columns.
//!
//! Every record is validated field by field against HSDS 3.0 (required
//! fields, JSON types, enums, UUID ids, dates, coordinates, ages, a
//! [64 KiB](fields::MAX_FIELD_BYTES) cap per string). Each problem is an
//! [`Issue`] naming the file, the record (its id, or `item N` in a JSON
//! array, `line N` in NDJSON, `row N` in a CSV where the header is row 1) and
//! the field path (`service_at_locations[0].location.latitude`).
//!
//! In [`Mode::Lenient`] a problem in an optional field drops that field; a
//! missing required field or a bad id drops the record (and a service whose
//! organization is gone); everything valid is kept with ids exactly as
//! given, and the problems come back as warnings. Child records (phones,
//! schedules, addresses…) whose id is missing or bad keep their data without
//! an id, since carenav's model does not need one. [`Mode::Strict`] fails on
//! the first problem, except [`IssueKind::Skipped`] notes about valid input
//! carenav cannot represent.
//!
//! The result is normalized: organizations, locations and taxonomy terms
//! appear once (first occurrence wins), services and service-at-location
//! links keep input order, and a second record with an already used service
//! or link id is reported and dropped.

mod eligibility;
mod entities;
pub(crate) mod fields;
mod tabular;

use foldhash::{HashMap, HashSet, HashSetExt};
use std::fmt;
use std::io::Read;
use std::path::Path;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use carenav_core::{Directory, Location, Organization, ServiceAtLocation, TaxonomyTerm};

use crate::error::{Issue, IssueKind, LoadError};
use entities::{AttributeRead, ServiceRead};
use fields::{Obj, Rec, Sink};

/// How to treat problems in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Fail on the first problem.
    Strict,
    /// Keep every valid record; drop bad fields and records with a warning.
    #[default]
    Lenient,
}

/// The syntax of an in-memory input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON document: an array of services, one service, or `{"contents": [...]}`.
    Json,
    /// One service object per line.
    Ndjson,
}

impl Format {
    /// Guesses the format from a file name (`.ndjson`, `.jsonl`) or, failing
    /// that, from the content: a first line that is a whole JSON value
    /// followed by more content means NDJSON.
    pub fn detect(name: &str, bytes: &[u8]) -> Format {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".ndjson") || lower.ends_with(".jsonl") {
            return Format::Ndjson;
        }
        let start = bytes
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .unwrap_or(0);
        let body = bytes.get(start..).unwrap_or_default();
        if body.first() == Some(&b'[') {
            return Format::Json;
        }
        let end = body.iter().position(|&b| b == b'\n').unwrap_or(body.len());
        let (first, rest) = body.split_at(end);
        let first_whole = serde_json::from_slice::<serde::de::IgnoredAny>(first).is_ok();
        if first_whole && rest.iter().any(|b| !b.is_ascii_whitespace()) {
            Format::Ndjson
        } else {
            Format::Json
        }
    }
}

/// A loaded directory and the problems found on the way.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// The normalized directory.
    pub directory: Directory,
    /// Problems found (lenient mode) and notes about skipped input.
    pub warnings: Vec<Issue>,
}

/// Loads HSDS 3.0 from a file (JSON or NDJSON) or a directory (of such
/// files, or a tabular data package with `datapackage.json`).
pub fn load(path: &Path, mode: Mode) -> Result<Loaded, LoadError> {
    let mut sink = Sink::new(mode);
    let mut builder = Builder::default();
    let seen = if path.is_dir() {
        if path.join("datapackage.json").is_file() {
            tabular::load_package(path, &mut sink, &mut builder)?
        } else {
            let mut seen = 0;
            for file in json_files(path)? {
                let bytes = read_file(&file)?;
                let name = file.display().to_string();
                let format = Format::detect(&name, &bytes);
                seen += load_bytes(&mut sink, &mut builder, &name, bytes, format)?;
            }
            seen
        }
    } else {
        let bytes = read_file(path)?;
        let name = path.display().to_string();
        let format = Format::detect(&name, &bytes);
        load_bytes(&mut sink, &mut builder, &name, bytes, format)?
    };
    finish(sink, builder, seen, &path.display().to_string())
}

/// Loads HSDS 3.0 JSON or NDJSON held in memory (e.g. an embedded default
/// directory); `name` stands for the file in issues.
pub fn load_str(name: &str, text: &str, format: Format, mode: Mode) -> Result<Loaded, LoadError> {
    load_bytes_public(name, text.as_bytes().to_vec(), format, mode)
}

/// Loads HSDS 3.0 JSON or NDJSON from a reader; `name` stands for the file
/// in issues. The bytes are read whole, then checked for UTF-8.
pub fn load_reader<R: Read>(
    name: &str,
    mut reader: R,
    format: Format,
    mode: Mode,
) -> Result<Loaded, LoadError> {
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|source| LoadError::Io {
            path: name.into(),
            source,
        })?;
    load_bytes_public(name, bytes, format, mode)
}

fn load_bytes_public(
    name: &str,
    bytes: Vec<u8>,
    format: Format,
    mode: Mode,
) -> Result<Loaded, LoadError> {
    let mut sink = Sink::new(mode);
    let mut builder = Builder::default();
    let seen = load_bytes(&mut sink, &mut builder, name, bytes, format)?;
    finish(sink, builder, seen, name)
}

fn finish(mut sink: Sink, builder: Builder, seen: usize, name: &str) -> Result<Loaded, LoadError> {
    if seen == 0 {
        return Err(LoadError::NoData {
            path: name.to_owned(),
        });
    }
    let directory = builder.finish(&mut sink)?;
    Ok(Loaded {
        directory,
        warnings: sink.warnings,
    })
}

fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })
}

/// The `.json`, `.ndjson` and `.jsonl` files of a directory, by name.
fn json_files(dir: &Path) -> Result<Vec<std::path::PathBuf>, LoadError> {
    let io_err = |source| LoadError::Io {
        path: dir.to_owned(),
        source,
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io_err)? {
        let path = entry.map_err(io_err)?.path();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        if path.is_file() && matches!(ext.as_deref(), Some("json" | "ndjson" | "jsonl")) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// 1-based line of byte offset `at`.
fn line_of(bytes: &[u8], at: usize) -> usize {
    bytes.iter().take(at).filter(|&&b| b == b'\n').count() + 1
}

/// Decodes UTF-8; bad bytes are reported (with their line) and replaced by
/// U+FFFD so the rest of the record survives.
fn decode(rec: &mut Rec<'_>, bytes: Vec<u8>, line_offset: usize) -> Result<String, Issue> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let bytes = err.into_bytes();
            let at = std::str::from_utf8(&bytes)
                .err()
                .map(|e| e.valid_up_to())
                .unwrap_or_default();
            let line = line_of(&bytes, at) + line_offset;
            rec.record = format!("line {line}");
            rec.issue(
                None,
                IssueKind::Encoding,
                format!("invalid UTF-8 at line {line}; bad bytes replaced with U+FFFD"),
            )?;
            Ok(String::from_utf8_lossy(&bytes).into_owned())
        }
    }
}

/// The label of a record in issues: its id when it has a short string id.
fn label(value: &Value, fallback: String) -> String {
    match value.get("id") {
        Some(Value::String(id)) if !id.is_empty() && id.len() <= 100 => id.clone(),
        _ => fallback,
    }
}

/// Reads one input; returns how many service records it held (valid or not).
fn load_bytes(
    sink: &mut Sink,
    builder: &mut Builder,
    file: &str,
    bytes: Vec<u8>,
    format: Format,
) -> Result<usize, Issue> {
    match format {
        Format::Json => {
            let mut rec = Rec {
                sink,
                file,
                record: String::new(),
            };
            let text = decode(&mut rec, bytes, 0)?;
            // Each service is read as soon as it is parsed, so only one
            // service's JSON tree is in memory at a time.
            let mut read = |i: usize, item: Value| {
                let record = label(&item, format!("item {}", i + 1));
                add_value(sink, builder, file, record, &item)
            };
            let mut services = Services {
                seen: 0,
                read: &mut read,
                stopped: None,
            };
            let parsed = parse_top(&text, &mut services);
            drop(text);
            let Services { seen, stopped, .. } = services;
            if let Some(issue) = stopped {
                return Err(issue);
            }
            if let Err(err) = parsed {
                let mut rec = Rec {
                    sink,
                    file,
                    record: format!("item {}", seen + 1),
                };
                rec.issue(None, IssueKind::Syntax, syntax_message(&err, seen))?;
            }
            Ok(seen)
        }
        Format::Ndjson => {
            let mut seen = 0;
            for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
                let n = i + 1;
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                seen += 1;
                let mut rec = Rec {
                    sink,
                    file,
                    record: format!("line {n}"),
                };
                let text = decode(&mut rec, line.to_vec(), i)?;
                match serde_json::from_str::<Value>(&text) {
                    Ok(value) => {
                        drop(text);
                        let record = label(&value, format!("line {n}"));
                        add_value(sink, builder, file, record, &value)?;
                    }
                    Err(err) => {
                        let msg = if err.is_eof() {
                            format!("line is cut short at column {}; line skipped", err.column())
                        } else {
                            format!(
                                "JSON syntax error at column {}: {err}; line skipped",
                                err.column()
                            )
                        };
                        rec.issue(None, IssueKind::Syntax, msg)?;
                    }
                }
            }
            Ok(seen)
        }
    }
}

fn syntax_message(err: &serde_json::Error, kept: usize) -> String {
    let what = if err.is_eof() {
        format!(
            "JSON is cut short at line {}, column {}",
            err.line(),
            err.column()
        )
    } else {
        format!(
            "JSON syntax error at line {}, column {}: {err}",
            err.line(),
            err.column()
        )
    };
    format!("{what}; the {kept} complete services before it are kept, the rest is lost")
}

fn add_value(
    sink: &mut Sink,
    builder: &mut Builder,
    file: &str,
    record: String,
    value: &Value,
) -> Result<(), Issue> {
    let mut rec = Rec { sink, file, record };
    let Value::Object(map) = value else {
        rec.issue(
            None,
            IssueKind::WrongType,
            "expected a service object; record skipped",
        )?;
        return Ok(());
    };
    if let Some(read) = entities::read_service(&mut rec, Obj::new(map, ""))? {
        builder.add_service(&mut rec, read)?;
    }
    Ok(())
}

/// The services of a JSON document, read one by one as the parser
/// completes them: so a document cut short keeps those before the break.
struct Services<'a> {
    /// Services parsed so far.
    seen: usize,
    /// Reads one service (its position, its JSON).
    read: &'a mut dyn FnMut(usize, Value) -> Result<(), Issue>,
    /// The issue that stopped reading (strict mode), if one did.
    stopped: Option<Issue>,
}

impl Services<'_> {
    fn take<E: serde::de::Error>(&mut self, value: Value) -> Result<(), E> {
        let at = self.seen;
        self.seen += 1;
        (self.read)(at, value).map_err(|issue| {
            self.stopped = Some(issue);
            E::custom("reading stopped")
        })
    }
}

/// Parses the top of a JSON document, handing each service to `services`.
fn parse_top(text: &str, services: &mut Services<'_>) -> Result<(), serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    de.deserialize_any(Top(services))?;
    de.end()
}

struct Top<'a, 'b>(&'a mut Services<'b>);
struct Items<'a, 'b>(&'a mut Services<'b>);

impl<'de> Visitor<'de> for Top<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of services, a service object or {\"contents\": [...]}")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        Items(self.0).visit_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let services = self.0;
        let mut object = Map::new();
        let mut paged = false;
        while let Some(key) = map.next_key::<String>()? {
            if key == "contents" {
                paged = true;
                map.next_value_seed(Items(&mut *services))?;
            } else {
                object.insert(key, map.next_value::<Value>()?);
            }
        }
        if paged {
            Ok(())
        } else {
            services.take(Value::Object(object))
        }
    }
}

impl<'de> Visitor<'de> for Items<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of services")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(value) = seq.next_element::<Value>()? {
            self.0.take(value)?;
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Items<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_seq(self)
    }
}

/// Where a record came from, for issues found when linking.
#[derive(Debug, Clone)]
struct Origin {
    file: String,
    record: String,
}

impl Origin {
    fn of(rec: &Rec<'_>) -> Self {
        Origin {
            file: rec.file.to_owned(),
            record: rec.record.clone(),
        }
    }

    fn issue(
        &self,
        sink: &mut Sink,
        field: &str,
        kind: IssueKind,
        msg: String,
    ) -> Result<(), Issue> {
        sink.report(Issue {
            file: self.file.clone(),
            record: Some(self.record.clone()),
            field: Some(field.to_owned()),
            kind,
            message: msg,
        })
    }
}

/// Gathers records from any number of inputs into one normalized directory.
#[derive(Default)]
pub(crate) struct Builder {
    dir: Directory,
    organizations: HashSet<String>,
    locations: HashSet<String>,
    terms: HashMap<String, usize>,
    services: HashMap<String, Origin>,
    links: HashMap<String, Origin>,
    service_origin: Vec<Origin>,
    link_origin: Vec<Origin>,
    location_origin: Vec<Origin>,
}

impl Builder {
    pub(crate) fn add_organization(&mut self, org: Organization) {
        if self.organizations.insert(org.id.clone()) {
            self.dir.organizations.push(org);
        }
    }

    pub(crate) fn add_location(&mut self, rec: &Rec<'_>, location: Location) {
        if self.locations.insert(location.id.clone()) {
            self.dir.locations.push(location);
            self.location_origin.push(Origin::of(rec));
        }
    }

    pub(crate) fn add_term(&mut self, term: TaxonomyTerm) {
        if !self.terms.contains_key(&term.id) {
            self.terms
                .insert(term.id.clone(), self.dir.taxonomy_terms.len());
            self.dir.taxonomy_terms.push(term);
        }
    }

    pub(crate) fn term(&self, id: &str) -> Option<&TaxonomyTerm> {
        self.terms
            .get(id)
            .and_then(|&i| self.dir.taxonomy_terms.get(i))
    }

    /// Adds a link unless its id is taken.
    pub(crate) fn add_link(
        &mut self,
        rec: &mut Rec<'_>,
        link: ServiceAtLocation,
    ) -> Result<(), Issue> {
        if let Some(first) = self.links.get(&link.id) {
            let msg = format!(
                "service_at_location id {} already used by {} in {}; this one is skipped",
                link.id, first.record, first.file
            );
            return rec.issue(Some("id".to_owned()), IssueKind::DuplicateId, msg);
        }
        self.links.insert(link.id.clone(), Origin::of(rec));
        self.link_origin.push(Origin::of(rec));
        self.dir.service_at_locations.push(link);
        Ok(())
    }

    pub(crate) fn add_service(
        &mut self,
        rec: &mut Rec<'_>,
        read: ServiceRead,
    ) -> Result<(), Issue> {
        let ServiceRead {
            mut service,
            organization,
            links,
            attributes,
            derived,
            org_locations,
        } = read;
        if let Some(first) = self.services.get(&service.id) {
            let msg = format!(
                "service id {} already used by record {} in {}; this one is skipped",
                service.id, first.record, first.file
            );
            return rec.issue(Some("id".to_owned()), IssueKind::DuplicateId, msg);
        }
        self.services.insert(service.id.clone(), Origin::of(rec));
        if let Some(org) = organization {
            self.add_organization(org);
        }
        for (link, location) in links {
            if let Some(location) = location {
                self.add_location(rec, location);
            }
            self.add_link(rec, link)?;
        }
        for location in org_locations {
            self.add_location(rec, location);
        }
        let mut codes = Vec::new();
        for AttributeRead {
            attribute,
            term,
            evidence,
            path,
        } in attributes
        {
            let known = term
                .as_ref()
                .or_else(|| self.term(&attribute.taxonomy_term_id));
            let ours = known
                .is_some_and(|t| t.taxonomy.as_deref() == Some(crate::write::ELIGIBILITY_TAXONOMY));
            if ours {
                codes.push(eligibility::Coded {
                    code: known.and_then(|t| t.code.clone()).unwrap_or_default(),
                    value: attribute.value,
                    evidence,
                    path,
                });
            } else {
                if let Some(term) = term {
                    self.add_term(term);
                }
                service.attributes.push(attribute);
            }
        }
        service.eligibility = if codes.is_empty() {
            eligibility::from_hsds(&service)
        } else {
            // Ages the exporter derived from carenav's own reading were not
            // in the source: drop them so the service reads back as it was.
            if derived.iter().any(|f| f == "minimum_age") {
                service.minimum_age = None;
            }
            if derived.iter().any(|f| f == "maximum_age") {
                service.maximum_age = None;
            }
            eligibility::from_codes(rec, codes)?
        };
        self.service_origin.push(Origin::of(rec));
        self.dir.services.push(service);
        Ok(())
    }

    /// Checks the links between records and drops (lenient) what points nowhere.
    fn finish(mut self, sink: &mut Sink) -> Result<Directory, Issue> {
        let orgs = self.organizations;
        let locations = self.locations;
        let terms = self.terms;

        for (loc, origin) in self.dir.locations.iter_mut().zip(&self.location_origin) {
            if let Some(org) = loc.organization_id.as_ref().filter(|o| !orgs.contains(*o)) {
                let msg = format!(
                    "location {}: organization {org} is not in the input; link ignored",
                    loc.id
                );
                origin.issue(sink, "organization_id", IssueKind::DanglingReference, msg)?;
                loc.organization_id = None;
            }
        }

        let mut kept = HashSet::new();
        let mut services = Vec::with_capacity(self.dir.services.len());
        for (mut s, origin) in self.dir.services.into_iter().zip(&self.service_origin) {
            if !orgs.contains(&s.organization_id) {
                let msg = format!(
                    "organization {} is not in the input; the service is skipped",
                    s.organization_id
                );
                origin.issue(sink, "organization_id", IssueKind::DanglingReference, msg)?;
                continue;
            }
            let mut attrs = Vec::with_capacity(s.attributes.len());
            for a in s.attributes {
                if terms.contains_key(&a.taxonomy_term_id) {
                    attrs.push(a);
                } else {
                    let msg = format!(
                        "taxonomy term {} is not in the input; attribute ignored",
                        a.taxonomy_term_id
                    );
                    origin.issue(sink, "attributes", IssueKind::DanglingReference, msg)?;
                }
            }
            s.attributes = attrs;
            kept.insert(s.id.clone());
            services.push(s);
        }
        self.dir.services = services;

        let mut links = Vec::with_capacity(self.dir.service_at_locations.len());
        for (link, origin) in self
            .dir
            .service_at_locations
            .into_iter()
            .zip(&self.link_origin)
        {
            if !kept.contains(&link.service_id) {
                // The service was skipped and reported already.
                continue;
            }
            if !locations.contains(&link.location_id) {
                let msg = format!(
                    "service_at_location {}: location {} is not in the input; link skipped",
                    link.id, link.location_id
                );
                origin.issue(sink, "location_id", IssueKind::DanglingReference, msg)?;
                continue;
            }
            links.push(link);
        }
        self.dir.service_at_locations = links;
        Ok(self.dir)
    }
}
