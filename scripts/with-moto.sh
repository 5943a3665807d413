#!/usr/bin/env bash
# Usage: scripts/with-moto.sh <command...>
#
# Starts moto's S3-compatible server (from the venv scripts/setup.sh makes in target/moto-venv) on
# a free local port, points the blob store at it through DAFTAR_S3_ENDPOINT, runs the command, and
# always stops the server afterwards. Exits with the command's status. AWS region and credentials
# are set to dummies only when unset, so it nests with scripts/with-dynamodb-local.sh either way:
#   scripts/with-dynamodb-local.sh scripts/with-moto.sh cargo test --workspace
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command...>" >&2
  exit 2
fi

venv="$root/target/moto-venv"
if [ ! -x "$venv/bin/moto_server" ]; then
  echo "moto is not installed in $venv: run scripts/setup.sh first" >&2
  exit 1
fi

# Ask the OS for a free port (bind to 0), so parallel runs do not collide.
port="$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"

log="$(mktemp -t moto.XXXXXX.log)"
# Start it from a scratch folder so nothing it writes lands in the caller's tree.
workdir="$(mktemp -d -t moto.XXXXXX)"
(cd "$workdir" && exec "$venv/bin/moto_server" -H 127.0.0.1 -p "$port") >"$log" 2>&1 &
moto_pid=$!

stop_moto() {
  if kill -0 "$moto_pid" 2>/dev/null; then
    kill "$moto_pid" 2>/dev/null || true
    wait "$moto_pid" 2>/dev/null || true
  fi
  rm -rf "$log" "$workdir"
}
trap stop_moto EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Wait until it answers HTTP: moto's own health path returns 200 once it serves requests.
ready=0
for _ in $(seq 1 120); do
  if ! kill -0 "$moto_pid" 2>/dev/null; then
    echo "moto exited early:" >&2
    cat "$log" >&2
    exit 1
  fi
  if "$venv/bin/python" -c "import sys, urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/moto-api/', timeout=1); sys.exit(0)" 2>/dev/null; then
    ready=1
    break
  fi
  sleep 0.25
done
if [ "$ready" -ne 1 ]; then
  echo "moto did not answer on port $port within 30 s:" >&2
  cat "$log" >&2
  exit 1
fi

export DAFTAR_S3_ENDPOINT="http://127.0.0.1:$port"
export AWS_REGION="${AWS_REGION:-${AWS_DEFAULT_REGION:-us-east-1}}"
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-local}"
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-local}"
echo "moto (S3) on $DAFTAR_S3_ENDPOINT" >&2

status=0
"$@" || status=$?
exit "$status"
