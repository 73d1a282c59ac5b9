package dev.docent.web;

import dev.docent.support.Api;
import dev.docent.support.ServicesInitializer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The application as a newcomer runs it, without a language model (documentation answers
 * are extractive), with an ADMIN account and small upload limits, so that refusals are
 * cheap to provoke. Page tests that name it share one Spring context; each leaves no
 * document set behind.
 */
class AdminSite extends ServicesInitializer {

    static final String ADMIN = "page-admin";
    static final int MAX_FILES = 5;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        super.initialize(context);
        TestPropertyValues
            .of("docent.admin.username=" + ADMIN, "docent.admin.password=" + Pages.PASSWORD,
                    "docent.knowledge.max-files=" + MAX_FILES, "docent.knowledge.max-upload-size=1MB")
            .applyTo(context);
    }

    static Api admin(int port) {
        return new Api(port).login(ADMIN, Pages.PASSWORD);
    }

    static void deleteDocuments(Api admin) {
        for (JsonNode document : admin.get("/api/v1/documents").json()) {
            admin.delete("/api/v1/documents/" + document.get("id").asString());
        }
    }

}
