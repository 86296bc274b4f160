//! Normalising place names as data writes them.

/// USPS abbreviations by state FIPS code (the 50 states, DC and the
/// territories present in the Census cartographic boundary files).
pub(crate) const STATE_ABBREVIATIONS: &[(u8, &str)] = &[
    (1, "AL"),
    (2, "AK"),
    (4, "AZ"),
    (5, "AR"),
    (6, "CA"),
    (8, "CO"),
    (9, "CT"),
    (10, "DE"),
    (11, "DC"),
    (12, "FL"),
    (13, "GA"),
    (15, "HI"),
    (16, "ID"),
    (17, "IL"),
    (18, "IN"),
    (19, "IA"),
    (20, "KS"),
    (21, "KY"),
    (22, "LA"),
    (23, "ME"),
    (24, "MD"),
    (25, "MA"),
    (26, "MI"),
    (27, "MN"),
    (28, "MS"),
    (29, "MO"),
    (30, "MT"),
    (31, "NE"),
    (32, "NV"),
    (33, "NH"),
    (34, "NJ"),
    (35, "NM"),
    (36, "NY"),
    (37, "NC"),
    (38, "ND"),
    (39, "OH"),
    (40, "OK"),
    (41, "OR"),
    (42, "PA"),
    (44, "RI"),
    (45, "SC"),
    (46, "SD"),
    (47, "TN"),
    (48, "TX"),
    (49, "UT"),
    (50, "VT"),
    (51, "VA"),
    (53, "WA"),
    (54, "WV"),
    (55, "WI"),
    (56, "WY"),
    (60, "AS"),
    (66, "GU"),
    (69, "MP"),
    (72, "PR"),
    (78, "VI"),
];

/// Extra names for states (normalised keys): informal names data uses.
pub(crate) const STATE_ALIASES: &[(&str, u8)] = &[
    ("washingtondc", 11),
    ("washingtondistrictofcolumbia", 11),
    ("usvirginislands", 78),
    ("virginislands", 78),
    ("northernmarianaislands", 69),
];

/// Keys (see [`key`]) meaning "anywhere in the country". A worldwide service
/// serves every US client too, so it is nationwide for this engine.
pub(crate) const NATIONWIDE: &[&str] = &[
    "nationwide",
    "national",
    "unitedstates",
    "unitedstatesofamerica",
    "usa",
    "us",
    "allstates",
    "all50states",
    "allusstates",
    "worldwide",
    "global",
    "international",
    "anywhere",
    "everywhere",
];

/// Words meaning "the whole state".
pub(crate) const STATEWIDE_WORDS: &[&str] =
    &["statewide", "entire", "all", "of", "the", "state", "whole"];

/// Leading words naming a part of an area ("Northern San Mateo County").
pub(crate) const SUBREGION_WORDS: &[&str] = &[
    "north",
    "northern",
    "south",
    "southern",
    "east",
    "eastern",
    "west",
    "western",
    "central",
    "northeast",
    "northeastern",
    "northwest",
    "northwestern",
    "southeast",
    "southeastern",
    "southwest",
    "southwestern",
    "unincorporated",
    "rural",
    "coastal",
    "upper",
    "lower",
    "parts",
    "part",
    "portions",
    "portion",
    "of",
];

/// County-level designators, as token sequences: whether they name an
/// independent city (FIPS county code >= 510) rather than a county, and the
/// only state FIPS codes that use them (empty = any).
pub(crate) const DESIGNATORS: &[(&[&str], bool, &[u32])] = &[
    (&["city", "and", "borough"], false, &[2]),
    (&["census", "area"], false, &[2]),
    (&["county"], false, &[]),
    (&["parish"], false, &[22]),
    (&["borough"], false, &[2]),
    (&["municipality"], false, &[2]),
    (&["municipio"], false, &[72]),
    (&["city"], true, &[]),
];

/// A designator found on a name: the rest of the name, whether it names an
/// independent city, and the states using it (empty = any).
pub(crate) type Designated<'a> = (&'a [String], bool, &'static [u32]);

/// Lower-case, accent-folded alphanumeric tokens, with common abbreviations
/// spelled out ("St." → "saint") so that "St. Johns" and "Saint Johns" agree.
pub(crate) fn tokens(text: &str) -> Vec<String> {
    let mut folded = String::with_capacity(text.len());
    for ch in text.chars().flat_map(char::to_lowercase) {
        let ch = match ch {
            'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            '&' => ' ',
            // Apostrophes join ("O'Brien" = "OBrien"), other punctuation splits.
            '\'' | '’' => continue,
            c => c,
        };
        folded.push(if ch.is_ascii_alphanumeric() { ch } else { ' ' });
    }
    folded
        .split_whitespace()
        .map(|t| match t {
            "st" => "saint",
            "ste" => "sainte",
            "ft" => "fort",
            "mt" => "mount",
            "cnty" | "cty" => "county",
            other => other,
        })
        .map(str::to_string)
        .collect()
}

/// The lookup key of a name: its tokens joined without spaces, so that
/// "De Kalb" = "DeKalb" and "La Salle" = "LaSalle".
pub(crate) fn key(text: &str) -> String {
    tokens(text).concat()
}

/// Splits a trailing designator off `tokens`.
pub(crate) fn strip_designator(tokens: &[String]) -> Option<Designated<'_>> {
    DESIGNATORS.iter().find_map(|&(words, city, states)| {
        let split = tokens.len().checked_sub(words.len()).filter(|&s| s > 0)?;
        let (head, tail) = tokens.split_at(split);
        tail.iter()
            .zip(words.iter())
            .all(|(a, b)| a == b)
            .then_some((head, city, states))
    })
}

/// Splits a leading "County of" / "City of" / "Parish of" off `tokens`.
pub(crate) fn strip_leading_designator(tokens: &[String]) -> Option<Designated<'_>> {
    match tokens {
        [first, of, rest @ ..] if of == "of" && !rest.is_empty() => match first.as_str() {
            "county" | "borough" => Some((rest, false, &[])),
            "parish" => Some((rest, false, &[22])),
            "city" => Some((rest, true, &[])),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_spelling_variants() {
        assert_eq!(key("St. Johns"), key("Saint Johns"));
        assert_eq!(key("De Kalb"), key("DeKalb"));
        assert_eq!(key("Doña Ana"), "donaana");
        assert_eq!(key("O'Brien"), "obrien");
        assert_eq!(key("Miami-Dade"), "miamidade");
    }

    #[test]
    fn designators() {
        let t = tokens("Valdez-Cordova Census Area");
        assert_eq!(
            strip_designator(&t).map(|(h, c, _)| (h.concat(), c)),
            Some(("valdezcordova".into(), false))
        );
        let t = tokens("Richmond city");
        assert_eq!(
            strip_designator(&t).map(|(h, c, _)| (h.concat(), c)),
            Some(("richmond".into(), true))
        );
        assert_eq!(strip_designator(&tokens("County")), None);
        let t = tokens("County of San Mateo");
        assert_eq!(
            strip_leading_designator(&t).map(|(h, c, _)| (h.concat(), c)),
            Some(("sanmateo".into(), false))
        );
    }
}
