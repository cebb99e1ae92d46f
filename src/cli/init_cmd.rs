//! `opmodel init`: a small, commented starter org that passes `check`.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::args::InitArgs;
use super::fail;

/// The files `init` writes, by name, with their text.
const FILES: [(&str, &str); 2] = [
    ("org.yaml", include_str!("starter/org.yaml")),
    ("opmodel.toml", include_str!("starter/opmodel.toml")),
];

pub(crate) fn run(args: &InitArgs) -> u8 {
    let dir = &args.dir;
    if dir.exists() && !dir.is_dir() {
        return fail(format!(
            "`{}` is not a folder: give the folder to write the starter org into",
            dir.display()
        ));
    }
    let targets: Vec<(PathBuf, &str)> = FILES
        .iter()
        .map(|(name, text)| (dir.join(name), *text))
        .collect();
    // Nothing is written unless every file can be: a half-written starter
    // beside a file of the user's is worse than none.
    let existing: Vec<String> = targets
        .iter()
        .filter(|(path, _)| path.symlink_metadata().is_ok())
        .map(|(path, _)| format!("`{}`", path.display()))
        .collect();
    if !existing.is_empty() {
        return fail(format!(
            "{} already exist{}; `opmodel init` never overwrites a file: choose another folder (`opmodel init DIR`) or move {} away",
            existing.join(" and "),
            if existing.len() == 1 { "s" } else { "" },
            if existing.len() == 1 { "it" } else { "them" },
        ));
    }
    // A starter written among org files the user already has is checked
    // with them: their ids and decisions collide, and it no longer passes.
    if dir.is_dir() {
        let mut found = Vec::new();
        let mut sources = opmodel::source::Sources::default();
        let files = opmodel::load::model_files(dir, &mut found, &mut sources).unwrap_or_default();
        if !files.is_empty() {
            let mut named: Vec<String> = files
                .iter()
                .take(3)
                .map(|p| format!("`{}`", p.display()))
                .collect();
            if files.len() > 3 {
                named.push(format!("{} more", files.len() - 3));
            }
            return fail(format!(
                "`{}` already holds files `opmodel check` reads ({}); a starter org written among them would be checked with them: choose a new folder (`opmodel init DIR`)",
                dir.display(),
                named.join(", ")
            ));
        }
    }
    if let Err(e) = std::fs::create_dir_all(dir) {
        return fail(format!("cannot make the folder `{}`: {e}", dir.display()));
    }
    for (path, text) in &targets {
        if let Err(e) = write_new(path, text) {
            return fail(format!("cannot write `{}`: {e}", path.display()));
        }
    }
    let shown = dir.display();
    eprintln!(
        "wrote a starter org to `{}` and its settings to `{}`\nnext: edit them, then run `opmodel check {shown}`",
        targets[0].0.display(),
        targets[1].0.display(),
    );
    0
}

/// Writes a file that must not exist yet (`create_new`: no race with
/// another writer between the check above and the write).
fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(text.as_bytes())?;
    file.flush()
}
