//! Entry point: bytes → [`Layout`].

use std::collections::{BTreeMap, HashMap};

use lopdf::{Dictionary, Document, Object, ObjectId};
use rayon::prelude::*;
use unpara_model::{Layout, Page};

use crate::content;
use crate::error::PdfError;
use crate::font::widths::{deref, number};
use crate::font::FontCache;
use crate::interpreter::{Interpreter, Resources};
use crate::layout::{self, PageBox};
use crate::load::load;
use crate::sink::PageSink;

/// Options of [`read_pdf`].
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Password for encrypted documents (user or owner).
    pub password: Option<String>,
}

/// Reads a PDF held in memory into its [`Layout`]: pages of positioned lines.
///
/// # Errors
/// [`PdfError::NotPdf`] without a `%PDF-` header, [`PdfError::Encrypted`] when a
/// password is needed, [`PdfError::WrongPassword`] when the one given is wrong,
/// [`PdfError::Damaged`] when lopdf cannot read the file at all,
/// [`PdfError::NoPages`] when there is no page. A page that cannot be read yields a
/// warning and an empty page.
pub fn read_pdf(bytes: &[u8], options: &ReadOptions) -> Result<Layout, PdfError> {
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or_default();
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(PdfError::NotPdf);
    }
    let loaded = load(bytes, options.password.as_deref())?;
    let doc = loaded.doc;
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(PdfError::NoPages);
    }
    let fonts = FontCache::default();
    let mut layout = Layout {
        producer: producer(&doc),
        warnings: loaded.warnings,
        ..Layout::default()
    };
    let pages: Vec<(u32, ObjectId)> = pages.into_iter().collect();
    // Pages are independent once the objects are loaded: interpret them in parallel
    // (rayon keeps the results in page order).
    let read: Vec<PageRead> = if pages.len() >= PARALLEL_MIN_PAGES {
        pages
            .par_iter()
            .map(|&(number, id)| read_page(&doc, id, number, &fonts))
            .collect()
    } else {
        pages
            .iter()
            .map(|&(number, id)| read_page(&doc, id, number, &fonts))
            .collect()
    };
    let (infos, font_warnings) = fonts.into_parts();
    let mut undecodable: BTreeMap<usize, (u64, Vec<u32>)> = BTreeMap::new();
    for r in read {
        layout.undecodable_glyphs += r.undecodable_total;
        for (font, n) in r.undecodable {
            let e = undecodable.entry(font).or_default();
            e.0 += n;
            e.1.push(r.page.number);
        }
        let number = r.page.number;
        layout.warnings.extend(
            r.warnings
                .into_iter()
                .map(|w| format!("page {number}: {w}")),
        );
        layout.pages.push(r.page);
    }
    layout.warnings.extend(font_warnings);
    for (font, (n, pages)) in undecodable {
        let name = infos.get(font).map_or("?", |i| i.name.as_str());
        let codes = if n == 1 {
            "character code"
        } else {
            "character codes"
        };
        layout.warnings.push(format!(
            "font {name}: {n} {codes} with no Unicode mapping (shown as U+FFFD) on {}",
            page_list(&pages)
        ));
    }
    layout.fonts = infos;
    renumber_fonts(&mut layout);
    Ok(layout)
}

/// Documents with at least this many pages are interpreted in parallel.
const PARALLEL_MIN_PAGES: usize = 4;

/// What reading one page gives.
struct PageRead {
    page: Page,
    /// Undecodable glyphs per font index.
    undecodable: HashMap<usize, u64>,
    /// All undecodable glyphs, also those shown with no font set.
    undecodable_total: u64,
    warnings: Vec<String>,
}

/// `page 3` or `pages 1, 2, 5`.
fn page_list(pages: &[u32]) -> String {
    let list: Vec<String> = pages.iter().map(u32::to_string).collect();
    match list.as_slice() {
        [one] => format!("page {one}"),
        _ => format!("pages {}", list.join(", ")),
    }
}

