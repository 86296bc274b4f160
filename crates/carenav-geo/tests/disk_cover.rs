//! Property test: `cover_disk` holds the cell of every point within the
//! radius, checked against a brute-force haversine filter, including near the
//! poles and across the antimeridian.

use carenav_core::GeoPoint;
use carenav_geo::{cell, cover_disk, haversine_km};
use proptest::prelude::*;

/// A point `fraction` of the way to `radius_km` from `center`, in direction
/// `bearing` (radians), by the spherical destination formula.
fn destination(center: GeoPoint, bearing: f64, distance_km: f64) -> GeoPoint {
    let delta = distance_km / carenav_geo::EARTH_RADIUS_KM;
    let (phi1, lambda1) = (center.latitude.to_radians(), center.longitude.to_radians());
    let phi2 = (phi1.sin() * delta.cos() + phi1.cos() * delta.sin() * bearing.cos()).asin();
    let lambda2 = lambda1
        + (bearing.sin() * delta.sin() * phi1.cos()).atan2(delta.cos() - phi1.sin() * phi2.sin());
    let lon = (lambda2.to_degrees() + 540.0).rem_euclid(360.0) - 180.0;
    GeoPoint {
        latitude: phi2.to_degrees().clamp(-90.0, 90.0),
        longitude: lon,
    }
}

fn check(
    center: GeoPoint,
    radius_km: f64,
    res: u8,
    samples: &[(f64, f64)],
) -> Result<(), TestCaseError> {
    let cells =
        cover_disk(center, radius_km, res).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(cells.windows(2).all(|w| w[0] < w[1]), "sorted and unique");
    for &(bearing, fraction) in samples {
        let point = destination(center, bearing, radius_km * fraction);
        // The brute-force filter: only points the haversine distance puts
        // inside the radius must be covered.
        if haversine_km(center, point) > radius_km {
            continue;
        }
        let c = cell(point, res).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(
            cells.binary_search(&c).is_ok(),
            "{point:?} at {:.3} km of {center:?} (radius {radius_km}) not covered at res {res}",
            haversine_km(center, point)
        );
    }
    Ok(())
}

fn samples() -> impl Strategy<Value = Vec<(f64, f64)>> {
    // Half the samples on the rim, where a miss would show first.
    prop::collection::vec(
        (
            0.0..std::f64::consts::TAU,
            prop_oneof![0.0..1.0, 0.999..=1.0],
        ),
        64,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn covers_every_point_within_radius(
        lat in -89.9..89.9f64,
        lon in -180.0..180.0f64,
        radius in 0.0..30.0f64,
        res in 5u8..=8,
        samples in samples(),
    ) {
        check(GeoPoint { latitude: lat, longitude: lon }, radius, res, &samples)?;
    }

    #[test]
    fn covers_across_the_antimeridian(
        lat in -70.0..70.0f64,
        lon in prop_oneof![179.8..=180.0f64, -180.0..-179.8f64],
        radius in 1.0..40.0f64,
        samples in samples(),
    ) {
        check(GeoPoint { latitude: lat, longitude: lon }, radius, 6, &samples)?;
    }

    #[test]
    fn covers_near_the_poles(
        lat in prop_oneof![89.5..=90.0f64, -90.0..-89.5f64],
        lon in -180.0..180.0f64,
        radius in 1.0..80.0f64,
        samples in samples(),
    ) {
        check(GeoPoint { latitude: lat, longitude: lon }, radius, 5, &samples)?;
    }

    #[test]
    fn brute_force_on_random_points(
        lat in 25.0..49.0f64,
        lon in -124.0..-67.0f64,
        radius in 0.5..15.0f64,
        points in prop::collection::vec((-0.3..0.3f64, -0.3..0.3f64), 200),
    ) {
        // Independent random points around the center, filtered by distance.
        let center = GeoPoint { latitude: lat, longitude: lon };
        let cells = cover_disk(center, radius, 7).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for (dlat, dlon) in points {
            let point = GeoPoint { latitude: lat + dlat, longitude: lon + dlon };
            if haversine_km(center, point) <= radius {
                let c = cell(point, 7).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert!(cells.binary_search(&c).is_ok(), "{point:?} not covered");
            }
        }
    }
}

#[test]
fn radius_zero_covers_the_center() -> Result<(), carenav_geo::GeoError> {
    let center = GeoPoint {
        latitude: 37.4852,
        longitude: -122.2364,
    };
    let cells = cover_disk(center, 0.0, 7)?;
    assert!(cells.contains(&cell(center, 7)?));
    Ok(())
}

#[test]
fn covering_is_tight() -> Result<(), carenav_geo::GeoError> {
    // A 10 km disk is ~314 km²; res-7 cells are ~5.2 km², so the covering
    // should be within a small factor of 61 cells plus one ring.
    let center = GeoPoint {
        latitude: 41.8819,
        longitude: -87.6278,
    };
    let n = cover_disk(center, 10.0, 7)?.len();
    assert!((60..=140).contains(&n), "{n} cells");
    Ok(())
}
