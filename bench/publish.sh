#!/usr/bin/env bash
# Benchmark: `conf publish` of FILES Markdown files (default 200) against a stand-in Confluence with
# state (bench/publish_server.py). The first run creates the tree; the second, with no file
# changed, must make zero write requests and at most ceil(FILES / page size) + 5 reads; a third,
# after one file changed, must write that one page (update and record) and nothing else; a fourth,
# after one file was removed, with --prune, must trash that page and update only the page that
# linked to it.
#
#   bench/publish.sh [cloud|dc] [FILES] [PAGE_CAP]
#
# PAGE_CAP is the most results the server's content search answers per request (default 200, what
# conf asks for). Needs java 17+, python3 and curl; builds target/conf.jar if it is missing.
set -euo pipefail

DEPLOYMENT="${1:-cloud}"
FILES="${2:-200}"
CAP="${3:-200}"
HERE="$(cd "$(dirname "$0")/.." && pwd)"
case "$DEPLOYMENT" in
  cloud|dc) ;;
  *) echo "usage: $0 [cloud|dc] [FILES] [PAGE_CAP]" >&2; exit 2 ;;
esac
ASKED=200 # the page size conf asks of the content search (PublishState.SEARCH_LIMIT)
PAGE_SIZE=$(( CAP < ASKED ? CAP : ASKED ))

if [ ! -f "$HERE/target/conf.jar" ]; then
  (cd "$HERE" && ./mvnw -B -q package -DskipTests)
fi

WORK="$(mktemp -d)"
trap 'kill "$SERVER_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

# The folder: FILES Markdown files, ten folders with an index.md each, the rest spread over them,
# every page with a label and a link to the next one.
python3 - "$WORK/docs" "$FILES" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
folders = 10
paths = []
for f in range(folders):
    paths.append(f"part-{f}/index.md")
for k in range(n - folders):
    paths.append(f"part-{k % folders}/page-{k}.md")
for i, rel in enumerate(paths):
    p = os.path.join(root, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    title = f"Part {rel.split('/')[0][5:]}" if rel.endswith("index.md") else f"Page {rel[:-3].split('-')[-1]}"
    nxt = paths[(i + 1) % len(paths)]
    link = os.path.relpath(os.path.join(root, nxt), os.path.dirname(p))
    with open(p, "w") as f:
        f.write(f"---\nlabels: [bench]\n---\n# {title}\n\nSome text for {title}.\n\nNext: [{nxt}]({link})\n")
PY

python3 "$HERE/bench/publish_server.py" "$DEPLOYMENT" "$PORT" "$CAP" &
SERVER_PID=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$PORT/__stats" >/dev/null 2>&1 && break
  sleep 0.1
done

export CONF_CONFIG_DIR="$WORK/config" CONFLUENCE_URL="http://127.0.0.1:$PORT"
if [ "$DEPLOYMENT" = cloud ]; then
  export CONFLUENCE_DEPLOYMENT=cloud CONFLUENCE_EMAIL=bench@example.com CONFLUENCE_API_TOKEN=bench-token
else
  export CONFLUENCE_DEPLOYMENT=dc CONFLUENCE_PAT=bench-pat
fi
stat() { curl -sf "http://127.0.0.1:$PORT/__stats" | python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
publish() {
  curl -sf "http://127.0.0.1:$PORT/__reset" >/dev/null
  local start end
  start=$(date +%s%N)
  java -jar "$HERE/target/conf.jar" publish "$WORK/docs" --space BENCH "$@" >"$WORK/out.tsv" 2>"$WORK/err.txt"
  end=$(date +%s%N)
  MS=$(( (end - start) / 1000000 ))
  READS=$(stat reads)
  WRITES=$(stat writes)
}

publish
echo "deployment:     $DEPLOYMENT (search page size $PAGE_SIZE)"
echo "first run:      $(grep -c '^create' "$WORK/out.tsv") created; $READS reads, $WRITES writes, $MS ms"

publish
BOUND=$(( (FILES + PAGE_SIZE - 1) / PAGE_SIZE + 5 ))
UNCHANGED=$(grep -c '^unchanged' "$WORK/out.tsv" || true)
echo "unchanged run:  $UNCHANGED unchanged; reads $READS, writes $WRITES, $MS ms"
echo "bound:          writes = 0, reads <= ceil($FILES/$PAGE_SIZE) + 5 = $BOUND"
FAILED=0
if [ "$WRITES" -ne 0 ] || [ "$READS" -gt "$BOUND" ] || [ "$UNCHANGED" -ne "$FILES" ]; then
  FAILED=1
fi

echo "More text." >>"$WORK/docs/part-3/page-13.md"
publish
UPDATED=$(grep -c '^update' "$WORK/out.tsv" || true)
echo "one file edited: $UPDATED updated; reads $READS, writes $WRITES (page + record), $MS ms"
if [ "$UPDATED" -ne 1 ] || [ "$WRITES" -ne 2 ]; then
  FAILED=1
fi

rm "$WORK/docs/part-3/page-13.md"
publish --prune
DELETED=$(grep -c '^delete' "$WORK/out.tsv" || true)
UPDATED=$(grep -c '^update' "$WORK/out.tsv" || true)
echo "one file removed, --prune: $DELETED moved to the trash, $UPDATED updated (its link went); writes $WRITES, $MS ms"
if [ "$DELETED" -ne 1 ] || [ "$WRITES" -ne $((1 + 2 * UPDATED)) ]; then
  FAILED=1
fi

if [ "$FAILED" -ne 0 ]; then
  echo "FAIL" >&2
  exit 1
fi
echo "PASS"
