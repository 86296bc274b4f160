//! Every positive-screen rule with its edges, the two answer formats, the
//! errors, and the benefit pre-screen tables.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use carenav_core::assess::{self, AssessError, AssessOptions, Assessment};
use carenav_core::benefits::{self, BenefitInput, Likelihood, PovertyRegion};
use carenav_core::{ClientProfile, Date, Urgency};
use rstest::rstest;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(instrument: &str, answers: &[(&str, &str)]) -> Assessment {
    run_with(instrument, answers, &[])
}

fn run_with(instrument: &str, answers: &[(&str, &str)], params: &[(&str, f64)]) -> Assessment {
    let map: serde_json::Map<String, serde_json::Value> = answers
        .iter()
        .map(|(k, v)| (k.to_string(), serde_json::Value::from(*v)))
        .collect();
    let json = serde_json::json!({"instrument": instrument, "answers": map}).to_string();
    let options = AssessOptions {
        parameters: params
            .iter()
            .map(|(k, v)| (k.to_string(), *v))
            .collect::<BTreeMap<_, _>>(),
        ..AssessOptions::default()
    };
    assess::assess_json(&json, &options).unwrap_or_else(|e| panic!("{e}"))
}

fn flagged(a: &Assessment) -> Vec<(&'static str, Urgency)> {
    a.needs
        .iter()
        .map(|n| (n.domain.code(), n.urgency))
        .collect()
}

fn has(a: &Assessment, domain: &str) -> bool {
    a.needs.iter().any(|n| n.domain.code() == domain)
}

// Safety answers: Never 1, Rarely 2, Sometimes 3, Fairly often 4, Frequently 5.
const NEVER: &str = "LA6270-8";
const RARELY: &str = "LA10066-1";
const SOMETIMES: &str = "LA10082-8";
const FAIRLY: &str = "LA16644-9";
const FREQUENTLY: &str = "LA6482-9";

#[rstest]
#[case::total_10([RARELY, SOMETIMES, RARELY, SOMETIMES], false)]
#[case::total_11([RARELY, SOMETIMES, SOMETIMES, SOMETIMES], true)]
#[case::total_4([NEVER, NEVER, NEVER, NEVER], false)]
#[case::total_20([FREQUENTLY, FREQUENTLY, FREQUENTLY, FREQUENTLY], true)]
#[case::one_item_high_total_10([FREQUENTLY, NEVER, NEVER, SOMETIMES], false)]
#[case::one_item_high_total_11([FREQUENTLY, NEVER, NEVER, FAIRLY], true)]
fn safety_total(#[case] answers: [&str; 4], #[case] positive: bool) {
    let items = ["95618-5", "95617-7", "95616-9", "95615-1"];
    let pairs: Vec<(&str, &str)> = items.iter().copied().zip(answers).collect();
    let a = run("ahc-hrsn", &pairs);
    assert_eq!(has(&a, "intimate-partner-violence"), positive, "{a:?}");
    if positive {
        assert_eq!(a.needs[0].domain.code(), "intimate-partner-violence");
        assert_eq!(a.needs[0].urgency, Urgency::High);
        assert_eq!(a.needs[0].evidence[0].answers.len(), 4);
    }
}

#[rstest]
#[case::missing_first("95618-5")]
#[case::missing_last("95615-1")]
fn safety_needs_all_four_items(#[case] missing: &str) {
    let pairs: Vec<(&str, &str)> = ["95618-5", "95617-7", "95616-9", "95615-1"]
        .into_iter()
        .filter(|i| *i != missing)
        .map(|i| (i, FREQUENTLY))
        .collect();
    let a = run("ahc-hrsn", &pairs);
    assert!(
        !has(&a, "intimate-partner-violence"),
        "15 of 15 on three items is still not a score"
    );
    assert_eq!(a.incomplete.len(), 1);
    assert!(a.incomplete[0].contains(missing), "{:?}", a.incomplete);
}

#[test]
fn safety_cut_off_is_a_parameter() {
    let pairs = [
        ("95618-5", RARELY),
        ("95617-7", SOMETIMES),
        ("95616-9", RARELY),
        ("95615-1", SOMETIMES),
    ];
    assert!(has(
        &run_with("ahc-hrsn", &pairs, &[("safety_total_min", 10.0)]),
        "intimate-partner-violence"
    ));
}

