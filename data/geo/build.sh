#!/usr/bin/env bash
# Reproduces data/geo/counties-10m.json from the npm registry package
# us-atlas@3.0.1 (copied unchanged) and checks its SHA-256.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent us-atlas@3.0.1 >/dev/null && tar xzf us-atlas-3.0.1.tgz)
cp "$work/package/counties-10m.json" "$here/counties-10m.json"
echo "145aaf5d1433352a6a1d8e86b5f149c7c653f9171baf14aaf75ee66575def1b0  $here/counties-10m.json" | sha256sum -c -
