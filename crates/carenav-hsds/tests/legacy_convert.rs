//! Legacy converters on the real exports under the shared data folder.
//!
//! Expected figures were counted from the files independently (Python over
//! the raw JSON/CSV) before being written here.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use carenav_core::text::schedules_from_text;
use carenav_core::{
    AddressType, AgeRange, Constraint, Directory, Gender, IncomeLimit, Service, Situation,
    TimeOfDay,
};
use carenav_hsds::IssueKind;
use carenav_hsds::legacy::{Conversion, ConvertError, LegacyFormat, convert};
use rstest::rstest;

fn shared_dir() -> PathBuf {
    let dir = std::env::var_os("CARENAV_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    assert!(
        dir.join("data").is_dir(),
        "shared data not found at {} (set CARENAV_SHARED_DIR to the folder holding data/)",
        dir.display()
    );
    dir
}

fn source_path(format: LegacyFormat) -> PathBuf {
    let data = shared_dir().join("data");
    match format {
        LegacyFormat::Ohana => data.join("ohana-smc"),
        LegacyFormat::Linksf => data.join("linksf-sf/linksf.json"),
        LegacyFormat::Hsds1 => data.join("ilao-legal-aid/hsds-1.1"),
        LegacyFormat::Florida => data.join("florida-legal-aid"),
        LegacyFormat::Ilao => data.join("ilao-legal-aid/raw"),
    }
}

fn run(format: LegacyFormat) -> Conversion {
    let path = source_path(format);
    match convert(format, &path) {
        Ok(c) => {
            println!("{}", c.report);
            c
        }
        Err(e) => panic!("converting {} failed: {e}", path.display()),
    }
}

fn service<'a>(d: &'a Directory, name: &str, org: &str) -> &'a Service {
    let org_ids: HashSet<&str> = d
        .organizations
        .iter()
        .filter(|o| o.name == org)
        .map(|o| o.id.as_str())
        .collect();
    let found: Vec<&Service> = d
        .services
        .iter()
        .filter(|s| s.name == name && org_ids.contains(s.organization_id.as_str()))
        .collect();
    assert_eq!(found.len(), 1, "expected one service {name:?} of {org:?}");
    found[0]
}

fn time(h: u16, m: u16) -> Option<TimeOfDay> {
    TimeOfDay::new(h, m)
}

/// (orgs, services, locations, service_at_locations, skipped records)
#[rstest]
#[case::ohana(LegacyFormat::Ohana, 1363, 1689, 1709, 1689, 14)]
#[case::linksf(LegacyFormat::Linksf, 76, 96, 76, 96, 13)]
#[case::hsds1(LegacyFormat::Hsds1, 313, 429, 553, 0, 20)]
#[case::florida(LegacyFormat::Florida, 20, 135, 378, 642, 0)]
fn converts_real_export_with_exact_counts(
    #[case] format: LegacyFormat,
    #[case] orgs: usize,
    #[case] services: usize,
    #[case] locations: usize,
    #[case] sals: usize,
    #[case] skipped: usize,
) {
    let c = run(format);
    let counts = c.directory.counts();
    assert_eq!(
        (
            counts.organizations,
            counts.services,
            counts.locations,
            counts.service_at_locations
        ),
        (orgs, services, locations, sals)
    );
    assert_eq!(c.report.count("organization"), orgs);
    assert_eq!(
        c.report.skipped().count(),
        skipped,
        "{:#?}",
        c.report.skipped().collect::<Vec<_>>()
    );
    // No line of the real exports is unreadable.
    assert_eq!(c.report.issues_of(IssueKind::Syntax).count(), 0);
    assert_eq!(c.report.issues_of(IssueKind::Encoding).count(), 0);
}

