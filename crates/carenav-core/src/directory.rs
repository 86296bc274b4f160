//! The directory: organizations, services, locations and the service-at-location
//! links that matching ranks.
//!
//! The shapes follow Open Referral HSDS 3.0 closely (same field names, same
//! meaning) so that import and export are straightforward mappings. Two things
//! are carenav's own: ids of child records are optional (many real exports have
//! none; the exporter mints stable ones), and every service carries a structured
//! [`Eligibility`] read from HSDS's free text and structured fields.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::eligibility::Eligibility;

/// A whole directory, normalized: every record appears once, linked by id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Directory {
    /// Organizations that run services.
    pub organizations: Vec<Organization>,
    /// Services: what is offered, to whom, on what terms.
    pub services: Vec<Service>,
    /// Places where services are delivered (physical, postal or virtual).
    pub locations: Vec<Location>,
    /// Links between a service and a location: the unit matching ranks.
    pub service_at_locations: Vec<ServiceAtLocation>,
    /// Taxonomy terms referenced by [`Attribute::taxonomy_term_id`].
    pub taxonomy_terms: Vec<TaxonomyTerm>,
}

impl Directory {
    /// Counts of the four main record kinds, as `carenav check` reports them.
    pub fn counts(&self) -> DirectoryCounts {
        DirectoryCounts {
            organizations: self.organizations.len(),
            services: self.services.len(),
            locations: self.locations.len(),
            service_at_locations: self.service_at_locations.len(),
        }
    }

    /// Finds an organization by id (linear; build a map for repeated lookups).
    pub fn organization(&self, id: &str) -> Option<&Organization> {
        self.organizations.iter().find(|o| o.id == id)
    }

    /// Finds a service by id (linear; build a map for repeated lookups).
    pub fn service(&self, id: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.id == id)
    }

    /// Finds a location by id (linear; build a map for repeated lookups).
    pub fn location(&self, id: &str) -> Option<&Location> {
        self.locations.iter().find(|l| l.id == id)
    }
}

/// How many records of each main kind a directory holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryCounts {
    /// Number of organizations.
    pub organizations: usize,
    /// Number of services.
    pub services: usize,
    /// Number of locations.
    pub locations: usize,
    /// Number of service-at-location links.
    pub service_at_locations: usize,
}

/// An organization (HSDS `organization`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Organization {
    /// Unique id (HSDS requires a UUID).
    pub id: String,
    /// Official name.
    pub name: String,
    /// Other name it is known by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternate_name: Option<String>,
    /// What the organization does. HSDS requires it; empty when the source had none.
    #[serde(default)]
    pub description: String,
    /// Contact email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Web site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Legal status (e.g. "non-profit").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_status: Option<String>,
    /// Tax id (e.g. an EIN).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_id: Option<String>,
    /// Year of incorporation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_incorporated: Option<i32>,
    /// Organization-level phones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<Phone>,
}

/// Lifecycle status of a service (HSDS `service.status`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ServiceStatus {
    /// Operating.
    #[default]
    Active,
    /// Not operating now.
    Inactive,
    /// Closed for good.
    Defunct,
    /// Closed for a while.
    #[serde(rename = "temporarily closed")]
    TemporarilyClosed,
}

impl ServiceStatus {
    /// The HSDS spelling of the status.
    pub fn as_str(self) -> &'static str {
        match self {
            ServiceStatus::Active => "active",
            ServiceStatus::Inactive => "inactive",
            ServiceStatus::Defunct => "defunct",
            ServiceStatus::TemporarilyClosed => "temporarily closed",
        }
    }

    /// Parses the HSDS spelling (case-insensitive).
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "active" => Some(ServiceStatus::Active),
            "inactive" => Some(ServiceStatus::Inactive),
            "defunct" => Some(ServiceStatus::Defunct),
            "temporarily closed" => Some(ServiceStatus::TemporarilyClosed),
            _ => None,
        }
    }

    /// Whether a client may be referred to a service with this status.
    pub fn is_referable(self) -> bool {
        self == ServiceStatus::Active
    }
}

