package dev.docent.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.DocentTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@DocentTest
@TestPropertySource(properties = { "docent.admin.username=keymaster", "docent.admin.password=open-sesame-1234",
        "docent.api-keys.usage-flush-interval=1h" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys keys;

    @Autowired
    JdbcClient jdbc;

    Api admin;

    String tea;

    @BeforeAll
    void signIn() {
        admin = new Api(port).login("keymaster", "open-sesame-1234");
        tea = admin.ingest("keys-tea", "Tea guide", Map.of("tea.md", "# Tea\n\nGreen tea wants 80 degrees."));
    }

    @Test
    void aKeyIsShownOnceStoredHashedListedWithoutItAndRevokedAtOnce() {
        Api.Response created = admin.post("/api/v1/keys",
                "{\"name\":\"CI agent\",\"kind\":\"secret\",\"documentIds\":[\"" + tea + "\"],\"readOnly\":true}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = created.json().get("key").asString();
        String id = created.json().get("id").asString();
        assertThat(key).startsWith("dk_sec_").hasSize(50);
        assertThat(created.json().get("readOnly").asBoolean()).isTrue();
        assertThat(created.json().get("documentIds").get(0).asString()).isEqualTo(tea);
        String stored = jdbc.sql("select key_hash from api_keys where id = ?::uuid")
            .param(id)
            .query(String.class)
            .single();
        assertThat(stored).isEqualTo(Secrets.hash(key)).doesNotContain(key.substring(7));

        Api.Response listed = admin.get("/api/v1/keys");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains(id).contains(key.substring(0, 11)).doesNotContain(key);
        assertThat(keys.find(key)).map(ApiKey::name).hasValue("CI agent");

        assertThat(admin.delete("/api/v1/keys/" + id).status()).isEqualTo(204);
        assertThat(keys.find(key)).isEmpty();
        assertThat(admin.get("/api/v1/keys").body()).doesNotContain(id);
        assertThat(admin.delete("/api/v1/keys/" + id).status()).isEqualTo(404);
    }

    @Test
    void usageIsCountedInMemoryAndWrittenInOneUpdate() {
        Api.Response created = admin.post("/api/v1/keys", "{\"name\":\"counted\",\"kind\":\"secret\"}");
        String key = created.json().get("key").asString();
        ApiKey apiKey = keys.find(key).orElseThrow();
        for (int i = 0; i < 3; i++) {
            keys.admit(apiKey);
        }
        assertThat(jdbc.sql("select request_count from api_keys where id = ?")
            .param(apiKey.id().value())
            .query(Long.class)
            .single()).isZero();

        JsonNode listed = listedKey(created.json().get("id").asString());
        assertThat(listed.get("requestCount").asLong()).isEqualTo(3);
        assertThat(listed.get("lastUsedAt")).isNotNull();
    }

    @Test
    void aKeyOverItsLimitIsRefusedWithRetryAfter() {
        Api.Response created = admin.post("/api/v1/keys",
                "{\"name\":\"tight\",\"kind\":\"secret\",\"requestsPerMinute\":2}");
        ApiKey apiKey = keys.find(created.json().get("key").asString()).orElseThrow();
        keys.admit(apiKey);
        keys.admit(apiKey);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> keys.admit(apiKey))
            .isInstanceOfSatisfying(dev.docent.shared.Problem.class,
                    problem -> assertThat(problem.getMessage()).contains("2 requests a minute"));
    }

    @Test
    void badRequestsNameTheFieldThatIsWrong() {
        assertField(admin.post("/api/v1/keys", "{\"kind\":\"secret\"}"), "name");
        assertField(admin.post("/api/v1/keys", "{\"name\":\"\\u200b\",\"kind\":\"secret\"}"), "name");
        assertField(admin.post("/api/v1/keys", "{\"name\":\"x\",\"kind\":\"private\"}"), "kind");
        assertField(admin.post("/api/v1/keys", "{\"name\":\"x\",\"kind\":\"public\"}"), "allowedOrigins");
        assertField(
                admin.post("/api/v1/keys",
                        "{\"name\":\"x\",\"kind\":\"public\",\"allowedOrigins\":[\"https://docs.example.com/path\"]}"),
                "allowedOrigins");
        assertField(
                admin.post("/api/v1/keys",
                        "{\"name\":\"x\",\"kind\":\"secret\",\"allowedOrigins\":[\"https://docs.example.com\"]}"),
                "allowedOrigins");
        assertField(admin.post("/api/v1/keys",
                "{\"name\":\"x\",\"kind\":\"secret\",\"documentIds\":[\"0190c2a4-0000-7000-8000-000000000000\"]}"),
                "documentIds");
        assertField(admin.post("/api/v1/keys",
                "{\"name\":\"x\",\"kind\":\"public\",\"allowedOrigins\":[\"https://a.example\"],\"readOnly\":true}"),
                "readOnly");
        assertField(admin.post("/api/v1/keys", "{\"name\":\"x\",\"kind\":\"secret\",\"requestsPerMinute\":0}"),
                "requestsPerMinute");
        assertField(admin.post("/api/v1/keys", "{\"name\":\"x\",\"kind\":\"secret\",\"requestsPerMinute\":1e12}"),
                "requestsPerMinute");
        Api.Response notJson = admin.send("POST", "/api/v1/keys", "application/json", "{\"name\":");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(admin.delete("/api/v1/keys/not-a-uuid").status()).isEqualTo(400);
    }

    @Test
    void onlyAdminsManageKeys() {
        Api user = new Api(port).newUser();
        assertThat(user.get("/api/v1/keys").status()).isEqualTo(403);
        assertThat(user.post("/api/v1/keys", "{\"name\":\"x\",\"kind\":\"secret\"}").status()).isEqualTo(403);
        assertThat(new Api(port).get("/api/v1/keys").status()).isEqualTo(401);
    }

    @Test
    void aPublicKeyKeepsItsOriginsCanonical() {
        Api.Response created = admin.post("/api/v1/keys",
                "{\"name\":\"docs site\",\"kind\":\"public\",\"allowedOrigins\":[\"HTTPS://Docs.Example.com/\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("key").asString()).startsWith("dk_pub_");
        assertThat(created.json().get("allowedOrigins").get(0).asString()).isEqualTo("https://docs.example.com");
        ApiKey key = keys.find(created.json().get("key").asString()).orElseThrow();
        assertThat(key.allowsOrigin("https://docs.example.com")).isTrue();
        assertThat(key.allowsOrigin("https://other.example.com")).isFalse();
    }

    private JsonNode listedKey(String id) {
        for (JsonNode key : admin.get("/api/v1/keys").json()) {
            if (key.get("id").asString().equals(id)) {
                return key;
            }
        }
        throw new AssertionError("key " + id + " not listed");
    }

    private static void assertField(Api.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

}
