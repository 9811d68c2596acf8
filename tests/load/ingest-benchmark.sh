#!/usr/bin/env bash
# Intake ingestion figures of docs/performance.md on this machine: a throwaway PostgreSQL, the API
# (Release, PostgreSQL profile, silo in the same process) and the load generator in three modes.
#   tests/load/ingest-benchmark.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-20}
on_exit() { [ -n "${API_PID:-}" ] && kill "$API_PID" 2>/dev/null && wait "$API_PID" 2>/dev/null || true; }
PG_PORT=55439 PG_OPTIONS="-c max_connections=200"
source tests/load/throwaway-postgres.sh
DB="$DB;Maximum Pool Size=64"
API_LOG="$WORK/api.log"

dotnet build -c Release api/Cnucnm.Api -v q -nologo >/dev/null
dotnet build -c Release tests/Cnucnm.LoadTests -v q -nologo >/dev/null
Cnucnm__Profile=Postgres ConnectionStrings__Cnucnm="$DB" Cnucnm__MigrateOnStart=true Cnucnm__Auth__SigningKey="$(head -c 48 /dev/urandom | base64)" \
  Cnucnm__RateLimits__AnonymousPerMinute=10000 Cnucnm__RateLimits__UserPerSecond=1000 Cnucnm__RateLimits__UserBurst=5000 Cnucnm__Silo__AdvertisedAddress=127.0.0.1 Urls=http://127.0.0.1:5090 \
  Logging__LogLevel__Default=Warning dotnet api/Cnucnm.Api/bin/Release/net10.0/Cnucnm.Api.dll >"$API_LOG" 2>&1 &
API_PID=$!
for _ in $(seq 1 120); do curl -sf http://127.0.0.1:5090/health/ready >/dev/null && break; sleep 0.5; done
curl -sf http://127.0.0.1:5090/health/ready >/dev/null || { echo "API did not become ready"; tail -50 "$API_LOG"; exit 1; }

LOAD="dotnet tests/Cnucnm.LoadTests/bin/Release/net10.0/cnucnm-load.dll"
echo "== HTTP, as fast as 64 concurrent batches of 100 allow"
$LOAD ingest --api http://127.0.0.1:5090 --db "$DB" --max --batch 100 --concurrency 64 --seconds "$SECONDS_PER_RUN"
echo "== HTTP at 5,000 readings/s (batches of 100)"
$LOAD ingest --api http://127.0.0.1:5090 --db "$DB" --rate 5000 --batch 100 --concurrency 64 --seconds "$SECONDS_PER_RUN"
echo "== reading 2xx to the dashboard's SSE event"
$LOAD sse --api http://127.0.0.1:5090 --groups 300 --readings 300 --rate 20
echo "== baseline: the PostgreSQL intake store alone (no Orleans, no HTTP), same batches"
$LOAD store --db "$DB" --batch 100 --concurrency 16 --seconds "$SECONDS_PER_RUN"
echo "== grains without HTTP (a silo in the generator's process, same batches)"
kill "$API_PID"; wait "$API_PID" 2>/dev/null || true; unset API_PID
$LOAD grains --db "$DB" --batch 100 --concurrency 16 --seconds "$SECONDS_PER_RUN"
echo "== baseline and grains again with batches of 1,000 (a feeding station uploading its backlog)"
$LOAD store --db "$DB" --batch 1000 --concurrency 16 --seconds "$SECONDS_PER_RUN"
$LOAD grains --db "$DB" --batch 1000 --concurrency 16 --seconds "$SECONDS_PER_RUN"
