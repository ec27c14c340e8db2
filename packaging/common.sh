# Shared settings of packaging/wheel_smoke.sh and packaging/build_bundle.sh (sourced).
# The work folder must lie outside the source tree, so nothing there can be imported by
# accident: default $ROPA_PACKAGING_DIR, else ${TMPDIR:-/tmp}/ropa-packaging.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${1:-${ROPA_PACKAGING_DIR:-${TMPDIR:-/tmp}/ropa-packaging}}"
case "$(cd "$(dirname "$work")" && pwd)/$(basename "$work")/" in
    "$root"/*) echo "error: the packaging work folder $work lies inside the source tree" >&2
               exit 2 ;;
esac
# A work folder is only ever emptied when it is one of ours (it holds this marker).
marker=".ropa-packaging-work"
fresh_work() {
    if [[ -e "$work" && ! -e "$work/$marker" && -n "$(ls -A "$work" 2>/dev/null)" ]]; then
        echo "error: $work exists and is not a packaging work folder; choose another" >&2
        exit 2
    fi
    rm -rf "$work"
    mkdir -p "$work"
    touch "$work/$marker"
}
case "$(uname -s)" in
    MINGW* | MSYS* | CYGWIN*) platform=windows; venv_bin="$work/venv/Scripts"; exe=.exe ;;
    Darwin) platform=macos; venv_bin="$work/venv/bin"; exe= ;;
    *) platform=linux; venv_bin="$work/venv/bin"; exe= ;;
esac
# The lock files pin every runtime and build dependency with hashes (packaging/README.md).
lock="${ROPA_LOCK:-$root/packaging/requirements-$platform.txt}"
build_lock="${ROPA_BUILD_LOCK:-$root/packaging/requirements-build-$platform.txt}"
PYTHON="${PYTHON:-python3}"
pip_quiet=(--disable-pip-version-check --quiet)

step() { printf '==> %s\n' "$*"; }
