//! HSDS 3.0 export: schema validity and directory -> export -> import round trips.

mod hsds3_common;

use carenav_core::{
    Address, AddressType, AgeOf, AgeRange, Attribute, Confidence, Constraint, CostOption, Date,
    Directory, Eligibility, Gender, GeoPoint, HouseholdLimit, HouseholdLimits, IncomeLimit,
    Language, Location, LocationType, Organization, Phone, RequiredDocument, Schedule, Service,
    ServiceArea, ServiceAtLocation, ServiceStatus, Situation, TaxonomyTerm, TimeOfDay, Weekday,
};
use carenav_hsds::ids::child_id;
use carenav_hsds::{
    Format, IssueKind, Mode, load, load_str, to_hsds_services, write_json, write_ndjson,
};
use hsds3_common::{schema_errors, service_validator, spec};
use rstest::rstest;

const ORG: &str = "11111111-1111-4111-8111-111111111111";
const LOC: &str = "22222222-2222-4222-8222-222222222222";
const SVC_A: &str = "33333333-3333-4333-8333-333333333333";
const SVC_B: &str = "44444444-4444-4444-8444-444444444444";
const SAL: &str = "55555555-5555-4555-8555-555555555555";
const TERM: &str = "66666666-6666-4666-8666-666666666666";

/// A directory using every part of the model, children mostly without ids.
fn hand_built() -> Directory {
    let time = |h, m| TimeOfDay::new(h, m).expect("test fixture");
    let organization = Organization {
        id: ORG.into(),
        name: "Samaritan House".into(),
        alternate_name: Some("SH".into()),
        description: String::new(),
        email: Some("info@samaritanhouse.example".into()),
        website: Some("https://samaritanhouse.example/".into()),
        legal_status: Some("non-profit".into()),
        tax_id: Some("94-1234567".into()),
        year_incorporated: Some(1974),
        phones: vec![Phone {
            number: "650-347-3648".into(),
            extension: Some("12".into()),
            ..Phone::default()
        }],
    };
    let location = Location {
        id: LOC.into(),
        location_type: LocationType::Physical,
        organization_id: Some(ORG.into()),
        name: Some("San Mateo office".into()),
        point: GeoPoint::new(37.5630, -122.3255),
        addresses: vec![Address {
            address_type: AddressType::Physical,
            address_1: "4031 Pacific Blvd".into(),
            city: "San Mateo".into(),
            state_province: "CA".into(),
            postal_code: "94403".into(),
            country: "US".into(),
            ..Address::default()
        }],
        schedules: vec![Schedule::weekly(
            &[Weekday::Monday, Weekday::Friday],
            time(9, 0),
            time(17, 0),
        )],
        languages: vec![Language {
            name: Some("Spanish".into()),
            code: Some("es".into()),
            ..Language::default()
        }],
        ..Location::default()
    };
    let seniors = Service {
        id: SVC_A.into(),
        organization_id: ORG.into(),
        name: "Senior meals".into(),
        status: ServiceStatus::Active,
        description: Some("Hot lunch for seniors and veterans.".into()),
        eligibility_description: Some(
            "Ages 60 and over, veterans, San Mateo County residents, income under 200% FPL".into(),
        ),
        assured_date: Date::new(2024, 2, 29),
        last_modified: Some("2024-03-01T10:00:00Z".into()),
        schedules: vec![Schedule {
            freq: Some(carenav_core::Frequency::Monthly),
            byday: Some("1SA,-1FR".into()),
            opens_at: Some(time(11, 30)),
            closes_at: Some(time(24, 0)),
            valid_from: Date::new(2024, 1, 1),
            timezone: Some(-8.0),
            description: Some("First Saturday and last Friday".into()),
            ..Schedule::default()
        }],
        service_areas: vec![ServiceArea {
            name: Some("San Mateo County".into()),
            extent_type: Some("text".into()),
            ..ServiceArea::default()
        }],
        cost_options: vec![CostOption {
            option: Some("Suggested donation".into()),
            currency: Some("USD".into()),
            amount: Some(2.5),
            ..CostOption::default()
        }],
        required_documents: vec![RequiredDocument {
            document: "Photo ID".into(),
            ..RequiredDocument::default()
        }],
        attributes: vec![Attribute {
            taxonomy_term_id: TERM.into(),
            value: Some("hot meals".into()),
            ..Attribute::default()
        }],
        eligibility: Eligibility {
            age: Constraint::from_text(
                AgeRange {
                    min: Some(60.0),
                    max: None,
                    of: AgeOf::Client,
                },
                "Ages 60 and over",
                Confidence::High,
            ),
            income: Constraint::from_text(
                IncomeLimit::PercentOfPoverty(200.0),
                "income under 200% FPL",
                Confidence::High,
            ),
            populations: Constraint::from_text(
                vec![Situation::Senior, Situation::Veteran],
                "veterans",
                Confidence::Low,
            ),
            residency: Constraint::from_text(
                vec!["San Mateo County".to_owned()],
                "San Mateo County residents",
                Confidence::High,
            ),
            gender: Constraint::Open,
            to_verify: vec!["must be able to walk to the dining room".into()],
            ..Eligibility::default()
        },
        ..Service::default()
    };
    let women = Service {
        id: SVC_B.into(),
        organization_id: ORG.into(),
        name: "Women's shelter".into(),
        status: ServiceStatus::TemporarilyClosed,
        minimum_age: Some(18.0),
        maximum_age: Some(64.5),
        phones: vec![Phone {
            id: Some("77777777-7777-4777-8777-777777777777".into()),
            number: "650-555-0100".into(),
            kind: Some("voice".into()),
            ..Phone::default()
        }],
        eligibility: Eligibility {
            age: Constraint::structured(
                AgeRange::client(Some(18.0), Some(64.5)),
                "minimum_age,maximum_age",
            ),
            gender: Constraint::structured(Gender::Female, "gender"),
            income: Constraint::Unknown {
                text: "low income".into(),
            },
            ..Eligibility::default()
        },
        ..Service::default()
    };
    Directory {
        organizations: vec![organization],
        services: vec![seniors, women],
        locations: vec![location],
        service_at_locations: vec![ServiceAtLocation {
            id: SAL.into(),
            service_id: SVC_A.into(),
            location_id: LOC.into(),
            description: Some("Lunch served in the hall".into()),
            schedules: vec![Schedule::weekly(
                &[Weekday::Tuesday],
                time(11, 0),
                time(13, 0),
            )],
            ..ServiceAtLocation::default()
        }],
        taxonomy_terms: vec![TaxonomyTerm {
            id: TERM.into(),
            code: Some("BD-5000".into()),
            name: "Meals".into(),
            description: String::new(),
            taxonomy: Some("airs".into()),
            ..TaxonomyTerm::default()
        }],
    }
}

