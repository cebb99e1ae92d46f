//! `opmodel report`: the health scorecard.

use std::fmt::Write as _;

use opmodel::OrgGraph;
use opmodel::scorecard::{self, Scorecard, ScorecardOptions, TenetKind};

use super::args::{ReportArgs, ReportFormat};
use super::{common, fail};

pub(crate) fn run(args: &ReportArgs) -> u8 {
    // Unreadable or invalid input is reported as `check` reports it, and
    // sets the exit status; the output is still made from the rest.
    let (linter, loaded, report, status) = match common::load_and_check(
        &args.paths,
        args.config.as_deref(),
        args.follow_links_outside,
        args.verbose,
        &args.levels,
        "report",
    ) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let graph = OrgGraph::build(&loaded.model);
    let mut options = ScorecardOptions::from_config(linter.config())
        .with_all_offenders(matches!(args.format, ReportFormat::Json));
    if let Some(period) = &args.period {
        let known = scorecard::periods(&loaded.model);
        let Some(found) = known.iter().find(|p| p.eq_ignore_ascii_case(period.trim())) else {
            let listed = if known.is_empty() {
                "no objective has a `period`".to_owned()
            } else {
                format!("the periods of the org are {}", known.join(", "))
            };
            return fail(format!(
                "--period: no objective has the period `{period}`; {listed}"
            ));
        };
        // As the org writes it.
        options = options.with_period(found.clone());
    }
    let written = if args.by.is_some() {
        let units = scorecard::units(&graph);
        if units.is_empty() {
            return fail(
                "--by unit: the org has no units (teams of kind `unit`, or teams with teams under them)",
            );
        }
        let whole = scorecard::score(&graph, &report, &options);
        let cards = scorecard::score_units(&graph, &report, &options);
        // A card per unit: as large as the org, so written card by card.
        common::stream_stdout(|out| write_many(&whole, &cards, args.format, out))
    } else {
        common::write_stdout(&render(
            &scorecard::score(&graph, &report, &options),
            args.format,
        ))
    };
    match written {
        Ok(()) => status,
        Err(code) => code,
    }
}

fn render(card: &Scorecard, format: ReportFormat) -> String {
    match format {
        ReportFormat::Text => card.to_text(),
        ReportFormat::Markdown => card.to_markdown(),
        ReportFormat::Json => {
            let mut s = serde_json::to_string_pretty(card).unwrap_or_default();
            s.push('\n');
            s
        }
    }
}

/// One scorecard per unit: a table comparing them with the whole org, then
/// each in full (or a JSON list of them), written to `w`.
fn write_many(
    whole: &Scorecard,
    cards: &[Scorecard],
    format: ReportFormat,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    if format == ReportFormat::Json {
        serde_json::to_writer_pretty(&mut *w, cards)?;
        return w.write_all(b"\n");
    }
    let score = |s: Option<u8>| s.map_or_else(|| "n/a".to_owned(), |s| s.to_string());
    let short = |t: TenetKind| match t {
        TenetKind::OwnershipClarity => "ownership",
        TenetKind::OutcomeAlignment => "alignment",
        TenetKind::GoalStyle => "goal style",
        TenetKind::DecisionClarity => "decisions",
        TenetKind::TeamLoad => "team load",
        _ => "other",
    };
    let id = |c: &Scorecard| {
        c.unit
            .as_deref()
            .unwrap_or("(whole org)")
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect::<String>()
    };
    let mut out = String::new();
    let markdown = format == ReportFormat::Markdown;
    let rows: Vec<&Scorecard> = std::iter::once(whole).chain(cards).collect();
    let width = rows.iter().map(|c| id(c).len()).max().unwrap_or(4).max(4);
    let tenets: Vec<TenetKind> = cards
        .first()
        .map(|c| c.tenets.iter().map(|t| t.tenet).collect())
        .unwrap_or_default();
    if markdown {
        out.push_str("## Operating-model health by unit\n\n| unit | overall |");
        for t in &tenets {
            let _ = write!(out, " {} |", short(*t));
        }
        out.push_str("\n|---|---:|");
        out.push_str(&"---:|".repeat(tenets.len()));
        out.push('\n');
        for c in &rows {
            let _ = write!(
                out,
                "| {} | {} |",
                id(c).replace('|', "\\|").replace('`', "'"),
                score(c.overall)
            );
            for t in &c.tenets {
                let _ = write!(out, " {} |", score(t.score));
            }
            out.push('\n');
        }
    } else {
        let _ = write!(
            out,
            "Operating-model health by unit\n\n{:<width$}  overall",
            "unit"
        );
        for t in &tenets {
            let _ = write!(out, "  {}", short(*t));
        }
        out.push('\n');
        for c in &rows {
            let _ = write!(out, "{:<width$}  {:>7}", id(c), score(c.overall));
            for (t, kind) in c.tenets.iter().zip(&tenets) {
                let _ = write!(out, "  {:>w$}", score(t.score), w = short(*kind).len());
            }
            out.push('\n');
        }
    }
    out.push_str(
        "\nA unit holds the teams under it, the products they are accountable for and the key results of their objectives; a product with no accountable team is in no unit, only in the whole org.\n",
    );
    w.write_all(out.as_bytes())?;
    for c in cards {
        w.write_all(b"\n")?;
        w.write_all(render(c, format).as_bytes())?;
    }
    Ok(())
}
