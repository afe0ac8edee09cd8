//! The `unpara` command line: wires the pipeline stages, nothing more.
#![forbid(unsafe_code)]

mod align;
mod align_set;
mod batch;
mod check;
mod extract;
mod pipeline;
mod review;
mod schema;
mod text;

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// unpara: UN documents (PDF, Word, XML) → page text, structured JSON (schema "1"),
/// aligned Chinese–English pairs (JSON, JSON Lines, TMX, XCES, Moses), batch runs.
///
/// Exit codes: 0 success, 1 error (bad input, unreadable file; in `batch`, some inputs
/// failed while the others were converted), 2 encrypted document without the right
/// password, 3 a limit was hit (`--max-inflate`), 64 bad usage.
#[derive(Parser)]
#[command(
    name = "unpara",
    version,
    about,
    long_about = None,
    after_help = "Exit codes: 0 success; 1 error (unreadable or damaged input, no text; \
                  batch: some inputs failed or a group could not be written, the rest was \
                  converted); 2 encrypted document without the right password; 3 a limit \
                  was hit (--max-inflate); 64 bad usage."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract one document: metadata, blocks, footnotes → JSON.
    Extract(extract::Args),
    /// Print the text of a PDF's pages in reading order (like pdftotext), or its lines as JSON.
    Text(text::Args),
    /// Convert folders of documents: group language versions by symbol, align pairs (sets of up to six),
    /// extract the rest; with corpus.jsonl and run-report.json.
    Batch(batch::Args),
    /// Re-run fixtures that have an approved `*.expected.json` beside them and show
    /// what changed, block by block (exit 1 when anything did); `--update` accepts it.
    Check(check::Args),
    /// Print the JSON Schema of the JSON output (generated from the writer's types).
    Schema(schema::Args),
    /// Extract two language versions of a document (or up to six: one set) and align them → JSON.
    Align(align::Args),
    /// Write the side-by-side review page (self-contained HTML) of an alignment JSON.
    Review(review::Args),
    /// Reads one input for `batch` in a process of its own (internal).
    #[command(hide = true)]
    ReadWorker(batch::worker::Args),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 64 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Extract(a) => extract::run(&a),
        Command::Align(a) => align::run(&a),
        Command::Text(a) => text::run(&a),
        Command::Batch(a) => batch::run(&a),
        Command::Check(a) => check::run(&a),
        Command::Schema(a) => schema::run(&a),
        Command::Review(a) => review::run(&a),
        Command::ReadWorker(a) => batch::worker::run(&a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // A closed stdout pipe (`unpara extract … | head`) is not an error.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            let _ = writeln!(std::io::stderr(), "unpara: {e:#}");
            ExitCode::from(pipeline::exit_code(&e))
        }
    }
}
