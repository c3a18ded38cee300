#!/usr/bin/env bash
# Starts the built server on a fresh embedded database, checks /healthz and the admin app, stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d); chmod 755 "$dir"
port=${SMOKE_PORT:-3917}
log="$dir/server.log"
unset DATABASE_URL
MAILYARD_DATA_DIR="$dir/data" PORT=$port node apps/server/dist/main.js >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "http://127.0.0.1:$port/healthz"; echo
curl -fsS "http://127.0.0.1:$port/admin/" | grep -q '<div id="root"' || { echo "admin app not served"; cat "$log"; exit 1; }
grep -q 'Generated password' "$log" || { echo "first operator not announced"; cat "$log"; exit 1; }
kill -TERM $pid; wait $pid || true
grep -q 'shutting down' "$log"
echo "smoke ok"
