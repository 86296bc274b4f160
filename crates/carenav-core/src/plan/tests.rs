//! Table-driven tests of the lifecycle, the vendor table, the proposal
//! rules and the edits.

#![allow(clippy::unwrap_used)]

use rstest::rstest;

use super::*;
use crate::matching::NeedMatches;
use TaskStatus::*;

/// The legal transitions, written out independently of `TaskStatus::next`.
const LEGAL: &[(TaskStatus, TaskStatus)] = &[
    (Draft, Requested),
    (Draft, Cancelled),
    (Draft, EnteredInError),
    (Requested, Accepted),
    (Requested, Rejected),
    (Requested, InProgress),
    (Requested, OnHold),
    (Requested, Completed),
    (Requested, Failed),
    (Requested, Cancelled),
    (Requested, EnteredInError),
    (Accepted, InProgress),
    (Accepted, OnHold),
    (Accepted, Completed),
    (Accepted, Failed),
    (Accepted, Cancelled),
    (Accepted, EnteredInError),
    (InProgress, OnHold),
    (InProgress, Completed),
    (InProgress, Failed),
    (InProgress, Cancelled),
    (InProgress, EnteredInError),
    (OnHold, InProgress),
    (OnHold, Failed),
    (OnHold, Cancelled),
    (OnHold, EnteredInError),
    (Rejected, EnteredInError),
    (Completed, EnteredInError),
    (Failed, EnteredInError),
    (Cancelled, EnteredInError),
];

fn stamp() -> Stamp {
    Stamp::new("cm-ana", "2026-03-02T10:00:00Z").unwrap()
}

/// A lifecycle in `status`, reached by a legal path.
fn lifecycle_in(status: TaskStatus) -> ReferralLifecycle {
    let path: &[TaskStatus] = match status {
        Draft => &[],
        Requested => &[Requested],
        Accepted => &[Requested, Accepted],
        Rejected => &[Requested, Rejected],
        InProgress => &[Requested, Accepted, InProgress],
        OnHold => &[Requested, OnHold],
        Completed => &[Requested, Completed],
        Failed => &[Requested, Failed],
        Cancelled => &[Cancelled],
        EnteredInError => &[EnteredInError],
    };
    let mut l = ReferralLifecycle::new();
    for s in path {
        l.transition(*s, Some("because"), &stamp()).unwrap();
    }
    assert_eq!(l.status(), status);
    l
}

#[rstest]
fn every_transition_is_legal_or_a_typed_error(
    #[values(
        Draft,
        Requested,
        Accepted,
        Rejected,
        InProgress,
        OnHold,
        Completed,
        Failed,
        Cancelled,
        EnteredInError
    )]
    from: TaskStatus,
    #[values(
        Draft,
        Requested,
        Accepted,
        Rejected,
        InProgress,
        OnHold,
        Completed,
        Failed,
        Cancelled,
        EnteredInError
    )]
    to: TaskStatus,
) {
    let mut l = lifecycle_in(from);
    let before = l.history().len();
    let result = l.transition(to, Some("a reason"), &stamp());
    if LEGAL.contains(&(from, to)) {
        result.unwrap();
        assert_eq!(l.status(), to);
        let last = l.history().last().unwrap();
        assert_eq!((last.from, last.to), (from, to));
        assert_eq!(
            (last.by.as_str(), last.at.as_str()),
            ("cm-ana", "2026-03-02T10:00:00Z")
        );
        assert_eq!(l.history().len(), before + 1);
    } else {
        let err = result.unwrap_err();
        assert_eq!(err, LifecycleError::Illegal { from, to });
        let text = err.to_string();
        assert!(text.contains(&format!("from {from} to {to}")), "{text}");
        assert_eq!(l.status(), from, "refused change must not move");
        assert_eq!(l.history().len(), before);
    }
}

#[test]
fn table_has_thirty_legal_moves() {
    let n: usize = TaskStatus::ALL.iter().map(|s| s.next().len()).sum();
    assert_eq!(n, LEGAL.len());
}

