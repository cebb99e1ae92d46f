#!/usr/bin/env bash
# Regenerates docs/example-org.svg, the picture of the bundled example org
# shown in the README, from examples/orgs/streaming.
#
# Needs Graphviz (`dot`). Run from anywhere:
#   scripts/render-example-svg.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! command -v dot >/dev/null 2>&1; then
    echo "error: Graphviz \`dot\` is not installed (apt-get install graphviz, brew install graphviz)" >&2
    exit 2
fi

out="docs/example-org.svg"
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT

cargo run --quiet -- graph examples/orgs/streaming --format dot | dot -Tsvg > "$tmp"
mkdir -p docs
chmod 644 "$tmp"
mv "$tmp" "$out"
trap - EXIT
echo "wrote $out"
