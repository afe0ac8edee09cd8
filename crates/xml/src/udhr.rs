//! The Universal Declaration of Human Rights in the udhr-in-unicode XML schema
//! (`<udhr>`, `<title>`, `<note>`, `<preamble>`, `<article number>`, `<orderedlist>`,
//! `<listitem tag>`, `<para>`; unicode.org/udhr): the title and the notes and preamble
//! paragraphs are `text` blocks, the preamble and article titles are headings (an
//! article's heading carries its `number`, which anchors the alignment of language
//! versions), article paragraphs are `text` blocks and list items are `item` blocks
//! labelled by their `tag` (else `1.`, `2.`, … by position) under the article heading.

use unpara_model::{Block, BlockKind, Document, Lang, SourceFormat};

use crate::document::{detect_language, empty_block, new_document, push_block};
use crate::xml::{walk, Ev};
use crate::{ReadOptions, XmlError};

/// A block being read, before ids are given.
struct Pending {
    kind: BlockKind,
    text: String,
    label: Option<String>,
    number: Option<String>,
    level: Option<u8>,
    /// Index (in the pending list) of the heading it belongs to.
    parent: Option<usize>,
}

fn attr<'a>(attrs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// Reads a UDHR XML document.
///
/// # Errors
/// [`XmlError::Xml`] for malformed XML, [`XmlError::Empty`] without text.
pub(crate) fn read(bytes: &[u8], options: &ReadOptions) -> Result<Document, XmlError> {
    let mut warnings = Vec::new();
    let mut pending: Vec<Pending> = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut lang: Option<Lang> = None;
    let mut text = String::new();
    let mut article: Option<(String, Option<usize>)> = None;
    // Per open <orderedlist>: items seen so far.
    let mut lists: Vec<usize> = Vec::new();
    let mut item_label: Option<String> = None;
    let mut title: Option<String> = None;
    walk(bytes, &mut warnings, |ev| {
        match ev {
            Ev::Start { name, attrs } => {
                match name.as_str() {
                    "udhr" => {
                        lang = attr(&attrs, "xml:lang")
                            .and_then(|l| Lang::parse(l.get(..2).unwrap_or(l)));
                    }
                    "article" => {
                        article =
                            Some((attr(&attrs, "number").unwrap_or_default().to_string(), None));
                    }
                    "orderedlist" => lists.push(0),
                    "listitem" => {
                        if let Some(n) = lists.last_mut() {
                            *n += 1;
                            item_label = Some(
                                attr(&attrs, "tag").map_or_else(|| format!("{n}."), str::to_string),
                            );
                        }
                    }
                    _ => {}
                }
                text.clear();
                stack.push(name);
            }
            Ev::Text(t) => text.push_str(&t),
            Ev::End { name } => {
                stack.pop();
                let parent_name = stack.last().map(String::as_str).unwrap_or_default();
                let content = text.split_whitespace().collect::<Vec<_>>().join(" ");
                match (name.as_str(), parent_name) {
                    ("title", "udhr") => {
                        title = Some(content.clone());
                        pending.push(block(BlockKind::Text, content, None));
                    }
                    ("title", "preamble") => {
                        pending.push(Pending {
                            level: Some(1),
                            ..block(BlockKind::Heading, content, None)
                        });
                    }
                    ("title", "article") => {
                        let number = article
                            .as_ref()
                            .map(|(n, _)| n.clone())
                            .filter(|n| !n.is_empty());
                        if let Some((_, at)) = article.as_mut() {
                            *at = Some(pending.len());
                        }
                        pending.push(Pending {
                            level: Some(1),
                            number,
                            ..block(BlockKind::Heading, content, None)
                        });
                    }
                    ("para", _) if !content.is_empty() => {
                        let heading = article.as_ref().and_then(|(_, at)| *at);
                        if stack.iter().any(|s| s == "listitem") {
                            let label = item_label.take();
                            let level = u8::try_from(lists.len()).ok();
                            pending.push(Pending {
                                label,
                                level,
                                parent: heading,
                                ..block(BlockKind::Item, content, None)
                            });
                        } else {
                            pending.push(block(BlockKind::Text, content, None));
                        }
                    }
                    ("article", _) => article = None,
                    ("orderedlist", _) => {
                        lists.pop();
                    }
                    _ => {}
                }
                text.clear();
            }
        }
        Ok(())
    })?;
    let texts: Vec<String> = pending.iter().map(|p| p.text.clone()).collect();
    let mut options = options.clone();
    options.lang = options
        .lang
        .or(lang)
        .or_else(|| Some(detect_language(&texts)));
    let mut doc = new_document(&options, SourceFormat::UdhrXml, &texts, warnings)?;
    doc.metadata.title = title;
    let ids: Vec<String> = (0..pending.len()).map(|i| format!("b{i}")).collect();
    for p in pending {
        push_block(
            &mut doc,
            Block {
                kind: p.kind,
                label: p.label,
                level: p.level,
                number: p.number,
                parent: p.parent.and_then(|i| ids.get(i).cloned()),
                text: p.text,
                ..empty_block()
            },
        );
    }
    Ok(doc)
}

fn block(kind: BlockKind, text: String, label: Option<String>) -> Pending {
    Pending {
        kind,
        text,
        label,
        number: None,
        level: None,
        parent: None,
    }
}
