//! The printable plan for the client: Markdown or self-contained HTML, in
//! the client's first language when the label table has it (English and
//! Spanish: `data/plan/print-labels.json`), else English.
//!
//! For each need, most urgent first: each place with its address (and a map
//! link), phone, hours, what to bring, how to apply, cost, languages, web
//! site and what to check before going; then the benefits to apply for.
//! Case-manager notes, scores and screening evidence are left out: the page
//! is for the client. Directory text is printed as written (it is not
//! translated) and escaped for the output format.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::LazyLock;

use carenav_core::plan::{self, OpeningHours, PlanReferral};
use carenav_core::{CarePlan, Urgency, needs};
use serde::Deserialize;

use crate::ExportError;

const LABELS_JSON: &str = include_str!("../../../data/plan/print-labels.json");
const LABELS_FILE: &str = "data/plan/print-labels.json";
const DAY_CODES: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

static LABELS: LazyLock<Result<LabelFile, ExportError>> =
    LazyLock::new(|| parse_labels(LABELS_JSON));

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LabelFile {
    #[allow(dead_code)]
    about: String,
    languages: BTreeMap<String, Language>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Language {
    labels: BTreeMap<String, String>,
    days: BTreeMap<String, String>,
    programs: BTreeMap<String, String>,
    domains: BTreeMap<String, String>,
    bring: BTreeMap<String, String>,
}

fn parse_labels(text: &str) -> Result<LabelFile, ExportError> {
    let bad = |message: String| ExportError::Table {
        file: LABELS_FILE,
        message,
    };
    let file: LabelFile = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
    let en = file
        .languages
        .get("en")
        .ok_or_else(|| bad("no English labels".into()))?;
    let domains = needs::all().map_err(|e| bad(e.to_string()))?;
    for (code, lang) in &file.languages {
        if let Some(key) = en.labels.keys().find(|k| !lang.labels.contains_key(*k)) {
            return Err(bad(format!("{code}: missing label {key}")));
        }
        if let Some(day) = DAY_CODES.iter().find(|d| !lang.days.contains_key(**d)) {
            return Err(bad(format!("{code}: missing day {day}")));
        }
        if code != "en"
            && let Some(d) = domains
                .iter()
                .find(|d| !lang.domains.contains_key(d.code()))
        {
            return Err(bad(format!("{code}: missing need domain {d}")));
        }
    }
    Ok(file)
}

/// The language codes the printable plan has labels for.
pub fn languages() -> Result<Vec<&'static str>, ExportError> {
    Ok(labels()?.languages.keys().map(String::as_str).collect())
}

fn labels() -> Result<&'static LabelFile, ExportError> {
    LABELS.as_ref().map_err(|e| ExportError::Table {
        file: LABELS_FILE,
        message: e.to_string(),
    })
}

/// The label language for a client language (`spa` reads as `es`).
fn pick(file: &'static LabelFile, language: &str) -> (&'static str, &'static Language) {
    let code = match language.trim().to_ascii_lowercase().as_str() {
        "spa" => "es".to_string(),
        "eng" => "en".to_string(),
        other => other.to_string(),
    };
    file.languages
        .get_key_value(&code)
        .or_else(|| file.languages.get_key_value("en"))
        .map(|(k, v)| (k.as_str(), v))
        .unwrap_or(("en", EMPTY.get_or_init(empty_language)))
}

static EMPTY: std::sync::OnceLock<Language> = std::sync::OnceLock::new();

fn empty_language() -> Language {
    Language {
        labels: BTreeMap::new(),
        days: BTreeMap::new(),
        programs: BTreeMap::new(),
        domains: BTreeMap::new(),
        bring: BTreeMap::new(),
    }
}

/// Text of the document, before formatting.
enum Item {
    Text(String),
    Link { text: String, url: String },
}

struct Field {
    label: String,
    items: Vec<Item>,
}

struct Place {
    heading: String,
    fields: Vec<Field>,
}

struct Section {
    heading: String,
    urgency: String,
    empty: Option<String>,
    places: Vec<Place>,
}

struct Doc {
    lang: &'static str,
    title: String,
    prepared: Option<String>,
    intro: String,
    sections: Vec<Section>,
    benefits_title: String,
    benefits: Vec<String>,
}

impl Language {
    fn label(&self, key: &str) -> String {
        self.labels
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }
}

/// Percent-encodes a URL query value.
fn encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A web address safe to print as a link: http(s), no spaces, quotes or brackets.
fn safe_url(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let ok = (lower.starts_with("http://") || lower.starts_with("https://"))
        && url
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~:/?#@!$&*+,;=%".contains(&b));
    ok.then(|| url.to_string())
}

