#!/usr/bin/env bash
# Several instances (docs/benchmarks.md, "One instance against two behind nginx"): POST /api/v1/ask throughput of
# one instance hit directly, the same instance behind nginx, and two instances on one PostgreSQL behind nginx
# (README, "Running several instances"; the nginx configuration is docs/examples/nginx.conf with only its ports and
# paths changed), in alternating rounds, against the first instance's own /actuator/health in the same round. While
# each slice runs it counts the CPU time each kind of process took (the instances, nginx, PostgreSQL, wrk), since on
# one machine they all share its cores. Prints the tables as docs/benchmarks.md has them. Loopback only; every step
# bounded in time (about 6 minutes with the defaults).
#
#   BENCH_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/parley BENCH_POSTGRES_USER=parley \
#   BENCH_POSTGRES_PASSWORD=secret src/test/benchmarks/instances.sh [--jar path/parley.jar]
#
# (Not PARLEY_...: the server refuses settings of that prefix in its environment that it does not know.) The role
# must be allowed to create a schema in the database: each run migrates a fresh schema of its own (parley_bench_PID)
# and drops it at the end. Settings (environment): PORT (first of four ports, default 18500), SECONDS_PER_SLICE (10),
# ROUNDS (3), KEEP (a folder to keep the logs in; a temporary one otherwise). Needs wrk, nginx (Debian: apt-get
# install wrk nginx), psql, curl. The per-client limits are off for the load
# (--parley.api.rate-limit.burst=0): wrk is one client address asking far faster than a person.
set -euo pipefail

root=$(cd "$(dirname "$0")/../../.." && pwd)
jar=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --jar) jar=$(realpath "$2"); shift 2 ;;
    *) echo "unknown argument: $1 (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
done
: "${BENCH_POSTGRES_URL:?names the database (see the comment at the top of $0)}"
: "${BENCH_POSTGRES_USER:?}" "${BENCH_POSTGRES_PASSWORD:?}"
port=${PORT:-18500}
slice=${SECONDS_PER_SLICE:-10}
rounds=${ROUNDS:-3}
work=${KEEP:-$(mktemp -d /tmp/parley-instances.XXXXXX)}
mkdir -p "$work"
export OPT_OUT_TRACKING=true
nginx_binary=$(command -v nginx || echo /usr/sbin/nginx)
for tool in wrk psql curl java "$nginx_binary"; do
  command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 2; }
done

source "$root/src/test/benchmarks/common.sh" # the jar, the repeated questions

