//! Eligibility read from free text and names, on the real converted
//! directories: the restrictions keep ineligible clients away, and every
//! exclusion says which constraint and which words excluded the service.

use std::path::PathBuf;
use std::sync::LazyLock;

use carenav_core::matching::{AreaFact, ClientFacts, MatchResult, assess, eligibility_of};
use carenav_core::{
    ClientProfile, Confidence, Constraint, Date, Directory, Gender, GeoPoint, IncomeLimit,
    Location, Situation,
};
use carenav_hsds::legacy::{LegacyFormat, convert};
use carenav_index::{MatchOptions, ServiceIndex};

fn shared() -> PathBuf {
    let dir = std::env::var_os("CARENAV_SHARED_DIR").map_or_else(
        || PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")),
        PathBuf::from,
    );
    assert!(
        dir.join("data").is_dir(),
        "shared fixtures not found at {} (set CARENAV_SHARED_DIR)",
        dir.display()
    );
    dir
}

struct Fixture {
    directory: Directory,
    index: ServiceIndex,
}

static SMC: LazyLock<Fixture> = LazyLock::new(|| {
    let directory = convert(
        LegacyFormat::Ohana,
        &shared().join("data").join("ohana-smc"),
    )
    .expect("ohana-smc converts")
    .directory;
    let index = ServiceIndex::build_in_ram(&directory).expect("index builds");
    Fixture { directory, index }
});

fn run(json: &str) -> MatchResult {
    let profile = ClientProfile::from_json(json).expect("test profile is valid");
    let options = MatchOptions {
        limit: 20,
        explain_exclusions: true,
        ..MatchOptions::default()
    };
    SMC.index
        .match_profile(&profile, &options)
        .expect("match runs")
}

fn referred(result: &MatchResult) -> Vec<&carenav_core::Service> {
    result
        .needs
        .iter()
        .flat_map(|n| &n.referrals)
        .map(|r| {
            SMC.directory
                .service(&r.service_id)
                .expect("referral names a directory service")
        })
        .collect()
}

/// The excluded candidates named like `name`, with their constraint and evidence.
fn exclusions<'a>(result: &'a MatchResult, name: &str) -> Vec<(&'a str, Option<&'a str>)> {
    result
        .needs
        .iter()
        .flat_map(|n| &n.excluded)
        .filter(|e| e.service_name.contains(name))
        .map(|e| (e.exclusion.constraint, e.exclusion.evidence.as_deref()))
        .collect()
}

fn high<T>(c: &Constraint<T>) -> Option<&T> {
    match c {
        Constraint::Restricted { value, evidence } if evidence.confidence == Confidence::High => {
            Some(value)
        }
        _ => None,
    }
}

// Redwood City: the St. Vincent de Paul Homeless Help Center gives food
// boxes to "Homeless person" only.
const HOUSED_REDWOOD_CITY: &str = r#"{"location":{"latitude":37.4852,"longitude":-122.2364},
    "max_distance_km":10,"age":45,"needs":[{"domain":"food-insecurity","urgency":"high"}]}"#;

#[test]
fn a_housed_clients_food_need_gets_no_homeless_only_program() {
    let result = run(HOUSED_REDWOOD_CITY);
    let services = referred(&result);
    assert!(
        !services.is_empty(),
        "the housed client gets food referrals"
    );
    for service in services {
        let e = eligibility_of(service);
        assert_ne!(
            high(&e.populations).map(Vec::as_slice),
            Some(&[Situation::Homeless][..]),
            "{} is for homeless people only",
            service.name
        );
    }
    let why = exclusions(&result, "Redwood City Homeless Help Center");
    assert!(
        why.iter()
            .any(|(c, ev)| *c == "population" && ev.is_some_and(|t| t.contains("Homeless"))),
        "the homeless-only help center is excluded by population, quoting its text: {why:?}"
    );
    // The same need with homelessness stated gets the help center.
    let homeless = run(r#"{"location":{"latitude":37.4852,"longitude":-122.2364},
        "max_distance_km":10,"age":45,"needs":[{"domain":"food-insecurity","urgency":"high"},
        {"domain":"homelessness"}]}"#);
    assert!(
        referred(&homeless)
            .iter()
            .any(|s| s.name.contains("Redwood City Homeless Help Center")),
        "a homeless client is referred to the help center"
    );
}

