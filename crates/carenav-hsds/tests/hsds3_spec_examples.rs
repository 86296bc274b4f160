//! The HSDS 3.0 spec's own examples load, in JSON and tabular form.

mod hsds3_common;

use carenav_core::{AgeRange, Constraint, LocationType, TimeOfDay};
use carenav_hsds::{IssueKind, LoadError, Mode, load};
use hsds3_common::{spec, spec_tabular_package};
use rstest::rstest;

const SERVICE: &str = "ac148810-d857-441c-9679-408f346de14b";
const ORG: &str = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610";
const LOCATION: &str = "3a19ff88-4620-4d17-9830-ac1d859eb5d5";
const LINK: &str = "e94c9f38-1e8f-4564-91d4-d53501ab1765";

#[rstest]
#[case::full("examples/service_full.json")]
#[case::paginated_list("examples/service_list.json")]
fn json_examples_load(#[case] file: &str) {
    let loaded = load(&spec().join(file), Mode::Lenient).unwrap();
    let d = &loaded.directory;
    assert_eq!(d.services.len(), 1);
    let s = &d.services[0];
    assert_eq!(s.id, SERVICE);
    assert_eq!(s.name, "Community Counselling");
    assert_eq!(s.organization_id, ORG);
    assert_eq!(d.organizations[0].name, "Example Organization Inc.");
    assert_eq!((s.minimum_age, s.maximum_age), (Some(12.0), Some(100.0)));
    assert_eq!(
        s.eligibility.age,
        Constraint::structured(
            AgeRange::client(Some(12.0), Some(100.0)),
            "minimum_age,maximum_age"
        )
    );
}

#[test]
fn full_example_keeps_every_part() {
    let loaded = load(&spec().join("examples/service_full.json"), Mode::Lenient).unwrap();
    let d = &loaded.directory;
    let s = &d.services[0];
    assert_eq!(d.locations.len(), 1);
    assert_eq!(d.service_at_locations.len(), 1);
    assert_eq!(d.service_at_locations[0].id, LINK);
    assert_eq!(d.service_at_locations[0].location_id, LOCATION);
    let loc = &d.locations[0];
    assert_eq!(loc.location_type, LocationType::Physical);
    assert_eq!(loc.point, None, "latitude 100 is out of range");
    assert_eq!(loc.addresses[0].postal_code, "ABC 1234");
    assert_eq!(loc.accessibility.len(), 1);
    assert_eq!(s.phones[0].extension.as_deref(), Some("100"));
    assert_eq!(s.schedules[0].opens_at, TimeOfDay::new(10, 0));
    assert_eq!(s.schedules[0].byday.as_deref(), Some("TH,FR"));
    assert_eq!(s.cost_options[0].amount, Some(35.0));
    assert_eq!(s.required_documents.len(), 1);
    assert_eq!(s.languages[0].code.as_deref(), Some("ur"));
    assert_eq!(s.attributes.len(), 1);
    assert_eq!(d.taxonomy_terms[0].taxonomy.as_deref(), Some("taxonomy"));
}

#[test]
fn strict_mode_refuses_the_examples_latitude() {
    let err = load(&spec().join("examples/service_full.json"), Mode::Strict).unwrap_err();
    let LoadError::Invalid(issue) = err else {
        panic!("expected an Invalid error, got {err}");
    };
    assert_eq!(issue.kind, IssueKind::OutOfRange);
    assert_eq!(issue.record.as_deref(), Some(SERVICE));
    assert_eq!(
        issue.field.as_deref(),
        Some("organization.locations[0].latitude")
    );
}

#[test]
fn tabular_example_loads_and_joins() {
    let dir = spec_tabular_package("tabular-example");
    let loaded = load(&dir, Mode::Lenient).unwrap();
    let d = &loaded.directory;
    assert_eq!(d.services.len(), 1);
    let s = &d.services[0];
    assert_eq!(s.id, SERVICE);
    assert_eq!(s.organization_id, ORG);
    assert_eq!(d.organizations.len(), 1);
    assert_eq!(
        d.organizations[0].phones.len(),
        1,
        "phones.csv row names the organization"
    );
    assert_eq!(s.phones.len(), 1);
    assert_eq!(s.schedules.len(), 1);
    assert_eq!(s.service_areas.len(), 1);
    assert_eq!(s.languages.len(), 1);
    assert_eq!(s.cost_options.len(), 1);
    assert_eq!(s.required_documents.len(), 1);
    assert_eq!(d.service_at_locations.len(), 1);
    let link = &d.service_at_locations[0];
    assert_eq!(
        (link.id.as_str(), link.location_id.as_str()),
        (LINK, LOCATION)
    );
    assert_eq!(link.phones.len(), 1);
    assert_eq!(link.schedules.len(), 1);
    let loc = &d.locations[0];
    assert_eq!(loc.addresses[0].city, "MyCity");
    assert_eq!(loc.accessibility.len(), 1);
    assert_eq!(loc.schedules.len(), 1);
    // The example's own inconsistencies come back as warnings, each named.
    let found: Vec<(IssueKind, String, Option<String>)> = loaded
        .warnings
        .iter()
        .map(|w| {
            let file = std::path::Path::new(&w.file)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (w.kind, file, w.field.clone())
        })
        .collect();
    for expected in [
        (IssueKind::OutOfRange, "locations.csv", Some("latitude")),
        (
            IssueKind::DanglingReference,
            "locations.csv",
            Some("organization_id"),
        ),
        (
            IssueKind::DanglingReference,
            "attributes.csv",
            Some("link_id"),
        ),
    ] {
        let expected = (
            expected.0,
            expected.1.to_owned(),
            expected.2.map(str::to_owned),
        );
        assert!(
            found.contains(&expected),
            "missing {expected:?} in {found:#?}"
        );
    }
    // The JSON and tabular forms agree on the service itself.
    let json = load(&spec().join("examples/service_full.json"), Mode::Lenient).unwrap();
    let js = &json.directory.services[0];
    assert_eq!(
        (
            &s.name,
            &s.description,
            &s.eligibility,
            &s.schedules,
            &s.cost_options
        ),
        (
            &js.name,
            &js.description,
            &js.eligibility,
            &js.schedules,
            &js.cost_options
        )
    );
    assert_eq!(
        d.locations[0].addresses,
        json.directory.locations[0].addresses
    );
}
