package dev.docent.knowledge;

import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Tells the other instances, through Redis, that a document changed here, and listens for the same from them, so
 * every replica catches up at once rather than at its next timed check. Without Redis there is one instance, or
 * the timed check does the job alone.
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

    private void publish(String documentId) {
        if (redis == null) {
            return;
        }
        try (var connection = redis.getConnection()) {
            connection.publish(CHANNEL.getBytes(StandardCharsets.UTF_8), documentId.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            log.info("Could not tell other instances that document {} changed (they check every few seconds): {}",
                    documentId, e.toString());
        }
    }

    @Override
    public void start() {
        if (redis == null || !replica.enabled()) {
            return;
        }
        listener = new RedisMessageListenerContainer();
        listener.setConnectionFactory(redis);
        listener.addMessageListener((message, pattern) -> Thread.ofVirtual().name("index-catch-up")
                .start(replica::backstop), new ChannelTopic(CHANNEL));
        listener.afterPropertiesSet();
        listener.start();
    }

    @Override
    public void stop() {
        if (listener != null) {
            listener.stop();
            try {
                listener.destroy();
            } catch (Exception e) {
                log.debug("Closing the Redis listener", e);
            }
            listener = null;
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }
}
