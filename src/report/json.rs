//! The JSON object of the spec.
//!
//! `location` is where the finding points (the field or value at fault
//! when the loader or the check knows it, else the entity), the same place
//! the text rendering underlines: `line` and `column` where it starts,
//! `end_line` and `end_column` just past its last character (columns
//! count characters; the end column is exclusive, as in SARIF).
//!
//! ```json
//! {
//!   "diagnostics": [
//!     {"check":"orphaned-product","severity":"error","entity":{"kind":"product","id":"web-player"},"message":"...","help":"...","location":{"file":"org/products.yaml","line":12,"column":5,"end_line":12,"end_column":20},"related":[{"kind":"team","id":"playback"}]}
//!   ],
//!   "summary": {"errors":1,"warnings":0,"entities":42}
//! }
//! ```

use std::io::{self, Write};
use std::sync::Mutex;

use super::{Report, json_text};
use crate::diagnostic::Diagnostic;
use crate::model::EntityRef;
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
    let chunks: Vec<&[Diagnostic]> = report.diagnostics.chunks(CHUNK).collect();
    write_chunks(&chunks, &report.sources, &mut true, out)?;
    close(!report.diagnostics.is_empty(), &report.summary, out)
}

/// [`write()`] for findings read one at a time (see [`crate::Findings`]): a
/// window of them is held at once, not all. `summary` is given the
/// iterator back once every finding is written, so that counts gathered
/// as the findings went by can make the summary.
///
/// # Errors
///
/// Whatever writing to `out` fails with.
///
/// ```
/// use opmodel::{Linter, load::{load_str, Format}, report::{Summary, json}};
/// let loaded = load_str("products:\n  - id: gift-registry\n", Format::Yaml, "org.yaml");
/// let found = Linter::new().check_findings(loaded);
/// let mut out = Vec::new();
/// let entities = found.entities;
/// json::write_findings(found.findings, &found.sources, |_| Summary { entities, ..Summary::default() }, &mut out)
///     .expect("writes to memory");
/// let text = String::from_utf8(out).expect("JSON is text");
/// assert!(text.contains("\"orphaned-product\""));
/// ```
pub fn write_findings<I: Iterator<Item = Diagnostic> + Send>(
    diagnostics: I,
    sources: &Sources,
    summary: impl FnOnce(I) -> super::Summary,
    out: &mut impl Write,
) -> io::Result<()> {
    out.write_all(b"{\n  \"diagnostics\": [")?;
    let mut first = true;
    // One thread reads the findings a window at a time while this one
    // renders and writes the window before: reading (unpacking and
    // merging) and writing take about as long as each other.
    let (diagnostics, written) = std::thread::scope(|scope| {
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Diagnostic>>(1);
        let reader = scope.spawn(move || {
            let mut diagnostics = diagnostics;
            loop {
                let window: Vec<Diagnostic> = diagnostics.by_ref().take(CHUNK * WINDOW).collect();
                // The receiver is gone when writing failed: stop.
                if window.is_empty() || send.send(window).is_err() {
                    return diagnostics;
                }
            }
        });
        let mut written = Ok(());
        for window in receive {
            let chunks: Vec<&[Diagnostic]> = window.chunks(CHUNK).collect();
            written = write_chunks(&chunks, sources, &mut first, out);
            if written.is_err() {
                break;
            }
        }
        // (Dropping the receiver above ends the reader's loop.)
        let diagnostics = match reader.join() {
            Ok(diagnostics) => diagnostics,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        (diagnostics, written)
    });
    written?;
    close(!first, &summary(diagnostics), out)
}

/// Findings rendered a chunk at a time.
const CHUNK: usize = 1024;
/// Chunks rendered side by side, then written in order.
const WINDOW: usize = 16;

/// Writes `chunks` of findings in order, each after a separator (none
/// before the first of all, while `first`).
fn write_chunks(
    chunks: &[&[Diagnostic]],
    sources: &Sources,
    first: &mut bool,
    out: &mut impl Write,
) -> io::Result<()> {
    // Big reports are rendered a window of chunks at a time on all cores
    // and written in order, so the bytes are the same as one by one. This
    // thread writes one window while another renders the next (writing a
    // big report to a file is about a third of the time), so the buffers
    // of at most three windows exist at once: one being written, one
    // being rendered, and written ones waiting to be reused.
    let threads = if chunks.len() > 1 {
        crate::parallel::threads(4)
    } else {
        1
    };
    // Buffers go back to the renderers once written: fresh ones for every
    // chunk of a big report would each be memory the kernel hands out anew.
    let spare: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());
    crate::parallel::map_windows_in_order(
        chunks,
        WINDOW,
        threads,
        |chunk| {
            let bytes = spare.lock().ok().and_then(|mut s| s.pop());
            render(chunk, sources, bytes.unwrap_or_default())
        },
        |rendered| {
            for bytes in rendered {
                // Every diagnostic is rendered after a separator; the first
                // of all has nothing to separate it from.
                let skip = usize::from(*first);
                *first = false;
                out.write_all(bytes.get(skip..).unwrap_or_default())?;
                if let Ok(mut s) = spare.lock() {
                    s.push(bytes);
                }
            }
            Ok::<(), io::Error>(())
        },
    )
}

