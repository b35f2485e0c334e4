#!/usr/bin/env bash
# Gateway vs direct, side by side in one run: throughput and latency of one endpoint called directly on
# catalog-service and through the gateway, with a bearer token and with a browser session cookie, under two sets
# of JVM flags: production (C2, G1, 512 MB heap) and the local stack's (C1 only, serial GC, small heap).
#
# Needs: a running local stack (`mvn -Pstack package`; or GatewayBenchTest, which boots one on free ports and
# calls this script) and wrk (Debian package `wrk`). The script starts three JVMs of its own from the built jars,
# all with rate limits off, and stops them at the end:
#   catalog-prod   catalog-service with production flags (same Kafka, MongoDB and token issuer as the stack)
#   gateway-prod   the gateway with production flags, in front of catalog-prod
#   gateway-c1     the gateway with the stack's flags, in front of the stack's catalog-service (direct-c1)
# A browser session is made by signing in at the stack's gateway (dev-identity's form, the dev password); the
# script's gateways share the session store, so the same cookie works on them.
#
# Usage: bench/gateway-vs-direct.sh [duration-seconds] [connections] [rounds]
# Env:   GATEWAY, CATALOG, IDP       the stack (default the fixed ports of mvn -Pstack package)
#        KAFKA_BOOTSTRAP_SERVERS, MONGODB_URI, DATA_DIR (default .data: for the gateway's client secret)
#        ENDPOINT (default /api/catalog/topics), PORT_BASE (default 18080: the script's JVMs use 3 ports from it)
#        PROD_OPTS, C1_OPTS (JVM flags), JFR=1 (records gateway-prod with JFR into bench/gateway-prod.jfr)
set -euo pipefail
DURATION=${1:-10}
CONNECTIONS=${2:-50}
ROUNDS=${3:-3}
THREADS=$(( CONNECTIONS < 2 ? 1 : 2 ))
ROOT=$(cd "$(dirname "$0")/.." && pwd)
IDP=${IDP:-http://localhost:9000}
GATEWAY=${GATEWAY:-http://localhost:8080}
CATALOG=${CATALOG:-http://localhost:8081}
KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}
MONGODB_URI=${MONGODB_URI:-mongodb://127.0.0.1:27017}
DATA_DIR=${DATA_DIR:-$ROOT/.data}
ENDPOINT=${ENDPOINT:-/api/catalog/topics}
PORT_BASE=${PORT_BASE:-18080}
PROD_OPTS=${PROD_OPTS:--XX:+UseG1GC -Xms512m -Xmx512m}
C1_OPTS=${C1_OPTS:--Xms64m -Xmx320m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k}
STAFF=${STAFF:-pat.rivera@outward.example}
PASSWORD=${PASSWORD:-outward}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# start <name> <module> <port> <java opts> [VAR=value ...]: a JVM from the module's jar, logs in $WORK
start() {
  local name=$1 module=$2 port=$3 opts=$4; shift 4
  env SERVER_PORT="$port" KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP_SERVERS" MONGODB_URI="$MONGODB_URI" \
    OUTWARD_JWT_ISSUER="$IDP" OUTWARD_JWT_JWK_SET_URI="$IDP/oauth2/jwks" OUTWARD_RATE_LIMIT_ENABLED=false "$@" \
    java $opts -jar "$ROOT/$module/target/$module.jar" > "$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  echo "$name: pid $! on port $port (log $WORK/$name.log)"
}
await_ready() { # url
  for _ in $(seq 1 240); do
    curl -sf -o /dev/null "$1/actuator/health/readiness" && return 0
    sleep 1
  done
  echo "$1 did not become ready" >&2; exit 1
}

SECRET=${OUTWARD_WEB_CLIENT_SECRET:-$(cat "$DATA_DIR/identity/web-client-secret")}
CATALOG_PROD=http://localhost:$PORT_BASE
GATEWAY_PROD=http://localhost:$((PORT_BASE + 1))
GATEWAY_C1=http://localhost:$((PORT_BASE + 2))
JFR_OPTS=""
[ "${JFR:-0}" = 1 ] && JFR_OPTS="-XX:StartFlightRecording=filename=$ROOT/bench/gateway-prod.jfr,settings=profile"
GATEWAY_ENV=(WEB_BASE_URL="$GATEWAY" OUTWARD_WEB_CLIENT_SECRET="$SECRET")
start catalog-prod catalog-service "$PORT_BASE" "$PROD_OPTS"
start gateway-prod gateway $((PORT_BASE + 1)) "$PROD_OPTS $JFR_OPTS" "${GATEWAY_ENV[@]}" CATALOG_URL="$CATALOG_PROD"
start gateway-c1 gateway $((PORT_BASE + 2)) "$C1_OPTS" "${GATEWAY_ENV[@]}" CATALOG_URL="$CATALOG"
for url in "$CATALOG_PROD" "$GATEWAY_PROD" "$GATEWAY_C1"; do await_ready "$url"; done

# A bearer token, and a browser session signed in through the stack's gateway (code + PKCE at dev-identity).
TOKEN=$(curl -sf "$IDP/dev/token" -H 'Accept: text/plain' -d username="$STAFF" -d password="$PASSWORD")
JAR=$WORK/cookies
hop() { curl -s -o /dev/null -w '%{redirect_url}' -b "$JAR" -c "$JAR" "$@"; }
authorize=$(hop "$GATEWAY$(hop "$GATEWAY/bff/login" | sed "s|^$GATEWAY||")")
hop "$authorize" >/dev/null
csrf=$(curl -s -b "$JAR" -c "$JAR" "$IDP/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)
hop "$IDP/login" --data-urlencode "username=$STAFF" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf" >/dev/null
callback=$(hop "$authorize")
hop "$callback" >/dev/null
SESSION=$(awk '$6 == "SESSION" {print $7}' "$JAR" | tail -1)
[ -n "$SESSION" ] || { echo "browser sign-in failed" >&2; exit 1; }
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: SESSION=$SESSION" "$GATEWAY_PROD/bff/user")
[ "$status" = 200 ] || { echo "the session does not work on gateway-prod ($status)" >&2; exit 1; }

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # user + system time of a process, in clock ticks
pid_on_port() { ss -ltnpH "sport = :$1" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1; }
run() { # name url header pid -> "name rps p50ms p99ms non2xx cpu-us-per-request" (CPU of the JVM at pid)
  before=$(cpu_ticks "$4")
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "$3" "$2")
  after=$(cpu_ticks "$4")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $4}')
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  cpu=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" 'BEGIN {printf "%.0f", t / hz * 1e6 / n}')
  echo "$1 $rps $(to_ms "$p50") $(to_ms "$p99") ${non2xx:-0} $cpu"
}
to_ms() { # wrk prints 1.23ms, 850.00us or 1.02s
  case "$1" in
    *us) awk -v v="${1%us}" 'BEGIN {printf "%.3f", v/1000}';;
    *ms) awk -v v="${1%ms}" 'BEGIN {printf "%.3f", v}';;
    *s) awk -v v="${1%s}" 'BEGIN {printf "%.3f", v*1000}';;
  esac
}
BEARER="Authorization: Bearer $TOKEN"
COOKIE="Cookie: SESSION=$SESSION"
NAMES=(direct-prod gateway-prod-bearer gateway-prod-cookie direct-c1 gateway-c1-bearer gateway-c1-cookie)
URLS=("$CATALOG_PROD" "$GATEWAY_PROD" "$GATEWAY_PROD" "$CATALOG" "$GATEWAY_C1" "$GATEWAY_C1")
HEADERS=("$BEARER" "$BEARER" "$COOKIE" "$BEARER" "$BEARER" "$COOKIE")
CATALOG_C1_PID=$(pid_on_port "${CATALOG##*:}")
PROCS=("${PIDS[0]}" "${PIDS[1]}" "${PIDS[1]}" "$CATALOG_C1_PID" "${PIDS[2]}" "${PIDS[2]}")

