//! Entry point: bytes → [`Layout`].

use lopdf::{Dictionary, Document, Object, ObjectId};
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
/// password is needed, [`PdfError::Damaged`] when lopdf cannot read the file at all,
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
    let mut fonts = FontCache::default();
    let mut layout = Layout {
        producer: producer(&doc),
        warnings: loaded.warnings,
        ..Layout::default()
    };
    for (&number, &page_id) in &pages {
        let (page, undecodable, warnings) = read_page(&doc, page_id, number, &mut fonts);
        layout.undecodable_glyphs += undecodable;
        layout
            .warnings
            .extend(warnings.into_iter().map(|w| format!("page {number}: {w}")));
        layout.pages.push(page);
    }
    layout.warnings.append(&mut fonts.warnings);
    layout.fonts = std::mem::take(&mut fonts.infos);
    Ok(layout)
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

fn read_page(
    doc: &Document,
    page_id: ObjectId,
    number: u32,
    fonts: &mut FontCache,
) -> (Page, u64, Vec<String>) {
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
    let undecodable = interp.undecodable;
    warnings.append(&mut interp.warnings);
    let page = layout::build_page(number, page_box, sink);
    (page, undecodable, warnings)
}
