#!/usr/bin/env bash
# Builds Daftar (release WASM app and server) and runs it on http://127.0.0.1:3000 with the
# embedded store in ./data, seeded with the Haryana demo organisation.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. scripts/setup.sh
cargo leptos build --release
exec target/release/daftar serve --addr "${DAFTAR_ADDR:-127.0.0.1:3000}" --data "${DAFTAR_DATA:-./data}" --seed-demo --site target/site