WARMUP=${WARMUP:-15}
echo "warm-up (${WARMUP} s per target) ..."
for i in "${!NAMES[@]}"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "${HEADERS[$i]}" "${URLS[$i]}$ENDPOINT" >/dev/null
done
results=$WORK/results
for round in $(seq 1 "$ROUNDS"); do
  for i in "${!NAMES[@]}"; do
    run "${NAMES[$i]}" "${URLS[$i]}$ENDPOINT" "${HEADERS[$i]}" "${PROCS[$i]}" >> "$results"
  done
done

echo
echo "GET $ENDPOINT, wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, $ROUNDS rounds alternating all targets; medians of the rounds"
echo "(cpu us/req: CPU time of the JVM answering, the catalog for direct and the gateway alone for gateway rows)"
printf "%-20s %10s %9s %9s %8s %12s\n" target "req/s" "p50 ms" "p99 ms" "non-2xx" "cpu us/req"
for name in "${NAMES[@]}"; do
  grep "^$name " "$results" | sort -k2 -n | awk -v n="$name" '{a[NR]=$2; b[NR]=$3; c[NR]=$4; d+=$5; e[NR]=$6} END {m=int((NR+1)/2); printf "%-20s %10.0f %9.3f %9.3f %8d %12d\n", n, a[m], b[m], c[m], d, e[m]}'
done | tee "$results.table"
awk '{r[$1]=$2; p[$1]=$3} END {
  split("prod c1", sets, " ");
  for (i = 1; i <= 2; i++) { s = sets[i];
    for (j = 1; j <= 2; j++) { k = (j == 1 ? "bearer" : "cookie"); g = "gateway-" s "-" k;
      printf "%-5s %-7s gateway/direct throughput %.2f, added p50 %.3f ms\n", s, k, r[g] / r["direct-" s], p[g] - p["direct-" s] } } }' "$results.table"
