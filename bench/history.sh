#!/usr/bin/env bash
# Benchmark of the chat-history read path of the packaged app: Redis-cached reads against reads
# from PostgreSQL, and against a floor (the JDK's own HTTP server sending the same bytes).
# See bench/README.md. Usage:
#
#   bench/history.sh                         full run (15 s per case)
#   BENCH_DURATION=3s bench/history.sh       smoke run
#   bench/history.sh --parse-wrk FILE        print "req/s p50_ms p99_ms non2xx socket_errors" of a wrk output
#
# Exit status: 0 all targets met; 2 the run worked but a target was missed; 1 the run failed.
set -euo pipefail

export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
DURATION="${BENCH_DURATION:-15s}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
WARMUP="${BENCH_WARMUP:-40s}"   # a discarded wrk run before each measured one: on platform threads C2 needs ~40 s under this load; 0 skips it
WRK_THREADS=2                   # the machine has 2 cores
JAR="${BENCH_JAR:-target/docent.jar}"
BEFORE_JAR="${BENCH_BEFORE_JAR:-}"   # another build to measure on the same cached cases in the same run

DB_NAME=docent_bench
REDIS_DB=5
PG=(env PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 5432 -U postgres)
BENCH_USER=benchuser
BENCH_PASSWORD=bench-password-0123

# Targets (req/s and ms); the ratios are of req/s.
TARGET_CACHED_RPS=20000
TARGET_CACHED_P99_MS=5
TARGET_CACHED_OVER_DB=2
TARGET_CACHED_OVER_FLOOR=0.35
TARGET_CHAT200_RPS=5000
TARGET_LIST_RPS=10000

# ---------------------------------------------------------------------------------------------
# Output and failure

