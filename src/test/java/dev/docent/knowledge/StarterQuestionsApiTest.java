package dev.docent.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.docent.support.Api;
import dev.docent.support.DocentTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@DocentTest
@TestPropertySource(properties = { "docent.admin.username=librarian", "docent.admin.password=shelve-the-books-42" })
class StarterQuestionsApiTest {

    static final String KITCHEN = """
            # Kitchen guide

            ## Introduction

            This guide is about the kitchen, and about nothing else at all, as an introduction should say.

            ## Making tea

            Green tea wants water at about 80 degrees Celsius; boiling water makes it bitter. Black tea takes \
            water just off the boil.
            """;

    static final String BREAD = """
            # Bread

            ## Use the starter

            Feed the sourdough starter with equal weights of flour and water every day, and discard half before \
            each feeding so it stays active.
            """;

    @LocalServerPort
    int port;

    @AfterEach
    void deleteDocuments() {
        Api admin = new Api(port).login("librarian", "shelve-the-books-42");
        for (JsonNode document : admin.get("/api/v1/documents").json()) {
            admin.delete("/api/v1/documents/" + document.get("id").asString());
        }
    }

    @Test
    void aDocumentSetOffersQuestionsFromItsHeadingsInEnglishOrKorean() {
        Api admin = new Api(port).login("librarian", "shelve-the-books-42");
        String id = admin.ingest("kitchen", "Kitchen", Map.of("kitchen.md", KITCHEN, "bread.md", BREAD));
        Api learner = new Api(port).newUser();

        JsonNode english = learner.get("/api/v1/documents/" + id + "/starters").json().get("questions");
        assertThat(english.valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("How do I make tea?",
                "How do I use the starter?");
        JsonNode korean = learner.get("/api/v1/documents/" + id + "/starters?lang=ko&limit=1").json().get("questions");
        assertThat(korean).hasSize(1);
        assertThat(korean.get(0).asString()).endsWith("에 대해 알려 주세요");
    }

    @Test
    void badParametersAndUnknownSetsAreRefusedClearly() {
        Api learner = new Api(port).newUser();

        Api.Response language = learner.get("/api/v1/documents/" + UUID.randomUUID() + "/starters?lang=fr");
        assertThat(language.status()).isEqualTo(400);
        assertThat(language.contentType()).startsWith("application/problem+json");
        assertThat(language.body()).contains("lang");
        assertThat(learner.get("/api/v1/documents/" + UUID.randomUUID() + "/starters?limit=0").status()).isEqualTo(400);
        assertThat(learner.get("/api/v1/documents/" + UUID.randomUUID() + "/starters").status()).isEqualTo(404);
        assertThat(new Api(port).get("/api/v1/documents/" + UUID.randomUUID() + "/starters").status()).isEqualTo(401);
    }

}
