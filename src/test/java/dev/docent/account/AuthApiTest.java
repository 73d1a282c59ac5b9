package dev.docent.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.ModuleTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@ModuleTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "docent.auth.login-attempts-per-minute=" + AuthApiTest.ATTEMPTS)
class AuthApiTest {

    static final int ATTEMPTS = 3;

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Value("${docent.jwt.secret}")
    String secret;

    private Api anonymous;

    private String username;

    @BeforeEach
    void freshName() {
        anonymous = new Api(port);
        username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    // ---- sign-up

    @Test
    void signUpAnswersWithTheNewIdAndTheUsername() {
        Api.Response response = signUp(username.toUpperCase(), PASSWORD, "someone@example.org");

        assertThat(response.status()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(UUID.fromString(body.get("id").asString()).version()).isEqualTo(7);
        assertThat(body.get("username").asString()).isEqualTo(username);
    }

    @Test
    void aTakenUsernameIsAConflictWhateverItsCase() {
        assertThat(signUp(username, PASSWORD, null).status()).isEqualTo(201);

        Api.Response again = signUp(username.toUpperCase(), "another good password", null);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("status").asInt()).isEqualTo(409);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            password | short
            password | ' '
            username | ab
            username | has space
            username | semi;colon
            username | ''
            email    | not-an-email
            """)
    void aWeakOrMalformedValueIsRefusedNamingTheField(String field, String value) {
        Map<String, String> body = new LinkedHashMap<>(Map.of("username", username, "password", PASSWORD));
        body.put(field, value);

        Api.Response response = anonymous.post("/api/v1/auth/signup", Api.JSON.writeValueAsString(body));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString())).containsOnly(field);
    }

    // ---- login and /me

    @Test
    void loginGivesABearerPairAndMeSaysWhoIAm() {
        String id = signUp(username, PASSWORD, null).json().get("id").asString();

        Api.Response login = login(username.toUpperCase(), PASSWORD);

        assertThat(login.status()).isEqualTo(200);
        JsonNode pair = login.json();
        assertThat(pair.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(pair.get("expiresIn").asLong()).isEqualTo(Duration.ofMinutes(15).toSeconds());
        assertThat(pair.get("refreshToken").asString()).hasSizeGreaterThanOrEqualTo(40);
        JsonNode me = anonymous.as(pair.get("accessToken").asString()).get("/api/v1/me").json();
        assertThat(me.get("id").asString()).isEqualTo(id);
        assertThat(me.get("username").asString()).isEqualTo(username);
        assertThat(me.get("role").asString()).isEqualTo("USER");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserLookTheSame() {
        signUp(username, PASSWORD, null);

        Api.Response wrongPassword = login(username, "not the password");
        Api.Response unknownUser = login("nobody" + username, PASSWORD);

        for (Api.Response response : new Api.Response[] { wrongPassword, unknownUser }) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownUser.json().get("detail"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "none", "garbage", "expired", "wrongly signed", "without expiry", "of another issuer" })
    void meNeedsAValidAccessToken(String kind) {
        String id = signUp(username, PASSWORD, null).json().get("id").asString();
        Instant now = Instant.now();
        Map<String, Object> claims = claims(id, now.plus(Duration.ofMinutes(5)));
        String token = switch (kind) {
            case "none" -> null;
            case "garbage" -> "not.a.jwt";
            case "expired" -> token(secret, claims(id, now.minus(Duration.ofMinutes(5))));
            case "without expiry" -> token(secret, without(claims, "exp"));
            case "of another issuer" -> token(secret, with(claims, "iss", "someone-else"));
            default -> token(secret.replace('t', 'x'), claims);
        };
        // the same token, correctly signed and current, is accepted: only the named flaw
        // is tested
        assertThat(anonymous.as(token(secret, claims)).get("/api/v1/me").status()).isEqualTo(200);

        Api.Response response = anonymous.as(token).get("/api/v1/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            role | SUPERUSER
            sub  | not-a-uuid
            sub  | 12345678-1234-1234-1234-1234567890123
            """)
    void aCorrectlySignedTokenWithAClaimNoAccountCanHaveIsA401WithOneLogLine(String claim, String value,
            CapturedOutput output) {
        String id = signUp(username, PASSWORD, null).json().get("id").asString();
        String token = token(secret, with(claims(id, Instant.now().plus(Duration.ofMinutes(5))), claim, value));

        Api.Response response = anonymous.as(token).get("/api/v1/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(output.getAll().lines().filter(line -> line.contains("Refused a correctly signed access token")))
            .hasSize(1);
        assertThat(output.getAll()).doesNotContain("\tat ", "Unexpected error");
    }

    // ---- refresh and logout

    @Test
    void refreshRotatesThePairAndTheOldRefreshTokenStopsWorking() {
        JsonNode first = signedUpAndLoggedIn();

        Api.Response refreshed = refresh(first);

        assertThat(refreshed.status()).isEqualTo(200);
        JsonNode second = refreshed.json();
        assertThat(second.get("refreshToken")).isNotEqualTo(first.get("refreshToken"));
        assertThat(anonymous.as(second.get("accessToken").asString()).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(refresh(first).status()).isEqualTo(401);
    }

    @Test
    void reusingARotatedTokenRevokesItsWholeFamilyButNoOtherLogin() {
        JsonNode first = signedUpAndLoggedIn();
        JsonNode otherDevice = login(username, PASSWORD).json();
        JsonNode second = refresh(first).json();

        Api.Response reuse = refresh(first);

        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.contentType()).startsWith("application/problem+json");
        assertThat(refresh(second).status()).isEqualTo(401);
        assertThat(refresh(otherDevice).status()).isEqualTo(200);
    }

    @Test
    void logoutEndsTheFamily() {
        JsonNode pair = signedUpAndLoggedIn();

        Api.Response logout = anonymous.post("/api/v1/auth/logout", refreshBody(pair));

        assertThat(logout.status()).isEqualTo(204);
        assertThat(refresh(pair).status()).isEqualTo(401);
    }

    @Test
    void logoutEndsTheAccessTokenToo() {
        JsonNode pair = signedUpAndLoggedIn();
        Api user = anonymous.as(pair.get("accessToken").asString());
        assertThat(user.get("/api/v1/me").status()).isEqualTo(200);

        anonymous.post("/api/v1/auth/logout", refreshBody(pair));

        Api.Response after = user.get("/api/v1/me");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aStolenRefreshTokenEndsTheAccessTokensOfItsFamily() {
        JsonNode first = signedUpAndLoggedIn();
        JsonNode otherDevice = login(username, PASSWORD).json();
        JsonNode second = refresh(first).json();

        refresh(first);

        assertThat(anonymous.as(second.get("accessToken").asString()).get("/api/v1/me").status()).isEqualTo(401);
        assertThat(anonymous.as(otherDevice.get("accessToken").asString()).get("/api/v1/me").status()).isEqualTo(200);
    }

    // ---- changing a password

    @Test
    void changingThePasswordEndsEverySessionButGivesTheCallerANewOne() {
        JsonNode pair = signedUpAndLoggedIn();
        JsonNode otherDevice = login(username, PASSWORD).json();
        Api user = anonymous.as(pair.get("accessToken").asString());

        Api.Response changed = user.post("/api/v1/me/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"a brand new passphrase\"}");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(anonymous.as(changed.json().get("accessToken").asString()).get("/api/v1/me").status())
            .isEqualTo(200);
        assertThat(user.get("/api/v1/me").status()).as("the old access token").isEqualTo(401);
        assertThat(anonymous.as(otherDevice.get("accessToken").asString()).get("/api/v1/me").status())
            .as("another device's session")
            .isEqualTo(401);
        assertThat(refresh(otherDevice).status()).isEqualTo(401);
        assertThat(login(username, PASSWORD).status()).isEqualTo(401);
        assertThat(login(username, "a brand new passphrase").status()).isEqualTo(200);
    }

    @Test
    void aWrongCurrentPasswordOrAWeakNewOneIsA400NamingTheFieldAndChangesNothing() {
        JsonNode pair = signedUpAndLoggedIn();
        Api user = anonymous.as(pair.get("accessToken").asString());

        Api.Response wrong = user.post("/api/v1/me/password",
                "{\"currentPassword\":\"not it at all\",\"newPassword\":\"a brand new passphrase\"}");
        Api.Response weak = user.post("/api/v1/me/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"short\"}");

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("newPassword");
        assertThat(user.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(login(username, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void guessingTheCurrentPasswordCountsAgainstTheLoginLimit() {
        JsonNode pair = signedUpAndLoggedIn();
        Api user = anonymous.as(pair.get("accessToken").asString());
        for (int i = 0; i < ATTEMPTS; i++) {
            user.post("/api/v1/me/password",
                    "{\"currentPassword\":\"guess " + i + "\",\"newPassword\":\"a brand new passphrase\"}");
        }

        Api.Response limited = user.post("/api/v1/me/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"a brand new passphrase\"}");

        assertThat(limited.status()).isEqualTo(429);
    }

    // ---- rate limit

    @Test
    void tooManyLoginAttemptsForOneUsernameAreRefusedWithRetryAfter() {
        signUp(username, PASSWORD, null);
        for (int i = 0; i < ATTEMPTS; i++) {
            assertThat(login(username, "wrong password " + i).status()).isEqualTo(401);
        }

        Api.Response limited = login(username.toUpperCase(), PASSWORD);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(limited.json().get("status").asInt()).isEqualTo(429);
        assertThat(new Api(port).newUser().token()).as("other usernames are not limited").isNotBlank();
    }

    // ---- helpers

    private Api.Response signUp(String name, String password, String email) {
        Map<String, String> body = new LinkedHashMap<>(Map.of("username", name, "password", password));
        if (email != null) {
            body.put("email", email);
        }
        return anonymous.post("/api/v1/auth/signup", Api.JSON.writeValueAsString(body));
    }

    private Api.Response login(String name, String password) {
        return anonymous.post("/api/v1/auth/login",
                Api.JSON.writeValueAsString(Map.of("username", name, "password", password)));
    }

    private JsonNode signedUpAndLoggedIn() {
        signUp(username, PASSWORD, null);
        return login(username, PASSWORD).json();
    }

    private Api.Response refresh(JsonNode pair) {
        return anonymous.post("/api/v1/auth/refresh", refreshBody(pair));
    }

    private static String refreshBody(JsonNode pair) {
        return Api.JSON.writeValueAsString(Map.of("refreshToken", pair.get("refreshToken").asString()));
    }

    /**
     * The claims of an access token like the server's own, expiring at {@code expiresAt}.
     */
    private static Map<String, Object> claims(String userId, Instant expiresAt) {
        return Map.of("iss", "docent", "sub", userId, "iat", expiresAt.minus(Duration.ofMinutes(15)), "exp", expiresAt,
                "name", "someone", "role", "USER", "fid", UUID.randomUUID().toString(), "gen", 0);
    }

    private static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(claims);
        changed.put(name, value);
        return changed;
    }

    private static Map<String, Object> without(Map<String, Object> claims, String name) {
        Map<String, Object> changed = new LinkedHashMap<>(claims);
        changed.remove(name);
        return changed;
    }

    /** The claims signed with {@code key}, as the server signs its tokens. */
    private static String token(String key, Map<String, Object> claims) {
        JwtClaimsSet set = JwtClaimsSet.builder().claims(all -> all.putAll(claims)).build();
        return NimbusJwtEncoder.withSecretKey(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
            .algorithm(MacAlgorithm.HS256)
            .build()
            .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), set))
            .getTokenValue();
    }

}
