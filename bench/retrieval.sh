#!/usr/bin/env bash
# Benchmark of retrieval over the Python and Django docs: ingestion throughput, heap after the ingest, and query
# latency of the chat's hybrid retrieval side by side with BM25 alone, in one in-process run
# (src/test/java/dev/docent/knowledge/cli/RetrievalBench.java). See bench/README.md. Usage:
#
#   bash bench/retrieval.sh                                      full run (about 4 minutes on this machine)
#   BENCH_QUESTIONS=100 BENCH_ROUNDS=1 bash bench/retrieval.sh   shorter query part (the ingest is the same)
#
# Exit status: 0 all targets met; 2 the run worked but a target was missed; 1 the run failed.
set -euo pipefail

# The bench sets what it measures; a DOCENT_* variable of the shell (a model, another database) must not leak in.
while read -r name; do unset "$name"; done < <(compgen -e | grep '^DOCENT_' || true)

export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
HEAP="${BENCH_HEAP:-2g}"
QUESTIONS="${BENCH_QUESTIONS:-400}"
ROUNDS="${BENCH_ROUNDS:-3}"
WARMUP_ROUNDS="${BENCH_WARMUP_ROUNDS:-1}"
SEED="${BENCH_SEED:-42}"

log() { printf '[retrieval %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

die() {
    printf '\n[retrieval] FAILED: %s\n' "$*" >&2
    exit 1
}

[[ $# -eq 0 ]] || die "unknown arguments: $* (settings are env variables, see bench/README.md)"
cd "$(dirname "$0")/.."
# The eval's files sit beside the repository (../shared/eval), as the eval command expects them.
CORPUS_SCRIPT="${BENCH_CORPUS_SCRIPT:-../shared/eval/corpus.sh}"
DEVSET="${BENCH_DEVSET:-$(dirname "$CORPUS_SCRIPT")/devset.jsonl}"

WORK=""
BENCH_PID=""
RUN_OK=false

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [[ -n "$BENCH_PID" ]] && kill -0 "$BENCH_PID" 2>/dev/null; then
        kill "$BENCH_PID" 2>/dev/null || true
        wait "$BENCH_PID" 2>/dev/null || true
    fi
    if [[ -n "$WORK" ]]; then
        if $RUN_OK; then rm -rf "$WORK"; else log "logs and data kept in $WORK"; fi
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

require_tools() {
    [[ -x "$JAVA" ]] || die "no java at $JAVA (set JAVA_HOME to a JDK 21+)"
    local major
    major=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    ((${major%%.*} >= 21)) || die "$JAVA is Java $major; the app needs 21+"
    [[ -f "$CORPUS_SCRIPT" ]] || die "no $CORPUS_SCRIPT (set BENCH_CORPUS_SCRIPT to the eval's corpus.sh)"
    local setting
    for setting in QUESTIONS ROUNDS WARMUP_ROUNDS SEED; do
        [[ "${!setting}" =~ ^[0-9]+$ ]] || die "BENCH_$setting=${!setting}: a whole number, please"
    done
    ((ROUNDS > 0)) || die "BENCH_ROUNDS must be at least 1"
}

# corpus.sh installs the docs from Debian packages when they are missing (as root), then names them.
corpora() {
    log "corpora: bash $CORPUS_SCRIPT"
    bash "$CORPUS_SCRIPT" >"$WORK/corpora.tsv" || die "$CORPUS_SCRIPT failed"
    grep -v '^#' "$WORK/corpora.tsv" | sed 's/^/  /' >&2
}

# Compiles main and test classes (the bench is a main in test sources) and writes the classpath.
build() {
    log "building: ./mvnw -q -B -ntp test-compile"
    ./mvnw -q -B -ntp test-compile >"$WORK/build.log" 2>&1 || { tail -n 40 "$WORK/build.log" >&2; die "build failed"; }
    ./mvnw -q -B -ntp dependency:build-classpath -Dmdep.outputFile="$WORK/classpath" >>"$WORK/build.log" 2>&1 \
        || { tail -n 40 "$WORK/build.log" >&2; die "cannot resolve the classpath"; }
    CLASSPATH_ARG="target/test-classes:target/classes:$(cat "$WORK/classpath")"
}

load_average() { cut -d' ' -f1-3 /proc/loadavg; }

main() {
    require_tools
    WORK=$(mktemp -d /tmp/docent-retrieval.XXXXXX)
    corpora
    build
    local load results commit
    load=$(load_average)
    if ! awk -v l="${load%% *}" 'BEGIN { exit !(l <= 1) }'; then
        log "WARNING: load average $load: something else is using the CPUs; numbers will be worse"
    fi
    commit=$(git describe --always --dirty 2>/dev/null || echo unknown)
    mkdir -p bench/results
    results="bench/results/retrieval-$(date +%Y%m%d-%H%M%S).txt"
    local bar=false
    [[ -t 2 ]] && bar=true   # a progress bar only where it redraws in place
    log "running the bench (-Xms$HEAP -Xmx$HEAP); progress below, the table at the end"
    # Flags as the app runs with (pom.xml docent.jvm.args), and a fixed heap so the heap figure means something.
    "$JAVA" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -XX:+UseParallelGC \
        "-Xms$HEAP" "-Xmx$HEAP" ${BENCH_EMBEDDING_MODEL:+"-Ddocent.embedding.model=$BENCH_EMBEDDING_MODEL"} \
        -cp "$CLASSPATH_ARG" dev.docent.knowledge.cli.RetrievalBench \
        --data-dir "$WORK/data" --corpora "$WORK/corpora.tsv" --devset "$DEVSET" \
        --questions "$QUESTIONS" --rounds "$ROUNDS" --warmup-rounds "$WARMUP_ROUNDS" --seed "$SEED" \
        --commit "$commit" --progress-bar "$bar" --report "$WORK/table" &
    BENCH_PID=$!
    local status=0
    wait "$BENCH_PID" || status=$?
    BENCH_PID=""
    ((status == 0 || status == 2)) || die "the bench exited with status $status"
    {
        cat "$WORK/table"
        printf '\nload average before the run: %s, after: %s\n' "$load" "$(load_average)"
    } | tee "$results"
    log "table in $results"
    RUN_OK=true
    exit "$status"
}

main
