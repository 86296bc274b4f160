//! Converters from legacy directory exports to the carenav directory.
//!
//! Each converter reads one real export format and produces a
//! [`Conversion`]: the [`Directory`] plus a [`ConversionReport`] counting what
//! was converted and listing, as [`Issue`]s, every record or value that was
//! skipped or doubtful. A malformed record is reported and skipped; the rest
//! still converts. Only a problem with a whole file (missing, unreadable, not
//! JSON at all) is a [`ConvertError`].
//!
//! Ids are UUIDv5 derived from the source ids ([`crate::ids`]), so converting
//! the same export twice gives the same directory.

pub mod florida;
pub mod hsds1;
pub mod ilao;
pub mod linksf;
pub mod ohana;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use carenav_core::{Directory, Schedule, TaxonomyTerm, TimeOfDay, Weekday};
use serde::Serialize;

use crate::error::{Issue, IssueKind};
use crate::ids::{child_id, stable_id};

/// A legacy export format carenav can convert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LegacyFormat {
    /// Ohana API MongoDB export (NDJSON `organizations.json`, `locations.json`,
    /// `services.json`, plus `oe.json`), as used by San Mateo County in 2014.
    Ohana,
    /// Link-SF Parse export (`linksf.json`: an array of facilities).
    Linksf,
    /// An HSDS 1.1 tabular package (a folder of CSV files).
    Hsds1,
    /// The Florida legal aid export (`organizations.csv`, `locations.csv`,
    /// `services.csv`).
    Florida,
    /// Illinois Legal Aid Online's own export (`organizations.csv`,
    /// `locations.csv`, `services.csv`, January 2019).
    Ilao,
}

impl LegacyFormat {
    /// Every format, for help texts.
    pub const ALL: [LegacyFormat; 5] = [
        LegacyFormat::Ohana,
        LegacyFormat::Linksf,
        LegacyFormat::Hsds1,
        LegacyFormat::Florida,
        LegacyFormat::Ilao,
    ];

    /// The name accepted by [`FromStr`] and shown in reports.
    pub fn name(self) -> &'static str {
        match self {
            LegacyFormat::Ohana => "ohana",
            LegacyFormat::Linksf => "linksf",
            LegacyFormat::Hsds1 => "hsds1",
            LegacyFormat::Florida => "florida",
            LegacyFormat::Ilao => "ilao",
        }
    }
}

impl fmt::Display for LegacyFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for LegacyFormat {
    type Err = ConvertError;

    /// Accepts `ohana`, `linksf` (or `link-sf`), `hsds1` (or `hsds-1.1`),
    /// `florida`, `ilao` (or `ilao-raw`), case-insensitively.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ohana" | "ohana-smc" => Ok(LegacyFormat::Ohana),
            "linksf" | "link-sf" => Ok(LegacyFormat::Linksf),
            "hsds1" | "hsds-1.1" | "hsds1.1" | "hsds-1" => Ok(LegacyFormat::Hsds1),
            "florida" | "florida-legal-aid" => Ok(LegacyFormat::Florida),
            "ilao" | "ilao-raw" => Ok(LegacyFormat::Ilao),
            _ => Err(ConvertError::UnknownFormat(s.to_owned())),
        }
    }
}

/// A whole-file problem that stops a conversion.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConvertError {
    /// The format name is not one of [`LegacyFormat::ALL`].
    #[error("unknown legacy format {0:?} (expected ohana, linksf, hsds1, florida or ilao)")]
    UnknownFormat(String),
    /// A file the format needs is not there.
    #[error("{file}: missing ({format} export needs this file)")]
    MissingFile {
        /// The path looked for.
        file: String,
        /// The format being converted.
        format: LegacyFormat,
    },
    /// A file could not be read.
    #[error("{file}: cannot read: {source}")]
    Read {
        /// The file.
        file: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A file that must be one JSON document is not valid JSON.
    #[error("{file}: line {line}, column {column}: malformed JSON: {message}")]
    Json {
        /// The file.
        file: String,
        /// Line of the error (1-based).
        line: usize,
        /// Column of the error (1-based).
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// A CSV file's header row cannot be read.
    #[error("{file}: line {line}: malformed CSV header: {message}")]
    CsvHeader {
        /// The file.
        file: String,
        /// Line of the header.
        line: u64,
        /// What the parser said.
        message: String,
    },
    /// A file is valid JSON or CSV but not shaped as the format requires.
    #[error("{file}: {message}")]
    Shape {
        /// The file.
        file: String,
        /// What is wrong.
        message: String,
    },
}

/// The result of a conversion: the directory and what happened on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Conversion {
    /// The converted directory.
    pub directory: Directory,
    /// Counts, skipped records and other issues.
    pub report: ConversionReport,
}

