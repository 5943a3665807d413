#!/usr/bin/env bash
# Runs every test: formatting and lints, unit tests, store contract tests and API tests on both
# backends (DynamoDB Local started here and stopped afterwards), API scenarios against a running
# `daftar serve`, and the browser journeys in headless Debian Chromium.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. scripts/setup.sh
started=$SECONDS
say() { printf '\n== %s (%ds)\n' "$*" "$((SECONDS - started))"; }

say "format and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --all-features -- -D warnings
cargo clippy -p daftar-app --target wasm32-unknown-unknown -- -D warnings

say "release build (WASM app + server)"
cargo leptos build --release
wasm="target/site/pkg/daftar.wasm"
printf 'WASM size: %s bytes raw, %s bytes gzip\n' "$(stat -c %s "$wasm")" "$(gzip -9 -c "$wasm" | wc -c)"

say "unit, contract, API and scenario tests on the embedded store and DynamoDB Local"
scripts/with-dynamodb-local.sh scripts/with-moto.sh cargo test --workspace --all-features

say "browser journeys (Playwright, Debian Chromium; the e-File ones on DynamoDB Local too)"
scripts/with-dynamodb-local.sh bash -c 'cd tests && npx playwright test'

say "all tests passed"