/// OpenStreetMap link: the point when known, else a search for the address.
fn map_url(r: &PlanReferral) -> Option<String> {
    let place = r.place.as_ref();
    if let Some((lat, lon)) = place.and_then(|p| p.latitude.zip(p.longitude)) {
        return Some(format!(
            "https://www.openstreetmap.org/?mlat={lat:.5}&mlon={lon:.5}#map=17/{lat:.5}/{lon:.5}"
        ));
    }
    let address = place
        .and_then(|p| p.address.clone())
        .or_else(|| r.address.clone())?;
    Some(format!(
        "https://www.openstreetmap.org/search?query={}",
        encode(&address)
    ))
}

fn day_list(days: &[String], lang: &Language) -> String {
    let idx: Vec<usize> = days
        .iter()
        .filter_map(|d| DAY_CODES.iter().position(|c| c == d))
        .collect();
    let name = |i: usize| {
        DAY_CODES
            .get(i)
            .and_then(|c| lang.days.get(*c))
            .cloned()
            .unwrap_or_default()
    };
    // Runs of three or more consecutive days print as a range (Mon–Fri).
    let mut parts = Vec::new();
    let mut i = 0;
    while let Some(&start) = idx.get(i) {
        let mut j = i;
        while idx.get(j + 1).is_some_and(|&n| n == idx[j] + 1) {
            j += 1;
        }
        if j >= i + 2 {
            parts.push(format!("{}–{}", name(start), name(idx[j])));
        } else {
            parts.extend((i..=j).filter_map(|k| idx.get(k)).map(|&d| name(d)));
        }
        i = j + 1;
    }
    parts.join(", ")
}

fn hours_text(h: &OpeningHours, lang: &Language) -> Option<String> {
    let timed = match (&h.opens, &h.closes) {
        (Some(o), Some(c)) if !h.days.is_empty() => {
            Some(format!("{} {o}–{c}", day_list(&h.days, lang)))
        }
        _ => None,
    };
    match (
        timed,
        h.text.as_deref().map(str::trim).filter(|t| !t.is_empty()),
    ) {
        (Some(t), Some(note)) => Some(format!("{t} ({note})")),
        (Some(t), None) => Some(t),
        (None, Some(note)) => Some(note.to_string()),
        (None, None) => None,
    }
}

