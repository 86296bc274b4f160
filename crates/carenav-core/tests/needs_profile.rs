//! Need domains against the real Open Eligibility taxonomy, the client
//! profile contract (JSON Schema checked in, example profiles), validation
//! errors, and the ZIP table.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use carenav_core::needs::{self, NeedError};
use carenav_core::{ClientProfile, NeedDomain, ProfileError, ProfileIssueKind, zip};
use rstest::rstest;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn shared_dir() -> PathBuf {
    let dir = std::env::var_os("CARENAV_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("../shared"));
    assert!(
        dir.join("data").is_dir(),
        "shared data not found at {} (set CARENAV_SHARED_DIR)",
        dir.display()
    );
    dir
}

#[test]
fn domains_cover_the_issue_codes() {
    let codes: Vec<&str> = needs::all().unwrap().iter().map(|d| d.code()).collect();
    for c in [
        "food-insecurity",
        "housing-instability",
        "homelessness",
        "inadequate-housing",
        "transportation-insecurity",
        "financial-insecurity",
        "material-hardship",
        "utility-insecurity",
        "employment-status",
        "educational-attainment",
        "health-insurance-coverage-status",
        "medical-cost-burden",
        "social-connection",
        "stress",
        "intimate-partner-violence",
        "elder-abuse",
        "veteran-status",
        "incarceration-status",
        "language-access",
        "digital-access",
        "childcare",
        "parenting",
        "legal-aid",
        "immigration",
        "mental-health",
        "substance-use",
        "medical-care",
        "dental-care",
        "medication",
        "disability-support",
        "support-groups",
    ] {
        assert!(codes.contains(&c), "missing domain {c}");
    }
    assert_eq!(codes.len(), 31);
}

/// Every Open Eligibility term in the table exists, with that name, in the
/// real Open Eligibility 2.0 taxonomy.
#[test]
fn open_eligibility_terms_exist_in_the_real_taxonomy() {
    let csv = std::fs::read_to_string(
        shared_dir().join("data/open-eligibility/open_eligibility_2.0_terms.csv"),
    )
    .unwrap();
    let terms: Vec<(String, String)> = csv
        .lines()
        .skip(1)
        .filter(|l| l.starts_with("service,"))
        .filter_map(|l| {
            let mut f = l.splitn(6, ',');
            let (_, id, _, _, name) = (f.next()?, f.next()?, f.next()?, f.next()?, f.next()?);
            Some((id.to_string(), name.to_string()))
        })
        .collect();
    assert!(terms.len() > 280, "{}", terms.len());
    let mut checked = 0;
    for d in needs::all().unwrap() {
        for t in &d.info().open_eligibility {
            assert!(
                terms
                    .iter()
                    .any(|(id, name)| *id == t.id.to_string() && *name == t.name),
                "{}: Open Eligibility {} {:?} not in the taxonomy",
                d.code(),
                t.id,
                t.name
            );
            checked += 1;
        }
    }
    assert!(checked > 150, "{checked}");
    // The Ohana San Mateo taxonomy uses the same names: every top-level food and housing term is there.
    let ohana =
        std::fs::read_to_string(shared_dir().join("data/open-eligibility/ohana_oe.json")).unwrap();
    for name in [
        "Food Pantry",
        "Help Pay for Utilities",
        "Emergency Shelter",
        "Prescription Assistance",
    ] {
        assert!(ohana.contains(&format!("\"{name}\"")), "{name}");
    }
}

#[rstest]
#[case("food stamps ran out", "food-insecurity")]
#[case("we have a Section 8 voucher question", "housing-instability")]
#[case("Need Medi-Cal", "health-insurance-coverage-status")]
#[case("looking for a GED class", "educational-attainment")]
#[case("daycare or Head Start", "childcare")]
#[case("sleeping in car since May", "homelessness")]
#[case("power bill shutoff", "utility-insecurity")]
#[case("need a lawyer", "legal-aid")]
fn everyday_words_find_domains(#[case] text: &str, #[case] code: &str) {
    let hits = needs::match_text(text).unwrap();
    assert!(
        hits.iter().any(|m| m.domain.code() == code),
        "{text:?} -> {hits:?}"
    );
}

#[test]
fn everyday_words_match_whole_words_only() {
    assert!(needs::match_text("foodie restaurants").unwrap().is_empty());
}

#[test]
fn unknown_domain_lists_valid_codes() {
    match NeedDomain::parse("hunger") {
        Err(NeedError::UnknownDomain { code, valid }) => {
            assert_eq!(code, "hunger");
            assert_eq!(valid.len(), 31);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn schema_is_checked_in() {
    let path = workspace().join("docs/profile.schema.json");
    let generated = ClientProfile::json_schema_string();
    if std::env::var_os("CARENAV_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "{} is stale; regenerate with CARENAV_BLESS=1 cargo test -p carenav-core --test needs_profile",
        path.display()
    );
}

fn example_profiles() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(workspace().join("data/profiles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn example_profiles_validate_against_schema_and_parse() {
    let schema = ClientProfile::json_schema();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let files = example_profiles();
    assert!(files.len() >= 3, "{files:?}");
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", f.display());
        let profile =
            ClientProfile::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        profile.point().unwrap();
        // Round trip keeps the contract.
        let again = serde_json::to_string(&profile).unwrap();
        assert_eq!(ClientProfile::from_json(&again).unwrap(), profile);
    }
}

#[test]
fn schema_rejects_what_the_type_rejects() {
    let validator = jsonschema::validator_for(&ClientProfile::json_schema()).unwrap();
    for bad in [
        r#"{"needs":[{"domain":"food-insecurity"}]}"#,
        r#"{"location":{"zip":"94063"},"needs":[]}"#,
        r#"{"location":{"zip":"94063"},"needs":[{"domain":"hunger"}]}"#,
        r#"{"location":{"zip":"94063"},"needs":[{"domain":"stress"}],"attributes":["astronaut"]}"#,
        r#"{"location":{"latitude":91,"longitude":0},"needs":[{"domain":"stress"}]}"#,
        r#"{"location":{"zip":"94063"},"needs":[{"domain":"stress","urgency":"urgent"}]}"#,
        r#"{"location":{"zip":"94063"},"needs":[{"domain":"stress"}],"languages":["Spanish"]}"#,
    ] {
        let v: serde_json::Value = serde_json::from_str(bad).unwrap();
        assert!(!validator.is_valid(&v), "schema accepted {bad}");
    }
}

#[test]
fn issue_example_reads_as_documented() {
    let p = ClientProfile::from_json(
        &std::fs::read_to_string(workspace().join("data/profiles/issue-example.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(p.id.as_deref(), Some("c1"));
    assert_eq!(p.age, Some(67));
    assert_eq!(p.languages, ["es", "en"]);
    assert_eq!(p.needs[0].domain.code(), "food-insecurity");
    assert_eq!(p.needs[0].urgency, carenav_core::Urgency::High);
}

fn issues_of(json: &str) -> Vec<(String, ProfileIssueKind)> {
    match ClientProfile::from_json(json) {
        Err(ProfileError::Invalid { issues }) => {
            issues.into_iter().map(|i| (i.field, i.kind)).collect()
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[rstest]
#[case(
    r#"{"location":{"latitude":95.0,"longitude":0},"needs":[{"domain":"stress"}]}"#,
    "location.latitude",
    ProfileIssueKind::OutOfRange
)]
#[case(
    r#"{"location":{"latitude":0,"longitude":-181},"needs":[{"domain":"stress"}]}"#,
    "location.longitude",
    ProfileIssueKind::OutOfRange
)]
#[case(
    r#"{"location":{"zip":"00000"},"needs":[{"domain":"stress"}]}"#,
    "location.zip",
    ProfileIssueKind::UnknownZip
)]
#[case(
    r#"{"location":{"zip":"9406"},"needs":[{"domain":"stress"}]}"#,
    "location.zip",
    ProfileIssueKind::BadFormat
)]
#[case(
    r#"{"location":{"zip":"94063"},"max_distance_km":-1,"needs":[{"domain":"stress"}]}"#,
    "max_distance_km",
    ProfileIssueKind::OutOfRange
)]
#[case(
    r#"{"location":{"zip":"94063"},"age":200,"needs":[{"domain":"stress"}]}"#,
    "age",
    ProfileIssueKind::OutOfRange
)]
#[case(
    r#"{"location":{"zip":"94063"},"household_size":0,"needs":[{"domain":"stress"}]}"#,
    "household_size",
    ProfileIssueKind::OutOfRange
)]
#[case(
    r#"{"location":{"zip":"94063"},"monthly_income":-5,"needs":[{"domain":"stress"}]}"#,
    "monthly_income",
    ProfileIssueKind::OutOfRange
)]
#[case(
    r#"{"location":{"zip":"94063"},"needs":[]}"#,
    "needs",
    ProfileIssueKind::Empty
)]
#[case(
    r#"{"location":{"zip":"94063"},"needs":[{"domain":"stress"},{"domain":"stress"}]}"#,
    "needs[1].domain",
    ProfileIssueKind::Duplicate
)]
#[case(
    r#"{"location":{"zip":"94063"},"languages":["EN"],"needs":[{"domain":"stress"}]}"#,
    "languages[0]",
    ProfileIssueKind::BadFormat
)]
fn validation_issues(#[case] json: &str, #[case] field: &str, #[case] kind: ProfileIssueKind) {
    let issues = issues_of(json);
    assert!(issues.contains(&(field.to_string(), kind)), "{issues:?}");
}

