//! The directory generator: organizations, their places and services.

use carenav_core::eligibility::{AgeRange, Confidence, Constraint, IncomeLimit};
use carenav_core::needs::NeedDomain;
use carenav_core::{
    Address, AddressType, Attribute, Date, Directory, Gender, Language, Location, LocationType,
    Organization, Phone, RequiredDocument, Schedule, Service, ServiceArea, ServiceAtLocation,
    ServiceStatus, Situation, TaxonomyTerm, TimeOfDay, Weekday,
};

use crate::rng::{Rng, cos_deg};
use crate::tables::{Metro, Tables, tables};
use crate::{SynthError, SynthOptions};

/// Kinds of record, as the second group of their ids.
const ORG: u16 = 0x0a;
const SERVICE: u16 = 0x5e;
const LOCATION: u16 = 0x10;
const LINK: u16 = 0x5a;
const TERM: u16 = 0x7e;

/// Km per degree of latitude.
const KM_PER_DEG: f64 = 111.32;

/// A UUID-shaped id (version 4, variant 1 bits set) made of the seed, the
/// record kind and a counter: unique, stable, and readable.
pub(crate) fn id(seed: u64, kind: u16, n: u64) -> String {
    format!("{:08x}-{kind:04x}-4000-8000-{n:012x}", seed & 0xffff_ffff)
}

/// Relative frequency of each domain among services (and needs).
pub(crate) fn domain_weight(code: &str) -> f64 {
    match code {
        "food-insecurity" => 10.0,
        "housing-instability" | "medical-care" => 7.0,
        "mental-health" | "employment-status" | "legal-aid" => 5.0,
        "homelessness" | "financial-insecurity" | "health-insurance-coverage-status" => 4.0,
        "substance-use" | "childcare" | "utility-insecurity" | "transportation-insecurity" => 3.0,
        "elder-abuse" | "stress" | "medical-cost-burden" => 1.0,
        _ => 2.0,
    }
}

/// Who a domain's population restriction is usually for.
fn domain_population(code: &str) -> Option<Situation> {
    Some(match code {
        "veteran-status" => Situation::Veteran,
        "homelessness" => Situation::Homeless,
        "intimate-partner-violence" => Situation::DomesticViolenceSurvivor,
        "incarceration-status" => Situation::JusticeInvolved,
        "immigration" => Situation::Immigrant,
        "substance-use" => Situation::InRecovery,
        "disability-support" => Situation::Disability,
        "parenting" | "childcare" => Situation::FamilyWithChildren,
        _ => return None,
    })
}

const OTHER_POPULATIONS: &[(Situation, &str)] = &[
    (Situation::Senior, "Seniors only."),
    (Situation::Youth, "For youth and young adults."),
    (
        Situation::FamilyWithChildren,
        "Families with children only.",
    ),
    (Situation::Disability, "For people with disabilities."),
    (Situation::Pregnant, "For pregnant women."),
    (Situation::Lgbtq, "Serves LGBTQ+ people."),
    (Situation::Student, "Students only."),
    (Situation::Caregiver, "For family caregivers."),
    (
        Situation::FosterYouth,
        "For current and former foster youth.",
    ),
    (Situation::Veteran, "Veterans only."),
];

/// Unit octagon, for service-area polygons (exact constants, no trigonometry).
const OCTAGON: [(f64, f64); 8] = [
    (1.0, 0.0),
    (
        std::f64::consts::FRAC_1_SQRT_2,
        std::f64::consts::FRAC_1_SQRT_2,
    ),
    (0.0, 1.0),
    (
        -std::f64::consts::FRAC_1_SQRT_2,
        std::f64::consts::FRAC_1_SQRT_2,
    ),
    (-1.0, 0.0),
    (
        -std::f64::consts::FRAC_1_SQRT_2,
        -std::f64::consts::FRAC_1_SQRT_2,
    ),
    (0.0, -1.0),
    (
        std::f64::consts::FRAC_1_SQRT_2,
        -std::f64::consts::FRAC_1_SQRT_2,
    ),
];

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// The point `dx_km` east and `dy_km` north of (lat, lon), rounded to 6
/// decimals (about 0.1 m), clamped to valid coordinates.
pub(crate) fn offset(lat: f64, lon: f64, dx_km: f64, dy_km: f64) -> (f64, f64) {
    let lat2 = (lat + dy_km / KM_PER_DEG).clamp(-89.9, 89.9);
    let lon2 = lon + dx_km / (KM_PER_DEG * cos_deg(lat2).max(0.01));
    (round6(lat2), round6(lon2.clamp(-180.0, 180.0)))
}

