package dev.docent.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.ModuleTest;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The login limits, from clients told apart by X-Forwarded-For (the server trusts it from
 * loopback here).
 */
@ModuleTest
@TestPropertySource(properties = { "server.forward-headers-strategy=native",
        "docent.auth.login-attempts-per-minute=" + LoginLimitsTest.PER_USERNAME,
        "docent.auth.login-attempts-per-client-per-minute=" + LoginLimitsTest.PER_CLIENT })
class LoginLimitsTest {

    static final int PER_USERNAME = 3;
    static final int PER_CLIENT = 6;

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    private Api anonymous;

    @BeforeEach
    void client() {
        anonymous = new Api(port);
    }

    @Test
    void guessingAcrossManyUsernamesFromOneClientIsLimited() {
        String attacker = randomAddress();
        for (int i = 0; i < PER_CLIENT; i++) {
            assertThat(login(attacker, name(), "a guessed password").status()).isEqualTo(401);
        }

        Api.Response limited = login(attacker, name(), "a guessed password");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(login(randomAddress(), name(), "a guessed password").status()).as("another client").isEqualTo(401);
    }

    @Test
    void someoneElsesGuessesDoNotLockTheRealUserOut() {
        String victim = signedUp();
        String attacker = randomAddress();
        for (int i = 0; i < PER_USERNAME; i++) {
            assertThat(login(attacker, victim, "a guessed password " + i).status()).isEqualTo(401);
        }
        assertThat(login(attacker, victim, PASSWORD).status()).as("the attacker is limited").isEqualTo(429);

        Api.Response real = login(randomAddress(), victim, PASSWORD);

        assertThat(real.status()).as(real.body()).isEqualTo(200);
    }

    @Test
    void successfulLoginsDoNotCount() {
        String user = signedUp();
        String client = randomAddress();

        for (int i = 0; i < PER_CLIENT + 2; i++) {
            assertThat(login(client, user, PASSWORD).status()).isEqualTo(200);
        }
        assertThat(login(client, user, "a mistyped password").status()).isEqualTo(401);
    }

    private String signedUp() {
        String name = name();
        assertThat(anonymous
            .post("/api/v1/auth/signup", Api.JSON.writeValueAsString(Map.of("username", name, "password", PASSWORD)))
            .status()).isEqualTo(201);
        return name;
    }

    private Api.Response login(String client, String username, String password) {
        return anonymous.postWith("/api/v1/auth/login",
                Api.JSON.writeValueAsString(Map.of("username", username, "password", password)), "X-Forwarded-For",
                client);
    }

    private static String name() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /**
     * A documentation address (RFC 5737) no earlier run has used within the minute the
     * buckets live.
     */
    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

}
