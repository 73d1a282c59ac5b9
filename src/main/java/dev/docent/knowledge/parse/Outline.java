package dev.docent.knowledge.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects blocks under the heading last seen; sections left without blocks are dropped.
 */
final class Outline {

    private final List<Section> sections = new ArrayList<>();

    private String heading;

    private String anchor;

    private List<Block> blocks = new ArrayList<>();

    Outline(String firstHeading) {
        this.heading = firstHeading;
        this.anchor = "";
    }

    void section(String heading, String anchor) {
        close();
        this.heading = heading;
        this.anchor = anchor;
        this.blocks = new ArrayList<>();
    }

    void prose(String text) {
        String normalized = text.replaceAll("\\s+", " ").strip();
        if (!normalized.isEmpty()) {
            blocks.add(new Block.Prose(normalized));
        }
    }

    void code(String text) {
        String verbatim = text.replaceFirst("^(\\s*\\n)+", "").stripTrailing();
        if (!verbatim.isEmpty()) {
            blocks.add(new Block.Code(verbatim));
        }
    }

    void entry(String signature, String entryAnchor) {
        String normalized = signature.replaceAll("\\s+", " ").strip();
        if (!normalized.isEmpty()) {
            blocks.add(new Block.Entry(normalized, entryAnchor));
        }
    }

    List<Section> sections() {
        close();
        return List.copyOf(sections);
    }

    private void close() {
        if (!blocks.isEmpty()) {
            sections.add(new Section(heading, anchor, blocks));
            blocks = new ArrayList<>();
        }
    }

}
