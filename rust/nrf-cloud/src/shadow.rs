// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Decoding what nRF Cloud sends: shadow documents, the association
//! decision, endpoints, device control, the DISCON message.
//!
//! Key lookups ignore ASCII case, as NCS's `cJSON_GetObjectItem` does.
//! Payloads are read up to their first NUL byte, as NCS hands them to
//! `cJSON_Parse` as C strings.

use crate::api::ShadowKind;
use crate::text::{
    ALERTS_EN, APP_ID, C2D, CONFIG, CONTROL, D2C, DESIRED, DEVICE, LOG_LVL, MESSAGE, MESSAGE_TYPE,
    NOT_ASSOCIATED, PAIRED, PAIRING, PREFIX_KEY, REPORTED, STATE, TOPICS,
};
use cloudwire_json::{parse_paths, parse_paths_escapes, Error as JsonError, PathSet, Str, Value};

/// Why a shadow document was not decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not valid JSON (NCS: "Error decoding shadow data").
    Json(JsonError),
    /// Valid JSON without the required members.
    Shape,
}

/// A decoded shadow document; every part borrows from the payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shadow<'a> {
    /// `.../shadow/get/accepted/trim`: `desired` is required, the others
    /// are kept only when they are objects.
    Accepted {
        desired: Value<'a>,
        reported: Option<Value<'a>>,
        config: Option<Value<'a>>,
    },
    /// `.../shadow/update/delta/full`: numeric `version` and `timestamp`
    /// and an object `state` are required.
    Delta {
        version: Value<'a>,
        timestamp: Value<'a>,
        state: Value<'a>,
    },
    /// `.../shadow/get/accepted/tf` without a numeric `"err"`: the whole
    /// document is the result.
    TransformResult(Value<'a>),
    /// A transform error: `"err"`, `"position"` (numbers), `"message"`.
    TransformError {
        code: Value<'a>,
        position: Value<'a>,
        message: Str<'a>,
    },
}

/// The part of a payload a C string would see: up to the first NUL.
pub fn c_str(b: &[u8]) -> &[u8] {
    match b.iter().position(|&c| c == 0) {
        Some(n) => b.get(..n).unwrap_or(b),
        None => b,
    }
}

fn object(v: Option<Value<'_>>) -> Option<Value<'_>> {
    v.filter(Value::is_object)
}

fn number(v: Option<Value<'_>>) -> Option<Value<'_>> {
    v.filter(Value::is_number)
}

/// The members of a desired section (or a delta's state) that NCS looks
/// at, each found as NCS's chained `cJSON_GetObjectItem` calls find it.
#[derive(Clone, Copy, Debug)]
pub struct Section<'a> {
    pub prefix: Option<Value<'a>>,
    pub pairing_state: Option<Value<'a>>,
    pub topics: Option<Value<'a>>,
    pub d2c: Option<Value<'a>>,
    pub c2d: Option<Value<'a>>,
    /// The first member named `control`, whatever its type.
    pub control: Option<Value<'a>>,
    /// Bit per capture slot (`PREFIX_SLOT` …), clear when the value there
    /// is known to have no escapes (the parser saw it), so that its text is
    /// read without looking for them again. All set (unknown) when found
    /// by navigation.
    escaped: u32,
}

/// Nothing found (escapes unknown).
impl Default for Section<'_> {
    fn default() -> Self {
        Self {
            prefix: None,
            pairing_state: None,
            topics: None,
            d2c: None,
            c2d: None,
            control: None,
            escaped: u32::MAX,
        }
    }
}

/// Capture slots of the section's strings (the same in [`ACCEPTED`] and
/// [`DELTA`]).
const PREFIX_SLOT: u32 = 1;
const PAIRING_STATE_SLOT: u32 = 2;
const D2C_SLOT: u32 = 4;
const C2D_SLOT: u32 = 5;

