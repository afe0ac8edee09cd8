//! `word/styles.xml`: the size, weight and indentation each paragraph style gives,
//! through `w:basedOn` chains and the document defaults (ECMA-376 Part 1, §17.7).

use std::collections::HashMap;

use crate::xml::{walk, Ev};
use crate::XmlError;

/// Formatting a style sets (unset fields inherit).
#[derive(Debug, Clone, Default)]
pub(crate) struct Format {
    /// Font size, half-points (`w:sz`).
    pub half_points: Option<u32>,
    pub bold: Option<bool>,
    /// `w:ind`: left, hanging and first-line indentation, twips.
    pub left: Option<i32>,
    pub hanging: Option<i32>,
    pub first_line: Option<i32>,
    /// `w:spacing` before and after the paragraph, twips.
    pub before: Option<i32>,
    pub after: Option<i32>,
    /// `w:outlineLvl` (0 = level 1), or the level of a style named `heading N`.
    pub outline: Option<u8>,
    /// `w:jc` is `center`.
    pub centered: Option<bool>,
    /// `w:vertAlign` is `superscript` (a run's exponent, `m³`).
    pub superscript: Option<bool>,
}

impl Format {
    /// `self` with the unset fields taken from `base`.
    pub(crate) fn over(&self, base: &Format) -> Format {
        Format {
            half_points: self.half_points.or(base.half_points),
            bold: self.bold.or(base.bold),
            left: self.left.or(base.left),
            hanging: self.hanging.or(base.hanging),
            first_line: self.first_line.or(base.first_line),
            before: self.before.or(base.before),
            after: self.after.or(base.after),
            outline: self.outline.or(base.outline),
            centered: self.centered.or(base.centered),
            superscript: self.superscript.or(base.superscript),
        }
    }
}

#[derive(Debug, Clone, Default)]
struct Style {
    based_on: Option<String>,
    format: Format,
}

/// The paragraph and character styles of a document.
#[derive(Debug, Default)]
pub(crate) struct Styles {
    styles: HashMap<String, Style>,
    defaults: Format,
}

/// The on/off value of a toggle property such as `<w:b/>` or `<w:b w:val="false"/>`.
pub(crate) fn on_off(attrs: &[(String, String)]) -> bool {
    !attrs
        .iter()
        .any(|(k, v)| k == "val" && matches!(v.as_str(), "false" | "0" | "off" | "none"))
}

pub(crate) fn attr<'a>(attrs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// Reads the formatting properties one element of `w:rPr` or `w:pPr` sets.
pub(crate) fn apply(format: &mut Format, name: &str, attrs: &[(String, String)]) {
    let int = |k: &str| attr(attrs, k).and_then(|v| v.parse::<i32>().ok());
    match name {
        "sz" => format.half_points = attr(attrs, "val").and_then(|v| v.parse().ok()),
        "b" => format.bold = Some(on_off(attrs)),
        "jc" => format.centered = Some(attr(attrs, "val") == Some("center")),
        "vertAlign" => format.superscript = Some(attr(attrs, "val") == Some("superscript")),
        "outlineLvl" => {
            // Level 9 is "body text" (ECMA-376 Part 1, §17.3.1.20).
            format.outline = attr(attrs, "val")
                .and_then(|v| v.parse::<u8>().ok())
                .filter(|l| *l < 9)
                .map(|l| l + 1);
        }
        "spacing" => {
            if let Some(b) = int("before") {
                format.before = Some(b);
            }
            if let Some(a) = int("after") {
                format.after = Some(a);
            }
        }
        "ind" => {
            if let Some(l) = int("left").or_else(|| int("start")) {
                format.left = Some(l);
            }
            if let Some(h) = int("hanging") {
                format.hanging = Some(h);
            }
            if let Some(f) = int("firstLine") {
                format.first_line = Some(f);
            }
        }
        _ => {}
    }
}

impl Styles {
    pub(crate) fn read(xml: &[u8], warnings: &mut Vec<String>) -> Result<Styles, XmlError> {
        let mut styles = Styles::default();
        let mut current: Option<(String, Style)> = None;
        let mut in_defaults = false;
        walk(xml, warnings, |ev| {
            match ev {
                Ev::Start { name, attrs } => match name.as_str() {
                    "style" => {
                        let id = attr(&attrs, "styleId").unwrap_or_default().to_string();
                        current = Some((id, Style::default()));
                    }
                    "docDefaults" => in_defaults = true,
                    "name" => {
                        // Word's built-in "heading 1" … "heading 9" styles.
                        let level = attr(&attrs, "val")
                            .and_then(|n| {
                                n.to_ascii_lowercase()
                                    .strip_prefix("heading ")
                                    .map(str::to_string)
                            })
                            .and_then(|l| l.parse::<u8>().ok());
                        if let (Some((_, s)), Some(l)) = (current.as_mut(), level) {
                            s.format.outline = s.format.outline.or(Some(l));
                        }
                    }
                    "basedOn" => {
                        if let Some((_, s)) = current.as_mut() {
                            s.based_on = attr(&attrs, "val").map(str::to_string);
                        }
                    }
                    other => {
                        if let Some((_, s)) = current.as_mut() {
                            apply(&mut s.format, other, &attrs);
                        } else if in_defaults {
                            apply(&mut styles.defaults, other, &attrs);
                        }
                    }
                },
                Ev::End { name } => match name.as_str() {
                    "style" => {
                        if let Some((id, s)) = current.take() {
                            styles.styles.insert(id, s);
                        }
                    }
                    "docDefaults" => in_defaults = false,
                    _ => {}
                },
                Ev::Text(_) => {}
            }
            Ok(())
        })?;
        Ok(styles)
    }

    /// The formatting of a style with everything it inherits (the defaults last).
    pub(crate) fn resolve(&self, id: Option<&str>) -> Format {
        let mut format = Format::default();
        let mut next = id.map(str::to_string);
        for _ in 0..16 {
            let Some(s) = next.as_deref().and_then(|i| self.styles.get(i)) else {
                break;
            };
            format = format.over(&s.format);
            next = s.based_on.clone();
        }
        format.over(&self.defaults)
    }
}
