#!/usr/bin/env bash
# Benchmark: `conf page tree --space KEY` over a space of N pages (default 2,000) against a local
# WireMock that adds a fixed delay to every answer (default 20 ms). Prints the requests conf made
# (counted by WireMock's admin API), the bound the issue sets, and the wall time.
#
#   bench/page-tree.sh [cloud|dc] [PAGES] [DELAY_MS]
#
# Needs java 17+, python3 and curl; builds target/conf.jar if it is missing and finds the WireMock
# standalone jar in ~/.m2 (or fetches it with ./mvnw dependency:copy). Loopback only.
set -euo pipefail

DEPLOYMENT="${1:-cloud}"
PAGES="${2:-2000}"
DELAY="${3:-20}"
KEY=BENCH
HERE="$(cd "$(dirname "$0")/.." && pwd)"
WM_VERSION=3.13.2
WM_JAR="${WIREMOCK_JAR:-$HOME/.m2/repository/org/wiremock/wiremock-standalone/$WM_VERSION/wiremock-standalone-$WM_VERSION.jar}"

case "$DEPLOYMENT" in
  cloud) PAGE_SIZE=250 ;;   # the maximum limit of v2 GET /spaces/{id}/pages
  dc) PAGE_SIZE=200 ;;      # what conf asks of Data Center for lean listings
  *) echo "usage: $0 [cloud|dc] [PAGES] [DELAY_MS]" >&2; exit 2 ;;
esac

if [ ! -f "$HERE/target/conf.jar" ]; then
  (cd "$HERE" && ./mvnw -B -q package -DskipTests)
fi
if [ ! -f "$WM_JAR" ]; then
  (cd "$HERE" && ./mvnw -B -q dependency:copy \
    -Dartifact=org.wiremock:wiremock-standalone:$WM_VERSION -DoutputDirectory=target/bench)
  WM_JAR="$HERE/target/bench/wiremock-standalone-$WM_VERSION.jar"
fi

WORK="$(mktemp -d)"
trap 'kill "$WM_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
mkdir -p "$WORK/mappings"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

# Mappings: a space of PAGES pages, 10 at the top and the rest spread five levels deep, served
# PAGE_SIZE at a time with next links, each answer delayed by DELAY ms.
python3 - "$WORK/mappings" "$DEPLOYMENT" "$PAGES" "$DELAY" "$PAGE_SIZE" "$KEY" <<'PY'
import json, sys, os
out, deployment, n, delay, size, key = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
def parent(k):  # pages 1..n; 1..10 at the top, then each page has ten children
    return None if k <= 10 else (k - 1) // 10
def ancestors(k):
    chain = []
    p = parent(k)
    while p is not None:
        chain.insert(0, p)
        p = parent(p)
    return chain
def write(i, request, body):
    m = {"request": request, "response": {"status": 200, "fixedDelayMilliseconds": delay,
         "headers": {"Content-Type": "application/json"}, "jsonBody": body}}
    with open(os.path.join(out, f"m{i}.json"), "w") as f:
        json.dump(m, f)
pages = (n + size - 1) // size
if deployment == "cloud":
    write(0, {"method": "GET", "urlPath": "/wiki/api/v2/spaces", "queryParameters": {"keys": {"equalTo": key}}},
          {"results": [{"id": "1", "key": key, "name": "Bench", "type": "global", "status": "current"}], "_links": {}})
    for p in range(pages):
        items = []
        for k in range(p * size + 1, min(n, (p + 1) * size) + 1):
            par = parent(k)
            items.append({"id": str(k), "status": "current", "title": f"Page {k}", "spaceId": "1",
                          "parentId": None if par is None else str(par), "parentType": None if par is None else "page",
                          "position": k})
        links = {} if p + 1 == pages else {"next": f"/wiki/api/v2/spaces/1/pages?depth=all&limit={size}&cursor=c{p + 2}"}
        q = {"cursor": {"absent": True} if p == 0 else {"equalTo": f"c{p + 1}"}}
        write(p + 1, {"method": "GET", "urlPath": "/wiki/api/v2/spaces/1/pages", "queryParameters": q},
              {"results": items, "_links": links})
else:
    for p in range(pages):
        items = []
        for k in range(p * size + 1, min(n, (p + 1) * size) + 1):
            items.append({"id": str(k), "type": "page", "status": "current", "title": f"Page {k}",
                          "ancestors": [{"id": str(a), "type": "page"} for a in ancestors(k)]})
        links = {} if p + 1 == pages else {"next": f"/rest/api/space/{key}/content/page?depth=all&expand=ancestors&limit={size}&start={(p + 1) * size}"}
        q = {"start": {"absent": True} if p == 0 else {"equalTo": str(p * size)}}
        write(p + 1, {"method": "GET", "urlPath": f"/rest/api/space/{key}/content/page", "queryParameters": q},
              {"results": items, "start": p * size, "limit": size, "size": len(items), "_links": links})
PY

java -jar "$WM_JAR" --port "$PORT" --bind-address 127.0.0.1 --root-dir "$WORK" \
  --disable-banner >"$WORK/wiremock.log" 2>&1 &
WM_PID=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$PORT/__admin/health" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -sf -X DELETE "http://127.0.0.1:$PORT/__admin/requests" >/dev/null

export CONF_CONFIG_DIR="$WORK/config" CONFLUENCE_URL="http://127.0.0.1:$PORT"
if [ "$DEPLOYMENT" = cloud ]; then
  export CONFLUENCE_DEPLOYMENT=cloud CONFLUENCE_EMAIL=bench@example.com CONFLUENCE_API_TOKEN=bench-token
else
  export CONFLUENCE_DEPLOYMENT=dc CONFLUENCE_PAT=bench-pat
fi

START=$(date +%s%N)
java -jar "$HERE/target/conf.jar" page tree --space "$KEY" >"$WORK/tree.tsv"
END=$(date +%s%N)

REQUESTS=$(curl -sf "http://127.0.0.1:$PORT/__admin/requests/count" -d '{"method":"ANY","urlPathPattern":".*"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])')
LINES=$(wc -l <"$WORK/tree.tsv")
BOUND=$(( 2 * ( (PAGES + PAGE_SIZE - 1) / PAGE_SIZE ) + 5 ))
echo "deployment:   $DEPLOYMENT (page size $PAGE_SIZE, ${DELAY} ms per request)"
echo "pages:        $PAGES (tree lines printed: $LINES)"
echo "requests:     $REQUESTS (bound: 2 x ceil($PAGES/$PAGE_SIZE) + 5 = $BOUND)"
echo "wall time:    $(( (END - START) / 1000000 )) ms (JVM start-up included)"
if [ "$LINES" -ne "$PAGES" ] || [ "$REQUESTS" -gt "$BOUND" ]; then
  echo "FAILED" >&2
  exit 1
fi
