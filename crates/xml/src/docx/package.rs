//! The ZIP package of a DOCX, read with a bound on how much its parts inflate to.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use crate::XmlError;

/// The XML parts of a package that the reader uses, inflated.
pub(crate) struct Parts {
    parts: BTreeMap<String, Vec<u8>>,
}

/// Whether a part is one the reader reads.
fn wanted(name: &str) -> bool {
    name == "word/document.xml"
        || name == "word/_rels/document.xml.rels"
        || name == "docProps/app.xml"
        || name == "word/styles.xml"
        || name == "word/numbering.xml"
        || name == "word/footnotes.xml"
        || (name.starts_with("word/header") || name.starts_with("word/footer"))
            && name.ends_with(".xml")
}

impl Parts {
    /// Inflates the wanted parts; the total may not exceed `limit` bytes (a zip bomb's
    /// declared sizes are not trusted: what is actually inflated counts).
    pub(crate) fn read(bytes: &[u8], limit: u64) -> Result<Parts, XmlError> {
        let mut archive =
            zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| XmlError::Docx(e.to_string()))?;
        let mut parts = BTreeMap::new();
        let mut total: u64 = 0;
        for i in 0..archive.len() {
            let mut file = archive
                .by_index(i)
                .map_err(|e| XmlError::Docx(e.to_string()))?;
            let name = file
                .name()
                .map_err(|e| XmlError::Docx(e.to_string()))?
                .to_string();
            if !wanted(&name) {
                continue;
            }
            let room = limit.saturating_sub(total);
            let mut data = Vec::new();
            (&mut file)
                .take(room.saturating_add(1))
                .read_to_end(&mut data)
                .map_err(|e| XmlError::Docx(format!("{name}: {e}")))?;
            total += data.len() as u64;
            if total > limit {
                return Err(XmlError::TooLarge { limit });
            }
            parts.insert(name, data);
        }
        Ok(Parts { parts })
    }

    pub(crate) fn get(&self, name: &str) -> Option<&[u8]> {
        self.parts.get(name).map(Vec::as_slice)
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.parts.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// A ZIP whose `word/document.xml` inflates to `size` bytes of spaces (a few KiB
    /// compressed).
    fn bomb(size: usize) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        w.start_file("word/document.xml", options).expect("entry");
        let chunk = vec![b' '; 1 << 16];
        for _ in 0..size / chunk.len() {
            w.write_all(&chunk).expect("write");
        }
        w.finish().expect("zip").into_inner()
    }

    #[test]
    fn a_zip_bomb_is_refused_by_what_it_inflates_to() {
        let bytes = bomb(8 << 20);
        assert!(bytes.len() < 64 * 1024, "compressed: {}", bytes.len());
        assert!(
            matches!(Parts::read(&bytes, 1 << 20), Err(XmlError::TooLarge { limit }) if limit == 1 << 20)
        );
        let parts = Parts::read(&bytes, 16 << 20).expect("under the limit");
        assert_eq!(
            parts.get("word/document.xml").map(<[u8]>::len),
            Some(8 << 20)
        );
    }
}
