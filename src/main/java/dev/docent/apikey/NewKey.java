package dev.docent.apikey;

import java.util.List;
import java.util.UUID;

/**
 * What an ADMIN asks for; nulls take the defaults (all document sets, the configured
 * limits).
 *
 * @param kind {@code public} or {@code secret}
 */
public record NewKey(String name, String kind, List<UUID> documentIds, List<String> allowedOrigins, Boolean readOnly,
        Integer requestsPerMinute, Integer visitorRequestsPerMinute) {
}
