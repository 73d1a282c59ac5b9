package dev.docent.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.Eventually;
import dev.docent.support.Instances;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A key revoked on one instance stops working on the other within the sync interval, with
 * no request reading the database.
 */
class KeyRevocationTest {

    @Test
    void aKeyRevokedOnOneInstanceIsRefusedByTheOtherWithinASecond() {
        try (Instances.Two two = Instances
            .startTwo(Map.of("docent.admin.username", "revoker", "docent.admin.password", "revoke-it-now-123"))) {
            Api admin = new Api(two.firstPort()).login("revoker", "revoke-it-now-123");
            Api.Response created = admin.post("/api/v1/keys", "{\"name\":\"agent\",\"kind\":\"secret\"}");
            String key = created.json().get("key").asString();
            ApiKeys second = two.second().getBean(ApiKeys.class);
            Eventually.await(Duration.ofSeconds(3), () -> second.find(key).isPresent(), found -> found);
            assertThat(mcpStatus(two.secondPort(), key)).isEqualTo(200);

            assertThat(admin.delete("/api/v1/keys/" + created.json().get("id").asString()).status()).isEqualTo(204);

            long revoked = System.nanoTime();
            Eventually.await(Duration.ofSeconds(3), () -> mcpStatus(two.secondPort(), key), status -> status == 401);
            assertThat(Duration.ofNanos(System.nanoTime() - revoked)).isLessThan(Duration.ofSeconds(3));
        }
    }

    private static int mcpStatus(int port, String key) {
        return new Api(port)
            .send("POST", "/mcp", "application/json", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}",
                    "Authorization", "Bearer " + key, "Accept", "application/json, text/event-stream")
            .status();
    }

}
