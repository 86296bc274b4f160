//! ILAO's own export (`shared/data/ilao-legal-aid/raw`) through the `ilao`
//! converter, and the HSDS 1.1 `services_at_location.csv` table.
//!
//! Expected figures were counted from the CSV files with Python (csv module)
//! before being written here.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use carenav_core::{
    Confidence, Constraint, Directory, IncomeLimit, Location, LocationType, Service, ServiceStatus,
    Situation,
};
use carenav_hsds::IssueKind;
use carenav_hsds::ids::stable_id;
use carenav_hsds::legacy::ilao::{ILAO_SERVICE_TYPES, ILAO_TOPICS};
use carenav_hsds::legacy::{Conversion, LegacyFormat, convert};
use rstest::rstest;

// The shared schema helpers unwrap on purpose (test setup).
#[allow(clippy::unwrap_used)]
mod hsds3_common;

fn shared_dir() -> PathBuf {
    let dir = std::env::var_os("CARENAV_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    assert!(
        dir.join("data").is_dir(),
        "shared data not found at {} (set CARENAV_SHARED_DIR to the folder holding data/)",
        dir.display()
    );
    dir
}

fn ilao_dir() -> PathBuf {
    shared_dir().join("data/ilao-legal-aid/raw")
}

fn run_at(path: &Path) -> Conversion {
    match convert(LegacyFormat::Ilao, path) {
        Ok(c) => {
            println!("{}", c.report);
            c
        }
        Err(e) => panic!("converting {} failed: {e}", path.display()),
    }
}

fn run() -> Conversion {
    run_at(&ilao_dir())
}

/// The service with ILAO id `src`.
fn service<'a>(d: &'a Directory, src: &str) -> &'a Service {
    let id = stable_id("ilao-raw/service", src);
    d.service(&id)
        .unwrap_or_else(|| panic!("service {src} not converted"))
}

/// The one location service `src` is linked to.
fn place<'a>(d: &'a Directory, src: &str) -> &'a Location {
    let s = service(d, src);
    let sals: Vec<_> = d
        .service_at_locations
        .iter()
        .filter(|x| x.service_id == s.id)
        .collect();
    assert_eq!(sals.len(), 1, "service {src} has {} links", sals.len());
    d.location(&sals[0].location_id)
        .unwrap_or_else(|| panic!("dangling location of {src}"))
}

fn area_names(s: &Service) -> Vec<&str> {
    s.service_areas
        .iter()
        .filter_map(|a| a.name.as_deref())
        .collect()
}

#[test]
fn converts_the_real_export_with_exact_counts() {
    let c = run();
    let counts = c.directory.counts();
    // 33 organizations + 280 ids only referred to; 429 services (one blank
    // row); 520 locations + 33 organization mailing addresses + 18 virtual
    // (phone/online only) + 2 made from coordinates; one link per service.
    assert_eq!(
        (
            counts.organizations,
            counts.services,
            counts.locations,
            counts.service_at_locations
        ),
        (313, 429, 573, 429)
    );
    let skipped: Vec<_> = c.report.skipped().collect();
    assert_eq!(skipped.len(), 1, "{skipped:#?}");
    assert_eq!(skipped[0].file, "services.csv");
    assert_eq!(skipped[0].message, "row has no Services-ID");
    assert_eq!(c.report.issues_of(IssueKind::Syntax).count(), 0);
    assert_eq!(c.report.issues_of(IssueKind::Encoding).count(), 0);
    assert_eq!(
        c.report.issues_of(IssueKind::DanglingReference).count(),
        280
    );
    // Every mailing address splits into lines; two services do not say
    // whether they are open.
    assert_eq!(c.report.issues_of(IssueKind::InvalidValue).count(), 0);
    let missing: Vec<_> = c
        .report
        .issues_of(IssueKind::MissingField)
        .map(|i| i.field.as_deref().unwrap_or_default())
        .collect();
    assert_eq!(missing, ["Is this service open?"; 2]);
    assert!(c.report.notes.iter().any(|n| n
        == "408 services at their Location ID location, 18 at a virtual location (delivered only by phone/online), 3 at a location made from their Geolocation, 0 at a copy of their location with their own coordinates, 0 not linked to any location"));
    assert!(
        c.report
            .notes
            .iter()
            .any(|n| n.starts_with("330 locations got their point"))
    );
    assert!(
        c.report
            .notes
            .iter()
            .any(|n| n.starts_with("30 locations use their organization's"))
    );

    assert_eq!(c.report.count("service_area"), 1369);
    assert_eq!(c.report.count("attribute"), 1481);
    let terms = |taxonomy: &str| {
        c.directory
            .taxonomy_terms
            .iter()
            .filter(|t| t.taxonomy.as_deref() == Some(taxonomy))
            .count()
    };
    assert_eq!((terms(ILAO_TOPICS), terms(ILAO_SERVICE_TYPES)), (61, 5));
    let with_point = c
        .directory
        .locations
        .iter()
        .filter(|l| l.point.is_some())
        .count();
    assert_eq!(
        with_point, 332,
        "330 from services' Geolocation + 2 made from it"
    );
}

