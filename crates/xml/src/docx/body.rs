//! `word/document.xml` (and footnotes, headers, footers): paragraphs and table rows in
//! order, each with the formatting the block rules look at.

use std::collections::HashMap;

use unpara_model::{Flow, FlowFootnote, FlowParagraph};

use super::numbering::Numbering;
use super::styles::{apply, attr, on_off, Format, Styles};
use crate::xml::{walk, Ev};
use crate::XmlError;

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
}

/// Where in the document the walk is.
#[derive(Default)]
struct State {
    para: Option<Para>,
    in_ppr: bool,
    in_rpr: bool,
    run: Format,
    /// Inside `w:del`, `w:instrText` or a footnote's own marker: text not kept.
    skip: u32,
    /// Table cells of the current row, and the current cell's text.
    cells: Option<Vec<String>>,
    cell: Option<String>,
    page: u32,
    footnotes_seen: u32,
    /// Style, spacing after and numbering of the last body paragraph.
    last: Option<(Option<String>, i32, bool)>,
}

/// The `id → text` of the footnotes of `word/footnotes.xml` (separators left out).
pub(crate) fn footnotes(
    xml: &[u8],
    warnings: &mut Vec<String>,
) -> Result<HashMap<String, String>, XmlError> {
    let mut out = HashMap::new();
    let mut current: Option<(String, String)> = None;
    let mut skip = 0u32;
    walk(xml, warnings, |ev| {
        match ev {
            Ev::Start { name, attrs } => match name.as_str() {
                "footnote" => {
                    let kind = attr(&attrs, "type").unwrap_or("normal");
                    if kind == "normal" {
                        current = attr(&attrs, "id").map(|id| (id.to_string(), String::new()));
                    }
                }
                "p" => {
                    if let Some((_, t)) = current.as_mut() {
                        if !t.is_empty() {
                            t.push(' ');
                        }
                    }
                }
                "tab" => {
                    if let Some((_, t)) = current.as_mut() {
                        t.push(' ');
                    }
                }
                "footnoteRef" | "instrText" | "del" => skip += 1,
                _ => {}
            },
            Ev::End { name } => match name.as_str() {
                "footnote" => {
                    if let Some((id, t)) = current.take() {
                        out.insert(id, t.split_whitespace().collect::<Vec<_>>().join(" "));
                    }
                }
                "footnoteRef" | "instrText" | "del" => skip = skip.saturating_sub(1),
                _ => {}
            },
            Ev::Text(t) => {
                if let (Some((_, text)), 0) = (current.as_mut(), skip) {
                    text.push_str(&t);
                }
            }
        }
        Ok(())
    })?;
    Ok(out)
}

/// The texts of the paragraphs of a header or footer part.
pub(crate) fn plain_text(xml: &[u8], warnings: &mut Vec<String>) -> Result<Vec<String>, XmlError> {
    let mut out = Vec::new();
    let mut current = String::new();
    walk(xml, warnings, |ev| {
        match ev {
            Ev::Start { name, .. } if name == "tab" => current.push(' '),
            Ev::End { name } if name == "p" => {
                let t = current.split_whitespace().collect::<Vec<_>>().join(" ");
                if !t.is_empty() {
                    out.push(t);
                }
                current.clear();
            }
            Ev::Text(t) => current.push_str(&t),
            _ => {}
        }
        Ok(())
    })?;
    Ok(out)
}

fn twips_to_points(t: i32) -> f32 {
    t as f32 / 20.0
}

