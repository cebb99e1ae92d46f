//! Following Backstage `Location` entities: their relative targets are read
//! like inputs, each file once, wherever their `..`s lead; URL targets are
//! never fetched, and absolute targets outside the inputs' folders (and
//! links that lead out of them) are passed over unless
//! [`LoadOptions::follow_links_outside`] says otherwise.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::Gathered;
use super::backstage::{Catalog, Target};
use super::{LoadOptions, Loaded, Plan, file_diagnostic, inspect, load_file, merge_piece, plan};
use crate::check::unfollowed_location::UnfollowedLocation;
use crate::diagnostic::{Diagnostic, MAX_LISTED, Severity};
use crate::model::InputRead;
use crate::model::{EntityKind, EntityRef};

/// Most files one glob target may name (a `**` at the root of a big tree).
const MAX_GLOB_MATCHES: usize = 10_000;

/// How many steps below its start a glob's search goes (a `**` takes one
/// per folder, and one more to match no folder): deep enough for any
/// catalog laid out by hand, and a stop for a folder tree that nests
/// without end.
const MAX_GLOB_DEPTH: usize = 64;

/// Where Location targets may lead without being asked to go further: below
/// the real paths of the folders given and of the folders of the files
/// given. The spec reads relative targets, relative to the Location's file,
/// and they are read wherever that is; an absolute target (`/etc/passwd`)
/// is read only in here, and a glob's search goes through no link and no
/// `..` after a wildcard that leads out of here and out of the folder it
/// starts in: a catalog would otherwise make opmodel read, and quote in its
/// output, files nobody gave it, as links out of a folder would (see
/// [`LoadOptions::follow_links_outside`]).
struct Bounds {
    roots: HashSet<PathBuf>,
    anywhere: bool,
}

impl Bounds {
    fn new(folders: &[PathBuf], files: &[PathBuf], anywhere: bool) -> Self {
        let mut roots: HashSet<PathBuf> = folders.iter().cloned().collect();
        if !anywhere {
            // Each folder resolved once, however many files given share it.
            let parents: HashSet<&Path> = files
                .iter()
                .map(|f| match f.parent() {
                    Some(dir) if !dir.as_os_str().is_empty() => dir,
                    _ => Path::new("."),
                })
                .collect();
            roots.extend(parents.into_iter().filter_map(|p| p.canonicalize().ok()));
        }
        Self { roots, anywhere }
    }

    /// Whether a target whose real path is `real` may be read: a lookup per
    /// folder above it, not a comparison per root.
    fn hold(&self, real: &Path) -> bool {
        self.anywhere || real.ancestors().any(|a| self.roots.contains(a))
    }
}

