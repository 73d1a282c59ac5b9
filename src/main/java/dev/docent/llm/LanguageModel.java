package dev.docent.llm;

import java.util.List;

public interface LanguageModel {
    boolean available();

    String description();

    String complete(List<ModelMessage> messages);

    ModelStream stream(List<ModelMessage> messages);
}
