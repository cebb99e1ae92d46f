//! The JSON object of the spec.
//!
//! ```json
//! {
//!   "diagnostics": [
//!     {"check":"orphaned-product","severity":"error","entity":{"kind":"product","id":"web-player"},"message":"...","help":"...","location":{"file":"org/products.yaml","line":12,"column":5},"related":[{"kind":"team","id":"playback"}]}
//!   ],
//!   "summary": {"errors":1,"warnings":0,"entities":42}
//! }
//! ```

use std::io::{self, Write};

use serde::Serialize;
use serde::ser::SerializeMap;

use super::Report;
use crate::diagnostic::Diagnostic;
use crate::source::{Location, Sources};

/// Writes the report as the spec's JSON object, with a final newline.
///
/// Each diagnostic is one compact line of its own: the output stays easy to
/// read, grep and diff, and a run with a few hundred thousand findings
/// writes about a third fewer bytes than an indented rendering would.
///
/// # Errors
///
/// Whatever writing to `out` fails with.
pub fn write(report: &Report, out: &mut impl Write) -> io::Result<()> {
    out.write_all(b"{\n  \"diagnostics\": [")?;
    for (i, d) in report.diagnostics.iter().enumerate() {
        out.write_all(if i == 0 { b"\n    " } else { b",\n    " })?;
        serde_json::to_writer(&mut *out, &JsonDiagnostic(d, &report.sources)).map_err(io_error)?;
    }
    if !report.diagnostics.is_empty() {
        out.write_all(b"\n  ")?;
    }
    out.write_all(b"],\n  \"summary\": ")?;
    serde_json::to_writer(&mut *out, &report.summary).map_err(io_error)?;
    out.write_all(b"\n}\n")
}

fn io_error(e: serde_json::Error) -> io::Error {
    match e.io_error_kind() {
        Some(kind) => io::Error::new(kind, e),
        None => io::Error::other(e),
    }
}

/// The report as the spec's JSON object, in a string.
pub fn to_string(report: &Report) -> String {
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write(report, &mut buf);
    String::from_utf8(buf).unwrap_or_default()
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
