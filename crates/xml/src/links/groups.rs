//! Blocks of two documents grouped into paragraph links by the sentence links that
//! connect them: a union–find over the blocks of both sides, then merges until every
//! group is a contiguous run of blocks on each side and the groups with both sides
//! follow each other in the same order on both.

use unpara_model::DisjointSets;

/// A sentence: (block index, index in the block).
pub(super) type Pos = (u32, u32);

/// The blocks of a group on each side: an inclusive range of block indices, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Span {
    pub a: Option<(usize, usize)>,
    pub b: Option<(usize, usize)>,
}

/// The groups in reading order, and the group of every block.
#[derive(Debug)]
pub(super) struct Groups {
    /// Groups in reading order.
    pub spans: Vec<Span>,
    /// Blocks of side a.
    blocks_a: usize,
    /// Group index of each node: blocks of side a, then blocks of side b.
    group: Vec<usize>,
}

impl Groups {
    /// The group of a link: that of its first block.
    pub fn of_item(&self, a: &[Pos], b: &[Pos]) -> usize {
        let node = match (a.first(), b.first()) {
            (Some(&(k, _)), _) => k as usize,
            (None, Some(&(k, _))) => self.blocks_a + k as usize,
            (None, None) => return usize::MAX,
        };
        self.group.get(node).copied().unwrap_or(usize::MAX)
    }
}

fn widen(r: &mut Option<(usize, usize)>, k: usize) {
    *r = Some(match *r {
        None => (k, k),
        Some((lo, hi)) => (lo.min(k), hi.max(k)),
    });
}

/// The groups of `blocks_a` + `blocks_b` blocks connected by `links` (the sentence
/// positions of each side of each link).
pub(super) fn groups<'l>(
    blocks_a: usize,
    blocks_b: usize,
    links: impl Iterator<Item = (&'l [Pos], &'l [Pos])>,
) -> Groups {
    let n = blocks_a + blocks_b;
    let mut dsu = DisjointSets::new(n);
    for (a, b) in links {
        let mut nodes = a
            .iter()
            .map(|&(k, _)| k as usize)
            .chain(b.iter().map(|&(k, _)| blocks_a + k as usize));
        if let Some(first) = nodes.next() {
            for node in nodes {
                dsu.union(first, node);
            }
        }
    }
    // Each pass merges at least two groups, so this ends.
    let spans = loop {
        let spans = extents(&mut dsu, blocks_a);
        if !merge_overlaps(&mut dsu, &spans, |s| s.a)
            && !merge_overlaps(&mut dsu, &spans, |s| s.b)
            && !merge_crossings(&mut dsu, &spans)
        {
            break spans;
        }
    };
    order(&mut dsu, blocks_a, n, spans)
}

/// The span of every group, with its root.
fn extents(dsu: &mut DisjointSets, blocks_a: usize) -> Vec<(usize, Span)> {
    let n = dsu.len();
    let mut by_root: Vec<Option<Span>> = vec![None; n];
    for node in 0..n {
        let root = dsu.find(node);
        if let Some(slot) = by_root.get_mut(root) {
            let span = slot.get_or_insert(Span { a: None, b: None });
            if node < blocks_a {
                widen(&mut span.a, node);
            } else {
                widen(&mut span.b, node - blocks_a);
            }
        }
    }
    by_root
        .into_iter()
        .enumerate()
        .filter_map(|(root, s)| s.map(|s| (root, s)))
        .collect()
}

/// Merges the groups whose ranges overlap on one side; whether any were.
fn merge_overlaps(
    dsu: &mut DisjointSets,
    spans: &[(usize, Span)],
    side: impl Fn(&Span) -> Option<(usize, usize)>,
) -> bool {
    let mut ranges: Vec<(usize, usize, usize)> = spans
        .iter()
        .filter_map(|(root, s)| side(s).map(|(lo, hi)| (lo, hi, *root)))
        .collect();
    ranges.sort_unstable();
    let mut merged = false;
    let mut current: Option<(usize, usize)> = None;
    for (lo, hi, root) in ranges {
        match current {
            Some((end, first)) if lo <= end => {
                dsu.union(first, root);
                current = Some((end.max(hi), first));
                merged = true;
            }
            _ => current = Some((hi, root)),
        }
    }
    merged
}

