#!/usr/bin/env bash
# The resource test: peak memory and time of the whole presschart process
# on inputs at every limit README gives (rows per type with 1,000-
# character labels, a noisy 10,000-point line, 1,000-figure batches of
# 10,000 rows from one CSV file and from 1,000 files, long labels, a
# 16 MiB TOML file, one font named 20 ways). Prints one line per case:
#   bench/limits.sh
# Needs Go, GNU time, and about 400 MB of disk for the inputs. The target
# for every batch: under 512 MiB peak.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
go build -o "$work/presschart" .
[ -x /usr/bin/time ] || { echo "limits: needs GNU time (apt-get install time)"; exit 2; }
mkdir -p "$work/in"
go run bench/limits.go -dir "$work/in"
cp charts/testdata/fonts/Roboto-Regular.ttf "$work/in/fonts/House.ttf"
echo "machine: $(nproc) cores, $(go version | cut -d' ' -f3)"
printf '%-26s %8s %10s %6s\n' case wall "peak RSS" exit
for t in rows noise batch-one-csv batch-many-csv batch-long-labels batch-16mib fonts-20-spellings; do
  rm -rf "$work/out"
  set +e
  /usr/bin/time -f '%e %M' -o "$work/t" "$work/presschart" -q -o "$work/out" "$work/in/$t.toml" 2>"$work/err"
  code=$?
  set -e
  read -r wall kib < <(tail -1 "$work/t")
  printf '%-26s %7ss %6s MiB %6s\n' "$t" "$wall" "$((kib / 1024))" "$code"
  [ "$code" = 0 ] || head -3 "$work/err" | cut -c1-200
done
