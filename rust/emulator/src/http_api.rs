// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 cloudwire contributors

//! HTTP/JSON control interface. Bodies are read as raw bytes (no
//! Content-Type needed) so a plain C test client can drive it.

use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch, post};
use axum::{Json, Router};
use base64::Engine;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::broker_link::{lock, Link};
use crate::cloud::{Captured, Cloud, CloudError, Outgoing};
use crate::log;

#[derive(Clone)]
pub struct AppState {
    pub cloud: Arc<Mutex<Cloud>>,
    pub link: Link,
}

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/health", get(health))
        .route("/devices", get(list_devices))
        .route("/devices/{id}/associate", post(associate))
        .route("/devices/{id}/disassociate", post(disassociate))
        .route("/devices/{id}/desired", patch(patch_desired))
        .route("/devices/{id}/c2d", post(c2d))
        .route("/devices/{id}/discon", post(discon))
        .route("/devices/{id}/fota-job", post(fota_job))
        .route("/devices/{id}/messages", get(messages))
        .route("/devices/{id}/shadow-updates", get(shadow_updates))
        .route("/devices/{id}/shadow", get(shadow))
        .route("/devices/{id}/reset", post(reset))
        .route("/publish", post(publish))
        .fallback(not_found)
        .with_state(state)
}

fn reply(status: StatusCode, body: Value) -> Response {
    (status, Json(body)).into_response()
}

fn error(status: StatusCode, why: &str) -> Response {
    reply(status, json!({"error": why}))
}

fn cloud_error(e: &CloudError) -> Response {
    let status = match e {
        CloudError::UnknownDevice => StatusCode::NOT_FOUND,
        CloudError::NotAssociated | CloudError::BadRequest(_) => StatusCode::BAD_REQUEST,
    };
    error(status, &e.to_string())
}

/// Payload as a JSON field: `"payload"` when it is UTF-8, else `"payload_b64"`.
fn payload_fields(obj: &mut serde_json::Map<String, Value>, payload: &[u8]) {
    match std::str::from_utf8(payload) {
        Ok(text) => {
            obj.insert("payload".into(), Value::String(text.to_string()));
        }
        Err(_) => {
            let b64 = base64::engine::general_purpose::STANDARD.encode(payload);
            obj.insert("payload_b64".into(), Value::String(b64));
        }
    }
    obj.insert("size".into(), json!(payload.len()));
}

/// Send what the cloud produced and describe it for the caller.
fn send_all(link: &Link, outgoing: &[Outgoing]) -> Value {
    let list: Vec<Value> = outgoing
        .iter()
        .map(|out| {
            let mut obj = serde_json::Map::new();
            obj.insert("topic".into(), json!(out.topic));
            obj.insert("qos".into(), json!(out.qos));
            payload_fields(&mut obj, &out.payload);
            obj.insert("queued".into(), json!(link.publish(out).is_ok()));
            Value::Object(obj)
        })
        .collect();
    Value::Array(list)
}

fn ok_with_published(link: &Link, id: &str, outgoing: &[Outgoing]) -> Response {
    reply(
        StatusCode::OK,
        json!({"ok": true, "device": id, "published": send_all(link, outgoing)}),
    )
}

fn parse_json(body: &[u8]) -> Result<Value, String> {
    serde_json::from_slice(body).map_err(|e| format!("invalid JSON body: {e}"))
}

async fn health(State(s): State<AppState>) -> Response {
    reply(
        StatusCode::OK,
        json!({"ok": true, "broker_connected": s.link.is_connected()}),
    )
}

async fn list_devices(State(s): State<AppState>) -> Response {
    let cloud = lock(&s.cloud);
    let devices: Vec<Value> = cloud
        .device_ids()
        .filter_map(|id| cloud.device(id).map(|d| (id, d)))
        .map(|(id, d)| {
            json!({
                "id": id,
                "associated": d.tenant.is_some(),
                "tenant": d.tenant,
                "version": d.shadow.version,
                "messages": d.messages.len(),
                "shadow_updates": d.shadow_updates.len(),
            })
        })
        .collect();
    reply(StatusCode::OK, json!({"devices": devices}))
}

