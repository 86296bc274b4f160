//! Real directories (converted from their legacy exports under shared/data)
//! through HSDS 3.0: the export validates against the spec's schema and
//! imports back, strictly, to the same records.

mod hsds3_common;

use carenav_core::Directory;
use carenav_hsds::legacy::{LegacyFormat, convert};
use carenav_hsds::{Format, Mode, load_str, to_hsds_services, write_ndjson};
use hsds3_common::{schema_errors, service_validator, shared};
use rstest::rstest;

/// The records an HSDS service export can carry, sorted by id: organizations
/// that run a service, locations linked or belonging to such an organization,
/// taxonomy terms services use.
fn exportable(d: &Directory) -> Directory {
    let mut d = d.clone();
    let orgs: std::collections::HashSet<String> = d
        .services
        .iter()
        .map(|s| s.organization_id.clone())
        .collect();
    let linked: std::collections::HashSet<String> = d
        .service_at_locations
        .iter()
        .map(|l| l.location_id.clone())
        .collect();
    let terms: std::collections::HashSet<String> = d
        .services
        .iter()
        .flat_map(|s| s.attributes.iter().map(|a| a.taxonomy_term_id.clone()))
        .collect();
    d.organizations.retain(|o| orgs.contains(&o.id));
    d.taxonomy_terms.retain(|t| terms.contains(&t.id));
    d.locations.retain(|l| {
        linked.contains(&l.id) || l.organization_id.as_ref().is_some_and(|o| orgs.contains(o))
    });
    d.organizations.sort_by(|a, b| a.id.cmp(&b.id));
    d.locations.sort_by(|a, b| a.id.cmp(&b.id));
    d.taxonomy_terms.sort_by(|a, b| a.id.cmp(&b.id));
    d
}

#[rstest]
#[case::ohana(LegacyFormat::Ohana, "data/ohana-smc", 1689, 11)]
#[case::linksf(LegacyFormat::Linksf, "data/linksf-sf/linksf.json", 96, 0)]
#[case::hsds1(LegacyFormat::Hsds1, "data/ilao-legal-aid/hsds-1.1", 429, 0)]
#[case::florida(LegacyFormat::Florida, "data/florida-legal-aid", 135, 60)]
#[case::ilao(LegacyFormat::Ilao, "data/ilao-legal-aid/raw", 429, 0)]
fn real_directory_exports_valid_hsds_and_reads_back(
    #[case] format: LegacyFormat,
    #[case] path: &str,
    #[case] services: usize,
    #[case] changed: usize,
) {
    let directory = convert(format, &shared().join(path)).unwrap().directory;
    assert_eq!(directory.services.len(), services);
    let validator = service_validator();
    for service in to_hsds_services(&directory) {
        let errors = schema_errors(&validator, &service);
        assert!(
            errors.is_empty(),
            "{format} service {} is invalid HSDS: {errors:?}",
            service["id"]
        );
    }
    let mut bytes = Vec::new();
    write_ndjson(&directory, &mut bytes).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let loaded = load_str("export.ndjson", &text, Format::Ndjson, Mode::Strict)
        .unwrap_or_else(|e| panic!("{format}: carenav's own export refused: {e}"));
    assert!(
        loaded.warnings.is_empty(),
        "{:#?}",
        &loaded.warnings[..3.min(loaded.warnings.len())]
    );
    let (back, original) = (exportable(&loaded.directory), exportable(&directory));
    assert_eq!(back.counts(), original.counts());
    assert_eq!(back.service_at_locations, original.service_at_locations);
    assert_eq!(back.taxonomy_terms, original.taxonomy_terms);
    // Re-exporting what was read gives the same HSDS: nothing is lost beyond
    // the export's documented repairs (scheme-less web addresses, emails
    // HSDS refuses, non-numeric phone extensions).
    assert!(
        to_hsds_services(&loaded.directory) == to_hsds_services(&directory),
        "{format}: export is not a fixed point"
    );
    let differing = back
        .services
        .iter()
        .zip(&original.services)
        .filter(|(a, b)| a != b)
        .count()
        + back
            .organizations
            .iter()
            .zip(&original.organizations)
            .filter(|(a, b)| a != b)
            .count()
        + back
            .locations
            .iter()
            .zip(&original.locations)
            .filter(|(a, b)| a != b)
            .count();
    assert_eq!(
        differing, changed,
        "{format}: records changed by the export's repairs"
    );
}
