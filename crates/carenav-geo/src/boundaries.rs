//! US state and county boundaries, and resolving area names to them.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use carenav_core::GeoPoint;
use serde::Serialize;

use crate::GeoError;
use crate::area::{Area, Covering, cover_area};
use crate::cells::latlng;
use crate::names::{
    NATIONWIDE, STATE_ABBREVIATIONS, STATE_ALIASES, STATEWIDE_WORDS, SUBREGION_WORDS, key,
    strip_designator, strip_leading_designator, tokens,
};
use crate::topojson;

/// The shipped boundary file: us-atlas 3.0.1 `counties-10m.json` (Census
/// Bureau cartographic boundaries 2017, 1:10,000,000), see `data/geo/README.md`.
const EMBEDDED_TOPOJSON: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/geo/counties-10m.json"
));

static EMBEDDED: OnceLock<Result<Boundaries, GeoError>> = OnceLock::new();

/// County FIPS codes from 510 up are independent cities (Virginia's, Baltimore,
/// St. Louis, Carson City); Texas' 501-507 are ordinary counties.
const FIRST_CITY_CODE: u32 = 510;

/// A state, DC or territory, or a county (or county equivalent: parish,
/// borough, census area, independent city, municipio), by its Census FIPS code.
///
/// Displays as `state:06` / `county:06081` and parses back from that, so an
/// index can store it as a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AreaRef {
    /// A state by its two-digit FIPS code (California = 6).
    State(u8),
    /// A county by its five-digit FIPS code (San Mateo County, CA = 6081).
    County(u32),
}

impl AreaRef {
    /// The zero-padded FIPS code: "06" or "06081".
    pub fn fips(&self) -> String {
        match self {
            AreaRef::State(f) => format!("{f:02}"),
            AreaRef::County(f) => format!("{f:05}"),
        }
    }
}

impl fmt::Display for AreaRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AreaRef::State(_) => write!(f, "state:{}", self.fips()),
            AreaRef::County(_) => write!(f, "county:{}", self.fips()),
        }
    }
}

impl FromStr for AreaRef {
    type Err = GeoError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let unknown = || GeoError::UnknownArea(s.to_string());
        let (kind, code) = s.split_once(':').ok_or_else(unknown)?;
        match (kind, code.len()) {
            ("state", 2) => code.parse().map(AreaRef::State).map_err(|_| unknown()),
            ("county", 5) => code.parse().map(AreaRef::County).map_err(|_| unknown()),
            _ => Err(unknown()),
        }
    }
}

/// What an area name resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// Exactly this state or county.
    Area(AreaRef),
    /// A part of this area ("Northern San Mateo County", "Unincorporated San
    /// Mateo County"): a client outside `within` is outside the named area, a
    /// client inside may or may not be (a caveat to verify).
    Approximate {
        /// The area that contains the named one.
        within: AreaRef,
        /// Why this is approximate, for a caveat.
        reason: String,
    },
    /// The whole country ("Nationwide", "United States"; also "Worldwide",
    /// which serves every US client too).
    Nationwide,
    /// Not a state or county this crate knows (a city, ZIP code, region,
    /// foreign place, or an ambiguous name): the reason, for a caveat. Never
    /// a reason to exclude a service.
    Unresolved(String),
}

/// A state, DC or territory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct State {
    /// Two-digit FIPS code ("06").
    pub fips: String,
    /// USPS abbreviation ("CA").
    pub abbr: String,
    /// Name ("California").
    pub name: String,
}

/// A county or county equivalent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct County {
    /// Five-digit FIPS code ("06081").
    pub fips: String,
    /// Name without designator, as the Census writes it ("San Mateo").
    pub name: String,
    /// Its state's two-digit FIPS code.
    pub state_fips: String,
    /// Its state's USPS abbreviation.
    pub state_abbr: String,
}