/// What a conversion converted, skipped and doubted.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ConversionReport {
    /// The source format.
    pub format: String,
    /// Records in the converted directory per kind (`organization`,
    /// `service`, `phone`, `schedule`…).
    pub converted: BTreeMap<String, usize>,
    /// Problems, each naming file, record and field; records that were
    /// dropped have kind [`IssueKind::Skipped`] (or [`IssueKind::Syntax`] /
    /// [`IssueKind::Encoding`] for unreadable lines).
    pub issues: Vec<Issue>,
    /// Facts about the source as a whole (e.g. "services are not linked to
    /// locations").
    pub notes: Vec<String>,
}

impl ConversionReport {
    /// Issues of one kind.
    pub fn issues_of(&self, kind: IssueKind) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(move |i| i.kind == kind)
    }

    /// Records skipped on purpose (test records, duplicates, records without id).
    pub fn skipped(&self) -> impl Iterator<Item = &Issue> {
        self.issues_of(IssueKind::Skipped)
    }

    /// Count of converted records of `kind` (0 when none).
    pub fn count(&self, kind: &str) -> usize {
        self.converted.get(kind).copied().unwrap_or(0)
    }
}

impl fmt::Display for ConversionReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "conversion from {}:", self.format)?;
        for (kind, n) in &self.converted {
            writeln!(f, "  {kind}: {n}")?;
        }
        let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
        for issue in &self.issues {
            let key = serde_json::to_value(issue.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            *by_kind.entry(key).or_default() += 1;
        }
        for (kind, n) in &by_kind {
            writeln!(f, "  issues {kind}: {n}")?;
        }
        for note in &self.notes {
            writeln!(f, "  note: {note}")?;
        }
        Ok(())
    }
}

/// Converts the export at `path` (its folder, or the file itself for
/// single-file formats) from `format`.
///
/// # Errors
/// [`ConvertError`] when a needed file is missing, unreadable or not
/// parseable as a whole. Bad records inside a readable file are reported in
/// [`ConversionReport::issues`] instead.
pub fn convert(format: LegacyFormat, path: &Path) -> Result<Conversion, ConvertError> {
    let mut conversion = match format {
        LegacyFormat::Ohana => ohana::convert(path)?,
        LegacyFormat::Linksf => linksf::convert(path)?,
        LegacyFormat::Hsds1 => hsds1::convert(path)?,
        LegacyFormat::Florida => florida::convert(path)?,
        LegacyFormat::Ilao => ilao::convert(path)?,
    };
    assign_child_ids(&mut conversion.directory);
    conversion.report.format = format.name().to_owned();
    conversion.report.converted = count_records(&conversion.directory);
    Ok(conversion)
}

/// Collects issues and shared records while a converter runs.
#[derive(Debug, Default)]
pub(crate) struct Context {
    pub(crate) directory: Directory,
    pub(crate) report: ConversionReport,
    term_index: HashMap<String, usize>,
}

impl Context {
    /// Records an issue.
    pub(crate) fn issue(
        &mut self,
        file: &str,
        record: Option<String>,
        field: Option<&str>,
        kind: IssueKind,
        message: impl Into<String>,
    ) {
        self.report.issues.push(Issue {
            file: file.to_owned(),
            record,
            field: field.map(str::to_owned),
            kind,
            message: message.into(),
        });
    }

    /// Records a skipped record.
    pub(crate) fn skip(
        &mut self,
        file: &str,
        record: String,
        field: Option<&str>,
        message: impl Into<String>,
    ) {
        self.issue(file, Some(record), field, IssueKind::Skipped, message);
    }