#[rstest]
#[case(Requested, Rejected)]
#[case(Draft, Cancelled)]
#[case(Accepted, OnHold)]
#[case(InProgress, Failed)]
fn reasons_are_required(#[case] from: TaskStatus, #[case] to: TaskStatus) {
    for missing in [None, Some(""), Some("   ")] {
        let mut l = lifecycle_in(from);
        assert_eq!(
            l.transition(to, missing, &stamp()).unwrap_err(),
            LifecycleError::ReasonRequired { from, to }
        );
    }
    let mut l = lifecycle_in(from);
    l.transition(to, Some(" no capacity "), &stamp()).unwrap();
    assert_eq!(l.status_reason(), Some("no capacity"));
}

#[rstest]
#[case(Requested)]
#[case(Accepted)]
#[case(InProgress)]
#[case(Completed)]
#[case(EnteredInError)]
fn other_statuses_need_no_reason(#[case] to: TaskStatus) {
    let from = if to == Requested { Draft } else { Requested };
    let mut l = lifecycle_in(from);
    l.transition(to, None, &stamp()).unwrap();
}

#[test]
fn stored_history_is_replayed() {
    let mut l = lifecycle_in(InProgress);
    l.transition(Completed, None, &stamp()).unwrap();
    let json = serde_json::to_string(&l).unwrap();
    let back: ReferralLifecycle = serde_json::from_str(&json).unwrap();
    assert_eq!(back, l);
    let forged = json.replace("\"status\":\"completed\"", "\"status\":\"failed\"");
    let err = serde_json::from_str::<ReferralLifecycle>(&forged)
        .unwrap_err()
        .to_string();
    assert!(err.contains("does not match the history"), "{err}");
    let skipped = r#"{"status":"completed","history":[{"from":"draft","to":"completed","at":"2026-03-02T10:00:00Z","by":"x"}]}"#;
    let err = serde_json::from_str::<ReferralLifecycle>(skipped)
        .unwrap_err()
        .to_string();
    assert!(err.contains("from draft to completed"), "{err}");
}

#[rstest]
#[case("2026-03-02T10:00:00Z", true)]
#[case("2026-03-02T10:00:00.123+05:30", true)]
#[case("2026-03-02T24:00:00Z", false)]
#[case("2026-03-02T10:00Z", false)]
#[case("2026-03-02T10:00:00", false)]
#[case("2026-13-02T10:00:00Z", false)]
#[case("2026-03-02T10:00:00+5:30", false)]
#[case("", false)]
#[case("2026-03-02T10:00:00Zjunk", false)]
fn timestamps(#[case] text: &str, #[case] ok: bool) {
    assert_eq!(Timestamp::parse(text).is_ok(), ok, "{text}");
}

#[test]
fn stamps_need_an_actor() {
    assert!(matches!(
        Stamp::new("  ", "2026-03-02T10:00:00Z"),
        Err(PlanError::Actor { .. })
    ));
    assert!(matches!(
        Stamp::new("x", "yesterday"),
        Err(PlanError::Timestamp { .. })
    ));
}

#[rstest]
#[case("findhelp", "Not updated", Draft, Requested)]
#[case("findhelp", "Pending", Draft, Requested)]
#[case("findhelp", "Needs client action", Requested, OnHold)]
#[case("findhelp", "Eligible", Requested, Accepted)]
#[case("findhelp", "Got help", Requested, Completed)]
#[case("findhelp", "Got help", InProgress, Completed)]
#[case("findhelp", "Referred elsewhere", Requested, Rejected)]
#[case("findhelp", "Not eligible", Requested, Rejected)]
#[case("findhelp", "No capacity", Requested, Rejected)]
#[case("findhelp", "Couldn't contact", Accepted, Failed)]
#[case("findhelp", "Couldn't get help", InProgress, Failed)]
#[case("findhelp", "No longer interested", Accepted, Cancelled)]
#[case("Healthify", "unstarted", Draft, Requested)]
#[case("healthify", "In-Review", Requested, Requested)]
#[case("healthify", "Service In-Progress", Accepted, InProgress)]
#[case("healthify", "Service Completed", InProgress, Completed)]
#[case("healthify", "Canceled", Requested, Cancelled)]
#[case("healthify", "Client Contact Successful", Requested, Requested)]
#[case("healthify", "Client Contact Unsuccessful", Accepted, Accepted)]
#[case("healthify", "Client Waitlisted", Accepted, OnHold)]
#[case("healthify", "Client Enrolled", OnHold, InProgress)]
#[case("healthify", "Service Provided", InProgress, Completed)]
#[case("healthify", "Service Not Provided", InProgress, Failed)]
fn vendor_statuses_map(
    #[case] vendor: &str,
    #[case] label: &str,
    #[case] from: TaskStatus,
    #[case] expected: TaskStatus,
) {
    let mut plan = one_referral_plan();
    let id = plan.goals[0].referrals[0].id.clone();
    plan.goals[0].referrals[0].lifecycle = lifecycle_in(from);
    let to = plan
        .apply_vendor_status(&id, vendor, label, None, &stamp())
        .unwrap();
    assert_eq!(to, expected);
    let r = plan.referral(&id).unwrap();
    assert_eq!(r.lifecycle.status(), expected);
    let last = r.lifecycle.history().last().unwrap();
    assert!(
        last.vendor_status
            .as_deref()
            .unwrap()
            .ends_with(label.trim())
            || last
                .vendor_status
                .as_deref()
                .unwrap()
                .to_lowercase()
                .ends_with(&label.to_lowercase())
    );
    if expected.needs_reason() {
        assert!(r.lifecycle.status_reason().is_some());
    }
}

