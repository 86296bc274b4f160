//! The three exports on real data (San Mateo County Ohana directory, matched
//! through the index), the JSON Schema contract, and the FHIR bundle checked
//! against the FHIR R4 JSON Schema plus structural rules of the R4 resource
//! definitions and the SDOH Clinical Care IG.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use carenav_core::matching::{MatchResult, NeedMatches, Referral};
use carenav_core::plan::{OpeningHours, PlaceDetails};
use carenav_core::{CarePlan, ClientProfile, Date, PlanOptions, Stamp, TaskStatus, Urgency};
use carenav_export::{Format, export, fhir, json, print};
use carenav_hsds::legacy::{LegacyFormat, convert};
use carenav_index::{MatchOptions, ServiceIndex};
use rstest::rstest;
use serde_json::Value;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn shared_dir() -> PathBuf {
    let dir = std::env::var_os("CARENAV_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("../shared"));
    assert!(
        dir.join("data").is_dir(),
        "shared data not found at {} (set CARENAV_SHARED_DIR)",
        dir.display()
    );
    dir
}

fn stamp(by: &str, at: &str) -> Stamp {
    Stamp::new(by, at).unwrap()
}

struct RealPlan {
    plan: CarePlan,
    result: MatchResult,
}

/// zip-family.json (Redwood City, Spanish, housing + legal aid + child care)
/// matched against the San Mateo County directory, proposed, detailed from
/// the directory and followed through a few status changes.
static REAL: LazyLock<RealPlan> = LazyLock::new(|| {
    let path = shared_dir().join("data/ohana-smc");
    let directory = convert(LegacyFormat::Ohana, &path).unwrap().directory;
    let index = ServiceIndex::build_in_ram(&directory).unwrap();
    let text = std::fs::read_to_string(workspace().join("data/profiles/zip-family.json")).unwrap();
    let profile = ClientProfile::from_json(&text).unwrap();
    let options = MatchOptions {
        limit: 10,
        today: Date::new(2026, 3, 2).unwrap(),
        ..MatchOptions::default()
    };
    let result = index.match_profile(&profile, &options).unwrap();
    let created = stamp("cm-ana", "2026-03-02T10:00:00-08:00");
    let mut plan = CarePlan::propose(
        &profile,
        &result,
        &PlanOptions {
            benefit_date: Date::new(2026, 3, 2),
            created: Some(created.clone()),
            ..PlanOptions::default()
        },
    );
    plan.add_place_details(&directory);
    let ids: Vec<String> = plan.referrals().map(|(_, r)| r.id.clone()).collect();
    if let [first, second, ..] = ids.as_slice() {
        plan.transition(first, TaskStatus::Requested, None, &created)
            .unwrap();
        plan.apply_vendor_status(
            first,
            "findhelp",
            "Eligible",
            None,
            &stamp("cbo", "2026-03-03T09:00:00-08:00"),
        )
        .unwrap();
        plan.apply_vendor_status(
            first,
            "findhelp",
            "Got help",
            None,
            &stamp("cbo", "2026-03-10T16:30:00-08:00"),
        )
        .unwrap();
        plan.transition(second, TaskStatus::Requested, None, &created)
            .unwrap();
        plan.apply_vendor_status(
            second,
            "findhelp",
            "No capacity",
            None,
            &stamp("cbo2", "2026-03-04T11:00:00-08:00"),
        )
        .unwrap();
        plan.set_do_not_contact(second, true, &created).unwrap();
    }
    RealPlan { plan, result }
});

#[test]
fn real_plan_follows_the_rules() {
    let RealPlan { plan, result } = &*REAL;
    let goals: Vec<(&str, Urgency)> = plan
        .goals
        .iter()
        .map(|g| (g.domain.code(), g.urgency))
        .collect();
    assert_eq!(
        goals,
        [
            ("housing-instability", Urgency::High),
            ("legal-aid", Urgency::High),
            ("childcare", Urgency::Medium)
        ]
    );
    assert_eq!(plan.language, "es");
    let total: usize = plan.goals.iter().map(|g| g.referrals.len()).sum();
    assert!(
        total >= 3,
        "the matcher found too little: {:#?}",
        result
            .needs
            .iter()
            .map(|n| (&n.domain, n.referrals.len()))
            .collect::<Vec<_>>()
    );
    for (g, m) in plan.goals.iter().zip(&result.needs) {
        assert_eq!(g.domain.code(), m.domain);
        assert!(g.referrals.len() <= 3);
        assert_eq!(
            g.referrals.len(),
            3.min(distinct_orgs(&m.referrals)),
            "{}",
            g.domain
        );
        let mut orgs: Vec<String> = g
            .referrals
            .iter()
            .map(|r| r.organization_name.to_lowercase())
            .collect();
        orgs.sort();
        orgs.dedup();
        assert_eq!(
            orgs.len(),
            g.referrals.len(),
            "same organization twice in {}",
            g.domain
        );
        for r in &g.referrals {
            let place = r
                .place
                .as_ref()
                .expect("every referral is in the directory");
            assert!(!place.organization_id.is_empty());
        }
    }
    // Household of 4 at $2,600/month in CA: SNAP likely.
    assert!(
        plan.actions.iter().any(|a| a.program == "snap"
            && a.text
                .starts_with("likely eligible for SNAP: apply, bring ID")),
        "{:?}",
        plan.actions
    );
}

fn distinct_orgs(referrals: &[Referral]) -> usize {
    let mut orgs: Vec<String> = referrals
        .iter()
        .map(|r| {
            r.organization_name
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
        .collect();
    orgs.sort();
    orgs.dedup();
    orgs.len()
}

#[test]
fn schema_is_checked_in() {
    let path = workspace().join("docs/care-plan.schema.json");
    let generated = json::schema_string();
    if std::env::var_os("CARENAV_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "{} is stale; regenerate with CARENAV_BLESS=1 cargo test -p carenav-export --test exports",
        path.display()
    );
}

#[test]
fn json_export_validates_and_round_trips() {
    let plan = &REAL.plan;
    let text = export(plan, Format::Json).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&json::schema()).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(&json::from_str(&text).unwrap(), plan);
    // Stable field names.
    assert_eq!(value["goals"][0]["domain"], "housing-instability");
    assert_eq!(
        value["goals"][0]["referrals"][0]["lifecycle"]["status"],
        "completed"
    );
    assert_eq!(
        value["goals"][0]["referrals"][0]["lifecycle"]["history"][2]["vendor_status"],
        "findhelp: Got help"
    );
    // A forged history is refused with its position.
    let forged = text.replacen("\"status\": \"completed\"", "\"status\": \"draft\"", 1);
    let err = json::from_str(&forged).unwrap_err().to_string();
    assert!(err.contains("does not match the history"), "{err}");
}

fn fhir_validator(resource_type: Option<&str>) -> jsonschema::Validator {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fhir-r4-subset.schema.json"),
    )
    .unwrap();
    let mut schema: Value = serde_json::from_str(&text).unwrap();
    if let Some(t) = resource_type {
        // One resource type: precise error messages instead of a top-level oneOf.
        let obj = schema.as_object_mut().unwrap();
        obj.remove("oneOf");
        obj.remove("discriminator");
        obj.insert("$ref".into(), Value::from(format!("#/definitions/{t}")));
    }
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft6)
        .build(&schema)
        .unwrap()
}

