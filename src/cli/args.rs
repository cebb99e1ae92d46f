use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use opmodel::config::Level;

/// Lint an organisation's product operating model: ownership, alignment to
/// outcomes, goal style and decision rights.
#[derive(Debug, Parser)]
#[command(name = "opmodel", version, about, long_about = None)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Check org files (YAML, TOML, JSON or Backstage catalogs; files or folders) and report findings.
    Check(CheckArgs),
    /// Print the documentation of a check.
    Explain(ExplainArgs),
    /// List every check with its category, default level and summary.
    Checks(ChecksArgs),
    /// Draw the org as a Graphviz DOT or Mermaid graph, findings highlighted.
    Graph(GraphArgs),
    /// Score the org's health on the tenets of the product operating model.
    Report(ReportArgs),
    /// Write a small, commented starter org that passes `opmodel check`.
    Init(InitArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    ///
    /// For example `opmodel completions bash > ~/.local/share/bash-completion/completions/opmodel`
    /// or `opmodel completions fish > ~/.config/fish/completions/opmodel.fish`.
    Completions(CompletionsArgs),
    /// Compare two versions of an org: what changed, and which findings the
    /// change introduces and resolves.
    Diff(DiffArgs),
    /// Print the JSON Schema of org files (for editors), or the field reference.
    Schema(SchemaArgs),
    /// Write a catalog kept in another format as opmodel YAML.
    Import(ImportArgs),
}

#[derive(Debug, Args)]
pub(crate) struct SchemaArgs {
    /// Print the field reference (Markdown) instead of the JSON Schema.
    #[arg(long)]
    pub reference: bool,
}

#[derive(Debug, Args)]
pub(crate) struct InitArgs {
    /// The folder to write the starter org into (made if missing).
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub(crate) struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Org files or folders of org files; `-` reads one org file from
    /// standard input (see --stdin-format).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The format of the org file read from standard input (`-`).
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = StdinFormat::Yaml)]
    pub stdin_format: StdinFormat,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    /// Config file (default: `opmodel.toml` next to the first input: in the folder given, or beside the file given).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Say on stderr which config file is used.
    #[arg(short, long)]
    pub verbose: bool,
    #[command(flatten)]
    pub levels: LevelFlags,
    /// When to use colours in human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Most problems (invalid-file, invalid-entity) reported for one file
    /// [default: 10000].
    #[arg(long, value_name = "N")]
    pub max_problems_per_file: Option<usize>,
    /// Most findings kept per check, at least 1; the rest are counted in a
    /// note on stderr. (To see no findings of a check, allow it with -A.)
    #[arg(long, value_name = "N", default_value_t = opmodel::DEFAULT_MAX_FINDINGS, value_parser = at_least_one)]
    pub max_findings: usize,
    /// Largest org file read, in bytes [default: 536870912, 512 MiB].
    #[arg(long, value_name = "BYTES")]
    pub max_file_size: Option<u64>,
    /// Most bytes read over all org files [default: 4294967296, 4 GiB].
    #[arg(long, value_name = "BYTES")]
    pub max_total_size: Option<u64>,
    /// Most entities in the model [default: 20000000].
    #[arg(long, value_name = "N")]
    pub max_entities: Option<usize>,
    /// Deepest nesting of lists and tables in an org file, at most 1000
    /// [default: 64].
    #[arg(long, value_name = "N", value_parser = depth_limit)]
    pub max_depth: Option<usize>,
    /// Longest text field (name, statement, …), in bytes [default: 65536].
    #[arg(long, value_name = "BYTES")]
    pub max_text_len: Option<usize>,
    /// Most values YAML aliases may expand to in one file [default: 100000].
    #[arg(long, value_name = "N")]
    pub max_alias_expansion: Option<usize>,
    /// Most folder entries the glob targets of Backstage Locations may look
    /// at, all of them together [default: 200000].
    #[arg(long, value_name = "N")]
    pub max_glob_visits: Option<usize>,
    /// Follow links that lead outside the folders given (in the folders,
    /// and in Backstage Location targets), and read absolute Location
    /// targets outside them; by default they are passed over, with a note.
    /// A relative target is read wherever its `..`s lead.
    #[arg(long)]
    pub follow_links_outside: bool,
    /// Report only findings not in this baseline file (written with
    /// `--write-baseline`); says how many were baselined and how many are gone.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record every finding of this run in a baseline file.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct ExplainArgs {
    /// The check's name, such as `unclear-ownership`.
    pub check: String,
}

