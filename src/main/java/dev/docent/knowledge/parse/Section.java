package dev.docent.knowledge.parse;

import java.util.List;

/**
 * A heading, the fragment that links to it ({@code ""} when there is none), and what
 * follows it.
 */
public record Section(String heading, String anchor, List<Block> blocks) {

    public Section {
        blocks = List.copyOf(blocks);
    }
}
