//! Named areas on real places and on the area names of the real datasets.

use std::collections::BTreeSet;
use std::path::PathBuf;

use carenav_core::GeoPoint;
use carenav_geo::{
    AreaRef, Boundaries, GeoError, Membership, Resolution, area_keys, split_area_names,
};
use rstest::rstest;

fn us() -> &'static Boundaries {
    Boundaries::embedded().expect("the embedded boundaries parse")
}

fn p(latitude: f64, longitude: f64) -> GeoPoint {
    GeoPoint {
        latitude,
        longitude,
    }
}

fn shared_dir() -> PathBuf {
    let dir = std::env::var_os("CARENAV_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    assert!(
        dir.join("data").is_dir(),
        "shared data not found at {} (set CARENAV_SHARED_DIR)",
        dir.display()
    );
    dir
}

fn area(name: &str, hint: Option<&str>) -> AreaRef {
    match us().resolve(name, hint) {
        Resolution::Area(a) => a,
        other => panic!("{name:?} (hint {hint:?}) should resolve, got {other:?}"),
    }
}

#[test]
fn embedded_set_is_complete() {
    assert_eq!(us().state_count(), 56, "50 states, DC and 5 territories");
    assert_eq!(us().county_count(), 3231);
}

#[rstest]
#[case("San Mateo County", None, "county:06081")]
#[case("San Mateo County, CA", None, "county:06081")]
#[case("san mateo county (ca)", None, "county:06081")]
#[case("County of San Mateo", None, "county:06081")]
#[case("Miami-Dade County", Some("FL"), "county:12086")]
#[case("Miami Dade County", None, "county:12086")]
#[case("District of Columbia", None, "state:11")]
#[case("Washington, DC", None, "state:11")]
#[case("Statewide", Some("FL"), "state:12")]
#[case("Statewide", Some("Florida"), "state:12")]
#[case("California Statewide", None, "state:06")]
#[case("All of Illinois", None, "state:17")]
#[case("Cook County, Illinois", None, "county:17031")]
#[case("Cook County IL", None, "county:17031")]
#[case("Cook County", Some("IL"), "county:17031")]
#[case("Orange County", Some("FL"), "county:12095")]
#[case("Orange County", Some("CA"), "county:06059")]
#[case("Orange County, CA", Some("FL"), "county:06059")]
#[case("St. Johns County", Some("FL"), "county:12109")]
#[case("Saint Lucie County", Some("FL"), "county:12111")]
#[case("DeSoto County", Some("FL"), "county:12027")]
#[case("De Soto County", Some("FL"), "county:12027")]
#[case("Orleans Parish", None, "county:22071")]
#[case("Richmond city, VA", None, "county:51760")]
#[case("Richmond County, VA", None, "county:51159")]
#[case("Baltimore City", None, "county:24510")]
#[case("Carson City", None, "county:32510")]
#[case("Doña Ana County", None, "county:35013")]
#[case("Dona Ana County, NM", None, "county:35013")]
#[case("California", None, "state:06")]
#[case("Illinois", Some("IL"), "state:17")]
#[case("Washington", Some("CA"), "state:53")]
#[case("Washington County", Some("FL"), "county:12133")]
#[case("Inyo", None, "county:06027")]
fn resolves(#[case] name: &str, #[case] hint: Option<&str>, #[case] want: &str) {
    assert_eq!(area(name, hint).to_string(), want);
}

#[rstest]
#[case("Nationwide", None)]
#[case("United States", Some("CA"))]
#[case("USA", None)]
#[case("Worldwide", None)]
fn nationwide(#[case] name: &str, #[case] hint: Option<&str>) {
    assert_eq!(us().resolve(name, hint), Resolution::Nationwide);
}

#[rstest]
#[case("Statewide", None, "needs a state hint")]
#[case("Lake County", None, "ambiguous")]
#[case("Nevada", Some("CA"), "ambiguous")]
#[case("Redwood City", Some("CA"), "not a US state or county")]
#[case("Jersey City", Some("NJ"), "not a US state or county")]
#[case("Ward 6", Some("DC"), "not a US state or county")]
#[case("Cook County, CA", None, "in CA")]
#[case("Canada", None, "not a US state or county")]
#[case("South San Francisco", Some("CA"), "not a US state or county")]
#[case("Palo Alto", Some("CA"), "not a US state or county")]
#[case("East Palo Alto", Some("CA"), "not a US state or county")]
#[case("   ", None, "empty")]
fn unresolved(#[case] name: &str, #[case] hint: Option<&str>, #[case] why: &str) {
    match us().resolve(name, hint) {
        Resolution::Unresolved(reason) => assert!(reason.contains(why), "{name:?}: {reason}"),
        other => panic!("{name:?} should stay unresolved, got {other:?}"),
    }
}

