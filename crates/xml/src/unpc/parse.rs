//! The streaming core of the UNPC reader: the header's `<idno>`s and language, and the
//! body's paragraphs handed over one at a time, so nothing but the current paragraph is
//! held while the XML is read. [`super::read`] and [`super::sentence_ids`] both go
//! through here, which keeps the block and sentence numbering of the two identical.

use std::io::BufRead;

use unpara_model::{collapse_whitespace as collapse, Lang};

use crate::xml::{walk, Ev};
use crate::XmlError;

/// One `<s>` element: its `id` attribute and its text, whitespace collapsed (empty when
/// the element holds no text).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sentence {
    pub id: Option<String>,
    pub text: String,
}

/// One `<p>` element (or an `<s>` found outside any `<p>`): its `id` and sentences.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Paragraph {
    pub id: Option<String>,
    pub sentences: Vec<Sentence>,
}

/// What the file says about itself, and what was odd in it.
#[derive(Debug, Default)]
pub(crate) struct Header {
    /// The document symbol (`A/RES/73/3`).
    pub symbol: Option<String>,
    /// The job number (`N1829185`).
    pub job_number: Option<String>,
    /// The first `xml:lang`/`lang` attribute naming one of the six UN languages.
    pub lang: Option<Lang>,
    /// The first language attribute that names neither, when none names one.
    pub other_lang: Option<String>,
    /// Warnings about the file's shape (never about its language).
    pub warnings: Vec<String>,
}

/// The elements open at the reader's place, to tell a file cut short: the walker
/// stops at the end of the input without complaint.
#[derive(Debug, Default)]
pub(crate) struct OpenElements(Vec<String>);

impl OpenElements {
    /// An element starts.
    pub(crate) fn start(&mut self, name: String) {
        self.0.push(name);
    }

    /// An element ends.
    pub(crate) fn end(&mut self) {
        self.0.pop();
    }

    /// At the end of the input: every element must be closed.
    ///
    /// # Errors
    /// [`XmlError::Xml`] naming the innermost element left open.
    pub(crate) fn check(&self) -> Result<(), XmlError> {
        match self.0.last() {
            None => Ok(()),
            Some(name) => Err(XmlError::Xml(format!(
                "the file ends inside <{name}> (cut short?)"
            ))),
        }
    }
}

/// Where the reader is.
#[derive(Default)]
struct State {
    header: Header,
    /// Nesting depth of `<teiHeader>`.
    in_header: usize,
    /// An open `<idno>`: its `type` attribute and text so far.
    idno: Option<(Option<String>, String)>,
    /// The open paragraph, and whether it was opened by an `<s>` outside any `<p>`.
    para: Option<(Paragraph, bool)>,
    /// The open sentence: its id and text so far.
    sentence: Option<(Option<String>, String)>,
    /// `<s>` elements nested in the open sentence (read as part of it).
    nested_s: usize,
    /// Text inside the open paragraph but outside any `<s>`.
    stray: String,
    stray_runs: usize,
    lone_sentences: usize,
    text_outside: usize,
}

/// Reads `input`, calling `on_paragraph` for every paragraph in document order, with
/// what the header says so far.
///
/// # Errors
/// [`XmlError::Xml`] when the XML is not well-formed.
pub(crate) fn parse<R: BufRead>(
    input: R,
    warnings: &mut Vec<String>,
    mut on_paragraph: impl FnMut(Paragraph, &Header),
) -> Result<Header, XmlError> {
    let mut st = State::default();
    let mut open = OpenElements::default();
    walk(input, warnings, |ev| {
        match ev {
            Ev::Start { name, attrs } => {
                st.start(&name, &attrs, &mut on_paragraph);
                open.start(name);
            }
            Ev::End { name } => {
                st.end(&name, &mut on_paragraph);
                open.end();
            }
            Ev::Text(t) => st.text(&t),
        }
        Ok(())
    })?;
    open.check()?;
    let mut header = st.header;
    for (n, what) in [
        (
            st.stray_runs,
            "runs of text inside <p> but outside any <s>, read as sentences of their own",
        ),
        (
            st.lone_sentences,
            "<s> elements outside any <p>, read as paragraphs of their own",
        ),
        (
            st.text_outside,
            "runs of text outside any <p> or <s> (and outside the header), left out",
        ),
    ] {
        if n > 0 {
            header.warnings.push(format!("{what}: {n}"));
        }
    }
    Ok(header)
}

fn attr<'a>(attrs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