/// The same members (what is known about escapes does not count).
impl PartialEq for Section<'_> {
    fn eq(&self, o: &Self) -> bool {
        (self.prefix, self.pairing_state, self.topics) == (o.prefix, o.pairing_state, o.topics)
            && (self.d2c, self.c2d, self.control) == (o.d2c, o.c2d, o.control)
    }
}

impl Eq for Section<'_> {}

impl<'a> Section<'a> {
    /// The string `v` (from capture slot `slot`), if it is one.
    #[inline(always)]
    fn str_at(&self, v: Option<Value<'a>>, slot: u32) -> Option<Str<'a>> {
        v?.as_str_escaped(bit(self.escaped, slot))
    }
}

/// A decoded control-channel document and what the core reads from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decoded<'a> {
    pub shadow: Shadow<'a>,
    /// `desired` (accepted) or `state` (delta); none for transforms.
    pub section: Option<Section<'a>>,
    /// `reported.control` of an accepted document.
    pub reported_control: Option<Value<'a>>,
    /// `alertsEn` and `logLvl` of the object [`control_section`] picks,
    /// captured in the same pass (what [`decode_control`] would find in it).
    pub control_values: [Option<Value<'a>>; 2],
}

/// Paths read from an accepted document (the section's under `desired`).
/// Paths sharing names are kept together: each name is compared once.
/// Slots 10..=13: the control values of `desired.control`, then of
/// `reported.control`.
const ACCEPTED: PathSet<'static, 15> = PathSet::sized(&[
    &[DESIRED],
    &[DESIRED, PREFIX_KEY],
    &[DESIRED, PAIRING, STATE],
    &[DESIRED, PAIRING, TOPICS],
    &[DESIRED, PAIRING, TOPICS, D2C],
    &[DESIRED, PAIRING, TOPICS, C2D],
    &[DESIRED, CONTROL],
    &[REPORTED],
    &[REPORTED, CONTROL],
    &[CONFIG],
    &[DESIRED, CONTROL, ALERTS_EN],
    &[DESIRED, CONTROL, LOG_LVL],
    &[REPORTED, CONTROL, ALERTS_EN],
    &[REPORTED, CONTROL, LOG_LVL],
]);

/// Paths read from a delta (the section's under `state`, at the same
/// slots as for an accepted document; slot 9 unused).
const DELTA: PathSet<'static, 12> = PathSet::sized(&[
    &[STATE],
    &[STATE, PREFIX_KEY],
    &[STATE, PAIRING, STATE],
    &[STATE, PAIRING, TOPICS],
    &[STATE, PAIRING, TOPICS, D2C],
    &[STATE, PAIRING, TOPICS, C2D],
    &[STATE, CONTROL],
    &[b"version"],
    &[b"timestamp"],
    &[],
    &[STATE, CONTROL, ALERTS_EN],
    &[STATE, CONTROL, LOG_LVL],
]);

const TRANSFORM: PathSet<'static, 3> = PathSet::sized(&[&[b"err"], &[b"position"], &[MESSAGE]]);

// Each set is sized to its nodes exactly (rodata), and all of them fit.
const _: () =
    assert!(ACCEPTED.complete() && DELTA.complete() && TRANSFORM.complete() && DISCON.complete());

/// Capture slots of the largest set.
const SLOTS: usize = 14;

/// The section parts (at the same slots for accepted documents and
/// deltas); `escaped`: the slots holding strings with escapes.
fn section_of<'a>(v: &[Option<Value<'a>>; SLOTS], escaped: u32) -> Section<'a> {
    let [_, prefix, pairing_state, topics, d2c, c2d, control, ..] = *v;
    Section {
        prefix,
        pairing_state,
        topics,
        d2c,
        c2d,
        control,
        // Every slot is filled by the parse (or empty).
        escaped,
    }
}

/// Whether bit `slot` of `mask` is set.
fn bit(mask: u32, slot: u32) -> bool {
    mask >> slot & 1 != 0
}

