//! Bad HSDS 3.0 input: each problem is a clear issue, valid neighbours are
//! kept (lenient), and strict mode fails on the first problem.

mod hsds3_common;

use carenav_hsds::{Format, Issue, IssueKind, LoadError, Mode, load, load_reader, load_str};
use hsds3_common::{read_json, spec, spec_tabular_package};
use rstest::rstest;
use serde_json::{Value, json};

/// A valid service (with organization, link and location) whose ids end in `n`.
fn service(n: u32) -> Value {
    json!({
        "id": format!("00000000-0000-4000-8000-{n:012}"),
        "name": format!("Service {n}"),
        "status": "active",
        "organization": {
            "id": "10000000-0000-4000-8000-000000000001",
            "name": "Org",
            "description": "An organization"
        },
        "service_at_locations": [{
            "id": format!("20000000-0000-4000-8000-{n:012}"),
            "location": {
                "id": format!("30000000-0000-4000-8000-{n:012}"),
                "location_type": "physical",
                "latitude": 37.5,
                "longitude": -122.3
            }
        }]
    })
}

/// The names of the services a load kept, in order.
fn service_names(loaded: &carenav_hsds::Loaded) -> Vec<&str> {
    loaded
        .directory
        .services
        .iter()
        .map(|s| s.name.as_str())
        .collect()
}

fn ndjson(values: &[Value]) -> String {
    values.iter().map(|v| format!("{v}\n")).collect()
}

fn with(n: u32, pointer: &str, value: Value) -> Value {
    let mut s = service(n);
    *s.pointer_mut(pointer).expect("test fixture") = value;
    s
}

fn without(n: u32, key: &str) -> Value {
    let mut s = service(n);
    s.as_object_mut().expect("test fixture").remove(key);
    s
}

/// Three services, the middle one (`2`) broken as described.
fn three(broken: Value) -> String {
    ndjson(&[service(1), broken, service(3)])
}

struct Case {
    input: String,
    format: Format,
    kind: IssueKind,
    record: &'static str,
    field: Option<&'static str>,
    /// Services kept in lenient mode.
    kept: usize,
}

fn case(
    input: String,
    format: Format,
    kind: IssueKind,
    record: &'static str,
    field: Option<&'static str>,
    kept: usize,
) -> Case {
    Case {
        input,
        format,
        kind,
        record,
        field,
        kept,
    }
}

const SVC2: &str = "00000000-0000-4000-8000-000000000002";

