//! `opmodel report`: the health scorecard.

use opmodel::OrgGraph;
use opmodel::scorecard::{self, ScorecardOptions};

use super::args::{ReportArgs, ReportFormat};
use super::common::{self, Limits};

pub(crate) fn run(args: &ReportArgs) -> u8 {
    let options = common::load_options(Limits {
        follow_links_outside: args.follow_links_outside,
        ..Limits::default()
    });
    let linter = match common::configured_linter(
        args.config.as_deref(),
        &args.paths,
        &options,
        args.verbose,
    ) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let loaded = match common::load(&args.paths, &options) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let report = linter.check(&loaded);
    // Unreadable or invalid input is reported as `check` reports it, and
    // sets the exit status; the output is still made from the rest.
    let status = common::report_input_problems(&report, "report");
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
