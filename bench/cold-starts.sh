#!/usr/bin/env bash
# Cold starts of the packaged jar under concurrent requests: counts the starts that wedge (no health
# answer, a request that hangs, or SIGTERM not ending the process in time). See bench/README.md. Usage:
#
#   bench/cold-starts.sh                       30 starts, alternating embedded and server mode
#   COLD_STARTS=10 COLD_MODE=embedded bench/cold-starts.sh
#
# Exit status: 0 no start wedged; 2 at least one wedged (thread dumps in the report dir); 1 the run failed.
set -uo pipefail

export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
JCMD="$JAVA_HOME/bin/jcmd"
STARTS="${COLD_STARTS:-30}"
MODE="${COLD_MODE:-alternate}"             # embedded | server | alternate
JAR="${COLD_JAR:-target/docent.jar}"
CPUS="${COLD_CPUS:-}"                      # e.g. 0,1: run the app under taskset -c
HEALTH_TIMEOUT="${COLD_HEALTH_TIMEOUT:-180}"  # s until /actuator/health must answer (starts take 15-90 s under load)
REQUEST_TIMEOUT="${COLD_REQUEST_TIMEOUT:-90}" # s a request may take before it counts as hung (a wedge never answers)
STOP_TIMEOUT="${COLD_STOP_TIMEOUT:-40}"       # s from SIGTERM to exit: the 30 s graceful phase + margin
BURSTS="${COLD_BURSTS:-8}"                 # request bursts, 0.5 s apart, from the first health answer
PORT_BASE="${COLD_PORT_BASE:-18100}"       # ports PORT_BASE .. PORT_BASE+99
REDIS_URL="${COLD_REDIS_URL:-redis://127.0.0.1:6379/7}"
REPORT="${COLD_REPORT:-bench/results/cold-starts-$(date +%Y%m%d-%H%M%S)}"
PG=(env PGOPTIONS='-c client_min_messages=warning' psql -X -q -h 127.0.0.1 -p 5432 -U postgres -d postgres)
JWT_SECRET=cold-start-check-secret-0123456789abcdef01234567

cd "$(dirname "$0")/.."
mkdir -p "$REPORT" && REPORT=$(cd "$REPORT" && pwd)
log() { printf '[cold %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

APP_PID=""
DB=""
WORK=""

# A burst's curls are grandchildren of this shell: end them by id, depth first.
kill_tree() {
    local child
    for child in $(ps -o pid= --ppid "$1"); do kill_tree "$child"; done
    kill -KILL "$1" 2>/dev/null
}

# Every process started here descends from this shell: the app (a session of its own) and the curls.
cleanup() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill -KILL "$APP_PID" 2>/dev/null
        wait "$APP_PID" 2>/dev/null
    fi
    local job
    for job in $(jobs -p); do kill_tree "$job"; done
    [[ -n "$DB" ]] && timeout 20 "${PG[@]}" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
    [[ -n "$WORK" ]] && rm -rf "$WORK"
    APP_PID="" DB="" WORK=""
}
trap 'cleanup; exit 1' INT TERM
trap cleanup EXIT

[[ -f "$JAR" ]] || { log "building $JAR"; ./mvnw -q -B -ntp -DskipTests package || exit 1; }

# Prints the HTTP status (000: no answer) of one request; bounded by REQUEST_TIMEOUT.
request() {
    curl -s -o /dev/null -w '%{http_code}' --max-time "$REQUEST_TIMEOUT" "$@"
}

