//! `opmodel report`: the health scorecard.

use opmodel::OrgGraph;
use opmodel::scorecard::{self, ScorecardOptions};

use super::args::{ReportArgs, ReportFormat};
use super::common;

pub(crate) fn run(args: &ReportArgs) -> u8 {
    // Unreadable or invalid input is reported as `check` reports it, and
    // sets the exit status; the output is still made from the rest.
    let (linter, loaded, report, status) = match common::load_and_check(
        &args.paths,
        args.config.as_deref(),
        args.follow_links_outside,
        args.verbose,
        "report",
    ) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let graph = OrgGraph::build(&loaded.model);
    let card = scorecard::score(
        &graph,
        &report,
        &ScorecardOptions::from_config(linter.config()),
    );
    let text = match args.format {
        ReportFormat::Text => card.to_text(),
        ReportFormat::Markdown => card.to_markdown(),
        ReportFormat::Json => {
            let mut s = serde_json::to_string_pretty(&card).unwrap_or_default();
            s.push('\n');
            s
        }
    };
    match common::write_stdout(&text) {
        Ok(()) => status,
        Err(code) => code,
    }
}
