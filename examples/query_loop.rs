//! Runs one query shape against an index on disk in a loop, for profilers:
//!
//! ```sh
//! cargo build --release --example query_loop
//! perf record -g target/release/examples/query_loop \
//!     target/carenav-bench/index-100000 single-need 20000
//! ```
//!
//! When `INDEX_DIR` does not exist, it first builds there the benchmarks'
//! synthetic directory (seed 2026) of `SERVICES` services (default
//! 100,000). Prints the median and 99th percentile of single queries.
//! Shapes: `single-need`, `four-needs`, `service-area`, `browse`.

use std::path::Path;

// The allocator of carenav's binaries: see `carenav-cli`'s main.rs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use carenav::{MatchOptions, ServiceIndex};
use carenav_synth::{QueryShape, SynthOptions, generate, reference_day};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, shape, count, services) = match args.as_slice() {
        [dir, shape, count] => (dir, shape, count, "100000"),
        [dir, shape, count, services] => (dir, shape, count, services.as_str()),
        _ => bail!("usage: query_loop INDEX_DIR SHAPE COUNT [SERVICES]"),
    };
    let shape = QueryShape::parse(shape).context("unknown shape")?;
    let count: usize = count.parse().context("COUNT")?;
    let dir = Path::new(dir);
    if !dir.exists() {
        let directory = generate(&SynthOptions {
            services: services.parse().context("SERVICES")?,
            seed: 2026,
            ..SynthOptions::default()
        })?;
        let started = Instant::now();
        ServiceIndex::build_in_dir(&directory, dir)?;
        println!("built in {:.1} s", started.elapsed().as_secs_f64());
    }
    let index = ServiceIndex::open(dir)?;
    let profiles = shape.profiles(2026, 200)?;
    let options = MatchOptions {
        limit: if shape == QueryShape::FourNeeds {
            5
        } else {
            10
        },
        today: reference_day(),
        weights: shape.weights(),
        ..MatchOptions::default()
    };
    let mut times: Vec<Duration> = Vec::with_capacity(count);
    let mut referrals = 0;
    for p in profiles.iter().cycle().take(count) {
        let started = Instant::now();
        let result = index.match_profile(p, &options)?;
        times.push(started.elapsed());
        referrals += result
            .needs
            .iter()
            .map(|n| n.referrals.len())
            .sum::<usize>();
    }
    times.sort();
    let at = |q: f64| {
        let i = ((times.len().saturating_sub(1)) as f64 * q).round() as usize;
        times.get(i).map_or(0.0, |t| t.as_secs_f64() * 1e3)
    };
    println!(
        "{} x {count}: median {:.3} ms, p99 {:.3} ms, {referrals} referrals",
        shape.name(),
        at(0.5),
        at(0.99)
    );
    Ok(())
}