    /// The id of the term `code_or_name` of `taxonomy`, adding the term on
    /// first use.
    pub(crate) fn term(
        &mut self,
        taxonomy: &str,
        code: Option<&str>,
        name: &str,
        parent_id: Option<String>,
    ) -> String {
        let id = stable_id(&format!("taxonomy/{taxonomy}"), code.unwrap_or(name));
        if !self.term_index.contains_key(&id) {
            self.term_index
                .insert(id.clone(), self.directory.taxonomy_terms.len());
            self.directory.taxonomy_terms.push(TaxonomyTerm {
                id: id.clone(),
                code: code.map(str::to_owned),
                name: name.to_owned(),
                description: String::new(),
                parent_id,
                taxonomy: Some(taxonomy.to_owned()),
            });
        }
        id
    }

    pub(crate) fn finish(self) -> Conversion {
        Conversion {
            directory: self.directory,
            report: self.report,
        }
    }
}

/// Counts every record kind of a directory, children included.
fn count_records(d: &Directory) -> BTreeMap<String, usize> {
    let mut c: BTreeMap<String, usize> = BTreeMap::new();
    let mut add = |k: &str, n: usize| *c.entry(k.to_owned()).or_default() += n;
    add("organization", d.organizations.len());
    add("service", d.services.len());
    add("location", d.locations.len());
    add("service_at_location", d.service_at_locations.len());
    add("taxonomy_term", d.taxonomy_terms.len());
    for o in &d.organizations {
        add("phone", o.phones.len());
    }
    for s in &d.services {
        add("phone", s.phones.len());
        add("schedule", s.schedules.len());
        add("service_area", s.service_areas.len());
        add("language", s.languages.len());
        add("attribute", s.attributes.len());
    }
    for l in &d.locations {
        add("phone", l.phones.len());
        add("schedule", l.schedules.len());
        add("address", l.addresses.len());
        add("language", l.languages.len());
        add("accessibility", l.accessibility.len());
    }
    for sal in &d.service_at_locations {
        add("phone", sal.phones.len());
        add("schedule", sal.schedules.len());
    }
    c
}

/// Gives every child record without an id one derived from its parent's id
/// and its position, so exports are stable across runs.
fn assign_child_ids(d: &mut Directory) {
    fn fill<T>(
        parent: &str,
        kind: &str,
        items: &mut [T],
        id: impl Fn(&mut T) -> &mut Option<String>,
    ) {
        for (i, item) in items.iter_mut().enumerate() {
            let slot = id(item);
            if slot.is_none() {
                *slot = Some(child_id(parent, kind, i));
            }
        }
    }
    for o in &mut d.organizations {
        fill(&o.id, "phone", &mut o.phones, |p| &mut p.id);
    }
    for s in &mut d.services {
        fill(&s.id, "phone", &mut s.phones, |p| &mut p.id);
        fill(&s.id, "schedule", &mut s.schedules, |x| &mut x.id);
        fill(&s.id, "service_area", &mut s.service_areas, |x| &mut x.id);
        fill(&s.id, "language", &mut s.languages, |x| &mut x.id);
        fill(&s.id, "attribute", &mut s.attributes, |x| &mut x.id);
    }
    for l in &mut d.locations {
        fill(&l.id, "phone", &mut l.phones, |p| &mut p.id);
        fill(&l.id, "schedule", &mut l.schedules, |x| &mut x.id);
        fill(&l.id, "address", &mut l.addresses, |x| &mut x.id);
        fill(&l.id, "language", &mut l.languages, |x| &mut x.id);
        fill(&l.id, "accessibility", &mut l.accessibility, |x| &mut x.id);
    }
    for sal in &mut d.service_at_locations {
        fill(&sal.id, "phone", &mut sal.phones, |p| &mut p.id);
        fill(&sal.id, "schedule", &mut sal.schedules, |x| &mut x.id);
    }
}