/// The metro weights of the table.
pub(crate) fn metro_weights(t: &Tables) -> Vec<f64> {
    t.metros.iter().map(|m| m.weight).collect()
}

fn fill(template: &str, town: &str) -> String {
    template.replace("{town}", town)
}

/// The whole directory generator; see [`crate::Generator`].
pub(crate) struct State {
    seed: u64,
    rng: Rng,
    tables: &'static Tables,
    today: Date,
    domains: Vec<NeedDomain>,
    domain_weights: Vec<f64>,
    metro_weights: Vec<f64>,
    /// Taxonomy terms (one per distinct Open Eligibility name) and, per
    /// domain, the indices of its terms.
    terms: Vec<TaxonomyTerm>,
    domain_terms: Vec<Vec<usize>>,
    remaining: usize,
    counters: [u64; 4],
}

impl State {
    pub(crate) fn new(options: &SynthOptions) -> Result<Self, SynthError> {
        let tables = tables()?;
        let domains = carenav_core::needs::all()?;
        let mut terms: Vec<TaxonomyTerm> = Vec::new();
        let mut domain_terms = Vec::with_capacity(domains.len());
        for d in &domains {
            let mut mine = Vec::new();
            for oe in &d.info().open_eligibility {
                let at = match terms.iter().position(|t| t.name == oe.name) {
                    Some(i) => i,
                    None => {
                        terms.push(TaxonomyTerm {
                            id: id(options.seed, TERM, terms.len() as u64),
                            code: Some(oe.id.to_string()),
                            name: oe.name.clone(),
                            description: format!("Open Eligibility service term {}", oe.name),
                            parent_id: None,
                            taxonomy: Some("open-eligibility".to_owned()),
                        });
                        terms.len() - 1
                    }
                };
                if !mine.contains(&at) {
                    mine.push(at);
                }
            }
            domain_terms.push(mine);
        }
        Ok(State {
            seed: options.seed,
            rng: Rng::fork(options.seed, 1),
            tables,
            today: options.today,
            domain_weights: domains.iter().map(|d| domain_weight(d.code())).collect(),
            domains,
            metro_weights: metro_weights(tables),
            terms,
            domain_terms,
            remaining: options.services,
            counters: [0; 4],
        })
    }

    pub(crate) fn remaining(&self) -> usize {
        self.remaining
    }

    fn next_id(&mut self, kind: u16) -> String {
        let slot = match kind {
            ORG => 0,
            SERVICE => 1,
            LOCATION => 2,
            _ => 3,
        };
        let n = self.counters[slot];
        self.counters[slot] += 1;
        id(self.seed, kind, n)
    }

    /// Whole organizations until about `max_services` services are made
    /// (or the total is reached). Each batch carries every taxonomy term.
    pub(crate) fn batch(&mut self, max_services: usize) -> Directory {
        let mut dir = Directory {
            taxonomy_terms: self.terms.clone(),
            ..Directory::default()
        };
        while self.remaining > 0 && dir.services.len() < max_services.max(1) {
            self.organization(&mut dir);
        }
        dir
    }

