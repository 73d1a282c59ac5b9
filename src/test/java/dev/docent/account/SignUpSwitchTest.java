package dev.docent.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.ModuleTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

@ModuleTest
@TestPropertySource(properties = "docent.auth.signup=false")
class SignUpSwitchTest {

    @LocalServerPort
    int port;

    @Test
    void signUpTurnedOffIsA403ThatSaysSo() {
        Api.Response refused = new Api(port).post("/api/v1/auth/signup",
                Api.JSON.writeValueAsString(Map.of("username", "newcomer", "password", "correct horse battery")));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("/signup-disabled");
        assertThat(refused.json().get("detail").asString()).contains("DOCENT_AUTH_SIGNUP");
    }

    @Test
    void theSignInPageCanAskWhetherSignUpIsOpen() {
        Api.Response options = new Api(port).get("/api/v1/auth/options");

        assertThat(options.status()).isEqualTo(200);
        assertThat(options.json().get("signup").asBoolean()).isFalse();
    }

}