const OFTEN: &str = "LA28397-0";
const SOMETIMES_TRUE: &str = "LA6729-3";
const NEVER_TRUE: &str = "LA28398-8";

#[rstest]
#[case::both_never(NEVER_TRUE, NEVER_TRUE, None)]
#[case::first_often(OFTEN, NEVER_TRUE, Some(Urgency::High))]
#[case::second_often(NEVER_TRUE, OFTEN, Some(Urgency::High))]
#[case::first_sometimes(SOMETIMES_TRUE, NEVER_TRUE, Some(Urgency::Medium))]
#[case::second_sometimes(NEVER_TRUE, SOMETIMES_TRUE, Some(Urgency::Medium))]
#[case::both_sometimes(SOMETIMES_TRUE, SOMETIMES_TRUE, Some(Urgency::Medium))]
fn food_items(#[case] q1: &str, #[case] q2: &str, #[case] expect: Option<Urgency>) {
    for instrument in ["ahc-hrsn", "hunger-vital-sign"] {
        let a = run(instrument, &[("88122-7", q1), ("88123-5", q2)]);
        let got = a
            .needs
            .iter()
            .find(|n| n.domain.code() == "food-insecurity")
            .map(|n| n.urgency);
        assert_eq!(got, expect, "{instrument}");
    }
}

#[rstest]
#[case::each_alone_q1(&[("88122-7", SOMETIMES_TRUE)], true)]
#[case::each_alone_q2(&[("88123-5", OFTEN)], true)]
#[case::only_never(&[("88123-5", NEVER_TRUE)], false)]
#[case::refused(&[("88122-7", "LA15775-2"), ("88123-5", "LA15775-2")], false)]
fn hunger_vital_sign_partial(#[case] answers: &[(&str, &str)], #[case] positive: bool) {
    assert_eq!(
        has(&run("hunger-vital-sign", answers), "food-insecurity"),
        positive
    );
}

#[rstest]
#[case::steady("LA31993-1", &[])]
#[case::worried("LA31994-9", &[("housing-instability", Urgency::Medium)])]
#[case::no_steady_place("LA31995-6", &[("homelessness", Urgency::High)])]
fn living_situation(#[case] answer: &str, #[case] expect: &[(&str, Urgency)]) {
    let a = run("ahc-hrsn", &[("71802-3", answer)]);
    assert_eq!(flagged(&a), expect);
    assert_eq!(
        a.attributes.iter().any(|s| s.code() == "homeless"),
        answer == "LA31995-6"
    );
}

#[rstest]
#[case::none(&["LA9-3"], false)]
#[case::mold(&["LA28580-1"], true)]
#[case::pests_and_leaks(&["LA31996-4", "LA32001-2"], true)]
fn housing_problems(#[case] answers: &[&str], #[case] positive: bool) {
    let json =
        serde_json::json!({"instrument": "ahc-hrsn", "answers": {"96778-6": answers}}).to_string();
    let a = assess::assess_json(&json, &AssessOptions::default()).unwrap();
    assert_eq!(has(&a, "inadequate-housing"), positive);
}

#[rstest]
#[case::no("LA32-8", None)]
#[case::yes_threatened("LA33-6", Some(Urgency::Medium))]
#[case::already_shut_off("LA32002-0", Some(Urgency::High))]
fn utilities(#[case] answer: &str, #[case] expect: Option<Urgency>) {
    let a = run("ahc-hrsn", &[("96779-4", answer)]);
    assert_eq!(a.needs.first().map(|n| n.urgency), expect);
}

const PHQ: [&str; 4] = ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"]; // 0..3

#[rstest]
#[case::sum_2(1, 1, false)]
#[case::sum_3(2, 1, true)]
#[case::sum_3_other_way(0, 3, true)]
#[case::sum_0(0, 0, false)]
#[case::sum_6(3, 3, true)]
fn phq2(#[case] a1: usize, #[case] a2: usize, #[case] positive: bool) {
    let a = run("ahc-hrsn", &[("44250-9", PHQ[a1]), ("44255-8", PHQ[a2])]);
    assert_eq!(has(&a, "mental-health"), positive);
}

#[test]
fn phq2_one_item_is_not_scored() {
    let a = run("ahc-hrsn", &[("44250-9", PHQ[3])]);
    assert!(!has(&a, "mental-health"));
    assert!(a.incomplete[0].contains("44255-8"));
}