#[test]
fn ids_are_stable_and_every_link_resolves() {
    let a = run();
    let b = run();
    assert_eq!(a.directory, b.directory, "second run differs");
    let d = &a.directory;
    let mut ids = HashSet::new();
    for id in d
        .organizations
        .iter()
        .map(|x| &x.id)
        .chain(d.services.iter().map(|x| &x.id))
        .chain(d.locations.iter().map(|x| &x.id))
        .chain(d.service_at_locations.iter().map(|x| &x.id))
        .chain(d.taxonomy_terms.iter().map(|x| &x.id))
    {
        assert!(ids.insert(id.clone()), "duplicate id {id}");
    }
    let services: HashSet<&str> = d.services.iter().map(|s| s.id.as_str()).collect();
    let locations: HashSet<&str> = d.locations.iter().map(|l| l.id.as_str()).collect();
    let orgs: HashSet<&str> = d.organizations.iter().map(|o| o.id.as_str()).collect();
    let mut per_service: HashMap<&str, usize> = HashMap::new();
    for sal in &d.service_at_locations {
        assert!(
            services.contains(sal.service_id.as_str()),
            "dangling service in {}",
            sal.id
        );
        assert!(
            locations.contains(sal.location_id.as_str()),
            "dangling location in {}",
            sal.id
        );
        *per_service.entry(&sal.service_id).or_default() += 1;
    }
    assert!(per_service.values().all(|n| *n == 1));
    assert_eq!(per_service.len(), d.services.len());
    assert!(
        d.services
            .iter()
            .all(|s| orgs.contains(s.organization_id.as_str()))
    );
    assert!(
        d.locations
            .iter()
            .filter_map(|l| l.organization_id.as_deref())
            .all(|o| orgs.contains(o))
    );
    // Ids are derived from ILAO's ids, not from positions.
    assert_eq!(
        service(d, "29601").id,
        stable_id("ilao-raw/service", "29601")
    );
}

#[test]
fn income_limit_of_200_percent_and_geolocation() {
    let c = run();
    let d = &c.directory;
    let s = service(d, "29601");
    assert_eq!(
        s.name,
        "Joliet Office - Legal help for people with low or no income"
    );
    assert_eq!(s.status, ServiceStatus::Active);
    match &s.eligibility.income {
        Constraint::Restricted { value, evidence } => {
            assert_eq!(*value, IncomeLimit::PercentOfPoverty(200.0));
            assert_eq!(evidence.confidence, Confidence::High);
        }
        other => panic!("income not structured: {other:?}"),
    }
    assert_eq!(
        s.fees_description.as_deref(),
        Some("Free to eligible persons/entities")
    );
    assert_eq!(area_names(s), ["Grundy County, IL", "Will County, IL"]);
    assert_eq!(
        s.eligibility.residency.value().map(Vec::len),
        Some(2),
        "the service area is also a residency restriction"
    );
    let l = place(d, "29601");
    assert_eq!(l.id, stable_id("ilao-raw/location", "26216"));
    assert_eq!(l.name.as_deref(), Some("Joliet Office"));
    assert_eq!(l.location_type, LocationType::Physical);
    let p = l.point.map(|p| (p.latitude, p.longitude));
    assert_eq!(p, Some((41.535383, -88.053442)));
    assert_eq!(
        l.organization_id.as_deref(),
        Some(s.organization_id.as_str())
    );
    let org = d.organization(&s.organization_id).map(|o| o.name.as_str());
    assert_eq!(org, Some("Unknown organization (ILAO id 25596)"));

    // Income readings over the whole export.
    let (mut high, mut low, mut unknown) = (0, 0, 0);
    for s in &d.services {
        match &s.eligibility.income {
            Constraint::Restricted { evidence, .. } if evidence.confidence == Confidence::High => {
                high += 1
            }
            Constraint::Restricted { .. } => low += 1,
            Constraint::Unknown { .. } => unknown += 1,
            Constraint::Open => {}
        }
    }
    // 92 at a Federal-Poverty-Level location, 21 whose standard is not
    // stated, 2 of area median income.
    assert_eq!((high, low, unknown), (92, 21, 2));
}

