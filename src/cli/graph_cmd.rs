//! `opmodel graph`: the org as a DOT or Mermaid picture.

use opmodel::OrgGraph;
use opmodel::export::{self, ExportError, ExportOptions};

use super::args::{GraphArgs, GraphFormat};
use super::common;
use super::fail;

pub(crate) fn run(args: &GraphArgs) -> u8 {
    // Unreadable or invalid input is reported as `check` reports it, and
    // sets the exit status; the output is still made from the rest.
    let (_, loaded, report, status) = match common::load_and_check(
        &args.paths,
        args.config.as_deref(),
        args.follow_links_outside,
        args.verbose,
        &args.levels,
        "graph",
    ) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let graph = OrgGraph::build(&loaded.model);
    let mut options = ExportOptions::default()
        .with_key_results(args.key_results)
        .with_interactions(!args.no_interactions)
        .with_legend(!args.no_legend);
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
