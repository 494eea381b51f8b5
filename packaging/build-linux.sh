#!/usr/bin/env bash
# Builds Cairn's Linux packages: a trimmed Java runtime (jlink) with JavaFX and its native
# libraries inside, the app image (jpackage) with two launchers, `Cairn` (the desktop app) and
# `cairn` (the command line), and a .deb that installs both.
#
#   packaging/build-linux.sh           app image and .deb
#   packaging/build-linux.sh --image   app image only (what the smoke test needs; about 45 s)
#
# Outputs, under packaging/target/:
#   runtime/          the jlinked runtime (rebuilt only when the JDK, JavaFX or the module list change)
#   image/Cairn/      the app image: bin/Cairn, bin/cairn, lib/app (jars), lib/runtime
#   cairn_<version>-1_amd64.deb
#
# Needs a JDK 17+ with its jmods (Debian: openjdk-17-jdk-headless ships them) and, for the .deb,
# fakeroot and dpkg-deb; with Xvfb (and GTK 3) it makes a class data archive of the app's start.
# Builds the project first (./mvnw package) when the sources are newer than
# the build; set MVN to use another Maven, for example MVN="mvn -o". DEB_MAINTAINER (an e-mail
# address) fills the .deb's Maintainer field.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
here="$root/packaging"
out="$here/target"
image_only=false
case "${1:-}" in
  --image) image_only=true ;;
  "") ;;
  *) echo "usage: $0 [--image]" >&2; exit 2 ;;
esac

say() { echo "build-linux: $*" >&2; }

# ---------------------------------------------------------------- the JDK's tools
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/jpackage" ]]; then
  jdk="$JAVA_HOME"
else
  jdk="$(dirname "$(dirname "$(readlink -f "$(command -v jpackage)")")")"
fi
[[ -d "$jdk/jmods" ]] || { say "no jmods in $jdk (install the full JDK, e.g. openjdk-17-jdk-headless)"; exit 1; }
if ! $image_only; then
  for tool in fakeroot dpkg-deb; do
    command -v "$tool" >/dev/null || { say "$tool not found: apt-get install fakeroot dpkg"; exit 1; }
  done
fi

# ---------------------------------------------------------------- the project
shopt -s nullglob
find_app_jar() {
  local jars=("$root"/app/target/cairn-app-*.jar)
  app_jar="${jars[0]:-}"
}
find_app_jar
if [[ -z "$app_jar" || ! -d "$root/app/target/lib" ]] \
   || [[ -n "$(find "$root/engine/src/main" "$root/examples/src/main" "$root/app/src/main" "$root/pom.xml" \
                   "$root/engine/pom.xml" "$root/examples/pom.xml" "$root/app/pom.xml" -newer "$app_jar" -print -quit)" ]]; then
  say "building the project (${MVN:-./mvnw} package -DskipTests)"
  (cd "$root" && ${MVN:-./mvnw} -B -q -DskipTests package)
  find_app_jar
fi
jar_name="$(basename "$app_jar")"
version="${jar_name#cairn-app-}"; version="${version%.jar}"
# Package versions must be numbers: 0.1.0-SNAPSHOT becomes 0.1.0.
app_version="${version%%-*}"

