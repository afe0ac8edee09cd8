//! What changed between an approved output and today's, one line per change.
//!
//! Blocks are matched by content (kind, label, text), not by position, with a longest
//! common subsequence; where today's ids differ from the approved ones only because a
//! block came or went before them, today's ids are read as the approved ones (in the
//! document and in the links' side of that language). Lists of links and footnotes are
//! then matched by their whole value the same way. So deleting one block reads as that
//! block removed and the links that held it changed, not as every later block changed.

use std::collections::HashMap;

use serde_json::Value;

/// Largest product of two list lengths matched by longest common subsequence (cells of
/// the table, a few bytes each); longer lists are compared by position.
const MAX_LCS_CELLS: usize = 16_000_000;

/// The differences of `new` from `old`, one line each (`documents.en.blocks[b3].text:
/// "…" → "…"`, `paragraph_links[4]: removed (…)`).
pub(crate) fn differences(old: &Value, new: &Value) -> Vec<String> {
    let mut new = new.clone();
    rename_ids(old, &mut new);
    let mut out = Vec::new();
    diff("", old, &new, &mut out);
    out.iter()
        .map(|l| l.trim_start_matches('.').to_string())
        .collect()
}

fn excerpt(v: &Value) -> String {
    let s = match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let short: String = s.chars().take(70).collect();
    if short.len() < s.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// The content of a block, for matching: kind, label and text.
fn block_key(v: &Value) -> String {
    format!(
        "{}\u{1f}{}\u{1f}{}",
        v["kind"].as_str().unwrap_or_default(),
        v["label"].as_str().unwrap_or_default(),
        v["text"].as_str().unwrap_or_default()
    )
}

/// Index pairs of a longest common subsequence of `a` and `b` under `key`, in order;
/// `None` when the lists are too long to match so.
fn lcs(a: &[Value], b: &[Value], key: impl Fn(&Value) -> String) -> Option<Vec<(usize, usize)>> {
    let (n, m) = (a.len(), b.len());
    if n.saturating_mul(m) > MAX_LCS_CELLS {
        return None;
    }
    let (ka, kb): (Vec<String>, Vec<String>) =
        (a.iter().map(&key).collect(), b.iter().map(&key).collect());
    let width = m + 1;
    let mut t = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let v = if ka.get(i) == kb.get(j) {
                t.get((i + 1) * width + j + 1).copied().unwrap_or(0) + 1
            } else {
                let down = t.get((i + 1) * width + j).copied().unwrap_or(0);
                let right = t.get(i * width + j + 1).copied().unwrap_or(0);
                down.max(right)
            };
            if let Some(cell) = t.get_mut(i * width + j) {
                *cell = v;
            }
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n && j < m {
        if ka.get(i) == kb.get(j) {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if t.get((i + 1) * width + j) >= t.get(i * width + j + 1) {
            i += 1;
        } else {
            j += 1;
        }
    }
    Some(out)
}

/// Reads today's block ids as the approved ones where blocks match by content: in each
/// document (top level, or `documents.<lang>` of a pair) and in the `<lang>` side of
/// the pair's links.
fn rename_ids(old: &Value, new: &mut Value) {
    let mut maps: Vec<(Option<String>, HashMap<String, String>)> = Vec::new();
    if old.get("blocks").is_some() {
        maps.push((None, id_map(old, new)));
    }
    if let (Some(Value::Object(od)), Some(Value::Object(nd))) =
        (old.get("documents"), new.get("documents"))
    {
        for (lang, o) in od {
            if let Some(n) = nd.get(lang) {
                maps.push((Some(lang.clone()), id_map(o, n)));
            }
        }
    }
    for (lang, map) in maps {
        if map.is_empty() {
            continue;
        }
        match &lang {
            None => rename(new, &map),
            Some(l) => {
                if let Some(doc) = new.get_mut("documents").and_then(|d| d.get_mut(l)) {
                    rename(doc, &map);
                }
                for links in ["paragraph_links", "sentence_links"] {
                    if let Some(Value::Array(items)) = new.get_mut(links) {
                        for item in items {
                            if let Some(side) = item.get_mut(l) {
                                rename(side, &map);
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Today's id → approved id, for blocks matched by content whose ids differ.
fn id_map(old: &Value, new: &Value) -> HashMap<String, String> {
    let (Some(a), Some(b)) = (old["blocks"].as_array(), new["blocks"].as_array()) else {
        return HashMap::new();
    };
    let Some(pairs) = lcs(a, b, block_key) else {
        return HashMap::new();
    };
    pairs
        .into_iter()
        .filter_map(|(i, j)| {
            let (x, y) = (a.get(i)?["id"].as_str()?, b.get(j)?["id"].as_str()?);
            (x != y).then(|| (y.to_string(), x.to_string()))
        })
        .collect()
}

/// Renames block ids (`b7`) and sentence ids (`b7:2`) in every string of `v`.
fn rename(v: &mut Value, map: &HashMap<String, String>) {
    match v {
        Value::String(s) => {
            let (block, rest) = match s.split_once(':') {
                Some((b, r)) => (b.to_string(), Some(r.to_string())),
                None => (s.clone(), None),
            };
            if let Some(to) = map.get(&block) {
                *s = match rest {
                    Some(r) => format!("{to}:{r}"),
                    None => to.clone(),
                };
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|x| rename(x, map)),
        Value::Object(o) => {
            for (k, x) in o.iter_mut() {
                // Texts are not ids.
                if !matches!(k.as_str(), "text" | "title" | "label" | "sentences") {
                    rename(x, map);
                }
            }
        }
        _ => {}
    }
}

/// The name of an item of a list in messages: its id, or its position.
fn name(v: &Value, i: usize) -> String {
    v.get("id")
        .and_then(Value::as_str)
        .map_or(i.to_string(), str::to_string)
}

fn diff(path: &str, old: &Value, new: &Value, out: &mut Vec<String>) {
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, va) in a {
                match b.get(k) {
                    Some(vb) => diff(&format!("{path}.{k}"), va, vb, out),
                    None => out.push(format!("{path}.{k}: removed")),
                }
            }
            for k in b.keys().filter(|k| !a.contains_key(*k)) {
                out.push(format!("{path}.{k}: added"));
            }
        }
        (Value::Array(a), Value::Array(b)) => diff_list(path, a, b, out),
        (a, b) if a != b => out.push(format!("{path}: {} → {}", excerpt(a), excerpt(b))),
        _ => {}
    }
}

/// Lists of objects: blocks matched by content, other objects by their whole value;
/// the items between two matches compared by position, the rest removed or added.
fn diff_list(path: &str, a: &[Value], b: &[Value], out: &mut Vec<String>) {
    let objects = a.iter().chain(b).all(Value::is_object) && !(a.is_empty() && b.is_empty());
    let blocks = objects
        && a.iter()
            .chain(b)
            .all(|v| v.get("text").is_some() && v.get("id").is_some());
    let matched = if !objects {
        None
    } else if blocks {
        lcs(a, b, block_key)
    } else {
        lcs(a, b, Value::to_string)
    };
    let Some(matched) = matched else {
        for i in 0..a.len().max(b.len()) {
            match (a.get(i), b.get(i)) {
                (Some(x), Some(y)) => diff(&format!("{path}[{}]", name(x, i)), x, y, out),
                (Some(x), None) => {
                    out.push(format!("{path}[{}]: removed ({})", name(x, i), excerpt(x)))
                }
                (None, Some(y)) => {
                    out.push(format!("{path}[{}]: added ({})", name(y, i), excerpt(y)))
                }
                (None, None) => {}
            }
        }
        return;
    };
    let (mut i, mut j) = (0, 0);
    for (mi, mj) in matched
        .into_iter()
        .chain(std::iter::once((a.len(), b.len())))
    {
        // Unmatched stretches: paired by position (a changed item), the rest one-sided.
        while i < mi || j < mj {
            match (i < mi, j < mj, a.get(i), b.get(j)) {
                (true, true, Some(x), Some(y)) => {
                    diff(&format!("{path}[{}]", name(x, i)), x, y, out);
                    i += 1;
                    j += 1;
                }
                (true, _, Some(x), _) => {
                    out.push(format!("{path}[{}]: removed ({})", name(x, i), excerpt(x)));
                    i += 1;
                }
                (_, true, _, Some(y)) => {
                    out.push(format!("{path}[{}]: added ({})", name(y, j), excerpt(y)));
                    j += 1;
                }
                _ => break,
            }
        }
        if let (Some(x), Some(y)) = (a.get(mi), b.get(mj)) {
            diff(&format!("{path}[{}]", name(x, mi)), x, y, out);
        }
        i = mi + 1;
        j = mj + 1;
    }
}
