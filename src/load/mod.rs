//! Reading org files: one file, several, or a folder, in YAML, TOML or JSON,
//! merged into one [`Model`].
//!
//! ```
//! use opmodel::load::{load_str, Format};
//! let loaded = load_str("teams:\n  - id: playback\n", Format::Yaml, "org.yaml");
//! assert_eq!(loaded.model.teams[0].id, "playback");
//! assert!(loaded.diagnostics.is_empty());
//! ```
//!
//! Backstage software catalogs are read too, as they are: a YAML file whose
//! first document has an `apiVersion` of `backstage.io` and a `kind` is a
//! catalog file (see [`Format::Backstage`] and `spec/backstage.md`). Its
//! Groups become teams, its Domains, Systems, Components, APIs and
//! Resources products, and the relative targets of its `Location`s are read
//! as well (each file once; URLs are never fetched, and targets outside the
//! inputs' folders are read only with [`LoadOptions::follow_links_outside`]).
//!
//! ```
//! use opmodel::load::{load_str, Format};
//! let catalog = "\
//! apiVersion: backstage.io/v1alpha1
//! kind: Component
//! metadata:
//!   name: Artist-Lookup
//! spec:
//!   type: service
//!   owner: group:default/team-a
//! ";
//! let loaded = load_str(catalog, Format::Yaml, "catalog-info.yaml");
//! let product = &loaded.model.products[0];
//! assert_eq!(product.id, "artist-lookup");
//! assert_eq!(product.owner[0].id, "team-a");
//! assert_eq!(product.location.map(|l| l.line), Some(4));
//! ```
//!
//! A file that cannot be read or parsed becomes an `invalid-file`
//! diagnostic and the other files are still read; an entity with a bad
//! field becomes an `invalid-entity` diagnostic and is kept with what could
//! be read. Only when nothing at all can be read does loading fail with a
//! [`LoadError`].

mod backstage;
mod discover;
mod json;
mod json_fast;
mod lines;
mod locations;
mod lower;
mod node;
mod options;
#[cfg(feature = "toml")]
mod toml;
#[cfg(feature = "yaml")]
mod yaml;

pub use backstage::CatalogNames;
pub(crate) use discover::sort_by_path;
pub use discover::{SkippedLink, Walk, model_files, model_files_with};
pub(crate) use lower::explained_follow_ons;
pub use options::{LoadOptions, MAX_DEPTH_LIMIT};
#[cfg(feature = "toml")]
pub(crate) use toml::{TOML_MAX_DEPTH, deepest_nesting};

use std::path::{Path, PathBuf};

use strum::{Display, EnumString, IntoStaticStr};

use crate::diagnostic::Diagnostic;
use crate::error::LoadError;
use crate::model::{EntityKind, EntityRef, InputRead, Model};
use crate::source::Location;
use node::{ParseError, ParseLimits, Pos};

/// The check name of problems with a whole file (cannot be read, is not
/// UTF-8, does not parse, has an unknown section or version).
pub const INVALID_FILE: &str = "invalid-file";
/// The check name of malformed entities.
pub const INVALID_ENTITY: &str = "invalid-entity";

/// The formats org files can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Display, EnumString, IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// `.yaml` or `.yml`.
    Yaml,
    /// `.toml`.
    Toml,
    /// `.json`.
    Json,
    /// A Backstage catalog descriptor file (`catalog-info.yaml`): YAML,
    /// one or more documents. [`load_paths`] and [`Format::Yaml`] detect it
    /// by content (the first document's `apiVersion` is `backstage.io/…`
    /// and it has a `kind`); this format reads the text as one whatever its
    /// first document.
    Backstage,
}

impl Format {
    /// The format a path's extension names, if any.
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "yaml" | "yml" => Some(Self::Yaml),
            "toml" => Some(Self::Toml),
            "json" => Some(Self::Json),
            _ => None,
        }
    }
}

/// A model read from files, with every problem found while reading it.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    /// The merged model (with its [`Sources`](crate::source::Sources)).
    pub model: Model,
    /// `invalid-file` and `invalid-entity` findings, without severities yet.
    pub diagnostics: Vec<Diagnostic>,
    /// Links in the folders given that lead outside them and were not
    /// followed (see [`LoadOptions::follow_links_outside`]), in path order.
    pub skipped_links: Vec<SkippedLink>,
    /// Files that were read and parsed without a problem but hold no entity
    /// (an empty file, or sections with empty lists), in the order read.
    /// Nothing in them fails a check, so they are easy to miss: the
    /// command-line tool prints a note naming each one.
    pub empty_files: Vec<PathBuf>,
    /// What the entities read from Backstage catalogs are called there
    /// (empty when none was read): [`Linter::check`](crate::Linter::check)
    /// words their findings with it ("component `shop`").
    pub catalog_names: CatalogNames,
}

/// Takes the files of [`LoadOptions::pass_over`] out of `found`, a folder's
/// files. Only a file with the name of one of them is looked up on disk: a
/// folder of a hundred thousand files costs no more system calls.
fn pass_over(found: &mut Vec<PathBuf>, pass_over: &[PathBuf]) {
    if pass_over.is_empty() {
        return;
    }
    // A file not written yet (`--write-baseline`) is known by its folder's
    // real path and its name.
    let real = |p: &Path| {
        p.canonicalize().ok().or_else(|| {
            let name = p.file_name()?;
            let parent = match p.parent() {
                Some(dir) if !dir.as_os_str().is_empty() => dir,
                _ => Path::new("."),
            };
            Some(parent.canonicalize().ok()?.join(name))
        })
    };
    let skipped: Vec<PathBuf> = pass_over.iter().filter_map(|p| real(p)).collect();
    found.retain(|file| {
        let named = skipped.iter().any(|s| s.file_name() == file.file_name());
        !named || real(file).is_none_or(|r| !skipped.contains(&r))
    });
}

