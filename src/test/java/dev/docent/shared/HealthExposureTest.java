package dev.docent.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.DocentTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What the health endpoint tells whom: the status to anyone (a load balancer), the
 * components to an ADMIN, and the credentials in a configured URL to no one, in no answer
 * and no log line.
 */
@DocentTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "docent.admin.username=" + HealthExposureTest.ADMIN,
        "docent.admin.password=" + HealthExposureTest.PASSWORD, "docent.llm.provider=openai",
        "docent.llm.model=some-model", "docent.llm.base-url=" + HealthExposureTest.MODEL_URL })
class HealthExposureTest {

    static final String ADMIN = "health-admin";
    static final String PASSWORD = "see-the-details-42";

    /**
     * Nothing listens there: the model fails, and its failure is reported with the URL in
     * it.
     */
    static final String MODEL_URL = "http://modeluser:model-secret-pw@127.0.0.1:9/v1?api_key=query-secret";

    @LocalServerPort
    int port;

    @Test
    void anonymousCallersSeeTheStatusOnly() {
        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/db")) {
            Api.Response health = new Api(port).get(path);

            assertThat(health.body()).as(path).doesNotContain("components", "details", "H2", "PostgreSQL", "127.0.0.1");
            if (health.status() == 200) {
                assertThat(health.json().propertyNames()).as(path).isSubsetOf("status", "groups");
            }
        }
        assertThat(new Api(port).newUser().get("/actuator/health").json().has("components")).isFalse();
    }

    @Test
    void anAdminSeesTheComponentsWithTheModelUrlRedacted() {
        JsonNode components = new Api(port).login(ADMIN, PASSWORD).get("/actuator/health").json().get("components");

        assertThat(components.get("db").get("details").get("database").asString()).isEqualTo("PostgreSQL");
        assertThat(components.get("answerer").get("details").get("model").asString())
            .isEqualTo("openai:some-model @ http://***@127.0.0.1:9/v1?api_key=***");
    }

    /**
     * An instance whose search index is still catching up with the database would answer
     * "the documentation does not seem to cover this" to every question: load balancers
     * must not send it readers until the index is there.
     */
    @Test
    void readinessWaitsForTheSearchIndex() {
        JsonNode readiness = new Api(port).login(ADMIN, PASSWORD).get("/actuator/health/readiness").json();

        assertThat(readiness.get("components").has("index")).as(readiness.toString()).isTrue();
        assertThat(readiness.get("components").get("index").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void theModelUrlsCredentialsAppearInNoAnswerAndNoLogLine(CapturedOutput output) {
        Api admin = new Api(port).login(ADMIN, PASSWORD);
        Api.Response failed = new Api(port).newUser()
            .post("/api/v1/chats", "{\"message\":\"Is the model there?\",\"category\":\"GENERAL\"}");
        Api.Response health = admin.get("/actuator/health");

        assertThat(failed.status()).as(failed.body()).isEqualTo(502);
        for (String shown : List.of(failed.body(), health.body(), output.getAll())) {
            assertThat(shown).doesNotContain("model-secret-pw", "modeluser", "query-secret");
        }
        assertThat(failed.body()).contains("http://***@127.0.0.1:9/v1");
    }

}