/// Numbers the fonts in order of first use (page by page, line by line), so the font
/// table does not depend on which thread loaded a font first.
fn renumber_fonts(layout: &mut Layout) {
    let mut new_of: Vec<Option<usize>> = vec![None; layout.fonts.len()];
    let mut order: Vec<usize> = Vec::with_capacity(layout.fonts.len());
    let spans = layout
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .flat_map(|l| &l.spans);
    for s in spans {
        if let Some(slot) = new_of.get_mut(s.font).filter(|n| n.is_none()) {
            *slot = Some(order.len());
            order.push(s.font);
        }
    }
    // Fonts loaded but never used for visible text keep their relative order, at the end.
    for (old, slot) in new_of.iter_mut().enumerate() {
        if slot.is_none() {
            *slot = Some(order.len());
            order.push(old);
        }
    }
    let infos = std::mem::take(&mut layout.fonts);
    let mut by_old: Vec<Option<unpara_model::FontInfo>> = infos.into_iter().map(Some).collect();
    layout.fonts = order
        .iter()
        .filter_map(|&old| by_old.get_mut(old).and_then(Option::take))
        .collect();
    for p in &mut layout.pages {
        for l in &mut p.lines {
            for s in &mut l.spans {
                if let Some(Some(n)) = new_of.get(s.font) {
                    s.font = *n;
                }
            }
        }
    }
}

fn producer(doc: &Document) -> Option<String> {
    let info = doc.trailer.get(b"Info").ok()?;
    let Object::Dictionary(info) = deref(doc, info) else {
        return None;
    };
    match info.get(b"Producer").ok().map(|o| deref(doc, o)) {
        Some(Object::String(s, _)) => Some(
            lopdf::decode_text_string(&Object::String(s.clone(), lopdf::StringFormat::Literal))
                .unwrap_or_else(|_| String::from_utf8_lossy(s).into_owned()),
        ),
        _ => None,
    }
}

/// An inheritable page attribute, looked up through `/Parent` (PDF 32000-1 §7.7.3.4).
fn inherited<'a>(doc: &'a Document, page_id: ObjectId, key: &[u8]) -> Option<&'a Object> {
    let mut node: Option<&Dictionary> = doc.get_dictionary(page_id).ok();
    for _ in 0..32 {
        let d = node?;
        if let Ok(v) = d.get(key) {
            return Some(deref(doc, v));
        }
        node = d
            .get(b"Parent")
            .ok()
            .and_then(|p| p.as_reference().ok())
            .and_then(|id| doc.get_dictionary(id).ok());
    }
    None
}

/// The page's media box `[x0 y0 x1 y1]` and `/Rotate`, both inherited.
fn page_box(doc: &Document, page_id: ObjectId) -> PageBox {
    let media = match inherited(doc, page_id, b"MediaBox") {
        Some(Object::Array(a)) => {
            let v: Vec<f32> = a.iter().filter_map(|o| number(deref(doc, o))).collect();
            <[f32; 4]>::try_from(v).ok()
        }
        _ => None,
    }
    .filter(|[x0, y0, x1, y1]| (x1 - x0).abs() >= 1.0 && (y1 - y0).abs() >= 1.0)
    // US Letter, the default of most producers.
    .unwrap_or([0.0, 0.0, 612.0, 792.0]);
    let rotate = match inherited(doc, page_id, b"Rotate") {
        Some(Object::Integer(r)) => *r,
        Some(o) => number(o).map_or(0, |r| r as i64),
        None => 0,
    };
    PageBox { media, rotate }
}

fn read_page(doc: &Document, page_id: ObjectId, number: u32, fonts: &FontCache) -> PageRead {
    let page_box = page_box(doc, page_id);
    let mut warnings = Vec::new();
    let mut resources = Resources { dicts: Vec::new() };
    match doc.get_page_resources(page_id) {
        Ok((direct, ids)) => {
            resources.dicts.extend(direct);
            resources
                .dicts
                .extend(ids.iter().filter_map(|id| doc.get_dictionary(*id).ok()));
        }
        Err(e) => warnings.push(format!("resources unreadable ({e})")),
    }
    let content = content::page_content(doc, page_id, &mut warnings);
    let mut sink = PageSink::default();
    let mut interp = Interpreter::new(doc, fonts, &mut sink);
    interp.run(&content, &resources);
    let undecodable = std::mem::take(&mut interp.undecodable_by_font);
    let interp_total = interp.undecodable;
    warnings.append(&mut interp.warnings);
    PageRead {
        page: layout::build_page(number, page_box, sink),
        undecodable,
        undecodable_total: interp_total,
        warnings,
    }
}