#[test]
fn phq2_scores_given_as_numbers() {
    let json = r#"{"instrument":"ahc-hrsn","answers":{"44250-9":2,"44255-8":1}}"#;
    assert!(has(
        &assess::assess_json(json, &AssessOptions::default()).unwrap(),
        "mental-health"
    ));
}

#[rstest]
#[case::a_little_bit_default("LA13863-8", 3.0, false)]
#[case::somewhat_default("LA13909-9", 3.0, false)]
#[case::quite_a_bit_default("LA13902-4", 3.0, true)]
#[case::very_much_default("LA13914-9", 3.0, true)]
#[case::a_little_bit_lhc("LA13863-8", 1.0, true)]
#[case::not_at_all_lhc("LA6568-5", 1.0, false)]
#[case::declined_lhc("LA30122-8", 1.0, false)]
fn stress_cut_off_parameter(#[case] answer: &str, #[case] min: f64, #[case] positive: bool) {
    for instrument in ["ahc-hrsn", "prapare"] {
        let a = run_with(instrument, &[("93038-8", answer)], &[("stress_min", min)]);
        assert_eq!(has(&a, "stress"), positive, "{instrument}");
    }
}

#[rstest]
#[case("93030-5", "LA33-6", Some("transportation-insecurity"))]
#[case("93030-5", "LA30133-5", Some("transportation-insecurity"))]
#[case("93030-5", "LA32-8", None)]
#[case("76513-1", "LA15832-1", Some("financial-insecurity"))]
#[case("76513-1", "LA22683-9", Some("financial-insecurity"))]
#[case("76513-1", "LA31980-8", None)]
#[case("96780-2", "LA31981-6", Some("employment-status"))]
#[case("96780-2", "LA31982-4", Some("employment-status"))]
#[case("96780-2", "LA31983-2", None)]
#[case("96781-0", "LA31978-2", Some("disability-support"))]
#[case("96781-0", "LA31979-0", Some("disability-support"))]
#[case("96781-0", "LA31977-4", None)]
#[case("96781-0", "LA31976-6", None)]
#[case("93159-2", "LA10044-8", Some("social-connection"))]
#[case("93159-2", "LA9933-8", Some("social-connection"))]
#[case("93159-2", "LA10082-8", None)]
#[case("97027-7", "LA33-6", Some("language-access"))]
#[case("97027-7", "LA32-8", None)]
#[case("96782-8", "LA33-6", Some("educational-attainment"))]
#[case("96782-8", "LA32-8", None)]
#[case("68517-2", "LA26460-8", Some("substance-use"))]
#[case("96842-0", "LA18934-2", Some("substance-use"))]
#[case("95530-2", "LA18876-5", Some("substance-use"))]
#[case("68524-8", "LA18891-4", Some("substance-use"))]
#[case("68524-8", "LA6270-8", None)]
#[case("69858-9", "LA33-6", Some("disability-support"))]
#[case("69861-3", "LA33-6", Some("disability-support"))]
#[case("69861-3", "LA32-8", None)]
#[case("89555-7", "LA6111-4", None)]
fn ahc_single_items(#[case] item: &str, #[case] answer: &str, #[case] expect: Option<&str>) {
    let a = run("ahc-hrsn", &[(item, answer)]);
    assert_eq!(a.needs.first().map(|n| n.domain.code()), expect, "{a:?}");
    assert!(a.needs.len() <= 1);
}

