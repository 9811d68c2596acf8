#!/usr/bin/env bash
# Animal import figures of docs/performance.md on this machine: a throwaway PostgreSQL and the load generator's
# import mode (the 5,000-animal CSV of the API test: parse baseline, preview, apply into PostgreSQL).
#   tests/load/import-benchmark.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-10}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
WORK=$(mktemp -d); chmod 755 "$WORK"; chown postgres: "$WORK" 2>/dev/null || true
PORT=55442
cleanup() {
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo secret > "$WORK/pw"; chown postgres "$WORK/pw"
runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/data" -U cnucnm --pwfile="$WORK/pw" -A scram-sha-256 -E UTF8 --no-sync >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/pg.log" -w -o "-h 127.0.0.1 -p $PORT -k $WORK" start >/dev/null
DB="Host=127.0.0.1;Port=$PORT;Username=cnucnm;Password=secret;Database=postgres"

dotnet build -c Release tests/Cnucnm.LoadTests -v q -nologo >/dev/null
dotnet tests/Cnucnm.LoadTests/bin/Release/net10.0/cnucnm-load.dll import --db "$DB" --readings "$ROUNDS"
