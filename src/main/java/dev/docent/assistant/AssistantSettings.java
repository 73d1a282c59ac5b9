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
 * @param generationLease how long a chat's answer holds the chat without renewing its
 * lease; a running generation renews it every third of that, so the lease of an instance
 * that died mid-answer is free again within this time, not after the whole timeout
 */
@ConfigurationProperties("docent.assistant")
public record AssistantSettings(@DefaultValue("16000") int maxMessageChars, @DefaultValue("3000") int historyTokens,
        @DefaultValue("60s") Duration generationTimeout, @DefaultValue("250ms") Duration stopCheckInterval,
        @DefaultValue("6") int passages, @DefaultValue("4000") int passageTokens,
        @DefaultValue("30s") Duration generationLease) {

    /** How often a running generation renews its chat's lease. */
    public Duration leaseRenewal() {
        return generationLease.dividedBy(3);
    }

    /**
     * An idempotency key's claim outlives the generation, so a crashed instance's claim
     * expires on its own.
     */
    public Duration lease() {
        return generationTimeout.plusSeconds(60);
    }
}