# jdbc:postgresql://HOST:PORT/DB -> psql's own settings
pg=${BENCH_POSTGRES_URL#jdbc:postgresql://}
pg_host=${pg%%[:/]*}
pg_port=5432
[[ $pg == "$pg_host:"* ]] && pg_port=${pg#"$pg_host:"} && pg_port=${pg_port%%/*}
pg_db=${pg#*/}
pg_db=${pg_db%%\?*}
schema=parley_bench_$$
psql_run() {
  PGPASSWORD=$BENCH_POSTGRES_PASSWORD PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -h "$pg_host" -p "$pg_port" \
    -U "$BENCH_POSTGRES_USER" -d "$pg_db" -c "$1"
}
psql_run "drop schema if exists $schema cascade; create schema $schema"
database_url=$BENCH_POSTGRES_URL$([[ $BENCH_POSTGRES_URL == *\?* ]] && echo '&' || echo '?')
database_url+="currentSchema=$schema"

cleanup() {
  for file in "$work"/*.pid; do
    [[ -f $file ]] && kill "$(cat "$file")" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  psql_run "drop schema if exists $schema cascade" || true
}
trap cleanup EXIT

# instance NAME PORT: a server in its own folder (copies of intents/ and seeds/) on the shared database, as the
# README's section runs one; waits until it answers
instance() {
  local name=$1 at=$2 dir=$work/$1
  mkdir -p "$dir"
  cp -r "$root/intents" "$root/seeds" "$dir/"
  (cd "$dir" && exec java -jar "$jar" --server.address=127.0.0.1 --server.port="$at" \
      --spring.datasource.url="$database_url" --spring.datasource.username="$BENCH_POSTGRES_USER" \
      --spring.datasource.password="$BENCH_POSTGRES_PASSWORD" --server.forward-headers-strategy=native \
      --server.tomcat.remoteip.internal-proxies='127\.0\.0\.1' --parley.api.rate-limit.burst=0 \
      >> "$dir/server.log" 2>&1) &
  echo $! > "$work/$name.pid"
  for _ in $(seq 1 600); do
    if curl -sf -o /dev/null "http://127.0.0.1:$at/actuator/health/readiness"; then
      return
    fi
    kill -0 "$(cat "$work/$name.pid")" 2>/dev/null || { echo "$name did not start: $dir/server.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "$name was not ready within 300 s: $dir/server.log" >&2
  exit 1
}

# proxy NAME LISTEN UPSTREAM1 UPSTREAM2: nginx from docs/examples/nginx.conf, only ports and paths changed (the same
# replacements as the tests' NginxProxy); both upstreams the same port is one instance behind nginx
proxy() {
  local name=$1 listen=$2 first=$3 second=$4 dir=$work/$1
  mkdir -p "$dir"
  sed -e "s|server 127.0.0.1:8081 |server 127.0.0.1:$first |" -e "s|server 127.0.0.1:8082 |server 127.0.0.1:$second |" \
      -e "s|listen 8080;|listen 127.0.0.1:$listen;|" -e "s|/var/log/nginx/|$dir/|g" \
      -e "s|^http {$|http {\n    client_body_temp_path $dir/body; proxy_temp_path $dir/proxy;\n    fastcgi_temp_path $dir/fastcgi; uwsgi_temp_path $dir/uwsgi; scgi_temp_path $dir/scgi;|" \
      "$root/docs/examples/nginx.conf" > "$dir/nginx.conf"
  grep -q "127.0.0.1:$listen;" "$dir/nginx.conf" || { echo "docs/examples/nginx.conf changed: update $0" >&2; exit 1; }
  "$nginx_binary" -p "$dir/" -e "$dir/startup-error.log" -c "$dir/nginx.conf" \
    -g "daemon off; pid $dir/nginx.pid;" > "$dir/nginx.out" 2>&1 &
  echo $! > "$work/$name.pid"
  for _ in $(seq 1 100); do
    curl -sf -o /dev/null "http://127.0.0.1:$listen/actuator/health" && return
    sleep 0.1
  done
  echo "nginx $name did not answer: $dir/nginx.out" >&2
  exit 1
}

a=$port b=$((port + 1)) one=$((port + 2)) two=$((port + 3))
instance a "$a"
instance b "$b"
proxy one "$one" "$a" "$a"
proxy two "$two" "$a" "$b"
version_a=$(curl -s "http://127.0.0.1:$a/actuator/info")
version_b=$(curl -s "http://127.0.0.1:$b/actuator/info")
[[ $version_a == "$version_b" ]] || { echo "the instances serve different versions: $version_a $version_b" >&2; exit 1; }

# CPU ticks (user + system) of every process whose command line matches, from /proc
ticks() {
  local total=0 pid
  for pid in $(pgrep -f "$1" || true); do
    [[ -r /proc/$pid/stat ]] || continue
    total=$((total + $(awk '{sub(/.*\) /, ""); print $12 + $13}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
hz=$(getconf CLK_TCK)
declare -A sums
add() { sums[$1]=$(echo "${sums[$1]:-0} + $2" | bc -l); }

# measure CONFIG KIND URL [wrk args]: one slice; adds its rate and each process group's share of the cores, and
# leaves the rate in $rate (not printed: the sums must be added in this shell, not in a subshell)
measure() {
  local config=$1 kind=$2 url=$3
  shift 3
  local before_a before_b before_nginx before_pg started out
  before_a=$(ticks "server.port=$a ") before_b=$(ticks "server.port=$b ")
  before_nginx=$(ticks "nginx: ") before_pg=$(ticks "^postgres: ")
  started=$(date +%s.%N)
  # wrk's own CPU: the subshell's children's times (bash's `times`, second line)
  out=$( (timeout $((slice + 30)) wrk -t2 -c32 -d"${slice}s" --timeout 10s "$@" "$url" > "$work/wrk.out" 2>&1 || true
          times) | tail -1)
  local elapsed cores wrk_cpu
  elapsed=$(echo "$(date +%s.%N) - $started" | bc -l)
  cores=$(echo "$elapsed * $(nproc)" | bc -l)
  wrk_cpu=$(echo "$out" | awk '{ split($1, u, "m"); split($2, s, "m"); sub(/s/, "", u[2]); sub(/s/, "", s[2]);
                                 print u[1] * 60 + u[2] + s[1] * 60 + s[2] }')
  cat "$work/wrk.out" >> "$work/wrk.log"
  if [[ " $* " == *" -s "* ]] && ! grep -q 'non-2xx responses: 0, errors: 0' "$work/wrk.out"; then
    echo "failed requests in a slice of $config: $(grep 'non-2xx' "$work/wrk.out" || head -3 "$work/wrk.out")" >&2
  fi
  rate=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.out")
  add "$config.$kind" "$rate"
  add "$config.$kind.a" "$(echo "($(ticks "server.port=$a ") - $before_a) / $hz / $cores" | bc -l)"
  add "$config.$kind.b" "$(echo "($(ticks "server.port=$b ") - $before_b) / $hz / $cores" | bc -l)"
  add "$config.$kind.nginx" "$(echo "($(ticks "nginx: ") - $before_nginx) / $hz / $cores" | bc -l)"
  add "$config.$kind.pg" "$(echo "($(ticks "^postgres: ") - $before_pg) / $hz / $cores" | bc -l)"
  add "$config.$kind.wrk" "$(echo "$wrk_cpu / $cores" | bc -l)"
}

configs=(direct one two)
declare -A urls=([direct]="http://127.0.0.1:$a" [one]="http://127.0.0.1:$one" [two]="http://127.0.0.1:$two")
# warm-up: the JIT and the caches of each instance on its own, then through each proxy
for url in "http://127.0.0.1:$a" "http://127.0.0.1:$b"; do
  UNIQUE=0 measure warm faq "$url" -s "$script"
  UNIQUE=1 measure warm unique "$url" -s "$script"
done
for config in one two; do
  UNIQUE=0 measure warm faq "${urls[$config]}" -s "$script"
done
sums=()
for round in $(seq 1 "$rounds"); do
  measure health health "http://127.0.0.1:$a/actuator/health"
  health=$rate
  line="round $round: health $health/s"
  for config in "${configs[@]}"; do
    UNIQUE=0 measure "$config" faq "${urls[$config]}" -s "$script"
    faq=$rate
    UNIQUE=1 measure "$config" unique "${urls[$config]}" -s "$script"
    unique=$rate
    add "$config.faq.ratio" "$(echo "$faq / $health" | bc -l)"
    add "$config.unique.ratio" "$(echo "$unique / $health" | bc -l)"
    line+=", $config FAQ $faq/s unique $unique/s"
  done
  echo "$line" >&2
done

mean() { printf '%.*f' "${2:-0}" "$(echo "${sums[$1]:-0} / $rounds" | bc -l)"; }
percent() { printf '%.0f%%' "$(echo "${sums[$1]:-0} / $rounds * 100" | bc -l)"; }
declare -A names=([direct]="one instance, direct" [one]="one instance behind nginx" [two]="two instances behind nginx")
echo
echo "| configuration | ask/health, FAQ repeated | ask/health, unique texts | requests/s, FAQ; unique |"
echo "|---|---|---|---|"
for config in "${configs[@]}"; do
  echo "| ${names[$config]} | $(mean "$config.faq.ratio" 3) | $(mean "$config.unique.ratio" 3) |" \
    "$(mean "$config.faq"); $(mean "$config.unique") |"
done
echo
echo "health of the first instance, direct: $(mean health.health) requests/s (mean of $rounds rounds)"
echo "two behind nginx against one behind nginx: FAQ $(echo "scale=2; ${sums[two.faq]} / ${sums[one.faq]}" | bc)x," \
  "unique $(echo "scale=2; ${sums[two.unique]} / ${sums[one.unique]}" | bc)x"
echo
echo "Share of the machine's $(nproc) cores while the load ran (CPU time / (slice x cores)):"
echo
echo "| configuration, load | instance 1 | instance 2 | nginx | PostgreSQL | wrk | idle or other |"
echo "|---|---|---|---|---|---|---|"
for config in "${configs[@]}"; do
  for kind in faq unique; do
    key=$config.$kind
    other=$(echo "100 - (${sums[$key.a]} + ${sums[$key.b]} + ${sums[$key.nginx]} + ${sums[$key.pg]} + ${sums[$key.wrk]}) / $rounds * 100" | bc -l)
    echo "| ${names[$config]}, $kind | $(percent "$key.a") | $(percent "$key.b") | $(percent "$key.nginx") |" \
      "$(percent "$key.pg") | $(percent "$key.wrk") | $(printf '%.0f%%' "$other") |"
  done
done
