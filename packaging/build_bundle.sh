#!/usr/bin/env bash
# Freeze the installed wheel into the one-folder bundle dist/ropa-desktop (PyInstaller,
# packaging/ropa-desktop.spec) and run packaging/smoke.py against its two programs.
#
#   packaging/build_bundle.sh [WORK_DIR] [--zip]
#
# Uses WORK_DIR/venv from packaging/wheel_smoke.sh (runs it first when missing) and adds
# the build tools from the hashed build lock. --zip also writes dist/ropa-desktop-<version>-
# <platform>.zip (the portable download). Prints build time and sizes.
set -euo pipefail
zip=no
args=()
for arg in "$@"; do
    if [[ $arg == --zip ]]; then zip=yes; else args+=("$arg"); fi
done
set -- "${args[@]}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
started=$SECONDS
if [[ ! -x "$venv_bin/python$exe" && ! -x "$venv_bin/python" ]]; then
    bash "$root/packaging/wheel_smoke.sh" "$work"
fi

step "installing the build tools (${build_lock#"$root"/})"
"$venv_bin/python" -m pip install "${pip_quiet[@]}" --require-hashes -r "$build_lock"

bundle="$root/dist/ropa-desktop"
rm -rf "$bundle"
step "freezing with PyInstaller"
frozen=$SECONDS
(cd "$work" && "$venv_bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$root/dist" --workpath "$work/pyinstaller" "$root/packaging/ropa-desktop.spec")
build_seconds=$((SECONDS - frozen))
cp "$root/LICENSE" "$bundle/LICENSE.txt"
"$venv_bin/python" "$root/packaging/notices.py" --bundle --out "$bundle/THIRD_PARTY_NOTICES.txt"

if [[ $platform == linux ]]; then
    # The smoke test runs offscreen; a desktop start loads the xcb plugin, whose system
    # libraries the README lists (scripts/ensure-system-deps.sh installs them).
    xcb="$bundle/_internal/PySide6/Qt/plugins/platforms/libqxcb.so"
    missing="$(ldd "$xcb" | awk '/not found/ {print $1}' | sort -u | tr '\n' ' ')"
    if [[ -n $missing ]]; then
        echo "error: the Qt xcb plugin of the bundle cannot load; missing: $missing" >&2
        echo "       (README, Installation: the Qt system libraries)" >&2
        exit 1
    fi
fi

step "smoke test of the bundle"
(cd "$work" && "$venv_bin/python" "$root/packaging/smoke.py" \
    --cli "$bundle/ropa-desktop-cli$exe" --gui "$bundle/ropa-desktop$exe")

if [[ $zip == yes ]]; then
    version="$("$bundle/ropa-desktop-cli$exe" --version | awk '{print $2}')"
    archive="$root/dist/ropa-desktop-$version-$platform.zip"
    rm -f "$archive"
    (cd "$root/dist" && "$venv_bin/python" -m zipfile -c "$archive" ropa-desktop)
    step "portable archive $archive ($(du -h "$archive" | cut -f1))"
fi
step "bundle built in ${build_seconds} s, smoke-tested; $(du -sh "$bundle" | cut -f1) unpacked;" \
    "total $((SECONDS - started)) s"
