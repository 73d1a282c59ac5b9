package dev.docent.knowledge.replica;

import dev.docent.knowledge.DocumentDeleted;
import dev.docent.knowledge.DocumentEdited;
import dev.docent.knowledge.DocumentIngested;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells the other instances, through Redis, that a document changed here, and listens for
 * the same from them, so every replica catches up at once rather than at its next timed
 * check. Without Redis there is one instance, or the timed check does the job alone.
 */
@Component
class ReplicaNotifications implements SmartLifecycle {

    static final String CHANNEL = "docent:knowledge:changed";

    private static final Logger log = LoggerFactory.getLogger(ReplicaNotifications.class);

    private final RedisConnectionFactory redis;

    private final IndexReplica replica;

    private RedisMessageListenerContainer listener;

    ReplicaNotifications(ObjectProvider<RedisConnectionFactory> redis, IndexReplica replica) {
        this.redis = redis.getIfAvailable();
        this.replica = replica;
    }

    @EventListener
    void on(DocumentIngested ingested) {
        publish(ingested.documentId().toString());
    }

    @EventListener
    void on(DocumentDeleted deleted) {
        publish(deleted.documentId().toString());
    }

    @EventListener
    void on(DocumentEdited edited) {
        publish(edited.documentId().toString());
    }

    private void publish(String documentId) {
        if (redis == null) {
            return;
        }
        try (var connection = redis.getConnection()) {
            connection.publish(CHANNEL.getBytes(StandardCharsets.UTF_8), documentId.getBytes(StandardCharsets.UTF_8));
        }
        catch (RuntimeException e) {
            log.info("Could not tell other instances that document {} changed (they check every few seconds): {}",
                    documentId, e.toString());
        }
    }

    /**
     * Subscribes; with Redis down the start goes on, and {@link #resubscribe} tries again
     * later.
     */
    @Override
    public synchronized void start() {
        if (redis == null || !replica.enabled() || listener != null) {
            return;
        }
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis);
        container.addMessageListener(
                (message, pattern) -> Thread.ofPlatform().daemon().name("index-catch-up").start(replica::backstop),
                new ChannelTopic(CHANNEL));
        try {
            container.afterPropertiesSet();
            container.start();
            listener = container;
        }
        catch (RuntimeException e) {
            log.info("Not listening to other instances' document changes yet (Redis: {}); the timed check "
                    + "covers them meanwhile", e.getMessage());
            destroyQuietly(container);
        }
    }

    @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
    void resubscribe() {
        start();
    }

    @Override
    public synchronized void stop() {
        if (listener != null) {
            listener.stop();
            destroyQuietly(listener);
            listener = null;
        }
    }

    private static void destroyQuietly(RedisMessageListenerContainer container) {
        try {
            container.destroy();
        }
        catch (Exception e) {
            log.debug("Closing the Redis listener", e);
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return listener != null;
    }

}
