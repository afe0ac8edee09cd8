//! Prints the blocks of a PDF (a debugging aid).
//! `cargo run -p unpara-structure --example dump_blocks -- FILE.pdf`
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: dump_blocks FILE.pdf")?;
    let layout = unpara_pdf::read_pdf(&std::fs::read(&path)?, &Default::default())?;
    let source = unpara_model::Source {
        path: path.clone(),
        format: unpara_model::SourceFormat::Pdf,
        sha256: String::new(),
        pages: layout.pages.len() as u32,
        producer: None,
    };
    let doc = unpara_structure::build_document(&layout, source, None)?;
    println!("{:?} {:?}", doc.language, doc.metadata);
    for b in &doc.blocks {
        println!(
            "{} {:?} {:?} L{:?} n{:?} p{:?} {:?} refs{:?} | {}",
            b.id, b.kind, b.label, b.level, b.number, b.parent, b.pages, b.footnote_refs, b.text
        );
    }
    for f in &doc.footnotes {
        println!("FN {} p{} {:?} | {}", f.marker, f.page, f.block, f.text);
    }
    println!("{:?}", doc.diagnostics);
    Ok(())
}
