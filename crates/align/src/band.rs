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
