#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring Secret Service whose
# keyrings live in a temporary directory (never the user's own), e.g.:
#   bench/with-keyring.sh bench/startup.sh
# Needs the Debian packages gnome-keyring and dbus (apt-get install -y gnome-keyring dbus).
set -euo pipefail
if [[ ${1:-} != --inside ]]; then
  command -v dbus-run-session > /dev/null && command -v gnome-keyring-daemon > /dev/null || {
    echo "needs dbus-run-session and gnome-keyring-daemon (apt-get install -y gnome-keyring dbus)" >&2
    exit 2
  }
  exec dbus-run-session -- "$0" --inside "$@"
fi
shift
keyrings=$(mktemp -d)
trap 'rm -rf "$keyrings"' EXIT
eval "$(printf '%s' bench | XDG_DATA_HOME="$keyrings" gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
"$@"