#[test]
fn huge_strings_are_refused() {
    let note = "x".repeat(5000);
    let json = format!(
        r#"{{"id":"{}","location":{{"zip":"94063"}},"needs":[{{"domain":"stress","note":"{note}"}}]}}"#,
        "y".repeat(300)
    );
    let issues = issues_of(&json);
    assert!(
        issues.contains(&("id".into(), ProfileIssueKind::TooLong)),
        "{issues:?}"
    );
    assert!(
        issues.contains(&("needs[0].note".into(), ProfileIssueKind::TooLong)),
        "{issues:?}"
    );
}

#[test]
fn nan_coordinates_from_rust_are_refused() {
    let mut p = ClientProfile::from_json(
        r#"{"location":{"latitude":1,"longitude":1},"needs":[{"domain":"stress"}]}"#,
    )
    .unwrap();
    p.location = carenav_core::ProfileLocation::Point {
        latitude: f64::NAN,
        longitude: 0.0,
    };
    p.max_distance_km = Some(f64::INFINITY);
    let Err(ProfileError::Invalid { issues }) = p.validate() else {
        panic!()
    };
    let kinds: Vec<_> = issues.iter().map(|i| (i.field.as_str(), i.kind)).collect();
    assert!(
        kinds.contains(&("location.latitude", ProfileIssueKind::NotFinite)),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&("max_distance_km", ProfileIssueKind::NotFinite)),
        "{kinds:?}"
    );
    assert!(p.point().is_err());
}

