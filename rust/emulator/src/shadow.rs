// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 cloudwire contributors

//! Device shadow documents with AWS IoT semantics (nRF Cloud runs on AWS IoT):
//! updates merge into `desired`/`reported` with `null` deleting a key, and the
//! delta is every `desired` key whose value differs from `reported`.

use serde_json::{json, Map, Value};

/// One device's shadow.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shadow {
    pub desired: Map<String, Value>,
    pub reported: Map<String, Value>,
    /// AWS starts at 1 on creation and adds 1 per accepted update.
    pub version: u64,
}

/// Why an update document was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected(pub String);

impl Shadow {
    pub fn new(desired: Map<String, Value>) -> Self {
        Shadow {
            desired,
            reported: Map::new(),
            version: 1,
        }
    }

    /// Apply an update document `{"state":{"desired":…,"reported":…}}`.
    /// Either section may be an object (merged) or `null` (cleared).
    pub fn apply_update(&mut self, doc: &Value) -> Result<(), Rejected> {
        let state = doc
            .get("state")
            .ok_or_else(|| Rejected("missing \"state\"".into()))?;
        let state = state
            .as_object()
            .ok_or_else(|| Rejected("\"state\" is not an object".into()))?;
        // Check both sections before touching anything, so a bad document
        // changes nothing.
        for key in ["desired", "reported"] {
            match state.get(key) {
                None | Some(Value::Null) | Some(Value::Object(_)) => {}
                Some(_) => return Err(Rejected(format!("\"{key}\" is not an object"))),
            }
        }
        if !state.contains_key("desired") && !state.contains_key("reported") {
            return Err(Rejected("no \"desired\" or \"reported\" in state".into()));
        }
        apply_section(&mut self.desired, state.get("desired"));
        apply_section(&mut self.reported, state.get("reported"));
        self.version += 1;
        Ok(())
    }

    /// Merge a patch into `desired` (as the cloud's own API does).
    pub fn patch_desired(&mut self, patch: &Map<String, Value>) {
        merge_patch(&mut self.desired, patch);
        self.version += 1;
    }

    pub fn delta(&self) -> Map<String, Value> {
        delta(&self.desired, &self.reported)
    }

    /// The document published on `<id>/shadow/get/accepted/trim`:
    /// `{"desired":…,"reported":…[,"config":…]}`.
    ///
    /// NCS requires `desired`, and reads `reported` (for `control`) and
    /// `config` when present. Our trim model: `desired` without its `config`,
    /// `reported` reduced to its `control` section, and `config` lifted to
    /// the top level (desired config, else reported config).
    pub fn trimmed(&self) -> Value {
        let mut desired = self.desired.clone();
        let desired_config = desired.remove("config");
        let mut reported = Map::new();
        if let Some(control) = self.reported.get("control") {
            reported.insert("control".into(), control.clone());
        }
        let mut doc = Map::new();
        doc.insert("desired".into(), Value::Object(desired));
        doc.insert("reported".into(), Value::Object(reported));
        if let Some(config) = desired_config.or_else(|| self.reported.get("config").cloned()) {
            doc.insert("config".into(), config);
        }
        Value::Object(doc)
    }

    /// The document published on `<id>/shadow/update/delta/full`.
    pub fn delta_document(&self, timestamp: u64) -> Value {
        json!({
            "version": self.version,
            "timestamp": timestamp,
            "state": Value::Object(self.delta()),
        })
    }
}

fn apply_section(target: &mut Map<String, Value>, section: Option<&Value>) {
    match section {
        Some(Value::Object(patch)) => merge_patch(target, patch),
        Some(Value::Null) => target.clear(),
        _ => {}
    }
}

/// JSON merge patch (RFC 7386) on objects: `null` deletes, objects merge
/// recursively, anything else (arrays included) replaces.
pub fn merge_patch(target: &mut Map<String, Value>, patch: &Map<String, Value>) {
    for (key, value) in patch {
        match value {
            Value::Null => {
                target.remove(key);
            }
            Value::Object(sub_patch) => {
                let entry = target
                    .entry(key.clone())
                    .or_insert_with(|| Value::Object(Map::new()));
                if !entry.is_object() {
                    *entry = Value::Object(Map::new());
                }
                if let Value::Object(sub_target) = entry {
                    merge_patch(sub_target, sub_patch);
                }
            }
            other => {
                target.insert(key.clone(), other.clone());
            }
        }
    }
}