/// A service (HSDS `service`), with carenav's structured eligibility.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Service {
    /// Unique id (HSDS requires a UUID).
    pub id: String,
    /// The organization that runs it.
    pub organization_id: String,
    /// Name of the service.
    pub name: String,
    /// Other name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternate_name: Option<String>,
    /// What is offered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Web page of the service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Contact email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Lifecycle status.
    #[serde(default)]
    pub status: ServiceStatus,
    /// Interpretation or translation offered (free text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpretation_services: Option<String>,
    /// How to apply (free text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_process: Option<String>,
    /// Fees (free text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fees_description: Option<String>,
    /// Expected wait (free text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait_time: Option<String>,
    /// Who may use the service, as the source wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligibility_description: Option<String>,
    /// Minimum age in years (HSDS field, kept as given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_age: Option<f64>,
    /// Maximum age in years (HSDS field, kept as given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum_age: Option<f64>,
    /// Date the record was last checked by a person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assured_date: Option<Date>,
    /// Who checked it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assurer_email: Option<String>,
    /// When the record last changed (RFC 3339 date-time as given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// A short notice (e.g. temporary closure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alert: Option<String>,
    /// Service phones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<Phone>,
    /// When the service is available (all its locations).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schedules: Vec<Schedule>,
    /// Where clients must live to be served.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub service_areas: Vec<ServiceArea>,
    /// Languages the service is offered in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Language>,
    /// Costs and fees.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cost_options: Vec<CostOption>,
    /// Documents a client must bring.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required_documents: Vec<RequiredDocument>,
    /// Taxonomy terms classifying the service.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<Attribute>,
    /// carenav's structured reading of who is eligible.
    #[serde(default)]
    pub eligibility: Eligibility,
}

/// Kind of location (HSDS `location.location_type`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LocationType {
    /// A place a client can go to.
    #[default]
    Physical,
    /// A mailing address only.
    Postal,
    /// Online or by phone.
    Virtual,
}

impl LocationType {
    /// The HSDS spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            LocationType::Physical => "physical",
            LocationType::Postal => "postal",
            LocationType::Virtual => "virtual",
        }
    }

    /// Parses the HSDS spelling (case-insensitive).
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "physical" => Some(LocationType::Physical),
            "postal" => Some(LocationType::Postal),
            "virtual" => Some(LocationType::Virtual),
            _ => None,
        }
    }
}

/// A validated WGS 84 coordinate.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GeoPoint {
    /// Latitude in degrees, -90..=90.
    pub latitude: f64,
    /// Longitude in degrees, -180..=180.
    pub longitude: f64,
}

impl GeoPoint {
    /// Builds a point, refusing NaN, infinities and out-of-range values.
    ///
    /// ```
    /// use carenav_core::GeoPoint;
    /// assert!(GeoPoint::new(37.48, -122.23).is_some());
    /// assert!(GeoPoint::new(91.0, 0.0).is_none());
    /// assert!(GeoPoint::new(f64::NAN, 0.0).is_none());
    /// ```
    pub fn new(latitude: f64, longitude: f64) -> Option<Self> {
        let ok = latitude.is_finite()
            && longitude.is_finite()
            && (-90.0..=90.0).contains(&latitude)
            && (-180.0..=180.0).contains(&longitude);
        ok.then_some(GeoPoint {
            latitude,
            longitude,
        })
    }
}

/// A location (HSDS `location`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// Unique id (HSDS requires a UUID).
    pub id: String,
    /// Physical, postal or virtual.
    #[serde(default)]
    pub location_type: LocationType,
    /// The organization the location belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_id: Option<String>,
    /// Name of the place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Other name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternate_name: Option<String>,
    /// Description of the place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// How to get there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transportation: Option<String>,
    /// Web page (for virtual locations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Coordinates, when known and valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub point: Option<GeoPoint>,
    /// Street and mailing addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<Address>,
    /// Phones at this place.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<Phone>,
    /// Opening hours of the place.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schedules: Vec<Schedule>,
    /// Languages spoken at the place.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Language>,
    /// Accessibility features.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accessibility: Vec<Accessibility>,
}

/// Links a service to a location where it is delivered (HSDS `service_at_location`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceAtLocation {
    /// Unique id (HSDS requires a UUID).
    pub id: String,
    /// The service.
    pub service_id: String,
    /// The location.
    pub location_id: String,
    /// Anything specific to this service at this place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Phones for this service at this place.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<Phone>,
    /// Hours of this service at this place.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schedules: Vec<Schedule>,
}

/// Kind of address (HSDS `address.address_type`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AddressType {
    /// Street address of the place.
    #[default]
    Physical,
    /// Mailing address.
    Postal,
    /// Not a place (e.g. online).
    Virtual,
}

