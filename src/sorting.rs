//! Stable sorting, small in WebAssembly and fast natively.
//!
//! Every `slice::sort_by` call with its own closure compiles the whole sorting algorithm again,
//! several kilobytes each in the WebAssembly module. There, these helpers sort a list of positions
//! with a comparator behind `dyn`, so the algorithm exists once, and then put the items in that
//! order. Natively, where size matters less than speed (measured: evaluation was 1.16x slower with
//! the shared sort), they call the standard stable sort directly. Both are stable: same results.

use std::cmp::Ordering;

/// The one instantiation of the standard sort: positions, compared through `dyn`.
#[cfg_attr(not(target_arch = "wasm32"), cfg(test))]
fn sort_positions(positions: &mut [usize], compare: &mut dyn FnMut(&usize, &usize) -> Ordering) {
    positions.sort_by(compare);
}

/// Sorts `items` stably by `compare`.
#[cfg(not(target_arch = "wasm32"))]
#[expect(
    clippy::ptr_arg,
    reason = "the same signature as the WebAssembly version, which rebuilds the Vec"
)]
pub(crate) fn sort_by<T>(items: &mut Vec<T>, compare: impl FnMut(&T, &T) -> Ordering) {
    items.sort_by(compare);
}

/// Sorts `items` stably by `compare`, through the one shared instantiation.
#[cfg(target_arch = "wasm32")]
pub(crate) fn sort_by<T>(items: &mut Vec<T>, compare: impl FnMut(&T, &T) -> Ordering) {
    by_positions(items, compare);
}

/// The WebAssembly sort: positions sorted by the one instantiation, then the items put in that
/// order. (Compiled natively for the tests, which hold it to the standard sort.)
#[cfg_attr(not(target_arch = "wasm32"), cfg(test))]
fn by_positions<T>(items: &mut Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return; // most lists sorted during evaluation are empty or single
    }
    let mut positions: Vec<usize> = (0..items.len()).collect();
    {
        let view: &[T] = items;
        sort_positions(
            &mut positions,
            &mut |a, b| match (view.get(*a), view.get(*b)) {
                (Some(x), Some(y)) => compare(x, y),
                _ => Ordering::Equal,
            },
        );
    }
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        positions
            .iter()
            .filter_map(|p| slots.get_mut(*p).and_then(Option::take)),
    );
}

/// Sorts `items` stably by the key `key` gives.
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order.
pub(crate) fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_webassembly_sort_agrees_with_the_standard_one() {
        // Pairs with many equal keys, so stability shows.
        let mut state = 7u32;
        for len in [0, 1, 2, 3, 10, 100, 1000] {
            let items: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    (state % 7, i)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|(k, _)| *k);
            let mut got = items;
            by_positions(&mut got, |a, b| a.0.cmp(&b.0));
            assert_eq!(got, expected);
        }
    }

    #[test]
    fn sorts_stably_and_keeps_every_item() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut items, |(n, _)| *n);
        assert_eq!(
            items,
            vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]
        );
        let mut words = vec!["pear", "apple", "fig"];
        sort(&mut words);
        assert_eq!(words, vec!["apple", "fig", "pear"]);
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }
}