#[rstest]
#[case(LegacyFormat::Ohana)]
#[case(LegacyFormat::Linksf)]
#[case(LegacyFormat::Hsds1)]
#[case(LegacyFormat::Florida)]
fn ids_are_stable_unique_and_references_resolve(#[case] format: LegacyFormat) {
    let a = run(format);
    let b = run(format);
    assert_eq!(a.directory, b.directory, "second run differs");
    let d = &a.directory;

    let mut ids: HashSet<String> = HashSet::new();
    let mut all = |id: &str| -> bool { ids.insert(id.to_owned()) };
    for id in d
        .organizations
        .iter()
        .map(|x| &x.id)
        .chain(d.services.iter().map(|x| &x.id))
        .chain(d.locations.iter().map(|x| &x.id))
        .chain(d.service_at_locations.iter().map(|x| &x.id))
        .chain(d.taxonomy_terms.iter().map(|x| &x.id))
    {
        assert!(all(id), "duplicate id {id}");
        assert!(uuid_like(id), "not a UUID: {id}");
    }
    // Child ids are filled and unique too.
    for s in &d.services {
        for id in s
            .phones
            .iter()
            .map(|p| &p.id)
            .chain(s.schedules.iter().map(|x| &x.id))
        {
            let id = id.as_deref().unwrap_or_default();
            assert!(all(id), "duplicate or missing child id {id:?}");
        }
    }
    for l in &d.locations {
        for id in l
            .phones
            .iter()
            .map(|p| &p.id)
            .chain(l.addresses.iter().map(|x| &x.id))
        {
            let id = id.as_deref().unwrap_or_default();
            assert!(all(id), "duplicate or missing child id {id:?}");
        }
    }

    let orgs: HashSet<&str> = d.organizations.iter().map(|o| o.id.as_str()).collect();
    let services: HashSet<&str> = d.services.iter().map(|s| s.id.as_str()).collect();
    let locations: HashSet<&str> = d.locations.iter().map(|l| l.id.as_str()).collect();
    let terms: HashSet<&str> = d.taxonomy_terms.iter().map(|t| t.id.as_str()).collect();
    for s in &d.services {
        assert!(
            orgs.contains(s.organization_id.as_str()),
            "service {} has dangling org",
            s.id
        );
        for a in &s.attributes {
            assert!(
                terms.contains(a.taxonomy_term_id.as_str()),
                "dangling term in {}",
                s.id
            );
        }
    }
    for l in &d.locations {
        if let Some(o) = &l.organization_id {
            assert!(
                orgs.contains(o.as_str()),
                "location {} has dangling org",
                l.id
            );
        }
    }
    for sal in &d.service_at_locations {
        assert!(services.contains(sal.service_id.as_str()));
        assert!(locations.contains(sal.location_id.as_str()));
    }
    for t in &d.taxonomy_terms {
        if let Some(p) = &t.parent_id {
            assert!(
                terms.contains(p.as_str()),
                "term {} has dangling parent",
                t.id
            );
        }
    }
}

fn uuid_like(id: &str) -> bool {
    id.len() == 36 && id.chars().filter(|c| *c == '-').count() == 4
}

#[test]
fn ohana_skips_exactly_the_test_records() {
    let c = run(LegacyFormat::Ohana);
    let mut skipped: Vec<(String, String)> = c
        .report
        .skipped()
        .map(|i| (i.file.clone(), i.record.clone().unwrap_or_default()))
        .collect();
    skipped.sort();
    let expected: Vec<(String, String)> = [
        ("locations.json", "1689"),
        ("locations.json", "1690"),
        ("locations.json", "1711"),
        ("locations.json", "1712"),
        ("organizations.json", "1344"),
        ("organizations.json", "1345"),
        ("organizations.json", "1366"),
        ("organizations.json", "1367"),
        ("services.json", "1685"),
        ("services.json", "1686"),
        ("services.json", "1687"),
        ("services.json", "1688"),
        ("services.json", "1693"),
        ("services.json", "1694"),
    ]
    .iter()
    .map(|(f, r)| ((*f).to_owned(), (*r).to_owned()))
    .collect();
    assert_eq!(skipped, expected);
    assert!(c.report.skipped().all(|i| i.message.contains("test")));
    // No real location lost: 1,713 minus the 4 test records, and the 1,435
    // coordinates outside the test records are all valid points.
    assert_eq!(
        c.directory
            .locations
            .iter()
            .filter(|l| l.point.is_some())
            .count(),
        1432
    );
    assert_eq!(c.report.issues_of(IssueKind::OutOfRange).count(), 0);
    // Open Eligibility: 325 distinct codes in oe.json (two appear twice).
    let oe = c
        .directory
        .taxonomy_terms
        .iter()
        .filter(|t| t.taxonomy.as_deref() == Some("open-eligibility"))
        .count();
    assert_eq!(oe, 325);
}

