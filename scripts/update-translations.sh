#!/usr/bin/env bash
# Refresh the Qt Linguist source of the German translation from the code, then compile it.
#   scripts/update-translations.sh          lupdate + lrelease
# Edit resources/translations/ropa_de.ts (Qt Linguist or a text editor) between the steps.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
mapfile -t SOURCES < <(find ropa_desktop/ui -name '*.py' | sort)
"$BIN/pyside6-lupdate" -no-obsolete -locations none "${SOURCES[@]}" \
    -ts resources/translations/ropa_de.ts
"$BIN/pyside6-lrelease" resources/translations/ropa_de.ts \
    -qm resources/translations/ropa_de.qm
