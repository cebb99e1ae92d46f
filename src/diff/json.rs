//! The diff as one JSON object, with a final newline:
//!
//! ```json
//! {
//!   "changes": [
//!     {"change":"owner-changed","entity":{"kind":"product","id":"web-player"},"before":["playback"],"after":["discovery"]}
//!   ],
//!   "findings": {
//!     "introduced": [
//!       {"check":"idle-team","severity":"warning","entity":{"kind":"team","id":"playback"},"message":"...","location":{"file":"org.yaml","line":3,"column":5},"related":[]}
//!     ],
//!     "resolved": []
//!   },
//!   "summary": {"changes":1,"introduced":{"errors":0,"warnings":1,"notes":0},"resolved":{"errors":0,"warnings":0,"notes":0},"entities":{"before":3,"after":4}}
//! }
//! ```
//!
//! `change` is the [`ChangeKind`](super::ChangeKind) name; `before` and
//! `after` are `null`, a string or a list of strings. The findings have
//! the shape of `opmodel check --format json`'s diagnostics; an introduced
//! finding's location is in the new version, a resolved one's in the old.

use super::Diff;
use crate::report::Report;

/// The diff as the JSON object above.
pub fn to_string(diff: &Diff) -> String {
    let mut out: Vec<u8> = Vec::new();
    out.extend_from_slice(b"{\n  \"changes\": [");
    for (i, c) in diff.changes.iter().enumerate() {
        out.extend_from_slice(if i == 0 { b"\n    " } else { b",\n    " });
        // A struct of strings always serialises.
        out.extend_from_slice(serde_json::to_string(c).unwrap_or_default().as_bytes());
    }
    if !diff.changes.is_empty() {
        out.extend_from_slice(b"\n  ");
    }
    out.extend_from_slice(b"],\n  \"findings\": {\n    \"introduced\": [");
    findings(&mut out, &diff.introduced);
    out.extend_from_slice(b"],\n    \"resolved\": [");
    findings(&mut out, &diff.resolved);
    out.extend_from_slice(b"]\n  },\n  \"summary\": ");
    out.extend_from_slice(
        serde_json::to_string(&diff.summary)
            .unwrap_or_default()
            .as_bytes(),
    );
    out.extend_from_slice(b"\n}\n");
    String::from_utf8(out).unwrap_or_default()
}

fn findings(out: &mut Vec<u8>, report: &Report) {
    for (i, d) in report.diagnostics.iter().enumerate() {
        out.extend_from_slice(if i == 0 { b"\n      " } else { b",\n      " });
        crate::report::json::push_diagnostic(out, d, &report.sources);
    }
    if !report.diagnostics.is_empty() {
        out.extend_from_slice(b"\n    ");
    }
}
