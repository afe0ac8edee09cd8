//! XCES sentence alignment, as OPUS and the United Nations Parallel Corpus ship it:
//! `<cesAlign>` with a `<linkGrp>` whose `<link xtargets="ids of a;ids of b">` name the
//! sentences (our sentence ids, `blockid:index`).

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, Event};
use quick_xml::Writer;
use unpara_model::{Alignment, Document};

use crate::pairs::shape;
use crate::WriteError;

/// The XCES alignment of a pair: `fromDoc`/`toDoc` are the source paths, `targType`
/// `s`; every sentence link is a `<link>` with `xtargets`, `type` (`1-2`, `0-1`, …) and
/// `certainty` (the score).
///
/// # Errors
/// [`WriteError::SameLanguage`] when both documents have one language, [`WriteError::Xml`] if the XML cannot be written.
pub fn alignment_xces(a: &Document, b: &Document, al: &Alignment) -> Result<String, WriteError> {
    crate::check_languages(a, b)?;
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
    let mut ces = BytesStart::new("cesAlign");
    ces.push_attribute(("version", "1.0"));
    w.write_event(Event::Start(ces))?;
    let mut group = BytesStart::new("linkGrp");
    group.push_attribute(("targType", "s"));
    group.push_attribute(("fromDoc", a.source.path.as_str()));
    group.push_attribute(("toDoc", b.source.path.as_str()));
    group.push_attribute(("fromLang", a.language.code()));
    group.push_attribute(("toLang", b.language.code()));
    w.write_event(Event::Start(group))?;
    for link in &al.sentence_links {
        let mut l = BytesStart::new("link");
        let targets = format!("{};{}", link.a.join(" "), link.b.join(" "));
        l.push_attribute(("xtargets", targets.as_str()));
        l.push_attribute(("type", shape(link).as_str()));
        l.push_attribute((
            "certainty",
            format!("{}", crate::wire::round(link.score)).as_str(),
        ));
        w.write_event(Event::Empty(l))?;
    }
    w.write_event(Event::End(BytesEnd::new("linkGrp")))?;
    w.write_event(Event::End(BytesEnd::new("cesAlign")))?;
    let mut s = String::from_utf8(w.into_inner()).map_err(|e| WriteError::Xml(e.to_string()))?;
    s.push('\n');
    Ok(s)
}
