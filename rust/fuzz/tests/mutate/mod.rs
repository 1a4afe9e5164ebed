// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! A small deterministic mutator for the replay tests: a xorshift generator
//! and libFuzzer-like byte edits of the seeds.

/// Inputs are kept below this size (libFuzzer's default `-max_len` is 4096).
const MAX_LEN: usize = 4096;

/// Bytes that matter to the JSON scanner and the documents on top of it.
const TOKENS: &[u8] = b"{}[]\",:\\/0123456789.eE+-tfnu \x00\xff";

pub struct Mutator(u64);

impl Mutator {
    pub fn new(seed: u64) -> Self {
        // xorshift has no zero state; mix the seed so that 1, 2, 3 differ.
        Self(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn byte(&mut self) -> u8 {
        self.next().to_le_bytes()[0]
    }

    /// A seed picked at random, changed by one to four edits (at least one
    /// of which changes it), with the name of the seed.
    pub fn mutate<'s>(&mut self, seeds: &'s [(String, Vec<u8>)]) -> (&'s str, Vec<u8>) {
        let (name, seed) = &seeds[self.below(seeds.len())];
        let mut data = seed.clone();
        for _ in 0..1 + self.below(4) {
            self.edit(&mut data, seeds);
        }
        while data == *seed {
            self.edit(&mut data, seeds);
        }
        data.truncate(MAX_LEN);
        (name, data)
    }

    fn edit(&mut self, data: &mut Vec<u8>, seeds: &[(String, Vec<u8>)]) {
        let len = data.len();
        let at = self.below(len + 1);
        match self.below(8) {
            // Flip one bit.
            0 if at < len => data[at] ^= 1 << self.below(8),
            // Overwrite a byte.
            1 if at < len => data[at] = self.byte(),
            // Insert a random byte or a JSON token byte.
            2 => {
                let b = self.byte();
                data.insert(at, b);
            }
            3 => {
                let b = TOKENS[self.below(TOKENS.len())];
                data.insert(at, b);
            }
            // Delete a run of bytes.
            4 if at < len => {
                let n = 1 + self.below((len - at).min(8));
                data.drain(at..at + n);
            }
            // Duplicate a run of bytes in place.
            5 if at < len => {
                let n = 1 + self.below((len - at).min(32));
                let run = data[at..at + n].to_vec();
                data.splice(at..at, run);
            }
            // Cut the input short.
            6 if at < len => data.truncate(at),
            // Splice in a piece of another seed.
            _ => {
                let other = &seeds[self.below(seeds.len())].1;
                if !other.is_empty() {
                    let from = self.below(other.len());
                    let n = 1 + self.below((other.len() - from).min(64));
                    data.splice(at..at, other[from..from + n].iter().copied());
                }
            }
        }
    }
}
