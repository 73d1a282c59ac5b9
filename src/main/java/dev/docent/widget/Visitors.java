package dev.docent.widget;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/** Visitor ids: 128 random bits, base64url, kept by the widget between visits. */
public final class Visitors {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final int LENGTH = 22;

    private Visitors() {
    }

    public static String generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The visitor id a widget presents again, when it has the shape of one. */
    public static Optional<String> presented(String value) {
        if (value == null || value.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
                return Optional.empty();
            }
        }
        return Optional.of(value);
    }

}
