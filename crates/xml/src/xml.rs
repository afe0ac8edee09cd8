//! The one way XML is read here: quick-xml over a `BufRead`, events simplified to
//! element starts (local name, attributes), ends and text.
//!
//! No DTD is processed: a `<!DOCTYPE>` is skipped, so external entities are never
//! fetched and declared entities never expanded (no XXE, no "billion laughs"). The
//! five predefined entities and character references are resolved; any other entity
//! reference stays in the text as written (`&name;`) and is reported once.

use std::io::BufRead;

use quick_xml::events::Event;
use quick_xml::Reader;

use crate::XmlError;

/// A simplified XML event.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Ev {
    /// An element starts (also an empty element, which is followed by its [`Ev::End`]).
    Start {
        /// Local name (namespace prefix dropped).
        name: String,
        /// Attributes: local name (`xml:lang` keeps its prefix) and value.
        attrs: Vec<(String, String)>,
    },
    /// An element ends.
    End {
        /// Local name.
        name: String,
    },
    /// Character data (text, CDATA, resolved references).
    Text(String),
}

fn xml_error(e: impl std::fmt::Display, reader_pos: u64) -> XmlError {
    XmlError::Xml(format!("{e} (at byte {reader_pos})"))
}

fn local(name: &str) -> String {
    name.rsplit(':').next().unwrap_or(name).to_string()
}

fn predefined(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "apos" => '\'',
        "quot" => '"',
        _ => return None,
    })
}

/// Walks the XML of `input`, calling `f` for every simplified event; reader warnings
/// (unexpanded entities, a skipped DTD) go to `warnings`.
///
/// # Errors
/// [`XmlError::Xml`] when the XML is not well-formed, or what `f` returns.
pub(crate) fn walk<R: BufRead>(
    input: R,
    warnings: &mut Vec<String>,
    mut f: impl FnMut(Ev) -> Result<(), XmlError>,
) -> Result<(), XmlError> {
    let mut reader = Reader::from_reader(input);
    reader.config_mut().check_end_names = true;
    let mut buf = Vec::new();
    let mut warned_entity = false;
    // Elements open: a file that ends inside one was cut short.
    let mut open: Vec<String> = Vec::new();
    loop {
        let pos = reader.buffer_position();
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(e, pos))?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let name = local(e.name().as_ref());
                let attrs = e
                    .attributes()
                    .filter_map(Result::ok)
                    .map(|a| {
                        let key = a.key.as_ref().to_string();
                        let key = if key.starts_with("xml:") {
                            key
                        } else {
                            local(&key)
                        };
                        let value = a
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .map(|v| v.into_owned())
                            .unwrap_or_else(|_| a.value.to_string());
                        (key, value)
                    })
                    .collect();
                let empty = matches!(event, Event::Empty(_));
                f(Ev::Start {
                    name: name.clone(),
                    attrs,
                })?;
                if empty {
                    f(Ev::End { name })?;
                } else {
                    open.push(name);
                }
            }
            Event::End(e) => {
                open.pop();
                f(Ev::End {
                    name: local(e.name().as_ref()),
                })?;
            }
            Event::Text(t) => {
                let text = t.xml10_content().into_owned();
                if !text.is_empty() {
                    f(Ev::Text(text))?;
                }
            }
            Event::CData(c) => f(Ev::Text(c.into_inner().into_owned()))?,
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => {
                        let name = r.into_inner().into_owned();
                        match predefined(&name) {
                            Some(c) => c.to_string(),
                            None => {
                                if !warned_entity {
                                    warnings.push(format!(
                                        "entity &{name}; is not expanded (DTDs are not read): kept as written"
                                    ));
                                    warned_entity = true;
                                }
                                format!("&{name};")
                            }
                        }
                    }
                };
                f(Ev::Text(text))?;
            }
            Event::DocType(_) => warnings.push(
                "the document type declaration (DTD) is ignored: nothing is fetched or expanded"
                    .to_string(),
            ),
            Event::Eof => {
                return match open.last() {
                    Some(name) => Err(XmlError::Xml(format!(
                        "the file ends inside <{name}> (cut short?)"
                    ))),
                    None => Ok(()),
                };
            }
            _ => {}
        }
        buf.clear();
    }
}

/// The local name of the root element.
///
/// # Errors
/// [`XmlError::Xml`] when the XML is malformed before the root, [`XmlError::Empty`]
/// without a root element.
pub(crate) fn root(bytes: &[u8]) -> Result<String, XmlError> {
    let mut reader = Reader::from_reader(bytes);
    let mut buf = Vec::new();
    loop {
        let pos = reader.buffer_position();
        match reader
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(e, pos))?
        {
            Event::Start(e) | Event::Empty(e) => return Ok(local(e.name().as_ref())),
            Event::Eof => return Err(XmlError::Empty),
            _ => {}
        }
        buf.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(xml: &str) -> (Vec<Ev>, Vec<String>) {
        let mut out = Vec::new();
        let mut warnings = Vec::new();
        walk(xml.as_bytes(), &mut warnings, |e| {
            out.push(e);
            Ok(())
        })
        .expect("well-formed");
        (out, warnings)
    }

    #[test]
    fn external_entities_are_never_fetched_nor_expanded() {
        let xxe = r#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>"#;
        let (ev, warnings) = events(xxe);
        assert!(ev.contains(&Ev::Text("&x;".into())));
        assert!(!ev
            .iter()
            .any(|e| matches!(e, Ev::Text(t) if t.contains("root:"))));
        assert_eq!(warnings.len(), 2, "{warnings:?}");
    }

    #[test]
    fn billion_laughs_stay_small() {
        let mut xml = String::from("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for i in 1..10 {
            xml.push_str(&format!(
                "<!ENTITY lol{i} \"{}\">",
                format!("&lol{};", i - 1)
                    .repeat(10)
                    .replace("&lol0;", "&lol;")
            ));
        }
        xml.push_str("]><lolz>&lol9;</lolz>");
        let (ev, _) = events(&xml);
        let text: usize = ev
            .iter()
            .map(|e| if let Ev::Text(t) = e { t.len() } else { 0 })
            .sum();
        assert_eq!(text, "&lol9;".len());
    }

    #[test]
    fn a_cut_short_file_is_an_error() {
        let mut warnings = Vec::new();
        let err = walk(&b"<doc><p>Text"[..], &mut warnings, |_| Ok(())).expect_err("cut short");
        assert_eq!(
            err.to_string(),
            "malformed XML: the file ends inside <p> (cut short?)"
        );
    }

    #[test]
    fn predefined_and_character_references() {
        let (ev, warnings) = events("<a x=\"1 &amp; 2\">&lt;&#x4E2D;&#22269;&gt;</a>");
        let text: String = ev
            .iter()
            .filter_map(|e| {
                if let Ev::Text(t) = e {
                    Some(t.as_str())
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(text, "<中国>");
        assert!(
            matches!(&ev[0], Ev::Start { attrs, .. } if attrs == &[("x".to_string(), "1 & 2".to_string())])
        );
        assert!(warnings.is_empty());
    }
}
