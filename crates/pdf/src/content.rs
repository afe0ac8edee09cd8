//! Decoding content streams (page contents, form XObjects) with what could not be
//! decoded reported, not dropped.
//!
//! lopdf decodes the filters, but gives up on a `/Filter` held in an indirect object
//! (legal: PDF 32000-1 §7.3.10 allows any value to be indirect) and on deflate data
//! whose checksum or tail is damaged. Here filter entries are resolved first, and
//! `FlateDecode` alone is inflated with flate2 so the part before any damage is kept.

use std::io::Read;

use lopdf::{Document, Object, ObjectId, Stream};

use crate::font::widths::deref;

/// Largest decoded size of one content stream, in bytes (a guard against decompression
/// bombs; real pages are well under 1 MiB).
pub(crate) const MAX_CONTENT: usize = 64 * 1024 * 1024;

/// Largest decoded size of an embedded font program (`/FontFile`, `/FontFile2`,
/// `/FontFile3`), in bytes: the largest complete CJK OpenType fonts (Noto Sans CJK,
/// Source Han) are about 16–20 MiB, and embedded subsets are far smaller.
pub(crate) const MAX_FONT_PROGRAM: usize = 32 * 1024 * 1024;

/// Largest decoded size of a CMap stream (`/ToUnicode`, an embedded `/Encoding`) or a
/// `/CIDToGIDMap`, in bytes. A CIDToGIDMap holds 2 bytes for each of at most 65 536 CIDs
/// (PDF 32000-1 §9.7.4.2, Annex C.2); a ToUnicode CMap of every CID of a CJK font, one
/// `bfchar` line of about 20 bytes each, is about 1.3 MiB: 8 MiB leaves room for any
/// layout of it.
pub(crate) const MAX_CMAP_STREAM: usize = 8 * 1024 * 1024;

/// The decoded data of a stream (at most [`MAX_CONTENT`] bytes); trouble goes to
/// `warnings` naming the stream.
pub(crate) fn decode(
    doc: &Document,
    id: Option<ObjectId>,
    stream: &Stream,
    warnings: &mut Vec<String>,
) -> Vec<u8> {
    decode_limited(doc, id, stream, MAX_CONTENT, warnings)
}

/// The decoded data of the stream a font dictionary entry names (a reference or a
/// direct stream), at most `limit` bytes; `None` when the entry is not a stream. Past
/// the limit the data is refused whole (a font program or CMap cut anywhere is not
/// one), with a warning naming the entry, its object and the limit.
pub(crate) fn font_stream(
    doc: &Document,
    entry: &Object,
    what: &str,
    limit: usize,
    warnings: &mut Vec<String>,
) -> Option<Vec<u8>> {
    let id = entry.as_reference().ok();
    let Object::Stream(s) = deref(doc, entry) else {
        return None;
    };
    let mut local = Vec::new();
    let data = decode_limited(doc, id, s, limit + 1, &mut local);
    let name = id.map_or_else(|| what.to_string(), |(n, g)| format!("{what} ({n} {g} R)"));
    if data.len() > limit {
        warnings.push(format!(
            "{name}: decodes to more than the limit of {limit} bytes; not used"
        ));
        return None;
    }
    warnings.extend(local.into_iter().map(|w| format!("{what}: {w}")));
    Some(data)
}

/// [`decode`] with `limit` for the decoded size, in bytes.
fn decode_limited(
    doc: &Document,
    id: Option<ObjectId>,
    stream: &Stream,
    limit: usize,
    warnings: &mut Vec<String>,
) -> Vec<u8> {
    let name = id.map_or_else(
        || "inline stream".to_string(),
        |(n, g)| format!("stream {n} {g} R"),
    );
    let filter = stream
        .dict
        .get(b"Filter")
        .ok()
        .map(|f| deref(doc, f).clone());
    let filters: Vec<Vec<u8>> = match &filter {
        None => Vec::new(),
        Some(Object::Name(n)) => vec![n.clone()],
        Some(Object::Array(a)) => a
            .iter()
            .filter_map(|o| deref(doc, o).as_name().ok().map(<[u8]>::to_vec))
            .collect(),
        Some(_) => {
            warnings.push(format!("{name}: unreadable /Filter; stream skipped"));
            return Vec::new();
        }
    };
    let parms = stream
        .dict
        .get(b"DecodeParms")
        .ok()
        .map(|p| deref(doc, p).clone());
    let plain_flate = matches!(filters.as_slice(), [f] if f.as_slice() == b"FlateDecode" || f.as_slice() == b"Fl")
        && !matches!(&parms, Some(Object::Dictionary(d)) if d.has(b"Predictor"));
    if filters.is_empty() {
        return stream.content.clone();
    }
    if plain_flate {
        return inflate(&stream.content, &name, limit, warnings);
    }
    let mut resolved = stream.clone();
    if let Some(f) = filter {
        resolved.dict.set("Filter", f);
    }
    if let Some(p) = parms {
        resolved.dict.set("DecodeParms", p);
    }
    match resolved.decompressed_content_with_limit(limit) {
        Ok(data) => data,
        Err(e) => {
            warnings.push(format!("{name}: cannot be decoded ({e}); skipped"));
            Vec::new()
        }
    }
}