/// Keys of `desired` whose value differs from `reported`; nested objects are
/// compared key by key, other values (arrays included) as a whole.
pub fn delta(desired: &Map<String, Value>, reported: &Map<String, Value>) -> Map<String, Value> {
    let mut out = Map::new();
    for (key, want) in desired {
        match (want, reported.get(key)) {
            (Value::Object(want_obj), Some(Value::Object(have_obj))) => {
                let sub = delta(want_obj, have_obj);
                if !sub.is_empty() {
                    out.insert(key.clone(), Value::Object(sub));
                }
            }
            (_, Some(have)) if have == want => {}
            _ => {
                out.insert(key.clone(), want.clone());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn obj(v: Value) -> Map<String, Value> {
        match v {
            Value::Object(m) => m,
            _ => Map::new(),
        }
    }

    #[test]
    fn merge_patch_deletes_merges_and_replaces() {
        let mut t = obj(json!({"a":1,"b":{"c":2,"d":3},"e":[1,2]}));
        merge_patch(&mut t, &obj(json!({"a":null,"b":{"c":null,"x":9},"e":[3]})));
        assert_eq!(Value::Object(t), json!({"b":{"d":3,"x":9},"e":[3]}));
    }

    #[test]
    fn delta_is_recursive_and_only_desired_keys() {
        let d = obj(json!({"a":1,"b":{"c":2,"d":3},"e":[1],"f":"x"}));
        let r = obj(json!({"a":1,"b":{"c":2,"d":4},"e":[1,2],"z":0}));
        assert_eq!(
            Value::Object(delta(&d, &r)),
            json!({"b":{"d":3},"e":[1],"f":"x"})
        );
    }

    #[test]
    fn update_applies_both_sections_and_bumps_version() {
        let mut s = Shadow::new(obj(json!({"pairing":{"state":"not_associated"}})));
        s.apply_update(&json!({"state":{"reported":{"a":1},"desired":{"b":2}}}))
            .unwrap();
        assert_eq!(s.version, 2);
        assert_eq!(Value::Object(s.reported.clone()), json!({"a":1}));
        assert_eq!(
            Value::Object(s.desired.clone()),
            json!({"pairing":{"state":"not_associated"},"b":2})
        );
        s.apply_update(&json!({"state":{"desired":null}})).unwrap();
        assert!(s.desired.is_empty());
    }

    #[test]
    fn bad_updates_change_nothing() {
        let mut s = Shadow::new(Map::new());
        let before = s.clone();
        for doc in [
            json!({}),
            json!({"state":1}),
            json!({"state":{}}),
            json!({"state":{"reported":{"a":1},"desired":5}}),
        ] {
            assert!(s.apply_update(&doc).is_err(), "{doc}");
        }
        assert_eq!(s, before);
    }

    #[test]
    fn trimmed_document_shape() {
        let mut s = Shadow::new(obj(json!({"pairing":{"state":"not_associated"}})));
        assert_eq!(
            serde_json::to_string(&s.trimmed()).unwrap(),
            r#"{"desired":{"pairing":{"state":"not_associated"}},"reported":{}}"#
        );
        s.apply_update(
            &json!({"state":{"reported":{"control":{"logLvl":1},"device":{"x":1},"config":{"r":1}},
            "desired":{"config":{"d":1}}}}),
        )
        .unwrap();
        assert_eq!(
            serde_json::to_string(&s.trimmed()).unwrap(),
            r#"{"desired":{"pairing":{"state":"not_associated"}},"reported":{"control":{"logLvl":1}},"config":{"d":1}}"#
        );
    }

    #[test]
    fn delta_document_shape() {
        let mut s = Shadow::new(obj(json!({"x":1})));
        s.version = 7;
        assert_eq!(
            serde_json::to_string(&s.delta_document(1700000000)).unwrap(),
            r#"{"version":7,"timestamp":1700000000,"state":{"x":1}}"#
        );
    }
}
