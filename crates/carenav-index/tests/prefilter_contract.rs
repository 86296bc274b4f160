//! The index's fast pre-filter may only drop what the exact check excludes:
//! checked on every real service against a grid of clients.

use std::path::PathBuf;

use carenav_core::matching::{
    AreaFact, ClientFacts, ClientMasks, ServiceDigest, assess, eligibility_of,
};
use carenav_core::profile::ClientProfile;
use carenav_core::{Date, GeoPoint, Location, Situation};
use carenav_hsds::legacy::{LegacyFormat, convert};

fn shared() -> PathBuf {
    let dir = std::env::var_os("CARENAV_SHARED_DIR").map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")),
        PathBuf::from,
    );
    assert!(
        dir.join("data").is_dir(),
        "shared fixtures not found at {}",
        dir.display()
    );
    dir
}

fn clients() -> Vec<ClientFacts> {
    let point = GeoPoint::new(37.5, -122.2).expect("valid point");
    let base = ClientProfile::from_json(
        r#"{"location":{"latitude":37.5,"longitude":-122.2},"needs":[{"domain":"food-insecurity"}]}"#,
    )
    .expect("valid profile");
    let mut out = Vec::new();
    for age in [None, Some(5), Some(16), Some(30), Some(67)] {
        for gender in [None, Some("female"), Some("male")] {
            for pct in [None, Some(50.0), Some(150.0), Some(400.0)] {
                for situations in [
                    vec![],
                    vec![Situation::Veteran],
                    vec![Situation::Homeless, Situation::BlindLowVision],
                ] {
                    let mut p = base.clone();
                    p.age = age;
                    p.gender = gender.and_then(carenav_core::Gender::parse);
                    p.attributes = situations;
                    p.monthly_income = pct.map(|x| x * 13.0);
                    out.push(ClientFacts::from_profile(&p, point, pct));
                }
            }
        }
    }
    out
}

#[test]
fn the_prefilter_never_drops_an_eligible_service() {
    let clients = clients();
    let today = Date::new(2026, 11, 28).expect("date");
    let location = Location::default();
    let mut checked = 0usize;
    let mut dropped = 0usize;
    for (format, folder) in [
        (LegacyFormat::Ohana, "ohana-smc"),
        (LegacyFormat::Linksf, "linksf-sf"),
        (LegacyFormat::Florida, "florida-legal-aid"),
    ] {
        let directory = convert(format, &shared().join("data").join(folder))
            .expect("converts")
            .directory;
        for service in &directory.services {
            let digest = ServiceDigest::of(service);
            for client in &clients {
                checked += 1;
                if digest.may_serve(&ClientMasks::of(client)) {
                    continue;
                }
                dropped += 1;
                let verdict = assess(
                    service,
                    &eligibility_of(service),
                    &location,
                    client,
                    Some(0.0),
                    &AreaFact::NoArea,
                    today,
                );
                assert!(
                    !verdict.is_eligible(),
                    "pre-filter drops {} ({}) for {client:?} but assess keeps it: {verdict:?}",
                    service.name,
                    service.id
                );
            }
        }
    }
    println!("checked {checked} service×client pairs, pre-filter dropped {dropped}");
    assert!(
        dropped > 1000,
        "the grid exercises the pre-filter ({dropped} dropped)"
    );
}
