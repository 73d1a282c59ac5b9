package dev.docent.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.ModuleTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@ModuleTest
class AdminAccountTest {

    /**
     * Random, so that login buckets left in the shared Redis by earlier runs never get in
     * the way.
     */
    private static final String ADMIN = "Admin" + UUID.randomUUID().toString().substring(0, 8);

    private static final String ADMIN_PASSWORD = "admin password at start";

    @DynamicPropertySource
    static void admin(DynamicPropertyRegistry registry) {
        registry.add("docent.admin.username", () -> ADMIN);
        registry.add("docent.admin.password", () -> ADMIN_PASSWORD);
    }

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Test
    void theConfiguredAdminExistsFromTheStart() {
        JsonNode me = me(ADMIN, ADMIN_PASSWORD);

        assertThat(me.get("username").asString()).isEqualTo(ADMIN.toLowerCase());
        assertThat(me.get("role").asString()).isEqualTo("ADMIN");
    }

    @Test
    void aNewAdminPasswordEndsEverySessionOfTheAdmin() {
        JsonNode session = login(ADMIN, ADMIN_PASSWORD).json();
        try {
            // what the start-up does when DOCENT_ADMIN_PASSWORD changed
            accounts.ensureAdmin(ADMIN, "the new admin password");

            assertThat(new Api(port).as(session.get("accessToken").asString()).get("/api/v1/me").status())
                .isEqualTo(401);
            assertThat(refresh(session).status()).isEqualTo(401);
            assertThat(login(ADMIN, ADMIN_PASSWORD).status()).isEqualTo(401);
            assertThat(me(ADMIN, "the new admin password").get("role").asString()).isEqualTo("ADMIN");
        }
        finally {
            accounts.ensureAdmin(ADMIN, ADMIN_PASSWORD);
        }
    }

    @Test
    void aStartWithTheSameSettingsKeepsTheAdminsSessions() {
        JsonNode session = login(ADMIN, ADMIN_PASSWORD).json();

        accounts.ensureAdmin(ADMIN.toUpperCase(), ADMIN_PASSWORD);

        assertThat(new Api(port).as(session.get("accessToken").asString()).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(refresh(session).status()).isEqualTo(200);
    }

    @Test
    void anAdminCreatesAnAccountThatCanSignIn() {
        Api admin = new Api(port).login(ADMIN, ADMIN_PASSWORD);
        String name = "made" + UUID.randomUUID().toString().substring(0, 8);

        Api.Response created = admin.post("/api/v1/accounts", Api.JSON
            .writeValueAsString(Map.of("username", name, "password", "a password given out", "role", "ADMIN")));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("username").asString()).isEqualTo(name);
        assertThat(me(name, "a password given out").get("role").asString()).isEqualTo("ADMIN");
    }

    @Test
    void aUserCannotCreateAccounts() {
        Api.Response refused = new Api(port).newUser()
            .post("/api/v1/accounts",
                    Api.JSON.writeValueAsString(Map.of("username", "someone", "password", "a password given out")));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"username\":\"ab\",\"password\":\"a password given out\"}",
            "{\"username\":\"someone\",\"password\":\"short\"}",
            "{\"username\":\"someone\",\"password\":\"a password given out\",\"role\":\"ROOT\"}",
            "{\"username\":\"someone\"}", "[]", "not json" })
    void aBadAccountIsA400Problem(String body) {
        Api.Response refused = new Api(port).login(ADMIN, ADMIN_PASSWORD).post("/api/v1/accounts", body);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    private JsonNode me(String username, String password) {
        Api.Response login = login(username, password);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return new Api(port).as(login.json().get("accessToken").asString()).get("/api/v1/me").json();
    }

    private Api.Response refresh(JsonNode session) {
        return new Api(port).post("/api/v1/auth/refresh",
                Api.JSON.writeValueAsString(Map.of("refreshToken", session.get("refreshToken").asString())));
    }

    private Api.Response login(String username, String password) {
        return new Api(port).post("/api/v1/auth/login",
                Api.JSON.writeValueAsString(Map.of("username", username, "password", password)));
    }

}