#[test]
fn senior_only_service_is_a_structured_population() {
    let c = run();
    let d = &c.directory;
    let s = service(d, "64196");
    assert_eq!(s.name, "Free legal help for seniors in Scott County");
    match &s.eligibility.populations {
        Constraint::Restricted { value, evidence } => {
            assert_eq!(value, &vec![Situation::Senior]);
            assert_eq!(evidence.confidence, Confidence::High);
            assert_eq!(
                evidence.text.as_deref(),
                Some("a senior (60 years or older)")
            );
        }
        other => panic!("populations not structured: {other:?}"),
    }
    assert!(
        s.eligibility.age.is_open(),
        "one of the listed groups, not an age limit"
    );
    assert!(s.eligibility.income.is_open(), "free to everyone");
    assert_eq!(area_names(s), ["Scott County, IL"]);
    assert_eq!(place(d, "64196").name.as_deref(), Some("Winchester Depot"));

    let with = |situation: Situation| {
        d.services
            .iter()
            .filter(|s| {
                s.eligibility
                    .populations
                    .value()
                    .is_some_and(|p| p.contains(&situation))
            })
            .count()
    };
    assert_eq!(with(Situation::Senior), 30);
    assert_eq!(with(Situation::HivAids), 14);
    assert_eq!(with(Situation::CrimeVictim), 9);
    assert_eq!(with(Situation::Veteran), 3);
    assert_eq!(with(Situation::Homeless), 3);
    // "a non-profit organization or small business" is no situation.
    let to_verify = d
        .services
        .iter()
        .filter(|s| {
            s.eligibility
                .to_verify
                .iter()
                .any(|t| t == "Must be: a non-profit organization or small business")
        })
        .count();
    assert_eq!(to_verify, 4);
    let limited = d
        .services
        .iter()
        .filter(|s| !s.eligibility.populations.is_open())
        .count();
    assert_eq!(
        limited, 68,
        "72 services list groups; 4 only the non-person one"
    );
}

#[rstest]
#[case("95456", "Illinois JusticeCorps", ServiceStatus::Inactive)]
#[case("49341", "Chinatown pro bono legal clinic", ServiceStatus::Inactive)]
#[case("30021", "Suburban seniors", ServiceStatus::Active)]
fn open_question_gives_the_status(
    #[case] src: &str,
    #[case] name: &str,
    #[case] status: ServiceStatus,
) {
    let c = run();
    let s = service(&c.directory, src);
    assert_eq!((s.name.as_str(), s.status), (name, status));
}

#[test]
fn inactive_services_are_counted_and_statewide_area_read() {
    let c = run();
    let d = &c.directory;
    let inactive = d
        .services
        .iter()
        .filter(|s| s.status == ServiceStatus::Inactive)
        .count();
    assert_eq!(inactive, 43);
    let s = service(d, "95456");
    assert_eq!(area_names(s), ["Illinois"]);
    let org = d.organization(&s.organization_id).map(|o| o.name.as_str());
    assert_eq!(org, Some("Illinois Bar Foundation"));
}

#[test]
fn county_limited_location_gives_its_services_county_areas() {
    let c = run();
    let d = &c.directory;
    let rock_island = stable_id("ilao-raw/location", "26241");
    let at: Vec<&Service> = d
        .service_at_locations
        .iter()
        .filter(|x| x.location_id == rock_island)
        .filter_map(|x| d.service(&x.service_id))
        .collect();
    assert!(!at.is_empty());
    for s in &at {
        assert_eq!(
            area_names(s),
            [
                "Henry County, IL",
                "Lee County, IL",
                "Mercer County, IL",
                "Rock Island County, IL",
                "Whiteside County, IL"
            ],
            "{}",
            s.name
        );
    }
    // Two-word and "La Salle" counties keep their spelling.
    let ottawa = service(d, "29581");
    assert_eq!(
        area_names(ottawa),
        [
            "Bureau County, IL",
            "La Salle County, IL",
            "Putnam County, IL"
        ]
    );
    let with_area = d
        .services
        .iter()
        .filter(|s| !s.service_areas.is_empty())
        .count();
    assert_eq!(with_area, 424);
}

