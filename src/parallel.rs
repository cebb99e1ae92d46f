//! Spreading independent work over the machine's cores with scoped std
//! threads (no thread pool to carry as a dependency), with results in input
//! order so that nothing downstream depends on scheduling.

use std::sync::atomic::{AtomicUsize, Ordering};

/// How many threads to use: the cores the OS grants, at most `cap`.
pub(crate) fn threads(cap: usize) -> usize {
    std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, cap.max(1))
}

/// `f` applied to every item, on up to `threads` threads, results in the
/// items' order. Items are handed out in small batches from a shared
/// counter, so a few slow items (one big file among many small ones) do not
/// leave a thread idle.
pub(crate) fn map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(usize, &T) -> R + Sync,
) -> Vec<R> {
    const BATCH: usize = 16;
    let threads = threads.min(items.len().div_ceil(BATCH));
    if threads <= 1 {
        return items.iter().enumerate().map(|(i, t)| f(i, t)).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let start = next.fetch_add(BATCH, Ordering::Relaxed);
            if start >= items.len() {
                return done;
            }
            let end = (start + BATCH).min(items.len());
            for (i, item) in items.iter().enumerate().take(end).skip(start) {
                done.push((i, f(i, item)));
            }
        }
    };
    let batches: Vec<Vec<(usize, R)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads).map(|_| s.spawn(work)).collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    for (i, r) in batches.into_iter().flatten() {
        slots[i] = Some(r);
    }
    slots.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::map;

    #[test]
    fn keeps_the_order_of_the_items() {
        let items: Vec<usize> = (0..1000).collect();
        for threads in [1, 2, 7] {
            let out = map(&items, threads, |i, &x| (i, x * 2));
            assert_eq!(out.len(), 1000);
            assert!(
                out.iter()
                    .enumerate()
                    .all(|(i, &(j, y))| i == j && y == i * 2)
            );
        }
        assert!(map(&[] as &[u8], 4, |_, _| 0).is_empty());
    }
}