#[derive(Debug, Args)]
pub(crate) struct ChecksArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

#[derive(Debug, Args)]
pub(crate) struct GraphArgs {
    /// Org files or folders of org files.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
    pub format: GraphFormat,
    /// Draw only what lies near the entity with this id.
    #[arg(long, value_name = "ID")]
    pub focus: Option<String>,
    /// How many hops from `--focus` to draw (default 2).
    #[arg(long, value_name = "N", requires = "focus")]
    pub depth: Option<usize>,
    /// Draw key results as nodes of their own.
    #[arg(long)]
    pub key_results: bool,
    /// Leave the teams' interactions (collaboration, x-as-a-service,
    /// facilitating) out of the picture.
    #[arg(long)]
    pub no_interactions: bool,
    /// Leave out the legend of shapes, colours and edges.
    #[arg(long)]
    pub no_legend: bool,
    /// Config file (default: `opmodel.toml` next to the first input: in the folder given, or beside the file given).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Say on stderr which config file is used.
    #[arg(short, long)]
    pub verbose: bool,
    #[command(flatten)]
    pub levels: LevelFlags,
    /// Follow links that lead outside the folders given (in the folders,
    /// and in Backstage Location targets), and read absolute Location
    /// targets outside them; by default they are passed over, with a note.
    /// A relative target is read wherever its `..`s lead.
    #[arg(long)]
    pub follow_links_outside: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ReportArgs {
    /// Org files or folders of org files.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Score each unit (tribe, department) on its own: its teams, their
    /// products and the key results of their objectives.
    #[arg(long, value_name = "SLICE", value_parser = ["unit"])]
    pub by: Option<String>,
    /// Score only the key results of objectives of this period (such as `2026-Q1`).
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<String>,
    /// Config file (default: `opmodel.toml` next to the first input: in the folder given, or beside the file given).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Say on stderr which config file is used.
    #[arg(short, long)]
    pub verbose: bool,
    #[command(flatten)]
    pub levels: LevelFlags,
    /// Follow links that lead outside the folders given (in the folders,
    /// and in Backstage Location targets), and read absolute Location
    /// targets outside them; by default they are passed over, with a note.
    /// A relative target is read wherever its `..`s lead.
    #[arg(long)]
    pub follow_links_outside: bool,
}

#[derive(Debug, Args)]
pub(crate) struct DiffArgs {
    /// OLD then NEW (each an org file or folder); with `--git REV`, the
    /// paths of the new version, whose old version is read from REV.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Read the old version from this git revision (commit, branch, tag)
    /// of the same paths, through the `git` command.
    #[arg(long, value_name = "REV")]
    pub git: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
    /// Exit with status 1 when the new version has findings of this
    /// severity (or worse) that the old one has not.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub fail_on: Option<FailOnArg>,
    /// Config file for both versions (default: `opmodel.toml` beside the
    /// new version).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Say on stderr which config file is used.
    #[arg(short, long)]
    pub verbose: bool,
    #[command(flatten)]
    pub levels: LevelFlags,
    /// When to use colours in human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Largest org file read, in bytes [default: 536870912, 512 MiB].
    #[arg(long, value_name = "BYTES")]
    pub max_file_size: Option<u64>,
    /// Most bytes read over all org files, of each version [default:
    /// 4294967296, 4 GiB].
    #[arg(long, value_name = "BYTES")]
    pub max_total_size: Option<u64>,
    /// Follow links that lead outside the folders given (in the folders,
    /// and in Backstage Location targets), and read absolute Location
    /// targets outside them; by default they are passed over, with a note.
    /// A relative target is read wherever its `..`s lead.
    #[arg(long)]
    pub follow_links_outside: bool,
}

/// `opmodel import backstage PATH... [-o DIR]`.
#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// What the inputs are.
    #[arg(value_enum, value_name = "FROM")]
    pub from: ImportFrom,
    /// Catalog files or folders (Location targets are followed).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Write `teams.yaml` and `products.yaml` into this folder (made if
    /// missing) instead of printing one file to standard output.
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Write over `teams.yaml` and `products.yaml` when they are already in
    /// the output folder (by default nothing is written then).
    #[arg(long)]
    pub force: bool,
    /// Follow links in the folders given, and read Backstage Location
    /// targets, that lead outside them.
    #[arg(long)]
    pub follow_links_outside: bool,
}

/// The levels set by `-D`, `-W` and `-A`, in the order they were typed,
/// shared by the commands that run the checks. clap gives each flag's
/// values apart, so the three are declared here by hand and their order
/// read from the positions clap records (see [`LevelFlags::read`]).
#[derive(Debug, Default)]
pub(crate) struct LevelFlags(Vec<(Level, String)>);

