//! The plan as a FHIR R4 `Bundle` (type `collection`) following the HL7 FHIR
//! SDOH Clinical Care IG (STU 2+) referral flow:
//!
//! | resource | one per | content |
//! |---|---|---|
//! | Patient | plan | identifier = profile id, preferred language |
//! | Condition (SDOHCC-Condition) | goal | category `health-concern` + SDOH category, code = the domain's SNOMED CT / ICD-10-CM codes, note |
//! | Goal (SDOHCC-Goal) | goal | category, priority from urgency, `addresses` the Condition |
//! | Organization, Location, HealthcareService | place referred to | HSDS ids as identifiers, address, position, phones, hours |
//! | ServiceRequest (SDOHCC-ServiceRequest) | referral | category, code (text), performer → HealthcareService + Organization, `reasonReference` → Condition, `pertainsToGoal`, `orderDetail` `contacting-subject-prohibited` when do-not-contact |
//! | Task (SDOHCC-TaskForReferralManagement) | referral | `fulfill`, status, `statusReason`, `businessStatus` = vendor status, focus → ServiceRequest, owner → Organization, `relevantHistory` → Provenance |
//! | Provenance | status change | target → Task, recorded, agent, activity text |
//!
//! Needs without a Gravity category use `sdoh-category-unspecified` plus a
//! carenav need-domain coding. ServiceRequest status follows the Task:
//! draft → `draft`; requested, accepted, in-progress → `active`; on-hold →
//! `on-hold`; completed → `completed`; rejected, failed, cancelled →
//! `revoked`; entered-in-error → `entered-in-error`.
//!
//! Resource ids are UUIDv5 of the profile id, the plan's creation time and
//! the record's key, so the same plan always gives the same bundle; entries
//! are referenced by their `urn:uuid:` full URLs.

use std::collections::BTreeSet;

use carenav_core::plan::{Goal, OpeningHours, PlanReferral, StatusChange, TaskStatus};
use carenav_core::{CarePlan, Urgency};
use serde_json::{Value, json};
use uuid::Uuid;

/// SDOH Clinical Care temporary code system (SDOH categories, orderDetail codes).
pub const SDOHCC_CODES: &str =
    "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes";
/// Profile base URL of the SDOH Clinical Care IG.
pub const SDOHCC_PROFILE: &str = "http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/";
/// carenav's need-domain code system (the domain table).
pub const NEED_DOMAIN_SYSTEM: &str =
    "https://github.com/carenav/carenav/blob/main/data/needs/domains.json";
/// Identifier system of client profile ids.
pub const PROFILE_ID_SYSTEM: &str = "https://github.com/carenav/carenav/profile-id";
/// Identifier system of HSDS organization ids.
pub const HSDS_ORGANIZATION: &str = "https://openreferral.org/hsds/organization";
/// Identifier system of HSDS location ids.
pub const HSDS_LOCATION: &str = "https://openreferral.org/hsds/location";
/// Identifier system of HSDS service ids.
pub const HSDS_SERVICE: &str = "https://openreferral.org/hsds/service";
/// Identifier system of HSDS service-at-location ids.
pub const HSDS_SERVICE_AT_LOCATION: &str = "https://openreferral.org/hsds/service_at_location";

/// Namespace of carenav's UUIDv5 resource ids.
const NAMESPACE: Uuid = Uuid::from_u128(0x6f1c_3a2e_9d4b_4c57_8e21_5b7a_0c9d_e3f4);

fn system_uri(system: &str) -> Option<&'static str> {
    match system {
        "SNOMED CT" => Some("http://snomed.info/sct"),
        "ICD-10-CM" => Some("http://hl7.org/fhir/sid/icd-10-cm"),
        "LOINC" => Some("http://loinc.org"),
        _ => None,
    }
}

/// The SDOH category of a goal: the Gravity code, else `sdoh-category-unspecified`.
fn category(goal: &Goal) -> Value {
    let info = goal.domain.info();
    let code = if info.gravity {
        info.code.as_str()
    } else {
        "sdoh-category-unspecified"
    };
    json!({"coding": [{"system": SDOHCC_CODES, "code": code}], "text": info.label})
}

fn service_request_status(s: TaskStatus) -> &'static str {
    match s {
        TaskStatus::Draft => "draft",
        TaskStatus::Requested | TaskStatus::Accepted | TaskStatus::InProgress => "active",
        TaskStatus::OnHold => "on-hold",
        TaskStatus::Completed => "completed",
        TaskStatus::Rejected | TaskStatus::Failed | TaskStatus::Cancelled => "revoked",
        TaskStatus::EnteredInError => "entered-in-error",
    }
}