#[test]
fn phone_only_service_gets_a_virtual_location() {
    let c = run();
    let d = &c.directory;
    let s = service(d, "38471");
    assert_eq!(s.name, "Legal advocates for seniors");
    let l = place(d, "38471");
    assert_eq!(l.location_type, LocationType::Virtual);
    assert_eq!(
        l.name.as_deref(),
        Some("Legal advocates for seniors (by phone)")
    );
    assert!(l.point.is_none());
    assert_eq!(
        s.fees_description.as_deref(),
        Some(
            "Sliding scale based on income\n\nWe provide sliding-scale services based on your ability to pay."
        )
    );
    assert!(s.eligibility.income.is_open());
    // Its ILAO location still got the service's coordinates.
    let office = d.location(&stable_id("ilao-raw/location", "26006"));
    assert!(office.and_then(|l| l.point).is_some());
    let virtual_count = d
        .locations
        .iter()
        .filter(|l| l.location_type == LocationType::Virtual)
        .count();
    assert_eq!(virtual_count, 18);
}

#[test]
fn services_without_location_record_are_placed_by_coordinates() {
    let c = run();
    let d = &c.directory;
    // Two Chicago Legal Clinic services at one point share one location.
    let a = place(d, "34001");
    let b = place(d, "33901");
    assert_eq!(a.id, b.id);
    assert_eq!(
        a.point.map(|p| (p.latitude, p.longitude)),
        Some((41.88149, -87.624392))
    );
    assert_eq!(
        a.name.as_deref(),
        Some("Chicago Legal Clinic (place given only by coordinates)")
    );
    let other = place(d, "29641");
    assert_ne!(other.id, a.id);
    assert_eq!(
        other.point.map(|p| (p.latitude, p.longitude)),
        Some((40.47558, -89.00472))
    );
    // The third one of that clinic is a phone service.
    assert_eq!(place(d, "38506").location_type, LocationType::Virtual);
}

#[test]
fn organizations_read_html_free_text_and_split_mailing_addresses() {
    let c = run();
    let d = &c.directory;
    let laf = d
        .organization(&stable_id("ilao-raw/organization", "25231"))
        .unwrap_or_else(|| panic!("LAF missing"));
    assert_eq!(laf.name, "LAF");
    assert_eq!(laf.email.as_deref(), Some("jgallo@lafchicago.org"));
    assert_eq!(
        laf.phones.first().map(|p| p.number.as_str()),
        Some("(312) 341-1070")
    );
    let mailing = d
        .location(&stable_id("ilao-raw/organization-address", "25231"))
        .and_then(|l| l.addresses.first())
        .unwrap_or_else(|| panic!("LAF mailing address missing"));
    assert_eq!(
        (
            mailing.address_1.as_str(),
            mailing.address_2.as_deref(),
            mailing.city.as_str(),
            mailing.state_province.as_str(),
            mailing.postal_code.as_str()
        ),
        (
            "120 South LaSalle Street",
            Some("Suite 900"),
            "Chicago",
            "IL",
            "60603"
        )
    );
    let aflan = d
        .organization(&stable_id("ilao-raw/organization", "131321"))
        .unwrap_or_else(|| panic!("IL-AFLAN missing"));
    assert!(
        aflan
            .description
            .starts_with("The Illinois Armed Forces Legal Aid Network (IL-AFLAN) provides")
    );
    let postal = d
        .locations
        .iter()
        .filter(|l| l.location_type == LocationType::Postal && !l.addresses.is_empty())
        .count();
    assert_eq!(postal, 33);
}

