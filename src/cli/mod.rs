//! Argument parsing and the subcommands. Each subcommand is a thin layer
//! over the library.

mod args;
mod check_cmd;
mod common;
mod completions_cmd;
mod diff_cmd;
mod explain_cmd;
mod graph_cmd;
mod import_cmd;
mod init_cmd;
mod report_cmd;
mod schema_cmd;

use clap::Parser;

use args::{Cli, Command};

/// Exit status when the command could not run.
pub(crate) const EXIT_USAGE: u8 = 2;

/// Parses the arguments, runs the subcommand, returns the exit status.
pub(crate) fn run() -> u8 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match cli.command {
        Command::Check(args) => check_cmd::run(&args),
        Command::Explain(args) => explain_cmd::explain(&args),
        Command::Checks(args) => explain_cmd::list(&args),
        Command::Graph(args) => graph_cmd::run(&args),
        Command::Report(args) => report_cmd::run(&args),
        Command::Init(args) => init_cmd::run(&args),
        Command::Completions(args) => completions_cmd::run(&args),
        Command::Diff(args) => diff_cmd::run(&args),
        Command::Schema(args) => schema_cmd::run(&args),
        Command::Import(args) => import_cmd::run(&args),
    }
}

/// Prints an error in the house style and returns the usage exit status.
pub(crate) fn fail(message: impl std::fmt::Display) -> u8 {
    eprintln!("error: {message}");
    EXIT_USAGE
}