/// FHIR `time` (hh:mm:ss; "24:00" becomes 23:59:59).
fn fhir_time(hhmm: &str) -> Option<String> {
    let (h, m) = hhmm.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    match (h, m) {
        (24, 0) => Some("23:59:59".into()),
        (0..=23, 0..=59) => Some(format!("{h:02}:{m:02}:00")),
        _ => None,
    }
}

fn available_time(hours: &[OpeningHours]) -> Vec<Value> {
    hours
        .iter()
        .filter_map(|h| {
            let days: Vec<&str> = h
                .days
                .iter()
                .filter_map(|d| match d.as_str() {
                    "MO" => Some("mon"),
                    "TU" => Some("tue"),
                    "WE" => Some("wed"),
                    "TH" => Some("thu"),
                    "FR" => Some("fri"),
                    "SA" => Some("sat"),
                    "SU" => Some("sun"),
                    _ => None,
                })
                .collect();
            let start = h.opens.as_deref().and_then(fhir_time)?;
            let end = h.closes.as_deref().and_then(fhir_time)?;
            (!days.is_empty()).then(|| {
                json!({"daysOfWeek": days, "availableStartTime": start, "availableEndTime": end})
            })
        })
        .collect()
}

struct Builder<'a> {
    plan: &'a CarePlan,
    seed: String,
    entries: Vec<Value>,
    seen: BTreeSet<String>,
}

