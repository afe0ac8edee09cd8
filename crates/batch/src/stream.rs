//! One UNPC corpus file written as it is read ([`stream_document`]): the document
//! [`crate::read_document`] makes, handed over block by block so that it is never
//! held whole (a 100 MB file's document is 2.5 × the file; streamed, the peak is the
//! file's bytes and one block).

use unpara_model::{forbidden_chars, Block, Document};
use unpara_xml::{InputKind, UnpcStream};

use crate::read::{sha256_hex, xml_options};
use crate::{ReadError, Reading};

/// A document whose blocks are read as they are written: [`DocumentStream::head`]
/// holds everything else.
#[derive(Debug)]
pub struct DocumentStream<'a> {
    name: String,
    unpc: UnpcStream<'a>,
    head: Document,
}

/// `Some` when `bytes` hold a document that can be streamed (UNPC XML in UTF-8), after
/// a first reading of the whole file; `None` for any other input (use
/// [`crate::read_document`]). `name` only names the input, as there.
///
/// # Errors
/// [`ReadError::Xml`] when the XML is malformed or holds no text.
pub fn stream_document<'a>(
    name: &str,
    bytes: &'a [u8],
    how: &Reading,
) -> Result<Option<DocumentStream<'a>>, ReadError> {
    if unpara_xml::detect(bytes) != InputKind::Xml {
        return Ok(None);
    }
    // A block's text is its sentences joined by a space or by nothing, so its forbidden
    // characters are its sentences' ones.
    let mut forbidden = 0;
    let opened = UnpcStream::open(bytes, &xml_options(name, how), |sentences| {
        forbidden += sentences.iter().map(|s| forbidden_chars(s)).sum::<u64>();
    });
    let unpc = match opened {
        Ok(Some(unpc)) => unpc,
        Ok(None) => return Ok(None),
        Err(source) => {
            return Err(ReadError::Xml {
                name: name.to_string(),
                source,
            })
        }
    };
    let mut head = unpc.head().clone();
    head.source.sha256 = sha256_hex(bytes);
    head.drop_forbidden_chars_besides(forbidden);
    Ok(Some(DocumentStream {
        name: name.to_string(),
        unpc,
        head,
    }))
}

impl DocumentStream<'_> {
    /// The document without its blocks: source (with the SHA-256 of the bytes),
    /// language, metadata, footnotes, diagnostics (all of them: the first reading saw
    /// the whole file).
    pub fn head(&self) -> &Document {
        &self.head
    }

    /// Calls `f` with each block in order, as [`crate::read_document`]'s document holds
    /// them (forbidden characters dropped, sentences segmented); `f` returns `false` to
    /// be called no more.
    ///
    /// # Errors
    /// [`ReadError::Xml`] if the XML cannot be read again.
    pub fn for_each_block(&self, mut f: impl FnMut(Block) -> bool) -> Result<(), ReadError> {
        let lang = self.head.language;
        self.unpc
            .for_each_block(|mut block| {
                block.drop_forbidden_chars();
                if block.sentences.is_empty() {
                    block.sentences = unpara_sentences::segment(&block.text, lang);
                }
                f(block)
            })
            .map_err(|source| ReadError::Xml {
                name: self.name.clone(),
                source,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read_document;

    /// The streamed document is the read one: forbidden characters in the metadata and
    /// in the sentences counted in one warning, after the reader's.
    #[test]
    fn a_stream_holds_the_read_document() {
        let xml = "<TEI.2><teiHeader><idno type=\"symbol\">A/1&#x1;</idno></teiHeader>\
            <text><body><p id=\"1\"><s id=\"1:1\" lang=\"en\">One&#x7;.</s><s id=\"1:2\">Two.</s></p>\
            stray<p id=\"2\"><s id=\"2:1\">Three&#x7;&#x7;.</s></p></body></text></TEI.2>";
        let how = Reading::default();
        let read = read_document("a.xml", xml.as_bytes(), &how).expect("reads");
        let stream = stream_document("a.xml", xml.as_bytes(), &how)
            .expect("reads")
            .expect("UNPC");
        let mut doc = stream.head().clone();
        stream
            .for_each_block(|b| {
                doc.blocks.push(b);
                true
            })
            .expect("reads");
        assert_eq!(doc, read);
        assert_eq!(doc.blocks[0].text, "One. Two.");
        assert_eq!(doc.blocks[1].sentences, ["Three."]);
        assert_eq!(doc.metadata.symbol.as_deref(), Some("A/1"));
        assert_eq!(
            doc.diagnostics.warnings.last().map(String::as_str),
            Some("4 characters XML 1.0 forbids (control characters such as U+0007) dropped from the text")
        );
    }

    #[test]
    fn other_inputs_are_not_streamed() {
        let how = Reading::default();
        for bytes in [
            &b"%PDF-1.4"[..],
            b"<udhr><article/></udhr>",
            b"PK\x03\x04",
            b"text",
        ] {
            assert!(stream_document("x", bytes, &how)
                .expect("no error")
                .is_none());
        }
    }
}