/// Merges neighbouring groups with both sides whose order differs between the sides
/// (their ranges no longer overlap on either side); whether any were.
fn merge_crossings(dsu: &mut DisjointSets, spans: &[(usize, Span)]) -> bool {
    let mut both: Vec<(usize, usize, usize)> = spans
        .iter()
        .filter_map(|(root, s)| Some((s.a?.0, s.b?.0, *root)))
        .collect();
    both.sort_unstable();
    let mut merged = false;
    for pair in both.windows(2) {
        if let [(_, b0, r0), (_, b1, r1)] = pair {
            if b1 < b0 {
                dsu.union(*r0, *r1);
                merged = true;
            }
        }
    }
    merged
}

/// The groups in reading order: those with both sides in their (common) order, each
/// preceded by the one-sided groups of side a, then of side b, that come before it.
fn order(dsu: &mut DisjointSets, blocks_a: usize, n: usize, spans: Vec<(usize, Span)>) -> Groups {
    let start = |r: Option<(usize, usize)>| r.map_or(usize::MAX, |(lo, _)| lo);
    let mut both: Vec<(usize, Span)> = Vec::new();
    let mut only_a: Vec<(usize, Span)> = Vec::new();
    let mut only_b: Vec<(usize, Span)> = Vec::new();
    for (root, s) in spans {
        match (s.a, s.b) {
            (Some(_), Some(_)) => both.push((root, s)),
            (Some(_), None) => only_a.push((root, s)),
            _ => only_b.push((root, s)),
        }
    }
    both.sort_unstable_by_key(|(_, s)| start(s.a));
    only_a.sort_unstable_by_key(|(_, s)| start(s.a));
    only_b.sort_unstable_by_key(|(_, s)| start(s.b));
    let mut ordered: Vec<(usize, Span)> = Vec::with_capacity(n);
    let (mut ia, mut ib) = (only_a.into_iter().peekable(), only_b.into_iter().peekable());
    for g in both {
        while let Some(x) = ia.next_if(|(_, s)| start(s.a) < start(g.1.a)) {
            ordered.push(x);
        }
        while let Some(x) = ib.next_if(|(_, s)| start(s.b) < start(g.1.b)) {
            ordered.push(x);
        }
        ordered.push(g);
    }
    ordered.extend(ia);
    ordered.extend(ib);
    let mut index_of_root = vec![usize::MAX; n];
    for (i, (root, _)) in ordered.iter().enumerate() {
        if let Some(slot) = index_of_root.get_mut(*root) {
            *slot = i;
        }
    }
    let group = (0..n)
        .map(|node| {
            let root = dsu.find(node);
            index_of_root.get(root).copied().unwrap_or(usize::MAX)
        })
        .collect();
    Groups {
        spans: ordered.into_iter().map(|(_, s)| s).collect(),
        blocks_a,
        group,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(ba: usize, bb: usize, links: &[(&[Pos], &[Pos])]) -> Vec<Span> {
        groups(ba, bb, links.iter().copied()).spans
    }

    fn span(a: Option<(usize, usize)>, b: Option<(usize, usize)>) -> Span {
        Span { a, b }
    }

    #[test]
    fn one_to_one_blocks_and_an_unlinked_block() {
        let got = spans(
            3,
            2,
            &[(&[(0, 0)], &[(0, 0)]), (&[(2, 0)], &[(1, 0), (1, 1)])],
        );
        assert_eq!(
            got,
            [
                span(Some((0, 0)), Some((0, 0))),
                span(Some((1, 1)), None),
                span(Some((2, 2)), Some((1, 1))),
            ]
        );
    }

    #[test]
    fn interleaved_blocks_are_merged() {
        // Block a1 is linked with b0 through a0 and a2's links: one group a0–a2.
        let got = spans(
            3,
            1,
            &[
                (&[(0, 0)], &[(0, 0)]),
                (&[(2, 0)], &[(0, 1)]),
                (&[(1, 0)], &[]),
            ],
        );
        assert_eq!(got, [span(Some((0, 2)), Some((0, 0)))]);
    }

    #[test]
    fn crossing_links_are_merged() {
        let got = spans(
            3,
            3,
            &[
                (&[(0, 0)], &[(1, 0)]),
                (&[(1, 0)], &[(0, 0)]),
                (&[(2, 0)], &[(2, 0)]),
            ],
        );
        assert_eq!(
            got,
            [
                span(Some((0, 1)), Some((0, 1))),
                span(Some((2, 2)), Some((2, 2)))
            ]
        );
    }

    #[test]
    fn one_sided_groups_come_before_the_next_linked_group() {
        let got = spans(2, 2, &[(&[(1, 0)], &[(1, 0)])]);
        assert_eq!(
            got,
            [
                span(Some((0, 0)), None),
                span(None, Some((0, 0))),
                span(Some((1, 1)), Some((1, 1))),
            ]
        );
    }
}
