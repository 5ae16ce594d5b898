//! Stable sorting through one compiled copy of the standard library's sort.
//!
//! `slice::sort_by` is generic over the element and the comparison, so every
//! call site with its own closure compiles a whole copy of the sort. The
//! page's wasm held 18 copies of the stable sort; sorting through these
//! took the sorting code in it from 90 to 39 kB before compression. These
//! functions sort a list of positions with a comparison behind a `dyn`
//! reference, which compiles once, and then move the elements into that
//! order.
//!
//! Invariant: each function orders exactly as its `std` namesake does,
//! stable included (equal elements keep their order); a proptest checks it.
//! They are for the lists a view or a query sorts, not for hot inner loops:
//! a comparison costs an indirect call.

use std::cmp::Ordering;

/// The stable order of positions `0..n` under `cmp`.
fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    let mut positions: Vec<u32> = (0..n as u32).collect();
    positions.sort_by(|&a, &b| cmp(a as usize, b as usize));
    positions
}

/// Moves `v` into `order` (the element at `order[i]` goes to `i`), following
/// each cycle of the permutation once.
fn permute<T>(v: &mut [T], mut order: Vec<u32>) {
    const DONE: u32 = u32::MAX;
    for start in 0..v.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at] as usize;
            order[at] = DONE;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

/// [`slice::sort_by`].
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let o = order(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, o);
}

/// [`slice::sort_by_key`].
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// [`slice::sort_by_cached_key`]: each key is computed once.
pub fn sort_by_cached_key<T, K: Ord>(v: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = v.iter().map(key).collect();
    let o = order(v.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    permute(v, o);
}

/// [`slice::sort`].
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn equal_elements_keep_their_order() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn the_cached_key_is_computed_once_per_element() {
        let mut calls = 0;
        let mut v = vec![3, 1, 2];
        sort_by_cached_key(&mut v, |&x| {
            calls += 1;
            x
        });
        assert_eq!((v, calls), (vec![1, 2, 3], 3));
    }

    #[test]
    fn empty_and_single_lists_are_left_alone() {
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec![String::from("x")];
        sort(&mut one);
        assert_eq!(one, ["x"]);
    }

    /// By the first field, largest first.
    fn descending(a: &(u8, u16), b: &(u8, u16)) -> Ordering {
        b.0.cmp(&a.0)
    }

    proptest! {
        #[test]
        fn each_orders_as_std_does(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            // Keys with many repeats, so stability is tested; the second
            // field tells equal keys apart in the comparison of results.
            let mut ours = v.clone();
            let mut theirs = v.clone();
            sort_by(&mut ours, descending);
            theirs.sort_by(descending);
            prop_assert_eq!(&ours, &theirs);

            let (mut ours, mut theirs) = (v.clone(), v.clone());
            sort_by_key(&mut ours, |p| p.0);
            theirs.sort_by_key(|p| p.0);
            prop_assert_eq!(&ours, &theirs);

            let (mut ours, mut theirs) = (v.clone(), v.clone());
            sort_by_cached_key(&mut ours, |p| p.0 % 3);
            theirs.sort_by_cached_key(|p| p.0 % 3);
            prop_assert_eq!(&ours, &theirs);

            let (mut ours, mut theirs) = (v.clone(), v);
            sort(&mut ours);
            theirs.sort();
            prop_assert_eq!(ours, theirs);
        }
    }
}
