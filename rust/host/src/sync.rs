// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! The port's recursive lock and binary semaphores, on std primitives.

use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

/// Locks a std mutex, ignoring poisoning: the data behind these mutexes
/// stays consistent even if a thread panicked while holding one.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A mutex the owning thread may lock again; it is released when every lock
/// has been matched by an unlock.
#[derive(Default)]
pub struct RecursiveLock {
    owner: Mutex<(Option<ThreadId>, u32)>,
    released: Condvar,
}

impl RecursiveLock {
    pub const fn new() -> RecursiveLock {
        RecursiveLock {
            owner: Mutex::new((None, 0)),
            released: Condvar::new(),
        }
    }

    pub fn lock(&self) {
        let me = thread::current().id();
        let mut state = lock(&self.owner);
        loop {
            match state.0 {
                None => {
                    *state = (Some(me), 1);
                    return;
                }
                Some(owner) if owner == me => {
                    state.1 = state.1.saturating_add(1);
                    return;
                }
                Some(_) => {
                    state = self
                        .released
                        .wait(state)
                        .unwrap_or_else(PoisonError::into_inner);
                }
            }
        }
    }

    /// Returns false (and changes nothing) when the caller does not hold the
    /// lock, as Zephyr's k_mutex_unlock refuses with -EPERM.
    pub fn unlock(&self) -> bool {
        let me = thread::current().id();
        let mut state = lock(&self.owner);
        if state.0 != Some(me) {
            return false;
        }
        state.1 -= 1;
        if state.1 == 0 {
            state.0 = None;
            drop(state);
            self.released.notify_one();
        }
        true
    }
}

/// A binary semaphore: give sets it (a second give before a take is lost),
/// take waits for it and clears it.
#[derive(Default)]
pub struct BinarySemaphore {
    given: Mutex<bool>,
    changed: Condvar,
}

impl BinarySemaphore {
    pub const fn new() -> BinarySemaphore {
        BinarySemaphore {
            given: Mutex::new(false),
            changed: Condvar::new(),
        }
    }

    pub fn give(&self) {
        *lock(&self.given) = true;
        self.changed.notify_one();
    }

    /// Waits up to `timeout` (None = forever). True when taken.
    pub fn take(&self, timeout: Option<Duration>) -> bool {
        let deadline = timeout.map(|t| Instant::now() + t);
        let mut given = lock(&self.given);
        while !*given {
            match deadline {
                None => {
                    given = self
                        .changed
                        .wait(given)
                        .unwrap_or_else(PoisonError::into_inner);
                }
                Some(deadline) => {
                    let now = Instant::now();
                    if now >= deadline {
                        return false;
                    }
                    given = self
                        .changed
                        .wait_timeout(given, deadline - now)
                        .unwrap_or_else(PoisonError::into_inner)
                        .0;
                }
            }
        }
        *given = false;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::sync::Arc;

    #[test]
    fn recursive_lock_nests_and_excludes() {
        let lock = Arc::new(RecursiveLock::new());
        let inside = Arc::new(AtomicU32::new(0));
        lock.lock();
        lock.lock();
        let (l2, i2) = (Arc::clone(&lock), Arc::clone(&inside));
        let other = thread::spawn(move || {
            l2.lock();
            i2.store(1, Ordering::SeqCst);
            assert!(l2.unlock());
        });
        assert!(lock.unlock());
        thread::sleep(Duration::from_millis(50));
        assert_eq!(inside.load(Ordering::SeqCst), 0, "still held once");
        assert!(lock.unlock());
        other.join().unwrap_or_default();
        assert_eq!(inside.load(Ordering::SeqCst), 1);
        assert!(!lock.unlock(), "not held");
    }

    #[test]
    fn semaphore_is_binary_and_times_out() {
        let sem = BinarySemaphore::new();
        sem.give();
        sem.give();
        assert!(sem.take(Some(Duration::ZERO)));
        let start = Instant::now();
        assert!(!sem.take(Some(Duration::from_millis(30))));
        assert!(start.elapsed() >= Duration::from_millis(30));
    }

    #[test]
    fn semaphore_wakes_waiter() {
        let sem = Arc::new(BinarySemaphore::new());
        let s2 = Arc::clone(&sem);
        let waiter = thread::spawn(move || s2.take(None));
        thread::sleep(Duration::from_millis(20));
        sem.give();
        assert_eq!(waiter.join().ok(), Some(true));
    }
}
