//! `word/document.xml` (and footnotes): paragraphs and table rows in order, each with
//! the formatting the block rules look at.
//!
//! Text is run text (`w:t`, ECMA-376 Part 1, §17.3.3.31): field codes, deleted text and
//! the numbers inside a drawing's markup are not text. A text box (`w:txbxContent`,
//! Part 4, §14.9.1.1, inside a `wps:txbx` drawing or a VML `v:textbox`) is a story of
//! its own: its paragraphs become their own [`FlowParagraph`]s marked `text_box`, right
//! after the paragraph anchoring it, which keeps its own text whole. Each
//! `mc:AlternateContent` is read once ([`walk_choice`]).

use std::collections::HashMap;

use unpara_model::{Flow, FlowFootnote, FlowParagraph};

use super::compat::walk_choice;
use super::furniture::{FirstSection, SectionReader};
use super::numbering::Numbering;
use super::styles::{apply, attr, on_off, Format, Styles};
use crate::xml::Ev;
use crate::XmlError;

/// Most text boxes open one inside another (in the body, a header or a footer). Word
/// writes no text box inside a text box (MS-OI29500 §2.1.1779: it does not allow one),
/// so one level is what real files hold; content nested deeper is skipped with a
/// warning.
pub(crate) const MAX_TEXT_BOX_DEPTH: usize = 4;

/// A paragraph being read.
#[derive(Default)]
struct Para {
    text: String,
    style: Option<String>,
    /// Direct paragraph formatting (`w:pPr`).
    direct: Format,
    num: Option<(String, u32)>,
    refs: Vec<String>,
    /// Characters in bold runs, in all runs, and whether the first text run is bold.
    bold_chars: usize,
    chars: usize,
    first_run_bold: Option<bool>,
    /// Size of the first text run, half-points.
    run_size: Option<u32>,
    /// A text box anchored here has just ended: the text on its two sides meets, and
    /// their spaces with it (`Before ` + box + ` after.` is `Before after.`).
    after_box: bool,
}

/// One story being read: the body, or a text box anchored in the story below it.
#[derive(Default)]
struct Story {
    para: Option<Para>,
    run: Format,
    /// Table cells of the current row, and the current cell's text.
    cells: Option<Vec<String>>,
    cell: Option<String>,
    /// Style, spacing after and numbering of the story's last paragraph.
    last: Option<(Option<String>, i32, bool)>,
    /// Paragraphs of text boxes anchored in the paragraph (or table row) being read,
    /// emitted right after it.
    boxed: Vec<FlowParagraph>,
    /// Opened by a paragraph inside a paragraph (not by a `w:txbxContent`, as in a
    /// drawing's own text): it ends with that paragraph.
    implicit: bool,
}

/// Where in the document the walk is.
struct State {
    /// The body first, then the text boxes open inside it; never empty.
    stories: Vec<Story>,
    in_ppr: bool,
    in_rpr: bool,
    in_t: bool,
    /// Inside `w:del`, `w:instrText` or a footnote's own marker: text not kept.
    skip: u32,
    /// Elements open inside content skipped for nesting too deep (0: none).
    too_deep: u32,
    warned_depth: bool,
    page: u32,
    footnotes_seen: u32,
    section: SectionReader,
}

impl State {
    fn story(&mut self) -> Option<&mut Story> {
        self.stories.last_mut()
    }

    fn para(&mut self) -> Option<&mut Para> {
        self.stories.last_mut().and_then(|s| s.para.as_mut())
    }

    /// Whether another story may open; warns (once) when it may not, and starts
    /// skipping the element that would have opened it.
    fn room_for_story(&mut self, warn: &mut Vec<String>) -> bool {
        if self.stories.len() <= MAX_TEXT_BOX_DEPTH {
            return true;
        }
        self.too_deep = 1;
        if !self.warned_depth {
            warn.push(format!(
                "a text box nested more than {MAX_TEXT_BOX_DEPTH} deep is skipped"
            ));
            self.warned_depth = true;
        }
        false
    }

    /// Paragraphs finished in the top story go after the paragraph anchoring it (or,
    /// in the body, to the flow).
    fn emit(&mut self, flow: &mut Flow, out: Vec<FlowParagraph>) {
        match self.stories.len() {
            0 | 1 => flow.paragraphs.extend(out),
            n => {
                if let Some(anchor) = self.stories.get_mut(n - 2) {
                    anchor.boxed.extend(out);
                }
            }
        }
    }

