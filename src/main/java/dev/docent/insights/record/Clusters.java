package dev.docent.insights.record;

import dev.docent.insights.InsightsSettings;
import dev.docent.insights.grouping.Leaders;
import dev.docent.insights.grouping.Vectors;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The clusters of meaning questions are filed under, kept in the database and, for
 * assignment, in memory. Clusters another instance made are read before each assignment,
 * so instances agree except for two near-identical questions assigned at the same moment.
 */
@Component
class Clusters {

    private final JdbcClient jdbc;

    private final InsightsSettings settings;

    private String model;

    private Leaders leaders;

    private long lastSeen;

    Clusters(JdbcClient jdbc, InsightsSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** The cluster the question belongs to, made for it when none is close enough. */
    synchronized long assign(String question, float[] vector, String embeddingModel, Instant now) {
        catchUp(embeddingModel);
        var found = leaders.nearest(vector);
        if (found.isPresent()) {
            // a label cleared by retention is taken over by the next question that joins
            jdbc.sql("update insight_clusters set label = ?, created_at = ? where id = ? and label = ''")
                .params(question, Timestamp.from(now), found.getAsLong())
                .update();
            return found.getAsLong();
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into insight_clusters (label, embedding_model, embedding, created_at) values (?, ?, ?, ?)")
            .params(question, embeddingModel, Vectors.toBytes(vector), Timestamp.from(now))
            .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        leaders.add(id, vector);
        lastSeen = Math.max(lastSeen, id);
        return id;
    }

    private void catchUp(String embeddingModel) {
        if (!embeddingModel.equals(model)) {
            model = embeddingModel;
            leaders = new Leaders(settings.similarity());
            lastSeen = 0;
        }
        jdbc.sql("select id, embedding from insight_clusters where id > ? and embedding_model = ? order by id")
            .params(lastSeen, embeddingModel)
            .query((rs, row) -> {
                long id = rs.getLong("id");
                leaders.add(id, Vectors.fromBytes(rs.getBytes("embedding")));
                lastSeen = id;
                return id;
            })
            .list();
    }

}
