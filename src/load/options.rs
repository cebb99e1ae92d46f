use super::node::ParseLimits;

/// Limits that keep loading bounded, whatever the input. Going past one is
/// an `invalid-file` or `invalid-entity` diagnostic that names the limit,
/// never a crash.
///
/// ```
/// let options = opmodel::load::LoadOptions { max_entities: 5_000_000, ..Default::default() };
/// assert_eq!(options.max_depth, 64);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadOptions {
    /// Largest file read, in bytes (default 512 MiB).
    pub max_file_size: u64,
    /// Most bytes read over all files (default 4 GiB).
    pub max_total_size: u64,
    /// Deepest nesting of lists and tables in a file (default 64; values above
    /// [`MAX_DEPTH_LIMIT`] count as that limit).
    pub max_depth: usize,
    /// Most entities in the whole model (default 20 million).
    pub max_entities: usize,
    /// Longest id, in bytes (ids are at most 128 characters by the spec).
    pub max_id_len: usize,
    /// Longest text field, in bytes (default 64 KiB).
    pub max_text_len: usize,
    /// Most nodes YAML aliases may expand to in one file (default 100,000):
    /// the guard against "billion laughs" files. Honest org files reuse an
    /// anchor a few times; each expanded value costs time and memory.
    pub max_alias_expansion: usize,
    /// Most problems (`invalid-file`, `invalid-entity`) reported for one
    /// file (default 10,000); past it they are counted in one last finding.
    pub max_problems_per_file: usize,
    /// Most folder entries the glob targets of Backstage `Location`s
    /// (`./components/*/catalog-info.yaml`) may look at, all of them
    /// together, in one load (default 200,000): a `**` at the root of the
    /// disk, or fifty of them in a 1 KB catalog, stops there rather than
    /// after the whole disk fifty times. A glob cut short, and those not
    /// searched once it is spent, are `invalid-file` findings.
    pub max_glob_visits: usize,
    /// Whether the model keeps the text of each file (default `true`): the
    /// text is what rendered diagnostics quote under their headline. A
    /// caller that only writes JSON, or only walks the model, can turn it
    /// off and save the size of the input in memory. A file that could not
    /// be read in full keeps its text either way (see
    /// [`SourceFile::is_unread`](crate::source::SourceFile::is_unread)).
    pub keep_text: bool,
    /// Whether a folder walk follows links that lead outside the folders
    /// given (default `false`): a link to `/usr` in an org folder would
    /// read, and quote in the output, files nobody gave. Links not followed
    /// are listed in [`Loaded::skipped_links`](super::Loaded::skipped_links).
    /// The same holds for the absolute targets of Backstage `Location`s
    /// outside the folders given and the folders of the files given
    /// (`/etc/passwd`), for links and `..` after a wildcard that lead a
    /// glob's search out of where it starts, and for a link inside a plain
    /// relative target that leads out: not read unless this is set, and an
    /// `unfollowed-location` finding. A relative target's own `..`s are
    /// followed wherever they lead, as the Backstage spec says.
    pub follow_links_outside: bool,
    /// Files a folder walk passes over (default none), compared by their
    /// real paths: the CLI puts its `--baseline` and `--write-baseline`
    /// files here, so that a baseline kept in the org folder is not read as
    /// an org file. A file given as an input itself is read whatever this
    /// says.
    pub pass_over: Vec<std::path::PathBuf>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            max_file_size: 512 * 1024 * 1024,
            max_total_size: 4 * 1024 * 1024 * 1024,
            max_depth: 64,
            max_entities: 20_000_000,
            max_id_len: 128,
            max_text_len: 64 * 1024,
            max_alias_expansion: 100_000,
            max_problems_per_file: 10_000,
            max_glob_visits: 200_000,
            keep_text: true,
            follow_links_outside: false,
            pass_over: Vec::new(),
        }
    }
}

/// The deepest nesting any load honours, whatever [`LoadOptions::max_depth`]
/// says: parsing a level costs stack and, for some shapes, time in the depth,
/// so a limit of a million would let one small file abort the process or run
/// for hours. No org file needs more than a few dozen levels.
pub const MAX_DEPTH_LIMIT: usize = 1_000;

impl LoadOptions {
    pub(crate) fn parse_limits(&self) -> ParseLimits {
        ParseLimits {
            max_depth: self.max_depth.min(MAX_DEPTH_LIMIT),
            max_alias_expansion: self.max_alias_expansion,
        }
    }
}

pub(super) fn too_big(size: u64, limit: u64) -> String {
    format!(
        "is {size} bytes, larger than the limit of {limit} bytes; raise it with `LoadOptions::max_file_size` (or `--max-file-size`)"
    )
}
