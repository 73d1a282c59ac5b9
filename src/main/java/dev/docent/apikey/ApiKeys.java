package dev.docent.apikey;

import dev.docent.knowledge.KnowledgeBase;
import dev.docent.shared.id.Ids;
import dev.docent.shared.Problem;
import dev.docent.shared.Text;
import dev.docent.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Creating, listing and revoking keys (ADMIN), and what a request with a key asks: which
 * live key it is, whether it may go on (rate limits), and counting it.
 */
@Service
public class ApiKeys {

    static final int MAX_NAME_CHARS = 100;

    static final int MAX_ORIGINS = 20;

    static final int MAX_LIMIT = 100_000;

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

    private final KeyStore store;

    private final KeyRing ring;

    private final KeyUsage usage;

    private final KeyThrottle throttle;

    private final KnowledgeBase knowledge;

    private final ApiKeySettings settings;

    private final Clock clock;

    ApiKeys(KeyStore store, KeyRing ring, KeyUsage usage, KeyThrottle throttle, KnowledgeBase knowledge,
            ApiKeySettings settings, Clock clock) {
        this.store = store;
        this.ring = ring;
        this.usage = usage;
        this.throttle = throttle;
        this.knowledge = knowledge;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @throws Problem 400 naming the first field that is wrong
     */
    public CreatedKey create(NewKey request, UserId createdBy) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME_CHARS || !name.matches(Text.ONE_VISIBLE_LINE)) {
            throw Problem.invalid("name",
                    "must be 1 to " + MAX_NAME_CHARS + " characters, " + Text.ONE_VISIBLE_LINE_MESSAGE);
        }
        KeyKind kind = KeyKind.fromWire(request.kind())
            .orElseThrow(() -> Problem.invalid("kind", "must be \"public\" or \"secret\""));
        Set<UUID> documents = new LinkedHashSet<>(request.documentIds() == null ? List.of() : request.documentIds());
        for (UUID document : documents) {
            if (document == null || knowledge.document(document).isEmpty()) {
                throw Problem.invalid("documentIds", "there is no document set " + document);
            }
        }
        List<String> origins = origins(kind, request.allowedOrigins());
        boolean readOnly = Boolean.TRUE.equals(request.readOnly());
        if (readOnly && kind == KeyKind.PUBLIC) {
            throw Problem.invalid("readOnly", "only a secret key can be read-only; a widget key must answer");
        }
        int perMinute = limit("requestsPerMinute", request.requestsPerMinute(), settings.requestsPerMinute());
        int perVisitor = limit("visitorRequestsPerMinute", request.visitorRequestsPerMinute(),
                settings.visitorRequestsPerMinute());
        String key = Secrets.generate(kind);
        ApiKey apiKey = new ApiKey(new ApiKeyId(Ids.newUuid7()), name, kind, documents, origins, readOnly, perMinute,
                perVisitor);
        Instant now = clock.instant();
        store.insert(apiKey, Secrets.hash(key), Secrets.shown(key), createdBy == null ? null : createdBy.value(), now);
        ring.sync();
        log.info("API key {} ({}, {}) created", apiKey.id(), kind.wire(), name);
        return new CreatedKey(new ApiKeyView(apiKey.id().value(), name, kind.wire(), Secrets.shown(key),
                List.copyOf(documents), origins, readOnly, perMinute, perVisitor, now, null, 0), key);
    }

    /** The live keys, newest first, with their counts as of now. */
    public List<ApiKeyView> list() {
        usage.flush();
        return store.live().stream().map(KeyStore.Row::view).toList();
    }

    /**
     * Stops the key at once here, and on the other instances at their next sync.
     * @throws Problem 404 when there is no such live key
     */
    public void revoke(UUID id) {
        if (!store.revoke(new ApiKeyId(id), clock.instant())) {
            throw Problem.notFound("API key " + id);
        }
        ring.sync();
        log.info("API key {} revoked", id);
    }

    /** The live key a request presents, if any: one map lookup. */
    public Optional<ApiKey> find(String presented) {
        if (!Secrets.plausible(presented)) {
            return Optional.empty();
        }
        return ring.find(Secrets.hash(presented));
    }

    /** The live key with this id (a guest credential names its key by id). */
    public Optional<ApiKey> live(ApiKeyId id) {
        return ring.rows().stream().map(KeyStore.Row::key).filter(key -> key.id().equals(id)).findFirst();
    }

    /**
     * Whether some live public key allows this web origin: a CORS preflight carries no
     * credential, so this is all it can be checked against.
     */
    public boolean anyAllows(String origin) {
        return ring.rows()
            .stream()
            .map(KeyStore.Row::key)
            .anyMatch(key -> key.kind() == KeyKind.PUBLIC && key.allowsOrigin(origin));
    }

    /**
     * Counts one request of the key, once it is within its limit.
     * @throws Problem 429 with Retry-After when the key used up its requests of the
     * minute
     */
    public void admit(ApiKey key) {
        throttle.take(key);
        usage.used(key.id());
    }

    /**
     * Counts one request of a widget visitor, within both the visitor's and the key's
     * limit.
     * @throws Problem 429 with Retry-After
     */
    public void admit(ApiKey key, String visitor) {
        throttle.take(key, visitor);
        admit(key);
    }

    private static List<String> origins(KeyKind kind, List<String> requested) {
        List<String> origins = new ArrayList<>();
        for (String origin : requested == null ? List.<String>of() : requested) {
            String normalized = Origins.normalize(origin)
                .orElseThrow(() -> Problem.invalid("allowedOrigins",
                        "\"" + origin + "\" is not a web origin like https://docs.example.com"));
            if (!origins.contains(normalized)) {
                origins.add(normalized);
            }
        }
        if (kind == KeyKind.PUBLIC && origins.isEmpty()) {
            throw Problem.invalid("allowedOrigins", "a public key needs the origins of the pages that embed it");
        }
        if (kind == KeyKind.SECRET && !origins.isEmpty()) {
            throw Problem.invalid("allowedOrigins", "a secret key is not for web pages; leave allowedOrigins out");
        }
        if (origins.size() > MAX_ORIGINS) {
            throw Problem.invalid("allowedOrigins", "at most " + MAX_ORIGINS + " origins");
        }
        return origins;
    }

    private static int limit(String field, Integer requested, int fallback) {
        int value = requested == null ? fallback : requested;
        if (value < 1 || value > MAX_LIMIT) {
            throw Problem.invalid(field, "must be between 1 and " + MAX_LIMIT);
        }
        return value;
    }

}
