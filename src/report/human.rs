//! rustc-style text: the finding, the file and line, the source line with a
//! caret under the entity, then notes and help.
//!
//! ```text
//! error[orphaned-product]: product `gift-registry` has no accountable owner
//!   --> org.yaml:23:5
//!    |
//! 23 |   - id: gift-registry
//!    |     ^^^^^^^^^^^^^^^^^
//!    = help: name one owning team with `owner:` on the product or `owns:` on a team
//! ```

use std::fmt::Write as _;

use super::Report;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{Location, Sources};

/// How to render.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Use ANSI colours (only when writing to a terminal).
    pub color: bool,
}

impl Options {
    /// Plain text, or coloured when `color` is true.
    pub fn new(color: bool) -> Self {
        Self { color }
    }
}

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
    fn gutter(&self, text: &str) -> String {
        self.paint("1;34", text)
    }
    fn severity(&self, severity: Severity, text: &str) -> String {
        match severity {
            Severity::Error => self.paint("1;31", text),
            Severity::Warning => self.paint("1;33", text),
            Severity::Note => self.paint("1;32", text),
        }
    }
    fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }
}

/// Renders every finding and a closing summary line.
pub fn render(report: &Report, options: Options) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail, and only `str`s are written to it.
    let _ = write(report, options, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`render`] written to `out` one finding at a time, so that the text of
/// a few hundred thousand findings is never held in memory at once.
pub fn write(
    report: &Report,
    options: Options,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let style = Style { on: options.color };
    let mut one = String::new();
    for d in &report.diagnostics {
        one.clear();
        render_one(&mut one, d, &report.sources, &style);
        one.push('\n');
        out.write_all(one.as_bytes())?;
    }
    out.write_all(summary_line(report, &style).as_bytes())
}

/// The closing line: how many errors and warnings in how many entities.
fn summary_line(report: &Report, style: &Style) -> String {
    let mut out = String::new();
    let s = report.summary;
    let counts = format!(
        "{} error{}, {} warning{} in {} entit{}",
        s.errors,
        if s.errors == 1 { "" } else { "s" },
        s.warnings,
        if s.warnings == 1 { "" } else { "s" },
        s.entities,
        if s.entities == 1 { "y" } else { "ies" },
    );
    let head = if s.errors > 0 {
        style.severity(Severity::Error, "error")
    } else if s.warnings > 0 {
        style.severity(Severity::Warning, "warning")
    } else {
        style.paint("1;32", "ok")
    };
    // Only a run with a baseline has the note: other output is unchanged.
    if let (Some(baselined), Some(gone)) = (s.baselined, s.baseline_gone) {
        let _ = writeln!(
            out,
            "{}{} {baselined} finding{} in the baseline not reported; {gone} baselined finding{} gone",
            style.paint("1;32", "note"),
            style.bold(":"),
            if baselined == 1 { "" } else { "s" },
            if gone == 1 { " is" } else { "s are" },
        );
    }
    let _ = writeln!(out, "{head}{} {counts}", style.bold(":"));
    out
}

/// Renders one finding (no trailing blank line).
pub fn render_diagnostic(d: &Diagnostic, sources: &Sources, options: Options) -> String {
    let mut out = String::new();
    render_one(&mut out, d, sources, &Style { on: options.color });
    out
}

