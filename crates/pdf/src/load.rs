//! Loading a PDF's objects with lopdf: passwords, the direct `/Encrypt` dictionary
//! lopdf does not accept, and cross-reference recovery reported as warnings.

use lopdf::xref::XrefRecovery;
use lopdf::{Document, LoadOptions, Object};

use crate::error::PdfError;
use crate::packed;

/// A loaded document and what loading had to repair.
pub(crate) struct Loaded {
    /// The document, decrypted.
    pub(crate) doc: Document,
    /// Repairs made while loading, for [`unpara_model::Layout::warnings`].
    pub(crate) warnings: Vec<String>,
}

/// Loads `bytes` (a file starting with `%PDF-`), decrypting it with `password` or the
/// empty user password.
///
/// lopdf 0.47 decrypts only when the trailer's `/Encrypt` is an indirect reference; PDF
/// 32000-1 §7.5.5 (Table 15) allows a direct dictionary, which many producers write.
/// Such a file is loaded a second time with that trailer key neutralised (so lopdf reads
/// the objects as they are), the dictionary is made an object, and lopdf's own security
/// handler decrypts with the password.
///
/// # Errors
/// [`PdfError::Encrypted`] without a password, [`PdfError::WrongPassword`] with a wrong
/// one, [`PdfError::Damaged`] when no objects can be read even by lopdf's
/// reconstruction.
pub(crate) fn load(bytes: &[u8], password: Option<&str>) -> Result<Loaded, PdfError> {
    load_with(bytes, password).map_err(|e| match (e, password) {
        (PdfError::Encrypted, Some(_)) => PdfError::WrongPassword,
        (e, _) => e,
    })
}

fn load_with(bytes: &[u8], password: Option<&str>) -> Result<Loaded, PdfError> {
    // First with the object streams left packed (see [`crate::packed`]): kept when the
    // file is whole, not encrypted and nothing reachable is packed; any other outcome
    // goes to the full load below, as if this one had not been made.
    if password.is_none() {
        let options = LoadOptions {
            filter: Some(packed::leave_packed),
            ..LoadOptions::default()
        };
        if let Ok(mut doc) = Document::load_mem_with_options(bytes, options) {
            let whole = doc.xref_recovery.is_none()
                && !doc.objects.is_empty()
                && !doc.trailer.has(b"Encrypt");
            if whole && packed::nothing_needed_is_packed(&doc) {
                packed::restore_types(&mut doc);
                return Ok(Loaded {
                    warnings: Vec::new(),
                    doc,
                });
            }
        }
    }
    let options = LoadOptions {
        password: password.map(str::to_string),
        ..LoadOptions::default()
    };
    let doc = match Document::load_mem_with_options(bytes, options) {
        Ok(d) => d,
        Err(lopdf::Error::InvalidPassword) => return direct_encrypt(bytes, password),
        Err(e) => return Err(PdfError::Damaged(e.to_string())),
    };
    if doc.objects.is_empty() && doc.trailer.has(b"Encrypt") {
        return direct_encrypt(bytes, password);
    }
    Ok(Loaded {
        warnings: recovery_warning(&doc).into_iter().collect(),
        doc,
    })
}

fn recovery_warning(doc: &Document) -> Option<String> {
    match doc.xref_recovery? {
        XrefRecovery::OffsetCorrected => {
            Some("damaged file: a cross-reference offset was wrong and was corrected".to_string())
        }
        XrefRecovery::Reconstructed => Some(format!(
            "damaged file: cross-reference table unreadable, rebuilt by scanning for objects \
             ({} objects recovered; objects lost to the damage are missing)",
            doc.objects.len()
        )),
        _ => Some("damaged file: cross-reference data repaired".to_string()),
    }
}

/// The second load of [`load`] for a trailer with a direct `/Encrypt` dictionary.
fn direct_encrypt(bytes: &[u8], password: Option<&str>) -> Result<Loaded, PdfError> {
    let mut patched = bytes.to_vec();
    let key = b"/Encrypt";
    let mut found = false;
    let mut at = 0;
    while let Some(i) = find(patched.get(at..).unwrap_or_default(), key) {
        let end = at + i + key.len();
        // `/EncryptMetadata` and other longer names are not the key.
        if !patched.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            if let Some(last) = patched.get_mut(end - 1) {
                *last = b'_';
                found = true;
            }
        }
        at = end;
    }
    if !found {
        return Err(PdfError::Encrypted);
    }
    let mut doc = Document::load_mem(&patched).map_err(|e| PdfError::Damaged(e.to_string()))?;
    let dict = match doc.trailer.get(b"Encryp_") {
        Ok(Object::Dictionary(d)) => d.clone(),
        Ok(Object::Reference(id)) => match doc.get_dictionary(*id) {
            Ok(d) => d.clone(),
            Err(_) => return Err(PdfError::Encrypted),
        },
        _ => return Err(PdfError::Encrypted),
    };
    doc.trailer.remove(b"Encryp_");
    let id = doc.add_object(Object::Dictionary(dict));
    doc.trailer.set("Encrypt", Object::Reference(id));
    doc.decrypt(password.unwrap_or(""))
        .map_err(|_| PdfError::Encrypted)?;
    Ok(Loaded {
        warnings: recovery_warning(&doc).into_iter().collect(),
        doc,
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}
