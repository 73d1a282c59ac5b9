package dev.docent.llm;

import java.util.List;
import org.springframework.stereotype.Component;

@Component
class TemporaryNoModel implements LanguageModel {
    public boolean available() { return false; }
    public String description() { return "none"; }
    public String complete(List<ModelMessage> m) { throw new ModelFailure(ModelFailure.Kind.NOT_CONFIGURED, "no model", null); }
    public ModelStream stream(List<ModelMessage> m) { throw new ModelFailure(ModelFailure.Kind.NOT_CONFIGURED, "no model", null); }
}