/// Reads every path (files, or folders searched for `.yaml`, `.yml`, `.toml`
/// and `.json` files, sorted by path) and merges them into one model.
///
/// Backstage catalog files among them are detected by content and lowered
/// together once every file is read; the files their `Location`s name are
/// read too. Beside a catalog, a YAML file that is neither a catalog nor an
/// org file (an OpenAPI spec) is left out and listed in
/// [`Loaded::empty_files`].
///
/// # Errors
///
/// [`LoadError`] when a path does not exist or when no org file at all
/// could be read; every other problem is a diagnostic in [`Loaded`].
pub fn load_paths<P: AsRef<Path>>(paths: &[P], options: &LoadOptions) -> Result<Loaded, LoadError> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut loaded = Loaded::default();
    // A missing path or an empty folder stops the run only when it is all
    // there is: beside other inputs it is reported and the rest is checked.
    let mut input_errors: Vec<LoadError> = Vec::new();
    let metas: Vec<std::io::Result<std::fs::Metadata>> = paths
        .iter()
        .map(|p| std::fs::metadata(p.as_ref()))
        .collect();
    // A link in one folder given may lead into another folder given.
    let roots: Vec<PathBuf> = paths
        .iter()
        .zip(&metas)
        .filter(|(_, m)| m.as_ref().is_ok_and(std::fs::Metadata::is_dir))
        .filter_map(|(p, _)| p.as_ref().canonicalize().ok())
        .collect();
    let mut walk = Walk {
        roots: &roots,
        follow_links_outside: options.follow_links_outside,
        skipped: Vec::new(),
    };
    // The files given as such: Location targets may lead below their folders.
    let mut given_files: Vec<PathBuf> = Vec::new();
    // The files a folder walk reached through a link to a file.
    let mut linked: Vec<PathBuf> = Vec::new();
    for (path, meta) in paths.iter().zip(metas) {
        let path = path.as_ref();
        let meta = match meta {
            Ok(m) => m,
            Err(source) => {
                input_errors.push(LoadError::input(path, source));
                continue;
            }
        };
        if meta.is_dir() {
            let found = discover::walk_files(
                path,
                &mut walk,
                &mut loaded.diagnostics,
                &mut loaded.model.sources,
                &mut linked,
            );
            let found = found.map(|mut found| {
                pass_over(&mut found, &options.pass_over);
                found
            });
            match found {
                Ok(found) if found.is_empty() => input_errors.push(LoadError::no_model_files(path)),
                Ok(found) => files.extend(found),
                Err(e) => input_errors.push(e),
            }
        } else {
            files.push(path.to_path_buf());
            given_files.push(path.to_path_buf());
        }
    }
    loaded.skipped_links = walk.skipped;
    if paths.len() > 1 {
        loaded.skipped_links.sort_by(|a, b| a.path.cmp(&b.path));
    }
    if files.is_empty() && !input_errors.is_empty() {
        return Err(input_errors.swap_remove(0));
    }
    for e in input_errors {
        let path = match &e {
            LoadError::Input { path, .. } | LoadError::NoModelFiles { path } => path.clone(),
            LoadError::NothingReadable { .. } | LoadError::Config(_) => continue,
        };
        let file = loaded.model.sources.add(&path, "");
        let display = loaded.model.sources.display(file).to_owned();
        let message = match e {
            LoadError::Input { source, .. } => format!("cannot be read: {source}"),
            _ => "is a folder that holds no org files (.yaml, .yml, .toml or .json)".to_owned(),
        };
        loaded
            .diagnostics
            .push(file_diagnostic(&display, file, Pos::UNKNOWN, message));
    }
    // Sorted over all inputs, so the order of the arguments never changes the result.
    if paths.len() > 1 {
        discover::sort_paths(&mut files);
        // A file named twice (`org/a.yaml ./org/a.yaml`, inside a folder
        // that is also given, or reached through a link to a folder that
        // is given too) is read once, under the first of its names.
        // A name that is no link wins over one that is, whatever the order.
        let here = std::env::current_dir().unwrap_or_default();
        let is_link =
            |f: &Path| std::fs::symlink_metadata(f).is_ok_and(|m| m.file_type().is_symlink());
        let mut chosen: std::collections::HashMap<PathBuf, usize> =
            std::collections::HashMap::with_capacity(files.len());
        for (i, f) in files.iter().enumerate() {
            let key = f
                .canonicalize()
                .unwrap_or_else(|_| lexically_absolute(f, &here));
            match chosen.entry(key) {
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(i);
                }
                std::collections::hash_map::Entry::Occupied(mut slot) => {
                    if files.get(*slot.get()).is_some_and(|first| is_link(first)) && !is_link(f) {
                        slot.insert(i);
                    }
                }
            }
        }
        let keep: std::collections::HashSet<usize> = chosen.into_values().collect();
        let mut index = 0;
        files.retain(|_| {
            index += 1;
            keep.contains(&(index - 1))
        });
    }
    // A file reached through a link and by its own path is read once too:
    // read twice, each of its entities would be a `duplicate-id`.
    if paths.len() > 1 {
        linked.extend(given_files.iter().cloned());
    }
    discover::read_once(&mut files, &linked);
    // Which files are read is decided in path order (the total-size limit
    // counts them in that order); reading and parsing them is independent
    // work, spread over the cores; merging is in path order again.
    let threads = crate::parallel::threads(8);
    // Files a folder walk found, unlike those given, pass over a baseline.
    let given: std::collections::HashSet<&PathBuf> = given_files.iter().collect();
    let found = crate::parallel::map(&files, threads, None, |path| inspect(path, options));
    let mut total: u64 = 0;
    let plans: Vec<(&PathBuf, Plan)> = files
        .iter()
        .zip(found)
        .map(|(path, found)| (path, plan(found, options, &mut total)))
        .collect();
    // Workers get the stack the YAML parser needs, so that it runs on them
    // rather than on a thread of its own for every file.
    let stack = Some(options.parse_limits().parser_stack());
    // Each file's piece joins the model as soon as the files before it have,
    // while the other threads go on reading: the pieces are never all in
    // memory beside the model they make.
    let mut gathered = Gathered::default();
    let planned = plans.iter().map(|(_, plan)| plan.size()).sum();
    let mut sizes = plans.iter().map(|(_, plan)| plan.size());
    let mut read = InputRead { done: 0, planned };
    let merged = &mut loaded;
    crate::parallel::for_each_in_order(
        &plans,
        threads,
        stack,
        |(path, plan)| load_file(path, plan, options, !given.contains(path)),
        |piece| {
            // Pieces come in the order of the plans, one each.
            read.done = read.done.saturating_add(sizes.next().unwrap_or(0));
            merge_piece(merged, &mut gathered, piece, read);
        },
    );
    // Backstage `Location`s name more files: read those not read yet, then
    // lower every catalog entity together.
    // On one thread with the parser's stack, as the files above were read:
    // a catalog's Locations may name thousands of files.
    if !gathered.catalog.targets.is_empty() {
        let stack = options.parse_limits().parser_stack();
        crate::parallel::on_stack(stack, || {
            locations::follow(
                &mut loaded,
                &mut gathered,
                &files,
                &roots,
                &given_files,
                options,
                &mut total,
            );
        });
    }
    let read_any = gathered.read_any;
    gathered.finish(&mut loaded);
    lower::settle_covers_slips(&loaded.model, &mut loaded.diagnostics);
    loaded.model.shrink_lists();
    drop_other_files_note(&mut loaded);
    if !read_any {
        return Err(LoadError::nothing_readable(loaded.diagnostics));
    }
    Ok(loaded)
}