impl clap::Args for LevelFlags {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        let flag = |id: &'static str, short: char, help: &'static str| {
            clap::Arg::new(id)
                .short(short)
                .long(id)
                .value_name("CHECK")
                .action(clap::ArgAction::Append)
                .value_parser(clap::value_parser!(String))
                .help(help)
        };
        cmd.arg(flag(
            "deny",
            'D',
            "Set CHECK to deny (report as error); `warnings` denies every warning. May be given several times, as may -W and -A",
        ))
        .arg(flag("warn", 'W', "Set CHECK to warn"))
        .arg(flag(
            "allow",
            'A',
            "Set CHECK to allow (not reported). Of -D, -W and -A, the last one given for a check wins, as in rustc",
        ))
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        Self::augment_args(cmd)
    }
}

impl clap::FromArgMatches for LevelFlags {
    fn from_arg_matches(matches: &clap::ArgMatches) -> Result<Self, clap::Error> {
        Ok(Self::read(matches))
    }

    fn update_from_arg_matches(&mut self, matches: &clap::ArgMatches) -> Result<(), clap::Error> {
        *self = Self::read(matches);
        Ok(())
    }
}

impl LevelFlags {
    /// The flags of the subcommand `matches` parsed, in command-line order.
    fn read(matches: &clap::ArgMatches) -> Self {
        let mut typed: Vec<(usize, Level, String)> = Vec::new();
        for (id, level) in [
            ("deny", Level::Deny),
            ("warn", Level::Warn),
            ("allow", Level::Allow),
        ] {
            let (Ok(Some(names)), Some(at)) =
                (matches.try_get_many::<String>(id), matches.indices_of(id))
            else {
                continue;
            };
            typed.extend(at.zip(names).map(|(i, name)| (i, level, name.clone())));
        }
        typed.sort_by_key(|&(i, ..)| i);
        Self(
            typed
                .into_iter()
                .map(|(_, level, name)| (level, name))
                .collect(),
        )
    }

    /// Sets each level on `config`, first typed first: the last flag for a
    /// check wins.
    pub(crate) fn apply(&self, config: &mut opmodel::config::Config) {
        for (level, name) in &self.0 {
            config.set_level(name, *level);
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum DiffFormat {
    /// Grouped text for people (also `text`).
    #[value(alias = "text")]
    Human,
    /// Markdown for a pull-request comment (counts first, collapsible sections).
    Markdown,
    /// A JSON object: changes, findings introduced and resolved, summary.
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum FailOnArg {
    /// Errors the old version does not have.
    NewErrors,
    /// Errors or warnings the old version does not have.
    NewWarnings,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum StdinFormat {
    /// YAML.
    Yaml,
    /// JSON.
    Json,
    /// TOML.
    Toml,
}

/// The formats `opmodel import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ImportFrom {
    /// Backstage catalog descriptor files (`catalog-info.yaml`).
    Backstage,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum GraphFormat {
    /// Graphviz DOT (render with `dot -Tsvg`).
    Dot,
    /// A Mermaid flowchart.
    Mermaid,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ReportFormat {
    /// A readable table (also `human`).
    #[value(alias = "human")]
    Text,
    /// A JSON object.
    Json,
    /// A Markdown table.
    Markdown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum OutputFormat {
    /// rustc-style text with source snippets (also `text`).
    #[value(alias = "text")]
    Human,
    /// The JSON object of the spec.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ListFormat {
    /// Aligned columns (also `human`).
    #[value(alias = "human")]
    Text,
    /// A Markdown table.
    Markdown,
    /// JSON.
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorChoice {
    /// Colours when writing to a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// A `--max-findings` value: 0 is refused rather than taken as 1, which a
/// note saying "the limit is 0" then contradicted. Showing no finding while
/// the exit status still counts the errors would fail a build without
/// saying why.
fn depth_limit(text: &str) -> Result<usize, String> {
    let limit = opmodel::load::MAX_DEPTH_LIMIT;
    match text.parse::<usize>() {
        Ok(n) if n > limit => Err(format!(
            "at most {limit}: deeper nesting costs stack and time no org file needs"
        )),
        Ok(0) => Err("the limit must be at least 1".to_owned()),
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}

fn at_least_one(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err(
            "the limit must be at least 1: the exit status counts every finding, so at least one of each check is shown; use -A CHECK to silence a check".to_owned(),
        ),
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}
