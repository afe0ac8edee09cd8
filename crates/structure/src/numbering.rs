//! What each draft block is, with the whole document in view: headings (by label and
//! typography, by words, by the Word style), numbered paragraphs, sub-items, list lines,
//! table rows.
//!
//! A numbered paragraph continues a sequence in the body flow (UN Editorial Manual:
//! paragraphs are numbered consecutively through the document, across headings). A
//! number out of sequence inside a paragraph opens a list line (an agenda); a sequence
//! that restarts at 1 after a heading and never returns to the old one is a new
//! sequence (a document printed twice, an annex) — said in a warning; numbers that
//! restart under every article of a declaration or convention are the article's
//! items. Labels are kept as printed.

use foldhash::{HashMap, HashMapExt};

use unpara_model::{Block, BlockKind};

use crate::blocks::Draft;
use crate::breaks::centred;
use crate::headings::{pattern_heading, typographic_heading};
use crate::labels::LabelKind;
use crate::measure::{same_size, Measures};

/// Most paragraph numbers that may be missing before a number still counts as the next
/// paragraph rather than a list line (a paragraph the reader lost).
const MAX_SKIP: u32 = 3;

/// A label left of the body's left edge by more than this many ems hangs (a heading).
const HANGING_EM: f32 = 0.2;

/// What a draft is.
#[derive(Debug, Clone, PartialEq)]
struct Role {
    kind: BlockKind,
    level: Option<u8>,
    number: Option<String>,
    parent: Option<usize>,
    /// The label is not one: the block's text is its whole text.
    unlabel: bool,
}

impl Role {
    fn of(kind: BlockKind) -> Role {
        Role {
            kind,
            level: None,
            number: None,
            parent: None,
            unlabel: false,
        }
    }
}

/// The heading a draft is, if it is one: `(level, article number)`.
fn heading(d: &Draft, m: &Measures, body_started: bool) -> Option<(u8, Option<u32>)> {
    if d.cells.is_some() || d.contents {
        return None;
    }
    if let Some(level) = d.first.heading {
        return Some((level, None));
    }
    let hanging = d.first.x0 < d.first.frame.left.min(m.body_left) - HANGING_EM * m.body_size;
    let larger = d.first.size > m.body_size && !same_size(d.first.size, m.body_size);
    let emphasized = d.first.label_bold || d.bold || larger || centred(&d.first);
    match d.label.as_ref().map(|l| &l.kind) {
        Some(LabelKind::Resolution) => return Some((1, None)),
        Some(LabelKind::Roman(_)) if hanging || emphasized => return Some((1, None)),
        Some(LabelKind::Capital(_)) if hanging || emphasized => return Some((2, None)),
        // `(i)` is a heading when set apart like one (bold, italic, or hanging like the
        // `A.` headings); otherwise an item of its paragraph.
        Some(LabelKind::SmallRoman(_))
            if d.first.label_bold || d.bold || d.first.italic || hanging =>
        {
            return Some((3, None))
        }
        Some(_) => return None,
        None => {}
    }
    if let Some(p) = pattern_heading(&d.text) {
        return Some((p.level, p.number));
    }
    let smaller = d.first.size < m.body_size && !same_size(d.first.size, m.body_size);
    if body_started && d.first.flow.is_none() {
        return typographic_heading(&d.text, d.lines, d.bold, larger, smaller).map(|l| (l, None));
    }
    None
}

/// Whether numbers restart under every article: two or more articles hold numbers, each
/// run starts at 1 and counts up, and no number stands outside an article.
fn article_items(drafts: &[Draft], roles: &[Option<Role>]) -> bool {
    let mut runs: Vec<Vec<u32>> = Vec::new();
    let mut in_article = false;
    for (d, r) in drafts.iter().zip(roles) {
        if let Some(r) = r.as_ref().filter(|r| r.kind == BlockKind::Heading) {
            in_article = r.number.is_some();
            runs.push(Vec::new());
            continue;
        }
        if let Some(LabelKind::Number(n)) = d.label.as_ref().map(|l| &l.kind) {
            if !in_article {
                return false;
            }
            if let Some(run) = runs.last_mut() {
                run.push(*n);
            }
        }
    }
    let numbered: Vec<&Vec<u32>> = runs.iter().filter(|r| !r.is_empty()).collect();
    numbered.len() >= 2
        && numbered
            .iter()
            .all(|r| r.iter().zip(1..).all(|(n, expected)| *n == expected))
}

