#!/usr/bin/env bash
# Feed search figures of docs/performance.md on this machine: a throwaway PostgreSQL and the load generator's
# search mode (the product's PostgreSQL feed search store over 50,000 feeds, baseline without index scans).
#   tests/load/feed-search-benchmark.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-100}
PG_PORT=55441
source tests/load/throwaway-postgres.sh

dotnet build -c Release tests/Cnucnm.LoadTests -v q -nologo >/dev/null
dotnet tests/Cnucnm.LoadTests/bin/Release/net10.0/cnucnm-load.dll search --db "$DB" --feeds 50000 --readings "$ROUNDS"
