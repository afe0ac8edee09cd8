//! Prints every line of a PDF with its position and spans (a debugging aid).
//! `cargo run -p unpara-pdf --example dump_lines -- FILE.pdf`
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: dump_lines FILE.pdf")?;
    let layout = unpara_pdf::read_pdf(&std::fs::read(&path)?, &Default::default())?;
    for (i, f) in layout.fonts.iter().enumerate() {
        println!("font {i}: {} bold={} italic={}", f.name, f.bold, f.italic);
    }
    for page in &layout.pages {
        println!(
            "=== page {} ({} x {}) rules {:?}",
            page.number, page.width, page.height, page.rules
        );
        for l in &page.lines {
            let spans: Vec<String> = l
                .spans
                .iter()
                .map(|s| {
                    format!(
                        "[{:.1} {:.1} f{} {:.1}|{}]",
                        s.x0, s.baseline, s.font, s.size, s.text
                    )
                })
                .collect();
            println!(
                "{:6.1} {:6.1} {:4.1} {}",
                l.x0,
                l.baseline,
                l.size,
                spans.join("")
            );
        }
    }
    println!(
        "undecodable {} warnings {:?}",
        layout.undecodable_glyphs, layout.warnings
    );
    Ok(())
}
