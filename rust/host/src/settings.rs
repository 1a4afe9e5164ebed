// Copyright (c) 2026 cloudwire contributors
// SPDX-License-Identifier: Apache-2.0

//! Zephyr-style settings as files: key "nrf_cloud/p_sesh" is the file
//! `<CLOUDWIRE_SETTINGS_DIR>/nrf_cloud/p_sesh` (default dir `./settings`).

use crate::errno::Errno;
use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The settings directory from the environment.
pub fn settings_dir() -> PathBuf {
    std::env::var_os("CLOUDWIRE_SETTINGS_DIR")
        .filter(|d| !d.is_empty())
        .map_or_else(|| PathBuf::from("settings"), PathBuf::from)
}

/// The file for `key`. Keys are '/'-separated names; empty parts, "." and
/// ".." are refused so a key cannot leave the directory.
pub fn key_path(dir: &Path, key: &str) -> Result<PathBuf, Errno> {
    if key.is_empty()
        || key
            .split('/')
            .any(|part| part.is_empty() || part == "." || part == "..")
    {
        return Err(Errno::EINVAL);
    }
    let relative = Path::new(key);
    if !relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
    {
        return Err(Errno::EINVAL);
    }
    Ok(dir.join(relative))
}

/// Reads `key` into `buf`: the stored length, -ENOENT when not stored, and
/// -EMSGSIZE when the value does not fit (nothing is copied then).
pub fn load(dir: &Path, key: &str, buf: &mut [u8]) -> Result<usize, Errno> {
    let path = key_path(dir, key)?;
    let value = fs::read(&path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => Errno::ENOENT,
        _ => Errno::from_io(&e),
    })?;
    let dst = buf.get_mut(..value.len()).ok_or(Errno::EMSGSIZE)?;
    dst.copy_from_slice(&value);
    Ok(value.len())
}

/// Stores `value` under `key` atomically (temporary file, then rename). An
/// empty value deletes the key, as Zephyr's settings_delete() does.
pub fn save(dir: &Path, key: &str, value: &[u8]) -> Result<(), Errno> {
    let path = key_path(dir, key)?;
    if value.is_empty() {
        return match fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(Errno::from_io(&e)),
        };
    }
    let parent = path.parent().ok_or(Errno::EINVAL)?;
    fs::create_dir_all(parent).map_err(|e| Errno::from_io(&e))?;
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = path.file_name().ok_or(Errno::EINVAL)?.to_string_lossy();
    let temp = parent.join(format!(
        ".{name}.tmp-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let written = fs::File::create(&temp).and_then(|mut f| {
        f.write_all(value)?;
        f.sync_all()
    });
    let result = written.and_then(|()| fs::rename(&temp, &path));
    if let Err(e) = result {
        let _ = fs::remove_file(&temp);
        return Err(Errno::from_io(&e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir() -> tempfile::TempDir {
        tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
    }

    #[test]
    fn round_trip_with_subdirectories() {
        let dir = temp_dir();
        let mut buf = [0u8; 8];
        assert_eq!(
            load(dir.path(), "nrf_cloud/p_sesh", &mut buf),
            Err(Errno::ENOENT)
        );
        assert_eq!(
            save(dir.path(), "nrf_cloud/p_sesh", &1i32.to_ne_bytes()),
            Ok(())
        );
        assert!(dir.path().join("nrf_cloud").join("p_sesh").is_file());
        assert_eq!(load(dir.path(), "nrf_cloud/p_sesh", &mut buf), Ok(4));
        assert_eq!(buf.get(..4), Some(&1i32.to_ne_bytes()[..]));
        assert_eq!(
            save(dir.path(), "nrf_cloud/p_sesh", &0i32.to_ne_bytes()),
            Ok(())
        );
        assert_eq!(load(dir.path(), "nrf_cloud/p_sesh", &mut buf), Ok(4));
        assert_eq!(buf.get(..4), Some(&0i32.to_ne_bytes()[..]));
        // No temporary files are left behind.
        let names: Vec<_> = fs::read_dir(dir.path().join("nrf_cloud"))
            .map(|rd| rd.filter_map(Result::ok).map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert_eq!(names, vec![std::ffi::OsString::from("p_sesh")]);
    }

    #[test]
    fn too_small_buffer_and_delete() {
        let dir = temp_dir();
        assert_eq!(save(dir.path(), "a", b"hello"), Ok(()));
        let mut small = [0u8; 4];
        assert_eq!(load(dir.path(), "a", &mut small), Err(Errno::EMSGSIZE));
        assert_eq!(save(dir.path(), "a", b""), Ok(()));
        assert_eq!(load(dir.path(), "a", &mut small), Err(Errno::ENOENT));
        assert_eq!(save(dir.path(), "a", b""), Ok(()));
    }

    #[test]
    fn keys_stay_inside_the_directory() {
        let dir = Path::new("/base");
        for bad in ["", "/etc/passwd", "a/../b", "../x", "a//b", "a/", "./a"] {
            assert_eq!(key_path(dir, bad), Err(Errno::EINVAL), "{bad:?}");
        }
        assert_eq!(
            key_path(dir, "nrf_cloud/p_sesh"),
            Ok(PathBuf::from("/base/nrf_cloud/p_sesh"))
        );
    }
}
