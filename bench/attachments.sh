#!/usr/bin/env bash
# Benchmark: `conf attachment upload` and `download` of a 1 GiB file with the JVM capped at
# -Xmx64m, next to curl on the same transfers, against a local stand-in server
# (bench/attachment_server.py, Data Center REST v1 on 127.0.0.1). Prints wall time, throughput
# and peak RSS (GNU time's %M) for each.
#
#   bench/attachments.sh [SIZE_BYTES]        (default 1073741824 = 1 GiB)
#
# Needs java 17+, python3, curl and /usr/bin/time; builds target/conf.jar if it is missing. The
# file to upload is sparse (no disk space used); everything is deleted afterwards.
set -euo pipefail

SIZE="${1:-1073741824}"
HERE="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -f "$HERE/target/conf.jar" ]; then
  (cd "$HERE" && ./mvnw -B -q package -DskipTests)
fi

WORK="$(mktemp -d)"
SERVER_PID=""
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 "$HERE/bench/attachment_server.py" "$PORT" "$SIZE" &
SERVER_PID=$!
for _ in $(seq 50); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/rest/api/content/1001" && break
  sleep 0.1
done

truncate -s "$SIZE" "$WORK/big.bin"
mkdir -p "$WORK/conf" "$WORK/curl" "$WORK/config"
export CONFLUENCE_URL="http://127.0.0.1:$PORT" CONFLUENCE_PAT=bench-token CONF_CONFIG_DIR="$WORK/config"
BASE="http://127.0.0.1:$PORT"

measure() { # label, command...
  local label="$1"; shift
  /usr/bin/time -f '%e %M' -o "$WORK/time" "$@" >/dev/null 2>"$WORK/err" || {
    echo "$label failed:" >&2; cat "$WORK/err" >&2; exit 1; }
  read -r secs kib < "$WORK/time"
  awk -v l="$label" -v s="$secs" -v k="$kib" -v b="$SIZE" \
    'BEGIN { printf "%-28s %7.2f s  %8.1f MiB/s  peak RSS %6.1f MiB\n", l, s, b / 1048576 / (s > 0 ? s : 0.01), k / 1024 }'
}

echo "size: $SIZE bytes; java: $(java -version 2>&1 | head -1)"
measure "conf upload (-Xmx64m)" java -Xmx64m -jar "$HERE/target/conf.jar" attachment upload 42 "$WORK/big.bin"
measure "curl upload" curl -sf -H 'X-Atlassian-Token: no-check' -H "Authorization: Bearer $CONFLUENCE_PAT" \
  -F "file=@$WORK/big.bin" -F minorEdit=false "$BASE/rest/api/content/42/child/attachment"
measure "conf download (-Xmx64m)" java -Xmx64m -jar "$HERE/target/conf.jar" attachment download 1001 -o "$WORK/conf/big.bin"
measure "curl download" curl -sf -H "Authorization: Bearer $CONFLUENCE_PAT" \
  -o "$WORK/curl/big.bin" "$BASE/download/attachments/42/big.bin"
test "$(stat -c %s "$WORK/conf/big.bin")" = "$SIZE" || { echo "conf download has the wrong size" >&2; exit 1; }