fn cases(name: &str) -> Case {
    use IssueKind::*;
    match name {
        "truncated-json" => {
            let full = serde_json::to_string_pretty(&json!([service(1), service(2), service(3)]))
                .expect("test fixture");
            let cut = &full[..full.len() * 3 / 4];
            case(cut.to_owned(), Format::Json, Syntax, "item 3", None, 2)
        }
        "truncated-ndjson-line" => {
            let line = service(2).to_string();
            let input = format!(
                "{}\n{}\n{}\n",
                service(1),
                &line[..line.len() / 2],
                service(3)
            );
            case(input, Format::Ndjson, Syntax, "line 2", None, 2)
        }
        "name-not-a-string" => case(
            three(with(2, "/name", json!(42))),
            Format::Ndjson,
            WrongType,
            SVC2,
            Some("name"),
            2,
        ),
        "optional-wrong-type" => case(
            three(with(
                2,
                "/service_at_locations/0/location/latitude",
                json!("37.5"),
            )),
            Format::Ndjson,
            WrongType,
            SVC2,
            Some("service_at_locations[0].location.latitude"),
            3,
        ),
        "missing-status" => case(
            three(without(2, "status")),
            Format::Ndjson,
            MissingField,
            SVC2,
            Some("status"),
            2,
        ),
        "missing-organization-name" => {
            let mut s = service(2);
            s["organization"]["id"] = json!("10000000-0000-4000-8000-000000000002");
            s["organization"]
                .as_object_mut()
                .expect("test fixture")
                .remove("name");
            case(
                three(s),
                Format::Ndjson,
                MissingField,
                SVC2,
                Some("organization.name"),
                2,
            )
        }
        "bad-status" => case(
            three(with(2, "/status", json!("open"))),
            Format::Ndjson,
            InvalidValue,
            SVC2,
            Some("status"),
            2,
        ),
        "id-not-uuid" => case(
            three(with(2, "/id", json!("svc-2"))),
            Format::Ndjson,
            InvalidValue,
            "svc-2",
            Some("id"),
            2,
        ),
        "latitude-out-of-range" => case(
            three(with(
                2,
                "/service_at_locations/0/location/latitude",
                json!(91.0),
            )),
            Format::Ndjson,
            OutOfRange,
            SVC2,
            Some("service_at_locations[0].location.latitude"),
            3,
        ),
        "longitude-out-of-range" => case(
            three(with(
                2,
                "/service_at_locations/0/location/longitude",
                json!(-180.5),
            )),
            Format::Ndjson,
            OutOfRange,
            SVC2,
            Some("service_at_locations[0].location.longitude"),
            3,
        ),
        "ages-reversed" => {
            let mut s = service(2);
            s["minimum_age"] = json!(65);
            s["maximum_age"] = json!(18);
            case(
                three(s),
                Format::Ndjson,
                OutOfRange,
                SVC2,
                Some("minimum_age"),
                3,
            )
        }
        "negative-age" => case(
            three({
                let mut s = service(2);
                s["minimum_age"] = json!(-1);
                s
            }),
            Format::Ndjson,
            OutOfRange,
            SVC2,
            Some("minimum_age"),
            3,
        ),
        "bad-date" => case(
            three({
                let mut s = service(2);
                s["assured_date"] = json!("2023-02-29");
                s
            }),
            Format::Ndjson,
            InvalidValue,
            SVC2,
            Some("assured_date"),
            3,
        ),
        "bad-date-time" => case(
            three({
                let mut s = service(2);
                s["last_modified"] = json!("yesterday");
                s
            }),
            Format::Ndjson,
            InvalidValue,
            SVC2,
            Some("last_modified"),
            3,
        ),
        "bad-location-type" => case(
            three(with(
                2,
                "/service_at_locations/0/location/location_type",
                json!("mobile"),
            )),
            Format::Ndjson,
            InvalidValue,
            SVC2,
            Some("service_at_locations[0].location.location_type"),
            3,
        ),
        "bad-freq" => case(
            three({
                let mut s = service(2);
                s["schedules"] =
                    json!([{"id": "40000000-0000-4000-8000-000000000002", "freq": "DAILY"}]);
                s
            }),
            Format::Ndjson,
            InvalidValue,
            SVC2,
            Some("schedules[0].freq"),
            3,
        ),
        "bad-wkst" => case(
            three({
                let mut s = service(2);
                s["schedules"] =
                    json!([{"id": "40000000-0000-4000-8000-000000000002", "wkst": "XX"}]);
                s
            }),
            Format::Ndjson,
            InvalidValue,
            SVC2,
            Some("schedules[0].wkst"),
            3,
        ),
        "address-missing-city" => case(
            three({
                let mut s = service(2);
                s["service_at_locations"][0]["location"]["addresses"] = json!([{"id": "50000000-0000-4000-8000-000000000002", "address_1": "1 Main St", "state_province": "CA", "postal_code": "94000", "country": "US", "address_type": "physical"}]);
                s
            }),
            Format::Ndjson,
            MissingField,
            SVC2,
            Some("service_at_locations[0].location.addresses[0].city"),
            3,
        ),
        "ten-megabyte-field" => case(
            three(with(2, "/name", json!("x"))).replace(
                "\"x\"",
                &format!(
                    "\"Service 2\",\"description\":\"{}\"",
                    "d".repeat(10 * 1024 * 1024)
                ),
            ),
            Format::Ndjson,
            TooLong,
            SVC2,
            Some("description"),
            3,
        ),
        "duplicate-id" => case(
            ndjson(&[
                service(1),
                service(2),
                with(2, "/name", json!("Impostor")),
                service(3),
            ]),
            Format::Ndjson,
            DuplicateId,
            SVC2,
            Some("id"),
            3,
        ),
        "not-an-object" => case(
            format!("{}\n[1,2]\n{}\n", service(1), service(3)),
            Format::Ndjson,
            WrongType,
            "line 2",
            None,
            2,
        ),
        _ => unreachable!("no case {name}"),
    }
}

fn load_case(c: &Case, mode: Mode) -> Result<carenav_hsds::Loaded, LoadError> {
    load_str("input", &c.input, c.format, mode)
}

fn assert_issue(issue: &Issue, c: &Case) {
    assert_eq!(issue.kind, c.kind, "{issue}");
    assert_eq!(issue.file, "input");
    assert_eq!(issue.record.as_deref(), Some(c.record), "{issue}");
    assert_eq!(issue.field.as_deref(), c.field, "{issue}");
    assert!(!issue.message.is_empty());
    assert!(
        issue.message.len() < 400,
        "messages must not copy huge values"
    );
}

