package dev.docent.assistant;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxMessageChars the longest question a user may send
 * @param historyTokens token budget of the earlier conversation included in a prompt
 * @param generationTimeout how long an answer may take before the client gets a 504 (env
 * {@code DOCENT_LLM_TIMEOUT})
 * @param stopCheckInterval how often a running generation looks for a stop request (from
 * any instance)
 * @param passages how many retrieved passages an OFFICIAL_DOCS answer is grounded in, at
 * most
 * @param passageTokens token budget of the passages in a grounded prompt: the passages
 * retrieved and the further ones of the best pages, about ten of 300 words
 */
@ConfigurationProperties("docent.assistant")
public record AssistantSettings(@DefaultValue("16000") int maxMessageChars, @DefaultValue("3000") int historyTokens,
        @DefaultValue("60s") Duration generationTimeout, @DefaultValue("250ms") Duration stopCheckInterval,
        @DefaultValue("6") int passages, @DefaultValue("4000") int passageTokens) {

    /**
     * A lease outlives the generation, so a crashed instance's lease expires on its own.
     */
    public Duration lease() {
        return generationTimeout.plusSeconds(60);
    }
}
