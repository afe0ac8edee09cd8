//! The cells a monotone alignment programme visits: a band around the diagonal from
//! (0, 0) to (n, m), so memory and time grow with n × band width, not n × m (the
//! usual restriction of length-based aligners; Gale & Church 1993 align within
//! paragraph anchors for the same reason).

/// Half-width of the band beyond the difference of the two lengths, in items.
const MARGIN: usize = 60;
/// Most cells a programme may hold (about 40 bytes each): a few hundred MiB at most.
const MAX_CELLS: usize = 8_000_000;

/// For each row i (0 ≤ i ≤ n), the columns j it holds, contiguous.
pub(crate) struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
    start: Vec<usize>,
    len: usize,
}

impl Band {
    /// The band for sequences of `n` and `m` items.
    pub(crate) fn new(n: usize, m: usize) -> Band {
        let mut width = n.abs_diff(m) + MARGIN;
        // Keep the band within the cell budget (but wide enough for 3-item beads).
        while width > 4 && (n + 1).saturating_mul((2 * width + 1).min(m + 1)) > MAX_CELLS {
            width /= 2;
        }
        let (mut lo, mut hi, mut start) = (
            Vec::with_capacity(n + 1),
            Vec::with_capacity(n + 1),
            Vec::with_capacity(n + 1),
        );
        let mut len = 0;
        for i in 0..=n {
            let center = (i * m).checked_div(n).unwrap_or(0);
            let l = center.saturating_sub(width);
            let h = (center + width).min(m);
            lo.push(l);
            hi.push(h);
            start.push(len);
            len += h - l + 1;
        }
        Band { lo, hi, start, len }
    }

    /// Cells in the band.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The columns of row `i`.
    pub(crate) fn columns(&self, i: usize) -> std::ops::Range<usize> {
        match (self.lo.get(i), self.hi.get(i)) {
            (Some(&l), Some(&h)) => l..h + 1,
            _ => 0..0,
        }
    }

    /// The index of cell (i, j), `None` outside the band.
    pub(crate) fn index(&self, i: usize, j: usize) -> Option<usize> {
        let (l, h, s) = (*self.lo.get(i)?, *self.hi.get(i)?, *self.start.get(i)?);
        (l..=h).contains(&j).then(|| s + (j - l))
    }
}

/// One step of a best path: the items it takes from each side and what the step
/// function said about it.
pub(crate) struct Step<T> {
    pub a: std::ops::Range<usize>,
    pub b: std::ops::Range<usize>,
    pub info: T,
}

/// The cheapest monotone path from (0, 0) to (n, m) within the band, taking `moves`
/// (items of side a, items of side b) per step; `cost(a_range, b_range)` gives a step's
/// cost and what to keep about it. Every item is in exactly one step of the result.
pub(crate) fn best_path<T: Clone>(
    n: usize,
    m: usize,
    moves: &[(usize, usize)],
    mut cost: impl FnMut(std::ops::Range<usize>, std::ops::Range<usize>) -> (f64, T),
) -> Vec<Step<T>> {
    let band = Band::new(n, m);
    let mut best = vec![f64::INFINITY; band.len()];
    let mut back: Vec<Option<(usize, usize, T)>> = vec![None; band.len()];
    if let Some(c) = band.index(0, 0).and_then(|k| best.get_mut(k)) {
        *c = 0.0;
    }
    for i in 0..=n {
        for j in band.columns(i) {
            let here = band
                .index(i, j)
                .and_then(|k| best.get(k).copied())
                .unwrap_or(f64::INFINITY);
            if !here.is_finite() {
                continue;
            }
            for &(di, dj) in moves {
                let (ni, nj) = (i + di, j + dj);
                let Some(k) = band.index(ni, nj) else {
                    continue;
                };
                let (step, info) = cost(i..ni, j..nj);
                let total = here + step;
                if let (Some(slot), Some(bk)) = (best.get_mut(k), back.get_mut(k)) {
                    if total < *slot {
                        *slot = total;
                        *bk = Some((i, j, info));
                    }
                }
            }
        }
    }
    let mut steps = Vec::new();
    let (mut i, mut j) = (n, m);
    while let Some(Some((pi, pj, info))) = band.index(i, j).and_then(|k| back.get(k)).cloned() {
        steps.push(Step {
            a: pi..i,
            b: pj..j,
            info,
        });
        (i, j) = (pi, pj);
    }
    steps.reverse();
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corners_are_in_and_memory_is_bounded() {
        let b = Band::new(10_000, 10_000);
        assert!(b.index(0, 0).is_some() && b.index(10_000, 10_000).is_some());
        assert!(b.index(0, 5_000).is_none());
        assert!(b.len() < 1_300_000, "{}", b.len());
        let huge = Band::new(1_000_000, 1_000_000);
        assert!(huge.len() <= 10_000_000, "{}", huge.len());
        let small = Band::new(3, 40);
        assert_eq!(small.len(), 4 * 41, "short sequences keep every cell");
    }
}