/// Reads one model from a string, as if it were a file at `path` (used for
/// diagnostics only: nothing is read from disk).
pub fn load_str(text: &str, format: Format, path: impl Into<PathBuf>) -> Loaded {
    load_str_with(text, format, path, &LoadOptions::default())
}

/// [`load_str`] with explicit limits.
pub fn load_str_with(
    text: &str,
    format: Format,
    path: impl Into<PathBuf>,
    options: &LoadOptions,
) -> Loaded {
    let (mut loaded, extra) = load_shared(
        Text::Shared(std::sync::Arc::from(text)),
        format,
        path.into(),
        options,
        false,
    );
    lower_alone(&mut loaded, extra);
    drop_other_files_note(&mut loaded);
    loaded
}

/// Lowers the catalog of a text read on its own (a string, standard input)
/// into `loaded`, and settles what waits for the whole model. Its Location
/// targets are not followed: nothing is read from disk.
fn lower_alone(loaded: &mut Loaded, extra: Extra) {
    lower::settle_covers_slips(&loaded.model, &mut loaded.diagnostics);
    let Extra::Catalog(catalog) = extra else {
        return;
    };
    if let Some(display) = loaded
        .model
        .sources
        .iter()
        .next()
        .map(|(_, f)| f.display().to_owned())
    {
        locations::url_notes(&catalog, &display, &mut loaded.diagnostics);
    }
    backstage::lower(
        catalog.entities,
        &mut loaded.model,
        &mut loaded.diagnostics,
        &mut loaded.catalog_names,
    );
}

/// A file's text as read: already shared, or owned and shared only if the
/// model keeps it (sharing a `String` as `Arc<str>` copies it).
enum Text {
    Shared(std::sync::Arc<str>),
    Owned(String),
}

impl Text {
    fn as_str(&self) -> &str {
        match self {
            Self::Shared(t) => t,
            Self::Owned(t) => t,
        }
    }

    fn into_shared(self) -> std::sync::Arc<str> {
        match self {
            Self::Shared(t) => t,
            Self::Owned(t) => t.into(),
        }
    }
}

