//! Reads one XML file with `unpara_xml::read_xml` and prints the size of the document
//! model (blocks, sentences, text bytes), nothing else: `bench/unpc_stream.sh` takes
//! its peak RSS as the reader's own, apart from the pipeline's JSON writing.
//!
//! Usage: `cargo run --release -p unpara-xml --example unpc_read -- FILE.xml`

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: unpc_read FILE.xml");
        std::process::exit(64);
    };
    let bytes = std::fs::read(&path)?;
    let options = unpara_xml::ReadOptions {
        path: path.clone(),
        ..unpara_xml::ReadOptions::default()
    };
    let doc = unpara_xml::read_xml(&bytes, &options)?;
    let sentences: usize = doc.blocks.iter().map(|b| b.sentences.len()).sum();
    let text: usize = doc
        .blocks
        .iter()
        .map(|b| b.text.len() + b.sentences.iter().map(String::len).sum::<usize>())
        .sum();
    println!("{} {} {}", doc.blocks.len(), sentences, text);
    Ok(())
}
