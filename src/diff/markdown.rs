//! The diff as Markdown for a pull-request comment: the counts first, then
//! each group of changes and each list of findings in a collapsible
//! section (`<details>`), the findings introduced open.

use std::fmt::Write as _;

use strum::IntoEnumIterator;

use super::{Change, ChangeKind, Diff, Group, Value};
use crate::diagnostic::Diagnostic;
use crate::report::Report;

/// Renders the whole diff.
pub fn render(diff: &Diff) -> String {
    let s = diff.summary;
    let mut out = String::from("### opmodel diff\n\n");
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let _ = writeln!(
        out,
        "**{}** · **{}** introduced ({}, {}) · **{}** resolved ({}, {})\n",
        plural(s.changes, "change", "changes"),
        plural(diff.introduced.diagnostics.len(), "finding", "findings"),
        plural(s.introduced.errors, "error", "errors"),
        plural(s.introduced.warnings, "warning", "warnings"),
        plural(diff.resolved.diagnostics.len(), "finding", "findings"),
        plural(s.resolved.errors, "error", "errors"),
        plural(s.resolved.warnings, "warning", "warnings"),
    );
    if s.introduced.errors > 0 {
        out.push_str("> [!CAUTION]\n> This change introduces errors.\n\n");
    }
    out.push_str("| | count |\n|---|---:|\n");
    for group in Group::iter() {
        let _ = writeln!(out, "| {group} | {} |", diff.group(group).count());
    }
    let _ = writeln!(
        out,
        "| Findings introduced | {} |",
        diff.introduced.diagnostics.len()
    );
    let _ = writeln!(
        out,
        "| Findings resolved | {} |\n",
        diff.resolved.diagnostics.len()
    );
    if diff.changes.is_empty() {
        out.push_str("No structural change.\n\n");
    }
    for group in Group::iter() {
        let changes: Vec<&Change> = diff.group(group).collect();
        if changes.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "<details><summary>{group} ({})</summary>\n\n| change | entity | before | after |\n|---|---|---|---|",
            changes.len()
        );
        for c in changes {
            let _ = writeln!(
                out,
                "| {} | {} {} | {} | {} |",
                c.change,
                c.entity.kind,
                code(&c.entity.id),
                value(c, &c.before),
                value(c, &c.after)
            );
        }
        out.push_str("\n</details>\n\n");
    }
    findings(&mut out, "Findings introduced", &diff.introduced, true);
    findings(&mut out, "Findings resolved", &diff.resolved, false);
    out
}

fn findings(out: &mut String, title: &str, report: &Report, open: bool) {
    if report.diagnostics.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<details{}><summary>{title} ({})</summary>\n\n| severity | check | entity | message | location |\n|---|---|---|---|---|",
        if open { " open" } else { "" },
        report.diagnostics.len()
    );
    for d in &report.diagnostics {
        let _ = writeln!(
            out,
            "| {} | {} | {} {} | {} | {} |",
            d.severity,
            code(&d.check),
            d.entity.kind,
            code(&d.entity.id),
            message(&d.message),
            location(d, report)
        );
    }
    out.push_str("\n</details>\n\n");
}

fn location(d: &Diagnostic, report: &Report) -> String {
    match d.primary_location() {
        Some(l) if l.line > 0 => code(&format!("{}:{}", report.sources.display(l.file), l.line)),
        Some(l) => code(report.sources.display(l.file)),
        None => String::new(),
    }
}

/// A value in a cell: ids joined by commas, key results and members (texts
/// with commas of their own) one per line.
fn value(c: &Change, v: &Value) -> String {
    let joint = match c.change {
        ChangeKind::KeyResultsChanged | ChangeKind::MembersChanged => "<br>",
        _ => ", ",
    };
    match v {
        Value::None => "—".to_owned(),
        Value::One(s) => cell(s),
        Value::List(items) if items.is_empty() => "—".to_owned(),
        Value::List(items) => items
            .iter()
            .map(|s| cell(s))
            .collect::<Vec<_>>()
            .join(joint),
    }
}

/// Text safe in a table cell: no line breaks, no HTML, `|` and Markdown
/// punctuation escaped.
fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' | '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A finding's message: its backquoted parts stay code spans, the rest is
/// escaped as [`cell`] does; unbalanced backquotes are all escaped.
fn message(text: &str) -> String {
    if text.matches('`').count() % 2 == 1 {
        return cell(text);
    }
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 0 {
                cell(part)
            } else {
                let clean: String = part
                    .chars()
                    .map(|c| if c.is_control() { ' ' } else { c })
                    .collect();
                format!("`{}`", clean.replace('|', "\\|"))
            }
        })
        .collect()
}

/// An id or name in a code span, safe in a table cell.
fn code(text: &str) -> String {
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .replace('|', "\\|");
    if clean.contains('`') {
        format!("`` {} ``", clean.replace('`', "'"))
    } else {
        format!("`{clean}`")
    }
}