/// A control-channel document as the core reads it: what [`decode`] finds,
/// kept as the captured slots (checked for the members its kind requires)
/// so that nothing is built that the core does not look at. The methods
/// read the slots in place (not inlined: the slots stay in memory instead
/// of being copied into registers and spilled).
pub(crate) struct Captured<'a> {
    kind: ShadowKind,
    v: [Option<Value<'a>>; SLOTS],
    /// Slots holding strings with escapes.
    escaped: u32,
}

impl<'a> Captured<'a> {
    /// Nothing captured yet.
    pub(crate) fn new(kind: ShadowKind) -> Self {
        Self {
            kind,
            v: [None; SLOTS],
            escaped: 0,
        }
    }

    /// Reads `payload` with [`decode`]'s checks, without building a
    /// [`Decoded`] (in place: no copy of the slots).
    #[inline(never)]
    pub(crate) fn read(&mut self, payload: &'a [u8]) -> Result<(), DecodeError> {
        let (_, escaped) = match self.kind {
            ShadowKind::Accepted => parse_paths_escapes(payload, true, &ACCEPTED, &mut self.v),
            ShadowKind::Delta => parse_paths_escapes(payload, true, &DELTA, &mut self.v),
            ShadowKind::Transform => parse_paths_escapes(payload, true, &TRANSFORM, &mut self.v),
        }
        .map_err(DecodeError::Json)?;
        self.escaped = escaped;
        let ok = match self.kind {
            ShadowKind::Accepted => self.object(0).is_some(),
            ShadowKind::Delta => {
                self.object(0).is_some()
                    && number(self.at(7)).is_some()
                    && number(self.at(8)).is_some()
            }
            ShadowKind::Transform => {
                number(self.at(0)).is_none()
                    || (number(self.at(1)).is_some()
                        && self.at(2).and_then(|m| m.as_str()).is_some())
            }
        };
        if ok {
            Ok(())
        } else {
            Err(DecodeError::Shape)
        }
    }

    fn at(&self, slot: usize) -> Option<Value<'a>> {
        self.v.get(slot).copied().flatten()
    }

    fn object(&self, slot: usize) -> Option<Value<'a>> {
        object(self.at(slot))
    }

    /// [`Decoded::section`].
    #[inline(never)]
    pub(crate) fn section(&self) -> Option<Section<'a>> {
        (self.kind != ShadowKind::Transform).then(|| section_of(&self.v, self.escaped))
    }

    /// `alertsEn` and `logLvl` of the object [`control_section`] picks, if
    /// it picks one. (A transform result has nothing in these slots.)
    #[inline(never)]
    pub(crate) fn control(&self) -> Option<[Option<Value<'a>>; 2]> {
        let slot = if self.object(6).is_some() {
            10
        } else if self.kind == ShadowKind::Accepted && self.object(8).is_some() {
            12
        } else {
            return None;
        };
        Some([self.at(slot), self.at(slot + 1)])
    }

    /// Whether the application hears of the document: a delta only if its
    /// state has more than a control object (see [`delta_has_data`]).
    #[inline(never)]
    pub(crate) fn notify(&self) -> bool {
        self.kind != ShadowKind::Delta || self.at(0).is_some_and(|s| has_data(s, self.object(6)))
    }
}

