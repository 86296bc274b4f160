//! The `carenav` command-line tool: check, convert and export directories,
//! build indexes, assess screenings and match client profiles.
//!
//! Output goes to standard output (or the file named with `--out`); progress
//! and diagnostics go to standard error. A client profile is sensitive: the
//! tool never writes it anywhere but where the caller asked.

mod cmd;
mod output;
mod progress;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The allocator of carenav's binaries (see the README's "Performance"):
/// building an index allocates and frees many small strings on every core,
/// where mimalloc spends a third of the time the system allocator does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Community resource directory and referral matching.
#[derive(Debug, Parser)]
#[command(name = "carenav", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate an HSDS 3.0 directory and print counts, errors and warnings.
    Check {
        /// HSDS 3.0 JSON/NDJSON file, folder of such files, or tabular data
        /// package; the embedded default directory when omitted.
        path: Option<PathBuf>,
        /// Fail on the first problem instead of loading every valid record.
        #[arg(long)]
        strict: bool,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Convert a legacy export to HSDS 3.0 JSON.
    Convert {
        /// Source format: ohana, linksf, hsds1, florida (or ilao).
        #[arg(long = "from")]
        from: String,
        /// The export's folder or file.
        input: PathBuf,
        /// Where to write the HSDS 3.0 JSON.
        #[arg(long)]
        out: PathBuf,
    },
    /// Write a directory back as HSDS 3.0 JSON.
    Export {
        /// HSDS 3.0 input (any form `check` reads).
        path: PathBuf,
        /// Where to write the JSON array of services.
        #[arg(long)]
        out: PathBuf,
    },
    /// Build a search index of a directory on disk.
    Index {
        /// HSDS 3.0 input (any form `check` reads).
        path: PathBuf,
        /// A new or empty folder for the index.
        #[arg(long)]
        out: PathBuf,
    },
    /// Match a client profile: referrals per need, with reasons and caveats.
    Match(cmd::matching::MatchArgs),
    /// Generate a synthetic directory (and client profiles) for benchmarks.
    Generate(cmd::generate::GenerateArgs),
    /// Propose a care plan (referrals per need, benefit actions) and export
    /// it as JSON, a FHIR R4 Bundle, or a printable Markdown or HTML plan.
    Plan(cmd::plan::PlanArgs),
    /// Turn screening answers (AHC HRSN, Hunger Vital Sign, PRAPARE; simple
    /// JSON or a FHIR QuestionnaireResponse) into assessed needs.
    Assess {
        /// The answers file.
        answers: PathBuf,
        /// A base profile to merge the assessed needs into (the case
        /// manager's entries win); prints the resulting profile.
        #[arg(long)]
        profile: Option<PathBuf>,
    },
    /// List the need domains.
    Needs {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check { path, strict, json } => cmd::check::run(path.as_deref(), strict, json),
        Command::Convert { from, input, out } => cmd::convert::run(&from, &input, &out),
        Command::Export { path, out } => cmd::convert::export(&path, &out),
        Command::Index { path, out } => cmd::matching::index(&path, &out),
        Command::Match(args) => cmd::matching::run(&args),
        Command::Generate(args) => cmd::generate::run(&args),
        Command::Plan(args) => cmd::plan::run(&args),
        Command::Assess { answers, profile } => cmd::needs::assess(&answers, profile.as_deref()),
        Command::Needs { json } => cmd::needs::list(json),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
