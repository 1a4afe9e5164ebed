// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Picking values out of a document while it is being validated, so that
//! looking them up costs no second pass.
//!
//! A path is a list of member names. Matching follows cJSON's
//! `cJSON_GetObjectItem` step by step: names compare ignoring ASCII case,
//! and in each object only the first member with a matching name counts
//! (even if its value turns out not to be an object).
//!
//! The paths are turned into a tree once (at compile time for a `const`
//! set): one node per distinct name under the same parent. While parsing,
//! a member name is only compared with the children of the node its object
//! belongs to, and objects no path goes through cost nothing.

use crate::scan::{key_is, Value};
use crate::string::Str;

/// Longest path (in member names) that can match.
pub const PATH_MAX: usize = 8;
/// Most paths one parse can capture.
pub const PATHS_MAX: usize = 32;

/// Tree nodes (distinct path prefixes) of a set made with
/// [`PathSet::new`]; paths that need more are not captured.
pub const NODES_MAX: usize = 32;
const LEVELS: usize = PATH_MAX + 2;
/// No node.
const NONE: u8 = u8::MAX;
/// The root object (its children start at `Tree::root`).
const ROOT: u8 = u8::MAX - 1;

/// One distinct name (and its lower-cased first byte, to rule out most
/// members without comparing), its first child and next sibling, and the
/// paths that end at it.
#[derive(Clone, Copy)]
pub(crate) struct Node<'p> {
    name: &'p [u8],
    ends: u32,
    first: u8,
    child: u8,
    next: u8,
}

const EMPTY: Node<'static> = Node {
    name: &[],
    ends: 0,
    first: 0,
    child: NONE,
    next: NONE,
};

// Indexing is bounded by the loops (and this normally runs in a const).
#[allow(clippy::indexing_slicing)]
const fn same_name_ci(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if !a[i].eq_ignore_ascii_case(&b[i]) {
            return false;
        }
        i += 1;
    }
    true
}

/// Paths to capture, as a tree of names worked out once (at compile time
/// when the set is a `const`), with room for `N` nodes: one per distinct
/// name under the same parent (names differing only in ASCII case are
/// one). A `const` set can be sized exactly with [`PathSet::sized`]; see
/// [`PathSet::complete`].
pub struct PathSet<'p, const N: usize = NODES_MAX> {
    root: u8,
    complete: bool,
    nodes: [Node<'p>; N],
}