/// Decodes a control-channel document as NCS does for its topic, reading
/// everything the core needs in the one validating pass.
pub fn decode(kind: ShadowKind, payload: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    let mut v: [Option<Value<'_>>; SLOTS] = [None; SLOTS];
    let (root, escaped) = match kind {
        ShadowKind::Accepted => parse_paths_escapes(payload, true, &ACCEPTED, &mut v),
        ShadowKind::Delta => parse_paths_escapes(payload, true, &DELTA, &mut v),
        ShadowKind::Transform => parse_paths_escapes(payload, true, &TRANSFORM, &mut v),
    }
    .map_err(DecodeError::Json)?;
    let [v0, v1, v2, .., v6, v7, v8, v9, v10, v11, v12, v13] = v;
    // Only the first `control` member counts, and only if it is an object
    // (the values under any other one were not captured).
    let own_control = object(v6).map(|_| [v10, v11]);
    let decoded = match kind {
        ShadowKind::Accepted => object(v0).map(|desired| Decoded {
            shadow: Shadow::Accepted {
                desired,
                reported: object(v7),
                config: object(v9),
            },
            section: Some(section_of(&v, escaped)),
            reported_control: v8,
            control_values: own_control
                .or(object(v8).map(|_| [v12, v13]))
                .unwrap_or_default(),
        }),
        ShadowKind::Delta => match (object(v0), number(v7), number(v8)) {
            (Some(state), Some(version), Some(timestamp)) => Some(Decoded {
                shadow: Shadow::Delta {
                    version,
                    timestamp,
                    state,
                },
                section: Some(section_of(&v, escaped)),
                reported_control: None,
                control_values: own_control.unwrap_or_default(),
            }),
            _ => None,
        },
        ShadowKind::Transform => {
            let shadow = match number(v0) {
                None => Some(Shadow::TransformResult(root)),
                Some(code) => match (
                    number(v1),
                    v2.and_then(|m| m.as_str_escaped(bit(escaped, 2))),
                ) {
                    (Some(position), Some(message)) => Some(Shadow::TransformError {
                        code,
                        position,
                        message,
                    }),
                    _ => None,
                },
            };
            shadow.map(|shadow| Decoded {
                shadow,
                section: None,
                reported_control: None,
                control_values: [None; 2],
            })
        }
    };
    decoded.ok_or(DecodeError::Shape)
}

/// Decodes a shadow document as NCS does for each control-channel topic.
pub fn decode_shadow(kind: ShadowKind, payload: &[u8]) -> Result<Shadow<'_>, DecodeError> {
    decode(kind, payload).map(|d| d.shadow)
}

/// Reads a desired section or delta state by navigation (the same values
/// [`decode`] captures while parsing).
pub fn section(target: Value<'_>) -> Section<'_> {
    let mut top = [None; 3];
    target.find_ci(&[PREFIX_KEY, PAIRING, CONTROL], &mut top);
    let [prefix, pairing, control] = top;
    let mut p = [None; 2];
    if let Some(pairing) = pairing {
        pairing.find_ci(&[STATE, TOPICS], &mut p);
    }
    let [pairing_state, topics] = p;
    let mut t = [None; 2];
    if let Some(topics) = topics {
        topics.find_ci(&[D2C, C2D], &mut t);
    }
    let [d2c, c2d] = t;
    Section {
        prefix,
        pairing_state,
        topics,
        d2c,
        c2d,
        control,
        escaped: u32::MAX,
    }
}

/// What a desired section (or delta state) says about association.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pairing<'a> {
    /// `nrfcloud_mqtt_topic_prefix` (a string) is present: associated.
    Associated { prefix: Str<'a> },
    /// `pairing.state` starts with `"not_associated"`.
    NotAssociated,
    /// `pairing.state` starts with `"paired"` but there is no prefix:
    /// nothing to do.
    Paired,
    /// Any other `pairing.state` string (NCS logs a deprecated state).
    Deprecated,
    /// No prefix and no `pairing.state` string.
    Absent,
}

/// NCS's association decision. A prefix that is not a string counts as
/// absent (NCS would dereference a NULL string there).
pub fn pairing<'a>(s: &Section<'a>) -> Pairing<'a> {
    if let Some(prefix) = s.str_at(s.prefix, PREFIX_SLOT) {
        return Pairing::Associated { prefix };
    }
    let Some(state) = s.str_at(s.pairing_state, PAIRING_STATE_SLOT) else {
        return Pairing::Absent;
    };
    if state.starts_with(NOT_ASSOCIATED) {
        Pairing::NotAssociated
    } else if state.starts_with(PAIRED) {
        Pairing::Paired
    } else {
        Pairing::Deprecated
    }
}

