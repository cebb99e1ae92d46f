//! What every subcommand that reads an org does the same way: find the
//! config file, set the load limits, load the paths.

use std::path::{Path, PathBuf};

use opmodel::config::Config;
use opmodel::diagnostic::{Diagnostic, Severity};
use opmodel::load::{Format, LoadOptions, Loaded, load_paths, load_reader};
use opmodel::report::{Report, human};
use opmodel::{Linter, LoadError};

use super::fail;

/// The load limits given on the command line; `None` keeps the default.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Limits {
    pub max_file_size: Option<u64>,
    pub max_total_size: Option<u64>,
    pub max_entities: Option<usize>,
    pub max_depth: Option<usize>,
    pub follow_links_outside: bool,
}

/// The load options for the limits given.
pub(crate) fn load_options(limits: Limits) -> LoadOptions {
    let mut o = LoadOptions::default();
    if let Some(v) = limits.max_file_size {
        o.max_file_size = v;
    }
    if let Some(v) = limits.max_total_size {
        o.max_total_size = v;
    }
    if let Some(v) = limits.max_entities {
        o.max_entities = v;
    }
    if let Some(v) = limits.max_depth {
        o.max_depth = v;
    }
    o.follow_links_outside = limits.follow_links_outside;
    o
}

/// The config file: `explicit` (`--config`), else the one
/// [`Config::discover`] finds for the inputs, else none; read under the
/// limits of `options`, as org files are. An unreadable or invalid file is
/// an error (already printed; the exit status is returned). With
/// `verbose`, says on stderr which config file is used.
pub(crate) fn file_config(
    explicit: Option<&Path>,
    paths: &[PathBuf],
    linter: &Linter,
    options: &LoadOptions,
    verbose: bool,
) -> Result<Option<Config>, u8> {
    let path: PathBuf = match explicit {
        Some(p) => p.to_path_buf(),
        None => match Config::discover(paths) {
            Some(p) => p,
            None => {
                // A config the user may well have meant is named even
                // without --verbose: the levels differ from it otherwise
                // without a word.
                if let Some(unused) = Config::passed_over(paths) {
                    let first = paths.first().map_or_else(String::new, |p| shown(p));
                    eprintln!(
                        "note: `{}` is not used: the config is looked for next to the first input only (`{first}`); give `--config {}`, or name its folder first",
                        shown(&unused),
                        shown(&unused)
                    );
                } else if verbose {
                    eprintln!(
                        "note: no config file: no `{}` next to the first input; the defaults are used",
                        Config::FILE_NAME
                    );
                }
                return Ok(None);
            }
        },
    };
    if verbose {
        eprintln!("note: using the config file `{}`", shown(&path));
    }
    Config::from_toml_file(&path, options, &linter.metas())
        .map(Some)
        .map_err(fail)
}

/// The built-in linter under the config file found for `paths` (or the
/// defaults when there is none).
pub(crate) fn configured_linter(
    explicit: Option<&Path>,
    paths: &[PathBuf],
    options: &LoadOptions,
    verbose: bool,
    levels: &super::args::LevelFlags,
) -> Result<Linter, u8> {
    let linter = Linter::new();
    let mut config = file_config(explicit, paths, &linter, options, verbose)?.unwrap_or_default();
    // The command line wins over the file.
    levels.apply(&mut config);
    linter.with_config(config).map_err(fail)
}

/// The path that stands for standard input.
pub(crate) const STDIN: &str = "-";

/// Loads the paths; a missing path or nothing readable is an error (already
/// printed; the exit status is returned). `-` reads one org file in YAML
/// from standard input.
pub(crate) fn load(paths: &[PathBuf], options: &LoadOptions) -> Result<Loaded, u8> {
    load_from(paths, options, Format::Yaml)
}

/// Whether `text` reads like TOML: a `[table]` or `[[array]]` header, or a
/// `key = value` line, where YAML would have `key: value`.
fn looks_like_toml(text: &str) -> bool {
    text.lines().map(str::trim).any(|line| {
        let header = line.starts_with('[')
            && line.ends_with(']')
            && line
                .trim_matches(|c| c == '[' || c == ']')
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
        let key_value = line.split_once('=').is_some_and(|(key, _)| {
            let key = key.trim();
            !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        });
        header || key_value
    })
}

/// [`load`], reading `-` (standard input, which must be the only path) in
/// `stdin_format`; its diagnostics name the file `<stdin>`.
pub(crate) fn load_from(
    paths: &[PathBuf],
    options: &LoadOptions,
    stdin_format: Format,
) -> Result<Loaded, u8> {
    let loaded = if paths.iter().any(|p| p.as_os_str() == STDIN) {
        if paths.len() > 1 {
            return Err(fail(
                "`-` (one org file from standard input) cannot be mixed with other paths",
            ));
        }
        let stdin = std::io::stdin();
        if std::io::IsTerminal::is_terminal(&stdin) {
            return Err(fail(
                "`-` reads an org file from standard input, which is a terminal here: pipe a file in (`opmodel check - < org.yaml`)",
            ));
        }
        // Read here, within the size limit, so that what was piped in can
        // be looked at when it does not read as the format given.
        let mut text = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(stdin.lock(), options.max_file_size.saturating_add(1)),
            &mut text,
        )
        .map_err(|e| fail(format!("cannot read standard input: {e}")))?;
        let mut loaded = load_reader(&text[..], stdin_format, "<stdin>", options)
            .map_err(|e| fail(format!("cannot read standard input: {e}")))?;
        if stdin_format == Format::Yaml && looks_like_toml(&String::from_utf8_lossy(&text)) {
            for d in loaded
                .diagnostics
                .iter_mut()
                .filter(|d| d.check == opmodel::load::INVALID_FILE)
            {
                let help = d.help.take().unwrap_or_default();
                d.help = Some(format!("{help}; standard input is read as YAML: if it is TOML, pass `--stdin-format toml`").into());
            }
        }
        loaded
    } else {
        match load_paths(paths, options) {
            Ok(l) => l,
            Err(LoadError::NothingReadable { diagnostics }) => {
                for d in &diagnostics {
                    eprintln!("error: `{}` {}", d.entity.id, d.message);
                }
                return Err(fail("none of the inputs could be read"));
            }
            Err(e) => return Err(fail(e)),
        }
    };
    for path in &loaded.empty_files {
        eprintln!("note: `{}` holds no entity", shown(path));
    }
    for link in &loaded.skipped_links {
        eprintln!(
            "note: `{}` was not followed: it leads to `{}`, outside the paths given (--follow-links-outside follows it)",
            shown(&link.path),
            shown(&link.target)
        );
    }
    Ok(loaded)
}