/// Ends the list of findings (`any` when it has some) and writes the
/// summary and the object's end.
fn close(any: bool, summary: &super::Summary, out: &mut impl Write) -> io::Result<()> {
    if any {
        out.write_all(b"\n  ")?;
    }
    out.write_all(b"],\n  \"summary\": ")?;
    serde_json::to_writer(&mut *out, summary).map_err(io_error)?;
    out.write_all(b"\n}\n")
}

/// `diagnostics`, each after `,` and a new line, in `bytes` (emptied first).
fn render(diagnostics: &[Diagnostic], sources: &Sources, mut bytes: Vec<u8>) -> Vec<u8> {
    bytes.clear();
    bytes.reserve(diagnostics.len() * 512);
    for d in diagnostics {
        bytes.extend_from_slice(b",\n    ");
        push_diagnostic(&mut bytes, d, sources);
    }
    bytes
}

/// One diagnostic as a compact JSON object, written by hand: the report's
/// largest part, and the same bytes serde_json would write for it (the
/// tests check that against the `Serialize` shape below).
pub(crate) fn push_diagnostic(out: &mut Vec<u8>, d: &Diagnostic, sources: &Sources) {
    out.extend_from_slice(b"{\"check\":");
    json_text::push_str(out, &d.check);
    out.extend_from_slice(b",\"severity\":");
    json_text::push_str(out, d.severity.into());
    out.extend_from_slice(b",\"entity\":");
    push_entity(out, &d.entity);
    out.extend_from_slice(b",\"message\":");
    json_text::push_str(out, &d.message);
    if let Some(help) = &d.help {
        out.extend_from_slice(b",\"help\":");
        json_text::push_str(out, help);
    }
    if let Some(l) = d.primary_location() {
        out.extend_from_slice(b",\"location\":");
        push_location(out, l, sources);
    }
    out.extend_from_slice(b",\"related\":[");
    for (i, r) in d.related.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        push_entity(out, r);
    }
    out.push(b']');
    // Only a capped list has the count: ordinary findings keep their shape.
    if d.more_related > 0 {
        out.extend_from_slice(b",\"more_related\":");
        out.extend_from_slice(d.more_related.to_string().as_bytes());
    }
    // The other places involved (each claim of an unclearly owned product,
    // an id's first definition), for tools that point at them as the text
    // rendering does; only findings that have some carry the key.
    if !d.labels.is_empty() {
        out.extend_from_slice(b",\"labels\":[");
        for (i, label) in d.labels.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"message\":");
            json_text::push_str(out, &label.message);
            out.extend_from_slice(b",\"location\":");
            push_location(out, label.location, sources);
            out.push(b'}');
        }
        out.push(b']');
        if d.more_labels > 0 {
            out.extend_from_slice(b",\"more_labels\":");
            out.extend_from_slice(d.more_labels.to_string().as_bytes());
        }
    }
    out.push(b'}');
}

/// `{"file": …, "line": …, "column": …, "end_line": …, "end_column": …}`,
/// with only the file when the line is not known.
fn push_location(out: &mut Vec<u8>, l: Location, sources: &Sources) {
    out.extend_from_slice(b"{\"file\":");
    json_text::push_str(out, &sources.path_text(l.file));
    if l.line > 0 {
        let (end_line, end_column) = l.end();
        out.extend_from_slice(b",\"line\":");
        json_text::push_u32(out, l.line);
        if l.column > 0 {
            out.extend_from_slice(b",\"column\":");
            json_text::push_u32(out, l.column);
        }
        out.extend_from_slice(b",\"end_line\":");
        json_text::push_u32(out, end_line);
        if l.column > 0 {
            out.extend_from_slice(b",\"end_column\":");
            json_text::push_u32(out, end_column);
        }
    }
    out.push(b'}');
}