static FHIR_SCHEMA: LazyLock<jsonschema::Validator> = LazyLock::new(|| fhir_validator(None));

fn schema_errors(resource: &Value) -> Vec<String> {
    let t = resource["resourceType"].as_str().unwrap_or("Bundle");
    fhir_validator(Some(t))
        .iter_errors(resource)
        .take(10)
        .map(|e| format!("{t}: {e} at {}", e.instance_path()))
        .collect()
}

/// Checks a bundle against the R4 JSON Schema and the structural rules the
/// schema cannot express; returns the resources by full URL.
fn check_bundle(bundle: &Value) -> HashMap<String, Value> {
    let mut errors: Vec<String> = bundle["entry"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| schema_errors(&e["resource"]))
        .collect();
    if errors.is_empty() && !FHIR_SCHEMA.is_valid(bundle) {
        errors = schema_errors(bundle);
    }
    assert!(errors.is_empty(), "FHIR R4 schema: {errors:#?}");
    assert!(FHIR_SCHEMA.is_valid(bundle));
    assert_eq!(bundle["resourceType"], "Bundle");
    assert_eq!(bundle["type"], "collection");
    let mut by_url = HashMap::new();
    for e in bundle["entry"].as_array().unwrap() {
        let url = e["fullUrl"].as_str().unwrap().to_string();
        let id = e["resource"]["id"].as_str().unwrap();
        assert_eq!(url, format!("urn:uuid:{id}"));
        assert!(
            by_url.insert(url, e["resource"].clone()).is_none(),
            "duplicate entry"
        );
    }
    let kind = |reference: &Value| -> String {
        let url = reference["reference"]
            .as_str()
            .unwrap_or_else(|| panic!("not a reference: {reference}"));
        by_url
            .get(url)
            .unwrap_or_else(|| panic!("dangling reference {url}"))["resourceType"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let required = |r: &Value, fields: &[&str]| {
        for f in fields {
            assert!(
                !r[*f].is_null(),
                "{} lacks required {f}: {r}",
                r["resourceType"]
            );
        }
    };
    let sdoh_category = |cat: &Value| {
        cat.as_array()
            .unwrap()
            .iter()
            .any(|c| c["coding"][0]["system"] == fhir::SDOHCC_CODES)
    };
    for r in by_url.values() {
        match r["resourceType"].as_str().unwrap() {
            "Condition" => {
                required(
                    r,
                    &[
                        "subject",
                        "code",
                        "clinicalStatus",
                        "verificationStatus",
                        "category",
                    ],
                );
                assert_eq!(kind(&r["subject"]), "Patient");
                assert!(sdoh_category(&r["category"]));
                assert_eq!(r["category"][0]["coding"][0]["code"], "health-concern");
            }
            "Goal" => {
                required(r, &["lifecycleStatus", "description", "subject"]);
                assert_eq!(kind(&r["addresses"][0]), "Condition");
            }
            "ServiceRequest" => {
                required(r, &["status", "intent", "subject", "code", "category"]);
                assert!(sdoh_category(&r["category"]));
                let performers: Vec<String> = r["performer"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(kind)
                    .collect();
                assert_eq!(performers, ["HealthcareService", "Organization"]);
                assert_eq!(kind(&r["reasonReference"][0]), "Condition");
                assert_eq!(kind(&r["extension"][0]["valueReference"]), "Goal");
            }
            "Task" => {
                required(r, &["status", "intent", "code", "focus", "for", "owner"]);
                assert_eq!(kind(&r["focus"]), "ServiceRequest");
                assert_eq!(kind(&r["for"]), "Patient");
                assert_eq!(r["code"]["coding"][0]["code"], "fulfill");
                let status = TaskStatus::parse(r["status"].as_str().unwrap()).unwrap();
                if status.needs_reason() {
                    assert!(
                        r["statusReason"]["text"].is_string(),
                        "IG: statusReason for {status}"
                    );
                }
                for h in r["relevantHistory"].as_array().into_iter().flatten() {
                    assert_eq!(kind(h), "Provenance");
                }
            }
            "Provenance" => {
                required(r, &["target", "recorded", "agent"]);
                assert_eq!(kind(&r["target"][0]), "Task");
                assert!(r["agent"][0]["who"]["display"].is_string());
            }
            "HealthcareService" => {
                assert_eq!(kind(&r["providedBy"]), "Organization");
            }
            "Location" | "Organization" | "Patient" => {}
            other => panic!("unexpected resource {other}"),
        }
    }
    by_url
}

fn of_type<'a>(by_url: &'a HashMap<String, Value>, t: &str) -> Vec<&'a Value> {
    by_url.values().filter(|r| r["resourceType"] == t).collect()
}

#[test]
fn fhir_export_on_real_data() {
    let plan = &REAL.plan;
    let bundle: Value = serde_json::from_str(&export(plan, Format::Fhir).unwrap()).unwrap();
    let by_url = check_bundle(&bundle);
    let n_referrals = plan.referrals().count();
    assert_eq!(of_type(&by_url, "Patient").len(), 1);
    assert_eq!(of_type(&by_url, "Condition").len(), plan.goals.len());
    assert_eq!(of_type(&by_url, "Goal").len(), plan.goals.len());
    assert_eq!(of_type(&by_url, "ServiceRequest").len(), n_referrals);
    assert_eq!(of_type(&by_url, "Task").len(), n_referrals);
    let changes: usize = plan
        .referrals()
        .map(|(_, r)| r.lifecycle.history().len())
        .sum();
    assert_eq!(of_type(&by_url, "Provenance").len(), changes);
    // Housing instability carries its Gravity category and ICD-10-CM codes.
    let housing = of_type(&by_url, "Condition")
        .into_iter()
        .find(|c| c["category"][1]["coding"][0]["code"] == "housing-instability")
        .unwrap();
    assert!(
        housing["code"]["coding"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["code"] == "Z59.811")
    );
    // Child care has no Gravity category.
    assert!(
        of_type(&by_url, "Condition")
            .iter()
            .any(|c| c["category"][1]["coding"][0]["code"] == "sdoh-category-unspecified")
    );
    let tasks = of_type(&by_url, "Task");
    let done = tasks.iter().find(|t| t["status"] == "completed").unwrap();
    assert_eq!(done["businessStatus"]["text"], "findhelp: Got help");
    assert_eq!(done["relevantHistory"].as_array().unwrap().len(), 3);
    let rejected = tasks.iter().find(|t| t["status"] == "rejected").unwrap();
    assert_eq!(
        rejected["statusReason"]["text"],
        "the program has no capacity"
    );
    let dnc: Vec<&Value> = of_type(&by_url, "ServiceRequest")
        .into_iter()
        .filter(|s| !s["orderDetail"].is_null())
        .collect();
    assert_eq!(dnc.len(), 1);
    assert_eq!(
        dnc[0]["orderDetail"][0]["coding"][0]["code"],
        "contacting-subject-prohibited"
    );
    assert_eq!(dnc[0]["status"], "revoked");
    // Places: HSDS ids and positions.
    assert!(
        of_type(&by_url, "Location")
            .iter()
            .any(|l| l["position"]["latitude"].is_f64())
    );
    // Same plan, same bundle.
    assert_eq!(fhir::bundle(plan), bundle);
}

#[test]
fn schema_catches_a_bad_bundle() {
    // The subset schema is live: a wrong field name or status type fails.
    let mut bundle = fhir::bundle(&REAL.plan);
    bundle["entry"][0]["resource"]["colour"] = Value::from("red");
    assert!(!FHIR_SCHEMA.is_valid(&bundle));
    let mut bundle = fhir::bundle(&REAL.plan);
    let tasks = bundle["entry"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["resource"]["resourceType"] == "Task")
        .unwrap();
    tasks["resource"]["status"] = Value::from(3);
    assert!(!FHIR_SCHEMA.is_valid(&bundle));
}

#[test]
fn printable_plans_on_real_data() {
    let plan = &REAL.plan;
    let md = export(plan, Format::Markdown).unwrap();
    let html = export(plan, Format::Html).unwrap();
    assert!(md.starts_with("# Su plan de atención\n"), "{md}");
    assert!(md.contains("Preparado el 2026-03-02"));
    for (i, heading) in [
        "Riesgo de perder la vivienda (Urgente)",
        "Ayuda legal (Urgente)",
        "Cuidado de niños (Pronto)",
    ]
    .iter()
    .enumerate()
    {
        assert!(
            md.contains(&format!("## {}. {heading}", i + 1)),
            "{heading}\n{md}"
        );
    }
    for (_, r) in plan.referrals() {
        let place: &PlaceDetails = r.place.as_ref().unwrap();
        assert!(
            html.contains(&html_escape(&r.service_name)),
            "{}",
            r.service_name
        );
        if let Some(a) = &place.address {
            assert!(html.contains(&html_escape(a)), "{a}");
        }
        if let Some(p) = place.phones.first() {
            assert!(md.contains(p.as_str()), "{p}");
        }
        if let (Some(lat), Some(lon)) = (place.latitude, place.longitude) {
            assert!(html.contains(&format!(
                "https://www.openstreetmap.org/?mlat={lat:.5}&amp;mlon={lon:.5}"
            )));
        }
    }
    for label in [
        "**Dirección:**",
        "**Teléfono:**",
        "**Horario:**",
        "**Qué llevar:**",
        "[Ver en el mapa](<https://www.openstreetmap.org/?mlat=",
    ] {
        assert!(md.contains(label), "{label}");
    }
    assert!(md.contains("## Beneficios que puede solicitar"));
    assert!(html.contains("<li>Es probable que califique para SNAP (cupones de alimentos). Solicítelo. Qué llevar: identificación, comprobante de ingresos"), "{html}");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"es\">"));
    assert!(html.contains("<dt>Horario</dt>"));
    for forbidden in ["<script", "<link", "<img", "src="] {
        assert!(!html.contains(forbidden), "not self-contained: {forbidden}");
    }
    // Real hours from the directory are printed.
    assert!(
        plan.referrals()
            .any(|(_, r)| r.place.as_ref().is_some_and(|p| !p.hours.is_empty()))
    );
    assert!(
        !md.contains("score"),
        "no internal scores on the client's page"
    );
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// A hand-made plan with hostile text, to check escaping and the English labels.
fn hostile_plan(language: &str) -> CarePlan {
    let profile = ClientProfile::from_json(&format!(
        r#"{{"id":"c<1>","location":{{"zip":"94063"}},"languages":["{language}"],
            "needs":[{{"domain":"intimate-partner-violence","urgency":"high"}},{{"domain":"dental-care","urgency":"low"}}]}}"#
    ))
    .unwrap();
    let referral = Referral {
        service_id: "s1".into(),
        service_at_location_id: "sal1".into(),
        service_name: "<script>alert('x')</script> *Safe* House".into(),
        organization_name: "Org & [Friends](javascript:x)".into(),
        address: Some("1 \"Main\" St, Redwood City, CA 94063".into()),
        phone: Some("650-555-0100".into()),
        distance_km: Some(1.234),
        score: 0.8,
        reasons: vec![],
        caveats: vec!["call <first>".into()],
        also_serves: vec![],
    };
    let result = MatchResult {
        profile_id: Some("c<1>".into()),
        needs: vec![NeedMatches {
            domain: "intimate-partner-violence".into(),
            urgency: Urgency::High,
            referrals: vec![referral],
            excluded: vec![],
        }],
        inferred: vec![],
        warnings: vec![],
    };
    let mut plan = CarePlan::propose(&profile, &result, &PlanOptions::default());
    plan.goals[0].referrals[0].place = Some(PlaceDetails {
        organization_id: "o1".into(),
        location_id: "l1".into(),
        latitude: Some(37.48),
        longitude: Some(-122.23),
        hours: vec![OpeningHours {
            days: ["MO", "TU", "WE", "TH", "FR"].map(String::from).to_vec(),
            opens: Some("09:00".into()),
            closes: Some("24:00".into()),
            text: None,
        }],
        website: Some("javascript:alert(1)".into()),
        documents: vec!["ID <photo>".into()],
        ..PlaceDetails::default()
    });
    plan
}

