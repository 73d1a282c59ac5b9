package dev.docent.shared.redis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Redis is, if anywhere. Empty {@code url} and {@code clusterNodes} mean "no
 * Redis": the embedded default, with in-process adapters.
 *
 * @param url {@code redis://host:port} or {@code rediss://…} (env
 * {@code DOCENT_REDIS_URL})
 * @param clusterNodes comma-separated {@code host:port} seeds of a Redis Cluster (env
 * {@code DOCENT_REDIS_CLUSTER_NODES})
 * @param timeout command timeout: kept short, because Redis is only an accelerator
 */
@ConfigurationProperties("docent.redis")
public record RedisSettings(@DefaultValue("") String url, @DefaultValue("") String clusterNodes,
        @DefaultValue("500ms") Duration timeout) {

    public boolean configured() {
        return !url.isBlank() || !clusterNodes.isBlank();
    }
}
