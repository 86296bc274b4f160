//! The generator's promises: determinism, HSDS output that carenav reads
//! back, realistic shares, and areas carenav resolves.

use std::collections::HashSet;

use carenav_core::ServiceStatus;
use carenav_geo::{Boundaries, Resolution};
use carenav_synth::{Format, SynthOptions, generate, profiles, write_hsds};

fn options(services: usize, seed: u64) -> SynthOptions {
    SynthOptions {
        services,
        seed,
        ..SynthOptions::default()
    }
}

#[test]
fn same_seed_same_bytes_and_streaming_equals_write_json() {
    let opts = options(3_000, 42);
    let mut a = Vec::new();
    write_hsds(&opts, Format::Json, &mut a).unwrap();
    let mut b = Vec::new();
    write_hsds(&opts, Format::Json, &mut b).unwrap();
    assert_eq!(a, b);
    let whole = generate(&opts).unwrap();
    let mut c = Vec::new();
    carenav_hsds::write::write_json(&whole, &mut c).unwrap();
    assert_eq!(
        a, c,
        "batched output differs from write_json of the whole directory"
    );
    let mut nd = Vec::new();
    write_hsds(&opts, Format::Ndjson, &mut nd).unwrap();
    let mut whole_nd = Vec::new();
    carenav_hsds::write::write_ndjson(&whole, &mut whole_nd).unwrap();
    assert_eq!(nd, whole_nd);
    let mut other = Vec::new();
    write_hsds(&options(3_000, 43), Format::Json, &mut other).unwrap();
    assert_ne!(a, other);
}

#[test]
fn output_reads_back_without_errors() {
    let opts = options(2_000, 7);
    let dir = generate(&opts).unwrap();
    let mut bytes = Vec::new();
    write_hsds(&opts, Format::Json, &mut bytes).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let loaded = carenav_hsds::read::load_str(
        "synthetic.json",
        &text,
        carenav_hsds::read::Format::Json,
        carenav_hsds::read::Mode::Strict,
    )
    .unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings.first());
    assert_eq!(loaded.directory.counts(), dir.counts());
}

#[test]
fn shares_are_realistic_and_areas_resolve() {
    let dir = generate(&options(20_000, 1)).unwrap();
    let n = dir.services.len() as f64;
    assert_eq!(dir.services.len(), 20_000);
    let share = |f: &dyn Fn(&carenav_core::Service) -> bool| {
        dir.services.iter().filter(|s| f(s)).count() as f64 / n
    };
    let inactive = share(&|s| s.status != ServiceStatus::Active);
    assert!((0.02..0.07).contains(&inactive), "{inactive}");
    let age = share(&|s| !s.eligibility.age.is_open());
    assert!((0.1..0.35).contains(&age), "{age}");
    let income = share(&|s| !s.eligibility.income.is_open());
    assert!((0.15..0.35).contains(&income), "{income}");
    let fresh_never = share(&|s| s.assured_date.is_none());
    assert!((0.02..0.1).contains(&fresh_never), "{fresh_never}");
    let virt = dir
        .locations
        .iter()
        .filter(|l| l.location_type == carenav_core::LocationType::Virtual)
        .count() as f64
        / dir.locations.len() as f64;
    assert!((0.04..0.15).contains(&virt), "{virt}");
    // Every need domain is served, most by taxonomy.
    let terms: std::collections::HashMap<&str, &carenav_core::TaxonomyTerm> = dir
        .taxonomy_terms
        .iter()
        .map(|t| (t.id.as_str(), t))
        .collect();
    let mut served = HashSet::new();
    for s in dir.services.iter().take(5_000) {
        let hits = carenav_core::matching::service_domains(s, |id| terms.get(id).copied()).unwrap();
        assert!(
            !hits.is_empty(),
            "no domain detected for {:?}: {:?}",
            s.name,
            s.description
        );
        served.extend(hits.into_iter().map(|h| h.domain.code()));
    }
    assert_eq!(served.len(), carenav_core::needs::all().unwrap().len());
    // Every area name resolves (polygons aside).
    let b = Boundaries::embedded().unwrap();
    let locs: std::collections::HashMap<&str, &carenav_core::Location> =
        dir.locations.iter().map(|l| (l.id.as_str(), l)).collect();
    let state_of: std::collections::HashMap<&str, String> = dir
        .service_at_locations
        .iter()
        .filter_map(|sal| {
            let l = locs.get(sal.location_id.as_str())?;
            let st = l.addresses.first()?.state_province.clone();
            Some((sal.service_id.as_str(), st))
        })
        .collect();
    let mut areas = 0;
    for s in &dir.services {
        for a in s.service_areas.iter().filter(|a| a.extent.is_none()) {
            let name = a.name.as_deref().unwrap();
            let hint = state_of.get(s.id.as_str()).map(String::as_str);
            match b.resolve(name, hint) {
                Resolution::Area(_) | Resolution::Nationwide => areas += 1,
                other => panic!("{name:?} (hint {hint:?}) does not resolve: {other:?}"),
            }
        }
    }
    assert!(areas > 5_000, "{areas}");
}

#[test]
fn profiles_have_one_to_four_needs_and_validate() {
    let ps = profiles(5, 500).unwrap();
    assert_eq!(ps, profiles(5, 500).unwrap());
    for p in &ps {
        assert!((1..=4).contains(&p.needs.len()));
        p.validate().unwrap();
    }
    assert!(ps.iter().any(|p| p.needs.len() == 4));
}