#[test]
fn a_man_gets_no_womens_shelter_read_from_its_name() {
    // Mission District, San Francisco: the Asian Women's Shelter's text says
    // "Battered woman or child"; its name says who it shelters.
    let result = run(r#"{"location":{"latitude":37.7614,"longitude":-122.4226},
        "max_distance_km":5,"age":35,"gender":"male",
        "needs":[{"domain":"intimate-partner-violence","urgency":"high"},{"domain":"homelessness"}]}"#);
    for service in referred(&result) {
        let e = eligibility_of(service);
        assert_ne!(
            high(&e.gender),
            Some(&Gender::Female),
            "{} serves women only",
            service.name
        );
    }
    let why = exclusions(&result, "Asian Women's Shelter");
    assert!(
        why.iter()
            .any(|(c, ev)| *c == "gender" && ev.is_some_and(|t| t.contains("Women's Shelter"))),
        "the women's shelter is excluded by gender, quoting its name: {why:?}"
    );
}

#[test]
fn a_client_outside_a_county_only_service_gets_no_referral_to_it() {
    // Palo Alto (Santa Clara County), next to the San Mateo County line.
    let result = run(r#"{"location":{"latitude":37.4419,"longitude":-122.1430},
        "max_distance_km":10,"age":40,
        "needs":[{"domain":"food-insecurity","urgency":"high"},{"domain":"housing-instability"},
        {"domain":"legal-aid"}]}"#);
    for service in referred(&result) {
        let areas: Vec<&str> = service
            .service_areas
            .iter()
            .filter_map(|a| a.name.as_deref())
            .collect();
        assert_ne!(
            areas,
            ["San Mateo County"],
            "{} serves only San Mateo County",
            service.name
        );
        // A residency read from the text stands for the area when the
        // record declares none.
        if service.service_areas.is_empty() {
            assert_ne!(
                high(&service.eligibility.residency).map(Vec::as_slice),
                Some(&["San Mateo County".to_owned()][..]),
                "{} takes San Mateo County residents only",
                service.name
            );
        }
    }
    let outside: Vec<_> = result
        .needs
        .iter()
        .flat_map(|n| &n.excluded)
        .filter(|e| e.exclusion.constraint == "service-area")
        .collect();
    assert!(
        !outside.is_empty(),
        "San Mateo-only services nearby are excluded"
    );
}

#[test]
fn every_exclusion_names_its_constraint_and_text() {
    let profiles = [
        HOUSED_REDWOOD_CITY,
        r#"{"location":{"latitude":37.7614,"longitude":-122.4226},"max_distance_km":5,"age":35,
            "gender":"male","needs":[{"domain":"intimate-partner-violence"},{"domain":"homelessness"}]}"#,
        r#"{"location":{"latitude":37.5630,"longitude":-122.3255},"max_distance_km":8,"age":16,
            "needs":[{"domain":"mental-health"},{"domain":"educational-attainment"},{"domain":"employment-status"}]}"#,
    ];
    let mut seen = 0;
    for json in profiles {
        let result = run(json);
        for need in &result.needs {
            for e in &need.excluded {
                seen += 1;
                let x = &e.exclusion;
                assert!(!x.detail.is_empty(), "{}: no detail", e.service_name);
                // Read restrictions quote the words or field they came from.
                if matches!(
                    x.constraint,
                    "age" | "gender" | "income" | "population" | "agency-only"
                ) {
                    assert!(
                        x.evidence.as_deref().is_some_and(|t| !t.trim().is_empty()),
                        "{} excluded by {} without its text: {x:?}",
                        e.service_name,
                        x.constraint
                    );
                }
            }
        }
    }
    assert!(seen > 10, "the profiles exercise exclusions ({seen})");
}

