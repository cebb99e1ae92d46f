//! Writing a model back to an org file, in any of the three formats.
//!
//! A model read from files, changed in code and written back reads again
//! to the same model: every field is written under its file name, a key
//! result's made-up id (`q3#2`) is left out so that it is made up again,
//! and only what files cannot hold is lost (where each entity was written,
//! which a new file changes anyway).
//!
//! ```
//! use opmodel::load::{load_str, Format};
//! use opmodel::model::{Model, Product, Team};
//! let model = Model::builder()
//!     .team(Team::new("playback").owns("web-player"))
//!     .product(Product::new("web-player").name("Web Player"))
//!     .build();
//! let yaml = opmodel::write::to_string(&model, Format::Yaml).unwrap();
//! let again = load_str(&yaml, Format::Yaml, "org.yaml");
//! assert!(again.diagnostics.is_empty());
//! assert!(opmodel::write::same_content(&model, &again.model));
//! ```

use std::path::Path;

use crate::load::Format;
use crate::model::Model;

/// Why a model could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WriteError {
    /// The format's writer refused the model (a number that is not finite,
    /// which no format can hold, say).
    #[error("cannot write the model as {format}: {message}")]
    Format {
        /// The format.
        format: &'static str,
        /// What its writer said.
        message: String,
    },
    /// The format's support is not compiled in (the `yaml` or `toml`
    /// feature is off).
    #[error("cannot write {0}: opmodel was built without the `{0}` feature")]
    Unsupported(&'static str),
    /// The path's extension is not `.yaml`, `.yml`, `.toml` or `.json`.
    #[error("cannot tell the format of `{}`: name the file .yaml, .yml, .toml or .json", .0.display())]
    UnknownFormat(std::path::PathBuf),
    /// The file could not be written.
    #[error("cannot write `{}`: {source}", path.display())]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

/// The model as the text of one org file in `format`.
///
/// # Errors
///
/// [`WriteError::Format`] when the model holds what the format cannot (a
/// number that is not finite; [`Model::validate`] reports those), and
/// [`WriteError::Unsupported`] for a format whose feature is off.
pub fn to_string(model: &Model, format: Format) -> Result<String, WriteError> {
    if let Some(bad) = not_finite(model) {
        return Err(WriteError::Format {
            format: <&'static str>::from(format),
            message: format!("{bad} is not a finite number"),
        });
    }
    match format {
        Format::Json => serde_json::to_string_pretty(model)
            .map(|mut s| {
                s.push('\n');
                s
            })
            .map_err(|e| failed(format, e)),
        #[cfg(feature = "yaml")]
        Format::Yaml => serde_saphyr::to_string(model).map_err(|e| failed(format, e)),
        #[cfg(feature = "toml")]
        Format::Toml => toml::to_string(model).map_err(|e| failed(format, e)),
        #[allow(unreachable_patterns)]
        other => Err(WriteError::Unsupported(<&'static str>::from(other))),
    }
}

/// Writes the model to `path`, in the format its extension names.
///
/// # Errors
///
/// As [`to_string`], [`WriteError::UnknownFormat`] for another extension,
/// and [`WriteError::Io`] when the file cannot be written.
pub fn to_file(model: &Model, path: impl AsRef<Path>) -> Result<(), WriteError> {
    let path = path.as_ref();
    let format =
        Format::from_path(path).ok_or_else(|| WriteError::UnknownFormat(path.to_path_buf()))?;
    let text = to_string(model, format)?;
    std::fs::write(path, text).map_err(|source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Whether two models hold the same entities with the same fields,
/// whatever files they came from (locations are not compared): what a
/// round trip through [`to_string`] and the loader keeps.
pub fn same_content(a: &Model, b: &Model) -> bool {
    match (serde_json::to_value(a), serde_json::to_value(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn failed(format: Format, e: impl std::fmt::Display) -> WriteError {
    WriteError::Format {
        format: <&'static str>::from(format),
        message: e.to_string(),
    }
}

/// The first number no format can hold, named.
fn not_finite(model: &Model) -> Option<String> {
    let bad = |v: Option<f64>| v.is_some_and(|v| !v.is_finite());
    for o in &model.outcomes {
        if bad(o.baseline) || bad(o.target) {
            return Some(format!("the baseline or target of outcome `{}`", o.id));
        }
    }
    for o in &model.objectives {
        for kr in &o.key_results {
            if bad(kr.measure.baseline) || bad(kr.measure.target) {
                return Some(format!("the baseline or target of key result `{}`", kr.id));
            }
        }
    }
    for p in &model.people {
        if p.allocations.iter().any(|a| !a.share.is_finite()) {
            return Some(format!("a share of person `{}`", p.id));
        }
    }
    None
}

/// A model read through serde from anything that holds an org document
/// (a `serde_json::Value`, a YAML or TOML value, a field of your own
/// config), by the same rules as the loader: the document is read as an
/// org file, and the first problem the loader would report is the error.
///
/// ```
/// use opmodel::Model;
/// let model: Model = serde_json::from_str(r#"{"teams": [{"id": "playback", "owns": ["web-player"]}], "products": [{"id": "web-player"}]}"#).unwrap();
/// assert_eq!(model.teams[0].owns[0].id, "web-player");
/// let bad = serde_json::from_str::<Model>(r#"{"teams": [{"id": "Bad Team!"}]}"#);
/// assert!(bad.unwrap_err().to_string().contains("is not a valid id"));
/// ```
impl<'de> serde::Deserialize<'de> for Model {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let value = serde_json::Value::deserialize(deserializer)?;
        let text = serde_json::to_string(&value).map_err(D::Error::custom)?;
        let loaded = crate::load::load_str(&text, Format::Json, "<serde>");
        if let Some(first) = loaded.diagnostics.first() {
            return Err(D::Error::custom(format!(
                "{}{}",
                first.message,
                first
                    .help
                    .as_deref()
                    .map(|h| format!(" ({h})"))
                    .unwrap_or_default()
            )));
        }
        let mut model = loaded.model;
        // Read from a value, not a file: no location points into it.
        model.sources = crate::source::Sources::default();
        model.clear_locations();
        Ok(model)
    }
}