async fn associate(State(s): State<AppState>, Path(id): Path<String>, body: Bytes) -> Response {
    let doc = match parse_json(&body) {
        Ok(doc) => doc,
        Err(why) => return error(StatusCode::BAD_REQUEST, &why),
    };
    let Some(tenant) = doc.get("tenant").and_then(Value::as_str) else {
        return error(
            StatusCode::BAD_REQUEST,
            "body must be {\"tenant\":\"<tenant id>\"}",
        );
    };
    let result = lock(&s.cloud).associate(&id, tenant, log::unix_now());
    match result {
        Ok(out) => ok_with_published(&s.link, &id, &out),
        Err(e) => cloud_error(&e),
    }
}

async fn disassociate(State(s): State<AppState>, Path(id): Path<String>) -> Response {
    let result = lock(&s.cloud).disassociate(&id, log::unix_now());
    match result {
        Ok(out) => ok_with_published(&s.link, &id, &out),
        Err(e) => cloud_error(&e),
    }
}

async fn patch_desired(State(s): State<AppState>, Path(id): Path<String>, body: Bytes) -> Response {
    let doc = match parse_json(&body) {
        Ok(doc) => doc,
        Err(why) => return error(StatusCode::BAD_REQUEST, &why),
    };
    let result = lock(&s.cloud).patch_desired(&id, &doc, log::unix_now());
    match result {
        Ok(out) => ok_with_published(&s.link, &id, &out),
        Err(e) => cloud_error(&e),
    }
}

#[derive(Deserialize)]
struct QosQuery {
    qos: Option<u8>,
}

fn check_qos(qos: Option<u8>) -> Result<u8, &'static str> {
    match qos.unwrap_or(1) {
        q @ (0 | 1) => Ok(q),
        _ => Err("qos must be 0 or 1"),
    }
}

async fn c2d(
    State(s): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<QosQuery>,
    body: Bytes,
) -> Response {
    let qos = match check_qos(q.qos) {
        Ok(qos) => qos,
        Err(why) => return error(StatusCode::BAD_REQUEST, why),
    };
    let result = lock(&s.cloud).c2d(&id, &body, qos);
    match result {
        Ok(out) => ok_with_published(&s.link, &id, &[out]),
        Err(e) => cloud_error(&e),
    }
}

async fn discon(State(s): State<AppState>, Path(id): Path<String>) -> Response {
    let result = lock(&s.cloud).discon(&id);
    match result {
        Ok(out) => ok_with_published(&s.link, &id, &[out]),
        Err(e) => cloud_error(&e),
    }
}

async fn fota_job(State(s): State<AppState>, Path(id): Path<String>, body: Bytes) -> Response {
    let result = lock(&s.cloud).fota_job(&id, &body);
    match result {
        Ok(out) => ok_with_published(&s.link, &id, &[out]),
        Err(e) => cloud_error(&e),
    }
}

#[derive(Deserialize)]
struct SinceQuery {
    since: Option<usize>,
    /// Wait up to this long (ms, at most 30000) for an item at `since`.
    wait_ms: Option<u64>,
}

const MAX_WAIT_MS: u64 = 30_000;
const POLL_INTERVAL: std::time::Duration = std::time::Duration::from_millis(10);

fn captured_json(c: &Captured) -> Value {
    let mut obj = serde_json::Map::new();
    obj.insert("index".into(), json!(c.index));
    obj.insert("seq".into(), json!(c.seq));
    obj.insert("topic".into(), json!(c.topic));
    obj.insert("qos".into(), json!(c.qos));
    if let Some(kind) = c.kind {
        obj.insert("kind".into(), json!(kind));
    }
    payload_fields(&mut obj, &c.payload);
    obj.insert("received_ms".into(), json!(c.received_ms));
    Value::Object(obj)
}

/// Which captured list of a device.
#[derive(Clone, Copy)]
enum List {
    Messages,
    ShadowUpdates,
}

impl List {
    fn field(self) -> &'static str {
        match self {
            List::Messages => "messages",
            List::ShadowUpdates => "shadow_updates",
        }
    }
}

/// `(next, items from since)` of one list; an unknown device has none.
fn snapshot(cloud: &Mutex<Cloud>, id: &str, which: List, since: usize) -> (usize, Vec<Value>) {
    let cloud = lock(cloud);
    let list = cloud
        .device(id)
        .map(|d| match which {
            List::Messages => d.messages.as_slice(),
            List::ShadowUpdates => d.shadow_updates.as_slice(),
        })
        .unwrap_or(&[]);
    let items = list.iter().skip(since).map(captured_json).collect();
    (list.len(), items)
}

