//! Markup Compatibility (ECMA-376 Part 3, §10.2): an `mc:AlternateContent` carries the
//! same content more than once — an `mc:Choice` in newer markup (a `wps:wsp` text box,
//! §10.2.2) and an `mc:Fallback` in older markup (the same box in VML, §10.2.3). A
//! consumer takes exactly one of them; here it is always the first `mc:Choice`, so a
//! text box is read once, never twice.

use crate::xml::{walk, Ev};
use crate::XmlError;

/// Deepest nesting of `mc:AlternateContent` tracked. Word writes one level (a drawing
/// whose box holds no further drawing); content of a deeper one is skipped with a
/// warning rather than read twice.
const MAX_ALTERNATE_DEPTH: usize = 8;

/// What the filter does with the events of one element and its content.
#[derive(Default)]
struct Filter {
    /// For each `mc:AlternateContent` open (innermost last): whether one of its
    /// `mc:Choice`s has been taken.
    alternates: Vec<bool>,
    /// Elements open inside the branch being skipped (0: not skipping).
    skipping: u32,
    warned_depth: bool,
}

impl Filter {
    /// Whether `ev` is passed on; warnings about dropped content go to `warnings`.
    fn pass(&mut self, ev: &Ev, warnings: &mut Vec<String>) -> bool {
        if self.skipping > 0 {
            match ev {
                Ev::Start { .. } => self.skipping = self.skipping.saturating_add(1),
                Ev::End { .. } => self.skipping -= 1,
                Ev::Text(_) => {}
            }
            return false;
        }
        match ev {
            Ev::Start { name, .. } => match name.as_str() {
                "AlternateContent" => {
                    if self.alternates.len() >= MAX_ALTERNATE_DEPTH {
                        if !self.warned_depth {
                            warnings.push(format!(
                                "markup compatibility: alternate content nested more than \
                                 {MAX_ALTERNATE_DEPTH} deep is skipped"
                            ));
                            self.warned_depth = true;
                        }
                        self.skipping = 1;
                        return false;
                    }
                    self.alternates.push(false);
                    false
                }
                "Choice" | "Fallback" => {
                    match self.alternates.last_mut() {
                        Some(taken) if name == "Choice" && !*taken => *taken = true,
                        // A second choice or the fallback: the same content again.
                        Some(_) => self.skipping = 1,
                        // Outside `mc:AlternateContent`: not markup compatibility.
                        None => return true,
                    }
                    false
                }
                _ => true,
            },
            Ev::End { name } => match name.as_str() {
                "AlternateContent" => {
                    self.alternates.pop();
                    false
                }
                "Choice" | "Fallback" => self.alternates.is_empty(),
                _ => true,
            },
            Ev::Text(_) => true,
        }
    }
}

/// [`walk`], with each `mc:AlternateContent` reduced to the content of its first
/// `mc:Choice` (the `mc:AlternateContent` and `mc:Choice` elements themselves are not
/// passed on).
///
/// # Errors
/// [`XmlError::Xml`] when the XML is not well-formed, or what `f` returns.
pub(crate) fn walk_choice(
    xml: &[u8],
    warnings: &mut Vec<String>,
    mut f: impl FnMut(Ev) -> Result<(), XmlError>,
) -> Result<(), XmlError> {
    let mut filter = Filter::default();
    let mut dropped = Vec::new();
    let result = walk(xml, warnings, |ev| {
        if filter.pass(&ev, &mut dropped) {
            f(ev)
        } else {
            Ok(())
        }
    });
    warnings.append(&mut dropped);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(xml: &str) -> (String, Vec<String>) {
        let mut out = String::new();
        let mut warnings = Vec::new();
        walk_choice(xml.as_bytes(), &mut warnings, |ev| {
            match ev {
                Ev::Text(t) => out.push_str(&t),
                Ev::Start { name, .. } => out.push_str(&format!("<{name}>")),
                Ev::End { .. } => {}
            }
            Ok(())
        })
        .expect("well-formed");
        (out, warnings)
    }

    #[test]
    fn only_the_first_choice_is_read() {
        let (t, w) = texts(
            "<r><mc:AlternateContent><mc:Choice Requires=\"wps\"><b>new</b></mc:Choice>\
             <mc:Choice Requires=\"w14\">again</mc:Choice>\
             <mc:Fallback><b>old</b><c/></mc:Fallback></mc:AlternateContent>after</r>",
        );
        assert_eq!(t, "<r><b>newafter");
        assert!(w.is_empty());
    }

    #[test]
    fn nested_alternates_are_reduced_too() {
        let (t, _) = texts(
            "<r><AlternateContent><Choice>a<AlternateContent><Choice>b</Choice>\
             <Fallback>x</Fallback></AlternateContent>c</Choice><Fallback>y</Fallback>\
             </AlternateContent></r>",
        );
        assert_eq!(t, "<r>abc");
    }

    #[test]
    fn too_deep_alternates_are_skipped_with_a_warning() {
        let open = "<AlternateContent><Choice>".repeat(MAX_ALTERNATE_DEPTH + 1);
        let close = "</Choice></AlternateContent>".repeat(MAX_ALTERNATE_DEPTH + 1);
        let (t, w) = texts(&format!("<r>{open}deep{close}end</r>"));
        assert_eq!(t, "<r>end");
        assert_eq!(w.len(), 1, "{w:?}");
    }
}