#[rstest]
#[case("71802-3", "LA30190-5", Some("homelessness"))]
#[case("71802-3", "LA30189-7", None)]
#[case("93033-9", "LA33-6", Some("housing-instability"))]
#[case("93033-9", "LA30122-8", None)]
#[case("93031-3", "LA30125-1", Some("food-insecurity"))]
#[case("93031-3", "LA30126-9", Some("material-hardship"))]
#[case("93031-3", "LA30124-4", Some("utility-insecurity"))]
#[case("93031-3", "LA30127-7", Some("childcare"))]
#[case("93031-3", "LA30128-5", Some("medical-care"))]
#[case("93031-3", "LA30129-3", Some("digital-access"))]
#[case("93031-3", "LA46-8", None)]
#[case("93030-5", "LA30134-3", Some("transportation-insecurity"))]
#[case("93030-5", "LA32-8", None)]
#[case("67875-5", "LA17956-6", Some("employment-status"))]
#[case("67875-5", "LA30136-8", None)]
#[case("76437-3", "LA30194-7", Some("health-insurance-coverage-status"))]
#[case("76437-3", "LA17849-3", None)]
#[case("82589-3", "LA30191-3", Some("educational-attainment"))]
#[case("54899-0", "LA30188-9", Some("language-access"))]
#[case("93029-7", "LA27722-0", Some("social-connection"))]
#[case("93029-7", "LA30130-1", None)]
#[case("93028-9", "LA33-6", Some("incarceration-status"))]
#[case("93026-3", "LA32-8", Some("intimate-partner-violence"))]
#[case("93026-3", "LA33-6", None)]
#[case("76501-6", "LA33-6", Some("intimate-partner-violence"))]
#[case("76501-6", "LA32-8", None)]
fn prapare_items(#[case] item: &str, #[case] answer: &str, #[case] expect: Option<&str>) {
    let a = run("prapare", &[(item, answer)]);
    assert_eq!(a.needs.first().map(|n| n.domain.code()), expect, "{a:?}");
}

#[test]
fn urgency_order_puts_safety_and_homelessness_first() {
    let a = run(
        "ahc-hrsn",
        &[
            ("93159-2", "LA9933-8"),
            ("96779-4", "LA32002-0"),
            ("88122-7", OFTEN),
            ("71802-3", "LA31995-6"),
            ("95618-5", FREQUENTLY),
            ("95617-7", FREQUENTLY),
            ("95616-9", FREQUENTLY),
            ("95615-1", FREQUENTLY),
            ("96780-2", "LA31981-6"),
            ("44250-9", PHQ[3]),
            ("44255-8", PHQ[3]),
        ],
    );
    let order: Vec<&str> = a.needs.iter().map(|n| n.domain.code()).collect();
    assert_eq!(
        order,
        [
            "intimate-partner-violence",
            "homelessness",
            "food-insecurity",
            "utility-insecurity",
            "mental-health",
            "employment-status",
            "social-connection"
        ]
    );
    for n in &a.needs {
        assert!(
            n.note
                .as_deref()
                .is_some_and(|t| t.contains("Flagged by ahc-hrsn"))
        );
    }
}

#[test]
fn unknown_item_is_a_clear_error() {
    let err = assess::assess_json(
        r#"{"instrument":"ahc-hrsn","answers":{"99999-9":"LA33-6"}}"#,
        &AssessOptions::default(),
    )
    .unwrap_err();
    match &err {
        AssessError::UnknownItem { item, valid, .. } => {
            assert_eq!(item, "99999-9");
            assert!(valid.contains(&"71802-3".to_string()));
        }
        other => panic!("{other:?}"),
    }
    assert!(
        err.to_string().contains("unknown LOINC item \"99999-9\""),
        "{err}"
    );
}

#[test]
fn unknown_answer_is_a_clear_error() {
    let err = assess::assess_json(
        r#"{"instrument":"ahc-hrsn","answers":{"71802-3":"LA33-6"}}"#,
        &AssessOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(err, AssessError::UnknownAnswer { .. }));
    let msg = err.to_string();
    assert!(
        msg.contains("71802-3") && msg.contains("LA31995-6 (I do not have a steady place"),
        "{msg}"
    );
}

#[rstest]
#[case::not_json("{\"instrument\": \"ahc-hrsn\", \"answers\": {", "not valid JSON")]
#[case::no_answers("{\"instrument\":\"ahc-hrsn\"}", "at answers")]
#[case::answers_array("{\"instrument\":\"ahc-hrsn\",\"answers\":[\"LA33-6\"]}", "at answers")]
#[case::boolean(
    "{\"instrument\":\"ahc-hrsn\",\"answers\":{\"96779-4\":true}}",
    "answers.96779-4"
)]
#[case::unknown_instrument(
    "{\"instrument\":\"phq-9\",\"answers\":{}}",
    "valid: ahc-hrsn, hunger-vital-sign, prapare"
)]
#[case::undetected(
    "{\"answers\":{\"93038-8\":\"LA13902-4\"}}",
    "cannot tell which instrument"
)]
#[case::group_answered(
    "{\"instrument\":\"prapare\",\"answers\":{\"93025-5\":\"LA33-6\"}}",
    "group"
)]
#[case::number_for_code(
    "{\"instrument\":\"ahc-hrsn\",\"answers\":{\"71802-3\":7}}",
    "no answer \"7\""
)]
fn malformed_answers(#[case] json: &str, #[case] expected: &str) {
    let err = assess::assess_json(json, &AssessOptions::default()).unwrap_err();
    assert!(err.to_string().contains(expected), "{err}");
}

