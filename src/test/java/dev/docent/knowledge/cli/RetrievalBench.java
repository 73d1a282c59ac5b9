package dev.docent.knowledge.cli;

import dev.docent.DocentApplication;
import dev.docent.knowledge.DocumentIngested;
import dev.docent.knowledge.KnowledgeSettings;
import dev.docent.knowledge.Retrieval;
import dev.docent.knowledge.index.PassageIndex;
import dev.docent.knowledge.ingest.IngestProgress;
import dev.docent.knowledge.ingest.IngestReport;
import dev.docent.knowledge.ingest.IngestRequest;
import dev.docent.knowledge.ingest.Ingestion;
import dev.docent.knowledge.ingest.SourceFile;
import dev.docent.knowledge.ingest.SourceFiles;
import dev.docent.knowledge.replica.IndexReplica;
import dev.docent.knowledge.retrieve.QueryPlanner;
import dev.docent.knowledge.store.Documents;
import dev.docent.knowledge.store.IndexedPassage;
import dev.docent.llm.Embedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntUnaryOperator;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The retrieval benchmark that {@code bench/retrieval.sh} runs (see bench/README.md); a
 * main, not a test. It starts the application without a web server on a throwaway H2
 * database and index, ingests the corpora with the real {@link Ingestion}, weighs the
 * heap, then times every question through the chat's hybrid retrieval, through BM25 alone
 * and through each part of the hybrid alone, interleaved, and prints the figures against
 * the targets.
 *
 * <p>
 * Exit status: 0 when every target is met, 2 when one is missed, 1 when the run failed.
 */
final class RetrievalBench {

    static final double TARGET_P99_MS = 50;
    static final double TARGET_PASSAGES_PER_SECOND = 100;
    static final double TARGET_INGEST_SECONDS = 120;
    static final double TARGET_HEAP_MB = 1024;

    private static final double MB = 1024 * 1024;

