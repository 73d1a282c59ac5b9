package dev.docent.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.Eventually;
import dev.docent.support.Instances;
import dev.docent.support.TestServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * What DOCENT_ADMIN_USERNAME does to the accounts of a database other instances are
 * already serving.
 */
class AdminTakeoverTest {

    private static final String PASSWORD = "correct horse battery";

    private static final String OPERATOR_PASSWORD = "the operator's own password";

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    private Map<String, Object> shared;

    @BeforeEach
    void database() {
        shared = Map.of("docent.db.url", TestServices.freshDatabaseUrl(), "docent.db.user", "postgres",
                "docent.redis.url", TestServices.redisUrl(), "docent.knowledge.sample-docs", false, "docent.jwt.secret",
                "instances-share-this-secret-0123456789");
    }

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void someoneWhoSignedUpWithTheAdminsNameKeepsNoAccessOnceTheOperatorNamesIt() {
        Api running = start(Map.of());
        String name = name();
        running.post("/api/v1/auth/signup", credentials(name, PASSWORD));
        JsonNode squatter = running.post("/api/v1/auth/login", credentials(name, PASSWORD)).json();

        Api withAdmin = start(Map.of("docent.admin.username", name, "docent.admin.password", OPERATOR_PASSWORD));

        assertThat(withAdmin.as(squatter.get("accessToken").asString()).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(withAdmin.post("/api/v1/auth/refresh", refresh(squatter)).status()).isEqualTo(401);
        assertThat(withAdmin.post("/api/v1/auth/login", credentials(name, PASSWORD)).status()).isEqualTo(401);
        assertThat(Eventually.await(Duration.ofSeconds(10),
                () -> running.as(squatter.get("accessToken").asString()).get("/api/v1/me").status(), s -> s == 401))
            .as("the instance already running refuses the squatter's token too")
            .isEqualTo(401);
        assertThat(withAdmin.login(name, OPERATOR_PASSWORD).get("/api/v1/me").json().get("role").asString())
            .isEqualTo("ADMIN");
    }

    @Test
    void namingAnotherAdminDemotesThePreviousOneAndEndsItsSessions() {
        String boss = name();
        Api first = start(Map.of("docent.admin.username", boss, "docent.admin.password", OPERATOR_PASSWORD));
        JsonNode bossSession = first.post("/api/v1/auth/login", credentials(boss, OPERATOR_PASSWORD)).json();
        String chief = name();

        Api second = start(Map.of("docent.admin.username", chief, "docent.admin.password", OPERATOR_PASSWORD));

        assertThat(second.as(bossSession.get("accessToken").asString()).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(second.post("/api/v1/auth/refresh", refresh(bossSession)).status()).isEqualTo(401);
        assertThat(second.login(boss, OPERATOR_PASSWORD).get("/api/v1/me").json().get("role").asString())
            .isEqualTo("USER");
        assertThat(second.login(chief, OPERATOR_PASSWORD).get("/api/v1/me").json().get("role").asString())
            .isEqualTo("ADMIN");
    }

    private Api start(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(shared);
        all.putAll(properties);
        ConfigurableApplicationContext instance = Instances.start(all);
        instances.add(instance);
        return new Api(Instances.port(instance));
    }

    private static String credentials(String username, String password) {
        return Api.JSON.writeValueAsString(Map.of("username", username, "password", password));
    }

    private static String refresh(JsonNode pair) {
        return Api.JSON.writeValueAsString(Map.of("refreshToken", pair.get("refreshToken").asString()));
    }

    private static String name() {
        return "boss" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

}