/// `path` made absolute against `here` (the current folder) and with its
/// `.` and `..` steps taken by their names: two spellings of one path give
/// the same key. Links are not followed (that would cost a system call per
/// file of a big folder): a file reached through a link and by its own
/// path is taken out afterwards, by `discover::read_once`.
fn lexically_absolute(path: &Path, here: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in here.join(path).components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Reads one file's text, which the model's sources then keep without
/// another copy (a copy of a 200 MB file is 200 MB more at the peak).
/// `walked`: the file was found by a folder walk, which passes over an
/// opmodel baseline; a file given as an input is read whatever it is.
fn load_shared(
    text: Text,
    format: Format,
    path: PathBuf,
    options: &LoadOptions,
    walked: bool,
) -> (Loaded, Extra) {
    // YAML counts a lone CR (old Mac line ends) as a line break, and so
    // does saphyr's line count; the rest of opmodel splits lines at LF. Make
    // them agree, or positions would point past the end of the file.
    let yaml = matches!(format, Format::Yaml | Format::Backstage);
    let text = if yaml && has_lone_cr(text.as_str()) {
        Text::Owned(text.as_str().replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        text
    };
    let mut loaded = Loaded::default();
    let (text, kept) = if options.keep_text {
        let shared = text.into_shared();
        (Text::Shared(std::sync::Arc::clone(&shared)), shared)
    } else {
        (text, std::sync::Arc::from(""))
    };
    let file = loaded.model.sources.add(path, kept);
    let display = loaded.model.sources.display(file).to_owned();
    let size = text.as_str().len() as u64;
    if size > options.max_file_size {
        let d = file_diagnostic(
            &display,
            file,
            Pos::UNKNOWN,
            options::too_big(size, options.max_file_size),
        );
        loaded.diagnostics.push(d);
        return (loaded, Extra::None);
    }
    if yaml && let Some(read) = backstage_documents(text.as_str(), format, options) {
        match read {
            Ok(docs) => {
                let catalog =
                    backstage::read(&docs, file, &display, options, &mut loaded.diagnostics);
                // A file of skeletons only, like a file of Templates only,
                // is left out without a word (it is a catalog file).
                return (loaded, Extra::Catalog(catalog));
            }
            // A scaffolder skeleton with `{% if %}` blocks, or `{{ }}` where
            // YAML allows no brace, is no YAML until the template runs: it
            // is left out without a word, as a skeleton that parses is. A
            // file whose error has no placeholder near it is not one.
            Err(e) if e.message.starts_with(LATE_DESCRIPTOR) => {
                let d = file_diagnostic(&display, file, e.pos, e.message).with_help(
                    "put the Backstage descriptors first, or move the other document (an OpenAPI spec, say) into a file of its own",
                );
                loaded.diagnostics.push(d);
                loaded.model.sources.mark_unread(file, text.as_str());
                return (loaded, Extra::None);
            }
            Err(e) if is_template_text(text.as_str(), e.pos) => {
                return (loaded, Extra::Catalog(backstage::Catalog::default()));
            }
            Err(e) => {
                loaded.diagnostics.push(parse_diagnostic(&display, file, e));
                loaded.model.sources.mark_unread(file, text.as_str());
                return (loaded, Extra::None);
            }
        }
    }
    if walked && format == Format::Json && is_baseline(text.as_str()) {
        return (loaded, Extra::Baseline);
    }
    if format == Format::Json
        && let Some((piece, problems)) = json_fast::read(text.as_str(), file, &display, options)
    {
        loaded.diagnostics = problems;
        take_entities(&mut loaded.model, piece);
        unread_if_sections_left_out(&mut loaded, file, text.as_str());
        return (loaded, Extra::None);
    }
    #[cfg(feature = "toml")]
    if format == Format::Toml
        && let Some((model, problems)) =
            toml::lower_in_pieces(text.as_str(), file, &display, options)
    {
        loaded.diagnostics = problems;
        take_entities(&mut loaded.model, model);
        unread_if_sections_left_out(&mut loaded, file, text.as_str());
        return (loaded, Extra::None);
    }
    let mut extra = Extra::None;
    match parse(text.as_str(), format, &options.parse_limits()) {
        Ok(root) => {
            if lower::is_foreign(&root) {
                extra = Extra::Foreign;
            }
            lower::lower(
                root,
                file,
                &display,
                options,
                &mut loaded.model,
                &mut loaded.diagnostics,
            );
            // (A file of another tool, an OpenAPI spec beside a catalog,
            // is no org file left unread.)
            if !matches!(extra, Extra::Foreign) {
                unread_if_sections_left_out(&mut loaded, file, text.as_str());
            }
        }
        Err(e) => {
            // Several documents, the first of them plainly not an org file
            // (Kubernetes manifests): foreign too.
            #[cfg(feature = "yaml")]
            if format == Format::Yaml
                && e.message.starts_with("a file holds one YAML document")
                && yaml::parse_documents(text.as_str(), &options.parse_limits())
                    .is_ok_and(|docs| docs.first().is_some_and(lower::is_foreign))
            {
                extra = Extra::Foreign;
            }
            let commented = format == Format::Json && comment_at(text.as_str(), e.pos);
            let mut d = parse_diagnostic(&display, file, e);
            if commented {
                d.help = Some(
                    "JSON has no comments: take the comment out, or keep it in a `\"description\"` field (YAML and TOML files may have `#` comments)"
                        .into(),
                );
            }
            loaded.diagnostics.push(d);
            if !matches!(extra, Extra::Foreign) {
                loaded.model.sources.mark_unread(file, text.as_str());
            }
        }
    }
    (loaded, extra)
}

/// Whether `text`, which does not parse as YAML at `error`, is a template
/// to be filled in rather than a broken file: a line of its own holds a
/// block (`{%- if values.x %}`), or the line at fault (or the one before
/// it, which YAML may blame on the next) holds a placeholder.
fn is_template_text(text: &str, error: Pos) -> bool {
    let at = usize::try_from(error.line).unwrap_or(0);
    text.lines().enumerate().any(|(i, line)| {
        let block = line.trim_start().starts_with("{%");
        let near = at > 0 && (i + 1 == at || i + 2 == at);
        (block || near) && backstage::has_placeholder(line)
    })
}

/// Marks `file` as not read in full when a section of it was left out
/// (`team:` for `teams:`): what the section says is missing from the
/// model, as for a file that does not parse.
fn unread_if_sections_left_out(loaded: &mut Loaded, file: crate::source::FileId, text: &str) {
    let left_out = loaded.diagnostics.iter().any(|d| {
        d.check == INVALID_FILE
            && (d.message.starts_with(lower::UNKNOWN_SECTION)
                || d.message.starts_with(lower::UNSUPPORTED_VERSION))
    });
    if left_out {
        loaded.model.sources.mark_unread(file, text);
    }
}

/// Whether `text` is an opmodel baseline (`--write-baseline`): an object
/// of `version` and `findings` only. No org file has a `findings` section,
/// so only a file that names one is parsed a second time.
fn is_baseline(text: &str) -> bool {
    if memchr::memmem::find(text.as_bytes(), b"\"findings\"").is_none() {
        return false;
    }
    let Ok(keys) =
        serde_json::from_str::<std::collections::BTreeMap<String, serde::de::IgnoredAny>>(text)
    else {
        return false;
    };
    keys.contains_key("findings") && keys.keys().all(|k| k == "version" || k == "findings")
}

/// An `invalid-entity` finding when `piece` names the organisation other
/// than the files merged so far do: the first name is kept, and a second
/// one dropped without a word would leave the report titled by whichever
/// file comes first. Its locations are `piece`'s own (shift them).
fn other_organization_name(merged: &Model, piece: &Model) -> Option<Diagnostic> {
    let (Some(first), Some(again)) = (&merged.organization.name, &piece.organization.name) else {
        return None;
    };
    if first.trim() == again.trim() {
        return None;
    }
    let mut message = format!(
        "the organization is named `{}` here and `{}` elsewhere",
        lower::escape(again),
        lower::escape(first)
    );
    // The first name's place is in the merged sources, which a label of
    // this piece cannot point into: it is named in the message, as a
    // duplicate id's first definition is (which baselines leave out).
    if let Some(l) = merged.organization.location {
        let file = merged.sources.display(l.file);
        message.push_str(&format!(", first at {file}:{}", l.line));
    }
    let d = Diagnostic::new(
        INVALID_ENTITY,
        EntityRef::new(EntityKind::Organization, crate::model::ORGANIZATION),
        message,
    )
    .with_help("name the organization in one file (the first name is kept)")
    .at(piece.organization.location);
    Some(d)
}

/// What a file held besides org entities.
enum Extra {
    None,
    /// An opmodel baseline kept beside the org files: passed over, as the
    /// README promises, whether or not the run was given `--baseline`.
    Baseline,
    /// A Backstage file's descriptors, lowered with every other file's
    /// once all are read.
    Catalog(backstage::Catalog),
    /// Neither an org file nor a catalog (see `lower::is_foreign`): its
    /// findings stand only when no catalog is read in the same run.
    Foreign,
}

/// How the finding about descriptors after a first document that is none
/// begins.
const LATE_DESCRIPTOR: &str = "the first document is not a Backstage descriptor";

/// The documents of a Backstage file: `None` when `text` is not one (it is
/// then read as an org file), `Some(Err)` when it is one that does not parse.
fn backstage_documents(
    text: &str,
    format: Format,
    options: &LoadOptions,
) -> Option<Result<Vec<node::Node>, ParseError>> {
    // Most org files never mention Backstage: they are not parsed twice.
    if format == Format::Yaml && memchr::memmem::find(text.as_bytes(), b"backstage.io/").is_none() {
        return None;
    }
    if let Some(offset) = text.find('\0') {
        if format == Format::Yaml {
            return None;
        }
        let pos = lines::LineIndex::new(text).pos(offset);
        return Some(Err(ParseError::new(
            "holds a NUL byte: this looks like a binary file, not a catalog file",
            pos,
        )));
    }
    #[cfg(feature = "yaml")]
    {
        match yaml::parse_documents(text, &options.parse_limits()) {
            Ok(docs) if format == Format::Backstage => Some(Ok(docs)),
            Ok(docs) if docs.first().is_some_and(backstage::is_descriptor) => Some(Ok(docs)),
            // The contract reads a file as a catalog by its first document
            // only; descriptors after another document are said to be left
            // out, beside a catalog or not, rather than passed over unseen.
            Ok(docs) => docs.iter().find(|d| backstage::is_descriptor(d)).map(|d| {
                Err(ParseError::new(
                    format!(
                        "{LATE_DESCRIPTOR}, so the file is not read as a catalog: the descriptor at line {} and any after it are left out",
                        d.pos.line
                    ),
                    d.pos,
                ))
            }),
            // A file that mentions `apiVersion` and Backstage and does not
            // parse is most likely a descriptor: say what the YAML parser
            // says about the whole stream, not that it holds two documents.
            Err(e) if text.contains("apiVersion") => Some(Err(e)),
            Err(_) => None,
        }
    }
    #[cfg(not(feature = "yaml"))]
    {
        let _ = options;
        Some(Err(ParseError::new(
            "Backstage catalogs are YAML, and YAML support is not built into this opmodel (enable the `yaml` feature)",
            Pos::UNKNOWN,
        )))
    }
}

/// Adds one file's piece to the model read so far.
fn merge_piece(merged: &mut Loaded, gathered: &mut Gathered, piece: Piece, read: InputRead) {
    gathered.read_any |= piece.read;
    if matches!(piece.extra, Extra::Baseline) {
        return;
    }
    // A catalog file holding only kinds opmodel leaves out (a Template) is
    // not worth a note.
    let holds_descriptors = matches!(piece.extra, Extra::Catalog(_));
    if piece.read
        && piece.loaded.diagnostics.is_empty()
        && piece.loaded.model.is_empty()
        && !holds_descriptors
    {
        merged.empty_files.push(piece.path.clone());
    }
    let offset = u32::try_from(merged.model.sources.len()).unwrap_or(u32::MAX);
    let mut model = piece.loaded.model;
    // The `organization` of a foreign file (a Backstage app-config has one)
    // waits until the run shows whether the file is left out.
    let mut organization = crate::model::Organization::default();
    if matches!(piece.extra, Extra::Foreign) {
        organization = std::mem::take(&mut model.organization);
        if let Some(at) = &mut organization.location {
            at.file = at.file.shifted(offset);
        }
    } else if let Some(d) = other_organization_name(&merged.model, &model) {
        merged.diagnostics.push(d.shift_files(offset));
    }
    merged.model.merge_sized(model, read);
    let found = piece
        .loaded
        .diagnostics
        .into_iter()
        .map(|d| d.shift_files(offset));
    match piece.extra {
        Extra::None | Extra::Baseline => merged.diagnostics.extend(found),
        Extra::Catalog(mut c) => {
            merged.diagnostics.extend(found);
            c.shift_files(offset);
            gathered.catalog.append(c);
            gathered.catalogs_read = true;
        }
        Extra::Foreign => gathered
            .foreign
            .push((piece.path, found.collect(), organization)),
    }
}

/// What reading the files gathered besides the model.
#[derive(Default)]
struct Gathered {
    /// Every Backstage file's descriptors and Location targets.
    catalog: backstage::Catalog,
    /// Whether any file could be read.
    read_any: bool,
    /// Whether any Backstage file was read.
    catalogs_read: bool,
    /// Files that are neither org files nor catalogs, with their findings
    /// and the `organization` they name.
    foreign: Vec<(PathBuf, Vec<Diagnostic>, crate::model::Organization)>,
}

impl Gathered {
    /// Lowers the catalogs into `loaded` and settles the foreign files: beside
    /// a catalog they are left out with a note (an OpenAPI spec next to the
    /// descriptors); otherwise their findings stand, as for any org file.
    fn finish(self, loaded: &mut Loaded) {
        backstage::lower(
            self.catalog.entities,
            &mut loaded.model,
            &mut loaded.diagnostics,
            &mut loaded.catalog_names,
        );
        for (path, found, organization) in self.foreign {
            if self.catalogs_read {
                // Said to hold nothing, so it names nothing either: the
                // `organization.name` of a Backstage app-config is not the
                // model's.
                loaded.empty_files.push(path);
            } else {
                loaded.diagnostics.extend(found);
                let own = &mut loaded.model.organization;
                if own.name.is_none() {
                    own.name = organization.name;
                }
                if own.location.is_none() {
                    own.location = organization.location;
                }
            }
        }
    }
}

/// Whether `text` has a CR not followed by an LF.
fn has_lone_cr(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .any(|(i, &b)| b == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
}

struct Piece {
    loaded: Loaded,
    extra: Extra,
    read: bool,
    /// The file the piece was read from.
    path: PathBuf,
}

/// What a look at a file's name and metadata found.
enum Found {
    /// A regular file of this format and size.
    File(Format, u64),
    /// A file that will not be read, and why.
    Refused(String),
}

fn inspect(path: &Path, options: &LoadOptions) -> Found {
    let Some(format) = Format::from_path(path) else {
        return Found::Refused(
            "is not an org file: the extension must be .yaml, .yml, .toml or .json".to_owned(),
        );
    };
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => Found::Refused("is a folder where a file was expected".to_owned()),
        // A FIFO or a device (`/dev/zero` behind a symlink) would block the
        // read forever or never end: only regular files are read.
        Ok(m) if !m.is_file() => {
            Found::Refused("is not a regular file (a pipe, socket or device)".to_owned())
        }
        Ok(m) if m.len() > options.max_file_size => {
            Found::Refused(options::too_big(m.len(), options.max_file_size))
        }
        Ok(m) => Found::File(format, m.len()),
        Err(e) => Found::Refused(format!("cannot be read: {e}")),
    }
}

/// The bytes of `path`, whose size was `size` when inspected, or (inner
/// `Err`) how many bytes it has past `limit` when it grew beyond it since.
/// Unlike `std::fs::read`, no second `stat` (the size is known) and no
/// unbounded read (a file that keeps growing is cut off at the limit).
fn read_at_most(path: &Path, size: u64, limit: u64) -> std::io::Result<Result<Vec<u8>, u64>> {
    use std::io::Read as _;
    let mut file = std::fs::File::open(path)?;
    let expected = usize::try_from(size.min(limit)).unwrap_or(0);
    let mut bytes = Vec::new();
    // A small file is asked for its size and one byte more in one call: an
    // answer of exactly its size is its end, which spares a second call that
    // would only find the end (a folder of 100,000 files is 100,000 calls
    // fewer). Any other answer (a file that grew or shrank since, a short
    // read) goes on the general way.
    if expected < SMALL_FILE {
        bytes.resize(expected + 1, 0);
        let read = loop {
            match file.read(&mut bytes) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                other => break other?,
            }
        };
        bytes.truncate(read);
        if read == expected {
            return Ok(Ok(bytes));
        }
    } else {
        bytes.reserve_exact(expected);
    }
    let already = bytes.len() as u64;
    file.take(limit.saturating_add(1).saturating_sub(already))
        .read_to_end(&mut bytes)?;
    let read = bytes.len() as u64;
    Ok(if read > limit { Err(read) } else { Ok(bytes) })
}

/// Files smaller than this are read with one call when their size has not
/// changed; larger ones the general way (the spare call is nothing next to
/// reading them, and their buffer is not zeroed first).
const SMALL_FILE: usize = 1 << 16;

/// Whether a file is read: the per-file findings, then the running total.
enum Plan {
    /// Read it: its format and the size it had when inspected.
    Read(Format, u64),
    Skip(String),
}

impl Plan {
    /// The bytes it will read.
    fn size(&self) -> u64 {
        match self {
            Self::Read(_, size) => *size,
            Self::Skip(_) => 0,
        }
    }
}

fn plan(found: Found, options: &LoadOptions, total: &mut u64) -> Plan {
    let (format, size) = match found {
        Found::File(format, size) => (format, size),
        Found::Refused(message) => return Plan::Skip(message),
    };
    *total = total.saturating_add(size);
    if *total > options.max_total_size {
        return Plan::Skip(format!(
            "reading it would take the input past {} bytes in all; raise the limit with `LoadOptions::max_total_size` (or `--max-total-size`)",
            options.max_total_size
        ));
    }
    Plan::Read(format, size)
}

fn load_file(path: &Path, plan: &Plan, options: &LoadOptions, walked: bool) -> Piece {
    let (format, size) = match plan {
        Plan::Read(format, size) => (*format, *size),
        Plan::Skip(message) => return unread_piece(path, message.clone()),
    };
    if format == Format::Json
        && !options.keep_text
        && (json_fast::STREAM_FROM..=options.max_file_size).contains(&size)
        && let Some(piece) = load_streamed(path, options)
    {
        return piece;
    }
    let bytes = match read_at_most(path, size, options.max_file_size) {
        Ok(Ok(b)) => b,
        Ok(Err(read)) => return unread_piece(path, options::too_big(read, options.max_file_size)),
        Err(e) => return unread_piece(path, format!("cannot be read: {e}")),
    };
    load_bytes(path, format, bytes, options, walked)
}

/// A big JSON file read in pieces, so that it is never in memory whole
/// beside the model it makes (when the text is not kept for the report);
/// `None` when it is off the fast path, and is to be read whole.
fn load_streamed(path: &Path, options: &LoadOptions) -> Option<Piece> {
    let mut reader = std::fs::File::open(path).ok()?;
    let mut loaded = Loaded::default();
    let file = loaded.model.sources.add(path, "");
    let display = loaded.model.sources.display(file).to_owned();
    let (model, problems) = json_fast::read_streamed(&mut reader, file, &display, options)?;
    loaded.diagnostics = problems;
    take_entities(&mut loaded.model, model);
    Some(Piece {
        loaded,
        extra: Extra::None,
        read: true,
        path: path.to_path_buf(),
    })
}

/// The piece of a file that could not be used, with the `invalid-file`
/// finding that says why.
fn unread_piece(path: &Path, message: String) -> Piece {
    let mut loaded = Loaded::default();
    let file = loaded.model.sources.add(path, "");
    let display = loaded.model.sources.display(file).to_owned();
    loaded
        .diagnostics
        .push(file_diagnostic(&display, file, Pos::UNKNOWN, message));
    Piece {
        loaded,
        extra: Extra::None,
        read: false,
        path: path.to_path_buf(),
    }
}

/// The piece of a file whose bytes have been read: not UTF-8 is an
/// `invalid-file` finding, a byte order mark is dropped.
/// `walked`: the file was found by a folder walk (see [`load_shared`]).
fn load_bytes(
    path: &Path,
    format: Format,
    bytes: Vec<u8>,
    options: &LoadOptions,
    walked: bool,
) -> Piece {
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let good = std::str::from_utf8(good).unwrap_or_default();
            let pos = lines::LineIndex::new(good).pos(good.len());
            let mut piece = unread_piece(path, String::new());
            if let Some(d) = piece.loaded.diagnostics.last_mut() {
                d.message = "is not UTF-8 text".to_owned();
                d.help = Some("save the file as UTF-8".into());
                d.location = d
                    .location
                    .map(|l| Location::point(l.file, pos.line, pos.column));
            }
            piece.read = true;
            return piece;
        }
    };
    let mut text = text;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    let text = Text::Owned(text);
    let (loaded, extra) = load_shared(text, format, path.to_path_buf(), options, walked);
    Piece {
        loaded,
        extra,
        read: true,
        path: path.to_path_buf(),
    }
}

