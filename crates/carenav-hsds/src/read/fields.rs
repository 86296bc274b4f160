//! Walking a `serde_json` object field by field, turning every problem into an
//! [`Issue`] that names file, record and field path.
//!
//! Every accessor returns `Result<_, Issue>`: `Err` only in strict mode (the
//! first problem stops the load); in lenient mode the issue is kept as a
//! warning and the accessor returns `None`, which drops that field (or, for a
//! required field, tells the caller to drop the record).

use serde_json::{Map, Value};

use carenav_core::Date;

use super::Mode;
use crate::error::{Issue, IssueKind};

/// Longest string field accepted, in bytes. Longer values are almost always a
/// broken export (a whole file pasted into a cell) and would bloat the index.
pub(crate) const MAX_FIELD_BYTES: usize = 64 * 1024;

/// Collects warnings, or stops at the first issue in strict mode.
#[derive(Debug)]
pub(crate) struct Sink {
    mode: Mode,
    pub(crate) warnings: Vec<Issue>,
}

impl Sink {
    pub(crate) fn new(mode: Mode) -> Self {
        Sink {
            mode,
            warnings: Vec::new(),
        }
    }

    /// Records an issue; in strict mode returns it as the error that stops the load.
    pub(crate) fn report(&mut self, issue: Issue) -> Result<(), Issue> {
        match self.mode {
            // Skipped marks valid input carenav cannot represent: not a
            // spec violation, so even strict mode only warns.
            Mode::Strict if issue.kind != IssueKind::Skipped => Err(issue),
            Mode::Strict => {
                self.warnings.push(issue);
                Ok(())
            }
            Mode::Lenient => {
                self.warnings.push(issue);
                Ok(())
            }
        }
    }
}

/// An object being read, with its path inside the record.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Obj<'v> {
    pub(crate) map: &'v Map<String, Value>,
    path: &'v str,
}

/// A path prefix kept alive for the children of an object.
pub(crate) fn child_path(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}.{name}")
    }
}

impl<'v> Obj<'v> {
    pub(crate) fn new(map: &'v Map<String, Value>, path: &'v str) -> Self {
        Obj { map, path }
    }

    pub(crate) fn path(&self) -> &'v str {
        self.path
    }

    /// The path of field `name` of this object.
    pub(crate) fn at(&self, name: &str) -> String {
        child_path(self.path, name)
    }

    /// The value of a field; `null` counts as absent (many exporters write it).
    pub(crate) fn get(&self, name: &str) -> Option<&'v Value> {
        self.map.get(name).filter(|v| !v.is_null())
    }
}

/// An object item of an array field, with its path.
pub(crate) type Item<'v> = (String, &'v Map<String, Value>);

/// The record being read: where issues about it point.
pub(crate) struct Rec<'s> {
    pub(crate) sink: &'s mut Sink,
    pub(crate) file: &'s str,
    pub(crate) record: String,
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Whether `text` is a hyphenated UUID (8-4-4-4-12 hex digits), as HSDS requires for ids.
pub(crate) fn is_uuid(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 36
        && bytes.iter().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => *b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// A plausible `local@domain.tld` address (no spaces, one `@`, dotted domain).
pub(crate) fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c))
        && !local.starts_with('.')
        && !local.ends_with('.');
    let domain_ok = domain.contains('.')
        && domain.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    local_ok && domain_ok
}

/// An absolute URI per RFC 3986 syntax: a scheme, then only URI characters
/// (percent escapes well formed).
pub(crate) fn is_uri(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    let scheme_ok = scheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    let bytes = rest.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_hexdigit);
            if !(hex(i + 1) && hex(i + 2)) {
                return false;
            }
            i += 3;
            continue;
        }
        if !(b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=".contains(&b)) {
            return false;
        }
        i += 1;
    }
    scheme_ok
}

/// An RFC 3339 date-time: `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`.
pub(crate) fn is_date_time(text: &str) -> bool {
    let Some(date) = text.get(..10) else {
        return false;
    };
    let Some(rest) = text.get(10..) else {
        return false;
    };
    if Date::parse(date).is_err() || !rest.starts_with(['T', 't']) {
        return false;
    }
    let rest = &rest[1..];
    let digits = |s: &str, n: usize, max: u32| {
        s.len() == n
            && s.bytes().all(|b| b.is_ascii_digit())
            && s.parse::<u32>().is_ok_and(|v| v <= max)
    };
    let (Some(h), Some(m), Some(s)) = (rest.get(..2), rest.get(3..5), rest.get(6..8)) else {
        return false;
    };
    if !(digits(h, 2, 23) && digits(m, 2, 59) && digits(s, 2, 60))
        || rest.get(2..3) != Some(":")
        || rest.get(5..6) != Some(":")
    {
        return false;
    }
    let mut zone = &rest[8..];
    if let Some(frac) = zone.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return false;
        }
        zone = &frac[n..];
    }
    if zone == "Z" || zone == "z" {
        return true;
    }
    let Some(offset) = zone.strip_prefix(['+', '-']) else {
        return false;
    };
    offset.len() == 5
        && offset.get(2..3) == Some(":")
        && offset.get(..2).is_some_and(|h| digits(h, 2, 23))
        && offset.get(3..).is_some_and(|m| digits(m, 2, 59))
}

