//! What matching costs at the size of a national directory, index against
//! the linear-scan baseline in the same groups.
//!
//! `cargo bench --bench scale` runs every group on a synthetic directory of
//! 100,000 services (about 110,000 service-at-locations); with
//! `CARENAV_BENCH_1M=1` it runs them again on 1,000,000 services. The index
//! is built on disk under `target/carenav-bench/` and queried warm, one
//! query thread. Besides criterion's estimates, each query shape prints the
//! median and 99th percentile of single queries over 1,000 profiles
//! (`latency ...` lines), and the build group prints the index size.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use carenav::core::Directory;
use carenav::core::plan::{CarePlan, PlanOptions};
use carenav::core::profile::ClientProfile;
use carenav::index::baseline::LinearMatcher;
use carenav::{MatchOptions, ServiceIndex};
use carenav_synth::{QueryShape, SynthOptions, generate, reference_day};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

mod common;

use common::{SEED, sizes};

const LATENCY_QUERIES: usize = 1_000;

fn bench_dir(name: &str) -> PathBuf {
    let root = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"),
        PathBuf::from,
    );
    let dir = root.join("carenav-bench").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn dir_size(path: &std::path::Path) -> u64 {
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

/// Whether a group runs: all of them, or those whose name contains
/// `CARENAV_BENCH_GROUPS` (e.g. `single_need`), to profile one shape.
fn selected(name: &str) -> bool {
    std::env::var("CARENAV_BENCH_GROUPS").map_or(true, |only| name.contains(&only))
}

/// Everything the query groups share for one size.
struct Setup {
    n: usize,
    directory: Directory,
    index: ServiceIndex,
    baseline: LinearMatcher,
}

fn setup(n: usize) -> Setup {
    let started = Instant::now();
    let directory = generate(&SynthOptions {
        services: n,
        seed: SEED,
        ..SynthOptions::default()
    })
    .expect("generate");
    println!(
        "setup {n}: generated {} services, {} service-at-locations in {:.1} s",
        directory.services.len(),
        directory.service_at_locations.len(),
        started.elapsed().as_secs_f64()
    );
    let path = bench_dir(&format!("index-{n}"));
    let started = Instant::now();
    let index = ServiceIndex::build_in_dir(&directory, &path).expect("build");
    let secs = started.elapsed().as_secs_f64();
    println!(
        "setup {n}: built index of {} documents in {secs:.1} s ({:.0} services/s), {:.1} MB on disk",
        index.len(),
        n as f64 / secs,
        dir_size(&path) as f64 / 1e6
    );
    drop(index);
    // Queried as served: reopened from disk (memory-mapped).
    let index = ServiceIndex::open(&path).expect("open");
    let started = Instant::now();
    let baseline = LinearMatcher::new(&directory).expect("baseline");
    println!(
        "setup {n}: baseline prepared in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Setup {
        n,
        directory,
        index,
        baseline,
    }
}

fn options(limit: usize) -> MatchOptions {
    MatchOptions {
        limit,
        today: reference_day(),
        ..MatchOptions::default()
    }
}

/// Median and 99th percentile of single queries, printed.
fn latency(label: &str, profiles: &[ClientProfile], mut run: impl FnMut(&ClientProfile)) {
    for p in profiles.iter().take(50) {
        run(p);
    }
    let mut times: Vec<Duration> = profiles
        .iter()
        .cycle()
        .take(LATENCY_QUERIES)
        .map(|p| {
            let t = Instant::now();
            run(p);
            t.elapsed()
        })
        .collect();
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "latency {label}: median {:.3} ms, p99 {:.3} ms, max {:.3} ms over {} queries",
        at(0.5).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        at(1.0).as_secs_f64() * 1e3,
        times.len()
    );
}

fn query_group(
    c: &mut Criterion,
    s: &Setup,
    name: &str,
    profiles: &[ClientProfile],
    options: &MatchOptions,
    with_plan: bool,
) {
    if !selected(name) {
        return;
    }
    let plan_options = PlanOptions::default();
    let index_run = |p: &ClientProfile| {
        let result = s.index.match_profile(p, options).expect("match");
        if with_plan {
            black_box(CarePlan::propose(p, &result, &plan_options));
        }
        black_box(result);
    };
    let baseline_run = |p: &ClientProfile| {
        let result = s
            .baseline
            .match_profile(p, options)
            .expect("baseline match");
        if with_plan {
            black_box(CarePlan::propose(p, &result, &plan_options));
        }
        black_box(result);
    };
    latency(&format!("{name}/index/{}", s.n), profiles, index_run);
    let mut group = c.benchmark_group(name);
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(4));
    let mut i = 0;
    group.bench_function(BenchmarkId::new("index", s.n), |b| {
        b.iter(|| {
            i = (i + 1) % profiles.len();
            index_run(&profiles[i]);
        })
    });
    let mut i = 0;
    group.bench_function(BenchmarkId::new("baseline", s.n), |b| {
        b.iter(|| {
            i = (i + 1) % profiles.len();
            baseline_run(&profiles[i]);
        })
    });
    group.finish();
}

