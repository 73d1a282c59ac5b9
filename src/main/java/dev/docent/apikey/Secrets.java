package dev.docent.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Key material: 256 random bits after the kind's prefix. With that much entropy one
 * SHA-256 is a safe way to store a key (no guessing to slow down, unlike a password), and
 * it lets a request find its key with one map lookup.
 */
final class Secrets {

    static final int SHOWN_CHARS = 4;

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final int RANDOM_CHARS = 43;

    private Secrets() {
    }

    static String generate(KeyKind kind) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return kind.prefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String key) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a list shows of a key: its kind's prefix and its first random characters. */
    static String shown(String key) {
        return key.substring(0, key.indexOf('_', 3) + 1 + SHOWN_CHARS);
    }

    /** Whether a string could be a key at all, checked before any lookup. */
    static boolean plausible(String value) {
        if (value == null) {
            return false;
        }
        for (KeyKind kind : KeyKind.values()) {
            if (value.length() == kind.prefix().length() + RANDOM_CHARS && value.startsWith(kind.prefix())) {
                return true;
            }
        }
        return false;
    }

}
