package dev.docent.apikey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param syncInterval how often an instance re-reads the live keys (a key revoked
 * elsewhere stops working here after at most this long)
 * @param usageFlushInterval how often the request counts and last-used times are written
 * @param requestsPerMinute a new key's default limit, all its callers together
 * @param visitorRequestsPerMinute a new public key's default limit per widget visitor
 */
@ConfigurationProperties("docent.api-keys")
record ApiKeySettings(@DefaultValue("1s") Duration syncInterval, @DefaultValue("10s") Duration usageFlushInterval,
        @DefaultValue("60") int requestsPerMinute, @DefaultValue("10") int visitorRequestsPerMinute) {
}