#[test]
fn ohana_legal_aid_society_field_by_field() {
    let c = run(LegacyFormat::Ohana);
    let d = &c.directory;
    let s = service(
        d,
        "Legal Aid Society of San Mateo County",
        "Legal Aid Society of San Mateo County",
    );
    assert_eq!(
        s.eligibility_description.as_deref(),
        Some("Low income, disabled, or senior")
    );
    assert_eq!(
        s.fees_description.as_deref(),
        Some("None for attorney services. Donations welcome.")
    );
    assert_eq!(
        s.application_process.as_deref(),
        Some("Apply by phone for appointment and some clinics.")
    );
    assert_eq!(
        s.wait_time.as_deref(),
        Some("1 to 2 weeks. Emergencies seen immediately.")
    );
    assert_eq!(s.last_modified.as_deref(), Some("2013-11-11T08:46:44.035Z"));
    assert_eq!(s.email.as_deref(), Some("jgoldstein@legalaidsmc.org"));
    assert_eq!(s.url.as_deref(), Some("http://www.legalaidsmc.org"));
    let description = s.description.as_deref().unwrap_or_default();
    assert!(description.starts_with("Provides legal advice and counsel on civil matters"));
    assert!(description.ends_with(
        "Audience: Low-income residents of San Mateo County, persons with disabilities, seniors, teen parents"
    ));
    let areas: Vec<&str> = s
        .service_areas
        .iter()
        .filter_map(|a| a.name.as_deref())
        .collect();
    assert_eq!(areas, ["San Mateo County"]);
    // category_ids 111, 111-01, 111-01-03, 111-04 and 6 keywords.
    let terms: Vec<(&str, Option<&str>)> = s
        .attributes
        .iter()
        .filter_map(|a| d.taxonomy_terms.iter().find(|t| t.id == a.taxonomy_term_id))
        .map(|t| (t.taxonomy.as_deref().unwrap_or_default(), t.code.as_deref()))
        .collect();
    assert_eq!(terms.len(), 10);
    assert!(terms.contains(&("open-eligibility", Some("111-01-03"))));
    assert_eq!(terms.iter().filter(|t| t.0 == "ohana-keywords").count(), 6);
    let langs: Vec<(Option<&str>, Option<&str>)> = s
        .languages
        .iter()
        .map(|l| (l.name.as_deref(), l.code.as_deref()))
        .collect();
    assert_eq!(
        langs,
        [
            (Some("French"), Some("fr")),
            (Some("Russian"), Some("ru")),
            (Some("Spanish"), Some("es"))
        ]
    );

    let sal = d.service_at_locations.iter().find(|x| x.service_id == s.id);
    let loc = sal.and_then(|x| d.location(&x.location_id));
    let Some(loc) = loc else {
        panic!("service has no location")
    };
    let physical = loc
        .addresses
        .iter()
        .find(|a| a.address_type == AddressType::Physical);
    assert_eq!(
        physical.map(|a| a.one_line()).as_deref(),
        Some("330 Twin Dolphin Drive, Suite 123, Redwood City, CA 94065")
    );
    let postal = loc
        .addresses
        .iter()
        .find(|a| a.address_type == AddressType::Postal);
    assert_eq!(
        postal.and_then(|a| a.attention.as_deref()),
        Some("Legal Aid Society")
    );
    let phones: Vec<(&str, Option<&str>)> = loc
        .phones
        .iter()
        .map(|p| (p.number.as_str(), p.kind.as_deref()))
        .collect();
    assert_eq!(
        phones,
        [
            ("800 381-8898", Some("voice")),
            ("650 517-8973", Some("fax"))
        ]
    );
    assert_eq!(loc.languages.len(), 3);
    assert_eq!(
        loc.accessibility
            .first()
            .and_then(|a| a.description.as_deref()),
        Some("Wheelchair accessible")
    );
    let point = loc.point.map(|p| (p.latitude, p.longitude));
    assert_eq!(point, Some((37.5210911, -122.2584729)));
    // Hours go through the shared text reader, ids added.
    let mut hours = loc.schedules.clone();
    hours.iter_mut().for_each(|h| h.id = None);
    assert!(!hours.is_empty());
    assert_eq!(hours, schedules_from_text("Monday-Friday, 9-12, 1-5"));
}

