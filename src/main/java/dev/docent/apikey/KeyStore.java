package dev.docent.apikey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The api_keys table. */
@Component
class KeyStore {

    private static final String COLUMNS = """
            id, name, kind, key_hash, key_prefix, document_ids, allowed_origins, read_only, requests_per_minute,
            visitor_requests_per_minute, created_at, last_used_at, request_count""";

    record Row(ApiKeyView view, String hash, ApiKey key) {
    }

    private final JdbcClient jdbc;

    KeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiKey key, String hash, String shown, UUID createdBy, Instant at) {
        jdbc.sql("""
                insert into api_keys (id, name, kind, key_hash, key_prefix, document_ids, allowed_origins, read_only,
                    requests_per_minute, visitor_requests_per_minute, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(key.id().value(), key.name(), key.kind().wire(), hash, shown, joined(key.documentIds()),
                    String.join(" ", key.allowedOrigins()), key.readOnly(), key.requestsPerMinute(),
                    key.visitorRequestsPerMinute(), createdBy, Timestamp.from(at))
            .update();
    }

    List<Row> live() {
        return jdbc.sql("select " + COLUMNS + " from api_keys where revoked_at is null order by created_at desc")
            .query(KeyStore::row)
            .list();
    }

    boolean revoke(ApiKeyId id, Instant at) {
        return jdbc.sql("update api_keys set revoked_at = ? where id = ? and revoked_at is null")
            .params(Timestamp.from(at), id.value())
            .update() == 1;
    }

    void addUsage(ApiKeyId id, long requests, Instant lastUsed) {
        jdbc.sql("""
                update api_keys set request_count = request_count + ?,
                    last_used_at = case when last_used_at is null or last_used_at < ? then ? else last_used_at end
                where id = ?""")
            .params(requests, Timestamp.from(lastUsed), Timestamp.from(lastUsed), id.value())
            .update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        KeyKind kind = KeyKind.fromWire(rs.getString("kind")).orElseThrow();
        List<UUID> documents = split(rs.getString("document_ids")).stream().map(UUID::fromString).toList();
        List<String> origins = split(rs.getString("allowed_origins"));
        Timestamp lastUsed = rs.getTimestamp("last_used_at");
        ApiKey key = new ApiKey(new ApiKeyId(id), rs.getString("name"), kind, Set.copyOf(documents), origins,
                rs.getBoolean("read_only"), rs.getInt("requests_per_minute"), rs.getInt("visitor_requests_per_minute"));
        ApiKeyView view = new ApiKeyView(id, key.name(), kind.wire(), rs.getString("key_prefix"), documents, origins,
                key.readOnly(), key.requestsPerMinute(), key.visitorRequestsPerMinute(),
                rs.getTimestamp("created_at").toInstant(), lastUsed == null ? null : lastUsed.toInstant(),
                rs.getLong("request_count"));
        return new Row(view, rs.getString("key_hash"), key);
    }

    private static String joined(Set<UUID> ids) {
        return ids.stream().map(UUID::toString).sorted().collect(Collectors.joining(" "));
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.strip().split(" +"));
    }

}
