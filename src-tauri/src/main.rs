use std::process::ExitCode;

use clap::Parser;
use quarterdeck::cli::{self, Cli};

fn main() -> ExitCode {
    let args = Cli::parse();
    if let Err(err) = quarterdeck::clock::init() {
        return fail(&err);
    }
    let db = match args.db.map(Ok).unwrap_or_else(quarterdeck::disk::paths::default_db) {
        Ok(path) => path,
        Err(err) => return fail(&err),
    };
    let result = match args.command {
        Some(command) => {
            cli::stderr_log::init();
            cli::run(&db, command, &mut std::io::stdout().lock())
        }
        None => quarterdeck::app::run(db),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // `quarterdeck events | head -1`: the reader has what it wanted; stop quietly, as command-line tools do.
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(err) => fail(&err),
    }
}

fn fail(err: &quarterdeck::Error) -> ExitCode {
    eprintln!("quarterdeck: {err}");
    ExitCode::FAILURE
}
