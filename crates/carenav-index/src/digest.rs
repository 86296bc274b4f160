//! A document's pre-filter facts packed into one dense fast-field value, so
//! the per-document check reads one number instead of a dozen sparse
//! columns.
//!
//! Numbers are rounded towards "no restriction" (minimum ages down, maxima
//! up) and out-of-range ones dropped, so the unpacked digest never excludes
//! a client the exact one would serve: `ServiceDigest::may_serve`'s
//! contract survives packing.
//!
//! ```text
//! bit  0      referable          bits  6-15  minimum age, quarter years (1023: none)
//! bits 1-2    gender code        bits 16-25  maximum age, quarter years (1023: none)
//! bit  3      area enforced      bits 26-41  maximum % of poverty (65535: none)
//! bit  4      virtual            bits 42-63  maximum monthly income, dollars (all ones: none)
//! bit  5      has coordinates
//! ```

use carenav_core::matching::ServiceDigest;
use carenav_core::{Gender, GeoPoint};

/// What the document's location adds to its service's digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct PlaceFlags {
    /// Every declared area resolved: the pre-filter may check it.
    pub(crate) area_enforced: bool,
    /// A virtual service (phone, online).
    pub(crate) is_virtual: bool,
    /// The `point` column holds its coordinates.
    pub(crate) has_point: bool,
}

const AGE_NONE: u64 = (1 << 10) - 1;
const PERCENT_NONE: u64 = (1 << 16) - 1;
const MONTHLY_NONE: u64 = (1 << 22) - 1;

/// Packs a digest and a location's flags.
pub(crate) fn pack(d: &ServiceDigest, flags: PlaceFlags) -> u64 {
    // A minimum rounds down, a maximum up; a maximum beyond the range is no
    // restriction, a minimum beyond it the largest one the field holds.
    let floor = |v: Option<f64>, scale: f64, none: u64| {
        v.filter(|v| v.is_finite()).map_or(none, |v| {
            ((v * scale).floor().max(0.0) as u64).min(none - 1)
        })
    };
    let ceil = |v: Option<f64>, scale: f64, none: u64| {
        v.filter(|v| v.is_finite())
            .map(|v| (v * scale).ceil().max(0.0))
            .filter(|v| *v < none as f64)
            .map_or(none, |v| v as u64)
    };
    u64::from(d.referable)
        | gender_code(d.gender) << 1
        | u64::from(flags.area_enforced) << 3
        | u64::from(flags.is_virtual) << 4
        | u64::from(flags.has_point) << 5
        | floor(d.min_age, 4.0, AGE_NONE) << 6
        | ceil(d.max_age, 4.0, AGE_NONE) << 16
        | ceil(d.max_percent_of_poverty, 1.0, PERCENT_NONE) << 26
        | ceil(d.max_monthly_income, 1.0, MONTHLY_NONE) << 42
}

/// The digest (populations left 0: they have their own column) and flags
/// of a packed value.
pub(crate) fn unpack(v: u64) -> (ServiceDigest, PlaceFlags) {
    let field = |shift: u32, none: u64, scale: f64| {
        let raw = (v >> shift) & none;
        (raw != none).then(|| raw as f64 / scale)
    };
    (
        ServiceDigest {
            referable: v & 1 == 1,
            gender: gender_from_code((v >> 1) & 0b11),
            min_age: field(6, AGE_NONE, 4.0),
            max_age: field(16, AGE_NONE, 4.0),
            max_percent_of_poverty: field(26, PERCENT_NONE, 1.0),
            max_monthly_income: field(42, MONTHLY_NONE, 1.0),
            populations: 0,
        },
        PlaceFlags {
            area_enforced: (v >> 3) & 1 == 1,
            is_virtual: (v >> 4) & 1 == 1,
            has_point: (v >> 5) & 1 == 1,
        },
    )
}

/// Most a packed point's distance to a client may differ from the exact
/// one, in km: a packed coordinate is off by under 5 mm, so 1 m is ample.
/// The pre-filter adds it to the radius; `assess` checks the exact
/// distance.
pub(crate) const POINT_SLACK_KM: f64 = 0.001;

const POINT_STEPS: f64 = u32::MAX as f64;