#[test]
fn unknown_parameter_is_refused() {
    let options = AssessOptions {
        parameters: [("stress_cutoff".to_string(), 1.0)].into(),
        ..AssessOptions::default()
    };
    let err =
        assess::assess_json(r#"{"instrument":"prapare","answers":{}}"#, &options).unwrap_err();
    assert!(err.to_string().contains("valid: stress_min"), "{err}");
}

fn example(name: &str) -> String {
    std::fs::read_to_string(workspace().join("data/screenings/examples").join(name)).unwrap()
}

/// The HL7 SDOH Clinical Care IG's own Hunger Vital Sign QuestionnaireResponse.
#[test]
fn fhir_hunger_vital_sign_example() {
    let a = assess::assess_json(
        &example("hvs-questionnaire-response.json"),
        &AssessOptions::default(),
    )
    .unwrap();
    assert_eq!(a.instrument, "hunger-vital-sign");
    assert_eq!(flagged(&a), [("food-insecurity", Urgency::High)]);
    assert_eq!(a.needs[0].evidence[0].answers.len(), 2);
}

/// The HL7 SDOH Clinical Care IG's own PRAPARE QuestionnaireResponse (nested groups).
#[test]
fn fhir_prapare_example() {
    let a = assess::assess_json(
        &example("prapare-questionnaire-response.json"),
        &AssessOptions::default(),
    )
    .unwrap();
    assert_eq!(a.instrument, "prapare");
    let codes: Vec<&str> = a.needs.iter().map(|n| n.domain.code()).collect();
    assert_eq!(
        codes,
        [
            "intimate-partner-violence",
            "homelessness",
            "transportation-insecurity",
            "childcare",
            "employment-status",
            "material-hardship",
            "educational-attainment"
        ]
    );
    assert_eq!(a.household_size, Some(6));
    assert_eq!(a.monthly_income, Some(2083.33));
    assert_eq!(a.insurance, ["medicaid"]);
    let attrs: Vec<&str> = a.attributes.iter().map(|s| s.code()).collect();
    assert_eq!(attrs, ["homeless", "unemployed"]);
    // "Somewhat" stressed is below the default cut-off; with the LHC reading it flags.
    let lhc = AssessOptions {
        parameters: [("stress_min".to_string(), 1.0)].into(),
        ..AssessOptions::default()
    };
    assert!(has(
        &assess::assess_json(&example("prapare-questionnaire-response.json"), &lhc).unwrap(),
        "stress"
    ));
}

#[test]
fn fhir_unknown_item_is_an_error() {
    let qr = example("hvs-questionnaire-response.json").replace("/88123-5", "/88125-0");
    let err = assess::assess_json(&qr, &AssessOptions::default()).unwrap_err();
    assert!(
        matches!(&err, AssessError::UnknownItem { item, path, .. } if item == "88125-0" && path == "item[1]"),
        "{err:?}"
    );
}

/// End to end, as in docs/assessment.md: AHC answers onto a case manager's profile.
#[test]
fn answers_to_profile_end_to_end() {
    let a = assess::assess_json(&example("ahc-answers.json"), &AssessOptions::default()).unwrap();
    let base = ClientProfile::from_json(
        &std::fs::read_to_string(workspace().join("data/profiles/case-manager-base.json")).unwrap(),
    )
    .unwrap();
    let profile = assess::merge_into_profile(&a, &base);
    profile.validate().unwrap();
    let needs: Vec<(&str, &str)> = profile
        .needs
        .iter()
        .map(|n| (n.domain.code(), n.urgency.code()))
        .collect();
    assert_eq!(
        needs,
        [
            ("housing-instability", "high"),
            ("intimate-partner-violence", "high"),
            ("food-insecurity", "high"),
            ("utility-insecurity", "high"),
            ("mental-health", "medium"),
            ("inadequate-housing", "medium"),
        ]
    );
    // The case manager's urgency and note win; the screening evidence is kept.
    let housing = &profile.needs[0];
    assert_eq!(
        housing.note.as_deref(),
        Some("case manager: landlord filed for eviction")
    );
    assert_eq!(housing.evidence[0].answers[0].answer, "LA31994-9");
    let json = serde_json::to_string_pretty(&profile).unwrap();
    assert_eq!(ClientProfile::from_json(&json).unwrap(), profile);
    // The documented example output is this one.
    let doc = std::fs::read_to_string(workspace().join("docs/assessment.md")).unwrap();
    assert!(
        doc.contains(&json),
        "docs/assessment.md must show the current output:\n{json}"
    );
}

// ---- benefits ----

fn date(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap()
}

#[rstest]
#[case(1, 15_650, 15_960)]
#[case(2, 21_150, 21_640)]
#[case(3, 26_650, 27_320)]
#[case(4, 32_150, 33_000)]
#[case(5, 37_650, 38_680)]
#[case(6, 43_150, 44_360)]
#[case(7, 48_650, 50_040)]
#[case(8, 54_150, 55_720)]
#[case(9, 59_650, 61_400)]
#[case(10, 65_150, 67_080)]
fn poverty_guidelines_48_states(#[case] n: u32, #[case] y2025: u32, #[case] y2026: u32) {
    let region = PovertyRegion::Contiguous;
    assert_eq!(
        benefits::poverty_guideline(n, region, date(2025, 6, 1))
            .unwrap()
            .annual,
        y2025
    );
    assert_eq!(
        benefits::poverty_guideline(n, region, date(2026, 6, 1))
            .unwrap()
            .annual,
        y2026
    );
}

#[rstest]
#[case("AK", 1, 19_550, 19_950)]
#[case("AK", 4, 40_190, 41_250)]
#[case("HI", 1, 17_990, 18_360)]
#[case("HI", 4, 36_980, 37_950)]
#[case("CA", 4, 32_150, 33_000)]
fn poverty_guidelines_alaska_hawaii(
    #[case] state: &str,
    #[case] n: u32,
    #[case] y2025: u32,
    #[case] y2026: u32,
) {
    let region = PovertyRegion::for_state(Some(state));
    assert_eq!(
        benefits::guideline_for_year(2025, region, n)
            .unwrap()
            .unwrap()
            .annual,
        y2025
    );
    assert_eq!(
        benefits::guideline_for_year(2026, region, n)
            .unwrap()
            .unwrap()
            .annual,
        y2026
    );
}

#[test]
fn guideline_dates_and_bad_sizes() {
    let c = PovertyRegion::Contiguous;
    assert_eq!(
        benefits::poverty_guideline(1, c, date(2026, 1, 14))
            .unwrap()
            .year,
        2025
    );
    assert_eq!(
        benefits::poverty_guideline(1, c, date(2026, 1, 15))
            .unwrap()
            .year,
        2026
    );
    assert!(matches!(
        benefits::poverty_guideline(1, c, date(2024, 12, 31)),
        Err(benefits::BenefitError::NoGuideline { .. })
    ));
    assert!(benefits::poverty_guideline(0, c, date(2025, 6, 1)).is_err());
}

/// FY2026 limits (48 states + DC) as published; FY2027 computed from the 2026 guideline.
#[rstest]
#[case(1, 1_696, 1_305)]
#[case(2, 2_292, 1_763)]
#[case(3, 2_888, 2_221)]
#[case(4, 3_483, 2_680)]
#[case(5, 4_079, 3_138)]
#[case(6, 4_675, 3_596)]
#[case(7, 5_271, 4_055)]
#[case(8, 5_867, 4_513)]
#[case(9, 6_463, 4_972)]
fn snap_fy2026_limits(#[case] n: u32, #[case] gross: u32, #[case] net: u32) {
    let l = benefits::snap_limits(n, PovertyRegion::Contiguous, date(2025, 10, 1))
        .unwrap()
        .unwrap();
    assert_eq!(
        (l.fiscal_year, l.gross_monthly, l.net_monthly),
        (2026, gross, net)
    );
    let same = benefits::snap_limits(n, PovertyRegion::Contiguous, date(2026, 9, 30))
        .unwrap()
        .unwrap();
    assert_eq!(same.fiscal_year, 2026);
}

#[test]
fn snap_fy2027_uses_the_2026_guideline() {
    let l1 = benefits::snap_limits(1, PovertyRegion::Contiguous, date(2026, 10, 1))
        .unwrap()
        .unwrap();
    let l4 = benefits::snap_limits(4, PovertyRegion::Contiguous, date(2026, 10, 1))
        .unwrap()
        .unwrap();
    assert_eq!(
        (l1.fiscal_year, l1.gross_monthly, l1.net_monthly),
        (2027, 1_729, 1_330)
    );
    assert_eq!((l4.gross_monthly, l4.net_monthly), (3_575, 2_750));
    assert!(
        benefits::snap_limits(1, PovertyRegion::Contiguous, date(2027, 10, 1))
            .unwrap()
            .is_none()
    );
}

fn snap_for(n: u32, income: f64, elderly_or_disabled: bool) -> Likelihood {
    let s = benefits::prescreen(&BenefitInput {
        household_size: n,
        monthly_income: income,
        state: Some("IL".into()),
        age: Some(40),
        elderly_or_disabled,
        date: date(2026, 2, 1),
    })
    .unwrap();
    s.programs[0].likelihood
}

#[rstest]
#[case::at_net_limit(3, 2_221.0, false, Likelihood::Likely)]
#[case::just_over_net(3, 2_222.0, false, Likelihood::Possible)]
#[case::at_gross_limit(3, 2_888.0, false, Likelihood::Possible)]
#[case::just_over_gross(3, 2_889.0, false, Likelihood::Unlikely)]
#[case::over_gross_elderly(3, 2_889.0, true, Likelihood::Possible)]
#[case::zero_income(1, 0.0, false, Likelihood::Likely)]
#[case::one_person_over(1, 1_697.0, false, Likelihood::Unlikely)]
#[case::elderly_within_net(1, 1_305.0, true, Likelihood::Likely)]
fn snap_income_tests(
    #[case] n: u32,
    #[case] income: f64,
    #[case] exempt: bool,
    #[case] expect: Likelihood,
) {
    assert_eq!(snap_for(n, income, exempt), expect);
}

#[rstest]
#[case::at_138(1, 22_025.0 / 12.0, Some("IL"), Some(30), Likelihood::Likely)]
#[case::over_138(1, 2_000.0, Some("IL"), Some(30), Likelihood::Unlikely)]
#[case::non_expansion(1, 1_000.0, Some("TX"), Some(30), Likelihood::Unlikely)]
#[case::state_unknown(1, 1_000.0, None, Some(30), Likelihood::Possible)]
#[case::senior(1, 1_000.0, Some("IL"), Some(70), Likelihood::Unknown)]
fn medicaid_adult(
    #[case] n: u32,
    #[case] income: f64,
    #[case] state: Option<&str>,
    #[case] age: Option<u32>,
    #[case] expect: Likelihood,
) {
    let s = benefits::prescreen(&BenefitInput {
        household_size: n,
        monthly_income: income,
        state: state.map(str::to_string),
        age,
        elderly_or_disabled: false,
        date: date(2026, 3, 1),
    })
    .unwrap();
    assert_eq!(s.programs[1].likelihood, expect, "{:?}", s.programs[1]);
}

#[test]
fn profile_prescreen_uses_zip_state() {
    let p = ClientProfile::from_json(r#"{"location":{"zip":"99501"},"household_size":1,"monthly_income":1500,"needs":[{"domain":"food-insecurity"}]}"#).unwrap();
    let s = benefits::prescreen_profile(&p, date(2026, 3, 1))
        .unwrap()
        .unwrap();
    assert_eq!(s.guideline.region, PovertyRegion::Alaska);
    assert_eq!(s.guideline.annual, 19_950);
    assert_eq!(s.percent_of_poverty, 90.2);
    assert_eq!(s.flags(), ["snap:likely", "medicaid-adult:likely"]);
    assert_eq!(s.programs[0].summary, "likely eligible for SNAP: apply");
    let no_income = ClientProfile::from_json(
        r#"{"location":{"zip":"99501"},"needs":[{"domain":"food-insecurity"}]}"#,
    )
    .unwrap();
    assert!(
        benefits::prescreen_profile(&no_income, date(2026, 3, 1))
            .unwrap()
            .is_none()
    );
    assert!(
        benefits::prescreen(&BenefitInput {
            household_size: 1,
            monthly_income: f64::NAN,
            state: None,
            age: None,
            elderly_or_disabled: false,
            date: date(2026, 3, 1)
        })
        .is_err()
    );
}