    fn organization(&mut self, dir: &mut Directory) {
        let t = self.tables;
        let metro_i = self.rng.weighted(&self.metro_weights);
        let Some(metro) = t.metros.get(metro_i) else {
            return;
        };
        let rural = self.rng.chance(0.08);
        let (base_lat, base_lon, town) = if rural {
            let (x, y) = self.rng.in_unit_disk();
            let norm = (x * x + y * y).max(1e-6);
            // 40-160 km from the centre, in a random direction.
            let dist = 40.0 + 120.0 * self.rng.unit();
            let scale = dist / norm.sqrt();
            let (lat, lon) = offset(metro.lat, metro.lon, x * scale, y * scale);
            let town = self.rng.pick(&t.rural_towns).cloned().unwrap_or_default();
            (lat, lon, town)
        } else {
            let (x, y) = self.rng.in_unit_disk();
            // Denser in the centre: radius scaled by a uniform draw.
            let r = metro.spread_km * self.rng.unit();
            let (lat, lon) = offset(metro.lat, metro.lon, x * r, y * r);
            let town = self.rng.pick(&metro.towns).cloned().unwrap_or_default();
            (lat, lon, town)
        };
        let org_id = self.next_id(ORG);
        let name = self.org_name(&town);
        dir.organizations.push(Organization {
            id: org_id.clone(),
            name: name.clone(),
            description: format!("{name} serves residents of {town} and nearby communities."),
            website: self
                .rng
                .chance(0.6)
                .then(|| format!("https://example.org/{}", &org_id[24..])),
            legal_status: Some("non-profit".to_owned()),
            ..Organization::default()
        });
        // Places: mostly one, some multi-site; a few virtual or unmapped.
        let n_places = match self.rng.below(10) {
            0..=6 => 1,
            7 | 8 => 2,
            _ => 3,
        };
        let mut places: Vec<usize> = Vec::new();
        for _ in 0..n_places {
            let (x, y) = self.rng.in_unit_disk();
            let (lat, lon) = offset(base_lat, base_lon, x * 8.0, y * 8.0);
            let kind = match self.rng.below(100) {
                0..=7 => LocationType::Virtual,
                _ => LocationType::Physical,
            };
            let mapped = kind == LocationType::Physical && !self.rng.chance(0.04);
            let location = self.location(
                &org_id,
                metro,
                &town,
                kind,
                mapped.then_some((lat, lon)),
                rural,
            );
            places.push(dir.locations.len());
            dir.locations.push(location);
        }
        let n_services = match self.rng.below(20) {
            0..=7 => 1,
            8..=12 => 2,
            13..=15 => 3,
            16 | 17 => 4,
            _ => 5 + self.rng.below(2),
        }
        .min(self.remaining);
        for _ in 0..n_services {
            let first = self.rng.below(places.len());
            let mut at = vec![first];
            if places.len() > 1 && self.rng.chance(0.15) {
                at = (0..places.len()).collect();
            }
            let locs: Vec<&Location> = at
                .iter()
                .filter_map(|i| places.get(*i))
                .filter_map(|p| dir.locations.get(*p))
                .collect();
            let service = self.service(&org_id, &name, metro_i, metro, &town, rural, &locs);
            for loc in &locs {
                let link = ServiceAtLocation {
                    id: self.next_id(LINK),
                    service_id: service.id.clone(),
                    location_id: loc.id.clone(),
                    ..ServiceAtLocation::default()
                };
                dir.service_at_locations.push(link);
            }
            dir.services.push(service);
            self.remaining -= 1;
        }
    }

    fn org_name(&mut self, town: &str) -> String {
        let v = &self.tables.vocab;
        let pattern = self.rng.pick(&v.org_patterns).cloned().unwrap_or_default();
        let noun = self.rng.pick(&v.org_nouns).cloned().unwrap_or_default();
        let adj = self
            .rng
            .pick(&v.org_adjectives)
            .cloned()
            .unwrap_or_default();
        let saint = self.rng.pick(&v.saints).cloned().unwrap_or_default();
        pattern
            .replace("{town}", town)
            .replace("{noun}", &noun)
            .replace("{adj}", &adj)
            .replace("{saint}", &saint)
    }

    fn location(
        &mut self,
        org_id: &str,
        metro: &Metro,
        town: &str,
        kind: LocationType,
        point: Option<(f64, f64)>,
        rural: bool,
    ) -> Location {
        let v = &self.tables.vocab;
        let id = self.next_id(LOCATION);
        let mut loc = Location {
            id,
            location_type: kind,
            organization_id: Some(org_id.to_owned()),
            point: point.and_then(|(lat, lon)| carenav_core::GeoPoint::new(lat, lon)),
            ..Location::default()
        };
        if kind == LocationType::Virtual {
            loc.name = Some(
                if self.rng.chance(0.5) {
                    "Phone line"
                } else {
                    "Online"
                }
                .to_owned(),
            );
            loc.url = Some(format!("https://example.org/help/{}", &loc.id[24..]));
        } else {
            let street = self.rng.pick(&v.streets).cloned().unwrap_or_default();
            let street_type = self.rng.pick(&v.street_types).cloned().unwrap_or_default();
            let number = self.rng.range(100, 9899);
            loc.name = Some(if rural {
                format!("{town} Office")
            } else {
                format!("{town} {street} Site")
            });
            loc.addresses.push(Address {
                address_type: AddressType::Physical,
                address_1: format!("{number} {street} {street_type}"),
                city: town.to_owned(),
                state_province: metro.state.clone(),
                postal_code: format!("{}{:02}", metro.zip3, self.rng.below(100)),
                country: "US".to_owned(),
                ..Address::default()
            });
            if self.rng.chance(0.8) {
                loc.schedules = self.schedules();
            }
        }
        loc.phones.push(self.phone());
        loc
    }

