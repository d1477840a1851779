//! The `banna` binary: parse the command line, set up logging, run.

use std::process::ExitCode;

use clap::Parser;

#[tokio::main]
async fn main() -> ExitCode {
    banna_border::telemetry::init();
    let cli = banna_border::cli::Cli::parse();
    banna_border::cli::run(cli).await
}
