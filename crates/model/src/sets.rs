//! Disjoint sets (union–find), shared by the link readers and the set alignment, which
//! both group ids joined by links.

/// Disjoint sets over the indices `0..n`, with path halving. An index out of range is
/// its own set and joins nothing.
#[derive(Debug, Clone)]
pub struct DisjointSets(Vec<usize>);

impl DisjointSets {
    /// `n` sets of one index each.
    pub fn new(n: usize) -> Self {
        DisjointSets((0..n).collect())
    }

    /// How many indices there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The representative of `x`'s set.
    pub fn find(&mut self, mut x: usize) -> usize {
        while let Some(&p) = self.0.get(x) {
            if p == x {
                break;
            }
            let grand = self.0.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.0.get_mut(x) {
                *slot = grand;
            }
            x = grand;
        }
        x
    }

    /// Joins the sets of `x` and `y`; `x`'s representative stays.
    pub fn union(&mut self, x: usize, y: usize) {
        if x >= self.0.len() || y >= self.0.len() {
            return;
        }
        let (rx, ry) = (self.find(x), self.find(y));
        if rx != ry {
            if let Some(slot) = self.0.get_mut(ry) {
                *slot = rx;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_and_finds() {
        let mut s = DisjointSets::new(5);
        s.union(0, 3);
        s.union(3, 4);
        assert_eq!(s.find(4), s.find(0));
        assert_ne!(s.find(1), s.find(0));
        assert_eq!(s.find(9), 9);
        s.union(9, 1);
        assert_eq!(s.find(1), 1);
    }
}
