#!/usr/bin/env bash
# A throwaway cluster on this machine: one PostgreSQL (Debian's, run with initdb/pg_ctl in a temp folder on a free
# loopback port) and two Corridors replicas sharing it (Corridors:ScenarioStore:Provider=Postgres), each on its own
# free loopback ports, with a fresh writer key.
#
#   deploy/local-cluster.sh up      build, start everything, print each replica's addresses and the writer key
#   deploy/local-cluster.sh down    stop everything `up` started (by the process ids it recorded) and remove its folder
#   deploy/local-cluster.sh status  what is running
#
# PostgreSQL refuses to run as root: as root, its folder belongs to, and it runs as, the `postgres` OS user (runuser).
# The state (data, logs, pids, keys file) lives in $CORRIDORS_CLUSTER_DIR, default /tmp/corridors-local-cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
state="${CORRIDORS_CLUSTER_DIR:-/tmp/corridors-local-cluster}"
pg_bin="${CORRIDORS_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
replicas=(a b)

die() { echo "local-cluster: $*" >&2; exit 1; }

# Runs a PostgreSQL program as the postgres user when we are root (PostgreSQL refuses root), else as ourselves.
as_pg() {
  # Never under libfaketime: a faked postmaster dies at start.
  if [ "$(id -u)" -eq 0 ]; then env -u LD_PRELOAD -u FAKETIME runuser -u postgres -- "$@"; else env -u LD_PRELOAD -u FAKETIME "$@"; fi
}

# A loopback port nothing listens on (bash's /dev/tcp: a refused connection means free).
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && ! grep -qx "$port" "$state/ports" 2>/dev/null; then
      echo "$port" >>"$state/ports"
      echo "$port"
      return 0
    fi
  done
  die "no free loopback port found"
}

wait_for_line() { # wait_for_line FILE TEXT SECONDS PID
  local deadline=$((SECONDS + $3))
  until grep -q "$2" "$1" 2>/dev/null; do
    kill -0 "$4" 2>/dev/null || { tail -n 20 "$1" >&2; die "process $4 ended before it was ready (log: $1)"; }
    [ "$SECONDS" -lt "$deadline" ] || { tail -n 20 "$1" >&2; die "not ready after $3 s (log: $1)"; }
    sleep 0.5
  done
}