/// The data-channel endpoints in a desired section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Endpoints<'a> {
    pub prefix: Option<Str<'a>>,
    pub d2c: Str<'a>,
    pub c2d: Str<'a>,
}

/// Endpoints as NCS decodes them: `pairing.state` must be a string starting
/// with `"paired"`, `pairing.topics` must exist, `topics.d2c` and
/// `topics.c2d` must be strings; the prefix is optional but must be a string
/// when present.
pub fn endpoints<'a>(s: &Section<'a>) -> Option<Endpoints<'a>> {
    s.topics?;
    if !s
        .str_at(s.pairing_state, PAIRING_STATE_SLOT)?
        .starts_with(PAIRED)
    {
        return None;
    }
    let prefix = match s.prefix {
        Some(_) => Some(s.str_at(s.prefix, PREFIX_SLOT)?),
        None => None,
    };
    Some(Endpoints {
        prefix,
        d2c: s.str_at(s.d2c, D2C_SLOT)?,
        c2d: s.str_at(s.c2d, C2D_SLOT)?,
    })
}

/// The `"control"` object §1.6.5 looks at: the section's (desired or delta
/// state), else, for an accepted document, `reported.control`. Only the
/// first member named `control` counts, and only if it is an object.
pub fn control_section<'a>(d: &Decoded<'a>) -> Option<Value<'a>> {
    let own = object(d.section.and_then(|s| s.control));
    match d.shadow {
        Shadow::Accepted { .. } => own.or(object(d.reported_control)),
        Shadow::Delta { .. } => own,
        _ => None,
    }
}

/// The control values after applying `ctrl` to `current` (alertsEn,
/// logLvl); `None` if a value is invalid (`alertsEn` not a bool, `logLvl`
/// not a number or outside 0..=4 after C's `(int)` truncation).
pub fn decode_control(ctrl: Value<'_>, current: (bool, i32)) -> Option<(bool, i32)> {
    let mut out = [None; 2];
    ctrl.find_ci(&[ALERTS_EN, LOG_LVL], &mut out);
    apply_control(out, current)
}