async fn captured(s: &AppState, id: &str, which: List, q: &SinceQuery) -> Response {
    let since = q.since.unwrap_or(0);
    let wait = std::time::Duration::from_millis(q.wait_ms.unwrap_or(0).min(MAX_WAIT_MS));
    let deadline = tokio::time::Instant::now() + wait;
    let (next, items) = loop {
        let (next, items) = snapshot(&s.cloud, id, which, since);
        if !items.is_empty() || tokio::time::Instant::now() >= deadline {
            break (next, items);
        }
        tokio::time::sleep(POLL_INTERVAL).await;
    };
    reply(
        StatusCode::OK,
        json!({"device": id, "next": next, which.field(): items}),
    )
}

async fn messages(
    State(s): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<SinceQuery>,
) -> Response {
    captured(&s, &id, List::Messages, &q).await
}

async fn shadow_updates(
    State(s): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<SinceQuery>,
) -> Response {
    captured(&s, &id, List::ShadowUpdates, &q).await
}

async fn shadow(State(s): State<AppState>, Path(id): Path<String>) -> Response {
    let cloud = lock(&s.cloud);
    let Some(d) = cloud.device(&id) else {
        return cloud_error(&CloudError::UnknownDevice);
    };
    reply(
        StatusCode::OK,
        json!({
            "device": id,
            "associated": d.tenant.is_some(),
            "tenant": d.tenant,
            "version": d.shadow.version,
            "desired": Value::Object(d.shadow.desired.clone()),
            "reported": Value::Object(d.shadow.reported.clone()),
            "delta": Value::Object(d.shadow.delta()),
            "trimmed": d.shadow.trimmed(),
        }),
    )
}

async fn reset(State(s): State<AppState>, Path(id): Path<String>) -> Response {
    let known = lock(&s.cloud).reset(&id);
    reply(
        StatusCode::OK,
        json!({"ok": true, "device": id, "was_known": known}),
    )
}

async fn publish(State(s): State<AppState>, body: Bytes) -> Response {
    let doc = match parse_json(&body) {
        Ok(doc) => doc,
        Err(why) => return error(StatusCode::BAD_REQUEST, &why),
    };
    let Some(topic) = doc.get("topic").and_then(Value::as_str) else {
        return error(StatusCode::BAD_REQUEST, "\"topic\" (string) is required");
    };
    if topic.is_empty() || topic.contains(['+', '#']) {
        return error(
            StatusCode::BAD_REQUEST,
            "\"topic\" must be a non-empty topic name without wildcards",
        );
    }
    let payload = match (doc.get("payload"), doc.get("payload_b64")) {
        (Some(Value::String(text)), None) => text.as_bytes().to_vec(),
        (None, Some(Value::String(b64))) => {
            match base64::engine::general_purpose::STANDARD.decode(b64) {
                Ok(bytes) => bytes,
                Err(e) => return error(StatusCode::BAD_REQUEST, &format!("bad payload_b64: {e}")),
            }
        }
        (None, None) => Vec::new(),
        _ => {
            return error(
                StatusCode::BAD_REQUEST,
                "give at most one of \"payload\" (string) and \"payload_b64\" (string)",
            )
        }
    };
    let qos = match doc.get("qos") {
        None => 1,
        Some(v) => match v.as_u64() {
            Some(q @ (0 | 1)) => u8::try_from(q).unwrap_or(1),
            _ => return error(StatusCode::BAD_REQUEST, "qos must be 0 or 1"),
        },
    };
    let retain = doc.get("retain").and_then(Value::as_bool).unwrap_or(false);
    log!(
        "raw publish -> {topic} (qos {qos}) {}",
        log::preview(&payload)
    );
    let size = payload.len();
    match s.link.publish_raw(topic, payload, qos, retain) {
        Ok(()) => reply(
            StatusCode::OK,
            json!({"ok": true, "topic": topic, "qos": qos, "size": size}),
        ),
        Err(e) => error(
            StatusCode::SERVICE_UNAVAILABLE,
            &format!("cannot queue publish: {e}"),
        ),
    }
}

async fn not_found() -> Response {
    error(StatusCode::NOT_FOUND, "no such endpoint")
}