/// Reads the files the Locations in `catalog` name (and those their
/// Locations name, and so on), adding them to `loaded` and `catalog`.
/// `folders` are the real paths of the folders given, `given_files` the
/// files given: targets are read below those folders and the folders of
/// those files only, unless [`LoadOptions::follow_links_outside`] is set.
pub(super) fn follow(
    loaded: &mut Loaded,
    gathered: &mut Gathered,
    inputs: &[PathBuf],
    folders: &[PathBuf],
    given_files: &[PathBuf],
    options: &LoadOptions,
    total: &mut u64,
) {
    if gathered.catalog.targets.is_empty() {
        return;
    }
    let bounds = Bounds::new(folders, given_files, options.follow_links_outside);
    // Every file read so far, inputs first, and the file whose Location led
    // to each (by number: a chain thousands of Locations deep is walked for
    // each of its targets, and comparing paths made that quadratic in time
    // that showed).
    let mut files = Files::default();
    for input in inputs {
        files.add(canonical(input));
    }
    let mut next = 0;
    // URL targets, noted once at the end.
    let mut urls: Vec<(Target, String)> = Vec::new();
    // The folder entries the glob targets may still look at, all of them
    // together: a per-target budget alone let fifty `/**/*.x` targets in a
    // 1 KB file walk ten million entries.
    let mut visits_left = options.max_glob_visits;
    // Glob targets met once the budget was spent, reported together.
    let mut unsearched: Vec<(Target, String)> = Vec::new();
    while let Some(target) = gathered.catalog.targets.get(next).cloned() {
        next += 1;
        let Some(from) = loaded.model.sources.get(target.location.file) else {
            continue;
        };
        let from_path = from.path().to_path_buf();
        let from_display = from.display().to_owned();
        let text = target.text.as_str();
        if is_url(text) {
            urls.push((target.clone(), from_display));
            continue;
        }
        let relative = text.strip_prefix("file:").unwrap_or(text);
        let base = from_path.parent().unwrap_or(Path::new(""));
        // `./teams.yaml` next to `catalog-info.yaml` is shown as `teams.yaml`.
        let joined: PathBuf = base
            .join(relative)
            .components()
            .filter(|c| !matches!(c, std::path::Component::CurDir))
            .collect();
        let is_glob = relative.contains(['*', '?']);
        let absolute = Path::new(relative).is_absolute();
        // Where a glob's search starts, when it is relative: its search may
        // go anywhere below it.
        let mut glob_start: Option<PathBuf> = None;
        let paths = if is_glob {
            let (start, rest) = split_glob(&joined);
            let start_real = folder_or_here(&start).canonicalize().ok();
            // An absolute search that starts outside is not made at all:
            // filtering its matches would still walk (and spend the budget
            // on) a tree nobody gave.
            if absolute
                && let Some(real) = &start_real
                && !bounds.hold(real)
            {
                loaded
                    .diagnostics
                    .push(outside(&target, &from_display, "would search", real, 1));
                continue;
            }
            if !absolute {
                glob_start = start_real;
            }
            if visits_left == 0 {
                unsearched.push((target.clone(), from_display));
                continue;
            }
            let search = glob(
                &start,
                &rest,
                &mut visits_left,
                &Within {
                    bounds: &bounds,
                    start: glob_start.as_deref(),
                },
            );
            if let Some(real) = &search.left_bounds {
                loaded
                    .diagnostics
                    .push(outside(&target, &from_display, "would search", real, 1));
            }
            match search.stopped {
                Some(Stop::Visits) => {
                    let read = match search.found.len() {
                        0 => "it had found no file by then".to_owned(),
                        1 => "the file it had found by then is read".to_owned(),
                        n => format!("the {n} files it had found by then are read"),
                    };
                    loaded.diagnostics.push(
                        missing(
                            &target,
                            &from_display,
                            &format!(
                                "was searched only in part: the glob targets of a run may look at {} folder entries in all; {read}",
                                options.max_glob_visits
                            ),
                        )
                        .with_help(GLOB_HELP),
                    );
                }
                Some(Stop::Matches) => loaded.diagnostics.push(
                    missing(
                        &target,
                        &from_display,
                        &format!(
                            "matches more than {MAX_GLOB_MATCHES} files: only {MAX_GLOB_MATCHES} of them are read"
                        ),
                    )
                    .with_help(GLOB_HELP),
                ),
                Some(Stop::Depth) => loaded.diagnostics.push(
                    missing(
                        &target,
                        &from_display,
                        &format!(
                            "was searched only {MAX_GLOB_DEPTH} steps deep (a `**` takes a step per folder): files in folders nested deeper are not read"
                        ),
                    )
                    .with_help(DEPTH_HELP),
                ),
                // A search that found nothing only because it did not go
                // outside says that instead.
                None if search.found.is_empty() && search.left_bounds.is_none() => {
                    loaded
                        .diagnostics
                        .push(missing_or_optional(&target, &from_display, "matches no file"));
                }
                None => {}
            }
            search.found
        } else {
            vec![joined]
        };
        // The real folder of the Location's file, which its relative
        // targets are spelled out from.
        let base_real = base.canonicalize().ok();
        // Files this target leads to outside the bounds: one finding for
        // the target, however many its glob matched.
        let mut left_out: Vec<PathBuf> = Vec::new();
        for path in paths {
            let Ok(real) = path.canonicalize() else {
                loaded.diagnostics.push(missing_or_optional(
                    &target,
                    &from_display,
                    "names no file",
                ));
                continue;
            };
            // A relative target is read wherever its `..`s lead, as the
            // spec says, but not where a link inside it leads out of the
            // bounds (the folder walk does not follow such a link either);
            // an absolute one only inside the bounds; a glob's matches
            // inside the bounds or below where it started.
            let inside = match (absolute, is_glob) {
                (false, false) => {
                    bounds.hold(&real)
                        || base_real
                            .as_deref()
                            .is_some_and(|b| spelled_out(b, Path::new(relative)) == real)
                }
                (false, true) => Within {
                    bounds: &bounds,
                    start: glob_start.as_deref(),
                }
                .hold(&real),
                (true, _) => bounds.hold(&real),
            };
            if !inside {
                left_out.push(real);
                continue;
            }
            // Backstage reads files only; "not a YAML file" would leave
            // the user guessing what is wrong with `./teams`.
            if real.is_dir() {
                let glob = format!("{}/*.yaml", text.trim_end_matches('/'));
                loaded.diagnostics.push(
                    missing(&target, &from_display, "is a folder: a target names files").with_help(
                        format!(
                            "name the files in it, or write a glob such as `{}`",
                            crate::check::quote_text(&glob)
                        ),
                    ),
                );
                continue;
            }
            let path = tidied(path, &real);
            // A file already read (an input, named twice, or the file
            // that led here: a root Location's `./*.yaml` matches itself)
            // is read once, with no finding, as the spec says.
            if !files.add(real) {
                continue;
            }
            let plan = plan(inspect(&path, options), options, total);
            if let Plan::Skip(message) = &plan
                && message.starts_with("is not an org file")
            {
                // A target that is not YAML (`catalog-info.json` is, but a
                // README is not) says so where it is named.
                loaded.diagnostics.push(missing(
                    &target,
                    &from_display,
                    "is not a YAML, TOML or JSON file",
                ));
                continue;
            }
            let piece = load_file(&path, &plan, options, false);
            merge_piece(loaded, gathered, piece, InputRead::UNKNOWN);
        }
        if let Some(first) = left_out.first() {
            let verb = if is_glob { "matches" } else { "leads to" };
            loaded
                .diagnostics
                .push(outside(&target, &from_display, verb, first, left_out.len()));
        }
    }
    loaded.diagnostics.extend(url_note(&urls));
    loaded
        .diagnostics
        .extend(unsearched_note(&unsearched, options.max_glob_visits));
}

