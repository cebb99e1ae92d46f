//! Spreading independent work over the machine's cores with scoped std
//! threads (no thread pool to carry as a dependency), with results in input
//! order so that nothing downstream depends on scheduling.

use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, OnceLock};

/// How many threads to use: the cores the OS grants, at most `cap`.
pub(crate) fn threads(cap: usize) -> usize {
    // Asking the OS reads the cgroup's CPU quota from several files (four
    // system calls and more): once per process, not once per org file.
    static CORES: OnceLock<usize> = OnceLock::new();
    let cores = *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, usize::from));
    cores.clamp(1, cap.max(1))
}

thread_local! {
    /// The stack size of this thread when [`map`] or [`for_each_in_order`]
    /// made it with a known one; 0 for any other thread, whose stack size is
    /// not known.
    static STACK: Cell<usize> = const { Cell::new(0) };
}

/// The stack size of the current thread, when [`map`] or
/// [`for_each_in_order`] made it with a known one: a deeply recursive parser
/// can then run here instead of on a thread of its own.
#[cfg_attr(not(feature = "yaml"), allow(dead_code))]
pub(crate) fn known_stack() -> usize {
    STACK.with(Cell::get)
}

/// `f` run on one thread made with `stack` bytes of stack, so that the
/// parsers it calls run there (see [`known_stack`]) rather than each on a
/// thread of its own: following thousands of Backstage `Location` targets
/// one after the other made a thread per file. Runs here when this thread's
/// stack is known to be large enough, or when no such thread can be made.
pub(crate) fn on_stack<R: Send + Default>(stack: usize, f: impl FnOnce() -> R + Send) -> R {
    if known_stack() >= stack {
        return f();
    }
    // Taken by the new thread, or back here when it cannot be made: one of
    // the two runs `f`.
    let slot = Mutex::new(Some(f));
    let take = || slot.lock().ok().and_then(|mut f| f.take());
    std::thread::scope(|s| {
        let spawned = std::thread::Builder::new()
            .name("opmodel-worker".to_owned())
            .stack_size(stack)
            .spawn_scoped(s, || {
                STACK.with(|c| c.set(stack));
                take().map(|f| f())
            });
        let ran = match spawned.map(std::thread::ScopedJoinHandle::join) {
            Ok(Ok(ran)) => ran,
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            Err(_) => None,
        };
        ran.or_else(|| take().map(|f| f())).unwrap_or_default()
    })
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
/// order. A thread runs at most a few batches per thread ahead of the
/// oldest result not yet handed over, and then waits for it, so results
/// that arrive early are never more than that in memory, even when one
/// item takes far longer than the others. `sink` runs on one thread at a
/// time, the one that completed a run of results, while the others go on
/// with `f`: a thread that finishes a batch meanwhile leaves it for the
/// thread already handing results over. When `f` or `sink` panics, the
/// other threads stop taking items and the panic reaches the caller.
pub(crate) fn for_each_in_order<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    stack: Option<usize>,
    f: impl Fn(&T) -> R + Sync,
    sink: impl FnMut(R) + Send,
) {
    let ordered = Ordered {
        state: Mutex::new(InOrder {
            results: Reorder::default(),
            handing_over: false,
            stopped: false,
        }),
        sink: Mutex::new(sink),
        turn: Condvar::new(),
    };
    // How far ahead of the oldest result a thread may work, in batches.
    let ahead = 4 * threads.max(1);
    run(items, threads, stack, |next| {
        let _stop = StopOnPanic(&ordered);
        while let Some(range) = next() {
            let start = range.start;
            if !ordered.wait_for_turn(start, ahead * range.len()) {
                return;
            }
            let results: Vec<R> = items[range].iter().map(&f).collect();
            if !ordered.deliver(start, results) {
                return;
            }
        }
    });
}

