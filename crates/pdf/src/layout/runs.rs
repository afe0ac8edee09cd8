//! A stable sort for a page's glyphs, which come almost sorted: in content-stream order
//! they run top to bottom and left to right but for a few pieces (a header or footer
//! drawn last, a raised footnote marker), at most 6 places per page on
//! `S_2013_220.pdf` where the order turns back.

use std::cmp::Ordering;

/// Elements moved per element of the slice, at most, before the merging gives way to
/// the library's stable sort: a merge moves the stretches that must make room, so
/// input far from sorted (a page drawn twice, interleaved) would move elements again
/// and again.
const MOVE_BUDGET_PER_ELEMENT: usize = 8;

/// Sorts `v` stably by `cmp`, with the result of `v.sort_by(cmp)`: each run in order
/// (a maximal stretch without a descent) is merged into the sorted front by binary
/// searches and rotations, which move the stretches between two places as blocks (a
/// few block moves per page instead of the library's comparison and move per glyph and
/// merge level). No merge lets equal elements pass each other, so when the budget of
/// moves runs out the library's sort of the partly merged slice gives the same order.
/// On `S_2013_220.pdf` the clustering of glyphs by baseline, sort included, went from
/// 9.5 M to 8.5 M of `unpara text`'s 87.8 M instructions (callgrind; each page moved
/// about once, no budget exhausted). Taking the run's elements out and splicing them
/// back instead of rotating took it to 18.1 M (every step moves the vector's tail).
pub(crate) fn sort_almost_sorted<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let budget = MOVE_BUDGET_PER_ELEMENT.saturating_mul(v.len());
    sort_with_budget(v, &cmp, budget);
}

/// The end of the run that starts at `start`.
fn run_end<T>(v: &[T], start: usize, cmp: &impl Fn(&T, &T) -> Ordering) -> usize {
    let tail = v.get(start..).unwrap_or_default();
    start
        + 1
        + tail
            .windows(2)
            .position(|w| matches!(w, [a, b] if cmp(a, b) == Ordering::Greater))
            .unwrap_or(tail.len().saturating_sub(1))
}

fn sort_with_budget<T>(v: &mut [T], cmp: &impl Fn(&T, &T) -> Ordering, budget: usize) {
    let n = v.len();
    let mut moved = 0usize;
    let mut front_end = run_end(v, 0, cmp).min(n);
    while front_end < n {
        let run = run_end(v, front_end, cmp).min(n);
        // The sorted front is v[..p_end], the run's rest v[p_end..b_end]; the front's
        // part still to be passed starts at `lo`.
        let (mut lo, mut p_end) = (0, front_end);
        while lo < p_end && p_end < run {
            let (Some(front), Some(back)) = (v.get(lo..p_end), v.get(p_end..run)) else {
                break;
            };
            let Some(first) = back.first() else {
                break;
            };
            // The first front element after which the run's first may not stand…
            let pos = lo + front.partition_point(|a| cmp(a, first) != Ordering::Greater);
            let Some(pivot) = v.get(pos).filter(|_| pos < p_end) else {
                break;
            };
            // …and the run's elements that go before it (equal ones stay after).
            let count = back.partition_point(|b| cmp(b, pivot) == Ordering::Less);
            let cost = p_end + count - pos;
            if moved.saturating_add(cost) > budget {
                v.sort_by(cmp);
                return;
            }
            moved += cost;
            if let Some(stretch) = v.get_mut(pos..p_end + count) {
                stretch.rotate_right(count);
            }
            lo = pos + count;
            p_end += count;
        }
        front_end = run;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Pairs sorted by their first value only; the second (the original place) tells
    /// equal ones apart.
    fn by_key(a: &(u8, usize), b: &(u8, usize)) -> Ordering {
        a.0.cmp(&b.0)
    }

    fn numbered(keys: Vec<u8>) -> Vec<(u8, usize)> {
        keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect()
    }

    proptest! {
        /// The library's stable sort, ties included, on vectors of a few sorted pieces
        /// and of many, with the full budget and with budgets that run out midway.
        #[test]
        fn as_the_stable_sort(
            pieces in proptest::collection::vec(proptest::collection::vec(0u8..12, 0..20), 0..10),
            budget in 0usize..64,
        ) {
            let mut keys = Vec::new();
            for mut p in pieces {
                p.sort_unstable();
                keys.extend(p);
            }
            let mut expected = numbered(keys.clone());
            expected.sort_by(by_key);
            let mut v = numbered(keys.clone());
            sort_almost_sorted(&mut v, by_key);
            prop_assert_eq!(&v, &expected);
            let mut v = numbered(keys);
            sort_with_budget(&mut v, &by_key, budget);
            prop_assert_eq!(&v, &expected);
        }
    }

    #[test]
    fn a_footer_drawn_first_a_raised_marker_and_a_page_drawn_twice() {
        // Baselines, top first: the footer (100) drawn first, then the body with a
        // marker (703) raised over the line at 700.
        let mut v = vec![100, 800, 750, 700, 703, 700, 650];
        sort_almost_sorted(&mut v, |a: &i32, b: &i32| b.cmp(a));
        assert_eq!(v, [800, 750, 703, 700, 700, 650, 100]);
        // Two interleaved copies exhaust the budget: the library's sort finishes.
        let mut twice = numbered((0..50).chain(0..50).map(|k| k as u8).collect());
        let mut expected = twice.clone();
        expected.sort_by(by_key);
        sort_almost_sorted(&mut twice, by_key);
        assert_eq!(twice, expected);
    }
}
