package dev.docent.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.DocentTest;
import java.net.HttpCookie;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The browser's session: the refresh token only in an HttpOnly, SameSite=Strict cookie.
 */
@DocentTest
class BrowserSessionTest {

    private static final String SESSION = "/api/v1/auth/session";

    private static final String GUARD = "X-Docent-Session";

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    private Api anonymous;

    private String credentials;

    @BeforeEach
    void newAccount() {
        anonymous = new Api(port);
        String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        credentials = "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}";
        assertThat(anonymous.post("/api/v1/auth/signup", credentials).status()).isEqualTo(201);
    }

    @Test
    void loginSetsTheRefreshCookieAndAnswersWithTheAccessTokenOnly() {
        Api.Response login = anonymous.postWith(SESSION, credentials, GUARD, "1");

        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.json().has("refreshToken")).isFalse();
        assertThat(anonymous.as(login.json().get("accessToken").asString()).get("/api/v1/me").status()).isEqualTo(200);
        String setCookie = login.header("Set-Cookie");
        assertThat(setCookie).startsWith("docent_refresh=")
            .contains("HttpOnly", "SameSite=Strict", "Path=" + SESSION, "Max-Age=2592000")
            .doesNotContain("Secure");
    }

    @Test
    void refreshRotatesTheCookieAndAReusedOneEndsTheSession() {
        String first = cookie(anonymous.postWith(SESSION, credentials, GUARD, "1"));

        Api.Response refreshed = refresh(first);

        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        String second = cookie(refreshed);
        assertThat(second).isNotEqualTo(first);
        assertThat(anonymous.as(refreshed.json().get("accessToken").asString()).get("/api/v1/me").status())
            .isEqualTo(200);
        Api.Response reused = refresh(first);
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.header("Set-Cookie")).contains("docent_refresh=;", "Max-Age=0");
        assertThat(refresh(second).status()).as("the whole family is revoked").isEqualTo(401);
    }

    @Test
    void logoutRevokesTheTokenAndClearsTheCookie() {
        Api.Response login = anonymous.postWith(SESSION, credentials, GUARD, "1");
        String token = cookie(login);
        Api page = anonymous.as(login.json().get("accessToken").asString());
        assertThat(page.get("/api/v1/me").status()).isEqualTo(200);

        Api.Response logout = anonymous.send("POST", SESSION + "/logout", null, null, GUARD, "1", "Cookie",
                "docent_refresh=" + token);

        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.header("Set-Cookie")).contains("docent_refresh=;", "Max-Age=0");
        assertThat(refresh(token).status()).isEqualTo(401);
        assertThat(page.get("/api/v1/me").status()).as("the page's access token ends too").isEqualTo(401);
    }

    /** The page asks first, so a browser that never signed in logs no failed request. */
    @Test
    void thePageCanAskWhetherItHoldsASessionCookieWithoutAFailure() {
        String token = cookie(anonymous.postWith(SESSION, credentials, GUARD, "1"));

        Api.Response without = anonymous.get(SESSION);
        Api.Response with = anonymous.send("GET", SESSION, null, null, "Cookie", "docent_refresh=" + token);

        assertThat(without.status()).isEqualTo(200);
        assertThat(without.json().get("cookie").asBoolean()).isFalse();
        assertThat(with.status()).isEqualTo(200);
        assertThat(with.json().get("cookie").asBoolean()).isTrue();
    }

    @Test
    void withoutACookieThereIsNoSession() {
        Api.Response refreshed = anonymous.send("POST", SESSION + "/refresh", null, null, GUARD, "1");

        assertThat(refreshed.status()).isEqualTo(401);
        assertThat(refreshed.json().get("type").asString()).endsWith("/unauthorized");
    }

    /**
     * A cross-site page can neither send the custom header without a preflight nor post
     * JSON without one.
     */
    @Test
    void requestsWithoutTheSessionHeaderAreRefused() {
        Api.Response login = anonymous.post(SESSION, credentials);
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.header("Set-Cookie")).isNull();
        assertThat(login.json().get("type").asString()).endsWith("/missing-session-header");

        String token = cookie(anonymous.postWith(SESSION, credentials, GUARD, "1"));
        assertThat(
                anonymous.send("POST", SESSION + "/refresh", null, null, "Cookie", "docent_refresh=" + token).status())
            .isEqualTo(403);
        assertThat(
                anonymous.send("POST", SESSION + "/logout", null, null, "Cookie", "docent_refresh=" + token).status())
            .isEqualTo(403);
        assertThat(refresh(token).status()).as("still valid").isEqualTo(200);
        assertThat(anonymous
            .send("POST", SESSION, "application/x-www-form-urlencoded", "username=a&password=b", GUARD, "1")
            .status()).as("a form post").isEqualTo(415);
    }

    @Test
    void aWrongPasswordIs401WithoutACookie() {
        Api.Response login = anonymous.postWith(SESSION, credentials.replace(PASSWORD, "wrong password!"), GUARD, "1");

        assertThat(login.status()).isEqualTo(401);
        assertThat(login.header("Set-Cookie")).isNull();
    }

    private Api.Response refresh(String token) {
        return anonymous.send("POST", SESSION + "/refresh", null, null, GUARD, "1", "Cookie",
                "docent_refresh=" + token);
    }

    private static String cookie(Api.Response response) {
        List<HttpCookie> cookies = HttpCookie.parse(response.header("Set-Cookie"));
        assertThat(cookies).hasSize(1);
        return cookies.getFirst().getValue();
    }

}
