//! `carenav convert` and `carenav export`.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use carenav::{Directory, LegacyFormat, Mode};

use crate::progress::spinner;

fn write_hsds(directory: &Directory, out: &Path) -> Result<()> {
    let file = File::create(out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut writer = BufWriter::new(file);
    carenav::hsds::write::write_json(directory, &mut writer)
        .and_then(|()| writer.flush())
        .with_context(|| format!("cannot write {}", out.display()))
}

pub(crate) fn run(from: &str, input: &Path, out: &Path) -> Result<ExitCode> {
    let format: LegacyFormat = from.parse()?;
    let bar = spinner(&format!("converting {}", input.display()));
    let conversion = carenav::hsds::legacy::convert(format, input);
    bar.finish_and_clear();
    let conversion = conversion?;
    write_hsds(&conversion.directory, out)?;
    eprintln!("{}", conversion.report);
    let counts = conversion.directory.counts();
    eprintln!(
        "wrote {}: {} organizations, {} services, {} locations, {} service_at_locations",
        out.display(),
        counts.organizations,
        counts.services,
        counts.locations,
        counts.service_at_locations
    );
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn export(path: &Path, out: &Path) -> Result<ExitCode> {
    let bar = spinner(&format!("loading {}", path.display()));
    let loaded = carenav::load_directory(Some(path), Mode::Lenient);
    bar.finish_and_clear();
    let loaded = loaded?;
    for issue in &loaded.warnings {
        eprintln!("warning: {issue}");
    }
    write_hsds(&loaded.directory, out)?;
    eprintln!(
        "wrote {}: {} services",
        out.display(),
        loaded.directory.services.len()
    );
    Ok(ExitCode::SUCCESS)
}
