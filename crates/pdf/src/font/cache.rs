//! The per-document font cache.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use lopdf::{Document, Object, ObjectId};
use unpara_model::FontInfo;

use super::widths::deref;
use super::Font;

/// Fonts of one document, loaded once each and shared by every page that uses them,
/// also by pages interpreted in parallel.
#[derive(Debug, Default)]
pub(crate) struct FontCache {
    inner: Mutex<CacheInner>,
}

#[derive(Debug, Default)]
struct CacheInner {
    by_id: HashMap<ObjectId, Arc<Font>>,
    /// Every font loaded, by [`Font::index`] (also direct dictionaries, not cached).
    all: Vec<Arc<Font>>,
    infos: Vec<FontInfo>,
    warnings: Vec<String>,
}

impl FontCache {
    fn lock(&self) -> std::sync::MutexGuard<'_, CacheInner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The font for a resource entry: a reference (cached) or a direct dictionary.
    /// A font is loaded outside the lock; when two pages load the same font at once,
    /// the first one stored wins.
    pub(crate) fn get(&self, obj: &Object, doc: &Document) -> Option<Arc<Font>> {
        let id = match obj {
            Object::Reference(id) => Some(*id),
            _ => None,
        };
        if let Some(f) = id.and_then(|id| self.lock().by_id.get(&id).cloned()) {
            return Some(f);
        }
        let Object::Dictionary(dict) = deref(doc, obj) else {
            return None;
        };
        let mut warnings = Vec::new();
        let (mut font, info) = Font::load(dict, doc, 0, &mut warnings);
        let mut inner = self.lock();
        if let Some(f) = id.and_then(|id| inner.by_id.get(&id)) {
            return Some(Arc::clone(f));
        }
        font.index = inner.infos.len();
        font.name = info.name.clone();
        inner.infos.push(info);
        inner.warnings.append(&mut warnings);
        let font = Arc::new(font);
        inner.all.push(Arc::clone(&font));
        if let Some(id) = id {
            inner.by_id.insert(id, Arc::clone(&font));
        }
        Some(font)
    }

    /// The layout descriptions of the fonts, indexed by [`Font::index`], and the
    /// warnings met while loading them (those of programs read for a page's codes
    /// last, font by font).
    pub(crate) fn into_parts(self) -> (Vec<FontInfo>, Vec<String>) {
        let mut inner = self
            .inner
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        for font in &inner.all {
            inner.warnings.extend_from_slice(font.program_warnings());
        }
        (inner.infos, inner.warnings)
    }
}
