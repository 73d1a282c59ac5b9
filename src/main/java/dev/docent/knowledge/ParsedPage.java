package dev.docent.knowledge;

import java.util.List;

/** One file of a document, reduced to its title and its sections of text and code. */
record ParsedPage(String path, String title, List<Section> sections) {

    ParsedPage {
        sections = List.copyOf(sections);
    }
}