#[rstest]
#[case(
    "en",
    "# Your care plan",
    "Mon–Fri 09:00–24:00",
    "We have not found a place for this need yet"
)]
#[case(
    "fr",
    "# Your care plan",
    "Mon–Fri 09:00–24:00",
    "Your case manager will follow up"
)]
#[case(
    "spa",
    "# Su plan de atención",
    "lun–vie 09:00–24:00",
    "Todavía no encontramos un lugar"
)]
fn printable_language_and_escaping(
    #[case] lang: &str,
    #[case] title: &str,
    #[case] hours: &str,
    #[case] empty: &str,
) {
    let plan = hostile_plan(lang);
    let md = print::markdown(&plan).unwrap();
    let html = print::html(&plan).unwrap();
    assert!(md.starts_with(title), "{md}");
    assert!(md.contains(hours) && html.contains(hours), "{md}");
    assert!(md.contains(empty), "{md}");
    assert!(
        md.contains("\\<script\\>alert('x')\\</script\\> \\*Safe\\* House"),
        "{md}"
    );
    assert!(md.contains("Org & \\[Friends\\](javascript:x)"), "{md}");
    assert!(
        html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        "{html}"
    );
    assert!(!html.contains("<script"));
    assert!(
        !html.contains("javascript:alert"),
        "unsafe website printed as a link"
    );
    assert!(html.contains("1 &quot;Main&quot; St"));
    assert!(html.contains("ID &lt;photo&gt;"));
    assert!(md.contains("1.2 km"));
}