/// Reads one org file from `reader` (standard input, a network stream),
/// as if it were a file at `path` in `format`; `path` only names it in
/// diagnostics (the command-line tool uses `<stdin>`). The same limits
/// and problems as for a file on disk apply: more than
/// [`LoadOptions::max_file_size`] bytes, text that is not UTF-8 or does not
/// parse are `invalid-file` findings in the result, never a panic.
///
/// # Errors
///
/// The reader's own I/O error.
pub fn load_reader<R: std::io::Read>(
    reader: R,
    format: Format,
    path: impl Into<PathBuf>,
    options: &LoadOptions,
) -> std::io::Result<Loaded> {
    use std::io::Read as _;
    let path = path.into();
    let mut bytes = Vec::new();
    reader
        .take(options.max_file_size.saturating_add(1))
        .read_to_end(&mut bytes)?;
    let piece = if bytes.len() as u64 > options.max_file_size {
        unread_piece(
            &path,
            format!(
                "is larger than the limit of {} bytes; raise it with `LoadOptions::max_file_size` (or `--max-file-size`)",
                options.max_file_size
            ),
        )
    } else {
        load_bytes(&path, format, bytes, options, false)
    };
    let mut loaded = piece.loaded;
    let holds_descriptors = matches!(piece.extra, Extra::Catalog(_));
    lower_alone(&mut loaded, piece.extra);
    if piece.read && loaded.diagnostics.is_empty() && loaded.model.is_empty() && !holds_descriptors
    {
        loaded.empty_files.push(path);
    }
    drop_other_files_note(&mut loaded);
    Ok(loaded)
}

