//! Predefined CMaps and CID → Unicode tables, bundled from Adobe's cmap-resources
//! (BSD-3-Clause; `data/LICENSE-cmap-resources`, built by `data/bundle.py`).
//!
//! PDF 32000-1 §9.7.5.2 lists the predefined CMaps a conforming reader knows by name
//! (`GBK-EUC-H`, `UniGB-UCS2-H`, `90ms-RKSJ-V`, …); §9.10.2 says how text is recovered
//! for them: code → CID through the CMap, then CID → Unicode through the character
//! collection's `<Registry>-<Ordering>-UCS2` CMap. Both kinds of CMap are parsed by
//! [`super::cmap::parse`] on first use and kept for the life of the process.

use std::collections::HashMap;
use std::io::Read;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use super::cmap::{self, CMap};

/// The bundle: `UNPCMAP1`, then entries of name length (u8), name, zlib length (u32
/// LE), zlib data.
static BUNDLE: &[u8] = include_bytes!("../../data/cmap-resources.bin");

/// Largest inflated entry accepted, in bytes (the largest CMap is under 1 MiB).
const MAX_ENTRY: u64 = 8 * 1024 * 1024;

/// How many `usecmap` links are followed before giving up (real chains have 1–2).
const MAX_USECMAP_DEPTH: usize = 8;

type Cache = Mutex<HashMap<String, Option<Arc<CMap>>>>;

fn cache() -> &'static Cache {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    CACHE.get_or_init(Cache::default)
}

/// The zlib data of a bundle entry.
fn entry(name: &str) -> Option<&'static [u8]> {
    let mut rest = BUNDLE.strip_prefix(b"UNPCMAP1")?;
    while let [len, tail @ ..] = rest {
        let (entry_name, tail) = tail.split_at_checked(usize::from(*len))?;
        let (size, tail) = tail.split_at_checked(4)?;
        let size = u32::from_le_bytes(size.try_into().ok()?) as usize;
        let (data, tail) = tail.split_at_checked(size)?;
        if entry_name == name.as_bytes() {
            return Some(data);
        }
        rest = tail;
    }
    None
}

fn load(name: &str, depth: usize) -> Option<Arc<CMap>> {
    if let Some(hit) = cache()
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(name)
    {
        return hit.clone();
    }
    let parsed = entry(name).and_then(|z| {
        let mut data = Vec::new();
        flate2::bufread::ZlibDecoder::new(z)
            .take(MAX_ENTRY)
            .read_to_end(&mut data)
            .ok()?;
        let mut cmap = cmap::parse(&data);
        if let Some(parent) = cmap.usecmap.clone() {
            if depth < MAX_USECMAP_DEPTH {
                cmap.parent = named_at_depth(&parent, depth + 1);
            }
        }
        Some(Arc::new(cmap))
    });
    cache()
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(name.to_string(), parsed.clone());
    parsed
}

fn named_at_depth(name: &str, depth: usize) -> Option<Arc<CMap>> {
    load(&format!("cmap/{name}"), depth)
}

/// A predefined CMap by its PDF name (`GBK-EUC-H`, `UniJIS-UCS2-V`, …) with its
/// `usecmap` parent attached; `None` for names not bundled (including `Identity-H/V`,
/// which need no table).
pub(crate) fn named(name: &str) -> Option<Arc<CMap>> {
    named_at_depth(name, 0)
}

/// The CID → Unicode CMap of a character collection, e.g. `Adobe-GB1`: look CIDs up
/// with [`CMap::unicode`]. `None` for collections not bundled (`Adobe-Identity`, …).
pub(crate) fn cid_to_unicode(collection: &str) -> Option<Arc<CMap>> {
    load(&format!("cid2unicode/{collection}"), 0)
}

/// Whether a CMap name is one of the identity CMaps, spelled as producers write them:
/// `Identity-H`, `Identity-V`, `Identity`, `/Identity-H`, `identity-h`, `Identity-UTF16-H`…
pub(crate) fn is_identity(name: &str) -> bool {
    name.trim_start_matches('/')
        .get(..8)
        .is_some_and(|p| p.eq_ignore_ascii_case("identity"))
}

