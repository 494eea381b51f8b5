#!/usr/bin/env bash
# Start-up time of the packaged desktop app, under Xvfb: from the moment this script launches it to
# the window's first frame and to the first frame that shows the example's graph (the app prints
# both with -Dcairn.startupReport=true), and the CPU time the app had used at its first frame, which
# depends less on what else the machine is doing. Prints each run and the medians.
#
#   packaging/startup-benchmark.sh [RUNS] [LAUNCHER]
#
# RUNS defaults to 7. LAUNCHER defaults to the app image's bin/Cairn (packaging/build-linux.sh
# --image); pass /opt/cairn/bin/Cairn for the installed .deb. Two cases per run:
#   first start  a fresh Cairn home: the example is unpacked and read in a worker process;
#   next start   the same home again: the app draws the cached definitions at once.
# With CAIRN_BENCH_PLAIN_JAVA=1 it also times `java -jar app/target/cairn-app-*.jar`, for comparison.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-7}"
launcher="${2:-$root/packaging/target/image/Cairn/bin/Cairn}"
[[ -x "$launcher" ]] || { echo "no launcher $launcher: run packaging/build-linux.sh --image" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "needs Xvfb (apt-get install xvfb)" >&2; exit 1; }

work="$(mktemp -d)"
xvfb_pid=""
app_pid=""
cleanup() {
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null || true
  [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

exec 3> "$work/display"
Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp > /dev/null 2>&1 &
xvfb_pid=$!
exec 3>&-
for _ in $(seq 50); do [[ -s "$work/display" ]] && break; sleep 0.1; done
display=":$(head -1 "$work/display")"

now_ms() { date +%s%3N; }

# One launch: writes "<first frame ms> <graph ms>" after the launch, and the CPU time the app had
# used at its first frame, to $work/result.
launches=0
measure() {
  local home="$1"; shift
  launches=$((launches + 1))
  local log="$work/app-$launches.log"
  local start
  start="$(now_ms)"
  env -i PATH=/usr/bin:/bin HOME="$work" LANG=C.UTF-8 DISPLAY="$display" CAIRN_HOME="$home" \
      JAVA_TOOL_OPTIONS="-Dcairn.startupReport=true" "$@" > "$log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1200); do
    grep -q "cairn-startup graph-drawn" "$log" 2>/dev/null && break
    sleep 0.05
  done
  stop_app
  local frame graph cpu
  frame="$(sed -n 's/.*first-frame at=\([0-9]*\).*/\1/p' "$log")"
  graph="$(sed -n 's/.*graph-drawn at=\([0-9]*\).*/\1/p' "$log")"
  cpu="$(sed -n 's/.*first-frame .*cpu-ms=\([0-9]*\).*/\1/p' "$log")"
  [[ -n "$frame" && -n "$graph" ]] || { echo "no report from the app: $(cat "$log")" >&2; exit 1; }
  echo "$((frame - start)) $((graph - start)) ${cpu:-0}" > "$work/result"
}

# Ends the app as a window manager would (SIGTERM), and for good after 10 s.
stop_app() {
  kill "$app_pid" 2>/dev/null || true
  for _ in $(seq 100); do
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

bench() {
  local label="$1"; shift
  : > "$work/first"; : > "$work/next"
  for i in $(seq "$runs"); do
    local home="$work/home-$i"
    measure "$home" "$@"
    read -r f1 g1 c1 < "$work/result"
    measure "$home" "$@"
    read -r f2 g2 c2 < "$work/result"
    echo "$f1 $g1 $c1" >> "$work/first"
    echo "$f2 $g2 $c2" >> "$work/next"
    printf '%s run %d: first start: frame %5d ms (cpu %5d ms), graph %5d ms | next start: frame %5d ms (cpu %5d ms), graph %5d ms\n' \
      "$label" "$i" "$f1" "$c1" "$g1" "$f2" "$c2" "$g2"
  done
  printf '%s median of %d: first start: frame %d ms (cpu %d ms), graph %d ms | next start: frame %d ms (cpu %d ms), graph %d ms\n' \
    "$label" "$runs" \
    "$(cut -d' ' -f1 "$work/first" | median)" "$(cut -d' ' -f3 "$work/first" | median)" "$(cut -d' ' -f2 "$work/first" | median)" \
    "$(cut -d' ' -f1 "$work/next" | median)" "$(cut -d' ' -f3 "$work/next" | median)" "$(cut -d' ' -f2 "$work/next" | median)"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
bench "packaged" "$launcher"
if [[ "${CAIRN_BENCH_PLAIN_JAVA:-}" == 1 ]]; then
  app_jar="$(ls "$root"/app/target/cairn-app-*.jar | head -1)"
  bench "java -jar" "$(command -v java)" -jar "$app_jar"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