/// Exports, checks every service against the schema, and imports back.
fn round_trip(directory: &Directory, format: Format) -> Directory {
    let validator = service_validator();
    for service in to_hsds_services(directory) {
        let errors = schema_errors(&validator, &service);
        assert!(errors.is_empty(), "export does not validate: {errors:#?}");
    }
    let mut bytes = Vec::new();
    match format {
        Format::Json => write_json(directory, &mut bytes).expect("test fixture"),
        Format::Ndjson => write_ndjson(directory, &mut bytes).expect("test fixture"),
    }
    let text = String::from_utf8(bytes).expect("test fixture");
    let loaded = load_str("export", &text, format, Mode::Strict).expect("test fixture");
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    loaded.directory
}

/// `directory` with every missing child id minted the way the exporter does.
fn with_minted_ids(mut d: Directory) -> Directory {
    fn fill<T>(parent: &str, kind: &str, items: &mut [T], id: fn(&mut T) -> &mut Option<String>) {
        for (i, item) in items.iter_mut().enumerate() {
            id(item).get_or_insert_with(|| child_id(parent, kind, i));
        }
    }
    for o in &mut d.organizations {
        fill(&o.id, "phone", &mut o.phones, |x| &mut x.id);
    }
    for s in &mut d.services {
        fill(&s.id, "phone", &mut s.phones, |x| &mut x.id);
        fill(&s.id, "schedule", &mut s.schedules, |x| &mut x.id);
        fill(&s.id, "service_area", &mut s.service_areas, |x| &mut x.id);
        fill(&s.id, "language", &mut s.languages, |x| &mut x.id);
        fill(&s.id, "cost_option", &mut s.cost_options, |x| &mut x.id);
        fill(&s.id, "required_document", &mut s.required_documents, |x| {
            &mut x.id
        });
        fill(&s.id, "attribute", &mut s.attributes, |x| &mut x.id);
    }
    for l in &mut d.locations {
        fill(&l.id, "phone", &mut l.phones, |x| &mut x.id);
        fill(&l.id, "schedule", &mut l.schedules, |x| &mut x.id);
        fill(&l.id, "address", &mut l.addresses, |x| &mut x.id);
        fill(&l.id, "language", &mut l.languages, |x| &mut x.id);
        fill(&l.id, "accessibility", &mut l.accessibility, |x| &mut x.id);
    }
    for l in &mut d.service_at_locations {
        fill(&l.id, "phone", &mut l.phones, |x| &mut x.id);
        fill(&l.id, "schedule", &mut l.schedules, |x| &mut x.id);
    }
    d
}

