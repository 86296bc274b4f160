//! Reading screening answers: carenav's simple answers JSON and FHIR R4
//! QuestionnaireResponse.

use serde_json::Value;

use super::AssessError;

/// One answer value as given.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerValue {
    /// A LOINC answer code (`LA31995-6`).
    Code(String),
    /// A whole number.
    Integer(i64),
    /// A number.
    Decimal(f64),
    /// Text (a FHIR `valueString`; matched against answer codes and texts for choice items).
    Text(String),
}

/// The answers to one item.
#[derive(Debug, Clone, PartialEq)]
pub struct GivenAnswer {
    /// LOINC item code.
    pub item: String,
    /// Where it was in the input (`answers.71802-3`, `item[0].item[2]`), for errors.
    pub path: String,
    /// The values (several for multi-select items).
    pub values: Vec<AnswerValue>,
}

/// Screening answers read from either input format.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AnswerSet {
    /// Instrument named by the input (`instrument` of the simple format).
    pub instrument: Option<String>,
    /// `QuestionnaireResponse.questionnaire` (canonical URL), used to recognise the instrument.
    pub questionnaire: Option<String>,
    /// Group item codes seen in a QuestionnaireResponse (panel codes help recognition).
    pub groups: Vec<String>,
    /// The answers, in input order.
    pub answers: Vec<GivenAnswer>,
}

fn shape(path: &str, message: impl Into<String>) -> AssessError {
    AssessError::Shape {
        path: path.to_string(),
        message: message.into(),
    }
}

