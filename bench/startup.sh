#!/usr/bin/env bash
# Start-up benchmark: whole-process wall time and peak RSS of everyday conf commands, each paired with a
# JVM "hello world" measured in the same run, against a local WireMock server (loopback only).
#
#   ./mvnw -B -q package -DskipTests && bench/startup.sh            # RUNS=10 by default
#   RUNS=20 bench/startup.sh
#   bench/startup.sh https                                          # the same server behind TLS
#
# HTTPS mode: a CA and a server certificate for 127.0.0.1 are generated with openssl and WireMock
# serves TLS with them. Two cases for each client: the CA added to a COPY of the platform trust store
# (a public site: -Djavax.net.ssl.trustStore for conf through CONF_JAVA_OPTS, CURL_CA_BUNDLE for curl)
# and the CA given on its own (a private CA: conf --ca-cert FILE, curl --cacert FILE). Node always
# gets it through NODE_EXTRA_CA_CERTS. The Node peer is PEER_CMD when set (a Node Confluence CLI the
# user has installed, e.g. PEER_CMD='confluence spaces' for pchuri/confluence-cli: it is given
# CONFLUENCE_DOMAIN, CONFLUENCE_PROTOCOL=https, CONFLUENCE_API_PATH=/rest/api, CONFLUENCE_AUTH_TYPE=bearer
# and CONFLUENCE_API_TOKEN for the local server only), and PEER_VIEW_CMD its page view (e.g.
# 'confluence read 12345'); each runs twice, the CA in NODE_EXTRA_CA_CERTS and, the private-CA case,
# also in CONFLUENCE_TLS_CA_CERT (pchuri's own CA option). bench/https_get.js (one bare `https` GET)
# runs always, as the lower bound of any Node CLI.
#   PEER_CMD='node /path/to/confluence-cli/bin/index.js spaces' \
#   PEER_VIEW_CMD='node /path/to/confluence-cli/bin/index.js read 12345' bench/startup.sh https
#
# Needs: java 17+, GNU time (/usr/bin/time), python3 (medians), curl. The WireMock standalone jar comes
# from the local Maven repository (the tests put it there; else: ./mvnw dependency:get
# -Dartifact=org.wiremock:wiremock-standalone:3.13.2).
# The keychain case runs only where a Secret Service answers (e.g. inside `dbus-run-session` with an
# unlocked gnome-keyring, as .ci/run sets up); it is reported separately.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-10}
MODE=${1:-http}
case "$MODE" in http | https) ;; *) echo "usage: bench/startup.sh [http|https]" >&2; exit 2 ;; esac
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
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
tls_args=()
if [ "$MODE" = https ]; then
  # A throw-away CA and a server certificate for 127.0.0.1 signed by it (EC P-256, as most sites).
  tls=$work/tls
  mkdir -p "$tls"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=conf bench CA" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
    -keyout "$tls/ca.key" -out "$tls/ca.pem" 2> /dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=127.0.0.1" \
    -keyout "$tls/server.key" -out "$tls/server.csr" 2> /dev/null
  printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n' > "$tls/ext"
  openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" -CAcreateserial -days 2 \
    -extfile "$tls/ext" -out "$tls/server.pem" 2> /dev/null
  openssl pkcs12 -export -name server -inkey "$tls/server.key" -in "$tls/server.pem" -certfile "$tls/ca.pem" \
    -passout pass:password -out "$tls/server.p12"
  # The public-site case: the CA added to a copy of the platform trust store, the original untouched.
  java_home=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')
  cp "$java_home/lib/security/cacerts" "$tls/cacerts"
  chmod u+w "$tls/cacerts"
  keytool -importcert -noprompt -alias conf-bench-ca -file "$tls/ca.pem" -keystore "$tls/cacerts" \
    -storepass changeit > /dev/null
  system_bundle=${SYSTEM_CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}
  cat "$system_bundle" "$tls/ca.pem" > "$tls/bundle.pem"
  https_port=$(free_port)
  tls_args=(--https-port "$https_port" --https-keystore "$tls/server.p12" --keystore-type PKCS12
    --keystore-password password --key-manager-password password)
fi
java -jar "$WIREMOCK" --port "$port" --bind-address 127.0.0.1 --root-dir "$work/wm" --disable-banner \
  "${tls_args[@]}" > "$work/wiremock.log" 2>&1 &
wm_pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/__admin/health" >/dev/null 2>&1 && break; sleep 0.1; done

# --- a JVM hello world, the yardstick
mkdir -p "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
  > "$work/hello/Hello.java"