/// What to do about a glob target that was cut short.
const GLOB_HELP: &str = "start the glob in the folder that holds the files (fewer `**`, no `../`), or name the files; `--max-glob-visits` (`LoadOptions::max_glob_visits`) raises the limit";

const DEPTH_HELP: &str = "start the glob in a folder nearer the files, or name the files";

/// `unfollowed-location` about a target passed over because it leads
/// outside the inputs' folders: `count` files, of which `first` is one (or
/// the folder a glob would search).
fn outside(target: &Target, from: &str, verb: &str, first: &Path, count: usize) -> Diagnostic {
    let what = if count == 1 {
        format!("`{}`", crate::check::quote_text(&first.to_string_lossy()))
    } else {
        format!(
            "{count} files (`{}` first)",
            crate::check::quote_text(&first.to_string_lossy())
        )
    };
    Diagnostic::new(
        UnfollowedLocation::NAME,
        EntityRef::new(EntityKind::File, from),
        format!(
            "Location target `{}` {verb} {what}, outside the inputs' folders: opmodel does not read there",
            crate::check::quote_text(&target.text)
        ),
    )
    .with_help("give that folder to opmodel too, or pass `--follow-links-outside` (`LoadOptions::follow_links_outside`) to read targets wherever they lead")
    .at(Some(target.location))
}

/// The one `invalid-file` finding naming the glob targets not searched
/// because the ones before them spent the run's budget (none when there is
/// none), placed at the first; the others are its labels.
fn unsearched_note(unsearched: &[(Target, String)], budget: usize) -> Option<Diagnostic> {
    let (first, from) = unsearched.first()?;
    let what = match unsearched.len() - 1 {
        0 => "was not searched".to_owned(),
        1 => "and 1 more glob target were not searched".to_owned(),
        n => format!("and {n} more glob targets were not searched"),
    };
    let mut d = missing(
        first,
        from,
        &format!(
            "{what}: the glob targets of a run may look at {budget} folder entries in all, and those before spent them"
        ),
    )
    .with_help(GLOB_HELP);
    for (t, _) in unsearched.iter().skip(1) {
        d = d.with_label(Some(t.location), "not searched either");
    }
    Some(d)
}