#[rstest]
#[case::json(Format::Json)]
#[case::ndjson(Format::Ndjson)]
fn hand_built_directory_survives_a_round_trip(#[case] format: Format) {
    let directory = hand_built();
    // Child records without ids come back with the ids the export minted,
    // the same ones the legacy converters assign; everything else is equal.
    let once = round_trip(&directory, format);
    assert_eq!(once, with_minted_ids(directory));
    assert_eq!(round_trip(&once, format), once);
}

#[test]
fn eligibility_is_coded_as_carenav_attributes() {
    let services = to_hsds_services(&hand_built());
    let codes: Vec<(String, Option<String>)> = services[0]["attributes"]
        .as_array()
        .expect("test fixture")
        .iter()
        .filter(|a| a["taxonomy_term"]["taxonomy"] == "carenav-eligibility")
        .map(|a| {
            (
                a["taxonomy_term"]["code"]
                    .as_str()
                    .expect("test fixture")
                    .to_owned(),
                a["value"].as_str().map(str::to_owned),
            )
        })
        .collect();
    let expected = [
        ("age:client", Some("60..")),
        ("income:percent-of-poverty", Some("200")),
        ("population:senior", None),
        ("population:veteran", None),
        ("residency", Some("San Mateo County")),
        ("to-verify", Some("must be able to walk to the dining room")),
    ];
    let expected: Vec<(String, Option<String>)> = expected
        .iter()
        .map(|(c, v)| (c.to_string(), v.map(str::to_owned)))
        .collect();
    assert_eq!(codes, expected);
    // The text-derived client age also fills HSDS's own field, marked as derived.
    assert_eq!(services[0]["minimum_age"], 60.0);
    assert_eq!(
        services[0]["carenav_derived"],
        serde_json::json!(["minimum_age"])
    );
    // Given ages are written as given and not marked.
    assert_eq!(services[1]["maximum_age"], 64.5);
    assert!(services[1].get("carenav_derived").is_none());
}

#[test]
fn spec_example_service_round_trips_and_validates() {
    let first =
        load(&spec().join("examples/service_full.json"), Mode::Lenient).expect("test fixture");
    // The example's location (given twice) sits at latitude 100 (longitude 101
    // is fine): the only problem.
    let kinds: Vec<(IssueKind, Option<&str>)> = first
        .warnings
        .iter()
        .map(|w| (w.kind, w.field.as_deref()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (
                IssueKind::OutOfRange,
                Some("organization.locations[0].latitude")
            ),
            (
                IssueKind::OutOfRange,
                Some("service_at_locations[0].location.latitude")
            ),
        ]
    );
    let again = round_trip(&first.directory, Format::Json);
    assert_eq!(again, first.directory);
}

#[test]
fn export_is_stable() {
    let a = to_hsds_services(&hand_built());
    let b = to_hsds_services(&hand_built());
    assert_eq!(a, b);
    // Minted child ids are UUIDs, distinct per child.
    let phone_id = a[0]["organization"]["phones"][0]["id"]
        .as_str()
        .expect("test fixture")
        .to_owned();
    let address_id = a[0]["service_at_locations"][0]["location"]["addresses"][0]["id"]
        .as_str()
        .expect("test fixture")
        .to_owned();
    assert_eq!(phone_id.len(), 36);
    assert_ne!(phone_id, address_id);
}

/// Income limits per household size are coded "size:dollars,...,+:dollars"
/// and read back as written.
#[test]
fn income_limits_per_household_size_round_trip() {
    let mut directory = hand_built();
    let limits = IncomeLimit::AnnualByHouseholdSize(HouseholdLimits {
        limits: vec![
            HouseholdLimit {
                size: 1,
                annual_dollars: 39_600.0,
            },
            HouseholdLimit {
                size: 2,
                annual_dollars: 45_250.0,
            },
        ],
        each_additional: Some(5_650.0),
    });
    directory.services[1].eligibility.income = Constraint::from_text(
        limits.clone(),
        "income cannot exceed $39,600 for 1 person, $45,250 for 2 persons; add $5,650 for each additional person",
        Confidence::High,
    );
    let services = to_hsds_services(&directory);
    let coded = services[1]["attributes"]
        .as_array()
        .expect("test fixture")
        .iter()
        .find(|a| a["taxonomy_term"]["code"] == "income:annual-by-household-size")
        .map(|a| a["value"].clone());
    assert_eq!(coded, Some(serde_json::json!("1:39600,2:45250,+:5650")));
    let back = round_trip(&directory, Format::Json);
    assert_eq!(back.services[1].eligibility.income.value(), Some(&limits));
}
