//! Criterion benchmarks of each stage on real documents, so that a regression shows
//! where it is: the PDF reader (lopdf's load, the content interpreter and the layout:
//! `read_pdf`), the structure stage (`build_document`), the sentence stage
//! (`segment_document`), the alignment (`align`) and the JSON writer
//! (`document_json`). Inputs: the committed fixture pair, and `S_2013_220.pdf` of the
//! shared corpus when it is there. `cargo bench -p unpara-batch`.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use unpara_model::{Document, Lang, Layout, Source, SourceFormat};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn bytes(relative: &str) -> Option<Vec<u8>> {
    std::fs::read(Path::new(ROOT).join(relative)).ok()
}

fn source(layout: &Layout) -> Source {
    Source {
        path: "bench.pdf".into(),
        format: SourceFormat::Pdf,
        sha256: String::new(),
        pages: layout.pages.len() as u32,
        producer: layout.producer.clone(),
    }
}

fn layout(pdf: &[u8]) -> Layout {
    unpara_pdf::read_pdf(pdf, &Default::default()).expect("bench input reads")
}

fn structured(pdf: &[u8], lang: Lang) -> Document {
    let l = layout(pdf);
    unpara_structure::build_document(&l, source(&l), Some(lang)).expect("bench input structures")
}

fn stages(c: &mut Criterion) {
    let mut inputs = vec![
        ("cac-en", "fixtures/CAC_COSP_WG.4_2017_4/en.pdf", Lang::En),
        ("cac-zh", "fixtures/CAC_COSP_WG.4_2017_4/zh.pdf", Lang::Zh),
    ];
    if bytes("../shared/corpus/un-en/S_2013_220.pdf").is_some() {
        inputs.push((
            "s-2013-220",
            "../shared/corpus/un-en/S_2013_220.pdf",
            Lang::En,
        ));
    } else {
        eprintln!("skipped: S_2013_220.pdf (../shared/corpus is absent)");
    }
    for (name, path, lang) in inputs {
        let Some(pdf) = bytes(path) else {
            eprintln!("skipped: {path} is missing");
            continue;
        };
        let l = layout(&pdf);
        let doc = structured(&pdf, lang);
        let mut segmented = doc.clone();
        unpara_sentences::segment_document(&mut segmented);
        let mut g = c.benchmark_group(name);
        g.sample_size(30);
        g.bench_function("pdf: read_pdf", |b| {
            b.iter(|| unpara_pdf::read_pdf(black_box(&pdf), &Default::default()))
        });
        g.bench_function("structure: build_document", |b| {
            b.iter(|| unpara_structure::build_document(black_box(&l), source(&l), Some(lang)))
        });
        g.bench_function("sentences: segment_document", |b| {
            b.iter_batched(
                || doc.clone(),
                |mut d| unpara_sentences::segment_document(&mut d),
                criterion::BatchSize::LargeInput,
            )
        });
        g.bench_function("writers: document_json", |b| {
            b.iter(|| unpara_writers::document_json(black_box(&segmented)))
        });
        g.finish();
    }
    if let (Some(zh), Some(en)) = (
        bytes("fixtures/CAC_COSP_WG.4_2017_4/zh.pdf"),
        bytes("fixtures/CAC_COSP_WG.4_2017_4/en.pdf"),
    ) {
        let mut a = structured(&zh, Lang::Zh);
        let mut b = structured(&en, Lang::En);
        unpara_sentences::segment_document(&mut a);
        unpara_sentences::segment_document(&mut b);
        let mut g = c.benchmark_group("cac-pair");
        g.sample_size(30);
        g.bench_function("align: align", |bench| {
            bench.iter(|| unpara_align::align(black_box(&a), black_box(&b)))
        });
        g.finish();
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