/// The notes about the targets of a catalog read from a string or from
/// standard input: its URL targets, as for any catalog, and its relative
/// ones, which are not followed either since nothing is read from disk
/// (passed over unseen, a root Location of a repo read from standard
/// input was "ok" with no entity).
pub(super) fn url_notes(catalog: &Catalog, display: &str, diagnostics: &mut Vec<Diagnostic>) {
    let (urls, relative): (Vec<Named>, Vec<Named>) = catalog
        .targets
        .iter()
        .map(|t| (t.clone(), display.to_owned()))
        .partition(|(t, _)| is_url(&t.text));
    diagnostics.extend(url_note(&urls));
    diagnostics.extend(targets_note(
        &relative,
        &Wording {
            one: "is not followed: the catalog was not read from a file, so there is no folder to find it in",
            many: "are not followed: the catalog was not read from a file, so there is no folder to find them in",
            help: "give opmodel the catalog's path instead, so that its targets are read relative to it",
            label: "a target not followed",
        },
    ));
}

/// The one note naming the URL targets (none when there is none): opmodel
/// does not fetch them.
fn url_note(urls: &[(Target, String)]) -> Option<Diagnostic> {
    targets_note(
        urls,
        &Wording {
            one: "is a URL: opmodel does not fetch it",
            many: "are URLs: opmodel does not fetch them",
            help: "check out what they name and give those files to opmodel too",
            label: "a URL target",
        },
    )
}

/// A target and the file its Location is in, as shown.
type Named = (Target, String);

/// How a note about targets that are not followed words them.
struct Wording {
    /// After "Location target `x`".
    one: &'static str,
    /// After "N Location targets".
    many: &'static str,
    help: &'static str,
    /// The label on each target after the first.
    label: &'static str,
}

/// One note naming `targets` (none when there is none). It is placed at
/// the first; the others are its labels. A target named twice is named
/// once, and past [`MAX_LISTED`] they are only counted: a Location of
/// 150,000 URLs gives a note of a few lines, not of megabytes.
fn targets_note(targets: &[(Target, String)], wording: &Wording) -> Option<Diagnostic> {
    let (first, from) = targets.first()?;
    // A set, not a search of the names so far: that was quadratic (19 s
    // for 150,000 URLs).
    let mut seen: HashSet<&str> = HashSet::with_capacity(targets.len());
    let mut names: Vec<&str> = Vec::new();
    for (t, _) in targets {
        if seen.insert(&t.text) && names.len() < MAX_LISTED {
            names.push(&t.text);
        }
    }
    let distinct = seen.len();
    let message = if distinct == 1 {
        format!(
            "Location target `{}` {}",
            crate::check::quote_text(&first.text),
            wording.one
        )
    } else {
        let quoted: Vec<String> = names
            .iter()
            .map(|n| format!("`{}`", crate::check::quote_text(n)))
            .collect();
        let more = match distinct - names.len() {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        format!(
            "{distinct} Location targets {}: {}{more}",
            wording.many,
            quoted.join(", ")
        )
    };
    let mut d = Diagnostic::new(
        UnfollowedLocation::NAME,
        EntityRef::new(EntityKind::File, from.as_str()),
        message,
    )
    .with_help(wording.help)
    .at(Some(first.location));
    for (t, _) in targets.iter().skip(1) {
        d = d.with_label(Some(t.location), wording.label);
    }
    d.severity = Severity::Note;
    Some(d)
}

/// What a target that leads to no file gives: `invalid-file`, or a note
/// when its Location says `presence: optional` (Backstage reads such a
/// Location without the file, and so does opmodel).
fn missing_or_optional(target: &Target, from: &str, what: &str) -> Diagnostic {
    if !target.optional {
        return missing(target, from, what);
    }
    let mut d = Diagnostic::new(
        UnfollowedLocation::NAME,
        EntityRef::new(EntityKind::File, from),
        format!(
            "Location target `{}` {what}; its Location's `presence: optional` allows that",
            crate::check::quote_text(&target.text)
        ),
    )
    .with_help("nothing to do if the file is made later; otherwise correct the target")
    .at(Some(target.location));
    d.severity = Severity::Note;
    d
}

/// `invalid-file` about a target, placed at the target.
fn missing(target: &Target, from: &str, what: &str) -> Diagnostic {
    let d = file_diagnostic(
        from,
        target.location.file,
        super::node::Pos::new(target.location.line, target.location.column),
        format!(
            "Location target `{}` {what}",
            crate::check::quote_text(&target.text)
        ),
    );
    // The whole target, not its first character: formats with one
    // location (JSON, SARIF, CI annotations) underline what is wrong.
    let d = match d.location {
        Some(at) if at.file == target.location.file && at.line == target.location.line => {
            d.at(Some(target.location))
        }
        _ => d,
    };
    d.with_help("correct the target (it is relative to the file the Location is in), or remove it")
}

/// The files read so far while following Locations (the inputs
/// included), by real path: each is read once.
#[derive(Default)]
struct Files {
    read: HashSet<PathBuf>,
}

impl Files {
    /// Records `path` as read; `false` when it already was.
    fn add(&mut self, path: PathBuf) -> bool {
        self.read.insert(path)
    }
}

/// `relative` followed from the real folder `base` by its words alone:
/// each `..` goes up one folder, whatever links the path holds. Where the
/// target's real path differs, a link inside it led elsewhere.
fn spelled_out(base: &Path, relative: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = base.to_path_buf();
    for component in relative.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(name) => out.push(name),
            Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
        }
    }
    out
}

