package dev.docent.apikey;

import java.util.Objects;
import java.util.UUID;

public record ApiKeyId(UUID value) {

    public ApiKeyId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
