//! Entry point: bytes → [`Layout`].

use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};
use unpara_model::{Layout, Page};

use crate::error::PdfError;
use crate::font::widths::{deref, number};
use crate::font::FontCache;
use crate::interpreter::{Interpreter, Resources};
use crate::layout;
use crate::sink::PageSink;

/// Options of [`read_pdf`].
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Password for encrypted documents (user or owner).
    pub password: Option<String>,
}

/// Largest decompressed size of one page's content, in bytes (a guard against
/// decompression bombs; real pages are well under 1 MiB).
const MAX_PAGE_CONTENT: usize = 64 * 1024 * 1024;

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
    let load = LoadOptions {
        password: options.password.clone(),
        ..LoadOptions::default()
    };
    let doc = match Document::load_mem_with_options(bytes, load) {
        Ok(d) => d,
        Err(lopdf::Error::InvalidPassword) => return Err(PdfError::Encrypted),
        Err(e) if e.to_string().to_ascii_lowercase().contains("password") => {
            return Err(PdfError::Encrypted)
        }
        Err(e) => return Err(PdfError::Damaged(e.to_string())),
    };
    let pages = doc.get_pages();
    if pages.is_empty() {
        // lopdf loads an encrypted file it cannot decrypt with its objects unreadable.
        if doc.trailer.has(b"Encrypt") || doc.is_encrypted() {
            return Err(PdfError::Encrypted);
        }
        return Err(PdfError::NoPages);
    }
    let mut fonts = FontCache::default();
    let mut layout = Layout {
        producer: producer(&doc),
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

/// The page's media box `[x0 y0 x1 y1]`, inherited through `/Parent` (PDF 32000-1 §7.7.3.4).
fn media_box(doc: &Document, page_id: ObjectId) -> [f32; 4] {
    let mut node: Option<&Dictionary> = doc.get_dictionary(page_id).ok();
    for _ in 0..32 {
        let Some(d) = node else { break };
        if let Some(Object::Array(a)) = d.get(b"MediaBox").ok().map(|o| deref(doc, o)) {
            let v: Vec<f32> = a.iter().filter_map(|o| number(deref(doc, o))).collect();
            if let Ok(v) = <[f32; 4]>::try_from(v) {
                return v;
            }
        }
        node = d
            .get(b"Parent")
            .ok()
            .and_then(|p| p.as_reference().ok())
            .and_then(|id| doc.get_dictionary(id).ok());
    }
    // US Letter, the default of most producers.
    [0.0, 0.0, 612.0, 792.0]
}

fn read_page(
    doc: &Document,
    page_id: ObjectId,
    number: u32,
    fonts: &mut FontCache,
) -> (Page, u64, Vec<String>) {
    let [x0, y0, x1, y1] = media_box(doc, page_id);
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
    let content = match doc.get_page_content_with_limit(page_id, MAX_PAGE_CONTENT) {
        Ok(c) => c,
        Err(e) => {
            warnings.push(format!("content unreadable ({e})"));
            Vec::new()
        }
    };
    let mut sink = PageSink::default();
    let mut interp = Interpreter::new(doc, fonts, &mut sink);
    interp.run(&content, &resources);
    let undecodable = interp.undecodable;
    warnings.append(&mut interp.warnings);
    let page = layout::build_page(number, x0, y0, x1 - x0, y1 - y0, sink);
    (page, undecodable, warnings)
}
