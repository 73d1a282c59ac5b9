package dev.docent.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.DocentTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@DocentTest
class TurnConcurrencyTest {

    @LocalServerPort
    int port;

    @Test
    void parallelPostsLoseNothingDuplicateNothingAndKeepSeqGapless() throws Exception {
        Api api = new Api(port).newUser();
        String chatId = api.newChat("start");
        int parallel = 16;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Response>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < parallel; i++) {
                String message = "{\"message\":\"parallel " + i + "\"}";
                results.add(pool.submit(() -> {
                    go.await();
                    return api.post("/api/v1/chats/" + chatId + "/messages", message);
                }));
            }
            go.countDown();
        }
        int accepted = 0;
        for (Future<Api.Response> result : results) {
            int status = result.get().status();
            assertThat(status).as(result.get().body()).isIn(200, 409);
            accepted += status == 200 ? 1 : 0;
        }
        JsonNode page = api.get("/api/v1/chats/" + chatId + "/messages?limit=200").json();
        List<Integer> seqs = new ArrayList<>();
        page.get("items").forEach(m -> seqs.add(m.get("seq").asInt()));
        assertThat(seqs).hasSize(2 + 2 * accepted);
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).isEqualTo(seqs.size() - i);
        }
        assertThat(api.get("/api/v1/chats/" + chatId).json().get("messages")).hasSize(seqs.size());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstResultAndStoresNothingTwice() {
        Api api = new Api(port).newUser();
        String chatId = api.newChat("start");
        String path = "/api/v1/chats/" + chatId + "/messages";
        Api.Response first = api.postWith(path, "{\"message\":\"once\"}", "Idempotency-Key", "k-123");
        Api.Response retry = api.postWith(path, "{\"message\":\"once\"}", "Idempotency-Key", "k-123");
        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(api.get("/api/v1/chats/" + chatId).json().get("messages")).hasSize(4);

        Api.Response reused = api.postWith(path, "{\"message\":\"something else\"}", "Idempotency-Key", "k-123");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.contentType()).startsWith("application/problem+json");

        Api.Response created = api.postWith("/api/v1/chats", "{\"message\":\"new\",\"category\":\"GENERAL\"}",
                "Idempotency-Key", "create-1");
        Api.Response createdAgain = api.postWith("/api/v1/chats", "{\"message\":\"new\",\"category\":\"GENERAL\"}",
                "Idempotency-Key", "create-1");
        assertThat(createdAgain.json().get("chat").get("id")).isEqualTo(created.json().get("chat").get("id"));
        assertThat(api.get("/api/v1/chats").json().get("items")).hasSize(2);
    }

    @Test
    void anOfficialDocsChatForADocumentSetThatDoesNotExistIsABadRequest() {
        Api api = new Api(port).newUser();
        Api.Response response = api.post("/api/v1/chats", "{\"message\":\"What is asyncio?\",\"category\":"
                + "\"OFFICIAL_DOCS\",\"documentId\":\"0198f3a0-0000-7000-8000-000000000000\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("documentId");
        assertThat(api.get("/api/v1/chats").json().get("items")).isEmpty();
    }

}
