//! Levels and parameters of checks: `opmodel.toml`, or a [`Config`] value
//! built in code.
//!
//! ```toml
//! [checks]
//! milestone-key-result = "deny"
//! incomplete-product-trio = "warn"
//! overloaded-team = { level = "warn", max_products = 4 }
//! missing-decision-right = { areas = ["feature-set", "budget-allocation"] }
//!
//! # Job titles that name a role of the product trio, beyond the common
//! # ones opmodel understands (`incomplete-product-trio`).
//! [roles]
//! product-manager = ["Product Owner", "Business Owner"]
//! engineering-lead = ["Staff Engineer"]
//! designer = ["Content Designer"]
//! ```
//!
//! ```
//! use opmodel::config::{Config, Level};
//! let mut config = Config::new();
//! config.set_level("overloaded-team", Level::Deny);
//! config.set_param("overloaded-team", "max_products", 5_i64);
//! assert_eq!(config.level_of("overloaded-team"), Some(Level::Deny));
//! ```

use std::collections::BTreeMap;

use serde::Serialize;
use strum::{Display, EnumString, IntoStaticStr};

use crate::diagnostic::Severity;
use crate::error::ConfigError;

/// How a check's findings are treated, as in rustc and clippy.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Display,
    EnumString,
    IntoStaticStr,
    Serialize,
)]
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Not reported.
    #[strum(to_string = "allow", serialize = "off")]
    Allow,
    /// Reported as a warning.
    #[strum(to_string = "warn", serialize = "warning")]
    Warn,
    /// Reported as an error: `opmodel check` exits 1.
    #[strum(to_string = "deny", serialize = "error")]
    Deny,
}

impl Level {
    /// The severity findings get at this level (`None` for `allow`).
    pub fn severity(self) -> Option<Severity> {
        match self {
            Self::Allow => None,
            Self::Warn => Some(Severity::Warning),
            Self::Deny => Some(Severity::Error),
        }
    }
}

/// A parameter value of a check.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum ParamValue {
    /// A whole number.
    Int(i64),
    /// Yes or no.
    Bool(bool),
    /// A word.
    Str(String),
    /// A list of words.
    List(Vec<String>),
}

impl From<i64> for ParamValue {
    fn from(v: i64) -> Self {
        Self::Int(v)
    }
}

impl From<bool> for ParamValue {
    fn from(v: bool) -> Self {
        Self::Bool(v)
    }
}

impl From<&str> for ParamValue {
    fn from(v: &str) -> Self {
        Self::Str(v.to_owned())
    }
}

impl From<Vec<String>> for ParamValue {
    fn from(v: Vec<String>) -> Self {
        Self::List(v)
    }
}

impl From<&[&str]> for ParamValue {
    fn from(v: &[&str]) -> Self {
        Self::List(v.iter().map(|s| (*s).to_owned()).collect())
    }
}

impl From<i32> for ParamValue {
    fn from(v: i32) -> Self {
        Self::Int(i64::from(v))
    }
}

impl From<u32> for ParamValue {
    fn from(v: u32) -> Self {
        Self::Int(i64::from(v))
    }
}

/// A count past `i64::MAX` is kept as `i64::MAX`.
impl From<usize> for ParamValue {
    fn from(v: usize) -> Self {
        Self::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}

impl From<String> for ParamValue {
    fn from(v: String) -> Self {
        Self::Str(v)
    }
}

impl From<Vec<&str>> for ParamValue {
    fn from(v: Vec<&str>) -> Self {
        Self::from(v.as_slice())
    }
}

impl<const N: usize> From<[&str; N]> for ParamValue {
    fn from(v: [&str; N]) -> Self {
        Self::from(v.as_slice())
    }
}

impl ParamValue {
    /// A word for the value's type, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Self::Int(_) => "an integer",
            Self::Bool(_) => "a boolean",
            Self::Str(_) => "a string",
            Self::List(_) => "a list of strings",
        }
    }

    fn same_type(&self, other: &Self) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

/// The settings of one check.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CheckSettings {
    /// The level, when set.
    pub level: Option<Level>,
    /// Parameters by name.
    pub params: BTreeMap<String, ParamValue>,
}

