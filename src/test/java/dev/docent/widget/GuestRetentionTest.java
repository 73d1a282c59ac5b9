package dev.docent.widget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.DocentTest;
import dev.docent.support.Eventually;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * DOCENT_RETENTION_GUEST_DAYS in the background: a guest's conversation older than the
 * guest period goes through the ordinary delete (its cached copy stops being served)
 * while a signed-in user's of the same age stays; an empty guest account not visited for
 * the period goes, one with a live conversation stays.
 */
@DocentTest
@TestPropertySource(properties = { "docent.admin.username=retentionadmin", "docent.admin.password=open-sesame-1234",
        "docent.retention.days=30", "docent.retention.guest-days=7", "docent.retention.interval=300ms",
        "docent.retention.initial-delay=0s" })
class GuestRetentionTest {

    static final String SITE = "https://docs.example.com";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void guestsOldConversationsAndEmptyAccountsGoWhileUsersStay() {
        Api admin = new Api(port).login("retentionadmin", "open-sesame-1234");
        String tea = admin.ingest("retention-tea", "Tea guide",
                Map.of("brewing.md", "# Brewing\n\nGreen tea wants water at 80 degrees for two minutes."));
        String key = admin
            .post("/api/v1/keys",
                    "{\"name\":\"site\",\"kind\":\"public\",\"documentIds\":[\"" + tea + "\"],\"allowedOrigins\":[\""
                            + SITE + "\"]}")
            .json()
            .get("key")
            .asString();

        Api oldGuest = guest(key, "");
        String oldGuestChat = startChat(oldGuest, tea);
        assertThat(guestGet(oldGuest, "/api/v1/chats/" + oldGuestChat).status()).isEqualTo(200);
        assertThat(guestGet(oldGuest, "/api/v1/chats/" + oldGuestChat).header("X-Cache")).isEqualTo("HIT");
        Api reader = new Api(port).newUser();
        String readersChat = reader.newChat("How hot for green tea?");
        Api.Response emptySession = session(key, "");
        UUID emptyGuest = account(emptySession.json().get("token").asString());
        Api activeGuest = guest(key, "");
        String activeChat = startChat(activeGuest, tea);

        jdbc.sql("update chats set updated_at = updated_at - interval '10 days' where id in (?, ?)")
            .params(UUID.fromString(oldGuestChat), UUID.fromString(readersChat))
            .update();
        jdbc.sql("update accounts set last_visit_at = last_visit_at - interval '10 days' where id in (?, ?)")
            .params(emptyGuest, account(activeGuest.token()))
            .update();

        Eventually.await(Duration.ofSeconds(10), () -> guestGet(oldGuest, "/api/v1/chats/" + oldGuestChat).status(),
                status -> status == 404);
        Eventually.await(Duration.ofSeconds(10), () -> exists(emptyGuest), exists -> !exists);
        assertThat(reader.get("/api/v1/chats/" + readersChat).status()).as("a user's chat of the same age")
            .isEqualTo(200);
        assertThat(guestGet(activeGuest, "/api/v1/chats/" + activeChat).status()).isEqualTo(200);
        assertThat(exists(account(activeGuest.token()))).as("a guest account with a live chat").isTrue();
        assertThat(exists(account(oldGuest.token()))).as("an empty guest account visited lately").isTrue();

        Api.Response returning = session(key,
                "{\"visitor\":\"" + emptySession.json().get("visitor").asString() + "\"}");
        assertThat(returning.status()).as("a swept visitor comes back to a new, empty account").isEqualTo(200);
        Api again = new Api(port).as(returning.json().get("token").asString());
        assertThat(exists(account(again.token()))).isTrue();
        assertThat(startChat(again, tea)).isNotBlank();
    }

    private boolean exists(UUID account) {
        return jdbc.sql("select count(*) from accounts where id = ?").param(account).query(Integer.class).single() == 1;
    }

    private static UUID account(String token) {
        return UUID
            .fromString(Api.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("sub").asString());
    }

    private String startChat(Api guest, String document) {
        Api.Response started = guest.send("POST", "/api/v1/chats", "application/json",
                "{\"message\":\"How hot for green tea?\",\"category\":\"OFFICIAL_DOCS\",\"documentId\":\"" + document
                        + "\"}",
                "Origin", SITE);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("chat").get("id").asString();
    }

    private Api guest(String key, String body) {
        return new Api(port).as(session(key, body).json().get("token").asString());
    }

    private Api.Response session(String key, String body) {
        Api.Response session = new Api(port).send("POST", "/api/v1/widget/session",
                body.isEmpty() ? null : "application/json", body.isEmpty() ? null : body, "X-Docent-Key", key, "Origin",
                SITE);
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        return session;
    }

    private static Api.Response guestGet(Api guest, String path) {
        return guest.send("GET", path, null, null, "Origin", SITE);
    }

}
