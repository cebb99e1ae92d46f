//! `opmodel import backstage`: a Backstage catalog written as opmodel YAML.

use std::path::Path;

use opmodel::load::Format;
use opmodel::model::EntityKind;

use super::args::{ImportArgs, ImportFrom};
use super::common;
use super::fail;

/// The files written into `-o DIR`, one per kind.
const TEAMS_FILE: &str = "teams.yaml";
const PRODUCTS_FILE: &str = "products.yaml";

pub(crate) fn run(args: &ImportArgs) -> u8 {
    let ImportFrom::Backstage = args.from;
    let options = common::load_options(common::Limits {
        follow_links_outside: args.follow_links_outside,
        ..common::Limits::default()
    });
    let loaded = match common::load(&args.paths, &options) {
        Ok(l) => l,
        Err(code) => return code,
    };
    // Files in opmodel's own format need no import: writing them again
    // would only lose their outcomes, objectives and decisions.
    if loaded.catalog_names.is_empty() {
        return super::fail(
            "the inputs hold no Backstage group, domain, system, component, API or resource: there is nothing to import (files in opmodel's own format are read as they are)",
        );
    }
    // What could not be read is said, so that nobody takes the files written
    // for the whole catalog; `opmodel check` shows it in full.
    for d in &loaded.diagnostics {
        let place = d.location.map_or_else(String::new, |l| {
            format!("{}:{}: ", loaded.model.sources.display(l.file), l.line)
        });
        let level = if d.severity == opmodel::Severity::Note {
            "note"
        } else {
            "warning"
        };
        eprintln!("{level}: {place}{} [{}]", d.message, d.check);
    }
    let model = &loaded.model;
    let native = native_files(&loaded);
    if !native.is_empty() {
        let shown: Vec<String> = native
            .iter()
            .map(|f| format!("`{}`", model.sources.display(*f)))
            .collect();
        let (they, are, them) = if shown.len() == 1 {
            (shown[0].clone(), "is", "it")
        } else {
            (shown.join(", "), "are", "them")
        };
        eprintln!(
            "note: {they} {are} in opmodel's format already and not copied into the files written: keep {them} beside those"
        );
    }
    // Only what came from the catalog is written: a native team copied
    // here would be defined twice once its own file is kept beside, as the
    // note above advises.
    let from_catalog = |location: Option<opmodel::source::Location>| {
        location.is_none_or(|l| !native.contains(&l.file))
    };
    // One file per section, each written by `opmodel::write`, so that the
    // files load back to the same teams and products.
    let section = |teams: bool| -> Result<String, String> {
        let mut part = opmodel::Model::new();
        if teams {
            part.teams = (model.teams.iter())
                .filter(|t| from_catalog(t.location))
                .cloned()
                .collect();
        } else {
            part.products = (model.products.iter())
                .filter(|p| from_catalog(p.location))
                .cloned()
                .collect();
        }
        let text = opmodel::write::to_string(&part, Format::Yaml).map_err(|e| e.to_string())?;
        // An empty section is written as an empty list, so the file says
        // what it is for.
        Ok(if text.trim().is_empty() || text.trim() == "{}" {
            format!("{}: []\n", if teams { "teams" } else { "products" })
        } else {
            text
        })
    };
    let (teams, products) = match (section(true), section(false)) {
        (Ok(t), Ok(p)) => (t, p),
        (Err(e), _) | (_, Err(e)) => return fail(e),
    };
    let header = "# Written by `opmodel import backstage` from a Backstage catalog.\nversion: 1\n";
    match &args.output {
        None => {
            let text = format!("{header}{teams}{products}");
            match common::write_stdout(&text) {
                Ok(()) => 0,
                Err(code) => code,
            }
        }
        Some(dir) => {
            // The folder is where a user's own org files live: a file that
            // is already there is theirs, and is not written over.
            if !args.force {
                let taken: Vec<String> = [TEAMS_FILE, PRODUCTS_FILE]
                    .iter()
                    .filter(|name| dir.join(name).symlink_metadata().is_ok())
                    .map(|name| format!("`{}`", dir.join(name).display()))
                    .collect();
                if !taken.is_empty() {
                    let (what, them) = if taken.len() == 1 {
                        (format!("{} is", taken[0]), "the file")
                    } else {
                        (format!("{} are", taken.join(" and ")), "the files")
                    };
                    return fail(format!(
                        "{what} already there: nothing was written; choose another folder, move {them} away, or give `--force` to write over {}",
                        if taken.len() == 1 { "it" } else { "them" }
                    ));
                }
            }
            if let Err(e) = std::fs::create_dir_all(dir) {
                return fail(format!("cannot make the folder `{}`: {e}", dir.display()));
            }
            for (name, body) in [(TEAMS_FILE, &teams), (PRODUCTS_FILE, &products)] {
                if let Err(code) = write(&dir.join(name), &format!("{header}{body}")) {
                    return code;
                }
            }
            eprintln!(
                "wrote {} teams and {} products to `{}` ({TEAMS_FILE}, {PRODUCTS_FILE})",
                model
                    .teams
                    .iter()
                    .filter(|t| from_catalog(t.location))
                    .count(),
                model
                    .products
                    .iter()
                    .filter(|p| from_catalog(p.location))
                    .count(),
                dir.display()
            );
            0
        }
    }
}

fn write(path: &Path, text: &str) -> Result<(), u8> {
    std::fs::write(path, text).map_err(|e| fail(format!("cannot write `{}`: {e}", path.display())))
}

/// The files in opmodel's own format among the inputs, in input order: a
/// file holding a team or product the catalog did not give (every catalog
/// entity has a catalog noun), or any other section, which no catalog holds.
fn native_files(loaded: &opmodel::load::Loaded) -> Vec<opmodel::source::FileId> {
    let model = &loaded.model;
    let names = &loaded.catalog_names;
    let mut files = std::collections::BTreeSet::new();
    let teams = (model.teams.iter())
        .filter(|t| names.noun(EntityKind::Team, &t.id).is_none())
        .map(|t| t.location);
    let products = (model.products.iter())
        .filter(|p| names.noun(EntityKind::Product, &p.id).is_none())
        .map(|p| p.location);
    let rest = (model.outcomes.iter().map(|o| o.location))
        .chain(model.objectives.iter().map(|o| o.location))
        .chain(model.decisions.iter().map(|d| d.location))
        .chain(model.people.iter().map(|p| p.location))
        .chain(model.lifecycle.iter().map(|s| s.location))
        .chain(model.cadences.iter().map(|c| c.location))
        .chain(std::iter::once(model.organization.location));
    for location in teams.chain(products).chain(rest).flatten() {
        files.insert(location.file);
    }
    files.into_iter().collect()
}
