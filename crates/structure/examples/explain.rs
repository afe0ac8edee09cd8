//! Prints why the structure stage cut a PDF's body into the blocks it did: the measures,
//! each page's body frame, and every draft block with the cue that began it.
//!
//! `cargo run --release -p unpara-structure --example explain -- FILE.pdf [zh|en]`

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: explain FILE.pdf [zh|en]");
        return ExitCode::from(64);
    };
    let lang = args.next().and_then(|l| unpara_model::Lang::parse(&l));
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("explain: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let layout = match unpara_pdf::read_pdf(&bytes, &Default::default()) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("explain: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match unpara_structure::explain(&layout, lang) {
        Ok(lines) => {
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            for l in lines {
                // A closed pipe (`| head`) ends the listing.
                if writeln!(out, "{l}").is_err() {
                    break;
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("explain: {path}: {e}");
            ExitCode::FAILURE
        }
    }
}
