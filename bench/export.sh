#!/usr/bin/env bash
# Benchmark: `conf export --space KEY` of N pages (default 1,000; ~4 KB bodies, three levels)
# from bench/export_server.py, a local stand-in that delays every answer by DELAY ms (default 50).
# Prints the requests conf made (counted by the server), the wall time and the issue's bounds:
#
#   requests  <= 1.1 x (pages + ceil(pages / page size) + attachments)
#   wall time <= 1.25 x (requests / concurrency x DELAY)
#
# then runs the export again into the same directory and prints what the incremental run cost.
#
#   bench/export.sh [cloud|dc] [PAGES] [CONCURRENCY] [DELAY_MS] [ATTACHMENTS]
#
# Needs java 17+ and python3 (standard library only); builds target/conf.jar if it is missing.
# Loopback only. conf runs through bin/conf, the launcher users run (C1 only, serial GC, and the
# AppCDS archive it keeps in ~/.cache/conf). A first, unmeasured export into a scratch directory
# warms up what a user's second day would have warm (the archive, which bin/conf trains in the
# background on first use, and the page cache); the script waits for that training to end before
# measuring. Set CONF_NO_CDS=1 to measure without the archive. Wall time is the whole process,
# JVM start-up and the tree listing included.
set -euo pipefail

DEPLOYMENT="${1:-cloud}"
PAGES="${2:-1000}"
CONCURRENCY="${3:-8}"
DELAY="${4:-50}"
ATTACHMENTS="${5:-0}"
KEY=BENCH
HERE="$(cd "$(dirname "$0")/.." && pwd)"

case "$DEPLOYMENT" in
  cloud) PAGE_SIZE=250 ;;   # v2 GET /spaces/{id}/pages, the operation's maximum
  dc) PAGE_SIZE=200 ;;      # what conf asks of Data Center for tree listings
  *) echo "usage: $0 [cloud|dc] [PAGES] [CONCURRENCY] [DELAY_MS] [ATTACHMENTS]" >&2; exit 2 ;;
esac

if [ ! -f "$HERE/target/conf.jar" ]; then
  (cd "$HERE" && ./mvnw -B -q package -DskipTests)
fi

WORK="$(mktemp -d)"
SERVER_PID=
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 "$HERE/bench/export_server.py" "$PORT" "$DEPLOYMENT" "$PAGES" "$DELAY" "$ATTACHMENTS" \
  >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
  grep -q ready "$WORK/server.log" 2>/dev/null && break
  sleep 0.1
done
BASE="http://127.0.0.1:$PORT"
stats() { python3 -c 'import json,sys,urllib.request as u; print(json.load(u.urlopen(sys.argv[1]))["requests"])' "$BASE/__stats"; }
reset() { python3 -c 'import sys,urllib.request as u; u.urlopen(u.Request(sys.argv[1], method="DELETE"))' "$BASE/__stats"; }

export CONF_CONFIG_DIR="$WORK/config" CONFLUENCE_URL="$BASE"
if [ "$DEPLOYMENT" = cloud ]; then
  export CONFLUENCE_DEPLOYMENT=cloud CONFLUENCE_EMAIL=bench@example.com CONFLUENCE_API_TOKEN=bench-token
else
  export CONFLUENCE_DEPLOYMENT=dc CONFLUENCE_PAT=bench-pat
fi
EXTRA=""
if [ "$ATTACHMENTS" -gt 0 ]; then
  EXTRA=--with-attachments
fi
run_export() {
  # shellcheck disable=SC2086 # EXTRA is one word or none
  "$HERE/bin/conf" export --space "$KEY" --to "$1" --concurrency "$CONCURRENCY" $EXTRA >/dev/null
}

# Warm-up (not measured), then wait for a background archive training to finish.
run_export "$WORK/warm"
for _ in $(seq 1 120); do
  pgrep -f -- '__cds-training' >/dev/null 2>&1 || break
  sleep 1
done
rm -rf "$WORK/warm"

reset
START=$(date +%s%N)
run_export "$WORK/out"
END=$(date +%s%N)
REQUESTS=$(stats)
WALL_MS=$(( (END - START) / 1000000 ))
FILES=$(find "$WORK/out" -type f \( -name '*.md' -o -name '*.xhtml' \) | wc -l)
ATT_FILES=$(find "$WORK/out" -type f -path '*.attachments/*' | wc -l)

reset
START2=$(date +%s%N)
run_export "$WORK/out"
END2=$(date +%s%N)
REQUESTS2=$(stats)

read -r REQ_BOUND TIME_BOUND IDEAL <<<"$(python3 -c '
import math, sys
pages, size, att, req, conc, delay = map(int, sys.argv[1:])
print(int(1.1 * (pages + math.ceil(pages / size) + att)), int(1.25 * req / conc * delay), int(req / conc * delay))
' "$PAGES" "$PAGE_SIZE" "$ATTACHMENTS" "$REQUESTS" "$CONCURRENCY" "$DELAY")"

echo "deployment:   $DEPLOYMENT (listing page size $PAGE_SIZE, ${DELAY} ms per request, concurrency $CONCURRENCY)"
echo "pages:        $PAGES (files written: $FILES); attachments: $ATTACHMENTS (files: $ATT_FILES)"
echo "requests:     $REQUESTS (bound: 1.1 x ($PAGES + ceil($PAGES/$PAGE_SIZE) + $ATTACHMENTS) = $REQ_BOUND)"
echo "wall time:    $WALL_MS ms (bound: 1.25 x $REQUESTS / $CONCURRENCY x $DELAY ms = $TIME_BOUND ms; ideal $IDEAL ms)"
echo "second run:   $REQUESTS2 requests, $(( (END2 - START2) / 1000000 )) ms (nothing changed: listings only)"
if [ "$FILES" -ne "$PAGES" ] || [ "$ATT_FILES" -ne "$ATTACHMENTS" ] \
  || [ "$REQUESTS" -gt "$REQ_BOUND" ] || [ "$WALL_MS" -gt "$TIME_BOUND" ]; then
  echo "result:       FAIL"
  exit 1
fi
echo "result:       PASS"
