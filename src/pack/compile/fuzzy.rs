//! "Did you mean": the known id or code nearest a misspelt one, by edit distance, in linear time.

/// The known id closest to `id` (edit distance at most 3), for "did you mean" hints.
///
/// Linear in the ids' lengths: ids whose lengths differ by more than 3 are skipped at once, and the
/// distance is computed only within 3 of the diagonal, stopping as soon as it must exceed 3.
pub(crate) fn closest<'k>(id: &str, known: &[&'k str]) -> Option<&'k str> {
    const MAX: usize = 3;
    let a: Vec<char> = id.chars().collect();
    let mut best: Option<(usize, &'k str)> = None;
    for k in known {
        // Valid ids are ASCII: their length in bytes is their length in chars.
        if k.is_ascii() && k.len().abs_diff(a.len()) > MAX {
            continue;
        }
        let b: Vec<char> = k.chars().collect();
        if let Some(d) = bounded_distance(&a, &b, MAX)
            && best.is_none_or(|(bd, bk)| (d, *k) < (bd, bk))
        {
            best = Some((d, k));
        }
    }
    best.map(|(_, k)| k)
}

/// The edit distance between `a` and `b` if it is at most `max` (a band of the dynamic
/// programming table around its diagonal; `None` as soon as every cell of a row exceeds `max`).
pub(super) fn bounded_distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let over = max + 1;
    // row[j] = distance between a[..i] and b[..j], for j within `max` of i (others are `over`).
    let mut row: Vec<usize> = (0..=b.len()).map(|j| j.min(over)).collect();
    for (i, ca) in a.iter().enumerate() {
        let i = i + 1;
        let low = i.saturating_sub(max).max(1);
        let high = (i + max).min(b.len());
        let mut diagonal = row.get(low - 1).copied().unwrap_or(over);
        if let Some(first) = row.first_mut() {
            *first = i.min(over);
        }
        if low > 1
            && let Some(cell) = row.get_mut(low - 1)
        {
            *cell = over;
        }
        let mut row_min = if low == 1 { i.min(over) } else { over };
        for j in low..=high {
            let cb = b.get(j - 1).copied();
            let above = row.get(j).copied().unwrap_or(over);
            let left = row.get(j - 1).copied().unwrap_or(over);
            let cost = usize::from(Some(*ca) != cb);
            let value = (diagonal + cost).min(above + 1).min(left + 1).min(over);
            diagonal = above;
            if let Some(cell) = row.get_mut(j) {
                *cell = value;
            }
            row_min = row_min.min(value);
        }
        if high < b.len()
            && let Some(cell) = row.get_mut(high + 1)
        {
            *cell = over;
        }
        if row_min > max {
            return None;
        }
    }
    row.last().copied().filter(|d| *d <= max)
}
