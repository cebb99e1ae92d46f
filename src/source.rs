//! Where things came from: the files of a model and positions inside them.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A typed index of a file in a [`Sources`] table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(std::num::NonZeroU32);

impl FileId {
    /// The position of this file in its [`Sources`] table.
    pub fn index(self) -> usize {
        (self.0.get() - 1) as usize
    }

    /// The file at `index` of its table. Stored one higher, so that an
    /// `Option<Location>` (one in every reference of a model) takes no
    /// more room than a `Location`.
    pub(crate) fn at(index: u32) -> Self {
        Self(std::num::NonZeroU32::MIN.saturating_add(index))
    }

    /// The index as a `u32`.
    pub(crate) fn number(self) -> u32 {
        self.0.get() - 1
    }

    /// The same file in a table that has `offset` files before this one's.
    pub(crate) fn shifted(self, offset: u32) -> Self {
        Self(self.0.saturating_add(offset))
    }
}

/// A span in a source file: where it starts (1-based line and column;
/// columns count characters) and where it ends.
///
/// A line of `0` means the format could not tell the line (never the case
/// for YAML and TOML; JSON gives the entity's line too, but values nested
/// deep inside it may only know the file).
///
/// The end is exclusive: `end_column` is the column just after the last
/// character of the span (as in SARIF), so a one-character span at column 5
/// ends at column 6. An `end_line` of `0` means the end is not known (a
/// location made in code): [`Location::end`] then gives the one character
/// at the start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The file.
    pub file: FileId,
    /// 1-based line, `0` when unknown.
    pub line: u32,
    /// 1-based column in characters, `0` when unknown.
    pub column: u32,
    /// 1-based line where the span ends, `0` when unknown.
    pub end_line: u32,
    /// The column just after the span's last character, `0` when unknown.
    pub end_column: u32,
}

impl Location {
    /// A location of one character (or, with a `column` of `0`, a whole
    /// line) whose end is not known.
    pub fn point(file: FileId, line: u32, column: u32) -> Self {
        Self {
            file,
            line,
            column,
            end_line: 0,
            end_column: 0,
        }
    }

    /// This location ending at `end_line`, just before `end_column`.
    #[must_use]
    pub fn to(mut self, end_line: u32, end_column: u32) -> Self {
        self.end_line = end_line;
        self.end_column = end_column;
        self
    }

    /// Where the span ends (line, exclusive column): as recorded when it
    /// is known and not before the start, else one character past the
    /// start. `(0, 0)` when the line is unknown; the column is `0` when
    /// the start's column is.
    pub fn end(&self) -> (u32, u32) {
        if self.line == 0 {
            return (0, 0);
        }
        if self.column == 0 {
            return (self.line, 0);
        }
        let recorded = (self.end_line, self.end_column);
        if self.end_line > 0 && self.end_column > 0 && recorded > (self.line, self.column) {
            recorded
        } else {
            (self.line, self.column.saturating_add(1))
        }
    }
}

/// One file that was read: its path as the user gave it and its text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    path: PathBuf,
    display: String,
    text: Arc<str>,
    /// Byte offset where each line starts. Rendering looks up a line per
    /// diagnostic; scanning the text each time made a file with a few
    /// hundred thousand findings take minutes. Built on the first lookup:
    /// JSON output never needs it, and for a 200 MB file it is 80 MB.
    line_starts: std::sync::OnceLock<Arc<[usize]>>,
    /// Whether part of the file could not be read into the model (it does
    /// not parse, or a section of it is unknown): what it says about the
    /// ids written in it is missing from the model.
    unread: bool,
    /// Whether an unread file looks like an org or catalog file (see
    /// [`looks_like_org_text`]): only then are the words in it ids that
    /// the model may lack. A CSV saved as `.yaml` holds none.
    holds_ids: bool,
}

