//! Text and Markdown renderings of a [`Scorecard`].

use std::fmt::Write;

use super::{Figure, MAX_OFFENDERS, Offender, PeopleAndCadence, Scorecard, Tenet};

/// A figure as people write it: `1.2`, `3`.
fn figure(value: f64) -> String {
    crate::check::over_allocated_person::share_text(value)
}

/// The lines of the people-and-cadence section, without a heading.
fn people_lines(p: &PeopleAndCadence, code: bool) -> Vec<String> {
    let q = |id: &str| {
        if code {
            format!("`{}`", cell(id).replace('`', "'"))
        } else {
            format!("`{}`", one_line(id))
        }
    };
    // (`unit` is "one|many": "1 person", "6 people")
    let list = |figures: &[Figure], unit: &str| -> String {
        if figures.is_empty() {
            return "none".to_owned();
        }
        let (one, many) = unit.split_once('|').unwrap_or((unit, unit));
        figures
            .iter()
            .map(|f| {
                // (as shown: ten people at 0.1 add up to 0.9999…, shown "1")
                let shown = figure(f.value);
                let unit = if shown == "1" { one } else { many };
                format!("{} ({shown} {unit})", q(&f.id))
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut lines = vec![
        format!(
            "people: {}; over-allocated: {}",
            p.people,
            list(&p.over_allocated, "of their time")
        ),
        format!("fragmented: {}", list(&p.fragmented, "team|teams")),
        format!(
            "team sizes: {} product team{} staffed; outside the size range: {}",
            p.teams_staffed,
            if p.teams_staffed == 1 { "" } else { "s" },
            list(&p.team_size, "person|people")
        ),
    ];
    let reviews = if p.objective_reviews.is_empty() {
        "no review cadence covers them".to_owned()
    } else {
        format!(
            "reviewed by {}",
            p.objective_reviews
                .iter()
                .map(|r| one_line(r))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    lines.push(format!(
        "goals under review: {} objective{}, {reviews}",
        p.objectives,
        if p.objectives == 1 { "" } else { "s" }
    ));
    if !p.planning.is_empty() {
        lines.push(format!(
            "planning: {}",
            p.planning
                .iter()
                .map(|r| one_line(r))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    lines
}

fn products(n: usize) -> String {
    if n == 1 {
        "1 product".to_owned()
    } else {
        format!("{n} products")
    }
}

fn score_text(score: Option<u8>) -> String {
    score.map_or_else(|| "n/a".to_owned(), |s| s.to_string())
}

fn heading(card: &Scorecard) -> String {
    let mut out = match &card.organization {
        Some(name) => format!("Operating-model health of {}", one_line(name)),
        None => "Operating-model health".to_owned(),
    };
    if let Some(unit) = &card.unit {
        let _ = write!(out, ", unit `{}`", one_line(unit));
    }
    if let Some(period) = &card.period {
        let _ = write!(out, ", key results of {}", one_line(period));
    }
    out
}

/// The rank of an offender: `1.`, or `1=` when it is tied.
fn rank(o: &Offender) -> String {
    format!("{}{}", o.rank, if o.tied { '=' } else { '.' })
}

/// An offender's id, with the key result's text when there is one.
fn named(o: &Offender, code: bool) -> String {
    let id = if code {
        format!("`{}`", one_line(&o.id).replace('`', "'"))
    } else {
        format!("`{}`", one_line(&o.id))
    };
    match &o.text {
        Some(text) => format!("{id} \"{}\"", shorten(&one_line(text), 80)),
        None => id,
    }
}

/// At most `max` characters, cut with `…`.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max - 1).collect();
    out.push('…');
    out
}

/// "… and N more", saying how many of them are tied with the last listed.
fn more(t: &Tenet) -> Option<String> {
    let listed = t.offenders.len().min(MAX_OFFENDERS);
    if t.offender_count <= listed {
        return None;
    }
    let rest = t.offender_count - listed;
    Some(match t.tied_beyond_listed {
        0 => format!("… and {rest} more"),
        n if n == rest => format!("… and {rest} more, tied with the last shown"),
        n => format!("… and {rest} more ({n} tied with the last shown)"),
    })
}

/// The integrity line: how many findings say the input could not be read
/// or resolved.
fn integrity_text(card: &Scorecard, code: bool) -> String {
    let i = &card.integrity;
    if i.errors + i.warnings == 0 {
        return "integrity: no problems in the input".to_owned();
    }
    let count = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let checks = i
        .checks
        .iter()
        .map(|c| {
            if code {
                format!("`{}`: {}", c.check, c.findings)
            } else {
                format!("{}: {}", c.check, c.findings)
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "integrity: {} and {} ({checks}); what they concern could not be read or resolved and is not in the scores (`opmodel check` shows them)",
        count(i.errors, "error"),
        count(i.warnings, "warning"),
    )
}

/// The most loaded team, or the teams tied for it.
fn most_loaded(card: &Scorecard, code: bool) -> String {
    let quote = |id: &str| {
        if code {
            format!("`{}`", one_line(id).replace('`', "'"))
        } else {
            format!("`{}`", one_line(id))
        }
    };
    // A unit's scorecard lists a bounded number of the teams tied.
    let more = match card.more_most_loaded_teams {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    match card.most_loaded_teams.as_slice() {
        [] => "most loaded team: none (no team owns a product)".to_owned(),
        [one] if more.is_empty() => format!(
            "most loaded team: {} ({})",
            quote(&one.team),
            products(one.products)
        ),
        tied => format!(
            "most loaded teams, tied: {}{more} ({} each)",
            tied.iter()
                .map(|p| quote(&p.team))
                .collect::<Vec<_>>()
                .join(", "),
            products(tied[0].products)
        ),
    }
}

fn checks_text(t: &Tenet, code: bool) -> String {
    t.checks
        .iter()
        .map(|c| {
            if code {
                format!("`{}` ({})", c.check, c.findings)
            } else {
                format!("{} ({})", c.check, c.findings)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Text on one line, control characters as spaces.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

pub(super) fn text(card: &Scorecard) -> String {
    let mut out = String::new();
    let overall = match card.overall {
        Some(s) => format!("{s}/100"),
        None => "n/a".to_owned(),
    };
    let _ = writeln!(out, "{}: {overall}\n", heading(card));
    let width = card
        .tenets
        .iter()
        .map(|t| t.tenet.title().len())
        .max()
        .unwrap_or(5)
        .max("tenet".len());
    let _ = writeln!(out, "{:<width$}  {:>5}  measured", "tenet", "score");
    for t in &card.tenets {
        let _ = writeln!(
            out,
            "{:<width$}  {:>5}  {}",
            t.tenet.title(),
            score_text(t.score),
            t.summary
        );
    }
    let _ = writeln!(
        out,
        "{:<width$}  {:>5}  {}",
        "overall",
        score_text(card.overall),
        card.weighting
    );
    let _ = writeln!(out, "\n{}", integrity_text(card, false));
    for t in &card.tenets {
        let whole = if card.unit.is_some() || card.period.is_some() {
            ", whole org"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "\n{} (checks{whole}: {})",
            t.tenet.title(),
            checks_text(t, false)
        );
        if t.offenders.is_empty() {
            let none = if t.score.is_some() {
                "  no offenders"
            } else {
                "  nothing to measure"
            };
            out.push_str(none);
            out.push('\n');
        }
        for o in t.offenders.iter().take(MAX_OFFENDERS) {
            let _ = writeln!(
                out,
                "  {:<3} {} {}: {}",
                rank(o),
                o.kind,
                named(o, false),
                one_line(&o.reason)
            );
        }
        if let Some(more) = more(t) {
            let _ = writeln!(out, "  {more}");
        }
    }
    let _ = writeln!(out, "\n{}", most_loaded(card, false));
    if card
        .tenets
        .iter()
        .any(|t| t.offenders.iter().any(|o| o.tied))
    {
        out.push_str("(a rank with `=` is shared: those offenders are tied)\n");
    }
    if let Some(p) = &card.people_and_cadence {
        out.push_str("\npeople and cadence\n");
        for line in people_lines(p, false) {
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}

/// A Markdown table cell: on one line, pipes escaped, and no HTML: a
/// key result's `<!--` would hide the rest of a pull-request comment. (Ids,
/// the only text put in code spans, hold none of `<`, `>` and `&`.)
fn cell(s: &str) -> String {
    one_line(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\\', "\\\\")
        .replace('|', "\\|")
}

pub(super) fn markdown(card: &Scorecard) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## {}\n", cell(&heading(card)));
    let overall = card
        .overall
        .map_or_else(|| "n/a".to_owned(), |s| format!("{s}/100"));
    let _ = writeln!(out, "**Overall: {overall}** ({})\n", cell(&card.weighting));
    let _ = writeln!(out, "{}\n", cell(&integrity_text(card, true)));
    out.push_str("| tenet | score | measured | worst offenders | checks (findings) |\n");
    out.push_str("|---|---:|---|---|---|\n");
    for t in &card.tenets {
        let mut offenders: Vec<String> = t
            .offenders
            .iter()
            .take(MAX_OFFENDERS)
            .map(|o| format!("{} {}: {}", rank(o), cell(&named(o, true)), cell(&o.reason)))
            .collect();
        if let Some(more) = more(t) {
            offenders.push(more);
        }
        let offenders = if offenders.is_empty() {
            "—".to_owned()
        } else {
            offenders.join("<br>")
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            t.tenet.title(),
            score_text(t.score),
            cell(&t.summary),
            offenders,
            checks_text(t, true)
        );
    }
    if !card.most_loaded_teams.is_empty() {
        let line = most_loaded(card, true);
        let _ = writeln!(out, "\n{}{}.", line[..1].to_uppercase(), cell(&line[1..]));
    }
    if let Some(p) = &card.people_and_cadence {
        out.push_str("\n### People and cadence\n\n");
        for line in people_lines(p, true) {
            let _ = writeln!(out, "- {}", line.replace('|', "\\|"));
        }
    }
    out
}