/// Where a point is: its state and (when it falls inside one) its county.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    /// The state, DC or territory.
    pub state: State,
    /// The county, if the point is inside one (the cartographic boundaries
    /// follow the shoreline, so a point in a bay may have none).
    pub county: Option<County>,
}

struct StateEntry {
    code: u8,
    info: State,
    area: Area,
}

struct CountyEntry {
    code: u32,
    info: County,
    area: Area,
}

/// US state and county boundaries with a name index.
///
/// [`Boundaries::embedded`] gives the set shipped with the crate (Census
/// cartographic boundaries 2017 via the `us-atlas` npm package, 56 states and
/// territories, 3,231 counties and equivalents).
pub struct Boundaries {
    states: Vec<StateEntry>,
    counties: Vec<CountyEntry>,
    /// Normalised state names, aliases and abbreviations → index in `states`.
    state_keys: HashMap<String, usize>,
    /// Normalised county names → indexes in `counties`.
    county_keys: HashMap<String, Vec<usize>>,
}

impl fmt::Debug for Boundaries {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Boundaries")
            .field("states", &self.states.len())
            .field("counties", &self.counties.len())
            .finish()
    }
}

/// How a county lookup went.
enum Lookup {
    Found(usize),
    Ambiguous(Vec<usize>),
    Missing,
}