    /// Closes the top story (a text box ends): what it still holds goes after its
    /// anchor, and the anchor's text continues across the gap the box leaves.
    fn close_story(&mut self) {
        if self.stories.len() < 2 {
            return;
        }
        if let Some(story) = self.stories.pop() {
            if let Some(anchor) = self.story() {
                anchor.boxed.extend(story.boxed);
                if let Some(p) = anchor.para.as_mut() {
                    p.after_box = true;
                }
            }
        }
    }
}

/// The `id → text` of the footnotes of `word/footnotes.xml` (separators left out).
pub(crate) fn footnotes(
    xml: &[u8],
    warnings: &mut Vec<String>,
) -> Result<HashMap<String, String>, XmlError> {
    let mut out = HashMap::new();
    let mut current: Option<(String, String)> = None;
    let mut skip = 0u32;
    let mut in_t = false;
    walk_choice(xml, warnings, |ev| {
        match ev {
            Ev::Start { name, attrs } => match name.as_str() {
                "footnote" => {
                    let kind = attr(&attrs, "type").unwrap_or("normal");
                    if kind == "normal" {
                        current = attr(&attrs, "id").map(|id| (id.to_string(), String::new()));
                    }
                }
                "p" | "tab" | "br" | "cr" => {
                    if let Some((_, t)) = current.as_mut() {
                        if !t.is_empty() {
                            t.push(' ');
                        }
                    }
                }
                "t" => in_t = true,
                "footnoteRef" | "del" => skip += 1,
                _ => {}
            },
            Ev::End { name } => match name.as_str() {
                "footnote" => {
                    if let Some((id, t)) = current.take() {
                        out.insert(id, t.split_whitespace().collect::<Vec<_>>().join(" "));
                    }
                }
                "t" => in_t = false,
                "footnoteRef" | "del" => skip = skip.saturating_sub(1),
                _ => {}
            },
            Ev::Text(t) => {
                if let (Some((_, text)), 0, true) = (current.as_mut(), skip, in_t) {
                    text.push_str(&t);
                }
            }
        }
        Ok(())
    })?;
    Ok(out)
}

fn twips_to_points(t: i32) -> f32 {
    t as f32 / 20.0
}