/// Reads org files already in memory, each a path (for its format and for
/// diagnostics: nothing is read from disk) and its bytes, as
/// [`load_paths`] reads files from disk: in path order, each file's
/// problems a finding, the files merged into one model. A path whose
/// extension is not an org file's is an `invalid-file` finding; so is a
/// file past [`LoadOptions::max_file_size`], or one that would take the
/// input past [`LoadOptions::max_total_size`].
///
/// This is how `opmodel diff --git` reads a revision (see
/// [`crate::diff::git`]).
///
/// ```
/// use opmodel::load::{LoadOptions, load_files};
/// let files = vec![
///     ("org/b.yaml".into(), b"products:\n  - { id: shop, owner: web }\n".to_vec()),
///     ("org/a.yaml".into(), b"teams:\n  - id: web\n".to_vec()),
/// ];
/// let loaded = load_files(files, &LoadOptions::default());
/// assert_eq!(loaded.model.teams[0].id, "web");
/// assert_eq!(loaded.model.sources.len(), 2);
/// assert!(loaded.diagnostics.is_empty());
/// ```
pub fn load_files(mut files: Vec<(PathBuf, Vec<u8>)>, options: &LoadOptions) -> Loaded {
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files.dedup_by(|a, b| a.0 == b.0);
    let mut loaded = Loaded::default();
    let mut gathered = Gathered::default();
    let mut total: u64 = 0;
    for (path, bytes) in files {
        let size = bytes.len() as u64;
        let piece = match Format::from_path(&path) {
            None => unread_piece(
                &path,
                "is not an org file: the extension must be .yaml, .yml, .toml or .json".to_owned(),
            ),
            Some(_) if size > options.max_file_size => {
                unread_piece(&path, options::too_big(size, options.max_file_size))
            }
            Some(format) => match plan(Found::File(format, size), options, &mut total) {
                // A revision's files are its folder's, as a walk finds them.
                Plan::Read(..) => load_bytes(&path, format, bytes, options, true),
                Plan::Skip(message) => unread_piece(&path, message),
            },
        };
        // Merged as `load_paths` merges a folder's files, so that a
        // revision reads as a check of it would (catalogs, foreign files,
        // the organization's name), and `diff --git` compares like with
        // like.
        merge_piece(&mut loaded, &mut gathered, piece, InputRead::UNKNOWN);
    }
    gathered.finish(&mut loaded);
    lower::settle_covers_slips(&loaded.model, &mut loaded.diagnostics);
    loaded.model.shrink_lists();
    drop_other_files_note(&mut loaded);
    loaded
}