/// Levels and parameters for checks. Anything not set keeps the check's
/// default.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Config {
    checks: BTreeMap<String, CheckSettings>,
    /// Level for every check whose findings would be warnings (`-D warnings`).
    warnings: Option<Level>,
    /// Job titles that name a role of the product trio, by role.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    roles: BTreeMap<String, Vec<String>>,
}

/// The roles `[roles]` in `opmodel.toml` (and [`Config::add_role_alias`])
/// can add job titles to: those of the product trio, as
/// `incomplete-product-trio` names them.
pub const ROLE_KEYS: [&str; 3] = ["product-manager", "engineering-lead", "designer"];

/// The error for a `[roles]` key that is no role of [`ROLE_KEYS`].
fn unknown_role(role: &str) -> (String, Option<String>) {
    let known = ROLE_KEYS.join("`, `");
    let help = match crate::diagnostic::did_you_mean(role, ROLE_KEYS) {
        Some(s) => format!("did you mean `{s}`? the roles are `{known}`"),
        None => format!("the roles are `{known}`"),
    };
    (format!("unknown role `{role}`"), Some(help))
}

impl Config {
    /// Every check at its default level.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets a check's level (later settings win).
    pub fn set_level(&mut self, check: &str, level: Level) -> &mut Self {
        if check == "warnings" {
            self.warnings = Some(level);
        } else {
            self.checks.entry(check.to_owned()).or_default().level = Some(level);
        }
        self
    }

    /// Sets a check's parameter.
    pub fn set_param(
        &mut self,
        check: &str,
        param: &str,
        value: impl Into<ParamValue>,
    ) -> &mut Self {
        self.checks
            .entry(check.to_owned())
            .or_default()
            .params
            .insert(param.to_owned(), value.into());
        self
    }

    /// The level set for a check, if any.
    pub fn level_of(&self, check: &str) -> Option<Level> {
        self.checks.get(check).and_then(|s| s.level)
    }

    /// The level a check runs at, given its default.
    pub fn effective_level(&self, check: &str, default: Level) -> Level {
        let level = self.level_of(check).unwrap_or(default);
        match (level, self.warnings) {
            (Level::Warn, Some(w)) => w,
            _ => level,
        }
    }

    /// A parameter set for a check, if any.
    pub fn param(&self, check: &str, param: &str) -> Option<&ParamValue> {
        self.checks.get(check)?.params.get(param)
    }

    /// Adds a job title (`Product Owner`) that names `role`, one of
    /// [`ROLE_KEYS`]: a member with that title counts as that role for
    /// `incomplete-product-trio`. Titles are compared as roles are read
    /// (case, spaces and `_` do not matter). A role outside [`ROLE_KEYS`]
    /// is refused by [`Config::validate`].
    pub fn add_role_alias(&mut self, role: &str, title: &str) -> &mut Self {
        self.roles
            .entry(role.to_owned())
            .or_default()
            .push(title.to_owned());
        self
    }

    /// The job titles added for `role` (`product-manager`), in the order given.
    pub fn role_aliases(&self, role: &str) -> &[String] {
        self.roles.get(role).map_or(&[], Vec::as_slice)
    }

