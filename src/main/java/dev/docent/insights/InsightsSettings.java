package dev.docent.insights;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param similarity the cosine similarity of question embeddings from which two questions
 * are grouped as one (env {@code DOCENT_INSIGHTS_SIMILARITY})
 */
@ConfigurationProperties("docent.insights")
public record InsightsSettings(@DefaultValue("0.75") double similarity) {

    public InsightsSettings {
        if (!(similarity > 0 && similarity <= 1)) {
            throw new IllegalArgumentException("docent.insights.similarity must be in (0, 1], not " + similarity);
        }
    }

}