impl Boundaries {
    /// The embedded boundary set, parsed on first use (about 0.1 s in a debug
    /// build) and shared afterwards.
    pub fn embedded() -> Result<&'static Boundaries, GeoError> {
        EMBEDDED
            .get_or_init(|| Boundaries::from_topojson(EMBEDDED_TOPOJSON))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Reads a TopoJSON topology shaped like us-atlas' `counties-10m.json`:
    /// objects `states` (ids = 2-digit FIPS) and `counties` (ids = 5-digit
    /// FIPS), each geometry with a `name` property.
    pub fn from_topojson(bytes: &[u8]) -> Result<Boundaries, GeoError> {
        let topo = topojson::decode(bytes)?;
        let bad_id = |what: &str, id: &str| GeoError::Boundaries {
            path: format!("$.objects.{what}"),
            message: format!("id {id:?} is not a FIPS code"),
        };
        let mut states = Vec::new();
        for f in topo.features("states")? {
            let code: u8 = f.id.parse().map_err(|_| bad_id("states", &f.id))?;
            let abbr = STATE_ABBREVIATIONS
                .iter()
                .find(|(c, _)| *c == code)
                .map_or_else(|| format!("{code:02}"), |(_, a)| (*a).to_string());
            states.push(StateEntry {
                code,
                info: State {
                    fips: format!("{code:02}"),
                    abbr,
                    name: f.name,
                },
                area: Area::new(f.shape),
            });
        }
        states.sort_by_key(|s| s.code);
        let mut counties = Vec::new();
        for f in topo.features("counties")? {
            let code: u32 = f.id.parse().map_err(|_| bad_id("counties", &f.id))?;
            let state_code = code / 1000;
            let state_abbr = states
                .iter()
                .find(|s| u32::from(s.code) == state_code)
                .map_or_else(|| format!("{state_code:02}"), |s| s.info.abbr.clone());
            counties.push(CountyEntry {
                code,
                info: County {
                    fips: format!("{code:05}"),
                    name: f.name,
                    state_fips: format!("{state_code:02}"),
                    state_abbr,
                },
                area: Area::new(f.shape),
            });
        }
        counties.sort_by_key(|c| c.code);

        let mut state_keys = HashMap::new();
        for (i, s) in states.iter().enumerate() {
            state_keys.insert(key(&s.info.name), i);
            state_keys.insert(s.info.abbr.to_ascii_lowercase(), i);
        }
        for (alias, code) in STATE_ALIASES {
            if let Some(i) = states.iter().position(|s| s.code == *code) {
                state_keys.insert((*alias).to_string(), i);
            }
        }
        let mut county_keys: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, c) in counties.iter().enumerate() {
            county_keys.entry(key(&c.info.name)).or_default().push(i);
        }
        Ok(Boundaries {
            states,
            counties,
            state_keys,
            county_keys,
        })
    }

    /// Number of states (and DC and territories) held.
    pub fn state_count(&self) -> usize {
        self.states.len()
    }

    /// Number of counties held.
    pub fn county_count(&self) -> usize {
        self.counties.len()
    }

    /// Finds a state by name, USPS abbreviation or FIPS code
    /// ("Florida", "FL", "fl", "12").
    pub fn find_state(&self, text: &str) -> Option<AreaRef> {
        self.state_index(text).map(|i| self.state_ref(i))
    }

    fn state_index(&self, text: &str) -> Option<usize> {
        let text = text.trim();
        if let Ok(code) = text.parse::<u8>() {
            return self.states.iter().position(|s| s.code == code);
        }
        self.state_keys.get(&key(text)).copied()
    }

    fn state_ref(&self, i: usize) -> AreaRef {
        AreaRef::State(self.states.get(i).map_or(0, |s| s.code))
    }

    fn county_ref(&self, i: usize) -> AreaRef {
        AreaRef::County(self.counties.get(i).map_or(0, |c| c.code))
    }

    /// The state behind a state reference.
    pub fn state(&self, area: AreaRef) -> Option<&State> {
        match area {
            AreaRef::State(code) => self.states.iter().find(|s| s.code == code).map(|s| &s.info),
            AreaRef::County(_) => None,
        }
    }

    /// The county behind a county reference.
    pub fn county(&self, area: AreaRef) -> Option<&County> {
        match area {
            AreaRef::County(code) => self
                .counties
                .binary_search_by_key(&code, |c| c.code)
                .ok()
                .and_then(|i| self.counties.get(i))
                .map(|c| &c.info),
            AreaRef::State(_) => None,
        }
    }

    /// A readable name: "California", "San Mateo County, CA", "Orleans
    /// Parish, LA", "Richmond city, VA".
    pub fn label(&self, area: AreaRef) -> Option<String> {
        if let Some(s) = self.state(area) {
            return Some(s.name.clone());
        }
        let c = self.county(area)?;
        let code = match area {
            AreaRef::County(code) => code,
            AreaRef::State(_) => return None,
        };
        let designator = match c.state_abbr.as_str() {
            _ if code % 1000 >= FIRST_CITY_CODE => " city",
            "LA" => " Parish",
            "AK" | "PR" | "VI" | "AS" | "GU" | "MP" => "",
            _ if c.name.ends_with("District of Columbia") => "",
            _ => " County",
        };
        Some(format!("{}{designator}, {}", c.name, c.state_abbr))
    }

    /// The polygons of a state or county.
    pub fn area(&self, area: AreaRef) -> Option<&Area> {
        match area {
            AreaRef::State(code) => self.states.iter().find(|s| s.code == code).map(|s| &s.area),
            AreaRef::County(code) => self
                .counties
                .binary_search_by_key(&code, |c| c.code)
                .ok()
                .and_then(|i| self.counties.get(i))
                .map(|c| &c.area),
        }
    }

    /// Exact containment of `point` in a state or county.
    pub fn contains(&self, area: AreaRef, point: GeoPoint) -> Result<bool, GeoError> {
        latlng(point)?;
        let shape = self
            .area(area)
            .ok_or_else(|| GeoError::UnknownArea(area.to_string()))?;
        Ok(shape.contains(point))
    }

    /// Tiles a state or county into H3 cells at `res` (see
    /// [`cover_area`]); `None` picks [`Area::suggested_resolution`].
    pub fn cover(&self, area: AreaRef, res: Option<u8>) -> Result<Covering, GeoError> {
        let shape = self
            .area(area)
            .ok_or_else(|| GeoError::UnknownArea(area.to_string()))?;
        cover_area(shape, res.unwrap_or_else(|| shape.suggested_resolution()))
    }

    /// The state and county a point lies in, or `None` outside every state
    /// (at sea, abroad).
    pub fn locate(&self, point: GeoPoint) -> Result<Option<Place>, GeoError> {
        latlng(point)?;
        let Some(state) = self.states.iter().find(|s| s.area.contains(point)) else {
            // Boundaries of neighbouring states are shared arcs, but a point in
            // a county of a state always lies in that state; check counties
            // directly in case the point sits on a state's simplified edge.
            return Ok(self
                .counties
                .iter()
                .find(|c| c.area.contains(point))
                .and_then(|c| {
                    let state = self
                        .states
                        .iter()
                        .find(|s| u32::from(s.code) == c.code / 1000)?;
                    Some(Place {
                        state: state.info.clone(),
                        county: Some(c.info.clone()),
                    })
                }));
        };
        let county = self
            .counties
            .iter()
            .filter(|c| c.code / 1000 == u32::from(state.code))
            .find(|c| c.area.contains(point))
            .map(|c| c.info.clone());
        Ok(Some(Place {
            state: state.info.clone(),
            county,
        }))
    }

    /// Resolves an area name as directory data writes it to a state or
    /// county. `state_hint` ("FL", "Florida" or "12") is the state the
    /// directory is about; it decides "Statewide" and names like "Orange
    /// County" that exist in several states. An explicit state in the name
    /// ("Cook County, Illinois", "San Mateo County, CA") wins over the hint.
    /// An unrecognised hint is ignored.
    ///
    /// Rules, in order: "Nationwide"/"United States"/"Worldwide" →
    /// [`Resolution::Nationwide`]; "Statewide" (+ hint) or "California
    /// Statewide" → the state; a name with a county designator ("County",
    /// "Parish", "Borough", "Census Area", "city", "County of ...") → the
    /// county of that name in the explicit or hinted state, else the only one
    /// in the country; a bare name → a state of that name or the county of
    /// that name in the hinted state (without a hint: the only county of that
    /// name in the country); a
    /// bare name that is both the hinted state's county and another state
    /// ("Nevada" with hint CA) is ambiguous. "Northern X", "Unincorporated X"
    /// → [`Resolution::Approximate`] within X. Anything else, including
    /// ambiguous names, is [`Resolution::Unresolved`] with the reason.
    ///
    /// Spelling is normalised: case, accents, punctuation, "St."/"Saint",
    /// "De Kalb"/"DeKalb", "La Salle"/"LaSalle".
    pub fn resolve(&self, name: &str, state_hint: Option<&str>) -> Resolution {
        let hint = state_hint.and_then(|h| self.state_index(h));
        let toks = tokens(name);
        if toks.is_empty() {
            return Resolution::Unresolved("empty area name".into());
        }
        let k = toks.concat();
        if NATIONWIDE.contains(&k.as_str()) {
            return Resolution::Nationwide;
        }
        if let Some(&(_, code)) = STATE_ALIASES.iter().find(|(alias, _)| *alias == k)
            && let Some(i) = self.states.iter().position(|s| s.code == code)
        {
            return Resolution::Area(self.state_ref(i));
        }
        if let Some((body, state)) = self.explicit_state(name, &toks) {
            return self.resolve_tokens(name, &body, Some(state), true);
        }
        self.resolve_tokens(name, &toks, hint, false)
    }

    /// Resolves a name known to be a county of `state` (a "Counties" column):
    /// "Cook", "Cook County", "DuPage", "Saint Clair". Never returns a state.
    pub fn resolve_county(&self, name: &str, state: &str) -> Resolution {
        let Some(s) = self.state_index(state) else {
            return Resolution::Unresolved(format!("unknown state {state:?}"));
        };
        let toks = tokens(name);
        match self.county_lookup(&toks, Some(s)) {
            Lookup::Found(i) => Resolution::Area(self.county_ref(i)),
            Lookup::Ambiguous(found) => self.ambiguous(name, &found),
            Lookup::Missing => Resolution::Unresolved(format!(
                "no county named {:?} in {}",
                name.trim(),
                self.states.get(s).map_or("", |s| s.info.abbr.as_str())
            )),
        }
    }

    /// "X, CA", "X County, Illinois", "X County CA", "X County (IL)": the
    /// body tokens and the state.
    fn explicit_state(&self, name: &str, toks: &[String]) -> Option<(Vec<String>, usize)> {
        if let Some((body, suffix)) = name.rsplit_once(',') {
            let body = tokens(body);
            if !body.is_empty()
                && let Some(&s) = self.state_keys.get(&key(suffix))
            {
                return Some((body, s));
            }
        }
        (1..=4).find_map(|n| {
            let split = toks.len().checked_sub(n).filter(|&s| s > 0)?;
            let (body, suffix) = toks.split_at(split);
            strip_designator(body)?;
            let s = *self.state_keys.get(&suffix.concat())?;
            Some((body.to_vec(), s))
        })
    }

    fn resolve_tokens(
        &self,
        name: &str,
        toks: &[String],
        state: Option<usize>,
        explicit: bool,
    ) -> Resolution {
        let k = toks.concat();
        let state_entry = state.and_then(|s| self.states.get(s));

        // "Statewide", "California Statewide", "All of Illinois".
        if toks.iter().any(|t| t == "statewide")
            || toks.starts_with(&["all".to_string(), "of".to_string()])
        {
            let rest: String = toks
                .iter()
                .filter(|t| !STATEWIDE_WORDS.contains(&t.as_str()))
                .map(String::as_str)
                .collect();
            if rest.is_empty() {
                return match state {
                    Some(s) => Resolution::Area(self.state_ref(s)),
                    None => Resolution::Unresolved(format!("{:?} needs a state hint", name.trim())),
                };
            }
            if let Some(&s) = self.state_keys.get(&rest) {
                return Resolution::Area(self.state_ref(s));
            }
        }

        // The hinted/explicit state itself ("Illinois" with hint IL).
        if let (Some(s), Some(entry)) = (state, state_entry)
            && (k == key(&entry.info.name) || k == entry.info.abbr.to_ascii_lowercase())
        {
            return Resolution::Area(self.state_ref(s));
        }

        let designated =
            strip_designator(toks).is_some() || strip_leading_designator(toks).is_some();
        let in_state = match state {
            Some(s) => self.county_lookup(toks, Some(s)),
            None => Lookup::Missing,
        };
        // A state by name (bare names only; two-letter keys only when the
        // whole name is an abbreviation).
        let named_state = (!designated)
            .then(|| self.state_keys.get(&k).copied())
            .flatten()
            .filter(|_| k.len() != 2 || name.trim().len() == 2);
        match (in_state, named_state) {
            (Lookup::Found(c), Some(s)) => {
                return Resolution::Unresolved(format!(
                    "{:?} is ambiguous: the state {} or {}",
                    name.trim(),
                    self.states.get(s).map_or("", |e| e.info.name.as_str()),
                    self.label(self.county_ref(c)).unwrap_or_default()
                ));
            }
            (Lookup::Found(c), None) => return Resolution::Area(self.county_ref(c)),
            (Lookup::Ambiguous(found), _) => return self.ambiguous(name, &found),
            (Lookup::Missing, Some(s)) => return Resolution::Area(self.state_ref(s)),
            (Lookup::Missing, None) => {}
        }

        // Elsewhere in the country: a designated name ("Miami-Dade County"
        // with hint CA), or a bare name when no state was hinted ("Inyo").
        // A bare name in a hinted directory is more likely one of its cities
        // ("Palo Alto", "Belmont") than another state's county.
        if !explicit && (designated || state.is_none()) {
            match self.county_lookup(toks, None) {
                Lookup::Found(c) => return Resolution::Area(self.county_ref(c)),
                Lookup::Ambiguous(found) => return self.ambiguous(name, &found),
                Lookup::Missing => {}
            }
        }

        // "Northern San Mateo County", "Unincorporated San Mateo County".
        let rest: &[String] = {
            let lead = toks
                .iter()
                .take_while(|t| SUBREGION_WORDS.contains(&t.as_str()))
                .count();
            let trail = toks
                .iter()
                .rev()
                .take_while(|t| *t == "unincorporated")
                .count();
            toks.get(lead..toks.len().saturating_sub(trail))
                .unwrap_or(&[])
        };
        // Only "... County" or a state name after the qualifier: "South San
        // Francisco" and "East Palo Alto" are cities, not parts of counties.
        let qualifies =
            strip_designator(rest).is_some() || self.state_keys.contains_key(&rest.concat());
        if !rest.is_empty() && rest.len() < toks.len() && qualifies {
            let within = match self.resolve_tokens(name, rest, state, explicit) {
                Resolution::Area(a) | Resolution::Approximate { within: a, .. } => Some(a),
                _ => None,
            };
            if let Some(within) = within {
                return Resolution::Approximate {
                    within,
                    reason: format!(
                        "{:?} is a part of {}",
                        name.trim(),
                        self.label(within).unwrap_or_default()
                    ),
                };
            }
        }

        let place = match (explicit, state_entry) {
            (true, Some(e)) => format!(" in {}", e.info.abbr),
            _ => String::new(),
        };
        Resolution::Unresolved(format!(
            "{:?} is not a US state or county{place} (cities, ZIP codes and regions are not resolved)",
            name.trim()
        ))
    }

    fn ambiguous(&self, name: &str, found: &[usize]) -> Resolution {
        let labels: Vec<String> = found
            .iter()
            .take(6)
            .filter_map(|&i| self.label(self.county_ref(i)))
            .collect();
        let more = if found.len() > labels.len() {
            ", ..."
        } else {
            ""
        };
        Resolution::Unresolved(format!(
            "{:?} is ambiguous ({} places: {}{more}); give a state",
            name.trim(),
            found.len(),
            labels.join("; ")
        ))
    }

    /// Counties named by `toks`, restricted to state index `state` if given.
    fn county_lookup(&self, toks: &[String], state: Option<usize>) -> Lookup {
        let state_code = state
            .and_then(|s| self.states.get(s))
            .map(|s| u32::from(s.code));
        let candidates = |k: &str| -> Vec<usize> {
            self.county_keys
                .get(k)
                .map(|v| {
                    v.iter()
                        .copied()
                        .filter(|&i| {
                            state_code.is_none_or(|s| {
                                self.counties.get(i).is_some_and(|c| c.code / 1000 == s)
                            })
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        let verdict = |found: Vec<usize>| match found.as_slice() {
            [] => Lookup::Missing,
            [one] => Lookup::Found(*one),
            _ => Lookup::Ambiguous(found),
        };
        // The full name first: "Carson City", "James City", "Charles City".
        let full = candidates(&toks.concat());
        if !full.is_empty() {
            return verdict(full);
        }
        let Some((head, city, states)) =
            strip_designator(toks).or_else(|| strip_leading_designator(toks))
        else {
            return Lookup::Missing;
        };
        // The designator must fit: "Richmond city" vs "Richmond County",
        // and "Jersey City" is no "Jersey County".
        let found = candidates(&head.concat())
            .into_iter()
            .filter(|&i| {
                self.counties.get(i).is_some_and(|c| {
                    (c.code % 1000 >= FIRST_CITY_CODE) == city
                        && (states.is_empty() || states.contains(&(c.code / 1000)))
                })
            })
            .collect();
        verdict(found)
    }
}
