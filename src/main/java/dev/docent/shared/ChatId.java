package dev.docent.shared;

import java.util.Objects;
import java.util.UUID;

public record ChatId(UUID value) {

    public ChatId {
        Objects.requireNonNull(value, "value");
    }

    public static ChatId of(String value) {
        return new ChatId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
