use std::io::{IsTerminal, Write};

use std::collections::{BTreeMap, HashMap};

use opmodel::baseline::{Baseline, Matcher};
use opmodel::report::{Report, Summary, Truncated, github, human, json, sarif};
use opmodel::{Diagnostic, Findings, Linter, Ordered, Severity};

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
    // Read before anything runs: a bad baseline file is a usage error.
    let baseline = match args.baseline.as_deref().map(read_baseline).transpose() {
        Ok(b) => b,
        Err(code) => return code,
    };
    // Baselined findings are taken out after the checks: with a baseline
    // the checks keep every finding (packed, and written as they are
    // read), and the cap is applied to what is reported. Kept in the
    // place of a new finding, a baselined one would push it out and a new
    // error would go unreported; left out by the cap, it would be counted
    // as gone.
    let cap = if baseline.is_some() {
        usize::MAX
    } else {
        args.max_findings
    };
    let linter = match linter.with_config(config) {
        Ok(l) => l.with_max_findings(cap),
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
    // The model goes once the checks have run: the findings are put in
    // order and read out as they are written, never all held at once.
    let Findings {
        findings,
        sources,
        truncated,
        entities,
    } = linter.check_findings(loaded);
    timer.lap("graph and checks");
    let mut pipeline = Pipeline {
        findings,
        written: args.write_baseline.as_ref().map(|_| Baseline::default()),
        matcher: baseline.as_ref().map(Baseline::matcher),
        limit: args.max_findings,
        per_check: HashMap::new(),
        over: BTreeMap::new(),
        errors: 0,
        warnings: 0,
    };
    let summary_of = |p: &Pipeline| Summary {
        errors: p.errors,
        warnings: p.warnings,
        entities,
        baselined: p.matcher.as_ref().map(|m| m.outcome().baselined),
        baseline_gone: p.matcher.as_ref().map(|m| m.outcome().gone),
    };
    let stdout = std::io::stdout();
    // Stdout is line-buffered: hundreds of thousands of findings as JSON
    // meant a write call per line and seconds of system time.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let written = match args.format {
        OutputFormat::Json => {
            json::write_findings(&mut pipeline, &sources, |p| summary_of(p), &mut out)
        }
        format => {
            let diagnostics: Vec<Diagnostic> = pipeline.by_ref().collect();
            let report = Report {
                diagnostics,
                summary: summary_of(&pipeline),
                sources,
                truncated: Vec::new(),
            };
            let written = match format {
                OutputFormat::Sarif => sarif::write(&report, &linter.metas(), &mut out),
                OutputFormat::Github => github::write(&report, &mut out),
                _ => {
                    let color = match args.color {
                        ColorChoice::Always => true,
                        ColorChoice::Never => false,
                        ColorChoice::Auto => {
                            std::io::stdout().is_terminal()
                                && std::env::var_os("NO_COLOR").is_none()
                        }
                    };
                    human::write(&report, human::Options::new(color), &mut out)
                }
            };
            // The process ends soon: freeing a few hundred thousand
            // findings one by one would only add time to a large run.
            std::mem::forget(report);
            written
        }
    };
    // What was not written (a closed pipe) still counts: the exit status,
    // the summary and a baseline being written cover every finding.
    pipeline.by_ref().for_each(drop);
    // A closed pipe (`opmodel check | head`) is not an error of the model.
    if let Err(e) = written.and_then(|()| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        return fail(format!("cannot write the report: {e}"));
    }
    drop(out);
    timer.lap("write");
    let summary = summary_of(&pipeline);
    // Human output and the JSON summary carry the baseline's counts; the CI
    // formats have no place for them, so the log gets them.
    if let Some(matcher) = &pipeline.matcher
        && matches!(args.format, OutputFormat::Sarif | OutputFormat::Github)
    {
        let outcome = matcher.outcome();
        eprintln!(
            "note: {} finding{} in the baseline not reported; {} baselined finding{} gone",
            outcome.baselined,
            if outcome.baselined == 1 { "" } else { "s" },
            outcome.gone,
            if outcome.gone == 1 { " is" } else { "s are" },
        );
    }
    for t in pipeline.truncated(truncated) {
        eprintln!(
            "note: {} more finding{} of `{}` {} not kept (the limit is {} per check; raise it with --max-findings)",
            t.dropped,
            if t.dropped == 1 { "" } else { "s" },
            t.check,
            if t.dropped == 1 { "was" } else { "were" },
            args.max_findings
        );
    }
    // Said after the report, where it is not scrolled away.
    if let (Some(path), Some(written)) = (&args.write_baseline, &pipeline.written) {
        if let Err(e) = std::fs::write(path, written.to_json()) {
            return fail(format!(
                "cannot write the baseline `{}`: {e}",
                path.display()
            ));
        }
        let findings = written.len();
        eprintln!(
            "note: wrote {findings} finding{} to the baseline `{}`; check against it with --baseline",
            if findings == 1 { "" } else { "s" },
            path.display()
        );
    }
    let code = u8::from(summary.errors > 0);
    // The process ends here: the findings' packed runs go with it.
    std::mem::forget(pipeline);
    code
}

/// The findings on their way out: recorded for a baseline being written,
/// left out when a baseline holds them, capped again per check once the
/// baseline's are out, and counted for the summary.
struct Pipeline {
    findings: Ordered,
    /// The baseline `--write-baseline` writes: every finding, before a
    /// baseline takes any out.
    written: Option<Baseline>,
    matcher: Option<Matcher>,
    /// Most findings reported per check (`--max-findings`).
    limit: usize,
    per_check: HashMap<std::borrow::Cow<'static, str>, usize>,
    /// Findings past `limit`, by check, once the baseline's are out.
    over: BTreeMap<String, usize>,
    errors: usize,
    warnings: usize,
}

impl Iterator for Pipeline {
    type Item = Diagnostic;

    fn next(&mut self) -> Option<Diagnostic> {
        loop {
            let d = self.findings.next()?;
            if let Some(written) = &mut self.written {
                written.add(&d);
            }
            if let Some(matcher) = &mut self.matcher {
                if matcher.holds(&d) {
                    continue;
                }
                // The checks kept every finding (see `run`): what is
                // reported is capped here.
                let n = self.per_check.entry(d.check.clone()).or_default();
                *n += 1;
                if *n > self.limit {
                    *self.over.entry(d.check.to_string()).or_default() += 1;
                    continue;
                }
            }
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                _ => {}
            }
            return Some(d);
        }
    }
}

impl Pipeline {
    /// The linter's `truncated`, with what was capped here added, sorted by
    /// check.
    fn truncated(&self, mut truncated: Vec<Truncated>) -> Vec<Truncated> {
        for (check, dropped) in &self.over {
            match truncated.iter_mut().find(|t| &t.check == check) {
                Some(t) => t.dropped += dropped,
                None => truncated.push(Truncated {
                    check: check.clone(),
                    dropped: *dropped,
                }),
            }
        }
        truncated.sort_by(|a, b| a.check.cmp(&b.check));
        truncated
    }
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
