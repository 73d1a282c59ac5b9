package dev.docent.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import redis.embedded.RedisServer;

/**
 * The real PostgreSQL and Redis the tests talk to: the servers named by
 * {@code DOCENT_TEST_DB_URL} / {@code DOCENT_TEST_REDIS_URL} when set (CI), otherwise
 * ones started once per JVM from binaries shipped in Maven artifacts. Each Spring context
 * gets a database of its own.
 */
public final class TestServices {

    private static String adminJdbcUrl;

    private static String redisUrl;

    private static RedisServer embeddedRedis;

    private static final List<String> createdDatabases = new CopyOnWriteArrayList<>();

    private TestServices() {
    }

    public static synchronized String redisUrl() {
        if (redisUrl == null) {
            String fromEnv = System.getenv("DOCENT_TEST_REDIS_URL");
            redisUrl = fromEnv != null && !fromEnv.isBlank() ? fromEnv : startEmbeddedRedis();
        }
        return redisUrl;
    }

    /**
     * An embedded Redis the test owns (to stop and restart it), whatever the environment
     * says.
     */
    public static RedisServer ownRedis(int port) {
        return RedisServer.builder().port(port).bind("127.0.0.1").setting("save \"\"").setting("appendonly no").build();
    }

    /** A new, empty database on the test PostgreSQL server. */
    public static synchronized String freshDatabaseUrl() {
        String admin = adminJdbcUrl();
        String name = "docent_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database on " + admin, e);
        }
        createdDatabases.add(name);
        return withDatabase(admin, name);
    }

    static String withDatabase(String jdbcUrl, String database) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return "jdbc:" + uri.getScheme() + "://" + uri.getRawAuthority() + "/" + database + query;
    }

    private static String adminJdbcUrl() {
        if (adminJdbcUrl == null) {
            String fromEnv = System.getenv("DOCENT_TEST_DB_URL");
            adminJdbcUrl = fromEnv != null && !fromEnv.isBlank() ? fromEnv : startEmbeddedPostgres();
            Runtime.getRuntime().addShutdownHook(new Thread(TestServices::dropCreatedDatabases));
        }
        return adminJdbcUrl;
    }

    private static void dropCreatedDatabases() {
        try (Connection c = DriverManager.getConnection(adminJdbcUrl); Statement s = c.createStatement()) {
            for (String name : createdDatabases) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
        catch (SQLException ignored) {
            // the server may already be gone (embedded one stopping at exit)
        }
    }

    private static String startEmbeddedPostgres() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                }
                catch (IOException ignored) {
                    // exiting anyway
                }
            }));
            return pg.getJdbcUrl("postgres", "postgres");
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL; set DOCENT_TEST_DB_URL", e);
        }
    }

    private static String startEmbeddedRedis() {
        int port = freePort();
        embeddedRedis = ownRedis(port);
        embeddedRedis.start();
        Runtime.getRuntime().addShutdownHook(new Thread(embeddedRedis::stop));
        return "redis://127.0.0.1:" + port;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
