#!/usr/bin/env bash
# Benchmark: long exports that finish (issue 17). Runs `conf export` against bench/export_server.py
# with a token bucket of R requests a second (burst R) in three header styles, under injected
# faults, and with a quota spent mid-export, and prints for each:
#
#   rate:   429 share of all requests, wall time against the ideal (requests / R), exit code
#   faults: exit code, the tree against a fault-free export from the same server (diff -r),
#           temporary files left, and (if the run ended with exit 1) whether a rerun completes it
#   quota:  exit code (6 expected), time to exit, whether the message names the reset, files left
#           half-written, and whether a rerun (quota lifted) completes the tree
#
#   bench/limits.sh [cloud|dc] [PAGES] [RATE] [CONCURRENCY] [FAULTS] [ATTACHMENTS]
#
# Defaults: cloud 1000 20 8 0.05 100. Needs java 17+ and python3 (standard library only); builds
# target/conf.jar if it is missing. Loopback only. Not a timed test: figures go in bench/README.md.
# HANG_S (default 65, past conf's 60 s read timeout) sets how long an injected hang lasts.
# SCENARIOS (default "rate faults quota") picks which of the three parts run, e.g. SCENARIOS=quota.
set -euo pipefail

DEPLOYMENT="${1:-cloud}"
PAGES="${2:-1000}"
RATE="${3:-20}"
CONCURRENCY="${4:-8}"
FAULTS="${5:-0.05}"
ATTACHMENTS="${6:-100}"
HANG_S="${HANG_S:-65}"
SCENARIOS="${SCENARIOS:-rate faults quota}"
KEY=BENCH
HERE="$(cd "$(dirname "$0")/.." && pwd)"

if [ ! -f "$HERE/target/conf.jar" ]; then
  (cd "$HERE" && ./mvnw -B -q package -DskipTests)
fi

WORK="$(mktemp -d)"
SERVER_PID=
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 "$HERE/bench/export_server.py" "$PORT" "$DEPLOYMENT" "$PAGES" 0 "$ATTACHMENTS" \
  >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
  grep -q ready "$WORK/server.log" 2>/dev/null && break
  sleep 0.1
done
BASE="http://127.0.0.1:$PORT"
get() { python3 -c 'import sys,urllib.request as u; print(u.urlopen(sys.argv[1]).read().decode())' "$1"; }
config() { get "$BASE/__config?$1" >/dev/null; }
reset() { python3 -c 'import sys,urllib.request as u; u.urlopen(u.Request(sys.argv[1], method="DELETE"))' "$BASE/__stats"; }
stat() { get "$BASE/__stats" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {}, d))' "$1"; }

export CONF_CONFIG_DIR="$WORK/config" CONFLUENCE_URL="$BASE" CONF_NO_CDS=1
if [ "$DEPLOYMENT" = cloud ]; then
  export CONFLUENCE_DEPLOYMENT=cloud CONFLUENCE_EMAIL=bench@example.com CONFLUENCE_API_TOKEN=bench-token
else
  export CONFLUENCE_DEPLOYMENT=dc CONFLUENCE_PAT=bench-pat
fi
EXIT=0
run() { # DIR [extra args]: runs an export, sets EXIT and MS
  local dir="$1"; shift
  local start end
  start=$(date +%s%N)
  set +e
  "$HERE/bin/conf" export --space "$KEY" --to "$dir" --concurrency "$CONCURRENCY" "$@" \
    >/dev/null 2>"$WORK/err"
  EXIT=$?
  set -e
  end=$(date +%s%N)
  MS=$(( (end - start) / 1000000 ))
}
parts() { find "$1" -name '*.part' | wc -l; }

echo "deployment $DEPLOYMENT, $PAGES pages, R = $RATE/s, concurrency $CONCURRENCY"
want() { case " $SCENARIOS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
if want rate; then
echo
echo "-- paced by the server's rate limit (no attachments)"
for style in cloud dc none; do
  config "rate=$RATE&headers=$style&faults=0&quota_after=-1"
  reset
  run "$WORK/rate-$style"
  total=$(stat requests); refused=$(stat refused)
  python3 -c '
import sys
style, total, refused, ms, rate, code = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), sys.argv[6]
ideal = total / rate * 1000
print(f"{style:6} exit {code}  requests {total}  429s {refused} ({100 * refused / max(1, total):.1f} %)"
      f"  wall {ms} ms  ideal {ideal:.0f} ms  ({ms / ideal:.2f} x)")
' "$style" "$total" "$refused" "$MS" "$RATE" "$EXIT"
done
fi

if want faults; then
echo
echo "-- faults ($FAULTS of requests; with $ATTACHMENTS attachments; hang $HANG_S s)"
config "rate=0&headers=none&faults=0&quota_after=-1"
run "$WORK/ref" --with-attachments
REF_EXIT=$EXIT
config "faults=$FAULTS&hang_s=$HANG_S"
reset
run "$WORK/faulty" --with-attachments
FIRST_EXIT=$EXIT
FIRST_MS=$MS
FAULTS_SEEN=$(stat faults)
RERUN="no rerun needed"
if [ "$EXIT" -ne 0 ]; then
  run "$WORK/faulty" --with-attachments
  RERUN="rerun exit $EXIT"
fi
config "faults=0"
if diff -r -q "$WORK/ref" "$WORK/faulty" >/dev/null; then SAME=identical; else SAME=DIFFERENT; fi
echo "reference exit $REF_EXIT; faulty run exit $FIRST_EXIT in $FIRST_MS ms ($FAULTS_SEEN); $RERUN"
echo "tree vs fault-free export: $SAME; temporary files left: $(parts "$WORK/faulty")"
grep -v 'retrying in' "$WORK/err" | head -3 || true
fi

if want quota; then
echo
echo "-- quota spent mid-export (after 40 % of the pages)"
config "rate=0&faults=0&quota_after=$(( PAGES * 2 / 5 ))"
run "$WORK/quota"
QUOTA_EXIT=$EXIT
QUOTA_MS=$MS
NAMES=$(grep -c 'quota is spent until 20' "$WORK/err" || true)
HALF=$(parts "$WORK/quota")
WRITTEN=$(find "$WORK/quota" -name '*.md' | wc -l)
config "quota_after=-1"
reset
run "$WORK/quota"
echo "exit $QUOTA_EXIT after $QUOTA_MS ms; message names the reset: $([ "$NAMES" -gt 0 ] && echo yes || echo NO);" \
  "pages written $WRITTEN; temporary files left $HALF"
echo "rerun with the quota back: exit $EXIT, $(stat requests) requests, $(find "$WORK/quota" -name '*.md' | wc -l) pages"
head -1 "$WORK/err" || true
fi
