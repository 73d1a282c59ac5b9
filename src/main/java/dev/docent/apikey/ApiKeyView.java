package dev.docent.apikey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A key as the API lists it: never the key itself, only its recognisable start.
 *
 * @param shown the kind's prefix and the key's first characters
 */
public record ApiKeyView(UUID id, String name, String kind, String shown, List<UUID> documentIds,
        List<String> allowedOrigins, boolean readOnly, int requestsPerMinute, int visitorRequestsPerMinute,
        Instant createdAt, Instant lastUsedAt, long requestCount) {
}
