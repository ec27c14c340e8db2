#!/usr/bin/env bash
# Make sure the system packages the test suite needs are installed.
#
# Idempotent and quiet when everything is present. When something is missing:
#   - as root with apt-get: `apt-get update` once, then install the missing packages;
#   - otherwise: print what to install and exit non-zero.
#
# Needed always:
#   - PostgreSQL server binaries (initdb, pg_ctl) for the PostgreSQL half of the store tests
#     (not needed when ROPA_TEST_PG_URL points at an existing server, or ROPA_SKIP_POSTGRES=1);
#   - the shared libraries PySide6 loads even with QT_QPA_PLATFORM=offscreen, and those of
#     Qt's xcb platform plugin (a real Linux desktop; `make bundle` checks the bundle's
#     plugin finds them — the README's installation section lists the same packages);
#   - libreoffice-calc-nogui (soffice) and poppler-utils (pdftotext): the export tests open
#     the files we write with the tools a supervisory authority would use.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive

missing=()   # Debian package names to install
reasons=()   # human readable, one per missing package

need() {  # need PACKAGE REASON
    missing+=("$1")
    reasons+=("$1 ($2)")
}

# --- PostgreSQL server ----------------------------------------------------------------------
have_pg_server() {
    local dir
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        return 0
    fi
    for dir in /usr/lib/postgresql/*/bin; do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
            return 0
        fi
    done
    return 1
}

# --- shared libraries -----------------------------------------------------------------------
ldconfig_bin=""
for candidate in "$(command -v ldconfig 2>/dev/null || true)" /sbin/ldconfig /usr/sbin/ldconfig; do
    if [[ -n "$candidate" && -x "$candidate" ]]; then
        ldconfig_bin="$candidate"
        break
    fi
done
ld_cache=""
if [[ -n "$ldconfig_bin" ]]; then
    ld_cache="$("$ldconfig_bin" -p 2>/dev/null || true)"
fi

have_lib() {  # have_lib SONAME
    local soname="$1" dir
    if [[ -n "$ld_cache" ]] && grep -qF "$soname " <<<"$ld_cache"; then
        return 0
    fi
    for dir in /lib/*-linux-gnu /usr/lib/*-linux-gnu /lib64 /usr/lib64 /lib /usr/lib; do
        if [[ -e "$dir/$soname" ]]; then
            return 0
        fi
    done
    return 1
}

glib_package() {
    # Debian 13 renamed the package for the 64-bit time_t transition.
    if command -v apt-cache >/dev/null 2>&1 \
        && apt-cache show libglib2.0-0t64 >/dev/null 2>&1; then
        echo libglib2.0-0t64
    else
        echo libglib2.0-0
    fi
}

check() {
    missing=()
    reasons=()

    if [[ "${ROPA_SKIP_POSTGRES:-}" != "1" && -z "${ROPA_TEST_PG_URL:-}" ]] && ! have_pg_server; then
        need postgresql "initdb and pg_ctl for the throwaway test database server"
    fi

    have_lib libEGL.so.1 || need libegl1 "libEGL.so.1 for PySide6"
    have_lib libGL.so.1 || need libgl1 "libGL.so.1 for PySide6"
    have_lib libxkbcommon.so.0 || need libxkbcommon0 "libxkbcommon.so.0 for PySide6"
    have_lib libfontconfig.so.1 || need libfontconfig1 "libfontconfig.so.1 for PySide6"
    have_lib libdbus-1.so.3 || need libdbus-1-3 "libdbus-1.so.3 for PySide6"
    have_lib libglib-2.0.so.0 || need "$(glib_package)" "libglib-2.0.so.0 for PySide6"
    local lib package
    for lib in xcb-cursor.so.0:libxcb-cursor0 xcb-icccm.so.4:libxcb-icccm4 \
        xcb-keysyms.so.1:libxcb-keysyms1 xcb-image.so.0:libxcb-image0 \
        xcb-render-util.so.0:libxcb-render-util0 xcb-randr.so.0:libxcb-randr0 \
        xcb-shape.so.0:libxcb-shape0 xcb-xfixes.so.0:libxcb-xfixes0 xcb-xkb.so.1:libxcb-xkb1 \
        xcb-sync.so.1:libxcb-sync1 xcb-shm.so.0:libxcb-shm0 xcb-util.so.1:libxcb-util1 \
        xcb-glx.so.0:libxcb-glx0 xkbcommon-x11.so.0:libxkbcommon-x11-0 X11-xcb.so.1:libx11-xcb1
    do
        package="${lib#*:}"
        lib="lib${lib%%:*}"
        have_lib "$lib" || need "$package" "$lib for Qt's xcb platform plugin"
    done

    # The export tests open what we write with the tools the authority would use.
    command -v soffice >/dev/null 2>&1 \
        || need libreoffice-calc-nogui "soffice, to open exported spreadsheets"
    command -v pdftotext >/dev/null 2>&1 \
        || need poppler-utils "pdftotext, to read exported PDFs"
}

check
if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi

if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "ensure-system-deps: installing ${missing[*]}" >&2
    apt-get update -qq
    # glib_package may only resolve correctly after the update; re-evaluate.
    check
    if [[ ${#missing[@]} -gt 0 ]]; then
        # The tests start their own throwaway server: keep the postgresql package from
        # starting its system cluster (and other services) during this install.
        policy=/usr/sbin/policy-rc.d
        if [[ ! -e "$policy" ]]; then
            trap 'rm -f "$policy"' EXIT
            printf '#!/bin/sh\nexit 101\n' >"$policy"
            chmod 0755 "$policy"
        fi
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
        check
    fi
    if [[ ${#missing[@]} -eq 0 ]]; then
        echo "ensure-system-deps: done" >&2
        exit 0
    fi
    echo "ensure-system-deps: still missing after apt-get install:" >&2
    printf '  %s\n' "${reasons[@]}" >&2
    exit 1
fi

{
    echo "ensure-system-deps: missing system packages needed by the tests:"
    printf '  %s\n' "${reasons[@]}"
    if command -v apt-get >/dev/null 2>&1; then
        echo "Install them with:"
        echo "  sudo apt-get install --no-install-recommends ${missing[*]}"
    else
        echo "Install the equivalent packages with your system's package manager."
    fi
    if [[ " ${missing[*]} " == *" postgresql "* ]]; then
        echo "(Or set ROPA_TEST_PG_URL to an existing server, or ROPA_SKIP_POSTGRES=1 to skip those tests.)"
    fi
} >&2
exit 1
