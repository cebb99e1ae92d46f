//! Spreading independent work over the machine's cores with scoped std
//! threads (no thread pool to carry as a dependency), with results in input
//! order so that nothing downstream depends on scheduling.

use std::cell::Cell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// How many threads to use: the cores the OS grants, at most `cap`.
pub(crate) fn threads(cap: usize) -> usize {
    // Asking the OS reads the cgroup's CPU quota from several files (four
    // system calls and more): once per process, not once per org file.
    static CORES: OnceLock<usize> = OnceLock::new();
    let cores = *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, usize::from));
    cores.clamp(1, cap.max(1))
}

thread_local! {
    /// The stack size of this thread when [`map`] made it with a known one;
    /// 0 for any other thread, whose stack size is not known.
    static STACK: Cell<usize> = const { Cell::new(0) };
}

/// The stack size of the current thread, when [`map`] made it with a known
/// one: a deeply recursive parser can then run here instead of on a thread
/// of its own.
#[cfg_attr(not(feature = "yaml"), allow(dead_code))]
pub(crate) fn known_stack() -> usize {
    STACK.with(Cell::get)
}

/// `f` applied to every item, on up to `threads` threads, results in the
/// items' order. Items are handed out in small batches from a shared
/// counter, so a few slow items (one big file among many small ones) do not
/// leave a thread idle. With `stack`, the work runs on threads made with
/// that stack size (see [`known_stack`]), even when there is only one.
pub(crate) fn map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    stack: Option<usize>,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let batches = run(items, threads, stack, |next| {
        let mut done = Vec::new();
        while let Some(range) = next() {
            done.extend(range.clone().zip(items[range].iter().map(&f)));
        }
        done
    });
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    for (i, r) in batches.into_iter().flatten() {
        slots[i] = Some(r);
    }
    slots.into_iter().flatten().collect()
}

/// Like [`map`], but each result goes to `sink` as soon as the results of
/// all items before it have: `sink` sees every result once, in the items'
/// order, on whichever thread finished the result that completed the run.
/// Results that arrive early wait in a small buffer (about a batch per
/// thread), so the results are never all in memory at once, and the work
/// `sink` does overlaps the work of `f`.
pub(crate) fn for_each_in_order<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    stack: Option<usize>,
    f: impl Fn(&T) -> R + Sync,
    sink: impl FnMut(R) + Send,
) {
    let ordered = std::sync::Mutex::new(InOrder {
        next: 0,
        waiting: std::collections::BTreeMap::new(),
        sink,
    });
    run(items, threads, stack, |next| {
        while let Some(range) = next() {
            let start = range.start;
            let results: Vec<R> = items[range].iter().map(&f).collect();
            // A sink that panicked poisoned the lock; the panic itself
            // reaches the caller through the thread's join.
            if let Ok(mut ordered) = ordered.lock() {
                ordered.deliver(start, results);
            }
        }
    });
}

/// The state behind [`for_each_in_order`]: the index of the next result
/// owed to the sink and the batches that arrived before it.
struct InOrder<R, S> {
    next: usize,
    waiting: std::collections::BTreeMap<usize, Vec<R>>,
    sink: S,
}

impl<R, S: FnMut(R)> InOrder<R, S> {
    fn deliver(&mut self, start: usize, results: Vec<R>) {
        self.waiting.insert(start, results);
        while let Some(batch) = self.waiting.remove(&self.next) {
            self.next += batch.len();
            batch.into_iter().for_each(&mut self.sink);
        }
    }
}

/// Runs `work` on up to `threads` threads (inline when one is enough), each
/// call taking ranges of items from a shared counter with the `next` it is
/// given until that returns `None`; returns what each call returned.
fn run<T: Sync, W: Send>(
    items: &[T],
    threads: usize,
    stack: Option<usize>,
    work: impl Fn(&mut dyn FnMut() -> Option<std::ops::Range<usize>>) -> W + Sync,
) -> Vec<W> {
    // Batches of up to 16 items, smaller when there are few items, so that
    // every thread gets some.
    let batch = (items.len() / threads.max(1) / 8).clamp(1, 16);
    let threads = threads.min(items.len()).max(1);
    let counter = AtomicUsize::new(0);
    let mut next = || {
        let start = counter.fetch_add(batch, Ordering::Relaxed);
        (start < items.len()).then(|| start..(start + batch).min(items.len()))
    };
    let inline = match stack {
        Some(_) => items.len() <= 1,
        None => threads <= 1,
    };
    if inline {
        return vec![work(&mut next)];
    }
    let next = &next;
    std::thread::scope(|s| {
        let mut handles = Vec::with_capacity(threads);
        for _ in 0..threads {
            let mut builder = std::thread::Builder::new().name("opmodel-worker".to_owned());
            if let Some(size) = stack {
                builder = builder.stack_size(size);
            }
            let work = &work;
            let spawned = builder.spawn_scoped(s, move || {
                STACK.with(|c| c.set(stack.unwrap_or(0)));
                work(&mut || next())
            });
            // No thread to be had: the ones that started (or this one) take
            // all the work from the shared counter.
            if let Ok(handle) = spawned {
                handles.push(handle);
            }
        }
        let mut done: Vec<W> = Vec::with_capacity(threads + 1);
        if handles.is_empty() {
            done.push(work(&mut || next()));
        }
        for handle in handles {
            match handle.join() {
                Ok(w) => done.push(w),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        done
    })
}

#[cfg(test)]
mod tests {
    use super::{for_each_in_order, known_stack, map};

    #[test]
    fn keeps_the_order_of_the_items() {
        let items: Vec<usize> = (0..1000).collect();
        for threads in [1, 2, 7] {
            for stack in [None, Some(4 << 20)] {
                let out = map(&items, threads, stack, |&x| (x, x * 2, known_stack()));
                assert_eq!(out.len(), 1000);
                for (i, &(j, y, known)) in out.iter().enumerate() {
                    assert_eq!((i, y), (j, i * 2));
                    // Inline work (one thread, no stack asked for) knows no stack.
                    if stack.is_some() {
                        assert_eq!(known, 4 << 20);
                    }
                }
            }
        }
        assert!(map(&[] as &[u8], 4, None, |_| 0).is_empty());
        assert_eq!(known_stack(), 0);
    }

    #[test]
    fn for_each_in_order_hands_every_result_over_once_in_order() {
        let items: Vec<usize> = (0..1000).collect();
        for threads in [1, 2, 7] {
            for stack in [None, Some(4 << 20)] {
                let mut seen = Vec::new();
                // Uneven work, so that threads finish their batches out of order.
                let work = |&x: &usize| (0..(x % 7) * 500).fold(x, |a, b| a ^ b) ^ x;
                for_each_in_order(&items, threads, stack, |&x| (x, work(&x)), |r| seen.push(r));
                let expected: Vec<(usize, usize)> = items.iter().map(|&x| (x, work(&x))).collect();
                assert_eq!(seen, expected, "{threads} threads, stack {stack:?}");
            }
        }
        let mut called = false;
        for_each_in_order(&[] as &[u8], 4, None, |_| 0, |_| called = true);
        assert!(!called);
    }

    #[test]
    fn a_panicking_sink_reaches_the_caller() {
        let items: Vec<usize> = (0..100).collect();
        let outcome = std::panic::catch_unwind(|| {
            for_each_in_order(
                &items,
                2,
                None,
                |&x| x,
                |x| assert!(x < 50, "sink refused {x}"),
            );
        });
        assert!(outcome.is_err());
    }
}
