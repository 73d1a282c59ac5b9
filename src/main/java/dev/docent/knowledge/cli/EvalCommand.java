package dev.docent.knowledge.cli;

import dev.docent.knowledge.Retrieval;
import dev.docent.knowledge.ingest.IngestReport;
import dev.docent.knowledge.ingest.IngestRequest;
import dev.docent.knowledge.ingest.Ingestion;
import dev.docent.knowledge.ingest.SourceFile;
import dev.docent.knowledge.ingest.SourceFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = { "Retrieval evaluation: ingests the corpora named by corpus.sh (one document set each) into",
                "a database and index of its own under DATA_DIR/eval, runs every question of the dev set through",
                "the chat's retrieval (follow-ups with their history) and prints recall@5 and MRR@10 at page level." })
class EvalCommand implements Callable<Integer> {

    @Option(names = "--devset", required = true, description = "The questions, one JSON object a line")
    Path devset;

    @Option(names = "--corpus-script", description = "Prints the corpora (default: corpus.sh beside the dev set)")
    Path corpusScript;

    @Option(names = "--verbose", description = "Print each question's rank")
    boolean verbose;

    private final Ingestion ingestion;

    private final Retrieval retrieval;

    private final JsonMapper json;

    EvalCommand(Ingestion ingestion, Retrieval retrieval, JsonMapper json) {
        this.ingestion = ingestion;
        this.retrieval = retrieval;
        this.json = json;
    }

    /** One document set to ingest: {@code name<TAB>root<TAB>sub-directories}. */
    record Corpus(String name, Path root, List<String> directories) {
    }

    @Override
    public Integer call() throws Exception {
        Path script = corpusScript != null ? corpusScript : devset.toAbsolutePath().getParent().resolve("corpus.sh");
        Map<String, UUID> documents = new HashMap<>();
        for (Corpus corpus : corpora(script)) {
            documents.put(corpus.name(), ingest(corpus));
        }
        RetrievalEval.Scores scores = new RetrievalEval(retrieval, documents).run(questions(),
                verbose ? System.out : null);
        System.out.println(scores.table());
        return 0;
    }

    private UUID ingest(Corpus corpus) {
        List<SourceFile> files = SourceFiles.collect(corpus.root(),
                corpus.directories().stream().map(corpus.root()::resolve).toList());
        IngestReport report;
        try (ProgressBar bar = IngestCommand.progressBar("Ingesting " + corpus.name(), files.size(), " pages")) {
            report = ingestion.ingest(new IngestRequest(corpus.name(), corpus.name(), null, files),
                    new IngestCommand.BarProgress(bar));
        }
        System.out.println(IngestCommand.summary(corpus.name(), corpus.name(), report));
        return report.documentId();
    }

    private List<Corpus> corpora(Path script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(script + " failed with exit code " + process.exitValue());
        }
        List<Corpus> corpora = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] fields = line.split("\t");
            if (line.isBlank() || line.startsWith("#") || fields.length < 3) {
                continue;
            }
            corpora.add(new Corpus(fields[0].strip(), Path.of(fields[1].strip()),
                    Arrays.asList(fields[2].strip().split("\\s+"))));
        }
        return corpora;
    }

    private List<RetrievalEval.Question> questions() {
        try {
            List<RetrievalEval.Question> questions = new ArrayList<>();
            for (String line : Files.readAllLines(devset, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode item = json.readTree(line);
                questions.add(new RetrievalEval.Question(item.get("id").asString(), item.get("question").asString(),
                        item.get("lang").asString().toLowerCase(Locale.ROOT), item.get("corpus").asString(),
                        strings(item.get("gold")), strings(item.get("history"))));
            }
            return questions;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> values.add(value.asString()));
        }
        return values;
    }

}
