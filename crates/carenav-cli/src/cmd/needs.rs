//! `carenav needs` and `carenav assess`.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use carenav::ClientProfile;
use carenav::core::assess::{self, AssessOptions};
use serde::Serialize;

#[derive(Serialize)]
struct DomainRow {
    code: &'static str,
    label: &'static str,
    description: &'static str,
    keywords: &'static [String],
}

pub(crate) fn list(json: bool) -> Result<ExitCode> {
    let domains = carenav::core::needs::all()?;
    if json {
        let rows: Vec<DomainRow> = domains
            .iter()
            .map(|d| DomainRow {
                code: d.code(),
                label: d.label(),
                description: &d.info().description,
                keywords: &d.info().keywords,
            })
            .collect();
        crate::output::emit(&format!("{}\n", serde_json::to_string_pretty(&rows)?))?;
    } else {
        let text: String = domains
            .iter()
            .map(|d| format!("{:<34} {}\n", d.code(), d.label()))
            .collect();
        crate::output::emit(&text)?;
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn assess(answers: &Path, base: Option<&Path>) -> Result<ExitCode> {
    let text = std::fs::read_to_string(answers)
        .with_context(|| format!("cannot read {}", answers.display()))?;
    let assessment = assess::assess_json(&text, &AssessOptions::default())
        .with_context(|| format!("cannot assess {}", answers.display()))?;
    match base {
        Some(base) => {
            let text = std::fs::read_to_string(base)
                .with_context(|| format!("cannot read {}", base.display()))?;
            let profile = ClientProfile::from_json(&text)
                .with_context(|| format!("invalid profile {}", base.display()))?;
            let merged = assess::merge_into_profile(&assessment, &profile);
            crate::output::emit(&format!("{}\n", serde_json::to_string_pretty(&merged)?))?;
        }
        None => crate::output::emit(&format!("{}\n", serde_json::to_string_pretty(&assessment)?))?,
    }
    Ok(ExitCode::SUCCESS)
}