# One burst: the requests of a newcomer opening the app while it starts, all at once.
burst() {
    local base=$1 out=$2 n=$3
    local user="cold$n$RANDOM"
    local body="{\"username\":\"$user\",\"password\":\"cold-password-01\"}"
    request "$base/v3/api-docs" >"$out.api-docs" &
    request "$base/swagger-ui/index.html" >"$out.swagger" &
    request "$base/guide/getting-started.html" >"$out.guide" &
    request "$base/" >"$out.page" &
    request "$base/actuator/prometheus" >"$out.prometheus" &
    (
        request -XPOST "$base/api/v1/auth/signup" -H 'Content-Type: application/json' -d "$body" >"$out.signup"
        token=$(curl -s --max-time "$REQUEST_TIMEOUT" -XPOST "$base/api/v1/auth/login" \
            -H 'Content-Type: application/json' -d "$body" -w '\n%{http_code}' | tee "$out.login.body" \
            | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
        tail -n1 "$out.login.body" >"$out.login"
        auth=(-H "Authorization: Bearer $token")
        request "$base/api/v1/chats" "${auth[@]}" >"$out.chats" &
        request "$base/api/v1/search?q=sign+up&k=3" "${auth[@]}" >"$out.search" &
        request -XPOST "$base/api/v1/chats" "${auth[@]}" -H 'Content-Type: application/json' \
            -H 'Accept: text/event-stream' -d '{"message":"How do I sign up?","category":"OFFICIAL_DOCS"}' >"$out.ask" &
        wait
    ) &
    wait
}

dump() {
    local file=$1
    timeout 30 "$JCMD" "$APP_PID" Thread.dump_to_file -format=text "$file" >/dev/null 2>&1 \
        || timeout 30 "$JCMD" "$APP_PID" Thread.print >"$file" 2>&1
}

wedged=0
for ((i = 1; i <= STARTS; i++)); do
    mode=$MODE
    [[ "$MODE" == alternate ]] && { ((i % 2)) && mode=embedded || mode=server; }
    port=$((PORT_BASE + (i - 1) % 100))
    WORK=$(mktemp -d /tmp/docent-cold.XXXXXX)
    env=(SERVER_PORT="$port" DOCENT_DATA_DIR="$WORK/data")
    if [[ "$mode" == server ]]; then
        DB="docent_cold_$$_$i"
        "${PG[@]}" -c "CREATE DATABASE $DB" >/dev/null || { log "cannot create database $DB"; exit 1; }
        env+=(DOCENT_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" DOCENT_DB_USER=postgres
            DOCENT_REDIS_URL="$REDIS_URL" DOCENT_JWT_SECRET="$JWT_SECRET")
    fi
    pin=()
    [[ -n "$CPUS" ]] && pin=(taskset -c "$CPUS")
    start=$(date +%s.%N)
    setsid env "${env[@]}" "${pin[@]}" "$JAVA" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
        -XX:+UseParallelGC -jar "$JAR" >"$WORK/app.log" 2>&1 &
    APP_PID=$!
    base="http://127.0.0.1:$port"

    why=""
    healthy=""
    deadline=$(($(date +%s) + HEALTH_TIMEOUT))
    while (($(date +%s) < deadline)); do
        kill -0 "$APP_PID" 2>/dev/null || { why="exited before answering"; break; }
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base/actuator/health")
        [[ "$code" != 000 ]] && { healthy=$(date +%s.%N); break; }
        sleep 0.1
    done
    [[ -z "$healthy" && -z "$why" ]] && why="no health answer in ${HEALTH_TIMEOUT}s"

    if [[ -n "$healthy" ]]; then
        bursts=()
        for ((b = 1; b <= BURSTS; b++)); do
            burst "$base" "$WORK/b$b" "$i$b" &
            bursts+=($!)
            sleep 0.5
        done
        wait "${bursts[@]}"
        [[ -f "$WORK/b1.login" ]] || { log "the bursts wrote no results"; exit 1; }
        hung=$(for f in "$WORK"/b*.*; do [[ "$f" != *.body && "$(cat "$f")" == 000 ]] && printf '%s ' "${f##*/}"; done)
        [[ -n "$hung" ]] && why="requests hung (no answer in ${REQUEST_TIMEOUT}s): $hung"
        # the app must still answer once the bursts are over
        [[ -z "$why" && "$(request "$base/actuator/health/liveness")" == 000 ]] && why="health hung after the bursts"
    fi

    [[ -n "$why" ]] && kill -0 "$APP_PID" 2>/dev/null && dump "$REPORT/start-$i-$mode.threads.txt"
    stop_start=$(date +%s)
    kill -TERM "$APP_PID" 2>/dev/null
    stopped=""
    for ((t = 0; t < STOP_TIMEOUT * 10; t++)); do
        kill -0 "$APP_PID" 2>/dev/null || { stopped=yes; break; }
        sleep 0.1
    done
    stop_s=$(($(date +%s) - stop_start))
    if [[ -z "$stopped" ]]; then
        [[ -f "$REPORT/start-$i-$mode.threads.txt" ]] || dump "$REPORT/start-$i-$mode.sigterm.threads.txt"
        why="${why:+$why; }SIGTERM ignored for ${STOP_TIMEOUT}s"
        kill -KILL "$APP_PID" 2>/dev/null
    fi
    wait "$APP_PID" 2>/dev/null
    status=$?
    codes=$(for f in "$WORK"/b1.*; do [[ "$f" == *.body ]] || printf '%s=%s ' "${f##*.}" "$(cat "$f")"; done)
    first=$([[ -n "$healthy" ]] && awk -v a="$start" -v b="$healthy" 'BEGIN { printf "%.1f", b - a }' || echo -)
    if [[ -n "$why" ]]; then
        wedged=$((wedged + 1))
        cp "$WORK/app.log" "$REPORT/start-$i-$mode.log"
        log "start $i/$STARTS $mode: WEDGED ($why); health after ${first}s, stop ${stop_s}s (exit $status), load $(cut -d" " -f1 /proc/loadavg); burst 1: $codes"
    else
        log "start $i/$STARTS $mode: ok; health after ${first}s, stop ${stop_s}s (exit $status), load $(cut -d" " -f1 /proc/loadavg); burst 1: $codes"
    fi
    cleanup
done

summary="$wedged of $STARTS cold starts wedged (mode $MODE, jar $JAR)"
echo "$summary" | tee "$REPORT/summary.txt"
((wedged == 0)) || { log "thread dumps and logs in $REPORT"; exit 2; }
