//! Matching on the real converted directories in `../shared/data/`: the
//! right services appear, and the ineligible ones never do.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use carenav_core::matching::MatchResult;
use carenav_core::{ClientProfile, Directory, Gender, ServiceStatus};
use carenav_hsds::legacy::{LegacyFormat, convert};
use carenav_index::{IndexError, MatchOptions, ServiceIndex};
use rstest::rstest;

fn shared() -> PathBuf {
    let dir = std::env::var_os("CARENAV_SHARED_DIR").map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")),
        PathBuf::from,
    );
    assert!(
        dir.join("data").is_dir(),
        "shared fixtures not found at {} (set CARENAV_SHARED_DIR)",
        dir.display()
    );
    dir
}

struct Fixture {
    directory: Directory,
    index: ServiceIndex,
}

fn fixture(format: LegacyFormat, folder: &str) -> Fixture {
    let path = shared().join("data").join(folder);
    let directory = convert(format, &path)
        .unwrap_or_else(|e| panic!("{folder} converts: {e}"))
        .directory;
    let index = ServiceIndex::build_in_ram(&directory).expect("index builds");
    Fixture { directory, index }
}

static LINKSF: LazyLock<Fixture> = LazyLock::new(|| fixture(LegacyFormat::Linksf, "linksf-sf"));
static SMC: LazyLock<Fixture> = LazyLock::new(|| fixture(LegacyFormat::Ohana, "ohana-smc"));

fn profile(json: &str) -> ClientProfile {
    ClientProfile::from_json(json).expect("test profile is valid")
}

fn explain() -> MatchOptions {
    MatchOptions {
        limit: 10,
        explain_exclusions: true,
        ..MatchOptions::default()
    }
}

fn run(fixture: &Fixture, json: &str) -> MatchResult {
    fixture
        .index
        .match_profile(&profile(json), &explain())
        .expect("match runs")
}

fn names(result: &MatchResult) -> Vec<&str> {
    result
        .needs
        .iter()
        .flat_map(|n| &n.referrals)
        .map(|r| r.service_name.as_str())
        .collect()
}

fn excluded_for<'a>(result: &'a MatchResult, constraint: &str) -> Vec<&'a str> {
    result
        .needs
        .iter()
        .flat_map(|n| &n.excluded)
        .filter(|e| e.exclusion.constraint == constraint)
        .map(|e| e.service_name.as_str())
        .collect()
}

/// Every referral's service, looked up in the directory it came from.
fn referred<'a>(fixture: &'a Fixture, result: &MatchResult) -> Vec<&'a carenav_core::Service> {
    result
        .needs
        .iter()
        .flat_map(|n| &n.referrals)
        .map(|r| {
            fixture
                .directory
                .service(&r.service_id)
                .expect("referral names a directory service")
        })
        .collect()
}

const SF_MAN: &str = r#"{"location":{"latitude":37.7749,"longitude":-122.4194},"max_distance_km":5,
    "age":40,"gender":"male","needs":[{"domain":"homelessness","urgency":"high"},
    {"domain":"food-insecurity"},{"domain":"medical-care"}]}"#;

#[test]
fn a_man_is_never_sent_to_a_women_only_service() {
    let result = run(&LINKSF, SF_MAN);
    assert!(!names(&result).is_empty(), "the man gets referrals");
    for service in referred(&LINKSF, &result) {
        assert_ne!(
            service.eligibility.gender.value(),
            Some(&Gender::Female),
            "{} is women-only",
            service.name
        );
    }
    // The women-only shelters nearby were seen and excluded, with the reason.
    let excluded = excluded_for(&result, "gender");
    assert!(
        excluded.iter().any(|n| n.contains("Domestic violence")),
        "La Casa de las Madres' shelter is excluded by gender: {excluded:?}"
    );
}

