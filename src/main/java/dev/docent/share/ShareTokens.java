package dev.docent.share;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable link tokens: 256 random bits, URL-safe. */
final class ShareTokens {

    static final String FORMAT = "[A-Za-z0-9_-]{43}";

    private static final SecureRandom RANDOM = new SecureRandom();

    private ShareTokens() {
    }

    static String newToken() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    static boolean wellFormed(String token) {
        return token != null && token.matches(FORMAT);
    }

}
