//! Footnotes: markers in the text and bodies in the note area, judged together.
//!
//! A note body opens with a marker ([`crate::notes::opening_marker`]); a reference is a
//! marker-shaped piece of a body line ([`crate::markers::candidates`]). A body opens a
//! footnote when the text references its marker on the same page or the page before
//! (or when its marker is set apart by size or rise: an `*` note whose reference is in
//! the masthead); a reference is a marker when a footnote with that marker opens on
//! its page or the next. Lines of a note area that open no note continue the note
//! before — across a page break too — or, when there is none, were never notes and go
//! back to the body.

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use unpara_model::{Footnote, Lang, Layout};

use crate::markers::{self, RefCandidate};
use crate::notes::{opening_marker, Zone};
use crate::text::{append_line, collapse};

/// Where a line is: page index and line index on the page.
pub(crate) type LineId = (usize, usize);

/// What the footnote judgement decided.
#[derive(Debug, Default)]
pub(crate) struct Resolved {
    /// Every reference candidate of every body line, with whether it is a marker.
    pub refs: HashMap<LineId, Vec<(RefCandidate, bool)>>,
    /// The footnotes, in order, with the page index each opens on.
    pub footnotes: Vec<Footnote>,
    /// Lines of note areas that open no footnote and continue none: body text.
    pub to_body: HashSet<LineId>,
    /// What a reviewer should know.
    pub warnings: Vec<String>,
}

/// A body that may open a footnote.
struct Opening {
    id: LineId,
    marker: String,
    consumed: usize,
    set_apart: bool,
}