#[test]
fn subregions_are_approximate() {
    for name in [
        "Northern San Mateo County",
        "Unincorporated San Mateo County",
        "Central San Mateo County",
    ] {
        match us().resolve(name, Some("CA")) {
            Resolution::Approximate { within, reason } => {
                assert_eq!(within.to_string(), "county:06081");
                assert!(reason.contains("San Mateo County, CA"), "{reason}");
            }
            other => panic!("{name}: {other:?}"),
        }
    }
}

#[rstest]
// Redwood City is in San Mateo County; San Francisco City Hall is not.
#[case("San Mateo County", None, p(37.4852, -122.2364), true)]
#[case("San Mateo County", None, p(37.7793, -122.4193), false)]
#[case("San Francisco County", None, p(37.7793, -122.4193), true)]
// The Chicago Loop.
#[case("Cook County", Some("IL"), p(41.8819, -87.6278), true)]
#[case("Cook County", Some("IL"), p(37.4852, -122.2364), false)]
// Downtown Miami; Fort Lauderdale is in Broward.
#[case("Miami-Dade County", Some("FL"), p(25.7617, -80.1918), true)]
#[case("Miami-Dade County", Some("FL"), p(26.1224, -80.1373), false)]
#[case("Broward County", Some("FL"), p(26.1224, -80.1373), true)]
#[case("District of Columbia", None, p(38.8899, -77.0091), true)]
#[case("California", None, p(37.4852, -122.2364), true)]
#[case("California", None, p(39.5296, -119.8138), false)]
// Unalaska, in the Aleutians (west of -180 is not part of the data).
#[case("Alaska", None, p(53.8739, -166.5369), true)]
fn contains_real_places(
    #[case] name: &str,
    #[case] hint: Option<&str>,
    #[case] point: GeoPoint,
    #[case] inside: bool,
) {
    let a = area(name, hint);
    assert_eq!(
        us().contains(a, point).expect("valid point"),
        inside,
        "{name} / {point:?}"
    );
}

#[rstest]
#[case(p(37.4852, -122.2364), "CA", Some("San Mateo"))]
#[case(p(41.8819, -87.6278), "IL", Some("Cook"))]
#[case(p(25.7617, -80.1918), "FL", Some("Miami-Dade"))]
#[case(p(38.8899, -77.0091), "DC", Some("District of Columbia"))]
fn locate_real_places(#[case] point: GeoPoint, #[case] state: &str, #[case] county: Option<&str>) {
    let place = us()
        .locate(point)
        .expect("valid point")
        .expect("inside the US");
    assert_eq!(place.state.abbr, state);
    assert_eq!(place.county.map(|c| c.name).as_deref(), county);
}

#[test]
fn locate_outside_and_invalid() {
    assert_eq!(
        us().locate(p(48.8566, 2.3522)).expect("valid"),
        None,
        "Paris"
    );
    assert!(matches!(
        us().locate(p(f64::NAN, 0.0)),
        Err(GeoError::InvalidPoint { .. })
    ));
    assert!(matches!(
        us().contains(AreaRef::County(99999), p(0.0, 0.0)),
        Err(GeoError::UnknownArea(_))
    ));
}

#[test]
fn area_ref_round_trips() {
    for r in [AreaRef::State(6), AreaRef::County(6081)] {
        assert_eq!(r.to_string().parse::<AreaRef>(), Ok(r));
    }
    assert!("county:6081".parse::<AreaRef>().is_err());
    assert!("zip:94063".parse::<AreaRef>().is_err());
}

/// The covering of a real county agrees with exact containment on a grid of
/// points over its bounding box, both through `classify` and through the
/// index keys.
#[rstest]
#[case("San Mateo County", Some("CA"))]
#[case("Miami-Dade County", Some("FL"))]
#[case("District of Columbia", None)]
fn covering_agrees_with_contains(
    #[case] name: &str,
    #[case] hint: Option<&str>,
) -> Result<(), GeoError> {
    let a = area(name, hint);
    let shape = us().area(a).expect("resolved areas exist");
    let covering = us().cover(a, None)?;
    assert_eq!(covering.resolution, 7);
    let inner_keys: BTreeSet<u64> = covering.inner_keys().into_iter().collect();
    let boundary_keys: BTreeSet<u64> = covering.boundary_keys().into_iter().collect();
    let [x0, y0, x1, y1] = shape.bbox().expect("non-empty");
    let (mut inside, mut checked) = (0, 0);
    for i in 0..=40 {
        for j in 0..=40 {
            let point = p(
                y0 + (y1 - y0) * f64::from(i) / 40.0,
                x0 + (x1 - x0) * f64::from(j) / 40.0,
            );
            let exact = shape.contains(point);
            let keys = area_keys(point, carenav_geo::AREA_MAX_RESOLUTION)?;
            let by_keys = if keys.iter().any(|k| inner_keys.contains(k)) {
                Membership::Inside
            } else if keys.iter().any(|k| boundary_keys.contains(k)) {
                Membership::Boundary
            } else {
                Membership::Outside
            };
            let membership = covering.classify(point)?;
            assert_eq!(by_keys, membership, "{name} {point:?}");
            match membership {
                Membership::Inside => {
                    assert!(exact, "{name}: {point:?} in an inner cell but outside")
                }
                Membership::Outside => assert!(!exact, "{name}: {point:?} inside but in no cell"),
                Membership::Boundary => checked += 1,
            }
            inside += usize::from(exact);
        }
    }
    assert!(
        inside > 100 && checked > 0,
        "{name}: {inside} inside, {checked} boundary"
    );
    Ok(())
}

