//! All language versions of one document together: every pair aligned, and links
//! across all versions made through a pivot version. Each non-pivot version's links
//! with the pivot connect its blocks (sentences) to the pivot's; what one pivot link
//! connects in every version is one link of the set (a union of the pairwise links,
//! so a 1-2 in one pair and a 1-1 in another give one link of 1, 2 and 1). A block no
//! pivot link connects stays a link of its own version alone: nothing is dropped.

use foldhash::{HashMap, HashMapExt};

use unpara_model::{
    Alignment, DisjointSets, Document, Lang, MultiAlignment, MultiLink, PairAlignment,
};

/// Most versions of one document: the six UN languages.
pub const MAX_VERSIONS: usize = 6;

/// Aligns every pair of `docs` (2 to [`MAX_VERSIONS`] documents in distinct languages;
/// more are not aligned and fewer give no links) and links all of them through the
/// pivot: English when one is English, else the first.
pub fn align_all(docs: &[&Document]) -> MultiAlignment {
    let docs = docs.get(..docs.len().min(MAX_VERSIONS)).unwrap_or_default();
    let languages: Vec<Lang> = docs.iter().map(|d| d.language).collect();
    let pivot = languages.iter().position(|&l| l == Lang::En).unwrap_or(0);
    let mut pairs = Vec::new();
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            if let (Some(a), Some(b)) = (docs.get(i), docs.get(j)) {
                pairs.push(PairAlignment {
                    a: i,
                    b: j,
                    alignment: crate::align(a, b),
                });
            }
        }
    }
    // Each version's links with the pivot, pivot side first.
    let with_pivot: Vec<Option<Alignment>> = (0..docs.len())
        .map(|d| {
            pairs.iter().find_map(|p| {
                if p.a == pivot && p.b == d {
                    Some(p.alignment.clone())
                } else if p.b == pivot && p.a == d {
                    Some(crate::swap::swapped(p.alignment.clone()))
                } else {
                    None
                }
            })
        })
        .collect();
    let blocks: Vec<Vec<String>> = docs
        .iter()
        .map(|d| d.blocks.iter().map(|b| b.id.clone()).collect())
        .collect();
    let sentences: Vec<Vec<String>> = docs
        .iter()
        .map(|d| {
            d.blocks
                .iter()
                .flat_map(|b| (0..b.sentences.len()).map(move |i| format!("{}:{i}", b.id)))
                .collect()
        })
        .collect();
    let with_pivot_edges = |sentences: bool| -> Vec<Vec<Edge>> {
        with_pivot
            .iter()
            .map(|al| al.as_ref().map_or_else(Vec::new, |al| edges(al, sentences)))
            .collect()
    };
    let others = |sentences: bool| -> Vec<(usize, usize, Vec<Edge>)> {
        pairs
            .iter()
            .filter(|p| p.a != pivot && p.b != pivot)
            .map(|p| (p.a, p.b, edges(&p.alignment, sentences)))
            .collect()
    };
    let (paragraph_edges, sentence_edges) = (with_pivot_edges(false), with_pivot_edges(true));
    let paragraph_links = merge(&blocks, pivot, &paragraph_edges, &others(false));
    let mut sentence_links = merge(&sentences, pivot, &sentence_edges, &others(true));
    for l in &mut sentence_links {
        l.method.clear();
    }
    MultiAlignment {
        languages,
        pivot,
        paragraph_links,
        sentence_links,
        pairs,
    }
}

/// The links of a pair as edges, side a's ids first: its sentence links (`sentences`)
/// or its paragraph links.
fn edges(al: &Alignment, sentences: bool) -> Vec<Edge<'_>> {
    if sentences {
        al.sentence_links
            .iter()
            .map(|l| Edge {
                pivot: &l.a,
                other: &l.b,
                method: "dp",
                score: l.score,
            })
            .collect()
    } else {
        al.paragraph_links
            .iter()
            .map(|l| Edge {
                pivot: &l.a,
                other: &l.b,
                method: &l.method,
                score: l.score,
            })
            .collect()
    }
}