impl SourceFile {
    /// Whether part of the file could not be read into the model: it does
    /// not parse, or has a section opmodel does not know. Findings about
    /// the ids written in it may only say that what it holds is missing;
    /// the linter leaves them out until the file reads.
    pub fn is_unread(&self) -> bool {
        self.unread
    }

    /// The path as it was given (or found below a folder that was given).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The path as shown in diagnostics: forward slashes on every platform,
    /// control characters escaped (`\t`), for terminals and text.
    pub fn display(&self) -> &str {
        &self.display
    }

    /// The path as machine-readable output (JSON, SARIF, GitHub commands)
    /// writes it, each format escaping it its own way: the file's real
    /// name, with forward slashes on Windows. [`SourceFile::display`]
    /// shows a tab in a name as `\t`, which names another file.
    pub fn path_text(&self) -> std::borrow::Cow<'_, str> {
        let text = self.path.to_string_lossy();
        if cfg!(windows) {
            std::borrow::Cow::Owned(text.replace('\\', "/"))
        } else {
            text
        }
    }

    /// The file's text (empty when it could not be read or was not UTF-8).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text of 1-based `line`, without its line break.
    pub fn line_text(&self, line: u32) -> Option<&str> {
        let index = (line as usize).checked_sub(1)?;
        let line_starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(
                    self.text
                        .bytes()
                        .enumerate()
                        .filter(|&(_, b)| b == b'\n')
                        .map(|(i, _)| i + 1),
                )
                .collect()
        });
        let start = *line_starts.get(index)?;
        // The next line's start is just past this line's LF.
        let end = line_starts
            .get(index + 1)
            .map_or(self.text.len(), |next| next - 1);
        let l = self.text.get(start..end)?;
        Some(l.strip_suffix('\r').unwrap_or(l))
    }
}

/// The table of files a model was read from, indexed by [`FileId`].
#[derive(Clone, Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
    /// [`Sources::unread_words`], made the first time it is asked for: the
    /// graph and the linter both ask.
    unread_words: std::sync::OnceLock<Arc<UnreadWords>>,
}

/// The words of the files not read in full (see [`Sources::unread_words`]).
pub(crate) type UnreadWords = std::collections::HashSet<Box<str>>;

