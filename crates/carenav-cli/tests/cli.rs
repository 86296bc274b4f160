//! The `carenav` binary end to end: exit codes, JSON shapes, errors.

use std::path::PathBuf;
use std::process::{Command, Output};

fn carenav(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_carenav"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .output()
        .expect("carenav runs")
}

fn stdout_json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

fn shared() -> PathBuf {
    let dir = std::env::var_os("CARENAV_SHARED_DIR").map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")),
        PathBuf::from,
    );
    assert!(
        dir.join("data").is_dir(),
        "shared fixtures not found at {}",
        dir.display()
    );
    dir
}

fn scratch(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("carenav-cli-{}-{name}", std::process::id()))
}

#[test]
fn check_reports_the_default_directory() {
    let out = carenav(&["check", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = stdout_json(&out);
    assert_eq!(report["counts"]["services"], 1689);
    assert_eq!(report["errors"].as_array().map(Vec::len), Some(0));
}

#[test]
fn check_names_file_record_and_field_and_fails() {
    let path = scratch("bad.json");
    std::fs::write(
        &path,
        r#"[{"id":"0b5b8a44-0d6b-4a5d-9d5c-1a1c2b3c4d5e","name":"Pantry","status":"open",
             "organization":{"id":"1b5b8a44-0d6b-4a5d-9d5c-1a1c2b3c4d5e","name":"Org","description":"x"}},
            {"id":"2b5b8a44-0d6b-4a5d-9d5c-1a1c2b3c4d5e","name":"Clinic","status":"active",
             "organization":{"id":"1b5b8a44-0d6b-4a5d-9d5c-1a1c2b3c4d5e","name":"Org","description":"x"}}]"#,
    )
    .expect("write");
    let out = carenav(&["check", path.to_str().expect("utf-8 path"), "--json"]);
    assert!(!out.status.success());
    let report = stdout_json(&out);
    assert_eq!(
        report["counts"]["services"], 1,
        "the valid record still loads"
    );
    let error = &report["errors"][0];
    assert_eq!(error["record"], "0b5b8a44-0d6b-4a5d-9d5c-1a1c2b3c4d5e");
    assert_eq!(error["field"], "status");
    assert!(
        error["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("bad.json"))
    );
    let strict = carenav(&["check", path.to_str().expect("utf-8 path"), "--strict"]);
    assert!(!strict.status.success());
    let _ = std::fs::remove_file(path);
}

#[test]
fn convert_then_check_a_real_export() {
    let out_path = scratch("linksf.json");
    let input = shared().join("data/linksf-sf");
    let out = carenav(&[
        "convert",
        "--from",
        "linksf",
        input.to_str().expect("utf-8 path"),
        "--out",
        out_path.to_str().expect("utf-8 path"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let check = carenav(&["check", out_path.to_str().expect("utf-8 path"), "--json"]);
    assert!(check.status.success());
    assert_eq!(stdout_json(&check)["counts"]["services"], 96);
    let _ = std::fs::remove_file(out_path);
}

#[test]
fn match_prints_referrals_per_need_with_reasons() {
    let out = carenav(&[
        "match",
        "--profile",
        "data/profiles/issue-example.json",
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let result = stdout_json(&out);
    assert_eq!(result["profile_id"], "c1");
    let referrals = result["needs"][0]["referrals"]
        .as_array()
        .expect("referrals");
    assert!(!referrals.is_empty());
    for r in referrals {
        for key in [
            "service_id",
            "service_at_location_id",
            "service_name",
            "organization_name",
            "score",
            "reasons",
            "caveats",
        ] {
            assert!(r.get(key).is_some(), "referral lacks {key}");
        }
    }
}

#[test]
fn bad_inputs_get_clear_errors_and_a_failing_exit() {
    let profile = scratch("bad-profile.json");
    std::fs::write(
        &profile,
        r#"{"location":{"latitude":37.5,"longitude":-122.2},"needs":[{"domain":"hunger"}]}"#,
    )
    .expect("write");
    let out = carenav(&["match", "--profile", profile.to_str().expect("utf-8 path")]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("food-insecurity"),
        "lists valid domains"
    );
    let answers = scratch("answers.json");
    std::fs::write(
        &answers,
        r#"{"instrument":"ahc-hrsn","answers":{"99999-9":"LA33-6"}}"#,
    )
    .expect("write");
    let out = carenav(&["assess", answers.to_str().expect("utf-8 path")]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("99999-9"));
    let out = carenav(&[
        "match",
        "--directory",
        "/nonexistent/dir",
        "--profile",
        "data/profiles/minimal.json",
    ]);
    assert!(!out.status.success());
    let _ = std::fs::remove_file(profile);
    let _ = std::fs::remove_file(answers);
}

#[test]
fn plan_exports_a_fhir_bundle_and_needs_lists_the_domains() {
    let out = carenav(&[
        "plan",
        "--profile",
        "data/profiles/zip-family.json",
        "--format",
        "fhir",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bundle = stdout_json(&out);
    assert_eq!(bundle["resourceType"], "Bundle");
    let needs = carenav(&["needs", "--json"]);
    assert_eq!(stdout_json(&needs).as_array().map(Vec::len), Some(31));
}