/// A pairwise link with the pivot: the pivot's ids, the other version's ids.
struct Edge<'a> {
    pivot: &'a [String],
    other: &'a [String],
    method: &'a str,
    score: f32,
}

/// The links of the set: the ids of every version (`ids[d]`, in document order) joined
/// by the pivot's `edges[d]` (empty for the pivot itself), then by the `others` pairs'
/// links (`(a, b, edges)`, an edge's `pivot` side being document a's) where none of
/// the ids they join is joined to the pivot yet. Ordered by the pivot's order: a link
/// holding no pivot id comes after the pivot ids its version's pivot links put before
/// it.
fn merge(
    ids: &[Vec<String>],
    pivot: usize,
    edges: &[Vec<Edge>],
    others: &[(usize, usize, Vec<Edge>)],
) -> Vec<MultiLink> {
    // Node = (document, position); `node[d]` maps an id of document d to its node.
    let mut base = Vec::with_capacity(ids.len());
    let mut total = 0usize;
    for list in ids {
        base.push(total);
        total += list.len();
    }
    let index: Vec<HashMap<&str, usize>> = ids
        .iter()
        .map(|list| {
            list.iter()
                .enumerate()
                .map(|(i, id)| (id.as_str(), i))
                .collect()
        })
        .collect();
    let node =
        |d: usize, id: &str| -> Option<usize> { Some(base.get(d)? + index.get(d)?.get(id)?) };
    let mut sets = DisjointSets::new(total);
    // Where each node sorts: pivot ids by position; others by the pivot position of
    // their link, or just after the last pivot position seen before them.
    let mut order: Vec<f64> = vec![f64::MAX; total];
    let mut weakest: HashMap<usize, (f32, &str)> = HashMap::new();
    if let Some(list) = ids.get(pivot) {
        for i in 0..list.len() {
            if let Some(slot) = order.get_mut(base.get(pivot).copied().unwrap_or(0) + i) {
                *slot = i as f64;
            }
        }
    }
    for (d, links) in edges.iter().enumerate() {
        let mut last = -1.0f64;
        let mut step = 0.0f64;
        for e in links {
            let p: Vec<usize> = e.pivot.iter().filter_map(|id| node(pivot, id)).collect();
            let o: Vec<usize> = e.other.iter().filter_map(|id| node(d, id)).collect();
            let at = p
                .iter()
                .filter_map(|&n| order.get(n).copied())
                .fold(f64::MAX, f64::min);
            let at = if at == f64::MAX {
                step += 1e-4;
                last + 0.5 + step
            } else {
                last = at;
                step = 0.0;
                at
            };
            for &n in &o {
                if let Some(slot) = order.get_mut(n) {
                    *slot = slot.min(at);
                }
            }
            // A one-sided link joins nothing: each of its ids stays on its own.
            if p.is_empty() || o.is_empty() {
                continue;
            }
            let all: Vec<usize> = p.iter().chain(&o).copied().collect();
            if let Some((&first, rest)) = all.split_first() {
                for &n in rest {
                    sets.union(first, n);
                }
                let w = weakest.entry(first).or_insert((e.score, e.method));
                if e.score < w.0 {
                    *w = (e.score, e.method);
                }
            }
        }
    }
    // What the pivot's links did not reach, through the other pairs.
    let pivot_base = base.get(pivot).copied().unwrap_or(0);
    let pivot_len = ids.get(pivot).map_or(0, Vec::len);
    let pivot_roots: std::collections::HashSet<usize> = (pivot_base..pivot_base + pivot_len)
        .map(|n| sets.find(n))
        .collect();
    for (da, db, links) in others {
        for e in links {
            let p: Vec<usize> = e.pivot.iter().filter_map(|id| node(*da, id)).collect();
            let o: Vec<usize> = e.other.iter().filter_map(|id| node(*db, id)).collect();
            if p.is_empty() || o.is_empty() {
                continue;
            }
            let all: Vec<usize> = p.iter().chain(&o).copied().collect();
            if all.iter().any(|&n| pivot_roots.contains(&sets.find(n))) {
                continue;
            }
            if let Some((&first, rest)) = all.split_first() {
                for &n in rest {
                    sets.union(first, n);
                }
                let w = weakest.entry(first).or_insert((e.score, e.method));
                if e.score < w.0 {
                    *w = (e.score, e.method);
                }
            }
        }
    }
    // Weakest link per set (recorded at a member; moved to the root).
    let mut root_weakest: HashMap<usize, (f32, &str)> = HashMap::new();
    for (n, w) in weakest {
        let r = sets.find(n);
        let slot = root_weakest.entry(r).or_insert(w);
        if w.0 < slot.0 {
            *slot = w;
        }
    }
    let mut groups: HashMap<usize, (f64, usize, Vec<Vec<String>>)> = HashMap::new();
    for (d, list) in ids.iter().enumerate() {
        for (i, id) in list.iter().enumerate() {
            let n = base.get(d).copied().unwrap_or(0) + i;
            let r = sets.find(n);
            let g = groups
                .entry(r)
                .or_insert_with(|| (f64::MAX, usize::MAX, vec![Vec::new(); ids.len()]));
            g.0 = g.0.min(order.get(n).copied().unwrap_or(f64::MAX));
            g.1 = g.1.min(n);
            if let Some(side) = g.2.get_mut(d) {
                side.push(id.clone());
            }
        }
    }
    let mut out: Vec<(f64, usize, MultiLink)> = groups
        .into_iter()
        .map(|(r, (at, first, sides))| {
            let (score, method) = match root_weakest.get(&r) {
                Some(&(s, m)) => (s, m.to_string()),
                None => (1.0, "unaligned".to_string()),
            };
            (
                at,
                first,
                MultiLink {
                    ids: sides,
                    method,
                    score,
                },
            )
        })
        .collect();
    out.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
    out.into_iter().map(|(_, _, l)| l).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn merges_through_the_pivot_and_keeps_one_sided() {
        let ids = vec![
            strings(&["p0", "p1", "p2"]),
            strings(&["x0", "x1", "x2"]),
            strings(&["y0", "y1"]),
        ];
        let (p01, x01) = (strings(&["p0"]), strings(&["x0", "x1"]));
        let (p1, x2) = (strings(&["p1"]), strings(&["x2"]));
        let (p2, none) = (strings(&["p2"]), Vec::new());
        let (p0, y0, y1) = (strings(&["p0"]), strings(&["y0"]), strings(&["y1"]));
        let p12 = strings(&["p1", "p2"]);
        let edges = vec![
            vec![],
            vec![
                Edge {
                    pivot: &p01,
                    other: &x01,
                    method: "number",
                    score: 0.9,
                },
                Edge {
                    pivot: &p1,
                    other: &x2,
                    method: "dp",
                    score: 0.6,
                },
                Edge {
                    pivot: &p2,
                    other: &none,
                    method: "unaligned",
                    score: 0.0,
                },
            ],
            vec![
                Edge {
                    pivot: &p0,
                    other: &y0,
                    method: "number",
                    score: 0.8,
                },
                Edge {
                    pivot: &none,
                    other: &y1,
                    method: "unaligned",
                    score: 0.0,
                },
                Edge {
                    pivot: &p12,
                    other: &none,
                    method: "unaligned",
                    score: 0.0,
                },
            ],
        ];
        let links = merge(&ids, 0, &edges, &[]);
        let sides: Vec<Vec<Vec<String>>> = links.iter().map(|l| l.ids.clone()).collect();
        assert_eq!(
            sides,
            vec![
                vec![strings(&["p0"]), strings(&["x0", "x1"]), strings(&["y0"])],
                vec![vec![], vec![], strings(&["y1"])],
                vec![strings(&["p1"]), strings(&["x2"]), vec![]],
                vec![strings(&["p2"]), vec![], vec![]],
            ]
        );
        assert_eq!((links[0].score, links[0].method.as_str()), (0.8, "number"));
        assert_eq!(
            (links[3].score, links[3].method.as_str()),
            (1.0, "unaligned")
        );
    }
}
