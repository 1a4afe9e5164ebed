// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Picking values out of a document while it is being validated, so that
//! looking them up costs no second pass.
//!
//! A path is a list of member names. Matching follows cJSON's
//! `cJSON_GetObjectItem` step by step: names compare ignoring ASCII case,
//! and in each object only the first member with a matching name counts
//! (even if its value turns out not to be an object).

use crate::scan::{key_is, Value};
use crate::string::Str;

/// Longest path (in member names) that can match.
pub const PATH_MAX: usize = 8;
/// Most paths one parse can capture.
pub const PATHS_MAX: usize = 32;

const LEVELS: usize = PATH_MAX + 2;

fn bits(mut m: u32, mut f: impl FnMut(usize)) {
    while m != 0 {
        f(usize::try_from(m.trailing_zeros()).unwrap_or(0));
        m &= m - 1;
    }
}

// Indexing is bounded by the loop (and this normally runs in a const).
#[allow(clippy::indexing_slicing)]
const fn same_name(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Paths to capture, with what matching needs worked out once (at compile
/// time when the set is a `const`).
pub struct PathSet<'p> {
    paths: &'p [&'p [&'p [u8]]],
    /// Paths that can match (1..=PATH_MAX names, among the first PATHS_MAX).
    all: u32,
    /// Per key depth: paths that end there.
    ends: [u32; LEVELS],
    /// Per key depth: where runs of consecutive paths with the same name
    /// at that depth start; each run's name is compared once per member.
    runs: [u32; LEVELS],
}

impl<'p> PathSet<'p> {
    // Indexing is bounded by the loops (and this normally runs in a const).
    #[allow(clippy::indexing_slicing)]
    pub const fn new(paths: &'p [&'p [&'p [u8]]]) -> Self {
        let mut all = 0u32;
        let mut ends = [0u32; LEVELS];
        let mut runs = [0u32; LEVELS];
        let mut p = 0;
        while p < paths.len() && p < PATHS_MAX {
            let path = paths[p];
            let usable = !path.is_empty() && path.len() <= PATH_MAX;
            if usable {
                all |= 1 << p;
                ends[path.len()] |= 1 << p;
            }
            let mut d = 1;
            while d <= PATH_MAX {
                let continues = usable && d <= path.len() && p > 0 && {
                    let prev = paths[p - 1];
                    !prev.is_empty()
                        && prev.len() <= PATH_MAX
                        && d <= prev.len()
                        && same_name(prev[d - 1], path[d - 1])
                };
                if !continues {
                    runs[d] |= 1 << p;
                }
                d += 1;
            }
            p += 1;
        }
        PathSet {
            paths,
            all,
            ends,
            runs,
        }
    }
}

pub(crate) struct Capture<'p, 'o, 'a> {
    set: &'p PathSet<'p>,
    out: &'o mut [Option<Value<'a>>],
    /// Per container depth (1 = root): paths that may still match a member
    /// of the container open at that depth.
    active: [u32; LEVELS],
    /// Per container depth: paths that capture that container, and where
    /// it starts.
    pending: [u32; LEVELS],
    start: [usize; LEVELS],
    /// For the value after the last key: paths it completes / continues.
    cap: u32,
    next: u32,
}

impl<'p, 'o, 'a> Capture<'p, 'o, 'a> {
    pub(crate) fn new(set: &'p PathSet<'p>, out: &'o mut [Option<Value<'a>>]) -> Self {
        Capture {
            set,
            out,
            active: [0; LEVELS],
            pending: [0; LEVELS],
            start: [0; LEVELS],
            cap: 0,
            // The root value "continues" every path.
            next: set.all,
        }
    }

    /// A member name inside the container at `depth`.
    pub(crate) fn key(&mut self, depth: usize, key: Str<'_>) {
        self.cap = 0;
        self.next = 0;
        let Some(active) = self.active.get_mut(depth) else {
            return;
        };
        if *active == 0 {
            return;
        }
        let set = self.set;
        let runs = set.runs.get(depth).copied().unwrap_or(u32::MAX);
        let mut hit = 0;
        let mut todo = *active;
        while todo != 0 {
            let p = todo.trailing_zeros();
            // The run holding path p: from the last run start at or below
            // p up to the next one.
            let upto_p = (2u32 << p).wrapping_sub(1);
            let first = 31 - (runs & upto_p).leading_zeros().min(31);
            let above = runs & !upto_p;
            let run = (u32::MAX << first)
                & if above == 0 {
                    u32::MAX
                } else {
                    (above & above.wrapping_neg()) - 1
                };
            let want = usize::try_from(p)
                .ok()
                .and_then(|p| set.paths.get(p))
                .and_then(|path| path.get(depth - 1))
                .copied()
                .unwrap_or_default();
            if key_is(key, want, true) {
                hit |= *active & run;
            }
            todo &= !run;
        }
        *active &= !hit;
        let ends = set.ends.get(depth).copied().unwrap_or(0);
        self.cap = hit & ends;
        self.next = hit & !ends;
    }

    /// A container opens at `i`; it is at `depth`.
    #[inline]
    pub(crate) fn open(&mut self, depth: usize, object: bool, i: usize) {
        let next = if object { self.next } else { 0 };
        if let Some(a) = self.active.get_mut(depth) {
            *a = next;
        }
        if let Some(p) = self.pending.get_mut(depth) {
            *p = self.cap;
        }
        if let Some(s) = self.start.get_mut(depth) {
            *s = i;
        }
        self.cap = 0;
        self.next = 0;
    }

    #[inline(never)]
    fn store(&mut self, mask: u32, raw: &'a [u8]) {
        let out = &mut *self.out;
        bits(mask, |p| {
            if let Some(slot) = out.get_mut(p) {
                *slot = Some(Value::new(raw));
            }
        });
    }

    /// The container at `depth` closed; `end` is after its bracket.
    #[inline]
    pub(crate) fn close(&mut self, s: &'a [u8], depth: usize, end: usize) {
        let mask = self.pending.get(depth).copied().unwrap_or(0);
        if mask != 0 {
            let start = self.start.get(depth).copied().unwrap_or(0);
            self.store(mask, s.get(start..end).unwrap_or_default());
        }
    }

    /// A scalar value ended.
    #[inline]
    pub(crate) fn scalar(&mut self, raw: &'a [u8]) {
        if self.cap != 0 {
            self.store(self.cap, raw);
        }
        self.cap = 0;
        self.next = 0;
    }
}