#[test]
fn a_sixteen_year_old_is_never_sent_to_an_adults_only_service() {
    let result = run(
        &LINKSF,
        r#"{"location":{"latitude":37.7749,"longitude":-122.4194},"max_distance_km":5,
            "age":16,"needs":[{"domain":"homelessness","urgency":"high"},{"domain":"food-insecurity"}]}"#,
    );
    for service in referred(&LINKSF, &result) {
        if let Some(range) = service.eligibility.age.value() {
            assert!(range.contains(16.0), "{} serves {range:?}", service.name);
        }
    }
    let excluded = excluded_for(&result, "age");
    assert!(
        !excluded.is_empty(),
        "adults-only and seniors-only places nearby are excluded"
    );
    assert!(
        names(&result)
            .iter()
            .any(|n| n.contains("Youth") || n.contains("youth")),
        "a youth shelter is referred: {:?}",
        names(&result)
    );
}

#[rstest]
#[case::senior_food_redwood_city(
    r#"{"location":{"latitude":37.4852,"longitude":-122.2364},"max_distance_km":10,"age":67,
        "needs":[{"domain":"food-insecurity","urgency":"high"}]}"#,
    &["Second Harvest Food Bank of Santa Clara and San Mateo Counties", "Redwood City Corps"]
)]
#[case::legal_aid_redwood_city(
    r#"{"location":{"latitude":37.4852,"longitude":-122.2364},"max_distance_km":10,"age":40,
        "needs":[{"domain":"legal-aid","urgency":"high"}]}"#,
    &["San Mateo County Regional Office"]
)]
fn the_right_services_appear(#[case] json: &str, #[case] expected: &[&str]) {
    let result = run(&SMC, json);
    let got = names(&result);
    for name in expected {
        let excluded: Vec<_> = result.needs.iter().flat_map(|n| &n.excluded).collect();
        assert!(
            got.contains(name),
            "{name} missing from {got:?}; excluded: {excluded:?}"
        );
    }
}

#[test]
fn a_client_outside_a_county_only_service_area_is_not_sent_there() {
    // Palo Alto is in Santa Clara County, a few km from San Mateo County's line.
    let result = run(
        &SMC,
        r#"{"location":{"latitude":37.4419,"longitude":-122.1430},"max_distance_km":10,"age":40,
            "needs":[{"domain":"food-insecurity","urgency":"high"},{"domain":"legal-aid"}]}"#,
    );
    for service in referred(&SMC, &result) {
        let areas: Vec<&str> = service
            .service_areas
            .iter()
            .filter_map(|a| a.name.as_deref())
            .collect();
        assert!(
            areas != ["San Mateo County"],
            "{} serves only San Mateo County",
            service.name
        );
    }
    assert!(
        !excluded_for(&result, "service-area").is_empty(),
        "nearby San Mateo-only services are excluded by service area"
    );
}

/// A directory holding one service of `directory` with its links (and
/// everything they may refer to), to upsert a changed copy of it.
fn only_service(directory: &Directory, id: &str) -> Directory {
    Directory {
        taxonomy_terms: directory.taxonomy_terms.clone(),
        organizations: directory.organizations.clone(),
        locations: directory.locations.clone(),
        service_at_locations: directory
            .service_at_locations
            .iter()
            .filter(|s| s.service_id == id)
            .cloned()
            .collect(),
        services: directory
            .services
            .iter()
            .filter(|s| s.id == id)
            .cloned()
            .collect(),
    }
}

#[test]
fn an_inactive_service_never_appears() {
    let json = r#"{"location":{"latitude":37.4852,"longitude":-122.2364},"max_distance_km":10,"age":67,
        "needs":[{"domain":"food-insecurity","urgency":"high"}]}"#;
    let fixture = fixture(LegacyFormat::Ohana, "ohana-smc");
    let before = run(&fixture, json);
    let top = before.needs[0].referrals[0].service_id.clone();
    let mut changed = only_service(&fixture.directory, &top);
    changed.services[0].status = ServiceStatus::Inactive;
    fixture.index.upsert(&changed).expect("upsert");
    let after = run(&fixture, json);
    assert!(after.needs[0].referrals.iter().all(|r| r.service_id != top));
    assert!(
        after.needs[0]
            .excluded
            .iter()
            .any(|e| e.service_id == top && e.exclusion.constraint == "status"),
        "the inactive service is explained as excluded by status"
    );
    fixture
        .index
        .delete_services([top.as_str()])
        .expect("delete");
    assert!(fixture.index.service(&top).expect("lookup").is_none());
}