fn parse(text: &str, format: Format, limits: &ParseLimits) -> Result<node::Node, ParseError> {
    if let Some(offset) = text.find('\0') {
        let pos = lines::LineIndex::new(text).pos(offset);
        return Err(ParseError::new(
            "holds a NUL byte: this looks like a binary file, not an org file",
            pos,
        ));
    }
    match format {
        #[cfg(feature = "yaml")]
        Format::Yaml => yaml::parse(text, limits),
        #[cfg(feature = "toml")]
        Format::Toml => toml::parse(text, limits),
        Format::Json => json::parse(text, limits),
        #[allow(unreachable_patterns)]
        other => Err(ParseError::new(
            format!(
                "{other} support is not built into this opmodel (enable the `{other}` feature)"
            ),
            Pos::UNKNOWN,
        )),
    }
}

/// How the help of a file that could not be used ends: only true when
/// there were other files, so it is taken off when there were not (see
/// [`drop_other_files_note`]).
pub(crate) const OTHER_FILES: &str = "; the other files were still checked";

/// Takes "the other files were still checked" off the helps of `loaded`
/// when it was read from one file or none: there were no other files.
fn drop_other_files_note(loaded: &mut Loaded) {
    if loaded.model.sources.len() > 1 {
        return;
    }
    for d in &mut loaded.diagnostics {
        if let Some(help) = &d.help
            && let Some(short) = help.strip_suffix(OTHER_FILES)
        {
            d.help = Some(short.to_owned().into());
        }
    }
}

fn file_diagnostic(
    display: &str,
    file: crate::source::FileId,
    pos: Pos,
    message: String,
) -> Diagnostic {
    let help = format!("fix the file, or remove it from the inputs{OTHER_FILES}");
    Diagnostic::new(
        INVALID_FILE,
        EntityRef::new(EntityKind::File, display),
        message,
    )
    .with_help(help)
    .at(Some(Location::point(file, pos.line, pos.column)))
}