/// A path as notes show it: `/` between components on every system, and no
/// control character reaching the terminal raw.
fn shown(path: &Path) -> String {
    path.to_string_lossy()
        .replace('\\', "/")
        .chars()
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_default().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect()
}

/// Writes `text` to standard output; a closed pipe (`| head`) is not an
/// error, anything else is (already printed; the exit status is returned).
pub(crate) fn write_stdout(text: &str) -> Result<(), u8> {
    use std::io::Write;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(fail(format!("cannot write the output: {e}")))
        }
        _ => Ok(()),
    }
}

/// Writes to standard output, buffered, what `write` writes, as
/// [`write_stdout`] writes one text: for output as large as the org (a
/// scorecard per unit), written as it is made instead of held whole.
pub(crate) fn stream_stdout(
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), u8> {
    use std::io::Write;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(fail(format!("cannot write the output: {e}")))
        }
        _ => Ok(()),
    }
}

/// Prints how long each phase took to standard error when
/// `OPMODEL_TIMINGS` is set: for finding where the time goes on a large org
/// without a profiler.
pub(crate) struct PhaseTimer {
    last: Option<std::time::Instant>,
}

impl PhaseTimer {
    pub(crate) fn from_env() -> Self {
        Self {
            last: std::env::var_os("OPMODEL_TIMINGS").map(|_| std::time::Instant::now()),
        }
    }

    pub(crate) fn lap(&mut self, phase: &str) {
        if let Some(last) = self.last {
            let now = std::time::Instant::now();
            let memory = resident_memory().map_or_else(String::new, |(now, peak)| {
                format!(" (resident {} MiB, peak {} MiB)", now >> 10, peak >> 10)
            });
            eprintln!(
                "timing: {phase}: {:.3} s{memory}",
                (now - last).as_secs_f64()
            );
            self.last = Some(now);
        }
    }
}

/// The process's resident memory now and at its peak, in KiB, where the
/// system tells (Linux's `/proc/self/status`): where the peak falls is
/// half of what the timings are for.
fn resident_memory() -> Option<(u64, u64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kib = |key: &str| -> Option<u64> {
        let line = status.lines().find(|l| l.starts_with(key))?;
        line.get(key.len()..)?
            .split_whitespace()
            .next()?
            .parse()
            .ok()
    };
    Some((kib("VmRSS:")?, kib("VmHWM:")?))
}

/// The checks that say an input could not be read or used in full.
const INPUT_CHECKS: [&str; 2] = ["invalid-file", "invalid-entity"];

/// For the commands that draw or score the org (`graph`, `report`): prints
/// the `invalid-file` and `invalid-entity` findings of `report` on standard
/// error as `check` renders them, so that no input is left out silently,
/// and returns the exit status `check` would give for them (1 when one of
/// them is an error, else 0).
pub(crate) fn report_input_problems(report: &Report, command: &str) -> u8 {
    use std::io::IsTerminal;
    let problems: Vec<&Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| INPUT_CHECKS.contains(&&*d.check))
        .collect();
    if problems.is_empty() {
        return 0;
    }
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let options = human::Options::new(color);
    let mut text = String::new();
    for d in &problems {
        text.push_str(&human::render_diagnostic(d, &report.sources, options));
        text.push('\n');
    }
    let errors = problems
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    let head = if errors > 0 { "error" } else { "warning" };
    let count = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    text.push_str(&format!(
        "{head}: {} and {} reading the input (`invalid-file`, `invalid-entity`); the {command} shows what was read, and leaves out the files and fields that could not be\n",
        count(errors, "error"),
        count(warnings, "warning"),
    ));
    eprint!("{text}");
    u8::from(errors > 0)
}

/// What `report` and `graph` start with: the linter configured for `paths`, the org loaded
/// with the usual limits, its findings, and the exit status its unreadable or invalid input
/// sets (reported on standard error as `check` reports it, naming `command`). `Err` holds
/// the exit code of a configuration or load error already reported.
pub(crate) fn load_and_check(
    paths: &[std::path::PathBuf],
    config: Option<&std::path::Path>,
    follow_links_outside: bool,
    verbose: bool,
    levels: &super::args::LevelFlags,
    command: &str,
) -> Result<(opmodel::Linter, opmodel::load::Loaded, opmodel::Report, u8), u8> {
    let options = load_options(Limits {
        follow_links_outside,
        ..Limits::default()
    });
    let linter = configured_linter(config, paths, &options, verbose, levels)?;
    let loaded = load(paths, &options)?;
    let report = linter.check(&loaded);
    let status = report_input_problems(&report, command);
    Ok((linter, loaded, report, status))
}