/// Reads the body into a [`Flow`], and the header and footer references of the first
/// section.
pub(crate) fn read(
    xml: &[u8],
    styles: &Styles,
    mut numbering: Numbering,
    footnote_texts: &HashMap<String, String>,
    warnings: &mut Vec<String>,
) -> Result<(Flow, FirstSection), XmlError> {
    let mut flow = Flow::default();
    let mut st = State {
        stories: vec![Story::default()],
        in_ppr: false,
        in_rpr: false,
        in_t: false,
        skip: 0,
        too_deep: 0,
        warned_depth: false,
        page: 1,
        footnotes_seen: 0,
        section: SectionReader::default(),
    };
    let mut notes_warned = false;
    let mut warn = Vec::new();
    walk_choice(xml, warnings, |ev| {
        if st.too_deep > 0 {
            match ev {
                Ev::Start { .. } => st.too_deep = st.too_deep.saturating_add(1),
                Ev::End { .. } => st.too_deep -= 1,
                Ev::Text(_) => {}
            }
            return Ok(());
        }
        st.section.see(&ev);
        match ev {
            Ev::Start { name, attrs } => match name.as_str() {
                "txbxContent" if st.room_for_story(&mut warn) => {
                    st.stories.push(Story::default());
                }
                // Too deep: skipped from here to its end.
                "txbxContent" => {}
                "p" => {
                    let nested = st.para().is_some();
                    if !nested {
                        if let Some(story) = st.story() {
                            story.para = Some(Para::default());
                        }
                    } else if st.room_for_story(&mut warn) {
                        // A paragraph inside a paragraph without a text box around it
                        // (a drawing's own text): a story of its own all the same.
                        st.stories.push(Story {
                            para: Some(Para::default()),
                            implicit: true,
                            ..Story::default()
                        });
                    }
                }
                "pPr" => st.in_ppr = true,
                "rPr" => st.in_rpr = true,
                "r" => {
                    if let Some(story) = st.story() {
                        story.run = Format::default();
                    }
                }
                "t" => st.in_t = true,
                "pStyle" => {
                    if let Some(p) = st.para() {
                        p.style = attr(&attrs, "val").map(str::to_string);
                    }
                }
                "numId" | "ilvl" => {
                    if let Some(p) = st.para() {
                        let (mut id, mut lvl) = p.num.clone().unwrap_or_default();
                        let val = attr(&attrs, "val").unwrap_or_default();
                        if name == "numId" {
                            id = val.to_string();
                        } else {
                            lvl = val.parse().unwrap_or(0);
                        }
                        p.num = Some((id, lvl));
                    }
                }
                // ECMA-376 Part 1, §17.3.3.18: a hyphen that does not break the line.
                "noBreakHyphen" if !st.in_ppr => push_text(&mut st, "-"),
                "pageBreakBefore" if st.in_ppr && on_off(&attrs) => st.page += 1,
                "br" if attr(&attrs, "type") == Some("page") => st.page += 1,
                "tab" if !st.in_ppr => push_text(&mut st, "\t"),
                "br" | "cr" => push_text(&mut st, " "),
                "del" | "instrText" | "delText" => st.skip += 1,
                "footnoteReference" => {
                    st.footnotes_seen += 1;
                    let marker = st.footnotes_seen.to_string();
                    if let Some(id) = attr(&attrs, "id") {
                        match footnote_texts.get(id) {
                            Some(text) => flow.footnotes.push(FlowFootnote {
                                marker: marker.clone(),
                                text: text.clone(),
                                page: st.page,
                            }),
                            None if !notes_warned => {
                                warn.push(format!(
                                    "footnote {id} is referenced but not in word/footnotes.xml"
                                ));
                                notes_warned = true;
                            }
                            None => {}
                        }
                    }
                    if let Some(p) = st.para() {
                        p.refs.push(marker);
                    }
                }
                "tr" => {
                    if let Some(story) = st.story() {
                        story.cells = Some(Vec::new());
                    }
                }
                "tc" => {
                    if let Some(story) = st.story() {
                        story.cell = Some(String::new());
                    }
                }
                other if st.in_ppr => {
                    if let Some(p) = st.para() {
                        apply(&mut p.direct, other, &attrs);
                    }
                }
                other if st.in_rpr => {
                    if let Some(story) = st.story() {
                        apply(&mut story.run, other, &attrs);
                    }
                }
                _ => {}
            },
            Ev::End { name } => match name.as_str() {
                "pPr" => st.in_ppr = false,
                "rPr" => st.in_rpr = false,
                "t" => st.in_t = false,
                "del" | "instrText" | "delText" => st.skip = st.skip.saturating_sub(1),
                "txbxContent" => st.close_story(),
                "p" => end_paragraph(&mut st, &mut flow, styles, &mut numbering),
                "tc" => {
                    if let Some(story) = st.story() {
                        if let (Some(cells), Some(cell)) = (story.cells.as_mut(), story.cell.take())
                        {
                            cells.push(cell.trim().to_string());
                        }
                    }
                }
                "tr" => end_row(&mut st, &mut flow),
                _ => {}
            },
            Ev::Text(t) => {
                if st.skip == 0 && st.in_t && !st.in_ppr {
                    push_text(&mut st, &t);
                }
            }
        }
        Ok(())
    })?;
    // Text boxes whose anchor never ended (not in well-formed WordprocessingML).
    for story in st.stories.iter_mut().rev() {
        flow.paragraphs.append(&mut story.boxed);
    }
    warnings.append(&mut warn);
    Ok((flow, st.section.finish()))
}

fn push_text(st: &mut State, text: &str) {
    let Some(story) = st.stories.last_mut() else {
        return;
    };
    let bold = story.run.bold;
    let size = story.run.half_points;
    let raised = story.run.superscript == Some(true);
    let Some(p) = story.para.as_mut() else { return };
    // Digits of a superscript run are written as superscript digits (`m³`), as the PDF
    // reader gives a raised number that is no footnote marker.
    let lifted: String;
    let mut text = if raised && text.chars().any(|c| c.is_ascii_digit()) {
        lifted = text.chars().map(unpara_model::superscript_digit).collect();
        lifted.as_str()
    } else {
        text
    };
    if p.after_box && !text.is_empty() {
        if p.text.ends_with(char::is_whitespace) {
            text = text.trim_start();
        }
        p.after_box = false;
    }
    let n = unpara_model::visible_chars(text);
    if n > 0 {
        p.chars += n;
        if bold == Some(true) {
            p.bold_chars += n;
        }
        if p.first_run_bold.is_none() {
            p.first_run_bold = bold.or(Some(false));
            p.run_size = size;
        }
    }
    p.text.push_str(text);
}

