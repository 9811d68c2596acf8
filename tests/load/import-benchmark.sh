#!/usr/bin/env bash
# Animal import figures of docs/performance.md on this machine: a throwaway PostgreSQL and the load generator's
# import mode (the 5,000-animal CSV of the API test: parse baseline, preview, apply into PostgreSQL).
#   tests/load/import-benchmark.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-10}
PG_PORT=55442
source tests/load/throwaway-postgres.sh

dotnet build -c Release tests/Cnucnm.LoadTests -v q -nologo >/dev/null
dotnet tests/Cnucnm.LoadTests/bin/Release/net10.0/cnucnm-load.dll import --db "$DB" --readings "$ROUNDS"
