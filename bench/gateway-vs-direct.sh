#!/usr/bin/env bash
# Side-by-side throughput and latency of the catalog list and search endpoints, called directly on
# catalog-service and through the gateway, with the same valid JWT, in one run on one machine.
#
# Needs: the local stack running (`mvn -Pstack package` in another terminal) and wrk (Debian package `wrk`).
# Usage: bench/gateway-vs-direct.sh [duration-seconds] [connections] [rounds]
set -euo pipefail
DURATION=${1:-15}
CONNECTIONS=${2:-50}
ROUNDS=${3:-2}
THREADS=$(( CONNECTIONS < 2 ? 1 : 2 ))
IDP=${IDP:-http://localhost:9000}
GATEWAY=${GATEWAY:-http://localhost:8080}
CATALOG=${CATALOG:-http://localhost:8081}
WEBINARS=${WEBINARS:-1000}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }

TOKEN=$(curl -sf "$IDP/dev/token" -H 'Accept: text/plain' -d username=pat.rivera@outward.example -d password=outward)
AUTH="Authorization: Bearer $TOKEN"

# Seed up to $WEBINARS published webinars (idempotent: existing slugs answer 409 and are skipped).
have=$(curl -sf "$CATALOG/api/catalog/webinars?status=all&size=1" -H "$AUTH" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
if [ "${have:-0}" -lt "$WEBINARS" ]; then
  echo "seeding $((WEBINARS - have)) webinars ..."
  for i in $(seq 1 "$WEBINARS"); do
    id=$(curl -s -X POST "$CATALOG/api/catalog/webinars" -H "$AUTH" -H 'Content-Type: application/json' \
      -d "{\"title\":\"Bench webinar $i on community conversations\",\"slug\":\"bench-webinar-$i\",\"summary\":\"Benchmark data $i: public knowledge, partnerships and momentum.\",\"topics\":[\"demo\"],\"seriesPosition\":$(( (i % 99) + 1 )),\"durationMinutes\":60}" \
      | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
    [ -n "$id" ] && curl -s -o /dev/null -X POST "$CATALOG/api/catalog/webinars/$id/publish" -H "$AUTH"
  done
fi

LIST="/api/catalog/webinars?page=3&size=20"
SEARCH="/api/catalog/webinars?q=community+conversations&size=20"

run() { # name url -> "rps p50ms p99ms"
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "$AUTH" "$2")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $4}')
  echo "$1 $rps $(to_ms "$p50") $(to_ms "$p99") ${non2xx:-0}"
}
to_ms() { # wrk prints 1.23ms, 850.00us or 1.02s
  case "$1" in
    *us) awk -v v="${1%us}" 'BEGIN {printf "%.2f", v/1000}';;
    *ms) awk -v v="${1%ms}" 'BEGIN {printf "%.2f", v}';;
    *s) awk -v v="${1%s}" 'BEGIN {printf "%.2f", v*1000}';;
  esac
}

echo "warm-up ..."
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H "$AUTH" "$CATALOG$LIST" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H "$AUTH" "$GATEWAY$LIST" >/dev/null

results=$(mktemp)
for round in $(seq 1 "$ROUNDS"); do
  for endpoint in list search; do
    path=$LIST; [ "$endpoint" = search ] && path=$SEARCH
    run "$endpoint-direct" "$CATALOG$path" >> "$results"
    run "$endpoint-gateway" "$GATEWAY$path" >> "$results"
  done
done

echo
echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, $ROUNDS rounds, alternating direct and gateway; medians of the rounds"
printf "%-16s %10s %9s %9s %8s\n" target "req/s" "p50 ms" "p99 ms" "non-2xx"
for name in list-direct list-gateway search-direct search-gateway; do
  grep "^$name " "$results" | sort -k2 -n | awk -v n="$name" '{a[NR]=$2; b[NR]=$3; c[NR]=$4; d+=$5} END {m=int((NR+1)/2); printf "%-16s %10.0f %9.2f %9.2f %8d\n", n, a[m], b[m], c[m], d}'
done | tee "$results.table"
awk '{r[$1]=$2; p[$1]=$3} END {
  printf "\nlist:   gateway/direct throughput %.2f, added p50 %.2f ms\n", r["list-gateway"]/r["list-direct"], p["list-gateway"]-p["list-direct"];
  printf "search: gateway/direct throughput %.2f, added p50 %.2f ms\n", r["search-gateway"]/r["search-direct"], p["search-gateway"]-p["search-direct"] }' "$results.table"