/// A table row ends: its cells are one paragraph, then the text boxes anchored in it.
fn end_row(st: &mut State, flow: &mut Flow) {
    let text_box = st.stories.len() > 1;
    let page = st.page;
    let Some(story) = st.story() else { return };
    let Some(cells) = story.cells.take() else {
        return;
    };
    let mut out = Vec::new();
    let text = cells.join("\t");
    if !text.trim().is_empty() {
        out.push(FlowParagraph {
            text,
            size: flow.paragraphs.last().map_or(10.0, |p| p.size),
            indent: 0.0,
            page,
            table_row: true,
            text_box,
            ..FlowParagraph::default()
        });
    }
    out.append(&mut story.boxed);
    st.emit(flow, out);
}

/// A paragraph ends: into its table cell, or out with the text boxes anchored in it.
fn end_paragraph(st: &mut State, flow: &mut Flow, styles: &Styles, numbering: &mut Numbering) {
    let text_box = st.stories.len() > 1;
    let page = st.page;
    let Some(story) = st.story() else { return };
    let Some(p) = story.para.take() else { return };
    let made = finish(story, p, page, styles, numbering, text_box);
    if story.implicit {
        let mut out: Vec<FlowParagraph> = made.into_iter().collect();
        out.append(&mut story.boxed);
        st.stories.pop();
        if let Some(anchor) = st.story() {
            anchor.boxed.extend(out);
            if let Some(p) = anchor.para.as_mut() {
                p.after_box = true;
            }
        }
        return;
    }
    if story.cell.is_some() {
        // Boxes anchored in a cell follow the row.
        return;
    }
    let mut out: Vec<FlowParagraph> = made.into_iter().collect();
    out.append(&mut story.boxed);
    st.emit(flow, out);
}

