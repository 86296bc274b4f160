//! The index and the linear-scan baseline agree: same eligible set, same
//! referrals (reasons, caveats, distance, score) and same order, on
//! hundreds of random profiles against a synthetic national directory.
//!
//! "Same order" is exact up to ties: notes are removed (the baseline does
//! not score a note's words; the need relevance fixed at indexing time is
//! computed by the same code on both sides) and both sides compute the
//! score with the same `f32` operations from the same inputs, so the two
//! lists may differ only by the order of referrals whose scores are equal. Scores are published rounded
//! to 3 decimals, so runs of equal published score are compared as sets and
//! everything else position by position. The limit is far above any need's
//! eligible count, so the whole eligible set is compared, not a top-N.

use carenav_core::matching::Referral;
use carenav_index::baseline::LinearMatcher;
use carenav_index::{MatchOptions, ServiceIndex};
use carenav_synth::{SynthOptions, generate, profiles, reference_day};

/// Referrals grouped into runs of equal published score, each run sorted by id.
fn runs(referrals: &[Referral]) -> Vec<Vec<&Referral>> {
    let mut out: Vec<Vec<&Referral>> = Vec::new();
    for r in referrals {
        match out.last_mut() {
            Some(run) if run.first().is_some_and(|f| f.score == r.score) => run.push(r),
            _ => out.push(vec![r]),
        }
    }
    for run in &mut out {
        run.sort_by(|a, b| a.service_at_location_id.cmp(&b.service_at_location_id));
    }
    out
}

/// How much a comparison compared.
#[derive(Default)]
struct Compared {
    needs: usize,
    referrals: usize,
    largest: usize,
}

/// The synthetic directory both sides are built from.
fn sides() -> (ServiceIndex, LinearMatcher) {
    let directory = generate(&SynthOptions {
        services: 6_000,
        seed: 11,
        ..SynthOptions::default()
    })
    .expect("generates");
    let index = ServiceIndex::build_in_ram(&directory).expect("builds the index");
    let baseline = LinearMatcher::new(&directory).expect("prepares the baseline");
    assert_eq!(index.len(), baseline.len() as u64);
    (index, baseline)
}

/// Asserts both sides agree on every profile (notes removed).
fn compare(
    index: &ServiceIndex,
    baseline: &LinearMatcher,
    profiles: Vec<carenav_core::profile::ClientProfile>,
) -> Compared {
    let options = MatchOptions {
        limit: 5_000,
        today: reference_day(),
        ..MatchOptions::default()
    };
    let top5 = MatchOptions {
        limit: 5,
        ..options.clone()
    };
    let mut compared = Compared::default();
    for mut profile in profiles {
        for need in &mut profile.needs {
            need.note = None;
        }
        let a = index
            .match_profile(&profile, &options)
            .expect("index matches");
        let b = baseline
            .match_profile(&profile, &options)
            .expect("baseline matches");
        // Top 5 (the index stops reading candidates early): the same scores
        // as the baseline's top 5, each referral one of the baseline's (which
        // of several exactly tied places fills the last slots is arbitrary).
        let a5 = index.match_profile(&profile, &top5).expect("index matches");
        let b5 = baseline
            .match_profile(&profile, &top5)
            .expect("baseline matches");
        for ((x, y), all) in a5.needs.iter().zip(&b5.needs).zip(&b.needs) {
            let scores = |n: &carenav_core::matching::NeedMatches| -> Vec<f32> {
                n.referrals.iter().map(|r| r.score).collect()
            };
            assert_eq!(
                scores(x),
                scores(y),
                "top 5 of {} for {:?}",
                x.domain,
                profile.id
            );
            for r in &x.referrals {
                assert!(
                    all.referrals.contains(r),
                    "{r:?} not in the baseline's list"
                );
            }
        }
        assert_eq!(a.warnings, b.warnings, "{profile:?}");
        assert_eq!(a.inferred, b.inferred);
        assert_eq!(a.needs.len(), b.needs.len());
        for (x, y) in a.needs.iter().zip(&b.needs) {
            assert_eq!(x.domain, y.domain);
            let ids = |n: &carenav_core::matching::NeedMatches| {
                let mut v: Vec<String> = n
                    .referrals
                    .iter()
                    .map(|r| r.service_at_location_id.clone())
                    .collect();
                v.sort();
                v
            };
            let (xi, yi) = (ids(x), ids(y));
            let only_index: Vec<_> = xi.iter().filter(|i| !yi.contains(i)).collect();
            let only_baseline: Vec<_> = yi.iter().filter(|i| !xi.contains(i)).collect();
            assert!(
                only_index.is_empty() && only_baseline.is_empty(),
                "{}: eligible sets differ for profile {:?}\nonly index: {only_index:?}\nonly baseline: {only_baseline:?}",
                x.domain,
                profile.id
            );
            assert_eq!(
                runs(&x.referrals),
                runs(&y.referrals),
                "{}: order differs for {:?}",
                x.domain,
                profile.id
            );
            assert!(x.referrals.len() < options.limit);
            compared.needs += 1;
            compared.referrals += x.referrals.len();
            compared.largest = compared.largest.max(x.referrals.len());
        }
    }
    compared
}

#[test]
fn index_and_linear_scan_agree_on_random_profiles() {
    let (index, baseline) = sides();
    let c = compare(&index, &baseline, profiles(99, 300).unwrap());
    // The comparison had something to compare.
    assert!(c.needs > 500, "{}", c.needs);
    assert!(c.referrals > 5_000, "{}", c.referrals);
    eprintln!(
        "compared {} needs, {} referrals, largest eligible set {}",
        c.needs, c.referrals, c.largest
    );
}

/// A client whose state carenav cannot tell (a point on San Francisco Bay,
/// where the boundaries follow the shore) is offered every virtual service
/// the exact check keeps, also those bound to areas.
#[test]
fn index_and_linear_scan_agree_off_the_map() {
    let (index, baseline) = sides();
    let bay = carenav_core::profile::ProfileLocation::Point {
        latitude: 37.65,
        longitude: -122.30,
    };
    let moved: Vec<_> = profiles(7, 60)
        .unwrap()
        .into_iter()
        .map(|mut p| {
            p.location = bay.clone();
            p.max_distance_km = Some(25.0);
            p
        })
        .collect();
    let c = compare(&index, &baseline, moved);
    assert!(c.referrals > 200, "{}", c.referrals);
}
