//! The errors that stop opmodel from doing its job at all. Everything else
//! (a broken file among several, a malformed entity) is a
//! [`Diagnostic`], so that every other finding is still
//! reported.

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;

/// Why a model could not be loaded at all.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// A path given as input cannot be read.
    #[error("cannot read `{}`: {source}; check the path", path.display())]
    Input {
        /// The path as given.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A folder given as input holds no org files.
    #[error("`{}` holds no org files (.yaml, .yml, .toml or .json); point opmodel at the folder of your org files", path.display())]
    NoModelFiles {
        /// The folder.
        path: PathBuf,
    },
    /// No input file could be read; the diagnostics say why for each.
    #[error("none of the inputs could be read{}", first_reason(diagnostics))]
    NothingReadable {
        /// One `invalid-file` diagnostic per file.
        diagnostics: Vec<Diagnostic>,
    },
    /// The `opmodel.toml` found for the inputs cannot be read or is
    /// invalid ([`Org::load`](crate::Org::load) reads it, as
    /// `opmodel check` does).
    #[error(transparent)]
    Config(#[from] ConfigError),
}

fn first_reason(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .first()
        .map(|d| format!(": `{}` {}", d.entity.id, d.message))
        .unwrap_or_default()
}

impl LoadError {
    pub(crate) fn input(path: &Path, source: std::io::Error) -> Self {
        Self::Input {
            path: path.to_path_buf(),
            source,
        }
    }

    pub(crate) fn no_model_files(path: &Path) -> Self {
        Self::NoModelFiles {
            path: path.to_path_buf(),
        }
    }

    pub(crate) fn nothing_readable(diagnostics: Vec<Diagnostic>) -> Self {
        Self::NothingReadable { diagnostics }
    }
}

/// Why a configuration could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The config file cannot be read.
    #[error("cannot read config `{}`: {source}", path.display())]
    Read {
        /// The config file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The config file is not a regular file (a folder, a pipe, a socket or
    /// a device): it is not read, as a pipe could block forever and a
    /// device never end.
    #[error("cannot read config `{}`: it {what}; a config must be a regular file", path.display())]
    NotAFile {
        /// The config file.
        path: PathBuf,
        /// What it is instead, as "is a folder".
        what: &'static str,
    },
    /// The config file is larger than the limit org files are read with.
    #[error("cannot read config `{}`: it is {size} bytes, larger than the limit of {limit} bytes (`--max-file-size`)", path.display())]
    TooLarge {
        /// The config file.
        path: PathBuf,
        /// Its size, or what was read of it when it grew past the limit.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The config file is not valid TOML or breaks the config's rules.
    #[error("{}{message}{}", place(file, *line, *column), help.as_deref().map(|h| format!("\n  help: {h}")).unwrap_or_default())]
    Invalid {
        /// The config file as shown to the user.
        file: String,
        /// 1-based line (0 when unknown).
        line: u32,
        /// 1-based column (0 when unknown).
        column: u32,
        /// What is wrong.
        message: String,
        /// What to do, such as a "did you mean".
        help: Option<String>,
    },
    /// A setting names a check that does not exist (for settings made in
    /// code or on the command line).
    #[error("unknown check `{name}`{}", suggestion.as_deref().map(|s| format!("; did you mean `{s}`?")).unwrap_or_default())]
    UnknownCheck {
        /// The name given.
        name: String,
        /// The closest known name.
        suggestion: Option<String>,
    },
    /// An `opmodel.toml` was found but this build cannot read it: the
    /// `toml` feature is off. Ignoring it would change every level it sets
    /// without a word.
    #[error("`{}` cannot be read: opmodel was built without its `toml` feature; enable the feature, or read the file yourself and pass a `Config`", path.display())]
    TomlFeatureOff {
        /// The config file found.
        path: PathBuf,
    },
    /// [`Linter::with_check`](crate::Linter::with_check) was given a check
    /// whose name another registered check already has.
    #[error("a check named `{name}` is already registered; give your check a name of its own")]
    DuplicateCheck {
        /// The name both checks have.
        name: String,
    },
}

/// Where a config problem is, as `file:line:column: `; a setting made in
/// code has no line, and is shown as `config: `.
fn place(file: &str, line: u32, column: u32) -> String {
    match (file, line) {
        ("<config>", 0) => "config: ".to_owned(),
        (_, 0) => format!("{file}: "),
        _ => format!("{file}:{line}:{column}: "),
    }
}
