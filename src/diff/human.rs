//! The diff as text for people: the changes grouped (people and teams,
//! ownership, decision rights, goals), then the findings introduced (in
//! full, as `opmodel check` shows them) and resolved (one line each), then
//! a summary line.
//!
//! ```text
//! People and teams (2)
//!   + team `discovery` added: Discovery
//!   ~ team `playback` moved: organization -> music
//!
//! Ownership (1)
//!   ~ product `web-player` owner changed: playback -> discovery
//! ```

use std::fmt::Write as _;

use strum::IntoEnumIterator;

use super::{Change, ChangeKind, Counts, Diff, Group, Value};
use crate::diagnostic::Diagnostic;
use crate::report::human::{Options, printable, render_diagnostic};
use crate::source::Sources;

/// Renders the whole diff.
pub fn render(diff: &Diff, options: Options) -> String {
    let paint = |code: &str, text: &str| {
        if options.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    };
    let mut out = String::new();
    for group in Group::iter() {
        let changes: Vec<&Change> = diff.group(group).collect();
        if changes.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "{}",
            paint("1", &format!("{group} ({})", changes.len()))
        );
        for c in changes {
            let (mark, code) = match c.change {
                ChangeKind::Added => ("+", "32"),
                ChangeKind::Removed => ("-", "31"),
                _ => ("~", "33"),
            };
            let _ = writeln!(out, "  {} {}", paint(code, mark), line(c));
        }
        out.push('\n');
    }
    let introduced = &diff.introduced;
    if !introduced.diagnostics.is_empty() {
        let _ = writeln!(
            out,
            "{}\n",
            paint(
                "1",
                &format!("Findings introduced ({})", introduced.diagnostics.len())
            )
        );
        for d in &introduced.diagnostics {
            out.push_str(&render_diagnostic(d, &introduced.sources, options));
            out.push('\n');
        }
    }
    let resolved = &diff.resolved;
    if !resolved.diagnostics.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            paint(
                "1",
                &format!("Findings resolved ({})", resolved.diagnostics.len())
            )
        );
        for d in &resolved.diagnostics {
            let _ = writeln!(
                out,
                "  {} {}",
                paint("32", "✓"),
                headline(d, &resolved.sources)
            );
        }
        out.push('\n');
    }
    if diff.changes.is_empty() {
        out.push_str("No structural change.\n");
    }
    let _ = writeln!(out, "{}", summary_line(diff));
    out
}

/// One change on one line, `team `x` moved: a -> b`; key results and
/// members changed list what went (`-`) and what came (`+`), one per line.
pub fn line(c: &Change) -> String {
    let entity = printable(&c.entity.to_string()).into_owned();
    let what = c.change.to_string().replace('-', " ");
    let shown = |v: &Value| printable(&v.to_string()).into_owned();
    match c.change {
        ChangeKind::Added => with_value(&entity, "added", &c.after, &shown),
        ChangeKind::Removed => with_value(&entity, "removed", &c.before, &shown),
        ChangeKind::KeyResultsChanged | ChangeKind::MembersChanged => {
            // Texts with commas of their own: one per line, what went and
            // what came.
            let (Value::List(before), Value::List(after)) = (&c.before, &c.after) else {
                return format!(
                    "{entity} {what}: {} -> {}",
                    shown(&c.before),
                    shown(&c.after)
                );
            };
            let mut out = format!("{entity} {what}");
            for item in before.iter().filter(|i| !after.contains(i)) {
                let _ = write!(out, "\n      - {}", printable(item));
            }
            for item in after.iter().filter(|i| !before.contains(i)) {
                let _ = write!(out, "\n      + {}", printable(item));
            }
            out
        }
        _ => format!(
            "{entity} {what}: {} -> {}",
            shown(&c.before),
            shown(&c.after)
        ),
    }
}

fn with_value(entity: &str, what: &str, value: &Value, shown: &dyn Fn(&Value) -> String) -> String {
    if *value == Value::None {
        format!("{entity} {what}")
    } else {
        format!("{entity} {what}: {}", shown(value))
    }
}

/// A finding on one line: `error[check]: message (file:line)`, at the line
/// the JSON gives (the field at fault, else the entity).
fn headline(d: &Diagnostic, sources: &Sources) -> String {
    let mut out = format!(
        "{}[{}]: {}",
        d.severity,
        printable(&d.check),
        printable(&d.message)
    );
    if let Some(l) = d.primary_location() {
        let file = printable(sources.display(l.file)).into_owned();
        if l.line > 0 {
            let _ = write!(out, " ({file}:{})", l.line);
        } else {
            let _ = write!(out, " ({file})");
        }
    }
    out
}

fn counts(c: Counts) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut parts = vec![plural(c.errors, "error"), plural(c.warnings, "warning")];
    if c.notes > 0 {
        parts.push(plural(c.notes, "note"));
    }
    parts.join(", ")
}

/// The closing line: changes, findings introduced and resolved.
pub fn summary_line(diff: &Diff) -> String {
    let s = diff.summary;
    format!(
        "diff: {} change{}; findings introduced: {}; resolved: {}",
        s.changes,
        if s.changes == 1 { "" } else { "s" },
        counts(s.introduced),
        counts(s.resolved),
    )
}