up() {
  [ ! -e "$state/cluster.env" ] || die "already up (state in $state); run '$0 down' first"
  [ -x "$pg_bin/initdb" ] && [ -x "$pg_bin/pg_ctl" ] || die "PostgreSQL's initdb and pg_ctl not found (apt-get install postgresql-15, or set CORRIDORS_PG_BIN)"
  if [ "$(id -u)" -eq 0 ]; then id -u postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' OS user (Debian's postgresql package creates it)"; fi

  echo "== building the server and the CLI (Release)"
  dotnet build src/Corridors.Server -c Release -p:SkipDashboardBuild=true -nologo -v quiet >/dev/null || die "the server did not build"
  dotnet build src/Corridors.Cli -c Release -nologo -v quiet >/dev/null || die "the CLI did not build"

  mkdir -p "$state"
  : >"$state/ports"
  [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$state"

  local pg_port
  pg_port="$(free_port)"
  echo "== PostgreSQL on 127.0.0.1:$pg_port"
  as_pg "$pg_bin/initdb" -D "$state/pgdata" -A trust -U corridors -E UTF8 --locale=C >"$state/initdb.log" 2>&1 || die "initdb failed (see $state/initdb.log)"
  as_pg "$pg_bin/pg_ctl" -D "$state/pgdata" -l "$state/postgres.log" -w -t 60 \
    -o "-p $pg_port -k $state -c listen_addresses=127.0.0.1" start >/dev/null || die "PostgreSQL did not start (see $state/postgres.log)"
  as_pg "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U corridors -d postgres -qc "CREATE DATABASE corridors" >/dev/null
  local connection="Host=127.0.0.1;Port=$pg_port;Database=corridors;Username=corridors"
  {
    echo "PG_BIN=$pg_bin"
    echo "PG_PORT=$pg_port"
  } >"$state/cluster.env"

  echo "== a writer key"
  local key
  key="$(dotnet src/Corridors.Cli/bin/Release/net10.0/corridors.dll keys add --role writer --name local-cluster --file "$state/api-keys.json" 2>/dev/null)" \
    || die "corridors keys add failed"

  for replica in "${replicas[@]}"; do
    local grpc_port http_port pid
    grpc_port="$(free_port)"
    http_port="$(free_port)"
    Corridors__ScenarioStore__Provider=Postgres \
    Corridors__ScenarioStore__ConnectionString="$connection" \
    Corridors__ApiKeys__KeysFile="$state/api-keys.json" \
    Corridors__GrpcPort="$grpc_port" Corridors__HttpPort="$http_port" \
      nohup dotnet src/Corridors.Server/bin/Release/net10.0/Corridors.Server.dll --contentRoot "$repo/src/Corridors.Server" \
      >"$state/replica-$replica.log" 2>&1 </dev/null &
    pid=$!
    {
      echo "REPLICA_${replica^^}_PID=$pid"
      echo "REPLICA_${replica^^}_GRPC=http://127.0.0.1:$grpc_port"
      echo "REPLICA_${replica^^}_HTTP=http://127.0.0.1:$http_port"
    } >>"$state/cluster.env"
  done
  echo "CORRIDORS_API_KEY=$key" >>"$state/cluster.env"

  # shellcheck disable=SC1091
  . "$state/cluster.env"
  wait_for_line "$state/replica-a.log" "Corridors listening" 120 "$REPLICA_A_PID"
  wait_for_line "$state/replica-b.log" "Corridors listening" 120 "$REPLICA_B_PID"

  cat <<EOF

Corridors local cluster is up (state and logs in $state):
  replica A   gRPC $REPLICA_A_GRPC   HTTP (JSON, gRPC-Web) $REPLICA_A_HTTP   pid $REPLICA_A_PID
  replica B   gRPC $REPLICA_B_GRPC   HTTP (JSON, gRPC-Web) $REPLICA_B_HTTP   pid $REPLICA_B_PID
  PostgreSQL  127.0.0.1:$PG_PORT, database corridors
  writer key  $key

Try it (a change through A, watched on B):
  export CORRIDORS_API_KEY=$key
  curl -s -X POST $REPLICA_A_HTTP/v1/scenarios -H "x-api-key: \$CORRIDORS_API_KEY" -H 'content-type: application/json' \\
    -d '{"id":"brest-test","definition":"{\\"name\\":\\"Brest closed\\",\\"changes\\":[{\\"type\\":\\"close-link\\",\\"link\\":\\"brest-malaszewicze\\"}]}"}'
  curl -sN '$REPLICA_B_HTTP/v1/metrics:watch?scenarioId=brest-test' &     # B's live metrics under it
  curl -s -X PUT $REPLICA_A_HTTP/v1/scenarios/brest-test -H "x-api-key: \$CORRIDORS_API_KEY" -H 'content-type: application/json' \\
    -d '{"expectedVersion":"1","definition":"{\\"name\\":\\"Brest and Red Sea closed\\",\\"changes\\":[{\\"type\\":\\"close-link\\",\\"link\\":\\"brest-malaszewicze\\"},{\\"type\\":\\"close-place\\",\\"place\\":\\"bab-el-mandeb\\"}]}"}'
                                                  # B's watch prints the metrics of version 2
  dotnet run --project src/Corridors.Cli -- scenario list --server $REPLICA_B_GRPC
Stop everything: $0 down
EOF
}

down() {
  [ -e "$state/cluster.env" ] || { echo "local-cluster: nothing to stop (no $state/cluster.env)"; rm -rf "$state"; return 0; }
  # shellcheck disable=SC1091
  . "$state/cluster.env"
  for pid in "${REPLICA_A_PID:-}" "${REPLICA_B_PID:-}"; do
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || continue
    kill -TERM "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    echo "stopped replica (pid $pid)"
  done
  if [ -f "$state/pgdata/postmaster.pid" ]; then
    as_pg "${PG_BIN:-$pg_bin}/pg_ctl" -D "$state/pgdata" -m fast -w -t 60 stop >/dev/null && echo "stopped PostgreSQL (127.0.0.1:${PG_PORT:-?})"
  fi
  rm -rf "$state"
}

status() {
  [ -e "$state/cluster.env" ] || { echo "down"; return 0; }
  # shellcheck disable=SC1091
  . "$state/cluster.env"
  for name in A B; do
    pid_var="REPLICA_${name}_PID" grpc_var="REPLICA_${name}_GRPC" http_var="REPLICA_${name}_HTTP"
    if kill -0 "${!pid_var}" 2>/dev/null; then echo "replica $name running (pid ${!pid_var}): gRPC ${!grpc_var}, HTTP ${!http_var}"; else echo "replica $name not running"; fi
  done
  if as_pg "$PG_BIN/pg_ctl" -D "$state/pgdata" status >/dev/null 2>&1; then echo "PostgreSQL running on 127.0.0.1:$PG_PORT"; else echo "PostgreSQL not running"; fi
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