/// `path` without the `..`s a target spelled (`catalog/../shared/x.yaml`
/// is `shared/x.yaml`), so that findings, CI annotations and SARIF name the
/// file as a user would; kept as it is when a link makes the shorter path
/// another file (`real` is where `path` leads).
fn tidied(path: PathBuf, real: &Path) -> PathBuf {
    use std::path::Component;
    if !path.components().any(|c| c == Component::ParentDir) {
        return path;
    }
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    if out.as_os_str().is_empty() || out.canonicalize().ok().as_deref() != Some(real) {
        return path;
    }
    out
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// `https://…`, `http://…` and every other `scheme://`.
fn is_url(text: &str) -> bool {
    text.split_once("://").is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// Why a glob search stopped before the end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stop {
    /// The run's budget of folder entries ran out.
    Visits,
    /// More files matched than a target may name ([`MAX_GLOB_MATCHES`]).
    Matches,
    /// Folders nested deeper than a search goes ([`MAX_GLOB_DEPTH`]).
    Depth,
}

/// A pattern's leading components without `*` or `?` (the folder the search
/// starts in) and the components from the first with one.
fn split_glob(pattern: &Path) -> (PathBuf, Vec<String>) {
    let mut start = PathBuf::new();
    let mut rest: Vec<String> = Vec::new();
    for part in pattern.components() {
        let text = part.as_os_str().to_string_lossy().into_owned();
        if rest.is_empty() && !text.contains(['*', '?']) {
            start.push(part);
        } else {
            rest.push(text);
        }
    }
    (start, rest)
}

/// One glob target's search: the files found so far, the budget it draws
/// on (shared by every glob target of the run), and why it stopped early.
struct Search<'a> {
    found: Vec<PathBuf>,
    visits_left: &'a mut usize,
    stopped: Option<Stop>,
    within: &'a Within<'a>,
    /// The first folder outside the bounds a `..` after a `*`, or a link,
    /// led to (`./*/../../..`): not searched.
    left_bounds: Option<PathBuf>,
    /// Most files found before the search stops.
    max_matches: usize,
}

/// What a search found, sorted, why it stopped early if it did, and the
/// first folder outside the bounds it did not go into.
struct Found {
    found: Vec<PathBuf>,
    stopped: Option<Stop>,
    left_bounds: Option<PathBuf>,
}

/// The files below `start` that the components `rest` (with `*`, `?` or
/// `**`) match, sorted, looking at no more than `visits_left` folder
/// entries and taking what it looks at from it, and going into no folder
/// outside `bounds`.
fn glob(start: &Path, rest: &[String], visits_left: &mut usize, within: &Within<'_>) -> Found {
    glob_with(start, rest, visits_left, within, MAX_GLOB_MATCHES)
}

