//! The embedded default directory: reproducible from the real export, valid,
//! and useful at once.

use std::path::PathBuf;

use carenav::{ClientProfile, LegacyFormat, MatchOptions};

fn shared() -> PathBuf {
    let dir = std::env::var_os("CARENAV_SHARED_DIR").map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared")),
        PathBuf::from,
    );
    assert!(
        dir.join("data").is_dir(),
        "shared fixtures not found at {}",
        dir.display()
    );
    dir
}

#[test]
fn the_shipped_default_directory_is_the_conversion_of_the_ohana_export() {
    let conversion =
        carenav::hsds::legacy::convert(LegacyFormat::Ohana, &shared().join("data/ohana-smc"))
            .expect("converts");
    let mut fresh = Vec::new();
    carenav::hsds::write::write_json(&conversion.directory, &mut fresh).expect("writes");
    let shipped = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/default/san-mateo-2014.hsds.json"
    ))
    .expect("shipped file");
    if fresh != shipped {
        let _ = std::fs::write(
            std::env::temp_dir().join("carenav-fresh-default.json"),
            &fresh,
        );
    }
    assert!(
        fresh == shipped,
        "data/default/san-mateo-2014.hsds.json is stale: regenerate it with \
         `carenav convert --from ohana ../shared/data/ohana-smc --out data/default/san-mateo-2014.hsds.json`"
    );
}

#[test]
fn the_default_directory_loads_without_problems() {
    let loaded = carenav::default_directory().expect("loads");
    assert!(
        loaded.warnings.is_empty(),
        "{:?}",
        &loaded.warnings[..loaded.warnings.len().min(5)]
    );
    let counts = loaded.directory.counts();
    // Services and their links all survive; the export nests organizations
    // and locations under services, so the 20 of each that no service uses
    // are not carried (1,363 and 1,709 in the source).
    assert_eq!(counts.services, 1689);
    assert_eq!(counts.service_at_locations, 1689);
    assert_eq!(counts.organizations, 1343);
    assert_eq!(counts.locations, 1689);
}

#[test]
fn the_readme_example_profile_gets_referrals_on_the_default_directory() {
    let index = carenav::default_index().expect("index");
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/profiles/issue-example.json"
    ))
    .expect("profile");
    let profile = ClientProfile::from_json(&text).expect("valid");
    let result = index
        .match_profile(&profile, &MatchOptions::default())
        .expect("match");
    let food = &result.needs[0];
    assert_eq!(food.domain, "food-insecurity");
    assert_eq!(food.referrals.len(), 5);
    let names: Vec<&str> = food
        .referrals
        .iter()
        .map(|r| r.service_name.as_str())
        .collect();
    assert!(names.contains(&"Redwood City Corps"), "{names:?}");
    assert!(
        names.contains(&"Second Harvest Food Bank of Santa Clara and San Mateo Counties"),
        "{names:?}"
    );
}
