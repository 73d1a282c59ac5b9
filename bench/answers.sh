#!/usr/bin/env bash
# The answer eval against the packaged jar, offline (no language model): ingests the Python and Django docs
# (slugs python-3.11 and django-3.2) into a data dir of its own, starts the server on a free port and runs
# ../shared/eval/answer_eval.py over its API. The data dir is kept between runs (BENCH_ANSWERS_DATA), so a
# second run only restarts the server. Usage:
#
#   ./mvnw -q -DskipTests package && bash bench/answers.sh [--verbose]
#   BENCH_ANSWERS_SET=../shared/eval/other-set.jsonl bash bench/answers.sh
#
# Exit status: the scorer's (0 after a measurement); 1 when the server or the ingest failed.
set -euo pipefail
while read -r name; do unset "$name"; done < <(compgen -e | grep '^DOCENT_' || true)

export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cd "$(dirname "$0")/.."
JAR="${BENCH_JAR:-target/docent.jar}"
DATA="$(realpath -m "${BENCH_ANSWERS_DATA:-data/answer-eval}")"
SET="${BENCH_ANSWERS_SET:-../shared/eval/answers-devset.jsonl}"
PORT="${BENCH_PORT:-18090}"
USER_NAME=evaluator
PASSWORD=evaluator-password-1234
JAVA=("$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED
      -XX:+UseParallelGC -Xmx2g -jar "$JAR")

log() { printf '[answers %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

export DOCENT_DATA_DIR="$DATA" DOCENT_KNOWLEDGE_SAMPLE_DOCS=false DOCENT_CACHE_ENABLED=false
mkdir -p "$DATA"
if [[ ! -f "$DATA/.ingested" ]]; then
    while IFS=$'\t' read -r name root dirs; do
        [[ -z "$name" || "$name" == \#* ]] && continue
        case "$name" in
            python) slug=python-3.11 title="Python 3.11" base=https://docs.python.org/3.11/ ;;
            django) slug=django-3.2 title="Django 3.2" base=https://docs.djangoproject.com/en/3.2/ ;;
            *) continue ;;
        esac
        paths=()
        for dir in $dirs; do paths+=("$root/$dir"); done
        log "ingesting $slug"
        "${JAVA[@]}" ingest --slug "$slug" --title "$title" --base-url "$base" "${paths[@]}" >&2
    done < <(bash ../shared/eval/corpus.sh)
    touch "$DATA/.ingested"
fi

SERVER_PORT=$PORT DOCENT_ADMIN_USERNAME=$USER_NAME DOCENT_ADMIN_PASSWORD=$PASSWORD \
    "${JAVA[@]}" > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
    # overall health, not readiness: it is UP only once the search index has caught up with the database
    curl -sf "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"' && break
    kill -0 $SERVER 2>/dev/null || { tail -20 "$DATA/server.log" >&2; exit 1; }
    sleep 1
done
log "server up on $PORT; asking"
python3 ../shared/eval/answer_eval.py "http://127.0.0.1:$PORT" "$SET" --user $USER_NAME --password $PASSWORD "$@"
