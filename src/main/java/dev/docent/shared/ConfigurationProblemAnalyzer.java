package dev.docent.shared;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link ConfigurationProblem} into a short start-up failure report instead of a
 * stack trace.
 */
class ConfigurationProblemAnalyzer extends AbstractFailureAnalyzer<ConfigurationProblem> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationProblem cause) {
        return new FailureAnalysis(cause.getMessage(), "Fix the setting named above and start again.", cause);
    }

}
