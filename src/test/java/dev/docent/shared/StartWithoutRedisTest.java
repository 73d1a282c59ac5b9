package dev.docent.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.Instances;
import dev.docent.support.TestServices;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Redis is an accelerator: an instance starting while it is down starts, and serves from
 * the database.
 */
class StartWithoutRedisTest {

    @Test
    void anInstanceStartsAndServesWhileRedisIsDown() {
        ConfigurableApplicationContext instance = Instances
            .start(Map.of("docent.db.url", TestServices.freshDatabaseUrl(), "docent.db.user", "postgres",
                    "docent.redis.url", "redis://127.0.0.1:" + TestServices.freePort(), "docent.jwt.secret",
                    "no-redis-here-secret-0123456789-0123456789", "docent.knowledge.sample-docs", false,
                    "docent.admin.username", "no-redis-operator", "docent.admin.password", "watch-the-cache-42"));
        try {
            Api api = new Api(Instances.port(instance)).newUser();
            String chat = api.newChat("Is anybody there?");

            assertThat(api.get("/api/v1/chats/" + chat).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/documents").status()).isEqualTo(200);
            Api operator = new Api(Instances.port(instance)).login("no-redis-operator", "watch-the-cache-42");
            Api.Response health = operator.get("/actuator/health");
            assertThat(health.json().get("components").get("cache").get("status").asString()).isEqualTo("DEGRADED");
            assertThat(health.status()).isEqualTo(200);
        }
        finally {
            instance.close();
        }
    }

}