/// Reads answers from JSON text: a FHIR R4 QuestionnaireResponse (recognised
/// by `"resourceType":"QuestionnaireResponse"`) or the simple format
/// `{"instrument":"ahc-hrsn","answers":{"71802-3":"LA31995-6","96778-6":["LA31996-4"],"63512-8":4}}`.
pub fn parse_answers(text: &str) -> Result<AnswerSet, AssessError> {
    let value: Value = serde_json::from_str(text).map_err(|e| AssessError::Json {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let Value::Object(obj) = &value else {
        return Err(shape("$", "expected a JSON object"));
    };
    match obj.get("resourceType") {
        Some(Value::String(t)) if t == "QuestionnaireResponse" => parse_fhir(&value),
        Some(other) => Err(shape(
            "resourceType",
            format!("expected \"QuestionnaireResponse\", found {}", short(other)),
        )),
        None => parse_simple(obj),
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 60 {
        format!("{}...", s.chars().take(60).collect::<String>())
    } else {
        s
    }
}

fn parse_simple(obj: &serde_json::Map<String, Value>) -> Result<AnswerSet, AssessError> {
    for key in obj.keys() {
        if !matches!(key.as_str(), "instrument" | "answers") {
            return Err(shape(
                key,
                "unknown field; the answers format is {\"instrument\":\"ahc-hrsn\",\"answers\":{\"LOINC item\":\"LOINC answer\",...}} or a FHIR QuestionnaireResponse",
            ));
        }
    }
    let instrument = match obj.get("instrument") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(other) => {
            return Err(shape(
                "instrument",
                format!("expected a string, found {}", short(other)),
            ));
        }
    };
    let Some(Value::Object(answers)) = obj.get("answers") else {
        return Err(shape(
            "answers",
            "expected an object mapping LOINC item codes to answer codes, e.g. {\"71802-3\":\"LA31995-6\"}",
        ));
    };
    let mut out = Vec::with_capacity(answers.len());
    for (item, v) in answers {
        let path = format!("answers.{item}");
        let values = match v {
            Value::Null => continue,
            Value::Array(list) => list
                .iter()
                .enumerate()
                .map(|(i, x)| simple_value(x, &format!("{path}[{i}]")))
                .collect::<Result<Vec<_>, _>>()?,
            x => vec![simple_value(x, &path)?],
        };
        out.push(GivenAnswer {
            item: item.trim().to_string(),
            path,
            values,
        });
    }
    Ok(AnswerSet {
        instrument,
        answers: out,
        ..AnswerSet::default()
    })
}

fn simple_value(v: &Value, path: &str) -> Result<AnswerValue, AssessError> {
    match v {
        Value::String(s) => Ok(AnswerValue::Code(s.trim().to_string())),
        Value::Number(n) => Ok(match n.as_i64() {
            Some(i) => AnswerValue::Integer(i),
            None => AnswerValue::Decimal(n.as_f64().unwrap_or(f64::NAN)),
        }),
        other => Err(shape(
            path,
            format!(
                "expected an answer code or a number, found {}",
                short(other)
            ),
        )),
    }
}

fn parse_fhir(root: &Value) -> Result<AnswerSet, AssessError> {
    let mut set = AnswerSet {
        questionnaire: root
            .get("questionnaire")
            .and_then(Value::as_str)
            .map(str::to_string),
        ..AnswerSet::default()
    };
    if let Some(items) = root.get("item") {
        walk_items(items, "item", 0, &mut set)?;
    }
    Ok(set)
}

/// Deep enough for any real questionnaire; stops hostile nesting.
const MAX_DEPTH: usize = 16;

fn walk_items(
    items: &Value,
    path: &str,
    depth: usize,
    set: &mut AnswerSet,
) -> Result<(), AssessError> {
    if depth > MAX_DEPTH {
        return Err(shape(
            path,
            format!("items nested more than {MAX_DEPTH} deep"),
        ));
    }
    let Value::Array(list) = items else {
        return Err(shape(path, "expected an array of items"));
    };
    for (i, item) in list.iter().enumerate() {
        let path = format!("{path}[{i}]");
        let Some(link_id) = item.get("linkId").and_then(Value::as_str) else {
            return Err(shape(&path, "item without a linkId"));
        };
        let code = item_code(item, link_id);
        match item.get("answer") {
            Some(Value::Array(answers)) if !answers.is_empty() => {
                let mut values = Vec::new();
                for (j, a) in answers.iter().enumerate() {
                    let apath = format!("{path}.answer[{j}]");
                    values.push(fhir_value(a, &apath)?);
                    // Items may nest under answers.
                    if let Some(children) = a.get("item") {
                        walk_items(children, &format!("{apath}.item"), depth + 1, set)?;
                    }
                }
                match set.answers.iter_mut().find(|g| g.item == code) {
                    Some(g) => g.values.extend(values),
                    None => set.answers.push(GivenAnswer {
                        item: code,
                        path: path.clone(),
                        values,
                    }),
                }
            }
            Some(Value::Array(_)) | None => set.groups.push(code),
            Some(_) => return Err(shape(&path, "answer must be an array")),
        }
        if let Some(children) = item.get("item") {
            walk_items(children, &format!("{path}.item"), depth + 1, set)?;
        }
    }
    Ok(())
}

/// The LOINC code of a QuestionnaireResponse item: a `code[].code` if present
/// (not in R4 QuestionnaireResponse, but some producers add it), else the last
/// `/` segment of `linkId` (`/93042-0/71802-3` gives `71802-3`).
fn item_code(item: &Value, link_id: &str) -> String {
    if let Some(Value::Array(codes)) = item.get("code")
        && let Some(c) = codes
            .iter()
            .find_map(|c| c.get("code").and_then(Value::as_str))
    {
        return c.trim().to_string();
    }
    link_id
        .rsplit('/')
        .next()
        .unwrap_or(link_id)
        .trim()
        .to_string()
}

fn fhir_value(answer: &Value, path: &str) -> Result<AnswerValue, AssessError> {
    if let Some(coding) = answer.get("valueCoding") {
        return coding
            .get("code")
            .and_then(Value::as_str)
            .map(|c| AnswerValue::Code(c.trim().to_string()))
            .ok_or_else(|| shape(path, "valueCoding without a code"));
    }
    if let Some(v) = answer.get("valueInteger") {
        return v.as_i64().map(AnswerValue::Integer).ok_or_else(|| {
            shape(
                path,
                format!("valueInteger is not an integer: {}", short(v)),
            )
        });
    }
    if let Some(v) = answer.get("valueDecimal") {
        return v
            .as_f64()
            .map(AnswerValue::Decimal)
            .ok_or_else(|| shape(path, format!("valueDecimal is not a number: {}", short(v))));
    }
    for key in ["valueString", "valueDate", "valueDateTime"] {
        if let Some(v) = answer.get(key) {
            return v
                .as_str()
                .map(|s| AnswerValue::Text(s.to_string()))
                .ok_or_else(|| shape(path, format!("{key} is not a string")));
        }
    }
    Err(shape(
        path,
        "unsupported answer; expected valueCoding, valueInteger, valueDecimal or valueString",
    ))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn simple_format() {
        let set = parse_answers(r#"{"instrument":"ahc-hrsn","answers":{"71802-3":"LA31995-6","96778-6":["LA31996-4","LA28580-1"],"x":null}}"#).unwrap();
        assert_eq!(set.instrument.as_deref(), Some("ahc-hrsn"));
        assert_eq!(set.answers.len(), 2);
        assert_eq!(set.answers[1].values.len(), 2);
    }

    #[test]
    fn bad_shapes() {
        assert!(matches!(
            parse_answers("[1]"),
            Err(AssessError::Shape { .. })
        ));
        assert!(matches!(
            parse_answers("{\"answers\":[]}"),
            Err(AssessError::Shape { .. })
        ));
        assert!(matches!(
            parse_answers("{\"answers\":{\"a\":true}}"),
            Err(AssessError::Shape { .. })
        ));
        assert!(matches!(
            parse_answers("{\"answer\":{}}"),
            Err(AssessError::Shape { .. })
        ));
        assert!(matches!(
            parse_answers("{\"resourceType\":\"Patient\"}"),
            Err(AssessError::Shape { .. })
        ));
        assert!(matches!(
            parse_answers("{"),
            Err(AssessError::Json { line: 1, .. })
        ));
    }

    #[test]
    fn deep_nesting_is_refused() {
        let mut item = String::from("{\"linkId\":\"x\"}");
        for _ in 0..40 {
            item = format!("{{\"linkId\":\"g\",\"item\":[{item}]}}");
        }
        let qr = format!("{{\"resourceType\":\"QuestionnaireResponse\",\"item\":[{item}]}}");
        assert!(
            parse_answers(&qr)
                .unwrap_err()
                .to_string()
                .contains("nested")
        );
    }
}
