package dev.docent.knowledge;

import java.util.List;

/** A heading, the fragment that links to it ({@code ""} when there is none), and what follows it. */
record Section(String heading, String anchor, List<Block> blocks) {

    Section {
        blocks = List.copyOf(blocks);
    }
}