impl AddressType {
    /// The HSDS spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            AddressType::Physical => "physical",
            AddressType::Postal => "postal",
            AddressType::Virtual => "virtual",
        }
    }
}

/// An address (HSDS `address`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Address {
    /// Record id, when the source had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Physical, postal or virtual.
    #[serde(default)]
    pub address_type: AddressType,
    /// "Attention" line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attention: Option<String>,
    /// First street line.
    #[serde(default)]
    pub address_1: String,
    /// Second street line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_2: Option<String>,
    /// City.
    #[serde(default)]
    pub city: String,
    /// Region below the state (e.g. county).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// State or province (e.g. "CA").
    #[serde(default)]
    pub state_province: String,
    /// Postal or ZIP code.
    #[serde(default)]
    pub postal_code: String,
    /// ISO 3166-1 alpha-2 country code.
    #[serde(default)]
    pub country: String,
}

impl Address {
    /// One line for people: "330 Twin Dolphin Drive, Redwood City, CA 94065".
    pub fn one_line(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        for part in [Some(self.address_1.as_str()), self.address_2.as_deref()]
            .into_iter()
            .flatten()
        {
            if !part.trim().is_empty() {
                parts.push(part.trim());
            }
        }
        if !self.city.trim().is_empty() {
            parts.push(self.city.trim());
        }
        let mut line = parts.join(", ");
        let tail = format!("{} {}", self.state_province.trim(), self.postal_code.trim());
        if !tail.trim().is_empty() {
            if !line.is_empty() {
                line.push_str(", ");
            }
            line.push_str(tail.trim());
        }
        line
    }
}

/// A phone number (HSDS `phone`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Phone {
    /// Record id, when the source had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The number as written.
    pub number: String,
    /// Extension.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<String>,
    /// Kind: text, voice, fax, cell, video, pager, textphone.
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "type")]
    pub kind: Option<String>,
    /// What the number is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// How often a schedule repeats (HSDS `schedule.freq`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Frequency {
    /// Every week (on `byday`).
    Weekly,
    /// Every month (on `byday` with ordinals like `1SA`, or `bymonthday`).
    Monthly,
}

/// A day of the week, in RFC 5545 order starting Monday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Weekday {
    /// Monday.
    #[serde(rename = "MO")]
    Monday,
    /// Tuesday.
    #[serde(rename = "TU")]
    Tuesday,
    /// Wednesday.
    #[serde(rename = "WE")]
    Wednesday,
    /// Thursday.
    #[serde(rename = "TH")]
    Thursday,
    /// Friday.
    #[serde(rename = "FR")]
    Friday,
    /// Saturday.
    #[serde(rename = "SA")]
    Saturday,
    /// Sunday.
    #[serde(rename = "SU")]
    Sunday,
}

impl Weekday {
    /// All seven days, Monday first.
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// RFC 5545 two-letter code (`MO` … `SU`).
    pub fn code(self) -> &'static str {
        match self {
            Weekday::Monday => "MO",
            Weekday::Tuesday => "TU",
            Weekday::Wednesday => "WE",
            Weekday::Thursday => "TH",
            Weekday::Friday => "FR",
            Weekday::Saturday => "SA",
            Weekday::Sunday => "SU",
        }
    }

    /// Parses an RFC 5545 two-letter code (case-insensitive).
    pub fn from_code(code: &str) -> Option<Self> {
        Weekday::ALL
            .into_iter()
            .find(|d| d.code().eq_ignore_ascii_case(code.trim()))
    }
}

/// Minutes since local midnight, 0..=1440 (1440 = end of day, for "until midnight").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TimeOfDay(u16);

impl TimeOfDay {
    /// Builds a time from hours and minutes; `24:00` is allowed as end of day.
    ///
    /// ```
    /// use carenav_core::TimeOfDay;
    /// assert_eq!(TimeOfDay::new(9, 30).unwrap().to_string(), "09:30");
    /// assert!(TimeOfDay::new(24, 1).is_none());
    /// ```
    pub fn new(hour: u16, minute: u16) -> Option<Self> {
        let total = hour.checked_mul(60)?.checked_add(minute)?;
        (minute < 60 && total <= 24 * 60).then_some(TimeOfDay(total))
    }

    /// Minutes since midnight.
    pub fn minutes(self) -> u16 {
        self.0
    }