    /// Every check that has settings, by name.
    pub fn checks(&self) -> impl Iterator<Item = (&str, &CheckSettings)> {
        self.checks.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Applies `other` on top of this config (its settings win).
    pub fn merge(&mut self, other: &Config) {
        for (name, s) in &other.checks {
            let mine = self.checks.entry(name.clone()).or_default();
            if s.level.is_some() {
                mine.level = s.level;
            }
            mine.params
                .extend(s.params.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        if other.warnings.is_some() {
            self.warnings = other.warnings;
        }
        for (role, titles) in &other.roles {
            self.roles
                .entry(role.clone())
                .or_default()
                .extend(titles.iter().cloned());
        }
    }

    /// Checks every name and parameter against the known checks.
    ///
    /// # Errors
    ///
    /// [`ConfigError::UnknownCheck`] or [`ConfigError::Invalid`] for the
    /// first setting that does not fit.
    pub fn validate(&self, checks: &[&crate::check::CheckMeta]) -> Result<(), ConfigError> {
        if let Some(role) = self.roles.keys().find(|r| !ROLE_KEYS.contains(&r.as_str())) {
            let (message, help) = unknown_role(role);
            return Err(ConfigError::Invalid {
                file: "<config>".to_owned(),
                line: 0,
                column: 0,
                message,
                help,
            });
        }
        for (name, settings) in &self.checks {
            let Some(meta) = checks.iter().find(|m| m.name == name) else {
                // `warnings` (every warning, as in `-D warnings`) is a
                // name too: `-D warning` means it.
                return Err(ConfigError::UnknownCheck {
                    name: name.clone(),
                    suggestion: crate::diagnostic::did_you_mean(
                        name,
                        checks.iter().map(|m| m.name).chain(["warnings"]),
                    )
                    .map(str::to_owned),
                });
            };
            for (param, value) in &settings.params {
                check_param(meta, param, value).map_err(|(message, help)| {
                    ConfigError::Invalid {
                        file: "<config>".to_owned(),
                        line: 0,
                        column: 0,
                        message,
                        help,
                    }
                })?;
            }
        }
        Ok(())
    }

    /// Reads an `opmodel.toml`, validating it against the known checks.
    /// `file` is the path shown in errors.
    ///
    /// # Errors
    ///
    /// [`ConfigError::Invalid`] with the file, line and column of the first
    /// problem, and a "did you mean" where a name is close to a known one.
    #[cfg(feature = "toml")]
    pub fn from_toml(
        text: &str,
        file: &str,
        checks: &[&crate::check::CheckMeta],
    ) -> Result<Self, ConfigError> {
        toml_config::parse(
            text,
            file,
            checks,
            crate::load::LoadOptions::default().max_depth,
        )
    }

    /// Reads the `opmodel.toml` at `path` under the limits org files are
    /// read with: only a regular file, at most `options.max_file_size`
    /// bytes (checked before reading, and the read stops there if the file
    /// grew), nesting at most `options.max_depth` deep. Then as
    /// [`Config::from_toml`], with `path` shown in errors.
    ///
    /// # Errors
    ///
    /// [`ConfigError::NotAFile`] for a folder, pipe, socket or device,
    /// [`ConfigError::TooLarge`], [`ConfigError::Read`] when the system
    /// refuses, and the errors of [`Config::from_toml`].
    #[cfg(feature = "toml")]
    pub fn from_toml_file(
        path: &std::path::Path,
        options: &crate::load::LoadOptions,
        checks: &[&crate::check::CheckMeta],
    ) -> Result<Self, ConfigError> {
        let text = read_config(path, options.max_file_size)?;
        let shown = path.to_string_lossy().replace('\\', "/");
        toml_config::parse(
            &text,
            &shown,
            checks,
            options.max_depth.min(crate::load::MAX_DEPTH_LIMIT),
        )
    }
}

impl Config {
    /// The name of the config file [`Config::discover`] looks for.
    pub const FILE_NAME: &'static str = "opmodel.toml";

    /// Where the config file for a run over `paths` (files or folders of
    /// org files) is, as the spec says: `opmodel.toml` next to the first
    /// input (in the folder given, or in the folder of the file given);
    /// only the first input is looked at. `None` when there is none. The
    /// command-line tool uses this unless `--config` is given, so the
    /// library finds the same file.
    ///
    /// Relative paths stay relative (the result is then relative to the
    /// current folder too). Anything of that name counts as found, a
    /// folder or a pipe too: reading it then reports what it is, rather
    /// than passing over a config the user meant.
    ///
    /// ```
    /// # let dir = std::env::temp_dir().join(format!("opmodel-doc-discover-{}", std::process::id()));
    /// # std::fs::create_dir_all(dir.join("okrs")).unwrap();
    /// # std::fs::write(dir.join("opmodel.toml"), "").unwrap();
    /// use opmodel::config::Config;
    /// assert_eq!(Config::discover(&[dir.clone(), dir.join("okrs")]), Some(dir.join("opmodel.toml")));
    /// // Only the first input is looked at...
    /// assert_eq!(Config::discover(&[dir.join("okrs"), dir.clone()]), None);
    /// // ...and the one it passes over can be named in a hint.
    /// assert_eq!(Config::passed_over(&[dir.join("okrs"), dir.clone()]), Some(dir.join("opmodel.toml")));
    /// # std::fs::remove_dir_all(&dir).unwrap();
    /// ```
    pub fn discover<P: AsRef<std::path::Path>>(paths: &[P]) -> Option<std::path::PathBuf> {
        let first = paths
            .first()
            .and_then(|p| common_folder(std::slice::from_ref(p)))?;
        Self::file_in(&first)
    }

    /// A config file [`Config::discover`] does not use although it sits
    /// in the deepest folder holding every input (an input folder holds
    /// itself, a file is held by its folder): `check org/okrs org` passes
    /// over `org/opmodel.toml`, because only the first input is looked
    /// at. `None` when [`Config::discover`] finds one, or there is no such
    /// file. The command-line tool names it in a note, so that levels do
    /// not differ from what the user expects without a word.
    pub fn passed_over<P: AsRef<std::path::Path>>(paths: &[P]) -> Option<std::path::PathBuf> {
        if Self::discover(paths).is_some() {
            return None;
        }
        Self::file_in(&common_folder(paths)?)
    }

    /// `opmodel.toml` in `folder`, when anything of that name is there.
    fn file_in(folder: &std::path::Path) -> Option<std::path::PathBuf> {
        let candidate = folder.join(Self::FILE_NAME);
        candidate.symlink_metadata().is_ok().then_some(candidate)
    }
}

/// The deepest folder holding every one of `paths` (compared by their
/// components, `.` left out); `None` for no paths, or paths with nothing
/// in common (on different drives).
fn common_folder<P: AsRef<std::path::Path>>(paths: &[P]) -> Option<std::path::PathBuf> {
    use std::path::{Component, Path, PathBuf};
    let mixed = paths.iter().any(|p| p.as_ref().is_absolute())
        && paths.iter().any(|p| !p.as_ref().is_absolute());
    let mut common: Option<Vec<Component<'_>>> = None;
    let owned: Vec<PathBuf> = paths
        .iter()
        .map(|p| {
            let p = p.as_ref();
            if mixed && !p.is_absolute() {
                std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
            } else {
                p.to_path_buf()
            }
        })
        .collect();
    for path in &owned {
        let folder: &Path = if path.is_dir() {
            path
        } else {
            path.parent().unwrap_or(Path::new(""))
        };
        let parts: Vec<Component<'_>> = folder
            .components()
            .filter(|c| *c != Component::CurDir)
            .collect();
        common = Some(match common {
            None => parts,
            Some(before) => before
                .into_iter()
                .zip(parts)
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect(),
        });
    }
    let parts = common?;
    if parts.is_empty() && owned.iter().any(|p| p.is_absolute()) {
        return None;
    }
    Some(parts.iter().collect())
}

/// The text of the config file at `path`, at most `limit` bytes.
#[cfg(feature = "toml")]
fn read_config(path: &std::path::Path, limit: u64) -> Result<String, ConfigError> {
    use std::io::Read as _;
    let read_error = |source| ConfigError::Read {
        path: path.to_path_buf(),
        source,
    };
    let not_a_file = |what| ConfigError::NotAFile {
        path: path.to_path_buf(),
        what,
    };
    let too_large = |size| ConfigError::TooLarge {
        path: path.to_path_buf(),
        size,
        limit,
    };
    // Before opening: opening a pipe blocks until a writer comes.
    let meta = std::fs::metadata(path).map_err(read_error)?;
    if meta.is_dir() {
        return Err(not_a_file("is a folder"));
    }
    if !meta.is_file() {
        return Err(not_a_file(
            "is not a regular file (a pipe, socket or device)",
        ));
    }
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(read_error)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let before = String::from_utf8_lossy(bytes.get(..valid).unwrap_or_default());
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        ConfigError::Invalid {
            file: path.to_string_lossy().replace('\\', "/"),
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
            message: "not valid UTF-8".to_owned(),
            help: Some("save the config as UTF-8".to_owned()),
        }
    })
}

/// Checks one parameter against a check's declared parameters.
fn check_param(
    meta: &crate::check::CheckMeta,
    param: &str,
    value: &ParamValue,
) -> Result<(), (String, Option<String>)> {
    let Some(decl) = meta.params.iter().find(|p| p.name == param) else {
        let known: Vec<&str> = meta.params.iter().map(|p| p.name).collect();
        let help = match crate::diagnostic::did_you_mean(param, known.iter().copied()) {
            Some(s) => Some(format!("did you mean `{s}`?")),
            None if known.is_empty() => Some(format!("`{}` takes only `level`", meta.name)),
            None => Some(format!(
                "`{}` takes `level`, {}",
                meta.name,
                known
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        };
        return Err((
            format!("unknown parameter `{param}` for check `{}`", meta.name),
            help,
        ));
    };
    if !decl.default.same_type(value) {
        return Err((
            format!(
                "parameter `{param}` of `{}` must be {}, found {}",
                meta.name,
                decl.default.type_name(),
                value.type_name()
            ),
            Some(decl.doc.to_owned()),
        ));
    }
    if let ParamValue::Int(i) = value
        && *i < 0
    {
        return Err((
            format!(
                "parameter `{param}` of `{}` must not be negative",
                meta.name
            ),
            None,
        ));
    }
    Ok(())
}

#[cfg(feature = "toml")]
mod toml_config {
    use super::{Config, ConfigError, Level, ParamValue, ROLE_KEYS, check_param, unknown_role};
    use crate::check::CheckMeta;
    use crate::diagnostic::did_you_mean;

    const SECTIONS: &[&str] = &["checks", "roles"];

    struct Cx<'a> {
        text: &'a str,
        file: &'a str,
    }

    impl Cx<'_> {
        fn error(&self, offset: usize, message: String, help: Option<String>) -> ConfigError {
            let (line, column) = line_col(self.text, offset);
            ConfigError::Invalid {
                file: self.file.to_owned(),
                line,
                column,
                message,
                help,
            }
        }
    }

    fn line_col(text: &str, offset: usize) -> (u32, u32) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (
            u32::try_from(line).unwrap_or(u32::MAX),
            u32::try_from(column).unwrap_or(u32::MAX),
        )
    }