fn parse_diagnostic(display: &str, file: crate::source::FileId, e: ParseError) -> Diagnostic {
    // The parsers word a breached limit the same way in every format; say
    // here, once, how to raise it (the file may be genuine).
    let help = if e.message.starts_with("nesting deeper than")
        && !e.message.contains("parser allows")
    {
        Some(
            "nest less deeply, or raise the limit with `LoadOptions::max_depth` (or `--max-depth`)",
        )
    } else if e.message.contains("whatever the alias limit") {
        Some("use fewer aliases: the file expands past what the parser holds")
    } else if e.message.starts_with("aliases expand to more than") {
        Some(
            "use fewer aliases, or raise the limit with `LoadOptions::max_alias_expansion` (or `--max-alias-expansion`)",
        )
    } else {
        None
    };
    let d = file_diagnostic(
        display,
        file,
        e.pos,
        format!("cannot be parsed: {}", e.message),
    );
    match (help, syntax_hint(&e.message)) {
        (Some(h), _) => d.with_help(h),
        (None, Some(hint)) => d.with_help(format!("{hint}{OTHER_FILES}")),
        (None, None) => d,
    }
}

/// Whether a `//` or `/*` comment starts at `pos` of `text` (1-based line,
/// column in characters): JSON has none, and its parser only says what it
/// expected there.
fn comment_at(text: &str, pos: Pos) -> bool {
    let Some(line) = text.lines().nth((pos.line as usize).saturating_sub(1)) else {
        return false;
    };
    let rest: String = line
        .chars()
        .skip((pos.column as usize).saturating_sub(1))
        .take(2)
        .collect();
    rest == "//" || rest == "/*"
}

/// What a parser's message usually means in an org file, for the mistakes
/// people make by hand: the parsers say what they met, not what to change.
fn syntax_hint(message: &str) -> Option<&'static str> {
    const HINTS: &[(&str, &str)] = &[
        // YAML
        (
            "mapping values are not allowed",
            "a line is indented further than the key above it, or a plain value holds `: ` (quote it: `name: \"Search: web\"`); line up the keys of one entity",
        ),
        (
            "did not find expected '-' indicator",
            "this line is indented less than the items of its list, or a `- ` is missing; line it up with the keys of its entity",
        ),
        (
            "did not find expected key",
            "this line is indented differently from the keys above it; line up the keys of one entity",
        ),
        (
            "could not find expected ':'",
            "a key needs `: ` after it, and a value spread over lines needs quotes",
        ),
        (
            "unclosed quote",
            "close the quote, or leave it out: a plain value needs none",
        ),
        // JSON
        (
            "key must be a string",
            "a comma after the last field of an object (JSON allows none), or a key without double quotes",
        ),
        (
            "trailing comma",
            "remove the comma after the last item: JSON allows none",
        ),
        (
            "expected value",
            "a comma after the last item of a list (JSON allows none), or a text value without double quotes",
        ),
        (
            "expected `,` or",
            "a comma is missing between two items, or a bracket or brace is not closed",
        ),
        (
            "EOF while parsing",
            "the file ends before every `{` and `[` is closed",
        ),
    ];
    HINTS
        .iter()
        .find(|(said, _)| message.contains(said))
        .map(|&(_, hint)| hint)
}

/// Moves the entities a reader made into `into`, keeping `into`'s sources (the
/// file the entities came from is already there).
fn take_entities(into: &mut crate::model::Model, from: crate::model::Model) {
    into.organization = from.organization;
    into.teams = from.teams;
    into.products = from.products;
    into.outcomes = from.outcomes;
    into.objectives = from.objectives;
    into.decisions = from.decisions;
    into.people = from.people;
    into.lifecycle = from.lifecycle;
    into.cadences = from.cadences;
}

/// A document as the JSON data model an editor's schema validation sees
/// (for the schema's tests): `None` when it does not parse.
#[cfg(test)]
pub(crate) fn as_json_value(text: &str, format: Format) -> Option<serde_json::Value> {
    fn convert(node: node::Node) -> serde_json::Value {
        use serde_json::Value as J;
        match node.value {
            node::Value::Null => J::Null,
            node::Value::Bool(b) => J::Bool(b),
            node::Value::Int(i) => J::from(i),
            node::Value::Float(f) => {
                serde_json::Number::from_f64(f).map_or(J::String(f.to_string()), J::Number)
            }
            node::Value::BigInt(s) => s
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map_or(J::String(s), J::Number),
            // Editors see a TOML date as a string (taplo, Even Better TOML).
            node::Value::Str(s) | node::Value::Date(s) => J::String(s),
            node::Value::Seq(items) => J::Array(items.into_iter().map(convert).collect()),
            node::Value::Map(entries) => J::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k.name, convert(v)))
                    .collect(),
            ),
        }
    }
    let node = parse(text, format, &ParseLimits::default()).ok()?;
    Some(convert(node))
}

#[cfg(test)]
mod tests {
    use super::read_at_most;

    #[test]
    fn a_file_that_grew_past_the_limit_since_it_was_inspected_is_cut_off() {
        let dir = std::env::temp_dir().join(format!("opmodel-read-at-most-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch folder");
        let path = dir.join("org.json");
        std::fs::write(&path, "0123456789").expect("written");
        // Inspected at 4 bytes (it has grown to 10 since): all of it is read
        // while within the limit.
        let read = read_at_most(&path, 4, 10).expect("readable");
        assert_eq!(read, Ok(b"0123456789".to_vec()));
        // Past the limit: no more than one byte beyond it is read.
        assert_eq!(read_at_most(&path, 4, 6).expect("readable"), Err(7));
        // Unchanged since, or shrunk since: read whole, in either case.
        assert_eq!(
            read_at_most(&path, 10, 10).expect("readable"),
            Ok(b"0123456789".to_vec())
        );
        assert_eq!(
            read_at_most(&path, 12, 20).expect("readable"),
            Ok(b"0123456789".to_vec())
        );
        // A large file takes the general way, with the same answers.
        let large = "x".repeat(super::SMALL_FILE + 10);
        std::fs::write(&path, &large).expect("written");
        let size = large.len() as u64;
        assert_eq!(
            read_at_most(&path, size, size).expect("readable"),
            Ok(large.clone().into_bytes())
        );
        assert_eq!(
            read_at_most(&path, 4, size - 1).expect("readable"),
            Err(size)
        );
        // A file that grew past a small inspected size but within the limit.
        assert_eq!(
            read_at_most(&path, 4, size).expect("readable"),
            Ok(large.into_bytes())
        );
        assert!(read_at_most(&dir.join("missing.json"), 0, 10).is_err());
        std::fs::remove_dir_all(&dir).expect("cleaned up");
    }
}
