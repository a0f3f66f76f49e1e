#!/usr/bin/env bash
# One command for the server's speed (docs/benchmarks.md): throughput against the app's own /actuator/health in the
# same run (repeated FAQ questions, texts that never repeat, maxent alone), the p99 at half the measured rate, the
# start-up time of a first and a second start in the same folder, and resident memory after the load. Prints the
# tables as docs/benchmarks.md has them. Loopback only; every step bounded in time (about 6 minutes for one jar,
# about 11 with --old).
#
#   src/test/benchmarks/run.sh                        # builds target/parley.jar, measures it
#   src/test/benchmarks/run.sh --jar path/parley.jar  # measures a jar as it is
#   src/test/benchmarks/run.sh --old /tmp/old/parley.jar   # and another build beside it, in the same rounds
#   src/test/benchmarks/run.sh --old OLD.jar --other step1 STEP1.jar   # more builds, each named, in the same rounds
#
# Settings (environment): PORT (first of the ports used, default 18200; each server takes the next one),
# SECONDS_PER_SLICE (10), ROUNDS (3), KEEP (a folder to keep the logs in; a temporary one otherwise).
# Needs wrk (Debian: apt-get install wrk), node 18+, curl. The per-client limits are off for the load
# (--parley.api.rate-limit.burst=0): wrk is one client address asking far faster than a person.
set -euo pipefail

root=$(cd "$(dirname "$0")/../../.." && pwd)
jar=""
old=""
others=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --jar) jar=$(realpath "$2"); shift 2 ;;
    --old) old=$(realpath "$2"); shift 2 ;;
    --other) others+=("$2" "$(realpath "$3")"); shift 3 ;;
    *) echo "unknown argument: $1 (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
done
port=${PORT:-18200}
slice=${SECONDS_PER_SLICE:-10}
rounds=${ROUNDS:-3}
work=${KEEP:-$(mktemp -d /tmp/parley-bench.XXXXXX)}
mkdir -p "$work"
export OPT_OUT_TRACKING=true
for tool in wrk node curl java; do
  command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 2; }
done

source "$root/src/test/benchmarks/common.sh" # the jar, the repeated questions