impl Builder<'_> {
    fn url(&self, key: &str) -> String {
        format!("urn:uuid:{}", self.id(key))
    }

    fn id(&self, key: &str) -> Uuid {
        Uuid::new_v5(&NAMESPACE, format!("{}|{key}", self.seed).as_bytes())
    }

    /// Adds a resource once per key; returns its full URL.
    fn add(&mut self, key: &str, mut resource: Value) -> String {
        let url = self.url(key);
        if self.seen.insert(key.to_string()) {
            if let Some(obj) = resource.as_object_mut() {
                obj.insert("id".into(), json!(self.id(key).to_string()));
            }
            self.entries
                .push(json!({"fullUrl": url, "resource": resource}));
        }
        url
    }

    fn patient(&mut self) -> String {
        let mut p = json!({
            "resourceType": "Patient",
            "communication": [{
                "language": {"coding": [{"system": "urn:ietf:bcp:47", "code": self.plan.language}]},
                "preferred": true
            }]
        });
        if let Some(id) = &self.plan.profile_id {
            p["identifier"] = json!([{"system": PROFILE_ID_SYSTEM, "value": id}]);
        }
        self.add("patient", p)
    }

    fn condition(&mut self, goal: &Goal, patient: &str) -> String {
        let info = goal.domain.info();
        let mut coding: Vec<Value> = info
            .clinical_codes
            .iter()
            .filter(|c| c.system != "LOINC")
            .filter_map(|c| {
                system_uri(&c.system)
                    .map(|s| json!({"system": s, "code": c.code, "display": c.display}))
            })
            .collect();
        coding
            .push(json!({"system": NEED_DOMAIN_SYSTEM, "code": info.code, "display": info.label}));
        let mut c = json!({
            "resourceType": "Condition",
            "meta": {"profile": [format!("{SDOHCC_PROFILE}SDOHCC-Condition")]},
            "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
            "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "confirmed"}]},
            "category": [
                {"coding": [{"system": "http://hl7.org/fhir/us/core/CodeSystem/condition-category", "code": "health-concern", "display": "Health Concern"}]},
                category(goal)
            ],
            "code": {"coding": coding, "text": info.label},
            "subject": {"reference": patient}
        });
        let mut notes: Vec<Value> = goal.note.iter().map(|n| json!({"text": n})).collect();
        notes.extend(
            goal.evidence
                .iter()
                .map(|e| json!({"text": format!("{}: {}", e.instrument, e.text)})),
        );
        if !notes.is_empty() {
            c["note"] = Value::Array(notes);
        }
        let evidence: Vec<Value> = goal
            .evidence
            .iter()
            .flat_map(|e| &e.answers)
            .map(|a| a.item.as_str())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .map(|item| json!({"code": [{"coding": [{"system": "http://loinc.org", "code": item}]}]}))
            .collect();
        if !evidence.is_empty() {
            c["evidence"] = Value::Array(evidence);
        }
        if let Some(created) = &self.plan.created {
            c["recordedDate"] = json!(created.at.as_str());
        }
        self.add(&format!("condition|{}", info.code), c)
    }

    fn goal(&mut self, goal: &Goal, patient: &str, condition: &str) -> String {
        let info = goal.domain.info();
        let priority = match goal.urgency {
            Urgency::High => "high-priority",
            Urgency::Medium => "medium-priority",
            Urgency::Low => "low-priority",
        };
        let achieved = goal
            .referrals
            .iter()
            .any(|r| r.lifecycle.status() == TaskStatus::Completed);
        let mut g = json!({
            "resourceType": "Goal",
            "meta": {"profile": [format!("{SDOHCC_PROFILE}SDOHCC-Goal")]},
            "lifecycleStatus": if achieved { "completed" } else { "active" },
            "achievementStatus": {"coding": [{
                "system": "http://terminology.hl7.org/CodeSystem/goal-achievement",
                "code": if achieved { "achieved" } else { "in-progress" }
            }]},
            "category": [category(goal)],
            "priority": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/goal-priority", "code": priority}]},
            "description": {"text": format!("{}: get the help needed", info.label)},
            "subject": {"reference": patient},
            "addresses": [{"reference": condition}]
        });
        if let Some(date) = self.plan.created.as_ref().and_then(|c| c.at.date()) {
            g["startDate"] = json!(date.to_string());
        }
        self.add(&format!("goal|{}", info.code), g)
    }

    /// Organization, Location and HealthcareService of a referral: (service, organization).
    fn performer(&mut self, r: &PlanReferral) -> (String, String) {
        let place = r.place.as_ref();
        let org_key = match place {
            Some(p) => format!("organization|{}", p.organization_id),
            None => format!("organization-name|{}", r.organization_name.to_lowercase()),
        };
        let mut org =
            json!({"resourceType": "Organization", "active": true, "name": r.organization_name});
        if let Some(p) = place {
            org["identifier"] = json!([{"system": HSDS_ORGANIZATION, "value": p.organization_id}]);
        }
        let org_url = self.add(&org_key, org);
        let mut service = json!({
            "resourceType": "HealthcareService",
            "identifier": [
                {"system": HSDS_SERVICE_AT_LOCATION, "value": r.service_at_location_id},
                {"system": HSDS_SERVICE, "value": r.service_id}
            ],
            "active": true,
            "providedBy": {"reference": org_url},
            "name": r.service_name
        });
        let phones: Vec<String> = match place {
            Some(p) if !p.phones.is_empty() => p.phones.clone(),
            _ => r.phone.iter().cloned().collect(),
        };
        let mut telecom: Vec<Value> = phones
            .iter()
            .map(|n| json!({"system": "phone", "value": n}))
            .collect();
        if let Some(p) = place {
            let mut loc = json!({
                "resourceType": "Location",
                "identifier": [{"system": HSDS_LOCATION, "value": p.location_id}],
                "status": "active",
                "mode": "instance",
                "managingOrganization": {"reference": org_url}
            });
            if let Some(name) = &p.location_name {
                loc["name"] = json!(name);
            }
            if let Some(a) = p.address.as_ref().or(r.address.as_ref()) {
                loc["address"] = json!({"text": a});
            }
            if let (Some(lat), Some(lon)) = (p.latitude, p.longitude) {
                loc["position"] = json!({"latitude": lat, "longitude": lon});
            }
            let loc_url = self.add(&format!("location|{}", p.location_id), loc);
            service["location"] = json!([{"reference": loc_url}]);
            let times = available_time(&p.hours);
            if !times.is_empty() {
                service["availableTime"] = Value::Array(times);
            }
            if let Some(url) = p.website.as_deref().filter(|u| u.starts_with("http")) {
                telecom.push(json!({"system": "url", "value": url}));
            }
        }
        if !telecom.is_empty() {
            service["telecom"] = Value::Array(telecom);
        }
        let service_url = self.add(&format!("service|{}", r.service_at_location_id), service);
        (service_url, org_url)
    }

    fn provenance(&mut self, task_key: &str, task: &str, i: usize, c: &StatusChange) -> String {
        let mut text = format!("{} -> {}", c.from, c.to);
        if let Some(v) = &c.vendor_status {
            text.push_str(&format!(" ({v})"));
        }
        if let Some(reason) = &c.reason {
            text.push_str(&format!(": {reason}"));
        }
        let p = json!({
            "resourceType": "Provenance",
            "target": [{"reference": task}],
            "recorded": c.at.as_str(),
            "activity": {
                "coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-DataOperation", "code": "UPDATE"}],
                "text": text
            },
            "agent": [{"who": {"display": c.by}}]
        });
        self.add(&format!("{task_key}|provenance|{i}"), p)
    }

    fn referral(
        &mut self,
        goal: &Goal,
        r: &PlanReferral,
        patient: &str,
        condition: &str,
        goal_url: &str,
    ) {
        let (service, org) = self.performer(r);
        let status = r.lifecycle.status();
        let requester = self
            .plan
            .created
            .as_ref()
            .map(|c| c.by.clone())
            .or_else(|| r.lifecycle.history().first().map(|c| c.by.clone()))
            .unwrap_or_else(|| "carenav".into());
        let mut sr = json!({
            "resourceType": "ServiceRequest",
            "meta": {"profile": [format!("{SDOHCC_PROFILE}SDOHCC-ServiceRequest")]},
            "extension": [{
                "url": "http://hl7.org/fhir/StructureDefinition/resource-pertainsToGoal",
                "valueReference": {"reference": goal_url}
            }],
            "status": service_request_status(status),
            "intent": "order",
            "category": [category(goal)],
            "priority": if goal.urgency == Urgency::High { "urgent" } else { "routine" },
            "code": {"text": r.service_name},
            "subject": {"reference": patient},
            "requester": {"display": requester},
            "performer": [{"reference": service}, {"reference": org}],
            "reasonReference": [{"reference": condition}]
        });
        if r.do_not_contact {
            sr["orderDetail"] = json!([{"coding": [{
                "system": SDOHCC_CODES,
                "code": "contacting-subject-prohibited",
                "display": "Contacting Subject Prohibited"
            }]}]);
        }
        let created = self.plan.created.as_ref().map(|c| c.at.as_str());
        if let Some(at) = created {
            sr["authoredOn"] = json!(at);
        }
        let sr_url = self.add(&format!("service-request|{}", r.id), sr);
        let task_key = format!("task|{}", r.id);
        let task_url = self.url(&task_key);
        let history: Vec<Value> = r
            .lifecycle
            .history()
            .iter()
            .enumerate()
            .map(|(i, c)| json!({"reference": self.provenance(&task_key, &task_url, i, c)}))
            .collect();
        let mut task = json!({
            "resourceType": "Task",
            "meta": {"profile": [format!("{SDOHCC_PROFILE}SDOHCC-TaskForReferralManagement")]},
            "status": status.code(),
            "intent": "order",
            "code": {"coding": [{"system": "http://hl7.org/fhir/CodeSystem/task-code", "code": "fulfill"}]},
            "focus": {"reference": sr_url},
            "for": {"reference": patient},
            "requester": {"display": requester},
            "owner": {"reference": org}
        });
        if let Some(reason) = r.lifecycle.status_reason() {
            task["statusReason"] = json!({"text": reason});
        }
        if let Some(v) = r
            .lifecycle
            .history()
            .last()
            .and_then(|c| c.vendor_status.as_ref())
        {
            task["businessStatus"] = json!({"text": v});
        }
        if let Some(at) = created.or_else(|| r.lifecycle.history().first().map(|c| c.at.as_str())) {
            task["authoredOn"] = json!(at);
        }
        if let Some(last) = r.lifecycle.history().last() {
            task["lastModified"] = json!(last.at.as_str());
        }
        if !history.is_empty() {
            task["relevantHistory"] = Value::Array(history);
        }
        self.add(&task_key, task);
    }
}

/// The plan as a FHIR R4 Bundle (see the module docs).
pub fn bundle(plan: &CarePlan) -> Value {
    let seed = format!(
        "{}|{}",
        plan.profile_id.as_deref().unwrap_or(""),
        plan.created.as_ref().map_or("", |c| c.at.as_str())
    );
    let mut b = Builder {
        plan,
        seed,
        entries: Vec::new(),
        seen: BTreeSet::new(),
    };
    let patient = b.patient();
    for goal in &plan.goals {
        let condition = b.condition(goal, &patient);
        let goal_url = b.goal(goal, &patient, &condition);
        for r in &goal.referrals {
            b.referral(goal, r, &patient, &condition, &goal_url);
        }
    }
    let mut bundle = json!({
        "resourceType": "Bundle",
        "id": b.id("bundle").to_string(),
        "type": "collection",
        "entry": b.entries
    });
    if let Some(c) = &plan.created {
        bundle["timestamp"] = json!(c.at.as_str());
    }
    bundle
}
