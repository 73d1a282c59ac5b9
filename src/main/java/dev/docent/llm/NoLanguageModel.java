package dev.docent.llm;

import java.util.List;

/**
 * Provider {@code extractive}: no model; answers come from the extractive answerer
 * instead.
 */
final class NoLanguageModel implements LanguageModel {

    @Override
    public boolean available() {
        return false;
    }

    @Override
    public String description() {
        return "none";
    }

    @Override
    public String complete(List<ModelMessage> messages) {
        throw notConfigured();
    }

    @Override
    public ModelStream stream(List<ModelMessage> messages) {
        throw notConfigured();
    }

    private static ModelFailure notConfigured() {
        return new ModelFailure(ModelFailure.Kind.NOT_CONFIGURED,
                "no language model is configured (DOCENT_LLM_PROVIDER=extractive)", null);
    }

}
