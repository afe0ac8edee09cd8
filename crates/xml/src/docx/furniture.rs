//! Headers and footers (ECMA-376 Part 1, §17.10): the texts of their paragraphs, the
//! header and footer printed on the first page first.
//!
//! The first page belongs to the document's first section, whose properties are the
//! first `w:sectPr` in document order (the one in the last paragraph of that section,
//! §17.6.18, or the body's own, §17.6.17, when there is one section). With `w:titlePg`
//! set (§17.10.6) its first page prints the header and footer referenced with
//! `w:type="first"`, otherwise those with `w:type="default"` (§17.10.5
//! `w:headerReference`, §17.10.2 `w:footerReference`); a reference names a relationship
//! of `word/_rels/document.xml.rels` (Part 2, §9.3) whose target is the part.

use super::body::MAX_TEXT_BOX_DEPTH;
use super::compat::walk_choice;
use super::package::Parts;
use super::styles::{attr, on_off};
use crate::xml::{walk, Ev};
use crate::XmlError;

/// The relationship ids of the header and footer printed on the first page.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct FirstSection {
    title_page: bool,
    first_header: Option<String>,
    default_header: Option<String>,
    first_footer: Option<String>,
    default_footer: Option<String>,
}

impl FirstSection {
    /// Relationship ids of the first page's header and footer, in that order.
    fn page_one(&self) -> [Option<&str>; 2] {
        if self.title_page {
            [self.first_header.as_deref(), self.first_footer.as_deref()]
        } else {
            [
                self.default_header.as_deref(),
                self.default_footer.as_deref(),
            ]
        }
    }
}

/// Finds the first section's properties among the events of `word/document.xml`.
#[derive(Debug, Default)]
pub(crate) struct SectionReader {
    /// Inside the first `w:sectPr`.
    open: bool,
    /// Inside `w:sectPrChange` (a tracked change's former properties, not in force).
    change: u32,
    done: bool,
    first: FirstSection,
}

impl SectionReader {
    /// Looks at one event of the document.
    pub(crate) fn see(&mut self, ev: &Ev) {
        match ev {
            Ev::Start { name, attrs } => match name.as_str() {
                "sectPrChange" => self.change = self.change.saturating_add(1),
                "sectPr" if !self.done && self.change == 0 => self.open = true,
                "titlePg" if self.open && self.change == 0 => {
                    self.first.title_page = on_off(attrs);
                }
                "headerReference" | "footerReference" if self.open && self.change == 0 => {
                    let id = attr(attrs, "id").map(str::to_string);
                    let f = &mut self.first;
                    let slot = match (name.as_str(), attr(attrs, "type")) {
                        ("headerReference", Some("first")) => &mut f.first_header,
                        ("headerReference", Some("default") | None) => &mut f.default_header,
                        ("footerReference", Some("first")) => &mut f.first_footer,
                        ("footerReference", Some("default") | None) => &mut f.default_footer,
                        _ => return,
                    };
                    *slot = id;
                }
                _ => {}
            },
            Ev::End { name } => match name.as_str() {
                "sectPrChange" => self.change = self.change.saturating_sub(1),
                "sectPr" if self.open && self.change == 0 => {
                    self.open = false;
                    self.done = true;
                }
                _ => {}
            },
            Ev::Text(_) => {}
        }
    }

    /// What was found.
    pub(crate) fn finish(self) -> FirstSection {
        self.first
    }
}

/// Whether a part is a header or a footer (by the names Word and LibreOffice give them).
fn is_header_or_footer(name: &str) -> bool {
    (name.starts_with("word/header") || name.starts_with("word/footer")) && name.ends_with(".xml")
}

/// Part name order, numbers compared as numbers (`header2` before `header10`).
fn name_key(name: &str) -> (&str, u64, &str) {
    let stem = name.strip_suffix(".xml").unwrap_or(name);
    let prefix = stem.trim_end_matches(|c: char| c.is_ascii_digit());
    let number = stem
        .get(prefix.len()..)
        .and_then(|d| d.parse().ok())
        .unwrap_or(0);
    (prefix, number, name)
}

