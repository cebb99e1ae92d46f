//! Text and Markdown renderings of a [`Scorecard`].

use std::fmt::Write;

use super::{Figure, PeopleAndCadence, Scorecard, Tenet};

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
    let list = |figures: &[Figure], unit: &str| -> String {
        if figures.is_empty() {
            return "none".to_owned();
        }
        figures
            .iter()
            .map(|f| format!("{} ({} {unit})", q(&f.id), figure(f.value)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut lines = vec![
        format!(
            "people: {}; over-allocated: {}",
            p.people,
            list(&p.over_allocated, "of their time")
        ),
        format!("fragmented: {}", list(&p.fragmented, "teams")),
        format!(
            "team sizes: {} product team{} staffed; outside the size range: {}",
            p.teams_staffed,
            if p.teams_staffed == 1 { "" } else { "s" },
            list(&p.team_size, "people")
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
    match &card.organization {
        Some(name) => format!("Operating-model health of {}", one_line(name)),
        None => "Operating-model health".to_owned(),
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
        "{:<width$}  {:>5}",
        "overall",
        score_text(card.overall)
    );
    for t in &card.tenets {
        let _ = writeln!(
            out,
            "\n{} (checks: {})",
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
        for o in &t.offenders {
            let _ = writeln!(
                out,
                "  - {} `{}`: {}",
                o.kind,
                one_line(&o.id),
                one_line(&o.reason)
            );
        }
        if t.offender_count > t.offenders.len() {
            let _ = writeln!(out, "  … and {} more", t.offender_count - t.offenders.len());
        }
    }
    match &card.most_loaded_team {
        Some(peak) => {
            let _ = writeln!(
                out,
                "\nmost loaded team: `{}` ({})",
                one_line(&peak.team),
                products(peak.products)
            );
        }
        None => out.push_str("\nmost loaded team: none (no team owns a product)\n"),
    }
    if let Some(p) = &card.people_and_cadence {
        out.push_str("\npeople and cadence\n");
        for line in people_lines(p, false) {
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}

/// A Markdown table cell: pipes escaped, on one line.
fn cell(s: &str) -> String {
    one_line(s).replace('\\', "\\\\").replace('|', "\\|")
}

pub(super) fn markdown(card: &Scorecard) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## {}\n", cell(&heading(card)));
    let overall = card
        .overall
        .map_or_else(|| "n/a".to_owned(), |s| format!("{s}/100"));
    let _ = writeln!(out, "**Overall: {overall}**\n");
    out.push_str("| tenet | score | measured | worst offenders | checks (findings) |\n");
    out.push_str("|---|---:|---|---|---|\n");
    for t in &card.tenets {
        let mut offenders: Vec<String> = t
            .offenders
            .iter()
            .map(|o| format!("`{}`: {}", cell(&o.id).replace('`', "'"), cell(&o.reason)))
            .collect();
        if t.offender_count > t.offenders.len() {
            offenders.push(format!(
                "… and {} more",
                t.offender_count - t.offenders.len()
            ));
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
    if let Some(peak) = &card.most_loaded_team {
        let _ = writeln!(
            out,
            "\nMost loaded team: `{}` ({}).",
            cell(&peak.team).replace('`', "'"),
            products(peak.products)
        );
    }
    if let Some(p) = &card.people_and_cadence {
        out.push_str("\n### People and cadence\n\n");
        for line in people_lines(p, true) {
            let _ = writeln!(out, "- {}", line.replace('|', "\\|"));
        }
    }
    out
}
