#!/usr/bin/env bash
# Load test of the render service: bench/serve.sh [CLIENTS] [SECONDS]
# Starts presschart serve --api on a free port, then bench/load.go posts
# the story file (data.toml) from CLIENTS concurrent clients (default 6),
# asking for each of its seven figures' PNG in turn, in three rounds of
# SECONDS (default 8): requests per second, p50/p99 latency, and the
# service's resident and peak memory after each round, which stays flat
# under sustained load. Needs Go.
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-6}
secs=${2:-8}
work=$(mktemp -d)
go build -o "$work/presschart" .
"$work/presschart" serve --api --addr 127.0.0.1:0 2> "$work/log" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do grep -q http "$work/log" && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*/' "$work/log" | head -1)
echo "machine: $(nproc) vCPU, $(go version | cut -d' ' -f3); service $url"
go run bench/load.go -url "$url" -file data.toml -c "$clients" -d "${secs}s" -rounds 3 -pid "$pid"
