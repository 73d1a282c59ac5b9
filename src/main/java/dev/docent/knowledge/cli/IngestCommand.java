package dev.docent.knowledge.cli;

import dev.docent.knowledge.ingest.IngestProgress;
import dev.docent.knowledge.ingest.IngestReport;
import dev.docent.knowledge.ingest.IngestRequest;
import dev.docent.knowledge.ingest.Ingestion;
import dev.docent.knowledge.ingest.SourceFile;
import dev.docent.knowledge.ingest.SourceFiles;
import dev.docent.shared.Problem;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = { "Ingests a documentation set (HTML, Markdown, text, PDF) into the knowledge base.",
                "Running it again updates only the pages that changed and removes pages no longer there.",
                "With one DIR, page paths are relative to it; with several, each starts with its DIR's name." })
class IngestCommand implements Callable<Integer> {

    @Option(names = "--slug", required = true, description = "The set's short name, e.g. python-3.11")
    String slug;

    @Option(names = "--title", required = true, description = "Its title, e.g. \"Python 3.11\"")
    String title;

    @Option(names = "--base-url", description = "Where the pages are published, to link citations to, "
            + "e.g. https://docs.python.org/3.11/")
    String baseUrl;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Directories (or files) of the set")
    List<Path> sources;

    private final Ingestion ingestion;

    IngestCommand(Ingestion ingestion) {
        this.ingestion = ingestion;
    }

    @Override
    public Integer call() {
        PrintStream out = System.out;
        List<SourceFile> files;
        try {
            files = SourceFiles.collect(sources);
        }
        catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        IngestReport report;
        try (ProgressBar bar = progressBar("Ingesting " + slug, files.size(), " pages")) {
            report = ingestion.ingest(new IngestRequest(slug, title, baseUrl, files), new BarProgress(bar));
        }
        catch (Problem problem) {
            System.err.println(problem.getMessage());
            return 2;
        }
        out.println(summary(title, slug, report));
        if (!report.skipped().isEmpty()) {
            out.printf("Skipped %d file(s):%n", report.skipped().size());
            report.skipped().stream().limit(50).forEach(line -> out.println("  " + line));
            if (report.skipped().size() > 50) {
                out.printf("  … and %d more%n", report.skipped().size() - 50);
            }
        }
        return report.pages() == 0 ? 1 : 0;
    }

    static ProgressBar progressBar(String task, long total, String unit) {
        return new ProgressBarBuilder().setTaskName(task)
            .setInitialMax(total)
            .setUnit(unit, 1)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(250)
            .continuousUpdate()
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .build();
    }

    static String summary(String title, String slug, IngestReport report) {
        return String.format(Locale.ROOT,
                "Ingested \"%s\" (%s) in %.1f s: %d pages (%d new or changed, %d unchanged, "
                        + "%d removed), %d passages embedded, %.0f passages/s.",
                title, slug, report.took().toMillis() / 1000.0, report.pages(), report.changed(), report.unchanged(),
                report.removed(), report.passages(), report.passagesPerSecond());
    }

    /** Moves the bar page by page, with the passage rate beside it. */
    static final class BarProgress implements IngestProgress {

        private final ProgressBar bar;

        private final long started = System.nanoTime();

        BarProgress(ProgressBar bar) {
            this.bar = bar;
        }

        @Override
        public void advanced(int pagesDone, int pagesTotal, int passages) {
            double seconds = (System.nanoTime() - started) / 1e9;
            bar.maxHint(pagesTotal);
            bar.stepTo(pagesDone);
            bar.setExtraMessage(
                    String.format(Locale.ROOT, "%d passages, %.0f/s", passages, seconds > 0 ? passages / seconds : 0));
        }

    }

}
