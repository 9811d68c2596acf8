# Sourced by the benchmark scripts in this folder (needs root for runuser, as the test suite does): starts a throwaway
# PostgreSQL cluster on 127.0.0.1:PG_PORT with durable settings (fsync on: the figures a real deployment would see on
# this disk), stops and removes it on exit. Set PG_PORT (and PG_OPTIONS for extra server settings) before sourcing;
# a script with more to clean up defines on_exit first. Sets WORK (a temporary folder the script may use) and DB.
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
WORK=$(mktemp -d); chmod 755 "$WORK"; chown postgres: "$WORK" 2>/dev/null || true
stop_throwaway_postgres() {
  if declare -F on_exit >/dev/null; then on_exit; fi
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap stop_throwaway_postgres EXIT

echo secret > "$WORK/pw"; chown postgres "$WORK/pw"
runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/data" -U cnucnm --pwfile="$WORK/pw" -A scram-sha-256 -E UTF8 --no-sync >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/pg.log" -w -o "-h 127.0.0.1 -p $PG_PORT -k $WORK ${PG_OPTIONS:-}" start >/dev/null
DB="Host=127.0.0.1;Port=$PG_PORT;Username=cnucnm;Password=secret;Database=postgres"
