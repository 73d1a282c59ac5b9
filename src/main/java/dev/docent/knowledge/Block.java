package dev.docent.knowledge;

/** A run of prose, or a code listing kept exactly as written. */
sealed interface Block {

    String text();

    record Prose(String text) implements Block {
    }

    record Code(String text) implements Block {
    }
}