#[test]
fn truncated_csv_row_is_reported_and_the_rest_converts() {
    let dir = std::env::temp_dir().join(format!("carenav-ilao-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    for name in ["organizations.csv", "locations.csv", "services.csv"] {
        std::fs::copy(ilao_dir().join(name), dir.join(name)).unwrap_or_else(|e| panic!("{e}"));
    }
    let services = dir.join("services.csv");
    let mut text = std::fs::read_to_string(&services).unwrap_or_else(|e| panic!("{e}"));
    // The file has 14,138 lines and no final newline.
    text.push_str("\n99999,Truncated service,Yes\n");
    std::fs::write(&services, text).unwrap_or_else(|e| panic!("{e}"));

    let c = run_at(&dir);
    let syntax: Vec<_> = c.report.issues_of(IssueKind::Syntax).collect();
    assert_eq!(syntax.len(), 1, "{syntax:?}");
    assert_eq!(syntax[0].file, "services.csv");
    assert_eq!(syntax[0].record.as_deref(), Some("line 14139"));
    assert_eq!(c.directory.services.len(), 429);
    assert_eq!(c.directory.service_at_locations.len(), 429);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn hsds1_services_at_location_table_is_used() {
    let src = shared_dir().join("data/ilao-legal-aid/hsds-1.1");
    let dir = std::env::temp_dir().join(format!("carenav-hsds1-sal-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    for entry in std::fs::read_dir(&src)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
    {
        std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap_or_else(|e| panic!("{e}"));
    }
    // The real package has no such table; add one in the HSDS 1.1 shape.
    std::fs::write(
        dir.join("services_at_location.csv"),
        "id,service_id,location_id,description\n1,135836,135831,At the library\n2,404,135831,\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let c = convert(LegacyFormat::Hsds1, &dir).unwrap_or_else(|e| panic!("{e}"));
    println!("{}", c.report);
    let sals = &c.directory.service_at_locations;
    assert_eq!(sals.len(), 1);
    assert_eq!(sals[0].service_id, stable_id("hsds1/service", "135836"));
    assert_eq!(sals[0].location_id, stable_id("hsds1/location", "135831"));
    assert_eq!(sals[0].description.as_deref(), Some("At the library"));
    let skipped: Vec<_> = c
        .report
        .skipped()
        .filter(|i| i.file == "services_at_location.csv")
        .collect();
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0].record.as_deref(), Some("2"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn hours_are_read_into_weekly_schedules() {
    let c = run();
    let d = &c.directory;
    // 356 locations have hours text; 7 of them cannot be read whole (a typo
    // like "1:00-17:00"), and then stay text only. Recurring dates are text.
    let read = d
        .locations
        .iter()
        .filter(|l| l.schedules.iter().any(|s| s.opens_at.is_some()))
        .count();
    assert_eq!(read, 349);
    let joliet = d.location(&stable_id("ilao-raw/location", "26216"));
    let s = joliet.and_then(|l| l.schedules.first());
    assert_eq!(s.and_then(|s| s.byday.as_deref()), Some("MO,TU,WE,TH,FR"));
    assert!(
        s.and_then(|s| s.notes.as_deref())
            .is_some_and(|n| n.starts_with("Closed on: New Year's Day"))
    );
    // A service with its own hours carries them on its service_at_location.
    let own = d
        .service_at_locations
        .iter()
        .filter(|x| !x.schedules.is_empty())
        .count();
    assert_eq!(own, 45);
}

#[test]
fn export_is_valid_hsds_and_reads_back() {
    let c = run();
    let validator = hsds3_common::service_validator();
    let services = carenav_hsds::to_hsds_services(&c.directory);
    assert_eq!(services.len(), 429);
    for service in &services {
        let errors = hsds3_common::schema_errors(&validator, service);
        assert!(
            errors.is_empty(),
            "service {} is invalid HSDS: {errors:?}",
            service["id"]
        );
    }
    let mut bytes = Vec::new();
    carenav_hsds::write_ndjson(&c.directory, &mut bytes).unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8(bytes).unwrap_or_else(|e| panic!("{e}"));
    let loaded = carenav_hsds::load_str(
        "ilao.ndjson",
        &text,
        carenav_hsds::Format::Ndjson,
        carenav_hsds::Mode::Strict,
    )
    .unwrap_or_else(|e| panic!("carenav's own export refused: {e}"));
    assert_eq!(loaded.directory.services.len(), 429);
    assert_eq!(loaded.directory.service_at_locations.len(), 429);
}
