# Copyright (c) 2026 cloudwire contributors
# SPDX-License-Identifier: Apache-2.0
#
# Builds the cloudwire Rust staticlib (rust/capi, crate "cloudwire") with cargo
# for the CPU of the Zephyr build, and exposes it as an IMPORTED library.
#
# Inputs:
#   CLOUDWIRE_CARGO  (CMake variable or environment) cargo binary to use;
#                    default: "cargo" from PATH. The rustc next to it is used
#                    unless RUSTC is set in the environment.
#   CONFIG_CLOUDWIRE_RUST_TARGET  overrides the target triple.
#
# When the toolchain has no precompiled `core` for the target, the build uses
# -Zbuild-std=core (with RUSTC_BOOTSTRAP=1), which needs the Rust library
# source in the toolchain (rustup's rust-src component, or Debian's
# rust-web-src / rust-src package). No network access is needed for that.

# The Rust target triple for the CPU this image is built for.
function(cloudwire_rust_target out_var)
  if(NOT "${CONFIG_CLOUDWIRE_RUST_TARGET}" STREQUAL "")
    set(triple "${CONFIG_CLOUDWIRE_RUST_TARGET}")
  elseif(CONFIG_ARCH_POSIX)
    # native_sim: the image is a Linux program of the host's architecture.
    string(TOLOWER "${CMAKE_HOST_SYSTEM_PROCESSOR}" host_cpu)
    if(host_cpu MATCHES "^(aarch64|arm64)$")
      if(NOT CONFIG_64BIT)
        message(FATAL_ERROR "cloudwire: 32-bit native_sim on an ${host_cpu} host: "
                "set CONFIG_CLOUDWIRE_RUST_TARGET")
      endif()
      set(triple aarch64-unknown-linux-gnu)
    elseif(CONFIG_64BIT)
      set(triple x86_64-unknown-linux-gnu)
    else()
      set(triple i686-unknown-linux-gnu)
    endif()
  elseif(CONFIG_CPU_CORTEX_M33 OR CONFIG_CPU_CORTEX_M55 OR CONFIG_CPU_CORTEX_M85
         OR CONFIG_ARMV8_M_MAINLINE)
    # The hard-float ABI passes floats in FPU registers; with the soft or
    # softfp ABI the plain eabi target is link-compatible.
    if(CONFIG_FP_HARDABI)
      set(triple thumbv8m.main-none-eabihf)
    else()
      set(triple thumbv8m.main-none-eabi)
    endif()
  elseif(CONFIG_CPU_CORTEX_M23 OR CONFIG_ARMV8_M_BASELINE)
    set(triple thumbv8m.base-none-eabi)
  elseif(CONFIG_CPU_CORTEX_M4 OR CONFIG_CPU_CORTEX_M7)
    if(CONFIG_FP_HARDABI)
      set(triple thumbv7em-none-eabihf)
    else()
      set(triple thumbv7em-none-eabi)
    endif()
  elseif(CONFIG_CPU_CORTEX_M3)
    set(triple thumbv7m-none-eabi)
  elseif(CONFIG_CPU_CORTEX_M0 OR CONFIG_CPU_CORTEX_M0PLUS OR CONFIG_CPU_CORTEX_M1)
    set(triple thumbv6m-none-eabi)
  else()
    message(FATAL_ERROR "cloudwire: no Rust target known for this CPU; "
            "set CONFIG_CLOUDWIRE_RUST_TARGET to a target triple")
  endif()
  set(${out_var} ${triple} PARENT_SCOPE)
endfunction()

# Finds cargo and the rustc that goes with it.
function(cloudwire_rust_toolchain cargo_var rustc_var)
  if(NOT DEFINED CLOUDWIRE_CARGO AND DEFINED ENV{CLOUDWIRE_CARGO})
    set(CLOUDWIRE_CARGO "$ENV{CLOUDWIRE_CARGO}")
  endif()
  if(NOT DEFINED CLOUDWIRE_CARGO OR "${CLOUDWIRE_CARGO}" STREQUAL "")
    find_program(CLOUDWIRE_CARGO_FOUND cargo)
    if(NOT CLOUDWIRE_CARGO_FOUND)
      message(FATAL_ERROR "cloudwire: cargo not found; install Rust or set CLOUDWIRE_CARGO")
    endif()
    set(CLOUDWIRE_CARGO "${CLOUDWIRE_CARGO_FOUND}")
  endif()
  set(CLOUDWIRE_CARGO "${CLOUDWIRE_CARGO}" CACHE FILEPATH "cargo used to build cloudwire's Rust library")

  # cargo runs whatever `rustc` is first in PATH unless told otherwise; pin
  # the one installed beside the chosen cargo so the pair matches.
  if(DEFINED ENV{RUSTC})
    set(rustc "$ENV{RUSTC}")
  else()
    get_filename_component(cargo_dir "${CLOUDWIRE_CARGO}" DIRECTORY)
    if(EXISTS "${cargo_dir}/rustc")
      set(rustc "${cargo_dir}/rustc")
    else()
      find_program(CLOUDWIRE_RUSTC_FOUND rustc REQUIRED)
      set(rustc "${CLOUDWIRE_RUSTC_FOUND}")
    endif()
  endif()
  set(${cargo_var} "${CLOUDWIRE_CARGO}" PARENT_SCOPE)
  set(${rustc_var} "${rustc}" PARENT_SCOPE)
