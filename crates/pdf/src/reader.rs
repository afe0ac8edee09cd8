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
    /// Interpret the pages one after another on the calling thread instead of on
    /// rayon's pool: for a process forked from a multi-threaded one (the Python
    /// pipeline's isolated reads), where a pool inherited from the parent has no
    /// threads.
    pub sequential: bool,
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
    let parallel = pages.len() >= PARALLEL_MIN_PAGES && !options.sequential && pool_threads() > 1;
    let read: Vec<PageRead> = if parallel {
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
    let (mut kashida, mut kashida_pages) = (0usize, Vec::new());
    for r in read {
        layout.undecodable_glyphs += r.undecodable_total;
        if r.kashida > 0 {
            kashida += r.kashida;
            kashida_pages.push(r.page.number);
        }
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
    if kashida > 0 {
        layout.warnings.push(format!(
            "{kashida} of the glyphs with no Unicode mapping stand inside Arabic words on {}, \
             where typesetters draw the kashida (U+0640) to justify a line: read as kashida \
             and left out of the text",
            page_list(&kashida_pages)
        ));
    }
    layout.fonts = infos;
    renumber_fonts(&mut layout);
    Ok(layout)
}

/// Documents with at least this many pages are interpreted in parallel.
const PARALLEL_MIN_PAGES: usize = 4;

/// The threads of the rayon pool the pages would be interpreted on, found without
/// building the global pool: inside a pool (batch's workers install one), its size;
/// else the size rayon gives its global pool (`RAYON_NUM_THREADS`, else the CPUs this
/// process may run on). With one thread the pages are read on the calling thread:
/// a pool's thread would only add its start and a second malloc arena (`unpara text`
/// pinned to one core: 0.1–0.4 ms of 5–18 ms on the corpus reports, and 20 fewer
/// `mprotect` calls).
fn pool_threads() -> usize {
    if rayon::current_thread_index().is_some() {
        return rayon::current_num_threads();
    }
    std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
}

/// What reading one page gives.
struct PageRead {
    page: Page,
    /// Undecodable glyphs per font index.
    undecodable: HashMap<usize, u64>,
    /// All undecodable glyphs, also those shown with no font set.
    undecodable_total: u64,
    /// Undecodable glyphs read as justification kashida and left out of the text.
    kashida: usize,
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

/// A rectangle of the page (`/MediaBox`, `/CropBox`), inherited, with its corners put in
/// order (any two opposite corners may be given, PDF 32000-1 §7.9.5); `None` when absent,
/// malformed or less than a point wide or high.
fn page_rect(doc: &Document, page_id: ObjectId, key: &[u8]) -> Option<[f32; 4]> {
    let Some(Object::Array(a)) = inherited(doc, page_id, key) else {
        return None;
    };
    let v: Vec<f32> = a.iter().filter_map(|o| number(deref(doc, o))).collect();
    let [ax, ay, bx, by] = <[f32; 4]>::try_from(v).ok()?;
    let (x0, y0, x1, y1) = (ax.min(bx), ay.min(by), ax.max(bx), ay.max(by));
    (x1 - x0 >= 1.0
        && y1 - y0 >= 1.0
        && x1.is_finite()
        && y1.is_finite()
        && x0.is_finite()
        && y0.is_finite())
    .then_some([x0, y0, x1, y1])
}

/// The page's visible box and `/Rotate`, all inherited (§7.7.3.4). The crop box
/// defaults to the media box and is reduced to it where it reaches beyond (§14.11.2,
/// Table 30); a crop box that misses the media box is ignored.
fn page_box(doc: &Document, page_id: ObjectId) -> PageBox {
    // US Letter, the default of most producers.
    let media = page_rect(doc, page_id, b"MediaBox").unwrap_or([0.0, 0.0, 612.0, 792.0]);
    let [mx0, my0, mx1, my1] = media;
    let visible = page_rect(doc, page_id, b"CropBox")
        .map(|[x0, y0, x1, y1]| [x0.max(mx0), y0.max(my0), x1.min(mx1), y1.min(my1)])
        .filter(|[x0, y0, x1, y1]| x1 - x0 >= 1.0 && y1 - y0 >= 1.0)
        .unwrap_or(media);
    let rotate = match inherited(doc, page_id, b"Rotate") {
        Some(Object::Integer(r)) => *r,
        Some(o) => number(o).map_or(0, |r| r as i64),
        None => 0,
    };
    PageBox { visible, rotate }
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
    let mut sink = PageSink::for_content(content.len());
    let mut interp = Interpreter::new(doc, fonts, &mut sink);
    interp.run(&content, &resources);
    let undecodable = std::mem::take(&mut interp.undecodable_by_font);
    let interp_total = interp.undecodable;
    warnings.append(&mut interp.warnings);
    match layout::clip(&mut sink, &page_box) {
        0 => {}
        1 => warnings.push("1 glyph outside the crop box not read".into()),
        n => warnings.push(format!("{n} glyphs outside the crop box not read")),
    }
    let (page, kashida) = layout::build_page(number, page_box, sink);
    PageRead {
        page,
        kashida,
        undecodable,
        undecodable_total: interp_total,
        warnings,
    }
}