fn push_entity(out: &mut Vec<u8>, e: &EntityRef) {
    out.extend_from_slice(b"{\"kind\":");
    json_text::push_str(out, e.kind.into());
    out.extend_from_slice(b",\"id\":");
    json_text::push_str(out, &e.id);
    out.push(b'}');
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

#[cfg(test)]
mod tests {
    use super::write;
    use crate::diagnostic::{Diagnostic, Severity};
    use crate::model::{EntityKind, EntityRef};
    use crate::report::Report;
    use crate::source::{Location, Sources};

    use serde::Serialize;
    use serde::ser::SerializeMap;

    /// The shape of one diagnostic, as serde writes it: the reference the
    /// hand-written rendering is tested against.
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
            if let Some(loc) = d.primary_location() {
                m.serialize_entry("location", &JsonLocation(loc, self.1))?;
            }
            m.serialize_entry("related", &d.related)?;
            if d.more_related > 0 {
                m.serialize_entry("more_related", &d.more_related)?;
            }
            m.end()
        }
    }

    struct JsonLocation<'a>(Location, &'a Sources);

    impl Serialize for JsonLocation<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let l = self.0;
            let mut m = s.serialize_map(None)?;
            m.serialize_entry("file", &self.1.path_text(l.file))?;
            if l.line > 0 {
                let (end_line, end_column) = l.end();
                m.serialize_entry("line", &l.line)?;
                if l.column > 0 {
                    m.serialize_entry("column", &l.column)?;
                }
                m.serialize_entry("end_line", &end_line)?;
                if l.column > 0 {
                    m.serialize_entry("end_column", &end_column)?;
                }
            }
            m.end()
        }
    }

    /// The rendering one diagnostic at a time, on one thread.
    fn one_by_one(report: &Report) -> String {
        let mut out = String::from("{\n  \"diagnostics\": [");
        for (i, d) in report.diagnostics.iter().enumerate() {
            out.push_str(if i == 0 { "\n    " } else { ",\n    " });
            let line = serde_json::to_string(&JsonDiagnostic(d, &report.sources)).expect("renders");
            out.push_str(&line);
        }
        if !report.diagnostics.is_empty() {
            out.push_str("\n  ");
        }
        out.push_str("],\n  \"summary\": ");
        out.push_str(&serde_json::to_string(&report.summary).expect("renders"));
        out.push_str("\n}\n");
        out
    }

    #[test]
    fn chunked_rendering_is_byte_for_byte_the_one_by_one_rendering() {
        let mut sources = Sources::default();
        let file = sources.add("org/teams.yaml", "");
        let odd_file = sources.add("org/\"odd\"\\te\tams.yaml", "");
        // Empty, one chunk, a few chunks, and past a whole window of chunks.
        for count in [0, 1, 1000, 5000, 40_000] {
            let diagnostics = (0..count)
                .map(|i| {
                    // Every optional part present and absent, and text that
                    // needs escaping at every offset of a word.
                    let odd = "\"\\\n\t\u{1}é日\u{7f}/";
                    let at = i % 9;
                    let mut d = Diagnostic::new(
                        "idle-team",
                        EntityRef::new(EntityKind::Team, format!("team-{i}")),
                        format!(
                            "{}team `team-{i}` owns {}",
                            &"nothing"[..at.min(7)],
                            &odd[..1 + at % 4]
                        ),
                    );
                    if i % 3 != 0 {
                        d = d.with_help(format!(
                            "give it a product{}",
                            if i % 2 == 0 { odd } else { "" }
                        ));
                    }
                    if i % 5 != 0 {
                        d = d.at(Some(Location {
                            file: if i % 2 == 0 { file } else { odd_file },
                            line: if i % 7 == 0 { 0 } else { i as u32 + 1 },
                            column: if i % 11 == 0 { 0 } else { 5 },
                            end_line: if i % 13 == 0 {
                                0
                            } else {
                                i as u32 + 1 + i as u32 % 2
                            },
                            end_column: if i % 13 == 0 { 0 } else { 9 },
                        }));
                    }
                    for r in 0..i % 3 {
                        d = d.with_related(EntityKind::Product, format!("prod-{r}"));
                    }
                    d.severity = if i % 2 == 0 {
                        Severity::Warning
                    } else {
                        Severity::Error
                    };
                    d
                })
                .collect();
            let report = Report {
                diagnostics,
                sources: sources.clone(),
                ..Report::default()
            };
            let mut bytes = Vec::new();
            write(&report, &mut bytes).expect("writes");
            let written = String::from_utf8(bytes).expect("UTF-8");
            assert_eq!(written, one_by_one(&report), "{count} diagnostics");
            let parsed: serde_json::Value =
                serde_json::from_str(&written).expect("one JSON document");
            assert_eq!(parsed["diagnostics"].as_array().map(Vec::len), Some(count));
        }
    }
}
