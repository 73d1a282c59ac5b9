package dev.docent.apikey;

import java.util.Locale;
import java.util.Optional;

/**
 * PUBLIC keys are safe to put in a web page (the widget); SECRET keys belong on servers
 * and in coding agents.
 */
public enum KeyKind {

    PUBLIC("dk_pub_"), SECRET("dk_sec_");

    private final String prefix;

    KeyKind(String prefix) {
        this.prefix = prefix;
    }

    /** How a key of this kind starts, so that people and secret scanners recognise it. */
    public String prefix() {
        return prefix;
    }

    /** As the API writes it: {@code public} or {@code secret}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<KeyKind> fromWire(String value) {
        for (KeyKind kind : values()) {
            if (kind.wire().equals(value)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

}