log() { printf '[history %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

die() {
    printf '\n[history] FAILED: %s\n' "$*" >&2
    exit 1
}

# ---------------------------------------------------------------------------------------------
# wrk output: "Requests/sec:", the 50% and 99% lines of --latency, non-2xx and socket errors.
# Latencies come as 512.00us, 1.02ms, 1.50s or 2.00m; all are printed in ms.

parse_wrk() {
    awk '
        function ms(v,   n, u) {
            n = v + 0
            u = v; sub(/^[0-9.]+/, "", u)
            if (u == "us") return n / 1000
            if (u == "ms") return n
            if (u == "s")  return n * 1000
            if (u == "m")  return n * 60000
            if (u == "h")  return n * 3600000
            return -1
        }
        $1 == "Requests/sec:"                { rps = $2 }
        $1 == "50%" && NF == 2               { p50 = ms($2) }
        $1 == "99%" && NF == 2               { p99 = ms($2) }
        /Non-2xx or 3xx responses:/          { non2xx += $NF }
        /Socket errors:/ {
            for (i = 3; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) socket += $i + 0
        }
        END {
            if (rps == "" || p50 == "" || p99 == "" || p50 < 0 || p99 < 0) exit 1
            printf "%.2f %.3f %.3f %d %d\n", rps, p50, p99, non2xx, socket
        }
    ' "$1"
}

if [[ "${1:-}" == "--parse-wrk" ]]; then
    [[ $# -eq 2 ]] || die "usage: $0 --parse-wrk WRK_OUTPUT_FILE"
    parse_wrk "$2" || die "no Requests/sec, 50% and 99% lines in $2"
    exit 0
fi
[[ $# -eq 0 ]] || die "unknown arguments: $* (settings are env variables, see bench/README.md)"
cd "$(dirname "$0")/.."

# ---------------------------------------------------------------------------------------------
# Processes, ports, cleanup

PIDS=()             # everything this script started that is still running
WORK=""
RUN_OK=false
STORES_TOUCHED=false

stop_pid() {
    local pid=$1
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 40); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
        sleep 0.25
    done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

forget_pid() {
    local pid=$1 keep=() p
    for p in "${PIDS[@]}"; do [[ "$p" == "$pid" ]] || keep+=("$p"); done
    PIDS=("${keep[@]+"${keep[@]}"}")
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    local pid
    for pid in "${PIDS[@]+"${PIDS[@]}"}"; do stop_pid "$pid"; done
    if $STORES_TOUCHED; then   # not before: a run that failed early leaves another run's data alone
        "${PG[@]}" -d postgres -c "drop database if exists $DB_NAME with (force)" >/dev/null 2>&1 || true
        redis-cli -h 127.0.0.1 -p 6379 -n "$REDIS_DB" flushdb >/dev/null 2>&1 || true
    fi
    if [[ -n "$WORK" ]]; then
        if $RUN_OK; then rm -rf "$WORK"; else log "logs kept in $WORK"; fi
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
    local port
    for _ in $(seq 1 100); do
        port=$((20000 + RANDOM % 30000))
        port_in_use "$port" || { echo "$port"; return 0; }
    done
    die "no free port found"
}

# Waits until URL answers 200; gives up after TIMEOUT seconds or when PID dies, showing LOGFILE.
wait_for_200() {
    local url=$1 pid=$2 logfile=$3 timeout=$4 what=$5 deadline=$((SECONDS + $4))
    while ((SECONDS < deadline)); do
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 60 "$logfile" >&2 || true
            die "$what exited while starting (log: $logfile)"
        fi
        [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)" == 200 ]] && return 0
        sleep 0.5
    done
    tail -n 60 "$logfile" >&2 || true
    die "$what not ready within ${timeout}s at $url (log: $logfile)"
}

seconds_of() {   # wrk duration (15s, 2m, 1h, or plain seconds) in seconds
    local d=$1
    case "$d" in
        *h) echo $(( ${d%h} * 3600 )) ;;
        *m) echo $(( ${d%m} * 60 )) ;;
        *s) echo "${d%s}" ;;
        *)  echo "$d" ;;
    esac
}

# ---------------------------------------------------------------------------------------------
# Preconditions

require_tools() {
    [[ -x "$JAVA" ]] || die "no java at $JAVA (set JAVA_HOME to a JDK 21+)"
    local major
    major=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    ((${major%%.*} >= 21)) || die "$JAVA is Java $major; the app needs 21+"
    local tool
    for tool in psql redis-cli curl awk; do
        command -v "$tool" >/dev/null || die "$tool is not installed"
    done
    if ! command -v wrk >/dev/null; then
        log "installing wrk"
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -qq wrk >/dev/null 2>&1 \
            || { apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; } \
            || die "could not install wrk (apt-get install -y wrk)"
    fi
    [[ "$(seconds_of "$DURATION")" =~ ^[0-9]+$ ]] || die "BENCH_DURATION=$DURATION: use e.g. 15s, 2m"
    [[ "$WARMUP" == 0 || "$(seconds_of "$WARMUP")" =~ ^[0-9]+$ ]] || die "BENCH_WARMUP=$WARMUP: use e.g. 5s, or 0"
    ((10#$(seconds_of "$DURATION") > 0)) || die "BENCH_DURATION=$DURATION: must be at least 1s"
    WARMUP_SECONDS=$((10#$(seconds_of "$WARMUP")))
    CASE_SECONDS=$((10#$(seconds_of "$DURATION") + WARMUP_SECONDS))
    if ! [[ "$CONNECTIONS" =~ ^[0-9]+$ ]] || ((CONNECTIONS < WRK_THREADS)); then
        die "BENCH_CONNECTIONS=$CONNECTIONS: a number, at least $WRK_THREADS"
    fi
    pg_isready -h 127.0.0.1 -p 5432 -q || die "PostgreSQL is not answering on 127.0.0.1:5432"
    [[ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" == PONG ]] || die "Redis is not answering on 127.0.0.1:6379"
}

build_jar() {
    [[ -z "$BEFORE_JAR" || -f "$BEFORE_JAR" ]] || die "BENCH_BEFORE_JAR=$BEFORE_JAR does not exist"
    if [[ -f "$JAR" ]]; then
        log "using $JAR"
        return
    fi
    [[ "$JAR" == target/docent.jar ]] || die "BENCH_JAR=$JAR does not exist"
    log "building $JAR"
    ./mvnw -B -ntp -q -DskipTests package || die "build failed"
    [[ -f "$JAR" ]] || die "the build did not produce $JAR"
}

fresh_stores() {
    log "fresh database $DB_NAME, flushing Redis db $REDIS_DB"
    STORES_TOUCHED=true
    "${PG[@]}" -d postgres -c "drop database if exists $DB_NAME with (force)" -c "create database $DB_NAME" \
        || die "cannot create database $DB_NAME"
    redis-cli -h 127.0.0.1 -p 6379 -n "$REDIS_DB" flushdb >/dev/null || die "cannot FLUSHDB Redis db $REDIS_DB"
}

# ---------------------------------------------------------------------------------------------
# The app

APP_PID=""
APP_URL=""
JWT_SECRET=$(head -c 36 /dev/urandom | base64 | tr '+/' '-_')   # 48 characters

# start_app NAME [VAR=value...]: starts the jar on a free port with the bench database and the
# given extra environment; sets APP_PID and APP_URL once the readiness probe says 200.
start_app() {
    local name=$1; shift
    local port logfile
    port=$(free_port)
    logfile="$WORK/app-$name.log"
    log "starting app ($name) on port $port, log $logfile"
    env -u DOCENT_REDIS_URL -u DOCENT_REDIS_CLUSTER_NODES -u DOCENT_CACHE_ENABLED \
        SERVER_PORT="$port" \
        DOCENT_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB_NAME" \
        DOCENT_DB_USER=postgres \
        DOCENT_DB_PASSWORD= \
        DOCENT_JWT_SECRET="$JWT_SECRET" \
        DOCENT_DATA_DIR="$WORK/data-$name" \
        "$@" \
        "$JAVA" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -XX:+UseParallelGC -Xmx1g \
        -jar "${APP_JAR:-$JAR}" >"$logfile" 2>&1 &
    APP_PID=$!
    PIDS+=("$APP_PID")
    APP_URL="http://127.0.0.1:$port"
    wait_for_200 "$APP_URL/actuator/health/readiness" "$APP_PID" "$logfile" 90 "app ($name)"
    log "app ($name) ready"
}

stop_app() {
    [[ -n "$APP_PID" ]] || return 0
    stop_pid "$APP_PID"
    forget_pid "$APP_PID"
    APP_PID=""
}

# ---------------------------------------------------------------------------------------------
# HTTP with curl: api METHOD PATH [JSON] prints the status and leaves the body in $WORK/body,
# the headers in $WORK/headers.

TOKEN=""
TOKEN_DEADLINE=0

api() {
    local method=$1 path=$2 json=${3:-} args=()
    [[ -n "$TOKEN" ]] && args+=(-H "Authorization: Bearer $TOKEN")
    [[ -n "$json" ]] && args+=(-H 'Content-Type: application/json' --data "$json")
    curl -s --max-time 30 -X "$method" "${args[@]}" -D "$WORK/headers" -o "$WORK/body" \
        -w '%{http_code}' "$APP_URL$path" || echo 000
}

json_field() {   # json_field NAME FILE: a top-level string or number field of a small JSON object
    sed -n "s/.*\"$1\"[[:space:]]*:[[:space:]]*\"\{0,1\}\([^\",}]*\).*/\1/p" "$2" | head -n 1
}

header() {   # header NAME: a response header of the last api call
    awk -v name="$(tr '[:upper:]' '[:lower:]' <<<"$1")" -F': *' \
        'tolower($1) == name { sub(/\r$/, "", $2); print $2; exit }' "$WORK/headers"
}

body_excerpt() { head -c 400 "$WORK/body"; echo; }

signup() {
    local status
    TOKEN=""
    status=$(api POST /api/v1/auth/signup "{\"username\":\"$BENCH_USER\",\"password\":\"$BENCH_PASSWORD\"}")
    [[ "$status" == 201 ]] || { body_excerpt >&2; die "signup: HTTP $status, wanted 201"; }
    USER_ID=$(json_field id "$WORK/body")
    [[ "$USER_ID" =~ ^[0-9a-f-]{36}$ ]] || { body_excerpt >&2; die "signup: no uuid \"id\" in the response"; }
    log "signed up $BENCH_USER ($USER_ID)"
}

# Logs in on the running app; each instance gets its own token so a short access-token lifetime
# cannot run out in the middle of the measurements.
login() {
    local status expires
    TOKEN=""
    status=$(api POST /api/v1/auth/login "{\"username\":\"$BENCH_USER\",\"password\":\"$BENCH_PASSWORD\"}")
    [[ "$status" == 200 ]] || { body_excerpt >&2; die "login: HTTP $status, wanted 200"; }
    TOKEN=$(json_field accessToken "$WORK/body")
    [[ -n "$TOKEN" ]] || { body_excerpt >&2; die "login: no accessToken in the response"; }
    expires=$(json_field expiresIn "$WORK/body")
    if [[ "$expires" =~ ^[0-9]+$ ]]; then
        ((expires > CASE_SECONDS + 30)) || die "access tokens live ${expires}s; one case takes ${CASE_SECONDS}s"
        TOKEN_DEADLINE=$((SECONDS + expires))
    else
        TOKEN_DEADLINE=$((SECONDS + 3600))
    fi
}

# ---------------------------------------------------------------------------------------------
# Seeding: the chats go straight into the tables (see bench/seed-history.sql).

CHAT_ID=""
CHAT200_ID=""

seed() {
    log "seeding 50 chats x 20 messages and 1 chat x 200 messages"
    "${PG[@]}" -d "$DB_NAME" -v user_id="$USER_ID" -f bench/seed-history.sql >/dev/null || die "seeding failed"
    local counts
    counts=$("${PG[@]}" -d "$DB_NAME" -At -F' ' -c \
        "select count(*), (select count(*) from messages m join chats c on c.id = m.chat_id
                           where c.user_id = '$USER_ID') from chats where user_id = '$USER_ID'")
    [[ "$counts" == "51 1200" ]] || die "seeded chats/messages: $counts, wanted 51 1200"
    CHAT_ID=$("${PG[@]}" -d "$DB_NAME" -At -c \
        "select id from chats where user_id = '$USER_ID' order by updated_at desc limit 1")
    CHAT200_ID=$("${PG[@]}" -d "$DB_NAME" -At -c \
        "select id from chats where user_id = '$USER_ID' and message_count = 200")
    # Rows written behind the app's back: drop what the login warmed (an empty list), as an
    # operator would after a bulk import, so the cache fills from the seeded database.
    redis-cli -h 127.0.0.1 -p 6379 -n "$REDIS_DB" flushdb >/dev/null || die "cannot FLUSHDB Redis db $REDIS_DB"
}

# expect_cache PATH WANT [SAVE_AS]: GETs PATH until X-Cache is WANT (the cache may fill after the
# response), at most 10 times; fails loudly otherwise. SAVE_AS keeps the body of the answer.
expect_cache() {
    local path=$1 want=$2 save=${3:-} status got=""
    for _ in $(seq 1 10); do
        status=$(api GET "$path")
        [[ "$status" == 200 ]] || { body_excerpt >&2; die "GET $path: HTTP $status, wanted 200"; }
        got=$(header X-Cache)
        if [[ "$got" == "$want" ]]; then
            [[ -z "$save" ]] || cp "$WORK/body" "$save"
            return 0
        fi
        sleep 0.3
    done
    die "GET $path: X-Cache is '${got:-missing}', wanted $want"
}

body_size() {   # body_size PATH: bytes of one GET
    api GET "$1" >/dev/null
    wc -c <"$WORK/body" | tr -d ' '
}

# ---------------------------------------------------------------------------------------------
# Measuring: measure NAME URL runs the warm-up and the measured wrk, keeps the raw output and
# records req/s, p50, p99 and socket errors under NAME. Any non-2xx answer stops the run: the
# numbers would be those of the error path.

declare -A RPS=() P50=() P99=() ERRORS=() BYTES=()
CASES=()

# run_wrk DURATION URL OUT: wrk in the background and a wait, because wrk ends quietly on Ctrl-C
# and bash would then carry on with the next case; a trapped signal does interrupt a wait.
run_wrk() {
    local pid status=0
    wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$1" --latency -H "Authorization: Bearer $TOKEN" "$2" >"$3" &
    pid=$!
    PIDS+=("$pid")
    wait "$pid" || status=$?
    forget_pid "$pid"
    return "$status"
}

measure() {
    local name=$1 url=$2 out="$WORK/wrk-$1.txt" parsed non2xx status
    if [[ -n "$APP_PID" ]] && ((SECONDS + CASE_SECONDS + 30 > TOKEN_DEADLINE)); then
        login   # the access token would expire during this case
    fi
    if ((WARMUP_SECONDS > 0)); then
        log "$name: warm-up $WARMUP"
        run_wrk "$WARMUP" "$url" /dev/null || die "wrk failed on $url"
    fi
    log "$name: measuring $DURATION, $CONNECTIONS connections: $url"
    run_wrk "$DURATION" "$url" "$out" || { cat "$out" >&2; die "wrk failed on $url"; }
    parsed=$(parse_wrk "$out") || { cat "$out" >&2; die "cannot read wrk's output for $name"; }
    read -r "RPS[$name]" "P50[$name]" "P99[$name]" non2xx "ERRORS[$name]" <<<"$parsed"
    CASES+=("$name")
    {
        printf '==== %s: %s\n' "$name" "$url"
        cat "$out"
        printf '\n'
    } >>"$WORK/raw"
    if ((non2xx > 0)); then
        cat "$out" >&2
        if [[ "$url" == "$APP_URL"* ]]; then
            status=$(api GET "${url#"$APP_URL"}")
            log "a GET now: HTTP $status, $(body_excerpt)"
        fi
        die "$name: $non2xx responses were not 2xx"
    fi
    if ((ERRORS[$name] > 0)); then
        log "$name: ${ERRORS[$name]} socket errors: $(grep 'Socket errors' "$out")"
    fi
}

# ---------------------------------------------------------------------------------------------
# The floor: bench/Floor.java sending the cached one-chat body.

start_floor() {
    local body=$1 port logfile pid
    port=$(free_port)
    logfile="$WORK/floor.log"
    log "starting the floor on port $port"
    "$JAVA" -Dsun.net.httpserver.nodelay=true bench/Floor.java "$port" "$body" >"$logfile" 2>&1 &
    pid=$!
    PIDS+=("$pid")
    FLOOR_PID=$pid
    FLOOR_URL="http://127.0.0.1:$port/api/v1/chats/$CHAT_ID"
    wait_for_200 "$FLOOR_URL" "$pid" "$logfile" 60 "floor"
    curl -s "$FLOOR_URL" | cmp -s - "$body" || die "the floor does not send the saved body back"
}

# ---------------------------------------------------------------------------------------------
# Report

load_average() { cut -d' ' -f1-3 /proc/loadavg; }
fmt() { awk -v v="$1" -v d="$2" 'BEGIN { printf "%.*f", d, v }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "0" }'; }

# result NAME MIN_RPS [MAX_P99_MS]: PASS, MISS, or ERRORS when wrk saw socket errors
result() {
    local name=$1 min_rps=$2 max_p99=${3:-}
    if ((ERRORS[$name] > 0)); then echo ERRORS; return; fi
    if ge "${RPS[$name]}" "$min_rps" && { [[ -z "$max_p99" ]] || le "${P99[$name]}" "$max_p99"; }; then
        echo PASS
    else
        echo MISS
    fi
}

row() { printf '%-19s %10s %9s %9s %7s %8s  %-32s %s\n' "$@"; }

table() {
    local cached_db cached_floor name target verdict
    cached_db=$(ratio "${RPS[cached]}" "${RPS[db]}")
    cached_floor=$(ratio "${RPS[cached]}" "${RPS[floor]}")
    printf 'Chat-history read path, %s, commit %s, %s cores\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
        "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" "$(nproc)"
    printf 'wrk -t%s -c%s -d%s --latency, each after a discarded %s warm-up run\n' \
        "$WRK_THREADS" "$CONNECTIONS" "$DURATION" "$WARMUP"
    printf 'load average before the run: %s, after: %s\n\n' "$LOAD_BEFORE" "$(load_average)"
    row case req/s p50_ms p99_ms errors bytes target result
    for name in "${CASES[@]}"; do
        case "$name" in
            cached)  target=">= $TARGET_CACHED_RPS req/s, p99 <= $TARGET_CACHED_P99_MS ms"
                     verdict=$(result cached "$TARGET_CACHED_RPS" "$TARGET_CACHED_P99_MS") ;;
            chat200) target=">= $TARGET_CHAT200_RPS req/s"
                     verdict=$(result chat200 "$TARGET_CHAT200_RPS") ;;
            list)    target=">= $TARGET_LIST_RPS req/s"
                     verdict=$(result list "$TARGET_LIST_RPS") ;;
            *)       target="-"
                     if ((ERRORS[$name] > 0)); then verdict=ERRORS; else verdict="-"; fi ;;
        esac
        row "$name" "$(fmt "${RPS[$name]}" 0)" "$(fmt "${P50[$name]}" 3)" "$(fmt "${P99[$name]}" 3)" \
            "${ERRORS[$name]}" "${BYTES[$name]:--}" "$target" "$verdict"
    done
    printf '\n'
    row cached/db "$cached_db" "" "" "" "" ">= $TARGET_CACHED_OVER_DB (req/s)" \
        "$(ge "$cached_db" "$TARGET_CACHED_OVER_DB" && echo PASS || echo MISS)"
    row cached/floor "$cached_floor" "" "" "" "" ">= $TARGET_CACHED_OVER_FLOOR (req/s)" \
        "$(ge "$cached_floor" "$TARGET_CACHED_OVER_FLOOR" && echo PASS || echo MISS)"
    if [[ -n "${RPS[cached@before]:-}" ]]; then
        for name in cached chat200 list; do
            row "$name/before" "$(ratio "${RPS[$name]}" "${RPS[$name@before]}")" "" "" "" "" "this build over BENCH_BEFORE_JAR" "-"
        done
        row cached@before/floor "$(ratio "${RPS[cached@before]}" "${RPS[floor]}")" "" "" "" "" "-" "-"
    fi
    printf '\ncached  = GET /api/v1/chats/{id}, 20 messages, from Redis\n'
    printf 'chat200 = GET /api/v1/chats/{id}, 200 messages, from Redis\n'
    printf 'list    = GET /api/v1/chats?limit=50, from Redis\n'
    printf 'db      = the cached case on a second instance with docent.cache.enabled=false, no Redis\n'
    printf 'floor   = bench/Floor.java (JDK HttpServer) sending the cached case body\n'
    if [[ -n "$BEFORE_JAR" ]]; then
        printf '@before = the same case on BENCH_BEFORE_JAR (%s), measured first on the same data\n' "$BEFORE_JAR"
    fi
}

# ---------------------------------------------------------------------------------------------

# measure_cached_path SUFFIX: an instance with Redis, the three cached cases named cached, chat200 and
# list plus SUFFIX. The first instance of a run signs up and seeds; later ones log in.
measure_cached_path() {
    local suffix=$1 path
    start_app "cached$suffix" DOCENT_REDIS_URL="redis://127.0.0.1:6379/$REDIS_DB"
    if [[ -z "$CHAT_ID" ]]; then
        signup
        login
        seed
    else
        login
    fi
    local one="/api/v1/chats/$CHAT_ID" big="/api/v1/chats/$CHAT200_ID" list="/api/v1/chats?limit=50"
    log "warming: one GET each, then X-Cache must say HIT"
    for path in "$one" "$big" "$list"; do api GET "$path" >/dev/null; done
    expect_cache "$one" HIT "$WORK/chat.json"
    expect_cache "$big" HIT
    expect_cache "$list" HIT
    BYTES[cached$suffix]=$(wc -c <"$WORK/chat.json" | tr -d ' ')
    BYTES[chat200$suffix]=$(body_size "$big")
    BYTES[list$suffix]=$(body_size "$list")
    ((BYTES[chat200$suffix] >= 200 * 250)) || log "WARNING: the 200-message chat is only ${BYTES[chat200$suffix]} bytes; are all messages returned?"
    measure "cached$suffix" "$APP_URL$one"
    measure "chat200$suffix" "$APP_URL$big"
    measure "list$suffix" "$APP_URL$list"
    for path in "$one" "$big" "$list"; do expect_cache "$path" HIT; done   # still cached after the load
    stop_app
}

main() {
    require_tools
    build_jar
    LOAD_BEFORE=$(load_average)
    if ! le "${LOAD_BEFORE%% *}" 1; then
        log "WARNING: load average $LOAD_BEFORE: something else is using the CPUs; numbers will be low"
    fi
    WORK=$(mktemp -d /tmp/docent-bench.XXXXXX)
    : >"$WORK/raw"
    local results
    results="bench/results/history-$(date +%Y%m%d-%H%M%S).txt"
    fresh_stores

    # The cached path: Redis in front of PostgreSQL; with BENCH_BEFORE_JAR that build first (it signs
    # up and seeds, so its own migrations made the schema), then this one on the same data.
    if [[ -n "$BEFORE_JAR" ]]; then
        APP_JAR="$BEFORE_JAR" measure_cached_path "@before"
        redis-cli -h 127.0.0.1 -p 6379 -n "$REDIS_DB" flushdb >/dev/null || die "cannot FLUSHDB Redis db $REDIS_DB"
    fi
    measure_cached_path ""
    local one="/api/v1/chats/$CHAT_ID"

    # The database path: a second instance, no Redis, cache off.
    start_app db DOCENT_CACHE_ENABLED=false
    login
    expect_cache "$one" MISS
    BYTES[db]=$(wc -c <"$WORK/body" | tr -d ' ')
    measure db "$APP_URL$one"
    expect_cache "$one" MISS
    stop_app

    # The floor.
    start_floor "$WORK/chat.json"
    BYTES[floor]=${BYTES[cached]}
    measure floor "$FLOOR_URL"
    stop_pid "$FLOOR_PID"
    forget_pid "$FLOOR_PID"

    table >"$WORK/table"
    cat "$WORK/table"
    mkdir -p bench/results
    { cat "$WORK/table"; printf '\n'; cat "$WORK/raw"; } >"$results"
    log "table and raw wrk outputs in $results"
    RUN_OK=true
    ! grep -qE ' ERRORS$' "$WORK/table" || exit 1
    ! grep -qE ' MISS$' "$WORK/table" || exit 2
}

main
