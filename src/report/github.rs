//! GitHub Actions workflow commands: one line per finding, which GitHub
//! shows as an annotation on the file and line of the pull request.
//!
//! ```text
//! ::error file=org/products.yaml,line=12,col=5,endLine=12,endColumn=22,title=orphaned-product::product `web-player` has no accountable owner
//! ```
//!
//! Errors are `::error`, warnings `::warning`, notes `::notice`. A finding
//! without a file has no `file`, `line` or columns; one without a line has
//! no line or columns. The span is the one the text output underlines
//! ([`Diagnostic::primary_location`]); `endColumn` is just past it.
//! Messages and property values are escaped as GitHub
//! documents ([`escape_data`], [`escape_property`]).

use std::io::{self, Write};

use super::Report;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Sources;

/// Writes one workflow command per finding, each on its own line; nothing
/// for a report without findings.
///
/// # Errors
///
/// Whatever writing to `out` fails with.
pub fn write(report: &Report, out: &mut impl Write) -> io::Result<()> {
    let mut line = String::new();
    for d in &report.diagnostics {
        line.clear();
        push_command(&mut line, d, &report.sources);
        line.push('\n');
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// The report's workflow commands, in a string.
pub fn to_string(report: &Report) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and only `str`s are written to it.
    let _ = write(report, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

fn push_command(out: &mut String, d: &Diagnostic, sources: &Sources) {
    out.push_str(match d.severity {
        Severity::Error => "::error ",
        Severity::Warning => "::warning ",
        Severity::Note => "::notice ",
    });
    if let Some(l) = d.primary_location() {
        out.push_str("file=");
        out.push_str(&escape_property(&sources.path_text(l.file)));
        out.push(',');
        if l.line > 0 {
            let (end_line, end_column) = l.end();
            out.push_str("line=");
            out.push_str(&l.line.to_string());
            if l.column > 0 {
                out.push_str(",col=");
                out.push_str(&l.column.to_string());
            }
            out.push_str(",endLine=");
            out.push_str(&end_line.to_string());
            if l.column > 0 {
                out.push_str(",endColumn=");
                out.push_str(&end_column.to_string());
            }
            out.push(',');
        }
    }
    out.push_str("title=");
    out.push_str(&escape_property(&d.check));
    out.push_str("::");
    out.push_str(&escape_data(&d.message));
}

/// Escapes the data (message) of a workflow command: `%` as `%25`, carriage
/// return as `%0D`, line feed as `%0A`.
pub fn escape_data(text: &str) -> String {
    escape(text, false)
}

/// Escapes a property value of a workflow command: as [`escape_data`], and
/// `:` as `%3A` and `,` as `%2C`.
pub fn escape_property(text: &str) -> String {
    escape(text, true)
}

/// The escaping both share; a property also escapes the separators of the
/// command's property list.
fn escape(text: &str, property: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityKind, EntityRef};
    use crate::source::Location;

    #[test]
    fn data_escapes_percent_and_line_breaks_only() {
        assert_eq!(
            escape_data("50% done\r\nnext: a, b"),
            "50%25 done%0D%0Anext: a, b"
        );
        assert_eq!(escape_data("%0A"), "%250A");
        assert_eq!(escape_data("plain `id` é"), "plain `id` é");
    }

    #[test]
    fn properties_also_escape_colons_and_commas() {
        assert_eq!(
            escape_property("C:/org,v2/100%\n.yaml"),
            "C%3A/org%2Cv2/100%25%0A.yaml"
        );
        assert_eq!(escape_property("idle-team"), "idle-team");
    }

    #[test]
    fn one_line_per_finding_by_severity() {
        let mut sources = Sources::default();
        let file = sources.add("org/a,b.yaml", "");
        let at = |line, column| Some(Location::point(file, line, column));
        let team = |id: &str| EntityRef::new(EntityKind::Team, id);
        let mut warning =
            Diagnostic::new("idle-team", team("x"), "team `x` owns\nno product").at(at(3, 5));
        warning.severity = Severity::Warning;
        let mut note = Diagnostic::new("idle-team", team("y"), "100% idle").at(at(0, 0));
        note.severity = Severity::Note;
        let report = Report {
            diagnostics: vec![
                Diagnostic::new("unclear-ownership", team("z"), "m").at(at(7, 1)),
                warning,
                note,
                Diagnostic::new("invalid-file", team("w"), "no file"),
                Diagnostic::new("idle-team", team("v"), "no column").at(at(4, 0)),
            ],
            sources,
            ..Report::default()
        };
        assert_eq!(
            to_string(&report),
            "::error file=org/a%2Cb.yaml,line=7,col=1,endLine=7,endColumn=2,title=unclear-ownership::m\n\
             ::warning file=org/a%2Cb.yaml,line=3,col=5,endLine=3,endColumn=6,title=idle-team::team `x` owns%0Ano product\n\
             ::notice file=org/a%2Cb.yaml,title=idle-team::100%25 idle\n\
             ::error title=invalid-file::no file\n\
             ::error file=org/a%2Cb.yaml,line=4,endLine=4,title=idle-team::no column\n"
        );
    }
}
