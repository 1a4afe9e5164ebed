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

use crate::string::{Str, CMP_MAX};
use crate::value::{same_inline, Value};

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

/// What the scanner records while it parses (see the module comment).
pub(crate) struct Capture<'s, 'p, 'o, 'a> {
    set: Tree<'s, 'p>,
    out: &'o mut [Option<Value<'a>>],
    doc: &'a [u8],
    /// Depth of the innermost container that is the value of a node (0:
    /// none yet). Paths only go through such containers, so they are the
    /// ones at depths 1..=`top`; deeper ones cost nothing.
    top: usize,
    /// Per depth 1..=`top`: the paths that end at the container, how much
    /// of the document is left from its start on, and the first candidate
    /// for the names in it.
    ends: [u32; LEVELS],
    left: [usize; LEVELS],
    kids: [u8; LEVELS],
    /// The node the value after the last name belongs to.
    cur: u8,
    /// Nodes already matched (only the first matching member counts).
    seen: u32,
    /// Paths whose value is a string with escapes.
    pub(crate) escaped: u32,
}

impl<'s, 'p, 'o, 'a> Capture<'s, 'p, 'o, 'a> {
    pub(crate) fn new(doc: &'a [u8], set: Tree<'s, 'p>, out: &'o mut [Option<Value<'a>>]) -> Self {
        Capture {
            set,
            out,
            doc,
            top: 0,
            ends: [0; LEVELS],
            left: [0; LEVELS],
            kids: [NONE; LEVELS],
            // The root value leads to the root's children.
            cur: ROOT,
            seen: 0,
            escaped: 0,
        }
    }

    /// A member name inside the container at `depth` (`escaped`: it may
    /// have escapes).
    #[inline(always)]
    pub(crate) fn key(&mut self, depth: usize, name: &[u8], escaped: bool) {
        self.cur = NONE;
        if depth == self.top {
            let kids = self.kids.get(depth).copied().unwrap_or(NONE);
            let n = if escaped {
                find_escaped(self.set.nodes, kids, name)
            } else {
                find(self.set.nodes, kids, name)
            };
            // Only the first member with a given name counts.
            let bit = 1u32 << (n & 31);
            if n != NONE && self.seen & bit == 0 {
                self.seen |= bit;
                self.cur = n;
            }
        }
    }

    /// A container at `depth` opens where `left` bytes of the document
    /// are left.
    #[inline(always)]
    pub(crate) fn open(&mut self, depth: usize, left: usize) {
        if self.cur != NONE {
            self.open_in(depth, left);
        }
    }

    #[inline(never)]
    fn open_in(&mut self, depth: usize, left: usize) {
        let set = self.set;
        let (ends, kids) = match set.node(self.cur) {
            Some(node) => (node.ends, node.child),
            None => (0, set.root),
        };
        if let (Some(e), Some(l), Some(k)) = (
            self.ends.get_mut(depth),
            self.left.get_mut(depth),
            self.kids.get_mut(depth),
        ) {
            *e = ends;
            *l = left;
            *k = kids;
            self.top = depth;
        }
        self.cur = NONE;
    }

    /// The container at `depth` closed where `left` bytes are left.
    #[inline(always)]
    pub(crate) fn close(&mut self, depth: usize, left: usize) {
        if depth == self.top {
            self.top = depth - 1;
            let mask = self.ends.get(depth).copied().unwrap_or(0);
            let from = self.left.get(depth).copied().unwrap_or(0);
            self.store(mask, from, left);
        }
    }

    /// A scalar value ran from where `from` bytes of the document were left
    /// to where `to` are (`escaped`: a string with escapes).
    #[inline(always)]
    pub(crate) fn scalar(&mut self, from: usize, to: usize, escaped: bool) {
        if self.cur != NONE {
            let mask = self.set.node(self.cur).map_or(0, |node| node.ends);
            if escaped {
                self.escaped |= mask;
            }
            self.store(mask, from, to);
            self.cur = NONE;
        }
    }

    /// A value ran from where `from` bytes of the document were left to
    /// where `to` are: it is stored for the paths in `mask`.
    #[inline(always)]
    fn store(&mut self, mask: u32, from: usize, to: usize) {
        if mask != 0 {
            self.store_in(mask, from, to);
        }
    }

    #[inline(never)]
    fn store_in(&mut self, mut mask: u32, from: usize, to: usize) {
        let doc = self.doc;
        let Some(raw) = doc.get(doc.len().wrapping_sub(from)..doc.len().wrapping_sub(to)) else {
            return;
        };
        while mask != 0 {
            let p = usize::try_from(mask.trailing_zeros()).unwrap_or(usize::MAX);
            if let Some(slot) = self.out.get_mut(p) {
                *slot = Some(Value::new(raw));
            }
            mask &= mask - 1;
        }
    }
}

/// The node named `name` (plain text) among node `n` and its next
/// siblings, ignoring ASCII case (siblings' names differ, so at most one
/// matches).
#[inline(never)]
fn find(nodes: &[Node<'_>], mut n: u8, name: &[u8]) -> u8 {
    let first = name.first().map_or(0, |c| c | 0x20);
    while let Some(node) = nodes.get(usize::from(n)) {
        // Ruled out by length and first letter before being compared.
        let want = node.name;
        if name.len() == want.len() && first == node.first && same_inline(name, want, true) {
            return n;
        }
        n = node.next;
    }
    NONE
}

/// As [`find`] for a name that may have escapes: unescaped first (names
/// longer than [`CMP_MAX`] bytes unescaped match none, as with
/// [`Str::equals_ignore_ascii_case`]). Out of line: escaped names are rare.
#[inline(never)]
fn find_escaped(nodes: &[Node<'_>], n: u8, name: &[u8]) -> u8 {
    let mut tmp = [0u8; CMP_MAX];
    match Str::with_escapes(name, true).unescape_prefix(&mut tmp) {
        (text, true) => find(nodes, n, text),
        _ => NONE,
    }
}