/// The file `name` inside the export folder `dir`, which must exist.
pub(crate) fn required_file(
    dir: &Path,
    name: &str,
    format: LegacyFormat,
) -> Result<PathBuf, ConvertError> {
    let path = dir.join(name);
    if path.is_file() {
        Ok(path)
    } else {
        Err(ConvertError::MissingFile {
            file: path.display().to_string(),
            format,
        })
    }
}

/// Reads a whole file as bytes, naming it on failure.
pub(crate) fn read_bytes(path: &Path) -> Result<Vec<u8>, ConvertError> {
    std::fs::read(path).map_err(|source| ConvertError::Read {
        file: path.display().to_string(),
        source,
    })
}

/// The file name used in issues (`services.csv`), not the whole path.
pub(crate) fn file_label(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// A CSV file read into rows, with header lookup by name.
#[derive(Debug)]
pub(crate) struct Table {
    pub(crate) file: String,
    headers: HashMap<String, usize>,
    pub(crate) rows: Vec<Row>,
}

/// One CSV row and the line it starts on.
#[derive(Debug)]
pub(crate) struct Row {
    pub(crate) line: u64,
    pub(crate) fields: Vec<String>,
}

impl Table {
    /// The trimmed, non-empty value of column `name` in `row`.
    pub(crate) fn get<'a>(&self, row: &'a Row, name: &str) -> Option<&'a str> {
        let i = *self.headers.get(name)?;
        let v = row.fields.get(i)?.trim();
        (!v.is_empty()).then_some(v)
    }
}

/// Reads a CSV file. Rows that cannot be decoded or whose field count differs
/// from the header's are reported and left out, unless `keep_long_rows` (the
/// caller repairs rows with extra fields itself).
pub(crate) fn read_csv(
    path: &Path,
    cx: &mut Context,
    keep_long_rows: bool,
) -> Result<Table, ConvertError> {
    let file = file_label(path);
    let bytes = read_bytes(path)?;
    // Drop a UTF-8 byte-order mark, which some spreadsheet exports add.
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(body);
    let header = reader
        .headers()
        .map_err(|e| ConvertError::CsvHeader {
            file: path.display().to_string(),
            line: 1,
            message: e.to_string(),
        })?
        .clone();
    let mut headers = HashMap::new();
    for (i, name) in header.iter().enumerate() {
        let name = name.trim();
        // Later duplicates and empty names cannot be looked up by name.
        if !name.is_empty() {
            headers.entry(name.to_owned()).or_insert(i);
        }
    }
    let header_len = header.len();
    let mut rows = Vec::new();
    for result in reader.records() {
        match result {
            Ok(record) => {
                let line = record.position().map(|p| p.line()).unwrap_or(0);
                if record.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                let n = record.len();
                if n < header_len || (n > header_len && !keep_long_rows) {
                    cx.issue(
                        &file,
                        Some(format!("line {line}")),
                        None,
                        IssueKind::Syntax,
                        format!(
                            "row has {n} fields but the header has {header_len}; row skipped (truncated or unquoted separator?)"
                        ),
                    );
                    continue;
                }
                rows.push(Row {
                    line,
                    fields: record.iter().map(str::to_owned).collect(),
                });
            }
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                let kind = if matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) {
                    IssueKind::Encoding
                } else {
                    IssueKind::Syntax
                };
                cx.issue(
                    &file,
                    Some(format!("line {line}")),
                    None,
                    kind,
                    format!("unreadable row skipped: {e}"),
                );
            }
        }
    }
    Ok(Table {
        file,
        headers,
        rows,
    })
}

/// Groups `(day, opens, closes)` openings into weekly schedules, one per
/// distinct pair of times, days in Monday-first order.
pub(crate) fn weekly_schedules(openings: &[(Weekday, TimeOfDay, TimeOfDay)]) -> Vec<Schedule> {
    let mut by_times: BTreeMap<(TimeOfDay, TimeOfDay), Vec<Weekday>> = BTreeMap::new();
    for &(day, opens, closes) in openings {
        let days = by_times.entry((opens, closes)).or_default();
        if !days.contains(&day) {
            days.push(day);
        }
    }
    by_times
        .into_iter()
        .map(|((opens, closes), mut days)| {
            days.sort();
            Schedule::weekly(&days, opens, closes)
        })
        .collect()
}

