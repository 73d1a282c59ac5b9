package dev.docent.knowledge.parse;

import java.util.List;

/** One file of a document, reduced to its title and its sections of text and code. */
public record ParsedPage(String path, String title, List<Section> sections) {

    public ParsedPage {
        sections = List.copyOf(sections);
    }
}