impl Rec<'_> {
    /// Reports an issue about field `field` of this record.
    pub(crate) fn issue(
        &mut self,
        field: Option<String>,
        kind: IssueKind,
        message: impl Into<String>,
    ) -> Result<(), Issue> {
        let issue = Issue {
            file: self.file.to_owned(),
            record: Some(self.record.clone()),
            field,
            kind,
            message: message.into(),
        };
        self.sink.report(issue)
    }

    /// An optional string; `""` counts as absent.
    pub(crate) fn opt_str(&mut self, o: Obj<'_>, name: &str) -> Result<Option<String>, Issue> {
        let Some(value) = o.get(name) else {
            return Ok(None);
        };
        let Value::String(text) = value else {
            let msg = format!(
                "expected a string, found {}; field ignored",
                type_name(value)
            );
            self.issue(Some(o.at(name)), IssueKind::WrongType, msg)?;
            return Ok(None);
        };
        if text.len() > MAX_FIELD_BYTES {
            // The message gives the size only: never copy a huge value.
            let msg = format!(
                "{} bytes, more than the {MAX_FIELD_BYTES} accepted; field ignored",
                text.len()
            );
            self.issue(Some(o.at(name)), IssueKind::TooLong, msg)?;
            return Ok(None);
        }
        Ok((!text.is_empty()).then(|| text.clone()))
    }

    /// A string HSDS requires but carenav can do without (`""` when absent).
    pub(crate) fn defaulted_str(&mut self, o: Obj<'_>, name: &str) -> Result<String, Issue> {
        if o.get(name).is_none() {
            self.issue(
                Some(o.at(name)),
                IssueKind::MissingField,
                "required field is missing; read as empty",
            )?;
        }
        Ok(self.opt_str(o, name)?.unwrap_or_default())
    }

    /// A string that must be present and non-empty; `noun` names what is
    /// skipped when it is not.
    pub(crate) fn req_str(
        &mut self,
        o: Obj<'_>,
        name: &str,
        noun: &str,
    ) -> Result<Option<String>, Issue> {
        if o.get(name).is_none() {
            let msg = format!("required field is missing; the {noun} is skipped");
            self.issue(Some(o.at(name)), IssueKind::MissingField, msg)?;
            return Ok(None);
        }
        let value = self.opt_str(o, name)?;
        if value.is_none() && o.get(name).is_some_and(|v| v.as_str() == Some("")) {
            let msg = format!("required field is empty; the {noun} is skipped");
            self.issue(Some(o.at(name)), IssueKind::MissingField, msg)?;
        }
        Ok(value)
    }

    /// A string HSDS requires to be present; `""` is accepted (carenav's model
    /// uses it for "none", e.g. address lines).
    pub(crate) fn present_str(
        &mut self,
        o: Obj<'_>,
        name: &str,
        noun: &str,
    ) -> Result<Option<String>, Issue> {
        if o.get(name).is_none() {
            let msg = format!("required field is missing; the {noun} is skipped");
            self.issue(Some(o.at(name)), IssueKind::MissingField, msg)?;
            return Ok(None);
        }
        match o.get(name) {
            Some(Value::String(text)) if text.is_empty() => Ok(Some(String::new())),
            _ => Ok(self.opt_str(o, name)?),
        }
    }

    /// A required UUID id.
    pub(crate) fn req_id(
        &mut self,
        o: Obj<'_>,
        name: &str,
        noun: &str,
    ) -> Result<Option<String>, Issue> {
        let Some(id) = self.req_str(o, name, noun)? else {
            return Ok(None);
        };
        if !is_uuid(&id) {
            let msg = format!("{:?} is not a UUID; the {noun} is skipped", short(&id));
            self.issue(Some(o.at(name)), IssueKind::InvalidValue, msg)?;
            return Ok(None);
        }
        Ok(Some(id))
    }

    /// An optional UUID (an id of a child record, or a reference).
    pub(crate) fn opt_id(&mut self, o: Obj<'_>, name: &str) -> Result<Option<String>, Issue> {
        let Some(id) = self.opt_str(o, name)? else {
            return Ok(None);
        };
        if !is_uuid(&id) {
            let msg = format!("{:?} is not a UUID; field ignored", short(&id));
            self.issue(Some(o.at(name)), IssueKind::InvalidValue, msg)?;
            return Ok(None);
        }
        Ok(Some(id))
    }

    /// The id of a child record (phone, schedule…): HSDS requires it, carenav
    /// does not, so a missing or bad id only drops the id.
    pub(crate) fn child_id(&mut self, o: Obj<'_>) -> Result<Option<String>, Issue> {
        if o.get("id").is_none() {
            self.issue(
                Some(o.at("id")),
                IssueKind::MissingField,
                "required field is missing; the record is kept without an id",
            )?;
            return Ok(None);
        }
        self.opt_id(o, "id")
    }

    /// An optional string checked by `valid`; `what` names the format.
    fn opt_checked(
        &mut self,
        o: Obj<'_>,
        name: &str,
        valid: fn(&str) -> bool,
        what: &str,
    ) -> Result<Option<String>, Issue> {
        let Some(text) = self.opt_str(o, name)? else {
            return Ok(None);
        };
        if !valid(&text) {
            let msg = format!("{:?} is not a valid {what}; field ignored", short(&text));
            self.issue(Some(o.at(name)), IssueKind::InvalidValue, msg)?;
            return Ok(None);
        }
        Ok(Some(text))
    }

    pub(crate) fn opt_email(&mut self, o: Obj<'_>, name: &str) -> Result<Option<String>, Issue> {
        self.opt_checked(o, name, is_email, "email address")
    }

    pub(crate) fn opt_uri(&mut self, o: Obj<'_>, name: &str) -> Result<Option<String>, Issue> {
        self.opt_checked(o, name, is_uri, "absolute URI")
    }

    pub(crate) fn opt_date_time(
        &mut self,
        o: Obj<'_>,
        name: &str,
    ) -> Result<Option<String>, Issue> {
        self.opt_checked(o, name, is_date_time, "RFC 3339 date-time")
    }

    /// An optional `YYYY-MM-DD` date.
    pub(crate) fn opt_date(&mut self, o: Obj<'_>, name: &str) -> Result<Option<Date>, Issue> {
        let Some(text) = self.opt_str(o, name)? else {
            return Ok(None);
        };
        match Date::parse(&text) {
            Ok(date) => Ok(Some(date)),
            Err(err) => {
                self.issue(
                    Some(o.at(name)),
                    IssueKind::InvalidValue,
                    format!("{err}; field ignored"),
                )?;
                Ok(None)
            }
        }
    }

    /// An optional finite number.
    pub(crate) fn opt_num(&mut self, o: Obj<'_>, name: &str) -> Result<Option<f64>, Issue> {
        let Some(value) = o.get(name) else {
            return Ok(None);
        };
        match value.as_f64() {
            Some(n) if n.is_finite() => Ok(Some(n)),
            Some(_) => {
                self.issue(
                    Some(o.at(name)),
                    IssueKind::OutOfRange,
                    "not a finite number; field ignored",
                )?;
                Ok(None)
            }
            None => {
                let msg = format!(
                    "expected a number, found {}; field ignored",
                    type_name(value)
                );
                self.issue(Some(o.at(name)), IssueKind::WrongType, msg)?;
                Ok(None)
            }
        }
    }

    /// An optional number within `range` (ends included).
    pub(crate) fn opt_num_in(
        &mut self,
        o: Obj<'_>,
        name: &str,
        min: f64,
        max: f64,
    ) -> Result<Option<f64>, Issue> {
        let Some(n) = self.opt_num(o, name)? else {
            return Ok(None);
        };
        if !(min..=max).contains(&n) {
            let msg = format!("{n} is outside {min}..={max}; field ignored");
            self.issue(Some(o.at(name)), IssueKind::OutOfRange, msg)?;
            return Ok(None);
        }
        Ok(Some(n))
    }

    /// An optional enum value. A value matching only case-insensitively is
    /// accepted with a warning (strict mode refuses it).
    pub(crate) fn opt_enum<T>(
        &mut self,
        o: Obj<'_>,
        name: &str,
        allowed: &[&str],
        parse: fn(&str) -> Option<T>,
    ) -> Result<Option<T>, Issue> {
        self.enum_value(o, name, allowed, parse, "field ignored")
    }

    /// A required enum value; `noun` names what is skipped without it.
    pub(crate) fn req_enum<T>(
        &mut self,
        o: Obj<'_>,
        name: &str,
        noun: &str,
        allowed: &[&str],
        parse: fn(&str) -> Option<T>,
    ) -> Result<Option<T>, Issue> {
        if o.get(name).is_none() {
            let msg = format!("required field is missing; the {noun} is skipped");
            self.issue(Some(o.at(name)), IssueKind::MissingField, msg)?;
            return Ok(None);
        }
        self.enum_value(o, name, allowed, parse, &format!("the {noun} is skipped"))
    }

    fn enum_value<T>(
        &mut self,
        o: Obj<'_>,
        name: &str,
        allowed: &[&str],
        parse: fn(&str) -> Option<T>,
        consequence: &str,
    ) -> Result<Option<T>, Issue> {
        let Some(text) = self.opt_str(o, name)? else {
            return Ok(None);
        };
        let Some(value) = parse(&text) else {
            let msg = format!(
                "{:?} is not one of {}; {consequence}",
                short(&text),
                allowed.join(", ")
            );
            self.issue(Some(o.at(name)), IssueKind::InvalidValue, msg)?;
            return Ok(None);
        };
        if !allowed.contains(&text.as_str()) {
            let msg = format!(
                "{text:?} should be spelled as one of {}",
                allowed.join(", ")
            );
            self.issue(Some(o.at(name)), IssueKind::InvalidValue, msg)?;
        }
        Ok(Some(value))
    }

    /// The objects of an array field, with their paths. A non-array is a
    /// type error; non-object items are skipped with a type error each.
    pub(crate) fn array<'v>(&mut self, o: Obj<'v>, name: &str) -> Result<Vec<Item<'v>>, Issue> {
        let Some(value) = o.get(name) else {
            return Ok(Vec::new());
        };
        let Value::Array(items) = value else {
            let msg = format!(
                "expected an array, found {}; field ignored",
                type_name(value)
            );
            self.issue(Some(o.at(name)), IssueKind::WrongType, msg)?;
            return Ok(Vec::new());
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = format!("{}[{i}]", o.at(name));
            match item {
                Value::Object(map) => out.push((path, map)),
                other => {
                    let msg = format!(
                        "expected an object, found {}; item ignored",
                        type_name(other)
                    );
                    self.issue(Some(path), IssueKind::WrongType, msg)?;
                }
            }
        }
        Ok(out)
    }

    /// An optional nested object.
    pub(crate) fn object<'v>(
        &mut self,
        o: Obj<'v>,
        name: &str,
    ) -> Result<Option<&'v Map<String, Value>>, Issue> {
        match o.get(name) {
            None => Ok(None),
            Some(Value::Object(map)) => Ok(Some(map)),
            Some(other) => {
                let msg = format!(
                    "expected an object, found {}; field ignored",
                    type_name(other)
                );
                self.issue(Some(o.at(name)), IssueKind::WrongType, msg)?;
                Ok(None)
            }
        }
    }
}