/// The paragraph `p` of `story` as a [`FlowParagraph`], or its text added to the
/// story's table cell (`None` then, and for an empty paragraph).
fn finish(
    story: &mut Story,
    p: Para,
    page: u32,
    styles: &Styles,
    numbering: &mut Numbering,
    text_box: bool,
) -> Option<FlowParagraph> {
    let style = styles.resolve(p.style.as_deref());
    let format = p.direct.over(&style);
    let label = p
        .num
        .as_ref()
        .and_then(|(id, lvl)| numbering.next(id, *lvl));
    let numbered = label.is_some();
    let mut text = p.text;
    if let Some(l) = label {
        text = format!("{l}\t{text}");
    }
    // Inside a table cell the paragraph is part of the row.
    if let Some(cell) = story.cell.as_mut() {
        if !cell.is_empty() {
            cell.push(' ');
        }
        cell.push_str(text.trim());
        return None;
    }
    if text.trim().is_empty() && p.refs.is_empty() {
        return None;
    }
    let style_bold = format.bold.unwrap_or(false);
    let bold_chars = if p.first_run_bold.is_some() && p.bold_chars == 0 && style_bold {
        p.chars
    } else {
        p.bold_chars
    };
    let half_points = p.run_size.or(format.half_points).unwrap_or(20);
    let indent = format
        .left
        .unwrap_or(0)
        .saturating_sub(format.hanging.unwrap_or(0))
        .saturating_add(format.first_line.unwrap_or(0));
    let joins_previous = matches!(&story.last, Some((style, after, prev_numbered))
        if style.is_some() && *style == p.style && *after == 0 && !prev_numbered && !numbered
            && format.before.unwrap_or(0) == 0);
    story.last = Some((p.style.clone(), format.after.unwrap_or(0), numbered));
    Some(FlowParagraph {
        text,
        indent: twips_to_points(indent),
        size: half_points as f32 / 2.0,
        bold: p.chars > 0 && bold_chars * 2 > p.chars,
        label_bold: p.first_run_bold.unwrap_or(style_bold) || style_bold,
        footnote_refs: p.refs,
        page,
        joins_previous,
        heading: format.outline,
        centered: format.centered.unwrap_or(false),
        table_row: false,
        text_box,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The paragraphs of a body, as (text, text box, table row).
    fn body(inner: &str) -> (Vec<(String, bool, bool)>, Vec<String>) {
        let xml = format!("<w:document><w:body>{inner}</w:body></w:document>");
        let mut warnings = Vec::new();
        let (flow, _) = read(
            xml.as_bytes(),
            &Styles::default(),
            Numbering::default(),
            &HashMap::new(),
            &mut warnings,
        )
        .expect("well-formed");
        let shape = flow
            .paragraphs
            .into_iter()
            .map(|p| (p.text, p.text_box, p.table_row))
            .collect();
        (shape, warnings)
    }

    fn p(runs: &str) -> String {
        format!("<w:p>{runs}</w:p>")
    }

    fn r(text: &str) -> String {
        format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
    }

    /// A run holding a DrawingML text box (`wps:txbx`) with these paragraphs.
    fn boxed(paragraphs: &str) -> String {
        format!(
            "<w:r><w:drawing><wp:anchor><wp:positionH><wp:posOffset>2669540</wp:posOffset>\
             </wp:positionH><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>\
             {paragraphs}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>\
             </wp:anchor></w:drawing></w:r>"
        )
    }

    fn own(text: &str, text_box: bool) -> (String, bool, bool) {
        (text.to_string(), text_box, false)
    }

    #[test]
    fn a_text_box_follows_the_paragraph_anchoring_it() {
        let (ps, _) = body(&format!(
            "{}{}",
            p(&format!(
                "{}{}{}",
                r("Before "),
                boxed(&p(&r("*2600248*"))),
                r(" after.")
            )),
            p(&r("Next."))
        ));
        assert_eq!(
            ps,
            [
                own("Before after.", false),
                own("*2600248*", true),
                own("Next.", false)
            ]
        );
    }

    #[test]
    fn a_box_in_a_table_cell_follows_the_row_and_a_table_in_a_box_stays_in_it() {
        let row = |cells: &[String]| {
            let cells: String = cells.iter().map(|c| format!("<w:tc>{c}</w:tc>")).collect();
            format!("<w:tbl><w:tr>{cells}</w:tr></w:tbl>")
        };
        let inner_table = row(&[p(&r("x")), p(&r("y"))]);
        let (ps, _) = body(&row(&[
            p(&format!("{}{}", r("Austria"), boxed(&inner_table))),
            p(&r("12")),
        ]));
        assert_eq!(
            ps,
            [
                ("Austria\t12".to_string(), false, true),
                ("x\ty".to_string(), true, true)
            ]
        );
    }

    #[test]
    fn an_empty_anchor_gives_only_its_box_and_a_paragraph_in_a_paragraph_is_kept() {
        let (ps, _) = body(&p(&boxed(&p(&r("Job 26-00248")))));
        assert_eq!(ps, [own("Job 26-00248", true)]);
        // A paragraph straight inside a paragraph (no `w:txbxContent`).
        let (ps, _) = body(&p(&format!(
            "{}<a:p><a:r><a:t>shape</a:t></a:r></a:p>{}",
            r("A "),
            r("B")
        )));
        assert_eq!(ps, [own("A B", false), own("shape", true)]);
    }

    #[test]
    fn boxes_nested_too_deep_are_skipped_with_a_warning() {
        let mut inner = p(&r("deepest"));
        for _ in 0..=MAX_TEXT_BOX_DEPTH {
            inner = p(&format!("{}{}", r("level"), boxed(&inner)));
        }
        let (ps, warnings) = body(&inner);
        assert_eq!(ps.len(), MAX_TEXT_BOX_DEPTH + 1, "{ps:?}");
        assert!(ps.iter().all(|(t, _, _)| t == "level"));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
    }

    #[test]
    fn only_run_text_counts() {
        let (ps, _) = body(&p(&format!(
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>\
             <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>{}<w:del><w:r><w:delText>old</w:delText></w:r></w:del>{}",
            r("3"),
            r(" pages")
        )));
        assert_eq!(ps, [own("3 pages", false)]);
    }

    #[test]
    fn indentation_extremes_do_not_overflow() {
        let xml = r#"<w:p><w:pPr><w:ind w:left="2147483647" w:firstLine="2147483647" w:hanging="-2147483648"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>"#;
        let (ps, _) = body(xml);
        assert_eq!(ps.len(), 1);
    }
}
