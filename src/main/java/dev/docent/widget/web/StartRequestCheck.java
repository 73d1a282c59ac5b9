package dev.docent.widget.web;

import dev.docent.apikey.ApiKey;
import dev.docent.shared.Problem;
import dev.docent.shared.web.ReplayedBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A guest's new chat must be an OFFICIAL_DOCS chat over one of its key's document sets:
 * reads the (small) body once, checks it, and hands it on unchanged.
 */
final class StartRequestCheck {

    static final int MAX_BODY_BYTES = 64 * 1024;

    private final JsonMapper json;

    StartRequestCheck(JsonMapper json) {
        this.json = json;
    }

    HttpServletRequest check(HttpServletRequest request, ApiKey key) throws IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw Problem.tooLarge("too-large", "Request too large", "A question is at most 64 KB");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        }
        catch (JacksonException e) {
            throw Problem.invalid("body", "must be a JSON object with message, category and documentId");
        }
        if (node == null || !node.isObject()) {
            throw Problem.invalid("body", "must be a JSON object with message, category and documentId");
        }
        JsonNode category = node.get("category");
        if (category == null || !"OFFICIAL_DOCS".equals(category.asString(""))) {
            throw Problem.invalid("category", "a widget visitor asks about the documentation: OFFICIAL_DOCS");
        }
        JsonNode document = node.get("documentId");
        UUID documentId = null;
        if (document != null && !document.isNull()) {
            try {
                documentId = UUID.fromString(document.asString(""));
            }
            catch (IllegalArgumentException e) {
                throw Problem.invalid("documentId", "must be a document set id");
            }
        }
        if (documentId == null ? !key.documentIds().isEmpty() : !key.covers(documentId)) {
            throw Problem.invalid("documentId", "must be one of the widget key's document sets");
        }
        return new ReplayedBody(request, body);
    }

}