#[rstest]
fn lenient_reports_and_keeps_neighbours(
    #[values(
        "truncated-json",
        "truncated-ndjson-line",
        "name-not-a-string",
        "optional-wrong-type",
        "missing-status",
        "missing-organization-name",
        "bad-status",
        "id-not-uuid",
        "latitude-out-of-range",
        "longitude-out-of-range",
        "ages-reversed",
        "negative-age",
        "bad-date",
        "bad-date-time",
        "bad-location-type",
        "bad-freq",
        "bad-wkst",
        "address-missing-city",
        "ten-megabyte-field",
        "duplicate-id",
        "not-an-object"
    )]
    name: &str,
) {
    let c = cases(name);
    let loaded = load_case(&c, Mode::Lenient).expect("test fixture");
    let first = loaded
        .warnings
        .first()
        .unwrap_or_else(|| panic!("{name}: no warning"));
    assert_issue(first, &c);
    let names = service_names(&loaded);
    assert_eq!(names.len(), c.kept, "{name}: kept {names:?}");
    assert!(
        names.contains(&"Service 1") && (names.contains(&"Service 3") || name == "truncated-json")
    );
    // What was kept is linked: every link points at a kept service and a location.
    for link in &loaded.directory.service_at_locations {
        assert!(loaded.directory.service(&link.service_id).is_some());
        assert!(loaded.directory.location(&link.location_id).is_some());
    }
    // Strict mode fails on that same first problem.
    match load_case(&c, Mode::Strict) {
        Err(LoadError::Invalid(issue)) => assert_issue(&issue, &c),
        other => panic!("{name}: strict mode gave {other:?}"),
    }
}

#[test]
fn duplicate_keeps_the_first() {
    let loaded = load_case(&cases("duplicate-id"), Mode::Lenient).expect("test fixture");
    assert_eq!(
        loaded.directory.service(SVC2).expect("test fixture").name,
        "Service 2"
    );
}

#[test]
fn optional_field_problems_drop_only_the_field() {
    let loaded = load_case(&cases("latitude-out-of-range"), Mode::Lenient).expect("test fixture");
    let loc = loaded
        .directory
        .location("30000000-0000-4000-8000-000000000002")
        .expect("test fixture");
    assert_eq!(loc.point, None);
    let loaded = load_case(&cases("ten-megabyte-field"), Mode::Lenient).expect("test fixture");
    let s = loaded.directory.service(SVC2).expect("test fixture");
    assert_eq!(s.description, None);
    assert_eq!(s.name, "Service 2");
}

#[test]
fn bad_utf8_in_ndjson_names_the_line() {
    let mut bytes = ndjson(&[service(1)]).into_bytes();
    let bad = with(2, "/name", json!("Caf\u{e9}"))
        .to_string()
        .replace('\u{e9}', "\u{1}");
    // Latin-1 é (0xE9) where UTF-8 is expected.
    bytes.extend(
        bad.as_bytes()
            .iter()
            .map(|&b| if b == 1 { 0xE9 } else { b }),
    );
    bytes.push(b'\n');
    bytes.extend(ndjson(&[service(3)]).into_bytes());
    let loaded = load_reader(
        "input.ndjson",
        bytes.as_slice(),
        Format::Ndjson,
        Mode::Lenient,
    )
    .expect("test fixture");
    let w = &loaded.warnings[0];
    assert_eq!(
        (w.kind, w.record.as_deref()),
        (IssueKind::Encoding, Some("line 2"))
    );
    assert!(w.message.contains("line 2"), "{w}");
    assert_eq!(
        loaded.directory.services.len(),
        3,
        "the bad byte is replaced, the record kept"
    );
    assert_eq!(
        loaded.directory.service(SVC2).expect("test fixture").name,
        "Caf\u{fffd}"
    );
    let err = load_reader(
        "input.ndjson",
        bytes.as_slice(),
        Format::Ndjson,
        Mode::Strict,
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            LoadError::Invalid(Issue {
                kind: IssueKind::Encoding,
                ..
            })
        ),
        "{err}"
    );
}

#[test]
fn empty_input_is_no_data() {
    assert!(matches!(
        load_str("empty", "  \n", Format::Ndjson, Mode::Lenient),
        Err(LoadError::NoData { .. })
    ));
    assert!(matches!(
        load_str("empty", "[]", Format::Json, Mode::Lenient),
        Err(LoadError::NoData { .. })
    ));
}

#[test]
fn a_directory_of_files_is_read_in_name_order() {
    let dir = hsds3_common::temp_dir("json-dir");
    std::fs::write(
        dir.join("b.ndjson"),
        ndjson(&[service(3), with(1, "/name", json!("Later duplicate"))]),
    )
    .expect("test fixture");
    std::fs::write(
        dir.join("a.json"),
        serde_json::to_string(&json!([service(1), service(2)])).expect("test fixture"),
    )
    .expect("test fixture");
    std::fs::write(dir.join("notes.txt"), "not HSDS").expect("test fixture");
    let loaded = load(&dir, Mode::Lenient).expect("test fixture");
    let names = service_names(&loaded);
    assert_eq!(names, ["Service 1", "Service 2", "Service 3"]);
    assert_eq!(loaded.warnings.len(), 1);
    assert_eq!(loaded.warnings[0].kind, IssueKind::DuplicateId);
    assert!(loaded.warnings[0].file.ends_with("b.ndjson"));
    assert_eq!(
        loaded.directory.organizations.len(),
        1,
        "organizations de-duplicated by id"
    );
}

