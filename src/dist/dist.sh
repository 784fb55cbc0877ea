#!/usr/bin/env bash
# Builds the distribution: target/conf-VERSION-OS-ARCH.tar.gz, a conf that needs no Java installed.
# Run by Maven in the `dist` profile (`./mvnw -B -Pdist package`), after the jar is built:
#
#   dist.sh JDK VERSION BASEDIR TARGET LOCAL_REPOSITORY
#
# JDK is the JDK whose jlink makes the runtime (the pom's dist.jdk: the JDK Maven runs on, i.e.
# JAVA_HOME, unless -Ddist.jdk=DIR). The archive is in the tarball as
#
#   conf-VERSION/bin/conf            the launcher (uses runtime/ and lib/conf.aot)
#   conf-VERSION/lib/conf.jar        the jar, with its build id (conf.jar.id)
#   conf-VERSION/lib/conf.aot        AOT cache (JDK 25+), recorded here by the training run, so a
#                                    fresh install starts fast at once (JDK 17-24: see below)
#   conf-VERSION/runtime/            jlink runtime: only the modules conf needs (jdeps), with the
#                                    JDK's own CDS archive and legal notices (runtime/legal)
#   conf-VERSION/completions/        bash and zsh completion scripts
#   conf-VERSION/share/man/man1/     man pages, conf.1 and one per command (conf-page-update.1),
#                                    written by the build from the command model (ManPages); man-db
#                                    finds them from bin/ on the PATH, else MANPATH
#   conf-VERSION/licenses/           conf's licence and every bundled dependency's
#
# With dpkg-deb on the machine it also builds target/conf_VERSION_ARCH.deb (the same tree under
# /opt/conf, /usr/bin/conf a link to the launcher).
set -euo pipefail

jdk=$1 version=$2 basedir=$3 target=$4 repo=$5
log() { printf '[conf dist] %s\n' "$*" >&2; }
start=$SECONDS

for tool in jlink jdeps java jar; do
  [[ -x $jdk/bin/$tool ]] || { log "no $tool in $jdk (dist.jdk): a full JDK is needed"; exit 1; }
done
major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk/release")
case $(uname -s) in
  Linux) os=linux ;;
  Darwin) os=macos ;;
  *) os=$(uname -s | tr '[:upper:]' '[:lower:]') ;;
esac
case $(uname -m) in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=aarch64 ;;
  *) arch=$(uname -m) ;;
esac
name=conf-$version
stage=$target/dist/$name
rm -rf "$target/dist"
mkdir -p "$stage/bin" "$stage/lib" "$stage/completions" "$stage/licenses" "$stage/share/man/man1"

# The jar: lib/ is where bin/conf looks first. cp -p: the archive below carries the jar's time.
cp -p "$target/conf.jar" "$target/conf.jar.id" "$stage/lib/"
cp "$basedir/bin/conf" "$stage/bin/conf"
chmod 0755 "$stage/bin/conf"

