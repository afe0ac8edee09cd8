//! Glyph widths in glyph space (1/1000 of the text size): `/Widths` of simple fonts
//! (PDF 32000-1 §9.6.2) and `/W` + `/DW` of CIDFonts (§9.7.4.3).

use foldhash::HashMap;

use lopdf::{Dictionary, Document, Object};

/// Resolves a reference, or returns the object itself.
pub(crate) fn deref<'a>(doc: &'a Document, obj: &'a Object) -> &'a Object {
    match obj {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(obj),
        other => other,
    }
}

/// A number from an integer or real object.
pub(crate) fn number(obj: &Object) -> Option<f32> {
    match obj {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

/// Widths of a simple font: 256 entries, `missing` where `/Widths` has none.
pub(crate) fn simple(font: &Dictionary, doc: &Document, missing: f32) -> Vec<f32> {
    let mut out = vec![missing; 256];
    let first = font
        .get(b"FirstChar")
        .ok()
        .map(|o| deref(doc, o))
        .and_then(number)
        .unwrap_or(0.0)
        .max(0.0) as usize;
    if let Some(Object::Array(ws)) = font.get(b"Widths").ok().map(|o| deref(doc, o)) {
        for (i, w) in ws.iter().enumerate() {
            if let (Some(slot), Some(w)) = (out.get_mut(first + i), number(deref(doc, w))) {
                *slot = w;
            }
        }
    }
    out
}

/// Widths of a CIDFont by CID, with the default width `/DW` (1000 when absent).
#[derive(Debug, Clone, Default)]
pub(crate) struct CidWidths {
    pub default: f32,
    pub by_cid: HashMap<u32, f32>,
}

/// Largest CID range expanded from a `/W` entry (`c_first c_last w`); larger ranges are
/// truncated, as no font has more than 65,536 glyphs.
const MAX_CID: i64 = 0xFFFF;

impl CidWidths {
    /// Reads `/DW` and `/W` of a CIDFont dictionary. A `/W` that names an object lost to
    /// damage leaves every width unknown: half an em is then a better guess than `/DW`
    /// (usually 1000 units, the width of CJK glyphs; Latin text would spread apart).
    pub(crate) fn read(cid_font: &Dictionary, doc: &Document) -> CidWidths {
        let w_lost = cid_font
            .get(b"W")
            .is_ok_and(|o| !matches!(deref(doc, o), Object::Array(_)));
        let default = if w_lost {
            500.0
        } else {
            cid_font
                .get(b"DW")
                .ok()
                .map(|o| deref(doc, o))
                .and_then(number)
                .unwrap_or(1000.0)
        };
        let mut by_cid = HashMap::default();
        if let Some(Object::Array(w)) = cid_font.get(b"W").ok().map(|o| deref(doc, o)) {
            let items: Vec<&Object> = w.iter().map(|o| deref(doc, o)).collect();
            let mut i = 0;
            while let Some(first) = items.get(i).copied().and_then(number) {
                let first = first as i64;
                match items.get(i + 1).copied() {
                    Some(Object::Array(ws)) => {
                        for (k, w) in ws.iter().enumerate() {
                            if let (Ok(cid), Some(w)) =
                                (u32::try_from(first + k as i64), number(deref(doc, w)))
                            {
                                by_cid.insert(cid, w);
                            }
                        }
                        i += 2;
                    }
                    Some(last) => {
                        let last = number(last).unwrap_or(-1.0) as i64;
                        let w = items
                            .get(i + 2)
                            .copied()
                            .and_then(number)
                            .unwrap_or(default);
                        for cid in first.max(0)..=last.min(MAX_CID) {
                            if let Ok(cid) = u32::try_from(cid) {
                                by_cid.insert(cid, w);
                            }
                        }
                        i += 3;
                    }
                    None => break,
                }
            }
        }
        CidWidths { default, by_cid }
    }

    /// Width of a CID.
    pub(crate) fn get(&self, cid: u32) -> f32 {
        self.by_cid.get(&cid).copied().unwrap_or(self.default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn w_array_both_forms() {
        let mut d = Dictionary::new();
        d.set("DW", Object::Integer(500));
        d.set(
            "W",
            Object::Array(vec![
                Object::Integer(3),
                Object::Array(vec![Object::Integer(250), Object::Real(333.5)]),
                Object::Integer(10),
                Object::Integer(12),
                Object::Integer(1000),
            ]),
        );
        let w = CidWidths::read(&d, &Document::new());
        assert_eq!(w.get(3), 250.0);
        assert_eq!(w.get(4), 333.5);
        assert_eq!(w.get(11), 1000.0);
        assert_eq!(w.get(13), 500.0);
    }
}