impl Sources {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file and returns its id.
    pub fn add(&mut self, path: impl Into<PathBuf>, text: impl Into<Arc<str>>) -> FileId {
        let path = path.into();
        // Control characters in a file name are shown escaped: the display
        // path ends up in every kind of output, terminals included.
        // A backslash separates folders on Windows only; elsewhere it is a
        // character of the name.
        let lossy = path.to_string_lossy();
        let slashed = if cfg!(windows) {
            std::borrow::Cow::Owned(lossy.replace('\\', "/"))
        } else {
            lossy
        };
        let display: String = slashed
            .chars()
            .flat_map(|c| {
                let escaped = c.is_control().then(|| c.escape_default());
                escaped
                    .into_iter()
                    .flatten()
                    .chain((!c.is_control()).then_some(c))
            })
            .collect();
        let id = FileId::at(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        self.unread_words = std::sync::OnceLock::new();
        self.files.push(SourceFile {
            path,
            display,
            text: text.into(),
            line_starts: std::sync::OnceLock::new(),
            unread: false,
            holds_ids: false,
        });
        id
    }

    /// The largest file not read in full whose words are read for
    /// [`Sources::unread_words`]: the files people break by hand are small,
    /// and reading the words of a broken 100 MB export would cost more than
    /// the findings it holds back.
    const MAX_UNREAD_WORDS_FROM: usize = 16 << 20;

    /// Records that part of file `id`, whose text is `text`, could not be
    /// read into the model (see [`SourceFile::is_unread`]). Its text is
    /// kept even when the loader was asked not to keep texts: the linter
    /// reads the ids written in it.
    pub(crate) fn mark_unread(&mut self, id: FileId, text: &str) {
        if let Some(file) = self.files.get_mut(id.index()) {
            file.unread = true;
            file.holds_ids = looks_like_org_text(text);
            if file.holds_ids && file.text.is_empty() && text.len() <= Self::MAX_UNREAD_WORDS_FROM {
                file.text = Arc::from(text);
            }
        }
        self.unread_words = std::sync::OnceLock::new();
    }

    /// Every word that could be an id written in a file not read in full
    /// (see [`SourceFile::is_unread`]), of the files up to
    /// [`Sources::MAX_UNREAD_WORDS_FROM`] long; empty when every file was
    /// read. A finding about one of them may be there only because the
    /// file that says more about it could not be read.
    pub(crate) fn unread_words(&self) -> Arc<UnreadWords> {
        let words = self.unread_words.get_or_init(|| {
            let mut words = UnreadWords::new();
            let read_for_words = |f: &&SourceFile| {
                f.unread && f.holds_ids && f.text.len() <= Self::MAX_UNREAD_WORDS_FROM
            };
            for file in self.files.iter().filter(read_for_words) {
                let id_byte = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.');
                for word in file.text.as_bytes().split(|b| !id_byte(b)) {
                    // (Words of ASCII bytes only, so always text; an id is
                    // at most 128 characters.)
                    if !word.is_empty()
                        && word.len() <= 128
                        && let Ok(word) = std::str::from_utf8(word)
                        && !words.contains(word)
                    {
                        words.insert(word.into());
                    }
                }
            }
            Arc::new(words)
        });
        Arc::clone(words)
    }

    /// The file behind `id`.
    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id.index())
    }

    /// The display path of `id`, or `"<unknown>"`.
    pub fn display(&self, id: FileId) -> &str {
        self.get(id).map_or("<unknown>", SourceFile::display)
    }

    /// The path of `id` for machine-readable output
    /// ([`SourceFile::path_text`]); `<unknown>` for an id of another table.
    pub fn path_text(&self, id: FileId) -> std::borrow::Cow<'_, str> {
        self.get(id).map_or(
            std::borrow::Cow::Borrowed("<unknown>"),
            SourceFile::path_text,
        )
    }

    /// Every file, in the order they were added (sorted by path for folders).
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId::at(i as u32), f))
    }

    /// How many files there are.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether there are no files.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// For each file (by [`FileId`] index), its place in the order of the
    /// display paths: sorting by these ranks sorts by path, one integer
    /// comparison instead of two paths. Paths compare as a folder is read
    /// (component by component: `a/b.yaml` before `a.yaml`), so that the
    /// first of two places listed is the one read first.
    pub(crate) fn display_ranks(&self) -> Vec<u32> {
        let mut order: Vec<usize> = (0..self.files.len()).collect();
        crate::load::sort_by_path(&mut order, |&i| Path::new(&self.files[i].display));
        let mut ranks = vec![0u32; self.files.len()];
        // Equal display paths (the same file given twice) share a rank.
        let mut rank = 0u32;
        for (i, pair) in order.iter().enumerate() {
            if i > 0 && self.files[order[i - 1]].display != self.files[*pair].display {
                rank += 1;
            }
            ranks[*pair] = rank;
        }
        ranks
    }

    /// Appends every file of `other`, returning the offset to add to its ids.
    pub(crate) fn append(&mut self, other: Sources) -> u32 {
        let offset = self.files.len() as u32;
        self.files.extend(other.files);
        self.unread_words = std::sync::OnceLock::new();
        offset
    }
}

impl fmt::Display for FileId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "file#{}", self.number())
    }
}

