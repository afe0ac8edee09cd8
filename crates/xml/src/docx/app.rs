//! `docProps/app.xml`, the Extended File Properties part (ECMA-376 Part 1, §15.2.12.3;
//! its elements in §22.2): the number of pages the writing application laid out
//! (`<Pages>`) and its name (`<Application>`).

use crate::xml::{walk, Ev};

/// Longest application name kept, in characters (names are short: `Microsoft Office
/// Word`, `LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/40$Build-2`); a longer
/// one is cut there.
const MAX_APPLICATION_CHARS: usize = 200;

/// What `docProps/app.xml` says about the document.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct AppProperties {
    /// `<Pages>`, when it is a positive number.
    pub pages: Option<u32>,
    /// `<Application>`, when it is not blank.
    pub application: Option<String>,
}

impl AppProperties {
    /// Reads the part; a malformed one gives no properties (they are only informative)
    /// and a warning.
    pub(crate) fn read(xml: &[u8], warnings: &mut Vec<String>) -> AppProperties {
        let mut depth = 0usize;
        // The child of `<Properties>` being read and its text so far.
        let mut field: Option<(String, String)> = None;
        let mut props = AppProperties::default();
        let mut inner = Vec::new();
        let read = walk(xml, &mut inner, |ev| {
            match ev {
                Ev::Start { name, .. } => {
                    depth += 1;
                    if depth == 2 && matches!(name.as_str(), "Pages" | "Application") {
                        field = Some((name, String::new()));
                    }
                }
                Ev::Text(t) => {
                    if let Some((_, text)) = field.as_mut() {
                        // Bounded: nothing past the longest name kept is needed.
                        let room = MAX_APPLICATION_CHARS.saturating_sub(text.chars().count());
                        text.extend(t.chars().take(room));
                    }
                }
                Ev::End { .. } => {
                    if depth == 2 {
                        if let Some((name, text)) = field.take() {
                            let text = text.trim();
                            if name == "Pages" {
                                props.pages = text.parse().ok().filter(|&n: &u32| n > 0);
                            } else if !text.is_empty() {
                                props.application = Some(text.to_string());
                            }
                        }
                    }
                    depth = depth.saturating_sub(1);
                }
            }
            Ok(())
        });
        match read {
            Ok(()) => {
                warnings.append(&mut inner);
                props
            }
            Err(e) => {
                warnings.push(format!(
                    "docProps/app.xml is not read (page count and application unknown): {e}"
                ));
                AppProperties::default()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str = r#"xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes""#;

    fn read(xml: &str) -> (AppProperties, Vec<String>) {
        let mut warnings = Vec::new();
        (AppProperties::read(xml.as_bytes(), &mut warnings), warnings)
    }

    #[test]
    fn pages_and_application() {
        let (p, w) = read(&format!(
            "<Properties {NS}><Template>Normal</Template><Pages>27</Pages>\
             <Application>Microsoft Office Word</Application><TitlesOfParts><vt:vector>\
             <vt:lpstr>Pages</vt:lpstr></vt:vector></TitlesOfParts></Properties>"
        ));
        assert_eq!(
            p,
            AppProperties {
                pages: Some(27),
                application: Some("Microsoft Office Word".into())
            }
        );
        assert!(w.is_empty());
    }

    #[test]
    fn missing_or_odd_values_are_none() {
        let (p, _) = read(&format!(
            "<Properties {NS}><Pages>many</Pages><Application> </Application></Properties>"
        ));
        assert_eq!(p, AppProperties::default());
        let (p, _) = read(&format!("<Properties {NS}><Pages>0</Pages></Properties>"));
        assert_eq!(p.pages, None);
        let (p, _) = read(&format!("<Properties {NS}/>"));
        assert_eq!(p, AppProperties::default());
    }

    #[test]
    fn a_nested_element_of_the_same_name_is_not_the_property() {
        let (p, _) = read(&format!(
            "<Properties {NS}><HeadingPairs><Pages>3</Pages></HeadingPairs></Properties>"
        ));
        assert_eq!(p.pages, None);
    }

    #[test]
    fn malformed_gives_nothing_and_a_warning() {
        let (p, w) = read(&format!(
            "<Properties {NS}><Pages>27</Pages><Application>Word"
        ));
        assert_eq!(p, AppProperties::default());
        assert_eq!(w.len(), 1, "{w:?}");
    }

    #[test]
    fn a_long_application_name_is_cut() {
        let long = "W".repeat(10 * MAX_APPLICATION_CHARS);
        let (p, _) = read(&format!(
            "<Properties {NS}><Application>{long}</Application></Properties>"
        ));
        assert_eq!(
            p.application.map(|a| a.chars().count()),
            Some(MAX_APPLICATION_CHARS)
        );
    }
}
