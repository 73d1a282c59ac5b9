package dev.docent.widget.web;

import dev.docent.account.GuestCredentials;
import dev.docent.apikey.ApiKey;
import dev.docent.apikey.ApiKeys;
import dev.docent.apikey.KeyKind;
import dev.docent.knowledge.DocumentView;
import dev.docent.knowledge.KnowledgeBase;
import dev.docent.shared.Problem;
import dev.docent.widget.Visitors;
import dev.docent.widget.WidgetSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** A widget visitor's credential, for a public key used from one of its origins. */
@Tag(name = "Widget", description = "Guest credentials for the widget on a documentation site")
@RestController
class WidgetController {

    /**
     * @param visitor the visitor id of an earlier session, to keep its chats
     */
    record SessionRequest(String visitor) {
    }

    record DocumentSet(UUID id, String slug, String title) {
    }

    /**
     * @param token a GUEST access token for Authorization: Bearer
     * @param documents the document sets the visitor may ask about
     * @param allSets the key allows every document set: a chat without a documentId asks
     * all of them ({@code data-document="*"})
     */
    record Session(String token, Instant expiresAt, String visitor, List<DocumentSet> documents, boolean allSets) {
    }

    private final ApiKeys keys;

    private final GuestCredentials guests;

    private final KnowledgeBase knowledge;

    private final WidgetSettings settings;

    WidgetController(ApiKeys keys, GuestCredentials guests, KnowledgeBase knowledge, WidgetSettings settings) {
        this.keys = keys;
        this.guests = guests;
        this.knowledge = knowledge;
        this.settings = settings;
    }

    @Operation(operationId = "startWidgetSession", summary = "A guest credential for a widget visitor",
            description = "Needs a live public key in X-Docent-Key and a browser Origin on the key's allowed "
                    + "origins. The token lets the visitor ask in and read its own OFFICIAL_DOCS chats only.")
    @SecurityRequirements
    @PostMapping(path = "/api/v1/widget/session", produces = MediaType.APPLICATION_JSON_VALUE)
    Session session(@RequestHeader(name = Cors.KEY_HEADER, required = false) String presented,
            @RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin,
            @RequestBody(required = false) SessionRequest request, HttpServletResponse response) {
        if (presented == null || presented.isBlank()) {
            throw Problem.invalid(Cors.KEY_HEADER, "the widget's public key (dk_pub_…) is required");
        }
        ApiKey key = keys.find(presented.strip())
            .filter(k -> k.kind() == KeyKind.PUBLIC)
            .orElseThrow(() -> Problem.forbidden("key-refused", "Widget key refused",
                    "The widget key is not a live public key (dk_pub_…)"));
        if (origin == null || !key.allowsOrigin(origin)) {
            throw GuestFilter.originRefused(origin);
        }
        Cors.allow(response, origin);
        String visitor = Visitors.presented(request == null ? null : request.visitor()).orElseGet(Visitors::generate);
        keys.admit(key, visitor);
        GuestCredentials.Credential credential = guests.issue(key.id().value(), visitor, settings.guestTokenTtl());
        return new Session(credential.token(), credential.expiresAt(), visitor, documents(key),
                key.documentIds().isEmpty());
    }

    private List<DocumentSet> documents(ApiKey key) {
        return knowledge.documents()
            .stream()
            .filter(document -> key.covers(document.id()))
            .map(WidgetController::set)
            .toList();
    }

    private static DocumentSet set(DocumentView document) {
        return new DocumentSet(document.id(), document.slug(), document.title());
    }

}
