package dev.docent.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.DocentTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@DocentTest
class AdminAccountTest {

    /** Random, so that login buckets left in the shared Redis by earlier runs never get in the way. */
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
    void aLaterStartWithAnotherPasswordUpdatesTheAccountInPlace() {
        Api user = new Api(port).newUser();
        JsonNode before = user.get("/api/v1/me").json();
        String name = before.get("username").asString();

        // what the start-up runner does when the configured admin already exists
        accounts.ensureAdmin(name.toUpperCase(), "the new admin password");

        assertThat(login(name, "correct horse battery").status()).isEqualTo(401);
        JsonNode after = me(name, "the new admin password");
        assertThat(after.get("id")).isEqualTo(before.get("id"));
        assertThat(after.get("role").asString()).isEqualTo("ADMIN");
    }

    private JsonNode me(String username, String password) {
        Api.Response login = login(username, password);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return new Api(port).as(login.json().get("accessToken").asString()).get("/api/v1/me").json();
    }

    private Api.Response login(String username, String password) {
        return new Api(port).post("/api/v1/auth/login",
                Api.JSON.writeValueAsString(Map.of("username", username, "password", password)));
    }
}