/// How a client of `age` in a household of `household` earning $3,600 a
/// month (a need in `domain`) fares with `service`, a mile away.
fn assess_household(
    service: &carenav_core::Service,
    age: u32,
    household: u32,
    domain: &str,
) -> carenav_core::matching::Assessment {
    let point = GeoPoint::new(37.5, -122.2).expect("valid point");
    let today = Date::new(2026, 11, 28).expect("date");
    let profile = ClientProfile::from_json(&format!(
        r#"{{"location":{{"latitude":37.5,"longitude":-122.2}},"age":{age},
        "household_size":{household},"monthly_income":3600,
        "needs":[{{"domain":"{domain}"}}]}}"#
    ))
    .expect("test profile is valid");
    let client = ClientFacts::from_profile(&profile, point, None);
    assess(
        service,
        &eligibility_of(service),
        &Location::default(),
        &client,
        Some(1.0),
        &AreaFact::NoArea,
        today,
    )
}

/// "Age 62 or over, income cannot exceed $39,600 for 1 person, $45,250 for 2
/// persons" (San Mateo senior housing): the limit that applies is the one
/// for the client's household.
#[test]
fn an_income_limit_per_household_size_applies_the_clients_size() {
    let service = SMC
        .directory
        .services
        .iter()
        .find(|s| {
            s.eligibility.income.value().is_some_and(|l| {
                l.annual_for_household(1) == Some(39_600.0)
                    && l.annual_for_household(2) == Some(45_250.0)
            })
        })
        .expect("the senior housing limits are read per household size");
    assert!(high(&service.eligibility.income).is_some());
    let verdict = |household: u32| assess_household(service, 67, household, "housing-instability");
    // $43,200 a year: over the limit for one person, under it for two.
    let alone = verdict(1);
    let excluded = alone.excluded.as_ref().expect("one person is over $39,600");
    assert_eq!(excluded.constraint, "income");
    assert!(
        excluded
            .evidence
            .as_deref()
            .is_some_and(|e| e.contains("$39,600 for 1 person")),
        "{excluded:?}"
    );
    let couple = verdict(2);
    assert!(couple.is_eligible(), "{couple:?}");
    assert!(
        couple
            .reasons
            .iter()
            .any(|r| r.contains("$45250 for a household of 2")),
        "{couple:?}"
    );
    // A household the text does not list: to ask, not excluded.
    let three = verdict(3);
    assert!(three.is_eligible(), "{three:?}");
    assert!(
        three.caveats.iter().any(|c| c.contains("household of 3")),
        "{three:?}"
    );
    assert!(matches!(
        service.eligibility.income.value(),
        Some(IncomeLimit::AnnualByHouseholdSize(_))
    ));
}

/// "Educationally disadvantaged with income of $33,075 for a family of 4
/// (for more than 4, add $5,610 for each additional dependent)" (San
/// Mateo): a larger household's limit is reached by the increment, and a
/// smaller one's is not known.
#[test]
fn an_increment_per_additional_person_reaches_larger_households() {
    let service = SMC
        .directory
        .services
        .iter()
        .find(|s| {
            s.eligibility
                .income
                .value()
                .is_some_and(|l| l.annual_for_household(4) == Some(33_075.0))
        })
        .expect("the family-of-4 limit is read");
    let limit = service.eligibility.income.value().expect("restricted");
    assert_eq!(
        limit.annual_for_household(6),
        Some(33_075.0 + 2.0 * 5_610.0)
    );
    assert_eq!(limit.annual_for_household(3), None);
    let verdict = assess_household(service, 30, 6, "educational-attainment");
    // $43,200 a year, under the $44,295 a household of 6 may earn.
    assert!(verdict.is_eligible(), "{verdict:?}");
    assert!(
        verdict
            .reasons
            .iter()
            .any(|r| r.contains("limit $44295 for a household of 6")),
        "{verdict:?}"
    );
}