/// The start of a value, for messages (never copies a huge value).
pub(crate) fn short(text: &str) -> String {
    let mut out: String = text.chars().take(60).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case("ac148810-d857-441c-9679-408f346de14b", true)]
    #[case("AC148810-D857-441C-9679-408F346DE14B", true)]
    #[case("ac148810d857441c9679408f346de14b", false)]
    #[case("ac148810-d857-441c-9679-408f346de14", false)]
    #[case("12", false)]
    fn checks_uuids(#[case] text: &str, #[case] ok: bool) {
        assert_eq!(is_uuid(text), ok);
    }

    #[rstest]
    #[case("2023-03-15T10:30:45.123Z", true)]
    #[case("2023-03-15T10:30:45+01:00", true)]
    #[case("2023-03-15", false)]
    #[case("2023-03-15T25:30:45Z", false)]
    #[case("2023-03-15T10:30:45", false)]
    #[case("2023-02-30T10:30:45Z", false)]
    fn checks_date_times(#[case] text: &str, #[case] ok: bool) {
        assert_eq!(is_date_time(text), ok);
    }

    #[rstest]
    #[case("email@example.com", true)]
    #[case("a.b+c@mail.example.org", true)]
    #[case("no at sign", false)]
    #[case("a@localhost", false)]
    #[case("a b@example.com", false)]
    fn checks_emails(#[case] text: &str, #[case] ok: bool) {
        assert_eq!(is_email(text), ok);
    }

    #[rstest]
    #[case("http://example.com/counselling", true)]
    #[case("https://example.com/a%20b?x=1#top", true)]
    #[case("www.example.com", false)]
    #[case("http://exa mple.com", false)]
    #[case("http://example.com/%zz", false)]
    fn checks_uris(#[case] text: &str, #[case] ok: bool) {
        assert_eq!(is_uri(text), ok);
    }
}
