//! What every benchmark shares: carenav's allocator, the synthetic
//! directory's seed and the sizes measured.

// The allocator of carenav's binaries: see `carenav-cli`'s main.rs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Seed of the synthetic directory (and of the profiles queried).
pub(crate) const SEED: u64 = 2026;

/// 100,000 services; with `CARENAV_BENCH_1M=1` also 1,000,000.
pub(crate) fn sizes() -> Vec<usize> {
    let mut sizes = vec![100_000];
    if std::env::var("CARENAV_BENCH_1M").is_ok_and(|v| v == "1") {
        sizes.push(1_000_000);
    }
    sizes
}