/// Where a glob's search may go: inside the [`Bounds`], or below the real
/// path of the folder a relative glob starts in.
struct Within<'a> {
    bounds: &'a Bounds,
    start: Option<&'a Path>,
}

impl Within<'_> {
    fn hold(&self, real: &Path) -> bool {
        self.bounds.hold(real) || self.start.is_some_and(|s| real.starts_with(s))
    }
}

/// `folder`, or the current folder for the empty path a pattern with no
/// folder part starts in (`*/team.yaml` beside a catalog given by its bare
/// name).
fn folder_or_here(folder: &Path) -> &Path {
    if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    }
}

/// [`glob`], finding at most `max_matches` files (a parameter so that the
/// tests need not make ten thousand files).
fn glob_with(
    start: &Path,
    rest: &[String],
    visits_left: &mut usize,
    within: &Within<'_>,
    max_matches: usize,
) -> Found {
    let mut search = Search {
        found: Vec::new(),
        visits_left,
        stopped: None,
        within,
        left_bounds: None,
        max_matches,
    };
    search.walk(start, rest, 0);
    let Search {
        mut found,
        stopped,
        left_bounds,
        ..
    } = search;
    found.sort();
    found.dedup();
    Found {
        found,
        stopped,
        left_bounds,
    }
}

impl Search<'_> {
    fn walk(&mut self, dir: &Path, parts: &[String], depth: usize) {
        if self.stopped.is_some() {
            return;
        }
        if depth > MAX_GLOB_DEPTH {
            // What lies below was not looked at: the search is incomplete.
            self.stopped = Some(Stop::Depth);
            return;
        }
        if *self.visits_left == 0 {
            // More was left to look at: the search is incomplete.
            self.stopped = Some(Stop::Visits);
            return;
        }
        *self.visits_left -= 1;
        let Some((first, rest)) = parts.split_first() else {
            if dir.is_file() {
                if self.found.len() < self.max_matches {
                    self.found.push(dir.to_path_buf());
                } else {
                    // One match past the limit: there are more than it.
                    self.stopped = Some(Stop::Matches);
                }
            }
            return;
        };
        if first == "**" {
            // Zero folders, or one more and `**` again.
            self.walk(dir, rest, depth + 1);
            for entry in self.entries(dir) {
                if entry.is_dir() && !hidden(&entry) && !is_link(&entry) {
                    self.walk(&entry, parts, depth + 1);
                }
            }
            return;
        }
        if !first.contains(['*', '?']) {
            let next = dir.join(first);
            // The start is checked before the search; from a folder inside
            // the bounds, only a `..` or a link can lead out of them (`**`
            // passes over links, `*` checks them below, a named folder
            // here).
            if (first == ".." || is_link(&next))
                && let Ok(real) = next.canonicalize()
                && !self.within.hold(&real)
            {
                self.left_bounds.get_or_insert(real);
                return;
            }
            self.walk(&next, rest, depth + 1);
            return;
        }
        for entry in self.entries(dir) {
            let name = entry
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if hidden(&entry) || !matches(first.as_bytes(), name.as_bytes()) {
                continue;
            }
            // A link to a folder elsewhere is not gone into (a link to a
            // file is checked with the other matches).
            if !rest.is_empty()
                && is_link(&entry)
                && let Ok(real) = entry.canonicalize()
                && !self.within.hold(&real)
            {
                self.left_bounds.get_or_insert(real);
                continue;
            }
            self.walk(&entry, rest, depth + 1);
        }
    }

    /// The entries of `dir`, sorted, each taken from the budget; a folder
    /// bigger than what is left gives none (what is left is spent), and
    /// the search is marked as stopped.
    fn entries(&mut self, dir: &Path) -> Vec<PathBuf> {
        let left = *self.visits_left;
        // Paths are made from `dir` as written, so that a search in the
        // empty path (the current folder) finds `svc/team.yaml`, not
        // `./svc/team.yaml`.
        let mut found: Vec<PathBuf> = std::fs::read_dir(folder_or_here(dir))
            .map(|it| {
                // One more than is left tells a folder that fits from one
                // that does not.
                it.take(left.saturating_add(1))
                    .filter_map(|e| e.ok().map(|e| dir.join(e.file_name())))
                    .collect()
            })
            .unwrap_or_default();
        if found.len() > left {
            // Which entries a listing gives first is the file system's
            // business: a folder that does not fit is left out whole, so
            // that what a cut-short search found does not depend on it.
            found.clear();
            self.stopped = Some(Stop::Visits);
            *self.visits_left = 0;
            return found;
        }
        *self.visits_left = left - found.len();
        found.sort();
        found
    }
}