/// The first phone number in free text ("Crisis line: 877-503-1850. Teen…"
/// gives "877-503-1850"): 7 to 11 digits with the usual separators.
pub(crate) fn first_phone_number(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut start = 0;
    while start < chars.len() {
        let starts_number = chars
            .get(start)
            .is_some_and(|c| c.is_ascii_digit() || *c == '(');
        if !starts_number {
            start += 1;
            continue;
        }
        let mut end = start;
        let mut digits = 0;
        while let Some(c) = chars.get(end) {
            if c.is_ascii_digit() {
                digits += 1;
            } else if !matches!(c, '(' | ')' | '-' | '.' | ' ') {
                break;
            }
            end += 1;
        }
        let candidate: String = chars.get(start..end).unwrap_or_default().iter().collect();
        let candidate = candidate.trim_end_matches(['-', '.', ' ', '(']).trim();
        if (7..=11).contains(&digits) {
            return Some(candidate.to_owned());
        }
        start = end.max(start + 1);
    }
    None
}

/// An RFC 3339 UTC date-time for milliseconds since the Unix epoch
/// (MongoDB's `{"$date": ms}`).
pub(crate) fn rfc3339_from_epoch_ms(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let millis = ms.rem_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{millis:03}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

/// Joins the non-empty parts with a blank line.
pub(crate) fn join_paragraphs<'a>(
    parts: impl IntoIterator<Item = Option<&'a str>>,
) -> Option<String> {
    let parts: Vec<&str> = parts
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join("\n\n"))
}

/// Trimmed text, `None` when empty.
pub(crate) fn non_empty(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case(0, "1970-01-01T00:00:00.000Z")]
    #[case(1_383_857_247_210, "2013-11-07T20:47:27.210Z")]
    #[case(951_782_400_000, "2000-02-29T00:00:00.000Z")]
    fn formats_epoch_millis(#[case] ms: i64, #[case] expected: &str) {
        assert_eq!(rfc3339_from_epoch_ms(ms), expected);
    }

    #[rstest]
    #[case(
        "Crisis line: 877-503-1850. Teen crisis line: 877-923-0700",
        Some("877-503-1850")
    )]
    #[case("(415) 863-3893 ext 2", Some("(415) 863-3893"))]
    #[case("415.558.0200", Some("415.558.0200"))]
    #[case("Open 24 hrs", None)]
    #[case("", None)]
    fn finds_first_phone_number(#[case] text: &str, #[case] expected: Option<&str>) {
        assert_eq!(first_phone_number(text).as_deref(), expected);
    }

    #[rstest]
    #[case("ohana", LegacyFormat::Ohana)]
    #[case("Link-SF", LegacyFormat::Linksf)]
    #[case("hsds-1.1", LegacyFormat::Hsds1)]
    #[case("FLORIDA", LegacyFormat::Florida)]
    #[case("ilao", LegacyFormat::Ilao)]
    #[case("ILAO-raw", LegacyFormat::Ilao)]
    fn parses_format_names(#[case] text: &str, #[case] expected: LegacyFormat) {
        assert_eq!(text.parse::<LegacyFormat>().ok(), Some(expected));
    }

    #[test]
    fn refuses_unknown_format() {
        assert!(matches!(
            "airs".parse::<LegacyFormat>(),
            Err(ConvertError::UnknownFormat(_))
        ));
    }

    #[test]
    fn groups_weekly_openings_by_times() {
        let (Some(nine), Some(five), Some(ten), Some(noon)) = (
            TimeOfDay::new(9, 0),
            TimeOfDay::new(17, 0),
            TimeOfDay::new(10, 0),
            TimeOfDay::new(12, 0),
        ) else {
            panic!("valid times refused");
        };
        let s = weekly_schedules(&[
            (Weekday::Friday, nine, five),
            (Weekday::Monday, nine, five),
            (Weekday::Saturday, ten, noon),
        ]);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].byday.as_deref(), Some("MO,FR"));
        assert_eq!(s[1].byday.as_deref(), Some("SA"));
    }
}
