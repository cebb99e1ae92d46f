//! `opmodel graph`: the org as a DOT or Mermaid picture.

use opmodel::OrgGraph;
use opmodel::export::{self, ExportError, ExportOptions};

use super::args::{GraphArgs, GraphFormat};
use super::common::{self, Limits};
use super::fail;

pub(crate) fn run(args: &GraphArgs) -> u8 {
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
    let status = common::report_input_problems(&report, "graph");
    let graph = OrgGraph::build(&loaded.model);
    let mut options = ExportOptions::default().with_key_results(args.key_results);
    if let Some(focus) = &args.focus {
        let depth = args.depth.unwrap_or(options.depth);
        options = options.with_focus(focus.clone(), depth);
    }
    let drawn = match args.format {
        GraphFormat::Dot => export::dot(&graph, &report, &options),
        GraphFormat::Mermaid => export::mermaid(&graph, &report, &options),
    };
    let text = match drawn {
        Ok(t) => t,
        Err(e) => {
            let hint = match &e {
                ExportError::UnknownFocus {
                    suggestion: Some(s),
                    ..
                } => format!("; did you mean `{s}`?"),
                _ => String::new(),
            };
            return fail(format!("--focus: {e}{hint}"));
        }
    };
    match common::write_stdout(&text) {
        Ok(()) => status,
        Err(code) => code,
    }
}