fx_jars=("$root"/app/target/lib/javafx-*-linux.jar)
(( ${#fx_jars[@]} > 0 )) || { say "no JavaFX Linux jars in app/target/lib"; exit 1; }
graphics_jar="$(printf '%s\n' "${fx_jars[@]}" | grep /javafx-graphics-)"

# ---------------------------------------------------------------- the runtime
modules="$(grep -v '^\s*#' "$here/runtime-modules.txt" | grep -v '^\s*$' | paste -sd, -)"
runtime="$out/runtime"
runtime_key="$("$jdk/bin/java" -version 2>&1 | head -2 | tr '\n' ' ')|$modules|$(basename "$graphics_jar")"
if [[ ! -f "$runtime/cairn-runtime.key" || "$(cat "$runtime/cairn-runtime.key")" != "$runtime_key" ]]; then
  say "linking the runtime: $modules"
  rm -rf "$runtime"
  mkdir -p "$out"
  # The JavaFX jars from Maven Central are modular jars that carry their native libraries; jlink
  # would put those into lib/modules, from where JavaFX unpacks them to ~/.openjfx/cache at every
  # start. They are left out here and copied to lib/, where JavaFX loads them directly.
  # bin/java stays (no --strip-native-commands): the app starts its workers with it.
  "$jdk/bin/jlink" \
    --module-path "$jdk/jmods:$(IFS=:; echo "${fx_jars[*]}")" \
    --add-modules "$modules" \
    --exclude-resources '/javafx.*/*.so' \
    --strip-debug --no-header-files --no-man-pages \
    --generate-cds-archive \
    --output "$runtime" >/dev/null
  unzip -q -o -d "$runtime/lib" "$graphics_jar" '*.so'
  # The class data archive for heaps over 32 GB: Cairn never runs with one. 11 MB.
  rm -f "$runtime/lib/server/classes_nocoops.jsa"
  echo "$runtime_key" > "$runtime/cairn-runtime.key"
fi

# ---------------------------------------------------------------- the app image
# The app's jar and its libraries, without JavaFX: JavaFX is in the runtime.
input="$out/input"
rm -rf "$input" "$out/image"
mkdir -p "$input/lib"
cp "$app_jar" "$input/"
for lib in "$root"/app/target/lib/*.jar; do
  [[ "$(basename "$lib")" == javafx-* ]] || cp "$lib" "$input/lib/"
done

say "app image ($version)"
"$jdk/bin/jpackage" --type app-image \
  --name Cairn \
  --app-version "$app_version" \
  --vendor "Cairn" \
  --description "Lineage explorer and local runner for software-defined data assets" \
  --input "$input" \
  --main-jar "$jar_name" \
  --main-class dev.cairn.app.Launcher \
  --runtime-image "$runtime" \
  --icon "$root/icons/cairn-256.png" \
  --add-launcher "cairn=$here/linux/cli.properties" \
  --dest "$out/image"
rm -rf "$input"

# Class data archives of the classes the app loads up to its first graph, from one run of the app
# under Xvfb (without Xvfb, jlink's archive stays and the app starts slower). Classes from an
# archive are neither parsed nor verified at start-up (docs/benchmarks.md):
# - the runtime's own archive, made again with the JDK's and JavaFX's classes; it serves the
#   command line, the app's workers, and the app wherever the next archive cannot be used;
# - lib/app/cairn.jsa with the app's jars too, which the Cairn launcher names. It only works at the
#   path it was made at (the JVM checks the class path), so the image's archive serves the image
#   where it was built; the .deb's postinst makes it again under /opt/cairn from lib/app/cairn.classlist.
#   Where it does not match, the JVM starts without any archive, silently.

# The class path exactly as the launcher gives it: the lines of Cairn.cfg, in order.
launcher_class_path() {
  local image="$1"
  grep '^app.classpath=' "$image/lib/app/Cairn.cfg" | sed "s|^app.classpath=\\\$APPDIR|$image/lib/app|" | paste -sd: -
}

archive_startup_classes() {
  local image="$1" tmp display xvfb app class_path
  tmp="$(mktemp -d)"
  exec 3> "$tmp/display"
  Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp > /dev/null 2>&1 &
  xvfb=$!
  exec 3>&-
  for _ in $(seq 50); do [[ -s "$tmp/display" ]] && break; sleep 0.1; done
  display=":$(head -1 "$tmp/display")"
  class_path="$(launcher_class_path "$image")"
  # An empty environment and home: the run must not pick up this machine's settings or jars.
  env -i PATH=/usr/bin:/bin HOME="$tmp" DISPLAY="$display" CAIRN_HOME="$tmp/home" \
      "$image/lib/runtime/bin/java" -XX:DumpLoadedClassList="$tmp/classlist" -Dcairn.startupReport=true \
      -cp "$class_path" dev.cairn.app.Launcher > "$tmp/app.log" 2>&1 &
  app=$!
  for _ in $(seq 600); do
    grep -q "cairn-startup graph-drawn" "$tmp/app.log" && break
    sleep 0.1
  done
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  local jsa="$image/lib/runtime/lib/server/classes.jsa"
  if grep -q "cairn-startup graph-drawn" "$tmp/app.log"; then
    chmod u+w "$jsa"
    if "$image/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$tmp/classlist" \
        -XX:SharedArchiveFile="$jsa" -Xlog:cds=off -Xlog:cds+dynamic=off > "$tmp/dump.log" 2>&1; then
      say "class data archive with $(grep -vc '^[#@]' "$tmp/classlist") start-up classes listed"
    else
      say "could not make the class data archive, keeping jlink's: $(tail -3 "$tmp/dump.log")"
      cp "$runtime/lib/server/classes.jsa" "$jsa"
    fi
    chmod a-w "$jsa"
    cp "$tmp/classlist" "$image/lib/app/cairn.classlist"
    if "$image/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$tmp/classlist" \
        -XX:SharedArchiveFile="$image/lib/app/cairn.jsa" -cp "$class_path" \
        -Xlog:cds=off -Xlog:cds+dynamic=off > "$tmp/dump-app.log" 2>&1; then
      echo 'java-options=-XX:SharedArchiveFile=$APPDIR/cairn.jsa' >> "$image/lib/app/Cairn.cfg"
      say "class data archive of the app's jars too: lib/app/cairn.jsa ($(du -h "$image/lib/app/cairn.jsa" | cut -f1))"
    else
      say "could not make the app's class data archive: $(tail -3 "$tmp/dump-app.log")"
      rm -f "$image/lib/app/cairn.jsa"
    fi
  else
    say "the app did not start under Xvfb, keeping jlink's class data archive: $(tail -5 "$tmp/app.log")"
  fi
  rm -rf "$tmp"
}
if command -v Xvfb >/dev/null; then
  archive_startup_classes "$out/image/Cairn"
else
  say "no Xvfb: the runtime keeps jlink's class data archive (the app starts about a quarter slower)"
fi
say "image: $out/image/Cairn ($(du -sh "$out/image/Cairn" | cut -f1))"
$image_only && exit 0

# ---------------------------------------------------------------- the .deb
say "deb (dpkg-deb compresses for about 2 minutes)"
rm -f "$out"/cairn_*.deb
# The app's class data archive only works where it was made: postinst makes the .deb's.
app_jsa="$out/image/Cairn/lib/app/cairn.jsa"
[[ -f "$app_jsa" ]] && mv "$app_jsa" "$out/cairn.jsa.aside"
trap '[[ -f "$out/cairn.jsa.aside" ]] && mv "$out/cairn.jsa.aside" "$app_jsa"' EXIT
"$jdk/bin/jpackage" --type deb \
  --app-image "$out/image/Cairn" \
  --name Cairn \
  --app-version "$app_version" \
  --vendor "Cairn" \
  --description "Lineage explorer and local runner for software-defined data assets" \
  --icon "$root/icons/cairn-256.png" \
  --resource-dir "$here/linux" \
  --linux-package-name cairn \
  ${DEB_MAINTAINER:+--linux-deb-maintainer "$DEB_MAINTAINER"} \
  --linux-app-category devel \
  --linux-menu-group Development \
  --linux-shortcut \
  --linux-package-deps libgtk-3-0 \
  --dest "$out"
deb=("$out"/cairn_*.deb)
say "deb: ${deb[0]} ($(du -h "${deb[0]}" | cut -f1))"