fn hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Whether `name` matches a pattern of `*` and `?` (no backtracking blow-up:
/// one remembered star).
fn matches(pattern: &[u8], name: &[u8]) -> bool {
    let (mut p, mut n) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while n < name.len() {
        match pattern.get(p) {
            Some(b'*') => {
                star = Some((p, n));
                p += 1;
            }
            Some(&c) if c == b'?' || c == name[n] => {
                p += 1;
                n += 1;
            }
            _ => match star {
                Some((sp, sn)) => {
                    p = sp + 1;
                    n = sn + 1;
                    star = Some((sp, sn + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p.min(pattern.len())..].iter().all(|&c| c == b'*')
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::{Bounds, Stop, glob_with, is_url, matches, split_glob};

    /// A folder of `n` files named `f0.txt`, `f1.txt`, … in a fresh
    /// scratch folder.
    fn folder_of(name: &str, n: usize) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("opmodel-locations-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch folder");
        for i in 0..n {
            std::fs::write(dir.join(format!("f{i}.txt")), "").expect("written");
        }
        dir
    }

    fn search(pattern: &Path, visits_left: &mut usize, max_matches: usize) -> super::Found {
        let bounds = Bounds {
            roots: Default::default(),
            anywhere: true,
        };
        let (start, rest) = split_glob(pattern);
        let within = super::Within {
            bounds: &bounds,
            start: None,
        };
        glob_with(&start, &rest, visits_left, &within, max_matches)
    }

    #[test]
    fn glob_searches_draw_on_one_budget_and_stop_where_it_ends() {
        let dir = folder_of("budget", 30);
        // One search of the folder looks at 31 entries (the folder, its 30
        // files): two fit in 70, the third is cut short, the fourth looks
        // at nothing.
        let mut left = 70;
        let pattern = dir.join("*.yaml");
        for expected_left in [39, 8] {
            let found = search(&pattern, &mut left, 100);
            assert_eq!((found.found.len(), found.stopped), (0, None));
            assert_eq!(left, expected_left);
        }
        let found = search(&pattern, &mut left, 100);
        assert_eq!(found.stopped, Some(Stop::Visits));
        assert_eq!(left, 0);
        let found = search(&pattern, &mut left, 100);
        assert_eq!(found.stopped, Some(Stop::Visits));
        assert_eq!(left, 0);
        // Exactly enough is not cut short.
        let mut left = 31;
        assert_eq!(search(&pattern, &mut left, 100).stopped, None);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn glob_matches_past_the_most_stop_the_search() {
        let dir = folder_of("matches", 12);
        let pattern = dir.join("*.txt");
        let mut left = 1_000;
        let found = search(&pattern, &mut left, 5);
        assert_eq!(found.found.len(), 5);
        assert_eq!(found.stopped, Some(Stop::Matches));
        // As many as the most is not "more than" it.
        let found = search(&pattern, &mut left, 12);
        assert_eq!((found.found.len(), found.stopped), (12, None));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn urls_are_told_from_paths() {
        assert!(is_url("https://github.com/acme/catalog/blob/main/all.yaml"));
        assert!(is_url("git+ssh://example.com/x.yaml"));
        assert!(!is_url("./teams.yaml"));
        assert!(!is_url("../shared/catalog-info.yaml"));
        assert!(!is_url("://nothing"));
    }

    #[test]
    fn star_patterns() {
        assert!(matches(b"*.yaml", b"catalog-info.yaml"));
        assert!(matches(b"catalog-?nfo.yaml", b"catalog-info.yaml"));
        assert!(!matches(b"*.yaml", b"catalog-info.yml"));
        assert!(matches(b"*", b""));
        assert!(matches(b"a*b*c", b"aXXbYYc"));
        assert!(!matches(b"a*b*c", b"aXXbYY"));
    }
}
