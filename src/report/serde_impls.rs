//! `Serialize` and `Display` for [`Report`] and [`Diagnostic`], so that a
//! tool embedding opmodel can hand them to serde or print them as they are.

use std::fmt;

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::Report;
use crate::diagnostic::Diagnostic;

/// The spec's JSON object, exactly as [`json::to_string`](super::json::to_string)
/// writes it, through any serde serializer.
///
/// ```
/// use opmodel::Org;
/// use opmodel::model::{Model, Product};
/// let report = Org::from_model(Model::builder().product(Product::new("gift-registry")).build()).check();
/// let value = serde_json::to_value(&report).unwrap();
/// let checks: Vec<&str> = value["diagnostics"].as_array().unwrap().iter()
///     .filter_map(|d| d["check"].as_str()).collect();
/// assert!(checks.contains(&"orphaned-product"));
/// assert_eq!(value["summary"]["errors"], 1);
/// ```
impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = super::json::to_string(self);
        let value: serde_json::Value =
            serde_json::from_str(&text).map_err(serde::ser::Error::custom)?;
        value.serialize(serializer)
    }
}

/// The report as `opmodel check` prints it, without colours.
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&super::human::render(
            self,
            super::human::Options::default(),
        ))
    }
}

/// One finding in the shape of the spec's JSON, but for its location: a
/// diagnostic alone does not know the paths of its files, so `file` is the
/// index of the file in the report's [`Sources`](crate::source::Sources)
/// (serialize the [`Report`] for paths).
impl Serialize for Diagnostic {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("check", &self.check)?;
        map.serialize_entry("severity", &self.severity)?;
        map.serialize_entry("entity", &self.entity)?;
        map.serialize_entry("message", &self.message)?;
        if let Some(help) = &self.help {
            map.serialize_entry("help", help)?;
        }
        if let Some(l) = self.primary_location() {
            map.serialize_entry("location", &location(l))?;
        }
        map.serialize_entry("related", &self.related)?;
        if self.more_related > 0 {
            map.serialize_entry("more_related", &self.more_related)?;
        }
        if !self.labels.is_empty() {
            let labels: Vec<serde_json::Value> = self
                .labels
                .iter()
                .map(|l| serde_json::json!({ "message": l.message, "location": location(l.location) }))
                .collect();
            map.serialize_entry("labels", &labels)?;
            if self.more_labels > 0 {
                map.serialize_entry("more_labels", &self.more_labels)?;
            }
        }
        map.end()
    }
}

/// A location as [`Diagnostic`]'s serialization writes it, `file` by index.
fn location(l: crate::source::Location) -> serde_json::Value {
    let (end_line, end_column) = l.end();
    serde_json::json!({
        "file": l.file.index(),
        "line": l.line,
        "column": l.column,
        "end_line": end_line,
        "end_column": end_column,
    })
}

/// `error[check]: message`, as the first line of the text rendering.
///
/// ```
/// use opmodel::Diagnostic;
/// use opmodel::model::{EntityKind, EntityRef};
/// let d = Diagnostic::new("orphaned-product", EntityRef::new(EntityKind::Product, "gift-registry"), "product `gift-registry` has no accountable team");
/// assert_eq!(d.to_string(), "error[orphaned-product]: product `gift-registry` has no accountable team");
/// ```
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]: {}", self.severity, self.check, self.message)
    }
}