javac -d "$work/hello" "$work/hello/Hello.java"

export CONF_CONFIG_DIR="$work/config" XDG_CACHE_HOME="$work/cache"
export CONFLUENCE_URL="http://127.0.0.1:$port" CONFLUENCE_PAT=bench-pat
if [ "$MODE" = https ]; then
  export CONFLUENCE_URL="https://127.0.0.1:$https_port"
  curl -sf --cacert "$tls/ca.pem" "$CONFLUENCE_URL/rest/api/space" > /dev/null ||
    { echo "the TLS endpoint does not answer: see $work/wiremock.log" >&2; exit 1; }
fi
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
# The first run of a launcher configuration starts recording its class-data-sharing archive in the
# background; wait for it, it competes for the CPU. (CONF_JAVA_OPTS is part of the archive's key.)
archives() { { find "$XDG_CACHE_HOME/conf" -maxdepth 1 \( -name '*.jsa' -o -name '*.aot' \) 2> /dev/null || true; } | wc -l; }
train() {
  local before
  before=$(archives)
  "$@" > /dev/null 2>&1 || true
  for _ in $(seq 1 600); do
    [ "$(archives)" -gt "$before" ] && ! ls -d "$XDG_CACHE_HOME"/conf/*.lock > /dev/null 2>&1 && break
    sleep 0.1
  done
}
if [ "$MODE" = https ]; then
  trust=(env "CONF_JAVA_OPTS=-Djavax.net.ssl.trustStore=$tls/cacerts")
  train "${trust[@]}" bin/conf space list
  train bin/conf --ca-cert "$tls/ca.pem" space list
  run_case "conf --version" bin/conf --version
  run_case "conf space list (CA in a copy of the platform store)" "${trust[@]}" bin/conf space list
  run_case "conf page view 12345 (CA in a copy of the platform store)" "${trust[@]}" bin/conf page view 12345
  run_case "conf --ca-cert space list" bin/conf --ca-cert "$tls/ca.pem" space list
  run_case "conf --ca-cert page view 12345" bin/conf --ca-cert "$tls/ca.pem" page view 12345
  node_env=(env "NODE_EXTRA_CA_CERTS=$tls/ca.pem")
  if [ -n "${PEER_CMD:-}" ]; then
    peer_env=("${node_env[@]}" "CONFLUENCE_DOMAIN=127.0.0.1:$https_port" CONFLUENCE_PROTOCOL=https
      CONFLUENCE_API_PATH=/rest/api CONFLUENCE_AUTH_TYPE=bearer CONFLUENCE_API_TOKEN=bench-pat
      CONFLUENCE_CLI_ANALYTICS=false "CONFLUENCE_CONFIG_DIR=$work/peer-config")
    # shellcheck disable=SC2086 # PEER_CMD is a command line
    run_case "peer: $PEER_CMD" "${peer_env[@]}" $PEER_CMD
    # shellcheck disable=SC2086
    run_case "peer, CONFLUENCE_TLS_CA_CERT: $PEER_CMD" "${peer_env[@]}" "CONFLUENCE_TLS_CA_CERT=$tls/ca.pem" $PEER_CMD
    if [ -n "${PEER_VIEW_CMD:-}" ]; then
      # shellcheck disable=SC2086
      run_case "peer: $PEER_VIEW_CMD" "${peer_env[@]}" $PEER_VIEW_CMD
      # shellcheck disable=SC2086
      run_case "peer, CONFLUENCE_TLS_CA_CERT: $PEER_VIEW_CMD" "${peer_env[@]}" "CONFLUENCE_TLS_CA_CERT=$tls/ca.pem" $PEER_VIEW_CMD
    fi
  fi
  if command -v node > /dev/null; then
    run_case "node https.get (NODE_EXTRA_CA_CERTS)" "${node_env[@]}" node bench/https_get.js "$CONFLUENCE_URL/rest/api/space"
  fi
  run_case "curl (CA in a copy of the system bundle)" env "CURL_CA_BUNDLE=$tls/bundle.pem" \
    curl -sf -H "Authorization: Bearer bench-pat" "$CONFLUENCE_URL/rest/api/space"
  run_case "curl --cacert" curl -sf --cacert "$tls/ca.pem" -H "Authorization: Bearer bench-pat" \
    "$CONFLUENCE_URL/rest/api/space"
  SKIP_HTTP_CASES=1
else
  train bin/conf space list
fi
if [ -z "${SKIP_HTTP_CASES:-}" ]; then
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
