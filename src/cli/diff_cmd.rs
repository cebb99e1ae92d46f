//! `opmodel diff`: what a change to the org files changes, and which
//! findings it introduces and resolves.

use std::io::IsTerminal;
use std::path::PathBuf;

use opmodel::diff::{self, Diff, FailOn, git};
use opmodel::load::Loaded;
use opmodel::report::human::Options;

use super::args::{ColorChoice, DiffArgs, DiffFormat, FailOnArg};
use super::common::{self, Limits};
use super::fail;

pub(crate) fn run(args: &DiffArgs) -> u8 {
    let options = common::load_options(Limits {
        max_file_size: args.max_file_size,
        max_total_size: args.max_total_size,
        follow_links_outside: args.follow_links_outside,
        ..Limits::default()
    });
    // Without --git: OLD and NEW. With it: the paths of the new version.
    let (old_paths, new_paths): (Vec<PathBuf>, Vec<PathBuf>) = match (&args.git, &args.paths[..]) {
        (Some(_), paths) => (Vec::new(), paths.to_vec()),
        (None, [old, new]) => (vec![old.clone()], vec![new.clone()]),
        (None, paths) => {
            return fail(format!(
                "`opmodel diff` takes two paths, OLD and NEW (got {}); or give `--git REV` and the paths to compare with that revision",
                paths.len()
            ));
        }
    };
    // One linter for both versions: the config beside the new version.
    let linter = opmodel::Linter::new();
    let mut config = match common::file_config(
        args.config.as_deref(),
        &new_paths,
        &linter,
        &options,
        args.verbose,
    ) {
        Ok(c) => c.unwrap_or_default(),
        Err(code) => return code,
    };
    args.levels.apply(&mut config);
    let linter = match linter.with_config(config) {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    let old: Loaded = match &args.git {
        Some(rev) => match git::load_revision(rev, &new_paths, &options) {
            Ok(revision) => {
                for path in &revision.missing {
                    eprintln!(
                        "note: `{}` is not in revision `{rev}`: everything in it is new",
                        path.display()
                    );
                }
                revision.loaded
            }
            Err(e) => return fail(e),
        },
        None => match common::load(&old_paths, &options) {
            Ok(l) => l,
            Err(code) => return code,
        },
    };
    let new = match common::load(&new_paths, &options) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let diff: Diff = diff::diff(&old, &new, &linter);
    let text = match args.format {
        DiffFormat::Human => {
            let color = match args.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => {
                    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
                }
            };
            diff::human::render(&diff, Options::new(color))
        }
        DiffFormat::Markdown => diff::markdown::render(&diff),
        DiffFormat::Json => diff::json::to_string(&diff),
    };
    if let Err(code) = common::write_stdout(&text) {
        return code;
    }
    let fail_on = args.fail_on.map(|f| match f {
        FailOnArg::NewErrors => FailOn::NewErrors,
        FailOnArg::NewWarnings => FailOn::NewWarnings,
    });
    u8::try_from(diff.exit_code(fail_on)).unwrap_or(1)
}
