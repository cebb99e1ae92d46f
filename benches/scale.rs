//! Scale benchmarks on synthetic orgs (issue 6): load each format, build
//! the graph, render the JSON report, run the full check, and the floor —
//! `serde_json` skipping over the same JSON bytes — in the same run.
//!
//! ```text
//! cargo bench --features synth --bench scale
//! OPMODEL_BENCH_MAX_TEAMS=10000 cargo bench --features synth --bench scale
//! ```
//!
//! Sizes are 1k, 10k and 100k teams (about 9, 93 and 930 thousand
//! entities), capped by `OPMODEL_BENCH_MAX_TEAMS` (default 100000). The orgs
//! are generated and written to a temporary folder before any timing.

use std::hint::black_box;
use std::io::sink;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use opmodel::Linter;
use opmodel::graph::OrgGraph;
use opmodel::load::{LoadOptions, load_paths};
use opmodel::report::json;
use opmodel::synth::{FileFormat, Spec, generate};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

// The allocator the `opmodel` tool runs with, so that these figures are the
// tool's (a library user picks their own).
#[cfg(feature = "cli")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Fixture {
    teams: usize,
    dir: PathBuf,
    json: Vec<u8>,
    yaml_len: u64,
    folder_len: u64,
}

impl Fixture {
    fn json_path(&self) -> PathBuf {
        self.dir.join("org.json")
    }
    fn yaml_path(&self) -> PathBuf {
        self.dir.join("org.yaml")
    }
    fn folder(&self) -> PathBuf {
        self.dir.join("folder")
    }
}

fn folder_bytes(dir: &Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            match e.metadata() {
                Ok(m) if m.is_dir() => stack.push(p),
                Ok(m) => total += m.len(),
                Err(_) => {}
            }
        }
    }
    total
}

fn fixture(teams: usize) -> Fixture {
    let dir = std::env::temp_dir().join(format!(
        "opmodel-bench-scale-{}-{teams}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let org = generate(&Spec {
        teams,
        seed: 7,
        defect_rate: 0.01,
        ..Spec::default()
    });
    let mut json = Vec::new();
    org.write_json(&mut json).expect("write json");
    std::fs::write(dir.join("org.json"), &json).expect("write json");
    let mut yaml = Vec::new();
    org.write_yaml(&mut yaml).expect("write yaml");
    std::fs::write(dir.join("org.yaml"), &yaml).expect("write yaml");
    org.write_folder(&dir.join("folder"), FileFormat::Json)
        .expect("write folder");
    let folder_len = folder_bytes(&dir.join("folder"));
    Fixture {
        teams,
        dir,
        json,
        yaml_len: yaml.len() as u64,
        folder_len,
    }
}

