//! `unpara schema [document|alignment|set]`: the JSON Schema of the output.

use anyhow::{bail, Result};

use crate::pipeline::write_output;

/// Flags of `unpara schema`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Which output: `document` (extract), `alignment` (align of two files, --format
    /// json) or `set` (align of three to six files).
    #[arg(default_value = "alignment", value_parser = ["document", "alignment", "set"])]
    which: String,
}

pub(crate) fn run(args: &Args) -> Result<()> {
    let Some(schema) = unpara_writers::json_schema(&args.which) else {
        bail!("no schema named {}", args.which);
    };
    write_output(None, &schema)
}
