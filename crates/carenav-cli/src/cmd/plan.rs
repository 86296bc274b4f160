//! `carenav plan`: match, propose a care plan, export it.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow};
use carenav::core::plan::{CarePlan, PlanOptions, Stamp};
use carenav::{ClientProfile, MatchOptions};
use carenav_export::Format;

use crate::progress::spinner;

/// Candidates matched per need, so the plan can drop repeated organizations
/// and prefer places serving several needs.
const CANDIDATES_PER_NEED: usize = 10;

/// Arguments of `carenav plan`.
#[derive(Debug, clap::Args)]
pub(crate) struct PlanArgs {
    /// HSDS 3.0 input or an index folder; the embedded default directory
    /// when omitted.
    #[arg(long)]
    directory: Option<PathBuf>,
    /// The client profile (JSON; see docs/profile.schema.json).
    #[arg(long)]
    profile: PathBuf,
    /// json, fhir, markdown or html.
    #[arg(long, default_value = "markdown")]
    format: String,
    /// Write here instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
}

/// Now, as an RFC 3339 UTC instant (`2026-11-28T10:15:00Z`).
fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let today = carenav::index::today();
    let of_day = secs % 86_400;
    format!(
        "{today}T{:02}:{:02}:{:02}Z",
        of_day / 3600,
        of_day / 60 % 60,
        of_day % 60
    )
}

pub(crate) fn run(args: &PlanArgs) -> Result<ExitCode> {
    let format: Format = args
        .format
        .parse()
        .map_err(|e| anyhow!("--format {}: {e}", args.format))?;
    let text = std::fs::read_to_string(&args.profile)
        .with_context(|| format!("cannot read {}", args.profile.display()))?;
    let profile = ClientProfile::from_json(&text)
        .with_context(|| format!("invalid profile {}", args.profile.display()))?;
    let bar = spinner("matching");
    let opened = carenav::open_index(args.directory.as_deref());
    bar.finish_and_clear();
    let opened = opened?;
    let options = MatchOptions {
        limit: CANDIDATES_PER_NEED,
        ..MatchOptions::default()
    };
    let result = opened.index.match_profile(&profile, &options)?;
    let plan_options = PlanOptions {
        benefit_date: Some(options.today),
        created: Some(Stamp::new("carenav", &now_rfc3339())?),
        ..PlanOptions::default()
    };
    let mut plan = CarePlan::propose(&profile, &result, &plan_options);
    let links: Vec<(&str, &str)> = plan
        .referrals()
        .map(|(_, r)| (r.service_id.as_str(), r.service_at_location_id.as_str()))
        .collect();
    let details = opened.index.directory_for(links)?;
    plan.add_place_details(&details);
    let rendered = carenav_export::export(&plan, format)?;
    match &args.out {
        Some(path) => std::fs::write(path, rendered)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => crate::output::emit(&rendered)?,
    }
    Ok(ExitCode::SUCCESS)
}
