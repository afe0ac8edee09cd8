//! A UNPC file read for writing block by block: the document [`super::read`] makes,
//! without ever holding its blocks. A corpus file of 100 MB makes about 80 MB of
//! paragraph text and as much again of sentence text; held, with the file, that is
//! 2.5 × the file at peak. Read in two passes over the file's bytes — the first for
//! the header, the language and the warnings, which the output gives before the
//! blocks, the second handing each block over as it is made — the peak is the file
//! and one paragraph.

use unpara_lang::Detector;
use unpara_model::{Block, Document};

use super::{block_of, head_document, parse, sentences_of};
use crate::{xml, ReadOptions, XmlError};

/// A UNPC document whose blocks are read as they are wanted ([`UnpcStream::for_each_block`]).
#[derive(Debug)]
pub struct UnpcStream<'a> {
    bytes: &'a [u8],
    head: Document,
}

impl<'a> UnpcStream<'a> {
    /// Reads `bytes` once, when they hold a UNPC document in UTF-8 (root `<TEI.2>` or
    /// `<doc>`): `None` for any other input (read it with [`crate::read_xml`]). Nothing
    /// but the current paragraph is held. `inspect` is called with the sentences of
    /// each block in order (its text is their join), to count what a later stage will
    /// change in them.
    ///
    /// # Errors
    /// What [`crate::read_xml`] returns for the same bytes: [`XmlError::Xml`] for
    /// malformed XML, [`XmlError::Empty`] when no `<p>` holds text.
    pub fn open(
        bytes: &'a [u8],
        options: &ReadOptions,
        mut inspect: impl FnMut(&[String]),
    ) -> Result<Option<UnpcStream<'a>>, XmlError> {
        if crate::utf16_order(bytes).is_some()
            || !matches!(xml::root(bytes)?.as_str(), "TEI.2" | "doc")
        {
            return Ok(None);
        }
        let mut warnings = Vec::new();
        let mut any_text = false;
        // The text is counted for the language while no attribute has named one: when
        // none does, the detector has seen it all, in order, without another pass.
        let mut detector = Detector::default();
        let header = parse::parse(bytes, &mut warnings, |p, header| {
            let sentences = sentences_of(p);
            any_text |= sentences.iter().any(|t| !t.trim().is_empty());
            if options.lang.is_none() && header.lang.is_none() {
                for s in &sentences {
                    detector.feed_str(s);
                }
            }
            if !sentences.is_empty() {
                inspect(&sentences);
            }
        })?;
        if !any_text {
            return Err(XmlError::Empty);
        }
        let head = head_document(options, header, warnings, || detector.language());
        Ok(Some(UnpcStream { bytes, head }))
    }

    /// The document without its blocks: source, language, metadata, diagnostics.
    pub fn head(&self) -> &Document {
        &self.head
    }

    /// Reads the file again and calls `f` with each block in order, as the document of
    /// [`crate::read_xml`] holds them (ids `b0`, `b1`, …); `f` returns `false` to be
    /// called no more.
    ///
    /// # Errors
    /// [`XmlError::Xml`] when the XML is not well-formed (not after [`UnpcStream::open`]
    /// read the same bytes).
    pub fn for_each_block(&self, mut f: impl FnMut(Block) -> bool) -> Result<(), XmlError> {
        let sep = self.head.language.word_joiner();
        let mut index = 0;
        let mut wanted = true;
        parse::parse(self.bytes, &mut Vec::new(), |p, _| {
            let sentences = sentences_of(p);
            if !wanted || sentences.is_empty() {
                return;
            }
            wanted = f(block_of(sentences, sep, index));
            index += 1;
        })?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unpara_model::Lang;

    /// Blocks collected from a stream, and the stream's head.
    fn streamed(xml: &str, options: &ReadOptions) -> Document {
        let mut inspected = Vec::new();
        let stream = UnpcStream::open(xml.as_bytes(), options, |s| inspected.push(s.len()))
            .expect("reads")
            .expect("UNPC");
        let mut doc = stream.head().clone();
        stream
            .for_each_block(|b| {
                doc.blocks.push(b);
                true
            })
            .expect("reads");
        let counts: Vec<usize> = doc.blocks.iter().map(|b| b.sentences.len()).collect();
        assert_eq!(inspected, counts);
        doc
    }

    #[test]
    fn a_stream_gives_the_document_read_gives() {
        let files = [
            // A language attribute, an empty paragraph and an empty sentence.
            r#"<TEI.2><teiHeader><idno type="symbol">A/1</idno><idno type="jobno">N1</idno></teiHeader>
<text><body><p id="1"><s id="1:1" lang="en">First one.</s><s id="1:2" lang="en">Second.</s></p>
<p id="2"><s id="2:1"> </s></p><p id="3"><s id="3:1">Third.</s><s id="3:2"></s></p></body></text></TEI.2>"#,
            // No language attribute (detected: Chinese), stray text, a lone sentence.
            r#"<doc><p id="7"><s id="1">甲。</s>乙<s id="2">丙。</s></p><s id="9">丁。</s></doc>"#,
            // The first language attribute after text without one: it names the language.
            r#"<doc><p id="1"><s>Hello there.</s></p><p id="2"><s lang="zh">中文。</s></p></doc>"#,
            // A language none of the six: warned, detected (French).
            r#"<doc><p id="1"><s lang="de">Tous les êtres humains naissent libres et égaux en dignité et en droits.</s></p></doc>"#,
        ];
        for xml in files {
            let read = crate::read_xml(xml.as_bytes(), &ReadOptions::default()).expect("reads");
            assert_eq!(streamed(xml, &ReadOptions::default()), read, "{xml}");
        }
        let zh = ReadOptions {
            lang: Some(Lang::Zh),
            ..ReadOptions::default()
        };
        assert_eq!(
            streamed(files[2], &ReadOptions::default()).language,
            Lang::Zh
        );
        let doc = streamed(files[0], &zh);
        assert_eq!(
            (doc.language, doc.blocks[0].text.as_str()),
            (Lang::Zh, "First one.Second.")
        );
    }

    #[test]
    fn other_inputs_and_empty_files() {
        let none = |xml: &str| {
            UnpcStream::open(xml.as_bytes(), &ReadOptions::default(), |_| {})
                .expect("reads")
                .is_none()
        };
        assert!(none("<udhr><article><para>x</para></article></udhr>"));
        assert!(none("<html><p>x</p></html>"));
        let empty = UnpcStream::open(b"<doc><p id=\"1\"/></doc>", &ReadOptions::default(), |_| {});
        assert!(matches!(empty, Err(XmlError::Empty)), "{empty:?}");
        let cut = UnpcStream::open(b"<doc><p id=\"1\"><s>a", &ReadOptions::default(), |_| {});
        assert!(matches!(cut, Err(XmlError::Xml(_))), "{cut:?}");
    }

    #[test]
    fn the_callee_stops_the_stream() {
        let xml = "<doc><p><s>a.</s></p><p><s>b.</s></p><p><s>c.</s></p></doc>";
        let stream = UnpcStream::open(xml.as_bytes(), &ReadOptions::default(), |_| {})
            .expect("reads")
            .expect("UNPC");
        let mut ids = Vec::new();
        stream
            .for_each_block(|b| {
                ids.push(b.id);
                ids.len() < 2
            })
            .expect("reads");
        assert_eq!(ids, ["b0", "b1"]);
    }
}
