use std::io::{IsTerminal, Write};

use opmodel::Linter;
use opmodel::baseline::Baseline;
use opmodel::report::{github, human, json, sarif};

use super::args::{CheckArgs, ColorChoice, OutputFormat, StdinFormat};
use super::common::{self, Limits};
use super::fail;

pub(crate) fn run(args: &CheckArgs) -> u8 {
    let linter = Linter::new();
    let mut options = common::load_options(Limits {
        max_file_size: args.max_file_size,
        max_total_size: args.max_total_size,
        max_entities: args.max_entities,
        max_depth: args.max_depth,
        follow_links_outside: args.follow_links_outside,
    });
    let config = common::file_config(
        args.config.as_deref(),
        &args.paths,
        &linter,
        &options,
        args.verbose,
    );
    let mut config = match config {
        Ok(c) => c.unwrap_or_default(),
        Err(code) => return code,
    };
    // Command-line levels win over the file; among them the last one
    // typed for a check wins, as in rustc.
    args.levels.apply(&mut config);
    let linter = match linter.with_config(config) {
        Ok(l) => l.with_max_findings(args.max_findings),
        Err(e) => return fail(e),
    };
    // A baseline kept in the org folder is not an org file.
    options.pass_over = args
        .baseline
        .iter()
        .chain(&args.write_baseline)
        .cloned()
        .collect();
    if let Some(v) = args.max_text_len {
        options.max_text_len = v;
    }
    if let Some(v) = args.max_alias_expansion {
        options.max_alias_expansion = v;
    }
    if let Some(v) = args.max_glob_visits {
        options.max_glob_visits = v;
    }
    if let Some(v) = args.max_problems_per_file {
        options.max_problems_per_file = v;
    }
    // JSON quotes no source lines: the text of the files need not stay in
    // memory once they are read.
    options.keep_text = matches!(args.format, OutputFormat::Human);
    let mut timer = common::PhaseTimer::from_env();
    let stdin_format = match args.stdin_format {
        StdinFormat::Yaml => opmodel::load::Format::Yaml,
        StdinFormat::Json => opmodel::load::Format::Json,
        StdinFormat::Toml => opmodel::load::Format::Toml,
    };
    let loaded = match common::load_from(&args.paths, &options, stdin_format) {
        Ok(l) => l,
        Err(code) => return code,
    };
    timer.lap("load");
    // Read before the checks run: a bad baseline file is a usage error.
    let baseline = match args.baseline.as_deref().map(read_baseline).transpose() {
        Ok(b) => b,
        Err(code) => return code,
    };
    // The model goes once the checks have run: the findings are put in
    // order and written without it.
    let mut report = linter.check_owned(loaded);
    timer.lap("graph and checks");
    // Said after the report, where it is not scrolled away.
    let mut written_baseline = None;
    if let Some(path) = &args.write_baseline {
        let text = Baseline::from_report(&report).to_json();
        if let Err(e) = std::fs::write(path, text) {
            return fail(format!(
                "cannot write the baseline `{}`: {e}",
                path.display()
            ));
        }
        written_baseline = Some((report.diagnostics.len(), path));
    }
    if let Some(baseline) = &baseline {
        let (filtered, outcome) = baseline.filter(report);
        report = filtered;
        // Human output and the JSON summary carry the counts; the CI
        // formats have no place for them, so the log gets them.
        if matches!(args.format, OutputFormat::Sarif | OutputFormat::Github) {
            eprintln!(
                "note: {} finding{} in the baseline not reported; {} baselined finding{} gone",
                outcome.baselined,
                if outcome.baselined == 1 { "" } else { "s" },
                outcome.gone,
                if outcome.gone == 1 { " is" } else { "s are" },
            );
        }
    }
    for t in &report.truncated {
        eprintln!(
            "note: {} more finding{} of `{}` {} not kept (the limit is {} per check; raise it with --max-findings)",
            t.dropped,
            if t.dropped == 1 { "" } else { "s" },
            t.check,
            if t.dropped == 1 { "was" } else { "were" },
            args.max_findings
        );
    }
    let stdout = std::io::stdout();
    // Stdout is line-buffered: hundreds of thousands of findings as JSON
    // meant a write call per line and seconds of system time.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let written = match args.format {
        OutputFormat::Json => json::write(&report, &mut out),
        OutputFormat::Sarif => sarif::write(&report, &linter.metas(), &mut out),
        OutputFormat::Github => github::write(&report, &mut out),
        OutputFormat::Human => {
            let color = match args.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => {
                    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
                }
            };
            human::write(&report, human::Options::new(color), &mut out)
        }
    };
    // A closed pipe (`opmodel check | head`) is not an error of the model.
    if let Err(e) = written.and_then(|()| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        return fail(format!("cannot write the report: {e}"));
    }
    timer.lap("write");
    if let Some((findings, path)) = written_baseline {
        eprintln!(
            "note: wrote {findings} finding{} to the baseline `{}`; check against it with --baseline",
            if findings == 1 { "" } else { "s" },
            path.display()
        );
    }
    let code = u8::try_from(report.exit_code()).unwrap_or(1);
    // The process ends here: freeing a few hundred thousand findings one by
    // one would only add time to a large run, so the memory goes back with
    // the process instead.
    std::mem::forget(report);
    code
}

/// Reads a baseline file; an unreadable or invalid one is an error (already
/// printed; the exit status is returned).
fn read_baseline(path: &std::path::Path) -> Result<Baseline, u8> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        fail(format!(
            "cannot read the baseline `{}`: {e}",
            path.display()
        ))
    })?;
    Baseline::from_json(&text)
        .map_err(|e| fail(format!("cannot use the baseline `{}`: {e}", path.display())))
}
