use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use opmodel::config::{Config, Level};
use opmodel::load::{LoadOptions, load_paths};
use opmodel::report::{human, json};
use opmodel::{Linter, LoadError};

use super::args::{CheckArgs, ColorChoice, OutputFormat};
use super::fail;

pub(crate) fn run(args: &CheckArgs) -> u8 {
    let linter = Linter::new();
    let mut config = match file_config(args, &linter) {
        Ok(c) => c.unwrap_or_default(),
        Err(code) => return code,
    };
    // Command-line levels win over the file, in the order clippy applies them.
    let overrides = [(Level::Allow, &args.allow), (Level::Warn, &args.warn), (Level::Deny, &args.deny)];
    for (level, names) in overrides {
        for name in names {
            config.set_level(name, level);
        }
    }
    let linter = match linter.with_config(config) {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    let options = load_options(args);
    let loaded = match load_paths(&args.paths, &options) {
        Ok(l) => l,
        Err(LoadError::NothingReadable { diagnostics }) => {
            for d in &diagnostics {
                eprintln!("error: `{}` {}", d.entity.id, d.message);
            }
            return fail("none of the inputs could be read");
        }
        Err(e) => return fail(e),
    };
    let report = linter.check(&loaded);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        OutputFormat::Json => json::write(&report, &mut out),
        OutputFormat::Human => {
            let color = match args.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
            };
            out.write_all(human::render(&report, human::Options::new(color)).as_bytes())
        }
    };
    // A closed pipe (`opmodel check | head`) is not an error of the model.
    if let Err(e) = written.and_then(|()| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        return fail(format!("cannot write the report: {e}"));
    }
    u8::try_from(report.exit_code()).unwrap_or(1)
}

fn load_options(args: &CheckArgs) -> LoadOptions {
    let mut o = LoadOptions::default();
    if let Some(v) = args.max_file_size {
        o.max_file_size = v;
    }
    if let Some(v) = args.max_total_size {
        o.max_total_size = v;
    }
    if let Some(v) = args.max_entities {
        o.max_entities = v;
    }
    if let Some(v) = args.max_depth {
        o.max_depth = v;
    }
    o
}

/// The config file: `--config`, else `opmodel.toml` next to the first input.
fn file_config(args: &CheckArgs, linter: &Linter) -> Result<Option<Config>, u8> {
    let path: PathBuf = match &args.config {
        Some(p) => p.clone(),
        None => match beside_first_input(&args.paths) {
            Some(p) => p,
            None => return Ok(None),
        },
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => return Err(fail(format!("cannot read config `{}`: {e}", path.display()))),
    };
    let shown = path.to_string_lossy().replace('\\', "/");
    Config::from_toml(&text, &shown, &linter.metas()).map(Some).map_err(fail)
}

fn beside_first_input(paths: &[PathBuf]) -> Option<PathBuf> {
    let first = paths.first()?;
    let folder: &Path = if first.is_dir() { first } else { first.parent()? };
    let candidate = folder.join("opmodel.toml");
    candidate.is_file().then_some(candidate)
}
