//! TMX 1.4b (LISA, "Translation Memory eXchange", 2004): one `<tu>` per sentence link
//! that has both sides.

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use unpara_model::{Alignment, Document};

use crate::pairs::{group, pairs, xml_safe};
use crate::{Export, WriteError};

/// The translation memory of an aligned pair. `srclang` is the documents' original
/// language when the front page names one of the two (`Original: English`), else
/// `*all*` (TMX 1.4b section 3.1: any language may be the source). Language tags are
/// `export`'s (`zh-CN` for `zh` with `--lang-tag zh=zh-CN`). Each `<tu>` has a `tuid`
/// (the pair's group, `:` and the link's position, 1-based) and carries
/// `<prop type="x-symbol">` (the document symbol), `<prop type="x-score">` and
/// `<prop type="x-ids">`; each `<tuv>` carries `<prop type="source-document">`, the
/// path of the document it comes from (what tmxutil reads), then its `<seg>`.
/// One-sided links are left out (a TMX unit needs both), and so are the links
/// `export` drops.
///
/// # Errors
/// [`WriteError::SameLanguage`] when both documents have one language, [`WriteError::Xml`] if the XML cannot be written.
pub fn alignment_tmx(
    a: &Document,
    b: &Document,
    al: &Alignment,
    export: &Export,
) -> Result<String, WriteError> {
    crate::check_languages(a, b)?;
    let (ka, kb) = (export.tag(a.language), export.tag(b.language));
    let original = a
        .metadata
        .original_language
        .or(b.metadata.original_language);
    let srclang = match original {
        Some(l) if l == b.language => kb,
        Some(l) if l == a.language => ka,
        _ => "*all*",
    };
    let mut s = tmx_head(srclang)?;
    s.push_str(&tmx_units(a, b, al, export)?);
    s.push_str(TMX_TAIL);
    Ok(s)
}

/// The end of a TMX document whose head is [`tmx_head`].
pub const TMX_TAIL: &str = "  </body>\n</tmx>\n";

/// The start of a TMX document: declaration, `<tmx version="1.4">`, the `<header>`
/// with `srclang` (a language tag, or `*all*`), and `<body>`; units follow, then
/// [`TMX_TAIL`]. For a corpus-wide memory made of several pairs' [`tmx_units`].
///
/// # Errors
/// [`WriteError::Xml`] if the XML cannot be written.
pub fn tmx_head(srclang: &str) -> Result<String, WriteError> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let mut tmx = BytesStart::new("tmx");
    tmx.push_attribute(("version", "1.4"));
    w.write_event(Event::Start(tmx))?;
    let mut header = BytesStart::new("header");
    for (k, v) in [
        ("creationtool", "unpara"),
        ("creationtoolversion", env!("CARGO_PKG_VERSION")),
        ("segtype", "sentence"),
        ("o-tmf", "unpara"),
        ("adminlang", "en"),
        ("srclang", xml_safe(srclang).as_str()),
        ("datatype", "plaintext"),
    ] {
        header.push_attribute((k, v));
    }
    w.write_event(Event::Empty(header))?;
    w.write_event(Event::Start(BytesStart::new("body")))?;
    let mut s = String::from_utf8(w.into_inner()).map_err(|e| WriteError::Xml(e.to_string()))?;
    s.push('\n');
    Ok(s)
}

/// The `<tu>` elements of an aligned pair (see [`alignment_tmx`]), for a TMX body.
///
/// # Errors
/// [`WriteError::SameLanguage`] when both documents have one language, [`WriteError::Xml`] if the XML cannot be written.
pub fn tmx_units(
    a: &Document,
    b: &Document,
    al: &Alignment,
    export: &Export,
) -> Result<String, WriteError> {
    crate::check_languages(a, b)?;
    let (ka, kb) = (export.tag(a.language), export.tag(b.language));
    let group = xml_safe(&group(a, b, export));
    let symbol = a
        .metadata
        .symbol
        .as_ref()
        .or(b.metadata.symbol.as_ref())
        .map(|s| xml_safe(s));
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    for (n, p) in pairs(a, b, al, export).into_iter().enumerate() {
        if p.link.a.is_empty() || p.link.b.is_empty() {
            continue;
        }
        let mut tu = BytesStart::new("tu");
        tu.push_attribute(("tuid", format!("{group}:{}", n + 1).as_str()));
        w.write_event(Event::Start(tu))?;
        let ids = format!("{};{}", p.link.a.join(" "), p.link.b.join(" "));
        let score = format!("{}", crate::wire::round(p.link.score));
        unit_props(&mut w, symbol.as_deref(), &score, &ids)?;
        for (lang, text, doc) in [(ka, &p.a, a), (kb, &p.b, b)] {
            variant(&mut w, lang, &doc.source.path, text)?;
        }
        w.write_event(Event::End(BytesEnd::new("tu")))?;
    }
    let mut s = String::from_utf8(w.into_inner()).map_err(|e| WriteError::Xml(e.to_string()))?;
    if !s.is_empty() {
        s.push('\n');
    }
    Ok(s)
}

/// A unit's props: `x-symbol` (when the documents print one), `x-score`, `x-ids`.
pub(crate) fn unit_props(
    w: &mut Writer<Vec<u8>>,
    symbol: Option<&str>,
    score: &str,
    ids: &str,
) -> Result<(), WriteError> {
    for (kind, value) in [
        ("x-symbol", symbol),
        ("x-score", Some(score)),
        ("x-ids", Some(ids)),
    ] {
        let Some(value) = value else { continue };
        let mut prop = BytesStart::new("prop");
        prop.push_attribute(("type", kind));
        w.write_event(Event::Start(prop))?;
        w.write_event(Event::Text(BytesText::new(value)))?;
        w.write_event(Event::End(BytesEnd::new("prop")))?;
    }
    Ok(())
}

/// One `<tuv xml:lang>`: the `source-document` prop (the input's path, what tmxutil
/// reads), then the `<seg>`.
pub(crate) fn variant(
    w: &mut Writer<Vec<u8>>,
    lang: &str,
    path: &str,
    text: &str,
) -> Result<(), WriteError> {
    let mut tuv = BytesStart::new("tuv");
    tuv.push_attribute(("xml:lang", lang));
    w.write_event(Event::Start(tuv))?;
    let mut prop = BytesStart::new("prop");
    prop.push_attribute(("type", "source-document"));
    w.write_event(Event::Start(prop))?;
    w.write_event(Event::Text(BytesText::new(&xml_safe(path))))?;
    w.write_event(Event::End(BytesEnd::new("prop")))?;
    w.write_event(Event::Start(BytesStart::new("seg")))?;
    w.write_event(Event::Text(BytesText::new(text)))?;
    w.write_event(Event::End(BytesEnd::new("seg")))?;
    w.write_event(Event::End(BytesEnd::new("tuv")))?;
    Ok(())
}