/// Whether `text`, which did not read, looks like an org or catalog file:
/// somewhere in it one of their keys (`teams`, `owner`, `id`, `kind`, …)
/// is followed by `:`, `=` or `]`, as a YAML, JSON or TOML key or table
/// is. A file that is none (a CSV policy or a script saved as `.yaml`)
/// says nothing about the org's ids, even when a word in it is one.
fn looks_like_org_text(text: &str) -> bool {
    const KEYS: [&str; 25] = [
        "organization",
        "teams",
        "products",
        "outcomes",
        "objectives",
        "key_results",
        "decisions",
        "people",
        "lifecycle",
        "cadences",
        "id",
        "owner",
        "owns",
        "parent",
        "part_of",
        "supports",
        "decides",
        "scope",
        "area",
        "allocations",
        "members",
        "kind",
        "apiVersion",
        "metadata",
        "spec",
    ];
    let bytes = text.as_bytes();
    let word_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    bytes.iter().enumerate().any(|(i, &b)| {
        if !matches!(b, b':' | b'=' | b']') {
            return false;
        }
        let before = bytes.get(..i).unwrap_or_default();
        let before = before.trim_ascii_end();
        let before = before
            .strip_suffix(b"\"")
            .or_else(|| before.strip_suffix(b"'"))
            .unwrap_or(before);
        let start = before
            .iter()
            .rposition(|&c| !word_byte(c))
            .map_or(0, |p| p + 1);
        let word = before.get(start..).unwrap_or_default();
        KEYS.iter().any(|k| k.as_bytes() == word)
    })
}

#[cfg(test)]
mod tests {
    use super::{Sources, looks_like_org_text};

    #[test]
    fn only_a_broken_org_or_catalog_file_holds_ids() {
        for org in [
            "teams:\n  - id: cards\n    owns: [x\n",
            "[[teams]]\nid = \"cards\n",
            "{\"teams\": [{\"id\": \"cards\",}]}",
            "apiVersion: backstage.io/v1alpha1\nkind: Component\n  bad: [",
            "- { area: budget, scope: cards, decides: [growth }",
        ] {
            assert!(looks_like_org_text(org), "{org}");
        }
        for other in [
            "p, role:platform-team, catalog-entity, read, allow\ng, user:default/alice, role:platform-team\n",
            "#!/bin/sh\necho platform-team\n",
            "",
        ] {
            assert!(!looks_like_org_text(other), "{other}");
        }
        let mut sources = Sources::default();
        let csv = sources.add("rbac.yaml", "");
        sources.mark_unread(csv, "p, role:platform-team, catalog-entity, read, allow\n");
        assert!(sources.get(csv).is_some_and(|f| f.is_unread()));
        assert!(!sources.unread_words().contains("platform-team"));
        let org = sources.add("teams.yaml", "");
        sources.mark_unread(org, "teams:\n  - id: platform-team\n    owns: [x\n");
        assert!(sources.unread_words().contains("platform-team"));
    }

    #[test]
    fn the_words_of_files_not_read_in_full_up_to_a_size() {
        let mut sources = Sources::new();
        let read = sources.add("a.yaml", "teams:\n  - id: kept-out\n");
        let broken = sources.add("b.toml", "");
        assert!(sources.unread_words().is_empty());
        sources.mark_unread(broken, "[[teams]]\nid = \"checkout\nowns = [\"web.app\"]\n");
        let words = sources.unread_words();
        assert!(
            words.contains("checkout") && words.contains("web.app"),
            "{words:?}"
        );
        assert!(
            !words.contains("kept-out"),
            "a file read in full gives no words"
        );
        assert!(sources.get(read).is_some_and(|f| !f.is_unread()));
        // A broken export too big to be worth it gives none (its text is not
        // kept for it either).
        let mut sources = Sources::new();
        let huge = sources.add("big.json", "");
        let text = format!(
            "[\"checkout\"{}",
            " ".repeat(Sources::MAX_UNREAD_WORDS_FROM)
        );
        sources.mark_unread(huge, &text);
        assert!(
            sources
                .get(huge)
                .is_some_and(|f| f.is_unread() && f.text().is_empty())
        );
        assert!(sources.unread_words().is_empty());
    }
}
