package dev.docent;

import dev.docent.support.Api;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Run by {@link PinnedCarrierTest} in a JVM whose virtual threads have one carrier: pins
 * that carrier the way a virtual thread waiting for the packaged jar's lock during class
 * loading does, then starts Docent on a fresh data dir and signs up. Prints
 * {@value #CHECKED} when the requests were answered, then waits for SIGTERM (the test
 * waits for the first-start ingest of the user guide in the log).
 */
final class PinnedCarrierStart {

    static final String CHECKED = "started and answered with the carrier pinned";

    private static final CountDownLatch PINNED = new CountDownLatch(1);

    private static final CountDownLatch NEVER = new CountDownLatch(1);

    /**
     * Its initializer blocks: a virtual thread in it cannot unmount, so its carrier is
     * taken until the end.
     */
    private static final class HoldsTheCarrier {

        static {
            PINNED.countDown();
            try {
                NEVER.await();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static void touch() {
        }

    }

    public static void main(String[] args) throws Exception {
        Thread.ofVirtual().name("pins-the-carrier").start(HoldsTheCarrier::touch);
        PINNED.await();
        ConfigurableApplicationContext app = SpringApplication.run(DocentApplication.class, "--server.port=0",
                "--docent.data-dir=" + args[0]);
        int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
        int documents = new Api(port).newUser().get("/api/v1/documents").status();
        System.out.println(documents == 200 ? CHECKED : "GET /api/v1/documents answered " + documents);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

}
