package dev.docent.support;

import dev.docent.DocentApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Whole application instances started side by side, as several servers behind a load balancer. */
public final class Instances {

    private Instances() {
    }

    /**
     * Starts one on a random port with its own data dir. The properties are passed as command-line arguments, so
     * they take precedence over application.yml as they would in production.
     */
    public static ConfigurableApplicationContext start(Map<String, Object> properties) {
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        try {
            args.add("--docent.data-dir=" + Files.createTempDirectory("docent-instance"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        args.add("--server.port=0");
        return new SpringApplicationBuilder(DocentApplication.class).run(args.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
