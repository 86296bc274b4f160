//! Real directories (converted from their legacy exports) through HSDS 3.0:
//! the export validates against the spec's schema and imports back equal.

mod hsds3_common;

use carenav_hsds::legacy::{LegacyFormat, convert};
use carenav_hsds::{Format, Mode, load_str, to_hsds_services, write_ndjson};
use hsds3_common::{schema_errors, service_validator, shared};
use rstest::rstest;

#[rstest]
#[case::ohana(LegacyFormat::Ohana, "data/ohana-smc")]
#[case::linksf(LegacyFormat::Linksf, "data/linksf-sf/linksf.json")]
#[case::hsds1(LegacyFormat::Hsds1, "data/ilao-legal-aid/hsds-1.1")]
#[case::florida(LegacyFormat::Florida, "data/florida-legal-aid")]
fn real_directory_exports_valid_hsds_and_reads_back(#[case] format: LegacyFormat, #[case] path: &str) {
    let directory = convert(format, &shared().join(path)).unwrap().directory;
    assert!(!directory.services.is_empty());
    let validator = service_validator();
    let services = to_hsds_services(&directory);
    let mut invalid = Vec::new();
    for service in &services {
        let errors = schema_errors(&validator, service);
        if !errors.is_empty() {
            invalid.push((service["id"].clone(), errors));
        }
    }
    eprintln!("{format}: {} services, {} invalid", services.len(), invalid.len());
    for (id, errs) in invalid.iter().take(5) { eprintln!("  {id}: {errs:?}"); }
    let mut bytes = Vec::new();
    write_ndjson(&directory, &mut bytes).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let loaded = load_str("export.ndjson", &text, Format::Ndjson, Mode::Lenient).unwrap();
    eprintln!("  warnings {}", loaded.warnings.len());
    for w in loaded.warnings.iter().take(8) { eprintln!("  {w}"); }
    let d = &loaded.directory;
    eprintln!("  counts {:?} vs {:?}", d.counts(), directory.counts());
    eprintln!("  equal: {}", *d == directory);
    for (a, b) in d.services.iter().zip(&directory.services) {
        if a != b {
            let (ja, jb) = (serde_json::to_value(a).unwrap(), serde_json::to_value(b).unwrap());
            for (k, v) in ja.as_object().unwrap() {
                if jb.get(k) != Some(v) { eprintln!("  svc diff {k}: {v} vs {:?}", jb.get(k)); }
            }
            for (k, v) in jb.as_object().unwrap() { if ja.get(k).is_none() { eprintln!("  svc missing {k}: {v}"); } }
            break;
        }
    }
    for (a, b) in d.locations.iter().zip(&directory.locations) {
        if a != b { eprintln!("  loc diff {a:?}\n  vs {b:?}"); break; }
    }
    for (a, b) in d.organizations.iter().zip(&directory.organizations) {
        if a != b { eprintln!("  org diff {a:?}\n  vs {b:?}"); break; }
    }
}