cleanup() { # the servers this script started, by their pid files
  for file in "$work"/*.pid; do
    [[ -f $file ]] && kill "$(cat "$file")" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap cleanup EXIT

# start NAME JAR PORT [ARGS...]: starts the jar in its own folder (copies of intents/ and seeds/, its own H2 file
# and calibration under data/), waits for it to answer; its pid is in $work/NAME.pid.
start() {
  local name=$1 from=$2 at=$3
  shift 3
  local dir=$work/$name
  if [[ ! -d $dir ]]; then
    mkdir -p "$dir"
    cp -r "$root/intents" "$root/seeds" "$dir/"
  fi
  (cd "$dir" && exec java -jar "$from" --server.address=127.0.0.1 --server.port="$at" \
      --parley.api.rate-limit.burst=0 "$@" >> "$dir/server.log" 2>&1) &
  local pid=$!
  echo "$pid" > "$work/$name.pid"
  for _ in $(seq 1 600); do
    if curl -sf -o /dev/null "http://127.0.0.1:$at/api/v1/ask" -H 'Content-Type: application/json' \
        -d '{"question":"hello"}'; then
      return
    fi
    kill -0 "$pid" 2>/dev/null || { echo "$name did not start: $dir/server.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "$name did not answer within 300 s: $dir/server.log" >&2
  exit 1
}

stop() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

started_in() { # the last "Started ParleyApplication in N seconds" of a log
  grep -o 'Started ParleyApplication in [0-9.]*' "$1" | tail -1 | awk '{print $4}'
}

# rate URL [wrk args...]: requests per second of one slice
rate() {
  local url=$1
  shift
  timeout $((slice + 30)) wrk -t2 -c32 -d"${slice}s" --timeout 10s "$@" "$url" > "$work/wrk.out" 2>&1 || true
  cat "$work/wrk.out" >> "$work/wrk.log"
  if [[ " $* " == *" -s "* ]] && ! grep -q 'non-2xx responses:' "$work/wrk.out"; then
    echo "the script failed in a slice of $url (see $work/wrk.log):" >&2
    head -5 "$work/wrk.out" >&2
    exit 1
  fi
  if [[ " $* " == *" -s "* ]] && ! grep -q 'non-2xx responses: 0, errors: 0' "$work/wrk.out"; then
    echo "failed requests in a slice of $url: $(grep 'non-2xx' "$work/wrk.out")" >&2
  fi
  awk '/Requests\/sec/ {print $2}' "$work/wrk.out"
}

# One server per build with the default classifier, and one with maxent alone for the new build.
builds=(new)
declare -A jars=([new]=$jar)
[[ -n $old ]] && builds+=(old) && jars[old]=$old
for ((i = 0; i < ${#others[@]}; i += 2)); do
  builds+=("${others[i]}") && jars[${others[i]}]=${others[i + 1]}
done
declare -A ports pid first second
next=$port
for build in "${builds[@]}"; do
  ports[$build]=$next
  next=$((next + 1))
  # the first start in a fresh folder fits the calibration; the second finds it kept under data/
  start "$build" "${jars[$build]}" "${ports[$build]}"
  first[$build]=$(started_in "$work/$build/server.log")
  stop "$(cat "$work/$build.pid")"
  start "$build" "${jars[$build]}" "${ports[$build]}"
  pid[$build]=$(cat "$work/$build.pid")
  second[$build]=$(started_in "$work/$build/server.log")
done
maxent_port=$next
start maxent "$jar" "$maxent_port" --parley.nlu.classifier=maxent

url() { echo "http://127.0.0.1:$1"; }
for build in "${builds[@]}"; do # warm-up: the JIT, the caches
  rate "$(url "${ports[$build]}")" -s "$script" > /dev/null < /dev/null
done
rate "$(url "$maxent_port")" -s "$script" > /dev/null

declare -A sums
add() { sums[$1]=$(echo "${sums[$1]:-0} + $2" | bc -l); }
ratio() { echo "scale=3; $1 / $2" | bc -l; }
for round in $(seq 1 "$rounds"); do
  for build in "${builds[@]}"; do
    base=$(url "${ports[$build]}")
    health=$(rate "$base/actuator/health")
    faq=$(UNIQUE=0 rate "$base" -s "$script")
    unique=$(UNIQUE=1 rate "$base" -s "$script")
    add "$build.health" "$health"; add "$build.faq" "$faq"; add "$build.unique" "$unique"
    add "$build.faq.ratio" "$(ratio "$faq" "$health")"; add "$build.unique.ratio" "$(ratio "$unique" "$health")"
    echo "round $round, $build: health $health/s, FAQ $faq/s, unique $unique/s" >&2
  done
  health=$(rate "$(url "$maxent_port")/actuator/health")
  maxent=$(UNIQUE=1 rate "$(url "$maxent_port")" -s "$script")
  add maxent.health "$health"; add maxent.unique "$maxent"; add maxent.ratio "$(ratio "$maxent" "$health")"
  echo "round $round, maxent alone: health $health/s, unique $maxent/s" >&2
done

mean() { printf '%.*f' "${2:-0}" "$(echo "${sums[$1]} / $rounds" | bc -l)"; }

# p99 at half the rate measured, from a fixed-rate client (wrk's closed loop would hide queueing)
declare -A p99
for build in "${builds[@]}"; do
  for kind in faq unique; do
    half=$(echo "${sums[$build.$kind]} / $rounds / 2" | bc)
    mode=repeat; [[ $kind == unique ]] && mode=unique
    line=$(timeout 60 node "$root/src/test/benchmarks/fixed-rate.mjs" "$(url "${ports[$build]}")" "$half" "$slice" \
      "$work/faq.txt" "$mode")
    echo "$build $kind at $half/s: $line" >&2
    p99[$build.$kind]="$(echo "$line" | sed -E 's/.*"p99":([0-9.]+).*/\1/') ms at $half/s"
  done
done

rss() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), load average" \
  "$(cut -d' ' -f1-3 /proc/loadavg) at the end; $(java -version 2>&1 | head -1); $(date -u '+%Y-%m-%d %H:%M UTC');" \
  "$rounds rounds of ${slice} s slices, wrk -t2 -c32"
echo
echo "| build | ask/health, FAQ repeated | ask/health, unique texts | maxent alone/health | ask requests/s, FAQ; unique | health requests/s | p99 at half the rate, FAQ; unique | started in, first; second | RSS after the load |"
echo "|---|---|---|---|---|---|---|---|---|"
for build in "${builds[@]}"; do
  maxent_cell="-"
  [[ $build == new ]] && maxent_cell=$(mean maxent.ratio 2)
  echo "| $build (${jars[$build]}) | $(mean "$build.faq.ratio" 3) | $(mean "$build.unique.ratio" 3) | $maxent_cell |" \
    "$(mean "$build.faq"); $(mean "$build.unique") | $(mean "$build.health") | ${p99[$build.faq]}; ${p99[$build.unique]} |" \
    "${first[$build]} s; ${second[$build]} s | $(rss "${pid[$build]}") MiB |"
done
if [[ -n $old ]]; then
  echo
  echo "new/old, same rounds: FAQ $(ratio "${sums[new.faq]}" "${sums[old.faq]}"), unique $(ratio "${sums[new.unique]}" "${sums[old.unique]}")"
fi
echo "(logs: $work)"
