//! `carenav generate`: a synthetic national directory (and client profiles)
//! for benchmarks and demos. Not real services: never refer people to them.

use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow};
use carenav_synth::{Format, SynthOptions, write_hsds};

use crate::progress::spinner;

/// Arguments of `carenav generate`.
#[derive(Debug, clap::Args)]
pub(crate) struct GenerateArgs {
    /// Number of services (about 1.1 service-at-locations each).
    #[arg(long)]
    services: usize,
    /// Seed: the same seed gives byte-identical output.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Where to write the HSDS 3.0 directory (NDJSON if it ends in .ndjson,
    /// else a JSON array).
    #[arg(long)]
    out: PathBuf,
    /// Also generate this many client profiles (1 to 4 needs each).
    #[arg(long, requires = "profiles_out")]
    profiles: Option<usize>,
    /// Where to write the profiles (a JSON array).
    #[arg(long, requires = "profiles")]
    profiles_out: Option<PathBuf>,
}

fn create(path: &Path) -> Result<BufWriter<std::fs::File>> {
    let file =
        std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    Ok(BufWriter::with_capacity(1 << 20, file))
}

pub(crate) fn run(args: &GenerateArgs) -> Result<ExitCode> {
    if args.services == 0 {
        return Err(anyhow!("--services must be at least 1"));
    }
    let format = if args.out.extension().is_some_and(|e| e == "ndjson") {
        Format::Ndjson
    } else {
        Format::Json
    };
    let options = SynthOptions {
        services: args.services,
        seed: args.seed,
        ..SynthOptions::default()
    };
    let bar = spinner(&format!(
        "generating {} services into {}",
        args.services,
        args.out.display()
    ));
    let started = std::time::Instant::now();
    let written = write_hsds(&options, format, create(&args.out)?);
    bar.finish_and_clear();
    let written = written.with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!(
        "wrote {} services ({} service-at-locations, {} organizations) to {} in {:.1} s",
        written.services,
        written.service_at_locations,
        written.organizations,
        args.out.display(),
        started.elapsed().as_secs_f64()
    );
    if let (Some(count), Some(path)) = (args.profiles, &args.profiles_out) {
        let profiles = carenav_synth::profiles(args.seed, count)?;
        let mut out = create(path)?;
        serde_json::to_writer_pretty(&mut out, &profiles)?;
        std::io::Write::write_all(&mut out, b"\n")?;
        std::io::Write::flush(&mut out)?;
        eprintln!("wrote {count} profiles to {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}