    pub(super) fn parse(
        text: &str,
        file: &str,
        checks: &[&CheckMeta],
        max_depth: usize,
    ) -> Result<Config, ConfigError> {
        use toml::de::{DeTable, DeValue};
        let cx = Cx { text, file };
        let root = DeTable::parse(text).map_err(|e| {
            let message = e.message().trim();
            if message.contains("recurs") {
                // toml gives no place for headers and dotted keys nested
                // too deep: the deepest point of the text is where it
                // gave up.
                let offset = e
                    .span()
                    .map_or_else(|| crate::load::deepest_nesting(text), |s| s.start);
                return cx.error(offset, too_deep(max_depth), None);
            }
            let offset = e.span().map_or(0, |s| s.start);
            cx.error(offset, format!("not valid TOML: {message}"), None)
        })?;
        if let Some(offset) = deeper_than(&root, max_depth) {
            return Err(cx.error(offset, too_deep(max_depth), None));
        }
        let mut config = Config::new();
        for (key, value) in root.get_ref() {
            if key.get_ref() == "roles" {
                roles(&cx, value, &mut config)?;
                continue;
            }
            if key.get_ref() != "checks" {
                let help = did_you_mean(key.get_ref(), SECTIONS.iter().copied())
                    .map(|s| format!("did you mean `{s}`?"))
                    .or_else(|| {
                        Some("the config has two sections, `[checks]` and `[roles]`".to_owned())
                    });
                return Err(cx.error(
                    key.span().start,
                    format!("unknown section `{}`", key.get_ref()),
                    help,
                ));
            }
            let DeValue::Table(table) = value.get_ref() else {
                return Err(cx.error(
                    value.span().start,
                    "`checks` must be a table".to_owned(),
                    Some("write `[checks]` and one line per check below it".to_owned()),
                ));
            };
            for (name, setting) in table {
                let name_text = name.get_ref().as_ref();
                let Some(meta) = checks.iter().find(|m| m.name == name_text) else {
                    let help = did_you_mean(name_text, checks.iter().map(|m| m.name))
                        .map(|s| format!("did you mean `{s}`?"))
                        .or_else(|| Some("`opmodel checks` lists every check".to_owned()));
                    return Err(cx.error(
                        name.span().start,
                        format!("unknown check `{name_text}`"),
                        help,
                    ));
                };
                match setting.get_ref() {
                    DeValue::String(s) => {
                        let level = parse_level(&cx, s, setting.span().start)?;
                        config.set_level(meta.name, level);
                    }
                    DeValue::Table(params) => {
                        for (param, value) in params {
                            let param_name = param.get_ref().as_ref();
                            if param_name == "level" {
                                let DeValue::String(s) = value.get_ref() else {
                                    return Err(cx.error(
                                        value.span().start,
                                        "`level` must be \"deny\", \"warn\" or \"allow\""
                                            .to_owned(),
                                        None,
                                    ));
                                };
                                let level = parse_level(&cx, s, value.span().start)?;
                                config.set_level(meta.name, level);
                                continue;
                            }
                            let v = param_value(value.get_ref()).map_err(|bad| {
                                let message = match bad {
                                    BadValue::Type => match meta
                                        .params
                                        .iter()
                                        .find(|p| p.name == param_name)
                                    {
                                        Some(decl) => format!(
                                            "parameter `{param_name}` of `{}` must be {}, found {}",
                                            meta.name,
                                            decl.default.type_name(),
                                            toml_type_name(value.get_ref())
                                        ),
                                        None => format!(
                                            "unknown parameter `{param_name}` for check `{}`",
                                            meta.name
                                        ),
                                    },
                                    BadValue::TooLarge(n) => format!(
                                        "the number {n} is too large for parameter `{param_name}` of `{}` (at most {})",
                                        meta.name,
                                        i64::MAX
                                    ),
                                    BadValue::Negative => format!(
                                        "parameter `{param_name}` of `{}` must not be negative",
                                        meta.name
                                    ),
                                };
                                cx.error(value.span().start, message, None)
                            })?;
                            check_param(meta, param_name, &v).map_err(|(message, help)| {
                                let at = if message.starts_with("unknown") {
                                    param.span().start
                                } else {
                                    value.span().start
                                };
                                cx.error(at, message, help)
                            })?;
                            config.set_param(meta.name, param_name, v);
                        }
                        // A range that holds nothing would report every
                        // entity, or none, without saying why.
                        let set_or_default = |name: &str| {
                            config.param(meta.name, name).cloned().or_else(|| {
                                meta.params
                                    .iter()
                                    .find(|p| p.name == name)
                                    .map(|p| p.default.clone())
                            })
                        };
                        if let (Some(ParamValue::Int(min)), Some(ParamValue::Int(max))) =
                            (set_or_default("min"), set_or_default("max"))
                            && min > max
                        {
                            let shown = |name: &str, v: i64| match config.param(meta.name, name) {
                                Some(_) => v.to_string(),
                                None => format!("{v}, its default"),
                            };
                            let message = format!(
                                "`min` ({}) is above `max` ({}) for `{}`",
                                shown("min", min),
                                shown("max", max),
                                meta.name
                            );
                            return Err(cx.error(
                                setting.span().start,
                                message,
                                Some("lower `min` or raise `max`".to_owned()),
                            ));
                        }
                    }
                    _ => {
                        return Err(cx.error(
                            setting.span().start,
                            format!("the setting of `{}` must be a level or a table", meta.name),
                            Some(format!(
                                "write `{} = \"warn\"` or `{} = {{ level = \"warn\" }}`",
                                meta.name, meta.name
                            )),
                        ));
                    }
                }
            }
        }
        Ok(config)
    }