/// The collection a predefined CMap name belongs to, from its name alone: used when a
/// font's `/CIDSystemInfo` is missing or unreadable. GB, CNS and Korean CMaps are known
/// by their prefixes; every other bundled CMap (`H`, `V`, `90ms-RKSJ-H`, …) is Japanese.
pub(crate) fn collection_of(cmap_name: &str) -> Option<&'static str> {
    const PREFIXES: &[(&str, &str)] = &[
        ("UniGB", "Adobe-GB1"),
        ("GB", "Adobe-GB1"),
        ("UniCNS", "Adobe-CNS1"),
        ("B5", "Adobe-CNS1"),
        ("CNS", "Adobe-CNS1"),
        ("ETen", "Adobe-CNS1"),
        ("ETHK", "Adobe-CNS1"),
        ("HK", "Adobe-CNS1"),
        ("UniKS", "Adobe-Korea1"),
        ("KSC", "Adobe-Korea1"),
        ("UniJIS", "Adobe-Japan1"),
        ("UniHojo", "Adobe-Japan1"),
    ];
    PREFIXES
        .iter()
        .find(|(p, _)| cmap_name.starts_with(p))
        .map(|(_, c)| *c)
        .or_else(|| named(cmap_name).map(|_| "Adobe-Japan1"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_euc_maps_a_gbk_code_to_its_cid_and_unicode() {
        // 中 is GBK D6D0; GBK-EUC-H gives its Adobe-GB1 CID, and Adobe-GB1-UCS2 maps
        // that CID back to U+4E2D.
        let cmap = named("GBK-EUC-H").expect("bundled");
        let (code, len) = cmap.next_code(&[0xD6, 0xD0]).expect("code");
        assert_eq!((code, len), (0xD6D0, 2));
        let cid = cmap.cid(code).expect("cid");
        let table = cid_to_unicode("Adobe-GB1").expect("bundled");
        assert_eq!(table.unicode(cid).as_deref(), Some("中"));
        // One-byte ASCII range of the same CMap.
        assert_eq!(cmap.next_code(b"A"), Some((0x41, 1)));
    }

    #[test]
    fn vertical_cmap_inherits_from_horizontal() {
        let v = named("UniGB-UCS2-V").expect("bundled");
        assert_eq!(v.wmode, 1);
        // 中 U+4E2D has no vertical variant: the CID comes from UniGB-UCS2-H.
        let h = named("UniGB-UCS2-H").expect("bundled");
        assert_eq!(v.cid(0x4E2D), h.cid(0x4E2D));
        assert!(h.cid(0x4E2D).is_some());
    }

    #[test]
    fn every_collection_and_common_cmap_is_bundled() {
        for c in ["Adobe-GB1", "Adobe-CNS1", "Adobe-Japan1", "Adobe-Korea1"] {
            assert!(cid_to_unicode(c).is_some(), "{c}");
        }
        for n in [
            "UniGB-UCS2-H",
            "UniGB-UCS2-V",
            "UniGB-UTF16-H",
            "UniGB-UTF16-V",
            "GBK-EUC-H",
            "GBK-EUC-V",
            "GB-EUC-H",
            "GB-EUC-V",
            "GBK2K-H",
            "GBK2K-V",
            "GBpc-EUC-H",
            "UniCNS-UCS2-H",
            "B5pc-H",
            "ETen-B5-H",
            "UniJIS-UCS2-H",
            "90ms-RKSJ-H",
            "H",
            "V",
            "UniKS-UCS2-H",
            "KSCms-UHC-H",
        ] {
            assert!(named(n).is_some(), "{n}");
        }
        assert!(named("Identity-H").is_none());
        assert!(is_identity("Identity-H") && is_identity("identity-v") && is_identity("Identity"));
        assert!(!is_identity("UniGB-UCS2-H"));
    }
}
