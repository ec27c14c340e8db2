#!/usr/bin/env bash
# Build the wheel, install it into a fresh venv outside the source tree (runtime
# dependencies from the hashed lock file, as the bundle gets them; `pip check` proves they
# satisfy the wheel's own requirements) and run packaging/smoke.py against it from yet
# another folder.
#
#   packaging/wheel_smoke.sh [WORK_DIR]
#
# BUILD_PYTHON: a Python with hatchling to build the wheel without network (default:
# .venv/bin/python, the developer install); PYTHON: the interpreter of the new venv
# (default: python3). Leaves WORK_DIR/venv for packaging/build_bundle.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
started=$SECONDS
build_python="${BUILD_PYTHON:-$root/.venv/bin/python}"

fresh_work
mkdir -p "$work/wheel"
step "building the wheel"
"$build_python" -m pip wheel "${pip_quiet[@]}" --no-deps --no-build-isolation \
    -w "$work/wheel" "$root"
wheel=("$work"/wheel/ropa_desktop-*.whl)

step "installing it into a fresh venv in $work/venv (dependencies: ${lock#"$root"/})"
"$PYTHON" -m venv "$work/venv"
"$venv_bin/python" -m pip install "${pip_quiet[@]}" --require-hashes -r "$lock"
"$venv_bin/python" -m pip install "${pip_quiet[@]}" --no-deps "${wheel[0]}"
"$venv_bin/python" -m pip check
if [[ $platform == linux ]]; then
    "$venv_bin/python" "$root/packaging/notices.py" --check "$root/THIRD_PARTY_NOTICES.txt"
fi

step "smoke test of the installed wheel"
(cd "$work" && "$venv_bin/python" "$root/packaging/smoke.py" \
    --cli "$venv_bin/ropa-desktop$exe" --gui "$venv_bin/ropa-desktop-gui$exe")
step "wheel smoke test passed in $((SECONDS - started)) s ($(du -sh "$work/venv" | cut -f1) venv)"
