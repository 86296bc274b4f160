//! `carenav index` and `carenav match`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow};
use carenav::{ClientProfile, MatchOptions, MatchResult, Mode, ServiceIndex};

use crate::progress::spinner;

/// Arguments of `carenav match`.
#[derive(Debug, clap::Args)]
pub(crate) struct MatchArgs {
    /// HSDS 3.0 input or an index folder; the embedded default directory
    /// when omitted.
    #[arg(long)]
    directory: Option<PathBuf>,
    /// The client profile (JSON; see docs/profile.schema.json).
    #[arg(long)]
    profile: PathBuf,
    /// Referrals per need.
    #[arg(long, default_value_t = 5)]
    limit: usize,
    /// Only places open at this local time (RFC 3339, e.g.
    /// 2026-11-30T10:30:00-08:00).
    #[arg(long)]
    open_at: Option<String>,
    /// Print JSON instead of a plan for people.
    #[arg(long)]
    json: bool,
    /// Also list nearby services that were excluded, and why.
    #[arg(long)]
    explain_exclusions: bool,
}

pub(crate) fn index(path: &Path, out: &Path) -> Result<ExitCode> {
    let bar = spinner(&format!("loading {}", path.display()));
    let loaded = carenav::load_directory(Some(path), Mode::Lenient);
    bar.finish_and_clear();
    let loaded = loaded?;
    for issue in &loaded.warnings {
        eprintln!("warning: {issue}");
    }
    let bar = spinner(&format!("indexing into {}", out.display()));
    let started = std::time::Instant::now();
    let index = ServiceIndex::build_in_dir(&loaded.directory, out);
    bar.finish_and_clear();
    let index = index?;
    eprintln!(
        "indexed {} service-at-locations into {} in {:.1} s",
        index.len(),
        out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn run(args: &MatchArgs) -> Result<ExitCode> {
    if args.limit == 0 {
        return Err(anyhow!("--limit must be at least 1"));
    }
    let text = std::fs::read_to_string(&args.profile)
        .with_context(|| format!("cannot read {}", args.profile.display()))?;
    let profile = ClientProfile::from_json(&text)
        .with_context(|| format!("invalid profile {}", args.profile.display()))?;
    let mut options = MatchOptions {
        limit: args.limit,
        explain_exclusions: args.explain_exclusions,
        ..MatchOptions::default()
    };
    if let Some(at) = &args.open_at {
        options.open_at = Some(
            carenav::index::parse_open_at(at)
                .ok_or_else(|| anyhow!("--open-at {at:?} is not an RFC 3339 date-time"))?,
        );
    }
    let source = args.directory.as_ref().map_or_else(
        || carenav::DEFAULT_DIRECTORY_NAME.to_owned(),
        |p| p.display().to_string(),
    );
    let bar = spinner(&format!("opening {source}"));
    let opened = carenav::open_index(args.directory.as_deref());
    bar.finish_and_clear();
    let opened = opened?;
    if !opened.warnings.is_empty() {
        eprintln!(
            "note: {} problems in {source} (run `carenav check` to see them)",
            opened.warnings.len()
        );
    }
    let result = opened.index.match_profile(&profile, &options)?;
    if args.json {
        crate::output::emit(&format!("{}\n", serde_json::to_string_pretty(&result)?))?;
    } else {
        crate::output::emit(&render(&result, &source))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A plan for people: each need, its places, why and what to check.
fn render(result: &MatchResult, source: &str) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "Referrals from {source}");
    for need in &result.needs {
        let _ = writeln!(out, "\n## {} (urgency: {})", need.domain, need.urgency);
        if need.referrals.is_empty() {
            let _ = writeln!(out, "   No eligible service found.");
        }
        for (i, r) in need.referrals.iter().enumerate() {
            let _ = writeln!(
                out,
                "{}. {} ({})",
                i + 1,
                r.service_name,
                r.organization_name
            );
            if let Some(address) = &r.address {
                let distance = r
                    .distance_km
                    .map_or_else(String::new, |d| format!(" ({d:.1} km)"));
                let _ = writeln!(out, "   {address}{distance}");
            }
            if let Some(phone) = &r.phone {
                let _ = writeln!(out, "   phone: {phone}");
            }
            let _ = writeln!(out, "   why: {}", r.reasons.join("; "));
            for caveat in &r.caveats {
                let _ = writeln!(out, "   check: {caveat}");
            }
        }
        for e in &need.excluded {
            let _ = writeln!(
                out,
                "   excluded: {}: {} ({})",
                e.service_name, e.exclusion.detail, e.exclusion.constraint
            );
        }
    }
    for i in &result.inferred {
        let _ = writeln!(out, "\ninferred: {} (from {})", i.situation, i.because);
    }
    for w in &result.warnings {
        let _ = writeln!(out, "warning: {w}");
    }
    out
}