# The modules conf needs: what jdeps finds in the jar, and those only reached by name at run time.
mods=$("$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 \
  "$stage/lib/conf.jar")
# jdk.crypto.ec: the elliptic curves of TLS (a module of its own before Java 22); jdk.httpserver:
# the training server (found by jdeps too; named so it cannot go missing); jdk.localedata: dates
# and numbers in the user's locale; jdk.charsets: consoles in legacy encodings.
for m in jdk.crypto.ec jdk.httpserver jdk.localedata jdk.charsets; do
  if "$jdk/bin/java" --list-modules | grep -q "^$m@" && [[ ,$mods, != *,$m,* ]]; then
    mods=$mods,$m
  fi
done
log "JDK $major ($jdk); modules: $mods"
"$jdk/bin/jlink" --add-modules "$mods" --strip-debug --no-man-pages --no-header-files \
  --generate-cds-archive --output "$stage/runtime" >/dev/null
# jlink's CDS archive without compressed oops is for heaps over 32 GB: not conf's.
rm -f "$stage/runtime/lib/server/classes_nocoops.jsa"
log "runtime: $(du -sh "$stage/runtime" | cut -f1) after $((SECONDS - start))s"

# The archive, recorded by the launcher itself (same flags as every run) with the training run,
# into a throw-away cache, then moved into lib/ (mv keeps the jar's time that bin/conf checks).
# Only an AOT cache (Java 25+): it holds the runtime's and the jar's paths relative to each other,
# so the unpacked tree can live anywhere. A Java 17 dynamic CDS archive holds the jar's absolute
# path and is refused anywhere else; there bin/conf records one in the user's cache on first run.
cache=$(mktemp -d "${TMPDIR:-/tmp}/conf-dist-cache.XXXXXX")
trap 'rm -rf "$cache"' EXIT
if ((major >= 25)); then
  printf '# T\n\n*a*\n' >"$cache/t.md"
  env -i PATH="$PATH" HOME="$cache" XDG_CACHE_HOME="$cache" CONF_CONFIG_DIR="$cache/config" \
    CONF_CDS_FOREGROUND=1 "$stage/bin/conf" convert "$cache/t.md" >/dev/null
  recorded=$(find "$cache/conf" -name "conf-jdk*.aot" | head -n 1)
  if [[ -z $recorded ]]; then
    log "the training run recorded no AOT cache (see bin/conf); the distribution would start slowly"
    exit 1
  fi
  mv "$recorded" "$stage/lib/conf.aot"
  chmod 0644 "$stage/lib/conf.aot"
  log "AOT cache lib/conf.aot: $(du -sh "$stage/lib/conf.aot" | cut -f1) after $((SECONDS - start))s"
else
  log "JDK $major: no archive in the distribution (CDS before Java 25 pins the jar's path);"
  log "  bin/conf records one in the user's cache on the first run"
fi

# Shell completions, from the jar itself.
"$stage/runtime/bin/java" -jar "$stage/lib/conf.jar" completion bash >"$stage/completions/conf.bash"
"$stage/runtime/bin/java" -jar "$stage/lib/conf.jar" completion zsh >"$stage/completions/_conf"

# Man pages, which the build wrote from the jar's command model (the pom's man-pages step).
if ! ls "$target"/man/man1/conf*.1 >/dev/null 2>&1; then
  log "no man pages in $target/man/man1 (the pom's man-pages step)"
  exit 1
fi
cp "$target"/man/man1/conf*.1 "$stage/share/man/man1/"
chmod 0644 "$stage"/share/man/man1/*.1
log "man pages: $(find "$stage/share/man/man1" -name '*.1' | wc -l) in share/man/man1"

# Licences: conf's, then each bundled dependency's licence and notice files from its jar, and the
# licence its POM declares (some jars carry no file); the runtime's are in runtime/legal.
cp "$basedir/LICENSE" "$stage/LICENSE"
cp "$basedir/README.md" "$stage/README.md"
index=$stage/licenses/README.txt
{
  echo "conf $version bundles these libraries in lib/conf.jar; each folder holds the licence and"
  echo "notice files its jar ships. The Java runtime's notices are in runtime/legal."
  echo
} >"$index"
# The licences a POM declares, "name url ...", else those of its parent POM (from the local
# repository), and so on up.
pom_licenses() {
  local pom=$1 flat found parent g a v
  for _ in 1 2 3 4 5 6; do
    [[ -f $pom ]] || return 0
    flat=$(tr -d '\n\r' <"$pom" | sed 's/<!--[^>]*-->//g')
    found=$(grep -o '<licenses>.*</licenses>' <<<"$flat" |
      grep -o '<name>[^<]*</name>\|<url>[^<]*</url>' | sed 's/<[^>]*>//g' | paste -sd ' ' - || true)
    if [[ -n $found ]]; then
      echo "$found"
      return 0
    fi
    parent=$(grep -o '<parent>.*</parent>' <<<"$flat" | head -n 1 || true)
    [[ -n $parent ]] || return 0
    g=$(sed -n 's|.*<groupId>\([^<]*\)</groupId>.*|\1|p' <<<"$parent")
    a=$(sed -n 's|.*<artifactId>\([^<]*\)</artifactId>.*|\1|p' <<<"$parent")
    v=$(sed -n 's|.*<version>\([^<]*\)</version>.*|\1|p' <<<"$parent")
    pom=$repo/${g//.//}/$a/$v/$a-$v.pom
  done
}
extract=$(mktemp -d "${TMPDIR:-/tmp}/conf-dist-lic.XXXXXX")
for dep in "$target"/dist-deps/*.jar; do
  base=$(basename "$dep" .jar)
  dir=$stage/licenses/$base
  mkdir -p "$dir"
  rm -rf "${extract:?}"/*
  (cd "$extract" && "$jdk/bin/jar" xf "$dep" META-INF 2>/dev/null) || true
  find "$extract/META-INF" -maxdepth 2 -type f \
    \( -iname 'LICENSE*' -o -iname 'NOTICE*' -o -iname 'COPYING*' -o -iname '*.LICENSE' \
    -o -iname 'AL2.0' -o -iname 'LGPL2.1' \) 2>/dev/null | while read -r f; do
    cp "$f" "$dir/$(basename "$f")"
  done
  declared=
  if [[ -f $target/dist-deps/$base.pom ]]; then
    declared=$(pom_licenses "$target/dist-deps/$base.pom")
  fi
  if [[ -n $declared ]]; then
    echo "$declared" >"$dir/declared-in-pom.txt"
  fi
  files=$(find "$dir" -type f | wc -l)
  if ((files == 0)); then
    log "WARNING: $base ships no licence file and its POM declares none here"
    echo "$base: see the project's own site for its licence" >"$dir/unknown.txt"
  fi
  echo "$base: ${declared:-(licence files only)}" >>"$index"
done
rm -rf "$extract"

tarball=$target/$name-$os-$arch.tar.gz
tar -C "$target/dist" -czf "$tarball" "$name"
log "built $tarball ($(du -h "$tarball" | cut -f1)) in $((SECONDS - start))s"

if command -v dpkg-deb >/dev/null && [[ $os == linux ]]; then
  deb=$target/dist/deb
  mkdir -p "$deb/DEBIAN" "$deb/opt" "$deb/usr/bin" "$deb/usr/share/bash-completion/completions" \
    "$deb/usr/share/man/man1"
  cp -a "$stage" "$deb/opt/conf"
  ln -s /opt/conf/bin/conf "$deb/usr/bin/conf"
  ln -s /opt/conf/completions/conf.bash "$deb/usr/share/bash-completion/completions/conf"
  for page in "$stage"/share/man/man1/*.1; do
    ln -s "/opt/conf/share/man/man1/$(basename "$page")" "$deb/usr/share/man/man1/$(basename "$page")"
  done
  debarch=$arch
  [[ $arch == x64 ]] && debarch=amd64
  [[ $arch == aarch64 ]] && debarch=arm64
  debversion=${version//-SNAPSHOT/~snapshot}
  cat >"$deb/DEBIAN/control" <<EOF
Package: conf
Version: $debversion
Architecture: $debarch
Maintainer: conf <conf@users.noreply.github.com>
Section: utils
Priority: optional
Homepage: https://github.com/conf-cli/conf
Description: command-line client for Confluence Cloud and Data Center
 Pages, blog posts, attachments, comments, labels, search, export and publish
 from the command line. Brings its own Java runtime.
EOF
  # gzip at a low level: xz (the default) takes minutes for the runtime, for a few MB less.
  dpkg-deb -Zgzip -z3 --root-owner-group --build "$deb" "$target/conf_${debversion}_$debarch.deb" >/dev/null
  log "built $target/conf_${debversion}_$debarch.deb in $((SECONDS - start))s"
fi
