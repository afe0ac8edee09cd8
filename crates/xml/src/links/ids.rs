//! Sentence ids of one document, as link files name them: the document's own
//! (`blockid:index`, what `unpara align --format xces` writes) and, for a UN Parallel
//! Corpus file, the ids of its `<s>` elements (`paragraph:sentence`).

use std::collections::HashMap;

use unpara_model::Document;

use super::LinkError;

/// Where a source sentence id points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// Block index, sentence index in the block.
    At(u32, u32),
    /// A sentence with no text, left out of the document.
    Empty,
    /// An id the file gives to more than one sentence.
    Repeated,
}

/// The sentence ids of one document, resolved to (block index, sentence index).
#[derive(Debug, Clone)]
pub struct SentenceIds {
    /// The document's path, for messages.
    file: String,
    /// Own block ids → block index.
    blocks: HashMap<String, u32>,
    /// Sentences per block, by block index.
    counts: Vec<u32>,
    /// Ids the source file gives its sentences (UNPC `N:M`).
    source: HashMap<String, Target>,
}

impl SentenceIds {
    /// The document's own sentence ids (`b3:0`: block id, index of the sentence in it).
    pub fn of_document(doc: &Document) -> SentenceIds {
        let to_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        SentenceIds {
            file: doc.source.path.clone(),
            blocks: doc
                .blocks
                .iter()
                .enumerate()
                .map(|(k, b)| (b.id.clone(), to_u32(k)))
                .collect(),
            counts: doc
                .blocks
                .iter()
                .map(|b| to_u32(b.sentences.len()))
                .collect(),
            source: HashMap::new(),
        }
    }

    /// Adds the ids of the source file; they are looked up before the own ids.
    pub(crate) fn with_source_ids(mut self, source: HashMap<String, Target>) -> SentenceIds {
        self.source = source;
        self
    }

    /// The ids the source file gives `doc`'s sentences, by our id (`b2:1` → `3:2`):
    /// empty for documents without source ids; an id the file repeats is left out.
    pub fn source_names(&self, doc: &Document) -> HashMap<String, String> {
        self.source
            .iter()
            .filter_map(|(name, target)| match target {
                Target::At(k, i) => {
                    let block = doc.blocks.get(usize::try_from(*k).ok()?)?;
                    Some((format!("{}:{i}", block.id), name.clone()))
                }
                Target::Empty | Target::Repeated => None,
            })
            .collect()
    }

    /// The document's path.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// Number of blocks.
    pub(crate) fn blocks(&self) -> usize {
        self.counts.len()
    }

    /// Sentences of each block, by block index.
    pub(crate) fn counts(&self) -> &[u32] {
        &self.counts
    }

    /// Where sentence `id` (named by link number `link`) is: `Some((block, sentence))`,
    /// or `None` for a sentence with no text, which the document leaves out.
    ///
    /// # Errors
    /// [`LinkError::UnknownId`], [`LinkError::Ambiguous`], or [`LinkError::Mismatch`]
    /// when a source id points outside the document.
    pub(crate) fn resolve(&self, id: &str, link: usize) -> Result<Option<(u32, u32)>, LinkError> {
        let unknown = || LinkError::UnknownId {
            link,
            id: id.to_string(),
            file: self.file.clone(),
        };
        let (block, index) = match self.source.get(id) {
            Some(Target::Empty) => return Ok(None),
            Some(Target::Repeated) => {
                return Err(LinkError::Ambiguous {
                    link,
                    id: id.to_string(),
                    file: self.file.clone(),
                })
            }
            Some(Target::At(k, i)) => {
                if !self.holds(*k, *i) {
                    return Err(LinkError::Mismatch {
                        file: self.file.clone(),
                    });
                }
                (*k, *i)
            }
            None => {
                let (block_id, index) = id.rsplit_once(':').ok_or_else(unknown)?;
                let k = *self.blocks.get(block_id).ok_or_else(unknown)?;
                let i = index.parse::<u32>().map_err(|_| unknown())?;
                (k, i)
            }
        };
        if self.holds(block, index) {
            Ok(Some((block, index)))
        } else {
            Err(unknown())
        }
    }

    fn holds(&self, block: u32, index: u32) -> bool {
        usize::try_from(block)
            .ok()
            .and_then(|k| self.counts.get(k))
            .is_some_and(|&n| index < n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::empty_block;
    use unpara_model::{Block, Diagnostics, Lang, Metadata, Source, SourceFormat};

    fn doc() -> Document {
        let block = |id: &str, n: usize| Block {
            id: id.into(),
            sentences: vec!["x".into(); n],
            ..empty_block()
        };
        Document {
            source: Source {
                path: "en.xml".into(),
                format: SourceFormat::UnpcXml,
                sha256: String::new(),
                pages: 0,
                producer: None,
            },
            language: Lang::En,
            metadata: Metadata::default(),
            blocks: vec![block("b0", 2), block("b1", 1)],
            footnotes: vec![],
            diagnostics: Diagnostics::default(),
        }
    }

    #[test]
    fn own_and_source_ids() {
        let ids = SentenceIds::of_document(&doc()).with_source_ids(HashMap::from([
            ("1:1".to_string(), Target::At(0, 0)),
            ("2:1".to_string(), Target::Empty),
            ("3:1".to_string(), Target::Repeated),
            ("4:1".to_string(), Target::At(1, 5)),
        ]));
        assert_eq!(ids.resolve("1:1", 1).ok(), Some(Some((0, 0))));
        assert_eq!(ids.resolve("b0:1", 1).ok(), Some(Some((0, 1))));
        assert_eq!(ids.resolve("2:1", 1).ok(), Some(None));
        assert!(matches!(
            ids.resolve("3:1", 1),
            Err(LinkError::Ambiguous { .. })
        ));
        assert!(matches!(
            ids.resolve("4:1", 1),
            Err(LinkError::Mismatch { .. })
        ));
        let err = ids.resolve("b1:1", 7).expect_err("only one sentence in b1");
        assert_eq!(err.to_string(), "link 7: sentence b1:1 is not in en.xml");
        assert!(ids.resolve("zz", 1).is_err());
    }
}