#[rstest]
#[case(
    r#"{"location":{"zip":"94063"},"needs":[{"domain":"hunger"}]}"#,
    "valid domains: food-insecurity"
)]
#[case(
    r#"{"location":{"zip":"94063"},"attributes":["astronaut"],"needs":[{"domain":"stress"}]}"#,
    "unknown variant `astronaut`"
)]
#[case(r#"{"location":{"zip":"94063"},"need":[]}"#, "unknown field `need`")]
#[case(
    r#"{"location":{"zip":"94063"},"needs":[{"domain":"stress","urgency":"urgent"}]}"#,
    "unknown variant `urgent`"
)]
#[case(r#"{"location":{"zip":"94063"}"#, "line 1")]
fn shape_errors_are_clear(#[case] json: &str, #[case] expected: &str) {
    let err = ClientProfile::from_json(json).unwrap_err();
    assert!(matches!(err, ProfileError::Json { .. }), "{err:?}");
    assert!(err.to_string().contains(expected), "{err}");
}

#[rstest]
#[case("94063", "CA", 37.48, -122.21)]
#[case("60601", "IL", 41.89, -87.62)]
#[case("99501", "AK", 61.22, -149.87)]
#[case("96801", "HI", 21.33, -157.83)]
#[case("00501", "NY", 40.82, -73.05)]
fn zip_centroids(#[case] code: &str, #[case] state: &str, #[case] lat: f64, #[case] lon: f64) {
    let c = zip::lookup(code).unwrap();
    assert_eq!(c.state, state);
    assert_eq!(c.code(), code);
    assert!(
        (c.point.latitude - lat).abs() < 0.01 && (c.point.longitude - lon).abs() < 0.01,
        "{c:?}"
    );
}

/// Real addresses from the Ohana San Mateo data: every 5-digit postal code
/// resolves, and for over 99% of them to the address's state within 60 km of the location's own coordinates.
#[test]
fn ohana_postal_codes_resolve_near_their_locations() {
    let text = std::fs::read_to_string(shared_dir().join("data/ohana-smc/locations.json")).unwrap();
    let (mut checked, mut far) = (0, Vec::new());
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let zip_code = v
            .pointer("/address_attributes/zip")
            .and_then(|z| z.as_str());
        let coords = v.get("coordinates").and_then(|c| c.as_array());
        let lon = coords.and_then(|c| c.first()).and_then(|x| x.as_f64());
        let lat = coords.and_then(|c| c.get(1)).and_then(|x| x.as_f64());
        let (Some(zip_code), Some(lat), Some(lon)) = (zip_code, lat, lon) else {
            continue;
        };
        let Ok(c) = zip::lookup(zip_code) else {
            continue;
        };
        checked += 1;
        let state = v
            .pointer("/address_attributes/state")
            .and_then(|z| z.as_str())
            .unwrap_or("");
        if !c.state.eq_ignore_ascii_case(state.trim()) {
            // Real data has placeholders such as 12345 in Virginia.
            far.push(format!("{zip_code} state {} vs {state}", c.state));
            continue;
        }
        let dlat = (c.point.latitude - lat) * 111.0;
        let dlon = (c.point.longitude - lon) * 111.0 * lat.to_radians().cos();
        if (dlat * dlat + dlon * dlon).sqrt() > 60.0 {
            far.push(format!("{zip_code} far from ({lat}, {lon})"));
        }
    }
    assert!(checked > 1000, "only {checked} locations checked");
    assert!(
        far.len() * 100 < checked,
        "{} of {checked} far: {far:?}",
        far.len()
    );
}
