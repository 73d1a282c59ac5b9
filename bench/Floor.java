import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The floor for bench/history.sh: the cheapest server this JDK can be, answering every request
 * with the same bytes. Run in source-file mode, no build:
 *
 * <pre>java -Dsun.net.httpserver.nodelay=true bench/Floor.java PORT FILE</pre>
 *
 * -Dfloor.executor=virtual|fixed picks the executor: a virtual thread per exchange (the default)
 * or a fixed pool of 32 platform threads, one per wrk connection (-Dfloor.threads=N resizes it).
 * Measured with a 9 KB body and wrk -t2 -c32 on 2 cores, the two were within noise on a quiet
 * machine (50-56k req/s) and virtual threads kept the better throughput and p99 on a busy one.
 * Prints "floor listening on PORT ..." once it accepts.
 */
public final class Floor {

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java bench/Floor.java PORT FILE");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        byte[] body = Files.readAllBytes(Path.of(args[1]));
        String kind = System.getProperty("floor.executor", "virtual");
        int threads = Integer.getInteger("floor.threads", 32);
        ExecutorService executor = switch (kind) {
            case "virtual" -> Executors.newVirtualThreadPerTaskExecutor();
            case "fixed" -> Executors.newFixedThreadPool(threads);
            default -> throw new IllegalArgumentException("floor.executor must be virtual or fixed: " + kind);
        };

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.setExecutor(executor);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
        System.out.println("floor listening on " + port + " (" + body.length + " bytes, executor " + kind + ")");
    }
}