#[test]
fn ohana_language_names_map_to_codes_or_stay_names() {
    let c = run(LegacyFormat::Ohana);
    let langs: Vec<_> = c
        .directory
        .locations
        .iter()
        .flat_map(|l| &l.languages)
        .collect();
    let code_of = |name: &str| {
        langs
            .iter()
            .find(|l| l.name.as_deref() == Some(name))
            .and_then(|l| l.code.clone())
    };
    assert_eq!(code_of("Filipino (Tagalog)").as_deref(), Some("tl"));
    assert_eq!(code_of("Chinese (Cantonese)").as_deref(), Some("yue"));
    assert_eq!(code_of("Persian (Farsi)").as_deref(), Some("fa"));
    assert_eq!(code_of("Sign Languages"), None);
    // "Interpreter" and "AT&T Language Line" are services, not languages.
    assert!(
        langs
            .iter()
            .all(|l| l.name.as_deref() != Some("Interpreter"))
    );
    assert!(
        c.directory
            .services
            .iter()
            .any(|s| s.interpretation_services.as_deref() == Some("AT&T Language Line"))
    );
}

#[test]
fn linksf_women_shelter_hours_and_ages() {
    let c = run(LegacyFormat::Linksf);
    let d = &c.directory;
    let s = service(
        d,
        "Domestic violence emergency shelter",
        "La Casa de las Madres",
    );
    assert_eq!(s.eligibility.gender.value(), Some(&Gender::Female));
    assert!(s.eligibility.age.is_open());
    assert_eq!(s.schedules.len(), 1);
    assert_eq!(
        s.schedules[0].byday.as_deref(),
        Some("MO,TU,WE,TH,FR,SA,SU")
    );
    assert_eq!(
        (s.schedules[0].opens_at, s.schedules[0].closes_at),
        (time(0, 0), time(12, 0))
    );
    assert!(
        s.description
            .as_deref()
            .unwrap_or_default()
            .contains("Notes: 8-week shelter.")
    );
    let sal = d.service_at_locations.iter().find(|x| x.service_id == s.id);
    let loc = sal.and_then(|x| d.location(&x.location_id));
    let phone = loc.and_then(|l| l.phones.first());
    assert_eq!(phone.map(|p| p.number.as_str()), Some("877-503-1850"));
    assert!(
        phone
            .and_then(|p| p.description.as_deref())
            .unwrap_or_default()
            .starts_with("Crisis line:")
    );
    let sal = d.service_at_locations.iter().find(|x| x.service_id == s.id);
    let loc = sal.and_then(|x| d.location(&x.location_id));
    assert_eq!(
        loc.and_then(|l| l.point).map(|p| p.latitude),
        Some(37.7712479)
    );

    // C+Y = 0-24 (Huckleberry House); S = 60+; A+S = 18+.
    let age = |name: &str, org: &str| service(d, name, org).eligibility.age.value().copied();
    assert_eq!(
        age("Youth shelter", "Huckleberry House"),
        Some(AgeRange::client(None, Some(24.0)))
    );
    // C+Y+A = 0-59: everyone but seniors (Lark-Inn for Youth).
    assert_eq!(
        age("Youth shelter", "Lark-Inn for Youth"),
        Some(AgeRange::client(None, Some(59.0)))
    );
    let seniors = d
        .services
        .iter()
        .filter(|s| s.eligibility.age.value() == Some(&AgeRange::client(Some(60.0), None)));
    assert_eq!(seniors.count(), 8);
    assert_eq!(
        age(
            "24-hour shelter for adults",
            "Episcopal Community Services - Next Door Shelter"
        ),
        Some(AgeRange::client(Some(18.0), None))
    );
    // Men-only: City Team Ministries' services.
    let men = d
        .services
        .iter()
        .filter(|s| s.eligibility.gender.value() == Some(&Gender::Male))
        .count();
    let women = d
        .services
        .iter()
        .filter(|s| s.eligibility.gender.value() == Some(&Gender::Female))
        .count();
    assert_eq!((women, men), (8, 4));
}