/// The state behind [`for_each_in_order`], its sink, and the condition its
/// threads wait on when they are too far ahead.
struct Ordered<R, S> {
    state: Mutex<InOrder<R>>,
    /// Used by one thread at a time (the one handing results over); behind
    /// a lock so that the threads can share it.
    sink: Mutex<S>,
    turn: Condvar,
}

/// The batches of results on their way to the sink, whether a thread is
/// handing them over, and whether a thread panicked.
struct InOrder<R> {
    results: Reorder<Vec<R>>,
    handing_over: bool,
    stopped: bool,
}

impl<R, S: FnMut(R)> Ordered<R, S> {
    /// Waits until the batch at `start` is less than `ahead` items past the
    /// oldest result not yet handed over; `false` when the run is stopping.
    /// The thread holding the oldest batch never waits, so the run cannot
    /// stall.
    fn wait_for_turn(&self, start: usize, ahead: usize) -> bool {
        // A poisoned lock means the run is stopping.
        let Ok(mut state) = self.state.lock() else {
            return false;
        };
        loop {
            if state.stopped {
                return false;
            }
            if start < state.results.next().saturating_add(ahead) {
                return true;
            }
            state = match self.turn.wait(state) {
                Ok(state) => state,
                Err(_) => return false,
            };
        }
    }

    /// Adds a batch and, unless another thread is at it, hands over every
    /// batch that is next in line, with the state unlocked while the sink
    /// runs; `false` when the run is stopping.
    fn deliver(&self, start: usize, results: Vec<R>) -> bool {
        let Ok(mut state) = self.state.lock() else {
            return false;
        };
        state.results.insert(start, results.len(), results);
        if state.handing_over {
            // That thread takes this batch too, once it is next in line:
            // it checks for ready batches under the lock before it stops.
            return !state.stopped;
        }
        state.handing_over = true;
        while let Some(batch) = state.results.pop() {
            self.turn.notify_all();
            drop(state);
            match self.sink.lock() {
                Ok(mut sink) => batch.into_iter().for_each(&mut *sink),
                Err(_) => return false,
            }
            state = match self.state.lock() {
                Ok(state) => state,
                Err(_) => return false,
            };
        }
        state.handing_over = false;
        !state.stopped
    }
}

/// Stops the run when its thread unwinds from a panic in `f` or the sink,
/// so that the other threads do not wait for a batch that will never come.
struct StopOnPanic<'a, R, S>(&'a Ordered<R, S>);

impl<R, S> Drop for StopOnPanic<'_, R, S> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            // The sink has a lock of its own, so a panicking sink leaves
            // the state unpoisoned and the flag reaches every thread.
            if let Ok(mut state) = self.0.state.lock() {
                state.stopped = true;
            }
            self.0.turn.notify_all();
        }
    }
}

/// Results that arrive in any order, handed out in the order of their
/// positions: each as soon as every position before it has been handed
/// out. A result may cover several positions (a batch of items).
pub(crate) struct Reorder<T> {
    next: usize,
    /// What arrived early: its first position, how many it covers, itself.
    waiting: std::collections::BTreeMap<usize, (usize, T)>,
}

impl<T> Default for Reorder<T> {
    fn default() -> Self {
        Self {
            next: 0,
            waiting: std::collections::BTreeMap::new(),
        }
    }
}

impl<T> Reorder<T> {
    /// Adds `result`, which covers the `len` positions from `at`.
    pub(crate) fn insert(&mut self, at: usize, len: usize, result: T) {
        self.waiting.insert(at, (len, result));
    }

    /// The next result in order, when it has arrived.
    pub(crate) fn pop(&mut self) -> Option<T> {
        let (len, result) = self.waiting.remove(&self.next)?;
        self.next += len;
        Some(result)
    }

    /// The next result in order, when it has arrived, left in place.
    pub(crate) fn peek(&self) -> Option<&T> {
        self.waiting.get(&self.next).map(|(_, result)| result)
    }

    /// The first position not handed out yet.
    pub(crate) fn next(&self) -> usize {
        self.next
    }
}

