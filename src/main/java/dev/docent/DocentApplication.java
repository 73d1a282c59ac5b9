package dev.docent;

import dev.docent.shared.CommandArguments;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
public class DocentApplication {

    /**
     * One-off commands: {@code java -jar docent.jar ingest|reindex|eval …} runs one and
     * exits.
     */
    static final List<String> COMMANDS = List.of("ingest", "reindex", "eval");

    public static void main(String[] args) {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            System.exit(runCommand(args));
        }
        SpringApplication.run(DocentApplication.class, args);
    }

    /**
     * Runs the command in an application without a web server; returns the process exit
     * code.
     */
    static int runCommand(String[] args) {
        SpringApplication application = new SpringApplication(DocentApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        application.setDefaultProperties(Map.of("docent.command", args[0], "docent.knowledge.sample-docs", "false"));
        // A command's output is its progress and its summary; the server's INFO lines
        // would bury them.
        System.setProperty("logging.level.root", System.getProperty("logging.level.root", "WARN"));
        application.addInitializers(context -> {
            context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("docent-command", commandProperties(args[0], context)));
            context.getBeanFactory()
                .registerSingleton("commandArguments",
                        new CommandArguments(args[0], Arrays.asList(args).subList(1, args.length)));
        });
        ConfigurableApplicationContext context = application.run();
        return SpringApplication.exit(context);
    }

    private static Map<String, Object> commandProperties(String command, ConfigurableApplicationContext context) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("docent.command", command);
        if (command.equals("eval")) {
            // The eval ingests two whole corpora: into a database and index of its own,
            // never the real ones.
            String dataDir = context.getEnvironment().getProperty("docent.data-dir", "./data");
            Path evalDir = Path.of(dataDir, "eval").toAbsolutePath().normalize();
            properties.put("docent.db.url", "jdbc:h2:file:" + evalDir.resolve("db/docent")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            properties.put("docent.db.user", "sa");
            properties.put("docent.db.password", "");
            properties.put("docent.knowledge.index-dir", evalDir.resolve("index").toString());
            properties.put("docent.redis.url", "");
            properties.put("docent.redis.cluster-nodes", "");
        }
        return properties;
    }

}