#[test]
fn linksf_overnight_hours_and_duplicates() {
    let c = run(LegacyFormat::Linksf);
    let d = &c.directory;
    // [[1700, 2359], [0, 100]]: evening until midnight, then after midnight.
    let s = service(d, "Emergency shelter", "CHANGES: MSC South");
    let pairs: Vec<_> = s
        .schedules
        .iter()
        .map(|x| (x.opens_at, x.closes_at))
        .collect();
    assert!(pairs.contains(&(time(17, 0), time(24, 0))), "{pairs:?}");
    assert!(pairs.contains(&(time(0, 0), time(1, 0))), "{pairs:?}");
    // 3 services without openHours have no schedule.
    assert_eq!(
        d.services.iter().filter(|s| s.schedules.is_empty()).count(),
        3
    );
    // 13 duplicate facility records (identical Parse copies) carry 34 services.
    let dup_services: usize = c
        .report
        .skipped()
        .filter_map(|i| {
            i.message
                .split("its ")
                .nth(1)?
                .split(' ')
                .next()?
                .parse::<usize>()
                .ok()
        })
        .sum();
    assert_eq!(dup_services, 34);
    assert!(
        c.report
            .skipped()
            .all(|i| i.message.starts_with("an identical copy"))
    );
}

#[test]
fn hsds1_ilao_tables_convert_generically() {
    let c = run(LegacyFormat::Hsds1);
    let d = &c.directory;
    let r = &c.report;
    assert_eq!(r.count("phone"), 963);
    // 1,827 timed rows (29 with closing not after opening) group into 700 schedules.
    assert_eq!(r.count("schedule"), 700);
    assert_eq!(r.issues_of(IssueKind::InvalidValue).count(), 29);
    assert_eq!(r.issues_of(IssueKind::DanglingReference).count(), 280);
    let skipped_phones = r.skipped().filter(|i| i.file == "phones.csv").count();
    assert_eq!(skipped_phones, 19);
    let skipped_services: Vec<_> = r.skipped().filter(|i| i.file == "services.csv").collect();
    assert_eq!(skipped_services.len(), 1);
    assert_eq!(skipped_services[0].message, "row has no id");
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("not linked to any location"))
    );

    let s = service(d, "North Lawndale legal clinic", "LAF");
    assert_eq!(s.description.as_deref(), Some("Direct representation"));
    let lib = d
        .locations
        .iter()
        .find(|l| l.name.as_deref() == Some("Arlington Heights Memorial Library"));
    let Some(lib) = lib else {
        panic!("library missing")
    };
    // Sunday 11-20, Monday-Thursday 9-22? Check Sunday exactly.
    let sunday = lib
        .schedules
        .iter()
        .find(|x| x.byday.as_deref() == Some("SU"));
    assert_eq!(
        sunday.map(|x| (x.opens_at, x.closes_at)),
        Some((time(11, 0), time(20, 0)))
    );
    let upsolve = d.organizations.iter().find(|o| o.name == "Upsolve");
    assert_eq!(
        upsolve.and_then(|o| o.email.as_deref()),
        Some("help@upsolve.org")
    );
    assert_eq!(
        upsolve
            .and_then(|o| o.phones.first())
            .map(|p| p.number.as_str()),
        Some("(347) 850-2656")
    );
    let postal = d.locations.iter().find(|l| {
        l.organization_id.as_deref() == upsolve.map(|o| o.id.as_str()) && !l.addresses.is_empty()
    });
    assert_eq!(
        postal
            .and_then(|l| l.addresses.first())
            .map(|a| a.postal_code.as_str()),
        Some("11201")
    );
}