/// Judges markers and note bodies of a whole document together.
pub(crate) fn resolve(layout: &Layout, zones: &[Vec<Zone>], lang: Lang) -> Resolved {
    let zone = |id: LineId| zones.get(id.0).and_then(|z| z.get(id.1)).copied();
    let lines = || {
        layout
            .pages
            .iter()
            .enumerate()
            .flat_map(|(pi, p)| p.lines.iter().enumerate().map(move |(li, l)| ((pi, li), l)))
    };
    // References by page and marker.
    let mut refs: HashMap<LineId, Vec<RefCandidate>> = HashMap::new();
    let mut ref_pages: HashMap<(usize, String), bool> = HashMap::new();
    for (id, line) in lines().filter(|(id, _)| zone(*id) == Some(Zone::Body)) {
        let c = markers::candidates(line);
        for r in c.iter().filter(|r| !r.exponent) {
            let raised = ref_pages.entry((id.0, r.marker.clone())).or_insert(false);
            *raised |= r.raised;
        }
        if !c.is_empty() {
            refs.insert(id, c);
        }
    }
    // Openings in note areas: the best one per page and marker.
    let mut openings: Vec<Opening> = Vec::new();
    let mut opening_of: HashMap<(usize, String), usize> = HashMap::new();
    for (id, line) in lines().filter(|(id, _)| zone(*id) == Some(Zone::Footnote)) {
        let Some((marker, consumed, set_apart)) = opening_marker(line) else {
            continue;
        };
        let referenced = ref_pages.contains_key(&(id.0, marker.clone()))
            || id
                .0
                .checked_sub(1)
                .is_some_and(|p| ref_pages.contains_key(&(p, marker.clone())));
        if !(referenced || set_apart) {
            continue;
        }
        let key = (id.0, marker.clone());
        match opening_of.get(&key).and_then(|k| openings.get_mut(*k)) {
            Some(o) if set_apart && !o.set_apart => {
                *o = Opening {
                    id,
                    marker,
                    consumed,
                    set_apart,
                }
            }
            Some(_) => {}
            None => {
                opening_of.insert(key, openings.len());
                openings.push(Opening {
                    id,
                    marker,
                    consumed,
                    set_apart,
                });
            }
        }
    }
    let opened: HashSet<(usize, String)> = openings
        .iter()
        .map(|o| (o.id.0, o.marker.clone()))
        .collect();
    let has_note =
        |page: usize, m: &str| (page..=page + 1).any(|p| opened.contains(&(p, m.to_string())));

    let mut out = Resolved::default();
    // References: raised ones where a note exists; glued digits only where the
    // document draws no raised reference to that note, once per note.
    let mut glued_taken: HashSet<(usize, String)> = HashSet::new();
    let mut ids: Vec<&LineId> = refs.keys().collect();
    ids.sort();
    let mut last_number = 0u32;
    for id in ids {
        let Some(cands) = refs.get(id) else { continue };
        let mut judged = Vec::with_capacity(cands.len());
        for c in cands {
            let accepted = if c.exponent {
                false
            } else if c.raised {
                has_note(id.0, &c.marker)
            } else {
                let raised_elsewhere = (id.0..=id.0 + 1).any(|p| {
                    ref_pages
                        .get(&(p, c.marker.clone()))
                        .copied()
                        .unwrap_or(false)
                });
                has_note(id.0, &c.marker)
                    && !raised_elsewhere
                    && glued_taken.insert((id.0, c.marker.clone()))
            };
            if accepted {
                if let Ok(n) = c.marker.parse::<u32>() {
                    last_number = n;
                }
            } else if c.raised
                && !c.exponent
                && c.marker.parse::<u32>().ok() == Some(last_number + 1)
            {
                out.warnings.push(format!(
                    "page {}: raised {} looks like footnote marker {} but no footnote {} \
                     is on the page: kept in the text",
                    id.0 + 1,
                    c.marker,
                    c.marker,
                    c.marker
                ));
            }
            judged.push((c.clone(), accepted));
        }
        out.refs.insert(*id, judged);
    }
    // Note bodies.
    let opening_at: HashMap<LineId, &Opening> = openings.iter().map(|o| (o.id, o)).collect();
    let mut last_page: Option<usize> = None;
    for (id, line) in lines().filter(|(id, _)| zone(*id) == Some(Zone::Footnote)) {
        let text = line.text();
        if let Some(o) = opening_at.get(&id) {
            let mut t = String::new();
            append_line(&mut t, text.get(o.consumed..).unwrap_or_default(), lang);
            out.footnotes.push(Footnote {
                marker: o.marker.clone(),
                text: t,
                page: u32::try_from(id.0 + 1).unwrap_or(u32::MAX),
                block: None,
            });
            last_page = Some(id.0);
            continue;
        }
        match out.footnotes.last_mut() {
            Some(f) if last_page.is_some_and(|p| p + 1 >= id.0) => {
                append_line(&mut f.text, &text, lang);
                last_page = Some(id.0);
            }
            _ => {
                out.to_body.insert(id);
            }
        }
    }
    for f in &mut out.footnotes {
        f.text = collapse(&f.text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unpara_model::{Line, Page, Span};

    fn line(spans: &[(&str, f32, f32, f32)], baseline: f32) -> Line {
        let spans: Vec<Span> = spans
            .iter()
            .map(|(t, x0, size, rise)| Span {
                text: t.to_string(),
                x0: *x0,
                x1: x0 + 0.5 * size * t.chars().count() as f32,
                baseline: baseline + rise,
                size: *size,
                font: 0,
                lead: 0.0,
            })
            .collect();
        Line {
            x0: spans.first().map_or(0.0, |s| s.x0),
            x1: spans.last().map_or(0.0, |s| s.x1),
            spans,
            baseline,
            size: 10.0,
            rotation: 0,
            vertical: false,
        }
    }

    /// Markers and bodies judged together: note 1 is called and opens; a raised 3
    /// with no note 3 is no marker; a note line opening with `12` that nothing calls
    /// goes on with the note before; a raised `*` body opens a note uncalled.
    #[test]
    fn markers_and_bodies_are_judged_together() {
        let page = Page {
            number: 1,
            width: 595.0,
            height: 842.0,
            lines: vec![
                line(
                    &[
                        ("the Group", 72.0, 10.0, 0.0),
                        ("1", 117.0, 6.0, 3.5),
                        (" met", 120.0, 10.0, 0.0),
                    ],
                    700.0,
                ),
                line(
                    &[
                        ("some 500 m", 72.0, 10.0, 0.0),
                        ("3", 122.0, 6.0, 3.5),
                        (" of it", 125.0, 10.0, 0.0),
                    ],
                    688.0,
                ),
                line(
                    &[
                        ("1", 72.0, 5.0, 3.0),
                        (" See the report of the", 76.0, 8.0, 0.0),
                    ],
                    100.0,
                ),
                line(&[("12 States parties, as agreed.", 72.0, 8.0, 0.0)], 90.0),
                line(
                    &[("*", 72.0, 5.0, 3.0), (" Reissued.", 76.0, 8.0, 0.0)],
                    80.0,
                ),
            ],
            rules: vec![],
        };
        let layout = Layout {
            pages: vec![page],
            ..Layout::default()
        };
        let zones = vec![vec![
            Zone::Body,
            Zone::Body,
            Zone::Footnote,
            Zone::Footnote,
            Zone::Footnote,
        ]];
        let r = resolve(&layout, &zones, Lang::En);
        let notes: Vec<(&str, &str)> = r
            .footnotes
            .iter()
            .map(|f| (f.marker.as_str(), f.text.as_str()))
            .collect();
        assert_eq!(
            notes,
            [
                ("1", "See the report of the 12 States parties, as agreed."),
                ("*", "Reissued.")
            ]
        );
        let judged = |li: usize| -> Vec<(String, bool)> {
            r.refs
                .get(&(0, li))
                .map(|c| c.iter().map(|(c, a)| (c.marker.clone(), *a)).collect())
                .unwrap_or_default()
        };
        assert_eq!(judged(0), [("1".to_string(), true)]);
        // `m3` after a unit: an exponent, never a marker.
        assert_eq!(judged(1), [("3".to_string(), false)]);
        assert!(r.to_body.is_empty());
    }
}
