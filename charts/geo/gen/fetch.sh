#!/usr/bin/env bash
# Fetches the boundaries and country names charts/geo embeds, from the npm
# registry, and writes them as committed (see data/README.md):
#   charts/geo/gen/fetch.sh
# Needs npm, gzip and Go. The versions are pinned here; gzip -n keeps the
# bytes the same from run to run.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent world-atlas@2.0.2 us-atlas@3.0.1 i18n-iso-countries@7.14.0 >/dev/null)
for p in world-atlas-2.0.2 us-atlas-3.0.1 i18n-iso-countries-7.14.0; do
  mkdir -p "$tmp/$p" && tar xzf "$tmp/$p.tgz" -C "$tmp/$p"
done
gzip -9n -c "$tmp/world-atlas-2.0.2/package/countries-110m.json" > data/countries-110m.json.gz
gzip -9n -c "$tmp/world-atlas-2.0.2/package/countries-50m.json" > data/countries-50m.json.gz
gzip -9n -c "$tmp/us-atlas-3.0.1/package/states-10m.json" > data/states-10m.json.gz
gzip -9n -c "$tmp/us-atlas-3.0.1/package/counties-10m.json" > data/counties-10m.json.gz
cp "$tmp/world-atlas-2.0.2/package/LICENSE" data/LICENSE-world-atlas
cp "$tmp/us-atlas-3.0.1/package/LICENSE" data/LICENSE-us-atlas
cp "$tmp/i18n-iso-countries-7.14.0/package/LICENSE" data/LICENSE-i18n-iso-countries
go run gen/regions.go "$tmp/i18n-iso-countries-7.14.0/package" "$tmp/world-atlas-2.0.2/package/countries-50m.json" > regions_table.go.new
mv regions_table.go.new regions_table.go
gofmt -w regions_table.go