    /** The command line: {@code --name value} pairs, see {@code bench/retrieval.sh}. */
    record Settings(Path dataDir, Path corpora, Path devset, Path report, int questions, int rounds, int warmupRounds,
            long seed, int k, String commit, boolean progressBar) {

        static Settings parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("Expected --name value, got " + args[i]);
                }
                values.put(args[i].substring(2), args[i + 1]);
            }
            return new Settings(Path.of(required(values, "data-dir")), Path.of(required(values, "corpora")),
                    Path.of(values.getOrDefault("devset", "")), Path.of(required(values, "report")),
                    Integer.parseInt(values.getOrDefault("questions", "400")),
                    Integer.parseInt(values.getOrDefault("rounds", "3")),
                    Integer.parseInt(values.getOrDefault("warmup-rounds", "1")),
                    Long.parseLong(values.getOrDefault("seed", "42")),
                    Integer.parseInt(values.getOrDefault("k", String.valueOf(RetrievalEval.MRR_AT))),
                    values.getOrDefault("commit", "unknown"),
                    Boolean.parseBoolean(values.getOrDefault("progress-bar", "false")));
        }

        private static String required(Map<String, String> values, String name) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return value;
        }
    }

    /**
     * What the ingest of one corpus took.
     *
     * @param embedNanos the part spent embedding the passages
     * @param indexNanos the part after the pages were stored: the replica's catch-up,
     * which indexes them in Lucene
     * @param cpuNanos the CPU time the whole process used meanwhile, all threads: on a
     * shared machine, what it got
     */
    record Ingested(EvalCommand.Corpus corpus, UUID documentId, int pages, int passages, long nanos, long embedNanos,
            long indexNanos, long cpuNanos) {

        double passagesPerSecond() {
            return passages / (nanos / 1e9);
        }
    }

    /** Latencies of one way of retrieving, in nanoseconds, one per question and round. */
    record Latencies(String name, long[] nanos) {

        Latencies {
            nanos = nanos.clone();
            Arrays.sort(nanos);
        }

        /** Nearest-rank percentile, in ms. */
        double percentileMs(double p) {
            int rank = (int) Math.ceil(p / 100 * nanos.length);
            return nanos[Math.clamp(rank - 1, 0, nanos.length - 1)] / 1e6;
        }

        double meanMs() {
            return Arrays.stream(nanos).average().orElse(0) / 1e6;
        }
    }

    private final Settings settings;

    private final LongAdder embedNanos = new LongAdder();

    private final IngestEvents ingestEvents = new IngestEvents();

    private final StringBuilder report = new StringBuilder();

    private int misses;

    RetrievalBench(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        int status;
        try {
            status = new RetrievalBench(Settings.parse(args)).run();
        }
        catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    int run() throws IOException {
        List<EvalCommand.Corpus> corpora = corpora(settings.corpora());
        long startNanos = System.nanoTime();
        try (ConfigurableApplicationContext context = start()) {
            double startSeconds = (System.nanoTime() - startNanos) / 1e9;
            Embedder embedder = context.getBean(Embedder.class);
            int candidates = context.getBean(KnowledgeSettings.class).candidates();
            header(embedder, candidates, startSeconds);
            long loadNanos = time(() -> embedder.embedQuery("load the model"));

            List<Ingested> ingested = new ArrayList<>();
            for (EvalCommand.Corpus corpus : corpora) {
                ingested.add(ingest(context.getBean(Ingestion.class), corpus));
            }
            PassageIndex index = context.getBean(IndexReplica.class).index();
            int passages = ingested.stream().mapToInt(Ingested::passages).sum();
            if (index.count() != passages) {
                throw new IllegalStateException("The index holds " + index.count() + " passages, the ingest stored "
                        + passages + ": the replica did not catch up");
            }
            double heapMb = heapAfterGc();
            ingestTable(ingested, loadNanos, heapMb, directorySize(settings.dataDir().resolve("index")));

            List<BenchQuestions.Question> questions = questions(context.getBean(Documents.class), ingested);
            List<Latencies> latencies = timeQuestions(questions, context.getBean(Retrieval.class), index, embedder,
                    candidates);
            latencyTable(latencies, questions.size(), candidates);
            targets(ingested, loadNanos, heapMb, latencies.getFirst());
        }
        Files.writeString(settings.report(), report, StandardCharsets.UTF_8);
        return misses == 0 ? 0 : 2;
    }

    private ConfigurableApplicationContext start() {
        SpringApplication application = new SpringApplication(DocentApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        System.setProperty("logging.level.root", System.getProperty("logging.level.root", "WARN"));
        application.addInitializers(context -> {
            context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("retrieval-bench", properties(settings.dataDir())));
            context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof Embedder embedder ? new TimedEmbedder(embedder, embedNanos) : bean;
                }
            });
            context.addApplicationListener(ingestEvents);
        });
        return application.run();
    }

    /**
     * As the {@code eval} command runs: its own H2 database and index, no Redis, no
     * sample docs, no model.
     */
    private static Map<String, Object> properties(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Map<String, Object> properties = new HashMap<>();
        properties.put("docent.data-dir", dir.toString());
        properties.put("docent.db.url", "jdbc:h2:file:" + dir.resolve("db/docent")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        properties.put("docent.db.user", "sa");
        properties.put("docent.db.password", "");
        properties.put("docent.knowledge.index-dir", dir.resolve("index").toString());
        properties.put("docent.knowledge.upload-dir", dir.resolve("uploads").toString());
        properties.put("docent.knowledge.sample-docs", "false");
        properties.put("docent.redis.url", "");
        properties.put("docent.redis.cluster-nodes", "");
        properties.put("docent.llm.provider", "extractive");
        return properties;
    }

    private Ingested ingest(Ingestion ingestion, EvalCommand.Corpus corpus) {
        List<SourceFile> files = SourceFiles.collect(corpus.root(),
                corpus.directories().stream().map(corpus.root()::resolve).toList());
        long embedBefore = embedNanos.sum();
        long cpuBefore = processCpuNanos();
        long started = System.nanoTime();
        IngestRequest request = new IngestRequest(corpus.name(), corpus.name(), null, files);
        IngestReport report;
        if (settings.progressBar()) {
            try (ProgressBar bar = IngestCommand.progressBar("Ingesting " + corpus.name(), files.size(), " pages")) {
                report = ingestion.ingest(request, new IngestCommand.BarProgress(bar));
            }
        }
        else {
            System.err.printf(Locale.ROOT, "Ingesting %s: %d files%n", corpus.name(), files.size());
            report = ingestion.ingest(request, IngestProgress.NONE);
        }
        long finished = System.nanoTime();
        if (report.unchanged() > 0) {
            throw new IllegalStateException(corpus.name() + ": " + report.unchanged() + " pages were already "
                    + "stored; the bench needs an empty data directory");
        }
        System.err.println(IngestCommand.summary(corpus.name(), corpus.name(), report));
        return new Ingested(corpus, report.documentId(), report.pages(), report.passages(), finished - started,
                embedNanos.sum() - embedBefore, finished - ingestEvents.lastPublished(), processCpuNanos() - cpuBefore);
    }

    /**
     * The document sets {@code corpus.sh} printed:
     * {@code name<TAB>root<TAB>sub-directories}.
     */
    private static List<EvalCommand.Corpus> corpora(Path listing) throws IOException {
        List<EvalCommand.Corpus> corpora = new ArrayList<>();
        for (String line : Files.readAllLines(listing, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t");
            if (!line.startsWith("#") && fields.length == 3) {
                corpora.add(new EvalCommand.Corpus(fields[0].strip(), Path.of(fields[1].strip()),
                        List.of(fields[2].strip().split("\\s+"))));
            }
        }
        if (corpora.isEmpty()) {
            throw new IllegalArgumentException(listing + " names no corpus (name<TAB>root<TAB>dirs)");
        }
        return corpora;
    }

    private List<BenchQuestions.Question> questions(Documents documents, List<Ingested> ingested) {
        Map<String, List<IndexedPassage>> passages = new LinkedHashMap<>();
        Map<String, UUID> documentIds = new HashMap<>();
        for (Ingested corpus : ingested) {
            passages.put(corpus.corpus().name(), documents.passages(corpus.documentId()));
            documentIds.put(corpus.corpus().name(), corpus.documentId());
        }
        List<BenchQuestions.Question> questions = new ArrayList<>(
                BenchQuestions.generated(passages, settings.questions(), settings.seed()));
        List<BenchQuestions.Question> devset = settings.devset().toString().isEmpty() ? List.of()
                : BenchQuestions.devset(settings.devset(), documentIds, JsonMapper.builder().build());
        line("Questions: %d made from the passages (seed %d), %d from %s; for example:", questions.size(),
                settings.seed(), devset.size(), devset.isEmpty() ? "no dev set" : settings.devset());
        questions.stream().limit(4).forEach(question -> line("  %s", question.text()));
        line("");
        questions.addAll(devset);
        return questions;
    }

    /**
     * Warm-up rounds, then measured rounds: each question goes through every way of
     * retrieving in turn, the one to go first rotating, so none of them always finds the
     * caches warmed by another. Besides the hybrid retrieval and BM25 alone, the parts of
     * the hybrid are timed on their own: the query embedding, and each leg's search for
     * its candidates (HNSW with the question's vector computed beforehand).
     */
    private List<Latencies> timeQuestions(List<BenchQuestions.Question> questions, Retrieval retrieval,
            PassageIndex index, Embedder embedder, int candidates) {
        int k = settings.k();
        List<String> queries = questions.stream().map(q -> QueryPlanner.standalone(q.text(), q.history())).toList();
        List<float[]> vectors = queries.stream().map(embedder::embedQuery).toList();
        Map<String, IntUnaryOperator> ways = new LinkedHashMap<>();
        ways.put("hybrid",
                i -> retrieval
                    .forQuestion(questions.get(i).text(), questions.get(i).history(), questions.get(i).documentId(), k)
                    .passages()
                    .size());
        ways.put("bm25",
                i -> index
                    .keywordSearch(QueryPlanner.standalone(questions.get(i).text(), questions.get(i).history()),
                            questions.get(i).documentId(), k)
                    .size());
        ways.put("embedding", i -> embedder.embedQuery(queries.get(i)).length);
        ways.put("bm25@" + candidates,
                i -> index.keywordSearch(queries.get(i), questions.get(i).documentId(), candidates).size());
        ways.put("hnsw@" + candidates,
                i -> index.vectorSearch(vectors.get(i), questions.get(i).documentId(), candidates).size());
        List<IntUnaryOperator> calls = List.copyOf(ways.values());
        int n = questions.size();
        long[][] nanos = new long[calls.size()][n * settings.rounds()];
        long sink = 0;
        for (int round = -settings.warmupRounds(); round < settings.rounds(); round++) {
            System.err.printf(Locale.ROOT, "%s round %d: %d questions%n", round < 0 ? "warm-up" : "measured",
                    round < 0 ? round + settings.warmupRounds() + 1 : round + 1, n);
            for (int i = 0; i < n; i++) {
                for (int turn = 0; turn < calls.size(); turn++) {
                    int way = Math.floorMod(i + round + turn, calls.size());
                    long started = System.nanoTime();
                    sink += calls.get(way).applyAsInt(i);
                    long took = System.nanoTime() - started;
                    if (round >= 0) {
                        nanos[way][round * n + i] = took;
                    }
                }
            }
        }
        if (sink == 0) {
            throw new IllegalStateException("No question retrieved anything");
        }
        List<String> names = List.copyOf(ways.keySet());
        List<Latencies> latencies = new ArrayList<>();
        for (int way = 0; way < calls.size(); way++) {
            latencies.add(new Latencies(names.get(way), nanos[way]));
        }
        return latencies;
    }

    private void header(Embedder embedder, int candidates, double startSeconds) {
        line("Retrieval benchmark, %s, commit %s, %d cores, Java %s, %s, max heap %.0f MB",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), settings.commit(),
                Runtime.getRuntime().availableProcessors(), Runtime.version(), garbageCollectors(),
                Runtime.getRuntime().maxMemory() / MB);
        line("embedding model %s, %d candidates per leg before fusion, k = %d, no language model; H2 and the index "
                + "in %s", embedder.id(), candidates, settings.k(), settings.dataDir());
        line("application context started in %.1f s; load average at the start %s", startSeconds, loadAverage());
        line("");
    }

    private void ingestTable(List<Ingested> ingested, long loadNanos, double heapMb, long indexBytes) {
        line("Ingestion (parse, chunk, embed, store in H2, index in Lucene)");
        String row = "%-10s %6s %8s %8s %10s %8s %8s %13s %10s";
        line(row, "corpus", "pages", "passages", "seconds", "passages/s", "embed s", "index s", "w/o embed p/s",
                "cores used");
        EvalCommand.Corpus all = new EvalCommand.Corpus("total", Path.of(""), List.of());
        Ingested total = new Ingested(all, null, ingested.stream().mapToInt(Ingested::pages).sum(),
                ingested.stream().mapToInt(Ingested::passages).sum(),
                ingested.stream().mapToLong(Ingested::nanos).sum(),
                ingested.stream().mapToLong(Ingested::embedNanos).sum(),
                ingested.stream().mapToLong(Ingested::indexNanos).sum(),
                ingested.stream().mapToLong(Ingested::cpuNanos).sum());
        for (Ingested corpus : Stream.concat(ingested.stream(), Stream.of(total)).toList()) {
            line(row, corpus.corpus().name(), corpus.pages(), corpus.passages(), fmt(corpus.nanos() / 1e9, 1),
                    fmt(corpus.passagesPerSecond(), 0), fmt(corpus.embedNanos() / 1e9, 1),
                    fmt(corpus.indexNanos() / 1e9, 1),
                    fmt(corpus.passages() / ((corpus.nanos() - corpus.embedNanos()) / 1e9), 0),
                    fmt((double) corpus.cpuNanos() / corpus.nanos(), 2));
        }
        line("embed s = embedding the passages; index s = the replica's catch-up after the pages were stored;");
        line("w/o embed p/s = the rate without the embedding time; cores used = process CPU time / wall time");
        line("embedding model load (first query, before the ingest): %.1f s", loadNanos / 1e9);
        line("heap used after the ingest and a full GC: %.0f MB; process RSS %s; index on disk %.0f MB", heapMb,
                residentSetSize(), indexBytes / MB);
        line("");
    }

    private void latencyTable(List<Latencies> latencies, int questions, int candidates) {
        line("Query latency in ms: %d questions x %d rounds, after %d warm-up round(s), interleaved", questions,
                settings.rounds(), settings.warmupRounds());
        String row = "%-11s %6s %8s %8s %8s %8s %8s";
        line(row, "", "n", "p50", "p90", "p99", "max", "mean");
        for (Latencies way : latencies) {
            line(row, way.name(), way.nanos().length, fmt(way.percentileMs(50), 2), fmt(way.percentileMs(90), 2),
                    fmt(way.percentileMs(99), 2), fmt(way.percentileMs(100), 2), fmt(way.meanMs(), 2));
        }
        Latencies hybrid = latencies.get(0);
        Latencies bm25 = latencies.get(1);
        line(row, "hybrid/bm25", "", fmt(hybrid.percentileMs(50) / bm25.percentileMs(50), 1),
                fmt(hybrid.percentileMs(90) / bm25.percentileMs(90), 1),
                fmt(hybrid.percentileMs(99) / bm25.percentileMs(99), 1),
                fmt(hybrid.percentileMs(100) / bm25.percentileMs(100), 1), fmt(hybrid.meanMs() / bm25.meanMs(), 1));
        line("hybrid    = Retrieval.forQuestion as the chat calls it: the question made to stand alone, BM25 and");
        line("            HNSW (query embedding included) for %d candidates each, fused by RRF, top %d", candidates,
                settings.k());
        line("bm25      = plain BM25 alone: PassageIndex.keywordSearch of the same standalone query, top %d",
                settings.k());
        line("the parts of hybrid, each timed alone: embedding = Embedder.embedQuery; bm25@%d = the BM25 leg;",
                candidates);
        line("            hnsw@%d = the HNSW leg (PassageIndex.vectorSearch), the vector computed beforehand",
                candidates);
        line("");
    }

    private void targets(List<Ingested> ingested, long loadNanos, double heapMb, Latencies hybrid) {
        double seconds = ingested.stream().mapToLong(Ingested::nanos).sum() / 1e9;
        double rate = ingested.stream().mapToInt(Ingested::passages).sum() / seconds;
        double wholeIngest = seconds + loadNanos / 1e9;
        line("Targets");
        target("hybrid p99 <= " + fmt(TARGET_P99_MS, 0) + " ms", fmt(hybrid.percentileMs(99), 2) + " ms",
                hybrid.percentileMs(99) <= TARGET_P99_MS);
        target("ingestion >= " + fmt(TARGET_PASSAGES_PER_SECOND, 0) + " passages/s", fmt(rate, 0) + " passages/s",
                rate >= TARGET_PASSAGES_PER_SECOND);
        target("whole ingest (model load included) < " + fmt(TARGET_INGEST_SECONDS, 0) + " s",
                fmt(wholeIngest, 1) + " s", wholeIngest < TARGET_INGEST_SECONDS);
        target("heap after ingest < " + fmt(TARGET_HEAP_MB, 0) + " MB", fmt(heapMb, 0) + " MB",
                heapMb < TARGET_HEAP_MB);
    }

    private void target(String what, String figure, boolean met) {
        line("%-44s %18s  %s", what, figure, met ? "PASS" : "MISS");
        misses += met ? 0 : 1;
    }

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args).stripTrailing()).append('\n');
    }

    private static String fmt(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static long time(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return System.nanoTime() - started;
    }

    /**
     * What stays reachable: the heap after a full collection (ParallelGC collects it all
     * on System.gc()).
     */
    private static double heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MB;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    }

    private static String garbageCollectors() {
        return String.join("/",
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(gc -> gc.getName()).toList());
    }

    private static String residentSetSize() {
        try (Stream<String> status = Files.lines(Path.of("/proc/self/status"))) {
            return status.filter(line -> line.startsWith("VmRSS:"))
                .findFirst()
                .map(line -> String.format(Locale.ROOT, "%.0f MB", Long.parseLong(line.replaceAll("\\D", "")) / 1024.0))
                .orElse("unknown");
        }
        catch (IOException | UncheckedIOException e) {
            return "unknown";
        }
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
        }
        catch (IOException e) {
            return "unknown";
        }
    }

    private static long directorySize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    /**
     * Notes when an ingest has stored its pages and tells the replica, which then indexes
     * them.
     */
    private static final class IngestEvents implements ApplicationListener<ApplicationEvent>, Ordered {

        private volatile long lastPublished;

        @Override
        public void onApplicationEvent(ApplicationEvent event) {
            if (event instanceof PayloadApplicationEvent<?> payload
                    && payload.getPayload() instanceof DocumentIngested) {
                lastPublished = System.nanoTime();
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        long lastPublished() {
            return lastPublished;
        }

    }

}
