//! Small-cell suppression for reports shared across organizations: counts under a threshold are
//! hidden (primary suppression), and further counts are hidden wherever a total would let a hidden
//! one be worked out by subtraction (complementary suppression).
//!
//! Each table of counts is a set of cells and the equations that tie them (a total equals the sum
//! of its parts). A hidden cell is recoverable from an equation in which it is the only hidden
//! cell, so every equation must hide none or at least two. When one hides exactly one, the
//! smallest other cell of that equation is hidden too (a part before the total, then the first in
//! order), and the equations are checked again until none hides exactly one. A zero in an
//! equation with a hidden count is hidden too (else a reader who knows hidden counts are never
//! zero could pin them: four hidden counts adding up to four are one each). This is the usual
//! heuristic of statistical agencies: it protects against subtraction within and across the
//! published tables; it does not claim an optimal (fewest cells) pattern.

/// Counts and the equations between them, and which counts are hidden.
#[derive(Debug, Default)]
pub(crate) struct Cells {
    values: Vec<u64>,
    hidden: Vec<bool>,
    /// Each equation: its total first, then its parts.
    equations: Vec<Vec<usize>>,
}

impl Cells {
    /// A new cell holding `value`: its index.
    pub(crate) fn cell(&mut self, value: u64) -> usize {
        self.values.push(value);
        self.hidden.push(false);
        self.values.len() - 1
    }

    /// Records that cell `total` is the sum of `parts`.
    pub(crate) fn sum(&mut self, total: usize, parts: impl IntoIterator<Item = usize>) {
        let mut equation = vec![total];
        equation.extend(parts);
        if equation.len() > 1 {
            self.equations.push(equation);
        }
    }

    /// The count of cell `i`, or `None` when it is hidden.
    pub(crate) fn shown(&self, i: usize) -> Option<u64> {
        match self.hidden.get(i) {
            Some(false) => self.values.get(i).copied(),
            _ => None,
        }
    }

    /// How many cells are hidden.
    pub(crate) fn hidden_count(&self) -> usize {
        self.hidden.iter().filter(|h| **h).count()
    }

    /// Hides every count from 1 to `min_cell - 1`, then whatever the equations need so that no
    /// hidden count can be recovered (see the module documentation).
    pub(crate) fn suppress(&mut self, min_cell: u64) {
        for (value, hidden) in self.values.iter().zip(self.hidden.iter_mut()) {
            if *value > 0 && *value < min_cell {
                *hidden = true;
            }
        }
        loop {
            self.complete();
            // A zero shown beside hidden counts tells a reader they are not zero, which can pin
            // them (4 hidden counts adding up to 4 are 1 each): zeros in a sum with a hidden
            // count are hidden too, and the sums settled again.
            let mut changed = false;
            for equation in &self.equations {
                let any_hidden = equation.iter().any(|i| self.is_hidden(*i));
                if !any_hidden {
                    continue;
                }
                for i in equation {
                    if self.values.get(*i) == Some(&0)
                        && let Some(slot) = self.hidden.get_mut(*i)
                        && !*slot
                    {
                        *slot = true;
                        changed = true;
                    }
                }
            }
            if !changed {
                return;
            }
        }
    }

    fn is_hidden(&self, i: usize) -> bool {
        self.hidden.get(i).copied().unwrap_or(false)
    }

    /// Complementary suppression: until no equation hides exactly one count, hides a partner for
    /// the lone hidden count of each. (A work list of equations: each is looked at again only
    /// when one of its cells is hidden, so the whole costs about the equations' total size.)
    fn complete(&mut self) {
        let mut of_cell: Vec<Vec<usize>> = vec![Vec::new(); self.values.len()];
        for (e, equation) in self.equations.iter().enumerate() {
            for i in equation {
                if let Some(list) = of_cell.get_mut(*i) {
                    list.push(e);
                }
            }
        }
        let mut work: Vec<usize> = (0..self.equations.len()).rev().collect();
        while let Some(e) = work.pop() {
            let Some(equation) = self.equations.get(e) else {
                continue;
            };
            let hidden = equation.iter().filter(|i| self.is_hidden(**i)).count();
            if hidden != 1 {
                continue;
            }
            let Some(i) = self.partner(equation) else {
                continue;
            };
            if let Some(slot) = self.hidden.get_mut(i) {
                *slot = true;
            }
            // Every equation of the newly hidden cell is looked at again (in order).
            if let Some(list) = of_cell.get(i) {
                work.extend(list.iter().rev());
            }
        }
    }