    /// Parses `HH:MM` or `HH:MM:SS` (HSDS `opens_at`/`closes_at`); a trailing
    /// `Z` or offset is ignored because HSDS times are local to the location.
    pub fn parse_hsds(text: &str) -> Option<Self> {
        let text = text.trim();
        let core = text.split(['Z', '+', '-']).next().unwrap_or(text);
        let mut parts = core.split(':');
        let hour: u16 = parts.next()?.trim().parse().ok()?;
        let minute: u16 = parts.next()?.trim().parse().ok()?;
        if let Some(seconds) = parts.next() {
            let _: u16 = seconds.trim().parse().ok()?;
        }
        TimeOfDay::new(hour, minute)
    }
}

impl std::fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

/// When something is open (HSDS `schedule`, RFC 5545 recurrence fields).
///
/// A weekly opening is `freq = Weekly`, `byday = [MO, TU]`, `opens_at`,
/// `closes_at`. Text the importer could not read stays in `description`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    /// Record id, when the source had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Repeat frequency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub freq: Option<Frequency>,
    /// RFC 5545 BYDAY, as written (`MO,TU` or `1SA,-1FR`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byday: Option<String>,
    /// Days of the month (RFC 5545 BYMONTHDAY, as written).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bymonthday: Option<String>,
    /// Opening time, local to the location.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opens_at: Option<TimeOfDay>,
    /// Closing time, local to the location.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closes_at: Option<TimeOfDay>,
    /// First day the schedule applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<Date>,
    /// Last day the schedule applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<Date>,
    /// UTC offset in hours of the times (HSDS `timezone`), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<f64>,
    /// Human description (e.g. the source's free-text hours).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Further notes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
}

impl Schedule {
    /// A weekly opening on the given days.
    pub fn weekly(days: &[Weekday], opens_at: TimeOfDay, closes_at: TimeOfDay) -> Self {
        let byday = days.iter().map(|d| d.code()).collect::<Vec<_>>().join(",");
        Schedule {
            freq: Some(Frequency::Weekly),
            byday: Some(byday),
            opens_at: Some(opens_at),
            closes_at: Some(closes_at),
            ..Schedule::default()
        }
    }

    /// The plain weekdays of a weekly schedule (ordinal BYDAY entries such as
    /// `1SA` are skipped).
    pub fn weekdays(&self) -> Vec<Weekday> {
        self.byday
            .as_deref()
            .unwrap_or("")
            .split(',')
            .filter_map(Weekday::from_code)
            .collect()
    }
}

/// An area a service covers (HSDS `service_area`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceArea {
    /// Record id, when the source had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Name of the area ("San Mateo County", "94110", "Statewide").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The area's geometry, encoded per `extent_type`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extent: Option<String>,
    /// `geojson`, `topojson`, `kml` or `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extent_type: Option<String>,
    /// A URI identifying the area.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
}

/// A language (HSDS `language`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Language {
    /// Record id, when the source had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Name in English ("Spanish").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// ISO 639-1 or 639-3 code ("es").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Note (e.g. "interpreter on request").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A cost or fee (HSDS `cost_option`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CostOption {
    /// Record id, when the source had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What the cost is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub option: Option<String>,
    /// ISO 4217 currency code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    /// Description of the amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_description: Option<String>,
    /// First day the cost applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<Date>,
    /// Last day the cost applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_to: Option<Date>,
}

/// A document a client must bring (HSDS `required_document`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RequiredDocument {
    /// Record id, when the source had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The document ("Photo ID", "Proof of income").
    pub document: String,
    /// Where to learn more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
}

/// An accessibility feature of a location (HSDS `accessibility`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Accessibility {
    /// Record id, when the source had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The feature ("wheelchair").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    /// Where to learn more.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Links a record to a taxonomy term (HSDS `attribute`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Attribute {
    /// Record id, when the source had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The term, in [`Directory::taxonomy_terms`].
    pub taxonomy_term_id: String,
    /// A value qualifying the link (e.g. a number for a measured attribute).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// A term of a taxonomy (HSDS `taxonomy_term`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaxonomyTerm {
    /// Unique id (HSDS requires a UUID).
    pub id: String,
    /// The term's code in its taxonomy ("101-02-01", "BD-1800").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Name ("Food Pantry").
    pub name: String,
    /// Description; HSDS requires one, empty when the source had none.
    #[serde(default)]
    pub description: String,
    /// Parent term id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    /// Name of the taxonomy ("open-eligibility", "airs", "carenav-eligibility").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taxonomy: Option<String>,
}
