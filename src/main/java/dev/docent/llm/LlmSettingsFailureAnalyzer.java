package dev.docent.llm;

import dev.docent.llm.settings.InvalidLlmSettingsException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports bad language-model or embedding settings as the single line naming the
 * variable, ahead of Spring Boot's generic binding report (which would wrap it in several
 * lines about the record's constructor).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class LlmSettingsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidLlmSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidLlmSettingsException cause) {
        return new FailureAnalysis(cause.getMessage(), null, cause);
    }

}