impl State {
    fn start(
        &mut self,
        name: &str,
        attrs: &[(String, String)],
        on_paragraph: &mut impl FnMut(Paragraph, &Header),
    ) {
        if self.header.lang.is_none() {
            self.language(attrs);
        }
        if self.sentence.is_some() {
            // Inline markup inside a sentence: its text belongs to the sentence.
            if name == "s" {
                self.nested_s += 1;
            }
            return;
        }
        match name {
            "teiHeader" => self.in_header += 1,
            "idno" => self.idno = Some((attr(attrs, "type").map(str::to_string), String::new())),
            _ if self.in_header > 0 => {}
            "p" => {
                // A `<p>` inside a `<p>` ends the outer one.
                self.finish_paragraph(on_paragraph);
                self.para = Some((
                    Paragraph {
                        id: attr(attrs, "id").map(str::to_string),
                        sentences: Vec::new(),
                    },
                    false,
                ));
            }
            "s" => {
                self.flush_stray();
                if self.para.is_none() {
                    self.lone_sentences += 1;
                    self.para = Some((Paragraph::default(), true));
                }
                self.sentence = Some((attr(attrs, "id").map(str::to_string), String::new()));
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str, on_paragraph: &mut impl FnMut(Paragraph, &Header)) {
        if self.sentence.is_some() {
            if name != "s" {
                return;
            }
            if self.nested_s > 0 {
                self.nested_s -= 1;
                return;
            }
            if let (Some((id, text)), Some((para, lone))) = (self.sentence.take(), &mut self.para) {
                para.sentences.push(Sentence {
                    id,
                    text: collapse(&text),
                });
                if *lone {
                    self.finish_paragraph(on_paragraph);
                }
            }
            return;
        }
        match name {
            "teiHeader" => self.in_header = self.in_header.saturating_sub(1),
            "idno" => {
                if let Some((kind, value)) = self.idno.take() {
                    self.header.idno(kind.as_deref(), &value);
                }
            }
            "p" => self.finish_paragraph(on_paragraph),
            _ => {}
        }
    }

    fn text(&mut self, t: &str) {
        if let Some((_, text)) = &mut self.idno {
            text.push_str(t);
        } else if let Some((_, text)) = &mut self.sentence {
            text.push_str(t);
        } else if self.para.is_some() {
            self.stray.push_str(t);
        } else if self.in_header == 0 && !t.trim().is_empty() {
            self.text_outside += 1;
        }
    }

    /// The first language attribute (`xml:lang`, `lang`) becomes the document's.
    fn language(&mut self, attrs: &[(String, String)]) {
        for v in ["xml:lang", "lang"].iter().filter_map(|k| attr(attrs, k)) {
            match Lang::parse(v) {
                Some(l) => {
                    self.header.lang = Some(l);
                    return;
                }
                None if !v.trim().is_empty() => {
                    self.header.other_lang.get_or_insert_with(|| v.to_string());
                }
                None => {}
            }
        }
    }

    /// Text of the open paragraph outside any `<s>` becomes a sentence without id.
    fn flush_stray(&mut self) {
        let text = collapse(&self.stray);
        self.stray.clear();
        if let (false, Some((para, _))) = (text.is_empty(), &mut self.para) {
            self.stray_runs += 1;
            para.sentences.push(Sentence { id: None, text });
        }
    }

    fn finish_paragraph(&mut self, on_paragraph: &mut impl FnMut(Paragraph, &Header)) {
        self.flush_stray();
        if let Some((para, _)) = self.para.take() {
            on_paragraph(para, &self.header);
        }
    }
}

impl Header {
    /// Takes an `<idno>`: by its `type` when it has one we know (`symbol`, `jobno`),
    /// else by its shape ([`is_symbol`]: a symbol, otherwise the job number). The first
    /// of each wins; a later different one is reported.
    fn idno(&mut self, kind: Option<&str>, value: &str) {
        let value = collapse(value);
        if value.is_empty() {
            return;
        }
        let kind = kind.map(|k| k.trim().to_ascii_lowercase());
        let (slot, what) = match kind.as_deref() {
            Some("symbol" | "docsymbol" | "doc_symbol") => (&mut self.symbol, "symbol"),
            Some("jobno" | "job" | "jobnumber" | "job_number" | "job-number") => {
                (&mut self.job_number, "job number")
            }
            Some(_) => return,
            None if is_symbol(&value) => (&mut self.symbol, "symbol"),
            None => (&mut self.job_number, "job number"),
        };
        match slot {
            None => *slot = Some(value),
            Some(first) if *first != value => self.warnings.push(format!(
                "<idno> {value} left out: the {what} is already {first}"
            )),
            Some(_) => {}
        }
    }
}

/// Whether `s` has the shape of a UN document symbol: components separated by `/`,
/// starting with a capital letter (`A/RES/73/3`, `S/2018/1`, `E/CN.4/2005/L.10/Add.1`;
/// UN Editorial Manual, "Document symbols"). Job numbers (`N1829185`, `V.17-06020`)
/// have no `/`.
pub(crate) fn is_symbol(s: &str) -> bool {
    s.contains('/')
        && s.starts_with(|c: char| c.is_ascii_uppercase())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "/.-()*_".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(xml: &str) -> (Vec<Paragraph>, Header) {
        let mut out = Vec::new();
        let mut warnings = Vec::new();
        let header = parse(xml.as_bytes(), &mut warnings, |p, _| out.push(p)).expect("well-formed");
        (out, header)
    }

    fn s(id: Option<&str>, text: &str) -> Sentence {
        Sentence {
            id: id.map(str::to_string),
            text: text.to_string(),
        }
    }

    #[test]
    fn idno_by_type_or_by_shape() {
        let (_, h) = paragraphs(
            "<doc><teiHeader><idno type=\"jobno\">N1829185</idno><idno type=\"symbol\">A/RES/73/3</idno></teiHeader></doc>",
        );
        assert_eq!(
            (h.symbol.as_deref(), h.job_number.as_deref()),
            (Some("A/RES/73/3"), Some("N1829185"))
        );
        let (_, h) = paragraphs(
            "<doc><teiHeader><idno>N1829185</idno><idno> A/RES/73/3 </idno></teiHeader></doc>",
        );
        assert_eq!(
            (h.symbol.as_deref(), h.job_number.as_deref()),
            (Some("A/RES/73/3"), Some("N1829185"))
        );
        assert!(h.warnings.is_empty());
    }

    #[test]
    fn a_second_symbol_is_reported() {
        let (_, h) = paragraphs(
            "<doc><teiHeader><idno>A/73/1</idno><idno>S/2018/2</idno></teiHeader></doc>",
        );
        assert_eq!(h.symbol.as_deref(), Some("A/73/1"));
        assert_eq!(
            h.warnings,
            ["<idno> S/2018/2 left out: the symbol is already A/73/1"]
        );
    }

    #[test]
    fn sentences_with_inline_markup_entities_and_no_space_between() {
        let (p, _) = paragraphs(
            "<doc><text><body><p id=\"2\"><s id=\"2:1\">R&amp;D <hi>now</hi>.</s><s id=\"2:2\">\n  Next\n one. </s></p></body></text></doc>",
        );
        assert_eq!(
            p,
            [Paragraph {
                id: Some("2".into()),
                sentences: vec![s(Some("2:1"), "R&D now."), s(Some("2:2"), "Next one.")],
            }]
        );
    }

    #[test]
    fn stray_text_and_lone_sentences_are_kept_and_reported() {
        let (p, h) =
            paragraphs("<doc><p>Bare text.<s id=\"1:1\">A.</s></p><s id=\"x\">B.</s>tail</doc>");
        assert_eq!(p.len(), 2);
        assert_eq!(
            p[0].sentences,
            [s(None, "Bare text."), s(Some("1:1"), "A.")]
        );
        assert_eq!(
            p[1],
            Paragraph {
                id: None,
                sentences: vec![s(Some("x"), "B.")]
            }
        );
        assert_eq!(h.warnings.len(), 3, "{:?}", h.warnings);
    }

    #[test]
    fn language_from_the_first_attribute_naming_a_un_language() {
        let (_, h) = paragraphs("<TEI.2 lang=\"de\"><p><s xml:lang=\"zh\">中。</s></p></TEI.2>");
        assert_eq!(
            (h.lang, h.other_lang.as_deref()),
            (Some(Lang::Zh), Some("de"))
        );
        let (_, h) = paragraphs("<TEI.2 lang=\"fr\"><p><s>Oui.</s></p></TEI.2>");
        assert_eq!(h.lang, Some(Lang::Fr));
    }

    #[test]
    fn header_paragraphs_are_not_body() {
        let (p, _) = paragraphs(
            "<doc><teiHeader><p>About the file.</p></teiHeader><p id=\"1\"><s>X.</s></p></doc>",
        );
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].id.as_deref(), Some("1"));
    }

    #[test]
    fn a_file_cut_short_is_malformed() {
        let r = parse(
            &b"<doc><p id=\"1\"><s>A.</s>"[..],
            &mut Vec::new(),
            |_, _| {},
        );
        assert_eq!(
            r.map(|_| ()).map_err(|e| e.to_string()),
            Err("malformed XML: the file ends inside <p> (cut short?)".to_string())
        );
    }

    #[test]
    fn symbol_shapes() {
        assert!(is_symbol("E/CN.4/2005/L.10/Add.1"));
        assert!(!is_symbol("N1829185"));
        assert!(!is_symbol("V.17-06020"));
        assert!(!is_symbol("a/b"));
    }
}
