//! Backstage catalogs whose `Location`s name many files: a chain of
//! Locations thousands deep, and one Location naming thousands of files,
//! against the same files given as a folder.
//!
//! ```text
//! cargo bench --bench catalog
//! ```
//!
//! The files are written to a temporary folder before any timing.

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use opmodel::load::{LoadOptions, load_paths};

// The allocator the `opmodel` tool runs with, so that these figures are the
// tool's (a library user picks their own).
#[cfg(feature = "cli")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("folder");
    }
    std::fs::write(path, text).expect("written");
}

fn location(name: &str, targets: &[String]) -> String {
    let mut out = format!(
        "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: {name}\nspec:\n  targets:\n"
    );
    for t in targets {
        out.push_str(&format!("    - {t}\n"));
    }
    out
}

/// `l0.yaml` → `l1.yaml` → … → `l{depth}.yaml`, the last holding a group.
fn chain(dir: &Path, depth: usize) -> PathBuf {
    for i in 0..depth {
        write(
            &dir.join(format!("l{i}.yaml")),
            &location(&format!("l{i}"), &[format!("./l{}.yaml", i + 1)]),
        );
    }
    write(
        &dir.join(format!("l{depth}.yaml")),
        "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: last\nspec: {}\n",
    );
    dir.join("l0.yaml")
}

/// `all.yaml` naming `c/c{i}/catalog-info.yaml` for each of `width` components.
fn wide(dir: &Path, width: usize) -> PathBuf {
    let targets: Vec<String> = (0..width)
        .map(|i| format!("./c/c{i}/catalog-info.yaml"))
        .collect();
    for i in 0..width {
        write(
            &dir.join(format!("c/c{i}/catalog-info.yaml")),
            &format!(
                "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: c{i}\nspec:\n  type: service\n  owner: team-a\n"
            ),
        );
    }
    write(&dir.join("all.yaml"), &location("all", &targets));
    dir.join("all.yaml")
}

fn catalog(c: &mut Criterion) {
    let root = std::env::temp_dir().join(format!("opmodel-bench-catalog-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let deep = chain(&root.join("chain"), 2_000);
    let all = wide(&root.join("wide"), 5_000);
    let options = LoadOptions::default();
    let mut g = c.benchmark_group("catalog");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.bench_function(BenchmarkId::new("location-chain", 2_000), |b| {
        b.iter(|| load_paths(std::slice::from_ref(&deep), &options).map(|l| l.model.teams.len()));
    });
    g.bench_function(BenchmarkId::new("location-targets", 5_000), |b| {
        b.iter(|| load_paths(std::slice::from_ref(&all), &options).map(|l| l.model.products.len()));
    });
    let folder = root.join("wide").join("c");
    g.bench_function(BenchmarkId::new("same-files-as-a-folder", 5_000), |b| {
        b.iter(|| {
            load_paths(std::slice::from_ref(&folder), &options).map(|l| l.model.products.len())
        });
    });
    g.finish();
    let _ = std::fs::remove_dir_all(&root);
}

criterion_group!(benches, catalog);
criterion_main!(benches);