fn max_teams() -> usize {
    std::env::var("OPMODEL_BENCH_MAX_TEAMS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000)
}

fn load(path: &Path) -> opmodel::load::Loaded {
    load_paths(&[path], &LoadOptions::default()).expect("loads")
}

/// `OPMODEL_BENCH_PHASES=1`: instead of criterion, time each phase once
/// per size next to the floor, and print a table. The phases are those of
/// `opmodel check --format json FILE`: load (read and parse, with the file's
/// text dropped once parsed, as the tool does for JSON output), the graph
/// build on its own, the checks (which build the graph again) and the JSON
/// output. Quick enough for 100k teams.
///
/// A second table puts the same full check of the org written as one
/// YAML file (up to 10k teams: 16 MB) next to its floor, serde-saphyr
/// parsing the file's text alone, with the file read in both.
fn phases(cap: usize) {
    use std::time::Instant;
    println!(
        "teams\tjson-bytes\tfloor\tload\tgraph-build\tchecks(incl.build)\tjson-output\tfull(load+checks+output)\tfull/floor"
    );
    let options = LoadOptions {
        keep_text: false,
        ..LoadOptions::default()
    };
    let mut yaml_rows = Vec::new();
    for teams in SIZES.into_iter().filter(|&t| t <= cap) {
        let fx = fixture(teams);
        if teams <= 10_000 {
            yaml_rows.push(yaml_phase(&fx, &options));
        }
        let t = Instant::now();
        serde_json::from_slice::<serde::de::IgnoredAny>(black_box(&fx.json)).expect("valid");
        let floor = t.elapsed();
        let t = Instant::now();
        let loaded = load_paths(&[fx.json_path()], &options).expect("loads");
        let load = t.elapsed();
        let t = Instant::now();
        let n = OrgGraph::build(&loaded.model).diagnostics().len();
        let build = t.elapsed();
        black_box(n);
        let t = Instant::now();
        let report = Linter::new().check(&loaded);
        let checks = t.elapsed();
        let t = Instant::now();
        let mut out = std::io::BufWriter::new(sink());
        json::write(&report, &mut out).expect("sink");
        let output = t.elapsed();
        let full = load + checks + output;
        println!(
            "{teams}\t{}\t{floor:.2?}\t{load:.2?}\t{build:.2?}\t{checks:.2?}\t{output:.2?}\t{full:.2?}\t{:.1}",
            fx.json.len(),
            full.as_secs_f64() / floor.as_secs_f64()
        );
        drop((report, loaded));
        let _ = std::fs::remove_dir_all(&fx.dir);
    }
    if !yaml_rows.is_empty() {
        println!(
            "\nteams\tyaml-bytes\tyaml-floor(read+saphyr)\tyaml-full(load+checks+output)\tyaml-full/floor"
        );
        yaml_rows.iter().for_each(|row| println!("{row}"));
    }
}

/// One row of the YAML table of [`phases`].
fn yaml_phase(fx: &Fixture, options: &LoadOptions) -> String {
    use std::time::Instant;
    let t = Instant::now();
    let text = std::fs::read_to_string(fx.yaml_path()).expect("reads");
    yaml_floor(black_box(&text));
    let floor = t.elapsed();
    drop(text);
    let t = Instant::now();
    let loaded = load_paths(&[fx.yaml_path()], options).expect("loads");
    let report = Linter::new().check(&loaded);
    let mut out = std::io::BufWriter::new(sink());
    json::write(&report, &mut out).expect("sink");
    let full = t.elapsed();
    drop((report, loaded));
    format!(
        "{}\t{}\t{floor:.2?}\t{full:.2?}\t{:.1}",
        fx.teams,
        fx.yaml_len,
        full.as_secs_f64() / floor.as_secs_f64()
    )
}

/// serde-saphyr parsing `text` and skipping every value, with no budget
/// (its default one refuses a file this large).
#[cfg(feature = "yaml")]
fn yaml_floor(text: &str) {
    let mut options = serde_saphyr::Options::default();
    options.budget = None;
    serde_saphyr::from_str_with_options::<serde::de::IgnoredAny>(text, options)
        .expect("valid YAML");
}

#[cfg(not(feature = "yaml"))]
fn yaml_floor(_: &str) {}

fn scale(c: &mut Criterion) {
    let cap = max_teams();
    if std::env::var_os("OPMODEL_BENCH_PHASES").is_some() {
        phases(cap);
        return;
    }
    for teams in SIZES.into_iter().filter(|&t| t <= cap) {
        let fx = fixture(teams);
        let mut g = c.benchmark_group(format!("scale/{teams}-teams"));
        g.sample_size(10);
        g.sampling_mode(SamplingMode::Flat);
        g.warm_up_time(Duration::from_millis(500));
        g.measurement_time(Duration::from_secs(if teams >= 100_000 { 20 } else { 3 }));
        let json_len = fx.json.len() as u64;

        g.throughput(Throughput::Bytes(json_len));
        g.bench_function(BenchmarkId::new("floor-serde-ignored-any", "json"), |b| {
            b.iter(|| {
                serde_json::from_slice::<serde::de::IgnoredAny>(black_box(&fx.json)).expect("valid")
            });
        });
        g.bench_function(BenchmarkId::new("load", "json"), |b| {
            b.iter(|| load(&fx.json_path()))
        });

        g.throughput(Throughput::Bytes(fx.yaml_len));
        g.bench_function(BenchmarkId::new("load", "yaml"), |b| {
            b.iter(|| load(&fx.yaml_path()))
        });

        g.throughput(Throughput::Bytes(fx.folder_len));
        g.bench_function(BenchmarkId::new("load", "folder-json"), |b| {
            b.iter(|| load(&fx.folder()))
        });

        g.throughput(Throughput::Bytes(json_len));
        let loaded = load(&fx.json_path());
        g.bench_function(BenchmarkId::new("graph-build", "json"), |b| {
            b.iter(|| {
                OrgGraph::build(black_box(&loaded.model))
                    .diagnostics()
                    .len()
            });
        });
        drop(loaded);

        // The report as `--format json` renders it, into memory: the
        // rendering alone, without the system's cost of writing a file.
        let linter = Linter::new();
        let report = linter.check(&load(&fx.json_path()));
        let mut rendered = Vec::new();
        json::write(&report, &mut rendered).expect("in memory");
        g.throughput(Throughput::Bytes(rendered.len() as u64));
        g.bench_function(BenchmarkId::new("report-json", "json"), |b| {
            b.iter(|| {
                rendered.clear();
                json::write(black_box(&report), &mut rendered).expect("in memory");
                rendered.len()
            });
        });
        drop((report, rendered));

        g.throughput(Throughput::Bytes(json_len));
        g.bench_function(BenchmarkId::new("full-check", "json"), |b| {
            b.iter(|| {
                let loaded = load(&fx.json_path());
                let report = linter.check(&loaded);
                json::write(&report, &mut sink()).expect("sink");
                report.diagnostics.len()
            });
        });
        g.finish();
        let _ = std::fs::remove_dir_all(&fx.dir);
    }
}

criterion_group!(benches, scale);
criterion_main!(benches);
