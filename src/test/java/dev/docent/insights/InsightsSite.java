package dev.docent.insights;

import dev.docent.support.Api;
import dev.docent.support.ServicesInitializer;
import java.util.Map;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application without a language model (documentation answers are extractive), with
 * an ADMIN, and a small document set to ask about: lists and tuples are asked about,
 * sorting never is.
 */
public class InsightsSite extends ServicesInitializer {

    public static final String ADMIN = "insights-admin";

    public static final String PASSWORD = "correct horse battery";

    public static final Map<String, String> DOCS = Map.of("lists.md", """
            # Lists

            ## Appending

            Add an item at the end of a list with list.append(x); list.extend(iterable) appends every item of
            another iterable.
            """, "tuples.md", """
            # Tuples

            ## Packing

            A tuple is an immutable sequence written with commas, such as 1, 2, 3, usually inside parentheses.
            """, "sorting.md", """
            # Sorting

            ## Sorting basics

            sorted(iterable) returns a new sorted list; list.sort() sorts a list in place and returns None.
            """);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        super.initialize(context);
        TestPropertyValues.of("docent.admin.username=" + ADMIN, "docent.admin.password=" + PASSWORD).applyTo(context);
    }

    public static Api admin(int port) {
        return new Api(port).login(ADMIN, PASSWORD);
    }

    /** Starts a documentation chat and returns its id. */
    public static String ask(Api api, String documentId, String question) {
        Api.Response created = api.post("/api/v1/chats", "{\"message\":" + Api.JSON.writeValueAsString(question)
                + ",\"category\":\"OFFICIAL_DOCS\",\"documentId\":\"" + documentId + "\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("chat creation failed: " + created.status() + " " + created.body());
        }
        return created.json().get("chat").get("id").asString();
    }

}