/// A note in Spanish finds a description in Spanish (the real exports have
/// none, so the last of the food services near a client gets a Spanish
/// sentence): the note's words lift it in the ranking.
#[test]
fn a_spanish_note_finds_a_spanish_description() {
    let base = r#"{"location":{"latitude":37.4852,"longitude":-122.2364},"max_distance_km":10,"age":40,
        "needs":[{"domain":"food-insecurity","urgency":"high"NOTE}]}"#;
    let plain = base.replace("NOTE", "");
    let noted = base.replace("NOTE", r#","note":"frutas y verduras frescas""#);
    let fixture = fixture(LegacyFormat::Ohana, "ohana-smc");
    let rank = |json: &str, id: &str| {
        run(&fixture, json).needs[0]
            .referrals
            .iter()
            .position(|r| r.service_id == id)
    };
    let before = run(&fixture, &plain);
    let last = before.needs[0].referrals.last().expect("food nearby");
    let id = last.service_id.clone();
    assert_eq!(rank(&noted, &id), rank(&plain, &id), "no Spanish text yet");
    let mut changed = only_service(&fixture.directory, &id);
    let service = &mut changed.services[0];
    let description = service.description.take().unwrap_or_default();
    service.description = Some(format!(
        "{description} Despensa de comida con frutas y verduras frescas para familias."
    ));
    fixture.index.upsert(&changed).expect("upsert");
    let (lifted, was) = (rank(&noted, &id), rank(&plain, &id));
    assert!(
        lifted.zip(was).is_some_and(|(l, w)| l < w),
        "the Spanish note lifts it: {lifted:?} against {was:?}"
    );
}

/// A record is stored as its card and the rest (nothing twice): what is
/// read back is every field of what was indexed.
#[rstest]
#[case(&*LINKSF)]
#[case(&*SMC)]
fn records_read_back_whole(#[case] fixture: &Fixture) {
    let d = &fixture.directory;
    for service in &d.services {
        let stored = fixture.index.service(&service.id).expect("lookup");
        // A service without a location has no document.
        if d.service_at_locations
            .iter()
            .any(|l| l.service_id == service.id)
        {
            assert_eq!(stored.as_ref(), Some(service), "service {}", service.id);
        }
    }
    let ids = d
        .service_at_locations
        .iter()
        .map(|l| (l.service_id.as_str(), l.id.as_str()));
    let back = fixture.index.directory_for(ids).expect("records");
    assert_eq!(
        back.service_at_locations.len(),
        d.service_at_locations.len()
    );
    for link in &back.service_at_locations {
        let source = d.service_at_locations.iter().find(|l| l.id == link.id);
        assert_eq!(Some(link), source);
    }
    for location in &back.locations {
        assert_eq!(d.location(&location.id), Some(location));
    }
}

#[rstest]
#[case(&*LINKSF, SF_MAN)]
#[case(&*SMC, r#"{"location":{"zip":"94063"},"max_distance_km":15,"age":34,"gender":"female",
    "household_size":4,"monthly_income":2600,"languages":["es"],"attributes":["immigrant"],
    "needs":[{"domain":"housing-instability","urgency":"high","note":"eviction notice"},
    {"domain":"childcare"},{"domain":"legal-aid","urgency":"high"},{"domain":"mental-health","urgency":"low"}]}"#)]
