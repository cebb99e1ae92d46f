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
    // Batches of up to 16 items, smaller when there are few items, so that
    // every thread gets some.
    let batch = (items.len() / threads.max(1) / 8).clamp(1, 16);
    let threads = threads.min(items.len()).max(1);
    let inline = match stack {
        Some(_) => items.len() <= 1,
        None => threads <= 1,
    };
    if inline {
        return items.iter().map(&f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let start = next.fetch_add(batch, Ordering::Relaxed);
            if start >= items.len() {
                return done;
            }
            let end = (start + batch).min(items.len());
            for (i, item) in items.iter().enumerate().take(end).skip(start) {
                done.push((i, f(item)));
            }
        }
    };
    let batches: Vec<Vec<(usize, R)>> = std::thread::scope(|s| {
        let mut handles = Vec::with_capacity(threads);
        for _ in 0..threads {
            let mut builder = std::thread::Builder::new().name("opmodel-worker".to_owned());
            if let Some(size) = stack {
                builder = builder.stack_size(size);
            }
            let work = &work;
            let spawned = builder.spawn_scoped(s, move || {
                STACK.with(|c| c.set(stack.unwrap_or(0)));
                work()
            });
            // No thread to be had: the ones that started (or this one) take
            // all the work from the shared counter.
            if let Ok(handle) = spawned {
                handles.push(handle);
            }
        }
        let mut batches: Vec<Vec<(usize, R)>> = Vec::with_capacity(threads + 1);
        if handles.is_empty() {
            batches.push(work());
        }
        for handle in handles {
            match handle.join() {
                Ok(done) => batches.push(done),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        batches
    });
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    for (i, r) in batches.into_iter().flatten() {
        slots[i] = Some(r);
    }
    slots.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::{known_stack, map};

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
}