/// The part a relationship target of `word/document.xml` names (Part 2, §9.3: a
/// relative target is resolved against the source part's folder).
fn resolve(target: &str) -> String {
    let mut segments: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        vec!["word"]
    };
    for s in target.split('/') {
        match s {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    segments.join("/")
}

/// The parts the relationships `ids` of `word/_rels/document.xml.rels` point to, in the
/// order of `ids` (`None` where there is no such internal relationship).
fn targets(rels: &[u8], ids: [Option<&str>; 2], warnings: &mut Vec<String>) -> [Option<String>; 2] {
    let mut out: [Option<String>; 2] = [None, None];
    let read = walk(rels, warnings, |ev| {
        if let Ev::Start { name, attrs } = ev {
            if name == "Relationship" && attr(&attrs, "TargetMode") != Some("External") {
                let id = attr(&attrs, "Id");
                for (slot, wanted) in out.iter_mut().zip(ids) {
                    if id.is_some() && id == wanted {
                        *slot = attr(&attrs, "Target").map(resolve);
                    }
                }
            }
        }
        Ok(())
    });
    if let Err(e) = read {
        warnings.push(format!(
            "word/_rels/document.xml.rels is not read (headers and footers taken in part order): {e}"
        ));
        return [None, None];
    }
    out
}

/// The texts of the header and footer paragraphs of the package: the first page's
/// header, its footer, then the other headers and footers in part-name order. A part
/// that is not well-formed XML is left out with a warning.
pub(crate) fn furniture(
    parts: &Parts,
    section: &FirstSection,
    warnings: &mut Vec<String>,
) -> Vec<String> {
    let mut names: Vec<&str> = parts
        .iter()
        .map(|(name, _)| name)
        .filter(|n| is_header_or_footer(n))
        .collect();
    names.sort_by_key(|n| name_key(n));
    let page_one = match parts.get("word/_rels/document.xml.rels") {
        Some(rels) => targets(rels, section.page_one(), warnings),
        None => [None, None],
    };
    let mut ordered: Vec<&str> = Vec::with_capacity(names.len());
    for part in page_one.iter().flatten() {
        if let Some(n) = names.iter().find(|n| **n == part.as_str()) {
            if !ordered.contains(n) {
                ordered.push(n);
            }
        }
    }
    let rest: Vec<&str> = names
        .iter()
        .filter(|n| !ordered.contains(n))
        .copied()
        .collect();
    ordered.extend(rest);
    let mut out = Vec::new();
    for name in ordered {
        if let Some(xml) = parts.get(name) {
            // A damaged header costs its own text only, never the document's.
            match paragraphs(xml, warnings) {
                Ok(texts) => out.extend(texts),
                Err(e) => warnings.push(format!("{name} is not read: {e}")),
            }
        }
    }
    out
}

/// A paragraph of a header or footer being read.
#[derive(Default)]
struct Open {
    text: String,
    /// Texts of the paragraphs of text boxes anchored in it, in order.
    boxed: Vec<String>,
}

/// The texts of the paragraphs of a header or footer part, one string each (whitespace
/// collapsed, a tab or a line break as one space). Only run text (`w:t`) counts, not
/// field codes (`w:instrText`), deleted text or a drawing's numbers; a paragraph in a
/// table cell is one paragraph; the paragraphs of a text box (`w:txbxContent`, read
/// once: [`walk_choice`]) come right after the paragraph anchoring it.
pub(crate) fn paragraphs(xml: &[u8], warnings: &mut Vec<String>) -> Result<Vec<String>, XmlError> {
    let mut out = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut in_t = false;
    let mut boxes = 0usize;
    // Elements open inside content nested too deep, skipped (0: none).
    let mut too_deep = 0u32;
    let mut warn = Vec::new();
    let mut skip_deep = |too_deep: &mut u32| {
        *too_deep = 1;
        if warn.is_empty() {
            warn.push(format!(
                "a text box nested more than {MAX_TEXT_BOX_DEPTH} deep in a header or footer is skipped"
            ));
        }
    };
    walk_choice(xml, warnings, |ev| {
        if too_deep > 0 {
            match &ev {
                Ev::Start { .. } => too_deep = too_deep.saturating_add(1),
                Ev::End { .. } => too_deep -= 1,
                Ev::Text(_) => {}
            }
            return Ok(());
        }
        match ev {
            Ev::Start { name, .. } => match name.as_str() {
                "p" if open.len() > MAX_TEXT_BOX_DEPTH => skip_deep(&mut too_deep),
                "p" => open.push(Open::default()),
                "t" => in_t = true,
                "tab" | "br" | "cr" => {
                    if let Some(p) = open.last_mut() {
                        p.text.push(' ');
                    }
                }
                "txbxContent" if boxes >= MAX_TEXT_BOX_DEPTH => skip_deep(&mut too_deep),
                "txbxContent" => boxes += 1,
                _ => {}
            },
            Ev::End { name } => match name.as_str() {
                "t" => in_t = false,
                "txbxContent" => boxes = boxes.saturating_sub(1),
                "p" => {
                    if let Some(p) = open.pop() {
                        let text = p.text.split_whitespace().collect::<Vec<_>>().join(" ");
                        let target = match open.last_mut() {
                            Some(anchor) => &mut anchor.boxed,
                            None => &mut out,
                        };
                        if !text.is_empty() {
                            target.push(text);
                        }
                        target.extend(p.boxed);
                    }
                }
                _ => {}
            },
            Ev::Text(t) => {
                if let (true, Some(p)) = (in_t, open.last_mut()) {
                    p.text.push_str(&t);
                }
            }
        }
        Ok(())
    })?;
    warnings.append(&mut warn);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(xml: &str) -> Vec<String> {
        let mut warnings = Vec::new();
        paragraphs(xml.as_bytes(), &mut warnings).expect("well-formed")
    }

    #[test]
    fn runs_join_and_fields_are_left_out() {
        let xml = "<w:hdr><w:p><w:r><w:t>A</w:t></w:r><w:r><w:t>/80/590</w:t></w:r></w:p>\
            <w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>\
            <w:r><w:t>3</w:t></w:r><w:r><w:t>/</w:t></w:r><w:r><w:tab/><w:t>4</w:t></w:r></w:p><w:p/></w:hdr>";
        assert_eq!(texts(xml), ["A/80/590", "3/ 4"]);
    }

    #[test]
    fn a_text_box_follows_its_anchor_once() {
        let boxed = "<w:txbxContent><w:p><w:r><w:t>*2600248*</w:t></w:r></w:p></w:txbxContent>";
        let xml = format!(
            "<w:ftr><w:p><w:r><w:t>26-00248 (E)</w:t></w:r><w:r><mc:AlternateContent><mc:Choice>\
             <w:drawing><wp:anchor><wp:positionH><wp:posOffset>5495290</wp:posOffset></wp:positionH>\
             <wps:txbx>{boxed}</wps:txbx></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>\
             <v:textbox>{boxed}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>\
             <w:r><w:t xml:space=\"preserve\"> 160126</w:t></w:r></w:p><w:p><w:r><w:t>2/4</w:t></w:r></w:p></w:ftr>"
        );
        assert_eq!(texts(&xml), ["26-00248 (E) 160126", "*2600248*", "2/4"]);
    }

    #[test]
    fn first_section_references_name_the_first_page() {
        let mut r = SectionReader::default();
        let xml = r#"<w:body><w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rId1"/>
            <w:headerReference w:type="first" r:id="rId2"/><w:footerReference w:type="first" r:id="rId3"/>
            <w:sectPrChange><w:sectPr><w:titlePg w:val="0"/></w:sectPr></w:sectPrChange><w:titlePg/></w:sectPr></w:pPr></w:p>
            <w:sectPr><w:headerReference w:type="first" r:id="rId9"/></w:sectPr></w:body>"#;
        walk(xml.as_bytes(), &mut Vec::new(), |ev| {
            r.see(&ev);
            Ok(())
        })
        .expect("well-formed");
        let first = r.finish();
        assert_eq!(first.page_one(), [Some("rId2"), Some("rId3")]);
        let no_title = FirstSection {
            title_page: false,
            ..first
        };
        assert_eq!(no_title.page_one(), [Some("rId1"), None]);
    }

    #[test]
    fn relationship_targets_resolve_against_word() {
        assert_eq!(resolve("header3.xml"), "word/header3.xml");
        assert_eq!(resolve("/word/footer1.xml"), "word/footer1.xml");
        assert_eq!(resolve("../word/./header1.xml"), "word/header1.xml");
        let rels = r#"<Relationships><Relationship Id="rId14" Type="…/header" Target="header3.xml"/>
            <Relationship Id="rId15" Type="…/hyperlink" Target="https://un.org" TargetMode="External"/></Relationships>"#;
        assert_eq!(
            targets(
                rels.as_bytes(),
                [Some("rId14"), Some("rId15")],
                &mut Vec::new()
            ),
            [Some("word/header3.xml".to_string()), None]
        );
    }

    #[test]
    fn part_names_order_numbers_as_numbers() {
        let mut names = ["word/header10.xml", "word/header2.xml", "word/footer1.xml"];
        names.sort_by_key(|n| name_key(n));
        assert_eq!(
            names,
            ["word/footer1.xml", "word/header2.xml", "word/header10.xml"]
        );
    }
}
