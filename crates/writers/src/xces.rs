//! XCES sentence alignment, as OPUS and the United Nations Parallel Corpus ship it:
//! `<cesAlign>` with a `<linkGrp>` whose `<link xtargets="ids of a;ids of b">` name the
//! sentences, and the sentence documents they name (OPUS "raw" style: one XML file per
//! language, `<s id>` elements inside `<p id>`), so that OPUS tools (`opus_read -p raw
//! -af ALIGNMENT`) read the pair end to end.

use std::collections::HashMap;

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use unpara_model::{Alignment, Document};

use crate::pairs::{shape, xml_safe};
use crate::WriteError;

/// The sentence documents an XCES alignment points at, and the ids to use.
#[derive(Debug, Clone, Default)]
pub struct SentenceDocs {
    /// `fromDoc`: the file name of side a's sentence document, relative to the folder
    /// of the alignment file (OPUS resolves it so).
    pub from_doc: String,
    /// `toDoc`: the same for side b.
    pub to_doc: String,
    /// Side a's sentence ids as its source file gives them (a UN Parallel Corpus
    /// file's `3:2`), by our id (`b2:1`); sentences missing here keep ours.
    pub ids_a: HashMap<String, String>,
    /// The same for side b.
    pub ids_b: HashMap<String, String>,
}

fn rename<'a>(ids: &'a HashMap<String, String>, id: &'a str) -> &'a str {
    ids.get(id).map_or(id, String::as_str)
}

/// The XCES alignment of a pair: `fromDoc`/`toDoc` name the sentence documents of
/// `docs`, `targType` `s`; every sentence link is a `<link>` with `xtargets`, `type`
/// (`1-2`, `0-1`, …) and `certainty` (the score).
///
/// # Errors
/// [`WriteError::SameLanguage`] when both documents have one language, [`WriteError::Xml`] if the XML cannot be written.
pub fn alignment_xces(
    a: &Document,
    b: &Document,
    al: &Alignment,
    docs: &SentenceDocs,
) -> Result<String, WriteError> {
    let mut s = XCES_HEAD.to_string();
    s.push_str(&xces_link_group(a, b, al, docs)?);
    s.push_str(XCES_TAIL);
    Ok(s)
}

/// The start of an XCES alignment: declaration and `<cesAlign version="1.0">`; link
/// groups ([`xces_link_group`]) follow, then [`XCES_TAIL`].
pub const XCES_HEAD: &str =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<cesAlign version=\"1.0\">\n";

/// The end of an XCES alignment whose start is [`XCES_HEAD`].
pub const XCES_TAIL: &str = "</cesAlign>\n";

/// One pair's `<linkGrp>` (see [`alignment_xces`]), for an alignment of several pairs
/// (a corpus: one group per document pair, as OPUS ships them).
///
/// # Errors
/// [`WriteError::SameLanguage`] when both documents have one language, [`WriteError::Xml`] if the XML cannot be written.
pub fn xces_link_group(
    a: &Document,
    b: &Document,
    al: &Alignment,
    docs: &SentenceDocs,
) -> Result<String, WriteError> {
    crate::check_languages(a, b)?;
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let mut group = BytesStart::new("linkGrp");
    group.push_attribute(("targType", "s"));
    group.push_attribute(("fromDoc", xml_safe(&docs.from_doc).as_str()));
    group.push_attribute(("toDoc", xml_safe(&docs.to_doc).as_str()));
    group.push_attribute(("fromLang", a.language.code()));
    group.push_attribute(("toLang", b.language.code()));
    w.write_event(Event::Start(group))?;
    for link in &al.sentence_links {
        let side = |ids: &[String], names: &HashMap<String, String>| {
            ids.iter()
                .map(|i| rename(names, i))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut l = BytesStart::new("link");
        let targets = format!(
            "{};{}",
            side(&link.a, &docs.ids_a),
            side(&link.b, &docs.ids_b)
        );
        l.push_attribute(("xtargets", targets.as_str()));
        l.push_attribute(("type", shape(link).as_str()));
        l.push_attribute((
            "certainty",
            format!("{}", crate::wire::round(link.score)).as_str(),
        ));
        w.write_event(Event::Empty(l))?;
    }
    w.write_event(Event::End(BytesEnd::new("linkGrp")))?;
    let mut s = String::from_utf8(w.into_inner()).map_err(|e| WriteError::Xml(e.to_string()))?;
    s.push('\n');
    Ok(s)
}

/// The sentence document of one side, as OPUS ships its "raw" files: `<document id>`
/// (the document symbol, else its path), one `<p id>` per block that has sentences,
/// one `<s id>` per sentence with its text (whitespace runs as one space). Ids are
/// `ids`' where it names a sentence, else ours (`b3:0`).
///
/// # Errors
/// [`WriteError::Xml`] if the XML cannot be written.
pub fn sentence_document(
    doc: &Document,
    ids: &HashMap<String, String>,
) -> Result<String, WriteError> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 1);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
    let mut root = BytesStart::new("document");
    let name = doc.metadata.symbol.as_deref().unwrap_or(&doc.source.path);
    root.push_attribute(("id", xml_safe(name).as_str()));
    w.write_event(Event::Start(root))?;
    for block in doc.blocks.iter().filter(|b| !b.sentences.is_empty()) {
        let mut p = BytesStart::new("p");
        p.push_attribute(("id", xml_safe(&block.id).as_str()));
        w.write_event(Event::Start(p))?;
        for (i, text) in block.sentences.iter().enumerate() {
            let ours = format!("{}:{i}", block.id);
            let mut s = BytesStart::new("s");
            s.push_attribute(("id", xml_safe(rename(ids, &ours)).as_str()));
            w.write_event(Event::Start(s))?;
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            w.write_event(Event::Text(BytesText::new(&xml_safe(&text))))?;
            w.write_event(Event::End(BytesEnd::new("s")))?;
        }
        w.write_event(Event::End(BytesEnd::new("p")))?;
    }
    w.write_event(Event::End(BytesEnd::new("document")))?;
    let mut s = String::from_utf8(w.into_inner()).map_err(|e| WriteError::Xml(e.to_string()))?;
    s.push('\n');
    Ok(s)
}
