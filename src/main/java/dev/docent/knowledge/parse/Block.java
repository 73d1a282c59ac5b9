package dev.docent.knowledge.parse;

/**
 * A run of prose, a code listing kept exactly as written, or the signature that opens a
 * reference entry.
 */
public sealed interface Block {

    String text();

    record Prose(String text) implements Block {
    }

    record Code(String text) implements Block {
    }

    /**
     * The signature of an entry of a reference page (a function, class, method…), where a
     * passage may start.
     */
    record Entry(String text, String anchor) implements Block {
    }

}
