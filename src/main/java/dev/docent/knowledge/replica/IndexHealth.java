package dev.docent.knowledge.replica;

import dev.docent.llm.Embedder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code index} health component: this instance's replica, how many passages it
 * holds, and its model.
 */
@Component("index")
class IndexHealth implements HealthIndicator {

    private final IndexReplica replica;

    private final Embedder embedder;

    IndexHealth(IndexReplica replica, Embedder embedder) {
        this.replica = replica;
        this.embedder = embedder;
    }

    @Override
    public Health health() {
        if (!replica.enabled()) {
            return Health.unknown().withDetail("reason", "this process keeps no search index").build();
        }
        Health.Builder health = replica.caughtUp() ? Health.up()
                : Health.outOfService().withDetail("reason", "catching up with the database");
        return health.withDetail("passages", replica.index().count())
            .withDetail("embeddingModel", embedder.id())
            .build();
    }

}