    /// The cell to hide beside the one hidden cell of `equation`: the smallest shown part with a
    /// count, else the smallest shown part, else the total.
    fn partner(&self, equation: &[usize]) -> Option<usize> {
        let shown = |i: &&usize| !self.hidden.get(**i).copied().unwrap_or(true);
        let value = |i: usize| self.values.get(i).copied().unwrap_or(0);
        let parts = equation.get(1..).unwrap_or_default();
        parts
            .iter()
            .filter(shown)
            .filter(|i| value(**i) > 0)
            .min_by_key(|i| value(**i))
            .or_else(|| parts.iter().find(shown))
            .or_else(|| equation.first().filter(shown))
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cells for `total = parts...`, suppressed at 5: which are shown.
    fn row(total: u64, parts: &[u64]) -> Vec<Option<u64>> {
        let mut cells = Cells::default();
        let t = cells.cell(total);
        let p: Vec<usize> = parts.iter().map(|v| cells.cell(*v)).collect();
        cells.sum(t, p.iter().copied());
        cells.suppress(5);
        (0..=parts.len()).map(|i| cells.shown(i)).collect()
    }

    #[test]
    fn a_lone_small_cell_takes_the_next_smallest_with_it() {
        assert_eq!(row(30, &[2, 8, 20]), [Some(30), None, None, Some(20)]);
    }

    #[test]
    fn two_small_cells_protect_each_other() {
        assert_eq!(row(30, &[2, 3, 25]), [Some(30), None, None, Some(25)]);
    }

    #[test]
    fn zeros_and_large_counts_are_shown() {
        assert_eq!(
            row(30, &[0, 10, 20]),
            [Some(30), Some(0), Some(10), Some(20)]
        );
    }

    #[test]
    fn a_small_total_hides_its_parts_too() {
        // The total 4 is hidden; 4 = 4 + 0 would give it back from its parts, and the zero
        // beside it would say the hidden part is not zero.
        assert_eq!(row(4, &[4, 0]), [None, None, None]);
    }

    #[test]
    fn a_zero_beside_hidden_counts_is_hidden_so_they_cannot_be_pinned() {
        // Shown, the zero would leave four hidden counts adding up to 4: one each.
        let shown = row(22, &[18, 1, 1, 1, 1, 0]);
        assert_eq!(shown[..2], [Some(22), Some(18)]);
        assert!(shown[2..].iter().all(Option::is_none), "{shown:?}");
    }

    #[test]
    fn equations_sharing_a_cell_are_settled_together() {
        // Two rows whose first parts also sum to a column total.
        let mut cells = Cells::default();
        let (a, a1, a2) = (cells.cell(20), cells.cell(3), cells.cell(17));
        let (b, b1, b2) = (cells.cell(20), cells.cell(10), cells.cell(10));
        let (c1, c2) = (cells.cell(13), cells.cell(27));
        cells.sum(a, [a1, a2]);
        cells.sum(b, [b1, b2]);
        cells.sum(c1, [a1, b1]);
        cells.sum(c2, [a2, b2]);
        cells.suppress(5);
        for equation in &cells.equations {
            let hidden = equation
                .iter()
                .filter(|i| cells.shown(**i).is_none())
                .count();
            assert_ne!(hidden, 1, "{equation:?}");
        }
        assert_eq!(cells.shown(a1), None);
    }
}