/// Edits one CSV of the spec's tabular example.
fn edit_csv(dir: &std::path::Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).expect("test fixture");
    assert!(text.contains(from), "{file} has no {from:?}");
    std::fs::write(path, text.replace(from, to)).expect("test fixture");
}

#[test]
fn tabular_dangling_organization_drops_the_service() {
    let dir = spec_tabular_package("dangling-org");
    edit_csv(
        &dir,
        "organizations.csv",
        "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,Example",
        "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c611,Example",
    );
    let loaded = load(&dir, Mode::Lenient).expect("test fixture");
    assert!(loaded.directory.services.is_empty());
    let w = loaded
        .warnings
        .iter()
        .find(|w| w.kind == IssueKind::DanglingReference && w.file.ends_with("services.csv"))
        .unwrap_or_else(|| panic!("{:#?}", loaded.warnings));
    assert_eq!(
        (w.record.as_deref(), w.field.as_deref()),
        (Some("row 2"), Some("organization_id")),
        "{:#?}",
        loaded.warnings
    );
}

#[test]
fn tabular_bad_cells_name_file_row_and_column() {
    let dir = spec_tabular_package("bad-cells");
    edit_csv(&dir, "cost_options.csv", ",35,", ",thirty-five,");
    edit_csv(&dir, "schedules.csv", ",10:00:00,", ",ten,");
    let loaded = load(&dir, Mode::Lenient).expect("test fixture");
    let find = |file: &str, field: &str| {
        loaded
            .warnings
            .iter()
            .find(|w| w.file.ends_with(file) && w.field.as_deref() == Some(field))
            .unwrap_or_else(|| panic!("no issue for {file} {field}: {:#?}", loaded.warnings))
            .clone()
    };
    let amount = find("cost_options.csv", "amount");
    assert_eq!(
        (amount.kind, amount.record.as_deref()),
        (IssueKind::WrongType, Some("row 2"))
    );
    assert_eq!(
        find("schedules.csv", "opens_at").kind,
        IssueKind::InvalidValue
    );
    let s = &loaded.directory.services[0];
    assert_eq!(s.cost_options[0].amount, None);
    assert_eq!(
        s.cost_options[0].option.as_deref(),
        Some("Under 18s and Over 60s")
    );
}

#[test]
fn spec_json_example_with_a_truncated_copy_keeps_the_first() {
    // A real nested service, twice, the second copy cut in half.
    let full = read_json(&spec().join("examples/service_full.json"));
    let mut second = full.clone();
    second["id"] = json!("ac148810-d857-441c-9679-408f346de14c");
    let text = serde_json::to_string_pretty(&json!([full, second])).expect("test fixture");
    let cut = &text[..text.len() * 3 / 4];
    let loaded = load_str("cut.json", cut, Format::Json, Mode::Lenient).expect("test fixture");
    assert_eq!(loaded.directory.services.len(), 1);
    let syntax = loaded
        .warnings
        .iter()
        .find(|w| w.kind == IssueKind::Syntax)
        .expect("test fixture");
    assert!(syntax.message.contains("cut short at line"), "{syntax}");
}

#[test]
fn a_json_array_is_checked_in_file_order() {
    // Services are read as the parser completes them: a bad service before a
    // break is the first problem strict mode meets, and lenient mode keeps
    // the good service before it and reports both, in file order.
    let bad = with(2, "/status", json!("open"));
    let text = format!("[{}, {}, {{\"id\": ", service(1), bad);
    match load_str("order.json", &text, Format::Json, Mode::Strict) {
        Err(LoadError::Invalid(issue)) => {
            assert_eq!(issue.kind, IssueKind::InvalidValue, "{issue}");
            assert_eq!(issue.field.as_deref(), Some("status"), "{issue}");
        }
        other => panic!("strict mode gave {other:?}"),
    }
    let loaded = load_str("order.json", &text, Format::Json, Mode::Lenient).expect("test fixture");
    let names = service_names(&loaded);
    assert_eq!(names, vec!["Service 1"]);
    let kinds: Vec<IssueKind> = loaded.warnings.iter().map(|w| w.kind).collect();
    assert_eq!(kinds.first(), Some(&IssueKind::InvalidValue), "{kinds:?}");
    assert_eq!(kinds.last(), Some(&IssueKind::Syntax), "{kinds:?}");
}
