#!/usr/bin/env bash
# Benchmark of the insights API over many stored questions: seeds 100,000 answered questions (as
# the insights listener stores them) into a fresh PostgreSQL database, starts the packaged app on
# it, and times GET /api/v1/insights one request at a time, for the default 30 days, the whole
# 90 days, and one document set. See bench/README.md. Usage:
#
#   bench/insights.sh                          100,000 questions, 100 requests per case
#   BENCH_QUESTIONS=10000 BENCH_REQUESTS=20 bench/insights.sh
#
# Exit status: 0 every case's p95 is under the target; 2 the run worked but a target was missed;
# 1 the run failed.
set -euo pipefail

export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
JAR="${BENCH_JAR:-target/docent.jar}"
QUESTIONS="${BENCH_QUESTIONS:-100000}"
REQUESTS="${BENCH_REQUESTS:-100}"
TARGET_P95_MS=1000

DB_NAME=docent_bench_insights
PG=(env PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 5432 -U postgres)
ADMIN=bench-admin
ADMIN_PASSWORD=bench-password-0123

log() { printf '[insights %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '\n[insights] FAILED: %s\n' "$*" >&2; exit 1; }

cd "$(dirname "$0")/.."
[[ "$QUESTIONS" =~ ^[0-9]+$ && "$REQUESTS" =~ ^[0-9]+$ && "$REQUESTS" -ge 1 ]] || die "BENCH_QUESTIONS and BENCH_REQUESTS are numbers"
for tool in psql curl awk sort; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
[[ -x "$JAVA" ]] || die "no java at $JAVA (set JAVA_HOME)"
pg_isready -h 127.0.0.1 -p 5432 -q || die "PostgreSQL is not answering on 127.0.0.1:5432"

APP_PID=""
WORK=$(mktemp -d)
cleanup() {
    local status=$?
    [[ -n "$APP_PID" ]] && { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }
    "${PG[@]}" -d postgres -c "drop database if exists $DB_NAME with (force)" >/dev/null 2>&1 || true
    if [[ $status -le 2 ]]; then rm -rf "$WORK"; else log "logs kept in $WORK"; fi
    exit "$status"
}
trap cleanup EXIT

if [[ ! -f "$JAR" ]]; then
    [[ "$JAR" == target/docent.jar ]] || die "BENCH_JAR=$JAR does not exist"
    log "building $JAR"
    ./mvnw -B -ntp -q -DskipTests package || die "build failed"
fi

"${PG[@]}" -d postgres -c "drop database if exists $DB_NAME with (force)" -c "create database $DB_NAME" >/dev/null

port=$((20000 + RANDOM % 30000))
URL="http://127.0.0.1:$port"
log "starting the app on port $port (it creates the schema)"
env -u DOCENT_REDIS_URL -u DOCENT_REDIS_CLUSTER_NODES \
    SERVER_PORT="$port" \
    DOCENT_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB_NAME" DOCENT_DB_USER=postgres DOCENT_DB_PASSWORD= \
    DOCENT_JWT_SECRET="$(head -c 36 /dev/urandom | base64 | tr '+/' '-_')" \
    DOCENT_DATA_DIR="$WORK/data" DOCENT_KNOWLEDGE_SAMPLE_DOCS=false \
    DOCENT_ADMIN_USERNAME="$ADMIN" DOCENT_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    "$JAVA" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -XX:+UseParallelGC -Xmx1g \
    -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
    kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$WORK/app.log" >&2; die "the app exited while starting"; }
    [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$URL/actuator/health/readiness" || true)" == 200 ]] && break
    sleep 0.5
done
[[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$URL/actuator/health/readiness" || true)" == 200 ]] \
    || { tail -n 40 "$WORK/app.log" >&2; die "the app did not get ready"; }

log "seeding $QUESTIONS questions"
seed_start=$SECONDS
"${PG[@]}" -d "$DB_NAME" -v questions="$QUESTIONS" -f bench/seed-insights.sql >/dev/null
log "seeded in $((SECONDS - seed_start)) s: $("${PG[@]}" -d "$DB_NAME" -At -c \
    "select count(*) || ' questions, ' || (select count(*) from insight_citations) || ' citations' from question_insights")"

TOKEN=$(curl -s --max-time 10 -H 'Content-Type: application/json' \
    --data "{\"username\":\"$ADMIN\",\"password\":\"$ADMIN_PASSWORD\"}" "$URL/api/v1/auth/login" \
    | sed -n 's/.*"accessToken"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')
[[ -n "$TOKEN" ]] || die "could not log in as $ADMIN"

today=$(date -u +%F)
ninety=$(date -u -d '89 days ago' +%F)
missed=0
printf '\n| case | requests | p50 ms | p95 ms | max ms | bytes |\n| --- | ---: | ---: | ---: | ---: | ---: |\n'
for case in "last 30 days|" "last 90 days|from=$ninety&to=$today" \
            "one set, 90 days|from=$ninety&to=$today&documentId=00000000-0000-7000-8000-000000000001"; do
    name=${case%%|*}
    query=${case#*|}
    for _ in 1 2 3 4 5; do   # warm-up: the JIT and PostgreSQL's caches
        curl -s -o /dev/null --max-time 30 -H "Authorization: Bearer $TOKEN" "$URL/api/v1/insights?$query"
    done
    : >"$WORK/times"
    for _ in $(seq 1 "$REQUESTS"); do
        out=$(curl -s -o "$WORK/body" --max-time 30 -w '%{http_code} %{time_total}' \
            -H "Authorization: Bearer $TOKEN" "$URL/api/v1/insights?$query")
        [[ "${out%% *}" == 200 ]] || { head -c 300 "$WORK/body" >&2; die "$name: HTTP ${out%% *}"; }
        echo "${out#* }" >>"$WORK/times"
    done
    bytes=$(wc -c <"$WORK/body")
    read -r p50 p95 max < <(sort -n "$WORK/times" | awk '{ t[NR] = $1 * 1000 } END {
        i50 = int(NR * 0.50 + 0.999); i95 = int(NR * 0.95 + 0.999)
        printf "%.1f %.1f %.1f\n", t[i50], t[i95], t[NR] }')
    printf '| %s | %d | %s | %s | %s | %d |\n' "$name" "$REQUESTS" "$p50" "$p95" "$max" "$bytes"
    awk -v p="$p95" -v t="$TARGET_P95_MS" 'BEGIN { exit !(p < t) }' || missed=1
done
printf '\ntarget: p95 < %d ms over %d stored questions\n' "$TARGET_P95_MS" "$QUESTIONS"
((missed == 0)) || exit 2