/// [`decode_control`] on values already found: `alertsEn` and `logLvl`
/// (as [`Decoded::control_values`]).
pub fn apply_control(values: [Option<Value<'_>>; 2], current: (bool, i32)) -> Option<(bool, i32)> {
    let (mut alerts, mut level) = current;
    let [a, l] = values;
    if let Some(v) = a {
        alerts = v.as_bool()?;
    }
    if let Some(v) = l {
        level = log_level_of(v)?;
    }
    Some((alerts, level))
}

/// `logLvl` as [`Value::as_int_trunc`] reads it, when that is 0..=4: the
/// number's integer part (C's `(int)` cast of cJSON's double) is its first
/// `keep` digits, padded with zeros, where `keep` is the count of digits
/// before the point moved by the exponent. Only the last of those may be
/// non-zero, and then not above 4 (not at all for a negative number).
/// Works on the digits instead of building the integer: less code than
/// the general conversion.
fn log_level_of(v: Value<'_>) -> Option<i32> {
    let (neg, mut digits, keep) = v.integer_digits()?;
    let mut last = 0u8;
    for _ in 0..keep.max(0) {
        // A non-zero digit followed by another: 10 or more.
        if last != 0 {
            return None;
        }
        last = digits.next().unwrap_or(0);
    }
    match (neg, last) {
        (_, 0) => Some(0),
        (false, 1..=4) => Some(i32::from(last)),
        _ => None,
    }
}

/// Whether a delta's state still has members once its control object is
/// taken out (NCS detaches it before deciding to notify the application).
pub fn delta_has_data(state: Value<'_>, s: &Section<'_>) -> bool {
    let control = object(s.control);
    if state.is_object() {
        has_data(state, control)
    } else {
        state.member_count() > usize::from(control.is_some())
    }
}

/// Index of the first byte at or after `i` that is not whitespace, in a
/// valid document outside strings (where a byte up to `' '` can only be
/// JSON whitespace).
fn skip_ws(s: &[u8], mut i: usize) -> usize {
    while s.get(i).is_some_and(|&c| c <= b' ') {
        i += 1;
    }
    i
}

/// [`delta_has_data`] for an object `state`, with `control` its first
/// member named `control` if that is an object. Looks at the text instead
/// of counting members: the state has data unless it is empty or that
/// control object is its only member (it is then the value of the first
/// member, and only whitespace follows it).
fn has_data(state: Value<'_>, control: Option<Value<'_>>) -> bool {
    let s = state.raw();
    // The first member's name: the string after `{`.
    let mut i = skip_ws(s, 1);
    if s.get(i) != Some(&b'"') {
        return false;
    }
    let Some(control) = control.map(|c| c.raw()) else {
        return true;
    };
    i += 1;
    loop {
        match s.get(i) {
            Some(b'"') => break,
            Some(b'\\') => i += 2,
            Some(_) => i += 1,
            None => return true,
        }
    }
    // Past the name's quote, `:` and whitespace: the first member's value.
    let i = skip_ws(s, skip_ws(s, i + 1) + 1);
    let first = s.get(i..).unwrap_or_default();
    let only = core::ptr::eq(first.as_ptr(), control.as_ptr())
        && s.get(skip_ws(s, i + control.len())) == Some(&b'}');
    !only
}

/// Stage and tenant from `"<stage>/<tenant>/"`, as NCS splits it: the stage
/// runs to the first `/`, the tenant is the rest without its last byte.
/// `None` without a `/`.
pub fn split_prefix(p: &[u8]) -> Option<(&[u8], &[u8])> {
    let slash = p.iter().position(|&c| c == b'/')?;
    let stage = p.get(..slash)?;
    let tenant = p
        .get(slash + 1..p.len().saturating_sub(1))
        .unwrap_or_default();
    Some((stage, tenant))
}

/// The two members of a DISCON message, found as `cJSON_GetObjectItem`
/// finds them.
const DISCON: PathSet<'static, 2> = PathSet::sized(&[&[MESSAGE_TYPE], &[APP_ID]]);

/// Longest DISCON payload NCS looks at (its NUL must come before this).
const DISCON_MAX: usize = 200;

/// `{"appId":"DEVICE","messageType":"DISCON"}` (any member order, other
/// members allowed), NCS's checks: shorter than 200 bytes, both words
/// present in the raw text, then both members equal exactly.
pub fn is_disconnect_request(payload: &[u8]) -> bool {
    let s = c_str(payload.get(..DISCON_MAX).unwrap_or(payload));
    if s.len() >= DISCON_MAX || !crate::topics::has(s, DEVICE) || !crate::topics::has(s, b"DISCON")
    {
        return false;
    }
    let mut v = [None; 2];
    if parse_paths(s, true, &DISCON, &mut v).is_err() {
        return false;
    }
    let is = |v: Option<Value<'_>>, want: &[u8]| {
        v.and_then(|v| v.as_str_escaped(true))
            .is_some_and(|v| v.equals(want))
    };
    let [message_type, app_id] = v;
    is(message_type, b"DISCON") && is(app_id, DEVICE)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    //! What the parser says about escapes reaches the strings the core reads.

    use super::*;
    use cloudwire_json::parse;

    /// Escaped: the prefix (`\/`), `pairing.state` and `d2c`; not `c2d`.
    const ESCAPED: &[u8] = br#"{"desired":{"pairing":{"state":"p\u0061ired","topics":{"d2c":"t\/d2c","c2d":"t/c2d"}},"nrfcloud_mqtt_topic_prefix":"s\/t\/"}}"#;
    /// The same without escapes.
    const PLAIN: &[u8] = br#"{"desired":{"pairing":{"state":"paired","topics":{"d2c":"t/d2c","c2d":"t/c2d"}},"nrfcloud_mqtt_topic_prefix":"s/t/"}}"#;

    fn text(s: Str<'_>) -> ([u8; 16], usize) {
        let mut out = [0u8; 16];
        let n = s.unescape_into(&mut out).unwrap().len();
        (out, n)
    }

    /// Whether each endpoint string has escapes, and the unescaped texts.
    fn read(s: &Section<'_>) -> ([bool; 4], [([u8; 16], usize); 3]) {
        let Pairing::Associated { prefix } = pairing(s) else {
            panic!()
        };
        let ep = endpoints(s).unwrap();
        assert_eq!(ep.prefix, Some(prefix));
        let state = s.str_at(s.pairing_state, PAIRING_STATE_SLOT).unwrap();
        (
            [prefix, state, ep.d2c, ep.c2d].map(|s| s.has_escapes()),
            [prefix, ep.d2c, ep.c2d].map(text),
        )
    }

    /// The texts are the endpoints of both documents, unescaped.
    fn assert_texts(t: [([u8; 16], usize); 3]) {
        let want: [&[u8]; 3] = [b"s/t/", b"t/d2c", b"t/c2d"];
        for ((b, n), w) in t.iter().zip(want) {
            assert_eq!(b.get(..*n), Some(w));
        }
    }

    #[test]
    fn captured_strings_carry_what_the_parser_saw() {
        for (doc, escaped) in [(ESCAPED, [true, true, true, false]), (PLAIN, [false; 4])] {
            let d = decode(ShadowKind::Accepted, doc).unwrap();
            let s = d.section.unwrap();
            let (flags, t) = read(&s);
            assert_eq!(flags, escaped);
            assert_texts(t);
            // The mask is exactly the escaped slots.
            let mask = escaped
                .iter()
                .zip([PREFIX_SLOT, PAIRING_STATE_SLOT, D2C_SLOT, C2D_SLOT])
                .fold(0, |m, (&e, slot)| m | u32::from(e) << slot);
            assert_eq!(s.escaped, mask);
            // The core's reading: the same.
            let mut c = Captured::new(ShadowKind::Accepted);
            c.read(doc).unwrap();
            let s = c.section().unwrap();
            assert_eq!(s.escaped, mask);
            assert_eq!(read(&s).0, escaped);
            // Navigation does not know, so it looks; equal sections.
            let Shadow::Accepted { desired, .. } = d.shadow else {
                panic!()
            };
            let nav = section(desired);
            assert_eq!(nav, s);
            assert_eq!(nav.escaped, u32::MAX);
            let (flags, t) = read(&nav);
            assert_eq!(flags, escaped);
            assert_texts(t);
        }
    }

    #[test]
    fn delta_and_transform_strings_carry_it_too() {
        let doc = br#"{"state":{"nrfcloud_mqtt_topic_prefix":"a\/"},"version":1,"timestamp":2}"#;
        let s = decode(ShadowKind::Delta, doc).unwrap().section.unwrap();
        assert_eq!(s.escaped, 1 << PREFIX_SLOT);
        let Pairing::Associated { prefix } = pairing(&s) else {
            panic!()
        };
        assert!(prefix.has_escapes() && prefix.equals(b"a/"));
        for (doc, escaped, want) in [
            (
                &br#"{"err":1,"position":2,"message":"b\"c"}"#[..],
                true,
                &b"b\"c"[..],
            ),
            (br#"{"err":1,"position":2,"message":"bc"}"#, false, b"bc"),
        ] {
            let Shadow::TransformError { message, .. } =
                decode(ShadowKind::Transform, doc).unwrap().shadow
            else {
                panic!()
            };
            assert_eq!(message.has_escapes(), escaped);
            assert!(message.equals(want));
        }
    }

    #[test]
    fn a_section_filled_by_hand_looks_for_escapes() {
        let mut s = Section::default();
        assert_eq!(s, section(parse(b"{}").unwrap()));
        s.prefix = Some(parse(br#""x\/""#).unwrap());
        let Pairing::Associated { prefix } = pairing(&s) else {
            panic!()
        };
        assert!(prefix.has_escapes() && prefix.equals(b"x/"));
    }
}
