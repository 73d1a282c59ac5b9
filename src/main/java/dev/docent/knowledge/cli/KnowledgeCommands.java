package dev.docent.knowledge.cli;

import dev.docent.shared.CommandArguments;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Runs a one-off command ({@code java -jar docent.jar ingest|reindex|eval …}) and keeps
 * its exit code.
 */
@Component
@ConditionalOnProperty("docent.command")
class KnowledgeCommands implements ApplicationRunner, ExitCodeGenerator {

    @Command(name = "java -jar docent.jar", mixinStandardHelpOptions = true,
            subcommands = { IngestCommand.class, ReindexCommand.class, EvalCommand.class },
            description = "Docent's one-off commands; without one, the jar starts the server.")
    static final class Root {

    }

    private final CommandArguments arguments;

    private final AutowireCapableBeanFactory beans;

    private int exitCode;

    KnowledgeCommands(CommandArguments arguments, AutowireCapableBeanFactory beans) {
        this.arguments = arguments;
        this.beans = beans;
    }

    @Override
    public void run(ApplicationArguments ignored) {
        String[] args = new String[arguments.arguments().size() + 1];
        args[0] = arguments.command();
        for (int i = 0; i < arguments.arguments().size(); i++) {
            args[i + 1] = arguments.arguments().get(i);
        }
        exitCode = new CommandLine(new Root(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type.getEnclosingClass() == null && type.getPackageName().equals(Root.class.getPackageName())
                        ? beans.createBean(type) : CommandLine.defaultFactory().create(type);
            }
        }).execute(args);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

}
