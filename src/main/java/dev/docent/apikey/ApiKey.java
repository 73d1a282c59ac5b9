package dev.docent.apikey;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A live key as the requests it authenticates see it.
 *
 * @param documentIds the document sets it may read; empty means all of them
 * @param allowedOrigins the web origins a public key may be used from
 * @param readOnly a secret key that may search but not ask for answers
 */
public record ApiKey(ApiKeyId id, String name, KeyKind kind, Set<UUID> documentIds, List<String> allowedOrigins,
        boolean readOnly, int requestsPerMinute, int visitorRequestsPerMinute) {

    public ApiKey {
        documentIds = Set.copyOf(documentIds);
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** Whether this key may read the document set. */
    public boolean covers(UUID documentId) {
        return documentIds.isEmpty() || documentIds.contains(documentId);
    }

    /** Whether a browser page on this origin may use this key. */
    public boolean allowsOrigin(String origin) {
        return origin != null && allowedOrigins.contains(Origins.normalize(origin).orElse(""));
    }

}