#[test]
fn big_areas_get_coarser_cells() -> Result<(), GeoError> {
    let ca = area("California", None);
    let shape = us().area(ca).expect("California exists");
    assert_eq!(shape.suggested_resolution(), 6);
    let covering = us().cover(ca, None)?;
    assert!(covering.len() < 20_000, "{} cells", covering.len());
    assert_eq!(
        covering.classify(p(37.4852, -122.2364))?,
        Membership::Inside
    );
    assert_eq!(
        covering.classify(p(39.5296, -119.8138))?,
        Membership::Outside,
        "Reno"
    );
    Ok(())
}

// ---- the area names of the real datasets ----

fn ohana_names() -> BTreeSet<String> {
    let path = shared_dir().join("data/ohana-smc/services.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut names = BTreeSet::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let service: serde_json::Value = serde_json::from_str(line).expect("NDJSON line");
        for name in service["service_areas"].as_array().into_iter().flatten() {
            names.insert(name.as_str().expect("area names are strings").to_string());
        }
    }
    names
}

fn csv_column(relative: &str, column: &str) -> BTreeSet<String> {
    let path = shared_dir().join(relative);
    let mut reader =
        csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let index = reader
        .headers()
        .expect("header")
        .iter()
        .position(|h| h == column)
        .unwrap_or_else(|| panic!("no column {column} in {relative}"));
    let mut names = BTreeSet::new();
    for record in reader.records() {
        let record = record.expect("well-formed CSV");
        for name in split_area_names(record.get(index).unwrap_or_default()) {
            names.insert(name.to_string());
        }
    }
    names
}

#[test]
fn ohana_service_areas() {
    let names = ohana_names();
    let count = |hint: Option<&str>| {
        names
            .iter()
            .filter(|n| !matches!(us().resolve(n, hint), Resolution::Unresolved(_)))
            .count()
    };
    let (plain, hinted) = (count(None), count(Some("CA")));
    println!(
        "ohana-smc: {} distinct names, {plain} resolve without hint, {hinted} with hint CA",
        names.len()
    );
    for n in &names {
        println!("  {n:?} -> {:?}", us().resolve(n, Some("CA")));
    }
    assert_eq!(names.len(), 141);
    // Every "X County" of the Bay Area data is a California county.
    for n in names
        .iter()
        .filter(|n| n.ends_with(" County") && n.split(' ').count() <= 4)
    {
        match us().resolve(n, Some("CA")) {
            Resolution::Area(AreaRef::County(code)) => assert_eq!(code / 1000, 6, "{n}"),
            Resolution::Approximate { .. } => {}
            other => panic!("{n}: {other:?}"),
        }
    }
    assert!(hinted >= 60, "{hinted}");
    // With the hint, no Bay Area city lands on a county of another state.
    for n in &names {
        if let Resolution::Area(AreaRef::County(code)) = us().resolve(n, Some("CA")) {
            assert_eq!(code / 1000, 6, "{n}");
        }
    }
}

#[test]
fn florida_service_areas_all_resolve() {
    let names = csv_column("data/florida-legal-aid/services.csv", "service_areas");
    assert_eq!(
        names.len(),
        67,
        "Florida has 67 counties and the data names them all"
    );
    let mut codes = BTreeSet::new();
    for n in &names {
        match us().resolve(n, Some("FL")) {
            Resolution::Area(AreaRef::County(code)) if code / 1000 == 12 => codes.insert(code),
            other => panic!("{n}: {other:?}"),
        };
    }
    assert_eq!(codes.len(), 67, "67 distinct counties");
}

#[test]
fn illinois_counties_all_resolve() {
    let names = csv_column("data/ilao-legal-aid/raw/locations.csv", "Counties");
    assert_eq!(names.len(), 102, "Illinois has 102 counties");
    let mut codes = BTreeSet::new();
    for n in &names {
        match us().resolve_county(n, "IL") {
            Resolution::Area(AreaRef::County(code)) if code / 1000 == 17 => codes.insert(code),
            other => panic!("{n}: {other:?}"),
        };
    }
    assert_eq!(codes.len(), 102);
    // Through the general resolver with a hint, only names that are also a
    // state's name stay ambiguous.
    let ambiguous: Vec<&String> = names
        .iter()
        .filter(|n| {
            !matches!(
                us().resolve(n, Some("IL")),
                Resolution::Area(AreaRef::County(_))
            )
        })
        .collect();
    assert_eq!(ambiguous, ["Washington"]);
}