endfunction()

# True when the toolchain ships a precompiled `core` for the triple.
function(cloudwire_rust_has_core rustc triple out_var)
  execute_process(COMMAND "${rustc}" --print sysroot
                  OUTPUT_VARIABLE sysroot OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE res)
  if(NOT res EQUAL 0)
    message(FATAL_ERROR "cloudwire: `${rustc} --print sysroot` failed")
  endif()
  file(GLOB core_rlib "${sysroot}/lib/rustlib/${triple}/lib/libcore-*.rlib")
  if(core_rlib)
    set(${out_var} TRUE PARENT_SCOPE)
    return()
  endif()
  if(NOT EXISTS "${sysroot}/lib/rustlib/src/rust/library/core")
    message(FATAL_ERROR "cloudwire: the Rust toolchain of ${rustc} has neither `core` for "
            "${triple} nor the library source to build it. Install one of them "
            "(rustup: `rustup target add ${triple}` or `rustup component add rust-src`; "
            "Debian: the rust-src package), or point CLOUDWIRE_CARGO at a cargo whose "
            "toolchain has it.")
  endif()
  set(${out_var} FALSE PARENT_SCOPE)
endfunction()

# cloudwire_rust_library(<name> MANIFEST <Cargo.toml> PACKAGE <pkg> LIB <libname>
#                        [FEATURES <feature>...])
# Defines the IMPORTED static library <name>, built by cargo on every build
# (cargo itself decides what is out of date; the archive is only rewritten
# when something changed, so nothing relinks needlessly).
function(cloudwire_rust_library name)
  cmake_parse_arguments(arg "" "MANIFEST;PACKAGE;LIB" "FEATURES" ${ARGN})

  cloudwire_rust_target(triple)
  cloudwire_rust_toolchain(cargo rustc)
  cloudwire_rust_has_core("${rustc}" "${triple}" has_core)

  set(target_dir "${CMAKE_BINARY_DIR}/cloudwire/cargo")
  set(archive "${target_dir}/${triple}/release/lib${arg_LIB}.a")

  set(env "CARGO_TARGET_DIR=${target_dir}" "RUSTC=${rustc}")
  set(build_std)
  if(NOT has_core)
    # Debian's rustc and rustup toolchains both accept build-std with
    # RUSTC_BOOTSTRAP; it needs the library source, not the network.
    list(APPEND env RUSTC_BOOTSTRAP=1)
    set(build_std -Zbuild-std=core)
    # Building core ourselves also lets panics abort in place: no panic
    # location strings and no core::fmt end up in flash.
    list(APPEND env "RUSTFLAGS=-Zunstable-options -Cpanic=immediate-abort")
  endif()

  string(REPLACE ";" "," features "${arg_FEATURES}")

  if(build_std)
    set(how "${build_std}")
  else()
    set(how "precompiled core")
  endif()
  message(STATUS "cloudwire: Rust target ${triple}, ${how} (cargo ${cargo}, rustc ${rustc})")

  add_custom_target(${name}_cargo
    COMMAND ${CMAKE_COMMAND} -E env ${env}
            "${cargo}" rustc
            --manifest-path "${arg_MANIFEST}"
            --package ${arg_PACKAGE}
            --lib
            --release
            --target ${triple}
            --no-default-features
            --features "${features}"
            ${build_std}
            # The crate is also an rlib (the host port links it); asking for
            # the staticlib alone is what lets cargo apply LTO.
            --crate-type staticlib
    BYPRODUCTS "${archive}"
    WORKING_DIRECTORY "${CMAKE_BINARY_DIR}"
    COMMENT "cargo: building ${arg_PACKAGE} for ${triple}"
    USES_TERMINAL
    VERBATIM
  )

  add_library(${name} STATIC IMPORTED GLOBAL)
  set_target_properties(${name} PROPERTIES IMPORTED_LOCATION "${archive}")
  add_dependencies(${name} ${name}_cargo)

  set(CLOUDWIRE_RUST_TRIPLE ${triple} PARENT_SCOPE)
endfunction()