#[test]
fn vendor_status_that_is_illegal_names_both_states() {
    let mut plan = one_referral_plan();
    let id = plan.goals[0].referrals[0].id.clone();
    plan.goals[0].referrals[0].lifecycle = lifecycle_in(Completed);
    let err = plan
        .apply_vendor_status(&id, "findhelp", "No capacity", None, &stamp())
        .unwrap_err();
    assert!(
        err.to_string().contains("from completed to rejected"),
        "{err}"
    );
    let err = plan
        .apply_vendor_status(&id, "unite", "closed", None, &stamp())
        .unwrap_err();
    assert!(err.to_string().contains("findhelp: Got help"), "{err}");
}

fn referral(org: &str, sal: &str, score: f32, address: Option<&str>) -> Referral {
    Referral {
        service_id: format!("svc-{sal}"),
        service_at_location_id: sal.into(),
        service_name: format!("Service {sal}"),
        organization_name: org.into(),
        address: address.map(str::to_string),
        phone: Some("650-555-0100".into()),
        distance_km: Some(2.0),
        score,
        reasons: vec!["serves the need".into()],
        caveats: vec![],
        also_serves: vec![],
    }
}

fn profile(needs: &[(&str, &str)]) -> ClientProfile {
    let needs: Vec<String> = needs
        .iter()
        .map(|(d, u)| format!(r#"{{"domain":"{d}","urgency":"{u}"}}"#))
        .collect();
    ClientProfile::from_json(&format!(
        r#"{{"id":"c9","location":{{"zip":"94063"}},"languages":["es"],"household_size":3,"monthly_income":1500,"age":35,"needs":[{}]}}"#,
        needs.join(",")
    ))
    .unwrap()
}

fn result(needs: Vec<(&str, Vec<Referral>)>) -> MatchResult {
    MatchResult {
        profile_id: Some("c9".into()),
        needs: needs
            .into_iter()
            .map(|(d, referrals)| NeedMatches {
                domain: d.into(),
                urgency: Urgency::Medium,
                referrals,
                excluded: vec![],
            })
            .collect(),
        inferred: vec![],
        warnings: vec![],
    }
}

fn one_referral_plan() -> CarePlan {
    let p = profile(&[("food-insecurity", "high")]);
    let r = result(vec![(
        "food-insecurity",
        vec![referral("A", "a1", 0.9, None)],
    )]);
    CarePlan::propose(&p, &r, &PlanOptions::default())
}

fn ids(plan: &CarePlan, goal: usize) -> Vec<&str> {
    plan.goals[goal]
        .referrals
        .iter()
        .map(|r| r.service_at_location_id.as_str())
        .collect()
}

#[test]
fn goals_follow_urgency_then_profile_order() {
    let p = profile(&[
        ("childcare", "low"),
        ("legal-aid", "medium"),
        ("food-insecurity", "high"),
        ("housing-instability", "medium"),
        ("homelessness", "high"),
    ]);
    let plan = CarePlan::propose(&p, &result(vec![]), &PlanOptions::default());
    let order: Vec<&str> = plan.goals.iter().map(|g| g.domain.code()).collect();
    assert_eq!(
        order,
        [
            "food-insecurity",
            "homelessness",
            "legal-aid",
            "housing-instability",
            "childcare"
        ]
    );
    assert_eq!(plan.warnings.len(), 5, "{:?}", plan.warnings);
    assert_eq!(plan.language, "es");
}

#[rstest]
// Top 3 by score.
#[case(vec![("A", "1", 0.9), ("B", "2", 0.8), ("C", "3", 0.7), ("D", "4", 0.6)], 3, vec!["1", "2", "3"])]
// Same organization only once (the better one), case and spacing ignored.
#[case(vec![("A", "1", 0.9), ("a  ", "2", 0.8), ("B", "3", 0.7), ("C", "4", 0.6)], 3, vec!["1", "3", "4"])]
// Unsorted input is sorted by score.
#[case(vec![("B", "2", 0.5), ("A", "1", 0.9)], 3, vec!["1", "2"])]
// Fewer wanted.
#[case(vec![("A", "1", 0.9), ("B", "2", 0.8)], 1, vec!["1"])]
fn top_referrals_one_per_organization(
    #[case] list: Vec<(&str, &str, f32)>,
    #[case] k: usize,
    #[case] expected: Vec<&str>,
) {
    let p = profile(&[("food-insecurity", "high")]);
    let refs = list
        .iter()
        .map(|(o, s, sc)| referral(o, s, *sc, None))
        .collect();
    let options = PlanOptions {
        referrals_per_need: k,
        ..PlanOptions::default()
    };
    let plan = CarePlan::propose(&p, &result(vec![("food-insecurity", refs)]), &options);
    assert_eq!(ids(&plan, 0), expected);
}

#[rstest]
// "Shared" (address 1 Main St also serves legal aid) at 0.88 is within 15% of 1.0: preferred.
#[case(0.15, 0.88, vec!["s", "b", "c"])]
// Exactly at the threshold counts.
#[case(0.15, 0.85, vec!["s", "b", "c"])]
// Below the threshold: score order. It still comes second since 0.84 > 0.8.
#[case(0.15, 0.84, vec!["b", "s", "c"])]
// Preference off.
#[case(0.0, 0.95, vec!["b", "s", "c"])]
// Wide tolerance: preferred even at 0.5.
#[case(0.6, 0.5, vec!["s", "b", "c"])]
fn nearly_as_good_prefers_one_place_for_several_needs(
    #[case] tolerance: f32,
    #[case] shared_score: f32,
    #[case] expected: Vec<&str>,
) {
    let p = profile(&[("food-insecurity", "high"), ("legal-aid", "medium")]);
    let food = vec![
        referral("Best", "b", 1.0, Some("9 Elm St")),
        referral("Shared", "s", shared_score, Some("1 Main St")),
        referral("Third", "c", 0.8, Some("5 Oak St")),
    ];
    let legal = vec![referral("Law Center", "l", 0.7, Some("1  main st"))];
    let options = PlanOptions {
        nearly_as_good: tolerance,
        ..PlanOptions::default()
    };
    let plan = CarePlan::propose(
        &p,
        &result(vec![("food-insecurity", food), ("legal-aid", legal)]),
        &options,
    );
    assert_eq!(ids(&plan, 0), expected);
    let first = &plan.goals[0].referrals[0];
    if expected[0] == "s" {
        assert!(
            first.selection.starts_with("preferred"),
            "{}",
            first.selection
        );
    } else {
        assert_eq!(first.selection, "rank 1 by score");
    }
}

#[test]
fn also_serves_counts_as_shared() {
    let p = profile(&[("food-insecurity", "high"), ("legal-aid", "medium")]);
    let mut multi = referral("Multi", "m", 0.9, None);
    multi.also_serves = vec!["legal-aid".into()];
    let food = vec![referral("Best", "b", 1.0, None), multi];
    let plan = CarePlan::propose(
        &p,
        &result(vec![("food-insecurity", food)]),
        &PlanOptions::default(),
    );
    assert_eq!(ids(&plan, 0), ["m", "b"]);
}

#[test]
fn benefit_flags_become_actions_and_safety_needs_are_do_not_contact() {
    let p = profile(&[
        ("intimate-partner-violence", "high"),
        ("food-insecurity", "high"),
    ]);
    let r = result(vec![
        (
            "intimate-partner-violence",
            vec![referral("Shelter", "x", 0.9, None)],
        ),
        ("food-insecurity", vec![referral("Pantry", "y", 0.9, None)]),
    ]);
    let options = PlanOptions {
        benefit_date: Date::new(2026, 3, 2),
        ..PlanOptions::default()
    };
    let plan = CarePlan::propose(&p, &r, &options);
    let snap = plan.actions.iter().find(|a| a.program == "snap").unwrap();
    assert_eq!(
        snap.text,
        "likely eligible for SNAP: apply, bring ID, proof of income, proof of address and rent and utility bills"
    );
    assert!(plan.goals[0].referrals[0].do_not_contact);
    assert!(!plan.goals[1].referrals[0].do_not_contact);
}

#[test]
fn edits_are_recorded_and_guarded() {
    let p = profile(&[("food-insecurity", "high"), ("legal-aid", "low")]);
    let r = result(vec![(
        "food-insecurity",
        vec![referral("A", "a", 0.9, None), referral("B", "b", 0.8, None)],
    )]);
    let mut plan = CarePlan::propose(&p, &r, &PlanOptions::default());
    let food = NeedDomain::parse("food-insecurity").unwrap();
    let legal = NeedDomain::parse("legal-aid").unwrap();
    let s1 = Stamp::new("cm-ana", "2026-03-02T10:00:00Z").unwrap();
    let s2 = Stamp::new("cm-bo", "2026-03-03T09:30:00-08:00").unwrap();

    // Add: refused for an organization already in the goal.
    let err = plan
        .add_referral(food, &referral("a", "z", 0.1, None), &s1)
        .unwrap_err();
    assert!(matches!(err, PlanError::DuplicateReferral { .. }), "{err}");
    let id = plan
        .add_referral(food, &referral("C", "c", 0.5, None), &s1)
        .unwrap();
    assert_eq!(id, "food-insecurity/c");
    assert_eq!(ids(&plan, 0), ["a", "b", "c"]);
    plan.move_referral(&id, 0, &s2).unwrap();
    assert_eq!(ids(&plan, 0), ["c", "a", "b"]);
    assert!(matches!(
        plan.move_referral(&id, 3, &s2),
        Err(PlanError::Position { index: 3, len: 3 })
    ));

    // A sent referral is not removed; a draft one is.
    plan.transition("food-insecurity/a", Requested, None, &s1)
        .unwrap();
    let err = plan.remove_referral("food-insecurity/a", &s2).unwrap_err();
    assert!(
        matches!(
            err,
            PlanError::NotDraft {
                status: Requested,
                ..
            }
        ),
        "{err}"
    );
    plan.remove_referral("food-insecurity/b", &s2).unwrap();
    assert!(matches!(
        plan.remove_goal(food, &s2),
        Err(PlanError::NotDraft { .. })
    ));

    // Goals.
    plan.move_goal(legal, 0, &s1).unwrap();
    assert_eq!(plan.goals[0].domain, legal);
    assert!(matches!(
        plan.add_goal(&p.needs[0], &s1),
        Err(PlanError::DuplicateGoal { .. })
    ));
    plan.remove_goal(legal, &s2).unwrap();
    let mut need = p.needs[1].clone();
    need.urgency = Urgency::High;
    plan.add_goal(&need, &s2).unwrap();
    assert_eq!(
        plan.goals[1].domain, legal,
        "after the high-urgency food goal"
    );
    plan.set_do_not_contact("food-insecurity/c", true, &s1)
        .unwrap();
    assert!(matches!(
        plan.set_do_not_contact("nope", true, &s1),
        Err(PlanError::UnknownReferral { .. })
    ));

    let log: Vec<(&str, &str)> = plan
        .history
        .iter()
        .map(|e| (e.by.as_str(), e.at.as_str()))
        .collect();
    assert_eq!(log.len(), 7, "{:#?}", plan.history);
    assert_eq!(log[1], ("cm-bo", "2026-03-03T09:30:00-08:00"));
    assert!(matches!(
        plan.history[0].change,
        PlanChange::ReferralAdded { ref referral, .. } if referral == "food-insecurity/c"
    ));
    assert!(matches!(
        plan.history[2].change,
        PlanChange::ReferralRemoved { .. }
    ));
    assert!(matches!(
        plan.history[3].change,
        PlanChange::GoalMoved { from: 1, to: 0, .. }
    ));
    plan.validate().unwrap();
    // Round trip through JSON keeps everything.
    let json = serde_json::to_string(&plan).unwrap();
    let back: CarePlan = serde_json::from_str(&json).unwrap();
    assert_eq!(back, plan);
}