#[test]
fn fhir_do_not_contact_hours_and_escaping() {
    let plan = hostile_plan("en");
    let bundle = fhir::bundle(&plan);
    let by_url = check_bundle(&bundle);
    let sr = of_type(&by_url, "ServiceRequest")[0];
    // Personal-safety referrals start as do-not-contact.
    assert_eq!(
        sr["orderDetail"][0]["coding"][0]["code"],
        "contacting-subject-prohibited"
    );
    assert_eq!(sr["status"], "draft");
    assert_eq!(sr["priority"], "urgent");
    let hs = of_type(&by_url, "HealthcareService")[0];
    assert_eq!(hs["availableTime"][0]["availableEndTime"], "23:59:59");
    assert_eq!(
        hs["availableTime"][0]["daysOfWeek"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
    assert_eq!(
        of_type(&by_url, "Patient")[0]["identifier"][0]["value"],
        "c<1>"
    );
    assert_eq!(
        of_type(&by_url, "Patient")[0]["communication"][0]["language"]["coding"][0]["code"],
        "en"
    );
}

#[rstest]
#[case("json", Format::Json)]
#[case("FHIR", Format::Fhir)]
#[case("md", Format::Markdown)]
#[case("html", Format::Html)]
fn formats_parse(#[case] name: &str, #[case] format: Format) {
    assert_eq!(name.parse::<Format>().unwrap(), format);
}

#[test]
fn unknown_format_lists_the_valid_ones() {
    let err = "pdf".parse::<Format>().unwrap_err().to_string();
    assert!(err.contains("json, fhir, markdown, html"), "{err}");
    assert_eq!(print::languages().unwrap(), ["en", "es"]);
}