/// Runs `work` on up to `threads` threads (inline when one is enough), this
/// one among them unless a stack size is asked for, each call taking ranges
/// of items from a shared counter with the `next` it is given until that
/// returns `None`; returns what each call returned.
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
    // Without a stack size to keep to, this thread takes a share too: one
    // thread fewer to start, and what it allocates comes from its own
    // heap, where the memory the phases before freed is (a new thread's
    // heap starts empty and takes fresh pages).
    let helpers = if stack.is_none() {
        threads - 1
    } else {
        threads
    };
    std::thread::scope(|s| {
        let mut handles = Vec::with_capacity(helpers);
        for _ in 0..helpers {
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
        if stack.is_none() || handles.is_empty() {
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

/// `f` applied to every item, a window of `window` items at a time on up to
/// `threads` threads, each window's results handed to `sink` in the items'
/// order on the calling thread while the next window is worked on.
///
/// For output: `sink` writes (a file, a pipe, a locked stdout that cannot
/// leave this thread) while the other cores render what comes next, so
/// neither waits for the other, and no more than two windows of results
/// are held at once. The first error of `sink` stops the run (the window
/// being worked on is finished and dropped) and is returned.
pub(crate) fn map_windows_in_order<T: Sync, R: Send, E>(
    items: &[T],
    window: usize,
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
    mut sink: impl FnMut(Vec<R>) -> Result<(), E>,
) -> Result<(), E> {
    let window = window.max(1);
    let work = |w: &[T]| map(w, threads, None, &f);
    if items.len() <= window {
        return sink(work(items));
    }
    std::thread::scope(|scope| {
        // One thread works through the windows for the whole run, so that
        // the memory it renders into is its own from one window to the
        // next; handing a window over waits until this thread takes it.
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<R>>(0);
        let spawned = std::thread::Builder::new()
            .name("opmodel-worker".to_owned())
            .spawn_scoped(scope, move || {
                for w in items.chunks(window) {
                    // The receiver is gone when `sink` failed: stop.
                    if send.send(work(w)).is_err() {
                        break;
                    }
                }
            });
        // No thread to be had: this one works on each window, then sinks it.
        let Ok(worker) = spawned else {
            return items.chunks(window).try_for_each(|w| sink(work(w)));
        };
        let mut sunk = Ok(());
        while let Ok(done) = receive.recv() {
            sunk = sink(done);
            if sunk.is_err() {
                break;
            }
        }
        drop(receive);
        if let Err(panic) = worker.join() {
            std::panic::resume_unwind(panic);
        }
        sunk
    })
}

#[cfg(test)]
mod tests {
    use super::{for_each_in_order, known_stack, map, map_windows_in_order, on_stack};

    #[test]
    fn on_stack_runs_once_on_a_thread_with_that_stack() {
        let mut ran = 0;
        let known = on_stack(4 << 20, || {
            ran += 1;
            // Work inside asks for no thread of its own.
            (known_stack(), on_stack(1 << 20, known_stack))
        });
        assert_eq!(ran, 1);
        assert_eq!(known, (4 << 20, 4 << 20));
        assert_eq!(known_stack(), 0, "this thread's stack stays unknown");
    }

    #[test]
    fn windows_reach_the_sink_in_order_on_the_calling_thread() {
        let caller = std::thread::current().id();
        for (len, window) in [(0, 4), (3, 4), (4, 4), (17, 4), (64, 1)] {
            let items: Vec<u32> = (0..len).collect();
            let mut seen = Vec::new();
            let done: Result<(), ()> = map_windows_in_order(
                &items,
                window,
                2,
                |n| n * 10,
                |w| {
                    assert!(w.len() <= window && (len == 0 || !w.is_empty()));
                    assert_eq!(std::thread::current().id(), caller);
                    seen.extend(w);
                    Ok(())
                },
            );
            assert_eq!(done, Ok(()));
            let expected: Vec<u32> = items.iter().map(|n| n * 10).collect();
            assert_eq!(seen, expected, "{len} items in windows of {window}");
        }
    }

    #[test]
    fn a_panic_while_working_on_a_window_reaches_the_caller() {
        let items: Vec<u32> = (0..40).collect();
        let run = std::panic::catch_unwind(|| {
            map_windows_in_order(
                &items,
                4,
                2,
                |n| {
                    assert!(*n != 21, "item 21");
                    *n
                },
                |_| Ok::<(), ()>(()),
            )
        });
        assert!(run.is_err());
    }

    #[test]
    fn the_first_error_of_the_sink_stops_the_windows() {
        let items: Vec<u32> = (0..40).collect();
        let mut windows = 0;
        let done = map_windows_in_order(
            &items,
            4,
            2,
            |n| *n,
            |w| {
                windows += 1;
                if w.contains(&9) { Err(windows) } else { Ok(()) }
            },
        );
        assert_eq!(done, Err(3));
        assert_eq!(windows, 3);
    }

    #[test]
    fn the_calling_thread_takes_a_share_when_no_stack_is_asked_for() {
        let caller = std::thread::current().id();
        let items: Vec<u32> = (0..64).collect();
        for threads in [2, 3] {
            let ran_on = map(&items, threads, None, |_| {
                std::thread::sleep(std::time::Duration::from_millis(1));
                std::thread::current().id()
            });
            let mut others: Vec<_> = ran_on.into_iter().filter(|&id| id != caller).collect();
            others.sort_unstable_by_key(|id| format!("{id:?}"));
            others.dedup();
            // At most `threads - 1` threads were started: this one is the other.
            assert!(others.len() < threads, "{threads}: {others:?}");
        }
        // With a stack size asked for, every share runs on a started thread.
        let ran_on = map(&items, 2, Some(1 << 20), |_| std::thread::current().id());
        assert!(ran_on.iter().all(|&id| id != caller));
    }

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
    fn threads_wait_for_a_slow_item_instead_of_running_far_ahead() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let items: Vec<usize> = (0..2000).collect();
        let started = AtomicUsize::new(0);
        let started_while_first_ran = AtomicUsize::new(0);
        let mut seen = 0;
        for_each_in_order(
            &items,
            4,
            None,
            |&x| {
                if x == 0 {
                    // Time for the other threads to run ahead if they could.
                    std::thread::sleep(std::time::Duration::from_millis(300));
                    started_while_first_ran.store(started.load(Ordering::SeqCst), Ordering::SeqCst);
                } else {
                    started.fetch_add(1, Ordering::SeqCst);
                }
                x
            },
            |x| {
                assert_eq!(x, seen);
                seen += 1;
            },
        );
        assert_eq!(seen, 2000);
        // Batches of 16, at most 4 batches per thread (4 threads) ahead of
        // the first item, plus the batches the threads hold.
        let ahead = started_while_first_ran.load(Ordering::SeqCst);
        assert!(ahead <= 16 * 4 * 4 + 16 * 4, "{ahead} items ran ahead");
    }

    #[test]
    fn a_panicking_item_reaches_the_caller_without_a_hang() {
        let items: Vec<usize> = (0..500).collect();
        for threads in [1, 2, 4] {
            let outcome = std::panic::catch_unwind(|| {
                for_each_in_order(
                    &items,
                    threads,
                    None,
                    |&x| {
                        assert!(x != 3, "item {x} refused");
                        x
                    },
                    |_| {},
                );
            });
            assert!(outcome.is_err(), "{threads} threads");
        }
    }

    #[test]
    fn reorder_hands_results_out_in_the_order_of_their_positions() {
        let mut r = super::Reorder::default();
        r.insert(3, 2, "d-e");
        assert_eq!(r.pop(), None);
        r.insert(1, 2, "b-c");
        assert_eq!(r.pop(), None);
        r.insert(0, 1, "a");
        assert_eq!(
            [r.pop(), r.pop(), r.pop(), r.pop()],
            [Some("a"), Some("b-c"), Some("d-e"), None]
        );
        assert_eq!(r.next(), 5);
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
