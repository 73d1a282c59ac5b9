package dev.docent.llm;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code answerer} health component: which model answers. It never calls the model,
 * which may bill per call.
 */
@Component("answerer")
class AnswererHealth implements HealthIndicator {

    private final LanguageModel model;

    AnswererHealth(LanguageModel model) {
        this.model = model;
    }

    @Override
    public Health health() {
        return Health.up().withDetail("model", model.description()).build();
    }

}
