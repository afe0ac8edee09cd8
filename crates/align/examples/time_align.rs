//! Times the alignment stage alone (paragraph and sentence links) on a document pair:
//! `cargo run --release -p unpara-align --example time_align [ZH.pdf EN.pdf [ROUNDS]]`.
//! Prints the sentence links found and the time per 1 000 sentence pairs.

use std::time::Instant;

use unpara_model::{Lang, Source, SourceFormat};

fn document(path: &str, lang: Lang) -> Result<unpara_model::Document, Box<dyn std::error::Error>> {
    let bytes = std::fs::read(path)?;
    let layout = unpara_pdf::read_pdf(&bytes, &Default::default())?;
    let source = Source {
        path: path.into(),
        format: SourceFormat::Pdf,
        sha256: String::new(),
        pages: layout.pages.len() as u32,
        producer: None,
    };
    let mut doc = unpara_structure::build_document(&layout, source, Some(lang))?;
    unpara_sentences::segment_document(&mut doc);
    Ok(doc)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let zh = args
        .get(1)
        .map_or("fixtures/CAC_COSP_WG.4_2017_4/zh.pdf", String::as_str);
    let en = args
        .get(2)
        .map_or("fixtures/CAC_COSP_WG.4_2017_4/en.pdf", String::as_str);
    let rounds: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(200);
    let (a, b) = (document(zh, Lang::Zh)?, document(en, Lang::En)?);
    let start = Instant::now();
    let mut links = 0;
    for _ in 0..rounds {
        links = unpara_align::align(&a, &b).sentence_links.len();
    }
    let per_round = start.elapsed().as_secs_f64() / rounds as f64;
    println!(
        "{links} sentence links, {:.3} ms per alignment, {:.2} ms per 1000 sentence pairs ({rounds} rounds)",
        per_round * 1e3,
        per_round * 1e3 * 1000.0 / links.max(1) as f64
    );
    Ok(())
}
