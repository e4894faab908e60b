#!/usr/bin/env bash
# Speed against the fastest peer, Vega-Lite (../shared/peers), in one run:
#   bench/peer.sh [PAIRS]     (default 5 pairs)
# Each pair runs presschart and the peer on the same work back to back,
# alternating which goes first, and prints the ratio of that pair; the
# summary gives min-max over the pairs. These machines are shared and
# absolute times drift between minutes; ratios taken pair by pair do not.
#   cold:  the three reference charts, a whole process each (presschart
#          on the three story figures, the peer's cold run)
#   batch: 300 charts (the three, 100 times), PNG + SVG, charts per
#          second and per CPU-second
# Needs Go, GNU time, node, and the peer set up once:
#   (cd ../shared/peers && npm ci --no-audit --no-fund)
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-5}
peer=../shared/peers
if [ ! -d "$peer/node_modules" ]; then
  echo "peer: skipped, not set up; run: (cd $peer && npm ci --no-audit --no-fund)"
  exit 0
fi
[ -x /usr/bin/time ] || { echo "peer: needs GNU time (apt-get install time)"; exit 2; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
go build -o "$work/presschart" .
go run bench/reference.go -n 1 > "$work/three.toml"
go run bench/reference.go -n 100 > "$work/batch.toml"

timed() { # timed OUT CMD... -> "wall cpu" (seconds; wall to the microsecond)
  local out=$1; shift
  rm -rf "$out"; mkdir -p "$out"
  local t0=$EPOCHREALTIME
  /usr/bin/time -f '%U %S' -o "$work/t" "$@" >/dev/null 2>&1
  local t1=$EPOCHREALTIME
  awk -v a="$t0" -v b="$t1" '{ printf "%.4f %.2f\n", b - a, $1 + $2 }' "$work/t"
}
walled() { # walled OUT CMD... -> wall seconds, the command run directly
  local out=$1; shift
  rm -rf "$out"; mkdir -p "$out"
  local t0=$EPOCHREALTIME
  "$@" >/dev/null 2>&1
  local t1=$EPOCHREALTIME
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f\n", b - a }'
}
ours_cold() { walled "$work/o" "$work/presschart" -q -f png,svg -o "$work/o" "$work/three.toml"; }
peer_cold() { walled "$work/p" node "$peer/vegalite-render.mjs" "$work/p"; }
ours_batch() { timed "$work/o" "$work/presschart" -q -f png,svg -o "$work/o" "$work/batch.toml"; }
peer_batch() { timed "$work/p" node --expose-gc "$peer/vegalite-render.mjs" "$work/p" --repeat 100 --gc-every 10; }

echo "machine: $(nproc) vCPU, $(go version | cut -d' ' -f3), node $(node --version)"
printf '%-5s %-28s %-36s %s\n' pair "cold, 3 charts (s): ours/peer" "batch, 300 charts (charts/s): ours/peer" "speed-ups"
cold=(); batch=(); cpu=()
for i in $(seq 1 "$pairs"); do
  if [ $((i % 2)) = 1 ]; then
    oc=$(ours_cold); pc=$(peer_cold)
    read -r ob obc < <(ours_batch); read -r pb pbc < <(peer_batch)
  else
    pc=$(peer_cold); oc=$(ours_cold)
    read -r pb pbc < <(peer_batch); read -r ob obc < <(ours_batch)
  fi
  r_cold=$(awk -v o="$oc" -v p="$pc" 'BEGIN { printf "%.3f", o / p }')
  oc=$(awk -v x="$oc" 'BEGIN { printf "%.3f", x }'); pc=$(awk -v x="$pc" 'BEGIN { printf "%.2f", x }')
  r_batch=$(awk -v o="$ob" -v p="$pb" 'BEGIN { printf "%.1f", p / o }')
  r_cpu=$(awk -v o="$obc" -v p="$pbc" 'BEGIN { printf "%.1f", p / o }')
  cold+=("$r_cold"); batch+=("$r_batch"); cpu+=("$r_cpu")
  printf '%-5s %-28s %-36s %s\n' "$i" "$oc / $pc = $r_cold" \
    "$(awk -v o="$ob" -v p="$pb" 'BEGIN { printf "%.0f / %.1f", 300 / o, 300 / p }')" \
    "batch ${r_batch}x, per CPU-second ${r_cpu}x"
done
range() { printf '%s\n' "$@" | sort -g | sed -n '1p;$p' | paste -sd' ' | awk '{ print $1 "-" $2 }'; }
echo "over $pairs pairs: story cold time $(range "${cold[@]}")x the peer's; batch $(range "${batch[@]}")x its charts/s; $(range "${cpu[@]}")x per CPU-second"