/// A location's coordinates as one dense fast-field value: latitude in
/// the high 32 bits, longitude in the low ones, each in 2³² steps of its
/// range (one read per document instead of two, and no float decoding).
pub(crate) fn pack_point(p: GeoPoint) -> u64 {
    let step = |v: f64, min: f64, span: f64| ((v - min) / span * POINT_STEPS).round() as u64;
    (step(p.latitude, -90.0, 180.0) << 32) | step(p.longitude, -180.0, 360.0)
}

/// The point a packed value stands for (within `POINT_SLACK_KM`).
pub(crate) fn unpack_point(v: u64) -> GeoPoint {
    let value = |steps: u64, min: f64, span: f64| min + steps as f64 / POINT_STEPS * span;
    GeoPoint {
        latitude: value(v >> 32, -90.0, 180.0),
        longitude: value(v & u64::from(u32::MAX), -180.0, 360.0),
    }
}

fn gender_code(g: Option<Gender>) -> u64 {
    match g {
        None => 0,
        Some(Gender::Female) => 1,
        Some(Gender::Male) => 2,
        Some(Gender::NonBinary) => 3,
    }
}

fn gender_from_code(code: u64) -> Option<Gender> {
    match code {
        1 => Some(Gender::Female),
        2 => Some(Gender::Male),
        3 => Some(Gender::NonBinary),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use carenav_core::matching::ClientMasks;
    use proptest::prelude::*;

    use super::*;

    fn limit() -> impl Strategy<Value = Option<f64>> {
        prop_oneof![
            Just(None),
            (-10.0..300.0f64).prop_map(Some),
            (0.0..1e7f64).prop_map(Some),
            Just(Some(f64::NAN)),
        ]
    }

    fn gender() -> impl Strategy<Value = Option<Gender>> {
        prop_oneof![
            Just(None),
            Just(Some(Gender::Female)),
            Just(Some(Gender::Male)),
            Just(Some(Gender::NonBinary)),
        ]
    }

    proptest! {
        /// Packing never excludes a client the exact digest serves, and
        /// keeps flags and whole-number limits exactly.
        #[test]
        fn packing_is_conservative(
            referable: bool, g in gender(), g_client in gender(),
            min_age in limit(), max_age in limit(), pct in limit(), monthly in limit(),
            age in proptest::option::of(0.0..120.0f64),
            client_pct in proptest::option::of(0.0..1000.0f64),
            client_monthly in proptest::option::of(0.0..1e6f64),
            area_enforced: bool, is_virtual: bool, has_point: bool,
        ) {
            let d = ServiceDigest {
                referable, gender: g, min_age, max_age,
                max_percent_of_poverty: pct, max_monthly_income: monthly, populations: 0,
            };
            let flags = PlaceFlags { area_enforced, is_virtual, has_point };
            let (back, back_flags) = unpack(pack(&d, flags));
            prop_assert_eq!(back_flags, flags);
            prop_assert_eq!(back.referable, referable);
            prop_assert_eq!(back.gender, g);
            let client = ClientMasks {
                age, gender: g_client, percent_of_poverty: client_pct,
                monthly_income: client_monthly, ..ClientMasks::default()
            };
            if d.may_serve(&client) {
                prop_assert!(back.may_serve(&client), "{d:?} -> {back:?}");
            }
        }
    }

    proptest! {
        /// A packed point is within the slack of the exact one.
        #[test]
        fn packed_points_stay_within_the_slack(
            lat in -90.0..=90.0f64, lon in -180.0..=180.0f64,
            lat2 in -90.0..=90.0f64, lon2 in -180.0..=180.0f64,
        ) {
            let p = GeoPoint { latitude: lat, longitude: lon };
            let client = GeoPoint { latitude: lat2, longitude: lon2 };
            let back = unpack_point(pack_point(p));
            prop_assert!(carenav_geo::haversine_km(p, back) < POINT_SLACK_KM / 100.0);
            let exact = carenav_geo::haversine_km(client, p);
            prop_assert!((carenav_geo::haversine_km(client, back) - exact).abs() < POINT_SLACK_KM);
        }
    }

    #[test]
    fn typical_limits_survive_exactly() {
        let d = ServiceDigest {
            referable: true,
            gender: Some(Gender::Female),
            min_age: Some(2.5),
            max_age: Some(17.0),
            max_percent_of_poverty: Some(200.0),
            max_monthly_income: Some(3_250.0),
            populations: 0,
        };
        let (back, _) = unpack(pack(&d, PlaceFlags::default()));
        assert_eq!(back, d);
    }
}
