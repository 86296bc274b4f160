//! Client profiles to query a synthetic directory with.

use carenav_core::profile::{ClientProfile, Need, ProfileLocation, Urgency};
use carenav_core::{Gender, Situation};

use crate::SynthError;
use crate::generate::{domain_weight, metro_weights, offset};
use crate::rng::Rng;
use crate::tables::tables;

/// Situations profiles state, with how often.
const ATTRIBUTES: &[(Situation, f64)] = &[
    (Situation::Veteran, 0.06),
    (Situation::Disability, 0.08),
    (Situation::Pregnant, 0.03),
    (Situation::FamilyWithChildren, 0.2),
    (Situation::Homeless, 0.05),
    (Situation::Lgbtq, 0.04),
];

/// `count` client profiles near the directory's metro areas, each with 1
/// to 4 distinct needs. The same seed gives the same profiles.
pub fn profiles(seed: u64, count: usize) -> Result<Vec<ClientProfile>, SynthError> {
    let t = tables()?;
    let domains = carenav_core::needs::all()?;
    let weights: Vec<f64> = domains.iter().map(|d| domain_weight(d.code())).collect();
    let metro_w = metro_weights(t);
    let mut rng = Rng::fork(seed, 2);
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let metro = t
            .metros
            .get(rng.weighted(&metro_w))
            .ok_or_else(|| SynthError::Table {
                file: "crates/carenav-synth/data/metros.json",
                message: "no metros".to_owned(),
            })?;
        let (x, y) = rng.in_unit_disk();
        let r = metro.spread_km * 0.8 * rng.unit();
        let (latitude, longitude) = offset(metro.lat, metro.lon, x * r, y * r);
        let n_needs = 1 + rng.weighted(&[0.35, 0.3, 0.2, 0.15]);
        let mut needs: Vec<Need> = Vec::new();
        while needs.len() < n_needs {
            let Some(domain) = domains.get(rng.weighted(&weights)).copied() else {
                break;
            };
            if needs.iter().any(|n| n.domain == domain) {
                continue;
            }
            let urgency = *rng
                .pick(&[
                    Urgency::Low,
                    Urgency::Medium,
                    Urgency::Medium,
                    Urgency::High,
                ])
                .unwrap_or(&Urgency::Medium);
            let note = if rng.chance(0.25) {
                rng.pick(&domain.info().keywords)
                    .map(|k| format!("Client asked about {k} this week"))
            } else {
                None
            };
            needs.push(Need {
                domain,
                urgency,
                note,
                evidence: Vec::new(),
            });
        }
        let age = rng.chance(0.8).then(|| {
            if rng.chance(0.06) {
                rng.range(14, 17)
            } else {
                rng.range(18, 88)
            }
        });
        let gender = rng.chance(0.6).then(|| {
            *rng.pick(&[
                Gender::Female,
                Gender::Female,
                Gender::Male,
                Gender::Male,
                Gender::NonBinary,
            ])
            .unwrap_or(&Gender::Female)
        });
        let (household_size, monthly_income) = if rng.chance(0.6) {
            (
                Some(rng.range(1, 6)),
                Some(f64::from(rng.range(0, 60)) * 100.0),
            )
        } else {
            (None, None)
        };
        let languages = match rng.below(10) {
            0..=5 => vec!["en".to_owned()],
            6 | 7 => vec!["es".to_owned(), "en".to_owned()],
            8 => vec![
                rng.pick(&["zh", "vi", "ko", "ru", "ar", "ht"])
                    .copied()
                    .unwrap_or("zh")
                    .to_owned(),
            ],
            _ => Vec::new(),
        };
        let attributes = ATTRIBUTES
            .iter()
            .filter(|(_, p)| rng.chance(*p))
            .map(|(s, _)| *s)
            .collect();
        let max_distance_km = match rng.below(10) {
            0..=4 => None,
            5..=7 => Some(10.0),
            _ => Some(40.0),
        };
        out.push(ClientProfile {
            id: Some(format!("synthetic-{seed}-{i}")),
            location: ProfileLocation::Point {
                latitude,
                longitude,
            },
            max_distance_km,
            age,
            gender,
            household_size,
            monthly_income,
            languages,
            attributes,
            insurance: Vec::new(),
            needs,
        });
    }
    Ok(out)
}