fn every_referral_has_a_reason_and_is_within_reach(#[case] fixture: &Fixture, #[case] json: &str) {
    let result = run(fixture, json);
    let max = profile(json).max_distance_km.unwrap_or(25.0);
    let urgencies: Vec<u8> = result.needs.iter().map(|n| n.urgency.rank()).collect();
    assert!(
        urgencies.windows(2).all(|w| w[0] <= w[1]),
        "most urgent first"
    );
    let mut total = 0;
    for need in &result.needs {
        let mut services = std::collections::HashSet::new();
        for r in &need.referrals {
            total += 1;
            assert!(r.reasons.len() >= 2, "{}: {:?}", r.service_name, r.reasons);
            assert!(
                r.distance_km.is_none_or(|d| d <= max + 0.05),
                "{} too far",
                r.service_name
            );
            assert!(
                services.insert(&r.service_id),
                "{} twice for one need",
                r.service_name
            );
        }
        assert!(need.referrals.windows(2).all(|w| w[0].score >= w[1].score));
    }
    assert!(total > 0);
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("carenav-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn an_index_on_disk_reopens_with_the_same_answers_and_refuses_other_versions() {
    let dir = scratch_dir("disk");
    let built = ServiceIndex::build_in_dir(&LINKSF.directory, &dir).expect("build on disk");
    let first = built
        .match_profile(&profile(SF_MAN), &MatchOptions::default())
        .expect("match");
    drop(built);
    let reopened = ServiceIndex::open(&dir).expect("reopen");
    let again = reopened
        .match_profile(&profile(SF_MAN), &MatchOptions::default())
        .expect("match");
    assert_eq!(first, again);
    assert_eq!(reopened.len(), LINKSF.index.len());
    drop(reopened);

    assert!(matches!(
        ServiceIndex::create_in_dir(&dir),
        Err(IndexError::NotEmpty { .. })
    ));
    let stamp = dir.join(carenav_index::STAMP_FILE);
    std::fs::write(&stamp, r#"{"schema_version":1,"carenav_version":"0.0.1"}"#).expect("write");
    let err = ServiceIndex::open(&dir).expect_err("old schema refused");
    assert!(
        matches!(err, IndexError::SchemaVersion { found: 1, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("rebuild"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);

    let not_index = scratch_dir("not-an-index");
    std::fs::create_dir_all(&not_index).expect("mkdir");
    assert!(matches!(
        ServiceIndex::open(&not_index),
        Err(IndexError::NotAnIndex { .. })
    ));
    assert!(matches!(
        ServiceIndex::open(Path::new("/nonexistent/carenav/index")),
        Err(IndexError::NotAnIndex { .. })
    ));
    let _ = std::fs::remove_dir_all(&not_index);
}

#[test]
fn open_at_keeps_open_places_and_drops_closed_ones() {
    // Monday 10:00: pantries with structured Monday hours are open or closed.
    let mut options = explain();
    options.open_at = carenav_index::parse_open_at("2026-11-30T10:00:00-08:00");
    assert_eq!(
        options.open_at.map(|(d, _)| d),
        Some(carenav_core::Weekday::Monday)
    );
    let result = LINKSF
        .index
        .match_profile(&profile(SF_MAN), &options)
        .expect("match");
    let closed = excluded_for(&result, "hours");
    assert!(
        !closed.is_empty(),
        "some nearby places are closed on Monday at 10"
    );
    for r in result.needs.iter().flat_map(|n| &n.referrals) {
        assert!(
            r.reasons.iter().any(|x| x.starts_with("open MO"))
                || r.caveats.iter().any(|c| c.contains("hours unknown")),
            "{}: {:?}",
            r.service_name,
            r.reasons
        );
    }
}

#[rstest]
#[case::no_needs(
    r#"{"location":{"latitude":37.7,"longitude":-122.4},"needs":[]}"#,
    "needs"
)]
#[case::unknown_domain(
    r#"{"location":{"latitude":37.7,"longitude":-122.4},"needs":[{"domain":"hunger"}]}"#,
    "food-insecurity"
)]
#[case::latitude(
    r#"{"location":{"latitude":91,"longitude":-122.4},"needs":[{"domain":"childcare"}]}"#,
    "latitude"
)]
#[case::negative_distance(r#"{"location":{"latitude":37.7,"longitude":-122.4},"max_distance_km":-1,"needs":[{"domain":"childcare"}]}"#, "max_distance_km")]
fn bad_profiles_get_clear_errors(#[case] json: &str, #[case] mentions: &str) {
    let err = ClientProfile::from_json(json).expect_err("refused");
    assert!(err.to_string().contains(mentions), "{err}");
}

#[test]
fn an_unvalidated_bad_profile_is_refused_by_the_matcher() {
    let mut p = profile(SF_MAN);
    p.max_distance_km = Some(f64::NAN);
    let err = LINKSF
        .index
        .match_profile(&p, &MatchOptions::default())
        .expect_err("NaN refused");
    assert!(matches!(err, IndexError::Profile(_)), "{err}");
}
