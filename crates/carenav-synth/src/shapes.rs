//! The query shapes issue 6 measures, as reshaped synthetic profiles, so
//! the criterion suite and the profiling example query the same things.

use carenav_core::matching::ScoringWeights;
use carenav_core::needs::NeedDomain;
use carenav_core::profile::{ClientProfile, Need, Urgency};

use crate::SynthError;
use crate::profiles::profiles;

/// One kind of query a case manager's screen sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryShape {
    /// One need with a note (text), eligibility facts, a 10 km radius.
    SingleNeed,
    /// Exactly four needs, the default radius.
    FourNeeds,
    /// "Serves my address": one need, a 1 km radius, so what is found is
    /// mostly found by its service area (county, state, nationwide; virtual
    /// or unmapped places).
    ServiceArea,
    /// Browse by distance: one need, no text, relevance and freshness off
    /// (see [`QueryShape::weights`]).
    Browse,
}

impl QueryShape {
    /// Every shape, in the order the benchmarks run them.
    pub const ALL: [QueryShape; 4] = [
        QueryShape::SingleNeed,
        QueryShape::FourNeeds,
        QueryShape::ServiceArea,
        QueryShape::Browse,
    ];

    /// A short name for reports and command lines (`single-need`, ...).
    pub fn name(self) -> &'static str {
        match self {
            QueryShape::SingleNeed => "single-need",
            QueryShape::FourNeeds => "four-needs",
            QueryShape::ServiceArea => "service-area",
            QueryShape::Browse => "browse",
        }
    }

    /// The shape named `name` (see [`QueryShape::name`]).
    pub fn parse(name: &str) -> Option<QueryShape> {
        QueryShape::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The scoring weights the shape is ranked with.
    pub fn weights(self) -> ScoringWeights {
        match self {
            QueryShape::Browse => ScoringWeights {
                relevance_half: 0.0,
                freshness_floor: 1.0,
                ..ScoringWeights::default()
            },
            _ => ScoringWeights::default(),
        }
    }

    /// `count` synthetic profiles (see [`profiles`]) reshaped to this shape.
    ///
    /// ```
    /// use carenav_synth::QueryShape;
    /// let four = QueryShape::FourNeeds.profiles(2026, 3).unwrap();
    /// assert!(four.iter().all(|p| p.needs.len() == 4));
    /// ```
    pub fn profiles(self, seed: u64, count: usize) -> Result<Vec<ClientProfile>, SynthError> {
        let mut out = profiles(seed, count)?;
        for p in &mut out {
            match self {
                QueryShape::SingleNeed => single_need(p),
                QueryShape::FourNeeds => four_needs(p),
                QueryShape::ServiceArea => service_area(p),
                QueryShape::Browse => browse(p),
            }
        }
        Ok(out)
    }
}

fn single_need(p: &mut ClientProfile) {
    p.needs.truncate(1);
    if let Some(need) = p.needs.first_mut()
        && need.note.is_none()
    {
        need.note = need
            .domain
            .info()
            .keywords
            .first()
            .map(|k| format!("asked about {k}"));
    }
    p.max_distance_km = Some(10.0);
    p.age.get_or_insert(40);
}

fn four_needs(p: &mut ClientProfile) {
    let extra = [
        "food-insecurity",
        "housing-instability",
        "medical-care",
        "employment-status",
        "legal-aid",
    ];
    for code in extra {
        if p.needs.len() >= 4 {
            break;
        }
        let Ok(domain) = NeedDomain::parse(code) else {
            continue;
        };
        if !p.needs.iter().any(|n| n.domain == domain) {
            p.needs.push(Need {
                domain,
                urgency: Urgency::Medium,
                note: None,
                evidence: Vec::new(),
            });
        }
    }
    p.needs.truncate(4);
}

fn service_area(p: &mut ClientProfile) {
    p.needs.truncate(1);
    let codes = [
        "legal-aid",
        "financial-insecurity",
        "health-insurance-coverage-status",
        "mental-health",
    ];
    let i = p.id.as_deref().map_or(0, str::len) % codes.len();
    if let (Some(need), Ok(domain)) = (p.needs.first_mut(), NeedDomain::parse(codes[i])) {
        need.domain = domain;
        need.note = None;
    }
    p.max_distance_km = Some(1.0);
}

fn browse(p: &mut ClientProfile) {
    p.needs.truncate(1);
    for n in &mut p.needs {
        n.note = None;
    }
    p.max_distance_km = None;
}
