//! `unpara schema [document|alignment]`: the JSON Schema of the output.

use anyhow::{bail, Result};

use crate::pipeline::write_output;

/// Flags of `unpara schema`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Which output: `document` (extract) or `alignment` (align --format json).
    #[arg(default_value = "alignment", value_parser = ["document", "alignment"])]
    which: String,
}

pub(crate) fn run(args: &Args) -> Result<()> {
    let Some(schema) = unpara_writers::json_schema(&args.which) else {
        bail!("no schema named {}", args.which);
    };
    write_output(None, &schema)
}