#[test]
fn florida_structured_eligibility_survives() {
    let c = run(LegacyFormat::Florida);
    let d = &c.directory;

    let s = service(
        d,
        "General Civil Legal Assistance",
        "Bay Area Legal Services, Inc.",
    );
    assert_eq!(
        s.eligibility.income.value(),
        Some(&IncomeLimit::PercentOfPoverty(125.0))
    );
    assert_eq!((s.minimum_age, s.maximum_age), (Some(0.0), None));
    assert!(s.eligibility.age.is_open(), "0 to 200 restricts nobody");

    let s = service(
        d,
        "Senior Citizen Law Project",
        "Coast to Coast Legal Aid of South Florida, Inc.",
    );
    assert_eq!(
        s.eligibility.age.value(),
        Some(&AgeRange::client(Some(60.0), None))
    );
    assert_eq!((s.minimum_age, s.maximum_age), (Some(60.0), None));
    assert_eq!(
        s.eligibility.residency.value().map(Vec::as_slice),
        Some(&["Broward County, FL".to_owned()][..])
    );

    let s = service(
        d,
        "Veterans Legal Helpline",
        "Bay Area Legal Services, Inc.",
    );
    assert_eq!(
        s.eligibility.age.value(),
        Some(&AgeRange::client(None, Some(59.0)))
    );
    assert_eq!(
        s.eligibility.income.value(),
        Some(&IncomeLimit::PercentOfPoverty(125.0))
    );
    assert_eq!(
        s.eligibility.populations.value(),
        Some(&vec![Situation::Veteran, Situation::Military])
    );
    let areas: Vec<&str> = s
        .service_areas
        .iter()
        .filter_map(|a| a.name.as_deref())
        .collect();
    assert_eq!(areas, ["Hillsborough County, FL", "Pasco County, FL"]);

    // Immigration list without US citizens: immigrants only, low confidence, raw list kept.
    let s = service(
        d,
        "Citizenship Assistance",
        "Legal Services of Greater Miami",
    );
    assert_eq!(
        s.eligibility.populations.value(),
        Some(&vec![Situation::Immigrant])
    );
    assert!(
        s.eligibility
            .to_verify
            .iter()
            .any(|t| t == "Immigration statuses accepted: Lawful Permanent Resident (LPR)")
    );
    // A list that accepts citizens restricts nobody.
    let s = service(d, "Manatee County Assistance", "Legal Aid of Manasota");
    assert!(s.eligibility.populations.is_open());
    assert_eq!(
        s.eligibility.income.value(),
        Some(&IncomeLimit::PercentOfPoverty(150.0))
    );
    assert_eq!(s.eligibility.to_verify.len(), 3);

    let veterans = d.services.iter().filter(|s| {
        s.eligibility
            .populations
            .value()
            .is_some_and(|p| p.contains(&Situation::Veteran))
    });
    assert_eq!(veterans.count(), 7);
    let with_income = d
        .services
        .iter()
        .filter(|s| matches!(s.eligibility.income, Constraint::Restricted { .. }));
    assert_eq!(with_income.count(), 48);

    // Legal problem codes: 79 terms, 1,589 links.
    assert_eq!(c.report.count("taxonomy_term"), 79);
    assert_eq!(c.report.count("attribute"), 1589);
    assert_eq!(c.report.count("service_area"), 1494);
}