/// 1,000 services of the directory, changed, with their places and links.
fn changed_slice(directory: &Directory, round: usize) -> Directory {
    let services: Vec<_> = directory
        .services
        .iter()
        .skip(round % 50 * 1_000)
        .take(1_000)
        .cloned()
        .map(|mut s| {
            s.description = Some(format!(
                "{} Updated, round {round}.",
                s.description.unwrap_or_default()
            ));
            s
        })
        .collect();
    let ids: std::collections::HashSet<&str> = services.iter().map(|s| s.id.as_str()).collect();
    let links: Vec<_> = directory
        .service_at_locations
        .iter()
        .filter(|l| ids.contains(l.service_id.as_str()))
        .cloned()
        .collect();
    let places: std::collections::HashSet<&str> =
        links.iter().map(|l| l.location_id.as_str()).collect();
    let orgs: std::collections::HashSet<&str> = services
        .iter()
        .map(|s| s.organization_id.as_str())
        .collect();
    Directory {
        organizations: directory
            .organizations
            .iter()
            .filter(|o| orgs.contains(o.id.as_str()))
            .cloned()
            .collect(),
        locations: directory
            .locations
            .iter()
            .filter(|l| places.contains(l.id.as_str()))
            .cloned()
            .collect(),
        service_at_locations: links,
        taxonomy_terms: directory.taxonomy_terms.clone(),
        services,
    }
}

fn build_and_update(c: &mut Criterion, s: &mut Setup) {
    if !selected("build") {
        return;
    }
    let mut group = c.benchmark_group("build");
    group
        .sample_size(10)
        .throughput(Throughput::Elements(s.n as u64))
        .measurement_time(Duration::from_secs(if s.n > 200_000 { 120 } else { 30 }));
    let mut round = 0;
    group.bench_function(BenchmarkId::new("index", s.n), |b| {
        b.iter(|| {
            round += 1;
            let path = bench_dir(&format!("build-{}-{round}", s.n));
            let index = ServiceIndex::build_in_dir(&s.directory, &path).expect("build");
            black_box(index.len());
            drop(index);
            let _ = std::fs::remove_dir_all(&path);
        })
    });
    group.bench_function(BenchmarkId::new("baseline", s.n), |b| {
        b.iter(|| black_box(LinearMatcher::new(&s.directory).expect("baseline").len()))
    });
    group.finish();

    let mut group = c.benchmark_group("upsert_1000");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    let slices: Vec<Directory> = (0..10).map(|r| changed_slice(&s.directory, r)).collect();
    let mut r = 0;
    group.bench_function(BenchmarkId::new("index", s.n), |b| {
        b.iter(|| {
            r += 1;
            black_box(s.index.upsert(&slices[r % slices.len()]).expect("upsert"))
        })
    });
    let mut r = 0;
    let baseline = &mut s.baseline;
    group.bench_function(BenchmarkId::new("baseline", s.n), |b| {
        b.iter(|| {
            r += 1;
            black_box(
                baseline
                    .upsert(&slices[r % slices.len()])
                    .expect("baseline upsert"),
            )
        })
    });
    group.finish();
}

fn scale(c: &mut Criterion) {
    for n in sizes() {
        let mut s = setup(n);
        for (shape, name, limit) in [
            (QueryShape::SingleNeed, "single_need_top10", 10),
            (QueryShape::FourNeeds, "profile_4_needs_top5_plan", 5),
            (QueryShape::ServiceArea, "service_area", 10),
            (QueryShape::Browse, "browse_by_distance", 10),
        ] {
            let profiles = shape.profiles(SEED, 200).expect("profiles");
            let options = MatchOptions {
                weights: shape.weights(),
                ..options(limit)
            };
            let plan = shape == QueryShape::FourNeeds;
            query_group(c, &s, name, &profiles, &options, plan);
        }
        build_and_update(c, &mut s);
        let size = dir_size(&bench_dir_keep(&format!("index-{n}")));
        println!(
            "index {n}: {:.1} MB on disk after upserts",
            size as f64 / 1e6
        );
    }
}

fn bench_dir_keep(name: &str) -> PathBuf {
    let root = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"),
        PathBuf::from,
    );
    root.join("carenav-bench").join(name)
}

criterion_group!(benches, scale);
criterion_main!(benches);
