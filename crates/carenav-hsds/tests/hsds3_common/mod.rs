//! Helpers shared by the HSDS 3.0 import/export tests.
#![allow(dead_code, unreachable_pub)]

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The shared folder (data, spec): `CARENAV_SHARED_DIR` or `<workspace>/../shared`.
pub fn shared() -> PathBuf {
    let dir = std::env::var_os("CARENAV_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    assert!(
        dir.join("spec/hsds/3.0").is_dir(),
        "shared data not found at {} (set CARENAV_SHARED_DIR to the folder holding spec/ and data/)",
        dir.display()
    );
    dir
}

/// The HSDS 3.0 spec folder.
pub fn spec() -> PathBuf {
    shared().join("spec/hsds/3.0")
}

/// A fresh empty temporary folder for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("carenav-hsds3-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("test fixture");
    dir
}

/// The spec's tabular example as a package: the top-level `datapackage.json`
/// plus `examples/csv/*.csv`, copied into a temporary folder.
pub fn spec_tabular_package(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    std::fs::copy(
        spec().join("datapackage.json"),
        dir.join("datapackage.json"),
    )
    .expect("test fixture");
    for entry in std::fs::read_dir(spec().join("examples/csv")).expect("test fixture") {
        let path = entry.expect("test fixture").path();
        std::fs::copy(&path, dir.join(path.file_name().expect("test fixture")))
            .expect("test fixture");
    }
    dir
}

/// A validator for `schema/compiled/service_with_definitions.json`.
///
/// The schema declares no `$schema`, so the draft is set to 2020-12 (HSDS
/// 3.0's own choice for its API schemas). Format validation is ON: the
/// exporter mints UUIDs and must get their format right, and `email`, `uri`,
/// `date-time` are exactly what HSDS consumers rely on. The non-standard
/// keywords (`name`, `order`, `core`, `constraints`, `datapackage_type`…)
/// are annotations and ignored by the validator.
pub fn service_validator() -> jsonschema::Validator {
    let path = spec().join("schema/compiled/service_with_definitions.json");
    let schema: Value =
        serde_json::from_slice(&std::fs::read(path).expect("test fixture")).expect("test fixture");
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&schema)
        .expect("test fixture")
}

/// Schema errors of one exported service, as text.
pub fn schema_errors(validator: &jsonschema::Validator, service: &Value) -> Vec<String> {
    validator
        .iter_errors(service)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// Reads a file as JSON.
pub fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).expect("test fixture")).expect("test fixture")
}
