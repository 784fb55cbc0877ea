#!/usr/bin/env bash
# Start-up benchmark: whole-process wall time and peak RSS of everyday conf commands, each paired with a
# JVM "hello world" measured in the same run, against a local WireMock server (loopback only).
#
#   ./mvnw -B -q package -DskipTests && bench/startup.sh            # RUNS=10 by default
#   RUNS=20 bench/startup.sh
#
# Needs: java 17+, GNU time (/usr/bin/time), python3 (medians), curl. The WireMock standalone jar comes
# from the local Maven repository (the tests put it there; else: ./mvnw dependency:get
# -Dartifact=org.wiremock:wiremock-standalone:3.13.2).
# The keychain case runs only where a Secret Service answers (e.g. inside `dbus-run-session` with an
# unlocked gnome-keyring, as .ci/run sets up); it is reported separately.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-10}
JAR=target/conf.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -B -q package -DskipTests" >&2; exit 2; }
WIREMOCK=${WIREMOCK_JAR:-$HOME/.m2/repository/org/wiremock/wiremock-standalone/3.13.2/wiremock-standalone-3.13.2.jar}
[ -f "$WIREMOCK" ] || ./mvnw -B -q dependency:get -Dartifact=org.wiremock:wiremock-standalone:3.13.2 >&2

work=$(mktemp -d)
trap 'kill $wm_pid 2>/dev/null || true; rm -rf "$work"' EXIT

# --- a local Data Center-shaped server
mkdir -p "$work/wm/mappings"
cat > "$work/wm/mappings/space.json" <<'JSON'
{"request":{"method":"GET","urlPath":"/rest/api/space"},
 "response":{"status":200,"headers":{"Content-Type":"application/json"},
  "jsonBody":{"results":[
    {"id":98305,"key":"DOCS","name":"Documentation","type":"global","status":"current","_links":{"webui":"/display/DOCS"}},
    {"id":131073,"key":"ENG","name":"Engineering","type":"global","status":"current","_links":{"webui":"/display/ENG"}}],
   "start":0,"limit":25,"size":2,"_links":{}}}}
JSON
cat > "$work/wm/mappings/page.json" <<'JSON'
{"request":{"method":"GET","urlPathPattern":"/rest/api/content/12345"},
 "response":{"status":200,"headers":{"Content-Type":"application/json"},
  "jsonBody":{"id":"12345","type":"page","status":"current","title":"Runbook",
   "space":{"key":"DOCS","name":"Documentation"},
   "version":{"number":7,"when":"2026-11-01T10:00:00.000Z","by":{"displayName":"Jane Doe","username":"jdoe"}},
   "history":{"createdBy":{"displayName":"Jane Doe"},"createdDate":"2026-01-01T10:00:00.000Z"},
   "ancestors":[],"metadata":{"labels":{"results":[]}},
   "body":{"storage":{"value":"<p>Restart the service.</p>","representation":"storage"}},
   "_links":{"webui":"/display/DOCS/Runbook"}}}}
JSON
cat > "$work/wm/mappings/user.json" <<'JSON'
{"request":{"method":"GET","urlPath":"/rest/api/user/current"},
 "response":{"status":200,"headers":{"Content-Type":"application/json"},
  "jsonBody":{"type":"known","username":"bench","userKey":"k1","displayName":"Bench User"}}}
JSON
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -jar "$WIREMOCK" --port "$port" --bind-address 127.0.0.1 --root-dir "$work/wm" --disable-banner \
  > "$work/wiremock.log" 2>&1 &
wm_pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/__admin/health" >/dev/null 2>&1 && break; sleep 0.1; done

# --- a JVM hello world, the yardstick
mkdir -p "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
  > "$work/hello/Hello.java"
javac -d "$work/hello" "$work/hello/Hello.java"

export CONF_CONFIG_DIR="$work/config" XDG_CACHE_HOME="$work/cache"
export CONFLUENCE_URL="http://127.0.0.1:$port" CONFLUENCE_PAT=bench-pat
unset CONFLUENCE_API_TOKEN CONFLUENCE_EMAIL CONFLUENCE_DEPLOYMENT CONF_PROFILE CONF_NO_CDS || true

# measure NAME CMD... : one warm-up, then RUNS runs; appends "name wall_ms rss_kib" lines
measure() {
  local name=$1; shift
  "$@" > /dev/null 2>&1 || { echo "failed: $*" >&2; "$@" >&2 || true; exit 1; }
  for _ in $(seq 1 "$RUNS"); do
    local t0 t1
    t0=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$work/rss" "$@" > /dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    t1=$(date +%s%N)
    echo "$name $(( (t1 - t0) / 1000000 )) $(tail -n1 "$work/rss")" >> "$work/results"
  done
}

: > "$work/results"
hello=(java -Xshare:auto -cp "$work/hello" Hello)
# Each conf case is paired with a hello-world measured right before it, so load on the machine hits both.
run_case() {
  local name=$1; shift
  measure "hello:$name" "${hello[@]}"
  measure "$name" "$@"
}
bin/conf space list > /dev/null  # first run: starts writing the class-data-sharing archive
for _ in $(seq 1 300); do          # ... in the background: wait for it, it competes for the CPU
  ls "$XDG_CACHE_HOME"/conf/*.jsa > /dev/null 2>&1 && ! ls -d "$XDG_CACHE_HOME"/conf/*.lock > /dev/null 2>&1 && break
  sleep 0.1
done
run_case "conf --version" bin/conf --version
run_case "conf --help" bin/conf --help
run_case "conf space list" bin/conf space list
if bin/conf page view 12345 > /dev/null 2>&1; then
  run_case "conf page view 12345" bin/conf page view 12345
fi
CONF_NO_CDS=1 run_case "conf space list (CONF_NO_CDS=1)" bin/conf space list

# The keychain path: the same space list, the secret read from the OS keychain instead of the env.
if printf '%s' bench-pat | env -u CONFLUENCE_PAT -u CONFLUENCE_URL bin/conf auth login \
     --url "http://127.0.0.1:$port" --with-token > /dev/null 2>&1; then
  ( unset CONFLUENCE_URL CONFLUENCE_PAT; run_case "conf space list (keychain)" bin/conf space list )
  env -u CONFLUENCE_PAT -u CONFLUENCE_URL bin/conf auth logout > /dev/null 2>&1 || true
else
  echo "(no Secret Service here: keychain case skipped)" >&2
fi

python3 - "$work/results" <<'PY'
import sys, statistics, collections
rows = collections.OrderedDict()
for line in open(sys.argv[1]):
    parts = line.rstrip("\n").rsplit(" ", 2)
    rows.setdefault(parts[0], []).append((int(parts[1]), int(parts[2])))
print(f"| command | median wall | JVM hello (same run) | ratio | peak RSS |")
print(f"| --- | --- | --- | --- | --- |")
for name, vals in rows.items():
    if name.startswith("hello:"):
        continue
    hello = rows["hello:" + name]
    wall = statistics.median(v[0] for v in vals)
    hw = statistics.median(v[0] for v in hello)
    rss = max(v[1] for v in vals) / 1024
    print(f"| `{name}` | {wall/1000:.3f} s | {hw/1000:.3f} s | {wall/hw:.2f} x | {rss:.0f} MiB |")
print(f"\nmedians of {len(next(iter(rows.values())))} runs each, after a warm-up; peak RSS is the largest seen")
PY
