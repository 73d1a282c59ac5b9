package dev.docent.support;

import dev.docent.DocentApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whole application instances started side by side, as several servers behind a load
 * balancer.
 */
public final class Instances {

    private Instances() {
    }

    /**
     * Starts one on a random port with its own data dir. The properties are passed as
     * command-line arguments, so they take precedence over application.yml as they would
     * in production.
     */
    public static ConfigurableApplicationContext start(Map<String, Object> properties) {
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        try {
            args.add("--docent.data-dir=" + Files.createTempDirectory("docent-instance"));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        args.add("--server.port=0");
        return new SpringApplicationBuilder(DocentApplication.class).run(args.toArray(String[]::new));
    }

    /**
     * Starts two that share a fresh PostgreSQL database, the test Redis and the token
     * secret, with no sample guide; {@code properties} add to or override that.
     */
    public static Two startTwo(Map<String, Object> properties) {
        Map<String, Object> shared = new HashMap<>(Map.of("docent.db.url", TestServices.freshDatabaseUrl(),
                "docent.db.user", "postgres", "docent.redis.url", TestServices.redisUrl(), "docent.jwt.secret",
                "two-instances-share-this-secret-0123456789", "docent.knowledge.sample-docs", false));
        shared.putAll(properties);
        ConfigurableApplicationContext first = start(shared);
        try {
            return new Two(first, start(shared));
        }
        catch (RuntimeException e) {
            first.close();
            throw e;
        }
    }

    public static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Two running instances, closed together. */
    public record Two(ConfigurableApplicationContext first,
            ConfigurableApplicationContext second) implements AutoCloseable {

        public int firstPort() {
            return port(first);
        }

        public int secondPort() {
            return port(second);
        }

        @Override
        public void close() {
            try {
                first.close();
            }
            finally {
                second.close();
            }
        }
    }

}