fn and_join(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

fn place(r: &PlanReferral, lang: &Language) -> Place {
    let l = |k: &str| lang.label(k);
    let p = r.place.as_ref();
    let mut fields = Vec::new();
    let mut field = |label: &str, items: Vec<Item>| {
        if !items.is_empty() {
            fields.push(Field {
                label: l(label),
                items,
            });
        }
    };
    let address = p
        .and_then(|p| p.address.clone())
        .or_else(|| r.address.clone());
    let mut addr_items = Vec::new();
    match address {
        Some(a) => {
            let mut text = a;
            if let Some(km) = r.distance_km.filter(|k| k.is_finite()) {
                text.push_str(&format!(
                    " ({})",
                    l("distance").replace("{km}", &format!("{km:.1}"))
                ));
            }
            addr_items.push(Item::Text(text));
        }
        None if p.is_some_and(|p| p.virtual_only) || r.distance_km.is_none() => {
            addr_items.push(Item::Text(l("virtual")));
        }
        None => {}
    }
    if !p.is_some_and(|p| p.virtual_only)
        && let Some(url) = map_url(r)
    {
        addr_items.push(Item::Link {
            text: l("map"),
            url,
        });
    }
    field("address", addr_items);
    let phones: Vec<String> = match p {
        Some(p) if !p.phones.is_empty() => p.phones.clone(),
        _ => r.phone.iter().cloned().collect(),
    };
    field("phone", phones.into_iter().map(Item::Text).collect());
    let hours: Vec<String> = p
        .map(|p| p.hours.iter().filter_map(|h| hours_text(h, lang)).collect())
        .unwrap_or_default();
    field(
        "hours",
        vec![Item::Text(if hours.is_empty() {
            l("hours-unknown")
        } else {
            hours.join("; ")
        })],
    );
    let docs: Vec<String> = p.map(|p| p.documents.clone()).unwrap_or_default();
    field(
        "bring",
        vec![Item::Text(if docs.is_empty() {
            l("bring-unknown")
        } else {
            docs.join("; ")
        })],
    );
    let text = |v: Option<&String>| -> Vec<Item> {
        v.map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .map(Item::Text)
            .into_iter()
            .collect()
    };
    field(
        "how-to-apply",
        text(p.and_then(|p| p.application_process.as_ref())),
    );
    field("cost", text(p.and_then(|p| p.fees.as_ref())));
    let langs = p.map(|p| p.languages.join(", ")).filter(|s| !s.is_empty());
    field("languages", text(langs.as_ref()));
    let site: Vec<Item> = p
        .and_then(|p| p.website.as_deref())
        .and_then(safe_url)
        .map(|url| Item::Link {
            text: url.clone(),
            url,
        })
        .into_iter()
        .collect();
    field("website", site);
    field("check", r.caveats.iter().cloned().map(Item::Text).collect());
    let heading = if r
        .service_name
        .trim()
        .eq_ignore_ascii_case(r.organization_name.trim())
        || r.organization_name.trim().is_empty()
    {
        r.service_name.clone()
    } else {
        format!("{} — {}", r.service_name, r.organization_name)
    };
    Place { heading, fields }
}

fn document(plan: &CarePlan) -> Result<Doc, ExportError> {
    let (code, lang) = pick(labels()?, &plan.language);
    let l = |k: &str| lang.label(k);
    let sections = plan
        .goals
        .iter()
        .map(|g| {
            let urgency = match g.urgency {
                Urgency::High => l("urgency-high"),
                Urgency::Medium => l("urgency-medium"),
                Urgency::Low => l("urgency-low"),
            };
            Section {
                heading: lang
                    .domains
                    .get(g.domain.code())
                    .cloned()
                    .unwrap_or_else(|| g.domain.label().to_string()),
                urgency,
                empty: g.referrals.is_empty().then(|| l("no-places")),
                places: g.referrals.iter().map(|r| place(r, lang)).collect(),
            }
        })
        .collect();
    let benefits = plan
        .actions
        .iter()
        .map(|a| {
            let program = lang
                .programs
                .get(&a.program)
                .cloned()
                .unwrap_or_else(|| a.program.clone());
            let key = if a.likelihood == "likely" {
                "benefit-likely"
            } else {
                "benefit-possible"
            };
            let items: Vec<String> = a
                .bring
                .iter()
                .map(|c| {
                    lang.bring
                        .get(c)
                        .cloned()
                        .or_else(|| plan::bring_item_text(c).map(str::to_string))
                        .unwrap_or_else(|| c.clone())
                })
                .collect();
            let mut text = l(key).replace("{program}", &program);
            if !items.is_empty() {
                text.push_str(&format!(
                    " {}: {}.",
                    l("bring"),
                    and_join(&items, &l("and"))
                ));
            }
            text
        })
        .collect();
    Ok(Doc {
        lang: code,
        title: l("title"),
        prepared: plan
            .created
            .as_ref()
            .and_then(|c| c.at.date())
            .map(|d| l("prepared").replace("{date}", &d.to_string())),
        intro: l("intro"),
        sections,
        benefits_title: l("benefits"),
        benefits,
    })
}

/// Escapes Markdown syntax in directory text and folds line breaks
/// (brackets are escaped, so parentheses cannot form a link).
fn md(text: &str) -> String {
    let mut out = String::new();
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            if "\\`*_[]<>#|~".contains(c) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// The printable plan as Markdown.
pub fn markdown(plan: &CarePlan) -> Result<String, ExportError> {
    let doc = document(plan)?;
    let mut s = format!("# {}\n\n", md(&doc.title));
    if let Some(p) = &doc.prepared {
        let _ = writeln!(s, "{}\n", md(p));
    }
    let _ = writeln!(s, "{}\n", md(&doc.intro));
    for (i, sec) in doc.sections.iter().enumerate() {
        let _ = writeln!(
            s,
            "## {}. {} ({})\n",
            i + 1,
            md(&sec.heading),
            md(&sec.urgency)
        );
        if let Some(e) = &sec.empty {
            let _ = writeln!(s, "{}\n", md(e));
        }
        for p in &sec.places {
            let _ = writeln!(s, "### {}\n", md(&p.heading));
            for f in &p.fields {
                let items: Vec<String> = f
                    .items
                    .iter()
                    .map(|it| match it {
                        Item::Text(t) => md(t),
                        Item::Link { text, url } => format!("[{}](<{url}>)", md(text)),
                    })
                    .collect();
                let _ = writeln!(s, "- **{}:** {}", md(&f.label), items.join(" · "));
            }
            s.push('\n');
        }
    }
    if !doc.benefits.is_empty() {
        let _ = writeln!(s, "## {}\n", md(&doc.benefits_title));
        for b in &doc.benefits {
            let _ = writeln!(s, "- {}", md(b));
        }
        s.push('\n');
    }
    Ok(s)
}

/// Escapes text for HTML content and attribute values.
fn h(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:46em;margin:1.5em auto;padding:0 1em;line-height:1.45;color:#111}\
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;border-bottom:2px solid #333;margin-top:1.6em}\
h3{font-size:1.05em;margin:1.1em 0 .3em}.urgency{font-weight:normal;font-size:.85em;padding:.1em .5em;border:1px solid #333;border-radius:.3em;margin-left:.4em}\
dl{display:grid;grid-template-columns:max-content 1fr;gap:.15em .8em;margin:0}dt{font-weight:bold}dd{margin:0}\
.place{break-inside:avoid;page-break-inside:avoid;border-left:3px solid #999;padding-left:.8em;margin-bottom:.8em}\
a{color:#0645ad}@media print{body{margin:0;max-width:none}a{color:#000}}";

/// The printable plan as one self-contained HTML page (inline style, no
/// scripts, no external resources; links open maps and web sites).
pub fn html(plan: &CarePlan) -> Result<String, ExportError> {
    let doc = document(plan)?;
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        h(doc.lang),
        h(&doc.title),
        h(&doc.title)
    );
    if let Some(p) = &doc.prepared {
        let _ = writeln!(s, "<p class=\"prepared\">{}</p>", h(p));
    }
    let _ = writeln!(s, "<p>{}</p>", h(&doc.intro));
    for (i, sec) in doc.sections.iter().enumerate() {
        let _ = writeln!(
            s,
            "<section>\n<h2>{}. {} <span class=\"urgency\">{}</span></h2>",
            i + 1,
            h(&sec.heading),
            h(&sec.urgency)
        );
        if let Some(e) = &sec.empty {
            let _ = writeln!(s, "<p>{}</p>", h(e));
        }
        for p in &sec.places {
            let _ = writeln!(s, "<div class=\"place\">\n<h3>{}</h3>\n<dl>", h(&p.heading));
            for f in &p.fields {
                let items: Vec<String> = f
                    .items
                    .iter()
                    .map(|it| match it {
                        Item::Text(t) => h(t),
                        Item::Link { text, url } => {
                            format!("<a href=\"{}\">{}</a>", h(url), h(text))
                        }
                    })
                    .collect();
                let _ = writeln!(s, "<dt>{}</dt><dd>{}</dd>", h(&f.label), items.join(" · "));
            }
            s.push_str("</dl>\n</div>\n");
        }
        s.push_str("</section>\n");
    }
    if !doc.benefits.is_empty() {
        let _ = writeln!(s, "<section>\n<h2>{}</h2>\n<ul>", h(&doc.benefits_title));
        for b in &doc.benefits {
            let _ = writeln!(s, "<li>{}</li>", h(b));
        }
        s.push_str("</ul>\n</section>\n");
    }
    s.push_str("</body>\n</html>\n");
    Ok(s)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn embedded_labels_are_valid() {
        let file = parse_labels(LABELS_JSON).unwrap();
        assert_eq!(file.languages.keys().collect::<Vec<_>>(), ["en", "es"]);
        let missing = LABELS_JSON.replacen("\"title\": \"Su plan de atención\",", "", 1);
        assert!(
            parse_labels(&missing)
                .unwrap_err()
                .to_string()
                .contains("es: missing label title")
        );
    }

    #[test]
    fn escaping() {
        assert_eq!(
            h("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(md("*bold* [x](y)\nline"), "\\*bold\\* \\[x\\](y) line");
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("http://a.org/x\"onmouseover"), None);
        assert_eq!(
            safe_url(" https://a.org/x?y=1 ").as_deref(),
            Some("https://a.org/x?y=1")
        );
        assert_eq!(encode("1 Main St, CA"), "1%20Main%20St%2C%20CA");
    }

    #[test]
    fn day_ranges() {
        let lang = &parse_labels(LABELS_JSON).unwrap().languages["es"];
        let days = |d: &[&str]| d.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            day_list(&days(&["MO", "TU", "WE", "TH", "FR"]), lang),
            "lun–vie"
        );
        assert_eq!(day_list(&days(&["MO", "WE", "TH"]), lang), "lun, mié, jue");
        assert_eq!(
            day_list(&days(&["MO", "TU", "WE", "SA"]), lang),
            "lun–mié, sáb"
        );
    }
}
