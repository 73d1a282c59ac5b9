package dev.docent.apikey;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The live keys of this instance, by hash: a request costs one map lookup, no database
 * round trip. The whole (small) table of live keys is re-read every
 * {@code docent.api-keys.sync-interval}, so a key revoked on another instance stops
 * working here within that time, and at once on the instance that revoked it.
 */
@Component
class KeyRing implements InitializingBean {

    private final KeyStore store;

    private volatile Map<String, KeyStore.Row> byHash = Map.of();

    KeyRing(KeyStore store) {
        this.store = store;
    }

    @Override
    public void afterPropertiesSet() {
        sync();
    }

    Optional<ApiKey> find(String hash) {
        KeyStore.Row row = byHash.get(hash);
        return row == null ? Optional.empty() : Optional.of(row.key());
    }

    List<KeyStore.Row> rows() {
        return List.copyOf(byHash.values());
    }

    @Scheduled(fixedDelayString = "${docent.api-keys.sync-interval:1s}")
    synchronized void sync() {
        byHash = store.live().stream().collect(Collectors.toUnmodifiableMap(KeyStore.Row::hash, row -> row));
    }

}
