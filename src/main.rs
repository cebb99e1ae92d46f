//! The `opmodel` command-line tool: `opmodel check org/` lints an org's
//! operating model like a linter lints code. See `opmodel --help`.

#![forbid(unsafe_code)]

mod cli;

use std::process::ExitCode;

// A big org is about a million small strings and vectors: glibc's allocator
// spends a tenth of a check in malloc and free, mimalloc far less.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // User input must never end in a Rust panic's exit status (101): if a bug
    // slips through, say so plainly and exit 2 ("could not run").
    std::panic::set_hook(Box::new(|info| {
        eprintln!("error: internal error in opmodel: {info}");
        eprintln!("  help: this is a bug; please report it with the input that caused it");
    }));
    match std::panic::catch_unwind(cli::run) {
        Ok(code) => ExitCode::from(code),
        Err(_) => ExitCode::from(2),
    }
}