#[test]
fn florida_repairs_the_spilled_row_and_reads_addresses() {
    let c = run(LegacyFormat::Florida);
    let d = &c.directory;
    let s = service(
        d,
        "Birth Certificate Program",
        "Gulfcoast Legal Services, Inc.",
    );
    assert_eq!(s.email.as_deref(), Some("kathrynh@gulfcoastlegal.org"));
    assert_eq!(
        s.url.as_deref(),
        Some("http://gulfcoastlegal.org/financial-stability-assistance")
    );
    assert!(
        s.description
            .as_deref()
            .unwrap_or_default()
            .contains("Age 60 or older and live in Pinellas County")
    );
    assert_eq!(s.minimum_age, None);
    assert_eq!(s.eligibility.residency.value().map(Vec::len), Some(1));
    let repaired: Vec<_> = c
        .report
        .issues
        .iter()
        .filter(|i| i.field.as_deref() == Some("service_description"))
        .collect();
    assert_eq!(repaired.len(), 1);

    // 85 parsed addresses; 244 "State: FL" and 47 blank have a note; 2 odd ones reported.
    let with_address = d
        .locations
        .iter()
        .filter(|l| !l.addresses.is_empty())
        .count();
    assert_eq!(with_address, 85);
    let state_only = d
        .locations
        .iter()
        .filter(|l| {
            l.description
                .as_deref()
                .is_some_and(|t| t.contains("only the state"))
        })
        .count();
    assert_eq!(state_only, 244);
    let bad = c
        .report
        .issues
        .iter()
        .filter(|i| i.field.as_deref() == Some("location_address"))
        .count();
    assert_eq!(bad, 2);
    let boys = d
        .locations
        .iter()
        .find(|l| l.name.as_deref() == Some("Boystown/Children's Village"));
    assert_eq!(
        boys.and_then(|l| l.addresses.first())
            .map(|a| a.one_line())
            .as_deref(),
        Some("9525 Sterling Drive, Cutler Bay, FL 33157")
    );
    assert_eq!(c.report.count("phone"), 90);
}

#[test]
fn florida_links_services_to_zip_geocoded_locations() {
    let c = run(LegacyFormat::Florida);
    let d = &c.directory;
    // 82 locations have a street address; 81 have a ZIP (5 of them ZIP+4),
    // all in the centroid table and in Florida.
    let centroid = d
        .locations
        .iter()
        .filter(|l| {
            l.description
                .as_deref()
                .is_some_and(|t| t.ends_with("centroid (approximate)"))
        })
        .count();
    assert_eq!(centroid, 81);
    assert_eq!(d.locations.iter().filter(|l| l.point.is_some()).count(), 81);

    let s = service(d, "Immigration", "Americans for Immigrant Justice");
    let places: Vec<_> = d
        .service_at_locations
        .iter()
        .filter(|x| x.service_id == s.id)
        .filter_map(|x| d.location(&x.location_id))
        .collect();
    assert_eq!(
        places.len(),
        9,
        "one link per street-addressed location of the organization"
    );
    let boys = places
        .iter()
        .find(|l| l.name.as_deref() == Some("Boystown/Children's Village"))
        .unwrap_or_else(|| panic!("Boystown not linked"));
    assert_eq!(
        boys.point.map(|p| (p.latitude, p.longitude)),
        Some((25.6062, -80.3426))
    );
    assert_eq!(
        boys.description.as_deref(),
        Some("coordinates: ZIP 33157 centroid (approximate)")
    );

    // 121 services are linked (642 links); the 14 of the two organizations
    // with only "State: FL" or blank locations do not mention phone, hotline,
    // online or statewide, so they stay unlinked and are reported.
    let linked: std::collections::HashSet<&str> = d
        .service_at_locations
        .iter()
        .map(|x| x.service_id.as_str())
        .collect();
    assert_eq!(linked.len(), 121);
    let unlinked: Vec<_> = c
        .report
        .issues_of(IssueKind::MissingField)
        .filter(|i| i.file == "services.csv")
        .collect();
    assert_eq!(unlinked.len(), 14);
    assert!(c.report.notes.iter().any(|n| n.starts_with(
        "the source does not link services to locations: 121 services were linked to each of their organization's 82 locations with a street address, 0 to a virtual"
    )));
}

