//! `carenav check`.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use carenav::{DirectoryCounts, Issue, Mode};
use serde::Serialize;

use crate::progress::spinner;

#[derive(Serialize)]
struct Report<'a> {
    source: String,
    /// A problem that stopped loading altogether (unreadable, no services).
    #[serde(skip_serializing_if = "Option::is_none")]
    fatal: Option<String>,
    counts: DirectoryCounts,
    errors: Vec<&'a Issue>,
    warnings: Vec<&'a Issue>,
}

/// Issues that mean a record or field was dropped; the rest are notes.
fn is_error(issue: &Issue) -> bool {
    !matches!(issue.kind, carenav::IssueKind::Skipped)
}

pub(crate) fn run(path: Option<&Path>, strict: bool, json: bool) -> Result<ExitCode> {
    let source = path.map_or_else(
        || carenav::DEFAULT_DIRECTORY_NAME.to_owned(),
        |p| p.display().to_string(),
    );
    let mode = if strict { Mode::Strict } else { Mode::Lenient };
    let bar = spinner(&format!("checking {source}"));
    let loaded = carenav::load_directory(path, mode);
    bar.finish_and_clear();
    let loaded = match loaded {
        Ok(loaded) => loaded,
        Err(carenav::Error::Load(carenav::hsds::error::LoadError::Invalid(issue))) => {
            // Strict mode: the first problem is the whole report.
            if json {
                let report = Report {
                    source,
                    fatal: None,
                    counts: DirectoryCounts::default(),
                    errors: vec![&issue],
                    warnings: Vec::new(),
                };
                crate::output::emit(&format!("{}\n", serde_json::to_string_pretty(&report)?))?;
            } else {
                crate::output::emit(&format!("error: {issue}\n"))?;
            }
            return Ok(ExitCode::FAILURE);
        }
        Err(e) if json => {
            let report = Report {
                source,
                fatal: Some(e.to_string()),
                counts: DirectoryCounts::default(),
                errors: Vec::new(),
                warnings: Vec::new(),
            };
            crate::output::emit(&format!("{}\n", serde_json::to_string_pretty(&report)?))?;
            return Ok(ExitCode::FAILURE);
        }
        Err(e) => return Err(e.into()),
    };
    let (errors, warnings): (Vec<&Issue>, Vec<&Issue>) =
        loaded.warnings.iter().partition(|i| is_error(i));
    let counts = loaded.directory.counts();
    if json {
        let report = Report {
            source,
            fatal: None,
            counts,
            errors: errors.clone(),
            warnings,
        };
        crate::output::emit(&format!("{}\n", serde_json::to_string_pretty(&report)?))?;
    } else {
        use std::fmt::Write;
        let mut text = String::new();
        let _ = writeln!(text, "{source}");
        let _ = writeln!(text, "  organizations:        {}", counts.organizations);
        let _ = writeln!(text, "  services:             {}", counts.services);
        let _ = writeln!(text, "  locations:            {}", counts.locations);
        let _ = writeln!(
            text,
            "  service_at_locations: {}",
            counts.service_at_locations
        );
        let _ = writeln!(
            text,
            "  errors: {}, warnings: {}",
            errors.len(),
            warnings.len()
        );
        for issue in &errors {
            let _ = writeln!(text, "error: {issue}");
        }
        for issue in &warnings {
            let _ = writeln!(text, "warning: {issue}");
        }
        crate::output::emit(&text)?;
    }
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