fn render_one(out: &mut String, d: &Diagnostic, sources: &Sources, style: &Style) {
    let sev = d.severity.to_string();
    let _ = writeln!(
        out,
        "{}{}",
        style.severity(d.severity, &format!("{sev}[{}]", printable(&d.check))),
        style.bold(&format!(": {}", printable(&d.message)))
    );
    // The snippet shows the exact spot when there is one, else the entity's start.
    let primary = d
        .focus
        .as_ref()
        .map(|f| (f.location, f.message.as_str()))
        .or(d.location.map(|l| (l, "")));
    let mut lines: Vec<(Location, &str, char)> = Vec::new();
    if let Some((loc, msg)) = primary {
        lines.push((loc, msg, '^'));
    }
    for label in &d.labels {
        lines.push((label.location, label.message.as_str(), '-'));
    }
    let width = lines
        .iter()
        .map(|(l, _, _)| l.line.to_string().len())
        .max()
        .unwrap_or(1);
    let pad = " ".repeat(width);
    for (i, (loc, msg, mark)) in lines.iter().enumerate() {
        let arrow = if i == 0 { "-->" } else { ":::" };
        let file = printable(sources.display(loc.file));
        let position = match (loc.line, loc.column) {
            (0, _) => file.into_owned(),
            (l, 0) => format!("{file}:{l}"),
            (l, c) => format!("{file}:{l}:{c}"),
        };
        let _ = writeln!(out, "{pad}{} {position}", style.gutter(arrow));
        let Some(text) = sources.get(loc.file).and_then(|f| f.line_text(loc.line)) else {
            continue;
        };
        let shown = clean(text);
        let _ = writeln!(out, "{pad} {}", style.gutter("|"));
        let _ = writeln!(
            out,
            "{} {}",
            style.gutter(&format!("{:>width$} |", loc.line)),
            shown
        );
        let col = loc.column.max(1) as usize - 1;
        // Past the cut the caret would stand under nothing, after as many
        // spaces as the column: on a one-line file of a megabyte that is a
        // megabyte per finding. It stands at the cut instead and says where.
        let (col, beyond) = match shown.chars().count() {
            cut if col >= SHOWN_CHARS && col > cut => (cut, Some(col + 1)),
            _ => (col, None),
        };
        let len = match beyond {
            Some(_) => 1,
            None => span_len(loc, &shown, col)
                .unwrap_or_else(|| underline_len(&shown, col, i == 0 && d.focus.is_none())),
        };
        let marks: String = std::iter::repeat_n(*mark, len).collect();
        let painted = if *mark == '^' {
            style.severity(d.severity, &marks)
        } else {
            style.gutter(&marks)
        };
        let label = match (beyond, msg.is_empty()) {
            (None, true) => String::new(),
            (None, false) => format!(" {}", printable(msg)),
            (Some(c), true) => format!(" at column {c}, past the part of the line shown"),
            (Some(c), false) => format!(
                " at column {c}, past the part of the line shown: {}",
                printable(msg)
            ),
        };
        let painted_label = if *mark == '^' {
            style.severity(d.severity, &label)
        } else {
            style.gutter(&label)
        };
        let _ = writeln!(
            out,
            "{pad} {} {}{painted}{painted_label}",
            style.gutter("|"),
            " ".repeat(col)
        );
    }
    if d.more_labels > 0 {
        let _ = writeln!(
            out,
            "{pad} {} note: and {} more place{} not shown",
            style.gutter("="),
            d.more_labels,
            if d.more_labels == 1 { "" } else { "s" }
        );
    }
    if !d.related.is_empty() {
        let mut names: Vec<String> = d
            .related
            .iter()
            .map(|r| printable(&r.to_string()).into_owned())
            .collect();
        if d.more_related > 0 {
            names.push(format!("and {} more", d.more_related));
        }
        let _ = writeln!(
            out,
            "{pad} {} related: {}",
            style.gutter("="),
            names.join(", ")
        );
    }
    if let Some(help) = &d.help {
        let _ = writeln!(
            out,
            "{pad} {} {}",
            style.gutter("="),
            style.bold(&format!("help: {}", printable(help)))
        );
    }
}

/// `text` with every control character written as an escape (`\u{1b}`).
/// Messages quote ids, texts and paths from the input, and a raw ESC or
/// line break there could recolour or clear the terminal, or forge lines of
/// output that look like opmodel's own.
pub(crate) fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// How many characters of a source line are quoted.
const SHOWN_CHARS: usize = 200;

/// The source line with tabs and control characters made visible-safe, so
/// columns line up and nothing in a file can drive the terminal.
fn clean(text: &str) -> String {
    text.chars()
        .take(SHOWN_CHARS)
        .map(|c| {
            if c == '\t' {
                ' '
            } else if c.is_control() {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

/// How many characters of the shown line the recorded span of `loc` covers
/// from `col`: to its end on this line, or to the end of what is written on
/// the line (not a trailing comment) when it goes on below. `None` when the
/// span's end was not recorded.
fn span_len(loc: &Location, shown: &str, col: usize) -> Option<usize> {
    if loc.end_line == 0 || loc.end_column == 0 {
        return None;
    }
    let (end_line, end_column) = loc.end();
    let room = shown.chars().count().saturating_sub(col).max(1);
    let n = if end_line == loc.line {
        (end_column.saturating_sub(loc.column.max(1))) as usize
    } else {
        let rest: String = shown.chars().skip(col).collect();
        let rest = rest.split(" #").next().unwrap_or("").trim_end();
        rest.chars().count()
    };
    Some(n.clamp(1, room))
}

/// How many characters to underline from `col`: the rest of the line for an
/// entity's start (or any place that starts with a key, `id: web-shop`), a
/// quoted value through its closing quote, else the token there.
fn underline_len(line: &str, col: usize, whole_rest: bool) -> usize {
    let rest: Vec<char> = line.chars().skip(col).collect();
    let token = rest
        .iter()
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ']' | '}' | '"' | '\''))
        .count();
    let starts_with_key = rest.get(token.saturating_sub(1)) == Some(&':');
    let n = if whole_rest || starts_with_key {
        let text: String = rest.iter().collect();
        let text = text.split(" #").next().unwrap_or("").trim_end();
        text.chars().count()
    } else if let Some(&quote) = rest.first().filter(|c| matches!(c, '"' | '\'')) {
        rest.iter()
            .skip(1)
            .position(|c| *c == quote)
            .map_or(1, |p| p + 2)
    } else {
        token
    };
    n.clamp(1, 80)
}
