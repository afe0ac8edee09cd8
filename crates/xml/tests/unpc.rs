//! The UN Parallel Corpus reader and the XCES link reader on the hand-written fixture
//! `fixtures/unpc/` (a resolution in Chinese and English, and their link file).

use std::path::Path;

use unpara_model::{Document, Lang, SourceFormat};
use unpara_xml::{link_documents, read_links, read_xml, select_group, ReadOptions, SentenceIds};

fn fixture(name: &str) -> (String, Vec<u8>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/unpc")
        .join(name);
    let bytes = std::fs::read(&path).expect("fixture exists");
    (path.to_string_lossy().into_owned(), bytes)
}

fn read(name: &str) -> (Document, Vec<u8>) {
    let (path, bytes) = fixture(name);
    let options = ReadOptions {
        path,
        ..ReadOptions::default()
    };
    (read_xml(&bytes, &options).expect("reads"), bytes)
}

#[test]
fn chinese_paragraphs_join_their_sentences_without_space() {
    let (zh, _) = read("zh.xml");
    assert_eq!(zh.source.format, SourceFormat::UnpcXml);
    assert_eq!(zh.language, Lang::Zh);
    assert_eq!(zh.metadata.symbol.as_deref(), Some("A/RES/73/3"));
    assert_eq!(zh.metadata.job_number.as_deref(), Some("N1832005"));
    let texts: Vec<&str> = zh.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "大会，",
            "回顾其2017年11月10日关于研究&开发合作的第72/5号决议，",
            "欢迎秘书长的报告。注意到自2017年以来取得的进展，鼓励会员国分享数据。又请各区域委员会作出贡献。",
            "决定将该项目列入其第七十四届会议临时议程。",
        ]
    );
    assert_eq!(
        zh.blocks[2].sentences,
        [
            "欢迎秘书长的报告。",
            "注意到自2017年以来取得的进展，鼓励会员国分享数据。",
            "又请各区域委员会作出贡献。"
        ]
    );
    assert!(zh.blocks.iter().all(|b| b.sentences.concat() == b.text));
    assert!(
        zh.diagnostics.warnings.is_empty(),
        "{:?}",
        zh.diagnostics.warnings
    );
}

#[test]
fn english_idnos_without_type_are_told_by_shape() {
    let (en, _) = read("en.xml");
    assert_eq!(en.language, Lang::En);
    assert_eq!(en.metadata.symbol.as_deref(), Some("A/RES/73/3"));
    assert_eq!(en.metadata.job_number.as_deref(), Some("N1832001"));
    let ids: Vec<&str> = en.blocks.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["b0", "b1", "b2", "b3"]);
    assert_eq!(
        en.blocks[1].text,
        "Recalling its resolution 72/5 of 10 November 2017 on research & development cooperation,"
    );
    assert_eq!(en.blocks[3].sentences.len(), 2);
    assert!(en.blocks.iter().all(|b| b.sentences.join(" ") == b.text));
}

#[test]
fn the_link_file_links_the_fixture() {
    let ((zh, zh_bytes), (en, en_bytes)) = (read("zh.xml"), read("en.xml"));
    let (_, links) = fixture("links.xml");
    let group = select_group(
        read_links(&links).expect("reads"),
        &zh.source.path,
        &en.source.path,
    )
    .expect("one group");
    let ids_zh = SentenceIds::unpc(&zh, &zh_bytes).expect("ids");
    let ids_en = SentenceIds::unpc(&en, &en_bytes).expect("ids");
    let linked = link_documents(&zh, &en, &ids_zh, &ids_en, &group.links).expect("links");
    let got: Vec<String> = linked
        .sentence_links
        .iter()
        .map(|l| format!("{};{} {}", l.a.join(" "), l.b.join(" "), l.score))
        .collect();
    assert_eq!(
        got,
        [
            "b0:0;b0:0 1",
            "b1:0;b1:0 1",
            "b2:0;b2:0 1",
            "b2:1;b2:1 b2:2 0.25",
            "b2:2;b2:3 1",
            "b3:0;b3:0 1",
            ";b3:1 1",
        ]
    );
    assert_eq!(linked.paragraph_links.len(), 4);
    assert!(linked.warnings.is_empty(), "{:?}", linked.warnings);
    // The same file the other way round is refused.
    let e = select_group(
        read_links(&links).expect("reads"),
        &en.source.path,
        &zh.source.path,
    )
    .expect_err("reversed");
    assert_eq!(
        e.to_string(),
        "the links go from zh.xml to en.xml (fromDoc, toDoc): give the two files in that order"
    );
}