/// Classifies the drafts; returns the blocks (ids `b<draft index>`, parents likewise)
/// with their first line's size and baseline (points).
pub(crate) fn classify(
    drafts: &[Draft],
    m: &Measures,
    warnings: &mut Vec<String>,
) -> Vec<(Block, (f32, f32))> {
    // Headings first: numbering depends on where they are.
    let mut body_started = false;
    let mut roles: Vec<Option<Role>> = Vec::with_capacity(drafts.len());
    for d in drafts {
        let h = heading(d, m, body_started);
        let anchor = h.is_some()
            || matches!(
                d.label.as_ref().map(|l| &l.kind),
                Some(LabelKind::Number(_) | LabelKind::Section(..) | LabelKind::Resolution)
            );
        body_started |= anchor && !d.first.front;
        roles.push(h.map(|(level, number)| Role {
            level: Some(level),
            number: number.map(|n| n.to_string()),
            ..Role::of(BlockKind::Heading)
        }));
    }
    let items_of_articles = article_items(drafts, &roles);
    // Where each number is last used as a label, to ask whether an old sequence comes
    // back later (in constant time per question).
    let mut last_use: HashMap<u32, usize> = HashMap::new();
    for (i, d) in drafts.iter().enumerate() {
        if let Some(LabelKind::Number(n)) = d.label.as_ref().map(|l| &l.kind) {
            if roles.get(i).is_some_and(Option::is_none) {
                last_use.insert(*n, i);
            }
        }
    }
    let used_after = |i: usize, from: u32, to: u32| {
        (from..=to).any(|k| last_use.get(&k).is_some_and(|j| *j > i))
    };

    let mut paragraph: Option<(u32, usize)> = None;
    let mut section: Option<(u32, u32)> = None;
    let mut list = false;
    let mut last_heading: Option<usize> = None;
    let mut heading_since_paragraph = false;
    for (i, d) in drafts.iter().enumerate() {
        if let Some(Some(role)) = roles.get(i) {
            if role.kind == BlockKind::Heading {
                last_heading = Some(i);
                heading_since_paragraph = true;
                list = false;
            }
            continue;
        }
        let parent = paragraph.map(|(_, p)| p).or(last_heading);
        let role = if d.cells.is_some() {
            Role::of(BlockKind::Table)
        } else if d.contents {
            Role::of(BlockKind::Text)
        } else {
            match d.label.as_ref().map(|l| l.kind.clone()) {
                Some(LabelKind::Number(_)) if items_of_articles => Role {
                    level: Some(1),
                    parent: last_heading,
                    ..Role::of(BlockKind::Item)
                },
                Some(LabelKind::Number(n)) => {
                    let expected = paragraph.map_or(1, |(p, _)| p + 1);
                    let first = paragraph.is_none() && n <= 1 + MAX_SKIP;
                    let jump = paragraph.is_some() && n > expected && n <= expected + MAX_SKIP;
                    let restart = n == 1
                        && paragraph.is_some()
                        && heading_since_paragraph
                        && !used_after(i, expected, expected + MAX_SKIP);
                    if jump && !list || first || n == expected || restart {
                        if jump {
                            warnings.push(format!(
                                "page {}: paragraph numbers jump from {} to {n}",
                                d.first.page,
                                expected.saturating_sub(1)
                            ));
                        }
                        if restart {
                            warnings.push(format!(
                                "page {}: paragraph numbers restart at 1 after {}: read as a \
                                 new sequence (a second document or an annex)",
                                d.first.page,
                                expected.saturating_sub(1)
                            ));
                        }
                        paragraph = Some((n, i));
                        list = false;
                        heading_since_paragraph = false;
                        Role {
                            number: Some(n.to_string()),
                            ..Role::of(BlockKind::Paragraph)
                        }
                    } else if paragraph.is_some() {
                        list = true;
                        Role {
                            level: Some(1),
                            parent,
                            ..Role::of(BlockKind::Text)
                        }
                    } else {
                        Role::of(BlockKind::Text)
                    }
                }
                Some(LabelKind::Section(s, n)) => {
                    let follows = match section {
                        None => n == 1,
                        Some((s0, n0)) => (s == s0 && n == n0 + 1) || (s != s0 && n == 1),
                    };
                    if follows {
                        section = Some((s, n));
                        paragraph = Some((n, i));
                        heading_since_paragraph = false;
                        Role {
                            number: Some(format!("{s}.{n}")),
                            ..Role::of(BlockKind::Paragraph)
                        }
                    } else {
                        Role {
                            unlabel: true,
                            ..Role::of(BlockKind::Text)
                        }
                    }
                }
                Some(LabelKind::Letter(_) | LabelKind::ParenNumber(_)) => sub_item(list, parent, 1),
                Some(LabelKind::SmallRoman(_)) => sub_item(list, parent, 2),
                Some(LabelKind::Roman(_) | LabelKind::Capital(_) | LabelKind::Resolution) => Role {
                    unlabel: true,
                    ..Role::of(BlockKind::Text)
                },
                None => {
                    // Unlabelled text after a heading leaves any list.
                    if heading_since_paragraph {
                        list = false;
                    }
                    Role::of(BlockKind::Text)
                }
            }
        };
        if let Some(slot) = roles.get_mut(i) {
            *slot = Some(role);
        }
    }
    drafts
        .iter()
        .zip(roles)
        .enumerate()
        .filter_map(|(i, (d, role))| {
            let role = role.unwrap_or_else(|| Role::of(BlockKind::Text));
            let keep_label = d.label.is_some() && !role.unlabel;
            let text = if role.unlabel {
                crate::text::collapse(&d.raw)
            } else {
                d.shown_text()
            };
            if text.is_empty() && !keep_label {
                return None;
            }
            let block = Block {
                id: format!("b{i}"),
                kind: role.kind,
                label: d
                    .label
                    .as_ref()
                    .filter(|_| keep_label)
                    .map(|l| l.text.clone()),
                level: role.level,
                number: role.number,
                parent: role.parent.map(|p| format!("b{p}")),
                text,
                pages: d.pages.clone(),
                footnote_refs: d.refs.clone(),
                sentences: Vec::new(),
            };
            Some((block, (d.first.size, d.first.baseline)))
        })
        .collect()
}

/// A sub-item `(a)` (level 1) or `(i)` (level 2): of its paragraph (or heading), or a
/// line of the list it is in (levels 2 and 3).
fn sub_item(list: bool, parent: Option<usize>, depth: u8) -> Role {
    match (list, parent) {
        (true, Some(_)) => Role {
            level: Some(depth + 1),
            parent,
            ..Role::of(BlockKind::Text)
        },
        (false, Some(_)) => Role {
            level: Some(depth),
            parent,
            ..Role::of(BlockKind::Item)
        },
        _ => Role::of(BlockKind::Text),
    }
}