    fn phone(&mut self) -> Phone {
        Phone {
            number: format!(
                "({}) 555-{:04}",
                self.rng.range(201, 989),
                self.rng.below(10_000)
            ),
            kind: Some("voice".to_owned()),
            ..Phone::default()
        }
    }

    fn schedules(&mut self) -> Vec<Schedule> {
        use Weekday::*;
        let hm = |h: u16, m: u16| (h, m);
        let mut out = Vec::new();
        let (open, close) = match self.rng.below(5) {
            0 => (hm(8, 0), hm(16, 30)),
            1 => (hm(10, 0), hm(18, 0)),
            2 => (hm(9, 0), hm(12, 0)),
            _ => (hm(9, 0), hm(17, 0)),
        };
        let days: &[Weekday] = match self.rng.below(6) {
            0 => &[Monday, Wednesday, Friday],
            1 => &[Tuesday, Thursday],
            _ => &[Monday, Tuesday, Wednesday, Thursday, Friday],
        };
        out.push(weekly(days, open, close));
        if self.rng.chance(0.2) {
            out.push(weekly(&[Saturday], hm(10, 0), hm(14, 0)));
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn service(
        &mut self,
        org_id: &str,
        org_name: &str,
        metro_i: usize,
        metro: &Metro,
        town: &str,
        rural: bool,
        locs: &[&Location],
    ) -> Service {
        let t = self.tables;
        let d_i = self.rng.weighted(&self.domain_weights);
        let domain = self.domains.get(d_i).copied();
        let code = domain.map_or("food-insecurity", NeedDomain::code);
        let vocab = t.vocab.domains.get(code);
        let name = vocab
            .and_then(|v| self.rng.pick(&v.names))
            .map_or_else(|| "Community Services".to_owned(), |n| fill(n, town));
        let mut description = vocab
            .and_then(|v| self.rng.pick(&v.descriptions))
            .cloned()
            .unwrap_or_default();
        let mut attributes = Vec::new();
        let term_of = |rng: &mut Rng, domain_i: usize, attributes: &mut Vec<Attribute>| {
            if let Some(terms) = self.domain_terms.get(domain_i)
                && let Some(ti) = rng.pick(terms)
                && let Some(term) = self.terms.get(*ti)
                && !attributes
                    .iter()
                    .any(|a: &Attribute| a.taxonomy_term_id == term.id)
            {
                attributes.push(Attribute {
                    taxonomy_term_id: term.id.clone(),
                    ..Attribute::default()
                });
            }
        };
        if self.rng.chance(0.85) {
            term_of(&mut self.rng, d_i, &mut attributes);
            if self.rng.chance(0.3) {
                term_of(&mut self.rng, d_i, &mut attributes);
            }
        }
        // A second domain for some services (a pantry that also helps with
        // utility bills).
        if self.rng.chance(0.12) {
            let other = self.rng.weighted(&self.domain_weights);
            if let Some(v) = self
                .domains
                .get(other)
                .and_then(|d| t.vocab.domains.get(d.code()))
            {
                if let Some(extra) = self.rng.pick(&v.descriptions) {
                    description.push(' ');
                    description.push_str(extra);
                }
                if self.rng.chance(0.5) {
                    term_of(&mut self.rng, other, &mut attributes);
                }
            }
        }
        let status = match self.rng.below(100) {
            0 | 1 => ServiceStatus::Inactive,
            2 => ServiceStatus::Defunct,
            3 => ServiceStatus::TemporarilyClosed,
            _ => ServiceStatus::Active,
        };
        let id = self.next_id(SERVICE);
        let mut s = Service {
            url: self
                .rng
                .chance(0.5)
                .then(|| format!("https://example.org/services/{}", &id[24..])),
            id,
            organization_id: org_id.to_owned(),
            name,
            status,
            ..Service::default()
        };
        if self.rng.chance(0.05) {
            s.alternate_name = Some(format!("{org_name} {}", s.name));
        }
        let mut eligibility_text: Vec<String> = Vec::new();
        self.eligibility(&mut s, code, &mut eligibility_text);
        if !eligibility_text.is_empty() {
            s.eligibility_description = Some(eligibility_text.join(" "));
        }
        let v = &t.vocab;
        s.application_process = self.rng.pick(&v.application).cloned();
        if self.rng.chance(0.6) {
            s.fees_description = self.rng.pick(&v.fees).cloned();
        }
        if self.rng.chance(0.3) {
            let n = 1 + self.rng.below(2);
            for _ in 0..n {
                if let Some(doc) = self.rng.pick(&v.documents)
                    && !s.required_documents.iter().any(|d| d.document == *doc)
                {
                    s.required_documents.push(RequiredDocument {
                        document: doc.clone(),
                        ..RequiredDocument::default()
                    });
                }
            }
        }
        // Languages: often unknown, English usually, Spanish often.
        if self.rng.chance(0.7) {
            s.languages.push(language("en", "English"));
            if self.rng.chance(0.45) {
                s.languages.push(language("es", "Spanish"));
            }
            if self.rng.chance(0.12)
                && let Some((c, n)) = self.rng.pick(&v.languages).cloned()
                && !s
                    .languages
                    .iter()
                    .any(|l| l.code.as_deref() == Some(c.as_str()))
            {
                s.languages.push(language(&c, &n));
            }
        }
        if self.rng.chance(0.1) {
            s.interpretation_services =
                Some("Telephone interpreters available in 200 languages.".to_owned());
        }
        if self.rng.chance(0.05) {
            s.schedules.push(Schedule {
                freq: Some(carenav_core::Frequency::Monthly),
                byday: Some("1SA".to_owned()),
                opens_at: TimeOfDay::new(9, 0),
                closes_at: TimeOfDay::new(12, 0),
                description: Some("First Saturday of the month, 9 am to noon".to_owned()),
                ..Schedule::default()
            });
        }
        s.service_areas = self.areas(metro_i, metro, rural, locs, &mut s);
        // Freshness: most verified in the last three years, some stale, a
        // few never.
        let days_ago = match self.rng.below(100) {
            0..=49 => self.rng.below(366),
            50..=79 => 366 + self.rng.below(735),
            80..=94 => 1101 + self.rng.below(1400),
            _ => usize::MAX,
        };
        if days_ago != usize::MAX {
            let day = self.today.days_since_epoch() - days_ago as i64;
            s.assured_date = Date::from_days_since_epoch(day);
        }
        s.description = Some(description);
        s.attributes = attributes;
        s
    }

    fn areas(
        &mut self,
        metro_i: usize,
        metro: &Metro,
        rural: bool,
        locs: &[&Location],
        s: &mut Service,
    ) -> Vec<ServiceArea> {
        let counties = self
            .tables
            .counties
            .get(metro_i)
            .map_or(&[][..], Vec::as_slice);
        let named = |name: &str| ServiceArea {
            name: Some(name.to_owned()),
            ..ServiceArea::default()
        };
        let nearest = |lat: f64, lon: f64| {
            counties
                .iter()
                .min_by(|a, b| {
                    let da = (a.lat - lat).powi(2) + (a.lon - lon).powi(2);
                    let db = (b.lat - lat).powi(2) + (b.lon - lon).powi(2);
                    da.total_cmp(&db)
                })
                .map(|c| c.name.clone())
        };
        let first = locs.first().copied();
        let is_virtual = first.is_some_and(|l| l.location_type == LocationType::Virtual);
        let point = first.and_then(|l| l.point);
        let statewide = format!("Statewide, {}", metro.state);
        if is_virtual {
            return match self.rng.below(100) {
                0..=29 => vec![named("Nationwide")],
                30..=74 => vec![named(&statewide)],
                // No street address to hint the state: name it.
                _ => self
                    .rng
                    .pick(counties)
                    .map(|c| {
                        let name = if c.name.contains(',') {
                            c.name.clone()
                        } else {
                            format!("{}, {}", c.name, metro.state)
                        };
                        vec![named(&name)]
                    })
                    .unwrap_or_default(),
            };
        }
        let Some(p) = point else {
            // An office without map coordinates: found by its area.
            return if self.rng.chance(0.8) && !rural {
                let lat = metro.lat;
                nearest(lat, metro.lon)
                    .map(|n| vec![named(&n)])
                    .unwrap_or_default()
            } else {
                vec![named(&statewide)]
            };
        };
        match self.rng.below(100) {
            0..=54 => Vec::new(),
            _ if rural => vec![named(&statewide)],
            55..=84 => nearest(p.latitude, p.longitude)
                .map(|n| vec![named(&n)])
                .unwrap_or_default(),
            85..=91 => {
                let mut out: Vec<ServiceArea> = nearest(p.latitude, p.longitude)
                    .map(|n| vec![named(&n)])
                    .unwrap_or_default();
                if let Some(c) = self.rng.pick(counties)
                    && out
                        .iter()
                        .all(|a| a.name.as_deref() != Some(c.name.as_str()))
                {
                    out.push(named(&c.name));
                }
                out
            }
            92..=96 => {
                let r = 5.0 + 25.0 * self.rng.unit();
                vec![ServiceArea {
                    name: Some(format!("Within {r:.0} km of {}", s.name)),
                    extent: Some(octagon(p.latitude, p.longitude, r)),
                    extent_type: Some("geojson".to_owned()),
                    ..ServiceArea::default()
                }]
            }
            97 => {
                // Residency written only in the eligibility text.
                if let Some(n) = nearest(p.latitude, p.longitude) {
                    s.eligibility.residency = Constraint::from_text(
                        vec![n.clone()],
                        &format!("Residents of {n} only."),
                        Confidence::High,
                    );
                }
                Vec::new()
            }
            _ => vec![named(&statewide)],
        }
    }

    fn eligibility(&mut self, s: &mut Service, code: &str, text: &mut Vec<String>) {
        let confidence = |rng: &mut Rng| {
            if rng.chance(0.8) {
                Confidence::High
            } else {
                Confidence::Low
            }
        };
        let senior = matches!(code, "social-connection" | "elder-abuse");
        let child = matches!(code, "childcare");
        // Age.
        let r = self.rng.below(100);
        if senior || r < 18 {
            let (min, max, words): (Option<f64>, Option<f64>, &str) = if senior {
                (Some(60.0), None, "Adults 60 and older.")
            } else {
                match self.rng.below(7) {
                    0 => (Some(60.0), None, "Seniors 60 and older."),
                    1 => (Some(55.0), None, "Ages 55 and up."),
                    2 => (Some(18.0), None, "Adults 18 and over."),
                    3 => (Some(12.0), Some(24.0), "Youth ages 12 to 24."),
                    4 => (Some(16.0), Some(24.0), "Young adults 16-24."),
                    5 => (None, Some(17.0), "Children and teens under 18."),
                    _ => (Some(14.0), Some(21.0), "Ages 14-21."),
                }
            };
            let range = AgeRange::client(min, max);
            if self.rng.chance(0.4) {
                s.minimum_age = min;
                s.maximum_age = max;
                s.eligibility.age = Constraint::structured(range, "minimum_age");
            } else {
                let c = confidence(&mut self.rng);
                s.eligibility.age = Constraint::from_text(range, words, c);
            }
            text.push(words.to_owned());
        } else if child && r < 60 {
            let words = "For children ages 0-5.";
            s.eligibility.age = Constraint::from_text(
                AgeRange {
                    min: Some(0.0),
                    max: Some(5.0),
                    of: carenav_core::eligibility::AgeOf::Child,
                },
                words,
                Confidence::High,
            );
            text.push(words.to_owned());
        } else if r < 21 {
            let words = "Age requirements vary by program.";
            s.eligibility.age = Constraint::Unknown {
                text: words.to_owned(),
            };
            text.push(words.to_owned());
        }
        // Gender.
        let r = self.rng.below(100);
        let womens = matches!(
            code,
            "intimate-partner-violence" | "homelessness" | "substance-use"
        );
        if r < 3 || (womens && r < 20) {
            let (g, words) = if self.rng.chance(0.75) {
                (Gender::Female, "Women only.")
            } else {
                (Gender::Male, "Men only.")
            };
            let c = confidence(&mut self.rng);
            s.eligibility.gender = Constraint::from_text(g, words, c);
            text.push(words.to_owned());
        } else if r < 4 {
            let words = "Some programs serve one gender; call to ask.";
            s.eligibility.gender = Constraint::Unknown {
                text: words.to_owned(),
            };
            text.push(words.to_owned());
        }
        // Income.
        let r = self.rng.below(100);
        if r < 22 {
            let (limit, words) = match self.rng.below(20) {
                0..=7 => {
                    let pct = *self
                        .rng
                        .pick(&[130.0, 150.0, 185.0, 200.0, 250.0])
                        .unwrap_or(&200.0);
                    (
                        IncomeLimit::PercentOfPoverty(pct),
                        format!(
                            "Household income at or below {pct:.0}% of the federal poverty level."
                        ),
                    )
                }
                8..=11 => {
                    let m = f64::from(self.rng.range(10, 25)) * 200.0;
                    (
                        IncomeLimit::MonthlyDollars(m),
                        format!("Monthly household income under ${m:.0}."),
                    )
                }
                12..=14 => {
                    let a = f64::from(self.rng.range(20, 60)) * 1000.0;
                    (
                        IncomeLimit::AnnualDollars(a),
                        format!("Annual income below ${a:.0}."),
                    )
                }
                _ => (
                    IncomeLimit::LowIncome,
                    "For low-income households.".to_owned(),
                ),
            };
            let c = confidence(&mut self.rng);
            s.eligibility.income = Constraint::from_text(limit, &words, c);
            text.push(words);
        } else if r < 26 {
            let words = "Income guidelines apply.";
            s.eligibility.income = Constraint::Unknown {
                text: words.to_owned(),
            };
            text.push(words.to_owned());
        }
        // Populations.
        let r = self.rng.below(100);
        let own = domain_population(code);
        if (own.is_some() && r < 40) || r < 12 {
            let (who, words) = match own {
                Some(p) if r < 40 => (p, format!("Serves {} only.", p.label().to_lowercase())),
                _ => {
                    let (p, w) = self
                        .rng
                        .pick(OTHER_POPULATIONS)
                        .copied()
                        .unwrap_or((Situation::Senior, "Seniors only."));
                    (p, w.to_owned())
                }
            };
            let c = confidence(&mut self.rng);
            s.eligibility.populations = Constraint::from_text(vec![who], &words, c);
            text.push(words);
        } else if r < 14 {
            let words = "Priority to residents referred by partner agencies.";
            s.eligibility.populations = Constraint::Unknown {
                text: words.to_owned(),
            };
            text.push(words.to_owned());
        }
        if self.rng.chance(0.04) {
            let words = "Must be enrolled in a partner program.".to_owned();
            s.eligibility.to_verify.push(words.clone());
            text.push(words);
        }
    }
}

/// A weekly opening (times as hours and minutes).
fn weekly(days: &[Weekday], opens: (u16, u16), closes: (u16, u16)) -> Schedule {
    Schedule {
        freq: Some(carenav_core::Frequency::Weekly),
        byday: Some(days.iter().map(|d| d.code()).collect::<Vec<_>>().join(",")),
        opens_at: TimeOfDay::new(opens.0, opens.1),
        closes_at: TimeOfDay::new(closes.0, closes.1),
        ..Schedule::default()
    }
}

fn language(code: &str, name: &str) -> Language {
    Language {
        code: Some(code.to_owned()),
        name: Some(name.to_owned()),
        ..Language::default()
    }
}

/// A GeoJSON octagon of radius `r_km` around (lat, lon).
fn octagon(lat: f64, lon: f64, r_km: f64) -> String {
    let mut ring: Vec<String> = OCTAGON
        .iter()
        .map(|(x, y)| {
            let (la, lo) = offset(lat, lon, x * r_km, y * r_km);
            format!("[{lo:.6},{la:.6}]")
        })
        .collect();
    if let Some(first) = ring.first().cloned() {
        ring.push(first);
    }
    format!(
        "{{\"type\":\"Polygon\",\"coordinates\":[[{}]]}}",
        ring.join(",")
    )
}