    /// `[roles]`: for each role of [`ROLE_KEYS`], a list of job titles.
    fn roles(
        cx: &Cx<'_>,
        value: &toml::Spanned<toml::de::DeValue<'_>>,
        config: &mut Config,
    ) -> Result<(), ConfigError> {
        use toml::de::DeValue;
        let example = || {
            Some("write `[roles]` and lines such as `product-manager = [\"Product Owner\"]` below it".to_owned())
        };
        let DeValue::Table(table) = value.get_ref() else {
            return Err(cx.error(
                value.span().start,
                "`roles` must be a table".to_owned(),
                example(),
            ));
        };
        for (role, titles) in table {
            let role_name = role.get_ref().as_ref();
            if !ROLE_KEYS.contains(&role_name) {
                let (message, help) = unknown_role(role_name);
                return Err(cx.error(role.span().start, message, help));
            }
            let not_a_list = || {
                cx.error(
                    titles.span().start,
                    format!("`{role_name}` must be a list of job titles"),
                    example(),
                )
            };
            let DeValue::Array(items) = titles.get_ref() else {
                return Err(not_a_list());
            };
            for item in items {
                let DeValue::String(title) = item.get_ref() else {
                    return Err(cx.error(
                        item.span().start,
                        format!("the job titles of `{role_name}` must be strings"),
                        example(),
                    ));
                };
                config.add_role_alias(role_name, title);
            }
        }
        Ok(())
    }