/// Reads the body into a [`Flow`].
pub(crate) fn read(
    xml: &[u8],
    styles: &Styles,
    mut numbering: Numbering,
    footnote_texts: &HashMap<String, String>,
    warnings: &mut Vec<String>,
) -> Result<Flow, XmlError> {
    let mut flow = Flow::default();
    let mut st = State {
        page: 1,
        ..State::default()
    };
    let mut notes_warned = false;
    let mut warn = Vec::new();
    walk(xml, warnings, |ev| {
        match ev {
            Ev::Start { name, attrs } => match name.as_str() {
                "p" => st.para = Some(Para::default()),
                "pPr" => st.in_ppr = true,
                "rPr" => st.in_rpr = true,
                "r" => st.run = Format::default(),
                "pStyle" => {
                    if let Some(p) = st.para.as_mut() {
                        p.style = attr(&attrs, "val").map(str::to_string);
                    }
                }
                "numId" | "ilvl" => {
                    if let Some(p) = st.para.as_mut() {
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
                "vertAlign" if st.in_rpr => {}
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
                    if let Some(p) = st.para.as_mut() {
                        p.refs.push(marker);
                    }
                }
                "tr" => st.cells = Some(Vec::new()),
                "tc" => st.cell = Some(String::new()),
                other if st.in_ppr => {
                    if let Some(p) = st.para.as_mut() {
                        apply(&mut p.direct, other, &attrs);
                    }
                }
                other if st.in_rpr => apply(&mut st.run, other, &attrs),
                _ => {}
            },
            Ev::End { name } => match name.as_str() {
                "pPr" => st.in_ppr = false,
                "rPr" => st.in_rpr = false,
                "del" | "instrText" | "delText" => st.skip = st.skip.saturating_sub(1),
                "p" => {
                    if let Some(p) = st.para.take() {
                        end_paragraph(&mut st, &mut flow, p, styles, &mut numbering);
                    }
                }
                "tc" => {
                    if let (Some(cells), Some(cell)) = (st.cells.as_mut(), st.cell.take()) {
                        cells.push(cell.trim().to_string());
                    }
                }
                "tr" => {
                    if let Some(cells) = st.cells.take() {
                        let text = cells.join("\t");
                        if !text.trim().is_empty() {
                            flow.paragraphs.push(FlowParagraph {
                                text,
                                size: flow.paragraphs.last().map_or(10.0, |p| p.size),
                                indent: 0.0,
                                page: st.page,
                                table_row: true,
                                ..FlowParagraph::default()
                            });
                        }
                    }
                }
                _ => {}
            },
            Ev::Text(t) => {
                if st.skip == 0 && !st.in_ppr {
                    push_text(&mut st, &t);
                }
            }
        }
        Ok(())
    })?;
    warnings.append(&mut warn);
    Ok(flow)
}

fn push_text(st: &mut State, text: &str) {
    let bold = st.run.bold;
    let size = st.run.half_points;
    let Some(p) = st.para.as_mut() else { return };
    let n = text.chars().filter(|c| !c.is_whitespace()).count();
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

fn end_paragraph(
    st: &mut State,
    flow: &mut Flow,
    p: Para,
    styles: &Styles,
    numbering: &mut Numbering,
) {
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
    if let Some(cell) = st.cell.as_mut() {
        if !cell.is_empty() {
            cell.push(' ');
        }
        cell.push_str(text.trim());
        return;
    }
    if text.trim().is_empty() && p.refs.is_empty() {
        return;
    }
    let style_bold = format.bold.unwrap_or(false);
    let bold_chars = if p.first_run_bold.is_some() && p.bold_chars == 0 && style_bold {
        p.chars
    } else {
        p.bold_chars
    };
    let half_points = p.run_size.or(format.half_points).unwrap_or(20);
    let indent =
        format.left.unwrap_or(0) - format.hanging.unwrap_or(0) + format.first_line.unwrap_or(0);
    let joins_previous = matches!(&st.last, Some((style, after, prev_numbered))
        if style.is_some() && *style == p.style && *after == 0 && !prev_numbered && !numbered
            && format.before.unwrap_or(0) == 0);
    st.last = Some((p.style.clone(), format.after.unwrap_or(0), numbered));
    flow.paragraphs.push(FlowParagraph {
        text,
        indent: twips_to_points(indent),
        size: half_points as f32 / 2.0,
        bold: p.chars > 0 && bold_chars * 2 > p.chars,
        label_bold: p.first_run_bold.unwrap_or(style_bold) || style_bold,
        footnote_refs: p.refs,
        page: st.page,
        joins_previous,
        heading: format.outline,
        centered: format.centered.unwrap_or(false),
        table_row: false,
        text_box: false,
    });
}