impl<'p> PathSet<'p> {
    /// A set with room for [`NODES_MAX`] nodes.
    pub const fn new(paths: &[&[&'p [u8]]]) -> Self {
        Self::sized(paths)
    }
}

impl<'p, const N: usize> PathSet<'p, N> {
    /// A set with room for `N` nodes (at most 254).
    // Indexing is bounded by the loops (and this normally runs in a const).
    #[allow(clippy::indexing_slicing, clippy::cast_possible_truncation)]
    pub const fn sized(paths: &[&[&'p [u8]]]) -> Self {
        let mut nodes = [EMPTY; N];
        let cap = if N < ROOT as usize { N } else { ROOT as usize };
        let mut used = 0;
        let mut root = NONE;
        let mut complete = true;
        let mut p = 0;
        while p < paths.len() && p < PATHS_MAX {
            let path = paths[p];
            if !path.is_empty() && path.len() <= PATH_MAX {
                // Walk down, adding the nodes that are missing.
                let mut parent = ROOT;
                let mut d = 0;
                while d < path.len() {
                    let first = if parent == ROOT {
                        root
                    } else {
                        nodes[parent as usize].child
                    };
                    let mut n = first;
                    while n != NONE {
                        if same_name_ci(nodes[n as usize].name, path[d]) {
                            break;
                        }
                        n = nodes[n as usize].next;
                    }
                    if n == NONE {
                        if used == cap {
                            complete = false;
                            break;
                        }
                        n = used as u8;
                        let name = path[d];
                        nodes[used] = Node {
                            name,
                            ends: 0,
                            first: if name.is_empty() { 0 } else { name[0] | 0x20 },
                            child: NONE,
                            next: first,
                        };
                        used += 1;
                        if parent == ROOT {
                            root = n;
                        } else {
                            nodes[parent as usize].child = n;
                        }
                    }
                    parent = n;
                    d += 1;
                }
                if d == path.len() {
                    nodes[parent as usize].ends |= 1 << p;
                }
            }
            p += 1;
        }
        PathSet {
            root,
            complete,
            nodes,
        }
    }

    /// Whether every path (up to [`PATHS_MAX`], of 1..=[`PATH_MAX`] names)
    /// fitted in the `N` nodes.
    pub const fn complete(&self) -> bool {
        self.complete
    }

    pub(crate) fn tree(&self) -> Tree<'_, 'p> {
        Tree {
            root: self.root,
            nodes: &self.nodes,
        }
    }
}

/// A set's nodes, whatever its size (so the parser is not generic).
#[derive(Clone, Copy)]
pub(crate) struct Tree<'s, 'p> {
    root: u8,
    nodes: &'s [Node<'p>],
}

impl<'s, 'p> Tree<'s, 'p> {
    fn node(&self, n: u8) -> Option<&'s Node<'p>> {
        self.nodes.get(usize::from(n))
    }
}

/// Whether plain member name `raw` can be `node`'s name (`None`: escaped,
/// so it can be any).
#[inline(always)]
fn maybe(node: &Node<'_>, raw: Option<&[u8]>) -> bool {
    raw.is_none_or(|r| {
        r.len() == node.name.len() && r.first().map_or(0, |c| c | 0x20) == node.first
    })
}

pub(crate) struct Capture<'s, 'p, 'o, 'a> {
    set: Tree<'s, 'p>,
    out: &'o mut [Option<Value<'a>>],
    /// Per container depth (1 = root): the node whose value the container
    /// is, and where it starts.
    node: [u8; LEVELS],
    start: [usize; LEVELS],
    /// The node the value after the last key belongs to.
    cur: u8,
    /// Nodes already matched (only the first matching member counts).
    seen: u32,
}

impl<'s, 'p, 'o, 'a> Capture<'s, 'p, 'o, 'a> {
    pub(crate) fn new(set: Tree<'s, 'p>, out: &'o mut [Option<Value<'a>>]) -> Self {
        Capture {
            set,
            out,
            node: [NONE; LEVELS],
            start: [0; LEVELS],
            // The root value leads to the root's children.
            cur: ROOT,
            seen: 0,
        }
    }

    /// A member name inside the container at `depth`.
    #[inline]
    pub(crate) fn key(&mut self, depth: usize, key: Str<'_>) {
        self.cur = NONE;
        let parent = self.node.get(depth).copied().unwrap_or(NONE);
        if parent != NONE {
            self.key_in(parent, key);
        }
    }

    #[inline]
    fn key_in(&mut self, parent: u8, key: Str<'_>) {
        let set = self.set;
        // An escaped name is compared in full with every candidate.
        let raw = if key.maybe_escaped() {
            None
        } else {
            Some(key.raw())
        };
        let mut n = match set.node(parent) {
            Some(node) => node.child,
            None => set.root,
        };
        while let Some(node) = set.node(n) {
            if maybe(node, raw) && key_is(key, node.name, true) {
                // Siblings' names differ, so no other one can match; only
                // the first member with this name counts.
                let bit = 1u32 << (n & 31);
                if self.seen & bit == 0 {
                    self.seen |= bit;
                    self.cur = n;
                }
                return;
            }
            n = node.next;
        }
    }

    /// A container opens at `i`; it is at `depth`.
    #[inline]
    pub(crate) fn open(&mut self, depth: usize, i: usize) {
        if let Some(n) = self.node.get_mut(depth) {
            *n = self.cur;
        }
        if let Some(s) = self.start.get_mut(depth) {
            *s = i;
        }
        self.cur = NONE;
    }

    /// Stores `value` for the paths that end at node `n` (most nodes on a
    /// path end none: those cost no call).
    #[inline(always)]
    fn store(&mut self, n: u8, value: Value<'a>) {
        let mask = self.set.node(n).map_or(0, |node| node.ends);
        if mask != 0 {
            self.store_mask(mask, value);
        }
    }

    #[inline(never)]
    fn store_mask(&mut self, mut mask: u32, value: Value<'a>) {
        while mask != 0 {
            let p = usize::try_from(mask.trailing_zeros()).unwrap_or(usize::MAX);
            if let Some(slot) = self.out.get_mut(p) {
                *slot = Some(value);
            }
            mask &= mask - 1;
        }
    }

    /// The container at `depth` closed; `end` is after its bracket.
    #[inline]
    pub(crate) fn close(&mut self, s: &'a [u8], depth: usize, end: usize) {
        let n = self.node.get(depth).copied().unwrap_or(NONE);
        if n < ROOT {
            let start = self.start.get(depth).copied().unwrap_or(0);
            self.store(n, Value::new(s.get(start..end).unwrap_or_default()));
        }
    }

    /// A scalar value ended.
    #[inline]
    pub(crate) fn scalar(&mut self, raw: &'a [u8]) {
        if self.cur < ROOT {
            self.store(self.cur, Value::new(raw));
        }
        self.cur = NONE;
    }
}