/// Inflates zlib data (PDF 32000-1 §7.4.4), keeping what came before damage, at most
/// `limit` bytes. When the zlib stream fails (a bad checksum, a cut tail), the deflate
/// data inside it is read again without the zlib wrapper, which has no checksum, and
/// the longer result kept.
fn inflate(data: &[u8], name: &str, limit: usize, warnings: &mut Vec<String>) -> Vec<u8> {
    // The `bufread` decoders read the slice in place (the `read` ones copy it through a
    // 32 KiB buffer of their own first).
    let hint = data.len().saturating_mul(INFLATE_RATIO_HINT);
    let (mut out, error) = read_all(flate2::bufread::ZlibDecoder::new(data), limit, hint);
    if let Some(e) = error {
        let (raw, raw_error) = read_all(
            flate2::bufread::DeflateDecoder::new(data.get(2..).unwrap_or_default()),
            limit,
            hint,
        );
        if raw.len() > out.len() {
            out = raw;
        }
        let kept = if raw_error.is_some() {
            format!("the {} bytes before the damage are used", out.len())
        } else {
            format!("all {} bytes recovered without the checksum", out.len())
        };
        warnings.push(format!("{name}: deflate data damaged ({e}); {kept}"));
    }
    if out.len() > limit {
        warnings.push(format!(
            "{name}: decodes to more than the limit of {limit} bytes; cut there"
        ));
        out.truncate(limit);
    }
    out
}

/// How many times its compressed size a content stream is first given room for. The
/// Flate content streams of the un-en reports and the fixtures inflate to 2.2 (Acrobat
/// Distiller, `S_2013_220.pdf`) to 10 times their size (Word, WeasyPrint, Typst: about
/// 8): with 4 the buffer grows once or not at all instead of by doubling from a few
/// bytes; 8 measured no better (callgrind: `A_80_590.pdf` `text` 177.9 → 177.1 M
/// instructions, `S_2013_220.pdf` 105.0 → 105.3 M). Only capacity, never more than the
/// limit.
const INFLATE_RATIO_HINT: usize = 4;

/// Reads a decoder to its end or its first error, at most `limit` + 1 bytes, into a
/// buffer with room for `hint` bytes first (at most `limit` + 1).
/// `read_to_end` keeps what was read before an error, and grows its buffer by doubling.
fn read_all(decoder: impl Read, limit: usize, hint: usize) -> (Vec<u8>, Option<std::io::Error>) {
    let mut out = Vec::with_capacity(hint.min(limit.saturating_add(1)));
    let mut reader = decoder.take(limit as u64 + 1);
    match reader.read_to_end(&mut out) {
        Ok(_) => (out, None),
        Err(e) => (out, Some(e)),
    }
}

/// The decoded content of a page: its `/Contents` stream, or the streams of its array
/// joined by newlines (PDF 32000-1 §7.7.3.3).
pub(crate) fn page_content(
    doc: &Document,
    page_id: ObjectId,
    warnings: &mut Vec<String>,
) -> Vec<u8> {
    let Ok(page) = doc.get_dictionary(page_id) else {
        warnings.push("page dictionary unreadable".to_string());
        return Vec::new();
    };
    let refs: Vec<&Object> = match page.get(b"Contents") {
        Ok(Object::Array(a)) => a.iter().collect(),
        Ok(o) => match deref(doc, o) {
            Object::Array(a) => a.iter().collect(),
            _ => vec![o],
        },
        Err(_) => return Vec::new(),
    };
    let mut out = Vec::new();
    for r in refs {
        let id = r.as_reference().ok();
        match deref(doc, r) {
            Object::Stream(s) => {
                out.extend(decode(doc, id, s, warnings));
                out.push(b'\n');
            }
            _ => warnings.push(match id {
                Some((n, g)) => format!("content stream {n} {g} R missing or not a stream"),
                None => "content entry not a stream".to_string(),
            }),
        }
        if out.len() > MAX_CONTENT {
            warnings.push(format!("page content over {MAX_CONTENT} bytes; cut there"));
            out.truncate(MAX_CONTENT);
            break;
        }
    }
    out
}