    fn too_deep(max_depth: usize) -> String {
        if max_depth < crate::load::TOML_MAX_DEPTH {
            format!("nesting deeper than {max_depth} levels; a config nests 4 levels at most")
        } else {
            format!(
                "nesting deeper than the TOML parser allows ({} levels); a config nests 4 levels at most",
                crate::load::TOML_MAX_DEPTH
            )
        }
    }

    /// Where `root` first nests deeper than `max_depth` tables and arrays,
    /// if it does. An explicit stack: the depth is the input's.
    fn deeper_than(root: &toml::Spanned<toml::de::DeTable<'_>>, max_depth: usize) -> Option<usize> {
        use toml::de::DeValue;
        // The document is depth 1, as in org files; each value is paired
        // with the depth it has if it is a table or an array.
        if max_depth == 0 {
            return Some(0);
        }
        let mut stack: Vec<(&toml::Spanned<DeValue<'_>>, usize)> =
            root.get_ref().values().rev().map(|v| (v, 2)).collect();
        while let Some((value, depth)) = stack.pop() {
            let children: Vec<&toml::Spanned<DeValue<'_>>> = match value.get_ref() {
                DeValue::Table(t) => t.values().collect(),
                DeValue::Array(a) => a.iter().collect(),
                _ => continue,
            };
            if depth > max_depth {
                return Some(value.span().start);
            }
            stack.extend(children.into_iter().rev().map(|c| (c, depth + 1)));
        }
        None
    }

