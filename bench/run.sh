#!/usr/bin/env bash
# Times the whole presschart process, as a newsroom pipeline runs it:
#   bench/run.sh [PAIRS]    story file, batches of 10, 100, 1,000 and 10,000
#                           figures, then the ratios to the fastest peer
# Prints wall time (median of 5 for the story file), figures per second and
# peak RSS (from GNU time's %M), for PNG + SVG per figure. Batches are
# written to a folder on the working disk and, where /dev/shm exists, to
# memory as well: on a slow disk, creating files costs more than drawing.
# Then bench/serve.sh loads the render service (presschart serve --api).
# Last, bench/peer.sh runs presschart and Vega-Lite alternately, PAIRS
# times (default 5), and prints the ratios pair by pair (skipped, saying
# so, when the peer is not set up). Needs Go and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
go build -o "$work/presschart" .
bin="$work/presschart"
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (apt-get install time)"; exit 2; }

measure() { # measure FILE OUTDIR -> "wall_seconds peak_kib"
  rm -rf "$2"
  /usr/bin/time -f '%e %M' -o "$work/t" "$bin" -q -f png,svg -o "$2" "$1"
  cat "$work/t"
}

echo "machine: $(nproc) cores, $(go version | cut -d' ' -f3)"
walls=()
for i in 1 2 3 4 5; do walls+=("$(measure data.toml "$work/out" | cut -d' ' -f1)"); done
median=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n 3p)
echo "data.toml ($("$bin" --list data.toml | grep -vc 'rendition of') figures and $("$bin" --list data.toml | grep -c 'rendition of') renditions, PNG + SVG): median wall ${median} s of 5 runs"

outs=("$work/out")
[ -d /dev/shm ] && outs+=("/dev/shm/presschart-bench-$$")
printf '%-10s %-28s %9s %10s %10s\n' figures "written to" wall figures/s "peak RSS"
for n in 10 100 1000 10000; do
  go run bench/gen.go -n "$n" > "$work/batch.toml"
  for out in "${outs[@]}"; do
    [ "$n" = 10000 ] && [ "$out" != "$work/out" ] && continue # 10,000: to disk only, for its memory
    read -r wall kib < <(measure "$work/batch.toml" "$out")
    fps=$(awk -v n="$n" -v w="$wall" 'BEGIN { printf "%.0f", (w > 0 ? n / w : 0) }')
    where=$( [ "$out" = "$work/out" ] && echo "disk ($(df --output=fstype "$work" | tail -1))" || echo "memory (/dev/shm)")
    printf '%-10s %-28s %8ss %10s %6s MiB\n' "$n" "$where" "$wall" "$fps" "$((kib / 1024))"
  done
done
rm -rf "/dev/shm/presschart-bench-$$"
"$bin" -q -f png -o "$work/story" data.toml
# The figures' own PNGs, not their phone and dark renditions.
bytes=$("$bin" --list data.toml | grep -v 'rendition of' | cut -f1 | while read -r id; do stat -c %s "$work/story/$id.png"; done |
  sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median PNG of the story's figures: $bytes bytes"
phone=$(ls "$work"/story/*-mobile-3x.png 2>/dev/null | xargs -r stat -c %s | sort -n | awk '{a[NR]=$1} END {if (NR) print a[1] "-" a[NR]}')
[ -n "$phone" ] && echo "a phone's PNG per figure (3x): $phone bytes"
echo
echo "the render service under load (bench/serve.sh):"
bash bench/serve.sh
echo
bash bench/peer.sh "${1:-5}"
