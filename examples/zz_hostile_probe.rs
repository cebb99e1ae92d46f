use opmodel::Linter;
use opmodel::load::{LoadOptions, load_paths};

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/hostile");
    let mut names: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for p in names {
        println!("=== {}", p.display());
        match load_paths(&[&p], &LoadOptions::default()) {
            Err(e) => println!("ERR {e}"),
            Ok(l) => {
                let r = Linter::new().check(&l);
                for d in &r.diagnostics {
                    let loc = d.location.map(|l| (l.line, l.column));
                    let f = d.focus.as_ref().map(|f| (f.location.line, f.location.column));
                    println!("{} {} {:?} | {:?} | loc {:?} focus {:?}", d.check, d.entity.kind, d.entity.id, d.message, loc, f);
                }
            }
        }
    }
}
