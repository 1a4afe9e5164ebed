// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Sends the application asks for. Encoded payloads go into the caller's
//! scratch buffer; one that does not fit returns `Error::NoMem` (NCS's
//! code for a failed encode) and nothing is sent.

use crate::api::{DeviceStatus, Error, Io, Qos, TopicType};
use crate::codec::{encode_device_status, encode_sensor, encode_transform_request, sensor_app_id};
use crate::core::{msg_id, Core};
use crate::shadow::c_str;
use crate::state::State;
use crate::storage::Part;
use crate::topics::{BIN, BULK, GET_TF, SHADOW_UPDATE};

fn low16(v: u32) -> u16 {
    let [a, b, ..] = v.to_le_bytes();
    u16::from_le_bytes([a, b])
}

impl Core {
    fn need_dc(&self) -> Result<(), Error> {
        if self.state == State::DcConnected {
            Ok(())
        } else {
            Err(Error::Access)
        }
    }

    /// `nrf_cloud_sensor_data_send`: QoS 1 to d2c; msg ID = `tag` if it is a
    /// user tag (>= 10000), else the next automatic ID. `data` is a string
    /// (up to its first NUL). `Access` unless DcConnected, `Invalid` for an
    /// unknown sensor type.
    pub fn sensor_data_send(
        &mut self,
        io: &mut impl Io,
        buf: &mut [u8],
        sensor: u32,
        data: &[u8],
        tag: u16,
        ts_ms: i64,
    ) -> Result<(), Error> {
        self.sensor(io, buf, sensor, data, Some(tag), ts_ms)
    }

    /// `nrf_cloud_sensor_data_stream`: as [`Core::sensor_data_send`] at
    /// QoS 0 (msg ID 0, no tag).
    pub fn sensor_data_stream(
        &mut self,
        io: &mut impl Io,
        buf: &mut [u8],
        sensor: u32,
        data: &[u8],
        ts_ms: i64,
    ) -> Result<(), Error> {
        self.sensor(io, buf, sensor, data, None, ts_ms)
    }

    fn sensor(
        &mut self,
        io: &mut dyn Io,
        buf: &mut [u8],
        sensor: u32,
        data: &[u8],
        tag: Option<u16>,
        ts_ms: i64,
    ) -> Result<(), Error> {
        self.need_dc()?;
        let app = sensor_app_id(sensor).ok_or(Error::Invalid)?;
        let payload = encode_sensor(buf, app, c_str(data), ts_ms).map_err(|_| Error::NoMem)?;
        let (qos, id) = match tag {
            Some(t) if t >= msg_id::USER_TAG_BEGIN => (Qos::AtLeastOnce, t),
            Some(_) => (Qos::AtLeastOnce, self.next_id()),
            None => (Qos::AtMostOnce, 0),
        };
        io.publish(self.names.get(Part::D2c), payload, qos, id)
    }

    /// `nrf_cloud_send` with pre-encoded `data` (`capi` encodes objects).
    /// STATE (and STATE_TF with shadow transforms) need CcConnected or
    /// later and always use QoS 1; every other type needs DcConnected
    /// (`Access`). MESSAGE takes QoS 0 or 1, BULK and BIN go to d2c/bulk and
    /// d2c/bin with the given QoS; another QoS is `Invalid`. Msg ID = `id`
    /// (low 16 bits) or, when 0, the next automatic ID. An unknown type is
    /// `NoData`.
    pub fn send(
        &mut self,
        io: &mut impl Io,
        topic_type: u32,
        data: &[u8],
        qos: u32,
        id: u32,
    ) -> Result<(), Error> {
        self.send_dyn(io, topic_type, data, qos, id)
    }

    fn send_dyn(
        &mut self,
        io: &mut dyn Io,
        topic_type: u32,
        data: &[u8],
        qos: u32,
        id: u32,
    ) -> Result<(), Error> {
        let tf = self.settings.shadow_transforms && topic_type == TopicType::StateTf as u32;
        let shadow = tf || topic_type == TopicType::State as u32;
        if shadow {
            if self.state < State::CcConnected {
                return Err(Error::Access);
            }
        } else {
            self.need_dc()?;
        }
        let requested = low16(id);
        if shadow {
            let msg = self.id_or_next(requested);
            return self.publish_own(io, if tf { GET_TF } else { SHADOW_UPDATE }, data, msg);
        }
        let suffix: &[u8] = if topic_type == TopicType::Message as u32 {
            &[]
        } else if topic_type == TopicType::Bulk as u32 {
            BULK
        } else if topic_type == TopicType::Bin as u32 {
            BIN
        } else {
            return Err(Error::NoData);
        };
        let (qos, msg) = match qos {
            0 => (Qos::AtMostOnce, 0),
            1 => (Qos::AtLeastOnce, self.id_or_next(requested)),
            _ => return Err(Error::Invalid),
        };
        io.publish(self.names.d2c_with(suffix), data, qos, msg)
    }

    /// `nrf_cloud_shadow_device_status_update`: QoS 1 to the shadow update
    /// topic with the next automatic ID. `Access` unless DcConnected.
    pub fn shadow_device_status_update(
        &mut self,
        io: &mut impl Io,
        buf: &mut [u8],
        st: &DeviceStatus<'_>,
    ) -> Result<(), Error> {
        self.need_dc()?;
        let payload = encode_device_status(buf, st, self.settings.connection_method)
            .map_err(|_| Error::NoMem)?;
        let msg = self.next_id();
        self.publish_own(io, SHADOW_UPDATE, payload, msg)
    }

    /// `nrf_cloud_shadow_transform_request`: `{"t":..[,"l":..]}` to
    /// `<id>/shadow/get/tf`. `NotSupported` without shadow transforms,
    /// `Access` before CcConnected.
    pub fn shadow_transform_request(
        &mut self,
        io: &mut impl Io,
        buf: &mut [u8],
        expr: &[u8],
        max_len: usize,
    ) -> Result<(), Error> {
        if !self.settings.shadow_transforms {
            return Err(Error::NotSupported);
        }
        if self.state < State::CcConnected {
            return Err(Error::Access);
        }
        let payload =
            encode_transform_request(buf, c_str(expr), max_len).map_err(|_| Error::NoMem)?;
        let msg = self.next_id();
        self.publish_own(io, GET_TF, payload, msg)
    }
}
