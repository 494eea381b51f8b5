#!/usr/bin/env bash
# Builds Cairn's macOS disk image: packaging/target/Cairn-<version>.dmg, from a checkout, on macOS
# (jpackage cannot build macOS packages on another system). The app is built for the Mac it is
# built on: Apple silicon (aarch64) or Intel (x64), as Maven picks the matching JavaFX jars.
#
# Prerequisites:
#   - macOS 11 or later, with the Xcode command line tools (xcode-select --install);
#   - a JDK 17 or newer that has its jmods folder (for example Eclipse Temurin 17), as JAVA_HOME.
#
# Run:
#   packaging/macos/build-macos.sh
#
# jpackage needs an app version whose first number is at least 1 on macOS; while Cairn's version is
# 0.x the app is labelled 1.0.0 unless MAC_APP_VERSION says otherwise. The image is not signed:
# set up signing with jpackage's --mac-sign options before distributing it (an unsigned app opens
# with Control-click > Open the first time).
#
# No .jar association is registered: jpackage's would make Cairn the owner of every jar, and a
# JavaFX app does not receive the files that Finder opens with it. Open a jar with File > Open or
# by dropping it on the window. The command line is Cairn.app/Contents/MacOS/cairn-cli.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/packaging/target"
jdk="${JAVA_HOME:?set JAVA_HOME to a JDK 17+ with jmods}"
[[ -d "$jdk/jmods" ]] || { echo "no jmods in $jdk" >&2; exit 1; }

cd "$root"
./mvnw -B -q -DskipTests package

app_jar="$(ls app/target/cairn-app-*.jar | head -1)"
jar_name="$(basename "$app_jar")"
version="${jar_name#cairn-app-}"; version="${version%.jar}"
app_version="${version%%-*}"
if [[ -n "${MAC_APP_VERSION:-}" ]]; then
  app_version="$MAC_APP_VERSION"
elif [[ "$app_version" == 0.* ]]; then
  echo "build-macos: version $version starts with 0, which jpackage refuses on macOS: labelling the app 1.0.0 (set MAC_APP_VERSION to choose)" >&2
  app_version="1.0.0"
fi
fx_jars=(app/target/lib/javafx-*-mac*.jar)
graphics_jar="$(printf '%s\n' "${fx_jars[@]}" | grep /javafx-graphics-)"
modules="$(grep -v '^\s*#' packaging/runtime-modules.txt | grep -v '^\s*$' | paste -sd, -)"

rm -rf "$out/runtime" "$out/input" "$out/image"
mkdir -p "$out/input/lib"

# The runtime: JavaFX's .dylib files are left out of the modules file and copied to lib/, where
# JavaFX loads them (instead of unpacking them to ~/.openjfx/cache at every start).
"$jdk/bin/jlink" \
  --module-path "$jdk/jmods:$(IFS=:; echo "${fx_jars[*]}")" \
  --add-modules "$modules" \
  --exclude-resources '/javafx.*/*.dylib' \
  --strip-debug --no-header-files --no-man-pages --generate-cds-archive \
  --output "$out/runtime"
unzip -q -o -d "$out/runtime/lib" "$graphics_jar" '*.dylib'

cp "$app_jar" "$out/input/"
for lib in app/target/lib/*.jar; do
  [[ "$(basename "$lib")" == javafx-* ]] || cp "$lib" "$out/input/lib/"
done

"$jdk/bin/jpackage" --type app-image \
  --name Cairn --app-version "$app_version" --vendor Cairn \
  --description "Lineage explorer and local runner for software-defined data assets" \
  --input "$out/input" --main-jar "$jar_name" --main-class dev.cairn.app.Launcher \
  --runtime-image "$out/runtime" \
  --icon icons/cairn.icns \
  --add-launcher "cairn-cli=packaging/macos/cli.properties" \
  --mac-package-identifier dev.cairn.app \
  --mac-package-name Cairn \
  --dest "$out/image"
# The app starts its worker processes with the runtime's own java: it must be in the bundle.
[[ -x "$out/image/Cairn.app/Contents/runtime/Contents/Home/bin/java" ]] \
  || { echo "build-macos: the bundle's runtime has no bin/java" >&2; exit 1; }

"$jdk/bin/jpackage" --type dmg \
  --app-image "$out/image/Cairn.app" \
  --name Cairn --app-version "$app_version" --vendor Cairn \
  --description "Lineage explorer and local runner for software-defined data assets" \
  --dest "$out"
ls -l "$out"/Cairn-*.dmg
