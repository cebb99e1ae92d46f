//! `opmodel completions SHELL`: a completion script for the shell.

use clap::CommandFactory as _;

use super::args::{Cli, CompletionsArgs};
use super::common;

pub(crate) fn run(args: &CompletionsArgs) -> u8 {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "opmodel", &mut script);
    match common::write_stdout(&String::from_utf8_lossy(&script)) {
        Ok(()) => 0,
        Err(code) => code,
    }
}
