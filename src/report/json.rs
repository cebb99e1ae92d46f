//! The JSON object of the spec.
//!
//! ```json
//! { "diagnostics": [ { "check": "...", "severity": "error",
//!     "entity": { "kind": "product", "id": "web-player" },
//!     "message": "...", "help": "...",
//!     "location": { "file": "org/products.yaml", "line": 12, "column": 5 },
//!     "related": [ { "kind": "team", "id": "playback" } ] } ],
//!   "summary": { "errors": 1, "warnings": 0, "entities": 42 } }
//! ```

use std::io::{self, Write};

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeStruct};

use super::Report;
use crate::diagnostic::Diagnostic;
use crate::source::{Location, Sources};

/// Writes the report as the spec's JSON object (pretty-printed, with a
/// final newline).
///
/// # Errors
///
/// Whatever writing to `out` fails with.
pub fn write(report: &Report, out: &mut impl Write) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(
        &mut *out,
        serde_json::ser::PrettyFormatter::with_indent(b"  "),
    );
    JsonReport(report)
        .serialize(&mut ser)
        .map_err(|e| match e.io_error_kind() {
            Some(kind) => io::Error::new(kind, e),
            None => io::Error::other(e),
        })?;
    out.write_all(b"\n")
}

/// The report as the spec's JSON object, in a string.
pub fn to_string(report: &Report) -> String {
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write(report, &mut buf);
    String::from_utf8(buf).unwrap_or_default()
}

struct JsonReport<'a>(&'a Report);

impl Serialize for JsonReport<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Report", 2)?;
        st.serialize_field("diagnostics", &Diagnostics(self.0))?;
        st.serialize_field("summary", &self.0.summary)?;
        st.end()
    }
}

struct Diagnostics<'a>(&'a Report);

impl Serialize for Diagnostics<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.0
                .diagnostics
                .iter()
                .map(|d| JsonDiagnostic(d, &self.0.sources)),
        )
    }
}

struct JsonDiagnostic<'a>(&'a Diagnostic, &'a Sources);

impl Serialize for JsonDiagnostic<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("check", &d.check)?;
        m.serialize_entry("severity", &d.severity)?;
        m.serialize_entry("entity", &d.entity)?;
        m.serialize_entry("message", &d.message)?;
        if let Some(help) = &d.help {
            m.serialize_entry("help", help)?;
        }
        if let Some(loc) = d.location {
            m.serialize_entry("location", &JsonLocation(loc, self.1))?;
        }
        m.serialize_entry("related", &d.related)?;
        m.end()
    }
}

struct JsonLocation<'a>(Location, &'a Sources);

impl Serialize for JsonLocation<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let l = self.0;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("file", self.1.display(l.file))?;
        if l.line > 0 {
            m.serialize_entry("line", &l.line)?;
            if l.column > 0 {
                m.serialize_entry("column", &l.column)?;
            }
        }
        m.end()
    }
}
