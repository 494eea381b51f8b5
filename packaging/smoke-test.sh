#!/usr/bin/env bash
# Smoke test of the Linux app image (packaging/target/image/Cairn), as a user without a JDK runs it:
# an empty environment (no JAVA_HOME, no java on the PATH) and a fresh Cairn home.
#
#   1. the image's `cairn` command lists the bundled example's assets;
#   2. it materializes part of the example (the event log, the IO manager, the runtime's modules);
#   3. if Xvfb is installed, the desktop app starts and draws the example's graph, which needs a
#      worker process started with the image's own runtime; and nothing was unpacked to
#      ~/.openjfx (JavaFX's native libraries are in the runtime).
#
# Builds the image first (packaging/build-linux.sh --image) when it is missing or older than the
# sources. Exit code 0 when every check passed. About 20 s with a built image.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
image="$root/packaging/target/image/Cairn"

fail() { echo "smoke-test: FAILED: $*" >&2; exit 1; }
say() { echo "smoke-test: $*" >&2; }

if [[ ! -x "$image/bin/cairn" ]] \
   || [[ -n "$(find "$root/engine/src/main" "$root/examples/src/main" "$root/app/src/main" "$root/packaging/linux" \
                   "$root/packaging/runtime-modules.txt" -newer "$image/bin/cairn" -print -quit)" ]]; then
  "$root/packaging/build-linux.sh" --image
fi

work="$(mktemp -d)"
app_pid=""
xvfb_pid=""
cleanup() {
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null || true
  [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/home" "$work/empty-path"

# JAVA_TOOL_OPTIONS is read by the JVM itself: it gives the image's Java a fresh user.home, so a
# JavaFX cache left there by this machine's other Java apps cannot hide a missing native library.
in_clean_env() {
  env -i PATH="$work/empty-path" HOME="$work/home" LANG=C.UTF-8 CAIRN_HOME="$work/home/cairn" \
      JAVA_TOOL_OPTIONS="-Duser.home=$work/home" "$@"
}

say "cairn assets"
in_clean_env "$image/bin/cairn" assets > "$work/assets.txt" 2> "$work/assets.err" \
  || fail "cairn assets exited $?: $(cat "$work/assets.err")"
grep -q "12 assets in $work/home/cairn/examples/cairn-examples.jar" "$work/assets.txt" \
  || fail "cairn assets did not list the bundled example: $(cat "$work/assets.txt")"
grep -q "^iris_data " "$work/assets.txt" || fail "no iris_data in: $(cat "$work/assets.txt")"

say "cairn materialize -s '*setosa'"
in_clean_env "$image/bin/cairn" materialize -s '*setosa' > "$work/run.txt" 2>&1 \
  || fail "cairn materialize exited $?: $(cat "$work/run.txt")"
in_clean_env "$image/bin/cairn" status -s setosa > "$work/status.txt" 2>&1 || fail "cairn status: $(cat "$work/status.txt")"
grep -Eq "setosa +fresh" "$work/status.txt" || fail "setosa is not fresh after the run: $(cat "$work/status.txt")"

if command -v Xvfb >/dev/null; then
  say "the desktop app under Xvfb"
  exec 3> "$work/display"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp > "$work/xvfb.log" 2>&1 &
  xvfb_pid=$!
  exec 3>&-
  for _ in $(seq 50); do [[ -s "$work/display" ]] && break; sleep 0.1; done
  display=":$(head -1 "$work/display")"
  # A home of its own, so that the app reads the example's definitions in a worker (the command
  # line's runs above left no cached snapshot there).
  env -i PATH="$work/empty-path" HOME="$work/home" LANG=C.UTF-8 DISPLAY="$display" CAIRN_HOME="$work/home/app" \
      JAVA_TOOL_OPTIONS="-Duser.home=$work/home -Dcairn.startupReport=true" \
      "$image/bin/Cairn" > "$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 600); do
    grep -q "cairn-startup graph-drawn" "$work/app.log" && break
    kill -0 "$app_pid" 2>/dev/null || fail "the app exited: $(cat "$work/app.log")"
    sleep 0.1
  done
  grep -q "cairn-startup graph-drawn" "$work/app.log" || fail "no graph within 60 s: $(cat "$work/app.log")"
  grep -h "cairn-startup" "$work/app.log" >&2
  [[ ! -e "$work/home/.openjfx" ]] || fail "JavaFX unpacked its native libraries to ~/.openjfx"
fi

say "passed"