#[test]
fn florida_remote_service_without_address_gets_statewide_intake() {
    let dir = temp_copy(&source_path(LegacyFormat::Florida), "florida-remote");
    let services = dir.join("services.csv");
    let text = std::fs::read_to_string(&services).unwrap_or_else(|e| panic!("{e}"));
    // Heart of Florida's only service, renamed to say it is a hotline.
    let old =
        "Family Law Matters/Limited Immigration for Victims of Domestic Violence or Violent Crimes";
    assert_eq!(text.matches(old).count(), 1);
    std::fs::write(&services, text.replace(old, "Statewide Family Law Hotline"))
        .unwrap_or_else(|e| panic!("{e}"));
    let c = convert(LegacyFormat::Florida, &dir).unwrap_or_else(|e| panic!("{e}"));
    let d = &c.directory;
    let s = service(
        d,
        "Statewide Family Law Hotline",
        "Heart of Florida Legal Aid Society, Inc.",
    );
    let places: Vec<_> = d
        .service_at_locations
        .iter()
        .filter(|x| x.service_id == s.id)
        .filter_map(|x| d.location(&x.location_id))
        .collect();
    assert_eq!(places.len(), 1);
    assert_eq!(places[0].location_type, carenav_core::LocationType::Virtual);
    assert_eq!(
        places[0].name.as_deref(),
        Some("Statewide phone/online intake")
    );
    assert_eq!(d.locations.len(), 379);
    let _ = std::fs::remove_dir_all(&dir);
}

fn temp_copy(from: &Path, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("carenav-legacy-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        panic!("cannot create {}: {e}", dir.display());
    }
    for entry in std::fs::read_dir(from)
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
    {
        let p = entry.path();
        if p.is_file() {
            let target = dir.join(entry.file_name());
            std::fs::copy(&p, &target).unwrap_or_else(|e| panic!("copy {}: {e}", p.display()));
        }
    }
    dir
}

#[test]
fn ohana_truncated_line_is_reported_and_the_rest_converts() {
    let dir = temp_copy(&source_path(LegacyFormat::Ohana), "ohana");
    let services = dir.join("services.json");
    let text = std::fs::read_to_string(&services).unwrap_or_else(|e| panic!("{e}"));
    // Cut line 2 (the Legal Aid Society's service) in the middle.
    let lines: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 1 {
                l.chars().take(80).collect()
            } else {
                l.to_owned()
            }
        })
        .collect();
    std::fs::write(&services, lines.join("\n")).unwrap_or_else(|e| panic!("{e}"));

    let c = convert(LegacyFormat::Ohana, &dir).unwrap_or_else(|e| panic!("{e}"));
    println!("{}", c.report);
    let syntax: Vec<_> = c.report.issues_of(IssueKind::Syntax).collect();
    assert_eq!(syntax.len(), 1);
    assert_eq!(syntax[0].file, "services.json");
    assert_eq!(syntax[0].record.as_deref(), Some("line 2"));
    assert_eq!(c.directory.services.len(), 1688);
    assert_eq!(c.directory.locations.len(), 1709);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn florida_short_csv_row_is_reported_and_the_rest_converts() {
    let dir = temp_copy(&source_path(LegacyFormat::Florida), "florida");
    let locations = dir.join("locations.csv");
    let mut text = std::fs::read_to_string(&locations).unwrap_or_else(|e| panic!("{e}"));
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str("Brevard County Legal Aid,61359f4e-555a-4ac6-b5ae-7f11d1a6004e,Truncated\n");
    std::fs::write(&locations, text).unwrap_or_else(|e| panic!("{e}"));

    let c = convert(LegacyFormat::Florida, &dir).unwrap_or_else(|e| panic!("{e}"));
    let syntax: Vec<_> = c.report.issues_of(IssueKind::Syntax).collect();
    assert_eq!(syntax.len(), 1, "{syntax:?}");
    assert_eq!(syntax[0].file, "locations.csv");
    assert_eq!(syntax[0].record.as_deref(), Some("line 380"));
    assert_eq!(c.directory.locations.len(), 378);
    assert_eq!(c.directory.services.len(), 135);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn missing_file_and_bad_json_are_typed_errors() {
    let dir = std::env::temp_dir().join(format!("carenav-legacy-empty-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let err = convert(LegacyFormat::Ohana, &dir);
    assert!(
        matches!(err, Err(ConvertError::MissingFile { ref file, .. }) if file.ends_with("organizations.json"))
    );
    let bad = dir.join("linksf.json");
    std::fs::write(&bad, "[{\"objectId\": \"x\",").unwrap_or_else(|e| panic!("{e}"));
    let err = convert(LegacyFormat::Linksf, &bad);
    assert!(
        matches!(err, Err(ConvertError::Json { line: 1, .. })),
        "{err:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