    fn parse_level(cx: &Cx<'_>, s: &str, offset: usize) -> Result<Level, ConfigError> {
        s.parse().map_err(|_| {
            let help = did_you_mean(s, ["deny", "warn", "allow"])
                .map(|w| format!("did you mean \"{w}\"?"));
            cx.error(
                offset,
                format!("unknown level \"{}\"; the levels are \"deny\", \"warn\" and \"allow\" (or \"error\", \"warning\" and \"off\")", crate::check::quote_text(s)),
                help,
            )
        })
    }

    /// Why a TOML value is no parameter value.
    enum BadValue {
        /// Not a type any parameter has (a float, a date, a table...).
        Type,
        /// An integer past `i64`, as written.
        TooLarge(String),
        /// An integer below `i64`: no parameter takes a negative number.
        Negative,
    }

    /// What a TOML value is, in the words of the config's messages.
    fn toml_type_name(value: &toml::de::DeValue<'_>) -> &'static str {
        use toml::de::DeValue;
        match value {
            DeValue::Integer(_) => "an integer",
            DeValue::Float(_) => "a number with a fraction",
            DeValue::Boolean(_) => "a boolean",
            DeValue::String(_) => "a string",
            DeValue::Datetime(_) => "a date",
            DeValue::Array(_) => "a list holding something other than strings",
            DeValue::Table(_) => "a table",
        }
    }

    fn param_value(value: &toml::de::DeValue<'_>) -> Result<ParamValue, BadValue> {
        use toml::de::DeValue;
        match value {
            DeValue::Integer(i) => {
                // toml keeps the digits without prefix or underscores.
                let digits = i.as_str();
                let parsed = i64::from_str_radix(digits, i.radix());
                parsed.map(ParamValue::Int).map_err(|_| {
                    if digits.starts_with('-') {
                        BadValue::Negative
                    } else {
                        BadValue::TooLarge(i.as_str().to_owned())
                    }
                })
            }
            DeValue::Boolean(b) => Ok(ParamValue::Bool(*b)),
            DeValue::String(s) => Ok(ParamValue::Str(s.to_string())),
            DeValue::Array(items) => items
                .iter()
                .map(|v| match v.get_ref() {
                    DeValue::String(s) => Some(s.to_string()),
                    _ => None,
                })
                .collect::<Option<Vec<_>>>()
                .map(ParamValue::List)
                .ok_or(BadValue::Type),
            _ => Err(BadValue::Type),
        }
    }
}
